//! Text exports of a pathway, shared by the CLI and the web app's
//! « Exporter » button. Plain text only: content is never turned into HTML.

use crate::model::Catalogue;
use crate::recommend::Pathway;

/// A readable French Markdown document.
pub fn markdown(cat: &Catalogue, pathway: &Pathway) -> String {
    let mut out = String::new();
    out.push_str("# Parcours Territoires d'industrie\n\n");
    out.push_str(&format!(
        "Catalogue version {} du {}.\n\n",
        pathway.catalogue_version, cat.published
    ));
    if pathway.is_empty() {
        out.push_str("Aucun module n'est recommandé pour les réponses données. Le catalogue complet reste consultable.\n");
    }
    let mut n = 0;
    for step in &pathway.steps {
        out.push_str(&format!("## {}\n\n", md_line(&step.label)));
        if !step.description.trim().is_empty() {
            out.push_str(&format!("{}\n\n", md_line(&step.description)));
        }
        for m in &step.modules {
            n += 1;
            let module = cat.module(&m.id);
            out.push_str(&format!("### {n}. {}\n\n", md_line(&m.title)));
            out.push_str(&format!("- Opérateur : {}\n", md_line(&m.provider)));
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
                out.push_str(&format!(
                    "- Comment y accéder : {}\n",
                    md_line(&module.access)
                ));
                if let Some(u) = &module.url {
                    out.push_str(&format!("- Lien : <{u}>\n"));
                }
            }
            if !m.prerequisites.is_empty() {
                let titles: Vec<String> = m
                    .prerequisites
                    .iter()
                    .map(|p| title_of(pathway, p))
                    .collect();
                out.push_str(&format!("- À engager d'abord : {}\n", titles.join(" ; ")));
            }
            out.push('\n');
            if !m.reasons.is_empty() {
                out.push_str("Recommandé parce que :\n\n");
                for r in &m.reasons {
                    out.push_str(&format!("- {}", md_line(&r.text)));
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
                    out.push('\n');
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
    out
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

/// CSV (RFC 4180, CRLF line ends): one module per row, columns étape,
/// module, opérateur, score, raisons.
// `_cat` keeps the signature parallel to `markdown` (columns may grow).
pub fn csv(_cat: &Catalogue, pathway: &Pathway) -> String {
    let mut out = String::from("étape,module,opérateur,score,raisons\r\n");
    for step in &pathway.steps {
        for m in &step.modules {
            let reasons = if m.reasons.is_empty() && !m.required_by.is_empty() {
                format!("Préalable à : {}", m.required_by.join(", "))
            } else {
                m.reasons
                    .iter()
                    .map(|r| r.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" / ")
            };
            let row = [
                step.label.as_str(),
                m.title.as_str(),
                m.provider.as_str(),
                &m.score.to_string(),
                &reasons,
            ];
            let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

fn csv_cell(s: &str) -> String {
    // A leading = + - @ would run as a formula in a spreadsheet.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\r', '\n']) {
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
