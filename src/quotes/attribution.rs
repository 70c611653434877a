//! Attribution clauses: the speech verb and speaker phrase that introduce or follow a quote
//! (`“…,” X said` / `“…,” said X` / `X said, “…”` / `X told Y that “…”` / `according to X`),
//! and the same clauses around reported speech outside quotes (`X said the plan…`), which
//! tell who spoke last.
//!
//! A quote's clause is searched only in its own sentence: after the closing mark up to the end
//! of the sentence or the next quote, and before the opening mark back to the sentence start or
//! the previous quote. It does not resolve pronouns or link entities.

use super::phrases::{subject_after, subject_before, Phrase, Words};
use super::verbs::never_inverts;
use crate::model::Span;

/// Which side of the quote the clause is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Before,
    After,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Attribution {
    pub phrase: Phrase,
    /// The speech verb (or `according`).
    pub cue: Span,
    /// Token index of the cue.
    pub cue_token: usize,
    pub side: Side,
}

/// The tokens of a quote: its opening and closing marks (or its last token when unclosed).
#[derive(Clone, Copy, Debug)]
pub(crate) struct QuoteTokens {
    pub open: usize,
    pub close: usize,
    pub paragraph: Span,
}

/// Tokens that end a clause search.
const TERMINALS: &[char] = &['.', '!', '?', ';', '…'];

/// The sentence tokens before the quote: `lo..quote.open`.
pub(crate) fn left_start(w: &Words, in_quote: &[bool], q: QuoteTokens) -> usize {
    let mut lo = q.open;
    while lo > 0 {
        let t = lo - 1;
        if in_quote[t] || w.a.tokens[t].span.start < q.paragraph.start || w.is_punct(t, TERMINALS) {
            break;
        }
        lo = t;
    }
    lo
}

/// The sentence tokens after the quote: `quote.close + 1..hi`.
pub(crate) fn right_end(w: &Words, in_quote: &[bool], q: QuoteTokens) -> usize {
    let mut hi = q.close + 1;
    while hi < w.a.tokens.len() {
        if in_quote[hi] || w.a.tokens[hi].span.start >= q.paragraph.end || w.is_punct(hi, TERMINALS) {
            break;
        }
        hi += 1;
    }
    hi
}

/// The clause attributing the quote whose inner text is `inner`, or None.
pub(crate) fn for_quote(w: &Words, in_quote: &[bool], q: QuoteTokens, inner: &str) -> Option<Attribution> {
    let lo = left_start(w, in_quote, q);
    let hi = right_end(w, in_quote, q);
    let last = inner.trim_end().chars().next_back();
    let comma_outside = q.close + 1 < hi && w.is_punct(q.close + 1, &[',']);
    let invites_after = comma_outside || matches!(last, Some(',' | '?' | '!' | '—' | '–' | '-' | '…' | ':'));
    let ends_sentence = matches!(last, Some('.'));
    if invites_after {
        after_quote(w, q.close + 1, hi, false).or_else(|| before_quote(w, lo, q.open))
    } else {
        before_quote(w, lo, q.open).or_else(|| after_quote(w, q.close + 1, hi, ends_sentence))
    }
}

/// `“…,” X said` / `“…,” said X` / `“…,” according to X`: the clause must start right after
/// the quote. After a quote that ends its sentence, only a bare `X said.` counts.
fn after_quote(w: &Words, start: usize, hi: usize, strict: bool) -> Option<Attribution> {
    let mut k = start;
    if k < hi && w.is_punct(k, &[',']) {
        k += 1;
    }
    if k >= hi {
        return None;
    }
    let found = if let Some(lemma) = w.a.speech_lemma(k) {
        (!never_inverts(lemma)).then(|| subject_after(w, k + 1, hi).map(|p| (p, k))).flatten()
    } else if w.is(k, &["according"]) && w.is(k + 1, &["to"]) {
        subject_after(w, k + 2, hi).map(|p| (p, k))
    } else {
        (k..hi.min(k + 14))
            .find(|&v| w.a.speech_lemma(v).is_some())
            .and_then(|v| subject_before(w, k, v).map(|p| (p, v)))
            .filter(|(p, _)| p.span.start == w.a.tokens[k].span.start)
    };
    let (phrase, verb) = found?;
    if strict {
        let clause_end = w.a.token_from(phrase.span.end.max(w.a.tokens[verb].span.end));
        if hi.saturating_sub(clause_end) > 3 {
            return None;
        }
    }
    Some(Attribution { phrase, cue: w.a.tokens[verb].span, cue_token: verb, side: Side::After })
}

/// `X said, “…”` / `X told Y that “…”` / `according to X, “…”`: the nearest speech verb
/// before the quote in its sentence that has a subject.
fn before_quote(w: &Words, lo: usize, open: usize) -> Option<Attribution> {
    (lo..open).rev().find_map(|v| {
        let phrase = if w.is(v, &["according"]) && w.is(v + 1, &["to"]) {
            subject_after(w, v + 2, open)
        } else if w.a.speech_lemma(v).is_some() {
            subject_before(w, lo, v)
        } else {
            None
        }?;
        Some(Attribution { phrase, cue: w.a.tokens[v].span, cue_token: v, side: Side::Before })
    })
}

/// Reported speech outside quotes (`Jane Doe said the plan…`): the clauses, in order, of
/// every speech verb not inside a quote and not already a quote's cue (`used`, sorted).
pub(crate) fn reported(w: &Words, in_quote: &[bool], paragraphs: &[Span], used: &[usize]) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut lo = 0;
    let mut para = 0;
    for (v, token) in w.a.tokens.iter().enumerate() {
        let start = token.span.start;
        while para + 1 < paragraphs.len() && start >= paragraphs[para].end {
            para += 1;
            lo = v;
        }
        if in_quote[v] || w.is_punct(v, TERMINALS) {
            lo = v + 1;
            continue;
        }
        if used.binary_search(&v).is_ok() || w.a.speech_lemma(v).is_none() {
            continue;
        }
        // Bound the look-back so a very long sentence stays linear.
        let from = lo.max(v.saturating_sub(30));
        if let Some(phrase) = subject_before(w, from, v) {
            out.push(Attribution { phrase, cue: w.a.tokens[v].span, cue_token: v, side: Side::Before });
        }
    }
    out
}
