//! The word types of a batch of documents extracted together, so that what a word type is
//! (its lexicon description, and each stage's own word lists: a [`Column`]) is worked out once
//! per batch instead of once per document. Half of a news corpus's tokens are the first of
//! their type in their document, and most of those types recur in other documents.
//!
//! Each document keeps its own [`WordId`]s, numbered in the order its types first come,
//! exactly as [`Analysis::new`] numbers them: a batch changes no result and no kept part (a
//! part's token view names only its own words, and never the batch's). A document's
//! vocabulary made through a batch is *linked*: per type it holds the type's id in the batch
//! and nothing else, and [`Analysis::word_key`] and [`Analysis::word_description`] read the
//! key and description there (one more array read than a document's own copy; half of a news
//! corpus's tokens are the first of their type in their document, and the copy cost about 90
//! instructions each). The batch ids are also how [`Analysis::per_word_column`] reads a
//! column. An analysis made in a batch is a [`Linked`] until it is given the batch
//! ([`Linked::in_batch`]), once every document is entered: its keys cannot be read before.
//!
//! Cost: per token one hash and one probe of the batch's table of spellings (the document's
//! own table is not built): a token of up to eight bytes, nearly every one, is read as one word
//! that is both its hash's input and what the probe compares. A spelling new to the batch is
//! folded and its key looked up too.
//! Per new type of a document, one append of its batch id; per new type of the batch, one
//! lexicon lookup. A column costs one computation per type of the batch: it grows with the
//! batch, so documents analyzed after it was read add only their new types. Memory: the
//! batch's keys and columns, linear in its distinct words, for as long as the batch lives
//! (one extraction, or the page's extractor: see [`crate::pipeline::WordCache`]), and 4 bytes
//! a type of each document. A document's kept view ([`Analysis::into_view`]) copies its keys
//! and descriptions from the batch, as a view read alone needs them.

use super::vocabulary::{hash, hash_head, same_bytes, Slots};
use super::{Analysis, Description, Token, TokenView, Vocabulary, WordId};
use crate::model::Span;
use std::cell::RefCell;

/// A stage's word list, as one `u64` of facts per word type, computed once per batch (see
/// [`Analysis::per_word_column`]). Each column has one stage that fills it, and one function
/// that computes it from a word's key and description alone.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Column {
    /// The quote stage's word classes.
    QuoteClasses,
    /// The time stage's word flags.
    TimeFlags,
    /// The entity features' hash of a key without its possessive.
    NameHash,
    /// The entity features' classes from the rule lexicon.
    NameRules,
    /// The events stage's facts of a word in a clause (function word, verb of saying…).
    ClauseWords,
    /// The events stage's hash of a key, the same in every document.
    KeyHashes,
}

const COLUMNS: usize = 6;

/// The word types of the documents of one extraction (see the module docs).
#[derive(Debug, Default)]
pub(crate) struct Batch {
    vocabulary: Vocabulary,
    /// Every token text met, with its type: most tokens are spelled as one before them (a
    /// key is folded once per spelling of the batch, not once per token).
    spellings: Spellings,
    /// The key of a new spelling, as it is folded.
    key: String,
    /// Per batch type (up to the last one a spelling has named): its id in the document being
    /// analyzed, or [`NOT_SEEN`]. Reset after each document (only its own types are touched).
    local: Vec<WordId>,
    /// Per column, its value for the batch's first types (all of them once it has been read
    /// since the last document was entered).
    columns: [RefCell<Vec<u64>>; COLUMNS],
    /// Per spelling: two words of facts a stage worked out from the spelling alone, `[0, 0]`
    /// until it has (see [`Analysis::spelling_memo`]).
    spelling_memo: RefCell<Vec<[u64; 2]>>,
    id: BatchId,
}

/// A batch's identity, distinct for every batch a process makes: a cache of facts by the
/// batch's word ids (see [`Analysis::batch_words`]) that outlives one batch knows by it when
/// the ids start naming other words.
#[derive(Debug)]
struct BatchId(u64);

impl Default for BatchId {
    fn default() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        BatchId(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

/// The most word types a document's vocabulary is sized for before its first token: a longer
/// document's lists grow as its types come, so a guess never holds much unused room.
const LINKED_RESERVE_MAX: usize = 1024;

/// [`Batch::local`]: the type has no id in the document being analyzed.
const NOT_SEEN: WordId = WordId::MAX;

impl Batch {
    /// Analyzes `text` as [`Analysis::new`] does, with its word types entered in the batch:
    /// the analysis, linked to the batch's types, is read once given the batch
    /// ([`Linked::in_batch`]).
    // Run once per document: kept out of line (and out of the callers' profiles).
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    pub(crate) fn analyze<'t>(&mut self, text: &'t str, paragraphs: &[Span]) -> Linked<'t> {
        let Batch { vocabulary: batch, spellings, key, local, .. } = self;
        // Sized once for the types a text of this length has (about one per ten bytes of news
        // text), up to a bound, instead of growing its list by doubling.
        let mut words = Vocabulary::linked((text.len() / 10).min(LINKED_RESERVE_MAX));
        let analysis = Analysis::build(text, paragraphs, |tokens| {
            name_tokens(text, tokens, spellings, local, &mut words, |span| {
                key.clear();
                // OK because the tokenizer cuts tokens within the text at char boundaries;
                // `get` keeps a wrong span from panicking.
                super::fold::fold_token(text.get(span.start..span.end).unwrap_or_default(), key);
                batch.intern(key)
            })
        });
        words.link_keys(batch);
        for &global in words.global() {
            // OK because each global id of the document was entered in `local` above.
            local[global as usize] = NOT_SEEN;
        }
        Linked { analysis: Analysis { vocabulary: words, ..analysis }, batch: self.id.0 }
    }

    /// `view`'s analysis of `text` (as [`Analysis::with_view`]), with its word types entered
    /// in the batch (one lookup per type of the view). The view's vocabulary keeps its own
    /// keys and descriptions, and gains the types' batch ids.
    pub(crate) fn with_view<'t>(&mut self, text: &'t str, view: TokenView) -> Linked<'t> {
        let mut analysis = Analysis::with_view(text, view);
        let words = &mut analysis.vocabulary;
        let global = (0..words.len() as WordId).map(|id| self.vocabulary.intern(words.key(id))).collect();
        words.set_global(global);
        Linked { analysis, batch: self.id.0 }
    }

    /// Column `column` of every type of the batch, `f` of its key and description, computed
    /// for the types entered since it was last read.
    fn column(&self, column: Column, f: &mut dyn FnMut(&str, &Description) -> u64) -> std::cell::Ref<'_, [u64]> {
        // OK because `COLUMNS` counts the variants of `Column`.
        let cell = &self.columns[column as usize];
        {
            // OK because no `Ref` of a column outlives `column_of`, which calls no column.
            let mut values = cell.borrow_mut();
            let v = &self.vocabulary;
            let known = values.len() as WordId;
            values.extend((known..v.len() as WordId).map(|id| f(v.key(id), v.description(id))));
        }
        std::cell::Ref::map(cell.borrow(), Vec::as_slice)
    }

    /// The number of word types met.
    pub(crate) fn types(&self) -> usize {
        self.vocabulary.len()
    }
}

/// Sets the word type of each of `tokens` of `text` as [`super::name_each`] does, to its id
/// in `words`, the document's vocabulary linked to the batch: its spelling is looked up in
/// `spellings`, and a spelling new to the batch is given its batch type by `new_word` (which
/// folds its text and interns the key); a type new to the document is added to `words`, its id
/// kept in `local` (see [`Batch::local`]).
///
/// The loop over nearly every token of a corpus, compiled apart from the analysis around it
/// (natively), so that its state stays in registers: a token of up to eight bytes, nearly
/// every one, is read from the text in one load ([`short_head_at`]), and a new spelling's
/// work is out of line ([`Spellings::add`]).
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
fn name_tokens(
    text: &str,
    tokens: &mut [Token],
    spellings: &mut Spellings,
    local: &mut Vec<WordId>,
    words: &mut Vocabulary,
    mut new_word: impl FnMut(Span) -> WordId,
) -> usize {
    let bytes = text.as_bytes();
    super::name_each(tokens, |span| {
        let short = short_head_at(bytes, span.start, span.end);
        let found = match short {
            Some(head) => spellings.find_short(head),
            None => spellings.find_long(bytes, span),
        };
        let (global, spelling) = match found {
            Ok(found) => found,
            Err(at) => {
                let found = spellings.add(bytes, span, short, at, &mut new_word);
                // A type beyond `local` gets its place there (a new type of the batch, or one
                // that `Batch::with_view` added).
                if local.len() <= found.0 as usize {
                    local.resize(found.0 as usize + 1, NOT_SEEN);
                }
                found
            }
        };
        // OK because `local` holds every type a spelling names: it is resized above whenever
        // a new spelling names a type beyond it, and an old spelling's type was named when it
        // was new.
        let id = &mut local[global as usize];
        if *id == NOT_SEEN {
            *id = words.push_linked(global, spelling);
        }
        *id
    })
}

/// Token texts as they are spelled, each with its word type in the batch: an open-addressing
/// table ([`Slots`]) over a list of entries, numbered in the order the spellings come.
///
/// A spelling of one to eight bytes whose last byte is not zero (nearly every token: news
/// words average about five bytes) is held whole in its entry's `head`, its bytes read as one
/// little-endian word, zero-padded ([`crate::bytes::word_le`]): it is hashed from that word in
/// one step and compared with an entry in one, and needs no bytes elsewhere. Two such heads are
/// equal only for equal spellings: the highest nonzero byte of a head is the spelling's last,
/// so the head gives its length too. A longer spelling (or one ending in a zero byte) keeps its
/// length and bytes in `long`, and is hashed and compared from them. On growth, the table is
/// rebuilt from the heads (one multiplication a short spelling; the bytes of a long one).
#[derive(Debug)]
struct Spellings {
    entries: Vec<Spelling>,
    /// Per long spelling: its length (four bytes, little-endian), then its bytes.
    long: Vec<u8>,
    slots: Slots,
}

impl Default for Spellings {
    /// No spellings, in a table made before the first lookup (an empty table has no slot to
    /// probe): a lookup checks for room only when it adds a spelling.
    fn default() -> Self {
        let mut slots = Slots::default();
        slots.make_room(0, SPELLING_SLOTS, |_| 0);
        Spellings { entries: Vec::new(), long: Vec::new(), slots }
    }
}

/// One spelling of [`Spellings`]: 16 bytes.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    /// The spelling's first eight bytes (zero-padded): the whole of a short one.
    head: u64,
    /// [`SHORT`] when `head` is the whole spelling, else where its length and bytes start in
    /// [`Spellings::long`].
    rest: u32,
    word: WordId,
}

/// The first size of the spellings' table.
const SPELLING_SLOTS: usize = 1024;

/// [`Spelling::rest`] of a spelling held whole in its head.
const SHORT: u32 = u32::MAX;

/// The head of `token` when it is a short spelling (see [`Spellings`]): the plain definition
/// of [`short_head_at`] (a test compares them).
#[cfg(test)]
fn short_head(token: &[u8]) -> Option<u64> {
    match token.last() {
        Some(&last) if last != 0 && token.len() <= 8 => Some(crate::bytes::word_le(token)),
        _ => None,
    }
}

/// The head of the token `text[start..end]` when it is a short spelling (see [`Spellings`]),
/// as `short_head` of its bytes gives it (`None` for a span not within `text`, which reads as
/// no bytes): a token at least eight bytes before the text's end is read in one load of eight
/// bytes, masked to its length, where reading its bytes alone took a dozen instructions and
/// three branches ([`crate::bytes::word_le`]).
#[inline]
fn short_head_at(text: &[u8], start: usize, end: usize) -> Option<u64> {
    let n = end.wrapping_sub(start);
    if !(1..=8).contains(&n) || end > text.len() {
        return None;
    }
    // OK because `start < end <= text.len()` here, and `get` would give `None` otherwise.
    let head = match text.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        // OK because `n` is 1 to 8: the shift is 0 to 56.
        Some(word) => u64::from_le_bytes(*word) & (u64::MAX >> (64 - 8 * n)),
        None => crate::bytes::word_le(text.get(start..end)?),
    };
    // The last byte is the highest of the head: not zero, or the head would not give the length.
    // OK because `n` is 1 to 8: the shift is 0 to 56.
    (head >> (8 * (n - 1)) != 0).then_some(head)
}

/// The bytes of the long spelling written at `rest` of `long` (see [`Spellings::long`]).
/// OK because `get` keeps a wrong offset from panicking: it reads as no bytes (the tokenizer
/// makes no empty token, so no spelling is read that way).
#[inline]
fn long_bytes(long: &[u8], rest: u32) -> &[u8] {
    match long.get(rest as usize..).and_then(<[u8]>::split_first_chunk::<4>) {
        Some((n, bytes)) => bytes.get(..u32::from_le_bytes(*n) as usize).unwrap_or_default(),
        None => &[],
    }
}

impl Spellings {
    /// The word type and number of the short spelling of head `head` ([`short_head_at`]), or
    /// else the slot where [`Spellings::add`] enters it.
    #[inline]
    fn find_short(&self, head: u64) -> Result<(WordId, u32), usize> {
        let Spellings { entries, slots, .. } = self;
        let found = slots.find(hash_head(head), |k| {
            // OK because the table holds only indices of entries (here and below).
            let e = &entries[k as usize];
            e.head == head && e.rest == SHORT
        });
        found.map(|k| (entries[k as usize].word, k))
    }

    /// [`Spellings::find_short`] of the spelling of `text[span]`, which is not short: out of
    /// line natively (about one token in ten), to keep the loop over tokens small. A wrong span
    /// reads as no bytes.
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    fn find_long(&self, text: &[u8], span: Span) -> Result<(WordId, u32), usize> {
        let Spellings { entries, long, slots } = self;
        // OK because `get` keeps a wrong span from panicking.
        let token = text.get(span.start..span.end).unwrap_or_default();
        let head = crate::bytes::word_le(token);
        let found = slots.find(hash(token), |k| {
            let e = &entries[k as usize];
            e.head == head && e.rest != SHORT && same_bytes(long_bytes(long, e.rest), token)
        });
        found.map(|k| (entries[k as usize].word, k))
    }

    /// Enters the spelling of `text[span]` (the finds did not find it, and gave slot
    /// `at`), of the type `new_word()` gives, and gives that type and the spelling's number.
    /// Out of line natively: about one token in eight of a news corpus is a new spelling.
    ///
    /// # Panics
    /// When the long spellings' bytes pass 4 GiB (a batch of more text than the parts allow).
    #[cfg_attr(not(target_arch = "wasm32"), cold, inline(never))]
    fn add(
        &mut self,
        text: &[u8],
        span: Span,
        short: Option<u64>,
        mut at: usize,
        new_word: &mut dyn FnMut(Span) -> WordId,
    ) -> (WordId, u32) {
        let Spellings { entries, long, slots } = self;
        // OK because `get` keeps a wrong span from panicking.
        let token = text.get(span.start..span.end).unwrap_or_default();
        let hashed = match short {
            Some(head) => hash_head(head),
            None => hash(token),
        };
        if !slots.has_room(entries.len()) {
            // OK because entries' indices come from the table, which holds only entries.
            let hash_of = |e: &Spelling| match e.rest {
                SHORT => hash_head(e.head),
                rest => hash(long_bytes(long, rest)),
            };
            slots.make_room(entries.len(), SPELLING_SLOTS, |k| hash_of(&entries[k as usize]));
            // A probe that accepts no entry ends at an empty slot: the table is at most half
            // full.
            if let Err(free) = slots.find(hashed, |_| false) {
                at = free;
            }
        }
        let word = new_word(span);
        let (head, rest) = match short {
            Some(head) => (head, SHORT),
            None => {
                let rest = u32::try_from(long.len()).ok().filter(|&r| r != SHORT);
                let rest = rest.expect("a batch's long spellings fit in 4 GiB");
                long.extend_from_slice(&(token.len() as u32).to_le_bytes());
                long.extend_from_slice(token);
                (crate::bytes::word_le(token), rest)
            }
        };
        entries.push(Spelling { head, rest, word });
        slots.fill(at, entries.len() as u32 - 1);
        (word, entries.len() as u32 - 1)
    }

    /// The word type of the token `text[span]`, `new_word()` when the batch has not met its
    /// spelling yet, and the spelling's number: [`Spellings::find_short`] or
    /// [`Spellings::find_long`], then [`Spellings::add`].
    #[cfg(test)]
    fn word(&mut self, text: &[u8], span: Span, new_word: impl FnOnce() -> WordId) -> (WordId, u32) {
        let short = short_head_at(text, span.start, span.end);
        let found = match short {
            Some(head) => self.find_short(head),
            None => self.find_long(text, span),
        };
        let mut new_word = Some(new_word);
        match found {
            Ok(found) => found,
            // OK because `add` calls it once.
            Err(at) => self.add(text, span, short, at, &mut |_| new_word.take().map_or(0, |f| f())),
        }
    }
}

/// A batch's memo of facts per spelling, borrowed (see [`Analysis::spelling_memo`]).
pub(crate) type SpellingMemo<'b> = std::cell::RefMut<'b, Vec<[u64; 2]>>;

/// An analysis made in a [`Batch`] ([`Batch::analyze`], [`Batch::with_view`]), whose word
/// types are read once the batch is done entering documents: see [`Linked::in_batch`].
#[derive(Debug)]
pub(crate) struct Linked<'t> {
    analysis: Analysis<'t>,
    /// The identity of the batch that made it ([`BatchId`]).
    batch: u64,
}

impl<'t> Linked<'t> {
    /// The analysis, given `batch`, the batch that made it: it reads its keys there (when its
    /// vocabulary is linked), and the batch's columns.
    ///
    /// # Panics
    /// When `batch` is not the batch that made it (its keys would be read in another's).
    pub(crate) fn in_batch(self, batch: &'t Batch) -> Analysis<'t> {
        let Linked { analysis, batch: made_by } = self;
        // A plain `assert!`: no formatting code for the two ids in the wasm.
        assert!(made_by == batch.id.0, "an analysis is read in the batch that made it");
        let linked = analysis.vocabulary.is_linked().then_some(&batch.vocabulary);
        Analysis { batch: Some(batch), linked, ..analysis }
    }
}

impl<'t> Analysis<'t> {
    /// The identity of the batch this analysis reads and, per word type of the analysis, its id
    /// in that batch; `None` outside a batch. The same batch id always names the same word.
    pub(crate) fn batch_words(&self) -> Option<(u64, &[WordId])> {
        match self.batch {
            Some(batch) if self.vocabulary.global().len() == self.vocabulary.len() => {
                Some((batch.id.0, self.vocabulary.global()))
            }
            _ => None,
        }
    }

    /// Per word type, the batch's number of the spelling of its first token in this document,
    /// and the batch's memo of two words of facts per spelling (`[0, 0]` until a stage writes
    /// them): what a stage works out from a token's spelling alone, once per spelling of the
    /// batch rather than once per document. `None` outside a batch, or for a kept view. One
    /// stage writes the memo, always the same function of the spelling; it is not to be
    /// borrowed twice at once.
    pub(crate) fn spelling_memo(&self) -> Option<(&[u32], SpellingMemo<'_>)> {
        let batch = self.batch.filter(|_| self.vocabulary.is_linked())?;
        // OK because no other borrow of the memo is live: its one reader holds it for one call.
        let mut memo = batch.spelling_memo.borrow_mut();
        let spellings = batch.spellings.entries.len();
        if memo.len() < spellings {
            memo.resize(spellings, [0, 0]);
        }
        Some((&self.vocabulary.spellings, memo))
    }

    /// Per word type, the batch's number of the spelling of its first token in this document
    /// (what [`Analysis::spelling_memo`] gives, without borrowing the memo): a stage that keeps
    /// facts of spellings of its own reads them by these numbers. `None` outside a batch, or for
    /// a kept view.
    pub(crate) fn first_spellings(&self) -> Option<&[u32]> {
        self.batch.filter(|_| self.vocabulary.is_linked()).map(|_| self.vocabulary.spellings.as_slice())
    }

    /// `f` of every word type, indexed by [`WordId`], as [`Analysis::per_word`] gives it; in a
    /// batch, read from the batch's `column`, which `f` computes once per type of the batch.
    /// Each column must always be given the same `f`.
    pub(crate) fn per_word_column(&self, column: Column, mut f: impl FnMut(&str, &Description) -> u64) -> Vec<u64> {
        self.column_of(column, &mut f)
    }

    /// [`Analysis::per_word_column`], compiled once for every column (the wasm's size).
    fn column_of(&self, column: Column, f: &mut dyn FnMut(&str, &Description) -> u64) -> Vec<u64> {
        match self.batch {
            Some(batch) if self.vocabulary.global().len() == self.vocabulary.len() => {
                let values = batch.column(column, f);
                // OK because the document's types were entered in this batch, and the column
                // was computed after the last one was.
                gather(&values, &self.vocabulary)
            }
            _ => self.per_word(f),
        }
    }
}

/// `values[id]` of each of the batch ids of `words`' types, in order: a column's values of a
/// document's types ([`Analysis::per_word_column`]; some 1.5 million ids on 2 MB of news).
///
/// Natively, when the largest of the ids (which the vocabulary keeps as it enters them:
/// [`Vocabulary::largest_global`]) is an index of `values`, the values are read without a
/// bounds check each: about five instructions an id where the checked reads took eight, and
/// no pass over the ids to find the largest once per column. The wasm reads them checked.
///
/// # Panics
/// When an id is not an index of `values`.
#[inline]
fn gather(values: &[u64], words: &Vocabulary) -> Vec<u64> {
    let ids = words.global();
    #[cfg(not(target_arch = "wasm32"))]
    {
        let largest = words.largest_global();
        if (largest as usize) < values.len() {
            // SAFETY: every id is at most `largest` (the vocabulary raises it with each id it
            // enters, in the only two functions that write its ids), an index of `values`.
            return ids.iter().map(|&id| unsafe { *values.get_unchecked(id as usize) }).collect();
        }
    }
    ids.iter().map(|&id| values[id as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::super::paragraph_spans;
    use super::*;

    #[test]
    fn a_batch_changes_no_document_view() {
        let texts = [
            "“We will win,” Mr. Hale said on Jan. 14. It’s 8:48 am; Łódź agreed.\n\nThe vote, said Hale.",
            "Hale SAID the vote was on Tuesday.\n\nŁódź and the U.S. agreed, Said Hale added.",
            "",
        ];
        let mut batch = Batch::default();
        let spans: Vec<Vec<Span>> = texts.iter().map(|t| paragraph_spans(t)).collect();
        let alone: Vec<Analysis> = texts.iter().zip(&spans).map(|(t, s)| Analysis::new(t, s)).collect();
        let linked: Vec<Linked> = texts.iter().zip(&spans).map(|(t, s)| batch.analyze(t, s)).collect();
        // A document's vocabulary keeps no copy of the batch's keys: only the types' batch ids.
        for (l, a) in linked.iter().zip(&alone) {
            assert_eq!(l.analysis.vocabulary.key_bytes(), 0);
            assert_eq!(l.analysis.vocabulary.len(), a.vocabulary.len());
            assert!(l.analysis.vocabulary.is_linked());
        }
        let together: Vec<Analysis> = linked.into_iter().map(|l| l.in_batch(&batch)).collect();
        for (a, b) in alone.iter().zip(&together) {
            assert_eq!(a.clone().into_view(), b.clone().into_view());
            let keys = |x: &Analysis| -> Vec<String> { (0..x.tokens.len()).map(|i| x.key(i).to_string()).collect() };
            assert_eq!(keys(a), keys(b));
            let described =
                |x: &Analysis| -> Vec<Description> { (0..x.tokens.len()).map(|i| *x.description(i)).collect() };
            assert_eq!(described(a), described(b));
            let global: Vec<&str> = b.vocabulary.global().iter().map(|&g| batch.vocabulary.key(g)).collect();
            let local: Vec<&str> = (0..b.vocabulary.len() as WordId).map(|id| b.word_key(id)).collect();
            assert_eq!(global, local);
        }
        // `said`, `SAID` and `Said` are one type of the batch, with an id of its own in each
        // document.
        assert_eq!(batch.vocabulary.len(), {
            let mut keys: Vec<&str> = together.iter().flat_map(|a| (0..a.tokens.len()).map(|i| a.key(i))).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.len()
        });
        // A kept view entered in a batch keeps its own keys, and gains the same batch ids as
        // the document analyzed in that batch.
        let mut again = Batch::default();
        let _ = again.analyze(texts[0], &spans[0]);
        let global = again.analyze(texts[1], &spans[1]).analysis.vocabulary.global().to_vec();
        let viewed = again.with_view(texts[1], together[1].clone().into_view()).in_batch(&again);
        assert_eq!(viewed.vocabulary.global(), global);
        assert!(!viewed.vocabulary.is_linked());
        assert_eq!(viewed.clone().into_view(), alone[1].clone().into_view());
    }

    #[test]
    #[should_panic(expected = "the batch that made it")]
    fn an_analysis_is_read_in_its_own_batch_only() {
        let text = "Hale said it on Tuesday.";
        let (mut made_it, mut other) = (Batch::default(), Batch::default());
        let linked = made_it.analyze(text, &paragraph_spans(text));
        let _ = other.analyze("Another text, with other words first.", &paragraph_spans(text));
        let _ = linked.in_batch(&other);
    }

    #[test]
    fn spellings_short_and_long_are_told_apart() {
        // Heads alike (the same first eight bytes, or the same bytes but for a trailing zero)
        // and lengths about eight, short and long; enough of them to make the table grow.
        let mut texts: Vec<Vec<u8>> =
            ["a", "a\0", "\0", "\0\0", "abcdefgh", "abcdefghi", "abcdefgh\0", "abcdefg", "abcdefg\0"]
                .iter()
                .map(|t| t.as_bytes().to_vec())
                .collect();
        for n in 1..=20 {
            texts.push(b"xyzw".iter().cycle().take(n).copied().collect());
        }
        texts.extend((0..3000).map(|k| format!("w{k}").into_bytes()));
        texts.extend((0..3000).map(|k| format!("a-longer-word-{k}").into_bytes()));
        let mut spellings = Spellings::default();
        let mut next = 0;
        for round in 0..2 {
            for (k, text) in texts.iter().enumerate() {
                let (word, spelling) = spellings.word(text, Span::new(0, text.len()), || {
                    assert_eq!(round, 0, "{text:?} is met again as new");
                    next += 1;
                    next - 1
                });
                assert_eq!((word, spelling), (k as WordId, k as u32), "{text:?}");
            }
        }
        assert_eq!(spellings.entries.len(), texts.len());
    }

    #[test]
    fn a_short_head_read_in_place_is_the_tokens_own() {
        // Spans of every length up to twelve, at every offset of texts with zero bytes, bytes
        // past ASCII and ends within eight bytes, and spans that are empty, reversed or past
        // the text's end.
        let mut shuffle = crate::shuffle::Shuffle::from_seed(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| shuffle.below(n);
        let alphabet = b"aZ7\0\xff\xc3 .-";
        let mut checked = 0;
        for len in 0..40usize {
            for _ in 0..20 {
                let text: Vec<u8> = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
                for start in 0..=len + 2 {
                    for end in start.saturating_sub(1)..=start + 12 {
                        let plain = short_head(text.get(start..end).unwrap_or_default());
                        assert_eq!(short_head_at(&text, start, end), plain, "{text:?} {start}..{end}");
                        checked += usize::from(plain.is_some());
                    }
                }
            }
        }
        assert!(checked > 10_000, "{checked} short heads");
    }

    /// A linked vocabulary whose types have the batch ids `ids`, entered one by one.
    fn linked(ids: &[WordId]) -> Vocabulary {
        let mut words = Vocabulary::linked(ids.len());
        for &id in ids {
            words.push_linked(id, 0);
        }
        words
    }

    #[test]
    fn a_gather_reads_each_id_as_indexing_does() {
        let mut shuffle = crate::shuffle::Shuffle::new();
        let mut next = |n: usize| shuffle.below(n);
        for len in 0..300 {
            let values: Vec<u64> = (0..len).map(|_| next(usize::MAX >> 34) as u64).collect();
            for n in [0, 1, 3, 4, 7, 8, 17, 64, 300] {
                if len == 0 && n > 0 {
                    continue;
                }
                let mut ids: Vec<WordId> = (0..n).map(|_| next(len) as WordId).collect();
                // The last value, read at every place of the list.
                if len > 0 && n > 0 {
                    ids[next(n)] = len as WordId - 1;
                }
                let plain: Vec<u64> = ids.iter().map(|&id| values[id as usize]).collect();
                assert_eq!(gather(&values, &linked(&ids)), plain, "{len} values, ids {ids:?}");
            }
        }
        // An id past the values panics, wherever it is.
        for at in 0..9 {
            let mut ids: Vec<WordId> = vec![0; 9];
            ids[at] = 5;
            let words = linked(&ids);
            assert!(std::panic::catch_unwind(|| gather(&[1, 2, 3, 4, 5], &words)).is_err(), "id past the end at {at}");
        }
    }

    #[test]
    fn a_column_reads_as_per_word() {
        let texts = ["Hale said it on Tuesday.", "On Tuesday, Hale said, it rained."];
        let mut batch = Batch::default();
        let analyses: Vec<Linked> = texts.iter().map(|t| batch.analyze(t, &paragraph_spans(t))).collect();
        let mut calls = 0;
        for a in analyses.into_iter().map(|a| a.in_batch(&batch)) {
            let f = |key: &str, d: &Description| key.len() as u64 * 100 + u64::from(d.month as u8);
            let column = a.per_word_column(Column::TimeFlags, |k, d| {
                calls += 1;
                f(k, d)
            });
            assert_eq!(column, a.per_word(f));
        }
        assert_eq!(calls, batch.vocabulary.len(), "one computation per type of the batch");
    }
}
