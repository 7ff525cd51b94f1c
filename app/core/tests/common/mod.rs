#![allow(dead_code)]

use parcours_core::{Answer, Answers, Catalogue};
use serde_json::Value;

pub const MINI: &str = include_str!("../fixtures/mini.json");

pub fn mini_value() -> Value {
    serde_json::from_str(MINI).unwrap()
}

pub fn mini() -> Catalogue {
    parcours_core::load(MINI).unwrap_or_else(|d| panic!("mini.json invalide : {d:?}"))
}

pub fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

pub fn opt(s: &str) -> Answer {
    Answer::Option(s.into())
}

pub fn opts(s: &[&str]) -> Answer {
    Answer::Options(s.iter().map(|x| x.to_string()).collect())
}

/// The day the tests run on: after mini.json's publication and checks,
/// before its open call closes (2027-06-30).
pub const TODAY: &str = "2026-12-02";
