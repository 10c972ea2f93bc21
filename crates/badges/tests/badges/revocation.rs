//! The organisation publishes a signed status list; verification reads it from local data.

use crate::common::{award, check, issuer, options, LIST_URL, NOW};
use guildbook_badges::*;
use serde_json::{json, Value};

struct Setup {
    key: IssuerKey,
    signer: Signer,
    verifier: Verifier,
}

fn setup() -> Setup {
    Setup {
        key: IssuerKey::generate("2025"),
        signer: Signer::new().unwrap(),
        verifier: Verifier::new().unwrap(),
    }
}

fn badge_at(s: &Setup, index: u32) -> Vec<u8> {
    let mut model = award();
    model.status = Some(StatusRef {
        list_url: LIST_URL.into(),
        index,
    });
    let signed = s
        .signer
        .sign_data_integrity(&build_credential(&model), &s.key, NOW)
        .unwrap();
    serde_json::to_vec(&signed).unwrap()
}

fn with_list(list: Value) -> VerifyOptions {
    let mut opts = options(NOW);
    opts.status_lists = vec![list];
    opts
}

#[test]
fn the_status_list_is_a_signed_bitstring_status_list_credential() {
    let s = setup();
    let list =
        status_list_credential(&issuer(), LIST_URL, &[3, 42], 1000, &s.key, &s.signer).unwrap();
    assert_eq!(list["id"], LIST_URL);
    assert_eq!(
        list["type"],
        json!(["VerifiableCredential", "BitstringStatusListCredential"])
    );
    assert_eq!(list["credentialSubject"]["statusPurpose"], "revocation");
    assert!(list["credentialSubject"]["encodedList"]
        .as_str()
        .unwrap()
        .starts_with('u'));
    assert_eq!(list["proof"]["cryptosuite"], "eddsa-rdfc-2022");
    // It is a proper document to host: its proof verifies like any credential's.
    let report = s
        .verifier
        .verify(&serde_json::to_vec(&list).unwrap(), &options(NOW));
    assert_eq!(
        check(&report, "proof").outcome,
        Outcome::Passed,
        "{:#?}",
        report.checks
    );
}

#[test]
fn a_revoked_award_is_invalid_and_the_others_stay_valid() {
    let s = setup();
    let list = status_list_credential(
        &issuer(),
        LIST_URL,
        &[3, 42],
        MIN_LIST_SIZE,
        &s.key,
        &s.signer,
    )
    .unwrap();
    let report = s
        .verifier
        .verify(&badge_at(&s, 42), &with_list(list.clone()));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(check(&report, "revocation").outcome, Outcome::Failed);
    assert!(check(&report, "revocation").detail.contains("revoked"));

    let report = s.verifier.verify(&badge_at(&s, 43), &with_list(list));
    assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.checks);
    assert!(check(&report, "revocation").detail.contains("entry 43"));
}

#[test]
fn without_the_list_revocation_is_not_checked_and_the_verdict_is_undetermined() {
    let s = setup();
    let report = s.verifier.verify(&badge_at(&s, 42), &options(NOW));
    assert_eq!(report.verdict, Verdict::Undetermined);
    assert_eq!(check(&report, "revocation").outcome, Outcome::NotChecked);
    assert!(check(&report, "revocation").detail.contains(LIST_URL));
}

#[test]
fn a_forged_or_foreign_status_list_is_not_believed() {
    let s = setup();
    let list =
        status_list_credential(&issuer(), LIST_URL, &[], MIN_LIST_SIZE, &s.key, &s.signer).unwrap();
    // Someone clears a bit in a copy of the list: its proof no longer verifies.
    let mut forged = list.clone();
    let revoked_42 =
        status_list_credential(&issuer(), LIST_URL, &[42], MIN_LIST_SIZE, &s.key, &s.signer)
            .unwrap();
    forged["credentialSubject"]["encodedList"] =
        revoked_42["credentialSubject"]["encodedList"].clone();
    let report = s.verifier.verify(&badge_at(&s, 7), &with_list(forged));
    assert_eq!(
        check(&report, "revocation").outcome,
        Outcome::Failed,
        "{:#?}",
        report.checks
    );
    assert!(check(&report, "revocation")
        .detail
        .contains("cannot be trusted"));

    // A list signed by another organisation says nothing about our badges.
    let mut other = issuer();
    other.id = "https://elsewhere.example".into();
    let foreign =
        status_list_credential(&other, LIST_URL, &[], MIN_LIST_SIZE, &s.key, &s.signer).unwrap();
    let report = s.verifier.verify(&badge_at(&s, 7), &with_list(foreign));
    assert_eq!(check(&report, "revocation").outcome, Outcome::Failed);
    assert!(check(&report, "revocation")
        .detail
        .contains("not by the badge's issuer"));
}

#[test]
fn an_index_outside_the_list_is_refused_when_publishing() {
    let s = setup();
    let result = status_list_credential(
        &issuer(),
        LIST_URL,
        &[MIN_LIST_SIZE],
        MIN_LIST_SIZE,
        &s.key,
        &s.signer,
    );
    assert!(matches!(result, Err(BadgeError::StatusList(_))));
}
