use guildbook_core::ladder::templates::{self, TemplateInfo};
use guildbook_core::ladder::{
    diff_versions, Ladder, LadderContent, LadderDiff, LadderEdit, NewRole, RolePatch, RoleRef,
    RoleSummary, VersionInfo,
};
use guildbook_core::picking::FilePurpose;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub fn templates_list() -> Vec<TemplateInfo> {
    templates::all()
}

#[tauri::command(async)]
pub fn roles_list(
    state: State<'_, AppState>,
    include_archived: bool,
) -> CmdResult<Vec<RoleSummary>> {
    state.with(|ws| ws.list_roles(include_archived))
}

#[tauri::command(async)]
pub fn role_create(state: State<'_, AppState>, role: NewRole) -> CmdResult<Ladder> {
    state.with(|ws| ws.create_role(role))
}

#[tauri::command(async)]
pub fn role_update(
    state: State<'_, AppState>,
    id: String,
    patch: RolePatch,
) -> CmdResult<RoleSummary> {
    state.with(|ws| ws.update_role(&id, patch))
}

#[tauri::command(async)]
pub fn role_duplicate(state: State<'_, AppState>, id: String, name: String) -> CmdResult<Ladder> {
    state.with(|ws| ws.duplicate_role(&id, &name))
}

#[tauri::command(async)]
pub fn role_set_archived(
    state: State<'_, AppState>,
    id: String,
    archived: bool,
) -> CmdResult<RoleSummary> {
    state.with(|ws| ws.set_role_archived(&id, archived))
}

#[tauri::command(async)]
pub fn role_set_related(
    state: State<'_, AppState>,
    id: String,
    related: Vec<String>,
) -> CmdResult<Vec<RoleRef>> {
    state.with(|ws| ws.set_related_roles(&id, &related))
}

#[tauri::command(async)]
pub fn ladder_get(state: State<'_, AppState>, role_id: String) -> CmdResult<Ladder> {
    state.with(|ws| ws.ladder(&role_id))
}

#[tauri::command(async)]
pub fn ladder_get_version(state: State<'_, AppState>, version_id: String) -> CmdResult<Ladder> {
    state.with(|ws| ws.ladder_version(&version_id))
}

#[tauri::command(async)]
pub fn ladder_versions(state: State<'_, AppState>, role_id: String) -> CmdResult<Vec<VersionInfo>> {
    state.with(|ws| ws.ladder_versions(&role_id))
}

#[tauri::command(async)]
pub fn ladder_edit(
    state: State<'_, AppState>,
    role_id: String,
    edit: LadderEdit,
) -> CmdResult<Ladder> {
    state.with(|ws| ws.edit_ladder(&role_id, edit))
}

#[tauri::command(async)]
pub fn ladder_set_content(
    state: State<'_, AppState>,
    role_id: String,
    content: LadderContent,
) -> CmdResult<Ladder> {
    state.with(|ws| ws.set_ladder_content(&role_id, content))
}

#[tauri::command(async)]
pub fn ladder_publish(state: State<'_, AppState>, role_id: String) -> CmdResult<Ladder> {
    state.with(|ws| ws.publish_ladder(&role_id))
}

#[tauri::command(async)]
pub fn ladder_discard_draft(state: State<'_, AppState>, role_id: String) -> CmdResult<Ladder> {
    state.with(|ws| ws.discard_draft(&role_id))
}

#[tauri::command(async)]
pub fn ladder_diff(
    state: State<'_, AppState>,
    from_version: String,
    to_version: String,
) -> CmdResult<LadderDiff> {
    state.with(|ws| diff_versions(ws, &from_version, &to_version))
}

/// A ladder file the person chose; after a name clash it may be tried again under `rename`.
#[tauri::command(async)]
pub fn ladder_import(
    state: State<'_, AppState>,
    picked: String,
    rename: Option<String>,
) -> CmdResult<Ladder> {
    state
        .picks
        .use_file(&picked, &[FilePurpose::ImportLadder], |path| {
            state.with(|ws| ws.import_ladder(path, rename.as_deref()))
        })
}

#[tauri::command(async)]
pub fn ladder_export(state: State<'_, AppState>, role_id: String, picked: String) -> CmdResult<()> {
    state
        .picks
        .use_file(&picked, &[FilePurpose::ExportLadder], |path| {
            state.with(|ws| ws.export_ladder(&role_id, path))
        })
}
