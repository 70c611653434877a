//! Quotations and who said them (issue 3): direct, partial, dialogue and scare quotes, with
//! speaker, speaker span, speech verb and the speaker's entity.
//!
//! Per document, as a pipeline: pair the quote marks (`marks`) and read transcript lines
//! (`dialogue`); find each quote's attribution clause in its sentence (`attribution`, with the
//! speaker phrase read by `phrases` and the speech verbs of `verbs`); classify the quote; then,
//! in text order, resolve the speakers (`speakers`), letting a quote without a clause continue
//! the speaker of its paragraph or of the previous one, as newswriting does.
//!
//! A quote's `start`/`end` is its inner text, without the marks (byte offsets here). It does not
//! recognize names by itself beyond the attribution clause, and does not date quotes.

mod attribution;
mod dialogue;
mod kept;
mod lexicon;
mod marks;
mod phrases;
mod quote_nouns;
mod scare;
mod speakers;
#[cfg(feature = "train")]
pub mod train;
mod verbs;

use crate::doc::Doc;
use crate::entities::{Entities, MentionRef};
use crate::model::{Document, Quote, QuoteKind, Span};
use attribution::{Attribution, QuoteTokens};
use phrases::{Phrase, Words};
use speakers::{Resolver, Speaker, SpeakerId};
use std::borrow::Cow;

/// The fragments of one analyzed document that the scare model decides, with their features
/// (for training: see `train`).
#[cfg(feature = "train")]
pub(crate) fn scare_examples(a: &crate::text::Analysis) -> Vec<Example> {
    let lex = lexicon::Lexicon::new(a);
    let w = Words { a, lex: &lex };
    let mut examples = Vec::new();
    if !a.tokens.is_empty() {
        find_quotes(&w, Some(&mut examples));
    }
    examples
}

/// What the quote stage finds in one document alone, before any speaker is linked to the
/// corpus's entities: each quote's span, kind and paragraph, and the attribution clause,
/// transcript label or preceding sentence that may name its speaker (the speaker mention
/// candidates, with their cue). An article's part keeps it (see [`crate::pipeline::Part`]), so
/// that a corpus is assembled without finding quotes again.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Detected {
    found: Vec<QuoteDraft>,
}

/// Finds the quotes of one analyzed document and what may name their speakers: everything
/// of the stage that needs no other document. Linear in the document.
pub(crate) fn detect(a: &crate::text::Analysis) -> Detected {
    detect_with(a, &lexicon::Lexicon::new(a))
}

/// [`detect`], with the document's word classes built already.
fn detect_with(a: &crate::text::Analysis, lex: &lexicon::Lexicon) -> Detected {
    #[cfg(test)]
    crate::doc::runs::count(crate::doc::runs::Kept::Quotes);
    if a.tokens.is_empty() {
        return Detected::default();
    }
    Detected { found: find_quotes(&Words { a, lex }, None) }
}

impl Detected {
    /// How many quotes it holds.
    pub(crate) fn len(&self) -> usize {
        self.found.len()
    }

    /// The spans of the quotes (inner text, byte offsets), sorted.
    pub(crate) fn spans(&self) -> Vec<Span> {
        let mut spans: Vec<Span> = self.found.iter().map(|f| f.inner).filter(|s| !s.is_empty()).collect();
        crate::sorting::sort(&mut spans);
        spans
    }

    /// True when this was made of a document with this analysis, as far as linking speakers
    /// relies on it: every span within the text and on character boundaries, every token and
    /// paragraph within the analysis. A damaged part fails it and is detected again.
    pub(crate) fn fits(&self, a: &crate::text::Analysis) -> bool {
        let span = |s: Span| s.start <= s.end && a.text.get(s.start..s.end).is_some();
        let phrase = |p: &Phrase| span(p.span) && span(p.head);
        self.found.iter().all(|f| {
            span(f.inner)
                && f.paragraph < a.paragraphs.len()
                && match f.source {
                    Source::Clause(c) | Source::Previous(c) => phrase(&c.phrase) && c.cue_token < a.tokens.len(),
                    Source::Label(l, _) => phrase(&l),
                    Source::Unattributed => true,
                }
        })
    }

    pub(crate) fn write(&self, w: &mut crate::codec::Writer) {
        kept::write(&self.found, w);
    }

    /// What [`Detected::write`] wrote, or `None` for bytes that are not one.
    pub(crate) fn read(r: &mut crate::codec::Reader) -> Option<Self> {
        Some(Detected { found: kept::read(r)? })
    }
}

/// A quote as found, before the contract is written: offsets, and references into its
/// document and the entities, so that a document of many short quotes holds no strings per
/// quote while the later stages run ([`into_contract`] makes the owned [`Quote`]s). Not larger
/// than the `QuoteDraft` it is made from, so that the list is made in place.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Quoted<'a> {
    pub document: &'a Document,
    /// Its inner text's byte span.
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Said<'a>>,
}

impl<'a> Quoted<'a> {
    /// Its document's id.
    pub(crate) fn doc(&self) -> &'a str {
        &self.document.id
    }

    /// Its inner text.
    pub(crate) fn text(&self) -> &'a str {
        // OK because the span was cut from this document's text at char boundaries.
        &self.document.text[self.span.start..self.span.end]
    }
}

/// Who said a quote, as the contract gives it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Said<'a> {
    pub name: &'a str,
    pub span: Span,
    pub id: Option<&'a str>,
    pub cue: &'a str,
}

/// Attributes every quotation of every document (byte offsets) from what [`detect`] found in
/// it: `kept[d]` of `docs[d]`, or, when no part kept it, found here (with the same word
/// classes, built once per document). Links speakers to the corpus's entities; in document
/// order, quotes by start; ids are `q` + index in this list (see [`into_contract`]). Returns
/// the quotes and each document's quote spans (see [`Detected::spans`]).
pub(crate) fn extract<'a>(
    docs: &[Doc<'a>],
    kept: &[Option<&Detected>],
    entities: &'a Entities,
) -> (Vec<Quoted<'a>>, Vec<Vec<Span>>) {
    let mut quotes = Vec::new();
    let mut detections = Vec::with_capacity(docs.len());
    for (d, (doc, kept)) in docs.iter().zip(kept).enumerate() {
        let a = &doc.analysis;
        let (detected, lex) = match kept {
            Some(kept) => (Cow::Borrowed(*kept), None),
            None => {
                let lex = lexicon::Lexicon::new(a);
                (Cow::Owned(detect_with(a, &lex)), Some(lex))
            }
        };
        let mentions = entities.by_doc.get(d).map_or(&[][..], Vec::as_slice);
        let (found, spans) = document_quotes(doc, detected, lex, entities, mentions);
        detections.push(spans);
        // The first document's list is kept as it is: one long document's quotes are not
        // copied into a second list of the same size.
        if quotes.is_empty() {
            quotes = found;
        } else {
            quotes.extend(found);
        }
    }
    (quotes, detections)
}

/// The id of the quote at `index` of [`extract`]'s list.
pub(crate) fn id(index: usize) -> String {
    crate::model::numbered_id("q", index)
}

/// The contract's quotes, with their ids.
pub(crate) fn into_contract(quotes: Vec<Quoted>) -> Vec<Quote> {
    quotes
        .into_iter()
        .enumerate()
        .map(|(i, q)| Quote {
            id: id(i),
            doc: q.doc().to_string(),
            start: q.span.start,
            end: q.span.end,
            text: q.text().to_string(),
            kind: q.kind,
            speaker: q.speaker.map(|s| s.name.to_string()),
            speaker_span: q.speaker.map(|s| s.span),
            speaker_id: q.speaker.and_then(|s| s.id.map(str::to_string)),
            cue: q.speaker.map(|s| s.cue.to_string()),
        })
        .collect()
}

/// How a quote gets its speaker.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Source {
    /// Its own attribution clause.
    Clause(Attribution),
    /// The label of a transcript line; `interview` for `Q:`/`A:`.
    Label(Phrase, bool),
    /// None of its own: a direct quote may continue a neighbour's speaker.
    Unattributed,
    /// None of its own, but the sentence before it names someone (see
    /// [`attribution::previous_sentence`]): the speaker when no neighbour's continues.
    Previous(Attribution),
}

/// A quote of one document (or a reported-speech clause, with an empty `inner`) before it is
/// output: small and without strings, as a document of many short quotes holds thousands.
#[derive(Clone, Copy, Debug, PartialEq)]
struct QuoteDraft {
    inner: Span,
    kind: QuoteKind,
    paragraph: usize,
    opens_paragraph: bool,
    source: Source,
    /// Once resolved, in the resolver's records.
    speaker: Option<SpeakerId>,
}

/// The quotes of one document from what [`detect`] found in it, reading the word classes
/// `lex` (built here when not given).
/// The quotes of one document, and the spans of its quotes (see [`Detected::spans`]). A
/// detection made here is resolved in place; a kept one is copied.
fn document_quotes<'a>(
    doc: &Doc<'a>,
    detected: Cow<Detected>,
    lex: Option<lexicon::Lexicon>,
    entities: &'a Entities,
    mentions: &'a [MentionRef],
) -> (Vec<Quoted<'a>>, Vec<Span>) {
    let a = &doc.analysis;
    if detected.found.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let lex = lex.unwrap_or_else(|| lexicon::Lexicon::new(a));
    let w = Words { a, lex: &lex };
    let quoted = detected.spans();
    let mut found = detected.into_owned().found;
    const _: () = assert!(std::mem::size_of::<Quoted>() <= std::mem::size_of::<QuoteDraft>());
    let resolver = resolve_speakers(&w, &mut found, entities, mentions, &quoted);
    // Made in place of `found` (a `Quoted` is not larger than a `QuoteDraft`), then put in text
    // order: stable, so quotes starting together keep the order they were found in.
    let mut quotes: Vec<Quoted> = found
        .into_iter()
        .filter(|f| !f.inner.is_empty())
        .map(|f| {
            let speaker = f.speaker.filter(|_| f.kind != QuoteKind::Scare).map(|s| resolver.get(s));
            Quoted {
                document: doc.document,
                span: f.inner,
                kind: f.kind,
                speaker: speaker.map(|s| Said { name: s.name, span: s.span, id: s.id, cue: s.cue }),
            }
        })
        .collect();
    crate::sorting::sort_by_key(&mut quotes, |q| q.span.start);
    (quotes, quoted)
}

/// A quoted fragment that the scare model was asked about: its inner span and features.
pub(crate) type Example = (Span, Vec<u32>);

/// Pairs marks, reads transcript lines, and finds each quote's clause and kind. The fragments
/// the scare model decides are added to `examples` when given (for training).
fn find_quotes(w: &Words, mut examples: Option<&mut Vec<Example>>) -> Vec<QuoteDraft> {
    let a = w.a;
    let paragraph_of =
        |at: usize| a.paragraphs.partition_point(|p| p.end < at).min(a.paragraphs.len().saturating_sub(1));
    let lines = dialogue::find(w, &a.paragraphs);
    let mut in_dialogue = vec![false; a.paragraphs.len()];
    let mut in_quote = vec![false; a.tokens.len()];
    let mut found = Vec::with_capacity(lines.len());
    for line in &lines {
        in_dialogue[line.paragraph] = true;
        mark(&mut in_quote, a.token_from(line.inner.start), a.token_from(line.inner.end));
        let label = phrases::label(w, line.label.0, line.label.1);
        found.push(QuoteDraft {
            inner: line.inner,
            kind: QuoteKind::Dialogue,
            paragraph: line.paragraph,
            opens_paragraph: true,
            source: Source::Label(label, line.interview),
            speaker: None,
        });
    }
    let mut quotes = marks::find(a.text, &a.paragraphs);
    // A marked quote's tokens and paragraph, or `None` when it is no quote of its own (in a
    // dialogue paragraph, or without a token).
    let tokens_of = |m: &marks::Marked| {
        let p = paragraph_of(m.outer.start);
        let open = a.token_from(m.outer.start);
        let close = a.token_from(m.outer.end).checked_sub(1)?;
        (!in_dialogue[p] && open <= close && close < a.tokens.len())
            .then_some((QuoteTokens { open, close, paragraph: a.paragraphs[p] }, p))
    };
    // The quotes are filtered in place and their tokens looked up again below (two binary
    // searches), not collected beside them: that list, 40 bytes a quote in the wasm, was the
    // stage's peak on a paragraph of many quotes. (A loop, not `Vec::retain`: one generic
    // function less in the wasm.)
    let mut kept = 0;
    for k in 0..quotes.len() {
        // OK because `kept <= k < quotes.len()`.
        if let Some((q, _)) = tokens_of(&quotes[k]) {
            mark(&mut in_quote, q.open, q.close + 1);
            quotes[kept] = quotes[k];
            kept += 1;
        }
    }
    quotes.truncate(kept);
    found.reserve_exact(quotes.len());
    for m in quotes {
        // OK to skip: `retain` kept only quotes with tokens.
        let Some((q, p)) = tokens_of(&m) else { continue };
        let inner = trim(a.text, m.inner);
        if inner.is_empty() {
            continue;
        }
        // A transcript line in quote marks: `"JONES: …`.
        if let Some(line) = dialogue::in_quote(w, q.open + 1, inner) {
            let label = phrases::label(w, line.label.0, line.label.1);
            found.push(QuoteDraft {
                inner: without_trailing_comma(a.text, line.inner),
                kind: QuoteKind::Dialogue,
                paragraph: p,
                opens_paragraph: true,
                source: Source::Label(label, line.interview),
                speaker: None,
            });
            continue;
        }
        let inner_text = &a.text[inner.start..inner.end];
        let clause = attribution::for_quote(w, &in_quote, q, inner_text);
        let mut kind = classify(w, &in_quote, q, inner_text, paragraph_of(m.outer.end) == p);
        if kind != QuoteKind::Direct {
            let model = scare::Model::builtin();
            let features = scare::features(w, &in_quote, q, inner_text, clause);
            let needed = if clause.is_none() && writers_usage(w, &in_quote, q) { 0.9 } else { 0.5 };
            kind = if model.reported(&features) >= needed { QuoteKind::Partial } else { QuoteKind::Scare };
            if let Some(examples) = examples.as_deref_mut() {
                examples.push((inner, features));
            }
        }
        found.push(QuoteDraft {
            inner: without_trailing_comma(a.text, inner),
            kind,
            paragraph: p,
            opens_paragraph: a.tokens[q.open].start() == q.paragraph.start,
            source: match clause.filter(|_| kind != QuoteKind::Scare) {
                Some(c) => Source::Clause(c),
                None if kind == QuoteKind::Direct => {
                    attribution::previous_sentence(w, &in_quote, q).map_or(Source::Unattributed, Source::Previous)
                }
                None => Source::Unattributed,
            },
            speaker: None,
        });
    }
    // Reported speech is found with every quote's tokens and cue known.
    let mut cues: Vec<usize> = found
        .iter()
        .filter_map(|f| match f.source {
            Source::Clause(c) => Some(c.cue_token),
            _ => None,
        })
        .collect();
    crate::sorting::sort(&mut cues);
    // Into room made for them all at once, not by doubling (a document of many "X spoke."
    // holds as many): the page's extractor worker keeps every doubling's old buffer in its
    // high-water mark.
    let candidates = attribution::reported_candidates(w, &in_quote, &cues);
    found.reserve_exact(candidates.len());
    attribution::reported(w, &in_quote, &a.paragraphs, &candidates, |r| {
        if !r.negated {
            found.push(QuoteDraft {
                inner: Span::new(r.phrase.span.start, r.phrase.span.start),
                kind: QuoteKind::Scare, // placeholder; reported speech is not output
                paragraph: paragraph_of(r.phrase.span.start),
                opens_paragraph: false,
                source: Source::Clause(r),
                speaker: None,
            });
        }
    });
    found.shrink_to_fit();
    found
}

/// `the requirement to “sound tough”`, `definitions of “cooperation”`: a lowercase fragment
/// right after `to` or `of`, the writer's own usage unless a clause attributes it or it
/// follows another quote of its sentence (`called it a “…” and accused them of “…”`).
fn writers_usage(w: &Words, in_quote: &[bool], q: QuoteTokens) -> bool {
    let first = q.open + 1;
    let after_quote = attribution::left_start(w, in_quote, q)
        .checked_sub(1)
        .is_some_and(|t| in_quote[t] && w.a.tokens[t].start() >= q.paragraph.start);
    !after_quote
        && first < q.close
        && w.is_word(first)
        && !w.is_capitalized(first)
        && q.open.checked_sub(1).is_some_and(|t| w.is(t, &["to", "of"]))
}

fn mark(flags: &mut [bool], from: usize, to: usize) {
    for f in flags.iter_mut().take(to).skip(from) {
        *f = true;
    }
}

/// `we will see,` → `we will see`: a comma before the closing mark belongs to
/// the sentence around the quote, not to the words quoted.
fn without_trailing_comma(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let kept = s.trim_end_matches(|c: char| c == ',' || c.is_whitespace()).len();
    Span::new(span.start, span.start + kept.max(usize::from(kept == 0) * s.len()))
}

fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    Span::new(start, start.max(span.start + s.trim_end().len()))
}

/// Direct (a sentence or more) or a fragment (`Partial`, which the scare model then splits
/// into partial quotes and scare quotes).
fn classify(w: &Words, in_quote: &[bool], q: QuoteTokens, inner: &str, single_paragraph: bool) -> QuoteKind {
    let words = (q.open + 1..q.close).filter(|&i| w.a.tokens[i].kind() != crate::text::TokenKind::Punct).count();
    let first = inner.chars().next();
    let upper = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let prev = q.open.checked_sub(1).filter(|&t| w.a.tokens[t].start() >= q.paragraph.start);
    let clause_start = prev.map_or(true, |t| {
        in_quote[t] || w.is_punct(t, &['.', '!', '?', ':', ',', ';', '—', '–', '(']) || w.is_speech_verb(t)
    });
    let last = inner.chars().next_back();
    let ends_sentence = matches!(last, Some('.' | '?' | '!' | '…'));
    // The second half of a split quote: `“…,” she said, “and …”`.
    let split_half = prev.is_some_and(|t| w.is_punct(t, &[',', ':']))
        && attribution::left_start(w, in_quote, q)
            .checked_sub(1)
            .is_some_and(|t| in_quote[t] && w.a.tokens[t].start() >= q.paragraph.start);
    let sentential = (upper && (clause_start || ends_sentence || words >= 6))
        || (clause_start && prev.is_none() && words >= 3)
        || split_half
        || !single_paragraph;
    if sentential {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// Resolves speakers in text order, so that pronouns and continued quotes see who spoke last.
/// Each `QuoteDraft` gets its speaker's id in the returned resolver.
fn resolve_speakers<'w, 'a>(
    w: &'w Words<'w, 'a>,
    found: &mut [QuoteDraft],
    entities: &'a Entities,
    mentions: &'a [MentionRef],
    quotes: &'w [Span],
) -> Resolver<'w, 'a> {
    let mut resolver = Resolver::new(w, entities, mentions, quotes);
    resolver.reserve(found.len());
    let position = |f: &QuoteDraft| match f.source {
        Source::Clause(c) => c.phrase.span.start,
        Source::Label(l, _) => l.span.start,
        Source::Unattributed | Source::Previous(_) => f.inner.start,
    };
    // (position, index) pairs: a small sort buffer, not one of quotes.
    let mut order: Vec<(usize, usize)> = found.iter().enumerate().map(|(i, f)| (position(f), i)).collect();
    crate::sorting::sort(&mut order);
    // Per paragraph, the speaker of the latest quote attributed so far.
    let mut paragraph_speaker: Option<(usize, SpeakerId)> = None;
    // The sentence and speaker of the latest quote attributed so far.
    let mut sentence_speaker: Option<(usize, SpeakerId)> = None;
    let mut deferred = Vec::new();
    for (_, i) in order {
        let f = &found[i];
        let is_quote = !f.inner.is_empty();
        let speaker = match f.source {
            // `He is not saying “…”`: no one is credited, and no one is continued.
            Source::Clause(c) if c.negated => None,
            Source::Clause(c) => Some(resolver.resolve(&c.phrase, f.paragraph, w.text(c.cue_token))),
            Source::Label(label, true) => Some(resolver.add(Speaker {
                name: &w.a.text[label.span.start..label.span.end],
                id: None,
                span: label.span,
                cue: ":",
                gender: None,
                plural: false,
                nature: speakers::Nature::Person,
                described: true,
                head: None,
                paragraph: f.paragraph,
                at: label.span.start,
            })),
            Source::Label(label, false) => Some(resolver.resolve(&label, f.paragraph, ":")),
            Source::Unattributed | Source::Previous(_) if f.kind == QuoteKind::Direct => {
                let same_paragraph = paragraph_speaker.filter(|(p, _)| *p == f.paragraph).map(|(_, s)| s);
                let continued = same_paragraph.or_else(|| {
                    resolver.last().filter(|&s| {
                        let s = resolver.get(s);
                        s.paragraph == f.paragraph || (f.opens_paragraph && s.paragraph + 1 == f.paragraph)
                    })
                });
                match (continued, f.source) {
                    (Some(s), _) => {
                        resolver.continue_in(f.paragraph);
                        Some(s)
                    }
                    (None, Source::Previous(c)) => Some(resolver.resolve(&c.phrase, f.paragraph, w.text(c.cue_token))),
                    (None, _) => {
                        deferred.push(i);
                        None
                    }
                }
            }
            // `X called it “a” and “b”`: a fragment shares the speaker of the quote before it in
            // its sentence.
            Source::Unattributed if f.kind != QuoteKind::Scare => {
                sentence_speaker.filter(|(s, _)| w.a.sentence_at(f.inner.start) == Some(*s)).map(|(_, id)| {
                    let speaker = *resolver.get(id);
                    // Its own verb, when one stands between the two quotes (`and accused …`).
                    let open = w.a.token_from(f.inner.start).saturating_sub(1);
                    let between = || {
                        (open.saturating_sub(12)..open)
                            .rev()
                            .take_while(|&t| !w.is_punct(t, &['"', '“', '”', '‘', '’']))
                    };
                    let past = |t: usize| attribution::is_cue(w, t) || w.lower(t).ends_with("ed");
                    let verb = between()
                        .find(|&t| attribution::is_verb_like(w, t) && past(t))
                        .or_else(|| between().find(|&t| attribution::is_verb_like(w, t)));
                    let cue = verb.map_or(speaker.cue, |t| w.text(t));
                    resolver.add(Speaker { cue, ..speaker })
                })
            }
            Source::Unattributed | Source::Previous(_) => None,
        };
        if is_quote {
            if let Some(s) = speaker {
                paragraph_speaker = Some((f.paragraph, s));
                if let Some(sentence) = w.a.sentence_at(f.inner.start) {
                    sentence_speaker = Some((sentence, s));
                }
            }
        }
        found[i].speaker = speaker;
    }
    crate::sorting::sort(&mut deferred);
    // `“A.” “B,” she said.`: a quote before its paragraph's first attribution shares it.
    let mut by_start: Vec<(usize, usize)> =
        found.iter().enumerate().filter(|(_, f)| !f.inner.is_empty()).map(|(i, f)| (f.inner.start, i)).collect();
    crate::sorting::sort(&mut by_start);
    let mut next: Option<(usize, SpeakerId)> = None;
    for &(_, i) in by_start.iter().rev() {
        let p = found[i].paragraph;
        if deferred.binary_search(&i).is_ok() {
            found[i].speaker = next.filter(|(q, _)| *q == p).map(|(_, s)| s);
        } else if let (Source::Clause(_), Some(s)) = (found[i].source, found[i].speaker) {
            next = Some((p, s));
        }
    }
    resolver
}
