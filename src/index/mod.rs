//! The filtering and search index behind every view: built once from an extraction,
//! [`Index::select`] answers a [`Filter`] with the positions of what passes and facet counts,
//! fast enough for one frame at 10,000 articles (see `scripts/bench.mjs`); [`Index::query`]
//! gives the same answer by id.
//!
//! # Semantics
//! Results are of three kinds: quotes, events and entity mentions (the `kinds` filter chooses
//! which are wanted; empty means all). Unknown ids and speaker names in a filter are ignored;
//! a list left empty restricts nothing. Dates are whole days, `from` and `to` inclusive.
//!
//! - A **document** passes if it is in `docs`, mentions every one of `entities`, its published
//!   day or one of its events overlaps `[from, to]`, `q` matches its text or title, and, when
//!   `speakers` or `sources` is set, it holds a quote passing both. `kinds` does not restrict
//!   documents.
//! - A **quote** passes if quotes are wanted, its document is in `docs`, its speaker matches
//!   `speakers` (the speaker entity's id or name, or the speaker text), it is `named` (has a
//!   `speaker_id`) or `unnamed` as `sources` asks, each of `entities` is its speaker or is
//!   mentioned inside the quote or its paragraph, its date (the document's published day, or an
//!   event it belongs to) is in range, and `q` matches its text or speaker.
//! - An **event** passes if events are wanted, one of its documents is in `docs`, it involves
//!   every one of `entities`, its `[start, end]` overlaps `[from, to]`, `q` matches its
//!   summary or entity names, and, when `speakers` or `sources` is set, it times a quote
//!   passing both (a speaker's chip narrows the timeline to what that speaker said).
//! - An **entity** passes if mentions are wanted, it is mentioned in a document that passes the
//!   document filter *without* `q`, and `q` matches its name or an alias: the search box finds
//!   people by name, and articles, quotes and events by their text. A mention passes if its
//!   entity passes and its document passes the document filter without `q`.
//!
//! A query word of four digits is also a year (`2009`, `0050`), and one written `2009-03` or
//! `2009-03-01` is a month or a day (read as the contract's TIMEX3 values), not two words:
//! besides the items whose words hold a year, it matches the documents, quotes and events dated
//! in it (as the date filter dates them); it does not match names, but counts only the mentions
//! in the documents it matches (by a word or a date). While such a date is still being typed,
//! a last part of one digit is left out (`2009-0` is the year so far).
//!
//! Full-text search folds case and Latin accents (`Gdańsk` = `gdansk`, `CAFÉ` = `cafe`) and
//! splits words at anything that is not a letter or digit (apostrophes and hyphens included).
//! Every query word must match a whole word (AND); the last word also matches as a prefix while
//! it is being typed (the query does not end with a space or punctuation). Quote marks in the
//! query are ignored (no phrase search).
//!
//! Facets count results (quotes, events, mentions of the wanted kinds) passing every filter
//! except the facet's own: `documents` per document, `entities` per involved entity,
//! `speakers` per speaker name, `kinds` per kind, `sources` named/unnamed/scare and `all`
//! (their sum: scare quotes are nobody's words, neither named nor unnamed sources). [`Index::select`]
//! also gives `mentions`: the passing mentions of each entity under every filter (what the
//! entity lists show). [`Index::check`] checks a filter from a link before it is used.
//! [`Index::entity_profile`] gives what an entity's page shows (see `profile`).
//!
//! Search matches: `hits` are the code-point spans of matching words in the text of the given
//! documents (in [`Index::query`], the passing ones in corpus order; in [`Index::matches`],
//! those the page shows), at most [`MAX_HITS`]; `snippets` the sentence around them (at most
//! [`MAX_SNIPPETS_PER_DOC`] for each of the first [`MAX_SNIPPET_DOCS`] documents with hits).
//!
//! The index does not extract anything, and it keeps no word positions: match spans are found
//! by rescanning only the documents that are returned with hits.

mod bits;
mod build;
mod check;
mod dated;
mod filter;
mod fold;
mod involved;
mod profile;
mod search;
mod select;
mod words;

pub use check::{is_calendar_day, CheckedFilter, DropReason, Dropped, KeptFilter, RawFilter};
pub use filter::{
    Counts, Day, Facets, Filter, Hit, Kind, KindCounts, Matches, PositionFacets, Positions, Selected, Selection,
    Snippet, SourceCounts, Sources,
};
pub use profile::{Bucket, EntityProfile, MentionsOverTime, TimeUnit};
pub use search::{MAX_HITS, MAX_SNIPPETS_PER_DOC, MAX_SNIPPET_DOCS};

use crate::model::Extraction;
use crate::text::FxHashMap;
use bits::Bits;
use involved::Involved;
pub(crate) use words::DocumentWords;
use words::WordIndex;

/// An inclusive range of days.
type Days = (Day, Day);

/// The extraction and everything precomputed to filter it. Items are referred to by their
/// position in the extraction's arrays.
pub struct Index {
    extraction: Extraction,
    doc_index: FxHashMap<String, u32>,
    entity_index: FxHashMap<String, u32>,
    /// Speaker name, entity id or speaker text → a speaker key…
    speaker_keys: FxHashMap<String, u32>,
    /// …and, by key, the key itself and the quotes it designates.
    speaker_names: Vec<String>,
    speaker_quotes: Vec<Vec<u32>>,

    doc_words: WordIndex,
    /// The published day and the ranges of the document's events.
    doc_days: Vec<Vec<Days>>,

    entity_words: WordIndex,
    entity_docs: Vec<Vec<u32>>,
    /// (document, number of mentions in it), by document.
    entity_mentions: Vec<Vec<(u32, u32)>>,
    /// The number of mentions in all documents.
    entity_mention_total: Vec<u32>,
    entity_events: Vec<Vec<u32>>,

    quote_words: WordIndex,
    quote_doc: Vec<Option<u32>>,
    /// The quotes whose speaker is a known entity.
    quote_named: Bits,
    /// Quotes whose speaker is no entity, or who have none found (an unnamed source).
    quote_unnamed: Bits,
    /// Scare quotes (nobody's words). `quote_named`, `quote_unnamed` and `quote_scare` part
    /// the quotes: each is in exactly one.
    quote_scare: Bits,
    /// The published day of the quote's document (its events' days count too).
    quote_day: Vec<Option<Day>>,
    /// The entities each quote involves (by paragraph: linear in the corpus).
    quote_entities: Involved,
    /// The speaker key (a name) the speakers facet counts a quote under.
    quote_speaker: Vec<Option<u32>>,

    event_words: WordIndex,
    event_docs: Vec<Vec<u32>>,
    event_days: Vec<Option<Days>>,
    event_quotes: Vec<Vec<u32>>,
    event_entities: Vec<Vec<u32>>,

    totals: Totals,
}

/// Facet counts over every item, by target: broad selections are counted from these by
/// subtracting what they leave out.
struct Totals {
    /// Quotes and events by document.
    doc_quotes: Vec<u32>,
    doc_events: Vec<u32>,
    /// Entity mentions by document.
    doc_mentions: Vec<u32>,
    /// Events involving each entity.
    entity_events: Vec<u32>,
    /// Quotes counted under each speaker key.
    speaker_quotes: Vec<u32>,
}

impl Index {
    /// Indexes a copy of `extraction` (the contract, with code-point offsets).
    pub fn build(extraction: &Extraction) -> Index {
        Index::from_extraction(extraction.clone())
    }

    /// Indexes `extraction`, keeping it (no copy of the texts).
    pub fn from_extraction(extraction: Extraction) -> Index {
        Index::from_extraction_and_words(extraction, None)
    }

    /// Indexes `extraction`, whose documents' words `words`, when given, read from their token
    /// views while they were extracted (see [`crate::pipeline::assemble_indexed`]).
    pub(crate) fn from_extraction_and_words(extraction: Extraction, words: Option<DocumentWords>) -> Index {
        build::build(extraction, words)
    }

    /// The documents' words (to compare indexes built in two ways).
    #[cfg(test)]
    pub(crate) fn document_words(&self) -> &WordIndex {
        &self.doc_words
    }

    pub fn extraction(&self) -> &Extraction {
        &self.extraction
    }

    /// The document `id`, if the corpus has it.
    pub fn document(&self, id: &str) -> Option<&crate::model::Document> {
        self.doc_index.get(id).and_then(|&i| self.extraction.documents.get(i as usize))
    }

    /// The ids passing `filter`, facet counts, and the search matches in the passing documents
    /// (corpus order).
    pub fn query(&self, filter: &Filter) -> Selection {
        let selected = select::select(self, filter, true);
        let matches = select::matches(self, &filter.q, selected.documents.iter());
        selected.to_ids(&self.extraction, matches)
    }

    /// What passes `filter` by position in the extraction's arrays, with the facet counts the
    /// page shows (speakers, sources, kinds, and the passing mentions of each entity; the
    /// `documents` and `entities` facets are left empty): what the page uses (no ids to build,
    /// no text to scan, no per-item facet to count).
    pub fn select(&self, filter: &Filter) -> Selected {
        select::select(self, filter, false)
    }

    /// The search matches of `q` in the documents `docs` (ids, in the order given; unknown
    /// ids are skipped): what the page shows for the documents on screen.
    pub fn matches(&self, q: &str, docs: &[String]) -> Matches {
        select::matches(self, q, docs.iter().filter_map(|id| self.doc_index.get(id)).map(|&d| d as usize))
    }
}
