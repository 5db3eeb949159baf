//! The YAML schemas of `data/countries/*.yaml` and `data/indicators/*.yaml`,
//! exactly as the site format defines them: strict (unknown fields are
//! errors), every value a check may need to point at kept with its span.
//! No cross-file knowledge here; `validate` does that.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::Cell;
pub(crate) use crate::typology::{Effect, Mode};

/// A map key with its location, ordered by value (so it can key a BTreeMap).
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub(crate) struct Key<T>(pub(crate) Spanned<T>);

impl<T: Ord> PartialEq for Key<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0.value == other.0.value
    }
}
impl<T: Ord> Eq for Key<T> {}
impl<T: Ord> PartialOrd for Key<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T: Ord> Ord for Key<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.value.cmp(&other.0.value)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Role {
    Origin,
    Destination,
}

/// Who acted: the origin state (counted in the typology) or another party
/// (context of the country, never counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Actor {
    Origin,
    Eu,
    Destination,
    Bilateral,
}

impl Actor {
    pub(crate) fn slug(self) -> &'static str {
        match self {
            Actor::Origin => "origin",
            Actor::Eu => "eu",
            Actor::Destination => "destination",
            Actor::Bilateral => "bilateral",
        }
    }

    /// Who acted, in words: "the EU", "a destination state".
    pub(crate) fn label(self) -> &'static str {
        match self {
            Actor::Origin => "the origin state",
            Actor::Eu => "the EU",
            Actor::Destination => "a destination state",
            Actor::Bilateral => "an agreement with a destination state",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCountry {
    pub(crate) code: Spanned<String>,
    pub(crate) name: Spanned<String>,
    /// The name as it stands inside a sentence ("the Netherlands").
    pub(crate) name_in_text: Option<Spanned<String>>,
    pub(crate) roles: Spanned<Vec<Role>>,
    pub(crate) region: Option<String>,
    #[serde(default)]
    pub(crate) eu_member: bool,
    pub(crate) summary: Option<String>,
    #[serde(default)]
    pub(crate) diaspora: Vec<RawDiaspora>,
    #[serde(default)]
    pub(crate) measures: Vec<RawMeasure>,
    pub(crate) typology: Option<RawTypologyOverride>,
    #[serde(default)]
    pub(crate) sources: Vec<RawSource>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDiaspora {
    pub(crate) destination: Spanned<String>,
    pub(crate) population: Spanned<u64>,
    pub(crate) year: Spanned<i64>,
    pub(crate) source: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeasure {
    pub(crate) title: Spanned<String>,
    /// Default: the origin state.
    pub(crate) actor: Option<Spanned<Actor>>,
    /// A kind of measure with a coding rule (`typology::CODING_RULES`).
    pub(crate) kind: Option<Spanned<String>>,
    pub(crate) mode: Option<Spanned<Mode>>,
    pub(crate) effect: Option<Spanned<Effect>>,
    pub(crate) weight: Option<Spanned<i64>>,
    pub(crate) since: Option<Spanned<i64>>,
    pub(crate) until: Option<Spanned<i64>>,
    pub(crate) description: Option<String>,
    #[serde(default)]
    pub(crate) sources: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTypologyOverride {
    pub(crate) class: Spanned<String>,
    pub(crate) rationale: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub(crate) id: Spanned<String>,
    /// The author or the body that issued the source.
    pub(crate) author: Option<String>,
    pub(crate) title: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub(crate) date: Option<Spanned<String>>,
    /// A document number, CELEX number, DOI, dataset code...
    pub(crate) identifier: Option<String>,
    pub(crate) url: Option<Spanned<String>>,
    pub(crate) year: Option<Spanned<i64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Unit {
    Percent,
    Count,
    #[serde(rename = "rate-per-100")]
    RatePer100,
    Index,
    Score,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Scope {
    Country,
    Corridor,
}

impl Scope {
    /// As files and downloads write it: `country`, `corridor`.
    pub(crate) fn slug(self) -> &'static str {
        match self {
            Scope::Country => "country",
            Scope::Corridor => "corridor",
        }
    }
}

pub(crate) type RawSeries = BTreeMap<Key<String>, BTreeMap<Key<i64>, Spanned<Cell>>>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicator {
    pub(crate) id: Spanned<String>,
    pub(crate) title: Spanned<String>,
    pub(crate) short_title: Option<String>,
    pub(crate) unit: Unit,
    pub(crate) higher_is_better: bool,
    pub(crate) scope: Scope,
    pub(crate) compare_with: Option<Spanned<String>>,
    /// What the gap against `compare_with` (this minus that) is called.
    pub(crate) gap_title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) source: RawIndicatorSource,
    #[serde(default)]
    pub(crate) values: RawSeries,
    #[serde(default)]
    pub(crate) reference: RawSeries,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicatorSource {
    /// The body that publishes the data (`Eurostat`).
    pub(crate) publisher: Option<String>,
    pub(crate) title: String,
    pub(crate) dataset: Option<String>,
    pub(crate) url: Option<Spanned<String>>,
    /// The date of the database version the values come from.
    pub(crate) updated: Option<Spanned<String>>,
    pub(crate) retrieved: Option<Spanned<String>>,
    pub(crate) licence: Option<String>,
    pub(crate) note: Option<String>,
}
