//! The questionnaire as the user walks it: which groups and questions are
//! visible given the answers so far, progress and completeness.
//!
//! Visibility is decided in questionnaire order over the *effective*
//! answers: an answer to a hidden question is ignored (kept in the map, so
//! that it comes back if the question shows again), and so are the
//! questions that depended on it.

use rustc_hash::FxHashMap;

use crate::answer_check::validate_answer;
use crate::answers::{Answer, Answers};
use crate::condition::eval;
use crate::model::{Catalogue, Group, Question};

/// The questionnaire as it stands for a set of answers.
#[derive(Debug, Clone)]
pub struct Flow<'a> {
    /// Visible groups, in order.
    pub groups: Vec<GroupView<'a>>,
    /// Answers that count (visible questions, valid answers).
    pub effective: Answers,
}

#[derive(Debug, Clone)]
pub struct GroupView<'a> {
    pub group: &'a Group,
    /// Position of the group in the catalogue's questionnaire.
    pub index: usize,
    /// Visible questions, in order.
    pub questions: Vec<&'a Question>,
    /// Visible questions with an answer (« Je ne sais pas » included).
    pub answered: usize,
    /// Required visible questions without an answer.
    pub missing_required: Vec<&'a str>,
}

impl GroupView<'_> {
    pub fn visible(&self) -> usize {
        self.questions.len()
    }

    /// Every required visible question is answered.
    pub fn is_complete(&self) -> bool {
        self.missing_required.is_empty()
    }
}

impl<'a> Flow<'a> {
    pub fn new(cat: &'a Catalogue, answers: &Answers) -> Self {
        let mut groups: Vec<GroupView<'a>> = Vec::new();
        let eff = walk(cat, answers, |index, group, q, answer| {
            if groups.last().is_none_or(|g| g.index != index) {
                groups.push(GroupView {
                    group,
                    index,
                    questions: Vec::new(),
                    answered: 0,
                    missing_required: Vec::new(),
                });
            }
            let Some(view) = groups.last_mut() else {
                return;
            };
            if let Some(q) = q {
                view.questions.push(q);
                if answer.is_some() {
                    view.answered += 1;
                } else if q.required {
                    view.missing_required.push(&q.id);
                }
            }
        });
        let effective = eff
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        Flow { groups, effective }
    }

    pub fn group(&self, id: &str) -> Option<&GroupView<'a>> {
        self.groups.iter().find(|g| g.group.id == id)
    }

    /// Required visible questions of group `id` still unanswered (empty for
    /// an unknown or hidden group).
    pub fn missing_required(&self, id: &str) -> Vec<&'a str> {
        self.group(id)
            .map(|g| g.missing_required.clone())
            .unwrap_or_default()
    }

    pub fn answered(&self) -> usize {
        self.groups.iter().map(|g| g.answered).sum()
    }

    pub fn visible(&self) -> usize {
        self.groups.iter().map(|g| g.visible()).sum()
    }

    pub fn is_complete(&self) -> bool {
        self.groups.iter().all(GroupView::is_complete)
    }
}

/// An answer the user gave (« Je ne sais pas » counts; an empty set of
/// ticks does not).
fn is_given(a: &Answer) -> bool {
    !matches!(a, Answer::Options(v) if v.is_empty())
}

/// The answers that count: those to visible questions, well-formed.
pub fn effective_answers(cat: &Catalogue, answers: &Answers) -> Answers {
    effective_refs(cat, answers)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// Effective answers, borrowed: what the engine evaluates rules against.
pub(crate) fn effective_refs<'a>(
    cat: &'a Catalogue,
    answers: &'a Answers,
) -> FxHashMap<&'a str, &'a Answer> {
    walk(cat, answers, |_, _, _, _| {})
}

/// Walks the questionnaire in order, deciding visibility against the
/// effective answers gathered so far. `visit` sees each visible group
/// (question `None`) then each of its visible questions with its accepted
/// answer, if any.
fn walk<'a, 'b>(
    cat: &'a Catalogue,
    answers: &'b Answers,
    mut visit: impl FnMut(usize, &'a Group, Option<&'a Question>, Option<&'b Answer>),
) -> FxHashMap<&'a str, &'b Answer> {
    let mut eff: FxHashMap<&'a str, &'b Answer> =
        FxHashMap::with_capacity_and_hasher(answers.len(), Default::default());
    // One pass over the answers into a hash map: a binary search of the
    // sorted answers per question costs O(log n) long string compares (ids
    // share prefixes).
    let given: FxHashMap<&str, &'b Answer> = answers.iter().map(|(k, v)| (k.as_str(), v)).collect();
    for (index, group) in cat.questionnaire.groups.iter().enumerate() {
        if !group
            .visible_if
            .as_ref()
            .is_none_or(|c| eval(c, &eff).is_true())
        {
            continue;
        }
        visit(index, group, None, None);
        for q in &group.questions {
            if !q
                .visible_if
                .as_ref()
                .is_none_or(|c| eval(c, &eff).is_true())
            {
                continue;
            }
            let accepted = given
                .get(q.id.as_str())
                .copied()
                .filter(|a| is_given(a) && validate_answer(q, a).is_ok());
            if let Some(a) = accepted {
                eff.insert(q.id.as_str(), a);
            }
            visit(index, group, Some(q), accepted);
        }
    }
    eff
}

/// Missing required questions of group `group_id` under `answers`.
pub fn missing_required<'a>(cat: &'a Catalogue, answers: &Answers, group_id: &str) -> Vec<&'a str> {
    Flow::new(cat, answers).missing_required(group_id)
}
