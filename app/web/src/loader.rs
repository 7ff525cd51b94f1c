//! Fetches and checks the published catalogue.

use std::sync::Arc;

use parcours_core::{Catalogue, DiagnosticKind};

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

/// The URL to fetch: the version stamped into `index.html` at build time
/// busts caches when a new catalogue is published.
pub fn catalogue_url(stamped_version: Option<&str>) -> String {
    match stamped_version
        .map(str::trim)
        .filter(|v| is_version_like(v))
    {
        Some(v) => format!("{CATALOGUE_PATH}?v={v}"),
        None => CATALOGUE_PATH.to_string(),
    }
}

fn is_version_like(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 32
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
}

/// Parses and validates the text of a catalogue.
pub fn parse(text: &str) -> Result<Catalogue, LoadFailure> {
    parcours_core::load(text).map_err(|diagnostics| {
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
    })
}

/// A diagnostic with its position in the file, when known.
fn located(d: &parcours_core::Diagnostic) -> String {
    match (d.line, d.column) {
        (Some(line), Some(column)) => format!("ligne {line}, colonne {column} — {d}"),
        _ => d.to_string(),
    }
}

/// « 1 erreur », « 3 erreurs ».
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Fetches the catalogue from the deployed site.
pub async fn fetch(stamped_version: Option<String>) -> Result<Catalogue, LoadFailure> {
    let url = catalogue_url(stamped_version.as_deref());
    // The version goes through `query`: gloo-net appends `&` to a URL that
    // already has a query, which would no longer match the preload of
    // index.html (`content/catalogue.json?v=…`) and fetch it twice.
    let request = match url.split_once("?v=") {
        Some((path, version)) => gloo_net::http::Request::get(path).query([("v", version)]),
        None => gloo_net::http::Request::get(&url),
    };
    let response = request
        .send()
        .await
        .map_err(|e| LoadFailure {
            summary: "Le catalogue des services n'a pas pu être téléchargé : vérifiez votre connexion, puis réessayez.".into(),
            details: vec![format!("Requête {url} : {e}")],
        })?;
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
    let text = response.text().await.map_err(|e| LoadFailure {
        summary: "Le catalogue des services n'a pas pu être lu entièrement : réessayez.".into(),
        details: vec![format!("Lecture de {url} : {e}")],
    })?;
    // The catalogue often arrives before the wasm has started: without this
    // its parse would run in the task that mounts the first page.
    crate::dom::next_task().await;
    parse(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_carries_a_plausible_version_only() {
        assert_eq!(
            catalogue_url(Some("2026.11.0")),
            "content/catalogue.json?v=2026.11.0"
        );
        assert_eq!(catalogue_url(None), "content/catalogue.json");
        // Unstamped template or junk: fetch without cache-buster.
        assert_eq!(catalogue_url(Some("")), "content/catalogue.json");
        assert_eq!(catalogue_url(Some("a b&c")), "content/catalogue.json");
    }

    #[test]
    fn plural_agrees() {
        assert_eq!(plural(1, "erreur", "erreurs"), "1 erreur");
        assert_eq!(plural(2, "erreur", "erreurs"), "2 erreurs");
    }

    #[test]
    fn broken_text_is_a_failure_with_details() {
        let failure = parse("{ pas du json").unwrap_err();
        assert!(!failure.details.is_empty());
        assert!(failure.summary.contains("erreur"));
    }

    #[test]
    fn unknown_schema_says_so() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../content/catalogue.json"
        ))
        .unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["schema"] = 999.into();
        let failure = parse(&value.to_string()).unwrap_err();
        assert_eq!(
            failure.summary,
            "Le catalogue publié est dans un format que cette version de l'application ne sait pas lire."
        );
        // A `schema` of the wrong type is an error like any other.
        value["schema"] = "2".into();
        let failure = parse(&value.to_string()).unwrap_err();
        assert_eq!(
            failure.summary,
            "Le catalogue publié contient 1 erreur : il n'a pas été utilisé."
        );
    }

    #[test]
    fn real_catalogue_loads() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../content/catalogue.json"
        ))
        .unwrap();
        assert!(parse(&text).is_ok());
    }
}
