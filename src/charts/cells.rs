//! One country's totals in the four typology cells, as four bars in the
//! order given; the largest (the country's cell) is emphasised.

use super::bar::{BarFrame, BarRow, ROW};
use super::scene::Scene;
use super::{ChartMeta, join_names, no_data, with_unit};

fn rows(totals: &[(String, u32); 4]) -> Vec<BarRow> {
    let max = totals.iter().map(|(_, n)| *n).max().unwrap_or(0);
    totals
        .iter()
        .map(|(label, n)| BarRow {
            code: String::new(),
            label: label.clone(),
            value: f64::from(*n),
            flags: String::new(),
            highlight: max > 0 && *n == max,
            decimals: None,
            noted: false,
            in_text: label.clone(),
        })
        .collect()
}

/// The label column: room for the longest cell name in bold, in a wide
/// font (the names are never cut).
const LABEL_ROOM: f64 = 210.0;

/// The axis reaches at least this far, so that small counts get whole-number
/// ticks.
const MIN_AXIS: f64 = 5.0;

/// Four horizontal bars: the cell totals of one country.
pub(crate) fn cells(meta: &ChartMeta, totals: &[(String, u32); 4]) -> String {
    let rows = rows(totals);
    if rows.iter().all(|r| r.label.trim().is_empty()) {
        return no_data(meta, "cells");
    }
    let frame = BarFrame::fit(rows.iter(), &[MIN_AXIS], 0, (0.0, LABEL_ROOM));
    let top = 6.0;
    let bottom = top + rows.len() as f64 * ROW;
    let mut scene = Scene::new(0.0);
    let height = frame.axis(&mut scene, top, bottom, &meta.unit_label);
    for (i, row) in rows.iter().enumerate() {
        frame.row(&mut scene, row, top + (i as f64 + 0.5) * ROW, 0);
    }
    frame.zero_line(&mut scene, top, bottom);
    scene.set_height(height);
    scene.render(meta, "cells")
}

/// "Most in Active concordance: 12 of 30 measures. Active discordance 5,
/// Passive concordance 8, Passive discordance 5."
pub(crate) fn summarize_cells(totals: &[(String, u32); 4], unit_label: &str) -> String {
    let total: u32 = totals.iter().map(|(_, n)| *n).sum();
    let max = totals.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if total == 0 {
        return "No items in any cell.".to_string();
    }
    let fmt = |n: u32| with_unit(f64::from(n), unit_label, 0);
    let top: Vec<&str> = totals.iter().filter(|(_, n)| *n == max).map(|(l, _)| l.trim()).collect();
    let others: Vec<String> =
        totals.iter().filter(|(_, n)| *n != max).map(|(l, n)| format!("{} {n}", l.trim())).collect();
    let lead = if top.len() == 1 {
        format!("Most in {}: {max} of {}.", top[0], fmt(total))
    } else {
        format!("Tied between {}: {max} each of {}.", join_names(&top), fmt(total))
    };
    if others.is_empty() { lead } else { format!("{lead} {}.", others.join(", ")) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testutil::{self, check_common, parse, texts, with_class};

    fn totals(n: [u32; 4]) -> [(String, u32); 4] {
        let names = ["Active concordance", "Active discordance", "Passive concordance", "Passive discordance"];
        [0, 1, 2, 3].map(|i| (names[i].to_string(), n[i]))
    }

    #[test]
    fn draws_four_bars_in_order_with_the_largest_emphasised() {
        let mut meta = testutil::meta("cells");
        meta.unit_label = "measures".into();
        let svg = cells(&meta, &totals([12, 5, 8, 5]));
        check_common(&svg, &meta, "cells");
        let doc = parse(&svg);
        assert_eq!(with_class(&doc, "chart__series--1").len(), 4);
        assert_eq!(with_class(&doc, "chart__highlight").len(), 1);
        let texts = texts(&doc);
        let order: Vec<&String> = texts.iter().filter(|t| t.contains("cordance")).collect();
        assert_eq!(order, ["Active concordance", "Active discordance", "Passive concordance", "Passive discordance"]);
        assert!(texts.iter().any(|t| t == "12") && texts.iter().any(|t| t == "measures"));
    }

    #[test]
    fn cell_names_are_whole_and_fit_in_a_wide_bold_font() {
        let svg = cells(&testutil::meta("cells"), &totals([1, 0, 2, 0]));
        let doc = parse(&svg);
        let labels: Vec<roxmltree::Node<'_, '_>> = with_class(&doc, "chart__label")
            .into_iter()
            .filter(|n| n.text().is_some_and(|t| t.contains("cordance")))
            .collect();
        let names: Vec<&str> = labels.iter().filter_map(|n| n.text()).collect();
        assert_eq!(names, ["Active concordance", "Active discordance", "Passive concordance", "Passive discordance"]);
        let bold = labels.iter().find(|n| n.attribute("font-weight") == Some("bold")).unwrap();
        assert_eq!(bold.text(), Some("Passive concordance"));
        assert_eq!(bold.attribute("text-anchor"), Some("end"));
        // DejaVu Sans Bold (rsvg-convert's sans-serif on Linux) draws it 176
        // units wide at 15: it must start inside the chart.
        let right: f64 = bold.attribute("x").unwrap().parse().unwrap();
        assert!(right - 176.0 >= 4.0, "the label ends at {right}");
    }

    #[test]
    fn edge_cases_draw() {
        let meta = testutil::meta("edge");
        for n in [[0, 0, 0, 0], [3, 3, 3, 3], [u32::MAX, 0, 1, 2]] {
            let svg = cells(&meta, &totals(n));
            check_common(&svg, &meta, "cells");
            assert_eq!(svg, cells(&meta, &totals(n)));
        }
        let mut escaped = totals([1, 2, 3, 4]);
        escaped[0].0 = r#"<script>&""#.into();
        let svg = cells(&meta, &escaped);
        assert!(svg.contains("&lt;script&gt;&amp;&quot;") && !svg.contains("&amp;lt;"));
        let zero = cells(&meta, &totals([0, 0, 0, 0]));
        assert_eq!(with_class(&parse(&zero), "chart__highlight").len(), 0);
    }

    #[test]
    fn summary_names_the_cell() {
        assert_eq!(
            summarize_cells(&totals([12, 5, 8, 5]), "measures"),
            "Most in Active concordance: 12 of 30 measures. Active discordance 5, Passive concordance 8, Passive discordance 5."
        );
        assert_eq!(
            summarize_cells(&totals([8, 0, 8, 1]), "measures"),
            "Tied between Active concordance and Passive concordance: 8 each of 17 measures. Active discordance 0, Passive discordance 1."
        );
        assert_eq!(summarize_cells(&totals([0, 0, 0, 0]), "measures"), "No items in any cell.");
    }

    #[test]
    fn snapshot() {
        let mut meta = testutil::meta("cells-snap");
        meta.unit_label = "measures".into();
        meta.decimals = 0;
        meta.description = summarize_cells(&totals([12, 5, 8, 5]), "measures");
        insta::assert_snapshot!(cells(&meta, &totals([12, 5, 8, 5])));
    }

    #[test]
    #[ignore = "writes preview files; run with --ignored"]
    fn previews() {
        let mut meta = testutil::meta("cells-preview");
        meta.unit_label = "measures".into();
        testutil::preview("cells", &cells(&meta, &totals([12, 5, 8, 5])));
    }
}
