//! The demo's program insights: two cohorts of backend engineers — one that joined in the half
//! year before the onboarding pilot, one that joined during it (most through the credential) — a
//! year of their delivery events, the program's costs and the pilot itself. The effect is there and
//! honest: shorter ramp, more first-quarter milestones on time, fewer incidents on payments.

use time::Duration;

use crate::error::Result;
use crate::insights::costs::{CostCategory, ProgramCostInput};
use crate::insights::events::{insert, CheckedEvent};
use crate::insights::pilot::{Assumptions, PilotInput};
use crate::insights::{DefectStage, DeliveryEventInput, EventKind, MilestoneOutcome};
use crate::ladder::Ladder;
use crate::roster::{
    ContractorInput, ContractorStatus, EngagementInput, EngagementOutcome, Money, RateUnit,
};
use crate::store::write_tx;
use crate::workspace::Workspace;
use crate::{clock, dates};

/// The pilot starts this many days before today, so both review points have passed.
const PILOT_AGO: i64 = 200;

const BEFORE: [(&str, &str); 12] = [
    ("Abebe Tesfaye", "Addis Ababa"),
    ("Beatriz Santos", "Braga"),
    ("Chen Yiling", "Taichung"),
    ("Dalia Sabry", "Alexandria"),
    ("Emeka Nwosu", "Enugu"),
    ("Freya Olsen", "Aarhus"),
    ("Goran Petrović", "Novi Sad"),
    ("Hiroshi Tanaka", "Kobe"),
    ("Isla McLeod", "Dundee"),
    ("Jakub Novotný", "Brno"),
    ("Kamala Devi", "Madurai"),
    ("Luis Herrera", "Mérida"),
];

const DURING: [(&str, &str); 14] = [
    ("Maya Cohen", "Haifa"),
    ("Nikhil Rao", "Pune"),
    ("Olga Ivanova", "Kazan"),
    ("Pedro Alves", "Coimbra"),
    ("Rania Aziz", "Sfax"),
    ("Stefan Bauer", "Graz"),
    ("Thandi Mokoena", "Durban"),
    ("Ulla Berg", "Bergen"),
    ("Vikram Singh", "Jaipur"),
    ("Wiktoria Zielińska", "Gdańsk"),
    ("Xavier Moreau", "Lyon"),
    ("Yara Nassar", "Beirut"),
    ("Zoltan Kovács", "Szeged"),
    ("Aisha Bello", "Kano"),
];

/// A small deterministic generator, so the demo is the same every time it is made.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.next() < p
    }
    /// A whole number of days between `low` and `high`.
    fn days(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() * (high - low + 1) as f64) as i64
    }
}

/// How an engagement goes: when the first things happen and how often things go wrong.
struct Profile {
    first_deliverable: (i64, i64),
    first_pr: (i64, i64),
    first_milestone: (i64, i64),
    on_time: f64,
    defect_per_pr: f64,
    rework_per_week: f64,
    incidents: usize,
}

const BASELINE: Profile = Profile {
    first_deliverable: (22, 34),
    first_pr: (9, 18),
    first_milestone: (46, 60),
    on_time: 0.5,
    defect_per_pr: 0.09,
    rework_per_week: 3.0,
    incidents: 2,
};

const CREDENTIALED: Profile = Profile {
    first_deliverable: (9, 15),
    first_pr: (4, 9),
    first_milestone: (27, 38),
    on_time: 0.88,
    defect_per_pr: 0.04,
    rework_per_week: 1.4,
    incidents: 0,
};

const DIRECT: Profile = Profile {
    first_deliverable: (14, 26),
    first_pr: (7, 14),
    first_milestone: (36, 50),
    on_time: 0.75,
    defect_per_pr: 0.07,
    rework_per_week: 2.4,
    incidents: 1,
};

struct Plan {
    contractor_id: String,
    engagement_id: String,
    start: i64,
    /// The last day with work (the engagement's end, or yesterday).
    last: i64,
    profile: &'static Profile,
}

pub fn fill(ws: &mut Workspace, backend: &Ladder, credential_id: &str) -> Result<()> {
    let today = dates::today();
    let day = |offset: i64| dates::format(today + Duration::days(offset));
    let associate = backend.content.levels[0].key.clone();
    let mut plans = Vec::new();
    let cohorts = BEFORE
        .iter()
        .map(|p| (p, "cohort-2025"))
        .chain(DURING.iter().map(|p| (p, "cohort-2026")));
    for (i, ((name, city), cohort)) in cohorts.enumerate() {
        let before = i < BEFORE.len();
        let k = if before { i } else { i - BEFORE.len() } as i64;
        // A few of the earlier cohort came back for a second contract a month after the first.
        let returns = before && k % 4 == 0;
        let status = match (before, i % 3) {
            _ if returns => ContractorStatus::Active,
            (true, 0) => ContractorStatus::Archived,
            (true, _) => ContractorStatus::Inactive,
            _ => ContractorStatus::Active,
        };
        let first = name.split(' ').next().unwrap_or(name).to_lowercase();
        let person = ws.add_contractor(&ContractorInput {
            name: name.to_string(),
            email: format!("{first}@example.net"),
            phone: String::new(),
            location: city.to_string(),
            status: Some(status),
            tags: vec![cohort.into()],
            notes: String::new(),
        })?;
        let start = if before {
            -(PILOT_AGO + 175) + 14 * k
        } else {
            -(PILOT_AGO - 6) + 12 * k
        };
        ws.set_contractor_level(
            &person.id,
            &backend.role.id,
            &associate,
            &day(start),
            "Joined the program",
        )?;
        // Most of the pilot's cohort came through the credential; the rest joined directly.
        let credentialed = !before && k % 3 != 1;
        if credentialed {
            ws.award_credential(&crate::credentials::NewAward {
                credential_id: credential_id.into(),
                contractor_id: person.id.clone(),
                assessment_id: None,
                reason: "Passed the onboarding pathway's paid task before starting.".into(),
                awarded_by: "Hana Okafor".into(),
                issued_on: Some(day(start - 7)),
                renews_id: None,
            })?;
        }
        let end = if before { start + 150 } else { 140 + 9 * k };
        let mut engage = |start: i64, end: i64, outcome, profile| -> Result<()> {
            let engagement = ws.add_engagement(
                &person.id,
                &EngagementInput {
                    role_id: Some(backend.role.id.clone()),
                    client: ["Harbour Bank", "Atlas Freight", "Bluebell Energy"][i % 3].into(),
                    project: "Platform services".into(),
                    start_on: day(start),
                    end_on: Some(day(end)),
                    renewal_window_days: 30,
                    rate: Money {
                        minor: 5200 + 150 * (k % 5),
                        currency: "EUR".into(),
                    },
                    rate_unit: RateUnit::Hour,
                    hours_per_week: Some(32),
                    outcome,
                },
            )?;
            plans.push(Plan {
                contractor_id: person.id.clone(),
                engagement_id: engagement.id,
                start,
                last: end.min(-1),
                profile,
            });
            Ok(())
        };
        let profile = match (before, credentialed) {
            (true, _) => &BASELINE,
            (false, true) => &CREDENTIALED,
            (false, false) => &DIRECT,
        };
        let outcome = if before {
            EngagementOutcome::Ended
        } else {
            EngagementOutcome::Open
        };
        engage(start, end, outcome, profile)?;
        if returns {
            engage(end + 30, 150 + 7 * k, EngagementOutcome::Open, &DIRECT)?;
        }
    }
    events(ws, &plans)?;
    costs_and_pilot(ws, backend, credential_id, &day)
}

fn event(plan: &Plan, on: i64, kind: EventKind) -> CheckedEvent {
    CheckedEvent {
        input: DeliveryEventInput {
            contractor_id: plan.contractor_id.clone(),
            date: dates::format(dates::today() + Duration::days(on)),
            kind,
            hours: None,
            stage: None,
            outcome: None,
            work_area_id: None,
            engagement_id: Some(plan.engagement_id.clone()),
            note: String::new(),
        },
        engagement_id: Some(plan.engagement_id.clone()),
    }
}

/// Each engagement's work: its first deliverable, merged PRs twice a week, weekly milestones from
/// the first, defects and rework now and then, and an incident on payments where the profile has one.
fn events(ws: &mut Workspace, plans: &[Plan]) -> Result<()> {
    let area: String = ws.conn().query_row(
        "SELECT id FROM work_area WHERE name = 'Payments integration'",
        [],
        |r| r.get(0),
    )?;
    let now = clock::now();
    let tx = write_tx(ws.conn_mut())?;
    let mut dice = Dice(0x5eed_2026);
    for plan in plans {
        let p = plan.profile;
        let add = |e: CheckedEvent| insert(&tx, &e, &now).map(|_| ());
        add(event(
            plan,
            plan.start + dice.days(p.first_deliverable.0, p.first_deliverable.1),
            EventKind::FirstDeliverable,
        ))?;
        let mut on = plan.start + dice.days(p.first_pr.0, p.first_pr.1);
        while on <= plan.last {
            add(event(plan, on, EventKind::PrMerged))?;
            if dice.chance(p.defect_per_pr) {
                let mut defect = event(
                    plan,
                    (on + dice.days(3, 20)).min(plan.last),
                    EventKind::Defect,
                );
                defect.input.stage = Some(DefectStage::AfterRelease);
                add(defect)?;
            }
            on += dice.days(2, 5);
        }
        let mut on = plan.start + dice.days(p.first_milestone.0, p.first_milestone.1);
        let mut first = true;
        while on <= plan.last {
            let mut milestone = event(plan, on, EventKind::Milestone);
            // The first milestone is the one ramp time waits for: it is on time in every profile.
            let on_time = first || dice.chance(p.on_time);
            milestone.input.outcome = Some(if on_time {
                MilestoneOutcome::OnTime
            } else if dice.chance(0.8) {
                MilestoneOutcome::Late
            } else {
                MilestoneOutcome::Failed
            });
            add(milestone)?;
            first = false;
            on += 7;
        }
        let mut on = plan.start + 14;
        while on <= plan.last {
            if dice.chance(0.7) {
                let mut rework = event(plan, on, EventKind::ReworkHours);
                rework.input.hours =
                    Some((p.rework_per_week * (0.5 + dice.next()) * 2.0).round() / 2.0 + 0.5);
                add(rework)?;
            }
            on += 7;
        }
        for _ in 0..p.incidents {
            if dice.chance(0.6) {
                let mut incident = event(
                    plan,
                    plan.start + dice.days(15, 50).min(plan.last - plan.start),
                    EventKind::Incident,
                );
                incident.input.work_area_id = Some(area.clone());
                incident.input.note =
                    "A payment retry ran twice before the change was rolled back.".into();
                add(incident)?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}

fn costs_and_pilot(
    ws: &mut Workspace,
    backend: &Ladder,
    credential_id: &str,
    day: &dyn Fn(i64) -> String,
) -> Result<()> {
    let cost = |category, amount_minor, hours, rate_minor, note: &str| ProgramCostInput {
        role_id: Some(backend.role.id.clone()),
        category,
        period_start: day(-PILOT_AGO),
        period_end: day(-PILOT_AGO + 179),
        amount_minor,
        currency: "EUR".into(),
        hours,
        rate_minor,
        note: note.into(),
    };
    ws.add_program_cost(&cost(
        CostCategory::LearningContent,
        480_000,
        None,
        None,
        "Course licences and the pathway's written guides",
    ))?;
    ws.add_program_cost(&cost(
        CostCategory::Credentialing,
        210_000,
        None,
        None,
        "Assessor time for the pathway's paid tasks",
    ))?;
    ws.add_program_cost(&cost(
        CostCategory::MentorHours,
        0,
        Some(64.0),
        Some(8_500),
        "Pairing sessions with the platform lead",
    ))?;
    ws.create_pilot(&PilotInput {
        name: "Backend onboarding pilot".into(),
        role_id: backend.role.id.clone(),
        credential_id: Some(credential_id.into()),
        starts_on: day(-PILOT_AGO),
        baseline_days: 180,
        assumptions: Assumptions {
            currency: "EUR".into(),
            sourcing_cost_minor: 450_000,
            rework_hour_minor: 7_000,
            ramp_day_minor: 12_000,
        },
    })?;
    Ok(())
}
