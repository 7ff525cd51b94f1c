//! The feuille de route in `localStorage`. The plan's page lives in the
//! second bundle (with the Atelier, `feature = "plan"`); the public bundle
//! only takes a module into the plan, through a small outbox of module ids
//! that the plan's page empties when it opens, and reads which modules are
//! taken already. Both lists are plain space-separated ids: the public
//! bundle carries no plan reader.

use crate::storage::{read_raw, write_raw, StorageStatus};

/// The plan itself (`parcours_core::plan::Plan::to_json`).
pub const KEY: &str = "parcours-ti:feuille-de-route";
/// Modules taken from a page of the public bundle, not yet in the plan.
pub const OUTBOX_KEY: &str = "parcours-ti:feuille-de-route:ajouts";
/// The ids of the plan's modules, written with the plan, for the public
/// pages' « Dans ma feuille de route ».
pub const TAKEN_KEY: &str = "parcours-ti:feuille-de-route:modules";
/// A stored plan that could not be read, kept aside rather than lost.
pub const UNREADABLE_KEY: &str = "parcours-ti:feuille-de-route:illisible";

/// `list` with `id` added once.
pub fn with_id(list: &str, id: &str) -> String {
    if ids(list).any(|x| x == id) {
        return list.to_string();
    }
    if list.trim().is_empty() {
        id.to_string()
    } else {
        format!("{} {id}", list.trim())
    }
}

/// The ids of a space-separated list.
pub fn ids(list: &str) -> impl Iterator<Item = &str> {
    list.split_ascii_whitespace()
}

/// Whether module `id` is in the plan or waiting to enter it.
pub fn is_taken(id: &str) -> bool {
    [TAKEN_KEY, OUTBOX_KEY]
        .iter()
        .any(|key| read_raw(key).is_some_and(|list| ids(&list).any(|x| x == id)))
}

/// Puts module `id` in the outbox.
pub fn take(id: &str) -> StorageStatus {
    let list = read_raw(OUTBOX_KEY).unwrap_or_default();
    write_raw(OUTBOX_KEY, &with_id(&list, id))
}

#[cfg(feature = "plan")]
pub use with_plan::*;

#[cfg(feature = "plan")]
mod with_plan {
    use parcours_core::plan::{Plan, PlanError};

    use super::*;

    /// What was found under [`KEY`].
    pub enum Stored {
        Plan(Plan),
        /// Unreadable, copied aside (`true`) or not: then it must not be
        /// written over.
        Unreadable(PlanError, bool),
    }

    /// The stored plan (empty when nothing is stored). An unreadable one is
    /// copied to [`UNREADABLE_KEY`], or beside an earlier copy (never over
    /// it), and reported.
    pub fn read() -> Stored {
        let Some(text) = read_raw(KEY) else {
            return Stored::Plan(Plan::default());
        };
        match Plan::from_json(&text) {
            Ok(plan) => Stored::Plan(plan),
            Err(e) => {
                let key = match read_raw(UNREADABLE_KEY) {
                    Some(earlier) if !earlier.is_empty() && earlier != text => {
                        format!("{UNREADABLE_KEY}:{}", js_sys::Date::now() as u64)
                    }
                    _ => UNREADABLE_KEY.to_string(),
                };
                Stored::Unreadable(e, write_raw(&key, &text) == StorageStatus::Available)
            }
        }
    }

    /// Saves the plan and the list of its modules.
    pub fn write(plan: &Plan) -> StorageStatus {
        let status = write_raw(KEY, &plan.to_json());
        if status == StorageStatus::Available {
            let taken: Vec<&str> = plan
                .actions
                .iter()
                .filter(|a| !a.own)
                .map(|a| a.id.as_str())
                .collect();
            write_raw(TAKEN_KEY, &taken.join(" "));
        }
        status
    }

    /// The ids waiting in the outbox to enter the plan.
    pub fn outbox() -> Vec<String> {
        let list = read_raw(OUTBOX_KEY).unwrap_or_default();
        ids(&list).map(String::from).collect()
    }

    /// Empties the outbox, once its modules are saved in the plan.
    pub fn clear_outbox() {
        write_raw(OUTBOX_KEY, "");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_enters_the_list_once() {
        assert_eq!(with_id("", "vte"), "vte");
        assert_eq!(with_id("vte", "vte"), "vte");
        assert_eq!(with_id(" vte ", "eit"), "vte eit");
        assert_eq!(ids("vte  eit").collect::<Vec<_>>(), ["vte", "eit"]);
    }
}
