//! Answers a [`Filter`]: turns each filter into a set per item type, combines them (once in
//! full, and once per facet whose own filter is set, without it), and counts the facets. Finds
//! the search matches to show in given documents.

use super::bits::Bits;
use super::dated::{days_of, Dated};
use super::filter::{Counts, Filter, Kind, Matches, PositionFacets, Positions, Selected, Sources};
use super::words::Terms;
use super::{search, Days, Index};

/// The facet whose own filter is left out of a combination.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Except {
    Nothing,
    Docs,
    Entities,
    Speakers,
    Kinds,
    Sources,
}

/// Each filter as a set of the items it lets through; `None` lets everything through.
struct Parts {
    doc_docs: Option<Bits>,
    doc_entities: Option<Bits>,
    doc_days: Option<Bits>,
    doc_text: Option<Bits>,
    quote_docs: Option<Bits>,
    quote_entities: Option<Bits>,
    quote_speakers: Option<Bits>,
    quote_sources: Option<Bits>,
    quote_days: Option<Bits>,
    quote_text: Option<Bits>,
    event_docs: Option<Bits>,
    event_entities: Option<Bits>,
    event_days: Option<Bits>,
    event_text: Option<Bits>,
    entity_text: Option<Bits>,
    /// The documents matching the query's dates (by a word or a date): the only ones whose
    /// mentions count under a year, a month or a day.
    doc_dates: Option<Bits>,
    /// The documents and events holding a quote that passes `speakers` and `sources`: the
    /// quote filters narrow the other views to where those quotes are.
    doc_said: Option<Bits>,
    event_said: Option<Bits>,
    wanted: [bool; 3],
}

/// A query term naming a year, a month or a day, and what is dated in it: the term matches
/// these too.
struct DateTerm {
    word: String,
    dated: Dated,
}

/// The results passing one combination of filters.
struct Passing {
    quotes: Bits,
    events: Bits,
    /// Documents whose mentions count (the document filter without `q`).
    mention_docs: Bits,
    /// Entities whose mentions count.
    entities: Bits,
    /// Whether `mention_docs` holds every document.
    every_doc: bool,
}

/// The selection; with `per_item`, also the `documents` and `entities` facets (by id in
/// [`Index::query`]), which the page does not show and so does not pay for.
pub(crate) fn select(index: &Index, filter: &Filter, per_item: bool) -> Selected {
    let terms = Terms::parse(&filter.q);
    let parts = Parts::new(index, filter, &terms);
    let docs = index.extraction.documents.len();
    let documents = all(
        docs,
        [
            parts.doc_docs.as_ref(),
            parts.doc_entities.as_ref(),
            parts.doc_days.as_ref(),
            parts.doc_text.as_ref(),
            parts.doc_said.as_ref(),
        ],
    );
    let passing = parts.passing(index, Except::Nothing);
    let entities = index.entities_mentioned(&passing);
    let mut facets = facets(index, &parts, &passing, per_item);
    facets.mentions = (0..index.extraction.entities.len())
        .map(|e| if entities.contains(e) { index.passing_mentions(&passing, e) } else { 0 })
        .collect();
    Selected {
        documents: Positions(documents),
        quotes: Positions(passing.quotes),
        entities: Positions(entities),
        events: Positions(passing.events),
        facets,
    }
}

/// Search matches of `q` in the documents at `positions` (in that order).
pub(crate) fn matches(index: &Index, q: &str, positions: impl Iterator<Item = usize>) -> Matches {
    let terms = Terms::parse(q);
    if terms.is_empty() {
        return Matches::default();
    }
    let texts =
        positions.filter_map(|d| index.extraction.documents.get(d)).map(|doc| (doc.id.as_str(), doc.text.as_str()));
    let (hits, snippets) = search::find(texts, &terms);
    Matches { hits, snippets }
}

fn facets(index: &Index, parts: &Parts, base: &Passing, per_item: bool) -> PositionFacets {
    let mut facets = PositionFacets::default();
    // A facet whose own filter is not set counts what passes every filter: `base`.
    let without = |except: Except| parts.restricts(except).then(|| parts.passing(index, except));

    let own = without(Except::Kinds);
    let p = own.as_ref().unwrap_or(base);
    facets.kinds.quote = p.quotes.count() as u32;
    facets.kinds.event = p.events.count() as u32;
    facets.kinds.mention = p.entities.iter().map(|e| index.passing_mentions(p, e)).sum();

    let own = without(Except::Sources);
    let p = own.as_ref().unwrap_or(base);
    facets.sources.named = p.quotes.and_count(&index.quote_named) as u32;
    facets.sources.unnamed = p.quotes.and_count(&index.quote_unnamed) as u32;
    facets.sources.scare = p.quotes.and_count(&index.quote_scare) as u32;
    facets.sources.all = p.quotes.count() as u32;

    let own = without(Except::Speakers);
    let p = own.as_ref().unwrap_or(base);
    let per_speaker = tally(&p.quotes, &index.totals.speaker_quotes, |q| index.quote_speaker[q]);
    let speakers = per_speaker.iter().enumerate().filter(|(_, &n)| n > 0);
    facets.speakers = Counts(speakers.map(|(k, &n)| (index.speaker_names[k].clone(), n)).collect());
    if !per_item {
        return facets;
    }

    let own = without(Except::Docs);
    let p = own.as_ref().unwrap_or(base);
    let mut per_doc = tally(&p.quotes, &index.totals.doc_quotes, |q| index.quote_doc[q]);
    add(&mut per_doc, &tally(&p.events, &index.totals.doc_events, |e| index.event_docs[e].iter().copied()));
    if p.every_doc && p.entities.is_full() {
        add(&mut per_doc, &index.totals.doc_mentions);
    } else {
        for e in p.entities.iter() {
            for &(d, n) in &index.entity_mentions[e] {
                if p.mention_docs.contains(d as usize) {
                    per_doc[d as usize] += n;
                }
            }
        }
    }
    facets.documents = per_doc;

    let own = without(Except::Entities);
    let p = own.as_ref().unwrap_or(base);
    let mut per_entity = index.quote_entities.tally(&p.quotes, index.extraction.entities.len());
    add(&mut per_entity, &tally(&p.events, &index.totals.entity_events, |e| index.event_entities[e].iter().copied()));
    for e in p.entities.iter() {
        per_entity[e] += index.passing_mentions(p, e);
    }
    facets.entities = per_entity;
    facets
}

/// For each target, how many items of `set` point to it (`targets(item)`). Walks the smaller
/// of the set and its complement: from `totals` (the count over every item), it subtracts what
/// the items left out point to, so that a broad selection costs as little as a narrow one.
fn tally<T: IntoIterator<Item = u32>>(set: &Bits, totals: &[u32], targets: impl Fn(usize) -> T) -> Vec<u32> {
    let (mut counts, walk, step): (Vec<u32>, Bits, fn(&mut u32)) = if set.count() * 2 <= set.len() {
        (vec![0; totals.len()], set.clone(), |n| *n += 1)
    } else {
        (totals.to_vec(), set.complement(), |n| *n = n.saturating_sub(1))
    };
    for item in walk.iter() {
        for t in targets(item) {
            if let Some(n) = counts.get_mut(t as usize) {
                step(n);
            }
        }
    }
    counts
}

fn add(counts: &mut [u32], more: &[u32]) {
    for (n, m) in counts.iter_mut().zip(more) {
        *n += m;
    }
}

impl Index {
    /// How many mentions of entity `e` are in documents whose mentions count.
    fn passing_mentions(&self, p: &Passing, e: usize) -> u32 {
        if p.every_doc {
            return self.entity_mention_total[e];
        }
        self.entity_mentions[e].iter().filter(|(d, _)| p.mention_docs.contains(*d as usize)).map(|&(_, n)| n).sum()
    }

    /// The entities with a passing mention.
    fn entities_mentioned(&self, p: &Passing) -> Bits {
        let mut out = Bits::empty(self.extraction.entities.len());
        for e in p.entities.iter() {
            if self.entity_docs[e].iter().any(|&d| p.mention_docs.contains(d as usize)) {
                out.insert(e);
            }
        }
        out
    }
}

impl Parts {
    fn new(index: &Index, filter: &Filter, terms: &Terms) -> Parts {
        let x = &index.extraction;
        let (docs, quotes, events) = (x.documents.len(), x.quotes.len(), x.events.len());

        let doc_filter = known(&filter.docs, |id| index.doc_index.get(id).copied()).map(|list| Bits::of(docs, list));
        let entity_filter = known(&filter.entities, |id| index.entity_index.get(id).copied());
        let every_entity = |len: usize, items_of: &dyn Fn(usize) -> Bits| {
            entity_filter.as_ref().map(|ids| ids.iter().fold(Bits::full(len), |acc, &e| acc.and(&items_of(e as usize))))
        };
        let listed = |lists: &[Vec<u32>], len: usize| {
            // OK because `entity_filter` holds positions of entities, and there is a list per entity.
            every_entity(len, &|e| Bits::of(len, lists[e].iter().copied()))
        };
        let in_range = |days: &Days| {
            !matches!(filter.from, Some(from) if days.1 < from) && !matches!(filter.to, Some(to) if days.0 > to)
        };
        let in_dates = (filter.from.is_some() || filter.to.is_some()).then(|| index.dated(&in_range));
        // A query term that is a date (a year, a month, a day) also matches what is dated in it.
        let (date_words, names) = terms.split(|w| days_of(w).is_some());
        let dates: Vec<DateTerm> = date_words
            .exact
            .iter()
            .chain(&date_words.prefix)
            .filter_map(|word| {
                let named = days_of(word)?;
                let dated = index.dated(&|days: &Days| days.0 <= named.1 && named.0 <= days.1);
                Some(DateTerm { word: word.clone(), dated })
            })
            .collect();
        let text = |words: &super::words::WordIndex, of: fn(&DateTerm) -> &Bits| {
            (!terms.is_empty()).then(|| words.matching_or(terms, |word| dates.iter().find(|y| y.word == word).map(of)))
        };

        let quote_speakers = {
            let lists: Vec<&Vec<u32>> = filter
                .speakers
                .iter()
                .filter_map(|s| index.speaker_keys.get(s))
                .map(|&k| &index.speaker_quotes[k as usize])
                .collect();
            (!lists.is_empty()).then(|| Bits::of(quotes, lists.into_iter().flatten().copied()))
        };
        let quote_sources = filter.sources.map(|wanted| match wanted {
            Sources::Named => index.quote_named.clone(),
            Sources::Unnamed => index.quote_unnamed.clone(),
            Sources::Scare => index.quote_scare.clone(),
        });
        let quote_docs = doc_filter.as_ref().map(|set| {
            Bits::of(
                quotes,
                (0..quotes).filter(|&q| index.quote_doc[q].is_some_and(|d| set.contains(d as usize))).map(|q| q as u32),
            )
        });
        let event_docs = doc_filter.as_ref().map(|set| {
            let passes = |e: usize| index.event_docs[e].iter().any(|&d| set.contains(d as usize));
            Bits::of(events, (0..events).filter(|&e| passes(e)).map(|e| e as u32))
        });
        let wanted = |kind: Kind| filter.kinds.is_empty() || filter.kinds.contains(&kind);
        let said = match (&quote_speakers, &quote_sources) {
            (None, None) => None,
            (Some(a), Some(b)) => Some(a.clone().and(b)),
            (Some(one), None) | (None, Some(one)) => Some(one.clone()),
        };
        let doc_said = said.as_ref().map(|said| Bits::of(docs, said.iter().filter_map(|q| index.quote_doc[q])));
        let event_said = said.as_ref().map(|said| {
            let passes = |e: usize| index.event_quotes[e].iter().any(|&q| said.contains(q as usize));
            Bits::of(events, (0..events).filter(|&e| passes(e)).map(|e| e as u32))
        });
        let (doc_days, quote_days, event_days) = match in_dates {
            Some(Dated { docs, quotes, events }) => (Some(docs), Some(quotes), Some(events)),
            None => (None, None, None),
        };
        Parts {
            doc_entities: listed(&index.entity_docs, docs),
            doc_days,
            doc_text: text(&index.doc_words, |y| &y.dated.docs),
            doc_docs: doc_filter,
            quote_docs,
            quote_entities: every_entity(quotes, &|e| index.quote_entities.quotes_of(e, quotes)),
            quote_speakers,
            quote_sources,
            quote_days,
            quote_text: text(&index.quote_words, |y| &y.dated.quotes),
            event_docs,
            event_entities: listed(&index.entity_events, events),
            event_days,
            event_text: text(&index.event_words, |y| &y.dated.events),
            // Names are matched by the other words; a date counts the mentions in its documents.
            entity_text: (!names.is_empty()).then(|| index.entity_words.matching(&names)),
            doc_dates: (!dates.is_empty()).then(|| {
                index
                    .doc_words
                    .matching_or(&date_words, |word| dates.iter().find(|y| y.word == word).map(|y| &y.dated.docs))
            }),
            doc_said,
            event_said,
            wanted: [wanted(Kind::Quote), wanted(Kind::Event), wanted(Kind::Mention)],
        }
    }

    fn passing<'a>(&'a self, index: &Index, except: Except) -> Passing {
        let x = &index.extraction;
        let unless = |facet: Except, part: &'a Option<Bits>| if except == facet { None } else { part.as_ref() };
        let wanted = |k: usize| except == Except::Kinds || self.wanted[k];
        // The speakers and sources facets count quotes, which these two do not restrict.
        let said = |part: &'a Option<Bits>| {
            if matches!(except, Except::Speakers | Except::Sources) {
                None
            } else {
                part.as_ref()
            }
        };
        let quotes = all(
            x.quotes.len(),
            [
                unless(Except::Docs, &self.quote_docs),
                unless(Except::Entities, &self.quote_entities),
                unless(Except::Speakers, &self.quote_speakers),
                unless(Except::Sources, &self.quote_sources),
                self.quote_days.as_ref(),
                self.quote_text.as_ref(),
            ],
        );
        let events = all(
            x.events.len(),
            [
                unless(Except::Docs, &self.event_docs),
                unless(Except::Entities, &self.event_entities),
                self.event_days.as_ref(),
                self.event_text.as_ref(),
                said(&self.event_said),
            ],
        );
        let mention_docs = all(
            x.documents.len(),
            [
                unless(Except::Docs, &self.doc_docs),
                unless(Except::Entities, &self.doc_entities),
                self.doc_days.as_ref(),
                said(&self.doc_said),
                self.doc_dates.as_ref(),
            ],
        );
        let entities =
            if wanted(2) { all(x.entities.len(), [self.entity_text.as_ref()]) } else { Bits::empty(x.entities.len()) };
        Passing {
            quotes: if wanted(0) { quotes } else { Bits::empty(x.quotes.len()) },
            events: if wanted(1) { events } else { Bits::empty(x.events.len()) },
            every_doc: mention_docs.is_full(),
            mention_docs,
            entities,
        }
    }

    /// Whether the filter of the facet `except` restricts anything.
    fn restricts(&self, except: Except) -> bool {
        match except {
            Except::Nothing => false,
            Except::Docs => self.doc_docs.is_some(),
            Except::Entities => self.doc_entities.is_some(),
            Except::Speakers => self.quote_speakers.is_some(),
            Except::Sources => self.quote_sources.is_some(),
            Except::Kinds => self.wanted.contains(&false),
        }
    }
}

/// The intersection of the given sets (`None` = everything).
fn all<const N: usize>(len: usize, parts: [Option<&Bits>; N]) -> Bits {
    parts.into_iter().flatten().fold(Bits::full(len), |acc, part| acc.and(part))
}

/// The positions of the ids that exist, or `None` when none does (no restriction).
fn known(ids: &[String], position: impl Fn(&str) -> Option<u32>) -> Option<Vec<u32>> {
    let found: Vec<u32> = ids.iter().filter_map(|id| position(id)).collect();
    (!found.is_empty()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::{tally, Bits};

    #[test]
    fn tally_counts_the_same_from_the_set_or_its_complement() {
        // Items 0..10 point to targets (item % 3) and (item % 4 + 3).
        let targets = |i: usize| [(i % 3) as u32, (i % 4 + 3) as u32];
        let mut all = vec![0u32; 7];
        for i in 0..10 {
            for t in targets(i) {
                all[t as usize] += 1;
            }
        }
        for members in [vec![], vec![4], vec![0, 1, 2, 3, 4, 5, 6, 7, 9], (0..10).collect::<Vec<u32>>()] {
            let set = Bits::of(10, members.iter().copied());
            let mut expected = vec![0u32; 7];
            for &i in &members {
                for t in targets(i as usize) {
                    expected[t as usize] += 1;
                }
            }
            assert_eq!(tally(&set, &all, targets), expected, "{members:?}");
        }
    }
}
