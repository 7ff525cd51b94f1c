//! The questionnaire walked step by step on the mini catalogue: which step
//! opens, where « Précédent » and « Suivant » lead, the step count.

mod common;

use common::*;
use parcours_core::questionnaire::{Back, Forward, Opening, Outline, StepCount};
use parcours_core::{Answer, Answers};

fn ids(o: &Outline) -> Vec<&str> {
    o.steps().iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn steps_follow_the_answers_and_are_counted() {
    let cat = mini();
    let o = Outline::new(&cat, &Answers::new());
    assert_eq!(ids(&o), ["profil"]);
    assert_eq!(
        o.count("profil"),
        StepCount {
            number: 1,
            total: 1,
            chosen: false
        }
    );
    assert_eq!(o.count("profil").to_string(), "Étape 1 sur 1");
    let o = Outline::new(&cat, &answers(&[("themes", opts(&["foncier", "emploi"]))]));
    assert_eq!(ids(&o), ["profil", "foncier", "emploi"]);
    // Choosing themes on a step leaves its count as it was: the themes'
    // steps are numbered apart.
    assert_eq!(o.count("profil").to_string(), "Étape 1 sur 1");
    assert_eq!(o.count("foncier").to_string(), "Thème 1 sur 2");
    assert_eq!(o.count("emploi").to_string(), "Thème 2 sur 2");
    assert_eq!(o.count("emploi").word(), "thème");
    assert_eq!(
        o.next_step("foncier").map(|s| s.label.as_str()),
        Some("Emploi")
    );
    assert_eq!(o.next_step("emploi"), None);
}

#[test]
fn the_page_opens_the_step_asked_else_where_the_user_left_else_the_first() {
    let cat = mini();
    let o = Outline::new(&cat, &answers(&[("themes", opts(&["foncier"]))]));
    assert_eq!(
        o.open(Some("foncier"), Some("profil")),
        Opening::Show("foncier".into())
    );
    assert_eq!(
        o.open(None, Some("foncier")),
        Opening::Redirect("foncier".into())
    );
    // A step that is not shown (theme not chosen, or no such step).
    assert_eq!(
        o.open(Some("emploi"), Some("nulle-part")),
        Opening::Redirect("profil".into())
    );
    assert_eq!(o.open(None, None), Opening::Redirect("profil".into()));
    let mut empty = cat.clone();
    empty.questionnaire.groups.clear();
    assert_eq!(
        Outline::new(&empty, &Answers::new()).open(None, None),
        Opening::Nothing
    );
}

#[test]
fn next_needs_the_required_answers_and_previous_goes_back() {
    let cat = mini();
    let o = Outline::new(&cat, &Answers::new());
    assert_eq!(o.forward("profil"), Forward::Missing(vec!["themes".into()]));
    assert_eq!(o.back("profil"), Back::Home);

    let chosen = answers(&[("themes", opts(&["foncier", "emploi"]))]);
    let o = Outline::new(&cat, &chosen);
    assert_eq!(o.forward("profil"), Forward::Step("foncier".into()));
    assert_eq!(o.forward("foncier"), Forward::Missing(vec!["refus".into()]));
    assert_eq!(o.back("foncier"), Back::Step("profil".into()));

    // « Je ne sais pas » is an answer; the last step leads to the pathway.
    let mut done = chosen.clone();
    done.set("refus", Some(Answer::Unknown));
    let o = Outline::new(&cat, &done);
    assert!(o.missing("foncier").is_empty());
    assert_eq!(o.forward("foncier"), Forward::Step("emploi".into()));
    assert_eq!(o.forward("emploi"), Forward::Pathway);
    assert_eq!(o.back("emploi"), Back::Step("foncier".into()));
    // A step not shown has nothing missing.
    assert!(o.missing("nulle-part").is_empty());
}

#[test]
fn visible_questions_and_progress_follow_the_answers() {
    let cat = mini();
    let mut a = answers(&[("themes", opts(&["foncier"]))]);
    let o = Outline::new(&cat, &a);
    assert!(o.is_visible("refus") && !o.is_visible("hectares"));
    assert!(!o.is_visible("difficultes"));
    assert_eq!(o.progress(), "1 questions répondues sur 5 affichées.");
    a.set("refus", Some(opt("oui")));
    a.set("hectares", Some(Answer::Number(12)));
    let o = Outline::new(&cat, &a);
    assert!(o.is_visible("hectares"));
    assert_eq!(o.progress(), "3 questions répondues sur 6 affichées.");
    // Cleared, the answer no longer counts.
    a.set("hectares", None);
    assert!(!a.contains_key("hectares"));
    assert_eq!(
        Outline::new(&cat, &a).progress(),
        "2 questions répondues sur 6 affichées."
    );
}
