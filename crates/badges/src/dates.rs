//! RFC 3339 timestamps, as credentials carry them.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::error::{BadgeError, Result};

pub fn parse(text: &str) -> Result<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339)
        .map_err(|_| BadgeError::Time(format!("\"{text}\" is not an RFC 3339 date-time")))
}

/// Whole seconds, UTC, e.g. `2025-03-01T09:30:00Z`.
pub fn format(moment: OffsetDateTime) -> Result<String> {
    moment
        .to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .map_err(|e| BadgeError::Time(e.to_string()))?
        .format(&Rfc3339)
        .map_err(|e| BadgeError::Time(e.to_string()))
}

pub fn now_rfc3339() -> Result<String> {
    format(OffsetDateTime::now_utc())
}

/// A Unix timestamp (JWT `nbf`/`exp`) for an RFC 3339 date-time.
pub fn unix_seconds(text: &str) -> Result<i64> {
    Ok(parse(text)?.unix_timestamp())
}

/// An RFC 3339 date-time for a Unix timestamp.
pub fn from_unix_seconds(seconds: i64) -> Result<String> {
    format(
        OffsetDateTime::from_unix_timestamp(seconds)
            .map_err(|_| BadgeError::Time(format!("{seconds} is not a usable timestamp")))?,
    )
}
