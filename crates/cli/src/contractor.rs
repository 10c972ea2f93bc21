//! `guildbook contractor …`: the roster from the command line.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use guildbook_core::roster::{RosterQuery, RosterRow};
use guildbook_core::{CoreError, Workspace};

use crate::print;

#[derive(Subcommand)]
pub enum ContractorCommand {
    /// Import contractors from a CSV file (columns: name, email, phone, location, status, tags,
    /// notes, role, level). Bad rows stop the import unless --skip-bad-rows.
    Import {
        file: PathBuf,
        /// Import the good rows and skip the bad ones (they are listed on stderr).
        #[arg(long)]
        skip_bad_rows: bool,
    },
    /// List contractors: id, name, roles (tab-separated).
    List {
        /// Include archived contractors.
        #[arg(long)]
        all: bool,
    },
    /// Find contractors by name, email, location, tags or notes: id, name, roles.
    Search { query: String },
}

fn print_rows(out: &mut dyn Write, rows: &[RosterRow]) -> Result<(), CoreError> {
    for row in rows {
        print(
            out,
            format!("{}\t{}\t{}", row.id, row.name, row.roles.join(", ")),
        )?;
    }
    Ok(())
}

/// Every page of a roster query, in name order.
fn all_rows(ws: &Workspace, mut q: RosterQuery) -> Result<Vec<RosterRow>, CoreError> {
    q.limit = 500;
    let mut rows = Vec::new();
    loop {
        let page = ws.roster(&q)?;
        let done = page.rows.len() < q.limit as usize;
        rows.extend(page.rows);
        if done {
            return Ok(rows);
        }
        q.offset += q.limit;
    }
}

pub fn run(
    ws: &mut Workspace,
    command: ContractorCommand,
    out: &mut dyn Write,
) -> Result<(), CoreError> {
    match command {
        ContractorCommand::Import {
            file,
            skip_bad_rows,
        } => {
            let preview = ws.preview_contractor_csv(&file)?;
            for e in &preview.errors {
                eprintln!("guildbook: line {}: {}", e.line, e.message);
            }
            let done = ws.import_contractor_csv(&file, skip_bad_rows)?;
            print(
                out,
                format!("imported {}\tskipped {}", done.imported, done.skipped),
            )
        }
        ContractorCommand::List { all } => print_rows(
            out,
            &all_rows(
                ws,
                RosterQuery {
                    include_archived: all,
                    ..Default::default()
                },
            )?,
        ),
        ContractorCommand::Search { query } => print_rows(
            out,
            &all_rows(
                ws,
                RosterQuery {
                    text: Some(query),
                    ..Default::default()
                },
            )?,
        ),
    }
}
