//! Evaluating conditions over answers, in three-valued (Kleene) logic: an
//! unanswered question or « Je ne sais pas » is neither true nor false.

use serde::Serialize;

use std::collections::HashMap;
use std::hash::BuildHasher;

use crate::answers::{Answer, Answers};
use crate::model::Condition;

/// Where conditions read answers: the user's [`Answers`], or the borrowed
/// map of effective answers the engine builds (no cloning per pathway).
pub trait AnswerLookup {
    fn answer(&self, question: &str) -> Option<&Answer>;
}

impl AnswerLookup for Answers {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question)
    }
}

impl<S: BuildHasher> AnswerLookup for HashMap<&str, &Answer, S> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question).copied()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Truth {
    True,
    False,
    Unknown,
}

impl Truth {
    pub fn is_true(self) -> bool {
        self == Truth::True
    }

    pub fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::True, Truth::True) => Truth::True,
            _ => Truth::Unknown,
        }
    }

    pub fn or(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::True, _) | (_, Truth::True) => Truth::True,
            (Truth::False, Truth::False) => Truth::False,
            _ => Truth::Unknown,
        }
    }

    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

impl From<bool> for Truth {
    fn from(b: bool) -> Self {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
}

/// The answer that counts: absent or « Je ne sais pas » is `None`.
fn real<'a, L: AnswerLookup + ?Sized>(answers: &'a L, q: &str) -> Option<&'a Answer> {
    answers.answer(q).filter(|a| a.is_real())
}

fn has_option(answer: &Answer, option: &str) -> Option<bool> {
    match answer {
        Answer::Option(o) => Some(o == option),
        Answer::Options(v) => Some(v.iter().any(|o| o == option)),
        // A number where an option is expected: wrong type, unknowable.
        Answer::Number(_) | Answer::Unknown => None,
    }
}

fn number(answer: &Answer) -> Option<i64> {
    match answer {
        Answer::Number(n) => Some(*n),
        _ => None,
    }
}

/// Three-valued value of `c` under `answers`. Never panics, whatever the
/// answers (a wrong-typed answer is `Unknown`).
pub fn eval<L: AnswerLookup + ?Sized>(c: &Condition, answers: &L) -> Truth {
    match c {
        // Short-circuit only on the deciding value; Unknown must keep looking.
        Condition::All(list) => {
            let mut acc = Truth::True;
            for sub in list {
                acc = acc.and(eval(sub, answers));
                if acc == Truth::False {
                    break;
                }
            }
            acc
        }
        Condition::Any(list) => {
            let mut acc = Truth::False;
            for sub in list {
                acc = acc.or(eval(sub, answers));
                if acc == Truth::True {
                    break;
                }
            }
            acc
        }
        Condition::Not(sub) => eval(sub, answers).not(),
        Condition::Answered(q) => real(answers, q).is_some().into(),
        Condition::Unknown(q) => real(answers, q).is_none().into(),
        Condition::Equals(t) => real(answers, &t.question)
            .and_then(|a| has_option(a, &t.option))
            .map_or(Truth::Unknown, Truth::from),
        Condition::In(t) => real(answers, &t.question)
            .and_then(|a| {
                let mut any = false;
                for o in &t.options {
                    any |= has_option(a, o)?;
                }
                Some(any)
            })
            .map_or(Truth::Unknown, Truth::from),
        Condition::AtLeast(t) => real(answers, &t.question)
            .and_then(number)
            .map_or(Truth::Unknown, |n| (n >= t.value).into()),
        Condition::AtMost(t) => real(answers, &t.question)
            .and_then(number)
            .map_or(Truth::Unknown, |n| (n <= t.value).into()),
    }
}

/// The questions whose answers make `c` true, in order of appearance and
/// without duplicates: what a reason names (« the question and the answer
/// that triggered it »). Empty when `c` is not true.
pub fn triggers<'c, L: AnswerLookup + ?Sized>(c: &'c Condition, answers: &L) -> Vec<&'c str> {
    let mut out = Vec::new();
    if eval(c, answers) == Truth::True {
        support(c, answers, Truth::True, &mut out, false);
    }
    out
}

/// Those of [`triggers`] that count for having no real answer (an
/// `unknown` that holds, an `answered` that fails): the questions whose
/// « Je ne sais pas » (or silence) made `c` true.
pub fn unknown_triggers<'c, L: AnswerLookup + ?Sized>(
    c: &'c Condition,
    answers: &L,
) -> Vec<&'c str> {
    let mut out = Vec::new();
    if eval(c, answers) == Truth::True {
        support(c, answers, Truth::True, &mut out, true);
    }
    out
}

/// [`triggers`] with the answer each question was given (`None` when the
/// atom is true because the question is unanswered, e.g. `unknown`).
pub fn trigger_answers<'c, 'a, L: AnswerLookup + ?Sized>(
    c: &'c Condition,
    answers: &'a L,
) -> Vec<(&'c str, Option<&'a Answer>)> {
    triggers(c, answers)
        .into_iter()
        .map(|q| (q, answers.answer(q)))
        .collect()
}

/// Atoms that give `c` the value `want` (which it is known to have);
/// with `only_unknown`, only those that hold for a missing answer.
fn support<'c, L: AnswerLookup + ?Sized>(
    c: &'c Condition,
    answers: &L,
    want: Truth,
    out: &mut Vec<&'c str>,
    only_unknown: bool,
) {
    let mut push = |q: &'c str| {
        if !out.contains(&q) {
            out.push(q);
        }
    };
    match c {
        Condition::All(list) | Condition::Any(list) => {
            // all=True and any=False need every child; otherwise the
            // children holding the deciding value are the reason.
            let every = matches!(
                (c, want),
                (Condition::All(_), Truth::True) | (Condition::Any(_), Truth::False)
            );
            for sub in list {
                if every || eval(sub, answers) == want {
                    support(sub, answers, want, out, only_unknown);
                }
            }
        }
        Condition::Not(sub) => support(sub, answers, want.not(), out, only_unknown),
        Condition::Answered(q) | Condition::Unknown(q) => {
            let missing = matches!(
                (c, want),
                (Condition::Unknown(_), Truth::True) | (Condition::Answered(_), Truth::False)
            );
            if missing || !only_unknown {
                push(q)
            }
        }
        _ if only_unknown => {}
        Condition::Equals(t) => push(&t.question),
        Condition::In(t) => push(&t.question),
        Condition::AtLeast(t) | Condition::AtMost(t) => push(&t.question),
    }
}

/// Every question a condition names, in order, without duplicates.
pub fn questions(c: &Condition) -> Vec<&str> {
    fn walk<'c>(c: &'c Condition, out: &mut Vec<&'c str>) {
        let q: &str = match c {
            Condition::All(l) | Condition::Any(l) => {
                l.iter().for_each(|s| walk(s, out));
                return;
            }
            Condition::Not(s) => return walk(s, out),
            Condition::Answered(q) | Condition::Unknown(q) => q,
            Condition::Equals(t) => &t.question,
            Condition::In(t) => &t.question,
            Condition::AtLeast(t) | Condition::AtMost(t) => &t.question,
        };
        if !out.contains(&q) {
            out.push(q);
        }
    }
    let mut out = Vec::new();
    walk(c, &mut out);
    out
}
