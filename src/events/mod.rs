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
//! Cost: linear in the expressions and the text around them (a clause's words are read by
//! token from the batch's columns); merging compares each draft with a bounded window of
//! neighbours by date. Gathering an event's lists is linear in its reports and allocates
//! only what the contract keeps (its strings and lists): what a group has listed already is
//! read from stamps made once per build ([`Seen`]), not from sets made per event.

mod clause;
mod merge;
// The days a TIMEX3 value covers: also how the search reads a date typed as `2009-03`.
pub(crate) mod range;

use crate::calendar::days_between;
use crate::doc::Doc;
use crate::entities::Entities;
use crate::model::{DateRange, Event, Mention, Precision, PublishedSource, Span, TimeExpression, TimexType};
use crate::quotes::Quoted;
use crate::text::FxBuildHasher;
use clause::{ClauseWords, Role};
use jiff::civil::Date;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// The longest summary, in characters.
const SUMMARY_CHARS: usize = 160;

/// One dated clause of one document, before merging.
pub(crate) struct Draft<'a> {
    pub value: Cow<'a, str>,
    pub range: (Date, Date),
    pub precision: Precision,
    pub doc: usize,
    /// The sentence of the document it is in.
    pub sentence: usize,
    pub clause: Span,
    /// Indices into `Entities::list`, sorted, without repeats.
    pub entities: Vec<usize>,
    /// Indices of the quotes its date times, into the corpus's quotes.
    pub quotes: Vec<usize>,
    /// Hashes of the clause's content words (see [`clause::content`]).
    pub words: Vec<u64>,
    /// The value was resolved against a publication date that is inferred or unknown.
    pub inferred: bool,
}

// Not inlined into the pipeline, so that profiles show the stage's cost as one.
#[inline(never)]
pub(crate) fn build(docs: &[Doc], entities: &Entities, quotes: &[Quoted], times: &[TimeExpression]) -> Vec<Event> {
    let mut drafts = Vec::new();
    let mut quotes_by_doc: std::collections::HashMap<&str, Vec<usize>, FxBuildHasher> = Default::default();
    for (i, q) in quotes.iter().enumerate() {
        quotes_by_doc.entry(q.doc()).or_default().push(i);
    }
    let times_by_doc = crate::doc::group_by_doc(times, |t| &t.doc);
    for (d, doc) in docs.iter().enumerate() {
        let id = doc.document.id.as_str();
        let Some(doc_times) = times_by_doc.get(id) else {
            continue;
        };
        let doc_quotes = QuotesByStart::new(quotes, quotes_by_doc.get(id).map_or(&[][..], Vec::as_slice));
        drafts.extend(drafts_of(d, doc, entities, &doc_quotes, doc_times));
    }
    let groups = merge::groups(&drafts);
    let mut seen = Seen::new(&drafts, docs.len(), entities.list.len(), quotes.len());
    let events: Vec<Event> = groups.iter().map(|g| event_of(g, &drafts, docs, entities, &mut seen)).collect();
    in_date_order(events)
}

/// `events` sorted stably by their `start`, `end` and `date` strings, each given its id
/// (`ev0`, `ev1`, … in that order).
///
/// Natively only: in the wasm, whose size counts, the events are sorted by their strings
/// themselves (below; this order's code and `merge`'s first-day order weighed 1.7 KiB of the
/// page's wasm gzip).
///
/// The order is found on positions, by [`Packed`] keys of the strings: sorting the events
/// themselves moved some 300 bytes an element and compared the strings by `memcmp` (5.7 M
/// instructions of the stage's 68 M for 2,249 events on 2 MB of news).
#[cfg(not(target_arch = "wasm32"))]
fn in_date_order(events: Vec<Event>) -> Vec<Event> {
    let keys: Vec<[Packed; 3]> =
        events.iter().map(|e| [Packed::of(&e.start), Packed::of(&e.end), Packed::of(&e.date)]).collect();
    // The strings themselves are read only for a key that is not exact (rare: a long value).
    fn field(e: &Event, f: usize) -> &str {
        [&e.start, &e.end, &e.date][f]
    }
    // OK because positions index `events` and `keys` (one entry per event), and each entry of
    // `keys` holds three, as `field` reads.
    let by =
        |a: usize, b: usize, f: usize| keys[a][f].cmp_str(&keys[b][f], || (field(&events[a], f), field(&events[b], f)));
    let order: Vec<usize> = if keys.iter().all(|k| k[0].exact() && k[1].exact()) {
        // Every start and end is exact (always: they are `YYYY-MM-DD`): sorted by them and
        // by position as plain values, without a callback; then each run of one start and
        // end (many events share a day) by date, stably.
        let mut keyed: Vec<(u128, usize, u128, usize, usize)> =
            keys.iter().enumerate().map(|(i, k)| (k[0].bytes, k[0].len, k[1].bytes, k[1].len, i)).collect();
        crate::sorting::sort_values(&mut keyed);
        let mut order: Vec<usize> = keyed.iter().map(|k| k.4).collect();
        let mut from = 0;
        while from < keyed.len() {
            // OK because `from < to <= keyed.len()`, and `order` is as long as `keyed`.
            let same = |k: &(u128, usize, u128, usize, usize)| {
                (k.0, k.1, k.2, k.3) == (keyed[from].0, keyed[from].1, keyed[from].2, keyed[from].3)
            };
            let to = from + 1 + keyed[from + 1..].iter().take_while(|k| same(k)).count();
            if to - from > 1 {
                crate::sorting::sort_by(&mut order[from..to], |&a, &b| by(a, b, 2));
            }
            from = to;
        }
        order
    } else {
        let mut order: Vec<usize> = (0..events.len()).collect();
        crate::sorting::sort_by(&mut order, |&a, &b| by(a, b, 0).then_with(|| by(a, b, 1)).then_with(|| by(a, b, 2)));
        order
    };
    let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    // `order` is a permutation of the positions: each slot is taken once.
    order
        .iter()
        .filter_map(|&k| slots.get_mut(k).and_then(Option::take))
        .enumerate()
        .map(|(i, mut e)| {
            e.id = crate::model::numbered_id("ev", i);
            e
        })
        .collect()
}

/// [`in_date_order`] in the wasm: a stable sort of the events by their strings.
#[cfg(target_arch = "wasm32")]
fn in_date_order(mut events: Vec<Event>) -> Vec<Event> {
    crate::sorting::sort_by(&mut events, |a, b| (&a.start, &a.end, &a.date).cmp(&(&b.start, &b.end, &b.date)));
    for (i, e) in events.iter_mut().enumerate() {
        e.id = crate::model::numbered_id("ev", i);
    }
    events
}

/// A string's first sixteen bytes as a big-endian number (zeros past its end), and its
/// length. For two strings of at most sixteen bytes, comparing (bytes, length) is comparing
/// the strings: the first byte that differs decides both (a zero of the padding stands where
/// the shorter one has ended, which is less in both orders), and when none does, the
/// shorter string (a prefix of the other, padded with its zeros) is the lesser.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy)]
struct Packed {
    bytes: u128,
    len: usize,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<[Packed; 3]>() == 96, "an event's sort keys grew");

#[cfg(not(target_arch = "wasm32"))]
impl Packed {
    const WIDTH: usize = 16;

    /// True when the key alone orders its string (sixteen bytes or fewer).
    fn exact(&self) -> bool {
        self.len <= Packed::WIDTH
    }

    fn of(s: &str) -> Packed {
        let mut bytes = [0u8; Packed::WIDTH];
        let head = s.as_bytes().get(..Packed::WIDTH).unwrap_or(s.as_bytes());
        // OK because `head` is at most sixteen bytes long.
        bytes[..head.len()].copy_from_slice(head);
        Packed { bytes: u128::from_be_bytes(bytes), len: s.len() }
    }

    /// `a.cmp(b)` for the strings `(a, b) = strings()` this key and `other` were made of: by
    /// the keys when both are exact (sixteen bytes or fewer), else by the strings themselves.
    fn cmp_str<'s>(&self, other: &Packed, strings: impl FnOnce() -> (&'s str, &'s str)) -> std::cmp::Ordering {
        if self.exact() && other.exact() {
            (self.bytes, self.len).cmp(&(other.bytes, other.len))
        } else {
            let (a, b) = strings();
            a.cmp(b)
        }
    }
}

/// A dated expression of a document (or the two ends of a range, as one). 32 bytes: a
/// document of many dates holds one for each beside the expressions, so its span and value
/// are read from the expressions when asked.
struct Dated<'a> {
    /// The expression (the first of a range; a relative value has an anchor).
    time: &'a TimeExpression,
    /// The range's second expression.
    end: Option<&'a TimeExpression>,
    range: (Date, Date),
    precision: Precision,
}

impl<'a> Dated<'a> {
    fn span(&self) -> Span {
        Span::new(self.time.start, self.end.map_or(self.time.end, |e| e.end))
    }

    /// The TIMEX3 value, `start/end` for a range.
    fn value(&self) -> Cow<'a, str> {
        match self.end {
            Some(e) => Cow::Owned(format!("{}/{}", self.time.value, e.value)),
            None => Cow::Borrowed(self.time.value.as_str()),
        }
    }
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Dated>() == 32, "a document's dated expressions grew");

/// The dated expressions of a document, in text order, a range's two ends joined.
fn dated_of<'a>(times: &[&'a TimeExpression]) -> Vec<Dated<'a>> {
    let mut times: Vec<&TimeExpression> =
        times.iter().copied().filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time)).collect();
    crate::sorting::sort_by_key(&mut times, |t| (t.start, t.end));
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
            if let (Some(first), Some(last)) = (range::with_precision(&t.value), range::with_precision(&e.value)) {
                let range = (first.0, last.1.max(first.0));
                out.push(Dated { time: t, end: Some(e), range, precision: first.2.max(last.2) });
                k += 2;
                continue;
            }
        }
        if let Some((first, last, precision)) = range::with_precision(&t.value) {
            out.push(Dated { time: t, end: None, range: (first, last), precision });
        }
        k += 1;
    }
    out
}

/// The dated clauses of document `d` that are events (see the module's documentation).
fn drafts_of<'a>(
    d: usize,
    doc: &Doc,
    entities: &Entities,
    quotes: &QuotesByStart,
    times: &[&'a TimeExpression],
) -> Vec<Draft<'a>> {
    let analysis = &doc.analysis;
    let dated = dated_of(times);
    if dated.is_empty() {
        return Vec::new();
    }
    let spans: Vec<Span> = dated.iter().map(Dated::span).collect();
    let words = ClauseWords::new(analysis);
    // A relative date is only as sure as what it was resolved against.
    let unsure_dct =
        doc.dct.is_none() || matches!(doc.document.published_source, PublishedSource::Inferred | PublishedSource::None);
    let mentions = entities.by_doc.get(d).map_or(&[][..], Vec::as_slice);
    // Not one per date: a list of many dates in one clause makes few drafts.
    let mut out = Vec::new();
    // The content words [`clause::role`] reads, given to the draft of an event's clause (a
    // clause not kept leaves its buffer to the next one).
    let mut content_words = Vec::new();
    for (k, x) in dated.into_iter().enumerate() {
        // OK because `spans` holds one span per dated expression.
        let span = spans[k];
        let Some((mut clause, sentence)) = clause::around(analysis, span, &spans) else {
            continue;
        };
        // The quotes a date times are those of its sentence between the dates beside it.
        let whole = analysis.sentences[sentence].span;
        let region = Span::new(
            k.checked_sub(1).map_or(whole.start, |p| spans[p].end.max(whole.start)),
            spans.get(k + 1).map_or(whole.end, |n| n.start.min(whole.end)),
        );
        let coarse = x.range.0 != x.range.1 && x.end.is_none() && !x.time.value.contains('/');
        if coarse && clause::attributive(analysis, span, &words) {
            continue;
        }
        // The clause's content words are read with its role; an attribution's are those of its
        // sentence, read again.
        let content = match clause::role(analysis, clause, &spans, &words, &mut content_words) {
            Role::Empty => continue,
            Role::Attribution => {
                // The attribution dates its sentence's statement when nothing else does.
                let others =
                    spans.partition_point(|s| s.start < whole.end) - spans.partition_point(|s| s.start < whole.start);
                if others > 1 {
                    continue;
                }
                clause = whole;
                clause::content(analysis, clause, &words)
            }
            Role::Event => clause::sorted_unique(std::mem::take(&mut content_words)),
        };
        let first = mentions.partition_point(|m| m.span.start < clause.start);
        let mut entity_ids: Vec<usize> =
            mentions[first..].iter().take_while(|m| m.span.end <= clause.end).map(|m| m.entity).collect();
        crate::sorting::sort(&mut entity_ids);
        entity_ids.dedup();
        out.push(Draft {
            value: x.value(),
            range: x.range,
            precision: x.precision,
            doc: d,
            sentence,
            clause,
            entities: entity_ids,
            quotes: quotes.said_at(region, span),
            words: content,
            inferred: unsure_dct && x.time.anchor.is_some(),
        });
    }
    out
}

/// The quotes of one document by position, to find those of a clause in O(log n): quotes do
/// not overlap one another.
struct QuotesByStart<'a> {
    all: &'a [Quoted<'a>],
    /// Indices into `all`, sorted by start.
    order: Vec<usize>,
}

impl<'a> QuotesByStart<'a> {
    fn new(all: &'a [Quoted<'a>], of_doc: &[usize]) -> Self {
        let mut order = of_doc.to_vec();
        crate::sorting::sort_by_key(&mut order, |&i| (all[i].span.start, all[i].span.end));
        QuotesByStart { all, order }
    }

    /// Indices of the quotes a date outside them times: the quotes that overlap `region`.
    fn said_at(&self, region: Span, time: Span) -> Vec<usize> {
        let first = self.order.partition_point(|&i| self.all[i].span.end <= region.start);
        self.order[first..]
            .iter()
            .copied()
            .take_while(|&i| self.all[i].span.start < region.end)
            .filter(|&i| !self.all[i].span.contains(time))
            .collect()
    }
}

/// What [`event_of`] has gathered of the group at hand, made once per build: per draft value,
/// (document, clause), document, entity and quote, the number of the last group that listed
/// it. An item is new to a group when its stamp is not the group's number, so gathering a
/// group is linear in its drafts (a group of thousands of reports too) and allocates no set:
/// four hash sets and a `BTreeSet` per event were about a sixth of the stage's allocations.
struct Seen {
    /// The group at hand, from 1 (0 marks an item no group has listed).
    group: u32,
    /// Per draft: the first draft with its value, and the first with its document and clause.
    value_of: Vec<u32>,
    clause_of: Vec<u32>,
    /// Stamps by first draft of a value, by first draft of a (document, clause), by document,
    /// by entity and by quote.
    values: Vec<u32>,
    clauses: Vec<u32>,
    docs: Vec<u32>,
    entities: Vec<u32>,
    quotes: Vec<u32>,
    /// The group's entities, sorted (one list for every group).
    listed: Vec<usize>,
    /// Each document's id once, shared by the mentions of its events (one `Arc` per mention
    /// before).
    doc_ids: Vec<Option<Arc<str>>>,
}

impl Seen {
    fn new(drafts: &[Draft], docs: usize, entities: usize, quotes: usize) -> Self {
        // OK because drafts are far fewer than 2^32 (each is a time expression of the corpus).
        let mut values: HashMap<&str, u32, FxBuildHasher> =
            HashMap::with_capacity_and_hasher(drafts.len(), FxBuildHasher);
        let mut clauses: HashMap<(usize, Span), u32, FxBuildHasher> =
            HashMap::with_capacity_and_hasher(drafts.len(), FxBuildHasher);
        let (mut value_of, mut clause_of) = (Vec::with_capacity(drafts.len()), Vec::with_capacity(drafts.len()));
        for (i, d) in drafts.iter().enumerate() {
            value_of.push(*values.entry(&d.value).or_insert(i as u32));
            clause_of.push(*clauses.entry((d.doc, d.clause)).or_insert(i as u32));
        }
        Seen {
            group: 0,
            value_of,
            clause_of,
            values: vec![0; drafts.len()],
            clauses: vec![0; drafts.len()],
            docs: vec![0; docs],
            entities: vec![0; entities],
            quotes: vec![0; quotes],
            listed: Vec::new(),
            doc_ids: vec![None; docs],
        }
    }

    /// True the first time the group at hand lists item `i` of `stamps`. An item past the
    /// stamps counts as new each time; none is (each list of stamps is made at the size of
    /// what its items index).
    fn first(group: u32, stamps: &mut [u32], i: usize) -> bool {
        match stamps.get_mut(i) {
            Some(stamp) if *stamp == group => false,
            Some(stamp) => {
                *stamp = group;
                true
            }
            None => true,
        }
    }
}

/// One event from a group of drafts: the most precise report gives its date and summary.
fn event_of(group: &[usize], drafts: &[Draft], docs: &[Doc], entities: &Entities, seen: &mut Seen) -> Event {
    let days = |d: &Draft| days_between(d.range.1, d.range.0);
    let best = group.iter().copied().min_by_key(|&i| (days(&drafts[i]), i)).unwrap_or(group[0]);
    let rep = &drafts[best];
    seen.group += 1;
    let g = seen.group;
    let mut dates = vec![rep.value.to_string()];
    let range_of = |d: &Draft| DateRange {
        date: d.value.to_string(),
        start: range::ymd(d.range.0),
        end: range::ymd(d.range.1),
        precision: d.precision,
    };
    let mut ranges = vec![range_of(rep)];
    // Ranges on a line that overlap pairwise share a day, so the sources agree exactly when
    // the latest first day is not after the earliest last day.
    let (mut latest_first, mut earliest_last) = rep.range;
    // OK because `best` is a draft, and `value_of` holds one entry per draft.
    Seen::first(g, &mut seen.values, seen.value_of[best] as usize);
    // A group lists at most one document and one mention per draft.
    let mut doc_ids: Vec<String> = Vec::with_capacity(group.len());
    let mut quote_ids: Vec<String> = Vec::new();
    let mut mentions = Vec::with_capacity(group.len());
    seen.listed.clear();
    let mut inferred = false;
    for &i in group {
        let draft = &drafts[i];
        let document = docs[draft.doc].document;
        // OK because `i` is a draft, and `value_of` and `clause_of` hold one entry per draft.
        if Seen::first(g, &mut seen.values, seen.value_of[i] as usize) {
            dates.push(draft.value.to_string());
            ranges.push(range_of(draft));
        }
        latest_first = latest_first.max(draft.range.0);
        earliest_last = earliest_last.min(draft.range.1);
        if Seen::first(g, &mut seen.docs, draft.doc) {
            doc_ids.push(document.id.clone());
        }
        for &e in &draft.entities {
            if Seen::first(g, &mut seen.entities, e) {
                seen.listed.push(e);
            }
        }
        for &q in &draft.quotes {
            if Seen::first(g, &mut seen.quotes, q) {
                quote_ids.push(crate::quotes::id(q));
            }
        }
        inferred |= draft.inferred;
        if !Seen::first(g, &mut seen.clauses, seen.clause_of[i] as usize) {
            continue;
        }
        // OK because `draft.doc` is a document of `docs`, and `doc_ids` holds one per document.
        let doc = seen.doc_ids[draft.doc].get_or_insert_with(|| Arc::from(document.id.as_str()));
        mentions.push(Mention {
            doc: Arc::clone(doc),
            start: draft.clause.start,
            end: draft.clause.end,
            text: document.text.get(draft.clause.start..draft.clause.end).unwrap_or_default().to_string(),
        });
    }
    crate::sorting::sort_values(&mut seen.listed);
    let listed = || seen.listed.iter().filter_map(|&e| entities.list.get(e));
    let rep_text = docs[rep.doc].document.text.get(rep.clause.start..rep.clause.end).unwrap_or_default();
    Event {
        id: String::new(),
        date: rep.value.to_string(),
        start: range::ymd(rep.range.0),
        end: range::ymd(rep.range.1),
        summary: clause::summary(rep_text, SUMMARY_CHARS),
        docs: doc_ids,
        entities: listed().map(|e| e.id.clone()).collect(),
        entity_names: listed().map(|e| e.name.clone()).collect(),
        mentions,
        quotes: quote_ids,
        dates,
        precision: rep.precision,
        ranges,
        conflict: latest_first > earliest_last,
        inferred,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings from a small alphabet (with a zero byte, which the keys' padding also is) and
    /// of lengths around the keys' sixteen bytes, so that many pairs share long prefixes.
    fn strings(seed: u64, n: usize, longest: u64) -> Vec<String> {
        let mut x = seed;
        let mut next = |n: u64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        (0..n)
            .map(|_| {
                let len = next(longest + 1) as usize;
                (0..len).map(|_| ['\0', '-', '0', '1', '9', 'T', '/', 'é'][next(8) as usize]).collect()
            })
            .collect()
    }

    /// [`Packed::cmp_str`] is `str::cmp`, for strings shorter, as long as and longer than the
    /// keys' sixteen bytes.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn packed_keys_compare_as_their_strings() {
        let all = strings(3, 400, 21);
        for a in &all {
            for b in &all {
                assert_eq!(Packed::of(a).cmp_str(&Packed::of(b), || (a, b)), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    /// [`in_date_order`] orders events as a stable sort by (start, end, date) does, and numbers
    /// them in that order.
    #[test]
    fn events_are_ordered_as_by_their_strings() {
        // Strings of at most eight bytes (one or two a character): every key exact, the plain
        // values' path; longer: the callback's.
        for seed in 0..100 {
            let texts = strings(seed, 60, if seed % 2 == 0 { 8 } else { 21 });
            let pick = |k: usize| texts[k % 7].clone();
            let events: Vec<Event> = (0..texts.len())
                .map(|k| Event {
                    start: pick(k * 3),
                    end: pick(k * 5 + 1),
                    date: pick(k / 2),
                    summary: k.to_string(),
                    ..Event::default()
                })
                .collect();
            let mut plain = events.clone();
            plain.sort_by(|a, b| (&a.start, &a.end, &a.date).cmp(&(&b.start, &b.end, &b.date)));
            for (i, e) in plain.iter_mut().enumerate() {
                e.id = format!("ev{i}");
            }
            assert_eq!(in_date_order(events), plain);
        }
    }
}
