//! The feuille de route's state and its rules (second bundle only,
//! `feature = "plan"`): opening it from this browser (the stored plan and
//! the modules waiting in the outbox), saving each change, its share link,
//! the answers file that carries it, adopting a plan from a link, reading
//! an earlier export. The decisions are plain functions, tested natively;
//! `PlanState`'s methods apply them to the signals and storage.

use leptos::prelude::*;
use parcours_core::plan::{Plan, PlanError};
use parcours_core::{share, Answers, Catalogue};
use serde::Serialize;

use crate::plan_store;
use crate::route::{PlanQuery, Route};
use crate::storage::StorageStatus;
use crate::transfer::{self, AnswersFile, AnswersFileError};

/// The plan shown and edited, provided as context by the plan's page.
#[derive(Clone, Copy)]
pub struct PlanState {
    pub plan: RwSignal<Plan>,
    /// Whether the last change was kept in this browser.
    pub storage: RwSignal<StorageStatus>,
    /// False while an unreadable stored plan could not be copied aside:
    /// nothing is written over it.
    writable: StoredValue<bool>,
}

impl PlanState {
    /// The stored plan with the outbox's modules taken in; what to tell.
    pub fn open(cat: &Catalogue) -> (PlanState, Vec<String>) {
        let (mut plan, told, writable) = match plan_store::read() {
            plan_store::Stored::Plan(plan) => (plan, Vec::new(), true),
            plan_store::Stored::Unreadable(e, kept) => {
                (Plan::default(), vec![unreadable_text(e, kept)], kept)
            }
        };
        let added = merge_outbox(&mut plan, cat, &plan_store::outbox());
        let state = PlanState {
            plan: RwSignal::new(plan),
            storage: RwSignal::new(crate::storage::status()),
            writable: StoredValue::new(writable),
        };
        if !writable {
            state.storage.set(StorageStatus::Full);
        }
        if added > 0 {
            state.save();
            // Only once they are kept: else they wait for the next visit.
            if state.storage.get_untracked() == StorageStatus::Available {
                plan_store::clear_outbox();
            }
        }
        (state, told)
    }

    /// Applies `edit` to the plan and saves it.
    pub fn update(&self, edit: impl FnOnce(&mut Plan)) {
        self.plan.update(edit);
        self.save();
    }

    /// Replaces the plan (an import, a link adopted) and saves it.
    pub fn replace(&self, plan: Plan) {
        self.plan.set(plan);
        self.save();
    }

    fn save(&self) {
        if !self.writable.get_value() {
            return;
        }
        let status = self.plan.with_untracked(plan_store::write);
        self.storage.set(status);
    }
}

/// Takes the outbox's modules into `plan`, in order; the number taken.
/// Ids the catalogue does not know (an outbox written against another
/// version) or that the plan cannot take are left out.
pub fn merge_outbox(plan: &mut Plan, cat: &Catalogue, ids: &[String]) -> usize {
    ids.iter().filter(|id| plan.add_module(cat, id)).count()
}

/// The sentence for a stored plan that could not be read: `kept` when it
/// was copied aside.
pub fn unreadable_text(error: PlanError, kept: bool) -> String {
    if kept {
        format!("La feuille de route enregistrée dans ce navigateur n'a pas pu être lue ({error}) : elle a été mise de côté, sans être effacée, et une feuille de route vide la remplace.")
    } else {
        format!("La feuille de route enregistrée dans ce navigateur n'a pas pu être lue ({error}), ni mise de côté (espace d'enregistrement plein ou désactivé) : elle est laissée intacte et rien de ce que vous saisirez ici ne sera enregistré. Exportez votre travail avant de fermer la page.")
    }
}

/// The plan after importing a file: the file's, or the current one when
/// the file carries none (an export of the public pages: its answers only).
pub fn plan_after_import(current: &Plan, from_file: Option<Plan>) -> Plan {
    from_file.unwrap_or_else(|| current.clone())
}

/// The link that reopens `plan` with `answers`: `base` is the page's
/// address without its fragment.
pub fn plan_link(base: &str, cat: &Catalogue, answers: &Answers, plan: &Plan) -> String {
    let code = share::encode_with(&cat.version, answers, Some(&plan.to_share_text(cat)));
    let route = Route::Plan(PlanQuery {
        code: Some(code),
        by_status: false,
    });
    format!("{base}{}", route.href())
}

/// What a share link gives: its answers (adapted by the caller) and plan.
pub fn read_link(cat: &Catalogue, code: &str) -> Result<(share::Shared, Plan), String> {
    let shared =
        share::decode(code).map_err(|e| format!("Ce lien ne peut pas être ouvert : {e}."))?;
    let plan = match shared.plan.as_deref() {
        Some(text) => Plan::from_share_text(text, cat)
            .map_err(|e| format!("Ce lien ne peut pas être ouvert : {e}."))?,
        None => Plan::default(),
    };
    Ok((shared, plan))
}

/// Whether a link's plan and answers may replace this browser's without
/// asking: when each is empty here or the same as the link's.
pub fn adopt_without_asking(local: (&Plan, &Answers), linked: (&Plan, &Answers)) -> bool {
    (local.0.is_empty() || local.0 == linked.0) && (local.1.is_empty() || local.1 == linked.1)
}

/// The answers file with the plan (`feuille_de_route`), as « Télécharger
/// (JSON) » writes it on the plan's page. The public pages' file has no
/// plan: their bundle carries no plan writer.
pub fn file_with_plan(file: &AnswersFile, plan: &Plan) -> String {
    #[derive(Serialize)]
    struct WithPlan<'a> {
        #[serde(flatten)]
        file: &'a AnswersFile,
        feuille_de_route: &'a Plan,
    }
    let mut text = serde_json::to_string_pretty(&WithPlan {
        file,
        feuille_de_route: plan,
    })
    .unwrap_or_default();
    text.push('\n');
    text
}

/// Reads an imported answers file: its answers and its plan, if any.
pub fn read_file(text: &str) -> Result<(AnswersFile, Option<Plan>), String> {
    let file = transfer::read_answers_file(text).map_err(|e| e.to_string())?;
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|_| AnswersFileError::NotOurs.to_string())?;
    let plan = match value.get("feuille_de_route") {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(Plan::from_value(v.clone()).map_err(|e| {
            format!("Ce fichier contient une feuille de route qui ne peut pas être lue ({e}). Rien n'a été modifié.")
        })?),
    };
    Ok((file, plan))
}

/// `feuille-de-route-parcours-ti-2026-12-02.csv`.
pub fn file_name(date_iso: &str, extension: &str) -> String {
    transfer::file_name("feuille-de-route-parcours-ti", date_iso, extension)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parcours_core::plan::Status;
    use parcours_core::Answer;

    fn cat() -> Catalogue {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../content/catalogue.json"
        ))
        .unwrap();
        parcours_core::load(&text).unwrap()
    }

    fn plan(cat: &Catalogue) -> Plan {
        let mut p = Plan::default();
        p.add_module(cat, "vte");
        p.add_own("Réunir les industriels", "").unwrap();
        p.action_mut("vte").unwrap().status = Status::EnCours;
        p
    }

    #[test]
    fn the_outbox_enters_once_and_only_known_modules() {
        let cat = cat();
        let mut p = plan(&cat);
        let ids: Vec<String> = ["vte", "eit", "inconnu", "club-ti", "eit"]
            .map(String::from)
            .to_vec();
        assert_eq!(merge_outbox(&mut p, &cat, &ids), 1);
        let order: Vec<&str> = p.actions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(order, ["vte", "propre-1", "eit"]);
    }

    #[test]
    fn the_link_reopens_the_same_plan_and_answers() {
        let cat = cat();
        let p = plan(&cat);
        let mut answers = Answers::new();
        answers.insert("themes".into(), Answer::Options(vec!["foncier".into()]));
        let link = plan_link("https://x.gouv.fr/ti/", &cat, &answers, &p);
        let code = link
            .strip_prefix("https://x.gouv.fr/ti/#/feuille-de-route?r=")
            .unwrap();
        let (shared, back) = read_link(&cat, code).unwrap();
        assert_eq!((shared.answers, back), (answers.clone(), p.clone()));
        assert!(read_link(&cat, "AAAA")
            .unwrap_err()
            .starts_with("Ce lien ne peut pas être ouvert"));
        let none = Answers::new();
        assert!(adopt_without_asking(
            (&Plan::default(), &none),
            (&p, &answers)
        ));
        assert!(adopt_without_asking((&p, &answers), (&p, &answers)));
        assert!(!adopt_without_asking(
            (&p, &none),
            (&Plan::default(), &none)
        ));
        // An empty plan here, but answers of one's own: asked first.
        let mut mine = Answers::new();
        mine.insert("themes".into(), Answer::Options(vec!["emploi".into()]));
        assert!(!adopt_without_asking(
            (&Plan::default(), &mine),
            (&p, &answers)
        ));
        // A file without a plan keeps the plan.
        assert_eq!(plan_after_import(&p, None), p);
        assert_eq!(
            plan_after_import(&p, Some(Plan::default())),
            Plan::default()
        );
    }

    #[test]
    fn the_answers_file_carries_the_plan_and_reads_it_back() {
        let cat = cat();
        let p = plan(&cat);
        let file = AnswersFile::new(&cat.version, "2026-12-02", Answers::new());
        let text = file_with_plan(&file, &p);
        let (back, plan) = read_file(&text).unwrap();
        assert!(back.has_plan);
        assert_eq!((back.answers, plan), (file.answers.clone(), Some(p)));
        // A file of the public pages, without a plan.
        assert_eq!(read_file(&file.to_json()).unwrap().1, None);
        let broken = text.replace(
            "\"format\": 1,\n    \"territory\"",
            "\"format\": 7,\n    \"territory\"",
        );
        assert_ne!(broken, text, "the plan's format is in the file");
        assert!(read_file(&broken).unwrap_err().contains("format 7"));
        assert!(read_file("{").is_err());
    }
}
