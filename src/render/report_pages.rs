//! Per-country reports: `/countries/<code>/report/`, a self-contained
//! document a desk officer can print or attach (and, with the `pdf`
//! feature, its PDF), with a summary written from the data.
//!
//! Owns the report view and the generated summary paragraph. The summary
//! says only what the data say: each main indicator against the EU
//! aggregate given in the data (never a mean of countries presented as the
//! EU figure), its change over the years shown, the typology class of an
//! origin and its largest communities abroad, the largest origin groups of
//! a destination.

use tera::Context;

use super::Page;
use super::data_pages::{self, Narratives, reference_label};
use super::data_views::{
    OriginGroupView, PdfMeta, ReportIndicatorSourceView, ReportPageView, ReportView, TableNoteView,
};
use super::views::LinkView;
use crate::data::{Country, Indicator, Scope, Unit};
use crate::format;
use crate::routes;
use crate::site::Site;
use crate::typology::Class;

/// `/countries/<code>/report/` (`narratives` holds the country's own).
pub(crate) fn report_page_of(site: &Site, code: &str, narratives: &Narratives, with_pdf: bool) -> Page {
    let url = routes::country_report(code);
    let mut context = Context::new();
    context.insert("current_url", &site.config.href(&url));
    context.insert("permalink", &site.config.permalink(&url));
    if let Some(country) = site.data.country(code) {
        context.insert("report", &report_page(site, country, narratives, with_pdf));
    }
    let info = super::PageInfo::of_view(&context, "report");
    Page { template: "report.html".into(), context, info }
}

pub(crate) fn report_page(site: &Site, country: &Country, narratives: &Narratives, with_pdf: bool) -> ReportPageView {
    let mut view = report_view(site, country, narratives, with_pdf);
    let origin_groups = origin_groups(site, country);
    if !origin_groups.is_empty() {
        view.indicator_sources.extend(corridor_sources(site));
    }
    ReportPageView { indicator_notes: table_notes(&view), origin_groups, view }
}

fn table_notes(view: &ReportView) -> Vec<TableNoteView> {
    view.indicators
        .iter()
        .filter_map(|i| Some((i, i.latest.note.as_deref()?.trim())))
        .filter(|(_, note)| !note.is_empty())
        .enumerate()
        .map(|(n, (i, note))| TableNoteView {
            number: n + 1,
            id: i.id.clone(),
            title: i.title.clone(),
            note: note.to_string(),
        })
        .collect()
}

/// The corridor indicator that sizes origin groups: counted people.
fn size_indicator(site: &Site) -> Option<&Indicator> {
    site.data.indicators().find(|i| i.scope == Scope::Corridor && i.unit == Unit::Count)
}

fn corridor_sources(site: &Site) -> Vec<ReportIndicatorSourceView> {
    data_pages::indicator_sources(site, size_indicator(site).into_iter())
}

/// The origin groups of a destination, largest first: the latest value of
/// the corridor indicator that counts people, else the origin profile's
/// diaspora entry.
pub(crate) fn origin_groups(site: &Site, country: &Country) -> Vec<OriginGroupView> {
    if !country.destination {
        return Vec::new();
    }
    let mut groups: Vec<(f64, OriginGroupView)> = site
        .data
        .corridors_of(&country.code)
        .filter(|c| c.destination == country.code)
        .filter_map(|c| origin_group(site, &c.origin, &country.code))
        .collect();
    groups.sort_by(|(a, x), (b, y)| b.total_cmp(a).then_with(|| x.origin.title.cmp(&y.origin.title)));
    groups.into_iter().map(|(_, g)| g).collect()
}

fn origin_group(site: &Site, origin: &str, destination: &str) -> Option<(f64, OriginGroupView)> {
    let from_indicator = size_indicator(site).and_then(|i| {
        let (year, o) = i.latest(&format!("{origin}-{destination}"))?;
        Some((o.value?, year, i.source.title.clone(), i.source.url.clone()))
    });
    let from_profile = || {
        let country = site.data.country(origin)?;
        let d = country.diaspora.iter().find(|d| d.destination == destination)?;
        let source = country.source(&d.source);
        Some((
            d.population as f64,
            d.year,
            source.map_or_else(|| country.name.clone(), |s| s.title.clone()),
            source.and_then(|s| s.url.clone()),
        ))
    };
    let (size, year, source, source_url) = from_indicator.or_else(from_profile)?;
    let view = OriginGroupView {
        origin: LinkView {
            title: site.data.country_name(origin).to_string(),
            url: site.config.href(&routes::country(origin)),
        },
        origin_in_text: site.data.country_name_in_text(origin).to_string(),
        population: format::number(size, 0),
        year,
        corridor_url: site.config.href(&routes::corridor(origin, destination)),
        source,
        source_url,
    };
    Some((size, view))
}

/// The date a report states its data are as of.
pub(crate) fn data_date(site: &Site) -> Option<String> {
    site.config.date.clone().or_else(|| site.data.indicators().filter_map(|i| i.source.retrieved.clone()).max())
}

pub(crate) fn report_view(site: &Site, country: &Country, narratives: &Narratives, with_pdf: bool) -> ReportView {
    let profile = data_pages::country_view(site, country, narratives);
    let url = routes::country_report(&country.code);
    ReportView {
        title: site.config.title.clone(),
        publisher: site.config.author.clone(),
        date: data_date(site),
        code: country.code.clone(),
        name: country.name.clone(),
        name_in_text: country.name_in_text.clone(),
        url: site.config.href(&url),
        permalink: site.config.permalink(&url),
        profile_url: site.config.href(&routes::country(&country.code)),
        pdf_url: with_pdf.then(|| site.config.href(&routes::country_report_pdf(&country.code))),
        roles: profile.roles.clone(),
        region: profile.region.clone(),
        eu_member: profile.eu_member,
        summary: summary(site, country),
        profile_summary: profile.summary,
        indicators: profile.indicators,
        typology: profile.typology,
        method_url: site.config.href(routes::TYPOLOGY_METHOD),
        context: profile.context,
        diaspora: profile.diaspora,
        diaspora_charts: profile.diaspora_charts,
        corridors: profile.corridors,
        sources: profile.sources,
        indicator_sources: profile.indicator_sources,
    }
}

/// The report's opening paragraph, from the data alone.
pub(crate) fn summary(site: &Site, country: &Country) -> String {
    let mut sentences = vec![identity_sentence(country)];
    let main = data_pages::main_indicators(site);
    for indicator in &main {
        if let Some(s) = indicator_sentence(indicator, &country.code) {
            sentences.push(s);
        }
    }
    for indicator in &main {
        if let Some(s) = gap_sentence(site, indicator, &main, &country.code) {
            sentences.push(s);
        }
    }
    if country.origin {
        sentences.push(typology_sentence(country));
        if let Some(s) = diaspora_sentence(site, country) {
            sentences.push(s);
        }
    }
    if let Some(s) = origin_groups_sentence(country, &origin_groups(site, country)) {
        sentences.push(s);
    }
    sentences.join(" ")
}

fn identity_sentence(country: &Country) -> String {
    let kind = match (country.origin, country.destination) {
        (true, true) => "a country of origin and of destination of migrants",
        (true, false) => "a country of origin of migrants living in the EU",
        (false, true) => "a destination of migrants",
        (false, false) => "a country",
    };
    let member = if country.eu_member { "an EU member state and " } else { "" };
    format!("{} is {member}{kind}.", crate::format::sentence_start(&country.name_in_text))
}

/// "The employment rate of non-EU citizens was 63.3 % in 2024, 0.9 points
/// below the EU-27 figure (64.2 %); it rose by 8.6 points from 2015."
fn indicator_sentence(indicator: &Indicator, code: &str) -> Option<String> {
    let series = indicator.values.get(code)?;
    // The value the profile's table shows: the year the indicator compares countries in.
    let (year, latest, _) = data_pages::compared_value(indicator, code)?;
    let value = latest.value?;
    let decimals = indicator.display_decimals();
    let unit = unit_after(indicator);
    // As the table shows it: never more decimals than published.
    let shown = data_pages::value_view(Some((year, latest)), decimals).display;
    let derived = if latest.note.is_some() { " (see the note to the table)" } else { "" };
    let mut sentence = format!("{}: {shown}{unit} in {year}{derived}", indicator.label());
    let reference = indicator
        .reference
        .get_key_value("EU27")
        .or_else(|| indicator.reference.iter().next())
        .and_then(|(key, s)| s.get(&year)?.value.map(|v| (key, v)));
    if let Some((key, eu)) = reference {
        let diff = value - eu;
        let scale = 10f64.powi(decimals as i32);
        let comparison = if (diff * scale).round() == 0.0 {
            format!("the same as the {} figure", reference_label(key))
        } else {
            let side = if diff > 0.0 { "above" } else { "below" };
            format!(
                "{} {} {side} the {} figure ({}{unit})",
                format::number(diff.abs(), decimals),
                points(indicator),
                reference_label(key),
                format::number(eu, decimals)
            )
        };
        sentence.push_str(&format!(", {comparison}"));
    }
    if let Some((first_year, first)) = series.iter().find(|(_, o)| o.value.is_some()).filter(|(y, _)| **y < year) {
        let change = value - first.value.unwrap_or(value);
        let scale = 10f64.powi(decimals as i32);
        let trend = if (change * scale).round() == 0.0 {
            format!("unchanged since {first_year}")
        } else {
            let verb = if change > 0.0 { "up" } else { "down" };
            format!("{verb} {} {} since {first_year}", format::number(change.abs(), decimals), points(indicator))
        };
        sentence.push_str(&format!("; {trend}"));
    }
    sentence.push('.');
    Some(sentence)
}

/// "Employment gap (nationals minus non-EU citizens): +22.4 points in
/// 2024." For a main indicator whose `compare_with` is a main indicator
/// too, in the year both are shown for the country; the same definition as
/// the gap chart (this indicator minus the other).
fn gap_sentence(site: &Site, a: &Indicator, main: &[&Indicator], code: &str) -> Option<String> {
    let b = a.compare_with.as_deref().and_then(|id| main.iter().find(|i| i.id == id))?;
    let b = site.data.indicator(&b.id)?;
    let (year, va, _) = data_pages::compared_value(a, code)?;
    let vb = b.values.get(code)?.get(&year)?.value?;
    let decimals = a.display_decimals().max(b.display_decimals());
    let gap = va.value? - vb;
    Some(format!("{}: {} {} in {year}.", a.gap_label(b), format::signed(gap, decimals), points(a)))
}

/// How a difference is named: percentage points for percentages.
fn points(indicator: &Indicator) -> &'static str {
    match indicator.unit {
        crate::data::Unit::Percent => "points",
        crate::data::Unit::Count => "people",
        _ => "points",
    }
}

fn unit_after(indicator: &Indicator) -> String {
    match indicator.unit {
        crate::data::Unit::Percent => " %".into(),
        crate::data::Unit::RatePer100 => " per 100".into(),
        crate::data::Unit::Count => String::new(),
        crate::data::Unit::Score => " of 100".into(),
        crate::data::Unit::Index => String::new(),
    }
}

fn typology_sentence(country: &Country) -> String {
    let classification = country.classification();
    let current = country.measures.iter().filter(|m| m.is_current()).count();
    let measures = if current == 1 {
        "Its one current coded measure".to_string()
    } else {
        format!("Its {current} current coded measures")
    };
    let verb = if current == 1 { "places" } else { "place" };
    let placed = match &classification.class {
        Class::NotCoded => format!(
            "No current measure of {} towards its nationals abroad is coded, so it is not placed in the concordance typology",
            country.name_in_text
        ),
        Class::Cell(cell) => format!(
            "{measures} towards nationals abroad {verb} it in {} in the concordance typology",
            cell.label().to_lowercase()
        ),
        Class::Tie(_) => format!(
            "{measures} towards nationals abroad leave it tied in the concordance typology between {}",
            classification.class.label().trim_start_matches("Tie: ").to_lowercase()
        ),
    };
    let mut sentence = match &country.typology_override {
        Some(o) => format!("{placed}; an expert classification places it in {}.", o.class.label().to_lowercase()),
        None => format!("{placed}."),
    };
    if classification.class != Class::NotCoded {
        let sure = match country.sensitivity() {
            crate::typology::Sensitivity::Robust => {
                "The placement is robust to any single change of weight or evidence"
            }
            _ => "The placement is fragile: a single change of weight or evidence moves it",
        };
        let thin = if country.thin_evidence() { ", and it rests on thin evidence" } else { "" };
        sentence.push_str(&format!(" {sure}{thin}."));
    }
    sentence
}

fn diaspora_sentence(site: &Site, country: &Country) -> Option<String> {
    let top: Vec<String> = country
        .diaspora
        .iter()
        .take(3)
        .map(|d| {
            format!(
                "{} ({}, {})",
                site.data.country_name_in_text(&d.destination),
                format::number(d.population as f64, 0),
                d.year
            )
        })
        .collect();
    let list = listing(&top)?;
    Some(format!("The largest communities of its citizens in the EU countries with data live in {list}."))
}

/// "The largest origin groups with data living in Spain are citizens of
/// Morocco (812,000, 2022) and Türkiye (4,321, 2022)."
fn origin_groups_sentence(country: &Country, groups: &[OriginGroupView]) -> Option<String> {
    let top: Vec<String> =
        groups.iter().take(3).map(|g| format!("{} ({}, {})", g.origin_in_text, g.population, g.year)).collect();
    let list = listing(&top)?;
    Some(format!("The largest origin groups with data living in {} are citizens of {list}.", country.name_in_text))
}

/// "A, B and C"; none for no items.
fn listing(items: &[String]) -> Option<String> {
    match items {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// The metadata of a country's PDF report.
pub(crate) fn pdf_meta(site: &Site, country: &Country) -> PdfMeta {
    PdfMeta {
        title: format!("{}: country report", country.name),
        author: site.config.author.clone().unwrap_or_else(|| site.config.title.clone()),
        subject: site.config.title.clone(),
        language: site.config.language.clone(),
        date: data_date(site),
    }
}
