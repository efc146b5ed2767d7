//! The key-result sentence parser on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    okr_fuzz::sentence(text);
});
