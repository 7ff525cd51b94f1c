//! Answers saved with an older catalogue (a share link, the browser's
//! storage, an imported file) brought to the catalogue in use: what no
//! longer exists is dropped, scales turned round since are turned back to
//! mean what they meant, and the notice that tells the user is written in
//! French.

use serde::Serialize;

use crate::answers::{Answer, Answers};
use crate::model::{Catalogue, Question, QuestionKind};

/// What [`migrate`] removed or changed, to tell the user
/// ([`MigrationReport::lines`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MigrationReport {
    pub from_version: String,
    pub to_version: String,
    pub dropped: Vec<Dropped>,
    /// Scale answers turned round to keep their meaning.
    pub adapted: Vec<Adapted>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dropped {
    pub question: String,
    /// For a multiple answer, the one option removed.
    pub option: Option<String>,
    /// Why, in French.
    pub why: String,
}

/// Adapts answers saved with catalogue `shared_version` to `cat`: keeps what
/// still makes sense, reports the rest. For share links, saved answers and
/// imported files alike.
pub fn migrate(
    cat: &Catalogue,
    shared_version: &str,
    answers: Answers,
) -> (Answers, MigrationReport) {
    let mut report = MigrationReport {
        from_version: shared_version.to_string(),
        to_version: cat.version.clone(),
        dropped: Vec::new(),
        adapted: Vec::new(),
    };
    let mut adapted = Vec::new();
    let mut kept = Answers::new();
    let mut drop = |q: &str, option: Option<&str>, why: &str| {
        report.dropped.push(Dropped {
            question: q.to_string(),
            option: option.map(str::to_string),
            why: why.to_string(),
        });
    };
    for (q, answer) in answers {
        let Some(question) = cat.question(&q) else {
            drop(
                &q,
                None,
                "cette question n'existe plus dans le questionnaire",
            );
            continue;
        };
        let keep = match (question.kind, answer) {
            (_, Answer::Unknown) => {
                if question.allow_unknown {
                    Some(Answer::Unknown)
                } else {
                    drop(
                        &q,
                        None,
                        "la réponse « Je ne sais pas » n'est plus proposée pour cette question",
                    );
                    None
                }
            }
            (QuestionKind::Single | QuestionKind::YesNo, Answer::Option(o)) => {
                if question.has_option(&o) {
                    Some(Answer::Option(o))
                } else {
                    drop(&q, Some(&o), "cette réponse n'est plus proposée");
                    None
                }
            }
            (QuestionKind::Multiple, Answer::Options(list)) => {
                let was_empty = list.is_empty();
                let mut ok: Vec<String> = Vec::with_capacity(list.len());
                for o in list {
                    if ok.contains(&o) {
                        drop(&q, Some(&o), "cette réponse était cochée deux fois");
                        continue;
                    }
                    if question.has_option(&o) {
                        ok.push(o);
                    } else {
                        drop(&q, Some(&o), "cette réponse n'est plus proposée");
                    }
                }
                // « Aucun » ticked with something else: the other ticks
                // say more, « Aucun » goes.
                if ok.len() > 1 {
                    ok.retain(|o| {
                        let alone = question.is_exclusive(o);
                        if alone {
                            drop(
                                &q,
                                Some(o),
                                "cette réponse ne peut plus être cochée avec d'autres : elle a été retirée",
                            );
                        }
                        !alone
                    });
                }
                // Keep « none ticked » only if that is what was saved.
                (was_empty || !ok.is_empty()).then_some(Answer::Options(ok))
            }
            (QuestionKind::Scale | QuestionKind::Number, Answer::Number(n)) => {
                let low = question.min.is_some_and(|m| n < m);
                let high = question.max.is_some_and(|m| n > m);
                if low || high {
                    drop(
                        &q,
                        None,
                        "la valeur est en dehors des limites désormais admises",
                    );
                    None
                } else {
                    let now = turned(question, shared_version, n);
                    if now != n {
                        adapted.push(Adapted {
                            question: q.clone(),
                            from: n,
                            to: now,
                        });
                    }
                    Some(Answer::Number(now))
                }
            }
            _ => {
                drop(&q, None, "la forme de la question a changé");
                None
            }
        };
        if let Some(a) = keep {
            kept.insert(q, a);
        }
    }
    report.adapted = adapted;
    (kept, report)
}

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
