use leptos::prelude::*;

/// A DSFR table, with its caption and column headers.
///
/// - `id`: for tests;
/// - `caption`: what the table holds (read first by screen readers);
/// - `headers`: the columns' names;
/// - children: the rows (`<tr>` of `<td>`s, as many as `headers`).
#[component]
pub fn Table(
    id: &'static str,
    #[prop(into)] caption: String,
    headers: &'static [&'static str],
    children: Children,
) -> impl IntoView {
    view! {
        <div class="fr-table" id=id>
            <table>
                <caption>{caption}</caption>
                <thead>
                    <tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
