//! Ladder files: the round trip, and every kind of bad file, each with a specific error and no
//! change to what is stored.

use std::fs;
use std::path::PathBuf;

use guildbook_core::ladder::format;
use guildbook_core::ladder::templates::Template;
use guildbook_core::{ErrorCode, Workspace};

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

/// Imports `bytes` into a workspace holding one role and checks it fails with a message
/// containing `expect`, leaving the workspace as it was.
fn refused(bytes: &[u8], expect: &str) -> String {
    let (dir, mut ws) = crate::common::workspace();
    crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let before = crate::common::snapshot(&ws);
    let path = write(&dir, "ladder.json", bytes);
    let err = ws.import_ladder(&path, None).unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains(expect), "expected '{expect}' in: {msg}");
    assert_eq!(
        crate::common::snapshot(&ws),
        before,
        "nothing stored changed after: {msg}"
    );
    msg
}

fn template_json() -> serde_json::Value {
    serde_json::to_value(guildbook_core::ladder::templates::file(Template::Creative)).unwrap()
}

#[test]
fn export_then_import_round_trips_a_ladder() {
    let (dir, mut ws) = crate::common::workspace();
    let original = crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let path = dir.path().join("out").with_extension("json");
    ws.export_ladder(&original.role.id, &path).unwrap();
    let imported = ws
        .import_ladder(&path, Some("Backend engineer (copy)"))
        .unwrap();
    let strip = |l: &guildbook_core::ladder::Ladder| format::to_file(l);
    let (mut a, mut b) = (strip(&original), strip(&imported));
    a.exported = None;
    b.exported = None;
    b.role.name = a.role.name.clone();
    assert_eq!(
        a, b,
        "levels, domains, cells, outcomes and evidence survive the trip"
    );

    // The file is the documented format and names cells by level and domain.
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["format"], "guildbook-ladder");
    assert_eq!(json["formatVersion"], 1);
    assert_eq!(json["cells"][0]["domain"], "Core skill");
    assert_eq!(json["cells"][0]["evidence"][0]["kind"], "code_sample");
}

#[test]
fn a_duplicate_role_name_is_refused_and_can_be_renamed() {
    let (dir, mut ws) = crate::common::workspace();
    let original = crate::common::role(&mut ws, "Product designer", Some(Template::Creative));
    let path = dir.path().join("designer.json");
    ws.export_ladder(&original.role.id, &path).unwrap();
    let before = crate::common::snapshot(&ws);
    let err = ws.import_ladder(&path, None).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(crate::common::snapshot(&ws), before);
    assert!(ws.import_ladder(&path, Some("Visual designer")).is_ok());
}

#[test]
fn malformed_json_names_the_line_and_column() {
    let msg = refused(
        b"{\"format\": \"guildbook-ladder\", \"formatVersion\": 1,\n  \"role\": { name: 1 } }",
        "line 2",
    );
    assert!(msg.contains("ladder.json"), "the file is named: {msg}");
    assert!(msg.contains("Nothing was imported"), "{msg}");
}

#[test]
fn a_truncated_file_says_so() {
    let full = serde_json::to_string_pretty(&template_json()).unwrap();
    refused(&full.as_bytes()[..full.len() / 2], "truncated");
}

#[test]
fn a_wrong_type_names_the_field_path() {
    let mut json = template_json();
    json["levels"][2]["name"] = serde_json::json!(42);
    let msg = refused(
        serde_json::to_string_pretty(&json).unwrap().as_bytes(),
        "levels[2].name",
    );
    assert!(msg.contains("line"), "{msg}");
    let mut json = template_json();
    json["cells"][4]["evidence"][0]["kind"] = serde_json::json!("vibes");
    refused(json.to_string().as_bytes(), "cells[4].evidence[0].kind");
    let mut json = template_json();
    json["cells"][1]["outcome"] = serde_json::json!(["typo in the field name"]);
    refused(json.to_string().as_bytes(), "unknown field `outcome`");
}

#[test]
fn a_cell_naming_a_missing_level_is_refused_with_the_known_names() {
    let mut json = template_json();
    json["cells"][3]["level"] = serde_json::json!("Senior wizard");
    let msg = refused(
        json.to_string().as_bytes(),
        "cells[3].level: no level named 'Senior wizard'",
    );
    assert!(msg.contains("'Junior designer'"), "{msg}");
}

#[test]
fn content_rules_apply_to_files_too() {
    let mut json = template_json();
    json["levels"][1]["name"] = json["levels"][0]["name"].clone();
    refused(json.to_string().as_bytes(), "already has a level named");
    let mut json = template_json();
    json["cells"][0]["evidence"][0]["count"] = serde_json::json!(0);
    refused(json.to_string().as_bytes(), "between 1 and 99");
    let mut json = template_json();
    json["role"]["name"] = serde_json::json!("");
    refused(json.to_string().as_bytes(), "can't be empty");
}

#[test]
fn other_formats_and_newer_versions_are_named() {
    refused(
        br#"{"format": "spreadsheet", "formatVersion": 1}"#,
        "format: expected \"guildbook-ladder\"",
    );
    refused(br#"{"levels": []}"#, "format: missing");
    refused(
        br#"{"format": "guildbook-ladder", "formatVersion": 9}"#,
        "newer than this Guildbook understands",
    );
    refused(b"[1, 2, 3]", "expected a JSON object at the top level");
    refused(b"", "empty");
}

#[test]
fn non_utf8_bytes_are_refused_with_their_offset() {
    let mut bytes =
        br#"{"format": "guildbook-ladder", "formatVersion": 1, "role": {"name": "Caf"#.to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(&[0xE9, 0x22, 0x7D]); // "é" in Latin-1, not UTF-8
    refused(
        &bytes,
        &format!("not UTF-8 text (invalid bytes at offset {offset})"),
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let mut bytes = br#"{"format": "guildbook-ladder", "formatVersion": 1, "role": "#.to_vec();
    bytes.extend(std::iter::repeat_n(b'[', 100_000));
    bytes.extend(std::iter::repeat_n(b']', 100_000));
    bytes.push(b'}');
    refused(&bytes, "nested too deeply to be a ladder (line 1, column");
}

#[test]
fn a_100_mb_file_is_refused_before_it_is_read() {
    let (dir, mut ws) = crate::common::workspace();
    let path = dir.path().join("huge.json");
    let f = fs::File::create(&path).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: costs no disk
    let before = crate::common::snapshot(&ws);
    let err = ws.import_ladder(&path, None).unwrap_err();
    assert!(
        err.to_string()
            .contains("104.9 MB; a ladder file is at most 5 MB"),
        "{err}"
    );
    assert_eq!(crate::common::snapshot(&ws), before);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let (dir, mut ws) = crate::common::workspace();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(template_json().to_string().into_bytes());
    let path = write(&dir, "bom.json", &bytes);
    assert_eq!(
        ws.import_ladder(&path, None).unwrap().role.name,
        "Product designer"
    );
}

#[test]
fn a_missing_file_is_named() {
    let (dir, mut ws) = crate::common::workspace();
    let err = ws
        .import_ladder(&dir.path().join("nope.json"), None)
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().contains("nope.json"), "{err}");
}

#[test]
fn two_connections_can_edit_the_same_workspace_at_once() {
    let (_dir, mut ws) = crate::common::workspace();
    let root = ws.root().to_path_buf();
    let a = crate::common::role(&mut ws, "A", None).role.id;
    let b = crate::common::role(&mut ws, "B", None).role.id;
    drop(ws);
    let writer = |role: String, tag: &'static str| {
        let root = root.clone();
        std::thread::spawn(move || {
            let mut ws = Workspace::open(&root).unwrap();
            let ladder = ws.ladder(&role).unwrap();
            let (l, d) = (
                ladder.content.levels[0].key.clone(),
                ladder.content.domains[0].key.clone(),
            );
            for i in 0..40 {
                let edit = guildbook_core::ladder::LadderEdit::SetCell {
                    level_key: l.clone(),
                    domain_key: d.clone(),
                    outcomes: vec![format!("{tag} outcome {i}")],
                    evidence: vec![],
                };
                ws.edit_ladder(&role, edit).unwrap();
            }
        })
    };
    let (t1, t2) = (writer(a.clone(), "a"), writer(b.clone(), "b"));
    t1.join().unwrap();
    t2.join().unwrap();
    let ws = Workspace::open(&root).unwrap();
    assert_eq!(
        ws.ladder(&a).unwrap().content.cells[0].outcomes,
        ["a outcome 39"]
    );
    assert_eq!(
        ws.ladder(&b).unwrap().content.cells[0].outcomes,
        ["b outcome 39"]
    );
    let ok: String = ws
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}
