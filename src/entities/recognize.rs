//! Recognition in one document: the tagger's names become candidates, with titles and
//! honorifics taken out into roles and gender, a leading article and a possessive cut,
//! demonyms turned into links, and gazetteer names given their canonical form. Then the
//! document decides: a name's kind is the one its mentions vote for together, and a lone word
//! takes the kind of the fuller name it shortens ("Trump" after "Donald Trump").
//!
//! It does not decide which mentions are the same entity (that is `merge`).

use super::features::{class, hash_bytes, hash_more, strip_possessive, KeyMap, KeySet, TokenSet, View};
use super::gazetteer::{Gazetteer, Known};
use super::lexicon::{self, Title};
use super::tagger::Tagged;
#[cfg(test)]
use super::tagger::{self, Model};
use super::Gender;
use crate::model::Span;
use crate::text::TokenKind;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    Person,
    Place,
    Organization,
}

impl Kind {
    fn from_index(k: usize) -> Kind {
        match k {
            0 => Kind::Person,
            1 => Kind::Place,
            _ => Kind::Organization,
        }
    }
}

/// How sure recognition is of a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Certainty {
    /// A single word: a name of its own only if no fuller name of the story claims it.
    Guess,
    /// Several words, a title or the gazetteer vouch for it.
    Sure,
}

/// A name found in a document, before merging.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate<'t> {
    /// The name's surface span, without title, honorific or possessive.
    pub span: Span,
    /// The name's tokens: its span's first and the one after its last (a possessive cut off
    /// the span stays in its token), so that passes over the view find them without a search.
    pub tokens: Range<usize>,
    pub kind: Kind,
    pub certainty: Certainty,
    /// The gazetteer's canonical name (places and organizations).
    pub canonical: Option<&'static str>,
    /// The name's words (initials included, possessives cut), for merging people.
    pub words: Vec<&'t str>,
    pub role: Option<String>,
    pub gender: Option<Gender>,
    /// True when a title or honorific stood before the name.
    pub titled: bool,
    /// The tagger's summed score for each kind (person, place, organization).
    pub scores: [i32; 3],
    /// Set when the document's fuller names decided the kind (corpus votes leave it alone).
    pub anchored: bool,
    /// Hashes of the folded name, its first word and its last word (votes and anchors).
    pub key: u64,
    /// What the document says elsewhere of its last word (`features::class::DOC_*`).
    pub evidence: u64,
    pub first: u64,
    pub last: u64,
}

/// A demonym or adjective of a place (`Russian`, `Poles`): a link, not a mention.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DemonymUse {
    pub span: Span,
    pub place: &'static str,
}

/// What recognition finds in one document: its candidate names and its demonyms.
#[derive(Default)]
pub(crate) struct DocumentNames<'t> {
    pub candidates: Vec<Candidate<'t>>,
    pub demonyms: Vec<DemonymUse>,
    /// Hashes of the words that open the domain of a mail address in the document ("veltrana"
    /// of "jo.roe@veltrana.com" or "Jo Roe@VELTRANA"), sorted, each once (see
    /// [`decide_corpus_kinds`]).
    pub domains: Vec<u64>,
}

/// Lowercase words that are roles when they stand right before a name but are no title
/// (`CEO`), written in capitals.
const ROLE_ACRONYMS: &[&str] = &["CEO", "CFO", "COO", "CTO", "CIO"];

/// Finds the candidate names and demonyms of one document.
#[cfg(test)]
pub(crate) fn recognize<'t>(view: &View<'_, 't>, gazetteer: &Gazetteer, model: &Model) -> DocumentNames<'t> {
    recognize_tagged(view, gazetteer, tagger::tag(model, view))
}

/// [`recognize`] from the names the tagger found in the document.
pub(crate) fn recognize_tagged<'t>(
    view: &View<'_, 't>,
    gazetteer: &Gazetteer,
    tagged: Vec<Tagged>,
) -> DocumentNames<'t> {
    let mut found = DocumentNames::default();
    // The passes that look for names where the tagger found none, or for whole known names,
    // read these tokens alone.
    let openers = view.interesting_tokens();
    let domains = mail_domains(view);
    let tagged = whole_organizations(view, join_pieces(view, &openers, tagged));
    let tagged = possessors_of_people(view, tagged);
    let tagged = domains_in_people(view, &domains, tagged);
    let tagged = legal_forms_end_names(view, tagged);
    let tagged = imperatives_open_no_names(view, tagged);
    let tagged = pronoun_ends_no_name(view, tagged);
    let mut covered = TokenSet::new(view.len());
    // Mostly a candidate per tagged name: room for them at once, not by doubling (a
    // candidate is some two hundred bytes).
    found.candidates.reserve(tagged.len());
    for t in &tagged {
        covered.cover(t.tokens.clone());
        Piece { view, gazetteer }.candidates(t, &mut found);
    }
    let tagged_names = found.candidates.len();
    after_the_model(view, gazetteer, &openers, &covered, &mut found);
    for c in &found.candidates[tagged_names..] {
        covered.cover(c.tokens.clone());
    }
    lone_words_of_full_names(view, gazetteer, &openers, &mut covered, &mut found);
    repeated_names(view, gazetteer, &openers, &covered, &mut found);
    lowercase_places(view, gazetteer, &covered, &mut found);
    found.domains = domains;
    // Demonyms outside names are links to their place.
    let mut i = next_with(&view.classes, class::DEMONYM, 0);
    while let Some(&c) = view.classes.get(i) {
        if c & (class::PLACE_B | class::PLACE_I | class::ORG_B | class::ORG_I) == 0 && !covered.get(i) {
            if let Some(Known::Demonym(place)) = gazetteer.lookup_hash(view.hash(i), true) {
                found.demonyms.push(DemonymUse { span: token_span(view, i..i + 1), place });
            }
        }
        i = next_with(&view.classes, class::DEMONYM, i + 1);
    }
    people_run_together(view, gazetteer, &mut found);
    crate::sorting::sort_by_key(&mut found.candidates, |c| (c.span.start, c.span.end));
    crate::sorting::sort_by_key(&mut found.demonyms, |d| d.span.start);
    decide_kinds(&mut found.candidates);
    sports_teams(view, &mut found.candidates);
    no_people_at_places(view, &mut found.candidates);
    possessive_businesses(view, &mut found.candidates);
    common_words_end_no_people(view, &mut found.candidates);
    coordinated_kinds(view, &mut found.candidates);
    acronyms_of_names(view, &mut found.candidates);
    acronyms_of_places(view, &mut found.candidates);
    for c in found.candidates.iter_mut() {
        if c.kind != Kind::Person && signed_by(view, c.tokens.start) {
            c.kind = Kind::Person;
            c.anchored = true;
        }
    }
    anchored_kinds_throughout(&mut found.candidates);
    vehicles_and_storms(view, &mut found.candidates);
    // Made at its size: grown from empty, the map was rehashed about ten times a document.
    let mut mentions: KeyMap<u32> = KeyMap::with_capacity_and_hasher(found.candidates.len(), Default::default());
    for c in &found.candidates {
        *mentions.entry(c.key).or_default() += 1;
    }
    found.candidates.retain(|c| !is_common_word(view, c, mentions.get(&c.key).copied().unwrap_or(0)));
    // Every document's candidates wait for the corpus-wide merge: keep no spare room.
    found.candidates.shrink_to_fit();
    found
}

/// A lone word the model took for a person that stands right after "in" or "at" ("a job at
/// Veltrana", "the shops in Marlow") and that nothing else marks as a person (no given name
/// or surname of the lists, no "he" or "she", no title, no given name before it anywhere in
/// the document) is a place or an organization, whichever the mentions' scores prefer, in the
/// whole document. People seldom stand after those prepositions; unknown places and
/// companies often do. After "near", "outside" and the like, or "the town of", it is a place
/// (see [`is_place_context`]). A company stands where its people's role names it ("the chief
/// executive of X", "an X spokesman"), and a party, team or country before a person's full
/// name ("X's Jo Roe") or after one and "of" ("Jo Roe of X").
fn no_people_at_places(view: &View, candidates: &mut [Candidate]) {
    let person = class::DOC_PERSON_PRONOUN | class::DOC_SURNAME | class::DOC_TITLED | class::DOC_GIVEN;
    let listed_surname = class::SURNAME | class::TITLE | class::HONORIFIC;
    let lone = |c: &Candidate| c.words.len() == 1 && c.kind == Kind::Person && !c.anchored && !c.titled;
    let mut placed: KeyMap<[i64; 3]> = KeyMap::default();
    // Where the full names of people start and end, by byte offset ("Lena Okafor | of
    // Velmora", "Velmora's | Lena Okafor").
    let full = |c: &&Candidate| c.kind == Kind::Person && c.words.len() >= 2;
    let mut people_ends: Vec<usize> = candidates.iter().filter(full).map(|c| c.span.end).collect();
    crate::sorting::sort_values(&mut people_ends);
    let people_starts: Vec<usize> = candidates.iter().filter(full).map(|c| c.span.start).collect();
    for c in candidates.iter().filter(|c| lone(c)) {
        let i = c.tokens.start;
        let Some(&classes) = view.classes.get(i) else {
            continue;
        };
        // Not "in Obama's speech", nor a word that elsewhere says something ("Obama said"), nor
        // a surname or title of the lists. A given name alone may be a place ("in Geneva",
        // "in Charlotte"): a person named by the given name alone seldom stands there.
        // After a role ("the chief executive of X"), or before a person's full name ("X's Jo
        // Roe"), a word that says something is still no person: companies report too.
        let possessor = classes & class::POSSESSIVE != 0
            && view.a.tokens.get(i + 1).is_some_and(|t| people_starts.binary_search(&t.span().start).is_ok());
        let employer = is_employer_before(view, i + 1);
        let of_role = of_a_role_or_person(view, &people_ends, i)
            .or(employer.then_some(Kind::Organization))
            .or(possessor.then_some(Kind::Place));
        let reports = if of_role.is_some() { 0 } else { class::DOC_REPORTS };
        let excluded = person | listed_surname | if possessor || employer { 0 } else { class::POSSESSIVE } | reports;
        if classes & excluded != 0 || c.evidence & (person | reports) != 0 || i == 0 {
            continue;
        }
        if of_role == Some(Kind::Organization) {
            // A role's employer: its vote is settled.
            placed.insert(c.key, [0, 0, i64::MAX / 4]);
        } else if of_role.is_some() || matches!(view.key(i - 1), "in" | "at") {
            placed.entry(c.key).or_insert([0; 3]);
        } else if is_place_context(view, i) {
            // Nothing but a place stands there: its vote is settled.
            placed.insert(c.key, [0, i64::MAX / 4, 0]);
        }
    }
    if placed.is_empty() {
        return;
    }
    for c in candidates.iter().filter(|c| lone(c)) {
        if let Some(v) = placed.get_mut(&c.key) {
            for (v, &score) in v.iter_mut().zip(&c.scores) {
                *v += i64::from(score);
            }
        }
    }
    for c in candidates.iter_mut().filter(|c| lone(c)) {
        if let Some(v) = placed.get(&c.key) {
            c.kind = if v[2] > v[1] { Kind::Organization } else { Kind::Place };
            c.anchored = true;
        }
    }
}

/// A name of two words or more that ends in a common word (one the corpus also writes in
/// lowercase, that no name list holds) and opens with no given name of the lists is a
/// business's, no person's: "Dorsey Electric", "Garvey Glass", "Kessler Roofing" (a
/// surname first is a founder's). People's surnames that are also words are mostly on the lists ("Hall",
/// "Gates", "Black"), and a given name before one keeps it a person's ("Kelly Cloud"). It is
/// an organization in the whole document, unless a title or the document marks it as a
/// person's: a pronoun or an age after a mention (see [`spoken_of_as_a_person`]), or its last
/// word named alone elsewhere, as people are named again by the surname ("Dravin Roof" …
/// "Roof"; "Odile Le Pot" … "Le Pot").
///
/// Costs: a few class tests per person candidate of several words; where one looks like a
/// business's, up to eight token tests after each of its mentions, a pass over the document's
/// capitalized tokens and one over the candidates.
fn common_words_end_no_people(view: &View, candidates: &mut Vec<Candidate>) {
    let given = class::GIVEN_M | class::GIVEN_F | class::GIVEN_U;
    let listed = given | class::SURNAME;
    let person =
        class::DOC_PERSON_PRONOUN | class::DOC_TITLED | class::DOC_GIVEN | class::DOC_REPORTS | class::DOC_SURNAME;
    let (mut businesses, mut pieces) = (KeySet::default(), KeySet::default());
    // Names a mention of which the document treats as a person's (see
    // [`spoken_of_as_a_person`]).
    let mut people = KeySet::default();
    for c in candidates.iter().filter(|c| c.kind == Kind::Person && !c.titled && !c.anchored && c.words.len() >= 2) {
        let first = view.classes[c.tokens.start];
        let last = c.evidence;
        if is_common_here(last)
            && last & (listed | class::INITIAL | person) == 0
            && first & (given | person | class::INITIAL | class::TITLE | class::HONORIFIC) == 0
            && view.classes[c.tokens.end - 1] & class::POSSESSIVE == 0
        {
            businesses.insert(c.key);
            if spoken_of_as_a_person(view, c.tokens.end) {
                people.insert(c.key);
            }
        }
    }
    if businesses.is_empty() {
        return;
    }
    // A person is named again by the surname alone ("Roof", "Mr. Roof", "Le Pen"), a business
    // not by its last word ("Roofing"): the last word capitalized with no capitalized word
    // before it (a particle aside) nor after it, inside a sentence, or opening one before a
    // reporting verb or what speaks of a person ("Roof, 21, …").
    let lasts: KeySet = candidates.iter().filter(|c| businesses.contains(&c.key)).map(|c| c.last).collect();
    let mut alone = KeySet::default();
    let n = view.len();
    let cap = |k: usize| view.classes[k] & class::CAP != 0;
    for &k in view.capitalized() {
        let k = k as usize;
        if !lasts.contains(&view.hash(k)) || (k + 1 < n && cap(k + 1)) {
            continue;
        }
        // OK because `k - 1` is read only when `k > 0`, and `j - 1` only when `j > 0`.
        let j = if k > 0 && view.classes[k - 1] & class::PARTICLE != 0 { k - 1 } else { k };
        if j > 0 && cap(j - 1) {
            continue;
        }
        let opener = view.classes[j] & (class::SENT_START | class::AFTER_OPENER) != 0;
        let reports = k + 1 < n && view.classes[k + 1] & class::REPORTING != 0;
        if !opener || reports || spoken_of_as_a_person(view, k + 1) {
            alone.insert(view.hash(k));
        }
    }
    for c in candidates.iter().filter(|c| businesses.contains(&c.key)) {
        if alone.contains(&c.last) {
            people.insert(c.key);
        }
    }
    businesses.retain(|key| !people.contains(key));
    if businesses.is_empty() {
        return;
    }
    for c in candidates.iter().filter(|c| businesses.contains(&c.key)) {
        // Its words alone, where the model cut the name in two ("Kessler | Roofing").
        pieces.insert(c.first);
        pieces.insert(c.last);
    }
    let piece = |c: &Candidate| c.words.len() == 1 && c.kind == Kind::Person && pieces.contains(&c.key);
    let mut cut = false;
    for k in 0..candidates.len() {
        if candidates[k].titled {
            continue;
        }
        if businesses.contains(&candidates[k].key) {
            candidates[k].kind = Kind::Organization;
            candidates[k].anchored = true;
            continue;
        }
        // Two pieces side by side that make a business's name are that name ("Kessler |
        // Roofing"): the second joins the first. A piece alone elsewhere keeps its own kind.
        let Some(next) = candidates.get(k + 1) else { continue };
        if piece(&candidates[k]) && piece(next) && next.tokens.start == candidates[k].tokens.end {
            let first = candidates[k].key;
            let (span, tokens, word, last, evidence) =
                (next.span, next.tokens.clone(), next.words[0], next.key, next.evidence);
            let key = hash_more(hash_more(first, b" "), view.key(tokens.start).as_bytes());
            if businesses.contains(&key) {
                let c = &mut candidates[k];
                (c.kind, c.anchored) = (Kind::Organization, true);
                c.span.end = span.end;
                c.tokens.end = tokens.end;
                c.words.push(word);
                (c.key, c.last, c.evidence, c.certainty) = (key, last, evidence, Certainty::Sure);
                candidates[k + 1].tokens = 0..0;
                cut = true;
            }
        }
    }
    if cut {
        candidates.retain(|c| !c.tokens.is_empty());
    }
}

/// True when what follows a name that ends before token `end` speaks of a person: an age
/// between commas ("Roof, 21, appeared"), or "he", "she" or "his" within the next eight
/// tokens of the same sentence, with no capitalized word between ("… Roof, who told the court
/// his …"). A business is "it" or "they".
fn spoken_of_as_a_person(view: &View, end: usize) -> bool {
    let n = view.len();
    let key = |k: usize| if k < n { view.key(k) } else { "" };
    if key(end) == "," && key(end + 2) == "," && view.classes.get(end + 1).is_some_and(|&c| c & class::DIGIT != 0) {
        return true;
    }
    for k in end..n.min(end + 8) {
        let c = view.classes[k];
        if c & (class::SENT_START | class::CAP) != 0 {
            return false;
        }
        if matches!(view.key(k), "he" | "she" | "his") {
            return true;
        }
    }
    false
}

/// A person's name in the possessive with no noun after it is a business, as a reader of
/// reviews and mail takes it: "dinner at Del Frisco's", "we went to Hackney's and …", "I
/// called Alan's." (what is Alan's stands unsaid, a shop or a restaurant). After "at", "to" or
/// "from" it is a place, where one goes; otherwise an organization; in the whole document.
/// Only where the possessive stands before a full stop or other punctuation, the text's end,
/// "and" or "or", or a preposition after "at", "to" or "from" ("at Del Frisco's for dinner");
/// not after "of" ("a friend of Jo's"), and not a name a title or the corpus marks as a
/// person's. Possessives written apart ("Alan 's", "Alan ' s") or without the apostrophe
/// ("Wendy s") count as well, and "at Del Frisco's Philadelphia" (a place after it). So does
/// a possessive before a verb it is the subject of ("when Torvald's refused to …", "Pellam's
/// has …": see [`is_verb_of_a_possessive`]) or before a capitalized common word that ends the
/// phrase ("Tullio's Pizza on the avenue"), and a name the model took whole with such a word
/// ("Brennick's Pizza": see [`is_owners_business`]).
///
/// Costs: a few class tests per person candidate; a few token lookups for those in the
/// possessive (0.05% of an extraction's instructions on unseen news with the two cases
/// above).
fn possessive_businesses(view: &View, candidates: &mut [Candidate]) {
    let n = view.len();
    let mut businesses: KeyMap<Kind> = KeyMap::default();
    for c in candidates.iter().filter(|c| c.kind == Kind::Person && !c.titled) {
        if is_owners_business(view, c) {
            businesses.insert(c.key, Kind::Organization);
            continue;
        }
        let e = c.tokens.end;
        let after = if view.classes[e - 1] & class::POSSESSIVE != 0 {
            e
        } else if e < n && matches!(view.key(e), "'s" | "’s" | "s") {
            e + 1
        } else if e + 1 < n && matches!(view.key(e), "'" | "’") && view.key(e + 1) == "s" {
            e + 2
        } else {
            continue;
        };
        let s = c.tokens.start;
        let before = if s > 0 { view.key(s - 1) } else { "" };
        let gone_to = matches!(before, "at" | "to" | "from");
        let alone = after >= n
            || (view.a.tokens[after].kind() == TokenKind::Punct && view.classes[after] & class::QUOTE == 0)
            || matches!(view.key(after), "and" | "or")
            || is_verb_of_a_possessive(view, after)
            || is_shop_word(view, after, after + 1)
            || (gone_to && matches!(view.key(after), "for" | "in" | "on" | "with" | "tonight" | "today"))
            || (gone_to && view.classes[after] & (class::CAP | class::PLACE_B) == class::CAP | class::PLACE_B);
        // What the document says of the name elsewhere: "Rubio said", "Clinton, who", "Sen.
        // Rubio" make a person of it ("except Rubio's, …"); a surname after a given name only
        // where nothing says where one goes.
        let said = class::DOC_TITLED | class::DOC_PERSON_PRONOUN | class::DOC_REPORTS;
        let named = if gone_to { said } else { said | class::DOC_SURNAME | class::DOC_GIVEN };
        if !alone || before == "of" || (view.classes[s] | c.evidence) & named != 0 {
            continue;
        }
        businesses.insert(c.key, if gone_to { Kind::Place } else { Kind::Organization });
    }
    if businesses.is_empty() {
        return;
    }
    for c in candidates.iter_mut().filter(|c| !c.titled) {
        if let Some(&kind) = businesses.get(&c.key) {
            c.kind = kind;
            c.anchored = true;
        }
    }
}

/// True when token `k`, right after a name in the possessive, is a verb the possessive is the
/// subject of: the name stands for its shop ("when Torvald's refused to fix it", "Brennick's
/// has the best crust"). A finite auxiliary (`lexicon::FINITE_AUXILIARIES`: not "been" nor
/// "got", which follow the contracted "has" of a person's name, nor "will", "can" or "may",
/// which are nouns too), or the past tense of one of WordNet's everyday verbs (`verbs_data`:
/// "refused", "agreed") before "to": an "-ed" word before a noun is an adjective ("Roe's
/// failed bid", "Roe's supposed rival").
///
/// Costs: a few string comparisons; two hash lookups for a word ending in "ed" before "to".
// Not inlined: called for few names, and inlined it costs the page gzip.
#[inline(never)]
fn is_verb_of_a_possessive(view: &View, k: usize) -> bool {
    if k >= view.len() || view.classes[k] & class::LOWER == 0 {
        return false;
    }
    let key = view.key(k);
    if lexicon::FINITE_AUXILIARIES.contains(&key) {
        return true;
    }
    let Some(stem) = key.strip_suffix("ed").filter(|stem| stem.len() >= 2) else {
        return false;
    };
    if k + 1 >= view.len() || view.key(k + 1) != "to" {
        return false;
    }
    // "refused" is "refuse" and "d", "worked" is "work" and "ed".
    let verbs = imperative_verbs();
    verbs.contains(&hash_more(hash_bytes(stem.as_bytes()), b"e")) || verbs.contains(&hash_bytes(stem.as_bytes()))
}

/// True when token `k` ends the phrase of a name before it: the text's end, punctuation other
/// than a quotation mark, "and" or "or", a preposition a place or shop takes ("Tullio's Pizza
/// on the avenue"), or a verb it is the subject of (see [`is_verb_of_a_possessive`]). Not a
/// lowercase noun or another capitalized word: "Roe's Senate campaign", "Tuesday's
/// Democratic primary" name no business.
// Not inlined: called for few names, and inlined it costs the page gzip.
#[inline(never)]
fn ends_the_phrase(view: &View, k: usize) -> bool {
    k >= view.len()
        || (view.a.tokens[k].kind() == TokenKind::Punct && view.classes[k] & class::QUOTE == 0)
        || matches!(view.key(k), "and" | "or" | "in" | "on" | "at" | "near" | "for" | "with")
        || is_verb_of_a_possessive(view, k)
}

/// The classes of a word the lists name a person by: a given name, a surname, a title or an
/// honorific (the business and command rules leave such words alone).
const NAMES_A_PERSON: u64 =
    class::GIVEN_M | class::GIVEN_F | class::GIVEN_U | class::SURNAME | class::TITLE | class::HONORIFIC;

/// True when candidate `c` is a business named by its owner in the possessive and a common
/// word ("Brennick's Pizza", "Odrey 's Deli"; see [`is_shop_word`]): people are not named with
/// a possessive inside their name.
///
/// Costs: a class test per token of the candidate.
// Not inlined: called for few names, and inlined it costs the page gzip.
#[inline(never)]
fn is_owners_business(view: &View, c: &Candidate) -> bool {
    let r = c.tokens.clone();
    let said = class::DOC_TITLED | class::DOC_PERSON_PRONOUN | class::DOC_REPORTS;
    // OK because a candidate's tokens are tokens of the view, and `r.end - 1` is read only
    // when the candidate holds two tokens or more.
    r.len() >= 2
        && view.classes[r.start] & said == 0
        && is_shop_word(view, r.end - 1, r.end)
        && (r.start..r.end - 1)
            .any(|k| view.classes[k] & class::POSSESSIVE != 0 || (k > r.start && matches!(view.key(k), "'s" | "’s")))
}

/// True when token `k`, after a name in the possessive, is the last word of a business's name
/// (`end` is the token after the name): a capitalized word the corpus also writes in
/// lowercase, that no name list holds and that names no role, relative or body a person leads
/// ("Brennick's Pizza", "Odrey's Deli", "Pellam's Landing"; not "Jo's Mom", "Jo's Lawyer", "Roe's
/// Administration"), where the phrase ends after the name (see [`ends_the_phrase`]).
///
/// Costs: a few class tests; a search of a short list for a word that passes them.
// Not inlined: called for few names, and inlined it costs the page gzip.
#[inline(never)]
fn is_shop_word(view: &View, k: usize, end: usize) -> bool {
    let listed = NAMES_A_PERSON | class::ROLE_NOUN | class::LED_BY | class::POSSESSIVE;
    k < view.len()
        && view.classes[k] & (class::CAP | class::COMMON | listed) == class::CAP | class::COMMON
        && ends_the_phrase(view, end)
        && !lexicon::GENDERED_NOUNS.iter().any(|&(noun, _)| noun == view.key(k))
}

/// True when token `k` is a lowercase word of a company's people ("spokesman", "chief
/// executive", "founder", "shareholders"): the name right before it is their employer ("a
/// Veltrana spokesman", "Veltrana's chief executive"), seldom a person.
// Not inlined: a few calls per name, and inlined into its callers it cost 0.2 KiB of the page's gzip.
#[inline(never)]
fn is_employer_before(view: &View, k: usize) -> bool {
    // "an executive order", "executive branch": the office, not a company's people.
    let office =
        || k + 1 < view.len() && matches!(view.key(k + 1), "order" | "orders" | "branch" | "privilege" | "power");
    k < view.len()
        && view.classes[k] & class::LOWER != 0
        && !(view.key(k) == "executive" && office())
        && (view.key(k).starts_with("spokes") || lexicon::COMPANY_PEOPLE.contains(&view.key(k)))
}

/// What stands at token `i` when it follows a role and "of" ("the chief executive of
/// Veltrana", "a spokesman for Veltrana"): an organization (`Some(Organization)`); or a
/// title, or a person's full name, and "of" ("the mayor of Marlow", "Jo Roe of Veltrana"): an
/// organization or a place (`Some(Place)`: the scores decide). A person seldom stands in
/// either. `people_ends` are the end offsets of the document's full person names, sorted.
// Not inlined: a few calls per name, and inlined into its callers it cost 0.2 KiB of the page's gzip.
#[inline(never)]
fn of_a_role_or_person(view: &View, people_ends: &[usize], i: usize) -> Option<Kind> {
    if i < 2 {
        return None;
    }
    let role = view.classes[i - 2] & class::ROLE_NOUN != 0;
    // A title's office may be a place's ("the mayor of Marlow") as well as a company's.
    let title = view.classes[i - 2] & class::TITLE != 0;
    match view.key(i - 1) {
        "of" if role => Some(Kind::Organization),
        "of" if title => Some(Kind::Place),
        "of" => people_ends.binary_search(&view.a.tokens[i - 2].span().end).is_ok().then_some(Kind::Place),
        "for" if role && view.key(i - 2).starts_with("spokes") => Some(Kind::Organization),
        _ => None,
    }
}

/// An acronym in brackets right after a name it abbreviates is that name's, of its kind, in
/// the whole document: "the Tarnby Harbour Authority (THA) said … THA staff" makes "THA" an
/// organization wherever it stands, "the Corvale Space Center (CSC)" a place. It abbreviates
/// the name when its letters are, in order, initials of the name's capitalized words,
/// starting with the first ("of", "and" and the like may be skipped). The model, which sees
/// the acronym alone, often takes it for a person.
///
/// Costs: one pass over the candidates; a lookup per candidate when some acronym qualifies.
fn acronyms_of_names(view: &View, candidates: &mut [Candidate]) {
    let mut defined: KeyMap<Kind> = KeyMap::default();
    for k in 1..candidates.len() {
        let (name, acronym) = (&candidates[k - 1], &candidates[k]);
        if acronym.words.len() != 1 || name.words.len() < 2 || acronym.titled {
            continue;
        }
        let i = acronym.tokens.start;
        if i < 2 || view.classes[i] & class::ALL_CAPS == 0 || view.a.token_text(i - 1) != "(" {
            continue;
        }
        // The bracket opens right after the name.
        if view.a.tokens[i - 2].span().end != name.span.end {
            continue;
        }
        if abbreviates(acronym.words[0], &name.words) {
            defined.insert(acronym.key, name.kind);
        }
    }
    if defined.is_empty() {
        return;
    }
    for c in candidates.iter_mut().filter(|c| c.words.len() == 1 && !c.titled) {
        if let Some(&kind) = defined.get(&c.key) {
            c.kind = kind;
            c.anchored = true;
        }
    }
}

/// An acronym the document puts where places stand is a place's abbreviation, in the whole
/// document: right after "in" ("a week in NZ") or after a place and a comma ("Marlow, KS").
/// An acronym alone is otherwise taken for an organization's (see [`is_acronym`]); one
/// after "the" anywhere ("in the UN") stays one, as does one the gazetteer or a bracketed
/// name decided.
///
/// Costs: one pass over the candidates; a lookup per candidate when some acronym qualifies.
fn acronyms_of_places(view: &View, candidates: &mut [Candidate]) {
    let acronym = |c: &Candidate| {
        c.words.len() == 1
            && !c.anchored
            && !c.titled
            && c.canonical.is_none()
            && (2..=4).contains(&c.words[0].len())
            && c.words[0].bytes().all(|b| b.is_ascii_uppercase())
    };
    // Per acronym: (seen where a place stands, seen after "the").
    let mut seen: KeyMap<(bool, bool)> = KeyMap::default();
    for (k, c) in candidates.iter().enumerate() {
        if !acronym(c) {
            continue;
        }
        let i = c.tokens.start;
        let before = i.checked_sub(1).map(|j| view.key(j));
        let after_place = before == Some(",")
            && i >= 2
            && k > 0
            && candidates[k - 1].kind == Kind::Place
            && view.a.tokens[i - 2].span().end == candidates[k - 1].span.end;
        let s = seen.entry(c.key).or_default();
        s.0 |= before == Some("in") || after_place;
        s.1 |= before == Some("the");
    }
    let places: KeySet = seen.iter().filter(|(_, &(place, the))| place && !the).map(|(&key, _)| key).collect();
    if places.is_empty() {
        return;
    }
    for c in candidates.iter_mut().filter(|c| acronym(c) && places.contains(&c.key)) {
        c.kind = Kind::Place;
        c.anchored = true;
    }
}

/// True when the letters of `acronym` are, in order, the initials of capitalized words of
/// `words`, the first of them among them.
fn abbreviates(acronym: &str, words: &[&str]) -> bool {
    let mut initials = words.iter().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase());
    let mut letters = acronym.chars().filter(|c| c.is_alphabetic());
    let (Some(first), Some(initial)) = (letters.next(), initials.next()) else {
        return false;
    };
    if first != initial {
        return false;
    }
    letters.all(|l| initials.any(|i| i == l))
}

/// True when the words before token `i` leave room for a place only: "near", "outside",
/// "across" and the like, or "the city of", "the province of" and the like.
fn is_place_context(view: &View, i: usize) -> bool {
    let before = view.classes[i - 1];
    let settlement = |k: usize| {
        matches!(view.key(k), "city" | "town" | "village" | "province" | "county" | "district" | "suburb" | "capital")
    };
    (before & class::PLACE_CUE != 0 && view.key(i - 1) != "in")
        || (i >= 2 && view.key(i - 1) == "of" && view.classes[i - 2] & class::LOWER != 0 && settlement(i - 2))
}

/// Names joined in one list are of one kind: in "Marlow, Brackwell and Oslo" or "offices in
/// Lisbon, Corvale or Tarnby" the names the gazetteer knows say what the others are. A list is
/// three or more names with only `,`, `and`, `or`, `&` or `/` between them, or two joined by
/// a conjunction; two names with a lone comma between them are mostly a name and its
/// apposition ("Drennick, Lisbon's biggest buyer"), so only a place after a lone word counts
/// there ("Corvale, Portugal", not "Drennick, Portugal coach"). The list decides when its
/// members the gazetteer knows (or a title marks as people) all agree; only one-word members
/// change, and not one the document shows to be a person ("he", a title, a given name before
/// it).
///
/// Costs: one pass over the candidates; a few token lookups per pair of neighbours.
fn coordinated_kinds(view: &View, candidates: &mut [Candidate]) {
    let person = class::DOC_PERSON_PRONOUN | class::DOC_SURNAME | class::DOC_TITLED | class::DOC_GIVEN;
    let a = view.a;
    // What only stands between the names `x` and `y`: a comma (1), a conjunction (2), or
    // something else (0).
    let joint = |x: &Candidate, y: &Candidate| {
        let from = x.tokens.end;
        let to = y.tokens.start;
        // The name must end where a token does (no possessive cut off) and stand before `y`.
        if from == 0 || from > to || a.tokens[from - 1].end() != x.span.end || to - from > 2 {
            return 0;
        }
        // The one or two words between, read without collecting them (this runs per pair).
        match (to - from, view.key(from)) {
            (1, ",") => 1,
            (1, "and" | "or" | "&" | "/") => 2,
            (2, ",") if matches!(view.key(from + 1), "and" | "or") => 2,
            _ => 0,
        }
    };
    // A one-word name the document's full names settled as a person's vouches too ("Anthony
    // Kennedy …, in which KENNEDY, SOUTER and GINSBURG joined").
    let vouched = |c: &Candidate| c.canonical.is_some() || c.titled || (c.anchored && c.kind == Kind::Person);
    let mut start = 0;
    while start < candidates.len() {
        let (mut end, mut conjunction) = (start + 1, false);
        while end < candidates.len() {
            match joint(&candidates[end - 1], &candidates[end]) {
                0 => break,
                j => conjunction |= j == 2,
            }
            end += 1;
        }
        let list = &mut candidates[start..end];
        start = end;
        let kind = match list {
            [] | [_] => continue,
            [first, second] if !conjunction => {
                // "Corvale, Portugal": a lone word, then a place that is not a role's
                // ("Drennick, Portugal's envoy", "Drennick, Portugal coach").
                let after = second.tokens.end;
                let possessive = after == 0 || a.tokens[after - 1].end() != second.span.end;
                let role = view.classes.get(after).is_some_and(|c| c & (class::ROLE_NOUN | class::TITLE) != 0);
                if vouched(first) || !vouched(second) || second.kind != Kind::Place || possessive || role {
                    continue;
                }
                Kind::Place
            }
            _ => {
                let mut kinds = list.iter().filter(|c| vouched(c)).map(|c| c.kind);
                let Some(kind) = kinds.next() else {
                    continue;
                };
                if kinds.any(|k| k != kind) {
                    continue;
                }
                kind
            }
        };
        for c in list.iter_mut() {
            let shown_person = c.evidence & person != 0;
            if vouched(c)
                || c.kind == kind
                || c.anchored
                || c.words.len() != 1
                || (kind != Kind::Person && shown_person)
            {
                continue;
            }
            c.kind = kind;
            c.anchored = true;
        }
    }
}

/// A name's kind is one throughout its document: where the passes after the model settled the
/// kind of some mentions of a one-word name (a list of people it stands in, a mail it signs)
/// and they agree, its other mentions that nothing settled take that kind ("KENNEDY, SOUTER and
/// GINSBURG joined", then "SOUTER filed"). Names the gazetteer knows or a title marks keep
/// their own.
///
/// Costs: two passes over the candidates and a map by name.
fn anchored_kinds_throughout(candidates: &mut [Candidate]) {
    // The settled kind of each one-word name, and the names whose settled mentions disagree
    // (a map and a set of types the stage already has, rather than a map of options: size).
    let mut settled: KeyMap<Kind> = KeyMap::default();
    let mut disputed = KeySet::default();
    for c in candidates.iter().filter(|c| c.anchored && c.words.len() == 1) {
        if *settled.entry(c.key).or_insert(c.kind) != c.kind {
            disputed.insert(c.key);
        }
    }
    for c in candidates.iter_mut() {
        if c.anchored || c.titled || c.canonical.is_some() || c.words.len() != 1 {
            continue;
        }
        if let Some(&kind) = settled.get(&c.key).filter(|_| !disputed.contains(&c.key)) {
            c.kind = kind;
            c.anchored = true;
        }
    }
}

/// The name of a ship, a spacecraft or a storm is no person, place or organization: the
/// capitalized words right after one of [`lexicon::VEHICLE_AND_STORM_WORDS`] ("the shuttle
/// Atlantis", "Space Shuttle Columbia", "the vessel HMC Searcher", "Hurricane Rita") name one,
/// and every mention of that name in the document goes ("Atlantis will go on display", "Rita
/// packed winds"), as does a name that opens with such a word, unless a title makes it a
/// person's. Whether or not the tagger took the words after the cue for a name there: it may
/// take them for one only where they stand alone.
///
/// Costs: a bit test of the word before each capitalized word (by its type hash, as the view
/// has it; a set lookup for the few that pass), and a hash per word of the few runs after a
/// cue.
fn vehicles_and_storms(view: &View, candidates: &mut Vec<Candidate>) {
    /// The most words of a run after a cue that make a name ("Queen Mary 2").
    const LONGEST: usize = 4;
    // The cue words' hashes, and a filter of 256 bits, one for each hash's low byte: most
    // words before a capitalized one are told apart by one bit test, without a lookup.
    static CUES: std::sync::OnceLock<(KeySet, [u64; 4])> = std::sync::OnceLock::new();
    let (cues, filter) = CUES.get_or_init(|| {
        let cues: KeySet =
            lexicon::VEHICLE_AND_STORM_WORDS.iter().map(|w| super::features::hash_bytes(w.as_bytes())).collect();
        let mut filter = [0u64; 4];
        for hash in &cues {
            filter[(hash >> 6 & 3) as usize] |= 1 << (hash & 63);
        }
        (cues, filter)
    });
    let cue = |i: usize| {
        let hash = view.hash(i);
        // OK because `hash >> 6 & 3` is below 4.
        filter[(hash >> 6 & 3) as usize] >> (hash & 63) & 1 != 0 && cues.contains(&hash)
    };
    let mut named = KeySet::default();
    for &i in view.capitalized() {
        let i = i as usize;
        if i == 0 || !cue(i - 1) {
            continue;
        }
        // Every run of capitalized words from `i` on, up to LONGEST: the name the tagger may
        // have found there, whole or cut.
        for end in i + 1..=(i + LONGEST).min(view.len()) {
            // OK because `i < end <= view.len()`, the length of `classes`.
            if view.classes[end - 1] & class::CAP == 0 {
                break;
            }
            named.insert(super::features::hash_words((i..end).map(|k| view.key(k))));
        }
    }
    for c in candidates.iter().filter(|c| c.tokens.len() >= 2 && cue(c.tokens.start)) {
        named.insert(c.key);
    }
    if !named.is_empty() {
        candidates.retain(|c| c.titled || !named.contains(&c.key));
    }
}

/// In a match report, a place that plays is a team: "Sweden 1 – 0 Korea", "Belgium beat
/// Panama", "the lead for Belgium", "Tunisia's coach" make every mention of that name in the
/// document an organization, as news gold standards type sports teams. A document is a match
/// report when it uses several of [`lexicon::SPORT_WORDS`]; a place only named as a venue
/// ("the stadium in Sochi") stays a place.
///
/// Costs: a few lookups per place candidate; the document's words are read once, and only
/// when some place stands in a team's context.
fn sports_teams(view: &View, candidates: &mut [Candidate]) {
    let lists = sport_lists();
    let a = view.a;
    let n = view.len();
    let key_in = |i: usize, set: &KeySet| i < n && set.contains(&view.hash(i));
    let is_number = |i: usize| i < n && a.tokens[i].kind() == TokenKind::Number;
    let is_dash = |i: usize| i < n && matches!(a.token_text(i), "-" | "–" | "—");
    // "1 – 0" as three tokens, or "1-0" as one.
    let score_at =
        |i: usize| is_number(i) && (a.token_text(i).contains(['-', '–']) || (is_dash(i + 1) && is_number(i + 2)));
    let score_before = |s: usize| {
        s >= 1
            && is_number(s - 1)
            && (a.token_text(s - 1).contains(['-', '–']) || (s >= 3 && is_dash(s - 2) && is_number(s - 3)))
    };
    let mut teams = KeySet::default();
    for c in candidates.iter().filter(|c| c.kind == Kind::Place) {
        // The span's tokens: its first, and the one after its last (the tokens that start
        // inside the span), kept with the candidate (see `Candidate::tokens`) rather than
        // searched for (two binary searches a place were a fifth of this pass).
        let (s, e) = (c.tokens.start, c.tokens.end);
        if s >= e || e > n {
            continue;
        }
        let possessive = view.classes[e - 1] & class::POSSESSIVE != 0;
        let team = score_at(e)
            || score_before(s)
            || (!possessive && key_in(e, &lists.verbs))
            || (possessive && key_in(e, &lists.roles))
            || (s >= 1 && key_in(s - 1, &lists.before))
            || (s >= 2
                && view.key(s - 1) == "for"
                && (s.saturating_sub(5)..s - 1).any(|k| key_in(k, &lists.sport) || view.key(k) == "lead"));
        if team {
            teams.insert(c.key);
            // "South Korea" plays, and so does "Korea" later in the report.
            if c.words.len() >= 2 {
                teams.insert(c.last);
            }
        }
    }
    if teams.is_empty() {
        return;
    }
    let mut seen = KeySet::default();
    let mut hits = 0;
    for i in 0..n {
        if view.classes[i] & class::LOWER != 0 && key_in(i, &lists.sport) {
            hits += 1;
            seen.insert(view.hash(i));
        }
    }
    if hits < 4 || seen.len() < 3 {
        return;
    }
    for c in candidates.iter_mut().filter(|c| c.kind == Kind::Place && teams.contains(&c.key)) {
        c.kind = Kind::Organization;
        c.anchored = true;
    }
}

/// The hashed keys of the sports word lists (see [`sports_teams`]).
struct SportLists {
    sport: KeySet,
    verbs: KeySet,
    roles: KeySet,
    before: KeySet,
}

fn sport_lists() -> &'static SportLists {
    static LISTS: std::sync::OnceLock<SportLists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| {
        let set = |words: &str| words.split(' ').map(|w| super::features::hash_bytes(w.as_bytes())).collect();
        SportLists {
            sport: set(lexicon::SPORT_WORDS),
            verbs: set(lexicon::TEAM_VERBS),
            roles: set(lexicon::TEAM_ROLES),
            before: set(lexicon::TEAM_BEFORE),
        }
    })
}

/// A lone word the model took for a name that the document gives no reason to believe is one:
/// a holiday ("before Christmas"), a word before a number that is not a place ("Chapter 11",
/// "No. 2"), a party or other adjective taken for a person ("the Democratic nominee"), or a
/// word the corpus also writes in lowercase taken for a person without a person's evidence
/// ("Stock", "Repair"; a listed given name or surname only where it opens a sentence and
/// never stands capitalized inside one: "Hope you …"), or a common abbreviation ("a CPA",
/// "ASAP"). Names vouched for by the gazetteer or a title are kept.
fn is_common_word(view: &View, c: &Candidate, mentions: u32) -> bool {
    if c.words.len() != 1 || c.titled || c.canonical.is_some() {
        return false;
    }
    let i = c.tokens.start;
    let Some(&classes) = view.classes.get(i) else {
        return false;
    };
    let person_evidence = class::DOC_PERSON_PRONOUN | class::DOC_SURNAME | class::DOC_TITLED | class::DOC_GIVEN;
    let org_evidence = class::DOC_IT_PRONOUN | class::DOC_ORG_CONTEXT;
    if classes & class::ABBREVIATION != 0
        && classes & (person_evidence | org_evidence) == 0
        && (i == 0 || view.key(i - 1) != "the")
        && mentions < 4
    {
        // "a CPA", "ASAP", "on DVD": a common abbreviation alone names nothing, unless the
        // document names something by it, with "the" or again and again ("the CPA" of Iraq).
        return true;
    }
    let person_name = class::GIVEN_M | class::GIVEN_F | class::GIVEN_U | class::SURNAME;
    // A common word that no list names anyone by, before a subject pronoun or a negation ("Do
    // you …", "Do not …"), whatever a name run on into it made of it elsewhere ("Billy
    // Crystal Do not …" gave it a surname's evidence).
    if classes & (class::COMMON | person_name) == class::COMMON && !c.anchored && opens_a_clause(view, i) {
        return true;
    }
    if classes & class::HOLIDAY != 0 {
        return classes & (person_evidence | org_evidence) == 0;
    }
    if is_label(view, i) && !c.anchored {
        // "Image: Jo Roe": whatever the rest of the document says of the word (its runs make it
        // look like a surname, "Stella Maris Image:").
        return true;
    }
    let number_after = view.classes.get(i + 1).is_some_and(|&n| n & class::DIGIT != 0);
    // A name that signs a mail may stand before a phone extension ("Thanks Elizabeth 36349").
    if number_after && (c.kind == Kind::Person || classes & class::DOTTED != 0) && !signed_by(view, i) {
        return true;
    }
    if classes & (person_evidence | org_evidence) == 0 && !c.anchored {
        // A common word in capitals ("FREE", "NOTICE"): the corpus writes it in lowercase, and
        // it is too long for the short acronyms that are also words ("US", "WHO").
        let shouted = classes & class::ALL_CAPS != 0 && view.key(i).len() >= 4;
        // A common word capitalized only where a sentence opens ("Attached is …", "Great
        // service"), whatever kind the model gave it.
        if classes & class::COMMON != 0 && (shouted || is_sentence_opener(classes)) {
            return true;
        }
    }
    if c.kind != Kind::Person || classes & person_evidence != 0 || c.anchored {
        return false;
    }
    let reports_here = view.classes.get(i + 1).is_some_and(|&n| n & class::REPORTING != 0);
    // Capitalized once in the document, where a sentence opens, with no reporting verb after
    // it nor anything else in the document marking a person (see below).
    let lone_opener = mentions == 1
        && classes & (class::SENT_START | class::AFTER_OPENER) != 0
        && classes & (class::POSSESSIVE | class::DOC_REPORTS | class::CAP_INSIDE) == 0
        && !reports_here;
    if classes & person_name != 0 {
        // A given name or surname that is also a common word ("Hope you …", "Will we …",
        // "Great job", "See attached"), only ever capitalized where a sentence opens: the
        // sentence's first word, not a name. A word of the surname list alone ("Great work
        // on …") is one when nothing else names the person, as a given name alone is not
        // (letters and mail address people by it).
        let surname_only = classes & (class::GIVEN_M | class::GIVEN_F | class::GIVEN_U) == 0;
        return (is_sentence_opener(classes) || (surname_only && lone_opener && classes & class::LEANS_PERSON == 0))
            && classes & class::DOC_REPORTS == 0;
    }
    // "our Team", "my Mom", "your Honor": a possessive determiner makes the word a noun.
    if i > 0 && matches!(view.key(i - 1), "our" | "my" | "your" | "their") {
        return true;
    }
    // A word capitalized once in the document, where a sentence opens, that no list, no
    // reporting verb after it and nothing else in the document marks as a person, nor its
    // letters: the sentence's first word ("Heavy rain is expected"). People in news are named
    // in full first, and a surname said alone again.
    if lone_opener && classes & class::LEANS_PERSON == 0 {
        return true;
    }
    let key = view.key(i);
    let adjective = key.len() >= 6 && (key.ends_with("ic") || key.ends_with("ican"));
    adjective || is_common_here(classes)
}

/// True when the word after token `i` is a subject pronoun or a negation ("Do | you still
/// have …", "See | you later", "Do | n't worry"): a common word there is a verb opening a
/// clause, even where no sentence seems to open (after a greeting, or in mail run into one
/// line: "Hey Vladi, Do you …", "Thanks See you …").
fn opens_a_clause(view: &View, i: usize) -> bool {
    i + 1 < view.len() && matches!(view.key(i + 1), "you" | "we" | "i" | "they" | "not" | "n't")
}

/// A capitalized word the corpus also writes in lowercase, unless this document writes it
/// capitalized inside sentences far more often than not ([`class::MOSTLY_CAP`]): one lowercase
/// "scientology" somewhere in a corpus makes no common word of a document's twenty
/// "Scientology".
fn is_common_here(classes: u64) -> bool {
    classes & (class::COMMON | class::MOSTLY_CAP) == class::COMMON
}

/// True when token `i` is a caption's or form's label ("Image: Jo Roe", "Source: …"): a
/// common word (the corpus writes it in lowercase) right before a colon, that is no name of
/// the lists nor a head word.
fn is_label(view: &View, i: usize) -> bool {
    let listed = class::GIVEN_M | class::GIVEN_F | class::GIVEN_U | class::SURNAME;
    let heads = class::ORG_HEAD | class::PLACE_HEAD | class::OTHER_HEAD;
    view.classes.get(i).is_some_and(|&c| c & (class::COMMON | listed | heads) == class::COMMON)
        && i + 1 < view.len()
        && view.a.token_text(i + 1) == ":"
}

/// A word capitalized only where a sentence opens, that the corpus also writes in lowercase:
/// its capital tells nothing ("Hope you …", "Will we …", "Great job", "See attached").
fn is_sentence_opener(classes: u64) -> bool {
    classes & (class::SENT_START | class::AFTER_OPENER) != 0
        && classes & class::COMMON != 0
        && classes & class::CAP_INSIDE == 0
}

/// A person's name the tagger ran on from a possessive ("Velmora's Lena Okafor", "Chile's
/// Tomás Ibarra") is two names: the possessor, a group or a place (people are seldom named
/// by whose they are), and the person. Only a full name after the possessive counts: two
/// capitalized words or more.
// Not inlined: a few calls per name, and inlined into its callers it cost 0.2 KiB of the page's gzip.
#[inline(never)]
fn possessors_of_people(view: &View, tagged: Vec<Tagged>) -> Vec<Tagged> {
    let mut out = Vec::with_capacity(tagged.len());
    for t in tagged {
        let r = t.tokens.clone();
        let person = Kind::from_index(t.kind) == Kind::Person;
        let split = r
            .clone()
            .take(r.len().saturating_sub(2))
            .find(|&i| view.classes[i] & (class::POSSESSIVE | class::CAP) == class::POSSESSIVE | class::CAP);
        let Some(k) = split.filter(|&k| person && (k + 1..r.end).all(|i| view.classes[i] & class::CAP != 0)) else {
            out.push(t);
            continue;
        };
        let group = Kind::Organization;
        out.push(Tagged { tokens: r.start..k + 1, kind: group as usize, scores: one_hot(group) });
        out.push(Tagged { tokens: k + 1..r.end, kind: t.kind, scores: t.scores });
    }
    out
}

/// A company's legal form right after a name ends that name, and makes it an organization,
/// whatever the model made of either piece: "Enron | Corp. common stock", "Halvorsen | Inc."
/// (the model, trained on news that writes "the company", often takes the word before the
/// form for a surname and the form for a name of its own). A form the model took alone
/// takes in the capitalized word before it that no name took. The form is capitalized and
/// dotted or of three letters or more, as after a comma (see `Piece::legal_form_after`).
///
/// Costs: a class test of the token after each name.
fn legal_forms_end_names(view: &View, tagged: Vec<Tagged>) -> Vec<Tagged> {
    let form = |i: usize| is_legal_form(view, i);
    let organization = |mut t: Tagged| {
        t.kind = Kind::Organization as usize;
        t.scores = one_hot(Kind::Organization);
        t
    };
    let mut out: Vec<Tagged> = Vec::with_capacity(tagged.len());
    for mut t in tagged {
        let s = t.tokens.start;
        if out.last().is_some_and(|p| p.tokens.end > s) {
            // The form this name is was taken into the name before it.
            continue;
        }
        if t.tokens.len() == 1 && form(s) && s > 0 {
            let free = out.last().map_or(true, |p| p.tokens.end < s);
            if free && names_a_company(view, s - 1) {
                t.tokens.start = s - 1;
                out.push(organization(t));
                continue;
            }
        }
        if form(t.tokens.end) && view.classes[t.tokens.end - 1] & class::POSSESSIVE == 0 {
            t.tokens.end += 1;
            out.push(organization(t));
            continue;
        }
        out.push(t);
    }
    out
}

/// True when token `i` is a company's legal form as it ends a name: capitalized, and dotted
/// or of three letters or more ("Corp.", "Inc", "LLC"; not "AG" or "SA", mostly other words).
fn is_legal_form(view: &View, i: usize) -> bool {
    i < view.len() && view.classes[i] & (class::CAP | class::COMPANY_FORM) == class::CAP | class::COMPANY_FORM && {
        let w = view.a.token_text(i);
        w.ends_with('.') || w.len() >= 3
    }
}

/// True when token `i`, right before a legal form, is a capitalized word that may name the
/// company ("Enron | Corp."): no title, month, form or word that is never a name.
fn names_a_company(view: &View, i: usize) -> bool {
    let c = view.classes[i];
    let blocked = class::TITLE | class::HONORIFIC | class::NEVER_NAME | class::CALENDAR | class::COMPANY_FORM;
    c & class::CAP != 0 && c & blocked == 0 && view.a.tokens[i].kind() == TokenKind::Word
}

/// Joins the pieces of one person's name that the tagger cut apart: lowercase particles
/// (`Pieter | van der | Berg`) and a quoted nickname (`Robert | "Bobby" | Nguyen`). A person
/// name after particles alone takes them in (`van der Berg said`), and a person's name before
/// particles the capitalized word after them that the tagger left out (`Anna | van der Berg`).
fn join_pieces(view: &View, openers: &[u32], tagged: Vec<Tagged>) -> Vec<Tagged> {
    let tagged = whole_known_names(view, openers, tagged);
    let a = view.a;
    // The PARTICLE class marks capitalized particles only: lowercase ones are read here.
    let is_particle = |i: usize| view.classes[i] & class::LOWER != 0 && lexicon::PARTICLES.contains(&a.token_text(i));
    let is_quote = |i: usize| view.classes[i] & class::QUOTE != 0;
    let mut out: Vec<Tagged> = Vec::with_capacity(tagged.len());
    for mut t in tagged {
        // After a person's name, particles join the next piece whatever its kind ("Anna | van
        // der | Berg"): a place or organization does not follow a person's name that way.
        let after_person = out.last().is_some_and(|p| {
            let gap = p.tokens.end..t.tokens.start;
            p.kind == 0 && !gap.is_empty() && gap.len() <= 3 && gap.clone().all(is_particle)
        });
        if after_person {
            t.kind = 0;
        }
        if t.kind == 0 {
            let mut start = t.tokens.start;
            while start > 0 && t.tokens.start - start < 3 && is_particle(start - 1) {
                start -= 1;
            }
            if let Some(prev) = out.last_mut().filter(|p| p.kind == 0) {
                let gap = prev.tokens.end..t.tokens.start;
                let particles = !gap.is_empty() && gap.len() <= 3 && gap.clone().all(is_particle);
                let nickname = gap.len() == 3
                    && is_quote(gap.start)
                    && is_quote(gap.start + 2)
                    && view.classes[gap.start + 1] & class::CAP != 0;
                if particles || nickname {
                    prev.tokens.end = t.tokens.end;
                    for k in 0..3 {
                        prev.scores[k] += t.scores[k];
                    }
                    continue;
                }
            }
            // Particles after a title or outside a name join it ("Mr. | van der | Berg"); a
            // capitalized word before them that no other name took is the given name
            // ("Pieter | van der | Berg"). Particles opening a sentence are capitalized and
            // belong to the tagger.
            if start < t.tokens.start {
                let c = start.checked_sub(1).map_or(0, |b| view.classes[b]);
                let word_before = start > 0 && a.tokens[start - 1].kind() == TokenKind::Word;
                if !word_before || c & class::CAP == 0 || c & (class::TITLE | class::HONORIFIC) != 0 {
                    t.tokens.start = start;
                } else if c & class::NEVER_NAME == 0 && out.last().map_or(true, |p| p.tokens.end < start) {
                    t.tokens.start = start - 1;
                }
            }
        }
        out.push(t);
    }
    // A person's name followed by particles and a capitalized word the tagger left out takes
    // them in ("Anna | van der Berg" when the tagger saw no name in "Berg").
    let blocked = class::NEVER_NAME | class::TITLE | class::HONORIFIC | class::CALENDAR;
    for k in 0..out.len() {
        if out[k].kind != 0 {
            continue;
        }
        let end = out[k].tokens.end;
        let mut j = end;
        while j < view.len() && j - end < 3 && is_particle(j) {
            j += 1;
        }
        let next = out.get(k + 1).map_or(view.len(), |t| t.tokens.start);
        if j > end && j < next && view.classes[j] & class::CAP != 0 && view.classes[j] & blocked == 0 {
            out[k].tokens.end = j + 1;
        }
    }
    out
}

/// A place or other name inside an organization's name is the organization: "University of
/// | Michigan", "United States | Navy", "Bank of | England" are one organization each (a
/// place head gives a place: "Gulf of | Mexico"). The tagger learned GUM's convention of
/// naming only the innermost name ("Michigan"); a reader looks for the organization. Costs
/// GUM's development score what its convention differs (see the README). A head word the
/// tagger took for a name of its own ("Kingston | University") joins the name before it.
fn whole_organizations(view: &View, tagged: Vec<Tagged>) -> Vec<Tagged> {
    let n = view.len();
    let c = |i: usize| view.classes[i];
    let blocked = class::TITLE | class::HONORIFIC | class::NEVER_NAME | class::HEADLINE | class::SHOUTING;
    let name_word = |i: usize| c(i) & class::CAP != 0 && c(i) & blocked == 0;
    let mut out: Vec<Tagged> = Vec::with_capacity(tagged.len());
    let head = class::ORG_HEAD | class::PLACE_HEAD;
    // Words that may stand between a name and a place's head word after it: common words (the
    // corpus writes them in lowercase) and head words ("Kennedy | Space Center").
    let filler = |i: usize| name_word(i) && c(i) & (head | class::COMMON) != 0;
    // Head words alone that the tagger took for a name of their own right after another name
    // ("Lakeview | University"), or common words ending in a place's head word ("Kennedy |
    // Space Center") or, after a name that is no person's, in an organization's (after a
    // place, any two name words: "U.K. | Environment Agency"): part of that name, not a stop
    // for it.
    let heads_only = |t: &Tagged, u: &Tagged| {
        let last = c(u.tokens.end - 1);
        let heads = if t.kind == 0 { class::PLACE_HEAD } else { head };
        u.tokens.clone().all(|i| c(i) & class::ORG_HEAD != 0 && name_word(i))
            || (u.tokens.clone().all(filler) && last & heads != 0)
            || (t.kind == 1 && u.tokens.len() <= 2 && u.tokens.clone().all(name_word) && last & class::ORG_HEAD != 0)
    };
    let mut absorbed = 0;
    for (k, t) in tagged.iter().enumerate() {
        if t.tokens.end <= absorbed {
            continue;
        }
        let mut t = t.clone();
        let mut kind = None;
        // "University of | Michigan": a head word and "of" right before the name.
        let s = t.tokens.start;
        if s >= 2 && view.key(s - 1) == "of" && name_word(s - 2) && c(s - 2) & class::POSSESSIVE == 0 {
            let head = c(s - 2);
            if head & (class::ORG_HEAD | class::PLACE_HEAD) != 0 {
                let mut start = s - 2;
                while start > 0
                    && start + 4 > s
                    && name_word(start - 1)
                    && c(start - 1) & (class::POSSESSIVE | class::SENT_START) == 0
                {
                    start -= 1;
                }
                // A tagged piece of the head's words is part of the whole.
                while out.last().is_some_and(|p| p.tokens.end > start) {
                    if let Some(p) = out.pop() {
                        start = start.min(p.tokens.start);
                    }
                }
                t.tokens.start = start;
                kind = Some(if head & class::ORG_HEAD != 0 { 2 } else { 1 });
            }
        }
        // "United States | Navy": capitalized words right after the name up to a head word,
        // short of the next tagged name ("Sara Shackleton | Enron Wholesale Services"); after a
        // person's name, an organization's head word alone ("Andy Warhol | Foundation"); after
        // any name, common words and a place's head word ("Kennedy | Space Center"). The head
        // word gives the kind.
        let mut after = k + 1;
        while tagged
            .get(after)
            .is_some_and(|u| u.tokens.start == tagged[after - 1].tokens.end.max(t.tokens.end) && heads_only(&t, u))
        {
            after += 1;
        }
        let next = tagged.get(after).map_or(n, |u| u.tokens.start);
        let person = t.kind == 0;
        let mut end = t.tokens.end;
        let mut last_head = None;
        let mut fillers_only = true;
        while end < next.min(t.tokens.end + 3) && name_word(end) && c(end - 1) & class::POSSESSIVE == 0 {
            fillers_only &= filler(end);
            if person && !fillers_only {
                break;
            }
            let org_head = c(end) & class::ORG_HEAD != 0 && (!person || end == t.tokens.end);
            let place_head = c(end) & class::PLACE_HEAD != 0 && fillers_only;
            // A head word before "of" opens a name of its own ("Titman | Department of Finance").
            if (org_head || place_head) && !(end + 1 < n && view.key(end + 1) == "of") {
                last_head = Some(end + 1);
            }
            end += 1;
        }
        if let Some(end) = last_head {
            t.tokens.end = end;
            kind = Some(if c(end - 1) & class::ORG_HEAD != 0 { 2 } else { 1 });
            absorbed = end;
        }
        // "Chicago Board | of Trade": an organization's head word, "of" and capitalized words
        // the tagger left out (when the tagger took them, the next name's own step joins them).
        let e = t.tokens.end;
        if (kind == Some(2) || t.kind == 2)
            && c(e - 1) & class::ORG_HEAD != 0
            && e + 1 < next
            && view.key(e) == "of"
            && name_word(e + 1)
        {
            let mut end = e + 1;
            while end < next && end < e + 4 && name_word(end) && c(end - 1) & class::POSSESSIVE == 0 {
                end += 1;
            }
            t.tokens.end = end;
            kind = Some(2);
        }
        if let Some(kind) = kind {
            t.kind = kind;
            t.scores = [0; 3];
            t.scores[kind] = 1000;
        }
        out.push(t);
    }
    out
}

/// A name of several words that the gazetteer knows whole ("New York Times") is one name of
/// the gazetteer's kind, where the tagger cut it into pieces or took only part of it.
/// The names open at `openers` ([`View::interesting_tokens`], which hold every token that
/// opens a gazetteer name).
fn whole_known_names(view: &View, openers: &[u32], tagged: Vec<Tagged>) -> Vec<Tagged> {
    let mut known: Vec<(Range<usize>, usize)> = Vec::new();
    // Tokens before `next` belong to a known name just found.
    let mut next = 0;
    for &i in openers {
        let i = i as usize;
        if i < next {
            continue;
        }
        let c = view.classes[i];
        let (inside, kind) = if c & class::ORG_B != 0 {
            (class::ORG_I, 2)
        } else if c & class::PLACE_B != 0 {
            (class::PLACE_I, 1)
        } else {
            continue;
        };
        let mut end = i + 1;
        while end < view.len() && view.classes[end] & inside != 0 {
            end += 1;
        }
        if end - i > 1 {
            known.push((i..end, kind));
        }
        next = end;
    }
    if known.is_empty() {
        return tagged;
    }
    let mut out: Vec<Tagged> = Vec::with_capacity(tagged.len());
    let mut next = 0;
    for t in tagged {
        while next < known.len() && known[next].0.end <= t.tokens.start {
            next += 1;
        }
        let Some((range, kind)) = known.get(next).cloned() else {
            out.push(t);
            continue;
        };
        let overlaps = t.tokens.start < range.end && range.start < t.tokens.end;
        let inside = range.start <= t.tokens.start && t.tokens.end <= range.end;
        if !overlaps || !inside || t.tokens == range {
            out.push(t);
            continue;
        }
        // A piece inside a known name: the whole name replaces it (once).
        if out.last().map_or(true, |last| last.tokens != range) {
            let mut scores = [0; 3];
            scores[kind] = 1000;
            out.push(Tagged { tokens: range, kind, scores });
        }
    }
    out
}

/// A lone capitalized word the tagger left out that is the surname of a person the document
/// names in full, or the given name of the only such person, is that person ("Kozlov said",
/// after "Ivan Kozlov").
fn lone_words_of_full_names<'t>(
    view: &View<'_, 't>,
    gazetteer: &Gazetteer,
    openers: &[u32],
    covered: &mut TokenSet,
    found: &mut DocumentNames<'t>,
) {
    let mut surnames = KeySet::default();
    let mut given: KeyMap<usize> = KeyMap::default();
    for c in found.candidates.iter().filter(|c| c.kind == Kind::Person && c.words.len() >= 2) {
        surnames.insert(c.last);
        *given.entry(c.first).or_default() += 1;
    }
    let piece = Piece { view, gazetteer };
    // Only capitalized words are read: `openers` holds all of them.
    for &i in openers {
        let i = i as usize;
        let c = view.classes[i];
        if c & class::CAP == 0 || c & (class::NEVER_NAME | class::TITLE | class::HONORIFIC) != 0 || covered.get(i) {
            continue;
        }
        let h = view.hash(i);
        if surnames.contains(&h) || given.get(&h) == Some(&1) {
            covered.cover(i..i + 1);
            piece.push(found, i..i + 1, Kind::Person, one_hot(Kind::Person), None, None, false);
            if let Some(last) = found.candidates.last_mut() {
                last.anchored = true;
            }
        }
    }
}

/// People whose names run together into one, as mail does where a signature meets the next
/// message's greeting or a list has no commas ("Vince Sheridan Titman <…>", "Debra Perlingiere
/// Kathleen,", "Renee Renee,"): a person's name made of names the document gives elsewhere on
/// their own is those people. From the left, the longest piece that is another person's whole
/// name in the document comes off. Every piece after the first is a full name that opens with
/// a given name of the lists, or, last and after a full name, a given name of the lists that
/// is no surname and that the document never says alone (a surname then). So "Melissa
/// Thorsby" and "Debbie Wasserman Schultz" stay whole however often "Melissa", "Debbie",
/// "Thorsby" or "Wasserman Schultz" stand alone. A given name written twice is two mentions
/// ("Renee | Renee"). Nothing is split unless every piece is accounted for.
fn people_run_together<'t>(view: &View<'_, 't>, gazetteer: &Gazetteer, found: &mut DocumentNames<'t>) {
    let person = |c: &Candidate| c.kind == Kind::Person;
    let mut names = KeySet::default();
    for c in found.candidates.iter().filter(|c| person(c)) {
        names.insert(c.key);
    }
    let piece = Piece { view, gazetteer };
    let given = |i: usize| view.classes[i] & (class::GIVEN_M | class::GIVEN_F | class::GIVEN_U) != 0;
    let lone_given = |i: usize| given(i) && view.classes[i] & class::SURNAME == 0;
    let mut splits: Vec<(usize, Vec<Range<usize>>)> = Vec::new();
    for (at, c) in found.candidates.iter().enumerate() {
        let r = c.tokens.clone();
        if !person(c) || r.len() < 2 || r.len() > 8 {
            continue;
        }
        let mut pieces: Vec<Range<usize>> = Vec::new();
        if r.len() == 2 && view.key(r.start) == view.key(r.start + 1) && lone_given(r.start) {
            pieces = vec![r.start..r.start + 1, r.start + 1..r.end];
        } else {
            let mut from = r.start;
            while from < r.end {
                // The longest known name starting here, shorter than the whole.
                let first = from == r.start;
                let known = (from + 1..=r.end)
                    .rev()
                    .filter(|&to| to - from < r.len() && (first || to - from >= 2 && given(from)))
                    .find(|&to| names.contains(&piece.hash(from..to)));
                match known {
                    Some(to) => {
                        pieces.push(from..to);
                        from = to;
                    }
                    None if from + 1 == r.end
                        && pieces.last().is_some_and(|p| p.len() >= 2)
                        && lone_given(from)
                        && !names.contains(&piece.hash(from..r.end)) =>
                    {
                        pieces.push(from..r.end);
                        from = r.end;
                    }
                    None => {
                        pieces.clear();
                        break;
                    }
                }
            }
        }
        if pieces.is_empty() {
            pieces = two_people_run_together(view, r, |i| names.contains(&piece.hash(i..i + 1)));
        }
        if pieces.len() >= 2 {
            splits.push((at, pieces));
        }
    }
    for (at, pieces) in splits.into_iter().rev() {
        let old = found.candidates.swap_remove(at);
        for (k, p) in pieces.into_iter().enumerate() {
            let (role, gender) = if k == 0 { (old.role.clone(), old.gender) } else { (None, None) };
            piece.push(found, p, Kind::Person, old.scores, role, gender, k == 0 && old.titled);
        }
    }
}

/// Two people the tagger ran into one name where mail's lines were flattened: a full name and
/// then a given name of the lists, or a full name after a full name ("Lisa Marne Kristen Quinn,"
/// in a list, "Dora Kell Ginny, Please see …" where a signature meets the next greeting), or a
/// name the document gives alone and then a given name before a comma ("Vince Traci, Thanks").
/// The first piece is a given name and more, whose last word is no given name of the lists
/// alone (a surname); the second is a given name, of the lists alone when it is one word (no
/// surname), with one word after it at most. So "Lee Harvey Oswald", "Tommy Lee Jones" and
/// "David Lloyd George" stay whole.
fn two_people_run_together(view: &View, r: Range<usize>, alone: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    // OK because `r.end + 1 < view.len()` is tested first. Most names stand before no comma
    // and capital: they are answered here, before any word's lists are read.
    let greeted =
        r.end + 1 < view.len() && view.a.token_text(r.end) == "," && view.classes[r.end + 1] & class::CAP != 0;
    if !greeted {
        return Vec::new();
    }
    let given = |i: usize| view.classes[i] & (class::GIVEN_M | class::GIVEN_F | class::GIVEN_U) != 0;
    let lone_given = |i: usize| given(i) && view.classes[i] & class::SURNAME == 0;
    // OK because a candidate's tokens are the view's (`r.end <= view.len()`), and `k - 1` is
    // read for `k > r.start`.
    for k in r.start + 1..r.end {
        let rest = r.end - k;
        if !given(k) || rest > 2 || rest == 1 && !lone_given(k) {
            continue;
        }
        let full = k - r.start >= 2
            && given(r.start)
            && !lone_given(k - 1)
            && view.classes[k - 1] & (class::CAP | class::DOTTED | class::INITIAL) == class::CAP;
        let twice = rest == 1 && view.key(k) == view.key(r.start);
        if !twice && (full || k - r.start == 1 && rest == 1 && alone(r.start)) {
            return vec![r.start..k, k..r.end];
        }
    }
    Vec::new()
}

/// A name the document names elsewhere, written the same way where the tagger left it out
/// ("Drennick released …" as a sentence's first word, after "the buyer at Drennick"), is a
/// mention of it too. It adds no score of its own: the document's vote over the name's other
/// mentions decides its kind. Only a whole capitalized run counts ("Washington" is not found
/// inside "Washington Post").
fn repeated_names<'t>(
    view: &View<'_, 't>,
    gazetteer: &Gazetteer,
    openers: &[u32],
    covered: &TokenSet,
    found: &mut DocumentNames<'t>,
) {
    let n = view.len();
    // The names found as (hash of the first word, length in tokens, hash of the key), sorted
    // and without repeats: a word is looked up by binary search once per distinct length of
    // the names it may open, never by walking every name it opens (a document of thousands
    // of distinct names sharing a dozen first names made that quadratic).
    let mut names: Vec<(u64, usize, u64)> =
        found.candidates.iter().map(|c| (c.first, c.words.len(), c.key)).filter(|&(_, len, _)| len > 0).collect();
    if names.is_empty() {
        return;
    }
    crate::sorting::sort_by_key(&mut names, |&name| name);
    names.dedup();
    let blocked = class::NEVER_NAME | class::TITLE | class::HONORIFIC | class::SHOUTING | class::CALENDAR;
    let cap = |i: usize| view.classes[i] & class::CAP != 0;
    let piece = Piece { view, gazetteer };
    // Tokens before `next` belong to a name just found.
    let mut next = 0;
    // Only capitalized words are read: `openers` holds all of them.
    for &i in openers {
        let i = i as usize;
        let c = view.classes[i];
        // Where a sentence opens the tagger trusts no capital; inside one it left the word out
        // on purpose.
        let opens = class::SENT_START | class::AFTER_OPENER;
        if c & class::CAP == 0 || c & blocked != 0 || c & opens == 0 || i < next || covered.get(i) {
            continue;
        }
        let run_before = i > 0 && cap(i - 1) && c & class::SENT_START == 0;
        if run_before {
            continue;
        }
        let h = view.hash(i);
        // The shortest name opened by this word that fits here, as the names are sorted by
        // length: one binary search per distinct length.
        let mut from = names.partition_point(|&(k, ..)| k < h);
        let mut matched = None;
        while let Some(&(k, len, _)) = names.get(from) {
            if k != h {
                break;
            }
            let end = i + len;
            let fits = end <= n
                && (end == n || !cap(end) || view.classes[end - 1] & class::POSSESSIVE != 0)
                && !covered.any(i..end);
            if fits {
                let key = super::features::hash_words((i..end).map(|k| view.key(k)));
                if names.binary_search(&(h, len, key)).is_ok() {
                    matched = Some(len);
                    break;
                }
            }
            from += names[from..].partition_point(|&(k2, len2, _)| (k2, len2) <= (h, len));
        }
        let Some(len) = matched else {
            continue;
        };
        next = i + len;
        // Not a piece of a longer string: a file name, an address, a domain ("Lisa_cv.doc").
        // OK because token spans start and end on character boundaries, and so does a "." after.
        let text = view.a.text;
        let (start, end) = (view.a.tokens[i].start(), view.a.tokens[i + len - 1].end());
        let glued = |c: char| c.is_alphanumeric() || matches!(c, '_' | '@' | '.' | '/');
        if text[..start].chars().next_back().is_some_and(glued)
            || text[end..].chars().next().is_some_and(|c| glued(c) && c != '.')
            || text[end..].starts_with('.') && text[end + 1..].chars().next().is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        piece.push(found, i..next, Kind::Person, [0; 3], None, None, false);
    }
}

/// The surnames of the people a set of documents names in full.
pub(crate) fn full_name_surnames(found: &[DocumentNames]) -> KeySet {
    found
        .iter()
        .flat_map(|f| &f.candidates)
        .filter(|c| c.kind == Kind::Person && c.words.len() >= 2)
        .map(|c| c.last)
        .collect()
}

/// Across the corpus: a capitalized run of up to three words that no name covers and that
/// ends in the surname of a person named in full somewhere in the corpus is that person
/// ("Olena Marchuk" in one article, after "Olena V. Marchuk" in another).
pub(crate) fn corpus_surnames<'t>(
    view: &View<'_, 't>,
    gazetteer: &Gazetteer,
    surnames: &KeySet,
    found: &mut DocumentNames<'t>,
) {
    let mut covered = TokenSet::new(view.len());
    for c in &found.candidates {
        covered.cover(c.tokens.clone());
    }
    let piece = Piece { view, gazetteer };
    let blocked =
        class::NEVER_NAME | class::TITLE | class::HONORIFIC | class::HEADLINE | class::SHOUTING | class::CALENDAR;
    // The classes first: most capitalized tokens are covered or blocked, and say so in one load.
    let name_word = |i: usize| view.classes[i] & class::CAP != 0 && view.classes[i] & blocked == 0 && !covered.get(i);
    let before = found.candidates.len();
    // A name word is capitalized: only those tokens are read.
    for &i in view.capitalized() {
        let i = i as usize;
        if !name_word(i) || !surnames.contains(&view.hash(i)) || (i + 1 < view.len() && name_word(i + 1)) {
            continue;
        }
        let mut start = i;
        while start > 0 && i - start < 2 && name_word(start - 1) {
            start -= 1;
        }
        if start == i && is_sentence_opener(view.classes[i]) {
            // "Hope you …" in one document is no Hope of another's "Bob Hope".
            continue;
        }
        piece.push(found, start..i + 1, Kind::Person, one_hot(Kind::Person), None, None, false);
    }
    if found.candidates.len() == before {
        // Nothing added (most documents): the candidates are in order already, as
        // `recognize_tagged` leaves them (the passes after its sort keep each start, or join a
        // name to the one right after it).
        debug_assert!(found
            .candidates
            .windows(2)
            .all(|w| (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end)));
        return;
    }
    for c in &mut found.candidates[before..] {
        c.anchored = true;
    }
    crate::sorting::sort_by_key(&mut found.candidates, |c| (c.span.start, c.span.end));
}

/// The layer after the model: names the generated gazetteer knows and acronyms, where the
/// model (trained on few of either) left the words outside every name. Their kind is then
/// voted on like any other name's.
///
/// Every name it finds opens at one of `openers` ([`View::interesting_tokens`]): a gazetteer
/// name's first word, a word in capitals or a capitalized one; the other tokens are skipped.
fn after_the_model<'t>(
    view: &View<'_, 't>,
    gazetteer: &Gazetteer,
    openers: &[u32],
    covered: &TokenSet,
    found: &mut DocumentNames<'t>,
) {
    let piece = Piece { view, gazetteer };
    let n = view.len();
    // Tokens before `next` belong to a name just found.
    let mut next = 0;
    for &i in openers {
        let i = i as usize;
        if i < next {
            continue;
        }
        let c = view.classes[i];
        if covered.get(i) || c & class::HEADLINE != 0 {
            continue;
        }
        let (begin, inside, kind) = if c & class::ORG_B != 0 {
            (class::ORG_B, class::ORG_I, Kind::Organization)
        } else if c & class::PLACE_B != 0 {
            (class::PLACE_B, class::PLACE_I, Kind::Place)
        } else if is_acronym(view, i) || is_evidenced_organization(view, i) {
            (0, 0, Kind::Organization)
        } else if is_unknown_word(c) && c & class::ALL_CAPS == 0 && is_employer_before(view, i + 1) {
            // "Halvard founder Lena Okafor", "a Veltrana spokesman": the employer of a role.
            (0, 0, Kind::Organization)
        } else if i > 0 && is_unknown_word(c) && is_place_context(view, i) {
            // "near the town of Sulvany": nothing but a place stands there.
            (0, 0, Kind::Place)
        } else if is_addressed(view, i) || signed_by(view, i) {
            (0, 0, Kind::Person)
        } else if i + 1 < n && c & (class::CAP | class::DIGIT) == class::CAP && !covered.get(i + 1) && {
            let code = view.classes[i + 1];
            let person = class::DOC_PERSON_PRONOUN | class::DOC_TITLED;
            code & class::DIGIT != 0
                && code & class::CAP != 0
                && code & (class::DOC_IT_PRONOUN | class::DOC_ORG_CONTEXT) != 0
                && code & person == 0
        } {
            // "Airbus A380 … its": the document's evidence lands on the model code, the name
            // is the maker's.
            piece.push(found, i..i + 1, Kind::Organization, one_hot(Kind::Organization), None, None, false);
            next = i + 2;
            continue;
        } else {
            continue;
        };
        let mut end = i + 1;
        while begin != 0
            && end < n
            && view.classes[end] & inside != 0
            && view.classes[end] & begin == 0
            && !covered.get(end)
        {
            end += 1;
        }
        let mut start = i;
        if kind == Kind::Organization {
            // A legal form ends the company's name, and a form alone takes in the word
            // before it ("Enron | Corp." where the model found neither).
            if is_legal_form(view, end) && !covered.get(end) {
                end += 1;
            } else if end == i + 1
                && i > next
                && is_legal_form(view, i)
                && !covered.get(i - 1)
                && names_a_company(view, i - 1)
            {
                start = i - 1;
            }
        }
        piece.push(found, start..end, kind, one_hot(kind), None, None, false);
        next = end;
    }
}

/// A given name of the lists that a letter or mail addresses ("Greg, I faxed you …", "Jill:
/// as discussed", "Thanks, Tomas!"): capitalized, alone before a comma, colon or exclamation
/// mark, and not after a lowercase word (inside a sentence the model decides). A word the
/// corpus also writes in lowercase ("Will, …", "Hope, …") or that names anything else (a
/// month, a place, a title) is none.
fn is_addressed(view: &View, i: usize) -> bool {
    let c = view.classes[i];
    let given = class::GIVEN_M | class::GIVEN_F | class::GIVEN_U;
    let excluded = class::ALL_CAPS
        | class::COMMON
        | class::NEVER_NAME
        | class::TITLE
        | class::HONORIFIC
        | class::CALENDAR
        | class::HOLIDAY
        | class::PLACE_B
        | class::ORG_B
        | class::DEMONYM
        | class::POSSESSIVE
        | class::HEADLINE;
    c & class::CAP != 0
        && c & given != 0
        && c & excluded == 0
        && i + 1 < view.len()
        && matches!(view.a.token_text(i + 1), "," | ":" | "!")
        && (i == 0 || view.classes[i - 1] & class::LOWER == 0)
}

/// A name that signs or opens a letter or mail ("Thanks, Dawn", "Regards Elizabeth 36349",
/// "Thanks KK", "Hi Kay"): a given name of the lists right after a sign-off or greeting word
/// (and a comma, full stop, colon or exclamation mark at most), or a pair of capitals, initials,
/// right after a sign-off. Mail flattened into one line leaves nothing else to tell the name
/// from what follows it ("Thanks Kay \"paulhastings.com\" made …"), and the model, trained on
/// edited text, takes such a word for a place or a company as often as not. A word that names a
/// month, a holiday or a title is none ("Thanks May"), nor a longer run of capitals ("Thanks
/// ALL").
fn signed_by(view: &View, i: usize) -> bool {
    let Some(&c) = view.classes.get(i) else {
        return false;
    };
    let given = class::GIVEN_M | class::GIVEN_F | class::GIVEN_U;
    // Neither a given name nor in capitals (what the answer below needs, one or the other):
    // none, without reading the words before it.
    if i == 0
        || c & class::CAP == 0
        || c & (given | class::ALL_CAPS) == 0
        || c & (class::NEVER_NAME | class::CALENDAR | class::HOLIDAY | class::TITLE) != 0
    {
        return false;
    }
    let mut k = i - 1;
    if matches!(view.key(k), "," | "." | ":" | "!") {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        k = before;
    }
    let sign_off = match view.key(k) {
        "best" => true,
        "you" if k > 0 && view.key(k - 1) == "thank" => true,
        key => match letter_word(key) {
            Some(sign_off) => sign_off,
            None => return false,
        },
    };
    let initials = c & class::ALL_CAPS != 0 && view.key(i).len() == 2;
    // "Thanks See you later": a given name of the lists that is also a common word, before a
    // subject pronoun, opens a clause ("See", "Will", "Hope" are given names too).
    let verb = c & class::COMMON != 0 && opens_a_clause(view, i);
    (c & given != 0 && c & class::ALL_CAPS == 0 && !verb) || (sign_off && initials)
}

/// A word that signs off (`Some(true)`: "thanks", "regards", "cheers") or greets (`Some(false)`:
/// "hi", "dear") in a letter or mail; never part of a name. "Best" is left out ("Best Buy").
fn letter_word(key: &str) -> Option<bool> {
    match key {
        "thanks" | "thx" | "regards" | "cheers" | "sincerely" => Some(true),
        "hi" | "hello" | "hey" | "dear" => Some(false),
        _ => None,
    }
}

/// Places written in lowercase ("i live in chicago", "flights to new orleans"), which the
/// model, trained on edited text, never finds: the longest run of up to five lowercase words
/// that the gazetteer knows as a place that counts so (no common word or given name: see
/// `Gazetteer::lowercase_place`). A word inside an address ("chicago.com", "jo@denver") is
/// none.
fn lowercase_places<'t>(view: &View<'_, 't>, gazetteer: &Gazetteer, covered: &TokenSet, found: &mut DocumentNames<'t>) {
    let piece = Piece { view, gazetteer };
    let (n, text) = (view.len(), view.a.text.as_bytes());
    let next = |i: usize| next_with(&view.classes, class::LOWERCASE_PLACE, i);
    let mut i = next(0);
    while i < n {
        if covered.get(i) {
            i = next(i + 1);
            continue;
        }
        let mut h = view.hash(i);
        let mut best = gazetteer.lowercase_place(h).map(|_| 1);
        let mut end = i + 1;
        while end < n
            && end - i < 5
            && view.classes[end - 1] & class::POSSESSIVE == 0
            && view.classes[end] & class::LOWER != 0
            && !covered.get(end)
            && gazetteer.continues(h)
        {
            h = hash_more(hash_more(h, b" "), view.key(end).as_bytes());
            end += 1;
            if gazetteer.lowercase_place(h).is_some() {
                best = Some(end - i);
            }
        }
        let Some(len) = best else {
            i = next(i + 1);
            continue;
        };
        let span = token_span(view, i..i + len);
        // Bytes around the span (the text's own bytes, so no slicing of a &str).
        let before = span.start.checked_sub(1).and_then(|k| text.get(k)).copied().unwrap_or(b' ');
        let after = text.get(span.end).copied().unwrap_or(b' ');
        let after_next = text.get(span.end + 1).copied().unwrap_or(b' ');
        let in_address = matches!(before, b'@' | b'.' | b'/' | b'_' | b'-' | b':')
            || matches!(after, b'@' | b'/' | b'_')
            || (matches!(after, b'.' | b'-') && after_next.is_ascii_alphanumeric());
        if !in_address {
            piece.push(found, i..i + len, Kind::Place, one_hot(Kind::Place), None, None, false);
        }
        i = next(i + len);
    }
}

/// The first token from `from` on whose classes hold one of `bits`, `classes.len()` when none
/// does (nor when `from` is past the end). Such tokens are rare (demonyms, lowercase places),
/// so the classes are read eight at a time: a pass over a document's tokens costs some two
/// instructions a token instead of ten.
fn next_with(classes: &[u64], bits: u64, from: usize) -> usize {
    let rest = classes.get(from..).unwrap_or_default();
    let mut eights = rest.chunks_exact(8);
    let mut skipped = 0;
    for eight in eights.by_ref() {
        if eight.iter().fold(0, |all, &c| all | c) & bits != 0 {
            break;
        }
        skipped += 8;
    }
    // OK because `skipped` counts whole chunks of `rest`.
    rest[skipped..].iter().position(|&c| c & bits != 0).map_or(classes.len(), |k| from + skipped + k)
}

/// True for a capitalized word that no list knows and that is no common word here (see
/// `is_common_here`).
fn is_unknown_word(classes: u64) -> bool {
    let known = class::POSSESSIVE
        | class::NEVER_NAME
        | class::CALENDAR
        | class::TITLE
        | class::HONORIFIC
        | class::DEMONYM
        | class::ORG_HEAD
        | class::PLACE_HEAD
        | class::OTHER_HEAD;
    classes & (class::CAP | class::DIGIT) == class::CAP && classes & known == 0 && !is_common_here(classes)
}

/// A capitalized word the document calls "it" or counts shares of, never "he" or "she", and
/// that is written capitalized inside a sentence and never in lowercase: an organization
/// ("Veltrana cut its forecast … Shares of Veltrana fell").
fn is_evidenced_organization(view: &View, i: usize) -> bool {
    let c = view.classes[i];
    let person = class::DOC_PERSON_PRONOUN | class::DOC_SURNAME | class::DOC_TITLED | class::DOC_GIVEN;
    let excluded = class::NEVER_NAME
        | class::TITLE
        | class::HONORIFIC
        | class::CALENDAR
        | class::DEMONYM
        | class::HEADLINE
        | class::SHOUTING
        | class::GIVEN_M
        | class::GIVEN_F;
    c & class::CAP != 0
        && c & class::DIGIT == 0
        && c & class::CAP_INSIDE != 0
        && c & (class::DOC_IT_PRONOUN | class::DOC_ORG_CONTEXT) != 0
        && c & (person | excluded) == 0
        && !is_common_here(c)
}

/// "40 million USD", "USD 40", "5 GB": a word in capitals beside a number is a currency or a
/// unit.
fn beside_number(view: &View, i: usize) -> bool {
    let number = |k: usize| {
        view.classes.get(k).is_some_and(|c| c & class::DIGIT != 0)
            || (k < view.len() && matches!(view.key(k), "million" | "billion" | "trillion"))
    };
    view.classes[i] & class::ALL_CAPS != 0 && (number(i + 1) || (i > 0 && number(i - 1)))
}

/// A word of two to six capitals that names nothing else: an organization's acronym.
fn is_acronym(view: &View, i: usize) -> bool {
    let c = view.classes[i];
    let excluded = class::NEVER_NAME
        | class::DEMONYM
        | class::TITLE
        | class::HONORIFIC
        | class::CALENDAR
        | class::COMPANY_FORM
        | class::SHOUTING
        | class::DIGIT;
    if c & class::ALL_CAPS == 0 || c & excluded != 0 {
        return false;
    }
    if beside_number(view, i) {
        return false;
    }
    let word = strip_possessive(view.a.token_text(i));
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let roman = word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'));
    (2..=6).contains(&letters) && letters == word.chars().count() && !roman && !ROLE_ACRONYMS.contains(&word)
}

/// The span of tokens `range`, without a final possessive.
fn token_span(view: &View, range: Range<usize>) -> Span {
    let a = view.a;
    let last = a.token_text(range.end - 1);
    let cut = last.len() - strip_possessive(last).len();
    Span::new(a.tokens[range.start].start(), a.tokens[range.end - 1].end() - cut)
}

/// One tagged name being cut into candidates.
struct Piece<'v, 'a, 't, 'g> {
    view: &'v View<'a, 't>,
    gazetteer: &'g Gazetteer,
}

impl<'t> Piece<'_, '_, 't, '_> {
    fn word(&self, i: usize) -> &'t str {
        strip_possessive(self.view.a.token_text(i))
    }

    fn classes(&self, i: usize) -> u64 {
        self.view.classes[i]
    }

    /// Whether a comma and a company's legal form follow token `end` ("…, Inc.", "…, LLC").
    /// The form is capitalized and dotted or of three letters or more: two capitals after a
    /// comma are mostly a state ("Lawrence, KS"), whatever cleanco lists.
    fn legal_form_after(&self, end: usize) -> bool {
        end + 1 < self.view.len()
            && self.view.key(end) == ","
            && self.classes(end + 1) & (class::CAP | class::COMPANY_FORM) == class::CAP | class::COMPANY_FORM
            && {
                let form = self.view.a.token_text(end + 1);
                form.contains('.') || form.len() >= 3
            }
    }

    fn known(&self, range: Range<usize>) -> Option<Known> {
        self.known_hashed(range.clone(), self.hash(range))
    }

    /// The hash of the folded words of `range` (see [`Candidate::key`]).
    fn hash(&self, range: Range<usize>) -> u64 {
        // The first word's hash is its type's (`hash_words` of one key): the rest continue it.
        let Some(first) = range.clone().next() else {
            return super::features::hash_words(std::iter::empty());
        };
        range.skip(1).fold(self.view.hash(first), |h, i| hash_more(hash_more(h, b" "), self.view.key(i).as_bytes()))
    }

    /// [`Piece::known`] of `range`, whose words hash to `hash`.
    fn known_hashed(&self, range: Range<usize>, hash: u64) -> Option<Known> {
        let capitals = || range.clone().all(|i| !self.view.a.token_text(i).chars().any(char::is_lowercase));
        self.gazetteer.lookup_hash_with(hash, capitals)
    }

    fn candidates(&self, t: &Tagged, found: &mut DocumentNames<'t>) {
        let a = self.view.a;
        let mut r = t.tokens.clone();
        // A leading article or possessive determiner, or a sentence's opening adverb, is no part
        // of the name ("Later | Kozlov said", "a | Bush administration", "Our | Team").
        let opening_adverb = |i: usize| {
            self.classes(i) & class::NEVER_NAME != 0 && self.classes(i) & (class::SENT_START | class::AFTER_OPENER) != 0
        };
        let determiner = |i: usize| {
            matches!(a.token_text(i), "the" | "The" | "a" | "an")
                || matches!(self.view.key(i), "our" | "my" | "your" | "their")
        };
        while r.len() > 1
            && (determiner(r.start) || opening_adverb(r.start) || letter_word(self.view.key(r.start)).is_some())
        {
            r.start += 1;
        }
        // Nor a greeting or sign-off on either side, where mail runs on in one line ("Cheers |
        // Chris", "Thanks, Dawn | Hey, I am …").
        while r.len() > 1 && letter_word(self.view.key(r.end - 1)).is_some() {
            r.end -= 1;
        }
        // Nor a common word that opens a clause after the name ("Billy Crystal | Do n't
        // worry", "Jo Roe | Do you …": mail and quotes run into one line).
        while r.len() > 1 && is_common_here(self.classes(r.end - 1)) && opens_a_clause(self.view, r.end - 1) {
            r.end -= 1;
        }
        // Nor, after a person's full name, a common word that is a given name of the lists but
        // no surname, before a lowercase word ("Jo Roe | See attached", "Jo Roe | Will you":
        // a signature run into the next line's imperative). A third word of a name is mostly
        // a surname; a common word that is no given name may end a show's or a firm's name
        // ("Steve Harvey Morning Show is"), where cutting it would make a surname of the rest.
        if r.len() >= 3 && t.kind == Kind::Person as usize && r.end < self.view.len() {
            let last = self.classes(r.end - 1);
            let next = self.classes(r.end);
            let heads = class::ORG_HEAD | class::PLACE_HEAD | class::OTHER_HEAD;
            let kept = class::SURNAME | class::PARTICLE | class::INITIAL | class::POSSESSIVE | heads;
            // Not after an initial ("Donald J. | Trump said"): the word after one is a surname.
            let given = class::GIVEN_M | class::GIVEN_F | class::GIVEN_U;
            if is_common_here(last)
                && last & kept == 0
                && last & given != 0
                && self.classes(r.end - 2) & (class::INITIAL | class::PARTICLE) == 0
                && next & (class::LOWER | class::REPORTING) == class::LOWER
                && self.view.a.tokens[r.end].kind() == TokenKind::Word
            {
                r.end -= 1;
            }
        }
        // Nor is one alone a name ("Sincerely, | Jo Roe", "Cheers!").
        if r.len() == 1 && letter_word(self.view.key(r.start)).is_some() {
            return;
        }
        while !r.is_empty() && a.tokens[r.end - 1].kind() == TokenKind::Punct {
            r.end -= 1;
        }
        // A caption's label is no part of the name before it ("Belle Image: Jo Roe").
        while r.len() > 1 && is_label(self.view, r.end - 1) {
            r.end -= 1;
        }
        if r.is_empty() || self.inside_title(r.clone()) {
            return;
        }
        let mut kind = Kind::from_index(t.kind);
        // A model code ("V90", "A380", "747") ends the maker's name; the product is no name.
        if let Some(code) = r.clone().find(|&i| self.classes(i) & class::DIGIT != 0) {
            r.end = code;
            if r.is_empty() {
                return;
            }
            kind = Kind::Organization;
        }
        // "Gate No. 4", "Building No. 2": a numbered thing, not a name (a legal form before a
        // number, as in "Enron Corp. 713/853-5025", is the company's).
        let numbered = |k: usize| {
            k + 1 < self.view.len()
                && self.classes(k) & (class::CAP | class::DOTTED | class::COMPANY_FORM) == class::CAP | class::DOTTED
                && a.token_text(k).len() <= 4
                && self.classes(k + 1) & class::DIGIT != 0
        };
        if numbered(r.end - 1) || numbered(r.end) {
            return;
        }
        // A month or weekday alone after a preposition of time is a date ("full by March", "in
        // May"), whatever the tagger made of it; a possessive ("in May's cabinet") stays a name.
        if r.len() == 1 && self.classes(r.start) & (class::CALENDAR | class::POSSESSIVE) == class::CALENDAR {
            let after_time_preposition = r.start.checked_sub(1).is_some_and(|p| {
                matches!(
                    self.view.key(p),
                    "by" | "in"
                        | "on"
                        | "until"
                        | "till"
                        | "since"
                        | "before"
                        | "after"
                        | "from"
                        | "through"
                        | "during"
                )
            });
            if after_time_preposition {
                return;
            }
        }
        if r.len() == 1 && (self.opens_before_article(r.start) || beside_number(self.view, r.start)) {
            // "Given the number …", "Despite a …": a sentence's first word before an article.
            return;
        }
        if r.len() == 1 {
            if let Some(Known::Demonym(place)) = self.known(r.clone()) {
                found.demonyms.push(DemonymUse { span: token_span(self.view, r), place });
                return;
            }
        }
        // Head words alone ("University", "City Council" where the place inside the full name
        // is the name that counts) name nothing a reader could tell apart.
        let heads = class::ORG_HEAD | class::PLACE_HEAD | class::OTHER_HEAD;
        if r.clone().all(|i| self.classes(i) & heads != 0) && self.known(r.clone()).is_none() {
            return;
        }
        // A legal form after a comma belongs to the company before it ("Orvane, | LLC").
        if r.len() == 1 && r.start > 0 && self.legal_form_after(r.start - 1) {
            return;
        }
        // A run ending in an organization's head word or legal form is an organization
        // ("Morgan Keane Securities", "Halvorsen Motors Inc."), and so is a name a legal form
        // follows after a comma ("Drennick Tool, Inc.", "Orvane, LLC").
        let last = self.classes(r.end - 1);
        if r.len() > 1 && last & (class::ORG_HEAD | class::COMPANY_FORM) != 0 && last & class::PLACE_HEAD == 0
            || self.legal_form_after(r.end)
        {
            // The head word settles the kind: the document's vote must not undo it.
            self.push(found, r, Kind::Organization, one_hot(Kind::Organization), None, None, false);
            return;
        }
        // A run ending in a place's head word is a place ("Lake Orvan", "Corvale Space Center").
        if r.len() > 1 && last & class::PLACE_HEAD != 0 {
            self.push(found, r, Kind::Place, one_hot(Kind::Place), None, None, false);
            return;
        }
        // A lone word before a capitalized title and a name qualifies the title ("House |
        // Speaker Paul Ryan"), unless the gazetteer knows it ("Texas | Gov. Greg Abbott").
        let title_and_name_after = r.end + 1 < self.view.len()
            && self.classes(r.end) & class::TITLE != 0
            && self.classes(r.end) & class::CAP != 0
            && self.classes(r.end + 1) & class::CAP != 0;
        if r.len() == 1 && title_and_name_after && self.known(r.clone()).is_none() {
            // It is part of the title, and goes into the person's role.
            return;
        }
        if kind != Kind::Person {
            self.push(found, r, kind, t.scores, None, None, false);
            return;
        }
        // A person: titles, honorifics, demonyms and the place of a title come off the front.
        let (mut role, mut gender, mut titled) = (None::<String>, None, false);
        if let Some((words, title_gender)) = self.lowercase_title_before(r.start) {
            role = Some(words);
            gender = title_gender;
            titled = true;
        }
        if let Some(acronym) = r.start.checked_sub(1).map(|k| a.token_text(k)).filter(|w| ROLE_ACRONYMS.contains(w)) {
            // "Apple CEO | Steve Jobs": the tagger left the role outside the name.
            role = Some(acronym.to_string());
            titled = true;
        }
        if let Some(t) = self.title_before(r.start) {
            // "Defense Secretary | Robert M. Gates", "Mr. | Smith": the title stands outside,
            // with a capitalized word before it that is no known name ("House Speaker").
            if t.role {
                let k = r.start - t.words.len();
                let qualifier = k.checked_sub(1).filter(|&q| {
                    let c = self.classes(q);
                    c & class::CAP != 0
                        && c & (class::NEVER_NAME | class::TITLE | class::HONORIFIC | class::POSSESSIVE) == 0
                        && self.known(q..q + 1).is_none()
                });
                role = Some(match qualifier {
                    Some(q) => format!("{} {}", a.token_text(q), t.words.join(" ")),
                    None => t.words.join(" "),
                });
            }
            gender = t.gender.or(gender);
            titled = true;
        }
        if let Some(cut) = self.title_cut(r.clone()) {
            // "Texas Gov. Greg Abbott", "Apple CEO Steve Jobs": the place or organization is a
            // name of its own; what follows it up to the name is the role.
            let mut from = r.start.min(cut.start);
            if let Some(n) = (1..=3).rev().find(|&n| {
                from + n < cut.end
                    && matches!(self.known(from..from + n), Some(Known::Place(_) | Known::Organization(_)))
            }) {
                let k = match self.known(from..from + n) {
                    Some(Known::Place(_)) => Kind::Place,
                    _ => Kind::Organization,
                };
                self.push(found, from..from + n, k, one_hot(k), None, None, false);
                from += n;
            }
            while from < cut.end && self.classes(from) & class::DEMONYM != 0 {
                if let Some(Known::Demonym(place)) = self.known(from..from + 1) {
                    found.demonyms.push(DemonymUse { span: token_span(self.view, from..from + 1), place });
                }
                from += 1;
            }
            let words: Vec<&str> = (from..cut.end).map(|i| a.token_text(i)).collect();
            let is_role = (from..cut.end)
                .any(|i| self.classes(i) & class::TITLE != 0 || ROLE_ACRONYMS.contains(&a.token_text(i)));
            for i in from..cut.end {
                if let Some(t) = lexicon::TITLES.iter().find(|t| t.words.len() == 1 && t.words[0] == a.token_text(i)) {
                    gender = t.gender.or(gender);
                }
            }
            if is_role && !words.is_empty() {
                role = Some(words.join(" "));
            }
            titled = true;
            r.start = cut.end;
        }
        if r.is_empty() {
            return;
        }
        gender = gender.or_else(|| self.gender_before(r.start)).or_else(|| self.given_name_gender(r.clone()));
        self.push(found, r, Kind::Person, t.scores, role, gender, titled);
    }

    /// True when every token of `r` belongs to a title that starts before it ("Under Secretary
    /// of | State | Jane Roe"): a piece of a role the tagger cut off, no name.
    fn inside_title(&self, r: Range<usize>) -> bool {
        (r.start.saturating_sub(4)..r.start)
            .any(|k| title_at(self.view, k, self.view.len()).is_some_and(|t| k + t.words.len() >= r.end))
    }

    /// True when token `i` opens a sentence or clause and an article or possessive follows it.
    fn opens_before_article(&self, i: usize) -> bool {
        let opens = self.classes(i) & (class::SENT_START | class::AFTER_OPENER) != 0;
        opens
            && i + 1 < self.view.len()
            && matches!(
                self.view.key(i + 1),
                "the" | "a" | "an" | "this" | "that" | "these" | "those" | "his" | "her" | "its" | "their" | "our"
            )
    }

    /// A capitalized title or honorific ending right before token `first` (outside the span),
    /// with any capitalized words of it before ("Under Secretary of State").
    fn title_before(&self, first: usize) -> Option<&'static Title> {
        (first.saturating_sub(4)..first)
            .find_map(|k| title_at(self.view, k, first).filter(|t| k + t.words.len() == first))
    }

    /// The title part of a person's span: up to its last title, honorific or role word that is
    /// followed by a name word ("House Speaker | Paul Ryan", "Mr. | Smith"); it may start before
    /// the span ("Secretary of | State Jane Roe").
    fn title_cut(&self, r: Range<usize>) -> Option<Range<usize>> {
        let a = self.view.a;
        let mut cut = None;
        for k in r.start.saturating_sub(3)..r.start {
            if let Some(t) = title_at(self.view, k, r.end) {
                let end = k + t.words.len();
                if end > r.start && end < r.end && self.classes(end) & class::CAP != 0 {
                    cut = cut.or(Some(k..end));
                }
            }
        }
        let mut i = r.start;
        while i < r.end {
            let title = title_at(self.view, i, r.end);
            let len = title.map_or(1, |t| t.words.len());
            let is_title = title.is_some() || ROLE_ACRONYMS.contains(&a.token_text(i));
            if is_title && i + len < r.end && self.classes(i + len) & class::CAP != 0 {
                let start = cut.as_ref().map_or(r.start, |c: &Range<usize>| c.start.min(r.start));
                cut = Some(start..i + len);
            }
            i += len;
        }
        cut
    }

    /// A lowercase title right before the name ("foreign minister Ivan Petrov",
    /// "press secretary Jane Roe"): its words and the gender it tells.
    fn lowercase_title_before(&self, first: usize) -> Option<(String, Option<Gender>)> {
        let a = self.view.a;
        if first == 0
            || self.classes(first - 1) & (class::TITLE | class::ROLE_NOUN) == 0
            || self.classes(first - 1) & class::LOWER == 0
        {
            return None;
        }
        let mut from = first;
        while from > 0
            && first - from < 4
            && a.tokens[from - 1].kind() == TokenKind::Word
            && self.classes(from - 1) & class::LOWER != 0
        {
            from -= 1;
        }
        (from..first).find_map(|k| {
            let words: Vec<&str> = (k..first).map(|i| a.token_text(i)).collect();
            let phrase = words.join(" ");
            let titled = lexicon::TITLES.iter().any(|t| {
                t.role
                    && t.words.len() == words.len()
                    && t.words.iter().zip(&words).all(|(a, b)| a.eq_ignore_ascii_case(b))
            });
            let noun = lexicon::GENDERED_NOUNS.iter().find(|(n, _)| *n == phrase && words.len() == 1);
            let role_noun = lexicon::ROLE_NOUNS.contains(&phrase.as_str());
            (titled || role_noun).then(|| (phrase.clone(), noun.map(|&(_, g)| g)))
        })
    }

    /// A gendered role noun right before the name ("spokeswoman Jane Roe").
    fn gender_before(&self, start: usize) -> Option<Gender> {
        let before = start.checked_sub(1).map(|k| self.view.a.token_text(k))?;
        lexicon::GENDERED_NOUNS.iter().find(|(noun, _)| *noun == before).map(|&(_, g)| g)
    }

    /// The gender most bearers of the name's first word have (census), for full names only.
    fn given_name_gender(&self, r: Range<usize>) -> Option<Gender> {
        if r.len() < 2 {
            return None;
        }
        let c = self.classes(r.start);
        match (c & class::GIVEN_M != 0, c & class::GIVEN_F != 0) {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            _ => None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &self,
        found: &mut DocumentNames<'t>,
        r: Range<usize>,
        kind: Kind,
        scores: [i32; 3],
        role: Option<String>,
        gender: Option<Gender>,
        titled: bool,
    ) {
        let span = token_span(self.view, r.clone());
        if in_address(self.view.a.text.as_bytes(), span) {
            return;
        }
        // A name the gazetteer knows is of the gazetteer's kind ("U.S. officials" are not an
        // organization, nor "Microsoft's browser" a person's).
        let key = self.hash(r.clone());
        let (kind, canonical) = match self.known_hashed(r.clone(), key) {
            Some(Known::Place(c)) => (Kind::Place, Some(c)),
            Some(Known::Organization(c)) => (Kind::Organization, Some(c)),
            _ => (kind, None),
        };
        let single = r.len() == 1 || (r.len() == 2 && self.view.a.token_text(r.start) == "the");
        let certainty = if !single || canonical.is_some() || titled { Certainty::Sure } else { Certainty::Guess };
        found.candidates.push(Candidate {
            span,
            tokens: r.clone(),
            kind,
            certainty,
            canonical,
            words: r.clone().map(|i| self.word(i)).collect(),
            role,
            gender,
            titled,
            scores,
            anchored: false,
            key,
            evidence: self.view.classes[r.end - 1],
            first: self.view.hash(r.start),
            last: self.view.hash(r.end - 1),
        });
    }
}

/// A person's name the tagger ran on into the name of the organization whose mail domain the
/// document writes (a signature flattened into one line: "Jo Roe Veltrana Energy Services"
/// beside "jo.roe@veltrana.com") is two names: the person, and the organization from the
/// domain's word on. Only a word after the person's first is looked at.
// Not inlined: a few calls per document, and most documents have no domain.
#[inline(never)]
fn domains_in_people(view: &View, domains: &[u64], tagged: Vec<Tagged>) -> Vec<Tagged> {
    if domains.is_empty() {
        return tagged;
    }
    let mut out = Vec::with_capacity(tagged.len());
    for t in tagged {
        let r = t.tokens.clone();
        let split = (Kind::from_index(t.kind) == Kind::Person)
            .then(|| {
                (r.start + 1..r.end)
                    .find(|&i| view.classes[i] & class::CAP != 0 && domains.binary_search(&view.hash(i)).is_ok())
            })
            .flatten();
        let Some(k) = split else {
            out.push(t);
            continue;
        };
        let group = Kind::Organization;
        out.push(Tagged { tokens: r.start..k, kind: t.kind, scores: t.scores });
        out.push(Tagged { tokens: k..r.end, kind: group as usize, scores: one_hot(group) });
    }
    out
}

/// A verb in its base form opening a sentence is a command, no name, where it is followed by
/// what a command takes: "Write to Ben at …", "Visit our site", "Call 555 …", "Join us for …"
/// (a preposition, a determiner, an object pronoun or a number right after it), or by a
/// person's full name or a known place that the tagger ran it into ("Call Jo Roe", "Visit
/// Paris"). The verbs are WordNet's everyday ones (`verbs_data`); a word the lists name anyone
/// by ("Mark", "Will"), one the document also capitalizes inside a sentence, and one in
/// capitals are left alone, and so is a verb alone before a comma ("Visit, thanks for …" greets
/// a person named Visit).
///
/// Costs: a class test per tagged name; a hash lookup for those opening a sentence.
// Not inlined: called once per document.
#[inline(never)]
fn imperatives_open_no_names(view: &View, mut tagged: Vec<Tagged>) -> Vec<Tagged> {
    let n = view.len();
    let listed = NAMES_A_PERSON
        | class::PLACE_B
        | class::ORG_B
        | class::ALL_CAPS
        | class::CAP_INSIDE
        | class::HEADLINE
        | class::POSSESSIVE;
    let opens = |i: usize| {
        let c = view.classes[i];
        c & (class::SENT_START | class::AFTER_OPENER) != 0
            && c & class::CAP != 0
            && c & listed == 0
            && imperative_verbs().contains(&view.hash(i))
    };
    let mut cut = false;
    for t in tagged.iter_mut() {
        let i = t.tokens.start;
        // OK because a tagged name holds tokens of the view (`i < n`).
        if !opens(i) {
            continue;
        }
        let rest = i + 1;
        if rest == t.tokens.end {
            // The verb alone: a command when what follows is what a command takes.
            let takes = rest < n
                && (view.classes[rest] & class::DIGIT != 0 || lexicon::COMMAND_OBJECTS.contains(&view.key(rest)));
            if takes {
                t.tokens = rest..rest;
                cut = true;
            }
        } else {
            // Run into the name it commands: a full name of the lists, or a known place.
            let c = view.classes[rest];
            let person = c & (class::GIVEN_M | class::GIVEN_F | class::GIVEN_U) != 0 && t.tokens.end - rest >= 2;
            if person || c & class::PLACE_B != 0 {
                t.tokens.start = rest;
                cut = true;
            }
        }
    }
    if cut {
        tagged.retain(|t| !t.tokens.is_empty());
    }
    tagged
}

/// The pronoun "I" is no part of the name before it. In mail and posts run into one line
/// ("Thanks, Vince I thought …", "back from Marlow I have …") the model takes it for a king's
/// numeral; a name's last word "I" before a lowercase word is cut off it. A king's "Tarvek I
/// was crowned" keeps its given name, which still names him.
///
/// Costs: a class test and a token comparison per tagged name.
fn pronoun_ends_no_name(view: &View, mut tagged: Vec<Tagged>) -> Vec<Tagged> {
    for t in tagged.iter_mut() {
        let e = t.tokens.end;
        // OK because a tagged name holds tokens of the view (`e <= view.len()`), and `e - 1` is
        // read only for a name of two tokens or more.
        if t.tokens.len() >= 2
            && view.classes.get(e).is_some_and(|&c| c & class::LOWER != 0)
            && view.a.token_text(e - 1) == "I"
        {
            t.tokens.end = e - 1;
        }
    }
    tagged
}

/// The hashed base forms of everyday verbs (see [`imperatives_open_no_names`]).
fn imperative_verbs() -> &'static KeySet {
    static VERBS: std::sync::OnceLock<KeySet> = std::sync::OnceLock::new();
    VERBS.get_or_init(|| {
        super::verbs_data::VERBS.split(' ').map(|w| super::features::hash_bytes(w.as_bytes())).collect()
    })
}

/// The hashes of the words right after the `@` of a mail address (the domain's first label:
/// "veltrana" of "jo@veltrana.com", "VELTRANA" of a mail system's "Jo Roe@VELTRANA"), sorted,
/// each once. Found by one pass over the text's bytes for `@` (most documents hold none), each
/// then placed among the tokens by binary search.
fn mail_domains(view: &View) -> Vec<u64> {
    let a = view.a;
    let mut domains = Vec::new();
    let bytes = a.text.as_bytes();
    // The `@`s are found sixteen bytes at a step ([`crate::bytes::find_any`]): a filter over
    // every byte cost about 1% of an extraction's instructions, for the few texts with an `@`.
    let mut from = 1;
    while let Some(at) = crate::bytes::find_any(bytes, from, b"@") {
        from = at + 1;
        // OK because the search starts at 1 and finds a byte of the text: `at - 1` is one too.
        // A mail address has a name before the `@` ("jo.roe@", "Jo Roe@"): a handle alone
        // ("@veltrana" in a post) names an account, often a person's.
        if !bytes[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        let next = a.tokens.partition_point(|t| t.start() <= at);
        // The word glued to the `@`: the token starting right after it.
        if a.tokens.get(next).is_some_and(|t| t.start() == at + 1 && t.kind() == TokenKind::Word) {
            domains.push(view.hash(next));
        }
    }
    crate::sorting::sort_values(&mut domains);
    domains.dedup();
    domains
}

/// How far [`in_address`] looks on either side of a name for the ends of its stretch: an
/// address is shorter, and a longer stretch without spaces (a pasted blob) is read as words.
const ADDRESS_REACH: usize = 200;

/// What a byte is to [`in_address`]: [`ADDRESS_STOP`] for the bytes that end the stretch
/// around a name (ASCII whitespace, quotes, angle and other brackets), [`ADDRESS_MAYBE`] for
/// those that every address test needs somewhere in it (`@`, `:`, `_`). One load a byte, where
/// the two tests were a dozen comparisons.
const ADDRESS_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    let stops = b" \t\n\x0c\r<>()[]\"'";
    let mut k = 0;
    while k < stops.len() {
        table[stops[k] as usize] = ADDRESS_STOP;
        k += 1;
    }
    table[b'@' as usize] = ADDRESS_MAYBE;
    table[b':' as usize] = ADDRESS_MAYBE;
    table[b'_' as usize] = ADDRESS_MAYBE;
    table
};
const ADDRESS_STOP: u8 = 1;
const ADDRESS_MAYBE: u8 = 2;

/// Whether the name at `span` of `text` is a piece of an e-mail address, a web address or a
/// file name ("jo.roe@veltrana.com", "http://site.org/2001_Jo_Roe", "Budget.pdf"): the stretch
/// of text around it without spaces, quotes or brackets holds an `@` before a domain, a `://`,
/// a leading `www.` or an underscore, or the name is followed by a dot and a short lowercase
/// ending. Such a piece names the address, not a person, place or organization of the text.
/// Linear: at most [`ADDRESS_REACH`] bytes on either side.
fn in_address(text: &[u8], span: Span) -> bool {
    // Each is the plain test it stands for (`b.is_ascii_whitespace()` or one of `<>()[]"'`;
    // one of `@:_`), read in a table.
    let stop = |b: u8| ADDRESS_BYTES[usize::from(b)] & ADDRESS_STOP != 0;
    let from = span.start.saturating_sub(ADDRESS_REACH);
    let to = text.len().min(span.end.saturating_add(ADDRESS_REACH));
    // OK because `span` lies within `text` and `from <= span.start <= span.end <= to <= len`.
    let start = text[from..span.start].iter().rposition(|&b| stop(b)).map_or(from, |k| from + k + 1);
    let end = text[span.end..to].iter().position(|&b| stop(b)).map_or(to, |k| span.end + k);
    let chunk = &text[start..end];
    // Most names stand among plain words: one pass over the stretch finds none of the bytes
    // that every test below needs (`@`, `:`, `_`, a leading `w` or a dot after the name),
    // and answers without the searches.
    let maybe = |b: u8| ADDRESS_BYTES[usize::from(b)] & ADDRESS_MAYBE != 0;
    if !matches!(chunk.first(), Some(b'w' | b'W'))
        && text.get(span.end) != Some(&b'.')
        && !chunk.iter().any(|&b| maybe(b))
    {
        return false;
    }
    let mail = chunk.iter().position(|&b| b == b'@').is_some_and(|at| {
        let domain = &chunk[at + 1..];
        let label = domain.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        label > 0 && domain.get(label) == Some(&b'.') && domain.get(label + 1).is_some_and(u8::is_ascii_alphabetic)
    });
    let web = chunk.windows(3).any(|w| w == b"://") || chunk.len() > 4 && chunk[..4].eq_ignore_ascii_case(b"www.");
    // A file name's or domain's ending: ".pdf", ".com", ".org" right after the name.
    let ending = match text[span.end..end].split_first() {
        Some((b'.', rest)) => {
            let letters = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
            (2..=4).contains(&letters) && !rest.get(letters).is_some_and(u8::is_ascii_alphabetic)
        }
        _ => false,
    };
    mail || web || chunk.contains(&b'_') || ending
}

fn one_hot(kind: Kind) -> [i32; 3] {
    let mut s = [0; 3];
    s[kind as usize] = 1000;
    s
}

/// The longest title or honorific starting at token `i`, within `end`. Inlined natively (not
/// in the wasm, for size): it is asked of every word around a name, and most are no title's
/// first word (their classes say so).
#[cfg_attr(not(target_arch = "wasm32"), inline)]
fn title_at(view: &View, i: usize, end: usize) -> Option<&'static Title> {
    if view.classes[i] & (class::TITLE | class::HONORIFIC) == 0 {
        return None;
    }
    title_starting(view, i, end)
}

/// [`title_at`] of a word whose classes say it may open a title: the titles it opens, read.
/// They are found by the hash the view keeps of the word's key (no string hashed), and
/// compared as written. Native only: the wasm, whose budget had no room for the index's code,
/// finds them by the word's text (its own `title_starting` below).
#[cfg(not(target_arch = "wasm32"))]
#[inline(never)]
fn title_starting(view: &View, i: usize, end: usize) -> Option<&'static Title> {
    let (groups, titles) = titles_by_first_key();
    let group = *groups.get(&view.hash(i))?;
    let (from, to) = ((group >> 32) as usize, (group & u64::from(u32::MAX)) as usize);
    titles
        .get(from..to)?
        .iter()
        .filter(|t| i + t.words.len() <= end && t.words.iter().enumerate().all(|(k, w)| view.a.token_text(i + k) == *w))
        .max_by_key(|t| t.words.len())
        .copied()
}

/// [`lexicon::TITLES`] grouped by the hash of their first word's key (the hash [`View::hash`]
/// gives a token written as that word: no title's first word ends in a possessive), each
/// group in the table's order, so that finding the title at a token reads the few whose first
/// word has the token's key; and per hash, its group's range in the list (start in the high
/// 32 bits, end in the low ones: a `u64`, the map type the tables already use).
#[cfg(not(target_arch = "wasm32"))]
fn titles_by_first_key() -> &'static (KeyMap<u64>, Vec<&'static Title>) {
    static INDEX: std::sync::OnceLock<(KeyMap<u64>, Vec<&'static Title>)> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut key = String::new();
        let mut keyed: Vec<(u64, &'static Title)> = Vec::with_capacity(lexicon::TITLES.len());
        for t in lexicon::TITLES {
            if let Some(first) = t.words.first() {
                key.clear();
                crate::text::fold::fold_token(first, &mut key);
                keyed.push((hash_bytes(key.as_bytes()), t));
            }
        }
        // Stable: each group keeps the table's order.
        crate::sorting::sort_by_key(&mut keyed, |&(hash, _)| hash);
        let mut groups: KeyMap<u64> = KeyMap::default();
        for (k, &(hash, _)) in keyed.iter().enumerate() {
            // The first of a group sets its start and end; each next one moves the end on.
            *groups.entry(hash).or_insert((k as u64) << 32 | k as u64) += 1;
        }
        (groups, keyed.into_iter().map(|(_, t)| t).collect())
    })
}

/// [`title_starting`] in the wasm: the titles whose first word is the token's text, from
/// [`lexicon::TITLES`] by their first word (as written), each list in the table's order.
#[cfg(target_arch = "wasm32")]
fn title_starting(view: &View, i: usize, end: usize) -> Option<&'static Title> {
    static INDEX: std::sync::OnceLock<crate::text::FxHashMap<&'static str, Vec<&'static Title>>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: crate::text::FxHashMap<&'static str, Vec<&'static Title>> = Default::default();
        for t in lexicon::TITLES {
            if let Some(first) = t.words.first() {
                index.entry(*first).or_default().push(t);
            }
        }
        index
    });
    index
        .get(view.a.token_text(i))?
        .iter()
        .filter(|t| i + t.words.len() <= end && t.words.iter().enumerate().all(|(k, w)| view.a.token_text(i + k) == *w))
        .max_by_key(|t| t.words.len())
        .copied()
}

/// Decisions over the whole document: mentions of one name share the kind their scores vote
/// for together; a lone word that is the surname of a person named in full is that person, and
/// one that opens a fuller place or organization name is of its kind.
fn decide_kinds(candidates: &mut [Candidate]) {
    // Made at its size: grown from empty, the map was rehashed about four times a document.
    let mut votes: KeyMap<[i64; 3]> = KeyMap::with_capacity_and_hasher(candidates.len(), Default::default());
    for c in candidates.iter() {
        let v = votes.entry(c.key).or_default();
        for (v, &score) in v.iter_mut().zip(&c.scores) {
            *v += i64::from(score);
        }
    }
    let mut surnames = KeySet::default();
    let mut openers: KeyMap<Kind> = KeyMap::default();
    for c in candidates.iter_mut().filter(|c| c.words.len() >= 2) {
        let kind = c.kind_by(&votes);
        // Its kind at once: what the pass below gives a name of several words (one that
        // already had its kind keeps it; setting it here changes no other's vote), without
        // reading its votes again there.
        c.kind = kind;
        if kind == Kind::Person {
            surnames.insert(c.last);
        } else {
            openers.entry(c.first).or_insert(kind);
        }
    }
    for c in candidates.iter_mut() {
        if c.words.len() == 1 {
            if surnames.contains(&c.key) {
                c.kind = Kind::Person;
                c.anchored = true;
                continue;
            }
            // Not a place the gazetteer knows before an organization named after it ("Texas"
            // after "Texas Instruments").
            if let Some(&k) = openers.get(&c.key).filter(|_| c.canonical.is_none()) {
                c.kind = k;
                c.anchored = true;
                continue;
            }
        }
        if c.titled {
            c.kind = Kind::Person;
            c.anchored = true;
            continue;
        }
        if c.words.len() >= 2 {
            // Its kind is set above, and what follows is for lone names.
            continue;
        }
        // Read only here: a lone word that is a surname or opens a fuller name, or a titled
        // name, takes its kind without its votes.
        c.kind = c.kind_by(&votes);
        // A lone name the document calls "it", or whose shares it counts, and never "he" or
        // "she", never titles and never gives a first name: an organization ("Boeing").
        let person = class::DOC_PERSON_PRONOUN | class::DOC_SURNAME | class::DOC_TITLED | class::DOC_GIVEN;
        if c.words.len() == 1
            && c.canonical.is_none()
            && c.evidence & (class::DOC_IT_PRONOUN | class::DOC_ORG_CONTEXT) != 0
            && c.evidence & person == 0
        {
            c.kind = Kind::Organization;
            c.anchored = true;
        }
    }
}

impl Candidate<'_> {
    fn kind_by(&self, votes: &KeyMap<[i64; 3]>) -> Kind {
        if self.titled {
            return Kind::Person;
        }
        if self.canonical.is_some() {
            return self.kind;
        }
        let v = votes.get(&self.key).copied().unwrap_or_default();
        Kind::from_index((0..3).max_by_key(|&k| (v[k], std::cmp::Reverse(k))).unwrap_or(0))
    }
}

/// Decisions over the corpus: a name no fuller name of its document explains takes the kind
/// its mentions across the corpus vote for ("Boeing" in ten articles is one kind in all). A
/// person's given name and surname vote together whatever stands between them, and a title
/// anywhere makes the name a person's ("Trade Minister Ines K. Varga", then "Ines Varga").
pub(crate) fn decide_corpus_kinds(found: &mut [DocumentNames]) {
    let open = |c: &Candidate| !c.anchored && c.canonical.is_none() && !c.titled;
    // A word that names the domain of a mail address anywhere in the corpus ("Veltrana" beside
    // "jo@veltrana.com") names the organization that runs it, when it stands alone as a name
    // that nothing marks as a person's (a surname after a given name, a title, "he").
    let mut domains: Vec<u64> = Vec::new();
    for f in found.iter() {
        domains.extend_from_slice(&f.domains);
    }
    crate::sorting::sort_values(&mut domains);
    if !domains.is_empty() {
        let personal = class::DOC_SURNAME | class::DOC_TITLED | class::DOC_PERSON_PRONOUN;
        for c in found.iter_mut().flat_map(|f| &mut f.candidates) {
            if open(c) && c.words.len() == 1 && c.evidence & personal == 0 && domains.binary_search(&c.first).is_ok() {
                c.kind = Kind::Organization;
                c.scores = one_hot(Kind::Organization);
            }
        }
    }
    let pair = |c: &Candidate| (c.words.len() >= 2).then(|| c.first.rotate_left(1) ^ c.last);
    // Made at its size (at most a key and a pair a candidate): grown from empty, the map was
    // rehashed as it grew.
    // Natively: the wasm, whose budget had no room for the counting's code, grows it.
    #[cfg(not(target_arch = "wasm32"))]
    let keys: usize = found.iter().flat_map(|f| &f.candidates).map(|c| 1 + usize::from(c.words.len() >= 2)).sum();
    #[cfg(target_arch = "wasm32")]
    let keys = 0;
    let mut votes: KeyMap<[i64; 3]> = KeyMap::with_capacity_and_hasher(keys, Default::default());
    for c in found.iter().flat_map(|f| &f.candidates) {
        let mut add = |key: u64| {
            let v = votes.entry(key).or_default();
            if c.titled {
                v[0] += 10_000;
            } else if open(c) {
                for (v, &score) in v.iter_mut().zip(&c.scores) {
                    *v += i64::from(score);
                }
            }
        };
        add(c.key);
        if let Some(p) = pair(c) {
            add(p);
        }
    }
    for c in found.iter_mut().flat_map(|f| &mut f.candidates).filter(|c| open(c)) {
        if let Some(v) = pair(c).and_then(|p| votes.get(&p)).or_else(|| votes.get(&c.key)) {
            c.kind = Kind::from_index((0..3).max_by_key(|&k| (v[k], std::cmp::Reverse(k))).unwrap_or(0));
        }
    }
}

#[cfg(test)]
mod tests {
    //! The rule layer around the built-in model, one rule per test, on sentences written for
    //! it. Each checks what a reader sees: the name's span, kind and role.

    use super::*;
    use crate::text::Analysis;

    /// The candidates of `text` as (name, kind, role), in text order.
    fn names(text: &str) -> Vec<(String, Kind, Option<String>)> {
        let a = Analysis::of_text(text);
        let (gazetteer, names) = super::super::tables();
        let mut view = View::new(&a);
        View::classify_corpus(std::slice::from_mut(&mut view), gazetteer, names);
        let found = recognize(&view, gazetteer, Model::builtin());
        found.candidates.iter().map(|c| (text[c.span.start..c.span.end].to_string(), c.kind, c.role.clone())).collect()
    }

    fn has(found: &[(String, Kind, Option<String>)], name: &str, kind: Kind) -> bool {
        found.iter().any(|(n, k, _)| n == name && *k == kind)
    }

    /// The words after the `@` of mail addresses are the document's domains, whatever their
    /// case ("Jo Roe@ORVANE" of a mail system); a handle with nothing before its `@` is none.
    #[test]
    fn mail_domains_are_the_words_after_an_at_with_a_name_before_it() {
        let text = "Write to jo.roe@veltrana.com or Jo Roe@ORVANE, and follow @kestrel on the forum. \
                    Again: jo.roe@veltrana.com.";
        let a = Analysis::of_text(text);
        let view = View::new(&a);
        let mut expected =
            vec![super::super::features::hash_bytes(b"veltrana"), super::super::features::hash_bytes(b"orvane")];
        expected.sort_unstable();
        assert_eq!(mail_domains(&view), expected);
        assert!(mail_domains(&View::new(&Analysis::of_text("@ @@ a@ @b"))).len() <= 1);
    }

    #[test]
    fn names_run_together_split_but_full_names_stay_whole() {
        let found = names(
            "Vince, the desk booked the swap, and Nadia Kowalski sent the numbers. Thanks, Vince \
             Nadia Kowalski <nk@orvane.com> wrote on Monday.",
        );
        let vince = found.iter().filter(|(n, k, _)| n == "Vince" && *k == Kind::Person).count();
        let nadia = found.iter().filter(|(n, k, _)| n == "Nadia Kowalski" && *k == Kind::Person).count();
        assert_eq!((vince, nadia), (2, 2), "{found:?}");
        // Said alone, a given name or a surname does not cut the full name it belongs to.
        let found = names(
            "Melissa Thorsby spoke in Ohio on Monday. Melissa said the plan would pass, and \
             Thorsby told reporters she would sign it.",
        );
        assert!(has(&found, "Melissa Thorsby", Kind::Person), "{found:?}");
        assert!(has(&found, "Melissa", Kind::Person), "{found:?}");
    }

    /// A name's hash, continued from its first word's type hash, is the hash of its keys joined
    /// ([`Candidate::key`]): possessives, accents and capitals folded, one to three words.
    #[test]
    fn a_names_hash_is_its_keys_joined() {
        let a =
            crate::text::Analysis::of_text("Łódź’s Mayor, Anna van der Berg's aide, met BOEING’s chief in São Paulo.");
        let (gazetteer, _) = super::super::tables();
        let view = View::new(&a);
        let piece = Piece { view: &view, gazetteer };
        let mut compared = 0;
        for start in 0..view.len() {
            for end in start..(start + 4).min(view.len() + 1) {
                let joined = super::super::features::hash_words((start..end).map(|i| view.key(i)));
                assert_eq!(piece.hash(start..end), joined, "{start}..{end}");
                compared += 1;
            }
        }
        assert!(compared > 40, "{compared}");
    }

    /// Every candidate's tokens are the tokens that start inside its span (the first and the
    /// one after the last, a possessive cut off the span staying in its token), as
    /// `sports_teams` reads them instead of searching the token list, and a document's
    /// candidates come in order of span: on the seeds, every article of tests/articles and a
    /// match report with possessives and accents.
    #[test]
    fn a_candidates_tokens_are_those_starting_in_its_span() {
        let mut texts = crate::test_articles::texts();
        texts.extend(crate::seeds::inputs().into_iter().map(|input| input.content));
        texts.push(
            "Sweden’s coach praised the win. Sweden 1 – 0 South Korea in Nizhny Novgorod; Belgium \
             beat Panama 3-0, and Tunisia's striker scored for Tunisia. São Paulo’s mayor watched."
                .to_string(),
        );
        let (gazetteer, names) = super::super::tables();
        let mut checked = 0;
        for text in &texts {
            let a = Analysis::of_text(text);
            let mut view = View::new(&a);
            View::classify_corpus(std::slice::from_mut(&mut view), gazetteer, names);
            let found = recognize(&view, gazetteer, Model::builtin());
            // In order, as `corpus_surnames` keeps them when it adds none.
            let order = |c: &Candidate| (c.span.start, c.span.end);
            assert!(found.candidates.windows(2).all(|w| order(&w[0]) <= order(&w[1])));
            for c in found.candidates {
                let s = a.tokens.partition_point(|t| t.start() < c.span.start);
                let e = a.tokens.partition_point(|t| t.start() < c.span.end);
                assert_eq!(c.tokens, s..e, "{:?}", &text[c.span.start..c.span.end]);
                checked += 1;
            }
        }
        assert!(checked > 200, "{checked}");
    }

    /// The titles found by the hash of a token's key are those the plain definition finds by
    /// comparing every title of the table with the text as written: on generated texts of
    /// title words in their case, in other cases, as possessives and among other words, from
    /// every token, within every end.
    #[test]
    fn titles_by_key_are_the_titles_read_in_the_whole_table() {
        let plain = |view: &View, i: usize, end: usize| {
            lexicon::TITLES
                .iter()
                .filter(|t| {
                    i + t.words.len() <= end && t.words.iter().enumerate().all(|(k, w)| view.a.token_text(i + k) == *w)
                })
                .max_by_key(|t| t.words.len())
        };
        let mut words: Vec<String> =
            lexicon::TITLES.iter().flat_map(|t| t.words.iter().map(|w| w.to_string())).collect();
        words.extend(words.clone().iter().flat_map(|w| [w.to_uppercase(), w.to_lowercase(), format!("{w}'s")]));
        words.extend(["Jo", "Roe", "said", ",", "of", "the", "Ms", "Velmora"].map(String::from));
        let mut state = 20240607u64;
        let (mut found, mut tokens) = (0, 0);
        for _ in 0..300 {
            let text: Vec<&str> = (0..24)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    words[(state >> 33) as usize % words.len()].as_str()
                })
                .collect();
            let text = text.join(" ");
            let a = Analysis::of_text(&text);
            let view = View::new(&a);
            for i in 0..view.len() {
                for end in i..=view.len() {
                    let expected = plain(&view, i, end);
                    let got = title_starting(&view, i, end);
                    // By what a title says, not by address: `lexicon::TITLES` is a `const`, so
                    // the index and this test may each hold their own copy of the table.
                    let says = |t: &Title| (t.words, t.gender, t.role);
                    assert!(
                        got.map(says) == expected.map(says),
                        "{text:?} at {i} within {end}: {:?} against {:?}",
                        got.map(|t| t.words),
                        expected.map(|t| t.words)
                    );
                    found += usize::from(got.is_some());
                }
                tokens += 1;
            }
        }
        assert!(found > 10_000 && tokens > 5_000, "{found} titles at {tokens} tokens");
    }

    /// `next_with` finds what a scan token by token finds, from every start, at every place
    /// of its chunks of eight and in the tail, with one bit or another set.
    #[test]
    fn next_with_is_the_first_token_with_the_bits() {
        for len in [0usize, 1, 7, 8, 9, 23, 64, 70] {
            for hits in [vec![], vec![0], vec![len.saturating_sub(1)], vec![3, 8, 15, 16, 40, 69]] {
                let mut classes = vec![class::CAP; len];
                for (k, &h) in hits.iter().enumerate().filter(|(_, &h)| h < len) {
                    classes[h] |= if k % 2 == 0 { class::DEMONYM } else { class::LOWERCASE_PLACE };
                }
                let bits = class::DEMONYM | class::LOWERCASE_PLACE;
                for from in 0..=len + 1 {
                    let expected = (from..len).find(|&i| classes[i] & bits != 0).unwrap_or(len);
                    assert_eq!(next_with(&classes, bits, from), expected, "{len} {hits:?} {from}");
                }
            }
        }
    }

    /// The table of address bytes is the plain tests it stands for, byte by byte.
    #[test]
    fn address_bytes_are_the_plain_tests() {
        for b in 0..=255u8 {
            let stop = b.is_ascii_whitespace() || matches!(b, b'<' | b'>' | b'(' | b')' | b'[' | b']' | b'"' | b'\'');
            let maybe = matches!(b, b'@' | b':' | b'_');
            let expected = if stop { ADDRESS_STOP } else { 0 } | if maybe { ADDRESS_MAYBE } else { 0 };
            assert_eq!(ADDRESS_BYTES[usize::from(b)], expected, "byte {b}");
        }
    }

    #[test]
    fn a_word_of_an_address_or_file_name_is_in_an_address() {
        let at = |text: &str, word: &str| {
            let start = text.find(word).expect("word in text");
            in_address(text.as_bytes(), Span::new(start, start + word.len()))
        };
        assert!(at("mail Jo.Roe@veltrana.com today", "Roe"));
        assert!(at("mail <RobB@aol.com> today", "RobB"));
        assert!(at("see http://site.org/pics/2001_Garrett_Bday now", "Garrett"));
        assert!(at("see www.corvale.com/Hestia now", "Hestia"));
        assert!(at("attached file: API.pdf) and more", "API"));
        assert!(at("support Wikipedia.org and its community", "Wikipedia"));
        // Each mark the one-pass check looks for: a capital W, a name that opens the stretch.
        assert!(at("see WWW.Corvale.com today", "WWW"));
        assert!(at("read Jo_Roe today", "Jo"));
        assert!(at("go ftp://Hestia now", "Hestia"));
        // Words beside an address, or with marks that are no address's, are not in one.
        assert!(!at("Jo Roe <jo@veltrana.com> wrote", "Roe"));
        assert!(!at("the Ecogas/Enron/Randy lawsuit", "Enron"));
        assert!(!at("Kevin Kindall@ENRON sent it", "Kindall"));
        assert!(!at("at the Earth-Moon point.", "Moon"));
        assert!(!at("with St. Louis now", "St."));
        assert!(!at("Met Bob.Then we left", "Bob"));
    }

    #[test]
    fn an_acronym_in_brackets_after_a_name_is_of_that_names_kind() {
        // An acronym alone is an organization's (see `is_acronym`); this one is a place's.
        let found = names(
            "Farmers across the Orvan River Basin (ORB) lost their crops in May. Rain in ORB \
             fell for weeks, and towns in ORB flooded.",
        );
        assert!(has(&found, "Orvan River Basin", Kind::Place), "{found:?}");
        let orb: Vec<_> = found.iter().filter(|(n, ..)| n == "ORB").collect();
        assert_eq!(orb.len(), 3, "{found:?}");
        assert!(orb.iter().all(|(_, k, _)| *k == Kind::Place), "{found:?}");
    }

    #[test]
    fn an_acronym_where_places_stand_is_a_place() {
        let found = names(
            "We spent a week in NZ last May. The trains in NZ were slow, but NZ food was cheap. \
             Our shop in Springfield, IL closes on Friday. Workers in the UN said the UN budget \
             was cut.",
        );
        let nz: Vec<_> = found.iter().filter(|(n, ..)| n == "NZ").collect();
        assert_eq!(nz.len(), 3, "{found:?}");
        assert!(nz.iter().all(|(_, k, _)| *k == Kind::Place), "{found:?}");
        assert!(has(&found, "IL", Kind::Place), "{found:?}");
        assert!(found.iter().filter(|(n, ..)| n == "UN").all(|(_, k, _)| *k == Kind::Organization), "{found:?}");
    }

    #[test]
    fn a_center_named_after_a_person_is_a_place() {
        let found = names(
            "The rocket left the Halvard Space Center for space on Tuesday. Crowds gathered \
             outside the Halvard Space Center to watch, and the Orvan Convention Centre, where \
             the convention met, was full.",
        );
        assert!(has(&found, "Halvard Space Center", Kind::Place), "{found:?}");
        assert!(has(&found, "Orvan Convention Centre", Kind::Place), "{found:?}");
        assert!(!found.iter().any(|(n, k, _)| n.starts_with("Halvard") && *k != Kind::Place), "{found:?}");
    }

    #[test]
    fn a_title_inside_the_tagged_name_becomes_the_role() {
        let found = names("House Speaker Paul Ryan said the vote would wait until Tuesday.");
        let ryan = found.iter().find(|(n, ..)| n == "Paul Ryan").expect("Paul Ryan found");
        assert_eq!(ryan.1, Kind::Person);
        assert_eq!(ryan.2.as_deref(), Some("House Speaker"));
        assert!(!found.iter().any(|(n, ..)| n.contains("Speaker") || n == "House"), "{found:?}");
    }

    #[test]
    fn an_organization_before_a_role_is_a_name_of_its_own() {
        let found = names("The phone was shown on stage by Apple CEO Steve Jobs in San Francisco.");
        assert!(has(&found, "Apple", Kind::Organization), "{found:?}");
        let jobs = found.iter().find(|(n, ..)| n == "Steve Jobs").expect("Steve Jobs found");
        assert_eq!(jobs.2.as_deref(), Some("CEO"));
    }

    #[test]
    fn a_lowercase_role_before_a_name_is_the_role() {
        let found = names("The decision was announced by press secretary Jane Whitfield on Friday.");
        let jane = found.iter().find(|(n, ..)| n == "Jane Whitfield").expect("Jane Whitfield found");
        assert_eq!(jane.1, Kind::Person);
        assert_eq!(jane.2.as_deref(), Some("press secretary"));
    }

    #[test]
    fn a_model_code_ends_the_makers_name() {
        let found = names("The airline ordered ten Airbus A380 jets for its long routes.");
        assert!(has(&found, "Airbus", Kind::Organization), "{found:?}");
        assert!(!found.iter().any(|(n, ..)| n.contains("A380")), "{found:?}");
    }

    #[test]
    fn a_month_alone_after_a_preposition_of_time_is_no_name() {
        let found = names("Commuters who spoke at the meeting said the late boat is often full by March.");
        assert!(found.iter().all(|(name, _, _)| name != "March"), "{found:?}");
        let found = names("Theresa May met the cabinet. In May's view the vote was lost.");
        assert!(has(&found, "Theresa May", Kind::Person), "{found:?}");
    }

    #[test]
    fn a_currency_code_beside_a_number_is_no_name() {
        let found = names("The filing listed debts of 40 million USD and assets of 12 million EUR.");
        assert!(!found.iter().any(|(n, ..)| n == "USD" || n == "EUR"), "{found:?}");
    }

    #[test]
    fn an_acronym_alone_is_an_organization() {
        let found = names("Inspectors from the IAEA arrived at the plant on Monday.");
        assert!(has(&found, "IAEA", Kind::Organization), "{found:?}");
    }

    #[test]
    fn a_given_name_after_a_sign_off_is_a_person_without_the_sign_off() {
        let found = names("The file is in the folder now. Cheers Chris P.S. I moved to the city.");
        assert!(has(&found, "Chris", Kind::Person), "{found:?}");
        let found = names("Send the copy back by fax. Thanks, Kay \"lawfirm.com\" made the notes.");
        assert!(has(&found, "Kay", Kind::Person), "{found:?}");
        let found = names("We can change it after the call. Thanks Elizabeth 36349 see you at four.");
        assert!(has(&found, "Elizabeth", Kind::Person), "{found:?}");
        // Not a name that no list gives, nor a run of capitals longer than initials.
        let found = names("The trees are down now. Thanks Southland. THANKS ALL for the help.");
        assert!(!found.iter().any(|(_, k, _)| *k == Kind::Person), "{found:?}");
    }

    #[test]
    fn a_list_with_a_person_named_in_full_is_of_people_throughout() {
        let found = names(
            "The ruling came today, with Maria Okonkwo in the majority. The judge wrote the opinion, in \
             which OKONKWO, VASQUEZ, and DRELLIN joined. VASQUEZ filed a concurring opinion.",
        );
        let vasquez: Vec<_> = found.iter().filter(|(n, _, _)| n == "VASQUEZ").collect();
        assert_eq!(vasquez.len(), 2, "{found:?}");
        assert!(vasquez.iter().all(|(_, k, _)| *k == Kind::Person), "{found:?}");
        assert!(has(&found, "DRELLIN", Kind::Person), "{found:?}");
    }

    #[test]
    fn a_lone_surname_joins_the_full_name_of_the_document() {
        let found = names("Ivan Kozlov, the mayor, opened the bridge. Later Kozlov thanked the builders.");
        assert!(has(&found, "Ivan Kozlov", Kind::Person), "{found:?}");
        assert!(has(&found, "Kozlov", Kind::Person), "{found:?}");
    }

    #[test]
    fn an_article_before_a_name_is_left_out() {
        let found = names("It was an inversion of a Bush administration approach to Iran.");
        assert!(has(&found, "Bush", Kind::Person), "{found:?}");
        assert!(!found.iter().any(|(n, ..)| n.starts_with("a ")), "{found:?}");
    }

    #[test]
    fn particles_stay_inside_a_persons_name() {
        // The tagger calls "Berg" a place when it stands alone: the given name before the
        // particles makes the whole a person.
        let found = names("The painting was sold by Anna van der Berg to a museum in Leiden.");
        assert!(has(&found, "Anna van der Berg", Kind::Person), "{found:?}");
    }

    #[test]
    fn a_word_called_it_and_counted_in_shares_is_an_organization() {
        let found = names(
            "Veltrana cut its forecast for the year. Shares of Veltrana fell 4 percent after it said \
             demand was weak.",
        );
        assert!(found.iter().filter(|(n, ..)| n == "Veltrana").all(|(_, k, _)| *k == Kind::Organization), "{found:?}");
        assert!(found.iter().any(|(n, ..)| n == "Veltrana"), "{found:?}");
    }

    #[test]
    fn holidays_numbered_headings_and_party_adjectives_are_no_names() {
        let found = names(
            "Sales rose before Christmas, the retailer said. It filed under Chapter 11 last week. \
             The Democratic nominee spoke in Cleveland on Monday.",
        );
        for word in ["Christmas", "Chapter", "Democratic"] {
            assert!(!found.iter().any(|(n, ..)| n == word), "{word} is no name: {found:?}");
        }
        assert!(has(&found, "Cleveland", Kind::Place), "{found:?}");
    }

    #[test]
    fn a_surname_holiday_still_names_a_person_with_a_given_name() {
        let found = names("The comic was drawn by illustrator Johnnie Christmas, who lives in Vancouver.");
        assert!(has(&found, "Johnnie Christmas", Kind::Person), "{found:?}");
    }

    #[test]
    fn an_organization_named_after_a_place_is_the_organization() {
        let found = names("Researchers at the University of Michigan published the study on Monday.");
        assert!(has(&found, "University of Michigan", Kind::Organization), "{found:?}");
        assert!(!has(&found, "Michigan", Kind::Place), "{found:?}");
    }

    #[test]
    fn countries_that_play_in_a_match_report_are_teams() {
        let found = names(
            "Portugal beat Norway 2 – 1 in the opening match of the tournament in Lisbon on Sunday. \
             Portugal scored first when their striker headed in a corner. Norway equalised before \
             halftime, but a penalty in the 80th minute gave the lead to Portugal. Norway's coach \
             said the referee was right. Iceland faced Chile in the second match of the group, \
             and Chile won on penalties.",
        );
        for team in ["Portugal", "Norway", "Iceland", "Chile"] {
            assert!(
                found.iter().filter(|(n, ..)| n == team).all(|(_, k, _)| *k == Kind::Organization),
                "{team}: {found:?}"
            );
            assert!(found.iter().any(|(n, ..)| n == team), "{team}: {found:?}");
        }
        assert!(has(&found, "Lisbon", Kind::Place), "{found:?}");
    }

    #[test]
    fn countries_in_other_news_stay_places() {
        let found = names(
            "Portugal won praise for its new climate law, and Norway faced criticism over oil \
             drilling near the coast, officials in Lisbon said on Sunday.",
        );
        assert!(has(&found, "Portugal", Kind::Place), "{found:?}");
        assert!(has(&found, "Norway", Kind::Place), "{found:?}");
    }
}
