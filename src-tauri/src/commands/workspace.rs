use std::path::PathBuf;

use guildbook_core::recent::Recent;
use guildbook_core::workspace::AppStatus;
use guildbook_core::{Workspace, WorkspaceInfo};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

fn info(state: &AppState) -> CmdResult<WorkspaceInfo> {
    state.with(|ws| ws.info())
}

#[tauri::command]
pub fn app_status(state: State<AppState>) -> CmdResult<AppStatus> {
    let workspace = state
        .workspace
        .lock()
        .unwrap()
        .as_ref()
        .map(|ws| ws.info())
        .transpose()?;
    Ok(AppStatus {
        workspace,
        recent: Recent::load(&state.config_dir)
            .workspaces
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        demo_path: state.demo_path().display().to_string(),
        reopen_error: state.reopen_error.lock().unwrap().take(),
    })
}

/// The UI calls this once its first screen is interactive; the time is the startup benchmark.
#[tauri::command]
pub fn app_ready(state: State<AppState>) -> u64 {
    let ms = state.started.elapsed().as_millis() as u64;
    eprintln!("guildbook: interactive {ms} ms after launch");
    ms
}

#[tauri::command(async)]
pub fn workspace_open(state: State<'_, AppState>, path: PathBuf) -> CmdResult<WorkspaceInfo> {
    state.open(&path)?;
    info(&state)
}

#[tauri::command(async)]
pub fn workspace_create(
    state: State<'_, AppState>,
    path: PathBuf,
    name: Option<String>,
) -> CmdResult<WorkspaceInfo> {
    state.set(Workspace::create(&path, name.as_deref())?)?;
    info(&state)
}

/// Opens the demo workspace, creating it the first time.
#[tauri::command(async)]
pub fn workspace_open_demo(state: State<'_, AppState>) -> CmdResult<WorkspaceInfo> {
    state.open_demo()?;
    info(&state)
}

#[tauri::command(async)]
pub fn workspace_rename(state: State<'_, AppState>, name: String) -> CmdResult<WorkspaceInfo> {
    state.with(|ws| ws.rename(&name))
}
