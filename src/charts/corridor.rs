//! Migration corridors: per origin country a heading and one bar per
//! destination, largest first, on one shared scale.

use super::bar::{BarFrame, BarRow, MAX_LABEL_WIDTH, ROW};
use super::scene::{Anchor, Scene};
use super::{
    BOLD, ChartMeta, Datum, FONT, GRID, MAX_LABEL_CHARS, TEXT, WIDTH, fit, join_names, name_of, no_data, with_unit,
};

/// One origin and its destinations.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct CorridorGroup {
    pub origin_code: String,
    pub origin_label: String,
    /// The origin's name as it stands inside a sentence ("the
    /// Philippines"), when it differs from `origin_label`.
    pub origin_in_text: Option<String>,
    pub bars: Vec<Datum>,
}

impl CorridorGroup {
    fn name(&self) -> &str {
        name_of(&self.origin_label, &self.origin_code)
    }

    /// The origin as a summary's sentence names it.
    fn name_in_text(&self) -> &str {
        self.origin_in_text.as_deref().unwrap_or_else(|| self.name())
    }

    /// Finite bars, largest first; ties by label, then code.
    fn rows(&self) -> Vec<BarRow> {
        let mut bars: Vec<&Datum> = self.bars.iter().filter(|d| d.value.is_finite()).collect();
        bars.sort_by(|a, b| {
            b.value.total_cmp(&a.value).then_with(|| a.label.cmp(&b.label)).then_with(|| a.code.cmp(&b.code))
        });
        bars.into_iter().map(|d| BarRow::from_datum(d, false)).collect()
    }

    fn total(&self) -> f64 {
        self.rows().iter().map(|r| r.value).sum()
    }
}

const HEADING: f64 = 28.0;
const INDENT: f64 = 12.0;
const GROUP_GAP: f64 = 10.0;

/// Where a group lies: its heading's centre line and its rows' span.
struct GroupBand {
    heading_y: f64,
    rows_top: f64,
    rows_bottom: f64,
}

/// The bands of the groups, from `top` down, separated by [`GROUP_GAP`].
fn bands(groups: &[(&CorridorGroup, Vec<BarRow>)], top: f64) -> Vec<GroupBand> {
    let mut y = top;
    let mut out = Vec::with_capacity(groups.len());
    for (i, (_, rows)) in groups.iter().enumerate() {
        if i > 0 {
            y += GROUP_GAP;
        }
        let rows_top = y + HEADING;
        let rows_bottom = rows_top + rows.len() as f64 * ROW;
        out.push(GroupBand { heading_y: y + HEADING / 2.0, rows_top, rows_bottom });
        y = rows_bottom;
    }
    out
}

/// Grouped horizontal bars, the groups in the order given. Groups without
/// finite values are left out. Gridlines and the zero line run beside the
/// bars only, so that each origin's heading has a band of its own that no
/// line crosses.
pub(crate) fn corridor(meta: &ChartMeta, groups: &[CorridorGroup]) -> String {
    let groups: Vec<(&CorridorGroup, Vec<BarRow>)> =
        groups.iter().map(|g| (g, g.rows())).filter(|(_, rows)| !rows.is_empty()).collect();
    if groups.is_empty() {
        return no_data(meta, "corridor");
    }
    let rows = groups.iter().flat_map(|(_, rows)| rows);
    let frame = BarFrame::fit(rows, &[], meta.decimals, (INDENT, MAX_LABEL_WIDTH));
    let bands = bands(&groups, 4.0);
    let mut scene = Scene::new(0.0);
    let mut height = 0.0;
    for (i, band) in bands.iter().enumerate() {
        if i + 1 == bands.len() {
            height = frame.axis(&mut scene, band.rows_top, band.rows_bottom, &meta.unit_label);
        } else {
            frame.grid(&mut scene, band.rows_top, band.rows_bottom);
        }
    }
    for (i, ((group, rows), band)) in groups.iter().zip(&bands).enumerate() {
        if i > 0 {
            let y = band.heading_y - HEADING / 2.0 - GROUP_GAP / 2.0;
            scene.line(vec![(8.0, y), (WIDTH - 8.0, y)], GRID, 1).class("chart__grid");
        }
        let name = fit(group.name(), MAX_LABEL_CHARS + 10, (WIDTH - 16.0) / BOLD, FONT);
        let heading = scene.text((8.0, band.heading_y), &name, Anchor::Start, FONT, TEXT);
        heading.class("chart__label").class("chart__heading").attr("font-weight", "bold");
        for (j, row) in rows.iter().enumerate() {
            frame.row(&mut scene, row, band.rows_top + (j as f64 + 0.5) * ROW, 0);
        }
        frame.zero_line(&mut scene, band.rows_top, band.rows_bottom);
    }
    scene.set_height(height);
    scene.render(meta, "corridor")
}

fn capitalise(text: &str) -> String {
    crate::format::sentence_start(text)
}

/// "Corridors from Morocco to 6 destinations; the largest is to Spain
/// (300,000 people). …"
pub(crate) fn summarize_corridor(groups: &[CorridorGroup], unit_label: &str, decimals: usize) -> String {
    let groups: Vec<&CorridorGroup> = groups.iter().filter(|g| !g.rows().is_empty()).collect();
    let fmt = |v: f64| with_unit(v, unit_label, decimals);
    let Some(largest) =
        groups.iter().copied().max_by(|a, b| a.total().total_cmp(&b.total()).then_with(|| b.name().cmp(a.name())))
    else {
        return "No data.".to_string();
    };
    let describe = |g: &CorridorGroup| {
        let rows = g.rows();
        let top = &rows[0];
        let n = rows.len();
        // No total: each corridor shows its latest year, and a sum across
        // years (France's 2018 figure beside others' 2024) is no one year's count.
        if n == 1 {
            return format!("the corridor from {} to {} ({})", g.name_in_text(), top.in_text, fmt(top.value));
        }
        format!(
            "corridors from {} to {n} destinations; the largest is to {} ({})",
            g.name_in_text(),
            top.in_text,
            fmt(top.value)
        )
    };
    let mut text = if groups.len() == 1 {
        format!("{}.", capitalise(&describe(largest)))
    } else {
        format!("{} origins. Largest group: {}.", groups.len(), describe(largest))
    };
    let all_rows: Vec<(String, BarRow)> =
        groups.iter().flat_map(|g| g.rows().into_iter().map(|r| (g.name_in_text().to_string(), r))).collect();
    let biggest = all_rows.iter().max_by(|a, b| a.1.value.total_cmp(&b.1.value).then_with(|| b.0.cmp(&a.0)));
    if let Some((origin, row)) = biggest.filter(|(origin, _)| groups.len() > 1 && origin != largest.name_in_text()) {
        text.push_str(&format!(" Largest single corridor: {origin} to {} ({}).", row.in_text, fmt(row.value)));
    }
    let flagged: Vec<String> = all_rows
        .iter()
        .filter(|(_, r)| !r.flags.trim().is_empty())
        .map(|(o, r)| format!("{o} to {} ({})", r.in_text, r.flags.trim()))
        .collect();
    if !flagged.is_empty() {
        let noun = if flagged.len() == 1 { "value carries a flag" } else { "values carry flags" };
        text.push_str(&format!(" {} {noun}: {}.", flagged.len(), join_names(&flagged)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testutil::{self, check_common, parse, texts, with_class};

    fn d(code: &str, label: &str, value: f64, flags: &str) -> Datum {
        Datum { code: code.into(), label: label.into(), value, flags: flags.into(), ..Datum::default() }
    }

    fn sample() -> Vec<CorridorGroup> {
        vec![
            CorridorGroup {
                origin_code: "MA".into(),
                origin_label: "Morocco".into(),
                bars: vec![d("FR", "France", 120.0, ""), d("ES", "Spain", 300.0, "e"), d("IT", "Italy", 95.0, "")],
                ..Default::default()
            },
            CorridorGroup {
                origin_code: "TR".into(),
                origin_label: "Türkiye".into(),
                bars: vec![d("DE", "Germany", 850.0, ""), d("NL", "Netherlands", 90.0, "")],
                ..Default::default()
            },
        ]
    }

    #[test]
    fn draws_groups_with_headings_and_sorted_bars() {
        let mut meta = testutil::meta("corr");
        meta.unit_label = "thousand people".into();
        meta.decimals = 0;
        let svg = corridor(&meta, &sample());
        check_common(&svg, &meta, "corridor");
        let doc = parse(&svg);
        let codes: Vec<&str> =
            with_class(&doc, "chart__series--1").iter().filter_map(|n| n.attribute("data-code")).collect();
        assert_eq!(codes, ["ES", "FR", "IT", "DE", "NL"]);
        let headings: Vec<&str> = with_class(&doc, "chart__heading").iter().filter_map(|n| n.text()).collect();
        assert_eq!(headings, ["Morocco", "Türkiye"]);
        let texts = texts(&doc);
        for label in ["300 e", "850", "thousand people", "Netherlands"] {
            assert!(texts.iter().any(|t| t == label), "{label} missing from {texts:?}");
        }
    }

    /// The vertical lines of a chart: (x, top, bottom).
    fn verticals(doc: &roxmltree::Document<'_>) -> Vec<(i32, i32, i32)> {
        testutil::find_all(doc, "polyline")
            .iter()
            .filter_map(|n| {
                let pts: Vec<(i32, i32)> = n
                    .attribute("points")?
                    .split_whitespace()
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect();
                match pts.as_slice() {
                    [(x0, y0), (x1, y1)] if x0 == x1 => Some((*x0, *y0.min(y1), *y0.max(y1))),
                    _ => None,
                }
            })
            .collect()
    }

    #[test]
    fn no_line_crosses_a_heading() {
        let mut meta = testutil::meta("corr");
        meta.decimals = 0;
        // Short destination names: a narrow label column, long headings.
        let groups: Vec<CorridorGroup> = ["Philippines", "Ecuador", "Senegal"]
            .iter()
            .map(|name| CorridorGroup {
                origin_code: name[..2].to_uppercase(),
                origin_label: (*name).into(),
                bars: vec![d("IT", "Italy", 300.0, ""), d("ES", "Spain", 120.0, "")],
                ..Default::default()
            })
            .collect();
        let svg = corridor(&meta, &groups);
        let doc = parse(&svg);
        let lines = verticals(&doc);
        assert!(lines.len() >= 6, "{lines:?}");
        for heading in with_class(&doc, "chart__heading") {
            let y: i32 = heading.attribute("y").unwrap().parse().unwrap();
            let x: i32 = heading.attribute("x").unwrap().parse().unwrap();
            let right = f64::from(x) + crate::charts::text_width(heading.text().unwrap(), FONT) * BOLD;
            for (lx, top, bottom) in &lines {
                let crosses = f64::from(*lx) <= right && top - 9 < y && y < bottom + 9;
                assert!(!crosses, "line at x={lx} {top}..{bottom} crosses heading {:?} at y={y}", heading.text());
            }
        }
    }

    #[test]
    fn edge_cases_draw() {
        let meta = testutil::meta("edge");
        let one = vec![CorridorGroup {
            origin_code: "X".into(),
            origin_label: r#"<script>&""#.into(),
            bars: vec![d("A", "A", -1.0, "")],
            ..Default::default()
        }];
        let empty_group = vec![CorridorGroup {
            origin_code: "X".into(),
            origin_label: "X".into(),
            bars: vec![],
            ..Default::default()
        }];
        for groups in [one, empty_group, vec![]] {
            let svg = corridor(&meta, &groups);
            check_common(&svg, &meta, "corridor");
            assert_eq!(svg, corridor(&meta, &groups));
            assert!(!svg.contains("&amp;lt;") && !svg.contains("<script>"));
        }
    }

    #[test]
    fn summary_names_the_largest_group() {
        assert_eq!(
            summarize_corridor(&sample(), "thousand people", 0),
            "2 origins. Largest group: corridors from Türkiye to 2 destinations; the largest is to \
             Germany (850 thousand people). 1 value carries a flag: Morocco to Spain (e)."
        );
        assert_eq!(summarize_corridor(&[], "people", 0), "No data.");
        // One destination per origin: a corridor, never "to 1 destination".
        let one = vec![CorridorGroup {
            origin_code: "MA".into(),
            origin_label: "Morocco".into(),
            bars: vec![d("ES", "Spain", 920.0, "")],
            ..Default::default()
        }];
        assert_eq!(
            summarize_corridor(&one, "thousand people", 0),
            "The corridor from Morocco to Spain (920 thousand people)."
        );
    }

    #[test]
    fn snapshot() {
        let mut meta = testutil::meta("corridor-snap");
        meta.unit_label = "thousand people".into();
        meta.decimals = 0;
        meta.description = summarize_corridor(&sample(), "thousand people", 0);
        insta::assert_snapshot!(corridor(&meta, &sample()));
    }

    #[test]
    #[ignore = "writes preview files; run with --ignored"]
    fn previews() {
        let mut meta = testutil::meta("corridor-preview");
        meta.unit_label = "thousand people".into();
        meta.decimals = 0;
        testutil::preview("corridor-small", &corridor(&meta, &sample()));
    }
}
