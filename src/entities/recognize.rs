//! Recognition in one document: capitalized runs of tokens are cut into titles, demonyms
//! and names, and each name is typed as a person, place or organization by rules (titles,
//! honorifics, organization head words, context cues) and the gazetteer.
//!
//! It does not decide which mentions are the same entity (that is `merge`), and it leaves
//! single unknown words as guesses that `merge` settles against the fuller names it knows.

use super::gazetteer::{Gazetteer, Known};
use super::lexicon::{self, Title};
use super::Gender;
use crate::doc::Doc;
use crate::model::Span;
use crate::text::{Analysis, TokenKind};
use std::collections::HashSet;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Person,
    Place,
    Organization,
}

/// How sure the recognizer is of a candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Certainty {
    /// A single unknown capitalized word opening a sentence: a name only if a fuller name
    /// of the story vouches for it.
    ResolveOnly,
    /// A single unknown capitalized word inside a sentence.
    Guess,
    /// A title, honorific, several name words, the gazetteer or a head word vouch for it.
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

/// What every document's recognition shares: the gazetteer and the words the corpus writes
/// in lowercase (a capitalized word that also appears lowercase is a common word, not a
/// name, when it opens a sentence).
pub(crate) struct Context<'g> {
    pub gazetteer: &'g Gazetteer,
    pub lowercase_words: HashSet<String>,
}

impl<'g> Context<'g> {
    pub(crate) fn new(gazetteer: &'g Gazetteer, docs: &[Doc]) -> Self {
        let mut lowercase_words = HashSet::new();
        for doc in docs {
            let a = &doc.analysis;
            for (i, t) in a.tokens.iter().enumerate() {
                if t.kind == TokenKind::Word && a.token_text(i).starts_with(|c: char| c.is_lowercase()) {
                    lowercase_words.insert(a.token_text(i).to_string());
                }
            }
        }
        Context { gazetteer, lowercase_words }
    }

    fn is_common_word(&self, word: &str) -> bool {
        self.lowercase_words.contains(&word.to_lowercase())
    }
}

/// Finds the candidate names and demonyms of one document.
pub(crate) fn recognize(doc: &Doc, ctx: &Context) -> Found {
    let a = &doc.analysis;
    let mut found = Found::default();
    for sentence in &a.sentences {
        let range = sentence.tokens.clone();
        let headline = is_headline(a, range.clone());
        let mut i = range.start;
        while i < range.end {
            if !is_name_word(a, i) {
                i += 1;
                continue;
            }
            let end = run_end(a, i, range.end);
            let opens = i == range.start || opens_clause(a, i);
            Run { a, ctx, tokens: i..end, opens, headline, sentence_end: range.end }.classify(&mut found);
            i = end.max(i + 1);
        }
    }
    found
}

/// A capitalized word, acronym or initial.
fn is_name_word(a: &Analysis, i: usize) -> bool {
    a.tokens[i].capitalized
}

fn possessive_suffix(word: &str) -> Option<usize> {
    ["’s", "'s"].iter().find(|s| word.len() > s.len() && word.ends_with(*s)).map(|s| s.len())
}

/// The end of the capitalized run starting at `i`: name words, with `of` and particles
/// inside; a possessive ends it.
fn run_end(a: &Analysis, i: usize, limit: usize) -> usize {
    let mut j = i;
    while j < limit {
        let word = a.token_text(j);
        let quote = |k: usize| k < limit && matches!(a.token_text(k), "\"" | "“" | "”" | "‘" | "’");
        if j > i && quote(j) && j + 3 < limit && is_name_word(a, j + 1) && quote(j + 2) && is_name_word(a, j + 3) {
            // A nickname in quotes inside the name: Martin "Marty" Nguyen.
            j += 3;
        } else if is_name_word(a, j) {
            j += 1;
            if possessive_suffix(word).is_some() {
                break;
            }
        } else if j > i && (word == "of" || lexicon::PARTICLES.contains(&word)) {
            // `of` or a run of particles, then a name word: `Bank of …`, `van der Berg`.
            let mut k = j + 1;
            while k < limit && lexicon::PARTICLES.contains(&a.token_text(k)) {
                k += 1;
            }
            if k < limit && is_name_word(a, k) && (word != "of" || k == j + 1) {
                j = k;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    j
}

/// True when the token before `i` opens a clause whose first word is capitalized anyway:
/// a quote mark, a colon, a dash or a bracket.
fn opens_clause(a: &Analysis, i: usize) -> bool {
    i > 0
        && a.tokens[i - 1].kind == TokenKind::Punct
        && matches!(a.token_text(i - 1), "“" | "\"" | "‘" | "'" | ":" | "—" | "–" | "(" | "[" | "«" | "-")
}

/// A Title Case line ("Load More Comments", a headline pasted in the body): its capitals
/// say nothing about names.
fn is_headline(a: &Analysis, range: Range<usize>) -> bool {
    let (mut long, mut capitalized) = (0, 0);
    for i in range.clone() {
        if a.tokens[i].kind == TokenKind::Word && a.token_text(i).chars().count() >= 4 {
            long += 1;
            capitalized += usize::from(is_name_word(a, i));
        }
    }
    let ends_sentence = range.end > range.start && matches!(a.token_text(range.end - 1), "." | "”" | "\"");
    long >= 3 && capitalized * 5 >= long * 4 && !ends_sentence
}

fn is_calendar_word(word: &str) -> bool {
    crate::calendar::month_number(word).is_some() || crate::calendar::weekday(word).is_some()
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

/// Sentence-opening words that look like verbs, adverbs or abstract nouns, not names.
fn looks_like_common_word(word: &str) -> bool {
    const SUFFIXES: &[&str] =
        &["ing", "ly", "ed", "ness", "ment", "tion", "sion", "ful", "ous", "ive", "able", "ism", "ity"];
    let lower = word.to_lowercase();
    SUFFIXES.iter().any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// One capitalized run being cut and typed.
struct Run<'r, 'a, 'g> {
    a: &'r Analysis<'a>,
    ctx: &'r Context<'g>,
    tokens: Range<usize>,
    /// The run opens a sentence or clause, so its first capital proves nothing.
    opens: bool,
    headline: bool,
    sentence_end: usize,
}

impl Run<'_, '_, '_> {
    fn word(&self, i: usize) -> &str {
        let w = self.a.token_text(i);
        possessive_suffix(w).map_or(w, |n| &w[..w.len() - n])
    }

    fn span(&self, range: Range<usize>) -> Span {
        let last = range.end - 1;
        let cut = possessive_suffix(self.a.token_text(last)).unwrap_or(0);
        Span::new(self.a.tokens[range.start].span.start, self.a.tokens[last].span.end - cut)
    }

    fn joined(&self, range: Range<usize>) -> String {
        range.map(|i| self.word(i)).collect::<Vec<_>>().join(" ")
    }

    fn lookup(&self, range: Range<usize>) -> Option<Known> {
        if range.is_empty() {
            return None;
        }
        self.ctx.gazetteer.lookup(&self.joined(range))
    }

    fn classify(&self, found: &mut Found) {
        let mut start = self.tokens.start;
        let end = self.tokens.end;
        // Words that never begin a name, and a common word opening the sentence.
        while start < end {
            if title_at(self, start).is_some() || self.lookup(start..end).is_some() {
                break;
            }
            let w = self.word(start);
            let never = lexicon::NEVER_NAMES.contains(&w) || is_calendar_word(w);
            let common_opener = start == self.tokens.start
                && self.opens
                && end - start > 1
                && self.lookup(start..start + 1).is_none()
                && title_at(self, start).is_none()
                && (self.ctx.is_common_word(w) || looks_like_common_word(w));
            if never || common_opener || w == "of" || lexicon::PARTICLES.contains(&w) {
                start += 1;
            } else {
                break;
            }
        }
        if start >= end {
            return;
        }
        let opens = self.opens && start == self.tokens.start;
        if self.whole_known(start..end, found) || self.by_head_word(start..end, found) {
            return;
        }
        // Demonyms and titles before the name: "Russian Prime Minister Ivan Petrov".
        let (mut role, mut gender, mut titled) = (None::<String>, None, false);
        if let Some((words, title_gender)) = self.lowercase_title_before() {
            role = Some(words);
            gender = title_gender;
            titled = true;
        }
        loop {
            // "Texas Gov. Greg Abbott": the place, then the titled name.
            if let Some(n) = (1..=3).find(|&n| {
                start + n < end
                    && matches!(self.lookup(start..start + n), Some(Known::Place(_) | Known::Organization(_)))
                    && title_at(self, start + n).is_some()
            }) {
                self.whole_known(start..start + n, found);
                start += n;
                continue;
            }
            if let Some(Known::Demonym(place)) = self.lookup(start..start + 1) {
                if start + 1 < end {
                    found.demonyms.push(DemonymUse { span: self.span(start..start + 1), place });
                    start += 1;
                    continue;
                }
            }
            if let Some(t) = title_at(self, start) {
                titled = true;
                gender = t.gender.or(gender);
                if t.role {
                    role = Some(self.joined(start..start + t.words.len()));
                }
                start += t.words.len();
                if start < end {
                    continue;
                }
            }
            break;
        }
        if start >= end {
            return;
        }
        if !titled
            && start > self.tokens.start
            && (self.whole_known(start..end, found) || self.by_head_word(start..end, found))
        {
            return;
        }
        if titled {
            // A title names a person; anything after an `of` inside is another name.
            let cut = (start..end).find(|&i| self.a.token_text(i) == "of").unwrap_or(end);
            self.push_person(found, start..cut, Certainty::Sure, role, gender, true);
            if cut + 1 < end {
                Run { tokens: cut + 1..end, opens: false, ..*self }.classify(found);
            }
            return;
        }
        // An `of` that is not part of a known name separates two names.
        if let Some(of) = (start..end).find(|&i| self.a.token_text(i) == "of") {
            Run { tokens: start..of, opens, ..*self }.classify(found);
            Run { tokens: of + 1..end, opens: false, ..*self }.classify(found);
            return;
        }
        if self.headline {
            return;
        }
        let words = end - start;
        if words == 1 {
            self.single_word(start, opens, found);
        } else if (start..end).all(|i| self.ctx.is_common_word(self.word(i))) || words > 5 {
            // "Missile Defense", a Title Case phrase: not a name.
        } else {
            self.push_person(found, start..end, Certainty::Sure, None, None, false);
        }
    }

    /// The whole range is a gazetteer place, organization or demonym.
    fn whole_known(&self, range: Range<usize>, found: &mut Found) -> bool {
        match self.lookup(range.clone()) {
            Some(Known::Place(canonical)) => self.push(found, range, Kind::Place, Some(canonical)),
            Some(Known::Organization(canonical)) => self.push(found, range, Kind::Organization, Some(canonical)),
            Some(Known::Demonym(place)) => found.demonyms.push(DemonymUse { span: self.span(range), place }),
            None => return false,
        }
        true
    }

    /// `… Agency` (an organization), `… River` (a place) or `… Act` (neither: a law, an
    /// event, a building) by the run's last word.
    fn by_head_word(&self, range: Range<usize>, found: &mut Found) -> bool {
        let last = self.word(range.end - 1);
        if range.len() > 1 && lexicon::PLACE_HEADS.contains(&last) {
            self.push(found, range, Kind::Place, None);
            return true;
        }
        if range.len() > 1 && lexicon::OTHER_HEADS.contains(&last) {
            return true;
        }
        self.organization_by_head(range, found)
    }

    /// A lowercase title right before the run ("foreign minister Ivan Petrov",
    /// "press secretary Jane Roe"): its words and the gender it tells.
    fn lowercase_title_before(&self) -> Option<(String, Option<Gender>)> {
        let first = self.tokens.start;
        let mut from = first;
        while from > 0
            && first - from < 4
            && self.a.tokens[from - 1].kind == TokenKind::Word
            && !is_name_word(self.a, from - 1)
        {
            from -= 1;
        }
        (from..first).find_map(|k| {
            let words: Vec<&str> = (k..first).map(|i| self.a.token_text(i)).collect();
            let phrase = words.join(" ");
            let titled = lexicon::TITLES.iter().any(|t| {
                t.role
                    && t.words.len() == words.len()
                    && t.words.iter().zip(&words).all(|(a, b)| a.eq_ignore_ascii_case(b))
            });
            let noun = lexicon::GENDERED_NOUNS.iter().find(|(n, _)| *n == phrase && words.len() == 1);
            let role_noun = lexicon::ROLE_NOUNS.contains(&phrase.as_str());
            (titled || role_noun || noun.is_some_and(|_| lexicon::ROLE_NOUNS.contains(&phrase.as_str())))
                .then(|| (phrase.clone(), noun.map(|&(_, g)| g)))
        })
    }

    /// `… Agency`, `… Times`, `Bank of …`: an organization by its head word.
    fn organization_by_head(&self, range: Range<usize>, found: &mut Found) -> bool {
        let last = self.word(range.end - 1);
        let head_first = (range.start..range.end)
            .find(|&i| self.a.token_text(i) == "of")
            .is_some_and(|of| of > range.start && lexicon::ORGANIZATION_HEADS.contains(&self.word(of - 1)));
        let single = range.len() == 1;
        let preceded_by_the = range.start > 0 && matches!(self.a.token_text(range.start - 1), "the" | "The");
        let has_of = (range.start..range.end).any(|i| self.a.token_text(i) == "of");
        if (lexicon::ORGANIZATION_HEADS.contains(&last) && (!single || preceded_by_the) && !has_of) || head_first {
            self.push(found, range, Kind::Organization, None);
            return true;
        }
        false
    }

    /// A lone capitalized word that no table knows: typed by the words around it.
    fn single_word(&self, i: usize, opens: bool, found: &mut Found) {
        let w = self.word(i);
        let next = |k: usize| (i + k < self.sentence_end).then(|| self.a.token_text(i + k));
        let before = (i > 0).then(|| self.a.token_text(i - 1));
        if let Some(place) = hyphenated_demonym(self.ctx, w) {
            found.demonyms.push(DemonymUse { span: self.span(i..i + 1), place });
            return;
        }
        if is_acronym(w) && !lexicon::NEVER_NAMES.contains(&w) {
            self.push(found, i..i + 1, Kind::Organization, None);
            return;
        }
        // "the Tass news agency"
        let org_after = [next(1), next(2)]
            .iter()
            .flatten()
            .take_while(|n| n.starts_with(|c: char| c.is_lowercase()))
            .any(|n| lexicon::ORGANIZATION_CUES.contains(n));
        if org_after && possessive_suffix(self.a.token_text(i)).is_none() {
            self.push(found, i..i + 1, Kind::Organization, None);
            return;
        }
        // "the Hartley administration": the person who leads it.
        let next_word = next(1).map(|n| possessive_suffix(n).map_or(n, |k| &n[..n.len() - k]));
        if next_word.is_some_and(|n| lexicon::LED_BY_PERSON.contains(&n)) {
            self.push_person(found, i..i + 1, Certainty::Guess, None, None, false);
            return;
        }
        if opens && (self.ctx.is_common_word(w) || looks_like_common_word(w)) {
            return;
        }
        // People rarely take an article: "the Fed" is an organization; so is "the journal X".
        if before.is_some_and(|b| b == "the" || b == "The" || lexicon::ORGANIZATION_CUES.contains(&b)) {
            self.push(found, i..i + 1, Kind::Organization, None);
            return;
        }
        let place_cue = before.is_some_and(|b| lexicon::PLACE_CUES.contains(&b))
            || (next(1) == Some(",")
                && matches!(self.lookup(i + 2..(i + 3).min(self.sentence_end)), Some(Known::Place(_))));
        // A word opening a sentence stands on its own only before a reporting verb ("Kozlov
        // said"); otherwise it counts only if a fuller name of the story vouches for it.
        let reports = next(1).is_some_and(|n| lexicon::REPORTING_VERBS.contains(&n));
        let mut c = self.candidate(i..i + 1, if place_cue { Kind::Place } else { Kind::Person }, None);
        c.certainty = if opens && !reports { Certainty::ResolveOnly } else { Certainty::Guess };
        found.candidates.push(c);
    }

    fn candidate(&self, range: Range<usize>, kind: Kind, canonical: Option<&'static str>) -> Candidate {
        Candidate {
            span: self.span(range.clone()),
            kind,
            certainty: Certainty::Sure,
            canonical,
            words: range.map(|i| self.word(i).to_string()).collect(),
            role: None,
            gender: None,
            titled: false,
        }
    }

    fn push(&self, found: &mut Found, range: Range<usize>, kind: Kind, canonical: Option<&'static str>) {
        found.candidates.push(self.candidate(range, kind, canonical));
    }

    fn push_person(
        &self,
        found: &mut Found,
        range: Range<usize>,
        certainty: Certainty,
        role: Option<String>,
        gender: Option<Gender>,
        titled: bool,
    ) {
        if range.is_empty() {
            return;
        }
        let gender = gender.or_else(|| self.gender_before(range.start));
        let mut c = self.candidate(range, Kind::Person, None);
        c.certainty = certainty;
        c.role = role;
        c.gender = gender;
        c.titled = titled;
        found.candidates.push(c);
    }

    /// A gendered role noun right before the run ("spokeswoman Jane Roe").
    fn gender_before(&self, start: usize) -> Option<Gender> {
        let first = self.tokens.start.min(start);
        let before = first.checked_sub(1).map(|k| self.a.token_text(k))?;
        lexicon::GENDERED_NOUNS.iter().find(|(noun, _)| *noun == before).map(|&(_, g)| g)
    }
}

/// `Russian-American`: every part a demonym or place; the first part's place.
fn hyphenated_demonym(ctx: &Context, word: &str) -> Option<&'static str> {
    let mut parts = word.split(['-', '‐']);
    let first = parts.next()?;
    let place = match ctx.gazetteer.lookup(first)? {
        Known::Demonym(place) | Known::Place(place) => place,
        Known::Organization(_) => return None,
    };
    let mut rest = parts.peekable();
    rest.peek()?;
    rest.all(|p| matches!(ctx.gazetteer.lookup(p), Some(Known::Demonym(_) | Known::Place(_)))).then_some(place)
}

/// The longest title or honorific starting at token `i` of the run.
fn title_at(run: &Run, i: usize) -> Option<&'static Title> {
    lexicon::TITLES
        .iter()
        .filter(|t| {
            i + t.words.len() <= run.tokens.end
                && t.words.iter().enumerate().all(|(k, w)| run.a.token_text(i + k) == *w)
        })
        .max_by_key(|t| t.words.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Kind)> {
        let document = crate::model::Document { text: text.to_string(), ..Default::default() };
        let analysis = Analysis::of_text(&document.text);
        let doc = Doc { document: &document, analysis, dct: None };
        let g = Gazetteer::new();
        let ctx = Context::new(&g, std::slice::from_ref(&doc));
        recognize(&doc, &ctx)
            .candidates
            .into_iter()
            .map(|c| (text[c.span.start..c.span.end].to_string(), c.kind))
            .collect()
    }

    #[test]
    fn titles_and_possessives_stay_out_of_names() {
        let got = found("Defense Secretary Martin T. Holloway met Mr. Smith’s aides in Russia.");
        assert_eq!(
            got,
            [
                ("Martin T. Holloway".to_string(), Kind::Person),
                ("Smith".to_string(), Kind::Person),
                ("Russia".to_string(), Kind::Place)
            ]
        );
    }

    #[test]
    fn demonyms_and_organizations() {
        let got = found("The Russian Prime Minister Ivan Petrov told the Tass news agency and the New York Times.");
        assert_eq!(
            got,
            [
                ("Ivan Petrov".to_string(), Kind::Person),
                ("Tass".to_string(), Kind::Organization),
                ("New York Times".to_string(), Kind::Organization)
            ]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "’s",
            "Mr.",
            "Mr. ’s",
            "of of Of",
            "\"A\" \"B\"",
            "ÉÉÉ’s Ü-Ö",
            "Secretary of",
            "Ms. van",
            "U.S.-Russian-Chinese ties",
            "X, Y, Z, Ä",
            "the journal",
            "A “B” C",
            "President Prime Minister",
        ] {
            found(text);
        }
    }

    #[test]
    fn headlines_and_openers_are_not_names() {
        assert!(found("Load More Comments").is_empty());
        assert!(found("Everyone knows it. Three things matter.").is_empty());
    }
}
