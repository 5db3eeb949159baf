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
