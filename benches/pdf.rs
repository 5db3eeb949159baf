//! PDF report throughput: `cargo bench --features pdf --bench pdf`.
//!
//! A plain timing loop (no harness) over the default site at the
//! repository root: the whole pipeline is run in-process with and without
//! `pdf`, alternately, and the difference is the cost of the PDF reports
//! (one per country, typeset in parallel with rayon). The first run with
//! PDFs also pays for loading the fonts and typst's library, once per
//! process; it is reported apart. `RAYON_NUM_THREADS=1` gives the
//! one-core figure.

use std::path::Path;
use std::time::{Duration, Instant};

use polibrief::{RunOptions, run};

fn timed(site: &Path, pdf: bool) -> (Duration, usize) {
    let options = RunOptions { pdf, ..RunOptions::default() };
    let started = Instant::now();
    let result = run(site, &options);
    let elapsed = started.elapsed();
    let output = result.output.unwrap_or_else(|| panic!("the default site failed:\n{}", result.diagnostics.render()));
    (elapsed, output.paths().filter(|p| p.ends_with(".pdf")).count())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(7);

    // Warm the file cache and the chart geometry, then the first PDF run.
    timed(site, false);
    let (html_first, _) = timed(site, false);
    let (pdf_first, _) = timed(site, true);
    let first_extra = pdf_first.saturating_sub(html_first);

    let mut html = Vec::new();
    let mut pdf = Vec::new();
    let mut count = 0;
    for _ in 0..rounds {
        html.push(timed(site, false).0);
        let (t, n) = timed(site, true);
        pdf.push(t);
        count = n;
    }
    let (html, pdf) = (median(html), median(pdf));
    let extra = pdf.saturating_sub(html);
    let threads = std::env::var("RAYON_NUM_THREADS")
        .unwrap_or_else(|_| std::thread::available_parallelism().map_or_else(|_| "?".into(), |n| n.to_string()));
    println!("default site, {count} PDF reports, {threads} thread(s), median of {rounds} rounds");
    println!("  build without PDFs  {:>8.1} ms", html.as_secs_f64() * 1e3);
    println!("  build with PDFs     {:>8.1} ms", pdf.as_secs_f64() * 1e3);
    println!(
        "  PDFs                {:>8.1} ms  = {:.1} ms/PDF, {:.0} PDFs/s",
        extra.as_secs_f64() * 1e3,
        extra.as_secs_f64() * 1e3 / count as f64,
        count as f64 / extra.as_secs_f64()
    );
    println!(
        "  first run's extra   {:>8.1} ms  (fonts and typst's library loaded once)",
        first_extra.as_secs_f64() * 1e3
    );
}
