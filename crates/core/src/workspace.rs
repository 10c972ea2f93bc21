//! A workspace is a folder: the SQLite database, the evidence vault and migration backups.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::{clock, store};

pub use crate::layout::{BACKUP_DIR, DB_FILE, VAULT_DIR};
use crate::layout::{INCOMING_DIR, THUMBS_DIR};

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceInfo {
    pub name: String,
    pub path: String,
    pub schema_version: u32,
    /// Set when the folder is on a network share or a synced folder.
    pub storage_warning: Option<String>,
}

/// What the app shows at start: the open workspace (if any), recent ones, and why the last one
/// could not be reopened.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub workspace: Option<WorkspaceInfo>,
    pub recent: Vec<String>,
    pub demo_path: String,
    pub reopen_error: Option<crate::ApiError>,
}

pub struct Workspace {
    root: PathBuf,
    conn: Connection,
}

impl Workspace {
    /// Makes a new workspace in `root`, which must be missing or an empty folder.
    pub fn create(root: &Path, name: Option<&str>) -> Result<Self> {
        if root.join(DB_FILE).exists() {
            return Err(CoreError::Duplicate(format!(
                "{} is already a Guildbook workspace. Open it instead.",
                root.display()
            )));
        }
        if root.exists() {
            let not_empty = fs::read_dir(root)
                .map_err(CoreError::io(format!(
                    "Could not read the folder {}",
                    root.display()
                )))?
                .next()
                .is_some();
            if not_empty {
                return Err(CoreError::Invalid(format!(
                    "{} is not empty. Choose an empty folder for a new workspace.",
                    root.display()
                )));
            }
        }
        fs::create_dir_all(root).map_err(CoreError::io(format!(
            "Could not create the folder {}",
            root.display()
        )))?;
        ensure_writable(root)?;
        let default_name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Workspace".into());
        let ws = Self::connect(root, true)?;
        let name = crate::text::clean_name("Workspace name", name.unwrap_or(&default_name))?;
        ws.conn.execute(
            "INSERT INTO setting (key, value) VALUES ('name', ?1), ('created_at', ?2)",
            (&name, clock::now()),
        )?;
        ws.ensure_folders()?;
        Ok(ws)
    }

    /// Opens an existing workspace folder.
    pub fn open(root: &Path) -> Result<Self> {
        if !root.is_dir() {
            return Err(CoreError::NotAWorkspace(format!(
                "{} is not a folder. Choose a Guildbook workspace folder.",
                root.display()
            )));
        }
        if !root.join(DB_FILE).is_file() {
            return Err(CoreError::NotAWorkspace(format!(
                "{} is not a Guildbook workspace: it has no {DB_FILE}. Choose a workspace folder, or create a new workspace.",
                root.display()
            )));
        }
        ensure_writable(root)?;
        let ws = Self::connect(root, false)?;
        ws.ensure_folders()?;
        Ok(ws)
    }

    fn connect(root: &Path, create: bool) -> Result<Self> {
        let db_path = root.join(DB_FILE);
        let corrupt = |e: CoreError| match &e {
            CoreError::Database(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                ) =>
            {
                damaged(root, "its pages do not read back")
            }
            _ => e,
        };
        let mut conn = store::open(&db_path, create).map_err(corrupt)?;
        // A workspace may come from anyone: check it before anything runs in it. A damaged file
        // fails in whichever read comes first; each says so in the same words.
        if let Some(findings) = store::damage(&conn).map_err(corrupt)? {
            return Err(damaged(root, &findings));
        }
        store::check_schema_code(&conn).map_err(corrupt)?;
        store::migrate(&mut conn, store::latest_version(), |conn, from| {
            let backups = root.join(BACKUP_DIR);
            fs::create_dir_all(&backups)
                .map_err(CoreError::io("Could not create the backups folder"))?;
            let stamp = clock::now().replace([':', '-'], "");
            store::backup_to(
                conn,
                &backups.join(format!("guildbook-schema{from}-{stamp}.db")),
            )
        })?;
        Ok(Self {
            root: root.to_path_buf(),
            conn,
        })
    }

    fn ensure_folders(&self) -> Result<()> {
        for dir in [VAULT_DIR, BACKUP_DIR] {
            fs::create_dir_all(self.root.join(dir))
                .map_err(CoreError::io(format!("Could not create the {dir} folder")))?;
        }
        self.sweep_leftovers();
        Ok(())
    }

    /// Removes what a killed process left half-written: files on their way into the vault and
    /// partial thumbnails, by processes that are no longer running.
    fn sweep_leftovers(&self) {
        let vault = self.root.join(VAULT_DIR);
        crate::files::sweep(&vault.join(INCOMING_DIR), crate::files::is_orphaned);
        crate::files::sweep(&vault.join(THUMBS_DIR), crate::files::is_orphaned);
    }

    /// Writes every committed change into the database file itself (a copy of `guildbook.db`
    /// alone then holds everything). Done on close; harmless at any time.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Why this folder is a risky place for a workspace (a network share or a synced folder,
    /// where SQLite's locking can't be relied on), if it is one.
    pub fn storage_warning(&self) -> Option<String> {
        crate::files::shared_storage(&self.root).map(|kind| format!(
            "This workspace is on {kind}. SQLite databases can be damaged when a folder is shared or synced while they are open: keep the workspace on this computer's own disk and use backups to share it."
        ))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn info(&self) -> Result<WorkspaceInfo> {
        Ok(WorkspaceInfo {
            name: self.setting("name")?.unwrap_or_else(|| "Workspace".into()),
            path: self.root.display().to_string(),
            schema_version: store::schema_version(&self.conn)?,
            storage_warning: self.storage_warning(),
        })
    }

    pub fn rename(&self, name: &str) -> Result<WorkspaceInfo> {
        let name = crate::text::clean_name("Workspace name", name)?;
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES ('name', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [&name],
        )?;
        self.info()
    }

    /// The workspace's own id, which key files made for it record.
    pub fn id(&self) -> Result<String> {
        self.setting("workspace_id")?.ok_or_else(|| {
            CoreError::NotAWorkspace(
                "This workspace has no id (its settings were altered); it can't sign anything."
                    .into(),
            )
        })
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = self.checkpoint();
    }
}

fn damaged(root: &Path, findings: &str) -> CoreError {
    CoreError::NotAWorkspace(format!(
        "The workspace database in {} is damaged ({}). Open a backup instead (the backups folder holds copies made before upgrades); nothing was changed.",
        root.display(),
        crate::text::shown(findings)
    ))
}

/// Refuses a folder whose permissions say "read-only" up front, rather than failing on the first
/// write (as root, the OS would let us write anyway; the user's intent is what counts).
fn ensure_writable(root: &Path) -> Result<()> {
    let readonly = |p: &Path| {
        fs::metadata(p)
            .map(|m| m.permissions().readonly())
            .unwrap_or(false)
    };
    let db = root.join(DB_FILE);
    if readonly(root) || (db.exists() && readonly(&db)) {
        return Err(CoreError::WorkspaceReadOnly(format!(
            "The workspace folder {} is read-only. Guildbook keeps its database there and must write to it: make the folder writable, or copy the workspace somewhere writable. Nothing was changed.",
            root.display()
        )));
    }
    Ok(())
}
