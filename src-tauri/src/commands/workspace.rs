use guildbook_core::picking::FilePurpose;
use guildbook_core::recent::Recent;
use guildbook_core::workspace::AppStatus;
use guildbook_core::CoreError;
use guildbook_core::{Workspace, WorkspaceInfo};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

fn info(state: &AppState) -> CmdResult<WorkspaceInfo> {
    state.with(|ws| ws.info())
}

#[tauri::command]
pub fn app_status(state: State<AppState>) -> CmdResult<AppStatus> {
    let workspace = state.lock().as_ref().map(|ws| ws.info()).transpose()?;
    Ok(AppStatus {
        workspace,
        recent: Recent::load(&state.config_dir)
            .workspaces
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        demo_path: state.demo_path().display().to_string(),
        reopen_error: state
            .reopen_error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take(),
    })
}

/// The UI calls this once its first screen is interactive; the time is the startup benchmark.
#[tauri::command]
pub fn app_ready(state: State<AppState>) -> u64 {
    let ms = state.started.elapsed().as_millis() as u64;
    eprintln!("guildbook: interactive {ms} ms after launch");
    ms
}

/// The workspace folder the person chose.
#[tauri::command(async)]
pub fn workspace_open(state: State<'_, AppState>, picked: String) -> CmdResult<WorkspaceInfo> {
    state
        .picks
        .use_file(&picked, &[FilePurpose::OpenWorkspace], |path| {
            state.open(path)
        })?;
    info(&state)
}

/// One of the recent workspaces, by its place in the list `app_status` gave.
#[tauri::command(async)]
pub fn workspace_open_recent(
    state: State<'_, AppState>,
    position: u32,
) -> CmdResult<WorkspaceInfo> {
    let recent = Recent::load(&state.config_dir);
    let path = recent.workspaces.get(position as usize).ok_or_else(|| {
        CoreError::NotFound("That workspace is no longer in the recent list.".into())
    })?;
    state.open(path)?;
    info(&state)
}

#[tauri::command(async)]
pub fn workspace_create(
    state: State<'_, AppState>,
    picked: String,
    name: Option<String>,
) -> CmdResult<WorkspaceInfo> {
    let ws = state
        .picks
        .use_file(&picked, &[FilePurpose::NewWorkspace], |path| {
            Workspace::create(path, name.as_deref())
        })?;
    state.set(ws)?;
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
