use guildbook_core::portfolio::critique::{CritiqueInput, CritiqueSession};
use guildbook_core::portfolio::review::{
    Annotation, AnnotationInput, DecisionInput, PortfolioItem, ReviewDecision, RubricCell,
};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn portfolio(
    state: State<'_, AppState>,
    contractor_id: String,
) -> CmdResult<Vec<PortfolioItem>> {
    state.with(|ws| ws.portfolio(&contractor_id))
}

#[tauri::command(async)]
pub fn evidence_rubric(
    state: State<'_, AppState>,
    evidence_id: String,
) -> CmdResult<Vec<RubricCell>> {
    state.with(|ws| ws.evidence_rubric(&evidence_id))
}

#[tauri::command(async)]
pub fn annotations(state: State<'_, AppState>, evidence_id: String) -> CmdResult<Vec<Annotation>> {
    state.with(|ws| ws.annotations(&evidence_id))
}

#[tauri::command(async)]
pub fn annotation_add(
    state: State<'_, AppState>,
    evidence_id: String,
    input: AnnotationInput,
) -> CmdResult<Annotation> {
    state.with(|ws| ws.add_annotation(&evidence_id, &input))
}

#[tauri::command(async)]
pub fn annotation_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|ws| ws.delete_annotation(&id))
}

#[tauri::command(async)]
pub fn review_decide(
    state: State<'_, AppState>,
    evidence_id: String,
    input: DecisionInput,
) -> CmdResult<ReviewDecision> {
    state.with(|ws| ws.decide(&evidence_id, &input))
}

#[tauri::command(async)]
pub fn review_decisions(
    state: State<'_, AppState>,
    evidence_id: String,
) -> CmdResult<Vec<ReviewDecision>> {
    state.with(|ws| ws.decisions(&evidence_id))
}

#[tauri::command(async)]
pub fn critiques(
    state: State<'_, AppState>,
    contractor_id: String,
) -> CmdResult<Vec<CritiqueSession>> {
    state.with(|ws| ws.critiques(&contractor_id))
}

/// Creates a session when `id` is null, otherwise replaces its details.
#[tauri::command(async)]
pub fn critique_save(
    state: State<'_, AppState>,
    contractor_id: String,
    id: Option<String>,
    input: CritiqueInput,
) -> CmdResult<CritiqueSession> {
    state.with(|ws| ws.save_critique(&contractor_id, id.as_deref(), &input))
}
