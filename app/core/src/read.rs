//! Reading a catalogue's JSON into the model, by hand.
//!
//! serde_json parses the text into a small tree ([`Json`], one visitor), and
//! plain functions turn that tree into the model. serde's derived readers
//! did the second part too, but each struct's reader was compiled once per
//! container around it and accepted lists as structs: 10.5 KB of the
//! gzipped wasm (BENCHMARKS.md, fourth round), for the same result. Each
//! struct declares its fields once, in `from_objects!`. Here the pointer
//! of a faulty value is known as the error goes up (each level prepends its
//! key), where serde's position had to be mapped back to a pointer. The
//! derived `Deserialize` stays on the model as the oracle
//! `tests/type_error_pointers.rs` compares this reader with. The web app
//! reads its saved answers and answers files through the same tree (one
//! JSON reader in the wasm).

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::{escape_token, Diagnostic, Found};
use crate::model::*;

/// A JSON value, as parsed; keys in document order, repeats kept (so that
/// a field written twice can be reported).
#[derive(Debug, Default, PartialEq)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Num(Number),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// A JSON number as serde_json reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    U(u64),
    I(i64),
    F(f64),
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::U(n) => write!(f, "{n}"),
            Number::I(n) => write!(f, "{n}"),
            // serde_json's own float printer (zmij), already in the wasm:
            // core's would add ~8 KB. It writes « 1.0 » as written, where
            // « 1 » would read as an integer.
            Number::F(n) => f.write_str(zmij::Buffer::new().format(*n)),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
                Ok(Json::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
                Ok(Json::Num(Number::U(n)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
                Ok(Json::Num(Number::I(n)))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
                Ok(Json::Num(Number::F(n)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Json, E> {
                Ok(Json::Str(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Json, E> {
                Ok(Json::Str(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = a.next_element()? {
                    out.push(v);
                }
                Ok(Json::Arr(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = a.next_key::<String>()? {
                    out.push((k, a.next_value()?));
                }
                Ok(Json::Obj(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses JSON text into a tree.
pub fn parse(text: &str) -> Result<Json, serde_json::Error> {
    serde_json::from_str(text)
}

impl Json {
    /// The value of `key`, taken out of an object (the first one, if the
    /// key is repeated); `None` for a missing key or another type.
    pub fn take(&mut self, key: &str) -> Option<Json> {
        match self {
            Json::Obj(entries) => take_entry(entries, key),
            _ => None,
        }
    }
}

/// The value of the first entry named `key`, taken out (`null` left).
fn take_entry(entries: &mut [(String, Json)], key: &str) -> Option<Json> {
    entries
        .iter_mut()
        .find(|(k, _)| k == key)
        .map(|(_, v)| std::mem::take(v))
}

/// The first problem met, its pointer relative to the value being read.
pub type Read<T> = Result<T, Diagnostic>;

/// Puts `d` under the key or index `token` of its parent.
pub(crate) fn under(mut d: Diagnostic, token: &str) -> Diagnostic {
    d.pointer = format!("/{}{}", escape_token(token), d.pointer);
    d
}

/// `found` where `expected` (« un entier positif ») was.
pub(crate) fn wrong(found: &Json, expected: &str) -> Diagnostic {
    let found = match found {
        Json::Null => Found::Null,
        Json::Bool(b) => Found::Bool(*b),
        Json::Num(n) => Found::Number(n),
        Json::Str(s) => Found::Text(s),
        Json::Arr(_) => Found::List,
        Json::Obj(_) => Found::Object,
    };
    Diagnostic::wrong_type(found, expected)
}

/// A type read from a [`Json`] tree.
pub trait FromJson: Sized {
    fn from_json(v: Json) -> Read<Self>;
}

impl FromJson for String {
    fn from_json(v: Json) -> Read<Self> {
        match v {
            Json::Str(s) => Ok(s),
            v => Err(wrong(&v, "un texte")),
        }
    }
}

impl FromJson for bool {
    fn from_json(v: Json) -> Read<Self> {
        match v {
            Json::Bool(b) => Ok(b),
            v => Err(wrong(&v, "un booléen (true ou false)")),
        }
    }
}

/// An integer within `min..=max`; a float is a type error, as in serde.
fn integer(v: Json, min: i64, max: i64, expected: &str) -> Read<i64> {
    let Json::Num(num) = v else {
        return Err(wrong(&v, expected));
    };
    let n = match num {
        Number::U(n) => i64::try_from(n).ok(),
        Number::I(n) => Some(n),
        Number::F(_) => return Err(wrong(&v, expected)),
    };
    n.filter(|n| (min..=max).contains(n))
        .ok_or_else(|| Diagnostic::out_of_range(num, expected))
}

impl FromJson for u32 {
    fn from_json(v: Json) -> Read<Self> {
        integer(v, 0, u32::MAX.into(), "un entier positif").map(|n| n as u32)
    }
}

impl FromJson for i32 {
    fn from_json(v: Json) -> Read<Self> {
        integer(v, i32::MIN.into(), i32::MAX.into(), "un entier").map(|n| n as i32)
    }
}

impl FromJson for i64 {
    fn from_json(v: Json) -> Read<Self> {
        integer(v, i64::MIN, i64::MAX, "un entier")
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: Json) -> Read<Self> {
        let Json::Arr(items) = v else {
            return Err(wrong(&v, "une liste"));
        };
        // A plain loop: `collect` into a `Result` costs twice the code.
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.into_iter().enumerate() {
            out.push(T::from_json(x).map_err(|d| under(d, &i.to_string()))?);
        }
        Ok(out)
    }
}

/// `null` reads as absent, as serde reads an `Option`.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: Json) -> Read<Self> {
        match v {
            Json::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

/// The fields of an object, checked against the names its type knows.
/// The first problem is kept aside, and a blank value stands in for the
/// faulty field until [`Fields::done`] reports it: one call per field and
/// no early return (each one cost a copy of the error and the drops of the
/// fields read so far, in every struct).
struct Fields {
    entries: Vec<(String, Json)>,
    error: Option<Diagnostic>,
}

fn object(v: Json, known: &[&str]) -> Read<Fields> {
    let Json::Obj(entries) = v else {
        return Err(wrong(&v, "un objet"));
    };
    // In file order, as the editor reads them. At most one more entry than
    // `known` is looked at: the next one is unknown or a repeat.
    for (i, (key, _)) in entries.iter().enumerate() {
        if !known.contains(&key.as_str()) {
            return Err(under(Diagnostic::unknown_field(key, known), key));
        }
        if entries[..i].iter().any(|(k, _)| k == key) {
            return Err(under(Diagnostic::repeated_field(key), key));
        }
    }
    Ok(Fields {
        entries,
        error: None,
    })
}

/// A stand-in while an object with a faulty field is read; never returned.
trait Blank {
    fn blank() -> Self;
}

impl<T: Default> Blank for T {
    fn blank() -> T {
        T::default()
    }
}

impl Blank for Condition {
    fn blank() -> Self {
        Condition::All(Vec::new())
    }
}

impl Blank for QuestionKind {
    fn blank() -> Self {
        QuestionKind::Single
    }
}

impl Blank for Nature {
    fn blank() -> Self {
        Nature::Offre
    }
}

impl Blank for State {
    fn blank() -> Self {
        State::AConfirmer
    }
}

impl Blank for Questionnaire {
    fn blank() -> Self {
        Questionnaire { groups: Vec::new() }
    }
}

impl Blank for SourceRef {
    fn blank() -> Self {
        SourceRef {
            document: String::new(),
            section: String::new(),
            excerpt: None,
        }
    }
}

impl Fields {
    fn keep<T: Blank>(&mut self, read: Read<T>) -> T {
        read.unwrap_or_else(|d| {
            self.error.get_or_insert(d);
            T::blank()
        })
    }

    /// A field that must be present. (Not inlined: once per field type,
    /// not once per field.)
    #[inline(never)]
    fn req<T: FromJson + Blank>(&mut self, key: &str) -> T {
        let read = match take_entry(&mut self.entries, key) {
            Some(v) => T::from_json(v).map_err(|d| under(d, key)),
            None => Err(Diagnostic::missing_field(key)),
        };
        self.keep(read)
    }

    /// A field that may be left out (its default then).
    #[inline(never)]
    fn opt<T: FromJson + Default>(&mut self, key: &str) -> T {
        match take_entry(&mut self.entries, key) {
            Some(v) => {
                let read = T::from_json(v).map_err(|d| under(d, key));
                self.keep(read)
            }
            None => T::default(),
        }
    }

    /// The object read, or the first problem met in its fields.
    fn done<T>(self, value: T) -> Read<T> {
        match self.error {
            None => Ok(value),
            Some(d) => Err(d),
        }
    }
}

/// The reader of each struct of the model, from one declaration: its
/// fields in order, each `req` (must be present) or `opt` (may be left
/// out: its default then). The keys an object may hold, the order they are
/// read in and the pointer of each come from that one list.
macro_rules! from_objects {
    ($($ty:ident { $($field:ident: $how:ident),+ $(,)? })+) => {$(
        impl FromJson for $ty {
            fn from_json(v: Json) -> Read<Self> {
                let mut f = object(v, &[$(stringify!($field)),+])?;
                let value = $ty { $($field: f.$how(stringify!($field))),+ };
                f.done(value)
            }
        }
    )+};
}

from_objects! {
    Catalogue {
        schema: req,
        version: req,
        published: req,
        sources: req,
        providers: req,
        themes: req,
        steps: req,
        kinds: req,
        modules: req,
        questionnaire: req,
        rules: req,
    }
    Source { id: req, title: req, publisher: req, url: opt }
    Provider { id: req, name: req, short_name: req, url: opt, domains: opt, description: opt }
    Theme { id: req, label: req, description: req }
    Step { id: req, label: req, description: req }
    Kind { id: req, label: req }
    Module {
        id: req,
        title: req,
        provider: req,
        partners: opt,
        themes: req,
        step: req,
        kind: req,
        nature: req,
        status: opt,
        summary: req,
        benefits: req,
        audience: req,
        cost: opt,
        duration: opt,
        access: req,
        url: opt,
        prerequisites: opt,
        priority: opt,
        exclusions: opt,
        browse_only: opt,
        source: req,
    }
    Status { state: req, checked: req, checked_at: req, opens: opt, closes: opt }
    Exclusion { when: req, reason: req }
    SourceRef { document: req, section: req, excerpt: opt }
    Questionnaire { groups: req }
    Group { id: req, label: req, description: req, theme: opt, visible_if: opt, questions: req }
    Question {
        id: req,
        label: req,
        help: req,
        kind: req,
        options: opt,
        allow_unknown: opt,
        required: opt,
        visible_if: opt,
        min: opt,
        max: opt,
        unit: opt,
        min_label: opt,
        max_label: opt,
        reversed_in: opt,
    }
    AnswerOption { id: req, label: req, description: opt, exclusive: opt }
    Rule { id: req, when: req, modules: req, weight: req, reason: req }
    OptionTest { question: req, option: req }
    OptionsTest { question: req, options: req }
    NumberTest { question: req, value: req }
}

/// A name among `names`, read as the value at the same position.
fn named<T: Copy>(v: Json, names: &[&str], values: &[T]) -> Read<T> {
    let Json::Str(s) = v else {
        return Err(wrong(&v, "un texte"));
    };
    match names.iter().position(|n| *n == s) {
        Some(i) => Ok(values[i]),
        None => Err(Diagnostic::unknown_value(&s, names)),
    }
}

impl FromJson for Nature {
    fn from_json(v: Json) -> Read<Self> {
        named(v, &Nature::ALL.map(Nature::id), &Nature::ALL)
    }
}

impl FromJson for State {
    fn from_json(v: Json) -> Read<Self> {
        named(v, &State::ALL.map(State::id), &State::ALL)
    }
}

impl FromJson for QuestionKind {
    fn from_json(v: Json) -> Read<Self> {
        named(
            v,
            &["single", "multiple", "yes_no", "scale", "number"],
            &[
                QuestionKind::Single,
                QuestionKind::Multiple,
                QuestionKind::YesNo,
                QuestionKind::Scale,
                QuestionKind::Number,
            ],
        )
    }
}

const CONDITIONS: [&str; 9] = [
    "all", "any", "not", "answered", "unknown", "equals", "in", "at_least", "at_most",
];

impl FromJson for Condition {
    fn from_json(v: Json) -> Read<Self> {
        let mut entries = match v {
            Json::Obj(entries) => entries,
            // serde read a lone name as a variant without content: the
            // same message for an unknown one, a clear one for a known one.
            Json::Str(s) if !CONDITIONS.contains(&s.as_str()) => {
                return Err(Diagnostic::unknown_value(&s, &CONDITIONS))
            }
            v => return Err(wrong(&v, "une condition (un objet à une seule clé)")),
        };
        let Some((key, value)) = entries.pop().filter(|_| entries.is_empty()) else {
            return Err(Diagnostic::condition_shape(&CONDITIONS));
        };
        let read = match key.as_str() {
            "all" => Vec::from_json(value).map(Condition::All),
            "any" => Vec::from_json(value).map(Condition::Any),
            "not" => Condition::from_json(value).map(|c| Condition::Not(Box::new(c))),
            "answered" => String::from_json(value).map(Condition::Answered),
            "unknown" => String::from_json(value).map(Condition::Unknown),
            "equals" => OptionTest::from_json(value).map(Condition::Equals),
            "in" => OptionsTest::from_json(value).map(Condition::In),
            "at_least" => NumberTest::from_json(value).map(Condition::AtLeast),
            "at_most" => NumberTest::from_json(value).map(Condition::AtMost),
            _ => return Err(Diagnostic::unknown_value(&key, &CONDITIONS)),
        };
        read.map_err(|d| under(d, &key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: FromJson>(json: &str) -> Read<T> {
        T::from_json(serde_json::from_str(json).unwrap())
    }

    fn error<T: FromJson + fmt::Debug>(json: &str) -> (String, String) {
        let d = read::<T>(json).unwrap_err();
        (d.pointer, d.message)
    }

    #[test]
    fn numbers_are_integers_in_range() {
        assert_eq!(read::<u32>("7").unwrap(), 7);
        assert_eq!(read::<i32>("-7").unwrap(), -7);
        assert_eq!(
            error::<u32>("-1").1,
            "valeur incorrecte : le nombre -1 trouvé, un entier positif attendu"
        );
        assert_eq!(
            error::<i32>("3000000000").1,
            "valeur incorrecte : le nombre 3000000000 trouvé, un entier attendu"
        );
        assert_eq!(
            error::<i64>("1.5").1,
            "type incorrect : le nombre 1.5 trouvé, un entier attendu"
        );
        assert_eq!(
            error::<i64>("18446744073709551615").1,
            "valeur incorrecte : le nombre 18446744073709551615 trouvé, un entier attendu"
        );
        assert_eq!(
            error::<u32>("\"3\"").1,
            "type incorrect : le texte « 3 » trouvé, un entier positif attendu"
        );
    }

    #[test]
    fn objects_name_unknown_repeated_and_missing_fields() {
        assert_eq!(
            error::<Kind>(r#"{"id": "a", "label": "A", "titel": 1}"#),
            (
                "/titel".into(),
                "champ inconnu « titel » (champs possibles : id, label)".into()
            )
        );
        assert_eq!(
            error::<Kind>(r#"{"id": "a", "id": "b", "label": "A"}"#),
            ("/id".into(), "champ « id » présent deux fois".into())
        );
        assert_eq!(
            error::<Kind>(r#"{"id": "a"}"#),
            ("".into(), "champ obligatoire « label » manquant".into())
        );
        assert_eq!(
            error::<Kind>("[\"a\", \"A\"]").1,
            "type incorrect : une liste trouvé, un objet attendu"
        );
        // Optional fields: absent or null is none, a wrong type is an error.
        let s: Source =
            read(r#"{"id": "a", "title": "T", "publisher": "P", "url": null}"#).unwrap();
        assert_eq!(s.url, None);
        assert_eq!(
            error::<Source>(r#"{"id": "a", "title": "T", "publisher": "P", "url": 3}"#).0,
            "/url"
        );
    }

    #[test]
    fn each_problem_has_its_kind() {
        use crate::diagnostic::DiagnosticKind as K;
        for (json, kind) in [
            (r#"{"id": "a", "label": "A", "x": 1}"#, K::UnknownField),
            (r#"{"id": "a", "id": "b", "label": "A"}"#, K::RepeatedField),
            (r#"{"id": "a"}"#, K::MissingField),
            ("3", K::Type),
            (r#"{"id": 3, "label": "A"}"#, K::Type),
        ] {
            assert_eq!(read::<Kind>(json).unwrap_err().kind, kind, "{json}");
        }
        assert_eq!(read::<u32>("-1").unwrap_err().kind, K::Range);
        assert_eq!(
            read::<QuestionKind>(r#""x""#).unwrap_err().kind,
            K::UnknownValue
        );
        assert_eq!(read::<Condition>("{}").unwrap_err().kind, K::ConditionShape);
    }

    #[test]
    fn errors_carry_the_path_down_to_the_value() {
        let e = error::<Vec<Rule>>(
            r#"[{"id": "r", "when": {"all": [{"answered": "q"}, {"equals": {"question": "q", "option": 2}}]},
                "modules": ["m"], "weight": 1, "reason": "R"}]"#,
        );
        assert_eq!(e.0, "/0/when/all/1/equals/option");
        assert_eq!(
            under(Diagnostic::missing_field("x"), "a/b~c").pointer,
            "/a~1b~0c",
            "keys are escaped as JSON pointer tokens"
        );
    }

    #[test]
    fn conditions_have_one_known_key() {
        assert_eq!(
            read::<Condition>(r#"{"not": {"unknown": "q"}}"#).unwrap(),
            Condition::Not(Box::new(Condition::Unknown("q".into())))
        );
        let possible = "all, any, not, answered, unknown, equals, in, at_least, at_most";
        assert_eq!(
            error::<Condition>(r#"{"equal": {}}"#).1,
            format!("valeur inconnue « equal » (valeurs possibles : {possible})")
        );
        assert_eq!(
            error::<Condition>(r#""equal""#).1,
            format!("valeur inconnue « equal » (valeurs possibles : {possible})")
        );
        for two in [r#"{"answered": "q", "unknown": "q"}"#, "{}"] {
            assert_eq!(
                error::<Condition>(two).1,
                format!("une condition s'écrit avec une seule clé parmi : {possible}")
            );
        }
        assert_eq!(
            error::<Condition>(r#""all""#).1,
            "type incorrect : le texte « all » trouvé, une condition (un objet à une seule clé) attendu"
        );
        assert_eq!(
            error::<QuestionKind>(r#""yes-no""#).1,
            "valeur inconnue « yes-no » (valeurs possibles : single, multiple, yes_no, scale, number)"
        );
    }
}
