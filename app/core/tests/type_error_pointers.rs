//! The catalogue is read by hand (`read.rs`), not by serde's derived
//! readers, which stay on the model as the oracle: serde_path_to_error
//! tracks their path while deserialising. On the real catalogue, each
//! value of the first item of every list mutated, each field removed, an
//! unknown field added to each object, pretty and compact: both readers
//! must refuse the file with the same pointer, or both read it. One
//! difference is meant: serde reads a struct from a list, field by field,
//! so `[1]` for an object fails at its item 0; the hand-written reader
//! refuses the list itself. (The first item only, in a copy cut to two
//! items per list: every type of the model is there, and the whole file
//! would take minutes in a debug build.)

use parcours_core::{load, read_catalogue, Catalogue};
use serde_json::{json, Value};

const CATALOGUE: &str = include_str!("../../../content/catalogue.json");

fn oracle(text: &str) -> Option<String> {
    let mut de = serde_json::Deserializer::from_str(text);
    let err = serde_path_to_error::deserialize::<_, Catalogue>(&mut de).err()?;
    let mut out = String::new();
    for seg in err.path().iter() {
        use serde_path_to_error::Segment;
        match seg {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                out.push('/');
                out.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Unknown => {}
        }
    }
    Some(out)
}

/// Every (pointer, value) of the document, containers included.
fn walk(v: &Value, at: String, out: &mut Vec<(String, Value)>) {
    out.push((at.clone(), v.clone()));
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                walk(c, format!("{at}/{k}"), out)
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                walk(c, format!("{at}/{i}"), out)
            }
        }
        _ => {}
    }
}

fn shorten(v: &mut Value) {
    match v {
        Value::Array(a) => {
            a.truncate(2);
            a.iter_mut().for_each(shorten);
        }
        Value::Object(m) => m.values_mut().for_each(shorten),
        _ => {}
    }
}

fn wrong(v: &Value) -> Value {
    match v {
        Value::String(_) => json!(12),
        Value::Number(_) => json!("12"),
        Value::Bool(_) => json!("oui"),
        Value::Array(_) => json!({"x": 1}),
        Value::Object(_) => json!([1]),
        Value::Null => json!([]),
    }
}

fn check(doc: &Value, what: &str, mismatches: &mut Vec<String>, checked: &mut usize) {
    check_with(doc, what, None, mismatches, checked)
}

/// `list_for_object`: the pointer of an object replaced by a list.
fn check_with(
    doc: &Value,
    what: &str,
    list_for_object: Option<&str>,
    mismatches: &mut Vec<String>,
    checked: &mut usize,
) {
    for text in [
        serde_json::to_string_pretty(doc).unwrap(),
        serde_json::to_string(doc).unwrap(),
    ] {
        let Some(mut expected) = oracle(&text) else {
            // serde reads it (`null` for an optional field, an empty list…):
            // so must the hand-written reader.
            *checked += 1;
            if let Err(d) = read_catalogue(&text) {
                mismatches.push(format!("{what}: lu par serde, refusé : {d:?}"));
            }
            continue;
        };
        // (A condition, an enum, is not read from a list by serde either.)
        if let Some(object) = list_for_object {
            if expected == format!("{object}/0") {
                expected = object.to_string();
            }
        }
        *checked += 1;
        let d = load(&text).expect_err("the oracle saw an error");
        if d.len() != 1 || d[0].pointer != expected {
            mismatches.push(format!(
                "{what}: attendu {expected}, obtenu {:?}",
                d.iter()
                    .map(|d| (&d.pointer, &d.message, d.line, d.column))
                    .collect::<Vec<_>>()
            ));
        }
    }
}

#[test]
fn pointers_of_type_errors_match_the_tracked_path() {
    // Two items per list are enough to hold every type, and keep each
    // mutated copy small (a debug build serialises them).
    let mut root: Value = serde_json::from_str(CATALOGUE).unwrap();
    shorten(&mut root);
    let mut all = Vec::new();
    walk(&root, String::new(), &mut all);
    let (mut mismatches, mut checked) = (Vec::new(), 0);
    for (pointer, value) in &all {
        let late = pointer
            .split('/')
            .any(|t| t.parse::<usize>().is_ok_and(|i| i > 0));
        if pointer.is_empty() || pointer == "/schema" || late {
            continue;
        }
        let mut doc = root.clone();
        *doc.pointer_mut(pointer).unwrap() = wrong(value);
        check_with(
            &doc,
            &format!("type changé en {pointer}"),
            value.is_object().then_some(pointer.as_str()),
            &mut mismatches,
            &mut checked,
        );
        for odd in [json!([]), json!({}), json!(null), json!("?")] {
            if odd != *value {
                let mut doc = root.clone();
                *doc.pointer_mut(pointer).unwrap() = odd.clone();
                check(
                    &doc,
                    &format!("{odd} en {pointer}"),
                    &mut mismatches,
                    &mut checked,
                );
            }
        }
        if let Value::Object(m) = value {
            for key in m.keys() {
                let mut doc = root.clone();
                doc.pointer_mut(pointer)
                    .unwrap()
                    .as_object_mut()
                    .unwrap()
                    .remove(key);
                check(
                    &doc,
                    &format!("{pointer}/{key} retiré"),
                    &mut mismatches,
                    &mut checked,
                );
            }
            let mut doc = root.clone();
            doc.pointer_mut(pointer).unwrap()["champ_inconnu"] = json!(1);
            check(
                &doc,
                &format!("champ ajouté en {pointer}"),
                &mut mismatches,
                &mut checked,
            );
        }
    }
    assert!(checked > 400, "trop peu d'erreurs produites : {checked}");
    assert!(
        mismatches.is_empty(),
        "{} pointeurs différents sur {checked} :\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
