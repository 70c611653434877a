//! Attribution clauses: the verb and speaker phrase that introduce or follow a quote
//! (`“…,” X said` / `“…,” said X` / `X said, “…”` / `X told Y that “…”` / `according to X` /
//! `X reports:` before a quoted paragraph), the clause of a quoted fragment governed by
//! another verb (`X called the plan a “boondoggle”`), and the same clauses around reported
//! speech outside quotes (`X said the plan…`), which tell who spoke last.
//!
//! A quote's clause is searched only in its own sentence: after the closing mark up to the end
//! of the sentence or the next quote, and before the opening mark back to the sentence start or
//! the previous quote; a quote that opens its paragraph after one ending in a colon reads that
//! paragraph's last sentence. A clause whose verb is negated (`He is not saying “…”`) is kept,
//! marked, so that the quote gets no speaker. It does not resolve pronouns or link entities.

use super::lexicon::Class;
use super::phrases::{subject_after, subject_before, subject_then_verb, Phrase, PhraseKind, Words};
use super::verbs::never_inverts;
use crate::model::Span;
use crate::text::TokenKind;

/// Which side of the quote the clause is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    Before,
    After,
}

/// How sure the clause is to report speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strength {
    /// A verb of saying, `according to`, or a verb right before a colon.
    Speech,
    /// Another verb whose clause holds a quoted fragment (`called the plan a “boondoggle”`).
    Governing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Attribution {
    pub phrase: Phrase,
    /// Token index of the cue: the verb (or `according`).
    pub cue_token: usize,
    pub side: Side,
    pub strength: Strength,
    /// `He is not saying`, `she never said`: no attribution.
    pub negated: bool,
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

/// True when token `t` ends a sentence: a terminal mark, but not the period of an
/// abbreviation the tokenizer does not know that a comma or parenthesis follows at once
/// (`Rep. Jane Doe (D-Wis.) said`, `Jane Doe, R-Ky., said`).
///
/// Asked of nearly every token (the sentence scans around quotes and cues): the test of the
/// token's kind is inlined, and only punctuation goes on to [`ends_sentence_at_mark`].
#[inline]
fn ends_sentence(w: &Words, t: usize) -> bool {
    // OK because callers pass token indices of this analysis (as `is_punct` requires).
    w.a.tokens[t].kind() == TokenKind::Punct && ends_sentence_at_mark(w, t)
}

/// [`ends_sentence`] of a punctuation token.
fn ends_sentence_at_mark(w: &Words, t: usize) -> bool {
    if !w.is_punct(t, TERMINALS) {
        return false;
    }
    let tokens = &w.a.tokens;
    let abbreviation = w.text(t) == "."
        && t > 0
        && tokens[t - 1].end() == tokens[t].start()
        && tokens.get(t + 1).is_some_and(|n| n.start() == tokens[t].end())
        && w.is_punct(t + 1, &[',', ')']);
    !abbreviation
}

/// The sentence tokens before the quote: `lo..quote.open`.
pub(crate) fn left_start(w: &Words, in_quote: &[bool], q: QuoteTokens) -> usize {
    sentence_start(w, in_quote, q.open, q.paragraph.start)
}

/// The first token of the sentence (within the paragraph starting at byte `floor`) that holds
/// the tokens before `to`, stopping at a quote.
fn sentence_start(w: &Words, in_quote: &[bool], to: usize, floor: usize) -> usize {
    let mut lo = to;
    while lo > 0 && to - lo < 80 {
        let t = lo - 1;
        if in_quote[t] || w.a.tokens[t].start() < floor || ends_sentence(w, t) {
            break;
        }
        lo = t;
    }
    lo
}

/// The sentence tokens after the quote: `quote.close + 1..hi`.
pub(crate) fn right_end(w: &Words, in_quote: &[bool], q: QuoteTokens) -> usize {
    let mut hi = q.close + 1;
    while hi < w.a.tokens.len() && hi - q.close < 80 {
        if in_quote[hi] || w.a.tokens[hi].start() >= q.paragraph.end || ends_sentence(w, hi) {
            break;
        }
        hi += 1;
    }
    hi
}

/// True when token `v` reports speech here: a speech verb, or a speech word that is a noun
/// too (`reports`, `notes`) standing right after its subject and before `:`, `,`, `that`, a
/// quote or the end of the sentence.
///
/// Asked of most words: the one class test that turns nearly all of them down is inlined.
#[inline]
pub(crate) fn is_cue(w: &Words, v: usize) -> bool {
    w.has(v, Class::SPEECH | Class::SPEECH_IF_VERB) && is_cue_word(w, v)
}

/// [`is_cue`] of a word with a speech class.
fn is_cue_word(w: &Words, v: usize) -> bool {
    if w.has(v, Class::SPEECH) {
        return true;
    }
    if !w.has(v, Class::SPEECH_IF_VERB) || w.is_capitalized(v) {
        return false;
    }
    let after_subject = v.checked_sub(1).is_some_and(|p| {
        let noun = w.is_word(p)
            && !w.has(p, Class::DETERMINER | Class::PREPOSITION | Class::STOP)
            && !w.lower(p).ends_with("'s");
        noun || w.is(p, &["he", "she", "they", "it", "also"])
    });
    let before =
        v + 1 >= w.a.tokens.len() || w.is_punct(v + 1, &[':', ',', '.', '“', '"', '‘']) || w.is(v + 1, &["that"]);
    after_subject && before
}

/// A word that can be a finite verb of a clause holding a quoted fragment: a speech cue, or a
/// lowercase word with a verb ending (`called`, `describes` after its subject) that is no
/// function word. Participles in `-ing` are left to the finite verb before them (`Trump
/// tweeted, calling her “…”`).
pub(crate) fn is_verb_like(w: &Words, v: usize) -> bool {
    if is_cue(w, v) {
        return true;
    }
    if !w.is_word(v) || w.is_capitalized(v) || w.has(v, Class::STOP | Class::DETERMINER | Class::AUXILIARY) {
        return false;
    }
    let k = w.lower(v);
    // A present tense needs a subject right before it: `the agency calls`, `Trump says`; after
    // an article or adjective, `-s` makes a plural noun (`loose definitions`).
    let subject_before = v.checked_sub(1).is_some_and(|p| {
        w.is_name_word(p)
            || w.has(p, Class::PERSON_NOUN | Class::GROUP_NOUN | Class::DOCUMENT_NOUN)
            || w.is(p, &["he", "she", "it", "who", "which", "that"])
    });
    (k.ends_with("ed") && k.len() > 4)
        || (subject_before && k.ends_with('s') && !k.ends_with("ss") && !k.ends_with("us") && !k.ends_with("'s"))
}

/// The clause attributing the quote whose inner text is `inner`, or None.
pub(crate) fn for_quote(w: &Words, in_quote: &[bool], q: QuoteTokens, inner: &str) -> Option<Attribution> {
    let lo = left_start(w, in_quote, q);
    let hi = right_end(w, in_quote, q);
    let last = inner.trim_end().chars().next_back();
    let comma_outside = q.close + 1 < hi && w.is_punct(q.close + 1, &[',']);
    let invites_after = comma_outside || matches!(last, Some(',' | '?' | '!' | '—' | '–' | '-' | '…' | ':'));
    let ends_sentence = matches!(last, Some('.'));
    let found = if invites_after {
        after_quote(w, q.close + 1, hi, false).or_else(|| before_quote(w, lo, q.open))
    } else {
        before_quote(w, lo, q.open).or_else(|| after_quote(w, q.close + 1, hi, ends_sentence))
    };
    found.or_else(|| (lo == q.open).then(|| introduced(w, in_quote, q)).flatten()).or_else(|| governing(w, lo, q.open))
}

/// `The Herald reports:` / `He said:` ending the paragraph before a quoted one.
fn introduced(w: &Words, in_quote: &[bool], q: QuoteTokens) -> Option<Attribution> {
    let colon = q.open.checked_sub(1)?;
    if !w.is_punct(colon, &[':']) || w.a.tokens[colon].end() > q.paragraph.start || in_quote[colon] {
        return None;
    }
    let floor = w.a.paragraphs.get(w.a.paragraphs.partition_point(|p| p.end < w.a.tokens[colon].start()))?.start;
    let lo = sentence_start(w, in_quote, colon, floor);
    // `… as follows:`, `… the following statement:` name no speaker of their own.
    let v = (lo..colon).rev().find(|&v| is_cue(w, v) || v + 1 == colon && is_verb_like(w, v))?;
    let phrase = subject_before(w, lo, v).or_else(|| subject_after(w, v + 1, colon))?;
    Some(clause(w, phrase, v, Side::Before, Strength::Speech))
}

fn clause(w: &Words, phrase: Phrase, verb: usize, side: Side, strength: Strength) -> Attribution {
    let phrase_last = w.a.token_from(phrase.span.end).saturating_sub(1);
    let negated = (phrase_last + 1..verb).any(|i| w.has(i, Class::NEGATION))
        || w.lower(phrase_last).ends_with("n't")
        || (phrase_last + 1 == verb && w.has(phrase_last, Class::NEGATION));
    Attribution { phrase, cue_token: verb, side, strength, negated }
}

/// `“…,” X said` / `“…,” said X` / `“…,” according to X` / `“…,” X implored`: the clause must
/// start right after the quote. After a quote that ends its sentence, only a bare `X said.`
/// counts.
fn after_quote(w: &Words, start: usize, hi: usize, strict: bool) -> Option<Attribution> {
    let mut k = start;
    if k < hi && w.is_punct(k, &[',']) {
        k += 1;
    }
    if k >= hi {
        return None;
    }
    if let Some(signed) = signature(w, k, hi) {
        return Some(signed);
    }
    let mut strength = Strength::Speech;
    let found = if is_cue(w, k) {
        let lemma = w.a.speech_lemma(k).unwrap_or("");
        (!never_inverts(lemma)).then(|| subject_after(w, k + 1, hi).map(|p| (p, k))).flatten()
    } else if w.is(k, &["according"]) && w.is(k + 1, &["to"]) {
        subject_after(w, k + 2, hi).map(|p| (p, k))
    } else {
        let speech = (k..hi.min(k + 20))
            .find(|&v| is_cue(w, v))
            .and_then(|v| subject_before(w, k, v).map(|p| (p, v)))
            .filter(|(p, _)| starts_clause(w, k, p));
        speech.or_else(|| {
            // `“Go register,” Whitfield implored`, `“…,” she yells`: a verb right after the
            // subject.
            strength = Strength::Governing;
            let first = w.has(k, Class::DETERMINER)
                || w.is_name_word(k)
                || w.a.tokens[k].capitalized()
                || w.is(k, &["he", "she", "they"]);
            let finite = |v: usize| is_verb_like(w, v);
            first.then(|| subject_then_verb(w, k, hi, finite)).flatten()
        })
    };
    let (phrase, verb) = found?;
    if strict {
        let clause_end = w.a.token_from(phrase.span.end.max(w.a.tokens[verb].end()));
        if hi.saturating_sub(clause_end) > 3 {
            return None;
        }
    }
    Some(clause(w, phrase, verb, Side::After, strength))
}

/// `“…” ― Jane Doe`: a dash at token `k` and a name that fills the rest of the sentence (up
/// to token `hi`) sign the quote, as under an epigraph or in a round-up of readers' words. The
/// dash is the cue.
fn signature(w: &Words, k: usize, hi: usize) -> Option<Attribution> {
    if !w.is_punct(k, &['―', '—', '–']) {
        return None;
    }
    let phrase = subject_after(w, k + 1, hi).filter(|p| p.kind == PhraseKind::Name)?;
    let last = w.a.token_from(phrase.span.end);
    (last == hi).then(|| clause(w, phrase, k, Side::After, Strength::Speech))
}

/// The clause after a quote starts at token `k` with its subject, or with an appositive
/// naming it (`Whitfield's chief of staff, Omar Haddad, cautioned`).
fn starts_clause(w: &Words, k: usize, p: &Phrase) -> bool {
    let start = w.a.tokens[k].start();
    if p.span.start == start {
        return true;
    }
    let first = w.a.token_from(p.span.start);
    first > k + 1 && w.is_punct(first - 1, &[',']) && (k..first - 1).all(|i| !w.is_punct(i, &[',', ':', ';']))
}

/// `X said, “…”` / `X told Y that “…”` / `according to X, “…”`: the nearest speech verb
/// before the quote in its sentence that has a subject.
fn before_quote(w: &Words, lo: usize, open: usize) -> Option<Attribution> {
    (lo..open).rev().find_map(|v| {
        let phrase = if w.is(v, &["according"]) && w.is(v + 1, &["to"]) {
            subject_after(w, v + 2, open)
        } else if is_cue(w, v) {
            // `Said Ellis: “…”`: a sentence that opens with its verb names the speaker after it.
            let inverted = || {
                let end = (v + 1..open).find(|&t| w.is_punct(t, &[':', ','])).unwrap_or(open);
                (v == lo && w.is_capitalized(v)).then(|| subject_after(w, v + 1, end)).flatten()
            };
            // `Reyes attacked the plan on Monday, saying “…”`: a participle after a comma has the
            // subject of the sentence's main verb, not the noun before the comma.
            let participle = v > lo && w.is_punct(v - 1, &[',']) && w.lower(v).ends_with("ing");
            participle
                .then(|| main_clause(w, lo, v - 1).map(|(p, _)| p))
                .flatten()
                .or_else(|| subject_before(w, lo, v))
                .or_else(inverted)
        } else {
            None
        }?;
        Some(clause(w, phrase, v, Side::Before, Strength::Speech))
    })
}

/// `Reyes called the plan a “boondoggle”`: the nearest verb before the quote, in its
/// sentence, that has a subject.
fn governing(w: &Words, lo: usize, open: usize) -> Option<Attribution> {
    (lo.max(open.saturating_sub(40))..open).rev().filter(|&v| is_verb_like(w, v)).find_map(|v| {
        // `he knows that Jones would not “…”`: the fragment belongs to the clause after `that`.
        let subject = |t: usize| w.is_name_word(t) || w.is(t, &["he", "she", "they", "we", "i"]);
        if (v + 1..open).any(|t| w.is(t, SUBORDINATORS) && subject(t + 1)) {
            return None;
        }
        let phrase = subject_before(w, lo, v)?;
        // A subject is not the object of a preposition (`the reports of officials`).
        let first = w.a.token_from(phrase.span.start);
        let object = first.checked_sub(1).is_some_and(|p| p >= lo && w.has(p, Class::PREPOSITION));
        if object {
            return None;
        }
        // `Reyes condemned what she called a “…”`: the pronoun of the relative clause is the
        // sentence's subject, whose name is the speaker's phrase.
        let relative = matches!(phrase.kind, PhraseKind::Pronoun(_)) && first > lo && w.is(first - 1, &["what"]);
        let named = relative
            .then(|| main_clause(w, lo, first - 1))
            .flatten()
            .filter(|(p, _)| p.kind == PhraseKind::Name)
            .map(|(p, _)| p);
        Some(clause(w, named.unwrap_or(phrase), v, Side::Before, Strength::Governing))
    })
}

/// The first finite verb in tokens `lo..end` (the main clause of a sentence starting at `lo`)
/// and its subject, passing over the subjects of an opening subordinate clause (`When critics
/// objected, Reyes …`) and objects of prepositions.
fn main_clause(w: &Words, lo: usize, end: usize) -> Option<(Phrase, usize)> {
    (lo..end).filter(|&v| is_verb_like(w, v) && !w.lower(v).ends_with("ing")).find_map(|v| {
        let phrase = subject_before(w, lo, v)?;
        let first = w.a.token_from(phrase.span.start);
        let after = |p: usize| p >= lo && (w.is(p, SUBORDINATORS) || w.has(p, Class::PREPOSITION));
        let opener = first.checked_sub(1).is_some_and(after);
        let subordinate = w.is(lo, SUBORDINATORS) && !(lo..first).any(|t| w.is_punct(t, &[',']));
        (!opener && !subordinate).then_some((phrase, v))
    })
}

/// `Jane Roe, his partner of twenty years, called him a born dealmaker. “He never …”`: a quote
/// that is a sentence of its own, right after a sentence of its paragraph whose main
/// subject is a name, is most often that person's words. A weaker clue than a clause of its
/// own or a speaker continued from the paragraph (see `resolve_speakers`).
pub(crate) fn previous_sentence(w: &Words, in_quote: &[bool], q: QuoteTokens) -> Option<Attribution> {
    let end = q.open.checked_sub(1)?;
    let tokens = &w.a.tokens;
    if left_start(w, in_quote, q) != q.open || in_quote[end] || tokens[end].start() < q.paragraph.start {
        return None;
    }
    // The quote is a sentence of its own: nothing of its sentence follows the closing mark
    // (`“… cope with” changes in the market, said …` has a clause that was not understood).
    if !ends_sentence(w, end) || right_end(w, in_quote, q) != q.close + 1 {
        return None;
    }
    let start = sentence_start(w, in_quote, end, q.paragraph.start);
    let (phrase, verb) = main_clause(w, start, end).filter(|(p, _)| p.kind == PhraseKind::Name)?;
    Some(clause(w, phrase, verb, Side::Before, Strength::Governing))
}

/// Words that open a clause of its own inside a sentence.
const SUBORDINATORS: &[&str] = &["that", "if", "because", "when", "while", "whether", "although", "though", "unless"];

/// The tokens at which [`reported`] looks for a clause, in order: the words outside quotes
/// that may be a speech verb and are not already a quote's cue (`used`, sorted). Their count
/// bounds the clauses found; one walk over the tokens (the count and the clauses walked them
/// twice before: 0.5% of the run on unseen news).
pub(crate) fn reported_candidates(w: &Words, in_quote: &[bool], used: &[usize]) -> Vec<u32> {
    let mut candidates = Vec::new();
    for (v, token) in w.a.tokens.iter().enumerate() {
        // The cheap tests first: a word with a speech class is rare.
        // OK because `in_quote` holds one flag per token.
        if token.kind() == TokenKind::Word
            && w.has(v, Class::SPEECH | Class::SPEECH_IF_VERB)
            && !in_quote[v]
            && used.binary_search(&v).is_err()
        {
            // OK because an article's tokens are far fewer than 2^32 (`MAX_ARTICLE_BYTES`).
            candidates.push(v as u32);
        }
    }
    candidates
}

/// Reported speech outside quotes (`Jane Doe said the plan…`, `…, said Jane Doe.`): the
/// clauses, in order, at the speech words of `candidates` (from [`reported_candidates`]),
/// each handed to `keep`.
pub(crate) fn reported(
    w: &Words,
    in_quote: &[bool],
    paragraphs: &[Span],
    candidates: &[u32],
    mut keep: impl FnMut(Attribution),
) {
    let tokens = &w.a.tokens;
    // The paragraph region of the candidate at hand (the paragraphs ending at or before its
    // start are behind it), and its first token: the look-back of a clause stops there.
    let mut para_first = 0;
    let mut para = 0;
    for &v in candidates {
        let v = v as usize;
        let Some(token) = tokens.get(v) else { continue };
        let start = token.start();
        if para + 1 < paragraphs.len() && start >= paragraphs[para].end {
            while para + 1 < paragraphs.len() && start >= paragraphs[para].end {
                para += 1;
            }
            // The first token at or after the end of the paragraph before: one binary search
            // per region with a candidate, where the walk over every token found it in passing.
            let end = paragraphs[para - 1].end;
            para_first = tokens.partition_point(|t| t.start() < end);
        }
        // (The sentence's start is looked for only at a cue, below: testing every token for a
        // sentence end was most of the walk.)
        if !is_cue_word(w, v) {
            continue;
        }
        // After the last token before `v` in a quote or ending a sentence, within the
        // paragraph; a look-back bounded so that a very long sentence stays linear.
        let floor = para_first.max(v.saturating_sub(30));
        // OK because `floor <= v < in_quote.len()`.
        let from = (floor..v).rev().find(|&u| in_quote[u] || ends_sentence(w, u)).map_or(floor, |u| u + 1);
        let phrase = subject_before(w, from, v).or_else(|| {
            // `…, said a professor at the university.`
            let inverted = v > from && w.is_punct(v - 1, &[',']) && !never_inverts(w.a.speech_lemma(v).unwrap_or(""));
            let end = (v + 1..w.a.tokens.len().min(v + 16))
                .find(|&e| in_quote[e] || ends_sentence(w, e))
                .unwrap_or(w.a.tokens.len().min(v + 16));
            inverted.then(|| subject_after(w, v + 1, end)).flatten()
        });
        if let Some(phrase) = phrase {
            keep(clause(w, phrase, v, Side::Before, Strength::Speech));
        }
    }
}
