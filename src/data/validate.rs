//! Per-file and cross-file checks of the data, producing the model.
//!
//! Every rule of the site format's "Country profiles" and "Indicators"
//! sections lives here, each reported at the offending value. Checks run in
//! two passes: each file alone (schema, codes, years, flags, source ids),
//! then across files (roles of diaspora destinations and corridor keys,
//! countries named by indicators, `compare_with`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_saphyr::{Location, Spanned};

use super::raw::{Actor, Effect, Key, Mode, RawCountry, RawIndicator, RawMeasure, RawSeries, Role, Scope};
use super::values::{self, Cell, Scalar};
use super::{
    ContextItem, Corridor, Country, Dataset, Diaspora, Indicator, IndicatorSource, Measure, Observation, Series,
    SourceEntry, TypologyOverride,
};
use crate::dates::check_date;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, suggestion};
use crate::fsio::{SiteRoot, Stamp};
use crate::routes::is_slug;
use crate::source::{Position, Source, SourceFile};
use crate::typology::{CODING_RULES, DEFAULT_WEIGHT, TypologyCell, WEIGHT_RANGE, coding_rule};
use crate::working_notes;
use crate::yaml;
use rayon::prelude::*;

pub(crate) const YEAR_RANGE: std::ops::RangeInclusive<i64> = 1900..=2100;

fn pos(l: &Location) -> Position {
    Position::new(l.line() as usize, l.column() as usize)
}

fn at<T>(s: &Spanned<T>) -> Position {
    pos(&s.referenced)
}

/// Collects diagnostics for one file.
struct FileCheck<'a> {
    file: &'a SourceFile,
    diagnostics: &'a mut Diagnostics,
    /// Countries and indicators whose own files have errors: references to
    /// them are not reported again (the file's own error says it all).
    unreadable: &'a BTreeSet<String>,
}

impl FileCheck<'_> {
    fn error(&mut self, code: Code, position: Position, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::error(code, message).at(self.file, position));
        self.last()
    }

    fn warning(&mut self, code: Code, position: Position, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::warning(code, message).at(self.file, position));
        self.last()
    }

    fn last(&mut self) -> &mut Diagnostic {
        self.diagnostics.last_mut().expect("just pushed")
    }

    fn year(&mut self, year: &Spanned<i64>, what: &str) -> Option<i32> {
        if YEAR_RANGE.contains(&year.value) {
            Some(year.value as i32)
        } else {
            self.error(Code::BadYear, at(year), format!("{what} {} is outside 1900-2100", year.value));
            None
        }
    }
}

pub(crate) fn load_dataset(root: &SiteRoot, cache: Option<&DecodeCache>, diagnostics: &mut Diagnostics) -> Dataset {
    let mut unreadable = BTreeSet::new();
    let countries = load_countries(root, cache, &mut unreadable, diagnostics);
    let indicators = load_indicators(root, cache, &countries, &mut unreadable, diagnostics);
    check_diaspora_destinations(&countries, &unreadable, diagnostics);
    let corridors = corridors_with_data(&countries, &indicators);
    Dataset::new(countries, indicators, corridors, unreadable)
}

/// A data file read and decoded (or not), with its problems.
type Decoded<T> = (std::path::PathBuf, Option<(Source, T)>, Diagnostics);

/// Read, check for working notes and decode each file, in parallel; in the
/// order of `paths`, each with its problems. A file the cache holds with the
/// same size and time is taken from it.
fn decode_all<T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static>(
    root: &SiteRoot,
    paths: Vec<std::path::PathBuf>,
    cache: Option<&DecodeCache>,
) -> Vec<Decoded<T>> {
    paths
        .into_par_iter()
        .map(|path| {
            if let Some(hit) = cache.and_then(|c| c.get::<T>(&path)) {
                return hit;
            }
            let mut problems = Diagnostics::new();
            let (file, stamp) = match root.read_stamped(&path) {
                Ok(read) => read,
                Err(d) => {
                    problems.push(d);
                    return (path, None, problems);
                }
            };
            working_notes::check(&file, working_notes::Syntax::Yaml, &mut problems);
            let decoded = match yaml::decode::<T>(&file, &file.text, 1) {
                Ok(raw) => (path, Some((file, raw)), problems),
                Err(d) => {
                    problems.push(d);
                    (path, None, problems)
                }
            };
            if let Some(cache) = cache {
                cache.put(stamp, decoded.clone());
            }
            decoded
        })
        .collect()
}

/// Data files decoded by an earlier load, kept by the dev server between
/// rebuilds: a file whose size and modification time did not change is not
/// read or decoded again (decoding is most of the time of loading data).
#[derive(Default)]
pub(crate) struct DecodeCache {
    files: std::sync::Mutex<std::collections::HashMap<std::path::PathBuf, (Stamp, CachedDecode)>>,
}

type CachedDecode = std::sync::Arc<dyn std::any::Any + Send + Sync>;

impl DecodeCache {
    fn get<T: Clone + 'static>(&self, path: &std::path::Path) -> Option<Decoded<T>> {
        let metadata = std::fs::metadata(path).ok()?;
        let stamp = Stamp { len: metadata.len(), modified: metadata.modified().ok() };
        let files = self.files.lock().ok()?;
        let (kept, value) = files.get(path)?;
        if *kept != stamp {
            return None;
        }
        value.downcast_ref::<Decoded<T>>().cloned()
    }

    fn put<T: Send + Sync + 'static>(&self, stamp: Stamp, decoded: Decoded<T>) {
        if let Ok(mut files) = self.files.lock() {
            files.insert(decoded.0.clone(), (stamp, std::sync::Arc::new(decoded)));
        }
    }
}

/// Files of `data/<folder>/` ending in `.yaml`; anything else is a warning.
fn yaml_files(root: &SiteRoot, folder: &str, diagnostics: &mut Diagnostics) -> Vec<std::path::PathBuf> {
    let dir = root.dir.join("data").join(folder);
    let mut problems = Vec::new();
    let files = root.files_under(&dir, &mut problems);
    problems.into_iter().for_each(|d| diagnostics.push(d));
    files
        .into_iter()
        .filter(|path| {
            let keep = path.extension().is_some_and(|e| e == "yaml") && path.parent() == Some(dir.as_path());
            if !keep {
                let help = if path.extension().is_some_and(|e| e == "yml") {
                    "rename it to .yaml"
                } else {
                    "only `<name>.yaml` files directly in this folder are read"
                };
                diagnostics.push(
                    Diagnostic::warning(Code::IgnoredFile, "ignored: not a data file")
                        .in_file(root.relative(path))
                        .with_help(help),
                );
            }
            keep
        })
        .collect()
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

// ---------------------------------------------------------------- countries

fn load_countries(
    root: &SiteRoot,
    cache: Option<&DecodeCache>,
    unreadable: &mut BTreeSet<String>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, Country> {
    let mut countries: BTreeMap<String, Country> = BTreeMap::new();
    let paths = yaml_files(root, "countries", diagnostics);
    for (path, decoded, problems) in decode_all::<RawCountry>(root, paths, cache) {
        // Until the file proves readable, its country counts as unreadable.
        unreadable.insert(file_stem(&path).to_ascii_uppercase());
        diagnostics.extend(problems);
        let Some((file, raw)) = decoded else { continue };
        let code_at = at(&raw.code);
        if let Some(country) = check_country(raw, &file, &file_stem(&path), diagnostics) {
            if let Some(first) = countries.get(&country.code) {
                diagnostics.push(
                    Diagnostic::error(
                        Code::DuplicateCountry,
                        format!("country `{}` is already defined in `{}`", country.code, first.file.path),
                    )
                    .at(&file, code_at),
                );
                continue;
            }
            unreadable.remove(&file_stem(&path).to_ascii_uppercase());
            countries.insert(country.code.clone(), country);
        }
    }
    countries
}

/// ISO 3166-1 alpha-2, plus Kosovo's user-assigned `XK`.
pub(crate) fn is_country_code(code: &str) -> bool {
    code == "XK" || rust_iso3166::from_alpha2(code).is_some()
}

fn check_country(raw: RawCountry, file: &Source, stem: &str, diagnostics: &mut Diagnostics) -> Option<Country> {
    let before = diagnostics.errors().count();
    let none = BTreeSet::new();
    let mut c = FileCheck { file, diagnostics, unreadable: &none };
    let code = raw.code.value.trim().to_string();
    if code.len() != 2 || !code.chars().all(|ch| ch.is_ascii_uppercase()) {
        c.error(
            Code::BadCountryCode,
            at(&raw.code),
            format!("`{code}` is not a country code: write the ISO 3166-1 alpha-2 code in capitals"),
        )
        .help = Some(format!("e.g. `{}`", code.to_ascii_uppercase()));
    } else if !is_country_code(&code) {
        c.error(Code::BadCountryCode, at(&raw.code), format!("`{code}` is not an ISO 3166-1 alpha-2 country code"))
            .help = Some("see https://www.iso.org/obp/ui/#search/code/ (Greece is GR, the United Kingdom GB)".into());
    } else if !code.eq_ignore_ascii_case(stem) {
        c.error(
            Code::CodeFileMismatch,
            at(&raw.code),
            format!("code `{code}` does not match the file name `{stem}.yaml`"),
        )
        .help = Some(format!("rename the file to `{}.yaml` or correct the code", code.to_ascii_lowercase()));
    }
    if raw.name.value.trim().is_empty() {
        c.error(Code::EmptyField, at(&raw.name), "`name` is empty");
    }
    if let Some(in_text) = raw.name_in_text.as_ref().filter(|n| n.value.trim().is_empty()) {
        c.error(Code::EmptyField, at(in_text), "`name_in_text` is empty").help =
            Some("give the name as it stands inside a sentence (`the Netherlands`), or leave the field out".into());
    }
    if raw.roles.value.is_empty() {
        c.error(Code::NoRoles, at(&raw.roles), "`roles` is empty").help =
            Some("give `[origin]`, `[destination]` or both".into());
    }
    let sources = check_sources(&raw.sources, &mut c);
    let known_ids: BTreeSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let mut used: BTreeSet<String> = BTreeSet::new();
    let source_ref = |c: &mut FileCheck, id: &Spanned<String>, used: &mut BTreeSet<String>| {
        if known_ids.contains(id.value.as_str()) {
            used.insert(id.value.clone());
        } else {
            let help = if known_ids.is_empty() {
                "add it under `sources:` with `id`, `title` and `url`".to_string()
            } else {
                suggestion(&id.value, known_ids.iter().copied())
            };
            c.error(
                Code::UnknownSource,
                at(id),
                format!("source `{}` is not listed under `sources` in this file", id.value),
            )
            .help = Some(help);
        }
    };

    let mut diaspora = Vec::new();
    for d in &raw.diaspora {
        source_ref(&mut c, &d.source, &mut used);
        let year = c.year(&d.year, "year");
        if let Some(year) = year {
            diaspora.push(Diaspora {
                destination: d.destination.value.clone(),
                population: d.population.value,
                year,
                source: d.source.value.clone(),
                position: at(&d.destination),
            });
        }
    }
    diaspora.sort_by(|a, b| b.population.cmp(&a.population).then_with(|| a.destination.cmp(&b.destination)));

    let mut measures = Vec::new();
    let mut context = Vec::new();
    for m in &raw.measures {
        if m.title.value.trim().is_empty() {
            c.error(Code::EmptyField, at(&m.title), "measure `title` is empty");
        }
        let since = m.since.as_ref().and_then(|y| c.year(y, "`since`"));
        let until = m.until.as_ref().and_then(|y| c.year(y, "`until`"));
        if let (Some(s), Some(u), Some(until_at)) = (since, until, m.until.as_ref())
            && u < s
        {
            c.error(Code::BadYear, at(until_at), format!("`until` {u} is before `since` {s}"));
        }
        for id in &m.sources {
            source_ref(&mut c, id, &mut used);
        }
        if m.sources.is_empty() {
            c.warning(
                Code::MeasureWithoutEvidence,
                at(&m.title),
                format!("measure `{}` has no source", m.title.value),
            )
            .help = Some("add `sources: [id]` naming an entry of `sources:`".into());
        }
        let actor = m.actor.as_ref().map_or(Actor::Origin, |a| a.value);
        if actor != Actor::Origin {
            check_context_item(&mut c, m, actor);
            context.push(ContextItem {
                title: m.title.value.trim().to_string(),
                actor,
                since,
                until,
                description: m.description.clone(),
                sources: m.sources.iter().map(|s| s.value.clone()).collect(),
            });
            continue;
        }
        let Some((mode, effect, weight, kind)) = coding_of(&mut c, m) else { continue };
        measures.push(Measure {
            title: m.title.value.trim().to_string(),
            kind,
            mode,
            effect,
            weight,
            since,
            until,
            description: m.description.clone(),
            sources: m.sources.iter().map(|s| s.value.clone()).collect(),
        });
    }
    let origin_only: Vec<&str> = [("measures", !measures.is_empty()), ("context", !context.is_empty())]
        .into_iter()
        .filter_map(|(field, present)| present.then_some(field))
        .collect();
    if !origin_only.is_empty() && !raw.roles.value.contains(&Role::Origin) {
        let fields = origin_only.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(" and ");
        c.error(
            Code::MeasuresNeedOrigin,
            pos(&raw.roles.referenced),
            format!("only an origin country can have {fields}"),
        )
        .help = Some("add `origin` to `roles`".into());
    }

    if raw.typology.is_some() && !raw.roles.value.contains(&Role::Origin) {
        let position = raw.typology.as_ref().map_or(Position::new(1, 1), |t| at(&t.class));
        c.error(Code::TypologyNeedsOrigin, position, "only an origin country can have a `typology` classification")
            .help = Some("add `origin` to `roles`, or remove `typology:`".into());
    }
    let typology_override = raw.typology.as_ref().and_then(|t| {
        let class = TypologyCell::from_slug(&t.class.value);
        if class.is_none() {
            c.error(Code::UnknownValue, at(&t.class), format!("unknown typology class `{}`", t.class.value)).help =
                Some(suggestion(&t.class.value, TypologyCell::ALL.iter().map(|c| c.slug())));
        }
        let rationale = t.rationale.as_deref().map(str::trim).filter(|r| !r.is_empty());
        if rationale.is_none() {
            c.error(Code::MissingField, at(&t.class), "an expert `class` needs a `rationale`").help =
                Some("explain under `rationale:` why the class differs from the computed one".into());
        }
        Some(TypologyOverride { class: class?, rationale: rationale?.to_string() })
    });

    for s in &raw.sources {
        if is_slug(s.id.value.trim()) && !used.contains(&s.id.value) {
            c.warning(
                Code::UnusedSource,
                at(&s.id),
                format!("source `{}` is not used by any diaspora entry or measure", s.id.value),
            );
        }
    }
    if diagnostics.errors().count() > before {
        return None;
    }
    let roles = &raw.roles.value;
    Some(Country {
        code,
        name: raw.name.value.trim().to_string(),
        name_in_text: raw
            .name_in_text
            .as_ref()
            .map_or_else(|| raw.name.value.trim().to_string(), |n| n.value.trim().to_string()),
        origin: roles.contains(&Role::Origin),
        destination: roles.contains(&Role::Destination),
        region: raw.region,
        eu_member: raw.eu_member,
        summary: raw.summary,
        diaspora,
        measures,
        context,
        typology_override,
        sources,
        file: file.clone(),
    })
}

/// A context item (an act of the EU, a destination or a bilateral
/// agreement) is shown, never coded: `kind`, `mode`, `effect` and `weight`
/// are refused where they are written.
fn check_context_item(c: &mut FileCheck, m: &RawMeasure, actor: Actor) {
    let coded = [
        ("kind", m.kind.as_ref().map(at)),
        ("mode", m.mode.as_ref().map(at)),
        ("effect", m.effect.as_ref().map(at)),
        ("weight", m.weight.as_ref().map(at)),
    ];
    for (field, position) in coded {
        let Some(position) = position else { continue };
        c.error(
            Code::ContextCoded,
            position,
            format!(
                "`{field}` on an act of {}: only the origin state's own measures are coded; this item is context",
                actor.label()
            ),
        )
        .help = Some(format!(
            "remove `{field}` (context is shown on the country page, never counted), or write `actor: origin` if the origin state itself acted"
        ));
    }
}

/// The mode, effect, weight and kind of an origin-state measure: from its
/// `kind`'s coding rule where it has one (written values must agree with
/// the rule), else as written (`mode` and `effect` then required).
fn coding_of(c: &mut FileCheck, m: &RawMeasure) -> Option<(Mode, Effect, u8, Option<String>)> {
    let rule = match &m.kind {
        None => None,
        Some(kind) => match coding_rule(kind.value.trim()) {
            Some(rule) => Some(rule),
            None => {
                c.error(Code::UnknownValue, at(kind), format!("unknown measure kind `{}`", kind.value)).help =
                    Some(suggestion(&kind.value, CODING_RULES.iter().map(|r| r.kind)));
                return None;
            }
        },
    };
    let weight = match &m.weight {
        None => rule.map_or(DEFAULT_WEIGHT, |r| r.weight),
        Some(w) if u8::try_from(w.value).is_ok_and(|v| WEIGHT_RANGE.contains(&v)) => w.value as u8,
        Some(w) => {
            c.error(Code::BadWeight, at(w), format!("weight {} is outside 1-3", w.value)).help =
                Some("1 = minor, 2 = clear, 3 = strong and direct effect on integration".into());
            return None;
        }
    };
    let Some(rule) = rule else {
        let (Some(mode), Some(effect)) = (&m.mode, &m.effect) else {
            let missing = if m.mode.is_none() { "mode" } else { "effect" };
            c.error(
                Code::MissingField,
                at(&m.title),
                format!("measure `{}` has no `{missing}`", m.title.value.trim()),
            )
            .help = Some(format!(
                "give `mode` (active or passive) and `effect` (concordant or discordant), or a `kind` whose coding rule decides them ({})",
                CODING_RULES.iter().map(|r| r.kind).take(3).collect::<Vec<_>>().join(", ") + ", ..."
            ));
            return None;
        };
        return Some((mode.value, effect.value, weight, None));
    };
    let (rule_mode, rule_effect) = rule.cell.axes();
    let mut agrees = true;
    let mut differs = |c: &mut FileCheck, field: &str, written: String, wanted: String, position: Position| {
        agrees = false;
        c.error(
            Code::RuleMismatch,
            position,
            format!(
                "`{field}: {written}` departs from the coding rule of `{}`, which codes every such measure {} with weight {}",
                rule.kind,
                rule.cell.label().to_lowercase(),
                rule.weight
            ),
        )
        .help = Some(format!(
            "write `{field}: {wanted}` or leave `{field}` out; a measure the rule does not fit needs another `kind` (the rules are on the method page)"
        ));
    };
    if let Some(mode) = &m.mode
        && mode_slug(mode.value) != rule_mode
    {
        differs(c, "mode", mode_slug(mode.value).into(), rule_mode.into(), at(mode));
    }
    if let Some(effect) = &m.effect
        && effect_slug(effect.value) != rule_effect
    {
        differs(c, "effect", effect_slug(effect.value).into(), rule_effect.into(), at(effect));
    }
    if let Some(w) = &m.weight
        && weight != rule.weight
    {
        differs(c, "weight", weight.to_string(), rule.weight.to_string(), at(w));
    }
    agrees.then(|| {
        let (mode, effect) = rule_axes(rule.cell);
        (mode, effect, rule.weight, Some(rule.kind.to_string()))
    })
}

fn mode_slug(mode: Mode) -> &'static str {
    match mode {
        Mode::Active => "active",
        Mode::Passive => "passive",
    }
}

fn effect_slug(effect: Effect) -> &'static str {
    match effect {
        Effect::Concordant => "concordant",
        Effect::Discordant => "discordant",
    }
}

fn rule_axes(cell: TypologyCell) -> (Mode, Effect) {
    let mode = if cell.is_active() { Mode::Active } else { Mode::Passive };
    let effect = if cell.is_concordant() { Effect::Concordant } else { Effect::Discordant };
    (mode, effect)
}

fn check_sources(raw: &[super::raw::RawSource], c: &mut FileCheck) -> Vec<SourceEntry> {
    let mut sources: Vec<SourceEntry> = Vec::new();
    for s in raw {
        let id = s.id.value.trim();
        if !is_slug(id) {
            c.error(Code::BadId, at(&s.id), format!("source id `{id}` may only contain a-z, 0-9 and `-`"));
            continue;
        }
        if sources.iter().any(|x| x.id == id) {
            c.error(Code::DuplicateSource, at(&s.id), format!("source `{id}` is listed twice in this file"));
            continue;
        }
        if let Some(url) = &s.url {
            check_url(c, url);
        }
        let year = s.year.as_ref().and_then(|y| c.year(y, "year"));
        if let Some(date) = &s.date
            && let Err(message) = check_partial_date(date.value.trim())
        {
            c.error(Code::BadDate, at(date), message);
        }
        let text = |t: &Option<String>| t.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(str::to_string);
        sources.push(SourceEntry {
            id: id.to_string(),
            author: text(&s.author),
            title: s.title.trim().to_string(),
            date: s.date.as_ref().map(|d| d.value.trim().to_string()),
            identifier: text(&s.identifier),
            url: s.url.as_ref().map(|u| u.value.trim().to_string()),
            year,
        });
    }
    sources
}

/// A source's `date`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn check_partial_date(text: &str) -> Result<(), String> {
    let bad = || format!("`{text}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y] if digits(y, 4) => Ok(()),
        [y, m] if digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)) => Ok(()),
        [_, _, _] => check_date(text).map_err(|_| bad()),
        _ => Err(bad()),
    }
}

fn check_url(c: &mut FileCheck, url: &Spanned<String>) {
    let ok = url::Url::parse(url.value.trim()).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
    if !ok {
        c.error(Code::BadUrl, at(url), format!("`{}` is not an http(s) URL", url.value));
    }
}

fn check_diaspora_destinations(
    countries: &BTreeMap<String, Country>,
    unreadable: &BTreeSet<String>,
    diagnostics: &mut Diagnostics,
) {
    for country in countries.values() {
        for d in country.diaspora.iter().filter(|d| !unreadable.contains(&d.destination)) {
            let problem = match countries.get(&d.destination) {
                None => Some(format!("diaspora destination `{}` has no profile in data/countries/", d.destination)),
                Some(dest) if !dest.destination => Some(format!(
                    "`{}` ({}) is not a destination: its `roles` lack `destination`",
                    d.destination, dest.name
                )),
                Some(_) if d.destination == country.code => {
                    Some("a country cannot be its own diaspora destination".into())
                }
                _ => None,
            };
            if let Some(message) = problem {
                let position = d.position;
                let mut diagnostic = Diagnostic::error(Code::UnknownCountry, message).at(&country.file, position);
                if !countries.contains_key(&d.destination) {
                    diagnostic = diagnostic.with_help(suggestion(&d.destination, countries.keys().map(String::as_str)));
                }
                diagnostics.push(diagnostic);
            }
        }
    }
}

// --------------------------------------------------------------- indicators

fn load_indicators(
    root: &SiteRoot,
    cache: Option<&DecodeCache>,
    countries: &BTreeMap<String, Country>,
    unreadable: &mut BTreeSet<String>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, Indicator> {
    let mut raws = Vec::new();
    let mut broken: BTreeSet<String> = BTreeSet::new();
    let paths = yaml_files(root, "indicators", diagnostics);
    for (path, decoded, problems) in decode_all::<RawIndicator>(root, paths, cache) {
        diagnostics.extend(problems);
        match decoded {
            Some((file, raw)) => raws.push((file, file_stem(&path), raw)),
            None => {
                broken.insert(file_stem(&path));
            }
        }
    }
    // Files that will be dropped whatever else is right: not decoded, or
    // with an id that is not their name. References to them are not errors.
    broken.extend(raws.iter().filter(|(_, stem, raw)| raw.id.value != *stem).map(|(_, stem, _)| stem.clone()));
    let scopes: BTreeMap<String, Scope> = raws.iter().map(|(_, _, r)| (r.id.value.clone(), r.scope)).collect();
    let mut not_to_report: BTreeSet<String> = unreadable.clone();
    not_to_report.extend(broken.iter().cloned());
    let mut indicators = BTreeMap::new();
    let checked: Vec<(String, Option<Indicator>, Diagnostics)> = raws
        .into_par_iter()
        .map(|(file, stem, raw)| {
            let mut problems = Diagnostics::new();
            let indicator = check_indicator(raw, &file, &stem, countries, &scopes, &not_to_report, &mut problems);
            (stem, indicator, problems)
        })
        .collect();
    for (stem, indicator, problems) in checked {
        diagnostics.extend(problems);
        match indicator {
            Some(indicator) => {
                indicators.insert(indicator.id.clone(), indicator);
            }
            None => {
                broken.insert(stem);
            }
        }
    }
    unreadable.extend(broken);
    indicators
}

fn check_indicator(
    raw: RawIndicator,
    file: &Source,
    stem: &str,
    countries: &BTreeMap<String, Country>,
    scopes: &BTreeMap<String, Scope>,
    unreadable: &BTreeSet<String>,
    diagnostics: &mut Diagnostics,
) -> Option<Indicator> {
    let before = diagnostics.errors().count();
    let mut c = FileCheck { file, diagnostics, unreadable };
    let id = raw.id.value.trim().to_string();
    if !is_slug(&id) {
        c.error(Code::BadId, at(&raw.id), format!("indicator id `{id}` may only contain a-z, 0-9 and `-`"));
    } else if id != stem {
        c.error(Code::IdFileMismatch, at(&raw.id), format!("id `{id}` does not match the file name `{stem}.yaml`"))
            .help = Some(format!("rename the file to `{id}.yaml` or change the id to `{stem}`"));
    }
    if raw.title.value.trim().is_empty() {
        c.error(Code::EmptyField, at(&raw.title), "`title` is empty");
    }
    if let Some(other) = raw.compare_with.as_ref().filter(|o| !c.unreadable.contains(&o.value)) {
        match scopes.get(&other.value) {
            None => {
                c.error(
                    Code::UnknownIndicator,
                    at(other),
                    format!("`compare_with` names `{}`, which is not an indicator of this site", other.value),
                )
                .help = Some(suggestion(&other.value, scopes.keys().map(String::as_str)));
            }
            Some(_) if other.value == id => {
                c.error(Code::BadCompare, at(other), "an indicator cannot be compared with itself");
            }
            Some(scope) if *scope != raw.scope => {
                c.error(
                    Code::BadCompare,
                    at(other),
                    format!("`{}` has another scope; `compare_with` needs an indicator of the same scope", other.value),
                );
            }
            Some(_) => {}
        }
    }
    if let Some(url) = &raw.source.url {
        check_url(&mut c, url);
    }
    for date in [&raw.source.retrieved, &raw.source.updated].into_iter().flatten() {
        if let Err(message) = check_date(&date.value) {
            c.error(Code::BadDate, at(date), message);
        }
    }
    let values = check_series(&raw.values, raw.scope, countries, &mut c);
    let reference = check_reference(&raw.reference, countries, &mut c);
    if diagnostics.errors().count() > before {
        return None;
    }
    Some(Indicator {
        id,
        title: raw.title.value.trim().to_string(),
        short_title: raw.short_title,
        unit: raw.unit,
        higher_is_better: raw.higher_is_better,
        scope: raw.scope,
        compare_with: raw.compare_with.map(|c| c.value),
        gap_title: raw.gap_title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()),
        description: raw.description,
        source: IndicatorSource {
            publisher: raw.source.publisher,
            title: raw.source.title,
            dataset: raw.source.dataset,
            url: raw.source.url.map(|u| u.value.trim().to_string()),
            updated: raw.source.updated.map(|d| d.value),
            retrieved: raw.source.retrieved.map(|d| d.value),
            licence: raw.source.licence,
            note: raw.source.note,
        },
        values,
        reference,
        derived: Default::default(),
    })
}

fn check_series(
    raw: &RawSeries,
    scope: Scope,
    countries: &BTreeMap<String, Country>,
    c: &mut FileCheck,
) -> BTreeMap<String, Series> {
    let mut out = BTreeMap::new();
    for (Key(key), years) in raw {
        let ok = match scope {
            Scope::Country => check_country_key(key, countries, c),
            Scope::Corridor => check_corridor_key(key, countries, c),
        };
        let series = check_years(years, c);
        if ok {
            out.insert(key.value.clone(), series);
        }
    }
    out
}

fn check_country_key(key: &Spanned<String>, countries: &BTreeMap<String, Country>, c: &mut FileCheck) -> bool {
    if countries.contains_key(&key.value) {
        return true;
    }
    if c.unreadable.contains(&key.value) {
        return false;
    }
    let upper = key.value.to_ascii_uppercase();
    let help = if key.value.contains('-') {
        "this indicator has `scope: country`; corridor keys like `MA-ES` need `scope: corridor`".to_string()
    } else if countries.contains_key(&upper) {
        format!("country codes are written in capitals: did you mean `{upper}`?")
    } else {
        format!(
            "add data/countries/{}.yaml, or use a country of this site: {}",
            key.value.to_ascii_lowercase(),
            suggestion(&upper, countries.keys().map(String::as_str))
        )
    };
    c.error(Code::UnknownCountry, at(key), format!("`{}` is not a country of this site", key.value)).help = Some(help);
    false
}

fn check_corridor_key(key: &Spanned<String>, countries: &BTreeMap<String, Country>, c: &mut FileCheck) -> bool {
    let Some((origin, destination)) = key.value.split_once('-') else {
        c.error(
            Code::BadCorridor,
            at(key),
            format!("`{}` is not a corridor key: write ORIGIN-DESTINATION, e.g. `MA-ES`", key.value),
        );
        return false;
    };
    if c.unreadable.contains(origin) || c.unreadable.contains(destination) {
        return false;
    }
    let mut ok = true;
    for (code, role, wanted) in [(origin, "origin", true), (destination, "destination", false)] {
        match countries.get(code) {
            None => {
                c.error(
                    Code::UnknownCountry,
                    at(key),
                    format!("`{code}` in `{}` is not a country of this site", key.value),
                )
                .help = Some(suggestion(code, countries.keys().map(String::as_str)));
                ok = false;
            }
            Some(country) => {
                let has_role = if wanted { country.origin } else { country.destination };
                if !has_role {
                    let article = if wanted { "an" } else { "a" };
                    c.error(
                        Code::WrongRole,
                        at(key),
                        format!(
                            "`{code}` ({}) is not {article} {role}: corridor `{}` needs it to have `{role}` in its roles",
                            country.name, key.value
                        ),
                    );
                    ok = false;
                }
            }
        }
    }
    if ok && origin == destination {
        c.error(Code::BadCorridor, at(key), format!("corridor `{}` has the same origin and destination", key.value));
        ok = false;
    }
    ok
}

fn check_reference(
    raw: &RawSeries,
    countries: &BTreeMap<String, Country>,
    c: &mut FileCheck,
) -> BTreeMap<String, Series> {
    let mut out = BTreeMap::new();
    for (Key(key), years) in raw {
        let valid = !key.value.is_empty()
            && key.value.chars().all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '_');
        if !valid {
            c.error(Code::BadReference, at(key), format!("`{}` is not an aggregate code such as `EU27`", key.value));
        } else if countries.contains_key(&key.value) {
            c.error(
                Code::BadReference,
                at(key),
                format!("`{}` is a country; `reference` is for aggregates such as `EU27`", key.value),
            )
            .help = Some("move it under `values`".into());
        }
        let series = check_years(years, c);
        if valid {
            out.insert(key.value.clone(), series);
        }
    }
    out
}

fn check_years(raw: &BTreeMap<Key<i64>, Spanned<Cell>>, c: &mut FileCheck) -> Series {
    let mut series = Series::new();
    for (Key(year), cell) in raw {
        let Some(y) = c.year(year, "year") else { continue };
        if let Some(observation) = check_cell(cell, c) {
            series.insert(y, observation);
        }
    }
    series
}

fn written(file: &SourceFile, location: &Location) -> Option<String> {
    let span = location.span();
    let start = span.byte_offset()? as usize;
    let len = span.byte_len()? as usize;
    file.text.get(start..start + len).map(str::to_owned)
}

const CELL_HELP: &str = "a value is a number, `null`, or `{value: 1.5, flag: p, note: ...}`";

fn check_cell(cell: &Spanned<Cell>, c: &mut FileCheck) -> Option<Observation> {
    let number = |c: &mut FileCheck, v: f64, position: Position| -> Option<f64> {
        if v.is_finite() {
            Some(v)
        } else {
            c.error(Code::BadValue, position, "value must be a finite number");
            None
        }
    };
    match &cell.value {
        Cell::Number(v) => {
            let value = number(c, *v, at(cell))?;
            Some(Observation {
                value: Some(value),
                text: written(c.file, &cell.referenced),
                flags: String::new(),
                note: None,
            })
        }
        Cell::Null => Some(Observation { value: None, text: None, flags: String::new(), note: None }),
        Cell::Invalid(found) => {
            c.error(Code::WrongType, at(cell), format!("expected a number, found {found}")).help =
                Some(CELL_HELP.into());
            None
        }
        Cell::Detailed { value, flag, note } => {
            let flags = match flag {
                Some(f) => match values::check_flags(f.value.trim()) {
                    Ok(()) => f.value.trim().to_string(),
                    Err(message) => {
                        c.error(Code::BadFlag, at(f), message);
                        return None;
                    }
                },
                None => String::new(),
            };
            let (value, text) = match value {
                Some(v) => match &v.value {
                    Scalar::Number(n) => (Some(number(c, *n, at(v))?), written(c.file, &v.referenced)),
                    Scalar::Null => (None, None),
                    Scalar::Invalid(found) => {
                        c.error(Code::WrongType, at(v), format!("expected a number or `null`, found {found}")).help =
                            Some(CELL_HELP.into());
                        return None;
                    }
                },
                None => (None, None),
            };
            Some(Observation { value, text, flags, note: note.clone() })
        }
    }
}

// ---------------------------------------------------------------- corridors

/// A corridor exists where a corridor-scoped indicator has a value for it or
/// the origin's profile gives a diaspora in that destination.
fn corridors_with_data(
    countries: &BTreeMap<String, Country>,
    indicators: &BTreeMap<String, Indicator>,
) -> Vec<Corridor> {
    let mut set = BTreeSet::new();
    for indicator in indicators.values().filter(|i| i.scope == Scope::Corridor) {
        for (key, series) in &indicator.values {
            if series.values().any(|o| o.value.is_some())
                && let Some((o, d)) = key.split_once('-')
            {
                set.insert(Corridor { origin: o.to_string(), destination: d.to_string() });
            }
        }
    }
    for country in countries.values().filter(|c| c.origin) {
        for d in &country.diaspora {
            if countries.get(&d.destination).is_some_and(|x| x.destination) {
                set.insert(Corridor { origin: country.code.clone(), destination: d.destination.clone() });
            }
        }
    }
    set.into_iter().collect()
}

/// Every check a data file gets, on one text in memory (fuzzing): read
/// for working notes, decoded as a country profile and as an indicator
/// (each named after what it declares, so the text need not match a file
/// name), checked against a fixed set of countries (the EU states and five
/// origins, every one both an origin and a destination), then put in a
/// dataset with them: diaspora destinations, corridors and the derived
/// indexes (decimals, years, ranks) of the indicator, and the typology of
/// the country.
pub(crate) fn check_source_as_data(file: &Source) {
    let mut diagnostics = Diagnostics::new();
    working_notes::check(file, working_notes::Syntax::Yaml, &mut diagnostics);
    let mut countries = fuzz_countries();
    if let Ok(raw) = yaml::decode::<RawCountry>(file, &file.text, 1) {
        let stem = raw.code.value.trim().to_ascii_lowercase();
        if let Some(country) = check_country(raw, file, &stem, &mut diagnostics) {
            let _ = (country.classification(), country.sensitivity(), country.thin_evidence());
            countries.insert(country.code.clone(), country);
        }
    }
    let scopes = BTreeMap::from([
        ("mipex-overall".to_string(), Scope::Country),
        ("corridor-population".to_string(), Scope::Corridor),
    ]);
    let mut indicators = BTreeMap::new();
    if let Ok(raw) = yaml::decode::<RawIndicator>(file, &file.text, 1) {
        let stem = raw.id.value.trim().to_string();
        if let Some(indicator) =
            check_indicator(raw, file, &stem, &countries, &scopes, &BTreeSet::new(), &mut diagnostics)
        {
            indicators.insert(indicator.id.clone(), indicator);
        }
    }
    let unreadable = BTreeSet::new();
    check_diaspora_destinations(&countries, &unreadable, &mut diagnostics);
    let corridors = corridors_with_data(&countries, &indicators);
    let dataset = Dataset::new(countries, indicators, corridors, unreadable);
    // What pages ask of an indicator (the bar chart shows at most 30 bars).
    for indicator in dataset.indicators() {
        let _ = (indicator.years(), indicator.display_decimals(), indicator.years_with_values().count());
        for (key, series) in &indicator.values {
            let _ = indicator.latest(key);
            for year in series.keys() {
                let _ = (indicator.rank(key, *year), indicator.peers(key, *year, 30), indicator.count_in(*year));
            }
            if let Some((origin, destination)) = key.split_once('-') {
                let _ = indicator.corridor_series(Some(origin), Some(destination));
            }
        }
    }
}

/// The countries a fuzzed data file is checked against (made, not decoded:
/// fuzzing runs this thousands of times a second).
fn fuzz_countries() -> BTreeMap<String, Country> {
    const CODES: [&str; 32] = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "MA", "TN", "TR", "DZ", "SN",
    ];
    let file = SourceFile::new("data/countries/fixed.yaml", "");
    CODES
        .iter()
        .map(|code| {
            let country = Country {
                code: code.to_string(),
                name: format!("Country {code}"),
                name_in_text: format!("Country {code}"),
                origin: true,
                destination: true,
                region: None,
                eu_member: false,
                summary: None,
                diaspora: Vec::new(),
                measures: Vec::new(),
                context: Vec::new(),
                typology_override: None,
                sources: Vec::new(),
                file: file.clone(),
            };
            (code.to_string(), country)
        })
        .collect()
}
