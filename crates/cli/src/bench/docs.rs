//! `guildbook bench docs`: certificates one at a time and in a batch of N (each with its signed
//! QR code), and a career-path guide for a 6-domain × 5-level ladder — with where the time goes:
//! building the model (database, badge picture), signing, and drawing (layout, font subsetting,
//! compression).

use std::io::Write;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use guildbook_badges as ob;
use guildbook_core::credentials::{BadgeDesign, BadgeImage, BadgeShape, CredentialInput, NewAward};
use guildbook_core::documents::{load_fonts, BatchTarget, Paper};
use guildbook_core::ladder::{EvidenceKind, EvidenceRequirement, LadderEdit, NewRole, RoleKind};
use guildbook_core::{demo, CoreError, Workspace};

use super::timing::{ms, summary, timed};

/// p50 / p95 / max of `runs` timings of `f`.
fn repeat(runs: usize, mut f: impl FnMut() -> Result<(), CoreError>) -> Result<String, CoreError> {
    let times = (0..runs)
        .map(|_| timed(&mut f).map(|(took, ())| took))
        .collect::<Result<Vec<Duration>, CoreError>>()?;
    Ok(summary(times))
}

pub fn run(certificates: u32, out: &mut dyn Write) -> Result<(), CoreError> {
    let dir = tempfile::tempdir().map_err(CoreError::io("Could not make a temporary folder"))?;
    let keys = guildbook_core::keystore::KeyStore::new(dir.path().join("keys"));
    let mut ws = demo::create_with_keys(&dir.path().join("ws"), Some(&keys))?;
    let mut say =
        |line: String| writeln!(out, "{line}").map_err(CoreError::io("Could not write the result"));

    let start = Instant::now();
    let fonts = load_fonts()?;
    say(format!(
        "fonts: parsed once in {:.1} ms",
        ms(start.elapsed())
    ))?;

    let role = six_by_five(&mut ws)?;
    let size = ws.guide_pdf(&fonts, &role, Paper::A4)?.len();
    say(format!(
        "guide, 6 domains x 5 levels ({} KB): {}",
        size / 1024,
        repeat(30, || ws.guide_pdf(&fonts, &role, Paper::A4).map(drop))?
    ))?;

    let ids = awards(&mut ws, &role, certificates)?;
    let one = ids[0].clone();
    say(format!(
        "one certificate, whole (key, branding, badge, sign, draw): {}",
        repeat(30, || ws
            .certificate_pdf(&keys, &fonts, &one, Paper::A4)
            .map(drop))?
    ))?;
    let model = ws.certificate_model(&keys, &one, Paper::A4)?;
    say(format!(
        "  of which building the model and signing: {}",
        repeat(30, || ws
            .certificate_model(&keys, &one, Paper::A4)
            .map(drop))?
    ))?;
    let key = ob::IssuerKey::generate("bench");
    let claims =
        ob::read_certificate(&model.qr_text).map_err(|e| CoreError::Invalid(e.to_string()))?;
    say(format!(
        "  of which signing the QR payload (ES256): {}",
        repeat(200, || ob::sign_certificate(&claims, &key.p256)
            .map(drop)
            .map_err(|e| CoreError::Invalid(e.to_string())))?
    ))?;
    say(format!(
        "  of which drawing (layout, QR, font subsetting, compression): {}",
        repeat(30, || guildbook_pdf::render_certificate(&fonts, &model)
            .map(drop)
            .map_err(|e| CoreError::Invalid(e.to_string())))?
    ))?;

    let folder = dir.path().join("batch");
    let start = Instant::now();
    let outcome = ws
        .export_certificates(
            &keys,
            &ids,
            Paper::A4,
            &BatchTarget::Folder(folder.clone()),
            &mut |_, _| {},
            &AtomicBool::new(false),
        )?
        .map_err(|_| CoreError::Invalid("cancelled".into()))?;
    let took = start.elapsed();
    let sizes: Vec<u64> = std::fs::read_dir(&folder)
        .map_err(CoreError::io("Could not read the batch"))?
        .filter_map(|e| e.ok()?.metadata().ok().map(|m| m.len()))
        .collect();
    let largest = sizes.iter().copied().max().unwrap_or(0);
    let average = sizes.iter().sum::<u64>() / sizes.len().max(1) as u64;
    say(format!(
        "batch: {} certificates with signed QR codes to a folder in {:.0} ms ({:.2} ms each); size average {:.1} KB, largest {:.1} KB",
        outcome.written,
        ms(took),
        ms(took) / outcome.written.max(1) as f64,
        average as f64 / 1024.0,
        largest as f64 / 1024.0
    ))
}

/// A published 6-domain × 5-level ladder with every cell filled; its role id.
fn six_by_five(ws: &mut Workspace) -> Result<String, CoreError> {
    let mut ladder = ws.create_role(NewRole {
        name: "Platform engineer".into(),
        kind: RoleKind::Technical,
        description: "Keeps the platform our client teams build on fast, safe and boring.".into(),
        template: None,
    })?;
    let id = ladder.role.id.clone();
    while ladder.content.levels.len() < 5 {
        let name = format!("Level {}", ladder.content.levels.len() + 1);
        ladder = ws.edit_ladder(&id, LadderEdit::AddLevel { name, at: None })?;
    }
    while ladder.content.domains.len() < 6 {
        let name = format!("Domain {}", ladder.content.domains.len() + 1);
        ladder = ws.edit_ladder(&id, LadderEdit::AddDomain { name, at: None })?;
    }
    ladder.content.levels.truncate(5);
    ladder.content.domains.truncate(6);
    for level in &ladder.content.levels {
        for domain in &ladder.content.domains {
            ws.edit_ladder(
                &id,
                LadderEdit::SetCell {
                    level_key: level.key.clone(),
                    domain_key: domain.key.clone(),
                    outcomes: vec![
                        format!(
                            "Ships {} work that needs no rework at {}",
                            domain.name, level.name
                        ),
                        "Writes down the trade-offs behind each change".into(),
                        "Leaves the runbook better than found".into(),
                    ],
                    evidence: vec![EvidenceRequirement {
                        kind: EvidenceKind::CodeSample,
                        count: 2,
                        note: String::new(),
                    }],
                },
            )?;
        }
    }
    ws.publish_ladder(&id)?;
    Ok(id)
}

/// `n` people each holding a credential on the ladder, awarded by hand.
fn awards(ws: &mut Workspace, role: &str, n: u32) -> Result<Vec<String>, CoreError> {
    let level = ws.published_ladder(role)?.content.levels[2].key.clone();
    let credential = ws.create_credential(&CredentialInput {
        name: "Platform on-call".into(),
        description: "Trusted to hold the pager for the shared platform.".into(),
        image: BadgeImage::Design(BadgeDesign {
            shape: BadgeShape::Hexagon,
            background: "#24645a".into(),
            foreground: "#ffffff".into(),
            initials: "PO".into(),
        }),
        role_id: Some(role.into()),
        level_key: Some(level),
        domain_keys: vec![],
        require_evidence: false,
        narrative: String::new(),
        validity_months: Some(24),
        prerequisites: vec![],
    })?;
    let ids = |ws: &Workspace| -> Result<Vec<String>, CoreError> {
        let mut stmt = ws.conn().prepare("SELECT id FROM contractor")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let before: std::collections::HashSet<String> = ids(ws)?.into_iter().collect();
    guildbook_core::seed::contractors(ws, n)?;
    let people: Vec<String> = ids(ws)?
        .into_iter()
        .filter(|id| !before.contains(id))
        .collect();
    people
        .into_iter()
        .map(|who| {
            ws.award_credential(&NewAward {
                credential_id: credential.id.clone(),
                contractor_id: who,
                assessment_id: None,
                reason: "Benchmark award.".into(),
                awarded_by: "Hana Okafor".into(),
                issued_on: None,
                renews_id: None,
            })
            .map(|a| a.id)
        })
        .collect()
}
