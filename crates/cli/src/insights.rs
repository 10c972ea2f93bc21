//! `guildbook events`, `kpi` and `pilot`: delivery data in, the program's KPIs and pilot reviews
//! out (tab-separated, or JSON with --json).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use guildbook_core::documents::{load_fonts, Paper};
use guildbook_core::insights::kpi::{definition, Figure, KpiDefinition, KpiQuery, KpiResult};
use guildbook_core::insights::words;
use guildbook_core::{CoreError, Workspace};

use crate::credential::write_file;
use crate::print;

#[derive(Subcommand)]
pub enum EventsCommand {
    /// Import delivery events from CSV (columns: email,date,kind,value,stage,outcome,work_area,
    /// engagement_client,note; see docs/delivery-events.md). All or nothing: with bad rows,
    /// every one is listed and nothing is imported unless --skip-bad-rows.
    Import {
        file: PathBuf,
        #[arg(long)]
        skip_bad_rows: bool,
    },
    /// A person's delivery events: date, kind, detail, client (tab-separated).
    List {
        /// The contractor's id.
        contractor: String,
    },
}

/// Which work the KPIs look at.
#[derive(Args)]
pub struct KpiArgs {
    /// The role's id or name (every role when absent).
    #[arg(long)]
    role: Option<String>,
    /// A cohort: people with this tag.
    #[arg(long)]
    cohort: Option<String>,
    /// Split by holding this credential (id or name) when the engagement began.
    #[arg(long)]
    credential: Option<String>,
    #[arg(long)]
    from: String,
    #[arg(long)]
    to: String,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum PilotCommand {
    /// Pilots: id, name, role, start (tab-separated).
    List,
    /// A pilot's review: each KPI at baseline, 90 and 180 days with n, intervals and verdicts.
    Show {
        /// The pilot's id or name.
        pilot: String,
        /// Review as on this day (today when absent).
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// A pilot's review as a PDF report: KPIs with n, intervals and verdicts, charts, the return,
    /// the assumptions and every definition.
    Report {
        /// The pilot's id or name.
        pilot: String,
        #[arg(short, long)]
        output: PathBuf,
        /// a4 or letter.
        #[arg(long, default_value = "a4")]
        paper: String,
        /// Review as on this day (today when absent).
        #[arg(long)]
        as_of: Option<String>,
    },
}

fn json(out: &mut dyn Write, value: serde_json::Result<String>) -> Result<(), CoreError> {
    let text = value.map_err(|e| CoreError::Invalid(format!("could not write JSON: {e}")))?;
    print(out, text)
}

/// A figure on one line: "38 days, 95%: 31 days to 45 days, n 14 engagements · 12 people".
fn figure(d: &KpiDefinition, f: &Figure) -> String {
    words::figure(d, f).join(", ")
}

fn kpi_line(r: &KpiResult) -> String {
    let d = definition(r.kpi);
    format!(
        "{}\t{}\tcredentialed: {}\tnot credentialed: {}{}",
        d.name,
        figure(d, &r.all),
        figure(d, &r.credentialed),
        figure(d, &r.not_credentialed),
        r.note
            .as_ref()
            .map(|n| format!("\t{n}"))
            .unwrap_or_default()
    )
}

pub fn run_events(
    ws: &mut Workspace,
    command: EventsCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        EventsCommand::Import {
            file,
            skip_bad_rows,
        } => {
            let preview = ws.preview_events_csv(&file)?;
            if preview.error_count > 0 && !skip_bad_rows {
                for e in &preview.errors {
                    eprintln!("line {}: {}", e.line, e.message);
                }
            }
            let done = ws.import_events_csv(&file, skip_bad_rows)?;
            print(
                out,
                format!(
                    "imported {} events, skipped {}",
                    done.imported, done.skipped
                ),
            )
        }
        EventsCommand::List { contractor } => {
            for e in ws.delivery_events(&contractor)? {
                let client = e.engagement_client.clone().unwrap_or_default();
                print(
                    out,
                    format!(
                        "{}\t{}\t{}\t{client}",
                        e.date,
                        guildbook_core::store::enum_text(e.kind),
                        e.title()
                    ),
                )?;
            }
            Ok(())
        }
    }
}

pub fn run_kpi(ws: &Workspace, args: KpiArgs, out: &mut dyn Write) -> Result<(), CoreError> {
    let query = KpiQuery {
        role_id: args
            .role
            .map(|r| ws.find_role(&r))
            .transpose()?
            .map(|r| r.id),
        cohort: args.cohort,
        credential_id: args
            .credential
            .map(|c| ws.find_credential(&c))
            .transpose()?
            .map(|c| c.id),
        from: args.from,
        to: args.to,
        as_of: None,
    };
    let results = ws.kpis(&query)?;
    if args.json {
        return json(out, serde_json::to_string_pretty(&results));
    }
    for r in &results {
        print(out, kpi_line(r))?;
    }
    Ok(())
}

pub fn run_pilot(
    ws: &Workspace,
    command: PilotCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        PilotCommand::List => {
            for p in ws.pilots()? {
                print(
                    out,
                    format!("{}\t{}\t{}\t{}", p.id, p.name, p.role_name, p.starts_on),
                )?;
            }
            Ok(())
        }
        PilotCommand::Show {
            pilot,
            as_of,
            json: as_json,
        } => {
            let review = ws.pilot_review(&pilot, as_of.as_deref())?;
            if as_json {
                return json(out, serde_json::to_string_pretty(&review));
            }
            let w = &review.windows;
            print(
                out,
                format!(
                    "{} — {} from {} (baseline {} to {})",
                    review.pilot.name,
                    review.pilot.role_name,
                    review.pilot.starts_on,
                    w[0].from,
                    w[0].to
                ),
            )?;
            for k in &review.kpis {
                let d = definition(k.kpi);
                print(
                    out,
                    format!(
                        "{}\tbaseline: {}\t90 days: {} ({})\t180 days: {} ({})",
                        d.name,
                        figure(d, &k.baseline),
                        figure(d, &k.day90),
                        words::verdict(k.verdict90),
                        figure(d, &k.day180),
                        words::verdict(k.verdict180),
                    ),
                )?;
            }
            let roi = &review.roi;
            let money = |minor: i64| format!("{} {:.2}", roi.currency, minor as f64 / 100.0);
            print(
                out,
                format!(
                    "ROI {} to {}: cost {}, savings {}, ROI {}",
                    roi.from,
                    roi.to,
                    money(roi.cost_minor),
                    money(roi.savings_minor),
                    words::roi(roi.roi)
                ),
            )
        }
        PilotCommand::Report {
            pilot,
            output,
            paper,
            as_of,
        } => {
            let pdf = ws.pilot_report_pdf(
                &load_fonts()?,
                &pilot,
                Paper::parse(&paper)?,
                as_of.as_deref(),
            )?;
            write_file(&output, &pdf)?;
            print(out, format!("{}\t{} bytes", output.display(), pdf.len()))
        }
    }
}
