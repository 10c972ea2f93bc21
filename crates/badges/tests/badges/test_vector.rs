//! The 1EdTech eddsa-rdfc-2022 test vector reproduces byte for byte.

use crate::common::read_json;
use guildbook_badges::Signer;
use sha2::{Digest, Sha256};

const VECTOR: &str = "openbadges-3.0/test-vectors/ob-eddsa-rdfc-2022";

fn file(name: &str) -> String {
    std::fs::read_to_string(crate::common::conformance().join(VECTOR).join(name)).unwrap()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn canonical_forms_and_hashes_match_the_vector() {
    let signer = Signer::new().unwrap();
    let expected = read_json(&format!("{VECTOR}/expected-values.json"));
    let unsigned = read_json(&format!("{VECTOR}/credential.unsigned.json"));
    let document = signer.canonical_nquads(&unsigned).unwrap();
    assert_eq!(document, file("document.canonical.nq"));
    assert_eq!(hex(&Sha256::digest(&document)), expected["documentHashHex"]);

    let mut options = read_json(&format!("{VECTOR}/proof-options.json"));
    options["@context"] = unsigned["@context"].clone();
    let proof = signer.canonical_nquads(&options).unwrap();
    assert_eq!(proof, file("proof.canonical.nq"));
    assert_eq!(hex(&Sha256::digest(&proof)), expected["proofHashHex"]);
}

#[test]
fn signing_the_vector_gives_the_published_proof() {
    let key = read_json(&format!("{VECTOR}/key.json"));
    let secret: Vec<u8> = (0..32)
        .map(|i| {
            u8::from_str_radix(
                &key["privateKeyHex"].as_str().unwrap()[i * 2..i * 2 + 2],
                16,
            )
            .unwrap()
        })
        .collect();
    let signing = ed25519_dalek::SigningKey::from_bytes(&secret.try_into().unwrap());
    let options = read_json(&format!("{VECTOR}/proof-options.json"));
    let signed = Signer::new()
        .unwrap()
        .sign_data_integrity_as(
            &read_json(&format!("{VECTOR}/credential.unsigned.json")),
            &signing,
            options["verificationMethod"].as_str().unwrap(),
            options["created"].as_str().unwrap(),
        )
        .unwrap();
    assert_eq!(
        signed,
        read_json(&format!("{VECTOR}/credential.signed.json"))
    );
    assert_eq!(signed["proof"], read_json(&format!("{VECTOR}/proof.json")));
}
