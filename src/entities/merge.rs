//! Merging: candidates of every document become entities. People are keyed by surname and
//! first name (compared by consonant skeleton, so transliterations such as Andrei/Andrey
//! meet); a lone surname, title + surname or first name joins the fullest name of its
//! document, or the only person of the corpus with that surname. Places and organizations
//! merge by their gazetteer canonical name, or by their text.
//!
//! It does not find names (that is `recognize`).
//!
//! Costs: one map lookup per candidate (by folded surname, or by kind and folded name), with
//! the folded keys written into reused buffers; a full name compares against the people of its
//! surname, a lone word against the drafts of its document. A surname of [`INDEX_FROM`]
//! people or more and a document of as many drafts are searched through indexes instead
//! (natively and in the wasm alike, all on one map type, [`Slots`], and one heap type), and
//! an entity's aliases and roles past the first [`SEARCHED`] are deduplicated at the end
//! instead of searched, so that a document of any length costs time linear in it. Strings are
//! allocated per entity (its keys and roles) and per mention of the contract (its text), not per
//! candidate; each document's id once, shared by its mentions.

use super::gazetteer::key;
use super::names::Names;
use super::recognize::{Candidate, Certainty, DocumentNames, Kind};
use super::{Entities, Gender, MentionRef};
use crate::doc::Doc;
use crate::model::{Entity, EntityKind, Mention};
use crate::text::fold::fold_token;
use crate::text::FxBuildHasher;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

/// Maps keyed by short strings (hashed with the token view's hasher: nothing iterates them,
/// so their order never reaches the output).
type Map<K, V> = HashMap<K, V, FxBuildHasher>;

/// An entity being built, borrowing its name from the candidate that gave it.
struct Draft<'t> {
    kind: Kind,
    /// The fullest name seen, as words (the candidate's own list, not a copy: a copy was an
    /// allocation per draft and per rename), and its [`name_words`].
    name: &'t [&'t str],
    fullness: usize,
    /// Canonical name for places and organizations, and its key.
    canonical: Option<&'static str>,
    canonical_key: Option<String>,
    roles: Vec<String>,
    genders: [bool; 2],
    /// The folded name (its words' keys joined by single spaces), kept up to date with it.
    name_key: String,
    /// Where `name_key` holds the keys of the first word and, for a person, of the surname and
    /// the given name, the merge keys (`None` for places and organizations: nothing reads
    /// theirs). Ranges, not strings of their own: a draft's keys take one allocation.
    first: Range<usize>,
    keys: Option<(Range<usize>, Range<usize>)>,
    /// For a person, the formal names its given name is a nickname of ([`Names::formal_of`]),
    /// looked up once a name rather than at each comparison.
    formal: &'t [&'static str],
}

impl<'t> Draft<'t> {
    fn new(kind: Kind, c: &'t Candidate<'_>, names: &'t Names) -> Self {
        Self::named(kind, c.canonical, &c.words, names)
    }

    /// A draft of `kind` named `words` (and `canonical`), with no mention yet.
    fn named(kind: Kind, canonical: Option<&'static str>, words: &'t [&'t str], names: &'t Names) -> Self {
        let mut draft = Draft {
            kind,
            name: &[],
            fullness: 0,
            canonical,
            canonical_key: canonical.map(key),
            roles: Vec::new(),
            genders: [false; 2],
            name_key: String::new(),
            first: 0..0,
            keys: None,
            formal: &[],
        };
        draft.rename(words, names);
        draft
    }

    fn rename(&mut self, words: &'t [&'t str], names: &'t Names) {
        // Room for the keys (as long as the words, but for a few folded letters), so that
        // writing them grows the string once.
        self.name_key.clear();
        self.name_key.reserve(words.iter().map(|w| w.len() + 1).sum());
        self.name = words;
        self.fullness = name_words(words);
        // Only people are merged by these keys.
        let people = given_and_surname_at(words).filter(|_| self.kind == Kind::Person);
        let (mut surname, mut given) = (0..0, 0..0);
        self.first = 0..0;
        // `fold_words`, noting where each word's key lies.
        for (k, word) in words.iter().enumerate() {
            if k > 0 {
                self.name_key.push(' ');
            }
            let start = self.name_key.len();
            fold_token(word, &mut self.name_key);
            let range = start..self.name_key.len();
            if k == 0 {
                self.first = range.clone();
            }
            if let Some((g, l)) = people {
                if k == l {
                    surname = range.clone();
                }
                if k == g {
                    given = range;
                }
            }
        }
        self.keys = people.map(|_| (surname, given));
        self.formal = match self.person_keys() {
            Some((_, given)) => names.formal_of(given),
            None => &[],
        };
    }

    /// The key of the name's `range` (see [`Draft::first`]).
    fn key_at(&self, range: &Range<usize>) -> &str {
        // A range lies around whole keys appended to `name_key` (`rename`), so both ends are
        // char boundaries; `get` keeps any other range from panicking.
        self.name_key.get(range.clone()).unwrap_or_default()
    }

    /// The key of the name's first word.
    fn first_key(&self) -> &str {
        self.key_at(&self.first)
    }

    /// The keys of a person's surname and given name.
    fn person_keys(&self) -> Option<(&str, &str)> {
        self.keys.as_ref().map(|(surname, given)| (self.key_at(surname), self.key_at(given)))
    }

    /// True when this is a person whose given name is [`same_given_name`] with `given`, whose
    /// formal names (see [`Draft::formal`]) are `formal`.
    fn has_given_name(&self, given: &str, formal: &[&str]) -> bool {
        self.person_keys().is_some_and(|(_, g)| same_given_name_of(g, self.formal, given, formal))
    }

    /// True when this is a person whose surname's key is `key`: what comparing the surname
    /// of [`Draft::person_keys`] gives, by bytes (equal strings are equal bytes), without
    /// making either key a `&str` (a lone word is held to each person of its document so).
    fn has_surname(&self, key: &str) -> bool {
        self.keys
            .as_ref()
            .is_some_and(|(surname, _)| self.name_key.as_bytes().get(surname.clone()) == Some(key.as_bytes()))
    }

    /// Adds candidate `c`'s mention; true when its fuller name renamed the draft.
    fn add(&mut self, c: &'t Candidate<'_>, names: &'t Names) -> bool {
        let renamed = name_words(&c.words) > self.fullness;
        if renamed {
            self.rename(&c.words, names);
        }
        if let Some(role) = &c.role {
            // A few roles are searched; past them each is kept (but a repeat of the last) and
            // the repeats dropped at the end ([`first_of_each`]), so that an entity's roles
            // cost time linear in its mentions.
            let kept =
                if self.roles.len() < searched() { self.roles.contains(role) } else { self.roles.last() == Some(role) };
            if !kept {
                self.roles.push(role.clone());
            }
        }
        match c.gender {
            Some(Gender::Male) => self.genders[0] = true,
            Some(Gender::Female) => self.genders[1] = true,
            None => {}
        }
        renamed
    }
}

fn is_initial(word: &str) -> bool {
    word.ends_with('.') && word.chars().filter(|c| c.is_alphabetic()).count() == 1
}

/// Appends the key of a name's words joined by single spaces to `out` (what [`key`] makes of
/// the joined name: folding goes character by character).
fn fold_words(words: &[&str], out: &mut String) {
    for (k, word) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        fold_token(word, out);
    }
}

/// The given name and surname of a person's words (the first and last that are neither
/// initials nor particles), when there are two.
fn given_and_surname<'w>(words: &[impl AsRef<str> + 'w]) -> Option<(&str, &str)> {
    // OK because the indices are of `words`.
    given_and_surname_at(words).map(|(given, last)| (words[given].as_ref(), words[last].as_ref()))
}

/// The indices in `words` of [`given_and_surname`].
fn given_and_surname_at(words: &[impl AsRef<str>]) -> Option<(usize, usize)> {
    let mut real = words.iter().map(AsRef::as_ref).enumerate().filter(|(_, w)| !is_initial(w) && !is_particle(w));
    let (given, _) = real.next()?;
    Some((given, real.last()?.0))
}

fn is_particle(word: &str) -> bool {
    super::lexicon::PARTICLES.contains(&word)
}

/// Name words that count for fullness: initials count less than names.
fn name_words(words: &[impl AsRef<str>]) -> usize {
    words.iter().map(|w| if is_initial(w.as_ref()) { 1 } else { 2 }).sum()
}

/// Consonant skeleton of a given name: `andrei` and `andrey` are both `ndr`.
fn skeleton(name: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = None;
    name.chars().filter(move |&c| {
        if "aeiouy".contains(c) || last == Some(c) {
            return false;
        }
        last = Some(c);
        true
    })
}

/// Given names of one person: equal, nicknames of each other (the generated list), or
/// transliterations (the same consonant skeleton).
fn same_given_name(names: &Names, a: &str, b: &str) -> bool {
    same_given_name_of(a, names.formal_of(a), b, names.formal_of(b))
}

/// [`same_given_name`] of `a` and `b`, whose formal names ([`Names::formal_of`]) are
/// `formal_a` and `formal_b`: what `Names::same_given_name` tests of them, then the
/// skeleton.
fn same_given_name_of(a: &str, formal_a: &[&str], b: &str, formal_b: &[&str]) -> bool {
    a == b
        || formal_a.contains(&b)
        || formal_b.contains(&a)
        || formal_a.iter().any(|f| formal_b.contains(f))
        || (a.len().min(b.len()) >= 4
            && a.chars().next() == b.chars().next()
            && a.chars().count().abs_diff(b.chars().count()) <= 2
            && skeleton(a).eq(skeleton(b)))
}

/// From how many drafts a list is searched through an index instead of one by one: the
/// people of one surname (full names), and the drafts of one document (lone words). Shorter
/// lists, the common case, cost less scanned than indexed; longer ones would make a document of
/// thousands of names cost time quadratic in its length.
const INDEX_FROM: usize = 96;

/// How many of an entity's aliases or roles are searched as they come; past them, the rest are
/// kept as they come and deduplicated at the end ([`first_of_each`]), so that an entity with
/// thousands of spellings or titles costs linear time.
const SEARCHED: usize = 16;

#[cfg(test)]
thread_local! {
    /// A test's [`INDEX_FROM`] (0: every list indexed; `usize::MAX`: none), to compare both.
    static TEST_INDEX_FROM: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

fn index_from() -> usize {
    #[cfg(test)]
    if let Some(from) = TEST_INDEX_FROM.with(std::cell::Cell::get) {
        return from;
    }
    INDEX_FROM
}

/// [`SEARCHED`], or a test's: 0 when the test indexes every list, every alias and role
/// searched as it comes when it indexes none (`usize::MAX`), the plain definition.
fn searched() -> usize {
    #[cfg(test)]
    if let Some(from) = TEST_INDEX_FROM.with(std::cell::Cell::get) {
        return if from == usize::MAX { usize::MAX } else { from.min(SEARCHED) };
    }
    SEARCHED
}

/// Keys (short strings) each given a number (a draft, or a place in a list beside): the one
/// map type of the merge's indexes and draft tables, so that the indexes bring no other copy
/// of the map's code (the page's wasm carries one per key and value type).
#[derive(Default)]
struct Slots {
    map: Map<String, usize>,
}

impl Slots {
    /// Slots with room for `n` keys, made at once.
    fn with_capacity(n: usize) -> Self {
        Slots { map: Map::with_capacity_and_hasher(n, FxBuildHasher) }
    }

    /// The number of `key`, if it has one.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn get(&self, key: &str) -> Option<usize> {
        self.map.get(key).copied()
    }

    /// The number of `key`, given `new` when it had none, and whether it had none. (Inlined
    /// natively, for speed; not in the wasm, for size.)
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    fn slot_or(&mut self, key: &str, new: usize) -> (usize, bool) {
        if let Some(&n) = self.map.get(key) {
            return (n, false);
        }
        self.map.insert(key.to_string(), new);
        (new, true)
    }

    /// The number of `key`, the next one when it had none (the numbers count the keys), and
    /// whether it had none.
    fn slot(&mut self, key: &str) -> (usize, bool) {
        self.slot_or(key, self.map.len())
    }
}

/// Drops each string's repeats after its first from `list`, in order. Lists of [`SEARCHED`]
/// or fewer are left as they are: they were searched as they grew, so hold no repeats.
#[inline(always)]
fn first_of_each(list: &mut Vec<String>) {
    if list.len() > searched() {
        drop_repeats(list);
    }
}

/// [`first_of_each`] of a long list.
fn drop_repeats(list: &mut Vec<String>) {
    let mut seen = Slots::default();
    list.retain(|s| seen.slot(s).1);
}

/// The one heap type of the indexes: drafts by a tally (mentions before, latest mention; see
/// [`DocIndex`]), then smallest draft first. Where only the draft counts, the tally is
/// `(0, 0)`.
type Heap = BinaryHeap<((usize, usize), Reverse<usize>)>;

/// The people of one surname (full names, in the order they were made, so by draft), and,
/// once they are [`INDEX_FROM`] or more, their index by given name.
#[derive(Default)]
struct Surname {
    people: Vec<usize>,
    index: Option<GivenIndex>,
}

/// Calls `each` with every key `given` is filed under (`sought`: false), or with every key
/// under which a name [`same_given_name`] pairs with `given` is filed (`sought`: true; the
/// skeleton's lengths within two of its own), each once, written in `key`, so that the names
/// [`same_given_name`] pairs share one: `n` and the name, and `n` and each formal name it is a
/// nickname of (see [`Names::formal_of`]); for a name of four bytes or more, its
/// [`skeleton_key`].
fn given_keys(names: &Names, given: &str, sought: bool, key: &mut String, each: &mut dyn FnMut(&str)) {
    let formal = names.formal_of(given);
    let others = formal.iter().enumerate().filter(|&(k, &f)| {
        // OK because `k` is an index of `formal`.
        f != given && !formal[..k].contains(&f)
    });
    for name in std::iter::once(given).chain(others.map(|(_, &f)| f)) {
        key.clear();
        key.push('n');
        key.push_str(name);
        each(key);
    }
    if given.len() >= 4 {
        let length = given.chars().count();
        let lengths = if sought { length.saturating_sub(2)..=length + 2 } else { length..=length };
        for length in lengths {
            skeleton_key(given, length, key);
            each(key);
        }
    }
}

/// Writes into `key` the skeleton key of `given` as if it were `length` characters long: `s`,
/// its first character, the length's digits, `:` and its consonant skeleton (the first
/// character is one, so the digits end at the colon).
fn skeleton_key(given: &str, length: usize, key: &mut String) {
    key.clear();
    key.push('s');
    key.extend(given.chars().take(1));
    let digits = key.len();
    let mut rest = length;
    loop {
        // OK because a remainder of 10 is a digit.
        key.insert(digits, char::from(b'0' + (rest % 10) as u8));
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    key.push(':');
    key.extend(skeleton(given));
}

/// True when `given` is filed under `key` (see [`given_keys`]); `scratch` is written.
fn filed_under(names: &Names, given: &str, key: &str, scratch: &mut String) -> bool {
    if let Some(name) = key.strip_prefix('n') {
        return given == name || names.formal_of(given).contains(&name);
    }
    given.len() >= 4 && {
        skeleton_key(given, given.chars().count(), scratch);
        scratch == key
    }
}

/// People by the keys of their given names, each key's drafts in a heap, smallest first. An
/// entry whose draft no longer has a given name filed under its key (renamed) is dropped when
/// it reaches the top; a renamed draft is filed again ([`GivenIndex::file`]), so every draft
/// filed under a key has an entry there, and a key's smallest draft is its heap's first valid
/// entry.
#[derive(Default)]
struct GivenIndex {
    keys: Slots,
    heaps: Vec<Heap>,
    /// Where keys are written.
    key: String,
    scratch: String,
}

impl GivenIndex {
    fn of(drafts: &[Draft], people: &[usize], names: &Names) -> Self {
        let mut index = GivenIndex::default();
        for &p in people {
            index.file(drafts, p, names);
        }
        index
    }

    /// Files draft `p` under the keys of its given name.
    fn file(&mut self, drafts: &[Draft], p: usize, names: &Names) {
        if let Some((_, given)) = drafts[p].person_keys() {
            let (keys, heaps) = (&mut self.keys, &mut self.heaps);
            given_keys(names, given, false, &mut self.key, &mut |key| {
                let (slot, new) = keys.slot(key);
                if new {
                    heaps.push(Heap::new());
                }
                // OK because each key's slot is the next heap's when the key is new.
                heaps[slot].push(((0, 0), Reverse(p)));
            });
        }
    }

    /// The first (smallest) draft whose given name is [`same_given_name`] with `given`: what
    /// the first of the surname's people to pass that test is.
    fn first(&mut self, drafts: &[Draft], given: &str, names: &Names) -> Option<usize> {
        let mut best: Option<usize> = None;
        let (keys, heaps, scratch) = (&self.keys, &mut self.heaps, &mut self.scratch);
        given_keys(names, given, true, &mut self.key, &mut |key| {
            let Some(heap) = keys.get(key).and_then(|slot| heaps.get_mut(slot)) else { return };
            while let Some(&(_, Reverse(p))) = heap.peek() {
                if drafts[p].person_keys().is_some_and(|(_, g)| filed_under(names, g, key, scratch)) {
                    best = Some(best.map_or(p, |b| b.min(p)));
                    break;
                }
                heap.pop();
            }
        });
        best
    }
}

/// A document's drafts indexed for its lone words (see [`resolve_lone_word`]), when it has
/// [`INDEX_FROM`] or more. Within a document a person's keys only ever go (a lone word with
/// more name words renames a person to a name with no given name and surname), while a place
/// or organization renamed by a lone word gains keys; gender marks and mention counts only
/// grow. Each index keeps entries that may have gone stale and checks the one it answers with,
/// dropping the stale for good, so each entry is dropped once.
#[derive(Default)]
struct DocIndex {
    /// Places and organizations by kind (its number) and key (canonical, name, first word of a
    /// longer name), smallest draft first.
    others: Slots,
    other_heaps: Vec<Heap>,
    /// People by surname key.
    surnames: Slots,
    /// Per surname, its people by (mentions before, latest mention, reversed draft), largest
    /// first, once for any gender, once for the people not female, once for those not male: an
    /// entry is pushed for each new count, so only the newest of a draft is valid.
    by_last: Vec<[Heap; 3]>,
    /// People by the keys of their given names (order does not matter: only the one match is
    /// sought).
    firsts: Slots,
    by_first: Vec<Vec<usize>>,
    /// Where keys are written.
    key: String,
}

impl DocIndex {
    fn of(drafts: &[Draft], in_doc: &InDoc, names: &Names, before: &[(usize, usize)]) -> Self {
        let mut index = DocIndex::default();
        for &p in &in_doc.all {
            let draft = &drafts[p];
            if draft.kind != Kind::Person {
                index.file_other(drafts, p);
                continue;
            }
            let Some((surname, given)) = draft.person_keys() else { continue };
            if index.surnames.slot(surname).1 {
                index.by_last.push(Default::default());
            }
            index.count(drafts, p, before.get(p).copied().unwrap_or_default());
            let (firsts, by_first) = (&mut index.firsts, &mut index.by_first);
            given_keys(names, given, false, &mut index.key, &mut |key| {
                let (slot, new) = firsts.slot(key);
                if new {
                    by_first.push(Vec::new());
                }
                // OK because each key's slot is the next list's when the key is new.
                by_first[slot].push(p);
            });
        }
        index
    }

    /// Writes into `key` the key of a place or organization of kind `kind` keyed `word`.
    fn other_key(key: &mut String, kind: Kind, word: &str) {
        key.clear();
        key.push(char::from(b'0' + kind as u8));
        key.push_str(word);
    }

    /// Files place or organization `p` under its keys.
    fn file_other(&mut self, drafts: &[Draft], p: usize) {
        let draft = &drafts[p];
        let mut file = |word: &str| {
            Self::other_key(&mut self.key, draft.kind, word);
            let (slot, new) = self.others.slot(&self.key);
            if new {
                self.other_heaps.push(Heap::new());
            }
            // OK because each key's slot is the next heap's when the key is new.
            self.other_heaps[slot].push(((0, 0), Reverse(p)));
        };
        if let Some(canonical) = &draft.canonical_key {
            file(canonical);
        }
        file(&draft.name_key);
        if draft.name.len() > 1 {
            file(draft.first_key());
        }
    }

    /// Notes that person `p`, a draft of the document's full names, now has `tally`
    /// (mentions before, latest). Its surname is the one it was indexed by (a person's keys
    /// only go), and one without keys any longer is found by no surname anyway.
    fn count(&mut self, drafts: &[Draft], p: usize, tally: (usize, usize)) {
        let Some((surname, _)) = drafts[p].person_keys() else { return };
        if let Some(heaps) = self.surnames.get(surname).and_then(|bucket| self.by_last.get_mut(bucket)) {
            for heap in heaps {
                heap.push((tally, Reverse(p)));
            }
        }
    }

    /// The first draft of kind `kind` keyed `word` ([`resolve_lone_word`]'s places and
    /// organizations).
    fn other(&mut self, drafts: &[Draft], kind: Kind, word: &str) -> Option<usize> {
        Self::other_key(&mut self.key, kind, word);
        let heap = self.others.get(&self.key).and_then(|slot| self.other_heaps.get_mut(slot))?;
        while let Some(&(_, Reverse(p))) = heap.peek() {
            if is_other_keyed(&drafts[p], kind, word) {
                return Some(p);
            }
            heap.pop();
        }
        None
    }

    /// The person of surname `word` that `compatible` allows with the most mentions before,
    /// then the latest, then the first made; `gender` picks the heap that holds them.
    fn by_last(
        &mut self,
        drafts: &[Draft],
        word: &str,
        gender: Option<Gender>,
        tally: impl Fn(usize) -> (usize, usize),
        compatible: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let bucket = self.surnames.get(word)?;
        let which = match gender {
            None => 0,
            Some(Gender::Male) => 1,
            Some(Gender::Female) => 2,
        };
        let heap = self.by_last.get_mut(bucket)?.get_mut(which)?;
        while let Some(&(counted, Reverse(p))) = heap.peek() {
            if counted == tally(p) && drafts[p].has_surname(word) && compatible(p) {
                return Some(p);
            }
            heap.pop();
        }
        None
    }

    /// The only person whose given name is [`same_given_name`] with `word`, if one is.
    fn only_by_first(&mut self, drafts: &[Draft], word: &str, names: &Names) -> Option<usize> {
        let mut found: Option<usize> = None;
        let mut two = false;
        let (firsts, by_first) = (&self.firsts, &mut self.by_first);
        given_keys(names, word, true, &mut self.key, &mut |key| {
            let Some(list) = firsts.get(key).and_then(|slot| by_first.get_mut(slot)).filter(|_| !two) else {
                return;
            };
            let mut i = 0;
            while let Some(&p) = list.get(i) {
                if !drafts[p].person_keys().is_some_and(|(_, g)| same_given_name(names, g, word)) {
                    // Stale for good (the person lost its keys): order does not matter here
                    // (what `swap_remove` does, with no panic path: `i` is an index).
                    if let Some(last) = list.pop() {
                        if let Some(slot) = list.get_mut(i) {
                            *slot = last;
                        }
                    }
                    continue;
                }
                match found {
                    Some(q) if q != p => {
                        two = true;
                        return;
                    }
                    _ => found = Some(p),
                }
                i += 1;
                if i >= 2 {
                    // A second valid entry of a key is another draft (one entry each): the
                    // first two decide.
                    return;
                }
            }
        });
        found.filter(|_| !two)
    }
}

/// True when place or organization `d` of kind `kind` is keyed `word`: its canonical name, its
/// name, or the first word of a longer name ("Lockheed" after "Lockheed Martin").
fn is_other_keyed(d: &Draft, kind: Kind, word: &str) -> bool {
    d.kind == kind
        && (d.canonical_key.as_deref() == Some(word)
            || d.name_key == word
            || (d.name.len() > 1 && d.first_key() == word))
}

pub(crate) fn merge<'t>(docs: &[Doc], found: &'t [DocumentNames<'_>], names: &'t Names) -> Entities {
    let index_from = index_from();
    let mut drafts: Vec<Draft> = Vec::new();
    // The maps below are made at their sizes (a key at most for each candidate of their kind,
    // a surname for each person's): grown from empty, they were rehashed as they grew.
    // Natively: the wasm, whose budget had no room for the counting's code, grows them.
    #[cfg(not(target_arch = "wasm32"))]
    let of_kind = {
        let mut of_kind = [0; 3];
        for c in found.iter().flat_map(|f| &f.candidates) {
            of_kind[c.kind as usize] += 1;
        }
        of_kind
    };
    #[cfg(target_arch = "wasm32")]
    let of_kind = [0; 3];
    // Surname key → people with that surname (full names only): its place in `surname_list`.
    let mut surnames = Slots::with_capacity(of_kind[Kind::Person as usize]);
    let mut surname_list: Vec<Surname> = Vec::new();
    // Per kind, key of the name → the place or organization (or the person of a lone word).
    let mut by_key: [Slots; 3] = of_kind.map(Slots::with_capacity);
    // The draft of kind and name `buffer` holds, made from `c` when there is none.
    let mut keyed = |drafts: &mut Vec<Draft<'t>>, kind: Kind, buffer: &str, c: &'t Candidate<'_>| {
        let (draft, new) = by_key[kind as usize].slot_or(buffer, drafts.len());
        if new {
            drafts.push(Draft::new(kind, c, names));
        }
        draft
    };
    // Folded keys are written here, so looking one up allocates nothing.
    let (mut buffer, mut given_buffer) = (String::new(), String::new());
    let mut assigned: Vec<Vec<Option<usize>>> = found.iter().map(|f| vec![None; f.candidates.len()]).collect();
    // The candidates (document, index) in the order they were added to their drafts: one list
    // for the corpus, split by draft at the end (a list per draft grew one by one).
    let mut added: Vec<(usize, usize)> = Vec::new();

    // Full names first, in every document, so lone surnames can find them wherever they are.
    for (d, f) in found.iter().enumerate() {
        for (k, c) in f.candidates.iter().enumerate() {
            let target = match c.kind {
                Kind::Person => {
                    let Some((given, last)) = given_and_surname(&c.words) else {
                        continue;
                    };
                    buffer.clear();
                    fold_token(last, &mut buffer);
                    given_buffer.clear();
                    fold_token(given, &mut given_buffer);
                    let (place, new) = surnames.slot(&buffer);
                    if new {
                        surname_list.push(Surname::default());
                    }
                    // Always there: each surname's place is the next list's when it is new.
                    let Some(surname) = surname_list.get_mut(place) else { continue };
                    let same = if surname.people.len() < index_from {
                        let formal = names.formal_of(&given_buffer);
                        surname.people.iter().copied().find(|&p| drafts[p].has_given_name(&given_buffer, formal))
                    } else {
                        let people = &surname.people;
                        let index = surname.index.get_or_insert_with(|| GivenIndex::of(&drafts, people, names));
                        index.first(&drafts, &given_buffer, names)
                    };
                    let target = same.unwrap_or_else(|| {
                        drafts.push(Draft::new(Kind::Person, c, names));
                        let p = drafts.len() - 1;
                        surname.people.push(p);
                        if let Some(index) = &mut surname.index {
                            index.file(&drafts, p, names);
                        }
                        p
                    });
                    if drafts[target].add(c, names) {
                        // A fuller name may bring another given name: filed again (the
                        // surname's key stays, the one it was found by).
                        if let Some(index) = &mut surname.index {
                            index.file(&drafts, target, names);
                        }
                    }
                    assigned[d][k] = Some(target);
                    added.push((d, k));
                    continue;
                }
                Kind::Place | Kind::Organization if c.certainty == Certainty::Sure => {
                    buffer.clear();
                    match c.canonical {
                        Some(canonical) => fold_token(canonical, &mut buffer),
                        None => fold_words(&c.words, &mut buffer),
                    }
                    keyed(&mut drafts, c.kind, &buffer, c)
                }
                _ => continue,
            };
            drafts[target].add(c, names);
            assigned[d][k] = Some(target);
            added.push((d, k));
        }
    }

    // Lone words: a surname, a first name, or an unknown capitalized word.
    let mut before: Vec<(usize, usize)> = Vec::new();
    // Per document, refilled (one set of lists for the corpus, not one per document).
    let mut in_doc = InDoc { all: Vec::new(), people: Vec::new() };
    let mut touched: Vec<usize> = Vec::new();
    // Per draft, 1 + the last document whose full names went to it (each draft once in
    // `in_doc.all`, which needs no sort: every search of it finds the same whatever its order).
    let mut listed_in: Vec<usize> = Vec::new();
    for (d, f) in found.iter().enumerate() {
        in_doc.all.clear();
        for &p in assigned[d].iter().flatten() {
            if listed_in.len() <= p {
                listed_in.resize(drafts.len(), 0);
            }
            // OK because `listed_in` has just grown to every draft when it was short.
            if listed_in[p] != d + 1 {
                listed_in[p] = d + 1;
                in_doc.all.push(p);
            }
        }
        // A draft's kind never changes: the people are found once per document.
        in_doc.people.clear();
        in_doc.people.extend(in_doc.all.iter().copied().filter(|&p| drafts[p].kind == Kind::Person));
        let mut index = (in_doc.all.len() >= index_from).then(|| DocIndex::of(&drafts, &in_doc, names, &before));
        // Per draft, how often and how lately this document mentioned it before the candidate
        // at hand (count, start + 1 of the latest): the candidates are sorted by start, so
        // the tally gains the ones starting before it as the loop reaches it, each once. It
        // is kept for every draft and cleared after the document where it was touched.
        let mut tallied = 0;
        debug_assert!(f.candidates.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        for (k, c) in f.candidates.iter().enumerate() {
            if assigned[d][k].is_some() {
                continue;
            }
            // Every candidate before `k` is assigned by now (full names above, lone words in
            // this loop), so the tally holds exactly the mentions that start before `c`.
            while let Some(other) = f.candidates.get(tallied).filter(|o| o.span.start < c.span.start) {
                // OK because `assigned[d]` has one slot per candidate of the document.
                if let Some(p) = assigned[d][tallied] {
                    if before.len() <= p {
                        before.resize(drafts.len(), (0, 0));
                    }
                    // OK because `before` has just grown to every draft when it was short.
                    let (count, latest) = &mut before[p];
                    if *count == 0 {
                        touched.push(p);
                    }
                    *count += 1;
                    *latest = (*latest).max(other.span.start + 1);
                    let tally = (*count, *latest);
                    // Only the document's full names' drafts are indexed (`listed_in`).
                    if let Some(index) = index.as_mut().filter(|_| listed_in.get(p) == Some(&(d + 1))) {
                        index.count(&drafts, p, tally);
                    }
                }
                tallied += 1;
            }
            given_buffer.clear();
            fold_token(c.words.last().copied().unwrap_or(""), &mut given_buffer);
            let word = given_buffer.as_str();
            let target =
                resolve_lone_word(&drafts, &in_doc, index.as_mut(), (&surnames, &surname_list), names, word, c, |p| {
                    // The most mentioned before this one wins, then the nearest.
                    before.get(p).copied().unwrap_or_default()
                });
            let target = match target {
                Some(t) => t,
                None => {
                    buffer.clear();
                    // `word` is folded already (folding twice is not always folding once).
                    match c.canonical {
                        Some(canonical) => fold_token(canonical, &mut buffer),
                        None => buffer.push_str(word),
                    }
                    keyed(&mut drafts, c.kind, &buffer, c)
                }
            };
            if drafts[target].add(c, names) && drafts[target].kind != Kind::Person {
                // A place or organization of this document renamed: filed under its new keys
                // (a renamed person has none a lone word finds it by).
                if let Some(index) = index.as_mut().filter(|_| listed_in.get(target) == Some(&(d + 1))) {
                    index.file_other(&drafts, target);
                }
            }
            assigned[d][k] = Some(target);
            added.push((d, k));
        }
        for p in touched.drain(..) {
            // OK because only drafts of `before` are touched.
            before[p] = (0, 0);
        }
    }
    build(docs, found, drafts, &assigned, &added)
}

/// The drafts a document's full names went to, each once, and the people among them.
struct InDoc {
    all: Vec<usize>,
    people: Vec<usize>,
}

/// The entity a lone word belongs to. A person: a person of this document with that surname
/// (the one most mentioned before it), or the only one with that given name or a nickname of
/// it, else the only person of the corpus with that surname. A place or organization: one of
/// its kind in this document with that name, or whose name it opens ("Lockheed" after
/// "Lockheed Martin"). With `index` (a long document), the same found through it.
#[allow(clippy::too_many_arguments)]
fn resolve_lone_word(
    drafts: &[Draft],
    in_doc: &InDoc,
    mut index: Option<&mut DocIndex>,
    (surnames, surname_list): (&Slots, &[Surname]),
    names: &Names,
    word: &str,
    c: &Candidate,
    mentions_before: impl Fn(usize) -> (usize, usize),
) -> Option<usize> {
    if c.kind != Kind::Person {
        if let Some(index) = index {
            return index.other(drafts, c.kind, word);
        }
        // The first made (what the first of `in_doc.all` in order would be).
        return in_doc.all.iter().copied().filter(|&p| is_other_keyed(&drafts[p], c.kind, word)).min();
    }
    let people_here = &in_doc.people;
    // "Ms. Reilly" is not the Reilly already called "Mr.".
    let compatible = |p: usize| match c.gender {
        Some(Gender::Male) => !drafts[p].genders[1],
        Some(Gender::Female) => !drafts[p].genders[0],
        None => true,
    };
    let by_last = match index.as_deref_mut() {
        Some(index) => index.by_last(drafts, word, c.gender, &mentions_before, compatible),
        None => {
            let here = people_here.iter().copied().filter(|&p| drafts[p].has_surname(word) && compatible(p));
            here.max_by_key(|&p| (mentions_before(p), std::cmp::Reverse(p)))
        }
    };
    if by_last.is_some() {
        return by_last;
    }
    if !c.titled {
        let only = match index {
            Some(index) => index.only_by_first(drafts, word, names),
            None => {
                let formal = names.formal_of(word);
                let mut by_first = people_here.iter().copied().filter(|&p| drafts[p].has_given_name(word, formal));
                match (by_first.next(), by_first.next()) {
                    (Some(only), None) => Some(only),
                    _ => None,
                }
            }
        };
        if only.is_some() {
            return only;
        }
    }
    match surnames.get(word).and_then(|i| surname_list.get(i)).map(|s| s.people.as_slice()) {
        Some([only]) => Some(*only),
        _ => None,
    }
}

/// Entities in order of first mention, with readable ids, and the per-document index.
/// `assigned[d][k]` is the draft of candidate `k` of document `d`; `added` lists the assigned
/// candidates in the order they were added to their drafts.
fn build(
    docs: &[Doc],
    found: &[DocumentNames],
    mut drafts: Vec<Draft>,
    assigned: &[Vec<Option<usize>>],
    added: &[(usize, usize)],
) -> Entities {
    // Each draft's mentions, in the order they were added: `added` split by draft (a counting
    // sort, stable), draft `i`'s at `mentions[starts[i]..starts[i + 1]]`.
    let mut starts = vec![0; drafts.len() + 1];
    for &(d, k) in added {
        // OK because every candidate of `added` has a draft, an index of `drafts`.
        if let Some(draft) = assigned[d][k] {
            starts[draft + 1] += 1;
        }
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut mentions_of: Vec<(usize, usize)> = vec![(0, 0); added.len()];
    {
        let mut next = starts.clone();
        for &(d, k) in added {
            if let Some(draft) = assigned[d][k] {
                // OK because `next[draft]` stays below `starts[draft + 1] <= added.len()`.
                mentions_of[next[draft]] = (d, k);
                next[draft] += 1;
            }
        }
    }
    let of = |i: usize| starts[i]..starts[i + 1];
    let mut scratch = Vec::new();
    for i in 0..drafts.len() {
        // A stable sort gives the unstable one's order: no two of a draft's mentions share a
        // document and start (none did in seeds, tests/articles, polnear-train or the bench's
        // unseen news), and std's unstable sort is the larger code.
        sort_mentions(&mut mentions_of[of(i)], &mut scratch, |&(d, k)| (d, found[d].candidates[k].span.start));
    }
    // The drafts with a mention by their first (document, start), ties by draft: the order in
    // which a walk of the documents' candidates (each document's sorted by start) first meets
    // them, each run of one start put in draft order. What sorting them by the first of their
    // mentions gives, in linear time.
    let mut order: Vec<usize> = Vec::with_capacity(drafts.len());
    let mut met = vec![false; drafts.len()];
    for (f, assigned) in found.iter().zip(assigned) {
        // The start of the run at hand and where in `order` it begins.
        let (mut run_start, mut run) = (None, order.len());
        for (c, &draft) in f.candidates.iter().zip(assigned) {
            // OK because every assigned draft is an index of `drafts`, which `met` has.
            let Some(i) = draft.filter(|&i| !met[i]) else { continue };
            met[i] = true;
            if run_start != Some(c.span.start) {
                // OK because `run` is at most `order.len()`.
                crate::sorting::sort(&mut order[run..]);
                (run_start, run) = (Some(c.span.start), order.len());
            }
            order.push(i);
        }
        // OK because `run` is at most `order.len()`.
        crate::sorting::sort(&mut order[run..]);
    }
    // The plain definition: every draft with a mention, sorted by (first mention, draft).
    debug_assert!({
        let first = |i: usize| {
            let (d, k) = mentions_of[starts[i]];
            (d, found[d].candidates[k].span.start, i)
        };
        order.len() == (0..drafts.len()).filter(|&i| !of(i).is_empty()).count()
            && order.windows(2).all(|w| first(w[0]) < first(w[1]))
    });
    let mut entities = Entities { by_doc: vec![Vec::new(); docs.len()], ..Entities::default() };
    entities.list.reserve_exact(order.len());
    entities.genders.reserve_exact(order.len());
    let mut ids: Vec<String> = Vec::with_capacity(order.len());
    // The key of an entity's id words, written here (one buffer for all entities).
    let mut id_key = String::new();
    // An entity's aliases as texts of the documents (reused from entity to entity).
    let mut alias_texts: Vec<&str> = Vec::new();
    // Each document's id once, shared by its mentions (a copy in each was an allocation per
    // mention).
    let doc_ids: Vec<Arc<str>> = docs.iter().map(|doc| Arc::from(doc.document.id.as_str())).collect();
    for &i in &order {
        // OK because `order` holds indices of `drafts`.
        let draft = &mut drafts[i];
        let name = draft.canonical.map_or_else(|| draft.name.join(" "), str::to_string);
        let kind = match draft.kind {
            Kind::Person => EntityKind::Person,
            Kind::Place => EntityKind::Place,
            Kind::Organization => EntityKind::Organization,
        };
        id_words_key(draft, &name, &mut id_key);
        ids.push(base_id(kind, &id_key));
        alias_texts.clear();
        let mut mentions = Vec::with_capacity(of(i).len());
        for &(d, k) in &mentions_of[of(i)] {
            let c = &found[d].candidates[k];
            let text = docs[d].document.text.get(c.span.start..c.span.end).unwrap_or_default();
            if text != name {
                // A few aliases are searched; past them each is kept (but a repeat of the
                // last) and the repeats dropped at the end ([`first_of_each`]), so that an
                // entity's aliases cost time linear in its mentions.
                let new = if alias_texts.len() < searched() {
                    !alias_texts.contains(&text)
                } else {
                    alias_texts.last() != Some(&text)
                };
                if new {
                    alias_texts.push(text);
                }
            }
            // OK because `d` is a document of `docs` (`found` holds one entry per document).
            mentions.push(Mention {
                doc: Arc::clone(&doc_ids[d]),
                start: c.span.start,
                end: c.span.end,
                text: text.to_string(),
            });
        }
        let mut aliases: Vec<String> = alias_texts.iter().map(|&text| text.to_string()).collect();
        first_of_each(&mut aliases);
        // Each draft becomes one entity: its roles move over.
        let mut roles = std::mem::take(&mut draft.roles);
        first_of_each(&mut roles);
        // The id comes once the clashes are numbered (below).
        entities.list.push(Entity { id: String::new(), name, kind, aliases, roles, mentions });
        entities.genders.push(match draft.genders {
            [true, false] => Some(Gender::Male),
            [false, true] => Some(Gender::Female),
            _ => None,
        });
    }
    number_clashes(&mut ids);
    for (entity, id) in entities.list.iter_mut().zip(ids) {
        entity.id = id;
    }
    // Each document's mentions in the order of its candidates, which are sorted by span (see
    // `recognize`), distinct within a document: what sorting them by span would give.
    let mut entity_of = vec![usize::MAX; drafts.len()];
    for (index, &i) in order.iter().enumerate() {
        entity_of[i] = index;
    }
    for ((by_doc, f), assigned) in entities.by_doc.iter_mut().zip(found).zip(assigned) {
        debug_assert!(f
            .candidates
            .windows(2)
            .all(|w| (w[0].span.start, w[0].span.end) < (w[1].span.start, w[1].span.end)));
        by_doc.reserve_exact(f.candidates.len());
        for (c, &draft) in f.candidates.iter().zip(assigned) {
            // OK because every candidate's draft has a mention (this one), so it is in `order`.
            if let Some(draft) = draft {
                by_doc.push(MentionRef { span: c.span, entity: entity_of[draft] });
            }
        }
    }
    entities
}

/// Sorts a draft's mentions by `key`, stably (what `sorting::sort_by_key` gives). They come as
/// two runs each in that order already (the full names' pass over the corpus, then the lone
/// words'), so a merge of the two (in `scratch`, which any draft's merge reuses) is the sort,
/// in linear time; other orders are sorted.
fn sort_mentions(
    mentions: &mut [(usize, usize)],
    scratch: &mut Vec<(usize, usize)>,
    key: impl Fn(&(usize, usize)) -> (usize, usize),
) {
    let descends = |i: &usize| key(&mentions[*i]) < key(&mentions[*i - 1]);
    let Some(split) = (1..mentions.len()).find(descends) else {
        return;
    };
    if (split + 1..mentions.len()).any(|i| descends(&i)) {
        crate::sorting::sort_by_key(mentions, key);
        return;
    }
    // A stable merge: on equal keys the first run's mention, which came first, comes first.
    let (first, second) = mentions.split_at(split);
    let merged = scratch;
    merged.clear();
    let (mut i, mut j) = (0, 0);
    while i < first.len() && j < second.len() {
        if key(&second[j]) < key(&first[i]) {
            merged.push(second[j]);
            j += 1;
        } else {
            merged.push(first[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&first[i..]);
    merged.extend_from_slice(&second[j..]);
    mentions.copy_from_slice(merged);
}

/// Writes into `out` the key of the words an entity's id is made of: given name and surname
/// for people (no middle names or initials), the name otherwise. Folding goes character by
/// character, so the keys of two words joined by a space are the key of the joined words;
/// no string of the words is made.
fn id_words_key(draft: &Draft, name: &str, out: &mut String) {
    out.clear();
    if draft.kind == Kind::Person {
        let mut real = draft.name.iter().filter(|w| !is_initial(w));
        // A last word after the first: two or more real words.
        if let (Some(first), Some(last)) = (real.next(), real.next_back()) {
            fold_token(first, out);
            out.push(' ');
            fold_token(last, out);
            return;
        }
    }
    fold_token(name, out);
}

/// The id of an entity of `kind` whose id words have the key `key` (see [`id_words_key`]),
/// before clashes are numbered ([`number_clashes`]): `kind:slug`, written in one allocation
/// (a slug of its own and a copy as a map key made three).
fn base_id(kind: EntityKind, key: &str) -> String {
    let prefix = match kind {
        EntityKind::Person => "person:",
        EntityKind::Place => "place:",
        EntityKind::Organization => "organization:",
    };
    // The slug is at most as long as the key (a dash stands for one character or more), and
    // a clash's `-2` … fits the slack of most.
    let mut id = String::with_capacity(prefix.len() + key.len() + 3);
    id.push_str(prefix);
    for c in key.chars() {
        if c.is_alphanumeric() {
            id.push(c);
        } else if id.len() > prefix.len() && !id.ends_with('-') {
            id.push('-');
        }
    }
    // The prefix ends with ':', so this trims the slug alone.
    while id.ends_with('-') {
        id.pop();
    }
    id
}

/// Appends `-2`, `-3` … to each id that earlier ones of the list already are, counting the
/// ids equal to it so far (the count of an id is not the id with its number: `a-2` written
/// by a slug is told from a second `a` as before).
fn number_clashes(ids: &mut [String]) {
    let counts: Vec<usize> = {
        let mut used: Map<&str, usize> = Map::with_capacity_and_hasher(ids.len(), FxBuildHasher);
        ids.iter()
            .map(|id| {
                let n = used.entry(id.as_str()).or_insert(0);
                *n += 1;
                *n
            })
            .collect()
    };
    for (id, n) in ids.iter_mut().zip(counts) {
        if n > 1 {
            id.push('-');
            // OK because writing into a String cannot fail.
            let _ = write!(id, "{n}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `has_surname` answers as comparing the surname key of `person_keys` does, for people
    /// with initials, particles and accents, a one-word name, and a place.
    #[test]
    fn has_surname_is_the_surname_of_person_keys() {
        let table = Names::new();
        let names: [(Kind, &[&str]); 6] = [
            (Kind::Person, &["Ana", "María", "Núñez"]),
            (Kind::Person, &["J.", "R.", "Tolkien"]),
            (Kind::Person, &["Ludwig", "van", "Beethoven"]),
            (Kind::Person, &["Madonna"]),
            (Kind::Place, &["New", "York"]),
            (Kind::Person, &["Zoë", "O'Neill's"]),
        ];
        let keys = ["", "nunez", "maria", "ana", "tolkien", "beethoven", "madonna", "york", "o'neill's", "zoe"];
        let mut found = 0;
        for (kind, words) in names {
            let draft = Draft::named(kind, None, words, &table);
            for key in keys {
                let expected = draft.person_keys().is_some_and(|(surname, _)| surname == key);
                assert_eq!(draft.has_surname(key), expected, "{words:?} {key}");
                found += usize::from(expected);
            }
        }
        // Núñez, Beethoven and O'Neill's ("J. R. Tolkien" has no given name to pair with).
        assert_eq!(found, 3);
    }

    /// An id's words are keyed without joining them first: the same ids as keying the joined
    /// words, for people with and without initials and accents, places, and clashes.
    #[test]
    fn ids_key_the_given_name_and_surname() {
        let table = Names::new();
        let ids = |names: &[(Kind, &[&str])]| {
            let mut out = String::new();
            let mut ids = Vec::new();
            for &(kind, words) in names {
                let draft = Draft::named(kind, None, words, &table);
                let name = words.join(" ");
                id_words_key(&draft, &name, &mut out);
                let real: Vec<&str> = words.iter().copied().filter(|w| !is_initial(w)).collect();
                let joined = match real.as_slice() {
                    [first, .., last] if kind == Kind::Person => format!("{first} {last}"),
                    _ => name.clone(),
                };
                assert_eq!(out, key(&joined), "{words:?}");
                let kind = if kind == Kind::Person { EntityKind::Person } else { EntityKind::Place };
                ids.push(base_id(kind, &out));
            }
            number_clashes(&mut ids);
            ids
        };
        let person = Kind::Person;
        assert_eq!(
            ids(&[
                (person, &["José", "María", "NÚÑEZ"]),
                (person, &["J.", "R.", "Ewing"]),
                (person, &["Łukasz", "Ó’Brien"]),
                (Kind::Place, &["São", "Paulo"]),
                (person, &["Jose", "Nunez"]),
            ]),
            [
                "person:jose-nunez",
                "person:j-r-ewing",
                "person:lukasz-o-brien",
                "place:sao-paulo",
                "person:jose-nunez-2"
            ]
        );
    }

    /// A made-up capitalized word of two to four syllables, from a seeded xorshift generator.
    fn made_up(state: &mut u64) -> String {
        let mut next = |n: usize| {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            // OK because the remainder is below `n`.
            (*state % n as u64) as usize
        };
        let (consonants, vowels) = (b"bcdfghjklmnprstvz", b"aeiouy");
        let mut word = String::new();
        for _ in 0..2 + next(3) {
            word.push(char::from(consonants[next(consonants.len())]));
            word.push(char::from(vowels[next(vowels.len())]));
        }
        if next(2) == 0 {
            word.push(char::from(consonants[next(consonants.len())]));
        }
        let mut chars = word.chars();
        chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
    }

    /// The documents of `scripts/merge-scaling.mjs`'s cases, small, with what the index must
    /// get right besides: nicknames and transliterations of one given name, a fuller name that
    /// brings another given name, Mr. and Ms. of one surname, lone words that rename a person
    /// ("de la Cruz") or a company, and names across documents.
    fn scaling_cases(seed: u64, names: usize) -> Vec<Vec<String>> {
        let mut state = seed;
        let verbs = ["spoke", "met officials", "left early", "arrived", "declined to comment", "agreed"];
        let given = ["Andrei", "Andrey", "Andreii", "Robert", "Bob", "Bobby", "Rob", "Anna", "Ann", "Annie"];
        let mut pairs = String::new();
        let mut surname = String::new();
        let mut one_given = String::new();
        let mut words = String::new();
        let mut said: Vec<String> = Vec::new();
        for i in 0..names {
            let verb = verbs[i % verbs.len()];
            let (a, b) = (made_up(&mut state), made_up(&mut state));
            pairs += &format!("{a} {b} {verb}. ");
            said.push(a);
            said.push(b.clone());
            if i % 3 == 2 {
                let j = (state % said.len() as u64) as usize;
                pairs += &format!("Later {} {verb}. ", said[j]);
            }
            if i % 7 == 3 {
                pairs += &format!("{} Corp. and {b} Systems grew. {b} did not. ", said[i]);
            }
            let g = given[i % given.len()];
            let other = made_up(&mut state);
            surname += &match i % 6 {
                0 => format!("{other} Novak {verb}. Later Novak {verb}. "),
                1 => format!("{g} Novak {verb}. Mr. Novak said so. "),
                2 => format!("{g} {other} Novak {verb}. Ms. Novak agreed. "),
                3 => format!("{g} Novak {verb}. {g} left. "),
                4 => format!("{other} de la Novak {verb}. De la Novak {verb}. "),
                _ => format!("{} Novak {verb}. ", given[(i / 6) % given.len()]),
            };
            one_given += &format!("{g} {other} {verb}. ");
            if i % 4 == 1 {
                one_given += &format!("Later {g} {verb}. {other} {verb}. ");
            }
            words += &format!("{} ", made_up(&mut state));
            if i % 20 == 19 {
                for text in [&mut pairs, &mut surname, &mut one_given] {
                    text.push_str("\n\n");
                }
            }
        }
        // Each case alone, and split into documents of a few paragraphs that share names.
        let split = |text: &str| -> Vec<String> {
            let paragraphs: Vec<&str> = text.split("\n\n").collect();
            paragraphs.chunks(3).map(|chunk| chunk.join("\n\n")).collect()
        };
        // One person under many spellings of its given name (one consonant skeleton), and
        // under many titles.
        let vowels = ["", "a", "e", "i", "o", "u"];
        let mut spellings = String::from("Anedra Novak spoke. ");
        let mut titles = String::new();
        for i in 0..names {
            let mut vowel = || vowels[(made_up(&mut state).len() * 7 + i) % vowels.len()];
            let given = format!("A{}n{}d{}r{}", vowel(), vowel(), vowel(), vowel());
            spellings += &format!("{given} Novak {}. ", verbs[i % verbs.len()]);
            titles += &format!("{} Speaker Andrei Novak {}. ", made_up(&mut state), verbs[i % verbs.len()]);
        }
        let mut cases = vec![
            vec![pairs.clone()],
            vec![surname.clone()],
            vec![one_given.clone()],
            vec![words],
            vec![spellings],
            vec![titles],
        ];
        cases.extend([split(&pairs), split(&surname), split(&one_given)]);
        cases.push(vec![pairs + &surname + &one_given]);
        cases
    }

    /// What the extraction's entities are with the given [`INDEX_FROM`].
    fn entities_indexed_from(texts: &[String], from: usize) -> String {
        use crate::model::{Document, Paragraph, Span};
        let documents: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| Document {
                id: format!("d{i}"),
                text: text.clone(),
                paragraphs: vec![Paragraph { start: 0, end: text.len(), item: None }],
                ..Document::default()
            })
            .collect();
        let docs: Vec<Doc> = documents
            .iter()
            .map(|d| Doc {
                document: d,
                analysis: crate::text::Analysis::new(&d.text, &[Span::new(0, d.text.len())]),
                dct: None,
            })
            .collect();
        TEST_INDEX_FROM.with(|f| f.set(Some(from)));
        let entities = super::super::assemble(&docs, &mut vec![None; docs.len()]);
        TEST_INDEX_FROM.with(|f| f.set(None));
        format!("{entities:?}")
    }

    /// The indexed searches of full names by given name and of lone words (long lists), and
    /// aliases and roles deduplicated at the end, merge as the plain ones (every list scanned)
    /// do, on the scaling inputs: thousands of distinct names, one surname for many people, one
    /// given name with many surnames, one person under many spellings and many titles.
    #[test]
    fn indexed_merge_is_the_scanned_merge() {
        for seed in [20, 7, 2024] {
            for texts in scaling_cases(seed, 240) {
                let scanned = entities_indexed_from(&texts, usize::MAX);
                let indexed = entities_indexed_from(&texts, 0);
                assert!(scanned.len() > 1000, "{scanned}");
                assert!(scanned == indexed, "seed {seed}, {:?}…", texts[0].get(..200));
            }
        }
    }

    /// Testing given names from their formal names looked up once each answers as the
    /// nickname list's own test with the skeleton after it did, on every pair of a few hundred
    /// names of the list and their transliterations.
    #[test]
    fn given_names_from_formal_names_are_the_plain_test() {
        let names = Names::new();
        let mut words: Vec<String> =
            Names::nickname_entries().into_iter().take(120).flatten().map(str::to_string).collect();
        words.extend(words.clone().iter().map(|w| w.replace('i', "y")));
        words.extend(["ted", "edward", "teddy", "andrei", "andrey", "zz", ""].map(str::to_string));
        let plain = |a: &str, b: &str| {
            a == b
                || names.same_given_name(a, b)
                || (a.len().min(b.len()) >= 4
                    && a.chars().next() == b.chars().next()
                    && a.chars().count().abs_diff(b.chars().count()) <= 2
                    && skeleton(a).eq(skeleton(b)))
        };
        let mut paired = 0;
        for a in &words {
            for b in &words {
                let expected = plain(a, b);
                assert_eq!(same_given_name(&names, a, b), expected, "{a} {b}");
                paired += usize::from(expected && a != b);
            }
        }
        assert!(paired > 1000, "{paired}");
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        let names = Names::new();
        assert!(same_given_name(&names, "andrei", "andrey"));
        assert!(same_given_name(&names, "alexei", "alexey"));
        assert!(same_given_name(&names, "ted", "edward"));
        assert!(!same_given_name(&names, "thomas", "anne"));
        assert!(!same_given_name(&names, "dan", "don"));
    }
}
