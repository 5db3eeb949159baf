//! The concordance typology: cells, weights, class, ties, coordinates.
//!
//! Pure functions over a country's measures, as the site format defines
//! them. The method page is generated from the constants and rules here, so
//! documentation and computation cannot drift apart. No I/O, no HTML.

use serde::{Deserialize, Serialize};

/// How an origin state acts on its nationals abroad: on purpose, or through
/// side effects and inaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Mode {
    Active,
    Passive,
}

/// Whether an act helps integration in the destination or hinders it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Effect {
    Concordant,
    Discordant,
}

/// The four cells of the 2x2, in the order the matrix shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum TypologyCell {
    ActiveConcordance,
    ActiveDiscordance,
    PassiveConcordance,
    PassiveDiscordance,
}

impl TypologyCell {
    pub(crate) const ALL: [TypologyCell; 4] = [
        TypologyCell::ActiveConcordance,
        TypologyCell::ActiveDiscordance,
        TypologyCell::PassiveConcordance,
        TypologyCell::PassiveDiscordance,
    ];

    pub(crate) fn of(mode: Mode, effect: Effect) -> Self {
        match (mode, effect) {
            (Mode::Active, Effect::Concordant) => TypologyCell::ActiveConcordance,
            (Mode::Active, Effect::Discordant) => TypologyCell::ActiveDiscordance,
            (Mode::Passive, Effect::Concordant) => TypologyCell::PassiveConcordance,
            (Mode::Passive, Effect::Discordant) => TypologyCell::PassiveDiscordance,
        }
    }

    pub(crate) fn slug(self) -> &'static str {
        match self {
            TypologyCell::ActiveConcordance => "active-concordance",
            TypologyCell::ActiveDiscordance => "active-discordance",
            TypologyCell::PassiveConcordance => "passive-concordance",
            TypologyCell::PassiveDiscordance => "passive-discordance",
        }
    }

    pub(crate) fn from_slug(slug: &str) -> Option<Self> {
        TypologyCell::ALL.into_iter().find(|c| c.slug() == slug)
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            TypologyCell::ActiveConcordance => "Active concordance",
            TypologyCell::ActiveDiscordance => "Active discordance",
            TypologyCell::PassiveConcordance => "Passive concordance",
            TypologyCell::PassiveDiscordance => "Passive discordance",
        }
    }

    pub(crate) fn is_active(self) -> bool {
        matches!(self, TypologyCell::ActiveConcordance | TypologyCell::ActiveDiscordance)
    }

    pub(crate) fn is_concordant(self) -> bool {
        matches!(self, TypologyCell::ActiveConcordance | TypologyCell::PassiveConcordance)
    }
}

/// What a country's measures add up to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Class {
    /// One cell has the largest total.
    Cell(TypologyCell),
    /// Two or more cells share the largest total: all of them are named.
    Tie(Vec<TypologyCell>),
    /// No current measures: the country is listed apart, never placed.
    NotCoded,
}

impl Class {
    pub(crate) fn slug(&self) -> &'static str {
        match self {
            Class::Cell(c) => c.slug(),
            Class::Tie(_) => "tie",
            Class::NotCoded => "not-coded",
        }
    }

    pub(crate) fn label(&self) -> String {
        match self {
            Class::Cell(c) => c.label().to_string(),
            Class::Tie(cells) => {
                let names: Vec<&str> = cells.iter().map(|c| c.label()).collect();
                format!("Tie: {}", names.join(" and "))
            }
            Class::NotCoded => "Not coded".to_string(),
        }
    }
}

/// Weight per cell of the current measures, the class, and the coordinates.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Classification {
    /// Total weight per cell, in `TypologyCell::ALL` order.
    pub(crate) totals: [u32; 4],
    pub(crate) class: Class,
    /// (active - passive) / total, in [-1, 1]; `None` when not coded.
    pub(crate) engagement: Option<f64>,
    /// (concordant - discordant) / total, in [-1, 1]; `None` when not coded.
    pub(crate) alignment: Option<f64>,
}

impl Classification {
    pub(crate) fn total(&self, cell: TypologyCell) -> u32 {
        self.totals[cell as usize]
    }

    pub(crate) fn total_weight(&self) -> u32 {
        self.totals.iter().sum()
    }
}

/// A measure as the computation sees it: its cell, weight, and whether it
/// still applies (a measure with an end year is history and not counted).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weighted {
    pub(crate) cell: TypologyCell,
    pub(crate) weight: u8,
    pub(crate) current: bool,
}

/// The rules of the site format: each current measure adds its weight to its
/// cell; the class is the cell with the largest total, a tie names every
/// cell that shares it, and no current measures means "not coded".
pub(crate) fn classify(measures: &[Weighted]) -> Classification {
    let mut totals = [0u32; 4];
    for m in measures.iter().filter(|m| m.current) {
        totals[m.cell as usize] += u32::from(m.weight);
    }
    let total: u32 = totals.iter().sum();
    if total == 0 {
        return Classification { totals, class: Class::NotCoded, engagement: None, alignment: None };
    }
    let max = totals.iter().copied().max().unwrap_or(0);
    let leaders: Vec<TypologyCell> = TypologyCell::ALL.into_iter().filter(|c| totals[*c as usize] == max).collect();
    let class = if leaders.len() == 1 { Class::Cell(leaders[0]) } else { Class::Tie(leaders) };
    let sum = |pred: fn(TypologyCell) -> bool| -> f64 {
        TypologyCell::ALL.into_iter().filter(|c| pred(*c)).map(|c| f64::from(totals[c as usize])).sum()
    };
    let total = f64::from(total);
    let active = sum(TypologyCell::is_active);
    let concordant = sum(TypologyCell::is_concordant);
    Classification {
        totals,
        class,
        engagement: Some((active - (total - active)) / total),
        alignment: Some((concordant - (total - concordant)) / total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TypologyCell::*;

    fn m(cell: TypologyCell, weight: u8) -> Weighted {
        Weighted { cell, weight, current: true }
    }

    #[test]
    fn each_cell_can_win() {
        for cell in TypologyCell::ALL {
            let others: Vec<Weighted> = TypologyCell::ALL.into_iter().filter(|c| *c != cell).map(|c| m(c, 1)).collect();
            let mut all = others.clone();
            all.push(m(cell, 2));
            assert_eq!(classify(&all).class, Class::Cell(cell), "{cell:?}");
        }
    }

    #[test]
    fn ties_name_every_leading_cell() {
        let two = classify(&[m(ActiveConcordance, 2), m(PassiveDiscordance, 2), m(PassiveConcordance, 1)]);
        assert_eq!(two.class, Class::Tie(vec![ActiveConcordance, PassiveDiscordance]));
        assert_eq!(two.class.label(), "Tie: Active concordance and Passive discordance");
        let four = classify(&TypologyCell::ALL.map(|c| m(c, 3)));
        assert_eq!(four.class, Class::Tie(TypologyCell::ALL.to_vec()));
        assert_eq!(four.engagement, Some(0.0));
        assert_eq!(four.alignment, Some(0.0));
    }

    #[test]
    fn no_measures_is_not_coded() {
        let c = classify(&[]);
        assert_eq!(c.class, Class::NotCoded);
        assert_eq!((c.engagement, c.alignment), (None, None));
    }

    #[test]
    fn historical_measures_are_not_counted() {
        let history = Weighted { cell: ActiveDiscordance, weight: 3, current: false };
        let c = classify(&[history, m(PassiveConcordance, 1)]);
        assert_eq!(c.class, Class::Cell(PassiveConcordance));
        assert_eq!(c.total(ActiveDiscordance), 0);
        assert_eq!(classify(&[history]).class, Class::NotCoded);
    }

    #[test]
    fn weights_and_coordinates() {
        // active 3 (AC 3), passive 1 (PD 1): engagement (3-1)/4, alignment (3-1)/4
        let c = classify(&[m(ActiveConcordance, 3), m(PassiveDiscordance, 1)]);
        assert_eq!(c.totals, [3, 0, 0, 1]);
        assert_eq!(c.engagement, Some(0.5));
        assert_eq!(c.alignment, Some(0.5));
        let c = classify(&[m(PassiveDiscordance, 2)]);
        assert_eq!((c.engagement, c.alignment), (Some(-1.0), Some(-1.0)));
    }
}

impl TypologyCell {
    /// The cell in plain words, as the matrix and the method page show it.
    pub(crate) fn definition(self) -> &'static str {
        match self {
            TypologyCell::ActiveConcordance => {
                "The origin state deliberately acts to help its nationals settle and take part where they live: orientation before departure, consular and legal support, incentives to naturalise while keeping ties."
            }
            TypologyCell::ActiveDiscordance => {
                "The origin state deliberately works against settling in: monitoring emigrants, discouraging naturalisation or participation, or turning their attention home instead."
            }
            TypologyCell::PassiveConcordance => {
                "Without aiming at integration, the origin state's laws or restraint make it easier: tolerating dual nationality, easy re-acquisition of nationality, rights abroad that do not depend on staying a national only."
            }
            TypologyCell::PassiveDiscordance => {
                "Through default rules, inaction or lack of capacity, the origin state raises the cost of integrating: loss of nationality on naturalising, documents that cannot be obtained, no portability of rights."
            }
        }
    }

    /// Where the cell sits on the two axes, in words.
    pub(crate) fn axes(self) -> (&'static str, &'static str) {
        let mode = if self.is_active() { "active" } else { "passive" };
        let effect = if self.is_concordant() { "concordant" } else { "discordant" };
        (mode, effect)
    }
}

/// The rules of the computation, as the method page states them. Each line
/// names the constant or function that implements it.
pub(crate) const WEIGHT_RANGE: std::ops::RangeInclusive<u8> = 1..=3;
pub(crate) const DEFAULT_WEIGHT: u8 = 1;

/// What each weight means, for coders and readers.
pub(crate) const WEIGHT_MEANINGS: [(u8, &str); 3] = [
    (1, "minor or indirect bearing on integration (symbolic, small in scope)"),
    (2, "a clear effect on integration in the destination"),
    (3, "a strong and direct effect, such as losing the origin nationality on naturalising"),
];

/// A worked example for the method page: measures in, the computation out.
pub(crate) struct Example {
    pub(crate) title: &'static str,
    pub(crate) measures: &'static [ExampleMeasure],
    pub(crate) lesson: &'static str,
}

/// A measure of a worked example, coded under the rule of its `kind` (a
/// unit test holds its cell and weight to that rule).
pub(crate) struct ExampleMeasure {
    pub(crate) title: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) cell: TypologyCell,
    pub(crate) weight: u8,
    pub(crate) current: bool,
}

const fn example_measure(
    title: &'static str,
    kind: &'static str,
    cell: TypologyCell,
    weight: u8,
    current: bool,
) -> ExampleMeasure {
    ExampleMeasure { title, kind, cell, weight, current }
}

pub(crate) const EXAMPLES: &[Example] = &[
    Example {
        title: "One cell leads",
        measures: &[
            example_measure("Compulsory pre-departure orientation course", "pre-departure-compulsory", AC, 2, true),
            example_measure("Consular legal aid for workers abroad", "diaspora-services", AC, 2, true),
            example_measure("Nationality lost on naturalisation abroad", "dual-nationality-lost", PD, 3, true),
        ],
        lesson: "Active concordance has 4 against 3 for passive discordance, so the country is placed in active concordance.",
    },
    Example {
        title: "A lighter measure makes a tie",
        measures: &[
            example_measure("Voluntary pre-departure orientation course", "pre-departure-voluntary", AC, 1, true),
            example_measure("Consular legal aid for workers abroad", "diaspora-services", AC, 2, true),
            example_measure("Nationality lost on naturalisation abroad", "dual-nationality-lost", PD, 3, true),
        ],
        lesson: "The same country with an orientation course taken by choice rather than required: its rule gives it weight 1, not 2, so the two cells now share the largest total, and the country is shown as a tie until further evidence is coded.",
    },
    Example {
        title: "Ended measures are history",
        measures: &[
            example_measure("Surveillance of emigrant associations (ended)", "emigrant-control", AD, 2, false),
            example_measure("Dual nationality kept on naturalisation abroad", "dual-nationality-kept", PC, 2, true),
        ],
        lesson: "A measure with an end year is listed on the country page but left out of the totals, so the country is placed by what it does now.",
    },
    Example {
        title: "No current measures",
        measures: &[],
        lesson: "A country without coded measures is listed as not coded; it is never placed in a cell or on the chart.",
    },
];

impl Example {
    pub(crate) fn classification(&self) -> Classification {
        let weighted: Vec<Weighted> =
            self.measures.iter().map(|m| Weighted { cell: m.cell, weight: m.weight, current: m.current }).collect();
        classify(&weighted)
    }
}

#[cfg(test)]
mod example_tests {
    use super::*;

    #[test]
    fn the_worked_examples_say_what_the_computation_does() {
        let classes: Vec<String> = EXAMPLES.iter().map(|e| e.classification().class.label()).collect();
        assert_eq!(
            classes,
            [
                "Active concordance",
                "Tie: Active concordance and Passive discordance",
                "Passive concordance",
                "Not coded"
            ]
        );
        let totals = |e: &Example| {
            let c = e.classification();
            TypologyCell::ALL.map(|cell| c.total(cell))
        };
        // In ALL order: active concordance, active discordance, passive concordance, passive discordance.
        assert_eq!(TypologyCell::ALL, [AC, AD, PC, PD]);
        assert_eq!(totals(&EXAMPLES[0]), [4, 0, 0, 3], "the lesson says 4 against 3");
        assert_eq!(totals(&EXAMPLES[1]), [3, 0, 0, 3], "the lesson says the two cells tie");
    }

    #[test]
    fn every_example_measure_follows_its_coding_rule() {
        for example in EXAMPLES {
            for m in example.measures {
                let rule = coding_rule(m.kind).unwrap_or_else(|| panic!("{}: no rule for kind {}", m.title, m.kind));
                assert_eq!((m.cell, m.weight), (rule.cell, rule.weight), "{} ({})", m.title, m.kind);
            }
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn measure() -> impl Strategy<Value = Weighted> {
        (0usize..4, WEIGHT_RANGE, any::<bool>()).prop_map(|(cell, weight, current)| Weighted {
            cell: TypologyCell::ALL[cell],
            weight,
            current,
        })
    }

    proptest! {
        #[test]
        fn coordinates_stay_within_minus_one_and_one(measures in prop::collection::vec(measure(), 0..40)) {
            let c = classify(&measures);
            for v in [c.engagement, c.alignment].into_iter().flatten() {
                prop_assert!((-1.0..=1.0).contains(&v), "{v}");
            }
        }

        #[test]
        fn totals_are_the_sum_of_current_weights(measures in prop::collection::vec(measure(), 0..40)) {
            let c = classify(&measures);
            for cell in TypologyCell::ALL {
                let expected: u32 = measures.iter().filter(|m| m.current && m.cell == cell).map(|m| u32::from(m.weight)).sum();
                prop_assert_eq!(c.total(cell), expected);
            }
        }

        #[test]
        fn the_class_is_consistent_with_the_totals(measures in prop::collection::vec(measure(), 0..40)) {
            let c = classify(&measures);
            let max = c.totals.iter().copied().max().unwrap_or(0);
            match &c.class {
                Class::NotCoded => prop_assert_eq!(max, 0),
                Class::Cell(cell) => {
                    prop_assert_eq!(c.total(*cell), max);
                    prop_assert_eq!(c.totals.iter().filter(|t| **t == max).count(), 1);
                }
                Class::Tie(cells) => {
                    prop_assert!(cells.len() >= 2);
                    prop_assert!(cells.iter().all(|cell| c.total(*cell) == max));
                    prop_assert_eq!(c.totals.iter().filter(|t| **t == max).count(), cells.len());
                }
            }
        }
    }
}

// ------------------------------------------------------------ coding rules

/// Which measures count: the principle the method page states first.
pub(crate) const ACTOR_RULE: &str = "Only what the origin state itself does is counted. Instruments of the EU or of a destination state, and agreements whose content the other party sets (an EU Talent Partnership, equal treatment under an EU association agreement, a destination's reform of heritage-language teaching), are recorded as context: listed on the country page with who acted and a source, never added to a cell. Where the origin state acted within such a framework (it set up a body, paid teachers or changed a law), that act is its own measure. A bilateral agreement on heritage-language teaching follows the same test: it is the origin state's measure only where the sources show the origin state choosing or paying the teachers under it (Türkiye's 2021 agreement with France); where they document the agreement alone, it is context with both states as actors (Tunisia's 2017 agreement with France).";

/// How the mode of a measure is decided.
pub(crate) const MODE_RULE: &str = "A measure is active when the origin state designed it to act on its nationals' lives abroad: to prepare, serve, steer or watch them where they live. It is passive when its bearing on their integration is a by-product of a legal default, of a lack of capacity, or of a policy made for another end, such as political inclusion at home or military mobilisation.";

/// How the effect of a measure is decided.
pub(crate) const EFFECT_RULE: &str = "A measure is concordant when it makes it easier or cheaper for nationals abroad to settle, work, learn, take part or naturalise where they live, and discordant when it makes any of these harder or costlier.";

/// One documented rule: every measure of a kind is coded the same way in
/// every country (`kind` in the data; `check` refuses a measure that
/// departs from its rule).
#[derive(Debug)]
pub(crate) struct CodingRule {
    /// The value of `kind` in the data.
    pub(crate) kind: &'static str,
    /// The kind of measure, as the method page groups the rules.
    pub(crate) topic: &'static str,
    /// Which measures the rule covers.
    pub(crate) covers: &'static str,
    pub(crate) cell: TypologyCell,
    pub(crate) weight: u8,
    /// Why this cell and this weight.
    pub(crate) reasoning: &'static str,
}

use TypologyCell::{
    ActiveConcordance as AC, ActiveDiscordance as AD, PassiveConcordance as PC, PassiveDiscordance as PD,
};

/// The rules, one per kind of measure, in the order the method page shows them.
pub(crate) const CODING_RULES: &[CodingRule] = &[
    CodingRule {
        kind: "dual-nationality-kept",
        topic: "Dual nationality",
        covers: "Nationals who naturalise abroad keep the origin nationality (at least when they naturalise in the EU states where most of them live).",
        cell: PC,
        weight: 2,
        reasoning: "Nationality law applies to everyone and was not written for life abroad, so the measure is passive even where a government chose it on purpose. Naturalising in the destination then costs nothing at home, which removes the best-documented obstacle to naturalisation: concordant. Weight 2: a clear effect on one major decision.",
    },
    CodingRule {
        kind: "dual-nationality-by-permission",
        topic: "Dual nationality",
        covers: "Nationals may keep the origin nationality on naturalising abroad only with the state's prior permission.",
        cell: PD,
        weight: 2,
        reasoning: "A standing procedure, not a measure aimed at emigrants: passive. An authorisation step with an uncertain outcome makes naturalising costlier: discordant. Weight 2: a hurdle, not a loss.",
    },
    CodingRule {
        kind: "dual-nationality-lost",
        topic: "Dual nationality",
        covers: "Naturalising abroad ends the origin nationality.",
        cell: PD,
        weight: 3,
        reasoning: "A legal default: passive. Naturalising in the destination costs the origin nationality, and with it ties to family, property and the right to return: discordant. Weight 3, the highest: it bears directly on whether to naturalise.",
    },
    CodingRule {
        kind: "former-national-status",
        topic: "Former nationals",
        covers: "A status, or rights at home, created for former nationals who gave up the nationality to naturalise abroad.",
        cell: AC,
        weight: 2,
        reasoning: "Designed for emigrants who naturalised: active. It lowers the cost of naturalising where the nationality has to be given up: concordant. Weight 2: it softens the loss without removing it.",
    },
    CodingRule {
        kind: "voting-from-abroad",
        topic: "Voting from abroad",
        covers: "Nationals abroad may vote from abroad, or elect members of parliament of their own.",
        cell: PC,
        weight: 1,
        reasoning: "Made for political inclusion at home, so its bearing on integration where emigrants live is a by-product: passive. It does not ask them to stay foreigners where they live, so it takes away one reason not to naturalise: concordant. Weight 1: indirect.",
    },
    CodingRule {
        kind: "diaspora-body",
        topic: "Diaspora bodies",
        covers: "A ministry, council or agency for nationals abroad whose existence and remit are documented, but no service bearing on life in the destination.",
        cell: AC,
        weight: 1,
        reasoning: "Created for emigrants: active. A body that keeps a channel open to nationals abroad without asking them to choose between home and host is the usual instrument of engagement: concordant, unless the sources show a controlling aim (then the rule on control of emigrants applies). Weight 1: existence alone says little about reach.",
    },
    CodingRule {
        kind: "diaspora-services",
        topic: "Diaspora bodies",
        covers: "Legal, social or civic support for nationals in their country of residence, documented as given by a state body.",
        cell: AC,
        weight: 2,
        reasoning: "Active, and it helps emigrants settle and take part where they live: concordant. Weight 2: a direct service. A body is coded once: by its services where they are documented, else as a diaspora body.",
    },
    CodingRule {
        kind: "pre-departure-compulsory",
        topic: "Orientation before departure",
        covers: "A compulsory course for people leaving to work or settle abroad, on the destination's rules, culture and services.",
        cell: AC,
        weight: 2,
        reasoning: "A programme for emigrants: active. It prepares them for life in the destination: concordant. Weight 2: it reaches everyone who leaves through the official channel.",
    },
    CodingRule {
        kind: "pre-departure-voluntary",
        topic: "Orientation before departure",
        covers: "The same kind of course, taken by choice.",
        cell: AC,
        weight: 1,
        reasoning: "Active and concordant, as the compulsory course, but it reaches only those who choose it: weight 1.",
    },
    CodingRule {
        kind: "integration-encouraged",
        topic: "Official stance",
        covers: "A stated policy line encouraging nationals abroad to settle, take part and naturalise where they live while keeping ties.",
        cell: AC,
        weight: 2,
        reasoning: "A deliberate stance towards emigrants: active, and concordant. Weight 2: it frames the state's whole engagement, though the sources do not measure its effect.",
    },
    CodingRule {
        kind: "homeland-loyalty",
        topic: "Official stance",
        covers: "A stated policy line that puts loyalty and identity ties with the homeland first, without measures that stop emigrants from settling.",
        cell: AD,
        weight: 1,
        reasoning: "Deliberate: active. It turns emigrants' attention home rather than towards settling in: discordant. Weight 1: an orientation, not a barrier.",
    },
    CodingRule {
        kind: "emigrant-control",
        topic: "Control of emigrants",
        covers: "Watching or steering nationals abroad, or discouraging them from naturalising, organising or taking part in the host society.",
        cell: AD,
        weight: 2,
        reasoning: "Deliberate and aimed at emigrants: active. It works against settling in and taking part: discordant. Weight 2: the sources document the intent, not the size of the effect.",
    },
    CodingRule {
        kind: "foreign-status-declaration",
        topic: "Control of emigrants",
        covers: "A duty, backed by penalties, to report another nationality or a foreign residence permit to the origin state.",
        cell: AD,
        weight: 1,
        reasoning: "Deliberate monitoring of nationals' status abroad: active. It attaches a risk to acquiring that status: discordant. Weight 1: it watches rather than forbids.",
    },
    CodingRule {
        kind: "heritage-language-in-host-school",
        topic: "Heritage-language teaching",
        covers: "Teachers of the origin's language and culture, chosen or paid by the origin state, who teach inside the host school system under the host's supervision.",
        cell: AC,
        weight: 1,
        reasoning: "A programme for emigrants' children: active. Built into the host school, it bridges home and school: concordant. Weight 1: a few hours a week for some pupils.",
    },
    CodingRule {
        kind: "heritage-language-outside-host-school",
        topic: "Heritage-language teaching",
        covers: "Teachers of the origin's language and culture, appointed by the origin state, who teach its own curricula outside the host's supervision (France's ELCO scheme until 2020).",
        cell: AD,
        weight: 1,
        reasoning: "Active. Run beside the child's schooling rather than within it, under the origin state's control, it points towards home rather than towards the school where the child lives: discordant. Weight 1, as for teaching inside the host school.",
    },
    CodingRule {
        kind: "documents-withheld",
        topic: "Consular documents",
        covers: "Consulates stop issuing documents to a group of nationals abroad, for an end other than their life abroad (such as military mobilisation).",
        cell: PD,
        weight: 2,
        reasoning: "Made for another end: passive. Residence, family reunion, naturalisation and the recognition of diplomas all need papers only the origin state can issue: discordant. Weight 2.",
    },
    CodingRule {
        kind: "documents-conditional",
        topic: "Consular documents",
        covers: "Consular documents issued only on a condition unrelated to life abroad (such as updated military registration).",
        cell: PD,
        weight: 1,
        reasoning: "Passive and discordant for the same reasons; a condition delays documents without refusing them: weight 1.",
    },
];

/// What is deliberately left uncoded, and the convention for dates.
pub(crate) const NOT_CODED_RULES: &[&str] = &[
    "A body or programme that has only been announced is not coded until it exists.",
    "Religious staff sent abroad (imams, delegations) are not coded: the sources used do not show what they encourage.",
    "Help with remittances or with travel home is not coded: it bears on ties with home, not on life where emigrants live.",
    "A fact the sources used leave unconfirmed, or that rests only on a mirror, a wiki or a blog, is not coded.",
    "Where a source dates a change only to part of a decade (\"the early 1990s\"), the start or end year recorded is the first year of that decade.",
];

/// The rule of a `kind`, if there is one.
pub(crate) fn coding_rule(kind: &str) -> Option<&'static CodingRule> {
    CODING_RULES.iter().find(|r| r.kind == kind)
}

// ------------------------------------------------------------- sensitivity

/// Fewer current measures than this and a placement is marked "thin
/// evidence": too little to read with confidence.
pub(crate) const THIN_EVIDENCE_BELOW: usize = 3;

/// Whether a placement rests on fewer than [`THIN_EVIDENCE_BELOW`] current measures.
pub(crate) fn thin_evidence(measures: &[Weighted]) -> bool {
    measures.iter().filter(|m| m.current).count() < THIN_EVIDENCE_BELOW
}

/// One change the sensitivity test tries on a country's current measures.
/// The index is the measure's position in the slice given to [`sensitivity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// The measure weighs one more (up to 3).
    Heavier(usize),
    /// The measure weighs one less (down to 1).
    Lighter(usize),
    /// Every current measure weighs the same.
    EqualWeights,
    /// The measure is left out.
    Dropped(usize),
}

/// A change that moves the country out of its class, and where to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Flip {
    pub(crate) change: Change,
    pub(crate) to: Class,
}

/// How sure a computed class is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sensitivity {
    /// No current measures: nothing to test.
    NotCoded,
    /// The class holds under every change tried.
    Robust,
    /// These changes move the country (in the order tried: weights measure
    /// by measure, equal weights, then measures left out).
    Fragile(Vec<Flip>),
}

/// Tries every single change a coder could reasonably dispute: any one
/// current measure's weight one step up or down (within 1-3), all weights
/// equal, any one current measure left out; the class is robust when none
/// of them changes it. A tie holds only while the same cells stay tied.
pub(crate) fn sensitivity(measures: &[Weighted]) -> Sensitivity {
    let base = classify(measures).class;
    if base == Class::NotCoded {
        return Sensitivity::NotCoded;
    }
    let mut flips = Vec::new();
    let mut attempt = |change: Change, variant: Vec<Weighted>| {
        let to = classify(&variant).class;
        if to != base {
            flips.push(Flip { change, to });
        }
    };
    let with_weight = |i: usize, weight: u8| -> Vec<Weighted> {
        let mut v = measures.to_vec();
        v[i].weight = weight;
        v
    };
    for (i, m) in measures.iter().enumerate().filter(|(_, m)| m.current) {
        if m.weight < *WEIGHT_RANGE.end() {
            attempt(Change::Heavier(i), with_weight(i, m.weight + 1));
        }
        if m.weight > *WEIGHT_RANGE.start() {
            attempt(Change::Lighter(i), with_weight(i, m.weight - 1));
        }
    }
    attempt(Change::EqualWeights, measures.iter().map(|m| Weighted { weight: 1, ..*m }).collect());
    for (i, _) in measures.iter().enumerate().filter(|(_, m)| m.current) {
        let mut v = measures.to_vec();
        v.remove(i);
        attempt(Change::Dropped(i), v);
    }
    if flips.is_empty() { Sensitivity::Robust } else { Sensitivity::Fragile(flips) }
}

/// What the sensitivity test does, as the method page states it.
pub(crate) const SENSITIVITY_RULE: &str = "For every coded country the generator tries each change a coder could reasonably dispute, one at a time: any one current measure weighted one step more or one step less (within 1 to 3), all measures weighted equally, and any one current measure left out. A placement is robust when none of these changes moves the country out of its class; otherwise it is fragile, and the country page names each change that moves it and where to. A tie holds only while the same cells stay tied, so a tie is always fragile. On the quadrant chart a fragile placement is drawn hollow.";

#[cfg(test)]
mod sensitivity_tests {
    use super::*;
    use TypologyCell::*;

    fn m(cell: TypologyCell, weight: u8) -> Weighted {
        Weighted { cell, weight, current: true }
    }

    #[test]
    fn every_rule_has_a_weight_in_range_and_a_unique_kind() {
        for rule in CODING_RULES {
            assert!(WEIGHT_RANGE.contains(&rule.weight), "{}", rule.kind);
            assert_eq!(CODING_RULES.iter().filter(|r| r.kind == rule.kind).count(), 1, "{}", rule.kind);
            assert!(crate::routes::is_slug(rule.kind), "{}", rule.kind);
        }
        assert_eq!(coding_rule("voting-from-abroad").map(|r| (r.cell, r.weight)), Some((PassiveConcordance, 1)));
        assert!(coding_rule("no-such-kind").is_none());
    }

    #[test]
    fn sensitivity_table() {
        use Change::*;
        let tie = |cells: &[TypologyCell]| Class::Tie(cells.to_vec());
        let cases: Vec<(&str, Vec<Weighted>, Sensitivity)> = vec![
            ("nothing coded", vec![], Sensitivity::NotCoded),
            (
                "only history",
                vec![Weighted { cell: ActiveDiscordance, weight: 2, current: false }],
                Sensitivity::NotCoded,
            ),
            (
                // AC 3+2 against PD 1: no single change closes a gap of 4.
                "a wide lead is robust",
                vec![m(ActiveConcordance, 3), m(ActiveConcordance, 2), m(PassiveDiscordance, 1)],
                Sensitivity::Robust,
            ),
            (
                // AC 2 against PC 1: lighter AC ties, heavier PC ties, equal weights tie, dropping AC leaves PC.
                "a lead of one is fragile",
                vec![m(ActiveConcordance, 2), m(PassiveConcordance, 1)],
                Sensitivity::Fragile(vec![
                    Flip { change: Lighter(0), to: tie(&[ActiveConcordance, PassiveConcordance]) },
                    Flip { change: Heavier(1), to: tie(&[ActiveConcordance, PassiveConcordance]) },
                    Flip { change: EqualWeights, to: tie(&[ActiveConcordance, PassiveConcordance]) },
                    Flip { change: Dropped(0), to: Class::Cell(PassiveConcordance) },
                ]),
            ),
            (
                // PD 3 against AC 1+1: equal weights make AC lead 2 to 1.
                "equal weights can flip a class",
                vec![
                    m(PassiveDiscordance, 3),
                    m(ActiveConcordance, 1),
                    m(ActiveConcordance, 1),
                    m(PassiveConcordance, 1),
                ],
                Sensitivity::Fragile(vec![
                    Flip { change: Lighter(0), to: tie(&[ActiveConcordance, PassiveDiscordance]) },
                    Flip { change: Heavier(1), to: tie(&[ActiveConcordance, PassiveDiscordance]) },
                    Flip { change: Heavier(2), to: tie(&[ActiveConcordance, PassiveDiscordance]) },
                    Flip { change: EqualWeights, to: Class::Cell(ActiveConcordance) },
                    Flip { change: Dropped(0), to: Class::Cell(ActiveConcordance) },
                ]),
            ),
            (
                // Dropping the only measure leaves nothing coded.
                "a single measure",
                vec![m(PassiveConcordance, 1)],
                Sensitivity::Fragile(vec![Flip { change: Dropped(0), to: Class::NotCoded }]),
            ),
            (
                // An ended measure is never varied, and its index is kept.
                "history is left alone",
                vec![
                    Weighted { cell: PassiveDiscordance, weight: 3, current: false },
                    m(PassiveConcordance, 3),
                    m(PassiveConcordance, 2),
                ],
                Sensitivity::Robust,
            ),
            (
                "a tie is always fragile",
                vec![m(ActiveConcordance, 1), m(PassiveConcordance, 1)],
                Sensitivity::Fragile(vec![
                    Flip { change: Heavier(0), to: Class::Cell(ActiveConcordance) },
                    Flip { change: Heavier(1), to: Class::Cell(PassiveConcordance) },
                    Flip { change: Dropped(0), to: Class::Cell(PassiveConcordance) },
                    Flip { change: Dropped(1), to: Class::Cell(ActiveConcordance) },
                ]),
            ),
        ];
        for (name, measures, expected) in cases {
            assert_eq!(sensitivity(&measures), expected, "{name}");
        }
    }

    #[test]
    fn thin_evidence_counts_current_measures_only() {
        let history = Weighted { cell: ActiveDiscordance, weight: 3, current: false };
        assert!(thin_evidence(&[]));
        assert!(thin_evidence(&[m(ActiveConcordance, 3), m(PassiveConcordance, 1), history]));
        assert!(!thin_evidence(&[m(ActiveConcordance, 1), m(PassiveConcordance, 1), m(PassiveConcordance, 1)]));
    }
}
