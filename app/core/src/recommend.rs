//! From answers to a pathway: rules score modules, exclusions drop them,
//! prerequisites are pulled in, and modules are ordered by step, then score,
//! with each prerequisite before the modules that need it. Only what one can
//! act on becomes a step: propositions of the note and closed offers that
//! the answers point to are listed apart (`not_actionable`).
//!
//! Deterministic: same catalogue + same answers + same day ⇒ the same
//! pathway, byte for byte once serialised (no hash-map iteration reaches
//! the output). The day matters only for a call whose closing day passes.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::answers::{Answer, Answers};
use crate::condition::{eval, triggers, AnswerLookup};
use crate::flow::effective_refs;
use crate::model::{Catalogue, Condition, Module, Nature, Question, Standing, State, Status};

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
    /// Modules of the pathway that need this one first.
    pub required_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub rule: String,
    pub text: String,
    pub triggers: Vec<Trigger>,
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

/// Lookups over one catalogue, which a caller computing many pathways on
/// it can build once and reuse (the engine benchmarks do). The web app and
/// the CLI call [`pathway`], which builds one per call: about 11 µs on the
/// real catalogue (BENCHMARKS.md), nothing next to rendering the pathway.
/// Per-module data is resolved to positions here so that a pathway does no
/// id hashing or string compare.
#[derive(Debug, Clone)]
pub struct Index<'a> {
    cat: &'a Catalogue,
    questions: FxHashMap<&'a str, &'a Question>,
    /// Per rule: positions of the modules it recommends.
    rule_modules: Flat,
    /// Per module: positions of its prerequisites (unknown ones and itself left out).
    prerequisites: Flat,
    /// Per module: step position (`steps.len()` for an unknown step).
    step: Vec<usize>,
    /// Per module: operator short name (its id if unknown).
    provider: Vec<&'a str>,
}

impl<'a> Index<'a> {
    pub fn new(cat: &'a Catalogue) -> Self {
        let mut modules =
            FxHashMap::with_capacity_and_hasher(cat.modules.len(), Default::default());
        for (i, m) in cat.modules.iter().enumerate() {
            modules.entry(m.id.as_str()).or_insert(i);
        }
        let mut steps = FxHashMap::default();
        for (i, s) in cat.steps.iter().enumerate() {
            steps.entry(s.id.as_str()).or_insert(i);
        }
        let mut providers = FxHashMap::default();
        for p in &cat.providers {
            providers
                .entry(p.id.as_str())
                .or_insert(p.short_name.as_str());
        }
        let mut questions = FxHashMap::default();
        for q in cat.questions() {
            questions.entry(q.id.as_str()).or_insert(q);
        }
        let mut rule_modules = Flat::default();
        for r in &cat.rules {
            rule_modules.push(
                r.modules
                    .iter()
                    .filter_map(|id| modules.get(id.as_str()).copied()),
            );
        }
        let mut prerequisites = Flat::default();
        for (i, m) in cat.modules.iter().enumerate() {
            let known = m
                .prerequisites
                .iter()
                .filter_map(|id| modules.get(id.as_str()).copied());
            prerequisites.push(known.filter(|&j| j != i));
        }
        let step = cat
            .modules
            .iter()
            .map(|m| {
                steps
                    .get(m.step.as_str())
                    .copied()
                    .unwrap_or(cat.steps.len())
            })
            .collect();
        let provider = cat
            .modules
            .iter()
            .map(|m| {
                providers
                    .get(m.provider.as_str())
                    .copied()
                    .unwrap_or(m.provider.as_str())
            })
            .collect();
        Index {
            cat,
            questions,
            rule_modules,
            prerequisites,
            step,
            provider,
        }
    }

    /// The pathway for `answers` (answers to hidden questions are ignored)
    /// on `today` (`YYYY-MM-DD`).
    // Parallel per-module arrays indexed by module position: clearer than zips.
    #[allow(clippy::needless_range_loop)]
    pub fn pathway(&self, answers: &Answers, today: &str) -> Pathway {
        let cat = self.cat;
        let eff = effective_refs(cat, answers);
        let n = cat.modules.len();
        let mut score = vec![0u32; n];
        let mut reasons: Vec<Vec<Reason>> = vec![Vec::new(); n];
        let mut wanted = vec![false; n];

        for (r, rule) in cat.rules.iter().enumerate() {
            if !eval(&rule.when, &eff).is_true() {
                continue;
            }
            let trig: Vec<Trigger> = triggers(&rule.when, &eff)
                .into_iter()
                .map(|q| self.trigger(q, &rule.when, &eff))
                .collect();
            let hits = self.rule_modules.get(r);
            let mut reason = Some(Reason {
                rule: rule.id.clone(),
                text: rule.reason.clone(),
                triggers: trig,
            });
            for (k, &i) in hits.iter().enumerate() {
                score[i] = score[i].saturating_add(rule.weight);
                wanted[i] = true;
                // The last module takes the reason itself: one clone fewer.
                let r = if k + 1 == hits.len() {
                    reason.take()
                } else {
                    reason.clone()
                };
                reasons[i].extend(r);
            }
        }

        // Decided once per module.
        let mut state = vec![Place::Out; n];
        let mut excluded_reason: Vec<Option<&str>> = vec![None; n];
        let mut queue: Vec<usize> = Vec::new();
        let decide = |i: usize,
                      state: &mut Vec<Place>,
                      excluded_reason: &mut Vec<Option<&'a str>>,
                      queue: &mut Vec<usize>| {
            if state[i] != Place::Out {
                return;
            }
            let module = &cat.modules[i];
            match module
                .exclusions
                .iter()
                .find(|e| eval(&e.when, &eff).is_true())
            {
                Some(e) => {
                    state[i] = Place::Excluded;
                    excluded_reason[i] = Some(e.reason.as_str());
                }
                None if module.standing_on(today) != Standing::Actionable => {
                    state[i] = Place::Apart;
                }
                None => {
                    state[i] = Place::Step;
                    queue.push(i);
                }
            }
        };
        for i in 0..n {
            if wanted[i] {
                decide(i, &mut state, &mut excluded_reason, &mut queue);
            }
        }
        // Pull prerequisites in, transitively.
        let mut required_by: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut k = 0;
        while k < queue.len() {
            let i = queue[k];
            k += 1;
            for &j in self.prerequisites.get(i) {
                decide(j, &mut state, &mut excluded_reason, &mut queue);
            }
        }
        for i in 0..n {
            if state[i] != Place::Step {
                continue;
            }
            // A prerequisite listed apart (a call closed since) says which
            // steps needed it.
            for &j in self.prerequisites.get(i) {
                if matches!(state[j], Place::Step | Place::Apart) && !required_by[j].contains(&i) {
                    required_by[j].push(i);
                }
            }
        }

        // Group by step, in catalogue order; a module with an unknown step
        // (unvalidated catalogue) goes last rather than vanishing.
        let mut per_step: Vec<Vec<usize>> = vec![Vec::new(); cat.steps.len() + 1];
        for i in 0..n {
            if state[i] == Place::Step {
                per_step[self.step[i]].push(i);
            }
        }
        // Position of a module within its step's sorted list (scratch, reset
        // after each step).
        let mut pos = vec![usize::MAX; n];
        let mut steps = Vec::new();
        for (s, mut members) in per_step.into_iter().enumerate() {
            if members.is_empty() {
                continue;
            }
            members.sort_by(|&a, &b| {
                score[b]
                    .cmp(&score[a])
                    .then(cat.modules[b].priority.cmp(&cat.modules[a].priority))
                    .then_with(|| cat.modules[a].id.cmp(&cat.modules[b].id))
            });
            let ordered = self.prerequisites_first(&members, &mut pos);
            let modules = ordered
                .into_iter()
                .map(|i| {
                    let m = &cat.modules[i];
                    let mut rq = std::mem::take(&mut required_by[i]);
                    rq.sort_by(|&a, &b| cat.modules[a].id.cmp(&cat.modules[b].id));
                    Recommended {
                        id: m.id.clone(),
                        title: m.title.clone(),
                        provider: self.provider[i].to_string(),
                        score: score[i],
                        priority: m.priority,
                        nature: m.nature,
                        status: m.status.clone(),
                        url: m.url.clone(),
                        access: m.access.clone(),
                        reasons: std::mem::take(&mut reasons[i]),
                        prerequisites: self
                            .prerequisites
                            .get(i)
                            .iter()
                            .filter(|&&j| state[j] == Place::Step)
                            .map(|&j| cat.modules[j].id.clone())
                            .collect(),
                        required_by: rq.into_iter().map(|j| cat.modules[j].id.clone()).collect(),
                    }
                })
                .collect();
            let (id, label, description) = match cat.steps.get(s) {
                Some(st) => (st.id.clone(), st.label.clone(), st.description.clone()),
                None => ("autres".into(), "Autres".into(), String::new()),
            };
            steps.push(PathwayStep {
                id,
                label,
                description,
                modules,
            });
        }

        let excluded = (0..n)
            .filter(|&i| state[i] == Place::Excluded)
            .map(|i| Excluded {
                module: cat.modules[i].id.clone(),
                title: cat.modules[i].title.clone(),
                reason: excluded_reason[i].unwrap_or_default().to_string(),
            })
            .collect();

        let mut apart: Vec<usize> = (0..n).filter(|&i| state[i] == Place::Apart).collect();
        let standing = |m: &Module| m.standing_on(today);
        apart.sort_by(|&a, &b| {
            let (ma, mb) = (&cat.modules[a], &cat.modules[b]);
            standing(ma)
                .cmp(&standing(mb))
                .then(score[b].cmp(&score[a]))
                .then(mb.priority.cmp(&ma.priority))
                .then_with(|| ma.id.cmp(&mb.id))
        });
        let not_actionable = apart
            .into_iter()
            .map(|i| {
                let m = &cat.modules[i];
                NotActionable {
                    id: m.id.clone(),
                    title: m.title.clone(),
                    provider: self.provider[i].to_string(),
                    nature: m.nature,
                    standing: standing(m),
                    state: m.state_on(today),
                    status: m.status.clone(),
                    url: m.url.clone(),
                    access: m.access.clone(),
                    score: score[i],
                    reasons: std::mem::take(&mut reasons[i]),
                    required_by: required_by[i]
                        .iter()
                        .map(|&j| cat.modules[j].id.clone())
                        .collect(),
                }
            })
            .collect();

        Pathway {
            catalogue_version: cat.version.clone(),
            steps,
            excluded,
            not_actionable,
        }
    }

    /// Stable topological order: among the modules whose in-step
    /// prerequisites are already placed, always take the earliest in the
    /// sorted order. Modules with no such constraint keep their place.
    fn prerequisites_first(&self, sorted: &[usize], pos: &mut [usize]) -> Vec<usize> {
        for (p, &i) in sorted.iter().enumerate() {
            pos[i] = p;
        }
        let mut pending = vec![0usize; sorted.len()];
        let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); sorted.len()];
        for (p, &i) in sorted.iter().enumerate() {
            for &j in self.prerequisites.get(i) {
                let q = pos[j];
                if q != usize::MAX && q != p && !dependents[q].contains(&p) {
                    dependents[q].push(p);
                    pending[p] += 1;
                }
            }
        }
        for &i in sorted {
            pos[i] = usize::MAX;
        }
        let mut ready: BinaryHeap<Reverse<usize>> = (0..sorted.len())
            .filter(|&p| pending[p] == 0)
            .map(Reverse)
            .collect();
        let mut placed = vec![false; sorted.len()];
        let mut out = Vec::with_capacity(sorted.len());
        while let Some(Reverse(p)) = ready.pop() {
            placed[p] = true;
            out.push(sorted[p]);
            for &d in &dependents[p] {
                pending[d] -= 1;
                if pending[d] == 0 {
                    ready.push(Reverse(d));
                }
            }
        }
        // A cycle (only in an unvalidated catalogue): keep the rest in order.
        out.extend((0..sorted.len()).filter(|&p| !placed[p]).map(|p| sorted[p]));
        out
    }

    fn trigger(&self, q: &str, when: &Condition, answers: &impl AnswerLookup) -> Trigger {
        let question = self.questions.get(q);
        let answer = match (answers.answer(q), question) {
            // For ticks, name only those the rule looks at: « Foncier », not
            // every theme chosen.
            (Some(Answer::Options(ticked)), Some(question)) => {
                let named = named_options(when, q);
                let shown: Vec<&str> = ticked
                    .iter()
                    .filter(|o| named.contains(&o.as_str()))
                    .map(|o| question.option_label(o).unwrap_or(o))
                    .collect();
                if shown.is_empty() {
                    Answer::Options(ticked.clone()).label(question)
                } else {
                    shown.join(", ")
                }
            }
            (Some(a), Some(question)) => a.label(question),
            (None, _) => "Sans réponse".to_string(),
            // Unknown question (unvalidated catalogue): show the raw answer.
            (Some(a), None) => match a {
                Answer::Option(o) => o.clone(),
                Answer::Options(v) => v.join(", "),
                Answer::Number(n) => n.to_string(),
                Answer::Unknown => "Je ne sais pas".to_string(),
            },
        };
        Trigger {
            question: q.to_string(),
            question_label: question.map_or_else(|| q.to_string(), |qq| qq.label.clone()),
            answer,
        }
    }
}

/// Options of question `q` that `equals` / `in` atoms of `c` name outside
/// any `not`: the ticks that can make the condition true.
fn named_options<'c>(c: &'c Condition, q: &str) -> Vec<&'c str> {
    fn walk<'c>(c: &'c Condition, q: &str, out: &mut Vec<&'c str>) {
        match c {
            Condition::All(l) | Condition::Any(l) => l.iter().for_each(|s| walk(s, q, out)),
            Condition::Equals(t) if t.question == q => out.push(&t.option),
            Condition::In(t) if t.question == q => out.extend(t.options.iter().map(String::as_str)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(c, q, &mut out);
    out
}

/// Where a module ends up in a pathway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Not pointed to by the answers.
    Out,
    /// A step of the pathway.
    Step,
    /// Pointed to, but one of its exclusions applies.
    Excluded,
    /// Pointed to, but a proposition or a closed offer: listed apart.
    Apart,
}

/// Lists of positions stored end to end: one allocation instead of one
/// per rule or module.
#[derive(Debug, Clone, Default)]
struct Flat {
    items: Vec<usize>,
    /// `items[ends[k-1]..ends[k]]` is list `k`.
    ends: Vec<usize>,
}

impl Flat {
    fn push(&mut self, list: impl Iterator<Item = usize>) {
        self.items.extend(list);
        self.ends.push(self.items.len());
    }

    fn get(&self, k: usize) -> &[usize] {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.items[start..self.ends[k]]
    }
}

/// The pathway for `answers` on `today`; see [`Index::pathway`] to reuse
/// lookups.
pub fn pathway(cat: &Catalogue, answers: &Answers, today: &str) -> Pathway {
    Index::new(cat).pathway(answers, today)
}
