//! What the typology pages' templates receive (`typology.html`,
//! `typology-method.html`, `partials/typology-matrix.html`): plain
//! serialisable structs, built by `typology_pages`.

use serde::Serialize;

use super::data_views::{FigureView, NarrativeView, TypologyView};
use super::views::LinkView;

#[derive(Debug, Serialize)]
pub(crate) struct MatrixView {
    /// In reading order: active row (discordance, concordance), then passive row.
    pub(crate) cells: Vec<MatrixCellView>,
    pub(crate) not_coded: Vec<LinkView>,
    pub(crate) method_url: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct MatrixCellView {
    pub(crate) cell: String,
    pub(crate) label: String,
    pub(crate) mode: String,
    pub(crate) effect: String,
    pub(crate) definition: String,
    pub(crate) countries: Vec<PlacedCountryView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct PlacedCountryView {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) url: String,
    /// Placed here as one of several tied cells.
    pub(crate) tie: bool,
    /// Placed here by an expert override; `computed` says where the measures put it.
    pub(crate) expert: bool,
    pub(crate) computed: String,
    /// The heaviest current measures of this cell, at most two.
    pub(crate) strongest: Vec<String>,
    /// One single change of weight or evidence moves the country (a tie always does).
    pub(crate) fragile: bool,
    /// Fewer current measures than the documented threshold.
    pub(crate) thin_evidence: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct TypologyRowView {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) url: String,
    pub(crate) class: String,
    pub(crate) class_label: String,
    pub(crate) override_label: Option<String>,
    /// In the order of `cell_labels`.
    pub(crate) totals: Vec<u32>,
    pub(crate) total: u32,
    pub(crate) engagement: String,
    pub(crate) alignment: String,
    /// Current measures the class rests on.
    pub(crate) measures: usize,
    pub(crate) thin_evidence: bool,
    /// `robust` or `fragile`.
    pub(crate) sensitivity: String,
}

/// One coded country's placement with the evidence behind it.
#[derive(Debug, Serialize)]
pub(crate) struct PlacementView {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) url: String,
    /// Its measures by cell with their sources, the sensitivity and the
    /// thin-evidence mark, as on the country page (no chart).
    pub(crate) typology: TypologyView,
}

#[derive(Debug, Serialize)]
pub(crate) struct TypologyPageView {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) narrative: Option<NarrativeView>,
    pub(crate) matrix: MatrixView,
    pub(crate) chart: Option<FigureView>,
    pub(crate) cell_labels: Vec<String>,
    pub(crate) rows: Vec<TypologyRowView>,
    /// Every coded country, by name, with the measures behind its cell.
    pub(crate) placements: Vec<PlacementView>,
    pub(crate) breadcrumbs: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MethodView {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) narrative: Option<NarrativeView>,
    /// Which acts count, how mode and effect are decided.
    pub(crate) actor_rule: String,
    pub(crate) mode_rule: String,
    pub(crate) effect_rule: String,
    /// One rule per kind of measure, grouped by topic.
    pub(crate) rule_groups: Vec<RuleGroupView>,
    /// What is deliberately left uncoded.
    pub(crate) not_coded: Vec<String>,
    /// What the sensitivity test tries, and the thin-evidence threshold.
    pub(crate) sensitivity_rule: String,
    pub(crate) thin_below: usize,
    pub(crate) cells: Vec<MatrixCellView>,
    pub(crate) weights: Vec<WeightView>,
    pub(crate) default_weight: u8,
    pub(crate) examples: Vec<ExampleView>,
    pub(crate) breadcrumbs: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct RuleGroupView {
    pub(crate) topic: String,
    pub(crate) rules: Vec<RuleView>,
}

/// A coding rule: `kind` in the data, the measures it covers, its cell and
/// weight, and why.
#[derive(Debug, Serialize)]
pub(crate) struct RuleView {
    pub(crate) kind: String,
    pub(crate) covers: String,
    pub(crate) cell: String,
    pub(crate) cell_label: String,
    pub(crate) weight: u8,
    pub(crate) reasoning: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct WeightView {
    pub(crate) weight: u8,
    pub(crate) meaning: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct ExampleView {
    pub(crate) title: String,
    pub(crate) measures: Vec<ExampleMeasureView>,
    pub(crate) totals: Vec<u32>,
    pub(crate) class_label: String,
    pub(crate) engagement: String,
    pub(crate) alignment: String,
    pub(crate) lesson: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct ExampleMeasureView {
    pub(crate) title: String,
    pub(crate) kind: String,
    pub(crate) cell: String,
    pub(crate) weight: u8,
    pub(crate) current: bool,
}
