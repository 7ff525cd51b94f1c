//! A user's answers, keyed by question id.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One answer. In JSON: `null` for « Je ne sais pas », a string for a
/// single/yes-no option, an array for multiple options, an integer for a
/// scale or a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// « Je ne sais pas ».
    Unknown,
    Option(String),
    Options(Vec<String>),
    Number(i64),
}

/// Ordered so that serialisation, share links and pathways are deterministic.
pub type Answers = BTreeMap<String, Answer>;

impl Answer {
    /// A real answer: not « Je ne sais pas », not an empty set of ticks.
    pub fn is_real(&self) -> bool {
        match self {
            Answer::Unknown => false,
            Answer::Options(v) => !v.is_empty(),
            Answer::Option(_) | Answer::Number(_) => true,
        }
    }

    /// Human form of the answer to `question` (option labels, number with
    /// its unit, « Je ne sais pas »), for reasons and exports.
    pub fn label(&self, question: &crate::model::Question) -> String {
        match self {
            Answer::Unknown => "Je ne sais pas".to_string(),
            Answer::Option(o) => question.option_label(o).unwrap_or(o).to_string(),
            Answer::Options(v) => v
                .iter()
                .map(|o| question.option_label(o).unwrap_or(o))
                .collect::<Vec<_>>()
                .join(", "),
            Answer::Number(n) => match &question.unit {
                Some(unit) => format!("{n} {unit}"),
                None => n.to_string(),
            },
        }
    }
}
