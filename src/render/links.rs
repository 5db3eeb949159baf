//! The check of links written in Markdown, against the real output.
//!
//! Owns resolving a link (root-relative, relative, `#anchor`) to an output
//! file and checking that the file exists and, for an anchor, that the page
//! has an element with that `id`. External links are left to `check
//! --external`. Reports at the link's `path:line:column`.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::Document;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;
use crate::output::Output;
use crate::routes;

use super::LinkSeverity;

pub(crate) fn check_markdown_links(
    output: &Output,
    docs: &[(&Document, &Rendered)],
    severity: LinkSeverity,
) -> Diagnostics {
    let mut ids_cache: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut diagnostics = Diagnostics::new();
    for (doc, md) in docs {
        for link in &md.links {
            let problem = match classify(&link.dest) {
                Target::External => None,
                Target::Local { path, fragment } => {
                    let site_path = if path.is_empty() { doc.url.clone() } else { resolve(&doc.url, &path) };
                    check_target(output, &mut ids_cache, &site_path, fragment.as_deref())
                }
            };
            if let Some((message, help)) = problem {
                let d = match severity {
                    LinkSeverity::Warning => Diagnostic::warning("broken-link", message),
                    LinkSeverity::Error => Diagnostic::error("broken-link", message),
                };
                diagnostics.push(d.at_offset(&doc.source, link.offset).with_optional_help(help));
            }
        }
    }
    diagnostics
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
) -> Option<(String, Option<String>)> {
    let as_file = routes::output_path(site_path);
    let as_dir = routes::output_path(&format!("{}/", site_path.trim_end_matches('/')));
    let file = if output.contains(&as_file) {
        as_file
    } else if output.contains(&as_dir) {
        as_dir
    } else {
        return Some((format!("link to `{site_path}`, which is not a page or file of this site"), None));
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
            .map(|s| format!("did you mean `#{s}`?"));
        Some((format!("`{site_path}` has no anchor `#{fragment}`"), help))
    }
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
    base_path: &str,
    severity: LinkSeverity,
) -> Diagnostics {
    let mut ids_cache: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut diagnostics = Diagnostics::new();
    let mut graph: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for page in pages {
        let Some(bytes) = output.bytes(&page.path) else { continue };
        let html = String::from_utf8_lossy(bytes);
        let here = format!("/{}", page.path.trim_end_matches("index.html"));
        let mut reached = Vec::new();
        for target in link_targets(&html) {
            let Target::Local { path, fragment } = classify(&target) else { continue };
            let site_path = if path.is_empty() {
                here.clone()
            } else if let Some(rest) = path.strip_prefix('/') {
                match format!("/{rest}").strip_prefix(base_path) {
                    Some(inside) if base_path.is_empty() || inside.is_empty() || inside.starts_with('/') => {
                        if inside.is_empty() { "/".to_string() } else { inside.to_string() }
                    }
                    _ => continue,
                }
            } else {
                resolve(&here, &path)
            };
            reached.push(site_path.clone());
            let as_written = match target.strip_prefix(base_path) {
                Some(rest) if target.starts_with('/') => rest.to_string(),
                _ => target.clone(),
            };
            if page.markdown_links.contains(&as_written) || page.markdown_links.contains(&target) {
                continue;
            }
            if let Some((message, help)) = check_target(output, &mut ids_cache, &site_path, fragment.as_deref()) {
                let d = match severity {
                    LinkSeverity::Warning => Diagnostic::warning("broken-link", format!("on `{here}`: {message}")),
                    LinkSeverity::Error => Diagnostic::error("broken-link", format!("on `{here}`: {message}")),
                };
                diagnostics.push(d.in_file(page.template).with_optional_help(help));
            }
        }
        graph.insert(page.path.as_str(), reached);
    }
    report_orphans(pages, &graph, &mut diagnostics);
    diagnostics
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
    fn finds_ids() {
        let ids = ids_in(r#"<h2 id="a">A</h2><li id="fn-1">"#);
        assert!(ids.contains("a") && ids.contains("fn-1"));
    }
}
