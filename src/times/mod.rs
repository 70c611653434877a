//! Time expressions in the body (issue 5): recognition and TIMEX3 normalization of dates,
//! times, durations and sets relative to the document creation time, with anchoring.
//!
//! Pipeline per document: sentence words (`words`) → expressions and their meaning
//! (`recognize`) → the tense of each clause (`tense`) → the anchor of each expression (the
//! DCT, the last narrated date, or the date of the quote it is in) → TIMEX3 values
//! (`resolve`). `infer` estimates a missing DCT from the same scan, so a document is scanned
//! once. Whole-string date parsing for metadata (front matter, datelines, comment stamps)
//! lives in `calendar`; events are built from these expressions in `events`.
//!
//! Cost: linear in the text (each sentence is scanned once, each expression resolved once).

mod infer;
mod kept;
pub(crate) mod lexicon;
pub(crate) mod recognize;
pub(crate) mod resolve;
mod tense;
mod words;

use crate::calendar::Stamp;
use crate::doc::Doc;
use crate::model::{InferredFrom, Span, TimeExpression, TimeRange, TimexType};
use recognize::{RecognizedTime, Shift, Val};
use resolve::{Context, Grain, Resolved};
use words::Word;

/// One expression found in a document, with what is needed to resolve it.
#[derive(Clone, Debug, PartialEq)]
struct Candidate {
    span: Span,
    found: RecognizedTime,
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
    /// Per document (in the order of the `docs` given): the inferred creation time and what it
    /// was worked out from, when the document had none and its text or the corpus bounds one
    /// (see [`infer`]).
    pub inferred: Vec<Option<(Stamp, InferredFrom)>>,
}

/// What the time stage finds in one document alone: its expressions in text order, with
/// their spans, sentences, tenses, whether they are quoted, and their meaning before it is
/// resolved against a creation time (which the corpus may infer). An article's part keeps it
/// (see [`crate::pipeline::Part`]), so that a corpus is assembled without scanning for times
/// again.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Detected {
    candidates: Vec<Candidate>,
}

/// Finds the time expressions of one analyzed document whose quotes lie at `quotes` (sorted
/// spans): everything of the stage that needs no other document. Linear in the document.
pub(crate) fn detect(analysis: &crate::text::Analysis, quotes: Vec<Span>) -> Detected {
    #[cfg(test)]
    crate::doc::runs::count(crate::doc::runs::Kept::Times);
    Detected { candidates: find(analysis, &QuotedText::new(quotes)) }
}

impl Detected {
    /// How many time expressions it holds.
    pub(crate) fn len(&self) -> usize {
        self.candidates.len()
    }

    /// True when this was made of a document with this analysis, as far as resolving relies on
    /// it: sentences in order and within the analysis. (Spans are read with checked slicing.)
    pub(crate) fn fits(&self, a: &crate::text::Analysis) -> bool {
        self.candidates.windows(2).all(|w| w[0].sentence <= w[1].sentence)
            && self.candidates.last().map_or(true, |c| c.sentence < a.sentences.len())
    }

    pub(crate) fn write(&self, w: &mut crate::codec::Writer) {
        kept::write(&self.candidates, w);
    }

    /// What [`Detected::write`] wrote, or `None` for bytes that are not one.
    pub(crate) fn read(r: &mut crate::codec::Reader) -> Option<Self> {
        Some(Detected { candidates: kept::read(r)? })
    }
}

/// Normalizes the time expressions of every document (byte offsets) from what [`detect`] found
/// in it (`detected[d]` of `docs[d]`). A document without a creation time gets one inferred
/// from its expressions (or, failing that, from the other documents of the corpus), and its
/// relative expressions resolve against it.
///
/// Memory: a document's own (not borrowed) candidates are freed once resolved, before its
/// expressions are made, so that a document of many dates holds its candidates or its
/// expressions, never both.
// Not inlined into the pipeline, so that profiles show the stage's cost as one.
#[inline(never)]
pub(crate) fn extract(docs: &[Doc], detected: Vec<std::borrow::Cow<Detected>>) -> Times {
    let mut times = Times::default();
    let corpus = infer::corpus_date(docs);
    for (doc, detected) in docs.iter().zip(detected) {
        let candidates = &detected.candidates;
        let inferred = match doc.dct {
            Some(_) => None,
            None => infer::infer_published(doc.document, candidates, corpus),
        };
        let dct = doc.dct.or(inferred.map(|(stamp, _)| stamp));
        let resolved = resolve_all(dct, candidates);
        // The two ends of each range, before the values move into the expressions.
        let ranges: Vec<(usize, TimeRange)> = (0..candidates.len().saturating_sub(1))
            .filter(|&k| candidates[k].found.range_start)
            .map(|k| (k, TimeRange { start: resolved[k].value.clone(), end: resolved[k + 1].value.clone() }))
            .collect();
        // What the expressions take of the candidates, which go first (see above): 12 bytes
        // each, as it stays beside the expressions being made.
        let placed: Vec<(u32, u32, TimexType)> =
            candidates.iter().map(|c| (offset(c.span.start), offset(c.span.end), c.found.kind)).collect();
        drop(detected);
        let text = &doc.document.text;
        let id: std::sync::Arc<str> = doc.document.id.as_str().into();
        let start = times.expressions.len();
        // Amortized, and exact for the first document: one long document's list has no slack.
        times.expressions.reserve(placed.len());
        for ((start, end, kind), r) in placed.into_iter().zip(resolved) {
            let span = Span::new(start as usize, end as usize);
            times.expressions.push(TimeExpression {
                doc: id.clone(),
                start: span.start,
                end: span.end,
                text: text.get(span.start..span.end).unwrap_or_default().to_string(),
                kind,
                value: r.value,
                anchor: r.anchor.map(resolve::ymd),
                range: None,
            });
        }
        let expressions = &mut times.expressions[start..];
        for (k, range) in ranges {
            expressions[k].range = Some(Box::new(range.clone()));
            expressions[k + 1].range = Some(Box::new(range));
        }
        times.inferred.push(inferred);
    }
    times
}

/// A byte offset of an article as a `u32`.
fn offset(at: usize) -> u32 {
    // OK because an article is at most `MAX_ARTICLE_BYTES` (8 MiB) long.
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// The text inside one document's quotes, to tell in O(log n) whether a span lies inside a quote.
struct QuotedText {
    /// Sorted by start.
    spans: Vec<Span>,
    /// `reach[k]`: the largest end among `spans[..=k]`.
    reach: Vec<usize>,
}

impl QuotedText {
    /// Of sorted spans.
    fn new(spans: Vec<Span>) -> Self {
        let reach = spans
            .iter()
            .scan(0, |max, s| {
                *max = (*max).max(s.end);
                Some(*max)
            })
            .collect();
        QuotedText { spans, reach }
    }

    /// True when some quote contains `span`.
    fn contain(&self, span: Span) -> bool {
        let starting_before = self.spans.partition_point(|q| q.start <= span.start);
        starting_before > 0 && self.reach[starting_before - 1] >= span.end
    }
}

/// Above this many words (40 bytes each), a sentence's word view is freed once its expressions
/// are found, rather than kept for the next sentence: it would otherwise stay beside the
/// candidates, and beside every later stage's work. So is what its expressions took from it
/// ([`place`]) above as many expressions.
const LONG_SENTENCE_WORDS: usize = 4096;

/// A sentence of more tokens than this is scanned in windows of this many tokens
/// ([`Scan::sentence`]), so that neither its word view nor its expressions before they are
/// placed are held whole beside the candidates.
const WINDOW_TOKENS: usize = 16384;
/// How many tokens two neighbouring windows share: their results must agree on the middle
/// half of it, far (hundreds of words) from either window's edge, where no pattern, join or
/// tense reaches.
const WINDOW_OVERLAP: usize = 2048;

/// Every expression of a document, in text order.
fn find(analysis: &crate::text::Analysis, quotes: &QuotedText) -> Vec<Candidate> {
    let mut out = Vec::new();
    // The word view and what the expressions take from it, reused from sentence to sentence
    // (a list of its own for each sentence with expressions cost an allocation and a free,
    // some 90 instructions, in most of them).
    let (mut words, mut placed) = (Vec::new(), Vec::new());
    let kinds = words::Kinds::of(analysis);
    for (s, sentence) in analysis.sentences.iter().enumerate() {
        // Most sentences hold no word that bears time: they need no word view.
        if !sentence.tokens.clone().any(|t| kinds.bears(analysis, t)) {
            continue;
        }
        let scan = Scan { analysis, kinds: &kinds, quotes };
        if !scan.sentence(s, (WINDOW_TOKENS, WINDOW_OVERLAP), (&mut words, &mut placed), &mut out) {
            // Two windows disagreed: the sentence whole, as one window.
            scan.sentence(s, (usize::MAX, 0), (&mut words, &mut placed), &mut out);
        }
        if words.capacity() > LONG_SENTENCE_WORDS {
            words = Vec::new();
        }
        if placed.capacity() > LONG_SENTENCE_WORDS {
            placed = Vec::new();
        }
    }
    // A long document's list gives back its growth slack while it is resolved.
    out.shrink_to_fit();
    out
}

/// What [`place`] takes for an expression from the words: its span, the tense around it and
/// whether it is quoted (`None` when its words are not the view's).
type Placed = Option<(Span, tense::Tense, bool)>;

/// What each expression `found` in `words` takes from them, into `placed` (cleared first): its
/// span, the tense around it and whether it is quoted (`quoted_before`: the first word lies
/// between quotation marks opened before it). "in two days" becomes a duration where the
/// clause is in the past ("built in two days").
fn place(
    words: &[Word],
    found: &mut [RecognizedTime],
    quoted_before: bool,
    quotes: &QuotedText,
    placed: &mut Vec<Placed>,
) {
    // The quote state is walked up to each expression's first word: once over the sentence,
    // as the expressions come in text order (from the sentence's start again otherwise).
    let (mut walked, mut inside) = (0, quoted_before);
    placed.clear();
    placed.extend(found.iter_mut().map(|found| {
        let (first, last) = (words.get(found.first)?, words.get(found.last)?);
        let span = Span::new(first.start as usize, last.end as usize);
        if found.first < walked {
            (walked, inside) = (0, quoted_before);
        }
        // OK because `walked <= found.first < words.len()` (the word was found above).
        inside = quoted_after(&words[walked..=found.first], inside);
        walked = found.first + 1;
        let quoted = inside || quotes.contain(span);
        let tense = tense::around(words, found.first, found.last);
        // "in two days" is a date ahead, "built in two days" a duration.
        if let Some((n, unit)) = found.measure.filter(|_| found.elastic && tense == tense::Tense::Past) {
            found.val = Val::Fixed(recognize::duration(Some(n), unit));
            found.kind = TimexType::Duration;
        }
        Some((span, tense, quoted))
    }));
}

/// What scanning a document's sentences reads.
struct Scan<'s, 'a> {
    analysis: &'s crate::text::Analysis<'a>,
    kinds: &'s words::Kinds,
    quotes: &'s QuotedText,
}

impl<'s, 'a> Scan<'s, 'a> {
    /// Appends the expressions of sentence `s` to `out`, found window by window (`window`
    /// tokens, neighbours sharing `overlap`; a sentence of at most `window` tokens is one
    /// window), or returns `false` (and `out` as it was) when two neighbouring windows
    /// disagree on the middle of what they share: the caller then scans the sentence as one
    /// window. `words` is the word view to reuse, `placed` the list [`place`] fills (empty
    /// when it returns).
    ///
    /// Every decision of the scan, its joins and the tense reads a few words around an
    /// expression (the scan's lead of eight words before it, the tense's reach of fourteen on
    /// each side), so a window's expressions far from its edges are the whole sentence's:
    /// where two windows find the same expressions across the middle half of their overlap,
    /// the first one's are taken before its midpoint and the second one's after. The quote
    /// state at a window's start is carried over from the window before it. Debug builds
    /// check the result against the whole sentence's.
    ///
    /// Memory: one window's word view and expressions beside the candidates, never a long
    /// sentence's (a sentence of 400,000 dates held a 60 MB view and 50 MB of expressions
    /// before); the candidates grow by the density so far, not by doubling.
    fn sentence<'w>(
        &self,
        s: usize,
        (window, overlap): (usize, usize),
        (words, placed): (&mut Vec<Word<'w>>, &mut Vec<Placed>),
        out: &mut Vec<Candidate>,
    ) -> bool
    where
        's: 'w,
    {
        let analysis = self.analysis;
        let Some(tokens) = analysis.sentences.get(s).map(|sentence| sentence.tokens.clone()) else {
            return true;
        };
        if tokens.len() > window && window <= overlap {
            return false; // the windows would never move on
        }
        let byte_at = |t: usize| analysis.tokens.get(t).map_or(analysis.text.len(), |token| token.start());
        let before = out.len();
        // `out[pending..]`: the previous window's expressions, not all sure yet.
        let mut pending = before;
        let (mut start, mut word_base, mut quoted_before) = (tokens.start, 0, false);
        loop {
            let end = start.saturating_add(window).min(tokens.end);
            let previous_end =
                (start > tokens.start).then(|| analysis.tokens.get(start - 1).map(|t| t.end())).flatten();
            words::of_tokens(analysis, start..end, previous_end, self.kinds, words);
            let mut found = recognize::scan(words);
            place(words, &mut found, quoted_before, self.quotes, placed);
            // Where the next window starts (`overlap` tokens before this one ends), its first
            // word here and the quote state before it.
            let next = (end < tokens.end && end - start > overlap).then(|| {
                let next = end - overlap;
                let word = words.partition_point(|w| (w.start as usize) < byte_at(next));
                let quoted = quoted_after(&words[..word], quoted_before);
                (next, word, quoted)
            });
            if next.is_none() && words.capacity() > LONG_SENTENCE_WORDS {
                // The last window's view goes before its candidates are made.
                *words = Vec::new();
            }
            let mine = found.into_iter().zip(placed.drain(..)).filter_map(|(mut found, placed)| {
                let (span, tense, quoted) = placed?;
                found.first += word_base;
                found.last += word_base;
                Some(Candidate { span, found, sentence: s, tense, quoted })
            });
            if start == tokens.start {
                out.reserve(mine.size_hint().1.unwrap_or(0));
                out.extend(mine);
            } else {
                // The middle half of the overlap, and its midpoint.
                let (from, to) = (byte_at(start + overlap / 4), byte_at(start + overlap * 3 / 4));
                let middle = byte_at(start + overlap / 2);
                let mine: Vec<Candidate> = mine.collect();
                let within = |c: &&Candidate| c.span.start >= from && c.span.end <= to;
                if !out[pending..].iter().filter(within).eq(mine.iter().filter(within)) {
                    out.truncate(before);
                    return false;
                }
                out.truncate(pending + out[pending..].partition_point(|c| c.span.start < middle));
                let kept = mine.partition_point(|c| c.span.start < middle);
                pending = out.len();
                if out.capacity() - out.len() < mine.len() - kept {
                    let sentence_bytes = (byte_at(tokens.start), byte_at(tokens.end));
                    reserve_for_rest(out, before, mine.len() - kept, (byte_at(end), sentence_bytes));
                }
                out.extend(mine.into_iter().skip(kept));
            }
            let Some((next, word, quoted)) = next else {
                break;
            };
            (start, word_base, quoted_before) = (next, word_base + word, quoted);
        }
        if start > tokens.start {
            #[cfg(debug_assertions)]
            assert_eq!(
                out[before..],
                whole_sentence(analysis, s, self.kinds, self.quotes)[..],
                "a windowed scan differs from the whole sentence's"
            );
        }
        true
    }
}

/// The expressions of sentence `s` from its whole word view, as [`find`] makes them.
#[cfg(any(test, debug_assertions))]
fn whole_sentence(
    analysis: &crate::text::Analysis,
    s: usize,
    kinds: &words::Kinds,
    quotes: &QuotedText,
) -> Vec<Candidate> {
    let (mut words, mut placed) = (Vec::new(), Vec::new());
    words::of_sentence(analysis, &analysis.sentences[s], kinds, &mut words);
    let mut found = recognize::scan(&words);
    place(&words, &mut found, false, quotes, &mut placed);
    found
        .into_iter()
        .zip(placed)
        .filter_map(|(found, p)| p.map(|(span, tense, quoted)| Candidate { span, found, sentence: s, tense, quoted }))
        .collect()
}

/// Makes room in `out` for `adding` more expressions of a long sentence whose first one is
/// `out[before]`: for as many as the rest of the sentence holds at the density so far (its
/// bytes from `start` to `end`, read up to `done`, where the `adding` end), plus a sixteenth,
/// rather than doubling a long list. (`done` at the middle of the overlap instead, with the
/// expressions up to the window's end counted, made it twice the list it needed.)
fn reserve_for_rest(
    out: &mut Vec<Candidate>,
    before: usize,
    adding: usize,
    (done, (start, end)): (usize, (usize, usize)),
) {
    let so_far = out.len() - before + adding;
    let expected = at_density(so_far, done.saturating_sub(start), end - start);
    let room = expected.saturating_sub(out.len() - before).saturating_add(expected / 16);
    out.reserve_exact(room.max(adding));
}

/// How many expressions `bytes` of text hold when their first `read` bytes hold `so_far`.
///
/// In floating point: the product of a count and a length does not fit a `usize` of the
/// wasm's 32 bits (6,000 expressions in a window of 800 KB of dates joined by commas), and
/// saturated it sized the list for 13% too few; each growth after that left its old buffer as
/// a hole in the extractor worker's memory (at 800 KB: 22.3 → 18.4 MiB per MB).
fn at_density(so_far: usize, read: usize, bytes: usize) -> usize {
    // A float's cast to an integer saturates; the estimate needs no more than its precision.
    (so_far as f64 * bytes as f64 / read.max(1) as f64) as usize
}

/// Whether the word after `words` lies between quotation marks within its sentence (that is,
/// whether the last of them does, or `quoted_before` for none), given whether the words
/// before the first one left a quotation open (`quoted_before`). No allocation: a sentence's
/// expressions ask it of the words between them.
fn quoted_after(words: &[Word], quoted_before: bool) -> bool {
    words.iter().fold(quoted_before, |inside, w| match w.lower {
        "“" => true,
        "”" => false,
        "\"" => !inside,
        _ => inside,
    })
}

/// True when an expression may carry the narrative on: a date of its own, not a clock time
/// alone ("at 3 p.m." is today's, whatever day the story is at) nor a look back at an
/// earlier year for comparison ("a year earlier", "the year-ago quarter", "last year's
/// second quarter"), which leaves the report on its period.
fn narrates(c: &Candidate) -> bool {
    let looks_back = match c.found.val {
        Val::SamePeriod { .. } => true,
        Val::Part { shift: Shift::YearOf(n), .. } | Val::Month { shift: Shift::YearOf(n), .. } => n < 0,
        _ => false,
    };
    !c.found.bare_clock && !looks_back && !matches!(c.found.kind, TimexType::Duration | TimexType::Set)
}

/// Resolves the expressions of one document: unquoted ones against the DCT (and the running
/// narrative), then quoted ones against the date their sentence gives the quote, if any.
/// The two ends of a range are kept in order: an end without a year or week of its own that
/// falls before its start is the next one ("Monday to Friday" said on a Sunday, "from May
/// to December" said in April).
fn resolve_all(dct: Option<Stamp>, candidates: &[Candidate]) -> Vec<Resolved> {
    let anchor = dct.map(|s| s.date);
    let time = dct.and_then(|s| s.time);
    let mut resolved: Vec<Option<Resolved>> = vec![None; candidates.len()];
    let (mut narrative, mut period, mut reported) = (None, None, None);
    for (k, c) in candidates.iter().enumerate().filter(|(_, c)| !c.quoted) {
        let ctx = Context { anchor, time, narrative, period, reported, tense: c.tense };
        let r = resolve::resolve(&c.found.val, c.found.clock, &ctx);
        if narrates(c) {
            if c.found.val.is_day() {
                narrative = r.day.or(narrative);
            }
            let named = resolve::period_of(&r.value);
            period = named.or(period);
            // A report is about a period that has ended: a quarter ahead ("expects a
            // fourth-quarter charge") is not the one "a year ago" compares with.
            let ended =
                |p: &resolve::Period| anchor.map_or(true, |a| resolve::period_end(p).is_some_and(|end| end < a));
            if c.tense != tense::Tense::Future {
                reported = named.filter(|p| matches!(p.grain, Grain::Quarter | Grain::Half) && ended(p)).or(reported);
            }
        }
        resolved[k] = Some(r);
    }
    let spoken = speech_dates(candidates, &resolved);
    for (k, c) in candidates.iter().enumerate().filter(|(_, c)| c.quoted) {
        let anchor = spoken.get(c.sentence).copied().flatten().or(anchor);
        let ctx = Context { anchor, time: None, narrative: anchor, period: None, reported: None, tense: c.tense };
        resolved[k] = Some(resolve::resolve(&c.found.val, c.found.clock, &ctx));
    }
    let mut resolved: Vec<Resolved> =
        resolved.into_iter().map(|r| r.unwrap_or(Resolved { value: String::new(), anchor: None, day: None })).collect();
    for k in 0..candidates.len().saturating_sub(1) {
        if !candidates[k].found.range_start {
            continue;
        }
        let first_day = |r: &Resolved| resolve::period_of(&r.value).map(|p| p.start);
        if let (Some(start), Some(end)) = (first_day(&resolved[k]), first_day(&resolved[k + 1])) {
            if end < start {
                let end = &candidates[k + 1].found;
                resolved[k + 1] =
                    resolve::after(&resolved[k + 1], &end.val, end.clock).unwrap_or(resolved[k + 1].clone());
            }
        }
    }
    resolved
}

/// Per sentence, the day a quote in it was spoken, as the unquoted part of the sentence
/// dates it ("The mayor, speaking on June 4: “…”"): the first unquoted day of the sentence.
/// One pass over the candidates, which are in sentence order.
fn speech_dates(candidates: &[Candidate], resolved: &[Option<Resolved>]) -> Vec<Option<jiff::civil::Date>> {
    let sentences = candidates.last().map_or(0, |c| c.sentence + 1);
    let mut spoken = vec![None; sentences];
    for (c, r) in candidates.iter().zip(resolved) {
        let day = || r.as_ref().and_then(|r| r.day);
        if !c.quoted && c.found.val.is_day() && !c.found.bare_clock && spoken[c.sentence].is_none() {
            spoken[c.sentence] = day();
        }
    }
    spoken
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts of a long sentence scale by its length without overflowing: 6,143
    /// expressions in the first 103,499 of 800,040 bytes (dates joined by commas; the product
    /// saturated a 32-bit `usize`), and a product past 64 bits too.
    #[test]
    fn the_density_estimate_does_not_saturate() {
        assert_eq!(at_density(6143, 103_499, 800_040), 47_484);
        assert_eq!(at_density(1 << 40, 1 << 30, 1 << 30), 1 << 40);
        assert_eq!(at_density(10, 0, 100), 1000, "nothing read counts as one byte");
    }

    /// One long sentence of many kinds of expression (ranges, clocks joined to days, weeks,
    /// durations in the past, quoted dates, straight and curly quotation marks), scanned in
    /// windows far smaller than the real ones so that it is cut hundreds of times.
    #[test]
    fn a_sentence_scanned_in_windows_finds_what_the_whole_sentence_does() {
        let pieces = [
            "on March 3, 2021",
            "from May to December 2019",
            "“said on Monday at 3 p.m.”",
            "Tuesday of next week",
            "which was built in two days",
            "the \"10 - 22 August 2012\" talks",
            "a year earlier",
            "will vote on Friday",
            "and the fourth quarter",
            "twice a week",
            "at 14:15 on 05/31/2024",
        ];
        let mut text = String::from("The meetings were held ");
        for k in 0..600 {
            text.push_str(pieces[k * 7 % pieces.len()]);
            text.push_str(if k % 5 == 4 { " and " } else { ", " });
        }
        text.push_str("and later.");
        let analysis = crate::text::Analysis::of_text(&text);
        assert_eq!(analysis.sentences.len(), 1, "one long sentence");
        let kinds = words::Kinds::of(&analysis);
        let quotes = QuotedText::new(Vec::new());
        let whole = whole_sentence(&analysis, 0, &kinds, &quotes);
        assert!(whole.len() > 600, "the sentence holds many expressions: {}", whole.len());
        let scan = Scan { analysis: &analysis, kinds: &kinds, quotes: &quotes };
        for (window, overlap) in [(256, 64), (401, 128), (1000, 300), (usize::MAX, 0)] {
            let (mut words, mut placed, mut out) = (vec![], vec![], vec![]);
            assert!(scan.sentence(0, (window, overlap), (&mut words, &mut placed), &mut out), "windows agree");
            assert_eq!(out, whole, "windows of {window} tokens sharing {overlap}");
        }
        // A window no longer than its overlap would never move on: the sentence is scanned whole.
        let (mut words, mut placed, mut out) = (vec![], vec![], vec![]);
        assert!(!scan.sentence(0, (64, 64), (&mut words, &mut placed), &mut out) && out.is_empty());
    }
}
