mod common;
use guildbook_badges::*;
#[test]
fn explore() {
    let v = Verifier::new().unwrap();
    let dir = common::conformance().join("openbadges-3.0/validator-samples");
    let exp = common::read_json("openbadges-3.0/validator-samples/EXPECTATIONS.json");
    for (name, e) in exp.as_object().unwrap() {
        if name.starts_with('_') { continue; }
        let r = v.verify_file(&dir.join(name), &common::options(common::NOW));
        println!("\n=== {name}: upstream={} offline={} -> {:?} ({})", e["upstream"], e["offline_signature_check"], r.verdict, r.format);
        for c in &r.checks { if c.outcome != Outcome::Passed || std::env::var("ALL").is_ok() { println!("   {} {:?}: {}", c.name, c.outcome, c.detail.chars().take(300).collect::<String>()); } }
    }
}
