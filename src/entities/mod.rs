//! People, places and organizations: recognition in each document and merging of aliases
//! within and across documents (issue 4).
//!
//! Input: the analyzed documents. Output: the contract's `entities` (byte offsets) plus an
//! index of mentions per document that later stages (quote speakers, event participants) use.
//! The stages: `recognize` finds candidate names per document (rules + the generated
//! `gazetteer`), `merge` joins them into entities. It does not attribute quotes or date
//! anything, and it resolves no pronouns.
//!
//! Decisions: a demonym or adjective ("Russian", "Poles") is not a mention of its place (news
//! gold standards type it NORP, not GPE), but it is kept in [`Entities::demonyms`] as a link
//! to the place entity when the story mentions that place. Ids are `kind:slug` of the name
//! (`person:martin-holloway`, given name and surname only; `place:united-states`), with `-2`
//! … appended on a clash.

mod gazetteer;
#[rustfmt::skip]
mod gazetteer_data;
mod lexicon;
mod merge;
mod recognize;

use crate::doc::Doc;
use crate::model::{Entity, Span};

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
    /// Per document, demonyms and adjectives ("Russian") linked to the place entity they
    /// belong to, sorted by start. Not mentions: see the module doc.
    pub demonyms: Vec<Vec<MentionRef>>,
}

/// Recognizes and merges the entities of all documents.
pub(crate) fn extract(docs: &[Doc]) -> Entities {
    let gazetteer = gazetteer::Gazetteer::new();
    let context = recognize::Context::new(&gazetteer, docs);
    let found: Vec<recognize::Found> = docs.iter().map(|doc| recognize::recognize(doc, &context)).collect();
    let mut entities = merge::merge(docs, &found);
    link_demonyms(&mut entities, &found);
    entities
}

/// Points each demonym at its place's entity, when the story has one.
fn link_demonyms(entities: &mut Entities, found: &[recognize::Found]) {
    let place_index: std::collections::HashMap<&str, usize> = entities
        .list
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == crate::model::EntityKind::Place)
        .map(|(i, e)| (e.name.as_str(), i))
        .collect();
    entities.demonyms = found
        .iter()
        .map(|f| {
            f.demonyms
                .iter()
                .filter_map(|d| place_index.get(d.place).map(|&entity| MentionRef { span: d.span, entity }))
                .collect()
        })
        .collect();
}
