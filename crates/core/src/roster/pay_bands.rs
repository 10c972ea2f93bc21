//! Pay tiers: a rate band per role level. An engagement whose rate falls outside the band of the
//! person's level in that role is flagged, with the band and the gap spelled out.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::*;
use crate::error::{CoreError, Result};
use crate::workspace::Workspace;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RateCheck {
    pub band: PayBand,
    pub level_name: String,
    /// Below or above the band, in words: "Above the Engineer band (60.00–90.00 EUR per hour)".
    pub message: String,
}

pub fn clean_currency(raw: &str) -> Result<String> {
    let c = raw.trim().to_ascii_uppercase();
    if c.len() != 3 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
        return Err(CoreError::Invalid(format!(
            "'{}' is not a currency code like EUR or USD.",
            raw.trim()
        )));
    }
    Ok(c)
}

/// Digits after the decimal point in a currency (ISO 4217 minor units): 2 unless listed.
pub fn minor_digits(currency: &str) -> u32 {
    match currency {
        "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX"
        | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
        "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
        _ => 2,
    }
}

/// Minor units as a plain decimal amount in that currency ("1234.50", "1500" for JPY); the UI
/// formats it for the user's locale.
pub fn amount(minor: i64, currency: &str) -> String {
    let digits = minor_digits(currency);
    if digits == 0 {
        return minor.to_string();
    }
    let unit = 10i64.pow(digits);
    let sign = if minor < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:0width$}",
        (minor / unit).abs(),
        (minor % unit).abs(),
        width = digits as usize
    )
}

/// A decimal amount as typed ("90", "90.5", "1234.50") in minor units of `currency`; the
/// inverse of [`amount`]. `what` names the field in the error.
pub fn parse_amount(what: &str, raw: &str, currency: &str) -> Result<i64> {
    let digits = minor_digits(currency) as usize;
    let bad = || {
        CoreError::Invalid(format!(
            "{what} must be an amount like {} (got '{}').",
            amount(9050 * 10i64.pow(digits as u32) / 100, currency),
            crate::text::shown(raw.trim())
        ))
    };
    let (whole, fraction) = raw.trim().split_once('.').unwrap_or((raw.trim(), ""));
    let numeric = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 12
        || !numeric(whole)
        || fraction.len() > digits
        || !numeric(fraction)
    {
        return Err(bad());
    }
    let whole: i64 = whole.parse().map_err(|_| bad())?;
    let fraction: i64 = format!("{fraction:0<digits$}").parse().unwrap_or(0);
    Ok(whole * 10i64.pow(digits as u32) + fraction)
}

pub(crate) fn band(
    conn: &Connection,
    role_id: &str,
    level_key: &str,
    currency: &str,
    unit: RateUnit,
) -> Result<Option<PayBand>> {
    Ok(conn
        .prepare_cached(
            "SELECT min_minor, max_minor FROM pay_band
             WHERE role_id = ?1 AND level_key = ?2 AND currency = ?3 AND rate_unit = ?4",
        )?
        .query_row(params![role_id, level_key, currency, unit.as_str()], |r| {
            Ok(PayBand {
                role_id: role_id.into(),
                level_key: level_key.into(),
                min: Money {
                    minor: r.get(0)?,
                    currency: currency.into(),
                },
                max_minor: r.get(1)?,
                rate_unit: unit,
            })
        })
        .optional()?)
}

/// Flags a rate outside the band of the person's current level in the role, if a band is set.
pub(crate) fn check_rate(
    conn: &Connection,
    contractor_id: &str,
    e: &EngagementInput,
) -> Result<Option<RateCheck>> {
    let Some(role_id) = e.role_id.as_deref() else {
        return Ok(None);
    };
    let level: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT l.level_key, coalesce(n.name, '') FROM contractor_current_level l
             LEFT JOIN role_level_name n ON n.role_id = l.role_id AND n.level_key = l.level_key
             WHERE l.contractor_id = ?1 AND l.role_id = ?2",
        )?
        .query_row(params![contractor_id, role_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((level_key, level_name)) = level else {
        return Ok(None);
    };
    let Some(band) = band(conn, role_id, &level_key, &e.rate.currency, e.rate_unit)? else {
        return Ok(None);
    };
    let rate = e.rate.minor;
    if (band.min.minor..=band.max_minor).contains(&rate) {
        return Ok(None);
    }
    let side = if rate < band.min.minor {
        "below"
    } else {
        "above"
    };
    let message = format!(
        "{} {} per {} is {side} the {level_name} band ({}–{} {} per {}).",
        amount(rate, &e.rate.currency),
        e.rate.currency,
        e.rate_unit.as_str(),
        amount(band.min.minor, &band.min.currency),
        amount(band.max_minor, &band.min.currency),
        band.min.currency,
        band.rate_unit.as_str()
    );
    Ok(Some(RateCheck {
        band,
        level_name,
        message,
    }))
}

impl Workspace {
    /// Sets (or replaces) the band of one role level for a currency and unit.
    pub fn set_pay_band(&mut self, band: &PayBand) -> Result<PayBand> {
        let currency = clean_currency(&band.min.currency)?;
        if band.min.minor < 0 || band.max_minor < band.min.minor {
            return Err(CoreError::Invalid(
                "A pay band needs 0 ≤ minimum ≤ maximum.".into(),
            ));
        }
        levels::ensure_level(self.conn(), &band.role_id, &band.level_key)?;
        self.conn().execute(
            "INSERT INTO pay_band (role_id, level_key, currency, rate_unit, min_minor, max_minor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (role_id, level_key, currency, rate_unit)
             DO UPDATE SET min_minor = excluded.min_minor, max_minor = excluded.max_minor",
            params![
                band.role_id,
                band.level_key,
                currency,
                band.rate_unit.as_str(),
                band.min.minor,
                band.max_minor
            ],
        )?;
        Ok(PayBand {
            min: Money {
                currency,
                ..band.min.clone()
            },
            ..band.clone()
        })
    }

    pub fn pay_bands(&self, role_id: &str) -> Result<Vec<PayBand>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT b.level_key, b.currency, b.rate_unit, b.min_minor, b.max_minor FROM pay_band b
             LEFT JOIN role_level_name n ON n.role_id = b.role_id AND n.level_key = b.level_key
             WHERE b.role_id = ?1 ORDER BY n.position, b.currency, b.rate_unit",
        )?;
        let rows = stmt.query_map([role_id], |r| {
            Ok(PayBand {
                role_id: role_id.into(),
                level_key: r.get(0)?,
                min: Money {
                    minor: r.get(3)?,
                    currency: r.get(1)?,
                },
                max_minor: r.get(4)?,
                rate_unit: RateUnit::parse(&r.get::<_, String>(2)?).unwrap_or(RateUnit::Hour),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn amounts_use_the_currency_s_decimals() {
        assert_eq!(amount(8250, "EUR"), "82.50");
        assert_eq!(amount(1500, "JPY"), "1500");
        assert_eq!(amount(12345, "KWD"), "12.345");
        assert_eq!(amount(-5, "USD"), "-0.05");
    }

    #[test]
    fn typed_amounts_become_minor_units() {
        use super::parse_amount;
        assert_eq!(parse_amount("x", "90", "EUR").unwrap(), 9000);
        assert_eq!(parse_amount("x", " 90.5 ", "EUR").unwrap(), 9050);
        assert_eq!(parse_amount("x", "1500", "JPY").unwrap(), 1500);
        for bad in ["", "-3", "9.999", "1e3", "12,50", "x"] {
            let err = parse_amount("The ceiling", bad, "EUR")
                .unwrap_err()
                .to_string();
            assert!(
                err.contains("The ceiling must be an amount like 90.50"),
                "{err}"
            );
        }
    }
}
