//! Badges from the command line, as HR and a third party use them: export an award, publish the
//! issuer's keys and revocation list, and verify offline — exit 0 only for a valid badge.

use crate::common::{arg, text, Env};

#[test]
fn an_exported_badge_verifies_for_a_third_party_with_the_published_keys_and_list() {
    let env = Env::demo();
    let award = env.award_of("Lena Novak");
    let png = env.path("lena.png");
    let out = env.run(
        &[
            "award",
            "export",
            &award,
            "--format",
            "png",
            "-o",
            arg(&png),
        ],
        true,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Lena Novak"));

    // Inside the workspace: its own keys and records make it fully valid.
    let here = env.run(&["verify", arg(&png)], true);
    assert_eq!(
        here.status.code(),
        Some(0),
        "{}{}",
        text(&here.stdout),
        text(&here.stderr)
    );
    assert!(text(&here.stdout)
        .lines()
        .last()
        .unwrap()
        .starts_with("verdict\tvalid"));

    // A third party: no workspace, only what the organisation published.
    let keys = env.path("jwks.json");
    let list = env.path("revocations.json");
    assert!(env
        .run(&["issuer", "keys", "-o", arg(&keys)], true)
        .status
        .success());
    assert!(env
        .run(&["issuer", "status-list", "-o", arg(&list)], true)
        .status
        .success());
    let alone = env.run(&["verify", arg(&png)], false);
    assert_eq!(
        alone.status.code(),
        Some(1),
        "the revocation list is only online"
    );
    assert!(
        text(&alone.stdout).contains("verdict\tundetermined"),
        "{}",
        text(&alone.stdout)
    );
    let published = [
        "verify",
        arg(&png),
        "--issuer-keys",
        arg(&keys),
        "--status-list",
        arg(&list),
    ];
    let third = env.run(&published, false);
    assert_eq!(third.status.code(), Some(0), "{}", text(&third.stdout));
    for check in [
        "proof\tpassed",
        "key\tpassed",
        "schema\tpassed",
        "dates\tpassed",
        "revocation\tpassed",
    ] {
        assert!(
            text(&third.stdout).contains(check),
            "{check}: {}",
            text(&third.stdout)
        );
    }

    // Revoked: the next published list says so.
    let mut ws = guildbook_core::Workspace::open(&env.ws).unwrap();
    ws.revoke_award(&award, "Issued by mistake.", "Hana Okafor")
        .unwrap();
    std::fs::remove_file(&list).unwrap();
    assert!(env
        .run(&["issuer", "status-list", "-o", arg(&list)], true)
        .status
        .success());
    let revoked = env.run(&published, false);
    assert_eq!(revoked.status.code(), Some(1));
    assert!(
        text(&revoked.stdout).contains("revocation\tfailed"),
        "{}",
        text(&revoked.stdout)
    );
    let again = env.run(
        &[
            "award",
            "export",
            &award,
            "--format",
            "json",
            "-o",
            arg(&env.path("x.json")),
        ],
        true,
    );
    assert!(!again.status.success() && text(&again.stderr).contains("revoked"));
}

#[test]
fn a_tampered_or_strange_file_gets_a_verdict_not_a_crash() {
    let env = Env::demo();
    let award = env.award_of("Elif Demir");
    let json = env.path("elif.json");
    let out = env.run(
        &[
            "award",
            "export",
            &award,
            "--format",
            "json",
            "-o",
            arg(&json),
        ],
        true,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let forged = env.path("forged.json");
    let body = std::fs::read_to_string(&json)
        .unwrap()
        .replacen("Elif Demir", "Eve Mallory", 1);
    std::fs::write(&forged, body).unwrap();
    let checked = env.run(&["verify", arg(&forged)], true);
    assert_eq!(checked.status.code(), Some(1));
    assert!(
        text(&checked.stdout).contains("proof\tfailed"),
        "{}",
        text(&checked.stdout)
    );

    let noise = env.path("noise.png");
    std::fs::write(&noise, b"\x89PNG\r\n\x1a\nnot a png at all").unwrap();
    let strange = env.run(&["verify", arg(&noise)], false);
    assert_eq!(strange.status.code(), Some(1));
    assert!(
        text(&strange.stdout).contains("verdict\tinvalid"),
        "{}",
        text(&strange.stdout)
    );
    let missing = env.run(&["verify", arg(&env.path("nowhere.json"))], false);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn a_key_reported_compromised_fails_what_it_signed_for_a_third_party_with_the_new_keys() {
    let env = Env::demo();
    let award = env.award_of("Lena Novak");
    let badge = env.path("lena.jwt");
    let export = [
        "award",
        "export",
        &award,
        "--format",
        "jwt",
        "-o",
        arg(&badge),
    ];
    assert!(env.run(&export, true).status.success());
    let list = text(&env.run(&["issuer", "key-list"], true).stdout);
    let current = list
        .lines()
        .find(|l| l.contains("\tcurrent\t"))
        .unwrap_or_else(|| panic!("a current key: {list}"))
        .split('\t')
        .next()
        .unwrap()
        .to_owned();

    let future = env.run(
        &[
            "issuer",
            "key-compromised",
            &current,
            "--since",
            "2999-01-01",
        ],
        true,
    );
    assert!(!future.status.success());
    assert!(
        text(&future.stderr).contains("in the future"),
        "{}",
        text(&future.stderr)
    );

    let today = guildbook_core::dates::format(guildbook_core::dates::today_here());
    let reported = env.run(
        &["issuer", "key-compromised", &current, "--since", &today],
        true,
    );
    assert!(reported.status.success(), "{}", text(&reported.stderr));
    let after = text(&reported.stdout);
    assert!(
        after.contains(&format!("{current}\tcompromised since {today}")),
        "{after}"
    );
    assert!(
        after.lines().any(|l| l.contains("\tcurrent\t")),
        "a new key took over: {after}"
    );

    let keys = env.path("jwks.json");
    assert!(env
        .run(&["issuer", "keys", "-o", arg(&keys)], true)
        .status
        .success());
    let third = env.run(&["verify", arg(&badge), "--issuer-keys", arg(&keys)], false);
    assert_eq!(third.status.code(), Some(1), "{}", text(&third.stdout));
    let report = text(&third.stdout);
    assert!(report.contains("proof\tfailed"), "{report}");
    assert!(report.contains("reported compromised"), "{report}");
}
