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
