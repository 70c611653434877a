//! Tokenizer: words (with inner apostrophes and hyphens), numbers (with inner `, . : / -`),
//! and single punctuation characters. Known abbreviations, initials and dotted acronyms keep
//! their period (`Mr.`, `M.`, `U.S.`), so the sentence splitter need not guess about them.

use super::vocabulary::WordId;
use crate::model::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Starts with a letter: `Lagarde`, `it’s`, `long-range`, `Mr.`, `U.S.`.
    Word,
    /// Starts with a digit: `2009`, `8:48`, `3,000`, `03/03/2009`, `1980s`.
    Number,
    /// One character that is neither letter nor digit nor white space.
    Punct,
}

/// One token: 8 bytes (a document of short words holds about one token per three bytes of
/// text, and one of brackets, `[a](`, one a byte, so the layout is most of the token view's
/// memory). The start is a `u32`: the analysis only cuts paragraphs that end below
/// [`MAX_TEXT_BYTES`]. The length fits in [`LENGTH_BITS`] bits because the tokenizer cuts a
/// longer run into tokens of at most [`MAX_TOKEN_BYTES`], and the word id in [`WORD_BITS`]
/// because the analysis stops before a type that would not fit (neither happens in text:
/// 8 MiB of distinct four-letter words hold 1.7 million types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    start: u32,
    /// The [`WordId`] in the low [`WORD_BITS`] bits; above them the length in bytes
    /// ([`LENGTH_BITS`]), the kind (two bits) and whether the word is capitalized (the top
    /// bit).
    packed: u32,
}

/// Bits of [`Token::packed`] that hold the word id: a document has at most [`MAX_WORD_TYPES`]
/// word types (see [`super::Analysis::new`]).
const WORD_BITS: u32 = 21;
/// The most word types a document's analysis reads: it stops at the first token of a type
/// beyond them (about 2.1 million; no article of the 8 MiB the files allow has so many).
pub(crate) const MAX_WORD_TYPES: usize = 1 << WORD_BITS;
/// Bits of [`Token::packed`] that hold the token's length in bytes.
const LENGTH_BITS: u32 = 8;
/// The longest token in bytes: a longer run of letters or digits is cut into tokens of at most
/// this length, at char boundaries.
pub(crate) const MAX_TOKEN_BYTES: usize = (1 << LENGTH_BITS) - 1;
/// The analysis reads paragraphs that end at or below this offset (512 MiB; articles are
/// limited to 8 MiB long before), so every offset fits in a `u32`.
pub(crate) const MAX_TEXT_BYTES: usize = 1 << 29;
const WORD_MASK: u32 = (1 << WORD_BITS) - 1;
const LENGTH_SHIFT: u32 = WORD_BITS;
const KIND_SHIFT: u32 = WORD_BITS + LENGTH_BITS;
const CAPITALIZED: u32 = 1 << 31;
const _: () = assert!(KIND_SHIFT + 2 == 31, "word, length, kind and capital fill the 32 bits");

impl Token {
    /// # Panics
    /// In debug builds, when `span` is empty or longer than [`MAX_TOKEN_BYTES`] (the tokenizer
    /// and the kept view's reader make no such token).
    fn new(span: Span, kind: TokenKind, first: char) -> Self {
        let capitalized = kind == TokenKind::Word && first.is_uppercase();
        let kind_bits = match kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        debug_assert!(span.start < span.end && span.end - span.start <= MAX_TOKEN_BYTES);
        // OK because the analysis tokenizes only spans that end below MAX_TEXT_BYTES, and
        // tokens are at most MAX_TOKEN_BYTES long (the mask keeps a longer one from spilling
        // into the kind).
        let length = (span.end - span.start) as u32 & ((1 << LENGTH_BITS) - 1);
        Token {
            start: span.start as u32,
            packed: (kind_bits << KIND_SHIFT) | (length << LENGTH_SHIFT) | if capitalized { CAPITALIZED } else { 0 },
        }
    }

    /// The token of `span` whose text starts with `first`, of the kind the tokenizer gives it;
    /// `None` for white space, which starts no token (a kept view's tokens are made so).
    /// `None` too for a span longer than [`MAX_TOKEN_BYTES`], which no token is.
    pub(super) fn of_first_char(span: Span, first: char) -> Option<Self> {
        if span.end.checked_sub(span.start)? > MAX_TOKEN_BYTES {
            return None;
        }
        let kind = match first {
            c if c.is_ascii_digit() => TokenKind::Number,
            c if is_alphanumeric(c) => TokenKind::Word,
            c if c.is_whitespace() => return None,
            _ => TokenKind::Punct,
        };
        Some(Token::new(span, kind, first))
    }

    /// Its byte span in the document text.
    #[inline]
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start(), self.end())
    }

    /// Its byte offset in the document text.
    #[inline]
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    /// The byte offset after it.
    #[inline]
    pub(crate) fn end(&self) -> usize {
        self.start as usize + ((self.packed >> LENGTH_SHIFT) & ((1 << LENGTH_BITS) - 1)) as usize
    }

    #[inline]
    pub(crate) fn kind(&self) -> TokenKind {
        match (self.packed >> KIND_SHIFT) & 3 {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            _ => TokenKind::Punct,
        }
    }

    /// True for a word that starts with an uppercase letter.
    #[inline]
    pub(crate) fn capitalized(&self) -> bool {
        self.packed & CAPITALIZED != 0
    }

    /// The token's type in its analysis's vocabulary (set by [`super::Analysis::new`]).
    #[inline]
    pub(crate) fn word(&self) -> WordId {
        self.packed & WORD_MASK
    }

    /// # Panics
    /// In debug builds, when `word` is [`MAX_WORD_TYPES`] or more (the analysis stops before
    /// such a type, and the kept view's reader rejects one).
    pub(super) fn set_word(&mut self, word: WordId) {
        debug_assert!(word <= WORD_MASK);
        self.packed = (self.packed & !WORD_MASK) | (word & WORD_MASK);
    }
}

/// Abbreviations that keep their period: lowercase, sorted by bytes (a test checks), and
/// matched case-insensitively by a binary search (see `is_abbreviation`).
const ABBREVIATIONS: &[&str] = &[
    "adm", "amb", "approx", "apr", "atty", "aug", "ave", "blvd", "capt", "cmdr", "co", "col", "corp", "dec", "dept",
    "dr", "e.g", "etc", "feb", "fr", "fri", "ft", "gen", "gov", "hon", "i.e", "inc", "jan", "jr", "jul", "jun", "lt",
    "ltd", "maj", "mar", "messrs", "mme", "mon", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "pres", "prof",
    "rep", "rev", "sat", "sen", "sep", "sept", "sgt", "sr", "st", "sun", "supt", "thu", "thur", "thurs", "tue", "tues",
    "univ", "vol", "vs", "wed",
];

/// The ASCII letters and digits, by byte: what `u8::is_ascii_alphanumeric` tells with three
/// range tests.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The length in bytes of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        if ABBREVIATIONS[k].len() > longest {
            longest = ABBREVIATIONS[k].len();
        }
        k += 1;
    }
    longest
};
const _: () = assert!(LONGEST_ABBREVIATION < 8, "an abbreviation and its length fit in one word");

/// A word of up to seven bytes as one `u64` ([`packed_word`]): its bytes from the highest byte
/// down, zero-padded, and its length in the lowest byte. Two words compare as their packings do
/// (the bytes decide before the length, which only tells a word from itself with zeros after).
const fn packed_word(bytes: [u8; 8], len: usize) -> u64 {
    // OK because callers pass a length of at most seven, below 256.
    (u64::from_be_bytes(bytes) & !0xff) | len as u64
}

/// [`ABBREVIATIONS`], each [`packed_word`], in the list's order (which is theirs: a test
/// checks): [`is_abbreviation`] searches them with one comparison a step instead of a slice
/// comparison (a call to `memcmp`).
const PACKED_ABBREVIATIONS: [u64; ABBREVIATIONS.len()] = {
    let mut packed = [0; ABBREVIATIONS.len()];
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        let word = ABBREVIATIONS[k].as_bytes();
        let mut bytes = [0u8; 8];
        let mut i = 0;
        while i < word.len() {
            bytes[i] = word[i];
            i += 1;
        }
        packed[k] = packed_word(bytes, word.len());
        k += 1;
    }
    packed
};

/// `c.is_alphanumeric()`, with the characters of the General Punctuation block (U+2000–U+206F:
/// curly quotes and apostrophes, dashes, the ellipsis, spaces of other widths), none of which
/// is a letter or a digit, told without a search of the standard library's Unicode tables:
/// news text's commonest characters past ASCII, where that search took some 500 instructions a
/// character (a test checks every character against the plain definition).
#[inline]
fn is_alphanumeric(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Appends the tokens of `text[span]` to `out`.
///
/// Scans by byte index: ASCII letters and digits, most of news text, open and join a token
/// without decoding a character, and a token that ends at an ASCII byte (a space, a comma)
/// ends without a character test; other characters are decoded where they start. A run of
/// ASCII letters or digits ended by a byte that cannot join it (most tokens of news text) and
/// a lone ASCII punctuation mark are cut by the loop here, with little state; every other token
/// ([`token_at`]) by the general rules. Cost: about six instructions a byte of a word, and
/// some forty a token.
pub(crate) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let bytes = s.as_bytes();
    let mut i = 0;
    // `i` is always a char boundary of `s`: it moves by whole characters or to a token's end.
    while let Some(&b) = bytes.get(i) {
        // A space, the commonest character, is skipped without the character tests below.
        if b == b' ' {
            i += 1;
            continue;
        }
        if ASCII_ALPHANUMERIC[usize::from(b)] {
            if let Some(end) = plain_run(bytes, i) {
                let kind = if b.is_ascii_digit() { TokenKind::Number } else { TokenKind::Word };
                push(out, Token::new(Span::new(span.start + i, span.start + end), kind, char::from(b)), text.len());
                i = end;
                continue;
            }
        } else if b.is_ascii() && !matches!(b, b'\'' | b'-') {
            // A mark that no rule joins to what follows (an apostrophe or a hyphen starts no
            // token either, but `token_at` keeps that rule in one place).
            let c = char::from(b);
            if !c.is_whitespace() {
                push(out, Token::new(Span::new(span.start + i, span.start + i + 1), TokenKind::Punct, c), text.len());
            }
            i += 1;
            continue;
        }
        match token_at(text, span, i, out) {
            Some(end) => i = end,
            None => break,
        }
    }
}

/// The end of the token at byte `i` of `bytes` (an ASCII letter or digit) when it is a plain
/// run: ASCII letters and digits, shorter than [`MAX_TOKEN_BYTES`], ended by the text's end or
/// an ASCII byte that neither joins a word or number (an apostrophe, a hyphen, a number's
/// separator) nor may make it an abbreviation (a period). `None` for any other token, which
/// [`token_at`] cuts.
#[inline]
fn plain_run(bytes: &[u8], i: usize) -> Option<usize> {
    let limit = i + MAX_TOKEN_BYTES;
    let end = match ascii_alphanumeric_run(bytes, i + 1) {
        Some(run) => i + 1 + run,
        None => {
            // OK because `i < bytes.len()`: `i + 1 <= stop`; `get` keeps a wrong bound from
            // panicking.
            let run = bytes.get(i + 1..limit.min(bytes.len())).unwrap_or_default();
            i + 1 + run.iter().position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)]).unwrap_or(run.len())
        }
    };
    if end >= limit {
        return None;
    }
    let Some(&d) = bytes.get(end) else {
        return Some(end);
    };
    // OK because `i < end`, so `bytes[i]` exists.
    let numeric = bytes[i].is_ascii_digit();
    let joins = matches!(d, b'\'' | b'-' | b'.') || (numeric && matches!(d, b',' | b':' | b'/'));
    (d.is_ascii() && !joins).then_some(end)
}

/// How many of the sixteen bytes from `from` are ASCII letters or digits before the first that
/// is not, when one of them is not (`None` when they all are, or fewer than sixteen are left):
/// natively one SSE2 test of the sixteen (every x86-64 processor has SSE2), about a dozen
/// instructions where the table loop takes six a byte; in the wasm the same test in simd128.
#[inline]
fn ascii_alphanumeric_run(bytes: &[u8], from: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        };
        let chunk = bytes.get(from..)?.first_chunk::<16>()?;
        // A byte `c` is in `lo..lo + n` when `c - lo - 128 < n - 128` as signed bytes.
        let in_range = |v, lo: u8, n: u8| {
            // SAFETY: SSE2 intrinsics on registers only.
            unsafe {
                _mm_cmplt_epi8(
                    _mm_add_epi8(v, _mm_set1_epi8((lo ^ 0x80).wrapping_neg() as i8)),
                    _mm_set1_epi8((n ^ 0x80) as i8),
                )
            }
        };
        // SAFETY: the load reads the sixteen bytes of `chunk` (unaligned); the rest are SSE2
        // intrinsics on registers.
        let alphanumeric = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            // `| 0x20` makes an uppercase ASCII letter lowercase, and no other byte a letter.
            let letters = in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', 26);
            _mm_movemask_epi8(_mm_or_si128(letters, in_range(v, b'0', 10))) as u32
        };
        let others = !alphanumeric & 0xffff;
        (others != 0).then(|| others.trailing_zeros() as usize)
    }
    // The same test in the wasm's 128-bit SIMD (simd128, which .cargo/config.toml enables):
    // unsigned compares, so no bias is needed.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::{u8x16_bitmask, u8x16_lt, u8x16_splat, u8x16_sub, v128_load, v128_or};
        let chunk = bytes.get(from..)?.first_chunk::<16>()?;
        // A byte `c` is in `lo..lo + n` when `c - lo` (wrapping) is below `n`.
        let in_range = |v, lo: u8, n: u8| u8x16_lt(u8x16_sub(v, u8x16_splat(lo)), u8x16_splat(n));
        // SAFETY: the load reads the sixteen bytes of `chunk` (unaligned loads are allowed).
        let v = unsafe { v128_load(chunk.as_ptr().cast()) };
        // `| 0x20` makes an uppercase ASCII letter lowercase, and no other byte a letter.
        let letters = in_range(v128_or(v, u8x16_splat(0x20)), b'a', 26);
        let alphanumeric = u32::from(u8x16_bitmask(v128_or(letters, in_range(v, b'0', 10))));
        let others = !alphanumeric & 0xffff;
        (others != 0).then(|| others.trailing_zeros() as usize)
    }
    #[cfg(not(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128"))))]
    {
        let _ = (bytes, from);
        None
    }
}

/// Cuts the token that starts at byte `i` of `text[span]` (a char boundary, not a space) by the
/// general rules, appends it to `out` (white space makes none), and gives the byte after it;
/// `None` when `i` is no char boundary (no caller passes one).
fn token_at(text: &str, span: Span, i: usize, out: &mut Vec<Token>) -> Option<usize> {
    let s = &text[span.start..span.end];
    let bytes = s.as_bytes();
    // OK because the caller read the byte at `i`.
    let b = bytes[i];
    let (c, alphanumeric) = if b.is_ascii() {
        (char::from(b), ASCII_ALPHANUMERIC[usize::from(b)])
    } else {
        let c = char_at(s, i)?;
        (c, is_alphanumeric(c))
    };
    let start = span.start + i;
    if !alphanumeric {
        if !c.is_whitespace() {
            push(out, Token::new(Span::new(start, start + c.len_utf8()), TokenKind::Punct, c), text.len());
        }
        return Some(i + c.len_utf8());
    }
    let numeric = c.is_ascii_digit();
    let mut end = i + c.len_utf8();
    // A longer run is cut here (see `MAX_TOKEN_BYTES`); its rest starts the next token.
    let limit = i + MAX_TOKEN_BYTES;
    // The run's ASCII letters and digits are read up to here.
    let stop = limit.min(bytes.len());
    loop {
        // An ASCII letter or digit always joins: one table load a byte, over a slice
        // whose bounds are checked once (this loop reads most bytes of the text).
        // OK because `end <= stop` here: it starts one character past `i` and grows
        // only to characters that end by `limit`; `get` keeps a wrong bound from
        // panicking.
        let run = bytes.get(end..stop).unwrap_or_default();
        end += run.iter().position(|&b| !ASCII_ALPHANUMERIC[usize::from(b)]).unwrap_or(run.len());
        if end >= limit {
            break;
        }
        // The run stopped at an ASCII byte that is no letter or digit (or at the text's
        // end): only an apostrophe or a hyphen, or a number's separator, can join, and a
        // space, a line break or a comma after a word, which end most tokens, need no
        // character test.
        match bytes.get(end) {
            None => break,
            Some(b'\'' | b'-') => {}
            Some(b',' | b'.' | b':' | b'/') if numeric => {}
            Some(&d) if d.is_ascii() => break,
            Some(_) => {}
        }
        let Some(d) = char_at(s, end) else {
            break;
        };
        let j = end;
        let joins_next = |k: usize| s[k..].chars().nth(1).is_some_and(is_alphanumeric);
        let joins = is_alphanumeric(d)
            || (is_joiner(d) && joins_next(j))
            || (numeric
                && matches!(d, ',' | '.' | ':' | '/' | '-')
                && s[j..].chars().nth(1).is_some_and(|n| n.is_ascii_digit()));
        if !joins || j + d.len_utf8() > limit {
            break;
        }
        end = j + d.len_utf8();
    }
    let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
    // Only a word before a period can be an abbreviation.
    if kind == TokenKind::Word && bytes.get(end) == Some(&b'.') {
        end = Some(extend_abbreviation(s, i, end)).filter(|&e| e <= limit).unwrap_or(end);
    }
    push(out, Token::new(Span::new(start, span.start + end), kind, c), text.len());
    Some(end)
}

/// [`tokenize_into`] without its plain runs and marks: every token cut by [`token_at`] (the
/// tests compare the two).
#[cfg(test)]
fn tokenize_by_rules(text: &str, span: Span, out: &mut Vec<Token>) {
    let bytes = &text.as_bytes()[span.start..span.end];
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b' ' {
            i += 1;
            continue;
        }
        match token_at(text, span, i, out) {
            Some(end) => i = end,
            None => break,
        }
    }
}

/// Pushes `token` to `out`, whose tokens end at most at `text_len`. A full `out` grows to what
/// the rest of the text needs at the density of tokens so far (and an eighth more), not to
/// twice its size: the page's wasm allocator cannot grow a large block in place, so each
/// doubling left the previous buffer behind as a hole no larger vector fits (unclosed `[a](`,
/// a token a byte: 27.6 MiB of linear memory for 9.6 MB of tokens).
fn push(out: &mut Vec<Token>, token: Token, text_len: usize) {
    if out.len() == out.capacity() {
        let done = token.end().max(1);
        let rest = text_len.saturating_sub(done);
        // In u64: wasm's usize would overflow on a few megabytes.
        let more = (out.len() as u64 * rest as u64 / done as u64) as usize;
        out.reserve_exact(more.saturating_add(more / 8).max(64));
    }
    out.push(token);
}

/// The character starting at byte `i` of `s` (a char boundary), if any; an ASCII byte is
/// read without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        // OK because callers pass char boundaries; `get` keeps a wrong one from panicking.
        Some(_) => s.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// True when `word` is one of [`ABBREVIATIONS`], in any ASCII case: its lowercase, packed in
/// one word ([`packed_word`]), is searched for in [`PACKED_ABBREVIATIONS`] (about seven
/// comparisons of two integers; a search of the list by slices took some 230 instructions a
/// word before a period, nearly all in calls to `memcmp`).
fn is_abbreviation(word: &str) -> bool {
    let n = word.len();
    // A longer word is none of them.
    if n > LONGEST_ABBREVIATION {
        return false;
    }
    let mut lower = crate::bytes::word_le(word.as_bytes()).to_le_bytes();
    lower.make_ascii_lowercase();
    PACKED_ABBREVIATIONS.binary_search(&packed_word(lower, n)).is_ok()
}

/// If the word `s[start..end]` is an abbreviation, initial or dotted acronym followed by a
/// period, returns the end including its period(s); otherwise `end`.
fn extend_abbreviation(s: &str, start: usize, end: usize) -> usize {
    if !s[end..].starts_with('.') {
        return end;
    }
    let word = &s[start..end];
    // Dotted acronyms and initials: U.S., U.N., A.B.C., M.
    let mut k = end;
    let mut letters = 1;
    while s[k..].starts_with('.') {
        let rest = &s[k + 1..];
        let mut it = rest.chars();
        match (it.next(), it.next()) {
            (Some(a), Some('.')) if a.is_alphabetic() && word.chars().count() == 1 => {
                k += 1 + a.len_utf8();
                letters += 1;
            }
            _ => break,
        }
    }
    if letters > 1 {
        return k + 1;
    }
    let single_upper = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // A longer word is none of them: most words before a period are turned down without
    // the walk over the list.
    let listed = is_abbreviation(word);
    if single_upper || listed {
        end + 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize_into(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|t| &text[t.start()..t.end()]).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            tokens("It’s 8:48 am, March 3, 2009; 3,000 long-range missiles."),
            ["It’s", "8:48", "am", ",", "March", "3", ",", "2009", ";", "3,000", "long-range", "missiles", "."]
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            tokens("Mr. Hale, Robert M. Smith and the U.S. envoy on Jan. 14."),
            ["Mr.", "Hale", ",", "Robert", "M.", "Smith", "and", "the", "U.S.", "envoy", "on", "Jan.", "14", "."]
        );
    }

    #[test]
    fn a_token_is_eight_bytes_and_keeps_its_fields() {
        assert_eq!(std::mem::size_of::<Token>(), 8);
        let mut t = Token::new(Span::new(7, 12), TokenKind::Word, 'É');
        t.set_word(WORD_MASK);
        assert_eq!(
            (t.span(), t.kind(), t.capitalized(), t.word()),
            (Span::new(7, 12), TokenKind::Word, true, WORD_MASK)
        );
        let far = MAX_TEXT_BYTES - MAX_TOKEN_BYTES;
        let mut t = Token::new(Span::new(far, MAX_TEXT_BYTES), TokenKind::Number, '7');
        t.set_word(0);
        assert_eq!(
            (t.span(), t.kind(), t.capitalized(), t.word()),
            (Span::new(far, MAX_TEXT_BYTES), TokenKind::Number, false, 0)
        );
        assert_eq!(Token::of_first_char(Span::new(0, MAX_TOKEN_BYTES + 1), 'a'), None);
        let mut t = Token::new(Span::new(0, 1), TokenKind::Punct, '“');
        t.set_word(3);
        assert_eq!((t.kind(), t.capitalized(), t.word()), (TokenKind::Punct, false, 3));
        assert_eq!(Token::new(Span::new(0, 4), TokenKind::Number, '2').kind(), TokenKind::Number);
    }

    #[test]
    fn a_run_longer_than_a_token_is_cut_at_char_boundaries() {
        // Letters of one and two bytes, joiners, digits with separators, and a dotted run.
        for run in ["a".repeat(1000), "é".repeat(300), "ab-".repeat(200) + "c", "1,0".repeat(200), "A.".repeat(200)] {
            let text = format!("“{run}” said Xu.");
            let pieces = tokens(&text);
            assert!(pieces.iter().all(|p| !p.is_empty() && p.len() <= MAX_TOKEN_BYTES), "{pieces:?}");
            assert_eq!(pieces[pieces.len() - 3..], ["said", "Xu", "."]);
            // Nothing of the run is lost: its tokens and the spaces between them make it up.
            let inner: String = pieces[1..pieces.len() - 4].concat();
            assert_eq!(inner, run.replace(' ', ""));
        }
        assert_eq!(tokens(&"a".repeat(MAX_TOKEN_BYTES)).len(), 1);
        assert_eq!(tokens(&"a".repeat(MAX_TOKEN_BYTES + 1)), ["a".repeat(MAX_TOKEN_BYTES), "a".to_string()]);
    }

    #[test]
    fn alphanumeric_is_the_standard_librarys() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        // The block answered without the tables holds punctuation only.
        assert!(('\u{2000}'..='\u{206f}').all(|c| !c.is_alphanumeric()));
        assert!(['’', '“', '—', '…'].iter().all(|&c| !is_alphanumeric(c)) && is_alphanumeric('é'));
    }

    #[test]
    fn abbreviations_are_found_in_any_case_and_nothing_else_is() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()), "sorted, each once");
        let mut words: Vec<String> = ABBREVIATIONS.iter().map(|a| a.to_string()).collect();
        words.extend(ABBREVIATIONS.iter().map(|a| a.to_uppercase()));
        words.extend(ABBREVIATIONS.iter().map(|a| a[..1].to_uppercase() + &a[1..]));
        words.extend(ABBREVIATIONS.iter().map(|a| a[1..].to_string()));
        words.extend(ABBREVIATIONS.iter().map(|a| format!("{a}x")));
        words.extend(
            ["", "a", "z", "mrx", "messrsx", "Łódź", "dé", "DR\u{301}", "co\0", "\0co", "e.g.", "I.E"]
                .map(String::from),
        );
        // Every word of one to three of these bytes, in both cases: each abbreviation of up to
        // three letters, its neighbours in the search's order, and words with a zero after.
        let bytes = b"abcdefghijklmnopqrstuvwxyzST.\0\xc3";
        for a in bytes {
            for b in bytes {
                words.push(String::from_utf8_lossy(&[*a, *b]).into_owned());
                for c in b"osrtnAgO.\0" {
                    words.push(String::from_utf8_lossy(&[*a, *b, *c]).into_owned());
                }
            }
        }
        assert!(PACKED_ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]), "packed in the list's order");
        for word in &words {
            let linear = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
            assert_eq!(is_abbreviation(word), linear, "{word:?}");
        }
    }

    #[test]
    fn sixteen_bytes_are_tested_as_the_table_tests_them() {
        for b in 0..=255u8 {
            for at in 0..16 {
                let mut bytes = *b"xA7zQ09azAZ1b2c3Mm";
                bytes[1 + at] = b;
                let by_table = ASCII_ALPHANUMERIC[usize::from(b)];
                let run = ascii_alphanumeric_run(&bytes, 1);
                if cfg!(any(target_arch = "x86_64", all(target_arch = "wasm32", target_feature = "simd128"))) {
                    assert_eq!(run, (!by_table).then_some(at), "byte {b} at {at}");
                } else {
                    assert_eq!(run, None);
                }
            }
        }
        // Fewer than sixteen bytes left: the table's loop reads them.
        assert_eq!(ascii_alphanumeric_run(b"abc def", 0), None);
    }

    #[test]
    fn plain_runs_and_marks_are_cut_as_the_rules_cut_them() {
        // Texts made of pieces that end, join or extend a token in every way the rules know,
        // next to one another in a deterministic shuffle.
        let long = "a".repeat(MAX_TOKEN_BYTES - 1);
        let pieces = [
            "a",
            "Z",
            "7",
            "0",
            "ab",
            "12",
            " ",
            "  ",
            "'",
            "’",
            "-",
            "‐",
            ".",
            ",",
            ":",
            "/",
            ";",
            "é",
            "Ł",
            "\n",
            "\t",
            "\u{b}",
            "\r",
            "\0",
            "“",
            "”",
            "Mr",
            "U",
            ".S",
            "e.g",
            "3,000",
            "—",
            "x7",
            long.as_str(),
            "A.",
        ];
        let mut shuffle = crate::shuffle::Shuffle::new();
        let mut next = |n: usize| shuffle.below(n);
        let mut texts: Vec<String> = pieces.iter().map(|p| p.to_string()).collect();
        for _ in 0..20_000 {
            let n = next(12);
            texts.push((0..n).map(|_| pieces[next(pieces.len())]).collect());
        }
        let mut cut = 0;
        for text in &texts {
            let (mut fast, mut by_rules) = (Vec::new(), Vec::new());
            tokenize_into(text, Span::new(0, text.len()), &mut fast);
            tokenize_by_rules(text, Span::new(0, text.len()), &mut by_rules);
            assert_eq!(fast, by_rules, "{text:?}");
            cut += fast.len();
        }
        assert!(cut > 50_000, "{cut} tokens");
    }

    #[test]
    fn quotes_are_separate_tokens() {
        assert_eq!(tokens("“space,” he said"), ["“", "space", ",", "”", "he", "said"]);
        assert_eq!(tokens("the Russians’ plan"), ["the", "Russians", "’", "plan"]);
    }
}
