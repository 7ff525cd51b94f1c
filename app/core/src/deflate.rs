//! Raw DEFLATE (RFC 1951), just enough to shrink share links to fit a QR code.
//!
//! Hand-written rather than `miniz_oxide` for size: with the release wasm's
//! settings (before wasm-opt), miniz's compressor and decompressor cost
//! 27 KB (12.5 KB gzipped), this file 3.9 KB (1.8 KB gzipped).
//!
//! - [`compress`] writes one final block with the fixed Huffman codes
//!   (BTYPE 01), which need no table in the code nor in the output. The
//!   price: on the scenarios' share payloads (215–1237 bytes), its output
//!   is 20–30 % longer than zlib -9's dynamic blocks (1028 bytes → 635
//!   against 487), and exactly as long as zlib -9's with fixed codes. LZ77 is
//!   lazy-by-one over a 32 KiB window, with a hash chain of 3-byte
//!   prefixes. Deterministic: the same input gives the same bytes.
//! - [`decompress`] reads stored (00) and fixed (01) blocks, any number of
//!   them, up to the final one; bytes after it are ignored. Dynamic blocks
//!   (10) are rejected with [`InflateError::DynamicBlock`]: we only read our
//!   own output, and their decoder would double the code.

use std::fmt;

/// Why [`decompress`] refused its input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InflateError {
    /// The input ends before its final block does.
    Truncated,
    /// The output would exceed the caller's limit.
    TooLong,
    /// A back-reference points before the start of the output.
    BadDistance,
    /// Block type 11, reserved by RFC 1951.
    ReservedBlock,
    /// A block with dynamic Huffman codes, which this decoder does not read.
    DynamicBlock,
    /// A fixed code that RFC 1951 forbids (length 286/287, distance 30/31).
    InvalidCode,
    /// A stored block whose LEN is not the complement of its NLEN.
    StoredLength,
}

impl fmt::Display for InflateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InflateError::Truncated => "données compressées tronquées",
            InflateError::TooLong => "données décompressées trop longues",
            InflateError::BadDistance => "données compressées invalides (référence avant le début)",
            InflateError::ReservedBlock => "données compressées invalides (type de bloc réservé)",
            InflateError::DynamicBlock => {
                "données compressées non prises en charge (bloc à codes dynamiques)"
            }
            InflateError::InvalidCode => "données compressées invalides (code interdit)",
            InflateError::StoredLength => {
                "données compressées invalides (longueur de bloc stocké incohérente)"
            }
        })
    }
}

/// Lengths 3..=258 by length code 257..=285 (RFC 1951 §3.2.5).
const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
/// Distances 1..=32768 by distance code 0..=29.
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];

/// Extra bits of length code `257 + i`: computed rather than tabled (smaller).
fn len_extra(i: usize) -> u32 {
    if (8..28).contains(&i) {
        (i as u32 - 4) / 4
    } else {
        0
    }
}

/// Extra bits of distance code `i`.
fn dist_extra(i: usize) -> u32 {
    if i < 4 {
        0
    } else {
        (i as u32 - 2) / 2
    }
}

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
const HASH_BITS: u32 = 12;
/// Candidates tried per position: bounds the time on repetitive input.
const MAX_CHAIN: usize = 64;

/// Bits out, least significant first (RFC 1951 §3.1.1).
struct BitWriter {
    out: Vec<u8>,
    acc: u32,
    n: u32,
}

impl BitWriter {
    /// `n` ≤ 16 bits of `bits`, low bit first.
    fn put(&mut self, bits: u32, n: u32) {
        self.acc |= bits << self.n;
        self.n += n;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, which is packed from its most significant bit.
    fn put_code(&mut self, code: u32, n: u32) {
        self.put(code.reverse_bits() >> (32 - n), n);
    }

    /// A literal/length symbol 0..=285 in the fixed code.
    fn put_sym(&mut self, sym: u32) {
        match sym {
            0..=143 => self.put_code(0x30 + sym, 8),
            144..=255 => self.put_code(0x190 + sym - 144, 9),
            256..=279 => self.put_code(sym - 256, 7),
            _ => self.put_code(0xc0 + sym - 280, 8),
        }
    }

    /// A match: length code and extra bits, distance code and extra bits.
    fn put_match(&mut self, len: usize, dist: usize) {
        let i = LEN_BASE
            .iter()
            .rposition(|&b| b as usize <= len)
            .unwrap_or(0);
        self.put_sym(257 + i as u32);
        self.put((len - LEN_BASE[i] as usize) as u32, len_extra(i));
        let j = DIST_BASE
            .iter()
            .rposition(|&b| b as usize <= dist)
            .unwrap_or(0);
        self.put_code(j as u32, 5);
        self.put((dist - DIST_BASE[j] as usize) as u32, dist_extra(j));
    }
}

/// LZ77 hash chains over `data`: `head[h]` and `prev[p % WINDOW]` hold a
/// position + 1, 0 for none.
struct Matcher<'a> {
    data: &'a [u8],
    head: Vec<usize>,
    prev: Vec<usize>,
}

impl Matcher<'_> {
    fn hash(&self, i: usize) -> usize {
        let d = self.data;
        let v = u32::from(d[i]) | u32::from(d[i + 1]) << 8 | u32::from(d[i + 2]) << 16;
        (v.wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
    }

    fn insert(&mut self, i: usize) {
        if i + MIN_MATCH <= self.data.len() {
            let h = self.hash(i);
            self.prev[i % WINDOW] = self.head[h];
            self.head[h] = i + 1;
        }
    }

    /// Longest earlier match at `i`, as (length, distance); length 0 if none.
    fn find(&self, i: usize) -> (usize, usize) {
        let mut best = (0, 0);
        if i + MIN_MATCH > self.data.len() {
            return best;
        }
        let max = (self.data.len() - i).min(MAX_MATCH);
        let mut cand = self.head[self.hash(i)];
        for _ in 0..MAX_CHAIN {
            // A candidate still in the window has its own `prev` slot intact:
            // a later position sharing the slot would be ≥ WINDOW further on.
            if cand == 0 || i - (cand - 1) > WINDOW {
                break;
            }
            let p = cand - 1;
            let len = self.data[p..p + max]
                .iter()
                .zip(&self.data[i..i + max])
                .take_while(|(a, b)| a == b)
                .count();
            if len > best.0 {
                best = (len, i - p);
                if len == max {
                    break;
                }
            }
            cand = self.prev[p % WINDOW];
        }
        best
    }
}

/// Raw DEFLATE of `data`: one final fixed-Huffman block, no zlib/gzip header.
pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut w = BitWriter {
        out: Vec::with_capacity(data.len() / 2 + 8),
        acc: 0,
        n: 0,
    };
    // BFINAL = 1, BTYPE = 01.
    w.put(0b011, 3);
    let mut m = Matcher {
        data,
        head: vec![0; 1 << HASH_BITS],
        prev: vec![0; WINDOW],
    };
    let mut i = 0;
    while i < data.len() {
        let (len, dist) = m.find(i);
        m.insert(i);
        // Lazy by one: a longer match from the next byte beats this one.
        if len >= MIN_MATCH && (len == MAX_MATCH || m.find(i + 1).0 <= len) {
            w.put_match(len, dist);
            for k in i + 1..i + len {
                m.insert(k);
            }
            i += len;
        } else {
            w.put_sym(u32::from(data[i]));
            i += 1;
        }
    }
    w.put_sym(256);
    w.put(0, 7);
    w.out
}

/// Bits in, least significant first; `pos` counts bits.
struct BitReader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl BitReader<'_> {
    fn bit(&mut self) -> Result<u32, InflateError> {
        let byte = *self.data.get(self.pos / 8).ok_or(InflateError::Truncated)?;
        let b = (byte >> (self.pos % 8)) & 1;
        self.pos += 1;
        Ok(u32::from(b))
    }

    /// `n` bits as a number, low bit first.
    fn bits(&mut self, n: u32) -> Result<u32, InflateError> {
        let mut v = 0;
        for k in 0..n {
            v |= self.bit()? << k;
        }
        Ok(v)
    }

    /// `n` bits as a Huffman code, high bit first.
    fn code(&mut self, n: u32) -> Result<u32, InflateError> {
        let mut v = 0;
        for _ in 0..n {
            v = v << 1 | self.bit()?;
        }
        Ok(v)
    }

    /// A literal/length symbol in the fixed code (RFC 1951 §3.2.6).
    fn sym(&mut self) -> Result<u32, InflateError> {
        let c = self.code(7)?;
        if c < 0x18 {
            return Ok(256 + c);
        }
        let c = c << 1 | self.bit()?;
        match c {
            0x30..=0xbf => Ok(c - 0x30),
            0xc0..=0xc7 => Ok(280 + c - 0xc0),
            _ => Ok(144 + (c << 1 | self.bit()?) - 0x190),
        }
    }
}

/// One output byte, refusing to go past `limit`. Grows the buffer itself,
/// never beyond `limit`, where `Vec::push` could double past it.
fn push(out: &mut Vec<u8>, limit: usize, b: u8) -> Result<(), InflateError> {
    if out.len() >= limit {
        return Err(InflateError::TooLong);
    }
    if out.len() == out.capacity() {
        out.reserve_exact(out.len().max(64).min(limit - out.len()));
    }
    out.push(b);
    Ok(())
}

/// Inflates raw DEFLATE `data` (stored and fixed blocks) into at most
/// `limit` bytes. Never panics, whatever the input.
pub fn decompress(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut r = BitReader { data, pos: 0 };
    let mut out = Vec::new();
    loop {
        let last = r.bit()? == 1;
        match r.bits(2)? {
            0 => {
                // Byte-aligned from here: whole bytes, read as bits (less code).
                r.pos = r.pos.div_ceil(8) * 8;
                let len = r.bits(16)?;
                if len != r.bits(16)? ^ 0xffff {
                    return Err(InflateError::StoredLength);
                }
                for _ in 0..len {
                    let b = r.bits(8)? as u8;
                    push(&mut out, limit, b)?;
                }
            }
            1 => loop {
                let sym = r.sym()?;
                if sym < 256 {
                    push(&mut out, limit, sym as u8)?;
                    continue;
                }
                if sym == 256 {
                    break;
                }
                let i = sym as usize - 257;
                let Some(&base) = LEN_BASE.get(i) else {
                    return Err(InflateError::InvalidCode);
                };
                let len = base as usize + r.bits(len_extra(i))? as usize;
                let j = r.code(5)? as usize;
                let Some(&base) = DIST_BASE.get(j) else {
                    return Err(InflateError::InvalidCode);
                };
                let dist = base as usize + r.bits(dist_extra(j))? as usize;
                if dist > out.len() {
                    return Err(InflateError::BadDistance);
                }
                for _ in 0..len {
                    let b = out[out.len() - dist];
                    push(&mut out, limit, b)?;
                }
            },
            2 => return Err(InflateError::DynamicBlock),
            _ => return Err(InflateError::ReservedBlock),
        }
        if last {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use miniz_oxide::deflate::core::{
        compress_to_output, create_comp_flags_from_zip_params, CompressionStrategy,
        CompressorOxide, TDEFLFlush, TDEFLStatus,
    };
    use miniz_oxide::inflate::decompress_to_vec;
    use proptest::prelude::*;

    const PAYLOAD: &str = "2026.12.1|comp-formation=oui;fon-qualite=#3;fon-inventaire=fait;\
        num-maturite=*a,b;gouv-comite=?";

    /// A realistic share payload of about 500 bytes: the same kinds of
    /// answers, over more questions.
    fn share_payload() -> String {
        let mut s = PAYLOAD.to_owned();
        let themes = ["comp", "fon", "num", "gouv", "sec", "don"];
        let mut k = 0;
        while s.len() < 500 {
            let theme = themes[k % themes.len()];
            let answer = ["oui", "non", "#2", "*a,c", "fait", "?"][k * 7 % 6];
            s.push_str(&format!(";{theme}-question-{k}={answer}"));
            k += 1;
        }
        s
    }

    /// miniz's raw DEFLATE with the given level and strategy, flushed with
    /// `Sync` every `chunk` bytes (each flush closes a block and adds an
    /// empty stored one).
    fn miniz(data: &[u8], level: i32, strategy: CompressionStrategy, chunk: usize) -> Vec<u8> {
        let flags = create_comp_flags_from_zip_params(level, -15, strategy as i32);
        let mut c = CompressorOxide::new(flags);
        let mut out = Vec::new();
        let mut chunks: Vec<&[u8]> = data.chunks(chunk.max(1)).collect();
        let last = chunks.pop().unwrap_or(&[]);
        for part in chunks {
            let (status, _) = compress_to_output(&mut c, part, TDEFLFlush::Sync, |b| {
                out.extend_from_slice(b);
                true
            });
            assert_eq!(status, TDEFLStatus::Okay);
        }
        let (status, _) = compress_to_output(&mut c, last, TDEFLFlush::Finish, |b| {
            out.extend_from_slice(b);
            true
        });
        assert_eq!(status, TDEFLStatus::Done);
        out
    }

    fn samples() -> Vec<Vec<u8>> {
        let mut v: Vec<Vec<u8>> = vec![
            vec![],
            b"a".to_vec(),
            b"ab".to_vec(),
            b"abc".to_vec(),
            b"aaaa".to_vec(),
            vec![0; 1000],
            vec![0xff; 70_000],
            PAYLOAD.as_bytes().to_vec(),
            share_payload().into_bytes(),
            (0..=255).collect(),
        ];
        // Long and far matches: 300 bytes repeated at distances near 32 KiB.
        let mut far: Vec<u8> = (0..300u32).map(|i| (i * 7 % 251) as u8).collect();
        far.extend((0..32_400u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
        far.extend_from_within(..300);
        v.push(far);
        // Pseudo-random bytes: nothing to match, every literal length.
        v.push(
            (0..5000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        );
        v
    }

    #[test]
    fn our_output_inflates_with_miniz() {
        for s in samples() {
            let z = compress(&s);
            assert_eq!(decompress_to_vec(&z).unwrap(), s, "len {}", s.len());
            assert_eq!(decompress(&z, s.len()).unwrap(), s);
        }
    }

    #[test]
    fn miniz_fixed_and_stored_blocks_inflate() {
        for s in samples() {
            for (level, chunk) in [
                (1, usize::MAX),
                (6, usize::MAX),
                (9, 100),
                (0, usize::MAX),
                (0, 7),
            ] {
                let z = miniz(&s, level, CompressionStrategy::Fixed, chunk);
                // Fixed where it pays (miniz stores incompressible data).
                if level == 0 || (s.len() > 100 && s.is_ascii()) {
                    assert_eq!(z[0] >> 1 & 3, u8::from(level > 0), "block type");
                }
                assert_eq!(
                    decompress(&z, usize::MAX).unwrap(),
                    s,
                    "level {level} chunk {chunk}"
                );
            }
        }
    }

    #[test]
    fn miniz_dynamic_blocks_are_rejected() {
        let s = share_payload();
        let z = miniz(s.as_bytes(), 9, CompressionStrategy::Default, usize::MAX);
        assert_eq!(z[0] >> 1 & 3, 2, "miniz chose a dynamic block");
        assert_eq!(decompress(&z, usize::MAX), Err(InflateError::DynamicBlock));
    }

    #[test]
    fn share_payload_compresses() {
        let s = share_payload();
        assert!((500..600).contains(&s.len()), "{}", s.len());
        let z = compress(s.as_bytes());
        assert!(
            z.len() * 10 < s.len() * 7,
            "{} → {} bytes",
            s.len(),
            z.len()
        );
        // Our LZ77 should not fall far behind miniz's best on fixed codes.
        let m = miniz(s.as_bytes(), 9, CompressionStrategy::Fixed, usize::MAX);
        assert!(
            z.len() <= m.len() + m.len() / 10,
            "ours {} miniz {}",
            z.len(),
            m.len()
        );
        assert_eq!(compress(s.as_bytes()), z, "deterministic");
    }

    #[test]
    fn limit_is_respected() {
        let s = share_payload();
        let z = compress(s.as_bytes());
        assert_eq!(decompress(&z, s.len()).unwrap(), s.as_bytes());
        assert_eq!(decompress(&z, s.len() - 1), Err(InflateError::TooLong));
        assert_eq!(decompress(&z, 0), Err(InflateError::TooLong));
        let stored = miniz(s.as_bytes(), 0, CompressionStrategy::Default, usize::MAX);
        assert_eq!(decompress(&stored, 10), Err(InflateError::TooLong));
        // A tiny input that expands to 258 × 1000 bytes stops at the limit.
        let z = compress(&vec![b'x'; 258_000]);
        let out = decompress(&z, 1000);
        assert_eq!(out, Err(InflateError::TooLong));
        assert_eq!(decompress(&compress(b""), 0).unwrap(), b"");
    }

    #[test]
    fn bad_inputs_are_errors() {
        use InflateError::*;
        let z = compress(PAYLOAD.as_bytes());
        for cut in 0..z.len() {
            assert_eq!(
                decompress(&z[..cut], usize::MAX),
                Err(Truncated),
                "cut {cut}"
            );
        }
        assert_eq!(decompress(&[], 10), Err(Truncated));
        // Final bit, then block type 11.
        assert_eq!(decompress(&[0b111], 10), Err(ReservedBlock));
        assert_eq!(decompress(&[0b101], 10), Err(DynamicBlock));
        // Stored: LEN 1, NLEN not its complement; then a good one, cut short.
        assert_eq!(decompress(&[1, 1, 0, 0, 0, b'a'], 10), Err(StoredLength));
        assert_eq!(decompress(&[1, 1, 0, 0xfe, 0xff, b'a'], 10).unwrap(), b"a");
        assert_eq!(decompress(&[1, 2, 0, 0xfd, 0xff, b'a'], 10), Err(Truncated));
        // A non-final empty stored block, then nothing.
        assert_eq!(decompress(&[0, 0, 0, 0xff, 0xff], 10), Err(Truncated));

        let fixed = |f: &dyn Fn(&mut BitWriter)| {
            let mut w = BitWriter {
                out: Vec::new(),
                acc: 0,
                n: 0,
            };
            w.put(0b011, 3);
            f(&mut w);
            w.put_sym(256);
            w.put(0, 7);
            w.out
        };
        assert_eq!(
            decompress(&fixed(&|w| w.put_match(3, 1)), 10),
            Err(BadDistance)
        );
        let z = fixed(&|w| {
            w.put_sym(u32::from(b'a'));
            w.put_match(3, 2);
        });
        assert_eq!(decompress(&z, 10), Err(BadDistance));
        let z = fixed(&|w| {
            w.put_sym(u32::from(b'a'));
            w.put_match(4, 1);
        });
        assert_eq!(decompress(&z, 10).unwrap(), b"aaaaa");
        for sym in [286, 287] {
            let z = fixed(&|w| w.put_code(0xc0 + sym - 280, 8));
            assert_eq!(decompress(&z, 10), Err(InvalidCode), "symbol {sym}");
        }
        for code in [30, 31] {
            let z = fixed(&|w| {
                w.put_sym(u32::from(b'a'));
                w.put_sym(257);
                w.put_code(code, 5);
            });
            assert_eq!(decompress(&z, 10), Err(InvalidCode), "distance {code}");
        }
    }

    #[test]
    fn messages_are_french() {
        assert_eq!(
            InflateError::Truncated.to_string(),
            "données compressées tronquées"
        );
        assert!(InflateError::TooLong.to_string().contains("trop longues"));
    }

    /// ASCII text made of words drawn from a small set: repetitions at all
    /// distances, as in share payloads.
    fn text() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(
            prop_oneof![
                Just("oui;".to_owned()),
                Just("non;".to_owned()),
                Just("fon-qualite=".to_owned()),
                Just("comp-formation=".to_owned()),
                Just("#3".to_owned()),
                Just("*a,b".to_owned()),
                Just("?".to_owned()),
                "[a-z0-9=;,#*?-]{1,12}"
            ],
            0..400,
        )
        .prop_map(|words| words.concat().into_bytes())
    }

    proptest! {
        #[test]
        fn round_trip_bytes(data in prop::collection::vec(any::<u8>(), 0..3000)) {
            let z = compress(&data);
            prop_assert_eq!(decompress(&z, data.len()), Ok(data.clone()));
            prop_assert_eq!(decompress_to_vec(&z).unwrap(), data);
        }

        #[test]
        fn round_trip_text(data in text()) {
            let z = compress(&data);
            prop_assert_eq!(decompress(&z, data.len()), Ok(data.clone()));
            prop_assert_eq!(decompress_to_vec(&z).unwrap(), data);
        }

        #[test]
        fn arbitrary_bytes_never_panic(data in prop::collection::vec(any::<u8>(), 0..200), limit in 0usize..2000) {
            if let Ok(out) = decompress(&data, limit) {
                prop_assert!(out.len() <= limit);
                prop_assert!(out.capacity() <= limit);
            }
        }

        #[test]
        fn mutated_output_never_panics(data in text(), flip in any::<usize>(), limit in 0usize..5000) {
            let mut z = compress(&data);
            let bit = flip % (z.len() * 8);
            z[bit / 8] ^= 1 << (bit % 8);
            if let Ok(out) = decompress(&z, limit) {
                prop_assert!(out.len() <= limit);
            }
        }
    }
}
