//! `/typology/` (the 2x2 matrix, quadrant chart and table of every coded
//! origin country) and `/typology/method/` (the rules, generated from the
//! constants and functions of `typology`, with worked examples computed by
//! the same code), plus the matrix the `typology()` shortcode embeds.

use serde::Serialize;
use tera::Context;

use super::Page;
use super::charts::{ChartRequest, Kind};
use super::data_pages::Narratives;
use super::typology_views::*;
use super::views::LinkView;
use crate::data::Country;
use crate::format;
use crate::routes;
use crate::site::Site;
use crate::typology::{
    ACTOR_RULE, CODING_RULES, Class, EFFECT_RULE, EXAMPLES, MODE_RULE, NOT_CODED_RULES, SENSITIVITY_RULE, Sensitivity,
    THIN_EVIDENCE_BELOW, TypologyCell, WEIGHT_MEANINGS,
};

/// The order of the matrix: top row active, left column discordance.
const MATRIX_ORDER: [TypologyCell; 4] = [
    TypologyCell::ActiveDiscordance,
    TypologyCell::ActiveConcordance,
    TypologyCell::PassiveDiscordance,
    TypologyCell::PassiveConcordance,
];

fn coordinate(v: Option<f64>) -> String {
    v.map(|v| format::signed(v, 2)).unwrap_or_else(|| "–".into())
}

fn origins(site: &Site) -> impl Iterator<Item = &Country> {
    site.data.origins()
}

fn empty_cell(cell: TypologyCell) -> MatrixCellView {
    let (mode, effect) = cell.axes();
    MatrixCellView {
        cell: cell.slug().into(),
        label: cell.label().into(),
        mode: mode.into(),
        effect: effect.into(),
        definition: cell.definition().into(),
        countries: Vec::new(),
    }
}

/// The 2x2 with every coded origin placed: by its expert class when it has
/// one (marked as such), else by its computed class (a tie in every tied cell).
pub(crate) fn matrix(site: &Site) -> MatrixView {
    let mut cells: Vec<MatrixCellView> = MATRIX_ORDER.into_iter().map(empty_cell).collect();
    let mut not_coded = Vec::new();
    for country in origins(site) {
        let classification = country.classification();
        let url = site.config.href(&routes::country(&country.code));
        let placed_in: Vec<(TypologyCell, bool)> = match (&country.typology_override, &classification.class) {
            (Some(o), _) => vec![(o.class, false)],
            (None, Class::Cell(c)) => vec![(*c, false)],
            (None, Class::Tie(tied)) => tied.iter().map(|c| (*c, true)).collect(),
            (None, Class::NotCoded) => {
                not_coded.push(LinkView { title: country.name.clone(), url });
                continue;
            }
        };
        for (cell, tie) in placed_in {
            let mut strongest: Vec<&crate::data::Measure> =
                country.measures.iter().filter(|m| m.is_current() && m.cell() == cell).collect();
            strongest.sort_by(|a, b| b.weight.cmp(&a.weight).then_with(|| a.title.cmp(&b.title)));
            let slot = MATRIX_ORDER.iter().position(|c| *c == cell).unwrap_or(0);
            cells[slot].countries.push(PlacedCountryView {
                code: country.code.clone(),
                name: country.name.clone(),
                url: url.clone(),
                tie,
                expert: country.typology_override.is_some(),
                computed: classification.class.label(),
                strongest: strongest.iter().take(2).map(|m| m.title.clone()).collect(),
                fragile: !matches!(country.sensitivity(), Sensitivity::Robust),
                thin_evidence: country.thin_evidence(),
            });
        }
    }
    for cell in &mut cells {
        cell.countries.sort_by(|a, b| a.name.cmp(&b.name));
    }
    not_coded.sort_by(|a, b| a.title.cmp(&b.title));
    MatrixView { cells, not_coded, method_url: site.config.href(routes::TYPOLOGY_METHOD) }
}

/// The quadrant chart of the typology page.
pub(crate) fn quadrant_chart() -> ChartRequest {
    ChartRequest::new(Kind::QUADRANT, "typology")
}

/// `/typology/`: the matrix, the quadrant chart and the table of every coded origin.
pub(crate) fn typology_page(site: &Site, narratives: &Narratives) -> Page {
    let chart = super::charts::figure_if_any(site, &quadrant_chart());
    let home = super::crumb(site, crate::content::HOME);
    let rows = origins(site)
        .filter_map(|c| {
            let classification = c.classification();
            if classification.class == Class::NotCoded {
                return None;
            }
            Some(TypologyRowView {
                code: c.code.clone(),
                name: c.name.clone(),
                url: site.config.href(&routes::country(&c.code)),
                class: classification.class.slug().into(),
                class_label: classification.class.label(),
                override_label: c.typology_override.as_ref().map(|o| o.class.label().to_string()),
                totals: TypologyCell::ALL.into_iter().map(|cell| classification.total(cell)).collect(),
                total: classification.total_weight(),
                engagement: coordinate(classification.engagement),
                alignment: coordinate(classification.alignment),
                measures: c.measures.iter().filter(|m| m.is_current()).count(),
                thin_evidence: c.thin_evidence(),
                sensitivity: if c.sensitivity() == Sensitivity::Robust { "robust".into() } else { "fragile".into() },
            })
        })
        .collect::<Vec<TypologyRowView>>();
    let mut rows = rows;
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    let mut placements: Vec<PlacementView> = origins(site)
        .filter(|c| c.classification().class != Class::NotCoded)
        .map(|c| PlacementView {
            code: c.code.clone(),
            name: c.name.clone(),
            url: site.config.href(&routes::country(&c.code)),
            typology: super::data_pages::typology_view(site, c, false),
        })
        .collect();
    placements.sort_by(|a, b| a.name.cmp(&b.name));
    let page_view = TypologyPageView {
        title: "The concordance typology".into(),
        url: site.config.href(routes::TYPOLOGY),
        narrative: narratives.get(routes::TYPOLOGY).cloned(),
        matrix: matrix(site),
        chart,
        cell_labels: TypologyCell::ALL.into_iter().map(|c| c.label().to_string()).collect(),
        rows,
        placements,
        breadcrumbs: vec![home],
    };
    page(site, routes::TYPOLOGY, "typology.html", "typology", &page_view)
}

/// `/typology/method/`: the rules, with examples computed by the same code.
pub(crate) fn method_page(site: &Site, narratives: &Narratives) -> Page {
    let home = super::crumb(site, crate::content::HOME);
    let method = MethodView {
        title: "How countries are placed in the typology".into(),
        url: site.config.href(routes::TYPOLOGY_METHOD),
        narrative: narratives.get(routes::TYPOLOGY_METHOD).cloned(),
        actor_rule: ACTOR_RULE.into(),
        mode_rule: MODE_RULE.into(),
        effect_rule: EFFECT_RULE.into(),
        rule_groups: rule_groups(),
        not_coded: NOT_CODED_RULES.iter().map(|r| r.to_string()).collect(),
        sensitivity_rule: SENSITIVITY_RULE.into(),
        thin_below: THIN_EVIDENCE_BELOW,
        cells: MATRIX_ORDER.into_iter().map(empty_cell).collect(),
        weights: WEIGHT_MEANINGS.iter().map(|(w, m)| WeightView { weight: *w, meaning: m.to_string() }).collect(),
        default_weight: crate::typology::DEFAULT_WEIGHT,
        examples: EXAMPLES
            .iter()
            .map(|e| {
                let c = e.classification();
                ExampleView {
                    title: e.title.into(),
                    measures: e
                        .measures
                        .iter()
                        .map(|m| ExampleMeasureView {
                            title: m.title.into(),
                            kind: m.kind.into(),
                            cell: m.cell.label().into(),
                            weight: m.weight,
                            current: m.current,
                        })
                        .collect(),
                    totals: TypologyCell::ALL.into_iter().map(|cell| c.total(cell)).collect(),
                    class_label: c.class.label(),
                    engagement: coordinate(c.engagement),
                    alignment: coordinate(c.alignment),
                    lesson: e.lesson.into(),
                }
            })
            .collect(),
        breadcrumbs: vec![home, LinkView { title: "Typology".into(), url: site.config.href(routes::TYPOLOGY) }],
    };
    page(site, routes::TYPOLOGY_METHOD, "typology-method.html", "method", &method)
}

/// The coding rules grouped by topic, in the order `CODING_RULES` lists them.
fn rule_groups() -> Vec<RuleGroupView> {
    let mut groups: Vec<RuleGroupView> = Vec::new();
    for rule in CODING_RULES {
        let view = RuleView {
            kind: rule.kind.into(),
            covers: rule.covers.into(),
            cell: rule.cell.slug().into(),
            cell_label: rule.cell.label().into(),
            weight: rule.weight,
            reasoning: rule.reasoning.into(),
        };
        match groups.iter_mut().find(|g| g.topic == rule.topic) {
            Some(g) => g.rules.push(view),
            None => groups.push(RuleGroupView { topic: rule.topic.into(), rules: vec![view] }),
        }
    }
    groups
}

fn page(site: &Site, url: &str, template: &str, name: &'static str, view: &impl Serialize) -> Page {
    let mut context = Context::new();
    context.insert("current_url", &site.config.href(url));
    context.insert("permalink", &site.config.permalink(url));
    context.insert("cell_labels", &TypologyCell::ALL.into_iter().map(|c| c.label()).collect::<Vec<_>>());
    context.insert(name, view);
    let info = super::PageInfo::of_view(&context, name);
    Page { template: template.into(), context, info }
}
