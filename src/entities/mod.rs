//! People, places and organizations: recognition in each document and merging of aliases
//! within and across documents (issue 4).
//!
//! Input: the analyzed documents. Output: the contract's `entities` (byte offsets) plus an
//! index of mentions per document that later stages (quote speakers, event participants) use.
//! It does not attribute quotes or date anything.

use crate::model::{Entity, Span};
use crate::pipeline::Doc;

/// Grammatical gender known from an honorific (Mr./Ms./Mrs.) or a pronoun-free cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// One mention of an entity in one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MentionRef {
    pub span: Span,
    /// Index into [`Entities::list`].
    pub entity: usize,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Entities {
    /// The merged entities, with byte-offset mentions.
    pub list: Vec<Entity>,
    /// Parallel to `list`: gender where the text tells it.
    pub genders: Vec<Option<Gender>>,
    /// Per document (in the order of the `docs` given), mentions sorted by start.
    pub by_doc: Vec<Vec<MentionRef>>,
}

/// Recognizes and merges the entities of all documents.
pub(crate) fn extract(docs: &[Doc]) -> Entities {
    Entities { by_doc: vec![Vec::new(); docs.len()], ..Entities::default() }
}
