//! What the shell keeps between calls: the open workspace and where the app's settings live.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

use std::panic::{catch_unwind, AssertUnwindSafe};

use guildbook_core::keystore::KeyStore;
use guildbook_core::picking::Picks;
use guildbook_core::recent::Recent;
use guildbook_core::{ApiError, CoreError, Result, Workspace};
use tauri::{AppHandle, Manager};

pub struct AppState {
    pub workspace: Mutex<Option<Workspace>>,
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    /// Private keys made on this computer (never inside a workspace).
    pub keys: KeyStore,
    /// Files the person chose in a dialog or dropped, behind the tokens the page holds.
    pub picks: Picks,
    pub started: Instant,
    /// Why the last workspace could not be reopened at start, shown once on the welcome screen.
    pub reopen_error: Mutex<Option<ApiError>>,
}

impl AppState {
    /// Reopens the workspace named by `GUILDBOOK_WORKSPACE`, or else the last one used.
    pub fn new(
        app: &AppHandle,
        started: Instant,
    ) -> std::result::Result<Self, Box<dyn std::error::Error>> {
        // GUILDBOOK_CONFIG_DIR / GUILDBOOK_DATA_DIR let tests run the app with a clean slate.
        let dir_from_env = |var: &str| std::env::var_os(var).map(PathBuf::from);
        let config_dir =
            dir_from_env("GUILDBOOK_CONFIG_DIR").unwrap_or(app.path().app_config_dir()?);
        let data_dir = dir_from_env("GUILDBOOK_DATA_DIR").unwrap_or(app.path().app_data_dir()?);
        let state = AppState {
            workspace: Mutex::new(None),
            reopen_error: Mutex::new(None),
            keys: KeyStore::in_settings(&config_dir),
            picks: Picks::default(),
            config_dir,
            data_dir,
            started,
        };
        // GUILDBOOK_DEMO=1 opens the demo workspace (the README's first command uses it).
        let opened = if std::env::var_os("GUILDBOOK_DEMO").is_some() {
            state.open_demo()
        } else {
            match dir_from_env("GUILDBOOK_WORKSPACE")
                .or_else(|| Recent::load(&state.config_dir).last().map(PathBuf::from))
            {
                Some(path) => state.open(&path),
                None => Ok(()),
            }
        };
        if let Err(err) = opened {
            *state.reopen_error.lock().unwrap_or_else(|e| e.into_inner()) =
                Some(ApiError::from(&err));
        }
        Ok(state)
    }

    pub fn demo_path(&self) -> PathBuf {
        self.data_dir.join("Demo workspace")
    }

    /// Makes `ws` the open workspace and remembers it for next time.
    pub fn set(&self, ws: Workspace) -> Result<()> {
        // Failing to remember is not worth failing the open for.
        let _ = Recent::remember(&self.config_dir, ws.root());
        *self.lock() = Some(ws);
        Ok(())
    }

    pub fn open(&self, path: &std::path::Path) -> Result<()> {
        self.set(Workspace::open(path)?)
    }

    /// Opens the demo workspace, creating it the first time.
    pub fn open_demo(&self) -> Result<()> {
        let path = self.demo_path();
        let ws = if path.join(guildbook_core::workspace::DB_FILE).exists() {
            Workspace::open(&path)?
        } else {
            guildbook_core::demo::create_with_keys(&path, Some(&self.keys))?
        };
        self.set(ws)
    }

    /// The open workspace's lock. A panic while it was held (a decoder choking on a hostile
    /// file, say) does not poison it: SQLite rolled back whatever was half done.
    pub fn lock(&self) -> std::sync::MutexGuard<'_, Option<Workspace>> {
        self.workspace.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` with the open workspace. A panic inside becomes an error for this call only;
    /// the app and the workspace keep working.
    pub fn with<T>(&self, f: impl FnOnce(&mut Workspace) -> Result<T>) -> Result<T> {
        let mut guard = self.lock();
        let ws = guard.as_mut().ok_or(CoreError::NoWorkspace)?;
        catch_unwind(AssertUnwindSafe(|| f(ws))).unwrap_or_else(|_| {
            Err(CoreError::Invalid(
                "Guildbook could not finish that (a file it read made a part of it fail). Nothing was changed; the rest of the app keeps working.".into(),
            ))
        })
    }

    /// Writes every committed change into the database file (on quit).
    pub fn close(&self) {
        if let Some(ws) = self.lock().take() {
            let _ = ws.checkpoint();
        }
    }
}
