//! Clearance as a deploy pipeline uses it: exit 0 when cleared, 1 with the reason when not.

use crate::common::{demo, guildbook, stderr, stdout};

#[test]
fn clearance_check_exits_0_when_cleared_and_1_with_the_reason_when_not() {
    let (_dir, ws) = demo();
    let awards = stdout(&guildbook(&ws, &["award", "list"]));
    let statuses: Vec<&str> = awards
        .lines()
        .map(|l| l.split('\t').nth(3).unwrap())
        .collect();
    for s in ["active", "expiring", "expired", "revoked"] {
        assert!(statuses.contains(&s), "{s} in {awards}");
    }
    let id_of = |name: &str| {
        let list = stdout(&guildbook(&ws, &["contractor", "search", name]));
        list.split('\t').next().unwrap().to_string()
    };
    let check = |who: &str| {
        guildbook(
            &ws,
            &[
                "clearance",
                "check",
                "--area",
                "payments integration",
                "--contractor",
                &id_of(who),
            ],
        )
    };
    let elif = check("Elif Demir");
    assert_eq!(elif.status.code(), Some(0), "{}", stderr(&elif));
    assert!(stdout(&elif).contains("Elif Demir is cleared for Payments integration"));
    let hannah = check("Hannah Weiss");
    assert_eq!(hannah.status.code(), Some(1));
    assert!(
        stderr(&hannah).contains("revoked on")
            && stderr(&hannah).contains("copied from a public project"),
        "{}",
        stderr(&hannah)
    );
    let list = stdout(&guildbook(
        &ws,
        &["clearance", "list", "--area", "Payments integration"],
    ));
    let names: Vec<&str> = list
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(names, ["Carmen Ruiz", "Elif Demir"]);
    let unknown = guildbook(&ws, &["clearance", "list", "--area", "Moon base"]);
    assert!(!unknown.status.success() && stderr(&unknown).contains("No work area"));
}
