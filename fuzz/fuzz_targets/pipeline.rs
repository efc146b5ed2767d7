//! Bytes → load (YAML, or JSON when the text starts with `{`) → score → lint → the review
//! as HTML, Markdown and a tree, as of several days. See `okr_fuzz::pipeline`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    okr_fuzz::pipeline(data);
});
