use guildbook_core::picking::{first, FilePurpose};
use guildbook_core::roster::csv_import::{CsvImportResult, CsvPreview};
use guildbook_core::roster::{
    Contractor, ContractorInput, ContractorStatus, Engagement, EngagementInput, PayBand, Profile,
    RosterPage, RosterQuery,
};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn roster_query(state: State<'_, AppState>, query: RosterQuery) -> CmdResult<RosterPage> {
    state.with(|ws| ws.roster(&query))
}

#[tauri::command(async)]
pub fn contractor_profile(state: State<'_, AppState>, id: String) -> CmdResult<Profile> {
    state.with(|ws| ws.profile(&id))
}

#[tauri::command(async)]
pub fn contractor_add(state: State<'_, AppState>, input: ContractorInput) -> CmdResult<Contractor> {
    state.with(|ws| ws.add_contractor(&input))
}

#[tauri::command(async)]
pub fn contractor_update(
    state: State<'_, AppState>,
    id: String,
    input: ContractorInput,
) -> CmdResult<Contractor> {
    state.with(|ws| ws.update_contractor(&id, &input))
}

#[tauri::command(async)]
pub fn contractor_set_status(
    state: State<'_, AppState>,
    id: String,
    status: ContractorStatus,
) -> CmdResult<Contractor> {
    state.with(|ws| ws.set_contractor_status(&id, status))
}

#[tauri::command(async)]
pub fn contractor_set_level(
    state: State<'_, AppState>,
    contractor_id: String,
    role_id: String,
    level_key: String,
    effective_on: String,
    reason: String,
) -> CmdResult<Contractor> {
    state.with(|ws| {
        ws.set_contractor_level(&contractor_id, &role_id, &level_key, &effective_on, &reason)
    })
}

#[tauri::command(async)]
pub fn engagement_add(
    state: State<'_, AppState>,
    contractor_id: String,
    input: EngagementInput,
) -> CmdResult<Engagement> {
    state.with(|ws| ws.add_engagement(&contractor_id, &input))
}

#[tauri::command(async)]
pub fn engagement_update(
    state: State<'_, AppState>,
    id: String,
    input: EngagementInput,
) -> CmdResult<Engagement> {
    state.with(|ws| ws.update_engagement(&id, &input))
}

#[tauri::command(async)]
pub fn pay_bands(state: State<'_, AppState>, role_id: String) -> CmdResult<Vec<PayBand>> {
    state.with(|ws| ws.pay_bands(&role_id))
}

#[tauri::command(async)]
pub fn pay_band_set(state: State<'_, AppState>, band: PayBand) -> CmdResult<PayBand> {
    state.with(|ws| ws.set_pay_band(&band))
}

/// What importing the chosen CSV file would do; the choice stays valid for the import itself.
#[tauri::command(async)]
pub fn contractor_csv_preview(state: State<'_, AppState>, picked: String) -> CmdResult<CsvPreview> {
    state
        .picks
        .peek(&picked, &[FilePurpose::ImportContractors], |_, paths| {
            state.with(|ws| ws.preview_contractor_csv(first(paths)?))
        })
}

#[tauri::command(async)]
pub fn contractor_csv_import(
    state: State<'_, AppState>,
    picked: String,
    skip_bad_rows: bool,
) -> CmdResult<CsvImportResult> {
    state
        .picks
        .use_file(&picked, &[FilePurpose::ImportContractors], |path| {
            state.with(|ws| ws.import_contractor_csv(path, skip_bad_rows))
        })
}
