//! What migrating saved answers does besides dropping what no longer
//! exists (`share::migrate`): scales turned round since the answers were
//! saved, and the French lines of the notice that tells the user.

use serde::Serialize;

use crate::model::{Catalogue, Question, QuestionKind};
use crate::share::MigrationReport;

/// An answer kept but changed to mean what it meant when it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adapted {
    pub question: String,
    /// The value saved.
    pub from: i64,
    /// The value it reads as now.
    pub to: i64,
}

/// `YYYY.MM.N` as numbers, to compare versions (`2026.12.10` comes after
/// `2026.12.9`); `None` for anything else.
pub fn version_key(v: &str) -> Option<(u32, u32, u32)> {
    let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(Some(y)), Some(Some(m)), Some(Some(n)), None) => Some((y, m, n)),
        _ => None,
    }
}

/// How many times scale `question` was turned round after version `saved`:
/// the versions of its `reversed_in` that come after it. An unreadable
/// version (only a tampered link has one) turns nothing.
pub fn reversals(question: &Question, saved: &str) -> usize {
    let Some(saved) = version_key(saved) else {
        return 0;
    };
    question
        .reversed_in
        .iter()
        .filter(|v| version_key(v).is_some_and(|v| v > saved))
        .count()
}

/// Scale answer `n`, saved with version `saved`, as it reads in the
/// catalogue of `question` now.
pub fn turned(question: &Question, saved: &str, n: i64) -> i64 {
    match (question.kind, question.min, question.max) {
        (QuestionKind::Scale, Some(min), Some(max)) if reversals(question, saved) % 2 == 1 => {
            min.saturating_add(max).saturating_sub(n)
        }
        _ => n,
    }
}

impl MigrationReport {
    /// Nothing was dropped nor changed.
    pub fn is_empty(&self) -> bool {
        self.dropped.is_empty() && self.adapted.is_empty()
    }

    /// One French line per question concerned, for the notice the app
    /// shows: what was dropped and why, which scale was turned round and
    /// what the answer reads as now.
    pub fn lines(&self, cat: &Catalogue) -> Vec<String> {
        let name = |id: &str| {
            cat.question(id)
                .map(|q| format!("« {} »", q.label))
                .unwrap_or_else(|| format!("la question « {id} »"))
        };
        let mut out: Vec<String> = self
            .dropped
            .iter()
            .map(|d| {
                let option = d
                    .option
                    .as_deref()
                    .map(|o| {
                        let label = cat
                            .question(&d.question)
                            .and_then(|q| q.option_label(o))
                            .unwrap_or(o);
                        format!(" (« {label} »)")
                    })
                    .unwrap_or_default();
                format!("{}{option} : {}", name(&d.question), d.why)
            })
            .collect();
        for a in &self.adapted {
            let ends = cat.question(&a.question).and_then(|q| {
                Some(format!(
                    "l'échelle va désormais de {} (« {} ») à {} (« {} »)",
                    q.min?,
                    q.min_label.as_deref()?,
                    q.max?,
                    q.max_label.as_deref()?
                ))
            });
            let ends = ends.unwrap_or_else(|| "le sens de l'échelle a été inversé".into());
            out.push(format!(
                "{} : {ends} ; votre réponse {} devient {}, qui dit la même chose",
                name(&a.question),
                a.from,
                a.to
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(reversed_in: &[&str]) -> Question {
        serde_json::from_value(serde_json::json!({
            "id": "q", "label": "Q", "help": "H", "kind": "scale", "min": 1, "max": 5,
            "min_label": "Aucune difficulté", "max_label": "Très fortes",
            "reversed_in": reversed_in,
        }))
        .unwrap()
    }

    #[test]
    fn versions_compare_as_numbers() {
        assert!(version_key("2026.12.10") > version_key("2026.12.9"));
        assert!(version_key("2027.01.0") > version_key("2026.12.1"));
        assert_eq!(version_key("2026.12"), None);
        assert_eq!(version_key("2026.12.1.0"), None);
        assert_eq!(version_key("v2026.12.1"), None);
    }

    #[test]
    fn an_answer_saved_before_a_reversal_is_turned_round_once_per_reversal() {
        let once = scale(&["2026.12.1"]);
        assert_eq!(turned(&once, "2026.12.0", 2), 4);
        assert_eq!(turned(&once, "2026.11.0", 5), 1);
        assert_eq!(turned(&once, "2026.12.1", 2), 2);
        assert_eq!(turned(&once, "2027.01.0", 2), 2);
        assert_eq!(turned(&once, "pas une version", 2), 2);
        let twice = scale(&["2026.12.1", "2027.03.0"]);
        assert_eq!(turned(&twice, "2026.12.0", 2), 2);
        assert_eq!(turned(&twice, "2027.01.0", 2), 4);
    }
}
