//! The heaviest answers: every question answered, every theme chosen,
//! « oui » everywhere, so that every group is visible, most rules fire and
//! the pathway is the longest one. Shared by the engine benchmarks and the
//! browser ones (tests/src/lib.rs includes this file), so that both measure
//! the same case.

use parcours_core::{Answer, Answers, Catalogue, QuestionKind};

pub fn full_answers(cat: &Catalogue) -> Answers {
    cat.questions()
        .map(|q| {
            let a = match q.kind {
                QuestionKind::YesNo => Answer::Option("oui".into()),
                QuestionKind::Single => Answer::Option(q.options[0].id.clone()),
                QuestionKind::Multiple => {
                    Answer::Options(q.options.iter().map(|o| o.id.clone()).collect())
                }
                QuestionKind::Scale | QuestionKind::Number => Answer::Number(q.min.unwrap_or(0)),
            };
            (q.id.clone(), a)
        })
        .collect()
}
