use leptos::prelude::*;

/// A DSFR button's rank: one primary action per group, the others
/// secondary or tertiary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Priority {
    #[default]
    Primary,
    Secondary,
    Tertiary,
}

/// A DSFR button's classes, written out (the DSFR trim keeps the rules
/// whose classes it finds in the sources). For a `<button>` with more than
/// `Button` offers (`disabled`, `aria-expanded`…): such attributes, passed
/// through the component, would cost the wasm their own generic code.
pub fn button_class(priority: Priority, small: bool) -> &'static str {
    match (priority, small) {
        (Priority::Primary, false) => "fr-btn",
        (Priority::Secondary, false) => "fr-btn fr-btn--secondary",
        (Priority::Tertiary, false) => "fr-btn fr-btn--tertiary",
        (Priority::Primary, true) => "fr-btn fr-btn--sm",
        (Priority::Secondary, true) => "fr-btn fr-btn--sm fr-btn--secondary",
        (Priority::Tertiary, true) => "fr-btn fr-btn--tertiary fr-btn--sm",
    }
}

/// A DSFR button (`<button type="button">`) that runs an action.
///
/// - `on_click`: the action;
/// - `priority`: primary unless said;
/// - `small`: the small size (`fr-btn--sm`);
/// - `id`: for tests and `aria-controls`;
/// - `class`: extra classes (spacing);
/// - children: the visible label, which says what the button does.
#[component]
pub fn Button(
    on_click: impl FnMut(leptos::ev::MouseEvent) + 'static,
    #[prop(optional)] priority: Priority,
    #[prop(optional)] small: bool,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <button type="button" class=super::classes(button_class(priority, small), class) id=id on:click=on_click>
            {children()}
        </button>
    }
}

/// A link that looks like a DSFR button: for an action that opens a page.
///
/// - `href`: a route's `href` (`Route::href`);
/// - `priority`: primary unless said;
/// - children: the visible label.
#[component]
pub fn ButtonLink(
    href: String,
    #[prop(optional)] priority: Priority,
    children: Children,
) -> impl IntoView {
    view! { <a class=button_class(priority, false) href=href>{children()}</a> }
}

/// A DSFR group of buttons (`fr-btns-group`), stacked on a phone and side
/// by side from the medium breakpoint.
///
/// - `id`: for tests;
/// - `class`: extra classes, spacing utilities (`fr-mb-2w`…);
/// - `small`: small buttons (`fr-btns-group--sm`);
/// - `inline_sm`: side by side from the small breakpoint already (two
///   short buttons, a confirmation's);
/// - children: one `<li>` per button.
#[component]
pub fn ButtonsGroup(
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] small: bool,
    #[prop(optional)] inline_sm: bool,
    children: Children,
) -> impl IntoView {
    let group = match (small, inline_sm) {
        (false, false) => "fr-btns-group fr-btns-group--inline-md",
        (true, false) => "fr-btns-group fr-btns-group--inline-md fr-btns-group--sm",
        (false, true) => "fr-btns-group fr-btns-group--inline-sm",
        (true, true) => "fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm",
    };
    view! { <ul class=super::classes(group, class) id=id>{children()}</ul> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rank_and_size_is_a_dsfr_button() {
        for priority in [Priority::Primary, Priority::Secondary, Priority::Tertiary] {
            for small in [false, true] {
                let class = button_class(priority, small);
                assert!(class.starts_with("fr-btn"), "{class}");
                assert_eq!(class.contains("fr-btn--sm"), small, "{class}");
                assert_eq!(
                    class.contains("--secondary"),
                    priority == Priority::Secondary
                );
                assert_eq!(class.contains("--tertiary"), priority == Priority::Tertiary);
            }
        }
    }
}
