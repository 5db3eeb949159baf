//! Charts as standalone, accessible SVG: plain input structs in, a complete
//! `<svg>` element out.
//!
//! Every kind draws its shapes and text with plotters' SVG backend (through
//! [`scene::Scene`]), then the output is rewritten as text: `viewBox` without a
//! fixed size, `role="img"`, `<title>`/`<desc>` named by `aria-labelledby`, and
//! the theme's classes on elements (`chart__grid`, `chart__axis`,
//! `chart__label`, `chart__series--N`, `chart__highlight`, `chart__halo`),
//! so that the page CSS colours charts in dark mode and print. Colour
//! attributes stay as the fallback for a chart opened on its own.
//!
//! The functions are pure and deterministic: same input, byte-identical SVG
//! (integer coordinates, sorted inputs, no hash-map iteration). Text from the
//! input is escaped once; labels longer than [`MAX_LABEL_CHARS`] are cut with
//! "…" in the drawing (the full text stays in `<desc>` and the page's table).
//! Every kind has a `summarize_*` function whose text the page prints under
//! the chart and passes back as `ChartMeta::description`.

mod axis;
mod bar;
mod cells;
mod corridor;
mod gap;
mod legend;
mod line;
mod map;
mod quadrant;
mod scene;

pub(crate) use bar::{Reference, bar, summarize_bar};
pub(crate) use cells::{cells, summarize_cells};
pub(crate) use corridor::{CorridorGroup, corridor, summarize_corridor};
pub(crate) use gap::{GapRow, gap, summarize_gap};
pub(crate) use line::{Series, line, summarize_line};
pub(crate) use map::{MapValue, map, summarize_map};
pub(crate) use quadrant::{QuadrantPoint, quadrant, summarize_quadrant};

use crate::format;
use scene::{Anchor, Scene};

/// What every chart needs besides its data.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ChartMeta {
    /// Unique on the page, `[a-z0-9-]+`; prefixes every id inside the SVG.
    pub id: String,
    /// Goes into `<title>` (the page shows it in the figcaption).
    pub title: String,
    /// The text summary (from a `summarize_*` function), goes into `<desc>`.
    pub description: String,
    /// `%`, `per 100`, `people`, `score, 0-100`: axis title and legend heading.
    pub unit_label: String,
    /// Decimals of value labels, class breaks and summaries.
    pub decimals: usize,
}

/// One value of one country (or destination, or cell).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Datum {
    pub code: String,
    pub label: String,
    pub value: f64,
    /// Eurostat-style flag letters (`p` provisional, `e` estimated, …); empty when none.
    pub flags: String,
    /// The decimals the value was published with, when fewer than the
    /// chart's (`40`, not `40.00`); `None`: the chart's.
    pub decimals: Option<usize>,
    /// The value carries a note (a derived or secondary figure): its label
    /// is marked with [`NOTE_MARK`] and the summary names it.
    pub noted: bool,
    /// The label as it stands inside a sentence ("the Netherlands"), when
    /// it differs from `label`; summaries use it, the drawing never.
    pub in_text: Option<String>,
}

/// The mark after the label of a value that carries a note.
pub(crate) const NOTE_MARK: &str = "*";

/// `1 value is marked *: Poland (derived or from a secondary source; see its note in the table).`
pub(super) fn noted_sentence(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        n => {
            let (noun, verb) = if n == 1 { ("value", "is") } else { ("values", "are") };
            format!(
                " {n} {noun} {verb} marked {NOTE_MARK}: {} (derived or from a secondary source; see the note in the table).",
                join_names(names)
            )
        }
    }
}

/// Width of every chart's viewBox, in user units. A phone 360 px wide shows
/// a chart about 328 px wide, so [`FONT`] is drawn at 15 × 328 / 400 ≈ 12 px;
/// on a desktop text column (about 560 px) it is about the body text's size.
pub(super) const WIDTH: f64 = 400.0;
/// Font size of labels, tick labels and legends.
pub(super) const FONT: u32 = 15;
/// Labels longer than this are cut with "…" in the drawing.
pub(super) const MAX_LABEL_CHARS: usize = 22;

/// Text colours (contrast on white: 17.1:1 and 7.0:1), the page's `--c-text`
/// and `--c-muted`.
pub(super) const TEXT: &str = "#1B1C1D";
pub(super) const MUTED: &str = "#595959";
/// Hairlines (`--chart-grid`) and a meaningful border grey (3.5:1).
pub(super) const GRID: &str = "#D8D8D3";
pub(super) const RULE: &str = "#8A8A85";

/// Series colours: Okabe–Ito hues darkened as the theme's light
/// `--chart-1…6` (blue, vermillion, bluish green, olive ochre, reddish
/// purple, near-black), each at least 5:1 on white and at least 0.11 apart
/// in OKLab from every other; the theme swaps in lighter hues for dark mode.
/// Colour is never the only cue: markers, dashes and direct labels tell
/// series apart.
pub(super) const SERIES: [&str; 6] = ["#0072B2", "#B04D00", "#00785A", "#7A6A00", "#A6457F", "#1B1C1D"];

/// The class and fallback colour of the `n`-th series (0-based).
pub(super) fn series(n: usize) -> (String, &'static str) {
    let i = n % SERIES.len();
    (format!("chart__series--{}", i + 1), SERIES[i])
}

/// Escapes `& < > " '` for XML text and attribute values.
pub(crate) fn escape_xml(text: &str) -> String {
    // Most values of a chart (numbers, colours, class names) need nothing.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b) && !matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in clean_text(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Drops characters XML 1.0 forbids and turns line breaks and tabs into
/// spaces, so a label is one line of valid text.
pub(super) fn clean_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect()
}

/// Cuts `text` to at most `max` characters, the last one "…".
pub(super) fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Estimated width of `text` at `size`. Without a font library the
/// browser chooses the font, so this errs on the wide side: the advances are
/// those of DejaVu Sans (the widest common sans-serif, the fallback on many
/// Linux systems), rounded up; Arial, Helvetica, Roboto and Segoe UI are
/// narrower.
pub(super) fn text_width(text: &str, size: u32) -> f64 {
    text.chars().map(char_width).sum::<f64>() * f64::from(size)
}

/// The estimated advance of one character, in ems.
fn char_width(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' => 0.28,
        'I' | 'J' => 0.3,
        ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.34,
        'f' => 0.36,
        't' | '(' | ')' | '-' => 0.4,
        'r' => 0.42,
        's' | 'z' => 0.53,
        'c' => 0.56,
        'm' => 0.98,
        'w' => 0.82,
        'M' => 0.87,
        'W' => 0.99,
        '0'..='9' => 0.64,
        c if c.is_uppercase() => 0.79,
        c if c.is_lowercase() => 0.64,
        _ => 0.84,
    }
}

/// `text` cut with "…" (see [`truncate`]) to at most `max_chars` characters
/// and to an estimated width of at most `max_width` at `size`.
pub(super) fn fit(text: &str, max_chars: usize, max_width: f64, size: u32) -> String {
    let mut chars = max_chars;
    let mut cut = truncate(text, chars);
    while chars > 1 && text_width(&cut, size) > max_width {
        chars -= 1;
        cut = truncate(text, chars);
    }
    cut
}

/// Bold text is wider than regular text: DejaVu Sans Bold by up to this much.
pub(super) const BOLD: f64 = 1.15;

/// A value as drawn: `63.0`, `63.0 p` with flags.
pub(super) fn value_label(value: f64, decimals: usize, flags: &str) -> String {
    let flags = flags.trim();
    let number = format::number(value, decimals);
    if flags.is_empty() { number } else { format!("{number} {flags}") }
}

/// A value as drawn with its note mark: `40 *`, `63.0 p *`.
pub(super) fn marked_label(value: f64, decimals: usize, flags: &str, noted: bool) -> String {
    let label = value_label(value, decimals, flags);
    if noted { format!("{label} {NOTE_MARK}") } else { label }
}

/// A value with its unit, as a summary says it: `64.1 %`, `12 people`,
/// `63.0 (score, 0-100)`.
pub(super) fn with_unit(value: f64, unit: &str, decimals: usize) -> String {
    let number = format::number(value, decimals);
    let unit = unit.trim();
    if unit.is_empty() {
        number
    } else if unit.contains(',') {
        format!("{number} ({unit})")
    } else {
        format!("{number} {unit}")
    }
}

/// A difference with its sign and unit: `+8.9 points` for percentages and
/// scores, `−120 people` otherwise.
pub(super) fn change_with_unit(delta: f64, unit: &str, decimals: usize) -> String {
    let number = format::signed(delta, decimals);
    let unit = unit.trim();
    if unit.is_empty() {
        number
    } else if unit == "%" || unit.starts_with("score") || unit.starts_with("points") {
        format!("{number} points")
    } else if unit.contains(',') {
        format!("{number} ({unit})")
    } else {
        format!("{number} {unit}")
    }
}

/// `A`, `A and B`, `A, B and C`.
pub(super) fn join_names<S: AsRef<str>>(names: &[S]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// The name to show: the label, or the code when the label is empty.
pub(super) fn name_of<'a>(label: &'a str, code: &'a str) -> &'a str {
    if label.trim().is_empty() { code } else { label.trim() }
}

/// `2 values carry flags: Malta (p), Cyprus (e).`, or nothing.
pub(super) fn flags_sentence(flagged: &[(String, String)]) -> String {
    match flagged.len() {
        0 => String::new(),
        n => {
            let items: Vec<String> = flagged.iter().map(|(name, flags)| format!("{name} ({})", flags.trim())).collect();
            let noun = if n == 1 { "value carries a flag" } else { "values carry flags" };
            format!(" {n} {noun}: {}.", join_names(&items))
        }
    }
}

/// The chart drawn when there is nothing to draw: a valid SVG saying so.
pub(super) fn no_data(meta: &ChartMeta, kind: &str) -> String {
    let mut scene = Scene::new(80.0);
    scene.text((WIDTH / 2.0, 40.0), "No data", Anchor::Middle, FONT, MUTED).class("chart__axis");
    scene.render(meta, kind)
}

#[cfg(test)]
pub(super) mod testutil;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_once_and_drops_control_characters() {
        assert_eq!(
            escape_xml(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;"
        );
        assert_eq!(escape_xml("a\u{1}b\nc"), "ab c");
    }

    #[test]
    fn truncates_long_labels_with_an_ellipsis() {
        assert_eq!(truncate("Bosnia and Herzegovina", 22), "Bosnia and Herzegovina");
        assert_eq!(truncate("The former Yugoslav Republic", 22), "The former Yugoslav R…");
        assert_eq!(truncate("  Spain ", 22), "Spain");
        assert_eq!(fit("Bosnia and Herzegovina", 22, 1000.0, FONT), "Bosnia and Herzegovina");
        let cut = fit("Bosnia and Herzegovina", 22, 120.0, FONT);
        assert!(cut.ends_with('…') && text_width(&cut, FONT) <= 120.0, "{cut}");
    }

    #[test]
    fn widths_are_estimated_for_a_wide_font() {
        // DejaVu Sans draws these 156.2 and 36.4 units wide at 15 (bold
        // 176.0 and 39.1); the estimates must not be narrower.
        assert!(text_width("Passive concordance", 15) >= 156.2);
        assert!(text_width("Passive concordance", 15) * BOLD >= 176.0);
        assert!(text_width("−0.5", 15) * BOLD >= 39.1);
    }

    #[test]
    fn units_read_naturally() {
        assert_eq!(with_unit(64.12, "%", 1), "64.1 %");
        assert_eq!(with_unit(1200.0, "people", 0), "1,200 people");
        assert_eq!(with_unit(63.0, "score, 0-100", 1), "63.0 (score, 0-100)");
        assert_eq!(change_with_unit(8.9, "%", 1), "+8.9 points");
        assert_eq!(change_with_unit(-120.0, "people", 0), "−120 people");
        assert_eq!(value_label(63.0, 1, "p"), "63.0 p");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn no_data_is_a_valid_chart() {
        let meta = testutil::meta("empty");
        let svg = no_data(&meta, "bar");
        let doc = testutil::parse(&svg);
        assert!(testutil::texts(&doc).contains(&"No data".to_string()));
    }
}
