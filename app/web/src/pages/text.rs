//! The pages of plain text: the accessibility statement, the legal notice
//! and the personal data page, and the static sections of « À propos ».
//! Their text is HTML of the build
//! (`app/web/text/*.html`, copied by Trunk and cached by the service
//! worker), fetched when the page is shown: as Rust views it weighed
//! 3.8 KiB of the wasm every visitor downloads (BENCHMARKS.md). The files
//! are the project's own (tested natively below), never content from the
//! catalogue, which is always shown as text. The headings are
//! `Route::title`s: plain text, no markup.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::dom;
use crate::route::Route;
use crate::state::use_app;

/// The file holding a text page's text (its heading is `Route::title`).
pub fn text_file(route: &Route) -> Option<&'static str> {
    match route {
        Route::Accessibility => Some("text/accessibilite.html"),
        Route::Legal => Some("text/mentions-legales.html"),
        Route::Privacy => Some("text/donnees-personnelles.html"),
        _ => None,
    }
}

/// « À propos »'s sections that do not come from the catalogue.
pub const ABOUT_FILE: &str = "text/a-propos.html";

/// What the page shows while its text is on its way.
pub const LOADING: &str = "<p role=\"status\">Chargement de la page…</p>";

/// What a text page shows in place of its text when the file cannot be had.
const UNAVAILABLE: &str = "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><p>Cette page n'a pas pu être chargée : vérifiez votre connexion, puis rechargez la page.</p></div>";

/// What « À propos » shows in place of its sections from `ABOUT_FILE`,
/// below those that did load.
pub const ABOUT_UNAVAILABLE: &str = "<div class=\"fr-alert fr-alert--error fr-mb-3w\" role=\"alert\"><p>Une partie de cette page n'a pas pu être chargée : vérifiez votre connexion, puis rechargez la page.</p></div>";

async fn fetch_text(file: &str) -> Option<String> {
    let response = dom::fetch(file).await.ok()?;
    if !response.ok() {
        return None;
    }
    dom::body_text(&response).await.ok()
}

/// The text of `file` once it has arrived (`unavailable` if it cannot be
/// had), `None` until then. The page shows its heading with that text
/// (tests and screenshots wait for the heading), which then takes focus if
/// the page was reached from another (`AppState::heading_shown`).
pub fn arriving(file: &'static str, unavailable: &'static str) -> RwSignal<Option<String>> {
    let app = use_app();
    let html = RwSignal::new(None);
    spawn_local(async move {
        let text = fetch_text(file).await;
        let body = text.unwrap_or_else(|| unavailable.to_string());
        // `None`: still on this page (the user may have moved on).
        if html.try_set(Some(body)).is_none() {
            dom::after_paint(move || app.heading_shown());
        }
    });
    html
}

/// The file is written into the page as it is, as the app's own markup;
/// through the view's `inner_html`, so that going from one text page to
/// another replaces the text (the view itself is the same).
#[component]
pub fn TextPage(route: Route) -> impl IntoView {
    let heading = route.title();
    let html = text_file(&route).map(|file| arriving(file, UNAVAILABLE));
    view! {
        <div inner_html=move || match html.and_then(|h| h.get()) {
            Some(body) => format!("<h1 tabindex=\"-1\">{heading}</h1>{body}"),
            None => LOADING.to_string(),
        }></div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(rel: &str) -> String {
        std::fs::read_to_string(format!("{}/{rel}", env!("CARGO_MANIFEST_DIR")))
            .unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// Each file with the page that shows it.
    fn texts() -> Vec<(Route, String)> {
        let mut texts: Vec<(Route, String)> = [Route::Accessibility, Route::Legal, Route::Privacy]
            .into_iter()
            .map(|route| {
                let html = file(text_file(&route).unwrap());
                (route, html)
            })
            .collect();
        texts.push((Route::About, file(ABOUT_FILE)));
        texts
    }

    /// The values of `attribute` in `html`, in order.
    fn values(html: &str, attribute: &str) -> Vec<String> {
        let key = format!(" {attribute}=\"");
        html.split(&key)
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().to_string())
            .collect()
    }

    #[test]
    fn each_text_page_has_its_file() {
        for (route, html) in texts() {
            assert!(html.contains("<h2>") || html.contains("<p"), "{route:?}");
            // The heading is the page's own; the file starts below it.
            assert!(!html.contains("<h1"), "{route:?}");
        }
        assert_eq!(text_file(&Route::Home), None);
    }

    /// The headings go into the page as markup: plain text only.
    #[test]
    fn headings_are_plain_text() {
        for (route, _) in texts() {
            assert!(!route.title().contains(['<', '>', '&', '"']), "{route:?}");
        }
    }

    /// The strict CSP allows no inline script or style; every link leads to
    /// a page of the app or says it opens a new window.
    #[test]
    fn the_files_are_plain_markup_with_working_links() {
        for (route, html) in texts() {
            let lower = html.to_lowercase();
            for forbidden in ["<script", " style=", "javascript:", "<iframe", "<img"] {
                assert!(!lower.contains(forbidden), "{route:?}: {forbidden}");
            }
            assert!(!has_handler(&lower), "{route:?}");
            for href in values(&html, "href") {
                if let Some(fragment) = href.strip_prefix('#') {
                    let target = Route::parse(&href);
                    assert!(
                        matches!(&target, Some(r) if !matches!(r, Route::NotFound(_))),
                        "{route:?}: #{fragment}"
                    );
                } else {
                    assert!(href.starts_with("https://"), "{route:?}: {href}");
                }
            }
            let external = html.matches("href=\"https://").count();
            assert_eq!(
                html.matches("target=\"_blank\" rel=\"noopener\"").count(),
                external
            );
            let titles = values(&html, "title");
            assert_eq!(titles.len(), external, "{route:?}");
            assert!(
                titles.iter().all(|t| t.ends_with("— nouvelle fenêtre")),
                "{titles:?}"
            );
        }
    }

    /// An event handler attribute (`onclick=` …).
    fn has_handler(html: &str) -> bool {
        html.split(" on").skip(1).any(|rest| {
            let name: String = rest.chars().take_while(char::is_ascii_lowercase).collect();
            !name.is_empty() && rest[name.len()..].starts_with('=')
        })
    }

    #[test]
    fn handlers_are_recognised() {
        assert!(has_handler("<p onclick=\"x\">"));
        assert!(!has_handler("<p>mis on line</p>"));
    }
}
