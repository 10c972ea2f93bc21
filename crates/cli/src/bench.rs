//! Benchmarks run from the command line, so their numbers come from a release build on the
//! machine at hand: `guildbook bench ladder-edit`.

use std::io::Write;
use std::time::{Duration, Instant};

use clap::Subcommand;
use guildbook_core::ladder::{EvidenceKind, EvidenceRequirement, LadderEdit, NewRole, RoleKind};
use guildbook_core::{CoreError, Workspace};

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Time committing one cell edit on a 12-level × 8-domain ladder.
    LadderEdit {
        #[arg(long, default_value_t = 500)]
        iterations: usize,
    },
}

pub fn run(command: BenchCommand, out: &mut dyn Write) -> Result<(), CoreError> {
    match command {
        BenchCommand::LadderEdit { iterations } => ladder_edit(iterations, out),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
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
