//! `catalogue export --format dispositif-aide`: the real catalogue's offers
//! against the national schema etalab/schema-dispositif-aide 0.2.0, read
//! from its hand transcription (tests/open-data/dispositif-aide.schema.json).
//!
//! Two tests are `#[ignore]`d because they need what CI may lack: the
//! Frictionless validator (`make test` installs it and runs that test) and
//! the official schema file (run by hand, see `transcription_*`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parcours_core::open_data::{module_uuid, FIELDS};
use regex::Regex;
use serde_json::{json, Map, Value};

const BIN: &str = env!("CARGO_BIN_EXE_catalogue");
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const TRANSCRIPTION: &str = "tests/open-data/dispositif-aide.schema.json";

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory per test, under target/ (Frictionless only reads
/// relative paths below its working directory).
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(ROOT)
        .join("target/open-data-tests")
        .join(format!("{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The export of the real catalogue, as bytes.
fn export_real() -> Vec<u8> {
    let o = run(&["export", "--format", "dispositif-aide"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    o.stdout
}

fn json_file(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn real_catalogue() -> Value {
    json_file(&Path::new(ROOT).join("content/catalogue.json"))
}

/// RFC 4180 records (quoted cells may hold commas, quotes and newlines).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut cell) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "guillemet non fermé");
    assert!(
        cell.is_empty() && record.is_empty(),
        "dernière ligne sans fin de ligne"
    );
    records
}

fn is_date(s: &str) -> bool {
    parcours_core::date::is_date(s)
}

/// Table Schema `datetime`, default format: ISO 8601 with seconds and a
/// time zone (`Z` or `±hh:mm`), a real day and time.
fn is_datetime(s: &str) -> bool {
    let re = Regex::new(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-](\d{2}):(\d{2}))$")
        .unwrap();
    let Some(c) = re.captures(s) else {
        return false;
    };
    let n = |i: usize| c.get(i).map_or(0, |m| m.as_str().parse::<u32>().unwrap());
    is_date(&c[1]) && n(2) < 24 && n(3) < 60 && n(4) < 60 && n(6) < 24 && n(7) < 60
}

/// RFC 3986 URI with a scheme: only the characters it allows, `%` escapes
/// well formed.
fn is_uri(s: &str) -> bool {
    let scheme = Regex::new(r"^[A-Za-z][A-Za-z0-9+.-]*:").unwrap();
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c);
    let escapes = Regex::new(r"%(?:[0-9A-Fa-f]{2})").unwrap();
    scheme.is_match(s)
        && s.chars().all(allowed)
        && s.matches('%').count() == escapes.find_iter(s).count()
}

fn is_uuid(s: &str) -> bool {
    Regex::new(r"^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
        .unwrap()
        .is_match(s)
}

/// Every cell against its field's type, format and constraints, read from
/// the schema: a constraint or property this test does not know fails it
/// rather than being skipped.
fn check_against(schema: &Value, records: &[Vec<String>]) -> Vec<String> {
    let mut errors = Vec::new();
    let fields = schema["fields"].as_array().unwrap();
    for key in schema.as_object().unwrap().keys() {
        assert!(
            !matches!(
                key.as_str(),
                "primaryKey" | "foreignKeys" | "uniqueKeys" | "missingValues"
            ),
            "« {key} » : à vérifier par ce test avant de s'y fier"
        );
    }
    let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(records[0], names, "en-tête");
    for (col, field) in fields.iter().enumerate() {
        let name = names[col];
        let empty = Map::new();
        let constraints = field["constraints"].as_object().unwrap_or(&empty);
        let mut seen = BTreeSet::new();
        for (i, record) in records.iter().enumerate().skip(1) {
            let row = i + 1;
            let cell = &record[col];
            let mut err = |what: String| errors.push(format!("ligne {row}, {name} : {what}"));
            if record.len() != names.len() {
                err(format!(
                    "{} cellules au lieu de {}",
                    record.len(),
                    names.len()
                ));
                continue;
            }
            // The only missing value of the schema: the empty cell.
            if cell.is_empty() {
                if constraints.get("required") == Some(&json!(true)) {
                    err("valeur obligatoire manquante".into());
                }
                continue;
            }
            match (field["type"].as_str().unwrap(), field["format"].as_str()) {
                ("string", None | Some("default")) => {}
                ("string", Some("uuid")) if is_uuid(cell) => {}
                ("string", Some("uri")) if is_uri(cell) => {}
                ("datetime", None | Some("default")) if is_datetime(cell) => {}
                ("date", None | Some("default")) if is_date(cell) => {}
                (t, f) => err(format!("« {cell} » n'est pas un {t} au format {f:?}")),
            }
            // Outside `constraints` in the official file (url_source), so
            // not a Table Schema constraint: checked all the same.
            if let Some(p) = field["pattern"].as_str() {
                if !Regex::new(&format!("^(?:{p})$")).unwrap().is_match(cell) {
                    err(format!("« {cell} » ne suit pas le motif {p}"));
                }
            }
            for (key, value) in constraints {
                let len = cell.chars().count() as u64;
                match key.as_str() {
                    "required" => {}
                    "unique" => {
                        if value == &json!(true) && !seen.insert(cell.clone()) {
                            err(format!("« {cell} » en double"));
                        }
                    }
                    "maxLength" if len > value.as_u64().unwrap() => {
                        err(format!("{len} caractères, plus de {value}"));
                    }
                    "minLength" if len < value.as_u64().unwrap() => {
                        err(format!("{len} caractères, moins de {value}"));
                    }
                    "maxLength" | "minLength" => {}
                    "pattern" => {
                        let p = value.as_str().unwrap();
                        if !Regex::new(&format!("^(?:{p})$")).unwrap().is_match(cell) {
                            err(format!("« {cell} » ne suit pas le motif {p}"));
                        }
                    }
                    "enum" => {
                        if !value.as_array().unwrap().contains(&json!(cell)) {
                            err(format!("« {cell} » hors de la liste {value}"));
                        }
                    }
                    other => panic!("contrainte « {other} » de {name} : ce test ne la vérifie pas"),
                }
            }
        }
    }
    errors
}

#[test]
fn the_real_export_meets_every_constraint_of_the_schema() {
    let bytes = export_real();
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(!text.starts_with('\u{feff}'), "pas de BOM");
    assert!(text.ends_with("\r\n"));
    let records = parse_csv(&text);
    let schema = json_file(&Path::new(ROOT).join(TRANSCRIPTION));
    let errors = check_against(&schema, &records);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // The columns the core writes are the schema's, in its order.
    assert_eq!(records[0], FIELDS);
}

#[test]
fn the_checker_finds_what_breaks_the_schema() {
    let text = String::from_utf8(export_real()).unwrap();
    let mut records = parse_csv(&text);
    let col = |n: &str| FIELDS.iter().position(|f| *f == n).unwrap();
    records[1][col("cibles")] = "collectivités".into();
    records[2][col("promesse")] = "x".repeat(181);
    records[3][col("id")] = records[4][col("id")].clone();
    records[5][col("date_mise_a_jour")] = "2026-12-02".into();
    records[6][col("url_source")] = "www.cerema.fr".into();
    records[7][col("titre")] = String::new();
    let schema = json_file(&Path::new(ROOT).join(TRANSCRIPTION));
    let errors = check_against(&schema, &records).join("\n");
    for needle in [
        "ligne 2, cibles",
        "ligne 3, promesse : 181 caractères",
        "id : « ",
        "ligne 6, date_mise_a_jour",
        "ligne 7, url_source",
        "ligne 8, titre : valeur obligatoire manquante",
    ] {
        assert!(errors.contains(needle), "{needle}\n{errors}");
    }
}

#[test]
fn every_offer_is_a_row_and_nothing_else_is() {
    let records = parse_csv(&String::from_utf8(export_real()).unwrap());
    let cat = real_catalogue();
    let by_uuid: BTreeMap<String, &Value> = cat["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (module_uuid(m["id"].as_str().unwrap()), m))
        .collect();
    let offers: Vec<&str> = cat["modules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["nature"] == "offre")
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    let exported: Vec<&str> = records[1..]
        .iter()
        .map(|r| by_uuid[&r[0]]["id"].as_str().unwrap())
        .collect();
    // Catalogue order, every offer once, no action, no proposition.
    assert_eq!(exported, offers);
    assert!(offers.len() >= 30, "{}", offers.len());
    for r in &records[1..] {
        let m = by_uuid[&r[0]];
        assert_eq!(m["nature"], "offre");
        assert_eq!(r[1], m["title"].as_str().unwrap().trim());
        // A closed offer promises nothing; every other one does.
        let closed = m["status"]["state"] == "clos";
        assert_eq!(r[2].is_empty(), closed, "promesse de {}", m["id"]);
        if !closed {
            assert!(!r[2].ends_with('.'), "{}", r[2]);
        }
        let url = m["url"].as_str().or(m["status"]["checked_at"].as_str());
        assert_eq!(Some(r[8].as_str()), url);
    }
}

#[test]
fn the_export_is_the_same_from_one_run_to_the_next() {
    let dir = temp_dir("stable");
    let file = dir.join("dispositifs-aide.csv");
    let o = run(&[
        "export",
        "--format",
        "dispositif-aide",
        file.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let first = export_real();
    assert_eq!(first, export_real());
    assert_eq!(first, std::fs::read(&file).unwrap());
    // Nor does the day change it (only the checks of `--today` use it).
    let later = run(&[
        "export",
        "--format=dispositif-aide",
        "--today",
        "2031-01-01",
    ]);
    assert_eq!(later.status.code(), Some(0), "{}", stderr(&later));
    assert_eq!(first, later.stdout);
}

/// A copy of the real catalogue with `edit` applied, and the export's
/// output file (which must not be written on failure).
fn export_edited(name: &str, edit: impl FnOnce(&mut Value)) -> (Output, PathBuf) {
    let dir = temp_dir(name);
    let mut cat = real_catalogue();
    edit(&mut cat);
    let path = dir.join("catalogue.json");
    std::fs::write(&path, serde_json::to_string_pretty(&cat).unwrap()).unwrap();
    let out = dir.join("dispositifs-aide.csv");
    let o = run(&[
        "export",
        "--format",
        "dispositif-aide",
        "--catalogue",
        path.to_str().unwrap(),
        out.to_str().unwrap(),
    ]);
    (o, out)
}

fn offer_mut<'a>(cat: &'a mut Value, id: &str) -> &'a mut Value {
    cat["modules"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["id"] == id)
        .unwrap()
}

#[test]
fn a_promise_too_long_is_refused_naming_the_module_never_cut() {
    let (o, out) = export_edited("long", |cat| {
        offer_mut(cat, "cartofriches")["summary"] = json!(format!(
            "Repérer {}.",
            "les friches mobilisables pour l’industrie, ".repeat(5)
        ));
    });
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("module « cartofriches »") && err.contains("180"),
        "{err}"
    );
    assert!(err.contains("rien n'a été écrit"), "{err}");
    assert!(!out.exists());
}

#[test]
fn a_summary_that_is_no_infinitive_is_refused() {
    let (o, out) = export_edited("verb", |cat| {
        offer_mut(cat, "dataviz-ti")["summary"] =
            json!("L’outil Dataviz de la Banque des Territoires.");
    });
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("module « dataviz-ti »"), "{err}");
    assert!(err.contains("verbe à l’infinitif"), "{err}");
    assert!(err.contains("1 problème"), "{err}");
    assert!(!out.exists());
}

#[test]
fn a_kind_without_an_aid_type_is_refused() {
    let (o, out) = export_edited("kind", |cat| {
        cat["kinds"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "pret-honneur", "label": "Prêt d’honneur"}));
        offer_mut(cat, "vte")["kind"] = json!("pret-honneur");
    });
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("module « vte »") && err.contains("types_aides"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn propositions_and_actions_stay_out_even_with_a_long_summary() {
    let (o, _) = export_edited("proposition", |cat| {
        for m in cat["modules"].as_array_mut().unwrap() {
            if m["nature"] != "offre" {
                m["summary"] = json!("x".repeat(300));
            }
        }
    });
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn export_usage_errors() {
    let o = run(&["export"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--format est obligatoire"));
    let o = run(&["export", "--format", "dcat"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("« dcat » inconnu"));
    let o = run(&["export", "--format", "dispositif-aide", "a.csv", "b.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&[
        "export",
        "--format",
        "dispositif-aide",
        "--catalogue",
        "absent.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("absent.json"));
}

/// Runs Frictionless on a file below ROOT; its JSON report.
fn frictionless(bin: &str, schema: &str, csv: &Path) -> Value {
    let rel = csv.strip_prefix(Path::new(ROOT)).unwrap_or(csv);
    let o = Command::new(bin)
        .args(["validate", "--json", "--schema", schema])
        .arg(rel)
        .current_dir(ROOT)
        .output()
        .unwrap_or_else(|e| panic!("{bin} : {e}"));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "rapport de Frictionless illisible ({e}) :\n{}{}",
            String::from_utf8_lossy(&o.stdout),
            stderr(&o)
        )
    })
}

/// Frictionless (the standard validator, also data.gouv.fr's) on the real
/// export against the transcription, and against the official file when
/// `DISPOSITIF_AIDE_OFFICIAL_SCHEMA` names it. `make test` runs it with
/// `FRICTIONLESS` set to the validator it installed in `.tools/`.
#[test]
#[ignore = "needs Frictionless: make test (FRICTIONLESS=…/bin/frictionless)"]
fn frictionless_finds_no_error_in_the_real_export() {
    let bin = std::env::var("FRICTIONLESS").unwrap_or_else(|_| {
        panic!("FRICTIONLESS n'est pas défini : lancez `make test` (ou `make tool-frictionless`, puis FRICTIONLESS=.tools/frictionless/bin/frictionless)")
    });
    assert!(
        Path::new(&bin).is_file(),
        "{bin} est introuvable : lancez `make tool-frictionless`"
    );
    let dir = temp_dir("frictionless");
    let csv = dir.join("dispositifs-aide.csv");
    std::fs::write(&csv, export_real()).unwrap();
    let mut schemas = vec![TRANSCRIPTION.to_string()];
    if let Ok(official) = std::env::var("DISPOSITIF_AIDE_OFFICIAL_SCHEMA") {
        // Copied below ROOT: Frictionless refuses paths outside it.
        let copy = dir.join("official.schema.json");
        std::fs::copy(&official, &copy).unwrap();
        schemas.push(
            copy.strip_prefix(Path::new(ROOT))
                .unwrap()
                .to_string_lossy()
                .into_owned(),
        );
    }
    for schema in &schemas {
        let report = frictionless(&bin, schema, &csv);
        let task = &report["tasks"][0];
        println!(
            "Frictionless, {schema} : valid={} errors={} rows={} fields={}",
            report["valid"],
            task["stats"]["errors"],
            task["stats"]["rows"],
            task["stats"]["fields"]
        );
        assert_eq!(report["valid"], json!(true), "{report:#}");
        assert_eq!(task["stats"]["errors"], json!(0), "{report:#}");
        assert_eq!(task["stats"]["fields"], json!(FIELDS.len()));
        assert!(task["stats"]["rows"].as_u64().unwrap() >= 30);
    }
    // And it does see a broken file.
    let text = String::from_utf8(export_real()).unwrap();
    std::fs::write(&csv, text.replacen("secteur public", "collectivités", 1)).unwrap();
    let report = frictionless(&bin, TRANSCRIPTION, &csv);
    assert_eq!(report["valid"], json!(false), "{report:#}");
}

/// The transcription against the official file, field by field: every
/// property but the prose (`description`, `example`) must be equal. Run by
/// hand with the official file, e.g. from a clone of
/// etalab/schema-dispositif-aide at v0.2.0:
/// `DISPOSITIF_AIDE_OFFICIAL_SCHEMA=…/build/dispositif-aide/schema.json
/// cargo test -p parcours-cli --test open_data -- --ignored transcription`.
#[test]
#[ignore = "needs the official schema file (DISPOSITIF_AIDE_OFFICIAL_SCHEMA)"]
fn transcription_matches_the_official_schema() {
    let path = std::env::var("DISPOSITIF_AIDE_OFFICIAL_SCHEMA")
        .expect("DISPOSITIF_AIDE_OFFICIAL_SCHEMA : chemin du schema.json officiel");
    let official = json_file(Path::new(&path));
    let ours = json_file(&Path::new(ROOT).join(TRANSCRIPTION));
    assert_eq!(official["name"], ours["name"]);
    assert_eq!(official["version"], ours["version"]);
    assert_eq!(official["lastModified"], ours["lastModified"]);
    assert_eq!(official["licenses"], ours["licenses"]);
    for key in ["primaryKey", "foreignKeys", "uniqueKeys", "missingValues"] {
        assert_eq!(official.get(key), ours.get(key), "{key}");
    }
    let prose = |f: &Value| -> Value {
        let mut f = f.clone();
        let o = f.as_object_mut().unwrap();
        o.remove("description");
        o.remove("example");
        f
    };
    let (a, b) = (
        official["fields"].as_array().unwrap(),
        ours["fields"].as_array().unwrap(),
    );
    let names = |l: &[Value]| -> Vec<String> {
        l.iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(a), names(b), "champs et leur ordre");
    for (o, t) in a.iter().zip(b) {
        assert_eq!(prose(o), prose(t), "champ {}", o["name"]);
    }
    println!("transcription conforme : {} champs comparés", a.len());
}
