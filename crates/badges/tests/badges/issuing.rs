//! An award exports as an OB 3.0 OpenBadgeCredential that passes the 1EdTech schema and
//! verifies in both proof formats.

use crate::common::{award, check, options, read_json, NOW};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine;
use guildbook_badges::*;
use serde_json::Value;

fn schema_errors(credential: &Value) -> Vec<String> {
    let schema = read_json("openbadges-3.0/schemas/ob_v3p0_achievementcredential_schema.json");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    validator
        .iter_errors(credential)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn trusting(key: &IssuerKey) -> VerifyOptions {
    let mut opts = options(NOW);
    opts.trusted_keys = jwks(&[key.public_entry(false)]);
    opts
}

#[test]
fn the_credential_carries_everything_the_award_says_and_passes_the_1edtech_schema() {
    let credential = build_credential(&award());
    assert_eq!(schema_errors(&credential), Vec::<String>::new());
    assert_eq!(
        credential["type"],
        serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    assert_eq!(
        credential["@context"][0],
        "https://www.w3.org/ns/credentials/v2"
    );
    assert_eq!(
        credential["@context"][1],
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    );
    assert_eq!(credential["issuer"]["name"], "Northwind Contractors' Guild");
    let achievement = &credential["credentialSubject"]["achievement"];
    assert!(achievement["criteria"]["narrative"]
        .as_str()
        .unwrap()
        .contains("rehearsed rollback"));
    assert!(achievement["image"]["id"]
        .as_str()
        .unwrap()
        .starts_with("data:image/svg+xml"));
    assert_eq!(achievement["alignment"][0]["targetCode"], "BE-DELIVERY-3");
    assert_eq!(
        achievement["alignment"][0]["targetFramework"],
        "Northwind Backend Ladder"
    );
    assert_eq!(credential["validFrom"], "2025-03-01T09:00:00Z");
    assert_eq!(credential["validUntil"], "2099-03-01T09:00:00Z");
    assert_eq!(
        credential["evidence"][0]["name"],
        "Release runbook for the invoicing service"
    );
    assert_eq!(
        credential["credentialStatus"]["type"],
        "BitstringStatusListEntry"
    );
    assert_eq!(credential["credentialStatus"]["statusListIndex"], "42");
}

#[test]
fn an_award_without_expiry_or_status_has_neither_and_still_passes_the_schema() {
    let mut model = award();
    model.valid_until = None;
    model.status = None;
    model.evidence.clear();
    model.achievement.alignments[0].target_url =
        Some("https://ladders.northwind-guild.example/backend#delivery-3".into());
    let credential = build_credential(&model);
    assert!(credential.get("validUntil").is_none());
    assert!(credential.get("credentialStatus").is_none());
    assert_eq!(schema_errors(&credential), Vec::<String>::new());
}

#[test]
fn both_signed_forms_pass_the_schema_and_verify_with_the_issuers_own_keys() {
    let key = IssuerKey::generate("2025");
    let signer = Signer::new().unwrap();
    let mut model = award();
    model.status = None;
    let credential = build_credential(&model);
    let signed = signer.sign_data_integrity(&credential, &key, NOW).unwrap();
    assert_eq!(schema_errors(&signed), Vec::<String>::new());
    assert_eq!(signed["proof"]["cryptosuite"], "eddsa-rdfc-2022");
    assert_eq!(
        signed["proof"]["verificationMethod"],
        key.ed25519_verification_method()
    );
    assert!(key
        .ed25519_verification_method()
        .starts_with("did:key:z6Mk"));

    let verifier = Verifier::new().unwrap();
    let report = verifier.verify(&serde_json::to_vec(&signed).unwrap(), &trusting(&key));
    assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.checks);
    assert_eq!(report.format, "json");
    assert!(check(&report, "key").detail.contains("trusted key"));
    assert!(report.key_trusted);
    assert_eq!(report.name.as_deref(), Some("Reliable Releases"));
    assert_eq!(
        report.issuer_name.as_deref(),
        Some("Northwind Contractors' Guild")
    );
    assert_eq!(report.holder_name.as_deref(), Some("Ada Okafor"));
    assert_eq!(report.valid_until.as_deref(), Some("2099-03-01T09:00:00Z"));

    let jwt = signer.sign_vc_jwt(&credential, &key).unwrap();
    let header: Value =
        serde_json::from_slice(&B64URL.decode(jwt.split('.').next().unwrap()).unwrap()).unwrap();
    assert_eq!(header["alg"], "ES256");
    assert_eq!(header["kid"], key.p256_verification_method());
    assert!(key.p256_verification_method().starts_with("did:key:zDn"));
    assert_eq!(header["jwk"]["crv"], "P-256");
    let payload: Value =
        serde_json::from_slice(&B64URL.decode(jwt.split('.').nth(1).unwrap()).unwrap()).unwrap();
    assert_eq!(payload["iss"], "https://northwind-guild.example");
    assert_eq!(payload["jti"], model.id);
    assert_eq!(payload["sub"], model.recipient_id);
    assert!(payload["nbf"].is_i64() && payload["exp"].is_i64());

    let report = verifier.verify(jwt.as_bytes(), &trusting(&key));
    assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.checks);
    assert_eq!(report.format, "jwt");
    assert!(check(&report, "proof").detail.contains("ES256"));
}

#[test]
fn without_trusted_keys_a_did_key_badge_still_verifies_but_says_the_key_is_not_trusted() {
    let key = IssuerKey::generate("2025");
    let signer = Signer::new().unwrap();
    let mut model = award();
    model.status = None;
    let signed = signer
        .sign_data_integrity(&build_credential(&model), &key, NOW)
        .unwrap();
    let report = Verifier::new()
        .unwrap()
        .verify(&serde_json::to_vec(&signed).unwrap(), &options(NOW));
    assert_eq!(report.verdict, Verdict::Valid);
    assert!(check(&report, "key")
        .detail
        .contains("not among your trusted keys"));
}

#[test]
fn the_jwk_set_names_keys_as_the_proofs_do_and_retired_keys_still_verify_old_badges() {
    let old = IssuerKey::generate("2024");
    let current = IssuerKey::generate("2025");
    let set = jwks(&[old.public_entry(true), current.public_entry(false)]);
    let kids: Vec<&str> = set["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap())
        .collect();
    assert_eq!(kids.len(), 4);
    for key in [&old, &current] {
        assert!(kids.contains(&key.ed25519_verification_method().as_str()));
        assert!(kids.contains(&key.p256_verification_method().as_str()));
    }
    let signer = Signer::new().unwrap();
    let mut model = award();
    model.status = None;
    let jwt = signer.sign_vc_jwt(&build_credential(&model), &old).unwrap();
    let mut opts = options(NOW);
    opts.trusted_keys = set;
    let report = Verifier::new().unwrap().verify(jwt.as_bytes(), &opts);
    assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.checks);
    assert!(check(&report, "key")
        .detail
        .contains(&old.p256_verification_method()));
}

#[test]
fn signer_and_verifier_can_be_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Signer>();
    assert_send_sync::<Verifier>();
}

#[test]
fn a_key_reported_compromised_verifies_only_what_it_signed_before_that_day() {
    let key = IssuerKey::generate("2025");
    let signer = Signer::new().unwrap();
    let mut model = award();
    model.status = None;
    let credential = build_credential(&model);
    let json = serde_json::to_string(
        &signer
            .sign_data_integrity(&credential, &key, "2025-03-01T09:00:00Z")
            .unwrap(),
    )
    .unwrap();
    let jwt = signer.sign_vc_jwt(&credential, &key).unwrap();
    let verify = |compromised_on: Option<&str>, badge: &str| {
        let mut entry = key.public_entry(true);
        entry.compromised_on = compromised_on.map(str::to_owned);
        let mut opts = options(NOW);
        opts.trusted_keys = jwks(&[entry]);
        Verifier::new().unwrap().verify(badge.as_bytes(), &opts)
    };
    let set = jwks(&[{
        let mut entry = key.public_entry(true);
        entry.compromised_on = Some("2099-01-01".into());
        entry
    }]);
    assert!(set["keys"]
        .as_array()
        .unwrap()
        .iter()
        .all(|k| k["compromisedOn"] == "2099-01-01"));

    for badge in [json.as_str(), jwt.as_str()] {
        // Reported compromised long after the badge was signed: it still counts.
        let report = verify(Some("2099-01-01"), badge);
        assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.checks);
        // Reported compromised on or before the day it was signed: it does not.
        let report = verify(Some("2025-03-01"), badge);
        assert_eq!(report.verdict, Verdict::Invalid, "{:#?}", report.checks);
        assert!(check(&report, "proof")
            .detail
            .contains("reported compromised on 2025-03-01"));
        // A garbled day distrusts the key altogether rather than trusting it again.
        let report = verify(Some("soon"), badge);
        assert_eq!(report.verdict, Verdict::Invalid, "{:#?}", report.checks);
    }
}
