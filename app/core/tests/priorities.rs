//! « Vos priorités », the fold of long steps, « rien d'urgent », the « Je
//! ne sais pas » that fire rules and the prerequisites of themes left
//! unexplored, on the mini catalogue.

mod common;

use common::*;
use parcours_core::priorities::{fold_label, Why, FOLD_AFTER};
use parcours_core::recommend::pathway;
use parcours_core::{export, load, Answer, Catalogue, Pathway};
use serde_json::{json, Value};

fn ids(p: &Pathway) -> Vec<&str> {
    p.modules().map(|m| m.id.as_str()).collect()
}

fn with(f: impl FnOnce(&mut Value)) -> Catalogue {
    let mut v = mini_value();
    f(&mut v);
    load(&v.to_string()).unwrap_or_else(|d| panic!("{d:?}"))
}

/// refus = oui and 50 hectares: observatoire and strategie-fonciere (3),
/// pret-friches (2) which needs strategie-fonciere and inventaire (0).
fn land() -> parcours_core::Answers {
    answers(&[
        ("themes", opts(&["foncier"])),
        ("refus", opt("oui")),
        ("hectares", Answer::Number(50)),
    ])
}

#[test]
fn priorities_follow_the_score_whatever_the_step_with_prerequisites_first() {
    let cat = mini();
    let p = pathway(&cat, &land(), TODAY);
    assert!(!p.nothing_urgent);
    // Step order puts inventaire second; the priorities put the strongest
    // first, and inventaire just before pret-friches, which needs it.
    assert_eq!(
        ids(&p),
        [
            "observatoire",
            "inventaire",
            "strategie-fonciere",
            "pret-friches"
        ]
    );
    assert_eq!(
        p.priorities,
        [
            "observatoire",
            "strategie-fonciere",
            "inventaire",
            "pret-friches"
        ]
    );
    let list = p.priority_list();
    assert_eq!(list[0].rank, 1);
    assert!(matches!(&list[0].why, Why::Reason(r) if r.rule == "refus-observer"));
    match &list[2].why {
        Why::Before(next) => assert_eq!(next[0].id, "pret-friches"),
        why => panic!("{why:?}"),
    }
    assert_eq!(
        list[2].why.text(),
        "À engager d'abord : c'est un préalable à « Prêt pour la reconversion des friches »."
    );
    assert_eq!(p.priority_rank("pret-friches"), Some(4));
    assert_eq!(p.priority_rank("club-foncier"), None);
}

/// gpec and annuaire (the same step) both reach 2 when hiring is hard:
/// only one joins the three first; a fourth needs a strong score.
#[test]
fn a_fourth_priority_needs_a_strong_score() {
    let catalogue = |weight: u32| {
        with(|v| {
            v["modules"][5]
                .as_object_mut()
                .unwrap()
                .remove("browse_only");
            v["rules"].as_array_mut().unwrap().push(json!({
                "id": "annuaire", "when": {"equals": {"question": "difficultes", "option": "fortes"}},
                "modules": ["annuaire"], "weight": weight, "reason": "Vous peinez à recruter."
            }));
            v["rules"][3]["weight"] = json!(weight);
        })
    };
    let a = answers(&[
        ("themes", opts(&["foncier", "emploi"])),
        ("refus", opt("oui")),
        ("hectares", Answer::Number(5)),
        ("difficultes", opt("fortes")),
    ]);
    let weak = pathway(&catalogue(2), &a, TODAY);
    assert_eq!(
        weak.priorities,
        ["observatoire", "strategie-fonciere", "annuaire"]
    );
    let strong = pathway(&catalogue(3), &a, TODAY);
    assert_eq!(
        strong.priorities,
        ["observatoire", "strategie-fonciere", "annuaire", "gpec"]
    );
}

#[test]
fn nothing_urgent_when_only_not_knowing_fires_and_the_unknown_is_named() {
    let cat = mini();
    let a = answers(&[("themes", opts(&["foncier"])), ("refus", Answer::Unknown)]);
    let p = pathway(&cat, &a, TODAY);
    assert_eq!(ids(&p), ["inventaire"]);
    assert!(p.nothing_urgent);
    assert!(
        p.priorities.is_empty(),
        "no priorities when nothing is urgent"
    );
    let reason = &p.module("inventaire").unwrap().reasons[0];
    assert_eq!(reason.unknowns, ["refus"]);
    assert!(reason.is_uncertain());
    assert_eq!(p.unknowns.len(), 1);
    assert_eq!(
        (
            p.unknowns[0].question.as_str(),
            &p.unknowns[0].resolved_by[..]
        ),
        ("refus", &["inventaire".to_string()][..])
    );
    assert_eq!(
        p.unknowns_sentence().unwrap(),
        "1 question sans réponse (« Je ne sais pas ») ; « Inventaire des friches » y répondra."
    );
    let md = export::markdown(&cat, &p);
    let head = md
        .find("## Rien d'urgent ne ressort de vos réponses")
        .unwrap();
    let line = md.find("1 question sans réponse").unwrap();
    assert!(
        head < line && line < md.find("## Diagnostiquer").unwrap(),
        "{md}"
    );
    // A real answer that states a need: urgent again.
    let mut b = a.clone();
    b.insert("difficultes".into(), opt("fortes"));
    b.insert("themes".into(), opts(&["foncier", "emploi"]));
    let p = pathway(&cat, &b, TODAY);
    assert!(!p.nothing_urgent);
    assert_eq!(p.priorities, ["gpec", "inventaire"]);
}

#[test]
fn a_complement_of_weight_one_is_not_a_need() {
    let cat = with(|v| {
        v["rules"].as_array_mut().unwrap().push(json!({
            "id": "maturite", "when": {"at_least": {"question": "maturite", "value": 4}},
            "modules": ["observatoire"], "weight": 1, "reason": "Vous êtes avancés."
        }));
    });
    let a = answers(&[
        ("themes", opts(&["foncier"])),
        ("refus", opt("non")),
        ("maturite", Answer::Number(5)),
    ]);
    let p = pathway(&cat, &a, TODAY);
    assert_eq!(ids(&p), ["observatoire"]);
    assert!(p.nothing_urgent);
    assert!(p.unknowns.is_empty());
    assert!(export::markdown(&cat, &p).contains("Les quelques services ci-dessous restent utiles"));
}

#[test]
fn an_unanswered_hidden_question_is_not_an_unknown_to_report() {
    // The mini rule « unknown: refus » has no theme guard: with the
    // foncier group hidden it still fires, but nobody said « Je ne sais
    // pas ».
    let cat = mini();
    let p = pathway(&cat, &answers(&[("themes", opts(&["emploi"]))]), TODAY);
    assert_eq!(ids(&p), ["inventaire"]);
    assert!(p.unknowns.is_empty());
    assert!(p.unknowns_sentence().is_none());
    assert!(p.nothing_urgent);
}

#[test]
fn a_prerequisite_just_before_what_needs_it_not_after_weaker_modules() {
    // diagnostiquer: inventaire (3) needs observatoire (pulled in, 0);
    // annuaire (2) scores less than inventaire.
    let cat = with(|v| {
        v["modules"][1]["prerequisites"] = json!(["observatoire"]);
        v["modules"][5]["step"] = json!("diagnostiquer");
        v["modules"][5]
            .as_object_mut()
            .unwrap()
            .remove("browse_only");
        v["rules"][2]["weight"] = json!(3);
        v["rules"].as_array_mut().unwrap().push(json!({
            "id": "annuaire", "when": {"answered": "themes"},
            "modules": ["annuaire"], "weight": 2, "reason": "Vous avez choisi des thèmes."
        }));
    });
    let a = answers(&[("themes", opts(&["foncier"])), ("refus", Answer::Unknown)]);
    let p = pathway(&cat, &a, TODAY);
    assert_eq!(ids(&p), ["observatoire", "inventaire", "annuaire"]);
}

/// The test catalogue with `n` more copies of its sixth module (« Annuaire
/// 1 » …), each recommended by one weak rule once themes are chosen.
fn with_directories(n: usize) -> Catalogue {
    with(|v| {
        let extra: Vec<Value> = (1..=n)
            .map(|k| {
                let mut m = v["modules"][5].clone();
                m["id"] = json!(format!("annuaire-{k}"));
                m["title"] = json!(format!("Annuaire {k}"));
                m.as_object_mut().unwrap().remove("browse_only");
                m
            })
            .collect();
        let ids: Vec<String> = (1..=n).map(|k| format!("annuaire-{k}")).collect();
        v["modules"].as_array_mut().unwrap().extend(extra);
        v["rules"].as_array_mut().unwrap().push(json!({
            "id": "annuaires", "when": {"answered": "themes"},
            "modules": ids,
            "weight": 1, "reason": "Vous avez choisi des thèmes."
        }));
    })
}

#[test]
fn a_long_step_folds_after_five_the_same_way_everywhere() {
    let cat = with_directories(4);
    let p = pathway(&cat, &land(), TODAY);
    let agir = p.steps.iter().find(|s| s.id == "agir").unwrap();
    assert_eq!(agir.modules.len(), 5);
    assert_eq!((agir.shown().len(), agir.folded().len()), (5, 0));
    // Two more modules in the step: the weakest two fold.
    let cat = with_directories(6);
    let p = pathway(&cat, &land(), TODAY);
    let agir = p.steps.iter().find(|s| s.id == "agir").unwrap();
    assert_eq!(agir.shown().len(), FOLD_AFTER);
    assert_eq!(agir.shown()[0].id, "pret-friches", "strongest first");
    let folded: Vec<&str> = agir.folded().iter().map(|m| m.id.as_str()).collect();
    assert_eq!(folded, ["annuaire-5", "annuaire-6"]);
    assert_eq!(
        fold_label(folded.len()).unwrap(),
        "Voir les 2 autres services de cette étape"
    );
    assert_eq!(
        fold_label(1).unwrap(),
        "Voir l'autre service de cette étape"
    );
    assert_eq!(fold_label(0), None);
    let md = export::markdown(&cat, &p);
    let fold = md
        .find("Les 2 autres services de cette étape (repliés à l'écran) :")
        .unwrap_or_else(|| panic!("{md}"));
    assert!(md.find("Annuaire 4").unwrap() < fold && fold < md.find("Annuaire 5").unwrap());
    let csv = export::csv(&cat, &p);
    let folded_rows: Vec<&str> = csv.lines().filter(|l| l.contains(",replié,")).collect();
    assert_eq!(folded_rows.len(), 2, "{csv}");
    assert!(folded_rows[0].contains("Annuaire 5"));
}

#[test]
fn a_prerequisite_of_a_theme_left_unexplored_is_to_check_not_a_step() {
    let cat = with(|v| {
        v["modules"][4]["prerequisites"] = json!(["pret-friches"]);
    });
    let emploi = answers(&[
        ("themes", opts(&["emploi"])),
        ("difficultes", opt("fortes")),
    ]);
    let p = pathway(&cat, &emploi, TODAY);
    let gpec = p.module("gpec").unwrap();
    assert_eq!(gpec.to_check, ["pret-friches"]);
    assert!(gpec.prerequisites.is_empty());
    assert!(p.module("pret-friches").is_none());
    assert!(p.not_actionable.iter().all(|m| m.id != "pret-friches"));
    let md = export::markdown(&cat, &p);
    assert!(
        md.contains("- À vérifier d'abord (thème non exploré par vos réponses) : Prêt pour la reconversion des friches\n"),
        "{md}"
    );
    assert!(export::csv(&cat, &p).contains("À vérifier d'abord"));
    // The foncier theme explored: pulled in as a step, before gpec.
    let mut both = emploi.clone();
    both.insert("themes".into(), opts(&["foncier", "emploi"]));
    both.insert("refus".into(), opt("non"));
    let p = pathway(&cat, &both, TODAY);
    let gpec = p.module("gpec").unwrap();
    assert!(gpec.to_check.is_empty());
    assert_eq!(gpec.prerequisites, ["pret-friches"]);
}

#[test]
fn empty_answers_give_no_priority() {
    let cat = mini();
    let p = pathway(&cat, &Default::default(), TODAY);
    assert!(p.priorities.is_empty());
    assert!(p.nothing_urgent);
}
