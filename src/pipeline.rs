//! The pipeline as one call: load -> validate -> render, no writing.
//!
//! `build` writes the Output, `check` only reports, a future `serve` keeps it
//! in memory: they share this function and differ only in what they do with
//! the result. This is also the library API the tests drive.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Output;
use crate::render::{self, LinkSeverity};
use crate::site::{self, LoadOptions};

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

/// Load, validate and render the site in `site_dir` (which must exist).
pub fn run(site_dir: &Path, options: &RunOptions) -> RunResult {
    let dir = match std::fs::canonicalize(site_dir) {
        Ok(dir) => dir,
        Err(e) => {
            let d = Diagnostic::error("io", format!("cannot open the site folder `{}`: {e}", site_dir.display()));
            return RunResult { output: None, diagnostics: d.into(), base_url: None };
        }
    };
    let load = LoadOptions { drafts: options.drafts, base_url: options.base_url.clone() };
    let (site, mut diagnostics) = site::load_site(dir, &load);
    let Some(site) = site else {
        return RunResult { output: None, diagnostics: diagnostics.sorted(), base_url: None };
    };
    let severity = if options.strict_links { LinkSeverity::Error } else { LinkSeverity::Warning };
    let render_options = render::RenderOptions { link_severity: severity, pdf: options.pdf };
    let (output, render_diagnostics) = render::render_site(&site, render_options);
    diagnostics.extend(render_diagnostics);
    let output = (!diagnostics.has_errors()).then_some(output);
    RunResult { output, diagnostics: diagnostics.sorted(), base_url: Some(site.config.base_url.clone()) }
}

impl RunResult {
    pub fn errors(&self) -> Diagnostics {
        self.diagnostics.errors().cloned().collect()
    }
}

/// One country's report (HTML with everything inlined, or PDF) from the site
/// in `site_dir`: the whole site is loaded and checked, only the report is
/// rendered.
pub fn run_report(site_dir: &Path, code: &str, pdf: bool) -> Result<Vec<u8>, Diagnostics> {
    let dir = std::fs::canonicalize(site_dir).map_err(|e| {
        Diagnostics::from(Diagnostic::error("io", format!("cannot open the site folder `{}`: {e}", site_dir.display())))
    })?;
    let (site, diagnostics) = site::load_site(dir, &LoadOptions::default());
    match site {
        Some(site) => render::render_report(&site, code, pdf),
        None => Err(diagnostics.sorted()),
    }
}
