//! People, places and organizations: recognition in each document and merging of aliases
//! within and across documents (issue 4).
//!
//! Input: the analyzed documents. Output: the contract's `entities` (byte offsets) plus an
//! index of mentions per document that later stages (quote speakers, event participants) use.
//! The stages: `features` builds each document's view of its words (word classes from the
//! generated `gazetteer`, `names` and `verbs_data` lists and the rule `lexicon`), `tagger`
//! finds names with the learned model, `recognize` cuts titles and roles out of them and
//! decides each name's kind over the whole document, then over the corpus, and `merge` joins
//! them into entities.
//! It does not attribute quotes or date anything, and it resolves no pronouns.
//!
//! Decisions: a demonym or adjective ("Russian", "Poles") is not a mention of its place (news
//! gold standards type it NORP, not GPE), but it is kept in [`Entities::demonyms`] as a link
//! to the place entity when the story mentions that place. Ids are `kind:slug` of the name
//! (`person:martin-holloway`, given name and surname only; `place:united-states`), with `-2`
//! … appended on a clash.

mod coded_weights;
mod features;
mod gazetteer;
#[rustfmt::skip]
mod gazetteer_data;
mod lexicon;
mod merge;
mod names;
#[rustfmt::skip]
mod names_data;
#[cfg(feature = "train")]
pub mod clusters;
mod recognize;
mod tagger;
#[cfg(feature = "train")]
pub mod train;
#[rustfmt::skip]
mod verbs_data;

use crate::doc::Doc;
use crate::model::{Entity, Span};
use crate::text::Analysis;

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

/// What the name tagger makes of one document alone: the model's per-document work, kept in
/// an article's part so that a corpus is assembled without running the model again.
///
/// Recognition reads one fact of the corpus ([`features::class::COMMON`]: a capitalized word
/// that the corpus's documents write in lowercase about as often as they capitalize it inside
/// sentences, see [`features::CommonWords`]), so this is made without it; [`assemble`] adds it
/// back from every document's [`Scored::uses`]. The model is linear, so the fact's weights add to the sums exactly and the
/// result is the same as [`extract`]'s, whatever the corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Scored {
    /// How the document writes each word it capitalizes inside a sentence or writes in
    /// lowercase (its share of the corpus fact): sorted by hash in a kept part ([`score`]), in
    /// the vocabulary's order where [`assemble`] makes them (they are only summed there).
    pub uses: Vec<features::WordUse>,
    /// Per token: its word classes, without the corpus fact.
    pub classes: Vec<u64>,
    /// Per token the model scores, in order: its summed feature weights, without the corpus
    /// fact.
    pub sums: Vec<tagger::Sums>,
}

impl Scored {
    pub(crate) fn write(&self, w: &mut crate::codec::Writer) {
        self.write_cut(w, usize::MAX, &mut Vec::new());
    }

    /// [`Scored::write`], its bytes cut in pieces as [`crate::text::kept::write_cut`] cuts a
    /// token view's: each time `w` holds `piece_len` bytes or more, they go to the end of
    /// `done` and `w` starts again, with room for `piece_len` and a token's most (the last
    /// bytes stay in `w`). The bytes in order are [`Scored::write`]'s. A long document of
    /// names writes a megabyte of sums or more: in one piece, written beside the sums, it
    /// found no gap in the page's extractor worker and grew its memory, which never shrinks.
    pub(crate) fn write_cut(&self, w: &mut crate::codec::Writer, piece_len: usize, done: &mut Vec<Vec<u8>>) {
        let mut cut = |w: &mut crate::codec::Writer| {
            if w.0.len() >= piece_len {
                // Room for a token's most: its sums, a varint of at most five bytes each.
                done.push(std::mem::replace(
                    &mut w.0,
                    Vec::with_capacity(piece_len.saturating_add(5 * tagger::WEIGHTS)),
                ));
            }
        };
        w.uint(self.uses.len() as u64);
        for u in &self.uses {
            w.fixed(u.hash);
            w.uint(u64::from(u.capitalized));
            w.uint(u64::from(u.lowercase));
            cut(w);
        }
        w.uint(self.classes.len() as u64);
        let mut recent = Recent::default();
        for &classes in &self.classes {
            w.uint(recent.code(classes));
            cut(w);
        }
        w.uint(self.sums.len() as u64);
        for sums in &self.sums {
            for &sum in sums {
                w.int(i64::from(sum));
            }
            cut(w);
        }
    }

    /// The bytes [`Scored::write`] writes, but for its three counts.
    #[cfg(test)]
    pub(crate) fn written_len(&self) -> usize {
        use crate::codec::{int_len, uint_len};
        let mut recent = Recent::default();
        let classes: usize = self.classes.iter().map(|&c| uint_len(recent.code(c))).sum();
        let sums: usize = self.sums.iter().flatten().map(|&sum| int_len(i64::from(sum))).sum();
        let uses: usize =
            self.uses.iter().map(|u| 8 + uint_len(u64::from(u.capitalized)) + uint_len(u64::from(u.lowercase))).sum();
        uses + classes + sums
    }

    /// What [`Scored::write`] wrote, or `None` for bytes that are not one.
    pub(crate) fn read(r: &mut crate::codec::Reader) -> Option<Self> {
        // Sized from their counts (each item takes a byte or more, so a count is never more
        // than the bytes left): grown by doubling, the sums took twice their size in the
        // page's corpus worker, whose memory never shrinks.
        let n = r.count()?;
        let mut uses = Vec::with_capacity(n);
        for _ in 0..n {
            let hash = r.fixed()?;
            let capitalized = u32::try_from(r.uint()?).ok()?;
            let lowercase = u32::try_from(r.uint()?).ok()?;
            uses.push(features::WordUse { hash, capitalized, lowercase });
        }
        let n = r.count()?;
        let mut classes = Vec::with_capacity(n);
        let mut recent = Recent::default();
        for _ in 0..n {
            classes.push(recent.value(r.uint()?));
        }
        let n = r.count()?;
        let mut sums = Vec::with_capacity(n);
        for _ in 0..n {
            let mut token = tagger::Sums::default();
            for sum in &mut token {
                *sum = i32::try_from(r.int()?).ok()?;
            }
            sums.push(token);
        }
        Some(Scored { uses, classes, sums })
    }
}

/// How [`Scored`] writes its classes: the last [`Recent::LEN`] distinct values, most recent
/// first, so that a token's classes are written as their place among them (one byte) or
/// else as the value, [`Recent::LEN`] up. Most tokens repeat the classes of a token shortly
/// before them (a lowercase word, a comma), and class bits above the seventh make a value
/// of five bytes or more: in a document of brackets, `[a](`, the classes took 3.5 bytes a
/// token, the most of its part, which the page's corpus worker holds whole while it reads it.
#[derive(Default)]
struct Recent([u64; Recent::LEN]);

impl Recent {
    const LEN: usize = 8;

    /// The code of `value`, which then becomes the most recent.
    ///
    /// One pass that moves each value one place down until it meets `value`'s old place: the
    /// slice rotations this replaces were a call each in the wasm (not inlined at opt-level
    /// "z"), 2% of the page's path, twice per token as a part is written.
    fn code(&mut self, value: u64) -> u64 {
        let mut carried = value;
        for (k, slot) in self.0.iter_mut().enumerate() {
            let kept = std::mem::replace(slot, carried);
            if kept == value {
                return k as u64;
            }
            carried = kept;
        }
        // Class bits stop below the 63rd (see `features::class`), so this never wraps.
        value.wrapping_add(Self::LEN as u64)
    }

    /// The value of `code` (what [`Recent::code`] gave it), which then becomes the most
    /// recent.
    fn value(&mut self, code: u64) -> u64 {
        let (place, value) = match usize::try_from(code) {
            // OK because the place is below LEN.
            Ok(k) if k < Self::LEN => (k, self.0[k]),
            _ => (Self::LEN - 1, code - Self::LEN as u64),
        };
        // The values before its place move one down (the last one out, for a new value).
        for k in (0..place).rev() {
            self.0[k + 1] = self.0[k];
        }
        self.0[0] = value;
        value
    }
}

/// Runs the name tagger over one document: everything of recognition that needs no other
/// document. Linear in the document.
pub(crate) fn score(a: &Analysis) -> Scored {
    score_with(a, tagger::Model::builtin(), &mut tagger::WordMemo::default())
}

/// [`score`], with the tagger's word rows kept in `memo` from one document to the next (a
/// word's rows depend on its key alone): what an extractor of one article at a time keeps.
pub(crate) fn score_remembering(a: &Analysis, memo: &mut WordMemo) -> Scored {
    score_with(a, tagger::Model::builtin(), memo)
}

pub(crate) use tagger::WordMemo;

// Not inlined: the pipeline and the assembly both call it, and it is large.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
fn score_with(a: &Analysis, model: &tagger::Model, memo: &mut WordMemo) -> Scored {
    let (mut scored, view) = score_view(a, model, memo);
    // A part keeps them sorted (the same bytes whatever order the vocabulary has them in);
    // groups and hashes are one to one, so there are no duplicates.
    crate::sorting::sort_by_key(&mut scored.uses, |u| u.hash);
    Scored { classes: view.classes, ..scored }
}

/// [`score_with`], handing back the classified view instead of its classes (`classes` is
/// empty), for [`assemble_with`] to go on with. `memo` keeps the tagger's word rows from one
/// document to the next.
fn score_view<'a, 't>(
    a: &'a Analysis<'t>,
    model: &tagger::Model,
    memo: &mut tagger::WordMemo,
) -> (Scored, features::View<'a, 't>) {
    #[cfg(test)]
    crate::doc::runs::count(crate::doc::runs::Kept::Names);
    let (gazetteer, names) = tables();
    let mut view = features::View::new(a);
    let uses = view.classify(&features::Lexicons { gazetteer, names, common: features::KeySet::default() });
    let sums = tagger::score(model, &view, memo);
    (Scored { uses, classes: Vec::new(), sums }, view)
}

/// The view of a document `s` was made of, or `None` when `s` does not fit its analysis (one
/// class per token and one sum per token the model scores).
/// The classes are taken from `s`, not copied (8 bytes a token, beside the view's own in the
/// page's corpus worker, whose memory never shrinks); a view that does not fit is made again
/// without them.
fn restore<'a, 't>(s: &mut Scored, a: &'a Analysis<'t>) -> Option<features::View<'a, 't>> {
    if s.classes.len() != a.tokens.len() {
        return None;
    }
    let view = features::View::restored(a, std::mem::take(&mut s.classes));
    (s.sums.len() == tagger::scored_tokens(&view)).then_some(view)
}

/// Recognizes and merges the entities of all documents with another tagger model (the
/// training script's first round).
#[cfg(feature = "train")]
pub(crate) fn extract_with(docs: &[Doc], model: &tagger::Model) -> Entities {
    assemble_with(docs, &mut vec![None; docs.len()], model)
}

/// Recognizes and merges the entities of all documents from what [`score`] made of each
/// (`scored[d]` of `docs[d]`; `None` runs [`score`] here): the corpus fact, decoding, the
/// document's decisions, then the corpus's. A `scored` that does not fit its document (a
/// damaged part) is made again. The classes of each `scored` are taken (see [`restore`]).
pub(crate) fn assemble(docs: &[Doc], scored: &mut [Option<Scored>]) -> Entities {
    assemble_with(docs, scored, tagger::Model::builtin())
}

// Run once per corpus: kept out of line, so that profiles show the stage whole.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
fn assemble_with(docs: &[Doc], scored: &mut [Option<Scored>], model: &tagger::Model) -> Entities {
    let (gazetteer, names) = tables();
    // Each document's view: restored from its kept part, or made here with the model's work.
    let mut remade: Vec<Option<Scored>> = Vec::with_capacity(docs.len());
    let mut memo = tagger::WordMemo::default();
    let mut views = Vec::with_capacity(docs.len());
    for (d, doc) in docs.iter().enumerate() {
        match scored.get_mut(d).and_then(Option::as_mut).and_then(|s| restore(s, &doc.analysis)) {
            Some(view) => {
                remade.push(None);
                views.push(view);
            }
            None => {
                let (s, view) = score_view(&doc.analysis, model, &mut memo);
                remade.push(Some(s));
                views.push(view);
            }
        }
    }
    let scored: Vec<&Scored> = remade
        .iter()
        .zip(scored.iter().map(Option::as_ref).chain(std::iter::repeat(None)))
        .filter_map(|(remade, kept)| remade.as_ref().or(kept))
        .collect();
    // The corpus fact first, for every document: its counts (a map of every word of the
    // corpus) go before recognition's peak.
    let common = features::CommonWords::of(scored.iter().map(|s| s.uses.as_slice()));
    for view in views.iter_mut() {
        view.mark_common(|hash| common.contains(hash));
    }
    drop(common);
    let mut found = Vec::with_capacity(docs.len());
    for (view, s) in views.iter().zip(&scored) {
        found.push(recognize::recognize_tagged(view, gazetteer, tagger::decode(model, view, &s.sums)));
    }
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
fn link_demonyms(entities: &mut Entities, found: &[recognize::DocumentNames]) {
    let place_index: crate::text::FxHashMap<&str, usize> = entities
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_written_by_their_place_among_the_recent_and_read_back() {
        // Eight values and a ninth, repeats near and far, the largest class bits.
        let mut classes: Vec<u64> = (0..9).map(|k| 1 << (7 * k)).collect();
        classes.extend([1 << 56, 1 << 56, 5, 1, 1 << 56, 0, 0, 1 << 14, u64::MAX >> 7, 1 << 7]);
        classes.extend((0..300).map(|k| [1 << 36 | 1 << 4, 4, 1 << 4][k % 3]));
        let uses = vec![
            features::WordUse { hash: 3, capitalized: 0, lowercase: 200 },
            features::WordUse { hash: u64::MAX, capitalized: u32::MAX, lowercase: 0 },
        ];
        let scored = Scored { uses, classes: classes.clone(), sums: Vec::new() };
        let mut w = crate::codec::Writer::default();
        scored.write(&mut w);
        // And its three counts: 2, 317 (two bytes) and 0.
        assert_eq!(w.0.len(), scored.written_len() + 4);
        let read = Scored::read(&mut crate::codec::Reader::new(&w.0)).expect("scored");
        assert_eq!(read, scored);
        // The three repeating values of `[a](` take a byte a token once met.
        let mut three = Scored { classes: classes[classes.len() - 300..].to_vec(), ..Scored::default() };
        let before = three.written_len();
        three.classes.extend_from_within(..);
        assert_eq!(three.written_len() - before, 300);
    }

    /// The codes are those of a move-to-front list of eight (the bytes kept parts hold): each
    /// value's place among the last distinct values, most recent first, else the value eight
    /// up; the list after each step is the textbook one, and reading undoes writing.
    #[test]
    fn recent_codes_are_a_move_to_front_list_of_eight() {
        let mut list = [0u64; Recent::LEN];
        let mut recent = Recent::default();
        let mut reader = Recent::default();
        // Twelve values over a list of eight: hits at every place, misses that push one out.
        let mut state = 7u64;
        let mut places = [0; Recent::LEN + 1];
        for _ in 0..5_000 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let value = (state >> 60) % 12 * 0x101;
            let expected = match list.iter().position(|&v| v == value) {
                Some(k) => {
                    list[..=k].rotate_right(1);
                    k as u64
                }
                None => {
                    list.rotate_right(1);
                    list[0] = value;
                    value + Recent::LEN as u64
                }
            };
            let code = recent.code(value);
            assert_eq!(code, expected, "the code of {value:#x}");
            assert_eq!(recent.0, list, "the list after coding {value:#x}");
            assert_eq!(reader.value(code), value, "reading code {code}");
            assert_eq!(reader.0, list, "the list after reading code {code}");
            places[(code as usize).min(Recent::LEN)] += 1;
        }
        assert!(places.iter().all(|&n| n > 50), "every place and a miss are met: {places:?}");
    }

    /// The split is exact: the tagger over a view classified with the corpus's common words
    /// finds what decoding finds from the sums each document made alone, with the common words
    /// made from the uses each document kept.
    #[test]
    fn tagging_alone_then_decoding_with_the_corpus_is_tagging_with_the_corpus() {
        let mut texts: Vec<String> = crate::seeds::inputs().into_iter().map(|input| input.content).collect();
        texts.push("Stock prices fell on Monday. Stock traders at Harlow Bank said so.".into());
        texts.push("The stock market and the bank closed early. Traders said nothing.".into());
        let analyses: Vec<Analysis> = texts.iter().map(|t| Analysis::of_text(t)).collect();
        let (gazetteer, names) = tables();
        let model = tagger::Model::builtin();
        let mut views: Vec<features::View> = analyses.iter().map(features::View::new).collect();
        let common_words = features::View::classify_corpus(&mut views, gazetteer, names);
        let scored: Vec<Scored> = analyses.iter().map(score).collect();
        let counted = features::CommonWords::of(scored.iter().map(|s| s.uses.as_slice()));
        assert!(common_words.iter().all(|&hash| counted.contains(hash)));
        assert_eq!(counted.finish(), common_words);
        assert!(common_words.contains(&features::hash_bytes(b"stock")));
        let mut common = 0;
        for ((a, view), scored) in analyses.iter().zip(&views).zip(&scored) {
            let mut restored = features::View::restored(a, scored.classes.clone());
            restored.mark_common(|hash| common_words.contains(&hash));
            assert_eq!(restored.classes, view.classes);
            assert_eq!(tagger::decode(model, &restored, &scored.sums), tagger::tag(model, view));
            common += view.classes.iter().filter(|&&c| c & features::class::COMMON != 0).count();
        }
        assert!(common > 10, "the corpus fact is set on some words ({common})");
    }
}
