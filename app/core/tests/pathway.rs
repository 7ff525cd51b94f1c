//! Recommendation on the mini catalogue: scores, reasons, exclusions,
//! prerequisites and ordering.

mod common;

use common::*;
use parcours_core::pathway::Trigger;
use parcours_core::recommend::{pathway, Index};
use parcours_core::{export, load, Answer, Availability, Nature, Standing, State};
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
    let p = pathway(&cat, &a, TODAY);
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
    let p = pathway(&cat, &a, TODAY);
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
    let p = pathway(&cat, &a, TODAY);
    assert!(p.module("observatoire").is_none());
    assert!(p.module("gpec").is_some());
}

#[test]
fn unknown_answers_fire_unknown_rules() {
    let cat = mini();
    let a = answers(&[("themes", opts(&["foncier"])), ("refus", Answer::Unknown)]);
    let p = pathway(&cat, &a, TODAY);
    assert_eq!(order(&p), vec![("diagnostiquer", "inventaire")]);
    assert_eq!(
        p.module("inventaire").unwrap().reasons[0].triggers[0].answer,
        "Je ne sais pas"
    );
}

#[test]
fn empty_answers_give_an_empty_or_unknown_driven_pathway() {
    let cat = mini();
    let p = pathway(&cat, &Default::default(), TODAY);
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
    let p = pathway(&cat, &a, TODAY);
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
    let p = pathway(&cat, &answers(&[("themes", opts(&["emploi"]))]), TODAY);
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
    let p = pathway(
        &cat,
        &answers(&[("themes", opts(&["foncier", "emploi"]))]),
        TODAY,
    );
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
    let one = serde_json::to_string(&pathway(&cat, &a, TODAY)).unwrap();
    let index = Index::new(&cat);
    for _ in 0..3 {
        assert_eq!(
            serde_json::to_string(&index.pathway(&a, TODAY)).unwrap(),
            one
        );
    }
}

/// refus = oui and 50 hectares: four steps, a proposition and a closed
/// offer pointed to.
fn land_answers() -> parcours_core::Answers {
    answers(&[
        ("themes", opts(&["foncier"])),
        ("refus", opt("oui")),
        ("hectares", Answer::Number(50)),
    ])
}

fn apart(p: &parcours_core::Pathway) -> Vec<(&str, Standing)> {
    p.not_actionable
        .iter()
        .map(|m| (m.id.as_str(), m.standing))
        .collect()
}

#[test]
fn propositions_and_closed_offers_are_listed_apart_never_as_steps() {
    let cat = mini();
    let p = pathway(&cat, &land_answers(), TODAY);
    assert!(p.module("club-foncier").is_none() && p.module("ami-friches").is_none());
    // Propositions first, whatever the score (club 1, ami 2).
    assert_eq!(
        apart(&p),
        vec![
            ("club-foncier", Standing::Proposition),
            ("ami-friches", Standing::Closed)
        ]
    );
    let club = &p.not_actionable[0];
    assert_eq!(
        (club.nature, club.state, club.score),
        (Nature::Proposition, None, 1)
    );
    assert_eq!(club.provider, "BdT");
    assert_eq!(club.reasons[0].rule, "club");
    assert_eq!(club.reasons[0].triggers[0].answer, "Oui");
    assert_eq!(
        club.access,
        "Le demander à l'État, avec Intercommunalités de France."
    );
    let ami = &p.not_actionable[1];
    assert_eq!((ami.nature, ami.state), (Nature::Offre, Some(State::Clos)));
    assert_eq!(
        ami.status.as_ref().unwrap().closes.as_deref(),
        Some("2021-10-15")
    );
    assert_eq!(
        ami.url.as_deref(),
        Some("https://www.banquedesterritoires.fr/ami-friches")
    );
    assert_eq!(
        ami.reasons[0].text,
        "Vous avez beaucoup de friches à reconvertir."
    );
    // Steps carry what the page and the exports show.
    let pret = p.module("pret-friches").unwrap();
    assert_eq!(pret.nature, Nature::Offre);
    assert_eq!(pret.status.as_ref().unwrap().state, State::Ouvert);
    assert_eq!(p.module("inventaire").unwrap().nature, Nature::Action);
    assert_eq!(
        p.module("observatoire").unwrap().url.as_deref(),
        Some("https://www.cerema.fr/fr/observatoire")
    );
}

#[test]
fn apart_order_is_propositions_then_closed_then_score() {
    let mut v = mini_value();
    let mut club = v["modules"][6].clone();
    club["id"] = json!("club-elus");
    club["title"] = json!("Club des élus");
    v["modules"].as_array_mut().unwrap().push(club);
    let mut ami = v["modules"][7].clone();
    ami["id"] = json!("ami-ancien");
    v["modules"].as_array_mut().unwrap().push(ami);
    v["rules"].as_array_mut().unwrap().push(json!({
        "id": "plus", "when": {"equals": {"question": "refus", "option": "oui"}},
        "modules": ["club-elus", "ami-ancien"], "weight": 3, "reason": "Plus fort."
    }));
    let cat = load(&v.to_string()).unwrap();
    let p = pathway(&cat, &land_answers(), TODAY);
    assert_eq!(
        apart(&p),
        vec![
            ("club-elus", Standing::Proposition),
            ("club-foncier", Standing::Proposition),
            ("ami-ancien", Standing::Closed),
            ("ami-friches", Standing::Closed),
        ]
    );
    assert_eq!(p.not_actionable[2].score, 3);
}

#[test]
fn an_open_call_is_closed_after_its_closing_day() {
    let cat = mini();
    let a = land_answers();
    let last_day = pathway(&cat, &a, "2027-06-30");
    assert!(last_day.module("pret-friches").is_some());
    assert!(last_day
        .not_actionable
        .iter()
        .all(|m| m.id != "pret-friches"));
    let after = pathway(&cat, &a, "2027-07-01");
    assert!(after.module("pret-friches").is_none());
    let pret = after
        .not_actionable
        .iter()
        .find(|m| m.id == "pret-friches")
        .expect("listé parmi les dispositifs clos");
    assert_eq!(
        (pret.standing, pret.state),
        (Standing::Closed, Some(State::Clos))
    );
    // The catalogue's word is kept; the day decides what is shown.
    assert_eq!(pret.status.as_ref().unwrap().state, State::Ouvert);
    assert_eq!(pret.reasons[0].rule, "friches");
    // Its prerequisites are no longer pulled in for it.
    assert!(after.module("inventaire").is_none());
    assert_eq!(
        cat.module("pret-friches")
            .unwrap()
            .availability_on("2027-07-01"),
        Availability::Clos
    );
}

#[test]
fn a_prerequisite_whose_call_closed_is_listed_apart_with_what_needs_it() {
    let mut v = mini_value();
    v["modules"][4]["prerequisites"] = json!(["pret-friches"]);
    let cat = load(&v.to_string()).unwrap();
    let a = answers(&[
        ("themes", opts(&["emploi", "foncier"])),
        ("refus", opt("non")),
        ("difficultes", opt("fortes")),
    ]);
    let open = pathway(&cat, &a, TODAY);
    assert_eq!(
        open.module("pret-friches").unwrap().required_by,
        vec!["gpec"]
    );
    let p = pathway(&cat, &a, "2027-07-01");
    assert_eq!(
        p.module("gpec").unwrap().prerequisites,
        Vec::<String>::new()
    );
    let pret = &p.not_actionable[0];
    assert_eq!(
        (pret.id.as_str(), pret.standing),
        ("pret-friches", Standing::Closed)
    );
    assert!(pret.reasons.is_empty());
    assert_eq!(pret.required_by, vec!["gpec"]);
    let md = export::markdown(&cat, &p);
    assert!(
        md.contains("- Préalable à : Gestion des compétences\n"),
        "{md}"
    );
    assert!(export::csv(&cat, &p).contains(",Préalable à : gpec\r\n"));
}

#[test]
fn exclusions_still_win_over_listing_apart() {
    let mut v = mini_value();
    v["modules"][6]["exclusions"] = json!([{
        "when": {"equals": {"question": "refus", "option": "oui"}},
        "reason": "Un club existe déjà dans votre région."
    }]);
    let cat = load(&v.to_string()).unwrap();
    let p = pathway(&cat, &land_answers(), TODAY);
    assert_eq!(apart(&p), vec![("ami-friches", Standing::Closed)]);
    assert!(p.excluded.iter().any(|e| e.module == "club-foncier"));
}

#[test]
fn exports() {
    let cat = mini();
    let p = pathway(&cat, &land_answers(), TODAY);
    let md = export::markdown(&cat, &p);
    assert!(md.starts_with("# Parcours Territoires d'industrie"));
    assert!(md.contains("## Diagnostiquer"));
    assert!(md.contains("Recommandé parce que"));
    assert!(md.contains("préalable à : Prêt pour la reconversion des friches"));
    for line in [
        "- Statut : Offre permanente — vérifié le 20 novembre 2026 sur <https://www.cerema.fr/fr/observatoire>\n",
        "- Lien officiel : <https://www.cerema.fr/fr/observatoire>\n",
        "- Statut : Action de l'intercommunalité\n",
        "- Statut : Appel ouvert du 15 janvier 2026 au 30 juin 2027 — vérifié le 20 novembre 2026 sur <https://www.banquedesterritoires.fr/friches>\n",
        "- Comment y accéder : Crédits d'ingénierie.\n",
        "- Statut : Proposition de la note\n",
        "- Comment y accéder : Le demander à l'État, avec Intercommunalités de France.\n",
        "- Statut : Clos (clôture le 15 octobre 2021) — vérifié le 20 novembre 2026",
        "- Vous avez beaucoup de friches à reconvertir. (vos réponses : « Combien d'hectares de friches ? » : 50 hectares)\n",
    ] {
        assert!(md.contains(line), "{line}\n---\n{md}");
    }
    let at = |needle: &str| md.find(needle).unwrap_or_else(|| panic!("{needle}\n{md}"));
    let propositions = at("## Ce que la note demande pour votre situation\n");
    let closed = at("## Dispositifs clos à surveiller\n");
    assert!(at("### 4. Prêt pour la reconversion des friches") < propositions);
    assert!(
        propositions < at("### Club national du foncier économique")
            && at("### Club national du foncier économique") < closed
    );
    assert!(closed < at("### AMI Friches industrielles"));
    assert_eq!(md.matches("Pourquoi cela vous concerne :").count(), 2);

    let csv = export::csv(&cat, &p);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "ordre,priorité,affichage,étape,module,opérateur,nature,état,comment y accéder,lien officiel,score,raisons"
    );
    assert_eq!(lines.len(), 8, "{csv}");
    assert!(lines[1].starts_with("1,1,affiché,Diagnostiquer,Observatoire du foncier,Cerema,Offre existante,Offre permanente (vérifié le 20 novembre 2026),Contacter.,https://www.cerema.fr/fr/observatoire,3,"), "{}", lines[1]);
    assert!(lines[2].starts_with("2,3,affiché,Diagnostiquer,Inventaire des friches,Cerema,Action de l'intercommunalité,Action de l'intercommunalité,Contacter.,,0,"), "{}", lines[2]);
    assert_eq!(lines[5], "5,,affiché,Ce que la note demande pour votre situation,Club national du foncier économique,BdT,Proposition de la note,Proposition de la note,\"Le demander à l'État, avec Intercommunalités de France.\",,1,Vous manquez de foncier : d'autres territoires aussi.");
    assert!(lines[6].starts_with("6,,affiché,Dispositifs clos à surveiller,AMI Friches industrielles,BdT,Offre existante,Clos (clôture le 15 octobre 2021) (vérifié le 20 novembre 2026),"), "{}", lines[6]);
    assert_eq!(lines[7], "");
}
