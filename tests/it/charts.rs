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
    // The site's two main indicators (config.yaml), both with a value for
    // Spain: a bar and a line each. The third indicator is in the table only.
    assert_eq!(kinds, ["chart chart--bar", "chart chart--line", "chart chart--bar", "chart chart--line"]);
    let charted: Vec<String> = spain.attrs("section.indicator-charts", "aria-labelledby");
    assert_eq!(charted, ["charts-employment-rate", "charts-naturalisation-rate"]);
    assert_eq!(spain.count(".indicator-table tbody tr"), 3);
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

/// The `<text>` contents of an inline SVG, in order.
fn svg_texts(svg: &scraper::ElementRef<'_>) -> Vec<String> {
    let text = scraper::Selector::parse("text").unwrap();
    svg.select(&text).map(|t| t.text().collect::<String>()).collect()
}

#[test]
fn the_quadrant_links_the_typology_csv_and_marks_expert_classifications() {
    let built = TestSite::fixture("data-basic").built();
    let page = built.page("/typology/");
    let figure = &page.select("figure.chart--quadrant")[0];
    let link = scraper::Selector::parse(".chart__download a").unwrap();
    let links: Vec<(String, String)> = figure
        .select(&link)
        .map(|a| (a.value().attr("href").unwrap_or("").to_string(), normalize(&a.text().collect::<String>())))
        .collect();
    assert_eq!(links, [("/sub/data/typology.csv".to_string(), "Download the data (CSV)".to_string())]);
    assert_eq!(
        built.text("data/typology.csv"),
        "code,country,class,tie,expert_class,active-concordance,active-discordance,passive-concordance,\
         passive-discordance,total,engagement,alignment,measures,thin_evidence,sensitivity,changes_that_move\n\
         MA,Morocco,active-concordance,,,5,0,1,2,8,0.25,0.5,4,false,fragile,1\n\
         TR,Türkiye,tie,active-discordance;passive-concordance,active-discordance,0,2,2,0,4,0,0,2,true,fragile,6\n"
    );
    // Türkiye, placed by an expert, is a diamond (hollow: its measures tie);
    // Morocco a filled circle. The legend says what the diamond means.
    let svg = &page.select("figure.chart--quadrant svg")[0];
    let point = |code: &str| {
        let css = scraper::Selector::parse(&format!(".chart__point[data-code={code}]")).unwrap();
        svg.select(&css).next().map(|e| e.value().name().to_string())
    };
    assert_eq!(point("MA").as_deref(), Some("circle"));
    assert_eq!(point("TR").as_deref(), Some("polyline"));
    let texts = svg_texts(svg);
    assert!(texts.iter().any(|t| t == "expert classification"), "{texts:?}");
    let summary = page.text("figure.chart--quadrant .chart__summary");
    assert!(summary.contains("Active discordance: 1 country (by expert classification: Türkiye)."), "{summary}");
    assert!(summary.contains("Active concordance: 1 country (Morocco)."), "{summary}");
    assert!(!summary.contains("Tied"), "Türkiye is counted where the expert placed it: {summary}");
}

#[test]
fn the_cells_table_is_headed_by_cell_and_links_the_typology_csv() {
    let built = TestSite::fixture("data-basic").built();
    let page = built.page("/countries/ma/");
    let figure = ".country-typology figure.chart--cells";
    assert_eq!(page.texts(&format!("{figure} thead th")), ["Cell", "Total weight"]);
    assert_eq!(
        page.texts(&format!("{figure} tbody th")),
        ["Active concordance", "Active discordance", "Passive concordance", "Passive discordance"]
    );
    assert_eq!(page.attrs(&format!("{figure} .chart__download a"), "href"), ["/sub/data/typology.csv"]);
    assert_eq!(
        page.text(&format!("{figure} .chart__download a")),
        "Download the cell totals of every origin country (CSV)"
    );
}

#[test]
fn the_bar_reference_label_is_whole_and_says_what_its_flag_means() {
    let built = with_page("{{ chart(indicator=\"employment-rate\", year=2023, countries=\"DE,ES,IT\") }}\n").built();
    let page = built.page("/notes/");
    let svg = &page.select("figure.chart svg")[0];
    assert!(svg_texts(svg).iter().any(|t| t == "EU-27: 62.0 e"), "{:?}", svg_texts(svg));
    let summary = page.text("figure.chart .chart__summary");
    assert!(summary.contains("EU-27: 62.0 % (e: estimated)."), "{summary}");
}

/// A 360 px phone shows a figure 328 px wide (16 px gutters): chart text of
/// font-size `s` in a viewBox `w` wide is drawn `s × 328 / w` px high.
#[test]
fn chart_text_is_at_least_12_px_on_a_360_px_phone() {
    let built = TestSite::default_site().built();
    let mut kinds = std::collections::BTreeSet::new();
    let pages = ["/typology/", "/countries/sn/", "/indicators/naturalisation-rate-non-eu/", "/corridors/sn-it/"];
    for url in pages {
        let page = built.page(url);
        for svg in page.select("svg.chart__svg") {
            kinds.insert(svg.value().attr("class").unwrap_or("").to_string());
            let view_box = svg.value().attr("viewBox").unwrap_or("");
            let width: f64 = view_box.split(' ').nth(2).and_then(|w| w.parse().ok()).unwrap_or(0.0);
            let text = scraper::Selector::parse("text").unwrap();
            for t in svg.select(&text) {
                let size: f64 = t.value().attr("font-size").and_then(|s| s.parse().ok()).unwrap_or(0.0);
                let px = size * 328.0 / width;
                assert!(px >= 12.0, "{url}: {:?} is {px:.1} px at 360 px", t.text().collect::<String>());
            }
        }
    }
    assert_eq!(kinds.len(), 7, "every kind is checked: {kinds:?}");
}

#[test]
fn a_broken_figure_template_is_an_error_on_generated_pages_too() {
    // No page of the fixture asks for a chart in Markdown: only the country,
    // indicator and corridor pages draw them.
    let site = TestSite::fixture("data-basic").file(
        "templates/partials/chart.html",
        "<figure id=\"{{ figure.id }}\">{{ figure.svg | safe }}{{ figure.no_such_field }}</figure>\n",
    );
    let text = site.error_text();
    assert!(text.starts_with("templates/partials/chart.html:1:"), "{text}");
    assert!(text.contains("no_such_field"), "{text}");
}
