use leptos::prelude::*;

/// A DSFR breadcrumb (« fil d'Ariane »): where the page sits in the site.
///
/// - `trail`: the pages above it, from the top, as (label, `href`);
/// - `current`: the page's own name, last and not a link.
#[component]
pub fn Breadcrumb(trail: Vec<(&'static str, String)>, current: String) -> impl IntoView {
    view! {
        <nav role="navigation" class="fr-breadcrumb" aria-label="vous êtes ici :">
            <ol class="fr-breadcrumb__list">
                {trail
                    .into_iter()
                    .map(|(label, href)| view! { <li><a class="fr-breadcrumb__link" href=href>{label}</a></li> })
                    .collect_view()}
                <li><a class="fr-breadcrumb__link" aria-current="page">{current}</a></li>
            </ol>
        </nav>
    }
}
