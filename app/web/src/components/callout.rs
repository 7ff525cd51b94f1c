use leptos::prelude::*;

/// A DSFR callout (« mise en avant »): a titled block that stands out from
/// the text around it.
///
/// - `title`: its heading (an `<h2>`);
/// - `id`: for tests and in-page links;
/// - `class`: extra classes (spacing, print); `fr-mb-4w` unless said;
/// - children: the text (`<p class="fr-callout__text">`) and actions.
#[component]
pub fn Callout(
    #[prop(into)] title: String,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(default = "fr-mb-4w")] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=super::classes("fr-callout", class) id=id>
            <h2 class="fr-callout__title">{title}</h2>
            {children()}
        </div>
    }
}
