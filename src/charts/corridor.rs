//! Migration corridors: per origin country a heading and one bar per
//! destination, largest first, on one shared scale.

use super::bar::{BarFrame, BarRow, ROW};
use super::scene::{Anchor, Scene};
use super::{
    ChartMeta, Datum, FONT, GRID, MAX_LABEL_CHARS, TEXT, WIDTH, join_names, name_of, no_data, truncate, with_unit,
};

/// One origin and its destinations.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct CorridorGroup {
    pub origin_code: String,
    pub origin_label: String,
    pub bars: Vec<Datum>,
}

impl CorridorGroup {
    fn name(&self) -> &str {
        name_of(&self.origin_label, &self.origin_code)
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

/// Grouped horizontal bars, the groups in the order given. Groups without
/// finite values are left out.
pub(crate) fn corridor(meta: &ChartMeta, groups: &[CorridorGroup]) -> String {
    let groups: Vec<(&CorridorGroup, Vec<BarRow>)> =
        groups.iter().map(|g| (g, g.rows())).filter(|(_, rows)| !rows.is_empty()).collect();
    if groups.is_empty() {
        return no_data(meta, "corridor");
    }
    let frame = BarFrame::fit(groups.iter().flat_map(|(_, rows)| rows), &[], meta.decimals, INDENT);
    let top = 4.0;
    let bottom = top
        + groups.iter().map(|(_, rows)| HEADING + rows.len() as f64 * ROW).sum::<f64>()
        + GROUP_GAP * (groups.len() - 1) as f64;
    let mut scene = Scene::new(0.0);
    let height = frame.axis(&mut scene, top, bottom, &meta.unit_label);
    let mut y = top;
    for (i, (group, rows)) in groups.iter().enumerate() {
        if i > 0 {
            y += GROUP_GAP;
            scene
                .line(vec![(8.0, y - GROUP_GAP / 2.0), (WIDTH - 8.0, y - GROUP_GAP / 2.0)], GRID, 1)
                .class("chart__grid");
        }
        let heading = scene.text(
            (8.0, y + HEADING / 2.0),
            &truncate(group.name(), MAX_LABEL_CHARS + 10),
            Anchor::Start,
            FONT,
            TEXT,
        );
        heading.class("chart__label").class("chart__heading").attr("font-weight", "bold");
        y += HEADING;
        for row in rows {
            frame.row(&mut scene, row, y + ROW / 2.0, 0);
            y += ROW;
        }
    }
    frame.zero_line(&mut scene, top, bottom);
    scene.set_height(height);
    scene.render(meta, "corridor")
}

/// "Largest: from Morocco, 812,000 people in 6 destinations (Spain
/// 300,000 people). …"
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
        let noun = if n == 1 { "destination" } else { "destinations" };
        format!(
            "from {}, {} to {n} {noun}; the largest corridor is to {} ({})",
            g.name(),
            fmt(g.total()),
            top.label,
            fmt(top.value)
        )
    };
    let mut text = if groups.len() == 1 {
        format!("Corridors {}.", describe(largest))
    } else {
        format!("{} origins. Largest group: {}.", groups.len(), describe(largest))
    };
    let all_rows: Vec<(String, BarRow)> =
        groups.iter().flat_map(|g| g.rows().into_iter().map(|r| (g.name().to_string(), r))).collect();
    let biggest = all_rows.iter().max_by(|a, b| a.1.value.total_cmp(&b.1.value).then_with(|| b.0.cmp(&a.0)));
    if let Some((origin, row)) = biggest.filter(|(origin, _)| groups.len() > 1 && origin != largest.name()) {
        text.push_str(&format!(" Largest single corridor: {origin} to {} ({}).", row.label, fmt(row.value)));
    }
    let flagged: Vec<String> = all_rows
        .iter()
        .filter(|(_, r)| !r.flags.trim().is_empty())
        .map(|(o, r)| format!("{o} to {} ({})", r.label, r.flags.trim()))
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
        Datum { code: code.into(), label: label.into(), value, flags: flags.into() }
    }

    fn sample() -> Vec<CorridorGroup> {
        vec![
            CorridorGroup {
                origin_code: "MA".into(),
                origin_label: "Morocco".into(),
                bars: vec![d("FR", "France", 120.0, ""), d("ES", "Spain", 300.0, "e"), d("IT", "Italy", 95.0, "")],
            },
            CorridorGroup {
                origin_code: "TR".into(),
                origin_label: "Türkiye".into(),
                bars: vec![d("DE", "Germany", 850.0, ""), d("NL", "Netherlands", 90.0, "")],
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

    #[test]
    fn edge_cases_draw() {
        let meta = testutil::meta("edge");
        let one = vec![CorridorGroup {
            origin_code: "X".into(),
            origin_label: r#"<script>&""#.into(),
            bars: vec![d("A", "A", -1.0, "")],
        }];
        let empty_group = vec![CorridorGroup { origin_code: "X".into(), origin_label: "X".into(), bars: vec![] }];
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
            "2 origins. Largest group: from Türkiye, 940 thousand people to 2 destinations; the largest corridor is to \
             Germany (850 thousand people). 1 value carries a flag: Morocco to Spain (e)."
        );
        assert_eq!(summarize_corridor(&[], "people", 0), "No data.");
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
