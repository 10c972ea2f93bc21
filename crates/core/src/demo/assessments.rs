//! The demo's assessments: one in every state, signed ones among them, an advance already
//! applied, and renewal reviews started — so the review queue and the assessment screens have
//! something real to show.

use crate::keystore::KeyStore;

use time::Duration;

use super::person;
use crate::assessment::{AssessmentKind, AssessmentStatus, NewAssessment, Pay};
use crate::error::Result;
use crate::ladder::Ladder;
use crate::roster::Money;
use crate::workspace::Workspace;
use crate::{dates, signing};

/// Adds the assessors and assessments. With `keys`, the lead's private key is kept there so
/// the demo can be signed in the app; without, it is used once and forgotten.
pub fn fill(
    ws: &mut Workspace,
    design_role: &str,
    backend_role: &str,
    keys: Option<&KeyStore>,
) -> Result<()> {
    let design = &ws.published_ladder(design_role)?;
    let backend = &ws.published_ladder(backend_role)?;
    let key = signing::generate()?;
    let lead = ws.add_assessor(
        "Ines Carvalho",
        "ines@northwind.example",
        &signing::public_key_text(&key.verifying_key()),
        false,
    )?;
    if let Some(keys) = keys {
        keys.keep_assessor_key(&ws.id()?, &lead, &key)?;
    }
    let external_key = signing::generate()?;
    let external = ws.add_assessor(
        "Marta Kowalczyk",
        "marta@studio-kowalczyk.example",
        &signing::public_key_text(&external_key.verifying_key()),
        true,
    )?;

    let today = dates::today();
    let on = |days: i64| dates::format(today + Duration::days(days));
    let stipend = |euros: i64, paid: Option<String>| Pay::Stipend {
        amount: Money {
            minor: euros * 100,
            currency: "EUR".into(),
        },
        paid_on: paid,
    };
    let new =
        |who: String, ladder: &Ladder, level: usize, kind, assessor: &str, start: i64, pay| {
            NewAssessment {
                contractor_id: who,
                role_id: ladder.role.id.clone(),
                level_key: ladder.content.levels[level].key.clone(),
                kind,
                assessor_id: assessor.to_string(),
                starts_on: on(start),
                due_on: on(start + 14),
                pay,
            }
        };
    let rate = |ws: &mut Workspace, id: &str, ratings: &[&str], comment: &str| -> Result<()> {
        let rows = ws.assessment(id)?.rubric;
        for (i, row) in rows.iter().enumerate() {
            let rating = ratings.get(i).or(ratings.last()).copied();
            ws.rate_cell(id, &row.domain_key, Some("meets"), rating, comment)?;
        }
        Ok(())
    };

    // Planned: Mateo's portfolio review next week.
    let mateo = person(ws, "Mateo Rossi")?;
    ws.create_assessment(&new(
        mateo,
        design,
        1,
        AssessmentKind::PortfolioReview,
        &lead.id,
        5,
        stipend(250, None),
    ))?;

    // In progress: Priya, two of three cells rated.
    let priya = person(ws, "Priya Nair")?;
    let a = ws.create_assessment(&new(
        priya,
        design,
        1,
        AssessmentKind::LiveCritique,
        &lead.id,
        -6,
        stipend(200, None),
    ))?;
    let rows = ws.assessment(&a.id)?.rubric;
    for row in rows.iter().take(2) {
        ws.rate_cell(
            &a.id,
            &row.domain_key,
            Some("meets"),
            Some("meets"),
            "Clear reasoning in the critique.",
        )?;
    }

    // Submitted, waiting for the external lead's signature: Rosa.
    let rosa = person(ws, "Rosa Mendes")?;
    let a = ws.create_assessment(&new(
        rosa,
        design,
        1,
        AssessmentKind::PortfolioReview,
        &external.id,
        -12,
        stipend(300, None),
    ))?;
    rate(ws, &a.id, &["meets", "exceeds", "meets"], "")?;
    ws.set_assessment_status(&a.id, AssessmentStatus::Submitted)?;

    // Signed, its proposal waiting for a decision: Oona.
    let oona = person(ws, "Oona Virtanen")?;
    let a = ws.create_assessment(&new(
        oona,
        design,
        1,
        AssessmentKind::PortfolioReview,
        &lead.id,
        -20,
        stipend(250, None),
    ))?;
    rate(
        ws,
        &a.id,
        &["meets", "meets", "not yet"],
        "Strong craft; the impact case is not made yet.",
    )?;
    ws.sign_assessment(&a.id, &key)?;

    // Signed and closed with an advance applied: Elif, paid through billable work.
    let elif = person(ws, "Elif Demir")?;
    let engagement: String = ws.conn().query_row(
        "SELECT id FROM engagement WHERE contractor_id = ?1 ORDER BY start_on DESC LIMIT 1",
        [&elif],
        |r| r.get(0),
    )?;
    let level = ws
        .contractor(&elif)?
        .levels
        .first()
        .and_then(|l| {
            backend
                .content
                .levels
                .iter()
                .position(|x| x.key == l.level_key)
        })
        .unwrap_or(0);
    let target = (level + 1).min(backend.content.levels.len() - 1);
    let a = ws.create_assessment(&new(
        elif.clone(),
        backend,
        target,
        AssessmentKind::PaidTask,
        &lead.id,
        -40,
        Pay::Billable {
            engagement_id: engagement,
        },
    ))?;
    rate(
        ws,
        &a.id,
        &["meets", "exceeds", "meets", "meets"],
        "Shipped the task with tests and a clear write-up.",
    )?;
    ws.sign_assessment(&a.id, &key)?;
    // Backend engineers advance on paid tasks: three of four domains, evidence not required.
    let rule = crate::progression::AdvancementRule {
        min_domains: Some(3),
        require_evidence: false,
        review_lead_days: 30,
    };
    ws.set_advancement_rule(&backend.role.id, &rule)?;
    ws.apply_progression(&a.id, "Ines Carvalho")?;

    // Renewal reviews: two overdue ones started, the first of them already signed (done).
    let queue = ws.review_queue(
        dates::today(),
        &crate::progression::renewals::ReviewFilter::default(),
    )?;
    let overdue: Vec<String> = queue
        .iter()
        .filter(|r| r.bucket == crate::progression::renewals::ReviewBucket::Overdue)
        .take(2)
        .map(|r| r.engagement_id.clone())
        .collect();
    for (i, engagement) in overdue.iter().enumerate() {
        let id = ws.start_review(engagement, &lead.id, dates::today())?;
        if i == 0 {
            rate(
                ws,
                &id,
                &["meets"],
                "Renewal review: steady, dependable delivery.",
            )?;
            ws.sign_assessment(&id, &key)?;
        }
    }
    Ok(())
}
