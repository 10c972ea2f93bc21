use guildbook_core::assessment::{
    self, AssessmentRow, AssessmentStatus, AssessmentView, Assessor, NewAssessment, PayTotal,
};
use guildbook_core::keystore::KeyStore;
use guildbook_core::picking::FilePurpose;
use guildbook_core::progression::renewals::{ReviewFilter, ReviewItem};
use guildbook_core::progression::{AdvancementRule, Proposal};
use guildbook_core::roster::Contractor;
use guildbook_core::timeline::TimelineEvent;
use guildbook_core::{dates, Workspace};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command(async)]
pub fn assessors_list(state: State<'_, AppState>) -> CmdResult<Vec<(Assessor, bool)>> {
    state.with(|ws| {
        Ok(ws
            .assessors()?
            .into_iter()
            .map(|a| {
                let here = state.keys.has_assessor_key(&a.id);
                (a, here)
            })
            .collect())
    })
}

/// A new assessor whose signing key is made and kept on this computer.
#[tauri::command(async)]
pub fn assessor_add_local(
    state: State<'_, AppState>,
    name: String,
    email: String,
) -> CmdResult<Assessor> {
    state.with(|ws| ws.add_local_assessor(&state.keys, &name, &email))
}

/// An assessor who signs on another computer, known by the public key they sent.
#[tauri::command(async)]
pub fn assessor_add_external(
    state: State<'_, AppState>,
    name: String,
    email: String,
    public_key: String,
) -> CmdResult<Assessor> {
    state.with(|ws| ws.add_assessor(&name, &email, &public_key, true))
}

/// Records when a stipend was paid (allowed after sign-off: it is not part of what was signed).
#[tauri::command(async)]
pub fn assessment_record_paid(
    state: State<'_, AppState>,
    id: String,
    paid_on: String,
) -> CmdResult<AssessmentView> {
    changed(&state, |ws, _| {
        Ok(ws.record_stipend_paid(&id, &paid_on)?.id)
    })
}

#[tauri::command(async)]
pub fn assessments_list(state: State<'_, AppState>) -> CmdResult<Vec<AssessmentRow>> {
    state.with(|ws| ws.list_assessments())
}

/// Runs a change on an assessment, then answers with how its screen shows it now.
fn changed(
    state: &AppState,
    change: impl FnOnce(&mut Workspace, &KeyStore) -> guildbook_core::Result<String>,
) -> CmdResult<AssessmentView> {
    state.with(|ws| {
        let id = change(ws, &state.keys)?;
        ws.assessment_view(&state.keys, &id)
    })
}

#[tauri::command(async)]
pub fn assessment_create(
    state: State<'_, AppState>,
    input: NewAssessment,
) -> CmdResult<AssessmentView> {
    changed(&state, |ws, _| Ok(ws.create_assessment(&input)?.id))
}

#[tauri::command(async)]
pub fn assessment_get(state: State<'_, AppState>, id: String) -> CmdResult<AssessmentView> {
    state.with(|ws| ws.assessment_view(&state.keys, &id))
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
    changed(&state, |ws, _| {
        ws.rate_cell(
            &id,
            &domain_key,
            self_rating.as_deref(),
            assessor_rating.as_deref(),
            &comment,
        )?;
        Ok(id)
    })
}

#[tauri::command(async)]
pub fn assessment_attach(
    state: State<'_, AppState>,
    id: String,
    domain_key: String,
    evidence_id: String,
) -> CmdResult<AssessmentView> {
    changed(&state, |ws, _| {
        ws.attach_evidence(&id, &domain_key, &evidence_id)?;
        Ok(id)
    })
}

#[tauri::command(async)]
pub fn assessment_detach(
    state: State<'_, AppState>,
    id: String,
    domain_key: String,
    evidence_id: String,
) -> CmdResult<AssessmentView> {
    changed(&state, |ws, _| {
        ws.detach_evidence(&id, &domain_key, &evidence_id)?;
        Ok(id)
    })
}

/// Stipends per person, role and quarter, and how many were billed as work instead.
#[tauri::command(async)]
pub fn assessment_pay_totals(state: State<'_, AppState>) -> CmdResult<Vec<PayTotal>> {
    state.with(|ws| ws.assessment_pay_totals())
}

#[tauri::command(async)]
pub fn assessment_summary(
    state: State<'_, AppState>,
    id: String,
    summary: String,
) -> CmdResult<AssessmentView> {
    changed(&state, |ws, _| {
        ws.set_assessment_summary(&id, &summary)?;
        Ok(id)
    })
}

#[tauri::command(async)]
pub fn assessment_status(
    state: State<'_, AppState>,
    id: String,
    status: AssessmentStatus,
) -> CmdResult<AssessmentView> {
    changed(&state, |ws, _| {
        ws.set_assessment_status(&id, status)?;
        Ok(id)
    })
}

/// Signs with the assessor's key from this computer.
#[tauri::command(async)]
pub fn assessment_sign(state: State<'_, AppState>, id: String) -> CmdResult<AssessmentView> {
    changed(&state, |ws, keys| {
        ws.sign_with_local_key(keys, &id)?;
        Ok(id)
    })
}

/// Writes the assessment where the person chose to save it (`picked`, from `file_pick`).
#[tauri::command(async)]
pub fn assessment_export(state: State<'_, AppState>, id: String, picked: String) -> CmdResult<()> {
    let file = state.with(|ws| ws.export_assessment(&id))?;
    state
        .picks
        .use_file(&picked, &[FilePurpose::ExportAssessment], |path| {
            assessment::write_file(path, &file)
        })
}

/// Takes back a file an external lead signed; the signature is checked before anything is stored.
/// With `expected`, the file must be that assessment's.
#[tauri::command(async)]
pub fn assessment_import(
    state: State<'_, AppState>,
    picked: String,
    expected: Option<String>,
) -> CmdResult<AssessmentView> {
    let file = state.picks.use_file(
        &picked,
        &[FilePurpose::ImportAssessment],
        assessment::read_file,
    )?;
    changed(&state, |ws, _| {
        Ok(ws.import_signed_assessment(&file, expected.as_deref())?.id)
    })
}

/// What a signed assessment proposes: advance, hold or not yet, cell by cell.
#[tauri::command(async)]
pub fn progression_propose(state: State<'_, AppState>, id: String) -> CmdResult<Proposal> {
    state.with(|ws| ws.propose(&id))
}

/// Records the decision; an advance changes the level today. Returns the contractor.
#[tauri::command(async)]
pub fn progression_apply(
    state: State<'_, AppState>,
    id: String,
    decided_by: String,
) -> CmdResult<Contractor> {
    state.with(|ws| ws.apply_progression(&id, &decided_by))
}

#[tauri::command(async)]
pub fn advancement_rule(state: State<'_, AppState>, role_id: String) -> CmdResult<AdvancementRule> {
    state.with(|ws| ws.advancement_rule(&role_id))
}

#[tauri::command(async)]
pub fn advancement_rule_set(
    state: State<'_, AppState>,
    role_id: String,
    rule: AdvancementRule,
) -> CmdResult<AdvancementRule> {
    state.with(|ws| ws.set_advancement_rule(&role_id, &rule))
}

/// The renewal reviews as of `today` — the person's local date, which the window knows best.
#[tauri::command(async)]
pub fn review_queue(
    state: State<'_, AppState>,
    today: String,
    filter: ReviewFilter,
) -> CmdResult<Vec<ReviewItem>> {
    state.with(|ws| ws.review_queue(dates::parse("Today", &today)?, &filter))
}

/// Opens the review's assessment, creating it the first time. Returns the assessment.
#[tauri::command(async)]
pub fn review_start(
    state: State<'_, AppState>,
    engagement_id: String,
    assessor_id: String,
    today: String,
) -> CmdResult<AssessmentView> {
    changed(&state, |ws, _| {
        ws.start_review(&engagement_id, &assessor_id, dates::parse("Today", &today)?)
    })
}

/// A person's progression: levels, assessments, evidence, reviews and decisions, newest first.
#[tauri::command(async)]
pub fn timeline(
    state: State<'_, AppState>,
    contractor_id: String,
) -> CmdResult<Vec<TimelineEvent>> {
    state.with(|ws| ws.timeline(&contractor_id))
}
