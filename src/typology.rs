//! The concordance typology: cells, weights, class, ties, coordinates.
//!
//! Pure functions over a country's measures, as the site format defines
//! them. The method page is generated from the constants and rules here, so
//! documentation and computation cannot drift apart. No I/O, no HTML.

use serde::Serialize;

use crate::data::raw::{Effect, Mode};

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
                "The origin state deliberately works against settling in: monitoring emigrants, discouraging naturalisation or participation, or withholding services as a policy choice."
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
    pub(crate) measures: &'static [(&'static str, TypologyCell, u8, bool)],
    pub(crate) lesson: &'static str,
}

pub(crate) const EXAMPLES: &[Example] = &[
    Example {
        title: "One cell leads",
        measures: &[
            ("Pre-departure orientation course", TypologyCell::ActiveConcordance, 2, true),
            ("Consular legal aid for workers abroad", TypologyCell::ActiveConcordance, 1, true),
            ("Nationality lost on naturalisation abroad", TypologyCell::PassiveDiscordance, 2, true),
        ],
        lesson: "Active concordance has 3 against 2 for passive discordance, so the country is placed in active concordance.",
    },
    Example {
        title: "Raising one weight moves the country",
        measures: &[
            ("Pre-departure orientation course", TypologyCell::ActiveConcordance, 2, true),
            ("Consular legal aid for workers abroad", TypologyCell::ActiveConcordance, 1, true),
            ("Nationality lost on naturalisation abroad", TypologyCell::PassiveDiscordance, 3, true),
        ],
        lesson: "The same measures with the loss of nationality weighted 3 instead of 2: the two cells now share the largest total, and the country is shown as a tie until a coder changes a weight or adds evidence.",
    },
    Example {
        title: "Ended measures are history",
        measures: &[
            ("Surveillance of emigrant associations (ended)", TypologyCell::ActiveDiscordance, 3, false),
            ("Dual nationality tolerated", TypologyCell::PassiveConcordance, 2, true),
        ],
        lesson: "A measure with an `until` year is listed on the country page but left out of the totals, so the country is placed by what it does now.",
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
            self.measures.iter().map(|&(_, cell, weight, current)| Weighted { cell, weight, current }).collect();
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
