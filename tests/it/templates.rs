//! The template context is public API: what each page kind's template
//! receives is pinned here, through the real pipeline. Every built-in
//! template is replaced by one that dumps its context; the dumps are
//! snapshots, so any change to a view is a visible, reviewed change (and
//! docs/templates.md must follow it).

use crate::support::*;

const PAGE_KINDS: &[(&str, &str)] = &[
    ("home.html", "/"),
    ("section.html", "/brief/"),
    ("page.html", "/brief/introduction/"),
    ("404.html", "/404.html"),
    ("countries.html", "/countries/"),
    ("country.html", "/countries/ma/"),
    ("indicators.html", "/indicators/"),
    ("indicator.html", "/indicators/employment-rate/"),
    ("corridor.html", "/corridors/ma-es/"),
    ("typology.html", "/typology/"),
    ("typology-method.html", "/typology/method/"),
];

/// The one-line dump of Tera, indented: a line per key and list item.
fn indent(dump: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for c in dump.trim().chars() {
        if in_string {
            out.push(c);
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                depth += 1;
                out.push(c);
                out.push('\n');
                out.push_str(&"  ".repeat(depth));
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                out.push('\n');
                out.push_str(&"  ".repeat(depth));
                out.push(c);
            }
            ',' => {
                out.push(',');
                out.push('\n');
                out.push_str(&"  ".repeat(depth));
            }
            ' ' if out.ends_with(' ') || out.ends_with('\n') => {}
            c => out.push(c),
        }
    }
    out
}

fn site_with_dumping_templates() -> TestSite {
    let site = TestSite::fixture("data-basic")
        .file("content/brief/_index.md", "---\ntitle: The brief\nweight: 1\n---\nChapters.\n")
        .file(
            "content/brief/introduction.md",
            "---\ntitle: Introduction\ndescription: Why it matters\ndate: 2026-01-15\n---\n## One\n\nText.[^a]\n\n## Two\n\n### Three\n\n[^a]: A note.\n",
        )
        .file("content/brief/conclusion.md", "---\ntitle: Conclusion\nweight: 9\n---\nEnd.\n");
    for (template, _) in PAGE_KINDS {
        site.write(&format!("templates/{template}"), "{{ __tera_context | safe }}");
    }
    site
}

#[test]
fn the_context_of_every_page_kind_is_pinned() {
    let built = site_with_dumping_templates().built();
    for (template, url) in PAGE_KINDS {
        let path = if url.ends_with('/') { format!("{}index.html", url.trim_start_matches('/')) } else { url.trim_start_matches('/').to_string() };
        let dump = indent(&built.text(&path));
        assert!(dump.contains("\"config\""), "{template}: {dump}");
        insta::assert_snapshot!(template.trim_end_matches(".html"), dump);
    }
}
