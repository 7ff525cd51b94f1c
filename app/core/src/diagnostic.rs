//! Loading a catalogue: parse, check the format version, deserialise, validate,
//! and report every problem located in the file (JSON pointer, line, column).

use std::fmt;

use serde::Serialize;

use crate::fast::FastMap;
use crate::model::{Catalogue, SCHEMA_VERSION};
use crate::validate::validate;

/// One problem found in a catalogue, written for the person editing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// JSON pointer to the faulty value, e.g. `/modules/12/prerequisites/0`;
    /// empty for the whole document.
    pub pointer: String,
    /// A French sentence an editor understands.
    pub message: String,
    /// 1-based position in the file, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Diagnostic {
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            pointer: pointer.into(),
            message: message.into(),
            line: None,
            column: None,
        }
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

/// The message for a catalogue written in a format this build does not read.
pub fn unsupported_schema_message(found: impl fmt::Display) -> String {
    format!(
        "format de catalogue {found} non pris en charge par cette version de l'application (format attendu : {SCHEMA_VERSION})"
    )
}

/// Parses and validates a catalogue. On failure, every problem found, in
/// file order when positions are known.
pub fn load(text: &str) -> Result<Catalogue, Vec<Diagnostic>> {
    // Some Windows editors save a byte-order mark; JSON does not allow it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // 1. Syntax, and the format version before anything else: a future
    //    format would otherwise produce a cascade of meaningless errors.
    //    One pass that keeps nothing but `schema` (a `serde_json::Value`
    //    here cost a second parser and printer in the wasm).
    let head: Head = match serde_json::from_str(text) {
        Ok(h) => h,
        // `Head` reads an object only: anything else is a type error.
        Err(e) if e.is_data() => {
            let msg = "le catalogue doit être un objet JSON, entre accolades { … }";
            return Err(vec![Diagnostic::new("", msg).at(1, 1)]);
        }
        Err(e) => {
            let msg = format!("JSON invalide : {}", translate_serde(&e));
            return Err(vec![
                Diagnostic::new("", msg).at(e.line(), char_column(text, e.line(), e.column()))
            ]);
        }
    };
    // Any other type for `schema` is left to the typed pass below, which
    // names the expected type.
    if let Some(found) = head.schema.and_then(|s| s.0) {
        if found != Number::U(u64::from(SCHEMA_VERSION)) {
            let d = Diagnostic::new("/schema", unsupported_schema_message(found));
            return Err(vec![locate_diagnostic(text, d)]);
        }
    }
    // 2. Types. From the text (not the Value) so that serde_json knows the
    //    line and column; where in the tree is then read back from that
    //    position (serde_path_to_error did it at the cost of a second copy
    //    of every Deserialize impl in the wasm: 78 KB).
    let cat: Catalogue = match serde_json::from_str(text) {
        Ok(c) => c,
        Err(e) => {
            let message = translate_serde(&e);
            let english = e.to_string();
            let offset = byte_offset(text, e.line(), e.column());
            // serde_json reports a wrong type or value on the character
            // just before it, anything else where it stopped reading.
            let before = english.starts_with("invalid ");
            let mut pointer = pointer_at(text, offset, before);
            // An enum written as an object with more than one key: serde_json
            // stops on the last character of the first key's value.
            if english.starts_with("expected value") && ends_at(text, &pointer, offset) {
                if let Some((parent, _)) = pointer.rsplit_once('/') {
                    pointer.truncate(parent.len());
                }
            }
            // The position of an unknown field is its key, inside the
            // object: name the field as the editor wrote it.
            if let Some((field, _)) = english
                .strip_prefix("unknown field `")
                .and_then(|r| r.split_once('`'))
            {
                pointer.push('/');
                pointer.push_str(&escape_token(field));
            }
            let d = Diagnostic::new(pointer, message)
                .at(e.line(), char_column(text, e.line(), e.column()));
            return Err(vec![d]);
        }
    };
    // 3. Meaning.
    let diags = validate(&cat);
    if diags.is_empty() {
        Ok(cat)
    } else {
        let mut located = locate_all(text, diags);
        // File order is how an editor walks through them (stable: ties keep
        // the validator's order).
        located.sort_by_key(|d| (d.line.unwrap_or(usize::MAX), d.column.unwrap_or(0)));
        Err(located)
    }
}

/// The top of a catalogue, read before its types: only `schema` is kept,
/// every other value is skipped (its syntax still checked). Unlike a derived
/// struct it refuses a list, which serde would read field by field.
struct Head {
    schema: Option<SchemaNumber>,
}

impl<'de> serde::Deserialize<'de> for Head {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Head;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Head, A::Error> {
                let mut schema = None;
                while let Some(key) = a.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key == "schema" {
                        schema = Some(a.next_value::<SchemaNumber>()?);
                    } else {
                        a.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(Head { schema })
            }
        }
        d.deserialize_map(Visitor)
    }
}

/// `schema` when it is a number; `None` for any other type.
struct SchemaNumber(Option<Number>);

/// A JSON number as serde_json reads it. Printed only for the message: the
/// visitor stays small (it is instantiated with serde_json's number parser).
#[derive(PartialEq)]
enum Number {
    U(u64),
    I(i64),
    F(f64),
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::U(n) => write!(f, "{n}"),
            Number::I(n) => write!(f, "{n}"),
            // serde_json's own float printer (zmij), already in the wasm for
            // its messages: core's would add ~8 KB. It writes « 1.0 » as
            // written, where « 1 » would read as the expected format.
            Number::F(n) => f.write_str(zmij::Buffer::new().format(*n)),
        }
    }
}

impl<'de> serde::Deserialize<'de> for SchemaNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = SchemaNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_u64<E>(self, n: u64) -> Result<SchemaNumber, E> {
                Ok(SchemaNumber(Some(Number::U(n))))
            }
            fn visit_i64<E>(self, n: i64) -> Result<SchemaNumber, E> {
                Ok(SchemaNumber(Some(Number::I(n))))
            }
            fn visit_f64<E>(self, n: f64) -> Result<SchemaNumber, E> {
                Ok(SchemaNumber(Some(Number::F(n))))
            }
            fn visit_bool<E>(self, _: bool) -> Result<SchemaNumber, E> {
                Ok(SchemaNumber(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<SchemaNumber, E> {
                Ok(SchemaNumber(None))
            }
            fn visit_unit<E>(self) -> Result<SchemaNumber, E> {
                Ok(SchemaNumber(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<SchemaNumber, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(SchemaNumber(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<SchemaNumber, A::Error> {
                while a
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(SchemaNumber(None))
            }
        }
        d.deserialize_any(Visitor)
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

fn locate_diagnostic(text: &str, d: Diagnostic) -> Diagnostic {
    PositionIndex::new(text).locate(text, d)
}

/// Byte offset of serde_json's (line, column), both 1-based, columns in
/// bytes; clamped to the text.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// JSON pointer of the deepest value of `text` whose span holds `offset`
/// (or, with `before`, starts just after it): where serde_json stopped on a
/// type error (a missing field: the object, as serde_json stops on its `}`).
fn pointer_at(text: &str, offset: usize, before: bool) -> String {
    let b = text.as_bytes();
    let mut s = Scanner { b, i: 0 };
    s.ws();
    let mut at = s.i;
    let mut pointer = String::new();
    // Each level scans its children once; depth is bounded by the text.
    loop {
        let child = match b.get(at) {
            Some(b'{') => object_children(b, at).and_then(|kids| {
                kids.into_iter()
                    .find(|&(_, start)| holds(b, start, offset, before))
                    .map(|(key, start)| (escape_token(&key), start))
            }),
            Some(b'[') => array_children(b, at).and_then(|kids| {
                kids.into_iter()
                    .enumerate()
                    .find(|&(_, start)| holds(b, start, offset, before))
                    .map(|(n, start)| (n.to_string(), start))
            }),
            _ => None,
        };
        match child {
            Some((token, start)) if start != at => {
                pointer.push('/');
                pointer.push_str(&token);
                at = start;
            }
            _ => return pointer,
        }
    }
}

/// Whether the value at `pointer` ends on the character at `offset`, and
/// started before it (a one-character value, or `{}`, is itself the error).
fn ends_at(text: &str, pointer: &str, offset: usize) -> bool {
    let Some(start) = locate_pointer(text, pointer) else {
        return false;
    };
    let mut s = Scanner {
        b: text.as_bytes(),
        i: start,
    };
    let empty_object = text
        .get(start..=offset)
        .is_some_and(|v| v.starts_with('{') && v[1..].trim_start().starts_with('}'));
    s.skip_value().is_some() && s.i == offset + 1 && start < offset && !empty_object
}

/// Whether the value starting at `start` spans `offset`; with `before`,
/// also when it starts just after `offset` (never inside the previous
/// sibling then: a separator lies between).
fn holds(b: &[u8], start: usize, offset: usize, before: bool) -> bool {
    if start > offset + usize::from(before) {
        return false;
    }
    let mut s = Scanner { b, i: start };
    s.skip_value().is_some() && offset < s.i
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
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let (field, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = tail
            .strip_prefix(", expected one of ")
            .or_else(|| tail.strip_prefix(", expected "))
            .map(|l| l.replace('`', ""));
        return match expected {
            Some(l) => format!("champ inconnu « {field} » (champs possibles : {l})"),
            None => format!("champ inconnu « {field} » (aucun champ n'est attendu ici)"),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let (v, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let expected = tail
            .strip_prefix(", expected one of ")
            .or_else(|| tail.strip_prefix(", expected "))
            .map(|l| l.replace('`', ""))
            .unwrap_or_default();
        return format!("valeur inconnue « {v} » (valeurs possibles : {expected})");
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return format!("champ obligatoire « {field} » manquant");
    }
    if let Some(rest) = msg.strip_prefix("duplicate field `") {
        let field = rest.trim_end_matches('`');
        return format!("champ « {field} » présent deux fois");
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "type incorrect : {} trouvé, {} attendu",
                french_found(found),
                french_expected(expected)
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "valeur incorrecte : {} trouvé, {} attendu",
                french_found(found),
                french_expected(expected)
            );
        }
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        return format!("longueur incorrecte : {rest}");
    }
    let table: &[(&str, &str)] = &[
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
    ];
    for (en, fr) in table {
        if msg == *en {
            return (*fr).to_string();
        }
    }
    msg.to_string()
}

fn french_found(s: &str) -> String {
    if let Some(v) = s.strip_prefix("string ") {
        return format!("le texte {v}");
    }
    if let Some(v) = s.strip_prefix("integer ") {
        return format!("le nombre {}", v.trim_matches('`'));
    }
    if let Some(v) = s.strip_prefix("floating point ") {
        return format!("le nombre {}", v.trim_matches('`'));
    }
    if let Some(v) = s.strip_prefix("boolean ") {
        return format!("le booléen {}", v.trim_matches('`'));
    }
    match s {
        "map" => "un objet".into(),
        "sequence" => "une liste".into(),
        "null" => "null".into(),
        "unit value" => "null".into(),
        other => other.to_string(),
    }
}

fn french_expected(s: &str) -> String {
    match s {
        "a string" => "un texte".into(),
        "a sequence" => "une liste".into(),
        "a boolean" => "un booléen (true ou false)".into(),
        "u32" | "u64" | "u8" | "usize" => "un entier positif".into(),
        "i32" | "i64" => "un entier".into(),
        "a map" => "un objet".into(),
        other if other.starts_with("struct ") => "un objet".into(),
        other if other.starts_with("enum ") || other.starts_with("unit variant") => {
            "une condition ou une valeur connue".into()
        }
        other if other.starts_with("a sequence") => "une liste".into(),
        other => other.to_string(),
    }
}

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
fn locate_all(text: &str, diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
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
    objects: FastMap<usize, Option<Vec<(String, usize)>>>,
    /// By offset of the `[`: element offsets (`None`: unreadable).
    arrays: FastMap<usize, Option<Vec<usize>>>,
}

impl<'a> PointerCache<'a> {
    fn new(text: &'a str) -> Self {
        PointerCache {
            text,
            objects: FastMap::default(),
            arrays: FastMap::default(),
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
fn escape_token(key: &str) -> String {
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

    #[test]
    fn serde_messages_are_french() {
        assert_eq!(
            translate_message("missing field `title`"),
            "champ obligatoire « title » manquant"
        );
        assert!(
            translate_message("unknown field `titel`, expected one of `id`, `title`")
                .starts_with("champ inconnu « titel »")
        );
        assert!(
            translate_message("invalid type: string \"3\", expected u32")
                .contains("le texte \"3\" trouvé, un entier positif attendu")
        );
    }
}
