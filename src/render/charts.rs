//! Charts on pages: the `chart(...)` shortcode and the charts generated
//! pages show.
//!
//! Owns turning a chart request (kind, indicator, year, countries, origin,
//! destination) into the data it shows (checked against the site, with
//! located errors for shortcodes), drawing it, and the figure around it
//! (caption, text summary, data table, CSV link, from
//! `partials/chart.html`). Each distinct request is drawn once per build in
//! the run's `ChartBook`, whichever page asks first, and the figure is kept
//! only until the last page that asked for it has it: pages receive the
//! figure as a fragment (see `crate::scope`), never as text to search for.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use serde::Serialize;
use tera::{Context, Tera};

use super::data_pages::{decimals_as_published, reference_label, value_view};
use super::data_views::{FigureDetailView, FigureView, TableRowView, TableView, ValueView};
use crate::charts::{self, ChartMeta, CorridorGroup, Datum, GapRow, MapValue, QuadrantPoint, Reference, Series};
use crate::data::{Indicator, Scope};
use crate::diagnostics::{Code, Diagnostic, suggestion};
use crate::routes;
use crate::scope::{self, Fragment, Input, Inputs};
use crate::shortcodes::ShortcodeCall;
use crate::site::Site;
use crate::source::SourceFile;
use crate::typology::{Class, TypologyCell};

// ------------------------------------------------------------- the kinds

/// One kind of chart: its name, what the `chart` shortcode may ask of it,
/// and how its data is selected and drawn. Adding a kind is one entry in
/// `CHART_KINDS`, its selection (a `prepare_*` function below) and its
/// drawing (a file of `crate::charts`).
pub(crate) struct ChartKind {
    /// As written in `kind="..."`, in chart ids and in CSS classes.
    pub(crate) name: &'static str,
    /// How a `chart(...)` shortcode may ask for it; `None`: only generated
    /// pages show it.
    pub(crate) shortcode: Option<ShortcodeRule>,
    /// Selects what the chart shows and readies its drawing and table.
    pub(crate) prepare: fn(&Site, &ChartRequest) -> Result<Prepared, String>,
}

/// What the `chart` shortcode accepts for a kind.
pub(crate) struct ShortcodeRule {
    /// The scope of indicator it draws (the first kind of a scope is the
    /// default for indicators of that scope).
    pub(crate) scope: Scope,
    /// It draws an indicator against its `compare_with`.
    pub(crate) needs_comparison: bool,
    /// It takes `origin=` and `destination=`.
    pub(crate) takes_corridor_ends: bool,
}

const fn rule(scope: Scope, needs_comparison: bool, takes_corridor_ends: bool) -> Option<ShortcodeRule> {
    Some(ShortcodeRule { scope, needs_comparison, takes_corridor_ends })
}

/// Every kind of chart.
pub(crate) const CHART_KINDS: &[ChartKind] = &[
    ChartKind { name: "bar", shortcode: rule(Scope::Country, false, false), prepare: prepare_bar },
    ChartKind { name: "line", shortcode: rule(Scope::Country, false, false), prepare: prepare_line },
    ChartKind { name: "gap", shortcode: rule(Scope::Country, true, false), prepare: prepare_gap },
    ChartKind { name: "map", shortcode: rule(Scope::Country, false, false), prepare: prepare_map },
    ChartKind { name: "corridor", shortcode: rule(Scope::Corridor, false, true), prepare: prepare_corridor },
    ChartKind { name: "quadrant", shortcode: None, prepare: prepare_quadrant },
    ChartKind { name: "cells", shortcode: None, prepare: prepare_cells },
];

/// A kind of chart, by its name in `CHART_KINDS` (a request's identity
/// holds the name, so ids stay stable when the list grows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub(crate) struct Kind(&'static str);

impl Kind {
    /// Kinds generated pages ask for by name.
    pub(crate) const BAR: Kind = Kind("bar");
    pub(crate) const LINE: Kind = Kind("line");
    pub(crate) const GAP: Kind = Kind("gap");
    pub(crate) const MAP: Kind = Kind("map");
    pub(crate) const CORRIDOR: Kind = Kind("corridor");
    pub(crate) const QUADRANT: Kind = Kind("quadrant");
    pub(crate) const CELLS: Kind = Kind("cells");

    /// The kind a shortcode names, if the shortcode may draw it.
    fn for_shortcode(name: &str) -> Option<(Kind, &'static ShortcodeRule)> {
        CHART_KINDS.iter().find(|k| k.name == name).and_then(|k| Some((Kind(k.name), k.shortcode.as_ref()?)))
    }

    /// The kind a shortcode draws when it names none.
    fn default_for(scope: Scope) -> Option<(Kind, &'static ShortcodeRule)> {
        CHART_KINDS.iter().find_map(|k| k.shortcode.as_ref().filter(|r| r.scope == scope).map(|r| (Kind(k.name), r)))
    }

    fn shortcode_names() -> impl Iterator<Item = &'static str> + Clone {
        CHART_KINDS.iter().filter(|k| k.shortcode.is_some()).map(|k| k.name)
    }

    fn entry(self) -> &'static ChartKind {
        // Every `Kind` is made from an entry's name.
        CHART_KINDS.iter().find(|k| k.name == self.0).unwrap_or(&CHART_KINDS[0])
    }

    pub(crate) fn slug(self) -> &'static str {
        self.0
    }
}

/// Everything that decides what a chart shows. Two equal requests draw the
/// same SVG; the request is the chart's identity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub(crate) struct ChartRequest {
    pub(crate) kind: Kind,
    /// Indicator id; for `cells`, the country code.
    pub(crate) subject: String,
    pub(crate) year: Option<i32>,
    pub(crate) countries: Vec<String>,
    pub(crate) origin: Option<String>,
    pub(crate) destination: Option<String>,
    pub(crate) title: Option<String>,
    /// A country drawn emphasised (bar) or a corridor origin (corridor).
    pub(crate) highlight: Option<String>,
}

impl ChartRequest {
    pub(crate) fn new(kind: Kind, subject: &str) -> Self {
        ChartRequest {
            kind,
            subject: subject.to_string(),
            year: None,
            countries: Vec::new(),
            origin: None,
            destination: None,
            title: None,
            highlight: None,
        }
    }

    /// `chart-<kind>-<hash>`: `[a-z0-9-]+`, stable for the same request.
    pub(crate) fn id(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        let hash = json.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3));
        format!("chart-{}-{:08x}", self.kind.slug(), hash as u32)
    }
}

/// What a chart shows, ready to draw and to print as a table.
pub(crate) struct Prepared {
    meta: ChartMeta,
    /// Draws the chart's SVG (the data it shows moved in).
    draw: Box<dyn FnOnce(&ChartMeta) -> String>,
    table: TableView,
    csv_url: Option<String>,
}

// ------------------------------------------------------------- the book

/// A chart drawn once: its SVG and its whole figure as fragments, what
/// pages print about it, and what it read.
#[derive(Debug)]
pub(crate) struct Figure {
    id: String,
    kind: Kind,
    title: String,
    summary: String,
    csv_url: Option<String>,
    svg: Fragment,
    html: Fragment,
    inputs: Inputs,
}

type Drawn = Arc<Result<Arc<Figure>, ChartError>>;

/// One request's place in the book: how many pages are still to show it,
/// and the figure once some page drew it.
struct Slot {
    uses_left: usize,
    figure: Arc<OnceLock<Drawn>>,
}

/// The charts of one run. Every page that shows a chart asks the book; the
/// first one draws it (the others wait for that drawing, never draw it
/// again), and the figure is dropped when the last page counted for it has
/// it, so memory holds the charts in use, not every chart of the site.
pub(crate) struct ChartBook {
    tera: Arc<Tera>,
    slots: Mutex<HashMap<ChartRequest, Slot>>,
    drawn: std::sync::atomic::AtomicUsize,
}

impl ChartBook {
    /// A book for a run whose pages ask for each request this many times.
    pub(crate) fn new(tera: Arc<Tera>, uses: BTreeMap<ChartRequest, usize>) -> Self {
        let slots = uses.into_iter().map(|(r, n)| (r, Slot { uses_left: n, figure: Arc::default() })).collect();
        ChartBook { tera, slots: Mutex::new(slots), drawn: Default::default() }
    }

    /// How many distinct charts were drawn so far.
    pub(crate) fn drawn(&self) -> usize {
        self.drawn.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn figure(&self, site: &Site, request: &ChartRequest) -> Drawn {
        let cell = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            match slots.get_mut(request) {
                Some(slot) => {
                    slot.uses_left = slot.uses_left.saturating_sub(1);
                    let cell = slot.figure.clone();
                    if slot.uses_left == 0 {
                        slots.remove(request);
                    }
                    cell
                }
                // Not counted in advance: drawn for this page alone.
                None => Arc::default(),
            }
        };
        cell.get_or_init(|| {
            self.drawn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let figure =
                crate::timings::time(crate::timings::Stage::Charts, 1, || draw_figure(site, &self.tera, request));
            Arc::new(figure.map(Arc::new))
        })
        .clone()
    }
}

thread_local! {
    static BOOK: std::cell::RefCell<Option<Arc<ChartBook>>> = const { std::cell::RefCell::new(None) };
}

/// Run `f` with `book` as the chart book of this thread.
pub(crate) fn with_book<R>(book: &Arc<ChartBook>, f: impl FnOnce() -> R) -> R {
    let previous = BOOK.with(|b| b.replace(Some(book.clone())));
    let result = f();
    BOOK.with(|b| *b.borrow_mut() = previous);
    result
}

/// Why a chart is not drawn.
#[derive(Debug, Clone)]
pub(crate) enum ChartError {
    /// The data has nothing for it to show: a shortcode asking for it is an
    /// error; a generated page, which asks for every chart an indicator or
    /// country could have, goes without it.
    NothingToShow(String),
    /// Its figure's template failed: an error wherever it is asked for.
    Template(Diagnostic),
}

/// Prepare, draw and put a chart in its figure, in a scope of its own so
/// that what it read is known.
fn draw_figure(site: &Site, tera: &Tera, request: &ChartRequest) -> Result<Figure, ChartError> {
    let (drawn, recorded) = scope::run(|| -> Result<_, ChartError> {
        let Prepared { meta, draw, table, csv_url } =
            (request.kind.entry().prepare)(site, request).map_err(ChartError::NothingToShow)?;
        let svg = draw(&meta);
        // The partial is rendered with a stand-in for the SVG, read for its
        // links and ids while it is small, and the SVG put in its place: a
        // chart's SVG holds neither links nor ids a page can point at.
        let detail = FigureDetailView {
            id: meta.id.clone(),
            kind: request.kind.slug().into(),
            title: meta.title.clone(),
            summary: meta.description.clone(),
            svg: SVG_STAND_IN.into(),
            table,
            csv_url: csv_url.clone(),
        };
        let mut context = Context::new();
        context.insert("figure", &detail);
        let frame =
            super::render_template(tera, site, "partials/chart.html", &context).map_err(ChartError::Template)?;
        let facts = super::fragment_facts(&frame, "partials/chart.html");
        let html = frame.replacen(SVG_STAND_IN, &svg, 1);
        Ok((meta, csv_url, svg, html, facts))
    });
    let (meta, csv_url, svg, html, facts) = drawn?;
    let mut inputs = recorded.inputs;
    inputs.insert(Input::Chart(meta.id.clone()));
    Ok(Figure {
        id: meta.id,
        kind: request.kind,
        title: meta.title,
        summary: meta.description,
        csv_url,
        svg: Fragment { facts: Arc::default(), html: svg.into() },
        html: Fragment { facts: Arc::new(facts), html: html.into() },
        inputs,
    })
}

/// Stands for a chart's SVG in its figure while the figure is read.
const SVG_STAND_IN: &str = "\u{E003}polibrief-chart-svg\u{E003}";

/// A chart drawn by the run's book (once), what it read recorded in the
/// running job's scope.
fn drawn(site: &Site, request: &ChartRequest) -> Result<Arc<Figure>, ChartError> {
    let drawn = BOOK.with(|b| b.borrow().clone()).map(|book| book.figure(site, request));
    let drawn = match drawn {
        Some(drawn) => drawn,
        // No run around this page (a report rendered alone): draw here.
        None => {
            let tera = Arc::new(site.tera.clone());
            Arc::new(draw_figure(site, &tera, request).map(Arc::new))
        }
    };
    let figure = drawn.as_ref().as_ref().map_err(Clone::clone)?;
    scope::record_all(&figure.inputs);
    Ok(figure.clone())
}

/// The figure of a chart for the page being rendered: drawn by the run's
/// book (once), its SVG and whole figure embedded as fragments.
pub(crate) fn figure(site: &Site, request: &ChartRequest) -> Result<FigureView, ChartError> {
    let figure = drawn(site, request)?;
    Ok(FigureView {
        id: figure.id.clone(),
        kind: figure.kind.slug().into(),
        title: figure.title.clone(),
        summary: figure.summary.clone(),
        csv_url: figure.csv_url.clone(),
        svg: scope::embed(figure.svg.clone()),
        html: scope::embed(figure.html.clone()),
    })
}

/// The figure of a chart a generated page shows, if the data has something
/// for it; a template error is reported in the running job.
pub(crate) fn figure_if_any(site: &Site, request: &ChartRequest) -> Option<FigureView> {
    match figure(site, request) {
        Ok(view) => Some(view),
        Err(ChartError::NothingToShow(_)) => None,
        Err(ChartError::Template(d)) => {
            scope::report([d]);
            None
        }
    }
}

// ------------------------------------------------------------- shortcode

/// `{{ chart(indicator="...", kind="bar", countries="ES,IT", year=2023, origin="MA", destination="ES", title="...") }}`
pub(crate) fn shortcode(
    page: &super::embeds::Page<'_>,
    source: &SourceFile,
    call: &ShortcodeCall,
) -> Result<String, Diagnostic> {
    let request = shortcode_request(page.site, source, call)?;
    let figure = drawn(page.site, &request).map_err(|e| match e {
        ChartError::NothingToShow(message) => Diagnostic::error(Code::BadChart, message).at_offset(source, call.offset),
        ChartError::Template(d) => d,
    })?;
    // In Markdown the figure stands alone, without the line end a template
    // printing it keeps.
    let html = figure.html.html.trim_end();
    Ok(scope::embed(Fragment { html: html.into(), facts: figure.html.facts.clone() }))
}

/// The chart a `chart(...)` shortcode asks for, its arguments checked
/// against the site (also used to count, before rendering, how many pages
/// show each chart).
pub(crate) fn shortcode_request(
    site: &Site,
    source: &SourceFile,
    call: &ShortcodeCall,
) -> Result<ChartRequest, Diagnostic> {
    use super::embeds::{int_arg, required_text, text_arg};
    let located = |message: String, offset: usize| Diagnostic::error(Code::BadChart, message).at_offset(source, offset);
    let (indicator_id, indicator_at) = required_text(source, call, "indicator")?;
    let Some(indicator) = site.data.indicator(&indicator_id) else {
        return Err(Diagnostic::error(Code::UnknownIndicator, format!("unknown indicator `{indicator_id}`"))
            .at_offset(source, indicator_at)
            .with_help(suggestion(&indicator_id, site.data.indicator_ids())));
    };
    let named = text_arg(source, call, "kind")?;
    let kind_at = named.as_ref().map_or(call.offset, |(_, at)| *at);
    let (kind, rule) = match named {
        None => Kind::default_for(indicator.scope)
            .ok_or_else(|| located(format!("no chart kind draws `{indicator_id}`"), call.offset))?,
        Some((name, at)) => Kind::for_shortcode(&name).ok_or_else(|| {
            Diagnostic::error(Code::UnknownValue, format!("unknown chart kind `{name}`"))
                .at_offset(source, at)
                .with_help(suggestion(&name, Kind::shortcode_names()))
        })?,
    };
    let wanted = |scope: Scope| Kind::default_for(scope).map_or("", |(k, _)| k.slug());
    match (rule.scope, indicator.scope) {
        (Scope::Corridor, Scope::Country) => {
            return Err(located(
                format!(
                    "`{indicator_id}` is a country indicator; `kind=\"{}\"` needs a corridor indicator",
                    kind.slug()
                ),
                kind_at,
            ));
        }
        (Scope::Country, Scope::Corridor) => {
            return Err(located(
                format!("`{indicator_id}` is a corridor indicator: use `kind=\"{}\"`", wanted(Scope::Corridor)),
                kind_at,
            ));
        }
        _ => {}
    }
    if rule.needs_comparison && indicator.compare_with.is_none() {
        return Err(located(
            format!("`{indicator_id}` has no `compare_with` indicator to draw a gap against"),
            kind_at,
        ));
    }
    let mut request = ChartRequest::new(kind, &indicator.id);
    if let Some((year, at)) = int_arg(source, call, "year")? {
        if !(1900..=2100).contains(&year) {
            return Err(located(format!("year {year} is outside 1900-2100"), at));
        }
        request.year = Some(year as i32);
    }
    if let Some((list, at)) = text_arg(source, call, "countries")? {
        for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            let code = code.to_ascii_uppercase();
            if !site.data.has_country(&code) {
                return Err(Diagnostic::error(
                    Code::UnknownCountry,
                    format!("unknown country `{code}` in `countries`"),
                )
                .at_offset(source, at)
                .with_help(suggestion(&code, site.data.country_codes())));
            }
            request.countries.push(code);
        }
    }
    for (key, want_origin) in [("origin", true), ("destination", false)] {
        if let Some((code, at)) = text_arg(source, call, key)? {
            if !rule.takes_corridor_ends {
                return Err(located(format!("`{key}` only applies to corridor charts"), at));
            }
            let code = code.to_ascii_uppercase();
            let role_ok = site.data.roles_of(&code).map(|(o, d)| if want_origin { o } else { d });
            match role_ok {
                None => {
                    return Err(Diagnostic::error(Code::UnknownCountry, format!("unknown country `{code}`"))
                        .at_offset(source, at)
                        .with_help(suggestion(&code, site.data.country_codes())));
                }
                Some(false) => {
                    return Err(located(
                        format!("`{code}` is not {}", if want_origin { "an origin" } else { "a destination" }),
                        at,
                    ));
                }
                Some(true) => {}
            }
            if want_origin { request.origin = Some(code) } else { request.destination = Some(code) }
        }
    }
    request.title = text_arg(source, call, "title")?.map(|(t, _)| t);
    Ok(request)
}

// ------------------------------------------------------------- selection

fn indicator<'a>(site: &'a Site, id: &str) -> Result<&'a Indicator, String> {
    site.data.indicator(id).ok_or_else(|| format!("unknown indicator `{id}`"))
}

/// The year to show: the one asked for, else the latest with any value.
fn chosen_year(indicator: &Indicator, year: Option<i32>) -> Option<i32> {
    year.or_else(|| {
        indicator.values.values().flat_map(|s| s.iter().filter(|(_, o)| o.value.is_some()).map(|(y, _)| *y)).max()
    })
}

/// The series of the countries a request names (every country when it names
/// none), in code order: a chart of ten countries reads ten series, not all.
fn selected<'a>(indicator: &'a Indicator, request: &ChartRequest) -> Vec<(&'a String, &'a crate::data::Series)> {
    if request.countries.is_empty() {
        return indicator.values.iter().collect();
    }
    let mut chosen: Vec<(&String, &crate::data::Series)> =
        request.countries.iter().filter_map(|c| indicator.values.get_key_value(c)).collect();
    chosen.sort_by(|a, b| a.0.cmp(b.0));
    chosen.dedup_by(|a, b| a.0 == b.0);
    chosen
}

fn meta(request: &ChartRequest, title: String, unit: &str, decimals: usize) -> ChartMeta {
    ChartMeta {
        id: request.id(),
        title: request.title.clone().unwrap_or(title),
        description: String::new(),
        unit_label: unit.to_string(),
        decimals,
    }
}

fn row(label: String, url: Option<String>, cells: Vec<ValueView>) -> TableRowView {
    TableRowView { label, url, cells }
}

/// The reference aggregate to draw as a line: EU27 first, else the first one.
fn reference_series(indicator: &Indicator) -> Option<(&String, &crate::data::Series)> {
    indicator.reference.get_key_value("EU27").or_else(|| indicator.reference.iter().next())
}

/// The reference line of a bar chart: the aggregate's label, its value and
/// what its flags mean.
fn bar_reference(key: &str, o: &crate::data::Observation) -> Option<Reference> {
    let meanings: Vec<&str> = o.flags.chars().filter_map(crate::data::values::flag_meaning).collect();
    Some(Reference {
        label: reference_label(key),
        value: o.value?,
        flags: o.flags.clone(),
        flag_meaning: meanings.join(", "),
    })
}

/// Countries with a value in `year`: (code, observation).
fn values_in_year<'a>(
    indicator: &'a Indicator,
    request: &ChartRequest,
    year: i32,
) -> Vec<(&'a String, &'a crate::data::Observation)> {
    selected(indicator, request)
        .into_iter()
        .filter_map(|(code, s)| s.get(&year).filter(|o| o.value.is_some()).map(|o| (code, o)))
        .collect()
}

fn prepare_bar(site: &Site, request: &ChartRequest) -> Result<Prepared, String> {
    let ind = indicator(site, &request.subject)?;
    let year = chosen_year(ind, request.year).ok_or_else(|| format!("`{}` has no values", ind.id))?;
    let decimals = ind.display_decimals();
    let values = values_in_year(ind, request, year);
    if values.is_empty() {
        return Err(format!("`{}` has no values in {year} for the countries asked for", ind.id));
    }
    let data: Vec<Datum> = values
        .iter()
        .map(|(code, o)| Datum {
            code: (*code).clone(),
            label: site.data.country_name(code).to_string(),
            value: o.value.unwrap_or_default(),
            flags: o.flags.clone(),
            decimals: Some(decimals_as_published(o, decimals)),
            noted: o.note.is_some(),
            in_text: Some(site.data.country_name_in_text(code).to_string()),
        })
        .collect();
    let reference = reference_series(ind).and_then(|(key, s)| bar_reference(key, s.get(&year)?));
    let mut m = meta(request, format!("{}, {year}", ind.label()), ind.unit.label(), decimals);
    m.description = charts::summarize_bar(&data, &m.unit_label, decimals, reference.as_ref());
    let mut rows: Vec<TableRowView> = values
        .iter()
        .map(|(code, o)| {
            row(
                site.data.country_name(code).into(),
                Some(site.config.href(&routes::country(code))),
                vec![value_view(Some((year, o)), decimals)],
            )
        })
        .collect();
    rows.sort_by(|a, b| {
        b.cells[0]
            .value
            .partial_cmp(&a.cells[0].value)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.label.cmp(&b.label))
    });
    if let Some((key, s)) = reference_series(ind)
        && let Some(o) = s.get(&year)
    {
        rows.push(row(reference_label(key), None, vec![value_view(Some((year, o)), decimals)]));
    }
    Ok(Prepared {
        table: TableView {
            caption: format!("{} ({}), {year}", ind.title, ind.unit.label()),
            columns: vec![year.to_string()],
            rows,
        },
        draw: {
            let highlight = request.highlight.clone();
            Box::new(move |meta| charts::bar(meta, &data, reference.as_ref(), highlight.as_deref()))
        },
        csv_url: Some(site.config.href(&routes::indicator_csv(&ind.id))),
        meta: m,
    })
}

fn prepare_map(site: &Site, request: &ChartRequest) -> Result<Prepared, String> {
    let ind = indicator(site, &request.subject)?;
    let year = chosen_year(ind, request.year).ok_or_else(|| format!("`{}` has no values", ind.id))?;
    let decimals = ind.display_decimals();
    let values: Vec<MapValue> = selected(ind, request)
        .into_iter()
        .map(|(code, s)| {
            let o = s.get(&year);
            MapValue {
                code: code.clone(),
                label: site.data.country_name(code).into(),
                value: o.and_then(|o| o.value),
                flags: o.map(|o| o.flags.clone()).unwrap_or_default(),
                decimals: o.map(|o| decimals_as_published(o, decimals)),
                noted: o.is_some_and(|o| o.value.is_some() && o.note.is_some()),
            }
        })
        .collect();
    if values.iter().all(|v| v.value.is_none()) {
        return Err(format!("`{}` has no values in {year} for the countries asked for", ind.id));
    }
    let mut m = meta(request, format!("{}, {year}", ind.label()), ind.unit.label(), decimals);
    m.description = charts::summarize_map(&values, &m.unit_label, decimals);
    let rows = values
        .iter()
        .map(|v| {
            let o = ind.values.get(&v.code).and_then(|s| s.get(&year));
            row(
                v.label.clone(),
                Some(site.config.href(&routes::country(&v.code))),
                vec![value_view(o.map(|o| (year, o)), decimals)],
            )
        })
        .collect();
    Ok(Prepared {
        table: TableView {
            caption: format!("{} ({}), {year}", ind.title, ind.unit.label()),
            columns: vec![year.to_string()],
            rows,
        },
        draw: Box::new(move |meta| charts::map(meta, &values, 5)),
        csv_url: Some(site.config.href(&routes::indicator_csv(&ind.id))),
        meta: m,
    })
}

fn series_of(site: &Site, code: &str, label: Option<String>, s: &crate::data::Series, years: &[i32]) -> Series {
    Series {
        code: code.to_string(),
        label_in_text: label.is_none().then(|| site.data.country_name_in_text(code).to_string()),
        label: label.unwrap_or_else(|| site.data.country_name(code).to_string()),
        points: years
            .iter()
            .map(|y| (*y, s.get(y).and_then(|o| o.value), s.get(y).map(|o| o.flags.clone()).unwrap_or_default()))
            .collect(),
        published: s
            .iter()
            .filter(|(_, o)| o.value.is_some())
            .map(|(y, o)| (*y, decimals_as_published(o, crate::format::MAX_DECIMALS)))
            .collect(),
    }
}

fn prepare_line(site: &Site, request: &ChartRequest) -> Result<Prepared, String> {
    let ind = indicator(site, &request.subject)?;
    let decimals = ind.display_decimals();
    let years = ind.years();
    let chosen: Vec<(&String, &crate::data::Series)> =
        selected(ind, request).into_iter().filter(|(_, s)| s.values().any(|o| o.value.is_some())).collect();
    let series: Vec<Series> = chosen.iter().map(|(code, s)| series_of(site, code, None, s, &years)).collect();
    if series.is_empty() {
        return Err(format!("`{}` has no values for the countries asked for", ind.id));
    }
    let reference = reference_series(ind).map(|(key, s)| series_of(site, key, Some(reference_label(key)), s, &years));
    let mut m = meta(
        request,
        format!("{}, {}–{}", ind.label(), years.first().unwrap_or(&0), years.last().unwrap_or(&0)),
        ind.unit.label(),
        decimals,
    );
    m.description = charts::summarize_line(&series, &m.unit_label, decimals, reference.as_ref());
    let mut rows: Vec<TableRowView> = chosen
        .iter()
        .map(|(code, s)| {
            let cells = years.iter().map(|y| value_view(s.get(y).map(|o| (*y, o)), decimals)).collect();
            row(site.data.country_name(code).into(), Some(site.config.href(&routes::country(code))), cells)
        })
        .collect();
    rows.sort_by(|a, b| a.label.cmp(&b.label));
    if let Some((key, s)) = reference_series(ind) {
        rows.push(row(
            reference_label(key),
            None,
            years.iter().map(|y| value_view(s.get(y).map(|o| (*y, o)), decimals)).collect(),
        ));
    }
    Ok(Prepared {
        table: TableView {
            caption: format!("{} ({}), by year", ind.title, ind.unit.label()),
            columns: years.iter().map(i32::to_string).collect(),
            rows,
        },
        draw: Box::new(move |meta| charts::line(meta, &series, reference.as_ref())),
        csv_url: Some(site.config.href(&routes::indicator_csv(&ind.id))),
        meta: m,
    })
}

fn prepare_gap(site: &Site, request: &ChartRequest) -> Result<Prepared, String> {
    let a = indicator(site, &request.subject)?;
    let b = a
        .compare_with
        .as_deref()
        .ok_or_else(|| format!("`{}` has no `compare_with`", a.id))
        .and_then(|id| indicator(site, id))?;
    // The latest year in which some country has both values.
    let both = |year: i32, code: &str| -> Option<(f64, f64)> {
        Some((a.values.get(code)?.get(&year)?.value?, b.values.get(code)?.get(&year)?.value?))
    };
    let chosen = selected(a, request);
    let year = request
        .year
        .or_else(|| a.years().into_iter().rev().find(|y| chosen.iter().any(|(c, _)| both(*y, c).is_some())))
        .ok_or_else(|| format!("`{}` and `{}` have no year in common", a.id, b.id))?;
    let decimals = a.display_decimals().max(b.display_decimals());
    let rows: Vec<GapRow> = chosen
        .iter()
        .map(|(code, _)| *code)
        .filter_map(|code| {
            let (va, vb) = both(year, code)?;
            Some(GapRow {
                code: code.clone(),
                label: site.data.country_name(code).into(),
                a: va,
                b: vb,
                a_flags: a.values[code][&year].flags.clone(),
                b_flags: b.values[code][&year].flags.clone(),
            })
        })
        .collect();
    if rows.is_empty() {
        return Err(format!("no country has both `{}` and `{}` in {year}", a.id, b.id));
    }
    let gap_label = a.gap_label(b);
    let mut m = meta(request, format!("{gap_label}, {year}"), a.unit.label(), decimals);
    m.description =
        format!("{gap_label}. {}", charts::summarize_gap(&rows, a.label(), b.label(), &m.unit_label, decimals));
    let mut table_rows: Vec<TableRowView> = rows
        .iter()
        .map(|r| {
            let gap = r.a - r.b;
            let gap_view = ValueView {
                display: crate::format::signed(gap, decimals),
                value: Some(gap),
                year: Some(year),
                ..ValueView::default()
            };
            row(
                r.label.clone(),
                Some(site.config.href(&routes::country(&r.code))),
                vec![
                    value_view(a.values[&r.code].get(&year).map(|o| (year, o)), decimals),
                    value_view(b.values[&r.code].get(&year).map(|o| (year, o)), decimals),
                    gap_view,
                ],
            )
        })
        .collect();
    table_rows.sort_by(|x, y| y.cells[2].value.partial_cmp(&x.cells[2].value).unwrap_or(std::cmp::Ordering::Equal));
    Ok(Prepared {
        table: TableView {
            caption: format!("{} and {} ({}), {year}", a.title, b.title, a.unit.label()),
            columns: vec![a.label().to_string(), b.label().to_string(), gap_label],
            rows: table_rows,
        },
        draw: {
            let (a_label, b_label) = (a.label().to_string(), b.label().to_string());
            Box::new(move |meta| charts::gap(meta, &rows, &a_label, &b_label))
        },
        csv_url: Some(site.config.href(&routes::indicator_csv(&a.id))),
        meta: m,
    })
}

fn prepare_corridor(site: &Site, request: &ChartRequest) -> Result<Prepared, String> {
    let ind = indicator(site, &request.subject)?;
    let decimals = ind.display_decimals();
    let mut groups: Vec<CorridorGroup> = Vec::new();
    let mut rows = Vec::new();
    for (key, s) in ind.corridor_series(request.origin.as_deref(), request.destination.as_deref()) {
        let Some((origin, destination)) = key.split_once('-') else { continue };
        let latest = match request.year {
            Some(y) => s.get(&y).filter(|o| o.value.is_some()).map(|o| (y, o)),
            None => crate::data::latest_value(s),
        };
        let Some((year, o)) = latest else { continue };
        let bar = Datum {
            code: destination.into(),
            label: site.data.country_name(destination).into(),
            value: o.value.unwrap_or_default(),
            flags: o.flags.clone(),
            decimals: Some(decimals_as_published(o, decimals)),
            noted: o.note.is_some(),
            in_text: Some(site.data.country_name_in_text(destination).into()),
        };
        match groups.iter_mut().find(|g| g.origin_code == origin) {
            Some(g) => g.bars.push(bar),
            None => groups.push(CorridorGroup {
                origin_code: origin.into(),
                origin_label: site.data.country_name(origin).into(),
                origin_in_text: Some(site.data.country_name_in_text(origin).into()),
                bars: vec![bar],
            }),
        }
        let label = super::data_pages::corridor_title(&site.data, origin, destination);
        let url = site
            .data
            .has_corridor(origin, destination)
            .then(|| site.config.href(&routes::corridor(origin, destination)));
        rows.push(row(label, url, vec![value_view(Some((year, o)), decimals)]));
    }
    if groups.is_empty() {
        return Err(format!("`{}` has no values for the corridors asked for", ind.id));
    }
    // Origins in the order readers look them up (by name), not by code.
    groups.sort_by(|a, b| a.origin_label.cmp(&b.origin_label).then_with(|| a.origin_code.cmp(&b.origin_code)));
    let narrowed = match (&request.origin, &request.destination) {
        (Some(o), _) => format!(": corridors from {}", site.data.country_name_in_text(o)),
        (None, Some(d)) => format!(": corridors to {}", site.data.country_name_in_text(d)),
        _ => String::new(),
    };
    let when = request.year.map_or_else(|| "latest year of each".to_string(), |y| y.to_string());
    let mut m = meta(request, format!("{}{narrowed}, {when}", ind.label()), ind.unit.label(), decimals);
    m.description = charts::summarize_corridor(&groups, &m.unit_label, decimals);
    Ok(Prepared {
        table: TableView {
            caption: format!("{} ({}){narrowed}, {when}", ind.title, ind.unit.label()),
            columns: vec!["Value".into()],
            rows,
        },
        draw: Box::new(move |meta| charts::corridor(meta, &groups)),
        csv_url: Some(site.config.href(&routes::indicator_csv(&ind.id))),
        meta: m,
    })
}

fn prepare_quadrant(site: &Site, request: &ChartRequest) -> Result<Prepared, String> {
    let mut points = Vec::new();
    let mut rows = Vec::new();
    for c in site.data.origins() {
        let cl = c.classification();
        let (Some(x), Some(y)) = (cl.alignment, cl.engagement) else { continue };
        points.push(QuadrantPoint {
            code: c.code.clone(),
            label: c.name.clone(),
            x,
            y,
            tie: matches!(cl.class, Class::Tie(_)),
            fragile: c.sensitivity() != crate::typology::Sensitivity::Robust,
            expert: c.typology_override.as_ref().map(|o| o.class.label().to_string()),
            class: match cl.class {
                Class::Cell(cell) => Some(cell.label().to_string()),
                _ => None,
            },
        });
        let coordinate =
            |v: f64| ValueView { display: crate::format::signed(v, 2), value: Some(v), ..ValueView::default() };
        rows.push(row(
            c.name.clone(),
            Some(site.config.href(&routes::country(&c.code))),
            vec![coordinate(x), coordinate(y)],
        ));
    }
    if points.is_empty() {
        return Err("no origin country is coded".into());
    }
    let mut m = meta(request, "Origin countries by alignment and engagement".into(), "", 2);
    m.description = charts::summarize_quadrant(&points);
    rows.sort_by(|a, b| a.label.cmp(&b.label));
    Ok(Prepared {
        table: TableView {
            caption: "Alignment (x) and engagement (y) of each coded origin country".into(),
            columns: vec!["Alignment".into(), "Engagement".into()],
            rows,
        },
        draw: Box::new(move |meta| charts::quadrant(meta, &points)),
        csv_url: Some(site.config.href(routes::TYPOLOGY_CSV)),
        meta: m,
    })
}

fn prepare_cells(site: &Site, request: &ChartRequest) -> Result<Prepared, String> {
    let country =
        site.data.country(&request.subject).ok_or_else(|| format!("unknown country `{}`", request.subject))?;
    let cl = country.classification();
    if cl.class == Class::NotCoded {
        return Err(format!("{} has no current measures", country.name));
    }
    let totals = TypologyCell::ALL.map(|cell| (cell.label().to_string(), cl.total(cell)));
    let mut m = meta(request, format!("{}: weight of current measures per cell", country.name), "total weight", 0);
    m.description = charts::summarize_cells(&totals, "total weight");
    let rows = totals
        .iter()
        .map(|(label, total)| {
            let v = ValueView { display: total.to_string(), value: Some(f64::from(*total)), ..ValueView::default() };
            row(label.clone(), None, vec![v])
        })
        .collect();
    Ok(Prepared {
        table: TableView {
            caption: format!("Total weight per cell, {}", country.name),
            columns: vec!["Total weight".into()],
            rows,
        },
        draw: Box::new(move |meta| charts::cells(meta, &totals)),
        csv_url: Some(site.config.href(routes::TYPOLOGY_CSV)),
        meta: m,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_registered_once_and_each_scope_has_a_default() {
        let names: Vec<&str> = CHART_KINDS.iter().map(|k| k.name).collect();
        let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for kind in [Kind::BAR, Kind::LINE, Kind::GAP, Kind::MAP, Kind::CORRIDOR, Kind::QUADRANT, Kind::CELLS] {
            assert!(names.contains(&kind.slug()), "`{}` has no entry", kind.slug());
        }
        assert_eq!(Kind::default_for(Scope::Country).map(|(k, _)| k), Some(Kind::BAR));
        assert_eq!(Kind::default_for(Scope::Corridor).map(|(k, _)| k), Some(Kind::CORRIDOR));
        assert!(Kind::for_shortcode("quadrant").is_none(), "generated-only kinds are not for shortcodes");
    }

    #[test]
    fn the_docs_list_the_kinds_a_shortcode_may_ask_for() {
        let docs = include_str!("../../docs/format.md");
        let section = docs.split("### Chart kinds").nth(1).expect("docs/format.md has a Chart kinds section");
        let table = section.split("\n\n").find(|block| block.starts_with("| `kind` |")).expect("a table of kinds");
        let documented: Vec<&str> =
            table.lines().skip(2).filter_map(|row| row.strip_prefix("| `")?.split('`').next()).collect();
        assert_eq!(documented, Kind::shortcode_names().collect::<Vec<_>>());
    }
}
