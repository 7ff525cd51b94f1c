//! « Vos priorités » on the real catalogue: each scenario of
//! `tests/scenarios/<name>.json` states, in
//! `tests/scenarios/expected/<name>.json`, the priorities it expects (in
//! order), whether nothing is urgent and which « Je ne sais pas » changed
//! its pathway; no priority goes against an answer; the profile where
//! everything is a problem keeps five priorities and five modules per
//! step before « Voir les autres »; and every question of the
//! questionnaire changes some pathway.

use std::collections::BTreeSet;
use std::path::PathBuf;

use parcours_core::flow::{effective_answers, Flow};
use parcours_core::pathway::Pathway;
use parcours_core::priorities::{FOLD_AFTER, MAX_PRIORITIES};
use parcours_core::recommend::Index;
use parcours_core::{Answer, Answers, Catalogue, Question, QuestionKind};
use serde::Deserialize;

/// The day the scenarios are played on (see scenarios.rs).
const TODAY: &str = "2026-12-02";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    priorities: Vec<String>,
    nothing_urgent: bool,
    unknowns: Vec<String>,
}

fn scenarios() -> Vec<(String, Answers)> {
    let dir = parcours_e2e::repo_root().join("tests/scenarios");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 15, "{} scenarios", paths.len());
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let answers =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, answers)
        })
        .collect()
}

fn expected(name: &str) -> Expected {
    let path = parcours_e2e::repo_root()
        .join("tests/scenarios/expected")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (each scenario states the priorities it expects)",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What a pathway says whatever the score: which modules are steps,
/// listed apart or excluded, whether nothing is urgent, which « Je ne
/// sais pas » counted.
fn outcome(
    p: &Pathway,
) -> (
    BTreeSet<&str>,
    BTreeSet<&str>,
    BTreeSet<&str>,
    bool,
    Vec<&str>,
) {
    (
        p.modules().map(|m| m.id.as_str()).collect(),
        p.not_actionable.iter().map(|m| m.id.as_str()).collect(),
        p.excluded.iter().map(|m| m.module.as_str()).collect(),
        p.nothing_urgent,
        p.unknowns.iter().map(|u| u.question.as_str()).collect(),
    )
}

/// The answers a priority would contradict, written from the questions'
/// meaning (not from the catalogue's exclusions, which they check).
fn contradicted(module: &str, eff: &Answers) -> Option<&'static str> {
    let is = |q: &str, o: &str| matches!(eff.get(q), Some(Answer::Option(x)) if x == o);
    let ticks = |q: &str| match eff.get(q) {
        Some(Answer::Options(v)) => v.clone(),
        _ => Vec::new(),
    };
    let said = match module {
        "inventaire-zae" if is("fon-inventaire", "fait") => "the inventory is done",
        "observation-fonciere" if is("fon-observatoire", "oui") => "land is observed",
        "gpect" if is("comp-gpect", "realisee") || is("comp-gpect", "animee") => "a GPECT was made",
        "scan-industrie-40" if is("num-scan", "la-plupart") => "most firms had a scan",
        "observation-flux-ademe" if is("eco-flux", "oui") => "flows are known",
        "eit" if is("eco-eit", "active") => "an EIT is active",
        "chef-projet-ti" if is("gouv-chef-projet-financement", "assure") => {
            "a project lead is funded"
        }
        "plan-actions" if is("gouv-plan-actions", "recent") => "the plan was revised",
        "partage-taxe-amenagement" if is("fon-taxe", "oui") => "the tax is shared",
        "quartiers-productifs" if is("comp-qpv", "non") => "no priority neighbourhood",
        "fonds-vert-territoires-industrie" if !is("profil-ti", "oui") => {
            "not a Territoire d'industrie"
        }
        "articulation-acv-pvd"
            if !ticks("profil-programmes").is_empty()
                && !ticks("profil-programmes")
                    .iter()
                    .any(|o| o == "acv" || o == "pvd") =>
        {
            "neither Action Cœur de Ville nor Petites Villes de Demain"
        }
        "binome-copil" if is("gouv-binome", "actif") && is("gouv-copil", "oui") => {
            "the governance works"
        }
        _ => return None,
    };
    Some(said)
}

/// What every pathway's priorities respect.
fn check_priorities(name: &str, p: &Pathway) {
    assert!(
        p.priorities.len() <= MAX_PRIORITIES,
        "{name}: {:?}",
        p.priorities
    );
    assert!(!p.nothing_urgent || p.priorities.is_empty(), "{name}");
    for (k, id) in p.priorities.iter().enumerate() {
        let step = p
            .steps
            .iter()
            .find(|s| s.modules.iter().any(|m| &m.id == id))
            .unwrap_or_else(|| panic!("{name}: priority « {id} » is not a step"));
        assert!(
            step.shown().iter().any(|m| &m.id == id),
            "{name}: priority « {id} » is folded"
        );
        for pre in &p.module(id).unwrap().prerequisites {
            let before = p.priorities[..k].contains(pre);
            assert!(
                before,
                "{name}: « {pre} » must come before its priority « {id} » in {:?}",
                p.priorities
            );
        }
    }
}

#[test]
fn each_scenario_gets_the_priorities_it_states() {
    let cat = parcours_e2e::catalogue();
    let index = Index::new(cat);
    for (name, answers) in scenarios() {
        let p = index.pathway(&answers, TODAY);
        let want = expected(&name);
        assert_eq!(p.priorities, want.priorities, "{name}: priorities");
        assert_eq!(
            p.nothing_urgent, want.nothing_urgent,
            "{name}: nothing_urgent"
        );
        let unknowns: Vec<&str> = p.unknowns.iter().map(|u| u.question.as_str()).collect();
        assert_eq!(unknowns, want.unknowns, "{name}: unknowns");
        check_priorities(&name, &p);
        // The same catalogue version as the pathway, whatever it is.
        assert_eq!(p.catalogue_version, cat.version);
    }
}

#[test]
fn no_priority_goes_against_an_answer() {
    let cat = parcours_e2e::catalogue();
    for (name, answers) in scenarios() {
        let p = parcours_core::pathway(cat, &answers, TODAY);
        let eff = effective_answers(cat, &answers);
        for id in p.priorities.iter().chain(p.modules().map(|m| &m.id)) {
            if let Some(said) = contradicted(id, &eff) {
                panic!("{name}: « {id} » is proposed although {said}");
            }
        }
    }
}

#[test]
fn when_everything_is_a_problem_five_priorities_and_five_per_step() {
    let cat = parcours_e2e::catalogue();
    let (_, answers) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "every_difficulty")
        .unwrap();
    let p = parcours_core::pathway(cat, &answers, TODAY);
    assert!(p.module_count() >= 40, "{} modules", p.module_count());
    assert_eq!(p.priorities.len(), MAX_PRIORITIES);
    for s in &p.steps {
        assert!(s.shown().len() <= FOLD_AFTER, "{}", s.id);
        assert_eq!(s.shown().len() + s.folded().len(), s.modules.len());
    }
    assert!(p.steps.iter().any(|s| !s.folded().is_empty()));
    check_priorities("every_difficulty", &p);
}

/// Every answer a question can take (« Je ne sais pas » included).
fn samples(q: &Question) -> Vec<Answer> {
    let mut out = Vec::new();
    if q.allow_unknown {
        out.push(Answer::Unknown);
    }
    match q.kind {
        QuestionKind::YesNo | QuestionKind::Single => out.extend(
            q.option_ids()
                .into_iter()
                .map(|o| Answer::Option(o.to_string())),
        ),
        QuestionKind::Multiple => {
            out.extend(
                q.options
                    .iter()
                    .map(|o| Answer::Options(vec![o.id.clone()])),
            );
            out.push(Answer::Options(
                q.options
                    .iter()
                    .filter(|o| !o.exclusive)
                    .map(|o| o.id.clone())
                    .collect(),
            ));
        }
        QuestionKind::Scale => {
            out.extend((q.min.unwrap_or(1)..=q.max.unwrap_or(5)).map(Answer::Number))
        }
        QuestionKind::Number => {
            let low = q.min.unwrap_or(0);
            out.extend([low, low + 10, 49, 50, 100, 1000].map(Answer::Number));
        }
    }
    out
}

fn visible(cat: &Catalogue, answers: &Answers, question: &str) -> bool {
    Flow::new(cat, answers)
        .groups
        .iter()
        .any(|g| g.questions.iter().any(|q| q.id == question))
}

/// Whether some answer of `q` changes the modules of the pathway over
/// `base`.
fn changes(index: &Index, cat: &Catalogue, base: &Answers, q: &Question) -> bool {
    if !visible(cat, base, &q.id) {
        return false;
    }
    let mut seen = None;
    for a in samples(q) {
        let mut b = base.clone();
        b.insert(q.id.clone(), a);
        let p = index.pathway(&b, TODAY);
        let o = format!("{:?}", outcome(&p));
        match &seen {
            None => seen = Some(o),
            Some(first) if *first != o => return true,
            Some(_) => {}
        }
    }
    false
}

/// Some answer of each question changes which modules are proposed, for
/// some otherwise fixed answers: a scenario's, or a scenario's with one
/// other question answered differently.
#[test]
fn every_question_changes_some_pathway() {
    let cat = parcours_e2e::catalogue();
    let index = Index::new(cat);
    let bases: Vec<Answers> = scenarios().into_iter().map(|(_, a)| a).collect();
    let questions: Vec<&Question> = cat.questions().collect();
    let mut idle = Vec::new();
    for q in &questions {
        let direct = bases.iter().any(|b| changes(&index, cat, b, q));
        let through_another = direct
            || bases.iter().any(|b| {
                questions.iter().filter(|r| r.id != q.id).any(|r| {
                    samples(r).into_iter().any(|a| {
                        let mut b = b.clone();
                        b.insert(r.id.clone(), a);
                        changes(&index, cat, &b, q)
                    })
                })
            });
        if !through_another {
            idle.push(q.id.as_str());
        }
    }
    assert!(idle.is_empty(), "questions without effect: {idle:?}");
}
