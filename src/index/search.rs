//! Search matches for display: rescans the text of the documents that passed, in corpus order,
//! for the query's words, and returns code-point hit spans and sentence-sized snippets. Only
//! as many documents are scanned as the caps need, so the cost does not grow with the corpus.
//! It does not decide which documents pass (the inverted index does).

use super::filter::{Hit, Snippet};
use super::fold::{self, WordSpan};
use super::words::Terms;
use crate::model::Span;

/// At most this many hits over the whole selection.
pub const MAX_HITS: usize = 500;
/// Snippets are made for at most this many documents…
pub const MAX_SNIPPET_DOCS: usize = 100;
/// …with at most this many snippets each.
pub const MAX_SNIPPETS_PER_DOC: usize = 3;
/// How far (in characters) a snippet reaches before its first hit and after it, at most.
const CONTEXT_BEFORE: usize = 80;
const CONTEXT_AFTER: usize = 140;

/// Hits and snippets for the query in the given `(doc id, text)` pairs.
pub(crate) fn find<'a>(docs: impl Iterator<Item = (&'a str, &'a str)>, terms: &Terms) -> (Vec<Hit>, Vec<Snippet>) {
    let mut hits = Vec::new();
    let mut snippets = Vec::new();
    let mut snippet_docs = 0;
    let mut buf = String::new();
    for (doc, text) in docs {
        if hits.len() >= MAX_HITS && snippet_docs >= MAX_SNIPPET_DOCS {
            break;
        }
        let mut found: Vec<WordSpan> = Vec::new();
        fold::for_each_word(text, &mut buf, &mut |word, span| {
            if terms.matches_word(word) {
                found.push(span);
            }
        });
        if found.is_empty() {
            continue;
        }
        let room = MAX_HITS.saturating_sub(hits.len());
        hits.extend(found.iter().take(room).map(|s| Hit {
            doc: doc.to_string(),
            start: s.char_start,
            end: s.char_end,
        }));
        if snippet_docs < MAX_SNIPPET_DOCS {
            snippet_docs += 1;
            snippets.extend(snippets_of(doc, text, &found));
        }
    }
    (hits, snippets)
}

/// Up to [`MAX_SNIPPETS_PER_DOC`] windows, each covering the hits that fall inside it.
fn snippets_of(doc: &str, text: &str, found: &[WordSpan]) -> Vec<Snippet> {
    let mut out: Vec<Snippet> = Vec::new();
    let mut rest = found;
    while let Some(first) = rest.first() {
        if out.len() >= MAX_SNIPPETS_PER_DOC {
            break;
        }
        let (byte_start, char_start) = window_start(text, first);
        let (byte_end, char_end) = window_end(text, first);
        let inside = rest.iter().take_while(|h| h.byte_end <= byte_end).count().max(1);
        out.push(Snippet {
            doc: doc.to_string(),
            start: char_start,
            end: char_end,
            text: text[byte_start..byte_end].to_string(),
            hits: rest[..inside]
                .iter()
                .map(|h| Span::new(h.char_start - char_start, h.char_end - char_start))
                .collect(),
        });
        rest = &rest[inside..];
    }
    out
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Where a snippet around `hit` starts (byte, code point): the start of its sentence, or a
/// word boundary at most [`CONTEXT_BEFORE`] characters back.
fn window_start(text: &str, hit: &WordSpan) -> (usize, usize) {
    let mut chars = hit.char_start;
    let mut after_space = false;
    let mut last_space = None;
    let mut start = (0, 0);
    for (n, (i, c)) in text[..hit.byte_start].char_indices().rev().enumerate() {
        let after = (i + c.len_utf8(), chars);
        if c == '\n' || (is_sentence_end(c) && after_space) {
            start = after;
            break;
        }
        if n >= CONTEXT_BEFORE {
            start = last_space.unwrap_or(after);
            break;
        }
        after_space = c.is_whitespace();
        if after_space {
            last_space = Some(after);
        }
        chars -= 1;
    }
    // Skip the white space between the previous sentence and this one.
    let skipped = text[start.0..hit.byte_start].chars().take_while(|c| c.is_whitespace());
    skipped.fold(start, |(b, ch), c| (b + c.len_utf8(), ch + 1))
}

/// Where a snippet around `hit` ends: after its sentence's final mark, or at a word boundary
/// at most [`CONTEXT_AFTER`] characters on.
fn window_end(text: &str, hit: &WordSpan) -> (usize, usize) {
    let mut chars = hit.char_end;
    let mut last_space = None;
    for (n, (i, c)) in text[hit.byte_end..].char_indices().enumerate() {
        let before = (hit.byte_end + i, chars);
        if c == '\n' {
            return before;
        }
        if is_sentence_end(c) {
            return (before.0 + c.len_utf8(), chars + 1);
        }
        if n >= CONTEXT_AFTER {
            return last_space.unwrap_or(before);
        }
        if c.is_whitespace() {
            last_space = Some(before);
        }
        chars += 1;
    }
    (text.len(), chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn snippets_are_the_sentence_around_the_hits() {
        let text = "First “sentence” here. The café 😀 opened; the CAFE closed!\n\nAnother café line";
        let (hits, snippets) = find([("d", text)].into_iter(), &Terms::parse("cafe "));
        let hit_texts: Vec<String> = hits.iter().map(|h| slice(text, h.start, h.end)).collect();
        assert_eq!(hit_texts, ["café", "CAFE", "café"]);
        assert_eq!(snippets.len(), 2);
        assert_eq!(snippets[0].text, "The café 😀 opened; the CAFE closed!");
        assert_eq!(slice(text, snippets[0].start, snippets[0].end), snippets[0].text);
        let inner: Vec<String> = snippets[0].hits.iter().map(|h| slice(&snippets[0].text, h.start, h.end)).collect();
        assert_eq!(inner, ["café", "CAFE"]);
        assert_eq!(snippets[1].text, "Another café line");
    }

    #[test]
    fn long_sentences_are_cut_at_word_boundaries() {
        let words = "word ".repeat(60);
        let text = format!("{words}target {words}");
        let (_, snippets) = find([("d", text.as_str())].into_iter(), &Terms::parse("target"));
        let snippet = &snippets[0];
        assert!(snippet.text.starts_with("word ") && snippet.text.ends_with("word"), "{}", snippet.text);
        assert!(snippet.text.chars().count() <= CONTEXT_BEFORE + CONTEXT_AFTER + 10);
        assert_eq!(slice(&text, snippet.start, snippet.end), snippet.text);
    }
}
