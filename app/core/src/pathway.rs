//! A pathway as data: its steps and their modules with why each is there,
//! what is listed apart or excluded, « Vos priorités » and the « Je ne
//! sais pas » that changed it. `recommend` fills it from answers,
//! `priorities` decides the priorities and the fold over it, `export` and
//! the app read it.

use serde::Serialize;

use crate::model::{Nature, Standing, State, Status};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pathway {
    pub catalogue_version: String,
    /// Steps in catalogue order; steps without a module are left out.
    pub steps: Vec<PathwayStep>,
    /// Modules that would have been in the pathway but do not apply.
    pub excluded: Vec<Excluded>,
    /// What the answers point to but nobody can apply to: propositions of
    /// the note, then closed offers; strongest first. Never steps.
    pub not_actionable: Vec<NotActionable>,
    /// « Vos priorités »: ids of the 3 to 5 modules of the steps that
    /// matter most for these answers, whatever their step, each after its
    /// prerequisites; fewer when the steps hold fewer, none when
    /// `nothing_urgent` (see `priorities.rs`).
    pub priorities: Vec<String>,
    /// No module reaches `NEED_THRESHOLD` (`priorities.rs`) from rules fired by
    /// real answers: what remains comes from « Je ne sais pas » or from
    /// complements.
    pub nothing_urgent: bool,
    /// The questions answered « Je ne sais pas » that fired a rule, in
    /// questionnaire order, with what will answer them.
    pub unknowns: Vec<Unknown>,
}

/// A question answered « Je ne sais pas » that changed the pathway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unknown {
    pub question: String,
    pub question_label: String,
    /// The modules of the steps that its rules brought, in pathway order:
    /// the diagnostics that will answer it.
    pub resolved_by: Vec<String>,
}

/// A proposition or a closed offer that the answers point to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotActionable {
    pub id: String,
    pub title: String,
    /// Short name of the operator.
    pub provider: String,
    pub nature: Nature,
    /// `proposition` or `closed`.
    pub standing: Standing,
    /// The offer's state on the day of the pathway (`clos` for a call
    /// whose closing day has passed); none for a proposition.
    pub state: Option<State>,
    pub status: Option<Status>,
    pub url: Option<String>,
    pub access: String,
    pub score: u32,
    pub reasons: Vec<Reason>,
    /// Steps that need it first, when it is a prerequisite (an open call
    /// whose closing day has passed).
    pub required_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathwayStep {
    pub id: String,
    pub label: String,
    pub description: String,
    pub modules: Vec<Recommended>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recommended {
    pub id: String,
    pub title: String,
    /// Short name of the operator.
    pub provider: String,
    /// Sum of the weights of the rules that fired; 0 for a module pulled in
    /// only as a prerequisite.
    pub score: u32,
    pub priority: i32,
    pub nature: Nature,
    pub status: Option<Status>,
    pub url: Option<String>,
    pub access: String,
    pub reasons: Vec<Reason>,
    /// Prerequisites present in the pathway (they come first).
    pub prerequisites: Vec<String>,
    /// Prerequisites left out of the steps because none of their themes
    /// was explored in the questionnaire: « à vérifier » (ids).
    pub to_check: Vec<String>,
    /// Modules of the pathway that need this one first.
    pub required_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub rule: String,
    pub text: String,
    /// The rule's weight, added to the module's score.
    pub weight: u32,
    pub triggers: Vec<Trigger>,
    /// Questions whose « Je ne sais pas » (or lack of answer) fired the
    /// rule: not knowing is the signal. Empty for a need stated outright.
    pub unknowns: Vec<String>,
}

impl Reason {
    /// Fired by not knowing rather than by a stated need.
    pub fn is_uncertain(&self) -> bool {
        !self.unknowns.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trigger {
    pub question: String,
    pub question_label: String,
    /// Human form of the answer (« Oui », an option label, « 12 hectares »).
    pub answer: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    pub module: String,
    pub title: String,
    pub reason: String,
}

impl Pathway {
    pub fn is_empty(&self) -> bool {
        self.steps.iter().all(|s| s.modules.is_empty())
    }

    pub fn module_count(&self) -> usize {
        self.steps.iter().map(|s| s.modules.len()).sum()
    }

    /// The first `n` modules in pathway order (« par où commencer »).
    pub fn top(&self, n: usize) -> Vec<&Recommended> {
        self.modules().take(n).collect()
    }

    /// Every module, in pathway order.
    pub fn modules(&self) -> impl Iterator<Item = &Recommended> {
        self.steps.iter().flat_map(|s| s.modules.iter())
    }

    pub fn module(&self, id: &str) -> Option<&Recommended> {
        self.modules().find(|m| m.id == id)
    }
}
