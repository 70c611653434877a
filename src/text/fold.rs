//! Case and accent folding: the one normalization of words that every lookup goes through
//! (the token view's keys, the search index).
//!
//! A folded form is lowercase and without the accents of Latin letters (`Gdańsk` → `gdansk`,
//! `CAFÉ` → `cafe`, `Straße` → `strasse`); combining marks of decomposed text are dropped, and
//! other scripts are only lowercased. Accents are folded for Latin-1, Latin Extended-A and the
//! Romanian comma-below letters by a table. It does not stem or know any language.

/// Appends the lowercase, accent-free form of `c` to `out`.
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded = match c {
        'À'..='Å' | 'à'..='å' | '\u{100}'..='\u{105}' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | '\u{106}'..='\u{10d}' => "c",
        'Ð' | 'ð' | '\u{10e}'..='\u{111}' => "d",
        'È'..='Ë' | 'è'..='ë' | '\u{112}'..='\u{11b}' => "e",
        '\u{11c}'..='\u{123}' => "g",
        '\u{124}'..='\u{127}' => "h",
        'Ì'..='Ï' | 'ì'..='ï' | '\u{128}'..='\u{131}' => "i",
        '\u{132}' | '\u{133}' => "ij",
        '\u{134}' | '\u{135}' => "j",
        '\u{136}'..='\u{138}' => "k",
        '\u{139}'..='\u{142}' => "l",
        'Ñ' | 'ñ' | '\u{143}'..='\u{14b}' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | '\u{14c}'..='\u{151}' => "o",
        '\u{152}' | '\u{153}' => "oe",
        '\u{154}'..='\u{159}' => "r",
        'ß' => "ss",
        '\u{15a}'..='\u{161}' | '\u{17f}' | '\u{218}' | '\u{219}' => "s",
        '\u{162}'..='\u{167}' | '\u{21a}' | '\u{21b}' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü' | 'ù'..='ü' | '\u{168}'..='\u{173}' => "u",
        '\u{174}' | '\u{175}' => "w",
        'Ý' | 'ý' | 'ÿ' | '\u{176}'..='\u{178}' => "y",
        '\u{179}'..='\u{17e}' => "z",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// True for a combining diacritical mark (U+0300–U+036F), which folding drops.
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// Appends the key of one token to `out`: folded, with a typographic apostrophe written as
/// `'` (`It’s` → `it's`), so that word lists need one spelling of each form.
pub(crate) fn fold_token(token: &str, out: &mut String) {
    #[cfg(not(target_arch = "wasm32"))]
    if fold_short_ascii(token, out) {
        return;
    }
    if token.is_ascii() {
        // Most news text is ASCII: copied whole and lowercased in place, no char decoding.
        let start = out.len();
        out.push_str(token);
        // OK because `start` was the end of `out`, a char boundary.
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in token.chars() {
        match c {
            '’' | 'ʼ' => out.push('\''),
            c if is_combining_mark(c) => {}
            c => fold_char(c, out),
        }
    }
}

/// [`fold_token`] of a token of at most sixteen bytes, all ASCII (most tokens of news text),
/// natively: its bytes read as two little-endian words ([`crate::bytes::word_le`]), lowercased
/// in the words (eight bytes at a step: a byte from `A` to `Z` gains 0x20), and appended as one
/// block of sixteen cut back to the token's length: no `memcpy` call, no byte loops (the
/// standard library's ASCII check, copy and lowercasing took about 130 instructions a token,
/// some 75,000 tokens on 2 MB of news). False, with nothing written, for any other token. A
/// test compares it with the plain definition. The wasm keeps the plain one (its size).
#[cfg(not(target_arch = "wasm32"))]
#[inline]
fn fold_short_ascii(token: &str, out: &mut String) -> bool {
    use crate::bytes::{splat, word_le, HIGH_BITS};
    let bytes = token.as_bytes();
    if bytes.len() > 16 {
        return false;
    }
    let (low, high) = bytes.split_at(bytes.len().min(8));
    let (low, high) = (word_le(low), word_le(high));
    if (low | high) & HIGH_BITS != 0 {
        return false;
    }
    // Every byte is below 0x80, so adding 0x3F (0x25) to each sets its high bit exactly when
    // it is at least `A` (past `Z`), and no sum carries into the next byte.
    let lower = |w: u64| {
        let upper = w.wrapping_add(splat(0x80 - b'A')) & !w.wrapping_add(splat(0x80 - b'Z' - 1)) & HIGH_BITS;
        w | upper >> 2
    };
    let block = (u128::from(lower(low)) | u128::from(lower(high)) << 64).to_le_bytes();
    let kept = out.len() + bytes.len();
    // SAFETY: every byte of `block` is ASCII (the token's bytes, lowercased, then zeros), so
    // `out` stays UTF-8, and `kept` (after the token's bytes) is a char boundary to cut at.
    let out = unsafe { out.as_mut_vec() };
    out.extend_from_slice(&block);
    out.truncate(kept);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(token: &str) -> String {
        let mut out = String::new();
        fold_token(token, &mut out);
        out
    }

    /// [`fold_token`]'s plain definition: the ASCII check, copy and lowercasing of the standard
    /// library, or the fold of each character.
    fn plain(token: &str, out: &mut String) {
        if token.is_ascii() {
            out.push_str(&token.to_ascii_lowercase());
            return;
        }
        for c in token.chars() {
            match c {
                '’' | 'ʼ' => out.push('\''),
                c if is_combining_mark(c) => {}
                c => fold_char(c, out),
            }
        }
    }

    #[test]
    fn short_ascii_tokens_fold_as_the_plain_definition_does() {
        // Every ASCII byte at every place of tokens of every length up to twenty, in words of
        // letters and digits, and tokens with a byte past ASCII at every place; each appended
        // after an empty key, an ASCII one and one past ASCII.
        let mut tokens: Vec<String> = Vec::new();
        for len in 0..=20usize {
            let base: String = "aZmQ7x-Yk'Bz0@[`{".chars().cycle().skip(len).take(len).collect();
            tokens.push(base.clone());
            for at in 0..len {
                for b in 0..0x80u8 {
                    let mut t = base.clone().into_bytes();
                    t[at] = b;
                    tokens.push(String::from_utf8(t).unwrap_or_default());
                }
                for c in ['é', 'Ł', '’', '\u{301}', 'Ж'] {
                    let mut t: Vec<char> = base.chars().collect();
                    t[at] = c;
                    tokens.push(t.into_iter().collect());
                }
            }
        }
        for token in &tokens {
            for before in ["", "ab", "Ł"] {
                let (mut fast, mut by_plain) = (before.to_string(), before.to_string());
                fold_token(token, &mut fast);
                plain(token, &mut by_plain);
                assert_eq!(fast, by_plain, "{token:?} after {before:?}");
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let folded = tokens.iter().filter(|t| fold_short_ascii(t, &mut String::new())).count();
            assert!(folded > 10_000, "{folded} tokens by the fast path");
        }
    }

    #[test]
    fn tokens_fold_case_accents_and_apostrophes() {
        assert_eq!(key("Łódź"), "lodz");
        assert_eq!(key("It’s"), "it's");
        assert_eq!(key("SAID"), "said");
        assert_eq!(key("Cafe\u{301}"), "cafe");
        assert_eq!(key("Москва"), "москва");
        assert_eq!(key("“"), "“");
    }
}
