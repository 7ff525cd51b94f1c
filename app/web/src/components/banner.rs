use leptos::prelude::*;

/// A DSFR notice (« bandeau d'information importante »), across the page
/// above its content: about the whole site, not one action.
///
/// - `warning`: the warning notice, else the information one;
/// - `id`: for tests;
/// - `class`: extra classes (spacing);
/// - children: the notice's body (`fr-notice__title`, `fr-notice__desc`…),
///   inside its container.
#[component]
pub fn Banner(
    #[prop(optional)] warning: bool,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let kind = if warning {
        "fr-notice fr-notice--warning"
    } else {
        "fr-notice fr-notice--info"
    };
    view! {
        <div class=super::classes(kind, class) id=id>
            <div class="fr-container">
                <div class="fr-notice__body">{children()}</div>
            </div>
        </div>
    }
}
