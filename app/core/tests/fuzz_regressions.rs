//! Regressions found by fuzzing (`fuzz/`, see FUZZING.md).

mod common;

use std::time::{Duration, Instant};

use common::*;
use parcours_core::diagnostic::locate_pointer;
use serde_json::{json, Value};

/// The mini catalogue plus `n` copies of a module whose step does not
/// exist: one diagnostic each, spread over a large file.
fn many_bad_steps(n: usize, pretty: bool) -> String {
    let mut v: Value = mini_value();
    let first = v["modules"][0].clone();
    let modules = v["modules"].as_array_mut().unwrap();
    for i in 0..n {
        let mut m = first.clone();
        m["id"] = json!(format!("copie-{i}"));
        m["step"] = json!("etape-inconnue");
        modules.push(m);
    }
    if pretty {
        serde_json::to_string_pretty(&v).unwrap()
    } else {
        serde_json::to_string(&v).unwrap()
    }
}

/// Line and column (characters) of `pointer`, located on its own.
fn expected_position(text: &str, pointer: &str) -> (usize, usize) {
    let offset = locate_pointer(text, pointer).unwrap();
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Each diagnostic used to be located by scanning the file from its start,
/// and its column counted from the start of its line: quadratic. 4 000
/// errors in a 1.8 MB catalogue took 24 s (release build), 8 000 in 3.5 MB
/// 154 s; a minified file (one line) was hit twice.
#[test]
fn thousands_of_diagnostics_are_located_in_linear_time() {
    for pretty in [false, true] {
        let n = 3000;
        let text = many_bad_steps(n, pretty);
        let started = Instant::now();
        let diagnostics = parcours_core::load(&text).unwrap_err();
        let took = started.elapsed();
        let steps: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.pointer.ends_with("/step"))
            .collect();
        assert_eq!(steps.len(), n, "pretty: {pretty}");
        // Same positions as locating each one alone (a sample: that is the
        // slow way).
        for d in steps.iter().step_by(n / 12) {
            let (line, column) = expected_position(&text, &d.pointer);
            assert_eq!(
                (d.line, d.column),
                (Some(line), Some(column)),
                "{}",
                d.pointer
            );
        }
        // Quadratic took minutes in a debug build; linear takes about a
        // second even on a loaded machine.
        assert!(
            took < Duration::from_secs(20),
            "{n} diagnostics located in {took:?} (pretty: {pretty})"
        );
    }
}

/// Diagnostics still come out in file order, with their positions, when
/// several point into the same objects and arrays.
#[test]
fn shared_paths_are_located_like_single_ones() {
    let text = many_bad_steps(5, true);
    let diagnostics = parcours_core::load(&text).unwrap_err();
    assert!(diagnostics.len() >= 5);
    for d in &diagnostics {
        if d.line.is_some() {
            let (line, column) = expected_position(&text, &d.pointer);
            assert_eq!(
                (d.line, d.column),
                (Some(line), Some(column)),
                "{}",
                d.pointer
            );
        }
    }
    let positions: Vec<_> = diagnostics.iter().map(|d| (d.line, d.column)).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
}
