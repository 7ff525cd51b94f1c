//! Exclusive options, scales turned round and their migration, and the
//! checks `catalogue check` makes of them; then properties over random
//! answers to the real catalogue: an exclusive option ticked with another
//! is refused naming the question and counts for nothing, every priority
//! is a shown step after its prerequisites, and the same answers give the
//! same pathway.

mod common;

use common::*;
use parcours_core::answer_check::{check, toggle_answer};
use parcours_core::diff::diff;
use parcours_core::migrate::migrate;
use parcours_core::recommend::{pathway, Index};
use parcours_core::share::{decode, encode};
use parcours_core::{load, toggle_option, Answer, Answers, Catalogue, Diagnostic, QuestionKind};
use proptest::prelude::*;
use serde_json::{json, Value};

const REAL: &str = include_str!("../../../content/catalogue.json");

fn with(f: impl FnOnce(&mut Value)) -> Catalogue {
    let mut v = mini_value();
    f(&mut v);
    load(&v.to_string()).unwrap_or_else(|d| panic!("{d:?}"))
}

fn broken(f: impl FnOnce(&mut Value)) -> Vec<Diagnostic> {
    let mut v = mini_value();
    f(&mut v);
    load(&v.to_string()).expect_err("should be refused")
}

#[track_caller]
fn has(d: &[Diagnostic], pointer: &str, needle: &str) {
    assert!(
        d.iter()
            .any(|d| d.pointer == pointer && d.message.contains(needle)),
        "expected {pointer}: …{needle}…, got:\n{}",
        d.iter().map(|d| format!("  {d}\n")).collect::<String>()
    );
}

/// themes gains « Aucun thème » (exclusive); maturite was turned round in
/// 2026.11.0 (the mini catalogue's version).
fn mini_v2() -> Catalogue {
    with(|v| {
        v["questionnaire"]["groups"][0]["questions"][0]["options"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "aucun", "label": "Aucun thème", "exclusive": true}));
        v["questionnaire"]["groups"][1]["questions"][3]["reversed_in"] = json!(["2026.11.0"]);
    })
}

#[test]
fn an_exclusive_option_with_another_is_refused_and_counts_for_nothing() {
    let cat = mini_v2();
    let both = answers(&[
        ("themes", opts(&["foncier", "aucun"])),
        ("refus", opt("oui")),
    ]);
    let errors = check(&cat, &both).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].question, "themes");
    assert_eq!(
        errors[0].to_string(),
        "« Quels thèmes ? » : « Aucun thème » ne peut pas être cochée en même temps qu'une autre réponse"
    );
    // The foncier group stays hidden: « refus » fires nothing.
    let p = pathway(&cat, &both, TODAY);
    assert!(p.module("observatoire").is_none());
    assert!(check(&cat, &answers(&[("themes", opts(&["aucun"]))])).is_ok());
    let unknown = answers(&[("inconnue", opt("oui")), ("refus", opt("peut-être"))]);
    let errors = check(&cat, &unknown).unwrap_err();
    assert_eq!(errors.len(), 2);
    assert!(errors[0]
        .message
        .contains("« inconnue » ne fait pas partie du questionnaire"));
    assert!(errors[1]
        .message
        .starts_with("« Avez-vous refusé des projets ? » : "));
    // What the questionnaire does when « Aucun thème » is ticked.
    let q = cat.question("themes").unwrap();
    let ticked = toggle_option(q, &["foncier".into(), "emploi".into()], "aucun");
    assert_eq!(ticked, ["aucun"]);
    assert_eq!(toggle_option(q, &ticked, "emploi"), ["emploi"]);
    assert_eq!(toggle_answer(q, Some(&opts(&["aucun"])), "aucun"), None);
}

#[test]
fn saved_answers_and_old_links_turn_a_reversed_scale_round_with_a_notice() {
    let cat = mini_v2();
    let saved = answers(&[
        ("themes", opts(&["foncier", "aucun", "emploi"])),
        ("maturite", Answer::Number(2)),
    ]);
    let (kept, report) = migrate(&cat, "2026.10.0", saved.clone());
    assert_eq!(kept.get("maturite"), Some(&Answer::Number(4)));
    assert_eq!(kept.get("themes"), Some(&opts(&["foncier", "emploi"])));
    assert_eq!(report.adapted.len(), 1);
    assert_eq!((report.adapted[0].from, report.adapted[0].to), (2, 4));
    let lines = report.lines(&cat);
    assert_eq!(
        lines,
        [
            "« Quels thèmes ? » (« Aucun thème ») : cette réponse ne peut plus être cochée avec d'autres : elle a été retirée",
            "« Maturité ? » : l'échelle va désormais de 1 (« Début ») à 5 (« Avancé ») ; votre réponse 2 devient 4, qui dit la même chose",
        ]
    );
    // Saved with the version that turned it, or later: read as is.
    let (kept, report) = migrate(&cat, "2026.11.0", saved.clone());
    assert_eq!(kept.get("maturite"), Some(&Answer::Number(2)));
    assert!(report.adapted.is_empty());
    // An old share link carries its version: it opens, turned round.
    let shared = decode(&encode("2026.10.0", &saved)).unwrap();
    let (kept, _) = migrate(&cat, &shared.version, shared.answers);
    assert_eq!(kept.get("maturite"), Some(&Answer::Number(4)));
    // The Atelier's diff tells the editor.
    let d = diff(&mini(), &cat);
    assert_eq!(d.turned_scales.len(), 0, "same version: nothing turns");
    let mut older = mini_value();
    older["version"] = json!("2026.10.0");
    let older = load(&older.to_string()).unwrap();
    let d = diff(&older, &cat);
    assert_eq!(d.turned_scales.len(), 1);
    assert_eq!((d.turned_scales[0].from, d.turned_scales[0].to), (1, 5));
    assert!(!d.is_empty());
}

#[test]
fn catalogue_check_refuses_misused_exclusive_and_reversed_in() {
    let d = broken(|v| {
        v["questionnaire"]["groups"][1]["questions"]
            .as_array_mut()
            .unwrap()
            .push(json!({
                "id": "choix", "label": "Un choix ?", "help": "Aide.", "kind": "single",
                "options": [{"id": "a", "label": "A", "exclusive": true}, {"id": "b", "label": "B"}]
            }));
    });
    has(
        &d,
        "/questionnaire/groups/1/questions/4/options/0/exclusive",
        "ne s'applique qu'aux questions à choix multiple",
    );
    let d = broken(|v| {
        let options = &mut v["questionnaire"]["groups"][0]["questions"][0]["options"];
        options[0]["exclusive"] = json!(true);
        options[1]["exclusive"] = json!(true);
    });
    has(
        &d,
        "/questionnaire/groups/0/questions/0/options",
        "toutes les options sont « exclusive »",
    );
    let d = broken(|v| {
        v["questionnaire"]["groups"][1]["questions"][0]["reversed_in"] = json!(["2026.11.0"]);
        let scale = &mut v["questionnaire"]["groups"][1]["questions"][3];
        scale["reversed_in"] = json!(["2026.11", "2027.01.0", "2026.10.0", "2026.10.0"]);
    });
    has(
        &d,
        "/questionnaire/groups/1/questions/0/reversed_in",
        "ne s'applique qu'aux échelles",
    );
    has(
        &d,
        "/questionnaire/groups/1/questions/3/reversed_in/0",
        "mal formée",
    );
    has(
        &d,
        "/questionnaire/groups/1/questions/3/reversed_in/1",
        "postérieure à celle du catalogue (2026.11.0)",
    );
    has(
        &d,
        "/questionnaire/groups/1/questions/3/reversed_in/3",
        "citée deux fois",
    );
    let d = broken(|v| {
        v["questionnaire"]["groups"][1]["questions"][3]
            .as_object_mut()
            .unwrap()
            .remove("max_label");
    });
    has(
        &d,
        "/questionnaire/groups/1/questions/3/min_label",
        "doit nommer ses deux bouts",
    );
    let d = broken(|v| {
        v["questionnaire"]["groups"][1]["questions"][0]["label"] = json!("x".repeat(101));
    });
    has(
        &d,
        "/questionnaire/groups/1/questions/0/label",
        "le libellé fait 101 caractères : 100 au plus",
    );
}

#[test]
fn the_real_catalogue_uses_both() {
    let cat = load(REAL).unwrap();
    for (q, o) in [("fon-besoins", "aucun"), ("profil-programmes", "aucun")] {
        assert!(cat.question(q).unwrap().is_exclusive(o), "{q} {o}");
    }
    for q in ["fon-qualite", "comp-formation", "num-maturite"] {
        let q = cat.question(q).unwrap();
        assert_eq!(q.reversed_in, ["2026.12.1"], "{}", q.id);
    }
    // Answers saved with the previous version keep their meaning.
    let saved = answers(&[
        ("fon-qualite", Answer::Number(1)),
        ("comp-formation", Answer::Number(2)),
        ("num-maturite", Answer::Number(5)),
        ("fon-saturation", Answer::Number(5)),
        ("profil-programmes", opts(&["crte", "acv"])),
        ("num-scan", opt("oui")),
    ]);
    let (kept, report) = migrate(&cat, "2026.12.0", saved);
    assert_eq!(kept.get("fon-qualite"), Some(&Answer::Number(5)));
    assert_eq!(kept.get("comp-formation"), Some(&Answer::Number(4)));
    assert_eq!(kept.get("num-maturite"), Some(&Answer::Number(1)));
    assert_eq!(kept.get("fon-saturation"), Some(&Answer::Number(5)));
    assert_eq!(kept.get("profil-programmes"), Some(&opts(&["acv"])));
    assert_eq!(kept.get("num-scan"), None);
    let lines = report.lines(&cat);
    assert_eq!(lines.len(), 5, "{lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("« Votre territoire est-il concerné par l’un de ces programmes ? » (« crte ») : cette réponse n'est plus proposée")));
    assert!(lines
        .iter()
        .any(|l| l.contains("votre réponse 1 devient 5")));
}

/// One answer per question from a seed: not answered, « Je ne sais pas »,
/// an option, any set of ticks (exclusive ones included), a value.
fn answer_of(q: &parcours_core::Question, seed: u32) -> Option<Answer> {
    let n = seed as usize;
    if n.is_multiple_of(7) {
        return None;
    }
    if q.allow_unknown && n % 7 == 1 {
        return Some(Answer::Unknown);
    }
    Some(match q.kind {
        QuestionKind::YesNo | QuestionKind::Single => {
            let ids = q.option_ids();
            Answer::Option(ids[n / 7 % ids.len()].to_string())
        }
        QuestionKind::Multiple => Answer::Options(
            q.options
                .iter()
                .enumerate()
                .filter(|(k, _)| (n >> (k + 3)) & 1 == 1)
                .map(|(_, o)| o.id.clone())
                .collect(),
        ),
        QuestionKind::Scale => {
            let (min, max) = (q.min.unwrap_or(1), q.max.unwrap_or(5));
            Answer::Number(min + (n as i64 / 7) % (max - min + 1))
        }
        QuestionKind::Number => Answer::Number((n as i64 / 7) % 120),
    })
}

fn real_answers() -> impl Strategy<Value = Answers> {
    let cat = load(REAL).unwrap();
    let count = cat.questions().count();
    prop::collection::vec(any::<u32>(), count).prop_map(move |seeds| {
        cat.questions()
            .zip(seeds)
            .filter_map(|(q, s)| answer_of(q, s).map(|a| (q.id.clone(), a)))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn exclusive_with_another_is_refused_naming_the_question(a in real_answers()) {
        let cat = load(REAL).unwrap();
        let mixed: Vec<&parcours_core::Question> = cat
            .questions()
            .filter(|q| match a.get(&q.id) {
                Some(Answer::Options(v)) => v.len() > 1 && v.iter().any(|o| q.is_exclusive(o)),
                _ => false,
            })
            .collect();
        match check(&cat, &a) {
            Ok(()) => prop_assert!(mixed.is_empty()),
            Err(errors) => {
                for q in &mixed {
                    let e = errors.iter().find(|e| e.question == q.id);
                    prop_assert!(e.is_some(), "{} not refused", q.id);
                    let e = e.unwrap();
                    let named = format!("« {} »", q.label);
                    prop_assert!(e.message.starts_with(&named), "{}", e.message);
                    prop_assert!(e.message.contains("ne peut pas être cochée en même temps qu'une autre réponse"), "{}", e.message);
                }
            }
        }
        // Such an answer counts for nothing: as if it were not given.
        let mut without = a.clone();
        for q in &mixed {
            without.remove(&q.id);
        }
        prop_assert_eq!(pathway(&cat, &a, TODAY), pathway(&cat, &without, TODAY));
    }

    #[test]
    fn priorities_are_shown_steps_after_their_prerequisites_and_stable(a in real_answers()) {
        let cat = load(REAL).unwrap();
        let p = pathway(&cat, &a, TODAY);
        prop_assert!(p.priorities.len() <= 5);
        prop_assert!(!p.nothing_urgent || p.priorities.is_empty());
        let mut seen = Vec::new();
        for id in &p.priorities {
            let step = p.steps.iter().find(|s| s.modules.iter().any(|m| &m.id == id));
            prop_assert!(step.is_some(), "« {} » not a step", id);
            prop_assert!(step.unwrap().shown().iter().any(|m| &m.id == id), "« {} » folded", id);
            for pre in &p.module(id).unwrap().prerequisites {
                prop_assert!(seen.contains(&pre), "« {} » before « {} »", pre, id);
            }
            prop_assert!(!seen.contains(&id), "« {} » twice", id);
            seen.push(id);
        }
        for s in &p.steps {
            prop_assert!(s.shown().len() <= 5);
        }
        for u in &p.unknowns {
            prop_assert_eq!(a.get(&u.question), Some(&Answer::Unknown));
        }
        // Same answers, same output, with or without a reused index.
        let again = Index::new(&cat).pathway(&a, TODAY);
        prop_assert_eq!(serde_json::to_string(&p).unwrap(), serde_json::to_string(&again).unwrap());
    }

    #[test]
    fn toggling_never_leaves_an_exclusive_option_with_another(steps in prop::collection::vec(0usize..8, 0..20)) {
        let cat = load(REAL).unwrap();
        for q in ["fon-besoins", "profil-programmes"] {
            let q = cat.question(q).unwrap();
            let mut ticked: Vec<String> = Vec::new();
            for &k in &steps {
                let o = &q.options[k % q.options.len()].id;
                ticked = toggle_option(q, &ticked, o);
                let answer = Answer::Options(ticked.clone());
                prop_assert!(ticked.is_empty() || parcours_core::answer_check::validate_answer(q, &answer).is_ok(), "{:?}", ticked);
            }
        }
    }
}
