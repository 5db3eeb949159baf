//! Per-country reports: the report page (printable, self-contained) and
//! `polibrief report CODE` for a desk officer who needs one file.

use crate::support::*;
use predicates::prelude::*;

#[test]
fn the_report_page_has_a_title_block_a_summary_and_the_evidence() {
    let built = TestSite::fixture("data-basic").built();
    let page = built.page("/countries/es/report/");
    assert_eq!(page.text(".report__header h1"), "Spain");
    let meta = page.texts(".report__header .report__meta");
    assert_eq!(meta[0], "Data fixture", "the publication's title");
    // No `date` in config.yaml: the latest retrieval date of the indicators.
    assert_eq!(meta[1], "Country report · data as of 2025-04-01");
    // The summary, from the data (main indicators: employment-rate, naturalisation-rate):
    // ES employment 2022 55.8 (2023 is null); EU27 2022 61.4 -> 5.6 points below; 2021 54.0 -> up 1.8.
    // ES naturalisation 2022 2.3, no reference; 2021 1.9 -> up 0.4.
    assert_eq!(
        page.text(".report__summary"),
        "Spain is an EU member state and a destination of migrants. \
         Employment, non-EU citizens: 55.8 % in 2022, 5.6 points below the EU-27 figure (61.4 %); up 1.8 points since 2021. \
         Naturalisations per 100 resident non-EU citizens: 2.3 per 100 in 2022; up 0.4 points since 2021."
    );
    // The indicator table, the charts, and every source with its URL.
    assert_eq!(page.count(".report .indicator-table tbody tr"), 3);
    assert_eq!(page.count(".report figure.chart svg[role=img]"), 6);
    let sources = page.text("section[aria-labelledby=sources-title]");
    assert!(sources.contains("Eurostat"), "{sources}");
    // A running header with the country name, for print.
    assert!(
        built.text("countries/es/report/index.html").contains("@top-center { content: \"Spain · country report\"; }")
    );
    // The profile links to its report.
    assert_eq!(built.page("/countries/es/").attrs(".country__report a", "href"), ["/sub/countries/es/report/"]);
}

#[test]
fn an_origin_report_names_its_class_and_largest_communities() {
    let built = TestSite::fixture("data-basic").built();
    let summary = built.page("/countries/ma/report/").text(".report__summary");
    assert_eq!(
        summary,
        "Morocco is a country of origin of migrants living in the EU. \
         Its 4 coded measures towards nationals abroad place it in active concordance in the concordance typology. \
         The largest communities of its citizens in the EU countries with data live in Spain (812,000, 2022) and Italy (412,346, 2023)."
    );
}

#[test]
fn a_name_from_data_cannot_break_out_of_the_print_header() {
    let site = TestSite::fixture("data-basic");
    let tr = std::fs::read_to_string(site.path().join("data/countries/tr.yaml")).unwrap();
    let built = site
        .file("data/countries/tr.yaml", &tr.replace("name: Türkiye", "name: 'T\"}</style><script>x</script>'"))
        .built();
    let html = built.text("countries/tr/report/index.html");
    assert!(!html.contains("<script>x</script>"), "the name is escaped everywhere");
    assert!(!html.contains("\"}</style>"));
}

#[test]
fn the_report_command_writes_one_self_contained_file() {
    let site = TestSite::fixture("data-basic");
    site.command()
        .args(["report", "es", ".", "--out", "spain.html"])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote the report of ES to spain.html"));
    let html = std::fs::read_to_string(site.path().join("spain.html")).unwrap();
    let page = Page(scraper::Html::parse_document(&html));
    assert_eq!(page.text(".report__header h1"), "Spain");
    assert_eq!(page.count("link[rel=stylesheet]"), 0, "the stylesheets are inlined");
    assert!(page.count("style") >= 2);
    assert_eq!(page.count("figure.chart svg[role=img]"), 6, "charts are drawn, not markers");
    let relative: Vec<String> = page.attrs("a[href]", "href").into_iter().filter(|h| h.starts_with('/')).collect();
    assert!(relative.is_empty(), "every link is absolute: {relative:?}");
    assert!(!site.path().join("public").exists(), "nothing else is written");
}

#[test]
fn the_report_command_explains_an_unknown_country() {
    let site = TestSite::fixture("data-basic");
    site.command()
        .args(["report", "zz", "."])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no country `ZZ` in data/countries/"));
}
