//! `polibrief check`: run the whole pipeline, write nothing, report.
//! Broken internal links are errors here (warnings in `build`); with
//! `--external`, web links are checked too.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{EXIT_OK, EXIT_SITE_ERRORS, Format, exit, print_err, report, usage_error};
use crate::external;
use crate::output::Discard;
use crate::pipeline::{self, RunOptions};

pub(crate) struct CheckArgs {
    pub(crate) site_dir: PathBuf,
    pub(crate) drafts: bool,
    pub(crate) deny_warnings: bool,
    pub(crate) external: bool,
    pub(crate) format: Format,
}

pub(crate) fn check(args: CheckArgs) -> ExitCode {
    if !args.site_dir.is_dir() {
        return usage_error(&format!(
            "`{}` is not a folder; give the site folder (the one with config.yaml)",
            args.site_dir.display()
        ));
    }
    let options = RunOptions { drafts: args.drafts, base_url: None, strict_links: true, pdf: false };
    let progress = crate::pipeline::Progress::default();
    let mut result = pipeline::run_into(&args.site_dir, &options, &Discard, &progress, args.external);
    let mut summary = None;
    if args.external && !result.diagnostics.has_errors() {
        print_err(&format!(
            "checking external links ({} at a time, {} s timeout)...",
            external::CONCURRENCY,
            external::TIMEOUT.as_secs()
        ));
        let (found, line) = external::check_external_links(&result.web_links, &args.site_dir);
        result.diagnostics.extend(found);
        result.diagnostics = result.diagnostics.sorted();
        summary = Some(line);
    }
    report(&result.diagnostics, args.format);
    if let Some(line) = summary {
        print_err(&line);
    }
    let failed = result.diagnostics.has_errors() || (args.deny_warnings && !result.diagnostics.is_empty());
    if failed {
        exit(EXIT_SITE_ERRORS)
    } else {
        if result.diagnostics.is_empty() {
            print_err("no problems found");
        }
        exit(EXIT_OK)
    }
}
