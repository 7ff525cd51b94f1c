//! Files the user takes away and brings back: the answers as JSON (to
//! re-import, with the pathway they gave), the pathway as Markdown and CSV.
//! Pure functions, tested natively; the page only moves bytes.

use parcours_core::read::{self, FromJson, Json, Number};
use parcours_core::{Answers, Pathway};
use serde::Serialize;

/// Marks a file as ours: anything else is refused with a clear message.
pub const FORMAT: &str = "parcours-ti/reponses";
pub const FORMAT_VERSION: u32 = 1;
/// Larger files are not answers to a questionnaire of a few dozen questions.
pub const MAX_BYTES: usize = 512 * 1024;

/// The exported answers file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswersFile {
    pub format: String,
    pub format_version: u32,
    /// Catalogue version the answers were given against (for migration).
    pub catalogue_version: String,
    /// `YYYY-MM-DD`.
    pub exported: String,
    pub answers: Answers,
    /// The pathway of these answers on the day of export, for whoever reads
    /// the file (every module with its nature, status, way in and official
    /// link; what is listed apart). Never read back: an import recomputes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pathway: Option<Pathway>,
    /// The file read carries a feuille de route (`feuille_de_route`),
    /// which only the plan's page takes in.
    #[serde(skip)]
    pub has_plan: bool,
}

impl AnswersFile {
    pub fn new(catalogue_version: &str, exported: &str, answers: Answers) -> AnswersFile {
        AnswersFile {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            catalogue_version: catalogue_version.into(),
            exported: exported.into(),
            answers,
            pathway: None,
            has_plan: false,
        }
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default(); // cannot fail: strings and string maps
        text.push('\n');
        text
    }
}

/// Why an imported file was not read. Its French sentence, for the user,
/// is its `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswersFileError {
    /// Larger than [`MAX_BYTES`]: not answers to this questionnaire.
    TooLarge,
    /// Not JSON, or not marked as one of our files.
    NotOurs,
    /// One of ours, in a format version this build does not read.
    OtherVersion,
    /// One of ours, but the version or the answers cannot be read.
    Damaged,
}

impl std::fmt::Display for AnswersFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NOT_OURS: &str = "Ce fichier n'est pas un fichier de réponses de Parcours Territoires d'industrie. Choisissez le fichier « reponses-parcours-ti-….json » obtenu avec « Télécharger mes réponses (JSON) ».";
        match self {
            AnswersFileError::TooLarge => write!(
                f,
                "{NOT_OURS} (il est beaucoup trop volumineux pour en être un)."
            ),
            AnswersFileError::NotOurs => f.write_str(NOT_OURS),
            AnswersFileError::OtherVersion => f.write_str("Ce fichier de réponses a été produit par une autre version de l'application et ne peut pas être lu ici."),
            AnswersFileError::Damaged => f.write_str("Ce fichier de réponses est endommagé : certaines réponses sont illisibles. Aucune réponse n'a été modifiée."),
        }
    }
}

/// Whether a file of `len` bytes may be an answers file: checked before
/// its text is even read.
pub fn check_size(len: usize) -> Result<(), AnswersFileError> {
    if len > MAX_BYTES {
        Err(AnswersFileError::TooLarge)
    } else {
        Ok(())
    }
}

/// Reads an imported file.
pub fn read_answers_file(text: &str) -> Result<AnswersFile, AnswersFileError> {
    check_size(text.len())?;
    let text = text.trim_start_matches('\u{feff}');
    // What says whose file it is comes first; other fields are ignored.
    let mut v = read::parse(text).map_err(|_| AnswersFileError::NotOurs)?;
    if !matches!(v.take("format"), Some(Json::Str(f)) if f == FORMAT) {
        return Err(AnswersFileError::NotOurs);
    }
    match v.take("format_version") {
        Some(Json::Num(Number::U(n))) if n == u64::from(FORMAT_VERSION) => {}
        // Another version, or none said: not readable here.
        None | Some(Json::Null) | Some(Json::Num(Number::U(_))) => {
            return Err(AnswersFileError::OtherVersion);
        }
        Some(_) => return Err(AnswersFileError::NotOurs),
    }
    let has_plan = !matches!(v.take("feuille_de_route"), None | Some(Json::Null));
    let rest = |v: &mut Json| {
        Some(AnswersFile::new(
            &String::from_json(v.take("catalogue_version")?).ok()?,
            &String::from_json(v.take("exported")?).ok()?,
            Answers::from_json(v.take("answers")?).ok()?,
        ))
    };
    let mut file = rest(&mut v).ok_or(AnswersFileError::Damaged)?;
    file.has_plan = has_plan;
    Ok(file)
}

/// [`read_answers_file`], the error as the sentence the page shows.
pub fn parse_answers_file(text: &str) -> Result<AnswersFile, String> {
    read_answers_file(text).map_err(|e| e.to_string())
}

/// `parcours-ti-2026-11-26.md`, `reponses-parcours-ti-2026-11-26.json`.
pub fn file_name(prefix: &str, date_iso: &str, extension: &str) -> String {
    let date: String = date_iso
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    format!("{prefix}-{date}.{extension}")
}

/// Markdown export with the territory's name and the share link on top.
pub fn markdown_with_header(markdown: &str, territory: &str, link: &str, date: &str) -> String {
    let mut out = String::new();
    let mut lines = markdown.splitn(2, '\n');
    let title = lines.next().unwrap_or_default();
    let rest = lines.next().unwrap_or_default();
    out.push_str(title);
    out.push_str("\n\n");
    let territory = territory.split_whitespace().collect::<Vec<_>>().join(" ");
    if !territory.is_empty() {
        let escaped: String = territory
            .chars()
            .flat_map(|c| {
                let escape = matches!(
                    c,
                    '\\' | '*' | '_' | '`' | '#' | '<' | '>' | '[' | ']' | '|'
                );
                escape.then_some('\\').into_iter().chain(std::iter::once(c))
            })
            .collect();
        out.push_str(&format!("Territoire : {escaped}\n\n"));
    }
    out.push_str(&format!("Établi le {date}.\n\n"));
    out.push_str(&format!("Lien vers ce parcours : <{link}>\n"));
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use parcours_core::Answer;

    fn answers() -> Answers {
        let mut a = Answers::new();
        a.insert("themes".into(), Answer::Options(vec!["foncier".into()]));
        a.insert("fon-saturation".into(), Answer::Number(3));
        a.insert("fon-taxe".into(), Answer::Unknown);
        a
    }

    #[test]
    fn exported_answers_read_back() {
        let file = AnswersFile::new("2026.11.0", "2026-11-26", answers());
        assert_eq!(read_answers_file(&file.to_json()), Ok(file));
    }

    #[test]
    fn the_answers_file_carries_the_pathway_with_what_is_apart() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/scenarios/basin_short_of_skilled_workers_without_training.json"
        ))
        .unwrap();
        let cat = parcours_core::load(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../content/catalogue.json"
            ))
            .unwrap(),
        )
        .unwrap();
        let answers: Answers = serde_json::from_str(&text).unwrap();
        let mut file = AnswersFile::new(&cat.version, "2026-12-02", answers.clone());
        file.pathway = Some(parcours_core::pathway(&cat, &answers, "2026-12-02"));
        let json: serde_json::Value = serde_json::from_str(&file.to_json()).unwrap();
        let steps = json["pathway"]["steps"].as_array().unwrap();
        let first = &steps[0]["modules"][0];
        for key in [
            "id", "title", "nature", "status", "url", "access", "reasons",
        ] {
            assert!(first.get(key).is_some(), "{key}: {first}");
        }
        let apart = json["pathway"]["not_actionable"].as_array().unwrap();
        assert!(apart.iter().any(|m| m["standing"] == "proposition"));
        assert!(apart
            .iter()
            .any(|m| m["standing"] == "closed" && m["state"] == "clos"));
        // Read back, the answers alone (the pathway is recomputed).
        let back = read_answers_file(&file.to_json()).unwrap();
        assert_eq!((back.answers, back.pathway), (answers, None));
    }

    #[test]
    fn foreign_files_are_refused_with_a_message() {
        for text in [
            "",
            "pas du json",
            "{}",
            "[1,2]",
            r#"{"profil-ti":"oui"}"#,
            r#"{"format":"autre","format_version":1}"#,
            r#"{"format":3,"format_version":1}"#,
            // A version that is no version number: not one of our files.
            r#"{"format":"parcours-ti/reponses","format_version":"1"}"#,
            r#"{"format":"parcours-ti/reponses","format_version":-1}"#,
            r#"{"format":"parcours-ti/reponses","format_version":1.0}"#,
        ] {
            assert_eq!(
                read_answers_file(text),
                Err(AnswersFileError::NotOurs),
                "{text}"
            );
        }
        for version in ["9", "null", "absent"] {
            let other =
                format!(r#"{{"format":"parcours-ti/reponses","format_version":{version}}}"#)
                    .replace(r#","format_version":absent"#, "");
            assert_eq!(
                read_answers_file(&other),
                Err(AnswersFileError::OtherVersion),
                "{other}"
            );
        }
        let head = r#""format":"parcours-ti/reponses","format_version":1"#;
        for rest in [
            r#""catalogue_version":"x","exported":"y","answers":{"q":{"a":1}}"#,
            r#""catalogue_version":"x","answers":{}"#,
            r#""catalogue_version":"x","exported":2,"answers":{}"#,
            r#""catalogue_version":"x","exported":"y","answers":[]"#,
        ] {
            let damaged = format!("{{{head},{rest}}}");
            assert_eq!(
                read_answers_file(&damaged),
                Err(AnswersFileError::Damaged),
                "{damaged}"
            );
        }
        // Fields of later versions are ignored.
        let extra = format!(
            r#"{{{head},"catalogue_version":"x","exported":"y","answers":{{"q":"oui"}},"notes":[1]}}"#
        );
        assert_eq!(
            read_answers_file(&extra).unwrap().answers.get("q"),
            Some(&Answer::Option("oui".into()))
        );
        let huge = format!("\"{}\"", "a".repeat(MAX_BYTES + 1));
        assert_eq!(read_answers_file(&huge), Err(AnswersFileError::TooLarge));
        assert_eq!(check_size(MAX_BYTES), Ok(()));
        assert_eq!(check_size(MAX_BYTES + 1), Err(AnswersFileError::TooLarge));
    }

    #[test]
    fn each_refusal_says_why_in_french() {
        let says = |e: AnswersFileError, part: &str| {
            let text = e.to_string();
            assert!(text.contains(part), "{e:?}: {text}");
        };
        says(
            AnswersFileError::NotOurs,
            "n'est pas un fichier de réponses",
        );
        says(
            AnswersFileError::TooLarge,
            "n'est pas un fichier de réponses",
        );
        says(AnswersFileError::TooLarge, "trop volumineux");
        says(AnswersFileError::OtherVersion, "autre version");
        says(AnswersFileError::Damaged, "endommagé");
        assert_eq!(
            parse_answers_file("{}"),
            Err(AnswersFileError::NotOurs.to_string())
        );
    }

    #[test]
    fn file_names_carry_the_date() {
        assert_eq!(
            file_name("parcours-ti", "2026-11-26", "md"),
            "parcours-ti-2026-11-26.md"
        );
        assert_eq!(file_name("x", "../2026", "csv"), "x-2026.csv");
    }

    #[test]
    fn markdown_header_names_the_territory_and_the_link() {
        let md = "# Parcours\n\nCatalogue version 1.\n";
        let out = markdown_with_header(
            md,
            "  Vallée *de* la Bresle ",
            "https://x/#/parcours?r=A",
            "26 novembre 2026",
        );
        assert!(out.starts_with("# Parcours\n\nTerritoire : Vallée \\*de\\* la Bresle\n\n"));
        assert!(out.contains("Établi le 26 novembre 2026."));
        assert!(out.contains("<https://x/#/parcours?r=A>"));
        assert!(out.ends_with("Catalogue version 1.\n"));
        assert!(!markdown_with_header(md, "", "l", "d").contains("Territoire"));
    }
}
