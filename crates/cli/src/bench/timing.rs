//! Timing helpers shared by every benchmark, kept apart so that the benchmarks in their own
//! files need nothing from the `bench` command that runs them.

use std::time::{Duration, Instant};

use guildbook_core::CoreError;

/// How long `f` took, with what it returned.
pub(super) fn timed<T>(
    f: impl FnOnce() -> Result<T, CoreError>,
) -> Result<(Duration, T), CoreError> {
    let start = Instant::now();
    let value = f()?;
    Ok((start.elapsed(), value))
}

/// "min 1.00 ms, p50 1.20 ms, p95 3.40 ms, max 5.00 ms" for a list of timings. The minimum is
/// the least noisy figure on a busy machine; p50 and p95 are what a user feels.
pub(super) fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    format!(
        "min {:.2} ms, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        percentile(&times, 0.0),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        percentile(&times, 1.0)
    )
}

/// The `p` (0–1) percentile of sorted timings, in milliseconds.
pub(super) fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

/// A duration in milliseconds, for printing.
pub(super) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
