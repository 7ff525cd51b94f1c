//! Hash routes: `#/a-propos`, `#/catalogue/…`.
//!
//! Routes live in the fragment so that `dist/` works under any sub-path of a
//! plain static server without rewrite rules: the server only ever serves
//! `index.html`, and a copied or reloaded URL renders the same page. The
//! fragment is never sent to the server either, which suits answers encoded
//! in share links.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    About,
    Accessibility,
    Legal,
    Privacy,
    NotFound(String),
}

impl Route {
    /// Parses `location.hash`. `None` for a fragment that is not a route
    /// (an in-page anchor such as `#contenu`): the current page stays.
    pub fn parse(hash: &str) -> Option<Route> {
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        if fragment.is_empty() {
            return Some(Route::Home);
        }
        let path = fragment.strip_prefix('/')?;
        let path = path.split(['?', '#']).next().unwrap_or("");
        let path = path.trim_end_matches('/');
        Some(match path {
            "" | "accueil" => Route::Home,
            "a-propos" => Route::About,
            "accessibilite" => Route::Accessibility,
            "mentions-legales" => Route::Legal,
            "donnees-personnelles" => Route::Privacy,
            other => Route::NotFound(other.to_string()),
        })
    }

    /// The `href` of this route: relative to the document, so valid under
    /// any sub-path.
    pub fn href(&self) -> String {
        let path = match self {
            Route::Home => "",
            Route::About => "a-propos",
            Route::Accessibility => "accessibilite",
            Route::Legal => "mentions-legales",
            Route::Privacy => "donnees-personnelles",
            Route::NotFound(path) => path.as_str(),
        };
        format!("#/{path}")
    }

    /// Page name, first part of the document `<title>`.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "Accueil",
            Route::About => "À propos",
            Route::Accessibility => "Déclaration d'accessibilité",
            Route::Legal => "Mentions légales",
            Route::Privacy => "Données personnelles",
            Route::NotFound(_) => "Page introuvable",
        }
    }
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
        ] {
            assert_eq!(Route::parse(&route.href()), Some(route));
        }
    }

    #[test]
    fn in_page_anchors_are_not_routes() {
        assert_eq!(Route::parse("#contenu"), None);
        assert_eq!(Route::parse("#footer"), None);
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
    fn titles_put_the_page_before_the_service() {
        assert_eq!(
            document_title(Route::Legal.title()),
            "Mentions légales — Parcours Territoires d'industrie"
        );
    }
}
