//! The SQLite store: opening a connection the same way every time, and numbered migrations
//! embedded in the binary.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{CoreError, Result};

/// Migrations in order; the database's `user_version` is how many have been applied.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_workspace",
        include_str!("../migrations/0001_workspace.sql"),
    ),
    (
        "0002_ladders",
        include_str!("../migrations/0002_ladders.sql"),
    ),
    ("0003_roster", include_str!("../migrations/0003_roster.sql")),
    (
        "0004_evidence",
        include_str!("../migrations/0004_evidence.sql"),
    ),
    ("0005_review", include_str!("../migrations/0005_review.sql")),
    (
        "0006_assessments",
        include_str!("../migrations/0006_assessments.sql"),
    ),
    (
        "0007_progression",
        include_str!("../migrations/0007_progression.sql"),
    ),
    (
        "0008_scales_and_payments",
        include_str!("../migrations/0008_scales_and_payments.sql"),
    ),
    (
        "0009_credentials",
        include_str!("../migrations/0009_credentials.sql"),
    ),
    (
        "0010_award_indexes",
        include_str!("../migrations/0010_award_indexes.sql"),
    ),
    (
        "0011_branding",
        include_str!("../migrations/0011_branding.sql"),
    ),
    (
        "0012_hardening",
        include_str!("../migrations/0012_hardening.sql"),
    ),
    (
        "0013_insights",
        include_str!("../migrations/0013_insights.sql"),
    ),
    (
        "0014_numbered_events",
        include_str!("../migrations/0014_numbered_events.sql"),
    ),
    (
        "0015_staffing",
        include_str!("../migrations/0015_staffing.sql"),
    ),
];

/// A write transaction that takes the write lock at once (BEGIN IMMEDIATE): a second writer
/// waits at the start instead of failing half-way through.
pub fn write_tx(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// An enum as it is stored: its serde name (snake_case), so the database, the IPC and the TS
/// bindings spell it alike.
pub fn enum_text<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// A stored enum read back; a name this version does not know is a conversion error (the row is
/// not silently read as something else).
pub fn enum_from<T: DeserializeOwned>(text: String) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text.clone())).map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, text.into())
    })
}

pub fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// Opens a connection with the settings every connection needs: WAL so readers never block the
/// writer, foreign keys on, and a busy timeout so a second process waits instead of failing.
pub fn open(path: &Path, create: bool) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(Duration::from_secs(5))?;
    configure(&conn).map_err(|err| match err {
        CoreError::Database(e)
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) =>
        {
            CoreError::NotAWorkspace(format!(
                "{} is not a Guildbook database (the file is not SQLite, or it is damaged).",
                path.display()
            ))
        }
        other => other,
    })?;
    Ok(conn)
}

/// Settings that make a database someone else wrote safe to use (sqlite.org/security.html): its
/// schema may not run functions with side effects from triggers or views, and SQL can't corrupt
/// the file on purpose (defensive mode: no writable_schema, no direct page writes).
fn configure(conn: &Connection) -> Result<()> {
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.execute_batch("PRAGMA trusted_schema = OFF;")?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(CoreError::Invalid(format!(
            "the database refused WAL mode (got {mode})"
        )));
    }
    // Up to 64 MiB of pages kept in memory (the default is 2 MiB): a large program's indexes then
    // stay in the process between screens instead of being read from the file again.
    conn.execute_batch(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;
         PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
    )?;
    Ok(())
}

pub fn schema_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies every pending migration in one transaction: either all of them land or none.
/// `before_change` runs only when an existing, non-empty database is about to change — the caller
/// copies the file aside there (outside the transaction: SQLite can't copy from inside one).
pub fn migrate(
    conn: &mut Connection,
    target: u32,
    before_change: impl FnOnce(&Connection, u32) -> Result<()>,
) -> Result<u32> {
    let current = check_version(conn)?;
    if current >= target {
        return Ok(current);
    }
    if current > 0 {
        before_change(conn, current)?;
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the write lock.
    let current = check_version(&tx)?;
    for (_, sql) in &MIGRATIONS[(current.min(target)) as usize..target as usize] {
        tx.execute_batch(sql)?;
    }
    if current < target {
        tx.pragma_update(None, "user_version", target)?;
    }
    tx.commit()?;
    Ok(target.max(current))
}

fn check_version(conn: &Connection) -> Result<u32> {
    let current = schema_version(conn)?;
    if current > latest_version() {
        return Err(CoreError::NewerWorkspace(format!(
            "This workspace was written by a newer Guildbook (schema {current}; this app knows up to {}). Update Guildbook to open it; nothing was changed.",
            latest_version()
        )));
    }
    Ok(current)
}

/// Writes a consistent copy of the database to `dest` (works while other connections are open).
pub fn backup_to(conn: &Connection, dest: &Path) -> Result<()> {
    conn.execute("VACUUM INTO ?1", [dest.to_string_lossy()])?;
    Ok(())
}

/// Reports damage in words: `PRAGMA quick_check`'s findings (the first few), or nothing.
pub fn damage(conn: &Connection) -> Result<Option<String>> {
    let mut stmt = conn.prepare("PRAGMA quick_check(5)")?;
    let findings: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match findings.as_slice() {
        [ok] if ok == "ok" => None,
        found => Some(found.join("; ")),
    })
}

/// A trigger or view as the schema holds it: (type, name, SQL).
type CodeObject = (String, String, String);

/// The triggers and views (the schema objects that run SQL) that Guildbook's own migrations
/// make at `version`, as (type, name, SQL).
fn own_code_objects(version: u32) -> Result<Vec<CodeObject>> {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static BY_VERSION: Mutex<Option<HashMap<u32, Vec<CodeObject>>>> = Mutex::new(None);
    let mut cache = BY_VERSION.lock().unwrap_or_else(|e| e.into_inner());
    let cache = cache.get_or_insert_with(HashMap::new);
    if let Some(found) = cache.get(&version) {
        return Ok(found.clone());
    }
    let mut fresh = Connection::open_in_memory()?;
    let tx = fresh.transaction()?;
    for (_, sql) in &MIGRATIONS[..version as usize] {
        tx.execute_batch(sql)?;
    }
    let found = code_objects(&tx)?;
    tx.rollback()?;
    cache.insert(version, found.clone());
    Ok(found)
}

fn code_objects(conn: &Connection) -> Result<Vec<CodeObject>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_schema
         WHERE type IN ('trigger', 'view') ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Refuses a database whose triggers or views are not exactly the ones Guildbook made: a
/// workspace from elsewhere must never run its own SQL inside our transactions.
pub fn check_schema_code(conn: &Connection) -> Result<()> {
    let version = check_version(conn)?;
    let own = own_code_objects(version)?;
    let found = code_objects(conn)?;
    if let Some((kind, name, _)) = found.iter().find(|o| !own.contains(o)) {
        return Err(CoreError::NotAWorkspace(format!(
            "This workspace's database holds a {kind} named “{}” that Guildbook did not make (or that was changed). A database from elsewhere may carry SQL that runs on its own, so it was not opened; nothing was changed.",
            crate::text::shown(name)
        )));
    }
    if let Some((kind, name, _)) = own.iter().find(|o| !found.contains(o)) {
        return Err(CoreError::NotAWorkspace(format!(
            "This workspace's database is missing its {kind} “{name}”, which protects signed and published records. It was not opened; nothing was changed."
        )));
    }
    Ok(())
}
