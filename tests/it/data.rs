//! Country profiles and indicators (site format: "Country profiles",
//! "Indicators", "URLs", "Downloads").
//!
//! The first half builds the valid fixture `tests/fixtures/data-basic` and
//! reads what a reader sees: parsed pages, exact values, the downloads. The
//! second half breaks the fixture in one place per validation rule and pins
//! the error's `path:line:column: message` and its help line.
//!
//! Expected numbers are worked out by hand from the fixture, in comments next
//! to each assertion, never copied from the output.

use serde_json::json;

use crate::support::*;

const FIXTURE: &str = "data-basic";

fn fixture() -> TestSite {
    TestSite::fixture(FIXTURE)
}

fn built() -> Built {
    fixture().built()
}

/// The text of every cell (`th` and `td`) of each body row of `table`.
/// Rows of the page's own tables (tables inside chart figures left out).
fn rows(page: &Page, table: &str) -> Vec<Vec<String>> {
    let cell = scraper::Selector::parse("th, td").unwrap();
    page.select(&format!("{table} tbody tr"))
        .iter()
        .filter(|tr| !tr.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "figure")))
        .map(|tr| tr.select(&cell).map(|c| normalize(&c.text().collect::<String>())).collect())
        .collect()
}

/// The output file a root-relative link of the site (base path `/sub`) lands on.
fn target_file(href: &str) -> String {
    let rest = href.strip_prefix("/sub/").unwrap_or_else(|| panic!("`{href}` is not under the base path /sub"));
    if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() }
}

fn json_of(built: &Built, path: &str) -> serde_json::Value {
    serde_json::from_str(&built.text(path)).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

// =====================================================================
// The valid fixture: pages
// =====================================================================

#[test]
fn the_fixture_builds_without_warnings_at_the_documented_urls() {
    let built = built();
    let messages: Vec<String> = built.warnings.iter().map(|w| w.to_string()).collect();
    assert!(messages.is_empty(), "the fixture should be clean:\n{}", messages.join("\n\n"));
    for path in [
        "countries/index.html",
        "countries/de/index.html",
        "countries/es/index.html",
        "countries/it/index.html",
        "countries/ma/index.html",
        "countries/tr/index.html",
        "indicators/index.html",
        "indicators/employment-rate/index.html",
        "indicators/employment-rate-nationals/index.html",
        "indicators/naturalisation-rate/index.html",
        "indicators/corridor-population/index.html",
        "corridors/ma-es/index.html",
        "corridors/ma-it/index.html",
        "corridors/tr-de/index.html",
        "corridors/tr-es/index.html",
        "data/indicators/employment-rate.csv",
        "data/indicators/employment-rate.json",
        "data/indicators/corridor-population.csv",
        "data/indicators/corridor-population.json",
        "data/countries/ma.json",
        "data/countries/es.json",
        "data/all.json",
    ] {
        assert!(built.has(path), "missing {path}");
    }
    // Corridors exist only where data does: no Morocco -> Germany, no Türkiye -> Italy.
    assert!(!built.has("corridors/ma-de/index.html"));
    assert!(!built.has("corridors/tr-it/index.html"));
}

#[test]
fn countries_index_lists_every_country_with_roles_membership_and_main_indicators() {
    let built = built();
    let page = built.page("/countries/");
    assert_eq!(page.text("main h1"), "Countries");
    assert_eq!(page.text(".doc__lede"), "5 country profiles: 2 countries of origin and 3 destinations.");
    // The columns are `main_indicators` of config.yaml, in that order.
    assert_eq!(
        page.texts("main table thead th"),
        [
            "Country",
            "Roles",
            "Region",
            "EU member",
            "Employment, non-EU citizens (%)",
            "Naturalisations per 100 resident non-EU citizens (per 100)",
        ]
    );
    // Each column compares the countries in one year, the year its
    // indicator page compares them in (three countries have a 2022
    // employment rate, only Italy a 2023 one; two have a 2022
    // naturalisation rate, one a 2023 one): the index never puts Italy's
    // 2023 beside Germany's 2022.
    // One decimal: the most any value of the indicator was written with.
    assert_eq!(
        rows(&page, "main table"),
        [
            ["Germany", "destination", "Western Europe", "yes", "63.0bp 2022", "1.1 2022"],
            ["Italy", "destination", "", "yes", "57.5 2022", "no data"],
            ["Morocco", "origin", "Northern Africa", "no", "no data", "no data"],
            ["Spain", "destination", "Southern Europe", "yes", "55.8p 2022", "2.3 2022"],
            ["Türkiye", "origin", "Western Asia", "no", "no data", "no data"],
        ]
    );
    assert_eq!(
        page.attrs("main tbody th a", "href"),
        ["/sub/countries/de/", "/sub/countries/it/", "/sub/countries/ma/", "/sub/countries/es/", "/sub/countries/tr/"]
    );
    assert_eq!(page.texts("main tbody abbr.flag"), ["b", "p", "p"]);
    assert_eq!(page.attrs("main tbody abbr.flag", "title"), ["break in time series", "provisional", "provisional"]);
    assert_eq!(page.count("main tbody .no-data"), 5);
    assert_eq!(
        page.attrs(".listing__title", "href"),
        ["/sub/indicators/employment-rate/", "/sub/indicators/naturalisation-rate/"]
    );
}

#[test]
fn spain_profile_ranks_each_indicator_and_links_the_corridors_into_spain() {
    let built = built();
    let page = built.page("/countries/es/");
    assert_eq!(page.text("main h1"), "Spain");
    assert_eq!(page.text(".doc__meta"), "destination EU member · Southern Europe");
    // Ranks among the countries with a value in the year the indicator
    // compares them in, saying which; higher is better:
    // employment-rate 2022: DE 63.0 > IT 57.5 > ES 55.8 -> 3 of 3.
    // employment-rate-nationals 2023: DE 77.5 > ES 66.0 > IT 61.0 -> 2 of 3.
    // naturalisation-rate 2022: ES 2.3 > DE 1.1 (IT has none) -> 1 of 2.
    assert_eq!(
        rows(&page, "section[aria-labelledby=indicators-title] table"),
        [
            ["Employment rate of non-EU citizens aged 20-64 (%)", "55.8p", "2022", "3 of 3 in 2022 (highest first)"],
            ["Employment rate of nationals aged 20-64 (%)", "66.0", "2023", "2 of 3 in 2023 (highest first)"],
            [
                "Naturalisations per 100 resident non-EU citizens (per 100)",
                "2.3",
                "2022",
                "1 of 2 in 2022 (highest first)"
            ],
        ]
    );
    assert_eq!(page.attrs(".indicator-table abbr.flag", "title"), ["provisional"]);
    assert_eq!(
        page.attrs(".indicator-table tbody th a", "href"),
        [
            "/sub/indicators/employment-rate/",
            "/sub/indicators/employment-rate-nationals/",
            "/sub/indicators/naturalisation-rate/"
        ]
    );
    assert_eq!(page.texts(".corridor-list a"), ["Morocco → Spain", "Türkiye → Spain"]);
    assert_eq!(page.attrs(".corridor-list a", "href"), ["/sub/corridors/ma-es/", "/sub/corridors/tr-es/"]);
    assert_eq!(page.count(".country-typology"), 0, "a destination is not placed in the typology");
    assert!(page.attrs("a", "href").contains(&"/sub/data/countries/es.json".to_string()));
}

#[test]
fn a_rank_counts_only_the_countries_with_a_value_in_that_year() {
    let built = built();
    // Italy's latest employment rate is 2023, the only country with a value
    // that year: a rank "1 of 1" would compare nothing. The page shows its
    // value in 2022, the year the indicator compares countries in, and its
    // rank among the three countries with a value then.
    let italy = built.page("/countries/it/");
    let row = &rows(&italy, "section[aria-labelledby=indicators-title] table")[0];
    assert_eq!(
        row,
        &["Employment rate of non-EU citizens aged 20-64 (%)", "57.5", "2022", "2 of 3 in 2022 (highest first)"]
    );
    // Italy has no naturalisation rate: shown as "no data", without a rank.
    let row = &rows(&italy, "section[aria-labelledby=indicators-title] table")[2];
    assert_eq!(row, &["Naturalisations per 100 resident non-EU citizens (per 100)", "no data", "", ""]);
    // Germany 2022: 63.0 is the highest of three.
    let germany = built.page("/countries/de/");
    let row = &rows(&germany, "section[aria-labelledby=indicators-title] table")[0];
    assert_eq!(
        row,
        &["Employment rate of non-EU citizens aged 20-64 (%)", "63.0bp", "2022", "1 of 3 in 2022 (highest first)"]
    );
}

#[test]
fn a_country_without_a_value_in_the_comparison_year_shows_its_latest_value_unranked() {
    // Spain has no 2022 naturalisation rate here, only 2021: it is shown
    // with its year and not ranked against the 2022 values of the others.
    let site = fixture();
    let text = std::fs::read_to_string(site.path().join("data/indicators/naturalisation-rate.yaml"))
        .unwrap()
        .replace("ES: {2021: 1.9, 2022: 2.3}", "ES: {2021: 1.9}\n  IT: {2022: 0.7}");
    let built = site.file("data/indicators/naturalisation-rate.yaml", &text).built();
    let spain = built.page("/countries/es/");
    let row = &rows(&spain, "section[aria-labelledby=indicators-title] table")[2];
    assert_eq!(row, &["Naturalisations per 100 resident non-EU citizens (per 100)", "1.9", "2021", "not ranked"]);
}

#[test]
fn morocco_profile_shows_diaspora_measures_by_cell_history_and_sources() {
    let built = built();
    let page = built.page("/countries/ma/");
    assert_eq!(page.text("main h1"), "Morocco");
    assert_eq!(page.text(".doc__meta"), "origin · Northern Africa");
    assert_eq!(page.text(".prose:not(.narrative)"), "Morocco keeps close ties with its citizens abroad.");

    // Diaspora: largest first (the file lists Italy first).
    assert_eq!(
        rows(&page, "section[aria-labelledby=diaspora-title] table"),
        [
            ["Spain", "812,000", "2022", "Morocco → Spain", "INE, Continuous register statistics"],
            ["Italy", "412,346", "2023", "Morocco → Italy", "Istat, Resident foreigners"]
        ]
    );
    assert_eq!(
        page.attrs(".diaspora-table tbody a:not([href^='#'])", "href"),
        ["/sub/countries/es/", "/sub/corridors/ma-es/", "/sub/countries/it/", "/sub/corridors/ma-it/"]
    );

    // Current measures grouped by cell (empty cells left out), heaviest first; the
    // measure with `until` is listed apart and not counted.
    assert_eq!(
        page.texts(".country-typology h3"),
        ["Active concordance", "Passive concordance", "Passive discordance", "Earlier measures (not counted)"]
    );
    assert_eq!(
        page.texts("#measures-active-concordance + ul .measure__title"),
        [
            "Ministry for Moroccans living abroad weight 3 · since 2002",
            "Teachers of Arabic sent to destination schools weight 2"
        ]
    );
    // No `weight` in the file: the default is 1.
    assert_eq!(
        page.texts("#measures-passive-concordance + ul .measure__title"),
        ["Dual nationality accepted by default weight 1"]
    );
    assert_eq!(
        page.texts("#measures-passive-discordance + ul .measure__title"),
        ["Nationality cannot be renounced weight 2 · since 1958"]
    );
    assert_eq!(
        page.texts("#measures-history + ul .measure__title"),
        ["Amicales watched over emigrant associations Active discordance · weight 3 · 1973–1990"]
    );
    assert_eq!(page.text(".measure__description"), "A ministry that supports integration abroad.");
    assert_eq!(page.text(".measure__description em"), "integration");

    // Every source a measure cites links to its entry in the source list.
    let cited = page.attrs(".measure__sources a", "href");
    assert_eq!(
        cited,
        [
            "#source-ministry-decree",
            "#source-ministry-decree",
            "#source-teachers-report",
            "#source-nationality-code",
            "#source-nationality-code",
            "#source-amicales-report",
        ]
    );
    for href in &cited {
        assert_eq!(page.count(&format!("li[id=\"{}\"]", &href[1..])), 1, "no target for {href}");
    }
    assert_eq!(
        page.texts(".source-list li"),
        [
            "INE, Continuous register statistics, 2022.",
            "Istat, Resident foreigners, 2023.",
            "Decree creating the ministry for Moroccans abroad, 2002.",
            "Hassan II Foundation, teaching programme report.",
            "Moroccan Nationality Code, 1958.",
            "Report on the Amicales, 1991.",
        ]
    );
    assert_eq!(page.attrs("#source-nationality-code a", "href"), ["https://www.refworld.org/ma-nationality-code"]);
    assert_eq!(page.count("#source-teachers-report a"), 0, "a source without url is not a link");
}

#[test]
fn morocco_profile_shows_the_computed_class_and_totals() {
    let page = built().page("/countries/ma/");
    // Current measures: AC 3 + 2 = 5, PC 1 (default weight), PD 2; AD 0 (the 3 ended in 1990).
    // Total 8. Engagement (active 5 - passive 3) / 8 = +0.25; alignment (concordant 6 - discordant 2) / 8 = +0.50.
    assert_eq!(page.text(".typology-class"), "Computed class: Active concordance (engagement +0.25, alignment +0.50)");
    assert_eq!(page.attrs(".typology-class", "class"), ["typology-class typology-class--active-concordance"]);
    assert_eq!(
        rows(&page, ".country-typology table"),
        [
            ["Active concordance", "5"],
            ["Active discordance", "0"],
            ["Passive concordance", "1"],
            ["Passive discordance", "2"],
        ]
    );
    assert_eq!(page.count(".country-typology .notice"), 0, "no expert override for Morocco");
}

#[test]
fn a_narrative_in_content_countries_is_added_to_the_profile() {
    let page = built().page("/countries/ma/");
    assert_eq!(page.text(".narrative h2"), "Morocco in context");
    assert_eq!(
        page.text(".narrative p"),
        "Morocco turned from watching over its emigrants to encouraging their integration."
    );
    assert_eq!(page.text(".narrative strong"), "watching over");
    // Only Morocco has one.
    assert_eq!(built().page("/countries/tr/").count(".narrative"), 0);
}

#[test]
fn a_tie_is_named_and_an_expert_class_is_shown_beside_it() {
    let page = built().page("/countries/tr/");
    // AD 2 and PC 2: a tie between both, never broken silently. Engagement (2 - 2) / 4 = 0,
    // alignment (2 - 2) / 4 = 0.
    assert_eq!(
        page.text(".typology-class"),
        "Computed class: Tie: Active discordance and Passive concordance (engagement 0.00, alignment 0.00)"
    );
    assert_eq!(
        page.text(".country-typology .notice"),
        "Expert classification: Active discordance. Expert review weighs the Presidency's outreach more heavily."
    );
    // Diaspora largest first: the file lists Spain (4,321) before Germany (1,487,000).
    assert_eq!(
        rows(&page, "section[aria-labelledby=diaspora-title] table"),
        [
            ["Germany", "1,487,000", "2022", "Türkiye → Germany", "Destatis, Foreign population"],
            ["Spain", "4,321", "2022", "Türkiye → Spain", "INE, Continuous register statistics"]
        ]
    );
}

#[test]
fn an_origin_without_measures_is_not_coded() {
    let site = fixture().file("data/countries/sn.yaml", "code: SN\nname: Senegal\nroles: [origin]\n");
    let built = site.built();
    let page = built.page("/countries/sn/");
    assert_eq!(page.text(".typology-class"), "Computed class: Not coded");
    let json = json_of(&built, "data/countries/sn.json");
    assert_eq!(
        json["typology"],
        json!({
            "class": "not-coded",
            "override": null,
            "override_rationale": null,
            "totals": {
                "active-concordance": 0,
                "active-discordance": 0,
                "passive-concordance": 0,
                "passive-discordance": 0
            },
            "engagement": null,
            "alignment": null,
            "measures": []
        })
    );
}

#[test]
fn indicators_index_lists_each_indicator_with_unit_coverage_source_and_downloads() {
    let built = built();
    let page = built.page("/indicators/");
    assert_eq!(page.text(".doc__lede"), "4 indicators, each with its source, the full table of values and downloads.");
    assert_eq!(
        rows(&page, "main table"),
        [
            [
                "Citizens of the origin country living in the destination",
                "people",
                "4 corridors",
                "2021–2023",
                "Eurostat, population by citizenship",
                "CSV of Citizens of the origin country living in the destination · JSON of Citizens of the origin country living in the destination",
            ],
            [
                "Employment rate of non-EU citizens aged 20-64",
                "%",
                "3 countries",
                "2021–2023",
                "Eurostat, employment rates by citizenship",
                "CSV of Employment rate of non-EU citizens aged 20-64 · JSON of Employment rate of non-EU citizens aged 20-64",
            ],
            [
                "Employment rate of nationals aged 20-64",
                "%",
                "3 countries",
                "2022–2023",
                "Eurostat, employment rates by citizenship",
                "CSV of Employment rate of nationals aged 20-64 · JSON of Employment rate of nationals aged 20-64",
            ],
            [
                "Naturalisations per 100 resident non-EU citizens",
                "per 100",
                "2 countries",
                "2021–2023",
                "Eurostat, acquisition of citizenship",
                "CSV of Naturalisations per 100 resident non-EU citizens · JSON of Naturalisations per 100 resident non-EU citizens",
            ],
        ]
    );
    for href in page.attrs("main tbody a", "href") {
        assert!(built.has(&target_file(&href)), "{href} is not in the output");
    }
}

#[test]
fn indicator_page_shows_description_unit_source_and_the_compared_indicator() {
    let built = built();
    let page = built.page("/indicators/employment-rate/");
    assert_eq!(page.text("main h1"), "Employment rate of non-EU citizens aged 20-64");
    assert_eq!(
        page.text(".doc__header .doc__meta"),
        "Unit: % · higher is better · compare with Employment rate of nationals aged 20-64"
    );
    assert_eq!(page.attrs(".doc__header .doc__meta a", "href"), ["/sub/indicators/employment-rate-nationals/"]);
    assert_eq!(page.text("article.indicator > .prose"), "Share of non-EU citizens aged 20-64 who are employed.");
    assert_eq!(page.text("article.indicator > .prose strong"), "employed");
    assert_eq!(
        page.texts("section[aria-labelledby=source-title] p"),
        [
            "Eurostat, employment rates by citizenship, dataset lfsa_ergan, retrieved 2025-01-15.",
            "Licence: CC BY 4.0",
            "Download the values: CSV · JSON",
        ]
    );
    assert_eq!(page.text("section[aria-labelledby=source-title] code"), "lfsa_ergan");
    assert_eq!(
        page.attrs("section[aria-labelledby=source-title] p a", "href"),
        [
            "https://ec.europa.eu/eurostat/databrowser/view/lfsa_ergan/default/table",
            "/sub/data/indicators/employment-rate.csv",
            "/sub/data/indicators/employment-rate.json",
        ]
    );
    for href in page.attrs(".downloads a", "href") {
        assert!(built.has(&target_file(&href)), "{href} is not in the output");
    }
}

#[test]
fn indicator_page_shows_every_value_by_country_and_year_with_the_reference_row() {
    let page = built().page("/indicators/employment-rate/");
    let table = "section[aria-labelledby=values-title] table";
    assert_eq!(page.texts(&format!("{table} thead th")), ["Country", "2021", "2022", "2023"]);
    // Rows by country name; "no data" for an explicit null (with its flag, if any).
    assert_eq!(
        rows(&page, table),
        [
            ["Germany", "62.3", "63.0bp", "no datau"],
            ["Italy", "56.1", "57.5", "58.2"],
            ["Spain", "54.0", "55.8p", "no data"],
            ["EU-27 (aggregate)", "60.1", "61.4", "62.0e"],
        ]
    );
    assert_eq!(page.count(&format!("{table} tr.is-reference")), 1);
    assert_eq!(page.count(&format!("{table} tr.is-reference a")), 0, "an aggregate is not a country");
    assert_eq!(
        page.attrs(&format!("{table} tbody th a"), "href"),
        ["/sub/countries/de/", "/sub/countries/it/", "/sub/countries/es/"]
    );
    // The legend explains each flag used, once.
    assert_eq!(page.texts(".flag-legend dt"), ["b", "e", "p", "u"]);
    assert_eq!(page.texts(".flag-legend dd"), ["break in time series", "estimated", "provisional", "low reliability"]);
    assert_eq!(
        page.attrs(".flag-legend abbr.flag", "title"),
        ["break in time series", "estimated", "provisional", "low reliability"]
    );
    assert_eq!(
        page.attrs(&format!("{table} abbr.flag"), "title"),
        ["break in time series", "provisional", "low reliability", "provisional", "estimated"]
    );
}

#[test]

fn indicator_page_keeps_a_reference_year_that_no_country_has() {
    let site = fixture().file(
        "data/indicators/employment-rate.yaml",
        &std::fs::read_to_string(fixtures_dir().join(FIXTURE).join("data/indicators/employment-rate.yaml"))
            .unwrap()
            .replace("{value: 62.0, flag: e}}", "{value: 62.0, flag: e}, 2024: 62.5}"),
    );
    let built = site.built();
    assert!(built.text("data/indicators/employment-rate.json").contains("62.5"));
    let page = built.page("/indicators/employment-rate/");
    let table = "section[aria-labelledby=values-title] table";
    assert_eq!(page.texts(&format!("{table} thead th")), ["Country", "2021", "2022", "2023", "2024"]);
    assert_eq!(rows(&page, table)[3], ["EU-27 (aggregate)", "60.1", "61.4", "62.0e", "62.5"]);
}

#[test]
fn corridor_page_links_both_countries_and_compares_the_destination_s_origin_groups() {
    let page = built().page("/corridors/ma-es/");
    assert_eq!(page.text("main h1"), "Morocco → Spain");
    assert_eq!(page.text(".doc__lede"), "Citizens of Morocco living in Spain.");
    assert_eq!(page.attrs(".doc__lede a", "href"), ["/sub/countries/ma/", "/sub/countries/es/"]);
    // The diaspora size comes from Morocco's profile, with its source.
    assert_eq!(
        page.texts(".stat p"),
        ["Citizens of Morocco in Spain", "812,000", "2022, INE, Continuous register statistics"]
    );
    assert_eq!(page.attrs(".stat a", "href"), ["https://www.ine.es/padron"]);
    // Every corridor-scoped indicator: here the one, with its latest value
    // (2022); then the sources, each named with its dataset and date.
    assert_eq!(
        page.texts("main section h2"),
        ["Citizens of the origin country living in the destination", "Sources and data"]
    );
    assert_eq!(
        page.texts("section[aria-labelledby=sources-title] .source-list li"),
        [
            "Citizens of the origin country living in the destination: Eurostat, population by citizenship, dataset migr_pop1ctz, retrieved 2025-04-01."
        ]
    );
    assert_eq!(page.attrs("main section h2 a", "href"), ["/sub/indicators/corridor-population/"]);
    assert_eq!(page.text("main section > p"), "Latest: 812,000 (2022) people");
    // The other origin groups in Spain, latest year of each, largest first; this one marked.
    assert_eq!(rows(&page, "main section table"), [["Morocco", "812,000", "2022"], ["Türkiye", "4,321p", "2022"]]);
    assert_eq!(page.texts("main section tr.is-current th"), ["Morocco"]);
    assert_eq!(page.attrs(".comparison-table tbody th a", "href"), ["/sub/corridors/ma-es/", "/sub/corridors/tr-es/"]);
    assert_eq!(page.attrs(".comparison-table tbody abbr.flag", "title"), ["provisional"]);
}

#[test]
fn links_between_countries_indicators_and_corridors_resolve() {
    let built = built();
    let links = internal_links(&built, "/sub");
    let problems: Vec<String> = links.iter().filter_map(|(from, to)| broken(&built, "/sub", from, to)).collect();
    assert!(problems.is_empty(), "broken links:\n{}", problems.join("\n"));
    // Every generated data page is reachable from another page.
    for path in built.html_paths() {
        if !["countries/", "indicators/", "corridors/"].iter().any(|p| path.starts_with(p)) {
            continue;
        }
        let url = format!("/sub/{}", path.trim_end_matches("index.html"));
        assert!(links.iter().any(|(from, to)| from != &path && to == &url), "nothing links to {url}");
    }
}

// =====================================================================
// The valid fixture: downloads
// =====================================================================

#[test]
fn indicator_csv_has_one_row_per_value_sorted_by_country_then_year() {
    // `null` is an empty value (with its flag, if any); numbers as written (54.0, 55.80, 56.10);
    // `note` is empty where a value has no note.
    assert_eq!(
        built().text("data/indicators/employment-rate.csv"),
        "country,year,value,flag,note\n\
         DE,2021,62.3,,\n\
         DE,2022,63.0,bp,\n\
         DE,2023,,u,\n\
         ES,2021,54.0,,\n\
         ES,2022,55.80,p,\n\
         ES,2023,,,\n\
         IT,2021,56.10,,\n\
         IT,2022,57.5,,\n\
         IT,2023,58.2,,\n"
    );
}

#[test]
fn corridor_csv_splits_the_key_into_origin_and_destination() {
    assert_eq!(
        built().text("data/indicators/corridor-population.csv"),
        "origin,destination,year,value,flag,note\n\
         MA,ES,2021,775000,,\n\
         MA,ES,2022,812000,,\n\
         MA,IT,2022,420651,,\n\
         MA,IT,2023,412346,,\n\
         TR,DE,2022,1487000,,\n\
         TR,ES,2021,4100,,\n\
         TR,ES,2022,4321,p,\n"
    );
}

#[test]
fn indicator_json_has_the_metadata_and_every_value() {
    let built = built();
    let value = |v: serde_json::Value, flag: serde_json::Value| json!({ "value": v, "flag": flag });
    assert_eq!(
        json_of(&built, "data/indicators/employment-rate.json"),
        json!({
            "id": "employment-rate",
            "title": "Employment rate of non-EU citizens aged 20-64",
            "short_title": "Employment, non-EU citizens",
            "unit": "percent",
            "higher_is_better": true,
            "scope": "country",
            "compare_with": "employment-rate-nationals",
            "description": "Share of non-EU citizens aged 20-64 who are **employed**.\n",
            "source": {
                "title": "Eurostat, employment rates by citizenship",
                "dataset": "lfsa_ergan",
                "url": "https://ec.europa.eu/eurostat/databrowser/view/lfsa_ergan/default/table",
                "retrieved": "2025-01-15",
                "licence": "CC BY 4.0",
                "note": null
            },
            "values": {
                "DE": {
                    "2021": value(json!(62.3), json!(null)),
                    "2022": value(json!(63.0), json!("bp")),
                    "2023": value(json!(null), json!("u"))
                },
                "ES": {
                    "2021": value(json!(54.0), json!(null)),
                    "2022": value(json!(55.8), json!("p")),
                    "2023": value(json!(null), json!(null))
                },
                "IT": {
                    "2021": value(json!(56.1), json!(null)),
                    "2022": value(json!(57.5), json!(null)),
                    "2023": value(json!(58.2), json!(null))
                }
            },
            "reference": {
                "EU27": {
                    "2021": value(json!(60.1), json!(null)),
                    "2022": value(json!(61.4), json!(null)),
                    "2023": value(json!(62.0), json!("e"))
                }
            }
        })
    );
    // The numbers keep the form they were written in, as in the CSV.
    let text = built.text("data/indicators/employment-rate.json");
    assert!(text.contains("\"value\": 55.80,") && text.contains("\"value\": 56.10,"), "{text}");
}

#[test]
fn country_json_has_the_profile_and_the_computed_typology() {
    // Current measures per cell: active-concordance 3 + 2 = 5, passive-concordance 1
    // (default weight), passive-discordance 2; active-discordance 0 because its only
    // measure ended (until 1990). Total 8: engagement (5 - 3) / 8 = 0.25,
    // alignment (6 - 2) / 8 = 0.5; the largest cell is active-concordance.
    assert_eq!(
        json_of(&built(), "data/countries/ma.json"),
        json!({
            "code": "MA",
            "name": "Morocco",
            "roles": ["origin"],
            "region": "Northern Africa",
            "eu_member": false,
            "summary": "Morocco keeps close ties with its citizens abroad.\n",
            "diaspora": [
                { "destination": "ES", "population": 812000, "year": 2022, "source": "ine-2022" },
                { "destination": "IT", "population": 412346, "year": 2023, "source": "istat-2023" }
            ],
            "typology": {
                "class": "active-concordance",
                "override": null,
                "override_rationale": null,
                "totals": {
                    "active-concordance": 5,
                    "active-discordance": 0,
                    "passive-concordance": 1,
                    "passive-discordance": 2
                },
                "engagement": 0.25,
                "alignment": 0.5,
                "measures": [
                    {
                        "title": "Ministry for Moroccans living abroad",
                        "cell": "active-concordance",
                        "weight": 3,
                        "since": 2002,
                        "until": null,
                        "current": true,
                        "description": "A ministry that supports *integration* abroad.\n",
                        "sources": ["ministry-decree"]
                    },
                    {
                        "title": "Teachers of Arabic sent to destination schools",
                        "cell": "active-concordance",
                        "weight": 2,
                        "since": null,
                        "until": null,
                        "current": true,
                        "description": null,
                        "sources": ["ministry-decree", "teachers-report"]
                    },
                    {
                        "title": "Dual nationality accepted by default",
                        "cell": "passive-concordance",
                        "weight": 1,
                        "since": null,
                        "until": null,
                        "current": true,
                        "description": null,
                        "sources": ["nationality-code"]
                    },
                    {
                        "title": "Nationality cannot be renounced",
                        "cell": "passive-discordance",
                        "weight": 2,
                        "since": 1958,
                        "until": null,
                        "current": true,
                        "description": null,
                        "sources": ["nationality-code"]
                    },
                    {
                        "title": "Amicales watched over emigrant associations",
                        "cell": "active-discordance",
                        "weight": 3,
                        "since": 1973,
                        "until": 1990,
                        "current": false,
                        "description": null,
                        "sources": ["amicales-report"]
                    }
                ]
            },
            "sources": [
                { "id": "ine-2022", "title": "INE, Continuous register statistics", "url": "https://www.ine.es/padron", "year": 2022 },
                { "id": "istat-2023", "title": "Istat, Resident foreigners", "url": "https://demo.istat.it/", "year": 2023 },
                {
                    "id": "ministry-decree",
                    "title": "Decree creating the ministry for Moroccans abroad",
                    "url": "https://www.sgg.gov.ma/decree-2002",
                    "year": 2002
                },
                { "id": "teachers-report", "title": "Hassan II Foundation, teaching programme report", "url": null, "year": null },
                {
                    "id": "nationality-code",
                    "title": "Moroccan Nationality Code",
                    "url": "https://www.refworld.org/ma-nationality-code",
                    "year": 1958
                },
                { "id": "amicales-report", "title": "Report on the Amicales", "url": null, "year": 1991 }
            ]
        })
    );
}

#[test]
fn country_json_of_a_tie_with_an_override() {
    let json = json_of(&built(), "data/countries/tr.json");
    let typology = &json["typology"];
    assert_eq!(typology["class"], "tie");
    assert_eq!(typology["override"], "active-discordance");
    assert_eq!(
        typology["totals"],
        json!({
            "active-concordance": 0,
            "active-discordance": 2,
            "passive-concordance": 2,
            "passive-discordance": 0
        })
    );
    assert_eq!((&typology["engagement"], &typology["alignment"]), (&json!(0.0), &json!(0.0)));
    // A destination has no typology block.
    let es = json_of(&built(), "data/countries/es.json");
    assert_eq!((&es["code"], &es["name"], &es["roles"]), (&json!("ES"), &json!("Spain"), &json!(["destination"])));
    assert!(es.get("typology").is_none(), "{es}");
}

#[test]
fn all_json_has_every_country_indicator_and_corridor() {
    let built = built();
    let all = json_of(&built, "data/all.json");
    let field = |list: &serde_json::Value, key: &str| -> Vec<String> {
        list.as_array().unwrap().iter().map(|x| x[key].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(field(&all["countries"], "code"), ["DE", "ES", "IT", "MA", "TR"]);
    assert_eq!(
        field(&all["indicators"], "id"),
        ["corridor-population", "employment-rate", "employment-rate-nationals", "naturalisation-rate"]
    );
    assert_eq!(all["corridors"], json!([["MA", "ES"], ["MA", "IT"], ["TR", "DE"], ["TR", "ES"]]));
    // The same records as the single downloads.
    assert_eq!(all["countries"][3], json_of(&built, "data/countries/ma.json"));
    assert_eq!(all["indicators"][1], json_of(&built, "data/indicators/employment-rate.json"));
}

#[test]
fn two_runs_give_identical_bytes_for_every_file() {
    // Two copies of the fixture in different temporary folders, built in-process.
    let (one, two) = (built(), built());
    let paths: Vec<&str> = one.output.paths().collect();
    assert_eq!(paths, two.output.paths().collect::<Vec<_>>());
    assert!(paths.len() > 30, "{paths:?}");
    for path in paths {
        assert!(one.output.bytes(path) == two.output.bytes(path), "{path} differs between two runs");
    }
}

// =====================================================================
// Validation: one test per rule
// =====================================================================

/// One reported error: `path:line:column: message`, and its help line.
#[derive(Debug)]
struct Reported {
    first: String,
    help: Option<String>,
}

/// Every error of a failing run, in the order reported.
fn reported(site: &TestSite) -> Vec<Reported> {
    site.error_text()
        .split("\n\n")
        .filter(|block| !block.trim().is_empty())
        .map(|block| Reported {
            first: block.lines().next().unwrap().to_string(),
            help: block.lines().find_map(|l| l.trim_start().strip_prefix("= help: ")).map(str::to_owned),
        })
        .collect()
}

/// The one error of a site broken in one place.
fn only_error(site: &TestSite) -> Reported {
    let mut all = reported(site);
    assert_eq!(all.len(), 1, "expected exactly one error, got {all:#?}");
    all.remove(0)
}

/// The site fails with exactly this error (first line) and help line.
#[track_caller]
fn assert_error(site: &TestSite, first: &str, help: Option<&str>) {
    let error = only_error(site);
    assert_eq!(error.first, first, "{error:#?}");
    assert_eq!(error.help.as_deref(), help, "{error:#?}");
}

// ------------------------------------------------------- country profiles

/// The fixture plus `data/countries/<file>`.
fn with_country_file(file: &str, yaml: &str) -> TestSite {
    fixture().file(&format!("data/countries/{file}"), yaml)
}

/// The fixture plus Senegal (`data/countries/sn.yaml`), an origin nothing else
/// refers to, so an error in it has no knock-on effect. Lines 1-3 are
/// `code`, `name` and `roles`; `rest` starts on line 4.
fn with_senegal(rest: &str) -> TestSite {
    with_country_file("sn.yaml", &format!("code: SN\nname: Senegal\nroles: [origin]\n{rest}"))
}

/// Lines 4-6 of Senegal: one source, `a`.
const SOURCE_A: &str = "sources:\n  - id: a\n    title: Senegalese statistics agency\n";

/// Senegal with one measure on lines 8-11 citing `a`; `extra` starts on
/// line 12 (indented by four it continues the measure).
fn with_measure(extra: &str) -> TestSite {
    with_senegal(&format!(
        "{SOURCE_A}measures:\n  - title: Consular outreach\n    mode: active\n    effect: concordant\n    sources: [a]\n{extra}"
    ))
}

/// Senegal with one diaspora entry: `destination` on line 8 (column 18),
/// `year` on line 10 (column 11), `source` on line 11 (column 13).
fn with_diaspora(destination: &str, year: &str, source: &str) -> TestSite {
    with_senegal(&format!(
        "{SOURCE_A}diaspora:\n  - destination: {destination}\n    population: 1200\n    year: {year}\n    source: {source}\n"
    ))
}

#[test]
fn code_must_be_an_iso_country_code() {
    assert_error(
        &with_country_file("xx.yaml", "code: XX\nname: Nowhere\nroles: [origin]\n"),
        "data/countries/xx.yaml:1:7: `XX` is not an ISO 3166-1 alpha-2 country code",
        Some("see https://www.iso.org/obp/ui/#search/code/ (Greece is GR, the United Kingdom GB)"),
    );
}

#[test]
fn code_must_be_in_capitals() {
    assert_error(
        &with_country_file("sn.yaml", "code: sn\nname: Senegal\nroles: [origin]\n"),
        "data/countries/sn.yaml:1:7: `sn` is not a country code: write the ISO 3166-1 alpha-2 code in capitals",
        Some("e.g. `SN`"),
    );
}

#[test]
fn code_must_match_the_file_name() {
    assert_error(
        &with_country_file("sn.yaml", "code: SE\nname: Senegal\nroles: [origin]\n"),
        "data/countries/sn.yaml:1:7: code `SE` does not match the file name `sn.yaml`",
        Some("rename the file to `se.yaml` or correct the code"),
    );
}

#[test]
fn the_file_name_may_be_in_any_case() {
    let built = with_country_file("SN.yaml", "code: SN\nname: Senegal\nroles: [origin]\n").built();
    assert_eq!(built.page("/countries/sn/").text("main h1"), "Senegal");
}

#[test]
fn name_is_required() {
    let error = only_error(&with_country_file("sn.yaml", "code: SN\nroles: [origin]\n"));
    assert!(error.first.starts_with("data/countries/sn.yaml:"), "{error:#?}");
    assert!(error.first.ends_with(": missing required field `name`"), "{error:#?}");
    assert_eq!(error.help.as_deref(), Some("add `name: ...`"));
}

#[test]

fn a_missing_field_is_located_at_the_mapping_that_lacks_it() {
    assert_error(
        &with_country_file("sn.yaml", "code: SN\nroles: [origin]\nregion: Western Africa\neu_member: false\n"),
        "data/countries/sn.yaml:1:1: missing required field `name`",
        Some("add `name: ...`"),
    );
}

#[test]
fn name_must_not_be_empty() {
    assert_error(
        &with_country_file("sn.yaml", "code: SN\nname: \"  \"\nroles: [origin]\n"),
        "data/countries/sn.yaml:2:7: `name` is empty",
        None,
    );
}

#[test]
fn name_in_text_must_not_be_empty() {
    assert_error(
        &with_country_file("sn.yaml", "code: SN\nname: Senegal\nname_in_text: \"\"\nroles: [origin]\n"),
        "data/countries/sn.yaml:3:15: `name_in_text` is empty",
        Some("give the name as it stands inside a sentence (`the Netherlands`), or leave the field out"),
    );
}

#[test]
fn name_in_text_stands_in_sentences_and_name_in_titles() {
    let built = TestSite::fixture("data-basic")
        .file("data/countries/sn.yaml", "code: SN\nname: Gambia\nname_in_text: the Gambia\nroles: [origin]\n")
        .built();
    let page = built.page("/countries/sn/");
    assert_eq!(page.text("h1"), "Gambia");
    assert_eq!(
        page.attrs("meta[name=description]", "content")[0].split(':').next(),
        Some("Country profile of the Gambia")
    );
    let report = built.page("/countries/sn/report/");
    assert!(
        report.text(".report__summary").starts_with("The Gambia is a country of origin"),
        "{}",
        report.text(".report__summary")
    );
    assert!(report.text(".report__summary").contains("No current measure of the Gambia towards"));
}

#[test]
fn roles_must_not_be_empty() {
    assert_error(
        &with_country_file("sn.yaml", "code: SN\nname: Senegal\nroles: []\n"),
        "data/countries/sn.yaml:3:8: `roles` is empty",
        Some("give `[origin]`, `[destination]` or both"),
    );
}

#[test]
fn an_unknown_role_gets_a_suggestion() {
    assert_error(
        &with_country_file("sn.yaml", "code: SN\nname: Senegal\nroles: [origin, destinaton]\n"),
        "data/countries/sn.yaml:3:17: unknown value `destinaton`",
        Some("did you mean `destination`?"),
    );
}

#[test]
fn an_unknown_field_gets_a_did_you_mean() {
    assert_error(
        &with_senegal("regoin: Western Africa\n"),
        "data/countries/sn.yaml:4:1: unknown field `regoin`",
        Some("did you mean `region`?"),
    );
}

#[test]
fn a_key_may_appear_once() {
    assert_error(
        &with_country_file("sn.yaml", "code: SN\nname: Senegal\nname: Senegal again\nroles: [origin]\n"),
        "data/countries/sn.yaml:3:1: duplicate mapping key `name`",
        Some("each key may appear once; remove one of them"),
    );
}

#[test]
fn source_ids_are_unique_within_a_file() {
    let site = with_senegal(&format!(
        "{SOURCE_A}  - id: a\n    title: Another\nmeasures:\n  - title: Outreach\n    mode: active\n    effect: concordant\n    sources: [a]\n"
    ));
    assert_error(&site, "data/countries/sn.yaml:7:9: source `a` is listed twice in this file", None);
}

#[test]
fn a_measure_must_cite_a_listed_source() {
    assert_error(
        &with_senegal(
            "sources:\n  - id: ansd-2021\n    title: A\nmeasures:\n  - title: B\n    mode: active\n    effect: concordant\n    sources: [ansd-2022]\n",
        ),
        "data/countries/sn.yaml:11:15: source `ansd-2022` is not listed under `sources` in this file",
        Some("did you mean `ansd-2021`?"),
    );
}

/// Senegal with one source on lines 4-6 and `measure` as its only measure,
/// starting on line 8 (`  - title: X` on line 8, the next field on line 9).
fn with_one_measure(measure: &str) -> TestSite {
    with_senegal(&format!("{SOURCE_A}measures:\n  - title: X\n{measure}    sources: [a]\n"))
}

#[test]
fn a_context_item_may_not_be_coded() {
    // An act of the EU is shown, never counted: each coding field is refused
    // where it is written, all at once.
    let errors = reported(&with_one_measure("    actor: eu\n    mode: active\n    weight: 2\n"));
    let firsts: Vec<&str> = errors.iter().map(|e| e.first.as_str()).collect();
    assert_eq!(
        firsts,
        [
            "data/countries/sn.yaml:10:11: `mode` on an act of the EU: only the origin state's own measures are coded; this item is context",
            "data/countries/sn.yaml:11:13: `weight` on an act of the EU: only the origin state's own measures are coded; this item is context",
        ]
    );
    assert_eq!(
        errors[0].help.as_deref(),
        Some(
            "remove `mode` (context is shown on the country page, never counted), or write `actor: origin` if the origin state itself acted"
        )
    );
    // A context item without coding is fine, and the profile lists it apart.
    let built = with_one_measure("    actor: destination\n    since: 2020\n").built();
    let page = built.page("/countries/sn/");
    assert_eq!(page.texts(".country-context .measure__title"), ["X by a destination state · since 2020"]);
    assert_eq!(page.count(".country-typology"), 1);
    assert_eq!(page.text(".typology-class"), "Computed class: Not coded");
}

#[test]
fn a_measure_follows_the_coding_rule_of_its_kind() {
    // A `kind` alone gives the rule's cell and weight.
    let built = with_one_measure("    kind: voting-from-abroad\n").built();
    let json: serde_json::Value = serde_json::from_str(&built.text("data/countries/sn.json")).unwrap();
    assert_eq!(json["typology"]["class"], "passive-concordance");
    assert_eq!(json["typology"]["measures"][0]["kind"], "voting-from-abroad");
    assert_eq!(json["typology"]["measures"][0]["weight"], 1);
    // Written values must agree with the rule, each reported where it is written.
    let errors = reported(&with_one_measure("    kind: voting-from-abroad\n    mode: active\n    weight: 2\n"));
    let firsts: Vec<&str> = errors.iter().map(|e| e.first.as_str()).collect();
    assert_eq!(
        firsts,
        [
            "data/countries/sn.yaml:10:11: `mode: active` departs from the coding rule of `voting-from-abroad`, which codes every such measure passive concordance with weight 1",
            "data/countries/sn.yaml:11:13: `weight: 2` departs from the coding rule of `voting-from-abroad`, which codes every such measure passive concordance with weight 1",
        ]
    );
    assert_eq!(
        errors[0].help.as_deref(),
        Some(
            "write `mode: passive` or leave `mode` out; a measure the rule does not fit needs another `kind` (the rules are on the method page)"
        )
    );
    // An unknown kind suggests the nearest one; no kind needs mode and effect.
    assert_error(
        &with_one_measure("    kind: voting-abroad\n"),
        "data/countries/sn.yaml:9:11: unknown measure kind `voting-abroad`",
        Some("did you mean `voting-from-abroad`?"),
    );
    let error = only_error(&with_one_measure("    mode: active\n"));
    assert_eq!(error.first, "data/countries/sn.yaml:8:12: measure `X` has no `effect`");
}

#[test]
fn working_notes_in_published_text_are_located_warnings() {
    let built = fixture()
        .file("content/notes.md", "---\ntitle: Notes\n---\nVoting rules were not verified.\n\n```\nTODO in code is fine\n```\n")
        .file(
            "data/countries/sn.yaml",
            "code: SN\nname: Senegal\nroles: [origin]\n# TODO: comments are not published\nsummary: Figures to be confirmed before publishing.\n",
        )
        .built();
    let warnings: Vec<String> = built
        .warnings
        .iter()
        .filter(|w| w.to_string().contains("working note"))
        .map(|w| w.to_string().lines().next().unwrap().to_string())
        .collect();
    assert_eq!(
        warnings,
        [
            "content/notes.md:4:19: warning: published text contains a working note: “not verified”",
            "data/countries/sn.yaml:5:18: warning: published text contains a working note: “to be confirmed”",
            "data/countries/sn.yaml:5:34: warning: published text contains a working note: “before publishing”",
        ]
    );
}

#[test]
fn sources_are_cited_with_author_title_date_identifier_and_address() {
    let built = with_senegal(
        "sources:\n  - id: a\n    author: European Commission\n    title: New Pact on Migration and Asylum\n    date: 2020-09-23\n    identifier: COM(2020) 609 final\n    url: https://eur-lex.europa.eu/\nmeasures:\n  - title: X\n    kind: voting-from-abroad\n    sources: [a]\n",
    )
    .built();
    let page = built.page("/countries/sn/");
    assert_eq!(
        page.texts(".source-list li"),
        ["European Commission, New Pact on Migration and Asylum, 2020-09-23, COM(2020) 609 final."]
    );
    assert_eq!(page.attrs(".source-list li a", "href"), ["https://eur-lex.europa.eu/"]);
    assert_error(
        &with_senegal("sources:\n  - id: a\n    title: A\n    date: 2020-13\n"),
        "data/countries/sn.yaml:7:11: `2020-13` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
        None,
    );
}

#[test]
fn a_diaspora_entry_must_cite_a_listed_source() {
    assert_error(
        &with_diaspora("ES", "2022", "ansd"),
        "data/countries/sn.yaml:11:13: source `ansd` is not listed under `sources` in this file",
        Some("expected one of `a`"),
    );
}

#[test]
fn a_diaspora_destination_needs_a_profile() {
    assert_error(
        &with_diaspora("FR", "2022", "a"),
        "data/countries/sn.yaml:8:18: diaspora destination `FR` has no profile in data/countries/",
        Some("expected one of `DE`, `ES`, `IT`, `MA`, `SN`, `TR`"),
    );
}

#[test]
fn a_diaspora_destination_must_have_the_destination_role() {
    assert_error(
        &with_diaspora("TR", "2022", "a"),
        "data/countries/sn.yaml:8:18: `TR` (Türkiye) is not a destination: its `roles` lack `destination`",
        None,
    );
}

#[test]

fn a_quoted_diaspora_destination_is_located_at_its_value() {
    assert_error(
        &with_diaspora("\"TR\"", "2022", "a"),
        "data/countries/sn.yaml:8:18: `TR` (Türkiye) is not a destination: its `roles` lack `destination`",
        None,
    );
}

#[test]

fn a_diaspora_destination_is_located_at_its_entry_not_at_the_same_words_elsewhere() {
    let site = with_senegal(&format!(
        "summary: |\n  Main destination: TR and ES.\n{SOURCE_A}diaspora:\n  - destination: TR\n    population: 1200\n    year: 2022\n    source: a\n"
    ));
    assert_error(
        &site,
        "data/countries/sn.yaml:10:18: `TR` (Türkiye) is not a destination: its `roles` lack `destination`",
        None,
    );
}

#[test]
fn a_diaspora_year_must_be_within_1900_2100() {
    for year in ["1899", "2101"] {
        assert_error(
            &with_diaspora("ES", year, "a"),
            &format!("data/countries/sn.yaml:10:11: year {year} is outside 1900-2100"),
            None,
        );
    }
}

#[test]
fn a_weight_must_be_1_to_3() {
    for weight in ["0", "4"] {
        assert_error(
            &with_measure(&format!("    weight: {weight}\n")),
            &format!("data/countries/sn.yaml:12:13: weight {weight} is outside 1-3"),
            Some("1 = minor, 2 = clear, 3 = strong and direct effect on integration"),
        );
    }
}

#[test]
fn a_measure_cannot_end_before_it_starts() {
    assert_error(
        &with_measure("    since: 2000\n    until: 1990\n"),
        "data/countries/sn.yaml:13:12: `until` 1990 is before `since` 2000",
        None,
    );
}

#[test]
fn a_measure_year_must_be_within_1900_2100() {
    assert_error(
        &with_measure("    since: 1899\n"),
        "data/countries/sn.yaml:12:12: `since` 1899 is outside 1900-2100",
        None,
    );
}

#[test]
fn an_unknown_typology_class_gets_a_suggestion() {
    assert_error(
        &with_measure("typology:\n  class: active-concord\n  rationale: Experts say so.\n"),
        "data/countries/sn.yaml:13:10: unknown typology class `active-concord`",
        Some("did you mean `active-concordance`?"),
    );
}

#[test]
fn an_expert_class_needs_a_rationale() {
    assert_error(
        &with_measure("typology:\n  class: passive-concordance\n"),
        "data/countries/sn.yaml:13:10: an expert `class` needs a `rationale`",
        Some("explain under `rationale:` why the class differs from the computed one"),
    );
}

#[test]
fn only_an_origin_can_have_measures() {
    let site = with_country_file(
        "fr.yaml",
        &format!(
            "code: FR\nname: France\nroles: [destination]\n{SOURCE_A}measures:\n  - title: Outreach\n    mode: active\n    effect: concordant\n    sources: [a]\n"
        ),
    );
    assert_error(
        &site,
        "data/countries/fr.yaml:3:8: only an origin country can have `measures`",
        Some("add `origin` to `roles`"),
    );
}

#[test]
fn two_profiles_with_the_same_code_are_an_error() {
    let site = with_country_file("MA.yaml", "code: MA\nname: Morocco again\nroles: [origin]\n");
    let files = std::fs::read_dir(site.path().join("data/countries")).unwrap().count();
    if files != 6 {
        eprintln!("skipped: the temporary folder is on a case-insensitive file system");
        return;
    }
    // Files are read in name order: `MA.yaml` before `ma.yaml`.
    assert_error(
        &site,
        "data/countries/ma.yaml:1:7: country `MA` is already defined in `data/countries/MA.yaml`",
        None,
    );
}

// ------------------------------------------------------------- indicators

/// An indicator file: `id` on line 1, `unit` on line 3, `scope` on line 5;
/// `rest` starts on line 7.
fn indicator_yaml(id: &str, scope: &str, rest: &str) -> String {
    format!(
        "id: {id}\ntitle: Extra indicator\nunit: percent\nhigher_is_better: true\nscope: {scope}\nsource: {{title: Test source}}\n{rest}"
    )
}

/// The fixture plus `data/indicators/extra.yaml` (country scope); `rest` starts on line 7.
fn with_indicator(rest: &str) -> TestSite {
    fixture().file("data/indicators/extra.yaml", &indicator_yaml("extra", "country", rest))
}

/// The fixture plus a country-scoped indicator whose `values:` lines start on line 8.
fn with_values(values: &str) -> TestSite {
    with_indicator(&format!("values:\n{values}"))
}

/// The fixture plus a corridor-scoped indicator whose `values:` lines start on line 8.
fn with_corridor_values(values: &str) -> TestSite {
    fixture().file("data/indicators/extra.yaml", &indicator_yaml("extra", "corridor", &format!("values:\n{values}")))
}

#[test]
fn indicator_id_must_match_the_file_name() {
    assert_error(
        &fixture().file("data/indicators/extra.yaml", &indicator_yaml("other", "country", "")),
        "data/indicators/extra.yaml:1:5: id `other` does not match the file name `extra.yaml`",
        Some("rename the file to `other.yaml` or change the id to `extra`"),
    );
}

#[test]
fn indicator_id_must_be_a_slug() {
    assert_error(
        &fixture().file("data/indicators/Extra_Rate.yaml", &indicator_yaml("Extra_Rate", "country", "")),
        "data/indicators/Extra_Rate.yaml:1:5: indicator id `Extra_Rate` may only contain a-z, 0-9 and `-`",
        None,
    );
}

#[test]
fn an_unknown_unit_gets_a_suggestion() {
    let yaml = indicator_yaml("extra", "country", "").replace("unit: percent", "unit: percentage");
    assert_error(
        &fixture().file("data/indicators/extra.yaml", &yaml),
        "data/indicators/extra.yaml:3:7: unknown value `percentage`",
        Some("did you mean `percent`?"),
    );
}

#[test]
fn compare_with_must_name_an_indicator() {
    assert_error(
        &with_indicator("compare_with: employment-rates\n"),
        "data/indicators/extra.yaml:7:15: `compare_with` names `employment-rates`, which is not an indicator of this site",
        Some("did you mean `employment-rate`?"),
    );
}

#[test]
fn compare_with_must_have_the_same_scope() {
    assert_error(
        &with_indicator("compare_with: corridor-population\n"),
        "data/indicators/extra.yaml:7:15: `corridor-population` has another scope; `compare_with` needs an indicator of the same scope",
        None,
    );
}

#[test]
fn compare_with_cannot_name_the_indicator_itself() {
    assert_error(
        &with_indicator("compare_with: extra\n"),
        "data/indicators/extra.yaml:7:15: an indicator cannot be compared with itself",
        None,
    );
}

#[test]
fn values_must_be_keyed_by_countries_of_the_site() {
    // No two-letter code is close enough for a "did you mean": the help lists the codes.
    assert_error(
        &with_values("  SE: {2022: 1.0}\n"),
        "data/indicators/extra.yaml:8:3: `SE` is not a country of this site",
        Some("add data/countries/se.yaml, or use a country of this site: expected one of `DE`, `ES`, `IT`, `MA`, `TR`"),
    );
}

#[test]

fn a_lower_case_country_key_suggests_the_code_in_capitals() {
    let error = only_error(&with_values("  es: {2022: 1.0}\n"));
    assert!(error.first.starts_with("data/indicators/extra.yaml:8:3: `es` "), "{error:#?}");
    assert!(!error.first.contains("no data/countries/es.yaml"), "es.yaml exists: {error:#?}");
    assert_eq!(error.help.as_deref(), Some("country codes are written in capitals: did you mean `ES`?"));
}

#[test]
fn a_value_year_must_be_within_1900_2100() {
    assert_error(
        &with_values("  ES: {1899: 50.0, 2022: 51.0}\n"),
        "data/indicators/extra.yaml:8:8: year 1899 is outside 1900-2100",
        None,
    );
    assert_error(
        &with_values("  ES: {2022: 51.0, 2101: 50.0}\n"),
        "data/indicators/extra.yaml:8:20: year 2101 is outside 1900-2100",
        None,
    );
}

#[test]
fn a_year_may_appear_once_per_series() {
    assert_error(
        &with_values("  ES: {2022: 1.0, 2022: 2.0}\n"),
        "data/indicators/extra.yaml:8:19: duplicate mapping key `2022`",
        Some("each key may appear once; remove one of them"),
    );
}

#[test]
fn an_unknown_flag_is_an_error() {
    assert_error(
        &with_values("  ES: {2022: {value: 1.0, flag: x}}\n"),
        "data/indicators/extra.yaml:8:33: unknown flag `x` in `x`; Eurostat flags are the letters bcdefnprsuz",
        None,
    );
}

#[test]
fn a_repeated_flag_is_an_error() {
    assert_error(
        &with_values("  ES: {2022: {value: 1.0, flag: pp}}\n"),
        "data/indicators/extra.yaml:8:33: flag `p` is repeated in `pp`",
        None,
    );
}

#[test]
fn an_unknown_key_in_a_value_gets_a_suggestion() {
    assert_error(
        &with_values("  ES: {2022: {value: 1, flg: p}}\n"),
        "data/indicators/extra.yaml:8:25: unknown field `flg`",
        Some("did you mean `flag`?"),
    );
}

#[test]

fn a_text_value_is_an_error_at_the_value() {
    let error = only_error(&with_values("  ES:\n    2021: 50.0\n    2022: abc\n"));
    assert_eq!(error.first, "data/indicators/extra.yaml:10:11: expected a number, found the text `abc`");
    assert_eq!(error.help.as_deref(), Some("a value is a number, `null`, or `{value: 1.5, flag: p, note: ...}`"));
}

#[test]

fn a_list_value_is_an_error_at_the_value() {
    let error = only_error(&with_values("  ES:\n    2021: 50.0\n    2022: [1, 2]\n"));
    assert_eq!(error.first, "data/indicators/extra.yaml:10:11: expected a number, found a list");
}

#[test]

fn a_text_in_value_says_a_number_is_expected() {
    assert_error(
        &with_values("  ES:\n    2022:\n      value: abc\n"),
        "data/indicators/extra.yaml:10:14: expected a number or `null`, found the text `abc`",
        Some("a value is a number, `null`, or `{value: 1.5, flag: p, note: ...}`"),
    );
}

#[test]
fn a_value_mapping_needs_value() {
    assert_error(
        &with_values("  ES: {2022: {flag: p}}\n"),
        "data/indicators/extra.yaml:8:15: missing required field `value`",
        Some("add `value: ...`"),
    );
}

#[test]
fn a_corridor_origin_needs_the_origin_role() {
    assert_error(
        &with_corridor_values("  ES-DE: {2022: 1}\n"),
        "data/indicators/extra.yaml:8:3: `ES` (Spain) is not an origin: corridor `ES-DE` needs it to have `origin` in its roles",
        None,
    );
}

#[test]

fn a_corridor_destination_needs_the_destination_role() {
    assert_error(
        &with_corridor_values("  MA-TR: {2022: 1}\n"),
        "data/indicators/extra.yaml:8:3: `TR` (Türkiye) is not a destination: corridor `MA-TR` needs it to have `destination` in its roles",
        None,
    );
}

#[test]
fn a_corridor_key_needs_a_dash() {
    assert_error(
        &with_corridor_values("  MAES: {2022: 1}\n"),
        "data/indicators/extra.yaml:8:3: `MAES` is not a corridor key: write ORIGIN-DESTINATION, e.g. `MA-ES`",
        None,
    );
}

#[test]
fn a_country_key_in_a_corridor_indicator_is_an_error() {
    assert_error(
        &with_corridor_values("  MA-ES: {2022: 1}\n  ES: {2022: 1}\n"),
        "data/indicators/extra.yaml:9:3: `ES` is not a corridor key: write ORIGIN-DESTINATION, e.g. `MA-ES`",
        None,
    );
}

#[test]
fn a_corridor_country_must_exist() {
    assert_error(
        &with_corridor_values("  MA-FR: {2022: 1}\n"),
        "data/indicators/extra.yaml:8:3: `FR` in `MA-FR` is not a country of this site",
        Some("expected one of `DE`, `ES`, `IT`, `MA`, `TR`"),
    );
}

#[test]
fn a_country_key_in_a_country_indicator_with_a_dash_hints_at_the_scope() {
    assert_error(
        &with_values("  MA-ES: {2022: 1.0}\n"),
        "data/indicators/extra.yaml:8:3: `MA-ES` is not a country of this site",
        Some("this indicator has `scope: country`; corridor keys like `MA-ES` need `scope: corridor`"),
    );
}

#[test]
fn a_reference_key_cannot_be_a_country() {
    assert_error(
        &with_indicator("reference:\n  ES: {2022: 1.0}\n"),
        "data/indicators/extra.yaml:8:3: `ES` is a country; `reference` is for aggregates such as `EU27`",
        Some("move it under `values`"),
    );
}

// -------------------------------------------------- any YAML data file

#[test]
fn an_empty_file_is_an_error() {
    assert_error(
        &with_country_file("sn.yaml", ""),
        "data/countries/sn.yaml:1:1: no YAML here: the file is empty",
        None,
    );
}

#[test]

fn a_file_with_only_comments_is_empty() {
    assert_error(
        &with_country_file("sn.yaml", "\n# to do\n"),
        "data/countries/sn.yaml:1:1: no YAML here: the file is empty",
        None,
    );
}

#[test]
fn a_list_where_a_mapping_belongs_is_an_error() {
    assert_error(
        &with_country_file("sn.yaml", "- a\n"),
        "data/countries/sn.yaml:1:1: expected a mapping of `key: value` lines",
        None,
    );
}

#[test]
fn invalid_utf8_is_located_at_the_first_bad_byte() {
    let site = fixture();
    std::fs::write(site.path().join("data/countries/sn.yaml"), b"code: SN\nname: S\xe9n\xe9gal\nroles: [origin]\n")
        .unwrap();
    assert_error(
        &site,
        "data/countries/sn.yaml:2:8: file is not valid UTF-8 text",
        Some("save the file with UTF-8 encoding"),
    );
}

#[test]
fn an_alias_bomb_is_refused() {
    // Billion laughs: nine levels of ten aliases each. Strict schemas stop at the
    // first anchor, which is not a field of a profile: nothing is expanded.
    let mut yaml =
        String::from("code: SN\nname: Senegal\nroles: [origin]\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"].iter().zip(["b", "c", "d", "e", "f", "g", "h", "i"]) {
        yaml.push_str(&format!("{name}: &{name} [{}]\n", vec![format!("*{prev}"); 10].join(",")));
    }
    let started = std::time::Instant::now();
    let error = only_error(&with_country_file("sn.yaml", &yaml));
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert_eq!(error.first, "data/countries/sn.yaml:4:1: unknown field `a`");
}

#[test]
fn too_many_aliases_are_refused() {
    // 1,500 aliases where a list of source ids belongs; the budget allows 1,000.
    // `sources: [` ends at column 14; `&s a, ` takes columns 15-20, then each
    // `*s, ` four: the 1,001st alias starts at 21 + 4 * 1000 = 4021.
    let aliases = vec!["*s"; 1500].join(", ");
    let site = with_senegal(&format!(
        "{SOURCE_A}measures:\n  - title: Outreach\n    mode: active\n    effect: concordant\n    sources: [&s a, {aliases}]\n"
    ));
    assert_error(
        &site,
        "data/countries/sn.yaml:11:4021: YAML is too deeply nested or expands too many aliases",
        Some("simplify the file; polibrief refuses YAML that could exhaust memory"),
    );
}

#[test]
fn absurd_nesting_is_refused() {
    // 200 nested lists where a list of source ids belongs: refused at the first
    // inner list, at column 15.
    let nested = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let site = with_senegal(&format!(
        "{SOURCE_A}measures:\n  - title: Outreach\n    mode: active\n    effect: concordant\n    sources: {nested}\n"
    ));
    assert_error(&site, "data/countries/sn.yaml:11:15: expected text", None);
    // 100,000 levels: the parser stops at level 256 (column 14 + 255) without
    // exhausting the stack.
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let site = with_senegal(&format!(
        "{SOURCE_A}measures:\n  - title: Outreach\n    mode: active\n    effect: concordant\n    sources: {nested}\n"
    ));
    assert_error(
        &site,
        "data/countries/sn.yaml:11:269: YAML is too deeply nested or expands too many aliases",
        Some("simplify the file; polibrief refuses YAML that could exhaust memory"),
    );
}

// ------------------------------------------------- config and content

#[test]
fn main_indicators_must_name_indicators() {
    let config = "title: Data fixture\nbase_url: https://org.example/sub\nmain_indicators: [employment-rate, naturalisation-rates]\n";
    assert_error(
        &fixture().file("config.yaml", config),
        "config.yaml:3:36: `main_indicators` names `naturalisation-rates`, which is not an indicator of this site",
        Some("did you mean `naturalisation-rate`?"),
    );
}

#[test]
fn a_narrative_needs_its_country() {
    assert_error(
        &fixture().file("content/countries/zz.md", "---\ntitle: Nowhere\n---\nText.\n"),
        "content/countries/zz.md:1:1: no page is generated at `/countries/zz/` for this narrative",
        Some(
            "files in content/countries/, content/indicators/ and content/corridors/ are named after a country code, an indicator id or a corridor (`ma-es`)",
        ),
    );
}

// ------------------------------------------------------ all at once

/// Three files broken at once.
fn three_broken_files() -> TestSite {
    fixture()
        .file(
            "config.yaml",
            "title: Data fixture\nbase_url: https://org.example/sub\nmain_indicators: [employment-rates]\n",
        )
        .file("data/countries/sn.yaml", "code: sn\nname: Senegal\nroles: [origin]\n")
        .file("data/indicators/extra.yaml", &indicator_yaml("other", "country", ""))
}

#[test]
fn every_broken_file_is_reported_in_one_run() {
    let firsts: Vec<String> = reported(&three_broken_files()).into_iter().map(|r| r.first).collect();
    assert_eq!(
        firsts,
        [
            "config.yaml:3:19: `main_indicators` names `employment-rates`, which is not an indicator of this site",
            "data/countries/sn.yaml:1:7: `sn` is not a country code: write the ISO 3166-1 alpha-2 code in capitals",
            "data/indicators/extra.yaml:1:5: id `other` does not match the file name `extra.yaml`",
        ]
    );
}

#[test]
fn the_binary_exits_1_and_writes_nothing() {
    let site = three_broken_files();
    let assert = site.command().arg("build").assert().code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for first in [
        "config.yaml:3:19: `main_indicators` names `employment-rates`",
        "data/countries/sn.yaml:1:7: `sn` is not a country code",
        "data/indicators/extra.yaml:1:5: id `other` does not match the file name `extra.yaml`",
    ] {
        assert!(stderr.contains(first), "missing `{first}` in:\n{stderr}");
    }
    assert!(!site.path().join("public").exists(), "a failed build must not write public/");
}
