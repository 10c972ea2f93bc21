//! An external lead's key, an exported assessment signed without the app, and the import that
//! checks the signature before anything is stored.

use std::path::Path;
use std::process::Command;

use crate::common::{demo, guildbook, stderr, stdout};

#[test]
fn an_external_lead_signs_an_exported_assessment_and_it_imports_verified() {
    use guildbook_core::assessment::{AssessmentKind, NewAssessment, Pay};
    use guildbook_core::roster::Money;
    let (dir, ws_dir) = demo();
    // The lead makes a key pair on their own computer (no workspace) and sends the public key.
    let key = dir.path().join("lead.key");
    let made = Command::new(env!("CARGO_BIN_EXE_guildbook"))
        .args([
            "assessor",
            "key",
            "--name",
            "Tomás Ibarra",
            "-o",
            key.to_str().unwrap(),
        ])
        .env_remove("GUILDBOOK_WORKSPACE")
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", stderr(&made));
    let public = stdout(&made).trim().to_string();
    assert_eq!(public.len(), 44, "32 bytes in base64: {public}");
    let add = |public: &str| {
        guildbook(
            &ws_dir,
            &[
                "assessor",
                "add",
                "--name",
                "Tomás Ibarra",
                "--external",
                "--public-key",
                public,
            ],
        )
    };
    let bad = add("not-a-key");
    assert!(
        !bad.status.success() && stderr(&bad).contains("not an Ed25519 public key"),
        "{}",
        stderr(&bad)
    );
    let out = add(&public);
    assert!(out.status.success(), "{}", stderr(&out));
    let twice = add(&public);
    assert!(stderr(&twice).contains("already belongs to Tomás Ibarra"));
    let assessor = stdout(&out).split('\t').next().unwrap().to_string();
    // A second assessor with the same file name: refused, and the existing key is untouched.
    let again = guildbook(
        &ws_dir,
        &[
            "assessor",
            "add",
            "--name",
            "X",
            "--key-out",
            key.to_str().unwrap(),
        ],
    );
    assert!(
        !again.status.success() && stderr(&again).contains("never overwritten"),
        "{}",
        stderr(&again)
    );

    let id = {
        let mut ws = guildbook_core::Workspace::open(&ws_dir).unwrap();
        let role = ws.find_role("Product designer").unwrap();
        let ladder = ws.ladder(&role.id).unwrap();
        let who: String = ws
            .conn()
            .query_row(
                "SELECT id FROM contractor WHERE name = 'Lena Novak'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        ws.create_assessment(&NewAssessment {
            contractor_id: who,
            role_id: role.id,
            level_key: ladder.content.levels[2].key.clone(),
            kind: AssessmentKind::LiveCritique,
            assessor_id: assessor,
            starts_on: "2026-11-20".into(),
            due_on: "2026-12-04".into(),
            pay: Pay::Stipend {
                amount: Money {
                    minor: 30_000,
                    currency: "EUR".into(),
                },
                paid_on: None,
            },
        })
        .unwrap()
        .id
    };
    let file = dir.path().join("assessment.json");
    let out = guildbook(
        &ws_dir,
        &["assessment", "export", &id, "-o", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));

    // The lead rates in the file, then signs it: no workspace needed for that.
    let sign = |path: &Path| {
        Command::new(env!("CARGO_BIN_EXE_guildbook"))
            .args([
                "assessment",
                "sign",
                path.to_str().unwrap(),
                "--key",
                key.to_str().unwrap(),
            ])
            .env_remove("GUILDBOOK_WORKSPACE")
            .output()
            .unwrap()
    };
    let unrated = sign(&file);
    assert!(
        !unrated.status.success() && stderr(&unrated).contains("Not ready to sign"),
        "{}",
        stderr(&unrated)
    );
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("\"assessorRating\": null", "\"assessorRating\": \"meets\"");
    std::fs::write(&file, text).unwrap();
    let signed = sign(&file);
    assert!(signed.status.success(), "{}", stderr(&signed));

    let forged = dir.path().join("forged.json");
    std::fs::write(
        &forged,
        std::fs::read_to_string(&file)
            .unwrap()
            .replacen("\"meets\"", "\"exceeds\"", 1),
    )
    .unwrap();
    let refused = guildbook(&ws_dir, &["assessment", "import", forged.to_str().unwrap()]);
    assert!(
        !refused.status.success() && stderr(&refused).contains("changed after signing"),
        "{}",
        stderr(&refused)
    );

    let imported = guildbook(&ws_dir, &["assessment", "import", file.to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert!(stdout(&imported).contains("signed by Tomás Ibarra"));
    let list = stdout(&guildbook(&ws_dir, &["assessment", "list"]));
    let row = list.lines().find(|l| l.starts_with(&id)).unwrap();
    assert_eq!(
        row.split('\t').skip(1).collect::<Vec<_>>(),
        ["Lena Novak", "Product designer", "Creative lead", "signed"]
    );
}
