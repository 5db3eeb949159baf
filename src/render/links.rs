//! The check of links written in Markdown, against the real output.
//!
//! Owns resolving a link (root-relative, relative, `#anchor`) to an output
//! file and checking that the file exists and, for an anchor, that the page
//! has an element with that `id`. External links are left to `check
//! --external`. Reports at the link's `path:line:column`.
//!
//! Links the templates make are checked in every rendered page, and each
//! distinct broken one is reported once, with the pages it is on, at the
//! template line where its address is written (found by searching the
//! templates for it; at the page's template when no template spells it out).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::content::Document;
use crate::diagnostics::{Diagnostic, Diagnostics, MAX_REPEATS_PER_FILE};
use crate::markdown::Rendered;
use crate::output::Output;
use crate::routes;
use crate::source::SourceFile;

use super::LinkSeverity;
use super::theme::TemplateSet;

pub(crate) fn check_markdown_links(
    output: &Output,
    docs: &[(&Document, &Rendered)],
    severity: LinkSeverity,
) -> Diagnostics {
    let mut ids_cache: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut verdicts: HashMap<(String, Option<String>), Problem> = HashMap::new();
    let mut diagnostics = Diagnostics::new();
    for (doc, md) in docs {
        let (mut found, mut first_unlisted) = (0, 0);
        for link in &md.links {
            let Target::Local { path, fragment } = classify(&link.dest) else { continue };
            let site_path = if path.is_empty() { doc.url.clone() } else { resolve(&doc.url, &path) };
            let problem = verdicts.entry((site_path, fragment)).or_insert_with_key(|(site_path, fragment)| {
                check_target(output, &mut ids_cache, site_path, fragment.as_deref())
            });
            let Some((message, help)) = problem else { continue };
            found += 1;
            if found <= MAX_REPEATS_PER_FILE {
                let d = broken_link(severity, message.clone()).at_offset(&doc.source, link.offset);
                diagnostics.push(d.with_optional_help(help.clone()));
            } else if found == MAX_REPEATS_PER_FILE + 1 {
                first_unlisted = link.offset;
            }
        }
        if found > MAX_REPEATS_PER_FILE {
            let severity = broken_link(severity, String::new()).severity;
            let (more, at) = (found - MAX_REPEATS_PER_FILE, (&*doc.source, first_unlisted));
            diagnostics.push(Diagnostic::and_more("broken-link", severity, at, more, "broken links"));
        }
    }
    diagnostics
}

/// What is wrong with a link: a message and maybe a help.
type Problem = Option<(String, Option<String>)>;

fn broken_link(severity: LinkSeverity, message: String) -> Diagnostic {
    match severity {
        LinkSeverity::Warning => Diagnostic::warning("broken-link", message),
        LinkSeverity::Error => Diagnostic::error("broken-link", message),
    }
}

enum Target {
    External,
    Local { path: String, fragment: Option<String> },
}

fn classify(dest: &str) -> Target {
    let has_scheme = dest.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || dest.starts_with("//") {
        return Target::External;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string()).filter(|f| !f.is_empty())),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or("").to_string();
    Target::Local { path, fragment }
}

/// Resolve `dest` (root-relative or relative) from the page at `from`.
fn resolve(from: &str, dest: &str) -> String {
    let mut segments: Vec<&str> =
        if dest.starts_with('/') { Vec::new() } else { from.split('/').filter(|s| !s.is_empty()).collect() };
    for seg in dest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut path = format!("/{}", segments.join("/"));
    if dest.ends_with('/') && path != "/" {
        path.push('/');
    }
    path
}

fn check_target(
    output: &Output,
    ids_cache: &mut BTreeMap<String, BTreeSet<String>>,
    site_path: &str,
    fragment: Option<&str>,
) -> Problem {
    let as_file = routes::output_path(site_path);
    let as_dir = routes::output_path(&format!("{}/", site_path.trim_end_matches('/')));
    let file = if output.contains(&as_file) {
        as_file
    } else if output.contains(&as_dir) {
        as_dir
    } else {
        let help = closest_page(output, site_path).map(|p| format!("did you mean `{p}`?"));
        return Some((format!("link to `{site_path}`, which is not a page or file of this site"), help));
    };
    let fragment = fragment?;
    if !file.ends_with(".html") {
        return None;
    }
    let ids = ids_cache
        .entry(file.clone())
        .or_insert_with(|| output.bytes(&file).map(|b| ids_in(&String::from_utf8_lossy(b))).unwrap_or_default());
    if ids.contains(fragment) {
        None
    } else {
        let help = crate::diagnostics::did_you_mean(fragment, ids.iter().map(String::as_str))
            .map(|s| format!("did you mean `#{s}`?"))
            .unwrap_or_else(|| {
                "an anchor is the id of an element of the page: a heading's id (see docs/format.md), a note \
                 (`#fn-…`) or an id of the theme (`#main`, `#top`)"
                    .into()
            });
        Some((format!("`{site_path}` has no anchor `#{fragment}`"), Some(help)))
    }
}

/// The URL of the page of the output closest to `site_path`, if one is close.
fn closest_page(output: &Output, site_path: &str) -> Option<String> {
    let pages: Vec<String> =
        output.paths().filter_map(|p| p.strip_suffix("index.html")).map(|dir| format!("/{dir}")).collect();
    crate::diagnostics::did_you_mean(site_path, pages.iter().map(String::as_str)).map(str::to_owned)
}

/// Every `id="..."` in an HTML document.
pub(crate) fn ids_in(html: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=\"") {
        rest = &rest[i + 5..];
        if let Some(end) = rest.find('"') {
            ids.insert(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    ids
}

/// Every `href`/`src` value in an HTML document, in order.
pub(crate) fn link_targets(html: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for attr in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            if let Some(end) = rest.find('"') {
                targets.push(rest[..end].replace("&amp;", "&"));
                rest = &rest[end..];
            }
        }
    }
    targets
}

/// A page of the output, where it came from and the links its Markdown wrote.
pub(crate) struct RenderedPage<'a> {
    /// `brief/intro/index.html`
    pub(crate) path: String,
    /// The template that rendered it, as a site path (`templates/page.html`).
    pub(crate) template: &'a str,
    /// The file that asked for it (a content file, or a description).
    pub(crate) origin: &'a str,
    /// Links as written in its Markdown, already checked (with a location).
    pub(crate) markdown_links: BTreeSet<String>,
}

/// Links the templates made (not the Markdown, which is checked with its
/// own locations), and pages that no chain of links from the home page
/// reaches.
pub(crate) fn check_rendered_pages(
    output: &Output,
    pages: &[RenderedPage<'_>],
    templates: &TemplateSet,
    base_path: &str,
    severity: LinkSeverity,
) -> Diagnostics {
    let mut ids_cache: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut broken: BTreeMap<(String, String), TemplateLink> = BTreeMap::new();
    let mut graph: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for page in pages {
        let Some(bytes) = output.bytes(&page.path) else { continue };
        let html = String::from_utf8_lossy(bytes);
        let here = format!("/{}", page.path.trim_end_matches("index.html"));
        let mut reached = Vec::new();
        for target in link_targets(&html) {
            let Target::Local { path, fragment } = classify(&target) else { continue };
            let Some(site_path) = site_path_of(&here, &path, base_path) else { continue };
            reached.push(site_path.clone());
            let as_written = match target.strip_prefix(base_path) {
                Some(rest) if target.starts_with('/') => rest.to_string(),
                _ => target.clone(),
            };
            if page.markdown_links.contains(&as_written) || page.markdown_links.contains(&target) {
                continue;
            }
            if let Some((message, help)) = check_target(output, &mut ids_cache, &site_path, fragment.as_deref()) {
                let message = match (path.is_empty(), &fragment) {
                    (true, Some(f)) => format!("the page has no anchor `#{f}`"),
                    _ => message,
                };
                let link = broken.entry((as_written.clone(), message.clone())).or_insert_with(|| TemplateLink {
                    as_written,
                    message,
                    help,
                    pages: Vec::new(),
                    templates: BTreeSet::new(),
                });
                link.pages.push(here.clone());
                link.templates.insert(page.template.to_string());
            }
        }
        graph.insert(page.path.as_str(), reached);
    }
    let mut diagnostics: Diagnostics = broken.into_values().map(|link| link.diagnostic(templates, severity)).collect();
    report_orphans(pages, &graph, &mut diagnostics);
    diagnostics
}

/// The site path a link of the page at `here` leads to; `None` for a
/// root-relative link outside `base_path` (not this site's).
fn site_path_of(here: &str, path: &str, base_path: &str) -> Option<String> {
    if path.is_empty() {
        return Some(here.to_string());
    }
    let Some(rest) = path.strip_prefix('/') else { return Some(resolve(here, path)) };
    match format!("/{rest}").strip_prefix(base_path) {
        Some(inside) if base_path.is_empty() || inside.is_empty() || inside.starts_with('/') => {
            Some(if inside.is_empty() { "/".to_string() } else { inside.to_string() })
        }
        _ => None,
    }
}

/// A broken link made by templates, with every page it is on.
struct TemplateLink {
    /// The address without `base_path` (`/missing/`, `#top`).
    as_written: String,
    message: String,
    help: Option<String>,
    /// Site paths of the pages, in the order of the output.
    pages: Vec<String>,
    /// The templates of those pages (site paths).
    templates: BTreeSet<String>,
}

impl TemplateLink {
    fn diagnostic(&self, templates: &TemplateSet, severity: LinkSeverity) -> Diagnostic {
        let d = broken_link(severity, format!("{} ({})", self.message, pages_note(&self.pages)))
            .with_optional_help(self.help.clone());
        match self.written_in(templates) {
            Some((source, offset)) => d.at_offset(source, offset),
            None => d.in_file(self.templates.first().cloned().unwrap_or_default()),
        }
    }

    /// The template and offset where the address is written: the pages'
    /// own templates first, then every other one (a parent, a partial).
    fn written_in<'t>(&self, templates: &'t TemplateSet) -> Option<(&'t SourceFile, usize)> {
        let sources = || templates.templates.values().map(|t| &*t.source);
        let own = sources().filter(|s| self.templates.contains(&s.path));
        let others = sources().filter(|s| !self.templates.contains(&s.path));
        own.chain(others).find_map(|source| find_address(&source.text, &self.as_written).map(|at| (source, at)))
    }
}

/// `on 1 page: `/a/``, `on 3 pages: `/a/`, `/b/`, `/c/``, `on 40 pages: `/a/`, `/b/`, `/c/`, …`.
fn pages_note(pages: &[String]) -> String {
    let shown: Vec<String> = pages.iter().take(3).map(|p| format!("`{p}`")).collect();
    let more = if pages.len() > 3 { ", …" } else { "" };
    let noun = if pages.len() == 1 { "page" } else { "pages" };
    format!("on {} {noun}: {}{more}", pages.len(), shown.join(", "))
}

/// Where `address` is written as (the end of) an attribute value in a
/// template: after a quote, `=` or a `}}`, and before a quote, `#` or `?`.
fn find_address(text: &str, address: &str) -> Option<usize> {
    if address.is_empty() {
        return None;
    }
    text.match_indices(address).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + address.len()..].chars().next();
        matches!(before, Some('"' | '\'' | '=' | '}')) && matches!(after, Some('"' | '\'' | '#' | '?'))
    })
}

/// Pages no chain of links from the home page reaches (warnings).
fn report_orphans(pages: &[RenderedPage<'_>], graph: &BTreeMap<&str, Vec<String>>, diagnostics: &mut Diagnostics) {
    let mut seen: BTreeSet<String> = BTreeSet::from([routes::output_path("/")]);
    let mut queue = vec![routes::output_path("/")];
    while let Some(path) = queue.pop() {
        for target in graph.get(path.as_str()).into_iter().flatten() {
            let file = if target.ends_with('/') {
                routes::output_path(target)
            } else {
                target.trim_start_matches('/').to_string()
            };
            if graph.contains_key(file.as_str()) && seen.insert(file.clone()) {
                queue.push(file);
            }
        }
    }
    for page in pages {
        if page.path != routes::output_path(routes::NOT_FOUND) && !seen.contains(&page.path) {
            let url = format!("/{}", page.path.trim_end_matches("index.html"));
            let d = Diagnostic::warning(
                "orphan-page",
                format!("`{url}` cannot be reached by following links from the home page"),
            )
            .with_help("link to it from its section, the home page or another page");
            let d = if page.origin.starts_with("content/") { d.in_file(page.origin) } else { d.in_file(page.template) };
            diagnostics.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_and_root_links() {
        assert_eq!(resolve("/brief/intro/", "../conclusion/"), "/brief/conclusion/");
        assert_eq!(resolve("/brief/intro/", "/typology/"), "/typology/");
        assert_eq!(resolve("/brief/intro/", "notes/"), "/brief/intro/notes/");
        assert_eq!(resolve("/a/", "../../../x"), "/x");
    }

    #[test]
    fn finds_addresses_written_in_templates() {
        let t = "<a href=\"{{ config.base_path }}/missing/\">x</a>\n<a href='#top'>y</a> /missing/";
        assert_eq!(find_address(t, "/missing/"), t.find("/missing/\""));
        assert_eq!(find_address(t, "#top"), Some(t.find("#top").unwrap()));
        assert_eq!(find_address(t, "/miss"), None);
        assert_eq!(pages_note(&["/a/".into()]), "on 1 page: `/a/`");
        let four: Vec<String> = ["/a/", "/b/", "/c/", "/d/"].map(String::from).to_vec();
        assert_eq!(pages_note(&four), "on 4 pages: `/a/`, `/b/`, `/c/`, …");
    }

    #[test]
    fn finds_ids() {
        let ids = ids_in(r#"<h2 id="a">A</h2><li id="fn-1">"#);
        assert!(ids.contains("a") && ids.contains("fn-1"));
    }
}
