//! The questionnaire as the user walks it, one step (a visible group) at a
//! time: which step opens, where « Précédent » and « Suivant » lead, and
//! how an answer changes as the user ticks, unticks and types.
//!
//! [`Outline`] is what a page keeps between two changes of the answers:
//! built from one [`Flow`] per change, and owned (no borrow of the
//! catalogue), so that it can live in a reactive memo.

use std::fmt;

use crate::answer_check::toggle_answer;
use crate::answers::{Answer, Answers};
use crate::flow::Flow;
use crate::model::{Catalogue, Question, QuestionKind};

/// The questionnaire for one set of answers: its visible steps and
/// questions, and how far the user is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    steps: Vec<StepOutline>,
    /// Ids of the visible questions, in order.
    visible: Vec<String>,
    answered: usize,
}

/// One visible step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepOutline {
    /// The group's id, which is the step's in URLs.
    pub id: String,
    pub label: String,
    /// Required visible questions without an answer.
    pub missing: Vec<String>,
    /// Shown only for some answers (a theme's step): numbered among such
    /// steps (see [`StepCount`]).
    pub chosen: bool,
}

/// What the questionnaire's page shows for the step asked in its URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    /// That step: it is shown.
    Show(String),
    /// Another one: the step asked is not (or no longer) shown, or none was
    /// asked. The page goes there.
    Redirect(String),
    /// No step is visible (an empty questionnaire): nothing to open.
    Nothing,
}

/// Where « Suivant » leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Forward {
    /// Required questions of this step are unanswered: the user stays, and
    /// these are shown in error (the first one focused).
    Missing(Vec<String>),
    Step(String),
    /// It was the last step: « Voir mon parcours ».
    Pathway,
}

/// Where « Précédent » leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Back {
    Step(String),
    /// It was the first step.
    Home,
}

/// « Étape 1 sur 2 », « Thème 2 sur 3 »: the position of a step, which
/// never changes while the user is on it. The steps always shown (profile,
/// choice of themes) are numbered among themselves: their total is known
/// from the first step. The steps shown for some answers (one per chosen
/// theme) are numbered apart, once chosen: ticking a theme changes no
/// number on the screen that shows it, only the themes' count, read on
/// the next steps. (A chosen step that hid or showed another chosen step
/// would change its total; the catalogue's theme steps depend only on the
/// choice of themes.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepCount {
    /// 1-based.
    pub number: usize,
    pub total: usize,
    /// One of the steps shown for some answers: « Thème n sur N ».
    pub chosen: bool,
}

impl StepCount {
    /// « étape » or « thème », for inside a sentence.
    pub fn word(&self) -> &'static str {
        if self.chosen {
            "thème"
        } else {
            "étape"
        }
    }
}

impl fmt::Display for StepCount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = if self.chosen { "Thème" } else { "Étape" };
        write!(f, "{word} {} sur {}", self.number, self.total)
    }
}

impl Outline {
    pub fn new(cat: &Catalogue, answers: &Answers) -> Outline {
        let flow = Flow::new(cat, answers);
        let steps = flow
            .groups
            .iter()
            .map(|g| StepOutline {
                id: g.group.id.clone(),
                label: g.group.label.clone(),
                missing: g.missing_required.iter().map(|q| q.to_string()).collect(),
                chosen: g.group.visible_if.is_some(),
            })
            .collect();
        let visible = flow
            .groups
            .iter()
            .flat_map(|g| g.questions.iter().map(|q| q.id.clone()))
            .collect();
        Outline {
            steps,
            visible,
            answered: flow.answered(),
        }
    }

    /// The visible steps, in order.
    pub fn steps(&self) -> &[StepOutline] {
        &self.steps
    }

    /// The step the page opens for `asked` (its URL), or else for `resume`
    /// (the step where the user left): the first step when neither is
    /// shown.
    pub fn open(&self, asked: Option<&str>, resume: Option<&str>) -> Opening {
        if let Some(step) = asked.filter(|s| self.position(s).is_some()) {
            return Opening::Show(step.to_string());
        }
        match resume
            .filter(|s| self.position(s).is_some())
            .or_else(|| self.steps.first().map(|s| s.id.as_str()))
        {
            Some(step) => Opening::Redirect(step.to_string()),
            None => Opening::Nothing,
        }
    }

    fn position(&self, step: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == step)
    }

    /// Position of `step`; a step no longer shown counts as the first.
    fn index(&self, step: &str) -> usize {
        self.position(step).unwrap_or(0)
    }

    /// « Étape n sur N » or « Thème n sur N » for `step` (see
    /// [`StepCount`]).
    pub fn count(&self, step: &str) -> StepCount {
        let index = self.index(step);
        let chosen = self.steps.get(index).is_some_and(|s| s.chosen);
        let same = |s: &&StepOutline| s.chosen == chosen;
        StepCount {
            number: self.steps[..index].iter().filter(same).count() + 1,
            total: self.steps.iter().filter(same).count().max(1),
            chosen,
        }
    }

    /// The step after `step`, if any.
    pub fn next_step(&self, step: &str) -> Option<&StepOutline> {
        self.steps.get(self.index(step) + 1)
    }

    /// Where « Suivant » leads from `step`.
    pub fn forward(&self, step: &str) -> Forward {
        let missing = self.missing(step);
        if !missing.is_empty() {
            return Forward::Missing(missing.to_vec());
        }
        match self.next_step(step) {
            Some(next) => Forward::Step(next.id.clone()),
            None => Forward::Pathway,
        }
    }

    /// Where « Précédent » leads from `step`.
    pub fn back(&self, step: &str) -> Back {
        match self.index(step) {
            0 => Back::Home,
            i => Back::Step(self.steps[i - 1].id.clone()),
        }
    }

    /// Required visible questions of `step` still unanswered (none for a
    /// step not shown).
    pub fn missing(&self, step: &str) -> &[String] {
        self.position(step)
            .map_or(&[], |i| self.steps[i].missing.as_slice())
    }

    /// Whether question `id` is shown.
    pub fn is_visible(&self, id: &str) -> bool {
        self.visible.iter().any(|q| q == id)
    }

    /// « 3 questions répondues sur 12 affichées. » (« Je ne sais pas »
    /// counts as an answer).
    pub fn progress(&self) -> String {
        format!(
            "{} questions répondues sur {} affichées.",
            self.answered,
            self.visible.len()
        )
    }
}

/// One thing the user can pick in a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// An option of the catalogue (or « oui » / « non »), by id.
    Option(String),
    /// A value of a scale.
    Value(i64),
    /// « Je ne sais pas »: a choice of its own, never an option id, so that
    /// no option of the catalogue can be taken for it.
    Unknown,
}

/// A choice as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceItem {
    pub choice: Choice,
    pub label: String,
    pub description: Option<String>,
}

/// Element ids and input values of « Je ne sais pas »: with an underscore,
/// which catalogue ids never have.
const UNKNOWN_KEY: &str = "je_ne_sais_pas";

impl Choice {
    /// What stands for the choice in element ids and input values: the
    /// option id, the value, or a key no option id can be.
    pub fn key(&self) -> String {
        match self {
            Choice::Option(id) => id.clone(),
            Choice::Value(n) => n.to_string(),
            Choice::Unknown => UNKNOWN_KEY.to_string(),
        }
    }

    /// Whether this choice is the answer `current`, or among it.
    pub fn is_picked(&self, current: Option<&Answer>) -> bool {
        match (self, current) {
            (Choice::Unknown, Some(Answer::Unknown)) => true,
            (Choice::Option(o), Some(Answer::Option(a))) => o == a,
            (Choice::Option(o), Some(Answer::Options(list))) => list.contains(o),
            (Choice::Value(n), Some(Answer::Number(a))) => n == a,
            _ => false,
        }
    }
}

/// What the user can pick in `q`, in order, with « Je ne sais pas » last
/// when the question offers it. For a number question, only « Je ne sais
/// pas » (the number itself is typed: [`typed_number`]).
pub fn choices(q: &Question) -> Vec<ChoiceItem> {
    let mut items: Vec<ChoiceItem> = match q.kind {
        QuestionKind::Scale => {
            let (min, max) = (q.min.unwrap_or(1), q.max.unwrap_or(5));
            (min..=max)
                .map(|n| {
                    let end = if n == min {
                        q.min_label.as_ref()
                    } else if n == max {
                        q.max_label.as_ref()
                    } else {
                        None
                    };
                    ChoiceItem {
                        choice: Choice::Value(n),
                        label: match end {
                            Some(l) => format!("{n} — {l}"),
                            None => n.to_string(),
                        },
                        description: None,
                    }
                })
                .collect()
        }
        QuestionKind::Number => Vec::new(),
        QuestionKind::Single | QuestionKind::Multiple | QuestionKind::YesNo => q
            .option_ids()
            .into_iter()
            .map(|id| ChoiceItem {
                choice: Choice::Option(id.to_string()),
                label: q.option_label(id).unwrap_or(id).to_string(),
                description: q
                    .options
                    .iter()
                    .find(|o| o.id == id)
                    .and_then(|o| o.description.clone()),
            })
            .collect(),
    };
    if q.allow_unknown {
        items.push(ChoiceItem {
            choice: Choice::Unknown,
            label: "Je ne sais pas".into(),
            description: None,
        });
    }
    items
}

/// The answer to `q` after the user ticks (`on`) or unticks `choice`, the
/// answer being `current`; `None` is no answer.
pub fn pick(q: &Question, current: Option<&Answer>, choice: &Choice, on: bool) -> Option<Answer> {
    match choice {
        // « Je ne sais pas » replaces any answer; unticked, it leaves none.
        Choice::Unknown => on.then_some(Answer::Unknown),
        Choice::Value(n) => on.then_some(Answer::Number(*n)),
        Choice::Option(id) if q.kind == QuestionKind::Multiple => {
            // A real tick or untick follows the exclusive options' rule
            // (one stands alone); a repeated event changes nothing.
            let ticked = matches!(current, Some(Answer::Options(l)) if l.contains(id));
            if on != ticked {
                return toggle_answer(q, current, id);
            }
            let mut list = match current {
                Some(Answer::Options(list)) => list.clone(),
                _ => Vec::new(),
            };
            list.retain(|o| o != id);
            if on {
                list.push(id.clone());
            }
            // Catalogue order: the same ticks give the same answer.
            let order = q.option_ids();
            list.sort_by_key(|o| order.iter().position(|x| x == o));
            (!list.is_empty()).then_some(Answer::Options(list))
        }
        Choice::Option(id) => on.then(|| Answer::Option(id.clone())),
    }
}

/// Why a typed number is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    NotAnInteger,
    BelowMin(i64),
    AboveMax(i64),
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberError::NotAnInteger => {
                f.write_str("Saisissez un nombre entier, en chiffres, sans virgule ni espace.")
            }
            NumberError::BelowMin(min) => write!(f, "Saisissez un nombre au moins égal à {min}."),
            NumberError::AboveMax(max) => write!(f, "Saisissez un nombre au plus égal à {max}."),
        }
    }
}

/// The answer to number question `q` for the text of its field: none for
/// an empty field, an error the page shows for anything it cannot keep.
pub fn typed_number(q: &Question, text: &str) -> Result<Option<Answer>, NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let n: i64 = text.parse().map_err(|_| NumberError::NotAnInteger)?;
    if let Some(min) = q.min.filter(|&m| n < m) {
        return Err(NumberError::BelowMin(min));
    }
    if let Some(max) = q.max.filter(|&m| n > m) {
        return Err(NumberError::AboveMax(max));
    }
    Ok(Some(Answer::Number(n)))
}

/// The text a number field shows for the answer `current`.
pub fn number_text(current: Option<&Answer>) -> String {
    match current {
        Some(Answer::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(kind: &str, extra: serde_json::Value) -> Question {
        let mut q = serde_json::json!({
            "id": "q", "label": "Q", "help": "H", "kind": kind,
            "options": if matches!(kind, "single" | "multiple") {
                serde_json::json!([{"id": "a", "label": "A"}, {"id": "b", "label": "B", "description": "Bé"}])
            } else { serde_json::json!([]) },
        });
        if let (Some(q), serde_json::Value::Object(extra)) = (q.as_object_mut(), extra) {
            q.extend(extra);
        }
        serde_json::from_value(q).unwrap()
    }

    #[test]
    fn ticks_keep_catalogue_order_and_untick_to_nothing() {
        let q = question("multiple", serde_json::json!({}));
        let (a, b) = (Choice::Option("a".into()), Choice::Option("b".into()));
        let just_b = pick(&q, None, &b, true);
        let both = pick(&q, just_b.as_ref(), &a, true);
        assert_eq!(both, Some(Answer::Options(vec!["a".into(), "b".into()])));
        assert!(a.is_picked(both.as_ref()) && b.is_picked(both.as_ref()));
        assert_eq!(
            pick(&q, both.as_ref(), &a, false),
            Some(Answer::Options(vec!["b".into()]))
        );
        assert_eq!(pick(&q, just_b.as_ref(), &b, false), None);
    }

    #[test]
    fn an_exclusive_option_unticks_the_others_and_is_unticked_by_them() {
        let q: Question = serde_json::from_value(serde_json::json!({
            "id": "q", "label": "Q", "help": "H", "kind": "multiple",
            "options": [
                {"id": "a", "label": "A"},
                {"id": "b", "label": "B"},
                {"id": "aucun", "label": "Aucun", "exclusive": true}
            ]
        }))
        .unwrap();
        let (a, b, none) = (
            Choice::Option("a".into()),
            Choice::Option("b".into()),
            Choice::Option("aucun".into()),
        );
        let ab = pick(&q, pick(&q, None, &a, true).as_ref(), &b, true);
        let alone = pick(&q, ab.as_ref(), &none, true);
        assert_eq!(alone, Some(Answer::Options(vec!["aucun".into()])));
        assert_eq!(
            pick(&q, alone.as_ref(), &b, true),
            Some(Answer::Options(vec!["b".into()]))
        );
        // The same event twice: nothing more changes.
        assert_eq!(pick(&q, alone.as_ref(), &none, true), alone);
    }

    #[test]
    fn unknown_is_a_choice_of_its_own() {
        let q = question("multiple", serde_json::json!({"allow_unknown": true}));
        let a = pick(&q, None, &Choice::Option("a".into()), true);
        assert_eq!(
            pick(&q, a.as_ref(), &Choice::Unknown, true),
            Some(Answer::Unknown)
        );
        assert_eq!(
            pick(&q, Some(&Answer::Unknown), &Choice::Unknown, false),
            None
        );
        assert!(Choice::Unknown.is_picked(Some(&Answer::Unknown)));
        // An option that happens to be named like the old magic id is an
        // option, and « Je ne sais pas » is not it.
        let lookalike = Choice::Option("je-ne-sais-pas".into());
        assert!(!lookalike.is_picked(Some(&Answer::Unknown)));
        assert!(!Choice::Unknown.is_picked(Some(&Answer::Option("je-ne-sais-pas".into()))));
        assert_ne!(Choice::Unknown.key(), lookalike.key());
        assert!(Choice::Unknown.key().contains('_'), "ids never have one");
    }

    #[test]
    fn single_answers_are_options_and_scales_are_numbers() {
        let single = question("single", serde_json::json!({}));
        let b = Choice::Option("b".into());
        assert_eq!(
            pick(&single, None, &b, true),
            Some(Answer::Option("b".into()))
        );
        assert!(b.is_picked(Some(&Answer::Option("b".into()))));
        let scale = question("scale", serde_json::json!({"min": 1, "max": 5}));
        assert_eq!(
            pick(&scale, None, &Choice::Value(4), true),
            Some(Answer::Number(4))
        );
        assert!(Choice::Value(4).is_picked(Some(&Answer::Number(4))));
        assert!(!Choice::Value(4).is_picked(Some(&Answer::Option("4".into()))));
    }

    #[test]
    fn choices_list_options_scale_values_and_unknown_last() {
        let q = question("single", serde_json::json!({"allow_unknown": true}));
        let items = choices(&q);
        let keys: Vec<String> = items.iter().map(|c| c.choice.key()).collect();
        assert_eq!(keys, ["a", "b", "je_ne_sais_pas"]);
        assert_eq!(items[1].description.as_deref(), Some("Bé"));
        assert_eq!(items[2].label, "Je ne sais pas");
        let yes_no = choices(&question("yes_no", serde_json::json!({})));
        let labels: Vec<&str> = yes_no.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Oui", "Non"]);
        let scale = question(
            "scale",
            serde_json::json!({"min": 1, "max": 3, "min_label": "peu", "max_label": "beaucoup"}),
        );
        let labels: Vec<String> = choices(&scale).into_iter().map(|c| c.label).collect();
        assert_eq!(labels, ["1 — peu", "2", "3 — beaucoup"]);
        let number = question("number", serde_json::json!({"allow_unknown": true}));
        assert_eq!(
            choices(&number)
                .into_iter()
                .map(|c| c.choice)
                .collect::<Vec<_>>(),
            [Choice::Unknown]
        );
    }

    #[test]
    fn typed_numbers_are_kept_cleared_or_refused_with_a_reason() {
        let q = question("number", serde_json::json!({"min": 0, "max": 100}));
        assert_eq!(typed_number(&q, " 12 "), Ok(Some(Answer::Number(12))));
        assert_eq!(typed_number(&q, "100"), Ok(Some(Answer::Number(100))));
        assert_eq!(typed_number(&q, "  "), Ok(None));
        assert_eq!(typed_number(&q, "101"), Err(NumberError::AboveMax(100)));
        assert_eq!(typed_number(&q, "-1"), Err(NumberError::BelowMin(0)));
        assert_eq!(typed_number(&q, "1,5"), Err(NumberError::NotAnInteger));
        assert_eq!(
            NumberError::AboveMax(100).to_string(),
            "Saisissez un nombre au plus égal à 100."
        );
        assert_eq!(
            NumberError::BelowMin(0).to_string(),
            "Saisissez un nombre au moins égal à 0."
        );
        assert!(NumberError::NotAnInteger.to_string().contains("entier"));
        let open = question("number", serde_json::json!({}));
        assert_eq!(typed_number(&open, "-7"), Ok(Some(Answer::Number(-7))));
        assert_eq!(number_text(Some(&Answer::Number(-7))), "-7");
        assert_eq!(number_text(Some(&Answer::Unknown)), "");
    }
}
