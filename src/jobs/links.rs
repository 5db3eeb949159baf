//! The check of internal links and anchors, from what each page's job
//! collected, and of pages no link reaches.
//!
//! Owns resolving a link (root-relative, relative, `#anchor`) to an output
//! file, checking that the file is one the run makes and, for an anchor,
//! that the page has an element with that `id`. External links are left to
//! `check --external`. Nothing here reads HTML: every page's job hands in
//! its links (with who wrote them) and ids, and a page is checked as soon
//! as its job ends, against the list of outputs known before any job ran;
//! only anchors on other pages wait for the end of the run.
//!
//! Links written in Markdown are reported at their `path:line:column`.
//! Links the templates make are reported once per distinct broken one, with
//! the pages it is on, at the template line where the address is written
//! (found by searching the templates for it; at the page's template when no
//! template spells it out).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, MAX_REPEATS_PER_FILE};
use crate::routes;
use crate::scope::{FoundLink, Written};
use crate::source::{Source, SourceFile};
use crate::theme::TemplateSet;

/// How strict the link check is: `build` warns, `check` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkSeverity {
    Warning,
    Error,
}

/// What every page's check needs: the outputs of the run, known before any
/// page is rendered.
pub(crate) struct LinkIndex {
    /// Output path -> its number among the outputs.
    outputs: HashMap<String, u32>,
    base_path: String,
    /// Verdicts on targets without an anchor, shared by all pages.
    closest: Mutex<HashMap<String, Option<String>>>,
    /// Page directories (`/brief/intro/`), for "did you mean".
    page_urls: Vec<String>,
}

impl LinkIndex {
    pub(crate) fn new<'a>(outputs: impl Iterator<Item = &'a str>, base_path: &str) -> Self {
        let outputs: HashMap<String, u32> = outputs.enumerate().map(|(i, p)| (p.to_string(), i as u32)).collect();
        let mut page_urls: Vec<String> = outputs.keys().filter_map(|p| routes::page_of_output(p)).collect();
        page_urls.sort();
        LinkIndex { outputs, base_path: base_path.to_string(), closest: Mutex::default(), page_urls }
    }

    /// The output a site path names: the file itself, or the folder's page.
    fn output_of(&self, site_path: &str) -> Option<(&str, u32)> {
        let trimmed = site_path.trim_start_matches('/');
        let as_file =
            (!trimmed.is_empty() && !trimmed.ends_with('/')).then(|| self.outputs.get_key_value(trimmed)).flatten();
        as_file
            .or_else(|| {
                let dir = trimmed.trim_end_matches('/');
                let page = if dir.is_empty() { "index.html".to_string() } else { format!("{dir}/index.html") };
                self.outputs.get_key_value(page.as_str())
            })
            .map(|(k, i)| (k.as_str(), *i))
    }

    fn missing(&self, site_path: &str) -> (String, Option<String>) {
        let help = {
            let mut cache = self.closest.lock().unwrap_or_else(|e| e.into_inner());
            cache
                .entry(site_path.to_string())
                .or_insert_with(|| {
                    crate::diagnostics::did_you_mean(site_path, self.page_urls.iter().map(String::as_str))
                        .map(str::to_owned)
                })
                .clone()
        };
        (
            format!("link to `{site_path}`, which is not a page or file of this site"),
            help.map(|p| format!("did you mean `{p}`?")),
        )
    }
}

/// One page's links, checked: what is already known to be broken, what
/// waits for another page's ids, and which pages it leads to.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageLinks {
    /// Outputs this page links to (for pages no link reaches).
    pub(crate) reaches: Vec<u32>,
    problems: Vec<Problem>,
    /// Anchors on other pages, checked at the end of the run.
    waiting: Vec<(u32, String, Problem)>,
}

/// A broken link, before it becomes a diagnostic.
#[derive(Debug, Clone)]
struct Problem {
    written: Written,
    /// As written in a template, without the base path (`/missing/`, `#top`).
    as_written: String,
    message: String,
    help: Option<String>,
}

/// Check the links of the page at `url` (a site path), whose own ids are
/// `ids`. Markdown links are checked only on the page of their own file
/// (`own_markdown`), so that a narrative shown again in a report is not
/// reported twice.
pub(crate) fn check_page(index: &LinkIndex, url: &str, links: &[FoundLink], ids: &[String]) -> PageLinks {
    let mut out = PageLinks::default();
    let own_ids: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    for link in links {
        let (base, target) = match &link.written {
            Written::Markdown { url: written_on, .. } => {
                if written_on != url {
                    continue;
                }
                (written_on.as_str(), link.target.as_str())
            }
            Written::Template(_) => (url, link.target.as_str()),
        };
        let Target::Local { path, fragment } = classify(target) else { continue };
        let site_path = match &link.written {
            Written::Markdown { .. } => Some(if path.is_empty() { base.into() } else { resolve(base, path).into() }),
            Written::Template(_) => site_path_of(base, path, &index.base_path),
        };
        let Some(site_path) = site_path else { continue };
        let problem = |message: String, help: Option<String>| Problem {
            written: link.written.clone(),
            as_written: match target.strip_prefix(&index.base_path) {
                Some(rest) if target.starts_with('/') => rest.to_string(),
                _ => target.to_string(),
            },
            message,
            help,
        };
        let Some((file, number)) = index.output_of(&site_path) else {
            let (message, help) = index.missing(&site_path);
            out.problems.push(problem(message, help));
            continue;
        };
        out.reaches.push(number);
        let Some(fragment) = fragment else { continue };
        if !file.ends_with(".html") {
            continue;
        }
        let same_page = routes::output_path(url) == file;
        let on_page_message = |f: &str| match (&link.written, path.is_empty()) {
            (Written::Template(_), true) => format!("the page has no anchor `#{f}`"),
            _ => format!("`{site_path}` has no anchor `#{f}`"),
        };
        if same_page {
            if !own_ids.contains(fragment) {
                let help = anchor_help(fragment, own_ids.iter().copied());
                out.problems.push(problem(on_page_message(fragment), Some(help)));
            }
        } else {
            let message = on_page_message(fragment);
            out.waiting.push((number, fragment.to_string(), problem(message, None)));
        }
    }
    out
}

fn anchor_help<'a>(fragment: &str, ids: impl Iterator<Item = &'a str> + Clone) -> String {
    crate::diagnostics::did_you_mean(fragment, ids).map(|s| format!("did you mean `#{s}`?")).unwrap_or_else(|| {
        "an anchor is the id of an element of the page: a heading's id (see docs/format.md), a note \
         (`#fn-…`) or an id of the theme (`#main`, `#top`)"
            .into()
    })
}

/// A page as the final check sees it.
#[derive(Debug, Clone)]
pub(crate) struct CheckedPage {
    /// Site path, `/brief/intro/`.
    pub(crate) url: String,
    /// The template that rendered it, as a site path (`templates/page.html`).
    pub(crate) template: String,
    /// The file that asked for it (a content file, or a description).
    pub(crate) origin: String,
    pub(crate) output: u32,
    pub(crate) links: PageLinks,
    /// Its ids, joined by newlines (kept for anchors on other pages).
    pub(crate) ids: String,
}

/// Every problem of every page: anchors on other pages resolved, template
/// links grouped, Markdown links capped per file, and pages no chain of
/// links from the home page reaches.
pub(crate) fn finish(
    pages: &[&CheckedPage],
    templates: &TemplateSet,
    severity: LinkSeverity,
    home: Option<u32>,
    not_found: Option<u32>,
) -> Diagnostics {
    let by_output: HashMap<u32, usize> = pages.iter().enumerate().map(|(i, p)| (p.output, i)).collect();
    let mut markdown: BTreeMap<(String, usize), (Source, Problem)> = BTreeMap::new();
    let mut grouped: BTreeMap<(String, String), TemplateLink> = BTreeMap::new();
    for page in pages {
        let waiting = page.links.waiting.iter().filter_map(|(target, fragment, problem)| {
            let ids = &pages[*by_output.get(target)?].ids;
            if ids.lines().any(|id| id == fragment) {
                return None;
            }
            let mut problem = problem.clone();
            problem.help = Some(anchor_help(fragment, ids.lines()));
            Some(problem)
        });
        for problem in page.links.problems.iter().cloned().chain(waiting) {
            match &problem.written {
                Written::Markdown { source, offset, .. } => {
                    markdown.insert((source.path.clone(), *offset), (source.clone(), problem));
                }
                Written::Template(name) => {
                    let template = templates.source_of(name).map_or(page.template.clone(), |s| s.path.clone());
                    let key = (problem.as_written.clone(), problem.message.clone());
                    let link = grouped.entry(key).or_insert_with(|| TemplateLink {
                        as_written: problem.as_written.clone(),
                        message: problem.message.clone(),
                        help: problem.help.clone(),
                        pages: Vec::new(),
                        templates: BTreeSet::new(),
                    });
                    link.pages.push(page.url.clone());
                    link.templates.insert(template);
                }
            }
        }
    }
    let mut diagnostics = markdown_diagnostics(markdown, severity);
    grouped.into_values().for_each(|link| diagnostics.push(link.diagnostic(templates, severity)));
    report_orphans(pages, &by_output, home, not_found, &mut diagnostics);
    diagnostics
}

/// Broken Markdown links at their place, at most `MAX_REPEATS_PER_FILE` per
/// file and then a count.
fn markdown_diagnostics(problems: BTreeMap<(String, usize), (Source, Problem)>, severity: LinkSeverity) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    let mut per_file: BTreeMap<String, (usize, usize, Option<Source>)> = BTreeMap::new();
    for ((path, offset), (source, problem)) in problems {
        let entry = per_file.entry(path).or_insert((0, 0, None));
        entry.0 += 1;
        if entry.0 <= MAX_REPEATS_PER_FILE {
            let d = broken_link(severity, problem.message).at_offset(&source, offset);
            diagnostics.push(d.with_optional_help(problem.help));
        } else if entry.0 == MAX_REPEATS_PER_FILE + 1 {
            entry.1 = offset;
            entry.2 = Some(source);
        }
    }
    for (found, first_unlisted, source) in per_file.into_values() {
        if let (true, Some(source)) = (found > MAX_REPEATS_PER_FILE, source) {
            let severity = broken_link(severity, String::new()).severity;
            let at: (&SourceFile, usize) = (&source, first_unlisted);
            diagnostics.push(Diagnostic::and_more(
                Code::BrokenLink,
                severity,
                at,
                found - MAX_REPEATS_PER_FILE,
                "broken links",
            ));
        }
    }
    diagnostics
}

fn broken_link(severity: LinkSeverity, message: String) -> Diagnostic {
    match severity {
        LinkSeverity::Warning => Diagnostic::warning(Code::BrokenLink, message),
        LinkSeverity::Error => Diagnostic::error(Code::BrokenLink, message),
    }
}

enum Target<'a> {
    External,
    Local { path: &'a str, fragment: Option<&'a str> },
}

fn classify(dest: &str) -> Target<'_> {
    let has_scheme = dest.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if has_scheme || dest.starts_with("//") {
        return Target::External;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f).filter(|f| !f.is_empty())),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or("");
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

/// The site path a link of the page at `here` leads to; `None` for a
/// root-relative link outside `base_path` (not this site's).
fn site_path_of<'a>(here: &'a str, path: &'a str, base_path: &str) -> Option<std::borrow::Cow<'a, str>> {
    if path.is_empty() {
        return Some(here.into());
    }
    if !path.starts_with('/') {
        return Some(resolve(here, path).into());
    }
    match path.strip_prefix(base_path) {
        Some(inside) if base_path.is_empty() || inside.is_empty() || inside.starts_with('/') => {
            Some(if inside.is_empty() { "/".into() } else { inside.into() })
        }
        _ => None,
    }
}

/// A broken link made by templates, with every page it is on.
struct TemplateLink {
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
fn report_orphans(
    pages: &[&CheckedPage],
    by_output: &HashMap<u32, usize>,
    home: Option<u32>,
    not_found: Option<u32>,
    diagnostics: &mut Diagnostics,
) {
    let Some(home) = home.and_then(|h| by_output.get(&h).copied()) else { return };
    let mut seen = vec![false; pages.len()];
    seen[home] = true;
    let mut queue = vec![home];
    while let Some(i) = queue.pop() {
        for target in &pages[i].links.reaches {
            if let Some(&j) = by_output.get(target)
                && !seen[j]
            {
                seen[j] = true;
                queue.push(j);
            }
        }
    }
    for (page, reached) in pages.iter().zip(seen) {
        if !reached && Some(page.output) != not_found {
            let d = Diagnostic::warning(
                Code::OrphanPage,
                format!("`{}` cannot be reached by following links from the home page", page.url),
            )
            .with_help("link to it from its section, the home page or another page");
            let d =
                if page.origin.starts_with("content/") { d.in_file(&page.origin) } else { d.in_file(&page.template) };
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
    fn checks_a_page_against_the_outputs() {
        let index = LinkIndex::new(["index.html", "a/index.html", "data/x.csv"].into_iter(), "");
        let link = |t: &str| FoundLink { target: t.into(), written: Written::Template("page.html".into()) };
        let links = [link("/a/"), link("/missing/"), link("#top"), link("#nope"), link("/a/#far"), link("/data/x.csv")];
        let checked = check_page(&index, "/", &links, &["top".into()]);
        assert_eq!(checked.reaches, [1, 0, 0, 1, 2]);
        let messages: Vec<&str> = checked.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            ["link to `/missing/`, which is not a page or file of this site", "the page has no anchor `#nope`"]
        );
        assert_eq!(checked.waiting.len(), 1);
    }
}
