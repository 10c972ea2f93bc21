use guildbook_core::csv_file::{CsvImportResult, CsvPreview};
use guildbook_core::insights::costs::{ProgramCost, ProgramCostInput};
use guildbook_core::insights::kpi::{
    KpiDefinition, KpiId, KpiQuery, KpiResult, KpiRow, DEFINITIONS,
};
use guildbook_core::insights::pilot::{Assumptions, Pilot, PilotInput, PilotReview};
use guildbook_core::insights::{DeliveryEvent, DeliveryEventInput};
use guildbook_core::picking::{first, FilePurpose};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn delivery_events(
    state: State<'_, AppState>,
    contractor_id: String,
) -> CmdResult<Vec<DeliveryEvent>> {
    state.with(|ws| ws.delivery_events(&contractor_id))
}

#[tauri::command(async)]
pub fn delivery_event_add(
    state: State<'_, AppState>,
    input: DeliveryEventInput,
) -> CmdResult<DeliveryEvent> {
    state.with(|ws| ws.add_delivery_event(&input))
}

#[tauri::command(async)]
pub fn delivery_event_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|ws| ws.delete_delivery_event(&id))
}

/// What importing the chosen events CSV would do; the choice stays valid for the import itself.
#[tauri::command(async)]
pub fn events_csv_preview(
    state: State<'_, AppState>,
    picked: String,
) -> CmdResult<CsvPreview<DeliveryEvent>> {
    state
        .picks
        .peek(&picked, &[FilePurpose::ImportEvents], |_, paths| {
            state.with(|ws| ws.preview_events_csv(first(paths)?))
        })
}

#[tauri::command(async)]
pub fn events_csv_import(
    state: State<'_, AppState>,
    picked: String,
    skip_bad_rows: bool,
) -> CmdResult<CsvImportResult> {
    state
        .picks
        .use_file(&picked, &[FilePurpose::ImportEvents], |path| {
            state.with(|ws| ws.import_events_csv(path, skip_bad_rows))
        })
}

#[tauri::command(async)]
pub fn kpi_definitions() -> Vec<KpiDefinition> {
    DEFINITIONS.to_vec()
}

#[tauri::command(async)]
pub fn kpis(state: State<'_, AppState>, query: KpiQuery) -> CmdResult<Vec<KpiResult>> {
    state.with(|ws| ws.kpis(&query))
}

#[tauri::command(async)]
pub fn kpi_rows(
    state: State<'_, AppState>,
    query: KpiQuery,
    kpi: KpiId,
    credentialed: Option<bool>,
) -> CmdResult<Vec<KpiRow>> {
    state.with(|ws| ws.kpi_rows(&query, kpi, credentialed))
}

#[tauri::command(async)]
pub fn pilots(state: State<'_, AppState>) -> CmdResult<Vec<Pilot>> {
    state.with(|ws| ws.pilots())
}

#[tauri::command(async)]
pub fn pilot_create(state: State<'_, AppState>, input: PilotInput) -> CmdResult<Pilot> {
    state.with(|ws| ws.create_pilot(&input))
}

#[tauri::command(async)]
pub fn pilot_set_assumptions(
    state: State<'_, AppState>,
    id: String,
    assumptions: Assumptions,
) -> CmdResult<Pilot> {
    state.with(|ws| ws.set_pilot_assumptions(&id, &assumptions))
}

#[tauri::command(async)]
pub fn pilot_review(state: State<'_, AppState>, id: String) -> CmdResult<PilotReview> {
    state.with(|ws| ws.pilot_review(&id, None))
}

#[tauri::command(async)]
pub fn program_costs(state: State<'_, AppState>) -> CmdResult<Vec<ProgramCost>> {
    state.with(|ws| ws.program_costs())
}

#[tauri::command(async)]
pub fn program_cost_add(
    state: State<'_, AppState>,
    input: ProgramCostInput,
) -> CmdResult<ProgramCost> {
    state.with(|ws| ws.add_program_cost(&input))
}

#[tauri::command(async)]
pub fn program_cost_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|ws| ws.delete_program_cost(&id))
}
