use leptos::prelude::*;

use crate::dom;
use crate::route::Route;

/// The main navigation's links (index.html), in order, with their labels:
/// a test checks that index.html has exactly these.
pub fn navigation() -> [(Route, &'static str); 5] {
    [
        (Route::Home, "Accueil"),
        (Route::Pathway(Default::default()), "Mon parcours"),
        (Route::Plan(Default::default()), "Ma feuille de route"),
        (Route::Catalogue(Default::default()), "Catalogue"),
        (Route::About, "À propos"),
    ]
}

/// The DSFR header is index.html's static markup (its folded menu works
/// from shell.js, before the wasm arrives); the app only marks the link
/// of the page shown (`aria-current`, which DSFR also styles).
pub fn mark_current_page(route: RwSignal<Route>) {
    Effect::new(move |_| {
        let page = route.get().page();
        let document = dom::document();
        for (link, _) in navigation() {
            let selector = format!("#navigation-principale a[href=\"{}\"]", link.href());
            if let Ok(Some(a)) = document.query_selector(&selector) {
                let _ = if link.page() == page {
                    a.set_attribute("aria-current", "page")
                } else {
                    a.remove_attribute("aria-current")
                };
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = include_str!("../../../../index.html");

    /// `(href, text)` of each `<a …>text</a>` in `html`.
    fn links(html: &str) -> Vec<(String, String)> {
        html.split("<a ")
            .skip(1)
            .map(|a| {
                let href = a
                    .split("href=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                let text = a.split_once('>').unwrap().1.split("</a>").next().unwrap();
                (href.to_string(), text.trim().to_string())
            })
            .collect()
    }

    #[test]
    fn index_html_navigation_is_the_apps() {
        let nav = INDEX
            .split("id=\"navigation-principale\"")
            .nth(1)
            .unwrap()
            .split("</nav>")
            .next()
            .unwrap();
        let expected: Vec<(String, String)> = navigation()
            .iter()
            .map(|(route, label)| (route.href(), label.to_string()))
            .collect();
        assert_eq!(links(nav), expected);
    }

    #[test]
    fn index_html_links_to_pages_that_exist() {
        let routes: Vec<_> = links(INDEX)
            .into_iter()
            .filter(|(href, _)| href.starts_with("#/"))
            .map(|(href, _)| (Route::parse(&href), href))
            .collect();
        // Header (logo, 5 links), footer (logo, 4 links).
        assert_eq!(routes.len(), 11, "{routes:?}");
        for (route, href) in routes {
            assert!(
                matches!(&route, Some(r) if !matches!(r, Route::NotFound(_))),
                "{href}: {route:?}"
            );
        }
    }
}
