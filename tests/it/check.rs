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
            "message": "link to `/nope/`, which is not a page or file of this site", "help": null
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
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1><a href=\"{{ config.base_path }}/missing-page/\">x</a><a href=\"#nowhere\">y</a>{{ page.content | safe }}{% endblock content %}",
    );
    let output = site.command().arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "templates/page.html: on `/about/`: link to `/missing-page/`, which is not a page or file of this site"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("templates/page.html: on `/about/`: `/about/` has no anchor `#nowhere`"), "{stderr}");
    // build only warns.
    site.command().arg("build").assert().success().stderr(predicate::str::contains("warning: on `/about/`"));
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
    assert!(stderr.contains(&format!("/: warning: `{server}/gone` is broken (HTTP 404)")), "{stderr}");
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
