//! The pathway: modules step by step, each with why it is recommended;
//! two reading levels, print, share link, exports and import.
//!
//! Opened from a share link (`#/parcours?r=…`), the page shows the shared
//! pathway without touching the answers saved in this browser, and offers
//! to adopt them: a link received by e-mail must never silently erase one's
//! own diagnostic. What a link gives, the remembered reading level and an
//! import are `state.rs`'s rules; this folder holds the views.

mod actions;
mod apart;
mod card;
mod priorities;
mod summary;
mod view_switch;

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::date::french as french_date;
use parcours_core::{recommend, share, Answers, Catalogue, Pathway};

use crate::components::WithCatalogue;
use crate::dom;
use crate::route::{PathwayQuery, Route};
use crate::state::{use_app, Origin};

use actions::{ShareActions, TransferPanel};
use apart::Apart;
use card::{Excluded, Steps};
use summary::{NotStarted, NothingDetected, SharedCallout, Summary};
use view_switch::ViewSwitch;

#[component]
pub fn PathwayPage(query: PathwayQuery) -> impl IntoView {
    view! {
        <WithCatalogue render=move |cat| {
            view! { <PathwayView cat code=query.code.clone() detailed=query.detailed/> }
        }/>
    }
}

/// What the page's views share: the catalogue, whose answers, the pathway
/// they give today and its share link.
#[derive(Clone)]
struct Shown {
    cat: Arc<Catalogue>,
    origin: Origin,
    answers: Signal<Answers>,
    pathway: Memo<Pathway>,
    share_link: Memo<String>,
    /// `YYYY-MM-DD`, the day the pathway is established for.
    today: String,
    /// The territory's name, typed at the top, printed and exported.
    territory: RwSignal<String>,
}

#[component]
fn PathwayView(cat: Arc<Catalogue>, code: Option<String>, detailed: bool) -> impl IntoView {
    let app = use_app();
    let (origin, answers): (Origin, Signal<Answers>) = match code.as_deref() {
        None => (Origin::Own, app.answers.into()),
        Some(code) => match app.open_share_link(&cat, code) {
            Some(answers) => (Origin::Shared, Signal::stored(answers)),
            None => return view! { <p role="status">"Ouverture du questionnaire…"</p> }.into_any(),
        },
    };

    app.apply_remembered_view(origin);
    Effect::new(move |_| {
        app.route.track();
        app.apply_remembered_view(origin);
    });
    let detailed = Memo::new(move |_| match app.route.get() {
        Route::Pathway(q) => q.detailed,
        _ => detailed,
    });

    let today = app.today();
    // The pathway changes only with the answers (the catalogue and the day
    // are fixed here): they are compared, not the pathway, whose derived
    // comparison weighed 485 bytes of gzipped wasm. Same updates, but for
    // new answers that give the same pathway (an import), which redraw it.
    let given = Memo::new(move |_| answers.get());
    let pathway = {
        let (cat, today) = (cat.clone(), today.clone());
        Memo::new_with_compare(
            move |_| recommend::pathway(&cat, &given.read(), &today),
            |_, _| true,
        )
    };
    let share_link = {
        let cat = cat.clone();
        Memo::new(move |_| {
            let code = share::encode(&cat.version, &answers.get());
            let route = Route::Pathway(PathwayQuery {
                code: Some(code),
                detailed: detailed.get(),
            });
            format!("{}{}", dom::base_url(), route.href())
        })
    };
    let territory = RwSignal::new(String::new());
    let shown = Shown {
        cat: cat.clone(),
        origin,
        answers,
        pathway,
        share_link,
        today: today.clone(),
        territory,
    };
    let answered = move || answers.with(|a| !a.is_empty());

    view! {
        <h1 tabindex="-1">
            {match origin {
                Origin::Own => "Votre parcours",
                Origin::Shared => "Parcours partagé",
            }}
        </h1>
        <p class="parcours-print-only parcours-print-territory">
            {move || {
                let t = territory.get();
                let t = t.trim();
                (!t.is_empty()).then(|| format!("Territoire : {t}"))
            }}
        </p>
        <p class="parcours-meta" id="parcours-meta">
            {format!(
                "Établi le {} avec la version {} du catalogue des services (publiée le {}).",
                french_date(&today),
                cat.version,
                french_date(&cat.published)
            )}
        </p>
        {(origin == Origin::Shared).then(|| view! { <SharedCallout answers/> })}
        {
            let cat = cat.clone();
            move || {
                if !answered() {
                    return view! { <NotStarted/> }.into_any();
                }
                let p = pathway.get();
                if p.is_empty() {
                    let apart = !p.not_actionable.is_empty();
                    let urgent_free = p.nothing_urgent;
                    return view! { <NothingDetected apart urgent_free/> }.into_any();
                }
                view! { <Summary cat=cat.clone() pathway=p/> }.into_any()
            }
        }
        <div class="parcours-no-print">
            <ViewSwitch detailed origin/>
            <ShareActions shown=shown.clone()/>
        </div>
        <p class="parcours-print-only parcours-print-link">
            "Lien vers ce parcours : " {move || share_link.get()}
        </p>
        <Steps cat=cat.clone() pathway detailed/>
        {
            let cat = cat.clone();
            move || view! { <Apart cat=cat.clone() pathway=pathway.get()/> }
        }
        {move || {
            let p = pathway.get();
            (detailed.get() && !p.excluded.is_empty()).then(|| view! { <Excluded pathway=p/> })
        }}
        <div class="parcours-no-print fr-mt-6w">
            <TransferPanel shown/>
        </div>
        <p class="fr-mt-6w parcours-no-print">
            <a class="fr-link" href=Route::Diagnostic(None).href()>"Modifier mes réponses"</a>
        </p>
    }
    .into_any()
}
