//! Timing targets. Meaningful only in release mode:
//! `cargo test --release -p guildbook-badges --test performance -- --ignored --nocapture`

use std::time::Instant;

use crate::common::{award, options, NOW};
use guildbook_badges::*;

fn per_item_ms(start: Instant, count: u32) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0 / f64::from(count)
}

#[test]
#[ignore = "timing; run in release mode"]
fn signing_baking_and_verifying_meet_the_targets() {
    let key = IssuerKey::generate("perf");
    let signer = Signer::new().unwrap();
    let png = crate::common::tiny_png();
    let awards: Vec<AwardModel> = (0..1000)
        .map(|i| {
            let mut a = award();
            a.id = format!("urn:uuid:00000000-0000-4000-8000-{i:012}");
            a
        })
        .collect();

    let start = Instant::now();
    let mut last = (serde_json::Value::Null, String::new());
    for a in &awards {
        let credential = build_credential(a);
        let signed = signer.sign_data_integrity(&credential, &key, NOW).unwrap();
        let jwt = signer.sign_vc_jwt(&credential, &key).unwrap();
        bake_png(&png, &serde_json::to_string(&signed).unwrap()).unwrap();
        bake_svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", &jwt).unwrap();
        last = (signed, jwt);
    }
    let batch = start.elapsed();
    println!(
        "sign (both proofs) + bake 1,000 awards: {:.0} ms",
        batch.as_secs_f64() * 1000.0
    );

    let verifier = Verifier::new().unwrap();
    let mut opts = options(NOW);
    opts.trusted_keys = jwks(&[key.public_entry(false)]);
    let (signed, jwt) = last;
    let signed = serde_json::to_vec(&signed).unwrap();
    // Warm up, then measure.
    verifier.verify(jwt.as_bytes(), &opts);
    verifier.verify(&signed, &opts);
    let n = 200;
    let start = Instant::now();
    for _ in 0..n {
        verifier.verify(jwt.as_bytes(), &opts);
    }
    let jwt_ms = per_item_ms(start, n);
    let start = Instant::now();
    for _ in 0..n {
        verifier.verify(&signed, &opts);
    }
    let di_ms = per_item_ms(start, n);
    println!("verify VC-JWT: {jwt_ms:.3} ms, verify eddsa-rdfc-2022: {di_ms:.3} ms");

    if !cfg!(debug_assertions) {
        assert!(batch.as_secs_f64() <= 2.0, "batch took {batch:?}");
        assert!(jwt_ms <= 1.0, "JWT verification took {jwt_ms} ms");
        assert!(di_ms <= 5.0, "Data Integrity verification took {di_ms} ms");
    }
}
