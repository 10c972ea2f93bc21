//! The `guildbook` command as a script or a third party uses it: real processes, real files.

use std::process::Command;

use crate::common::{demo, guildbook, guildbook_with_fault, stderr, stdout};

#[test]
fn demo_then_list_prints_id_name_status() {
    let (_dir, ws) = demo();
    let out = guildbook(&ws, &["ladder", "list"]);
    assert!(out.status.success());
    let lines: Vec<Vec<String>> = stdout(&out)
        .lines()
        .map(|l| l.split('\t').map(String::from).collect())
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines.iter().all(|l| l.len() == 3 && l[0].len() == 36),
        "{lines:?}"
    );
    let backend = lines.iter().find(|l| l[1] == "Backend engineer").unwrap();
    assert_eq!(backend[2], "published v2, draft");
    let designer = lines.iter().find(|l| l[1] == "Product designer").unwrap();
    assert_eq!(designer[2], "published v1");
    let all = guildbook(&ws, &["ladder", "list", "--all"]);
    assert!(stdout(&all).contains("Web developer (2023 ladder)\tarchived"));
}

#[test]
fn export_import_and_publish_round_trip_through_files() {
    let (dir, ws) = demo();
    let to_stdout = guildbook(&ws, &["ladder", "export", "product designer"]);
    assert!(to_stdout.status.success(), "{}", stderr(&to_stdout));
    let json: serde_json::Value = serde_json::from_slice(&to_stdout.stdout).unwrap();
    assert_eq!(json["role"]["name"], "Product designer");

    let file = dir.path().join("designer.json");
    let out = guildbook(
        &ws,
        &[
            "ladder",
            "export",
            "Product designer",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = guildbook(
        &ws,
        &[
            "ladder",
            "import",
            file.to_str().unwrap(),
            "--as",
            "Motion designer",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with("\tMotion designer\n"));
    let out = guildbook(&ws, &["ladder", "publish", "Motion designer"]);
    assert!(
        stdout(&out).ends_with("\tpublished v1\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn failures_exit_non_zero_with_one_line_on_stderr() {
    let (dir, ws) = demo();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": \"guildbook-ladder\", \"formatVersion\": 1, \"role\": ",
    )
    .unwrap();
    for (args, expect) in [
        (vec!["ladder", "import", bad.to_str().unwrap()], "truncated"),
        (
            vec!["ladder", "export", "Astronaut"],
            "No role has the id or name 'Astronaut'",
        ),
        (
            vec!["ladder", "publish", "Product designer"],
            "no draft to publish",
        ),
    ] {
        let out = guildbook(&ws, &args);
        assert!(!out.status.success(), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("guildbook: ") && err.contains(expect),
            "{err}"
        );
    }
    let not_ws = guildbook(dir.path(), &["ladder", "list"]);
    assert!(
        stderr(&not_ws).contains("not a Guildbook workspace"),
        "{}",
        stderr(&not_ws)
    );
    let again = guildbook(&ws, &["demo"]);
    assert!(
        !again.status.success(),
        "the demo never overwrites a workspace"
    );
}

#[test]
fn the_workspace_can_come_from_the_environment() {
    let (_dir, ws) = demo();
    let out = Command::new(env!("CARGO_BIN_EXE_guildbook"))
        .args(["ladder", "list"])
        .env("GUILDBOOK_WORKSPACE", &ws)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 3);
}

#[test]
fn a_process_killed_mid_import_leaves_the_workspace_as_it_was() {
    let (dir, ws) = demo();
    let file = dir.path().join("backend.json");
    assert!(guildbook(
        &ws,
        &[
            "ladder",
            "export",
            "Backend engineer",
            "-o",
            file.to_str().unwrap()
        ]
    )
    .status
    .success());
    let before = stdout(&guildbook(&ws, &["ladder", "list", "--all"]));
    for point in ["ladder.write.headers", "ladder.import.before_commit"] {
        let out = Command::new(env!("CARGO_BIN_EXE_guildbook"))
            .arg("--workspace")
            .arg(&ws)
            .args([
                "ladder",
                "import",
                file.to_str().unwrap(),
                "--as",
                "Crashed import",
            ])
            .env("GUILDBOOK_FAULT", point)
            .output()
            .unwrap();
        assert!(!out.status.success(), "the process died at {point}");
        assert_eq!(
            stdout(&guildbook(&ws, &["ladder", "list", "--all"])),
            before,
            "no half-imported role after {point}"
        );
    }
    let out = guildbook(
        &ws,
        &[
            "ladder",
            "import",
            file.to_str().unwrap(),
            "--as",
            "Crashed import",
        ],
    );
    assert!(
        out.status.success(),
        "the workspace still works: {}",
        stderr(&out)
    );
}

#[test]
fn contractors_import_list_and_search_from_the_command_line() {
    let (dir, ws) = demo();
    let file = dir.path().join("people.csv");
    std::fs::write(
        &file,
        "name,email,role,level,tags\nMira Santos,mira@example.org,Product designer,Designer,brand\nBad Row,nope,,,\nOla Berg,ola@example.org,,,\n",
    )
    .unwrap();
    let refused = guildbook(&ws, &["contractor", "import", file.to_str().unwrap()]);
    assert!(!refused.status.success());
    let err = stderr(&refused);
    assert!(
        err.contains("line 3: 'nope' is not an email address"),
        "{err}"
    );
    assert!(err.contains("1 row can't be imported"), "{err}");

    let out = guildbook(
        &ws,
        &[
            "contractor",
            "import",
            file.to_str().unwrap(),
            "--skip-bad-rows",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "imported 2\tskipped 1\n");

    let found = stdout(&guildbook(&ws, &["contractor", "search", "mira"]));
    let fields: Vec<&str> = found.trim_end().split('\t').collect();
    assert_eq!(fields[1..], ["Mira Santos", "Product designer · Designer"]);
    let all = stdout(&guildbook(&ws, &["contractor", "list"]));
    assert!(all.lines().any(|l| l.ends_with("\tOla Berg\t")), "{all}");
}

#[test]
fn a_process_killed_halfway_through_a_csv_import_imports_nothing() {
    let (dir, ws) = demo();
    let file = dir.path().join("many.csv");
    let mut body = String::from("name,email\n");
    for i in 0..2000 {
        body.push_str(&format!("Person {i},p{i}@example.org\n"));
    }
    std::fs::write(&file, body).unwrap();
    let before = stdout(&guildbook(&ws, &["contractor", "list", "--all"]));
    let out = guildbook_with_fault(
        &ws,
        &["contractor", "import", file.to_str().unwrap()],
        Some("csv.import.halfway"),
    );
    assert!(!out.status.success());
    assert_eq!(
        stdout(&guildbook(&ws, &["contractor", "list", "--all"])),
        before
    );
    let out = guildbook(&ws, &["contractor", "import", file.to_str().unwrap()]);
    assert_eq!(stdout(&out), "imported 2000\tskipped 0\n");
}

#[test]
fn seed_fills_an_empty_workspace_with_people_in_template_roles() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("bench");
    assert!(guildbook(&ws, &["init"]).status.success());
    let out = guildbook(&ws, &["seed", "--contractors", "40"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let roles = stdout(&guildbook(&ws, &["ladder", "list"]));
    assert_eq!(
        roles.lines().count(),
        2,
        "a technical and a creative role: {roles}"
    );
    let people = stdout(&guildbook(&ws, &["contractor", "list", "--all"]));
    assert_eq!(people.lines().count(), 40);
    assert!(
        people
            .lines()
            .all(|l| l.split('\t').nth(2).is_some_and(|r| r.contains(" · "))),
        "{people}"
    );
    let out = guildbook(&ws, &["seed", "--evidence", "30"]);
    assert!(
        stdout(&out).contains("seeded 30 evidence files"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let verify = guildbook(&ws, &["vault", "verify"]);
    assert!(
        stdout(&verify).starts_with("ok: 30 files"),
        "{}",
        stdout(&verify)
    );
    let bench = guildbook(&ws, &["bench", "roster", "--queries", "20"]);
    assert!(
        stdout(&bench).contains("roster search (40 contractors, 20 queries"),
        "{}",
        stdout(&bench)
    );
}

#[test]
fn evidence_goes_into_the_vault_and_verify_finds_what_was_altered() {
    let (dir, ws) = demo();
    let id = stdout(&guildbook(&ws, &["contractor", "search", "Lena"]))
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    // The demo's own portfolio files are in the vault already.
    let files_in_vault = |out: &std::process::Output| -> usize {
        stdout(out)
            .strip_prefix("ok: ")
            .and_then(|s| s.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{}", stdout(out)))
    };
    let before = files_in_vault(&guildbook(&ws, &["vault", "verify"]));
    let a = dir.path().join("moodboard.png");
    std::fs::write(&a, [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 9, 9]).unwrap();
    let b = dir.path().join("brief.pdf");
    std::fs::write(&b, b"%PDF-1.4 a brief").unwrap();
    let out = guildbook(
        &ws,
        &[
            "evidence",
            "add",
            "--contractor",
            &id,
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = stdout(&out);
    assert_eq!(lines.lines().count(), 2);
    assert!(lines.lines().next().unwrap().ends_with("\tmoodboard.png"));
    let ok = guildbook(&ws, &["vault", "verify"]);
    assert!(ok.status.success());
    assert_eq!(files_in_vault(&ok), before + 2);

    let sha = lines
        .lines()
        .nth(1)
        .unwrap()
        .split('\t')
        .nth(1)
        .unwrap()
        .to_string();
    let stored = ws.join("vault").join(&sha[..2]).join(&sha[2..4]).join(&sha);
    std::fs::write(&stored, b"changed behind the app's back").unwrap();
    let bad = guildbook(&ws, &["vault", "verify"]);
    assert!(!bad.status.success());
    assert!(
        stdout(&bad).contains("corrupt\t")
            && stdout(&bad).contains("brief.pdf (brief.pdf, Lena Novak)"),
        "{}",
        stdout(&bad)
    );
    assert!(
        stderr(&bad).contains(&format!(
            "1 of {} vault files are missing or altered",
            before + 2
        )),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("many");
    assert!(guildbook(&ws, &["init"]).status.success());
    assert!(guildbook(&ws, &["seed", "--contractors", "3000"])
        .status
        .success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_guildbook"))
        .arg("--workspace")
        .arg(&ws)
        .args(["contractor", "list"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // read a little, then hang up
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "like `| head`: no complaint");
}
