//! Staffing: every hard filter with its reason at its boundary (the need's first and last day, an
//! expiry on the last day, a revocation, hours partly taken), the ranking with its reasons and a
//! stable order, the preferred pool, and offers (sent, declined with a reason and kept, accepted
//! into an engagement).

use guildbook_core::credentials::clearance::AreaRule;
use guildbook_core::credentials::WorkAreaInput;
use guildbook_core::credentials::{BadgeDesign, BadgeImage, BadgeShape, CredentialInput, NewAward};
use guildbook_core::ladder::templates::Template;
use guildbook_core::ladder::Ladder;
use guildbook_core::roster::{
    ContractorStatus, EngagementInput, EngagementOutcome, Money, PayBand, RateUnit,
};
use guildbook_core::staffing::{MatchQuery, NeedInput, NeedStatus, OfferInput, OfferStatus};
use guildbook_core::{dates, ErrorCode, Workspace};
use time::Duration;

struct Fixture {
    _dir: tempfile::TempDir,
    ws: Workspace,
    ladder: Ladder,
    payments: String,
    area: String,
}

fn day(offset: i64) -> String {
    dates::format(dates::today() + Duration::days(offset))
}

fn fixture() -> Fixture {
    let (dir, mut ws) = crate::common::workspace();
    let ladder = crate::common::role(&mut ws, "Backend engineer", Some(Template::Technical));
    let ladder = ws.publish_ladder(&ladder.role.id).unwrap();
    let payments = ws
        .create_credential(&CredentialInput {
            name: "Payments integration".into(),
            description: "Trusted with code that moves clients' money.".into(),
            image: BadgeImage::Design(BadgeDesign {
                shape: BadgeShape::Shield,
                background: "#24645a".into(),
                foreground: "#ffffff".into(),
                initials: "PI".into(),
            }),
            role_id: Some(ladder.role.id.clone()),
            level_key: Some(ladder.content.levels[1].key.clone()),
            domain_keys: vec![],
            require_evidence: false,
            narrative: String::new(),
            validity_months: Some(12),
            prerequisites: vec![],
        })
        .unwrap()
        .id;
    let area = ws
        .save_work_area(
            None,
            &WorkAreaInput {
                name: "Payments paths".into(),
                description: String::new(),
                rule: AreaRule::All,
                credential_ids: vec![payments.clone()],
            },
        )
        .unwrap()
        .id;
    Fixture {
        _dir: dir,
        ws,
        ladder,
        payments,
        area,
    }
}

impl Fixture {
    /// A person at level `level` of the ladder since a year ago.
    fn person(&mut self, name: &str, level: usize) -> String {
        let id = crate::common::person(&mut self.ws, name);
        let key = self.ladder.content.levels[level].key.clone();
        self.ws
            .set_contractor_level(&id, &self.ladder.role.id, &key, &day(-365), "Joined")
            .unwrap();
        id
    }

    /// The payments credential, awarded `days_ago` days ago (valid 12 months).
    fn award(&mut self, who: &str, days_ago: i64) -> guildbook_core::credentials::Award {
        self.ws
            .award_credential(&NewAward {
                credential_id: self.payments.clone(),
                contractor_id: who.into(),
                assessment_id: None,
                reason: "Paired on two payment releases.".into(),
                awarded_by: "Hana Okafor".into(),
                issued_on: Some(day(-days_ago)),
                renews_id: None,
            })
            .unwrap()
    }

    fn engage(
        &mut self,
        who: &str,
        from: i64,
        to: Option<i64>,
        hours: u32,
        outcome: EngagementOutcome,
    ) {
        self.ws
            .add_engagement(
                who,
                &EngagementInput {
                    role_id: Some(self.ladder.role.id.clone()),
                    client: "Atlas Freight".into(),
                    project: String::new(),
                    start_on: day(from),
                    end_on: to.map(day),
                    renewal_window_days: 30,
                    rate: Money {
                        minor: 6000,
                        currency: "EUR".into(),
                    },
                    rate_unit: RateUnit::Hour,
                    hours_per_week: Some(hours),
                    outcome,
                },
            )
            .unwrap();
    }

    /// Payments work at level 1 or above, from `from` to `to` days from today, `hours` a week.
    fn query(&self, from: i64, to: i64, hours: u32) -> MatchQuery {
        MatchQuery {
            role_id: self.ladder.role.id.clone(),
            min_level_key: self.ladder.content.levels[1].key.clone(),
            work_area_id: Some(self.area.clone()),
            credential_ids: vec![],
            start_on: day(from),
            end_on: day(to),
            hours_per_week: hours,
            rate_ceiling_minor: None,
            currency: "EUR".into(),
            rate_unit: RateUnit::Hour,
            location: String::new(),
            need_id: None,
        }
    }

    fn need(&mut self, from: i64, to: i64, hours: u32) -> String {
        let q = self.query(from, to, hours);
        self.ws
            .add_need(&NeedInput {
                title: "Card refunds API".into(),
                role_id: q.role_id,
                min_level_key: q.min_level_key,
                work_area_id: q.work_area_id,
                credential_ids: vec![],
                start_on: q.start_on,
                end_on: q.end_on,
                hours_per_week: hours,
                rate_ceiling_minor: Some(9000),
                currency: "EUR".into(),
                rate_unit: RateUnit::Hour,
                location: String::new(),
                client: "Harbour Bank".into(),
                note: String::new(),
            })
            .unwrap()
            .id
    }
}

/// The names of the candidates, best first, and each filtered person's reasons by name.
fn outcome(f: &Fixture, q: &MatchQuery) -> (Vec<String>, Vec<(String, String)>) {
    let r = f.ws.match_candidates(q).unwrap();
    (
        r.candidates.iter().map(|c| c.name.clone()).collect(),
        r.filtered_out
            .iter()
            .map(|o| (o.name.clone(), o.why.join(" | ")))
            .collect(),
    )
}

fn why<'a>(out: &'a [(String, String)], name: &str) -> &'a str {
    &out.iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} is not filtered out: {out:?}"))
        .1
}

#[test]
fn every_filter_says_why_at_its_boundary() {
    let mut f = fixture();
    let ana = f.person("Ana Sousa", 1);
    f.award(&ana, 30);
    // Valid until a year after it was issued: 20 days from today.
    let ben = f.person("Ben Okoro", 2);
    let ben_award = f.award(&ben, 345);
    let cy = f.person("Cy Tanaka", 1);
    f.award(&cy, 10);
    let dee = f.person("Dee Marsh", 1);
    let revoked = f.award(&dee, 40);
    f.ws.revoke_award(&revoked.id, "Samples were not her own.", "Hana Okafor")
        .unwrap();
    let eve = f.person("Eve Lund", 0);
    f.award(&eve, 30);
    let fay = f.person("Fay Ortiz", 1);
    f.award(&fay, 30);
    f.engage(&fay, -30, Some(60), 30, EngagementOutcome::Open);
    let gus = f.person("Gus Reyes", 1);
    f.award(&gus, 30);
    f.ws.set_contractor_status(&gus, ContractorStatus::Archived)
        .unwrap();
    let hal = f.person("Hal Berg", 1);
    f.award(&hal, 30);
    // Ends the day before the need starts: no overlap.
    f.engage(&hal, -60, Some(9), 40, EngagementOutcome::Ended);
    let _ivo = f.person("Ivo Petrov", 1);

    let (names, out) = outcome(&f, &f.query(10, 100, 20));
    assert_eq!(names.len(), 3, "{names:?} {out:?}");
    for n in ["Ana Sousa", "Cy Tanaka", "Hal Berg"] {
        assert!(names.contains(&n.to_string()), "{n} in {names:?}");
    }
    let expires = dates::long(ben_award.expires_on.as_deref().unwrap());
    assert!(
        why(&out, "Ben Okoro").contains(&format!(
            "Payments integration expires on {expires}, before the need ends on {}",
            dates::long(&day(100))
        )),
        "{out:?}"
    );
    assert!(why(&out, "Dee Marsh").contains("Payments integration was revoked on"));
    assert!(why(&out, "Eve Lund").contains("below the minimum"));
    assert!(
        why(&out, "Fay Ortiz").contains("30 h/week with Atlas Freight until")
            && why(&out, "Fay Ortiz").contains("10 h/week left, the need asks 20"),
        "{out:?}"
    );
    assert_eq!(why(&out, "Gus Reyes"), "Archived");
    assert!(why(&out, "Ivo Petrov").contains("Payments integration not held"));

    // Partial availability: ten hours fit beside Fay's thirty.
    let (names, _) = outcome(&f, &f.query(10, 100, 10));
    assert!(names.contains(&"Fay Ortiz".to_string()));
    let r = f.ws.match_candidates(&f.query(10, 100, 10)).unwrap();
    let fay_row = r
        .candidates
        .iter()
        .find(|c| c.contractor_id == fay)
        .unwrap();
    assert_eq!(fay_row.hours_left, 10);
    assert!(
        fay_row.reasons[0].contains("10 h/week left"),
        "{:?}",
        fay_row.reasons
    );

    // Hal's engagement ending on the need's first day overlaps it.
    let (names, out) = outcome(&f, &f.query(9, 100, 20));
    assert!(!names.contains(&"Hal Berg".to_string()));
    assert!(why(&out, "Hal Berg").contains("0 h/week left"));

    // Expiry on the need's last day: not valid that day. A day earlier: cleared.
    let ben_expiry = dates::parse("", ben_award.expires_on.as_deref().unwrap()).unwrap();
    let to = (ben_expiry - dates::today()).whole_days();
    let (names, _) = outcome(&f, &f.query(1, to, 20));
    assert!(!names.contains(&"Ben Okoro".to_string()));
    let (names, _) = outcome(&f, &f.query(1, to - 1, 20));
    assert!(names.contains(&"Ben Okoro".to_string()));

    // An award issued after the need starts doesn't clear its first days.
    let (_, out) = outcome(&f, &f.query(-20, 60, 20));
    assert!(why(&out, "Cy Tanaka").contains("only from"), "{out:?}");
}

#[test]
fn the_rate_ceiling_filters_by_the_level_s_band() {
    let mut f = fixture();
    let ana = f.person("Ana Sousa", 1);
    f.award(&ana, 30);
    let ben = f.person("Ben Okoro", 2);
    f.award(&ben, 30);
    for (level, min) in [(1, 6000), (2, 9500)] {
        f.ws.set_pay_band(&PayBand {
            role_id: f.ladder.role.id.clone(),
            level_key: f.ladder.content.levels[level].key.clone(),
            min: Money {
                minor: min,
                currency: "EUR".into(),
            },
            max_minor: min + 3000,
            rate_unit: RateUnit::Hour,
        })
        .unwrap();
    }
    let mut q = f.query(10, 100, 20);
    q.rate_ceiling_minor = Some(9000);
    let (names, out) = outcome(&f, &q);
    assert_eq!(names, vec!["Ana Sousa"]);
    assert!(
        why(&out, "Ben Okoro")
            .contains("pay band starts at EUR 95.00/hour, above the ceiling 90.00"),
        "{out:?}"
    );
    // Another currency has no band to compare: no one is filtered for it.
    q.currency = "USD".into();
    assert_eq!(outcome(&f, &q).0.len(), 2);
}

#[test]
fn the_ranking_says_why_and_keeps_its_order() {
    let mut f = fixture();
    let senior = f.person("Zoe Senior", 2);
    f.award(&senior, 30);
    f.engage(&senior, -400, Some(-200), 30, EngagementOutcome::Renewed);
    f.engage(&senior, -199, Some(-10), 30, EngagementOutcome::Ended);
    for name in ["Mo Twin", "Al Twin"] {
        let id = f.person(name, 1);
        f.award(&id, 30);
    }
    let r = f.ws.match_candidates(&f.query(10, 100, 20)).unwrap();
    let names: Vec<&str> = r.candidates.iter().map(|c| c.name.as_str()).collect();
    // The senior ranks first; equal scores sort by name, every time.
    assert_eq!(names, vec!["Zoe Senior", "Al Twin", "Mo Twin"]);
    let top = &r.candidates[0];
    assert!(top.in_pool, "one renewal meets the default pool rule");
    let reasons = top.reasons.join(" | ");
    for expected in [
        "Free over the need's dates",
        "In the preferred pool",
        "one level above the minimum",
        "2 earlier engagements, 1 renewed",
    ] {
        assert!(reasons.contains(expected), "{expected:?} in {reasons}");
    }
    assert!(top.score > r.candidates[1].score);
    assert_eq!(r.candidates[1].score, r.candidates[2].score);
    for _ in 0..3 {
        assert_eq!(f.ws.match_candidates(&f.query(10, 100, 20)).unwrap(), r);
    }
    // A pool rule that asks for two renewals leaves the senior out of the pool.
    f.ws.set_pool_rule(&guildbook_core::staffing::PoolRuleInput {
        credential_id: None,
        min_renewals: 2,
        min_on_time_percent: None,
    })
    .unwrap();
    let r = f.ws.match_candidates(&f.query(10, 100, 20)).unwrap();
    assert!(!r.candidates[0].in_pool);
    assert!(f.ws.pool_members(None).unwrap().is_empty());
}

#[test]
fn offers_are_answered_once_and_acceptance_makes_the_engagement() {
    let mut f = fixture();
    let ana = f.person("Ana Sousa", 1);
    f.award(&ana, 30);
    let cy = f.person("Cy Tanaka", 1);
    f.award(&cy, 30);
    let ivo = f.person("Ivo Petrov", 1);
    let need = f.need(10, 100, 20);
    let offer = |who: &str, rate| OfferInput {
        need_id: need.clone(),
        contractor_id: who.into(),
        rate_minor: rate,
        note: String::new(),
        sent_by: "Hana Okafor".into(),
    };

    let err = f.ws.send_offer(&offer(&ivo, 8000)).unwrap_err();
    assert!(
        err.to_string().contains("Ivo Petrov can't take this work"),
        "{err}"
    );
    let err = f.ws.send_offer(&offer(&ana, 9500)).unwrap_err();
    assert!(
        err.to_string().contains("above the need's ceiling"),
        "{err}"
    );

    let to_cy = f.ws.send_offer(&offer(&cy, 8000)).unwrap();
    assert_eq!(to_cy.status, OfferStatus::Sent);
    let err = f.ws.send_offer(&offer(&cy, 8000)).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Duplicate);
    let err = f.ws.decline_offer(&to_cy.id, "  ").unwrap_err();
    assert!(err.to_string().contains("Say why"), "{err}");
    let declined =
        f.ws.decline_offer(&to_cy.id, "Taking a month off to finish a course.")
            .unwrap();
    assert_eq!(declined.status, OfferStatus::Declined);
    assert!(f.ws.withdraw_offer(&to_cy.id).is_err());
    // The database keeps the answer even against a direct write.
    assert!(f
        .ws
        .conn()
        .execute("DELETE FROM offer WHERE id = ?1", [&to_cy.id])
        .is_err());
    assert!(f
        .ws
        .conn()
        .execute(
            "UPDATE offer SET decline_reason = 'x' WHERE id = ?1",
            [&to_cy.id]
        )
        .is_err());

    let to_ana = f.ws.send_offer(&offer(&ana, 8500)).unwrap();
    let again_cy = f.ws.send_offer(&offer(&cy, 8000)).unwrap();
    let (accepted, engagement) = f.ws.accept_offer(&to_ana.id).unwrap();
    assert_eq!(accepted.status, OfferStatus::Accepted);
    assert_eq!(
        accepted.engagement_id.as_deref(),
        Some(engagement.id.as_str())
    );
    assert_eq!(engagement.input.client, "Harbour Bank");
    assert_eq!(engagement.input.start_on, day(10));
    assert_eq!(engagement.input.end_on.as_deref(), Some(day(100).as_str()));
    assert_eq!(engagement.input.rate.minor, 8500);
    assert_eq!(engagement.input.hours_per_week, Some(20));
    let profile = f.ws.profile(&ana).unwrap();
    assert!(profile.engagements.iter().any(|e| e.id == engagement.id));
    assert_eq!(f.ws.need(&need).unwrap().status, NeedStatus::Filled);
    assert_eq!(
        f.ws.offer(&again_cy.id).unwrap().status,
        OfferStatus::Withdrawn
    );
    assert!(f.ws.accept_offer(&to_ana.id).is_err());
    // Both of Cy's offers stay on record: the decline and the withdrawal.
    let cys: Vec<OfferStatus> =
        f.ws.contractor_offers(&cy)
            .unwrap()
            .iter()
            .map(|o| o.status)
            .collect();
    assert_eq!(cys.len(), 2);
    assert!(cys.contains(&OfferStatus::Declined) && cys.contains(&OfferStatus::Withdrawn));
    // Ana is now busy over those dates: a second need for the same time can't have her.
    let (names, out) = outcome(&f, &f.query(10, 100, 30));
    assert!(!names.contains(&"Ana Sousa".to_string()));
    assert!(why(&out, "Ana Sousa").contains("20 h/week with Harbour Bank"));
}

#[test]
fn needs_refuse_bad_input_by_name() {
    let mut f = fixture();
    let q = f.query(10, 100, 20);
    let input = |start: &str, end: &str, hours: u32, level: &str| NeedInput {
        title: "Refunds".into(),
        role_id: q.role_id.clone(),
        min_level_key: level.into(),
        work_area_id: None,
        credential_ids: vec![],
        start_on: start.into(),
        end_on: end.into(),
        hours_per_week: hours,
        rate_ceiling_minor: None,
        currency: "EUR".into(),
        rate_unit: RateUnit::Hour,
        location: String::new(),
        client: String::new(),
        note: String::new(),
    };
    let level = q.min_level_key.clone();
    for (bad, says) in [
        (
            input("2027-03-01", "2027-02-01", 20, &level),
            "ends (2027-02-01) before it starts",
        ),
        (
            input("2027-02-30", "2027-03-01", 20, &level),
            "must be a date",
        ),
        (
            input("2027-02-01", "2027-03-01", 0, &level),
            "between 1 and 168",
        ),
        (
            input("2027-02-01", "2027-03-01", 20, "nope"),
            "no level with the key 'nope'",
        ),
    ] {
        let err = f.ws.add_need(&bad).unwrap_err().to_string();
        assert!(err.contains(says), "{err}");
    }
    assert!(f.ws.needs().unwrap().is_empty());
    let need =
        f.ws.add_need(&input("2027-02-01", "2027-03-01", 20, &level))
            .unwrap();
    let closed = f.ws.set_need_status(&need.id, NeedStatus::Closed).unwrap();
    assert_eq!(closed.status, NeedStatus::Closed);
}
