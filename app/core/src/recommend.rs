//! From answers to a pathway (its types are in `pathway.rs`): rules score
//! modules, exclusions drop them, prerequisites are pulled in (not those of
//! a theme the questionnaire did not explore: they are named « à vérifier »
//! instead), and modules are
//! ordered by step, then the step's priorities, then strongest first, each
//! prerequisite just before the modules that need it. Only what one can act on becomes a step:
//! propositions of the note and closed offers that the answers point to are
//! listed apart (`not_actionable`). « Vos priorités », the fold of long
//! steps and « rien d'urgent » are decided in `priorities.rs`, which the
//! engine calls once the steps are built.
//!
//! Deterministic: same catalogue + same answers + same day ⇒ the same
//! pathway, byte for byte once serialised (no hash-map iteration reaches
//! the output). The day matters only for a call whose closing day passes.

use rustc_hash::FxHashMap;

use crate::answers::{Answer, Answers};
use crate::condition::{eval, triggers, unknown_triggers, AnswerLookup};
use crate::flow::effective_refs;
use crate::model::{Catalogue, Condition, Module, Question, Standing};
use crate::pathway::{
    Excluded, NotActionable, Pathway, PathwayStep, Reason, Recommended, Trigger, Unknown,
};
use crate::priorities;

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
    /// Per module: the questionnaire groups that explore one of its
    /// themes, or nothing when one of its themes has no group (such a
    /// module is always pulled in as a prerequisite).
    explored_by: Flat,
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
        let mut explored_by = Flat::default();
        for m in &cat.modules {
            let groups: Vec<Vec<usize>> = m
                .themes
                .iter()
                .map(|t| {
                    let groups = cat.questionnaire.groups.iter().enumerate();
                    groups
                        .filter(|(_, g)| g.theme.as_ref() == Some(t))
                        .map(|(k, _)| k)
                        .collect()
                })
                .collect();
            if groups.iter().all(|g| !g.is_empty()) {
                explored_by.push(groups.into_iter().flatten());
            } else {
                explored_by.push(std::iter::empty());
            }
        }
        Index {
            cat,
            questions,
            rule_modules,
            prerequisites,
            step,
            provider,
            explored_by,
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
        // From rules that real answers fired, not « Je ne sais pas ».
        let mut known_score = vec![0u32; n];
        let mut max_weight = vec![0u32; n];
        let mut reasons: Vec<Vec<Reason>> = vec![Vec::new(); n];
        let mut wanted = vec![false; n];
        // (question answered « Je ne sais pas », rule) pairs.
        let mut unknown_fired: Vec<(&str, usize)> = Vec::new();

        for (r, rule) in cat.rules.iter().enumerate() {
            if !eval(&rule.when, &eff).is_true() {
                continue;
            }
            let trig: Vec<Trigger> = triggers(&rule.when, &eff)
                .into_iter()
                .map(|q| self.trigger(q, &rule.when, &eff))
                .collect();
            let missing = unknown_triggers(&rule.when, &eff);
            for &q in &missing {
                if matches!(eff.get(q), Some(Answer::Unknown)) {
                    unknown_fired.push((q, r));
                }
            }
            let hits = self.rule_modules.get(r);
            let mut reason = Some(Reason {
                rule: rule.id.clone(),
                text: rule.reason.clone(),
                weight: rule.weight,
                triggers: trig,
                unknowns: missing.iter().map(|q| q.to_string()).collect(),
            });
            for (k, &i) in hits.iter().enumerate() {
                score[i] = score[i].saturating_add(rule.weight);
                if missing.is_empty() {
                    known_score[i] = known_score[i].saturating_add(rule.weight);
                }
                max_weight[i] = max_weight[i].max(rule.weight);
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
        // Pull prerequisites in, transitively, except those of a theme the
        // questionnaire did not explore: nobody could say whether they are
        // done, so the modules that need them say « à vérifier ».
        let shown: Vec<bool> = cat
            .questionnaire
            .groups
            .iter()
            .map(|g| {
                g.visible_if
                    .as_ref()
                    .is_none_or(|c| eval(c, &eff).is_true())
            })
            .collect();
        let explorable = |j: usize| {
            let groups = self.explored_by.get(j);
            groups.is_empty() || groups.iter().any(|&g| shown[g])
        };
        let mut to_check: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut k = 0;
        while k < queue.len() {
            let i = queue[k];
            k += 1;
            for &j in self.prerequisites.get(i) {
                if state[j] == Place::Out && !explorable(j) {
                    to_check[i].push(j);
                } else {
                    decide(j, &mut state, &mut excluded_reason, &mut queue);
                }
            }
        }
        let mut required_by: Vec<Vec<usize>> = vec![Vec::new(); n];
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
            // The order of « Vos priorités », within the step.
            members.sort_by(|&a, &b| {
                score[b]
                    .cmp(&score[a])
                    .then(max_weight[b].cmp(&max_weight[a]))
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
                        to_check: to_check[i]
                            .iter()
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

        // A need: a module of the steps or listed apart whose score from
        // real answers reaches the threshold.
        let nothing_urgent = (0..n)
            .filter(|&i| matches!(state[i], Place::Step | Place::Apart))
            .all(|i| known_score[i] < priorities::NEED_THRESHOLD);
        let priorities = if nothing_urgent {
            Vec::new()
        } else {
            priorities::choose(&steps)
        };
        priorities::lead_steps(&mut steps, &priorities);
        let unknowns = self.unknowns(&unknown_fired, &state, &steps);

        Pathway {
            catalogue_version: cat.version.clone(),
            steps,
            excluded,
            not_actionable,
            priorities,
            nothing_urgent,
            unknowns,
        }
    }

    /// The questions answered « Je ne sais pas » whose rules brought a
    /// module into the steps or apart, in questionnaire order.
    fn unknowns(
        &self,
        fired: &[(&str, usize)],
        state: &[Place],
        steps: &[PathwayStep],
    ) -> Vec<Unknown> {
        let in_pathway: Vec<&str> = steps
            .iter()
            .flat_map(|s| s.modules.iter().map(|m| m.id.as_str()))
            .collect();
        self.cat
            .questions()
            .filter_map(|q| {
                let rules: Vec<usize> = fired
                    .iter()
                    .filter(|(id, _)| *id == q.id)
                    .map(|&(_, r)| r)
                    .collect();
                let placed = rules.iter().any(|&r| {
                    self.rule_modules
                        .get(r)
                        .iter()
                        .any(|&i| matches!(state[i], Place::Step | Place::Apart))
                });
                if !placed {
                    return None;
                }
                let resolved_by = in_pathway
                    .iter()
                    .filter(|id| {
                        rules
                            .iter()
                            .any(|&r| self.cat.rules[r].modules.iter().any(|m| m == *id))
                    })
                    .map(|id| id.to_string())
                    .collect();
                Some(Unknown {
                    question: q.id.clone(),
                    question_label: q.label.clone(),
                    resolved_by,
                })
            })
            .collect()
    }

    /// Strongest first, each module's in-step prerequisites just before
    /// it (themselves strongest first): a module never waits behind weaker
    /// ones because its prerequisite scored less.
    fn prerequisites_first(&self, sorted: &[usize], pos: &mut [usize]) -> Vec<usize> {
        for (p, &i) in sorted.iter().enumerate() {
            pos[i] = p;
        }
        let deps: Vec<Vec<usize>> = sorted
            .iter()
            .enumerate()
            .map(|(p, &i)| {
                let mut d: Vec<usize> = self
                    .prerequisites
                    .get(i)
                    .iter()
                    .map(|&j| pos[j])
                    .filter(|&q| q != usize::MAX && q != p)
                    .collect();
                d.sort_unstable();
                d.dedup();
                d
            })
            .collect();
        for &i in sorted {
            pos[i] = usize::MAX;
        }
        // Depth first, iteratively (a long chain in a fuzzed catalogue
        // must not overflow the stack); a module is marked when first met,
        // so a cycle (only in an unvalidated catalogue) ends.
        let mut placed = vec![false; sorted.len()];
        let mut out = Vec::with_capacity(sorted.len());
        for start in 0..sorted.len() {
            if placed[start] {
                continue;
            }
            placed[start] = true;
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            while let Some(&mut (p, ref mut next)) = stack.last_mut() {
                if let Some(&q) = deps[p].get(*next) {
                    *next += 1;
                    if !placed[q] {
                        placed[q] = true;
                        stack.push((q, 0));
                    }
                } else {
                    out.push(sorted[p]);
                    stack.pop();
                }
            }
        }
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
