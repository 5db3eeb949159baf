//! The default site at the repository root: the brief and its data.

use crate::support::*;

#[test]
fn the_default_site_builds_without_warnings() {
    let site = TestSite::default_site();
    let built = site.built();
    let warnings: Vec<String> = built.warnings.iter().map(|w| w.to_string()).collect();
    assert!(warnings.is_empty(), "{}", warnings.join("\n"));
}

#[test]
fn every_page_of_the_default_site_is_reachable_from_the_home_page_and_no_link_is_broken() {
    let built = TestSite::default_site().built();
    let links = internal_links(&built, "");
    let problems: Vec<String> = links.iter().filter_map(|(from, to)| broken(&built, "", from, to)).collect();
    assert!(problems.is_empty(), "broken links:\n{}", problems.join("\n"));

    // Walk the link graph from the home page.
    let mut reached = std::collections::BTreeSet::from(["index.html".to_string()]);
    let mut queue = vec!["index.html".to_string()];
    while let Some(from) = queue.pop() {
        for (_, to) in links.iter().filter(|(f, _)| *f == from) {
            let path = to.split(['#', '?']).next().unwrap();
            if path.is_empty() {
                continue;
            }
            let target = if path.starts_with('/') {
                let rest = path.trim_start_matches('/');
                if rest.is_empty() || rest.ends_with('/') { format!("{rest}index.html") } else { rest.to_string() }
            } else {
                continue;
            };
            if built.has(&target) && reached.insert(target.clone()) {
                queue.push(target);
            }
        }
    }
    let unreachable: Vec<String> =
        built.html_paths().into_iter().filter(|p| p != "404.html" && !reached.contains(p)).collect();
    assert!(unreachable.is_empty(), "not reachable from the home page: {unreachable:?}");
}

#[test]
fn the_brief_has_its_chapters() {
    let built = TestSite::default_site().built();
    let brief = built.page("/brief/");
    let titles = brief.texts(".section-contents .listing__title");
    assert!(titles.len() >= 6, "{titles:?}");
    let origin = built.page("/brief/origin-country/");
    assert_eq!(origin.count(".section-contents .listing__item"), 4);
}

#[test]
fn the_default_dataset_has_the_eu_27_as_destinations_and_the_fifteen_origins() {
    let built = TestSite::default_site().built();
    let page = built.page("/countries/");
    let links = page.attrs("main table.data-table tbody th[scope=row] a", "href");
    let roles = page.texts("main table.data-table tbody tr td:nth-of-type(1)");
    let eu = page.texts("main table.data-table tbody tr td:nth-of-type(3)");
    let code = |href: &String| href.trim_end_matches('/').rsplit('/').next().unwrap().to_uppercase();
    let with = |pred: &dyn Fn(usize) -> bool| -> Vec<String> {
        let mut codes: Vec<String> = (0..links.len()).filter(|&i| pred(i)).map(|i| code(&links[i])).collect();
        codes.sort();
        codes
    };
    let destinations = with(&|i| roles[i].contains("destination") && eu[i] == "yes");
    let eu_27 = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ];
    assert_eq!(destinations, eu_27);
    let origins = with(&|i| roles[i].contains("origin"));
    let mut expected = ["MA", "TR", "UA", "AL", "IN", "CN", "PH", "SN", "EG", "DZ", "TN", "RU", "RS", "EC", "CO"];
    expected.sort();
    assert_eq!(origins, expected);
    assert_eq!(links.len(), 42, "no other country");
}

#[test]
fn indicator_pages_compare_countries_in_their_well_covered_year() {
    let built = TestSite::default_site().built();
    // MIPEX overall: one edition, MIPEX 2020, keyed by its reference year
    // 2019; 13 member states have a published or marked score.
    let mipex = built.page("/indicators/mipex-overall/");
    let titles = mipex.texts("figure.chart--bar .chart__title, figure.chart--map .chart__title");
    assert_eq!(titles, ["MIPEX overall, 2019", "MIPEX overall, 2019"]);
    assert_eq!(mipex.count("figure.chart--bar .chart__data tbody tr"), 13);
    // Employment of non-EU citizens: every member state reports 2024.
    let employment = built.page("/indicators/employment-rate-non-eu/");
    let titles = employment.texts("figure.chart--bar .chart__title");
    assert_eq!(titles, ["Employment, non-EU citizens, 2024"]);
}

/// The computed class of every origin of the default site, from its JSON
/// download (which the generator computes from the coded measures).
fn computed_classes(built: &Built) -> std::collections::BTreeMap<String, (String, Vec<String>)> {
    let all: serde_json::Value = serde_json::from_str(&built.text("data/all.json")).unwrap();
    all["countries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["typology"].is_null())
        .map(|c| {
            let t = &c["typology"];
            let tie = t["tie"].as_array().map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect());
            (
                c["code"].as_str().unwrap().to_lowercase(),
                (t["class"].as_str().unwrap().to_string(), tie.unwrap_or_default()),
            )
        })
        .collect()
}

#[test]
fn the_chapters_name_the_classes_the_coded_measures_give() {
    // Each cell chapter names the countries placed in it; the names must be
    // exactly the countries whose measures put them there (a tie counts in
    // every tied cell).
    let built = TestSite::default_site().built();
    let classes = computed_classes(&built);
    assert_eq!(classes.len(), 15);
    for cell in ["active-discordance", "passive-discordance", "passive-concordance", "active-concordance"] {
        let page = built.page(&format!("/brief/origin-country/{cell}/"));
        let paragraph = page
            .select(".prose p")
            .into_iter()
            .find(|p| normalize(&p.text().collect::<String>()).starts_with("Placed in this cell by the site’s coding:"))
            .unwrap_or_else(|| panic!("{cell}: no 'Placed in this cell' paragraph"));
        let link = scraper::Selector::parse("a").unwrap();
        let mut named: Vec<String> = paragraph
            .select(&link)
            .filter_map(|a| a.value().attr("href"))
            .filter_map(|href| href.strip_prefix("/countries/"))
            .map(|code| code.trim_end_matches('/').to_string())
            .collect();
        named.sort();
        let expected: Vec<String> = classes
            .iter()
            .filter(|(_, (class, tie))| class == cell || tie.iter().any(|t| t == cell))
            .map(|(code, _)| code.clone())
            .collect();
        assert_eq!(named, expected, "{cell}");
    }
}

#[test]
fn only_the_origin_states_own_acts_are_counted() {
    let built = TestSite::default_site().built();
    let all: serde_json::Value = serde_json::from_str(&built.text("data/all.json")).unwrap();
    let mut thin = Vec::new();
    for c in all["countries"].as_array().unwrap().iter().filter(|c| !c["typology"].is_null()) {
        let code = c["code"].as_str().unwrap();
        // EU instruments are context, never measures of the origin state.
        for m in c["typology"]["measures"].as_array().unwrap() {
            let title = m["title"].as_str().unwrap();
            for instrument in
                ["Talent Partnership", "association agreement", "3/80", "Mobility Partnership", "replacement of ELCO"]
            {
                assert!(!title.contains(instrument), "{code}: `{title}` is counted as a measure of the origin state");
            }
            assert!(m["kind"].is_string(), "{code}: `{title}` follows no coding rule");
        }
        for x in c["context"].as_array().into_iter().flatten() {
            assert_ne!(x["actor"], "origin", "{code}");
        }
        let current = c["typology"]["measures"].as_array().unwrap().iter().filter(|m| m["current"] == true).count();
        if current < 3 {
            thin.push(code.to_string());
        }
    }
    // Where the shared evidence documents fewer than three measures, the
    // page says the evidence is thin.
    thin.sort();
    assert_eq!(thin, ["AL", "CN", "CO", "EC", "EG", "RS", "RU", "TN", "UA"]);
    for code in &thin {
        let page = built.page(&format!("/countries/{}/", code.to_lowercase()));
        assert_eq!(page.count(".country-typology .typology-thin"), 1, "{code}");
    }
    // Türkiye is coded in both directions; Ukraine by its 2025 law.
    let tr = built.page("/countries/tr/");
    assert_eq!(tr.texts(".country-typology h3").iter().filter(|h| h.as_str() == "Active discordance").count(), 1);
    let ua: serde_json::Value = serde_json::from_str(&built.text("data/countries/ua.json")).unwrap();
    let lost =
        ua["typology"]["measures"].as_array().unwrap().iter().find(|m| m["kind"] == "dual-nationality-lost").unwrap();
    assert_eq!((lost["until"].as_i64(), lost["current"].as_bool()), (Some(2025), Some(false)));
    assert_eq!(ua["typology"]["class"], "passive-concordance");
}

#[test]
fn the_eu_chapter_shows_every_eu_instrument_counted_as_context() {
    let built = TestSite::default_site().built();
    let all: serde_json::Value = serde_json::from_str(&built.text("data/all.json")).unwrap();
    let mut with_eu: Vec<String> = all["countries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["context"].as_array().is_some_and(|x| x.iter().any(|i| i["actor"] == "eu")))
        .map(|c| format!("/countries/{}/", c["code"].as_str().unwrap().to_lowercase()))
        .collect();
    with_eu.sort();
    let chapter = built.page("/brief/eu-role/");
    let mut listed: Vec<String> = chapter
        .select(".prose table a")
        .iter()
        .filter(|a| !a.ancestors().any(|n| n.value().as_element().is_some_and(|e| e.name() == "figure")))
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    listed.sort();
    assert_eq!(listed, with_eu);
    // Each of them shows its context on its own page, apart from its measures.
    for url in &with_eu {
        let page = built.page(url);
        assert!(page.texts(".country-context .measure__title").iter().any(|t| t.contains("by the EU")), "{url}");
    }
}

#[test]
fn the_employment_gap_reads_the_same_everywhere() {
    let built = TestSite::default_site().built();
    // The chart on the nationals' page and the one in Chapter III: nationals
    // minus non-EU citizens, Belgium +22.4, Croatia −6.8, five negative.
    for url in ["/indicators/employment-rate-nationals/", "/brief/why-emigrants-succeed/host-countries/"] {
        let page = built.page(url);
        assert_eq!(
            page.texts("figure.chart--gap .chart__title"),
            ["Employment gap (nationals minus non-EU citizens), 2024"],
            "{url}"
        );
        let header = page.texts("figure.chart--gap .chart__data thead th");
        assert_eq!(header.last().unwrap(), "Employment gap (nationals minus non-EU citizens)", "{url}");
        let rows: Vec<Vec<String>> = page
            .select("figure.chart--gap .chart__data tbody tr")
            .iter()
            .map(|tr| {
                tr.children()
                    .filter_map(scraper::ElementRef::wrap)
                    .map(|c| normalize(&c.text().collect::<String>()))
                    .collect()
            })
            .collect();
        let gap = |name: &str| rows.iter().find(|r| r[0] == name).map(|r| r[3].clone()).unwrap();
        assert_eq!((gap("Belgium"), gap("Croatia")), ("+22.4".to_string(), "−6.8".to_string()), "{url}");
        assert_eq!(rows.iter().filter(|r| r[3].starts_with('−')).count(), 5, "{url}");
        assert!(
            page.text("figure.chart--gap .chart__summary")
                .contains("is higher than Employment, nationals in 5 of 27 countries"),
            "{url}: {}",
            page.text("figure.chart--gap .chart__summary")
        );
    }
    // The text says the same: the definition, and the five negative gaps.
    let text = built.page("/brief/why-emigrants-succeed/host-countries/").text("main .prose");
    assert!(text.contains("Belgium (22.4)") && text.contains("Croatia (−6.8)"), "{text}");
    assert!(text.contains("negative in five member states"), "{text}");
    // The report of a destination states the gap with the same definition.
    let report = built.page("/countries/be/report/").text(".report__summary");
    assert!(report.contains("Employment gap (nationals minus non-EU citizens): +22.4 points in 2024."), "{report}");
    // The non-EU page has no second, opposite gap chart.
    assert_eq!(built.page("/indicators/employment-rate-non-eu/").count("figure.chart--gap"), 0);
}

#[test]
fn mipex_scores_keep_their_published_precision_and_mark_derived_values() {
    let built = TestSite::default_site().built();
    let page = built.page("/indicators/mipex-overall/");
    let labels = page.texts("figure.chart--bar svg text.chart__label");
    for label in ["69", "58.33", "40 *"] {
        assert!(labels.iter().any(|l| l == label), "{label} missing from {labels:?}");
    }
    assert!(!labels.iter().any(|l| l == "69.00" || l == "40.00"), "{labels:?}");
    // Bulgaria (published) and Poland (derived) tie at the bottom: both named,
    // and Poland's figure is marked in the bar chart's and the map's summaries.
    for kind in ["bar", "map"] {
        let summary = page.text(&format!("figure.chart--{kind} .chart__summary"));
        assert!(summary.contains("Lowest: Bulgaria and Poland (40"), "{kind}: {summary}");
        assert!(summary.contains("marked *: Poland"), "{kind}: {summary}");
    }
    // The CSV carries the caveat in its note column.
    let csv = built.text("data/indicators/mipex-overall.csv");
    let poland = csv.lines().find(|l| l.starts_with("PL,")).unwrap();
    assert!(poland.starts_with("PL,2019,40,,") && poland.contains("Derived"), "{poland}");
    // One edition, labelled by its reference year in both MIPEX indicators.
    let years: Vec<&str> = csv.lines().skip(1).map(|l| l.split(',').nth(1).unwrap()).collect();
    assert!(years.iter().all(|y| *y == "2019"), "{years:?}");
    // The report of Poland numbers the note and says so in its summary.
    let report = built.page("/countries/pl/report/");
    assert!(report.text(".report__summary").contains("MIPEX overall: 40 of 100 in 2019 (see the note to the table)"));
    assert!(report.text(".table-notes").contains("Derived, not published for Poland"));
    // Germany's profile: the same value and year as its summary, ranked among 13 in 2019.
    let de = built.page("/countries/de/");
    let row: Vec<String> = de
        .select("section[aria-labelledby=indicators-title] table tbody tr")
        .iter()
        .map(|tr| normalize(&tr.text().collect::<String>()))
        .filter(|t| t.starts_with("MIPEX overall score"))
        .collect();
    assert_eq!(row, ["MIPEX overall score (score, 0-100) 58.33 2019 7 of 13 in 2019 (highest first)"]);
    assert!(de.text(".prose").contains("its overall score is 58.33 out of 100"));
}

#[test]
fn the_quadrant_draws_fragile_placements_hollow() {
    let built = TestSite::default_site().built();
    let page = built.page("/typology/");
    let rows: Vec<(String, String)> = typology_table_cells(&page)
        .into_iter()
        .map(|cells| (cells[0].clone(), cells.last().unwrap().clone()))
        .collect();
    let robust: Vec<&str> = rows.iter().filter(|(_, s)| s == "robust").map(|(n, _)| n.as_str()).collect();
    assert_eq!(robust, ["Albania", "Colombia", "Ecuador", "Morocco"]);
    let hollow: Vec<String> = page
        .select("figure.chart--quadrant svg .chart__point")
        .iter()
        .filter(|p| p.value().attr("fill-opacity") == Some("0"))
        .filter_map(|p| p.value().attr("data-code").map(str::to_string))
        .collect();
    assert_eq!(hollow.len(), rows.len() - robust.len());
    assert!(!hollow.contains(&"MA".to_string()), "{hollow:?}");
}

/// The generated text of a page: every text node (SVG titles and summaries
/// included) outside the authors' own prose (`.prose`, which the YAML and
/// Markdown write), joined and whitespace-normalised, plus `content`
/// attributes of meta descriptions.
fn generated_text(page: &Page) -> String {
    let mut parts: Vec<String> = Vec::new();
    for node in page.0.root_element().descendants() {
        let Some(text) = node.value().as_text() else { continue };
        let in_prose = node
            .ancestors()
            .filter_map(scraper::ElementRef::wrap)
            .any(|e| e.value().classes().any(|c| c == "prose") || matches!(e.value().name(), "script" | "style"));
        if !in_prose {
            parts.push(text.to_string());
        }
    }
    parts.extend(page.attrs("meta[name=description]", "content"));
    normalize(&parts.join(" "))
}

#[test]
fn generated_sentences_name_countries_as_english_does() {
    let built = TestSite::default_site().built();
    let mut problems: Vec<String> = Vec::new();
    let names = ["Netherlands", "Philippines"];
    let before = ["in", "of", "from", "to", "into", "for", "on", "and", "with", "between", "than"];
    for path in built.html_paths() {
        let text = generated_text(&built.page(&format!("/{path}")));
        let mut bad: Vec<String> = Vec::new();
        for name in names {
            bad.extend(before.iter().map(|word| format!(" {word} {name}")));
            bad.push(format!("{name}'s"));
            // A sentence starting with the name ("Netherlands rose").
            bad.extend(["rose", "fell", "was", "is"].iter().map(|verb| format!(". {name} {verb} ")));
            bad.push(format!("{name}: no data"));
        }
        bad.extend(
            [" 0 countries", " 1 countries", " 0 measures", " 1 measures", " 1 destinations", " 1 origins"]
                .map(String::from),
        );
        for pattern in bad {
            if let Some(at) = text.find(&pattern) {
                let start = text[..at].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
                let end = text[at..].char_indices().nth(60).map_or(text.len(), |(i, _)| at + i);
                problems.push(format!("{path}: “{pattern}” in “…{}…”", &text[start..end]));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The forms that stand in their place.
    let corridor = built.page("/corridors/ph-nl/");
    assert_eq!(corridor.text(".doc__lede"), "Citizens of the Philippines living in the Netherlands.");
    assert!(corridor.text("caption").contains("origin groups in the Netherlands"), "{}", corridor.text("caption"));
    let report = built.page("/countries/nl/report/");
    assert!(report.text(".report__summary").starts_with("The Netherlands is an EU member state"));
    let typology = built.page("/typology/");
    assert!(!generated_text(&typology).contains("0 countries"));
}

/// Every number in `text` (digits with `,` groups and an optional decimal
/// part), as written.
fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_digit() || ((c == '.' || c == ',') && !current.is_empty()) {
            current.push(c);
        } else if !current.is_empty() {
            out.push(current.trim_end_matches(['.', ',']).to_string());
            current.clear();
        }
    }
    out
}

#[test]
fn mipex_numbers_in_summaries_and_legends_are_as_published() {
    let built = TestSite::default_site().built();
    for id in ["mipex-overall", "mipex-access-to-nationality"] {
        let page = built.page(&format!("/indicators/{id}/"));
        let summaries = page.texts(".chart__summary");
        let legends: Vec<String> =
            page.texts("figure.chart--map svg text.chart__label").into_iter().filter(|t| t.contains('–')).collect();
        assert!(!summaries.is_empty() && !legends.is_empty(), "{id}");
        for text in summaries.iter().chain(&legends) {
            for n in numbers(text) {
                let decimals = n.split_once('.').map_or("", |(_, f)| f);
                assert!(!decimals.ends_with('0'), "{id}: trailing zero in {n}: {text}");
                assert!(decimals.len() <= 3, "{id}: {n} has more decimals than MIPEX publishes: {text}");
            }
        }
    }
    let access = built.page("/indicators/mipex-access-to-nationality/");
    // Portugal's line: from 73 to 85.5, as published.
    let line = access.text("figure.chart--line .chart__summary");
    assert!(
        line.contains("Portugal rose from 73 (score, 0-100) in 2007 to 85.5 (score, 0-100) in 2019 (+12.5 points)"),
        "{line}"
    );
    // Three-decimal scores are shown as published, never rounded (53.125 is
    // neither 53.12 nor 53.13), in the table and on the map.
    let html = built.text("indicators/mipex-access-to-nationality/index.html");
    let shown: Vec<String> = numbers(&html);
    for published in ["53.125", "69.875"] {
        assert!(shown.iter().any(|n| n == published), "{published} is not shown");
    }
    for rounded in ["53.12", "53.13", "69.87", "69.88"] {
        assert!(!shown.iter().any(|n| n == rounded), "{rounded} is shown");
    }
    let csv = built.text("data/indicators/mipex-access-to-nationality.csv");
    assert!(csv.lines().any(|l| l.starts_with("CY,2019,53.125,")), "{csv}");
}

#[test]
fn the_typology_csv_carries_the_sensitivity_and_thin_evidence_the_table_shows() {
    let built = TestSite::default_site().built();
    let page = built.page("/typology/");
    // Country, measures (with the thin-evidence mark), sensitivity, from the HTML table.
    let table: Vec<(String, String, String)> = typology_table_cells(&page)
        .into_iter()
        .map(|cells| {
            let n = cells.len();
            (cells[0].clone(), cells[n - 2].clone(), cells[n - 1].clone())
        })
        .collect();
    assert!(table.len() >= 10, "{table:?}");
    let csv_text = built.text("data/typology.csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let (country, measures, thin, sensitivity, changes) =
        (col("country"), col("measures"), col("thin_evidence"), col("sensitivity"), col("changes_that_move"));
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for (name, shown_measures, shown_sensitivity) in &table {
        let record = records.iter().find(|r| &r[country] == name).unwrap_or_else(|| panic!("{name} not in the CSV"));
        let thin_mark = shown_measures.contains("thin evidence");
        let count = shown_measures.split_whitespace().next().unwrap();
        assert_eq!(&record[measures], count, "{name}");
        assert_eq!(&record[thin], if thin_mark { "true" } else { "false" }, "{name}");
        assert_eq!(&record[sensitivity], shown_sensitivity.as_str(), "{name}");
        assert_eq!(record[changes] == *"0", shown_sensitivity == "robust", "{name}: {}", &record[changes]);
    }
    // A not-coded origin has no thin-evidence or change count to state.
    for r in records.iter().filter(|r| &r[col("class")] == "not-coded") {
        assert_eq!((&r[thin], &r[sensitivity], &r[changes]), ("", "not-coded", ""));
    }
}

/// The text of each cell of each row of the typology page's table of countries.
fn typology_table_cells(page: &Page) -> Vec<Vec<String>> {
    page.select("table.typology-table tbody tr")
        .iter()
        .map(|tr| {
            tr.children()
                .filter_map(scraper::ElementRef::wrap)
                .map(|c| normalize(&c.text().collect::<String>()))
                .collect()
        })
        .collect()
}
