use leptos::prelude::*;

use super::ExternalLink;

/// How to reach a module: whom to contact, then its official link.
///
/// - `access`: the catalogue's text (whom to contact, or which service of
///   the intercommunalité acts and with whom);
/// - `link`: from `present::access_link`, already a safe address, with its
///   text;
/// - `lead`: the words before, « Comment y accéder : » unless said.
#[component]
pub fn WayIn(
    access: String,
    link: Option<(String, String)>,
    #[prop(default = "Comment y accéder : ")] lead: &'static str,
) -> impl IntoView {
    view! {
        <p class="parcours-access">
            <strong>{lead}</strong>
            {access}
            {link.map(|(href, label)| view! { " " <ExternalLink href label/> })}
        </p>
    }
}
