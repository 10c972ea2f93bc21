use guildbook_core::credentials::{
    Award, BadgeDesign, BadgeFormat, BadgeImage, BadgeVerification, Clearance, ClearedPerson,
    Credential, CredentialInput, IssuerKeyInfo, IssuerProfile, NewAward, WorkArea, WorkAreaInput,
};
use guildbook_core::files::write_atomically;
use guildbook_core::picking::FilePurpose;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn credentials_list(
    state: State<'_, AppState>,
    include_archived: bool,
) -> CmdResult<Vec<Credential>> {
    state.with(|ws| ws.credentials(include_archived))
}

#[tauri::command(async)]
pub fn credential_get(state: State<'_, AppState>, id: String) -> CmdResult<Credential> {
    state.with(|ws| ws.credential(&id))
}

/// Creates a credential when `id` is null, otherwise replaces its details.
#[tauri::command(async)]
pub fn credential_save(
    state: State<'_, AppState>,
    id: Option<String>,
    input: CredentialInput,
) -> CmdResult<Credential> {
    state.with(|ws| match &id {
        Some(id) => ws.update_credential(id, &input),
        None => ws.create_credential(&input),
    })
}

#[tauri::command(async)]
pub fn credential_archive(
    state: State<'_, AppState>,
    id: String,
    archived: bool,
) -> CmdResult<Credential> {
    state.with(|ws| ws.set_credential_archived(&id, archived))
}

/// The built-in design drawn as SVG, for the live preview while it is edited.
#[tauri::command]
pub fn badge_preview(design: BadgeDesign) -> CmdResult<String> {
    design.svg()
}

/// A PNG or SVG chosen in the native dialog, checked and copied into the vault.
#[tauri::command(async)]
pub fn badge_image_add(state: State<'_, AppState>, picked: String) -> CmdResult<BadgeImage> {
    state
        .picks
        .use_file(&picked, &[FilePurpose::BadgeImage], |path| {
            state.with(|ws| ws.add_badge_image(path))
        })
}

#[tauri::command(async)]
pub fn credential_holders(state: State<'_, AppState>, id: String) -> CmdResult<Vec<Award>> {
    state.with(|ws| ws.holders(&id))
}

#[tauri::command(async)]
pub fn awards_of(state: State<'_, AppState>, contractor_id: String) -> CmdResult<Vec<Award>> {
    state.with(|ws| ws.awards_of(&contractor_id))
}

#[tauri::command(async)]
pub fn awards_expiring(state: State<'_, AppState>) -> CmdResult<Vec<Award>> {
    state.with(|ws| ws.expiring_awards())
}

/// Why a signed assessment does not earn the credential (empty: it does).
#[tauri::command(async)]
pub fn award_gaps(
    state: State<'_, AppState>,
    credential_id: String,
    assessment_id: String,
) -> CmdResult<Vec<String>> {
    state.with(|ws| ws.award_gaps(&credential_id, &assessment_id))
}

#[tauri::command(async)]
pub fn award_create(state: State<'_, AppState>, input: NewAward) -> CmdResult<Award> {
    state.with(|ws| ws.award_credential(&input))
}

#[tauri::command(async)]
pub fn award_revoke(
    state: State<'_, AppState>,
    id: String,
    reason: String,
    by: String,
) -> CmdResult<Award> {
    state.with(|ws| ws.revoke_award(&id, &reason, &by))
}

#[tauri::command(async)]
pub fn work_areas_list(state: State<'_, AppState>) -> CmdResult<Vec<WorkArea>> {
    state.with(|ws| ws.work_areas())
}

/// Creates a work area when `id` is null, otherwise replaces its details.
#[tauri::command(async)]
pub fn work_area_save(
    state: State<'_, AppState>,
    id: Option<String>,
    input: WorkAreaInput,
) -> CmdResult<WorkArea> {
    state.with(|ws| ws.save_work_area(id.as_deref(), &input))
}

#[tauri::command(async)]
pub fn clearance_list(
    state: State<'_, AppState>,
    area_id: String,
) -> CmdResult<Vec<ClearedPerson>> {
    state.with(|ws| ws.cleared_for(&area_id))
}

#[tauri::command(async)]
pub fn clearance_check(
    state: State<'_, AppState>,
    area_id: String,
    contractor_id: String,
) -> CmdResult<Clearance> {
    state.with(|ws| ws.clearance(&area_id, &contractor_id))
}

#[tauri::command(async)]
pub fn issuer_profile(state: State<'_, AppState>) -> CmdResult<IssuerProfile> {
    state.with(|ws| ws.issuer_profile())
}

#[tauri::command(async)]
pub fn issuer_profile_set(
    state: State<'_, AppState>,
    profile: IssuerProfile,
) -> CmdResult<IssuerProfile> {
    state.with(|ws| ws.set_issuer_profile(&profile))
}

/// Writes an award as a signed badge file where the person chose to save it.
#[tauri::command(async)]
pub fn award_export(
    state: State<'_, AppState>,
    id: String,
    format: BadgeFormat,
    picked: String,
) -> CmdResult<()> {
    let bytes = state.with(|ws| ws.export_award(&state.keys, &id, format))?;
    state
        .picks
        .use_file(&picked, &[FilePurpose::ExportBadge], |path| {
            write_atomically(path, &bytes)
        })
}

/// Checks a badge file (PNG, SVG, JSON or JWT) offline, with this workspace's keys and records.
/// A chosen or dropped file.
#[tauri::command(async)]
pub fn badge_verify(state: State<'_, AppState>, picked: String) -> CmdResult<BadgeVerification> {
    let purposes = [FilePurpose::VerifyBadge, FilePurpose::Dropped];
    state.picks.use_file(&picked, &purposes, |path| {
        state.with(|ws| Ok(ws.verify_badge(path)?.into()))
    })
}

#[tauri::command(async)]
pub fn issuer_keys(state: State<'_, AppState>) -> CmdResult<Vec<IssuerKeyInfo>> {
    state.with(|ws| ws.issuer_keys(&state.keys))
}

/// A new signing key; the old one is retired and still verifies the badges it signed.
#[tauri::command(async)]
pub fn issuer_key_rotate(state: State<'_, AppState>) -> CmdResult<IssuerKeyInfo> {
    state.with(|ws| ws.rotate_issuer_key(&state.keys))
}

/// Key `id` reported compromised since `since`: what it signed after that day stops verifying.
#[tauri::command(async)]
pub fn issuer_key_compromised(
    state: State<'_, AppState>,
    id: String,
    since: String,
) -> CmdResult<Vec<IssuerKeyInfo>> {
    state.with(|ws| ws.report_issuer_key_compromised(&state.keys, &id, &since))
}

/// The public keys as a JWK Set, or the signed revocation list, written where the person chose.
#[tauri::command(async)]
pub fn issuer_publish(state: State<'_, AppState>, what: String, picked: String) -> CmdResult<()> {
    let value = state.with(|ws| match what.as_str() {
        "keys" => ws.issuer_jwks(),
        _ => ws.revocation_list(&state.keys),
    })?;
    let text = serde_json::to_string_pretty(&value).expect("JSON serialises");
    state
        .picks
        .use_file(&picked, &[FilePurpose::SaveJson], |path| {
            write_atomically(path, text.as_bytes())
        })
}
