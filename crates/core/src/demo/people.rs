//! The demo roster: 25 invented contractors with levels, engagements (some ending soon, some
//! renewed, some over) and pay bands, dated relative to today so the demo never goes stale.

use time::Duration;

use crate::dates;
use crate::error::Result;
use crate::ladder::Ladder;
use crate::roster::{
    ContractorInput, ContractorStatus, EngagementInput, EngagementOutcome, Money, PayBand, RateUnit,
};
use crate::workspace::Workspace;

const PEOPLE: [(&str, &str, &str); 25] = [
    ("Amara Okafor", "Lagos", "api;payments"),
    ("Bjørn Halvorsen", "Oslo", "infrastructure"),
    ("Carmen Ruiz", "Valencia", "payments;mentor"),
    ("Dev Patel", "Leicester", "data"),
    ("Elif Demir", "Izmir", "api"),
    ("Farah Haddad", "Amman", "search"),
    ("Gustavo Lima", "Recife", "mobile-backend"),
    ("Hannah Weiss", "Leipzig", "payments"),
    ("Ikaika Kahale", "Hilo", "infrastructure;on-call"),
    ("Jun Watanabe", "Sapporo", "api;mentor"),
    ("Kofi Mensah", "Kumasi", "data"),
    ("Lena Novak", "Ljubljana", "brand;illustration"),
    ("Mateo Rossi", "Turin", "product;prototyping"),
    ("Nadia Rahman", "Sylhet", "research"),
    ("Oona Virtanen", "Tampere", "brand"),
    ("Priya Nair", "Kochi", "product;accessibility"),
    ("Quinn Harper", "Galway", "motion"),
    ("Rosa Mendes", "Porto", "product"),
    ("Sven Lindqvist", "Umeå", "illustration"),
    ("Tomás Ibarra", "Rosario", "research;workshops"),
    ("Uma Krishnan", "Mysuru", "planning"),
    ("Victor Dubois", "Nantes", "planning;finance"),
    ("Wen Li", "Chengdu", "client-comms"),
    ("Ximena Castro", "Cusco", "planning"),
    ("Yusuf Kaya", "Bursa", "client-comms"),
];

const CLIENTS: [(&str, &str); 6] = [
    ("Harbour Bank", "Card payments API"),
    ("Greenleaf Grocers", "Loyalty app"),
    ("Atlas Freight", "Tracking platform"),
    ("Northstar Health", "Patient portal"),
    ("Kestrel Games", "Store redesign"),
    ("Bluebell Energy", "Billing migration"),
];

/// Per role: hourly bands (EUR, minor units) for each level in ladder order.
fn bands(ws: &mut Workspace, ladder: &Ladder, per_level: &[(i64, i64)]) -> Result<()> {
    for (level, (min, max)) in ladder.content.levels.iter().zip(per_level) {
        ws.set_pay_band(&PayBand {
            role_id: ladder.role.id.clone(),
            level_key: level.key.clone(),
            min: Money {
                minor: *min,
                currency: "EUR".into(),
            },
            max_minor: *max,
            rate_unit: RateUnit::Hour,
        })?;
    }
    Ok(())
}

/// Adds the people to the three demo roles: the first ten backend, the next ten design, the rest
/// delivery. Levels, dates and rates vary with the person's place in the list.
pub fn fill(ws: &mut Workspace, roles: [&Ladder; 3]) -> Result<()> {
    bands(ws, roles[0], &[(4500, 6500), (6000, 9000), (8500, 12000)])?;
    bands(ws, roles[1], &[(4000, 6000), (5500, 8500), (8000, 11500)])?;
    bands(ws, roles[2], &[(5000, 7500), (7000, 10000)])?;
    let today = dates::today();
    let day = |offset: i64| dates::format(today + Duration::days(offset));
    for (i, (name, city, tags)) in PEOPLE.iter().enumerate() {
        let i64i = i as i64;
        let ladder = roles[(i / 10).min(2)];
        let levels = &ladder.content.levels;
        let status = if i == 6 {
            ContractorStatus::Inactive
        } else {
            ContractorStatus::Active
        };
        let first = name.split(' ').next().unwrap_or(name).to_lowercase();
        let p = ws.add_contractor(&ContractorInput {
            name: name.to_string(),
            email: format!("{}@example.net", first.replace(['ø', 'á', 'é'], "o")),
            phone: String::new(),
            location: city.to_string(),
            status: Some(status),
            tags: tags.split(';').map(str::to_string).collect(),
            notes: String::new(),
        })?;
        // Everyone starts at the first level; some have moved up since.
        let start = -400 - 37 * i64i;
        ws.set_contractor_level(
            &p.id,
            &ladder.role.id,
            &levels[0].key,
            &day(start),
            "Joined the program",
        )?;
        let steps = (i % 3).min(levels.len() - 1);
        for (step, level) in levels.iter().enumerate().take(steps + 1).skip(1) {
            let on = day(start + 180 * step as i64);
            ws.set_contractor_level(
                &p.id,
                &ladder.role.id,
                &level.key,
                &on,
                "Passed a level review",
            )?;
        }
        // A finished first contract, then a current one; a few end within the next weeks.
        let (client, project) = CLIENTS[i % CLIENTS.len()];
        let rate = 5000 + 400 * (i64i % 9) + 1500 * steps as i64;
        let engagement =
            |start_on: String, end_on: Option<String>, outcome, rate| EngagementInput {
                role_id: Some(ladder.role.id.clone()),
                client: client.into(),
                project: project.into(),
                start_on,
                end_on,
                renewal_window_days: 30,
                rate: Money {
                    minor: rate,
                    currency: "EUR".into(),
                },
                rate_unit: RateUnit::Hour,
                hours_per_week: Some(24 + 4 * (i as u32 % 5)),
                outcome,
            };
        let first_end = start + 170;
        let renewed = if i % 4 == 0 {
            EngagementOutcome::Ended
        } else {
            EngagementOutcome::Renewed
        };
        ws.add_engagement(
            &p.id,
            &engagement(day(start), Some(day(first_end)), renewed, rate - 600),
        )?;
        if renewed == EngagementOutcome::Renewed && status == ContractorStatus::Active {
            let ends_in = [12, 25, 40, 75, 120, -5][i % 6];
            ws.add_engagement(
                &p.id,
                &engagement(
                    day(-90 - 3 * i64i),
                    Some(day(ends_in)),
                    EngagementOutcome::Open,
                    rate,
                ),
            )?;
        }
    }
    Ok(())
}
