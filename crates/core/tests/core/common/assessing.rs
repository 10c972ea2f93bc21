//! A published creative ladder, a contractor and an assessor with a key: what most assessment
//! tests start from.

use guildbook_core::assessment::{AssessmentKind, NewAssessment, Pay};
use guildbook_core::ladder::templates::Template;
use guildbook_core::ladder::Ladder;
use guildbook_core::roster::{ContractorInput, Money};
use guildbook_core::signing;
use guildbook_core::Workspace;

pub struct Setup {
    pub _dir: tempfile::TempDir,
    pub ws: Workspace,
    pub ladder: Ladder,
    pub who: String,
    pub key: ed25519_dalek::SigningKey,
    pub assessor: String,
}

pub fn setup() -> Setup {
    let (dir, mut ws) = super::workspace();
    let ladder = super::role(&mut ws, "Product designer", Some(Template::Creative));
    let ladder = ws.publish_ladder(&ladder.role.id).unwrap();
    let who = ws
        .add_contractor(&ContractorInput {
            name: "Lena Novak".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let key = signing::generate().unwrap();
    let public = signing::public_key_text(&key.verifying_key());
    let assessor = ws
        .add_assessor("Ines Carvalho", "ines@example.org", &public, false)
        .unwrap()
        .id;
    Setup {
        _dir: dir,
        ws,
        ladder,
        who,
        key,
        assessor,
    }
}

pub fn new(s: &Setup) -> NewAssessment {
    NewAssessment {
        contractor_id: s.who.clone(),
        role_id: s.ladder.role.id.clone(),
        level_key: s.ladder.content.levels[1].key.clone(),
        kind: AssessmentKind::PortfolioReview,
        assessor_id: s.assessor.clone(),
        starts_on: "2026-11-02".into(),
        due_on: "2026-11-30".into(),
        pay: Pay::Stipend {
            amount: Money {
                minor: 25_000,
                currency: "eur".into(),
            },
            paid_on: None,
        },
    }
}

pub fn rate_all(ws: &mut Workspace, id: &str) {
    let rubric = ws.assessment(id).unwrap().rubric;
    for row in rubric {
        ws.rate_cell(
            id,
            &row.domain_key,
            Some("meets"),
            Some("meets"),
            "Solid work",
        )
        .unwrap();
    }
}
