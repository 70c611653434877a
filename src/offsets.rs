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
    // A record's map by its document's id. The records of one document come in runs, and its
    // mentions and expressions share one id in memory (an `Arc<str>` a document): the map
    // found last is taken again for the same string without hashing the id (some 60 bytes,
    // a file's path, in the bench). OK because no string of `extraction` is dropped or moved
    // while the offsets change, so an id at the same address, as long, is the same id; and
    // every record's `doc` is the id of one of the documents (see # Panics).
    let mut last: Option<(*const str, &CodePoints)> = None;
    let mut map = |doc: &str| match last {
        Some((id, m)) if std::ptr::eq(id, doc) => m,
        _ => {
            let m = &maps[doc];
            last = Some((doc, m));
            m
        }
    };
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
    /// Linear in the text's bytes; the ASCII of news text, most of it, is skipped sixteen bytes
    /// at a step natively (`crate::bytes::skip_ascii`, landing on the wide character's lead
    /// byte) and by words of eight, then a byte at a time, in the wasm (about 2 instructions a
    /// byte on 2 MB of news; decoding every character was about 9).
    pub(crate) fn new(text: &str) -> Self {
        // Record (byte offset after the char, extra bytes so far) at each multi-byte char,
        // whose length its lead byte gives (the text is UTF-8).
        let bytes = text.as_bytes();
        let mut wide_chars = Vec::new();
        let mut extra = 0;
        // Natively, the ASCII before the next wide character is skipped sixteen bytes at a step
        // (SSE2) and the scan lands on its lead byte; the wasm steps by words of eight below.
        #[cfg(target_arch = "x86_64")]
        let next = |i: usize| crate::bytes::skip_ascii(bytes, i);
        #[cfg(not(target_arch = "x86_64"))]
        let next = |i: usize| i;
        let mut i = next(0);
        while let Some(&lead) = bytes.get(i) {
            #[cfg(not(target_arch = "x86_64"))]
            if bytes.get(i..i + 8).is_some_and(|chunk| crate::bytes::word_le(chunk) & crate::bytes::HIGH_BITS == 0) {
                i += 8;
                continue;
            }
            let n = match lead {
                0xF0.. => 4,
                0xE0.. => 3,
                0xC0.. => 2,
                // ASCII (or, never at a character's start, a continuation byte).
                _ => 1,
            };
            if n > 1 {
                extra += n - 1;
                wide_chars.push((i + n, extra));
            }
            i = next(i + n);
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

    /// Characters of one to four bytes, alone, in runs, and across the eight- and
    /// sixteen-byte steps of the ASCII scan: every char boundary maps to its index among the
    /// characters.
    #[test]
    fn every_boundary_maps_to_its_character_index() {
        let pieces = ["a", "é", "“", "😀", "abcdefgh", "abcdefg", "ü😀", "\u{80}", "\u{7ff}", "\u{800}", "\u{ffff}"];
        let mut text = String::new();
        for round in 0..40 {
            text.push_str(pieces[round * 7 % pieces.len()]);
            text.push_str(&"x".repeat(round % 37));
        }
        let m = CodePoints::new(&text);
        for (cp, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(m.of(byte), cp, "byte {byte}");
        }
        assert_eq!(m.of(text.len()), text.chars().count());
        assert!(text.len() > text.chars().count() + 40);
    }

    /// Mentions of two documents whose maps differ, in runs and alternating, sharing their
    /// documents' ids in memory or holding copies of them: each takes its own document's map
    /// (the map found last is kept only for the same id).
    #[test]
    fn each_record_takes_its_own_documents_map() {
        use crate::model::{Document, Entity, EntityKind};
        use std::sync::Arc;
        let texts = [("wide", "“é” 😀 ab"), ("plain", "abcdefghijk")];
        let ids: Vec<Arc<str>> = texts.iter().map(|&(id, _)| Arc::from(id)).collect();
        let documents = texts
            .iter()
            .map(|&(id, text)| Document { id: id.into(), text: text.into(), ..Default::default() })
            .collect();
        // (document, byte offset) of each mention: runs of one document, then alternating,
        // then an id equal to the last one's but another string in memory.
        let places = [(0, 9), (0, 9), (1, 10), (1, 10), (0, 9), (1, 10), (0, 14), (1, 3)];
        let mention = |k: usize, (d, at): (usize, usize)| Mention {
            doc: if k == 7 { Arc::from(texts[d].0) } else { ids[d].clone() },
            start: at,
            end: at,
            text: String::new(),
        };
        let mentions = places.iter().enumerate().map(|(k, &p)| mention(k, p)).collect();
        let entity = Entity {
            id: "e1".into(),
            name: String::new(),
            kind: EntityKind::Person,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions,
        };
        let converted = to_code_points(Extraction { documents, entities: vec![entity], ..Default::default() });
        let starts: Vec<usize> = converted.entities[0].mentions.iter().map(|m| m.start).collect();
        let expected: Vec<usize> = places.iter().map(|&(d, at)| texts[d].1[..at].chars().count()).collect();
        assert_eq!(starts, expected);
        assert_eq!(expected, [4, 4, 10, 10, 4, 10, 6, 3]);
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
