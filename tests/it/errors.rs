//! Errors a user can cause: each located as `path:line:column`, all at once,
//! with the source line and a hint. The full text is pinned as snapshots.

use crate::support::*;

fn page(front: &str, body: &str) -> String {
    format!("---\n{front}---\n{body}")
}

#[test]
fn unknown_front_matter_field_suggests_the_right_one() {
    let site = TestSite::minimal().file("content/intro.md", &page("titel: Introduction\n", "Text\n"));
    insta::assert_snapshot!(site.error_text());
}

#[test]
fn missing_title_is_located_at_the_front_matter() {
    let site = TestSite::minimal().file("content/intro.md", &page("weight: 2\n", "Text\n"));
    let text = site.error_text();
    assert!(text.starts_with("content/intro.md:2:1: missing required field `title`"), "{text}");
}

#[test]
fn bad_yaml_in_front_matter() {
    let site = TestSite::minimal().file("content/a.md", &page("title: \"unclosed\nweight: 1\n", ""));
    insta::assert_snapshot!(site.error_text());
}

#[test]
fn wrong_types_and_bad_values_are_all_reported() {
    let site = TestSite::minimal()
        .file("content/a.md", &page("title: A\nweight: heavy\n", ""))
        .file("content/b.md", &page("title: B\ndate: 2023-02-30\n", ""))
        .file("content/c.md", &page("title: C\nslug: Not A Slug\n", ""))
        .file("content/d.md", &page("title: D\ndraft: maybe\n", ""))
        .file("content/e.md", "no front matter here\n")
        .file("content/f.md", "---\ntitle: F\nno closing line\n");
    insta::assert_snapshot!(site.error_text());
}

#[test]
fn every_bad_field_of_one_front_matter_is_reported() {
    let site = TestSite::minimal()
        .file("content/a.md", &page("title: [A]\nweight: heavy\ndate: 2026-13-45\ntitel: x\ndraft: maybe\n", ""));
    let text = site.error_text();
    let located: Vec<&str> = text.lines().filter(|l| l.starts_with("content/a.md:")).collect();
    assert_eq!(
        located,
        [
            "content/a.md:2:8: expected text",
            "content/a.md:3:9: expected a whole number",
            "content/a.md:4:7: `2026-13-45`: there is no month 13",
            "content/a.md:5:1: unknown field `titel`",
            "content/a.md:6:8: expected `true` or `false`",
        ],
        "{text}"
    );
}

#[test]
fn template_syntax_errors_are_reported_with_content_errors() {
    let site = TestSite::minimal().file("content/a.md", &page("titel: A\n", "")).file(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}{% if %}{% endblock content %}\n",
    );
    let text = site.error_text();
    assert!(text.contains("content/a.md:2:1: unknown field `titel`"), "{text}");
    assert!(text.contains("templates/page.html:2:"), "{text}");
}

#[test]
fn unknown_template_name_in_front_matter() {
    let site = TestSite::minimal().file("content/a.md", &page("title: A\ntemplate: paeg\n", ""));
    let text = site.error_text();
    assert!(text.starts_with("content/a.md:3:11: template `paeg` does not exist"), "{text}");
    assert!(text.contains("help: did you mean `page.html`?"), "{text}");
}

#[test]
fn template_syntax_errors_are_located_in_the_template() {
    let site = TestSite::minimal()
        .file("content/a.md", &page("title: A\n", ""))
        .file(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}\n  {{ page.title \n{% endblock content %}\n",
        )
        .file(
            "templates/section.html",
            "{% extends \"base.html\" %}\n{% block content %}{% if %}{% endblock content %}\n",
        );
    insta::assert_snapshot!(site.error_text());
}

#[test]
fn template_render_errors_are_located_in_the_template() {
    let site = TestSite::minimal().file("content/a.md", &page("title: A\n", "")).file(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.titel }}</h1>\n{% endblock content %}\n",
    );
    let text = site.error_text();
    assert!(text.starts_with("templates/page.html:3:"), "{text}");
    assert!(text.contains("<h1>{{ page.titel }}</h1>"), "{text}");
    assert!(
        text.contains("help: what `page.html` receives is described in docs/templates.md, section \"page.html: page\""),
        "{text}"
    );
}

#[test]
fn unknown_filter_and_missing_parent_template() {
    let site = TestSite::minimal()
        .file("content/a.md", &page("title: A\n", ""))
        .file(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}{{ page.title | shout }}{% endblock content %}\n",
        )
        .file("templates/other.html", "{% extends \"nope.html\" %}\n");
    let text = site.error_text();
    assert!(text.contains("templates/page.html:2:"), "{text}");
    assert!(text.contains("Unknown filter `shout`"), "{text}");
    assert!(
        text.contains("templates/other.html:1:1: `other.html` extends `nope.html`, which does not exist"),
        "{text}"
    );
}

#[test]
fn config_errors() {
    let site =
        TestSite::blank().file("config.yaml", "title: T\nbase_url: /not/absolute\nlanguage: English\ndescriptoin: x\n");
    insta::assert_snapshot!(site.error_text());
    let site = TestSite::blank().file("config.yaml", "title: T\nbase_url: htp//x\nlanguage: English\n");
    insta::assert_snapshot!("config_errors_values", site.error_text());
    let missing = TestSite::blank();
    assert!(missing.error_text().starts_with("config.yaml: config.yaml not found"));
}

#[test]
fn two_pages_at_one_url() {
    let site = TestSite::minimal()
        .file("content/a.md", &page("title: A\nslug: same\n", ""))
        .file("content/same.md", &page("title: Same\n", ""));
    let text = site.error_text();
    assert!(text.contains("both published at `/same/`"), "{text}");
}

#[test]
fn shortcode_errors_are_located_at_their_line() {
    let site = TestSite::minimal().file(
        "content/a.md",
        &page("title: A\n", "Intro\n\n{{ chrat(indicator=\"x\") }}\n\n{{ typology(extra=1) }}\n\n{{ chart(indicator=\"x\" kind=\"bar\") }}\n\n```\n{{ not_parsed() }}\n```\n"),
    );
    insta::assert_snapshot!(site.error_text());
}

#[test]
fn invalid_utf8_is_located() {
    let site = TestSite::minimal();
    std::fs::create_dir_all(site.path().join("content")).unwrap();
    std::fs::write(site.path().join("content/a.md"), b"---\ntitle: A\n---\nCaf\xe9\n").unwrap();
    let text = site.error_text();
    assert!(text.starts_with("content/a.md:4:4: file is not valid UTF-8 text"), "{text}");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_refused() {
    let site = TestSite::minimal();
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "---\ntitle: Secret\n---\n").unwrap();
    std::fs::create_dir_all(site.path().join("content")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.path().join("content/secret.md")).unwrap();
    let text = site.error_text();
    assert!(text.starts_with("content/secret.md: symbolic link points outside the site folder"), "{text}");
}

#[test]
fn a_missing_parent_and_a_syntax_error_are_reported_together() {
    let site = TestSite::minimal()
        .file("content/a.md", &page("title: A\n", ""))
        .file(
            "templates/section.html",
            "{% extends \"base.html\" %}\n{% block content %}{% if %}{% endblock content %}\n",
        )
        .file("templates/other.html", "{% extends \"nope.html\" %}\n");
    let text = site.error_text();
    assert!(text.contains("templates/section.html:2:"), "{text}");
    assert!(
        text.contains("templates/other.html:1:1: `other.html` extends `nope.html`, which does not exist"),
        "{text}"
    );
}
