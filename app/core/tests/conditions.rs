//! Kleene truth tables and the atoms named by reasons.

mod common;

use common::*;
use parcours_core::condition::{eval, questions, trigger_answers, triggers};
use parcours_core::{Answer, Answers, Condition, Truth};
use serde_json::json;

fn cond(v: serde_json::Value) -> Condition {
    serde_json::from_value(v).unwrap()
}

/// A condition with the given truth value under `truth_answers()`.
fn atom(t: Truth) -> Condition {
    match t {
        Truth::True => cond(json!({"equals": {"question": "a", "option": "oui"}})),
        Truth::False => cond(json!({"equals": {"question": "a", "option": "non"}})),
        Truth::Unknown => cond(json!({"equals": {"question": "z", "option": "oui"}})),
    }
}

fn truth_answers() -> Answers {
    answers(&[("a", opt("oui"))])
}

const ALL: [Truth; 3] = [Truth::True, Truth::False, Truth::Unknown];

#[test]
fn kleene_and_or_not() {
    use Truth::*;
    let a = truth_answers();
    for x in ALL {
        assert_eq!(eval(&atom(x), &a), x);
        assert_eq!(eval(&Condition::Not(Box::new(atom(x))), &a), x.not());
        for y in ALL {
            let and = match (x, y) {
                (False, _) | (_, False) => False,
                (True, True) => True,
                _ => Unknown,
            };
            let or = match (x, y) {
                (True, _) | (_, True) => True,
                (False, False) => False,
                _ => Unknown,
            };
            assert_eq!(
                eval(&Condition::All(vec![atom(x), atom(y)]), &a),
                and,
                "{x:?} et {y:?}"
            );
            assert_eq!(
                eval(&Condition::Any(vec![atom(x), atom(y)]), &a),
                or,
                "{x:?} ou {y:?}"
            );
            assert_eq!(x.and(y), and);
            assert_eq!(x.or(y), or);
        }
    }
    assert_eq!(eval(&Condition::All(vec![]), &a), True);
    assert_eq!(eval(&Condition::Any(vec![]), &a), False);
}

#[test]
fn answered_and_unknown_are_never_unknown() {
    let answered = cond(json!({"answered": "q"}));
    let unknown = cond(json!({"unknown": "q"}));
    let cases = [
        (None, Truth::False),
        (Some(Answer::Unknown), Truth::False),
        (Some(opts(&[])), Truth::False),
        (Some(opt("x")), Truth::True),
        (Some(Answer::Number(0)), Truth::True),
        (Some(opts(&["x"])), Truth::True),
    ];
    for (ans, expected) in cases {
        let a: Answers = ans.iter().map(|x| ("q".to_string(), x.clone())).collect();
        assert_eq!(eval(&answered, &a), expected, "{ans:?}");
        assert_eq!(eval(&unknown, &a), expected.not(), "{ans:?}");
    }
}

#[test]
fn equals_and_in_on_multiple_test_membership() {
    let a = answers(&[("m", opts(&["x", "y"])), ("s", opt("x"))]);
    assert_eq!(
        eval(
            &cond(json!({"equals": {"question": "m", "option": "y"}})),
            &a
        ),
        Truth::True
    );
    assert_eq!(
        eval(
            &cond(json!({"equals": {"question": "m", "option": "z"}})),
            &a
        ),
        Truth::False
    );
    assert_eq!(
        eval(
            &cond(json!({"in": {"question": "m", "options": ["z", "x"]}})),
            &a
        ),
        Truth::True
    );
    assert_eq!(
        eval(
            &cond(json!({"in": {"question": "s", "options": ["z", "w"]}})),
            &a
        ),
        Truth::False
    );
    assert_eq!(
        eval(
            &cond(json!({"in": {"question": "s", "options": ["x"]}})),
            &a
        ),
        Truth::True
    );
}

#[test]
fn numbers_and_unknowns() {
    let a = answers(&[("n", Answer::Number(10)), ("u", Answer::Unknown)]);
    let t = |v: serde_json::Value| eval(&cond(v), &a);
    assert_eq!(
        t(json!({"at_least": {"question": "n", "value": 10}})),
        Truth::True
    );
    assert_eq!(
        t(json!({"at_least": {"question": "n", "value": 11}})),
        Truth::False
    );
    assert_eq!(
        t(json!({"at_most": {"question": "n", "value": 10}})),
        Truth::True
    );
    assert_eq!(
        t(json!({"at_most": {"question": "n", "value": 9}})),
        Truth::False
    );
    assert_eq!(
        t(json!({"at_least": {"question": "u", "value": 1}})),
        Truth::Unknown
    );
    assert_eq!(
        t(json!({"equals": {"question": "u", "option": "oui"}})),
        Truth::Unknown
    );
    assert_eq!(
        t(json!({"equals": {"question": "absent", "option": "oui"}})),
        Truth::Unknown
    );
}

#[test]
fn wrong_typed_answers_are_unknown() {
    let a = answers(&[
        ("n", opt("dix")),
        ("o", Answer::Number(3)),
        ("m", Answer::Number(1)),
    ]);
    let t = |v: serde_json::Value| eval(&cond(v), &a);
    assert_eq!(
        t(json!({"at_least": {"question": "n", "value": 1}})),
        Truth::Unknown
    );
    assert_eq!(
        t(json!({"equals": {"question": "o", "option": "oui"}})),
        Truth::Unknown
    );
    assert_eq!(
        t(json!({"in": {"question": "m", "options": ["a"]}})),
        Truth::Unknown
    );
}

#[test]
fn triggers_name_the_deciding_answers() {
    let a = answers(&[
        ("a", opt("oui")),
        ("b", opt("non")),
        ("n", Answer::Number(5)),
    ]);
    let c = cond(json!({"any": [
        {"equals": {"question": "b", "option": "oui"}},
        {"all": [{"equals": {"question": "a", "option": "oui"}}, {"at_least": {"question": "n", "value": 3}}]},
        {"not": {"equals": {"question": "b", "option": "oui"}}}
    ]}));
    assert_eq!(eval(&c, &a), Truth::True);
    // The false branch (b = oui) is not a reason; « not b = oui » is, via b.
    assert_eq!(triggers(&c, &a), vec!["a", "n", "b"]);
    let c =
        cond(json!({"any": [{"equals": {"question": "b", "option": "oui"}}, {"answered": "a"}]}));
    assert_eq!(triggers(&c, &a), vec!["a"]);
    let c = cond(json!({"equals": {"question": "b", "option": "oui"}}));
    assert!(triggers(&c, &a).is_empty());
    let c = cond(json!({"all": [{"at_least": {"question": "n", "value": 1}}, {"unknown": "z"}]}));
    assert_eq!(
        trigger_answers(&c, &a),
        vec![("n", Some(&Answer::Number(5))), ("z", None)]
    );
    assert_eq!(
        questions(&cond(
            json!({"all": [{"answered": "x"}, {"unknown": "y"}, {"answered": "x"}]})
        )),
        vec!["x", "y"]
    );
}

#[test]
fn deep_nesting_does_not_panic() {
    let mut c = cond(json!({"answered": "q"}));
    for _ in 0..200 {
        c = Condition::Not(Box::new(c));
    }
    assert_eq!(eval(&c, &Answers::new()), Truth::False);
}
