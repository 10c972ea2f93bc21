//! Who can take a need's work, now. Hard filters first — status, level, clearance for the work
//! area through the need's dates, required credentials, hours left beside other engagements, the
//! pay band against the ceiling — each failure said in words; then a ranking of the rest, with
//! every point of it said in words too. A few set-wise queries, not one per person, for everyone
//! in the role; the per-person ranking facts only for those who pass.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::clean_window;
use super::offers::OfferStatus;
use super::pool::id_set;
use super::ranking::{rank_all, Passed, Scope};
use crate::credentials::clearance::AreaRule;
use crate::dates;
use crate::error::{CoreError, Result};
use crate::roster::{amount, RateUnit};
use crate::workspace::Workspace;

/// A full working week: what one person can give across all their engagements.
pub const FULL_WEEK_HOURS: u32 = 40;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchQuery {
    pub role_id: String,
    pub min_level_key: String,
    #[serde(default)]
    pub work_area_id: Option<String>,
    #[serde(default)]
    pub credential_ids: Vec<String>,
    pub start_on: String,
    pub end_on: String,
    pub hours_per_week: u32,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub rate_ceiling_minor: Option<i64>,
    pub currency: String,
    pub rate_unit: RateUnit,
    #[serde(default)]
    pub location: String,
    /// The need asked about, for the offers already made on it.
    #[serde(default)]
    pub need_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub contractor_id: String,
    pub name: String,
    pub level_name: String,
    pub location: String,
    /// 0–100; the reasons say where each point comes from.
    pub score: u32,
    pub reasons: Vec<String>,
    pub hours_left: u32,
    pub in_pool: bool,
    /// The latest offer on this need to this person, when one was made.
    pub offer: Option<OfferStatus>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FilteredOut {
    pub contractor_id: String,
    pub name: String,
    pub level_name: String,
    /// Every filter they fail, in words.
    pub why: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchResult {
    /// Best first; equal scores by name.
    pub candidates: Vec<Candidate>,
    /// Everyone else who holds a level in the role, by name.
    pub filtered_out: Vec<FilteredOut>,
}

/// One award of a required credential, as the filters read it.
struct Held {
    issued_on: String,
    expires_on: Option<String>,
    revoked_on: Option<String>,
}

/// The need's window and the dates as people read them.
struct Window {
    start: String,
    end: String,
}

impl Window {
    /// Why `held` (a person's awards of one credential) doesn't cover the window; None when one does.
    fn gap(&self, credential: &str, held: &[Held]) -> Option<String> {
        let covers = |h: &Held| {
            h.revoked_on.is_none()
                && h.issued_on <= self.start
                && h.expires_on
                    .as_deref()
                    .is_none_or(|e| e > self.end.as_str())
        };
        if held.iter().any(covers) {
            return None;
        }
        let live: Vec<&Held> = held.iter().filter(|h| h.revoked_on.is_none()).collect();
        // The award that comes closest: the one that lasts longest.
        let best = live
            .iter()
            .max_by_key(|h| h.expires_on.clone().unwrap_or_else(|| "9999".into()));
        Some(match best {
            None => match held.iter().find_map(|h| h.revoked_on.as_deref()) {
                Some(on) => format!("{credential} was revoked on {}", dates::long(on)),
                None => format!("{credential} not held"),
            },
            Some(h) if h.issued_on > self.start => format!(
                "{credential} only from {}, after the need starts on {}",
                dates::long(&h.issued_on),
                dates::long(&self.start)
            ),
            Some(h) => {
                let expires = h.expires_on.as_deref().unwrap_or_default();
                if expires <= self.start.as_str() {
                    format!("{credential} expired on {}", dates::long(expires))
                } else {
                    format!(
                        "{credential} expires on {}, before the need ends on {}",
                        dates::long(expires),
                        dates::long(&self.end)
                    )
                }
            }
        })
    }
}

/// Another engagement over the need's dates.
struct Busy {
    client: String,
    hours: Option<u32>,
    end_on: Option<String>,
}

fn busy_words(busy: &[Busy]) -> String {
    let one = |b: &Busy| {
        let hours = match b.hours {
            Some(h) => format!("{h} h/week"),
            None => "full time (hours not recorded)".into(),
        };
        let until = match &b.end_on {
            Some(end) => format!("until {}", dates::long(end)),
            None => "open-ended".into(),
        };
        format!("{hours} with {} {until}", b.client)
    };
    busy.iter().map(one).collect::<Vec<_>>().join(" and ")
}

/// A person who holds a level in the role.
struct Person {
    id: String,
    name: String,
    status: String,
    location: String,
    level_key: String,
}

fn people_in_role(conn: &Connection, role_id: &str) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name, c.status, c.location, l.level_key
         FROM contractor_current_level l JOIN contractor c ON c.id = l.contractor_id
         WHERE l.role_id = ?1",
    )?;
    let rows = stmt.query_map([role_id], |r| {
        Ok(Person {
            id: r.get(0)?,
            name: r.get(1)?,
            status: r.get(2)?,
            location: r.get(3)?,
            level_key: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every award of `credential_id` to the people of `set` (a JSON array of ids), by person.
fn awards_of(
    conn: &Connection,
    credential_id: &str,
    set: &str,
) -> Result<HashMap<String, Vec<Held>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT contractor_id, issued_on, expires_on, revoked_at FROM award
         WHERE credential_id = ?1 AND contractor_id IN (SELECT value FROM json_each(?2))",
    )?;
    let mut by_person: HashMap<String, Vec<Held>> = HashMap::new();
    let rows = stmt.query_map(params![credential_id, set], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Held {
                issued_on: r.get(1)?,
                expires_on: r.get(2)?,
                revoked_on: r
                    .get::<_, Option<String>>(3)?
                    .map(|at| at.chars().take(10).collect()),
            },
        ))
    })?;
    for row in rows {
        let (person, held) = row?;
        by_person.entry(person).or_default().push(held);
    }
    Ok(by_person)
}

/// Engagements of the people of `set` over the window, by person.
fn busy_over(conn: &Connection, w: &Window, set: &str) -> Result<HashMap<String, Vec<Busy>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT contractor_id, client, hours_per_week, end_on FROM engagement
         WHERE contractor_id IN (SELECT value FROM json_each(?3))
           AND start_on <= ?2 AND (end_on IS NULL OR end_on >= ?1)",
    )?;
    let mut by_person: HashMap<String, Vec<Busy>> = HashMap::new();
    let rows = stmt.query_map(params![w.start, w.end, set], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Busy {
                client: r.get(1)?,
                hours: r.get(2)?,
                end_on: r.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (person, busy) = row?;
        by_person.entry(person).or_default().push(busy);
    }
    Ok(by_person)
}

/// A credential's (id, name).
type Named = (String, String);

/// The credentials the need asks for: the work area's (its name, rule and credentials), then
/// each extra one on its own.
struct Requirement {
    area: Option<(String, AreaRule, Vec<Named>)>,
    extra: Vec<Named>,
}

impl Workspace {
    /// Who can take the work of `q`, ranked with reasons, and why everyone else in the role can't.
    pub fn match_candidates(&self, q: &MatchQuery) -> Result<MatchResult> {
        let (start, end) = clean_window(&q.start_on, &q.end_on, q.hours_per_week)?;
        let w = Window { start, end };
        let ladder = self.published_ladder(&q.role_id).map_err(|_| {
            CoreError::Invalid(
                "Publish the role's ladder first: matching asks for one of its levels.".into(),
            )
        })?;
        let levels = &ladder.content.levels;
        let position = |key: &str| levels.iter().position(|l| l.key == key);
        let min = position(&q.min_level_key).ok_or_else(|| {
            CoreError::Invalid(format!(
                "{} has no level with the key '{}'.",
                ladder.role.name,
                crate::text::shown(&q.min_level_key)
            ))
        })?;
        let min_name = levels[min].name.clone();
        let requirement = self.requirement(q)?;
        let conn = self.conn();
        let people = people_in_role(conn, &q.role_id)?;
        // Awards and engagements are read for the role's people only, not everyone's.
        let set = id_set(&people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>())?;
        let mut awards: HashMap<String, HashMap<String, Vec<Held>>> = HashMap::new();
        let area_ids = requirement.area.iter().flat_map(|(_, _, cs)| cs);
        for (id, _) in area_ids.chain(&requirement.extra) {
            if !awards.contains_key(id) {
                awards.insert(id.clone(), awards_of(conn, id, &set)?);
            }
        }
        let busy = busy_over(conn, &w, &set)?;
        let pool = self.pool_rule()?;
        let band = self.band_floor(q)?;
        let offers = match &q.need_id {
            Some(need) => super::offers::latest_by_person(conn, need)?,
            None => HashMap::new(),
        };
        let mut candidates = Vec::new();
        // Each candidate's level key and levels above the minimum, for the ranking.
        let mut ranked_on = Vec::new();
        let mut filtered_out = Vec::new();
        for p in people {
            let at = position(&p.level_key);
            let level_name = at
                .map(|i| levels[i].name.clone())
                .unwrap_or_else(|| p.level_key.clone());
            let mut why = Vec::new();
            match p.status.as_str() {
                "archived" => why.push("Archived".to_string()),
                "inactive" => why.push("Marked inactive".to_string()),
                _ => {}
            }
            match at {
                Some(i) if i >= min => {}
                _ => why.push(format!("At {level_name}, below the minimum {min_name}")),
            }
            let gaps = |ids: &[Named]| -> Vec<String> {
                ids.iter()
                    .filter_map(|(id, name)| {
                        let held = awards[id].get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
                        w.gap(name, held)
                    })
                    .collect()
            };
            if let Some((area, rule, ids)) = &requirement.area {
                let missing = gaps(ids);
                let cleared = match rule {
                    AreaRule::All => missing.is_empty(),
                    AreaRule::Any => missing.len() < ids.len(),
                };
                if !cleared {
                    let one_of = if *rule == AreaRule::Any && ids.len() > 1 {
                        "needs one of: "
                    } else {
                        ""
                    };
                    why.push(format!(
                        "Not cleared for {area} through the need's dates: {one_of}{}",
                        missing.join("; ")
                    ));
                }
            }
            why.extend(gaps(&requirement.extra));
            let engaged = busy.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
            let committed: u32 = engaged
                .iter()
                .map(|b| b.hours.unwrap_or(FULL_WEEK_HOURS))
                .sum();
            let hours_left = FULL_WEEK_HOURS.saturating_sub(committed);
            if hours_left < q.hours_per_week {
                why.push(format!(
                    "Engaged {} over the need's dates; {hours_left} h/week left, the need asks {}",
                    busy_words(engaged),
                    q.hours_per_week
                ));
            }
            if let (Some(ceiling), Some(floors)) = (q.rate_ceiling_minor, &band) {
                if let Some(&floor) = floors.get(&p.level_key) {
                    if floor > ceiling {
                        why.push(format!(
                            "{level_name}'s pay band starts at {} {}/{}, above the ceiling {}",
                            q.currency,
                            amount(floor, &q.currency),
                            q.rate_unit.as_str(),
                            amount(ceiling, &q.currency)
                        ));
                    }
                }
            }
            if !why.is_empty() {
                filtered_out.push(FilteredOut {
                    contractor_id: p.id,
                    name: p.name,
                    level_name,
                    why,
                });
                continue;
            }
            ranked_on.push((p.level_key, at.unwrap_or(min) - min));
            candidates.push(Candidate {
                offer: offers.get(&p.id).copied(),
                contractor_id: p.id,
                name: p.name,
                level_name,
                location: p.location,
                score: 0,
                reasons: vec![if engaged.is_empty() {
                    "Free over the need's dates".to_string()
                } else {
                    format!(
                        "Also engaged {}; {hours_left} h/week left",
                        busy_words(engaged)
                    )
                }],
                hours_left,
                in_pool: false,
            });
        }
        let passed: Vec<Passed> = candidates
            .iter()
            .zip(&ranked_on)
            .map(|(c, (level_key, steps))| Passed {
                id: &c.contractor_id,
                level_key,
                level_name: &c.level_name,
                location: &c.location,
                steps: *steps,
            })
            .collect();
        let scope = Scope {
            role_id: &q.role_id,
            min_name: &min_name,
            cells: ladder.content.domains.len() as u32,
            start: &w.start,
            end: &w.end,
            location: q.location.trim().to_lowercase(),
            pool: &pool,
        };
        let ranked = rank_all(conn, &passed, &scope)?;
        for (c, (score, reasons, in_pool)) in candidates.iter_mut().zip(ranked) {
            c.score = score;
            c.reasons.extend(reasons);
            c.in_pool = in_pool;
        }
        // Keys computed once per person, not per comparison.
        candidates.sort_by_cached_key(|c| {
            (
                std::cmp::Reverse(c.score),
                c.name.to_lowercase(),
                c.contractor_id.clone(),
            )
        });
        filtered_out.sort_by_cached_key(|f| (f.name.to_lowercase(), f.contractor_id.clone()));
        Ok(MatchResult {
            candidates,
            filtered_out,
        })
    }

    fn requirement(&self, q: &MatchQuery) -> Result<Requirement> {
        let area = match q.work_area_id.as_deref().filter(|a| !a.is_empty()) {
            Some(a) => {
                let area = self.work_area(a)?;
                let ids = area
                    .credentials
                    .iter()
                    .map(|c| (c.id.clone(), c.name.clone()))
                    .collect();
                Some((area.name, area.rule, ids))
            }
            None => None,
        };
        let extra = q
            .credential_ids
            .iter()
            .map(|c| self.credential(c).map(|c| (c.id, c.name)))
            .collect::<Result<_>>()?;
        Ok(Requirement { area, extra })
    }

    /// The lowest rate of each level's band in the query's currency and unit; None when the
    /// query has no ceiling.
    fn band_floor(&self, q: &MatchQuery) -> Result<Option<HashMap<String, i64>>> {
        if q.rate_ceiling_minor.is_none() {
            return Ok(None);
        }
        Ok(Some(
            self.pay_bands(&q.role_id)?
                .into_iter()
                .filter(|b| b.min.currency == q.currency && b.rate_unit == q.rate_unit)
                .map(|b| (b.level_key, b.min.minor))
                .collect(),
        ))
    }
}
