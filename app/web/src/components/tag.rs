use leptos::prelude::*;

/// A DSFR tag: a label that classifies (operator, kind, step, theme).
///
/// - `label`: its text;
/// - `href`: a route's `href` when the tag leads to the modules it names
///   (a link), else a plain label;
/// - `small`: the small size (`fr-tag--sm`, on cards).
#[component]
pub fn Tag(
    #[prop(into)] label: String,
    #[prop(optional)] href: Option<String>,
    #[prop(optional)] small: bool,
) -> impl IntoView {
    let class = if small { "fr-tag fr-tag--sm" } else { "fr-tag" };
    match href {
        Some(href) => view! { <li><a class=class href=href>{label}</a></li> }.into_any(),
        None => view! { <li><p class=class>{label}</p></li> }.into_any(),
    }
}

/// A DSFR group of tags.
///
/// - `class`: extra classes (spacing);
/// - children: the `Tag`s.
#[component]
pub fn TagsGroup(#[prop(optional)] class: &'static str, children: Children) -> impl IntoView {
    view! { <ul class=super::classes("fr-tags-group", class)>{children()}</ul> }
}
