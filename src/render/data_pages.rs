//! The pages generated from data: `/countries/`, `/countries/<code>/`,
//! `/indicators/`, `/indicators/<id>/`, `/corridors/<o>-<d>/`.
//!
//! Owns turning the Dataset into the view structs of `data_views`, one
//! `Page` per page, and the list of charts each page shows (so that the run
//! knows in advance how many pages show each chart). No Markdown stubs are
//! needed: each page exists because the data does; an optional narrative
//! from `content/` is added.

use std::collections::BTreeMap;

use tera::Context;

use super::Page;
use super::charts::{self, ChartRequest, Kind};
use super::data_views::*;
use super::views::LinkView;
use crate::data::{Country, Dataset, Indicator, Observation, Scope, latest_value, values};
use crate::format;
use crate::markdown::{self, MarkdownOptions};
use crate::routes;
use crate::site::Site;
use crate::typology::TypologyCell;

/// Narratives rendered from `content/<folder>/...`, keyed by page URL.
pub(crate) type Narratives = BTreeMap<String, NarrativeView>;

fn page(site: &Site, url: String, template: &str, name: &'static str, view: &impl serde::Serialize) -> Page {
    let mut context = Context::new();
    context.insert("current_url", &site.config.href(&url));
    context.insert("permalink", &site.config.permalink(&url));
    context.insert(name, view);
    let info = super::PageInfo::of_view(&context, name);
    Page { template: template.to_string(), context, info }
}

fn md(site: &Site, text: &Option<String>) -> Option<String> {
    let options = MarkdownOptions { base_path: &site.config.base_path, unsafe_html: site.config.unsafe_html };
    text.as_deref().map(|t| markdown::render_fragment(t, options))
}

fn link(site: &Site, title: impl Into<String>, url: &str) -> LinkView {
    LinkView { title: title.into(), url: site.config.href(url) }
}

fn home_crumb(site: &Site) -> LinkView {
    super::crumb(site, crate::content::HOME)
}

pub(crate) fn flag_views(flags: &str) -> Vec<FlagView> {
    flags
        .chars()
        .map(|c| FlagView { letter: c.to_string(), meaning: values::flag_meaning(c).unwrap_or("").to_string() })
        .collect()
}

pub(crate) fn value_view(observation: Option<(i32, &Observation)>, decimals: usize) -> ValueView {
    match observation {
        Some((year, o)) => ValueView {
            display: o.value.map(|v| format::number(v, decimals_as_published(o, decimals))).unwrap_or_default(),
            value: o.value,
            year: Some(year),
            flags: flag_views(&o.flags),
            note: o.note.clone(),
            missing: o.value.is_none(),
        },
        None => ValueView { missing: true, ..ValueView::default() },
    }
}

/// The indicator's decimals, but never more than the YAML wrote: a score
/// published as a whole number is not shown as `46.00`.
pub(crate) fn decimals_as_published(o: &Observation, decimals: usize) -> usize {
    match o.text.as_deref() {
        Some(text) if !text.contains(['e', 'E']) => decimals.min(text.split_once('.').map_or(0, |(_, f)| f.len())),
        _ => decimals,
    }
}

fn source_view(_site: &Site, s: &crate::data::SourceEntry) -> SourceView {
    SourceView {
        id: s.id.clone(),
        author: s.author.clone(),
        title: s.title.clone(),
        date: s.date.clone().or_else(|| s.year.map(|y| y.to_string())),
        identifier: s.identifier.clone(),
        url: s.url.clone(),
        year: s.year,
    }
}

/// An indicator's source as the pages cite it (`with_note`: the note too).
pub(crate) fn indicator_source_view(site: &Site, i: &Indicator, with_note: bool) -> IndicatorSourceView {
    IndicatorSourceView {
        publisher: i.source.publisher.clone(),
        title: i.source.title.clone(),
        dataset: i.source.dataset.clone(),
        url: i.source.url.clone(),
        updated: i.source.updated.clone(),
        retrieved: i.source.retrieved.clone(),
        licence: i.source.licence.clone(),
        note: if with_note { md(site, &i.source.note) } else { None },
    }
}

/// The sources of these indicators, one entry each, with date and licence.
pub(crate) fn indicator_sources<'a>(
    site: &Site,
    indicators: impl Iterator<Item = &'a Indicator>,
) -> Vec<ReportIndicatorSourceView> {
    indicators
        .map(|i| ReportIndicatorSourceView {
            indicator: i.title.clone(),
            source: indicator_source_view(site, i, false),
        })
        .collect()
}

/// The value a page shows for `key`: its value in the year the indicator
/// compares countries in (so that every page ranks within one year and one
/// set of countries), else its latest value, which is then not ranked.
/// The flag says whether the value is in the comparison year.
pub(crate) fn compared_value<'a>(indicator: &'a Indicator, key: &str) -> Option<(i32, &'a Observation, bool)> {
    let series = indicator.values.get(key)?;
    let in_year = comparison_year(indicator)
        .and_then(|y| series.get_key_value(&y))
        .filter(|(_, o)| o.value.is_some())
        .map(|(y, o)| (*y, o, true));
    in_year.or_else(|| latest_value(series).map(|(y, o)| (y, o, false)))
}

/// Whether an indicator is one of the site's main ones: those a country's
/// page shows with charts (the others are in its table, with a link).
pub(crate) fn is_main(site: &Site, indicator: &Indicator) -> bool {
    match &site.config.main_indicators {
        Some(ids) => ids.contains(&indicator.id),
        None => indicator.scope == Scope::Country,
    }
}

/// The indicators named in `main_indicators` (config), else every
/// country-scoped one.
pub(crate) fn main_indicators(site: &Site) -> Vec<&Indicator> {
    match &site.config.main_indicators {
        Some(ids) => ids.iter().filter_map(|id| site.data.indicator(id)).collect(),
        None => site.data.indicators().filter(|i| i.scope == Scope::Country).collect(),
    }
}

pub(crate) fn countries_page(site: &Site, narratives: &Narratives) -> Page {
    let data = &site.data;
    let main = main_indicators(site);
    let columns = main
        .iter()
        .map(|i| ColumnView {
            id: i.id.clone(),
            title: i.title.clone(),
            label: i.label().to_string(),
            unit: i.unit.label().to_string(),
            url: site.config.href(&routes::indicator(&i.id)),
        })
        .collect();
    let mut rows: Vec<CountryRowView> = data
        .countries()
        .map(|c| CountryRowView {
            code: c.code.clone(),
            name: c.name.clone(),
            url: site.config.href(&routes::country(&c.code)),
            roles: c.roles().iter().map(|r| r.to_string()).collect(),
            region: c.region.clone(),
            eu_member: c.eu_member,
            values: main
                .iter()
                .map(|i| value_view(compared_value(i, &c.code).map(|(y, o, _)| (y, o)), i.display_decimals()))
                .collect(),
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    let view = CountriesView {
        title: "Countries".into(),
        url: site.config.href(routes::COUNTRIES),
        narrative: narratives.get(routes::COUNTRIES).cloned(),
        columns,
        rows,
        origin_count: data.role_counts().0,
        destination_count: data.role_counts().1,
    };
    page(site, routes::COUNTRIES.into(), "countries.html", "countries", &view)
}

/// Everything a country's profile shows (the report reuses it).
pub(crate) fn country_view(site: &Site, country: &Country, narratives: &Narratives) -> CountryView {
    let data = &site.data;
    let url = routes::country(&country.code);
    let indicators = data
        .indicators()
        .filter(|i| i.scope == Scope::Country)
        .map(|i| {
            let shown = compared_value(i, &country.code);
            let rank = shown.filter(|(_, _, ranked)| *ranked).and_then(|(year, _, _)| i.rank(&country.code, year));
            CountryIndicatorView {
                id: i.id.clone(),
                title: i.title.clone(),
                url: site.config.href(&routes::indicator(&i.id)),
                unit: i.unit.label().to_string(),
                latest: value_view(shown.map(|(y, o, _)| (y, o)), i.display_decimals()),
                rank: rank.map(|r| r.rank),
                rank_of: rank.map(|r| r.of),
                rank_year: rank.and(shown.map(|(y, _, _)| y)),
                rank_order: if i.higher_is_better { "highest first".into() } else { "lowest first".into() },
                csv_url: site.config.href(&routes::indicator_csv(&i.id)),
                charts: if is_main(site, i) {
                    figures(site, country_charts(site, i, &country.code, shown.map(|(year, _, _)| year)))
                } else {
                    Vec::new()
                },
            }
        })
        .filter(|v| !v.latest.missing || country.destination)
        .collect::<Vec<CountryIndicatorView>>();
    let shown_indicators = data.indicators().filter(|i| indicators.iter().any(|v| v.id == i.id));
    let indicator_sources = indicator_sources(site, shown_indicators);
    let diaspora = country.diaspora.iter().map(|d| diaspora_view(site, country, d)).collect();
    // By title ("Morocco → Austria", "Morocco → Belgium"…), not by code.
    let mut corridors: Vec<_> = data
        .corridors_of(&country.code)
        .map(|c| {
            link(site, corridor_title(data, &c.origin, &c.destination), &routes::corridor(&c.origin, &c.destination))
        })
        .collect();
    corridors.sort_by(|a, b| a.title.cmp(&b.title));
    CountryView {
        code: country.code.clone(),
        name: country.name.clone(),
        name_in_text: country.name_in_text.clone(),
        url: site.config.href(&url),
        roles: country.roles().iter().map(|r| r.to_string()).collect(),
        region: country.region.clone(),
        eu_member: country.eu_member,
        summary: md(site, &country.summary),
        narrative: narratives.get(&url).cloned(),
        indicators,
        diaspora,
        corridors,
        typology: country.origin.then(|| typology_view(site, country, true)),
        context: country.context.iter().map(|item| context_view(site, country, item)).collect(),
        diaspora_charts: figures(site, diaspora_charts(site, country)),
        sources: country.sources.iter().map(|s| source_view(site, s)).collect(),
        indicator_sources,
        json_url: site.config.href(&routes::country_json(&country.code)),
        report_url: site.config.href(&routes::country_report(&country.code)),
        breadcrumbs: vec![home_crumb(site), link(site, "Countries", routes::COUNTRIES)],
    }
}

/// `report_pdf_url` is in the context only when the build makes PDFs
/// (`country.html` tests `is defined`).
pub(crate) fn country_page(site: &Site, code: &str, narratives: &Narratives, with_pdf: bool) -> Option<Page> {
    let country = site.data.country(code)?;
    let url = routes::country(&country.code);
    let view = country_view(site, country, narratives);
    let mut page = page(site, url, "country.html", "country", &view);
    if with_pdf {
        let pdf_url = site.config.href(&routes::country_report_pdf(&country.code));
        page.context.insert("report_pdf_url", &pdf_url);
    }
    Some(page)
}

/// Every chart a country's profile shows (its report shows the same).
pub(crate) fn country_profile_charts(site: &Site, country: &Country) -> Vec<ChartRequest> {
    let mut requests: Vec<ChartRequest> = site
        .data
        .indicators()
        .filter(|i| i.scope == Scope::Country)
        .filter(|i| is_main(site, i))
        .flat_map(|i| country_charts(site, i, &country.code, compared_value(i, &country.code).map(|(y, _, _)| y)))
        .collect();
    if country.origin {
        requests.push(ChartRequest::new(Kind::CELLS, &country.code));
    }
    requests.extend(diaspora_charts(site, country));
    requests
}

/// The figures of the charts asked for that have something to show.
fn figures(site: &Site, requests: Vec<ChartRequest>) -> Vec<FigureView> {
    requests.iter().filter_map(|r| charts::figure_if_any(site, r)).collect()
}

fn diaspora_view(site: &Site, origin: &Country, d: &crate::data::Diaspora) -> DiasporaView {
    let data = &site.data;
    DiasporaView {
        destination: link(site, data.country_name(&d.destination), &routes::country(&d.destination)),
        population: format::number(d.population as f64, 0),
        year: d.year,
        source: origin.source(&d.source).map(|s| source_view(site, s)),
        corridor_url: data
            .has_corridor(&origin.code, &d.destination)
            .then(|| site.config.href(&routes::corridor(&origin.code, &d.destination))),
    }
}

pub(crate) fn corridor_title(data: &Dataset, origin: &str, destination: &str) -> String {
    format!("{} → {}", data.country_name(origin), data.country_name(destination))
}

fn years_text(since: Option<i32>, until: Option<i32>) -> String {
    match (since, until) {
        (Some(s), Some(u)) if s == u => s.to_string(),
        (Some(s), Some(u)) => format!("{s}–{u}"),
        (None, Some(u)) => format!("until {u}"),
        (Some(s), None) => format!("since {s}"),
        (None, None) => String::new(),
    }
}

fn context_view(site: &Site, country: &Country, item: &crate::data::ContextItem) -> ContextView {
    ContextView {
        title: item.title.clone(),
        actor: item.actor.slug().into(),
        actor_label: item.actor.label().into(),
        years: years_text(item.since, item.until),
        description: md(site, &item.description),
        sources: item.sources.iter().filter_map(|id| country.source(id)).map(|s| source_view(site, s)).collect(),
    }
}

pub(crate) fn measure_view(site: &Site, country: &Country, m: &crate::data::Measure) -> MeasureView {
    MeasureView {
        title: m.title.clone(),
        kind: m.kind.clone(),
        kind_label: m.kind.as_deref().and_then(crate::typology::coding_rule).map(|r| r.topic.to_string()),
        cell: m.cell().slug().into(),
        cell_label: m.cell().label().into(),
        weight: m.weight,
        years: years_text(m.since, m.until),
        description: md(site, &m.description),
        sources: m.sources.iter().filter_map(|id| country.source(id)).map(|s| source_view(site, s)).collect(),
    }
}

/// A country's place in the typology with its evidence; `with_chart`: the
/// small chart of the cell totals too.
pub(crate) fn typology_view(site: &Site, country: &Country, with_chart: bool) -> TypologyView {
    let classification = country.classification();
    let groups = TypologyCell::ALL
        .into_iter()
        .map(|cell| {
            let mut measures: Vec<&crate::data::Measure> =
                country.measures.iter().filter(|m| m.is_current() && m.cell() == cell).collect();
            measures.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.title.cmp(&b.title)));
            MeasureGroupView {
                cell: cell.slug().into(),
                label: cell.label().into(),
                measures: measures.into_iter().map(|m| measure_view(site, country, m)).collect(),
            }
        })
        .filter(|g| !g.measures.is_empty())
        .collect();
    let override_ = country.typology_override.as_ref();
    TypologyView {
        class: classification.class.slug().into(),
        class_label: classification.class.label(),
        override_class: override_.map(|o| o.class.slug().into()),
        override_label: override_.map(|o| o.class.label().into()),
        override_rationale: override_.map(|o| o.rationale.clone()),
        cells: TypologyCell::ALL
            .into_iter()
            .map(|c| CellTotalView { cell: c.slug().into(), label: c.label().into(), total: classification.total(c) })
            .collect(),
        engagement: classification.engagement.map(|v| format::signed(v, 2)),
        alignment: classification.alignment.map(|v| format::signed(v, 2)),
        groups,
        history: country.measures.iter().filter(|m| !m.is_current()).map(|m| measure_view(site, country, m)).collect(),
        chart: if with_chart {
            charts::figure_if_any(site, &ChartRequest::new(Kind::CELLS, &country.code))
        } else {
            None
        },
        current_count: country.measures.iter().filter(|m| m.is_current()).count(),
        thin_evidence: country.thin_evidence(),
        thin_below: crate::typology::THIN_EVIDENCE_BELOW,
        sensitivity: sensitivity_view(country),
    }
}

/// The sensitivity of a country's computed class, in words.
pub(crate) fn sensitivity_view(country: &Country) -> SensitivityView {
    use crate::typology::{Change, Sensitivity};
    let title = |i: usize| country.measures.get(i).map_or_else(String::new, |m| m.title.clone());
    let weight = |i: usize| country.measures.get(i).map_or(0, |m| m.weight);
    let tried = tried_changes(country);
    match country.sensitivity() {
        Sensitivity::NotCoded => SensitivityView {
            status: "not-coded".into(),
            summary: "No current measure is coded, so there is no placement to test.".into(),
            flips: Vec::new(),
        },
        Sensitivity::Robust => SensitivityView {
            status: "robust".into(),
            summary: format!(
                "Robust: the class holds under each of the {tried} single changes tried (any one weight one step up or down, all weights equal, any one measure left out)."
            ),
            flips: Vec::new(),
        },
        Sensitivity::Fragile(flips) => {
            let mut groups: Vec<FlipGroupView> = Vec::new();
            for flip in &flips {
                let change = match flip.change {
                    Change::Heavier(i) => format!("“{}” weighs {} instead of {}", title(i), weight(i) + 1, weight(i)),
                    Change::Lighter(i) => format!("“{}” weighs {} instead of {}", title(i), weight(i) - 1, weight(i)),
                    Change::EqualWeights => "all measures weigh the same".to_string(),
                    Change::Dropped(i) => format!("“{}” is left out", title(i)),
                };
                let to = class_phrase(&flip.to);
                match groups.iter_mut().find(|g| g.to == to) {
                    Some(g) => g.changes.push(change),
                    None => groups.push(FlipGroupView { to, changes: vec![change] }),
                }
            }
            let n = flips.len();
            let verb = if n == 1 { "moves" } else { "move" };
            SensitivityView {
                status: "fragile".into(),
                summary: format!(
                    "Fragile: {n} of the {tried} single changes tried {verb} the country out of its class."
                ),
                flips: groups,
            }
        }
    }
}

/// Where a change moves a country, as a sentence continues after "moves
/// to": "Passive concordance", "a tie between active concordance and
/// passive concordance", "no class (nothing left to count)".
fn class_phrase(class: &crate::typology::Class) -> String {
    use crate::typology::Class;
    match class {
        Class::Cell(cell) => cell.label().to_string(),
        Class::Tie(cells) => {
            let names: Vec<String> = cells.iter().map(|c| c.label().to_lowercase()).collect();
            let (last, init) = names.split_last().map_or((String::new(), &[][..]), |(l, i)| (l.clone(), i));
            format!("a tie between {} and {last}", init.join(", "))
        }
        Class::NotCoded => "no class (nothing left to count)".to_string(),
    }
}

/// How many single changes the sensitivity test tries for a country.
fn tried_changes(country: &Country) -> usize {
    let range = crate::typology::WEIGHT_RANGE;
    let current: Vec<&crate::data::Measure> = country.measures.iter().filter(|m| m.is_current()).collect();
    let steps: usize =
        current.iter().map(|m| usize::from(m.weight < *range.end()) + usize::from(m.weight > *range.start())).sum();
    steps + 1 + current.len()
}

pub(crate) fn indicators_page(site: &Site, narratives: &Narratives) -> Page {
    let items = site
        .data
        .indicators()
        .map(|i| {
            let years = i.years();
            IndicatorItemView {
                id: i.id.clone(),
                title: i.title.clone(),
                url: site.config.href(&routes::indicator(&i.id)),
                unit: i.unit.label().into(),
                scope: i.scope.slug().into(),
                source: i.source.title.clone(),
                years: match (years.first(), years.last()) {
                    (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                    (Some(a), _) => a.to_string(),
                    _ => String::new(),
                },
                series_count: i.values.values().filter(|s| latest_value(s).is_some()).count(),
                csv_url: site.config.href(&routes::indicator_csv(&i.id)),
                json_url: site.config.href(&routes::indicator_json(&i.id)),
            }
        })
        .collect();
    let view = IndicatorsView {
        title: "Indicators".into(),
        url: site.config.href(routes::INDICATORS),
        narrative: narratives.get(routes::INDICATORS).cloned(),
        items,
    };
    page(site, routes::INDICATORS.into(), "indicators.html", "indicators", &view)
}

/// Label and page of a series key: a country, or a corridor.
fn series_label(site: &Site, scope: Scope, key: &str) -> (String, Option<String>) {
    let data = &site.data;
    match scope {
        Scope::Country => (data.country_name(key).to_string(), Some(site.config.href(&routes::country(key)))),
        Scope::Corridor => {
            let (o, d) = key.split_once('-').unwrap_or((key, ""));
            let url = data.has_corridor(o, d).then(|| site.config.href(&routes::corridor(o, d)));
            (corridor_title(data, o, d), url)
        }
    }
}

pub(crate) fn reference_label(key: &str) -> String {
    match key {
        "EU27" => "EU-27".into(),
        "EU" => "EU (members of each year)".into(),
        "EA20" => "Euro area (20)".into(),
        other => other.to_string(),
    }
}

pub(crate) fn indicator_page(site: &Site, id: &str, narratives: &Narratives) -> Option<Page> {
    let indicator = site.data.indicator(id)?;
    let url = routes::indicator(&indicator.id);
    let years = indicator.years();
    let decimals = indicator.display_decimals();
    let row = |series: &crate::data::Series| -> Vec<ValueView> {
        years.iter().map(|y| value_view(series.get(y).map(|o| (*y, o)), decimals)).collect()
    };
    let mut rows: Vec<SeriesRowView> = indicator
        .values
        .iter()
        .map(|(key, series)| {
            let (label, url) = series_label(site, indicator.scope, key);
            SeriesRowView { key: key.clone(), label, url, cells: row(series) }
        })
        .collect();
    rows.sort_by(|a, b| a.label.cmp(&b.label));
    let reference_rows = indicator
        .reference
        .iter()
        .map(|(key, series)| SeriesRowView {
            key: key.clone(),
            label: reference_label(key),
            url: None,
            cells: row(series),
        })
        .collect();
    let mut letters: Vec<char> = indicator
        .values
        .values()
        .chain(indicator.reference.values())
        .flat_map(|s| s.values().flat_map(|o| o.flags.chars()))
        .collect();
    letters.sort_unstable();
    letters.dedup();
    let view = IndicatorView {
        id: indicator.id.clone(),
        title: indicator.title.clone(),
        short_title: indicator.short_title.clone(),
        url: site.config.href(&url),
        unit: indicator.unit.label().into(),
        unit_slug: indicator.unit.slug().into(),
        higher_is_better: indicator.higher_is_better,
        scope: indicator.scope.slug().into(),
        description: md(site, &indicator.description),
        narrative: narratives.get(&url).cloned(),
        source: indicator_source_view(site, indicator, true),
        compare_with: indicator
            .compare_with
            .as_ref()
            .and_then(|id| site.data.indicator(id))
            .map(|other| link(site, other.title.clone(), &routes::indicator(&other.id))),
        years,
        rows,
        reference_rows,
        flags: letters.into_iter().flat_map(|c| flag_views(&c.to_string())).collect(),
        csv_url: site.config.href(&routes::indicator_csv(&indicator.id)),
        json_url: site.config.href(&routes::indicator_json(&indicator.id)),
        breadcrumbs: vec![home_crumb(site), link(site, "Indicators", routes::INDICATORS)],
        charts: figures(site, indicator_charts(indicator)),
    };
    Some(page(site, url, "indicator.html", "indicator", &view))
}

pub(crate) fn corridor_page(site: &Site, origin: &str, destination: &str, narratives: &Narratives) -> Page {
    let data = &site.data;
    let url = routes::corridor(origin, destination);
    let key = format!("{origin}-{destination}");
    crate::scope::record(crate::scope::Input::Corridor(key.clone()));
    let origin_country = data.country(origin);
    let diaspora = origin_country
        .and_then(|o| o.diaspora.iter().find(|d| d.destination == destination).map(|d| diaspora_view(site, o, d)));
    let indicators = data
        .indicators()
        .filter(|i| i.scope == Scope::Corridor)
        .map(|i| {
            let decimals = i.display_decimals();
            let mut comparison: Vec<ComparisonRowView> = i
                .corridor_series(None, Some(destination))
                .into_iter()
                .map(|(k, series)| {
                    let (o, _) = k.split_once('-').unwrap_or((k, ""));
                    ComparisonRowView {
                        label: data.country_name(o).to_string(),
                        url: data
                            .has_corridor(o, destination)
                            .then(|| site.config.href(&routes::corridor(o, destination))),
                        value: value_view(crate::data::latest_value(series), decimals),
                        is_current: *k == key,
                    }
                })
                .collect();
            comparison.sort_by(|a, b| {
                b.value
                    .value
                    .partial_cmp(&a.value.value)
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then_with(|| a.label.cmp(&b.label))
            });
            CorridorIndicatorView {
                id: i.id.clone(),
                title: i.title.clone(),
                url: site.config.href(&routes::indicator(&i.id)),
                unit: i.unit.label().into(),
                latest: value_view(i.latest(&key), decimals),
                chart: charts::figure_if_any(site, &corridor_chart(i, origin, destination)),
                comparison,
            }
        })
        .collect();
    let sources = indicator_sources(site, data.indicators().filter(|i| i.scope == Scope::Corridor));
    let view = CorridorView {
        key: key.clone(),
        title: corridor_title(data, origin, destination),
        url: site.config.href(&url),
        origin: link(site, data.country_name(origin), &routes::country(origin)),
        destination: link(site, data.country_name(destination), &routes::country(destination)),
        origin_in_text: data.country_name_in_text(origin).to_string(),
        destination_in_text: data.country_name_in_text(destination).to_string(),
        narrative: narratives.get(&url).cloned(),
        diaspora,
        indicators,
        sources,
        breadcrumbs: vec![
            home_crumb(site),
            link(site, "Countries", routes::COUNTRIES),
            link(site, data.country_name(origin), &routes::country(origin)),
        ],
    };
    page(site, url, "corridor.html", "corridor", &view)
}

/// On a corridor page, per corridor indicator: the origin among the other
/// origin groups of the destination.
fn corridor_chart(indicator: &Indicator, origin: &str, destination: &str) -> ChartRequest {
    ChartRequest {
        destination: Some(destination.to_string()),
        highlight: Some(origin.to_string()),
        ..ChartRequest::new(Kind::CORRIDOR, &indicator.id)
    }
}

/// Every chart a corridor page shows.
pub(crate) fn corridor_page_charts(site: &Site, origin: &str, destination: &str) -> Vec<ChartRequest> {
    site.data
        .indicators()
        .filter(|i| i.scope == Scope::Corridor)
        .map(|i| corridor_chart(i, origin, destination))
        .collect()
}

/// On a country page, per indicator: the country against the others in the
/// year its value is shown for (bar, the country emphasised) and its time
/// series (line). When more than `MAX_BARS` countries have a value that
/// year, the bar shows the country among those ranked nearest to it and the
/// highest and lowest, so that a page costs the same however many countries
/// the site has.
pub(crate) fn country_charts(site: &Site, indicator: &Indicator, code: &str, year: Option<i32>) -> Vec<ChartRequest> {
    let Some(year) = year else {
        return Vec::new();
    };
    let mut bar = ChartRequest {
        highlight: Some(code.to_string()),
        year: Some(year),
        ..ChartRequest::new(Kind::BAR, &indicator.id)
    };
    if let Some(peers) = indicator.peers(code, year, MAX_BARS) {
        bar.title = Some(format!(
            "{}, {year}: {} among the {} countries with data (nearest ranks, highest and lowest)",
            indicator.label(),
            site.data.country_name_in_text(code),
            indicator.count_in(year)
        ));
        bar.countries = peers;
    }
    let line = ChartRequest { countries: vec![code.to_string()], ..ChartRequest::new(Kind::LINE, &indicator.id) };
    // A time series needs at least two years (MIPEX 2020 is one edition).
    if indicator.years().len() > 1 { vec![bar, line] } else { vec![bar] }
}

/// Most bars a country page's comparison chart draws.
pub(crate) const MAX_BARS: usize = 30;

/// On an origin's page: where its citizens live, per corridor indicator.
fn diaspora_charts(site: &Site, country: &Country) -> Vec<ChartRequest> {
    if !country.origin {
        return Vec::new();
    }
    site.data
        .indicators()
        .filter(|i| i.scope == Scope::Corridor)
        .map(|i| ChartRequest { origin: Some(country.code.clone()), ..ChartRequest::new(Kind::CORRIDOR, &i.id) })
        .collect()
}

/// On an indicator page: bar, line and map (country indicators), gap when
/// paired, or the corridor chart (corridor indicators).
pub(crate) fn indicator_charts(indicator: &Indicator) -> Vec<ChartRequest> {
    let mut kinds: Vec<Kind> = match indicator.scope {
        Scope::Corridor => vec![Kind::CORRIDOR],
        Scope::Country if indicator.compare_with.is_some() => vec![Kind::BAR, Kind::LINE, Kind::MAP, Kind::GAP],
        Scope::Country => vec![Kind::BAR, Kind::LINE, Kind::MAP],
    };
    // A time series needs at least two years.
    if indicator.years().len() < 2 {
        kinds.retain(|k| *k != Kind::LINE);
    }
    let year = comparison_year(indicator);
    kinds
        .into_iter()
        .map(|kind| {
            let mut request = ChartRequest::new(kind, &indicator.id);
            if matches!(kind, Kind::BAR | Kind::MAP | Kind::GAP) {
                request.year = year;
            }
            if let (Kind::LINE, Some(year)) = (kind, year) {
                request.countries = extremes(indicator, year, 3);
                request.title = Some(format!("{}: the three highest and lowest in {year}", indicator.label()));
            }
            request
        })
        .collect()
}

/// The year an indicator page compares countries in: the latest year in
/// which at least four fifths as many countries have a value as in its
/// best-covered year. A new year reported by a handful of countries does not
/// push the comparison (bar, map, gap) onto a nearly empty picture.
pub(crate) fn comparison_year(indicator: &Indicator) -> Option<i32> {
    let best = indicator.years_with_values().map(|(_, n)| n).max()?;
    indicator.years_with_values().rev().find(|(_, n)| n * 5 >= best * 4).map(|(year, _)| year)
}

/// The `n` highest and `n` lowest countries in `year`:
/// a line chart of every country is unreadable, and the page's own table
/// lists them all.
fn extremes(indicator: &Indicator, year: i32, n: usize) -> Vec<String> {
    let mut ranked: Vec<(&String, f64)> =
        indicator.values.iter().filter_map(|(code, s)| Some((code, s.get(&year)?.value?))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut chosen: Vec<String> = ranked.iter().take(n).map(|(c, _)| (*c).clone()).collect();
    for (code, _) in ranked.iter().rev().take(n) {
        if !chosen.contains(code) {
            chosen.push((*code).clone());
        }
    }
    chosen.sort();
    chosen
}
