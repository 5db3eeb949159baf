//! How long each stage of a run took, for `build --timings` and the
//! benchmark harness.
//!
//! Owns process-wide counters: wall time of the stages that run alone
//! (load, plan, links) and, for the stages that run inside every job at
//! once (Markdown, templates, charts, writing), the time summed over the
//! threads and the number of items. Adding to a counter is an atomic add;
//! nothing here decides anything.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

/// A stage of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Reading and parsing every file (with each file's own checks).
    Load,
    /// Cross-file checks and the model; template compilation.
    Validate,
    /// Listing the outputs and checking their paths.
    Plan,
    /// Markdown to HTML, shortcodes included.
    Markdown,
    /// View structs and Tera.
    Templates,
    /// Preparing, drawing and framing charts.
    Charts,
    /// Putting pages together and writing files.
    Write,
    /// Links and anchors, orphan pages.
    Links,
}

const STAGES: [(Stage, &str, &str); 8] = [
    (Stage::Load, "load", "files"),
    (Stage::Validate, "validate", "entities"),
    (Stage::Plan, "plan", "outputs"),
    (Stage::Markdown, "markdown", "documents"),
    (Stage::Templates, "templates", "pages"),
    (Stage::Charts, "charts", "charts"),
    (Stage::Write, "write", "files"),
    (Stage::Links, "links", "links"),
];

struct Counter {
    nanos: AtomicU64,
    items: AtomicU64,
}

static COUNTERS: [Counter; 8] = [const { Counter { nanos: AtomicU64::new(0), items: AtomicU64::new(0) } }; 8];

fn index(stage: Stage) -> usize {
    STAGES.iter().position(|(s, _, _)| *s == stage).unwrap_or(0)
}

/// Add time and items to a stage.
pub(crate) fn add(stage: Stage, elapsed: Duration, items: u64) {
    let c = &COUNTERS[index(stage)];
    c.nanos.fetch_add(elapsed.as_nanos() as u64, Ordering::Relaxed);
    c.items.fetch_add(items, Ordering::Relaxed);
}

thread_local! {
    /// Time spent in timed sections inside the section being timed on this
    /// thread, so that each stage counts its own time only.
    static NESTED: std::cell::Cell<Duration> = const { std::cell::Cell::new(Duration::ZERO) };
}

/// Time `f` as part of `stage`, counting `items`; the time of stages timed
/// inside `f` (a chart drawn while a page renders) counts for them only.
pub(crate) fn time<R>(stage: Stage, items: u64, f: impl FnOnce() -> R) -> R {
    let outer = NESTED.with(|n| n.replace(Duration::ZERO));
    let start = Instant::now();
    let result = f();
    let elapsed = start.elapsed();
    let inner = NESTED.with(|n| n.get());
    add(stage, elapsed.saturating_sub(inner), items);
    NESTED.with(|n| n.set(outer + elapsed));
    result
}

/// Start counting from zero (a dev server runs many builds).
pub(crate) fn reset() {
    for c in &COUNTERS {
        c.nanos.store(0, Ordering::Relaxed);
        c.items.store(0, Ordering::Relaxed);
    }
}

/// One stage's figures.
#[derive(Debug, Clone, Serialize)]
pub struct StageTiming {
    pub name: &'static str,
    /// Wall time for stages that run alone; time summed over the threads
    /// for stages that run inside every job at once.
    pub seconds: f64,
    pub items: u64,
    pub unit: &'static str,
}

/// Every stage's figures so far.
pub(crate) fn snapshot() -> Vec<StageTiming> {
    STAGES
        .iter()
        .zip(&COUNTERS)
        .map(|((_, name, unit), c)| StageTiming {
            name,
            seconds: c.nanos.load(Ordering::Relaxed) as f64 / 1e9,
            items: c.items.load(Ordering::Relaxed),
            unit,
        })
        .collect()
}

/// The peak resident memory of this process so far, in bytes (Linux:
/// `VmHWM` of /proc/self/status; elsewhere unknown).
pub(crate) fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
