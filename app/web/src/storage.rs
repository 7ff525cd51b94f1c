//! Saved answers in `localStorage`, with the catalogue version they were
//! given against. Storage may be disabled (private modes, policies), full
//! or hold foreign data: the app then keeps working in memory and says so.

use parcours_core::read::{self, FromJson};
use parcours_core::Answers;
use serde::Serialize;

pub const KEY: &str = "parcours-ti:reponses";
/// Catalogue version last used in this browser, to tell about updates.
pub const SEEN_VERSION_KEY: &str = "parcours-ti:catalogue-vu";
/// Remembered « Vue synthétique » / « Vue détaillée » choice.
pub const VIEW_KEY: &str = "parcours-ti:vue";
const FORMAT: u32 = 1;

/// What is stored under [`KEY`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Saved {
    pub format: u32,
    pub catalogue_version: String,
    pub answers: Answers,
    /// Last questionnaire step seen, to resume there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
}

impl Saved {
    pub fn new(catalogue_version: &str, answers: Answers, step: Option<String>) -> Saved {
        Saved {
            format: FORMAT,
            catalogue_version: catalogue_version.to_string(),
            answers,
            step,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageStatus {
    /// Answers are kept in this browser.
    Available,
    /// The browser refuses storage: answers live only in this tab.
    Unavailable,
    /// A write failed (quota): the last answers are not kept.
    Full,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Something is stored under our key that we cannot read.
    Unreadable,
}

/// Reads a stored value: `Ok(None)` when nothing is stored.
pub fn decode(text: Option<&str>) -> Result<Option<Saved>, ReadError> {
    let Some(text) = text else {
        return Ok(None);
    };
    read_saved(text)
        .filter(|saved| saved.format == FORMAT)
        .map(Some)
        .ok_or(ReadError::Unreadable)
}

/// Other fields are ignored; `step` may be absent or null.
fn read_saved(text: &str) -> Option<Saved> {
    let mut v = read::parse(text).ok()?;
    Some(Saved {
        format: u32::from_json(v.take("format")?).ok()?,
        catalogue_version: String::from_json(v.take("catalogue_version")?).ok()?,
        answers: Answers::from_json(v.take("answers")?).ok()?,
        step: match v.take("step") {
            Some(step) => Option::from_json(step).ok()?,
            None => None,
        },
    })
}

pub fn encode(saved: &Saved) -> String {
    // Strings and string-keyed maps always serialise; `expect` would bring
    // serde_json's Debug printer into the wasm.
    serde_json::to_string_pretty(saved).unwrap_or_default()
}

/// The browser's storage, if it lets us use it.
fn storage() -> Option<web_sys::Storage> {
    // Accessing localStorage throws when it is disabled: that is `Err`.
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn status() -> StorageStatus {
    match storage() {
        // Some browsers expose a storage that refuses every write.
        Some(s) => match s.set_item("parcours-ti:essai", "1") {
            Ok(()) => {
                let _ = s.remove_item("parcours-ti:essai");
                StorageStatus::Available
            }
            Err(_) => StorageStatus::Full,
        },
        None => StorageStatus::Unavailable,
    }
}

pub fn read() -> Result<Option<Saved>, ReadError> {
    let Some(s) = storage() else {
        return Ok(None);
    };
    decode(s.get_item(KEY).ok().flatten().as_deref())
}

pub fn write(saved: &Saved) -> StorageStatus {
    write_raw(KEY, &encode(saved))
}

pub fn write_raw(key: &str, value: &str) -> StorageStatus {
    match storage() {
        Some(s) => match s.set_item(key, value) {
            Ok(()) => StorageStatus::Available,
            Err(_) => StorageStatus::Full,
        },
        None => StorageStatus::Unavailable,
    }
}

pub fn read_raw(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parcours_core::Answer;

    #[test]
    fn saved_answers_round_trip() {
        let mut answers = Answers::new();
        answers.insert("q1".into(), Answer::Option("oui".into()));
        answers.insert("q2".into(), Answer::Unknown);
        answers.insert("q3".into(), Answer::Options(vec!["a".into(), "b".into()]));
        answers.insert("q4".into(), Answer::Number(12));
        let saved = Saved::new("2026.11.0", answers, Some("foncier".into()));
        assert_eq!(decode(Some(&encode(&saved))), Ok(Some(saved)));
    }

    #[test]
    fn nothing_stored_is_not_an_error() {
        assert_eq!(decode(None), Ok(None));
    }

    #[test]
    fn foreign_or_corrupted_data_is_reported_not_trusted() {
        for text in [
            "",
            "{",
            "null",
            "[1,2]",
            r#"{"format":2,"catalogue_version":"x","answers":{}}"#,
            r#"{"format":1,"catalogue_version":"x","answers":{"q":{"a":1}}}"#,
        ] {
            assert_eq!(decode(Some(text)), Err(ReadError::Unreadable), "{text}");
        }
    }
}
