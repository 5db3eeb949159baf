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
    // 2019; 14 member states have a published or marked score.
    let mipex = built.page("/indicators/mipex-overall/");
    let titles = mipex.texts("figure.chart--bar .chart__title, figure.chart--map .chart__title");
    assert_eq!(titles, ["MIPEX overall, 2019", "MIPEX overall, 2019"]);
    assert_eq!(mipex.count("figure.chart--bar .chart__data tbody tr"), 14);
    // Employment of non-EU citizens: every member state reports 2024.
    let employment = built.page("/indicators/employment-rate-non-eu/");
    let titles = employment.texts("figure.chart--bar .chart__title");
    assert_eq!(titles, ["Employment, non-EU citizens, 2024"]);
}
