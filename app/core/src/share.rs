//! Share codes: answers + catalogue version in a short, URL-safe string.
//! A decoded code's answers are brought to the catalogue in use by
//! `migrate`, like saved answers and imported files.
//!
//! Layout before base64url (no padding): `format byte (1)` · body ·
//! `CRC-32 of format byte + body (4, big-endian)`. Format 2 (written now)
//! compresses the payload with raw DEFLATE (`deflate.rs`): a pathway's
//! link is about 40 % shorter, so that it fits a printed QR code with a
//! feuille de route; format 1 (the payload as it is) still opens. The
//! payload is text: `version|q1=o;q2=*a,b;q3=#12;q4=?;q5=!` with `=` +
//! option for a single answer, `*` + options for a multiple one (`!` for
//! none ticked), `#` + integer for a number, `?` for « Je ne sais pas »;
//! in format 2, optionally `|` and a feuille de route
//! (`plan::Plan::to_share_text`, kept as text here). Every byte outside
//! `[A-Za-z0-9_.~-]` in ids and the version is percent-escaped, so any
//! string round-trips and no delimiter can be forged.

use std::fmt;

use crate::answers::{Answer, Answers};
use crate::deflate;
use crate::percent::{self, StrictError};

/// Current code format.
pub const FORMAT: u8 = 2;
/// The first format, uncompressed: links made before 2026-12 still open.
pub const FORMAT_PLAIN: u8 = 1;
/// No payload of a questionnaire and a plan inflates beyond this.
const MAX_PAYLOAD: usize = 256 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub version: String,
    pub answers: Answers,
    /// A feuille de route's share text, when the link carries one.
    pub plan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    /// A character that cannot appear in a code.
    BadCharacter(char),
    /// Too short, or cut in the middle.
    Truncated,
    /// The code was altered (copy error, tampering).
    BadChecksum,
    /// Made by another version of the application.
    UnsupportedFormat(u8),
    /// Checksum fine but contents unreadable (what is wrong, in French).
    Malformed(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "le lien de partage ne contient pas de réponses"),
            ShareError::BadCharacter(c) => {
                write!(f, "le lien de partage contient un caractère inattendu (« {} ») : il a sans doute été mal copié", c.escape_default())
            }
            ShareError::Truncated => write!(f, "le lien de partage est incomplet : il a sans doute été coupé lors de la copie"),
            ShareError::BadChecksum => write!(f, "le lien de partage a été altéré : vérifiez qu'il a été copié en entier et sans modification"),
            ShareError::UnsupportedFormat(v) => {
                write!(f, "ce lien de partage a été créé par une autre version de l'application (format {v}) et ne peut pas être lu")
            }
            ShareError::Malformed(why) => write!(f, "le lien de partage est illisible : {why}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// Encodes answers for `version` of the catalogue. Deterministic (answers
/// are ordered by question id).
pub fn encode(version: &str, answers: &Answers) -> String {
    encode_with(version, answers, None)
}

/// [`encode`], with a feuille de route's share text.
pub fn encode_with(version: &str, answers: &Answers, plan: Option<&str>) -> String {
    let mut payload = payload(version, answers);
    if let Some(plan) = plan {
        payload.push('|');
        payload.push_str(plan);
    }
    let mut bytes = vec![FORMAT];
    bytes.extend_from_slice(&deflate::compress(payload.as_bytes()));
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    base64url_encode(&bytes)
}

/// A code of the first format (uncompressed), as links made before
/// format 2 were: for the tests that prove they still open.
pub fn encode_plain(version: &str, answers: &Answers) -> String {
    let mut bytes = vec![FORMAT_PLAIN];
    bytes.extend_from_slice(payload(version, answers).as_bytes());
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    base64url_encode(&bytes)
}

fn payload(version: &str, answers: &Answers) -> String {
    let mut payload = String::new();
    percent::encode_into(version, &mut payload);
    payload.push('|');
    for (i, (q, a)) in answers.iter().enumerate() {
        if i > 0 {
            payload.push(';');
        }
        percent::encode_into(q, &mut payload);
        match a {
            Answer::Unknown => payload.push('?'),
            Answer::Option(o) => {
                payload.push('=');
                percent::encode_into(o, &mut payload);
            }
            Answer::Options(list) if list.is_empty() => payload.push('!'),
            Answer::Options(list) => {
                payload.push('*');
                for (j, o) in list.iter().enumerate() {
                    if j > 0 {
                        payload.push(',');
                    }
                    percent::encode_into(o, &mut payload);
                }
            }
            Answer::Number(n) => {
                payload.push('#');
                payload.push_str(&n.to_string());
            }
        }
    }
    payload
}

/// Decodes a share code. Never panics; every failure is a [`ShareError`].
pub fn decode(code: &str) -> Result<Shared, ShareError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    let bytes = base64url_decode(code)?;
    if bytes.len() < 5 {
        return Err(ShareError::Truncated);
    }
    let (body, tail) = bytes.split_at(bytes.len() - 4);
    let expected = u32::from_be_bytes([tail[0], tail[1], tail[2], tail[3]]);
    if crc32(body) != expected {
        // A code from a future format may checksum differently: say so
        // rather than « altered » when the format byte is not ours.
        if body[0] > FORMAT && body[0] < 16 {
            return Err(ShareError::UnsupportedFormat(body[0]));
        }
        return Err(ShareError::BadChecksum);
    }
    let inflated;
    let payload = match body[0] {
        FORMAT_PLAIN => &body[1..],
        FORMAT => {
            inflated = deflate::decompress(&body[1..], MAX_PAYLOAD)
                .map_err(|e| ShareError::Malformed(e.to_string()))?;
            &inflated[..]
        }
        other => return Err(ShareError::UnsupportedFormat(other)),
    };
    let text = std::str::from_utf8(payload).map_err(|_| malformed("texte invalide"))?;
    let (version, rest) = text
        .split_once('|')
        .ok_or_else(|| malformed("version absente"))?;
    // Only format 2 carries a plan; in format 1 a `|` is no delimiter.
    let (rest, plan) = match rest.split_once('|') {
        Some((answers, plan)) if body[0] == FORMAT => (answers, Some(plan.to_string())),
        _ => (rest, None),
    };
    let version = unescape(version)?;
    let mut answers = Answers::new();
    if !rest.is_empty() {
        for entry in rest.split(';') {
            let at = entry
                .find(['=', '*', '#', '?', '!'])
                .ok_or_else(|| malformed("réponse sans valeur"))?;
            let (q, value) = entry.split_at(at);
            let q = unescape(q)?;
            let (tag, v) = value.split_at(1);
            let answer = match tag {
                "?" if v.is_empty() => Answer::Unknown,
                "!" if v.is_empty() => Answer::Options(Vec::new()),
                "=" => Answer::Option(unescape(v)?),
                "*" => Answer::Options(v.split(',').map(unescape).collect::<Result<_, _>>()?),
                "#" => Answer::Number(v.parse().map_err(|_| malformed("nombre invalide"))?),
                _ => return Err(malformed("valeur inattendue")),
            };
            if answers.insert(q, answer).is_some() {
                return Err(malformed("question répétée"));
            }
        }
    }
    Ok(Shared {
        version,
        answers,
        plan,
    })
}

fn malformed(why: &str) -> ShareError {
    ShareError::Malformed(why.to_string())
}

fn unescape(s: &str) -> Result<String, ShareError> {
    percent::decode_strict(s).map_err(|e| {
        malformed(match e {
            StrictError::BadEscape => "échappement invalide",
            StrictError::Unescaped => "caractère non échappé",
            StrictError::NotUtf8 => "texte invalide",
        })
    })
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding, as a code is written (public for the fuzz
/// targets, which build codes around arbitrary payloads).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        let chars = chunk.len() + 1;
        for k in 0..chars {
            out.push(char::from(B64[((n >> (18 - 6 * k)) & 63) as usize]));
        }
    }
    out
}

/// The bytes of a base64url text without padding; [`ShareError`] for a
/// character outside the alphabet or a cut length.
pub fn base64url_decode(s: &str) -> Result<Vec<u8>, ShareError> {
    let mut vals = Vec::with_capacity(s.len());
    for c in s.chars() {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '-' => 62,
            '_' => 63,
            _ => return Err(ShareError::BadCharacter(c)),
        };
        vals.push(v);
    }
    // A length of 1 mod 4 cannot come from whole bytes: the code was cut.
    if vals.len() % 4 == 1 {
        return Err(ShareError::Truncated);
    }
    let mut out = Vec::with_capacity(vals.len() * 3 / 4);
    for chunk in vals.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &v)| acc | v << (18 - 6 * i));
        for k in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * k)) as u8);
        }
    }
    Ok(out)
}

/// CRC-32 (IEEE), bitwise: codes are short, a table is not worth its bytes
/// in the wasm. A code ends with the big-endian CRC of all that precedes it.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_known_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn base64url_round_trip() {
        for n in 0..20 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(base64url_decode(&base64url_encode(&bytes)).unwrap(), bytes);
        }
        assert_eq!(base64url_encode(b"\xfb\xff"), "-_8");
    }

    #[test]
    fn round_trip_all_kinds() {
        let mut a = Answers::new();
        a.insert("q1".into(), Answer::Option("oui".into()));
        a.insert("q2".into(), Answer::Options(vec!["a".into(), "b".into()]));
        a.insert("q3".into(), Answer::Number(-12));
        a.insert("q4".into(), Answer::Unknown);
        a.insert("q5".into(), Answer::Options(vec![]));
        a.insert("q;6=|".into(), Answer::Options(vec!["".into()]));
        let code = encode("2026.11.0", &a);
        assert!(code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let back = decode(&code).unwrap();
        assert_eq!(back.version, "2026.11.0");
        assert_eq!(back.answers, a);
    }

    #[test]
    fn errors() {
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode("ab+c"), Err(ShareError::BadCharacter('+')));
        assert_eq!(decode("AQ"), Err(ShareError::Truncated));
        let code = encode("2026.11.0", &Answers::new());
        let mut tampered: Vec<char> = code.chars().collect();
        tampered[3] = if tampered[3] == 'A' { 'B' } else { 'A' };
        let tampered: String = tampered.into_iter().collect();
        assert_eq!(decode(&tampered), Err(ShareError::BadChecksum));
        // A valid code of a later format.
        let mut bytes = vec![3u8];
        bytes.extend_from_slice(b"x|");
        let crc = crc32(&bytes);
        bytes.extend_from_slice(&crc.to_be_bytes());
        assert_eq!(
            decode(&base64url_encode(&bytes)),
            Err(ShareError::UnsupportedFormat(3))
        );
        // Format 2 whose body does not inflate: its reason, in French.
        let mut bytes = vec![FORMAT, 0xff, 0xff];
        let crc = crc32(&bytes);
        bytes.extend_from_slice(&crc.to_be_bytes());
        match decode(&base64url_encode(&bytes)) {
            Err(ShareError::Malformed(why)) => assert!(!why.is_empty()),
            other => panic!("{other:?}"),
        }
    }
}
