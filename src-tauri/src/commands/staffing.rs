use guildbook_core::roster::Engagement;
use guildbook_core::staffing::{
    MatchResult, Need, NeedInput, NeedStatus, Offer, OfferInput, PoolMember, PoolRule,
    PoolRuleInput,
};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn needs(state: State<'_, AppState>) -> CmdResult<Vec<Need>> {
    state.with(|ws| ws.needs())
}

#[tauri::command(async)]
pub fn need_add(state: State<'_, AppState>, input: NeedInput) -> CmdResult<Need> {
    state.with(|ws| ws.add_need(&input))
}

/// Closes a need without staffing it, or reopens it.
#[tauri::command(async)]
pub fn need_set_status(
    state: State<'_, AppState>,
    id: String,
    status: NeedStatus,
) -> CmdResult<Need> {
    state.with(|ws| ws.set_need_status(&id, status))
}

/// Who can take the need's work now, and why everyone else in the role can't.
#[tauri::command(async)]
pub fn need_matches(state: State<'_, AppState>, id: String) -> CmdResult<MatchResult> {
    state.with(|ws| ws.match_candidates(&ws.need(&id)?.query()))
}

#[tauri::command(async)]
pub fn need_offers(state: State<'_, AppState>, id: String) -> CmdResult<Vec<Offer>> {
    state.with(|ws| ws.need_offers(&id))
}

#[tauri::command(async)]
pub fn contractor_offers(
    state: State<'_, AppState>,
    contractor_id: String,
) -> CmdResult<Vec<Offer>> {
    state.with(|ws| ws.contractor_offers(&contractor_id))
}

#[tauri::command(async)]
pub fn offer_send(state: State<'_, AppState>, input: OfferInput) -> CmdResult<Offer> {
    state.with(|ws| ws.send_offer(&input))
}

/// Accepting makes the engagement (returned with the offer).
#[tauri::command(async)]
pub fn offer_accept(state: State<'_, AppState>, id: String) -> CmdResult<(Offer, Engagement)> {
    state.with(|ws| ws.accept_offer(&id))
}

#[tauri::command(async)]
pub fn offer_decline(state: State<'_, AppState>, id: String, reason: String) -> CmdResult<Offer> {
    state.with(|ws| ws.decline_offer(&id, &reason))
}

#[tauri::command(async)]
pub fn offer_withdraw(state: State<'_, AppState>, id: String) -> CmdResult<Offer> {
    state.with(|ws| ws.withdraw_offer(&id))
}

#[tauri::command(async)]
pub fn pool_rule(state: State<'_, AppState>) -> CmdResult<PoolRule> {
    state.with(|ws| ws.pool_rule())
}

#[tauri::command(async)]
pub fn pool_rule_set(state: State<'_, AppState>, input: PoolRuleInput) -> CmdResult<PoolRule> {
    state.with(|ws| ws.set_pool_rule(&input))
}

/// The preferred pool; with `endingWithin` days, only those whose engagement ends by then.
#[tauri::command(async)]
pub fn pool_members(
    state: State<'_, AppState>,
    ending_within: Option<u32>,
) -> CmdResult<Vec<PoolMember>> {
    state.with(|ws| ws.pool_members(ending_within))
}
