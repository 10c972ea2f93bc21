//! The demo workspace: invented roles in several states and a roster of invented people, so every
//! screen has something real to show.

pub use guildbook_artwork as artwork;
mod assessments;
mod credentials;
mod insights;
mod people;
mod portfolio;

use std::path::Path;

use crate::error::Result;
use crate::keystore::KeyStore;
use crate::ladder::templates::{self, Template};
use crate::ladder::{
    format, EvidenceKind, EvidenceRequirement, LadderEdit, NewRole, RatingScale, RoleKind,
    RolePatch,
};
use crate::workspace::Workspace;

/// Creates the demo workspace in `root` (which must be missing or empty).
pub fn create(root: &Path) -> Result<Workspace> {
    create_with_keys(root, None)
}

/// The demo, with its lead assessor's signing key kept in `keys` (the app's settings
/// folder), so the demo's assessments can be signed in the app.
pub fn create_with_keys(root: &Path, keys: Option<&KeyStore>) -> Result<Workspace> {
    let mut ws = Workspace::create(root, Some("Northwind Studio (demo)"))?;
    fill(&mut ws, keys)?;
    Ok(ws)
}

/// A demo person's id by name.
fn person(ws: &Workspace, name: &str) -> Result<String> {
    Ok(ws
        .conn()
        .query_row("SELECT id FROM contractor WHERE name = ?1", [name], |r| {
            r.get(0)
        })?)
}

fn fill(ws: &mut Workspace, keys: Option<&KeyStore>) -> Result<()> {
    // Backend engineer: the pilot role, published twice, with a draft in progress.
    let backend = ws.create_role(NewRole {
        name: "Backend engineer".into(),
        kind: RoleKind::Technical,
        description: templates::file(Template::Technical).role.description,
        template: Some(Template::Technical),
    })?;
    let id = backend.role.id.clone();
    ws.update_role(
        &id,
        RolePatch {
            pilot: Some(true),
            ..Default::default()
        },
    )?;
    ws.publish_ladder(&id)?;
    let ladder = ws.ladder(&id)?;
    let (associate, quality) = (&ladder.content.levels[0], &ladder.content.domains[2]);
    let mut cell = ladder
        .content
        .cell(&associate.key, &quality.key)
        .cloned()
        .unwrap();
    cell.outcomes
        .push("Writes a clear description for every pull request".into());
    ws.edit_ladder(
        &id,
        LadderEdit::SetCell {
            level_key: cell.level_key,
            domain_key: cell.domain_key,
            outcomes: cell.outcomes,
            evidence: cell.evidence,
        },
    )?;
    ws.publish_ladder(&id)?;
    let lead_key = ladder.content.levels[2].key.clone();
    ws.edit_ladder(
        &id,
        LadderEdit::RenameLevel {
            key: lead_key,
            name: "Technical lead".into(),
        },
    )?;
    ws.edit_ladder(
        &id,
        LadderEdit::AddLevel {
            name: "Principal".into(),
            at: None,
        },
    )?;

    // Product designer: published once.
    let designer = ws.create_role(NewRole {
        name: "Product designer".into(),
        kind: RoleKind::Creative,
        description: templates::file(Template::Creative).role.description,
        template: Some(Template::Creative),
    })?;
    let designer = ws.publish_ladder(&designer.role.id)?;

    // Delivery lead: the organisation's own role, imported from a ladder file.
    let delivery = ws.import_ladder_file(&delivery_lead(), None)?;
    let delivery = ws.publish_ladder(&delivery.role.id)?;
    ws.set_related_roles(&delivery.role.id, std::slice::from_ref(&id))?;

    // An old role kept for the record.
    let legacy = ws.create_role(NewRole {
        name: "Web developer (2023 ladder)".into(),
        kind: RoleKind::Technical,
        description: "Replaced by the backend engineer ladder.".into(),
        template: None,
    })?;
    ws.publish_ladder(&legacy.role.id)?;
    ws.set_role_archived(&legacy.role.id, true)?;

    let backend = ws.ladder(&id)?;
    people::fill(ws, [&backend, &designer, &delivery])?;
    portfolio::fill(ws, &designer)?;
    assessments::fill(ws, &designer.role.id, &id, keys)?;
    let backend_credential = credentials::fill(ws, &designer.role.id, &id)?;
    insights::fill(ws, &backend, &backend_credential)
}

fn delivery_lead() -> format::LadderFile {
    let req = |kind, count, note: &str| EvidenceRequirement {
        kind,
        count,
        note: note.into(),
    };
    let header = |name: &str, description: &str| format::FileHeader {
        name: name.into(),
        description: description.into(),
    };
    let cell =
        |domain: &str, level: &str, outcomes: &[&str], evidence: Vec<EvidenceRequirement>| {
            format::FileCell {
                domain: domain.into(),
                level: level.into(),
                outcomes: outcomes.iter().map(|s| s.to_string()).collect(),
                evidence,
            }
        };
    format::LadderFile {
        format: format::FORMAT.into(),
        format_version: format::FORMAT_VERSION,
        role: format::FileRole {
            name: "Delivery lead".into(),
            kind: RoleKind::Other,
            description: "Keeps client projects on time, on budget and honest about both.".into(),
        },
        levels: vec![
            header("Coordinator", "Runs the schedule of one project."),
            header("Delivery lead", "Runs several projects and their budgets."),
        ],
        domains: vec![
            header("Planning", "Scope, schedule and budget."),
            header("Communication", "Keeping the client and the team aligned."),
        ],
        cells: vec![
            cell(
                "Planning",
                "Coordinator",
                &["Keeps a weekly plan that the team actually works from"],
                vec![req(
                    EvidenceKind::Document,
                    1,
                    "A project plan with its revisions",
                )],
            ),
            cell(
                "Planning",
                "Delivery lead",
                &[
                    "Delivers projects within 10% of the agreed budget",
                    "Forecasts slips before they happen",
                ],
                vec![
                    req(
                        EvidenceKind::Document,
                        2,
                        "Budget reports from two projects",
                    ),
                    req(EvidenceKind::LeadAssessment, 1, ""),
                ],
            ),
            cell(
                "Communication",
                "Coordinator",
                &["Sends a status note every week that needs no follow-up questions"],
                vec![req(EvidenceKind::ClientFeedback, 1, "")],
            ),
            cell(
                "Communication",
                "Delivery lead",
                &["Brings bad news early, with options"],
                vec![req(EvidenceKind::ClientTestimonial, 1, "")],
            ),
        ],
        // This organisation rates its delivery leads on a four-step scale of its own.
        scale: Some(RatingScale {
            ratings: ["not seen", "emerging", "solid", "role model"]
                .map(String::from)
                .to_vec(),
            meets_from: 2,
        }),
        exported: None,
    }
}
