//! Entry points for the fuzzers in `fuzz/` (cargo-fuzz). Each runs one
//! stage on arbitrary input, in memory, and must never panic: every
//! problem has to come back as a diagnostic. Not part of the stable API.

use crate::content::front_matter;
use crate::markdown::{self, MarkdownOptions};
use crate::shortcodes;
use crate::source::SourceFile;

/// A Markdown page as an author writes it: front matter, Markdown body and
/// shortcode lines, rendered with both raw-HTML policies.
pub fn page(text: &str) {
    let source = SourceFile::new("content/fuzz.md", text);
    let body_offset = match front_matter::split(&source) {
        Ok(split) => {
            let _ = front_matter::parse(&source, split.yaml);
            split.body_offset
        }
        Err(_) => 0,
    };
    let extracted = shortcodes::extract(&source, body_offset);
    for call in &extracted.calls {
        let _ = shortcodes::parse_call(source.text[call.offset..].lines().next().unwrap_or("").trim(), call.offset);
    }
    for unsafe_html in [false, true] {
        let options = MarkdownOptions { base_path: "/sub", unsafe_html };
        let _ = markdown::render_document(&source, body_offset, options, &|call| {
            Ok(format!("<div data-shortcode=\"{}\"></div>", call.name.len()))
        });
    }
}

/// A data file: decoded as a country profile and as an indicator, with
/// every per-file check.
pub fn data_yaml(text: &str) {
    crate::data::fuzz_one_file(text);
}
