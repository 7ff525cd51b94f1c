use leptos::prelude::*;

/// A DSFR form field's label and hint around its control.
///
/// - `kind`: the group's class, `fr-input-group` unless said
///   (`fr-upload-group`, `fr-select-group`);
/// - `class`: extra classes (the app's layout);
/// - `for_id`: the control's id, which the label names;
/// - `label`: what to enter;
/// - `hint`: how, or why (under the label);
/// - children: the control (`<input class="fr-input">`, `fr-upload`,
///   `fr-select`).
#[component]
pub fn Field(
    #[prop(default = "fr-input-group")] kind: &'static str,
    #[prop(optional)] class: &'static str,
    for_id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=super::classes(kind, class)>
            <label class="fr-label" for=for_id>
                {label}
                {hint.map(|h| view! { <span class="fr-hint-text">{h}</span> })}
            </label>
            {children()}
        </div>
    }
}
