//! The catalogue's offers as open data, in the national table schema
//! `etalab/schema-dispositif-aide` 0.2.0 (Licence Ouverte 2.0): one CSV row
//! per module of nature `offre`, never an action or a proposition.
//!
//! Everything here is a plain function of the catalogue: no clock, no
//! randomness, rows in catalogue order, so that the same catalogue always
//! gives the same bytes. What each column comes from is documented in
//! `content/README.md` (« Publier les offres en données ouvertes »).

use std::fmt;

use serde::Serialize;
use uuid::Uuid;

use crate::date;
use crate::model::{Catalogue, Module, Nature, State};

/// The schema, as data.gouv.fr names it.
pub const SCHEMA: &str = "etalab/schema-dispositif-aide";
/// The version of the schema the export follows.
pub const SCHEMA_VERSION: &str = "0.2.0";

/// The columns, in the schema's order.
pub const FIELDS: [&str; 15] = [
    "id",
    "titre",
    "promesse",
    "description",
    "eligibilite",
    "types_aides",
    "porteurs",
    "programmes_parents",
    "url_source",
    "cibles",
    "eligibilite_geographique",
    "eligibilite_geographique_exclusions",
    "date_ouverture",
    "date_cloture",
    "date_mise_a_jour",
];

/// Maximum lengths the schema sets (`promesse`, `description`).
pub const PROMISE_MAX: usize = 180;
pub const DESCRIPTION_MAX: usize = 5000;

/// Namespace of the modules' UUIDs (v5, name = the module's `id`). Drawn at
/// random once (v4, 2 December 2026); never change it, or every published
/// row would get a new `id`.
pub const NAMESPACE: Uuid = Uuid::from_u128(0x575e_e16f_8576_4fe4_9f7a_b347_909d_1c70);

/// `cibles`: the catalogue is written for intercommunalités.
pub const TARGETS: &str = "secteur public";
/// `eligibilite_geographique`: France (code COG of the country). The
/// catalogue has no field for a narrower coverage.
pub const COVERAGE: &str = "PAYS-99100";

/// SIREN of operators, only where an official source gives it. The others
/// are exported without one.
const SIREN: &[(&str, &str)] = &[
    // ADEME's legal notice (ademe.fr: « registered in Angers under
    // no. 385 290 309 ») and the schema's own example row.
    ("ademe", "385290309"),
    // The schema's own example row (« BPIFRANCE (BPIFRANCE) »).
    ("bpifrance", "320252489"),
];

/// A reason the export refuses the catalogue, about one module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub module: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "module « {} » : {}", self.module, self.message)
    }
}

/// One row, cells in [`FIELDS`] order (an empty cell is a missing value).
pub type Row = [String; 15];

/// The stable `id` of a module: UUID v5 of its `id` in [`NAMESPACE`].
pub fn module_uuid(id: &str) -> String {
    Uuid::new_v5(&NAMESPACE, id.as_bytes())
        .hyphenated()
        .to_string()
}

/// `types_aides` for a kind of the catalogue, in the schema's vocabulary
/// (assistance, avantage fiscal, conseil, étude, financement, formation,
/// information, prêt). `None` for a kind this build does not know.
pub fn aid_types(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "ingenierie" | "reseau-animation" | "label-ami" | "emploi" => "conseil",
        "financement" => "financement",
        "formation" => "formation",
        "outil-donnees" | "cadre" => "information",
        _ => return None,
    })
}

/// Roles of the module's operator, in the schema's vocabulary (diffuseur,
/// financeur, instructeur), by kind: a fund's operator finances and
/// instructs, a tool's publishes, the others instruct the requests.
pub fn operator_roles(kind: &str) -> &'static [&'static str] {
    match kind {
        "financement" => &["financeur", "instructeur"],
        "outil-donnees" => &["diffuseur"],
        _ => &["instructeur"],
    }
}

/// Roles of a partner: the catalogue says only that they co-operate, so
/// they are named as relaying the offer.
pub const PARTNER_ROLES: &[&str] = &["diffuseur"];

#[derive(Serialize)]
struct Carrier<'a> {
    nom: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    siren: Option<&'a str>,
    roles: &'a [&'a str],
}

/// `porteurs`: the operator, then the partners, as the JSON list
/// `[{ nom, siren, roles[] }]` the schema describes (no `siren` when none is
/// known).
pub fn carriers(cat: &Catalogue, m: &Module) -> String {
    let mut ids = vec![m.provider.as_str()];
    for p in &m.partners {
        if !ids.contains(&p.as_str()) {
            ids.push(p);
        }
    }
    let list: Vec<Carrier> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| Carrier {
            nom: cat.provider(id).map_or(id, |p| p.name.as_str()),
            siren: SIREN.iter().find(|(p, _)| p == id).map(|(_, s)| *s),
            roles: if i == 0 {
                operator_roles(&m.kind)
            } else {
                PARTNER_ROLES
            },
        })
        .collect();
    serde_json::to_string(&list).unwrap_or_default()
}

/// A day of the catalogue (`YYYY-MM-DD`) as the schema's datetime: its
/// first second (`end` false) or its last (`end` true), Paris legal time,
/// with its offset (`2021-10-15T23:59:59+02:00`). `None` if it is no date.
pub fn paris_datetime(day: &str, end: bool) -> Option<String> {
    if !date::is_date(day) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| day[r].parse::<i64>().unwrap_or(0);
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    let days = days_from_civil(y, m, d);
    // EU summer time: from the last Sunday of March, 02:00 (→ 03:00), to
    // the last Sunday of October, 03:00 (→ 02:00). Midnight is before the
    // first change, 23:59:59 after either.
    let (start, stop) = (last_sunday(y, 3), last_sunday(y, 10));
    let summer = if end {
        days >= start && days < stop
    } else {
        days > start && days <= stop
    };
    let time = if end { "23:59:59" } else { "00:00:00" };
    let offset = if summer { "+02:00" } else { "+01:00" };
    Some(format!("{day}T{time}{offset}"))
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The last Sunday of a 31-day month, in days since 1970-01-01.
fn last_sunday(y: i64, m: i64) -> i64 {
    let last = days_from_civil(y, m, 31);
    // 1970-01-01 was a Thursday: (days + 4) mod 7 is 0 on Sundays.
    last - (last + 4).rem_euclid(7)
}

/// Verbs whose imperative is not the infinitive with `-er` made `-ez`.
const IRREGULAR: &[(&str, &str)] = &[
    ("accueillir", "accueillez"),
    ("agir", "agissez"),
    ("apprendre", "apprenez"),
    ("avoir", "ayez"),
    ("bâtir", "bâtissez"),
    ("choisir", "choisissez"),
    ("comprendre", "comprenez"),
    ("conduire", "conduisez"),
    ("connaître", "connaissez"),
    ("construire", "construisez"),
    ("découvrir", "découvrez"),
    ("définir", "définissez"),
    ("devenir", "devenez"),
    ("dire", "dites"),
    ("écrire", "écrivez"),
    ("entreprendre", "entreprenez"),
    ("établir", "établissez"),
    ("être", "soyez"),
    ("faire", "faites"),
    ("fournir", "fournissez"),
    ("inscrire", "inscrivez"),
    ("investir", "investissez"),
    ("joindre", "joignez"),
    ("lire", "lisez"),
    ("maintenir", "maintenez"),
    ("mettre", "mettez"),
    ("obtenir", "obtenez"),
    ("offrir", "offrez"),
    ("ouvrir", "ouvrez"),
    ("permettre", "permettez"),
    ("poursuivre", "poursuivez"),
    ("prendre", "prenez"),
    ("prévoir", "prévoyez"),
    ("produire", "produisez"),
    ("promouvoir", "promouvez"),
    ("recevoir", "recevez"),
    ("reconnaître", "reconnaissez"),
    ("réduire", "réduisez"),
    ("réfléchir", "réfléchissez"),
    ("rejoindre", "rejoignez"),
    ("remplir", "remplissez"),
    ("rendre", "rendez"),
    ("répondre", "répondez"),
    ("réunir", "réunissez"),
    ("réussir", "réussissez"),
    ("savoir", "sachez"),
    ("servir", "servez"),
    ("soutenir", "soutenez"),
    ("suivre", "suivez"),
    ("tenir", "tenez"),
    ("venir", "venez"),
    ("voir", "voyez"),
];

/// Words in `-er` that are no verbs.
const NOT_VERBS: &[&str] = &[
    "atelier",
    "calendrier",
    "chantier",
    "cher",
    "dernier",
    "dossier",
    "entier",
    "fer",
    "fichier",
    "financier",
    "foncier",
    "hier",
    "hiver",
    "immobilier",
    "léger",
    "mer",
    "métier",
    "ouvrier",
    "particulier",
    "premier",
    "quartier",
    "régulier",
];

/// The imperative (« vous ») of an infinitive, in lower case.
fn imperative(infinitive: &str) -> Option<String> {
    if let Some((_, imp)) = IRREGULAR.iter().find(|(inf, _)| *inf == infinitive) {
        return Some((*imp).to_string());
    }
    let stem = infinitive.strip_suffix("er")?;
    (stem.chars().count() >= 2
        && stem.chars().all(char::is_alphabetic)
        && !NOT_VERBS.contains(&infinitive))
    .then(|| format!("{stem}ez"))
}

/// Already an imperative: an editor may write the summary that way.
fn is_imperative(word: &str) -> bool {
    word.ends_with("ez") || IRREGULAR.iter().any(|(_, imp)| *imp == word)
}

/// The word of a token, without the punctuation around it.
fn word_of(token: &str) -> &str {
    token.trim_matches(|c: char| !c.is_alphabetic() && c != '’' && c != '\'' && c != '-')
}

/// `word` without an elided `d’` / `l’` / `s’`…, and whether it had one.
fn elided(word: &str) -> (&str, bool) {
    for apostrophe in ['’', '\''] {
        if let Some((head, rest)) = word.split_once(apostrophe) {
            if head.chars().count() <= 3 && !rest.is_empty() {
                return (rest, true);
            }
        }
    }
    (word, false)
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `promesse`: the summary as an imperative sentence addressed to « vous »,
/// without its final full stop. The summary must start with a verb in the
/// infinitive (« Recenser les zones… » → « Recensez les zones… »), or with
/// an imperative; a verb coordinated with the first one (« Disposer … et
/// sécuriser ») is conjugated too, not one that depends on a preposition
/// (« à recruter et fidéliser »). Never cut: an error says what is wrong.
pub fn promise(summary: &str) -> Result<String, String> {
    let text = summary.trim().trim_end_matches('.').trim_end();
    if text.is_empty() {
        return Err("le résumé (summary) est vide : la promesse en est tirée".into());
    }
    let mut tokens: Vec<String> = text.split(' ').map(str::to_string).collect();
    let first = word_of(&tokens[0]).to_lowercase();
    // « Se faire accompagner » → « Faites-vous accompagner »,
    // « S’appuyer » → « Appuyez-vous ».
    let (verb, pronominal, skip) = if first == "se" && tokens.len() > 1 {
        (word_of(&tokens[1]).to_lowercase(), true, 2)
    } else if let Some(rest) = first
        .strip_prefix("s’")
        .or_else(|| first.strip_prefix("s'"))
    {
        (rest.to_string(), true, 1)
    } else {
        (first.clone(), false, 1)
    };
    let head = if is_imperative(&verb) {
        verb
    } else {
        imperative(&verb).ok_or_else(|| {
            format!(
                "le résumé (summary) doit commencer par un verbe à l’infinitif, pour en tirer la promesse à l’impératif ; il commence par « {} »",
                word_of(&tokens[0])
            )
        })?
    };
    let head = if pronominal {
        format!("{head}-vous")
    } else {
        head
    };
    // The verb's token keeps its punctuation (« Anticiper, avec… »).
    let verb_token = &tokens[skip - 1];
    let first_token = verb_token.replacen(word_of(verb_token), &capitalise(&head), 1);
    tokens.splice(0..skip, [first_token]);
    // Coordinated infinitives take the imperative too.
    let mut coordinated = true;
    for i in 1..tokens.len() {
        let word = word_of(&tokens[i]).to_string();
        let (bare, had_elision) = elided(&word);
        let Some(imp) = imperative(&bare.to_lowercase()) else {
            continue;
        };
        let previous = word_of(&tokens[i - 1]).to_lowercase();
        if coordinated && !had_elision && (previous == "et" || previous == "ou") {
            tokens[i] = tokens[i].replacen(&word, &imp, 1);
        } else {
            coordinated = false;
        }
    }
    let promise = tokens.join(" ");
    let n = promise.chars().count();
    if n > PROMISE_MAX {
        return Err(format!(
            "la promesse tirée du résumé (summary) fait {n} caractères, le schéma en admet {PROMISE_MAX} : raccourcissez le résumé (« {promise} »)"
        ));
    }
    Ok(promise)
}

/// `description`: what an agent needs to understand the offer, from the
/// module's texts, ending with its state and where it was read.
pub fn description(m: &Module) -> String {
    let mut parts = vec![m.summary.trim().to_string()];
    parts.push(format!("Ce que cela apporte : {}", m.benefits.trim()));
    if let Some(c) = &m.cost {
        parts.push(format!("Coût : {}", c.trim()));
    }
    if let Some(d) = &m.duration {
        parts.push(format!("Durée : {}", d.trim()));
    }
    parts.push(format!("Comment y accéder : {}", m.access.trim()));
    if let Some(s) = &m.status {
        let state = match s.state {
            State::Permanent => "offre permanente, sans date limite",
            State::Ouvert => "appel ouvert",
            State::Clos => "dispositif clos, plus rien à quoi candidater",
            State::AConfirmer => {
                "l’offre existe, mais son édition en cours n’a pu être confirmée sur une page officielle"
            }
        };
        parts.push(format!(
            "État : {state} (vérifié le {} sur {}).",
            date::french(&s.checked),
            s.checked_at
        ));
    }
    parts.join("\n")
}

/// The row of one offer, or what prevents it.
pub fn row(cat: &Catalogue, m: &Module) -> Result<Row, Vec<String>> {
    let mut errors = Vec::new();
    let Some(status) = &m.status else {
        return Err(vec!["une offre doit avoir un état (status)".into()]);
    };
    // A closed offer promises nothing any more: no promise (the field is
    // optional); its description says it is closed.
    let promesse = if status.state == State::Clos {
        String::new()
    } else {
        promise(&m.summary).unwrap_or_else(|e| {
            errors.push(e);
            String::new()
        })
    };
    let description = description(m);
    let n = description.chars().count();
    if n > DESCRIPTION_MAX {
        errors.push(format!(
            "la description fait {n} caractères, le schéma en admet {DESCRIPTION_MAX} : raccourcissez summary, benefits, cost, duration ou access"
        ));
    }
    let types = aid_types(&m.kind).unwrap_or_else(|| {
        errors.push(format!(
            "le type « {} » n’a pas d’équivalent dans le vocabulaire types_aides du schéma : ajoutez-le à aid_types (app/core/src/open_data.rs)",
            m.kind
        ));
        ""
    });
    let mut day = |field: &str, value: &Option<String>, end: bool| -> String {
        let Some(v) = value else {
            return String::new();
        };
        paris_datetime(v, end).unwrap_or_else(|| {
            errors.push(format!("{field} « {v} » n’est pas une date AAAA-MM-JJ"));
            String::new()
        })
    };
    let opens = day("status.opens", &status.opens, false);
    let closes = day("status.closes", &status.closes, true);
    let checked = day("status.checked", &Some(status.checked.clone()), false);
    let url = m.url.as_deref().unwrap_or(&status.checked_at);
    if !url.starts_with("https://") && !url.starts_with("http://") {
        errors.push(format!("l’adresse « {url} » n’est pas en http(s)"));
    }
    for (field, text) in [("title", &m.title), ("audience", &m.audience)] {
        if text.trim().is_empty() {
            errors.push(format!("{field} est vide : le schéma exige une valeur"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok([
        module_uuid(&m.id),
        m.title.trim().to_string(),
        promesse,
        description,
        m.audience.trim().to_string(),
        types.to_string(),
        carriers(cat, m),
        String::new(),
        url.to_string(),
        TARGETS.to_string(),
        COVERAGE.to_string(),
        String::new(),
        opens,
        closes,
        checked,
    ])
}

/// Every offer of the catalogue, in catalogue order; every problem at once.
pub fn rows(cat: &Catalogue) -> Result<Vec<Row>, Vec<Problem>> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for m in cat.modules.iter().filter(|m| m.nature == Nature::Offre) {
        match row(cat, m) {
            Ok(r) => rows.push(r),
            Err(errors) => problems.extend(errors.into_iter().map(|message| Problem {
                module: m.id.clone(),
                message,
            })),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The CSV file (RFC 4180: comma, `"` quoting when needed, CRLF, UTF-8
/// without BOM), header first.
pub fn csv(cat: &Catalogue) -> Result<String, Vec<Problem>> {
    let mut out = String::new();
    push_record(&mut out, FIELDS.iter().copied());
    for r in rows(cat)? {
        push_record(&mut out, r.iter().map(String::as_str));
    }
    Ok(out)
}

fn push_record<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promises_are_imperative() {
        let cases = [
            (
                "Recenser les zones d’activités du territoire.",
                "Recensez les zones d’activités du territoire",
            ),
            (
                "Se faire accompagner gratuitement.",
                "Faites-vous accompagner gratuitement",
            ),
            (
                "S’appuyer sur les travaux de l’ANCT.",
                "Appuyez-vous sur les travaux de l’ANCT",
            ),
            (
                "Suivre en continu l’offre de foncier.",
                "Suivez en continu l’offre de foncier",
            ),
            (
                "Rejoindre ou faire labelliser un réseau.",
                "Rejoignez ou faites labelliser un réseau",
            ),
            (
                "Disposer d’un chef de projet et sécuriser son cofinancement.",
                "Disposez d’un chef de projet et sécurisez son cofinancement",
            ),
            (
                "Aider les PME à recruter et fidéliser, seules ou à plusieurs.",
                "Aidez les PME à recruter et fidéliser, seules ou à plusieurs",
            ),
            (
                "Anticiper, avec l’État, les risques.",
                "Anticipez, avec l’État, les risques",
            ),
            (
                "Faire connaître le foncier et le bâti.",
                "Faites connaître le foncier et le bâti",
            ),
            ("Recensez vos friches !", "Recensez vos friches !"),
        ];
        for (summary, expected) in cases {
            assert_eq!(promise(summary).as_deref(), Ok(expected), "{summary}");
        }
    }

    #[test]
    fn promises_are_refused_rather_than_cut_or_guessed() {
        let e = promise("Tiers-lieux productifs labellisés.").unwrap_err();
        assert!(e.contains("« Tiers-lieux »"), "{e}");
        assert!(promise(" . ").unwrap_err().contains("vide"));
        assert!(promise("Atelier de la Fabrique.").is_err());
        let long = format!("Recenser {}.", "les zones ".repeat(20));
        let e = promise(&long).unwrap_err();
        assert!(e.contains("208 caractères") && e.contains("180"), "{e}");
        let exact = format!("Recenser{}", " z".repeat(86));
        assert_eq!(promise(&exact).unwrap().chars().count(), 180);
    }

    #[test]
    fn uuids_are_stable_v5() {
        let id = module_uuid("inventaire-zae");
        assert_eq!(id, module_uuid("inventaire-zae"));
        assert_ne!(id, module_uuid("cartofriches"));
        let u = Uuid::parse_str(&id).unwrap();
        assert_eq!(u.get_version_num(), 5);
        // Pinned: republishing must never change a row's id.
        assert_eq!(id, "96ac26d5-f40a-542d-b63a-e7df51263c65");
    }

    #[test]
    fn paris_days_with_their_offset() {
        assert_eq!(
            paris_datetime("2026-12-02", false).unwrap(),
            "2026-12-02T00:00:00+01:00"
        );
        assert_eq!(
            paris_datetime("2021-10-15", true).unwrap(),
            "2021-10-15T23:59:59+02:00"
        );
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(
            paris_datetime("2026-03-29", false).unwrap(),
            "2026-03-29T00:00:00+01:00"
        );
        assert_eq!(
            paris_datetime("2026-03-29", true).unwrap(),
            "2026-03-29T23:59:59+02:00"
        );
        assert_eq!(
            paris_datetime("2026-10-25", false).unwrap(),
            "2026-10-25T00:00:00+02:00"
        );
        assert_eq!(
            paris_datetime("2026-10-25", true).unwrap(),
            "2026-10-25T23:59:59+01:00"
        );
        assert_eq!(paris_datetime("2026-13-01", false), None);
    }

    #[test]
    fn csv_cells_are_quoted_when_needed() {
        let mut out = String::new();
        push_record(&mut out, ["a", "b,c", "d\"e", "f\ng"].into_iter());
        assert_eq!(out, "a,\"b,c\",\"d\"\"e\",\"f\ng\"\r\n");
    }

    #[test]
    fn every_known_kind_has_a_type() {
        for k in [
            "ingenierie",
            "financement",
            "formation",
            "outil-donnees",
            "reseau-animation",
            "label-ami",
            "cadre",
            "emploi",
        ] {
            assert!(aid_types(k).is_some(), "{k}");
        }
        assert_eq!(aid_types("nouveau"), None);
    }
}
