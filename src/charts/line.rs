//! Time series: one line per series, broken where a year is missing or has
//! no value, a distinct marker shape per series, flagged values hollow with
//! their letters, the series label at its last point and a legend below.

use super::axis::{Linear, Ticks, padded, ticks_up, y_axis, y_label_width};
use super::legend::{Entry, Sample, legend};
use super::scene::{Anchor, Marker, Scene};
use super::{
    ChartMeta, FONT, MUTED, TEXT, WIDTH, change_with_unit, flags_sentence, join_names, name_of, no_data, series,
    text_width, truncate, with_unit,
};

/// One line: a value (or none) per year, with flag letters.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Series {
    pub code: String,
    pub label: String,
    pub points: Vec<(i32, Option<f64>, String)>,
    /// The decimals each year's value was published with (as the YAML
    /// wrote it), where known; the summary says each value so.
    pub published: std::collections::BTreeMap<i32, usize>,
    /// The label as it stands inside a sentence ("the Netherlands"), when
    /// it differs from `label`; the summary uses it, the drawing never.
    pub label_in_text: Option<String>,
}

/// A point with a value.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Point<'a> {
    year: i32,
    value: f64,
    flags: &'a str,
}

/// Points sorted by year, the first of duplicate years kept, non-finite
/// values treated as missing.
fn cleaned(series: &Series) -> Vec<(i32, Option<Point<'_>>)> {
    let mut points: Vec<&(i32, Option<f64>, String)> = series.points.iter().collect();
    points.sort_by_key(|p| p.0);
    points.dedup_by_key(|p| p.0);
    points
        .into_iter()
        .map(|(year, value, flags)| {
            let point = value.filter(|v| v.is_finite()).map(|value| Point { year: *year, value, flags: flags.trim() });
            (*year, point)
        })
        .collect()
}

/// Runs of consecutive years with values: a missing value or a skipped
/// year ends a run.
fn segments<'a>(points: &[(i32, Option<Point<'a>>)]) -> Vec<Vec<Point<'a>>> {
    let mut runs: Vec<Vec<Point<'a>>> = Vec::new();
    let mut current: Vec<Point<'a>> = Vec::new();
    for (_, point) in points {
        match point {
            Some(p) if current.last().is_none_or(|last| last.year + 1 == p.year) => current.push(*p),
            Some(p) => runs.push(std::mem::replace(&mut current, vec![*p])),
            None if current.is_empty() => {}
            None => runs.push(std::mem::take(&mut current)),
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

const TOP: f64 = 34.0;
/// The plot's height; it grows so that every end label fits beside it.
const PLOT_HEIGHT: f64 = 230.0;
const END_LABEL_GAP: f64 = 17.0;
/// With more series than this, flag letters and thick lines would hide the
/// data: flagged points stay hollow, the letters are in the table.
const CROWDED: usize = 6;
const END_LABEL_CHARS: usize = 16;
/// Marker radius; smaller when many years crowd the line.
const MARKER: f64 = 4.5;
const SMALL_MARKER: f64 = 3.5;

/// Everything that places a series on the chart.
struct Frame {
    x: Linear,
    y: Linear,
    left: f64,
    right: f64,
    bottom: f64,
    marker: f64,
    crowded: bool,
}

impl Frame {
    fn at(&self, p: &Point<'_>) -> (f64, f64) {
        (self.x.map(f64::from(p.year)), self.y.map(p.value))
    }
}

/// Whether a unit label names a score (`score, 0-100`), whose axis starts at zero.
fn is_score(unit_label: &str) -> bool {
    unit_label.trim_start().starts_with("score")
}

/// Lines over years. `reference` (e.g. the EU-27) is drawn dashed and dark,
/// under the series. A score's axis starts at zero.
pub(crate) fn line(meta: &ChartMeta, series: &[Series], reference: Option<&Series>) -> String {
    let all: Vec<&Series> = reference.into_iter().chain(series).collect();
    let cleaned: Vec<Vec<(i32, Option<Point<'_>>)>> = all.iter().map(|s| cleaned(s)).collect();
    let values: Vec<f64> = cleaned.iter().flatten().filter_map(|(_, p)| p.map(|p| p.value)).collect();
    if values.is_empty() {
        return no_data(meta, "line");
    }
    let years: Vec<i32> = cleaned.iter().flatten().map(|(y, _)| *y).collect();
    let (first_year, last_year) = (years.iter().copied().min().unwrap_or(0), years.iter().copied().max().unwrap_or(0));
    let (lo, hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    // A score (0-100) is read against its whole scale: its axis starts at zero.
    let lo = if is_score(&meta.unit_label) { lo.min(0.0) } else { lo };
    let (lo, hi) = padded(lo, hi);
    let with_values = cleaned.iter().filter(|s| s.iter().any(|(_, p)| p.is_some())).count();
    let plot_height = PLOT_HEIGHT.max(with_values as f64 * END_LABEL_GAP - 8.0);
    let ticks = ticks_up(lo, hi, plot_height);
    let end_labels: Vec<String> = all.iter().map(|s| truncate(name_of(&s.label, &s.code), END_LABEL_CHARS)).collect();
    let right_room = end_labels.iter().map(|l| text_width(l, FONT)).fold(0.0, f64::max).clamp(8.0, 140.0) + 14.0;
    let left = 8.0 + y_label_width(&ticks) + 8.0;
    let right = WIDTH - right_room;
    let bottom = TOP + plot_height;
    let frame = Frame {
        x: Linear::new((f64::from(first_year), f64::from(last_year)), (left + 10.0, right - 6.0)),
        y: Linear::new(ticks.domain(), (bottom, TOP)),
        left,
        right,
        bottom,
        marker: if last_year - first_year >= 15 { SMALL_MARKER } else { MARKER },
        crowded: all.len() > CROWDED,
    };
    let mut scene = Scene::new(0.0);
    axes(&mut scene, &frame, &ticks, (first_year, last_year), &meta.unit_label);
    let mut ends = Vec::new();
    let offset = usize::from(reference.is_some());
    for (i, points) in cleaned.iter().enumerate() {
        let is_reference = i < offset;
        let end = draw_series(&mut scene, &frame, points, (!is_reference).then(|| i - offset));
        if let Some(end) = end {
            ends.push((end_labels[i].clone(), end));
        }
    }
    end_labels_at(&mut scene, &ends, &frame);
    let entries = legend_entries(&all, reference.is_some(), &cleaned, frame.crowded);
    let height = legend(&mut scene, &entries, bottom + 36.0) + 4.0;
    scene.set_height(height);
    scene.render(meta, "line")
}

/// Gridlines and value ticks, year ticks under the plot, the unit on top.
fn axes(scene: &mut Scene, frame: &Frame, ticks: &Ticks, (first, last): (i32, i32), unit: &str) {
    y_axis(scene, &frame.y, ticks, frame.left, frame.right);
    scene.line(vec![(frame.left, frame.bottom), (frame.right, frame.bottom)], MUTED, 1).class("chart__axis");
    let step = year_step(first, last, frame.right - frame.left);
    let mut year = first + (step - first.rem_euclid(step)) % step;
    while year <= last {
        let x = frame.x.map(f64::from(year));
        scene.line(vec![(x, frame.bottom), (x, frame.bottom + 5.0)], MUTED, 1).class("chart__axis");
        scene.text((x, frame.bottom + 16.0), &year.to_string(), Anchor::Middle, FONT, MUTED).class("chart__axis");
        year += step;
    }
    if !unit.trim().is_empty() {
        scene.text((8.0, TOP - 20.0), unit, Anchor::Start, FONT, MUTED).class("chart__axis");
    }
}

/// The smallest of 1, 2, 5, 10… years between labels that fits `width`.
fn year_step(first: i32, last: i32, width: f64) -> i32 {
    let span = (last - first).max(0);
    let fits = (width / 46.0).max(1.0) as i32;
    [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].into_iter().find(|s| span / s < fits).unwrap_or(1000)
}

/// Lines, markers and flag letters of one series (`None`: the reference);
/// returns where its last point is drawn.
fn draw_series(
    scene: &mut Scene,
    frame: &Frame,
    points: &[(i32, Option<Point<'_>>)],
    n: Option<usize>,
) -> Option<(f64, f64)> {
    let (class, colour) = match n {
        Some(n) => series(n),
        None => ("chart__axis chart__reference".to_string(), TEXT),
    };
    let runs = segments(points);
    for run in runs.iter().filter(|r| r.len() > 1) {
        let line = scene.line(run.iter().map(|p| frame.at(p)).collect(), colour, 2);
        let width = if frame.crowded { "1.5" } else { "2.5" };
        line.class(&class).class("chart__line").attr("fill-opacity", "0").attr("stroke-width", width);
        if n.is_none() {
            line.attr("stroke-dasharray", "6 4");
        }
    }
    for point in runs.iter().flatten() {
        let at = frame.at(point);
        let flagged = !point.flags.is_empty();
        match n {
            Some(n) => {
                scene.marker(Marker::nth(n), at, frame.marker, colour, flagged).class(&class).class("chart__point");
            }
            None => {
                let class = if flagged { "chart__axis" } else { "chart__label" };
                scene.marker(Marker::Circle, at, 3.0, colour, flagged).class(class).class("chart__point");
            }
        }
        if flagged && !frame.crowded {
            // `chart__flag`: the theme gives the letters a halo of the
            // background colour, so they stay legible over lines and markers.
            scene
                .text((at.0, at.1 - 14.0), point.flags, Anchor::Middle, FONT, TEXT)
                .class("chart__label")
                .class("chart__flag");
        }
    }
    runs.last().and_then(|r| r.last()).map(|p| frame.at(p))
}

/// Series labels right of their last points, pushed apart vertically.
fn end_labels_at(scene: &mut Scene, ends: &[(String, (f64, f64))], frame: &Frame) {
    let ys = spread(ends.iter().map(|(_, (_, y))| *y).collect(), END_LABEL_GAP, TOP - 8.0, frame.bottom + 8.0);
    for ((label, (x, _)), y) in ends.iter().zip(ys) {
        scene.text((x + 10.0, y), label, Anchor::Start, FONT, TEXT).class("chart__label");
    }
}

/// Moves the values apart to at least `gap`, within `lo..=hi` when they
/// fit; the result is in the input's order.
fn spread(ys: Vec<f64>, gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..ys.len()).collect();
    order.sort_by(|a, b| ys[*a].total_cmp(&ys[*b]).then(a.cmp(b)));
    let mut placed: Vec<f64> = order.iter().map(|i| ys[*i]).collect();
    for i in 1..placed.len() {
        placed[i] = placed[i].max(placed[i - 1] + gap);
    }
    if let Some(last) = placed.last_mut() {
        *last = last.min(hi);
    }
    for i in (0..placed.len().saturating_sub(1)).rev() {
        placed[i] = placed[i].min(placed[i + 1] - gap);
    }
    if let Some(first) = placed.first_mut() {
        *first = first.max(lo);
    }
    for i in 1..placed.len() {
        placed[i] = placed[i].max(placed[i - 1] + gap);
    }
    let mut out = vec![0.0; ys.len()];
    for (slot, i) in order.into_iter().enumerate() {
        out[i] = placed[slot];
    }
    out
}

fn legend_entries(
    all: &[&Series],
    has_reference: bool,
    cleaned: &[Vec<(i32, Option<Point<'_>>)>],
    crowded: bool,
) -> Vec<Entry> {
    let offset = usize::from(has_reference);
    let mut entries: Vec<Entry> = all
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let label = name_of(&s.label, &s.code).to_string();
            let sample = if i < offset {
                Sample::Reference
            } else {
                Sample::Series { n: i - offset, marker: Marker::nth(i - offset), line: true }
            };
            Entry { sample, label }
        })
        .collect();
    let flagged = cleaned.iter().flatten().any(|(_, p)| p.is_some_and(|p| !p.flags.is_empty()));
    if flagged {
        let label = if crowded { "flagged value (letters in the table)" } else { "flagged value" };
        entries.push(Entry { sample: Sample::Hollow, label: label.into() });
    }
    entries
}

/// "Spain rose from 52.1 % in 2015 to 61.0 % in 2024 (+8.9 points)." per
/// series, the reference last, then the flagged values.
pub(crate) fn summarize_line(
    series: &[Series],
    unit_label: &str,
    decimals: usize,
    reference: Option<&Series>,
) -> String {
    let mut sentences: Vec<String> =
        series.iter().chain(reference).map(|s| describe(s, unit_label, decimals)).collect();
    if sentences.is_empty() {
        return "No data.".to_string();
    }
    let flagged: Vec<(String, String)> = series
        .iter()
        .chain(reference)
        .flat_map(|s| {
            let name = name_of(&s.label, &s.code).to_string();
            cleaned(s)
                .into_iter()
                .filter_map(|(_, p)| p.filter(|p| !p.flags.is_empty()))
                .map(move |p| (format!("{name} {}", p.year), p.flags.to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    sentences.push(flags_sentence(&flagged).trim().to_string());
    sentences.retain(|s| !s.is_empty());
    sentences.join(" ")
}

fn describe(series: &Series, unit: &str, decimals: usize) -> String {
    // Each sentence begins with the series' name: "The Netherlands rose …".
    let name = crate::format::sentence_start(
        series.label_in_text.as_deref().unwrap_or_else(|| name_of(&series.label, &series.code)),
    );
    let points: Vec<Point<'_>> = cleaned(series).into_iter().filter_map(|(_, p)| p).collect();
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return format!("{name}: no data.");
    };
    // Each value with the decimals it was published with (at most the
    // indicator's), no trailing zeros added: "from 73 in 2014 to 85.5 in
    // 2019 (+12.5 points)".
    let places = |p: &Point<'_>| series.published.get(&p.year).map_or(decimals, |d| (*d).min(decimals));
    let fmt = |p: &Point<'_>| with_unit(p.value, unit, places(p));
    let mut text = if points.len() == 1 {
        format!("{name}: {} in {}.", fmt(first), first.year)
    } else {
        let change = change_with_unit(last.value - first.value, unit, places(first).max(places(last)));
        let (from, to) = (crate::format::number(first.value, decimals), crate::format::number(last.value, decimals));
        if from == to {
            format!("{name} was {} in {} and in {}.", fmt(first), first.year, last.year)
        } else {
            let verb = if last.value > first.value { "rose" } else { "fell" };
            format!("{name} {verb} from {} in {} to {} in {} ({change}).", fmt(first), first.year, fmt(last), last.year)
        }
    };
    let missing = missing_years(&points);
    if !missing.is_empty() {
        text.pop();
        text.push_str(&format!("; no data for {}.", join_names(&missing)));
    }
    text
}

/// Years between the first and the last value without one, as ranges
/// ("2018–2019", "2021").
fn missing_years(points: &[Point<'_>]) -> Vec<String> {
    points
        .windows(2)
        .filter(|w| w[1].year > w[0].year + 1)
        .map(|w| {
            let (a, b) = (w[0].year + 1, w[1].year - 1);
            if a == b { a.to_string() } else { format!("{a}–{b}") }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testutil::{self, check_common, parse, texts, with_class};

    fn series(code: &str, label: &str, points: &[(i32, Option<f64>, &str)]) -> Series {
        Series {
            code: code.into(),
            label: label.into(),
            points: points.iter().map(|(y, v, f)| (*y, *v, f.to_string())).collect(),
            ..Series::default()
        }
    }

    fn sample() -> (Vec<Series>, Series) {
        let es = series(
            "ES",
            "Spain",
            &[
                (2015, Some(52.1), ""),
                (2016, Some(54.0), ""),
                (2017, None, ""),
                (2018, Some(58.0), ""),
                (2019, Some(61.0), "p"),
            ],
        );
        let de = series(
            "DE",
            "Germany",
            &[(2015, Some(70.0), ""), (2016, Some(71.2), ""), (2017, Some(72.0), ""), (2019, Some(74.5), "")],
        );
        let eu = series(
            "EU27",
            "EU-27",
            &[
                (2015, Some(64.0), ""),
                (2016, Some(65.0), ""),
                (2017, Some(66.1), ""),
                (2018, Some(67.0), ""),
                (2019, Some(68.2), ""),
            ],
        );
        (vec![es, de], eu)
    }

    #[test]
    fn segments_break_at_missing_values_and_years() {
        let (s, _) = sample();
        let es = cleaned(&s[0]);
        let runs = segments(&es);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].len(), 2);
        let de = cleaned(&s[1]);
        assert_eq!(segments(&de).iter().map(Vec::len).collect::<Vec<_>>(), vec![3, 1]);
        let unordered = series("X", "X", &[(2020, Some(1.0), ""), (2018, Some(2.0), ""), (2019, Some(f64::NAN), "")]);
        assert_eq!(segments(&cleaned(&unordered)).len(), 2);
    }

    #[test]
    fn draws_segments_markers_labels_and_legend() {
        let meta = testutil::meta("trend");
        let (s, eu) = sample();
        let svg = line(&meta, &s, Some(&eu));
        check_common(&svg, &meta, "line");
        let doc = parse(&svg);
        // Spain: 2 runs (2015-16, 2018-19); Germany: 2015-17 and a lone 2019; EU: 1.
        assert_eq!(with_class(&doc, "chart__line").len(), 2 + 1 + 1);
        assert_eq!(with_class(&doc, "chart__point").len(), 4 + 4 + 5);
        let es_lines: Vec<_> =
            with_class(&doc, "chart__series--1").into_iter().filter(|n| n.has_tag_name("polyline")).collect();
        assert_eq!(es_lines.len(), 2 + 1, "two segments and the legend sample");
        let reference = with_class(&doc, "chart__reference");
        assert!(reference.iter().all(|n| n.attribute("stroke-dasharray").is_some()));
        let texts = texts(&doc);
        for label in ["Spain", "Germany", "EU-27", "2015", "2019", "%", "p", "flagged value"] {
            assert!(texts.iter().any(|t| t == label), "{label} missing from {texts:?}");
        }
        let hollow = doc
            .descendants()
            .filter(|n| {
                n.attribute("fill-opacity") == Some("0")
                    && n.attribute("class").is_some_and(|c| c.contains("chart__point"))
            })
            .count();
        assert_eq!(hollow, 1);
    }

    #[test]
    fn a_score_axis_starts_at_zero_a_percentage_axis_need_not() {
        let (s, _) = sample();
        let lowest_tick = |unit: &str| -> f64 {
            let meta = ChartMeta { unit_label: unit.into(), ..testutil::meta("axis") };
            let svg = line(&meta, &s, None);
            let doc = parse(&svg);
            with_class(&doc, "chart__axis")
                .into_iter()
                .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor") == Some("end"))
                .filter_map(|n| n.text()?.replace('−', "-").parse::<f64>().ok())
                .fold(f64::INFINITY, f64::min)
        };
        assert_eq!(lowest_tick("score, 0-100"), 0.0);
        assert!(lowest_tick("%") >= 50.0, "{}", lowest_tick("%"));
    }

    #[test]
    fn edge_cases_draw() {
        let meta = testutil::meta("edge");
        let one = series("A", "Austria", &[(2020, Some(5.0), "")]);
        let equal = series("B", "Belgium", &[(2019, Some(5.0), ""), (2020, Some(5.0), "")]);
        let nulls = series("C", "Cyprus", &[(2019, None, ""), (2020, None, "")]);
        let negative =
            series("D", "Denmark with a very long name indeed", &[(2019, Some(-5.0), ""), (2020, Some(3.0), "e")]);
        for set in [vec![one.clone()], vec![equal.clone()], vec![nulls.clone()], vec![negative, one], vec![]] {
            let svg = line(&meta, &set, None);
            check_common(&svg, &meta, "line");
        }
        let svg = line(&meta, &[nulls], None);
        assert!(texts(&parse(&svg)).contains(&"No data".to_string()));
        let svg = line(&meta, &[equal], None);
        let doc = parse(&svg);
        assert!(with_class(&doc, "chart__grid").len() >= 2);
    }

    #[test]
    fn is_deterministic_and_escapes() {
        let meta = testutil::meta("det");
        let (mut s, eu) = sample();
        s[0].label = r#"<script>&""#.into();
        let svg = line(&meta, &s, Some(&eu));
        assert_eq!(svg, line(&meta, &s, Some(&eu)));
        assert!(svg.contains("&lt;script&gt;&amp;&quot;") && !svg.contains("&amp;lt;"));
    }

    #[test]
    fn many_series_keep_end_labels_apart_and_above_the_legend() {
        let meta = testutil::meta("many");
        let many: Vec<Series> = (0..27)
            .map(|i| {
                let points: Vec<(i32, Option<f64>, &str)> =
                    (2015..2025).map(|y| (y, Some(5.0 + f64::from(i % 3)), "p")).collect();
                series(&format!("C{i}"), &format!("Country {i}"), &points)
            })
            .collect();
        let svg = line(&meta, &many, None);
        check_common(&svg, &meta, "line");
        let doc = parse(&svg);
        let y_of = |n: &roxmltree::Node<'_, '_>| n.attribute("y").and_then(|y| y.parse::<i32>().ok()).unwrap();
        let labels: Vec<_> = testutil::find_all(&doc, "text")
            .into_iter()
            .filter(|t| t.text().is_some_and(|t| t.starts_with("Country")))
            .collect();
        let (ends, legend) = labels.split_at(27);
        let mut end_ys: Vec<i32> = ends.iter().map(y_of).collect();
        end_ys.sort_unstable();
        assert!(end_ys.windows(2).all(|w| w[1] - w[0] >= 16), "{end_ys:?}");
        let legend_top = legend.iter().map(y_of).min().unwrap();
        assert!(end_ys.last().unwrap() + 17 <= legend_top);
        assert!(!texts(&doc).iter().any(|t| t == "p"), "no flag letters when crowded");
        assert!(texts(&doc).iter().any(|t| t == "flagged value (letters in the table)"));
    }

    #[test]
    fn spread_keeps_order_and_gap() {
        assert_eq!(spread(vec![10.0, 12.0, 100.0], 17.0, 0.0, 200.0), vec![10.0, 27.0, 100.0]);
        assert_eq!(spread(vec![195.0, 199.0], 17.0, 0.0, 200.0), vec![183.0, 200.0]);
    }

    #[test]
    fn year_steps_fit() {
        assert_eq!(year_step(2015, 2024, 480.0), 1);
        assert_eq!(year_step(2015, 2024, 400.0), 2);
        assert_eq!(year_step(1995, 2024, 330.0), 5);
        assert_eq!(year_step(2020, 2020, 330.0), 1);
    }

    #[test]
    fn summary_tells_change_gaps_and_flags() {
        let (s, eu) = sample();
        assert_eq!(
            summarize_line(&s, "%", 1, Some(&eu)),
            "Spain rose from 52.1 % in 2015 to 61.0 % in 2019 (+8.9 points); no data for 2017. \
             Germany rose from 70.0 % in 2015 to 74.5 % in 2019 (+4.5 points); no data for 2018. \
             EU-27 rose from 64.0 % in 2015 to 68.2 % in 2019 (+4.2 points). 1 value carries a flag: Spain 2019 (p)."
        );
        let flat = series("B", "Belgium", &[(2019, Some(5.0), ""), (2020, Some(5.0), "")]);
        assert_eq!(summarize_line(&[flat], "%", 1, None), "Belgium was 5.0 % in 2019 and in 2020.");
        let none = series("C", "Cyprus", &[(2019, None, "")]);
        assert_eq!(summarize_line(&[none], "%", 1, None), "Cyprus: no data.");
        assert_eq!(summarize_line(&[], "%", 1, None), "No data.");
    }

    #[test]
    fn snapshot() {
        let mut meta = testutil::meta("line-snap");
        let (s, eu) = sample();
        meta.description = summarize_line(&s, "%", 1, Some(&eu));
        insta::assert_snapshot!(line(&meta, &s, Some(&eu)));
    }

    #[test]
    #[ignore = "writes preview files; run with --ignored"]
    fn previews() {
        let meta = testutil::meta("line-preview");
        let (s, eu) = sample();
        testutil::preview("line-small", &line(&meta, &s, Some(&eu)));
        let names = ["Spain", "Germany", "Bosnia and Herzegovina", "Italy", "Poland"];
        let mut seed = 7u32;
        let many: Vec<Series> = names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let points = (1995..2025)
                    .map(|y| {
                        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        let v = 40.0 + i as f64 * 6.0 + f64::from(seed >> 16 & 0xff) / 40.0;
                        let v = if y == 2003 && i == 1 { None } else { Some(v) };
                        (y, v, if y == 2024 && i < 2 { "p".to_string() } else { String::new() })
                    })
                    .collect();
                Series { code: format!("S{i}"), label: name.to_string(), points, ..Series::default() }
            })
            .collect();
        testutil::preview("line-5x30", &line(&meta, &many, Some(&eu)));
        let crowd: Vec<Series> = (0..27)
            .map(|i| {
                let mut s = many[i % many.len()].clone();
                s.label = format!("{} {i}", s.label);
                for p in &mut s.points {
                    p.1 = p.1.map(|v| v + i as f64);
                }
                s
            })
            .collect();
        testutil::preview("line-27", &line(&meta, &crowd, Some(&eu)));
    }
}
