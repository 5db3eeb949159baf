//! The built-in theme and template overrides.

use crate::support::*;

#[test]
fn every_page_has_one_h1_a_skip_link_and_the_language() {
    let built = TestSite::fixture("basic").built();
    for path in built.html_paths() {
        let page = Page(scraper::Html::parse_document(&built.text(&path)));
        assert_eq!(page.count("h1"), 1, "{path}");
        assert_eq!(page.attrs("a.skip-link", "href"), ["#main"], "{path}");
        assert_eq!(page.count("main#main"), 1, "{path}");
        assert_eq!(page.attrs("html", "lang"), ["en"], "{path}");
        assert_eq!(page.attrs("link[rel=stylesheet]", "href").len(), 2, "{path}");
    }
}

#[test]
fn the_home_page_leads_to_every_section() {
    let built = TestSite::fixture("basic").built();
    let home = built.page("/");
    assert_eq!(home.attrs(".cards .card__title a", "href"), ["/brief/brief/", "/brief/about/"]);
    assert_eq!(home.attrs("#site-nav a", "href"), ["/brief/brief/"]);
    let intro = built.page("/brief/introduction/");
    assert_eq!(intro.attrs("#site-nav a[aria-current]", "aria-current"), ["true"]);
}

#[test]
fn a_site_template_replaces_the_built_in_one_and_extends_base() {
    let built = TestSite::fixture("override").built();
    let note = built.page("/note/");
    assert_eq!(note.text("main .from-override"), "Rendered by the site's own page.html");
    assert_eq!(note.text("main article.custom-page h1"), "A note");
    assert_eq!(note.count("a.skip-link"), 1, "base.html of the theme still wraps the page");
    let special = built.page("/special/");
    assert_eq!(special.text("main .wide h1"), "Special");
    assert_eq!(special.count(".from-override"), 0);
}

#[test]
fn static_files_are_copied_and_the_theme_css_is_linked_with_a_version() {
    let site = TestSite::fixture("basic");
    let built = site.built();
    assert!(built.has("extra.css"));
    assert!(built.has("css/polibrief.css"));
    let hrefs = built.page("/").attrs("link[rel=stylesheet]", "href");
    assert!(hrefs[0].starts_with("/brief/css/polibrief.css?v="), "{hrefs:?}");
}

#[test]
fn sitemap_and_feed_use_absolute_urls() {
    let built = TestSite::fixture("basic").built();
    let sitemap = built.text("sitemap.xml");
    assert!(sitemap.contains("<loc>https://org.example/brief/brief/introduction/</loc>"));
    assert!(!sitemap.contains("404"));
    let feed = built.text("feed.xml");
    assert!(feed.contains("<link href=\"https://org.example/brief/brief/introduction/\"/>"));
    assert!(feed.contains("<updated>2026-01-15T00:00:00Z</updated>"));
}

#[test]
fn a_heading_named_like_any_id_of_the_theme_never_takes_it() {
    // Every id the built-in templates write whole, read from the templates
    // here as build.rs reads them: a page whose headings ask for each of
    // them, shown by every page kind that shows Markdown, keeps every id once.
    let mut theme_ids = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(repo_root().join("templates")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for part in text.split(" id=\"").skip(1) {
                let id = part.split('"').next().unwrap();
                if !id.contains("{{") && !id.contains("{%") {
                    theme_ids.insert(id.to_string());
                }
            }
        }
    }
    assert!(theme_ids.contains("main") && theme_ids.contains("weights"), "{theme_ids:?}");
    let headings: String = theme_ids.iter().map(|id| format!("## {}\n\nText.\n\n", id.replace('-', " "))).collect();
    let built = TestSite::default_site()
        .file("content/ids.md", &format!("---\ntitle: Ids\n---\n{headings}Note.[^n]\n\n[^n]: A note.\n"))
        .file("content/countries/ma.md", &format!("---\ntitle: Morocco\n---\n{headings}"))
        .file("content/typology/_index.md", &format!("---\ntitle: Typology\n---\n{headings}"))
        .built();
    for url in ["/ids/", "/countries/ma/", "/typology/"] {
        let page = built.page(url);
        let ids = page.attrs("[id]", "id");
        let mut seen = std::collections::BTreeSet::new();
        let twice: Vec<&String> = ids.iter().filter(|id| !seen.insert(id.as_str())).collect();
        assert!(twice.is_empty(), "{url}: ids given twice: {twice:?}");
        assert!(page.count(".prose h2") >= theme_ids.len(), "{url}: the headings are on the page");
    }
}

#[test]
fn a_heading_named_like_a_theme_section_gets_another_id() {
    let built = TestSite::minimal()
        .file("content/guide/_index.md", "---\ntitle: Guide\n---\n## In this section\n")
        .file("content/guide/a.md", "---\ntitle: A\n---\nA\n")
        .built();
    let page = built.page("/guide/");
    assert_eq!(page.count("[id=\"in-this-section\"]"), 1);
    assert_eq!(page.attrs(".prose h2", "id"), ["in-this-section-1"]);
}
