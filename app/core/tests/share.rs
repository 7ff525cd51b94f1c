//! Share codes and migration of saved answers.

mod common;

use common::*;
use parcours_core::migrate::{migrate, Dropped};
use parcours_core::share::{decode, encode, ShareError};
use parcours_core::Answer;

#[test]
fn round_trip_and_alphabet() {
    let a = answers(&[
        ("themes", opts(&["foncier", "emploi"])),
        ("refus", opt("oui")),
        ("hectares", Answer::Number(12)),
        ("taille", Answer::Unknown),
    ]);
    let code = encode("2026.11.0", &a);
    assert!(
        code.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
        "{code}"
    );
    assert_eq!(code, encode("2026.11.0", &a), "deterministic");
    let s = decode(&code).unwrap();
    assert_eq!((s.version.as_str(), s.answers), ("2026.11.0", a));
    // Short enough for a link: a realistic set of answers stays compact.
    assert!(code.len() < 120, "{} caractères", code.len());
}

#[test]
fn errors_are_typed_and_french() {
    assert_eq!(decode("  "), Err(ShareError::Empty));
    assert!(matches!(
        decode("abc=def"),
        Err(ShareError::BadCharacter('='))
    ));
    let code = encode("2026.11.0", &answers(&[("refus", opt("oui"))]));
    // Cut where whole bytes remain (else it is `Truncated`): the checksum
    // no longer matches.
    let cut = if (code.len() - 2) % 4 == 1 { 3 } else { 2 };
    assert_eq!(
        decode(&code[..code.len() - cut]).unwrap_err(),
        ShareError::BadChecksum
    );
    let mut chars: Vec<char> = code.chars().collect();
    chars[6] = if chars[6] == 'x' { 'y' } else { 'x' };
    assert_eq!(
        decode(&chars.iter().collect::<String>()),
        Err(ShareError::BadChecksum)
    );
    assert!(ShareError::BadChecksum.to_string().contains("altéré"));
    assert!(ShareError::UnsupportedFormat(7)
        .to_string()
        .contains("format 7"));
    assert!(ShareError::Truncated.to_string().contains("incomplet"));
}

#[test]
fn migrate_drops_what_no_longer_fits() {
    let cat = mini();
    let a = answers(&[
        ("disparue", opt("oui")),
        ("themes", opts(&["foncier", "ancien", "emploi", "foncier"])),
        ("refus", opt("peut-etre")),
        ("hectares", Answer::Number(-5)),
        ("maturite", opt("haute")),
        ("strategie-existante", Answer::Unknown),
        ("taille", Answer::Unknown),
        ("difficultes", opt("fortes")),
    ]);
    let (kept, report) = migrate(&cat, "2025.01.0", a);
    assert_eq!(report.from_version, "2025.01.0");
    assert_eq!(report.to_version, "2026.11.0");
    assert!(!report.is_empty());
    assert_eq!(
        kept,
        answers(&[
            ("themes", opts(&["foncier", "emploi"])),
            ("taille", Answer::Unknown),
            ("difficultes", opt("fortes"))
        ])
    );
    let dropped: Vec<(&str, Option<&str>)> = report
        .dropped
        .iter()
        .map(|d| (d.question.as_str(), d.option.as_deref()))
        .collect();
    assert_eq!(
        dropped,
        vec![
            ("disparue", None),
            ("hectares", None),
            ("maturite", None),
            ("refus", Some("peut-etre")),
            ("strategie-existante", None),
            ("themes", Some("ancien")),
            ("themes", Some("foncier")),
        ]
    );
    assert!(report
        .dropped
        .iter()
        .all(|Dropped { why, .. }| !why.is_empty()));
    let (same, report) = migrate(&cat, "2026.11.0", kept.clone());
    assert_eq!(same, kept);
    assert!(report.is_empty());
}

const GOLDEN: &str =
    "ATIwMjYuMTEuMHxoZWN0YXJlcyMxMjtyZWZ1cz1vdWk7dGFpbGxlPzt0aGVtZXMqZm9uY2llcixlbXBsb2lfW1PJ";

/// Codes already shared must keep decoding: this one, of format 1, is
/// frozen (written before format 2 compressed the payload).
#[test]
fn format_1_is_frozen() {
    let a = answers(&[
        ("refus", opt("oui")),
        ("themes", opts(&["foncier", "emploi"])),
        ("hectares", Answer::Number(12)),
        ("taille", Answer::Unknown),
    ]);
    assert_eq!(parcours_core::share::encode_plain("2026.11.0", &a), GOLDEN);
    let old = decode(GOLDEN).unwrap();
    assert_eq!(
        (old.answers, old.version, old.plan),
        (a.clone(), "2026.11.0".into(), None)
    );
    // The same answers in format 2, and with a plan.
    let code = encode("2026.11.0", &a);
    assert_ne!(code, GOLDEN);
    assert_eq!(decode(&code).unwrap().answers, a);
    let with_plan = parcours_core::share::encode_with("2026.11.0", &a, Some("t,1;vte,,fait"));
    let back = decode(&with_plan).unwrap();
    assert_eq!(
        (back.answers, back.plan.as_deref()),
        (a, Some("t,1;vte,,fait"))
    );
}

/// Format 2 compresses: a long pathway's link is much shorter than in
/// format 1, so that it fits a printed QR code.
#[test]
fn format_2_is_shorter_on_a_long_pathway() {
    let long: Vec<(String, Answer)> = (0..40)
        .map(|i| {
            (
                format!("question-{i:02}"),
                Answer::Options(vec!["reponse-a".into(), "reponse-b".into()]),
            )
        })
        .collect();
    let mut a = parcours_core::Answers::new();
    for (q, v) in long {
        a.insert(q, v);
    }
    let plain = parcours_core::share::encode_plain("2026.12.1", &a);
    let packed = encode("2026.12.1", &a);
    assert!(
        packed.len() * 2 < plain.len(),
        "{} vs {}",
        packed.len(),
        plain.len()
    );
}
