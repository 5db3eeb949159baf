//! The report as data for the typst template: `data.json` in the virtual
//! file system, read there with `json("data.json")`. Everything a reader
//! sees comes through here as JSON strings, so no value from the site's
//! data is ever parsed as typst markup or code.

use std::collections::BTreeMap;

use serde::Serialize;

use super::html::{self, Block};
use crate::render::data_views::{FigureView, MeasureView, ReportView, ValueView};
use crate::render::report_pages::{OriginGroupView, PdfMeta, ReportPageView};

/// `data.json`, and the charts it names.
pub(crate) struct Prepared {
    pub(crate) json: String,
    /// `chart-N.svg` and its SVG, in the order of the report.
    pub(crate) charts: Vec<(String, String)>,
}

#[derive(Serialize)]
struct Data<'a> {
    font: &'a str,
    lang: Option<String>,
    region: Option<String>,
    doc: DocMeta<'a>,
    publication: &'a str,
    name: &'a str,
    date: Option<&'a str>,
    publisher: Option<&'a str>,
    roles: &'a [String],
    eu_member: bool,
    region_name: Option<&'a str>,
    profile_url: String,
    permalink: &'a str,
    summary: &'a str,
    profile_summary: Vec<Block>,
    indicator_caption: String,
    indicators: Vec<IndicatorRow<'a>>,
    /// Meaning of every flag letter in the indicator table.
    flags: Vec<(String, String)>,
    /// The values' notes, printed below the table: number, indicator, note.
    notes: Vec<Note<'a>>,
    indicator_charts: Vec<ChartGroup<'a>>,
    typology: Option<Typology<'a>>,
    diaspora_title: String,
    diaspora_caption: String,
    diaspora_charts: Vec<Figure<'a>>,
    diaspora: Vec<DiasporaRow<'a>>,
    origin_groups_title: String,
    origin_groups_caption: String,
    origin_groups: Vec<OriginGroupRow<'a>>,
    indicator_sources: Vec<IndicatorSource<'a>>,
    sources: Vec<Source<'a>>,
}

#[derive(Serialize)]
struct DocMeta<'a> {
    title: &'a str,
    author: &'a str,
    description: &'a str,
    keywords: Vec<String>,
}

#[derive(Serialize)]
struct IndicatorRow<'a> {
    title: &'a str,
    unit: &'a str,
    value: String,
    missing: bool,
    flags: String,
    /// The number of the value's note below the table.
    note: Option<usize>,
    year: Option<i32>,
    rank: Option<String>,
    rank_order: Option<&'a str>,
}

#[derive(Serialize)]
struct Note<'a> {
    number: usize,
    indicator: &'a str,
    note: &'a str,
}

#[derive(Serialize)]
struct OriginGroupRow<'a> {
    origin: &'a str,
    population: &'a str,
    year: i32,
    source: &'a str,
}

#[derive(Serialize)]
struct ChartGroup<'a> {
    title: &'a str,
    charts: Vec<Figure<'a>>,
}

#[derive(Serialize)]
struct Figure<'a> {
    /// `chart-N.svg`, or none when the chart could not be drawn.
    file: Option<String>,
    title: &'a str,
    summary: &'a str,
    /// Width as a share of the text width: tall charts (maps) narrower.
    width: f64,
}

#[derive(Serialize)]
struct Typology<'a> {
    class: &'a str,
    class_label: &'a str,
    engagement: Option<&'a str>,
    alignment: Option<&'a str>,
    override_label: Option<&'a str>,
    override_rationale: Option<&'a str>,
    chart: Option<Figure<'a>>,
    groups: Vec<Group<'a>>,
    history: Vec<Measure<'a>>,
}

#[derive(Serialize)]
struct Group<'a> {
    cell: &'a str,
    label: &'a str,
    measures: Vec<Measure<'a>>,
}

#[derive(Serialize)]
struct Measure<'a> {
    title: &'a str,
    cell_label: &'a str,
    weight: u8,
    years: &'a str,
    description: Vec<Block>,
    sources: Vec<MeasureSource<'a>>,
}

#[derive(Serialize)]
struct MeasureSource<'a> {
    title: &'a str,
    /// The number of the source in the report's list, when it is there.
    number: Option<usize>,
}

#[derive(Serialize)]
struct DiasporaRow<'a> {
    destination: &'a str,
    population: &'a str,
    year: i32,
}

#[derive(Serialize)]
struct IndicatorSource<'a> {
    indicator: &'a str,
    title: &'a str,
    url: Option<&'a str>,
    dataset: Option<&'a str>,
    retrieved: Option<&'a str>,
    licence: Option<&'a str>,
}

#[derive(Serialize)]
struct Source<'a> {
    number: usize,
    title: &'a str,
    url: Option<&'a str>,
    year: Option<i32>,
}

/// Everything the template needs, from the view and the charts' SVG.
pub(crate) fn prepare(
    page: &ReportPageView,
    svg: &dyn Fn(&str) -> Option<String>,
    meta: &PdfMeta,
) -> Result<Prepared, String> {
    let view = &page.view;
    let base = url::Url::parse(&view.permalink).ok();
    let mut charts: Vec<(String, String)> = Vec::new();
    let mut indicator_charts = Vec::new();
    for i in view.indicators.iter().filter(|i| !i.charts.is_empty()) {
        let figures = i.charts.iter().map(|f| figure(f, svg, &mut charts)).collect();
        indicator_charts.push(ChartGroup { title: &i.title, charts: figures });
    }
    let typology_chart = view.typology.as_ref().and_then(|t| t.chart.as_ref()).map(|f| figure(f, svg, &mut charts));
    let diaspora_charts: Vec<Figure> = view.diaspora_charts.iter().map(|f| figure(f, svg, &mut charts)).collect();

    let mut flags: BTreeMap<String, String> = BTreeMap::new();
    let indicators = view
        .indicators
        .iter()
        .map(|i| {
            for f in &i.latest.flags {
                flags.entry(f.letter.clone()).or_insert_with(|| f.meaning.clone());
            }
            IndicatorRow {
                title: &i.title,
                unit: &i.unit,
                value: value_text(&i.latest),
                missing: i.latest.missing,
                flags: i.latest.flags.iter().map(|f| f.letter.as_str()).collect::<Vec<_>>().join(" "),
                note: page.indicator_notes.iter().find(|n| n.id == i.id).map(|n| n.number),
                year: i.latest.year,
                rank: i.rank.map(|r| match i.rank_of {
                    Some(of) => format!("{r} of {of}"),
                    None => r.to_string(),
                }),
                rank_order: i.rank.and(Some(i.rank_order.as_str())).filter(|o| !o.is_empty()),
            }
        })
        .collect();

    let typology = view.typology.as_ref().map(|t| Typology {
        class: &t.class,
        class_label: &t.class_label,
        engagement: t.engagement.as_deref(),
        alignment: t.alignment.as_deref(),
        override_label: t.override_label.as_deref(),
        override_rationale: t.override_rationale.as_deref(),
        chart: typology_chart,
        groups: t
            .groups
            .iter()
            .map(|g| Group {
                cell: &g.cell,
                label: &g.label,
                measures: g.measures.iter().map(|m| measure(m, view, base.as_ref())).collect(),
            })
            .collect(),
        history: t.history.iter().map(|m| measure(m, view, base.as_ref())).collect(),
    });

    let (lang, region) = language(&meta.language);
    let data = Data {
        font: super::FONT_FAMILY,
        lang,
        region,
        doc: DocMeta {
            title: &meta.title,
            author: &meta.author,
            description: &meta.subject,
            keywords: [view.name.as_str(), "country report", "migration policy"].map(str::to_string).to_vec(),
        },
        publication: &view.title,
        name: &view.name,
        date: view.date.as_deref(),
        publisher: view.publisher.as_deref(),
        roles: &view.roles,
        eu_member: view.eu_member,
        region_name: view.region.as_deref(),
        profile_url: absolute(&view.profile_url, base.as_ref()),
        permalink: &view.permalink,
        summary: &view.summary,
        profile_summary: view.profile_summary.as_deref().map(|h| html::blocks(h, base.as_ref())).unwrap_or_default(),
        indicator_caption: format!(
            "Latest value of each indicator for {}, and its rank among the countries with a value that year",
            view.name
        ),
        indicators,
        flags: flags.into_iter().collect(),
        notes: page
            .indicator_notes
            .iter()
            .map(|n| Note { number: n.number, indicator: &n.title, note: &n.note })
            .collect(),
        indicator_charts,
        typology,
        diaspora_title: format!("Citizens of {} in EU countries", view.name),
        diaspora_caption: format!("Citizens of {} living in each destination, latest year available", view.name),
        diaspora_charts,
        diaspora: view
            .diaspora
            .iter()
            .map(|d| DiasporaRow { destination: &d.destination.title, population: &d.population, year: d.year })
            .collect(),
        origin_groups_title: format!("Corridors into {}", view.name),
        origin_groups_caption: format!(
            "Citizens of each origin country living in {}, latest year available",
            view.name
        ),
        origin_groups: page.origin_groups.iter().map(origin_group_row).collect(),
        indicator_sources: view
            .indicator_sources
            .iter()
            .map(|s| IndicatorSource {
                indicator: &s.indicator,
                title: &s.source.title,
                url: s.source.url.as_deref(),
                dataset: s.source.dataset.as_deref(),
                retrieved: s.source.retrieved.as_deref(),
                licence: s.source.licence.as_deref(),
            })
            .collect(),
        sources: view
            .sources
            .iter()
            .enumerate()
            .map(|(n, s)| Source { number: n + 1, title: &s.title, url: s.url.as_deref(), year: s.year })
            .collect(),
    };
    let json = serde_json::to_string(&data).map_err(|e| format!("cannot serialise the report data: {e}"))?;
    Ok(Prepared { json, charts })
}

/// A chart as the template shows it; its SVG becomes `chart-N.svg`. A
/// chart that cannot be drawn (the HTML page leaves its marker out too)
/// keeps its title and summary.
fn figure<'v>(
    f: &'v FigureView,
    svg: &dyn Fn(&str) -> Option<String>,
    charts: &mut Vec<(String, String)>,
) -> Figure<'v> {
    let (file, width) = match svg(&f.svg) {
        Some(body) => {
            let file = format!("chart-{}.svg", charts.len() + 1);
            let width = width_share(&body);
            charts.push((file.clone(), for_typst(&body)));
            (Some(file), width)
        }
        None => (None, 0.0),
    };
    Figure { file, title: &f.title, summary: &f.summary, width }
}

fn measure<'v>(m: &'v MeasureView, view: &ReportView, base: Option<&url::Url>) -> Measure<'v> {
    Measure {
        title: &m.title,
        cell_label: &m.cell_label,
        weight: m.weight,
        years: &m.years,
        description: m.description.as_deref().map(|d| html::blocks(d, base)).unwrap_or_default(),
        sources: m
            .sources
            .iter()
            .map(|s| MeasureSource {
                title: &s.title,
                number: view.sources.iter().position(|source| source.id == s.id).map(|p| p + 1),
            })
            .collect(),
    }
}

fn origin_group_row(g: &OriginGroupView) -> OriginGroupRow<'_> {
    OriginGroupRow { origin: &g.origin.title, population: &g.population, year: g.year, source: &g.source }
}

/// A value as the indicator table shows it.
fn value_text(v: &ValueView) -> String {
    if v.missing || v.display.is_empty() { "no data".into() } else { v.display.clone() }
}

/// The typst language and region of a BCP 47 tag (`en`, `en-GB`, `pt-BR`);
/// `None` for what typst would reject.
fn language(tag: &str) -> (Option<String>, Option<String>) {
    let mut parts = tag.split(['-', '_']);
    let lang = parts
        .next()
        .map(str::to_ascii_lowercase)
        .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase()));
    let region = lang
        .as_ref()
        .and_then(|_| parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic())))
        .map(str::to_ascii_uppercase);
    (lang, region)
}

/// A site URL (which may be a path) made absolute against the permalink.
fn absolute(href: &str, base: Option<&url::Url>) -> String {
    match base.and_then(|b| b.join(href).ok()) {
        Some(url) => url.to_string(),
        None => href.to_string(),
    }
}

/// The chart's SVG with its text in the vendored sans family: typst's SVG
/// renderer looks named families up in its own font book only (generic
/// families and `system-ui` are not resolved), so the theme's font stack is
/// replaced by the one family the PDF embeds.
pub(crate) fn for_typst(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find("font-family=\"") {
        let start = i + "font-family=\"".len();
        out.push_str(&rest[..start]);
        out.push_str(super::FONT_FAMILY);
        rest = &rest[start..];
        rest = rest.find('"').map_or("", |end| &rest[end..]);
    }
    out.push_str(rest);
    out
}

/// The share of the text width a chart gets, so that its 15-unit text
/// prints at about 8.5 pt (0.2 mm per unit: a chart 400 units wide takes
/// 80 mm of the 166 mm text column). Tall charts (bars for every country,
/// maps) are narrowed to at most 120 mm high (0.72 of the text width), like
/// print.css does, so that a chart and the next one share a page.
fn width_share(svg: &str) -> f64 {
    const TEXT_WIDTH_MM: f64 = 166.0;
    const MM_PER_UNIT: f64 = 0.2;
    const FALLBACK: f64 = 0.5;
    const MAX_HEIGHT: f64 = 0.72;
    match view_box(svg) {
        Some((w, h)) if w > 0.0 && h > 0.0 => (MM_PER_UNIT * w / TEXT_WIDTH_MM).min(1.0).min(MAX_HEIGHT * w / h),
        _ => FALLBACK,
    }
}

fn view_box(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("viewBox=\"")? + "viewBox=\"".len();
    let end = start + svg[start..].find('"')?;
    let numbers: Vec<f64> =
        svg[start..end].split([' ', ',']).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    match numbers.as_slice() {
        [_, _, w, h] => Some((*w, *h)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        assert_eq!(language("en"), (Some("en".into()), None));
        assert_eq!(language("en-GB"), (Some("en".into()), Some("GB".into())));
        assert_eq!(language("zh-Hant-TW"), (Some("zh".into()), Some("TW".into())));
        assert_eq!(language("x"), (None, None));
        assert_eq!(language(""), (None, None));
    }

    #[test]
    fn chart_fonts_are_replaced() {
        let svg = "<svg viewBox=\"0 0 520 184\" font-family=\"system-ui, &apos;Segoe UI&apos;, sans-serif\"><text font-family=\"x\">a</text></svg>";
        let out = for_typst(svg);
        assert_eq!(
            out,
            format!(
                "<svg viewBox=\"0 0 520 184\" font-family=\"{0}\"><text font-family=\"{0}\">a</text></svg>",
                super::super::FONT_FAMILY
            )
        );
        assert_eq!(view_box(svg), Some((520.0, 184.0)));
        // 15-unit text at 0.2 mm per unit: 3 mm, about 8.5 pt, whatever the width.
        assert!((width_share(svg) * 166.0 / 520.0 * 15.0 - 3.0).abs() < 1e-9);
        let narrow = width_share("<svg viewBox=\"0 0 400 184\">");
        assert!((narrow * 166.0 - 80.0).abs() < 1e-9, "{narrow}");
        let tall = width_share("<svg viewBox=\"0 0 400 782\">");
        assert!((tall - 0.72 * 400.0 / 782.0).abs() < 1e-9, "{tall}");
        assert_eq!(width_share("<svg>"), 0.5);
    }
}
