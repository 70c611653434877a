//! People, places and organizations: recognition in each document and merging of aliases
//! within and across documents (issue 4).
//!
//! Input: the analyzed documents. Output: the contract's `entities` (byte offsets) plus an
//! index of mentions per document that later stages (quote speakers, event participants) use.
//! The stages: `features` builds each document's view of its words (word classes from the
//! generated `gazetteer` and `names` lists and the rule `lexicon`), `tagger` finds names with
//! the learned model, `recognize` cuts titles and roles out of them and decides each name's
//! kind over the whole document, then over the corpus, and `merge` joins them into entities.
//! It does not attribute quotes or date anything, and it resolves no pronouns.
//!
//! Decisions: a demonym or adjective ("Russian", "Poles") is not a mention of its place (news
//! gold standards type it NORP, not GPE), but it is kept in [`Entities::demonyms`] as a link
//! to the place entity when the story mentions that place. Ids are `kind:slug` of the name
//! (`person:martin-holloway`, given name and surname only; `place:united-states`), with `-2`
//! … appended on a clash.

mod features;
mod gazetteer;
#[rustfmt::skip]
mod gazetteer_data;
mod lexicon;
mod merge;
mod names;
#[rustfmt::skip]
mod names_data;
mod recognize;
mod tagger;
#[cfg(feature = "train")]
pub mod train;

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
    extract_with(docs, tagger::Model::builtin())
}

/// [`extract`] with another tagger model (the training script's first round).
pub(crate) fn extract_with(docs: &[Doc], model: &tagger::Model) -> Entities {
    let (gazetteer, names) = tables();
    let mut views: Vec<features::View> = docs.iter().map(|doc| features::View::new(&doc.analysis)).collect();
    let mut lowercase = features::KeySet::default();
    for view in &views {
        view.collect_lowercase(&mut lowercase);
    }
    let lexicons = features::Lexicons { gazetteer, names, lowercase };
    let mut found: Vec<recognize::Found> = views
        .iter_mut()
        .map(|view| {
            view.classify(&lexicons);
            recognize::recognize(view, gazetteer, model)
        })
        .collect();
    let surnames = recognize::full_name_surnames(&found);
    for (view, f) in views.iter().zip(&mut found) {
        recognize::corpus_surnames(view, gazetteer, &surnames, f);
    }
    drop(views);
    recognize::decide_corpus_kinds(&mut found);
    let mut entities = merge::merge(docs, &found, names);
    link_demonyms(&mut entities, &found);
    entities
}

/// The generated tables, built once per process.
fn tables() -> (&'static gazetteer::Gazetteer, &'static names::Names) {
    static GAZETTEER: std::sync::OnceLock<gazetteer::Gazetteer> = std::sync::OnceLock::new();
    static NAMES: std::sync::OnceLock<names::Names> = std::sync::OnceLock::new();
    (GAZETTEER.get_or_init(gazetteer::Gazetteer::new), NAMES.get_or_init(names::Names::new))
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
