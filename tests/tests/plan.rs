//! The feuille de route on the real catalogue: building a plan, keeping it
//! (JSON and share text), a later catalogue where a module left and one
//! closed, the spreadsheet parsed back, what changed since an earlier
//! export.

use parcours_core::plan::{
    self, can_take, changes, flag, groups, Flag, GroupBy, Plan, PlanError, Status, CSV_COLUMNS,
};
use parcours_core::{load, read_catalogue, Catalogue, State};
use parcours_e2e::plan::read_spreadsheet;
use parcours_fixtures::catalogue_text;
use serde_json::Value;

fn catalogue() -> Catalogue {
    load(&catalogue_text()).expect("the real catalogue loads")
}

/// Five modules of three steps and an own action, every field set.
fn a_plan(cat: &Catalogue) -> Plan {
    let mut p = Plan {
        territory: "Vallée de l'Arve ; « test »".into(),
        ..Plan::default()
    };
    for id in [
        "inventaire-zae",
        "observation-fonciere",
        "vte",
        "accompagnement-bpifrance",
        "plan-actions",
    ] {
        assert!(p.add_module(cat, id), "{id} can be taken");
    }
    let own = p
        .add_own("Réunir les industriels", "Petit-déjeuner, 2 fois par an")
        .unwrap();
    let set = |p: &mut Plan, id: &str, status: Status, carrier: &str, due: &str| {
        let a = p.action_mut(id).unwrap();
        a.status = status;
        a.carrier = carrier.into();
        a.due = Some(due.into());
        a.partners = "Cerema, DDT".into();
        a.note = "=SOMME(A1) ; \"guillemets\"\nsur deux lignes".into();
    };
    set(
        &mut p,
        "inventaire-zae",
        Status::Fait,
        "Service éco",
        "2027-01",
    );
    set(
        &mut p,
        "observation-fonciere",
        Status::EnCours,
        "Mme Martin",
        "2027-03",
    );
    set(&mut p, "vte", Status::Ecarte, "RH", "2027-06");
    p.action_mut("vte").unwrap().reason = "pas de besoin cette année".into();
    set(&mut p, &own, Status::AEngager, "Président", "2027-09");
    p
}

#[test]
fn modules_are_taken_once_and_never_a_proposition_or_a_closed_offer() {
    let cat = catalogue();
    let mut p = Plan::default();
    assert!(p.add_module(&cat, "inventaire-zae"));
    assert!(!p.add_module(&cat, "inventaire-zae"), "twice");
    assert!(!p.add_module(&cat, "club-ti"), "a proposition");
    assert!(
        !p.add_module(&cat, "manufactures-proximite"),
        "a closed offer"
    );
    assert!(!p.add_module(&cat, "n-existe-pas"));
    assert_eq!(p.actions.len(), 1);
    for m in &cat.modules {
        assert_eq!(
            can_take(m),
            m.nature != parcours_core::Nature::Proposition
                && m.status.as_ref().is_none_or(|s| s.state != State::Clos),
            "{}",
            m.id
        );
    }
    assert_eq!(p.add_own("   ", "rien"), None, "a blank title is refused");
}

#[test]
fn the_plan_round_trips_through_json_and_the_share_text() {
    let cat = catalogue();
    let p = a_plan(&cat);
    assert_eq!(Plan::from_json(&p.to_json()), Ok(p.clone()));
    assert_eq!(
        Plan::from_share_text(&p.to_share_text(&cat), &cat),
        Ok(p.clone())
    );
    // Own ids are never reused, even from a file whose counter is behind.
    let mut v: Value = serde_json::from_str(&p.to_json()).unwrap();
    v["next_own"] = 1.into();
    let mut back = Plan::from_value(v).unwrap();
    let next = back.add_own("Autre", "").unwrap();
    assert_eq!(next, "propre-2");
}

#[test]
fn unreadable_and_later_plans_are_refused_with_a_reason() {
    assert_eq!(Plan::from_json("[1, 2]"), Err(PlanError::Unreadable));
    assert_eq!(
        Plan::from_json(r#"{"format": 9, "actions": []}"#),
        Err(PlanError::OtherFormat(9))
    );
    let twice = r#"{"format": 1, "actions": [{"id": "vte"}, {"id": "vte"}]}"#;
    assert_eq!(Plan::from_json(twice), Err(PlanError::Unreadable));
    // A damaged échéance is dropped, the rest kept.
    let p =
        Plan::from_json(r#"{"format": 1, "actions": [{"id": "vte", "due": "2027-13"}]}"#).unwrap();
    assert_eq!(p.actions[0].due, None);
    assert!(PlanError::OtherFormat(9).to_string().contains("format 9"));
    // The largest numbers a tampered file may hold: refused, never a panic.
    let full = r#"{"format": 1, "next_own": 4294967295, "actions": [{"id": "propre-4294967295", "own": true}]}"#;
    assert_eq!(Plan::from_json(full), Err(PlanError::Unreadable));
    let mut last = Plan::from_json(r#"{"format": 1, "next_own": 4294967295}"#).unwrap();
    assert_eq!(last.add_own("Une de trop", ""), None);
    let cat = catalogue();
    for bad in [
        "",
        "x",
        "t,1;vte,,inconnu,,,,,,,,,",
        "t,1;vte,,fait",
        "t,1;vte,,fait,,%zz,,,,,,,",
    ] {
        assert!(Plan::from_share_text(bad, &cat).is_err(), "{bad:?}");
    }
}

/// The next catalogue: `inventaire-zae` gone, `accompagnement-bpifrance`
/// closed.
fn later_catalogue() -> Catalogue {
    let mut v: Value = serde_json::from_str(&catalogue_text()).unwrap();
    v["version"] = "2027.01.0".into();
    let modules = v["modules"].as_array_mut().unwrap();
    modules.retain(|m| m["id"] != "inventaire-zae");
    let bpi = modules
        .iter_mut()
        .find(|m| m["id"] == "accompagnement-bpifrance")
        .unwrap();
    bpi["status"]["state"] = "clos".into();
    read_catalogue(&v.to_string()).expect("types only: the plan needs nothing more")
}

#[test]
fn a_module_that_left_or_closed_stays_in_the_plan_and_is_flagged() {
    let cat = catalogue();
    let p = a_plan(&cat);
    assert!(
        p.actions.iter().all(|a| flag(a, &cat).is_none()),
        "nothing to flag today"
    );
    let later = later_catalogue();
    let mut p = Plan::from_json(&p.to_json()).unwrap();
    let flags: Vec<(String, Flag)> = p
        .actions
        .iter()
        .filter_map(|a| Some((a.id.clone(), flag(a, &later)?)))
        .collect();
    assert_eq!(
        flags,
        vec![
            ("inventaire-zae".to_string(), Flag::Removed),
            (
                "accompagnement-bpifrance".to_string(),
                Flag::StateChanged {
                    before: Some(State::Permanent),
                    now: Some(State::Clos)
                }
            ),
        ]
    );
    assert!(flags[0]
        .1
        .text("2027.01.0")
        .contains("n'est plus au catalogue (version 2027.01.0)"));
    assert!(flags[1].1.text("2027.01.0").contains("désormais clos"));
    // Kept with its title, under the step it had, in the spreadsheet with
    // its alert.
    assert_eq!(
        p.actions[0].title,
        "Inventaire des zones d’activités économiques (ZAE)"
    );
    let by_step = groups(&p, &later, GroupBy::Step);
    let first_step = later.step("diagnostiquer").unwrap();
    assert_eq!(by_step[0].label, first_step.label);
    assert!(by_step[0].actions.contains(&0));
    // A step that is gone too: listed apart, never dropped.
    p.actions[0].step = Some("etape-disparue".into());
    let by_step = groups(&p, &later, GroupBy::Step);
    assert_eq!(by_step.last().unwrap().label, "Autres services");
    assert_eq!(by_step.last().unwrap().actions, vec![0]);
    let sheet = read_spreadsheet(&plan::csv(&p, &later, GroupBy::Step));
    let zae = sheet
        .iter()
        .find(|r| r[2].starts_with("Inventaire des zones"))
        .unwrap();
    assert_eq!(zae[3], "Service retiré du catalogue");
    assert!(zae[11].contains("n'est plus au catalogue"));
    // A link made on the later catalogue carries the state the flag needs.
    let text = p.to_share_text(&later);
    let linked = Plan::from_share_text(&text, &later).unwrap();
    // The title of the module that left the catalogue travels with it.
    assert_eq!(linked.actions[0].title, p.actions[0].title);
    let bpi = linked
        .actions
        .iter()
        .find(|a| a.id == "accompagnement-bpifrance")
        .unwrap();
    assert!(matches!(flag(bpi, &later), Some(Flag::StateChanged { .. })));
    // Taking note clears the closed flag, never the removed one.
    p.acknowledge(&later);
    let left: Vec<Flag> = p.actions.iter().filter_map(|a| flag(a, &later)).collect();
    assert_eq!(left, vec![Flag::Removed]);
}

#[test]
fn the_spreadsheet_parses_back_to_every_field() {
    let cat = catalogue();
    let p = a_plan(&cat);
    for by in [GroupBy::Step, GroupBy::Status] {
        let rows = read_spreadsheet(&plan::csv(&p, &cat, by));
        assert_eq!(rows[0], CSV_COLUMNS.map(String::from).to_vec());
        assert_eq!(rows.len(), p.actions.len() + 1);
        for row in &rows[1..] {
            assert_eq!(row.len(), CSV_COLUMNS.len());
            let n: usize = row[0].parse().unwrap();
            let a = &p.actions[n - 1];
            assert!(row[2].starts_with(&a.title), "{row:?}");
            assert_eq!(row[5], a.status.label());
            assert_eq!(row[7], a.carrier);
            assert_eq!(row[8], a.due_text());
            assert_eq!(row[9], a.partners);
            // A formula is neutralised, the rest kept to the byte.
            if a.note.is_empty() {
                assert_eq!(row[10], "");
            } else {
                assert_eq!(row[10], format!("'{}", a.note));
            }
        }
        let labels: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
        let mut seen: Vec<&str> = Vec::new();
        for l in &labels {
            if seen.last() != Some(l) {
                assert!(!seen.contains(l), "groups are contiguous: {labels:?}");
                seen.push(l);
            }
        }
    }
    let by_status = read_spreadsheet(&plan::csv(&p, &cat, GroupBy::Status));
    assert_eq!(by_status[1][1], "À engager");
    let vte = by_status
        .iter()
        .find(|r| r[2].starts_with("Volontariat"))
        .unwrap();
    assert_eq!(vte[6], "pas de besoin cette année");
    let provider = &cat.module("vte").unwrap().provider;
    assert_eq!(vte[4], cat.provider(provider).unwrap().name);
    let own = by_status.iter().find(|r| r[3] == "Action propre").unwrap();
    assert_eq!(
        own[2],
        "Réunir les industriels — Petit-déjeuner, 2 fois par an"
    );
}

#[test]
fn groups_by_step_follow_the_catalogue_and_by_status_the_statuts() {
    let cat = catalogue();
    let p = a_plan(&cat);
    let labels =
        |by| -> Vec<String> { groups(&p, &cat, by).into_iter().map(|g| g.label).collect() };
    let steps: Vec<&str> = cat.steps.iter().map(|s| s.label.as_str()).collect();
    let by_step = labels(GroupBy::Step);
    let mut in_order: Vec<&String> = by_step
        .iter()
        .filter(|l| steps.contains(&l.as_str()))
        .collect();
    in_order.dedup();
    let positions: Vec<usize> = in_order
        .iter()
        .map(|l| steps.iter().position(|s| s == l).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{by_step:?}");
    assert_eq!(by_step.last().unwrap(), "Actions propres au territoire");
    assert_eq!(
        labels(GroupBy::Status),
        vec!["À engager", "En cours", "Fait", "Écarté"]
    );
    let all: usize = groups(&p, &cat, GroupBy::Step)
        .iter()
        .map(|g| g.actions.len())
        .sum();
    assert_eq!(all, p.actions.len());
}

#[test]
fn reordering_moves_one_place_and_stops_at_the_ends() {
    let cat = catalogue();
    let mut p = a_plan(&cat);
    let ids = |p: &Plan| p.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    let before = ids(&p);
    assert!(!p.shift(&before[0], true));
    assert!(!p.shift(before.last().unwrap(), false));
    assert!(p.shift(&before[1], true));
    assert_eq!(ids(&p)[..2], [before[1].clone(), before[0].clone()]);
    assert!(p.remove("vte").is_some());
    assert!(!p.contains("vte"));
}

#[test]
fn changes_since_the_last_committee() {
    let cat = catalogue();
    let before = a_plan(&cat);
    let mut after = before.clone();
    after.action_mut("observation-fonciere").unwrap().status = Status::Fait;
    after.action_mut("plan-actions").unwrap().status = Status::EnCours;
    let acc = after.action_mut("accompagnement-bpifrance").unwrap();
    acc.status = Status::Ecarte;
    acc.reason = "hors calendrier".into();
    after.action_mut("propre-1").unwrap().carrier = "Vice-présidente".into();
    after.remove("vte");
    assert!(after.add_module(&cat, "cartofriches"));
    let c = changes(&before, &after);
    let titles =
        |lines: &[(String, String)]| lines.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>();
    let title = |id: &str| cat.module(id).unwrap().title.clone();
    assert_eq!(titles(&c.done), vec![title("observation-fonciere")]);
    assert_eq!(c.done[0].1, "En cours → Fait");
    assert_eq!(titles(&c.moved), vec![title("plan-actions")]);
    assert_eq!(c.dropped[0].1, "À engager → Écarté (hors calendrier)");
    assert_eq!(titles(&c.added), vec![title("cartofriches")]);
    // Added already done: counted once, with the actions done.
    let mut done_at_once = after.clone();
    let id = done_at_once.add_own("Visite d'usine", "").unwrap();
    done_at_once.action_mut(&id).unwrap().status = Status::Fait;
    let c2 = changes(&before, &done_at_once);
    assert_eq!(c2.added.len(), 1);
    assert!(c2
        .done
        .iter()
        .any(|(t, what)| t == "Visite d'usine" && what == "ajoutée, fait"));
    assert_eq!(c.added[0].1, "ajoutée, à engager");
    assert_eq!(titles(&c.removed), vec![title("vte")]);
    assert_eq!(
        c.updated,
        vec![(
            "Réunir les industriels".to_string(),
            "porteur : Vice-présidente".to_string()
        )]
    );
    let headings: Vec<&str> = c.sections().iter().map(|(h, _)| *h).collect();
    assert_eq!(headings.len(), 6);
    assert!(changes(&after, &after).is_empty());
}

/// Every scenario's link is shorter in format 2 (compressed) than in
/// format 1, by a third at least on the longest; with a plan of six
/// actions it still fits a QR code. Run with `--nocapture` for the figures
/// BENCHMARKS.md gives.
#[test]
fn share_codes_are_shorter_compressed_and_a_plan_fits_a_qr_code() {
    use parcours_core::share::{encode, encode_plain, encode_with};
    let cat = catalogue();
    let dir = parcours_fixtures::repo_root().join("tests/scenarios");
    let mut longest = (0, 0);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .into_string()
                .ok()?
                .strip_suffix(".json")
                .map(String::from)
        })
        .collect();
    names.sort();
    for name in &names {
        let answers = parcours_fixtures::scenario(name);
        let (plain, packed) = (
            encode_plain(&cat.version, &answers),
            encode(&cat.version, &answers),
        );
        println!(
            "{name}: format 1 {} → format 2 {} characters",
            plain.len(),
            packed.len()
        );
        assert!(packed.len() <= plain.len() + 8, "{name}");
        if plain.len() > longest.0 {
            longest = (plain.len(), packed.len());
        }
    }
    assert!(longest.1 * 3 < longest.0 * 2, "the longest: {longest:?}");
    let plan = a_plan(&cat);
    let answers = parcours_fixtures::full_answers(&cat);
    let code = encode_with(&cat.version, &answers, Some(&plan.to_share_text(&cat)));
    println!(
        "every question answered and a plan of six actions: {} characters",
        code.len()
    );
    // A QR code of version 40, correction M, holds 2 331 bytes.
    assert!(code.len() + 80 < 2331, "{}", code.len());
}
