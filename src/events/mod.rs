//! Events: dated clauses turned into timeline entries, merged across documents (issue 5).
//!
//! Each DATE or TIME expression with a calendar value dates the clause around it (`clause`),
//! when that clause has a predicate of its own: an attribution ("officials said Monday")
//! dates the statement it belongs to only when its sentence has no other date, and names
//! and dates alone (a byline) make nothing. A date that names a year or a month as a
//! modifier ("the 1984 election") does not date its clause. The two ends of a range are one
//! event spanning both (its `date` is the ISO 8601 interval `start/end`). The clause's entity
//! mentions are its participants and places, and the quotes of its clause whose date it gives
//! are said at it. Reports of the same event merge into one event with several sources
//! (`merge`); their differing dates are kept in `dates`. Vague references, durations and sets
//! make no events. It does not recognize time expressions or names itself.
//!
//! Cost: linear in the expressions and the text around them; merging compares each draft
//! with a bounded window of neighbours by date.

mod clause;
mod merge;
mod range;

use crate::calendar::days_between;
use crate::doc::Doc;
use crate::entities::Entities;
use crate::model::{Event, Mention, Quote, Span, TimeExpression, TimexType};
use clause::Role;
use jiff::civil::Date;
use std::collections::{BTreeSet, HashSet};

/// The longest summary, in characters.
const SUMMARY_CHARS: usize = 160;

/// One dated clause of one document, before merging.
pub(crate) struct Draft {
    pub value: String,
    pub range: (Date, Date),
    pub doc: usize,
    /// The sentence of the document it is in.
    pub sentence: usize,
    pub clause: Span,
    pub summary: String,
    /// Indices into `Entities::list`.
    pub entities: BTreeSet<usize>,
    pub quotes: Vec<String>,
    /// Hashes of the clause's content words (see [`clause::content`]).
    pub words: Vec<u64>,
    /// The value was resolved against a publication date that is inferred or unknown.
    pub inferred: bool,
}

pub(crate) fn build(docs: &[Doc], entities: &Entities, quotes: &[Quote], times: &[TimeExpression]) -> Vec<Event> {
    let mut drafts = Vec::new();
    let quotes_by_doc = crate::doc::group_by_doc(quotes, |q| &q.doc);
    let times_by_doc = crate::doc::group_by_doc(times, |t| &t.doc);
    for (d, doc) in docs.iter().enumerate() {
        let id = doc.document.id.as_str();
        let doc_quotes = quotes_by_doc.get(id).map_or(&[][..], Vec::as_slice);
        let doc_times = times_by_doc.get(id).map_or(&[][..], Vec::as_slice);
        drafts.extend(drafts_of(d, doc, entities, doc_quotes, doc_times));
    }
    let mut events: Vec<Event> =
        merge::groups(&drafts).into_iter().map(|g| event_of(&g, &drafts, docs, entities)).collect();
    events.sort_by(|a, b| (&a.start, &a.end, &a.date).cmp(&(&b.start, &b.end, &b.date)));
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("ev{i}");
    }
    events
}

/// A dated expression of a document (or the two ends of a range, as one).
struct Dated<'a> {
    span: Span,
    value: String,
    range: (Date, Date),
    /// The first expression (a relative value has an anchor).
    time: &'a TimeExpression,
}

/// The dated expressions of a document, in text order, a range's two ends joined.
fn dated_of<'a>(times: &[&'a TimeExpression]) -> Vec<Dated<'a>> {
    let mut times: Vec<&TimeExpression> =
        times.iter().copied().filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time)).collect();
    times.sort_by_key(|t| (t.start, t.end));
    let mut out = Vec::with_capacity(times.len());
    let mut k = 0;
    while k < times.len() {
        let t = times[k];
        let end = times.get(k + 1).copied().filter(|e| {
            t.range.is_some()
                && e.range == t.range
                && t.range.as_ref().is_some_and(|r| r.start == t.value && r.end == e.value)
        });
        if let Some(e) = end {
            if let (Some(first), Some(last)) = (range::of_value(&t.value), range::of_value(&e.value)) {
                let value = format!("{}/{}", t.value, e.value);
                out.push(Dated {
                    span: Span::new(t.start, e.end),
                    value,
                    range: (first.0, last.1.max(first.0)),
                    time: t,
                });
                k += 2;
                continue;
            }
        }
        if let Some(range) = range::of_value(&t.value) {
            out.push(Dated { span: Span::new(t.start, t.end), value: t.value.clone(), range, time: t });
        }
        k += 1;
    }
    out
}

/// The dated clauses of document `d` that are events (see the module's documentation).
fn drafts_of(d: usize, doc: &Doc, entities: &Entities, doc_quotes: &[&Quote], times: &[&TimeExpression]) -> Vec<Draft> {
    let analysis = &doc.analysis;
    let dated = dated_of(times);
    let spans: Vec<Span> = dated.iter().map(|x| x.span).collect();
    let function = clause::function_words(analysis);
    let quote_spans = QuoteSpans::new(doc_quotes);
    // A relative date is only as sure as what it was resolved against.
    let unsure_dct = doc.dct.is_none();
    let mentions = entities.by_doc.get(d).map_or(&[][..], Vec::as_slice);
    let mut out = Vec::new();
    for (k, x) in dated.iter().enumerate() {
        let Some(mut clause) = clause::around(analysis, x.span, &spans) else {
            continue;
        };
        let Some(sentence) = analysis.sentence_at(x.span.start) else {
            continue;
        };
        // The quotes a date times are those of its sentence between the dates beside it.
        let whole = analysis.sentences[sentence].span;
        let region = Span::new(
            k.checked_sub(1).map_or(whole.start, |p| spans[p].end.max(whole.start)),
            spans.get(k + 1).map_or(whole.end, |n| n.start.min(whole.end)),
        );
        let coarse = x.range.0 != x.range.1 && !x.value.contains('/');
        if clause::attributive(analysis, x.span, coarse, &function) {
            continue;
        }
        match clause::role(analysis, clause, &spans, &function) {
            Role::Empty => continue,
            Role::Attribution => {
                // The attribution dates its sentence's statement when nothing else does.
                let others =
                    spans.partition_point(|s| s.start < whole.end) - spans.partition_point(|s| s.start < whole.start);
                if others > 1 {
                    continue;
                }
                clause = whole;
            }
            Role::Event => {}
        }
        let text = doc.document.text.get(clause.start..clause.end).unwrap_or_default();
        let first = mentions.partition_point(|m| m.span.start < clause.start);
        let entity_ids = mentions[first..].iter().take_while(|m| m.span.end <= clause.end).map(|m| m.entity).collect();
        out.push(Draft {
            value: x.value.clone(),
            range: x.range,
            doc: d,
            sentence,
            clause,
            summary: clause::summary(text, SUMMARY_CHARS),
            entities: entity_ids,
            quotes: quote_spans.said_at(region, x.span),
            words: clause::content(analysis, clause, &function),
            inferred: unsure_dct && x.time.anchor.is_some(),
        });
    }
    out
}

/// The quotes of one document by position, to find those of a clause in O(log n): quotes do
/// not overlap one another.
struct QuoteSpans<'a> {
    /// Sorted by start.
    quotes: Vec<&'a Quote>,
}

impl<'a> QuoteSpans<'a> {
    fn new(quotes: &[&'a Quote]) -> Self {
        let mut quotes = quotes.to_vec();
        quotes.sort_by_key(|q| (q.start, q.end));
        QuoteSpans { quotes }
    }

    /// Ids of the quotes a date outside them times: the quotes that overlap `region`.
    fn said_at(&self, region: Span, time: Span) -> Vec<String> {
        let first = self.quotes.partition_point(|q| q.end <= region.start);
        self.quotes[first..]
            .iter()
            .take_while(|q| q.start < region.end)
            .filter(|q| !Span::new(q.start, q.end).contains(time))
            .map(|q| q.id.clone())
            .collect()
    }
}

/// One event from a group of drafts: the most precise report gives its date and summary.
fn event_of(group: &[usize], drafts: &[Draft], docs: &[Doc], entities: &Entities) -> Event {
    let days = |d: &Draft| days_between(d.range.1, d.range.0);
    let best = group.iter().copied().min_by_key(|&i| (days(&drafts[i]), i)).unwrap_or(group[0]);
    let rep = &drafts[best];
    // Sets beside the lists keep a group of thousands of reports linear to gather.
    let mut dates = vec![rep.value.clone()];
    let mut seen_dates: HashSet<&str> = HashSet::from([rep.value.as_str()]);
    let mut doc_ids: Vec<String> = Vec::new();
    let mut seen_docs: HashSet<&str> = HashSet::new();
    let mut entity_set = BTreeSet::new();
    let mut quote_ids: Vec<String> = Vec::new();
    let mut seen_quotes: HashSet<&str> = HashSet::new();
    let mut mentions = Vec::new();
    let mut seen_mentions: HashSet<(usize, Span)> = HashSet::new();
    let mut inferred = false;
    for &i in group {
        let draft = &drafts[i];
        let document = docs[draft.doc].document;
        if seen_dates.insert(&draft.value) {
            dates.push(draft.value.clone());
        }
        if seen_docs.insert(&document.id) {
            doc_ids.push(document.id.clone());
        }
        entity_set.extend(draft.entities.iter().copied());
        for q in &draft.quotes {
            if seen_quotes.insert(q) {
                quote_ids.push(q.clone());
            }
        }
        inferred |= draft.inferred;
        if !seen_mentions.insert((draft.doc, draft.clause)) {
            continue;
        }
        mentions.push(Mention {
            doc: document.id.clone(),
            start: draft.clause.start,
            end: draft.clause.end,
            text: document.text.get(draft.clause.start..draft.clause.end).unwrap_or_default().to_string(),
        });
    }
    let listed: Vec<_> = entity_set.iter().filter_map(|&e| entities.list.get(e)).collect();
    Event {
        id: String::new(),
        date: rep.value.clone(),
        start: range::ymd(rep.range.0),
        end: range::ymd(rep.range.1),
        summary: rep.summary.clone(),
        docs: doc_ids,
        entities: listed.iter().map(|e| e.id.clone()).collect(),
        entity_names: listed.iter().map(|e| e.name.clone()).collect(),
        mentions,
        quotes: quote_ids,
        dates,
        inferred,
    }
}
