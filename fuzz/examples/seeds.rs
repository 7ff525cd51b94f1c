//! Rewrites the committed seed corpora, `fuzz/corpus/<target>/seed-*`, from
//! the real content: `content/catalogue.json` (and mutated copies), the
//! core test fixture, and share codes of the scenarios' answers
//! (`tests/scenarios/*.json`), and those payloads compressed by
//! `deflate::compress`. Run from `fuzz/`: `cargo run --example seeds`.

use std::fs;
use std::path::{Path, PathBuf};

use parcours_core::deflate::compress;
use parcours_core::share::{base64url_decode, encode};
use parcours_core::{Answer, Answers};
use serde_json::{json, Value};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let real = fs::read_to_string(root.join("content/catalogue.json")).unwrap();
    let mini = fs::read_to_string(root.join("app/core/tests/fixtures/mini.json")).unwrap();
    let cat = parcours_core::load(&real).expect("content/catalogue.json is valid");

    let dir = root.join("fuzz/corpus/catalogue");
    clear(&dir);
    let put = |name: &str, bytes: &[u8]| {
        let outcome = match std::str::from_utf8(
            &bytes[..bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len())],
        ) {
            Ok(t) => match parcours_core::load(t) {
                Ok(_) => "valid".to_string(),
                Err(d) => format!("{} diagnostic(s)", d.len()),
            },
            Err(_) => "not UTF-8".into(),
        };
        println!("catalogue/seed-{name}: {} bytes, {outcome}", bytes.len());
        fs::write(dir.join(format!("seed-{name}")), bytes).unwrap();
    };

    put("real.json", real.as_bytes());
    // Still valid: saturating scores, extreme priorities; then answer bytes.
    let mut v: Value = serde_json::from_str(&real).unwrap();
    for r in v["rules"].as_array_mut().unwrap() {
        r["weight"] = json!(u32::MAX);
    }
    for (i, m) in v["modules"].as_array_mut().unwrap().iter_mut().enumerate() {
        m["priority"] = json!(if i % 2 == 0 { i32::MAX } else { i32::MIN });
    }
    let mut bytes = serde_json::to_vec(&v).unwrap();
    bytes.push(0);
    bytes.extend((0u8..=255).map(|b| b.wrapping_mul(37)));
    put("real-extremes.bin", &bytes);
    // Many validation errors at once, located in a large file.
    let mut v: Value = serde_json::from_str(&real).unwrap();
    let mods = v["modules"].as_array_mut().unwrap();
    let (a, b) = (mods[0]["id"].clone(), mods[1]["id"].clone());
    mods[0]["prerequisites"] = json!([b]);
    mods[1]["prerequisites"] = json!([a]);
    for m in mods.iter_mut().step_by(3) {
        m["step"] = json!("etape-inconnue");
    }
    v["rules"][0]["modules"] = json!(["module-inconnu"]);
    v["rules"][1]["when"] = json!({"equals": {"question": "question-inconnue", "option": "x"}});
    put("real-broken.json", &serde_json::to_vec(&v).unwrap());

    put("mini.json", mini.as_bytes());
    let mut bytes = mini.as_bytes().to_vec();
    bytes.push(0);
    bytes.extend_from_slice(&[7, 200, 3, 255, 0, 9, 128, 64, 5, 6, 250, 1, 2, 3, 4, 99]);
    put("mini-answers.bin", &bytes);
    let mut v: Value = serde_json::from_str(&mini).unwrap();
    let mods = v["modules"].as_array_mut().unwrap();
    let (a, b) = (mods[0]["id"].clone(), mods[1]["id"].clone());
    mods[0]["prerequisites"] = json!([b]);
    mods[1]["prerequisites"] = json!([a, a]);
    put("mini-cycle.json", &serde_json::to_vec_pretty(&v).unwrap());
    let mut v: Value = serde_json::from_str(&mini).unwrap();
    v["schema"] = json!(1);
    put("mini-schema1.json", &serde_json::to_vec(&v).unwrap());
    // Format 2's checks at once: a status on a proposition, an offer
    // without one, a link off the official domains, dates out of order, a
    // proposition and a closed offer as prerequisites.
    let mut v: Value = serde_json::from_str(&mini).unwrap();
    let mods = v["modules"].as_array_mut().unwrap();
    mods[0].as_object_mut().unwrap().remove("status");
    mods[6]["status"] = mods[7]["status"].clone();
    mods[5]["url"] = json!("https://www.example.com/");
    mods[3]["status"]["opens"] = json!("2028-01-01");
    mods[3]["prerequisites"] = json!(["club-foncier", "ami-friches"]);
    put("mini-untrue.json", &serde_json::to_vec_pretty(&v).unwrap());
    // The answer bytes first pick the day: 0xff 0xff is after the open
    // call's closing day (2027-06-30), so it is listed apart.
    let mut bytes = mini.as_bytes().to_vec();
    bytes.push(0);
    bytes.extend_from_slice(&[0xff, 0xff, 0, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]);
    put("mini-after-closing.bin", &bytes);
    let mut v: Value = serde_json::from_str(&mini).unwrap();
    let mut deep = json!({"answered": "x"});
    for _ in 0..40 {
        deep = json!({"not": {"all": [deep, {"any": []}]}});
    }
    v["rules"][0]["when"] = deep;
    put("mini-deep.json", &serde_json::to_vec(&v).unwrap());
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(&mini.as_bytes()[..mini.len() / 2]);
    put("mini-bom-truncated.json", &bytes);
    put("list.json", b"[{\"schema\": 2}]");

    // Share codes.
    let dir = root.join("fuzz/corpus/share_link");
    clear(&dir);
    let put = |name: &str, text: &str| {
        println!("share_link/seed-{name}: {} bytes", text.len());
        fs::write(dir.join(format!("seed-{name}")), text).unwrap();
    };
    let mut scenarios: Vec<PathBuf> = fs::read_dir(root.join("tests/scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    scenarios.sort();
    let mut payloads = Vec::new();
    for path in scenarios {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let answers: Answers = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let code = encode(&cat.version, &answers);
        put(&format!("code-{name}"), &code);
        // The payload alone: the target also wraps its input into a code.
        put(&format!("payload-{name}"), &payload(&code));
        payloads.push((name, payload(&code)));
    }
    put("code-empty", &encode(&cat.version, &Answers::new()));
    let odd: Answers = [
        ("question-disparue", Answer::Option("oui".into())),
        (
            "themes",
            Answer::Options(vec!["foncier".into(), "ancien".into(), "foncier".into()]),
        ),
        ("fon-saturation", Answer::Number(i64::MAX)),
        ("comp-recrutement", Answer::Number(i64::MIN)),
        ("profil-ti", Answer::Options(vec![])),
        ("profil-taille", Answer::Unknown),
        ("q;6=|%", Answer::Options(vec!["".into(), "é".into()])),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let code = encode("2025.01.0", &odd);
    put("code-old-odd", &code);
    put("payload-old-odd", &payload(&code));
    put("bad-truncated", &code[..code.len() - 3]);
    put("bad-character", "AQ+/=");
    put("bad-escape", "2026.11.0|a=%G1;b*%e9,x;c#-0;d?;e!;f#+12");

    // DEFLATE streams: the payloads compressed, and stored blocks.
    let dir = root.join("fuzz/corpus/inflate");
    clear(&dir);
    let put = |name: &str, bytes: &[u8]| {
        println!("inflate/seed-{name}: {} bytes", bytes.len());
        fs::write(dir.join(format!("seed-{name}")), bytes).unwrap();
    };
    for (name, text) in &payloads {
        put(&format!("payload-{name}"), &compress(text.as_bytes()));
    }
    put("empty", &compress(b""));
    // A non-final stored block "ab", then a final fixed one.
    let mut stored = vec![0, 2, 0, 0xfd, 0xff, b'a', b'b'];
    stored.extend(compress(b"abab"));
    put("stored-then-fixed", &stored);
}

fn clear(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("seed-")
        {
            fs::remove_file(p).unwrap();
        }
    }
}

/// The text between the format byte and the checksum of a code.
fn payload(code: &str) -> String {
    let bytes = base64url_decode(code).expect("a code made by `encode`");
    String::from_utf8(bytes[1..bytes.len() - 4].to_vec()).unwrap()
}
