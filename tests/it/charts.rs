//! Charts on pages: the `chart(...)` shortcode and the charts generated
//! pages carry. Each chart is checked as a reader meets it: the picture
//! (an accessible SVG), its caption, its text summary, the numbers in a
//! table and the link to the CSV.

use crate::support::*;

fn with_page(body: &str) -> TestSite {
    TestSite::fixture("data-basic").file("content/notes.md", &format!("---\ntitle: Notes\n---\n{body}"))
}

fn figures(page: &Page) -> Vec<scraper::ElementRef<'_>> {
    page.select("figure.chart")
}

#[test]
fn a_bar_chart_shortcode_gives_a_complete_figure() {
    let built = with_page("Intro.\n\n{{ chart(indicator=\"employment-rate\", year=2022) }}\n").built();
    let page = built.page("/notes/");
    assert_eq!(figures(&page).len(), 1);
    assert_eq!(page.text("figure.chart figcaption"), "Employment, non-EU citizens, 2022");
    // The picture: an accessible SVG with a title and a description.
    assert_eq!(page.attrs("figure.chart svg", "role"), ["img"]);
    assert_eq!(page.text("figure.chart svg > title"), "Employment, non-EU citizens, 2022");
    let summary = page.text("figure.chart .chart__summary");
    assert_eq!(page.text("figure.chart svg > desc"), summary);
    assert!(summary.starts_with("Highest: Germany (63.0 %). Lowest: Spain (55.8 %)."), "{summary}");
    // One bar label per country with a value in 2022, sorted by value.
    let svg = page.select("figure.chart svg")[0].html();
    for label in ["Germany", "Italy", "Spain", "63.0", "57.5", "55.8"] {
        assert!(svg.contains(&format!(">{label}")), "{label} missing from the SVG");
    }
    // The numbers in a table, highest first, with the EU-27 aggregate last.
    let rows: Vec<String> = page
        .select("figure.chart tbody tr")
        .iter()
        .map(|tr| {
            tr.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| normalize(&c.text().collect::<String>()))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert_eq!(rows, ["Germany | 63.0bp", "Italy | 57.5", "Spain | 55.8p", "EU-27 | 61.4"]);
    // The CSV link points at a file of the site.
    let csv = page.attrs("figure.chart .chart__download a", "href");
    assert_eq!(csv, ["/sub/data/indicators/employment-rate.csv"]);
    assert!(built.has("data/indicators/employment-rate.csv"));
}

#[test]
fn each_kind_draws_from_the_shortcode() {
    let body = [
        "{{ chart(indicator=\"employment-rate\", kind=\"line\", countries=\"ES,IT\") }}",
        "{{ chart(indicator=\"employment-rate\", kind=\"gap\") }}",
        "{{ chart(indicator=\"employment-rate\", kind=\"map\", year=2022) }}",
        "{{ chart(indicator=\"corridor-population\", kind=\"corridor\", destination=\"ES\") }}",
        "{{ chart(indicator=\"corridor-population\", origin=\"TR\", title=\"Turks <abroad> & more\") }}",
    ]
    .join("\n\n");
    let built = with_page(&body).built();
    let page = built.page("/notes/");
    assert_eq!(
        page.attrs("figure.chart", "class"),
        ["chart chart--line", "chart chart--gap", "chart chart--map", "chart chart--corridor", "chart chart--corridor"]
    );
    // Line: two series (Spain, Italy) and the EU-27 reference; the table has a column per year.
    assert_eq!(page.texts("figure.chart--line thead th"), ["Country", "2021", "2022", "2023"]);
    assert_eq!(page.texts("figure.chart--line tbody th"), ["Italy", "Spain", "EU-27"]);
    // Map: a region per country of the geometry, the three with data classed.
    let map = &page.select("figure.chart--map svg")[0];
    let regions = map.select(&scraper::Selector::parse("[data-code]").unwrap()).count();
    assert!(regions > 40, "{regions} regions");
    // A title from the shortcode is escaped once, in the caption and the SVG.
    let last = page.select("figure.chart--corridor")[1].html();
    assert!(last.contains("Turks &lt;abroad&gt; &amp; more"), "{last}");
    assert!(!last.contains("<abroad>"));
}

#[test]
fn a_chart_used_on_two_pages_is_the_same_svg() {
    let shortcode = "{{ chart(indicator=\"employment-rate\", year=2022) }}\n";
    let built = with_page(shortcode).file("content/more.md", &format!("---\ntitle: More\n---\n{shortcode}")).built();
    let one = built.page("/notes/").select("figure.chart svg")[0].html();
    let two = built.page("/more/").select("figure.chart svg")[0].html();
    assert_eq!(one, two);
}

#[test]
fn an_empty_selection_is_a_located_error() {
    let site = with_page("Intro.\n\n{{ chart(indicator=\"employment-rate\", year=1990) }}\n");
    let text = site.error_text();
    assert!(
        text.starts_with("content/notes.md:6:1: `employment-rate` has no values in 1990 for the countries asked for"),
        "{text}"
    );
}

#[test]
fn chart_arguments_are_checked_where_they_are_written() {
    let site = with_page(
        "{{ chart(indicator=\"employment-rat\") }}\n\n{{ chart(indicator=\"employment-rate\", kind=\"pie\") }}\n\n{{ chart(indicator=\"employment-rate\", countries=\"ES,XX\") }}\n\n{{ chart(indicator=\"employment-rate\", kind=\"corridor\") }}\n\n{{ chart(indicator=\"naturalisation-rate\", kind=\"gap\") }}\n",
    );
    insta::assert_snapshot!(site.error_text());
}

#[test]
fn indicator_pages_carry_bar_line_map_and_gap_charts() {
    let built = TestSite::fixture("data-basic").built();
    let paired = built.page("/indicators/employment-rate/");
    assert_eq!(
        paired.attrs("figure.chart", "class"),
        ["chart chart--bar", "chart chart--line", "chart chart--map", "chart chart--gap"]
    );
    let single = built.page("/indicators/naturalisation-rate/");
    assert_eq!(single.attrs("figure.chart", "class"), ["chart chart--bar", "chart chart--line", "chart chart--map"]);
    let corridor = built.page("/indicators/corridor-population/");
    assert_eq!(corridor.attrs("figure.chart", "class"), ["chart chart--corridor"]);
    for figure in paired.select("figure.chart") {
        let html = figure.html();
        assert!(html.contains("role=\"img\""), "every chart is an accessible image");
        assert!(html.contains("class=\"chart__summary\""));
        assert!(html.contains("<table"));
    }
}

#[test]
fn country_pages_chart_the_country_against_the_others_and_over_time() {
    let built = TestSite::fixture("data-basic").built();
    let spain = built.page("/countries/es/");
    let kinds = spain.attrs("section.indicator-charts figure.chart", "class");
    // Three indicators with a value for Spain: a bar and a line each.
    assert_eq!(kinds.len(), 6, "{kinds:?}");
    // The bar chart emphasises Spain.
    let bar = spain.select("section.indicator-charts figure.chart--bar svg")[0].html();
    assert!(bar.contains("chart__highlight"), "Spain is drawn emphasised");
    let morocco = built.page("/countries/ma/");
    assert_eq!(morocco.attrs(".country-typology figure.chart", "class"), ["chart chart--cells"]);
    assert_eq!(
        morocco.attrs("section[aria-labelledby=diaspora-title] figure.chart", "class"),
        ["chart chart--corridor"]
    );
    let typology = built.page("/typology/");
    assert_eq!(typology.attrs("figure.chart", "class"), ["chart chart--quadrant"]);
}
