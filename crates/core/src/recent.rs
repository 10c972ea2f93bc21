//! The workspaces this computer opened recently, newest first, kept in the app's config folder so
//! the app reopens the last one.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::files::write_atomically;

const FILE: &str = "recent-workspaces.json";
const KEEP: usize = 8;

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Recent {
    pub workspaces: Vec<PathBuf>,
}

impl Recent {
    /// Reads the list; a missing or damaged file is an empty list (it is only a convenience).
    pub fn load(config_dir: &Path) -> Recent {
        crate::files::read_capped(
            &config_dir.join(FILE),
            1024 * 1024,
            "The recent workspaces list",
        )
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
    }

    pub fn last(&self) -> Option<&Path> {
        self.workspaces.first().map(PathBuf::as_path)
    }

    pub fn remember(config_dir: &Path, workspace: &Path) -> Result<Recent> {
        let mut recent = Recent::load(config_dir);
        recent.workspaces.retain(|p| p != workspace);
        recent.workspaces.insert(0, workspace.to_path_buf());
        recent.workspaces.truncate(KEEP);
        std::fs::create_dir_all(config_dir)
            .map_err(crate::CoreError::io("Could not create the settings folder"))?;
        let json = serde_json::to_vec_pretty(&recent).expect("paths serialise");
        write_atomically(&config_dir.join(FILE), &json)?;
        Ok(recent)
    }
}
