//! View structs of the pages generated from data (countries, indicators,
//! corridors), of the country reports (HTML and PDF) and of the data
//! shortcodes (`country()` cards). Like `views`, a public API documented in
//! docs/templates.md: values arrive formatted, URLs carry the base path,
//! Markdown arrives as HTML (write with `| safe`).

use serde::Serialize;

use super::views::LinkView;

/// A value as a table cell shows it.
#[derive(Debug, Clone, Serialize, Default)]
pub(crate) struct ValueView {
    /// Formatted number, or empty when missing.
    pub(crate) display: String,
    /// The number itself (for sorting and charts), absent when missing.
    pub(crate) value: Option<f64>,
    pub(crate) year: Option<i32>,
    pub(crate) flags: Vec<FlagView>,
    pub(crate) note: Option<String>,
    /// True when there is no value: show "no data".
    pub(crate) missing: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct FlagView {
    pub(crate) letter: String,
    pub(crate) meaning: String,
}

/// A source as a reader cites it: author or body, title, date, identifier, address.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SourceView {
    pub(crate) id: String,
    pub(crate) author: Option<String>,
    pub(crate) title: String,
    /// The source's date (`2014-03-03`, `2014-03`, `2014`), else its year.
    pub(crate) date: Option<String>,
    /// Document number, CELEX number, DOI, dataset code...
    pub(crate) identifier: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) year: Option<i32>,
}

/// `countries` in countries.html.
#[derive(Debug, Serialize)]
pub(crate) struct CountriesView {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) narrative: Option<NarrativeView>,
    /// The main indicators shown as columns.
    pub(crate) columns: Vec<ColumnView>,
    pub(crate) rows: Vec<CountryRowView>,
    pub(crate) origin_count: usize,
    pub(crate) destination_count: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct ColumnView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) label: String,
    pub(crate) unit: String,
    pub(crate) url: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct CountryRowView {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) url: String,
    pub(crate) roles: Vec<String>,
    pub(crate) region: Option<String>,
    pub(crate) eu_member: bool,
    /// One per column, in column order.
    pub(crate) values: Vec<ValueView>,
}

/// Hand-written Markdown from `content/<folder>/<name>.md`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NarrativeView {
    pub(crate) title: String,
    pub(crate) content: String,
}

/// `country` in country.html.
#[derive(Debug, Serialize)]
pub(crate) struct CountryView {
    pub(crate) code: String,
    pub(crate) name: String,
    /// The name as it stands inside a sentence ("the Netherlands").
    pub(crate) name_in_text: String,
    pub(crate) url: String,
    pub(crate) roles: Vec<String>,
    pub(crate) region: Option<String>,
    pub(crate) eu_member: bool,
    pub(crate) summary: Option<String>,
    pub(crate) narrative: Option<NarrativeView>,
    pub(crate) indicators: Vec<CountryIndicatorView>,
    /// Origins: where its citizens live, largest first.
    pub(crate) diaspora: Vec<DiasporaView>,
    /// Corridors from (origin) or into (destination) this country.
    pub(crate) corridors: Vec<LinkView>,
    pub(crate) typology: Option<TypologyView>,
    /// Origins: acts of the EU, destinations or bilateral agreements that
    /// bear on its emigrants (shown, never counted in the typology).
    pub(crate) context: Vec<ContextView>,
    /// Origins: its citizens by destination, from the corridor indicators.
    pub(crate) diaspora_charts: Vec<FigureView>,
    pub(crate) sources: Vec<SourceView>,
    /// The source of every indicator in `indicators`, with date and licence.
    pub(crate) indicator_sources: Vec<ReportIndicatorSourceView>,
    pub(crate) json_url: String,
    /// The printable report of this country.
    pub(crate) report_url: String,
    pub(crate) breadcrumbs: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CountryIndicatorView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) unit: String,
    /// The value in the year the indicator compares countries in (its
    /// page's bar chart and map), else the country's latest value.
    pub(crate) latest: ValueView,
    /// "3 of 27 in 2024": the rank among the countries with a value in
    /// `rank_year`, with the direction in `rank_order`; none when the
    /// country has no value in that year.
    pub(crate) rank: Option<usize>,
    pub(crate) rank_of: Option<usize>,
    pub(crate) rank_year: Option<i32>,
    pub(crate) rank_order: String,
    pub(crate) csv_url: String,
    /// The country against the others (bar) and its time series (line).
    pub(crate) charts: Vec<FigureView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct DiasporaView {
    pub(crate) destination: LinkView,
    pub(crate) population: String,
    pub(crate) year: i32,
    pub(crate) source: Option<SourceView>,
    pub(crate) corridor_url: Option<String>,
}

/// The typology of an origin country.
#[derive(Debug, Serialize)]
pub(crate) struct TypologyView {
    /// `active-concordance` ..., `tie` or `not-coded`.
    pub(crate) class: String,
    pub(crate) class_label: String,
    /// The expert classification, when the profile gives one.
    pub(crate) override_class: Option<String>,
    pub(crate) override_label: Option<String>,
    pub(crate) override_rationale: Option<String>,
    pub(crate) cells: Vec<CellTotalView>,
    pub(crate) engagement: Option<String>,
    pub(crate) alignment: Option<String>,
    /// Current measures, grouped by cell (cells without measures left out).
    pub(crate) groups: Vec<MeasureGroupView>,
    /// Measures that ended (`until`): history, not counted.
    pub(crate) history: Vec<MeasureView>,
    /// The four cell totals as a small chart.
    pub(crate) chart: Option<FigureView>,
    /// How many current measures the class rests on.
    pub(crate) current_count: usize,
    /// Fewer current measures than `thin_below`: the page says the
    /// evidence is thin.
    pub(crate) thin_evidence: bool,
    pub(crate) thin_below: usize,
    /// The sensitivity of the computed class.
    pub(crate) sensitivity: SensitivityView,
}

/// Whether the computed class holds under the changes the method page lists.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SensitivityView {
    /// `robust`, `fragile` or `not-coded`.
    pub(crate) status: String,
    /// One sentence: "Robust: ..." or "Fragile: 3 of the 9 changes tried move it."
    pub(crate) summary: String,
    /// The changes that move the country, grouped by where they move it.
    pub(crate) flips: Vec<FlipGroupView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct FlipGroupView {
    /// Where the changes move the country: "Passive concordance", "a tie
    /// between active concordance and passive concordance".
    pub(crate) to: String,
    /// Each change as a clause: "“Voting from abroad” weighs 2 instead of 1",
    /// "all measures weigh the same", "“X” is left out".
    pub(crate) changes: Vec<String>,
}

/// An act of another party than the origin state, shown as context.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ContextView {
    pub(crate) title: String,
    /// `eu`, `destination` or `bilateral`.
    pub(crate) actor: String,
    /// "the EU", "a destination state", "an agreement with a destination state".
    pub(crate) actor_label: String,
    pub(crate) years: String,
    pub(crate) description: Option<String>,
    pub(crate) sources: Vec<SourceView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CellTotalView {
    pub(crate) cell: String,
    pub(crate) label: String,
    pub(crate) total: u32,
}

#[derive(Debug, Serialize)]
pub(crate) struct MeasureGroupView {
    pub(crate) cell: String,
    pub(crate) label: String,
    pub(crate) measures: Vec<MeasureView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct MeasureView {
    pub(crate) title: String,
    /// The kind of measure whose coding rule it follows (its topic, e.g. "Voting from abroad").
    pub(crate) kind: Option<String>,
    pub(crate) kind_label: Option<String>,
    pub(crate) cell: String,
    pub(crate) cell_label: String,
    pub(crate) weight: u8,
    /// "since 2010", "2024-2024", or empty.
    pub(crate) years: String,
    pub(crate) description: Option<String>,
    pub(crate) sources: Vec<SourceView>,
}

/// `indicators` in indicators.html.
#[derive(Debug, Serialize)]
pub(crate) struct IndicatorsView {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) narrative: Option<NarrativeView>,
    pub(crate) items: Vec<IndicatorItemView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndicatorItemView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) unit: String,
    pub(crate) scope: String,
    pub(crate) source: String,
    pub(crate) years: String,
    pub(crate) series_count: usize,
    pub(crate) csv_url: String,
    pub(crate) json_url: String,
}

/// `indicator` in indicator.html.
#[derive(Debug, Serialize)]
pub(crate) struct IndicatorView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) short_title: Option<String>,
    pub(crate) url: String,
    pub(crate) unit: String,
    pub(crate) unit_slug: String,
    pub(crate) higher_is_better: bool,
    pub(crate) scope: String,
    pub(crate) description: Option<String>,
    pub(crate) narrative: Option<NarrativeView>,
    pub(crate) source: IndicatorSourceView,
    pub(crate) compare_with: Option<LinkView>,
    pub(crate) years: Vec<i32>,
    /// One row per country (or corridor), cells in `years` order.
    pub(crate) rows: Vec<SeriesRowView>,
    /// Aggregates such as EU27.
    pub(crate) reference_rows: Vec<SeriesRowView>,
    /// Every flag that appears in the table, for the legend.
    pub(crate) flags: Vec<FlagView>,
    pub(crate) csv_url: String,
    pub(crate) json_url: String,
    pub(crate) breadcrumbs: Vec<LinkView>,
    /// Bar (latest year), line (all years), map, and gap when paired; corridor for corridor indicators.
    pub(crate) charts: Vec<FigureView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndicatorSourceView {
    /// The body that publishes the data (`Eurostat`).
    pub(crate) publisher: Option<String>,
    pub(crate) title: String,
    pub(crate) dataset: Option<String>,
    pub(crate) url: Option<String>,
    /// The date of the database version the values come from.
    pub(crate) updated: Option<String>,
    pub(crate) retrieved: Option<String>,
    pub(crate) licence: Option<String>,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct SeriesRowView {
    pub(crate) key: String,
    pub(crate) label: String,
    pub(crate) url: Option<String>,
    pub(crate) cells: Vec<ValueView>,
}

/// `corridor` in corridor.html.
#[derive(Debug, Serialize)]
pub(crate) struct CorridorView {
    pub(crate) key: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) origin: LinkView,
    pub(crate) destination: LinkView,
    /// The origin's name as it stands inside a sentence ("the Philippines").
    pub(crate) origin_in_text: String,
    /// The destination's name as it stands inside a sentence ("the Netherlands").
    pub(crate) destination_in_text: String,
    pub(crate) narrative: Option<NarrativeView>,
    /// From the origin's profile, when it gives the diaspora there.
    pub(crate) diaspora: Option<DiasporaView>,
    pub(crate) indicators: Vec<CorridorIndicatorView>,
    /// The source of every indicator shown, with date and licence.
    pub(crate) sources: Vec<ReportIndicatorSourceView>,
    pub(crate) breadcrumbs: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CorridorIndicatorView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) unit: String,
    pub(crate) latest: ValueView,
    /// The destination's origin groups, this corridor emphasised.
    pub(crate) chart: Option<FigureView>,
    /// The same indicator for the destination's origin groups (this one included, marked).
    pub(crate) comparison: Vec<ComparisonRowView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ComparisonRowView {
    pub(crate) label: String,
    pub(crate) url: Option<String>,
    pub(crate) value: ValueView,
    pub(crate) is_current: bool,
}

/// A chart with everything a reader needs besides the picture: `figure` in
/// `partials/chart.html`, and the items of `charts` lists on generated pages.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FigureView {
    /// Unique per chart, `chart-<kind>-<hash>`.
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) title: String,
    /// The generated text summary of the main finding.
    pub(crate) summary: String,
    /// The whole figure, from `partials/chart.html`: caption, chart, summary,
    /// data table and download link (write with `| safe`).
    pub(crate) html: String,
    /// The chart alone, inline SVG (write with `| safe`), for a layout of
    /// one's own.
    pub(crate) svg: String,
    /// The CSV download of the indicator, when there is one.
    pub(crate) csv_url: Option<String>,
}

/// `figure` in `partials/chart.html`: a chart with everything around it.
/// The partial is rendered once per chart, whatever number of pages show it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FigureDetailView {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) title: String,
    pub(crate) summary: String,
    /// The inline SVG (write with `| safe`).
    pub(crate) svg: String,
    /// The numbers behind the chart.
    pub(crate) table: TableView,
    pub(crate) csv_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct TableView {
    pub(crate) caption: String,
    /// Headers of the value columns (the first column is the row label).
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<TableRowView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct TableRowView {
    pub(crate) label: String,
    pub(crate) url: Option<String>,
    pub(crate) cells: Vec<ValueView>,
}

/// `report` in report.html: one country's printable report (and the input
/// of its PDF).
#[derive(Debug, Serialize)]
pub(crate) struct ReportView {
    /// The publication: the site's title.
    pub(crate) title: String,
    pub(crate) publisher: Option<String>,
    /// "Data as of": `date` in config.yaml, else the latest retrieval date of the indicators.
    pub(crate) date: Option<String>,
    pub(crate) code: String,
    pub(crate) name: String,
    /// The name as it stands inside a sentence ("the Netherlands").
    pub(crate) name_in_text: String,
    pub(crate) url: String,
    pub(crate) permalink: String,
    pub(crate) profile_url: String,
    /// The PDF of this report, when the build makes PDFs.
    pub(crate) pdf_url: Option<String>,
    pub(crate) roles: Vec<String>,
    pub(crate) region: Option<String>,
    pub(crate) eu_member: bool,
    /// The generated one-paragraph summary (plain text).
    pub(crate) summary: String,
    /// The profile's own summary (HTML).
    pub(crate) profile_summary: Option<String>,
    pub(crate) indicators: Vec<CountryIndicatorView>,
    pub(crate) typology: Option<TypologyView>,
    /// The typology's method page: how countries are placed, how the
    /// sensitivity is tested.
    pub(crate) method_url: String,
    /// Origins: acts of others that bear on its emigrants (as on the profile).
    pub(crate) context: Vec<ContextView>,
    pub(crate) diaspora: Vec<DiasporaView>,
    pub(crate) diaspora_charts: Vec<FigureView>,
    pub(crate) corridors: Vec<LinkView>,
    /// The country's own sources (diaspora, measures, context).
    pub(crate) sources: Vec<SourceView>,
    /// The source of every indicator shown.
    pub(crate) indicator_sources: Vec<ReportIndicatorSourceView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ReportIndicatorSourceView {
    pub(crate) indicator: String,
    pub(crate) source: IndicatorSourceView,
}

// ------------------------------------------------------------- reports

/// What `report.html` receives as `report` (and what the PDF is made
/// from): the report view, the notes of its indicator table and, for a
/// destination, its origin groups.
#[derive(Debug, Serialize)]
pub(crate) struct ReportPageView {
    #[serde(flatten)]
    pub(crate) view: ReportView,
    /// The notes of the indicator table's values, numbered from 1.
    pub(crate) indicator_notes: Vec<TableNoteView>,
    /// Destinations: the origin groups living there, largest first.
    pub(crate) origin_groups: Vec<OriginGroupView>,
}

/// A value's note, printed below the table and marked by its number.
#[derive(Debug, Serialize)]
pub(crate) struct TableNoteView {
    pub(crate) number: usize,
    /// The indicator whose value carries the note.
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) note: String,
}

/// Citizens of one origin country living in a destination.
#[derive(Debug, Serialize)]
pub(crate) struct OriginGroupView {
    /// The origin country's profile.
    pub(crate) origin: LinkView,
    /// The origin's name as it stands inside a sentence ("the Philippines").
    pub(crate) origin_in_text: String,
    /// Formatted, `"812,000"`.
    pub(crate) population: String,
    pub(crate) year: i32,
    pub(crate) corridor_url: String,
    /// Where the figure comes from: a corridor indicator's source, or the
    /// origin profile's source of its diaspora entry.
    pub(crate) source: String,
    pub(crate) source_url: Option<String>,
}

/// Document metadata of a PDF report (fixed, never the clock).
#[cfg_attr(not(feature = "pdf"), allow(dead_code))]
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PdfMeta {
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) subject: String,
    /// BCP 47, from config.yaml's `language`.
    pub(crate) language: String,
    /// YYYY-MM-DD: the creation date written into the PDF.
    pub(crate) date: Option<String>,
}

// ------------------------------------------------------------- shortcodes

#[derive(serde::Serialize)]
pub(crate) struct CountryCardView {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) url: String,
    pub(crate) roles: Vec<String>,
    pub(crate) region: Option<String>,
    pub(crate) eu_member: bool,
    pub(crate) class_label: Option<String>,
    pub(crate) figures: Vec<CardFigureView>,
}

#[derive(serde::Serialize)]
pub(crate) struct CardFigureView {
    pub(crate) label: String,
    pub(crate) unit: String,
    pub(crate) value: ValueView,
}
