//! A user's answers, keyed by question id, and how they read from JSON
//! (saved answers, answers files, the CLI's `--answers`).

use serde::{Deserialize, Serialize};

use crate::read::{under, wrong, FromJson, Json, Read};

/// One answer. In JSON: `null` for « Je ne sais pas », a string for a
/// single/yes-no option, an array for multiple options, an integer for a
/// scale or a number.
///
/// Read by hand ([`FromJson`], below) rather than with `#[serde(untagged)]`, which
/// buffers every value before trying each variant: the same JSON, less wasm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// « Je ne sais pas ».
    Unknown,
    Option(String),
    Options(Vec<String>),
    Number(i64),
}

/// Answers by question id, in id order, so that serialisation, share links
/// and pathways are deterministic. A sorted vector rather than a `BTreeMap`:
/// a diagnostic holds a few dozen answers, and the map's code weighed 13 KB
/// of the wasm. In JSON, an object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, Answer)>);

impl Answers {
    pub fn new() -> Answers {
        Answers(Vec::new())
    }

    fn find(&self, question: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(q, _)| q.as_str().cmp(question))
    }

    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.find(question).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, question: &str) -> bool {
        self.find(question).is_ok()
    }

    /// Sets the answer to `question`; returns the one it replaces.
    pub fn insert(&mut self, question: String, answer: Answer) -> Option<Answer> {
        match self.find(&question) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, answer)),
            Err(i) => {
                self.0.insert(i, (question, answer));
                None
            }
        }
    }

    pub fn remove(&mut self, question: &str) -> Option<Answer> {
        self.find(question).ok().map(|i| self.0.remove(i).1)
    }

    /// Gives `question` the answer `answer`, or none (`None`): what an edit
    /// in the questionnaire does.
    pub fn set(&mut self, question: &str, answer: Option<Answer>) {
        match answer {
            Some(a) => {
                self.insert(question.to_string(), a);
            }
            None => {
                self.remove(question);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// In question id order.
    pub fn iter(&self) -> <&Answers as IntoIterator>::IntoIter {
        self.into_iter()
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.0.iter().map(|(q, _)| q)
    }
}

impl FromIterator<(String, Answer)> for Answers {
    /// As a map collects: for a repeated question, the last answer wins.
    fn from_iter<I: IntoIterator<Item = (String, Answer)>>(iter: I) -> Answers {
        let mut answers = Answers::new();
        answers.extend(iter);
        answers
    }
}

impl Extend<(String, Answer)> for Answers {
    fn extend<I: IntoIterator<Item = (String, Answer)>>(&mut self, iter: I) {
        for (q, a) in iter {
            self.insert(q, a);
        }
    }
}

impl IntoIterator for Answers {
    type Item = (String, Answer);
    type IntoIter = std::vec::IntoIter<(String, Answer)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a String, &'a Answer);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Answer)>,
        fn(&'a (String, Answer)) -> (&'a String, &'a Answer),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(q, a)| (q, a))
    }
}

impl Serialize for Answers {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

/// Read by [`FromJson`] (`read.rs`), the one reader of answers: serde's
/// interface is kept for the tools and tests that use it.
impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Answers, D::Error> {
        from_tree(d)
    }
}

fn from_tree<'de, T: FromJson, D: serde::Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    T::from_json(Json::deserialize(d)?).map_err(|e| {
        let at = if e.pointer.is_empty() { "" } else { " en " };
        serde::de::Error::custom(format!("{}{at}{}", e.message, e.pointer))
    })
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Unknown => s.serialize_unit(),
            Answer::Option(o) => s.serialize_str(o),
            Answer::Options(list) => list.serialize(s),
            Answer::Number(n) => s.serialize_i64(*n),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Answer, D::Error> {
        from_tree(d)
    }
}

/// An object of answers; a repeated question keeps its last answer (as
/// serde reads a map).
impl FromJson for Answers {
    fn from_json(v: Json) -> Read<Self> {
        let Json::Obj(entries) = v else {
            return Err(wrong(&v, "un objet"));
        };
        let mut answers = Answers::new();
        for (question, value) in entries {
            let answer = Answer::from_json(value).map_err(|d| under(d, &question))?;
            answers.insert(question, answer);
        }
        Ok(answers)
    }
}

/// `null`, an option, a list of options or an integer.
impl FromJson for Answer {
    fn from_json(v: Json) -> Read<Self> {
        match v {
            Json::Null => Ok(Answer::Unknown),
            Json::Str(o) => Ok(Answer::Option(o)),
            Json::Arr(_) => Vec::from_json(v).map(Answer::Options),
            Json::Num(_) => i64::from_json(v).map(Answer::Number),
            v => Err(wrong(
                &v,
                "null, un texte, une liste de textes ou un entier",
            )),
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_question_keeps_its_last_answer_as_in_a_map() {
        let a: Answers = serde_json::from_str(r#"{"b": 3, "a": null, "b": "oui"}"#).unwrap();
        assert_eq!(
            a.iter().collect::<Vec<_>>(),
            [
                (&"a".to_string(), &Answer::Unknown),
                (&"b".to_string(), &Answer::Option("oui".into()))
            ]
        );
        assert!(serde_json::from_str::<Answers>("[]").is_err());
    }

    #[test]
    fn an_answer_reads_and_writes_each_json_form() {
        for (json, answer) in [
            ("null", Answer::Unknown),
            (r#""oui""#, Answer::Option("oui".into())),
            (
                r#"["a","b"]"#,
                Answer::Options(vec!["a".into(), "b".into()]),
            ),
            ("[]", Answer::Options(vec![])),
            ("-12", Answer::Number(-12)),
            ("9223372036854775807", Answer::Number(i64::MAX)),
        ] {
            assert_eq!(
                serde_json::from_str::<Answer>(json).unwrap(),
                answer,
                "{json}"
            );
            assert_eq!(serde_json::to_string(&answer).unwrap(), json);
        }
        for wrong in ["true", "1.5", "9223372036854775808", r#"[1]"#, r#"{"a":1}"#] {
            assert!(serde_json::from_str::<Answer>(wrong).is_err(), "{wrong}");
        }
    }
}
