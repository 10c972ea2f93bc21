use guildbook_core::completeness::CellProgress;
use guildbook_core::evidence::{Evidence, EvidenceInput};
use guildbook_core::picking::FilePurpose;
use guildbook_core::portfolio::review::CellRef;
use guildbook_core::vault::VaultReport;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn evidence_list(
    state: State<'_, AppState>,
    contractor_id: String,
) -> CmdResult<Vec<Evidence>> {
    state.with(|ws| ws.evidence_for(&contractor_id))
}

/// Files chosen in the dialog or dropped on the window, copied into the vault all or none;
/// dropped on a ladder cell, they are linked to it too.
#[tauri::command(async)]
pub fn evidence_add_files(
    state: State<'_, AppState>,
    contractor_id: String,
    picked: String,
    cell: Option<CellRef>,
) -> CmdResult<Vec<Evidence>> {
    let purposes = [FilePurpose::AddEvidence, FilePurpose::Dropped];
    state.picks.use_once(&picked, &purposes, |_, paths| {
        state.with(|ws| ws.add_evidence_files(&contractor_id, paths, cell.as_ref()))
    })
}

#[tauri::command(async)]
pub fn evidence_add(
    state: State<'_, AppState>,
    contractor_id: String,
    input: EvidenceInput,
) -> CmdResult<Evidence> {
    state.with(|ws| ws.add_evidence(&contractor_id, &input))
}

#[tauri::command(async)]
pub fn evidence_add_revision(
    state: State<'_, AppState>,
    evidence_id: String,
    picked: String,
    change_note: String,
) -> CmdResult<Evidence> {
    state
        .picks
        .use_file(&picked, &[FilePurpose::EvidenceVersion], |path| {
            state.with(|ws| ws.add_revision(&evidence_id, path, &change_note))
        })
}

#[tauri::command(async)]
pub fn evidence_revisions(
    state: State<'_, AppState>,
    artifact_id: String,
) -> CmdResult<Vec<Evidence>> {
    state.with(|ws| ws.artifact_revisions(&artifact_id))
}

/// Links evidence to cells given as (level key, domain key) pairs of one ladder version.
#[tauri::command(async)]
pub fn evidence_link(
    state: State<'_, AppState>,
    evidence_id: String,
    version_id: String,
    cells: Vec<(String, String)>,
) -> CmdResult<()> {
    state.with(|ws| ws.link_evidence(&evidence_id, &version_id, &cells))
}

#[tauri::command(async)]
pub fn evidence_unlink(
    state: State<'_, AppState>,
    evidence_id: String,
    role_id: String,
    level_key: String,
    domain_key: String,
) -> CmdResult<()> {
    state.with(|ws| ws.unlink_evidence(&evidence_id, &role_id, &level_key, &domain_key))
}

/// How far a person's evidence meets each cell of a role's current ladder.
#[tauri::command(async)]
pub fn cell_progress(
    state: State<'_, AppState>,
    contractor_id: String,
    role_id: String,
) -> CmdResult<Vec<CellProgress>> {
    state.with(|ws| {
        let ladder = ws.ladder(&role_id)?;
        ws.cell_progress(&contractor_id, &ladder)
    })
}

#[tauri::command(async)]
pub fn vault_verify(state: State<'_, AppState>) -> CmdResult<VaultReport> {
    state.with(|ws| ws.verify_vault())
}
