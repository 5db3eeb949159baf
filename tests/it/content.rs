//! Content: URLs, sections, ordering, headings, tables of contents,
//! breadcrumbs, previous/next, drafts and Markdown features.

use crate::support::*;
use polibrief::RunOptions;

#[test]
fn pages_are_published_at_their_folder_path_and_slug() {
    let built = TestSite::fixture("basic").built();
    for path in [
        "index.html",
        "about/index.html",
        "brief/index.html",
        "brief/introduction/index.html",
        "brief/measuring/index.html",
        "brief/origin/index.html",
        "brief/origin/active-concordance/index.html",
        "brief/conclusion/index.html",
        "404.html",
        "sitemap.xml",
        "feed.xml",
    ] {
        assert!(built.has(path), "missing {path}");
    }
    assert!(!built.has("brief/renamed-file/index.html"), "the slug replaces the file name");
    assert_eq!(built.page("/brief/conclusion/").text("main h1"), "Conclusion");
}

#[test]
fn sections_list_pages_and_subsections_together_by_weight_then_title() {
    let built = TestSite::fixture("basic").built();
    let page = built.page("/brief/");
    let titles = page.texts("main .section-contents .listing__title");
    // The subsection (weight 4) sits between the pages of weight 2 and 9;
    // pages without a weight come last, by title.
    assert_eq!(
        titles,
        ["Introduction", "Measuring integration", "The origin country", "Conclusion", "Alpha notes", "Zeta notes"]
    );
    let hrefs = page.attrs("main .section-contents .listing__title", "href");
    assert_eq!(hrefs[0], "/brief/brief/introduction/");
    assert_eq!(hrefs[2], "/brief/brief/origin/");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = TestSite::fixture("basic");
    let built = site.built();
    assert!(!built.has("brief/unfinished/index.html"));
    assert!(!built.page("/brief/").text("main").contains("Unfinished chapter"));
    let with_drafts = site.built_with(&RunOptions { drafts: true, ..RunOptions::default() });
    assert_eq!(with_drafts.page("/brief/unfinished/").text("main h1"), "Unfinished chapter");
    assert!(with_drafts.page("/brief/").texts(".listing__title").contains(&"Unfinished chapter".to_string()));
}

#[test]
fn repeated_headings_get_unique_ids_and_a_table_of_contents() {
    let built = TestSite::fixture("basic").built();
    let page = built.page("/brief/introduction/");
    assert_eq!(page.attrs(".prose h2", "id"), ["policy-context", "policy-context-1", "footnotes-label"]);
    assert_eq!(page.attrs(".prose h3", "id"), ["details"]);
    assert_eq!(page.attrs(".toc a", "href"), ["#policy-context", "#policy-context-1", "#details"]);
    assert_eq!(page.texts(".toc > ol > li > a"), ["Policy context", "Policy context"]);
    assert_eq!(page.texts(".toc ol ol a"), ["Details"]);
}

#[test]
fn toc_false_hides_the_table_of_contents() {
    let built = TestSite::fixture("basic").built();
    let page = built.page("/brief/measuring/");
    assert_eq!(page.count(".prose h2"), 3);
    assert_eq!(page.count(".toc"), 0);
}

#[test]
fn breadcrumbs_lead_from_home_to_the_parent_section() {
    let built = TestSite::fixture("basic").built();
    let page = built.page("/brief/origin/active-concordance/");
    assert_eq!(page.texts(".breadcrumbs li"), ["Home", "The brief", "The origin country", "Active concordance"]);
    assert_eq!(page.attrs(".breadcrumbs a", "href"), ["/brief/", "/brief/brief/", "/brief/brief/origin/"]);
    assert_eq!(page.attrs(".breadcrumbs [aria-current=page]", "aria-current"), ["page"]);
}

#[test]
fn previous_and_next_follow_the_reading_order_of_the_section() {
    let built = TestSite::fixture("basic").built();
    let link = |url: &str, rel: &str| {
        let page = built.page(url);
        page.attrs(&format!(".pager a[rel={rel}]"), "href").first().cloned()
    };
    // brief -> introduction -> measuring -> origin -> active-concordance -> conclusion -> alpha -> zeta
    assert_eq!(link("/brief/", "next").as_deref(), Some("/brief/brief/introduction/"));
    assert_eq!(link("/brief/introduction/", "prev").as_deref(), Some("/brief/brief/"));
    assert_eq!(link("/brief/measuring/", "next").as_deref(), Some("/brief/brief/origin/"));
    assert_eq!(link("/brief/origin/active-concordance/", "next").as_deref(), Some("/brief/brief/conclusion/"));
    assert_eq!(link("/brief/zeta/", "next"), None);
    assert_eq!(link("/about/", "prev"), None, "pages outside sections have no neighbours");
}

#[test]
fn markdown_features_render() {
    let built = TestSite::fixture("basic").built();
    let page = built.page("/brief/introduction/");
    assert_eq!(page.texts(".prose .table-scroll table td"), ["ES", "56.1"]);
    assert_eq!(page.count(".prose del"), 1);
    assert_eq!(page.count(".prose input[type=checkbox][checked]"), 1);
    assert!(page.text(".prose p").contains("“quotes” –"), "smart punctuation: {}", page.text(".prose p"));
    assert_eq!(page.attrs(".prose sup.footnote-ref a", "href"), ["#fn-src"]);
    assert_eq!(page.attrs(".footnotes li", "id"), ["fn-src"]);
    assert_eq!(page.attrs(".footnotes a.footnote-back", "href"), ["#fnref-src"]);
}

#[test]
fn raw_html_in_markdown_is_shown_as_text() {
    let built = TestSite::fixture("basic").built();
    let page = built.page("/brief/introduction/");
    assert_eq!(page.count("main script"), 0);
    assert!(page.text(".prose").contains("<script>alert(\"x\")</script>"));
}

#[test]
fn links_are_kept_relative_or_resolved_against_the_base_path() {
    let built = TestSite::fixture("basic").built();
    let page = built.page("/brief/introduction/");
    let hrefs = page.attrs(".prose p a", "href");
    assert!(hrefs.contains(&"../measuring/".to_string()), "{hrefs:?}");
    assert!(hrefs.contains(&"/brief/brief/origin/".to_string()), "{hrefs:?}");
}

#[test]
fn every_link_of_the_site_under_a_sub_path_resolves() {
    let built = TestSite::fixture("basic").built();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    let problems: Vec<String> =
        internal_links(&built, "/brief").iter().filter_map(|(from, to)| broken(&built, "/brief", from, to)).collect();
    assert!(problems.is_empty(), "broken links:\n{}", problems.join("\n"));
}

#[test]
fn base_url_from_the_command_line_moves_every_link() {
    let built = TestSite::fixture("basic")
        .built_with(&RunOptions { base_url: Some("https://other.example/x/y/".into()), ..RunOptions::default() });
    let page = built.page("/brief/introduction/");
    assert_eq!(page.attrs("link[rel=canonical]", "href"), ["https://other.example/x/y/brief/introduction/"]);
    let problems: Vec<String> =
        internal_links(&built, "/x/y").iter().filter_map(|(from, to)| broken(&built, "/x/y", from, to)).collect();
    assert!(problems.is_empty(), "broken links:\n{}", problems.join("\n"));
}

#[test]
fn broken_markdown_links_are_located_warnings_in_build() {
    let site = TestSite::minimal().file(
        "content/_index.md",
        "---\ntitle: Home\n---\n## Here\n\n[gone](/missing/) and [anchor](#nowhere) and [fine](#here)\n",
    );
    let built = site.built();
    let texts: Vec<String> = built.warnings.iter().map(|w| format!("{}: {}", w.location(), w.message)).collect();
    assert_eq!(
        texts,
        [
            "content/_index.md:6:1: link to `/missing/`, which is not a page or file of this site",
            "content/_index.md:6:23: `/` has no anchor `#nowhere`",
        ]
    );
}

#[test]
fn a_site_without_a_home_page_gets_one() {
    let built = TestSite::minimal().file("content/guide/_index.md", "---\ntitle: Guide\n---\nHi\n").built();
    let home = built.page("/");
    assert_eq!(home.text("main h1"), "Test site");
    assert_eq!(home.attrs(".cards a", "href"), ["/guide/"]);
}

#[test]
fn file_names_in_any_script_keep_their_letters_in_urls() {
    let names = [
        ("Łódź", "lodz"),
        ("İstanbul", "istanbul"),
        ("Ærø", "aero"),
        ("Straße", "strasse"),
        ("Україна", "ukrayina"),
        ("Россия", "rossiia"),
        ("Ελλάδα", "ellada"),
        ("مصر", "msr"),
        ("Türkiye", "turkiye"),
        ("price×volume", "pricexvolume"),
    ];
    let mut site = TestSite::minimal();
    for (name, _) in names {
        site = site.file(&format!("content/places/{name}.md"), &format!("---\ntitle: {name}\n---\n## {name}\n"));
    }
    let built = site.built();
    for (name, slug) in names {
        let page = built.page(&format!("/places/{slug}/"));
        assert_eq!(page.text("main h1"), name);
        // Heading ids use the same folding.
        assert_eq!(page.attrs(".prose h2", "id"), [slug], "{name}");
    }
}

#[test]
fn a_slug_with_a_multiplication_sign_is_an_error_not_a_crash() {
    // `routes::fold_accent` recursed forever on `×` (U+00D7) and overflowed the stack.
    let site = TestSite::minimal().file("content/a.md", "---\ntitle: A\nslug: \"a×b\"\n---\nText\n");
    let errors = site.error_text();
    assert!(errors.starts_with("content/a.md:3:7: slug `a×b` may only contain a-z, 0-9 and `-`"), "{errors}");
    assert!(errors.contains("help: try `axb`"), "{errors}");
}

#[test]
fn two_file_names_with_one_slug_in_a_section_are_an_error_naming_both() {
    let site = TestSite::minimal()
        .file("content/places/Україна.md", "---\ntitle: One\n---\n")
        .file("content/places/ukrayina.md", "---\ntitle: Two\n---\n");
    let errors = site.error_text();
    assert!(
        errors.starts_with(
            "content/places/Україна.md:1:1: this page and `content/places/ukrayina.md` are both published at \
             `/places/ukrayina/`"
        ),
        "{errors}"
    );
}

#[test]
fn two_narratives_for_one_generated_page_are_an_error_naming_both() {
    let site = TestSite::fixture("data-basic")
        .file("content/countries/MA.md", "---\ntitle: One\n---\nA.\n")
        .file("content/countries/ma.md", "---\ntitle: Two\n---\nB.\n");
    let errors = site.error_text();
    assert!(
        errors.contains(
            "content/countries/ma.md:1:1: this page and `content/countries/MA.md` are both published at `/countries/ma/`"
        ),
        "{errors}"
    );
}

#[test]
fn a_file_or_folder_name_without_letters_or_digits_is_an_error() {
    let site = TestSite::minimal()
        .file("content/brief/???.md", "---\ntitle: Questions\n---\n")
        .file("content/!!!/page.md", "---\ntitle: Exclaimed\n---\n");
    let errors = site.error_text();
    assert!(
        errors.contains(
            "content/!!!/page.md:1:1: no URL can be made from the folder name `!!!`: it has no letter or digit"
        ),
        "{errors}"
    );
    assert!(
        errors.contains(
            "content/brief/???.md:1:1: no URL can be made from the file name `???.md`: it has no letter or digit"
        ),
        "{errors}"
    );
    // With a slug the same file is fine.
    let fixed = TestSite::minimal().file("content/brief/???.md", "---\ntitle: Questions\nslug: questions\n---\n");
    assert_eq!(fixed.built().page("/brief/questions/").text("main h1"), "Questions");
}

#[test]
fn folders_nested_deeply_are_read_without_recursion() {
    // The reading order walks sections with a stack of its own.
    let mut dir = String::from("content");
    let mut site = TestSite::minimal();
    for depth in 0..300 {
        dir.push_str("/d");
        site = site.file(&format!("{dir}/_index.md"), &format!("---\ntitle: Level {depth}\n---\n"));
    }
    let built = site.built();
    assert_eq!(built.page(&format!("{}/", dir.trim_start_matches("content"))).text("main h1"), "Level 299");
}
