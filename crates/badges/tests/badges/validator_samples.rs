//! Every sample of the 1EdTech validator gets the verdict its EXPECTATIONS.json gives wherever
//! one can be reached offline; elsewhere the report says plainly what could not be checked.

use crate::common::{check, conformance, options, read_json};
use guildbook_badges::*;
use serde_json::json;
use Outcome::{Failed, NotChecked};
use Verdict::{Invalid, Undetermined, Valid};

const SAMPLES: &str = "openbadges-3.0/validator-samples";

/// The check that decides a verdict: its name and outcome.
type Deciding = Option<(&'static str, Outcome)>;

/// (sample, verdict offline, the deciding check). `Valid` rows need no deciding check.
#[rustfmt::skip]
const EXPECTED: &[(&str, Verdict, Deciding)] = &[
    // Upstream valid (or valid with a warning: VC 1.1, the eddsa-2022 name).
    ("simple.json", Valid, None),
    ("simple.1ob", Valid, None),
    ("simple_v1.json", Valid, None),
    ("simple-context-alias.json", Valid, None),
    ("simple-context-version.json", Valid, None),
    ("simple-did-key-method.json", Valid, None),
    ("simple-did-web-method.json", Valid, None),
    ("simple-eddsa-2022.json", Valid, None),
    ("simple-json.png", Valid, None),
    ("simple-json.svg", Valid, None),
    ("simple-jwt.png", Valid, None),
    ("simple-jwt.svg", Valid, None),
    ("simple-jwt_v1.png", Valid, None),
    ("simple-jwt_v1.svg", Valid, None),
    // Upstream valid, but the ecdsa-sd-2023 suite cannot be checked here.
    ("sd/derivedcredential.json", Undetermined, Some(("proof", NotChecked))),
    // Upstream invalid (or "error"), and the reason is visible offline.
    ("simple-err-context.json", Invalid, Some(("proof", Failed))),
    ("simple-err-credential-subject-achievement-result-description-type.json", Invalid, Some(("proof", Failed))),
    ("simple-err-credential-subject-identifier-type.json", Invalid, Some(("proof", Failed))),
    ("simple-err-credential-subject-profile-type.json", Invalid, Some(("proof", Failed))),
    ("simple-err-credential-subject-result-type.json", Invalid, Some(("proof", Failed))),
    ("simple-err-credential-subject-type.json", Invalid, Some(("proof", Failed))),
    ("simple-err-evidence-type.json", Invalid, Some(("proof", Failed))),
    ("simple-err-expired.json", Invalid, Some(("dates", Failed))),
    ("simple-err-issued.json", Invalid, Some(("dates", Failed))),
    ("simple-err-issuer-otheridentifier-type.json", Invalid, Some(("proof", Failed))),
    ("simple-err-issuer-parentorg-type.json", Invalid, Some(("proof", Failed))),
    ("simple-err-issuer-type.json", Invalid, Some(("proof", Failed))),
    ("simple-err-issuer.json", Invalid, Some(("schema", Failed))),
    ("simple-err-proof-method-no-scheme.json", Invalid, Some(("key", Failed))),
    ("simple-err-proof-method-unknown-did-method.json", Invalid, Some(("key", Failed))),
    ("simple-err-proof-method-unknown-scheme.json", Invalid, Some(("key", Failed))),
    ("simple-err-proof-method.json", Invalid, Some(("key", Failed))),
    ("simple-err-proof-value.json", Invalid, Some(("proof", Failed))),
    ("simple-err-type.json", Invalid, Some(("schema", Failed))),
    ("simple-multiple-proofs.json", Invalid, Some(("proof", Failed))),
    // Upstream invalid; offline it is expired (2020) whatever the network would say.
    ("complete_v1.json", Invalid, Some(("dates", Failed))),
    // Upstream invalid only through the network (a revocation service, a status list, a
    // schema URL that 404s, a registry): offline the verdict cannot be reached.
    ("complete.json", Undetermined, Some(("revocation", NotChecked))),
    ("credential-status-revoked.json", Undetermined, Some(("revocation", NotChecked))),
    ("bit-string-list/credential-status-revoked.json", Undetermined, Some(("revocation", NotChecked))),
    ("bit-string-list/credential-status-revoked-blank-nodes.json", Undetermined, Some(("revocation", NotChecked))),
    ("velocity.jwt", Undetermined, Some(("key", NotChecked))),
    // Not tested upstream.
    ("endorsement-valid.json", Undetermined, Some(("schema", NotChecked))),
    ("endorsement-err-schema-status-refresh.json", Invalid, Some(("proof", Failed))),
    ("simple-noproof.json", Invalid, Some(("proof", Failed))),
    ("simple.jwt", Invalid, Some(("schema", Failed))),
    // A status list, not a badge: its own proof verifies; it is no OpenBadgeCredential.
    ("bit-string-list/testlist", Invalid, Some(("schema", Failed))),
];

const NOW: &str = "2026-01-15T12:00:00Z";

#[test]
fn every_validator_sample_gets_its_expected_verdict() {
    let expectations = read_json(&format!("{SAMPLES}/EXPECTATIONS.json"));
    let samples: Vec<&String> = expectations
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| !k.starts_with('_'))
        .collect();
    for sample in &samples {
        assert!(
            EXPECTED.iter().any(|(name, ..)| name == sample),
            "no expectation written for {sample}"
        );
    }
    let verifier = Verifier::new().unwrap();
    let mut mismatches = Vec::new();
    for (sample, verdict, deciding) in EXPECTED {
        assert!(
            samples.iter().any(|s| s == sample),
            "{sample} is not in EXPECTATIONS.json"
        );
        let report = verifier.verify_file(&conformance().join(SAMPLES).join(sample), &options(NOW));
        let decided = deciding
            .is_none_or(|(name, outcome)| report.check(name).map(|c| c.outcome) == Some(outcome));
        if report.verdict != *verdict || !decided {
            mismatches.push(format!(
                "{sample}: got {:?}, expected {verdict:?} by {deciding:?}\n{:#?}",
                report.verdict, report.checks
            ));
        }
        // Whatever could not be checked is explained in a sentence.
        for c in report
            .checks
            .iter()
            .filter(|c| c.outcome != Outcome::Passed)
        {
            assert!(
                c.detail.len() > 20,
                "{sample}: {} says too little: {:?}",
                c.name,
                c.detail
            );
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}

#[test]
fn the_bitstring_samples_are_revoked_once_the_status_list_is_supplied_locally() {
    let list = read_json(&format!("{SAMPLES}/bit-string-list/testlist"));
    let published_at = "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist";
    let mut opts = options(NOW);
    opts.status_lists = vec![json!({ "url": published_at, "credential": list })];
    let verifier = Verifier::new().unwrap();
    for sample in [
        "credential-status-revoked.json",
        "credential-status-revoked-blank-nodes.json",
    ] {
        let report = verifier.verify_file(
            &conformance()
                .join(SAMPLES)
                .join("bit-string-list")
                .join(sample),
            &opts,
        );
        assert_eq!(report.verdict, Invalid, "{sample}: {:#?}", report.checks);
        assert_eq!(check(&report, "revocation").outcome, Failed);
        assert!(check(&report, "revocation").detail.contains("revoked"));
    }
}

#[test]
fn network_only_answers_say_so_plainly() {
    let verifier = Verifier::new().unwrap();
    let report = verifier.verify_file(
        &conformance()
            .join(SAMPLES)
            .join("credential-status-revoked.json"),
        &options(NOW),
    );
    assert!(check(&report, "revocation")
        .detail
        .contains("only reachable over the network"));
    let report = verifier.verify_file(
        &conformance()
            .join(SAMPLES)
            .join("sd/derivedcredential.json"),
        &options(NOW),
    );
    assert!(check(&report, "proof").detail.contains("ecdsa-sd-2023"));
    let report = verifier.verify_file(
        &conformance().join(SAMPLES).join("velocity.jwt"),
        &options(NOW),
    );
    assert!(check(&report, "key").detail.contains("did:velocity"));
}
