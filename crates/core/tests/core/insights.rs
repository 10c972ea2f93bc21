//! Program insights: delivery events by hand and from CSV, every KPI against figures worked out by
//! hand (window edges, groups too small to show, two cohorts, days at midnight in other time
//! zones) and the rows behind a figure. Pilots and their verdicts are in pilots.rs.

use crate::common::{file, role, workspace};
use guildbook_core::credentials::clearance::AreaRule;
use guildbook_core::credentials::{
    BadgeDesign, BadgeImage, BadgeShape, CredentialInput, NewAward, WorkAreaInput,
};
use guildbook_core::insights::kpi::{KpiId, KpiQuery, KpiResult};
use guildbook_core::insights::{DefectStage, DeliveryEventInput, EventKind, MilestoneOutcome};
use guildbook_core::ladder::templates::Template;
use guildbook_core::roster::{
    ContractorInput, EngagementInput, EngagementOutcome, Money, RateUnit,
};
use guildbook_core::{ErrorCode, Workspace};

struct Fixture {
    _dir: tempfile::TempDir,
    ws: Workspace,
    role: String,
    credential: String,
    people: Vec<(String, String)>, // (id, engagement id)
}

fn engagement(role: &str, start: &str, end: Option<&str>) -> EngagementInput {
    EngagementInput {
        role_id: Some(role.into()),
        client: "Harbour Bank".into(),
        project: String::new(),
        start_on: start.into(),
        end_on: end.map(String::from),
        renewal_window_days: 30,
        rate: Money {
            minor: 6000,
            currency: "EUR".into(),
        },
        rate_unit: RateUnit::Hour,
        hours_per_week: Some(40),
        outcome: EngagementOutcome::Open,
    }
}

fn event(who: &str, date: &str, kind: EventKind) -> DeliveryEventInput {
    DeliveryEventInput {
        contractor_id: who.into(),
        date: date.into(),
        kind,
        hours: None,
        stage: None,
        outcome: None,
        work_area_id: None,
        engagement_id: None,
        note: String::new(),
    }
}

/// Six people A–F on one role, their engagements and events as the comments below work out.
fn fixture() -> Fixture {
    let (dir, mut ws) = workspace();
    let ladder = role(&mut ws, "Backend engineer", Some(Template::Technical));
    let role = ladder.role.id.clone();
    let ladder = ws.publish_ladder(&role).unwrap();
    let credential = ws
        .create_credential(&CredentialInput {
            name: "Payments ready".into(),
            description: "Ready for payment work.".into(),
            image: BadgeImage::Design(BadgeDesign {
                shape: BadgeShape::Circle,
                background: "#2d5b8a".into(),
                foreground: "#ffffff".into(),
                initials: "PR".into(),
            }),
            role_id: Some(role.clone()),
            level_key: Some(ladder.content.levels[0].key.clone()),
            domain_keys: vec![],
            require_evidence: false,
            narrative: "Paired on payment releases.".into(),
            validity_months: Some(12),
            prerequisites: vec![],
        })
        .unwrap();
    let area = ws
        .save_work_area(
            None,
            &WorkAreaInput {
                name: "Payments".into(),
                description: String::new(),
                rule: AreaRule::All,
                credential_ids: vec![credential.id.clone()],
            },
        )
        .unwrap();
    let spans = [
        ("A", "2026-01-05", Some("2026-06-30")),
        ("B", "2026-02-01", Some("2026-04-30")),
        ("C", "2026-03-01", None),
        ("D", "2025-12-01", Some("2026-02-28")),
        ("E", "2026-01-10", Some("2026-03-15")),
        ("F", "2026-01-20", None),
    ];
    let mut people = vec![];
    for (name, start, end) in spans {
        let id = ws
            .add_contractor(&ContractorInput {
                name: name.into(),
                email: format!("{}@example.net", name.to_lowercase()),
                tags: if name < "D" {
                    vec!["spring".into(), "north".into()]
                } else {
                    vec!["north".into()]
                },
                ..Default::default()
            })
            .unwrap()
            .id;
        let e = ws
            .add_engagement(&id, &engagement(&role, start, end))
            .unwrap();
        people.push((id, e.id));
    }
    // D came back 46 days after their engagement ended: a repeat engagement.
    ws.add_engagement(
        &people[3].0,
        &engagement(&role, "2026-04-15", Some("2026-08-31")),
    )
    .unwrap();
    let _ = area;
    let mut fx = Fixture {
        _dir: dir,
        ws,
        role,
        credential: credential.id,
        people,
    };
    let id = |fx: &Fixture, i: usize| fx.people[i].0.clone();
    let add = |fx: &mut Fixture, e: DeliveryEventInput| fx.ws.add_delivery_event(&e).unwrap();
    use EventKind::*;
    let milestone = |who: String, date: &str, outcome| DeliveryEventInput {
        outcome: Some(outcome),
        ..event(&who, date, Milestone)
    };
    let defect = |who: String, date: &str, stage| DeliveryEventInput {
        stage: Some(stage),
        ..event(&who, date, Defect)
    };
    let (a, b, c, d, e, f) = (
        id(&fx, 0),
        id(&fx, 1),
        id(&fx, 2),
        id(&fx, 3),
        id(&fx, 4),
        id(&fx, 5),
    );
    for ev in [
        event(&a, "2026-01-15", FirstDeliverable),
        event(&a, "2026-01-09", PrMerged),
        event(&a, "2026-01-20", PrMerged),
        milestone(a.clone(), "2026-01-25", MilestoneOutcome::Late),
        milestone(a.clone(), "2026-02-04", MilestoneOutcome::OnTime),
        // Day 95 of A's engagement: past its first quarter.
        milestone(a.clone(), "2026-04-10", MilestoneOutcome::OnTime),
        defect(a.clone(), "2026-02-10", DefectStage::AfterRelease),
        DeliveryEventInput {
            hours: Some(4.0),
            ..event(&a, "2026-02-01", ReworkHours)
        },
        DeliveryEventInput {
            work_area_id: Some("Payments".into()),
            ..event(&a, "2026-02-12", Incident)
        },
        event(&b, "2026-02-21", FirstDeliverable),
        event(&b, "2026-02-05", PrMerged),
        milestone(b.clone(), "2026-02-20", MilestoneOutcome::OnTime),
        event(&c, "2026-03-31", FirstDeliverable),
        event(&c, "2026-03-11", PrMerged),
        milestone(c.clone(), "2026-03-20", MilestoneOutcome::Failed),
        DeliveryEventInput {
            work_area_id: Some("payments".into()),
            ..event(&c, "2026-03-20", Incident)
        },
        event(&d, "2026-01-10", PrMerged),
        event(&d, "2026-01-12", PrMerged),
        defect(d.clone(), "2026-01-15", DefectStage::AfterRelease),
        defect(d.clone(), "2026-01-16", DefectStage::BeforeRelease),
        event(&e, "2026-01-30", FirstDeliverable),
        event(&e, "2026-01-20", PrMerged),
        milestone(e.clone(), "2026-02-15", MilestoneOutcome::OnTime),
        event(&f, "2026-02-09", FirstDeliverable),
        event(&f, "2026-02-19", PrMerged),
        milestone(f.clone(), "2026-02-05", MilestoneOutcome::OnTime),
    ] {
        add(&mut fx, ev);
    }
    // A is cleared for Payments from 1 February (after their engagement began); B held the
    // credential before theirs began.
    for (who, on) in [(&a, "2026-02-01"), (&b, "2026-01-15")] {
        fx.ws
            .award_credential(&NewAward {
                credential_id: fx.credential.clone(),
                contractor_id: who.clone(),
                assessment_id: None,
                reason: "Paired on two payment releases.".into(),
                awarded_by: "Hana Okafor".into(),
                issued_on: Some(on.into()),
                renews_id: None,
            })
            .unwrap();
    }
    fx
}

fn query(fx: &Fixture) -> KpiQuery {
    KpiQuery {
        role_id: Some(fx.role.clone()),
        cohort: None,
        credential_id: Some(fx.credential.clone()),
        from: "2026-01-01".into(),
        to: "2026-03-31".into(),
        as_of: Some("2026-12-01".into()),
    }
}

fn kpi(results: &[KpiResult], id: KpiId) -> &KpiResult {
    results.iter().find(|r| r.kpi == id).unwrap()
}

#[test]
fn every_kpi_matches_the_figures_worked_out_by_hand() {
    let fx = fixture();
    let all = fx.ws.kpis(&query(&fx)).unwrap();

    // Started in the quarter: A 10, B 20, C 30, E 20, F 20 days (D began in December).
    let first = &kpi(&all, KpiId::TimeToFirstDeliverable).all;
    assert_eq!((first.value, first.n, first.people), (Some(20.0), 5, 5));
    assert_eq!(
        (first.low, first.high),
        (None, None),
        "five values give no 95% interval"
    );

    let pr = &kpi(&all, KpiId::TimeToFirstPr).all;
    assert_eq!((pr.value, pr.mean, pr.n), (Some(10.0), Some(11.6), 5)); // 4, 4, 10, 10, 30

    // Ramp: A 30, B 19, E 36, F 16 — four people, too few to show.
    let ramp = &kpi(&all, KpiId::RampTime).all;
    assert!(ramp.hidden && ramp.value.is_none());
    assert_eq!((ramp.n, ramp.people), (4, 4));

    // First quarter: A 1 of 2 (its day-95 milestone is past it), B 1/1, C 0/1, E 1/1, F 1/1.
    let fq = &kpi(&all, KpiId::FirstQuarterSuccess).all;
    assert_eq!((fq.numerator, fq.denominator, fq.people), (4.0, 6.0, 5));
    let (low, high) = (fq.low.unwrap(), fq.high.unwrap());
    assert!(
        (low - 0.300).abs() < 0.001 && (high - 0.903).abs() < 0.001,
        "{low} {high}"
    );

    // Eight PRs dated in the quarter on engagements overlapping it (D's included), two
    // after-release defects (D's before-release one does not count).
    let defects = &kpi(&all, KpiId::PostReleaseDefectRate).all;
    assert_eq!((defects.numerator, defects.denominator), (2.0, 8.0));
    assert_eq!(defects.value, Some(0.25));

    // Hours engaged: 86 + 59 + 31 + 59 + 65 + 71 = 371 days in the quarter at 40 h a week.
    let rework = &kpi(&all, KpiId::ReworkRate).all;
    assert_eq!(rework.numerator, 4.0);
    assert!(
        (rework.denominator - 371.0 * 40.0 / 7.0).abs() < 1e-6,
        "{}",
        rework.denominator
    );

    // Ended in the quarter: D (followed 46 days later) and E (not followed) — too few people, so
    // only the n shows (not "1 of 2", which would say who came back).
    let repeat = &kpi(&all, KpiId::RepeatEngagementRate).all;
    assert_eq!((repeat.n, repeat.people, repeat.hidden), (2, 2, true));
    assert_eq!((repeat.value, repeat.numerator), (None, 0.0));

    // Two incidents per eight PRs; C was not cleared that day, A was.
    let incidents = kpi(&all, KpiId::GatedIncidents);
    assert_eq!(incidents.all.value, Some(25.0));
    assert_eq!(
        incidents.note.as_deref(),
        Some("1 of 2 incidents involved someone not cleared for the area that day.")
    );

    // Only B held the credential when their engagement began: one person, so both sides of the
    // split are hidden (the other side would give B away by subtraction).
    let split = kpi(&all, KpiId::TimeToFirstDeliverable);
    assert!(split.credentialed.hidden && split.not_credentialed.hidden);
    assert_eq!(split.credentialed.people, 1);
}

#[test]
fn window_edges_cohorts_and_empty_periods_follow_the_rules() {
    let fx = fixture();
    // A period with no events at all: every figure is empty, nothing fails.
    let empty = KpiQuery {
        from: "2024-01-01".into(),
        to: "2024-03-31".into(),
        ..query(&fx)
    };
    for r in fx.ws.kpis(&empty).unwrap() {
        assert_eq!((r.all.value, r.all.n), (None, 0), "{:?}", r.kpi);
    }
    // One day: only what happened on 20 January (A's and E's PRs, F's start).
    let day = KpiQuery {
        from: "2026-01-20".into(),
        to: "2026-01-20".into(),
        ..query(&fx)
    };
    let one = fx.ws.kpis(&day).unwrap();
    assert_eq!(kpi(&one, KpiId::PostReleaseDefectRate).all.n, 2);
    assert_eq!(kpi(&one, KpiId::TimeToFirstDeliverable).all.n, 1);

    // A person in two cohorts counts in both; a cohort of three is hidden.
    let north = KpiQuery {
        cohort: Some("North".into()),
        ..query(&fx)
    };
    assert_eq!(
        kpi(&fx.ws.kpis(&north).unwrap(), KpiId::TimeToFirstDeliverable)
            .all
            .n,
        5
    );
    let spring = KpiQuery {
        cohort: Some("spring".into()),
        ..query(&fx)
    };
    let s = fx.ws.kpis(&spring).unwrap();
    let first = &kpi(&s, KpiId::TimeToFirstDeliverable).all;
    assert_eq!((first.n, first.people, first.hidden), (3, 3, true));

    // The rows behind a figure, for the table a click opens.
    let rows = fx
        .ws
        .kpi_rows(&query(&fx), KpiId::TimeToFirstDeliverable, None)
        .unwrap();
    let shown: Vec<_> = rows
        .iter()
        .map(|r| (r.contractor_name.as_str(), r.value.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("A", "10 days"),
            ("B", "20 days"),
            ("C", "30 days"),
            ("E", "20 days"),
            ("F", "20 days")
        ]
    );
    let err = fx
        .ws
        .kpi_rows(&query(&fx), KpiId::RampTime, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("fewer than 5 people"), "{err}");
    let bad = KpiQuery {
        from: "2026-04-01".into(),
        ..query(&fx)
    };
    assert!(fx
        .ws
        .kpis(&bad)
        .unwrap_err()
        .to_string()
        .contains("ends (2026-03-31) before it starts"));
}

#[test]
fn events_are_checked_against_their_kind_and_engagement() {
    let mut fx = fixture();
    let a = fx.people[0].0.clone();
    let refuse = |fx: &mut Fixture, e: DeliveryEventInput| {
        fx.ws.add_delivery_event(&e).unwrap_err().to_string()
    };
    assert!(refuse(&mut fx, event(&a, "2026-02-30", EventKind::PrMerged)).contains("2026-02-30"));
    assert!(refuse(&mut fx, event(&a, "2026-02-03", EventKind::Defect)).contains("needs its stage"));
    assert!(refuse(&mut fx, event(&a, "2026-02-03", EventKind::Incident)).contains("work area"));
    let hours = DeliveryEventInput {
        hours: Some(-2.0),
        ..event(&a, "2026-02-03", EventKind::ReworkHours)
    };
    assert!(refuse(&mut fx, hours).contains("more than 0"));
    let stray = DeliveryEventInput {
        hours: Some(2.0),
        ..event(&a, "2026-02-03", EventKind::PrMerged)
    };
    assert!(refuse(&mut fx, stray).contains("only for rework_hours"));
    let other = DeliveryEventInput {
        engagement_id: Some(fx.people[1].1.clone()),
        ..event(&a, "2026-02-03", EventKind::PrMerged)
    };
    assert!(refuse(&mut fx, other).contains("not this person's"));
    // A day no engagement covers is kept, tied to none.
    let outside = fx
        .ws
        .add_delivery_event(&event(&a, "2027-02-03", EventKind::PrMerged))
        .unwrap();
    assert_eq!(outside.engagement_id, None);
    let listed = fx.ws.delivery_events(&a).unwrap();
    assert_eq!(listed[0].id, outside.id, "newest first");
    fx.ws.delete_delivery_event(&outside.id).unwrap();
    assert_eq!(
        fx.ws.delete_delivery_event(&outside.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn an_events_csv_names_every_bad_row_and_imports_all_or_nothing() {
    let mut fx = fixture();
    let dir = tempfile::tempdir().unwrap();
    let before = fx.ws.delivery_events(&fx.people[0].0).unwrap().len();
    let csv = "\u{feff}email,date,kind,value,stage,outcome,work_area,engagement_client,note\n\
        a@example.net,2026-03-31T23:30:00-05:00,pr_merged,,,,,,late in Bogotá\n\
        a@example.net,2026-04-01T01:00:00+02:00,PR_MERGED,,,,,Harbour Bank,\n\
        nobody@example.net,2026-03-02,pr_merged,,,,,,\n\
        a@example.net,2026-03-02,defect,,during_review,,,,\n\
        a@example.net,2026-03-02,incident,,,,Kitchen,,\n\
        a@example.net,2026-03-02,milestone,,,on_time,,Atlas Freight,\n\
        a@example.net,yesterday,pr_merged,,,,,,\n\
        a@example.net,2026-03-02,rework_hours,lots,,,,,\n";
    let path = file(dir.path(), "events.csv", csv.as_bytes());
    let preview = fx.ws.preview_events_csv(&path).unwrap();
    assert_eq!(
        (preview.total_rows, preview.valid_rows, preview.error_count),
        (8, 2, 6)
    );
    let reasons: Vec<_> = preview
        .errors
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(
        reasons[0],
        (4, "no contractor has the email nobody@example.net")
    );
    assert!(reasons[1]
        .1
        .contains("'during_review' is not one of before_release or after_release"));
    assert!(reasons[2].1.contains("no work area named 'Kitchen'"));
    assert!(reasons[3]
        .1
        .contains("no engagement with Atlas Freight covers 2026-03-02"));
    assert!(reasons[4].1.contains("'yesterday'"));
    assert!(reasons[5].1.contains("'lots' is not a number"));
    // The day where the work was done, not the day in UTC.
    assert_eq!(preview.sample[0].date, "2026-03-31");
    assert_eq!(preview.sample[1].date, "2026-04-01");
    assert_eq!(
        preview.sample[1].engagement_client.as_deref(),
        Some("Harbour Bank")
    );

    let err = fx
        .ws
        .import_events_csv(&path, false)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("6 rows can't be imported (first: line 4")
            && err.contains("Nothing was imported"),
        "{err}"
    );
    assert_eq!(
        fx.ws.delivery_events(&fx.people[0].0).unwrap().len(),
        before
    );
    let done = fx.ws.import_events_csv(&path, true).unwrap();
    assert_eq!((done.imported, done.skipped), (2, 6));
    assert_eq!(
        fx.ws.delivery_events(&fx.people[0].0).unwrap().len(),
        before + 2
    );

    let header = file(dir.path(), "wrong.csv", b"email,day,kind\n");
    let err = fx.ws.preview_events_csv(&header).unwrap_err().to_string();
    assert!(err.contains("unknown column 'day'"), "{err}");
}
