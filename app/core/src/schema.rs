//! JSON Schema of the catalogue for editors' tools (autocompletion and
//! checks while typing): generated from the Rust types by schemars, then
//! given French descriptions and the constraints the types cannot express
//! (id syntax, version and date formats, links, minimums). The full check
//! remains `catalogue check`.

use serde_json::{json, Map, Value};

use crate::model::{Catalogue, SCHEMA_VERSION};

const SLUG: &str = "^[a-z0-9-]+$";
const LINK: &str = "^(https://|mailto:)\\S+$";
const HTTPS: &str = "^https://[^/?#@\\s]+([/?#]\\S*)?$";
const DATE: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
const DOMAIN: &str = "^[a-z0-9-]+(\\.[a-z0-9-]+)+$";

/// The schema, pretty-printed, ending with a newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Catalogue);
    let mut v = serde_json::to_value(&schema).unwrap_or(Value::Null);
    refine(&mut v);
    let mut text = serde_json::to_string_pretty(&v).unwrap_or_default();
    text.push('\n');
    text
}

fn refine(v: &mut Value) {
    translate(v);
    let Some(root) = v.as_object_mut() else {
        return;
    };
    root.insert("title".into(), json!("Catalogue Parcours TI"));
    root.insert(
        "description".into(),
        json!("Format du fichier content/catalogue.json. Vérification complète (références, cycles, ordre des questions) : `catalogue check`."),
    );
    if let Some(props) = root.get_mut("properties").and_then(Value::as_object_mut) {
        set(props, "schema", "const", json!(SCHEMA_VERSION));
        set(
            props,
            "version",
            "pattern",
            json!("^[0-9]{4}\\.(0[1-9]|1[0-2])\\.[0-9]{1,4}$"),
        );
        set(props, "published", "format", json!("date"));
        set(
            props,
            "published",
            "pattern",
            json!("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
        );
    }
    let Some(defs) = root.get_mut("$defs").and_then(Value::as_object_mut) else {
        return;
    };
    for (_, def) in defs.iter_mut() {
        if let Some(props) = def.get_mut("properties").and_then(Value::as_object_mut) {
            if props.contains_key("id") {
                set(props, "id", "pattern", json!(SLUG));
            }
        }
    }
    let mut at = |def: &str, prop: &str, key: &str, value: Value| {
        if let Some(props) = defs
            .get_mut(def)
            .and_then(|d| d.get_mut("properties"))
            .and_then(Value::as_object_mut)
        {
            set(props, prop, key, value);
        }
    };
    for def in ["Provider", "Source"] {
        at(def, "url", "pattern", json!(LINK));
    }
    // A module's own link: an official page, https only (the domains are
    // checked by `catalogue check`).
    at("Module", "url", "pattern", json!(HTTPS));
    at("Status", "checked_at", "pattern", json!(HTTPS));
    for prop in ["checked", "opens", "closes"] {
        at("Status", prop, "pattern", json!(DATE));
        at("Status", prop, "format", json!("date"));
    }
    at(
        "Provider",
        "domains",
        "items",
        json!({ "type": "string", "pattern": DOMAIN }),
    );
    at("Rule", "weight", "minimum", json!(1));
    at("Rule", "modules", "minItems", json!(1));
    at("Module", "themes", "minItems", json!(1));
    // An offer has a status; a proposition or an action has none.
    if let Some(module) = defs.get_mut("Module").and_then(Value::as_object_mut) {
        module.insert(
            "if".into(),
            json!({ "properties": { "nature": { "const": "offre" } }, "required": ["nature"] }),
        );
        module.insert("then".into(), json!({ "required": ["status"] }));
        module.insert("else".into(), json!({ "not": { "required": ["status"] } }));
    }
}

fn set(props: &mut Map<String, Value>, prop: &str, key: &str, value: Value) {
    if let Some(p) = props.get_mut(prop).and_then(Value::as_object_mut) {
        p.insert(key.into(), value);
    }
}

/// Replaces the (English, from the code) descriptions by French ones.
fn translate(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                match (k.as_str(), &*x) {
                    ("description", Value::String(en)) => {
                        if let Some(fr) = french(en) {
                            *x = json!(fr);
                        }
                    }
                    _ => translate(x),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(translate),
        _ => {}
    }
}

/// French for each description of model.rs, matched on its first words so
/// that a reworded comment falls back to English rather than vanishing.
fn french(en: &str) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("Kinds of help", "Types d'aide (ingénierie, financement, formation…)."),
        ("Publication date", "Date de publication, AAAA-MM-JJ."),
        ("Format version of this file", "Version du format de ce fichier (2)."),
        ("Documents the modules cite", "Documents cités par les modules (note de référence, sites des opérateurs)."),
        ("Ordered: the pathway follows", "Dans l'ordre : le parcours suit cet ordre."),
        ("Content version", "Version du contenu, AAAA.MM.N (par exemple 2026.11.0)."),
        ("Stable id within its question", "Identifiant stable au sein de sa question."),
        ("A small expression tree", "Condition sur les réponses : {\"all\": […]}, {\"any\": […]}, {\"not\": {…}}, {\"answered\": \"q\"}, {\"unknown\": \"q\"}, {\"equals\": {\"question\": \"q\", \"option\": \"o\"}}, {\"in\": {\"question\": \"q\", \"options\": [\"a\", \"b\"]}}, {\"at_least\": {\"question\": \"q\", \"value\": 3}}, {\"at_most\": {\"question\": \"q\", \"value\": 3}}."),
        ("True when every child", "Vraie quand toutes les conditions de la liste sont vraies."),
        ("True when one child", "Vraie quand au moins une condition de la liste est vraie."),
        ("The question has a real answer", "La question a reçu une vraie réponse (pas « Je ne sais pas »)."),
        ("The question is unanswered", "La question est sans réponse ou a reçu « Je ne sais pas »."),
        ("Single/yes-no: the answer is this option", "Choix unique ou oui/non : la réponse est cette option ; choix multiple : elle fait partie des cases cochées."),
        ("Single/yes-no: the answer is one of these", "Choix unique ou oui/non : la réponse est l'une de ces options ; choix multiple : l'une d'elles est cochée."),
        ("Scale/number: answer ≥", "Échelle ou nombre : réponse ≥ value."),
        ("Scale/number: answer ≤", "Échelle ou nombre : réponse ≤ value."),
        ("Shown to the user, e.g.", "Affiché à l'utilisateur, par exemple « Votre territoire dispose déjà d'un chef de projet »."),
        ("Step title in the questionnaire", "Titre de l'étape dans le questionnaire."),
        ("The theme this group explores", "Thème exploré par cette étape, s'il y a lieu (pas pour les étapes de profil)."),
        ("How to access it", "Comment y accéder : qui contacter (une fonction et un organisme), ou, pour une action de l'intercommunalité, quel service agit et avec qui. Jamais de numéro, d'adresse électronique ni de lien inventés."),
        ("What a module is, which decides", "Nature du module : « offre » (un service, outil, fonds, label, programme ou obligation qui existe), « action » (ce que l'intercommunalité fait elle-même, sans guichet), « proposition » (ce que la note demande : rien à solliciter). Seules les offres ouvertes et les actions deviennent des étapes d'un parcours."),
        ("An existing offer, an action of", "Nature du module : offre, action ou proposition."),
        ("An existing service, tool, fund", "Offre existante : service, outil, fonds, label, programme ou obligation légale."),
        ("What the intercommunalité does itself", "Action de l'intercommunalité : ce qu'elle fait elle-même, avec ses services et ses partenaires, sans guichet où candidater."),
        ("What the note asks for", "Proposition de la note : ce qu'elle demande, rien à solliciter encore. Jamais une étape d'un parcours ; pas de « status »."),
        ("For an offer: its state", "Pour une offre (obligatoire) : son état, lu sur une page officielle, avec le jour et la page de la vérification. Interdit pour une proposition ou une action."),
        ("An offer's state on the day", "État de l'offre le jour de la vérification : « permanent », « ouvert », « clos » ou « a-confirmer »."),
        ("Standing offer, without a deadline", "Offre permanente, sans date limite."),
        ("A call open, between", "Appel ouvert, entre « opens » et « closes » quand elles sont connues ; passé « closes », il est présenté comme clos."),
        ("Closed: nothing to apply to now", "Clos : rien à solliciter aujourd'hui (jamais une étape d'un parcours)."),
        ("Exists, but its current edition", "Existe, mais son édition en cours n'a pas pu être confirmée."),
        ("The state of an offer and where", "État d'une offre, et où et quand il a été lu."),
        ("Day the state was read", "Jour où l'état a été lu, AAAA-MM-JJ (pas après la publication du catalogue)."),
        ("The official page it was read on", "Page officielle où l'état a été lu : https://, sur gouv.fr ou un domaine d'un opérateur."),
        ("First day of a call", "Premier jour de l'appel, AAAA-MM-JJ."),
        ("Last day of a call", "Dernier jour de l'appel (ou jour de sa clôture), AAAA-MM-JJ."),
        ("The official page that best describes", "Page officielle qui décrit le mieux l'offre (sa propre page s'il y en a une) : https:// uniquement, sur gouv.fr ou un domaine d'un opérateur. Jamais une adresse devinée."),
        ("Other official domains of this operator", "Autres domaines officiels de l'opérateur (par exemple urbanvitaliz.fr), où les liens des modules peuvent pointer, en plus de gouv.fr et du domaine de son « url »."),
        ("For whom", "Pour qui."),
        ("What it brings", "Ce que cela apporte."),
        ("Set when no rule leads", "À renseigner quand aucune règle ne mène volontairement au module : pourquoi on ne le trouve qu'en parcourant le catalogue."),
        ("Only what the source states", "Seulement ce que dit la source ; absent sinon."),
        ("Situations where the module does not apply", "Situations où le module ne s'applique pas, chacune avec sa raison."),
        ("Stable slug: used in links", "Identifiant stable (minuscules, chiffres, tirets) : utilisé dans les liens et les parcours enregistrés, ne jamais le renommer."),
        ("Kind id", "Identifiant du type d'aide."),
        ("Co-operators", "Opérateurs partenaires (identifiants)."),
        ("Module ids to engage first", "Modules à engager avant celui-ci (même étape ou étape antérieure)."),
        ("Tie-breaker after the score", "Départage après le score : le plus élevé passe devant."),
        ("Operator carrying the module", "Opérateur qui porte le module (identifiant)."),
        ("Step id", "Identifiant de l'étape du parcours."),
        ("One line, for the short view", "Une ligne, pour la vue résumée."),
        ("Theme ids", "Thèmes (identifiants, au moins un)."),
        ("`https:` or `mailto:` only", "Lien https: ou mailto: uniquement."),
        ("Short name shown on cards", "Nom court affiché sur les cartes (BdT, Cerema, ADEME…)."),
        ("Official root domain only", "Adresse racine officielle uniquement (https://…/), jamais un lien profond deviné."),
        ("Offers « Je ne sais pas »", "Propose la réponse « Je ne sais pas »."),
        ("« Pourquoi cette question ? »", "« Pourquoi cette question ? »"),
        ("Stable id: saved answers", "Identifiant stable : les réponses enregistrées et les liens de partage y font référence."),
        ("Bounds for `scale`", "Bornes : obligatoires pour une échelle, facultatives pour un nombre."),
        ("Labels of the two ends", "Libellés des deux extrémités d'une échelle."),
        ("For `single` and `multiple`", "Pour les questions à choix unique ou multiple (interdit pour les autres)."),
        ("Unit shown after a number", "Unité affichée après un nombre (« hectares », « salariés »)."),
        ("One option.", "Une seule option."),
        ("Any number of options", "Plusieurs options possibles."),
        ("Options are implicit", "Options implicites : oui et non."),
        ("An integer between `min` and `max`", "Un entier entre min et max, avec un libellé pour chaque extrémité."),
        ("An integer, optionally bounded", "Un entier, éventuellement borné."),
        ("Shown in order; a group whose", "Étapes du questionnaire, dans l'ordre ; une étape dont la condition visible_if n'est pas remplie est sautée."),
        ("Modules this rule recommends", "Modules recommandés par cette règle."),
        ("Shown under « Recommandé parce que", "Affiché sous « Recommandé parce que … », écrit pour un élu (« Vous indiquez que … »)."),
        ("Added to each module's score", "Ajouté au score de chaque module quand la règle s'applique (au moins 1)."),
        ("Author or publisher", "Auteur ou éditeur, par exemple « Intercommunalités de France »."),
        ("Source id", "Identifiant de la source."),
        ("Short quotation", "Courte citation, quand elle aide à vérifier le module d'après sa source."),
        ("Section of that document", "Partie du document, avec son titre."),
    ];
    TABLE
        .iter()
        .find(|(prefix, _)| en.starts_with(prefix))
        .map(|(_, fr)| *fr)
}
