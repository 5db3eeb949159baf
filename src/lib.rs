//! polibrief turns a site folder (config, Markdown brief, YAML country and
//! indicator data, templates) into a static policy-brief website.
//!
//! The pipeline is the architecture: load -> validate -> render -> write.
//! See ARCHITECTURE.md for the map of modules and their invariants.

// Diagnostics are the error type of every stage; they are built once per
// problem, never on a hot path, so their size does not matter.
#![allow(clippy::result_large_err)]

mod charts;
pub mod cli;
mod commands;
mod config;
mod content;
mod data;
mod dates;
pub mod diagnostics;
mod exports;
mod external;
mod format;
mod fsio;
#[doc(hidden)]
pub mod fuzzing;
mod html;
mod jobs;
mod markdown;
pub mod output;
#[cfg(feature = "pdf")]
mod pdf;
pub mod pipeline;
mod render;
mod routes;
mod scope;
mod serve;
mod shortcodes;
mod site;
mod source;
mod theme;
mod timings;
mod typology;
mod working_notes;
mod yaml;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use output::Output;
pub use pipeline::{RunOptions, RunResult, run};
