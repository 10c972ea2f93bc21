//! `guildbook`: Guildbook's services without the window, for scripts, third parties and tests.
//! Output meant for scripts is tab-separated; errors are one line on stderr with a non-zero exit.

mod assessment;
mod bench;
mod contractor;
mod credential;
mod doc;
mod evidence;
mod insights;
mod staffing;
mod verify;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use guildbook_core::ladder::RoleSummary;
use guildbook_core::{demo, CoreError, Workspace};

#[derive(Parser)]
#[command(name = "guildbook", version, about = "Guildbook from the command line")]
struct Cli {
    /// The workspace folder.
    #[arg(long, short = 'w', global = true, env = "GUILDBOOK_WORKSPACE")]
    workspace: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the demo workspace in the workspace folder (which must be missing or empty).
    Demo,
    /// Create an empty workspace in the workspace folder.
    Init {
        #[arg(long)]
        name: Option<String>,
    },
    /// Career ladders.
    Ladder {
        #[command(subcommand)]
        command: LadderCommand,
    },
    /// The contractor roster.
    Contractor {
        #[command(subcommand)]
        command: contractor::ContractorCommand,
    },
    /// Evidence files in the vault.
    Evidence {
        #[command(subcommand)]
        command: evidence::EvidenceCommand,
    },
    /// The evidence vault.
    Vault {
        #[command(subcommand)]
        command: evidence::VaultCommand,
    },
    /// Fill the workspace with generated contractors (each with a level and three engagements),
    /// for benchmarks. Creates two roles from the templates if the workspace has none.
    Seed {
        #[arg(long, default_value_t = 0)]
        contractors: u32,
        /// Evidence files (small generated images and PDFs) spread over the contractors.
        #[arg(long, default_value_t = 0)]
        evidence: u32,
        /// Delivery events spread over every engagement.
        #[arg(long, default_value_t = 0)]
        events: u32,
    },
    /// Assessors and their signing keys.
    Assessor {
        #[command(subcommand)]
        command: assessment::AssessorCommand,
    },
    /// Assessments: list, export for an external lead, sign a file, import it back.
    Assessment {
        #[command(subcommand)]
        command: assessment::AssessmentCommand,
    },
    /// Credentials awarded to people.
    Award {
        #[command(subcommand)]
        command: credential::AwardCommand,
    },
    /// The organisation as a badge issuer: public keys, revocation list, key rotation.
    Issuer {
        #[command(subcommand)]
        command: credential::IssuerCommand,
    },
    /// Check an Open Badges 3.0 badge (PNG, SVG, JSON or JWT) offline: every check by name, then
    /// the verdict. Exit 0 when valid, 1 when not. With --workspace, its keys and records count.
    Verify {
        file: PathBuf,
        /// The issuer's public keys as a JWK Set (`guildbook issuer keys`).
        #[arg(long)]
        issuer_keys: Option<PathBuf>,
        /// A downloaded status list credential.
        #[arg(long)]
        status_list: Option<PathBuf>,
    },
    /// Printable documents: career-path guides and certificates (PDF).
    Doc {
        #[command(subcommand)]
        command: doc::DocCommand,
    },
    /// Check a printed certificate offline from its QR text (GB1:…) or its short code. Exit 0
    /// when valid. With --workspace, its keys and records count (a short code needs them).
    VerifyCode {
        text: String,
        /// The issuer's public keys as a JWK Set (`guildbook issuer keys`).
        #[arg(long)]
        issuer_keys: Option<PathBuf>,
    },
    /// Clearance for gated work areas.
    Clearance {
        #[command(subcommand)]
        command: credential::ClearanceCommand,
    },
    /// Reviews due ahead of contract renewals.
    Reviews {
        #[command(subcommand)]
        command: assessment::ReviewsCommand,
    },
    /// Delivery events (first deliverables, merged PRs, defects, rework, incidents, milestones).
    Events {
        #[command(subcommand)]
        command: insights::EventsCommand,
    },
    /// Every KPI for a role, cohort and period, with n and 95% intervals, credentialed vs not.
    Kpi(insights::KpiArgs),
    /// Pilots: a role before and after the program, at 90 and 180 days.
    Pilot {
        #[command(subcommand)]
        command: insights::PilotCommand,
    },
    /// Staffing needs: work to staff from the credentialed pool.
    Need {
        #[command(subcommand)]
        command: staffing::NeedCommand,
    },
    /// Who can take a need's work now, ranked with reasons (id, name, score, reasons); --all
    /// adds the people filtered out, with why.
    Match(staffing::MatchArgs),
    /// Offers of a need's work: send, accept (makes the engagement), decline with a reason.
    Offer {
        #[command(subcommand)]
        command: staffing::OfferCommand,
    },
    /// Measure how fast the core is (numbers for the closing notes of issues).
    Bench {
        #[command(subcommand)]
        command: bench::BenchCommand,
    },
}

#[derive(Subcommand)]
enum LadderCommand {
    /// List roles: id, name, status (tab-separated).
    List {
        /// Include archived roles.
        #[arg(long)]
        all: bool,
    },
    /// Write a role's ladder (its draft, or newest published version) as a ladder file.
    Export {
        /// The role's id or name.
        role: String,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Import a ladder file as a new role; prints its id and name.
    Import {
        file: PathBuf,
        /// Import under this role name instead of the one in the file.
        #[arg(long = "as")]
        rename: Option<String>,
    },
    /// Publish a role's draft as its next version.
    Publish { role: String },
}

fn main() -> ExitCode {
    // The app's previews render PDFs in a child process; this program can be that child too.
    guildbook_core::thumbnail::run_if_worker();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`guildbook … | head`): nothing is wrong, stop quietly.
        Err(CoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(err) => {
            let message = err.to_string().replace('\n', " ");
            eprintln!("guildbook: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_dir(cli: &Cli) -> Result<PathBuf, CoreError> {
    cli.workspace.clone().ok_or_else(|| {
        CoreError::Invalid(
            "no workspace given: pass --workspace DIR or set GUILDBOOK_WORKSPACE".into(),
        )
    })
}

pub fn status(role: &RoleSummary) -> String {
    match (role.archived, role.published_version, role.has_draft) {
        (true, _, _) => "archived".into(),
        (false, Some(v), true) => format!("published v{v}, draft"),
        (false, Some(v), false) => format!("published v{v}"),
        (false, None, _) => "draft".into(),
    }
}

pub fn print(out: &mut dyn Write, line: String) -> Result<(), CoreError> {
    writeln!(out, "{line}").map_err(CoreError::io("Could not write to standard output"))
}

fn run(cli: Cli) -> Result<(), CoreError> {
    let dir = workspace_dir(&cli);
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Demo => {
            let dir = dir?;
            let ws = demo::create(&dir)?;
            print(
                &mut out,
                format!(
                    "Created the demo workspace '{}' in {}",
                    ws.info()?.name,
                    dir.display()
                ),
            )?;
        }
        Command::Init { name } => {
            let dir = dir?;
            Workspace::create(&dir, name.as_deref())?;
            print(
                &mut out,
                format!("Created a workspace in {}", dir.display()),
            )?;
        }
        Command::Ladder { command } => {
            let mut ws = Workspace::open(&dir?)?;
            match command {
                LadderCommand::List { all } => {
                    for role in ws.list_roles(all)? {
                        print(
                            &mut out,
                            format!("{}\t{}\t{}", role.id, role.name, status(&role)),
                        )?;
                    }
                }
                LadderCommand::Export { role, output } => {
                    let role = ws.find_role(&role)?;
                    match output {
                        Some(path) => ws.export_ladder(&role.id, &path)?,
                        None => write!(out, "{}", ws.export_ladder_json(&role.id)?)
                            .map_err(CoreError::io("Could not write to standard output"))?,
                    }
                }
                LadderCommand::Import { file, rename } => {
                    let ladder = ws.import_ladder(&file, rename.as_deref())?;
                    print(
                        &mut out,
                        format!("{}\t{}", ladder.role.id, ladder.role.name),
                    )?;
                }
                LadderCommand::Publish { role } => {
                    let role = ws.find_role(&role)?;
                    let ladder = ws.publish_ladder(&role.id)?;
                    let number = ladder.version.number.unwrap_or_default();
                    print(
                        &mut out,
                        format!("{}\t{}\tpublished v{number}", role.id, role.name),
                    )?;
                }
            }
        }
        Command::Contractor { command } => {
            contractor::run(&mut Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Evidence { command } => {
            evidence::run_evidence(&mut Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Vault { command } => {
            evidence::run_vault(&Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Seed {
            contractors,
            evidence,
            events,
        } => {
            let mut ws = Workspace::open(&dir?)?;
            let started = std::time::Instant::now();
            let n = guildbook_core::seed::contractors(&mut ws, contractors)?;
            let secs = started.elapsed().as_secs_f64();
            print(&mut out, format!("seeded {n} contractors in {secs:.1} s"))?;
            if evidence > 0 {
                let started = std::time::Instant::now();
                let n = guildbook_core::seed::evidence(&mut ws, evidence)?;
                let secs = started.elapsed().as_secs_f64();
                let rate = n as f64 / secs;
                print(
                    &mut out,
                    format!("seeded {n} evidence files in {secs:.1} s ({rate:.0} files/s)"),
                )?;
            }
            if events > 0 {
                let started = std::time::Instant::now();
                let n = guildbook_core::seed::events(&mut ws, events)?;
                let secs = started.elapsed().as_secs_f64();
                print(
                    &mut out,
                    format!("seeded {n} delivery events in {secs:.1} s"),
                )?;
            }
        }
        Command::Assessor { command } => assessment::run_assessor(dir, command, &mut out)?,
        Command::Assessment { command } => assessment::run(dir, command, &mut out)?,
        Command::Award { command } => {
            credential::run_award(&mut Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Issuer { command } => {
            credential::run_issuer(&mut Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Verify {
            file,
            issuer_keys,
            status_list,
        } => verify::run_badge(
            dir.ok().as_deref(),
            &file,
            issuer_keys.as_deref(),
            status_list.as_deref(),
            &mut out,
        )?,
        Command::Doc { command } => doc::run(&mut Workspace::open(&dir?)?, command, &mut out)?,
        Command::VerifyCode { text, issuer_keys } => {
            verify::run_code(dir.ok().as_deref(), &text, issuer_keys.as_deref(), &mut out)?
        }
        Command::Clearance { command } => {
            credential::run_clearance(&Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Reviews { command } => {
            assessment::run_reviews(&Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Events { command } => {
            insights::run_events(&mut Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Kpi(args) => insights::run_kpi(&Workspace::open(&dir?)?, args, &mut out)?,
        Command::Pilot { command } => {
            insights::run_pilot(&Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Need { command } => {
            staffing::run_need(&mut Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Match(args) => staffing::run_match(&Workspace::open(&dir?)?, args, &mut out)?,
        Command::Offer { command } => {
            staffing::run_offer(&mut Workspace::open(&dir?)?, command, &mut out)?
        }
        Command::Bench { command } => bench::run(command, dir.ok().as_deref(), &mut out)?,
    }
    Ok(())
}
