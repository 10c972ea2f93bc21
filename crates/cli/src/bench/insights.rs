//! `guildbook bench insights`: the KPI dashboard over a seeded workspace (a year, every role, and
//! one role), and the delivery-events CSV import rate.

use std::io::Write;

use guildbook_core::documents::{load_fonts, Paper};
use guildbook_core::insights::kpi::KpiQuery;
use guildbook_core::insights::pilot::{Assumptions, PilotInput};
use guildbook_core::{dates, CoreError, Workspace};
use time::Duration;

use super::timing::{summary, timed};

fn say(out: &mut dyn Write, line: String) -> Result<(), CoreError> {
    writeln!(out, "{line}").map_err(CoreError::io("Could not write the result"))
}

pub fn run(
    ws: &mut Workspace,
    loads: usize,
    csv_rows: u32,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    let count =
        |sql: &str| -> Result<i64, CoreError> { Ok(ws.conn().query_row(sql, [], |r| r.get(0))?) };
    let (people, engagements, events) = (
        count("SELECT count(*) FROM contractor")?,
        count("SELECT count(*) FROM engagement")?,
        count("SELECT count(*) FROM delivery_event")?,
    );
    say(
        out,
        format!("{people} contractors, {engagements} engagements, {events} delivery events"),
    )?;
    let today = dates::today_here();
    let year = KpiQuery {
        from: dates::format(today - Duration::days(364)),
        to: dates::format(today),
        ..Default::default()
    };
    // What the Insights screen opens on: the last 180 days, every role or one.
    let screen = KpiQuery {
        from: dates::format(today - Duration::days(179)),
        ..year.clone()
    };
    let role = ws.list_roles(false)?.first().map(|r| r.id.clone());
    let one_role = KpiQuery {
        role_id: role,
        ..screen.clone()
    };
    for (label, q) in [
        ("every role, the last 180 days", &screen),
        ("one role, the last 180 days", &one_role),
        ("every role, the last 12 months", &year),
    ] {
        let mut times = Vec::with_capacity(loads);
        for _ in 0..loads {
            let (t, results) = timed(|| ws.kpis(q))?;
            assert_eq!(results.len(), 8);
            times.push(t);
        }
        say(
            out,
            format!(
                "dashboard, all 8 KPIs split by credential ({label}, {loads} loads): {}",
                summary(times)
            ),
        )?;
    }

    pilot_report(ws, today, loads, out)?;

    // A CSV of merged PRs for the first people, imported in one transaction.
    let dir = tempfile::tempdir().map_err(CoreError::io("Could not make a scratch folder"))?;
    let path = dir.path().join("events.csv");
    let emails: Vec<String> = {
        let mut stmt = ws
            .conn()
            .prepare("SELECT email FROM contractor WHERE email <> '' LIMIT 1000")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if emails.is_empty() {
        return Err(CoreError::Invalid(
            "Seed contractors first (guildbook seed --contractors 10000 --events 1000000).".into(),
        ));
    }
    let mut csv =
        String::from("email,date,kind,value,stage,outcome,work_area,engagement_client,note\n");
    let day = dates::format(today);
    for i in 0..csv_rows as usize {
        csv.push_str(&format!(
            "{},{day},pr_merged,,,,,,\n",
            emails[i % emails.len()]
        ));
    }
    std::fs::write(&path, csv).map_err(CoreError::io("Could not write the CSV"))?;
    let (t, done) = timed(|| ws.import_events_csv(&path, false))?;
    let rate = done.imported as f64 / t.as_secs_f64();
    say(
        out,
        format!(
            "events CSV import: {} rows in {:.0} ms ({rate:.0} rows/s)",
            done.imported,
            t.as_secs_f64() * 1000.0
        ),
    )
}

/// The pilot report PDF for a pilot of the first role that began 200 days ago (made once).
fn pilot_report(
    ws: &mut Workspace,
    today: time::Date,
    loads: usize,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    const NAME: &str = "Benchmark pilot";
    let pilot = match ws.pilot(NAME) {
        Ok(p) => p,
        Err(_) => {
            let role = ws.list_roles(false)?.first().map(|r| r.id.clone());
            ws.create_pilot(&PilotInput {
                name: NAME.into(),
                role_id: role
                    .ok_or_else(|| CoreError::Invalid("Seed contractors first.".into()))?,
                credential_id: None,
                starts_on: dates::format(today - Duration::days(200)),
                baseline_days: 180,
                assumptions: Assumptions {
                    currency: "EUR".into(),
                    sourcing_cost_minor: 300_000,
                    rework_hour_minor: 6_000,
                    ramp_day_minor: 40_000,
                },
            })?
        }
    };
    let fonts = load_fonts()?;
    let mut times = Vec::with_capacity(loads);
    let mut size = 0;
    for _ in 0..loads {
        let (t, pdf) = timed(|| ws.pilot_report_pdf(&fonts, &pilot.id, Paper::A4, None))?;
        size = pdf.len();
        times.push(t);
    }
    say(
        out,
        format!(
            "pilot report PDF ({} KB, baseline + 90 + 180 days, {loads} prints): {}",
            size / 1024,
            summary(times)
        ),
    )
}
