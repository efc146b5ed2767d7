//! Whatever loads must save and load back to an equal document, in both formats.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    okr_fuzz::roundtrip(data);
});
