//! The typology plane: alignment (x) against engagement (y), both −1…1,
//! the four cells named in the corners, one labelled point per country.
//! Points on the same spot share one stack of labels; fragile placements
//! (a tie, or a class one single change of weight or evidence would move)
//! are hollow; countries an expert classified (overriding the computed
//! class) are diamonds, drawn where their measures put them.

use super::axis::{Linear, Ticks, nice_ticks};
use super::legend::{Entry, Sample, legend};
use super::scene::{Anchor, Marker, Scene};
use super::{
    BOLD, ChartMeta, FONT, GRID, MUTED, TEXT, WIDTH, join_names, name_of, no_data, series, text_width, truncate,
};

/// One country on the plane.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct QuadrantPoint {
    pub code: String,
    pub label: String,
    /// Alignment, −1 (discordant) … 1 (concordant).
    pub x: f64,
    /// Engagement, −1 (passive) … 1 (active).
    pub y: f64,
    /// Undecided between cells: drawn hollow.
    pub tie: bool,
    /// One single change of weight or evidence moves the country to
    /// another class: drawn hollow.
    pub fragile: bool,
    /// The cell an expert placed the country in (overriding the computed
    /// class), named as in the corners ("Active discordance"): drawn as a
    /// diamond and counted in that cell by the summary.
    pub expert: Option<String>,
    /// The computed class when it is one cell, named as in the corners: the
    /// summary counts the country there even when its coordinates sit on
    /// an axis (the largest cell need not be the quadrant of the
    /// coordinates). `None`: counted by its position.
    pub class: Option<String>,
}

impl QuadrantPoint {
    fn name(&self) -> &str {
        name_of(&self.label, &self.code)
    }

    /// The corner (index into [`CELLS`]) of an expert classification.
    fn expert_cell(&self) -> Option<usize> {
        let expert = self.expert.as_deref()?.trim();
        CELLS.iter().position(|c| c.eq_ignore_ascii_case(expert))
    }

    /// The corner of the computed class, when it is one cell.
    fn class_cell(&self) -> Option<usize> {
        let class = self.class.as_deref()?.trim();
        CELLS.iter().position(|c| c.eq_ignore_ascii_case(class))
    }

    /// The point clamped to the plane; non-finite coordinates sit at 0.
    fn position(&self) -> (f64, f64) {
        let clamp = |v: f64| if v.is_finite() { v.clamp(-1.0, 1.0) } else { 0.0 };
        (clamp(self.x), clamp(self.y))
    }
}

/// The corner names: (top-left, top-right, bottom-left, bottom-right).
const CELLS: [&str; 4] = ["Active discordance", "Active concordance", "Passive discordance", "Passive concordance"];
/// Legend label of the expert classification's marker.
const EXPERT: &str = "expert classification";
/// Legend label of a hollow marker.
const FRAGILE: &str = "fragile: a tie, or one change moves it";
const X_TITLE: &str = "Alignment: discordant ← → concordant";
/// Drawn turned a quarter anticlockwise, so "← →" show as "↓ ↑".
const Y_TITLE: &str = "Engagement: passive ← → active";
/// Centre of the vertical y-axis title.
const Y_TITLE_X: f64 = 14.0;
/// Left of the plane: the y-axis title, a gap, the widest tick label
/// ("−1.0", about 37 units wide) and its gap (a test checks they clear).
const LEFT: f64 = 74.0;
const RIGHT: f64 = WIDTH - 12.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 408.0;
/// Bands inside the frame, outside −1…1: the corner names live there, so
/// points at ±1 never sit on them.
const BAND_X: f64 = 14.0;
const BAND_Y: f64 = 42.0;
const LINE: f64 = 17.0;
const LABEL_CHARS: usize = 14;
const R: f64 = 5.0;

/// A box in chart units: x0, y0, x1, y1.
type Box4 = (f64, f64, f64, f64);

fn overlap(a: Box4, b: Box4) -> f64 {
    let w = (a.2.min(b.2) - a.0.max(b.0)).max(0.0);
    let h = (a.3.min(b.3) - a.1.max(b.1)).max(0.0);
    w * h
}

/// Points sharing a spot, in a stable order (top to bottom, left to right,
/// then by name).
fn stacks(points: &[QuadrantPoint]) -> Vec<((f64, f64), Vec<&QuadrantPoint>)> {
    let mut sorted: Vec<&QuadrantPoint> = points.iter().collect();
    sorted.sort_by(|a, b| {
        let (pa, pb) = (a.position(), b.position());
        pb.1.total_cmp(&pa.1)
            .then(pa.0.total_cmp(&pb.0))
            .then_with(|| a.name().cmp(b.name()))
            .then_with(|| a.code.cmp(&b.code))
    });
    let mut out: Vec<((f64, f64), Vec<&QuadrantPoint>)> = Vec::new();
    for p in sorted {
        match out.last_mut() {
            Some((at, group)) if *at == p.position() => group.push(p),
            _ => out.push((p.position(), vec![p])),
        }
    }
    out
}

/// A spot for a block of labels: the anchor point of its first line, the
/// anchor, the box it covers, and how much it overlaps (0: clear).
type Spot = ((f64, f64), Anchor, Box4, f64);

/// Places a block of `lines` labels of width `w` next to `(x, y)`: the
/// first spot that stays inside the plane and clear of `taken`, else the
/// least crowded.
fn place(x: f64, y: f64, w: f64, lines: usize, taken: &[Box4]) -> Spot {
    let h = lines as f64 * LINE;
    let gap = R + 4.0;
    let side = |dy: f64| [(x + gap, y - h / 2.0 + dy, Anchor::Start), (x - gap - w, y - h / 2.0 + dy, Anchor::End)];
    // Last: the block wholly above or below the point's level (its last or
    // first line just off the point), for a tall stack beside a corner name.
    let wholly = LINE / 2.0 - 4.0 - h / 2.0;
    let candidates: Vec<(f64, f64, Anchor)> = side(0.0)
        .into_iter()
        .chain([(x - w / 2.0, y - gap - h, Anchor::Middle), (x - w / 2.0, y + gap, Anchor::Middle)])
        .chain([-0.6, 0.6, -1.1, 1.1].into_iter().flat_map(|k| side(k * LINE)))
        .chain([wholly, -wholly].into_iter().flat_map(side))
        .collect();
    let score = |(x0, y0, _): &(f64, f64, Anchor)| {
        let b = (*x0, *y0, x0 + w, y0 + h);
        let outside = if b.0 < LEFT || b.2 > RIGHT || b.1 < TOP || b.3 > BOTTOM { 1e9 } else { 0.0 };
        outside + taken.iter().map(|t| overlap(b, *t)).sum::<f64>()
    };
    let best = candidates
        .iter()
        .find(|c| score(c) == 0.0)
        .or_else(|| candidates.iter().min_by(|a, b| score(a).total_cmp(&score(b))));
    let (x0, y0, anchor) = best.copied().unwrap_or(candidates[0]);
    let ax = match anchor {
        Anchor::Start => x0,
        Anchor::End => x0 + w,
        Anchor::Middle => x0 + w / 2.0,
    };
    ((ax, y0 + LINE / 2.0), anchor, (x0, y0, x0 + w, y0 + h), score(&(x0, y0, anchor)))
}

/// The labels of a stack and where they go: names if they fit somewhere
/// clear, else codes if those do, else names in the least crowded spot.
fn labels_for(group: &[&QuadrantPoint], (x, y): (f64, f64), taken: &[Box4]) -> (Vec<String>, Spot) {
    let try_with = |labels: Vec<String>| {
        let w = labels.iter().map(|l| text_width(l, FONT)).fold(0.0, f64::max);
        let spot = place(x, y, w, labels.len(), taken);
        (labels, spot)
    };
    let names = try_with(group.iter().map(|p| truncate(p.name(), LABEL_CHARS)).collect());
    if names.1.3 == 0.0 || group.iter().any(|p| p.code.trim().is_empty()) {
        return names;
    }
    let codes = try_with(group.iter().map(|p| truncate(&p.code, LABEL_CHARS)).collect());
    if codes.1.3 == 0.0 { codes } else { names }
}

/// The plane with a point per country.
pub(crate) fn quadrant(meta: &ChartMeta, points: &[QuadrantPoint]) -> String {
    if points.is_empty() {
        return no_data(meta, "quadrant");
    }
    let x = Linear::new((-1.0, 1.0), (LEFT + BAND_X, RIGHT - BAND_X));
    let y = Linear::new((-1.0, 1.0), (BOTTOM - BAND_Y, TOP + BAND_Y));
    let mut scene = Scene::new(0.0);
    let mut taken = frame(&mut scene, &x, &y, &nice_ticks(-1.0, 1.0, 4));
    let stacks = stacks(points);
    let at: Vec<(f64, f64)> = stacks.iter().map(|((px, py), _)| (x.map(*px), y.map(*py))).collect();
    taken.extend(at.iter().map(|(cx, cy)| (cx - R - 1.0, cy - R - 1.0, cx + R + 1.0, cy + R + 1.0)));
    let (class, colour) = series(0);
    for ((cx, cy), (_, group)) in at.iter().zip(&stacks) {
        for p in group {
            let shape = if p.expert.is_some() { Marker::Diamond } else { Marker::Circle };
            let marker = scene.marker(shape, (*cx, *cy), R, colour, p.tie || p.fragile);
            marker.class(&class).class("chart__point").attr("data-code", p.code.as_str());
        }
    }
    // Labels are placed tallest stack first (it has the fewest clear
    // spots), then in reading order; they are drawn in reading order.
    let mut order: Vec<usize> = (0..stacks.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(stacks[i].1.len()));
    let mut placed = vec![None; stacks.len()];
    for i in order {
        let (labels, ((lx, ly), anchor, b, _)) = labels_for(&stacks[i].1, at[i], &taken);
        taken.push(b);
        placed[i] = Some((labels, (lx, ly), anchor));
    }
    // A label may still touch an axis (a point just off it, with its
    // neighbours' labels on the other sides): `chart__halo` breaks the
    // line behind the letters.
    for (labels, (lx, ly), anchor) in placed.into_iter().flatten() {
        for (i, label) in labels.iter().enumerate() {
            scene
                .text((lx, ly + i as f64 * LINE), label, anchor, FONT, TEXT)
                .class("chart__label")
                .class("chart__halo");
        }
    }
    let mut entries =
        vec![Entry { sample: Sample::Series { n: 0, marker: Marker::Circle, line: false }, label: "country".into() }];
    if points.iter().any(|p| p.expert.is_some()) {
        entries.push(Entry {
            sample: Sample::Series { n: 0, marker: Marker::Diamond, line: false },
            label: EXPERT.into(),
        });
    }
    if points.iter().any(|p| p.tie || p.fragile) {
        entries.push(Entry { sample: Sample::Hollow, label: FRAGILE.into() });
    }
    let height = legend(&mut scene, &entries, BOTTOM + 56.0);
    scene.set_height(height + 2.0);
    scene.render(meta, "quadrant")
}

/// Gridlines, zero lines, ticks, axis titles and corner names; returns the
/// boxes labels must avoid.
fn frame(scene: &mut Scene, x: &Linear, y: &Linear, ticks: &Ticks) -> Vec<Box4> {
    for &t in &ticks.values {
        let (px, py) = (x.map(t), y.map(t));
        let (class, colour, width) = if t == 0.0 { ("chart__axis", MUTED, 2) } else { ("chart__grid", GRID, 1) };
        scene.line(vec![(px, TOP), (px, BOTTOM)], colour, width).class(class);
        scene.line(vec![(LEFT, py), (RIGHT, py)], colour, width).class(class);
        scene.text((px, BOTTOM + 14.0), &ticks.label(t), Anchor::Middle, FONT, MUTED).class("chart__axis");
        scene.text((LEFT - 6.0, py), &ticks.label(t), Anchor::End, FONT, MUTED).class("chart__axis");
    }
    scene
        .line(vec![(LEFT, TOP), (RIGHT, TOP), (RIGHT, BOTTOM), (LEFT, BOTTOM), (LEFT, TOP)], GRID, 1)
        .class("chart__grid");
    scene.text(((LEFT + RIGHT) / 2.0, BOTTOM + 36.0), X_TITLE, Anchor::Middle, FONT, MUTED).class("chart__axis");
    scene.vertical_text((Y_TITLE_X, (TOP + BOTTOM) / 2.0), Y_TITLE, FONT, MUTED).class("chart__axis");
    CELLS.iter().enumerate().flat_map(|(i, name)| corner(scene, i, name)).collect()
}

/// A corner's name in bold, in two lines ("Active" over "concordance") so
/// that two corners fit side by side; returns the boxes of its lines.
fn corner(scene: &mut Scene, i: usize, name: &str) -> Vec<Box4> {
    let (right, bottom) = (i % 2 == 1, i >= 2);
    let lines: Vec<&str> = name.split_whitespace().collect();
    let x = if right { RIGHT - 6.0 } else { LEFT + 6.0 };
    let first = if bottom { BOTTOM - 12.0 - (lines.len() - 1) as f64 * LINE } else { TOP + 12.0 };
    let anchor = if right { Anchor::End } else { Anchor::Start };
    let mut boxes = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let y = first + k as f64 * LINE;
        let text = scene.text((x, y), line, anchor, FONT, MUTED);
        text.class("chart__axis").class("chart__cell").attr("font-weight", "bold");
        let w = text_width(line, FONT) * BOLD;
        let x0 = if right { x - w } else { x };
        boxes.push((x0, y - LINE / 2.0, x0 + w, y + LINE / 2.0));
    }
    boxes
}

/// Which cell a point is in: an expert's cell, else its computed class,
/// else the one its coordinates fall in; `None` for a tie or a point on an
/// axis without a class.
fn cell_of(p: &QuadrantPoint) -> Option<usize> {
    if p.expert.is_some() {
        return p.expert_cell();
    }
    if let Some(cell) = p.class_cell() {
        return Some(cell);
    }
    let (x, y) = p.position();
    if p.tie || x == 0.0 || y == 0.0 {
        return None;
    }
    Some(usize::from(x > 0.0) + 2 * usize::from(y < 0.0))
}

/// "Active concordance: 3 countries (A, B and C). … Active discordance:
/// 1 country (by expert classification: E). Tied or on a boundary between
/// cells: 1 country (D)."
pub(crate) fn summarize_quadrant(points: &[QuadrantPoint]) -> String {
    if points.is_empty() {
        return "No data.".to_string();
    }
    let mut sorted: Vec<&QuadrantPoint> = points.iter().collect();
    sorted.sort_by(|a, b| a.name().cmp(b.name()).then_with(|| a.code.cmp(&b.code)));
    let names = |cell: Option<usize>, expert: bool| -> Vec<&str> {
        sorted.iter().filter(|p| cell_of(p) == cell && p.expert.is_some() == expert).map(|p| p.name()).collect()
    };
    let count = |n: usize| crate::format::count(n, "country", "countries");
    let mut parts = vec![format!("{} on the plane.", count(points.len()))];
    for i in [1, 0, 3, 2] {
        let (computed, expert) = (names(Some(i), false), names(Some(i), true));
        let mut lists = Vec::new();
        if !computed.is_empty() {
            lists.push(join_names(&computed));
        }
        if !expert.is_empty() {
            lists.push(format!("by {EXPERT}: {}", join_names(&expert)));
        }
        let list = if lists.is_empty() { String::new() } else { format!(" ({})", lists.join("; ")) };
        parts.push(format!("{}: {}{list}.", CELLS[i], count(computed.len() + expert.len())));
    }
    let ties = names(None, false);
    if !ties.is_empty() {
        parts.push(format!("Tied or on a boundary between cells: {} ({}).", count(ties.len()), join_names(&ties)));
    }
    let unknown = names(None, true);
    if !unknown.is_empty() {
        parts.push(format!("Placed by {EXPERT} outside the four cells: {}.", join_names(&unknown)));
    }
    let fragile: Vec<&str> = sorted.iter().filter(|p| p.tie || p.fragile).map(|p| p.name()).collect();
    if !fragile.is_empty() {
        parts.push(format!(
            "Fragile placements, drawn hollow (a tie, or a class that one change of weight or evidence moves): {} ({}).",
            count(fragile.len()),
            join_names(&fragile)
        ));
    }
    if points.iter().any(|p| p.expert.is_some()) {
        parts.push(format!("Diamonds mark an {EXPERT}; they are drawn where the measures place the country."));
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testutil::{self, check_common, find_all, parse, texts, with_class};

    fn p(code: &str, label: &str, x: f64, y: f64, tie: bool) -> QuadrantPoint {
        QuadrantPoint { code: code.into(), label: label.into(), x, y, tie, fragile: false, expert: None, class: None }
    }

    fn cell_texts(doc: &roxmltree::Document<'_>) -> Vec<String> {
        with_class(doc, "chart__cell").iter().map(|n| n.text().unwrap_or("").to_string()).collect()
    }

    fn sample() -> Vec<QuadrantPoint> {
        vec![
            p("ES", "Spain", 0.6, 0.5, false),
            p("IT", "Italy", -0.4, 0.7, false),
            p("PL", "Poland", -0.5, -0.3, false),
            p("SE", "Sweden", 0.3, -0.6, false),
            p("AT", "Austria", 0.0, 0.4, true),
            p("BE", "Belgium", 0.6, 0.5, false),
        ]
    }

    #[test]
    fn draws_points_labels_cells_and_axes() {
        let meta = testutil::meta("quad");
        let svg = quadrant(&meta, &sample());
        check_common(&svg, &meta, "quadrant");
        let doc = parse(&svg);
        assert_eq!(with_class(&doc, "chart__point").len(), 6);
        let texts = texts(&doc);
        for label in ["Spain", "Belgium", "Austria", X_TITLE, Y_TITLE, FRAGILE] {
            assert!(texts.iter().any(|t| t == label), "{label} missing from {texts:?}");
        }
        assert!(!texts.iter().any(|t| t == EXPERT), "no expert classification, no legend entry");
        // The corner names, each in two lines: top-left, top-right, bottom-left, bottom-right.
        assert_eq!(
            cell_texts(&doc),
            ["Active", "discordance", "Active", "concordance", "Passive", "discordance", "Passive", "concordance"]
        );
        let tie =
            with_class(&doc, "chart__point").into_iter().find(|n| n.attribute("data-code") == Some("AT")).unwrap();
        assert_eq!(tie.attribute("fill-opacity"), Some("0"));
        // Spain and Belgium share a spot: their labels are stacked.
        let label = |name: &str| find_all(&doc, "text").into_iter().find(|t| t.text() == Some(name)).unwrap();
        let (be, es) = (label("Belgium"), label("Spain"));
        assert_eq!(be.attribute("x"), es.attribute("x"));
        let (y_be, y_es): (i32, i32) =
            (be.attribute("y").unwrap().parse().unwrap(), es.attribute("y").unwrap().parse().unwrap());
        assert_eq!(y_es - y_be, 17);
        let corners = with_class(&doc, "chart__cell");
        assert_eq!(corners[3].attribute("text-anchor"), Some("end"));
        assert_eq!(corners[0].attribute("text-anchor"), Some("start"));
    }

    #[test]
    fn fragile_placements_are_hollow_and_named() {
        let mut points = sample();
        points[0].fragile = true;
        let doc_svg = quadrant(&testutil::meta("q"), &points);
        let doc = parse(&doc_svg);
        let point = |code: &str| {
            with_class(&doc, "chart__point").into_iter().find(|n| n.attribute("data-code") == Some(code)).unwrap()
        };
        assert_eq!(point("ES").attribute("fill-opacity"), Some("0"));
        assert_ne!(point("BE").attribute("fill-opacity"), Some("0"));
        assert!(texts(&doc).iter().any(|t| t == FRAGILE), "the legend explains the hollow marker");
        let summary = summarize_quadrant(&points);
        assert!(summary.contains("Fragile placements, drawn hollow (a tie, or a class that one change of weight or evidence moves): 2 countries (Austria and Spain)."), "{summary}");
    }

    #[test]
    fn corner_names_and_the_y_title_clear_their_neighbours() {
        let svg = quadrant(&testutil::meta("q"), &sample());
        let doc = parse(&svg);
        let num = |n: roxmltree::Node<'_, '_>, a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
        // The y-axis title (turned, centred on its x) ends left of every
        // tick label beside the plane, estimated for a wide font.
        let title = find_all(&doc, "text").into_iter().find(|t| t.text() == Some(Y_TITLE)).unwrap();
        let title_right = num(title, "x") + 0.55 * f64::from(FONT);
        let ticks: Vec<roxmltree::Node<'_, '_>> = with_class(&doc, "chart__axis")
            .into_iter()
            .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor") == Some("end"))
            .filter(|n| !n.attribute("class").unwrap_or("").contains("chart__cell"))
            .collect();
        assert_eq!(ticks.len(), 5);
        for tick in ticks {
            let left = num(tick, "x") - text_width(tick.text().unwrap(), FONT);
            assert!(title_right + 4.0 <= left, "{:?} starts at {left}, title ends at {title_right}", tick.text());
        }
        // The two corner names of a row do not meet.
        let corners = with_class(&doc, "chart__cell");
        for (l, r) in [(0, 2), (1, 3), (4, 6), (5, 7)] {
            let left_end = num(corners[l], "x") + text_width(corners[l].text().unwrap(), FONT) * BOLD;
            let right_start = num(corners[r], "x") - text_width(corners[r].text().unwrap(), FONT) * BOLD;
            assert!(left_end + 12.0 <= right_start, "{:?} meets {:?}", corners[l].text(), corners[r].text());
        }
    }

    /// The boxes of a chart's texts of `class` (estimated as the layout
    /// estimates them: [`text_width`], one [`LINE`] tall).
    fn text_boxes(doc: &roxmltree::Document<'_>, class: &str, scale: f64) -> Vec<(String, Box4)> {
        with_class(doc, class)
            .into_iter()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| {
                let text = n.text().unwrap_or("").to_string();
                let num = |a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
                let (x, y, w) = (num("x"), num("y"), text_width(&text, FONT) * scale);
                let x0 = match n.attribute("text-anchor") {
                    Some("end") => x - w,
                    Some("middle") => x - w / 2.0,
                    _ => x,
                };
                (text, (x0, y - LINE / 2.0, x0 + w, y + LINE / 2.0))
            })
            .collect()
    }

    #[test]
    fn a_tall_stack_by_a_corner_keeps_clear_of_the_corner_name_and_its_neighbours() {
        // The default site's lower right: four countries on (1, -1) beside
        // "Passive concordance", one on the same row, two just above.
        let points = vec![
            p("AL", "Albania", 1.0, -1.0, false),
            p("CO", "Colombia", 1.0, -1.0, false),
            p("EC", "Ecuador", 1.0, -1.0, false),
            p("RS", "Serbia", 1.0, -1.0, false),
            p("UA", "Ukraine", 1.0 / 3.0, -1.0, true),
            p("TN", "Tunisia", -0.5, -1.0, true),
            p("DZ", "Algeria", 1.0, -0.5, true),
            p("SN", "Senegal", 1.0, -0.5, true),
            p("RU", "Russia", 1.0 / 3.0, -1.0 / 3.0, true),
        ];
        let doc_svg = quadrant(&testutil::meta("q"), &points);
        let doc = parse(&doc_svg);
        // The countries' labels (the legend's entries are labels too).
        let named = |t: &str| points.iter().any(|p| p.name() == t || p.code == t);
        let labels: Vec<_> = text_boxes(&doc, "chart__label", 1.0).into_iter().filter(|(t, _)| named(t)).collect();
        assert_eq!(labels.len(), points.len(), "every country named");
        let corners = text_boxes(&doc, "chart__cell", BOLD);
        for (name, b) in &labels {
            for (corner, c) in &corners {
                assert_eq!(overlap(*b, *c), 0.0, "{name} {b:?} runs into the corner name {corner} {c:?}");
            }
            for (other, o) in &labels {
                assert!(name == other || overlap(*b, *o) == 0.0, "{name} {b:?} runs into {other} {o:?}");
            }
        }
    }

    #[test]
    fn expert_classifications_are_diamonds_counted_in_their_cell() {
        let mut points = sample();
        points
            .push(QuadrantPoint { expert: Some("Active discordance".into()), ..p("PT", "Portugal", 0.5, -0.5, false) });
        let svg = quadrant(&testutil::meta("q"), &points);
        let doc = parse(&svg);
        let point = |code: &str| {
            with_class(&doc, "chart__point").into_iter().find(|n| n.attribute("data-code") == Some(code)).unwrap()
        };
        // A circle for a computed class, a four-cornered polygon for an expert's.
        assert!(point("ES").has_tag_name("circle"));
        let diamond = point("PT");
        assert!(diamond.has_tag_name("polygon"));
        assert_eq!(diamond.attribute("points").unwrap().split_whitespace().count(), 4);
        assert!(texts(&doc).iter().any(|t| t == EXPERT), "the legend explains the diamond");
        let summary = summarize_quadrant(&points);
        assert!(
            summary.contains("Active discordance: 2 countries (Italy; by expert classification: Portugal)."),
            "{summary}"
        );
        assert!(summary.contains("Passive concordance: 1 country (Sweden)."), "{summary}");
        assert!(summary.ends_with("they are drawn where the measures place the country."), "{summary}");
    }

    #[test]
    fn edge_cases_draw() {
        let meta = testutil::meta("edge");
        let crowd: Vec<QuadrantPoint> =
            (0..8).map(|i| p(&format!("C{i}"), &format!("Country {i}"), 0.5, 0.5, false)).collect();
        for points in [
            vec![p("A", r#"<script>&""#, 2.0, f64::NAN, false)],
            crowd,
            vec![p("A", "A very long country name indeed", -1.0, -1.0, true)],
            vec![QuadrantPoint { expert: Some("unknown cell".into()), ..p("B", "B", 1.0, 1.0, false) }],
            vec![],
        ] {
            let svg = quadrant(&meta, &points);
            check_common(&svg, &meta, "quadrant");
            assert_eq!(svg, quadrant(&meta, &points));
            assert!(!svg.contains("&amp;lt;") && !svg.contains("<script>"));
        }
    }

    #[test]
    fn the_summary_counts_a_country_in_its_computed_class_even_on_an_axis() {
        // Egypt-like: passive discordance 2, passive concordance 1, active
        // concordance 1: alignment 0, on the vertical axis, but its class is
        // passive discordance.
        let egypt = QuadrantPoint { class: Some("Passive discordance".into()), ..p("EG", "Egypt", 0.0, -0.5, false) };
        let summary = summarize_quadrant(&[egypt]);
        assert!(summary.contains("Passive discordance: 1 country (Egypt)."), "{summary}");
        assert!(!summary.contains("boundary"), "{summary}");
    }

    #[test]
    fn summary_counts_cells_and_ties() {
        assert_eq!(
            summarize_quadrant(&sample()),
            "6 countries on the plane. Active concordance: 2 countries (Belgium and Spain). Active discordance: \
             1 country (Italy). Passive concordance: 1 country (Sweden). Passive discordance: 1 country (Poland). \
             Tied or on a boundary between cells: 1 country (Austria). Fragile placements, drawn hollow (a tie, or a \
             class that one change of weight or evidence moves): 1 country (Austria)."
        );
    }

    #[test]
    fn snapshot() {
        let mut meta = testutil::meta("quadrant-snap");
        meta.description = summarize_quadrant(&sample());
        insta::assert_snapshot!(quadrant(&meta, &sample()));
    }

    #[test]
    #[ignore = "writes preview files; run with --ignored"]
    fn previews() {
        let meta = testutil::meta("quadrant-preview");
        testutil::preview("quadrant-small", &quadrant(&meta, &sample()));
        let names = [
            "Austria",
            "Belgium",
            "Bulgaria",
            "Croatia",
            "Cyprus",
            "Czechia",
            "Denmark",
            "Estonia",
            "Finland",
            "France",
            "Germany",
            "Greece",
            "Hungary",
            "Ireland",
            "Italy",
            "Latvia",
            "Lithuania",
            "Luxembourg",
            "Malta",
            "Netherlands",
            "Poland",
            "Portugal",
            "Romania",
            "Slovakia",
            "Slovenia",
            "Spain",
            "Sweden",
        ];
        let points: Vec<QuadrantPoint> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let x = ((i * 37 % 21) as f64 - 10.0) / 10.0;
                let y = ((i * 53 % 17) as f64 - 8.0) / 8.0;
                let (x, y) = if i % 9 == 4 { (0.5, 0.5) } else { (x, y) };
                p(&n[..2], n, x, y, i % 11 == 3)
            })
            .collect();
        testutil::preview("quadrant-27", &quadrant(&meta, &points));
    }
}
