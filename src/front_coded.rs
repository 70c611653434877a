//! Front-coded word lists: sorted words, each stored as how much it shares with the word
//! before it and the rest, read back one word at a time. The generated tables' lists of a-z
//! words (written by `scripts/front_coding.py`) are stored so.
//!
//! Each entry starts with one mark byte, the first mark plus how many leading bytes the entry
//! shares with the one before it; the rest of the entry runs to the next mark. The generated
//! tables' marks are `b'0'` to `b'?'` (their words are a-z). Sorted words share long prefixes,
//! and the page's LZMA-carried wasm holds them in less than as plain lines (the names 1.9 KB
//! less). It does not look words up: each list is read once, into the table of the stage that
//! uses it.

use std::ops::RangeInclusive;

/// The mark bytes (no word holds one).
const MARKS: RangeInclusive<u8> = b'0'..=b'?';

/// The words of one front-coded list, in order.
pub(crate) struct FrontCoded<'a> {
    rest: &'a [u8],
    word: Vec<u8>,
}

impl<'a> FrontCoded<'a> {
    /// A list of the generated tables.
    pub(crate) fn new(table: &'a str) -> Self {
        FrontCoded { rest: table.as_bytes(), word: Vec::with_capacity(32) }
    }

    /// The next word, or `None` after the last. (Not an `Iterator`: each word lives in one
    /// reused buffer.) A mark that shares more bytes than the word before has shares all of it.
    pub(crate) fn next_word(&mut self) -> Option<&[u8]> {
        let (&mark, rest) = self.rest.split_first()?;
        let end = rest.iter().position(|b| MARKS.contains(b)).unwrap_or(rest.len());
        let (suffix, rest) = rest.split_at(end);
        self.word.truncate(usize::from(mark.saturating_sub(*MARKS.start())));
        self.word.extend_from_slice(suffix);
        self.rest = rest;
        Some(&self.word)
    }

    /// The word [`FrontCoded::next_word`] last gave (empty before the first).
    pub(crate) fn word(&self) -> &[u8] {
        &self.word
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
    }
}
