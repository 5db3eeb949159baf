//! Dumbbells: per country, value `a` (circle) and value `b` (diamond) joined
//! by a line, sorted by the gap `a - b`, largest first.

use super::axis::{Linear, Ticks, ticks_across, x_axis};
use super::bar::ROW;
use super::legend::{Entry, Sample, legend};
use super::scene::{Anchor, Marker, Scene};
use super::{
    ChartMeta, FONT, MAX_LABEL_CHARS, MUTED, TEXT, WIDTH, change_with_unit, name_of, no_data, series, text_width,
    truncate, value_label, with_unit,
};

/// One country's two values.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct GapRow {
    pub code: String,
    pub label: String,
    pub a: f64,
    pub b: f64,
    pub a_flags: String,
    pub b_flags: String,
}

impl GapRow {
    fn gap(&self) -> f64 {
        self.a - self.b
    }

    fn name(&self) -> &str {
        name_of(&self.label, &self.code)
    }

    /// The value labels on the left and on the right of the dumbbell (`a`
    /// goes left when the two are equal).
    fn sides(&self, decimals: usize) -> (String, String) {
        let a = value_label(self.a, decimals, &self.a_flags);
        let b = value_label(self.b, decimals, &self.b_flags);
        if self.a <= self.b { (a, b) } else { (b, a) }
    }
}

const MARKER: f64 = 6.0;

/// Rows with finite values, largest gap first; ties by label, then code.
fn sorted(rows: &[GapRow]) -> Vec<&GapRow> {
    let mut rows: Vec<&GapRow> = rows.iter().filter(|r| r.a.is_finite() && r.b.is_finite()).collect();
    rows.sort_by(|x, y| {
        y.gap().total_cmp(&x.gap()).then_with(|| x.label.cmp(&y.label)).then_with(|| x.code.cmp(&y.code))
    });
    rows
}

struct Frame {
    label_right: f64,
    scale: Linear,
    ticks: Ticks,
}

impl Frame {
    fn fit(rows: &[&GapRow], decimals: usize) -> Self {
        let widest = |f: &dyn Fn(&GapRow) -> f64| rows.iter().map(|r| f(r)).fold(0.0, f64::max);
        let label_w = widest(&|r| text_width(&truncate(r.name(), MAX_LABEL_CHARS), FONT)).min(185.0);
        let left_w = widest(&|r| text_width(&r.sides(decimals).0, FONT));
        let right_w = widest(&|r| text_width(&r.sides(decimals).1, FONT));
        let label_right = 8.0 + label_w;
        let left = label_right + 12.0 + left_w + 10.0 + MARKER;
        let right = WIDTH - 8.0 - right_w - 10.0 - MARKER;
        let values = rows.iter().flat_map(|r| [r.a, r.b]);
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let ticks = ticks_across(lo, hi, right - left);
        let scale = Linear::new(ticks.domain(), (left, right));
        Frame { label_right, scale, ticks }
    }

    fn row(&self, scene: &mut Scene, row: &GapRow, y: f64, decimals: usize) {
        scene
            .text((self.label_right, y), &truncate(row.name(), MAX_LABEL_CHARS), Anchor::End, FONT, TEXT)
            .class("chart__label");
        let (xa, xb) = (self.scale.map(row.a), self.scale.map(row.b));
        scene.line(vec![(xa, y), (xb, y)], MUTED, 2).class("chart__axis").class("chart__gap");
        let (class_b, colour_b) = series(1);
        let b_flagged = !row.b_flags.trim().is_empty();
        let b = scene.marker(Marker::Diamond, (xb, y), MARKER, colour_b, b_flagged);
        b.class(&class_b).class("chart__point").attr("data-code", row.code.as_str());
        let (class_a, colour_a) = series(0);
        let a_flagged = !row.a_flags.trim().is_empty();
        let a = scene.marker(Marker::Circle, (xa, y), MARKER, colour_a, a_flagged);
        a.class(&class_a).class("chart__point").attr("data-code", row.code.as_str());
        let (left, right) = row.sides(decimals);
        let (lo, hi) = (xa.min(xb), xa.max(xb));
        scene.text((lo - MARKER - 6.0, y), &left, Anchor::End, FONT, TEXT).class("chart__label").class("chart__halo");
        scene
            .text((hi + MARKER + 6.0, y), &right, Anchor::Start, FONT, TEXT)
            .class("chart__label")
            .class("chart__halo");
    }
}

/// Dumbbells of `a` (labelled `a_label`, e.g. "Native-born") against `b`.
/// Rows with a non-finite value are left out.
pub(crate) fn gap(meta: &ChartMeta, rows: &[GapRow], a_label: &str, b_label: &str) -> String {
    let rows = sorted(rows);
    if rows.is_empty() {
        return no_data(meta, "gap");
    }
    let frame = Frame::fit(&rows, meta.decimals);
    let mut scene = Scene::new(0.0);
    let entries = [
        Entry { sample: Sample::Series { n: 0, marker: Marker::Circle, line: false }, label: a_label.to_string() },
        Entry { sample: Sample::Series { n: 1, marker: Marker::Diamond, line: false }, label: b_label.to_string() },
    ];
    let top = legend(&mut scene, &entries, 2.0) + 8.0;
    let bottom = top + rows.len() as f64 * ROW;
    let height = x_axis(&mut scene, &frame.scale, &frame.ticks, top, bottom, &meta.unit_label);
    for (i, row) in rows.iter().enumerate() {
        frame.row(&mut scene, row, top + (i as f64 + 0.5) * ROW, meta.decimals);
    }
    scene.set_height(height);
    scene.render(meta, "gap")
}

/// "Largest gap between A and B: Spain (A 70.1 %, B 55.0 %, +15.1
/// points). Smallest: …"
pub(crate) fn summarize_gap(
    rows: &[GapRow],
    a_label: &str,
    b_label: &str,
    unit_label: &str,
    decimals: usize,
) -> String {
    let rows = sorted(rows);
    let (a_label, b_label) = (a_label.trim(), b_label.trim());
    let describe = |r: &GapRow| {
        format!(
            "{} ({a_label} {}, {b_label} {}, {})",
            r.name(),
            with_unit(r.a, unit_label, decimals),
            with_unit(r.b, unit_label, decimals),
            change_with_unit(r.gap(), unit_label, decimals)
        )
    };
    let (first, last) = match (rows.first(), rows.last()) {
        (Some(f), Some(l)) => (*f, *l),
        _ => return "No data.".to_string(),
    };
    if rows.len() == 1 {
        return format!("{}.", describe(first));
    }
    let n = rows.len();
    let mean = rows.iter().map(|r| r.gap()).sum::<f64>() / n as f64;
    let b_higher = rows.iter().filter(|r| r.gap() < 0.0).count();
    let smallest = if last.gap() < 0.0 { "Largest gap the other way" } else { "Smallest" };
    let mut text = format!(
        "Largest gap between {a_label} and {b_label}: {}. {smallest}: {}. Average gap of {n} countries: {}.",
        describe(first),
        describe(last),
        change_with_unit(mean, unit_label, decimals)
    );
    if b_higher > 0 {
        text.push_str(&format!(" {b_label} is higher than {a_label} in {b_higher} of {n} countries."));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testutil::{self, check_common, parse, texts, with_class};

    fn row(code: &str, label: &str, a: f64, b: f64, b_flags: &str) -> GapRow {
        GapRow { code: code.into(), label: label.into(), a, b, a_flags: String::new(), b_flags: b_flags.into() }
    }

    fn sample() -> Vec<GapRow> {
        vec![
            row("ES", "Spain", 70.1, 55.0, ""),
            row("CZ", "Czechia", 75.0, 74.6, "p"),
            row("PL", "Poland", 68.0, 72.5, ""),
            row("BE", "Belgium", 66.0, 50.2, ""),
        ]
    }

    #[test]
    fn draws_a_sorted_dumbbell_per_row() {
        let meta = testutil::meta("gap");
        let svg = gap(&meta, &sample(), "Native-born", "Foreign-born");
        check_common(&svg, &meta, "gap");
        let doc = parse(&svg);
        assert_eq!(with_class(&doc, "chart__gap").len(), 4);
        let a: Vec<&str> = with_class(&doc, "chart__series--1")
            .into_iter()
            .filter(|n| n.has_tag_name("circle"))
            .filter_map(|n| n.attribute("data-code"))
            .collect();
        assert_eq!(a, ["BE", "ES", "CZ", "PL"]);
        assert_eq!(with_class(&doc, "chart__point").len(), 8);
        let texts = texts(&doc);
        for label in ["Native-born", "Foreign-born", "Spain", "74.6 p", "75.0", "%"] {
            assert!(texts.iter().any(|t| t == label), "{label} missing from {texts:?}");
        }
    }

    #[test]
    fn edge_cases_draw() {
        let meta = testutil::meta("edge");
        for rows in [
            vec![row("A", "Austria", 5.0, 5.0, "")],
            vec![row("A", "A", 0.0, 0.0, ""), row("B", "B", 0.0, 0.0, "")],
            vec![row("A", "A", -3.0, 2.0, ""), row("B", r#"<script>&""#, f64::NAN, 2.0, "")],
            vec![],
        ] {
            let svg = gap(&meta, &rows, "A", "B");
            check_common(&svg, &meta, "gap");
            assert_eq!(svg, gap(&meta, &rows, "A", "B"));
            assert!(!svg.contains("&amp;lt;") && !svg.contains("<script>"));
        }
    }

    #[test]
    fn summary_names_largest_and_smallest() {
        assert_eq!(
            summarize_gap(&sample(), "Native-born", "Foreign-born", "%", 1),
            "Largest gap between Native-born and Foreign-born: Belgium (Native-born 66.0 %, Foreign-born 50.2 %, \
             +15.8 points). Largest gap the other way: Poland (Native-born 68.0 %, Foreign-born 72.5 %, −4.5 points). \
             Average gap of 4 countries: +6.7 points. Foreign-born is higher than Native-born in 1 of 4 countries."
        );
        assert_eq!(summarize_gap(&[], "A", "B", "%", 1), "No data.");
    }

    #[test]
    fn snapshot() {
        let mut meta = testutil::meta("gap-snap");
        meta.description = summarize_gap(&sample(), "Native-born", "Foreign-born", "%", 1);
        insta::assert_snapshot!(gap(&meta, &sample(), "Native-born", "Foreign-born"));
    }

    #[test]
    #[ignore = "writes preview files; run with --ignored"]
    fn previews() {
        let meta = testutil::meta("gap-preview");
        testutil::preview("gap-small", &gap(&meta, &sample(), "Native-born", "Foreign-born"));
        let rows: Vec<GapRow> = (0..27)
            .map(|i| {
                let a = 60.0 + (i * 17 % 20) as f64;
                row(
                    &format!("C{i}"),
                    &format!("Country number {i}"),
                    a,
                    a - 12.0 + (i * 7 % 19) as f64,
                    if i % 9 == 0 { "p" } else { "" },
                )
            })
            .collect();
        testutil::preview("gap-27", &gap(&meta, &rows, "Native-born", "Foreign-born (non-EU)"));
    }
}
