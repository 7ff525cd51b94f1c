//! The `catalogue` binary, run as editors and scripts run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_catalogue");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const MINI: &str = include_str!("../../core/tests/fixtures/mini.json");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory per test (no tempfile crate for so little).
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("catalogue-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, file: &str, text: &str) -> String {
    let p = dir.join(file);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn mini() -> Value {
    serde_json::from_str(MINI).unwrap()
}

/// Runs `check` on a broken copy; asserts exit 1 and a located line
/// `PATH:LINE:COL: <pointer> : …<needle>…`.
#[track_caller]
fn check_broken(name: &str, text: &str, pointer: &str, needle: &str) {
    let dir = temp_dir(name);
    let path = write(&dir, "catalogue.json", text);
    let o = run(&["check", &path]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    let found = out.lines().any(|l| {
        let Some(rest) = l.strip_prefix(&format!("{path}:")) else {
            return false;
        };
        let mut parts = rest.splitn(3, ':');
        let (line, col, msg) = (
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        line.parse::<usize>().is_ok()
            && col.parse::<usize>().is_ok()
            && msg.starts_with(&format!(" {pointer}"))
            && msg.contains(needle)
    });
    assert!(
        found,
        "attendu {path}:L:C: {pointer} … {needle}\nobtenu :\n{out}"
    );
}

#[test]
fn check_real_catalogue() {
    let o = run(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).starts_with("catalogue valide : version "),
        "{}",
        stdout(&o)
    );
}

#[test]
fn check_duplicate_id() {
    let mut v = mini();
    v["providers"][1]["id"] = json!("bdt");
    check_broken(
        "dup",
        &serde_json::to_string_pretty(&v).unwrap(),
        "/providers/1/id",
        "« bdt » en double",
    );
}

#[test]
fn check_dangling_reference() {
    let mut v = mini();
    v["modules"][3]["provider"] = json!("xyz");
    check_broken(
        "dangling",
        &serde_json::to_string_pretty(&v).unwrap(),
        "/modules/3/provider",
        "l'opérateur « xyz » n'existe pas (opérateurs connus : bdt, cerema)",
    );
}

#[test]
fn check_cycle() {
    let mut v = mini();
    v["modules"][0]["prerequisites"] = json!(["inventaire"]);
    v["modules"][1]["prerequisites"] = json!(["observatoire"]);
    check_broken(
        "cycle",
        &serde_json::to_string_pretty(&v).unwrap(),
        "/modules/0/prerequisites",
        "observatoire → inventaire → observatoire",
    );
}

#[test]
fn check_schema_999() {
    let text = MINI.replacen("\"schema\": 2", "\"schema\": 999", 1);
    check_broken(
        "schema",
        &text,
        "/schema",
        "format de catalogue 999 non pris en charge",
    );
    let dir = temp_dir("schema-count");
    let o = run(&["check", &write(&dir, "c.json", &text)]);
    assert_eq!(
        stdout(&o).lines().count(),
        1,
        "une seule erreur, pas une cascade"
    );
}

#[test]
fn check_syntax_error() {
    let text = MINI.replacen(
        "\"version\": \"2026.11.0\",",
        "\"version\": \"2026.11.0\"",
        1,
    );
    let dir = temp_dir("syntax");
    let path = write(&dir, "catalogue.json", &text);
    let o = run(&["check", &path]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with(&format!("{path}:4:")), "{out}");
    assert!(out.contains("JSON invalide"), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["check", "/nonexistent/catalogue.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("fichier introuvable"), "{}", stderr(&o));
    assert_eq!(run(&["verifier"]).status.code(), Some(2));
    assert_eq!(run(&["check", "--strict"]).status.code(), Some(2));
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["pathway"]).status.code(), Some(2));
}

#[test]
fn help_is_french() {
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Utilisation"));
    assert!(stdout(&o).contains("catalogue check"));
}

#[test]
fn stats_json_keys() {
    let o = run(&["stats", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    for key in [
        "schema",
        "version",
        "providers",
        "modules",
        "questions",
        "rules",
        "themes",
        "steps",
        "modules_without_source",
        "unreachable_modules",
    ] {
        assert!(v.get(key).is_some(), "clé {key} absente : {v}");
    }
    assert!(v["providers"].is_array());
    assert!(v["modules"].as_u64().unwrap() > 0);
    let o = run(&["stats"]);
    assert!(stdout(&o).contains("modules :"));
}

#[test]
fn committed_schema_is_up_to_date() {
    let o = run(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let committed = std::fs::read_to_string(Path::new(ROOT).join("content/catalogue.schema.json"))
        .unwrap_or_default();
    assert!(
        committed == stdout(&o),
        "content/catalogue.schema.json n'est pas à jour : lancez `cargo run -p parcours-cli -- schema > content/catalogue.schema.json`"
    );
    let schema: Value = serde_json::from_str(&committed).unwrap();
    assert!(schema["$schema"]
        .as_str()
        .unwrap()
        .contains("json-schema.org"));
}

#[test]
fn pathway_json_and_markdown() {
    let dir = temp_dir("pathway");
    let cat = write(&dir, "catalogue.json", MINI);
    let answers = write(
        &dir,
        "answers.json",
        r#"{"themes": ["foncier"], "refus": "oui", "hectares": 50, "disparue": null}"#,
    );
    let o = run(&["pathway", &cat, "--answers", &answers, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("réponse ignorée : disparue"));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["catalogue_version"], "2026.11.0");
    assert_eq!(v["steps"][0]["id"], "diagnostiquer");
    assert_eq!(v["steps"][0]["modules"][0]["id"], "observatoire");
    assert_eq!(v["steps"][0]["modules"][0]["provider"], "Cerema");
    assert_eq!(
        v["steps"][0]["modules"][0]["reasons"][0],
        "Vous avez refusé des projets faute de foncier."
    );
    assert!(v["steps"][0]["label"].is_string());
    assert_eq!(
        v["priorities"],
        json!([
            "observatoire",
            "strategie-fonciere",
            "inventaire",
            "pret-friches"
        ])
    );
    assert_eq!(v["nothing_urgent"], false);
    assert_eq!(v["unknowns"], json!([]));
    assert_eq!(v["steps"][0]["folded"], json!([]));

    let o = run(&["pathway", &cat, "--answers", &answers]);
    assert_eq!(o.status.code(), Some(0));
    let md = stdout(&o);
    assert!(
        md.contains("# Parcours Territoires d'industrie") && md.contains("Recommandé parce que"),
        "{md}"
    );
    // The summary comes first, as on screen.
    let summary = md
        .find("## Vos priorités\n")
        .unwrap_or_else(|| panic!("{md}"));
    assert!(summary < md.find("## Diagnostiquer").unwrap());
    assert!(
        md.contains(
            "1. Observatoire du foncier (Cerema) : Vous avez refusé des projets faute de foncier."
        ),
        "{md}"
    );

    let o = run(&["pathway", &cat, "--answers", &answers, "--format=csv"]);
    let csv = stdout(&o);
    assert!(csv.starts_with(
        "ordre,priorité,affichage,étape,module,opérateur,nature,état,comment y accéder,lien officiel,score,raisons\r\n"
    ));
    assert!(
        csv.contains("\r\n1,1,affiché,Diagnostiquer,Observatoire du foncier,"),
        "{csv}"
    );

    let unsure = write(
        &dir,
        "unsure.json",
        r#"{"themes": ["foncier"], "refus": null}"#,
    );
    let o = run(&["pathway", &cat, "--answers", &unsure, "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["priorities"], json!([]));
    assert_eq!(v["nothing_urgent"], true);
    assert_eq!(v["unknowns"], json!(["refus"]));
    let o = run(&["pathway", &cat, "--answers", &unsure]);
    let md = stdout(&o);
    assert!(
        md.contains("## Rien d'urgent ne ressort de vos réponses\n"),
        "{md}"
    );
    assert!(
        md.contains(
            "1 question sans réponse (« Je ne sais pas ») ; « Inventaire des friches » y répondra."
        ),
        "{md}"
    );

    let bad = write(&dir, "bad.json", "[1, 2]");
    assert_eq!(
        run(&["pathway", &cat, "--answers", &bad]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["pathway", &cat, "--answers", &answers, "--format", "pdf"])
            .status
            .code(),
        Some(2)
    );
}

/// The mini catalogue with its 8 modules: 6 offers (3 permanent, 1 open
/// call, 1 closed, 1 to confirm), 1 action, 1 proposition; 2 with a link.
#[test]
fn stats_count_natures_states_and_links() {
    let dir = temp_dir("stats-mini");
    let cat = write(&dir, "catalogue.json", MINI);
    let o = run(&["stats", &cat, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["modules"], 8);
    assert_eq!(
        v["modules_by_nature"],
        json!({"offre": 6, "action": 1, "proposition": 1})
    );
    assert_eq!(
        v["offers_by_state"],
        json!({"permanent": 3, "ouvert": 1, "clos": 1, "a-confirmer": 1})
    );
    assert_eq!(
        (
            v["modules_with_url"].as_u64(),
            v["modules_without_url"].as_u64()
        ),
        (Some(2), Some(6))
    );
    let o = run(&["stats", &cat]);
    let out = stdout(&o);
    for line in [
        "  modules : 8\n",
        "    par nature : offre 6, action 1, proposition 1\n",
        "    offres par état : permanent 3, ouvert 1, clos 1, a-confirmer 1\n",
        "    avec lien officiel : 2, sans : 6\n",
    ] {
        assert!(out.contains(line), "{line:?} absent de :\n{out}");
    }
}

#[test]
fn pathway_json_lists_what_cannot_be_acted_on_with_status_and_way_in() {
    let dir = temp_dir("pathway-apart");
    let cat = write(&dir, "catalogue.json", MINI);
    let answers = write(
        &dir,
        "answers.json",
        r#"{"themes": ["foncier"], "refus": "oui", "hectares": 50}"#,
    );
    let json_on = |day: &str| -> Value {
        let o = run(&[
            "pathway",
            &cat,
            "--answers",
            &answers,
            "--format",
            "json",
            "--today",
            day,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let v = json_on("2026-12-02");
    assert_eq!(v["today"], "2026-12-02");
    let apart = v["not_actionable"].as_array().unwrap();
    let ids: Vec<&str> = apart.iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["club-foncier", "ami-friches"]);
    assert_eq!(apart[0]["nature"], "proposition");
    assert_eq!(apart[0]["state"], Value::Null);
    assert_eq!(
        apart[0]["reasons"][0],
        "Vous manquez de foncier : d'autres territoires aussi."
    );
    assert_eq!(apart[1]["nature"], "offre");
    assert_eq!(apart[1]["state"], "clos");
    assert_eq!(apart[1]["status"]["closes"], "2021-10-15");
    assert_eq!(
        apart[1]["url"],
        "https://www.banquedesterritoires.fr/ami-friches"
    );
    assert_eq!(
        apart[1]["access"],
        "La direction régionale de la Banque des Territoires."
    );
    let steps: Vec<&Value> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["modules"].as_array().unwrap())
        .collect();
    assert_eq!(steps.len(), 4);
    for m in steps.iter().copied().chain(apart) {
        for key in [
            "id", "title", "nature", "status", "url", "access", "reasons",
        ] {
            assert!(m.get(key).is_some(), "« {key} » absent de {m}");
        }
    }
    assert_eq!(steps[0]["status"]["state"], "permanent");
    assert_eq!(
        steps[0]["status"]["checked_at"],
        "https://www.cerema.fr/fr/observatoire"
    );
    assert_eq!(steps[0]["url"], "https://www.cerema.fr/fr/observatoire");
    assert_eq!(steps[1]["nature"], "action");
    assert_eq!(steps[1]["status"], Value::Null);
    // The open call closes on 2027-06-30: the day after, it is listed apart.
    let later = json_on("2027-07-01");
    let closed: Vec<&str> = later["not_actionable"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["state"] == "clos")
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert_eq!(closed, vec!["ami-friches", "pret-friches"]);
}

#[test]
fn today_must_be_a_date() {
    for bad in ["2026-13-01", "demain", "02/12/2026"] {
        let o = run(&["check", "--today", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&o).contains(&format!(
                "--today attend une date AAAA-MM-JJ, pas « {bad} »"
            )),
            "{}",
            stderr(&o)
        );
    }
    assert_eq!(run(&["check", "--today"]).status.code(), Some(2));
    assert_eq!(
        run(&["schema", "--today", "2026-12-02"]).status.code(),
        Some(2)
    );
}

#[test]
fn check_rejects_a_status_checked_in_the_future() {
    let mut v = mini();
    // Checked on the day of publication, checked by an editor on a later day.
    v["modules"][0]["status"]["checked"] = json!("2026-11-26");
    v["published"] = json!("2026-11-30");
    let text = serde_json::to_string_pretty(&v).unwrap();
    let dir = temp_dir("future");
    let path = write(&dir, "catalogue.json", &text);
    let o = run(&["check", &path, "--today", "2026-11-30"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = run(&["check", &path, "--today", "2026-11-25"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.contains("/modules/0/status/checked"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.starts_with(&format!("{path}:")), "{line}");
    assert!(
        line.ends_with("/modules/0/status/checked : la date de vérification 2026-11-26 est dans le futur (nous sommes le 2026-11-25) : indiquez le jour où la page officielle a été lue"),
        "{line}"
    );
    // Without --today, the computer's date: this one is long past.
    assert_eq!(run(&["check", &path]).status.code(), Some(0));
}

#[test]
fn check_rejects_untrue_content() {
    let mut v = mini();
    v["modules"][3]["prerequisites"] = json!(["strategie-fonciere", "inventaire", "club-foncier"]);
    check_broken(
        "prerequisite-proposition",
        &serde_json::to_string_pretty(&v).unwrap(),
        "/modules/3/prerequisites/2",
        "le prérequis « club-foncier » est une proposition de la note",
    );
    let mut v = mini();
    v["modules"][0]["url"] = json!("https://www.example.com/");
    check_broken(
        "not-official",
        &serde_json::to_string_pretty(&v).unwrap(),
        "/modules/0/url",
        "n'est pas sur un domaine officiel",
    );
    let mut v = mini();
    v["modules"][0].as_object_mut().unwrap().remove("nature");
    check_broken(
        "no-nature",
        &serde_json::to_string_pretty(&v).unwrap(),
        "/modules/0",
        "champ obligatoire « nature » manquant",
    );
}

#[test]
fn option_errors_are_french() {
    for (args, message) in [
        (
            &["check", "--today"][..],
            "l'option --today attend une valeur",
        ),
        (
            &["stats", "--json=1"][..],
            "l'option --json ne prend pas de valeur",
        ),
        (&["check", "--strict"][..], "option inconnue « --strict »"),
        (&["check", "-x"][..], "option inconnue « -x »"),
        (&["schema", "--json"][..], "option inconnue « --json »"),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
    // `--name=value` is `--name value`.
    let o = run(&["check", "--today=2026-12-02"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}
