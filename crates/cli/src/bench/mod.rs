//! Benchmarks run from the command line, so their numbers come from a release build on the
//! machine at hand: `guildbook bench ladder-edit`.

mod badges;
mod docs;
mod insights;
mod matching;
mod timing;

use std::io::Write;
use std::time::{Duration, Instant};

use clap::Subcommand;
use guildbook_core::ladder::{EvidenceKind, EvidenceRequirement, LadderEdit, NewRole, RoleKind};
use guildbook_core::roster::RosterQuery;
use guildbook_core::{CoreError, Workspace};

use timing::{percentile, summary, timed};

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Time roster searches and profile loads on the workspace (seed it first:
    /// `guildbook seed --contractors 10000`).
    Roster {
        #[arg(long, default_value_t = 300)]
        queries: usize,
    },
    /// Give one new contractor ITEMS generated images in the workspace's vault, then time loading
    /// their portfolio gallery (the workspace is kept, to scroll the gallery in the app).
    Portfolio {
        #[arg(long, default_value_t = 5000)]
        items: u32,
        #[arg(long, default_value_t = 30)]
        loads: usize,
    },
    /// Time the renewal review queue on the workspace (seed it first:
    /// `guildbook seed --contractors 10000` gives 30,000 engagements).
    Reviews {
        #[arg(long, default_value_t = 30)]
        loads: usize,
    },
    /// Time signing an assessment and verifying it (canonical form, Ed25519, stored-row check).
    Signing {
        #[arg(long, default_value_t = 200)]
        iterations: usize,
    },
    /// Time signing (both proofs) and baking N awards, and verifying a VC-JWT and an
    /// eddsa-rdfc-2022 proof.
    Badges {
        #[arg(long, default_value_t = 1000)]
        awards: usize,
    },
    /// Time the credential screens with N awards over 10,000 people: the catalogue, one
    /// credential's holders, a wallet, Home's expiring list, who is cleared, one clearance check.
    Credentials {
        #[arg(long, default_value_t = 50_000)]
        awards: usize,
    },
    /// Time matching a need over 10,000 people, 30,000 engagements and N awards.
    Match {
        #[arg(long, default_value_t = 50_000)]
        awards: usize,
        #[arg(long, default_value_t = 20)]
        loads: usize,
    },
    /// Time certificates (one, and a batch of N with their signed QR codes) and a career-path
    /// guide for a 6-domain × 5-level ladder, in a new workspace; says where the time goes.
    Docs {
        #[arg(long, default_value_t = 1000)]
        certificates: u32,
    },
    /// Time opening the workspace (integrity check, schema check, migrations, sweeps) and the
    /// integrity check alone (seed it first: `guildbook seed --contractors 10000 --evidence …`).
    Open {
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
    /// Time the KPI dashboard (every KPI, credentialed vs not) on the workspace and a delivery-events
    /// CSV import of ROWS rows (seed it first: `guildbook seed --contractors 10000 --events 1000000`).
    Insights {
        #[arg(long, default_value_t = 20)]
        loads: usize,
        #[arg(long, default_value_t = 100_000)]
        rows: u32,
    },
    /// Time committing one cell edit on a 12-level × 8-domain ladder.
    LadderEdit {
        #[arg(long, default_value_t = 500)]
        iterations: usize,
    },
}

pub fn run(
    command: BenchCommand,
    workspace: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        BenchCommand::LadderEdit { iterations } => ladder_edit(iterations, out),
        BenchCommand::Open { runs } => {
            let dir = workspace
                .ok_or_else(|| CoreError::Invalid("bench open needs --workspace DIR".into()))?;
            open(dir, runs, out)
        }
        BenchCommand::Roster { queries } => {
            let dir = workspace
                .ok_or_else(|| CoreError::Invalid("bench roster needs --workspace DIR".into()))?;
            roster(&Workspace::open(dir)?, queries, out)
        }
        BenchCommand::Reviews { loads } => {
            let dir = workspace
                .ok_or_else(|| CoreError::Invalid("bench reviews needs --workspace DIR".into()))?;
            reviews(&Workspace::open(dir)?, loads, out)
        }
        BenchCommand::Insights { loads, rows } => {
            let dir = workspace
                .ok_or_else(|| CoreError::Invalid("bench insights needs --workspace DIR".into()))?;
            insights::run(&mut Workspace::open(dir)?, loads, rows, out)
        }
        BenchCommand::Signing { iterations } => signing(iterations, out),
        BenchCommand::Badges { awards } => badges::run(awards, out),
        BenchCommand::Docs { certificates } => docs::run(certificates, out),
        BenchCommand::Credentials { awards } => badges::credentials(awards, out),
        BenchCommand::Match { awards, loads } => matching::run(awards, loads, out),
        BenchCommand::Portfolio { items, loads } => {
            let dir = workspace.ok_or_else(|| {
                CoreError::Invalid("bench portfolio needs --workspace DIR".into())
            })?;
            portfolio(&mut Workspace::open(dir)?, items, loads, out)
        }
    }
}

fn portfolio(
    ws: &mut Workspace,
    items: u32,
    loads: usize,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    use guildbook_core::demo::artwork;
    let who = ws
        .add_contractor(&guildbook_core::roster::ContractorInput {
            name: format!("Portfolio bench ({items} items)"),
            ..Default::default()
        })?
        .id;
    let scratch = tempfile::tempdir().map_err(CoreError::io("Could not make a scratch folder"))?;
    let (t, ()) = timed(|| {
        for i in 0..items {
            let palette = &artwork::PALETTES[i as usize % artwork::PALETTES.len()];
            let path = scratch.path().join(format!("piece-{i}.png"));
            std::fs::write(
                &path,
                artwork::png(&artwork::poster(i as u64, 0, 96, 72, palette)),
            )
            .map_err(CoreError::io("Could not write a scratch file"))?;
            ws.add_evidence_file(&who, &path, None)?;
        }
        Ok(())
    })?;
    writeln!(
        out,
        "added {items} images to {who} in {:.1} s",
        t.as_secs_f64()
    )
    .map_err(CoreError::io("Could not write the result"))?;
    let mut times = Vec::with_capacity(loads);
    for _ in 0..loads {
        let (t, list) = timed(|| ws.portfolio(&who))?;
        assert_eq!(list.len(), items as usize);
        times.push(t);
    }
    writeln!(
        out,
        "portfolio gallery of {items} artifacts ({loads} loads): {}",
        summary(times)
    )
    .map_err(CoreError::io("Could not write the result"))?;
    Ok(())
}

fn reviews(ws: &Workspace, loads: usize, out: &mut dyn Write) -> Result<(), CoreError> {
    use guildbook_core::dates::today_here;
    use guildbook_core::progression::renewals::ReviewFilter;
    let engagements: i64 = ws
        .conn()
        .query_row("SELECT count(*) FROM engagement", [], |r| r.get(0))?;
    let mut times = Vec::with_capacity(loads);
    let mut shown = 0;
    for i in 0..loads {
        let filter = ReviewFilter {
            within_days: (i % 2 == 1).then_some(30),
            ..Default::default()
        };
        let (t, queue) = timed(|| ws.review_queue(today_here(), &filter))?;
        shown = shown.max(queue.len());
        times.push(t);
    }
    writeln!(
        out,
        "review queue ({engagements} engagements, up to {shown} reviews listed, {loads} loads): {}",
        summary(times)
    )
    .map_err(CoreError::io("Could not write the result"))
}

fn signing(iterations: usize, out: &mut dyn Write) -> Result<(), CoreError> {
    use guildbook_core::assessment::{AssessmentKind, NewAssessment, Pay};
    use guildbook_core::ladder::templates::Template;
    use guildbook_core::roster::{ContractorInput, Money};
    let dir = tempfile::tempdir().map_err(CoreError::io("Could not make a scratch folder"))?;
    let mut ws = Workspace::create(&dir.path().join("ws"), Some("Signing bench"))?;
    let role = ws.create_role(NewRole {
        name: "Product designer".into(),
        kind: RoleKind::Creative,
        description: String::new(),
        template: Some(Template::Creative),
    })?;
    let ladder = ws.publish_ladder(&role.role.id)?;
    let who = ws
        .add_contractor(&ContractorInput {
            name: "Bench".into(),
            ..Default::default()
        })?
        .id;
    let key = guildbook_core::signing::generate()?;
    let public = guildbook_core::signing::public_key_text(&key.verifying_key());
    let assessor = ws.add_assessor("Bench lead", "", &public, false)?.id;
    let (mut sign_times, mut verify_times) = (Vec::new(), Vec::new());
    for _ in 0..iterations {
        let a = ws.create_assessment(&NewAssessment {
            contractor_id: who.clone(),
            role_id: ladder.role.id.clone(),
            level_key: ladder.content.levels[1].key.clone(),
            kind: AssessmentKind::PaidTask,
            assessor_id: assessor.clone(),
            starts_on: "2026-11-02".into(),
            due_on: "2026-11-30".into(),
            pay: Pay::Stipend {
                amount: Money {
                    minor: 10_000,
                    currency: "EUR".into(),
                },
                paid_on: None,
            },
        })?;
        for row in &a.rubric {
            ws.rate_cell(
                &a.id,
                &row.domain_key,
                Some("meets"),
                Some("meets"),
                "A comment of ordinary length.",
            )?;
        }
        sign_times.push(timed(|| ws.sign_assessment(&a.id, &key))?.0);
        verify_times.push(timed(|| ws.assessment_integrity(&a.id))?.0);
    }
    // The cryptography alone, over the canonical bytes of the last assessment.
    let file = ws.export_assessment(&ws.list_assessments()?[0].id)?;
    let bytes = serde_json::to_vec(&file.content).expect("content serialises");
    let context = guildbook_core::signing::ASSESSMENT_CONTEXT;
    let mut crypto = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        crypto.push(
            timed(|| {
                let sig = guildbook_core::signing::sign(&key, context, &bytes);
                Ok(guildbook_core::signing::verify(
                    &key.verifying_key(),
                    context,
                    &bytes,
                    &sig,
                ))
            })?
            .0,
        );
    }
    writeln!(
        out,
        "Ed25519 sign + verify of the canonical form ({} bytes; {iterations}×): {}",
        bytes.len(),
        summary(crypto)
    )
    .map_err(CoreError::io("Could not write the result"))?;
    writeln!(
        out,
        "sign an assessment (load, canonical form, Ed25519, store; {iterations}×): {}",
        summary(sign_times)
    )
    .map_err(CoreError::io("Could not write the result"))?;
    writeln!(
        out,
        "verify it (signature and stored rows; {iterations}×): {}",
        summary(verify_times)
    )
    .map_err(CoreError::io("Could not write the result"))
}

fn open(dir: &std::path::Path, runs: usize, out: &mut dyn Write) -> Result<(), CoreError> {
    let size = std::fs::metadata(dir.join(guildbook_core::workspace::DB_FILE))
        .map(|m| m.len())
        .unwrap_or(0);
    let mut opens = Vec::with_capacity(runs);
    let mut checks = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let ws = Workspace::open(dir)?;
        opens.push(started.elapsed());
        let started = Instant::now();
        guildbook_core::store::damage(ws.conn())?;
        checks.push(started.elapsed());
    }
    let report = format!(
        "database\t{:.1} MB\nopen workspace\t{}\nquick_check alone\t{}",
        size as f64 / 1e6,
        summary(opens),
        summary(checks)
    );
    writeln!(out, "{report}").map_err(CoreError::io("Could not write the result"))
}

fn roster(ws: &Workspace, queries: usize, out: &mut dyn Write) -> Result<(), CoreError> {
    let everyone = ws
        .roster(&RosterQuery {
            include_archived: true,
            limit: 1,
            ..Default::default()
        })?
        .total;
    let roles = ws.list_roles(false)?;
    let words = [
        "ad", "bo", "cyr", "jon", "mina", "ber", "ström", "payments", "lisbon", "accra", "ito",
        "sel",
    ];
    let mut times = Vec::with_capacity(queries);
    let mut ids = Vec::new();
    for i in 0..queries {
        let role = &roles[i % roles.len().max(1)];
        let q = RosterQuery {
            text: (i % 4 != 3).then(|| words[i % words.len()].to_string()),
            role_id: (i % 3 == 0).then(|| role.id.clone()),
            tag: (i % 5 == 0).then(|| "api".to_string()),
            offset: if i % 7 == 0 { 200 } else { 0 },
            ..Default::default()
        };
        let (t, page) = timed(|| ws.roster(&q))?;
        times.push(t);
        ids.extend(page.rows.into_iter().take(1).map(|r| r.id));
    }
    writeln!(
        out,
        "roster search ({everyone} contractors, {queries} queries, 200 rows a page): {}",
        summary(times)
    )
    .map_err(CoreError::io("Could not write the result"))?;
    let mut times = Vec::with_capacity(ids.len());
    for id in &ids {
        // What the profile page loads: the person, levels, engagements, bands, and how far their
        // evidence meets each cell of every role they hold.
        let load = || -> Result<(), CoreError> {
            let profile = ws.profile(id)?;
            for level in &profile.contractor.levels {
                ws.cell_progress(id, &ws.ladder(&level.role_id)?)?;
            }
            Ok(())
        };
        times.push(timed(load)?.0);
    }
    writeln!(
        out,
        "profile with levels, engagements, bands and cell completeness ({} loads): {}",
        ids.len(),
        summary(times)
    )
    .map_err(CoreError::io("Could not write the result"))?;
    Ok(())
}

fn ladder_edit(iterations: usize, out: &mut dyn Write) -> Result<(), CoreError> {
    let dir = std::env::temp_dir().join(format!("guildbook-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut ws = Workspace::create(&dir, Some("bench"))?;
    let mut ladder = ws.create_role(NewRole {
        name: "Bench role".into(),
        kind: RoleKind::Technical,
        description: String::new(),
        template: None,
    })?;
    let id = ladder.role.id.clone();
    while ladder.content.levels.len() < 12 {
        let name = format!("Level {}", ladder.content.levels.len() + 1);
        ladder = ws.edit_ladder(&id, LadderEdit::AddLevel { name, at: None })?;
    }
    while ladder.content.domains.len() < 8 {
        let name = format!("Domain {}", ladder.content.domains.len() + 1);
        ladder = ws.edit_ladder(&id, LadderEdit::AddDomain { name, at: None })?;
    }
    // Fill every cell so each edit rewrites a full ladder, as in real use.
    let mut times = Vec::with_capacity(iterations);
    let cells: Vec<(String, String)> = ladder
        .content
        .domains
        .iter()
        .flat_map(|d| {
            ladder
                .content
                .levels
                .iter()
                .map(move |l| (l.key.clone(), d.key.clone()))
        })
        .collect();
    for i in 0..(iterations + cells.len()) {
        let (level_key, domain_key) = cells[i % cells.len()].clone();
        let edit = LadderEdit::SetCell {
            level_key,
            domain_key,
            outcomes: vec![
                format!("Outcome written in edit {i}"),
                "A second observable outcome".into(),
            ],
            evidence: vec![EvidenceRequirement {
                kind: EvidenceKind::CodeSample,
                count: 2,
                note: String::new(),
            }],
        };
        let start = Instant::now();
        ws.edit_ladder(&id, edit)?;
        if i >= cells.len() {
            times.push(start.elapsed());
        }
    }
    times.sort();
    let mean = times.iter().sum::<Duration>().as_secs_f64() * 1000.0 / times.len() as f64;
    writeln!(
        out,
        "ladder-edit (12 levels x 8 domains, {} edits): mean {:.2} ms, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        mean,
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        percentile(&times, 1.0)
    )
    .map_err(CoreError::io("Could not write the result"))?;
    drop(ws);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
