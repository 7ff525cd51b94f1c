//! The catalogue format (`content/catalogue.json`), as typed Rust.
//!
//! Every struct refuses unknown fields: in a file edited by hand, an unknown
//! field is almost always a typo that would otherwise be silently ignored.

use serde::{Deserialize, Serialize};

/// The format version this build understands. A catalogue with another
/// `schema` is refused with a clear message rather than half-read.
pub const SCHEMA_VERSION: u32 = 2;

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Format version of this file (see [`SCHEMA_VERSION`]).
    pub schema: u32,
    /// Content version, `YYYY.MM.N` (e.g. `2026.11.0`).
    pub version: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    /// Documents the modules cite (the seed paper, operators' sites).
    pub sources: Vec<Source>,
    pub providers: Vec<Provider>,
    pub themes: Vec<Theme>,
    /// Ordered: the pathway follows this order.
    pub steps: Vec<Step>,
    /// Kinds of help (ingénierie, financement, formation…).
    pub kinds: Vec<Kind>,
    pub modules: Vec<Module>,
    pub questionnaire: Questionnaire,
    pub rules: Vec<Rule>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Author or publisher, e.g. « Intercommunalités de France ».
    pub publisher: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    pub id: String,
    pub name: String,
    /// Short name shown on cards (BdT, Cerema, ADEME…).
    pub short_name: String,
    /// Official root domain only (`https://…/`), never a guessed deep link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Other official domains of this operator (`urbanvitaliz.fr`), where
    /// module links may point besides `gouv.fr` and the operators' `url`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub label: String,
    pub description: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub label: String,
    pub description: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub id: String,
    pub label: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// Stable slug: used in links and saved pathways, never renamed.
    pub id: String,
    pub title: String,
    /// Operator carrying the module (provider id).
    pub provider: String,
    /// Co-operators (provider ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Theme ids (at least one).
    pub themes: Vec<String>,
    /// Step id.
    pub step: String,
    /// Kind id.
    pub kind: String,
    /// An existing offer, an action of the intercommunalité, or what the
    /// note only asks for.
    pub nature: Nature,
    /// For an offer: its state, checked on an official page (required for
    /// offers, refused otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// One line, for the short view.
    pub summary: String,
    /// What it brings.
    pub benefits: String,
    /// For whom.
    pub audience: String,
    /// Only what the source states; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// How to access it: whom to contact (a role and an organisation), or
    /// which service of the intercommunalité acts and with whom.
    pub access: String,
    /// The official page that best describes the offer: `https:` only, on
    /// `gouv.fr` or an operator's domain. Never a guessed address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Module ids to engage first (same step or an earlier one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<String>,
    /// Tie-breaker after the score: higher comes first.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub priority: i32,
    /// Situations where the module does not apply, each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<Exclusion>,
    /// Set when no rule leads to the module on purpose: why it is only
    /// found by browsing the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub browse_only: Option<String>,
    pub source: SourceRef,
}

fn is_zero(n: &i32) -> bool {
    *n == 0
}

/// What a module is, which decides whether a pathway may hold it as a step.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Nature {
    /// An existing service, tool, fund, label, programme or legal
    /// obligation (`offre`).
    Offre,
    /// What the intercommunalité does itself, with its services and
    /// partners, without a counter to apply to (`action`).
    Action,
    /// What the note asks for: nothing to apply to yet (`proposition`).
    Proposition,
}

impl Nature {
    pub const ALL: [Nature; 3] = [Nature::Offre, Nature::Action, Nature::Proposition];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            Nature::Offre => "offre",
            Nature::Action => "action",
            Nature::Proposition => "proposition",
        }
    }

    /// French label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Nature::Offre => "Offre existante",
            Nature::Action => "Action de l'intercommunalité",
            Nature::Proposition => "Proposition de la note",
        }
    }
}

/// An offer's state on the day it was checked.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Standing offer, without a deadline.
    Permanent,
    /// A call open, between `opens` and `closes` when given.
    Ouvert,
    /// Closed: nothing to apply to now.
    Clos,
    /// Exists, but its current edition could not be confirmed.
    AConfirmer,
}

impl State {
    pub const ALL: [State; 4] = [
        State::Permanent,
        State::Ouvert,
        State::Clos,
        State::AConfirmer,
    ];

    /// The JSON name.
    pub fn id(self) -> &'static str {
        match self {
            State::Permanent => "permanent",
            State::Ouvert => "ouvert",
            State::Clos => "clos",
            State::AConfirmer => "a-confirmer",
        }
    }

    /// French label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            State::Permanent => "Offre permanente",
            State::Ouvert => "Appel ouvert",
            State::Clos => "Clos",
            State::AConfirmer => "À confirmer",
        }
    }
}

/// The state of an offer and where and when it was read.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub state: State,
    /// Day the state was read, `YYYY-MM-DD`.
    pub checked: String,
    /// The official page it was read on (`https:`).
    pub checked_at: String,
    /// First day of a call, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<String>,
    /// Last day of a call (or the day it closed), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<String>,
}

/// Whether a pathway may send the user to a module, on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// An open offer or an action: a step to take.
    Actionable,
    /// What the note asks for: listed apart, never a step.
    Proposition,
    /// A closed offer (or a call whose closing day has passed): listed
    /// apart, never a step.
    Closed,
}

impl Module {
    /// The state shown for this module on `today` (`YYYY-MM-DD`): an open
    /// call whose closing day is before `today` reads as closed.
    pub fn state_on(&self, today: &str) -> Option<State> {
        let status = self.status.as_ref()?;
        match (status.state, &status.closes) {
            (State::Ouvert, Some(closes)) if closes.as_str() < today => Some(State::Clos),
            (state, _) => Some(state),
        }
    }

    /// Whether a pathway may hold this module as a step on `today`.
    pub fn standing_on(&self, today: &str) -> Standing {
        match self.nature {
            Nature::Proposition => Standing::Proposition,
            Nature::Action => Standing::Actionable,
            Nature::Offre if self.state_on(today) == Some(State::Clos) => Standing::Closed,
            Nature::Offre => Standing::Actionable,
        }
    }

    /// What users are told about this module on `today`.
    pub fn availability_on(&self, today: &str) -> Availability {
        Availability::of(self.nature, self.state_on(today))
    }
}

/// A module as users see it: its nature, and for an offer its state. The
/// catalogue's « État » filter and the badges of the app use these six.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Permanent,
    Ouvert,
    AConfirmer,
    Clos,
    Proposition,
    Action,
}

impl Availability {
    pub const ALL: [Availability; 6] = [
        Availability::Permanent,
        Availability::Ouvert,
        Availability::AConfirmer,
        Availability::Clos,
        Availability::Proposition,
        Availability::Action,
    ];

    /// From a nature and an offer's state (on the day shown). An offer
    /// without a state (refused by the validator) reads « à confirmer ».
    pub fn of(nature: Nature, state: Option<State>) -> Availability {
        match (nature, state) {
            (Nature::Proposition, _) => Availability::Proposition,
            (Nature::Action, _) => Availability::Action,
            (Nature::Offre, Some(State::Permanent)) => Availability::Permanent,
            (Nature::Offre, Some(State::Ouvert)) => Availability::Ouvert,
            (Nature::Offre, Some(State::Clos)) => Availability::Clos,
            (Nature::Offre, _) => Availability::AConfirmer,
        }
    }

    /// Stable id, in URLs (`#/catalogue?etat=ouvert`).
    pub fn id(self) -> &'static str {
        match self {
            Availability::Permanent => "permanent",
            Availability::Ouvert => "ouvert",
            Availability::AConfirmer => "a-confirmer",
            Availability::Clos => "clos",
            Availability::Proposition => "proposition",
            Availability::Action => "action",
        }
    }

    pub fn from_id(id: &str) -> Option<Availability> {
        Availability::ALL.into_iter().find(|a| a.id() == id)
    }

    /// French label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Availability::Permanent => State::Permanent.label(),
            Availability::Ouvert => State::Ouvert.label(),
            Availability::AConfirmer => State::AConfirmer.label(),
            Availability::Clos => State::Clos.label(),
            Availability::Proposition => Nature::Proposition.label(),
            Availability::Action => Nature::Action.label(),
        }
    }
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    pub when: Condition,
    /// Shown to the user, e.g. « Votre territoire dispose déjà d'un chef de projet ».
    pub reason: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// Source id (see [`Catalogue::sources`]).
    pub document: String,
    /// Section of that document, as titled there.
    pub section: String,
    /// Short quotation, when it helps to check the module against its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excerpt: Option<String>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Shown in order; a group whose `visible_if` is not met is skipped.
    pub groups: Vec<Group>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    /// Step title in the questionnaire.
    pub label: String,
    pub description: String,
    /// The theme this group explores, if any (profile groups have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
    pub questions: Vec<Question>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One option.
    Single,
    /// Any number of options.
    Multiple,
    /// Options are implicit: `oui` and `non`.
    YesNo,
    /// An integer between `min` and `max`, with labels for both ends.
    Scale,
    /// An integer, optionally bounded.
    Number,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id: saved answers and share links refer to it.
    pub id: String,
    pub label: String,
    /// « Pourquoi cette question ? »
    pub help: String,
    pub kind: QuestionKind,
    /// For `single` and `multiple` (forbidden for the other kinds).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<AnswerOption>,
    /// Offers « Je ne sais pas ».
    #[serde(default, skip_serializing_if = "is_false")]
    pub allow_unknown: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
    /// Bounds for `scale` (required) and `number` (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Unit shown after a number (« hectares », « salariés »).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Labels of the two ends of a `scale` (required for a scale): every
    /// scale runs from the weakest difficulty (`min`) to the strongest
    /// (`max`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_label: Option<String>,
    /// For a `scale`: the catalogue versions (`YYYY.MM.N`) that turned it
    /// round. An answer saved with an earlier version is read again as
    /// `min + max − value`, once per reversal since.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reversed_in: Vec<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Stable id within its question.
    pub id: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// For a `multiple` question: ticked alone or not at all (« Aucun »,
    /// « Pas de manque particulier »).
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
}

/// The implicit options of a yes/no question.
pub const YES: &str = "oui";
pub const NO: &str = "non";

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub when: Condition,
    /// Modules this rule recommends.
    pub modules: Vec<String>,
    /// Added to each module's score when the rule fires (≥ 1).
    pub weight: u32,
    /// Shown under « Recommandé parce que … », written for an élu
    /// (« Vous indiquez que … : … »).
    pub reason: String,
}

/// A small expression tree over answers. Data, never code.
///
/// JSON forms: `{"all": [..]}`, `{"any": [..]}`, `{"not": {..}}`,
/// `{"answered": "q"}`, `{"unknown": "q"}`,
/// `{"equals": {"question": "q", "option": "o"}}`,
/// `{"in": {"question": "q", "options": ["a", "b"]}}`,
/// `{"at_least": {"question": "q", "value": 3}}`,
/// `{"at_most": {"question": "q", "value": 3}}`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// True when every child is true.
    All(Vec<Condition>),
    /// True when one child is true.
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// The question has a real answer (not « Je ne sais pas »).
    Answered(String),
    /// The question is unanswered or answered « Je ne sais pas ».
    Unknown(String),
    /// Single/yes-no: the answer is this option; multiple: it is among those ticked.
    Equals(OptionTest),
    /// Single/yes-no: the answer is one of these; multiple: one of them is ticked.
    In(OptionsTest),
    /// Scale/number: answer ≥ value.
    AtLeast(NumberTest),
    /// Scale/number: answer ≤ value.
    AtMost(NumberTest),
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionTest {
    pub question: String,
    pub option: String,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionsTest {
    pub question: String,
    pub options: Vec<String>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberTest {
    pub question: String,
    pub value: i64,
}

impl Catalogue {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Every question, in questionnaire order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.questionnaire
            .groups
            .iter()
            .flat_map(|g| g.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }
}

impl Question {
    /// The options an answer may name, implicit ones included.
    pub fn option_ids(&self) -> Vec<&str> {
        match self.kind {
            QuestionKind::YesNo => vec![YES, NO],
            _ => self.options.iter().map(|o| o.id.as_str()).collect(),
        }
    }

    /// Whether an answer may name option `id` (implicit yes/no included),
    /// without allocating.
    pub fn has_option(&self, id: &str) -> bool {
        match self.kind {
            QuestionKind::YesNo => id == YES || id == NO,
            _ => self.options.iter().any(|o| o.id == id),
        }
    }

    /// Whether option `id` must be ticked alone (see [`AnswerOption::exclusive`]).
    pub fn is_exclusive(&self, id: &str) -> bool {
        self.kind == QuestionKind::Multiple
            && self.options.iter().any(|o| o.exclusive && o.id == id)
    }

    /// Label of an option, implicit yes/no included.
    pub fn option_label(&self, id: &str) -> Option<&str> {
        match self.kind {
            QuestionKind::YesNo => match id {
                YES => Some("Oui"),
                NO => Some("Non"),
                _ => None,
            },
            _ => self
                .options
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.label.as_str()),
        }
    }
}
