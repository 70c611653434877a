//! Time expressions in the body (issue 5): recognition and TIMEX3 normalization of dates,
//! times, durations and sets relative to the document creation time, with anchoring.
//!
//! Pipeline per document: sentence words (`words`) → expressions and their meaning
//! (`recognize`) → the tense of each clause (`tense`) → the anchor of each expression (the
//! DCT, or the date of the quote it is in) → TIMEX3 values (`resolve`). `infer` estimates a
//! missing DCT. Whole-string date parsing for metadata (front matter, datelines, comment
//! stamps) lives in `calendar`; events are built from these expressions in `events`.

mod infer;
pub(crate) mod lexicon;
pub(crate) mod recognize;
pub(crate) mod resolve;
mod tense;
mod words;

pub(crate) use infer::infer_published;

use crate::model::{Quote, Span, TimeExpression};
use crate::pipeline::Doc;
use recognize::Found;
use resolve::{Context, Resolved};
use words::Word;

/// One expression found in a document, with what is needed to resolve it.
struct Candidate {
    span: Span,
    found: Found,
    sentence: usize,
    tense: tense::Tense,
    /// True when inside quotation marks (its anchor may be the quote's date).
    quoted: bool,
}

/// Finds and normalizes the time expressions of every document (byte offsets).
pub(crate) fn extract(docs: &[Doc], quotes: &[Quote]) -> Vec<TimeExpression> {
    let mut out = Vec::new();
    let quotes_by_doc = crate::pipeline::group_by_doc(quotes, |q| &q.doc);
    for doc in docs {
        let doc_quotes: Vec<Span> = quotes_by_doc
            .get(doc.document.id.as_str())
            .map_or(Vec::new(), |qs| qs.iter().map(|q| Span::new(q.start, q.end)).collect());
        let candidates = find(doc, &doc_quotes);
        let resolved = resolve_all(doc, &candidates);
        for (c, r) in candidates.iter().zip(resolved) {
            out.push(TimeExpression {
                doc: doc.document.id.clone(),
                start: c.span.start,
                end: c.span.end,
                text: doc.document.text.get(c.span.start..c.span.end).unwrap_or_default().to_string(),
                kind: c.found.kind,
                value: r.value,
                anchor: r.anchor.map(resolve::ymd),
            });
        }
    }
    out
}

/// Every expression of a document, in text order.
fn find(doc: &Doc, quote_spans: &[Span]) -> Vec<Candidate> {
    let analysis = &doc.analysis;
    let mut out = Vec::new();
    for (s, sentence) in analysis.sentences.iter().enumerate() {
        let words = words::of_sentence(analysis, sentence);
        let inside = quoted_words(&words);
        for found in recognize::scan(&words) {
            let (Some(first), Some(last)) = (words.get(found.first), words.get(found.last)) else { continue };
            let span = Span::new(first.start, last.end);
            let quoted =
                inside.get(found.first).copied().unwrap_or(false) || quote_spans.iter().any(|q| q.contains(span));
            let tense = tense::around(&words, found.first, found.last);
            out.push(Candidate { span, found, sentence: s, tense, quoted });
        }
    }
    out
}

/// For each word, whether it lies between quotation marks within its sentence.
fn quoted_words(words: &[Word]) -> Vec<bool> {
    let mut inside = false;
    words
        .iter()
        .map(|w| {
            match w.lower.as_str() {
                "“" => inside = true,
                "”" => inside = false,
                "\"" => inside = !inside,
                _ => {}
            }
            inside
        })
        .collect()
}

/// Resolves the expressions of one document: unquoted ones against the DCT (and the running
/// narrative), then quoted ones against the date their sentence gives the quote, if any.
fn resolve_all(doc: &Doc, candidates: &[Candidate]) -> Vec<Resolved> {
    let dct = doc.dct.map(|s| s.date);
    let mut resolved: Vec<Option<Resolved>> = vec![None; candidates.len()];
    let mut narrative = None;
    for (k, c) in candidates.iter().enumerate().filter(|(_, c)| !c.quoted) {
        let ctx = Context { anchor: dct, narrative, tense: c.tense };
        let r = resolve::resolve(&c.found.val, c.found.clock, &ctx);
        if c.found.val.is_day() && !c.found.bare_clock {
            narrative = r.day.or(narrative);
        }
        resolved[k] = Some(r);
    }
    for (k, c) in candidates.iter().enumerate().filter(|(_, c)| c.quoted) {
        let spoken = speech_date(candidates, &resolved, c.sentence);
        let anchor = spoken.or(dct);
        let ctx = Context { anchor, narrative: anchor, tense: c.tense };
        resolved[k] = Some(resolve::resolve(&c.found.val, c.found.clock, &ctx));
    }
    resolved.into_iter().map(|r| r.unwrap_or(Resolved { value: String::new(), anchor: None, day: None })).collect()
}

/// The day a quote in `sentence` was spoken, as the unquoted part of the sentence dates it
/// ("The mayor, speaking on June 4: “…”").
fn speech_date(candidates: &[Candidate], resolved: &[Option<Resolved>], sentence: usize) -> Option<jiff::civil::Date> {
    candidates
        .iter()
        .zip(resolved)
        .filter(|(c, _)| c.sentence == sentence && !c.quoted && c.found.val.is_day() && !c.found.bare_clock)
        .find_map(|(_, r)| r.as_ref().and_then(|r| r.day))
}
