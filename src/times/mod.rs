//! Time expressions in the body (issue 5): recognition and TIMEX3 normalization of dates,
//! times, durations and sets relative to the document creation time, with anchoring.
//!
//! Pipeline per document: sentence words (`words`) → expressions and their meaning
//! (`recognize`) → the tense of each clause (`tense`) → the anchor of each expression (the
//! DCT, or the date of the quote it is in) → TIMEX3 values (`resolve`). `infer` estimates a
//! missing DCT from the same scan, so a document is scanned once. Whole-string date parsing for metadata (front matter, datelines, comment
//! stamps) lives in `calendar`; events are built from these expressions in `events`.

mod infer;
pub(crate) mod lexicon;
pub(crate) mod recognize;
pub(crate) mod resolve;
mod tense;
mod words;

use crate::calendar::Stamp;
use crate::doc::Doc;
use crate::model::{Quote, Span, TimeExpression};
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

/// The time expressions of a corpus, and the creation times inferred for documents that
/// state none.
#[derive(Default)]
pub(crate) struct Times {
    pub expressions: Vec<TimeExpression>,
    /// Per document (in the order of the `docs` given): the inferred creation time, when the
    /// document had none and its text bounds one (see [`infer`]).
    pub inferred: Vec<Option<Stamp>>,
}

/// Finds and normalizes the time expressions of every document (byte offsets). Each
/// document is scanned once: a document without a creation time gets one inferred from that
/// same scan, and its relative expressions resolve against it.
pub(crate) fn extract(docs: &[Doc], quotes: &[Quote]) -> Times {
    let mut times = Times::default();
    let quotes_by_doc = crate::doc::group_by_doc(quotes, |q| &q.doc);
    for doc in docs {
        let doc_quotes = QuoteSpans::new(quotes_by_doc.get(doc.document.id.as_str()).map_or(&[][..], Vec::as_slice));
        let candidates = find(doc, &doc_quotes);
        let inferred = match doc.dct {
            Some(_) => None,
            None => infer::infer_published(doc.document, &candidates),
        };
        let dct = doc.dct.or(inferred).map(|s| s.date);
        let resolved = resolve_all(dct, &candidates);
        for (c, r) in candidates.iter().zip(resolved) {
            times.expressions.push(TimeExpression {
                doc: doc.document.id.clone(),
                start: c.span.start,
                end: c.span.end,
                text: doc.document.text.get(c.span.start..c.span.end).unwrap_or_default().to_string(),
                kind: c.found.kind,
                value: r.value,
                anchor: r.anchor.map(resolve::ymd),
            });
        }
        times.inferred.push(inferred);
    }
    times
}

/// The quotes of one document, to tell in O(log n) whether a span lies inside one.
struct QuoteSpans {
    /// Sorted by start.
    spans: Vec<Span>,
    /// `reach[k]`: the largest end among `spans[..=k]`.
    reach: Vec<usize>,
}

impl QuoteSpans {
    fn new(quotes: &[&Quote]) -> Self {
        let mut spans: Vec<Span> = quotes.iter().map(|q| Span::new(q.start, q.end)).collect();
        spans.sort();
        let reach = spans
            .iter()
            .scan(0, |max, s| {
                *max = (*max).max(s.end);
                Some(*max)
            })
            .collect();
        QuoteSpans { spans, reach }
    }

    /// True when some quote contains `span`.
    fn contain(&self, span: Span) -> bool {
        let starting_before = self.spans.partition_point(|q| q.start <= span.start);
        starting_before > 0 && self.reach[starting_before - 1] >= span.end
    }
}

/// Every expression of a document, in text order.
fn find(doc: &Doc, quotes: &QuoteSpans) -> Vec<Candidate> {
    let analysis = &doc.analysis;
    let mut out = Vec::new();
    let mut words = Vec::new();
    let bears_time = analysis.per_word(lexicon::bears_time);
    for (s, sentence) in analysis.sentences.iter().enumerate() {
        words::of_sentence(analysis, sentence, &bears_time, &mut words);
        let inside = quoted_words(&words);
        for found in recognize::scan(&words) {
            let (Some(first), Some(last)) = (words.get(found.first), words.get(found.last)) else {
                continue;
            };
            let span = Span::new(first.start, last.end);
            let quoted = inside.get(found.first).copied().unwrap_or(false) || quotes.contain(span);
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
            match w.lower {
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
fn resolve_all(dct: Option<jiff::civil::Date>, candidates: &[Candidate]) -> Vec<Resolved> {
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
/// ("The mayor, speaking on June 4: “…”"). Candidates are in sentence order, so the
/// sentence's own are found by binary search, not by a scan of the document.
fn speech_date(candidates: &[Candidate], resolved: &[Option<Resolved>], sentence: usize) -> Option<jiff::civil::Date> {
    let from = candidates.partition_point(|c| c.sentence < sentence);
    let to = candidates.partition_point(|c| c.sentence <= sentence);
    candidates[from..to]
        .iter()
        .zip(&resolved[from..to])
        .filter(|(c, _)| !c.quoted && c.found.val.is_day() && !c.found.bare_clock)
        .find_map(|(_, r)| r.as_ref().and_then(|r| r.day))
}
