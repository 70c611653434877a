//! Byte offsets ↔ Unicode code-point offsets.
//!
//! The pipeline slices strings by byte; the contract speaks code points (what JavaScript's
//! `Array.from(text)` and Python's `str` index by). This module only converts; it is used once
//! per document, at the end of extraction.

use crate::model::Span;

/// Maps byte offsets of one text to code-point offsets.
pub(crate) struct CodePoints {
    /// Byte offset of every non-ASCII character; empty for ASCII text, where the maps agree.
    wide_chars: Vec<(usize, usize)>,
}

impl CodePoints {
    pub(crate) fn new(text: &str) -> Self {
        // Record (byte offset after the char, extra bytes so far) at each multi-byte char.
        let mut wide_chars = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide_chars.push((i + n, extra));
            }
        }
        CodePoints { wide_chars }
    }

    /// The code-point offset of byte offset `byte` (which must be on a char boundary).
    pub(crate) fn of(&self, byte: usize) -> usize {
        let k = self.wide_chars.partition_point(|&(after, _)| after <= byte);
        if k == 0 {
            byte
        } else {
            byte - self.wide_chars[k - 1].1
        }
    }

    pub(crate) fn span(&self, span: Span) -> Span {
        Span::new(self.of(span.start), self.of(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let m = CodePoints::new("plain text");
        assert_eq!(m.of(0), 0);
        assert_eq!(m.of(5), 5);
        assert_eq!(m.of(10), 10);
    }

    #[test]
    fn counts_code_points_after_wide_chars() {
        let text = "a “é” 😀 z";
        let m = CodePoints::new(text);
        for (cp, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(m.of(byte), cp, "byte {byte}");
        }
        assert_eq!(m.of(text.len()), text.chars().count());
    }
}
