//! Questionnaire flow on the mini catalogue.

mod common;

use common::*;
use parcours_core::answer_check::validate_answer;
use parcours_core::flow::{effective_answers, missing_required, Flow};
use parcours_core::{Answer, Answers};

#[test]
fn groups_follow_their_conditions() {
    let cat = mini();
    let f = Flow::new(&cat, &Answers::new());
    let ids: Vec<&str> = f.groups.iter().map(|g| g.group.id.as_str()).collect();
    assert_eq!(ids, vec!["profil"]);
    assert!(!f.is_complete());
    assert_eq!(f.missing_required("profil"), vec!["themes"]);

    let a = answers(&[("themes", opts(&["foncier"]))]);
    let f = Flow::new(&cat, &a);
    let ids: Vec<&str> = f.groups.iter().map(|g| g.group.id.as_str()).collect();
    assert_eq!(ids, vec!["profil", "foncier"]);
    let foncier = f.group("foncier").unwrap();
    // « hectares » only shows when « refus » = oui.
    let qs: Vec<&str> = foncier.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(qs, vec!["refus", "strategie-existante", "maturite"]);
    assert_eq!(foncier.missing_required, vec!["refus"]);
    assert_eq!((f.answered(), f.visible()), (1, 5));
}

#[test]
fn unknown_counts_as_answered_for_completeness() {
    let cat = mini();
    let a = answers(&[("themes", opts(&["foncier"])), ("refus", Answer::Unknown)]);
    let f = Flow::new(&cat, &a);
    assert!(f.is_complete());
    assert!(missing_required(&cat, &a, "foncier").is_empty());
    assert_eq!(f.group("foncier").unwrap().answered, 1);
}

#[test]
fn hidden_answers_are_ignored_but_kept() {
    let cat = mini();
    let a = answers(&[
        ("themes", opts(&["emploi"])),
        ("refus", opt("oui")),
        ("hectares", Answer::Number(50)),
        ("difficultes", opt("fortes")),
    ]);
    let eff = effective_answers(&cat, &a);
    // The whole foncier group is hidden, and with it the chain refus → hectares.
    assert_eq!(
        eff.keys().map(String::as_str).collect::<Vec<_>>(),
        vec!["difficultes", "themes"]
    );
    assert_eq!(a.len(), 4, "the caller's answers are not touched");
    // Showing the group again brings the answers back.
    let mut b = a.clone();
    b.insert("themes".into(), opts(&["emploi", "foncier"]));
    assert_eq!(effective_answers(&cat, &b).len(), 4);
    assert!(effective_answers(&cat, &b).contains_key("hectares"));
}

#[test]
fn invalid_answers_do_not_count() {
    let cat = mini();
    let a = answers(&[
        ("themes", opts(&["foncier", "absent"])),
        ("taille", Answer::Number(-3)),
    ]);
    let f = Flow::new(&cat, &a);
    assert!(f.effective.is_empty());
    assert_eq!(f.missing_required("profil"), vec!["themes"]);
}

#[test]
fn answer_validation() {
    let cat = mini();
    let q = |id: &str| cat.question(id).unwrap();
    assert!(validate_answer(q("refus"), &opt("oui")).is_ok());
    assert!(validate_answer(q("refus"), &Answer::Unknown).is_ok());
    assert!(validate_answer(q("refus"), &opt("peut-etre"))
        .unwrap_err()
        .contains("ne fait pas partie"));
    assert!(validate_answer(q("strategie-existante"), &Answer::Unknown)
        .unwrap_err()
        .contains("Je ne sais pas"));
    assert!(validate_answer(q("themes"), &opts(&["foncier", "emploi"])).is_ok());
    assert!(validate_answer(q("themes"), &opts(&["foncier", "foncier"]))
        .unwrap_err()
        .contains("deux fois"));
    assert!(validate_answer(q("themes"), &opt("foncier"))
        .unwrap_err()
        .contains("liste"));
    assert!(validate_answer(q("maturite"), &Answer::Number(3)).is_ok());
    assert!(validate_answer(q("maturite"), &Answer::Number(6))
        .unwrap_err()
        .contains("au plus 5"));
    assert!(validate_answer(q("taille"), &Answer::Number(-1))
        .unwrap_err()
        .contains("au moins 0"));
    assert!(validate_answer(q("taille"), &opt("dix"))
        .unwrap_err()
        .contains("nombre"));
}
