//! Bad input gets a clear verdict and names the failing check — never a crash.

use crate::common::{award, check, options, tiny_png, NOW};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine;
use guildbook_badges::*;
use serde_json::{json, Value};

struct Fixture {
    key: IssuerKey,
    json: Value,
    jwt: String,
    verifier: Verifier,
}

fn fixture() -> Fixture {
    let key = IssuerKey::generate("2025");
    let signer = Signer::new().unwrap();
    let mut model = award();
    model.status = None;
    let credential = build_credential(&model);
    Fixture {
        json: signer.sign_data_integrity(&credential, &key, NOW).unwrap(),
        jwt: signer.sign_vc_jwt(&credential, &key).unwrap(),
        key,
        verifier: Verifier::new().unwrap(),
    }
}

fn part(jwt: &str, index: usize) -> Value {
    serde_json::from_slice(&B64URL.decode(jwt.split('.').nth(index).unwrap()).unwrap()).unwrap()
}

fn encode(value: &Value) -> String {
    B64URL.encode(serde_json::to_vec(value).unwrap())
}

fn with_header(jwt: &str, header: &Value) -> String {
    let mut parts: Vec<String> = jwt.split('.').map(str::to_owned).collect();
    parts[0] = encode(header);
    parts.join(".")
}

/// The verifier answered from its own checks, not from its panic guard.
fn assert_no_internal_error(report: &Report) {
    assert!(
        !report
            .checks
            .iter()
            .any(|c| c.detail.contains("internal error")),
        "{:#?}",
        report.checks
    );
}

fn assert_fails(report: &Report, check_name: &str) {
    assert_eq!(report.verdict, Verdict::Invalid, "{:#?}", report.checks);
    assert_eq!(
        check(report, check_name).outcome,
        Outcome::Failed,
        "{:#?}",
        report.checks
    );
}

#[test]
fn tampered_json_fails_the_proof() {
    let f = fixture();
    let mut tampered = f.json.clone();
    tampered["credentialSubject"]["achievement"]["name"] = json!("Principal Architect");
    assert_fails(
        &f.verifier
            .verify(&serde_json::to_vec(&tampered).unwrap(), &options(NOW)),
        "proof",
    );

    let mut extended = f.json.clone();
    extended["credentialSubject"]["salary"] = json!(250000);
    let report = f
        .verifier
        .verify(&serde_json::to_vec(&extended).unwrap(), &options(NOW));
    assert_fails(&report, "proof");
    assert!(
        check(&report, "proof")
            .detail
            .contains("\"salary\" is not defined"),
        "{:?}",
        report.checks
    );
}

#[test]
fn a_tampered_jwt_fails_the_proof() {
    let f = fixture();
    let mut payload = part(&f.jwt, 1);
    payload["validUntil"] = json!("2199-01-01T00:00:00Z");
    let parts: Vec<&str> = f.jwt.split('.').collect();
    let tampered = format!("{}.{}.{}", parts[0], encode(&payload), parts[2]);
    assert_fails(
        &f.verifier.verify(tampered.as_bytes(), &options(NOW)),
        "proof",
    );
}

#[test]
fn a_signature_by_another_key_than_the_one_named_fails() {
    let f = fixture();
    let other = IssuerKey::generate("someone else");
    // The JWT names the other key; the signature is by ours.
    let mut header = part(&f.jwt, 0);
    let forged = Signer::new().unwrap().sign_vc_jwt(&f.json, &other).unwrap();
    header["kid"] = part(&forged, 0)["kid"].clone();
    header["jwk"] = part(&forged, 0)["jwk"].clone();
    assert_fails(
        &f.verifier
            .verify(with_header(&f.jwt, &header).as_bytes(), &options(NOW)),
        "proof",
    );

    // A Data Integrity proof pointing at the other key.
    let mut json = f.json.clone();
    json["proof"]["verificationMethod"] = json!(other.ed25519_verification_method());
    assert_fails(
        &f.verifier
            .verify(&serde_json::to_vec(&json).unwrap(), &options(NOW)),
        "proof",
    );
}

#[test]
fn an_unknown_key_leaves_the_verdict_undetermined_and_says_why() {
    let f = fixture();
    let mut header = part(&f.jwt, 0);
    header.as_object_mut().unwrap().remove("jwk");
    header["kid"] = json!("https://keys.unknown-issuer.example/2025#signing");
    let report = f
        .verifier
        .verify(with_header(&f.jwt, &header).as_bytes(), &options(NOW));
    assert_eq!(report.verdict, Verdict::Undetermined);
    assert_eq!(check(&report, "key").outcome, Outcome::NotChecked);
    assert!(check(&report, "key").detail.contains("does not fetch keys"));

    // No key named at all, and the trusted keys do not match.
    header.as_object_mut().unwrap().remove("kid");
    let mut opts = options(NOW);
    opts.trusted_keys = jwks(&[IssuerKey::generate("unrelated").public_entry(false)]);
    let report = f
        .verifier
        .verify(with_header(&f.jwt, &header).as_bytes(), &opts);
    assert_eq!(report.verdict, Verdict::Undetermined);
    // A key-less JWT signed by our key verifies once that key is trusted.
    use p256::ecdsa::signature::Signer as _;
    let input = format!(
        "{}.{}",
        encode(&json!({"alg": "ES256"})),
        f.jwt.split('.').nth(1).unwrap()
    );
    let signature: p256::ecdsa::Signature = f.key.p256.sign(input.as_bytes());
    let keyless = format!("{input}.{}", B64URL.encode(signature.to_bytes()));
    opts.trusted_keys = jwks(&[f.key.public_entry(false)]);
    let report = f.verifier.verify(keyless.as_bytes(), &opts);
    assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.checks);
}

#[test]
fn alg_none_is_refused() {
    let f = fixture();
    let parts: Vec<&str> = f.jwt.split('.').collect();
    let unsigned = format!(
        "{}.{}.",
        encode(&json!({"alg": "none", "typ": "JWT"})),
        parts[1]
    );
    let report = f.verifier.verify(unsigned.as_bytes(), &options(NOW));
    assert_fails(&report, "proof");
    assert!(check(&report, "proof").detail.contains("unsigned"));
    let hmac = format!(
        "{}.{}.{}",
        encode(&json!({"alg": "HS256"})),
        parts[1],
        parts[2]
    );
    assert_fails(&f.verifier.verify(hmac.as_bytes(), &options(NOW)), "proof");
}

#[test]
fn expired_and_not_yet_valid_badges_fail_the_dates_check() {
    let f = fixture();
    let later = options("2099-03-01T09:00:01Z");
    for input in [
        serde_json::to_vec(&f.json).unwrap(),
        f.jwt.clone().into_bytes(),
    ] {
        let report = f.verifier.verify(&input, &later);
        assert_fails(&report, "dates");
        assert!(check(&report, "dates").detail.contains("expired"));
        let report = f.verifier.verify(&input, &options("2024-12-31T23:59:59Z"));
        assert_fails(&report, "dates");
        assert!(check(&report, "dates").detail.contains("not valid yet"));
    }
}

#[test]
fn an_unsigned_credential_fails_the_proof() {
    let f = fixture();
    let report = f.verifier.verify(
        &serde_json::to_vec(&build_credential(&award())).unwrap(),
        &options(NOW),
    );
    assert_fails(&report, "proof");
    assert!(check(&report, "proof").detail.contains("unsigned"));
    let _ = f.key;
}

#[test]
fn a_200_mb_file_is_refused_by_its_size_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.png");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap(); // sparse: no 200 MB actually written
    let f = fixture();
    let started = std::time::Instant::now();
    let report = f.verifier.verify_file(&path, &options(NOW));
    assert!(
        started.elapsed().as_millis() < 500,
        "the file must not be read"
    );
    assert_fails(&report, "format");
    assert!(check(&report, "format").detail.contains("209715200 bytes"));
    assert_eq!(report.format, "png");
}

#[test]
fn truncated_and_garbage_input_gets_a_clear_invalid_verdict() {
    let f = fixture();
    let json = serde_json::to_vec(&f.json).unwrap();
    let png = bake_png(&tiny_png(), &String::from_utf8(json.clone()).unwrap()).unwrap();
    let svg = bake_svg(r#"<svg xmlns="http://www.w3.org/2000/svg"/>"#, &f.jwt).unwrap();
    let inputs: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"hello".to_vec(),
        vec![0xff, 0xfe, 0x00, 0x01, 0x80],
        b"{\"@context\": [".to_vec(),
        b"[1, 2, 3]".to_vec(),
        b"a.b.c".to_vec(),
        br#"{"@context": ["https://www.w3.org/ns/credentials/v2"], "proof": "z123"}"#.to_vec(),
        br#"{"@context": ["https://evil.example/context.jsonld"], "proof": [{}]}"#.to_vec(),
        b"<svg".to_vec(),
        png[..png.len() / 2].to_vec(),
        png[..8].to_vec(),
        json[..json.len() - 10].to_vec(),
        svg.as_bytes()[..svg.len() - 8].to_vec(),
        f.jwt.as_bytes()[..f.jwt.len() / 2].to_vec(),
    ];
    for input in inputs {
        let report = f.verifier.verify(&input, &options(NOW));
        assert_eq!(
            report.verdict,
            Verdict::Invalid,
            "{:?} -> {:#?}",
            String::from_utf8_lossy(&input),
            report.checks
        );
        assert_no_internal_error(&report);
    }
}

#[test]
fn no_prefix_or_single_byte_change_of_a_badge_crashes_the_verifier() {
    let f = fixture();
    let png = bake_png(&tiny_png(), &f.jwt).unwrap();
    let json = serde_json::to_vec(&f.json).unwrap();
    for input in [&png, &json] {
        for cut in (0..input.len()).step_by(7) {
            let report = f.verifier.verify(&input[..cut], &options(NOW));
            assert_ne!(report.verdict, Verdict::Valid);
            assert_no_internal_error(&report);
        }
        for at in (0..input.len()).step_by(13) {
            let mut changed = input.clone();
            changed[at] ^= 0x5a;
            assert_no_internal_error(&f.verifier.verify(&changed, &options(NOW)));
        }
    }
}
