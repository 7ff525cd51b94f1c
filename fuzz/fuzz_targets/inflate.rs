//! Raw DEFLATE: arbitrary bytes → `deflate::decompress` with a small limit.
//! Nothing may panic; an `Ok` stays within the limit. Then the input,
//! compressed by `deflate::compress`, must decompress back to itself.

#![no_main]

use libfuzzer_sys::fuzz_target;
use parcours_core::deflate::{compress, decompress};

/// Small enough that a few bytes of long matches reach it.
const LIMIT: usize = 64 * 1024;

fuzz_target!(|data: &[u8]| {
    match decompress(data, LIMIT) {
        Ok(out) => assert!(out.len() <= LIMIT, "output past the limit"),
        Err(e) => {
            let _ = e.to_string();
        }
    }
    let z = compress(data);
    assert_eq!(
        decompress(&z, data.len()).as_deref(),
        Ok(data),
        "round trip"
    );
});
