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
    ("report.html", "/countries/es/report/"),
    ("typology.html", "/typology/"),
    ("typology-method.html", "/typology/method/"),
];

/// Tera's one-line dump as sorted, indented JSON (Tera prints `null` as
/// nothing), with what changes for other reasons masked: stylesheet hashes
/// and the numbers of fragments (Markdown and charts arrive as placeholders
/// that polibrief replaces with their HTML after rendering; the dump shows
/// them escaped, `\u{e002}polibrief-fragment-3\u{e002}`).
fn normalize_dump(dump: &str) -> String {
    const OPEN: &str = "\\u{e002}polibrief-fragment-";
    let mut dump = dump.to_string();
    while let Some(a) = dump.find(OPEN) {
        let rest = &dump[a + OPEN.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let end = a + OPEN.len() + digits + if rest[digits..].starts_with("\\u{e002}") { 8 } else { 0 };
        dump.replace_range(a..end, "<fragment>");
    }
    let mut json = String::with_capacity(dump.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut after_colon = false;
    for c in dump.trim().chars() {
        if in_string {
            json.push(c);
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        if after_colon && matches!(c, ',' | '}' | ']') {
            json.push_str("null");
        }
        if !c.is_whitespace() {
            after_colon = c == ':';
        }
        if c == '"' {
            in_string = true;
        }
        json.push(c);
    }
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"));
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    mask(&pretty, "?v=", '"')
}

/// Replace what follows each `prefix` up to `end` with `…`.
fn mask(text: &str, prefix: &str, end: char) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(prefix) {
        out.push_str(&rest[..i + prefix.len()]);
        out.push('…');
        rest = &rest[i + prefix.len()..];
        rest = &rest[rest.find(end).unwrap_or(rest.len())..];
    }
    out.push_str(rest);
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
        let path = if url.ends_with('/') {
            format!("{}index.html", url.trim_start_matches('/'))
        } else {
            url.trim_start_matches('/').to_string()
        };
        let dump = normalize_dump(&built.text(&path));
        assert!(dump.contains("\"config\""), "{template}: {dump}");
        insta::assert_snapshot!(template.trim_end_matches(".html"), dump);
    }
}
