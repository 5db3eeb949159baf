//! Country profiles and indicators: loaded, validated, and the model built
//! from them (with the corridors the data implies).
//!
//! Owns reading `data/countries/*.yaml` and `data/indicators/*.yaml` into
//! typed, immutable models after every per-file and cross-file check. All
//! problems are collected, each at `path:line:column`. Pages are not built
//! here; `render` reads this model.

pub(crate) mod raw;
mod validate;
pub(crate) mod values;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::scope::{self, Input};
use crate::source::{Position, Source};
use crate::typology::TypologyCell;
pub(crate) use raw::{Actor, Effect, Mode, Scope, Unit};
pub(crate) use validate::{DecodeCache, load_dataset};

/// Every country and indicator of the site.
///
/// Read through its methods: each one notes in the running job's scope
/// (`crate::scope`) which country or indicator was read, so that a change
/// re-runs only the jobs that read it. Membership (which codes and ids
/// exist, which corridors) is the site's structure and is not recorded: a
/// file added or removed rebuilds everything.
#[derive(Debug, Default)]
pub(crate) struct Dataset {
    /// Keyed by upper-case ISO code.
    countries: BTreeMap<String, Country>,
    /// Keyed by indicator id.
    indicators: BTreeMap<String, Indicator>,
    /// Every (origin, destination) pair with data, in code order.
    corridors: Vec<Corridor>,
    /// The corridors each country is part of (indexes into `corridors`).
    corridors_by_country: BTreeMap<String, Vec<usize>>,
    /// Country codes and indicator ids whose files have errors (already
    /// reported): other files' references to them are not errors too.
    unreadable: BTreeSet<String>,
}

impl Dataset {
    pub(crate) fn new(
        countries: BTreeMap<String, Country>,
        mut indicators: BTreeMap<String, Indicator>,
        corridors: Vec<Corridor>,
        unreadable: BTreeSet<String>,
    ) -> Self {
        let mut corridors_by_country: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, c) in corridors.iter().enumerate() {
            corridors_by_country.entry(c.origin.clone()).or_default().push(i);
            if c.destination != c.origin {
                corridors_by_country.entry(c.destination.clone()).or_default().push(i);
            }
        }
        for indicator in indicators.values_mut() {
            indicator.derived = Derived::of(indicator);
        }
        Dataset { countries, indicators, corridors, corridors_by_country, unreadable }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.indicators.is_empty()
    }

    /// A country profile (recorded as read).
    pub(crate) fn country(&self, code: &str) -> Option<&Country> {
        let country = self.countries.get(code)?;
        scope::record(Input::Country(country.code.clone()));
        Some(country)
    }

    /// Every country, in code order (each recorded as read when reached).
    pub(crate) fn countries(&self) -> impl Iterator<Item = &Country> + Clone {
        self.countries.values().inspect(|c| scope::record(Input::Country(c.code.clone())))
    }

    /// Every origin country, in code order (roles are structure: only the
    /// origins are recorded as read).
    pub(crate) fn origins(&self) -> impl Iterator<Item = &Country> + Clone {
        self.countries.values().filter(|c| c.origin).inspect(|c| scope::record(Input::Country(c.code.clone())))
    }

    pub(crate) fn has_country(&self, code: &str) -> bool {
        self.countries.contains_key(code)
    }

    /// Every country code, in order (structure, not recorded).
    pub(crate) fn country_codes(&self) -> impl Iterator<Item = &str> + Clone {
        self.countries.keys().map(String::as_str)
    }

    /// Whether a country is an origin, a destination (structure).
    pub(crate) fn roles_of(&self, code: &str) -> Option<(bool, bool)> {
        self.countries.get(code).map(|c| (c.origin, c.destination))
    }

    pub(crate) fn has_origins(&self) -> bool {
        self.countries.values().any(|c| c.origin)
    }

    /// How many countries are origins and destinations (structure).
    pub(crate) fn role_counts(&self) -> (usize, usize) {
        let origins = self.countries.values().filter(|c| c.origin).count();
        let destinations = self.countries.values().filter(|c| c.destination).count();
        (origins, destinations)
    }

    /// A country's name, or the code itself for an unknown one (recorded as
    /// a read of the name only).
    pub(crate) fn country_name<'a>(&'a self, code: &'a str) -> &'a str {
        match self.countries.get(code) {
            Some(c) => {
                scope::record(Input::CountryName(c.code.clone()));
                c.name.as_str()
            }
            None => code,
        }
    }

    /// A country's name as it stands inside a sentence ("living in the
    /// Netherlands"), or the code when the country is unknown.
    pub(crate) fn country_name_in_text<'a>(&'a self, code: &'a str) -> &'a str {
        match self.countries.get(code) {
            Some(c) => {
                scope::record(Input::CountryName(c.code.clone()));
                c.name_in_text.as_str()
            }
            None => code,
        }
    }

    /// An indicator (recorded as read).
    pub(crate) fn indicator(&self, id: &str) -> Option<&Indicator> {
        let indicator = self.indicators.get(id)?;
        scope::record(Input::Indicator(indicator.id.clone()));
        Some(indicator)
    }

    /// Every indicator, in id order (each recorded as read when reached).
    pub(crate) fn indicators(&self) -> impl Iterator<Item = &Indicator> + Clone {
        self.indicators.values().inspect(|i| scope::record(Input::Indicator(i.id.clone())))
    }

    pub(crate) fn has_indicator(&self, id: &str) -> bool {
        self.indicators.contains_key(id)
    }

    /// Every indicator id, in order (structure, not recorded).
    pub(crate) fn indicator_ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.indicators.keys().map(String::as_str)
    }

    pub(crate) fn has_indicators(&self) -> bool {
        !self.indicators.is_empty()
    }

    pub(crate) fn has_countries(&self) -> bool {
        !self.countries.is_empty()
    }

    /// Every corridor, in code order (structure).
    pub(crate) fn corridors(&self) -> &[Corridor] {
        &self.corridors
    }

    /// The corridors a country is the origin or the destination of, in code order.
    pub(crate) fn corridors_of(&self, code: &str) -> impl Iterator<Item = &Corridor> {
        self.corridors_by_country.get(code).into_iter().flatten().map(|&i| &self.corridors[i])
    }

    pub(crate) fn has_corridor(&self, origin: &str, destination: &str) -> bool {
        self.corridors_of(origin).any(|c| c.origin == origin && c.destination == destination)
    }

    /// A file of this code or id had errors (already reported).
    pub(crate) fn is_unreadable(&self, code_or_id: &str) -> bool {
        self.unreadable.contains(code_or_id)
    }
}

#[derive(Debug)]
pub(crate) struct Country {
    pub(crate) code: String,
    pub(crate) name: String,
    /// The name as it stands inside a sentence (`name_in_text`, default
    /// `name`): "citizens of the Philippines".
    pub(crate) name_in_text: String,
    pub(crate) origin: bool,
    pub(crate) destination: bool,
    pub(crate) region: Option<String>,
    pub(crate) eu_member: bool,
    /// Markdown.
    pub(crate) summary: Option<String>,
    /// Largest community first.
    pub(crate) diaspora: Vec<Diaspora>,
    /// The origin state's own measures (counted in the typology).
    pub(crate) measures: Vec<Measure>,
    /// Acts of others bearing on the country's emigrants (the EU, a
    /// destination, a bilateral agreement): shown, never counted.
    pub(crate) context: Vec<ContextItem>,
    pub(crate) typology_override: Option<TypologyOverride>,
    pub(crate) sources: Vec<SourceEntry>,
    pub(crate) file: Source,
}

impl Country {
    pub(crate) fn source(&self, id: &str) -> Option<&SourceEntry> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub(crate) fn roles(&self) -> Vec<&'static str> {
        let mut roles = Vec::new();
        if self.origin {
            roles.push("origin");
        }
        if self.destination {
            roles.push("destination");
        }
        roles
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Diaspora {
    pub(crate) destination: String,
    pub(crate) population: u64,
    pub(crate) year: i32,
    pub(crate) source: String,
    /// Where `destination` is written, for checks made across files.
    pub(crate) position: Position,
}

#[derive(Debug, Clone)]
pub(crate) struct Measure {
    pub(crate) title: String,
    /// The kind of measure whose coding rule it follows.
    pub(crate) kind: Option<String>,
    pub(crate) mode: Mode,
    pub(crate) effect: Effect,
    pub(crate) weight: u8,
    pub(crate) since: Option<i32>,
    pub(crate) until: Option<i32>,
    /// Markdown.
    pub(crate) description: Option<String>,
    pub(crate) sources: Vec<String>,
}

impl Measure {
    pub(crate) fn cell(&self) -> TypologyCell {
        TypologyCell::of(self.mode, self.effect)
    }

    /// A measure that ended (`until`) is history: shown, not counted.
    pub(crate) fn is_current(&self) -> bool {
        self.until.is_none()
    }
}

/// An act of another party than the origin state (`actor` other than
/// `origin`): context of the country, not one of its measures.
#[derive(Debug, Clone)]
pub(crate) struct ContextItem {
    pub(crate) title: String,
    pub(crate) actor: Actor,
    pub(crate) since: Option<i32>,
    pub(crate) until: Option<i32>,
    /// Markdown.
    pub(crate) description: Option<String>,
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct TypologyOverride {
    pub(crate) class: TypologyCell,
    pub(crate) rationale: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SourceEntry {
    pub(crate) id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) author: Option<String>,
    pub(crate) title: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) identifier: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) year: Option<i32>,
}

#[derive(Debug)]
pub(crate) struct Indicator {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) short_title: Option<String>,
    pub(crate) unit: Unit,
    pub(crate) higher_is_better: bool,
    pub(crate) scope: Scope,
    pub(crate) compare_with: Option<String>,
    /// What the gap against `compare_with` is called (the gap is always
    /// this indicator minus that one).
    pub(crate) gap_title: Option<String>,
    /// Markdown.
    pub(crate) description: Option<String>,
    pub(crate) source: IndicatorSource,
    /// Keyed by `ES` (country scope) or `MA-ES` (corridor scope).
    pub(crate) values: BTreeMap<String, Series>,
    /// Aggregates such as `EU27`: reference lines, never countries.
    pub(crate) reference: BTreeMap<String, Series>,
    /// Computed once from the values (see `Dataset::new`).
    pub(crate) derived: Derived,
}

/// What is computed once from an indicator's values, so that pages asking
/// for it do not scan every value again.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Derived {
    /// Decimals to show: the most any value was written with, at most 2.
    decimals: usize,
    /// Every year listed for a country, corridor or aggregate, ascending.
    years: Vec<i32>,
    /// Per year, every key with a value and its value, ascending by value
    /// then key (for ranks and neighbours in rank).
    ranked: BTreeMap<i32, Vec<(f64, String)>>,
    /// Corridor keys (`MA-ES`) by origin and by destination, in key order.
    keys_by_origin: BTreeMap<String, Vec<String>>,
    keys_by_destination: BTreeMap<String, Vec<String>>,
}

impl Derived {
    fn of(indicator: &Indicator) -> Derived {
        let decimals = if indicator.unit == Unit::Count {
            0
        } else {
            indicator
                .values
                .values()
                .chain(indicator.reference.values())
                .flat_map(|s| s.values())
                .filter_map(|o| o.value)
                .map(|v| crate::format::decimals_of(v, crate::format::MAX_DECIMALS))
                .max()
                .unwrap_or(0)
        };
        let mut years: Vec<i32> =
            indicator.values.values().chain(indicator.reference.values()).flat_map(|s| s.keys().copied()).collect();
        years.sort_unstable();
        years.dedup();
        let mut ranked: BTreeMap<i32, Vec<(f64, String)>> = BTreeMap::new();
        for (key, series) in &indicator.values {
            for (year, o) in series {
                if let Some(v) = o.value {
                    ranked.entry(*year).or_default().push((v, key.clone()));
                }
            }
        }
        ranked.values_mut().for_each(|v| v.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1))));
        let mut keys_by_origin: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut keys_by_destination: BTreeMap<String, Vec<String>> = BTreeMap::new();
        if indicator.scope == Scope::Corridor {
            for key in indicator.values.keys() {
                if let Some((o, d)) = key.split_once('-') {
                    keys_by_origin.entry(o.to_string()).or_default().push(key.clone());
                    keys_by_destination.entry(d.to_string()).or_default().push(key.clone());
                }
            }
        }
        Derived { decimals, years, ranked, keys_by_origin, keys_by_destination }
    }
}

impl Indicator {
    pub(crate) fn label(&self) -> &str {
        self.short_title.as_deref().unwrap_or(&self.title)
    }

    /// The name of the gap against `other` (its `compare_with`): this
    /// indicator minus the other, everywhere it is shown.
    pub(crate) fn gap_label(&self, other: &Indicator) -> String {
        self.gap_title.clone().unwrap_or_else(|| format!("Gap ({} minus {})", self.label(), other.label()))
    }

    /// The latest year with a value for `key`.
    pub(crate) fn latest(&self, key: &str) -> Option<(i32, &Observation)> {
        latest_value(self.values.get(key)?)
    }

    /// The series of the corridors from `origin` and to `destination` (any
    /// when not given), in key order, without scanning every corridor.
    pub(crate) fn corridor_series(&self, origin: Option<&str>, destination: Option<&str>) -> Vec<(&String, &Series)> {
        let keys = match (origin, destination) {
            (Some(o), _) => self.derived.keys_by_origin.get(o),
            (None, Some(d)) => self.derived.keys_by_destination.get(d),
            (None, None) => return self.values.iter().collect(),
        };
        keys.into_iter()
            .flatten()
            .filter(|k| destination.is_none_or(|d| k.split_once('-').is_some_and(|(_, kd)| kd == d)))
            .filter_map(|k| self.values.get_key_value(k))
            .collect()
    }

    /// Every year listed for a country, corridor or aggregate, ascending.
    pub(crate) fn years(&self) -> Vec<i32> {
        self.derived.years.clone()
    }
}

/// The latest year of a series with a value (not null).
pub(crate) fn latest_value(series: &Series) -> Option<(i32, &Observation)> {
    series.iter().rev().find(|(_, o)| o.value.is_some()).map(|(y, o)| (*y, o))
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct IndicatorSource {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) publisher: Option<String>,
    pub(crate) title: String,
    pub(crate) dataset: Option<String>,
    pub(crate) url: Option<String>,
    /// The date of the database version the values come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) updated: Option<String>,
    pub(crate) retrieved: Option<String>,
    pub(crate) licence: Option<String>,
    pub(crate) note: Option<String>,
}

/// Year -> observation.
pub(crate) type Series = BTreeMap<i32, Observation>;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Observation {
    /// `None` for an explicitly missing value.
    pub(crate) value: Option<f64>,
    /// The number as written in the YAML (for the downloads).
    pub(crate) text: Option<String>,
    /// Eurostat flag letters, possibly empty.
    pub(crate) flags: String,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Corridor {
    pub(crate) origin: String,
    pub(crate) destination: String,
}

impl Country {
    /// The measures as the typology computation sees them, in file order.
    pub(crate) fn weighted(&self) -> Vec<crate::typology::Weighted> {
        self.measures
            .iter()
            .map(|m| crate::typology::Weighted { cell: m.cell(), weight: m.weight, current: m.is_current() })
            .collect()
    }

    /// The typology of this country's current measures.
    pub(crate) fn classification(&self) -> crate::typology::Classification {
        crate::typology::classify(&self.weighted())
    }

    /// How sure the computed class is (indices into `measures`).
    pub(crate) fn sensitivity(&self) -> crate::typology::Sensitivity {
        crate::typology::sensitivity(&self.weighted())
    }

    /// Fewer current measures than the documented threshold.
    pub(crate) fn thin_evidence(&self) -> bool {
        crate::typology::thin_evidence(&self.weighted())
    }
}

/// A position among the countries with a value in the same year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rank {
    /// 1 = best (highest when higher is better); equal values share a rank.
    pub(crate) rank: usize,
    pub(crate) of: usize,
}

impl Indicator {
    /// The rank of `key`'s value in `year` among every key with a value that year.
    pub(crate) fn rank(&self, key: &str, year: i32) -> Option<Rank> {
        let own = self.values.get(key)?.get(&year)?.value?;
        let sorted = self.derived.ranked.get(&year)?;
        let better = if self.higher_is_better {
            sorted.len() - sorted.partition_point(|(v, _)| *v <= own)
        } else {
            sorted.partition_point(|(v, _)| *v < own)
        };
        Some(Rank { rank: better + 1, of: sorted.len() })
    }

    /// Every year some key has a value in, ascending, with how many do.
    pub(crate) fn years_with_values(&self) -> impl DoubleEndedIterator<Item = (i32, usize)> + '_ {
        self.derived.ranked.iter().map(|(year, values)| (*year, values.len()))
    }

    /// How many keys have a value in `year`.
    pub(crate) fn count_in(&self, year: i32) -> usize {
        self.derived.ranked.get(&year).map_or(0, Vec::len)
    }

    /// When more than `max` keys have a value in `year`: at most `max` of
    /// them around `key` in rank (the nearest), with the three highest and
    /// the three lowest, in key order. `None` when all fit.
    pub(crate) fn peers(&self, key: &str, year: i32, max: usize) -> Option<Vec<String>> {
        let ranked = self.derived.ranked.get(&year)?;
        if ranked.len() <= max {
            return None;
        }
        let own = self.values.get(key)?.get(&year)?.value?;
        let at = ranked.partition_point(|(v, k)| v.total_cmp(&own).then_with(|| k.as_str().cmp(key)).is_lt());
        let ends = 3.min(max / 4);
        let window = max - 2 * ends;
        let start = at.saturating_sub(window / 2).clamp(ends, ranked.len() - ends - window);
        let mut chosen: Vec<String> = ranked[..ends]
            .iter()
            .chain(&ranked[start..start + window])
            .chain(&ranked[ranked.len() - ends..])
            .map(|(_, k)| k.clone())
            .collect();
        chosen.sort();
        chosen.dedup();
        Some(chosen)
    }

    /// Decimals to show: the most any value was written with, at most 2
    /// (counts: none).
    pub(crate) fn display_decimals(&self) -> usize {
        self.derived.decimals
    }
}

impl Unit {
    /// How the unit is named in headers and captions.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Count => "people",
            Unit::RatePer100 => "per 100",
            Unit::Index => "index",
            Unit::Score => "score, 0-100",
        }
    }

    pub(crate) fn slug(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Count => "count",
            Unit::RatePer100 => "rate-per-100",
            Unit::Index => "index",
            Unit::Score => "score",
        }
    }
}

/// Every check of a data file, on one text in memory (for the fuzzers;
/// see `crate::fuzzing`).
pub(crate) fn fuzz_one_file(file: &crate::source::Source) {
    validate::check_source_as_data(file);
}
