//! Events: dated clauses turned into timeline entries, merged across documents (issue 5).
//!
//! Each DATE or TIME expression with a calendar value dates the clause around it (`clause`);
//! the clause's entity mentions are its participants and places, and the quotes of its
//! sentence whose date it gives are said at it. Reports of the same event (overlapping
//! ranges, shared participants or places) merge into one event with several sources
//! (`merge`); their differing dates are kept in `dates`. Vague references, durations and
//! sets make no events. It does not recognize time expressions or names itself.

mod clause;
mod merge;
mod range;

use crate::calendar::days_between;
use crate::doc::Doc;
use crate::entities::Entities;
use crate::model::{DateRange, Event, Mention, Precision, PublishedSource, Quote, Span, TimeExpression, TimexType};
use jiff::civil::Date;
use std::collections::{BTreeSet, HashSet};

/// The longest summary, in characters.
const SUMMARY_CHARS: usize = 160;

/// One dated clause of one document, before merging.
pub(crate) struct Draft {
    pub value: String,
    pub range: (Date, Date),
    pub precision: Precision,
    /// The value was resolved against a publication date that is inferred or unknown.
    pub inferred: bool,
    pub doc: usize,
    pub clause: Span,
    pub summary: String,
    /// Indices into `Entities::list`.
    pub entities: BTreeSet<usize>,
    pub quotes: Vec<String>,
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

/// The dated clauses of document `d`.
fn drafts_of(d: usize, doc: &Doc, entities: &Entities, doc_quotes: &[&Quote], times: &[&TimeExpression]) -> Vec<Draft> {
    let mut dated: Vec<(Span, &TimeExpression, (Date, Date, Precision))> = times
        .iter()
        .copied()
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .filter_map(|t| range::with_precision(&t.value).map(|r| (Span::new(t.start, t.end), t, r)))
        .collect();
    // A relative date is only as sure as what it was resolved against.
    let unsure_dct = doc.document.published.is_none()
        || matches!(doc.document.published_source, PublishedSource::Inferred | PublishedSource::None);
    dated.sort_by_key(|(s, _, _)| *s);
    let spans: Vec<Span> = dated.iter().map(|(s, _, _)| *s).collect();
    let mentions = entities.by_doc.get(d).map_or(&[][..], Vec::as_slice);
    let mut out = Vec::new();
    for (span, time, (first_day, last_day, precision)) in dated {
        let Some(clause) = clause::around(&doc.analysis, span, &spans) else {
            continue;
        };
        let text = doc.document.text.get(clause.start..clause.end).unwrap_or_default();
        let first = mentions.partition_point(|m| m.span.start < clause.start);
        let entity_ids = mentions[first..].iter().take_while(|m| m.span.end <= clause.end).map(|m| m.entity).collect();
        out.push(Draft {
            value: time.value.clone(),
            range: (first_day, last_day),
            precision,
            inferred: unsure_dct && time.anchor.is_some(),
            doc: d,
            clause,
            summary: clause::summary(text, SUMMARY_CHARS),
            entities: entity_ids,
            quotes: said_at(doc, span, doc_quotes),
        });
    }
    out
}

/// Ids of the quotes a date outside them times: quotes of the same sentence as the date.
fn said_at(doc: &Doc, time: Span, quotes: &[&Quote]) -> Vec<String> {
    let Some(sentence) = doc.analysis.sentence_at(time.start).and_then(|s| doc.analysis.sentences.get(s)) else {
        return Vec::new();
    };
    quotes
        .iter()
        .filter(|q| {
            let quote = Span::new(q.start, q.end);
            quote.overlaps(sentence.span) && !quote.contains(time)
        })
        .map(|q| q.id.clone())
        .collect()
}

/// One event from a group of drafts: the most precise report gives its date and summary.
fn event_of(group: &[usize], drafts: &[Draft], docs: &[Doc], entities: &Entities) -> Event {
    let days = |d: &Draft| days_between(d.range.1, d.range.0);
    let best = group.iter().copied().min_by_key(|&i| (days(&drafts[i]), i)).unwrap_or(group[0]);
    let rep = &drafts[best];
    // Sets beside the lists keep a group of thousands of reports linear to gather.
    let mut dates = vec![rep.value.clone()];
    let range_of = |d: &Draft| DateRange {
        date: d.value.clone(),
        start: range::ymd(d.range.0),
        end: range::ymd(d.range.1),
        precision: d.precision,
    };
    let mut ranges = vec![range_of(rep)];
    let mut seen_dates: HashSet<&str> = HashSet::from([rep.value.as_str()]);
    // Ranges on a line that overlap pairwise share a day, so the sources agree exactly when
    // the latest first day is not after the earliest last day.
    let (mut latest_first, mut earliest_last) = rep.range;
    let mut inferred = false;
    let mut doc_ids: Vec<String> = Vec::new();
    let mut seen_docs: HashSet<&str> = HashSet::new();
    let mut entity_set = BTreeSet::new();
    let mut quote_ids: Vec<String> = Vec::new();
    let mut seen_quotes: HashSet<&str> = HashSet::new();
    let mut mentions = Vec::new();
    for &i in group {
        let draft = &drafts[i];
        let document = docs[draft.doc].document;
        if seen_dates.insert(&draft.value) {
            dates.push(draft.value.clone());
            ranges.push(range_of(draft));
        }
        latest_first = latest_first.max(draft.range.0);
        earliest_last = earliest_last.min(draft.range.1);
        inferred |= draft.inferred;
        if seen_docs.insert(&document.id) {
            doc_ids.push(document.id.clone());
        }
        entity_set.extend(draft.entities.iter().copied());
        for q in &draft.quotes {
            if seen_quotes.insert(q) {
                quote_ids.push(q.clone());
            }
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
        precision: rep.precision,
        ranges,
        conflict: latest_first > earliest_last,
        inferred,
    }
}
