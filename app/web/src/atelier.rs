//! The Atelier du catalogue's rules, without the DOM: what opening an
//! editor's file gives, excerpts of that file around a diagnostic, labels
//! of catalogue items. Its page is `pages/atelier/`.

use std::sync::Arc;

use parcours_core::{Catalogue, Diagnostic};

/// A file opened in the Atelier and what loading it gave.
#[derive(Debug, Clone)]
pub struct Opened {
    pub name: String,
    pub text: Arc<String>,
    pub result: Result<Arc<Catalogue>, Arc<Vec<Diagnostic>>>,
}

/// Opens an editor's file: the checks of `catalogue check`, those of the
/// day (`today`) included, each problem located in the file.
pub fn open(name: String, text: String, today: &str) -> Opened {
    let result = parcours_core::load_on(&text, today)
        .map(Arc::new)
        .map_err(Arc::new);
    Opened {
        name,
        text: Arc::new(text),
        result,
    }
}

/// Why a chosen file is not opened, before reading it.
pub fn check_size(name: &str, bytes: f64) -> Result<(), String> {
    if bytes > MAX_BYTES as f64 {
        return Err(format!(
            "Le fichier « {name} » est trop volumineux pour un catalogue (plus de {} Mo).",
            MAX_BYTES / 1_000_000
        ));
    }
    Ok(())
}

/// Largest catalogue file read, in bytes: the published one is ~0.2 MB.
const MAX_BYTES: usize = 5_000_000;

/// Characters shown either side of the column on a long line (a minified
/// file is one line).
const WINDOW: usize = 60;

/// The lines around `line` (1-based): the line before, the line itself and
/// the line after, each with its number. A long line is cut around
/// `column`, with « … » where text is left out.
pub fn excerpt(text: &str, line: usize, column: Option<usize>) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    if line == 0 || line > lines.len() {
        return Vec::new();
    }
    let first = line.saturating_sub(1).max(1);
    let last = (line + 1).min(lines.len());
    (first..=last)
        .map(|n| {
            let col = if n == line { column.unwrap_or(1) } else { 1 };
            (n, cut(lines[n - 1], col))
        })
        .collect()
}

fn cut(line: &str, column: usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= 2 * WINDOW {
        return line.to_string();
    }
    let at = column.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(WINDOW);
    let end = (at + WINDOW).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// « Titre (id) » for a module, the id alone when unknown.
pub fn module_label(cat: &Catalogue, id: &str) -> String {
    match cat.module(id) {
        Some(m) => format!("{} ({id})", m.title),
        None => id.to_string(),
    }
}

/// « Libellé (id) » for a question.
pub fn question_label(cat: &Catalogue, id: &str) -> String {
    match cat.question(id) {
        Some(q) => format!("{} ({id})", q.label),
        None => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_shows_neighbours() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}";
        assert_eq!(
            excerpt(text, 2, Some(3)),
            vec![
                (1, "{".to_string()),
                (2, "  \"a\": 1,".to_string()),
                (3, "  \"b\": 2".to_string())
            ]
        );
        assert_eq!(excerpt(text, 1, None).len(), 2);
        assert!(excerpt(text, 9, None).is_empty());
    }

    #[test]
    fn every_problem_of_an_opened_file_is_located() {
        let opened = open(
            "c.json".into(),
            "{\n  \"schema\": 2,\n  \"x\": [\n}".into(),
            "2026-12-02",
        );
        let diags = opened.result.unwrap_err();
        assert!(diags.iter().all(|d| d.line.is_some()), "{diags:?}");
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../content/catalogue.json"
        ))
        .unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["modules"][2]["provider"] = "operateur-inconnu".into();
        let text = serde_json::to_string_pretty(&value).unwrap();
        let diags = open("c.json".into(), text, "2026-12-02")
            .result
            .unwrap_err();
        assert!(!diags.is_empty());
        assert!(
            diags.iter().all(|d| d.line.is_some() && d.column.is_some()),
            "{diags:?}"
        );
    }

    #[test]
    fn files_larger_than_a_catalogue_are_not_read() {
        assert!(check_size("c.json", 200_000.0).is_ok());
        let error = check_size("c.json", 6e6).unwrap_err();
        assert!(error.contains("« c.json » est trop volumineux"), "{error}");
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let ex = excerpt(&line, 1, Some(501));
        assert_eq!(ex.len(), 1);
        let shown = &ex[0].1;
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert!(shown.contains('X'));
        assert!(shown.chars().count() <= 2 * WINDOW + 2);
    }
}
