//! The report as data for the typst template: `data.json` in the virtual
//! file system, read there with `json("data.json")`. It is the report's own
//! view (`ReportPageView`, what `report.html` receives), serialised as it
//! is, with only what typst cannot work out itself beside it: the files and
//! widths of the charts, the HTML fields as blocks of text runs, and the
//! document's language. Everything a reader sees arrives as JSON strings,
//! so no value from the site's data is ever parsed as typst markup or code.

use std::collections::BTreeMap;

use serde::Serialize;

use super::html::{self, Block};
use crate::render::data_views::FigureView;
use crate::render::report_pages::{PdfMeta, ReportPageView};

/// `data.json`, and the charts it names.
pub(crate) struct Prepared {
    pub(crate) json: String,
    /// `chart-N.svg` and its SVG, in the order of the report.
    pub(crate) charts: Vec<(String, String)>,
}

/// What the template reads: the report's view and what typst needs beside it.
#[derive(Serialize)]
struct Data<'a> {
    /// The family of the vendored fonts.
    font: &'static str,
    /// The typst language and region of `meta.language`.
    lang: Option<String>,
    region: Option<String>,
    /// Title, author and subject of the document.
    meta: &'a PdfMeta,
    report: &'a ReportPageView,
    /// Each chart that could be drawn, by the placeholder its figure's
    /// `svg` holds (a chart missing here keeps its title and summary).
    charts: BTreeMap<&'a str, Chart>,
    /// Each HTML field of the report (the profile's summary, descriptions
    /// of measures and context items) as paragraphs and lists of text
    /// runs, by its HTML.
    html: BTreeMap<&'a str, Vec<Block>>,
}

/// A chart's picture for the template.
#[derive(Serialize)]
struct Chart {
    /// `chart-N.svg`.
    file: String,
    /// Width as a share of the text width: tall charts (maps) narrower.
    width: f64,
}

/// Everything the template needs, from the view and the charts' SVG.
pub(crate) fn prepare(
    page: &ReportPageView,
    svg: &dyn Fn(&str) -> Option<String>,
    meta: &PdfMeta,
) -> Result<Prepared, String> {
    let view = &page.view;
    let base = url::Url::parse(&view.permalink).ok();
    let mut files: Vec<(String, String)> = Vec::new();
    let mut charts = BTreeMap::new();
    let typology = view.typology.as_ref();
    let figures = view
        .indicators
        .iter()
        .flat_map(|i| &i.charts)
        .chain(typology.and_then(|t| t.chart.as_ref()))
        .chain(&view.diaspora_charts);
    for f in figures {
        if let Some(chart) = chart(f, svg, &mut files) {
            charts.insert(f.svg.as_str(), chart);
        }
    }

    let measures = typology.into_iter().flat_map(|t| t.groups.iter().flat_map(|g| &g.measures).chain(&t.history));
    let html_fields = view
        .profile_summary
        .iter()
        .chain(measures.filter_map(|m| m.description.as_ref()))
        .chain(view.context.iter().filter_map(|c| c.description.as_ref()));
    let html = html_fields.map(|h| (h.as_str(), html::blocks(h, base.as_ref()))).collect();

    let (lang, region) = language(&meta.language);
    let data = Data { font: super::FONT_FAMILY, lang, region, meta, report: page, charts, html };
    let json = serde_json::to_string(&data).map_err(|e| format!("cannot serialise the report data: {e}"))?;
    Ok(Prepared { json, charts: files })
}

/// A chart's SVG as the virtual file `chart-N.svg`; none when it cannot be
/// drawn (the HTML page leaves its marker out too).
fn chart(f: &FigureView, svg: &dyn Fn(&str) -> Option<String>, files: &mut Vec<(String, String)>) -> Option<Chart> {
    let body = svg(&f.svg)?;
    let file = format!("chart-{}.svg", files.len() + 1);
    let width = width_share(&body);
    files.push((file.clone(), for_typst(&body)));
    Some(Chart { file, width })
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
