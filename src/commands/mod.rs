//! Commands: glue between the command line and the pipeline.
//!
//! Each command turns validated arguments into a pipeline run and the run
//! into terminal output and an exit code. No site logic lives here.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod report;
pub(crate) mod serve;

use std::io::Write;
use std::process::ExitCode;

use crate::diagnostics::Diagnostics;

/// The exit codes polibrief promises.
pub(crate) const EXIT_OK: u8 = 0;
pub(crate) const EXIT_SITE_ERRORS: u8 = 1;
pub(crate) const EXIT_USAGE: u8 = 2;

pub(crate) fn exit(code: u8) -> ExitCode {
    ExitCode::from(code)
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Format {
    /// `path:line:column: message`, the source line and a help line, on
    /// stderr; in colour on a terminal unless `NO_COLOR` is set.
    #[default]
    Human,
    /// One JSON object per line on stdout, for CI tools.
    Json,
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (no-color.org).
fn stderr_wants_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Print every diagnostic: errors first, then warnings apart, then a count.
pub(crate) fn report(diagnostics: &Diagnostics, format: Format) {
    if format == Format::Json {
        for d in diagnostics.errors().chain(diagnostics.warnings()) {
            print_out(&serde_json::to_string(d).unwrap_or_default());
        }
    }
    if diagnostics.is_empty() {
        return;
    }
    let errors = diagnostics.errors().count();
    let warnings = diagnostics.warnings().count();
    if format == Format::Human {
        let color = stderr_wants_color();
        for d in diagnostics.errors() {
            print_err(&format!("{}\n", d.render(color)));
        }
        if warnings > 0 && errors > 0 {
            print_err("warnings:\n");
        }
        for d in diagnostics.warnings() {
            print_err(&format!("{}\n", d.render(color)));
        }
    }
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(plural(errors, "error"));
    }
    if warnings > 0 {
        parts.push(plural(warnings, "warning"));
    }
    print_err(&parts.join(", "));
}

/// A line on stdout. Unlike `println!`, never panics: when the reader has
/// gone (`polibrief check --format json | head -1`), the rest is dropped
/// quietly and the exit code still tells the result.
pub(crate) fn print_out(line: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}

/// A line on stderr; like `print_out`, never panics on a closed pipe.
pub(crate) fn print_err(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

/// A usage problem: print it and exit 2.
pub(crate) fn usage_error(message: &str) -> ExitCode {
    print_err(&format!("error: {message}"));
    exit(EXIT_USAGE)
}
