//! Statistics that stay honest on small samples: Wilson intervals for rates, order-statistic
//! intervals for medians, Newcombe's interval for a difference of two rates, and the rule that
//! hides groups too small to show without pointing at a person.

/// z for a two-sided 95% interval.
const Z: f64 = 1.959_963_984_540_054;

/// Groups with fewer people than this are not shown.
pub const MIN_PEOPLE: u32 = 5;

/// The Wilson score interval for `k` successes in `n` trials (None when n is 0).
pub fn wilson(k: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 || k > n {
        return None;
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z * Z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// Newcombe's hybrid score interval (his method 10) for p1 − p2, from the two Wilson intervals.
pub fn rate_difference(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<(f64, f64)> {
    let (l1, u1) = wilson(k1, n1)?;
    let (l2, u2) = wilson(k2, n2)?;
    let (p1, p2) = (k1 as f64 / n1 as f64, k2 as f64 / n2 as f64);
    let d = p1 - p2;
    let low = d - ((p1 - l1).powi(2) + (u2 - p2).powi(2)).sqrt();
    let high = d + ((u1 - p1).powi(2) + (p2 - l2).powi(2)).sqrt();
    Some((low, high))
}

/// The median of sorted values.
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// A distribution-free 95% interval for the median of sorted values: the order statistics
/// x(j) and x(n−j+1) with the largest j whose two tails hold at most 2.5% each under
/// Binomial(n, ½). None below 6 values, where no such pair reaches 95%.
pub fn median_interval(sorted: &[f64]) -> Option<(f64, f64)> {
    let n = sorted.len();
    if n < 6 {
        return None;
    }
    // P(X ≤ j − 1) for X ~ Binomial(n, ½), accumulated in log space so large n stays exact enough.
    let ln_half_n = -(n as f64) * std::f64::consts::LN_2;
    let mut ln_choose = 0.0_f64; // ln C(n, 0)
    let mut cdf = 0.0_f64;
    let mut j = 0;
    for i in 0..n {
        cdf += (ln_choose + ln_half_n).exp();
        if cdf > 0.025 {
            break;
        }
        j = i + 1; // P(X ≤ i) ≤ 2.5%: x(i+1) is a valid lower bound
        ln_choose += ((n - i) as f64).ln() - ((i + 1) as f64).ln();
    }
    if j == 0 {
        return None;
    }
    Some((sorted[j - 1], sorted[n - j]))
}

/// Which groups of a split to hide: every group under `MIN_PEOPLE` people, and with it the
/// next-smallest shown group, so the hidden one can't be found by subtracting from the total.
pub fn hidden_groups(people: &[u32]) -> Vec<bool> {
    let mut hidden: Vec<bool> = people.iter().map(|&p| p < MIN_PEOPLE).collect();
    if hidden.iter().any(|&h| h) {
        let next = (0..people.len())
            .filter(|&i| !hidden[i])
            .min_by_key(|&i| people[i]);
        if let Some(i) = next {
            hidden[i] = true;
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.005
    }

    #[test]
    fn wilson_matches_published_values() {
        let (l, h) = wilson(8, 10).unwrap();
        assert!(close(l, 0.49) && close(h, 0.94), "{l} {h}");
        // Newcombe (1998), table I: 81/263 → 0.2553–0.3662.
        let (l, h) = wilson(81, 263).unwrap();
        assert!(
            (l - 0.2553).abs() < 5e-4 && (h - 0.3662).abs() < 5e-4,
            "{l} {h}"
        );
        let (l, h) = wilson(0, 10).unwrap();
        assert_eq!(l, 0.0);
        assert!(close(h, 0.2775), "{h}");
        assert_eq!(wilson(0, 0), None);
        assert_eq!(wilson(3, 2), None);
    }

    #[test]
    fn newcombe_difference_matches_his_worked_example() {
        // Newcombe (1998), table II example (a): 56/70 − 48/80 → 0.0524 to 0.3339.
        let (l, h) = rate_difference(56, 70, 48, 80).unwrap();
        assert!(
            (l - 0.0524).abs() < 5e-4 && (h - 0.3339).abs() < 5e-4,
            "{l} {h}"
        );
    }

    #[test]
    fn medians_and_their_interval() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[4.0]), Some(4.0));
        assert_eq!(median(&[1.0, 3.0]), Some(2.0));
        let five: Vec<f64> = (1..=5).map(f64::from).collect();
        assert_eq!(median_interval(&five), None, "five values never reach 95%");
        let six: Vec<f64> = (1..=6).map(f64::from).collect();
        assert_eq!(median_interval(&six), Some((1.0, 6.0)));
        // n = 10: P(X ≤ 1) = 11/1024 ≤ 2.5% but P(X ≤ 2) = 56/1024 is not: x(2) … x(9).
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(median_interval(&ten), Some((2.0, 9.0)));
        // n = 100: the textbook ranks 40 and 61.
        let hundred: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(median_interval(&hundred), Some((40.0, 61.0)));
    }

    #[test]
    fn small_groups_hide_with_the_next_smallest() {
        assert_eq!(hidden_groups(&[12, 9]), [false, false]);
        assert_eq!(hidden_groups(&[12, 4]), [true, true]);
        assert_eq!(hidden_groups(&[12, 7, 3]), [false, true, true]);
        assert_eq!(hidden_groups(&[2, 3]), [true, true]);
        assert_eq!(hidden_groups(&[5, 5]), [false, false]);
    }
}
