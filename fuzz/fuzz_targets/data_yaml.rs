//! A data file decoded as a country profile and as an indicator, with every
//! per-file check. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        polibrief::fuzzing::data_yaml(text);
    }
});
