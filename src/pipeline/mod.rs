//! The pipeline as one call: load -> validate -> render, each file handed
//! to a sink as it is made.
//!
//! `build` writes into a staging folder, `check` keeps nothing, `serve` and
//! the tests keep the files in memory: they share `run_into` and differ
//! only in the sink. This is also the library API the tests drive.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
pub(crate) use crate::jobs::Progress;
use crate::jobs::{self, links::LinkSeverity};
use crate::output::{MemorySink, Output, Sink};
use crate::site::{self, LoadOptions, Site};
use crate::timings;

pub(crate) mod incremental;

/// Is PDF output (the `pdf` feature) compiled into this binary?
pub(crate) const PDF_AVAILABLE: bool = cfg!(feature = "pdf");

/// What the command line can change about a run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Include pages with `draft: true`.
    pub drafts: bool,
    /// Replace `base_url` of config.yaml.
    pub base_url: Option<String>,
    /// Broken internal links are errors (check) instead of warnings (build).
    pub strict_links: bool,
    /// Also write a PDF of every country report (needs the `pdf` feature).
    pub pdf: bool,
}

/// The result of a run: the output (only when there were no errors) and
/// every diagnostic, sorted.
#[derive(Debug)]
pub struct RunResult {
    pub output: Option<Output>,
    pub diagnostics: Diagnostics,
    /// The site's absolute address (`base_url`), when the config loaded.
    pub base_url: Option<String>,
}

impl RunResult {
    pub fn errors(&self) -> Diagnostics {
        self.diagnostics.errors().cloned().collect()
    }
}

/// What a run into a sink gives back besides the files.
pub(crate) struct Summary {
    pub(crate) diagnostics: Diagnostics,
    pub(crate) base_url: Option<String>,
    /// Pages, other files, bytes, charts drawn (when the site loaded).
    pub(crate) counts: Option<Counts>,
    /// `check --external`: web addresses and the pages that show them.
    pub(crate) web_links: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counts {
    pub(crate) pages: usize,
    pub(crate) files: usize,
    pub(crate) bytes: u64,
    pub(crate) charts: usize,
}

/// Load, validate and render the site in `site_dir` (which must exist),
/// keeping every file in memory.
pub fn run(site_dir: &Path, options: &RunOptions) -> RunResult {
    let sink = MemorySink::default();
    let summary = run_into(site_dir, options, &sink, &Progress::default(), false);
    let output = (!summary.diagnostics.has_errors()).then(|| sink.into_output());
    RunResult { output, diagnostics: summary.diagnostics, base_url: summary.base_url }
}

/// Load the site (read, parse, validate): the model, or every problem.
pub(crate) fn load(site_dir: &Path, options: &RunOptions) -> (Option<Site>, Diagnostics) {
    load_cached(site_dir, options, None)
}

/// `load`, with decoded data files kept between loads (the dev server).
pub(crate) fn load_cached(
    site_dir: &Path,
    options: &RunOptions,
    cache: Option<&crate::data::DecodeCache>,
) -> (Option<Site>, Diagnostics) {
    let dir = match std::fs::canonicalize(site_dir) {
        Ok(dir) => dir,
        Err(e) => {
            let d = Diagnostic::error(Code::Io, format!("cannot open the site folder `{}`: {e}", site_dir.display()));
            return (None, d.into());
        }
    };
    let load = LoadOptions { drafts: options.drafts, base_url: options.base_url.clone() };
    site::load_site(dir, &load, cache)
}

/// The whole pipeline, each file handed to `sink` as it is made.
pub(crate) fn run_into(
    site_dir: &Path,
    options: &RunOptions,
    sink: &dyn Sink,
    progress: &Progress,
    collect_web_links: bool,
) -> Summary {
    timings::reset();
    let (site, mut diagnostics) = load(site_dir, options);
    let Some(site) = site else {
        return Summary { diagnostics: diagnostics.sorted(), base_url: None, counts: None, web_links: BTreeMap::new() };
    };
    let severity = if options.strict_links { LinkSeverity::Error } else { LinkSeverity::Warning };
    let run_options = jobs::RunOptions { link_severity: severity, pdf: options.pdf, collect_web_links };
    let ran = jobs::run(&site, run_options, sink, progress);
    diagnostics.extend(ran.diagnostics);
    let pages = ran.plan.jobs.iter().filter(|j| j.path.ends_with(".html")).count();
    let counts = Counts {
        pages,
        files: ran.plan.jobs.len() - pages,
        bytes: ran.done.iter().map(|d| d.bytes).sum(),
        charts: ran.charts_drawn,
    };
    Summary {
        diagnostics: diagnostics.sorted(),
        base_url: Some(site.config.base_url.clone()),
        counts: Some(counts),
        web_links: ran.web_links,
    }
}

/// One country's report (HTML with everything inlined, or PDF) from the site
/// in `site_dir`: the whole site is loaded and checked, only the report is
/// rendered.
pub fn run_report(site_dir: &Path, code: &str, pdf: bool) -> Result<Vec<u8>, Diagnostics> {
    let (site, diagnostics) = load(site_dir, &RunOptions::default());
    let Some(site) = site else { return Err(diagnostics.sorted()) };
    if pdf {
        let code = code.to_ascii_uppercase();
        if !site.data.has_country(&code) {
            return crate::render::render_report(&site, &code).map(|_| Vec::new());
        }
        let tera = crate::render::prepare_tera(&site, crate::exports::feed_url(&site).as_deref());
        return jobs::report_pdf(&site, &tera, &code).map_err(|m| {
            Diagnostic::error(Code::Pdf, m).in_file(format!("data/countries/{}.yaml", code.to_ascii_lowercase())).into()
        });
    }
    crate::render::render_report(&site, code)
}
