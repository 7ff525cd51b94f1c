//! Percent-encoding (RFC 3986), the one used by share codes and by the
//! web app's URLs: every byte but the unreserved characters
//! `[A-Za-z0-9_.~-]` is escaped. Decoding is the `percent-encoding`
//! crate's; encoding is written here: the crate's encoder takes each
//! `%XX` from a table of the 256 (768 bytes of wasm data).

use percent_encoding::percent_decode_str;

/// Whether `byte` stands for itself in an encoded text.
pub fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~')
}

/// `text` with every byte but the unreserved ones written `%XX`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    encode_into(text, &mut out);
    out
}

/// [`encode`], appended to `out`.
pub fn encode_into(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in text.as_bytes() {
        if is_unreserved(byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

/// Decodes `%XX` sequences; malformed ones are kept as typed and invalid
/// UTF-8 is replaced, so that a tampered URL never fails here.
pub fn decode_lossy(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// Decodes a text that must be exactly what [`encode`] writes: unreserved
/// characters and `%XX` sequences only, of UTF-8 text.
pub fn decode_strict(text: &str) -> Result<String, StrictError> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if b
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) =>
            {
                i += 3
            }
            b'%' => return Err(StrictError::BadEscape),
            c if is_unreserved(c) => i += 1,
            _ => return Err(StrictError::Unescaped),
        }
    }
    match percent_decode_str(text).decode_utf8() {
        Ok(s) => Ok(s.into_owned()),
        Err(_) => Err(StrictError::NotUtf8),
    }
}

/// Why [`decode_strict`] refused a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrictError {
    /// A `%` not followed by two hexadecimal digits.
    BadEscape,
    /// A character that should have been escaped.
    Unescaped,
    /// The bytes decoded are not UTF-8.
    NotUtf8,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written encoder writes what the crate's wrote, on every
    /// byte and on multi-byte characters.
    #[test]
    fn encoding_is_the_crates() {
        use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
        const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'_')
            .remove(b'.')
            .remove(b'~');
        let mut texts: Vec<String> = (0..=255u8)
            .map(|b| String::from_utf8_lossy(&[b]).into_owned())
            .collect();
        texts.extend(
            [
                "friches & ZAE é",
                "Œuvre « 100 % » ~ a-b_c.d",
                "😀/?#[]@!$'()*+,;=",
            ]
            .map(String::from),
        );
        for text in texts {
            assert_eq!(
                encode(&text),
                utf8_percent_encode(&text, ESCAPED).to_string(),
                "{text}"
            );
        }
    }

    #[test]
    fn only_unreserved_characters_stand_for_themselves() {
        assert_eq!(encode("friches & ZAE é"), "friches%20%26%20ZAE%20%C3%A9");
        assert_eq!(encode("a-b_c.d~e09"), "a-b_c.d~e09");
        for byte in 0..=255u8 {
            let text = String::from_utf8_lossy(&[byte]).into_owned();
            let encoded = encode(&text);
            assert_eq!(encoded == text, is_unreserved(byte) && byte < 128, "{byte}");
            assert_eq!(decode_strict(&encoded).as_deref(), Ok(text.as_str()));
            assert_eq!(decode_lossy(&encoded), text);
        }
    }

    #[test]
    fn lossy_decoding_never_fails_and_strict_decoding_says_why() {
        assert_eq!(decode_lossy("%E9t%C3%A9"), "\u{FFFD}t\u{e9}");
        assert_eq!(decode_lossy("a+b%2"), "a+b%2");
        assert_eq!(decode_lossy("%zz%"), "%zz%");
        assert_eq!(decode_strict("a%2"), Err(StrictError::BadEscape));
        assert_eq!(decode_strict("a%zz"), Err(StrictError::BadEscape));
        assert_eq!(decode_strict("a b"), Err(StrictError::Unescaped));
        assert_eq!(decode_strict("%E9"), Err(StrictError::NotUtf8));
        assert_eq!(decode_strict("%C3%A9t%C3%A9").as_deref(), Ok("été"));
    }
}
