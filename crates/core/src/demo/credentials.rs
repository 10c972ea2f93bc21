//! The demo's credentials: the organisation as issuer, a credential per ladder and one that
//! stacks on another, a work area gated by them, and awards in every state — active, expiring
//! soon, expired and revoked — one of them earned from a signed assessment.

use time::Duration;

use super::person;
use crate::assessment::AssessmentStatus;
use crate::credentials::clearance::AreaRule;
use crate::credentials::{
    BadgeDesign, BadgeImage, BadgeShape, CredentialInput, IssuerProfile, NewAward, WorkAreaInput,
};
use crate::error::Result;
use crate::workspace::Workspace;
use crate::{dates, CoreError};

fn badge(shape: BadgeShape, background: &str, initials: &str) -> BadgeImage {
    BadgeImage::Design(BadgeDesign {
        shape,
        background: background.into(),
        foreground: "#ffffff".into(),
        initials: initials.into(),
    })
}

/// Northwind's mark: a geometric N on a rounded square, as an organisation would upload it.
fn logo(ws: &mut Workspace) -> Result<String> {
    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><rect width="120" height="120" rx="26" fill="#24645a"/><path d="M32 90V30h17l23 36V30h16v60H71L48 54v36z" fill="#ffffff"/></svg>"##;
    let path = std::env::temp_dir().join(format!("guildbook-demo-logo-{}.svg", crate::new_id()));
    std::fs::write(&path, SVG)
        .map_err(crate::error::CoreError::io("Could not write the demo logo"))?;
    let stored = ws.add_logo_image(&path);
    let _ = std::fs::remove_file(&path);
    stored
}

/// Returns the backend engineer credential's id (the onboarding pilot's credential).
pub fn fill(ws: &mut Workspace, design_role: &str, backend_role: &str) -> Result<String> {
    let logo = logo(ws)?;
    ws.set_issuer_profile(&IssuerProfile {
        name: "Northwind Studio".into(),
        url: "https://northwind-studio.example".into(),
        email: "people@northwind-studio.example".into(),
        image_sha256: Some(logo),
        accent: "#24645a".into(),
    })?;
    let today = crate::dates::today_here();
    let ago = |days: i64| Some(dates::format(today - Duration::days(days)));

    // Elif's closed paid task: the backend credential is defined at the level it assessed.
    let elif = person(ws, "Elif Demir")?;
    let task = ws
        .list_assessments()?
        .into_iter()
        .find(|a| a.contractor_id == elif && a.status == AssessmentStatus::Closed)
        .ok_or_else(|| CoreError::NotFound("the demo's closed assessment".into()))?;
    let level_key = ws.assessment(&task.id)?.level_key;
    let backend =
        ws.create_credential(&CredentialInput {
            name: format!("Backend engineer — {}", task.level_name),
            description:
                "Ships services with tests, reviews others' code with care and owns what breaks."
                    .into(),
            image: badge(BadgeShape::Circle, "#2d5b8a", "BE"),
            role_id: Some(backend_role.into()),
            level_key: Some(level_key),
            domain_keys: vec![],
            require_evidence: false,
            narrative: String::new(),
            validity_months: Some(12),
            prerequisites: vec![],
        })?;
    let reviewer = ws.create_credential(&CredentialInput {
        name: "Payments path reviewer".into(),
        description: "Trusted to review and release changes on the card-payment paths.".into(),
        image: badge(BadgeShape::Shield, "#8a3b2d", "PR"),
        role_id: None,
        level_key: None,
        domain_keys: vec![],
        require_evidence: false,
        narrative:
            "Holds the backend engineer credential, has paired on two payment releases with \
                    the platform lead, and has reviewed payment changes under supervision."
                .into(),
        validity_months: Some(12),
        prerequisites: vec![backend.id.clone()],
    })?;
    let designer = ws.published_ladder(design_role)?;
    let design = ws.create_credential(&CredentialInput {
        name: format!("Product designer — {}", designer.content.levels[1].name),
        description: "Designs whole flows that developers build from without follow-up questions."
            .into(),
        image: badge(BadgeShape::Hexagon, "#1f6f5c", "PD"),
        role_id: Some(design_role.into()),
        level_key: Some(designer.content.levels[1].key.clone()),
        domain_keys: vec![],
        require_evidence: true,
        narrative: String::new(),
        validity_months: Some(24),
        prerequisites: vec![],
    })?;
    ws.save_work_area(
        None,
        &WorkAreaInput {
            name: "Payments integration".into(),
            description: "Code on the paths that move clients' money.".into(),
            rule: AreaRule::All,
            credential_ids: vec![backend.id.clone(), reviewer.id.clone()],
        },
    )?;

    let by_hand = |credential: &str, who: String, reason: &str, issued_on| NewAward {
        credential_id: credential.into(),
        contractor_id: who,
        assessment_id: None,
        reason: reason.into(),
        awarded_by: "Hana Okafor".into(),
        issued_on,
        renews_id: None,
    };
    ws.award_credential(&NewAward {
        assessment_id: Some(task.id),
        reason: String::new(),
        awarded_by: "Ines Carvalho".into(),
        ..by_hand(&backend.id, elif.clone(), "", ago(30))
    })?;
    let paired = "Paired on two payment releases with the platform lead.";
    ws.award_credential(&by_hand(&reviewer.id, elif, paired, ago(20)))?;
    let carmen = person(ws, "Carmen Ruiz")?;
    let before =
        "Held the level before the programme began; checked against her last two projects.";
    ws.award_credential(&by_hand(&backend.id, carmen.clone(), before, ago(345)))?;
    ws.award_credential(&by_hand(&reviewer.id, carmen, paired, ago(340)))?;
    let amara = person(ws, "Amara Okafor")?;
    ws.award_credential(&by_hand(&backend.id, amara, before, ago(430)))?;
    let hannah = person(ws, "Hannah Weiss")?;
    let revoked = ws.award_credential(&by_hand(&backend.id, hannah, before, ago(90)))?;
    ws.revoke_award(
        &revoked.id,
        "The code samples behind it were copied from a public project without credit.",
        "Hana Okafor",
    )?;
    let lena = person(ws, "Lena Novak")?;
    ws.award_credential(&by_hand(
        &design.id,
        lena,
        "Held the level before the programme began; portfolio reviewed by the creative lead.",
        ago(200),
    ))?;
    Ok(backend.id)
}
