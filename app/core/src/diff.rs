//! What changed between the published catalogue and an edited one, for the
//! editor who writes `CHANGELOG.md` and picks the next version number.
//!
//! Field-level changes are found by comparing the serialised JSON of each
//! item, so a field added to the model later is compared without touching
//! this file. Lost answers are found by running [`crate::migrate::migrate`]
//! on sample answers of the published catalogue: the report is, by
//! construction, what saved answers and share links will actually lose.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use crate::answers::{Answer, Answers};
use crate::migrate::{migrate, Adapted, Dropped};
use crate::model::{Catalogue, QuestionKind};

/// What sort of catalogue item changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Module,
    Question,
    /// An option of a question; `Change::parent` names the question.
    Option,
    Rule,
    Group,
    Theme,
    Step,
    Provider,
}

impl ItemKind {
    /// French label, singular.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Module => "Module",
            ItemKind::Question => "Question",
            ItemKind::Option => "Option de réponse",
            ItemKind::Rule => "Règle",
            ItemKind::Group => "Groupe de questions",
            ItemKind::Theme => "Thème",
            ItemKind::Step => "Étape",
            ItemKind::Provider => "Opérateur",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status", content = "fields")]
pub enum Status {
    Added,
    Removed,
    /// The JSON field names whose value differs.
    Changed(Vec<String>),
}

impl Status {
    /// Its id, as in JSON: `added`, `removed` or `changed`.
    pub fn id(&self) -> &'static str {
        match self {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Changed(_) => "changed",
        }
    }

    /// French label, for the editor.
    pub fn label(&self) -> &'static str {
        match self {
            Status::Added => "ajouté",
            Status::Removed => "supprimé",
            Status::Changed(_) => "modifié",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: ItemKind,
    pub id: String,
    /// For an option, its question.
    pub parent: Option<String>,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CatalogueDiff {
    pub from_version: String,
    pub to_version: String,
    /// Whether the header fields (`version`, `published`, `schema`) or the
    /// sources/kinds lists differ, which the item list does not show.
    pub header_changed: Vec<String>,
    pub changes: Vec<Change>,
    /// Answers that saved answers and share links made with the published
    /// catalogue would lose, as `migrate` reports them.
    pub lost_answers: Vec<Dropped>,
    /// Scales turned round (`reversed_in`): one sample answer per scale,
    /// its lowest value, and what `migrate` turns it into.
    pub turned_scales: Vec<Adapted>,
}

impl CatalogueDiff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.lost_answers.is_empty() && self.turned_scales.is_empty()
    }

    /// Count of changes of `kind` with status `status` (an id of
    /// [`Status::id`]: `"added"`, `"removed"`, `"changed"`).
    pub fn count(&self, kind: ItemKind, status: &str) -> usize {
        self.changes
            .iter()
            .filter(|c| c.kind == kind && c.status.id() == status)
            .count()
    }
}

/// Compares `published` (before) with `edited` (after).
pub fn diff(published: &Catalogue, edited: &Catalogue) -> CatalogueDiff {
    let mut changes = Vec::new();
    compare(
        ItemKind::Provider,
        None,
        items(&published.providers, |p| &p.id),
        items(&edited.providers, |p| &p.id),
        &mut changes,
    );
    compare(
        ItemKind::Theme,
        None,
        items(&published.themes, |t| &t.id),
        items(&edited.themes, |t| &t.id),
        &mut changes,
    );
    compare(
        ItemKind::Step,
        None,
        items(&published.steps, |s| &s.id),
        items(&edited.steps, |s| &s.id),
        &mut changes,
    );
    compare(
        ItemKind::Module,
        None,
        items(&published.modules, |m| &m.id),
        items(&edited.modules, |m| &m.id),
        &mut changes,
    );
    // Groups without their questions: a question change is reported once,
    // on the question.
    let strip = |g: &crate::model::Group| {
        let mut v = serde_json::to_value(g).unwrap_or(Value::Null);
        if let Value::Object(o) = &mut v {
            o.remove("questions");
        }
        (g.id.clone(), v)
    };
    compare(
        ItemKind::Group,
        None,
        published.questionnaire.groups.iter().map(strip).collect(),
        edited.questionnaire.groups.iter().map(strip).collect(),
        &mut changes,
    );
    // Questions without their options, then options one by one.
    let strip_q = |q: &crate::model::Question| {
        let mut v = serde_json::to_value(q).unwrap_or(Value::Null);
        if let Value::Object(o) = &mut v {
            o.remove("options");
        }
        (q.id.clone(), v)
    };
    compare(
        ItemKind::Question,
        None,
        published.questions().map(strip_q).collect(),
        edited.questions().map(strip_q).collect(),
        &mut changes,
    );
    for old in published.questions() {
        if let Some(new) = edited.question(&old.id) {
            compare(
                ItemKind::Option,
                Some(&old.id),
                items(&old.options, |o| &o.id),
                items(&new.options, |o| &o.id),
                &mut changes,
            );
        }
    }
    compare(
        ItemKind::Rule,
        None,
        items(&published.rules, |r| &r.id),
        items(&edited.rules, |r| &r.id),
        &mut changes,
    );

    let mut header_changed = Vec::new();
    let (a, b) = (published, edited);
    for (name, differs) in [
        ("schema", a.schema != b.schema),
        ("version", a.version != b.version),
        ("published", a.published != b.published),
        ("sources", a.sources != b.sources),
        ("kinds", a.kinds != b.kinds),
    ] {
        if differs {
            header_changed.push(name.to_string());
        }
    }

    CatalogueDiff {
        from_version: published.version.clone(),
        to_version: edited.version.clone(),
        header_changed,
        changes,
        lost_answers: lost_answers(published, edited),
        turned_scales: turned_scales(published, edited),
    }
}

/// The published scales that answers saved with it will read turned
/// round in the edited catalogue, each with its lowest value as sample.
pub fn turned_scales(published: &Catalogue, edited: &Catalogue) -> Vec<Adapted> {
    published
        .questions()
        .filter(|q| q.kind == QuestionKind::Scale)
        .filter_map(|q| {
            let mut answers = Answers::new();
            answers.insert(q.id.clone(), Answer::Number(q.min?));
            let (_, report) = migrate(edited, &published.version, answers);
            report.adapted.into_iter().next()
        })
        .collect()
}

fn items<T: Serialize>(list: &[T], id: impl Fn(&T) -> &String) -> Vec<(String, Value)> {
    list.iter()
        .map(|x| {
            (
                id(x).clone(),
                serde_json::to_value(x).unwrap_or(Value::Null),
            )
        })
        .collect()
}

/// Removed and changed in the order of `before`, then added in the order of
/// `after`: the editor reads them in file order.
fn compare(
    kind: ItemKind,
    parent: Option<&str>,
    before: Vec<(String, Value)>,
    after: Vec<(String, Value)>,
    out: &mut Vec<Change>,
) {
    let change = |id: &str, status| Change {
        kind,
        id: id.to_string(),
        parent: parent.map(str::to_string),
        status,
    };
    for (id, old) in &before {
        match after.iter().find(|(i, _)| i == id) {
            None => out.push(change(id, Status::Removed)),
            Some((_, new)) if new != old => out.push(change(id, Status::Changed(fields(old, new)))),
            Some(_) => {}
        }
    }
    for (id, _) in &after {
        if !before.iter().any(|(i, _)| i == id) {
            out.push(change(id, Status::Added));
        }
    }
}

/// Names of the top-level fields that differ, sorted.
fn fields(old: &Value, new: &Value) -> Vec<String> {
    let (Value::Object(a), Value::Object(b)) = (old, new) else {
        return Vec::new();
    };
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect()
}

/// Every distinct answer to the published questionnaire that the edited one
/// would drop. Samples each option, « Je ne sais pas » and the bounds of
/// numbers, one answer at a time, through `migrate`.
pub fn lost_answers(published: &Catalogue, edited: &Catalogue) -> Vec<Dropped> {
    let mut out: Vec<Dropped> = Vec::new();
    for q in published.questions() {
        let new = edited.question(&q.id);
        let mut samples: Vec<Answer> = Vec::new();
        if q.allow_unknown {
            samples.push(Answer::Unknown);
        }
        match q.kind {
            QuestionKind::Single | QuestionKind::YesNo => samples.extend(
                q.option_ids()
                    .into_iter()
                    .map(|o| Answer::Option(o.to_string())),
            ),
            QuestionKind::Multiple => samples.extend(
                q.option_ids()
                    .into_iter()
                    .map(|o| Answer::Options(vec![o.to_string()])),
            ),
            QuestionKind::Scale | QuestionKind::Number => {
                // The published bounds, or just outside a bound the edited
                // catalogue introduces.
                let low = q
                    .min
                    .or_else(|| new.and_then(|n| n.min).map(|m| m.saturating_sub(1)));
                let high = q
                    .max
                    .or_else(|| new.and_then(|n| n.max).map(|m| m.saturating_add(1)));
                samples.extend(low.into_iter().chain(high).map(Answer::Number));
                if samples.is_empty() {
                    samples.push(Answer::Number(0));
                }
            }
        }
        for a in samples {
            let mut answers = Answers::new();
            answers.insert(q.id.clone(), a);
            let (_, report) = migrate(edited, &published.version, answers);
            for d in report.dropped {
                // A removed question is one loss, whatever the answer was.
                let d = if new.is_none() {
                    Dropped { option: None, ..d }
                } else {
                    d
                };
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_ids_are_their_json_tags() {
        for status in [
            Status::Added,
            Status::Removed,
            Status::Changed(vec!["title".into()]),
        ] {
            let json = serde_json::to_value(&status).unwrap();
            assert_eq!(json["status"], status.id());
        }
    }
}
