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
    slots: Slots,
    /// Per type entered by [`Vocabulary::intern`] (a prefix of the types): the low 32 bits of
    /// its key's [`hash`], all a table of up to 2^32 slots reads, to place it again when the
    /// table grows. Types added otherwise get theirs at the next `intern`.
    hashes: Vec<u32>,
    /// Per type: its id in the vocabulary of the batch the document was analyzed in (see
    /// [`super::Batch`]); empty when it was analyzed alone. Written only by
    /// [`Vocabulary::push_linked`] and [`Vocabulary::set_global`], which keep `largest_global`.
    global: Vec<WordId>,
    /// The largest of `global` (0 when it is empty): a column's gather checks its ids against
    /// the column's length once, not once an id (see `gather` in the batch). Native only: the
    /// wasm's gather checks every id.
    #[cfg(not(target_arch = "wasm32"))]
    largest_global: WordId,
    /// Per type of a linked vocabulary: the batch's number of the spelling of its first token
    /// (see [`super::Analysis::spelling_memo`]); empty otherwise.
    pub(super) spellings: Vec<u32>,
    /// True when the keys are the batch's (see [`Vocabulary::push_linked`]): `ranges` index
    /// the arena of the batch's vocabulary, and this one's `arena` stays empty.
    linked: bool,
}

impl Vocabulary {
    /// An empty vocabulary whose table holds about `types` word types before it grows (the
    /// lists grow as types come).
    pub(crate) fn with_capacity(types: usize) -> Self {
        Vocabulary { slots: Slots(vec![0; (2 * types).next_power_of_two().max(256)]), ..Vocabulary::default() }
    }

    pub(crate) fn len(&self) -> usize {
        self.ranges.len()
    }

    /// True when the keys are a batch's (see [`Vocabulary::push_linked`]): read them with
    /// [`Vocabulary::key_in`], given the batch's vocabulary.
    pub(super) fn is_linked(&self) -> bool {
        self.linked
    }

    /// The key of type `id`.
    ///
    /// # Panics
    /// When `id` did not come from this vocabulary, or it is linked (its keys are the batch's:
    /// [`super::Analysis::word_key`] reads them there).
    #[inline]
    pub(crate) fn key(&self, id: WordId) -> &str {
        debug_assert!(!self.linked, "a linked vocabulary's keys are read in its batch's arena");
        self.key_in(None, id)
    }

    /// The key of type `id`, read in the arena of `batch` when this vocabulary is linked to
    /// it ([`Vocabulary::push_linked`]; `batch` must then be the vocabulary the types were
    /// linked to), else in this one's own (`batch` is `None`).
    ///
    /// # Panics
    /// When `id` did not come from this vocabulary.
    #[inline]
    pub(super) fn key_in<'v>(&'v self, batch: Option<&'v Vocabulary>, id: WordId) -> &'v str {
        debug_assert_eq!(batch.is_some(), self.linked, "a linked vocabulary is read in its batch's arena");
        let arena = match batch {
            Some(batch) => &batch.arena,
            None => &self.arena,
        };
        let (start, end) = self.ranges[id as usize];
        // The bytes are sliced with bounds checks, and the char-boundary check of `&str`
        // slicing is left out: in the wasm (opt-level "z") that check is a call to std's
        // `str` indexing, 2-3% of the page's extraction time at this one place.
        let bytes = &arena.as_bytes()[start as usize..end as usize];
        // SAFETY: every range is recorded around exactly one whole string appended to an
        // arena (`intern`, `unlinked`, `push_folded`: `start` is the arena's length before the
        // append, `end` after it), and an arena is never edited or truncated below an end
        // already recorded (the native ASCII fold appends a padded block and cuts it back to
        // the token's length before the range is recorded), so both ends are
        // char boundaries and the bytes between them are valid UTF-8. The arena is the one the
        // range was recorded in: this vocabulary's own (its `arena` is empty when it is linked,
        // so a linked range read there fails the bounds check or is empty), or, linked, that
        // of `batch`, whose ranges `push_linked` copied (the one caller with a batch,
        // `Analysis::word_key`, passes the batch `Linked::in_batch` checked is the one that
        // made it).
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }

    pub(crate) fn description(&self, id: WordId) -> &Description {
        &self.descriptions[id as usize]
    }

    /// The id of `key`, adding it (and describing it) when new.
    ///
    /// Each key's hash is kept ([`Vocabulary::hashes`]): when the table grows, its types are
    /// placed again by their kept hashes instead of by hashing their keys again (about two and
    /// a half keys a type in a batch whose table doubles as its types come).
    #[inline(never)]
    pub(crate) fn intern(&mut self, key: &str) -> WordId {
        let hashed = hash(key.as_bytes());
        // The types added without a hash (a kept view's: `push_folded`, `unlinked`) get theirs
        // first, once each.
        for id in self.hashes.len()..self.ranges.len() {
            let h = hash(self.key(id as WordId).as_bytes()) as u32;
            self.hashes.push(h);
        }
        let Vocabulary { slots, hashes, .. } = self;
        // OK because `hashes` holds one hash a type (filled above), and the table only ids of
        // types.
        slots.make_room(hashes.len(), 256, |id| u64::from(hashes[id as usize]));
        let found = self.slots.find(hashed, |id| same_bytes(self.key(id).as_bytes(), key.as_bytes()));
        let at = match found {
            Ok(id) => return id,
            Err(at) => at,
        };
        let id = self.ranges.len() as WordId;
        let start = self.arena.len() as u32;
        self.arena.push_str(key);
        self.ranges.push((start, self.arena.len() as u32));
        self.descriptions.push(lexicon::describe_hashed(key, hashed));
        self.hashes.push(hashed as u32);
        self.slots.fill(at, id);
        id
    }

    /// An empty vocabulary of types linked to a batch's ([`Vocabulary::push_linked`]), with
    /// room for `types` of them.
    pub(super) fn linked(types: usize) -> Self {
        let mut words = Vocabulary { linked: true, ..Vocabulary::default() };
        words.global.reserve(types);
        words.spellings.reserve(types);
        words
    }

    /// Adds the type known as `global` in the batch, not in this vocabulary yet, as a *linked*
    /// type: its key stays in the batch's arena, and the type is not entered in the lookup
    /// table (the batch's table finds it; see [`super::Batch`]). Only a vocabulary made
    /// [`Vocabulary::linked`] takes them, from one batch, and the types are read once
    /// [`Vocabulary::link_keys`] has copied their key ranges and descriptions (a document's
    /// analysis adds its types in the loop over its tokens, and copies those in one pass after
    /// it). `spelling` is the batch's number of the spelling of the type's first token here.
    #[inline]
    pub(super) fn push_linked(&mut self, global: WordId, spelling: u32) -> WordId {
        let id = self.global.len() as WordId;
        self.global.push(global);
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.largest_global = self.largest_global.max(global);
        }
        self.spellings.push(spelling);
        id
    }

    /// Per type, its id in the batch (see [`Vocabulary::global`]).
    pub(super) fn global(&self) -> &[WordId] {
        &self.global
    }

    /// The largest of [`Vocabulary::global`] (0 when there are none): no type's batch id is
    /// larger.
    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn largest_global(&self) -> WordId {
        self.largest_global
    }

    /// Sets the types' batch ids (a kept view entered in a batch: see
    /// [`super::Batch::with_view`]).
    pub(super) fn set_global(&mut self, global: Vec<WordId>) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.largest_global = global.iter().copied().max().unwrap_or(0);
        }
        self.global = global;
    }

    /// Copies from `batch` the key ranges (not the keys' bytes) and descriptions of the types
    /// [`Vocabulary::push_linked`] added since the last call.
    ///
    /// # Panics
    /// When a type's batch id is not a type of `batch`.
    pub(super) fn link_keys(&mut self, batch: &Vocabulary) {
        debug_assert!(self.linked && !batch.linked);
        // OK because `push_linked` was given ids of the batch's types (`Batch::analyze`).
        let new = self.global.get(self.ranges.len()..).unwrap_or_default();
        self.ranges.extend(new.iter().map(|&global| batch.ranges[global as usize]));
        self.descriptions.extend(new.iter().map(|&global| batch.descriptions[global as usize]));
    }

    /// This vocabulary with its own copy of its keys, read in `batch` when it is linked to it
    /// (`batch` as in [`Vocabulary::key_in`]), and without the types' batch ids: what a
    /// document's kept view holds, read alone.
    pub(super) fn unlinked(self, batch: Option<&Vocabulary>) -> Vocabulary {
        if !self.linked {
            let mut words = self;
            words.set_global(Vec::new());
            return words;
        }
        let mut words = Vocabulary::default();
        let key_bytes = (0..self.len() as WordId).map(|id| self.key_in(batch, id).len()).sum();
        words.reserve(self.len(), key_bytes);
        for id in 0..self.len() as WordId {
            let start = words.arena.len() as u32;
            words.arena.push_str(self.key_in(batch, id));
            words.ranges.push((start, words.arena.len() as u32));
        }
        words.descriptions = self.descriptions;
        words
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
}

/// An open-addressing hash table of the entries of a list (a vocabulary's types, a batch's
/// spellings), which keeps their hashes nowhere: each slot holds an entry's index plus one, or
/// 0 when empty. Its length is a power of two, at least twice the number of entries.
#[derive(Clone, Debug, Default)]
pub(super) struct Slots(Vec<u32>);

impl Slots {
    /// The index of the entry of hash `hashed` that `is` accepts, or else the slot where it
    /// goes ([`Slots::fill`]).
    pub(super) fn find(&self, hashed: u64, mut is: impl FnMut(u32) -> bool) -> Result<u32, usize> {
        let mask = self.0.len() - 1;
        let mut at = hashed as usize & mask;
        loop {
            // OK because `at` is masked to the table's power-of-two length.
            match self.0[at] {
                0 => return Err(at),
                slot if is(slot - 1) => return Ok(slot - 1),
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// Enters `index` in slot `at`, which [`Slots::find`] gave.
    pub(super) fn fill(&mut self, at: usize, index: u32) {
        self.0[at] = index + 1;
    }

    /// True when the table has room for one more entry than the `count` there are, without
    /// growing ([`Slots::make_room`]).
    #[inline]
    pub(super) fn has_room(&self, count: usize) -> bool {
        self.0.len() >= 2 * (count + 1)
    }

    /// Makes room for one more entry than the `count` there are (of at least `least` slots),
    /// placing them again by `hash_of` when the table grows.
    pub(super) fn make_room(&mut self, count: usize, least: usize, hash_of: impl Fn(u32) -> u64) {
        if self.has_room(count) {
            return;
        }
        // Room for every entry placed below and one more, at most half full: doubling alone
        // would not do when many entries were added since the last growth (types pushed
        // without interning), and `find` on a full table would never end.
        let size = (self.0.len() * 2).max(least).max(2 * (count + 1)).next_power_of_two();
        self.0 = vec![0; size];
        for index in 0..count as u32 {
            if let Err(at) = self.find(hash_of(index), |_| false) {
                self.fill(at, index);
            }
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
    // The fixed-size writes give what `write` gives for their little-endian bytes, without the
    // loop: a `str` key ends with `write_u8(0xff)`, and integer keys are one of these. The wasm
    // (opt-level "z") called `hash` for each, reading the bytes one at a time.
    fn write_u8(&mut self, i: u8) {
        self.0 = self.0.rotate_left(5) ^ hash_word(u64::from(i), 1);
    }
    fn write_u16(&mut self, i: u16) {
        self.0 = self.0.rotate_left(5) ^ hash_word(u64::from(i), 2);
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = self.0.rotate_left(5) ^ hash_word(u64::from(i), 4);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = self.0.rotate_left(5) ^ hash_word(i, 8);
    }
    fn write_usize(&mut self, i: usize) {
        self.0 = self.0.rotate_left(5) ^ hash_word(i as u64, std::mem::size_of::<usize>() as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// [`hash`] of the `len` (1 to 8) little-endian bytes of `word`: one step of its loop.
#[inline]
fn hash_word(word: u64, len: u64) -> u64 {
    // `len.rotate_left(5)` is `len << 5` for a length below 2^59.
    let h = ((len << 5) ^ word).wrapping_mul(HASH_K);
    h ^ (h >> 29)
}

/// The hash of a word of up to eight bytes that is a key of its own (a spelling's head, see
/// `Spellings` in the batch): one step of [`hash`]'s loop, without the length.
#[inline]
pub(super) fn hash_head(word: u64) -> u64 {
    hash_word(word, 0)
}

/// True when `a` and `b` hold the same bytes. Token texts and keys are short, and most lookups
/// compare one: up to 16 bytes are compared as two overlapping words a side (of 1, 4 or 8
/// bytes) instead of in a call to `memcmp` (natively about 17 instructions a call, beside the
/// call; in the wasm, the crate's own `memcmp`). Longer ones go to `memcmp`.
#[inline]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // OK because each arm reads within the `n` bytes both sides have: the first and last
    // chunks of a slice of at least the chunk's size.
    match n {
        0 => true,
        // Bytes 0, n / 2 and n - 1 are every byte of one to three.
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => a.first_chunk::<4>() == b.first_chunk::<4>() && a.last_chunk::<4>() == b.last_chunk::<4>(),
        8..=16 => a.first_chunk::<8>() == b.first_chunk::<8>() && a.last_chunk::<8>() == b.last_chunk::<8>(),
        _ => a == b,
    }
}

/// FxHash's multiplier (rustc's hasher).
const HASH_K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash (rustc's hasher) over bytes, eight at a time, the last partial word read at once:
/// keys are short and not adversarial enough to need SipHash (a collision costs a probe,
/// never correctness).
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    hash_with_bits(bytes, 0)
}

/// [`hash`] of `bytes` with `bits` set in each of them, without that copy: with `0x20`, a word
/// of ASCII letters and digits hashes as its lowercase (digits have the bit already), which
/// the search index uses to hash words where they lie in the text.
#[inline]
pub(crate) fn hash_with_bits(bytes: &[u8], bits: u8) -> u64 {
    const K: u64 = HASH_K;
    let set = u64::from_le_bytes([bits; 8]);
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        h = (h.rotate_left(5) ^ (crate::bytes::word_le(chunk) | set)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Only the bytes there are: a partial word is zero-padded. OK because `rest` holds 1 to
        // 7 bytes: the shift is 8 to 56.
        let set = set >> (64 - 8 * rest.len());
        h = (h.rotate_left(5) ^ (crate::bytes::word_le(rest) | set)).wrapping_mul(K);
    }
    // Mix the high bits down: the table indexes by the low ones.
    h ^ (h >> 29)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interned_types_are_found_as_the_table_grows_from_kept_hashes() {
        // Types added without a hash first (a kept view's; more than fit the first table, so
        // that `Slots::make_room` must size it for all of them at once, not double it once),
        // then thousands interned, the table growing many times: every key is found again as
        // the type it was given, and no key is given two types.
        let mut words = Vocabulary::default();
        for k in 0..1000 {
            words.push_folded(&format!("Kept{k}"), false);
        }
        let keys: Vec<String> =
            (0..1000).map(|k| format!("kept{k}")).chain((0..5000).map(|k| format!("w{k}"))).collect();
        for (id, key) in keys.iter().enumerate() {
            assert_eq!(words.intern(key), id as WordId, "{key}");
        }
        for (id, key) in keys.iter().enumerate() {
            assert_eq!(words.intern(key), id as WordId, "{key} again");
        }
        assert_eq!(words.len(), keys.len());
    }

    #[test]
    fn the_hash_reads_a_partial_word_as_zero_padded() {
        let bytes = b"abcdefghijklmnopqrstu";
        for n in 0..bytes.len() {
            let mut h: u64 = n as u64;
            for chunk in bytes[..n].chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
            }
            assert_eq!(hash(&bytes[..n]), h ^ (h >> 29), "{n} bytes");
        }
    }

    #[test]
    fn fixed_size_writes_hash_as_their_bytes() {
        use std::hash::Hasher;
        let written = |f: &dyn Fn(&mut FxHasher)| {
            let mut h = FxHasher(0x1234_5678_9abc_def0);
            f(&mut h);
            h.finish()
        };
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..1000 {
            x = x.rotate_left(17).wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x1f;
            let bytes = x.to_le_bytes();
            let by_bytes = |n: usize| written(&|h: &mut FxHasher| h.write(&bytes[..n]));
            assert_eq!(written(&|h: &mut FxHasher| h.write_u8(x as u8)), by_bytes(1));
            assert_eq!(written(&|h: &mut FxHasher| h.write_u16(x as u16)), by_bytes(2));
            assert_eq!(written(&|h: &mut FxHasher| h.write_u32(x as u32)), by_bytes(4));
            assert_eq!(written(&|h: &mut FxHasher| h.write_u64(x)), by_bytes(8));
            let n = std::mem::size_of::<usize>();
            assert_eq!(written(&|h: &mut FxHasher| h.write_usize(x as usize)), by_bytes(n));
            // A `str` key is its bytes, then the byte 0xff.
            assert_eq!(written(&|h: &mut FxHasher| std::hash::Hash::hash("key", h)), {
                written(&|h: &mut FxHasher| {
                    h.write(b"key");
                    h.write(&[0xff]);
                })
            });
        }
    }

    #[test]
    fn same_bytes_is_slice_equality() {
        let words: Vec<&[u8]> = vec![
            b"",
            b"a",
            b"b",
            b"ab",
            b"ba",
            b"abc",
            b"abd",
            b"xbc",
            b"axc",
            b"abcd",
            b"abce",
            b"xbcd",
            b"abcde",
            b"abxde",
            b"abcdefg",
            b"abcxefg",
            b"abcdefgh",
            b"abcdefgx",
            b"xbcdefgh",
            b"abcdefghijkl",
            b"abcdefxhijkl",
            b"abcdefghijklmnop",
            b"abcdefghxjklmnop",
            b"abcdefghijklmnopq",
            b"abcdefghijklmnopx",
        ];
        for a in &words {
            for b in &words {
                assert_eq!(same_bytes(a, b), a == b, "{a:?} {b:?}");
            }
        }
        // Every single differing byte of every length up to 20 is seen.
        for n in 1..=20 {
            let a: Vec<u8> = (0..n as u8).collect();
            for k in 0..n {
                let mut b = a.clone();
                b[k] ^= 0x80;
                assert!(!same_bytes(&a, &b), "{n} bytes, byte {k}");
            }
            assert!(same_bytes(&a, &a.clone()));
        }
    }

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
