//! Delivery data and the program's figures from scripts: an events CSV refused with every bad
//! line named (then imported when skipping is asked for), KPIs as JSON, the pilot's review and
//! its printed report.

use crate::common::{arg, demo, guildbook, stderr, stdout};
use guildbook_pdf::testing as check;

#[test]
fn events_import_names_bad_lines_and_imports_nothing_until_told_to_skip() {
    let (dir, ws) = demo();
    let csv = dir.path().join("events.csv");
    std::fs::write(
        &csv,
        "email,date,kind,value,stage,outcome,work_area,engagement_client,note\n\
         maya@example.net,2026-11-30,pr_merged,,,,,,\n\
         maya@example.net,2026-11-30,defect,,,,,,\n\
         maya@example.net,2026-11-30,rework_hours,2.5,,,,,\n",
    )
    .unwrap();
    let refused = guildbook(&ws, &["events", "import", arg(&csv)]);
    assert_eq!(refused.status.code(), Some(1));
    let err = stderr(&refused);
    assert!(err.contains("line 3: a defect needs its stage"), "{err}");
    assert!(err.contains("Nothing was imported"), "{err}");
    let done = guildbook(&ws, &["events", "import", arg(&csv), "--skip-bad-rows"]);
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    assert_eq!(stdout(&done).trim(), "imported 2 events, skipped 1");
}

#[test]
fn kpis_print_as_json_and_the_pilot_prints_its_report() {
    let (dir, ws) = demo();
    let out = guildbook(
        &ws,
        &[
            "kpi",
            "--role",
            "Backend engineer",
            "--from",
            "2025-01-01",
            "--to",
            "2026-12-31",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let kpis: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(kpis.as_array().unwrap().len(), 8);
    let ramp = kpis
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kpi"] == "ramp_time")
        .unwrap();
    assert!(ramp["all"]["n"].as_u64().unwrap() >= 20, "{ramp}");

    let list = stdout(&guildbook(&ws, &["pilot", "list"]));
    assert!(
        list.contains("Backend onboarding pilot\tBackend engineer"),
        "{list}"
    );
    let show = stdout(&guildbook(
        &ws,
        &["pilot", "show", "Backend onboarding pilot"],
    ));
    assert!(
        show.contains("Ramp time\tbaseline:") && show.contains("(Improved)"),
        "{show}"
    );
    let pdf = dir.path().join("pilot.pdf");
    let report = guildbook(
        &ws,
        &[
            "pilot",
            "report",
            "Backend onboarding pilot",
            "-o",
            arg(&pdf),
        ],
    );
    assert_eq!(report.status.code(), Some(0), "{}", stderr(&report));
    check::qpdf_check(&pdf);
    assert!(check::text_of(&pdf).contains("Incidents on gated paths"));
    let missing = guildbook(&ws, &["pilot", "show", "Nope"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("There is no pilot named “Nope”"));
}
