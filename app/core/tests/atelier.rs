//! Diff and coverage for the Atelier du catalogue, on the mini catalogue,
//! hand-made edits of it, and the real catalogue.

mod common;

use common::*;
use parcours_core::coverage::coverage;
use parcours_core::diff::{diff, ItemKind, Status};
use parcours_core::migrate::migrate;
use parcours_core::{Answer, Answers, Catalogue};
use serde_json::{json, Value};

fn edited(f: impl FnOnce(&mut Value)) -> Catalogue {
    let mut v = mini_value();
    f(&mut v);
    parcours_core::load(&v.to_string()).unwrap_or_else(|d| panic!("edit invalid: {d:?}"))
}

fn status(d: &parcours_core::diff::CatalogueDiff, kind: ItemKind, id: &str) -> Option<Status> {
    d.changes
        .iter()
        .find(|c| c.kind == kind && c.id == id)
        .map(|c| c.status.clone())
}

#[test]
fn identical_catalogues_have_no_diff() {
    let d = diff(&mini(), &mini());
    assert!(d.is_empty(), "{d:?}");
    assert!(d.header_changed.is_empty());
}

#[test]
fn additions_removals_and_changed_fields() {
    let new = edited(|v| {
        v["version"] = json!("2026.12.0");
        // Module: one changed (title + cost), one removed (no rule names it
        // any more), one added.
        let mods = v["modules"].as_array_mut().unwrap();
        mods[0]["title"] = json!("Observatoire renouvelé");
        mods[0]["cost"] = json!("Gratuit");
        let mut added = mods[0].clone();
        added["id"] = json!("nouveau");
        mods.push(added);
        let rules = v["rules"].as_array_mut().unwrap();
        rules.retain(|r| r["id"] != "inventaire-inconnu");
        rules[0]["weight"] = json!(7);
        rules[0]["modules"]
            .as_array_mut()
            .unwrap()
            .push(json!("nouveau"));
        v["modules"]
            .as_array_mut()
            .unwrap()
            .retain(|m| m["id"] != "inventaire");
        for m in v["modules"].as_array_mut().unwrap() {
            if let Some(p) = m.get_mut("prerequisites").and_then(Value::as_array_mut) {
                p.retain(|x| x != "inventaire");
            }
        }
        // Question « difficultes »: option « faibles » removed, « moyennes » added.
        let emploi = &mut v["questionnaire"]["groups"][2]["questions"][0];
        emploi["label"] = json!("Vos difficultés de recrutement ?");
        emploi["options"][1]["id"] = json!("moyennes");
    });
    let d = diff(&mini(), &new);
    assert_eq!(
        (d.from_version.as_str(), d.to_version.as_str()),
        ("2026.11.0", "2026.12.0")
    );
    assert_eq!(d.header_changed, vec!["version"]);
    assert_eq!(
        status(&d, ItemKind::Module, "observatoire"),
        Some(Status::Changed(vec!["cost".into(), "title".into()]))
    );
    assert_eq!(
        status(&d, ItemKind::Module, "inventaire"),
        Some(Status::Removed)
    );
    assert_eq!(status(&d, ItemKind::Module, "nouveau"), Some(Status::Added));
    assert_eq!(
        status(&d, ItemKind::Rule, "inventaire-inconnu"),
        Some(Status::Removed)
    );
    assert_eq!(
        status(&d, ItemKind::Rule, "refus-observer"),
        Some(Status::Changed(vec!["modules".into(), "weight".into()]))
    );
    assert_eq!(
        status(&d, ItemKind::Question, "difficultes"),
        Some(Status::Changed(vec!["label".into()]))
    );
    assert_eq!(
        status(&d, ItemKind::Option, "faibles"),
        Some(Status::Removed)
    );
    assert_eq!(
        status(&d, ItemKind::Option, "moyennes"),
        Some(Status::Added)
    );
    let opt = d.changes.iter().find(|c| c.id == "moyennes").unwrap();
    assert_eq!(opt.parent.as_deref(), Some("difficultes"));
    assert_eq!(d.count(ItemKind::Module, "added"), 1);
    assert_eq!(
        d.count(ItemKind::Module, "ajouté"),
        0,
        "ids, not French labels"
    );
    // Untouched items are not listed.
    assert_eq!(status(&d, ItemKind::Module, "gpec"), None);
    assert_eq!(status(&d, ItemKind::Question, "refus"), None);
    // Saved answers lose the removed option, nothing else.
    assert_eq!(d.lost_answers.len(), 1, "{:?}", d.lost_answers);
    assert_eq!(d.lost_answers[0].question, "difficultes");
    assert_eq!(d.lost_answers[0].option.as_deref(), Some("faibles"));
}

#[test]
fn lost_answers_follow_migrate() {
    let new = edited(|v| {
        let foncier = v["questionnaire"]["groups"][1]["questions"]
            .as_array_mut()
            .unwrap();
        // « hectares » removed (and the rule that used it), « refus » no
        // longer accepts « Je ne sais pas » (and the rule on it goes),
        // « maturite » narrowed to 2..5.
        foncier.retain(|q| q["id"] != "hectares");
        foncier[0]["allow_unknown"] = json!(false);
        foncier[2]["min"] = json!(2);
        v["rules"].as_array_mut().unwrap().retain(|r| {
            !["friches", "ami", "inventaire-inconnu"].contains(&r["id"].as_str().unwrap())
        });
    });
    let d = diff(&mini(), &new);
    let lost: Vec<(&str, Option<&str>)> = d
        .lost_answers
        .iter()
        .map(|l| (l.question.as_str(), l.option.as_deref()))
        .collect();
    assert_eq!(
        lost,
        vec![("refus", None), ("hectares", None), ("maturite", None)]
    );
    assert!(d.lost_answers[1].why.contains("n'existe plus"));
    assert_eq!(
        status(&d, ItemKind::Question, "hectares"),
        Some(Status::Removed)
    );
    // Same verdict as migrating a real saved answer set.
    let saved: Answers = answers(&[
        ("refus", Answer::Unknown),
        ("hectares", Answer::Number(12)),
        ("maturite", Answer::Number(1)),
        ("themes", opts(&["foncier"])),
    ]);
    let (_, report) = migrate(&new, "2026.11.0", saved);
    let mut dropped: Vec<&str> = report.dropped.iter().map(|d| d.question.as_str()).collect();
    dropped.sort();
    assert_eq!(dropped, vec!["hectares", "maturite", "refus"]);
}

#[test]
fn coverage_of_mini() {
    let c = coverage(&mini());
    let rules_of = |m: &str| {
        c.modules
            .iter()
            .find(|x| x.module == m)
            .unwrap()
            .rules
            .clone()
    };
    assert_eq!(rules_of("observatoire"), vec!["refus-observer"]);
    assert_eq!(rules_of("gpec"), vec!["recrutement"]);
    assert!(rules_of("annuaire").is_empty());
    assert!(c.unreached.is_empty());
    assert_eq!(c.browse_only, vec!["annuaire"]);
    let leads = |q: &str| {
        c.questions
            .iter()
            .find(|x| x.question == q)
            .unwrap()
            .modules
            .clone()
    };
    // « themes » opens every theme group: everything the rules recommend.
    assert_eq!(
        leads("themes"),
        vec![
            "observatoire",
            "inventaire",
            "strategie-fonciere",
            "pret-friches",
            "gpec",
            "club-foncier",
            "ami-friches"
        ]
    );
    // « refus » directly, and through « hectares » it makes visible.
    assert_eq!(
        leads("refus"),
        vec![
            "observatoire",
            "inventaire",
            "strategie-fonciere",
            "pret-friches",
            "club-foncier",
            "ami-friches"
        ]
    );
    assert_eq!(leads("hectares"), vec!["pret-friches", "ami-friches"]);
    // An exclusion is an influence, not a way to a module.
    assert!(leads("strategie-existante").is_empty());
    assert_eq!(c.inert_questions, vec!["taille"]);
}

#[test]
fn coverage_reports_unreached_modules_and_inert_questions() {
    let cat = edited(|v| {
        v["rules"]
            .as_array_mut()
            .unwrap()
            .retain(|r| r["id"] != "recrutement");
    });
    let c = coverage(&cat);
    assert_eq!(c.unreached, vec!["gpec"]);
    assert_eq!(c.inert_questions, vec!["taille", "maturite", "difficultes"]);
}

#[test]
fn real_catalogue() {
    let text = include_str!("../../../content/catalogue.json");
    let cat = parcours_core::load(text).expect("content/catalogue.json");
    assert!(diff(&cat, &cat).is_empty());
    let c = coverage(&cat);
    assert_eq!(c.modules.len(), cat.modules.len());
    assert_eq!(c.questions.len(), cat.questions().count());
    // The published catalogue leaves no module unreachable (CLI stats agree).
    assert_eq!(
        c.unreached,
        parcours_core::unreachable_modules(&cat)
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    );
    // Every rule-reached module lists at least one rule or is a prerequisite.
    for m in &c.modules {
        if m.rules.is_empty() {
            let is_prereq = cat
                .modules
                .iter()
                .any(|x| x.prerequisites.contains(&m.module));
            let browse = cat.module(&m.module).unwrap().browse_only.is_some();
            assert!(
                is_prereq || browse || c.unreached.contains(&m.module),
                "{}",
                m.module
            );
        }
    }
    // Removing the first module's rules is seen in the diff.
    let mut edited = cat.clone();
    edited.rules.remove(0);
    let d = diff(&cat, &edited);
    assert_eq!(d.changes.len(), 1);
    assert_eq!(d.changes[0].status, Status::Removed);
}
