use leptos::prelude::*;

/// A DSFR card for one module: its title links to the module's page, the
/// rest is the caller's. No whole-card link: the links inside (official
/// link, way in) must stay reachable.
///
/// - `title`, `href`: the heading's text and link;
/// - `level`: the heading's level (2 in a list under the page's title, 3
///   under a step's);
/// - `focusable`: the heading (an `<h3>`) takes focus (the summary's
///   « Pour commencer » links move it there);
/// - `module`: the module's id (`data-module`, for tests);
/// - `id`: the card's id, for in-page links;
/// - `class`: extra classes (`fr-card--sm`, the app's own);
/// - `desc`: the description under the title;
/// - children: the rest of the card's content (`fr-card__start`,
///   `fr-card__end`, more blocks).
#[component]
pub fn Card(
    title: String,
    href: String,
    #[prop(default = 3)] level: u8,
    #[prop(optional)] focusable: bool,
    module: String,
    #[prop(optional)] id: Option<String>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] desc: Option<String>,
    children: Children,
) -> impl IntoView {
    let link = view! { <a href=href>{title}</a> };
    let heading = match (level, focusable) {
        (2, _) => view! { <h2 class="fr-card__title">{link}</h2> }.into_any(),
        (_, true) => view! { <h3 class="fr-card__title" tabindex="-1">{link}</h3> }.into_any(),
        _ => view! { <h3 class="fr-card__title">{link}</h3> }.into_any(),
    };
    view! {
        <article class=super::classes("fr-card fr-card--no-arrow", class) id=id data-module=module>
            <div class="fr-card__body">
                <div class="fr-card__content">
                    {heading}
                    {desc.map(|d| view! { <p class="fr-card__desc">{d}</p> })}
                    {children()}
                </div>
            </div>
        </article>
    }
}
