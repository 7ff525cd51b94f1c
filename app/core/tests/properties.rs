//! Property tests: the share codec never panics and detects tampering; the
//! pathway is deterministic and puts prerequisites first on generated
//! catalogues.

mod common;

use common::*;
use parcours_core::recommend::pathway;
use parcours_core::share::{decode, encode};
use parcours_core::{
    validate, Answer, Answers, Catalogue, Condition, Module, Nature, OptionTest, Rule, Standing,
    State, Status,
};
use proptest::prelude::*;

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        Just(Answer::Unknown),
        any::<String>().prop_map(Answer::Option),
        prop::collection::vec(any::<String>(), 0..4).prop_map(Answer::Options),
        any::<i64>().prop_map(Answer::Number),
    ]
}

fn answers_strategy() -> impl Strategy<Value = Answers> {
    prop::collection::btree_map(any::<String>(), answer(), 0..8).prop_map(Answers::from_iter)
}

/// An edit of `Answers`, checked against `BTreeMap`, whose behaviour it keeps.
#[derive(Debug, Clone)]
enum Edit {
    Insert(String, Answer),
    Remove(String),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let id = "[a-d]{0,3}";
    prop::collection::vec(
        prop_oneof![
            (id, answer()).prop_map(|(q, a)| Edit::Insert(q, a)),
            id.prop_map(Edit::Remove),
        ],
        0..40,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn codec_round_trip(version in any::<String>(), a in answers_strategy()) {
        let code = encode(&version, &a);
        prop_assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let back = decode(&code).unwrap();
        prop_assert_eq!(back.version, version);
        prop_assert_eq!(back.answers, a);
    }

    #[test]
    fn decode_never_panics(s in any::<String>()) {
        let _ = decode(&s);
    }

    #[test]
    fn decode_never_panics_on_code_like_text(s in "[A-Za-z0-9_-]{0,300}") {
        let _ = decode(&s);
    }

    #[test]
    fn mutations_are_detected(a in answers_strategy(), pos in any::<prop::sample::Index>(), c in "[A-Za-z0-9_-]", cut in any::<prop::sample::Index>()) {
        let code = encode("2026.11.0", &a);
        let mut chars: Vec<char> = code.chars().collect();
        let i = pos.index(chars.len());
        chars[i] = c.chars().next().unwrap();
        let mutated: String = chars.into_iter().collect();
        if let Ok(s) = decode(&mutated) {
            prop_assert_eq!(s.version.as_str(), "2026.11.0");
            prop_assert_eq!(s.answers, a.clone());
        }
        let truncated = &code[..cut.index(code.len())];
        if let Ok(s) = decode(truncated) {
            prop_assert_eq!(s.answers, a);
        }
    }

    #[test]
    fn load_never_panics_on_damaged_text(cut in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let text = MINI.as_bytes();
        let cut = cut.index(text.len());
        let _ = parcours_core::load(&String::from_utf8_lossy(&text[..cut]));
        let mut damaged = text.to_vec();
        damaged[at.index(text.len())] = byte;
        let _ = parcours_core::load(&String::from_utf8_lossy(&damaged));
    }

    #[test]
    fn answers_behave_as_an_ordered_map(edits in edits()) {
        let mut model = std::collections::BTreeMap::new();
        let mut answers = Answers::new();
        for edit in edits {
            match edit {
                Edit::Insert(q, a) => {
                    prop_assert_eq!(answers.insert(q.clone(), a.clone()), model.insert(q, a));
                }
                Edit::Remove(q) => prop_assert_eq!(answers.remove(&q), model.remove(&q)),
            }
            prop_assert_eq!(answers.len(), model.len());
            prop_assert!(answers.iter().eq(model.iter()));
            for q in ["", "a", "b", "abc", "dd"] {
                prop_assert_eq!(answers.get(q), model.get(q));
                prop_assert_eq!(answers.contains_key(q), model.contains_key(q));
            }
        }
        // In JSON, an object; read back, the same answers, and a repeated
        // question keeps its last answer, as a map does.
        let json = serde_json::to_string(&answers).unwrap();
        prop_assert_eq!(&json, &serde_json::to_string(&model).unwrap());
        prop_assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), answers);
    }

    #[test]
    fn any_answers_are_survived_and_migrated_clean(
        raw in prop::collection::btree_map(
            prop_oneof![
                prop::sample::select(vec!["themes", "taille", "refus", "hectares", "strategie-existante", "maturite", "difficultes"]).prop_map(String::from),
                "[a-z]{1,6}",
            ],
            prop_oneof![
                answer(),
                prop::sample::select(vec!["oui", "non", "foncier", "emploi", "fortes"]).prop_map(|o| Answer::Option(o.into())),
                prop::collection::vec(prop::sample::select(vec!["foncier", "emploi", "autre"]).prop_map(String::from), 0..4).prop_map(Answer::Options),
                (-5i64..200).prop_map(Answer::Number),
            ],
            0..10,
        ).prop_map(Answers::from_iter)
    ) {
        let cat = mini();
        let flow = parcours_core::flow::Flow::new(&cat, &raw);
        prop_assert!(flow.answered() <= flow.visible());
        let p = pathway(&cat, &raw, TODAY);
        let (kept, report) = parcours_core::migrate::migrate(&cat, "2025.01.0", raw.clone());
        for (q, a) in &kept {
            let question = cat.question(q).unwrap();
            // Duplicated ticks are folded, so every kept answer is valid.
            prop_assert!(parcours_core::answer_check::validate_answer(question, a).is_ok(), "{} {:?}", q, a);
        }
        for q in raw.keys() {
            prop_assert!(kept.contains_key(q) || report.dropped.iter().any(|d| &d.question == q), "{} perdue sans explication", q);
        }
        // Migration is idempotent: a second pass has nothing to report.
        let (again, second) = parcours_core::migrate::migrate(&cat, "2026.11.0", kept.clone());
        prop_assert_eq!(&again, &kept);
        prop_assert!(second.is_empty(), "{:?}", second);
        // The engine ignores a malformed answer as a whole, where migration
        // repairs it (drops only the unknown ticks): they agree whenever
        // there was nothing to repair.
        if report.is_empty() {
            prop_assert_eq!(&kept, &raw);
            prop_assert_eq!(serde_json::to_string(&pathway(&cat, &kept, TODAY)).unwrap(), serde_json::to_string(&p).unwrap());
        }
    }

    #[test]
    fn pathway_is_deterministic(
        themes in prop::sample::subsequence(vec!["foncier", "emploi"], 0..=2),
        refus in prop::option::of(prop::sample::select(vec!["oui", "non", "?"])),
        hectares in prop::option::of(0i64..200),
        maturite in prop::option::of(1i64..=5),
        strat in prop::option::of(prop::sample::select(vec!["oui", "non"])),
    ) {
        let cat = mini();
        let mut a = Answers::new();
        a.insert("themes".into(), opts(&themes));
        if let Some(r) = refus {
            a.insert("refus".into(), if r == "?" { Answer::Unknown } else { opt(r) });
        }
        if let Some(h) = hectares { a.insert("hectares".into(), Answer::Number(h)); }
        if let Some(m) = maturite { a.insert("maturite".into(), Answer::Number(m)); }
        if let Some(s) = strat { a.insert("strategie-existante".into(), opt(s)); }
        let one = serde_json::to_string(&pathway(&cat, &a, TODAY)).unwrap();
        let two = serde_json::to_string(&pathway(&cat, &a.clone(), TODAY)).unwrap();
        prop_assert_eq!(one, two);
    }

    #[test]
    fn prerequisites_come_first(spec in catalogue_spec(), fired in prop::collection::vec(any::<bool>(), 3)) {
        let cat = build(&spec);
        prop_assert!(validate(&cat).is_empty(), "{:?}", validate(&cat));
        let mut a = Answers::new();
        let names = ["oui", "non", "?"];
        // Answer « refus » so that some rules fire.
        let pick = fired.iter().position(|b| *b).unwrap_or(2);
        a.insert("themes".into(), opts(&["foncier"]));
        a.insert("refus".into(), if pick == 2 { Answer::Unknown } else { opt(names[pick]) });
        let p = pathway(&cat, &a, TODAY);
        let order: Vec<&str> = p.modules().map(|m| m.id.as_str()).collect();
        for (pos, m) in p.modules().enumerate() {
            let module = cat.module(&m.id).unwrap();
            for pre in &module.prerequisites {
                let at = order.iter().position(|x| x == pre);
                prop_assert!(at.is_some(), "{} manque (prérequis de {})", pre, m.id);
                prop_assert!(at.unwrap() < pos, "{} après {}", pre, m.id);
            }
            prop_assert!(m.score > 0 || !m.required_by.is_empty());
        }
        prop_assert_eq!(serde_json::to_string(&p).unwrap(), serde_json::to_string(&pathway(&cat, &a, TODAY)).unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Whatever the answers and the day, a step is something one can act
    /// on; what the answers point to but one cannot act on is listed apart.
    #[test]
    fn steps_hold_only_what_one_can_act_on(
        spec in catalogue_spec(),
        kinds in prop::collection::vec((0u8..6, 0usize..3), 30),
        refus in prop::sample::select(vec!["oui", "non", "?"]),
        day in 0i64..5000,
    ) {
        let mut cat = build(&spec);
        let required: Vec<String> = cat.modules.iter().flat_map(|m| m.prerequisites.clone()).collect();
        for (m, (kind, closes)) in cat.modules.iter_mut().zip(kinds) {
            // A prerequisite becomes a step: the validator wants it actionable.
            let kind = if required.contains(&m.id) && matches!(kind, 2 | 3) { 0 } else { kind };
            let status = |state, closes: Option<&str>| Some(Status {
                state,
                checked: "2025-01-01".into(),
                checked_at: "https://www.cerema.fr/".into(),
                opens: None,
                closes: closes.map(String::from),
            });
            let closes = ["2025-06-30", "2026-12-31", "2028-06-30"][closes];
            (m.nature, m.status) = match kind {
                0 => (Nature::Offre, status(State::Permanent, None)),
                1 => (Nature::Action, None),
                2 => (Nature::Proposition, None),
                3 => (Nature::Offre, status(State::Clos, Some(closes))),
                4 => (Nature::Offre, status(State::Ouvert, Some(closes))),
                _ => (Nature::Offre, status(State::AConfirmer, None)),
            };
        }
        prop_assert!(validate(&cat).is_empty(), "{:?}", validate(&cat));
        // 2024-10-04 to 2038-06-12: before, between and after the closings.
        let today = parcours_core::date::from_unix_days(20_000 + day);
        let mut a = Answers::new();
        a.insert("themes".into(), opts(&["foncier"]));
        a.insert("refus".into(), if refus == "?" { Answer::Unknown } else { opt(refus) });
        let p = pathway(&cat, &a, &today);
        for m in p.modules() {
            let module = cat.module(&m.id).unwrap();
            prop_assert_eq!(module.standing_on(&today), Standing::Actionable, "{} en étape le {}", &m.id, &today);
            prop_assert_eq!(m.nature, module.nature);
        }
        for m in &p.not_actionable {
            let module = cat.module(&m.id).unwrap();
            prop_assert_ne!(m.standing, Standing::Actionable);
            prop_assert_eq!(module.standing_on(&today), m.standing);
            prop_assert!(p.module(&m.id).is_none(), "{} en étape et à part", &m.id);
            // Its own reasons, or the steps it was a prerequisite of.
            prop_assert!(!m.reasons.is_empty() || !m.required_by.is_empty(), "{} listé sans raison", &m.id);
            for r in &m.required_by {
                prop_assert!(p.module(r).is_some());
            }
        }
    }
}

/// Per module: step index, prerequisites (indices of earlier modules), and
/// per rule: modules, which answer fires it, weight.
#[derive(Debug, Clone)]
struct Spec {
    modules: Vec<(usize, i32, Vec<usize>)>,
    rules: Vec<(Vec<usize>, usize, u32)>,
}

fn catalogue_spec() -> impl Strategy<Value = Spec> {
    (2usize..30).prop_flat_map(|n| {
        let modules = (0..n)
            .map(|i| {
                (
                    0usize..3,
                    -2i32..3,
                    prop::collection::vec(0..i.max(1), 0..3),
                )
            })
            .collect::<Vec<_>>();
        let rules = prop::collection::vec(
            (prop::collection::vec(0..n, 1..4), 0usize..3, 1u32..4),
            1..10,
        );
        (modules, rules).prop_map(|(modules, rules)| Spec { modules, rules })
    })
}

/// A catalogue from the mini one: modules cloned with generated steps and
/// prerequisites (always earlier modules, in the same or an earlier step:
/// acyclic and valid by construction), rules on « refus ».
fn build(spec: &Spec) -> Catalogue {
    let mut cat = mini();
    let template = cat.modules[0].clone();
    let steps: Vec<String> = cat.steps.iter().map(|s| s.id.clone()).collect();
    let mut step_of = Vec::new();
    let mut modules: Vec<Module> = Vec::new();
    for (i, (step, priority, pres)) in spec.modules.iter().enumerate() {
        let mut m = template.clone();
        m.id = format!("m{i}");
        // A prerequisite's step must not come after: lift to the max.
        let mut s = *step;
        let pres: Vec<usize> = if i == 0 {
            vec![]
        } else {
            pres.iter().copied().filter(|&p| p < i).collect()
        };
        for &p in &pres {
            s = s.max(step_of[p]);
        }
        step_of.push(s);
        m.step = steps[s].clone();
        m.priority = *priority;
        m.exclusions.clear();
        let mut pre_ids: Vec<String> = pres.iter().map(|p| format!("m{p}")).collect();
        pre_ids.sort();
        pre_ids.dedup();
        m.prerequisites = pre_ids;
        modules.push(m);
    }
    cat.modules = modules;
    cat.rules = spec
        .rules
        .iter()
        .enumerate()
        .map(|(r, (ms, which, weight))| {
            let mut ids: Vec<String> = ms.iter().map(|m| format!("m{m}")).collect();
            ids.sort();
            ids.dedup();
            let when = match which {
                0 => Condition::Equals(OptionTest {
                    question: "refus".into(),
                    option: "oui".into(),
                }),
                1 => Condition::Equals(OptionTest {
                    question: "refus".into(),
                    option: "non".into(),
                }),
                _ => Condition::Unknown("refus".into()),
            };
            Rule {
                id: format!("r{r}"),
                when,
                modules: ids,
                weight: *weight,
                reason: "Parce que.".into(),
            }
        })
        .collect();
    cat
}
