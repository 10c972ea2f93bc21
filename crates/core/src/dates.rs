//! Calendar dates (contract start and end, level changes) are stored as `YYYY-MM-DD`.

use time::macros::format_description;
use time::{Date, OffsetDateTime, UtcOffset};

use crate::error::{CoreError, Result};

/// The calendar date at `now` for someone at `offset` from UTC: the day a lead sees on their
/// wall, which is what "due today" means.
pub fn local_date(now: OffsetDateTime, offset: UtcOffset) -> Date {
    now.to_offset(offset).date()
}

/// Today where this program runs (UTC when the local offset can't be known safely).
pub fn today_here() -> Date {
    let offset = UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC);
    local_date(OffsetDateTime::now_utc(), offset)
}

pub fn parse(what: &str, raw: &str) -> Result<Date> {
    Date::parse(raw.trim(), format_description!("[year]-[month]-[day]")).map_err(|_| {
        CoreError::Invalid(format!(
            "{what} must be a date like 2026-03-31 (got '{}').",
            raw.trim()
        ))
    })
}

pub fn format(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]"))
        .expect("dates format")
}

/// Checks and normalises a date typed by a person.
pub fn clean(what: &str, raw: &str) -> Result<String> {
    parse(what, raw).map(format)
}

/// A stored date as people read it: "12 March 2026" (the text itself when it is not a date).
pub fn long(raw: &str) -> String {
    match parse("", raw) {
        Ok(date) => format!("{} {} {}", date.day(), date.month(), date.year()),
        Err(_) => raw.to_owned(),
    }
}

pub fn today() -> Date {
    time::OffsetDateTime::now_utc().date()
}
