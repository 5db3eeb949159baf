//! Horizontal bars, one per country, largest first; and the bar rows that
//! `corridor` and `cells` reuse ([`BarFrame`]).

use super::axis::{Linear, Ticks, ticks_across, x_axis, x_grid};
use super::scene::{Anchor, Scene};
use super::{
    BOLD, ChartMeta, Datum, FONT, MAX_LABEL_CHARS, MUTED, TEXT, WIDTH, fit, flags_sentence, marked_label, name_of,
    no_data, noted_sentence, series, text_width, value_label, with_unit,
};
use crate::format;

/// Height of a row and of its bar.
pub(super) const ROW: f64 = 26.0;
const BAR: f64 = 18.0;
/// The widest label column of country names; longer labels are cut with "…".
pub(super) const MAX_LABEL_WIDTH: f64 = 150.0;
/// Height of a line of text above the bars (the reference label).
const LINE: f64 = 17.0;

/// A reference line: an aggregate such as the EU-27, never a country.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Reference {
    pub label: String,
    pub value: f64,
    /// Flag letters of the value (`ep`); empty when none.
    pub flags: String,
    /// What the flags mean (`estimated, provisional`), for the description.
    pub flag_meaning: String,
}

impl Reference {
    /// `EU-27: 64.2 %`, with `(ep: estimated, provisional)` when flagged.
    fn sentence(&self, fmt: &dyn Fn(f64) -> String) -> String {
        let (flags, meaning) = (self.flags.trim(), self.flag_meaning.trim());
        let note = match (flags.is_empty(), meaning.is_empty()) {
            (true, _) => String::new(),
            (false, true) => format!(" ({flags})"),
            (false, false) => format!(" ({flags}: {meaning})"),
        };
        format!("{}: {}{note}.", self.label.trim(), fmt(self.value))
    }
}
/// One bar as drawn.
#[derive(Clone, Debug)]
pub(super) struct BarRow {
    pub(super) code: String,
    pub(super) label: String,
    pub(super) value: f64,
    pub(super) flags: String,
    pub(super) highlight: bool,
    /// Published decimals, when fewer than the chart's.
    pub(super) decimals: Option<usize>,
    /// Marked as carrying a note.
    pub(super) noted: bool,
    /// The label as it stands inside a sentence.
    pub(super) in_text: String,
}

impl BarRow {
    pub(super) fn from_datum(d: &Datum, highlight: bool) -> Self {
        BarRow {
            code: d.code.clone(),
            label: name_of(&d.label, &d.code).to_string(),
            value: d.value,
            flags: d.flags.clone(),
            highlight,
            decimals: d.decimals,
            noted: d.noted,
            in_text: d.in_text.clone().unwrap_or_else(|| name_of(&d.label, &d.code).to_string()),
        }
    }

    /// The value label as drawn, with `decimals` unless the value was
    /// published with fewer.
    fn value_text(&self, decimals: usize) -> String {
        marked_label(self.value, self.decimals.map_or(decimals, |d| d.min(decimals)), &self.flags, self.noted)
    }

    /// The label as drawn: cut to fit a label column `room` wide.
    fn shown_label(&self, room: f64) -> String {
        let room = if self.highlight { room / BOLD } else { room };
        fit(&self.label, MAX_LABEL_CHARS, room, FONT)
    }

    fn label_width(&self, room: f64) -> f64 {
        let w = text_width(&self.shown_label(room), FONT);
        if self.highlight { w * BOLD } else { w }
    }

    fn value_width(&self, decimals: usize) -> f64 {
        let w = text_width(&self.value_text(decimals), FONT);
        if self.highlight { w * BOLD } else { w }
    }
}

/// The geometry all rows of one chart share: label column, value scale.
#[derive(Clone, Debug)]
pub(super) struct BarFrame {
    label_room: f64,
    label_right: f64,
    scale: Linear,
    ticks: Ticks,
    decimals: usize,
}

impl BarFrame {
    /// Fits the labels (indented by `indent`, cut to at most `label_room`
    /// wide), the value labels and the `extra` values (a reference line) into
    /// the chart's width.
    pub(super) fn fit<'a>(
        rows: impl Iterator<Item = &'a BarRow> + Clone,
        extra: &[f64],
        decimals: usize,
        (indent, label_room): (f64, f64),
    ) -> Self {
        let widest = |it: &mut dyn Iterator<Item = f64>| it.fold(0.0, f64::max);
        let label_w = widest(&mut rows.clone().map(|r| r.label_width(label_room)));
        let label_right = 8.0 + indent + label_w;
        let neg = widest(&mut rows.clone().filter(|r| r.value < 0.0).map(|r| r.value_width(decimals)));
        let pos = widest(&mut rows.clone().filter(|r| r.value >= 0.0).map(|r| r.value_width(decimals)));
        let left = label_right + 12.0 + if neg > 0.0 { neg + 8.0 } else { 0.0 };
        let right = WIDTH - 8.0 - if pos > 0.0 { pos + 8.0 } else { 0.0 };
        let values = rows.map(|r| r.value).chain(extra.iter().copied()).chain([0.0]);
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let ticks = ticks_across(lo, hi, right - left);
        let scale = Linear::new(ticks.domain(), (left, right));
        BarFrame { label_room, label_right, scale, ticks, decimals }
    }

    pub(super) fn x(&self, value: f64) -> f64 {
        self.scale.map(value)
    }

    /// Gridlines, tick labels and the unit under `bottom`; returns the y
    /// below them.
    pub(super) fn axis(&self, scene: &mut Scene, top: f64, bottom: f64, unit: &str) -> f64 {
        x_axis(scene, &self.scale, &self.ticks, top, bottom, unit)
    }

    /// Gridlines only, from `top` to `bottom` (a group of rows above the
    /// last one).
    pub(super) fn grid(&self, scene: &mut Scene, top: f64, bottom: f64) {
        x_grid(scene, &self.scale, &self.ticks, top, bottom);
    }

    /// The zero line, drawn over the bars.
    pub(super) fn zero_line(&self, scene: &mut Scene, top: f64, bottom: f64) {
        let x = self.x(0.0);
        scene.line(vec![(x, top), (x, bottom)], MUTED, 1).class("chart__axis");
    }

    /// One row centred on `y`: label, bar (of series `n`), value label.
    pub(super) fn row(&self, scene: &mut Scene, row: &BarRow, y: f64, n: usize) {
        let label = scene.text((self.label_right, y), &row.shown_label(self.label_room), Anchor::End, FONT, TEXT);
        label.class("chart__label");
        if row.highlight {
            label.attr("font-weight", "bold");
        }
        let (x0, x1) = (self.x(0.0), self.x(row.value));
        let (class, colour) = series(n);
        let flagged = !row.flags.trim().is_empty();
        let bar = scene.rect((x0.min(x1), y - BAR / 2.0), (x0.max(x1), y + BAR / 2.0), colour);
        bar.class(&class).attr("stroke", colour).attr("stroke-width", "1");
        if !row.code.is_empty() {
            bar.attr("data-code", row.code.as_str());
        }
        if flagged {
            bar.class("chart__flagged").attr("fill-opacity", "0.45");
        }
        if row.highlight {
            bar.class("chart__highlight").attr("stroke", TEXT).attr("stroke-width", "2");
        }
        let text = row.value_text(self.decimals);
        let at = if row.value < 0.0 { (x1 - 6.0, y) } else { (x1 + 6.0, y) };
        let anchor = if row.value < 0.0 { Anchor::End } else { Anchor::Start };
        // `chart__halo`: the theme gives it a halo of the background, so a
        // gridline under it stops short of the figures.
        let value = scene.text(at, &text, anchor, FONT, TEXT);
        value.class("chart__label").class("chart__halo");
        if row.highlight {
            value.attr("font-weight", "bold");
        }
    }

    /// A dashed vertical line at the reference value behind the value
    /// labels (it breaks where one would cross it, and stays away along a
    /// run of such rows: a stub between two labels would read as the line
    /// running through them), with its label above the rows, which are
    /// drawn from `top`, one per [`ROW`].
    pub(super) fn reference(&self, scene: &mut Scene, reference: &Reference, rows: &[BarRow], top: f64) {
        let x = self.x(reference.value);
        let bottom = top + rows.len() as f64 * ROW;
        let mut blocked: Vec<(f64, f64)> = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let (a, b) = self.value_label_span(row);
            if !(a - 3.0..=b + 3.0).contains(&x) {
                continue;
            }
            let (y0, y1) = (top + i as f64 * ROW + 3.0, top + (i + 1) as f64 * ROW - 3.0);
            match blocked.last_mut() {
                Some(last) if y0 - last.1 < ROW / 2.0 => last.1 = y1,
                _ => blocked.push((y0, y1)),
            }
        }
        for (y0, y1) in open_spans(top - 6.0, bottom, &blocked) {
            scene
                .line(vec![(x, y0), (x, y1)], TEXT, 2)
                .class("chart__axis")
                .class("chart__reference")
                .attr("stroke-dasharray", "5 4");
        }
        let lines = self.reference_lines(reference);
        for (i, text) in lines.iter().enumerate() {
            let half = text_width(text, FONT) / 2.0;
            let cx = x.clamp(half + 4.0, WIDTH - half - 4.0);
            let y = top - 17.0 - (lines.len() - 1 - i) as f64 * LINE;
            scene.text((cx, y), text, Anchor::Middle, FONT, TEXT).class("chart__label").class("chart__reference-label");
        }
    }

    /// The reference's label and value with its flags: on one line when it
    /// fits the chart's width, else the label above the value.
    fn reference_lines(&self, reference: &Reference) -> Vec<String> {
        let value = value_label(reference.value, self.decimals, &reference.flags);
        let room = WIDTH - 8.0;
        let one = format!("{}: {value}", reference.label.trim());
        if text_width(&one, FONT) <= room {
            return vec![one];
        }
        vec![fit(&reference.label, usize::MAX, room, FONT), value]
    }

    /// Where a row's value label lies, left to right (estimated).
    fn value_label_span(&self, row: &BarRow) -> (f64, f64) {
        let x = self.x(row.value);
        let w = row.value_width(self.decimals);
        if row.value < 0.0 { (x - 6.0 - w, x - 6.0) } else { (x + 6.0, x + 6.0 + w) }
    }
}

/// The parts of `from..to` outside the sorted, disjoint `blocked` spans.
fn open_spans(from: f64, to: f64, blocked: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut spans = Vec::new();
    let mut start = from;
    for &(a, b) in blocked {
        if a > start {
            spans.push((start, a));
        }
        start = start.max(b);
    }
    if to > start {
        spans.push((start, to));
    }
    spans
}

/// Space above the first row for a one-line reference label.
const REFERENCE_ROOM: f64 = 30.0;

/// Horizontal bars sorted by value (largest first, ties by label), value
/// labels with flags, an optional reference line (the EU-27) and an
/// optional emphasised country code. Non-finite values are left out.
pub(crate) fn bar(meta: &ChartMeta, data: &[Datum], reference: Option<&Reference>, highlight: Option<&str>) -> String {
    let rows = sorted_rows(data, highlight);
    if rows.is_empty() {
        return no_data(meta, "bar");
    }
    let reference = reference.filter(|r| r.value.is_finite());
    let extra: Vec<f64> = reference.iter().map(|r| r.value).collect();
    let frame = BarFrame::fit(rows.iter(), &extra, meta.decimals, (0.0, MAX_LABEL_WIDTH));
    let top = match reference {
        Some(r) => REFERENCE_ROOM + (frame.reference_lines(r).len() - 1) as f64 * LINE,
        None => 8.0,
    };
    let bottom = top + rows.len() as f64 * ROW;
    let mut scene = Scene::new(0.0);
    let height = frame.axis(&mut scene, top, bottom, &meta.unit_label);
    for (i, row) in rows.iter().enumerate() {
        frame.row(&mut scene, row, top + (i as f64 + 0.5) * ROW, 0);
    }
    frame.zero_line(&mut scene, top, bottom);
    if let Some(reference) = reference {
        frame.reference(&mut scene, reference, &rows, top);
    }
    scene.set_height(height);
    scene.render(meta, "bar")
}

/// Finite data as rows, largest value first; ties by label, then code.
fn sorted_rows(data: &[Datum], highlight: Option<&str>) -> Vec<BarRow> {
    let mut data: Vec<&Datum> = data.iter().filter(|d| d.value.is_finite()).collect();
    data.sort_by(|a, b| {
        b.value.total_cmp(&a.value).then_with(|| a.label.cmp(&b.label)).then_with(|| a.code.cmp(&b.code))
    });
    data.iter().map(|d| BarRow::from_datum(d, highlight.is_some_and(|h| h == d.code))).collect()
}

/// "Highest: Czechia (82.3 %). Lowest: Belgium (51.3 %). Average of 27
/// countries: 64.1 % (a simple average of the countries shown, not the EU
/// figure). EU-27: 64.2 % (p: provisional)."
pub(crate) fn summarize_bar(
    data: &[Datum],
    unit_label: &str,
    decimals: usize,
    reference: Option<&Reference>,
) -> String {
    let rows = sorted_rows(data, None);
    let fmt = |v: f64| with_unit(v, unit_label, decimals);
    let mut out = match rows.as_slice() {
        [] => "No data.".to_string(),
        [one] => format!("{}: {}.", one.label, with_unit(one.value, unit_label, row_decimals(one, decimals))),
        _ => extremes_and_average(&rows, unit_label, decimals),
    };
    if let Some(reference) = reference.filter(|r| r.value.is_finite()) {
        out.push(' ');
        out.push_str(&reference.sentence(&fmt));
    }
    let flagged: Vec<(String, String)> =
        rows.iter().filter(|r| !r.flags.trim().is_empty()).map(|r| (r.label.clone(), r.flags.clone())).collect();
    out.push_str(&flags_sentence(&flagged));
    let noted: Vec<String> = rows.iter().filter(|r| r.noted).map(|r| r.label.clone()).collect();
    out.push_str(&noted_sentence(&noted));
    let _ = fmt;
    out
}

/// The decimals a row's value is said with: as published, at most the chart's.
fn row_decimals(row: &BarRow, decimals: usize) -> usize {
    row.decimals.map_or(decimals, |d| d.min(decimals))
}

fn extremes_and_average(rows: &[BarRow], unit_label: &str, decimals: usize) -> String {
    let n = rows.len();
    let mean = rows.iter().map(|r| r.value).sum::<f64>() / n as f64;
    let shown = |v: f64| format::number(v, decimals);
    let (max, min) = (rows[0].value, rows[n - 1].value);
    let average = format!(
        "Average of {n} countries: {} (a simple average of the countries shown, not the EU figure).",
        with_unit(mean, unit_label, format::decimals_of(mean, decimals))
    );
    if shown(max) == shown(min) {
        return format!("All {n} countries: {}.", with_unit(max, unit_label, row_decimals(&rows[0], decimals)));
    }
    // Every country sharing the extreme value is named (two countries tied
    // at the bottom are both "lowest"), each value as published.
    let named = |v: f64| -> (String, String) {
        let tied: Vec<&BarRow> = rows.iter().filter(|r| shown(r.value) == shown(v)).collect();
        let names: Vec<&str> = tied.iter().map(|r| r.label.as_str()).collect();
        let value = with_unit(v, unit_label, tied.iter().map(|r| row_decimals(r, decimals)).max().unwrap_or(decimals));
        let names = if names.len() > 3 { format!("{} countries", names.len()) } else { super::join_names(&names) };
        (names, value)
    };
    let ((high, high_value), (low, low_value)) = (named(max), named(min));
    format!("Highest: {high} ({high_value}). Lowest: {low} ({low_value}). {average}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testutil::{self, check_common, find_all, parse, texts, with_class};

    fn datum(code: &str, label: &str, value: f64, flags: &str) -> Datum {
        Datum { code: code.into(), label: label.into(), value, flags: flags.into(), ..Datum::default() }
    }

    fn eu(value: f64) -> Reference {
        Reference { label: "EU-27".into(), value, ..Reference::default() }
    }

    fn sample() -> Vec<Datum> {
        vec![
            datum("BE", "Belgium", 51.3, ""),
            datum("CZ", "Czechia", 82.3, ""),
            datum("ES", "Spain", 63.0, "p"),
            datum("XX", "A very long country name that goes on", 70.0, ""),
        ]
    }

    #[test]
    fn draws_one_sorted_bar_per_datum_with_labels_and_reference() {
        let meta = testutil::meta("employment");
        let svg = bar(&meta, &sample(), Some(&eu(64.2)), Some("ES"));
        check_common(&svg, &meta, "bar");
        let doc = parse(&svg);
        let bars = with_class(&doc, "chart__series--1");
        let codes: Vec<&str> = bars.iter().filter_map(|b| b.attribute("data-code")).collect();
        assert_eq!(codes, ["CZ", "XX", "ES", "BE"]);
        let texts = texts(&doc);
        for label in ["Czechia", "Belgium", "82.3", "63.0 p", "EU-27: 64.2", "%", "A very long coun…"] {
            assert!(texts.iter().any(|t| t == label), "{label} missing from {texts:?}");
        }
        assert_eq!(with_class(&doc, "chart__highlight").len(), 1);
        // The line breaks around the value label "63.0 p", which it would cross.
        assert_eq!(with_class(&doc, "chart__reference").len(), 2);
        assert_eq!(with_class(&doc, "chart__flagged")[0].attribute("data-code"), Some("ES"));
    }

    #[test]
    fn the_reference_label_is_whole_with_its_flags() {
        let meta = testutil::meta("eu");
        let eu = Reference {
            label: "EU (members of each year)".into(),
            value: 3.59,
            flags: "ep".into(),
            flag_meaning: "estimated, provisional".into(),
        };
        let data = [datum("SE", "Sweden", 8.91, ""), datum("LT", "Lithuania", 0.09, "")];
        let mut meta2 = meta.clone();
        meta2.decimals = 2;
        let doc_svg = bar(&meta2, &data, Some(&eu), None);
        let doc = parse(&doc_svg);
        let labels: Vec<String> =
            with_class(&doc, "chart__reference-label").iter().map(|n| n.text().unwrap_or("").to_string()).collect();
        assert_eq!(labels, ["EU (members of each year): 3.59 ep"]);
        let summary = summarize_bar(&data, "per 100", 2, Some(&eu));
        assert!(
            summary.ends_with("EU (members of each year): 3.59 per 100 (ep: estimated, provisional)."),
            "{summary}"
        );
        // Too long for one line: the label above its value, neither cut.
        let long = Reference { label: "Member states of the European Union (each year)".into(), ..eu };
        let svg = bar(&meta, &data, Some(&long), None);
        let doc = parse(&svg);
        let lines: Vec<(String, i32)> = with_class(&doc, "chart__reference-label")
            .iter()
            .map(|n| (n.text().unwrap_or("").to_string(), n.attribute("y").unwrap().parse().unwrap()))
            .collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines[0].0, long.label);
        assert_eq!(lines[1].0, "3.6 ep");
        assert!(lines[0].1 < lines[1].1);
        // Every label stays inside the chart.
        for node in with_class(&doc, "chart__reference-label") {
            let x: f64 = node.attribute("x").unwrap().parse().unwrap();
            let half = text_width(node.text().unwrap(), FONT) / 2.0;
            assert!(x - half >= 0.0 && x + half <= WIDTH, "{:?} at {x}", node.text());
        }
    }

    /// A label's text and box (x0, y0, x1, y1).
    type LabelBox = (String, (f64, f64, f64, f64));

    /// The value labels' boxes, as the layout estimates them.
    fn value_label_boxes(doc: &roxmltree::Document<'_>) -> Vec<LabelBox> {
        with_class(doc, "chart__label")
            .into_iter()
            .filter(|n| n.attribute("text-anchor") == Some("start"))
            .map(|n| {
                let text = n.text().unwrap_or("").to_string();
                let num = |a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
                let (x, y, w) = (num("x"), num("y"), text_width(&text, FONT));
                (text, (x, y - f64::from(FONT) / 2.0, x + w, y + f64::from(FONT) / 2.0))
            })
            .collect()
    }

    #[test]
    fn the_reference_line_stays_off_a_run_of_value_labels_it_would_cross() {
        // The default site's naturalisation chart: the EU line at 3.59
        // runs through the labels of the rows from 3.30 down.
        let eu = Reference { label: "EU (members of each year)".into(), value: 3.59, ..Reference::default() };
        let values = [
            ("SE", 8.91),
            ("NL", 7.05),
            ("FI", 3.78),
            ("LU", 3.30),
            ("DE", 3.26),
            ("SK", 2.48),
            ("PT", 2.29),
            ("GR", 2.13),
            ("RO", 1.82),
            ("AT", 1.27),
            ("LT", 0.09),
        ];
        let data: Vec<Datum> = values.iter().map(|(c, v)| datum(c, c, *v, "")).collect();
        let mut meta = testutil::meta("eu-line");
        meta.decimals = 2;
        let svg = bar(&meta, &data, Some(&eu), None);
        let doc = parse(&svg);
        let segments: Vec<(f64, f64, f64)> = with_class(&doc, "chart__reference")
            .iter()
            .filter_map(|n| n.attribute("points"))
            .map(|p| {
                let xy: Vec<f64> = p.split([' ', ',']).map(|v| v.parse().unwrap()).collect();
                (xy[0], xy[1].min(xy[3]), xy[1].max(xy[3]))
            })
            .collect();
        let labels = value_label_boxes(&doc);
        let crossed: Vec<&LabelBox> =
            labels.iter().filter(|(_, b)| (b.0 - 3.0..=b.2 + 3.0).contains(&segments[0].0)).collect();
        assert!(crossed.len() >= 3, "the line lies across a run of labels: {crossed:?}");
        for (text, (x0, y0, x1, y1)) in &labels {
            for (x, top, bottom) in &segments {
                let touches = (x0 - 3.0..=x1 + 3.0).contains(x) && top < y1 && bottom > y0;
                assert!(!touches, "the reference line {x} {top}..{bottom} runs into the label {text}");
            }
        }
        // Above the run and below it, one piece each: no stubs between labels.
        assert_eq!(segments.len(), 2, "{segments:?}");
        let (first, last) = (crossed[0].1, crossed[crossed.len() - 1].1);
        assert!(segments[0].2 < first.1 && segments[1].1 > last.3, "{segments:?}");
    }

    #[test]
    fn escapes_labels_exactly_once() {
        let mut meta = testutil::meta("esc");
        meta.title = "Title <b>&".into();
        let svg = bar(&meta, &[datum("X", r#"<script>&""#, 1.0, "")], None, None);
        assert!(svg.contains("&lt;script&gt;&amp;&quot;"), "{svg}");
        assert!(!svg.contains("&amp;lt;") && !svg.contains("<script>"));
        assert!(svg.contains("Title &lt;b&gt;&amp;"));
        let doc = parse(&svg);
        assert!(texts(&doc).iter().any(|t| t == r#"<script>&""#));
    }

    #[test]
    fn open_spans_skip_blocked_parts() {
        assert_eq!(open_spans(0.0, 10.0, &[(2.0, 3.0), (5.0, 6.0)]), vec![(0.0, 2.0), (3.0, 5.0), (6.0, 10.0)]);
        assert_eq!(open_spans(0.0, 10.0, &[(0.0, 10.0)]), vec![]);
    }

    #[test]
    fn is_deterministic() {
        let meta = testutil::meta("det");
        assert_eq!(bar(&meta, &sample(), Some(&eu(64.2)), None), bar(&meta, &sample(), Some(&eu(64.2)), None));
    }

    #[test]
    fn one_value_equal_values_negatives_and_empty_draw() {
        let meta = testutil::meta("edge");
        for data in [
            vec![datum("A", "A", 5.0, "")],
            vec![datum("A", "A", 0.0, ""), datum("B", "B", 0.0, "")],
            vec![datum("A", "A", 7.0, ""), datum("B", "B", 7.0, "")],
            vec![datum("A", "A", -3.5, ""), datum("B", "B", 2.0, "e"), datum("C", "C", f64::NAN, "")],
            vec![],
        ] {
            let svg = bar(&meta, &data, None, None);
            check_common(&svg, &meta, "bar");
            let doc = parse(&svg);
            let finite = data.iter().filter(|d| d.value.is_finite()).count();
            assert_eq!(with_class(&doc, "chart__series--1").len(), finite);
            if finite == 0 {
                assert!(texts(&doc).contains(&"No data".to_string()));
            }
            let ticks = with_class(&doc, "chart__grid");
            assert!(ticks.len() >= 2 || finite == 0);
            let xs: Vec<&str> = find_all(&doc, "line").iter().filter_map(|l| l.attribute("x1")).collect();
            assert!(xs.iter().all(|x| x.parse::<i32>().is_ok()));
        }
    }

    #[test]
    fn negative_values_are_labelled_left_of_the_bar() {
        let meta = testutil::meta("neg");
        let svg = bar(&meta, &[datum("A", "A", -3.5, ""), datum("B", "B", 2.0, "")], None, None);
        let doc = parse(&svg);
        let label = find_all(&doc, "text").into_iter().find(|t| t.text() == Some("−3.5")).unwrap();
        assert_eq!(label.attribute("text-anchor"), Some("end"));
    }

    #[test]
    fn grows_with_the_number_of_bars() {
        let meta = testutil::meta("grow");
        let height = |n: usize| {
            let data: Vec<Datum> = (0..n).map(|i| datum(&format!("C{i}"), &format!("C{i}"), i as f64, "")).collect();
            let svg = bar(&meta, &data, None, None);
            let doc = parse(&svg);
            let vb = doc.root_element().attribute("viewBox").unwrap().to_string();
            vb.rsplit(' ').next().unwrap().parse::<u32>().unwrap()
        };
        assert!(height(20) > height(5));
    }

    #[test]
    fn summary_names_extremes_average_and_reference() {
        let text = summarize_bar(&sample(), "%", 1, Some(&eu(64.2)));
        assert_eq!(
            text,
            "Highest: Czechia (82.3 %). Lowest: Belgium (51.3 %). Average of 4 countries: 66.7 % \
             (a simple average of the countries shown, not the EU figure). EU-27: 64.2 %. 1 value carries a flag: Spain (p)."
        );
        assert_eq!(summarize_bar(&[], "%", 1, None), "No data.");
        assert_eq!(summarize_bar(&[datum("A", "Austria", 5.0, "")], "%", 1, None), "Austria: 5.0 %.");
        let equal = [datum("A", "A", 5.0, ""), datum("B", "B", 5.0, "")];
        assert_eq!(summarize_bar(&equal, "%", 1, None), "All 2 countries: 5.0 %.");
    }

    #[test]
    fn snapshot() {
        let mut meta = testutil::meta("bar-snap");
        meta.description = summarize_bar(&sample(), "%", 1, Some(&eu(64.2)));
        insta::assert_snapshot!(bar(&meta, &sample(), Some(&eu(64.2)), Some("ES")));
    }

    #[test]
    #[ignore = "writes preview files; run with --ignored"]
    fn previews() {
        let mut meta = testutil::meta("bar-preview");
        meta.description = summarize_bar(&sample(), "%", 1, Some(&eu(64.2)));
        testutil::preview("bar-small", &bar(&meta, &sample(), Some(&eu(64.2)), Some("ES")));
        let names = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland"];
        let data: Vec<Datum> = (0..27)
            .map(|i| {
                let name = format!("{} {i}", names[i % names.len()]);
                let flags = if i % 7 == 3 { "p" } else { "" };
                datum(&format!("C{i}"), &name, 40.0 + (i * 37 % 45) as f64 + 0.25, flags)
            })
            .collect();
        testutil::preview("bar-27", &bar(&meta, &data, Some(&eu(61.5)), Some("C5")));
        let neg = vec![
            datum("A", "Austria", -12.5, ""),
            datum("B", "Bosnia and Herzegovina", 30.0, "e"),
            datum("C", "Cyprus", -2.0, "p"),
        ];
        testutil::preview("bar-negative", &bar(&meta, &neg, None, None));
    }
}
