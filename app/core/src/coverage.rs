//! Which parts of the catalogue the questionnaire actually uses: for the
//! Atelier's coverage view, so an editor sees a module no rule reaches or a
//! question whose answer changes nothing before publishing.

use serde::Serialize;

use crate::condition::questions;
use crate::model::{Catalogue, Condition};
use crate::validate::unreachable_modules;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleCoverage {
    pub module: String,
    /// Rules that name the module, in file order.
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionCoverage {
    pub question: String,
    /// Modules an answer can bring into a pathway, in catalogue order:
    /// through rules whose `when` names the question, and through the rules
    /// of the questions and groups it makes visible (transitively).
    pub modules: Vec<String>,
    /// Rules whose `when` names the question directly.
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub modules: Vec<ModuleCoverage>,
    pub questions: Vec<QuestionCoverage>,
    /// Modules no rule reaches, directly or as a prerequisite, not marked
    /// `browse_only` (the same list as `catalogue stats`).
    pub unreached: Vec<String>,
    /// Modules marked `browse_only`: listed in the catalogue only, on purpose.
    pub browse_only: Vec<String>,
    /// Questions no rule, no `visible_if` and no exclusion names.
    pub inert_questions: Vec<String>,
}

pub fn coverage(cat: &Catalogue) -> Coverage {
    let modules = cat
        .modules
        .iter()
        .map(|m| ModuleCoverage {
            module: m.id.clone(),
            rules: cat
                .rules
                .iter()
                .filter(|r| r.modules.contains(&m.id))
                .map(|r| r.id.clone())
                .collect(),
        })
        .collect();

    // Edges « q controls the visibility of p ».
    let mut controls: Vec<(&str, &str)> = Vec::new();
    for g in &cat.questionnaire.groups {
        for q in &g.questions {
            let mut conds: Vec<&Condition> = Vec::new();
            conds.extend(g.visible_if.as_ref());
            conds.extend(q.visible_if.as_ref());
            for c in conds {
                for by in questions(c) {
                    if by != q.id {
                        controls.push((by, q.id.as_str()));
                    }
                }
            }
        }
    }

    let direct_rules = |q: &str| -> Vec<&crate::model::Rule> {
        cat.rules
            .iter()
            .filter(|r| questions(&r.when).contains(&q))
            .collect()
    };

    let questions_cov = cat
        .questions()
        .map(|q| {
            // Every question reachable through visibility, q included.
            let mut seen: Vec<&str> = vec![q.id.as_str()];
            let mut i = 0;
            while i < seen.len() {
                let cur = seen[i];
                for (by, p) in &controls {
                    if *by == cur && !seen.contains(p) {
                        seen.push(p);
                    }
                }
                i += 1;
            }
            let mut mods: Vec<&str> = Vec::new();
            for s in &seen {
                for r in direct_rules(s) {
                    for m in &r.modules {
                        if !mods.contains(&m.as_str()) {
                            mods.push(m);
                        }
                    }
                }
            }
            let modules = cat
                .modules
                .iter()
                .filter(|m| mods.contains(&m.id.as_str()))
                .map(|m| m.id.clone())
                .collect();
            QuestionCoverage {
                question: q.id.clone(),
                modules,
                rules: direct_rules(&q.id).iter().map(|r| r.id.clone()).collect(),
            }
        })
        .collect();

    let mut conds: Vec<&Condition> = cat.rules.iter().map(|r| &r.when).collect();
    for g in &cat.questionnaire.groups {
        conds.extend(g.visible_if.as_ref());
        conds.extend(g.questions.iter().filter_map(|q| q.visible_if.as_ref()));
    }
    conds.extend(
        cat.modules
            .iter()
            .flat_map(|m| &m.exclusions)
            .map(|e| &e.when),
    );
    let named: Vec<&str> = conds.into_iter().flat_map(questions).collect();
    let inert_questions = cat
        .questions()
        .filter(|q| !named.contains(&q.id.as_str()))
        .map(|q| q.id.clone())
        .collect();

    Coverage {
        modules,
        questions: questions_cov,
        unreached: unreachable_modules(cat)
            .into_iter()
            .map(str::to_string)
            .collect(),
        browse_only: cat
            .modules
            .iter()
            .filter(|m| m.browse_only.is_some())
            .map(|m| m.id.clone())
            .collect(),
        inert_questions,
    }
}
