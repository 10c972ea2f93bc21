//! Progression rules (exhaustively over rule and cell combinations), due-date arithmetic, the
//! review queue, and applying an advance with its pay band.

use guildbook_core::assessment::{AssessmentKind, AssessmentStatus, NewAssessment, Pay};
use guildbook_core::dates::local_date;
use guildbook_core::ladder::templates::Template;
use guildbook_core::progression::renewals::{bucket, due_date, ReviewBucket, ReviewFilter};
use guildbook_core::progression::{decide, mapped_level, AdvancementRule, Outcome};
use guildbook_core::roster::{
    ContractorInput, EngagementInput, EngagementOutcome, Money, PayBand, RateUnit,
};
use guildbook_core::{signing, Workspace};
use time::macros::{date, datetime, offset};

/// Every assignment of (rated met, evidence complete) to `n` cells.
fn all_cells(n: usize) -> Vec<Vec<(bool, bool)>> {
    (0..1u32 << (2 * n))
        .map(|bits| {
            (0..n)
                .map(|i| (bits >> (2 * i) & 1 == 1, bits >> (2 * i + 1) & 1 == 1))
                .collect()
        })
        .collect()
}

fn all_rules(n: u32) -> Vec<AdvancementRule> {
    let mut rules = Vec::new();
    for min in std::iter::once(None).chain((1..=n + 1).map(Some)) {
        for require_evidence in [false, true] {
            rules.push(AdvancementRule {
                min_domains: min,
                require_evidence,
                review_lead_days: 30,
            });
        }
    }
    rules
}

#[test]
fn the_rule_holds_over_every_combination() {
    for n in 1..=5usize {
        for rule in all_rules(n as u32) {
            let required = rule.min_domains.unwrap_or(n as u32).min(n as u32) as usize;
            for cells in all_cells(n) {
                let outcome = decide(&rule, &cells);
                let met = cells.iter().filter(|c| c.0).count();
                assert_eq!(
                    outcome == Outcome::NotYet,
                    met < required,
                    "{rule:?} {cells:?}"
                );
                let proven = cells
                    .iter()
                    .filter(|&&(m, e)| m && (e || !rule.require_evidence))
                    .count();
                if outcome != Outcome::NotYet {
                    assert_eq!(
                        outcome == Outcome::Hold,
                        proven < required,
                        "{rule:?} {cells:?}"
                    );
                }
                // Better ratings or more evidence never make the outcome worse.
                for i in 0..n {
                    for better in [(true, cells[i].1), (cells[i].0, true)] {
                        let mut improved = cells.clone();
                        improved[i] = better;
                        assert!(
                            decide(&rule, &improved) >= outcome,
                            "{rule:?} {cells:?} → {improved:?}"
                        );
                    }
                }
            }
        }
    }
    assert_eq!(
        decide(&AdvancementRule::default(), &[]),
        Outcome::NotYet,
        "no cells, no advance"
    );
}

#[test]
fn the_rule_in_the_cases_leads_talk_about() {
    let all = AdvancementRule::default();
    let two_of_three = AdvancementRule {
        min_domains: Some(2),
        ..all
    };
    let table = [
        (
            all,
            vec![(true, true), (true, true), (true, true)],
            Outcome::Advance,
        ),
        (
            all,
            vec![(true, true), (true, false), (true, true)],
            Outcome::Hold,
        ),
        (
            all,
            vec![(true, true), (false, true), (true, true)],
            Outcome::NotYet,
        ),
        (
            two_of_three,
            vec![(true, true), (false, false), (true, true)],
            Outcome::Advance,
        ),
        (
            two_of_three,
            vec![(true, true), (false, false), (false, true)],
            Outcome::NotYet,
        ),
        (
            AdvancementRule {
                require_evidence: false,
                ..all
            },
            vec![(true, false), (true, false)],
            Outcome::Advance,
        ),
    ];
    for (rule, cells, want) in table {
        assert_eq!(decide(&rule, &cells), want, "{rule:?} {cells:?}");
    }
}

#[test]
fn levels_map_to_the_same_place_on_another_ladder() {
    assert_eq!(
        (0..4).map(|i| mapped_level(i, 4, 3)).collect::<Vec<_>>(),
        [0, 1, 1, 2]
    );
    assert_eq!(
        (0..3).map(|i| mapped_level(i, 3, 5)).collect::<Vec<_>>(),
        [0, 2, 4]
    );
    assert_eq!(mapped_level(0, 1, 4), 0);
    assert_eq!(mapped_level(3, 4, 1), 0);
}

#[test]
fn due_dates_across_month_ends_leap_years_and_time_zones() {
    assert_eq!(due_date(date!(2026 - 03 - 31), 30), date!(2026 - 03 - 01));
    assert_eq!(
        due_date(date!(2028 - 03 - 30), 30),
        date!(2028 - 02 - 29),
        "leap year"
    );
    assert_eq!(due_date(date!(2027 - 03 - 30), 30), date!(2027 - 02 - 28));
    assert_eq!(
        due_date(date!(2027 - 01 - 15), 30),
        date!(2026 - 12 - 16),
        "across the new year"
    );
    assert_eq!(due_date(date!(2026 - 05 - 31), 0), date!(2026 - 05 - 31));
    // 23:30 UTC on 31 January is already 1 February in Athens, still 31 January in New York.
    let now = datetime!(2026-01-31 23:30 UTC);
    assert_eq!(local_date(now, offset!(+2)), date!(2026 - 02 - 01));
    assert_eq!(local_date(now, offset!(-5)), date!(2026 - 01 - 31));
    assert_eq!(
        local_date(datetime!(2028-02-28 22:00 UTC), offset!(+5:30)),
        date!(2028 - 02 - 29)
    );

    let today = date!(2026 - 11 - 25);
    let at = |days: i64| today + time::Duration::days(days);
    assert_eq!(bucket(today, at(-1), false), ReviewBucket::Overdue);
    assert_eq!(bucket(today, at(0), false), ReviewBucket::ThisWeek);
    assert_eq!(bucket(today, at(7), false), ReviewBucket::ThisWeek);
    assert_eq!(bucket(today, at(8), false), ReviewBucket::ThisMonth);
    assert_eq!(bucket(today, at(30), false), ReviewBucket::ThisMonth);
    assert_eq!(bucket(today, at(31), false), ReviewBucket::Later);
    assert_eq!(bucket(today, at(-40), true), ReviewBucket::Done);
}

struct World {
    _dir: tempfile::TempDir,
    ws: Workspace,
    role: String,
    who: String,
    key: ed25519_dalek::SigningKey,
    assessor: String,
}

fn world() -> World {
    let (dir, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Product designer", Some(Template::Creative));
    let role = ws.publish_ladder(&ladder.role.id).unwrap().role.id;
    let who = ws
        .add_contractor(&ContractorInput {
            name: "Lena Novak".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let ladder = ws.ladder(&role).unwrap();
    ws.set_contractor_level(
        &who,
        &role,
        &ladder.content.levels[0].key,
        "2026-01-05",
        "Joined",
    )
    .unwrap();
    for (i, level) in ladder.content.levels.iter().enumerate() {
        ws.set_pay_band(&PayBand {
            role_id: role.clone(),
            level_key: level.key.clone(),
            min: Money {
                minor: 4000 + 1500 * i as i64,
                currency: "EUR".into(),
            },
            max_minor: 6000 + 2000 * i as i64,
            rate_unit: RateUnit::Hour,
        })
        .unwrap();
    }
    let key = signing::generate().unwrap();
    let assessor = ws
        .add_assessor(
            "Ines Carvalho",
            "",
            &signing::public_key_text(&key.verifying_key()),
            false,
        )
        .unwrap()
        .id;
    World {
        _dir: dir,
        ws,
        role,
        who,
        key,
        assessor,
    }
}

fn engagement(w: &mut World, client: &str, end_on: &str) -> String {
    w.ws.add_engagement(
        &w.who,
        &EngagementInput {
            role_id: Some(w.role.clone()),
            client: client.into(),
            project: "Site".into(),
            start_on: "2026-01-05".into(),
            end_on: Some(end_on.into()),
            renewal_window_days: 30,
            rate: Money {
                minor: 5000,
                currency: "EUR".into(),
            },
            rate_unit: RateUnit::Hour,
            hours_per_week: Some(20),
            outcome: EngagementOutcome::Open,
        },
    )
    .unwrap()
    .id
}

#[test]
fn the_review_queue_sorts_by_urgency_and_starting_opens_one_assessment() {
    let mut w = world();
    let today = date!(2026 - 11 - 25);
    let overdue = engagement(&mut w, "Harbour Co", "2026-12-20"); // due 20 Nov
    let soon = engagement(&mut w, "Ferry Lines", "2026-12-28"); // due 28 Nov
    let later = engagement(&mut w, "Museum", "2027-03-01");
    let queue = w.ws.review_queue(today, &ReviewFilter::default()).unwrap();
    let seen: Vec<(&str, ReviewBucket, i64)> = queue
        .iter()
        .map(|r| (r.client.as_str(), r.bucket, r.days_left))
        .collect();
    assert_eq!(
        seen,
        [
            ("Harbour Co", ReviewBucket::Overdue, -5),
            ("Ferry Lines", ReviewBucket::ThisWeek, 3),
            ("Museum", ReviewBucket::Later, 66)
        ]
    );
    let within =
        w.ws.review_queue(
            today,
            &ReviewFilter {
                within_days: Some(7),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(within.len(), 2, "overdue ones always show");

    // A longer lead time for the role moves every due date earlier.
    w.ws.set_advancement_rule(
        &w.role,
        &AdvancementRule {
            review_lead_days: 60,
            ..Default::default()
        },
    )
    .unwrap();
    let queue = w.ws.review_queue(today, &ReviewFilter::default()).unwrap();
    assert_eq!(
        queue
            .iter()
            .find(|r| r.engagement_id == later)
            .unwrap()
            .due_on,
        "2026-12-31"
    );
    w.ws.set_advancement_rule(&w.role, &AdvancementRule::default())
        .unwrap();

    let id = w.ws.start_review(&overdue, &w.assessor, today).unwrap();
    assert_eq!(
        w.ws.start_review(&overdue, &w.assessor, today).unwrap(),
        id,
        "opens, not a second one"
    );
    let a = w.ws.assessment(&id).unwrap();
    assert_eq!(
        (a.level_name.as_str(), a.due_on.as_str()),
        ("Designer", "2026-11-25"),
        "the next level, due today when late"
    );
    assert_eq!(
        a.pay,
        Pay::Billable {
            engagement_id: overdue.clone()
        }
    );
    let mine =
        w.ws.review_queue(
            today,
            &ReviewFilter {
                assessor_id: Some(w.assessor.clone()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].assessment_status, Some(AssessmentStatus::Planned));

    for row in a.rubric {
        w.ws.rate_cell(&id, &row.domain_key, None, Some("meets"), "")
            .unwrap();
    }
    w.ws.sign_assessment(&id, &w.key).unwrap();
    let open = w.ws.review_queue(today, &ReviewFilter::default()).unwrap();
    assert!(
        open.iter().all(|r| r.engagement_id != overdue),
        "done reviews leave the open queue"
    );
    let all =
        w.ws.review_queue(
            today,
            &ReviewFilter {
                include_done: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        all.iter()
            .find(|r| r.engagement_id == overdue)
            .unwrap()
            .bucket,
        ReviewBucket::Done
    );
    assert!(all.iter().any(|r| r.engagement_id == soon));
}

#[test]
fn a_signed_assessment_proposes_and_applying_an_advance_changes_level_and_band() {
    let mut w = world();
    let ladder = w.ws.ladder(&w.role).unwrap();
    let a =
        w.ws.create_assessment(&NewAssessment {
            contractor_id: w.who.clone(),
            role_id: w.role.clone(),
            level_key: ladder.content.levels[1].key.clone(),
            kind: AssessmentKind::PortfolioReview,
            assessor_id: w.assessor.clone(),
            starts_on: "2026-11-01".into(),
            due_on: "2026-11-20".into(),
            pay: Pay::Stipend {
                amount: Money {
                    minor: 20_000,
                    currency: "EUR".into(),
                },
                paid_on: Some("2026-11-21".into()),
            },
        })
        .unwrap();
    assert!(w
        .ws
        .propose(&a.id)
        .unwrap_err()
        .to_string()
        .contains("once the assessment is signed"));
    let no_evidence = w.ws.advancement_rule(&w.role).unwrap();
    w.ws.set_advancement_rule(
        &w.role,
        &AdvancementRule {
            require_evidence: false,
            ..no_evidence
        },
    )
    .unwrap();
    for row in &a.rubric {
        w.ws.rate_cell(&a.id, &row.domain_key, None, Some("meets"), "")
            .unwrap();
    }
    w.ws.sign_assessment(&a.id, &w.key).unwrap();
    let p = w.ws.propose(&a.id).unwrap();
    assert_eq!(
        (p.outcome, p.domains_met, p.domains_required),
        (Outcome::Advance, 3, 3),
        "{}",
        p.reason
    );
    assert_eq!(p.next_band.as_ref().unwrap().min.minor, 5500);

    // With evidence required, the same ratings only hold, and each cell says what is missing.
    w.ws.set_advancement_rule(&w.role, &AdvancementRule::default())
        .unwrap();
    let p = w.ws.propose(&a.id).unwrap();
    assert_eq!(p.outcome, Outcome::Hold, "{}", p.reason);
    assert!(
        p.cells[0].reason.starts_with("meets; 0 of 2 design files"),
        "{}",
        p.cells[0].reason
    );
    assert!(
        p.reason.contains("evidence is missing: Craft"),
        "{}",
        p.reason
    );
    w.ws.set_advancement_rule(
        &w.role,
        &AdvancementRule {
            require_evidence: false,
            ..Default::default()
        },
    )
    .unwrap();

    let person = w.ws.apply_progression(&a.id, "Ines Carvalho").unwrap();
    assert_eq!(person.levels[0].level_key, ladder.content.levels[1].key);
    assert_eq!(
        w.ws.assessment(&a.id).unwrap().status,
        AssessmentStatus::Closed
    );
    let again = w.ws.apply_progression(&a.id, "Someone").unwrap_err();
    assert!(
        again.to_string().contains("Ines Carvalho already decided"),
        "{again}"
    );
    let history = w.ws.contractor_level_history(&w.who).unwrap();
    assert!(history
        .iter()
        .any(|h| h.reason.contains("Advanced after a signed assessment")));
    let timeline = w.ws.timeline(&w.who).unwrap();
    let titles: Vec<&str> = timeline.iter().map(|e| e.title.as_str()).collect();
    for want in [
        "Advanced to Designer",
        "Assessment for Designer signed",
        "Assessment for Designer started",
        "Product designer · Designer",
        "Product designer · Junior designer",
    ] {
        assert!(titles.contains(&want), "{want} in {titles:?}");
    }
    assert!(
        timeline.windows(2).all(|w| w[0].at >= w[1].at),
        "newest first"
    );
    let err =
        w.ws.set_advancement_rule(
            &w.role,
            &AdvancementRule {
                min_domains: Some(4),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("1 to 3 domains"), "{err}");
}
