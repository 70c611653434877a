//! Builds the [`Index`] in one pass over each array of the extraction: id lookups, per-item
//! word sets, per-entity document/quote/event lists, and the days each item covers. Work is
//! linear in the corpus (plus sorting).

use super::bits::Bits;
use super::filter::Day;
use super::involved::{invert, Involved, QuoteAt};
use super::words::{DocumentWords, WordIndexBuilder};
use super::{Days, Index, Totals};
use crate::model::Extraction;
use crate::text::FxHashMap;

/// The index of `extraction`; `document_words`, when given, holds its documents' words (read
/// from the token views the extraction was made from: see [`DocumentWords`]), else they are
/// read from the texts.
pub(crate) fn build(extraction: Extraction, document_words: Option<DocumentWords>) -> Index {
    let doc_index = positions(extraction.documents.iter().map(|d| d.id.as_str()));
    let entity_index = positions(extraction.entities.iter().map(|e| e.id.as_str()));
    let quote_index = positions(extraction.quotes.iter().map(|q| q.id.as_str()));
    let doc_of = |id: &str| doc_index.get(id).copied();
    let entity_of = |id: &str| entity_index.get(id).copied();

    let doc_words = match document_words.filter(|words| words.len() == extraction.documents.len()) {
        Some(words) => words.finish(extraction.documents.len()),
        None => {
            let mut doc_words = WordIndexBuilder::default();
            for (i, d) in extraction.documents.iter().enumerate() {
                doc_words.add(i, &d.title);
                doc_words.add(i, &d.text);
            }
            doc_words.finish(extraction.documents.len())
        }
    };
    let mut doc_days: Vec<Vec<Days>> = extraction
        .documents
        .iter()
        .map(|d| d.published.map(|stamp| Day::of(stamp.date)).map(|day| (day, day)).into_iter().collect())
        .collect();
    // A quote's own day is its document's; the days of its events are added at query time.
    let quote_day: Vec<Option<Day>> = extraction
        .quotes
        .iter()
        .map(|q| doc_of(&q.doc).and_then(|d| doc_days[d as usize].first().map(|days| days.0)))
        .collect();

    // Events: their days spread to their documents and quotes.
    let mut event_words = WordIndexBuilder::default();
    let mut event_docs = Vec::with_capacity(extraction.events.len());
    let mut event_days = Vec::with_capacity(extraction.events.len());
    let mut event_quotes = Vec::with_capacity(extraction.events.len());
    let mut event_entities = Vec::with_capacity(extraction.events.len());
    for (i, event) in extraction.events.iter().enumerate() {
        event_words.add(i, &event.summary);
        for name in &event.entity_names {
            event_words.add(i, name);
        }
        let docs = sorted(event.docs.iter().filter_map(|d| doc_of(d)));
        let days = match (Day::parse(&event.start), Day::parse(&event.end)) {
            (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
            (Some(a), None) | (None, Some(a)) => Some((a, a)),
            (None, None) => None,
        };
        if let Some(days) = days {
            for &d in &docs {
                doc_days[d as usize].push(days);
            }
        }
        event_quotes.push(sorted(event.quotes.iter().filter_map(|q| quote_index.get(q.as_str()).copied())));
        event_docs.push(docs);
        event_days.push(days);
        event_entities.push(sorted(event.entities.iter().filter_map(|e| entity_of(e))));
    }

    // Entities: names, and where they are mentioned.
    let mut entity_words = WordIndexBuilder::default();
    let mut entity_docs = Vec::with_capacity(extraction.entities.len());
    let mut entity_mentions = Vec::with_capacity(extraction.entities.len());
    // (start << 32 | entity): one integer sort instead of a tuple sort keeps the wasm small.
    let mut mentions_by_doc: Vec<Vec<u64>> = vec![Vec::new(); extraction.documents.len()];
    for (i, entity) in extraction.entities.iter().enumerate() {
        entity_words.add(i, &entity.name);
        for alias in &entity.aliases {
            entity_words.add(i, alias);
        }
        let mut docs: Vec<u32> = Vec::new();
        for mention in &entity.mentions {
            if let Some(d) = doc_of(&mention.doc) {
                docs.push(d);
                mentions_by_doc[d as usize].push(((mention.start as u64) << 32) | i as u64);
            }
        }
        crate::sorting::sort(&mut docs);
        entity_mentions.push(run_lengths(&docs));
        docs.dedup();
        entity_docs.push(docs);
    }
    for mentions in &mut mentions_by_doc {
        crate::sorting::sort(mentions);
    }

    // Quotes: words, speakers, involved entities.
    let mut quote_words = WordIndexBuilder::default();
    let mut speaker_keys: FxHashMap<String, u32> = FxHashMap::default();
    let mut speaker_names: Vec<String> = Vec::new();
    let mut speaker_quotes: Vec<Vec<u32>> = Vec::new();
    let mut quote_doc = Vec::with_capacity(extraction.quotes.len());
    let mut quote_speaker = Vec::with_capacity(extraction.quotes.len());
    for (i, quote) in extraction.quotes.iter().enumerate() {
        let speaker_entity = quote.speaker_id.as_deref().and_then(entity_of);
        let label = match speaker_entity {
            Some(e) => Some(extraction.entities[e as usize].name.clone()),
            None => quote.speaker.clone(),
        };
        quote_words.add(i, &quote.text);
        for name in [&label, &quote.speaker].into_iter().flatten() {
            quote_words.add(i, name);
        }
        let mut label_key = None;
        for key in [&label, &quote.speaker, &quote.speaker_id].into_iter().flatten() {
            let k = *speaker_keys.entry(key.clone()).or_insert_with(|| {
                speaker_names.push(key.clone());
                speaker_quotes.push(Vec::new());
                speaker_names.len() as u32 - 1
            });
            label_key.get_or_insert(k);
            let list = &mut speaker_quotes[k as usize];
            if list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
        quote_doc.push(doc_of(&quote.doc));
        quote_speaker.push(label_key.filter(|_| label.is_some()));
    }

    let quotes_at = extraction.quotes.iter().zip(&quote_doc).map(|(quote, &doc)| QuoteAt {
        quote,
        // OK because `doc_of` gives positions in `documents`.
        doc: doc.map(|d| (d, &extraction.documents[d as usize])),
        speaker: quote.speaker_id.as_deref().and_then(entity_of),
    });
    let quote_entities = Involved::build(quotes_at, &mentions_by_doc, extraction.entities.len());
    drop(mentions_by_doc);
    let entity_events = invert(&event_entities, extraction.entities.len());
    let totals = Totals {
        doc_quotes: counts(extraction.documents.len(), quote_doc.iter().flatten().copied()),
        doc_events: counts(extraction.documents.len(), event_docs.iter().flatten().copied()),
        doc_mentions: counts_weighted(extraction.documents.len(), entity_mentions.iter().flatten().copied()),
        entity_events: entity_events.iter().map(|list: &Vec<u32>| list.len() as u32).collect(),
        speaker_quotes: counts(speaker_names.len(), quote_speaker.iter().flatten().copied()),
    };
    let entity_mention_total =
        entity_mentions.iter().map(|docs: &Vec<(u32, u32)>| docs.iter().map(|&(_, n)| n).sum()).collect();
    // A scare quote is nobody's words: neither a named nor an unnamed source.
    let is_scare = |q: u32| extraction.quotes[q as usize].kind == crate::model::QuoteKind::Scare;
    let quote_named = Bits::of(
        extraction.quotes.len(),
        (0..extraction.quotes.len() as u32)
            .filter(|&q| extraction.quotes[q as usize].speaker_id.is_some() && !is_scare(q)),
    );
    let quote_unnamed = Bits::of(
        extraction.quotes.len(),
        (0..extraction.quotes.len() as u32)
            .filter(|&q| extraction.quotes[q as usize].speaker_id.is_none() && !is_scare(q)),
    );
    let quote_scare = Bits::of(extraction.quotes.len(), (0..extraction.quotes.len() as u32).filter(|&q| is_scare(q)));
    Index {
        doc_words,
        entity_words: entity_words.finish(extraction.entities.len()),
        quote_words: quote_words.finish(extraction.quotes.len()),
        event_words: event_words.finish(extraction.events.len()),
        doc_index,
        entity_index,
        speaker_keys,
        speaker_names,
        speaker_quotes,
        doc_days,
        entity_docs,
        entity_mentions,
        entity_mention_total,
        entity_events,
        quote_doc,
        quote_named,
        quote_unnamed,
        quote_scare,
        quote_day,
        quote_entities,
        quote_speaker,
        event_docs,
        event_days,
        event_quotes,
        event_entities,
        totals,
        extraction,
    }
}

/// Id → position; the first of duplicate ids wins.
fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> FxHashMap<String, u32> {
    let mut map = FxHashMap::default();
    for (i, id) in ids.enumerate() {
        map.entry(id.to_string()).or_insert(i as u32);
    }
    map
}

fn sorted(items: impl IntoIterator<Item = u32>) -> Vec<u32> {
    let mut v: Vec<u32> = items.into_iter().collect();
    crate::sorting::sort(&mut v);
    v.dedup();
    v
}

/// How many times each of `0..len` occurs in `items`.
fn counts(len: usize, items: impl Iterator<Item = u32>) -> Vec<u32> {
    counts_weighted(len, items.map(|i| (i, 1)))
}

/// The sum of the weights of each of `0..len` in `(item, weight)` pairs.
fn counts_weighted(len: usize, items: impl Iterator<Item = (u32, u32)>) -> Vec<u32> {
    let mut out = vec![0; len];
    for (i, n) in items {
        if let Some(count) = out.get_mut(i as usize) {
            *count += n;
        }
    }
    out
}

/// `[3, 3, 5]` → `[(3, 2), (5, 1)]`.
fn run_lengths(sorted: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &x in sorted {
        match out.last_mut() {
            Some((last, n)) if *last == x => *n += 1,
            _ => out.push((x, 1)),
        }
    }
    out
}
