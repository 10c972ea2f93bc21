//! Shared fixtures: the conformance folder, a sample award, and keys.

use std::path::PathBuf;

use guildbook_badges::*;
use serde_json::Value;

/// The public conformance fixtures kept with the tests (`tests/conformance/README.md`).
pub fn conformance() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

pub fn read_json(relative: &str) -> Value {
    let text = std::fs::read_to_string(conformance().join(relative)).expect(relative);
    serde_json::from_str(&text).expect(relative)
}

pub const LIST_URL: &str = "https://badges.northwind-guild.example/status/1";

pub fn issuer() -> Issuer {
    Issuer {
        id: "https://northwind-guild.example".into(),
        name: "Northwind Contractors' Guild".into(),
        url: Some("https://northwind-guild.example".into()),
        email: Some("badges@northwind-guild.example".into()),
        image: None,
    }
}

/// An award of "Reliable Releases" to Ada, expiring in 2099, with a status entry.
pub fn award() -> AwardModel {
    AwardModel {
        id: "urn:uuid:6c8a4e0e-2f4b-4c1d-9a57-0d3f5b8e2a11".into(),
        issuer: issuer(),
        achievement: AchievementModel {
            id: "urn:uuid:0f1e2d3c-4b5a-4697-8877-665544332211".into(),
            name: "Reliable Releases".into(),
            description: "Ships changes behind flags, with rollback plans that have been rehearsed.".into(),
            criteria_narrative: "Led three production releases with a rehearsed rollback and no customer-facing incident.".into(),
            image: Some("data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=".into()),
            alignments: vec![Alignment {
                target_name: "Delivery — Level 3".into(),
                target_description: "Plans and ships multi-week work with safe rollouts.".into(),
                target_code: "BE-DELIVERY-3".into(),
                target_framework: "Northwind Backend Ladder".into(),
                target_url: None,
            }],
        },
        recipient_name: "Ada Okafor".into(),
        recipient_id: "urn:uuid:9b2d7c55-1e3a-4f6b-8c9d-0a1b2c3d4e5f".into(),
        valid_from: "2025-03-01T09:00:00Z".into(),
        valid_until: Some("2099-03-01T09:00:00Z".into()),
        evidence: vec![EvidenceRef {
            id: "urn:uuid:5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9".into(),
            name: "Release runbook for the invoicing service".into(),
            description: "The runbook and rollback rehearsal notes, reviewed by a mentor.".into(),
        }],
        status: Some(StatusRef {
            list_url: LIST_URL.into(),
            index: 42,
        }),
    }
}

pub fn options(now: &str) -> VerifyOptions {
    VerifyOptions {
        now: now.into(),
        trusted_keys: serde_json::json!({ "keys": [] }),
        status_lists: Vec::new(),
        max_bytes: DEFAULT_MAX_BYTES,
    }
}

pub const NOW: &str = "2026-01-15T12:00:00Z";

/// A tiny valid PNG (1×1 grey pixel), assembled by hand so tests need no image crate.
pub fn tiny_png() -> Vec<u8> {
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    let mut chunk = |kind: &[u8; 4], data: &[u8]| {
        png.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let body = [kind.as_slice(), data].concat();
        png.extend_from_slice(&body);
        png.extend_from_slice(&crc32(&body).to_be_bytes());
    };
    chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    // zlib of one scanline: filter byte 0, grey 0x80 (stored block).
    chunk(
        b"IDAT",
        &[
            0x78, 0x01, 0x01, 0x02, 0x00, 0xfd, 0xff, 0x00, 0x80, 0x00, 0x81, 0x00, 0x81,
        ],
    );
    chunk(b"IEND", &[]);
    png
}

/// CRC-32 (IEEE), bit by bit: tests stay independent of the crate's own CRC code.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

pub fn check<'a>(report: &'a Report, name: &str) -> &'a Check {
    report
        .check(name)
        .unwrap_or_else(|| panic!("no {name} check in {:#?}", report.checks))
}
