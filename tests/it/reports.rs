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
         Naturalisations per 100 resident non-EU citizens: 2.3 per 100 in 2022; up 0.4 points since 2021. \
         The largest origin groups with data living in Spain are citizens of Morocco (812,000, 2022) and Türkiye (4,321, 2022)."
    );
    // The indicator table, the charts, and every source with its URL.
    assert_eq!(page.count(".report .indicator-table tbody tr"), 3);
    // Charts for the two main indicators only, as on the profile.
    assert_eq!(page.count(".report figure.chart svg[role=img]"), 4);
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
         Its 4 current coded measures towards nationals abroad place it in active concordance in the concordance typology. \
         The placement is fragile: a single change of weight or evidence moves it. \
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
    assert_eq!(page.count("figure.chart svg[role=img]"), 4, "charts are drawn, not placeholders");
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

/// A long note, with an address, on Spain's latest naturalisation rate.
const NOTE: &str = "Provisional: computed from the national register (https://example.org/a/very/long/address/of/the/register) before revision.";

fn site_with_a_note() -> TestSite {
    let site = TestSite::fixture("data-basic");
    let path = "data/indicators/naturalisation-rate.yaml";
    let yaml = std::fs::read_to_string(site.path().join(path)).unwrap();
    let yaml = yaml
        .replace("ES: {2021: 1.9, 2022: 2.3}", &format!("ES: {{2021: 1.9, 2022: {{value: 2.3, note: \"{NOTE}\"}}}}"));
    assert!(yaml.contains(NOTE), "the fixture changed: {yaml}");
    site.file(path, &yaml)
}

#[test]
fn a_value_note_is_a_numbered_note_below_the_indicator_table() {
    let built = site_with_a_note().built();
    let page = built.page("/countries/es/report/");
    let row = "section[aria-labelledby=indicators-title] .indicator-table tbody tr:nth-child(3)";
    assert!(page.text(&format!("{row} th")).starts_with("Naturalisations per 100"));
    // The value cell reads "2.3" and a marker, not the note.
    assert_eq!(page.text(&format!("{row} td:nth-of-type(1)")), "2.31");
    assert_eq!(page.text(&format!("{row} td:nth-of-type(1) sup.table-note-ref")), "1");
    assert_eq!(page.attrs(&format!("{row} sup.table-note-ref a"), "href"), ["#indicator-note-1"]);
    assert!(!page.text(".indicator-table").contains("Provisional"), "the note is not inside the table");
    // The note, numbered, right below the table.
    assert_eq!(page.attrs("ol.table-notes li", "id"), ["indicator-note-1"]);
    assert_eq!(page.text("ol.table-notes li"), format!("Naturalisations per 100 resident non-EU citizens: {NOTE}"));
    assert_eq!(page.count(".indicator-table + ol.table-notes, .table-scroll + ol.table-notes"), 1);
    // Without notes, no list.
    let plain = TestSite::fixture("data-basic").built();
    assert_eq!(plain.page("/countries/es/report/").count("ol.table-notes"), 0);
}

#[test]
fn a_destination_report_lists_its_corridors_by_size() {
    let built = TestSite::fixture("data-basic").built();
    let page = built.page("/countries/es/report/");
    assert_eq!(page.text("#corridors-title"), "Corridors into Spain");
    let rows: Vec<String> = page.texts("section[aria-labelledby=corridors-title] tbody tr");
    assert_eq!(
        rows,
        [
            "Morocco 812,000 2022 Morocco → Spain Eurostat, population by citizenship",
            "Türkiye 4,321 2022 Türkiye → Spain Eurostat, population by citizenship"
        ]
    );
    let corridor_links = page.attrs("section[aria-labelledby=corridors-title] td a", "href");
    assert_eq!(corridor_links, ["/sub/corridors/ma-es/", "/sub/corridors/tr-es/"]);
    for href in corridor_links {
        assert!(built.has(&format!("{}index.html", href.trim_start_matches("/sub/"))), "{href} exists");
    }
    // The figures' source is among the report's sources.
    assert!(page.text("#indicator-sources + ul").contains("Citizens of the origin country living in the destination"));
    // An origin that is no destination has no such section.
    assert_eq!(built.page("/countries/ma/report/").count("#corridors-title"), 0);
}

#[test]
fn the_report_prints_its_own_address_once_and_internal_addresses_in_full() {
    let built = TestSite::fixture("data-basic").built();
    let page = built.page("/countries/es/report/");
    // The address is the link's text: print.css adds nothing after `a.url`.
    assert_eq!(page.attrs("a.url", "href"), ["https://org.example/sub/countries/es/report/"]);
    assert_eq!(page.text("a.url"), "https://org.example/sub/countries/es/report/");
    // print.css writes root-relative links out against the site's origin.
    let html = built.text("countries/es/report/index.html");
    assert!(html.contains("--site-origin: \"https://org.example\";"), "{html}");
    let css = built.text("css/print.css");
    assert!(css.contains("var(--site-origin) attr(href)"));
}

#[test]
fn country_pages_link_to_no_pdf_without_pdf_output() {
    let built = TestSite::fixture("data-basic").built();
    for code in ["es", "ma"] {
        let page = built.page(&format!("/countries/{code}/"));
        assert!(page.attrs("a[href]", "href").iter().all(|h| !h.ends_with(".pdf")), "{code}");
        assert!(
            built
                .page(&format!("/countries/{code}/report/"))
                .attrs("a[href]", "href")
                .iter()
                .all(|h| !h.ends_with(".pdf"))
        );
    }
}
