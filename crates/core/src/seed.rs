//! Generated roster data at scale, for benchmarks and load tests: `guildbook seed`. Names, places
//! and clients are assembled from short invented parts; everything goes in one transaction.

use time::Duration;

use crate::error::Result;
use crate::ladder::templates::Template;
use crate::ladder::{Ladder, NewRole, RoleKind};
use crate::roster::{
    ContractorInput, ContractorStatus, EngagementInput, EngagementOutcome, Money, RateUnit,
};
use crate::store::write_tx;
use crate::workspace::Workspace;
use crate::{dates, roster};

const FIRST: [&str; 24] = [
    "Ada", "Bo", "Cyra", "Dario", "Esi", "Fenna", "Goran", "Hiro", "Isla", "Jonas", "Kemi", "Luca",
    "Mina", "Nils", "Oya", "Pavel", "Rin", "Sami", "Tala", "Ugo", "Vera", "Wim", "Yara", "Zeno",
];
const LAST_A: [&str; 12] = [
    "Al", "Bran", "Cor", "Dal", "Fen", "Gar", "Hol", "Ker", "Lin", "Mor", "Nor", "Sel",
];
const LAST_B: [&str; 10] = [
    "berg", "ova", "ström", "ez", "ani", "ford", "dottir", "ski", "ley", "ito",
];
const PLACES: [&str; 10] = [
    "Lisbon", "Tallinn", "Accra", "Busan", "Quito", "Bergen", "Pune", "Cork", "Graz", "Recife",
];
const TAGS: [&str; 12] = [
    "payments",
    "api",
    "mobile",
    "data",
    "brand",
    "research",
    "accessibility",
    "infrastructure",
    "mentor",
    "on-call",
    "workshops",
    "motion",
];
const CLIENTS: [&str; 8] = [
    "Harbour Bank",
    "Atlas Freight",
    "Kestrel Games",
    "Bluebell Energy",
    "Orchid Travel",
    "Pine Insurance",
    "Quarry Media",
    "Tidewater Retail",
];

/// A small deterministic generator, so two seeds of the same size hold the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Makes sure the workspace has a technical and a creative role to place people in.
fn roles(ws: &mut Workspace) -> Result<Vec<Ladder>> {
    let mut ladders: Vec<Ladder> = ws
        .list_roles(false)?
        .iter()
        .map(|r| ws.ladder(&r.id))
        .collect::<Result<_>>()?;
    ladders.retain(|l| !l.content.levels.is_empty());
    if ladders.is_empty() {
        for (name, kind, template) in [
            ("Backend engineer", RoleKind::Technical, Template::Technical),
            ("Product designer", RoleKind::Creative, Template::Creative),
        ] {
            let l = ws.create_role(NewRole {
                name: name.into(),
                kind,
                description: String::new(),
                template: Some(template),
            })?;
            ladders.push(ws.publish_ladder(&l.role.id)?);
        }
    }
    Ok(ladders)
}

/// Adds `count` contractors, each with a level in one role and three engagements.
pub fn contractors(ws: &mut Workspace, count: u32) -> Result<u32> {
    let ladders = roles(ws)?;
    let today = dates::today();
    let start_index: u64 = ws
        .conn()
        .query_row("SELECT count(*) FROM contractor", [], |r| r.get(0))?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ start_index.wrapping_add(1));
    let tx = write_tx(ws.conn_mut())?;
    for n in 0..count as u64 {
        let i = start_index + n;
        let name = format!(
            "{} {}{}",
            rng.pick(&FIRST),
            rng.pick(&LAST_A),
            rng.pick(&LAST_B)
        );
        let tags = (0..1 + rng.below(3))
            .map(|_| rng.pick(&TAGS).to_string())
            .collect::<Vec<_>>();
        let status = match rng.below(20) {
            0 => ContractorStatus::Archived,
            1 | 2 => ContractorStatus::Inactive,
            _ => ContractorStatus::Active,
        };
        let input = roster::contractors_clean(&ContractorInput {
            name,
            email: format!("person{i}@example.test"),
            phone: String::new(),
            location: rng.pick(&PLACES).into(),
            status: Some(status),
            tags,
            notes: String::new(),
        })?;
        let id = roster::contractors_insert(&tx, &input)?;
        let ladder = &ladders[(i % ladders.len() as u64) as usize];
        let level = &ladder.content.levels[rng.below(ladder.content.levels.len() as u64) as usize];
        let joined = today - Duration::days(200 + rng.below(900) as i64);
        roster::levels_insert(
            &tx,
            &id,
            &ladder.role.id,
            &level.key,
            &dates::format(joined),
            "Seeded",
        )?;
        for k in 0..3i64 {
            let start = joined + Duration::days(120 * k);
            let end = start + Duration::days(90 + rng.below(60) as i64);
            let outcome = if k < 2 {
                EngagementOutcome::Renewed
            } else {
                EngagementOutcome::Open
            };
            roster::engagements_insert(
                &tx,
                &id,
                &EngagementInput {
                    role_id: Some(ladder.role.id.clone()),
                    client: rng.pick(&CLIENTS).into(),
                    project: format!("Project {}", rng.below(400)),
                    start_on: dates::format(start),
                    end_on: Some(dates::format(end)),
                    renewal_window_days: 30,
                    rate: Money {
                        minor: 4500 + 100 * rng.below(60) as i64,
                        currency: "EUR".into(),
                    },
                    rate_unit: RateUnit::Hour,
                    hours_per_week: Some(20 + rng.below(20) as u32),
                    outcome,
                },
            )?;
        }
    }
    tx.commit()?;
    Ok(count)
}

/// A small PNG whose pixels depend on `n`, so every seeded image is a different file.
fn png_bytes(n: u64) -> Vec<u8> {
    let img = image::RgbImage::from_fn(24, 16, |x, y| {
        image::Rgb([
            (n.wrapping_mul(37) as u8) ^ x as u8,
            (n >> 8) as u8 ^ y as u8,
            (n >> 16) as u8,
        ])
    });
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("PNG encodes");
    out
}

/// A one-page PDF naming the item, so every seeded document is a different file.
fn pdf_bytes(n: u64) -> Vec<u8> {
    crate::demo::artwork::pdf(&[format!(
        "BT /F1 18 Tf 72 720 Td (Seeded document {n}) Tj ET"
    )])
}

/// Adds `count` evidence files (small generated images and PDFs) spread over the contractors,
/// each linked to a cell of the person's role. Returns how many were added.
pub fn evidence(ws: &mut Workspace, count: u32) -> Result<u32> {
    let people: Vec<(String, String)> = {
        let mut stmt = ws.conn().prepare(
            "SELECT l.contractor_id, l.role_id FROM contractor_current_level l ORDER BY l.contractor_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if people.is_empty() {
        return Err(crate::CoreError::Invalid(
            "Seed contractors first: evidence needs people to belong to.".into(),
        ));
    }
    let mut ladders = std::collections::HashMap::new();
    let scratch = ws.root().join("vault").join(".incoming");
    std::fs::create_dir_all(&scratch)
        .map_err(crate::CoreError::io("Could not prepare the vault"))?;
    let offset: u64 = ws
        .conn()
        .query_row("SELECT count(*) FROM evidence", [], |r| r.get(0))?;
    let tx_conn = ws.conn();
    tx_conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| -> Result<()> {
        for n in 0..count as u64 {
            let i = offset + n;
            let (who, role) = &people[(i % people.len() as u64) as usize];
            let (name, bytes) = if i % 3 == 2 {
                (format!("brief-{i}.pdf"), pdf_bytes(i))
            } else {
                (format!("design-{i}.png"), png_bytes(i))
            };
            let path = scratch.join(&name);
            std::fs::write(&path, &bytes)
                .map_err(crate::CoreError::io("Could not write a seed file"))?;
            let e = ws.add_evidence_file(who, &path, None);
            let _ = std::fs::remove_file(&path);
            let e = e?;
            if !ladders.contains_key(role) {
                ladders.insert(role.clone(), ws.ladder(role)?);
            }
            let ladder = &ladders[role];
            let (levels, domains) = (&ladder.content.levels, &ladder.content.domains);
            let cell = (
                levels[(i % levels.len() as u64) as usize].key.clone(),
                domains[(i / 3 % domains.len() as u64) as usize].key.clone(),
            );
            ws.conn().execute(
                "INSERT OR IGNORE INTO evidence_cell (evidence_id, role_id, version_id, level_key, domain_key) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![e.id, role, ladder.version.id, cell.0, cell.1],
            )?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => ws.conn().execute_batch("COMMIT")?,
        Err(e) => {
            let _ = ws.conn().execute_batch("ROLLBACK");
            return Err(e);
        }
    }
    Ok(count)
}

/// Adds `count` delivery events spread over every engagement (merged PRs most, then rework,
/// milestones, defects, first deliverables and a few incidents), dated inside each engagement.
pub fn events(ws: &mut Workspace, count: u32) -> Result<u32> {
    use crate::insights::events::{insert, CheckedEvent};
    use crate::insights::{DefectStage, DeliveryEventInput, EventKind, MilestoneOutcome};
    let engagements: Vec<(String, String, String, Option<String>)> = {
        let mut stmt = ws
            .conn()
            .prepare("SELECT id, contractor_id, start_on, end_on FROM engagement ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if engagements.is_empty() {
        return Err(crate::CoreError::Invalid(
            "Seed contractors first: events belong to engagements.".into(),
        ));
    }
    let area: Option<String> = ws
        .conn()
        .query_row("SELECT id FROM work_area LIMIT 1", [], |r| r.get(0))
        .ok();
    let today = dates::today();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let now = crate::clock::now();
    let tx = write_tx(ws.conn_mut())?;
    for n in 0..count as u64 {
        let (id, who, start, end) = &engagements[(n % engagements.len() as u64) as usize];
        let start = dates::parse("", start)?;
        let end = end
            .as_deref()
            .map(|e| dates::parse("", e))
            .transpose()?
            .unwrap_or(today)
            .min(today);
        let span = (end - start).whole_days().max(0) as u64;
        let on = start + Duration::days(rng.below(span + 1) as i64);
        let mut input = DeliveryEventInput {
            contractor_id: who.clone(),
            date: dates::format(on),
            kind: EventKind::PrMerged,
            hours: None,
            stage: None,
            outcome: None,
            work_area_id: None,
            engagement_id: Some(id.clone()),
            note: String::new(),
        };
        match rng.below(100) {
            0..=54 => {}
            55..=69 => {
                input.kind = EventKind::ReworkHours;
                input.hours = Some(0.5 + rng.below(12) as f64 / 2.0);
            }
            70..=84 => {
                input.kind = EventKind::Milestone;
                input.outcome = Some(match rng.below(10) {
                    0..=6 => MilestoneOutcome::OnTime,
                    7 | 8 => MilestoneOutcome::Late,
                    _ => MilestoneOutcome::Failed,
                });
            }
            85..=93 => {
                input.kind = EventKind::Defect;
                input.stage = Some(if rng.below(3) == 0 {
                    DefectStage::AfterRelease
                } else {
                    DefectStage::BeforeRelease
                });
            }
            94..=98 => input.kind = EventKind::FirstDeliverable,
            _ if area.is_some() => {
                input.kind = EventKind::Incident;
                input.work_area_id = area.clone();
            }
            _ => {}
        }
        let event = CheckedEvent {
            engagement_id: Some(id.clone()),
            input,
        };
        insert(&tx, &event, &now)?;
    }
    tx.commit()?;
    Ok(count)
}
