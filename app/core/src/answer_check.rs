//! Whether an answer fits its question (`flow` counts only those that do),
//! a whole set of answers checked against the questionnaire before it is
//! trusted, and the ticking of options as the questionnaire does it: an
//! exclusive option (« Aucun de ces programmes », « Pas de manque
//! particulier ») is ticked alone.

use std::fmt;

use crate::answers::{Answer, Answers};
use crate::model::{Catalogue, Question, QuestionKind};

/// An answer the questionnaire cannot take, with why in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerError {
    /// The question id.
    pub question: String,
    /// A French sentence that names the question by its label
    /// (« « Quels programmes… ? » : … »).
    pub message: String,
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AnswerError {}

/// Every answer that does not fit its question (unknown question, option
/// not offered, a number out of bounds, an exclusive option ticked with
/// another…), in question id order. Answers to questions hidden by the
/// current answers are checked too: they come back if the question shows
/// again.
pub fn check(cat: &Catalogue, answers: &Answers) -> Result<(), Vec<AnswerError>> {
    let errors: Vec<AnswerError> = answers
        .iter()
        .filter_map(|(id, answer)| {
            let Some(question) = cat.question(id) else {
                return Some(AnswerError {
                    question: id.clone(),
                    message: format!("la question « {id} » ne fait pas partie du questionnaire"),
                });
            };
            validate_answer(question, answer)
                .err()
                .map(|why| AnswerError {
                    question: id.clone(),
                    message: format!("« {} » : {why}", question.label),
                })
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Whether `answer` fits `question`; the error is a French sentence for the
/// person answering.
pub fn validate_answer(question: &Question, answer: &Answer) -> Result<(), String> {
    let check_option = |o: &str| {
        if question.has_option(o) {
            Ok(())
        } else {
            Err(format!("« {o} » ne fait pas partie des réponses proposées"))
        }
    };
    match (question.kind, answer) {
        (_, Answer::Unknown) => {
            if question.allow_unknown {
                Ok(())
            } else {
                Err("la réponse « Je ne sais pas » n'est pas proposée pour cette question".into())
            }
        }
        (QuestionKind::Single | QuestionKind::YesNo, Answer::Option(o)) => check_option(o),
        (QuestionKind::Multiple, Answer::Options(list)) => {
            for (i, o) in list.iter().enumerate() {
                check_option(o)?;
                if list[..i].contains(o) {
                    return Err(format!("« {o} » est cochée deux fois"));
                }
            }
            // « Aucun » with something else says two opposite things: such
            // an answer counts for nothing until the user chooses.
            match list.iter().find(|o| question.is_exclusive(o)) {
                Some(o) if list.len() > 1 => Err(exclusive_message(question, o)),
                _ => Ok(()),
            }
        }
        (QuestionKind::Scale | QuestionKind::Number, Answer::Number(n)) => {
            if let Some(min) = question.min.filter(|m| n < m) {
                return Err(format!("la valeur doit être au moins {min}"));
            }
            if let Some(max) = question.max.filter(|m| n > m) {
                return Err(format!("la valeur doit être au plus {max}"));
            }
            Ok(())
        }
        (kind, _) => Err(match kind {
            QuestionKind::Single | QuestionKind::YesNo => {
                "une seule réponse est attendue parmi celles proposées"
            }
            QuestionKind::Multiple => "une liste de réponses cochées est attendue",
            QuestionKind::Scale | QuestionKind::Number => "un nombre entier est attendu",
        }
        .into()),
    }
}

/// Why an answer ticking exclusive option `option` with others is refused.
fn exclusive_message(question: &Question, option: &str) -> String {
    let label = question.option_label(option).unwrap_or(option);
    format!("« {label} » ne peut pas être cochée en même temps qu'une autre réponse")
}

/// The ticks of a `multiple` question after the user ticks or unticks
/// `option` (whichever it was not): ticking an exclusive option unticks
/// the others, ticking another unticks the exclusive ones. In catalogue
/// order, without repeats, so that the same choices give the same answer.
pub fn toggle_option(question: &Question, current: &[String], option: &str) -> Vec<String> {
    let on = !current.iter().any(|o| o == option);
    let keep = |o: &&String| {
        if o.as_str() == option {
            false
        } else if on {
            // Ticking: an exclusive option stands alone, and any other
            // ends the exclusive ones.
            !question.is_exclusive(option) && !question.is_exclusive(o)
        } else {
            true
        }
    };
    let mut ticked: Vec<String> = current.iter().filter(keep).cloned().collect();
    if on {
        ticked.push(option.to_string());
    }
    let order = question.option_ids();
    ticked.sort_by_key(|o| order.iter().position(|x| x == o));
    ticked.dedup();
    ticked
}

/// [`toggle_option`] on an answer: `None` once nothing is ticked.
pub fn toggle_answer(
    question: &Question,
    current: Option<&Answer>,
    option: &str,
) -> Option<Answer> {
    let ticked: &[String] = match current {
        Some(Answer::Options(list)) => list,
        _ => &[],
    };
    let next = toggle_option(question, ticked, option);
    (!next.is_empty()).then_some(Answer::Options(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question() -> Question {
        serde_json::from_value(serde_json::json!({
            "id": "q", "label": "Quels programmes ?", "help": "H", "kind": "multiple",
            "options": [
                {"id": "a", "label": "A"},
                {"id": "b", "label": "B"},
                {"id": "aucun", "label": "Aucun de ces programmes", "exclusive": true}
            ]
        }))
        .unwrap()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_exclusive_option_unticks_the_others_and_is_unticked_by_them() {
        let q = question();
        assert_eq!(toggle_option(&q, &ids(&["b"]), "a"), ids(&["a", "b"]));
        assert_eq!(
            toggle_option(&q, &ids(&["a", "b"]), "aucun"),
            ids(&["aucun"])
        );
        assert_eq!(toggle_option(&q, &ids(&["aucun"]), "b"), ids(&["b"]));
        assert_eq!(toggle_option(&q, &ids(&["a", "b"]), "a"), ids(&["b"]));
        assert_eq!(toggle_option(&q, &ids(&["aucun"]), "aucun"), ids(&[]));
        assert_eq!(
            toggle_answer(&q, None, "aucun"),
            Some(Answer::Options(ids(&["aucun"])))
        );
        assert_eq!(
            toggle_answer(&q, Some(&Answer::Options(ids(&["a"]))), "a"),
            None
        );
    }

    #[test]
    fn an_exclusive_option_with_another_is_refused_naming_the_question() {
        let q = question();
        let both = Answer::Options(ids(&["a", "aucun"]));
        assert_eq!(
            validate_answer(&q, &both).unwrap_err(),
            "« Aucun de ces programmes » ne peut pas être cochée en même temps qu'une autre réponse"
        );
        assert!(validate_answer(&q, &Answer::Options(ids(&["aucun"]))).is_ok());
        assert!(validate_answer(&q, &Answer::Options(ids(&["a", "b"]))).is_ok());
    }
}
