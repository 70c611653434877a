//! Recognition in one document: the tagger's names become candidates, with titles and
//! honorifics taken out into roles and gender, a leading article and a possessive cut,
//! demonyms turned into links, and gazetteer names given their canonical form. Then the
//! document decides: a name's kind is the one its mentions vote for together, and a lone word
//! takes the kind of the fuller name it shortens ("Trump" after "Donald Trump").
//!
//! It does not decide which mentions are the same entity (that is `merge`).

use super::features::{class, strip_possessive, View};
use super::gazetteer::{Gazetteer, Known};
use super::lexicon::{self, Title};
use super::tagger::{self, Model, Tagged};
use super::Gender;
use crate::model::Span;
use crate::text::TokenKind;
use std::collections::HashMap;
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
pub(crate) struct Candidate {
    /// The name's surface span, without title, honorific or possessive.
    pub span: Span,
    pub kind: Kind,
    pub certainty: Certainty,
    /// The gazetteer's canonical name (places and organizations).
    pub canonical: Option<&'static str>,
    /// The name's words (initials included), for merging people.
    pub words: Vec<String>,
    pub role: Option<String>,
    pub gender: Option<Gender>,
    /// True when a title or honorific stood before the name.
    pub titled: bool,
    /// The tagger's summed score for each kind (person, place, organization).
    pub scores: [i32; 3],
    /// Set when the document's fuller names decided the kind (corpus votes leave it alone).
    pub anchored: bool,
}

/// A demonym or adjective of a place (`Russian`, `Poles`): a link, not a mention.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct DemonymUse {
    pub span: Span,
    pub place: &'static str,
}

#[derive(Default)]
pub(crate) struct Found {
    pub candidates: Vec<Candidate>,
    pub demonyms: Vec<DemonymUse>,
}

/// Lowercase words that are roles when they stand right before a name but are no title
/// (`CEO`), written in capitals.
const ROLE_ACRONYMS: &[&str] = &["CEO", "CFO", "COO", "CTO", "CIO"];

/// Finds the candidate names and demonyms of one document.
pub(crate) fn recognize(view: &View, gazetteer: &Gazetteer, model: &Model) -> Found {
    let mut found = Found::default();
    let tagged = tagger::tag(model, view);
    let mut covered = vec![false; view.len()];
    for t in &tagged {
        for c in &mut covered[t.tokens.clone()] {
            *c = true;
        }
        Piece { view, gazetteer }.candidates(t, &mut found);
    }
    // Demonyms outside names are links to their place.
    for (i, &c) in view.classes.iter().enumerate() {
        if c & class::DEMONYM != 0 && c & (class::PLACE_B | class::PLACE_I | class::ORG_B | class::ORG_I) == 0 && !covered[i] {
            if let Some(Known::Demonym(place)) = gazetteer.lookup_key(view.key(i), true) {
                found.demonyms.push(DemonymUse { span: token_span(view, i..i + 1), place });
            }
        }
    }
    found.candidates.sort_by_key(|c| (c.span.start, c.span.end));
    found.demonyms.sort_by_key(|d| d.span.start);
    decide_kinds(&mut found.candidates);
    found
}

/// The span of tokens `range`, without a final possessive.
fn token_span(view: &View, range: Range<usize>) -> Span {
    let a = view.a;
    let last = a.token_text(range.end - 1);
    let cut = last.len() - strip_possessive(last).len();
    Span::new(a.tokens[range.start].span.start, a.tokens[range.end - 1].span.end - cut)
}

/// One tagged name being cut into candidates.
struct Piece<'v, 'a, 't, 'g> {
    view: &'v View<'a, 't>,
    gazetteer: &'g Gazetteer,
}

impl Piece<'_, '_, '_, '_> {
    fn word(&self, i: usize) -> &str {
        strip_possessive(self.view.a.token_text(i))
    }

    fn classes(&self, i: usize) -> u64 {
        self.view.classes[i]
    }

    fn known(&self, range: Range<usize>) -> Option<Known> {
        let mut key = String::new();
        for i in range.clone() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(self.view.key(i));
        }
        let capitals = range.clone().all(|i| !self.view.a.token_text(i).chars().any(char::is_lowercase));
        self.gazetteer.lookup_key(&key, capitals)
    }

    fn candidates(&self, t: &Tagged, found: &mut Found) {
        let a = self.view.a;
        let mut r = t.tokens.clone();
        while r.len() > 1 && matches!(a.token_text(r.start), "the" | "The") {
            r.start += 1;
        }
        while !r.is_empty() && a.tokens[r.end - 1].kind == TokenKind::Punct {
            r.end -= 1;
        }
        if r.is_empty() {
            return;
        }
        let kind = Kind::from_index(t.kind);
        if r.len() == 1 {
            if let Some(Known::Demonym(place)) = self.known(r.clone()) {
                found.demonyms.push(DemonymUse { span: token_span(self.view, r), place });
                return;
            }
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
        if let Some(cut) = self.title_cut(r.clone()) {
            // "Texas Gov. Greg Abbott", "Apple CEO Steve Jobs": the place or organization is a
            // name of its own; what follows it up to the name is the role.
            let mut from = r.start;
            if let Some(n) = (1..=3).rev().find(|&n| from + n < cut.start && matches!(self.known(from..from + n), Some(Known::Place(_) | Known::Organization(_)))) {
                let k = match self.known(from..from + n) {
                    Some(Known::Place(_)) => Kind::Place,
                    _ => Kind::Organization,
                };
                self.push(found, from..from + n, k, one_hot(k), None, None, false);
                from += n;
            }
            while from < cut.start && self.classes(from) & class::DEMONYM != 0 {
                if let Some(Known::Demonym(place)) = self.known(from..from + 1) {
                    found.demonyms.push(DemonymUse { span: token_span(self.view, from..from + 1), place });
                }
                from += 1;
            }
            let words: Vec<&str> = (from..cut.end).map(|i| a.token_text(i)).collect();
            let is_role = (from..cut.end).any(|i| self.classes(i) & class::TITLE != 0 || ROLE_ACRONYMS.contains(&a.token_text(i)));
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

    /// Where the title part of a person's span ends: after its last title, honorific or role
    /// word that is followed by a name word ("House Speaker | Paul Ryan", "Mr. | Smith").
    fn title_cut(&self, r: Range<usize>) -> Option<Range<usize>> {
        let a = self.view.a;
        let mut cut = None;
        let mut i = r.start;
        while i < r.end {
            let title = title_at(self.view, i, r.end);
            let len = title.map_or(1, |t| t.words.len());
            let is_title = title.is_some() || ROLE_ACRONYMS.contains(&a.token_text(i));
            if is_title && i + len < r.end && self.classes(i + len) & class::CAP != 0 {
                cut = Some(r.start..i + len);
            }
            i += len;
        }
        cut
    }

    /// A lowercase title right before the name ("foreign minister Ivan Petrov",
    /// "press secretary Jane Roe"): its words and the gender it tells.
    fn lowercase_title_before(&self, first: usize) -> Option<(String, Option<Gender>)> {
        let a = self.view.a;
        let mut from = first;
        while from > 0 && first - from < 4 && a.tokens[from - 1].kind == TokenKind::Word && self.classes(from - 1) & class::LOWER != 0 {
            from -= 1;
        }
        (from..first).find_map(|k| {
            let words: Vec<&str> = (k..first).map(|i| a.token_text(i)).collect();
            let phrase = words.join(" ");
            let titled = lexicon::TITLES.iter().any(|t| t.role && t.words.len() == words.len() && t.words.iter().zip(&words).all(|(a, b)| a.eq_ignore_ascii_case(b)));
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
    fn push(&self, found: &mut Found, r: Range<usize>, kind: Kind, scores: [i32; 3], role: Option<String>, gender: Option<Gender>, titled: bool) {
        let canonical = match (kind, self.known(r.clone())) {
            (Kind::Place, Some(Known::Place(c))) | (Kind::Organization, Some(Known::Organization(c))) => Some(c),
            _ => None,
        };
        let single = r.len() == 1 || (r.len() == 2 && self.view.a.token_text(r.start) == "the");
        let certainty = if !single || canonical.is_some() || titled { Certainty::Sure } else { Certainty::Guess };
        found.candidates.push(Candidate {
            span: token_span(self.view, r.clone()),
            kind,
            certainty,
            canonical,
            words: r.map(|i| self.word(i).to_string()).collect(),
            role,
            gender,
            titled,
            scores,
            anchored: false,
        });
    }
}

fn one_hot(kind: Kind) -> [i32; 3] {
    let mut s = [0; 3];
    s[kind as usize] = 1000;
    s
}

/// The longest title or honorific starting at token `i`, within `end`.
fn title_at(view: &View, i: usize, end: usize) -> Option<&'static Title> {
    lexicon::TITLES
        .iter()
        .filter(|t| i + t.words.len() <= end && t.words.iter().enumerate().all(|(k, w)| view.a.token_text(i + k) == *w))
        .max_by_key(|t| t.words.len())
}

/// The folded key of a candidate's words.
pub(crate) fn words_key(words: &[String]) -> String {
    super::gazetteer::key(&words.join(" "))
}

/// Decisions over the whole document: mentions of one name share the kind their scores vote
/// for together; a lone word that is the surname of a person named in full is that person, and
/// one that opens a fuller place or organization name is of its kind.
fn decide_kinds(candidates: &mut [Candidate]) {
    let mut votes: HashMap<String, [i64; 3]> = HashMap::new();
    for c in candidates.iter() {
        let v = votes.entry(words_key(&c.words)).or_default();
        for k in 0..3 {
            v[k] += i64::from(c.scores[k]);
        }
    }
    let mut surnames: HashMap<String, ()> = HashMap::new();
    let mut openers: HashMap<String, Kind> = HashMap::new();
    for c in candidates.iter() {
        if c.words.len() < 2 {
            continue;
        }
        let kind = c.kind_by(&votes);
        if kind == Kind::Person {
            if let Some(last) = c.words.last() {
                surnames.insert(super::gazetteer::key(last), ());
            }
        } else if let Some(first) = c.words.first() {
            openers.entry(super::gazetteer::key(first)).or_insert(kind);
        }
    }
    for c in candidates.iter_mut() {
        let kind = c.kind_by(&votes);
        if c.words.len() == 1 {
            let key = super::gazetteer::key(&c.words[0]);
            if surnames.contains_key(&key) {
                c.kind = Kind::Person;
                c.anchored = true;
                continue;
            }
            if let Some(&k) = openers.get(&key) {
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
        c.kind = kind;
    }
}

impl Candidate {
    fn kind_by(&self, votes: &HashMap<String, [i64; 3]>) -> Kind {
        if self.titled {
            return Kind::Person;
        }
        if self.canonical.is_some() {
            return self.kind;
        }
        let v = votes.get(&words_key(&self.words)).copied().unwrap_or_default();
        let best = (0..3).max_by_key(|&k| (v[k], std::cmp::Reverse(k))).unwrap_or(0);
        Kind::from_index(best)
    }
}

/// Decisions over the corpus: a lone word no fuller name of its document explains takes the
/// kind its mentions across the corpus vote for.
pub(crate) fn decide_corpus_kinds(found: &mut [Found]) {
    let mut votes: HashMap<String, [i64; 3]> = HashMap::new();
    for f in found.iter() {
        for c in f.candidates.iter().filter(|c| c.words.len() == 1 && !c.anchored && c.canonical.is_none()) {
            let v = votes.entry(words_key(&c.words)).or_default();
            for k in 0..3 {
                v[k] += i64::from(c.scores[k]);
            }
        }
    }
    for f in found.iter_mut() {
        for c in f.candidates.iter_mut().filter(|c| c.words.len() == 1 && !c.anchored && c.canonical.is_none() && !c.titled) {
            if let Some(v) = votes.get(&words_key(&c.words)) {
                c.kind = Kind::from_index((0..3).max_by_key(|&k| (v[k], std::cmp::Reverse(k))).unwrap_or(0));
            }
        }
    }
}
