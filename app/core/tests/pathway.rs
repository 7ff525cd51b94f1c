//! Recommendation on the mini catalogue: scores, reasons, exclusions,
//! prerequisites and ordering.

mod common;

use common::*;
use parcours_core::recommend::{pathway, Index, Trigger};
use parcours_core::{export, load, Answer};
use serde_json::json;

fn order(p: &parcours_core::Pathway) -> Vec<(&str, &str)> {
    p.steps
        .iter()
        .flat_map(|s| {
            s.modules
                .iter()
                .map(move |m| (s.id.as_str(), m.id.as_str()))
        })
        .collect()
}

#[test]
fn rules_prerequisites_and_order() {
    let cat = mini();
    let a = answers(&[
        ("themes", opts(&["foncier"])),
        ("refus", opt("oui")),
        ("hectares", Answer::Number(50)),
    ]);
    let p = pathway(&cat, &a);
    assert_eq!(
        order(&p),
        vec![
            ("diagnostiquer", "observatoire"),
            ("diagnostiquer", "inventaire"),
            ("strategie", "strategie-fonciere"),
            ("agir", "pret-friches"),
        ]
    );
    assert_eq!(p.catalogue_version, "2026.11.0");
    let obs = p.module("observatoire").unwrap();
    assert_eq!((obs.score, obs.provider.as_str()), (3, "Cerema"));
    assert_eq!(obs.reasons[0].rule, "refus-observer");
    assert_eq!(
        obs.reasons[0].triggers,
        vec![Trigger {
            question: "refus".into(),
            question_label: "Avez-vous refusé des projets ?".into(),
            answer: "Oui".into()
        }]
    );
    assert_eq!(obs.required_by, vec!["strategie-fonciere"]);
    let inv = p.module("inventaire").unwrap();
    assert_eq!((inv.score, inv.reasons.len()), (0, 0));
    assert_eq!(inv.required_by, vec!["pret-friches"]);
    let pret = p.module("pret-friches").unwrap();
    assert_eq!(pret.prerequisites, vec!["strategie-fonciere", "inventaire"]);
    assert_eq!(pret.reasons[0].triggers[0].answer, "50 hectares");
    assert_eq!(p.module_count(), 4);
    assert_eq!(
        p.top(2).iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        vec!["observatoire", "inventaire"]
    );
    assert!(p.excluded.is_empty());
    assert!(!p.is_empty());
}

#[test]
fn exclusions_drop_modules_and_their_pull() {
    let cat = mini();
    let a = answers(&[
        ("themes", opts(&["foncier"])),
        ("refus", opt("oui")),
        ("hectares", Answer::Number(50)),
        ("strategie-existante", opt("oui")),
    ]);
    let p = pathway(&cat, &a);
    assert!(p.module("strategie-fonciere").is_none());
    assert_eq!(p.excluded.len(), 1);
    assert_eq!(p.excluded[0].module, "strategie-fonciere");
    assert_eq!(
        p.excluded[0].reason,
        "Vous avez déjà une stratégie foncière."
    );
    assert_eq!(
        p.module("pret-friches").unwrap().prerequisites,
        vec!["inventaire"]
    );
}

#[test]
fn hidden_answers_do_not_recommend() {
    let cat = mini();
    // « refus = oui » would fire, but the foncier group is hidden.
    let a = answers(&[
        ("themes", opts(&["emploi"])),
        ("refus", opt("oui")),
        ("difficultes", opt("fortes")),
    ]);
    let p = pathway(&cat, &a);
    assert!(p.module("observatoire").is_none());
    assert!(p.module("gpec").is_some());
}

#[test]
fn unknown_answers_fire_unknown_rules() {
    let cat = mini();
    let a = answers(&[("themes", opts(&["foncier"])), ("refus", Answer::Unknown)]);
    let p = pathway(&cat, &a);
    assert_eq!(order(&p), vec![("diagnostiquer", "inventaire")]);
    assert_eq!(
        p.module("inventaire").unwrap().reasons[0].triggers[0].answer,
        "Je ne sais pas"
    );
}

#[test]
fn empty_answers_give_an_empty_or_unknown_driven_pathway() {
    let cat = mini();
    let p = pathway(&cat, &Default::default());
    // Only « unknown » rules can fire without answers.
    assert!(p.modules().all(|m| m.id == "inventaire"));
    let md = export::markdown(&cat, &p);
    assert!(md.contains("Catalogue version 2026.11.0"));
}

#[test]
fn prerequisite_comes_first_within_a_step() {
    let mut v = mini_value();
    // inventaire (score 1) needs observatoire (pulled in, score 0): the
    // sort puts inventaire first, the fix-up must swap them.
    v["modules"][1]["prerequisites"] = json!(["observatoire"]);
    let cat = load(&v.to_string()).unwrap();
    let a = answers(&[("themes", opts(&["foncier"])), ("refus", Answer::Unknown)]);
    let p = pathway(&cat, &a);
    assert_eq!(
        order(&p),
        vec![
            ("diagnostiquer", "observatoire"),
            ("diagnostiquer", "inventaire")
        ]
    );
}

#[test]
fn ties_break_on_priority_then_id() {
    let mut v = mini_value();
    v["rules"].as_array_mut().unwrap().push(json!({
        "id": "tout", "when": {"answered": "themes"}, "modules": ["gpec", "annuaire", "observatoire", "inventaire"],
        "weight": 1, "reason": "Toujours."
    }));
    v["modules"][5]
        .as_object_mut()
        .unwrap()
        .remove("browse_only");
    let cat = load(&v.to_string()).unwrap();
    let p = pathway(&cat, &answers(&[("themes", opts(&["emploi"]))]));
    // diagnostiquer: inventaire (priority 5) before observatoire; agir: annuaire < gpec.
    assert_eq!(
        order(&p),
        vec![
            ("diagnostiquer", "inventaire"),
            ("diagnostiquer", "observatoire"),
            ("agir", "annuaire"),
            ("agir", "gpec")
        ]
    );
}

#[test]
fn triggers_on_ticks_name_only_the_matching_options() {
    let mut v = mini_value();
    v["rules"].as_array_mut().unwrap().push(json!({
        "id": "theme-emploi", "when": {"equals": {"question": "themes", "option": "emploi"}},
        "modules": ["annuaire"], "weight": 1, "reason": "Vous vous intéressez à l'emploi."
    }));
    let cat = load(&v.to_string()).unwrap();
    let p = pathway(&cat, &answers(&[("themes", opts(&["foncier", "emploi"]))]));
    let t = &p.module("annuaire").unwrap().reasons[0].triggers[0];
    assert_eq!(
        (
            t.question.as_str(),
            t.question_label.as_str(),
            t.answer.as_str()
        ),
        ("themes", "Quels thèmes ?", "Emploi")
    );
}

#[test]
fn deterministic_and_index_reusable() {
    let cat = mini();
    let a = answers(&[
        ("themes", opts(&["foncier", "emploi"])),
        ("refus", opt("oui")),
        ("maturite", Answer::Number(1)),
    ]);
    let one = serde_json::to_string(&pathway(&cat, &a)).unwrap();
    let index = Index::new(&cat);
    for _ in 0..3 {
        assert_eq!(serde_json::to_string(&index.pathway(&a)).unwrap(), one);
    }
}

#[test]
fn exports() {
    let cat = mini();
    let a = answers(&[
        ("themes", opts(&["foncier"])),
        ("refus", opt("oui")),
        ("hectares", Answer::Number(50)),
    ]);
    let p = pathway(&cat, &a);
    let md = export::markdown(&cat, &p);
    assert!(md.starts_with("# Parcours Territoires d'industrie"));
    assert!(md.contains("## Diagnostiquer"));
    assert!(md.contains("Recommandé parce que"));
    assert!(md.contains("préalable à : Prêt pour la reconversion des friches"));
    let csv = export::csv(&cat, &p);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "étape,module,opérateur,score,raisons");
    assert_eq!(lines.len(), 6, "{csv}");
    assert!(lines[1].starts_with("Diagnostiquer,Observatoire du foncier,Cerema,3,"));
}
