//! The filter state every view shares, and the selection a query returns (both serde types of
//! the wasm API). Plain data; the meaning of each field is documented in the module above.

use super::bits::Bits;
use crate::model::{Extraction, Span};
use serde::{Deserialize, Deserializer, Serialize};

/// What the reader has chosen. Every field is optional; an empty list or null restricts nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Filter {
    #[serde(deserialize_with = "null_as_default")]
    pub docs: Vec<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub entities: Vec<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub speakers: Vec<String>,
    #[serde(deserialize_with = "null_as_default")]
    pub kinds: Vec<Kind>,
    pub sources: Option<Sources>,
    pub from: Option<Day>,
    pub to: Option<Day>,
    #[serde(deserialize_with = "null_as_default")]
    pub q: String,
}

fn null_as_default<'de, D: Deserializer<'de>, T: Default + Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// A result type: the quote wall, the timeline, and entity mentions (the people & places view).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Quote,
    Event,
    Mention,
}

impl Kind {
    /// Every kind by its name in a filter (the serde names above).
    pub const NAMES: [(&'static str, Kind); 3] =
        [("quote", Kind::Quote), ("event", Kind::Event), ("mention", Kind::Mention)];
}

/// Whose words a quote is: a speaker who is a known entity (`speaker_id` set), a speaker who
/// is not (or none found), or nobody's (a scare quote: the writer's words in quotation marks).
/// Every quote is in exactly one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sources {
    Named,
    Unnamed,
    Scare,
}

impl Sources {
    /// Every value by its name in a filter (the serde names above).
    pub const NAMES: [(&'static str, Sources); 3] =
        [("named", Sources::Named), ("unnamed", Sources::Unnamed), ("scare", Sources::Scare)];
}

/// A calendar day, ordered; parsed from `YYYY-MM-DD` (a trailing `THH:MM` is ignored).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(u32);

impl Day {
    /// Parses `YYYY-MM-DD` (a trailing time is ignored) with the calendar's one ISO reader.
    pub fn parse(s: &str) -> Option<Day> {
        crate::calendar::parse_iso(s).map(|stamp| Day::of(stamp.date))
    }

    /// [`Day::parse`] for a filter's `from` or `to`, with the message that names a bad one.
    ///
    /// # Errors
    /// When `s` is not a calendar day.
    pub fn read(s: &str) -> Result<Day, String> {
        Day::parse(s).ok_or_else(|| format!("invalid date `{s}`, expected YYYY-MM-DD"))
    }

    pub fn of(date: jiff::civil::Date) -> Day {
        // OK because jiff's years are -9999..=9999, so the shifted year is positive.
        let year = (i32::from(date.year()) + 10_000) as u32;
        Day(year * 10_000 + date.month() as u32 * 100 + date.day() as u32)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Day, D::Error> {
        Day::read(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// What passes the filter by position in the extraction's arrays, with facet counts: what the
/// page reads, since sets of positions cross to JavaScript as a few typed arrays instead of
/// hundreds of thousands of id strings. Search matches are asked for separately, for the
/// documents on screen ([`crate::Index::matches`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Selected {
    pub documents: Positions,
    pub quotes: Positions,
    pub entities: Positions,
    pub events: Positions,
    pub facets: PositionFacets,
}

/// Where the search words are in some documents: `hits` (at most [`crate::index::MAX_HITS`])
/// and `snippets` (for at most [`crate::index::MAX_SNIPPET_DOCS`] documents).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Matches {
    pub hits: Vec<Hit>,
    pub snippets: Vec<Snippet>,
}

/// A set of positions in one of the extraction's arrays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Positions(pub(crate) Bits);

impl Positions {
    pub fn contains(&self, position: usize) -> bool {
        self.0.contains(position)
    }

    /// How many positions are in the set.
    pub fn count(&self) -> usize {
        self.0.count()
    }

    /// The positions, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter()
    }

    /// The set as 32-bit words: position `i` is bit `i % 32` of word `i / 32` (a JavaScript
    /// `Uint32Array`).
    pub fn words(&self) -> Vec<u32> {
        self.0.words_u32()
    }
}

/// The facets of [`Facets`], with documents and entities counted by position (every position,
/// zeros included) rather than by id; [`crate::Index::select`] leaves those two empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PositionFacets {
    pub documents: Vec<u32>,
    pub entities: Vec<u32>,
    /// The passing mentions of each entity (by position; zero for an entity that does not pass),
    /// under every filter: what the entity lists show.
    pub mentions: Vec<u32>,
    pub speakers: Counts,
    pub kinds: KindCounts,
    pub sources: SourceCounts,
}

/// What passes the filter by id, with facet counts and search matches.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Selection {
    pub documents: Vec<String>,
    pub quotes: Vec<String>,
    pub entities: Vec<String>,
    pub events: Vec<String>,
    pub facets: Facets,
    pub hits: Vec<Hit>,
    pub snippets: Vec<Snippet>,
}

/// For each value of each facet, how many results (quotes, events, mentions of the wanted
/// kinds) pass every filter except that facet's own. Values counting zero are left out.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Facets {
    pub documents: Counts,
    pub entities: Counts,
    pub speakers: Counts,
    pub kinds: KindCounts,
    pub sources: SourceCounts,
}

/// Counts by id or name, in corpus order; serialized as a JSON object.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts(pub Vec<(String, u32)>);

impl Counts {
    pub fn get(&self, key: &str) -> Option<u32> {
        self.0.iter().find(|(k, _)| k == key).map(|&(_, n)| n)
    }
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, n)| (k, n)))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    pub quote: u32,
    pub event: u32,
    pub mention: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SourceCounts {
    pub named: u32,
    pub unnamed: u32,
    /// Every quote passing the other filters, as no `sources` filter shows them: the sum of
    /// the other three.
    pub all: u32,
    /// Scare quotes: nobody's words, so neither named nor unnamed.
    pub scare: u32,
}

/// A search match in a document's text (code points, half-open).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// A sentence-sized extract of a document around search matches; `start`/`end` place it in
/// the document text, `hits` are relative to the snippet's own `text` (code points).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub hits: Vec<Span>,
}

impl Selected {
    /// The same selection by id (facets keep only the values counting more than zero), with
    /// the search matches.
    pub fn to_ids(&self, extraction: &Extraction, matches: Matches) -> Selection {
        let ids = |set: &Positions, id: &dyn Fn(usize) -> String| set.iter().map(id).collect();
        let nonzero = |counts: &[u32], id: &dyn Fn(usize) -> String| {
            Counts(counts.iter().enumerate().filter(|(_, &n)| n > 0).map(|(i, &n)| (id(i), n)).collect())
        };
        let doc_id = |i: usize| extraction.documents[i].id.clone();
        let entity_id = |i: usize| extraction.entities[i].id.clone();
        Selection {
            documents: ids(&self.documents, &doc_id),
            quotes: ids(&self.quotes, &|i| extraction.quotes[i].id.clone()),
            entities: ids(&self.entities, &entity_id),
            events: ids(&self.events, &|i| extraction.events[i].id.clone()),
            facets: Facets {
                documents: nonzero(&self.facets.documents, &doc_id),
                entities: nonzero(&self.facets.entities, &entity_id),
                speakers: self.facets.speakers.clone(),
                kinds: self.facets.kinds,
                sources: self.facets.sources,
            },
            hits: matches.hits,
            snippets: matches.snippets,
        }
    }
}
