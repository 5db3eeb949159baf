//! Choropleth of Europe from `data/geo/europe.json`.
//!
//! The outlines are projected once (Lambert azimuthal equal-area centred at
//! 10°E 52°N), cropped east of the Caspian (the window's Asian edge) and
//! fitted to the chart width: [`geometry`] holds them in chart units, so a
//! chart only chooses fills. Countries in the values are filled by quantile
//! class (a sequential blue ramp), `None` is "no data" (hatched grey), and the
//! others are light grey context. Micro-states are drawn last, and those
//! smaller than a few units as a dot. `CY-N` (northern Cyprus) is context
//! unless the values name it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::scene::{Anchor, Pt, Scene};
use super::{
    ChartMeta, FONT, MUTED, RULE, TEXT, WIDTH, escape_xml, flags_sentence, join_names, name_of, no_data, text_width,
    truncate, with_unit,
};
use crate::format;

/// One country's value; `label` (a name, may be empty) is used in the
/// tooltip and the summary, `None` draws "no data".
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct MapValue {
    pub code: String,
    pub label: String,
    pub value: Option<f64>,
    pub flags: String,
    /// The decimals the value was published with, when fewer than the map's.
    pub decimals: Option<usize>,
    /// The value carries a note (derived or secondary): marked in its title
    /// and named by the summary.
    pub noted: bool,
}

impl MapValue {
    fn decimals(&self, decimals: usize) -> usize {
        self.decimals.map_or(decimals, |d| d.min(decimals))
    }
}

/// Countries drawn after the others so that they stay visible.
const LATE: [&str; 7] = ["AD", "CY", "LI", "LU", "MC", "MT", "SM"];
/// Outlines smaller than this (chart units) become a dot of [`DOT`] radius.
const TINY: f64 = 5.0;
const DOT: f64 = 3.5;
/// The crop: nothing east of this projected x (km), about 45°E at 40°N.
const EAST_KM: f64 = 3150.0;
const EARTH_KM: f64 = 6371.0;
const MARGIN: f64 = 8.0;

/// A country in chart units, in drawing order.
#[derive(Debug)]
pub(super) struct Outline {
    pub(super) code: String,
    pub(super) rings: Vec<Vec<Pt>>,
}

#[derive(Debug, Default)]
pub(super) struct Geometry {
    pub(super) countries: Vec<Outline>,
    pub(super) height: f64,
}

#[derive(Deserialize)]
struct GeoFile {
    countries: BTreeMap<String, Vec<Vec<Vec<[f64; 2]>>>>,
}

/// The outlines, projected, cropped and fitted once.
pub(super) fn geometry() -> &'static Geometry {
    static GEOMETRY: OnceLock<Geometry> = OnceLock::new();
    GEOMETRY.get_or_init(|| {
        let file: GeoFile = serde_json::from_str(include_str!("../../data/geo/europe.json"))
            .unwrap_or(GeoFile { countries: BTreeMap::new() });
        build(&file)
    })
}

/// Lambert azimuthal equal-area, centre 10°E 52°N, in km; y grows north.
fn project([lon, lat]: [f64; 2]) -> Pt {
    let (l0, p0) = (10f64.to_radians(), 52f64.to_radians());
    let (l, p) = (lon.to_radians(), lat.to_radians());
    let k = (2.0 / (1.0 + p0.sin() * p.sin() + p0.cos() * p.cos() * (l - l0).cos())).sqrt();
    let x = k * p.cos() * (l - l0).sin();
    let y = k * (p0.cos() * p.sin() - p0.sin() * p.cos() * (l - l0).cos());
    (x * EARTH_KM, y * EARTH_KM)
}

fn build(file: &GeoFile) -> Geometry {
    let projected: Vec<(&String, Vec<Vec<Pt>>)> = file
        .countries
        .iter()
        .map(|(code, polygons)| {
            let rings = polygons.iter().flatten().map(|ring| ring.iter().map(|p| project(*p)).collect()).collect();
            (code, rings)
        })
        .collect();
    let all = projected.iter().flat_map(|(_, rings)| rings.iter().flatten());
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (x, y) in all {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    if !(x1 > x0 && y1 > y0) {
        return Geometry::default();
    }
    x1 = x1.min(EAST_KM);
    let scale = (WIDTH - 2.0 * MARGIN) / (x1 - x0);
    let to_chart = |(x, y): Pt| ((x - x0) * scale + MARGIN, (y1 - y) * scale + MARGIN);
    let mut countries: Vec<Outline> = projected
        .into_iter()
        .map(|(code, rings)| {
            let rings: Vec<Vec<Pt>> =
                rings.iter().map(|r| clip(r, (x0, y0, x1, y1)).into_iter().map(to_chart).collect()).collect();
            Outline { code: code.clone(), rings: simplified(rings) }
        })
        .filter(|c| !c.rings.is_empty())
        .collect();
    countries.sort_by_key(|c| (LATE.contains(&c.code.as_str()), c.code.clone()));
    Geometry { countries, height: (y1 - y0) * scale + 2.0 * MARGIN }
}

/// Clips a closed ring to a rectangle (Sutherland–Hodgman).
fn clip(ring: &[Pt], (x0, y0, x1, y1): (f64, f64, f64, f64)) -> Vec<Pt> {
    type Inside = fn(Pt, f64) -> bool;
    type Cross = fn(Pt, Pt, f64) -> Pt;
    let at_x: Cross = |a, b, x| (x, a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0));
    let at_y: Cross = |a, b, y| (a.0 + (b.0 - a.0) * (y - a.1) / (b.1 - a.1), y);
    let edges: [(Inside, Cross, f64); 4] = [
        (|p, x| p.0 >= x, at_x, x0),
        (|p, x| p.0 <= x, at_x, x1),
        (|p, y| p.1 >= y, at_y, y0),
        (|p, y| p.1 <= y, at_y, y1),
    ];
    let mut points: Vec<Pt> = ring.to_vec();
    for (inside, cross, edge) in edges {
        let input = std::mem::take(&mut points);
        for (i, &current) in input.iter().enumerate() {
            let previous = input[(i + input.len() - 1) % input.len()];
            match (inside(previous, edge), inside(current, edge)) {
                (true, true) => points.push(current),
                (true, false) => points.push(cross(previous, current, edge)),
                (false, true) => {
                    points.push(cross(previous, current, edge));
                    points.push(current);
                }
                (false, false) => {}
            }
        }
    }
    points
}

/// Rounds rings to whole units (what the SVG holds), drops repeated points
/// and rings that collapse; a country that becomes tiny is a dot.
fn simplified(rings: Vec<Vec<Pt>>) -> Vec<Vec<Pt>> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (x, y) in rings.iter().flatten() {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    if !x0.is_finite() {
        return Vec::new();
    }
    if (x1 - x0).max(y1 - y0) < TINY {
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let dot = (0..12)
            .map(|i| f64::from(i) * std::f64::consts::PI / 6.0)
            .map(|a| (cx + DOT * a.cos(), cy - DOT * a.sin()));
        return vec![dot.collect()];
    }
    rings
        .into_iter()
        .map(|ring| {
            let mut points: Vec<Pt> = ring.into_iter().map(|(x, y)| (x.round(), y.round())).collect();
            points.dedup();
            if points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
            points
        })
        .filter(|ring| ring.len() >= 3)
        .collect()
}

/// A class break: its value and the decimals its legend shows.
type Break = (f64, usize);

/// Class breaks: quantiles of the values (each given with the decimals it
/// was published with), equal neighbours merged. The lowest and highest
/// break are values of the map, shown as published; a break between two
/// values is rounded to the decimals of the more precise of the two (a
/// break between `40` and `53.125` has 3, between `12.5` and `31.25` 2),
/// never more than `decimals`. `n` values give at most `classes` classes;
/// all-equal data gives one break (one class).
fn breaks(values: &[(f64, usize)], classes: usize, decimals: usize) -> Vec<Break> {
    let mut sorted: Vec<(f64, usize)> =
        values.iter().filter(|(v, _)| v.is_finite()).map(|&(v, d)| (v, d.min(decimals))).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else { return Vec::new() };
    let classes = classes.clamp(1, 7);
    let quantile = |p: f64| {
        let h = (sorted.len() - 1) as f64 * p;
        let (lo, hi) = (sorted[h.floor() as usize], sorted[h.ceil() as usize]);
        let value = round_to(lo.0 + (h - h.floor()) * (hi.0 - lo.0), lo.1.max(hi.1));
        // No trailing zeros: a break at 46.7 is not "46.70".
        (value, format::decimals_of(value, lo.1.max(hi.1)))
    };
    let mut out: Vec<Break> = [min]
        .into_iter()
        .chain((1..classes).map(|i| quantile(i as f64 / classes as f64)))
        .chain([max])
        .map(|(v, places)| (round_to(v, places), places))
        .collect();
    out.dedup_by(|b, a| a.0 == b.0);
    out
}

fn round_to(value: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals.min(12) as i32);
    (value * scale).round() / scale
}

/// The class (0-based) of `value` given the breaks.
fn class_of(value: f64, breaks: &[f64], decimals: usize) -> usize {
    let value = round_to(value, decimals);
    let classes = breaks.len().saturating_sub(1).max(1);
    breaks.iter().skip(1).position(|b| value <= *b).unwrap_or(classes - 1).min(classes - 1)
}

/// The map's sequential blues: 13 steps evenly spaced in lightness
/// (OKLab L 0.88 to 0.33, along ColorBrewer's "Blues"), light to dark. A
/// map of `n` classes takes `n` of them spread evenly (see [`ramp`]), so
/// neighbouring classes are at least two steps apart (about 0.09 in OKLab)
/// and the lightest stays apart from the grey context. Each region and
/// swatch carries its step as the class `map-step--S` (1-based), which the
/// theme recolours for dark mode; these are the fallback colours.
const STEPS: [&str; 13] = [
    "#C5DAEF", "#A9CFE5", "#90C2DE", "#77B4D9", "#60A6D2", "#4B98C9", "#3989C1", "#2979B9", "#1B69AF", "#105AA3",
    "#084C94", "#083F81", "#08326E",
];

/// The steps (indices into [`STEPS`]) of `n` classes, spread evenly from
/// the lightest to the darkest; one class takes the middle step.
fn ramp(n: usize) -> Vec<usize> {
    let last = STEPS.len() - 1;
    match n {
        0 => Vec::new(),
        1 => vec![last / 2],
        n => (0..n).map(|k| (k * last * 2 + (n - 1)) / (2 * (n - 1))).collect(),
    }
}

/// The class name and fallback colour of a step.
fn step(s: usize) -> (String, &'static str) {
    (format!("map-step--{}", s + 1), STEPS[s.min(STEPS.len() - 1)])
}

/// The legend text of each class: "40–55.25" ("−3 to 2.5" with a sign),
/// each break with its own decimals.
fn class_labels(breaks: &[Break]) -> Vec<String> {
    let n = |(v, places): Break| format::number(v, places);
    match breaks {
        [] => Vec::new(),
        [only] => vec![n(*only)],
        _ => breaks
            .windows(2)
            .map(|w| {
                let dash = if w[0].0 < 0.0 || w[1].0 < 0.0 { " to " } else { "–" };
                format!("{}{dash}{}", n(w[0]), n(w[1]))
            })
            .collect(),
    }
}

const CONTEXT: &str = "#EEEEEC";
const NO_DATA_GREY: &str = "#D4D4D0";

/// A choropleth: one `<path data-code>` per country of the geometry.
pub(crate) fn map(meta: &ChartMeta, values: &[MapValue], classes: usize) -> String {
    let geo = geometry();
    if values.is_empty() || geo.countries.is_empty() {
        return no_data(meta, "map");
    }
    let by_code: BTreeMap<&str, &MapValue> = values.iter().rev().map(|v| (v.code.as_str(), v)).collect();
    let present: Vec<(f64, usize)> = values
        .iter()
        .filter_map(|v| v.value.filter(|x| x.is_finite()).map(|x| (x, v.decimals(meta.decimals))))
        .collect();
    let breaks = breaks(&present, classes, meta.decimals);
    let break_values: Vec<f64> = breaks.iter().map(|b| b.0).collect();
    let steps = ramp(breaks.len().saturating_sub(1).max(usize::from(!breaks.is_empty())));
    let mut scene = Scene::new(0.0);
    let hatch = format!("{}-hatch", meta.id);
    scene.add_defs(&format!(
        "<pattern id=\"{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
         <rect class=\"map-hatch__ground\" width=\"6\" height=\"6\" fill=\"{NO_DATA_GREY}\"/>\
         <line class=\"map-hatch__line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{MUTED}\" stroke-width=\"1.5\"/></pattern>",
        escape_xml(&hatch)
    ));
    for outline in &geo.countries {
        let value = by_code.get(outline.code.as_str()).copied();
        let fill = match value.map(|v| v.value.filter(|x| x.is_finite())) {
            None => Fill::Context,
            Some(None) => Fill::NoData,
            Some(Some(x)) => Fill::Class(class_of(x, &break_values, meta.decimals)),
        };
        region(&mut scene, outline, value, fill, (&steps, &hatch), meta);
    }
    let legend_top = geo.height + 6.0;
    let height = legend(&mut scene, &class_labels(&breaks), &steps, &hatch, legend_top, &meta.unit_label);
    scene.set_height(height);
    scene.render(meta, "map")
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Fill {
    Context,
    NoData,
    Class(usize),
}

fn region(
    scene: &mut Scene,
    outline: &Outline,
    value: Option<&MapValue>,
    fill: Fill,
    (steps, hatch): (&[usize], &str),
    meta: &ChartMeta,
) {
    let (step_class, colour) = match fill {
        Fill::Class(k) => step(steps.get(k).copied().unwrap_or(STEPS.len() / 2)),
        Fill::NoData => (String::new(), NO_DATA_GREY),
        Fill::Context => (String::new(), CONTEXT),
    };
    let item = scene.region(outline.rings.clone(), colour);
    item.attr("data-code", outline.code.as_str())
        .attr("stroke", "#FFFFFF")
        .attr("stroke-width", "0.6")
        .attr("stroke-linejoin", "round");
    match fill {
        Fill::Context => {
            item.class("map-context");
        }
        Fill::NoData => {
            item.class("map-region").class("map-nodata").attr("fill", format!("url(#{hatch})"));
        }
        Fill::Class(k) => {
            item.class("map-region").class(&format!("map-class--{}", k + 1)).class(&step_class);
        }
    }
    if let Some(v) = value {
        let name = name_of(&v.label, &v.code);
        let text = match v.value.filter(|x| x.is_finite()) {
            Some(x) => {
                let flags = v.flags.trim();
                let flags = if flags.is_empty() { String::new() } else { format!(" ({flags})") };
                let mark = if v.noted { format!(" {}", super::NOTE_MARK) } else { String::new() };
                format!("{name}: {}{flags}{mark}", with_unit(x, &meta.unit_label, v.decimals(meta.decimals)))
            }
            None => format!("{name}: no data"),
        };
        item.title(text);
    }
}

/// Swatches in two columns under the unit; returns the y below.
fn legend(scene: &mut Scene, labels: &[String], steps: &[usize], hatch: &str, top: f64, unit: &str) -> f64 {
    let mut y = top;
    if !unit.trim().is_empty() {
        scene.text((MARGIN, y + 10.0), &truncate(unit, 40), Anchor::Start, FONT, MUTED).class("chart__axis");
        y += 24.0;
    }
    let entries: Vec<(String, Option<usize>)> =
        labels.iter().zip(steps).map(|(l, s)| (l.clone(), Some(*s))).chain([("no data".to_string(), None)]).collect();
    let column = (WIDTH - 2.0 * MARGIN) / 2.0;
    let widest = entries.iter().map(|(l, _)| text_width(l, FONT)).fold(0.0, f64::max);
    let per_row = if widest + 40.0 > column { 1 } else { 2 };
    let rows = entries.len().div_ceil(per_row);
    for (i, (label, class_step)) in entries.iter().enumerate() {
        let (col, row) = (i / rows, i % rows);
        let (x, cy) = (MARGIN + col as f64 * column, y + row as f64 * 24.0 + 10.0);
        let (step_class, colour) = class_step.map_or((String::new(), NO_DATA_GREY), step);
        let swatch = scene.rect((x, cy - 8.0), (x + 26.0, cy + 8.0), colour);
        swatch.class("map-swatch").attr("stroke", RULE).attr("stroke-width", "1");
        match class_step {
            Some(_) => {
                swatch.class(&step_class);
            }
            None => {
                swatch.attr("fill", format!("url(#{hatch})"));
            }
        }
        scene.text((x + 34.0, cy), label, Anchor::Start, FONT, TEXT).class("chart__label");
    }
    y + rows as f64 * 24.0 + 4.0
}

/// "Highest: Czechia (82.3 %). Lowest: Belgium (51.3 %). No data for 2 of
/// 29 countries: Malta and Cyprus."
pub(crate) fn summarize_map(values: &[MapValue], unit_label: &str, decimals: usize) -> String {
    let mut with: Vec<(&MapValue, f64)> =
        values.iter().filter_map(|v| v.value.filter(|x| x.is_finite()).map(|x| (v, x))).collect();
    with.sort_by(|a, b| {
        b.1.total_cmp(&a.1).then_with(|| a.0.label.cmp(&b.0.label)).then_with(|| a.0.code.cmp(&b.0.code))
    });
    let name = |v: &MapValue| name_of(&v.label, &v.code).to_string();
    let shown = |x: f64| format::number(x, decimals);
    // Every country at an extreme is named, its value as published.
    let at = |x: f64| -> String {
        let tied: Vec<&MapValue> = with.iter().filter(|(_, y)| shown(*y) == shown(x)).map(|(v, _)| *v).collect();
        let names: Vec<String> = tied.iter().map(|v| name(v)).collect();
        let places = tied.iter().map(|v| v.decimals(decimals)).max().unwrap_or(decimals);
        let names = if names.len() > 3 { format!("{} countries", names.len()) } else { join_names(&names) };
        format!("{names} ({})", with_unit(x, unit_label, places))
    };
    let mut text = match with.as_slice() {
        [] => "No data.".to_string(),
        [(v, x)] => format!("{}: {}.", name(v), with_unit(*x, unit_label, v.decimals(decimals))),
        [(_, hi), .., (_, lo)] => {
            if shown(*hi) == shown(*lo) {
                let places = with.iter().map(|(v, _)| v.decimals(decimals)).max().unwrap_or(decimals);
                format!("All {} countries with data: {}.", with.len(), with_unit(*hi, unit_label, places))
            } else {
                format!("Highest: {}. Lowest: {}.", at(*hi), at(*lo))
            }
        }
    };
    let missing: Vec<String> = values.iter().filter(|v| !v.value.is_some_and(f64::is_finite)).map(name).collect();
    if !missing.is_empty() && !with.is_empty() {
        text.push_str(&format!(
            " No data for {} of {} countries: {}.",
            missing.len(),
            values.len(),
            join_names(&missing)
        ));
    }
    let codes: Vec<&str> = geometry().countries.iter().map(|c| c.code.as_str()).collect();
    let off_map: Vec<String> = values.iter().filter(|v| !codes.contains(&v.code.as_str())).map(name).collect();
    if !off_map.is_empty() {
        text.push_str(&format!(" Not on the map: {}.", join_names(&off_map)));
    }
    let flagged: Vec<(String, String)> =
        with.iter().filter(|(v, _)| !v.flags.trim().is_empty()).map(|(v, _)| (name(v), v.flags.clone())).collect();
    text.push_str(&flags_sentence(&flagged));
    let noted: Vec<String> = with.iter().filter(|(v, _)| v.noted).map(|(v, _)| name(v)).collect();
    text.push_str(&super::noted_sentence(&noted));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testutil::{self, check_common, child_text, parse, texts, with_class};

    fn v(code: &str, label: &str, value: Option<f64>, flags: &str) -> MapValue {
        MapValue { code: code.into(), label: label.into(), value, flags: flags.into(), ..MapValue::default() }
    }

    fn sample() -> Vec<MapValue> {
        vec![
            v("AT", "Austria", Some(72.0), ""),
            v("BE", "Belgium", Some(51.3), ""),
            v("CZ", "Czechia", Some(82.3), ""),
            v("DE", "Germany", Some(77.1), ""),
            v("ES", "Spain", Some(63.0), "p"),
            v("FR", "France", Some(68.4), ""),
            v("IT", "Italy", Some(58.2), ""),
            v("MT", "Malta", None, ""),
            v("PL", "Poland", Some(70.5), ""),
            v("SE", "Sweden", Some(77.0), ""),
        ]
    }

    #[test]
    fn geometry_has_every_country_in_drawing_order() {
        let geo = geometry();
        assert_eq!(geo.countries.len(), 63);
        let codes: Vec<&str> = geo.countries.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(&codes[codes.len() - LATE.len()..], LATE);
        assert!(geo.height > 300.0 && geo.height < 500.0, "{}", geo.height);
        for c in &geo.countries {
            for (x, y) in c.rings.iter().flatten() {
                assert!((0.0..=WIDTH).contains(x) && (0.0..=geo.height).contains(y), "{} at {x},{y}", c.code);
            }
        }
    }

    #[test]
    fn one_region_per_country_with_classes() {
        let meta = testutil::meta("map");
        let svg = map(&meta, &sample(), 5);
        check_common(&svg, &meta, "map");
        let doc = parse(&svg);
        let regions: Vec<_> =
            doc.descendants().filter(|n| n.has_tag_name("path") && n.attribute("data-code").is_some()).collect();
        assert_eq!(regions.len(), geometry().countries.len());
        assert_eq!(with_class(&doc, "map-context").len(), 63 - 10);
        let nodata = with_class(&doc, "map-nodata");
        assert_eq!(nodata.len(), 1);
        assert_eq!(nodata[0].attribute("data-code"), Some("MT"));
        assert_eq!(nodata[0].attribute("fill"), Some("url(#map-hatch)"));
        assert!(doc.descendants().any(|n| n.has_tag_name("pattern") && n.attribute("id") == Some("map-hatch")));
        let cz = regions.iter().find(|n| n.attribute("data-code") == Some("CZ")).unwrap();
        assert!(cz.attribute("class").unwrap().contains("map-class--5"));
        assert!(cz.attribute("class").unwrap().contains("map-step--13"), "darkest step for the top class");
        assert_eq!(cz.attribute("fill"), Some(STEPS[12]));
        assert_eq!(child_text(*cz, "title").as_deref(), Some("Czechia: 82.3 %"));
        let es = regions.iter().find(|n| n.attribute("data-code") == Some("ES")).unwrap();
        assert_eq!(child_text(*es, "title").as_deref(), Some("Spain: 63.0 % (p)"));
        let texts = texts(&doc);
        assert!(texts.contains(&"no data".to_string()) && texts.contains(&"%".to_string()));
        assert_eq!(with_class(&doc, "map-swatch").len(), 6);
        let swatch_steps: Vec<&str> = with_class(&doc, "map-swatch")
            .iter()
            .filter_map(|n| n.attribute("class").unwrap().split(' ').find(|c| c.starts_with("map-step--")))
            .collect();
        assert_eq!(swatch_steps, ["map-step--1", "map-step--4", "map-step--7", "map-step--10", "map-step--13"]);
        assert_eq!(with_class(&doc, "map-hatch__ground").len(), 1);
    }

    #[test]
    fn breaks_are_quantiles_collapsed_when_equal() {
        // Values as published with `d` decimals; the break values only.
        let at = |values: &[f64], d: usize, classes: usize, decimals: usize| -> Vec<f64> {
            let with: Vec<(f64, usize)> = values.iter().map(|v| (*v, d)).collect();
            breaks(&with, classes, decimals).into_iter().map(|b| b.0).collect()
        };
        assert_eq!(at(&[1.0, 2.0, 3.0, 4.0, 5.0], 1, 4, 1), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(at(&[5.0, 5.0, 5.0], 1, 5, 1), vec![5.0]);
        assert_eq!(at(&[1.0, 1.0, 1.0, 9.0], 0, 4, 0), vec![1.0, 3.0, 9.0]);
        assert_eq!(class_of(1.0, &[1.0, 3.0, 9.0], 0), 0);
        assert_eq!(class_of(3.0, &[1.0, 3.0, 9.0], 0), 0);
        assert_eq!(class_of(3.04, &[1.0, 3.0, 9.0], 1), 0);
        assert_eq!(class_of(9.0, &[1.0, 3.0, 9.0], 0), 1);
        assert_eq!(class_of(5.0, &[5.0], 0), 0);
        // Each break with its own decimals, no trailing zeros added.
        assert_eq!(class_labels(&[(40.0, 1), (55.2, 1), (60.0, 1)]), vec!["40.0–55.2", "55.2–60.0"]);
        assert_eq!(class_labels(&[(-3.0, 0), (2.0, 1)]), vec!["−3 to 2.0"]);
        // MIPEX as published: whole numbers, halves, eighths.
        let mipex = [(40.0, 0), (12.5, 1), (31.25, 2), (53.125, 3)];
        let mipex_breaks = breaks(&mipex, 2, 3);
        assert_eq!(mipex_breaks, vec![(12.5, 1), (35.63, 2), (53.125, 3)]);
        assert_eq!(class_labels(&mipex_breaks), vec!["12.5–35.63", "35.63–53.125"]);
        assert_eq!(class_labels(&breaks(&[(40.0, 0), (60.0, 0)], 2, 2)), vec!["40–50", "50–60"]);
        assert_eq!(class_labels(&breaks(&[(40.0, 2), (53.4, 2)], 2, 2)), vec!["40.00–46.7", "46.7–53.40"]);
        assert_eq!(ramp(5), vec![0, 3, 6, 9, 12]);
        assert_eq!(ramp(7), vec![0, 2, 4, 6, 8, 10, 12]);
        assert_eq!(ramp(6), vec![0, 2, 5, 7, 10, 12]);
        assert_eq!(ramp(2), vec![0, 12]);
        assert_eq!(ramp(1), vec![6]);
        for n in 1..=7 {
            let r = ramp(n);
            assert_eq!(r.len(), n);
            assert!(r.windows(2).all(|w| w[1] >= w[0] + 2), "{n} classes: {r:?}");
            assert!(r.iter().all(|s| *s < STEPS.len()));
        }
    }

    #[test]
    fn edge_cases_draw() {
        let meta = testutil::meta("edge");
        for values in [
            vec![v("AT", "Austria", Some(5.0), "")],
            vec![v("AT", "A", Some(5.0), ""), v("BE", "B", Some(5.0), "")],
            vec![v("AT", "A", None, ""), v("BE", r#"<script>&""#, None, "")],
            vec![v("AT", "A", Some(-5.0), ""), v("ZZ", "Nowhere", Some(1.0), ""), v("BE", "B", Some(f64::NAN), "")],
            vec![],
        ] {
            let svg = map(&meta, &values, 5);
            check_common(&svg, &meta, "map");
            assert_eq!(svg, map(&meta, &values, 5));
            assert!(!svg.contains("&amp;lt;") && !svg.contains("<script>"));
        }
        let doc_svg = map(&meta, &[v("AT", "A", Some(5.0), ""), v("BE", "B", Some(5.0), "")], 5);
        let doc = parse(&doc_svg);
        assert_eq!(with_class(&doc, "map-swatch").len(), 2, "one class and no data");
        assert!(texts(&doc).contains(&"5.0".to_string()));
    }

    #[test]
    fn clip_keeps_the_inside() {
        let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)];
        let clipped = clip(&square, (5.0, -1.0, 20.0, 20.0));
        assert_eq!(clipped.len(), 4);
        assert!(clipped.iter().all(|(x, _)| *x >= 5.0));
        assert!(clip(&square, (20.0, 20.0, 30.0, 30.0)).is_empty());
    }

    #[test]
    fn summary_names_extremes_and_missing() {
        assert_eq!(
            summarize_map(&sample(), "%", 1),
            "Highest: Czechia (82.3 %). Lowest: Belgium (51.3 %). No data for 1 of 10 countries: Malta. 1 value carries a flag: Spain (p)."
        );
        assert_eq!(
            summarize_map(&[v("ZZ", "Atlantis", Some(1.0), "")], "%", 1),
            "Atlantis: 1.0 %. Not on the map: Atlantis."
        );
        assert_eq!(summarize_map(&[], "%", 1), "No data.");
    }

    #[test]
    fn snapshot() {
        let mut meta = testutil::meta("map-snap");
        let values = vec![
            v("AT", "Austria", Some(72.0), ""),
            v("MT", "Malta", None, ""),
            v("LU", "Luxembourg", Some(60.0), "e"),
        ];
        meta.description = summarize_map(&values, "%", 1);
        insta::assert_snapshot!(map(&meta, &values, 5));
    }

    #[test]
    #[ignore = "writes preview files; run with --ignored"]
    fn previews() {
        let meta = testutil::meta("map-preview");
        let codes: Vec<&str> = geometry().countries.iter().map(|c| c.code.as_str()).collect();
        let values: Vec<MapValue> = codes
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 4 != 3)
            .map(|(i, c)| v(c, c, if i % 11 == 5 { None } else { Some(40.0 + (i * 37 % 45) as f64) }, ""))
            .collect();
        testutil::preview("map-many", &map(&meta, &values, 5));
        testutil::preview("map-small", &map(&meta, &sample(), 5));
    }
}
