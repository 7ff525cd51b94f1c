//! Hash routes: `#/a-propos`, `#/catalogue/…`.
//!
//! Routes live in the fragment so that `dist/` works under any sub-path of a
//! plain static server without rewrite rules: the server only ever serves
//! `index.html`, and a copied or reloaded URL renders the same page. The
//! fragment is never sent to the server either, which suits answers encoded
//! in share links.

use parcours_core::percent::{decode_lossy, encode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// The questionnaire; `None` is its first step, else a group id.
    Diagnostic(Option<String>),
    /// The pathway, from the saved answers or from a share code.
    Pathway(PathwayQuery),
    /// The catalogue browser with its filters.
    Catalogue(CatalogueQuery),
    /// One module in full.
    Module(String),
    About,
    Accessibility,
    Legal,
    Privacy,
    /// « Ma feuille de route », from this browser or from a share code.
    Plan(PlanQuery),
    /// The Atelier du catalogue, for editors (not in the main navigation).
    Atelier,
    /// Deliberately stops the app, so that the crash banner can be checked
    /// on a deployed site (and by the end-to-end tests).
    CrashTest,
    NotFound(String),
}

/// `#/parcours?r=<code>&vue=detail`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathwayQuery {
    /// Share code (answers + catalogue version), when opened from a link.
    pub code: Option<String>,
    /// « Vue détaillée » rather than « Vue synthétique ».
    pub detailed: bool,
}

/// `#/feuille-de-route?r=<code>&par=statut`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanQuery {
    /// Share code (answers, plan and catalogue version), from a link or a
    /// printed QR code.
    pub code: Option<String>,
    /// Grouped by statut rather than by step.
    pub by_status: bool,
}

/// `#/catalogue?q=…&operateur=…&theme=…&etape=…&type=…&etat=…`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogueQuery {
    pub text: String,
    pub provider: Option<String>,
    pub theme: Option<String>,
    pub step: Option<String>,
    pub kind: Option<String>,
    /// An `Availability` id (`ouvert`, `proposition`…).
    pub state: Option<String>,
}

impl Route {
    /// Parses `location.hash`. `None` for a fragment that is not a route
    /// (an in-page anchor such as `#contenu`): the current page stays.
    pub fn parse(hash: &str) -> Option<Route> {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        if fragment.is_empty() {
            return Some(Route::Home);
        }
        let rest = fragment.strip_prefix('/')?;
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = path.trim_end_matches('/');
        let params = parse_query(query);
        let param = |key: &str| {
            params
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };
        let mut segments = path.splitn(2, '/');
        let first = segments.next().unwrap_or("");
        let second = segments.next().filter(|s| !s.is_empty());
        Some(match (first, second) {
            ("diagnostic", step) => Route::Diagnostic(step.map(decode_lossy)),
            ("parcours", None) => Route::Pathway(PathwayQuery {
                code: param("r"),
                detailed: param("vue").as_deref() == Some("detail"),
            }),
            ("catalogue", None) => Route::Catalogue(CatalogueQuery {
                text: param("q").unwrap_or_default(),
                provider: param("operateur"),
                theme: param("theme"),
                step: param("etape"),
                kind: param("type"),
                state: param("etat"),
            }),
            ("catalogue", Some(id)) => Route::Module(decode_lossy(id)),
            ("feuille-de-route", None) => Route::Plan(PlanQuery {
                code: param("r"),
                by_status: param("par").as_deref() == Some("statut"),
            }),
            _ => Route::from_page(path),
        })
    }

    fn from_page(path: &str) -> Route {
        match path {
            "" | "accueil" => Route::Home,
            "a-propos" => Route::About,
            "accessibilite" => Route::Accessibility,
            "mentions-legales" => Route::Legal,
            "donnees-personnelles" => Route::Privacy,
            "atelier" => Route::Atelier,
            "verification/arret" => Route::CrashTest,
            other => Route::NotFound(other.to_string()),
        }
    }

    /// The `href` of this route: relative to the document, so valid under
    /// any sub-path.
    pub fn href(&self) -> String {
        let path = match self {
            Route::Home => "",
            Route::Diagnostic(None) => "diagnostic",
            Route::Diagnostic(Some(step)) => return format!("#/diagnostic/{}", encode(step)),
            Route::Pathway(q) => {
                let mut params = Vec::new();
                if let Some(code) = &q.code {
                    params.push(("r", code.as_str()));
                }
                if q.detailed {
                    params.push(("vue", "detail"));
                }
                return with_query("#/parcours", &params);
            }
            Route::Catalogue(q) => {
                let mut params = Vec::new();
                if !q.text.is_empty() {
                    params.push(("q", q.text.as_str()));
                }
                for (key, value) in [
                    ("operateur", &q.provider),
                    ("theme", &q.theme),
                    ("etape", &q.step),
                    ("type", &q.kind),
                    ("etat", &q.state),
                ] {
                    if let Some(v) = value {
                        params.push((key, v.as_str()));
                    }
                }
                return with_query("#/catalogue", &params);
            }
            Route::Module(id) => return format!("#/catalogue/{}", encode(id)),
            Route::Plan(q) => {
                let mut params = Vec::new();
                if let Some(code) = &q.code {
                    params.push(("r", code.as_str()));
                }
                if q.by_status {
                    params.push(("par", "statut"));
                }
                return with_query("#/feuille-de-route", &params);
            }
            Route::About => "a-propos",
            Route::Accessibility => "accessibilite",
            Route::Legal => "mentions-legales",
            Route::Privacy => "donnees-personnelles",
            Route::Atelier => "atelier",
            Route::CrashTest => "verification/arret",
            Route::NotFound(path) => path.as_str(),
        };
        format!("#/{path}")
    }

    /// The page this route shows, without the state kept in its query that
    /// the page updates itself (pathway view, catalogue filters): changing
    /// only that state must not rebuild the page (focus stays in a search
    /// field as one types). A new share code is a new page.
    pub fn page(&self) -> Route {
        match self {
            Route::Pathway(q) => Route::Pathway(PathwayQuery {
                code: q.code.clone(),
                detailed: false,
            }),
            Route::Catalogue(_) => Route::Catalogue(CatalogueQuery::default()),
            // The plan's page takes a link's code in itself, then drops it
            // from the address: the page and its forms stay.
            Route::Plan(_) => Route::Plan(PlanQuery::default()),
            other => other.clone(),
        }
    }

    /// Whether this page is in the second bundle only (the Atelier and the
    /// feuille de route): the public bundle reloads, and the page's loader
    /// (app/web/loader.js, the same paths) starts the other one.
    pub fn in_second_bundle(&self) -> bool {
        matches!(self, Route::Atelier | Route::Plan(_))
    }

    /// Page name, first part of the document `<title>`.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "Accueil",
            Route::Diagnostic(_) => "Diagnostic",
            Route::Pathway(_) => "Votre parcours",
            Route::Catalogue(_) => "Catalogue des services",
            Route::Module(_) => "Fiche service",
            Route::Plan(_) => "Ma feuille de route",
            Route::About => "À propos",
            Route::Accessibility => "Déclaration d'accessibilité",
            Route::Legal => "Mentions légales",
            Route::Privacy => "Données personnelles",
            Route::Atelier => "Atelier du catalogue",
            Route::CrashTest => "Vérification de l'arrêt sur erreur",
            Route::NotFound(_) => "Page introuvable",
        }
    }
}

fn with_query(base: &str, params: &[(&str, &str)]) -> String {
    if params.is_empty() {
        return base.to_string();
    }
    let query: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("{base}?{}", query.join("&"))
}

fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_lossy(k), decode_lossy(&v.replace('+', " ")))
        })
        .collect()
}

pub const SERVICE_NAME: &str = "Parcours Territoires d'industrie";

/// Full `<title>`: page first, then the service (RGAA 8.6).
pub fn document_title(page: &str) -> String {
    format!("{page} — {SERVICE_NAME}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_root_fragments_are_home() {
        assert_eq!(Route::parse(""), Some(Route::Home));
        assert_eq!(Route::parse("#"), Some(Route::Home));
        assert_eq!(Route::parse("#/"), Some(Route::Home));
    }

    #[test]
    fn every_route_round_trips_through_its_href() {
        for route in [
            Route::Home,
            Route::About,
            Route::Accessibility,
            Route::Legal,
            Route::Privacy,
            Route::Atelier,
        ] {
            assert_eq!(Route::parse(&route.href()), Some(route));
        }
    }

    #[test]
    fn the_atelier_and_the_plan_are_in_the_second_bundle_only() {
        // The same paths as app/web/loader.js's test of location.hash.
        for (hash, second) in [
            ("#/atelier", true),
            ("#/feuille-de-route", true),
            ("#/feuille-de-route?r=abc&par=statut", true),
            ("#/parcours", false),
            ("#/catalogue/vte", false),
        ] {
            assert_eq!(
                Route::parse(hash).unwrap().in_second_bundle(),
                second,
                "{hash}"
            );
        }
    }

    #[test]
    fn in_page_anchors_are_not_routes() {
        assert_eq!(Route::parse("#contenu"), None);
        assert_eq!(Route::parse("#footer"), None);
    }

    #[test]
    fn app_routes_round_trip_with_their_parameters() {
        let routes = [
            Route::Diagnostic(None),
            Route::Diagnostic(Some("foncier".into())),
            Route::Pathway(PathwayQuery::default()),
            Route::Pathway(PathwayQuery {
                code: Some("AbC-_09".into()),
                detailed: true,
            }),
            Route::Catalogue(CatalogueQuery::default()),
            Route::Catalogue(CatalogueQuery {
                text: "friches & ZAE é".into(),
                provider: Some("bdt".into()),
                theme: Some("foncier".into()),
                step: Some("diagnostiquer".into()),
                kind: Some("ingenierie".into()),
                state: Some("a-confirmer".into()),
            }),
            Route::Module("inventaire-zae".into()),
            Route::Plan(PlanQuery::default()),
            Route::Plan(PlanQuery {
                code: Some("AbC-_09".into()),
                by_status: true,
            }),
        ];
        for route in routes {
            assert_eq!(
                Route::parse(&route.href()),
                Some(route.clone()),
                "{}",
                route.href()
            );
        }
    }

    #[test]
    fn tampered_queries_never_fail() {
        for hash in [
            "#/parcours?r=%",
            "#/parcours?r=%zz&&=",
            "#/catalogue?q=%E9",
            "#/catalogue/%",
        ] {
            assert!(Route::parse(hash).is_some(), "{hash}");
        }
        assert_eq!(decode_lossy("%E9t%C3%A9"), "\u{FFFD}t\u{e9}");
        assert_eq!(decode_lossy("a+b%2"), "a+b%2");
    }

    #[test]
    fn query_and_trailing_slash_are_ignored_for_matching() {
        assert_eq!(Route::parse("#/a-propos/"), Some(Route::About));
        assert_eq!(Route::parse("#/a-propos?x=1"), Some(Route::About));
    }

    #[test]
    fn unknown_paths_are_not_found_with_their_path() {
        assert_eq!(
            Route::parse("#/nulle-part"),
            Some(Route::NotFound("nulle-part".into()))
        );
    }

    #[test]
    fn in_page_state_is_not_a_new_page() {
        let filtered = Route::Catalogue(CatalogueQuery {
            text: "friche".into(),
            ..Default::default()
        });
        assert_eq!(filtered.page(), Route::Catalogue(CatalogueQuery::default()));
        let detailed = Route::Pathway(PathwayQuery {
            code: Some("abc".into()),
            detailed: true,
        });
        assert_eq!(
            detailed.page(),
            Route::Pathway(PathwayQuery {
                code: Some("abc".into()),
                detailed: false
            })
        );
        assert_ne!(
            detailed.page(),
            Route::Pathway(PathwayQuery::default()).page()
        );
        assert_eq!(Route::About.page(), Route::About);
    }

    #[test]
    fn titles_put_the_page_before_the_service() {
        assert_eq!(
            document_title(Route::Legal.title()),
            "Mentions légales — Parcours Territoires d'industrie"
        );
    }
}
