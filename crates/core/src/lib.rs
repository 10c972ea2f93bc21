//! Guildbook's core: the domain, the SQLite store and the services that the desktop shell and the
//! `guildbook` command line both call. Nothing here knows about Tauri; documents are drawn by
//! `guildbook-pdf` from view models built here.

pub mod assessment;
pub mod clock;
pub mod completeness;
pub mod credentials;
pub mod csv_file;
pub mod dates;
pub mod demo;
pub mod documents;
pub mod error;
pub mod evidence;
pub mod fault;
pub mod files;
pub mod insights;
pub mod keystore;
pub mod ladder;
pub mod layout;
pub mod picking;
pub mod portfolio;
pub mod progression;
pub mod recent;
pub mod roster;
pub mod seed;
pub mod signing;
pub mod staffing;
pub mod store;
pub mod text;
pub mod thumbnail;
pub mod timeline;
pub mod vault;
pub mod workspace;

#[cfg(test)]
mod bindings;

pub use error::{ApiError, CoreError, ErrorCode, Result};
pub use workspace::{Workspace, WorkspaceInfo};

/// Ids are UUID v7: unique, stable across exports, and sorted by creation time.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
