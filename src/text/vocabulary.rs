//! The word types of one document: each distinct token key (folded form) once, with what the
//! lexicon says of it. Tokens point here by [`WordId`], so a stage compares ids and reads
//! bits instead of lowercasing and searching lists at every token.
//!
//! Interning is an open-addressing hash table over one string arena: a token costs one hash
//! and, for a new type, one append; nothing is allocated per token. The same structure holds
//! the word types of a whole batch of documents ([`super::Batch`]).

use super::lexicon::{self, Description};

/// A word type of one document's vocabulary.
pub(crate) type WordId = u32;

#[derive(Clone, Debug, Default)]
pub(crate) struct Vocabulary {
    /// Every key, back to back.
    arena: String,
    /// Per type: its key's byte range in `arena`.
    ranges: Vec<(u32, u32)>,
    descriptions: Vec<Description>,
    /// Open-addressing slots: `id + 1`, or 0 when empty. Its length is a power of two, at
    /// least twice the number of types (empty in a document's vocabulary made through a
    /// [`super::Batch`], which the batch's table serves; [`Vocabulary::intern`] builds it).
    slots: Vec<u32>,
    /// Per type: its id in the vocabulary of the batch the document was analyzed in (see
    /// [`super::Batch`]); empty when it was analyzed alone.
    pub(super) global: Vec<WordId>,
}

impl Vocabulary {
    /// An empty vocabulary whose table holds about `types` word types before it grows (the
    /// lists grow as types come).
    pub(crate) fn with_capacity(types: usize) -> Self {
        Vocabulary { slots: vec![0; (2 * types).next_power_of_two().max(256)], ..Vocabulary::default() }
    }

    pub(crate) fn len(&self) -> usize {
        self.ranges.len()
    }

    /// The key of type `id`.
    ///
    /// # Panics
    /// When `id` did not come from this vocabulary.
    pub(crate) fn key(&self, id: WordId) -> &str {
        let (start, end) = self.ranges[id as usize];
        // OK because ranges are recorded at char boundaries of pushed strings.
        &self.arena[start as usize..end as usize]
    }

    pub(crate) fn description(&self, id: WordId) -> &Description {
        &self.descriptions[id as usize]
    }

    /// The id of `key`, adding it (and describing it) when new.
    #[inline(never)]
    pub(crate) fn intern(&mut self, key: &str) -> WordId {
        self.intern_hashed(key, hash(key.as_bytes()))
    }

    /// [`Vocabulary::intern`] of `key`, whose [`hash`] is `hashed`.
    pub(super) fn intern_hashed(&mut self, key: &str, hashed: u64) -> WordId {
        if self.slots.len() < 2 * (self.ranges.len() + 1) {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = hashed as usize & mask;
        loop {
            match self.slots[at] {
                0 => break,
                slot if self.key(slot - 1) == key => return slot - 1,
                _ => at = (at + 1) & mask,
            }
        }
        let id = self.ranges.len() as WordId;
        let start = self.arena.len() as u32;
        self.arena.push_str(key);
        self.ranges.push((start, self.arena.len() as u32));
        self.descriptions.push(lexicon::describe(key));
        self.slots[at] = id + 1;
        id
    }

    /// Adds `key`, which is not in the vocabulary yet, as described by `description` and
    /// known as `global` in the batch's vocabulary, without entering it in the lookup table
    /// (the batch's table finds it; see [`super::Batch`]).
    pub(super) fn push_linked(&mut self, key: &str, description: Description, global: WordId) -> WordId {
        let id = self.ranges.len() as WordId;
        let start = self.arena.len() as u32;
        self.arena.push_str(key);
        self.ranges.push((start, self.arena.len() as u32));
        self.descriptions.push(description);
        self.global.push(global);
        id
    }

    /// The bytes of all keys together.
    pub(super) fn key_bytes(&self) -> usize {
        self.arena.len()
    }

    /// Room for `types` more types whose keys take `key_bytes` (a kept view's vocabulary,
    /// whose sizes are known before it is read).
    pub(super) fn reserve(&mut self, types: usize, key_bytes: usize) {
        self.arena.reserve(key_bytes);
        self.ranges.reserve(types);
        self.descriptions.reserve(types);
    }

    /// Adds the type of `token` (a token's text, folded here), which is not in the vocabulary
    /// yet, without entering it in the lookup table: a kept view names each type once, at its
    /// first token, and [`Vocabulary::intern`] rebuilds the table when it finds it too small.
    /// Only a type `described` is looked up in the lexicon (a kept view says which).
    pub(super) fn push_folded(&mut self, token: &str, described: bool) -> WordId {
        let id = self.ranges.len() as WordId;
        let start = self.arena.len();
        super::fold::fold_token(token, &mut self.arena);
        self.ranges.push((start as u32, self.arena.len() as u32));
        // OK because `start` was the arena's end, a char boundary.
        let key = &self.arena[start..];
        self.descriptions.push(if described { lexicon::describe(key) } else { Description::default() });
        id
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(256);
        self.slots = vec![0; size];
        let mask = size - 1;
        for id in 0..self.ranges.len() as WordId {
            let mut at = hash(self.key(id).as_bytes()) as usize & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = id + 1;
        }
    }
}

/// Two vocabularies are equal when they hold the same types in the same order (the lookup
/// table is how one was built, not what it holds).
impl PartialEq for Vocabulary {
    fn eq(&self, other: &Self) -> bool {
        self.ranges.len() == other.ranges.len()
            && (0..self.ranges.len() as WordId).all(|id| self.key(id) == other.key(id))
            && self.descriptions == other.descriptions
    }
}

/// A `BuildHasher` of [`hash`], for the maps of word keys.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxBuildHasher;

/// The crate's hash map: FxHash instead of std's SipHash (faster on short keys, and one hasher
/// means one compiled copy of the table code per key and value type).
pub(crate) type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuildHasher>;
/// The crate's hash set (see [`FxHashMap`]).
pub(crate) type FxHashSet<T> = std::collections::HashSet<T, FxBuildHasher>;

/// A `Hasher` that hashes the bytes it is given with [`hash`] (keys write one `&str`).
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl std::hash::BuildHasher for FxBuildHasher {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher::default()
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = self.0.rotate_left(5) ^ hash(bytes);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// FxHash (rustc's hasher) over bytes, eight at a time, the last partial word read at once:
/// keys are short and not adversarial enough to need SipHash (a collision costs a probe,
/// never correctness).
pub(super) fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        h = (h.rotate_left(5) ^ crate::bytes::word_le(chunk)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(5) ^ crate::bytes::word_le(rest)).wrapping_mul(K);
    }
    // Mix the high bits down: the table indexes by the low ones.
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interns_each_key_once() {
        let mut v = Vocabulary::default();
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        let ids: Vec<WordId> = words.iter().map(|w| v.intern(w)).collect();
        assert_eq!(v.len(), 1000);
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(v.intern(w), *id);
            assert_eq!(v.key(*id), w);
        }
    }
}
