//! The feuille de route: the territory's own plan, made of services taken
//! from the pathway or the catalogue and of actions of its own, each with a
//! statut, a porteur, an échéance, the partners contacted and a note.
//!
//! Plain data kept in the browser (JSON, [`Plan::to_json`] /
//! [`Plan::from_json`]), carried in the answers file and in share links
//! ([`Plan::to_share_text`]), compared with an earlier export
//! ([`changes`]) and checked against the catalogue in use ([`flag`]): a
//! module that left the catalogue, or whose state changed, stays in the
//! plan and is flagged, never dropped.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::french_month;
use crate::model::{Catalogue, Module, Nature, State};

/// Version of the stored and exported plan.
pub const FORMAT: u32 = 1;

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    AEngager,
    EnCours,
    Fait,
    Ecarte,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::AEngager,
        Status::EnCours,
        Status::Fait,
        Status::Ecarte,
    ];

    /// The stored name (also the value of the form's options).
    pub fn id(self) -> &'static str {
        match self {
            Status::AEngager => "a-engager",
            Status::EnCours => "en-cours",
            Status::Fait => "fait",
            Status::Ecarte => "ecarte",
        }
    }

    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }

    /// French label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Status::AEngager => "À engager",
            Status::EnCours => "En cours",
            Status::Fait => "Fait",
            Status::Ecarte => "Écarté",
        }
    }
}

/// One line of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    /// The module's id, or `propre-<n>` for an action of one's own.
    pub id: String,
    /// An action of one's own (free title and description), not a module.
    pub own: bool,
    /// The module's title when it was added (kept if it leaves the
    /// catalogue), or the action's own title.
    pub title: String,
    /// An own action's description (empty for a module).
    pub description: String,
    /// The pathway step it belongs to, when known.
    pub step: Option<String>,
    /// The module's state (`State::id`) when added or last reviewed: a
    /// change since is flagged.
    pub known_state: Option<String>,
    pub status: Status,
    /// Why it was set aside (« Écarté »).
    pub reason: String,
    /// Who carries it locally (porteur).
    pub carrier: String,
    /// Échéance, `YYYY-MM`.
    pub due: Option<String>,
    /// Partners contacted.
    pub partners: String,
    pub note: String,
}

impl Action {
    /// The échéance in French (« mars 2027 »), or empty.
    pub fn due_text(&self) -> String {
        self.due.as_deref().map(french_month).unwrap_or_default()
    }

    /// The statut as printed: « Écarté (motif) ».
    pub fn status_text(&self) -> String {
        match (self.status, self.reason.trim()) {
            (Status::Ecarte, reason) if !reason.is_empty() => format!("Écarté ({reason})"),
            (status, _) => status.label().to_string(),
        }
    }
}

/// The whole plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub format: u32,
    /// The territory's name, printed in the heading.
    pub territory: String,
    /// Number of the next action of one's own (ids are never reused).
    pub next_own: u32,
    pub actions: Vec<Action>,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan {
            format: FORMAT,
            territory: String::new(),
            next_own: 1,
            actions: Vec::new(),
        }
    }
}

/// Why a stored or imported plan was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanError {
    /// Not a plan, or damaged.
    Unreadable,
    /// Made by a later version of the application.
    OtherFormat(u32),
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::Unreadable => f.write_str("la feuille de route est illisible"),
            PlanError::OtherFormat(n) => write!(
                f,
                "la feuille de route a été enregistrée par une autre version de l'application (format {n}) et ne peut pas être lue ici"
            ),
        }
    }
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.actions.iter().any(|a| a.id == id)
    }

    pub fn to_json(&self) -> String {
        // Strings, numbers and lists only: it cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a plan written by [`Plan::to_json`] (or the `feuille_de_route`
    /// of an answers file); unknown fields are ignored, missing ones take
    /// their default, an invalid échéance is dropped.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        let plan: Plan = serde_json::from_str(text).map_err(|_| PlanError::Unreadable)?;
        plan.checked()
    }

    /// [`Plan::from_json`] for a value already parsed.
    pub fn from_value(value: serde_json::Value) -> Result<Plan, PlanError> {
        let plan: Plan = serde_json::from_value(value).map_err(|_| PlanError::Unreadable)?;
        plan.checked()
    }

    fn checked(mut self) -> Result<Plan, PlanError> {
        if self.format != FORMAT {
            return Err(PlanError::OtherFormat(self.format));
        }
        let mut seen: Vec<&str> = Vec::new();
        for a in &self.actions {
            if a.id.is_empty() || seen.contains(&a.id.as_str()) {
                return Err(PlanError::Unreadable);
            }
            seen.push(&a.id);
        }
        for a in &mut self.actions {
            if a.due.as_deref().is_some_and(|d| !crate::date::is_month(d)) {
                a.due = None;
            }
        }
        let highest = self
            .actions
            .iter()
            .filter_map(|a| a.id.strip_prefix("propre-")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        // A tampered file may hold the largest number: no id is then free.
        let next = highest.checked_add(1).ok_or(PlanError::Unreadable)?;
        self.next_own = self.next_own.max(next);
        Ok(self)
    }

    /// Takes module `id` of `cat` into the plan, « À engager ». False if it
    /// is there already, is no module of the catalogue or cannot be taken
    /// ([`can_take`]).
    pub fn add_module(&mut self, cat: &Catalogue, id: &str) -> bool {
        let Some(m) = cat.module(id) else {
            return false;
        };
        if self.contains(id) || !can_take(m) {
            return false;
        }
        self.actions.push(Action {
            id: m.id.clone(),
            title: m.title.clone(),
            step: Some(m.step.clone()),
            known_state: current_state(m),
            ..Action::default()
        });
        true
    }

    /// Adds an action of one's own; returns its id. A blank title is
    /// refused (the form says so).
    pub fn add_own(&mut self, title: &str, description: &str) -> Option<String> {
        let title = title.trim();
        if title.is_empty() {
            return None;
        }
        let id = format!("propre-{}", self.next_own);
        self.next_own = self.next_own.checked_add(1)?;
        self.actions.push(Action {
            id: id.clone(),
            own: true,
            title: title.to_string(),
            description: description.trim().to_string(),
            ..Action::default()
        });
        Some(id)
    }

    pub fn remove(&mut self, id: &str) -> Option<Action> {
        let i = self.position(id)?;
        Some(self.actions.remove(i))
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.actions.iter().position(|a| a.id == id)
    }

    /// Moves action `id` one place up (`up`) or down; false at either end.
    pub fn shift(&mut self, id: &str, up: bool) -> bool {
        let Some(i) = self.position(id) else {
            return false;
        };
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        match j {
            Some(j) if j < self.actions.len() => {
                self.actions.swap(i, j);
                true
            }
            _ => false,
        }
    }

    pub fn action_mut(&mut self, id: &str) -> Option<&mut Action> {
        self.actions.iter_mut().find(|a| a.id == id)
    }

    /// Takes note of the catalogue's current states: the flags of changed
    /// states go (a module that left the catalogue stays flagged).
    pub fn acknowledge(&mut self, cat: &Catalogue) {
        for a in self.actions.iter_mut().filter(|a| !a.own) {
            if let Some(m) = cat.module(&a.id) {
                a.known_state = current_state(m);
                a.title = m.title.clone();
            }
        }
    }
}

/// A module's state in the catalogue, as an action keeps it.
fn current_state(m: &Module) -> Option<String> {
    m.status.as_ref().map(|s| s.state.id().to_string())
}

/// Whether a module can be taken into a plan: an offer that is not closed,
/// or an action of the intercommunalité. A proposition of the note is no
/// service to engage, and nothing can be filed with a closed offer.
pub fn can_take(m: &Module) -> bool {
    match m.nature {
        Nature::Proposition => false,
        Nature::Action => true,
        Nature::Offre => m.status.as_ref().is_none_or(|s| s.state != State::Clos),
    }
}

/// What the catalogue in use says of an action taken from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Flag {
    /// The module is no longer in the catalogue.
    Removed,
    /// The module's state is not the one it had when added.
    StateChanged {
        before: Option<State>,
        now: Option<State>,
    },
}

impl Flag {
    /// The sentence shown beside the action.
    pub fn text(&self, version: &str) -> String {
        let state = |s: &Option<State>| s.map_or("sans statut", State::label);
        match self {
            Flag::Removed => format!("Ce service n'est plus au catalogue (version {version}) : il reste dans votre feuille de route, vérifiez auprès de son opérateur ce qu'il est devenu."),
            Flag::StateChanged { now: Some(State::Clos), .. } => {
                "Ce service est désormais clos : rien ne peut plus y être déposé pour le moment.".to_string()
            }
            Flag::StateChanged { before, now } => format!(
                "Son statut a changé depuis son ajout : « {} » est devenu « {} ».",
                state(before),
                state(now)
            ),
        }
    }
}

fn state_from_id(id: &str) -> Option<State> {
    State::ALL.into_iter().find(|s| s.id() == id)
}

/// Whether `action` needs the user's attention against `cat`.
pub fn flag(action: &Action, cat: &Catalogue) -> Option<Flag> {
    if action.own {
        return None;
    }
    let Some(m) = cat.module(&action.id) else {
        return Some(Flag::Removed);
    };
    let now = m.status.as_ref().map(|s| s.state);
    let before = action.known_state.as_deref().and_then(state_from_id);
    (now != before).then_some(Flag::StateChanged { before, now })
}

/// How the printed and shown table is grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    #[default]
    Step,
    Status,
}

impl GroupBy {
    pub fn id(self) -> &'static str {
        match self {
            GroupBy::Step => "etape",
            GroupBy::Status => "statut",
        }
    }

    pub fn from_id(id: &str) -> Option<GroupBy> {
        [GroupBy::Step, GroupBy::Status]
            .into_iter()
            .find(|g| g.id() == id)
    }
}

/// A group of the table: its heading and the indices of its actions, in
/// the plan's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub label: String,
    pub actions: Vec<usize>,
}

/// The plan's actions in groups, empty groups left out: by step in the
/// catalogue's order, then the actions of one's own and those whose step
/// is unknown; or by statut, in the order of [`Status::ALL`].
pub fn groups(plan: &Plan, cat: &Catalogue, by: GroupBy) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut push = |label: String, pick: &dyn Fn(&Action) -> bool| {
        let actions: Vec<usize> = (0..plan.actions.len())
            .filter(|&i| pick(&plan.actions[i]))
            .collect();
        if !actions.is_empty() {
            out.push(Group { label, actions });
        }
    };
    match by {
        GroupBy::Step => {
            let known =
                |a: &Action| !a.own && a.step.as_deref().is_some_and(|s| cat.step(s).is_some());
            for step in &cat.steps {
                push(step.label.clone(), &|a| {
                    known(a) && a.step.as_deref() == Some(&step.id)
                });
            }
            push("Actions propres au territoire".into(), &|a| a.own);
            push("Autres services".into(), &|a| !a.own && !known(a));
        }
        GroupBy::Status => {
            for status in Status::ALL {
                push(status.label().into(), &|a| a.status == status);
            }
        }
    }
    out
}

/// Lines of [`changes`], each an action's title and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// Statut changed, other than to « Fait » or « Écarté ».
    pub moved: Vec<(String, String)>,
    pub done: Vec<(String, String)>,
    pub dropped: Vec<(String, String)>,
    pub added: Vec<(String, String)>,
    /// Taken out of the plan.
    pub removed: Vec<(String, String)>,
    /// Same statut, another porteur or échéance.
    pub updated: Vec<(String, String)>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.moved.is_empty()
            && self.done.is_empty()
            && self.dropped.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.updated.is_empty()
    }

    /// The sections as printed, each with its heading; empty ones left out.
    pub fn sections(&self) -> Vec<(&'static str, &[(String, String)])> {
        [
            ("Actions faites", &self.done),
            ("Statuts modifiés", &self.moved),
            ("Actions ajoutées", &self.added),
            ("Actions écartées", &self.dropped),
            ("Actions retirées de la feuille de route", &self.removed),
            ("Porteurs et échéances modifiés", &self.updated),
        ]
        .into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|(h, lines)| (h, lines.as_slice()))
        .collect()
    }
}

/// What changed from `before` (an earlier export) to `after` (the plan
/// now), in the order of `after`, then of `before` for removed actions.
pub fn changes(before: &Plan, after: &Plan) -> Changes {
    let mut out = Changes::default();
    for a in &after.actions {
        let Some(b) = before.actions.iter().find(|b| b.id == a.id) else {
            let line = (
                a.title.clone(),
                format!("ajoutée, {}", lower(&a.status_text())),
            );
            // Listed once: an action added already done or set aside is
            // counted with those.
            match a.status {
                Status::Fait => out.done.push(line),
                Status::Ecarte => out.dropped.push(line),
                _ => out.added.push(line),
            }
            continue;
        };
        if b.status != a.status {
            let line = (
                a.title.clone(),
                format!("{} → {}", b.status.label(), a.status_text()),
            );
            match a.status {
                Status::Fait => out.done.push(line),
                Status::Ecarte => out.dropped.push(line),
                _ => out.moved.push(line),
            }
        } else {
            let mut what = Vec::new();
            if b.carrier.trim() != a.carrier.trim() {
                what.push(format!("porteur : {}", or_none(&a.carrier)));
            }
            if b.due != a.due {
                what.push(format!("échéance : {}", or_none(&a.due_text())));
            }
            if !what.is_empty() {
                out.updated.push((a.title.clone(), what.join(" ; ")));
            }
        }
    }
    for b in &before.actions {
        if !after.contains(&b.id) {
            out.removed
                .push((b.title.clone(), format!("était « {} »", b.status_text())));
        }
    }
    out
}

fn or_none(s: &str) -> String {
    if s.trim().is_empty() {
        "aucun".to_string()
    } else {
        s.trim().to_string()
    }
}

fn lower(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some('À') => format!("à{}", c.as_str()),
        Some('É') => format!("é{}", c.as_str()),
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The columns of [`csv`], in order.
pub const CSV_COLUMNS: [&str; 12] = [
    "N°",
    "Regroupement",
    "Action",
    "Type",
    "Opérateur",
    "Statut",
    "Motif de l'écart",
    "Porteur",
    "Échéance",
    "Partenaires contactés",
    "Note",
    "Alerte",
];

/// The plan as a spreadsheet: UTF-8 with a byte-order mark, `;` between
/// cells, CRLF line ends, one row per action grouped as on screen. French
/// Excel splits on `;` (the decimal comma takes `,`) and needs the mark to
/// read UTF-8; LibreOffice Calc reads both. A plain CSV keeps the wasm free
/// of a zip writer that an ODS file would need.
pub fn csv(plan: &Plan, cat: &Catalogue, by: GroupBy) -> String {
    let mut out = String::from("\u{feff}");
    let row = |out: &mut String, cells: &[&str]| {
        let cells: Vec<String> = cells
            .iter()
            .map(|c| crate::export::csv_cell_with(c, ';'))
            .collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    };
    row(&mut out, &CSV_COLUMNS);
    for group in groups(plan, cat, by) {
        for &i in &group.actions {
            let a = &plan.actions[i];
            let (kind, operator) = match cat.module(&a.id).filter(|_| !a.own) {
                Some(m) => (
                    "Service du catalogue".to_string(),
                    cat.provider(&m.provider)
                        .map_or_else(|| m.provider.clone(), |p| p.name.clone()),
                ),
                None if a.own => ("Action propre".to_string(), String::new()),
                None => ("Service retiré du catalogue".to_string(), String::new()),
            };
            let title = if a.own && !a.description.is_empty() {
                format!("{} — {}", a.title, a.description)
            } else {
                a.title.clone()
            };
            let alert = flag(a, cat)
                .map(|f| f.text(&cat.version))
                .unwrap_or_default();
            let reason = if a.status == Status::Ecarte {
                a.reason.as_str()
            } else {
                ""
            };
            row(
                &mut out,
                &[
                    &(i + 1).to_string(),
                    &group.label,
                    &title,
                    &kind,
                    &operator,
                    a.status.label(),
                    reason,
                    &a.carrier,
                    &a.due_text(),
                    &a.partners,
                    &a.note,
                    &alert,
                ],
            );
        }
    }
    out
}

// Share text: the plan in a share link (`share::encode_with`). Records
// are separated by `;`, fields by `,`; within a field `%`, `,`, `;`, `|`
// and control characters are percent-escaped, everything else is itself
// (the link's code is compressed, then base64url).

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '%' | ',' | ';' | '|' | '\u{0}'..='\u{1f}' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
}

fn unescape(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

impl Plan {
    /// The plan as the share link carries it: `territory,next_own` then one
    /// record per action. What `cat` says already is left out, to keep the
    /// link short enough for a printed QR code: a module's title, and its
    /// step and state when they are the catalogue's (the title of an own
    /// action, or of a module that left the catalogue, is carried).
    pub fn to_share_text(&self, cat: &Catalogue) -> String {
        let mut out = String::new();
        escape_into(&self.territory, &mut out);
        out.push_str(&format!(",{}", self.next_own));
        for a in &self.actions {
            out.push(';');
            let module = cat.module(&a.id).filter(|_| !a.own);
            // A module's title is the catalogue's, unless it left it.
            let (title, description) = match module {
                Some(_) => ("", ""),
                None => (a.title.as_str(), a.description.as_str()),
            };
            let step = a.step.as_deref().unwrap_or("");
            let step = match module {
                Some(m) if m.step == step => "",
                _ => step,
            };
            let known = a.known_state.as_deref().unwrap_or("");
            let known = match module {
                Some(m) if current_state(m) == a.known_state => "",
                // No state when added: said with `-`, told from « the same ».
                _ if known.is_empty() => "-",
                _ => known,
            };
            let fields = [
                a.id.as_str(),
                if a.own { "1" } else { "" },
                a.status.id(),
                a.due.as_deref().unwrap_or(""),
                &a.carrier,
                &a.partners,
                &a.note,
                &a.reason,
                title,
                description,
                step,
                known,
            ];
            for (k, f) in fields.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                escape_into(f, &mut out);
            }
        }
        out
    }

    /// Reads [`Plan::to_share_text`]; a module's title comes from `cat`
    /// (the link's if it left the catalogue).
    pub fn from_share_text(text: &str, cat: &Catalogue) -> Result<Plan, PlanError> {
        let bad = PlanError::Unreadable;
        let mut records = text.split(';');
        let head: Vec<&str> = records.next().ok_or(bad)?.split(',').collect();
        let [territory, next_own] = head[..] else {
            return Err(bad);
        };
        let mut plan = Plan {
            territory: unescape(territory).ok_or(bad)?,
            next_own: next_own.parse().map_err(|_| bad)?,
            ..Plan::default()
        };
        for record in records {
            let f: Vec<String> = record
                .split(',')
                .map(unescape)
                .collect::<Option<_>>()
                .ok_or(bad)?;
            let [id, own, status, due, carrier, partners, note, reason, title, description, step, known] =
                <[String; 12]>::try_from(f).map_err(|_| bad)?;
            let own = own == "1";
            let opt = |s: String| (!s.is_empty()).then_some(s);
            let module = cat.module(&id).filter(|_| !own);
            let title = match module {
                Some(m) => m.title.clone(),
                None if !title.is_empty() => title,
                None => id.clone(),
            };
            let step = match (module, step.is_empty()) {
                (Some(m), true) => Some(m.step.clone()),
                _ => opt(step),
            };
            let known = match (module, known.as_str()) {
                (Some(m), "") => current_state(m),
                (_, "-") => None,
                _ => opt(known),
            };
            plan.actions.push(Action {
                status: Status::from_id(&status).ok_or(bad)?,
                own,
                title,
                description,
                due: opt(due),
                carrier,
                partners,
                note,
                reason,
                step,
                known_state: known,
                id,
            });
        }
        plan.checked()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips_delimiters_and_accents() {
        let s = "Écarté ; 50 % « oui », a|b\nfin";
        let mut out = String::new();
        escape_into(s, &mut out);
        assert!(!out.contains([';', ',', '|', '\n']));
        assert!(out.contains('É'), "accents stay themselves: {out}");
        assert_eq!(unescape(&out).as_deref(), Some(s));
        assert_eq!(unescape("%4"), None);
        assert_eq!(unescape("%zz"), None);
    }

    #[test]
    fn lower_case_of_french_labels() {
        assert_eq!(lower("À engager"), "à engager");
        assert_eq!(lower("Écarté (trop cher)"), "écarté (trop cher)");
        assert_eq!(lower("En cours"), "en cours");
    }
}
