//! Which entities each quote involves, stored in space linear in the corpus.
//!
//! A quote involves its speaker's entity and every entity mentioned inside the quote or its
//! paragraph (see the module docs of [`super`]). Listing those per quote, and the inverse per
//! entity, costs quotes × names for one paragraph: a paragraph of 5,000 short quotes and 5,000
//! names held 50 million links. Here a paragraph that holds quotes is a *group*, listed once with
//! the entities mentioned in it; a quote points at its group and keeps only its *own* entities,
//! those not already in the group's list (its speaker, mentions where the quote runs past its
//! paragraph, or all mentions inside a quote outside any paragraph). A quote's involved
//! entities are its group's ⊎ its own (disjoint), so every answer is the per-quote one.
//!
//! Space: one list entry per (paragraph, entity mentioned in it), per quote and per own
//! entity, and the inverses; at most a few entries per quote and per mention. Answers cost
//! what the quotes they return cost ([`Involved::quotes_of`]) or one pass over the quotes and
//! groups ([`Involved::tally`]). It does not decide what a paragraph or a mention is.

use super::bits::Bits;
use crate::model::{Document, Quote};

pub(crate) struct Involved {
    /// The group of each quote (`None`: outside any paragraph, or in no known document).
    quote_group: Vec<Option<u32>>,
    /// By group: its quotes (ascending) and the entities mentioned in its paragraph (ascending).
    group_quotes: Vec<Vec<u32>>,
    group_entities: Vec<Vec<u32>>,
    /// By entity: the groups mentioning it (ascending).
    entity_groups: Vec<Vec<u32>>,
    /// By quote: the involved entities its group does not list (ascending); by entity, the
    /// inverse.
    quote_own: Vec<Vec<u32>>,
    entity_own: Vec<Vec<u32>>,
}

/// What [`Involved::build`] reads of one quote.
pub(crate) struct QuoteAt<'a> {
    pub(crate) quote: &'a Quote,
    /// Its document's position and the document, if known.
    pub(crate) doc: Option<(u32, &'a Document)>,
    pub(crate) speaker: Option<u32>,
}

impl Involved {
    /// `mentions_by_doc[d]` holds document `d`'s mentions as `start << 32 | entity`, ascending.
    pub(crate) fn build<'a>(
        quotes: impl Iterator<Item = QuoteAt<'a>>,
        mentions_by_doc: &[Vec<u64>],
        entities: usize,
    ) -> Involved {
        // By document, the group of each paragraph (`u32::MAX`: none yet), made on its first quote.
        let mut group_at: Vec<Vec<u32>> = vec![Vec::new(); mentions_by_doc.len()];
        let mut involved = Involved {
            quote_group: Vec::new(),
            group_quotes: Vec::new(),
            group_entities: Vec::new(),
            entity_groups: Vec::new(),
            quote_own: Vec::new(),
            entity_own: Vec::new(),
        };
        for (i, at) in quotes.enumerate() {
            let mut own: Vec<u32> = at.speaker.into_iter().collect();
            let mut group = None;
            if let Some((d, doc)) = at.doc {
                // OK because `d` is a document's position and there is one list per document.
                let mentions = &mentions_by_doc[d as usize];
                let quote = at.quote;
                let (own_start, own_end) = match paragraph_of(doc, quote) {
                    Some(k) => {
                        // OK because `paragraph_of` returns a position in `paragraphs`.
                        let p = &doc.paragraphs[k];
                        // OK because there is a list per document, as long as its paragraphs once made.
                        let at = &mut group_at[d as usize];
                        if at.is_empty() {
                            at.resize(doc.paragraphs.len(), u32::MAX);
                        }
                        if at[k] == u32::MAX {
                            at[k] = involved.group_quotes.len() as u32;
                            involved.group_quotes.push(Vec::new());
                            involved.group_entities.push(sorted(in_span(mentions, p.start, p.end)));
                        }
                        let g = at[k];
                        involved.group_quotes[g as usize].push(i as u32);
                        group = Some(g);
                        // What the quote adds: where it runs on past its paragraph.
                        (p.end, quote.end)
                    }
                    None => (quote.start, quote.end),
                };
                own.extend(in_span(mentions, own_start, own_end));
            }
            let mut own = sorted(own);
            if let Some(g) = group {
                let listed = &involved.group_entities[g as usize];
                own.retain(|e| listed.binary_search(e).is_err());
            }
            involved.quote_group.push(group);
            involved.quote_own.push(own);
        }
        involved.entity_groups = invert(&involved.group_entities, entities);
        involved.entity_own = invert(&involved.quote_own, entities);
        involved
    }

    /// The quotes involving entity `e`, of `quotes` in all.
    pub(crate) fn quotes_of(&self, e: usize, quotes: usize) -> Bits {
        let mut bits = Bits::of(quotes, self.entity_own.get(e).into_iter().flatten().copied());
        for &g in self.entity_groups.get(e).into_iter().flatten() {
            for &q in &self.group_quotes[g as usize] {
                bits.insert(q as usize);
            }
        }
        bits
    }

    /// For each of `entities`, how many quotes of `set` involve it.
    pub(crate) fn tally(&self, set: &Bits, entities: usize) -> Vec<u32> {
        let mut counts = vec![0u32; entities];
        let mut in_group = vec![0u32; self.group_quotes.len()];
        for q in set.iter() {
            if let Some(&Some(g)) = self.quote_group.get(q) {
                in_group[g as usize] += 1;
            }
            for &e in self.quote_own.get(q).into_iter().flatten() {
                counts[e as usize] += 1;
            }
        }
        for (g, &n) in in_group.iter().enumerate().filter(|(_, &n)| n > 0) {
            for &e in &self.group_entities[g] {
                counts[e as usize] += n;
            }
        }
        counts
    }

    /// How many quote and entity positions the lists hold, with their inverses: what the
    /// structure's memory grows with.
    #[cfg(test)]
    pub(crate) fn stored(&self) -> usize {
        let sum = |lists: &[Vec<u32>]| lists.iter().map(Vec::len).sum::<usize>();
        self.quote_group.len()
            + sum(&self.group_quotes)
            + sum(&self.group_entities)
            + sum(&self.entity_groups)
            + sum(&self.quote_own)
            + sum(&self.entity_own)
    }
}

/// The paragraph a quote starts in, if any (an empty paragraph holds a quote starting at it).
fn paragraph_of(doc: &Document, quote: &Quote) -> Option<usize> {
    let k = doc.paragraphs.partition_point(|p| p.start <= quote.start).checked_sub(1)?;
    let p = doc.paragraphs.get(k)?;
    (quote.start < p.end.max(p.start + 1)).then_some(k)
}

/// The entities of the mentions starting in `[start, end)`.
fn in_span(mentions: &[u64], start: usize, end: usize) -> impl Iterator<Item = u32> + '_ {
    let first = mentions.partition_point(|&m| (m >> 32) < start as u64);
    // OK because `partition_point` returns at most the length.
    mentions[first..].iter().take_while(move |&&m| (m >> 32) < end as u64).map(|&m| m as u32)
}

fn sorted(items: impl IntoIterator<Item = u32>) -> Vec<u32> {
    let mut v: Vec<u32> = items.into_iter().collect();
    crate::sorting::sort(&mut v);
    v.dedup();
    v
}

/// For each target, the (ascending) sources listing it.
pub(crate) fn invert(lists: &[Vec<u32>], targets: usize) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); targets];
    for (i, list) in lists.iter().enumerate() {
        for &t in list {
            if let Some(sources) = out.get_mut(t as usize) {
                sources.push(i as u32);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Involved, QuoteAt};
    use crate::index::bits::Bits;
    use crate::index::Index;
    use crate::model::{Document, Entity, EntityKind, Extraction, Mention, Paragraph, Quote, QuoteKind};

    fn quote(id: usize, doc: &str, start: usize, end: usize, speaker_id: Option<String>) -> Quote {
        Quote {
            id: format!("q{id}"),
            doc: doc.into(),
            start,
            end,
            text: String::new(),
            kind: QuoteKind::Direct,
            speaker: None,
            speaker_span: None,
            speaker_id,
            cue: None,
        }
    }

    /// The definition, per quote: its speaker and every mention in the quote or, when it starts
    /// in a paragraph, in that paragraph (extended to the quote's end).
    fn involved_by_definition(
        doc: Option<&Document>,
        mentions: &[(usize, u32)],
        q: &Quote,
        speaker: Option<u32>,
    ) -> Vec<u32> {
        let mut out: Vec<u32> = speaker.into_iter().collect();
        if let Some(doc) = doc {
            let k = doc.paragraphs.partition_point(|p| p.start <= q.start);
            let (start, end) = match k.checked_sub(1).map(|k| &doc.paragraphs[k]) {
                Some(p) if q.start < p.end.max(p.start + 1) => (p.start.min(q.start), p.end.max(q.end)),
                _ => (q.start, q.end),
            };
            out.extend(mentions.iter().filter(|&&(at, _)| at >= start && at < end).map(|&(_, e)| e));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// A small deterministic generator (xorshift), so the cases are the same on every run.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn a_quote_involves_its_group_and_its_own_entities_as_by_the_definition() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for case in 0..200 {
            let entities = 1 + rng.below(12);
            // Paragraphs with gaps between them, some empty; quotes anywhere, some running past
            // their paragraph's end, some outside every paragraph; mentions anywhere.
            let mut paragraphs = Vec::new();
            let mut at = rng.below(3);
            for _ in 0..rng.below(5) {
                let len = rng.below(30);
                paragraphs.push(Paragraph { start: at, end: at + len, item: None });
                at += len + rng.below(4);
            }
            let doc = Document { id: "d".into(), paragraphs, ..Document::default() };
            let mut mentions: Vec<(usize, u32)> =
                (0..rng.below(20)).map(|_| (rng.below(at + 5), rng.below(entities) as u32)).collect();
            mentions.sort_unstable();
            let by_doc = vec![mentions.iter().map(|&(at, e)| ((at as u64) << 32) | e as u64).collect::<Vec<u64>>()];
            let quotes: Vec<(Quote, Option<u32>)> = (0..rng.below(12))
                .map(|i| {
                    let start = rng.below(at + 5);
                    let speaker = (rng.below(3) > 0).then(|| rng.below(entities) as u32);
                    // One quote in five is in a document the index does not know.
                    let doc = if rng.below(5) == 0 { "elsewhere" } else { "d" };
                    (quote(i, doc, start, start + rng.below(25), None), speaker)
                })
                .collect();
            let known = |q: &Quote| (q.doc == "d").then_some(&doc);
            let built = Involved::build(
                quotes.iter().map(|(q, speaker)| QuoteAt {
                    quote: q,
                    doc: known(q).map(|d| (0, d)),
                    speaker: *speaker,
                }),
                &by_doc,
                entities,
            );
            let expected: Vec<Vec<u32>> =
                quotes.iter().map(|(q, speaker)| involved_by_definition(known(q), &mentions, q, *speaker)).collect();
            for (i, want) in expected.iter().enumerate() {
                let group = built.quote_group[i].map(|g| built.group_entities[g as usize].clone()).unwrap_or_default();
                let own = &built.quote_own[i];
                assert!(own.iter().all(|e| group.binary_search(e).is_err()), "case {case}: own and group overlap");
                let mut got: Vec<u32> = group.iter().chain(own).copied().collect();
                got.sort_unstable();
                assert_eq!(&got, want, "case {case}, quote {i}");
            }
            for e in 0..entities {
                let want: Vec<usize> = (0..quotes.len()).filter(|&q| expected[q].contains(&(e as u32))).collect();
                assert_eq!(
                    built.quotes_of(e, quotes.len()).iter().collect::<Vec<_>>(),
                    want,
                    "case {case}, entity {e}"
                );
            }
            let set = Bits::of(quotes.len(), (0..quotes.len() as u32).filter(|_| rng.below(2) == 0));
            let want: Vec<u32> =
                (0..entities as u32).map(|e| set.iter().filter(|&q| expected[q].contains(&e)).count() as u32).collect();
            assert_eq!(built.tally(&set, entities), want, "case {case}");
        }
    }

    /// One paragraph of `n` quotes, each followed by its own speaker's name:
    /// `“Point 0,” Name0 said. “Point 1,” Name1 said. …`.
    fn one_paragraph_of_quotes(n: usize) -> Extraction {
        let mut text = String::new();
        let (mut quotes, mut entities) = (Vec::new(), Vec::new());
        for i in 0..n {
            let start = text.chars().count();
            text.push_str(&format!("“Point {i},” "));
            let end = text.chars().count() - 1;
            quotes.push(quote(i, "d", start, end, Some(format!("e{i}"))));
            let name = format!("Name{i}");
            let at = text.chars().count();
            entities.push(Entity {
                id: format!("e{i}"),
                name: name.clone(),
                kind: EntityKind::Person,
                aliases: vec![],
                roles: vec![],
                mentions: vec![Mention { doc: "d".into(), start: at, end: at + name.len(), text: name.clone() }],
            });
            text.push_str(&format!("{name} said. "));
        }
        let end = text.chars().count();
        let paragraphs = vec![Paragraph { start: 0, end, item: None }];
        let doc = Document { id: "d".into(), text, paragraphs, ..Document::default() };
        Extraction { documents: vec![doc], entities, quotes, ..Extraction::default() }
    }

    #[test]
    fn quotes_sharing_a_paragraph_cost_space_linear_in_quotes_and_names() {
        let stored = |n: usize| {
            let extraction = one_paragraph_of_quotes(n);
            // What a list of involved entities per quote, and its inverse, would hold.
            let per_quote: usize = 2 * extraction
                .quotes
                .iter()
                .map(|q| {
                    let mentions: Vec<(usize, u32)> =
                        (0..n).map(|e| (extraction.entities[e].mentions[0].start, e as u32)).collect();
                    let speaker = q.speaker_id.as_ref().and_then(|id| id[1..].parse().ok());
                    involved_by_definition(extraction.documents.first(), &mentions, q, speaker).len()
                })
                .sum::<usize>();
            let index = Index::from_extraction(extraction);
            assert!(index.select(&Default::default()).quotes.0.count() == n);
            (per_quote, index.quote_entities.stored())
        };
        let (per_quote_small, small) = stored(50);
        let (per_quote_large, large) = stored(400);
        // Per quote, every quote lists every name of the paragraph: 8x the quotes, 64x the links.
        assert_eq!((per_quote_small, per_quote_large), (2 * 50 * 50, 2 * 400 * 400));
        // By paragraph: a few entries per quote and per mention, whatever the paragraph holds.
        assert!(small <= 6 * 50 && large <= 6 * 400, "{small} for 50 quotes, {large} for 400");
    }
}
