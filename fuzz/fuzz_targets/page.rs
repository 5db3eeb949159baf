//! A Markdown page as an author writes it (front matter, Markdown body,
//! shortcode lines), rendered with both raw-HTML policies. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        polibrief::fuzzing::page(text);
    }
});
