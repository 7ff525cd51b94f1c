//! The published catalogue: the response `loader.js` fetched, read (and,
//! in the Atelier's bundle, validated) into a `Catalogue`.

use std::sync::Arc;

use parcours_core::read::{self, FromJson};
use parcours_core::{Catalogue, Diagnostic, DiagnosticKind};

use crate::dom;

/// Where the catalogue is, relative to the document (so under any sub-path).
pub const CATALOGUE_PATH: &str = "content/catalogue.json";

#[derive(Debug, Clone, PartialEq)]
pub enum CatalogueState {
    Loading,
    Ready(Arc<Catalogue>),
    Failed(LoadFailure),
}

/// Why the catalogue is unusable: a sentence for everyone, details for the
/// site's web team.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadFailure {
    pub summary: String,
    pub details: Vec<String>,
}

/// Reads the text of the published catalogue.
///
/// The public bundle is started by `loader.js` only on the file whose
/// digest the build stamped after `catalogue check` (tools/postbuild.py):
/// it reads the types (`read_published`) and carries neither the validator
/// nor the locator of errors (20 KiB of wasm, BENCHMARKS.md). Any other
/// file starts the Atelier's bundle, which validates it like `catalogue
/// check` (without the checks of the day: a visitor's clock never refuses
/// a catalogue) and lists each problem, located.
pub fn parse(text: &str) -> Result<Catalogue, LoadFailure> {
    #[cfg(feature = "atelier")]
    let read = parcours_core::load(text);
    #[cfg(not(feature = "atelier"))]
    let read = read_published(text);
    read.map_err(|diagnostics| failure(&diagnostics))
}

/// The checked catalogue's types, and the first problem unlocated: on the
/// file the build checked, a problem here would mean that this reader and
/// the build's disagree, not an editor's mistake to point at.
pub fn read_published(text: &str) -> Result<Catalogue, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let json = read::parse(text).map_err(|e| {
        let at = format!(
            "JSON illisible (ligne {}, colonne {})",
            e.line(),
            e.column()
        );
        vec![Diagnostic::invalid("", at)]
    })?;
    Catalogue::from_json(json).map_err(|d| vec![d])
}

/// What the page says of a catalogue that cannot be used.
pub fn failure(diagnostics: &[Diagnostic]) -> LoadFailure {
    let schema_problem = diagnostics
        .iter()
        .any(|d| d.kind == DiagnosticKind::UnsupportedSchema);
    LoadFailure {
        summary: if schema_problem {
            "Le catalogue publié est dans un format que cette version de l'application ne sait pas lire.".into()
        } else {
            format!(
                "Le catalogue publié contient {} : il n'a pas été utilisé.",
                plural(diagnostics.len(), "erreur", "erreurs")
            )
        },
        details: diagnostics.iter().map(located).collect(),
    }
}

/// A diagnostic with its position in the file, when known.
fn located(d: &Diagnostic) -> String {
    match (d.line, d.column) {
        (Some(line), Some(column)) => format!("ligne {line}, colonne {column} — {d}"),
        _ => d.to_string(),
    }
}

/// « 1 erreur », « 3 erreurs ».
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn not_downloaded(detail: String) -> LoadFailure {
    LoadFailure {
        summary: "Le catalogue des services n'a pas pu être téléchargé : vérifiez votre connexion, puis réessayez.".into(),
        details: vec![detail],
    }
}

/// The catalogue `loader.js` fetched for this page (one download, and the
/// very response whose digest it checked), read once.
pub async fn fetch() -> Result<Catalogue, LoadFailure> {
    let request = format!("Requête {CATALOGUE_PATH}");
    let response = dom::take_global_promise("parcoursCatalogue")
        .ok_or_else(|| not_downloaded(format!("{request} : loader.js ne l'a pas faite")))?;
    let response: web_sys::Response = dom::settle(response)
        .await
        .map_err(|e| not_downloaded(format!("{request} : {e}")))?;
    let url = response.url();
    if !response.ok() {
        return Err(LoadFailure {
            summary: format!(
                "Le catalogue des services est introuvable sur le serveur (erreur {}).",
                response.status()
            ),
            details: vec![format!(
                "GET {url} : {} {}. Le fichier {CATALOGUE_PATH} doit être publié à côté de index.html.",
                response.status(),
                response.status_text()
            )],
        });
    }
    let text = dom::body_text(&response).await.map_err(|e| LoadFailure {
        summary: "Le catalogue des services n'a pas pu être lu entièrement : réessayez.".into(),
        details: vec![format!("Lecture de {url} : {e}")],
    })?;
    // The catalogue often arrives before the wasm has started: without this
    // its parse would run in the task that mounts the first page.
    dom::next_task().await;
    parse(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../content/catalogue.json"
        ))
        .unwrap()
    }

    #[test]
    fn plural_agrees() {
        assert_eq!(plural(1, "erreur", "erreurs"), "1 erreur");
        assert_eq!(plural(2, "erreur", "erreurs"), "2 erreurs");
    }

    #[test]
    fn the_public_reading_says_what_it_could_not_read() {
        let broken = failure(&read_published("{ pas du json").unwrap_err());
        assert_eq!(broken.details, ["JSON illisible (ligne 1, colonne 3)"]);
        assert!(broken.summary.contains("1 erreur"), "{broken:?}");
        let mistyped = failure(&read_published(r#"{"schema": "2"}"#).unwrap_err());
        assert!(mistyped.details[0].starts_with("/schema"), "{mistyped:?}");
        assert!(parse("{ pas du json").is_err());
    }

    #[test]
    fn real_catalogue_reads_as_the_build_checked_it() {
        let text = published();
        let read = read_published(&text).unwrap();
        assert_eq!(read, parcours_core::load(&text).unwrap());
        assert_eq!(parse(&text).unwrap(), read);
    }

    /// What the Atelier's bundle says of a catalogue in another format.
    #[test]
    fn unknown_schema_says_so() {
        let mut value: serde_json::Value = serde_json::from_str(&published()).unwrap();
        value["schema"] = 999.into();
        let failure = failure(&parcours_core::load(&value.to_string()).unwrap_err());
        assert!(failure.summary.contains("format"), "{failure:?}");
    }

    /// What the Atelier's bundle says of a catalogue that reads but fails
    /// validation: each error, located.
    #[test]
    fn validation_errors_are_counted_and_located() {
        let mut value: serde_json::Value = serde_json::from_str(&published()).unwrap();
        value["modules"][1]["id"] = value["modules"][0]["id"].clone();
        value["modules"][2]["provider"] = "operateur-inconnu".into();
        let text = serde_json::to_string_pretty(&value).unwrap();
        let diagnostics = parcours_core::load(&text).unwrap_err();
        let failure = failure(&diagnostics);
        let count = format!("contient {} erreurs :", diagnostics.len());
        assert!(failure.summary.contains(&count), "{failure:?}");
        for pointer in ["/modules/1/id", "/modules/2/provider"] {
            assert!(
                failure
                    .details
                    .iter()
                    .any(|d| d.starts_with("ligne ") && d.contains(pointer)),
                "{pointer}: {failure:?}"
            );
        }
    }
}
