//! One deliberately broken mini-catalogue per validation rule: the pointer
//! and a key part of the French message.

mod common;

use common::*;
use parcours_core::{load, load_on, unreachable_modules, validate_on, Diagnostic, DiagnosticKind};
use serde_json::{json, Value};

fn diags(v: &Value) -> Vec<Diagnostic> {
    let text = serde_json::to_string_pretty(v).unwrap();
    load(&text).expect_err("le catalogue cassé devrait être refusé")
}

/// Breaks the mini catalogue with `f` and asserts that a diagnostic at
/// `pointer` contains `needle`.
#[track_caller]
fn broken(f: impl FnOnce(&mut Value), pointer: &str, needle: &str) -> Vec<Diagnostic> {
    let mut v = mini_value();
    f(&mut v);
    let d = diags(&v);
    assert!(
        d.iter()
            .any(|d| d.pointer == pointer && d.message.contains(needle)),
        "attendu {pointer} : …{needle}…, obtenu :\n{}",
        d.iter().map(|d| format!("  {d}\n")).collect::<String>()
    );
    d
}

#[test]
fn mini_is_valid() {
    let cat = mini();
    assert_eq!(cat.modules.len(), 8);
    assert_eq!(unreachable_modules(&cat), Vec::<&str>::new());
}

#[test]
fn json_syntax_error_is_located() {
    let d = load("{\n  \"schema\": 1,\n  \"version\" \"x\"\n}").unwrap_err();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].kind, DiagnosticKind::Syntax);
    assert_eq!(d[0].line, Some(3));
    assert!(d[0].column.is_some());
    assert!(
        d[0].message.starts_with("JSON invalide"),
        "{}",
        d[0].message
    );
}

#[test]
fn columns_count_characters_and_bom_is_accepted() {
    // « é » is two bytes: serde_json would say column 14.
    let d = load("{\"version\": \"é\" x}").unwrap_err();
    assert_eq!((d[0].line, d[0].column), (Some(1), Some(17)));
    let with_bom = format!("\u{feff}{MINI}");
    assert!(load(&with_bom).is_ok());
}

#[test]
fn an_unsupported_schema_is_named_as_written() {
    for (schema, shown) in [
        (json!(1), "1"),
        (json!(3), "3"),
        (json!(-1), "-1"),
        (json!(1.0), "1.0"),
        (json!(1.5), "1.5"),
    ] {
        let mut v = mini_value();
        v["schema"] = schema;
        let d = diags(&v);
        assert_eq!(d.len(), 1, "{d:?}");
        let expected = format!("format de catalogue {shown} non pris en charge");
        assert!(d[0].message.starts_with(&expected), "{}", d[0].message);
    }
}

#[test]
fn unsupported_schema_is_one_clear_error() {
    let mut v = mini_value();
    v["schema"] = json!(999);
    v["unknown_future_field"] = json!(true);
    let d = diags(&v);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].pointer, "/schema");
    assert_eq!(d[0].kind, DiagnosticKind::UnsupportedSchema);
    assert_eq!(
        d[0].message,
        "format de catalogue 999 non pris en charge par cette version de l'application (format attendu : 2)"
    );
    // serde_json sorts keys: the line depends on the layout, not fixed here.
    assert!(d[0].line.is_some());
    let d = load("{\n  \"schema\": 999,\n  \"modules\": 3\n}").unwrap_err();
    assert_eq!((d.len(), d[0].line, d[0].column), (1, Some(2), Some(13)));
}

#[test]
fn schema_of_the_wrong_type_is_a_type_error() {
    let mut v = mini_value();
    v["schema"] = json!("1");
    let d = diags(&v);
    assert_eq!((d.len(), d[0].pointer.as_str()), (1, "/schema"));
    assert_eq!(d[0].kind, DiagnosticKind::Type);
    assert!(d[0].message.contains("type incorrect"), "{}", d[0].message);
    let d = load("[1, 2]").unwrap_err();
    assert_eq!(d[0].kind, DiagnosticKind::NotAnObject);
    assert!(d[0].message.contains("objet JSON"), "{}", d[0].message);
}

#[test]
fn unknown_field_has_pointer_and_position() {
    let mut v = mini_value();
    v["modules"][2]["titel"] = json!("x");
    let text = serde_json::to_string_pretty(&v).unwrap();
    let d = load(&text).unwrap_err();
    assert_eq!(d.len(), 1);
    assert!(d[0].pointer.starts_with("/modules/2"), "{}", d[0].pointer);
    assert_eq!(d[0].kind, DiagnosticKind::UnknownField);
    assert!(
        d[0].message.contains("champ inconnu « titel »"),
        "{}",
        d[0].message
    );
    assert!(d[0].line.is_some() && d[0].column.is_some());
}

#[test]
fn missing_field_and_wrong_type() {
    let mut v = mini_value();
    v["providers"][1].as_object_mut().unwrap().remove("name");
    let d = diags(&v);
    assert_eq!(d[0].pointer, "/providers/1");
    assert_eq!(d[0].kind, DiagnosticKind::MissingField);
    assert!(
        d[0].message.contains("champ obligatoire « name » manquant"),
        "{}",
        d[0].message
    );

    let mut v = mini_value();
    v["rules"][0]["weight"] = json!("3");
    let d = diags(&v);
    assert_eq!(d[0].pointer, "/rules/0/weight");
    assert_eq!(d[0].kind, DiagnosticKind::Type);
    assert!(d[0].message.contains("type incorrect"), "{}", d[0].message);

    let mut v = mini_value();
    v["rules"][0]["when"] = json!({"equal": {"question": "refus", "option": "oui"}});
    let d = diags(&v);
    assert!(
        d[0].pointer.starts_with("/rules/0/when"),
        "{}",
        d[0].pointer
    );
    assert_eq!(d[0].kind, DiagnosticKind::UnknownValue);
    assert!(d[0].message.contains("« equal »"), "{}", d[0].message);
}

#[test]
fn validation_errors_are_located() {
    let mut v = mini_value();
    v["modules"][3]["provider"] = json!("xyz");
    let d = diags(&v);
    assert_eq!(d[0].pointer, "/modules/3/provider");
    assert_eq!(
        d[0].to_string(),
        "/modules/3/provider : l'opérateur « xyz » n'existe pas (opérateurs connus : bdt, cerema)"
    );
    assert!(d[0].line.unwrap() > 1);
}

#[test]
fn every_error_is_collected() {
    let mut v = mini_value();
    v["modules"][0]["provider"] = json!("nope");
    v["modules"][1]["step"] = json!("nope");
    v["rules"][1]["weight"] = json!(0);
    assert_eq!(diags(&v).len(), 3);
}

#[test]
fn duplicate_ids() {
    broken(
        |v| v["providers"][1]["id"] = json!("bdt"),
        "/providers/1/id",
        "« bdt » en double",
    );
    broken(
        |v| v["themes"][1]["id"] = json!("foncier"),
        "/themes/1/id",
        "en double",
    );
    broken(
        |v| v["steps"][2]["id"] = json!("strategie"),
        "/steps/2/id",
        "en double",
    );
    broken(
        |v| v["kinds"][1]["id"] = json!("ingenierie"),
        "/kinds/1/id",
        "en double",
    );
    broken(
        |v| {
            v["sources"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "note", "title": "t", "publisher": "p"}))
        },
        "/sources/1/id",
        "en double",
    );
    broken(
        |v| v["modules"][4]["id"] = json!("annuaire"),
        "/modules/5/id",
        "déjà utilisé en /modules/4",
    );
    broken(
        |v| v["questionnaire"]["groups"][2]["id"] = json!("foncier"),
        "/questionnaire/groups/2/id",
        "en double",
    );
    broken(
        |v| v["questionnaire"]["groups"][2]["questions"][0]["id"] = json!("taille"),
        "/questionnaire/groups/2/questions/0/id",
        "déjà utilisé en /questionnaire/groups/0/questions/1",
    );
    broken(
        |v| v["questionnaire"]["groups"][0]["questions"][0]["options"][1]["id"] = json!("foncier"),
        "/questionnaire/groups/0/questions/0/options/1/id",
        "option « foncier » en double",
    );
    broken(
        |v| v["rules"][1]["id"] = json!("refus-observer"),
        "/rules/1/id",
        "en double",
    );
}

#[test]
fn ids_are_slugs() {
    broken(
        |v| v["modules"][0]["id"] = json!("Observatoire Foncier"),
        "/modules/0/id",
        "lettres minuscules",
    );
}

#[test]
fn dangling_references() {
    broken(
        |v| v["modules"][2]["partners"][0] = json!("ademe"),
        "/modules/2/partners/0",
        "l'opérateur « ademe » n'existe pas",
    );
    broken(
        |v| v["modules"][0]["themes"][0] = json!("eau"),
        "/modules/0/themes/0",
        "le thème « eau » n'existe pas",
    );
    broken(
        |v| v["modules"][0]["step"] = json!("financer"),
        "/modules/0/step",
        "l'étape « financer » n'existe pas (étapes connues : agir, diagnostiquer, strategie)",
    );
    broken(
        |v| v["modules"][0]["kind"] = json!("label"),
        "/modules/0/kind",
        "le type d'aide « label » n'existe pas",
    );
    broken(
        |v| v["modules"][3]["prerequisites"][1] = json!("absent"),
        "/modules/3/prerequisites/1",
        "le module « absent » n'existe pas",
    );
    broken(
        |v| v["modules"][0]["source"]["document"] = json!("rapport"),
        "/modules/0/source/document",
        "la source « rapport » n'existe pas",
    );
    broken(
        |v| v["questionnaire"]["groups"][1]["theme"] = json!("eau"),
        "/questionnaire/groups/1/theme",
        "le thème « eau » n'existe pas",
    );
    broken(
        |v| v["rules"][0]["modules"][1] = json!("absent"),
        "/rules/0/modules/1",
        "le module « absent » n'existe pas",
    );
}

#[test]
fn prerequisite_cycles_are_named() {
    let d = broken(
        |v| {
            v["modules"][0]["prerequisites"] = json!(["inventaire"]);
            v["modules"][1]["prerequisites"] = json!(["observatoire"]);
        },
        "/modules/0/prerequisites",
        "cycle de prérequis : observatoire → inventaire → observatoire",
    );
    assert_eq!(d.iter().filter(|d| d.message.contains("cycle")).count(), 1);
    // What the validator finds is of its own kind, whatever the rule.
    assert!(d.iter().all(|d| d.kind == DiagnosticKind::Invalid), "{d:?}");
    broken(
        |v| v["modules"][0]["prerequisites"] = json!(["observatoire"]),
        "/modules/0/prerequisites/0",
        "son propre prérequis",
    );
    // A longer one, across steps (also flagged as « later step »).
    broken(
        |v| v["modules"][0]["prerequisites"] = json!(["pret-friches"]),
        "/modules/0/prerequisites",
        "observatoire → pret-friches → strategie-fonciere → observatoire",
    );
}

#[test]
fn prerequisite_in_a_later_step() {
    broken(
        |v| v["modules"][0]["prerequisites"] = json!(["gpec"]),
        "/modules/0/prerequisites/0",
        "vient après l'étape « diagnostiquer »",
    );
}

#[test]
fn conditions_checked() {
    broken(
        |v| v["rules"][0]["when"] = json!({"equals": {"question": "refuz", "option": "oui"}}),
        "/rules/0/when/equals/question",
        "la question « refuz » n'existe pas",
    );
    broken(
        |v| v["rules"][0]["when"] = json!({"equals": {"question": "refus", "option": "peut-etre"}}),
        "/rules/0/when/equals/option",
        "l'option « peut-etre » n'existe pas dans la question « refus »",
    );
    broken(
        |v| {
            v["rules"][0]["when"] =
                json!({"in": {"question": "difficultes", "options": ["fortes", "emploi"]}})
        },
        "/rules/0/when/in/options/1",
        "appartient à la question « themes », pas à « difficultes »",
    );
    broken(
        |v| v["rules"][0]["when"] = json!({"all": [{"answered": "refus"}, {"at_least": {"question": "refus", "value": 2}}]}),
        "/rules/0/when/all/1/at_least",
        "de type oui/non",
    );
    broken(
        |v| v["rules"][0]["when"] = json!({"equals": {"question": "taille", "option": "oui"}}),
        "/rules/0/when/equals",
        "de type nombre",
    );
    broken(
        |v| v["rules"][0]["when"] = json!({"any": []}),
        "/rules/0/when/any",
        "vide",
    );
    broken(
        |v| v["modules"][2]["exclusions"][0]["when"] = json!({"not": {"unknown": "absente"}}),
        "/modules/2/exclusions/0/when/not/unknown",
        "« absente » n'existe pas",
    );
}

#[test]
fn visible_if_order() {
    broken(
        |v| {
            v["questionnaire"]["groups"][1]["questions"][1]["visible_if"] =
                json!({"answered": "hectares"})
        },
        "/questionnaire/groups/1/questions/1/visible_if/answered",
        "fait référence à elle-même",
    );
    broken(
        |v| {
            v["questionnaire"]["groups"][1]["questions"][0]["visible_if"] =
                json!({"answered": "maturite"})
        },
        "/questionnaire/groups/1/questions/0/visible_if/answered",
        "posée plus loin",
    );
    broken(
        |v| v["questionnaire"]["groups"][1]["visible_if"] = json!({"answered": "refus"}),
        "/questionnaire/groups/1/visible_if/answered",
        "pas dans une étape précédente",
    );
}

#[test]
fn links() {
    broken(
        |v| v["providers"][0]["url"] = json!("http://example.fr/"),
        "/providers/0/url",
        "« https:// » ou « mailto: »",
    );
    broken(
        |v| v["modules"][0]["url"] = json!("javascript:alert(1)"),
        "/modules/0/url",
        "doit être une adresse « https:// » complète",
    );
    broken(
        |v| v["sources"][0]["url"] = json!("www.x.fr"),
        "/sources/0/url",
        "https://",
    );
    // An operator's root may be an address; a module's page may not.
    let mut v = mini_value();
    v["providers"][0]["url"] = json!("mailto:contact@banquedesterritoires.fr");
    v["modules"][7]["url"] = json!("https://www.banquedesterritoires.fr/ami-friches");
    v["providers"][0]["domains"] = json!(["banquedesterritoires.fr"]);
    assert!(load(&v.to_string()).is_ok());
    broken(
        |v| v["modules"][0]["url"] = json!("mailto:contact@cerema.fr"),
        "/modules/0/url",
        "le lien « mailto:contact@cerema.fr » doit être une adresse « https:// » complète, sans espace",
    );
}

#[test]
fn every_module_has_a_nature() {
    broken(
        |v| {
            v["modules"][0].as_object_mut().unwrap().remove("nature");
        },
        "/modules/0",
        "champ obligatoire « nature » manquant",
    );
    broken(
        |v| v["modules"][0]["nature"] = json!("service"),
        "/modules/0/nature",
        "valeur inconnue « service » (valeurs possibles : offre, action, proposition)",
    );
}

#[test]
fn an_offer_has_a_status_and_nothing_else_has_one() {
    broken(
        |v| {
            v["modules"][0].as_object_mut().unwrap().remove("status");
        },
        "/modules/0/nature",
        "une offre existante (« offre ») doit avoir un « status »",
    );
    let status = json!({"state": "a-confirmer", "checked": "2026-11-20", "checked_at": "https://www.cerema.fr/"});
    broken(
        |v| v["modules"][6]["status"] = status.clone(),
        "/modules/6/status",
        "une proposition de la note n'a pas d'état : rien n'est encore ouvert ; retirez « status »",
    );
    broken(
        |v| v["modules"][1]["status"] = status.clone(),
        "/modules/1/status",
        "une action de l'intercommunalité n'a pas d'état : elle ne dépend d'aucun guichet",
    );
    broken(
        |v| {
            v["modules"][0]["status"]
                .as_object_mut()
                .unwrap()
                .remove("checked_at");
        },
        "/modules/0/status",
        "champ obligatoire « checked_at » manquant",
    );
    broken(
        |v| v["modules"][0]["status"]["state"] = json!("ferme"),
        "/modules/0/status/state",
        "valeur inconnue « ferme » (valeurs possibles : permanent, ouvert, clos, a-confirmer)",
    );
}

#[test]
fn status_dates() {
    broken(
        |v| v["modules"][0]["status"]["checked"] = json!("20/11/2026"),
        "/modules/0/status/checked",
        "date de vérification « 20/11/2026 » mal formée : attendu AAAA-MM-JJ",
    );
    broken(
        |v| v["modules"][0]["status"]["checked"] = json!("2026-11-27"),
        "/modules/0/status/checked",
        "la date de vérification 2026-11-27 est postérieure à la publication du catalogue (2026-11-26) : publiez une nouvelle version",
    );
    broken(
        |v| v["modules"][3]["status"]["opens"] = json!("2027-07-01"),
        "/modules/3/status/closes",
        "la date de clôture 2027-06-30 précède la date d'ouverture 2027-07-01",
    );
    broken(
        |v| v["modules"][3]["status"]["closes"] = json!("2026-11-19"),
        "/modules/3/status/state",
        "l'appel est dit « ouvert » mais sa date de clôture (2026-11-19) précède le jour de la vérification (2026-11-20) : passez-le à « clos »",
    );
    broken(
        |v| v["modules"][0]["status"]["closes"] = json!("2027-01-01"),
        "/modules/0/status/state",
        "une offre « permanente » n'a pas de dates d'ouverture ni de clôture",
    );
    broken(
        |v| v["modules"][7]["status"]["closes"] = json!("2021-02-30"),
        "/modules/7/status/closes",
        "date de clôture « 2021-02-30 » mal formée",
    );
    // Closing on the day of the check is still open that day.
    let mut v = mini_value();
    v["modules"][3]["status"]["closes"] = json!("2026-11-20");
    assert!(load(&v.to_string()).is_ok());
}

#[test]
fn checks_of_the_day_refuse_future_dates() {
    let mut v = mini_value();
    v["modules"][0]["status"]["checked"] = json!("2026-11-25");
    let text = v.to_string();
    // Without the day: valid (the app never judges by a visitor's clock).
    assert!(load(&text).is_ok());
    assert!(load_on(&text, "2026-11-26").is_ok());
    let d = load_on(&text, "2026-11-24").unwrap_err();
    let messages: Vec<(&str, &str)> = d
        .iter()
        .map(|d| (d.pointer.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        // In file order (serde_json writes keys sorted).
        vec![
            (
                "/modules/0/status/checked",
                "la date de vérification 2026-11-25 est dans le futur (nous sommes le 2026-11-24) : indiquez le jour où la page officielle a été lue"
            ),
            (
                "/published",
                "la date de publication 2026-11-26 est dans le futur (nous sommes le 2026-11-24)"
            ),
        ]
    );
    assert_eq!(validate_on(&mini(), TODAY), Vec::<Diagnostic>::new());
}

#[test]
fn official_links_are_https_on_an_official_domain() {
    broken(
        |v| v["modules"][0]["status"]["checked_at"] = json!("http://www.cerema.fr/"),
        "/modules/0/status/checked_at",
        "le lien « http://www.cerema.fr/ » doit être une adresse « https:// » complète, sans espace",
    );
    broken(
        |v| v["modules"][0]["url"] = json!("https://www.cerema.fr/a b"),
        "/modules/0/url",
        "doit être une adresse « https:// » complète",
    );
    broken(
        |v| v["modules"][0]["url"] = json!("https://user@www.cerema.fr/"),
        "/modules/0/url",
        "doit être une adresse « https:// » complète",
    );
    for (url, host) in [
        ("https://www.example.com/observatoire", "www.example.com"),
        // Look-alikes of an official domain are not subdomains of it.
        ("https://faux-cerema.fr/", "faux-cerema.fr"),
        ("https://cerema.fr.example.com/", "cerema.fr.example.com"),
        ("https://egouv.fr/", "egouv.fr"),
    ] {
        broken(
            |v| v["modules"][0]["url"] = json!(url),
            "/modules/0/url",
            &format!("le lien « {url} » n'est pas sur un domaine officiel : « {host} » n'est ni un domaine gouv.fr ni celui d'un opérateur du catalogue (domaines admis : banquedesterritoires.fr, cerema.fr, gouv.fr ; un autre domaine d'un opérateur s'ajoute à ses « domains »)"),
        );
    }
    broken(
        |v| v["modules"][7]["status"]["checked_at"] = json!("https://www.urbanvitaliz.fr/"),
        "/modules/7/status/checked_at",
        "« www.urbanvitaliz.fr » n'est ni un domaine gouv.fr ni celui d'un opérateur",
    );
    // Subdomains of gouv.fr and of an operator's domains, host in any case,
    // a port: accepted.
    let mut v = mini_value();
    v["modules"][0]["url"] = json!("https://outils.Cerema.fr:443/observatoire?x=1#haut");
    v["modules"][4]["status"]["checked_at"] = json!("https://www.economie.gouv.fr/");
    v["modules"][5]["status"]["checked_at"] = json!("https://banquedesterritoires.fr/");
    assert!(load(&v.to_string()).is_ok());
}

#[test]
fn providers_domains_are_official_too() {
    // Cerema has no `url`: its `domains` make cerema.fr official.
    broken(
        |v| {
            v["providers"][1].as_object_mut().unwrap().remove("domains");
        },
        "/modules/0/url",
        "« www.cerema.fr » n'est ni un domaine gouv.fr ni celui d'un opérateur",
    );
    let mut v = mini_value();
    v["providers"][0]["domains"] = json!(["urbanvitaliz.fr"]);
    v["modules"][7]["url"] = json!("https://urbanvitaliz.fr/friches");
    assert!(load(&v.to_string()).is_ok());
    for bad in [
        "https://urbanvitaliz.fr",
        "urbanvitaliz.fr/",
        "UrbanVitaliz.fr",
        "localhost",
        "",
    ] {
        broken(
            |v| v["providers"][0]["domains"] = json!([bad]),
            "/providers/0/domains/0",
            &format!("domaine « {bad} » mal formé : un nom de domaine en minuscules"),
        );
    }
}

#[test]
fn prerequisites_must_be_actionable() {
    broken(
        |v| v["modules"][3]["prerequisites"].as_array_mut().unwrap().push(json!("club-foncier")),
        "/modules/3/prerequisites/2",
        "le prérequis « club-foncier » est une proposition de la note : un parcours n'en fait jamais une étape, il ne peut donc pas précéder « pret-friches »",
    );
    broken(
        |v| {
            v["modules"][3]["prerequisites"]
                .as_array_mut()
                .unwrap()
                .push(json!("ami-friches"))
        },
        "/modules/3/prerequisites/2",
        "le prérequis « ami-friches » est une offre close",
    );
    // An action, an open call and an offer to confirm may come first.
    let mut v = mini_value();
    v["modules"][7]["prerequisites"] = json!(["inventaire", "pret-friches", "gpec"]);
    assert!(load(&v.to_string()).is_ok());
}

#[test]
fn empty_texts() {
    broken(
        |v| v["modules"][1]["title"] = json!("  "),
        "/modules/1/title",
        "« title » ne doit pas être vide",
    );
    broken(
        |v| v["modules"][1]["summary"] = json!(""),
        "/modules/1/summary",
        "vide",
    );
    broken(
        |v| v["themes"][0]["label"] = json!(""),
        "/themes/0/label",
        "vide",
    );
    broken(
        |v| v["questionnaire"]["groups"][0]["questions"][0]["help"] = json!(" "),
        "/questionnaire/groups/0/questions/0/help",
        "vide",
    );
    broken(
        |v| v["questionnaire"]["groups"][0]["questions"][0]["options"][0]["label"] = json!(""),
        "/questionnaire/groups/0/questions/0/options/0/label",
        "vide",
    );
    broken(
        |v| v["rules"][2]["reason"] = json!("\n"),
        "/rules/2/reason",
        "vide",
    );
    broken(
        |v| v["modules"][2]["exclusions"][0]["reason"] = json!(""),
        "/modules/2/exclusions/0/reason",
        "vide",
    );
}

#[test]
fn question_shapes() {
    broken(
        |v| v["questionnaire"]["groups"][2]["questions"][0]["options"] = json!([]),
        "/questionnaire/groups/2/questions/0/options",
        "doit proposer des options",
    );
    broken(
        |v| {
            v["questionnaire"]["groups"][1]["questions"][0]["options"] =
                json!([{"id": "oui", "label": "Oui"}])
        },
        "/questionnaire/groups/1/questions/0/options",
        "options implicites",
    );
    broken(
        |v| v["questionnaire"]["groups"][1]["questions"][3]["max"] = json!(1),
        "/questionnaire/groups/1/questions/3/max",
        "min strictement inférieur à max",
    );
}

#[test]
fn header_formats() {
    broken(|v| v["version"] = json!("2026-11"), "/version", "AAAA.MM.N");
    broken(
        |v| v["published"] = json!("26/11/2026"),
        "/published",
        "AAAA-MM-JJ",
    );
}

#[test]
fn rules_and_modules_shapes() {
    broken(
        |v| v["rules"][0]["weight"] = json!(0),
        "/rules/0/weight",
        "au moins 1",
    );
    broken(
        |v| v["rules"][0]["modules"] = json!([]),
        "/rules/0/modules",
        "au moins un module",
    );
    broken(
        |v| v["modules"][0]["themes"] = json!([]),
        "/modules/0/themes",
        "au moins un thème",
    );
}

#[test]
fn unreachable_modules_are_not_errors() {
    let mut v = mini_value();
    v["modules"][5]
        .as_object_mut()
        .unwrap()
        .remove("browse_only");
    let cat = load(&v.to_string()).expect("un module isolé n'est pas une erreur");
    assert_eq!(unreachable_modules(&cat), vec!["annuaire"]);
}

#[test]
fn real_catalogue_loads_without_diagnostics() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/catalogue.json");
    let text = std::fs::read_to_string(path).unwrap();
    if let Err(d) = load(&text) {
        panic!(
            "content/catalogue.json : {} problème(s)\n{}",
            d.len(),
            d.iter()
                .map(|d| format!("  {}:{}: {d}\n", d.line.unwrap_or(0), d.column.unwrap_or(0)))
                .collect::<String>()
        );
    }
}
