//! Numbers and dates as readers see them: the one place that formats them.
//!
//! Owns thousands separators, fixed decimals and the display of units, so
//! that tables, charts, summaries and templates agree (and a later locale
//! can change them in one place). Downloads never use this: they carry the
//! numbers exactly as written in the data.

/// The most decimals a value of a non-count indicator is shown with (as
/// docs/format.md, Units, documents): MIPEX publishes scores such as
/// `53.125`, which pages show as published.
pub(crate) const MAX_DECIMALS: usize = 3;

/// `1234567.891` with 1 decimal -> `1,234,567.9`.
pub(crate) fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let fixed = rounded(value.abs(), decimals);
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

/// `value` (not negative) with exactly `decimals` decimals, rounded half
/// away from zero on the number as written: the shortest decimal text that
/// reads back as `value` (`53.125` -> `53.13`, where `{:.2}` would round
/// the binary value half to even and give `53.12`).
fn rounded(value: f64, decimals: usize) -> String {
    let written = format!("{value}");
    let (int, frac) = written.split_once('.').unwrap_or((written.as_str(), ""));
    if frac.len() <= decimals {
        let zeros = "0".repeat(decimals - frac.len());
        return if decimals == 0 { int.to_string() } else { format!("{int}.{frac}{zeros}") };
    }
    // Digits kept, as one integer string; round up when the first dropped
    // digit is 5 or more.
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes().take(decimals)).map(|b| b - b'0').collect();
    if frac.as_bytes()[decimals] >= b'5' {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, 1);
                break;
            }
            i -= 1;
            if digits[i] == 9 {
                digits[i] = 0;
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let (int, frac) = text.split_at(text.len() - decimals);
    if decimals == 0 { int.to_string() } else { format!("{int}.{frac}") }
}

/// A count as a sentence says it: "no country", "1 country", "3 countries".
pub(crate) fn count(n: usize, singular: &str, plural: &str) -> String {
    match n {
        0 => format!("no {singular}"),
        1 => format!("1 {singular}"),
        n => format!("{} {plural}", number(n as f64, 0)),
    }
}

/// Text as it begins a sentence: its first letter capitalised ("the
/// Netherlands" -> "The Netherlands").
pub(crate) fn sentence_start(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
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

    #[test]
    fn rounds_half_away_from_zero_as_written() {
        assert_eq!(number(53.125, 2), "53.13");
        assert_eq!(number(69.875, 2), "69.88");
        assert_eq!(number(-53.125, 2), "−53.13");
        assert_eq!(number(2.5, 0), "3");
        assert_eq!(number(0.125, 2), "0.13");
        assert_eq!(number(9.995, 2), "10.00");
        assert_eq!(number(53.125, 3), "53.125");
        assert_eq!(number(40.0, 2), "40.00");
        assert_eq!(number(1.0e21, 0), "1,000,000,000,000,000,000,000");
        assert_eq!(number(0.0, 1), "0.0");
    }

    #[test]
    fn counts_read_as_english() {
        assert_eq!(count(0, "country", "countries"), "no country");
        assert_eq!(count(1, "country", "countries"), "1 country");
        assert_eq!(count(1200, "country", "countries"), "1,200 countries");
        assert_eq!(sentence_start("the Netherlands"), "The Netherlands");
        assert_eq!(sentence_start(""), "");
    }
}
