//! The typology page, the method page and the `typology()` shortcode: every
//! coded origin placed with its evidence, ties and expert classifications
//! visible as such, and the placement following the YAML.

use crate::support::*;

/// Countries listed in each cell of the matrix, in matrix order.
fn matrix(page: &Page) -> Vec<(String, Vec<String>)> {
    page.select(".typology-cell")
        .iter()
        .map(|cell| {
            let title = normalize(
                &cell.select(&scraper::Selector::parse("h3").unwrap()).next().unwrap().text().collect::<String>(),
            );
            let items = cell
                .select(&scraper::Selector::parse("li").unwrap())
                .map(|li| normalize(&li.text().collect::<String>()))
                .collect();
            (title, items)
        })
        .collect()
}

#[test]
fn the_matrix_places_every_coded_origin_with_its_evidence() {
    let built = TestSite::fixture("data-basic")
        .file("data/countries/sn.yaml", "code: SN\nname: Senegal\nroles: [origin]\n")
        .built();
    let page = built.page("/typology/");
    assert_eq!(
        matrix(&page),
        [
            (
                "Active discordance".to_string(),
                vec!["Türkiye (fragile; thin evidence) (expert classification; computed: Tie: Active discordance and Passive concordance): Presidency for Turks Abroad".to_string()]
            ),
            (
                "Active concordance".to_string(),
                vec!["Morocco (fragile): Ministry for Moroccans living abroad; Teachers of Arabic sent to destination schools".to_string()]
            ),
            ("Passive discordance".to_string(), vec![]),
            ("Passive concordance".to_string(), vec![]),
        ]
    );
    // Each placed country is one click from its evidence.
    assert_eq!(page.attrs(".typology-cell li a", "href"), ["/sub/countries/tr/", "/sub/countries/ma/"]);
    // Countries without measures are listed apart, never placed.
    assert_eq!(page.text(".typology-not-coded"), "Not coded (no current measures): Senegal.");
    // The table of every coded country: four cell totals, total, class,
    // coordinates, current measures (thin evidence marked) and sensitivity.
    let rows: Vec<String> = page
        .select("table.typology-table tbody tr")
        .iter()
        .map(|tr| {
            tr.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| normalize(&c.text().collect::<String>()))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert_eq!(
        rows,
        [
            "Morocco | 5 | 0 | 1 | 2 | 8 | Active concordance | +0.25 | +0.50 | 4 | fragile",
            "Türkiye | 0 | 2 | 2 | 0 | 4 | Tie: Active discordance and Passive concordance; expert classification: Active discordance | 0.00 | 0.00 | 2 (thin evidence) | fragile"
        ]
    );
    assert_eq!(page.attrs("figure.chart--quadrant svg", "role"), ["img"]);
}

#[test]
fn a_tie_without_an_expert_classification_is_shown_in_both_cells() {
    let site = TestSite::fixture("data-basic");
    let tr = std::fs::read_to_string(site.path().join("data/countries/tr.yaml")).unwrap();
    let without_override = tr.replace(
        "typology:\n  class: active-discordance\n  rationale: Expert review weighs the Presidency's outreach more heavily.\n",
        "",
    );
    let page = site.file("data/countries/tr.yaml", &without_override).built().page("/typology/");
    let cells = matrix(&page);
    assert_eq!(cells[0].1, ["Türkiye (tie; thin evidence): Presidency for Turks Abroad"]);
    assert_eq!(cells[3].1, ["Türkiye (tie; thin evidence): Blue card for former citizens"]);
}

#[test]
fn raising_a_weight_moves_the_country_as_the_method_says() {
    let site = TestSite::fixture("data-basic");
    let tr = std::fs::read_to_string(site.path().join("data/countries/tr.yaml")).unwrap();
    let without_override = tr.replace(
        "typology:\n  class: active-discordance\n  rationale: Expert review weighs the Presidency's outreach more heavily.\n",
        "",
    );
    // The Blue card (passive concordance) goes from weight 2 to 3: the tie is broken.
    let heavier = without_override.replacen("    weight: 2\n    since: 1995", "    weight: 3\n    since: 1995", 1);
    assert_ne!(heavier, without_override);
    let built = site.file("data/countries/tr.yaml", &heavier).built();
    let cells = matrix(&built.page("/typology/"));
    assert!(cells[0].1.is_empty(), "{cells:?}");
    assert_eq!(cells[3].1, ["Türkiye (fragile; thin evidence): Blue card for former citizens"]);
    let profile = built.page("/countries/tr/");
    assert_eq!(
        profile.text(".typology-class"),
        "Computed class: Passive concordance (engagement −0.20, alignment +0.20)"
    );
    // The method page states the rule that did it, with worked examples.
    let method = built.page("/typology/method/");
    assert!(method.text(".prose ol").contains("The country's class is the cell with the largest total."));
    assert_eq!(method.count("section.example"), 4);
}

#[test]
fn the_typology_shortcode_embeds_the_matrix() {
    let built = TestSite::fixture("data-basic")
        .file("content/cells.md", "---\ntitle: Cells\n---\nThe grid:\n\n{{ typology() }}\n")
        .built();
    let page = built.page("/cells/");
    assert_eq!(page.count(".prose .typology-matrix .typology-cell"), 4);
    assert_eq!(page.attrs(".prose .typology-cell li a", "href"), ["/sub/countries/tr/", "/sub/countries/ma/"]);
}

#[test]
fn the_default_brief_embeds_the_typology_in_its_origin_country_chapter() {
    let built = TestSite::default_site().built();
    let page = built.page("/brief/origin-country/");
    assert_eq!(page.count(".prose .typology-matrix .typology-cell"), 4);
    // Every coded origin of the default data is placed or listed as not coded.
    let placed = page.count(".typology-cell li") + page.count(".typology-not-coded a");
    assert!(placed >= 15, "{placed}");
}

#[test]
fn the_sensitivity_line_names_each_change_that_moves_the_country() {
    // Morocco (data-basic): active concordance 3 + 2, passive concordance 1,
    // passive discordance 2. Of the eleven single changes tried, only
    // leaving out the ministry (3) moves it: to a tie with passive discordance.
    let built = TestSite::fixture("data-basic").built();
    let page = built.page("/countries/ma/");
    assert_eq!(
        page.text(".country-typology .typology-sensitivity p"),
        "Fragile: 1 of the 11 single changes tried moves the country out of its class."
    );
    assert_eq!(
        page.texts(".country-typology .typology-sensitivity li"),
        [
            "Moves to a tie between active concordance and passive discordance if “Ministry for Moroccans living abroad” is left out."
        ]
    );
    assert_eq!(page.count(".country-typology .typology-thin"), 0, "four current measures are not thin evidence");
    // Türkiye has two current measures: thin evidence, said on its page.
    let tr = built.page("/countries/tr/");
    assert!(
        tr.text(".typology-thin").starts_with("Thin evidence. The class rests on 2 current measures"),
        "{}",
        tr.text(".typology-thin")
    );
    // The typology page repeats the evidence behind each placement, with the
    // measures' own sources linked directly.
    let typology = built.page("/typology/");
    assert_eq!(
        typology.texts(".typology-placement h3"),
        [
            "Morocco: Active concordance",
            "Türkiye: Tie: Active discordance and Passive concordance (expert classification: Active discordance)"
        ]
    );
    assert!(
        typology.attrs(".typology-placement a", "href").contains(&"https://www.sgg.gov.ma/decree-2002".to_string())
    );
}

#[test]
fn the_method_page_states_the_rules_whose_acts_count_and_how_sure_a_placement_is() {
    let built = TestSite::fixture("data-basic").built();
    let method = built.page("/typology/method/");
    let text = method.text("main");
    assert!(text.contains("Only what the origin state itself does is counted."), "{text}");
    // One rule per kind of measure, each with its cell, weight and reasoning.
    let rules = method.texts(".coding-rules dt");
    assert!(rules.contains(&"voting-from-abroad: Passive concordance, weight 1".to_string()), "{rules:?}");
    assert!(rules.contains(&"dual-nationality-lost: Passive discordance, weight 3".to_string()), "{rules:?}");
    assert!(rules.len() >= 15, "{rules:?}");
    assert_eq!(method.count(".coding-rules dd"), rules.len());
    assert!(text.contains("Made for political inclusion at home"), "the reasoning is printed");
    assert!(text.contains("A placement that rests on fewer than 3 current measures"), "{text}");
    assert!(text.contains("any one current measure weighted one step more or one step less"), "{text}");
    // Every kind the default site's data uses has its rule on the page.
    let default = TestSite::default_site().built();
    let listed = default.page("/typology/method/").texts(".coding-rules dt code");
    for entry in std::fs::read_dir(repo_root().join("data/countries")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines().filter_map(|l| l.trim().strip_prefix("kind: ")) {
            assert!(listed.iter().any(|k| k == line), "kind `{line}` has no rule on the method page");
        }
    }
}
