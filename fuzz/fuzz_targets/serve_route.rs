//! One request to the dev server's router: what it answers is a file of
//! the site, a redirect on the site or a refusal; a path that leaves the
//! site is refused with 400. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        polibrief::fuzzing::serve_route(text);
    }
});
