//! Inputs from fuzzing (`fuzz/`, see docs/fuzzing.md) and hostile inputs
//! written by hand. Each must come back as output or as diagnostics: never a
//! panic, never a crash of the binary. (How long they take is not asserted:
//! speed is measured in benchmarks, not tests; see docs/fuzzing.md for the
//! inputs that were slow and what was done about them.)
//!
//! The heaviest cases (megabytes of input, tens of thousands of
//! constructs) are `#[ignore]`d so that `cargo test` stays quick in a debug
//! build; `.ci/run` runs them in release with
//! `cargo test --release --test it -- --ignored fuzz_regressions::`.
//!
//! A crash found by `cargo fuzz` goes here with its exact bytes: once through
//! the same `polibrief::fuzzing` entry point the fuzzer calls, and once in a
//! site built by the real binary.

use crate::support::*;

fn front(body: &str) -> String {
    format!("---\ntitle: Fuzzed\n---\n{body}")
}

/// The real binary builds the site: exit 0 or 1, never a panic or a signal.
/// Returns the exit code and stderr.
fn binary_survives(site: &TestSite) -> (i32, String) {
    let output = site.command().arg("build").output().expect("run polibrief");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let shown: String = stderr.chars().take(2_000).collect();
    assert!(!stderr.contains("panicked"), "the binary panicked:\n{shown}");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "the binary ended with {:?} (a crash or a signal):\n{shown}",
        output.status
    );
    (output.status.code().unwrap_or(-1), stderr)
}

/// A page through the fuzz entry point and through the binary.
fn page_survives(text: &str) -> (i32, String) {
    polibrief::fuzzing::page(text);
    let site = TestSite::minimal().file("content/fuzzed.md", text);
    binary_survives(&site)
}

/// A data file through the fuzz entry point and, as a country profile and as
/// an indicator, through the binary.
fn data_survives(text: &str) {
    polibrief::fuzzing::data_yaml(text);
    let site = TestSite::minimal().file("data/countries/xx.yaml", text).file("data/indicators/xx.yaml", text);
    binary_survives(&site);
}

// ---------------------------------------------------------------------------
// Hostile inputs written by hand.

#[test]
#[ignore = "heavy: run in release by .ci/run (cargo test --release --test it -- --ignored fuzz_regressions::)"]
fn a_10_mb_page_under_the_size_limit_builds() {
    let block = "## Section heading\n\nA paragraph with *emphasis*, **strong text**, `code`, a [link](/typology/) \
                 and a note.[^n]\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> A quote.\n\n";
    let mut body = String::with_capacity(10 * 1024 * 1024 + block.len());
    while body.len() < 10 * 1024 * 1024 {
        body.push_str(block);
    }
    body.push_str("[^n]: The note.\n");
    let (code, stderr) = page_survives(&front(&body));
    // 10 MB is under the 16 MB limit: it must build, not be refused.
    assert_eq!(code, 0, "{}", stderr.chars().take(2_000).collect::<String>());
}

#[test]
fn deeply_nested_blockquotes() {
    page_survives(&front(&format!("{} deep\n", ">".repeat(10_000))));
    page_survives(&front(&format!("{} deep\n", "> ".repeat(10_000))));
}

#[test]
fn deeply_nested_lists() {
    // On one line, `- - - x` opens a list inside a list item each time.
    page_survives(&front(&format!("{}x\n", "- ".repeat(10_000))));
    page_survives(&front(&format!("{}x\n", "1. ".repeat(10_000))));
    page_survives(&front(&format!("{}x\n", "> - ".repeat(5_000))));
    // Nested by indentation, one level per line.
    let mut indented = String::new();
    for depth in 0..1_500 {
        indented.push_str(&"  ".repeat(depth));
        indented.push_str("- item\n");
    }
    page_survives(&front(&indented));
}

#[test]
#[ignore = "heavy: run in release by .ci/run (cargo test --release --test it -- --ignored fuzz_regressions::)"]
fn deeply_nested_inline_markup() {
    page_survives(&front(&format!("{}x{}\n", "*".repeat(50_000), "*".repeat(50_000))));
    page_survives(&front(&format!("{}x{}\n", "[".repeat(50_000), "](/a/)".repeat(50_000))));
    page_survives(&front(&format!("{}x\n", "<div>".repeat(50_000))));
}

#[test]
#[ignore = "heavy: run in release by .ci/run (cargo test --release --test it -- --ignored fuzz_regressions::)"]
fn a_100_000_footnotes_page() {
    let mut body = String::new();
    for n in 0..100_000 {
        body.push_str(&format!("Claim {n}.[^n{n}]\n"));
    }
    body.push('\n');
    for n in 0..100_000 {
        body.push_str(&format!("[^n{n}]: Source {n}.\n\n"));
    }
    page_survives(&front(&body));
}

#[test]
fn many_headings_with_the_same_title() {
    page_survives(&front(&"## Same\n\n".repeat(50_000)));
}

#[test]
#[ignore = "heavy: run in release by .ci/run (cargo test --release --test it -- --ignored fuzz_regressions::)"]
fn a_100_000_shortcodes_page() {
    // Every call embedded (the fuzz entry point's embeds always succeed):
    // placing 100,000 embeds must stay linear.
    polibrief::fuzzing::page(&front(&"{{ typology() }}\n\n".repeat(100_000)));
    // Through the binary every call names a missing indicator: 100,000 errors.
    let (code, stderr) = page_survives(&front(&"{{ chart(indicator=\"none\") }}\n\n".repeat(100_000)));
    assert_eq!(code, 1, "{}", stderr.chars().take(2_000).collect::<String>());
}

#[test]
fn a_50_mb_data_file_is_refused_by_its_size() {
    let site = TestSite::minimal();
    let path = site.path().join("data/countries/xx.yaml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut text = String::from("code: XX\nname: Big\nroles: [origin]\nsummary: |\n");
    let line = "  padding padding padding padding padding padding padding padding padding\n";
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    std::fs::write(&path, &text).unwrap();
    drop(text);
    let result = site.run();
    let errors = result.errors();
    let too_large: Vec<_> = errors.iter().filter(|d| d.code == "file-too-large").collect();
    assert_eq!(too_large.len(), 1, "{}", errors.render());
    assert_eq!(too_large[0].path, "data/countries/xx.yaml");
    assert!(too_large[0].message.contains("larger than the limit"), "{}", too_large[0].message);
    let (code, stderr) = binary_survives(&site);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("data/countries/xx.yaml"), "{stderr}");
    assert!(stderr.contains("larger than the limit"), "{stderr}");
}

#[test]
fn unterminated_shortcodes() {
    for body in [
        "{{ chart(indicator=\"x\"",
        "{{ chart(indicator=\"x\")\n",
        "{{ chart(indicator=\"x }}\n",
        "{{ chart(indicator=\"x\\\" }}\n",
        "{{ chart(title=\"\\",
        "{{ chart(\n}}\n",
        "{{\n",
        "{{}}\n",
        "{{ }}",
        "{{ chart(a=1,) }}\n",
        "{{ chart(a=-) }}\n",
        "{{ chart(a=99999999999999999999) }}\n",
        "{{ typology() }}}}\n",
        "{{ typology() }} {{ typology() }}\n",
        "{{ é(a=\"ü\") }}\n",
        "> {{ typology() }}\n",
        "- {{ typology() }}\n",
        "```\n{{ typology() }}\n",
    ] {
        polibrief::fuzzing::page(&front(body));
    }
    // The worst of them through the binary too: a located syntax error.
    let (code, stderr) = page_survives(&front("Text\n\n{{ chart(indicator=\"x }}\n"));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("content/fuzzed.md:6:"), "{stderr}");
}

#[test]
#[ignore = "heavy: run in release by .ci/run (cargo test --release --test it -- --ignored fuzz_regressions::)"]
fn a_1_mb_shortcode_line() {
    let mb = 1024 * 1024;
    // One long text argument.
    page_survives(&front(&format!("{{{{ chart(indicator=\"{}\") }}}}\n", "a".repeat(mb))));
    // Escapes all the way.
    page_survives(&front(&format!("{{{{ chart(title=\"{}\") }}}}\n", "\\\\".repeat(mb / 2))));
    // Nothing but spaces between the braces.
    page_survives(&front(&format!("{{{{{}}}}}\n", " ".repeat(mb))));
    // A long name.
    page_survives(&front(&format!("{{{{ {}() }}}}\n", "x".repeat(mb))));
    // About 100,000 distinct arguments.
    let args: Vec<String> = (0..100_000).map(|n| format!("k{n}=1")).collect();
    page_survives(&front(&format!("{{{{ chart({}) }}}}\n", args.join(","))));
    // Never closed, 1 MB long.
    page_survives(&front(&format!("{{{{ chart(indicator=\"{}\n", "a".repeat(mb))));
}

#[test]
fn hostile_yaml_in_data_files() {
    // Alias expansion, deep nesting, huge numbers, odd scalars.
    let mut bomb = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i", "j"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h", "i"][i];
        bomb.push_str(&format!("{name}: &{name} [{}]\n", vec![format!("*{prev}"); 10].join(",")));
    }
    data_survives(&bomb);
    data_survives(&format!("code: {}x{}\n", "[".repeat(10_000), "]".repeat(10_000)));
    data_survives(&format!("code: {}x\n", "- ".repeat(10_000)));
    data_survives(&format!("values:\n  AT: {{2020: {}}}\n", "{value: ".repeat(5_000)));
    data_survives(
        "id: xx\ntitle: T\nunit: percent\nhigher_is_better: true\nscope: corridor\nsource: {title: S}\n\
         values:\n  MA>ES: {2020: 1e999, 2021: -1e999, 2022: .nan, 2023: .inf, 99999999999999999999: 1}\n  \
         '>': {-1: {value: 1, flag: pp, note: x}}\n  'é>ü': {0: {value: [1], flag: ~}}\n",
    );
    data_survives(
        "code: XX\nname: N\nroles: [origin]\nmeasures:\n  - {title: t, mode: active, effect: concordant, \
         weight: 99999999999999999999, since: 2020, until: 1}\ndiaspora:\n  - {destination: XX, \
         population: -1, year: -9223372036854775808, source: s}\nsources:\n  - {id: s, title: t, url: 'http://[::1', year: 0}\n",
    );
}

#[test]
#[ignore = "heavy: run in release by .ci/run (cargo test --release --test it -- --ignored fuzz_regressions::)"]
fn ten_thousand_bad_years_in_one_series_are_listed_a_hundred_at_a_time() {
    // Every year outside 1900-2100 was printed (9,799 messages, 4 MB on stderr):
    // the cap of 100 of one kind per file holds for data errors too.
    let years: Vec<String> = (0..10_000).map(|n| format!("{}: {n}", 1_000 + n)).collect();
    let indicator = format!(
        "id: many-years\ntitle: Many years\nunit: percent\nhigher_is_better: true\nscope: country\nsource: {{title: S}}\n\
         values:\n  ES: {{{}}}\n",
        years.join(", ")
    );
    let site = TestSite::fixture("data-basic").file("data/indicators/many-years.yaml", &indicator);
    let result = site.run();
    let errors = result.errors();
    let bad_years: Vec<_> = errors.iter().filter(|d| d.code == "bad-year").collect();
    assert_eq!(bad_years.len(), 101, "{}", errors.render().chars().take(3_000).collect::<String>());
    assert_eq!(bad_years[0].message, "year 1000 is outside 1900-2100");
    let count = bad_years.iter().find(|d| d.message.contains("more")).expect("a count of the rest");
    // 900 years before 1900 and 7,899 after 2100; the first 100 are listed.
    assert_eq!(count.message, "9699 more errors like this from here on (only the first 100 are listed)");
    assert_eq!(count.path, "data/indicators/many-years.yaml");
    // The real binary prints the same, under check and under build.
    for command in ["check", "build"] {
        let output = site.command().arg(command).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert_eq!(stderr.matches("is outside 1900-2100").count(), 100, "{command}");
        assert!(stderr.contains("9699 more errors like this from here on"), "{command}");
        assert!(stderr.len() < 100_000, "{command}: {} bytes on stderr", stderr.len());
    }
}

/// Characters a site may hold that XML and CSV writers often get wrong.
const UNUSUAL: &str = "A & B <c> \"d\" 'e' ]]> \u{a0}\u{fffd}\u{fdcf}\u{fdf0}\u{e000}\u{10fffd}\u{feff}é";

/// `UNUSUAL` written as a YAML double-quoted scalar, with escapes.
fn unusual_yaml() -> String {
    let escaped: String = UNUSUAL
        .chars()
        .map(|c| match c {
            '"' => String::from("\\\""),
            c if c.is_ascii() => c.to_string(),
            c => format!("\\U{:08X}", u32::from(c)),
        })
        .collect();
    format!("\"{escaped}\"")
}

#[test]
fn the_feed_parses_and_keeps_every_character_a_title_may_hold() {
    // A title holding U+FFFF was copied into feed.xml, which then did not
    // parse. Such titles are refused now (broken sites
    // `content-title-noncharacter-escape`, `content-control-character`);
    // what a title may hold comes out whole and well-formed.
    let site = TestSite::fixture("basic").file(
        "content/brief/introduction.md",
        &format!("---\ntitle: {}\ndate: 2026-01-15\n---\nText.\n", unusual_yaml()),
    );
    let built = site.built();
    let feed = built.text("feed.xml");
    let doc = roxmltree::Document::parse(&feed).expect("feed.xml is XML");
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| e.children().find(|c| c.has_tag_name("title")))
        .filter_map(|t| t.text())
        .collect();
    assert_eq!(titles, [UNUSUAL]);
    assert_eq!(built.page("/brief/introduction/").text("main h1"), normalize(UNUSUAL));

    let refused = TestSite::fixture("basic")
        .file("content/brief/introduction.md", "---\ntitle: \"Introduction \\uFFFF\"\ndate: 2026-01-15\n---\nText.\n");
    let errors = refused.error_text();
    assert!(
        errors.starts_with(
            "content/brief/introduction.md:2:8: an escape in this text makes the noncharacter U+FFFF, which web \
             pages and feeds cannot carry"
        ),
        "{errors}"
    );
}

#[test]
fn typology_csv_and_pages_keep_every_character_a_name_may_hold() {
    // `name: "Eri\0trea\x07"` put NUL and BEL into <title>, links and
    // typology.csv; refused now, at load, under check and build alike.
    let morocco = std::fs::read_to_string(fixtures_dir().join("data-basic/data/countries/ma.yaml")).unwrap();
    let unusual = morocco.replacen("name: Morocco", &format!("name: {}", unusual_yaml()), 1);
    let built = TestSite::fixture("data-basic").file("data/countries/ma.yaml", &unusual).built();
    let csv_text = built.text("data/typology.csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let names: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_string()).collect();
    assert!(names.iter().any(|n| n == UNUSUAL), "{names:?}");
    assert_eq!(built.page("/countries/ma/").text("main h1"), normalize(UNUSUAL));

    let refused = morocco.replacen("name: Morocco", "name: \"Eri\\0trea\\x07\"", 1);
    let site = TestSite::fixture("data-basic").file("data/countries/ma.yaml", &refused);
    for command in ["check", "build"] {
        let output = site.command().arg(command).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{command}: {stderr}");
        assert!(
            stderr.starts_with(
                "data/countries/ma.yaml:2:7: an escape in this text makes the control character U+0000, which web \
                 pages and feeds cannot carry"
            ),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains("help: remove the escape (`\\0`, `\\x00` or `\\u0000`) from the quoted text"),
            "{stderr}"
        );
    }
    assert!(!site.path().join("public").exists(), "nothing is written");
}

#[test]
fn a_page_of_shortcodes_stops_at_the_embed_budget() {
    // 340 KB of `{{ typology() }}` lines made a 79 MB page and used 393 MB;
    // a page near the 16 MB limit exhausted 4 GB. Shortcode output now has a
    // budget per page (4 MB), with a located error past it.
    let lines = 4_000;
    let body = "{{ typology() }}\n\n".repeat(lines);
    let site = TestSite::fixture("data-basic").file("content/many.md", &front(&body));
    let result = site.run();
    let errors = result.errors();
    assert_eq!(errors.len(), 1, "{}", errors.render().chars().take(2_000).collect::<String>());
    let error = errors.iter().next().unwrap();
    assert_eq!((error.code.as_str(), error.path.as_str(), error.column), ("embeds-too-large", "content/many.md", 1));
    // The first shortcode is on line 4, one every two lines.
    let index = (error.line - 4) / 2;
    assert!(index > 100 && index < lines, "line {}", error.line);
    assert_eq!(
        error.message,
        format!(
            "the shortcodes of this page make more than 4 MB of HTML by here; this one and the {} after it are left out",
            lines - index - 1
        )
    );
    // The same under check and build, through the binary.
    for command in ["check", "build"] {
        let output = site.command().arg(command).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{command}: {stderr}");
        assert!(
            stderr.starts_with(&format!("content/many.md:{}:1: the shortcodes of this page", error.line)),
            "{stderr}"
        );
    }
    // Below the budget the same shortcodes all render.
    let fine = TestSite::fixture("data-basic").file("content/many.md", &front(&"{{ typology() }}\n\n".repeat(20)));
    assert_eq!(fine.built().page("/many/").count("main .typology-matrix"), 20);
}

#[test]
fn a_page_of_headings_keeps_its_table_of_contents_bounded() {
    // A page of `## a` headings near the size limit needed 3.3 GB, most of
    // it a table of contents of millions of entries in the template's
    // context. Every heading keeps its id; the contents list the first 1,000.
    let headings = 3_000;
    let site = TestSite::minimal().file("content/headings.md", &front(&"## a\n\n".repeat(headings)));
    let built = site.built();
    let page = built.page("/headings/");
    let ids = page.attrs(".prose h2", "id");
    assert_eq!(ids.len(), headings);
    assert_eq!((ids[0].as_str(), ids[headings - 1].as_str()), ("a", "a-2999"));
    let listed = page.attrs(".toc a", "href");
    assert_eq!(listed.len(), 1_000);
    assert_eq!(listed.last().map(String::as_str), Some("#a-999"));
}

#[test]
fn markers_written_as_character_references_stay_text() {
    // Found with the `page` target's checks (docs/fuzzing.md): the private-use
    // characters that stand for embeds and fragments while a page renders
    // were neutralised where an author types them, but not where Markdown
    // decodes them from character references. `&#xE001;0&#xE001;` in a
    // paragraph received the page's first embed (a typology matrix inside
    // the paragraph), and `&#xE002;polibrief-fragment-0&#xE002;` in an
    // image's alt text, a link's title or a code block's language received
    // that matrix inside the attribute, breaking the page's HTML.
    let forged_fragment = "&#xE002;polibrief-fragment-0&#xE002;";
    let body = format!(
        "Before &#xE001;0&#xE001; after.\n\n{{{{ typology() }}}}\n\n![A {forged_fragment} b](/x.png)\n\n\
         [a link](/ \"{forged_fragment}\")\n\n```{forged_fragment}\ncode\n```\n\n![x &#xE000;0&#xE000;](/y.png)\n\n\
         ## {forged_fragment} {{#{forged_fragment}}}\n"
    );
    polibrief::fuzzing::page(&front(&body));
    let site = TestSite::fixture("data-basic").file("content/forged.md", &front(&body));
    let built = site.built();
    let html = built.text("forged/index.html");
    let page = built.page("/forged/");
    // The one shortcode makes the one matrix, where it was written.
    assert_eq!(page.count(".typology-matrix"), 1, "{html}");
    assert_eq!(page.count(".prose > .typology-matrix"), 1, "{html}");
    assert_eq!(page.texts(".prose > p").first().map(String::as_str), Some("Before \u{E001}0\u{E001} after."));
    // Forged placeholders come out as the text they were, never as a fragment.
    let shown = "\u{FFFD}polibrief-fragment-0\u{E002}";
    assert_eq!(page.attrs(".prose img", "alt"), [format!("A {shown} b"), "x \u{E000}0\u{E000}".to_string()]);
    assert_eq!(page.attrs(".prose a[title]", "title"), [shown]);
    assert_eq!(page.count(".prose pre code"), 1);
    assert!(!html.contains("alt=\"A <div"), "{html}");
}

#[test]
fn requests_under_base_paths_that_need_encoding() {
    // Found by the serve_route target: its exact bytes (method, target, no
    // If-None-Match, base path `/d` and three NULs). The target then took
    // the line as the base path itself, which no config can give (the
    // redirect to it carried the NULs into `Location`); it now derives the
    // base path from a `base_url` as config.yaml does (`/d%00%00%00`). That
    // showed the real fault: the router compared the decoded request path
    // with the percent-encoded base path, so a base_url with a space or an
    // accent answered 404 to every link of its own site (the target now
    // checks the home page and a folder's redirect for every base path).
    polibrief::fuzzing::serve_route("GET\n/\n\n/d\0\0\0\n\n");
    // Found next: a base_url whose path starts with `//` (`https://x//host`)
    // made the redirect from `/` go to `//host/`, another host, as every
    // link of the built site would have. config.yaml and --base-url refuse
    // it now (`bad-url`; the broken site `config-base-url-to-another-host`).
    polibrief::fuzzing::serve_route("GET\n/\nGT0\n//\x1c\0E/");
    for base in
        ["/br\u{e8}ves", "/a b/c", "/a%20b", "/a&b", "/%25", "/a\"<b>", "/d%00", "/d%5c", "", "//x", "/\\x", "/%2F%2Fx"]
    {
        for target in ["/", "/sub/", "/brief/a%20b", "/x/../y", "/%2e%2e/"] {
            polibrief::fuzzing::serve_route(&format!("GET\n{target}\n\n{base}"));
        }
    }
}

#[test]
fn a_footnote_defined_with_its_label_in_another_case() {
    // Found by the `page` target's id check (its exact bytes, a page of the
    // default site mangled by the fuzzer): `[^unused]` defined only by
    // `[^unusEd]:`. pulldown-cmark matches footnote labels regardless of
    // case; polibrief numbered and named notes by the label as written, so
    // the reference linked to `#fn-unused` while the note was listed as
    // `fn-unused-1`: a link to nothing, and an id reported that the page did
    // not have.
    let crash = include_str!("../fixtures/fuzz/page-footnote-label-case.md");
    polibrief::fuzzing::page(crash);
    page_survives(crash);
    let site =
        TestSite::minimal().file("content/notes.md", &front("A[^Source] B[^SOURCE].\n\n[^source]: The source.\n"));
    let page = site.built().page("/notes/");
    assert_eq!(page.attrs(".footnote-ref a", "href"), ["#fn-source", "#fn-source"]);
    assert_eq!(page.attrs(".footnotes li", "id"), ["fn-source"]);
    assert_eq!(page.attrs(".footnotes li a", "href"), ["#fnref-source"]);
    assert_eq!(page.attrs(".footnote-ref a", "id"), ["fnref-source", "fnref-source-2"]);
}
