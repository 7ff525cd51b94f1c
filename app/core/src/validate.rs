//! Semantic checks of a deserialised catalogue. Every problem is collected
//! (never stop at the first): an editor fixes a file in one pass.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::date::is_date;
use crate::diagnostic::Diagnostic;
use crate::model::*;

/// Every semantic problem of the catalogue; empty when it is sound.
/// Depends on the catalogue alone (not on the clock): see [`validate_on`].
pub fn validate(cat: &Catalogue) -> Vec<Diagnostic> {
    let mut v = Validator::new(cat);
    v.header();
    v.sources();
    v.providers();
    v.themes_steps_kinds();
    v.modules();
    v.cycles();
    v.questionnaire();
    v.rules();
    v.out
}

/// [`validate`], and what only the day of the check can tell (`today`,
/// `YYYY-MM-DD`): a publication or a status check dated in the future.
/// For editors' tools (`catalogue check`, the Atelier); the app itself
/// never refuses a catalogue because of a visitor's clock.
pub fn validate_on(cat: &Catalogue, today: &str) -> Vec<Diagnostic> {
    let mut out = validate(cat);
    if is_date(&cat.published) && cat.published.as_str() > today {
        out.push(Diagnostic::invalid(
            "/published",
            format!(
                "la date de publication {} est dans le futur (nous sommes le {today})",
                cat.published
            ),
        ));
    }
    for (i, m) in cat.modules.iter().enumerate() {
        if let Some(s) = &m.status {
            if is_date(&s.checked) && s.checked.as_str() > today {
                out.push(Diagnostic::invalid(
                    format!("/modules/{i}/status/checked"),
                    format!(
                        "la date de vérification {} est dans le futur (nous sommes le {today}) : indiquez le jour où la page officielle a été lue",
                        s.checked
                    ),
                ));
            }
        }
    }
    out
}

/// The host of an `https://` address, lowercased; `None` for another
/// scheme, an empty host or credentials in the address.
pub fn https_host(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    if authority.contains('@') || url.contains(char::is_whitespace) {
        return None;
    }
    let host = authority.split(':').next().unwrap_or_default();
    (!host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'))
    .then(|| host.to_ascii_lowercase())
}

/// Domains where a module's links may point: `gouv.fr`, and each
/// operator's `url` host (without `www.`) and extra `domains`.
pub fn official_domains(cat: &Catalogue) -> Vec<String> {
    let mut out = vec!["gouv.fr".to_string()];
    for p in &cat.providers {
        if let Some(host) = p.url.as_deref().and_then(https_host) {
            out.push(host.strip_prefix("www.").unwrap_or(&host).to_string());
        }
        out.extend(p.domains.iter().map(|d| d.to_ascii_lowercase()));
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `host` is one of `domains` or a subdomain of one.
fn on_domains(host: &str, domains: &[String]) -> bool {
    domains.iter().any(|d| {
        host == d
            || host
                .strip_suffix(d.as_str())
                .is_some_and(|sub| sub.ends_with('.'))
    })
}

/// Modules the questionnaire can never bring into a pathway (no rule names
/// them, directly or as a prerequisite) and that are not marked
/// `browse_only`. Not an error: reported by `catalogue stats`.
pub fn unreachable_modules(cat: &Catalogue) -> Vec<&str> {
    let by_id: FxHashMap<&str, &Module> = cat.modules.iter().map(|m| (m.id.as_str(), m)).collect();
    let mut reached: FxHashSet<&str> = FxHashSet::default();
    let mut stack: Vec<&str> = cat
        .rules
        .iter()
        .flat_map(|r| r.modules.iter().map(String::as_str))
        .collect();
    while let Some(id) = stack.pop() {
        if reached.insert(id) {
            if let Some(m) = by_id.get(id) {
                stack.extend(m.prerequisites.iter().map(String::as_str));
            }
        }
    }
    cat.modules
        .iter()
        .filter(|m| m.browse_only.is_none() && !reached.contains(m.id.as_str()))
        .map(|m| m.id.as_str())
        .collect()
}

/// How an entity is named in messages.
struct Entity {
    /// « l'opérateur »
    the: &'static str,
    /// « opérateurs connus »
    known: &'static str,
}

const SOURCE: Entity = Entity {
    the: "la source",
    known: "sources connues",
};
const PROVIDER: Entity = Entity {
    the: "l'opérateur",
    known: "opérateurs connus",
};
const THEME: Entity = Entity {
    the: "le thème",
    known: "thèmes connus",
};
const STEP: Entity = Entity {
    the: "l'étape",
    known: "étapes connues",
};
const KIND: Entity = Entity {
    the: "le type d'aide",
    known: "types connus",
};
const MODULE: Entity = Entity {
    the: "le module",
    known: "modules connus",
};
const QUESTION: Entity = Entity {
    the: "la question",
    known: "questions connues",
};

/// Ids of one kind of entity, first occurrence wins.
struct Ids<'a> {
    pos: FxHashMap<&'a str, usize>,
    sorted: Vec<&'a str>,
}

impl<'a> Ids<'a> {
    fn new(ids: impl Iterator<Item = &'a str>) -> Self {
        let mut pos = FxHashMap::default();
        for (i, id) in ids.enumerate() {
            pos.entry(id).or_insert(i);
        }
        let mut sorted: Vec<&str> = pos.keys().copied().collect();
        sorted.sort_unstable();
        Ids { pos, sorted }
    }

    fn get(&self, id: &str) -> Option<usize> {
        self.pos.get(id).copied()
    }

    fn known_list(&self) -> String {
        const SHOWN: usize = 12;
        if self.sorted.is_empty() {
            return "aucun".into();
        }
        let mut s = self
            .sorted
            .iter()
            .take(SHOWN)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if self.sorted.len() > SHOWN {
            s.push('…');
        }
        s
    }
}

struct QInfo<'a> {
    /// Position in questionnaire order.
    order: usize,
    group: usize,
    question: &'a Question,
}

/// Where a condition sits, which decides the questions it may name.
#[derive(Clone, Copy)]
enum Scope<'a> {
    /// Rules and exclusions: any question.
    Anywhere,
    /// A question's `visible_if`: only questions asked before it.
    Question { order: usize, id: &'a str },
    /// A group's `visible_if`: only questions of earlier groups.
    Group { group: usize },
}

struct Validator<'a> {
    cat: &'a Catalogue,
    out: Vec<Diagnostic>,
    sources: Ids<'a>,
    providers: Ids<'a>,
    themes: Ids<'a>,
    steps: Ids<'a>,
    kinds: Ids<'a>,
    modules: Ids<'a>,
    questions: FxHashMap<&'a str, QInfo<'a>>,
    question_ids: Ids<'a>,
    /// See [`official_domains`].
    domains: Vec<String>,
    /// Option id → questions that offer it, to say « this option belongs to
    /// another question ».
    option_owners: FxHashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Validator<'a> {
    fn new(cat: &'a Catalogue) -> Self {
        let mut questions = FxHashMap::default();
        let mut option_owners: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        let mut order = 0;
        for (g, group) in cat.questionnaire.groups.iter().enumerate() {
            for q in &group.questions {
                questions.entry(q.id.as_str()).or_insert(QInfo {
                    order,
                    group: g,
                    question: q,
                });
                order += 1;
                for o in &q.options {
                    option_owners
                        .entry(o.id.as_str())
                        .or_default()
                        .push(q.id.as_str());
                }
            }
        }
        Validator {
            cat,
            out: Vec::new(),
            sources: Ids::new(cat.sources.iter().map(|x| x.id.as_str())),
            providers: Ids::new(cat.providers.iter().map(|x| x.id.as_str())),
            themes: Ids::new(cat.themes.iter().map(|x| x.id.as_str())),
            steps: Ids::new(cat.steps.iter().map(|x| x.id.as_str())),
            kinds: Ids::new(cat.kinds.iter().map(|x| x.id.as_str())),
            modules: Ids::new(cat.modules.iter().map(|x| x.id.as_str())),
            question_ids: Ids::new(cat.questions().map(|q| q.id.as_str())),
            questions,
            option_owners,
            domains: official_domains(cat),
        }
    }

    fn err(&mut self, pointer: impl Into<String>, message: impl Into<String>) {
        self.out.push(Diagnostic::invalid(pointer, message));
    }

    fn text(&mut self, pointer: String, value: &str) {
        if value.trim().is_empty() {
            let field = pointer.rsplit('/').next().unwrap_or("").to_string();
            self.err(
                pointer,
                format!("le champ « {field} » ne doit pas être vide"),
            );
        }
    }

    fn opt_text(&mut self, pointer: String, value: &Option<String>) {
        if let Some(v) = value {
            self.text(pointer, v);
        }
    }

    fn link(&mut self, pointer: String, value: &Option<String>) {
        let Some(url) = value else { return };
        let ok = ["https://", "mailto:"].iter().any(|p| {
            url.starts_with(p) && url.len() > p.len() && !url.contains(char::is_whitespace)
        });
        if !ok {
            self.err(
                pointer,
                format!("le lien « {url} » doit commencer par « https:// » ou « mailto: » (sans espace)"),
            );
        }
    }

    /// An official page: `https://` on `gouv.fr` or an operator's domain.
    fn official_link(&mut self, pointer: String, url: &str) {
        match https_host(url) {
            None => self.err(
                pointer,
                format!("le lien « {url} » doit être une adresse « https:// » complète, sans espace"),
            ),
            Some(host) if !on_domains(&host, &self.domains) => self.err(
                pointer,
                format!(
                    "le lien « {url} » n'est pas sur un domaine officiel : « {host} » n'est ni un domaine gouv.fr ni celui d'un opérateur du catalogue (domaines admis : {} ; un autre domaine d'un opérateur s'ajoute à ses « domains »)",
                    self.domains.join(", ")
                ),
            ),
            Some(_) => {}
        }
    }

    fn date(&mut self, pointer: String, value: &str, what: &str) -> bool {
        let ok = is_date(value);
        if !ok {
            self.err(
                pointer,
                format!(
                    "{what} « {value} » mal formée : attendu AAAA-MM-JJ, par exemple 2026-11-26"
                ),
            );
        }
        ok
    }

    /// Nature, status and official link of module `i`.
    fn nature_status(&mut self, p: &str, m: &Module) {
        if let Some(url) = &m.url {
            self.official_link(format!("{p}/url"), url);
        }
        let Some(s) = &m.status else {
            if m.nature == Nature::Offre {
                self.err(
                    format!("{p}/nature"),
                    "une offre existante (« offre ») doit avoir un « status » : son état (permanent, ouvert, clos, a-confirmer), le jour de la vérification (« checked ») et la page officielle lue (« checked_at »)",
                );
            }
            return;
        };
        if m.nature != Nature::Offre {
            let what = match m.nature {
                Nature::Proposition => "une proposition de la note n'a pas d'état : rien n'est encore ouvert",
                _ => "une action de l'intercommunalité n'a pas d'état : elle ne dépend d'aucun guichet",
            };
            self.err(
                format!("{p}/status"),
                format!("{what} ; retirez « status », ou passez « nature » à « offre » si une offre existe"),
            );
            return;
        }
        let checked = self.date(
            format!("{p}/status/checked"),
            &s.checked,
            "date de vérification",
        );
        if checked && is_date(&self.cat.published) && s.checked > self.cat.published {
            self.err(
                format!("{p}/status/checked"),
                format!(
                    "la date de vérification {} est postérieure à la publication du catalogue ({}) : publiez une nouvelle version, datée du jour",
                    s.checked, self.cat.published
                ),
            );
        }
        self.official_link(format!("{p}/status/checked_at"), &s.checked_at);
        let opens = match &s.opens {
            Some(d) => self
                .date(format!("{p}/status/opens"), d, "date d'ouverture")
                .then_some(d),
            None => None,
        };
        let closes = match &s.closes {
            Some(d) => self
                .date(format!("{p}/status/closes"), d, "date de clôture")
                .then_some(d),
            None => None,
        };
        if let (Some(o), Some(c)) = (opens, closes) {
            if o > c {
                self.err(
                    format!("{p}/status/closes"),
                    format!("la date de clôture {c} précède la date d'ouverture {o}"),
                );
            }
        }
        match s.state {
            State::Ouvert => {
                if let Some(c) = closes.filter(|c| checked && c.as_str() < s.checked.as_str()) {
                    self.err(
                        format!("{p}/status/state"),
                        format!(
                            "l'appel est dit « ouvert » mais sa date de clôture ({c}) précède le jour de la vérification ({}) : passez-le à « clos »",
                            s.checked
                        ),
                    );
                }
            }
            State::Permanent if opens.is_some() || closes.is_some() => self.err(
                format!("{p}/status/state"),
                "une offre « permanente » n'a pas de dates d'ouverture ni de clôture : si c'est un appel, son état est « ouvert », « clos » ou « a-confirmer »",
            ),
            _ => {}
        }
    }

    /// Slug syntax and uniqueness within one list.
    fn ids<'b>(&mut self, list: &str, ids: impl Iterator<Item = &'b str>) {
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, id) in ids.enumerate() {
            let pointer = format!("{list}/{i}/id");
            self.slug(pointer.clone(), id);
            if let Some(first) = seen.get(id) {
                self.err(
                    pointer,
                    format!("identifiant « {id} » en double (déjà utilisé en {list}/{first})"),
                );
            } else {
                seen.insert(id, i);
            }
        }
    }

    fn slug(&mut self, pointer: String, id: &str) {
        if id.is_empty() {
            self.err(pointer, "identifiant vide");
        } else if !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            self.err(
                pointer,
                format!(
                    "identifiant « {id} » invalide : lettres minuscules sans accent, chiffres et tirets uniquement"
                ),
            );
        }
    }

    fn reference(
        &mut self,
        pointer: String,
        id: &str,
        which: fn(&Self) -> &Ids<'a>,
        e: &Entity,
    ) -> Option<usize> {
        let ids = which(self);
        match ids.get(id) {
            Some(i) => Some(i),
            None => {
                let known = ids.known_list();
                self.err(
                    pointer,
                    format!("{} « {id} » n'existe pas ({} : {known})", e.the, e.known),
                );
                None
            }
        }
    }

    fn header(&mut self) {
        let cat = self.cat;
        if cat.schema != SCHEMA_VERSION {
            self.out.push(Diagnostic::unsupported_schema(cat.schema));
        }
        if !is_version(&cat.version) {
            self.err(
                "/version",
                format!(
                    "version « {} » mal formée : attendu AAAA.MM.N, par exemple 2026.11.0",
                    cat.version
                ),
            );
        }
        if !is_date(&cat.published) {
            self.err(
                "/published",
                format!("date de publication « {} » mal formée : attendu AAAA-MM-JJ, par exemple 2026-11-26", cat.published),
            );
        }
    }

    fn sources(&mut self) {
        let cat = self.cat;
        self.ids("/sources", cat.sources.iter().map(|x| x.id.as_str()));
        for (i, s) in cat.sources.iter().enumerate() {
            self.text(format!("/sources/{i}/title"), &s.title);
            self.text(format!("/sources/{i}/publisher"), &s.publisher);
            self.link(format!("/sources/{i}/url"), &s.url);
        }
    }

    fn providers(&mut self) {
        let cat = self.cat;
        self.ids("/providers", cat.providers.iter().map(|x| x.id.as_str()));
        for (i, p) in cat.providers.iter().enumerate() {
            self.text(format!("/providers/{i}/name"), &p.name);
            self.text(format!("/providers/{i}/short_name"), &p.short_name);
            self.link(format!("/providers/{i}/url"), &p.url);
            for (j, d) in p.domains.iter().enumerate() {
                let ok = !d.is_empty()
                    && d.contains('.')
                    && d.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'
                    });
                if !ok {
                    self.err(
                        format!("/providers/{i}/domains/{j}"),
                        format!("domaine « {d} » mal formé : un nom de domaine en minuscules, sans « https:// » ni « / », par exemple urbanvitaliz.fr"),
                    );
                }
            }
            self.opt_text(format!("/providers/{i}/description"), &p.description);
        }
    }

    fn themes_steps_kinds(&mut self) {
        let cat = self.cat;
        self.ids("/themes", cat.themes.iter().map(|x| x.id.as_str()));
        for (i, t) in cat.themes.iter().enumerate() {
            self.text(format!("/themes/{i}/label"), &t.label);
            self.text(format!("/themes/{i}/description"), &t.description);
        }
        self.ids("/steps", cat.steps.iter().map(|x| x.id.as_str()));
        if cat.steps.is_empty() {
            self.err("/steps", "le catalogue doit définir au moins une étape");
        }
        for (i, s) in cat.steps.iter().enumerate() {
            self.text(format!("/steps/{i}/label"), &s.label);
            self.text(format!("/steps/{i}/description"), &s.description);
        }
        self.ids("/kinds", cat.kinds.iter().map(|x| x.id.as_str()));
        for (i, k) in cat.kinds.iter().enumerate() {
            self.text(format!("/kinds/{i}/label"), &k.label);
        }
    }

    fn modules(&mut self) {
        let cat = self.cat;
        self.ids("/modules", cat.modules.iter().map(|x| x.id.as_str()));
        for (i, m) in cat.modules.iter().enumerate() {
            let p = format!("/modules/{i}");
            self.text(format!("{p}/title"), &m.title);
            self.reference(
                format!("{p}/provider"),
                &m.provider,
                |v| &v.providers,
                &PROVIDER,
            );
            let mut partners = FxHashSet::default();
            for (j, partner) in m.partners.iter().enumerate() {
                let pp = format!("{p}/partners/{j}");
                if self
                    .reference(pp.clone(), partner, |v| &v.providers, &PROVIDER)
                    .is_some()
                {
                    if *partner == m.provider {
                        self.err(
                            pp,
                            format!(
                                "« {partner} » est déjà l'opérateur du module, pas un partenaire"
                            ),
                        );
                    } else if !partners.insert(partner.as_str()) {
                        self.err(pp, format!("partenaire « {partner} » cité deux fois"));
                    }
                }
            }
            if m.themes.is_empty() {
                self.err(
                    format!("{p}/themes"),
                    "un module doit avoir au moins un thème",
                );
            }
            let mut themes = FxHashSet::default();
            for (j, t) in m.themes.iter().enumerate() {
                let tp = format!("{p}/themes/{j}");
                if self
                    .reference(tp.clone(), t, |v| &v.themes, &THEME)
                    .is_some()
                    && !themes.insert(t.as_str())
                {
                    self.err(tp, format!("thème « {t} » cité deux fois"));
                }
            }
            let step = self.reference(format!("{p}/step"), &m.step, |v| &v.steps, &STEP);
            self.reference(format!("{p}/kind"), &m.kind, |v| &v.kinds, &KIND);
            self.text(format!("{p}/summary"), &m.summary);
            self.text(format!("{p}/benefits"), &m.benefits);
            self.text(format!("{p}/audience"), &m.audience);
            self.opt_text(format!("{p}/cost"), &m.cost);
            self.opt_text(format!("{p}/duration"), &m.duration);
            self.text(format!("{p}/access"), &m.access);
            self.nature_status(&p, m);
            let mut prereqs = FxHashSet::default();
            for (j, pre) in m.prerequisites.iter().enumerate() {
                let pp = format!("{p}/prerequisites/{j}");
                if *pre == m.id {
                    self.err(
                        pp,
                        format!("le module « {pre} » ne peut pas être son propre prérequis"),
                    );
                    continue;
                }
                let Some(k) = self.reference(pp.clone(), pre, |v| &v.modules, &MODULE) else {
                    continue;
                };
                if !prereqs.insert(pre.as_str()) {
                    self.err(pp, format!("prérequis « {pre} » cité deux fois"));
                    continue;
                }
                // A prerequisite is pulled into the steps: it must be
                // something one can act on.
                let before = &cat.modules[k];
                let not_actionable = match before.nature {
                    Nature::Proposition => Some("une proposition de la note"),
                    Nature::Offre
                        if before
                            .status
                            .as_ref()
                            .is_some_and(|s| s.state == State::Clos) =>
                    {
                        Some("une offre close")
                    }
                    _ => None,
                };
                if let Some(what) = not_actionable {
                    self.err(
                        pp.clone(),
                        format!(
                            "le prérequis « {pre} » est {what} : un parcours n'en fait jamais une étape, il ne peut donc pas précéder « {} »",
                            m.id
                        ),
                    );
                }
                let pre_step = self.steps.get(&cat.modules[k].step);
                if let (Some(s), Some(ps)) = (step, pre_step) {
                    if ps > s {
                        self.err(
                            pp,
                            format!(
                                "le prérequis « {pre} » est dans l'étape « {} », qui vient après l'étape « {} » de ce module : le parcours suit l'ordre des étapes, un prérequis doit être dans la même étape ou une étape antérieure",
                                cat.modules[k].step, m.step
                            ),
                        );
                    }
                }
            }
            for (j, ex) in m.exclusions.iter().enumerate() {
                self.condition(
                    format!("{p}/exclusions/{j}/when"),
                    &ex.when,
                    Scope::Anywhere,
                );
                self.text(format!("{p}/exclusions/{j}/reason"), &ex.reason);
            }
            self.opt_text(format!("{p}/browse_only"), &m.browse_only);
            self.reference(
                format!("{p}/source/document"),
                &m.source.document,
                |v| &v.sources,
                &SOURCE,
            );
            self.text(format!("{p}/source/section"), &m.source.section);
            self.opt_text(format!("{p}/source/excerpt"), &m.source.excerpt);
        }
    }

    /// Prerequisite cycles, each named once (« a → b → c → a »).
    fn cycles(&mut self) {
        let cat = self.cat;
        let n = cat.modules.len();
        let edges: Vec<Vec<usize>> = cat
            .modules
            .iter()
            .map(|m| {
                m.prerequisites
                    .iter()
                    .filter(|p| **p != m.id)
                    .filter_map(|p| self.modules.get(p))
                    .collect()
            })
            .collect();
        let mut state = vec![Visit::New; n];
        // A handful at most: a list, not a set (a B-tree would weigh
        // kilobytes in the wasm).
        let mut found: Vec<Vec<usize>> = Vec::new();
        for root in 0..n {
            if state[root] != Visit::New {
                continue;
            }
            // Iterative DFS: (node, next edge to explore).
            let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = Visit::OnPath;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&to) = edges[node].get(*next) {
                    *next += 1;
                    match state[to] {
                        Visit::New => {
                            state[to] = Visit::OnPath;
                            stack.push((to, 0));
                        }
                        Visit::OnPath => {
                            let start = stack.iter().position(|(x, _)| *x == to).unwrap_or(0);
                            let cycle: Vec<usize> =
                                stack[start..].iter().map(|(x, _)| *x).collect();
                            // Canonical rotation so that a cycle is reported once.
                            let min = cycle
                                .iter()
                                .enumerate()
                                .min_by_key(|(_, x)| **x)
                                .map_or(0, |(i, _)| i);
                            let mut canon = cycle[min..].to_vec();
                            canon.extend_from_slice(&cycle[..min]);
                            if !found.contains(&canon) {
                                found.push(canon);
                            }
                        }
                        Visit::Done => {}
                    }
                } else {
                    state[node] = Visit::Done;
                    stack.pop();
                }
            }
        }
        for cycle in found {
            let first = cycle[0];
            let mut names: Vec<&str> = cycle.iter().map(|&i| cat.modules[i].id.as_str()).collect();
            names.push(&cat.modules[first].id);
            self.err(
                format!("/modules/{first}/prerequisites"),
                format!("cycle de prérequis : {}", names.join(" → ")),
            );
        }
    }

    fn questionnaire(&mut self) {
        let cat = self.cat;
        self.ids(
            "/questionnaire/groups",
            cat.questionnaire.groups.iter().map(|g| g.id.as_str()),
        );
        if cat.questionnaire.groups.is_empty() {
            self.err(
                "/questionnaire/groups",
                "le questionnaire doit contenir au moins une étape",
            );
        }
        let mut seen: FxHashMap<&str, String> = FxHashMap::default();
        let mut order = 0;
        for (g, group) in cat.questionnaire.groups.iter().enumerate() {
            let gp = format!("/questionnaire/groups/{g}");
            self.text(format!("{gp}/label"), &group.label);
            self.text(format!("{gp}/description"), &group.description);
            if let Some(t) = &group.theme {
                self.reference(format!("{gp}/theme"), t, |v| &v.themes, &THEME);
            }
            if let Some(c) = &group.visible_if {
                self.condition(format!("{gp}/visible_if"), c, Scope::Group { group: g });
            }
            if group.questions.is_empty() {
                self.err(
                    format!("{gp}/questions"),
                    "une étape du questionnaire doit contenir au moins une question",
                );
            }
            for (k, q) in group.questions.iter().enumerate() {
                let qp = format!("{gp}/questions/{k}");
                self.slug(format!("{qp}/id"), &q.id);
                if let Some(first) = seen.get(q.id.as_str()) {
                    self.err(
                        format!("{qp}/id"),
                        format!(
                            "identifiant de question « {} » en double (déjà utilisé en {first})",
                            q.id
                        ),
                    );
                } else {
                    seen.insert(&q.id, qp.clone());
                }
                self.question(&qp, q, order);
                order += 1;
            }
        }
    }

    fn question(&mut self, qp: &str, q: &'a Question, order: usize) {
        self.text(format!("{qp}/label"), &q.label);
        self.text(format!("{qp}/help"), &q.help);
        let with_options = matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple);
        if with_options && q.options.is_empty() {
            self.err(
                format!("{qp}/options"),
                "une question à choix doit proposer des options",
            );
        }
        if !with_options && !q.options.is_empty() {
            let why = match q.kind {
                QuestionKind::YesNo => "une question oui/non a ses options implicites (« oui », « non ») : retirez « options »",
                _ => "une question numérique ne prend pas d'options : retirez « options »",
            };
            self.err(format!("{qp}/options"), why);
        }
        let mut opt_ids: FxHashMap<&str, usize> = FxHashMap::default();
        for (j, o) in q.options.iter().enumerate() {
            let op = format!("{qp}/options/{j}");
            self.slug(format!("{op}/id"), &o.id);
            if let Some(first) = opt_ids.get(o.id.as_str()) {
                self.err(
                    format!("{op}/id"),
                    format!(
                        "option « {} » en double dans la question (déjà en {qp}/options/{first})",
                        o.id
                    ),
                );
            } else {
                opt_ids.insert(&o.id, j);
            }
            self.text(format!("{op}/label"), &o.label);
            self.opt_text(format!("{op}/description"), &o.description);
            if o.exclusive && q.kind != QuestionKind::Multiple {
                self.err(
                    format!("{op}/exclusive"),
                    format!(
                        "« exclusive » ne s'applique qu'aux questions à choix multiple : la question « {} » est de type {}, une seule réponse y est déjà possible",
                        q.id,
                        kind_name(q.kind)
                    ),
                );
            }
        }
        if q.kind == QuestionKind::Multiple
            && !q.options.is_empty()
            && q.options.iter().all(|o| o.exclusive)
        {
            self.err(
                format!("{qp}/options"),
                "toutes les options sont « exclusive » : une question à choix multiple doit en garder au moins une qui se coche avec d'autres",
            );
        }
        let length = q.label.chars().count();
        if length > LABEL_MAX {
            self.err(
                format!("{qp}/label"),
                format!(
                    "le libellé fait {length} caractères : {LABEL_MAX} au plus, en français courant ; les précisions et les sigles développés vont dans « help »"
                ),
            );
        }
        if q.kind == QuestionKind::Scale && (q.min_label.is_none() || q.max_label.is_none()) {
            self.err(
                format!("{qp}/min_label"),
                "une échelle doit nommer ses deux bouts (« min_label » et « max_label ») : le plus petit nombre pour la difficulté la plus faible, le plus grand pour la plus forte",
            );
        }
        self.reversed_in(qp, q);
        match q.kind {
            QuestionKind::Scale => match (q.min, q.max) {
                (Some(min), Some(max)) if min < max => {}
                (Some(_), Some(_)) => self.err(
                    format!("{qp}/max"),
                    "une échelle doit avoir min strictement inférieur à max",
                ),
                _ => self.err(
                    format!("{qp}/min"),
                    "une échelle doit préciser « min » et « max »",
                ),
            },
            QuestionKind::Number => {
                if let (Some(min), Some(max)) = (q.min, q.max) {
                    if min > max {
                        self.err(
                            format!("{qp}/max"),
                            "« max » doit être supérieur ou égal à « min »",
                        );
                    }
                }
            }
            _ => {
                if q.min.is_some() || q.max.is_some() {
                    self.err(format!("{qp}/min"), "« min » et « max » ne s'appliquent qu'aux questions de type échelle ou nombre");
                }
            }
        }
        self.opt_text(format!("{qp}/unit"), &q.unit);
        self.opt_text(format!("{qp}/min_label"), &q.min_label);
        self.opt_text(format!("{qp}/max_label"), &q.max_label);
        if let Some(c) = &q.visible_if {
            self.condition(
                format!("{qp}/visible_if"),
                c,
                Scope::Question { order, id: &q.id },
            );
        }
    }

    /// The versions that turned a scale round: well formed, once each, and
    /// not after this catalogue's own version.
    fn reversed_in(&mut self, qp: &str, q: &Question) {
        if !q.reversed_in.is_empty() && q.kind != QuestionKind::Scale {
            self.err(
                format!("{qp}/reversed_in"),
                format!(
                    "« reversed_in » ne s'applique qu'aux échelles : la question « {} » est de type {}",
                    q.id,
                    kind_name(q.kind)
                ),
            );
            return;
        }
        let current = crate::migrate::version_key(&self.cat.version);
        for (j, v) in q.reversed_in.iter().enumerate() {
            let p = format!("{qp}/reversed_in/{j}");
            if !is_version(v) {
                self.err(
                    p,
                    format!(
                        "version « {v} » mal formée : attendu AAAA.MM.N, par exemple 2026.12.1"
                    ),
                );
            } else if q.reversed_in[..j].contains(v) {
                self.err(p, format!("version « {v} » citée deux fois"));
            } else if current.is_some() && crate::migrate::version_key(v) > current {
                self.err(
                    p,
                    format!(
                        "la version « {v} » est postérieure à celle du catalogue ({}) : indiquez la version qui a inversé l'échelle",
                        self.cat.version
                    ),
                );
            }
        }
    }

    fn rules(&mut self) {
        let cat = self.cat;
        self.ids("/rules", cat.rules.iter().map(|r| r.id.as_str()));
        for (i, r) in cat.rules.iter().enumerate() {
            let rp = format!("/rules/{i}");
            self.condition(format!("{rp}/when"), &r.when, Scope::Anywhere);
            if r.modules.is_empty() {
                self.err(
                    format!("{rp}/modules"),
                    "une règle doit recommander au moins un module",
                );
            }
            let mut seen = FxHashSet::default();
            for (j, m) in r.modules.iter().enumerate() {
                let mp = format!("{rp}/modules/{j}");
                if self
                    .reference(mp.clone(), m, |v| &v.modules, &MODULE)
                    .is_some()
                    && !seen.insert(m.as_str())
                {
                    self.err(mp, format!("module « {m} » cité deux fois dans la règle"));
                }
            }
            if r.weight < 1 {
                self.err(
                    format!("{rp}/weight"),
                    "le poids d'une règle doit être au moins 1",
                );
            }
            self.text(format!("{rp}/reason"), &r.reason);
        }
    }

    fn condition(&mut self, p: String, c: &'a Condition, scope: Scope<'a>) {
        match c {
            Condition::All(list) | Condition::Any(list) => {
                let key = if matches!(c, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if list.is_empty() {
                    self.err(format!("{p}/{key}"), format!("la liste « {key} » est vide"));
                }
                for (i, sub) in list.iter().enumerate() {
                    self.condition(format!("{p}/{key}/{i}"), sub, scope);
                }
            }
            Condition::Not(sub) => self.condition(format!("{p}/not"), sub, scope),
            Condition::Answered(q) => {
                self.cond_question(format!("{p}/answered"), q, scope);
            }
            Condition::Unknown(q) => {
                self.cond_question(format!("{p}/unknown"), q, scope);
            }
            Condition::Equals(t) => {
                let base = format!("{p}/equals");
                if let Some(q) = self.cond_question(format!("{base}/question"), &t.question, scope)
                {
                    if self.option_kind(&base, q, "equals") {
                        self.cond_option(format!("{base}/option"), q, &t.option);
                    }
                }
            }
            Condition::In(t) => {
                let base = format!("{p}/in");
                if t.options.is_empty() {
                    self.err(format!("{base}/options"), "la liste « options » est vide");
                }
                if let Some(q) = self.cond_question(format!("{base}/question"), &t.question, scope)
                {
                    if self.option_kind(&base, q, "in") {
                        for (i, o) in t.options.iter().enumerate() {
                            self.cond_option(format!("{base}/options/{i}"), q, o);
                        }
                    }
                }
            }
            Condition::AtLeast(t) | Condition::AtMost(t) => {
                let key = if matches!(c, Condition::AtLeast(_)) {
                    "at_least"
                } else {
                    "at_most"
                };
                let base = format!("{p}/{key}");
                if let Some(q) = self.cond_question(format!("{base}/question"), &t.question, scope)
                {
                    if !matches!(q.kind, QuestionKind::Number | QuestionKind::Scale) {
                        self.err(
                            base,
                            format!(
                                "« {key} » compare un nombre : la question « {} » est de type {}, pas nombre ou échelle (utilisez « equals » ou « in »)",
                                q.id,
                                kind_name(q.kind)
                            ),
                        );
                    }
                }
            }
        }
    }

    /// `equals` / `in` only make sense on questions with options.
    fn option_kind(&mut self, base: &str, q: &Question, key: &str) -> bool {
        if matches!(q.kind, QuestionKind::Number | QuestionKind::Scale) {
            self.err(
                base.to_string(),
                format!(
                    "« {key} » teste une option : la question « {} » est de type {} (utilisez « at_least » ou « at_most »)",
                    q.id,
                    kind_name(q.kind)
                ),
            );
            false
        } else {
            true
        }
    }

    fn cond_question(&mut self, p: String, id: &str, scope: Scope<'a>) -> Option<&'a Question> {
        let Some(info) = self.questions.get(id) else {
            let known = self.question_ids.known_list();
            self.err(
                p,
                format!(
                    "{} « {id} » n'existe pas ({} : {known})",
                    QUESTION.the, QUESTION.known
                ),
            );
            return None;
        };
        let (order, group, question) = (info.order, info.group, info.question);
        match scope {
            Scope::Anywhere => {}
            Scope::Question {
                order: own,
                id: own_id,
            } => {
                if own_id == id {
                    self.err(p, format!("la condition d'affichage de la question « {id} » fait référence à elle-même"));
                } else if order > own {
                    self.err(
                        p,
                        format!(
                            "la condition d'affichage fait référence à la question « {id} », posée plus loin dans le questionnaire : une question ne peut dépendre que des questions posées avant elle"
                        ),
                    );
                }
            }
            Scope::Group { group: own } => {
                if group >= own {
                    self.err(
                        p,
                        format!(
                            "la condition d'affichage de cette étape fait référence à la question « {id} », qui n'est pas dans une étape précédente du questionnaire"
                        ),
                    );
                }
            }
        }
        Some(question)
    }

    fn cond_option(&mut self, p: String, q: &Question, option: &str) {
        let ids = q.option_ids();
        if ids.contains(&option) {
            return;
        }
        let owners: Vec<&str> = self
            .option_owners
            .get(option)
            .map(|v| v.iter().copied().filter(|o| *o != q.id).collect())
            .unwrap_or_default();
        let valid = ids.join(", ");
        let msg = if owners.is_empty() {
            format!("l'option « {option} » n'existe pas dans la question « {} » (options possibles : {valid})", q.id)
        } else {
            format!(
                "l'option « {option} » appartient à la question « {} », pas à « {} » (options possibles : {valid})",
                owners.join(" », « "),
                q.id
            )
        };
        self.err(p, msg);
    }
}

/// Longest question label, in characters: a label is read at a glance;
/// what explains it goes in `help`.
pub const LABEL_MAX: usize = 100;

/// Where the search for prerequisite cycles stands with a module.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    /// Not reached yet.
    New,
    /// On the path being explored: reaching it again closes a cycle.
    OnPath,
    /// Explored, with everything it leads to.
    Done,
}

fn kind_name(k: QuestionKind) -> &'static str {
    match k {
        QuestionKind::Single => "choix unique",
        QuestionKind::Multiple => "choix multiple",
        QuestionKind::YesNo => "oui/non",
        QuestionKind::Scale => "échelle",
        QuestionKind::Number => "nombre",
    }
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// `YYYY.MM.N`.
fn is_version(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 3
        && digits(parts[0], 4)
        && digits(parts[1], 2)
        && matches!(parts[1].parse::<u32>(), Ok(1..=12))
        && !parts[2].is_empty()
        && parts[2].len() <= 4
        && parts[2].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert!(is_version("2026.11.0"));
        assert!(is_version("2026.01.12"));
        assert!(!is_version("2026.13.0"));
        assert!(!is_version("2026.1.0"));
        assert!(!is_version("v2026.11.0"));
    }
}
