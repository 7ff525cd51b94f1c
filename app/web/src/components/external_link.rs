use leptos::prelude::*;

/// A link to an operator's page, in a new window (DSFR external link).
///
/// - `href`: an address already checked by `present::safe_url` (`https:`
///   or `mailto:` only);
/// - `label`: the visible text.
///
/// Screen readers hear that it opens the operator's site in a new window;
/// on paper, the address itself is printed after the text.
#[component]
pub fn ExternalLink(href: String, label: String) -> impl IntoView {
    let printed = format!(" ({href})");
    view! {
        <a class="fr-link" href=href target="_blank" rel="noopener">
            {label}
            <span class="fr-sr-only">" — ouvre le site de l'opérateur dans une nouvelle fenêtre"</span>
        </a>
        <span class="parcours-print-only parcours-print-url">{printed}</span>
    }
}
