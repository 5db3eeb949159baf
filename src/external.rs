//! `check --external`: are the web links of the site still alive?
//!
//! Owns checking every `http(s)` link of the rendered pages (links to the
//! site itself left out; the render stage collects them) once each, with a bounded number of
//! requests at a time, a timeout, and one retry for errors that may pass
//! (network failures, 429, 5xx). Off by default: it needs the network and
//! its answers change from day to day, so broken external links are
//! warnings, not errors. A broken link is reported where it is written
//! (the Markdown page, data file or template that holds the address, at its
//! line and column), or at the page that shows it when no file of the site
//! spells it out (an address made by a template from data).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::fsio::SiteRoot;
use crate::source::Source;

/// How many requests run at once.
pub(crate) const CONCURRENCY: usize = 8;
/// How long one request may take.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(10);

/// What one URL answered.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Outcome {
    Ok(u16),
    Broken(String),
}

/// Check every URL, `CONCURRENCY` at a time; results in URL order.
pub(crate) fn check_all(urls: &[String]) -> Vec<Outcome> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(TIMEOUT))
        .http_status_as_error(false)
        .max_redirects(5)
        .user_agent("polibrief link check")
        .build()
        .into();
    let next = AtomicUsize::new(0);
    let results = Mutex::new(vec![Outcome::Broken(String::new()); urls.len()]);
    std::thread::scope(|scope| {
        for _ in 0..CONCURRENCY.min(urls.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let outcome = check_with_retry(&agent, url);
                    if let Ok(mut r) = results.lock() {
                        r[i] = outcome;
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

fn check_with_retry(agent: &ureq::Agent, url: &str) -> Outcome {
    match check_once(agent, url) {
        Err(Retry) => match check_once(agent, url) {
            Ok(outcome) => outcome,
            Err(Retry) => Outcome::Broken("no answer after a retry".into()),
        },
        Ok(outcome) => outcome,
    }
}

struct Retry;

/// HEAD first (cheap); servers that refuse HEAD get a GET.
fn check_once(agent: &ureq::Agent, url: &str) -> Result<Outcome, Retry> {
    let status = match agent.head(url).call() {
        Ok(response) => response.status().as_u16(),
        Err(_) => return Err(Retry),
    };
    let status = if matches!(status, 403 | 405 | 501) {
        match agent.get(url).call() {
            Ok(response) => response.status().as_u16(),
            Err(_) => return Err(Retry),
        }
    } else {
        status
    };
    match status {
        200..=399 => Ok(Outcome::Ok(status)),
        429 | 500..=599 => Err(Retry),
        other => Ok(Outcome::Broken(format!("HTTP {other}"))),
    }
}

/// Check the web links of a site (each address and the pages showing it);
/// warnings for the broken ones, located in the files of `site_dir` that
/// write them, and a one-line summary.
pub(crate) fn check_external_links(links: &BTreeMap<String, Vec<String>>, site_dir: &Path) -> (Diagnostics, String) {
    let urls: Vec<String> = links.keys().cloned().collect();
    let outcomes = check_all(&urls);
    let broken: Vec<(&String, &str)> = urls
        .iter()
        .zip(&outcomes)
        .filter_map(|(url, outcome)| match outcome {
            Outcome::Broken(why) => Some((url, why.as_str())),
            Outcome::Ok(_) => None,
        })
        .collect();
    let sources = if broken.is_empty() { Vec::new() } else { site_sources(site_dir) };
    let mut diagnostics = Diagnostics::new();
    for (url, why) in &broken {
        broken_link_diagnostics(url, why, &links[*url], &sources).into_iter().for_each(|d| diagnostics.push(d));
    }
    let summary =
        format!("checked {} external links: {} ok, {} broken", urls.len(), urls.len() - broken.len(), broken.len());
    (diagnostics, summary)
}

/// One warning per file that writes the address, or one at the first page
/// that shows it.
fn broken_link_diagnostics(url: &str, why: &str, pages: &[String], sources: &[Source]) -> Vec<Diagnostic> {
    let pages_note = match pages.len() {
        1 => format!("on `{}`", pages[0]),
        n => format!("on {n} pages, first `{}`", pages[0]),
    };
    let message = format!("`{url}` is broken ({why}; {pages_note})");
    let warning = || {
        Diagnostic::warning(Code::BrokenExternalLink, message.clone())
            .with_help("correct the address, link to an archived copy, or remove the link")
    };
    let found: Vec<Diagnostic> = sources
        .iter()
        .filter_map(|source| find_url(&source.text, url).map(|offset| warning().at_offset(source, offset)))
        .collect();
    if found.is_empty() { vec![warning().in_file(pages[0].clone())] } else { found }
}

/// The Markdown pages, data files and templates of the site, where links are written.
fn site_sources(site_dir: &Path) -> Vec<Source> {
    let Ok(dir) = std::fs::canonicalize(site_dir) else { return Vec::new() };
    let root = SiteRoot::new(dir);
    let mut ignored = Vec::new();
    let mut sources = Vec::new();
    for (folder, extensions) in [("content", &["md"][..]), ("data", &["yaml", "yml"]), ("templates", &["html", "xml"])]
    {
        for path in root.files_under(&root.dir.join(folder), &mut ignored) {
            let wanted = path.extension().is_some_and(|e| extensions.iter().any(|x| e == *x));
            if let (true, Ok(source)) = (wanted, root.read_source(&path)) {
                sources.push(source);
            }
        }
    }
    sources
}

/// Where `url` is written in `text`: a whole address, not the start of a
/// longer one (`https://a.org/x` is not found in `https://a.org/xy`).
fn find_url(text: &str, url: &str) -> Option<usize> {
    let spelled = [url.to_string(), url.replace('&', "&amp;")];
    spelled.iter().find_map(|needle| {
        text.match_indices(needle.as_str()).map(|(i, _)| i).find(|&i| {
            let after = text[i + needle.len()..].chars().next();
            after.is_none_or(|c| c.is_whitespace() || "#)>]\"'<|,".contains(c))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_addresses_only() {
        let text = "see [a](https://a.org/xy) and [b](https://a.org/x#top)\n";
        assert_eq!(find_url(text, "https://a.org/x"), Some(34));
        assert_eq!(find_url("<https://a.org/x>", "https://a.org/x"), Some(1));
        assert_eq!(find_url("https://a.org/x?a=1&amp;b=2\"", "https://a.org/x?a=1&b=2"), Some(0));
        assert_eq!(find_url("https://a.org/xy", "https://a.org/x"), None);
    }
}
