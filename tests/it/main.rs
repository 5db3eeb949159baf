//! The integration tests of polibrief: one binary, a module per feature.
//!
//! Sites are fixture folders in tests/fixtures/ (copied to a temporary
//! folder) or small sites written by the test itself. Assertions read the
//! output as a reader would: parsed HTML, error text with its location.

mod support;

mod bad_input;
mod charts;
mod check;
mod cli;
mod content;
mod data;
mod default_site;
mod docs;
mod errors;
mod fuzz_regressions;
mod layering;
mod output;
mod pdf;
mod reports;
mod serve;
mod templates;
mod theme;
mod typology;
