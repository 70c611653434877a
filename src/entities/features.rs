//! The tagger's view of a document's words, computed once per document, and the hashed
//! features of one token (shared by inference and by the training script, so both see the
//! same thing).
//!
//! Per token: its folded lowercase key without a possessive (`Boeing’s` → `boeing`), a hash
//! of it, a coarse word shape and a bitmask of word classes: capitalization, the generated
//! word lists (given names, surnames, company legal forms), the gazetteer (places,
//! organizations, demonyms, matched over capitalized runs), the hand-written rule lexicon
//! (titles, head words, cues) and two corpus facts (the corpus takes the word for a common one,
//! see [`CommonWords`]; it is capitalized inside a sentence elsewhere in the document). Features are `u32` bucket
//! indices into the model's weight table: a template id and a value hashed together.
//!
//! Costs: building a view is linear in the text, with one allocation per table. A view keeps
//! 8 bytes a token (its classes) and a few per word type; a token's shape is read off its
//! text when the model asks (it scores a fraction of the tokens). What a token is alone is
//! worked out once per word type and spelling, and the rest in one pass per sentence, one
//! over capitalized runs (the gazetteer) and one for the document's evidence. The passes that
//! only look at capitalized words (the gazetteer's runs, the document's evidence, the corpus
//! fact, and recognition's openers and corpus surnames) read [`View::capitalized`], a list of
//! those tokens made in the first pass (4 bytes a capitalized token), instead of each scanning
//! every token's classes. A token's features are a few dozen hash mixes, no allocation. It
//! decides nothing: that is `tagger`.

use super::gazetteer::{Gazetteer, Known};
use super::lexicon;
use super::names::Names;
use crate::text::fold::fold_token;
use crate::text::Classes;
use crate::text::{same_bytes, Analysis, Column, Token, TokenKind};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// A hasher for keys that already are well-spread 64-bit hashes (word keys): no rehashing.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Sets and maps keyed by word-key hashes.
pub(crate) type KeySet = HashSet<u64, BuildHasherDefault<KeyHasher>>;
pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Word clusters learned from unlabeled news (by `scripts/train-tagger.sh`, stored in the
/// weights file): each known word's fine cluster and the coarse cluster that holds it. Words
/// that share a cluster are used alike (the words around them are alike), so a name the
/// annotated data never showed still shares weights with names that it did.
///
/// A word is known by the top [`Clusters::HASH_BITS`] bits of its key's hash, not its key:
/// the page carries those bits (`build.rs` writes them sorted, as Rice-coded gaps) instead of
/// the keys' text, or for a word of the given-name and surname lists only a bit beside that
/// word's place in the lists (hashed when the weights are read, so known the same way). Another word whose hash shares them takes the cluster too: about one word
/// type in 4,200 (3,984 keys in 2^24 values), a handful of the 50,000 words of the training and
/// development texts ("missile", "strategic", "unmarried" among them). Training reads clusters
/// the same way (the text form is hashed on reading), so the weights learn what the page sees.
/// 24 bits, not 28, weigh 1.7 KB less in the page's LZMA stream; the retrain's three-seed
/// means were no worse (scripts/train-tagger.sh, session 19). 23 bits would not do: 14 pairs
/// of today's keys that differ only in their last letter ("leo" and "len") share their top
/// 23 bits, since FNV-1a's last multiply carries that letter into the top 24 bits only at the
/// lowest of them (`build.rs` refuses keys that share their bits).
#[derive(Default)]
pub(crate) struct Clusters {
    /// [`Clusters::slot`] of a key's hash bits → fine cluster.
    fine: KeyMap<u16>,
    /// Fine cluster → coarse cluster.
    coarse: Vec<u8>,
}

impl Clusters {
    /// How many of a key hash's top bits name a word.
    pub(crate) const HASH_BITS: u32 = 24;

    /// The top [`Clusters::HASH_BITS`] bits of a key hash (see [`View::hash`]).
    pub(crate) fn hash_bits(hash: u64) -> u64 {
        hash >> (64 - Self::HASH_BITS)
    }

    /// The map's key for a word's hash bits: the bits in the low end (the table's index) and
    /// again in the high end (the table's tag byte), both well spread.
    fn slot(bits: u64) -> u64 {
        bits | bits << (64 - Self::HASH_BITS)
    }

    /// Clusters of words: `words[c]` are the keys of fine cluster `c`, `coarse[c]` its coarse
    /// cluster.
    pub(crate) fn new<'k>(words: impl IntoIterator<Item = impl IntoIterator<Item = &'k str>>, coarse: Vec<u8>) -> Self {
        let hashed = words.into_iter().enumerate().flat_map(|(c, keys)| {
            keys.into_iter().map(move |key| (Self::hash_bits(hash_bytes(key.as_bytes())), c as u16))
        });
        Self::from_hash_bits(hashed, coarse)
    }

    /// Clusters of words given by their hash bits ([`Clusters::hash_bits`]) and fine cluster.
    pub(crate) fn from_hash_bits(words: impl IntoIterator<Item = (u64, u16)>, coarse: Vec<u8>) -> Self {
        let words = words.into_iter();
        let mut fine = KeyMap::default();
        fine.reserve(words.size_hint().0);
        for (bits, c) in words {
            fine.insert(Self::slot(bits), c);
        }
        Clusters { fine, coarse }
    }

    /// The fine and coarse cluster of the word whose key hashes to `hash`, if it has one.
    pub(crate) fn of(&self, hash: u64) -> Option<(u64, u64)> {
        let fine = *self.fine.get(&Self::slot(Self::hash_bits(hash)))?;
        let coarse = self.coarse.get(usize::from(fine)).copied().unwrap_or(0);
        Some((u64::from(fine), u64::from(coarse)))
    }

    /// How many words have a cluster.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn len(&self) -> usize {
        self.fine.len()
    }
}

/// The features of a word's clusters seen from a token: its own (`k` = 0) or a neighbour's one
/// place before (-1) or after (1) it.
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
pub(crate) fn cluster_features(clusters: &Clusters, hash: u64, k: isize, push: &mut impl FnMut(u32, u64)) {
    cluster_features_of(clusters.of(hash), k, push);
}

/// [`cluster_features`] of a word whose clusters ([`Clusters::of`]) are looked up already: the
/// tagger's word memo reads them once for the three places it scores a word in.
pub(crate) fn cluster_features_of(cluster: Option<(u64, u64)>, k: isize, push: &mut impl FnMut(u32, u64)) {
    let Some((fine, coarse)) = cluster else {
        return;
    };
    let (t_fine, t_coarse) = match k {
        0 => (template::CLUSTER, template::CLUSTER_COARSE),
        -1 => (template::CLUSTER_BEFORE, template::CLUSTER_COARSE_BEFORE),
        _ => (template::CLUSTER_AFTER, template::CLUSTER_COARSE_AFTER),
    };
    push(t_fine, fine);
    push(t_coarse, coarse);
}

/// Word-class bits of a token.
pub(crate) mod class {
    pub const CAP: u64 = 1 << 0;
    pub const ALL_CAPS: u64 = 1 << 1;
    pub const LOWER: u64 = 1 << 2;
    pub const DIGIT: u64 = 1 << 3;
    pub const PUNCT: u64 = 1 << 4;
    pub const INITIAL: u64 = 1 << 5;
    pub const POSSESSIVE: u64 = 1 << 6;
    pub const SENT_START: u64 = 1 << 7;
    pub const AFTER_OPENER: u64 = 1 << 8;
    pub const PLACE_B: u64 = 1 << 9;
    pub const PLACE_I: u64 = 1 << 10;
    pub const ORG_B: u64 = 1 << 11;
    pub const ORG_I: u64 = 1 << 12;
    pub const DEMONYM: u64 = 1 << 13;
    pub const GIVEN_M: u64 = 1 << 14;
    pub const GIVEN_F: u64 = 1 << 15;
    pub const GIVEN_U: u64 = 1 << 16;
    pub const SURNAME: u64 = 1 << 17;
    pub const TITLE: u64 = 1 << 18;
    pub const HONORIFIC: u64 = 1 << 19;
    pub const ORG_HEAD: u64 = 1 << 20;
    pub const PLACE_HEAD: u64 = 1 << 21;
    pub const OTHER_HEAD: u64 = 1 << 22;
    pub const COMPANY_FORM: u64 = 1 << 23;
    pub const NEVER_NAME: u64 = 1 << 24;
    pub const CALENDAR: u64 = 1 << 25;
    pub const PARTICLE: u64 = 1 << 26;
    pub const COMMON: u64 = 1 << 27;
    pub const CAP_INSIDE: u64 = 1 << 28;
    pub const ORG_CUE: u64 = 1 << 29;
    pub const PLACE_CUE: u64 = 1 << 30;
    pub const LED_BY: u64 = 1 << 31;
    pub const REPORTING: u64 = 1 << 32;
    pub const ROLE_NOUN: u64 = 1 << 33;
    pub const HEADLINE: u64 = 1 << 34;
    pub const QUOTE: u64 = 1 << 35;
    pub const OPEN_BRACKET: u64 = 1 << 36;
    pub const HYPHEN: u64 = 1 << 37;
    pub const DOTTED: u64 = 1 << 38;
    pub const PRONOUN_IT: u64 = 1 << 39;
    pub const PRONOUN_PERSON: u64 = 1 << 40;
    pub const FIRST_IN_PARAGRAPH: u64 = 1 << 41;
    // What the rest of the document says about the same word (see `View::document_evidence`).
    /// Elsewhere the last word of a name that opens with a given name: a surname.
    pub const DOC_SURNAME: u64 = 1 << 42;
    /// Elsewhere right after a title or honorific.
    pub const DOC_TITLED: u64 = 1 << 43;
    /// Elsewhere the last word of a run of two or three capitalized words.
    pub const DOC_RUN_END: u64 = 1 << 44;
    /// Elsewhere followed by `he`, `she`, `his`, `her` or `, who`.
    pub const DOC_PERSON_PRONOUN: u64 = 1 << 45;
    /// Elsewhere followed by `it`, `its` or `, which`.
    pub const DOC_IT_PRONOUN: u64 = 1 << 46;
    /// Elsewhere followed by an organization head word, a company legal form or a company's
    /// people ("spokesman", "shareholders"), or the owner of its shares.
    pub const DOC_ORG_CONTEXT: u64 = 1 << 47;
    /// Elsewhere right after `in`, `near`, `outside`, … .
    pub const DOC_PLACE_CONTEXT: u64 = 1 << 48;
    /// Elsewhere the first word of a longer capitalized run.
    pub const DOC_RUN_START: u64 = 1 << 49;
    /// Elsewhere followed by a reporting verb (`said`).
    pub const DOC_REPORTS: u64 = 1 << 50;
    /// Elsewhere a given name followed by a capitalized word.
    pub const DOC_GIVEN: u64 = 1 << 51;
    /// Its letters look like a person's name (census names against GeoNames places).
    pub const LEANS_PERSON: u64 = 1 << 52;
    /// Its letters look like a place's name.
    pub const LEANS_PLACE: u64 = 1 << 53;
    /// In a sentence written mostly in capitals (shouting, not acronyms).
    pub const SHOUTING: u64 = 1 << 54;
    /// A one-word holiday name ("Christmas", "Diwali"): never a name on its own.
    pub const HOLIDAY: u64 = 1 << 55;
    /// In this document, capitalized inside sentences three times or more, and far more often
    /// than written in lowercase outside addresses (capitalized − 4 × lowercase ≥ 3): a name here, whatever other
    /// documents do with the word. The rules after the model do not take such a word for a
    /// common one for [`COMMON`] alone (one lowercase "scientology" somewhere in a corpus makes
    /// no common word of a story's twenty "Scientology"); the model does not read it.
    pub const MOSTLY_CAP: u64 = 1 << 56;
    /// A word written in lowercase that is, or opens, a gazetteer place that counts so
    /// ("chicago", "new" of "new orleans"; see `Gazetteer::opens_lowercase`). Only the rules
    /// after the model read it: the model is trained on edited text, which never writes a
    /// place so.
    pub const LOWERCASE_PLACE: u64 = 1 << 57;
    /// A word in capitals that is a common abbreviation naming no one thing ("ASAP", "CPA",
    /// "DVD"; see `Gazetteer::is_abbreviation`): alone, no name to the rules after the model.
    /// The model does not read it.
    pub const ABBREVIATION: u64 = 1 << 58;
}

/// Word classes only the rules after the model read: the model never sees them, so they
/// change no weight.
const RULES_ONLY: u64 = class::MOSTLY_CAP | class::LOWERCASE_PLACE | class::ABBREVIATION;

/// A bit of the rule lexicon's column of a word type (see [`View::classify`]) above every class
/// bit (and below its marks): its key ends in a possessive. Never a token's class.
const POSSESSIVE_KEY: u64 = 1 << 61;

/// Word classes that make a token worth scoring (with its neighbours): everything else is
/// outside every name without asking the model. Lowercase names ("tampa bay") are lost; the
/// model never learns them either.
pub(crate) const INTERESTING: u64 = class::CAP | class::ALL_CAPS | class::PLACE_B | class::ORG_B;

/// What recognition of every document shares: the tables, and the words the corpus takes for
/// common ones.
pub(crate) struct Lexicons<'g> {
    pub gazetteer: &'g Gazetteer,
    pub names: &'g Names,
    /// Hashes of the keys of the corpus's common words (see [`CommonWords`]).
    pub common: KeySet,
}

/// A set of a document's tokens, a bit a token (a byte a token would be a stage's peak on a
/// document of one-byte tokens): the names found so far (`recognize`), the tokens spelled as
/// their type's first ([`View::spelled_first`]).
pub(crate) struct TokenSet {
    words: Vec<u64>,
    len: usize,
}

impl TokenSet {
    /// None of `len` tokens.
    pub(crate) fn new(len: usize) -> TokenSet {
        TokenSet { words: vec![0; len.div_ceil(64)], len }
    }

    /// True when token `i` is in the set (never past the end).
    #[inline]
    pub(crate) fn get(&self, i: usize) -> bool {
        self.words.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 != 0)
    }

    /// True when a token of `range` is in the set.
    pub(crate) fn any(&self, range: Range<usize>) -> bool {
        range.into_iter().any(|i| self.get(i))
    }

    /// Puts the tokens of `range` in the set (those past the end do not exist).
    pub(crate) fn cover(&mut self, range: Range<usize>) {
        for i in range.start..range.end.min(self.len) {
            // OK because `i` is below `len`, and `words` has a bit for each.
            self.words[i / 64] |= 1 << (i % 64);
        }
    }
}

/// One document's words as the tagger sees them.
pub(crate) struct View<'a, 't> {
    pub a: &'a Analysis<'t>,
    /// Per word type of the vocabulary: the hash of its key without a possessive (see
    /// [`View::key`]; a token's is [`View::hash`], kept per type rather than per token, for
    /// memory), and the first word type with the same hash (`boeing's` and `boeing` are one),
    /// so that facts of a word by its hash are kept in vectors instead of hash sets (made by
    /// [`View::classify`], empty before: see [`hash_groups`]).
    type_hash: Vec<u64>,
    group: Vec<u32>,
    /// Per token: its word classes (`class`), empty until [`View::classify`].
    pub classes: Vec<u64>,
    /// The tokens with [`class::CAP`], in order (see [`View::capitalized`]).
    capitalized: Vec<u32>,
    /// Per word type: the person-versus-place lean of its capitalized tokens, in eighths of a
    /// nat, within ±8 (a function of the key: kept per type, for memory).
    lean: Vec<i8>,
    /// The tokens spelled byte for byte as the first token of their word type (found by
    /// [`View::classify`], which compares them anyway; empty before, and in a restored view),
    /// so that the tagger works out what a spelling alone decides (its shape) once per type.
    spelled_first: TokenSet,
}

/// A key without a final possessive `'s` (keys write every apostrophe as `'`).
fn strip_possessive_key(key: &str) -> &str {
    match key.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => stem,
        _ => key,
    }
}

/// `word` without a final `’s` / `'s` (or a bare `’` after an s: `Reuters’`).
pub(crate) fn strip_possessive(word: &str) -> &str {
    for s in ["’s", "'s"] {
        if word.len() > s.len() && word.ends_with(s) {
            return &word[..word.len() - s.len()];
        }
    }
    word
}

/// The tokens of `classes` with [`class::CAP`], in order (see [`View::capitalized`]).
fn capitalized_tokens(classes: &[u64]) -> Vec<u32> {
    // OK as u32: a view has fewer tokens than 2^29 (`crate::text`'s MAX_TEXT_BYTES).
    (0..classes.len() as u32).filter(|&i| classes[i as usize] & class::CAP != 0).collect()
}

/// Per word type of `a`'s vocabulary: the hash of its key without a possessive.
fn type_hashes(a: &Analysis) -> Vec<u64> {
    a.per_word_column(Column::NameHash, |key, _| hash_bytes(strip_possessive_key(key).as_bytes()))
}

/// Per word type of `hashes` (its key's hash without a possessive: [`type_hashes`]), the
/// first word type with the same hash (see [`View::group`]), given which types' keys end in a
/// possessive (`possessive`: [`View::classify`] reads it off the rule lexicon's column, which
/// it reads anyway, rather than every type's key again). Only a possessive key shares its hash
/// with another key, so only documents with one look any hash up. Kept out of line natively:
/// inlined into `classify`, it cost that function's token loop more than it saved (2 MB of
/// news: 1.8 M instructions more than the keys read again, against 1.0 M fewer out of line).
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
fn hash_groups(hashes: &[u64], possessive: impl Fn(usize) -> bool) -> Vec<u32> {
    // Word ids as u64: the one map type the tables already use (no new code in the wasm).
    let mut stems: KeyMap<u64> = KeyMap::default();
    // The stems' hashes as bits of a 64-bit filter (bit `hash % 64`): a news article has a
    // few possessives among hundreds of word types, and the filter turns most types down with
    // one bit test instead of a lookup in `stems`.
    let mut filter = 0u64;
    for (id, hash) in hashes.iter().enumerate() {
        if possessive(id) {
            stems.insert(*hash, u64::MAX);
            filter |= 1 << (hash % 64);
        }
    }
    let mut group: Vec<u32> = (0..hashes.len() as u32).collect();
    if !stems.is_empty() {
        for (t, hash) in hashes.iter().enumerate() {
            if filter >> (hash % 64) & 1 == 0 {
                continue;
            }
            if let Some(first) = stems.get_mut(hash) {
                if *first == u64::MAX {
                    *first = t as u64;
                }
                group[t] = *first as u32;
            }
        }
    }
    group
}

/// What each byte is, for [`word_surface`]: bits of [`BYTE_LOWER`] … [`BYTE_OTHER`].
const BYTE_KINDS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' => BYTE_LOWER,
            b'0'..=b'9' => BYTE_DIGIT,
            b'-' => BYTE_HYPHEN,
            0x80..=0xff => BYTE_OTHER,
            _ => 0,
        };
        b += 1;
    }
    table
};
const BYTE_LOWER: u8 = 1;
const BYTE_DIGIT: u8 = 2;
const BYTE_HYPHEN: u8 = 4;
/// Not ASCII.
const BYTE_OTHER: u8 = 8;

/// What a token's bytes are made of: the union of their [`BYTE_KINDS`].
fn byte_kinds(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0, |kinds, &b| kinds | BYTE_KINDS[usize::from(b)])
}

/// The classes a word's own characters give it (capitalization, digits, a hyphen, a final
/// period, an initial, a possessive), and whether it has four characters or more. Most words
/// are ASCII: read off their bytes and their [`byte_kinds`]; `word` gives the others' text.
fn word_surface<'w>(bytes: &[u8], kinds: u8, word: impl FnOnce() -> &'w str) -> (u64, bool) {
    if kinds & BYTE_OTHER == 0 {
        let letters = || bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
        let mut c = 0;
        match bytes.first() {
            Some(b) if b.is_ascii_uppercase() => {
                c |= class::CAP;
                if kinds & BYTE_LOWER == 0 && letters() >= 2 {
                    c |= class::ALL_CAPS;
                }
            }
            Some(b) if b.is_ascii_lowercase() => c |= class::LOWER,
            _ => {}
        }
        if kinds & BYTE_DIGIT != 0 {
            c |= class::DIGIT;
        }
        if kinds & BYTE_HYPHEN != 0 {
            c |= class::HYPHEN;
        }
        if bytes.last() == Some(&b'.') {
            c |= class::DOTTED;
            if letters() == 1 {
                c |= class::INITIAL;
            }
        }
        if bytes.len() > 2 && bytes.ends_with(b"'s") {
            c |= class::POSSESSIVE;
        }
        return (c, bytes.len() >= 4);
    }
    let mut c = 0;
    let word = word();
    let first = word.chars().next().unwrap_or(' ');
    if first.is_uppercase() {
        c |= class::CAP;
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && !word.chars().any(char::is_lowercase) {
            c |= class::ALL_CAPS;
        }
    } else if first.is_lowercase() {
        c |= class::LOWER;
    }
    if word.chars().any(|c| c.is_ascii_digit()) {
        c |= class::DIGIT;
    }
    if word.contains(['-', '‐']) {
        c |= class::HYPHEN;
    }
    if word.ends_with('.') {
        c |= class::DOTTED;
        if word.chars().filter(|c| c.is_alphabetic()).count() == 1 {
            c |= class::INITIAL;
        }
    }
    if strip_possessive(word).len() < word.len() {
        c |= class::POSSESSIVE;
    }
    (c, word.chars().count() >= 4)
}

/// What [`View::classify`] makes of a word type's first token, for the later tokens spelled
/// the same way: its text (the slice itself, which a later token compares without slicing the
/// document again: no larger than two offsets and an `Option`'s tag), and its classes before
/// the sentence says anything (what its characters, the word lists and the rule lexicon give
/// it, a function of its spelling and key; with the sentence pass's marks). Its kind need not
/// be kept: a token's kind is that of its first character, so tokens spelled the same are of
/// one kind.
#[derive(Clone, Copy)]
struct Spelling<'t> {
    text: &'t [u8],
    classes: u64,
}

/// The classes of a punctuation token, and whether a word after it follows an opener (see
/// [`class::AFTER_OPENER`]).
fn punct_classes(text: &str) -> (u64, bool) {
    let mut c = class::PUNCT;
    if matches!(text, "“" | "\"" | "‘" | "'" | "”" | "’" | "«" | "»") {
        c |= class::QUOTE;
    }
    if matches!(text, "(" | "[") {
        c |= class::OPEN_BRACKET;
    }
    (c, matches!(text, "“" | "\"" | "‘" | "'" | ":" | "—" | "–" | "(" | "[" | "«" | "-"))
}

/// FNV-1a over bytes: stable across platforms and builds (the weights depend on it).
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_more(0xcbf2_9ce4_8422_2325, bytes)
}

/// Continues an FNV-1a hash with more bytes: `hash_more(hash_bytes(a), b) == hash_bytes(a ++ b)`.
pub(crate) fn hash_more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The hash of a name's keys joined by single spaces, without building the string.
pub(crate) fn hash_words<'k>(keys: impl Iterator<Item = &'k str>) -> u64 {
    let mut h = hash_bytes(b"");
    for (k, key) in keys.enumerate() {
        if k > 0 {
            h = hash_more(h, b" ");
        }
        h = hash_more(h, key.as_bytes());
    }
    h
}

/// Mixes a template id and a value into a well-spread 64-bit hash (splitmix64's finalizer).
pub(crate) fn mix(template: u32, value: u64) -> u64 {
    let mut z = value ^ (u64::from(template).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Shape classes: letters become X/x, digits d, runs collapsed to at most two, four chars kept.
fn shape_of(word: &str) -> u8 {
    // Most words are ASCII: classified by byte, without decoding (the same classes).
    if word.is_ascii() {
        // OK because ASCII bytes are below 128.
        shape_of_classes(word.bytes().map(|b| ASCII_SHAPE[usize::from(b)]))
    } else {
        shape_of_classes(word.chars().map(|c| {
            if c.is_uppercase() {
                1
            } else if c.is_lowercase() {
                2
            } else if c.is_ascii_digit() {
                3
            } else if c == '.' {
                4
            } else if c == '-' || c == '‐' {
                5
            } else {
                6
            }
        }))
    }
}

/// [`shape_of`] a word without its possessive (`bytes` are its text's), in one pass over its
/// bytes while they are ASCII; `word` gives the text when a byte that is not ASCII comes
/// before the shape is complete. The same as shaping the possessive-free text: an ASCII byte
/// has the class its character has, stripping only shortens the end (a `’s` starts with a
/// byte that is not ASCII, so the pass never reads past one), and the shape reads no
/// character after its fourth class (see [`shape_of_classes`]).
fn word_shape<'w>(bytes: &[u8], word: impl FnOnce() -> &'w str) -> u8 {
    let stem = match bytes.strip_suffix(b"'s") {
        Some(stem) if !stem.is_empty() => stem,
        _ => bytes,
    };
    let mut shape = Shape::default();
    let mut k = 0;
    while let Some(&b) = stem.get(k) {
        if !b.is_ascii() {
            return shape_of(strip_possessive(word()));
        }
        // OK because ASCII bytes are below 128.
        let s = ASCII_SHAPE[usize::from(b)];
        if shape.push(s) {
            break;
        }
        k += 1;
        if shape.run {
            // The class has come twice: more of it changes nothing (see `Shape::push`), so the
            // rest of a run ("ashington") is passed over in a tighter loop.
            while stem.get(k).is_some_and(|&b| b.is_ascii() && ASCII_SHAPE[usize::from(b)] == s) {
                k += 1;
            }
        }
    }
    shape.finish()
}

/// [`word_shape`] as it was first written (the whole token classified by bytes when every one
/// is ASCII, by characters otherwise): what the one-pass form is tested against.
#[cfg(test)]
fn word_shape_by_kinds<'w>(bytes: &[u8], kinds: u8, word: impl FnOnce() -> &'w str) -> u8 {
    if kinds & BYTE_OTHER == 0 {
        let stem = match bytes.strip_suffix(b"'s") {
            Some(stem) if !stem.is_empty() => stem,
            _ => bytes,
        };
        // OK because ASCII bytes are below 128.
        shape_of_classes(stem.iter().map(|&b| ASCII_SHAPE[usize::from(b)]))
    } else {
        shape_of(strip_possessive(word()))
    }
}

/// The shape class of each ASCII byte (see [`shape_of`]).
const ASCII_SHAPE: [u8; 128] = {
    let mut table = [6u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => 1,
            b'a'..=b'z' => 2,
            b'0'..=b'9' => 3,
            b'.' => 4,
            b'-' => 5,
            _ => 6,
        };
        b += 1;
    }
    table
};

/// The shape of a word from the classes of its characters (see [`shape_of`]).
fn shape_of_classes(classes: impl Iterator<Item = u8>) -> u8 {
    let mut shape = Shape::default();
    for s in classes {
        if shape.push(s) {
            break;
        }
    }
    shape.finish()
}

/// A shape being read, one character class at a time (see [`shape_of`]).
#[derive(Default)]
struct Shape {
    code: u32,
    last: u8,
    /// The last class has come twice in a row.
    run: bool,
    n: u8,
}

impl Shape {
    /// Reads the next character's class; true once the shape is complete (no later character
    /// changes it).
    #[inline]
    fn push(&mut self, s: u8) -> bool {
        // A class repeated more than twice in a row counts twice.
        if s == self.last {
            if self.run {
                return false;
            }
            self.run = true;
        } else {
            self.run = false;
        }
        self.last = s;
        self.code = self.code * 7 + u32::from(s);
        self.n += 1;
        // Only the first four classes count.
        self.n == 4
    }

    fn finish(&self) -> u8 {
        // 7^4 = 2401 shapes folded into a byte; collisions only among odd shapes.
        (self.code % 251) as u8
    }
}

/// How one document writes one word (a hash group of its vocabulary): how often capitalized
/// inside its sentences, and how often in lowercase outside addresses. What a document
/// contributes to the corpus's common words ([`CommonWords`]); kept in an article's part (the
/// counts, a byte each mostly, leave room to weigh uses rather than documents).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordUse {
    /// The hash of the word's key without a possessive (see [`View::hash`]).
    pub hash: u64,
    /// Its capitalized uses inside sentences (not where a sentence or a quote opens, nor in a
    /// headline).
    pub capitalized: u32,
    /// Its lowercase uses, but for pieces of addresses and file names (see
    /// [`glued_to_address`]).
    pub lowercase: u32,
}

/// The words a corpus takes for common ones ([`class::COMMON`]): those that some document
/// writes in lowercase, unless that is one document alone and many capitalize them inside
/// their sentences.
///
/// Documents are counted, not uses: a writer who writes everything in lowercase ("when
/// orvelle collapses"), or a story that says "the shuttle" beside twenty "Space Shuttle", is
/// one voice. One lowercase "orvelle" makes no common word of the "Orvelle" that
/// [`CommonWords::OUTWEIGHED_BY`] other documents capitalize inside their sentences, while in a
/// corpus of a few documents any lowercase use still makes one (as edited news needs: "stock",
/// "Stock prices fell"). Two documents writing a word in lowercase keep it common however many
/// capitalize it: "democratic" in 29 of 840 political stories keeps the 443 that write
/// "Democratic" from making a name of it (a ratio of documents cannot tell that from a
/// company's name that one lowercase writer wrote).
///
/// Sums, so the set is the same whatever order the documents are added in (an extraction of
/// one corpus, or the page's parts assembled). Linear in the uses added; one map entry per
/// distinct word.
#[derive(Default)]
pub(crate) struct CommonWords {
    /// Per word hash: the documents that capitalize it inside a sentence (the high 32 bits),
    /// and those that write it in lowercase (the low ones). Packed in a `u64`: the one map
    /// type the tables already use, so the wasm gains no map code for it.
    counts: KeyMap<u64>,
}

impl CommonWords {
    /// The documents capitalizing a word inside a sentence that outweigh one document writing
    /// it in lowercase.
    pub(crate) const OUTWEIGHED_BY: u32 = 7;

    /// Adds one document's uses (each word once; only whether a count is above zero counts).
    pub(crate) fn add(&mut self, uses: &[WordUse]) {
        self.counts.reserve(uses.len());
        for u in uses {
            // At most one a document each: neither half overflows below 2^32 documents.
            *self.counts.entry(u.hash).or_default() += u64::from(u.capitalized > 0) << 32 | u64::from(u.lowercase > 0);
        }
    }

    /// True when the counts of a word (see `counts`) make it a common one.
    fn is_common(counts: u64) -> bool {
        let (capitalized, lowercase) = (counts >> 32, counts & u64::from(u32::MAX));
        lowercase > 1 || lowercase == 1 && capitalized < u64::from(Self::OUTWEIGHED_BY)
    }

    /// True when the word of hash `hash` is a common one: one lookup in the counts. An
    /// extraction asks this of each capitalized word type of each document (a few in a
    /// hundred of the corpus's words) rather than making the set of them all ([`Self::finish`]).
    pub(crate) fn contains(&self, hash: u64) -> bool {
        self.counts.get(&hash).is_some_and(|&counts| Self::is_common(counts))
    }

    /// The hashes of the common words.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn finish(self) -> KeySet {
        self.counts.into_iter().filter(|&(_, counts)| Self::is_common(counts)).map(|(hash, _)| hash).collect()
    }

    /// The counts of `uses`, one slice per document.
    pub(crate) fn of<'u>(uses: impl IntoIterator<Item = &'u [WordUse]>) -> CommonWords {
        let mut words = CommonWords::default();
        for u in uses {
            words.add(u);
        }
        words
    }
}

/// Per byte: 1 for the bytes that may glue a word into an address (`@`, `/`, `_`, `.`; see
/// [`glued_to_address`]), else 0.
const GLUE_OR_DOT: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'@' as usize] = 1;
    table[b'/' as usize] = 1;
    table[b'_' as usize] = 1;
    table[b'.' as usize] = 1;
    table
};

/// True when the word at `start..end` of `text` is glued to the pieces of an e-mail address,
/// a web address or a file name ("jo.roe@veltrana.com", "www.veltrana.com/news",
/// "budget_2001.xls"): an `@`, `/` or `_` right before or after it, or a dot right before it
/// after a letter or digit, or right after it before one. Such a word is written in lowercase
/// because addresses are, which says nothing of how the word is written in sentences. Reads
/// the byte on each side of the word, and one more only past a dot (most words stand between
/// spaces and punctuation that glues nothing).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn glued_to_address(text: &[u8], start: usize, end: usize) -> bool {
    // The text's ends glue nothing, as a space does not.
    let before = start.checked_sub(1).and_then(|k| text.get(k)).copied().unwrap_or(b' ');
    let after = text.get(end).copied().unwrap_or(b' ');
    // One table read a side and one test for both (most words stand between spaces).
    if GLUE_OR_DOT[usize::from(before)] | GLUE_OR_DOT[usize::from(after)] == 0 {
        return false;
    }
    let glue = |b: u8| matches!(b, b'@' | b'/' | b'_');
    let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    glue(before)
        || glue(after)
        || before == b'.' && word(start.checked_sub(2).and_then(|k| text.get(k)))
        || after == b'.' && word(text.get(end + 1))
}

/// Counts token `i`, of classes `c` (its sentence's included), toward its hash group's facts
/// in [`View::classify`]: capitalized inside a sentence sets [`class::CAP_INSIDE`] and counts
/// in `capitalized` ([`count_capitalized`]), a lowercase word outside an address counts in
/// `lowercase` ([`count_lowercase`]; see [`class::MOSTLY_CAP`] and [`WordUse`]). The sentence
/// pass calls the two halves apart (a token is never both: see `word_surface`); this is for
/// the tokens outside every sentence. The counts cannot overflow: a view has fewer tokens
/// than 2^29 (`crate::text`'s MAX_TEXT_BYTES).
fn count_use(c: u64, a: &Analysis, groups: &[u32], evidence: &mut [u64], counts: &mut [(u32, u32)], i: usize) {
    if c & class::CAP != 0 {
        count_capitalized(c, a, groups, evidence, counts, i);
    } else if c & class::LOWER != 0 {
        count_lowercase(a, groups, counts, i);
    }
}

/// [`count_use`] of a capitalized token `i` of classes `c` (its sentence's included): counted
/// when it is inside its sentence (not where a sentence or a quote opens, nor in a headline).
/// Inlined natively: it runs once per capitalized token (the wasm keeps one copy, for size).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn count_capitalized(c: u64, a: &Analysis, groups: &[u32], evidence: &mut [u64], counts: &mut [(u32, u32)], i: usize) {
    if c & (class::SENT_START | class::AFTER_OPENER | class::HEADLINE) == 0 {
        // OK because `i` is a token, word ids index the vocabulary, and groups are word ids.
        let group = groups[a.tokens[i].word() as usize] as usize;
        evidence[group] |= class::CAP_INSIDE;
        counts[group].0 += 1;
    }
}

/// [`count_use`] of a lowercase token `i` (of [`class::LOWER`], a word's class only, see
/// `word_surface`: no number or punctuation mark): counted unless glued to an address. What
/// the sentence says changes nothing of it. Inlined natively: it runs once per lowercase
/// token (the wasm keeps one copy, for size).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn count_lowercase(a: &Analysis, groups: &[u32], counts: &mut [(u32, u32)], i: usize) {
    // OK because `i` is a token.
    count_lowercase_token(a.text.as_bytes(), groups, counts, &a.tokens[i]);
}

/// [`count_lowercase`] of the token `t` of the document whose text is `text`.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn count_lowercase_token(text: &[u8], groups: &[u32], counts: &mut [(u32, u32)], t: &Token) {
    if !glued_to_address(text, t.start(), t.end()) {
        // OK because word ids index the vocabulary, and groups are word ids.
        let group = groups[t.word() as usize] as usize;
        counts[group].1 += 1;
    }
}

impl<'a, 't> View<'a, 't> {
    /// Hashes of every token (no classes yet: [`View::classify`] makes them, in
    /// one pass). Hashes are computed once per word type of the shared vocabulary.
    // Large and run once per document: kept out of line (and out of the callers' profiles).
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    pub(crate) fn new(a: &'a Analysis<'t>) -> Self {
        let type_hash = type_hashes(a);
        let lean = vec![0; type_hash.len()];
        View {
            a,
            type_hash,
            group: Vec::new(),
            classes: Vec::new(),
            capitalized: Vec::new(),
            lean,
            spelled_first: TokenSet::new(0),
        }
    }

    /// The view of a document whose classes were computed before (by [`View::classify`], kept
    /// in an article's part): hashes and classes only, so it serves recognition but not
    /// [`View::features`].
    pub(crate) fn restored(a: &'a Analysis<'t>, classes: Vec<u64>) -> Self {
        let type_hash = type_hashes(a);
        let capitalized = capitalized_tokens(&classes);
        View {
            a,
            type_hash,
            group: Vec::new(),
            classes,
            capitalized,
            lean: Vec::new(),
            spelled_first: TokenSet::new(0),
        }
    }

    /// The group of token `i`'s word type: the first word type with its hash.
    fn group_of(&self, i: usize) -> usize {
        // OK because word ids index the vocabulary, and groups are word ids.
        self.group[self.a.tokens[i].word() as usize] as usize
    }

    /// Adds the one corpus fact to the classes: [`class::COMMON`] on each capitalized word
    /// that the corpus takes for a common one (`common` says which, from [`CommonWords`];
    /// what [`View::classify`] does with [`Lexicons::common`]).
    pub(crate) fn mark_common(&mut self, common: impl Fn(u64) -> bool) {
        // One lookup per word type (0 not asked yet, 1 no, 2 yes).
        let mut asked = vec![0u8; self.type_hash.len()];
        for &i in &self.capitalized {
            // OK because capitalized tokens are tokens of the view, and word ids index the
            // vocabulary.
            let word = self.a.tokens[i as usize].word() as usize;
            let known = &mut asked[word];
            if *known == 0 {
                *known = 1 + u8::from(common(self.type_hash[word]));
            }
            if *known == 2 {
                self.classes[i as usize] |= class::COMMON;
            }
        }
    }

    /// The folded key of token `i` without a possessive (`Boeing’s` → `boeing`).
    ///
    /// Inlined natively: the rules ask it of a few tokens around each name, mostly to compare
    /// it with a word ("of", ","), and the call cost about as much as the lookup; the wasm
    /// keeps one copy, for size.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub(crate) fn key(&self, i: usize) -> &str {
        strip_possessive_key(self.a.key(i))
    }

    pub(crate) fn len(&self) -> usize {
        self.a.tokens.len()
    }

    /// The hash of token `i`'s key without a possessive (see [`View::key`]).
    pub(crate) fn hash(&self, i: usize) -> u64 {
        // OK because word ids index the vocabulary, which `type_hash` follows.
        self.type_hash[self.a.tokens[i].word() as usize]
    }

    /// Classifies every view of a corpus as its extraction does, and returns the corpus's
    /// common words: each view once without them, for its [`WordUse`]s, then again with them
    /// (the training script and tests; an extraction adds them with [`View::mark_common`]).
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn classify_corpus(views: &mut [View], gazetteer: &Gazetteer, names: &Names) -> KeySet {
        let mut words = CommonWords::default();
        for v in views.iter_mut() {
            words.add(&v.classify(&Lexicons { gazetteer, names, common: KeySet::default() }));
        }
        let lex = Lexicons { gazetteer, names, common: words.finish() };
        for v in views.iter_mut() {
            v.classify(&lex);
        }
        lex.common
    }

    /// Computes every token's word classes, and returns how the document writes each word
    /// that it capitalizes inside a sentence or writes in lowercase ([`WordUse`]), each once,
    /// in the order of the vocabulary (sorting is for those who keep them).
    ///
    /// Three passes over the tokens: one for what each token is alone (its spelling, the word
    /// lists, read once per word type), one per sentence for what the sentence makes of it
    /// (its start, openers, headlines and shouting, words capitalized inside it), and one that
    /// adds what the document says of each word ([`View::document_evidence`]), with the
    /// gazetteer's capitalized runs in between.
    // Large and run once per document: kept out of line (and out of the callers' profiles).
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    pub(crate) fn classify(&mut self, lex: &Lexicons) -> Vec<WordUse> {
        let a = self.a;
        let n = self.len();
        let mut classes = vec![0u64; n];
        // What the rule lexicon says of each word type (read for words only), and whether its
        // key ends in a possessive (POSSESSIVE_KEY, no class: for the hash groups alone).
        let rules = a.per_word_column(Column::NameRules, |key, description| {
            let calendar = description.classes.intersects(Classes::MONTH | Classes::WEEKDAY);
            let stem = strip_possessive_key(key);
            let possessive = if stem.len() < key.len() { POSSESSIVE_KEY } else { 0 };
            let hash = hash_bytes(stem.as_bytes());
            lexicon_table().get(&hash).copied().unwrap_or(0) | if calendar { class::CALENDAR } else { 0 } | possessive
        });
        // OK because `rules` has one slot per word type, as `type_hash` has.
        self.group = hash_groups(&self.type_hash, |t| rules[t] & POSSESSIVE_KEY != 0);
        let mut names: Vec<Option<(u64, i32)>> = vec![None; a.vocabulary.len()];
        // Per token until the sentence pass reads and clears them: a word of four characters
        // or more (see `is_headline`), an opener (see `punct_classes`). Kept in two bits above
        // every class rather than in a vector of their own: a byte a token less at the
        // stage's peak (a document of one-byte tokens holds about one token per byte).
        const LONG: u64 = 1 << 63;
        const OPENER: u64 = 1 << 62;
        const MARKS: u64 = LONG | OPENER;
        const _: () = assert!(
            class::ABBREVIATION < POSSESSIVE_KEY && POSSESSIVE_KEY < OPENER,
            "the marks lie above every class bit"
        );
        // Per word type: what its first token is alone (see `Spelling`). A later token spelled
        // the same way (most are) takes it without reading its characters or the lists again.
        let mut spelled: Vec<Option<Spelling>> = vec![None; a.vocabulary.len()];
        // The words of the `TokenSet` of the tokens spelled as their type's first, one per 64
        // tokens, each gathered in a register over its tokens (`first`) and stored once.
        let mut spelled_first = Vec::new();
        let mut capitalized = Vec::new();
        let mut memo = a.spelling_memo();
        let text = a.text.as_bytes();
        // What token `$i` (`$t`, its classes `$class`) is, alone: its classes and, when spelled
        // as its type's first token, bit `$k` of `$first`, the word of `spelled_first` being
        // gathered in a register. One body for the two loops below: natively a loop per 64
        // tokens (no test of a word's end per token, the lists sized ahead: 2.26 M instructions
        // fewer on 2 MB of news), in the wasm the one loop (0.2 KiB smaller).
        macro_rules! classify_token {
            ($i:ident, $t:ident, $class:ident, $k:ident, $first:ident) => {
                let bytes = text.get($t.start()..$t.end()).unwrap_or_default();
                let word_type = $t.word() as usize;
                // OK because word ids index the vocabulary, and `spelled` has one slot per type.
                let known = spelled[word_type];
                if let Some(s) = known {
                    if same_bytes(s.text, bytes) {
                        // Spelled as the type's first token: the same classes.
                        *$class = s.classes;
                        $first |= 1 << $k;
                        if s.classes & class::CAP != 0 {
                            // OK as u32: a view has fewer tokens than 2^29 (`crate::text`'s
                            // MAX_TEXT_BYTES).
                            capitalized.push($i as u32);
                        }
                        continue;
                    }
                }
                // What the token's spelling is alone, given the process's tables (the gazetteer and
                // name lists; the corpus's common words, COMMON, are added below): in a batch,
                // the memo has it when a document before wrote a type's first token so, and keeps
                // it for the next (half of a corpus's tokens are the first of their type in their
                // document, and most spellings recur in other documents). The memo's second word
                // is the lean, with bit 32 set.
                let memo_at = match (&known, &memo) {
                    (None, Some((spellings, _))) => spellings.get(word_type).map(|&k| k as usize),
                    _ => None,
                };
                // OK because the memo has a slot for every spelling of the batch.
                let remembered = memo_at.zip(memo.as_ref()).map(|(k, (_, m))| m[k]).filter(|m| m[1] != 0);
                let (mut c, lean) = match remembered {
                    Some([c, lean]) => (c, lean as u32 as i32),
                    None => {
                        let kinds = byte_kinds(bytes);
                        let ((surface, long), opener) = match $t.kind() {
                            TokenKind::Word => (word_surface(bytes, kinds, || a.token_text($i)), false),
                            TokenKind::Punct => {
                                let (c, opener) = punct_classes(a.token_text($i));
                                ((c, false), opener)
                            }
                            TokenKind::Number => ((class::DIGIT, false), false),
                        };
                        let mut c = surface | if long { LONG } else { 0 } | if opener { OPENER } else { 0 };
                        let mut lean = 0;
                        if $t.kind() == TokenKind::Word {
                            let hash = self.type_hash[word_type];
                            // OK because `rules` has one slot per word type.
                            let rules = rules[word_type] & !POSSESSIVE_KEY;
                            // Capitalized function words and head words count only when
                            // capitalized; name lists, corpus facts and letter shapes only matter
                            // for capitals.
                            if c & class::CAP == 0 {
                                c |= rules & !CAPITALIZED_ONLY;
                                if c & class::LOWER != 0 && lex.gazetteer.opens_lowercase(hash) {
                                    c |= class::LOWERCASE_PLACE;
                                }
                            } else {
                                let (bits, type_lean) = *names[word_type].get_or_insert_with(|| {
                                    let key = self.key($i);
                                    (lex.names.classes(key, hash), lex.names.person_vs_place(key))
                                });
                                c |= rules | bits;
                                if c & class::ALL_CAPS != 0 && lex.gazetteer.is_abbreviation(hash) {
                                    c |= class::ABBREVIATION;
                                }
                                if type_lean > 48 {
                                    c |= class::LEANS_PERSON;
                                } else if type_lean < -48 {
                                    c |= class::LEANS_PLACE;
                                }
                                lean = type_lean;
                            }
                        }
                        if let Some((k, (_, m))) = memo_at.zip(memo.as_mut()) {
                            // OK as above.
                            m[k] = [c, u64::from(lean as u32) | 1 << 32];
                        }
                        (c, lean)
                    }
                };
                // What the corpus and the document add: the common-word fact, the lean per type.
                if $t.kind() == TokenKind::Word && c & class::CAP != 0 {
                    // OK because `type_hash` and `lean` have one slot per word type.
                    if lex.common.contains(&self.type_hash[word_type]) {
                        c |= class::COMMON;
                    }
                    self.lean[word_type] = (lean / 32).clamp(-8, 8) as i8;
                }
                *$class = c;
                if c & class::CAP != 0 {
                    // OK as above.
                    capitalized.push($i as u32);
                }
                if known.is_none() {
                    spelled[word_type] = Some(Spelling { text: bytes, classes: c });
                    $first |= 1 << $k;
                }
            };
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            // Sized ahead: a word a 64 tokens, and at most every token capitalized (the pages
            // of room no token fills are never written; the list is cut to its length below).
            spelled_first.reserve_exact(n.div_ceil(64));
            capitalized.reserve_exact(n);
            // Each run of 64 tokens beside its classes (`classes` has one per token), read in
            // step: token `64 * w + k` is bit `k` of its run's word.
            for (w, (tokens, classes)) in a.tokens.chunks(64).zip(classes.chunks_mut(64)).enumerate() {
                let mut first = 0u64;
                for (k, (t, class)) in tokens.iter().zip(classes).enumerate() {
                    let i = 64 * w + k;
                    classify_token!(i, t, class, k, first);
                }
                spelled_first.push(first);
            }
        }
        // Each token beside its classes (`classes` has one per token), read in step: token `i`
        // is bit `k` of `first`, the word of `spelled_first` being gathered, stored when the
        // next word starts.
        #[cfg(target_arch = "wasm32")]
        {
            let mut first = 0u64;
            for ((i, t), class) in a.tokens.iter().enumerate().zip(classes.iter_mut()) {
                let k = i % 64;
                if k == 0 && i > 0 {
                    spelled_first.push(first);
                    first = 0;
                }
                classify_token!(i, t, class, k, first);
            }
            if n > 0 {
                spelled_first.push(first);
            }
        }
        drop(memo);
        // Per hash group: the corpus facts `document_evidence` adds to every capitalized token
        // of the group, starting with CAP_INSIDE: capitalized inside a sentence somewhere in
        // the document, a name, whatever the sentence-initial copies look like (`Boeing's`
        // counts for `Boeing`).
        let mut evidence = vec![0u64; a.vocabulary.len()];
        // Per hash group: its capitalized uses inside sentences, and its lowercase ones (see
        // `count_use`).
        let mut counts = vec![(0u32, 0u32); a.vocabulary.len()];
        // What each token's sentence classes say of its group (see `count_use`), by hash group:
        // a lowercase token's in the sentence's first loop (the sentence changes nothing of
        // it), a capitalized one's after the sentence's bits, read off the list of capitalized
        // tokens rather than every token again; `next_capitalized` is the first of the list
        // not counted yet (sentences come in order: it is searched for only if one starts
        // before the last).
        let groups = &self.group;
        let mut next_capitalized = 0;
        // Tokens outside every sentence (the splitter leaves none) take no sentence classes.
        let mut outside = 0..0;
        for (s, sentence) in a.sentences.iter().enumerate() {
            let range = sentence.tokens.clone();
            if range.is_empty() {
                continue;
            }
            outside.end = range.start;
            for i in outside.clone() {
                classes[i] &= !MARKS;
                count_use(classes[i], a, groups, &mut evidence, &mut counts, i);
            }
            outside = range.end..range.end;
            // OK because sentences hold tokens of the document, and this one is not empty.
            classes[range.start] |= class::SENT_START;
            if s == 0 || a.sentences[s - 1].paragraph != sentence.paragraph {
                classes[range.start] |= class::FIRST_IN_PARAGRAPH;
            }
            // One pass: the openers, and what `is_headline` and `is_shouting` count.
            let (mut long, mut long_capitalized, mut words, mut caps) = (0, 0, 0, 0);
            let mut after_opener = false;
            // The sentence's tokens beside their classes, read in step: a lowercase token's
            // word and place in the text without an index into the tokens again. OK because
            // sentences hold tokens of the document (as above).
            let tokens = &a.tokens[range.clone()];
            for (c, t) in classes[range.clone()].iter_mut().zip(tokens) {
                let mark = *c;
                *c &= !MARKS;
                debug_assert!(mark & (class::CAP | class::LOWER) != class::CAP | class::LOWER, "see count_use");
                if mark & class::LOWER != 0 {
                    count_lowercase_token(text, groups, &mut counts, t);
                }
                if after_opener {
                    *c |= class::AFTER_OPENER;
                }
                after_opener = mark & OPENER != 0;
                if mark & LONG != 0 {
                    long += 1;
                    long_capitalized += usize::from(*c & class::CAP != 0);
                }
                words += usize::from(*c & (class::CAP | class::LOWER) != 0);
                caps += usize::from(*c & class::ALL_CAPS != 0);
            }
            let ends_sentence = matches!(a.token_text(range.end - 1), "." | "”" | "\"");
            let headline = long >= 3 && long_capitalized * 5 >= long * 4 && !ends_sentence;
            let shouting = caps >= 3 && caps * 2 > words;
            let sentence_bits = if headline { class::HEADLINE } else { 0 } | if shouting { class::SHOUTING } else { 0 };
            if sentence_bits != 0 {
                for c in &mut classes[range.clone()] {
                    *c |= sentence_bits;
                }
            }
            // OK because `next_capitalized` stays at most the list's length (it only passes
            // listed tokens), and capitalized tokens index the classes.
            if next_capitalized > 0 && capitalized[next_capitalized - 1] as usize >= range.start {
                next_capitalized = capitalized.partition_point(|&i| (i as usize) < range.start);
            }
            while let Some(&i) = capitalized.get(next_capitalized) {
                let i = i as usize;
                if i >= range.end {
                    break;
                }
                next_capitalized += 1;
                // One before the sentence is outside every sentence, and counted there.
                if i >= range.start {
                    count_capitalized(classes[i], a, groups, &mut evidence, &mut counts, i);
                }
            }
        }
        outside.end = n;
        for i in outside {
            classes[i] &= !MARKS;
            count_use(classes[i], a, groups, &mut evidence, &mut counts, i);
        }
        let mut uses = Vec::new();
        for (group, (e, &(capitalized, lowercase))) in evidence.iter_mut().zip(&counts).enumerate() {
            if i64::from(capitalized) - 4 * i64::from(lowercase) >= 3 {
                *e |= class::MOSTLY_CAP;
            }
            if capitalized > 0 || lowercase > 0 {
                // OK because groups are word ids, and `type_hash` has one slot per word type.
                uses.push(WordUse { hash: self.type_hash[group], capitalized, lowercase });
            }
        }
        // The sentence pass changes no token's CAP: the list holds exactly the capitalized ones.
        debug_assert_eq!(capitalized, capitalized_tokens(&classes));
        self.classes = classes;
        // Every document's view lives until the corpus is recognized: no spare room.
        capitalized.shrink_to_fit();
        self.capitalized = capitalized;
        self.spelled_first = TokenSet { words: spelled_first, len: n };
        self.mark_gazetteer(lex.gazetteer);
        self.document_evidence(evidence);
        uses
    }

    /// Marks each capitalized word with what its other occurrences in the document say: a
    /// surname after a given name, a title before it, a pronoun or head word after it. A word
    /// opening a sentence or alone in a list learns from its copies inside sentences.
    // Large and run once per document: kept out of line (and out of the callers' profiles).
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    /// `evidence` holds, by hash group (see `View::group`), the bits to add that are known
    /// already.
    fn document_evidence(&mut self, mut evidence: Vec<u64>) {
        use class::*;
        let n = self.len();
        let c = &self.classes;
        let cap = |i: usize| i < n && c[i] & CAP != 0 && c[i] & NEVER_NAME == 0;
        // Runs open at capitalized tokens only; tokens before `next` are in the run before.
        let mut next = 0;
        for &i in &self.capitalized {
            let i = i as usize;
            if i < next || !cap(i) {
                continue;
            }
            let mut end = i + 1;
            while cap(end) && c[end - 1] & POSSESSIVE == 0 {
                end += 1;
            }
            let len = end - i;
            let mut add = |k: usize, bits: u64| evidence[self.group_of(k)] |= bits;
            let last = end - 1;
            if len >= 2 {
                add(i, DOC_RUN_START);
                if len <= 3 {
                    add(last, DOC_RUN_END);
                }
                if c[i] & (GIVEN_M | GIVEN_F | GIVEN_U) != 0 && c[last] & (ORG_HEAD | PLACE_HEAD | OTHER_HEAD) == 0 {
                    add(last, DOC_SURNAME);
                    add(i, DOC_GIVEN);
                }
            }
            if i > 0 && c[i - 1] & (TITLE | HONORIFIC) != 0 && c[i - 1] & CAP != 0 {
                add(i, DOC_TITLED);
                add(last, DOC_TITLED);
            }
            if i > 0 && c[i - 1] & PLACE_CUE != 0 {
                add(last, DOC_PLACE_CONTEXT);
            }
            let word = |k: usize| if k < n { self.key(k) } else { "" };
            // The word after a comma right after the name ("X, who"), read once for both
            // pronouns.
            let after_comma = if word(end) == "," { word(end + 1) } else { "" };
            let after = |k: usize| c.get(end + k).copied().unwrap_or(0);
            let mut bits = 0;
            // A pronoun right after the name, or after one or two lowercase words ("X cut its").
            let pronoun_after = |pronoun: u64| {
                (0..3).any(|k| {
                    after(k) & pronoun != 0 && (0..k).all(|j| after(j) & LOWER != 0 && after(j) & pronoun == 0)
                })
            };
            if pronoun_after(PRONOUN_PERSON)
                || after_comma == "who"
                || after(1) & PRONOUN_PERSON != 0 && after(0) & REPORTING != 0
            {
                bits |= DOC_PERSON_PRONOUN;
            }
            if pronoun_after(PRONOUN_IT)
                || after_comma == "which"
                || after(1) & PRONOUN_IT != 0 && after(0) & REPORTING != 0
            {
                bits |= DOC_IT_PRONOUN;
            }
            // "shares of X", "X's shares", "X Inc.", "the X company".
            let market =
                |w: &str| matches!(w, "shares" | "stock" | "stocks" | "earnings" | "revenue" | "profit" | "sales");
            // A company's people right after the name, possessive or not ("a X spokesman",
            // "X's chief executive", "X shareholders": `lexicon::COMPANY_PEOPLE`, which the
            // rules read too); "chief" and "executive" only before "executive", a capital, a
            // reporting verb or punctuation ("X's chief strategist", "an executive order" not).
            let people = {
                let (w, next) = (word(end), after(1));
                let adjective = matches!(w, "chief" | "executive");
                after(0) & LOWER != 0
                    && (w.starts_with("spokes") || lexicon::COMPANY_PEOPLE.contains(&w))
                    && (!adjective
                        || next & (LOWER | DIGIT) == 0
                        || next & REPORTING != 0
                        || (w == "chief" && word(end + 1) == "executive"))
            };
            if after(0) & (ORG_HEAD | COMPANY_FORM) != 0 && after(0) & CAP != 0
                || after(0) & ORG_CUE != 0
                || (i >= 2 && market(self.key(i - 2)) && self.key(i - 1) == "of")
                || (c[last] & POSSESSIVE != 0 && market(word(end)))
                || people
            {
                bits |= DOC_ORG_CONTEXT;
            }
            if after(0) & REPORTING != 0 {
                bits |= DOC_REPORTS;
            }
            if bits != 0 {
                add(last, bits);
                if len == 1 {
                    add(i, bits);
                }
            }
            next = end;
        }
        for &i in &self.capitalized {
            // OK because capitalized tokens are tokens of the view, word ids index the
            // vocabulary, and groups are word ids.
            let group = self.group[self.a.tokens[i as usize].word() as usize] as usize;
            self.classes[i as usize] |= evidence[group];
        }
    }

    /// Marks gazetteer names inside capitalized runs (longest match first, at most five words).
    // Large and run once per document: kept out of line (and out of the callers' profiles).
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    fn mark_gazetteer(&mut self, gazetteer: &Gazetteer) {
        let n = self.len();
        // Names open at capitalized tokens only; tokens before `next` are in the name before.
        let mut next = 0;
        for k in 0..self.capitalized.len() {
            // OK because `k` is below the list's length.
            let i = self.capitalized[k] as usize;
            if i < next {
                continue;
            }
            let mut matched = 0;
            // The run's words, up to five (inner `of`, `the`, particles and `-` allowed), each
            // read only when the gazetteer has a longer name opening with the words before it
            // (most runs stop at their first word).
            let mut h = 0;
            let mut best = None;
            for (k, t) in (i..n).take(5).enumerate() {
                let c = self.classes[t];
                let inner = || {
                    t > i
                        && (c & class::PARTICLE != 0
                            || matches!(self.a.token_text(t), "of" | "the" | "and" | "-" | "&"))
                };
                if c & class::CAP == 0 && !inner() {
                    break;
                }
                // The first word's hash is its type's (`hash_words` of one key).
                h = match k {
                    0 => self.hash(t),
                    _ => hash_more(hash_more(h, b" "), self.key(t).as_bytes()),
                };
                if c & class::CAP != 0 {
                    let capitals = || (i..=t).all(|u| !self.a.token_text(u).chars().any(char::is_lowercase));
                    if let Some(known) = gazetteer.lookup_hash_with(h, capitals) {
                        best = Some((k + 1, known));
                    }
                }
                // No longer name opens with these words, or a possessive ends the run.
                if !gazetteer.continues(h) || c & class::POSSESSIVE != 0 {
                    break;
                }
            }
            if let Some((len, known)) = best {
                let (b, inside) = match known {
                    Known::Place(_) => (class::PLACE_B, class::PLACE_I),
                    Known::Organization(_) => (class::ORG_B, class::ORG_I),
                    Known::Demonym(_) => (class::DEMONYM, class::DEMONYM),
                };
                self.classes[i] |= b;
                for t in i + 1..i + len {
                    self.classes[t] |= inside;
                }
                matched = len;
            }
            next = i + matched.max(1);
        }
    }

    /// True when token `i` is worth scoring: it or a neighbour may be part of a name.
    #[cfg(feature = "train")]
    pub(crate) fn scored(&self, i: usize) -> bool {
        self.interesting(i) || (i > 0 && self.interesting(i - 1)) || self.interesting(i + 1)
    }

    /// True when token `i` may be part of a name (false past the end). A token is worth
    /// scoring when it or a neighbour is.
    #[cfg(feature = "train")]
    pub(crate) fn interesting(&self, i: usize) -> bool {
        self.classes.get(i).is_some_and(|c| c & INTERESTING != 0)
    }

    /// The tokens with an [`INTERESTING`] class, in order: the only ones that may open a name
    /// (capitalized, in capitals, or opening a gazetteer name), so the passes after the tagger
    /// that look for names read these alone.
    ///
    /// Read off [`View::capitalized`]: every interesting token is capitalized (a word in
    /// capitals is, and the gazetteer's names open at capitalized tokens only).
    pub(crate) fn interesting_tokens(&self) -> Vec<u32> {
        // OK because capitalized tokens are tokens of the view.
        self.capitalized.iter().copied().filter(|&i| self.classes[i as usize] & INTERESTING != 0).collect()
    }

    /// The tokens with [`class::CAP`], in order: what the passes that only look at capitalized
    /// words read instead of every token's classes. Made by [`View::classify`] (and from the
    /// classes of a restored view); empty before.
    pub(crate) fn capitalized(&self) -> &[u32] {
        &self.capitalized
    }

    /// The hashed features of token `i` of the sentence `range`, as bucket indices under
    /// `bits` bits, appended to `out`. The tagger sums the same features' weights faster by
    /// their groups (`tagger::Scorer`), through the same helpers, so both read one definition.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn features(&self, i: usize, range: &Range<usize>, bits: u32, clusters: &Clusters, out: &mut Vec<u32>) {
        let shift = 64 - bits;
        let mut push = |template: u32, value: u64| out.push((mix(template, value) >> shift) as u32);
        push(template::BIAS, 0);
        push(template::WORD, self.hash(i));
        for k in [0, -1, 1] {
            if let Some(j) = Self::neighbour(i, k, range) {
                cluster_features(clusters, self.hash(j), k, &mut push);
            }
        }
        for (template, k) in template::NEIGHBOURS {
            push(template, self.word_value(i, k, range));
        }
        let (before, this, after) =
            (self.shape_value(i, -1, range), self.shape_value(i, 0, range), self.shape_value(i, 1, range));
        push(template::SHAPE, this);
        push(template::SHAPE_BEFORE, before << 8 | this);
        push(template::SHAPE_AFTER, this << 8 | after);
        push(template::SHAPE_AROUND, before << 16 | this << 8 | after);
        key_features(self.key(i), &mut push);
        let c0 = self.classes[i];
        let cap = u64::from(c0 & class::CAP != 0);
        for (template, k) in [(template::CLASS, 0), (template::CLASS_BEFORE, -1), (template::CLASS_AFTER, 1)] {
            let mut rest = self.class_value(i, k, range);
            while rest != 0 {
                let bit = u64::from(rest.trailing_zeros());
                rest &= rest - 1;
                push(template, bit);
                if template == template::CLASS {
                    // Classes conjoined with capitalization: a title word written lowercase is a role.
                    push(template::CLASS_CAP, bit << 1 | cap);
                }
            }
        }
        if let Some(run) = self.run_value(i, range) {
            push(template::RUN, run);
            push(template::LEAN, self.lean_value(i));
        }
    }

    /// The index of the token `k` places from `i` when it lies inside the sentence `range`.
    fn neighbour(i: usize, k: isize, range: &Range<usize>) -> Option<usize> {
        i.checked_add_signed(k).filter(|j| range.contains(j))
    }

    /// The word feature's value of the token `k` places from `i`: its key's hash, or a mark of
    /// the sentence's edge at that distance.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn word_value(&self, i: usize, k: isize, range: &Range<usize>) -> u64 {
        Self::neighbour(i, k, range).map_or(Self::word_value_outside(k), |j| self.hash(j))
    }

    /// The word feature's value `k` places away when that lies outside the sentence.
    pub(crate) fn word_value_outside(k: isize) -> u64 {
        const NONE: u64 = 0x5eed;
        NONE ^ (k as u64)
    }

    /// The shape of the token `k` places from `i`, 255 outside the sentence.
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    pub(crate) fn shape_value(&self, i: usize, k: isize, range: &Range<usize>) -> u64 {
        Self::neighbour(i, k, range).map_or(255, |j| u64::from(self.token_shape(j)))
    }

    /// True when token `j` is spelled byte for byte as the first token of its word type (see
    /// [`View::classify`]; false before it): it has that token's shape.
    pub(crate) fn spelled_first(&self, j: usize) -> bool {
        self.spelled_first.get(j)
    }

    /// The shape of token `j` (see `shape_of`), read off its text: only the model's features
    /// read shapes, around the few tokens it scores, so no view keeps one per token.
    pub(crate) fn token_shape(&self, j: usize) -> u8 {
        // OK because `j` is a token of the view.
        let t = &self.a.tokens[j];
        let bytes = self.a.text.as_bytes().get(t.start()..t.end()).unwrap_or_default();
        word_shape(bytes, || self.a.token_text(j))
    }

    /// The word classes the model reads of the token `k` places from `i` (all but
    /// [`RULES_ONLY`]), none outside the sentence.
    pub(crate) fn class_value(&self, i: usize, k: isize, range: &Range<usize>) -> u64 {
        Self::neighbour(i, k, range).map_or(0, |j| self.classes[j] & !RULES_ONLY)
    }

    /// For a capitalized token, the capitalized run around it: its length (at most 5) and the
    /// token's place in it (at most 3, and whether it is the last), below 128.
    ///
    /// Reads at most four tokens either side: a length past 5 and a place past 3 count as
    /// 5 and 3, so the capitals before and after the token count up to four each (four
    /// before and none after is a run of 5 already). Scanning the whole run instead made a
    /// long run of capitals cost its length squared (every token of it scored).
    pub(crate) fn run_value(&self, i: usize, range: &Range<usize>) -> Option<u64> {
        let is_cap = |j: usize| self.classes[j] & class::CAP != 0;
        if !is_cap(i) {
            return None;
        }
        // OK because `i` lies in the sentence `range`, so `i - k` and `i + k` do where tested.
        let before = (1..=4).take_while(|&k| i >= range.start + k && is_cap(i - k)).count();
        let after = (1..=4).take_while(|&k| i + k < range.end && is_cap(i + k)).count();
        let len = (before + after + 1).min(5) as u64;
        Some(len << 4 | (before.min(3) as u64) << 2 | u64::from(after == 0))
    }

    /// The person-versus-place lean of token `i` as a byte (see [`View::classify`]).
    pub(crate) fn lean_value(&self, i: usize) -> u64 {
        // Only capitalized tokens lean (see [`View::classify`]).
        let lean = match self.classes[i] & class::CAP {
            0 => 0,
            // OK because word ids index the vocabulary, which `lean` follows.
            _ => self.lean[self.a.tokens[i].word() as usize],
        };
        u64::from(lean as u8)
    }
}

/// Feature template ids: each is hashed with its value into a bucket of the weight table,
/// so changing one changes what every weight means (and the weights file's version).
pub(crate) mod template {
    pub const BIAS: u32 = 0;
    /// The token's key hash.
    pub const WORD: u32 = 1;
    /// The key hashes of the tokens one and two places before and after.
    pub const WORD_BEFORE: u32 = 2;
    pub const WORD_AFTER: u32 = 3;
    pub const WORD_BEFORE_2: u32 = 4;
    pub const WORD_AFTER_2: u32 = 5;
    /// The neighbours' word templates with their distance from the token.
    pub const NEIGHBOURS: [(u32, isize); 4] =
        [(WORD_BEFORE, -1), (WORD_AFTER, 1), (WORD_BEFORE_2, -2), (WORD_AFTER_2, 2)];
    /// The token's shape, alone and with the shapes before, after and around it.
    pub const SHAPE: u32 = 6;
    pub const SHAPE_BEFORE: u32 = 7;
    pub const SHAPE_AFTER: u32 = 8;
    pub const SHAPE_AROUND: u32 = 9;
    /// The key's last two, three and four characters, its first four, its length.
    pub const SUFFIX_2: u32 = 12;
    pub const SUFFIX_3: u32 = 13;
    pub const SUFFIX_4: u32 = 14;
    pub const PREFIX_4: u32 = 15;
    pub const LENGTH: u32 = 16;
    /// Each class bit of the token, and each conjoined with its capitalization.
    pub const CLASS: u32 = 20;
    pub const CLASS_CAP: u32 = 21;
    /// Each class bit of the tokens before and after.
    pub const CLASS_BEFORE: u32 = 22;
    pub const CLASS_AFTER: u32 = 23;
    /// A capitalized token's run (see `View::run_value`) and its person-versus-place lean.
    pub const RUN: u32 = 26;
    pub const LEAN: u32 = 31;
    /// The fine and coarse word cluster of the token, and of the tokens before and after it.
    pub const CLUSTER: u32 = 40;
    pub const CLUSTER_COARSE: u32 = 41;
    pub const CLUSTER_BEFORE: u32 = 42;
    pub const CLUSTER_COARSE_BEFORE: u32 = 43;
    pub const CLUSTER_AFTER: u32 = 44;
    pub const CLUSTER_COARSE_AFTER: u32 = 45;
}

/// The features of a key alone: its suffixes, prefix and length (templates 12 to 16).
pub(crate) fn key_features(key: &str, push: &mut impl FnMut(u32, u64)) {
    if key.is_ascii() {
        // Most keys: a character is a byte, so the ends are found without decoding (the same
        // features as below, which the tests hold it to).
        let (bytes, n) = (key.as_bytes(), key.len());
        for (t, len) in [(template::SUFFIX_2, 2usize), (template::SUFFIX_3, 3), (template::SUFFIX_4, 4)] {
            if n > len {
                push(t, hash_bytes(&bytes[n - len..]));
            }
        }
        if n > 3 {
            push(template::PREFIX_4, hash_bytes(&bytes[..3]));
        }
        push(template::LENGTH, (n.min(12)) as u64);
        return;
    }
    key_features_by_chars(key, push);
}

/// [`key_features`] of any key, character by character.
fn key_features_by_chars(key: &str, push: &mut impl FnMut(u32, u64)) {
    let n = key.chars().count();
    for (t, len) in [(template::SUFFIX_2, 2usize), (template::SUFFIX_3, 3), (template::SUFFIX_4, 4)] {
        if let Some((at, _)) = key.char_indices().rev().nth(len - 1).filter(|_| n > len) {
            push(t, hash_bytes(&key.as_bytes()[at..]));
        }
    }
    if let Some((at, _)) = key.char_indices().nth(3) {
        push(template::PREFIX_4, hash_bytes(&key.as_bytes()[..at]));
    }
    push(template::LENGTH, (n.min(12)) as u64);
}

/// Rule-lexicon classes that only hold for a capitalized word ("The", "Agency").
const CAPITALIZED_ONLY: u64 =
    class::NEVER_NAME | class::ORG_HEAD | class::PLACE_HEAD | class::OTHER_HEAD | class::PARTICLE | class::CALENDAR;

/// Classes from the hand-written rule lexicon, by key hash (one lookup per token).
fn lexicon_table() -> &'static KeyMap<u64> {
    static TABLE: std::sync::OnceLock<KeyMap<u64>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: KeyMap<u64> = KeyMap::default();
        let mut add = |word: &str, bit: u64| {
            let mut key = String::new();
            fold_token(word, &mut key);
            *t.entry(hash_bytes(strip_possessive_key(&key).as_bytes())).or_default() |= bit;
        };
        for title in lexicon::TITLES {
            add(title.words[0], if title.role { class::TITLE } else { class::HONORIFIC });
        }
        for (words, bit) in [
            (lexicon::ORGANIZATION_HEADS, class::ORG_HEAD),
            (lexicon::PLACE_HEADS, class::PLACE_HEAD),
            (lexicon::OTHER_HEADS, class::OTHER_HEAD),
            (lexicon::NEVER_NAMES, class::NEVER_NAME),
            (lexicon::PARTICLES, class::PARTICLE),
            (lexicon::ORGANIZATION_CUES, class::ORG_CUE),
            (lexicon::PLACE_CUES, class::PLACE_CUE),
            (lexicon::LED_BY_PERSON, class::LED_BY),
            (lexicon::REPORTING_VERBS, class::REPORTING),
            (lexicon::ROLE_NOUNS, class::ROLE_NOUN),
            (&["it", "its", "which"], class::PRONOUN_IT),
            (&["he", "she", "his", "her", "who", "him"], class::PRONOUN_PERSON),
        ] {
            for w in words {
                add(w, bit);
            }
        }
        // Each word of a role phrase ("press secretary"), so a cheap test finds its end.
        for phrase in lexicon::ROLE_NOUNS {
            for w in phrase.split(' ') {
                add(w, class::ROLE_NOUN);
            }
        }
        t
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::WordId;

    /// The byte path of `key_features` (ASCII keys) gives what the character path gives, key
    /// for key, at every length around the suffixes', the prefix's and the length cap's.
    #[test]
    fn key_features_of_ascii_keys_are_by_characters() {
        let mut compared = 0;
        for word in ["", "a", "of", "the", "mrs.", "smith", "o'neill", "u.s.", "3,000", "abcdefghijklmn", "x-ray's"] {
            for len in 0..=word.len() {
                let key = &word[..len];
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                key_features(key, &mut |t, v| fast.push((t, v)));
                key_features_by_chars(key, &mut |t, v| slow.push((t, v)));
                assert_eq!(fast, slow, "{key:?}");
                compared += fast.len();
            }
        }
        assert!(compared > 150, "{compared}");
    }

    #[test]
    fn keys_fold_case_accents_and_possessives() {
        let a = Analysis::of_text("Łódź’s mayor met BOEING's chief.");
        let v = View::new(&a);
        assert_eq!(v.key(0), "lodz");
        assert_eq!(v.key(3), "boeing");
        assert_eq!(v.hash(0), hash_bytes(b"lodz"));
    }

    /// The corpus's common words are weighed by documents: one document's lowercase use makes a
    /// common word in a small corpus, not of a name that seven others capitalize inside their
    /// sentences; a document's many uses count once; the order documents come in changes
    /// nothing.
    #[test]
    fn common_words_are_weighed_by_documents_in_any_order() {
        let uses = |hash, capitalized, lowercase| WordUse { hash, capitalized, lowercase };
        let mut docs: Vec<Vec<WordUse>> = vec![vec![uses(1, 0, 5), uses(2, 0, 9), uses(3, 4, 0)]];
        docs.extend((0..7).map(|k| vec![uses(1, 1, 0), uses(2, 30, 0), uses(3, 0, u32::from(k < 2))]));
        let all = |docs: &[Vec<WordUse>]| CommonWords::of(docs.iter().map(Vec::as_slice)).finish();
        // 7 documents capitalize word 1 against one lowercase: a name.
        assert_eq!(all(&docs), [3].into_iter().collect::<KeySet>());
        // Six do not outweigh it, however often they write it.
        assert_eq!(all(&docs[..7]), [1, 2, 3].into_iter().collect::<KeySet>());
        // Two documents in lowercase are not outweighed, however many capitalize the word.
        let mut many: Vec<Vec<WordUse>> = vec![vec![uses(4, 0, 1)]; 2];
        many.extend(vec![vec![uses(4, 2, 0)]; 400]);
        assert_eq!(all(&many), [4].into_iter().collect::<KeySet>());
        docs.reverse();
        assert_eq!(all(&docs), [3].into_iter().collect::<KeySet>());
        docs.rotate_left(3);
        assert_eq!(all(&docs), [3].into_iter().collect::<KeySet>());
        // A word only capitalized is never common; nothing is, in an empty corpus.
        assert!(CommonWords::of([[uses(9, 3, 0)].as_slice()]).finish().is_empty());
        assert!(CommonWords::of(std::iter::empty()).finish().is_empty());
    }

    /// Generated documents of every length up to a few hundred tokens (so that runs of 64
    /// tokens end anywhere), of words with spellings that fold to one key ("Boeing", "BOEING",
    /// "boeing", "Boeing’s"), possessives among them.
    fn generated_documents() -> Vec<String> {
        let words = [
            "Boeing",
            "BOEING",
            "boeing",
            "Boeing’s",
            "Boeing's",
            "Łódź",
            "lodz",
            "LODZ",
            "the",
            "The",
            ",",
            ".",
            "said",
            "Said",
            "3,000",
            "(",
            "“",
            "Orvelle",
            "orvelle",
            "Kestrel",
            "US",
            "U.S.",
            "x-ray",
            "X-Ray",
        ];
        let mut shuffle = crate::shuffle::Shuffle::new();
        let lengths = (0..300).step_by(7).chain([63, 64, 65, 127, 128, 129]);
        lengths.map(|len| (0..len).map(|_| words[shuffle.below(words.len())]).collect::<Vec<_>>().join(" ")).collect()
    }

    /// The tokens [`View::classify`] marks as spelled as their type's first (a word of bits
    /// gathered per 64 tokens) are those whose text is that of the first token of their word
    /// type, on generated documents; and the list of capitalized tokens is the tokens of that
    /// class.
    #[test]
    fn tokens_spelled_first_are_those_spelled_as_their_types_first() {
        let (gazetteer, names) = super::super::tables();
        let mut checked = 0;
        for text in generated_documents() {
            let a = Analysis::of_text(&text);
            let mut v = View::new(&a);
            v.classify(&Lexicons { gazetteer, names, common: KeySet::default() });
            let mut first_of_type: HashMap<WordId, usize> = HashMap::new();
            for j in 0..v.len() {
                let first = *first_of_type.entry(a.tokens[j].word()).or_insert(j);
                assert_eq!(v.spelled_first(j), a.token_text(j) == a.token_text(first), "token {j} of {text:?}");
                checked += 1;
            }
            // Never past the end.
            assert!(!v.spelled_first(v.len()) && !v.spelled_first(v.len() + 64));
            let capitalized: Vec<u32> =
                (0..v.len() as u32).filter(|&i| v.classes[i as usize] & class::CAP != 0).collect();
            assert_eq!(v.capitalized(), capitalized, "{text:?}");
        }
        assert!(checked > 5000, "{checked}");
    }

    /// A view's hash groups (see `View::group`) are, for each word type, the first type of its
    /// hash ("boeing's" is "boeing"), on generated documents, in a batch and alone.
    #[test]
    fn hash_groups_are_the_first_type_of_each_hash() {
        let (gazetteer, names) = super::super::tables();
        let mut batch = crate::text::Batch::default();
        let mut grouped = 0;
        for text in generated_documents() {
            let linked = batch.analyze(&text, &crate::text::paragraph_spans(&text));
            let alone = Analysis::of_text(&text);
            for a in [&alone, &linked.in_batch(&batch)] {
                let mut v = View::new(a);
                v.classify(&Lexicons { gazetteer, names, common: KeySet::default() });
                for t in 0..a.vocabulary.len() {
                    let first = v.type_hash.iter().position(|&h| h == v.type_hash[t]).unwrap();
                    assert_eq!(v.group[t] as usize, first, "{:?} in {text:?}", a.word_key(t as WordId));
                    grouped += usize::from(first != t);
                }
            }
        }
        assert!(grouped > 20, "{grouped}");
    }

    /// A lowercase word glued into a mail address, a web address or a file name is none of the
    /// document's lowercase uses; one at a sentence's end, in a list or in brackets is.
    #[test]
    fn words_glued_to_addresses_are_no_lowercase_uses() {
        for (text, word, glued) in [
            ("mail jo.roe@orvelle.com today", "orvelle", true),
            ("mail jo.roe@orvelle.com today", "roe", true),
            ("see www.orvelle.com/news", "news", true),
            ("the budget_draft.xls file", "draft", true),
            ("the pipeline of orvelle. then", "orvelle", false),
            ("orvelle, kestrel and (orvelle)", "kestrel", false),
            ("the end.", "end", false),
        ] {
            let start = text.find(word).unwrap();
            assert_eq!(glued_to_address(text.as_bytes(), start, start + word.len()), glued, "{word} in {text:?}");
        }
        let a = Analysis::of_text("Write to jo@orvelle.com about orvelle. Orvelle said so.");
        let (gazetteer, names) = super::super::tables();
        let mut v = View::new(&a);
        let uses = v.classify(&Lexicons { gazetteer, names, common: KeySet::default() });
        let orvelle = uses.iter().find(|u| u.hash == hash_bytes(b"orvelle")).expect("orvelle's uses");
        assert_eq!((orvelle.capitalized, orvelle.lowercase), (0, 1), "the sentence's first word is not inside it");
    }

    /// The check that reads one byte a side first answers as the four rules read in full, for
    /// every word of every text of up to five bytes of letters, digits, spaces, dots and glue,
    /// the text's ends included.
    #[test]
    fn glued_words_are_found_by_the_rules_in_full() {
        let in_full = |text: &[u8], start: usize, end: usize| {
            let glue = |b: Option<&u8>| matches!(b, Some(b'@' | b'/' | b'_'));
            let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
            let before = start.checked_sub(1).and_then(|k| text.get(k));
            let after = text.get(end);
            glue(before)
                || glue(after)
                || before == Some(&b'.') && word(start.checked_sub(2).and_then(|k| text.get(k)))
                || after == Some(&b'.') && word(text.get(end + 1))
        };
        let alphabet = b"a1 .@/_";
        let mut text = Vec::new();
        let mut checked = 0;
        for len in 1..=5u32 {
            for mut code in 0..alphabet.len().pow(len) {
                text.clear();
                for _ in 0..len {
                    text.push(alphabet[code % alphabet.len()]);
                    code /= alphabet.len();
                }
                for start in 0..text.len() {
                    for end in start + 1..=text.len() {
                        assert_eq!(
                            glued_to_address(&text, start, end),
                            in_full(&text, start, end),
                            "{text:?} {start}..{end}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100_000);
    }

    /// The uses `classify` counts (a lowercase token's in its sentence's first loop, a
    /// capitalized one's off the list of capitalized tokens after the sentence's bits) are
    /// the plain definition's, token by token from the final classes: capitalized and not at a
    /// sentence's start, after an opener or in a headline, or lowercase outside an address.
    /// On every article of tests/articles (its texts, markdown and HTML as plain text) and on
    /// a text with a headline, shouting, quotes, brackets and addresses.
    #[test]
    fn uses_are_counted_token_by_token() {
        let mut texts = crate::test_articles::texts();
        assert!(texts.len() > 10, "{}", texts.len());
        texts.push(
            "Storm Closes Northern Highways Overnight\n\nOfficials in Orvelle said (Monday) that \
             “Roads reopen soon.” THE ROADS ARE CLOSED NOW. Write to jo@orvelle.com or see \
             www.orvelle.com/roads: orvelle, Orvelle and Kestrel's roads."
                .to_string(),
        );
        let (gazetteer, names) = super::super::tables();
        let (mut compared, mut capitalized_uses, mut lowercase_uses) = (0, 0, 0);
        for text in &texts {
            let a = Analysis::of_text(text);
            let mut v = View::new(&a);
            let mut uses: Vec<(u64, u32, u32)> = v
                .classify(&Lexicons { gazetteer, names, common: KeySet::default() })
                .iter()
                .map(|u| (u.hash, u.capitalized, u.lowercase))
                .collect();
            let mut by_hash: HashMap<u64, (u32, u32)> = HashMap::new();
            for i in 0..v.len() {
                let c = v.classes[i];
                let t = a.tokens[i];
                let count = by_hash.entry(v.hash(i)).or_default();
                if c & class::CAP != 0 && c & (class::SENT_START | class::AFTER_OPENER | class::HEADLINE) == 0 {
                    count.0 += 1;
                } else if c & class::LOWER != 0 && !glued_to_address(a.text.as_bytes(), t.start(), t.end()) {
                    count.1 += 1;
                }
            }
            let mut expected: Vec<(u64, u32, u32)> =
                by_hash.into_iter().filter(|&(_, (c, l))| c > 0 || l > 0).map(|(h, (c, l))| (h, c, l)).collect();
            uses.sort_unstable();
            expected.sort_unstable();
            assert_eq!(uses, expected, "{text:.80}");
            compared += 1;
            capitalized_uses += uses.iter().map(|u| u.1).sum::<u32>();
            lowercase_uses += uses.iter().map(|u| u.2).sum::<u32>();
        }
        assert!(
            compared > 10 && capitalized_uses > 300 && lowercase_uses > 1500,
            "{capitalized_uses} {lowercase_uses}"
        );
    }

    /// The sentence pass reads the marks that the first pass leaves in the classes (long
    /// words, openers) and clears them: what follows an opener and a headline of long
    /// capitalized words are found, and no bit above the classes is left.
    #[test]
    fn the_sentence_marks_are_read_and_cleared() {
        let a = Analysis::of_text(
            "Storm Closes Northern Highways Overnight\n\nOfficials said (Monday) that “Roads reopen soon.”",
        );
        let (gazetteer, names) = super::super::tables();
        let mut v = View::new(&a);
        v.classify(&Lexicons { gazetteer, names, common: KeySet::default() });
        let token = |text: &str| (0..v.len()).find(|&i| a.token_text(i) == text).unwrap();
        assert_ne!(v.classes[token("Highways")] & class::HEADLINE, 0);
        assert_eq!(v.classes[token("Officials")] & class::HEADLINE, 0);
        assert_ne!(v.classes[token("Monday")] & class::AFTER_OPENER, 0);
        assert_ne!(v.classes[token("Roads")] & class::AFTER_OPENER, 0);
        assert_eq!(v.classes[token("said")] & class::AFTER_OPENER, 0);
        assert!(v.classes.iter().all(|&c| c < class::HOLIDAY << 1), "{:x?}", v.classes);
    }

    /// The shared list of capitalized tokens is every token with CAP, in order, after
    /// classify and in a view restored from the classes; the interesting tokens read off it are
    /// those a scan of every token's classes finds (each is capitalized).
    #[test]
    fn the_capitalized_list_is_every_capitalized_token() {
        let (gazetteer, names) = super::super::tables();
        let mut texts: Vec<String> = crate::seeds::inputs().into_iter().map(|input| input.content).collect();
        texts.push("NEW YORK (AP) — The U.S. Army and Łódź’s mayor met in São Paulo. NATO's chief?".into());
        texts.push(String::new());
        let mut capitalized = 0;
        for text in &texts {
            let a = Analysis::of_text(text);
            let mut v = View::new(&a);
            v.classify(&Lexicons { gazetteer, names, common: KeySet::default() });
            let scan: Vec<u32> = (0..v.len() as u32).filter(|&i| v.classes[i as usize] & class::CAP != 0).collect();
            assert_eq!(v.capitalized(), scan.as_slice());
            let interesting: Vec<u32> =
                (0..v.len() as u32).filter(|&i| v.classes[i as usize] & INTERESTING != 0).collect();
            assert_eq!(v.interesting_tokens(), interesting);
            assert_eq!(View::restored(&a, v.classes.clone()).capitalized(), scan.as_slice());
            capitalized += scan.len();
        }
        assert!(capitalized > 100, "the texts have capitalized words ({capitalized})");
    }

    /// A company's people after a name are evidence of an organization for the name's other
    /// mentions ("a Brantwell spokesman", "Corvane's chief executive"); the adjectives "chief"
    /// and "executive" before another lowercase word are not ("Halvard's chief strategist", "a
    /// Dunmore executive order").
    #[test]
    fn a_companys_people_after_a_name_are_organization_evidence() {
        let (gazetteer, names) = super::super::tables();
        let text = "A Brantwell spokesman declined. Corvane's chief executive spoke. Halvard's chief strategist left. A Dunmore executive order came. Brantwell rose. Corvane fell. Halvard won. Dunmore lost.";
        let a = Analysis::of_text(text);
        let mut v = View::new(&a);
        v.classify(&Lexicons { gazetteer, names, common: KeySet::default() });
        let evidence = |word: &str| {
            let last = (0..v.len()).rev().find(|&i| a.token_text(i) == word).expect("the word's last mention");
            v.classes[last] & class::DOC_ORG_CONTEXT != 0
        };
        assert!(evidence("Brantwell"));
        assert!(evidence("Corvane"));
        assert!(!evidence("Halvard"));
        assert!(!evidence("Dunmore"));
    }

    /// A capitalized token's run value, read four tokens either side, is the one the whole
    /// run gives (its length up to 5, the token's place up to 3, whether it is last): on
    /// every pattern of capitals in sentences of up to 12 tokens, and at the sentence's edges.
    #[test]
    fn run_values_read_near_the_token_are_the_whole_runs() {
        let a = Analysis::of_text("x");
        let mut view = View::new(&a);
        let whole = |caps: &[bool], i: usize, range: &Range<usize>| {
            let (mut first, mut last) = (i, i);
            while first > range.start && caps[first - 1] {
                first -= 1;
            }
            while last + 1 < range.end && caps[last + 1] {
                last += 1;
            }
            let len = (last - first + 1).min(5) as u64;
            len << 4 | ((i - first).min(3) as u64) << 2 | u64::from(i == last)
        };
        let mut compared = 0;
        for n in 1..=12usize {
            for pattern in 0u32..1 << n {
                // Two tokens outside the sentence on either side, capitalized: not counted.
                let caps: Vec<bool> =
                    (0..n + 4).map(|j| !(2..n + 2).contains(&j) || pattern >> (j - 2) & 1 == 1).collect();
                view.classes = caps.iter().map(|&c| if c { class::CAP } else { class::LOWER }).collect();
                let range = 2..n + 2;
                for i in range.clone() {
                    let expected = caps[i].then(|| whole(&caps, i, &range));
                    assert_eq!(view.run_value(i, &range), expected, "{pattern:b} at {i}");
                    compared += 1;
                }
            }
        }
        assert!(compared > 40_000, "{compared}");
    }

    /// A document classified in a batch, whose memo gives what a spelling is alone from the
    /// documents classified before (the last text repeats the first: every spelling of it is
    /// remembered), has the classes, word uses and leans it has classified alone, with and
    /// without the corpus's common words (COMMON is the corpus's, never remembered).
    #[test]
    fn a_batch_remembers_spellings_without_changing_classes() {
        let (gazetteer, names) = super::super::tables();
        let mut texts: Vec<String> = crate::seeds::inputs().into_iter().map(|input| input.content).collect();
        texts.push("NEW YORK (AP) — The U.S. Army and Łódź’s mayor met in São Paulo. NATO's chief? PAULO said.".into());
        texts.push(texts[0].clone());
        let mut words = CommonWords::default();
        for text in &texts {
            let a = Analysis::of_text(text);
            words.add(&View::new(&a).classify(&Lexicons { gazetteer, names, common: KeySet::default() }));
        }
        let common = words.finish();
        assert!(!common.is_empty(), "the texts make common words");
        let mut batch = crate::text::Batch::default();
        let spans: Vec<_> = texts.iter().map(|t| crate::text::paragraph_spans(t)).collect();
        let linked: Vec<_> = texts.iter().zip(&spans).map(|(t, s)| batch.analyze(t, s)).collect();
        let together: Vec<Analysis> = linked.into_iter().map(|l| l.in_batch(&batch)).collect();
        for corpus_common in [KeySet::default(), common] {
            let lex = Lexicons { gazetteer, names, common: corpus_common };
            for (text, b) in texts.iter().zip(&together) {
                let a = Analysis::of_text(text);
                let (mut alone, mut in_batch) = (View::new(&a), View::new(b));
                assert_eq!(alone.classify(&lex), in_batch.classify(&lex));
                assert_eq!(alone.classes, in_batch.classes);
                assert_eq!(alone.lean, in_batch.lean);
            }
        }
        let remembered = together[0].spelling_memo().map_or(0, |(_, memo)| memo.iter().filter(|m| m[1] != 0).count());
        assert!(remembered > 100, "the batch remembers spellings ({remembered})");
    }

    /// The one-pass shape is the shape of the whole token's bytes or characters, on every
    /// token of the seeds and on words that mix ASCII with other characters around the
    /// fourth class and the possessive.
    #[test]
    fn one_pass_shapes_are_the_shapes_by_kinds() {
        let mut words: Vec<String> = Vec::new();
        for input in crate::seeds::inputs() {
            let a = Analysis::of_text(&input.content);
            words.extend((0..a.tokens.len()).map(|i| a.token_text(i).to_string()));
        }
        let odd = [
            "Zoë's",
            "Zoë’s",
            "McD-ñ’s",
            "McD-ñ's",
            "Ab-Cé",
            "ABé",
            "aaaaé",
            "É.U.",
            "Łódź’s",
            "O’Neill",
            "O'Neill's",
            "'s",
            "’s",
            "s's",
            "A's",
            "x’",
            "Mc-Doñal",
            "aaab",
            "aabbccdd",
            "a-b.c1é",
            "1’s",
            "--é",
            "ééé's",
            // Runs passed over, then a change of class, a byte that is not ASCII or the end.
            "aaaé",
            "Washington-based",
            "aaaaB's",
            "AAAAbbbb1",
            "zz",
        ];
        words.extend(odd.iter().map(|w| w.to_string()));
        words.push("a".repeat(600));
        for w in &words {
            let bytes = w.as_bytes();
            assert_eq!(word_shape(bytes, || w), word_shape_by_kinds(bytes, byte_kinds(bytes), || w), "{w}");
        }
        assert!(words.len() > 1000, "{}", words.len());
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_of("Łódź"), shape_of("Lodz"));
        assert_eq!(shape_of("Jean-Paul"), shape_of("Jean‐Paul"));
        assert_eq!(shape_of("U.S."), shape_of("É.U."));
        assert_ne!(shape_of("co-op"), shape_of("co op"));
        assert_eq!(shape_of("Boeing"), shape_of("Airbus"));
        assert_ne!(shape_of("Boeing"), shape_of("NASA"));
        assert_eq!(shape_of("A380"), shape_of("B747"));
    }
}
