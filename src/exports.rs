//! Machine-readable files: sitemap, Atom feed, and the CSV and JSON
//! downloads of the data.
//!
//! Owns serialising them with explicit escaping and a stable order. Built
//! from the model (and, for the sitemap, the list of pages), never through
//! Tera. Each file is one job of the render stage (see `crate::jobs`).

use std::fmt::Write as _;

use crate::content::DocRef;
use crate::routes;
use crate::site::Site;

/// Escape text for XML content and attribute values.
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Never reached from a site: such characters are refused when
            // the site is read (`source::is_refused_char`). Kept so that the
            // XML stays well-formed whatever a future caller passes.
            c if crate::source::is_refused_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A sitemap of the pages at `paths` (output paths, sorted): every
/// `…/index.html` of the output, so not the 404 page.
pub(crate) fn sitemap<'a>(site: &Site, paths: impl Iterator<Item = &'a str>) -> Result<String, std::fmt::Error> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths.filter(|p| p.ends_with("index.html")) {
        let site_path = format!("/{}", path.trim_end_matches("index.html"));
        writeln!(xml, "  <url><loc>{}</loc></url>", xml_escape(&site.config.permalink(&site_path)))?;
    }
    xml.push_str("</urlset>\n");
    Ok(xml)
}

/// The site path of the feed, when there is something to put in it.
pub(crate) fn feed_url(site: &Site) -> Option<String> {
    dated_documents(site).first().map(|_| routes::FEED.to_string())
}

/// The dated pages, newest first, at most `FEED_ENTRIES` of them.
fn dated_documents(site: &Site) -> Vec<DocRef> {
    let mut docs: Vec<DocRef> =
        site.content.documents().filter(|&r| site.content.doc(r).front.date.is_some()).collect();
    docs.sort_by(|&a, &b| {
        let (a, b) = (site.content.doc(a), site.content.doc(b));
        b.front.date.cmp(&a.front.date).then_with(|| a.url.cmp(&b.url))
    });
    docs.truncate(FEED_ENTRIES);
    docs
}

/// How many pages the feed lists: the newest. Feed readers look at the
/// latest entries; a feed of every page of a large site would be megabytes
/// that every reader downloads again and again.
pub(crate) const FEED_ENTRIES: usize = 100;

/// Most addresses in one sitemap file (the sitemaps.org protocol); a site
/// with more gets a sitemap index at `/sitemap.xml` and numbered sitemaps.
pub(crate) const SITEMAP_URLS: usize = 50_000;

/// The sitemap index of a site with more than `SITEMAP_URLS` pages: one
/// entry per numbered sitemap.
pub(crate) fn sitemap_index(site: &Site, parts: usize) -> Result<String, std::fmt::Error> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=parts {
        writeln!(
            xml,
            "  <sitemap><loc>{}</loc></sitemap>",
            xml_escape(&site.config.permalink(&routes::sitemap_part(n)))
        )?;
    }
    xml.push_str("</sitemapindex>\n");
    Ok(xml)
}

/// An Atom feed of the dated pages, newest first.
pub(crate) fn feed(site: &Site) -> Result<String, String> {
    let docs = dated_documents(site);
    let newest = docs.first().and_then(|&r| site.content.doc(r).front.date.clone()).ok_or("no page has a date")?;
    feed_xml(site, &docs, &newest).map_err(|e| e.to_string())
}

fn feed_xml(site: &Site, docs: &[DocRef], newest: &str) -> Result<String, std::fmt::Error> {
    let config = &site.config;
    let mut xml =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    writeln!(xml, " xml:lang=\"{}\">", xml_escape(&config.language))?;
    writeln!(xml, "  <title>{}</title>", xml_escape(&config.title))?;
    if let Some(description) = &config.description {
        writeln!(xml, "  <subtitle>{}</subtitle>", xml_escape(description))?;
    }
    writeln!(xml, "  <id>{}</id>", xml_escape(&config.permalink("/")))?;
    writeln!(xml, "  <link href=\"{}\"/>", xml_escape(&config.permalink("/")))?;
    writeln!(xml, "  <link rel=\"self\" href=\"{}\"/>", xml_escape(&config.permalink(routes::FEED)))?;
    writeln!(xml, "  <updated>{newest}T00:00:00Z</updated>")?;
    writeln!(xml, "  <author><name>{}</name></author>", xml_escape(config.author.as_deref().unwrap_or(&config.title)))?;
    for &r in docs {
        let doc = site.content.doc(r);
        let url = config.permalink(&doc.url);
        let date = doc.front.date.as_deref().unwrap_or(newest);
        xml.push_str("  <entry>\n");
        writeln!(xml, "    <title>{}</title>", xml_escape(&doc.front.title))?;
        writeln!(xml, "    <id>{}</id>", xml_escape(&url))?;
        writeln!(xml, "    <link href=\"{}\"/>", xml_escape(&url))?;
        writeln!(xml, "    <updated>{date}T00:00:00Z</updated>")?;
        if let Some(description) = &doc.front.description {
            writeln!(xml, "    <summary>{}</summary>", xml_escape(description))?;
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    Ok(xml)
}

// ---------------------------------------------------------------- downloads

use serde::Serialize;
use serde_json::value::RawValue;

use crate::data::{Country, Indicator, Observation, Scope, Series, values};
use crate::typology::TypologyCell;

/// One download of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Download {
    IndicatorCsv(String),
    IndicatorJson(String),
    CountryJson(String),
    AllJson,
    TypologyCsv,
}

impl Download {
    /// The downloads of the site: CSV and JSON of every indicator, JSON of
    /// every country, all.json, and the typology CSV when there are origins.
    pub(crate) fn all(site: &Site) -> Vec<Download> {
        let data = &site.data;
        if data.is_empty() {
            return Vec::new();
        }
        let mut all = Vec::new();
        for id in data.indicator_ids() {
            all.push(Download::IndicatorCsv(id.to_string()));
            all.push(Download::IndicatorJson(id.to_string()));
        }
        all.extend(data.country_codes().map(|code| Download::CountryJson(code.to_string())));
        all.push(Download::AllJson);
        if data.has_origins() {
            all.push(Download::TypologyCsv);
        }
        all
    }

    pub(crate) fn url(&self) -> String {
        match self {
            Download::IndicatorCsv(id) => routes::indicator_csv(id),
            Download::IndicatorJson(id) => routes::indicator_json(id),
            Download::CountryJson(code) => routes::country_json(code),
            Download::AllJson => routes::ALL_DATA.into(),
            Download::TypologyCsv => routes::TYPOLOGY_CSV.into(),
        }
    }

    /// The file's bytes (the data read are recorded by the model's accessors).
    pub(crate) fn bytes(&self, site: &Site) -> Result<Vec<u8>, String> {
        let data = &site.data;
        let indicator = |id: &str| data.indicator(id).ok_or_else(|| format!("no indicator `{id}` in the dataset"));
        match self {
            Download::IndicatorCsv(id) => Ok(indicator_csv(indicator(id)?)?.into_bytes()),
            Download::IndicatorJson(id) => to_json(&indicator_json(indicator(id)?)),
            Download::CountryJson(code) => {
                to_json(&country_json(data.country(code).ok_or_else(|| format!("no country `{code}` in the dataset"))?))
            }
            Download::AllJson => all_json(site),
            Download::TypologyCsv => Ok(typology_csv(data.origins())?.into_bytes()),
        }
    }
}

/// The typology of every origin country, one row each, by code:
/// `code,country,class,tie,expert_class,<one column per cell>,total,engagement,alignment,
/// measures,thin_evidence,sensitivity,changes_that_move`.
/// `tie` lists the tied cells (`;`-separated); coordinates, thin evidence
/// and the count of changes are empty for a country without current
/// measures. The same figures as the typology page's table.
pub(crate) fn typology_csv<'a>(countries: impl Iterator<Item = &'a Country>) -> Result<String, String> {
    csv_document(|writer| {
        let mut header = vec!["code", "country", "class", "tie", "expert_class"];
        header.extend(TypologyCell::ALL.map(TypologyCell::slug));
        header.extend([
            "total",
            "engagement",
            "alignment",
            "measures",
            "thin_evidence",
            "sensitivity",
            "changes_that_move",
        ]);
        writer.write_record(&header)?;
        for c in countries.filter(|c| c.origin) {
            writer.write_record(typology_record(c))?;
        }
        Ok(())
    })
}

/// A CSV file (`\n` line ends) of what `write` puts in it.
fn csv_document(write: impl FnOnce(&mut csv::Writer<Vec<u8>>) -> csv::Result<()>) -> Result<String, String> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    write(&mut writer).map_err(|e| e.to_string())?;
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

fn typology_record(c: &Country) -> Vec<String> {
    let cl = c.classification();
    let tie = match &cl.class {
        crate::typology::Class::Tie(cells) => cells.iter().map(|c| c.slug()).collect::<Vec<_>>().join(";"),
        _ => String::new(),
    };
    // `+ 0.0` turns −0 into 0.
    let coordinate = |v: Option<f64>| v.map(|v| (round6(v) + 0.0).to_string()).unwrap_or_default();
    let mut record = vec![
        csv_text(&c.code),
        csv_text(&c.name),
        cl.class.slug().to_string(),
        tie,
        c.typology_override.as_ref().map(|o| o.class.slug().to_string()).unwrap_or_default(),
    ];
    record.extend(TypologyCell::ALL.map(|cell| cl.total(cell).to_string()));
    record.push(cl.total_weight().to_string());
    record.push(coordinate(cl.engagement));
    record.push(coordinate(cl.alignment));
    record.extend(sensitivity_fields(c));
    record
}

/// `measures,thin_evidence,sensitivity,changes_that_move` of a country, as
/// the typology page's table and the country page state them.
fn sensitivity_fields(c: &Country) -> [String; 4] {
    use crate::typology::Sensitivity;
    let measures = c.measures.iter().filter(|m| m.is_current()).count().to_string();
    match c.sensitivity() {
        Sensitivity::NotCoded => [measures, String::new(), "not-coded".into(), String::new()],
        Sensitivity::Robust => [measures, c.thin_evidence().to_string(), "robust".into(), "0".into()],
        Sensitivity::Fragile(flips) => {
            [measures, c.thin_evidence().to_string(), "fragile".into(), flips.len().to_string()]
        }
    }
}

fn to_json(value: &impl Serialize) -> Result<Vec<u8>, String> {
    let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A spreadsheet would run a text cell starting with `=`, `+`, `-` or `@` as
/// a formula; such text gets a leading apostrophe. Numbers are never touched.
pub(crate) fn csv_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() }
}

fn observation_text(o: &Observation) -> String {
    o.value.map(|v| values::number_text(o.text.as_deref(), v)).unwrap_or_default()
}

/// `country,year,value,flag,note` (corridors:
/// `origin,destination,year,value,flag,note`), one row per value, sorted by
/// code then year; `null` is an empty value. `note` carries a value's
/// caveat (a derived or secondary figure), as the pages show it.
pub(crate) fn indicator_csv(indicator: &Indicator) -> Result<String, String> {
    let corridor = indicator.scope == Scope::Corridor;
    let header: &[&str] = if corridor {
        &["origin", "destination", "year", "value", "flag", "note"]
    } else {
        &["country", "year", "value", "flag", "note"]
    };
    csv_document(|writer| {
        writer.write_record(header)?;
        for (key, series) in &indicator.values {
            for (year, o) in series {
                let mut record: Vec<String> = match key.split_once('-').filter(|_| corridor) {
                    Some((origin, destination)) => vec![csv_text(origin), csv_text(destination)],
                    None => vec![csv_text(key)],
                };
                record.push(year.to_string());
                record.push(observation_text(o));
                record.push(csv_text(&o.flags));
                record.push(o.note.as_deref().map(csv_text).unwrap_or_default());
                writer.write_record(&record)?;
            }
        }
        Ok(())
    })
}

#[derive(Serialize)]
struct ObservationJson {
    value: Option<Box<RawValue>>,
    flag: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

fn observation_json(o: &Observation) -> ObservationJson {
    ObservationJson {
        value: o.value.and_then(|_| RawValue::from_string(observation_text(o)).ok()),
        flag: (!o.flags.is_empty()).then(|| o.flags.clone()),
        note: o.note.clone(),
    }
}

fn series_json(
    series: &std::collections::BTreeMap<String, Series>,
) -> std::collections::BTreeMap<&str, std::collections::BTreeMap<String, ObservationJson>> {
    series
        .iter()
        .map(|(key, s)| (key.as_str(), s.iter().map(|(y, o)| (y.to_string(), observation_json(o))).collect()))
        .collect()
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    id: &'a str,
    title: &'a str,
    short_title: Option<&'a str>,
    unit: &'static str,
    higher_is_better: bool,
    scope: &'static str,
    compare_with: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gap_title: Option<&'a str>,
    description: Option<&'a str>,
    source: &'a crate::data::IndicatorSource,
    values: std::collections::BTreeMap<&'a str, std::collections::BTreeMap<String, ObservationJson>>,
    reference: std::collections::BTreeMap<&'a str, std::collections::BTreeMap<String, ObservationJson>>,
}

fn indicator_json(i: &Indicator) -> IndicatorJson<'_> {
    IndicatorJson {
        id: &i.id,
        title: &i.title,
        short_title: i.short_title.as_deref(),
        unit: i.unit.slug(),
        higher_is_better: i.higher_is_better,
        scope: i.scope.slug(),
        compare_with: i.compare_with.as_deref(),
        gap_title: i.gap_title.as_deref(),
        description: i.description.as_deref(),
        source: &i.source,
        values: series_json(&i.values),
        reference: series_json(&i.reference),
    }
}

#[derive(Serialize)]
struct CountryJson<'a> {
    code: &'a str,
    name: &'a str,
    roles: Vec<&'static str>,
    region: Option<&'a str>,
    eu_member: bool,
    summary: Option<&'a str>,
    diaspora: Vec<DiasporaJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    typology: Option<TypologyJson<'a>>,
    /// Acts of others (EU, destinations, bilateral agreements): never counted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    context: Vec<ContextJson<'a>>,
    sources: &'a [crate::data::SourceEntry],
}

#[derive(Serialize)]
struct ContextJson<'a> {
    title: &'a str,
    actor: &'static str,
    since: Option<i32>,
    until: Option<i32>,
    description: Option<&'a str>,
    sources: &'a [String],
}

#[derive(Serialize)]
struct DiasporaJson<'a> {
    destination: &'a str,
    population: u64,
    year: i32,
    source: &'a str,
}

#[derive(Serialize)]
struct TypologyJson<'a> {
    class: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tie: Vec<&'static str>,
    #[serde(rename = "override")]
    override_class: Option<&'static str>,
    override_rationale: Option<&'a str>,
    totals: std::collections::BTreeMap<&'static str, u32>,
    engagement: Option<f64>,
    alignment: Option<f64>,
    measures: Vec<MeasureJson<'a>>,
}

#[derive(Serialize)]
struct MeasureJson<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    cell: &'static str,
    weight: u8,
    since: Option<i32>,
    until: Option<i32>,
    current: bool,
    description: Option<&'a str>,
    sources: &'a [String],
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn country_json(c: &Country) -> CountryJson<'_> {
    let typology = c.origin.then(|| {
        let classification = c.classification();
        TypologyJson {
            class: classification.class.slug(),
            tie: match &classification.class {
                crate::typology::Class::Tie(cells) => cells.iter().map(|c| c.slug()).collect(),
                _ => Vec::new(),
            },
            override_class: c.typology_override.as_ref().map(|o| o.class.slug()),
            override_rationale: c.typology_override.as_ref().map(|o| o.rationale.as_str()),
            totals: TypologyCell::ALL.into_iter().map(|cell| (cell.slug(), classification.total(cell))).collect(),
            engagement: classification.engagement.map(round6),
            alignment: classification.alignment.map(round6),
            measures: c
                .measures
                .iter()
                .map(|m| MeasureJson {
                    title: &m.title,
                    kind: m.kind.as_deref(),
                    cell: m.cell().slug(),
                    weight: m.weight,
                    since: m.since,
                    until: m.until,
                    current: m.is_current(),
                    description: m.description.as_deref(),
                    sources: &m.sources,
                })
                .collect(),
        }
    });
    CountryJson {
        code: &c.code,
        name: &c.name,
        roles: c.roles(),
        region: c.region.as_deref(),
        eu_member: c.eu_member,
        summary: c.summary.as_deref(),
        diaspora: c
            .diaspora
            .iter()
            .map(|d| DiasporaJson {
                destination: &d.destination,
                population: d.population,
                year: d.year,
                source: &d.source,
            })
            .collect(),
        typology,
        context: c
            .context
            .iter()
            .map(|x| ContextJson {
                title: &x.title,
                actor: x.actor.slug(),
                since: x.since,
                until: x.until,
                description: x.description.as_deref(),
                sources: &x.sources,
            })
            .collect(),
        sources: &c.sources,
    }
}

/// `data/all.json`: the site's title and address, every country, every
/// indicator and the corridors, as one object. The countries and indicators
/// (most of the bytes: megabytes for a large site) are written in parallel,
/// each as it stands nested in the file, then put together; the result is
/// what serde_json's pretty printer writes for the whole object (a test
/// compares the two).
fn all_json(site: &Site) -> Result<Vec<u8>, String> {
    use rayon::prelude::*;
    let data = &site.data;
    // Listed here, on the job's thread, so that the reads are recorded.
    let countries: Vec<&Country> = data.countries().collect();
    let indicators: Vec<&Indicator> = data.indicators().collect();
    let (countries, indicators) = rayon::join(
        || countries.par_iter().map(|c| pretty_nested(&country_json(c), 2)).collect::<Result<Vec<_>, _>>(),
        || indicators.par_iter().map(|i| pretty_nested(&indicator_json(i), 2)).collect::<Result<Vec<_>, _>>(),
    );
    let corridors: Vec<[&str; 2]> =
        data.corridors().iter().map(|c| [c.origin.as_str(), c.destination.as_str()]).collect();
    let fields = [
        ("title", pretty_nested(&site.config.title, 1)?),
        ("base_url", pretty_nested(&site.config.base_url, 1)?),
        ("countries", pretty_array(countries?, 1)),
        ("indicators", pretty_array(indicators?, 1)),
        ("corridors", pretty_nested(&corridors, 1)?),
    ];
    let mut out = Vec::with_capacity(fields.iter().map(|(_, v)| v.len() + 16).sum());
    out.extend_from_slice(b"{\n");
    for (n, (name, value)) in fields.iter().enumerate() {
        out.extend_from_slice(b"  ");
        out.extend_from_slice(&pretty_nested(name, 0)?);
        out.extend_from_slice(b": ");
        out.extend_from_slice(value);
        out.extend_from_slice(if n + 1 < fields.len() { b",\n" } else { b"\n" });
    }
    out.extend_from_slice(b"}\n");
    Ok(out)
}

/// `value` as pretty JSON (two spaces a level) standing `depth` levels down
/// in a larger document: every line after the first indented that much more.
/// (A JSON text has no line break but between tokens: strings escape theirs.)
fn pretty_nested(value: &(impl Serialize + ?Sized), depth: usize) -> Result<Vec<u8>, String> {
    let flat = serde_json::to_vec_pretty(value).map_err(|e| e.to_string())?;
    if depth == 0 {
        return Ok(flat);
    }
    let indent = "  ".repeat(depth);
    let lines = flat.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(flat.len() + lines * indent.len());
    for &b in &flat {
        out.push(b);
        if b == b'\n' {
            out.extend_from_slice(indent.as_bytes());
        }
    }
    Ok(out)
}

/// A JSON array of pieces already written for depth `depth + 1`, at `depth`.
fn pretty_array(pieces: Vec<Vec<u8>>, depth: usize) -> Vec<u8> {
    if pieces.is_empty() {
        return b"[]".to_vec();
    }
    let inner = "  ".repeat(depth + 1);
    let mut out = Vec::with_capacity(pieces.iter().map(|p| p.len() + inner.len() + 2).sum::<usize>() + 16);
    out.extend_from_slice(b"[\n");
    for (n, piece) in pieces.iter().enumerate() {
        out.extend_from_slice(inner.as_bytes());
        out.extend_from_slice(piece);
        out.extend_from_slice(if n + 1 < pieces.len() { b",\n" } else { b"\n" });
    }
    out.extend_from_slice("  ".repeat(depth).as_bytes());
    out.push(b']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole object as serde_json writes it: what `all_json` must equal.
    #[derive(Serialize)]
    struct AllJson<'a> {
        title: &'a str,
        base_url: &'a str,
        countries: Vec<CountryJson<'a>>,
        indicators: Vec<IndicatorJson<'a>>,
        corridors: Vec<[&'a str; 2]>,
    }

    fn serde_all_json(site: &Site) -> Vec<u8> {
        let data = &site.data;
        to_json(&AllJson {
            title: &site.config.title,
            base_url: &site.config.base_url,
            countries: data.countries().map(country_json).collect(),
            indicators: data.indicators().map(indicator_json).collect(),
            corridors: data.corridors().iter().map(|c| [c.origin.as_str(), c.destination.as_str()]).collect(),
        })
        .unwrap()
    }

    #[test]
    fn all_json_written_in_pieces_is_what_serde_json_writes_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (site, diagnostics) = crate::site::load_site(dir.to_path_buf(), &Default::default(), None);
        let site = site.unwrap_or_else(|| panic!("the default site loads: {diagnostics:?}"));
        let pieces = all_json(&site).unwrap();
        assert_eq!(String::from_utf8(pieces).unwrap(), String::from_utf8(serde_all_json(&site)).unwrap());
    }

    #[test]
    fn empty_lists_and_nesting_match_serde_json() {
        let empty: Vec<Vec<u8>> = Vec::new();
        assert_eq!(pretty_array(empty, 1), serde_json::to_vec_pretty(&Vec::<u8>::new()).unwrap());
        let nested = vec![vec![1, 2], vec![3]];
        let pieces = nested.iter().map(|v| pretty_nested(v, 1).unwrap()).collect();
        assert_eq!(pretty_array(pieces, 0), serde_json::to_vec_pretty(&nested).unwrap());
    }
}
