//! `polibrief check`: run the whole pipeline, write nothing, report.

use std::path::PathBuf;
use std::process::ExitCode;

use super::{EXIT_OK, EXIT_SITE_ERRORS, exit, report, usage_error};
use crate::pipeline::{self, RunOptions};

pub(crate) struct CheckArgs {
    pub(crate) site_dir: PathBuf,
    pub(crate) drafts: bool,
    pub(crate) deny_warnings: bool,
}

pub(crate) fn check(args: CheckArgs) -> ExitCode {
    if !args.site_dir.is_dir() {
        return usage_error(&format!(
            "`{}` is not a folder; give the site folder (the one with config.yaml)",
            args.site_dir.display()
        ));
    }
    let options = RunOptions { drafts: args.drafts, base_url: None, strict_links: true };
    let result = pipeline::run(&args.site_dir, &options);
    report(&result.diagnostics);
    let failed = result.diagnostics.has_errors() || (args.deny_warnings && !result.diagnostics.is_empty());
    if failed {
        exit(EXIT_SITE_ERRORS)
    } else {
        if result.diagnostics.is_empty() {
            eprintln!("no problems found");
        }
        exit(EXIT_OK)
    }
}
