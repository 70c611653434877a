//! Front-coded word lists: sorted words, each stored as how much it shares with the word
//! before it and the rest, read back one word at a time. The generated tables' lists of a-z
//! words (written by `scripts/front_coding.py`) and the tagger's cluster words as `build.rs`
//! compiles them in are stored so.
//!
//! Each entry starts with one mark byte, the first mark plus how many leading bytes the entry
//! shares with the one before it; the rest of the entry runs to the next mark. The generated
//! tables' marks are `b'0'` to `b'?'` (their words are a-z); the cluster words' are `b'A'` to
//! `b'Z'` (their words are folded keys: lowercase, digits, punctuation). Sorted words share
//! long prefixes, and the page's LZMA-carried wasm holds them in less than as plain lines (the
//! names 1.9 KB less, the cluster words 1.4). It does not look words up: each list is read
//! once, into the table of the stage that uses it.

use std::ops::RangeInclusive;

/// The words of one front-coded list, in order.
pub(crate) struct FrontCoded<'a> {
    rest: &'a [u8],
    marks: RangeInclusive<u8>,
    word: Vec<u8>,
}

impl<'a> FrontCoded<'a> {
    /// A list of the generated tables (marks `b'0'..=b'?'`).
    pub(crate) fn new(table: &'a str) -> Self {
        FrontCoded::with_marks(table.as_bytes(), b'0'..=b'?')
    }

    /// A list whose marks are `marks` (no word holds a byte of that range).
    pub(crate) fn with_marks(bytes: &'a [u8], marks: RangeInclusive<u8>) -> Self {
        FrontCoded { rest: bytes, marks, word: Vec::with_capacity(32) }
    }

    /// The next word, or `None` after the last. (Not an `Iterator`: each word lives in one
    /// reused buffer.) A mark that shares more bytes than the word before has shares all of it.
    pub(crate) fn next_word(&mut self) -> Option<&[u8]> {
        let (&mark, rest) = self.rest.split_first()?;
        let end = rest.iter().position(|b| self.marks.contains(b)).unwrap_or(rest.len());
        let (suffix, rest) = rest.split_at(end);
        self.word.truncate(usize::from(mark.saturating_sub(*self.marks.start())));
        self.word.extend_from_slice(suffix);
        self.rest = rest;
        Some(&self.word)
    }

    /// Every word of a generated table's list, in order, as owned strings (the tests' reading).
    #[cfg(test)]
    pub(crate) fn words(table: &'a str) -> Vec<String> {
        let mut words = FrontCoded::new(table);
        let mut all = Vec::new();
        while let Some(word) = words.next_word() {
            // The lists are a-z words, so UTF-8 (a test of each list says so).
            all.push(std::str::from_utf8(word).unwrap_or_default().to_owned());
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mark_keeps_that_many_bytes_of_the_word_before() {
        assert_eq!(FrontCoded::words("0al2ice3e2an0bo"), ["al", "alice", "alie", "alan", "bo"]);
        assert!(FrontCoded::words("").is_empty());
        let mut keys = FrontCoded::with_marks(b"Ab.c.Eo.Cs", b'A'..=b'Z');
        let mut all = Vec::new();
        while let Some(word) = keys.next_word() {
            all.push(word.to_vec());
        }
        assert_eq!(all, [&b"b.c."[..], b"b.c.o.", b"b.s"]);
    }
}
