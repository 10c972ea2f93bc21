//! `guildbook bench match`: matching a need over 10,000 people, 30,000 engagements and N awards
//! — the demo's payments work (gated, so clearance decides) and the same need without its area
//! (so every filter and the ranking run for thousands of people).

use std::io::Write;

use guildbook_core::roster::RateUnit;
use guildbook_core::staffing::MatchQuery;
use guildbook_core::{dates, CoreError};

use super::timing::{summary, timed};
use crate::print;

pub fn run(awards: usize, loads: usize, out: &mut dyn Write) -> Result<(), CoreError> {
    let (_dir, ws, _, _) = super::badges::seeded(awards, out)?;
    let role = ws.find_role("Backend engineer")?;
    let ladder = ws.published_ladder(&role.id)?;
    let area = ws.work_area("Payments integration")?;
    let today = dates::today();
    let day = |d: i64| dates::format(today + time::Duration::days(d));
    let gated = MatchQuery {
        role_id: role.id.clone(),
        min_level_key: ladder.content.levels[0].key.clone(),
        work_area_id: Some(area.id),
        credential_ids: vec![],
        start_on: day(14),
        end_on: day(104),
        hours_per_week: 16,
        rate_ceiling_minor: Some(9000),
        currency: "EUR".into(),
        rate_unit: RateUnit::Hour,
        location: "Lisbon".into(),
        need_id: None,
    };
    let open = MatchQuery {
        work_area_id: None,
        ..gated.clone()
    };
    for (what, q) in [
        ("payments work (gated)", &gated),
        ("the same need, no work area", &open),
    ] {
        let mut times = Vec::new();
        let mut found = (0, 0);
        for _ in 0..loads {
            let (t, r) = timed(|| ws.match_candidates(q))?;
            times.push(t);
            found = (r.candidates.len(), r.filtered_out.len());
        }
        print(
            out,
            format!(
                "match, {what}: {} candidates, {} filtered out: {}",
                found.0,
                found.1,
                summary(times)
            ),
        )?;
    }
    Ok(())
}
