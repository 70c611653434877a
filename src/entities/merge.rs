//! Merging: candidates of every document become entities. People are keyed by surname and
//! first name (compared by consonant skeleton, so transliterations such as Andrei/Andrey
//! meet); a lone surname, title + surname or first name joins the fullest name of its
//! document, or the only person of the corpus with that surname. Places and organizations
//! merge by their gazetteer canonical name, or by their text.
//!
//! It does not find names (that is `recognize`).
//!
//! Costs: one map lookup per candidate (by folded surname, or by kind and folded name), with
//! the folded keys written into reused buffers; a lone word compares against the people of its
//! document. Strings are allocated per entity (its keys and roles) and per
//! mention of the contract (its text), not per candidate; each document's id once, shared by
//! its mentions.

use super::gazetteer::key;
use super::names::Names;
use super::recognize::{Candidate, Certainty, DocumentNames, Kind};
use super::{Entities, Gender, MentionRef};
use crate::doc::Doc;
use crate::model::{Entity, EntityKind, Mention};
use crate::text::fold::fold_token;
use crate::text::FxBuildHasher;
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
}

impl<'t> Draft<'t> {
    fn new(kind: Kind, c: &'t Candidate<'_>) -> Self {
        Self::named(kind, c.canonical, &c.words)
    }

    /// A draft of `kind` named `words` (and `canonical`), with no mention yet.
    fn named(kind: Kind, canonical: Option<&'static str>, words: &'t [&'t str]) -> Self {
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
        };
        draft.rename(words);
        draft
    }

    fn rename(&mut self, words: &'t [&'t str]) {
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

    /// True when this is a person whose surname's key is `key`: what comparing the surname
    /// of [`Draft::person_keys`] gives, by bytes (equal strings are equal bytes), without
    /// making either key a `&str` (a lone word is held to each person of its document so).
    fn has_surname(&self, key: &str) -> bool {
        self.keys
            .as_ref()
            .is_some_and(|(surname, _)| self.name_key.as_bytes().get(surname.clone()) == Some(key.as_bytes()))
    }

    fn add(&mut self, c: &'t Candidate<'_>) {
        if name_words(&c.words) > self.fullness {
            self.rename(&c.words);
        }
        if let Some(role) = &c.role {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
        match c.gender {
            Some(Gender::Male) => self.genders[0] = true,
            Some(Gender::Female) => self.genders[1] = true,
            None => {}
        }
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
    a == b
        || names.same_given_name(a, b)
        || (a.len().min(b.len()) >= 4
            && a.chars().next() == b.chars().next()
            && a.chars().count().abs_diff(b.chars().count()) <= 2
            && skeleton(a).eq(skeleton(b)))
}

pub(crate) fn merge<'t>(docs: &[Doc], found: &'t [DocumentNames<'_>], names: &Names) -> Entities {
    let mut drafts: Vec<Draft> = Vec::new();
    // Surname key → people with that surname (full names only).
    let mut by_surname: Map<String, Vec<usize>> = Map::default();
    // Per kind, key of the name → the place or organization (or the person of a lone word).
    let mut by_key: [Map<String, usize>; 3] = Default::default();
    // The draft of kind and name `buffer` holds, made from `c` when there is none.
    let mut keyed = |drafts: &mut Vec<Draft<'t>>, kind: Kind, buffer: &str, c: &'t Candidate<'_>| {
        let map = &mut by_key[kind as usize];
        match map.get(buffer) {
            Some(&draft) => draft,
            None => {
                drafts.push(Draft::new(kind, c));
                map.insert(buffer.to_string(), drafts.len() - 1);
                drafts.len() - 1
            }
        }
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
                    if !by_surname.contains_key(buffer.as_str()) {
                        by_surname.insert(buffer.clone(), Vec::new());
                    }
                    // OK because the surname was just inserted when it was missing.
                    let people = by_surname.get_mut(buffer.as_str()).expect("surname entry");
                    let same = people.iter().copied().find(|&p| {
                        drafts[p].person_keys().is_some_and(|(_, g)| same_given_name(names, g, &given_buffer))
                    });
                    same.unwrap_or_else(|| {
                        drafts.push(Draft::new(Kind::Person, c));
                        people.push(drafts.len() - 1);
                        drafts.len() - 1
                    })
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
            drafts[target].add(c);
            assigned[d][k] = Some(target);
            added.push((d, k));
        }
    }

    // Lone words: a surname, a first name, or an unknown capitalized word.
    let mut before: Vec<(usize, usize)> = Vec::new();
    // Per document, refilled (one set of lists for the corpus, not one per document).
    let mut in_doc = InDoc { all: Vec::new(), people: Vec::new() };
    let mut touched: Vec<usize> = Vec::new();
    for (d, f) in found.iter().enumerate() {
        in_doc.all.clear();
        in_doc.all.extend(assigned[d].iter().flatten().copied());
        crate::sorting::sort(&mut in_doc.all);
        in_doc.all.dedup();
        // A draft's kind never changes: the people are found once per document.
        in_doc.people.clear();
        in_doc.people.extend(in_doc.all.iter().copied().filter(|&p| drafts[p].kind == Kind::Person));
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
                }
                tallied += 1;
            }
            given_buffer.clear();
            fold_token(c.words.last().copied().unwrap_or(""), &mut given_buffer);
            let word = given_buffer.as_str();
            let target = resolve_lone_word(&drafts, &in_doc, &by_surname, names, word, c, |p| {
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
            drafts[target].add(c);
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

/// The drafts a document's full names went to, in order, and the people among them.
struct InDoc {
    all: Vec<usize>,
    people: Vec<usize>,
}

/// The entity a lone word belongs to. A person: a person of this document with that surname
/// (the one most mentioned before it), or the only one with that given name or a nickname of
/// it, else the only person of the corpus with that surname. A place or organization: one of
/// its kind in this document with that name, or whose name it opens ("Lockheed" after
/// "Lockheed Martin").
fn resolve_lone_word(
    drafts: &[Draft],
    in_doc: &InDoc,
    by_surname: &Map<String, Vec<usize>>,
    names: &Names,
    word: &str,
    c: &Candidate,
    mentions_before: impl Fn(usize) -> (usize, usize),
) -> Option<usize> {
    if c.kind != Kind::Person {
        return in_doc.all.iter().copied().find(|&p| {
            let d = &drafts[p];
            d.kind == c.kind
                && (d.canonical_key.as_deref() == Some(word)
                    || d.name_key == word
                    || (d.name.len() > 1 && d.first_key() == word))
        });
    }
    let given_of = |p: usize| drafts[p].person_keys().map(|(_, given)| given);
    let people_here = &in_doc.people;
    // "Ms. Reilly" is not the Reilly already called "Mr.".
    let compatible = |p: usize| match c.gender {
        Some(Gender::Male) => !drafts[p].genders[1],
        Some(Gender::Female) => !drafts[p].genders[0],
        None => true,
    };
    let by_last = people_here.iter().copied().filter(|&p| drafts[p].has_surname(word) && compatible(p));
    if let Some(p) = by_last.max_by_key(|&p| (mentions_before(p), std::cmp::Reverse(p))) {
        return Some(p);
    }
    if !c.titled {
        let mut by_first =
            people_here.iter().copied().filter(|&p| given_of(p).is_some_and(|g| same_given_name(names, g, word)));
        if let (Some(only), None) = (by_first.next(), by_first.next()) {
            return Some(only);
        }
    }
    match by_surname.get(word).map(Vec::as_slice) {
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
    let mut order: Vec<usize> = (0..drafts.len()).filter(|&i| !of(i).is_empty()).collect();
    crate::sorting::sort_by_key(&mut order, |&i| {
        // OK because `order` holds drafts with a mention.
        let (d, k) = mentions_of[starts[i]];
        (d, found[d].candidates[k].span.start)
    });
    let mut entities = Entities { by_doc: vec![Vec::new(); docs.len()], ..Entities::default() };
    entities.list.reserve_exact(order.len());
    entities.genders.reserve_exact(order.len());
    let mut ids: Vec<String> = Vec::with_capacity(order.len());
    // The key of an entity's id words, written here (one buffer for all entities).
    let mut id_key = String::new();
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
        let mut aliases: Vec<String> = Vec::new();
        let mut mentions = Vec::with_capacity(of(i).len());
        for &(d, k) in &mentions_of[of(i)] {
            let c = &found[d].candidates[k];
            let text = docs[d].document.text.get(c.span.start..c.span.end).unwrap_or_default().to_string();
            if text != name && !aliases.contains(&text) {
                aliases.push(text.clone());
            }
            // OK because `d` is a document of `docs` (`found` holds one entry per document).
            mentions.push(Mention { doc: Arc::clone(&doc_ids[d]), start: c.span.start, end: c.span.end, text });
        }
        // Each draft becomes one entity: its roles move over.
        let roles = std::mem::take(&mut draft.roles);
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
            let draft = Draft::named(kind, None, words);
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
        let ids = |names: &[(Kind, &[&str])]| {
            let mut out = String::new();
            let mut ids = Vec::new();
            for &(kind, words) in names {
                let draft = Draft::named(kind, None, words);
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
