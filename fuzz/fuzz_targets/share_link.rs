//! Share codes: an arbitrary string → `share::decode` → if it decodes,
//! `migrate` against the real catalogue and `pathway`. Nothing may panic;
//! and a decoded code re-encodes to one that decodes to the same `Shared`.
//!
//! The input is tried twice: as a code, as typed in a link (the checksum
//! stops almost every mutation early), and as the payload of a code (format
//! byte + input + a correct CRC-32, in base64url), so that the fuzzer works
//! on the payload parser itself.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use parcours_core::migrate::migrate;
use parcours_core::recommend::Index;
use parcours_core::share::{base64url_encode, crc32, decode, encode, FORMAT};
use parcours_core::Catalogue;

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    parcours_core::load(include_str!("../../content/catalogue.json"))
        .expect("content/catalogue.json is valid")
});
static INDEX: LazyLock<Index<'static>> = LazyLock::new(|| Index::new(&CATALOGUE));
/// A fixed day: share codes carry none.
const TODAY: &str = "2026-12-02";

fuzz_target!(|data: &[u8]| {
    check(&String::from_utf8_lossy(data));
    check(&wrap(data));
});

fn check(code: &str) {
    let shared = match decode(code) {
        Ok(s) => s,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    // Round trip: re-encoding gives a code that decodes to the same thing,
    // and encoding is canonical from then on.
    let again = encode(&shared.version, &shared.answers);
    assert_eq!(decode(&again).as_ref(), Ok(&shared), "code {code:?}");
    let back = decode(&again).unwrap();
    assert_eq!(encode(&back.version, &back.answers), again);

    // Migration to the catalogue in use, then the pathway.
    let (kept, report) = migrate(&CATALOGUE, &shared.version, shared.answers.clone());
    let _ = report_size(&report);
    assert!(kept.len() <= shared.answers.len());
    for q in kept.keys() {
        assert!(CATALOGUE.question(q).is_some(), "kept unknown question {q}");
    }
    // Idempotent: migrating what was kept drops nothing more.
    let (kept2, report2) = migrate(&CATALOGUE, &shared.version, kept.clone());
    assert!(
        report2.is_empty(),
        "second migration dropped {:?}",
        report2.dropped
    );
    assert_eq!(kept2, kept);
    let _ = INDEX.pathway(&kept, TODAY);
    // The engine copes with unmigrated answers as well.
    let _ = INDEX.pathway(&shared.answers, TODAY);
}

/// Walks the report as the app shows it.
fn report_size(r: &parcours_core::migrate::MigrationReport) -> usize {
    r.dropped
        .iter()
        .map(|d| d.question.len() + d.why.len() + d.option.as_ref().map_or(0, String::len))
        .sum()
}

/// A well-formed code around `payload`: format byte, payload, CRC-32 (IEEE,
/// big-endian), base64url without padding, as `share::encode` lays it out.
fn wrap(payload: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(payload.len() + 5);
    bytes.push(FORMAT);
    bytes.extend_from_slice(payload);
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    base64url_encode(&bytes)
}
