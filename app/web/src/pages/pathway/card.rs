//! The pathway's steps, each module as a card with why it is recommended,
//! and the services set aside.

use std::sync::Arc;

use leptos::prelude::*;
use parcours_core::pathway::Recommended;
use parcours_core::plan::can_take;
use parcours_core::{Catalogue, Pathway};

use crate::components::{AddToPlan, Card, Fold, ModuleStatus, Tag, TagsGroup, WayIn};
use crate::dom;
use crate::present::{access_link, capitalise, operators};
use crate::route::Route;

/// The steps, rendered one task after another, the first with the page:
/// 34 cards in one task kept a slow phone busy for a quarter of a second
/// (Lighthouse counted it as blocking time). Once all are shown, a new
/// pathway (another reading level) renders whole.
#[component]
pub fn Steps(cat: Arc<Catalogue>, pathway: Memo<Pathway>, detailed: Memo<bool>) -> impl IntoView {
    let shown = RwSignal::new(1usize);
    Effect::new(move |_| {
        let n = shown.get();
        if n < pathway.with(|p| p.steps.len()) {
            dom::later(0, move || {
                shown.try_set(n + 1);
            });
        }
    });
    move || {
        let p = pathway.get();
        let detailed = detailed.get();
        p.steps
            .iter()
            .enumerate()
            .map(|(s, step)| {
                // Numbered across steps, as printed and exported.
                let first = p.steps[..s].iter().map(|st| st.modules.len()).sum::<usize>();
                let visible = Memo::new(move |_| shown.get() > s);
                let (cat, p, step) = (cat.clone(), p.clone(), step.clone());
                move || visible.get().then(|| view! {
                    <section class="parcours-step fr-mt-6w" id=format!("etape-{}", step.id)>
                        <h2 class="parcours-step__title">{step.label.clone()}</h2>
                        {(!step.description.is_empty())
                            .then(|| view! { <p class="parcours-step__desc">{step.description.clone()}</p> })}
                        <ul class="parcours-cards">
                            {cards(&cat, &p, step.shown(), first, detailed)}
                        </ul>
                        {
                            let (cat, p, step) = (cat.clone(), p.clone(), step.clone());
                            let after = first + step.shown().len();
                            view! {
                                <Fold id=format!("etape-{}-suite", step.id) n=step.folded().len()>
                                    <ul class="parcours-cards">
                                        {cards(&cat, &p, step.folded(), after, detailed)}
                                    </ul>
                                </Fold>
                            }
                        }
                    </section>
                })
            })
            .collect_view()
    }
}

/// The cards of `modules`, numbered from `before + 1`.
fn cards(
    cat: &Arc<Catalogue>,
    pathway: &Pathway,
    modules: &[Recommended],
    before: usize,
    detailed: bool,
) -> impl IntoView {
    modules
        .iter()
        .enumerate()
        .map(|(i, m)| {
            view! {
                <li>
                    <ModuleCard
                        cat=cat.clone()
                        pathway=pathway.clone()
                        module=m.clone()
                        number=before + i + 1
                        detailed
                    />
                </li>
            }
        })
        .collect_view()
}

/// One recommended module: what it is, its state, how to reach it, what
/// comes before, and why it is there.
#[component]
fn ModuleCard(
    cat: Arc<Catalogue>,
    pathway: Pathway,
    module: Recommended,
    number: usize,
    detailed: bool,
) -> impl IntoView {
    let Some(m) = cat.module(&module.id).cloned() else {
        return ().into_any();
    };
    let title_of = |id: &String| {
        pathway
            .module(id)
            .map_or_else(|| id.clone(), |r| r.title.clone())
    };
    let prerequisites: Vec<String> = module.prerequisites.iter().map(title_of).collect();
    let required_by: Vec<String> = module.required_by.iter().map(title_of).collect();
    let operators = operators(&cat, &m);
    let kind = cat.kind(&m.kind).map(|k| k.label.clone());
    let link = access_link(&cat, &m);
    let source = cat.source(&m.source.document).map(|s| s.title.clone());
    // A step is never closed: the catalogue's state is the state today.
    let state = m.status.as_ref().map(|s| s.state);
    let reasons = module.reasons.clone();
    let why = if reasons.is_empty() && !required_by.is_empty() {
        vec![format!(
            "ce service est un préalable à : {}.",
            required_by.join(" ; ")
        )]
    } else {
        Vec::new()
    };
    view! {
        <Card
            title=format!("{number}. {}", m.title)
            href=Route::Module(m.id.clone()).href()
            focusable=true
            module=m.id.clone()
            id=format!("module-{}", m.id)
            class="parcours-card"
            desc=m.summary.clone()
        >
            <div class="fr-card__start">
                <TagsGroup>
                    <Tag label=operators small=true/>
                    {kind.map(|k| view! { <Tag label=k small=true/> })}
                </TagsGroup>
                <ModuleStatus nature=m.nature status=m.status.clone() state/>
            </div>
            <div class="parcours-card__more">
                <WayIn access=m.access.clone() link/>
                {detailed.then(|| {
                    let m = m.clone();
                    view! {
                        <dl class="parcours-facts fr-mt-2w">
                            <dt>"Ce que cela apporte"</dt>
                            <dd>{m.benefits.clone()}</dd>
                            <dt>"Pour qui"</dt>
                            <dd>{m.audience.clone()}</dd>
                            {m.cost.clone().map(|c| view! { <dt>"Coût"</dt><dd>{c}</dd> })}
                            {m.duration.clone().map(|d| view! { <dt>"Durée"</dt><dd>{d}</dd> })}
                            {source.clone().map(|s| view! {
                                <dt>"Source"</dt>
                                <dd>{format!("{s} — {}", m.source.section)}</dd>
                            })}
                        </dl>
                    }
                })}
                {(!prerequisites.is_empty()).then(|| view! {
                    <p class="parcours-after fr-mt-1w">
                        <strong>"À engager après : "</strong>
                        {prerequisites.join(" ; ")}
                    </p>
                })}
                <div class="parcours-why-block fr-mt-1w">
                    <p class="fr-mb-0"><strong>"Recommandé parce que …"</strong></p>
                    <ul class="parcours-reasons">
                        {reasons
                            .into_iter()
                            .map(|r| {
                                let triggers: Vec<String> = r
                                    .triggers
                                    .iter()
                                    .map(|t| format!("« {} » : {}", t.question_label, t.answer))
                                    .collect();
                                view! {
                                    <li>
                                        {r.text}
                                        {(detailed && !triggers.is_empty()).then(|| {
                                            let text = format!("Vos réponses : {}", triggers.join(" ; "));
                                            view! { <span class="parcours-triggers">{text}</span> }
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()}
                        {why.into_iter().map(|w| view! { <li>{capitalise(&w)}</li> }).collect_view()}
                    </ul>
                </div>
                {can_take(&m).then(|| view! { <AddToPlan module=m.id.clone() title=m.title.clone()/> })}
            </div>
        </Card>
    }
    .into_any()
}

/// Modules that would have been recommended but do not apply.
#[component]
pub fn Excluded(pathway: Pathway) -> impl IntoView {
    view! {
        <section class="fr-mt-6w parcours-excluded" id="services-ecartes">
            <h2>"Services écartés"</h2>
            <p>"Ces services répondraient à vos besoins, mais vos réponses indiquent qu'ils ne s'appliquent pas à votre territoire."</p>
            <ul>
                {pathway
                    .excluded
                    .into_iter()
                    .map(|e| view! {
                        <li>
                            <a href=Route::Module(e.module.clone()).href()>{e.title}</a>
                            {format!(" : {}", e.reason)}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
