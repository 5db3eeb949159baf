//! `polibrief build`: run the pipeline into a staging folder beside the
//! output folder and swap it in when everything was written.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::{EXIT_OK, EXIT_SITE_ERRORS, EXIT_USAGE, exit, plural, print_err, print_out, report, usage_error};
use crate::output::{self, Staging, absolute};
use crate::pipeline::Progress;
use crate::pipeline::{self, RunOptions};

pub(crate) struct BuildArgs {
    pub(crate) site_dir: PathBuf,
    pub(crate) out: Option<PathBuf>,
    pub(crate) drafts: bool,
    pub(crate) base_url: Option<String>,
    pub(crate) format: super::Format,
    pub(crate) pdf: bool,
    /// No progress line and no summary (diagnostics are still printed).
    pub(crate) quiet: bool,
    pub(crate) timings: Option<Timings>,
}

/// How `--timings` prints the figures of each stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Timings {
    /// A table on stderr.
    Text,
    /// One JSON object on stdout.
    Json,
}

pub(crate) fn build(args: BuildArgs) -> ExitCode {
    let started = Instant::now();
    if !args.site_dir.is_dir() {
        return usage_error(&format!(
            "`{}` is not a folder; give the site folder (the one with config.yaml)",
            args.site_dir.display()
        ));
    }
    let (site_dir, out_dir) = match resolve_dirs(&args) {
        Ok(dirs) => dirs,
        Err(message) => return usage_error(&message),
    };
    if let Some(problem) = output::refuse_output_dir(&site_dir, &out_dir) {
        return usage_error(&problem);
    }
    if let Some(Err(message)) = args.base_url.as_deref().map(crate::config::parse_base_url) {
        return usage_error(&format!("--base-url: {message}"));
    }
    if args.pdf && !crate::pipeline::PDF_AVAILABLE {
        return usage_error("--pdf needs a polibrief built with PDF support: `cargo build --release --features pdf`");
    }
    let staging = match Staging::new(&out_dir) {
        Ok(staging) => staging,
        Err(e) => {
            print_err(&format!("error: cannot write beside `{}`: {e}", out_dir.display()));
            return exit(EXIT_USAGE);
        }
    };
    let options = RunOptions { drafts: args.drafts, base_url: args.base_url, strict_links: false, pdf: args.pdf };
    let progress = Progress::default();
    let ticker = (!args.quiet && stderr_is_terminal()).then(|| ProgressLine::start(&progress, started));
    let summary = std::thread::scope(|scope| {
        let line = ticker.as_ref().map(|t| scope.spawn(|| t.run()));
        let summary = pipeline::run_into(&site_dir, &options, &staging, &progress, false);
        if let Some(t) = &ticker {
            t.stop();
        }
        if let Some(line) = line {
            let _ = line.join();
        }
        summary
    });
    report(&summary.diagnostics, args.format);
    if summary.diagnostics.has_errors() {
        staging.abandon();
        print_err(&format!("build failed: nothing was written; `{}` is unchanged", out_dir.display()));
        return exit(EXIT_SITE_ERRORS);
    }
    let stats = match staging.commit() {
        Ok(stats) => stats,
        Err(e) => {
            print_err(&format!("error: cannot write `{}`: {e}", out_dir.display()));
            return exit(EXIT_USAGE);
        }
    };
    let counts = summary.counts.unwrap_or_default();
    if !args.quiet {
        let unchanged = if stats.reused > 0 { format!(", {} unchanged", stats.reused) } else { String::new() };
        print_err(&format!(
            "built {}, {} and {} ({}{unchanged}) into {} in {:.2} s",
            plural(counts.pages, "page"),
            plural(counts.charts, "chart"),
            plural(counts.files, "other file"),
            megabytes(counts.bytes),
            out_dir.display(),
            started.elapsed().as_secs_f64()
        ));
    }
    if let Some(format) = args.timings {
        print_timings(format, started.elapsed());
    }
    exit(EXIT_OK)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn resolve_dirs(args: &BuildArgs) -> Result<(PathBuf, PathBuf), String> {
    let site_dir =
        std::fs::canonicalize(&args.site_dir).map_err(|e| format!("cannot open `{}`: {e}", args.site_dir.display()))?;
    let out = args.out.clone().unwrap_or_else(|| site_dir.join("public"));
    let out_dir = absolute(&out).map_err(|e| format!("cannot resolve `{}`: {e}", out.display()))?;
    Ok((site_dir, out_dir))
}

fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal()
}

/// `building: 5,000/10,400 files, 1,203 charts, 1.4 s`, rewritten in place
/// every tenth of a second once a build has run for a second.
struct ProgressLine<'a> {
    progress: &'a Progress,
    started: Instant,
    stop: std::sync::Mutex<bool>,
    wake: std::sync::Condvar,
}

impl<'a> ProgressLine<'a> {
    fn start(progress: &'a Progress, started: Instant) -> Self {
        ProgressLine { progress, started, stop: std::sync::Mutex::new(false), wake: std::sync::Condvar::new() }
    }

    fn run(&self) {
        use std::sync::atomic::Ordering;
        let mut shown = false;
        let mut stopped = self.stop.lock().unwrap_or_else(|e| e.into_inner());
        while !*stopped {
            let (guard, _) =
                self.wake.wait_timeout(stopped, Duration::from_millis(100)).unwrap_or_else(|e| e.into_inner());
            stopped = guard;
            if *stopped || self.started.elapsed() < Duration::from_secs(1) {
                continue;
            }
            let total = self.progress.total.load(Ordering::Relaxed);
            let elapsed = self.started.elapsed().as_secs_f64();
            let line = if total == 0 {
                format!("reading the site, {elapsed:.1} s")
            } else {
                format!(
                    "building: {}/{} files, {} drawn, {elapsed:.1} s",
                    crate::format::number(self.progress.done.load(Ordering::Relaxed) as f64, 0),
                    crate::format::number(total as f64, 0),
                    plural(self.progress.charts.load(Ordering::Relaxed), "chart"),
                )
            };
            eprint!("\r\x1b[2K{line}");
            shown = true;
        }
        if shown {
            eprint!("\r\x1b[2K");
        }
    }

    fn stop(&self) {
        *self.stop.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.wake.notify_all();
    }
}

/// The figures of each stage and the peak memory of the process.
pub(super) fn print_timings(format: Timings, total: Duration) {
    let stages = crate::timings::snapshot();
    let peak = crate::timings::peak_memory_bytes();
    match format {
        Timings::Json => {
            let json = serde_json::json!({
                "stages": stages,
                "total_seconds": total.as_secs_f64(),
                "peak_memory_bytes": peak,
            });
            print_out(&json.to_string());
        }
        Timings::Text => {
            print_err("stage        seconds      items  per second");
            for s in &stages {
                let rate = if s.seconds > 0.0 { s.items as f64 / s.seconds } else { 0.0 };
                print_err(&format!(
                    "{:<10} {:>9.3} {:>10} {:>11}  {}",
                    s.name,
                    s.seconds,
                    s.items,
                    crate::format::number(rate, 0),
                    s.unit
                ));
            }
            print_err(&format!("total      {:>9.3}", total.as_secs_f64()));
            if let Some(peak) = peak {
                print_err(&format!("peak memory {:.1} MiB", peak as f64 / (1024.0 * 1024.0)));
            }
            print_err(
                "(markdown, templates, charts and write run inside every job at once: their seconds are summed over the threads)",
            );
        }
    }
}
