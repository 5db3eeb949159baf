//! `polibrief check`: everything `build` finds, plus links made by
//! templates, pages no link reaches, images without alt text, external
//! links on request; JSON output for CI tools.

use std::io::{Read, Write};
use std::net::TcpListener;

use crate::support::*;
use predicates::prelude::*;

#[test]
fn the_default_site_checks_clean() {
    let site = TestSite::default_site();
    site.command()
        .args(["check", "--deny-warnings"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no problems found"));
}

#[test]
fn json_output_has_one_object_per_diagnostic() {
    let site = TestSite::fixture("basic").file("content/x.md", "---\ntitle: X\n---\n[gone](/nope/) ![](chart.png)\n");
    let output = site.command().args(["check", "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        serde_json::json!({
            "severity": "error", "code": "broken-link", "path": "content/x.md", "line": 4, "column": 1,
            "message": "link to `/nope/`, which is not a page or file of this site",
            "help": "links inside the site are written from its root (`/countries/ma/`) or relative to the page \
                     (`../conclusion/`), without the path of `base_url`; fix the address, or create the page it points to"
        })
    );
    assert_eq!(lines[2]["severity"], "warning");
    assert_eq!(lines[2]["code"], "image-without-alt");
    assert_eq!((lines[2]["line"].as_u64(), lines[2]["column"].as_u64()), (Some(4), Some(16)));
}

#[test]
fn warnings_exit_0_unless_denied() {
    let site = TestSite::fixture("basic").file("content/x.md", "---\ntitle: X\n---\n![](../brief/)\n");
    site.command().arg("check").assert().success().stderr(predicate::str::contains("warning: image without alt text"));
    site.command().args(["check", "--deny-warnings"]).assert().code(1);
}

#[test]
fn plain_output_without_colour_when_piped_or_no_color() {
    let site = TestSite::fixture("basic").file("content/x.md", "---\ntitle: X\n---\n[gone](/nope/)\n");
    let output = site.command().arg("check").output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains('\u{1b}'), "no escape codes when piped: {stderr}");
    assert!(stderr.starts_with("content/x.md:4:1: link to `/nope/`"), "{stderr}");
}

#[test]
fn links_made_by_templates_are_checked_in_the_rendered_pages() {
    let site = TestSite::fixture("basic").file(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>\n<a href=\"{{ config.base_path }}/missing-page/\">x</a>\n<a href=\"#nowhere\">y</a>{{ page.content | safe }}{% endblock content %}",
    );
    let output = site.command().arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let pages = "on 7 pages: `/about/`, `/brief/alpha/`, `/brief/introduction/`, …";
    assert!(
        stderr.contains(&format!(
            "templates/page.html:2:32: link to `/missing-page/`, which is not a page or file of this site ({pages})"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("templates/page.html:3:10: the page has no anchor `#nowhere` ({pages})")),
        "{stderr}"
    );
    assert!(stderr.contains("\n2 errors\n"), "each broken link once, not once per page: {stderr}");
    // build only warns.
    site.command().arg("build").assert().success().stderr(predicate::str::contains("warning: the page has no anchor"));
}

#[test]
fn a_broken_link_in_a_parent_template_is_reported_once_where_it_is_written() {
    let base = std::fs::read_to_string(repo_root().join("templates/base.html")).unwrap();
    let footer = base.find("</footer>").expect("the theme has a footer");
    let broken = format!("{}<a href=\"{{{{ config.base_path }}}}/gone/\">Gone</a>{}", &base[..footer], &base[footer..]);
    let at = broken.find("/gone/").unwrap();
    let line = broken[..at].matches('\n').count() + 1;
    let column = broken[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    let site = TestSite::fixture("basic").file("templates/base.html", &broken);
    let output = site.command().args(["check", "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let gone: Vec<&serde_json::Value> =
        lines.iter().filter(|d| d["message"].as_str().unwrap().contains("`/gone/`")).collect();
    assert_eq!(gone.len(), 1, "{lines:#?}");
    assert_eq!(gone[0]["path"], "templates/base.html");
    assert_eq!((gone[0]["line"].as_u64(), gone[0]["column"].as_u64()), (Some(line as u64), Some(column as u64)));
    let message = gone[0]["message"].as_str().unwrap();
    let pages = TestSite::fixture("basic").built().html_paths().len();
    assert!(message.contains(&format!("(on {pages} pages: ")), "{message}");
    assert!(gone[0]["help"].as_str().is_some_and(|h| !h.is_empty()));
}

#[test]
fn dangerous_link_schemes_are_errors_at_their_link() {
    let page = "---\ntitle: X\n---\n[a](javascript:alert(6)) [b](JaVaScRiPt:alert(6)) [c](<  vbscript:msgbox>)\n\n![d](data:text/html,hi) [e](data:text/html,hi) ![ok](data:image/png;base64,iVBORw0KGgo=)\n\n[f]: java&#x09;script:alert(6)\n\nSee [f] and [mail](mailto:a@org.example), [phone](tel:+3212), [web](https://org.example/).\n";
    let site = TestSite::fixture("basic").file("content/x.md", page);
    let output = site.command().args(["check", "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let found: Vec<(u64, u64, String)> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|d| d["code"] == "unsafe-url")
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap(), d["message"].as_str().unwrap().into()))
        .collect();
    let links = "addresses are not allowed in links";
    assert_eq!(
        found,
        [
            (4, 1, format!("`javascript:` {links}")),
            (4, 26, format!("`javascript:` {links}")),
            (4, 51, format!("`vbscript:` {links}")),
            (6, 1, "`data:` addresses are not allowed in images".into()),
            (6, 25, format!("`data:` {links}")),
            (10, 5, format!("`javascript:` {links}")),
        ]
    );
    site.command().arg("build").assert().code(1).stderr(predicate::str::contains(
        "content/x.md:4:1: `javascript:` addresses are not allowed in links\n  |\n4 | [a](javascript:alert(6))",
    ));
}

#[test]
fn safe_link_schemes_are_kept() {
    let built = TestSite::fixture("basic")
        .file(
            "content/x.md",
            "---\ntitle: X\n---\n[web](https://org.example/) [mail](mailto:a@org.example) [up](../about/)\n",
        )
        .built();
    let page = built.page("/x/");
    assert_eq!(page.attrs(".prose a", "href"), ["https://org.example/", "mailto:a@org.example", "../about/"]);
}

#[test]
fn nesting_beyond_100_levels_is_refused_at_its_marker() {
    for (body, column) in [(">".repeat(10_000), 101), ("- ".repeat(5_000) + "x", 201), ("1. ".repeat(300) + "x", 301)] {
        let site = TestSite::fixture("basic").file("content/x.md", &format!("---\ntitle: X\n---\n{body}\n"));
        let output = site.command().arg("check").output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.starts_with(&format!(
                "content/x.md:4:{column}: block quotes and lists are nested more than 100 levels deep here"
            )),
            "{stderr}"
        );
    }
    let ok = format!("---\ntitle: X\n---\n{}deep enough\n\n{}\n", "> ".repeat(100), "- ".repeat(5_000));
    let built = TestSite::fixture("basic").file("content/x.md", &ok).built();
    assert_eq!(built.page("/x/").count(".prose blockquote"), 100);
}

#[test]
fn heading_ids_and_footnote_ids_never_collide() {
    let page = "---\ntitle: X\n---\n## fn-a\n\nClaim.[^a] Again.[^a] Other.[^b]\n\n## fnref-a\n\n## fnref a 2 {#fnref-a-2}\n\n## Fn B\n\n[^a]: Note a.\n[^b]: Note b.\n";
    let built = TestSite::fixture("basic").file("content/x.md", page).built();
    let html = built.text("x/index.html");
    let ids: Vec<String> = scraper::Html::parse_document(&html)
        .select(&scraper::Selector::parse("[id]").unwrap())
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect();
    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    let page = built.page("/x/");
    assert_eq!(page.attrs(".prose h2", "id")[..4], ["fn-a", "fnref-a-1", "fnref-a-2-1", "fn-b-1"]);
    let notes: Vec<String> = page.attrs(".footnotes li", "id").iter().map(|id| format!("#{id}")).collect();
    assert_eq!(notes, ["#fn-a-1", "#fn-b"]);
    assert_eq!(page.attrs("sup.footnote-ref a", "href"), [notes[0].clone(), notes[0].clone(), notes[1].clone()]);
    let refs = page.attrs("sup.footnote-ref a", "id");
    assert_eq!(page.attrs(".footnotes a.footnote-back", "href"), [format!("#{}", refs[0]), format!("#{}", refs[2])]);
}

#[test]
fn pages_no_link_reaches_are_reported() {
    // A section template that lists nothing leaves its pages unreachable.
    let site = TestSite::fixture("basic").file(
        "templates/section.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ section.title }}</h1>{% endblock content %}",
    );
    let output = site.command().arg("check").output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "content/brief/alpha.md: warning: `/brief/alpha/` cannot be reached by following links from the home page"
        ),
        "{stderr}"
    );
}

/// A tiny web server on localhost: `/ok` answers 200, anything else 404.
fn serve(requests: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let mut buffer = [0u8; 2048];
            let n = stream.read(&mut buffer).unwrap_or(0);
            let request = String::from_utf8_lossy(&buffer[..n]);
            let status = if request.split_whitespace().nth(1) == Some("/ok") { "200 OK" } else { "404 Not Found" };
            let _ = write!(stream, "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    format!("http://{address}")
}

#[test]
fn external_links_are_checked_only_when_asked() {
    let server = serve(8);
    let site = TestSite::minimal()
        .file("content/_index.md", &format!("---\ntitle: Home\n---\n[alive]({server}/ok) and [dead]({server}/gone)\n"));
    site.command().arg("check").assert().success();
    let output = site.command().args(["check", "--external"]).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "broken external links are warnings: {stderr}");
    let column = "[alive](".len() + server.len() + "/ok) and [dead](".len() + 1;
    assert!(
        stderr
            .contains(&format!("content/_index.md:4:{column}: warning: `{server}/gone` is broken (HTTP 404; on `/`)")),
        "located where the Markdown writes it: {stderr}"
    );
    assert!(!stderr.contains(&format!("`{server}/ok`")), "{stderr}");
    assert!(stderr.contains("checked 2 external links: 1 ok, 1 broken"), "{stderr}");
}

#[test]
fn unsafe_html_is_sanitised_not_trusted() {
    let built = TestSite::fixture("basic")
        .file("config.yaml", "title: T\nbase_url: https://org.example\nmarkdown:\n  unsafe_html: true\n")
        .file(
            "content/x.md",
            "---\ntitle: X\n---\n<div class=\"callout\" onmouseover=\"steal()\">Note <a href=\"javascript:alert(1)\">here</a></div>\n\n<script>alert(1)</script>\n",
        )
        .built();
    let page = built.page("/x/");
    assert_eq!(page.count(".prose .callout"), 1);
    assert_eq!(page.count("main script"), 0);
    assert_eq!(page.count("[onmouseover]"), 0);
    assert!(page.attrs(".callout a", "href").is_empty(), "javascript: URLs are removed");
}

#[test]
fn csv_text_cells_cannot_run_as_spreadsheet_formulas() {
    // Only codes and flags are text in the CSV, and both are validated; the
    // neutralising function is checked on what a formula would look like.
    let built = TestSite::fixture("data-basic").built();
    let csv = built.text("data/indicators/employment-rate.csv");
    for line in csv.lines().skip(1) {
        let first = line.split(',').next().unwrap();
        assert!(!first.starts_with(['=', '+', '-', '@']), "{line}");
    }
}

#[test]
fn links_are_found_in_every_attribute_quoting_and_case() {
    // A theme's own HTML reaches the link check as written (Markdown's HTML
    // is normalised by the sanitiser first), so the three spellings are put
    // in a template.
    let site = TestSite::fixture("basic").file(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<a href='{{ config.base_path }}/gone-single/'>a</a>\n<a href={{ config.base_path }}/gone-bare/>b</a>\n<A HREF=\"{{ config.base_path }}/gone-upper/\">c</A>\n{{ page.content | safe }}\n{% endblock content %}\n",
    );
    let output = site.command().args(["check", "--format", "json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let targets: std::collections::BTreeSet<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|d| d["code"] == "broken-link")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .flat_map(|m| ["/gone-single/", "/gone-bare/", "/gone-upper/"].into_iter().filter(move |t| m.contains(t)))
        .map(str::to_string)
        .collect();
    assert_eq!(targets.len(), 3, "{targets:?}");
}
