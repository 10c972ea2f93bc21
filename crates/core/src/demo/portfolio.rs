//! The demo's portfolios: three designers with generated posters, screens and PDF briefs, versions
//! with change notes, regions marked on them, review decisions and critique sessions.

use std::path::PathBuf;

use time::Duration;

use super::artwork::{self, Palette, PALETTES};
use super::person;
use crate::error::{CoreError, Result};
use crate::evidence::Evidence;
use crate::ladder::Ladder;
use crate::portfolio::critique::CritiqueInput;
use crate::portfolio::review::{AnnotationInput, CellRef, Decision, DecisionInput, Region, Shape};
use crate::workspace::Workspace;
use crate::{dates, new_id};

enum Piece {
    Poster(u64),
    Screen(u64),
    Brief(&'static str, &'static [&'static str]),
}

struct Making<'a> {
    ws: &'a mut Workspace,
    scratch: PathBuf,
    /// The ladder whose cells the pieces are linked to.
    ladder: &'a Ladder,
}

impl Making<'_> {
    fn file(&self, name: &str, piece: &Piece, variant: u32, palette: &Palette) -> Result<PathBuf> {
        let bytes = match piece {
            Piece::Poster(seed) => {
                artwork::jpeg(&artwork::poster(*seed, variant, 1200, 900, palette))
            }
            Piece::Screen(seed) => {
                artwork::png(&artwork::screen(*seed, variant, 1280, 800, palette))
            }
            Piece::Brief(title, body) => {
                // A later version adds a closing line to the last page.
                let closing = format!("Version {}: updated after review.", variant + 1);
                let pages: Vec<String> = (1..=3)
                    .map(|n| {
                        let mut lines = body.to_vec();
                        if n == 3 && variant > 0 {
                            lines.push(&closing);
                        }
                        artwork::brief_page(
                            title,
                            "Project brief and design rationale",
                            &lines,
                            palette,
                            n,
                        )
                    })
                    .collect();
                artwork::pdf(&pages)
            }
        };
        let path = self.scratch.join(format!("{}-{name}", new_id()));
        std::fs::write(&path, bytes).map_err(CoreError::io("Could not write a demo file"))?;
        Ok(path)
    }

    /// Adds an artifact with its versions (each after the first with its change note) and
    /// links every version to `cells`. Returns the versions, v1 first.
    fn artifact(
        &mut self,
        who: &str,
        title: &str,
        piece: Piece,
        palette: &Palette,
        changes: &[&str],
        cells: &[(usize, usize)],
    ) -> Result<Vec<Evidence>> {
        let ext = match piece {
            Piece::Poster(_) => "jpg",
            Piece::Screen(_) => "png",
            Piece::Brief(..) => "pdf",
        };
        let name = format!("{}.{ext}", title.to_lowercase().replace(' ', "-"));
        let path = self.file(&name, &piece, 0, palette)?;
        let mut first = self.ws.add_evidence_file(who, &path, None)?;
        let _ = std::fs::remove_file(&path);
        first = self.ws.rename_demo_evidence(&first.id, title, &name)?;
        let mut versions = vec![first];
        for (i, change) in changes.iter().enumerate() {
            let path = self.file(&name, &piece, i as u32 + 1, palette)?;
            let latest = versions.last().expect("a first version").id.clone();
            let next = self.ws.add_revision(&latest, &path, change)?;
            let _ = std::fs::remove_file(&path);
            versions.push(self.ws.rename_demo_evidence(&next.id, title, &name)?);
        }
        let ladder = self.ladder;
        let keys: Vec<(String, String)> = cells
            .iter()
            .map(|&(l, d)| {
                (
                    ladder.content.levels[l].key.clone(),
                    ladder.content.domains[d].key.clone(),
                )
            })
            .collect();
        for v in &versions {
            self.ws.link_evidence(&v.id, &ladder.version.id, &keys)?;
        }
        Ok(versions)
    }
}

fn cell(ladder: &Ladder, level: usize, domain: usize) -> Option<CellRef> {
    Some(CellRef {
        version_id: ladder.version.id.clone(),
        level_key: ladder.content.levels[level].key.clone(),
        domain_key: ladder.content.domains[domain].key.clone(),
    })
}

impl Workspace {
    /// Demo files arrive under scratch names; they show under the name a designer would use.
    fn rename_demo_evidence(&mut self, id: &str, title: &str, file_name: &str) -> Result<Evidence> {
        self.conn().execute(
            "UPDATE evidence SET title = ?2, file_name = ?3 WHERE id = ?1",
            rusqlite::params![id, title, file_name],
        )?;
        self.evidence(id)
    }
}

/// Fills the portfolios of the demo's designers (`design` is the product designer ladder).
pub fn fill(ws: &mut Workspace, design: &Ladder) -> Result<()> {
    let scratch = ws.root().join("vault").join(".incoming");
    std::fs::create_dir_all(&scratch).map_err(CoreError::io("Could not prepare the vault"))?;
    let lena = person(ws, "Lena Novak")?;
    let mateo = person(ws, "Mateo Rossi")?;
    let oona = person(ws, "Oona Virtanen")?;
    let mut m = Making {
        ws,
        scratch,
        ladder: design,
    };
    // Levels: 0 junior, 1 designer, 2 lead. Domains: 0 craft, 1 client interaction, 2 impact.
    let poster = m.artifact(
        &lena,
        "Harbour festival poster",
        Piece::Poster(11),
        &PALETTES[0],
        &[
            "Larger headline band and a warmer orange after the client asked for more energy",
            "Moved the discs off the date so it reads from across the street",
        ],
        &[(0, 0), (1, 0)],
    )?;
    let onboarding = m.artifact(
        &lena,
        "Ferry tickets app onboarding",
        Piece::Screen(4),
        &PALETTES[3],
        &["Fewer cards on the first screen, as usability testing suggested"],
        &[(0, 0), (0, 2)],
    )?;
    m.artifact(
        &lena,
        "Bakery brand guidelines",
        Piece::Brief(
            "Bakery brand guidelines",
            &[
                "A warm, hand-made identity for a neighbourhood bakery with three shops.",
                "The palette comes from the flour sacks and the terracotta floor tiles.",
                "Headlines set large; prices always in the accent colour.",
            ],
        ),
        &PALETTES[2],
        &[],
        &[(1, 1)],
    )?;
    m.artifact(
        &lena,
        "Night market illustration",
        Piece::Poster(23),
        &PALETTES[1],
        &[],
        &[(0, 0)],
    )?;
    let museum = m.artifact(
        &mateo,
        "Museum wayfinding brief",
        Piece::Brief(
            "Museum wayfinding",
            &[
                "Visitors lose their way between the east and west wings.",
                "Colour-coded floors, large numerals and one icon set for every sign.",
                "Tested with twelve visitors: median time to the cafe fell from 6 to 3 minutes.",
            ],
        ),
        &PALETTES[0],
        &["Added the visitor test results to the last page"],
        &[(1, 2)],
    )?;
    m.artifact(
        &mateo,
        "Clinic booking flow",
        Piece::Screen(9),
        &PALETTES[0],
        &[],
        &[(1, 0)],
    )?;
    m.artifact(
        &oona,
        "Coffee roaster labels",
        Piece::Poster(31),
        &PALETTES[2],
        &["Stronger contrast on the origin name"],
        &[(0, 0)],
    )?;
    let ws = m.ws;

    // Review of the poster's second version: two marks, changes requested, then the third
    // version waits for a decision.
    let reviewer = "Ines Carvalho";
    let v2 = &poster[1];
    let mark = |page, shape, (x, y, w, h), comment: &str, cell| AnnotationInput {
        region: Region {
            page,
            shape,
            x,
            y,
            w,
            h,
        },
        comment: comment.into(),
        cell,
        author: reviewer.into(),
    };
    ws.add_annotation(
        &v2.id,
        &mark(
            1,
            Shape::Rect,
            (0.05, 0.6, 0.9, 0.16),
            "The band fights the headline; try it a step darker so the date leads.",
            cell(design, 0, 0),
        ),
    )?;
    ws.add_annotation(
        &v2.id,
        &mark(
            1,
            Shape::Pin,
            (0.3, 0.3, 0.0, 0.0),
            "This disc sits on the festival date.",
            cell(design, 1, 0),
        ),
    )?;
    ws.decide(
        &v2.id,
        &DecisionInput {
            decision: Decision::ChangesRequested,
            reason: "Make the date readable from across the street; keep the palette.".into(),
            reviewer: reviewer.into(),
        },
    )?;
    let screens = onboarding.last().expect("a version");
    ws.add_annotation(
        &screens.id,
        &mark(
            1,
            Shape::Rect,
            (0.06, 0.1, 0.88, 0.3),
            "A clear first step: one action, no jargon.",
            cell(design, 0, 2),
        ),
    )?;
    ws.decide(
        &screens.id,
        &DecisionInput {
            decision: Decision::Approved,
            reason: "Ready for the client review on Thursday.".into(),
            reviewer: reviewer.into(),
        },
    )?;
    let brief = museum.last().expect("a version");
    ws.add_annotation(
        &brief.id,
        &mark(
            3,
            Shape::Rect,
            (0.08, 0.5, 0.84, 0.12),
            "Good: the result is measured, not claimed.",
            cell(design, 1, 2),
        ),
    )?;

    let today = dates::today();
    let on = |days: i64| dates::format(today + Duration::days(days));
    let artifact = |v: &[Evidence]| v[0].artifact_id.clone();
    ws.save_critique(
        &lena,
        None,
        &CritiqueInput {
            held_on: on(-12),
            attendees: vec![reviewer.into(), "Lena Novak".into(), "Sven Lindqvist".into()],
            notes: "Walked through the festival poster and the onboarding screens. The poster's energy is right; the date gets lost. Onboarding copy is clear.".into(),
            outcome: "Poster: one more round on hierarchy. Onboarding: ready for the client.".into(),
            artifact_ids: vec![artifact(&poster), artifact(&onboarding)],
        },
    )?;
    ws.save_critique(
        &lena,
        None,
        &CritiqueInput {
            held_on: on(6),
            attendees: vec![reviewer.into(), "Lena Novak".into()],
            notes: String::new(),
            outcome: String::new(),
            artifact_ids: vec![artifact(&poster)],
        },
    )?;
    ws.save_critique(
        &mateo,
        None,
        &CritiqueInput {
            held_on: on(-30),
            attendees: vec![reviewer.into(), "Mateo Rossi".into(), "Priya Nair".into()],
            notes: "The wayfinding brief argues from what visitors did, not from taste.".into(),
            outcome: "Use it as the example for the Impact domain at Designer level.".into(),
            artifact_ids: vec![artifact(&museum)],
        },
    )?;
    Ok(())
}
