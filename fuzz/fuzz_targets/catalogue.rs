//! Catalogue loader and engine: arbitrary bytes → `load` → if the catalogue
//! is valid, pathways for several answer sets over its real question and
//! option ids, on a day drawn from the input too. Nothing may panic,
//! overflow or hang; no step is something one cannot act on.
//!
//! Input layout: the catalogue text, optionally followed by a NUL byte and
//! the bytes that drive the answers (JSON never contains a raw NUL). Without
//! a NUL, the whole input drives both.

#![no_main]

use std::collections::BTreeSet;

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use parcours_core::flow::{effective_answers, Flow};
use parcours_core::pathway::Pathway;
use parcours_core::recommend::{pathway, Index};
use parcours_core::{date, export, Answer, Answers, Catalogue, Question, QuestionKind, Standing};

fuzz_target!(|data: &[u8]| {
    let (text, tail) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let cat = match parcours_core::load(text) {
        Ok(cat) => cat,
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty(), "Err without a diagnostic");
            for d in &diagnostics {
                let _ = d.to_string();
            }
            return;
        }
    };

    let index = Index::new(&cat);
    let mut sets = vec![
        Answers::new(),
        everything(&cat, true),
        everything(&cat, false),
    ];
    let mut u = Unstructured::new(tail);
    // 1970 to 2079: before, on and after any closing day of the catalogue.
    let today = date::from_unix_days(u.int_in_range(0..=40_000).unwrap_or(20_789));
    for _ in 0..3 {
        sets.push(answers(&cat, &mut u));
    }
    for (k, a) in sets.iter().enumerate() {
        let p = index.pathway(a, &today);
        check(&cat, &p, &today);
        if k == sets.len() - 1 {
            // The free function and a reused index agree, byte for byte.
            assert_eq!(pathway(&cat, a, &today), p, "Index::pathway ≠ pathway");
            // Answers to hidden questions are ignored.
            assert_eq!(index.pathway(&effective_answers(&cat, a), &today), p);
        }
        let flow = Flow::new(&cat, a);
        let _ = (flow.answered(), flow.visible(), flow.is_complete());
        let _ = export::markdown(&cat, &p);
        let _ = export::csv(&cat, &p);
    }
});

/// Invariants that hold for any valid catalogue, any answers, any day.
fn check(cat: &Catalogue, p: &Pathway, today: &str) {
    assert_eq!(p.catalogue_version, cat.version);
    let mut seen = BTreeSet::new();
    for m in p.modules() {
        assert!(seen.insert(m.id.as_str()), "module {} listed twice", m.id);
        let module = cat.module(&m.id).expect("unknown module");
        assert_eq!(
            module.standing_on(today),
            Standing::Actionable,
            "{} is a step on {today}",
            m.id
        );
    }
    for m in &p.not_actionable {
        assert!(seen.insert(m.id.as_str()), "module {} listed twice", m.id);
        assert_ne!(m.standing, Standing::Actionable, "{} listed apart", m.id);
        assert!(
            !m.reasons.is_empty() || !m.required_by.is_empty(),
            "{} apart without a reason",
            m.id
        );
    }
    for e in &p.excluded {
        assert!(
            !seen.contains(e.module.as_str()),
            "{} both in and excluded",
            e.module
        );
    }
    for s in &p.steps {
        assert!(!s.modules.is_empty(), "empty step {}", s.id);
        assert!(cat.step(&s.id).is_some(), "unknown step {}", s.id);
    }
}

/// Every question answered: first options, every tick, the maximum (or the
/// last options, no tick, the minimum).
fn everything(cat: &Catalogue, high: bool) -> Answers {
    cat.questions()
        .map(|q| {
            let ids = q.option_ids();
            let a = match q.kind {
                QuestionKind::Single | QuestionKind::YesNo => {
                    let o = if high { ids.first() } else { ids.last() };
                    o.map_or(Answer::Unknown, |o| Answer::Option(o.to_string()))
                }
                QuestionKind::Multiple if high => {
                    Answer::Options(ids.iter().map(|o| o.to_string()).collect())
                }
                QuestionKind::Multiple => Answer::Options(Vec::new()),
                QuestionKind::Scale | QuestionKind::Number => {
                    let n = if high { q.max } else { q.min };
                    Answer::Number(n.unwrap_or(if high { i64::MAX } else { i64::MIN }))
                }
            };
            (q.id.clone(), a)
        })
        .collect()
}

/// Answers driven by the fuzzer: mostly well-formed answers over the real
/// ids, sometimes « Je ne sais pas », a wrong kind, an unknown option or
/// question, an out-of-range number or a duplicated tick.
fn answers(cat: &Catalogue, u: &mut Unstructured) -> Answers {
    let mut out = Answers::new();
    let questions: Vec<&Question> = cat.questions().collect();
    for q in questions {
        let pick = u.arbitrary::<u8>().unwrap_or(0);
        let a = match pick % 16 {
            0..=4 => continue,
            5 => Answer::Unknown,
            6 => junk(u),
            _ => well_formed(q, u),
        };
        out.insert(q.id.clone(), a);
    }
    // A few answers to questions the catalogue does not have.
    for _ in 0..4 {
        if !chance(u, 8) {
            break;
        }
        let id: String = u.arbitrary().unwrap_or_default();
        out.insert(id, junk(u));
    }
    out
}

fn well_formed(q: &Question, u: &mut Unstructured) -> Answer {
    let ids = q.option_ids();
    let option = |u: &mut Unstructured| -> String {
        if ids.is_empty() || chance(u, 32) {
            u.arbitrary().unwrap_or_default()
        } else {
            ids[u.choose_index(ids.len()).unwrap_or(0)].to_string()
        }
    };
    match q.kind {
        QuestionKind::Single | QuestionKind::YesNo => Answer::Option(option(u)),
        QuestionKind::Multiple => {
            let n = u.int_in_range(0..=ids.len() + 1).unwrap_or(0);
            Answer::Options((0..n).map(|_| option(u)).collect())
        }
        QuestionKind::Scale | QuestionKind::Number => {
            let (lo, hi) = (q.min.unwrap_or(-1000), q.max.unwrap_or(1000));
            let n = if lo <= hi && !chance(u, 16) {
                u.int_in_range(lo..=hi).unwrap_or(lo)
            } else {
                u.arbitrary().unwrap_or(i64::MAX)
            };
            Answer::Number(n)
        }
    }
}

/// One time in `n`; never once the bytes run out (`Unstructured::ratio`
/// then answers `true` for ever).
fn chance(u: &mut Unstructured, n: u8) -> bool {
    u.arbitrary::<u8>().is_ok_and(|b| b % n == n - 1)
}

fn junk(u: &mut Unstructured) -> Answer {
    match u.int_in_range(0..=3u8).unwrap_or(0) {
        0 => Answer::Unknown,
        1 => Answer::Option(u.arbitrary().unwrap_or_default()),
        2 => Answer::Options(u.arbitrary().unwrap_or_default()),
        _ => Answer::Number(u.arbitrary().unwrap_or_default()),
    }
}
