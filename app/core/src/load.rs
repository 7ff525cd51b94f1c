//! Loading a catalogue: parse, check the format version, read the types,
//! validate, and report every problem located in the file (JSON pointer,
//! line, column). The problems themselves are `diagnostic.rs`'s.

use crate::diagnostic::{locate_all, locate_diagnostic, Diagnostic};
use crate::model::{Catalogue, SCHEMA_VERSION};
use crate::read::{FromJson, Json, Number};
use crate::validate::{validate, validate_on};

/// Parses and validates a catalogue. On failure, every problem found, in
/// file order when positions are known.
pub fn load(text: &str) -> Result<Catalogue, Vec<Diagnostic>> {
    load_with(text, validate)
}

/// [`load`], with the checks that need the day (`today`, `YYYY-MM-DD`):
/// for editors' tools, see [`validate_on`].
pub fn load_on(text: &str, today: &str) -> Result<Catalogue, Vec<Diagnostic>> {
    load_with(text, |cat| validate_on(cat, today))
}

fn load_with(
    text: &str,
    validate: impl Fn(&Catalogue) -> Vec<Diagnostic>,
) -> Result<Catalogue, Vec<Diagnostic>> {
    // Some Windows editors save a byte-order mark; JSON does not allow it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let cat = read_types(text).map_err(|d| vec![d])?;
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

/// Parses a catalogue and checks its format version and types, but not
/// its meaning: for tools that still work on a catalogue being edited.
pub fn read_catalogue(text: &str) -> Result<Catalogue, Vec<Diagnostic>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    read_types(text).map_err(|d| vec![d])
}

/// Syntax, format version, then types: the first problem, located.
fn read_types(text: &str) -> Result<Catalogue, Diagnostic> {
    // 1. Syntax.
    let root: Json = serde_json::from_str(text).map_err(|e| Diagnostic::syntax(text, &e))?;
    let Json::Obj(entries) = &root else {
        return Err(Diagnostic::not_an_object());
    };
    // 2. The format version before anything else: a future format would
    //    otherwise produce a cascade of meaningless errors. Any other type
    //    for `schema` is left to the typed reading, which names the
    //    expected type.
    if let Some((_, Json::Num(found))) = entries.iter().find(|(k, _)| k == "schema") {
        if *found != Number::U(u64::from(SCHEMA_VERSION)) {
            return Err(locate_diagnostic(
                text,
                Diagnostic::unsupported_schema(found),
            ));
        }
    }
    // 3. Types (`read.rs`); the pointer is then located in the text.
    Catalogue::from_json(root).map_err(|d| locate_diagnostic(text, d))
}
