//! What the questionnaire reaches: services no rule leads to, questions
//! without effect, and which rules and questions lead where.

use leptos::prelude::*;
use parcours_core::coverage::coverage;
use parcours_core::Catalogue;

use crate::atelier::{module_label, question_label};
use crate::components::Table;

pub fn coverage_view(cat: &Catalogue) -> impl IntoView {
    let c = coverage(cat);
    let list = |ids: &[String], f: &dyn Fn(&str) -> String, empty: &'static str| {
        if ids.is_empty() {
            view! { <p>{empty}</p> }.into_any()
        } else {
            view! { <ul>{ids.iter().map(|i| view! { <li>{f(i)}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    let ml = |id: &str| module_label(cat, id);
    let ql = |id: &str| question_label(cat, id);
    let by_module = c
        .modules
        .iter()
        .map(|m| {
            let rules = if m.rules.is_empty() {
                "aucune".to_string()
            } else {
                m.rules.join(", ")
            };
            view! { <tr><td>{ml(&m.module)}</td><td>{rules}</td></tr> }
        })
        .collect_view();
    let by_question = c
        .questions
        .iter()
        .map(|q| {
            let mods = if q.modules.is_empty() {
                "aucun".to_string()
            } else {
                q.modules.join(", ")
            };
            view! { <tr><td>{ql(&q.question)}</td><td>{mods}</td></tr> }
        })
        .collect_view();
    view! {
        <h2 id="atelier-couverture">"Couverture du questionnaire"</h2>
        <h3>"Services qu'aucune règle n'atteint"</h3>
        <div id="atelier-non-atteints">
            {list(&c.unreached, &ml, "Chaque service (hors « consultation seule ») est atteint par au moins une règle, directement ou comme prérequis.")}
        </div>
        <h3>"Services en consultation seule"</h3>
        <div id="atelier-consultation">
            {list(&c.browse_only, &ml, "Aucun.")}
        </div>
        <h3>"Questions sans effet"</h3>
        <p>"Aucune règle, aucune condition d'affichage et aucune exclusion ne les utilise."</p>
        <div id="atelier-sans-effet">
            {list(&c.inert_questions, &ql, "Aucune : chaque question sert.")}
        </div>
        <Table
            id="atelier-couverture-modules"
            caption="Règles qui mènent à chaque service"
            headers=&["Service", "Règles"]
        >
            {by_module}
        </Table>
        <Table
            id="atelier-couverture-questions"
            caption="Services auxquels chaque question peut mener (par ses règles et les questions qu'elle fait apparaître)"
            headers=&["Question", "Services"]
        >
            {by_question}
        </Table>
    }
}
