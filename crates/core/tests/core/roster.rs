//! The roster: contractors, search and filters, levels with history, engagements, pay bands and
//! the CSV import with its bad rows.

use std::fs;

use guildbook_core::ladder::templates::Template;
use guildbook_core::roster::{
    ContractorInput, ContractorStatus, EngagementInput, EngagementOutcome, Money, PayBand,
    RateUnit, RosterQuery,
};
use guildbook_core::{ErrorCode, Workspace};

fn person(name: &str, email: &str, tags: &[&str]) -> ContractorInput {
    ContractorInput {
        name: name.into(),
        email: email.into(),
        location: "Lisbon".into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..Default::default()
    }
}

fn engagement(role_id: Option<&str>, start: &str, end: Option<&str>, rate: i64) -> EngagementInput {
    EngagementInput {
        role_id: role_id.map(String::from),
        client: "Harbour Bank".into(),
        project: "Payments API".into(),
        start_on: start.into(),
        end_on: end.map(String::from),
        renewal_window_days: 30,
        rate: Money {
            minor: rate,
            currency: "eur".into(),
        },
        rate_unit: RateUnit::Hour,
        hours_per_week: Some(32),
        outcome: EngagementOutcome::Open,
    }
}

fn names(ws: &Workspace, q: RosterQuery) -> Vec<String> {
    ws.roster(&q)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.name)
        .collect()
}

#[test]
fn contractors_are_found_by_words_accents_and_filters() {
    let (_d, mut ws) = crate::common::workspace();
    let backend = crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let engineer = backend.content.levels[1].key.clone();
    let ana = ws
        .add_contractor(&person(
            "Ana Conceição",
            "ana@example.org",
            &["payments", "rust"],
        ))
        .unwrap();
    ws.add_contractor(&person("Bruno Alves", "bruno@example.org", &["design"]))
        .unwrap();
    let carla = ws
        .add_contractor(&person("Carla Nunes", "", &["payments"]))
        .unwrap();
    ws.set_contractor_level(
        &ana.id,
        &backend.role.id,
        &engineer,
        "2026-01-10",
        "Hired at this level",
    )
    .unwrap();

    let text = |t: &str| RosterQuery {
        text: Some(t.into()),
        ..Default::default()
    };
    assert_eq!(
        names(&ws, text("conceicao")),
        ["Ana Conceição"],
        "accents don't matter"
    );
    assert_eq!(
        names(&ws, text("ana conc")),
        ["Ana Conceição"],
        "every word is a prefix"
    );
    assert_eq!(
        names(&ws, text("payments")),
        ["Ana Conceição", "Carla Nunes"],
        "tags are searched"
    );
    assert_eq!(
        names(&ws, text("\"NEAR(* OR")),
        Vec::<String>::new(),
        "FTS syntax typed by a person is just text"
    );
    let tag = RosterQuery {
        tag: Some("PAYMENTS".into()),
        ..Default::default()
    };
    assert_eq!(names(&ws, tag), ["Ana Conceição", "Carla Nunes"]);
    let role = RosterQuery {
        role_id: Some(backend.role.id.clone()),
        ..Default::default()
    };
    assert_eq!(names(&ws, role), ["Ana Conceição"]);
    let other_level = RosterQuery {
        role_id: Some(backend.role.id.clone()),
        level_key: Some(backend.content.levels[0].key.clone()),
        ..Default::default()
    };
    assert!(names(&ws, other_level).is_empty());

    ws.set_contractor_status(&carla.id, ContractorStatus::Archived)
        .unwrap();
    assert_eq!(
        names(&ws, text("payments")),
        ["Ana Conceição"],
        "archived people are hidden"
    );
    let with_archived = RosterQuery {
        text: Some("payments".into()),
        include_archived: true,
        ..Default::default()
    };
    assert_eq!(ws.roster(&with_archived).unwrap().total, 2);

    let row = &ws.roster(&RosterQuery::default()).unwrap().rows[0];
    assert_eq!(row.roles, ["Backend engineer · Engineer"]);
}

#[test]
fn bad_contractor_input_is_refused_and_emails_are_unique() {
    let (_d, mut ws) = crate::common::workspace();
    ws.add_contractor(&person("Ana", "ana@example.org", &[]))
        .unwrap();
    let err = ws
        .add_contractor(&person("Other Ana", "ANA@example.org", &[]))
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert!(
        err.to_string().contains("Ana already has the email"),
        "{err}"
    );
    let err = ws
        .add_contractor(&person("Bad", "not an email", &[]))
        .unwrap_err();
    assert!(err.to_string().contains("is not an email address"), "{err}");
    let err = ws.add_contractor(&person("  ", "", &[])).unwrap_err();
    assert!(err.to_string().contains("can't be empty"), "{err}");
    let hostile = ws
        .add_contractor(&person("<script>alert(1)</script>", "", &["<b>x</b>"]))
        .unwrap();
    assert_eq!(hostile.name, "<script>alert(1)</script>");
    assert_eq!(ws.roster(&RosterQuery::default()).unwrap().total, 2);
}

#[test]
fn levels_keep_their_history_and_follow_renamed_levels() {
    let (_d, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Product designer", Some(Template::Creative));
    let [junior, designer] = [0, 1].map(|i| ladder.content.levels[i].key.clone());
    let p = ws.add_contractor(&person("Dora", "", &[])).unwrap();
    ws.set_contractor_level(&p.id, &ladder.role.id, &junior, "2025-03-01", "Hired")
        .unwrap();
    let now = ws
        .set_contractor_level(
            &p.id,
            &ladder.role.id,
            &designer,
            "2026-02-01",
            "Passed review",
        )
        .unwrap();
    assert_eq!(now.levels.len(), 1);
    assert_eq!(now.levels[0].level_name, "Designer");
    let history = ws.contractor_level_history(&p.id).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|h| h.level_name.as_str())
            .collect::<Vec<_>>(),
        ["Designer", "Junior designer"]
    );

    ws.edit_ladder(
        &ladder.role.id,
        guildbook_core::ladder::LadderEdit::RenameLevel {
            key: designer.clone(),
            name: "Mid designer".into(),
        },
    )
    .unwrap();
    assert_eq!(
        ws.contractor(&p.id).unwrap().levels[0].level_name,
        "Mid designer"
    );

    let err = ws
        .set_contractor_level(&p.id, &ladder.role.id, "no-such-level", "2026-02-01", "")
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let err = ws
        .set_contractor_level(&p.id, &ladder.role.id, &junior, "31/02/2026", "")
        .unwrap_err();
    assert!(err.to_string().contains("must be a date like"), "{err}");
}

#[test]
fn engagements_know_their_renewal_window_and_flag_rates_outside_the_band() {
    let (_d, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let role = ladder.role.id.clone();
    let engineer = ladder.content.levels[1].key.clone();
    let p = ws.add_contractor(&person("Eli", "", &[])).unwrap();
    ws.set_contractor_level(&p.id, &role, &engineer, "2026-01-01", "")
        .unwrap();
    ws.set_pay_band(&PayBand {
        role_id: role.clone(),
        level_key: engineer.clone(),
        min: Money {
            minor: 6000,
            currency: "EUR".into(),
        },
        max_minor: 9000,
        rate_unit: RateUnit::Hour,
    })
    .unwrap();

    let inside = ws
        .add_engagement(
            &p.id,
            &engagement(Some(&role), "2026-01-01", Some("2026-03-31"), 7500),
        )
        .unwrap();
    assert_eq!(inside.renewal_opens_on.as_deref(), Some("2026-03-01"));
    assert_eq!(inside.input.rate.currency, "EUR");
    assert!(inside.rate_check.is_none());
    let above = ws
        .add_engagement(
            &p.id,
            &engagement(Some(&role), "2026-04-01", Some("2026-12-31"), 9500),
        )
        .unwrap();
    let check = above.rate_check.expect("95 EUR is above the band");
    assert_eq!(
        check.message,
        "95.00 EUR per hour is above the Engineer band (60.00–90.00 EUR per hour)."
    );
    let other_currency = ws
        .add_engagement(&p.id, &engagement(Some(&role), "2026-04-01", None, 100))
        .unwrap();
    assert!(
        other_currency.rate_check.is_some(),
        "same currency: 1.00 EUR is below"
    );

    let profile = ws.profile(&p.id).unwrap();
    assert_eq!(profile.engagements.len(), 3);
    assert_eq!(profile.bands.len(), 1);

    let before = ws.engagements(&p.id).unwrap();
    let err = ws
        .add_engagement(
            &p.id,
            &engagement(Some(&role), "2026-05-01", Some("2026-04-01"), 100),
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("ends (2026-04-01) before it starts (2026-05-01)"),
        "{err}"
    );
    let mut bad_currency = engagement(None, "2026-05-01", None, 100);
    bad_currency.rate.currency = "€".into();
    assert!(ws
        .add_engagement(&p.id, &bad_currency)
        .unwrap_err()
        .to_string()
        .contains("currency code"));
    assert_eq!(
        ws.engagements(&p.id).unwrap(),
        before,
        "refused engagements store nothing"
    );
}

fn csv(dir: &tempfile::TempDir, name: &str, body: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, body).unwrap();
    path
}

#[test]
fn csv_import_previews_bad_rows_and_imports_all_or_nothing() {
    let (dir, mut ws) = crate::common::workspace();
    crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    ws.add_contractor(&person("Existing", "taken@example.org", &[]))
        .unwrap();
    let mut body = "\u{feff}Name,Email,Role,Level,Tags\n".as_bytes().to_vec();
    body.extend_from_slice(b"Fay Ortega,fay@example.org,Backend engineer,Engineer,payments;rust\n");
    body.extend_from_slice(b"Gil Brand,taken@example.org,,,\n");
    body.extend_from_slice(b"Hana Ito,hana@example.org,Backend engineer,Wizard,\n");
    body.extend_from_slice(b"Ines Lu,not-an-email,,,\n");
    body.extend_from_slice(b"Caf\xe9 Latin1,cafe@example.org,,,\n");
    body.extend_from_slice(b"Too,many,fields,here,x,y\n");
    body.extend_from_slice(b"\nJo Park,jo@example.org,,,\n");
    let path = csv(&dir, "people.csv", &body);

    let preview = ws.preview_contractor_csv(&path).unwrap();
    assert_eq!(
        (preview.total_rows, preview.valid_rows, preview.error_count),
        (7, 2, 5)
    );
    let lines: Vec<(u32, &str)> = preview
        .errors
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert!(
        lines[0].0 == 3 && lines[0].1.contains("already exists"),
        "{lines:?}"
    );
    assert!(
        lines[1].0 == 4 && lines[1].1.contains("no level named 'Wizard'"),
        "{lines:?}"
    );
    assert!(lines[2].1.contains("is not an email address"), "{lines:?}");
    assert!(lines[3].1.contains("not UTF-8"), "{lines:?}");
    assert!(
        lines[4].1.contains("has 6 fields; the header has 5"),
        "{lines:?}"
    );
    assert_eq!(preview.sample[0].tags, ["payments", "rust"]);

    let before = ws.roster(&RosterQuery::default()).unwrap();
    let err = ws.import_contractor_csv(&path, false).unwrap_err();
    assert!(
        err.to_string()
            .contains("5 rows can't be imported (first: line 3"),
        "{err}"
    );
    assert_eq!(
        ws.roster(&RosterQuery::default()).unwrap(),
        before,
        "nothing imported without confirmation"
    );

    let done = ws.import_contractor_csv(&path, true).unwrap();
    assert_eq!((done.imported, done.skipped), (2, 5));
    let fay = ws
        .roster(&RosterQuery {
            text: Some("fay".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(fay.rows[0].roles, ["Backend engineer · Engineer"]);
}

#[test]
fn csv_files_with_the_wrong_columns_are_refused_whole() {
    let (dir, ws) = crate::common::workspace();
    let err = ws
        .preview_contractor_csv(&csv(&dir, "a.csv", b"Name,Emial\nA,a@b.c\n"))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown column 'emial' (the columns are: name, email"),
        "{err}"
    );
    let err = ws
        .preview_contractor_csv(&csv(&dir, "b.csv", b"email\na@b.co\n"))
        .unwrap_err();
    assert!(err.to_string().contains("no 'name' column"), "{err}");
    let err = ws
        .preview_contractor_csv(&csv(&dir, "c.csv", b""))
        .unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
    assert_eq!(ws.roster(&RosterQuery::default()).unwrap().total, 0);
}

#[test]
fn a_100_000_row_csv_imports_in_one_go() {
    let (dir, mut ws) = crate::common::workspace();
    let mut body = String::from("name,email,location,tags\n");
    for i in 0..100_000 {
        body.push_str(&format!(
            "Person {i},p{i}@example.org,City {},team-{}\n",
            i % 50,
            i % 7
        ));
    }
    let path = csv(&dir, "big.csv", body.as_bytes());
    let done = ws.import_contractor_csv(&path, false).unwrap();
    assert_eq!(done.imported, 100_000);
    let found = ws
        .roster(&RosterQuery {
            text: Some("p99999".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.rows[0].name, "Person 99999");
}
