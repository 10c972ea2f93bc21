//! Pilots: verdicts only where the intervals allow them, and the demo's pilot with its honest
//! effect and printed report.

use guildbook_core::insights::kpi::KpiId;

#[test]
fn the_demo_pilot_shows_an_honest_effect_and_prints_its_report() {
    use guildbook_core::documents::{Fonts, Paper};
    use guildbook_core::insights::pilot::Verdict;
    use guildbook_pdf::testing as check;
    let dir = tempfile::tempdir().unwrap();
    let ws = guildbook_core::demo::create(&dir.path().join("ws")).unwrap();
    let review = ws.pilot_review("Backend onboarding pilot", None).unwrap();
    let kpi = |id| review.kpis.iter().find(|k| k.kpi == id).unwrap();
    // Ramp: about eight weeks before, about five during, and the intervals say so.
    let ramp = kpi(KpiId::RampTime);
    let (before, after) = (ramp.baseline.value.unwrap(), ramp.day180.value.unwrap());
    assert!(
        (45.0..=62.0).contains(&before) && (28.0..=42.0).contains(&after),
        "{before} → {after}"
    );
    assert_eq!(ramp.verdict180, Verdict::Improved);
    let fq = kpi(KpiId::FirstQuarterSuccess);
    assert!(fq.baseline.value.unwrap() < 0.7 && fq.day180.value.unwrap() > 0.8);
    assert_eq!(kpi(KpiId::GatedIncidents).verdict180, Verdict::Improved);
    // Repeat engagements: too few ended to claim anything.
    assert_ne!(
        kpi(KpiId::RepeatEngagementRate).verdict180,
        Verdict::Improved
    );
    assert!(review.roi.cost_minor > 0 && review.roi.roi.is_some());
    assert_eq!(review.roi.sensitivity.len(), 3);

    let pdf = ws
        .pilot_report_pdf(
            &Fonts::load().unwrap(),
            "backend onboarding pilot",
            Paper::A4,
            None,
        )
        .unwrap();
    let path = check::write(dir.path(), "pilot.pdf", &pdf);
    check::qpdf_check(&path);
    let text = check::text_of(&path);
    for expected in [
        "Backend onboarding pilot",
        "Ramp time",
        "First-quarter delivery success",
        "Improved",
        "Return on the program",
        "Sourcing cost per hire",
        "Wilson",
    ] {
        assert!(text.contains(expected), "{expected} is in the report");
    }
    assert!(
        check::page_count(&path) >= 3,
        "{} pages",
        check::page_count(&path)
    );
}

#[test]
fn a_change_is_called_only_when_the_intervals_allow_it() {
    use guildbook_core::insights::kpi::Figure;
    use guildbook_core::insights::pilot::{verdict, Verdict};
    let rate = |k: f64, n: f64| Figure {
        value: Some(k / n),
        numerator: k,
        denominator: n,
        n: n as u32,
        people: 10,
        ..Figure::default()
    };
    let fq = KpiId::FirstQuarterSuccess; // higher is better
    assert_eq!(
        verdict(fq, &rate(2.0, 10.0), &rate(8.0, 10.0)),
        Verdict::Improved
    );
    assert_eq!(
        verdict(fq, &rate(8.0, 10.0), &rate(2.0, 10.0)),
        Verdict::Worse
    );
    assert_eq!(
        verdict(fq, &rate(5.0, 10.0), &rate(7.0, 10.0)),
        Verdict::NoClearChange
    );
    let defects = KpiId::PostReleaseDefectRate; // lower is better
    assert_eq!(
        verdict(defects, &rate(30.0, 100.0), &rate(10.0, 100.0)),
        Verdict::Improved
    );
    let days = |v: f64, low: f64, high: f64| Figure {
        value: Some(v),
        low: Some(low),
        high: Some(high),
        n: 12,
        people: 12,
        ..Figure::default()
    };
    let ramp = KpiId::RampTime; // lower is better
    assert_eq!(
        verdict(ramp, &days(56.0, 50.0, 60.0), &days(35.0, 30.0, 42.0)),
        Verdict::Improved
    );
    assert_eq!(
        verdict(ramp, &days(56.0, 44.0, 60.0), &days(40.0, 30.0, 45.0)),
        Verdict::NoClearChange
    );
    let few = Figure {
        low: None,
        high: None,
        ..days(40.0, 0.0, 0.0)
    };
    assert_eq!(
        verdict(ramp, &days(56.0, 50.0, 60.0), &few),
        Verdict::TooFew
    );
    let hidden = Figure {
        hidden: true,
        value: None,
        ..Figure::default()
    };
    assert_eq!(verdict(fq, &hidden, &rate(8.0, 10.0)), Verdict::TooFew);
    assert_eq!(
        verdict(KpiId::ReworkRate, &rate(5.0, 100.0), &rate(1.0, 100.0)),
        Verdict::NoInterval
    );
}
