use std::path::PathBuf;

use guildbook_core::assessment::{
    self, AssessmentRow, AssessmentStatus, AssessmentView, Assessor, NewAssessment,
};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn assessors_list(state: State<'_, AppState>) -> CmdResult<Vec<(Assessor, bool)>> {
    let keys = state.keys_dir();
    state.with(|ws| {
        Ok(ws
            .assessors()?
            .into_iter()
            .map(|a| {
                let here = assessment::has_local_key(&keys, &a.id);
                (a, here)
            })
            .collect())
    })
}

/// A new assessor whose signing key is made and kept on this computer.
#[tauri::command(async)]
pub fn assessor_add_local(state: State<'_, AppState>, name: String, email: String) -> CmdResult<Assessor> {
    let keys = state.keys_dir();
    state.with(|ws| ws.add_local_assessor(&keys, &name, &email))
}

#[tauri::command(async)]
pub fn assessments_list(state: State<'_, AppState>) -> CmdResult<Vec<AssessmentRow>> {
    state.with(|ws| ws.list_assessments())
}

#[tauri::command(async)]
pub fn assessment_create(state: State<'_, AppState>, input: NewAssessment) -> CmdResult<AssessmentView> {
    let keys = state.keys_dir();
    state.with(|ws| {
        let a = ws.create_assessment(&input)?;
        ws.assessment_view(&keys, &a.id)
    })
}

#[tauri::command(async)]
pub fn assessment_get(state: State<'_, AppState>, id: String) -> CmdResult<AssessmentView> {
    let keys = state.keys_dir();
    state.with(|ws| ws.assessment_view(&keys, &id))
}

#[tauri::command(async)]
pub fn assessment_rate(
    state: State<'_, AppState>,
    id: String,
    domain_key: String,
    self_rating: Option<String>,
    assessor_rating: Option<String>,
    comment: String,
) -> CmdResult<AssessmentView> {
    let keys = state.keys_dir();
    state.with(|ws| {
        ws.rate_cell(&id, &domain_key, self_rating.as_deref(), assessor_rating.as_deref(), &comment)?;
        ws.assessment_view(&keys, &id)
    })
}

#[tauri::command(async)]
pub fn assessment_attach(
    state: State<'_, AppState>,
    id: String,
    domain_key: String,
    evidence_id: String,
) -> CmdResult<AssessmentView> {
    let keys = state.keys_dir();
    state.with(|ws| {
        ws.attach_evidence(&id, &domain_key, &evidence_id)?;
        ws.assessment_view(&keys, &id)
    })
}

#[tauri::command(async)]
pub fn assessment_summary(state: State<'_, AppState>, id: String, summary: String) -> CmdResult<AssessmentView> {
    let keys = state.keys_dir();
    state.with(|ws| {
        ws.set_assessment_summary(&id, &summary)?;
        ws.assessment_view(&keys, &id)
    })
}

#[tauri::command(async)]
pub fn assessment_status(
    state: State<'_, AppState>,
    id: String,
    status: AssessmentStatus,
) -> CmdResult<AssessmentView> {
    let keys = state.keys_dir();
    state.with(|ws| {
        ws.set_assessment_status(&id, status)?;
        ws.assessment_view(&keys, &id)
    })
}

/// Signs with the assessor's key from this computer.
#[tauri::command(async)]
pub fn assessment_sign(state: State<'_, AppState>, id: String) -> CmdResult<AssessmentView> {
    let keys = state.keys_dir();
    state.with(|ws| {
        ws.sign_with_local_key(&keys, &id)?;
        ws.assessment_view(&keys, &id)
    })
}

#[tauri::command(async)]
pub fn assessment_export(state: State<'_, AppState>, id: String, path: PathBuf) -> CmdResult<()> {
    state.with(|ws| {
        let file = ws.export_assessment(&id)?;
        assessment::write_file(&path, &file)
    })
}

/// Takes back a file an external lead signed; the signature is checked before anything is stored.
#[tauri::command(async)]
pub fn assessment_import(state: State<'_, AppState>, path: PathBuf) -> CmdResult<AssessmentView> {
    let keys = state.keys_dir();
    state.with(|ws| {
        let a = ws.import_signed_assessment(&assessment::read_file(&path)?)?;
        ws.assessment_view(&keys, &a.id)
    })
}
