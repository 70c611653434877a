//! Search normalization: splits text into words (runs of letters and digits) and folds each to
//! lowercase without accents (`Gdańsk` → `gdansk`, `CAFÉ` → `cafe`, `Straße` → `strasse`), with
//! both byte and code-point offsets of every word.
//!
//! The folding itself is the token view's ([`crate::text::fold`]), so a search word and a
//! token key of the same word are equal. It does not stem, drop stop words or know any language.

use crate::text::fold::{fold_char, is_combining_mark};

/// Where a word lies in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordSpan {
    pub byte_start: usize,
    pub byte_end: usize,
    pub char_start: usize,
    pub char_end: usize,
}

/// Calls `f(folded_word, span)` for every word of `text`, in order. `buf` is scratch space
/// (reused so that indexing megabytes allocates once). One compiled copy serves every caller
/// (through `dyn`): each reads few words through it (the index builder reads ASCII words
/// itself), and each generic copy weighed about 0.7 KB of wasm.
pub(crate) fn for_each_word(text: &str, buf: &mut String, f: &mut dyn FnMut(&str, WordSpan)) {
    buf.clear();
    let bytes = text.as_bytes();
    let mut start: Option<(usize, usize)> = None;
    let mut chars = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Most news text is ASCII: a run of ASCII letters and digits is copied and lowercased
        // as one slice (what `fold_char` makes of each of them), without a call per byte.
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if run > 0 {
            start.get_or_insert((i, chars));
            let from = buf.len();
            // OK because `i..i + run` holds ASCII bytes only, so both ends are char boundaries.
            buf.push_str(&text[i..i + run]);
            // OK because `buf` grew by those ASCII bytes, from a char boundary.
            buf[from..].make_ascii_lowercase();
            chars += run;
            i += run;
            continue;
        }
        let (c, len) = match bytes[i] {
            b if b.is_ascii() => (b as char, 1),
            _ => match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            },
        };
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
            start.get_or_insert((i, chars));
            fold_char(c, buf);
        } else if !(start.is_some() && is_combining_mark(c)) {
            if let Some((byte_start, char_start)) = start.take() {
                f(buf, WordSpan { byte_start, byte_end: i, char_start, char_end: chars });
                buf.clear();
            }
        }
        chars += 1;
        i += len;
    }
    if let Some((byte_start, char_start)) = start {
        f(buf, WordSpan { byte_start, byte_end: text.len(), char_start, char_end: chars });
    }
}

/// The folded words of `text`.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, &mut String::new(), &mut |word, _| out.push(word.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_latin_accents() {
        assert_eq!(
            words("Gdańsk CAFÉ Straße Łódź Ærø Øresund ȘTEFAN naïve"),
            ["gdansk", "cafe", "strasse", "lodz", "aero", "oresund", "stefan", "naive"]
        );
        // Decomposed accents (e + combining acute) fold the same way.
        assert_eq!(words("Cafe\u{301} Москва Ἀθῆναι"), ["cafe", "москва", "ἀθῆναι"]);
    }

    /// The words and spans of `text`, folding one char at a time (the splitter before its
    /// ASCII runs).
    fn one_char_at_a_time(text: &str) -> Vec<(String, WordSpan)> {
        let (mut out, mut buf, mut start, mut chars) = (Vec::new(), String::new(), None, 0);
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert((i, chars));
                fold_char(c, &mut buf);
            } else if !(start.is_some() && is_combining_mark(c)) {
                if let Some((byte_start, char_start)) = start.take() {
                    out.push((
                        std::mem::take(&mut buf),
                        WordSpan { byte_start, byte_end: i, char_start, char_end: chars },
                    ));
                }
            }
            chars += 1;
        }
        if let Some((byte_start, char_start)) = start {
            out.push((buf, WordSpan { byte_start, byte_end: text.len(), char_start, char_end: chars }));
        }
        out
    }

    #[test]
    fn ascii_runs_split_and_fold_as_single_chars_do() {
        let texts = [
            "",
            "A",
            "Hello, WORLD 42x",
            "Cafe\u{301}s and CAFÉS: naïve Ünïcode—Ab3ÉÉz",
            "x\u{301}\u{301}y ÆsIR Straße9 O'Neill 😀Zed😀",
            "\u{301}lead and trail\u{301}",
        ];
        for text in texts {
            let mut fast = Vec::new();
            for_each_word(text, &mut String::new(), &mut |w, span| fast.push((w.to_string(), span)));
            assert_eq!(fast, one_char_at_a_time(text), "{text}");
        }
    }

    #[test]
    fn words_split_on_punctuation_and_carry_code_point_offsets() {
        let text = "“Hi” 😀 it’s O'Neill—long-range 3,000";
        let mut seen = Vec::new();
        for_each_word(text, &mut String::new(), &mut |w, span| {
            assert_eq!(&text[span.byte_start..span.byte_end].chars().count(), &(span.char_end - span.char_start));
            seen.push((w.to_string(), span.char_start));
        });
        let expected = [
            ("hi", 1),
            ("it", 7),
            ("s", 10),
            ("o", 12),
            ("neill", 14),
            ("long", 20),
            ("range", 25),
            ("3", 31),
            ("000", 33),
        ];
        assert_eq!(seen, expected.map(|(w, at)| (w.to_string(), at)));
    }
}
