//! Numbers and dates as readers see them: the one place that formats them.
//!
//! Owns thousands separators, fixed decimals and the display of units, so
//! that tables, charts, summaries and templates agree (and a later locale
//! can change them in one place). Downloads never use this: they carry the
//! numbers exactly as written in the data.

/// `1234567.891` with 1 decimal -> `1,234,567.9`.
pub(crate) fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let fixed = format!("{:.*}", decimals, value.abs());
    let (int, frac) = fixed.split_once('.').map_or((fixed.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let negative = value < 0.0 && fixed.chars().any(|c| c != '0' && c != '.');
    let sign = if negative { "−" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// `+0.50`, `−0.25`, `0.00`: a coordinate with its sign.
pub(crate) fn signed(value: f64, decimals: usize) -> String {
    let text = number(value, decimals);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { format!("+{text}") } else { text }
}

/// The fewest decimals (up to `max`) that show `value` as written.
pub(crate) fn decimals_of(value: f64, max: usize) -> usize {
    (0..=max)
        .find(|&d| {
            let scale = 10f64.powi(d as i32);
            ((value * scale).round() / scale - value).abs() < 1e-9
        })
        .unwrap_or(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_fixes_decimals() {
        assert_eq!(number(1234567.891, 1), "1,234,567.9");
        assert_eq!(number(812000.0, 0), "812,000");
        assert_eq!(number(-3.25, 2), "−3.25");
        assert_eq!(number(-0.01, 1), "0.0");
        assert_eq!(number(999.96, 1), "1,000.0");
        assert_eq!(decimals_of(56.1, 3), 1);
        assert_eq!(decimals_of(40.0, 3), 0);
        assert_eq!(decimals_of(40.625, 2), 2);
    }
}
