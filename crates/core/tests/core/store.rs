//! The store: migrations from empty and from every earlier version, backups before a migration,
//! and the workspace folder checks.

use std::fs;

use guildbook_core::store::{self, MIGRATIONS};
use guildbook_core::workspace::{BACKUP_DIR, DB_FILE};
use guildbook_core::{ErrorCode, Workspace};

#[test]
fn migrations_apply_from_empty_and_set_the_pragmas() {
    let (_dir, ws) = crate::common::workspace();
    let conn = ws.conn();
    assert_eq!(
        store::schema_version(conn).unwrap(),
        store::latest_version()
    );
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'ladder_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 4);
}

#[test]
fn every_earlier_version_migrates_to_the_latest_and_is_backed_up_first() {
    for from in 1..store::latest_version() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("ws");
        fs::create_dir_all(&root).unwrap();
        {
            // An older app's database: only the first `from` migrations, with some data.
            let mut conn = store::open(&root.join(DB_FILE), true).unwrap();
            store::migrate(&mut conn, from, |_, _| Ok(())).unwrap();
            conn.execute(
                "INSERT INTO setting (key, value) VALUES ('name', 'Old shop')",
                [],
            )
            .unwrap();
        }
        let ws = Workspace::open(&root).unwrap();
        assert_eq!(ws.info().unwrap().schema_version, store::latest_version());
        assert_eq!(
            ws.info().unwrap().name,
            "Old shop",
            "data survives the migration"
        );
        let backups: Vec<_> = fs::read_dir(root.join(BACKUP_DIR))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(backups.len(), 1, "one backup before migrating from {from}");
        let backup = store::open(&backups[0], false).unwrap();
        assert_eq!(
            store::schema_version(&backup).unwrap(),
            from,
            "the backup is the old database"
        );
    }
}

#[test]
fn a_fresh_workspace_makes_no_backup_and_reopening_makes_none_either() {
    let (dir, ws) = crate::common::workspace();
    let root = ws.root().to_path_buf();
    drop(ws);
    Workspace::open(&root).unwrap();
    assert_eq!(fs::read_dir(root.join(BACKUP_DIR)).unwrap().count(), 0);
    drop(dir);
}

#[test]
fn a_workspace_from_a_newer_app_is_refused_untouched() {
    let (_dir, ws) = crate::common::workspace();
    let root = ws.root().to_path_buf();
    ws.conn()
        .pragma_update(None, "user_version", MIGRATIONS.len() as u32 + 5)
        .unwrap();
    drop(ws);
    let err = Workspace::open(&root).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NewerWorkspace);
    assert!(err.to_string().contains("newer Guildbook"), "{err}");
}

#[test]
fn a_folder_without_a_database_is_not_a_workspace() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    let err = Workspace::open(dir.path()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotAWorkspace);
    assert!(
        err.to_string().contains("not a Guildbook workspace"),
        "{err}"
    );
    assert!(
        !dir.path().join(DB_FILE).exists(),
        "opening must not create a database"
    );
}

#[test]
fn a_damaged_database_file_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(DB_FILE), vec![0x42u8; 8192]).unwrap();
    let err = Workspace::open(dir.path()).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotAWorkspace, "{err}");
    assert!(
        err.to_string().contains("not a Guildbook database"),
        "{err}"
    );
    assert_eq!(
        fs::read(dir.path().join(DB_FILE)).unwrap(),
        vec![0x42u8; 8192],
        "the file is left alone"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_refused_with_a_clear_reason() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, ws) = crate::common::workspace();
    let root = ws.root().to_path_buf();
    drop(ws);
    fs::set_permissions(&root, fs::Permissions::from_mode(0o555)).unwrap();
    let err = Workspace::open(&root).err().unwrap();
    fs::set_permissions(&root, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(err.code(), ErrorCode::WorkspaceReadOnly);
    assert!(err.to_string().contains("read-only"), "{err}");

    let fresh = tempfile::tempdir().unwrap();
    fs::set_permissions(fresh.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let err = Workspace::create(fresh.path(), None).err().unwrap();
    fs::set_permissions(fresh.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(err.code(), ErrorCode::WorkspaceReadOnly);
}

#[test]
fn creating_a_workspace_needs_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("report.pdf"), "x").unwrap();
    let err = Workspace::create(dir.path(), None).err().unwrap();
    assert!(err.to_string().contains("not empty"), "{err}");
    let (_d, ws) = crate::common::workspace();
    let err = Workspace::create(ws.root(), None).err().unwrap();
    assert_eq!(err.code(), ErrorCode::Duplicate);
}

#[test]
fn errors_cross_ipc_as_code_and_message() {
    let dir = tempfile::tempdir().unwrap();
    let err = Workspace::open(dir.path()).err().unwrap();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "not_a_workspace");
    assert!(json["message"]
        .as_str()
        .unwrap()
        .contains("not a Guildbook workspace"));
}
