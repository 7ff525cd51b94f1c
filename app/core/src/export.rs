//! Text exports of a pathway, shared by the CLI and the web app's
//! « Exporter » button, and the French words for a module's status that
//! the app shows too. Plain text only: content is never turned into HTML.

use crate::date::french;
use crate::model::{Availability, Catalogue, Nature, Standing, State, Status};
use crate::pathway::{NotActionable, Pathway, Reason};
use crate::priorities::{
    fold_heading, Why, NOTHING_URGENT_EMPTY_TEXT, NOTHING_URGENT_TEXT, NOTHING_URGENT_TITLE,
    PRIORITIES_HEADING, PRIORITIES_INTRO,
};

/// Heading of the propositions of the note that the answers point to.
pub const PROPOSITIONS_HEADING: &str = "Ce que la note demande pour votre situation";
/// What that part is, under its heading.
pub const PROPOSITIONS_INTRO: &str = "Ces dispositifs sont demandés par la note de position d'Intercommunalités de France mais n'existent pas encore : il n'y a rien à solliciter, ce sont des demandes à porter.";
/// Heading of the closed offers that the answers point to.
pub const CLOSED_HEADING: &str = "Dispositifs clos à surveiller";
pub const CLOSED_INTRO: &str = "Ces dispositifs répondraient à vos besoins mais ne sont pas ouverts aujourd'hui : surveillez une prochaine édition.";
/// Before the reasons of a module listed apart.
pub const WHY_APART: &str = "Pourquoi cela vous concerne";

/// « Appel ouvert du 15 janvier 2026 au 30 juin 2027 », « Clos (clôture
/// le 15 octobre 2021) », « Offre permanente », « Proposition de la note »:
/// the state on the day shown (`state`, see [`crate::Module::state_on`]).
pub fn availability_text(nature: Nature, status: Option<&Status>, state: Option<State>) -> String {
    let label = Availability::of(nature, state).label();
    match dates_text(nature, status, state) {
        Some(d) if state == Some(State::Clos) => format!("{label} ({d})"),
        Some(d) => format!("{label} {d}"),
        None => label.to_string(),
    }
}

/// The dates of a call: « du 15 janvier 2026 au 30 juin 2027 », « jusqu'au
/// 30 juin 2027 », « depuis le 15 janvier 2026 »; « clôture le 15 octobre
/// 2021 » once closed.
pub fn dates_text(nature: Nature, status: Option<&Status>, state: Option<State>) -> Option<String> {
    let s = status.filter(|_| nature == Nature::Offre)?;
    match (state?, s.opens.as_deref(), s.closes.as_deref()) {
        (State::Ouvert, Some(o), Some(c)) => Some(format!("du {} au {}", french(o), french(c))),
        (State::Ouvert, None, Some(c)) => Some(format!("jusqu'au {}", french(c))),
        (State::Ouvert, Some(o), None) => Some(format!("depuis le {}", french(o))),
        (State::Clos, _, Some(c)) => Some(format!("clôture le {}", french(c))),
        _ => None,
    }
}

/// « vérifié le 20 novembre 2026 », for an offer.
pub fn checked_text(status: Option<&Status>) -> Option<String> {
    status.map(|s| format!("vérifié le {}", french(&s.checked)))
}

/// The status line of the Markdown export: state, then when and where it
/// was checked.
fn md_status(nature: Nature, status: Option<&Status>, state: Option<State>) -> String {
    let mut line = format!(
        "- Statut : {}",
        md_line(&availability_text(nature, status, state))
    );
    if let (Some(checked), Some(s)) = (checked_text(status), status) {
        line.push_str(&format!(" — {checked} sur <{}>", md_url(&s.checked_at)));
    }
    line.push('\n');
    line
}

/// A readable French Markdown document.
pub fn markdown(cat: &Catalogue, pathway: &Pathway) -> String {
    let mut out = String::new();
    out.push_str("# Parcours Territoires d'industrie\n\n");
    out.push_str(&format!(
        "Catalogue version {} du {}.\n\n",
        pathway.catalogue_version, cat.published
    ));
    md_summary(&mut out, pathway);
    let mut n = 0;
    for step in &pathway.steps {
        out.push_str(&format!("## {}\n\n", md_line(&step.label)));
        if !step.description.trim().is_empty() {
            out.push_str(&format!("{}\n\n", md_line(&step.description)));
        }
        let shown = step.shown().len();
        for (k, m) in step.modules.iter().enumerate() {
            if k == shown {
                if let Some(label) = fold_heading(step.folded().len()) {
                    out.push_str(&format!("{}\n\n", md_line(&label)));
                }
            }
            n += 1;
            let module = cat.module(&m.id);
            let rank = pathway
                .priority_rank(&m.id)
                .map(|r| format!(" (priorité {r})"))
                .unwrap_or_default();
            out.push_str(&format!("### {n}. {}{rank}\n\n", md_line(&m.title)));
            out.push_str(&format!("- Opérateur : {}\n", md_line(&m.provider)));
            let state = m.status.as_ref().map(|s| s.state);
            out.push_str(&md_status(m.nature, m.status.as_ref(), state));
            if let Some(module) = module {
                out.push_str(&format!("- En bref : {}\n", md_line(&module.summary)));
                out.push_str(&format!(
                    "- Ce que cela apporte : {}\n",
                    md_line(&module.benefits)
                ));
                out.push_str(&format!("- Pour qui : {}\n", md_line(&module.audience)));
                if let Some(c) = &module.cost {
                    out.push_str(&format!("- Coût : {}\n", md_line(c)));
                }
                if let Some(d) = &module.duration {
                    out.push_str(&format!("- Durée : {}\n", md_line(d)));
                }
            }
            out.push_str(&format!("- Comment y accéder : {}\n", md_line(&m.access)));
            if let Some(u) = &m.url {
                out.push_str(&format!("- Lien officiel : <{}>\n", md_url(u)));
            }
            if !m.prerequisites.is_empty() {
                let titles: Vec<String> = m
                    .prerequisites
                    .iter()
                    .map(|p| title_of(pathway, p))
                    .collect();
                out.push_str(&format!("- À engager d'abord : {}\n", titles.join(" ; ")));
            }
            if !m.to_check.is_empty() {
                out.push_str(&format!(
                    "- {} : {}\n",
                    TO_CHECK,
                    to_check_titles(cat, &m.to_check)
                ));
            }
            out.push('\n');
            if !m.reasons.is_empty() {
                out.push_str("Recommandé parce que :\n\n");
                for r in &m.reasons {
                    out.push_str(&format!("- {}\n", md_reason(r)));
                }
                out.push('\n');
            } else if !m.required_by.is_empty() {
                let titles: Vec<String> =
                    m.required_by.iter().map(|p| title_of(pathway, p)).collect();
                out.push_str(&format!(
                    "Recommandé parce que ce module est un préalable à : {}.\n\n",
                    titles.join(" ; ")
                ));
            }
        }
    }
    if !pathway.excluded.is_empty() {
        out.push_str("## Modules écartés\n\n");
        for e in &pathway.excluded {
            out.push_str(&format!(
                "- {} : {}\n",
                md_line(&e.title),
                md_line(&e.reason)
            ));
        }
        out.push('\n');
    }
    for (standing, heading, intro) in APART {
        let items: Vec<&NotActionable> = pathway
            .not_actionable
            .iter()
            .filter(|m| m.standing == standing)
            .collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("## {heading}\n\n{intro}\n\n"));
        for m in items {
            out.push_str(&format!("### {}\n\n", md_line(&m.title)));
            out.push_str(&format!("- Opérateur : {}\n", md_line(&m.provider)));
            out.push_str(&md_status(m.nature, m.status.as_ref(), m.state));
            out.push_str(&format!("- Comment y accéder : {}\n", md_line(&m.access)));
            if let Some(u) = &m.url {
                out.push_str(&format!("- Lien officiel : <{}>\n", md_url(u)));
            }
            out.push_str(&format!("\n{WHY_APART} :\n\n"));
            for r in &m.reasons {
                out.push_str(&format!("- {}\n", md_reason(r)));
            }
            if !m.required_by.is_empty() {
                let titles: Vec<String> =
                    m.required_by.iter().map(|p| title_of(pathway, p)).collect();
                out.push_str(&format!("- Préalable à : {}\n", titles.join(" ; ")));
            }
            out.push('\n');
        }
    }
    out
}

/// Before the prerequisites of a theme the questionnaire did not explore.
pub const TO_CHECK: &str = "À vérifier d'abord (thème non exploré par vos réponses)";

/// « Inventaire des ZAE ; … »: titles of the modules `ids` from the catalogue.
pub fn to_check_titles(cat: &Catalogue, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            cat.module(id)
                .map_or_else(|| id.clone(), |m| md_line(&m.title))
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// The summary that opens the pathway, as the screen shows it: « Vos
/// priorités » with why, or that nothing is urgent; then the « Je ne sais
/// pas » that the diagnostics will answer.
fn md_summary(out: &mut String, pathway: &Pathway) {
    if pathway.nothing_urgent {
        let text = if pathway.is_empty() {
            NOTHING_URGENT_EMPTY_TEXT
        } else {
            NOTHING_URGENT_TEXT
        };
        out.push_str(&format!("## {NOTHING_URGENT_TITLE}\n\n{text}\n\n"));
    } else if !pathway.priorities.is_empty() {
        out.push_str(&format!(
            "## {PRIORITIES_HEADING}\n\n{PRIORITIES_INTRO}\n\n"
        ));
        for p in pathway.priority_list() {
            let why = match &p.why {
                Why::Reason(r) => md_reason(r),
                why => md_line(&why.text()),
            };
            out.push_str(&format!(
                "{}. {} ({}) : {why}\n",
                p.rank,
                md_line(&p.module.title),
                md_line(&p.module.provider)
            ));
        }
        out.push('\n');
    } else if pathway.is_empty() {
        out.push_str("Aucun module n'est recommandé pour les réponses données. Le catalogue complet reste consultable.\n\n");
    }
    if let Some(line) = pathway.unknowns_sentence() {
        out.push_str(&format!("{}\n\n", md_line(&line)));
    }
}

/// The two parts after the steps, in this order: standing, heading, intro.
pub const APART: [(Standing, &str, &str); 2] = [
    (
        Standing::Proposition,
        PROPOSITIONS_HEADING,
        PROPOSITIONS_INTRO,
    ),
    (Standing::Closed, CLOSED_HEADING, CLOSED_INTRO),
];

/// A reason, with the answers that triggered it.
fn md_reason(r: &Reason) -> String {
    let mut out = md_line(&r.text);
    if !r.triggers.is_empty() {
        let t: Vec<String> = r
            .triggers
            .iter()
            .map(|t| {
                format!(
                    "« {} » : {}",
                    md_line(&t.question_label),
                    md_line(&t.answer)
                )
            })
            .collect();
        out.push_str(&format!(" (vos réponses : {})", t.join(" ; ")));
    }
    out
}

/// A link inside `<…>`: one that would end the autolink early is cut off
/// there (the validator only lets `https://` links without spaces through).
fn md_url(u: &str) -> String {
    u.chars()
        .take_while(|c| !matches!(c, '<' | '>') && !c.is_whitespace())
        .collect()
}

fn title_of(pathway: &Pathway, id: &str) -> String {
    pathway
        .module(id)
        .map_or_else(|| id.to_string(), |m| md_line(&m.title))
}

/// One line of Markdown from catalogue text: newlines folded, characters
/// that would turn text into markup or HTML escaped.
fn md_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '#' | '<' | '>' | '[' | ']' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// CSV (RFC 4180, CRLF line ends): one module per row, the steps' then
/// the ones listed apart (their part's heading in the « étape » column).
/// « ordre » numbers the rows in pathway order, « priorité » gives the rank
/// among « Vos priorités », « affichage » says which modules of a step wait
/// behind « Voir les autres services ».
pub fn csv(cat: &Catalogue, pathway: &Pathway) -> String {
    let mut out = String::from(
        "ordre,priorité,affichage,étape,module,opérateur,nature,état,comment y accéder,lien officiel,score,raisons\r\n",
    );
    let mut order = 0;
    for step in &pathway.steps {
        let shown = step.shown().len();
        for (k, m) in step.modules.iter().enumerate() {
            order += 1;
            let state = m.status.as_ref().map(|s| s.state);
            let row = Row {
                title: &m.title,
                provider: &m.provider,
                nature: m.nature,
                status: m.status.as_ref(),
                state,
                access: &m.access,
                url: m.url.as_deref(),
                score: m.score,
            };
            let mut reasons = reason_texts(&m.reasons, &m.required_by);
            if !m.to_check.is_empty() {
                reasons.push_str(&format!(
                    "{}{TO_CHECK} : {}",
                    if reasons.is_empty() { "" } else { " / " },
                    to_check_titles(cat, &m.to_check)
                ));
            }
            let place = Place {
                order,
                priority: pathway.priority_rank(&m.id),
                display: if k < shown { "affiché" } else { "replié" },
                part: &step.label,
            };
            csv_row(&mut out, &place, &row, &reasons);
        }
    }
    for (standing, heading, _) in APART {
        for m in pathway
            .not_actionable
            .iter()
            .filter(|m| m.standing == standing)
        {
            order += 1;
            let row = Row {
                title: &m.title,
                provider: &m.provider,
                nature: m.nature,
                status: m.status.as_ref(),
                state: m.state,
                access: &m.access,
                url: m.url.as_deref(),
                score: m.score,
            };
            let place = Place {
                order,
                priority: None,
                display: "affiché",
                part: heading,
            };
            csv_row(
                &mut out,
                &place,
                &row,
                &reason_texts(&m.reasons, &m.required_by),
            );
        }
    }
    out
}

/// Where a CSV row sits in the pathway.
struct Place<'a> {
    order: usize,
    priority: Option<usize>,
    /// « affiché » or « replié ».
    display: &'a str,
    /// The step's label, or the heading of the part listed apart.
    part: &'a str,
}

/// What a CSV row says of a module, a step's or one listed apart.
struct Row<'a> {
    title: &'a str,
    provider: &'a str,
    nature: Nature,
    status: Option<&'a Status>,
    state: Option<State>,
    access: &'a str,
    url: Option<&'a str>,
    score: u32,
}

fn csv_row(out: &mut String, place: &Place, m: &Row, reasons: &str) {
    let mut state = availability_text(m.nature, m.status, m.state);
    if let Some(checked) = checked_text(m.status) {
        state.push_str(&format!(" ({checked})"));
    }
    let priority = place.priority.map(|p| p.to_string()).unwrap_or_default();
    let cells = [
        &place.order.to_string(),
        &priority,
        place.display,
        place.part,
        m.title,
        m.provider,
        m.nature.label(),
        &state,
        m.access,
        m.url.unwrap_or_default(),
        &m.score.to_string(),
        reasons,
    ];
    let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// The reasons, or, for a module wanted only first, what needs it.
fn reason_texts(reasons: &[Reason], required_by: &[String]) -> String {
    if reasons.is_empty() && !required_by.is_empty() {
        return format!("Préalable à : {}", required_by.join(", "));
    }
    reasons
        .iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn csv_cell(s: &str) -> String {
    csv_cell_with(s, ',')
}

/// A CSV cell for a file separated by `separator`, quoted when needed.
pub(crate) fn csv_cell_with(s: &str, separator: char) -> String {
    // A leading = + - @ (or a tab or carriage return before one) would run
    // as a formula in a spreadsheet.
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([separator, '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(csv_cell("simple"), "simple");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
    }
}
