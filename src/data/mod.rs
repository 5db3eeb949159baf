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

use std::collections::BTreeMap;

use serde::Serialize;

use crate::source::{Position, Source};
use crate::typology::TypologyCell;
pub(crate) use raw::{Actor, Effect, Mode, Scope, Unit};
pub(crate) use validate::load_dataset;

/// Every country and indicator of the site.
#[derive(Debug, Default)]
pub(crate) struct Dataset {
    /// Keyed by upper-case ISO code.
    pub(crate) countries: BTreeMap<String, Country>,
    /// Keyed by indicator id.
    pub(crate) indicators: BTreeMap<String, Indicator>,
    /// Every (origin, destination) pair with data, in code order.
    pub(crate) corridors: Vec<Corridor>,
    /// Country codes and indicator ids whose files have errors (already
    /// reported): other files' references to them are not errors too.
    pub(crate) unreadable: std::collections::BTreeSet<String>,
}

impl Dataset {
    pub(crate) fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.indicators.is_empty()
    }

    pub(crate) fn country_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.countries.get(code).map_or(code, |c| c.name.as_str())
    }

    pub(crate) fn has_corridor(&self, origin: &str, destination: &str) -> bool {
        self.corridors.iter().any(|c| c.origin == origin && c.destination == destination)
    }
}

#[derive(Debug)]
pub(crate) struct Country {
    pub(crate) code: String,
    pub(crate) name: String,
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

    /// Every year listed for a country, corridor or aggregate, ascending.
    pub(crate) fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> =
            self.values.values().chain(self.reference.values()).flat_map(|s| s.keys().copied()).collect();
        years.sort_unstable();
        years.dedup();
        years
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
        let others: Vec<f64> = self.values.values().filter_map(|s| s.get(&year)?.value).collect();
        let better = others.iter().filter(|v| if self.higher_is_better { **v > own } else { **v < own }).count();
        Some(Rank { rank: better + 1, of: others.len() })
    }

    /// Decimals to show: the most any value was written with, at most 2
    /// (counts: none).
    pub(crate) fn display_decimals(&self) -> usize {
        if self.unit == Unit::Count {
            return 0;
        }
        self.values
            .values()
            .chain(self.reference.values())
            .flat_map(|s| s.values())
            .filter_map(|o| o.value)
            .map(|v| crate::format::decimals_of(v, 2))
            .max()
            .unwrap_or(0)
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

/// Decode `text` as a country profile and as an indicator and run the
/// per-file checks (for the fuzzers; see `crate::fuzzing`).
pub(crate) fn fuzz_one_file(text: &str) {
    validate::check_text_as_data(text);
}
