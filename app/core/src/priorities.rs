//! « Vos priorités », the fold of long steps and « rien d'urgent »: one
//! rule each, here, so that the screen, print and every export show the
//! same modules in the same order and split.
//!
//! - **Priorities**: the modules of the steps, whatever their step, ranked
//!   by score (the sum of the weights of the rules that recommend them),
//!   then by their heaviest rule, the module's `priority`, the step order
//!   and the id. The first three are taken, then a fourth and a fifth only
//!   if their score reaches [`STRONG_SCORE`]; a module comes after its
//!   prerequisites that are in the pathway (they join the priorities just
//!   before it, or it is passed over when they do not fit in five).
//! - **Fold**: a step shows its first [`FOLD_AFTER`] modules, the rest
//!   behind « Voir les n autres services de cette étape ». Its priorities
//!   come first (in the order of the priorities), then the others,
//!   strongest first (see `recommend.rs`): a priority is never folded, not
//!   even a prerequisite that scores nothing itself.
//! - **Rien d'urgent**: no module, in the steps or listed apart, reaches
//!   [`NEED_THRESHOLD`] from rules fired by real answers (not by « Je ne
//!   sais pas »). Then there are no priorities: the short pathway left,
//!   usually a few diagnostics, is enough.

use crate::pathway::{Pathway, PathwayStep, Reason, Recommended};

/// Modules a step shows before « Voir les n autres services de cette étape ».
pub const FOLD_AFTER: usize = 5;
/// At most this many priorities.
pub const MAX_PRIORITIES: usize = 5;
/// At least this many priorities when the steps hold that many modules
/// wanted by a rule.
pub const MIN_PRIORITIES: usize = 3;
/// Score a fourth or fifth priority must reach: a rule of weight 3 (a
/// difficulty the module answers directly), or several rules.
pub const STRONG_SCORE: u32 = 3;
/// Score from real answers that makes a need: a rule of weight 2 or more
/// (weight 1 is kept for complements and opportunities).
pub const NEED_THRESHOLD: u32 = 2;

/// Heading of the priorities on screen, in print and in exports.
pub const PRIORITIES_HEADING: &str = "Vos priorités";
/// Under the heading.
pub const PRIORITIES_INTRO: &str =
    "Les services qui répondent le plus directement à vos réponses, quelle que soit leur étape :";
/// Title shown instead of the priorities when nothing is urgent.
pub const NOTHING_URGENT_TITLE: &str = "Rien d'urgent ne ressort de vos réponses";
/// What it means, when some services remain.
pub const NOTHING_URGENT_TEXT: &str = "Vos réponses ne font apparaître aucune difficulté marquée : votre territoire n'a pas besoin d'un parcours complet. Les quelques services ci-dessous restent utiles, et le catalogue complet reste consultable.";
/// What it means, when no service remains.
pub const NOTHING_URGENT_EMPTY_TEXT: &str = "Vos réponses ne font apparaître aucune difficulté marquée : aucun service ne vous est proposé en priorité. Le catalogue complet reste consultable.";

impl PathwayStep {
    /// The modules shown at once, strongest first.
    pub fn shown(&self) -> &[Recommended] {
        &self.modules[..self.modules.len().min(FOLD_AFTER)]
    }

    /// The modules behind « Voir les n autres services de cette étape ».
    pub fn folded(&self) -> &[Recommended] {
        &self.modules[self.modules.len().min(FOLD_AFTER)..]
    }
}

/// The button that unfolds `n` modules of a step (none for 0).
pub fn fold_label(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some("Voir l'autre service de cette étape".to_string()),
        n => Some(format!("Voir les {n} autres services de cette étape")),
    }
}

/// Where the folded modules start on paper and in exports, which cannot
/// be unfolded (none for 0).
pub fn fold_heading(n: usize) -> Option<String> {
    match n {
        0 => None,
        1 => Some("L'autre service de cette étape (replié à l'écran) :".to_string()),
        n => Some(format!(
            "Les {n} autres services de cette étape (repliés à l'écran) :"
        )),
    }
}

/// Why a module is among the priorities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why<'a> {
    /// Its heaviest reason (the first of them on a tie).
    Reason(&'a Reason),
    /// Pulled in only as a prerequisite: the priorities that need it.
    Before(Vec<&'a Recommended>),
}

impl Why<'_> {
    /// The sentence shown beside the priority.
    pub fn text(&self) -> String {
        match self {
            Why::Reason(r) => r.text.clone(),
            Why::Before(next) => {
                let titles: Vec<String> = next.iter().map(|m| format!("« {} »", m.title)).collect();
                format!(
                    "À engager d'abord : c'est un préalable à {}.",
                    join_fr(&titles)
                )
            }
        }
    }
}

/// One of « Vos priorités ».
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priority<'a> {
    /// 1 for the first.
    pub rank: usize,
    pub module: &'a Recommended,
    pub why: Why<'a>,
}

impl Pathway {
    /// « Vos priorités » in order, each with why.
    pub fn priority_list(&self) -> Vec<Priority<'_>> {
        self.priorities
            .iter()
            .filter_map(|id| self.module(id))
            .enumerate()
            .map(|(k, m)| {
                let heaviest =
                    m.reasons
                        .iter()
                        .reduce(|best, r| if r.weight > best.weight { r } else { best });
                let why = match heaviest {
                    Some(r) => Why::Reason(r),
                    None => Why::Before(
                        m.required_by
                            .iter()
                            .filter(|id| self.priorities.contains(id))
                            .filter_map(|id| self.module(id))
                            .collect(),
                    ),
                };
                Priority {
                    rank: k + 1,
                    module: m,
                    why,
                }
            })
            .collect()
    }

    /// Rank of module `id` among the priorities (1 for the first).
    pub fn priority_rank(&self, id: &str) -> Option<usize> {
        self.priorities.iter().position(|p| p == id).map(|k| k + 1)
    }

    /// « 2 questions sans réponse (« Je ne sais pas ») ; « Observation
    /// continue du foncier économique » y répondra. », or nothing when no
    /// « Je ne sais pas » changed the pathway.
    pub fn unknowns_sentence(&self) -> Option<String> {
        if self.unknowns.is_empty() {
            return None;
        }
        let n = self.unknowns.len();
        let count = if n == 1 {
            "1 question sans réponse (« Je ne sais pas »)".to_string()
        } else {
            format!("{n} questions sans réponse (« Je ne sais pas »)")
        };
        let mut modules: Vec<&str> = Vec::new();
        for u in &self.unknowns {
            for id in &u.resolved_by {
                if !modules.contains(&id.as_str()) {
                    modules.push(id);
                }
            }
        }
        // In pathway order.
        let titles: Vec<String> = self
            .modules()
            .filter(|m| modules.contains(&m.id.as_str()))
            .map(|m| format!("« {} »", m.title))
            .collect();
        Some(match titles.len() {
            0 => format!("{count}."),
            1 => format!("{count} ; {} y répondra.", titles[0]),
            _ => format!("{count} ; {} y répondront.", join_fr(&titles)),
        })
    }
}

/// « a », « a et b », « a, b et c ».
fn join_fr(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} et {last}", rest.join(", ")),
    }
}

/// Puts the priorities of each step first, in their order, the others
/// after in theirs. Prerequisites stay before what needs them: those of a
/// priority are priorities placed before it.
pub(crate) fn lead_steps(steps: &mut [PathwayStep], priorities: &[String]) {
    for step in steps {
        let rank = |id: &str| priorities.iter().position(|p| p == id);
        // Stable: the others keep their order.
        step.modules
            .sort_by_key(|m| rank(&m.id).unwrap_or(priorities.len()));
    }
}

/// The priorities of `steps` (see the module's documentation).
pub(crate) fn choose(steps: &[PathwayStep]) -> Vec<String> {
    let all: Vec<(usize, &Recommended)> = steps
        .iter()
        .enumerate()
        .flat_map(|(s, step)| step.modules.iter().map(move |m| (s, m)))
        .collect();
    let heaviest = |m: &Recommended| m.reasons.iter().map(|r| r.weight).max().unwrap_or(0);
    let mut ranked: Vec<&(usize, &Recommended)> = all.iter().filter(|(_, m)| m.score > 0).collect();
    ranked.sort_by(|(sa, a), (sb, b)| {
        b.score
            .cmp(&a.score)
            .then(heaviest(b).cmp(&heaviest(a)))
            .then(b.priority.cmp(&a.priority))
            .then(sa.cmp(sb))
            .then_with(|| a.id.cmp(&b.id))
    });
    let find = |id: &str| all.iter().find(|(_, m)| m.id == id).map(|(_, m)| *m);
    let mut chosen: Vec<&str> = Vec::new();
    for (_, m) in ranked {
        if chosen.len() >= MAX_PRIORITIES
            || (chosen.len() >= MIN_PRIORITIES && m.score < STRONG_SCORE)
        {
            break;
        }
        if chosen.contains(&m.id.as_str()) {
            continue;
        }
        // Its prerequisites in the pathway not yet chosen, deepest first.
        let mut before: Vec<&str> = Vec::new();
        let mut stack: Vec<(&Recommended, usize)> = vec![(m, 0)];
        let mut met: Vec<&str> = vec![m.id.as_str()];
        while let Some((cur, next)) = stack.last_mut() {
            match cur.prerequisites.get(*next) {
                Some(p) => {
                    *next += 1;
                    if !met.contains(&p.as_str()) && !chosen.contains(&p.as_str()) {
                        met.push(p);
                        if let Some(pm) = find(p) {
                            stack.push((pm, 0));
                        }
                    }
                }
                None => {
                    let done = cur.id.as_str();
                    stack.pop();
                    if done != m.id {
                        before.push(done);
                    }
                }
            }
        }
        if chosen.len() + before.len() < MAX_PRIORITIES {
            chosen.extend(before);
            chosen.push(&m.id);
        }
    }
    chosen.into_iter().map(str::to_string).collect()
}
