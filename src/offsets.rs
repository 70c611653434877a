//! Byte offsets ↔ Unicode code-point offsets.
//!
//! The pipeline slices strings by byte; the contract speaks code points (what JavaScript's
//! `Array.from(text)` and Python's `str` index by). This module only converts; it is used once
//! per document, at the end of extraction ([`to_code_points`]).

use crate::model::{Extraction, Mention, Span};
use crate::text::FxHashMap;

/// Converts every byte offset of the pipeline's extraction into a code-point offset of the
/// contract. Linear in the texts and the records (one binary search per offset).
///
/// # Panics
/// If a record names a document that is not in `extraction.documents`; the pipeline makes
/// every record from one of its documents.
pub(crate) fn to_code_points(mut extraction: Extraction) -> Extraction {
    let maps: FxHashMap<String, CodePoints> =
        extraction.documents.iter().map(|d| (d.id.clone(), CodePoints::new(&d.text))).collect();
    // OK because every record's `doc` is the id of one of the documents (see # Panics).
    let map = |doc: &str| &maps[doc];
    for d in &mut extraction.documents {
        let m = map(&d.id);
        for p in &mut d.paragraphs {
            p.start = m.of(p.start);
            p.end = m.of(p.end);
        }
    }
    for q in &mut extraction.quotes {
        let m = map(&q.doc);
        q.start = m.of(q.start);
        q.end = m.of(q.end);
        if let Some(s) = &mut q.speaker_span {
            *s = m.span(*s);
        }
    }
    for e in &mut extraction.entities {
        for mention in &mut e.mentions {
            convert_mention(mention, map(&mention.doc));
        }
    }
    for t in &mut extraction.times {
        let m = map(&t.doc);
        t.start = m.of(t.start);
        t.end = m.of(t.end);
    }
    for ev in &mut extraction.events {
        for mention in &mut ev.mentions {
            convert_mention(mention, map(&mention.doc));
        }
    }
    extraction
}

fn convert_mention(mention: &mut Mention, m: &CodePoints) {
    mention.start = m.of(mention.start);
    mention.end = m.of(mention.end);
}

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
