//! `kill -9` at the fault points of key rotation and of adding several evidence files, then a
//! reopen: the database is intact and nothing is half-added.

use std::path::Path;

use crate::common::{guildbook, stderr, stdout, Env};

fn integrity(ws: &Path) -> String {
    let db = rusqlite::Connection::open(ws.join("guildbook.db")).unwrap();
    db.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn count(ws: &Path, sql: &str) -> i64 {
    let db = rusqlite::Connection::open(ws.join("guildbook.db")).unwrap();
    db.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_kill_during_key_rotation_leaves_the_old_key_current_and_working() {
    let env = Env::demo();
    // Make the first key, as the first export does.
    let award = env.award_of("Elif Demir");
    let out = env.run(
        &[
            "award",
            "export",
            &award,
            "--format",
            "json",
            "-o",
            env.path("a.json").to_str().unwrap(),
        ],
        true,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let keys_before = count(&env.ws, "SELECT count(*) FROM issuer_key");
    for point in ["rotate-key-after-file", "rotate-key-before-commit"] {
        let out = env.run_with_fault(&["issuer", "rotate-key"], point);
        assert!(!out.status.success(), "the process died at {point}");
        assert_eq!(integrity(&env.ws), "ok");
        assert_eq!(
            count(&env.ws, "SELECT count(*) FROM issuer_key"),
            keys_before,
            "{point}"
        );
        assert_eq!(
            count(
                &env.ws,
                "SELECT count(*) FROM issuer_key WHERE retired_at IS NULL"
            ),
            1
        );
        // The old key still signs; the key file left behind names no row and is never used.
        let out = env.run(
            &[
                "award",
                "export",
                &award,
                "--format",
                "jwt",
                "-o",
                env.path("b.jwt").to_str().unwrap(),
            ],
            true,
        );
        assert!(out.status.success(), "{point}: {}", stderr(&out));
    }
    let out = env.run(&["issuer", "rotate-key"], true);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        count(&env.ws, "SELECT count(*) FROM issuer_key"),
        keys_before + 1
    );
}

#[test]
fn a_kill_between_evidence_files_adds_none_of_them() {
    let env = Env::demo();
    let list = stdout(&guildbook(&env.ws, &["contractor", "list"]));
    let who = list
        .lines()
        .next()
        .unwrap()
        .split('\t')
        .next()
        .unwrap()
        .to_string();
    let a = env.path("a.txt");
    let b = env.path("b.txt");
    std::fs::write(&a, "first brief").unwrap();
    std::fs::write(&b, "second brief").unwrap();
    let before = count(&env.ws, "SELECT count(*) FROM evidence");
    let args = [
        "evidence",
        "add",
        "--contractor",
        &who,
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ];
    let out = env.run_with_fault(&args, "evidence-files-between");
    assert!(!out.status.success(), "the process died between the files");
    assert_eq!(integrity(&env.ws), "ok");
    assert_eq!(
        count(&env.ws, "SELECT count(*) FROM evidence"),
        before,
        "nothing half-added"
    );
    // Reopening sweeps what the killed process left in the vault's incoming folder.
    let out = env.run(&args, true);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&env.ws, "SELECT count(*) FROM evidence"), before + 2);
    let incoming = env.ws.join("vault/.incoming");
    assert_eq!(
        std::fs::read_dir(incoming).map(|d| d.count()).unwrap_or(0),
        0
    );
}
