//! Where things live inside a workspace folder. Kept apart so that the workspace (which creates
//! and sweeps these folders) and the vault and thumbnails (which fill them) need not import each
//! other.

/// The SQLite database: every record of the workspace.
pub const DB_FILE: &str = "guildbook.db";
/// Evidence files, named by the SHA-256 of their bytes.
pub const VAULT_DIR: &str = "vault";
/// Copies of the database made before a schema upgrade.
pub const BACKUP_DIR: &str = "backups";
/// Inside the vault: files on their way in, renamed into place once hashed.
pub const INCOMING_DIR: &str = ".incoming";
/// Inside the vault: the thumbnail cache.
pub const THUMBS_DIR: &str = ".thumbs";
