//! Engine speed: parse + validate, and pathway, on the real catalogue and on
//! generated ones 10× and 100× its size.
//!
//! `cargo bench -p parcours-core --bench engine` (about a minute).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use parcours_core::recommend::Index;
use parcours_core::{load, pathway, Answer, Answers, Catalogue, Condition, QuestionKind};

use parcours_fixtures::full_answers;

const REAL: &str = include_str!("../../../content/catalogue.json");
/// A fixed day: the figures do not depend on when the bench runs.
const TODAY: &str = "2026-12-02";

/// Appends `suffix` to every question id a condition names.
fn rename(c: &mut Condition, suffix: &str) {
    match c {
        Condition::All(l) | Condition::Any(l) => l.iter_mut().for_each(|s| rename(s, suffix)),
        Condition::Not(s) => rename(s, suffix),
        Condition::Answered(q) | Condition::Unknown(q) => q.push_str(suffix),
        Condition::Equals(t) => t.question.push_str(suffix),
        Condition::In(t) => t.question.push_str(suffix),
        Condition::AtLeast(t) | Condition::AtMost(t) => t.question.push_str(suffix),
    }
}

/// `times` copies of the modules, questionnaire and rules, ids suffixed,
/// references kept consistent (each copy refers to itself).
fn scaled(base: &Catalogue, times: usize) -> Catalogue {
    let mut cat = base.clone();
    cat.modules.clear();
    cat.questionnaire.groups.clear();
    cat.rules.clear();
    for k in 0..times {
        let sfx = if k == 0 {
            String::new()
        } else {
            format!("-x{k}")
        };
        for m in &base.modules {
            let mut m = m.clone();
            m.id.push_str(&sfx);
            m.prerequisites.iter_mut().for_each(|p| p.push_str(&sfx));
            m.exclusions
                .iter_mut()
                .for_each(|e| rename(&mut e.when, &sfx));
            cat.modules.push(m);
        }
        for g in &base.questionnaire.groups {
            let mut g = g.clone();
            g.id.push_str(&sfx);
            if let Some(c) = &mut g.visible_if {
                rename(c, &sfx);
            }
            for q in &mut g.questions {
                q.id.push_str(&sfx);
                if let Some(c) = &mut q.visible_if {
                    rename(c, &sfx);
                }
            }
            cat.questionnaire.groups.push(g);
        }
        for r in &base.rules {
            let mut r = r.clone();
            r.id.push_str(&sfx);
            rename(&mut r.when, &sfx);
            r.modules.iter_mut().for_each(|m| m.push_str(&sfx));
            cat.rules.push(r);
        }
    }
    cat
}

/// A plausible user: two themes of the list, alternating yes/no, first
/// options, « Je ne sais pas » now and then; hidden questions stay hidden.
fn typical_answers(cat: &Catalogue) -> Answers {
    cat.questions()
        .enumerate()
        .map(|(i, q)| {
            let a = match q.kind {
                _ if i % 7 == 3 && q.allow_unknown => Answer::Unknown,
                QuestionKind::YesNo => {
                    Answer::Option(if i % 2 == 0 { "oui" } else { "non" }.into())
                }
                QuestionKind::Single => Answer::Option(q.options[i % q.options.len()].id.clone()),
                QuestionKind::Multiple => {
                    Answer::Options(q.options.iter().take(2).map(|o| o.id.clone()).collect())
                }
                QuestionKind::Scale | QuestionKind::Number => {
                    Answer::Number(q.max.or(q.min).unwrap_or(0))
                }
            };
            (q.id.clone(), a)
        })
        .collect()
}

fn engine(c: &mut Criterion) {
    let real = load(REAL).expect("content/catalogue.json doit être valide");
    let sizes = [("reel", 1usize), ("x10", 10), ("x100", 100)];
    let mut parse = c.benchmark_group("parse_validate");
    parse
        .sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_millis(500));
    for (name, times) in sizes {
        let text = serde_json::to_string_pretty(&scaled(&real, times)).unwrap();
        assert!(load(&text).is_ok(), "catalogue {name} généré invalide");
        parse.throughput(Throughput::Bytes(text.len() as u64));
        parse.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| load(t).unwrap())
        });
    }
    parse.finish();

    let mut rec = c.benchmark_group("pathway");
    rec.sample_size(30)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_millis(500));
    for (name, times) in sizes {
        let cat = scaled(&real, times);
        let full = full_answers(&cat);
        let typical = typical_answers(&cat);
        eprintln!(
            "{name}: {} modules ; parcours complet {} modules, typique {} modules",
            cat.modules.len(),
            pathway(&cat, &full, TODAY).module_count(),
            pathway(&cat, &typical, TODAY).module_count()
        );
        rec.bench_with_input(BenchmarkId::new("index_new", name), &(), |b, _| {
            b.iter(|| Index::new(&cat))
        });
        let index = Index::new(&cat);
        // « cold »: Index built inside the call, as `pathway()` does.
        rec.bench_with_input(BenchmarkId::new("full_cold", name), &(), |b, _| {
            b.iter(|| pathway(&cat, &full, TODAY))
        });
        rec.bench_with_input(BenchmarkId::new("full_index", name), &(), |b, _| {
            b.iter(|| index.pathway(&full, TODAY))
        });
        rec.bench_with_input(BenchmarkId::new("typical_index", name), &(), |b, _| {
            b.iter(|| index.pathway(&typical, TODAY))
        });
    }
    rec.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
