//! `check --external`: are the web links of the site still alive?
//!
//! Owns collecting every `http(s)` link of the rendered pages (links to the
//! site itself left out) and checking each once, with a bounded number of
//! requests at a time, a timeout, and one retry for errors that may pass
//! (network failures, 429, 5xx). Off by default: it needs the network and
//! its answers change from day to day, so broken external links are
//! warnings, not errors.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Output;

/// How many requests run at once.
pub(crate) const CONCURRENCY: usize = 8;
/// How long one request may take.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(10);

/// Every external URL and the pages (site paths) that link to it.
pub(crate) fn collect(output: &Output, own_base_url: &str) -> BTreeMap<String, Vec<String>> {
    let mut links: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in output.paths().filter(|p| p.ends_with(".html")) {
        let Some(bytes) = output.bytes(path) else { continue };
        let html = String::from_utf8_lossy(bytes);
        let page = format!("/{}", path.trim_end_matches("index.html"));
        for target in anchors(&html) {
            let is_web = target.starts_with("http://") || target.starts_with("https://");
            if is_web && !target.starts_with(own_base_url) {
                let url = target.split('#').next().unwrap_or(&target).to_string();
                let pages = links.entry(url).or_default();
                if !pages.contains(&page) {
                    pages.push(page.clone());
                }
            }
        }
    }
    links
}

/// `href` values of `<a>` elements (stylesheets and canonical links are the site's own).
fn anchors(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<a ") {
        rest = &rest[i + 3..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        if let Some(h) = tag.find("href=\"") {
            let value = &tag[h + 6..];
            if let Some(end) = value.find('"') {
                out.push(value[..end].replace("&amp;", "&"));
            }
        }
        rest = &rest[tag_end..];
    }
    out
}

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

/// Check the external links of an output; warnings for the broken ones,
/// and a one-line summary.
pub(crate) fn check_external_links(output: &Output, own_base_url: &str) -> (Diagnostics, String) {
    let links = collect(output, own_base_url);
    let urls: Vec<String> = links.keys().cloned().collect();
    let outcomes = check_all(&urls);
    let mut diagnostics = Diagnostics::new();
    let mut broken = 0;
    for (url, outcome) in urls.iter().zip(&outcomes) {
        if let Outcome::Broken(why) = outcome {
            broken += 1;
            let pages = &links[url];
            let also = match pages.len() {
                1 => String::new(),
                n => format!(" (also linked from {} other page{})", n - 1, if n == 2 { "" } else { "s" }),
            };
            diagnostics.push(
                Diagnostic::warning("broken-external-link", format!("`{url}` is broken ({why}){also}"))
                    .in_file(pages[0].clone()),
            );
        }
    }
    let summary = format!("checked {} external links: {} ok, {} broken", urls.len(), urls.len() - broken, broken);
    (diagnostics, summary)
}
