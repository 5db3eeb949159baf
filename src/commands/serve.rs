//! `polibrief serve`: build into memory, serve on loopback, rebuild on
//! every change, one line per rebuild; Ctrl-C stops.

use std::process::ExitCode;
use std::sync::mpsc;

use super::{EXIT_OK, EXIT_USAGE, exit, plural, print_err, report, usage_error};
use crate::pipeline::incremental::Rebuilt;
use crate::serve::{self, ServeOptions, Server};

/// What `polibrief serve` was asked.
pub(crate) struct ServeArgs {
    pub(crate) site_dir: std::path::PathBuf,
    pub(crate) bind: std::net::IpAddr,
    /// 0: any free port.
    pub(crate) port: u16,
    pub(crate) drafts: bool,
    pub(crate) open: bool,
    /// Print the stages' figures after each rebuild.
    pub(crate) timings: bool,
}

pub(crate) fn serve(args: ServeArgs) -> ExitCode {
    let ServeArgs { site_dir, bind, port, drafts, open, timings } = args;
    let options = ServeOptions { site_dir, bind, port, drafts, open };
    if !options.site_dir.is_dir() {
        return usage_error(&format!(
            "`{}` is not a folder; give the site folder (the one with config.yaml)",
            options.site_dir.display()
        ));
    }
    if !serve::is_loopback(options.bind) {
        print_err(&format!(
            "warning: serving on {}: every machine that can reach this one can read the site. Use the default (127.0.0.1) unless you mean it.",
            options.bind
        ));
    }
    let server = match Server::start(&options, move |rebuilt, changed| {
        print_rebuild(rebuilt, changed);
        if timings {
            super::build::print_timings(super::build::Timings::Text, rebuilt.took);
        }
    }) {
        Ok(server) => server,
        Err(message) => return usage_error(&message),
    };
    let url = server.url();
    print_err(&format!("serving {url} (Ctrl-C to stop); watching config.yaml, content/, data/, templates/, static/"));
    // The address on stdout too, alone, for tools (and tests) to read.
    super::print_out(&url);
    if options.open
        && let Err(e) = opener::open(&url)
    {
        print_err(&format!("could not open a browser: {e}"));
    }
    let (stop_tx, stop_rx) = mpsc::channel();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    }) {
        print_err(&format!("error: cannot handle Ctrl-C: {e}"));
        return exit(EXIT_USAGE);
    }
    let _ = stop_rx.recv();
    server.stop();
    print_err("stopped");
    exit(EXIT_OK)
}

/// One line per rebuild: what changed, how many pages, how long; the
/// problems when it failed.
fn print_rebuild(rebuilt: &Rebuilt, changed: &[String]) {
    let what = match changed {
        [] => "first build".to_string(),
        [one] => format!("{one} changed"),
        [first, rest @ ..] => format!("{first} and {} changed", plural(rest.len(), "other file")),
    };
    let ms = rebuilt.took.as_millis();
    if rebuilt.failed() {
        report(&rebuilt.diagnostics, super::Format::Human);
        print_err(&format!("{what}: the build failed in {ms} ms; still serving the last good build"));
        return;
    }
    let warnings = rebuilt.diagnostics.warnings().count();
    let warned = if warnings > 0 { format!(", {}", plural(warnings, "warning")) } else { String::new() };
    let pages = match (&rebuilt.why_all, changed.is_empty()) {
        (Some(_), true) => format!("{} built", plural(rebuilt.pages_rendered, "page")),
        (Some(why), false) => format!("every page rendered again ({}, {why})", rebuilt.pages_rendered),
        (None, _) => format!("{} rendered again", plural(rebuilt.pages_rendered, "page")),
    };
    print_err(&format!("{what}: {pages} in {ms} ms{warned}"));
}
