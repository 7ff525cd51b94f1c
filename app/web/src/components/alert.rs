use leptos::prelude::*;

/// What an alert says: the DSFR's four kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlertKind {
    Error,
    Info,
    Success,
    Warning,
}

fn classes(kind: AlertKind, small: bool) -> &'static str {
    match (kind, small) {
        (AlertKind::Error, false) => "fr-alert fr-alert--error",
        (AlertKind::Info, false) => "fr-alert fr-alert--info",
        (AlertKind::Success, false) => "fr-alert fr-alert--success",
        (AlertKind::Warning, false) => "fr-alert fr-alert--warning",
        (AlertKind::Error, true) => "fr-alert fr-alert--error fr-alert--sm",
        (AlertKind::Info, true) => "fr-alert fr-alert--info fr-alert--sm",
        (AlertKind::Success, true) => "fr-alert fr-alert--success fr-alert--sm",
        (AlertKind::Warning, true) => "fr-alert fr-alert--warning fr-alert--sm",
    }
}

/// A DSFR alert: a message about what just happened, or about the page.
///
/// - `kind`: error, information, success or warning (its icon and colour);
/// - `title`: its heading (an `<h2>`), none for a small alert;
/// - `title_id`: the heading's id, for tests and focus;
/// - `small`: the small alert (`fr-alert--sm`), a line without a title;
/// - `id`, `role`: of the alert itself (`alert` when it must be heard at
///   once, `status` for a notice);
/// - `class`: extra classes (spacing); `fr-mb-3w` unless said;
/// - children: the text, and what to do.
#[component]
pub fn Alert(
    kind: AlertKind,
    #[prop(optional, into)] title: Option<String>,
    #[prop(optional)] title_id: Option<&'static str>,
    #[prop(optional)] small: bool,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] role: Option<&'static str>,
    #[prop(default = "fr-mb-3w")] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=super::classes(classes(kind, small), class) id=id role=role>
            {title.map(|t| view! { <h2 class="fr-alert__title" id=title_id>{t}</h2> })}
            {children()}
        </div>
    }
}
