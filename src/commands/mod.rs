//! Commands: glue between the command line and the pipeline.
//!
//! Each command turns validated arguments into a pipeline run and the run
//! into terminal output and an exit code. No site logic lives here.

pub(crate) mod build;
pub(crate) mod check;

use std::process::ExitCode;

use crate::diagnostics::Diagnostics;

/// The exit codes polibrief promises.
pub(crate) const EXIT_OK: u8 = 0;
pub(crate) const EXIT_SITE_ERRORS: u8 = 1;
pub(crate) const EXIT_USAGE: u8 = 2;

pub(crate) fn exit(code: u8) -> ExitCode {
    ExitCode::from(code)
}

/// Print every diagnostic (stderr), errors and warnings, then a count.
pub(crate) fn report(diagnostics: &Diagnostics) {
    if diagnostics.is_empty() {
        return;
    }
    eprint!("{}", diagnostics.render());
    let errors = diagnostics.errors().count();
    let warnings = diagnostics.warnings().count();
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(plural(errors, "error"));
    }
    if warnings > 0 {
        parts.push(plural(warnings, "warning"));
    }
    eprintln!("{}", parts.join(", "));
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

/// A usage problem: print it and exit 2.
pub(crate) fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    exit(EXIT_USAGE)
}
