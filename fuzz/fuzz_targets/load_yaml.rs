//! Arbitrary bytes read as YAML: a document or an error, never a panic, a hang or a blow-up.
#![no_main]

use libfuzzer_sys::fuzz_target;
use okr_core::format::Format;

fuzz_target!(|data: &[u8]| {
    okr_fuzz::load_and_describe(data, Format::Yaml);
});
