//! Front-coded word lists: sorted words, each stored as how much it shares with the word
//! before it and the rest, read back one word at a time. The generated tables' lists of a-z
//! words (written by `scripts/front_coding.py`) and the gazetteer's places (written by
//! `scripts/gen-gazetteer.py`) are stored so.
//!
//! Each entry starts with one mark byte, the first mark plus how many leading bytes the entry
//! shares with the one before it; the rest of the entry runs to the next mark. The a-z lists'
//! marks are `b'0'` to `b'?'`; the places' are control bytes (`0x01` to `0x1f`), one bit of
//! which flags the entry (a place that counts only written with a capital). Sorted words share
//! long prefixes, and the page's LZMA-carried wasm holds them in less than as plain lines (the
//! names 1.9 KB less, the places 0.8). It does not look words up: each list is read once, into
//! the table of the stage that uses it.

/// The words of one front-coded list, in order. `FLAGGED`: the places' kind of list (control
/// bytes as marks, `0x10` of a mark flagging its entry), else an a-z list (marks `b'0'` to
/// `b'?'`); each kind's marks are constants of its own code.
pub(crate) struct FrontCoded<'a, const FLAGGED: bool = false> {
    rest: &'a [u8],
    word: Vec<u8>,
    flagged: bool,
}

impl<'a> FrontCoded<'a> {
    /// A list of a-z words of the generated tables.
    pub(crate) fn new(table: &'a str) -> Self {
        FrontCoded { rest: table.as_bytes(), word: Vec::with_capacity(32), flagged: false }
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

impl<'a> FrontCoded<'a, true> {
    /// A list whose marks are control bytes and may flag their entries (the gazetteer's
    /// places). Its entries are whole characters of `table` (the generator shares only whole
    /// characters), so each word is UTF-8.
    pub(crate) fn flagged(table: &'a str) -> Self {
        FrontCoded { rest: table.as_bytes(), word: Vec::with_capacity(64), flagged: false }
    }
}

impl<'a, const FLAGGED: bool> FrontCoded<'a, FLAGGED> {
    /// The first and last mark (no entry holds one): for the places control bytes, for the a-z
    /// lists `b'0'` to `b'?'`.
    const FIRST_MARK: u8 = if FLAGGED { 0x01 } else { b'0' };
    const LAST_MARK: u8 = if FLAGGED { 0x1f } else { b'?' };
    /// The bit of a mark (less the first) that flags its entry: none in an a-z list; in the
    /// places `0x10`, so an entry shares at most 14 bytes (`0x1f` is the last mark).
    const FLAG: u8 = if FLAGGED { 0x10 } else { 0 };

    /// The next word, or `None` after the last. (Not an `Iterator`: each word lives in one
    /// reused buffer.) A mark that shares more bytes than the word before has shares all of it.
    pub(crate) fn next_word(&mut self) -> Option<&[u8]> {
        let (&mark, rest) = self.rest.split_first()?;
        let end = rest.iter().position(|b| (Self::FIRST_MARK..=Self::LAST_MARK).contains(b)).unwrap_or(rest.len());
        let (suffix, rest) = rest.split_at(end);
        let step = mark.saturating_sub(Self::FIRST_MARK);
        self.flagged = step & Self::FLAG != 0;
        self.word.truncate(usize::from(step & !Self::FLAG));
        self.word.extend_from_slice(suffix);
        self.rest = rest;
        Some(&self.word)
    }

    /// The word [`FrontCoded::next_word`] last gave (empty before the first).
    pub(crate) fn word(&self) -> &[u8] {
        &self.word
    }

    /// Whether the mark of the word [`FrontCoded::next_word`] last gave flags it (never in an
    /// a-z list).
    pub(crate) fn is_flagged(&self) -> bool {
        self.flagged
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

    #[test]
    fn a_flagged_list_marks_shares_and_flags_with_control_bytes() {
        // "Aba", "Abu Dhabi" (shares 2), "Åland=Aland" (flagged, shares 0), "Ålesund" (shares
        // 2 bytes: the one character "Å"), "0 the rest" (a digit is no mark here).
        let mut list = FrontCoded::flagged("\x01Aba\x03u Dhabi\x11Åland=Aland\x03lesund\x010 the rest");
        let mut read = Vec::new();
        while let Some(word) = list.next_word() {
            read.push((String::from_utf8(word.to_vec()).unwrap_or_default(), list.is_flagged()));
        }
        let expected =
            [("Aba", false), ("Abu Dhabi", false), ("Åland=Aland", true), ("Ålesund", false), ("0 the rest", false)];
        assert_eq!(read, expected.map(|(word, flagged)| (word.to_string(), flagged)));
    }
}
