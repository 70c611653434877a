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

/// One token: 12 bytes (a document of short words holds about one token per three bytes of
/// text, so the layout is most of the token view's memory). Offsets are `u32`: the analysis
/// only cuts paragraphs that end below [`MAX_TEXT_BYTES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    start: u32,
    end: u32,
    /// The [`WordId`] in the low [`WORD_BITS`] bits; above them the kind (two bits) and
    /// whether the word is capitalized (the top bit).
    packed: u32,
}

/// Bits of [`Token::packed`] that hold the word id. The analysis cuts only text below
/// [`MAX_TEXT_BYTES`], so there are fewer tokens, and so fewer word types, than `2^WORD_BITS`.
const WORD_BITS: u32 = 29;
/// The analysis reads paragraphs that end at or below this offset (512 MiB; articles are
/// limited to 8 MiB long before), so every offset fits in a `u32` and every word id in its bits.
pub(crate) const MAX_TEXT_BYTES: usize = 1 << WORD_BITS;
const WORD_MASK: u32 = (1 << WORD_BITS) - 1;
const CAPITALIZED: u32 = 1 << 31;

impl Token {
    fn new(span: Span, kind: TokenKind, first: char) -> Self {
        let capitalized = kind == TokenKind::Word && first.is_uppercase();
        let kind_bits = match kind {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
        };
        // OK because the analysis tokenizes only spans that end below MAX_TEXT_BYTES.
        Token {
            start: span.start as u32,
            end: span.end as u32,
            packed: (kind_bits << WORD_BITS) | if capitalized { CAPITALIZED } else { 0 },
        }
    }

    /// The token of `span` whose text starts with `first`, of the kind the tokenizer gives it;
    /// `None` for white space, which starts no token (a kept view's tokens are made so).
    pub(super) fn of_first_char(span: Span, first: char) -> Option<Self> {
        let kind = match first {
            c if c.is_ascii_digit() => TokenKind::Number,
            c if c.is_alphanumeric() => TokenKind::Word,
            c if c.is_whitespace() => return None,
            _ => TokenKind::Punct,
        };
        Some(Token::new(span, kind, first))
    }

    /// Its byte span in the document text.
    #[inline]
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Its byte offset in the document text.
    #[inline]
    pub(crate) fn start(&self) -> usize {
        self.start as usize
    }

    /// The byte offset after it.
    #[inline]
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }

    #[inline]
    pub(crate) fn kind(&self) -> TokenKind {
        match (self.packed >> WORD_BITS) & 3 {
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

    pub(super) fn set_word(&mut self, word: WordId) {
        debug_assert!(word <= WORD_MASK);
        self.packed = (self.packed & !WORD_MASK) | (word & WORD_MASK);
    }
}

/// Abbreviations that keep their period. Lowercase; matched case-insensitively.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
    "rev", "fr", "st", "jr", "sr", "pres", "amb", "supt", "atty", "hon", "messrs", "mme", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
    "fri", "sat", "sun", "inc", "corp", "co", "ltd", "vs", "etc", "approx", "no", "nos", "vol", "dept", "univ", "ave",
    "blvd", "mt", "ft", "e.g", "i.e",
];

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐')
}

/// Appends the tokens of `text[span]` to `out`.
///
/// Scans by byte index: ASCII letters and digits, most of news text, join a token without
/// decoding a character; other characters are decoded where they start.
pub(crate) fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let bytes = s.as_bytes();
    let mut i = 0;
    // `i` is always a char boundary of `s`: it moves by whole characters or to a token's end.
    while let Some(c) = char_at(s, i) {
        // A space, the commonest character, is skipped without the character tests below.
        if c == ' ' {
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = span.start + i;
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            loop {
                // An ASCII letter or digit always joins.
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                // A space or a line break, which end most tokens, joins nothing: no test below
                // is needed for them.
                if matches!(bytes.get(end), Some(b' ' | b'\n')) {
                    break;
                }
                let Some(d) = char_at(s, end) else {
                    break;
                };
                let j = end;
                let joins_next = |k: usize| s[k..].chars().nth(1).is_some_and(|n| n.is_alphanumeric());
                let joins = d.is_alphanumeric()
                    || (is_joiner(d) && joins_next(j))
                    || (numeric
                        && matches!(d, ',' | '.' | ':' | '/' | '-')
                        && s[j..].chars().nth(1).is_some_and(|n| n.is_ascii_digit()));
                if !joins {
                    break;
                }
                end = j + d.len_utf8();
            }
            let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
            if kind == TokenKind::Word {
                end = extend_abbreviation(s, i, end);
            }
            push(out, Token::new(Span::new(start, span.start + end), kind, c), text.len());
            i = end;
        } else {
            push(out, Token::new(Span::new(start, start + c.len_utf8()), TokenKind::Punct, c), text.len());
            i += c.len_utf8();
        }
    }
}

/// The character starting at byte `i` of `s` (a char boundary), if any; an ASCII byte is
/// read without decoding.
#[inline]
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

fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        // OK because callers pass char boundaries; `get` keeps a wrong one from panicking.
        Some(_) => s.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
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
    if single_upper || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
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
    fn a_token_is_twelve_bytes_and_keeps_its_fields() {
        assert_eq!(std::mem::size_of::<Token>(), 12);
        let mut t = Token::new(Span::new(7, 12), TokenKind::Word, 'É');
        t.set_word(WORD_MASK);
        assert_eq!(
            (t.span(), t.kind(), t.capitalized(), t.word()),
            (Span::new(7, 12), TokenKind::Word, true, WORD_MASK)
        );
        let mut t = Token::new(Span::new(0, 1), TokenKind::Punct, '“');
        t.set_word(3);
        assert_eq!((t.kind(), t.capitalized(), t.word()), (TokenKind::Punct, false, 3));
        assert_eq!(Token::new(Span::new(0, 4), TokenKind::Number, '2').kind(), TokenKind::Number);
    }

    #[test]
    fn quotes_are_separate_tokens() {
        assert_eq!(tokens("“space,” he said"), ["“", "space", ",", "”", "he", "said"]);
        assert_eq!(tokens("the Russians’ plan"), ["the", "Russians", "’", "plan"]);
    }
}
