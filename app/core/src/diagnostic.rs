//! A problem found in a catalogue, and where it is: what it is (its
//! [`DiagnosticKind`]), the French sentence an editor reads (every one of
//! the reader's made here, from its kind), the JSON pointer of the faulty
//! value and its line and column in the file. The leaf of the load
//! pipeline (`load.rs`): it depends on no other step of it.

use std::fmt;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::SCHEMA_VERSION;

/// What sort of problem a [`Diagnostic`] reports: for a program that
/// reacts to one (the web app tells an unsupported format apart), never
/// a French message to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// The text is not JSON.
    Syntax,
    /// JSON, but not an object at the top.
    NotAnObject,
    /// `schema` names a format this build does not read.
    UnsupportedSchema,
    /// A value of the wrong JSON type.
    Type,
    /// An integer outside the range of its field.
    Range,
    /// A field its object does not have.
    UnknownField,
    /// A field written twice in one object.
    RepeatedField,
    /// A required field left out.
    MissingField,
    /// A name outside its list (nature, state, question kind, condition).
    UnknownValue,
    /// A condition without exactly one key.
    ConditionShape,
    /// Read, but against the rules of the catalogue (the validator's).
    Invalid,
}

/// One problem found in a catalogue, written for the person editing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// JSON pointer to the faulty value, e.g. `/modules/12/prerequisites/0`;
    /// empty for the whole document.
    pub pointer: String,
    pub kind: DiagnosticKind,
    /// A French sentence an editor understands.
    pub message: String,
    /// 1-based position in the file, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// What a value of the wrong type was, for [`Diagnostic::wrong_type`].
pub enum Found<'a> {
    Null,
    Bool(bool),
    /// As written in the file.
    Number(&'a dyn fmt::Display),
    Text(&'a str),
    List,
    Object,
}

impl Diagnostic {
    fn new(kind: DiagnosticKind, message: String) -> Self {
        Diagnostic {
            pointer: String::new(),
            kind,
            message,
            line: None,
            column: None,
        }
    }

    /// A problem the validator found at `pointer`, in its own words.
    pub fn invalid(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            pointer: pointer.into(),
            ..Diagnostic::new(DiagnosticKind::Invalid, message.into())
        }
    }

    /// Not JSON: serde_json's error in French, at its place in `text`.
    pub fn syntax(text: &str, e: &serde_json::Error) -> Self {
        let message = format!("JSON invalide : {}", translate_serde(e));
        Diagnostic::new(DiagnosticKind::Syntax, message)
            .at(e.line(), char_column(text, e.line(), e.column()))
    }

    pub fn not_an_object() -> Self {
        let message = "le catalogue doit être un objet JSON, entre accolades { … }";
        Diagnostic::new(DiagnosticKind::NotAnObject, message.into()).at(1, 1)
    }

    /// A `schema` other than [`SCHEMA_VERSION`], as written (`found`).
    pub fn unsupported_schema(found: impl fmt::Display) -> Self {
        Diagnostic {
            pointer: "/schema".into(),
            ..Diagnostic::new(
                DiagnosticKind::UnsupportedSchema,
                format!("format de catalogue {found} non pris en charge par cette version de l'application (format attendu : {SCHEMA_VERSION})"),
            )
        }
    }

    /// « type incorrect : le texte « 3 » trouvé, un entier positif attendu ».
    pub fn wrong_type(found: Found, expected: &str) -> Self {
        let found = match found {
            Found::Null => "null".to_string(),
            Found::Bool(b) => format!("le booléen {b}"),
            Found::Number(n) => format!("le nombre {n}"),
            Found::Text(s) => format!("le texte « {s} »"),
            Found::List => "une liste".to_string(),
            Found::Object => "un objet".to_string(),
        };
        let message = format!("type incorrect : {found} trouvé, {expected} attendu");
        Diagnostic::new(DiagnosticKind::Type, message)
    }

    pub fn out_of_range(found: impl fmt::Display, expected: &str) -> Self {
        let message = format!("valeur incorrecte : le nombre {found} trouvé, {expected} attendu");
        Diagnostic::new(DiagnosticKind::Range, message)
    }

    /// `key` is none of `known` (the fields its object may have).
    pub fn unknown_field(key: &str, known: &[&str]) -> Self {
        let message = if known.is_empty() {
            format!("champ inconnu « {key} » (aucun champ n'est attendu ici)")
        } else {
            format!(
                "champ inconnu « {key} » (champs possibles : {})",
                known.join(", ")
            )
        };
        Diagnostic::new(DiagnosticKind::UnknownField, message)
    }

    pub fn repeated_field(key: &str) -> Self {
        let message = format!("champ « {key} » présent deux fois");
        Diagnostic::new(DiagnosticKind::RepeatedField, message)
    }

    pub fn missing_field(key: &str) -> Self {
        let message = format!("champ obligatoire « {key} » manquant");
        Diagnostic::new(DiagnosticKind::MissingField, message)
    }

    pub fn unknown_value(value: &str, possible: &[&str]) -> Self {
        let message = format!(
            "valeur inconnue « {value} » (valeurs possibles : {})",
            possible.join(", ")
        );
        Diagnostic::new(DiagnosticKind::UnknownValue, message)
    }

    /// A condition with no key or several; `possible` are the known ones.
    pub fn condition_shape(possible: &[&str]) -> Self {
        let message = format!(
            "une condition s'écrit avec une seule clé parmi : {}",
            possible.join(", ")
        );
        Diagnostic::new(DiagnosticKind::ConditionShape, message)
    }

    fn at(mut self, line: usize, column: usize) -> Self {
        if line > 0 {
            self.line = Some(line);
            self.column = Some(column.max(1));
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{} : {}", self.pointer, self.message)
        }
    }
}

/// serde_json counts columns in bytes; editors count characters.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.saturating_sub(1).min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    l[..end].chars().count() + 1
}

/// `d` with the line and column of its pointer in `text`.
pub(crate) fn locate_diagnostic(text: &str, d: Diagnostic) -> Diagnostic {
    PositionIndex::new(text).locate(text, d)
}

/// serde_json speaks English; editors read French. Known shapes are
/// translated, anything else is kept as is rather than lost.
fn translate_serde(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = full.strip_suffix(&suffix).unwrap_or(&full);
    translate_message(msg)
}

fn translate_message(msg: &str) -> String {
    match SERDE_FR.iter().find(|(en, _)| *en == msg) {
        Some((_, fr)) => (*fr).to_string(),
        None => msg.to_string(),
    }
}

/// serde_json's messages (without their position) and their French.
const SERDE_FR: &[(&str, &str)] = &[
    (
        "EOF while parsing an object",
        "fin de fichier au milieu d'un objet (accolade fermante « } » manquante ?)",
    ),
    (
        "EOF while parsing a list",
        "fin de fichier au milieu d'une liste (crochet fermant « ] » manquant ?)",
    ),
    (
        "EOF while parsing a string",
        "fin de fichier au milieu d'un texte (guillemet fermant manquant ?)",
    ),
    (
        "EOF while parsing a value",
        "fin de fichier : une valeur est attendue",
    ),
    (
        "expected `,` or `}`",
        "virgule « , » ou accolade « } » attendue",
    ),
    (
        "expected `,` or `]`",
        "virgule « , » ou crochet « ] » attendu",
    ),
    (
        "expected `:`",
        "deux-points « : » attendu après le nom du champ",
    ),
    ("expected value", "valeur attendue"),
    ("expected ident", "mot-clé attendu (true, false ou null)"),
    ("trailing comma", "virgule en trop avant la fermeture"),
    (
        "trailing characters",
        "caractères en trop après la fin du document",
    ),
    (
        "key must be a string",
        "le nom d'un champ doit être un texte entre guillemets",
    ),
    (
        "invalid escape",
        "séquence d'échappement invalide dans un texte",
    ),
    ("invalid number", "nombre invalide"),
    ("number out of range", "nombre hors limites"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "caractère de contrôle (retour à la ligne, tabulation…) dans un texte : utilisez \\n",
    ),
    ("recursion limit exceeded", "imbrication trop profonde"),
    (
        "lone leading surrogate in hex escape",
        "séquence \\u incomplète dans un texte (un caractère codé en deux parties n'en a qu'une)",
    ),
    (
        "unexpected end of hex escape",
        "séquence \\u incomplète dans un texte (quatre chiffres hexadécimaux attendus)",
    ),
];

/// Maps byte offsets to line/column (1-based, columns counted in characters).
struct PositionIndex {
    line_starts: Vec<usize>,
}

impl PositionIndex {
    fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        PositionIndex { line_starts }
    }

    fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line + 1, col)
    }

    fn locate(&self, text: &str, d: Diagnostic) -> Diagnostic {
        match locate_pointer(text, &d.pointer) {
            Some(off) => {
                let (l, c) = self.line_col(text, off);
                d.at(l, c)
            }
            None => d,
        }
    }
}

/// Locates many diagnostics at once, as [`PositionIndex::locate`] would one
/// by one, but in linear time: each container on the way is read once (not
/// once per diagnostic), and columns are counted in one sweep of the text.
/// Locating one by one was quadratic: 4 000 errors in a 1.8 MB file took
/// 24 s.
pub(crate) fn locate_all(text: &str, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut pointers = PointerCache::new(text);
    let offsets: Vec<Option<usize>> = diags.iter().map(|d| pointers.locate(&d.pointer)).collect();
    let index = PositionIndex::new(text);
    let mut order: Vec<usize> = (0..diags.len()).filter(|&k| offsets[k].is_some()).collect();
    order.sort_by_key(|&k| offsets[k]);
    let mut at: Vec<Option<(usize, usize)>> = vec![None; diags.len()];
    // (line, offset, column at that offset) of the last offset counted.
    let mut cursor: Option<(usize, usize, usize)> = None;
    for k in order {
        let Some(offset) = offsets[k] else { continue };
        let line = match index.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (from, column) = match cursor {
            Some((l, o, c)) if l == line => (o, c),
            _ => (index.line_starts[line], 1),
        };
        let column = match text.get(from..offset) {
            Some(s) => {
                let c = column + s.chars().count();
                cursor = Some((line, offset, c));
                c
            }
            None => 1,
        };
        at[k] = Some((line + 1, column));
    }
    diags
        .into_iter()
        .zip(at)
        .map(|(d, at)| match at {
            Some((l, c)) => d.at(l, c),
            None => d,
        })
        .collect()
}

/// [`locate_pointer`] for many pointers into the same text: the children of
/// each object or array met on the way are listed once and kept.
struct PointerCache<'a> {
    text: &'a str,
    /// By offset of the `{`: keys and value offsets (`None`: unreadable).
    objects: FxHashMap<usize, Option<Vec<(String, usize)>>>,
    /// By offset of the `[`: element offsets (`None`: unreadable).
    arrays: FxHashMap<usize, Option<Vec<usize>>>,
}

impl<'a> PointerCache<'a> {
    fn new(text: &'a str) -> Self {
        PointerCache {
            text,
            objects: FxHashMap::default(),
            arrays: FxHashMap::default(),
        }
    }

    fn locate(&mut self, pointer: &str) -> Option<usize> {
        let text = self.text;
        let b = text.as_bytes();
        let mut s = Scanner { b, i: 0 };
        s.ws();
        let mut found = s.i;
        for tok in pointer_tokens(pointer) {
            let next = match b.get(found)? {
                b'{' => match self
                    .objects
                    .entry(found)
                    .or_insert_with(|| object_children(b, found))
                {
                    Some(kids) => kids.iter().find(|(k, _)| *k == tok).map(|&(_, o)| o),
                    // Not valid JSON after all: the scan that stops early.
                    None => return locate_pointer(text, pointer),
                },
                b'[' => {
                    let Ok(want) = tok.parse::<usize>() else {
                        return Some(found);
                    };
                    match self
                        .arrays
                        .entry(found)
                        .or_insert_with(|| array_children(b, found))
                    {
                        Some(kids) => kids.get(want).copied(),
                        None => return locate_pointer(text, pointer),
                    }
                }
                _ => return Some(found),
            };
            match next {
                Some(o) => found = o,
                None => return Some(found),
            }
        }
        Some(found)
    }
}

/// Keys and value offsets of the object whose `{` is at `at`, read as
/// [`locate_pointer`] reads it.
fn object_children(b: &[u8], at: usize) -> Option<Vec<(String, usize)>> {
    let mut s = Scanner { b, i: at + 1 };
    let mut out = Vec::new();
    loop {
        s.ws();
        if s.peek()? == b'}' {
            return Some(out);
        }
        let key = s.string()?;
        s.ws();
        s.expect(b':')?;
        s.ws();
        out.push((key, s.i));
        s.skip_value()?;
        s.ws();
        if s.peek()? == b',' {
            s.i += 1;
        }
    }
}

/// Offsets of the elements of the array whose `[` is at `at`.
fn array_children(b: &[u8], at: usize) -> Option<Vec<usize>> {
    let mut s = Scanner { b, i: at + 1 };
    let mut out = Vec::new();
    loop {
        s.ws();
        if s.peek()? == b']' {
            return Some(out);
        }
        out.push(s.i);
        s.skip_value()?;
        s.ws();
        if s.peek()? == b',' {
            s.i += 1;
        }
    }
}

/// A key as a JSON pointer token (RFC 6901): `~` → `~0`, `/` → `~1`;
/// [`pointer_tokens`] reads it back.
pub(crate) fn escape_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn pointer_tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        Vec::new()
    } else {
        pointer
            .split('/')
            .skip(1)
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect()
    }
}

/// Byte offset of the value a JSON pointer designates in `text`; when the
/// pointer goes deeper than the document (a missing field), the offset of
/// the deepest value that exists. `None` only for invalid JSON.
pub fn locate_pointer(text: &str, pointer: &str) -> Option<usize> {
    let tokens = pointer_tokens(pointer);
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    s.ws();
    let mut found = s.i;
    for tok in &tokens {
        match s.peek()? {
            b'{' => {
                s.i += 1;
                let mut hit = false;
                loop {
                    s.ws();
                    if s.peek()? == b'}' {
                        break;
                    }
                    let key = s.string()?;
                    s.ws();
                    s.expect(b':')?;
                    s.ws();
                    if key == *tok {
                        hit = true;
                        break;
                    }
                    s.skip_value()?;
                    s.ws();
                    if s.peek()? == b',' {
                        s.i += 1;
                    }
                }
                if !hit {
                    return Some(found);
                }
            }
            b'[' => {
                let Ok(want) = tok.parse::<usize>() else {
                    return Some(found);
                };
                s.i += 1;
                let mut n = 0;
                let mut hit = false;
                loop {
                    s.ws();
                    if s.peek()? == b']' {
                        break;
                    }
                    if n == want {
                        hit = true;
                        break;
                    }
                    s.skip_value()?;
                    s.ws();
                    if s.peek()? == b',' {
                        s.i += 1;
                    }
                    n += 1;
                }
                if !hit {
                    return Some(found);
                }
            }
            _ => return Some(found),
        }
        found = s.i;
    }
    Some(found)
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.i += 1)
    }

    /// Reads a string; escapes are decoded well enough to compare keys.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let start = self.i;
        let mut escaped = false;
        loop {
            match self.peek()? {
                b'\\' => {
                    escaped = true;
                    self.i += 2;
                }
                b'"' => break,
                _ => self.i += 1,
            }
        }
        let raw = std::str::from_utf8(self.b.get(start..self.i)?).ok()?;
        self.i += 1;
        if escaped {
            serde_json::from_str(&format!("\"{raw}\"")).ok()
        } else {
            Some(raw.to_string())
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        // Iterative with a depth counter: no recursion on hostile input.
        let mut depth = 0usize;
        loop {
            self.ws();
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.i += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.i += 1;
                }
                b',' | b':' => {
                    self.i += 1;
                    continue;
                }
                _ => {
                    while !matches!(
                        self.peek(),
                        None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                    ) {
                        self.i += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_locates_values() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": true\n}";
        assert_eq!(locate_pointer(text, ""), Some(0));
        let off = locate_pointer(text, "/a/1/b").unwrap();
        assert_eq!(&text[off..off + 3], "\"x\"");
        let off = locate_pointer(text, "/c").unwrap();
        assert_eq!(&text[off..off + 4], "true");
        // Missing: falls back to the deepest existing value.
        let off = locate_pointer(text, "/a/1/zz").unwrap();
        assert_eq!(&text[off..off + 1], "{");
        let idx = PositionIndex::new(text);
        assert_eq!(
            idx.line_col(text, locate_pointer(text, "/c").unwrap()),
            (3, 8)
        );
    }

    /// Each entry of the table is met by a real serde_json error, so that a
    /// rewording upstream shows here, not as English in front of an editor.
    #[test]
    fn real_serde_json_errors_are_translated() {
        let deep = "[".repeat(200);
        let cases: &[&str] = &[
            r#"{"a": 1"#,
            "[1",
            r#""abc"#,
            r#"{"a":"#,
            r#"{"a": 1 "b": 2}"#,
            "[1 2]",
            r#"{"a" 1}"#,
            "[,]",
            "[tru]",
            "[1,]",
            "{} x",
            "{1: 2}",
            r#""\q""#,
            "[-]",
            "1e400",
            "\"a\nb\"",
            &deep,
            r#""\uDC00""#,
            r#""\uD800""#,
            r#""\u12""#,
        ];
        let mut met = Vec::new();
        for text in cases {
            let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
            let d = Diagnostic::syntax(text, &e);
            let full = e.to_string();
            let english = full
                .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
                .unwrap_or(&full);
            let entry = SERDE_FR.iter().position(|(en, _)| *en == english);
            assert!(entry.is_some(), "{text}: « {english} » is not translated");
            assert_eq!(d.kind, DiagnosticKind::Syntax);
            assert_eq!(
                d.message,
                format!("JSON invalide : {}", SERDE_FR[entry.unwrap_or(0)].1)
            );
            met.extend(entry);
        }
        for (i, (en, _)) in SERDE_FR.iter().enumerate() {
            assert!(met.contains(&i), "no case produces « {en} »");
        }
        // Unknown ones are kept rather than lost.
        assert_eq!(translate_message("something new"), "something new");
    }
}
