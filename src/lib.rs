//! Storyscope's core: turns news articles into a timeline of dated events, a wall of who said
//! what, and the people, places and organizations involved.
//!
//! The modules read as a pipeline (see [`pipeline`]):
//! `article` (text → structured article) → `text` (sentences and tokens) →
//! `entities`, `quotes`, `times` → `events` → the contract in [`model`].
//! `index` filters and searches the result for the views; `seeds` holds the embedded default corpus; `wasm_api` is the thin browser binding.

pub mod article;
pub(crate) mod bytes;
pub mod calendar;
pub(crate) mod codec;
pub(crate) mod doc;
pub(crate) mod entities;
pub(crate) mod events;
pub mod files;
pub(crate) mod front_coded;
pub mod index;
pub mod json;
pub mod model;
pub(crate) mod offsets;
pub mod pipeline;
pub(crate) mod quotes;
pub mod seeds;
#[cfg(test)]
pub(crate) mod shuffle;
pub(crate) mod sorting;
#[cfg(test)]
pub(crate) mod test_articles;
pub(crate) mod text;
pub(crate) mod times;
pub(crate) mod weights;

#[cfg(target_arch = "wasm32")]
pub mod wasm_api;

pub use article::{Metadata, Published};
/// Training of the name tagger (`--features train`, see `scripts/train-tagger.sh`).
#[cfg(feature = "train")]
pub use entities::train;
pub use index::{Filter, Index, Selection};
pub use model::Extraction;
pub use pipeline::{
    assemble, assemble_indexed, assemble_observed, assemble_timed, extract, extract_indexed, extract_part,
    extract_part_cached, extract_part_observed, extract_timed, extract_timed_owned, Failure, Input, OnStage, Outcome,
    Part, PartError, StageTimes, WordCache, CORE_VERSION,
};
/// Training of the scare-quote model (`--features train`, see `scripts/train-quotes.sh`).
#[cfg(feature = "train")]
pub use quotes::train as train_quotes;
