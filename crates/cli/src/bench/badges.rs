//! `guildbook bench badges`: what issuing and checking Open Badges costs, on the demo's real
//! awards — signing both proofs and baking the PNG for a batch, then verifying each proof kind.
//! `guildbook bench credentials`: the credential screens with tens of thousands of awards.

use std::io::Write;
use std::time::{Duration, Instant};

use guildbook_badges as ob;
use guildbook_core::credentials::badges::{signer, verifier};
use guildbook_core::credentials::BadgeFormat;
use guildbook_core::{new_id, CoreError, Workspace};

use super::timing::{ms, summary, timed};
use crate::print;

fn badge(e: ob::BadgeError) -> CoreError {
    CoreError::Invalid(e.to_string())
}

pub fn run(awards: usize, out: &mut dyn Write) -> Result<(), CoreError> {
    let dir = tempfile::tempdir().map_err(CoreError::io("Could not make a scratch folder"))?;
    let keys = guildbook_core::keystore::KeyStore::new(dir.path().join("keys"));
    let mut ws = guildbook_core::demo::create(&dir.path().join("demo"))?;
    let award = ws
        .all_awards()?
        .into_iter()
        .find(|a| a.assessment_id.is_some());
    let award = award.ok_or_else(|| CoreError::NotFound("the demo's assessed award".into()))?;

    // One real export first: it makes the issuer key and shows the whole path's cost.
    let (first, png) = timed(|| ws.export_award(&keys, &award.id, BadgeFormat::Png))?;
    print(
        out,
        format!(
            "first export (makes the issuer key, draws the badge): {:.1} ms",
            ms(first)
        ),
    )?;
    let mut whole = Vec::new();
    for _ in 0..20 {
        whole.push(timed(|| ws.export_award(&keys, &award.id, BadgeFormat::Png))?.0);
    }
    print(
        out,
        format!(
            "export one award as a baked PNG through the workspace: {}",
            summary(whole)
        ),
    )?;

    // The batch: the same badge image for every award of a credential, a new credential each.
    let model = ws.award_model(&award.id)?;
    let key = ob::IssuerKey::generate("bench");
    let signer = signer()?;
    // Baking again replaces the credential already in the exported PNG.
    let image = png;
    let started = Instant::now();
    let mut bytes = 0usize;
    let mut last = (String::new(), String::new());
    for _ in 0..awards {
        let mut m = model.clone();
        m.id = format!("urn:uuid:{}", new_id());
        let credential = ob::build_credential(&m);
        let signed = signer
            .sign_data_integrity(&credential, &key, "2026-11-26T09:00:00Z")
            .map_err(badge)?;
        let jwt = signer.sign_vc_jwt(&credential, &key).map_err(badge)?;
        let json = serde_json::to_string(&signed).expect("JSON");
        bytes += ob::bake_png(&image, &json).map_err(badge)?.len() + jwt.len();
        last = (json, jwt);
    }
    let batch = started.elapsed();
    print(
        out,
        format!(
            "sign (eddsa-rdfc-2022 + ES256 VC-JWT) and bake {awards} awards: {:.0} ms ({:.2} ms each, {:.1} MB written)",
            ms(batch),
            ms(batch) / awards as f64,
            bytes as f64 / 1e6
        ),
    )?;

    let options = ob::VerifyOptions {
        trusted_keys: ob::jwks(&[key.public_entry(false)]),
        ..ob::VerifyOptions::default()
    };
    let verifier = verifier()?;
    for (what, input) in [
        ("VC-JWT (ES256)", &last.1),
        ("eddsa-rdfc-2022 JSON", &last.0),
    ] {
        let mut times: Vec<Duration> = Vec::new();
        for _ in 0..200 {
            let start = Instant::now();
            let report = verifier.verify(input.as_bytes(), &options);
            times.push(start.elapsed());
            if report.verdict == ob::Verdict::Invalid {
                return Err(CoreError::Invalid(format!(
                    "{what} did not verify: {:?}",
                    report.checks
                )));
            }
        }
        print(out, format!("verify a {what}: {}", summary(times)))?;
    }
    Ok(())
}

/// A screen's query, answering how many rows it shows.
type Screen<'a> = dyn Fn(&Workspace) -> Result<usize, CoreError> + 'a;

/// The demo with 10,000 generated people (30,000 engagements) and `awards` awards of its
/// credentials written straight into the store — dates spread over two years, some expiring, some
/// expired, one in 50 revoked. Returns the folder (kept while the workspace is used), the
/// workspace, every person's id and every credential's id.
pub(super) fn seeded(
    awards: usize,
    out: &mut dyn Write,
) -> Result<(tempfile::TempDir, Workspace, Vec<String>, Vec<String>), CoreError> {
    let dir = tempfile::tempdir().map_err(CoreError::io("Could not make a scratch folder"))?;
    let mut ws = guildbook_core::demo::create(&dir.path().join("demo"))?;
    guildbook_core::seed::contractors(&mut ws, 10_000)?;
    let people: Vec<String> = ws
        .conn()
        .prepare("SELECT id FROM contractor ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let credentials: Vec<String> = ws.credentials(false)?.into_iter().map(|c| c.id).collect();
    let today = guildbook_core::dates::today_here();
    let started = Instant::now();
    {
        let tx = ws.conn_mut().transaction()?;
        let base: u32 = tx.query_row(
            "SELECT coalesce(max(status_index), -1) + 1 FROM award",
            [],
            |r| r.get(0),
        )?;
        let mut insert = tx.prepare(
            "INSERT INTO award (id, credential_id, contractor_id, reason, awarded_by, issued_on, expires_on,
               status_index, revoked_at, revoked_by, revoked_reason, created_at)
             VALUES (?1, ?2, ?3, 'Seeded for a benchmark.', 'Bench', ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for i in 0..awards {
            let issued = today - time::Duration::days((i % 730) as i64);
            let expires = guildbook_core::credentials::awards::add_months(issued, 12);
            let revoked = i % 50 == 0;
            let now = guildbook_core::clock::now();
            insert.execute(rusqlite::params![
                new_id(),
                credentials[i % credentials.len()],
                people[(i * 7) % people.len()],
                guildbook_core::dates::format(issued),
                guildbook_core::dates::format(expires),
                base + i as u32,
                revoked.then(|| now.clone()),
                revoked.then_some("Bench"),
                revoked.then_some("Seeded as revoked."),
                now,
            ])?;
        }
        drop(insert);
        tx.commit()?;
    }
    print(
        out,
        format!(
            "seeded {awards} awards in {:.1} s",
            started.elapsed().as_secs_f64()
        ),
    )?;
    Ok((dir, ws, people, credentials))
}

/// Times what the credential screens ask for, over [`seeded`] awards.
pub fn credentials(awards: usize, out: &mut dyn Write) -> Result<(), CoreError> {
    let (_dir, ws, people, credentials) = seeded(awards, out)?;
    let person = people[7].clone();

    let area = ws
        .work_areas()?
        .first()
        .map(|a| a.id.clone())
        .unwrap_or_default();
    let runs: [(&str, &Screen<'_>); 6] = [
        (
            "catalogue (every credential with its holders by status)",
            &|ws| Ok(ws.credentials(false)?.len()),
        ),
        ("one credential's holders", &|ws| {
            Ok(ws.holders(&credentials[0])?.len())
        }),
        ("one person's wallet", &|ws| {
            Ok(ws.awards_of(&person)?.len())
        }),
        ("Home: awards expiring within 30 days", &|ws| {
            Ok(ws.expiring_awards()?.len())
        }),
        ("who is cleared for the work area", &|ws| {
            Ok(ws.cleared_for(&area)?.len())
        }),
        ("one clearance check", &|ws| {
            Ok(ws.clearance(&area, &person)?.missing.len())
        }),
    ];
    for (what, run) in runs {
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..10 {
            let (t, rows) = timed(|| run(&ws))?;
            times.push(t);
            n = rows;
        }
        print(out, format!("{what} ({n} rows): {}", summary(times)))?;
    }
    Ok(())
}
