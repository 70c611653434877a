//! Speaker noun phrases next to a speech verb: a name with its titles (`Defense Secretary Jane
//! Q. Doe`, `Ms. Doe`), a description with its modifiers (`a senior ministry official`,
//! `a spokesman for the ministry`), or a pronoun (`he`, `she`, `they`).
//!
//! It reads tokens only, with small closed word lists (determiners, prepositions, titles); it
//! does not look up entities or resolve pronouns (see `speakers`).

use super::lexicon::{self, Class, Lexicon};
use crate::entities::Gender;
use crate::model::Span;
use crate::text::{Analysis, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    They,
    It,
    /// `I`, `we`: the writer or a group including them; left unresolved.
    First,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PhraseKind {
    Name,
    Description,
    Pronoun(Pronoun),
}

/// A speaker mention in an attribution clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// The whole phrase, titles and post-modifiers included.
    pub span: Span,
    /// The core noun phrase before any `of`/`for` modifier: what names the speaker.
    pub head: Span,
    pub kind: PhraseKind,
    pub gender: Option<Gender>,
    pub plural: bool,
}

/// Token-level reading helpers over one analyzed document and its word classes.
pub(crate) struct Words<'a, 't> {
    pub a: &'a Analysis<'t>,
    pub lex: &'a Lexicon,
}

impl<'a, 't> Words<'a, 't> {
    pub(crate) fn text(&self, i: usize) -> &'t str {
        self.a.token_text(i)
    }
    /// The folded key of token `i` (lowercase, `’` as `'`).
    pub(crate) fn lower(&self, i: usize) -> &'a str {
        self.a.key(i)
    }
    /// True when token `i`'s key is one of `keys` (a handful of words; longer lists are
    /// classes of the [`Lexicon`]).
    pub(crate) fn is(&self, i: usize, keys: &[&str]) -> bool {
        i < self.a.tokens.len() && keys.contains(&self.lower(i))
    }
    /// The word classes of token `i`.
    pub(crate) fn class(&self, i: usize) -> Class {
        self.lex.of(self.a.tokens[i].word())
    }
    /// True when token `i` exists and is of one of the classes `c`.
    pub(crate) fn has(&self, i: usize, c: Class) -> bool {
        i < self.a.tokens.len() && self.class(i).intersects(c)
    }
    /// True when token `i` is a form of a speech verb.
    pub(crate) fn is_speech_verb(&self, i: usize) -> bool {
        self.has(i, Class::SPEECH)
    }
    /// True when token `i` is a mark whose first character is one of `chars`.
    ///
    /// Asked of every mark in the sentence scans: an ASCII first character (most marks) is
    /// read from the token's first byte, without slicing the text and decoding it.
    pub(crate) fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        let t = &self.a.tokens[i];
        if t.kind() != TokenKind::Punct || t.end() <= t.start() {
            return false;
        }
        let first = match self.a.text.as_bytes().get(t.start()) {
            Some(&b) if b.is_ascii() => char::from(b),
            _ => match self.text(i).chars().next() {
                Some(c) => c,
                None => return false,
            },
        };
        chars.contains(&first)
    }
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.a.tokens[i].kind() == TokenKind::Word
    }
    pub(crate) fn is_capitalized(&self, i: usize) -> bool {
        self.a.tokens[i].capitalized()
    }
    pub(crate) fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.a.tokens[first].start(), self.a.tokens[last].end())
    }
    /// `ABC's`, `Smith’s`: a possessive word, which modifies what follows rather than naming it.
    fn is_possessive(&self, i: usize) -> bool {
        let w = self.text(i);
        w.ends_with("'s")
            || w.ends_with("’s")
            || (i + 1 < self.a.tokens.len()
                && self.is_punct(i + 1, &['’', '\''])
                && self.a.tokens[i + 1].start() == self.a.tokens[i].end())
    }
    /// A word that can be part of a name: capitalized, not a function word, not a possessive.
    ///
    /// Asked of most tokens: the tests of the token itself are inlined, the class and
    /// possessive tests run for capitalized words only.
    #[inline]
    pub(crate) fn is_name_word(&self, i: usize) -> bool {
        self.is_word(i) && self.is_capitalized(i) && self.is_name_word_rest(i)
    }
    /// [`Words::is_name_word`] of a capitalized word.
    fn is_name_word_rest(&self, i: usize) -> bool {
        !self.has(i, Class::CAPITALIZED_STOP) && !self.is_possessive(i)
    }
    fn pronoun(&self, i: usize) -> Option<(Pronoun, usize)> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.lower(i);
        // Contractions keep only the pronoun (`He's not saying`).
        let bare = ["'s", "’s", "'d", "’d", "'ll", "’ll", "'ve", "’ve", "'re", "’re"]
            .iter()
            .find_map(|c| w.strip_suffix(c))
            .unwrap_or(w);
        let p = match bare {
            "he" => Pronoun::He,
            "she" => Pronoun::She,
            "they" => Pronoun::They,
            "it" => Pronoun::It,
            "i" | "we" => Pronoun::First,
            _ => return None,
        };
        // The pronoun's length in the text, which may differ from its key's (`HÉ’s`).
        let text = self.text(i);
        Some((p, text.find(['\'', '’', 'ʼ']).unwrap_or(text.len())))
    }
}

/// The subject of the speech verb at token `verb`, to its left, not reaching before token `lo`:
/// skips auxiliaries and adverbs, a parenthesis, and an appositive between commas
/// (`Jane Doe, a spokeswoman, said` → `Jane Doe`).
pub(crate) fn subject_before(w: &Words, lo: usize, verb: usize) -> Option<Phrase> {
    let mut j = verb.checked_sub(1)?;
    loop {
        if j < lo {
            return None;
        }
        if w.has(j, Class::AUXILIARY) || (w.is_word(j) && !w.is_capitalized(j) && w.lower(j).ends_with("ly")) {
            j = j.checked_sub(1)?;
        } else if w.is(j, &["as"]) && j > lo && w.is(j - 1, &["quoted"]) {
            j = j.checked_sub(2)?; // `was quoted as saying`
        } else {
            break;
        }
    }
    if w.is_punct(j, &[',']) {
        let k = (lo..j).rev().find(|&k| w.is_punct(k, &[',']))?;
        // `The Herald, citing a senior official, reported`: the one cited is the source.
        if w.is(k + 1, &["citing", "quoting"]) {
            if let Some(cited) = subject_after(w, k + 2, j) {
                return Some(cited);
            }
        }
        let subject = phrase_ending_at(w, lo, skip_parenthesis(w, lo, k.checked_sub(1)?)?);
        // `The firm's founder, Jane Doe, said`: the appositive name names the speaker.
        let appositive = (k + 1 < j).then(|| phrase_ending_at(w, k + 1, j - 1)).flatten();
        return match (subject, appositive) {
            (Some(s), Some(a))
                if s.kind == PhraseKind::Description
                    && a.kind == PhraseKind::Name
                    && a.span.start == w.a.tokens[k + 1].start() =>
            {
                Some(a)
            }
            (subject, _) => subject,
        };
    }
    j = skip_parenthesis(w, lo, j)?;
    if j < lo {
        return None;
    }
    phrase_ending_at(w, lo, j)
}

/// The token before a parenthesis that ends at token `j` (`Rep. Jane Doe (D-Wis.)`), or `j`.
fn skip_parenthesis(w: &Words, lo: usize, j: usize) -> Option<usize> {
    if !w.is_punct(j, &[')']) {
        return Some(j);
    }
    let k = (lo.max(j.saturating_sub(12))..j).rev().find(|&k| w.is_punct(k, &['(']))?;
    k.checked_sub(1)
}

/// The speaker phrase that starts at token `start` and ends before token `hi`: the subject of
/// an inverted clause (`said a senior official`) or the object of `according to`.
pub(crate) fn subject_after(w: &Words, start: usize, hi: usize) -> Option<Phrase> {
    if start >= hi {
        return None;
    }
    if let Some((p, len)) = w.pronoun(start) {
        return Some(pronoun_phrase(w, start, p, len));
    }
    let mut k = start;
    if w.has(k, Class::DETERMINER) {
        k += 1;
    }
    let first_content = k;
    let mut head_end = None;
    while k < hi && k - start < 12 {
        let possessive_mark = w.is_punct(k, &['’', '\'']);
        let joins = k > first_content
            && k + 1 < hi
            && !w.is_punct(k + 1, &[',', '.'])
            && (w.is(k, &["of", "for"])
                || (w.is(k, &["from"]) && !w.is_capitalized(k - 1))
                || (w.is(k, &["with"]) && w.is(k - 1, &["familiar"]))
                || (w.is(k, &["to"]) && w.is(k - 1, &["close", "closer", "near"])));
        if joins {
            head_end.get_or_insert(k - 1);
        } else if (w.a.tokens[k].kind() == TokenKind::Punct && !possessive_mark)
            || (w.has(k, Class::STOP) && !w.has(k, Class::DETERMINER))
            || (w.is_capitalized(k) && w.has(k, Class::CAPITALIZED_STOP) && k > first_content)
        {
            break;
        }
        k += 1;
    }
    if k <= first_content {
        return None;
    }
    let last = k - 1;
    if w.has(last, Class::DETERMINER) || w.is(last, &["of", "for"]) {
        return None;
    }
    let head_last = head_end.unwrap_or(last);
    let named = w.is_name_word(head_last);
    Some(finish(w, start, head_last, last, named))
}

/// `Whitfield implored`, `a Western official cautioned`: a subject phrase starting at token
/// `k` followed by a word that `verb` accepts (before token `hi`), as (phrase, verb token).
pub(crate) fn subject_then_verb(
    w: &Words,
    k: usize,
    hi: usize,
    verb: impl Fn(usize) -> bool,
) -> Option<(Phrase, usize)> {
    if k >= hi {
        return None;
    }
    if let Some((p, len)) = w.pronoun(k) {
        // The verb must stand before `hi`, which may be the end of the text.
        return (k + 1 < hi && verb(k + 1)).then(|| (pronoun_phrase(w, k, p, len), k + 1));
    }
    // The words of the phrase: no punctuation, stop word or second determiner.
    let mut v = k + 1;
    while v < hi && v - k <= 6 {
        if verb(v) && !w.is_capitalized(v) {
            let named = w.is_name_word(v - 1);
            return Some((finish(w, k, v - 1, v - 1, named), v));
        }
        let word = w.is_word(v) && !w.has(v, Class::STOP) && (v == k + 1 || !w.has(v, Class::DETERMINER));
        if !word {
            return None;
        }
        v += 1;
    }
    None
}

/// The label of a transcript line (`President Jane Doe`, `DOE`) as a speaker phrase.
pub(crate) fn label(w: &Words, first: usize, last: usize) -> Phrase {
    finish(w, first, last, last, true)
}

/// The speaker phrase ending at token `j` (inclusive), not starting before `lo`.
fn phrase_ending_at(w: &Words, lo: usize, j: usize) -> Option<Phrase> {
    if let Some((p, len)) = w.pronoun(j) {
        return Some(pronoun_phrase(w, j, p, len));
    }
    let (mut first, named) = simple_phrase_ending_at(w, lo, j)?;
    let (mut head_last, mut head_named) = (j, named);
    // Walk back over modifiers: `a press secretary for the president`, `officials in Moscow`.
    for _ in 0..2 {
        let close_to = first >= lo + 2 && w.is(first - 1, &["to"]) && w.is(first - 2, &["close", "closer", "near"]);
        if first < lo + 2 || !(w.has(first - 1, Class::POST_MODIFIER) || close_to) {
            break;
        }
        // `officials involved in the talks`, `a source familiar with the plan`: a participle
        // or adjective between the head and its preposition.
        let mut head = if close_to { first.saturating_sub(3).max(lo) } else { first - 2 };
        let participle = |t: usize| {
            let k = w.lower(t);
            w.is_word(t) && !w.is_capitalized(t) && (k.ends_with("ed") || k.ends_with("ing") || k == "familiar")
        };
        if participle(head) && head > lo && !w.is_speech_verb(head) {
            head -= 1;
        }
        match simple_phrase_ending_at(w, lo, head) {
            Some((earlier, earlier_named)) => {
                head_last = head;
                head_named = earlier_named;
                first = earlier;
            }
            None => break,
        }
    }
    Some(finish(w, first, head_last, j, head_named))
}

fn pronoun_phrase(w: &Words, i: usize, p: Pronoun, len: usize) -> Phrase {
    let start = w.a.tokens[i].start();
    let span = Span::new(start, start + len);
    let gender = match p {
        Pronoun::He => Some(Gender::Male),
        Pronoun::She => Some(Gender::Female),
        _ => None,
    };
    Phrase { span, head: span, kind: PhraseKind::Pronoun(p), gender, plural: p == Pronoun::They }
}

/// A phrase of tokens `first..=last` whose head ends at `head_last`.
fn finish(w: &Words, first: usize, head_last: usize, last: usize, named: bool) -> Phrase {
    // The gendered word nearest the head decides: `his wife`, `the chairman's wife`.
    let gender = (first..=head_last).rev().find_map(|i| lexicon::gender(w.class(i)));
    let head_word = w.lower(head_last);
    let plural = !named
        && ((head_word.ends_with('s')
            && !head_word.ends_with("ss")
            && !head_word.ends_with("'s")
            && !head_word.ends_with("’s"))
            || matches!(head_word, "people" | "police" | "staff" | "men" | "women"));
    Phrase {
        span: w.span(first, last),
        head: w.span(first, head_last),
        kind: if named { PhraseKind::Name } else { PhraseKind::Description },
        gender,
        plural,
    }
}

/// A name with its titles (`Defense Secretary Jane Q. Doe`) or a description up to its
/// determiner (`a senior ministry official`) ending at token `j`: (first token, named).
fn simple_phrase_ending_at(w: &Words, lo: usize, j: usize) -> Option<(usize, bool)> {
    if w.is_name_word(j) {
        let mut k = j;
        while k > lo {
            if w.is_name_word(k - 1) {
                k -= 1;
            } else if k >= lo + 2 && w.has(k - 1, Class::PARTICLE) && w.is_name_word(k - 2) {
                k -= 2;
            } else {
                break;
            }
        }
        // Descriptors before the name belong to it: `union leader Jane Doe`, `the
        // company's chief executive Jane Doe`.
        let mut extra = 0;
        while k > lo && extra < 4 {
            let t = k - 1;
            if w.has(t, Class::DETERMINER) {
                // `the two`, `his three`: an article before a numeral belongs too.
                k = if t > lo && w.has(t - 1, Class::DETERMINER) { t - 1 } else { t };
                break;
            }
            let stop = w.has(t, Class::STOP)
                || (w.is_capitalized(t) && w.has(t, Class::CAPITALIZED_STOP))
                || w.is_speech_verb(t)
                || w.lower(t).ends_with("ly");
            let descriptor = w.is_word(t) && !stop;
            if !descriptor {
                break;
            }
            k = t;
            extra += 1;
        }
        return Some((k, true));
    }
    let t = &w.a.tokens[j];
    let content = matches!(t.kind(), TokenKind::Word | TokenKind::Number);
    let lower = w.lower(j);
    if !content
        || w.has(j, Class::STOP)
        || w.has(j, Class::DETERMINER)
        || w.is_capitalized(j) && w.has(j, Class::CAPITALIZED_STOP)
    {
        return None;
    }
    // A verb or adverb is no head: `declined to say`, `had long said`.
    if lower.ends_with("ly") || lower.ends_with("ed") || lower.ends_with("ing") || w.is_speech_verb(j) {
        return None;
    }
    let mut k = j;
    while k > lo && j - k < 8 {
        let t = k - 1;
        if w.has(t, Class::DETERMINER) {
            let article = t > lo && w.has(t - 1, Class::DETERMINER);
            return Some((if article { t - 1 } else { t }, false));
        }
        let inner_mark = w.is_punct(t, &['’', '\'', '-']);
        let blocked = (w.a.tokens[t].kind() == TokenKind::Punct && !inner_mark)
            || w.has(t, Class::STOP)
            || (w.is_capitalized(t) && w.has(t, Class::CAPITALIZED_STOP))
            || w.is_speech_verb(t);
        if blocked {
            break;
        }
        k = t;
    }
    Some((k, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(text: &str) -> Option<(String, PhraseKind)> {
        let a = Analysis::of_text(text);
        let lex = Lexicon::new(&a);
        let w = Words { a: &a, lex: &lex };
        let verb = (0..a.tokens.len()).find(|&i| w.is_speech_verb(i))?;
        subject_before(&w, 0, verb).map(|p| (text[p.span.start..p.span.end].to_string(), p.kind))
    }

    fn after(text: &str) -> Option<String> {
        let a = Analysis::of_text(text);
        let lex = Lexicon::new(&a);
        let w = Words { a: &a, lex: &lex };
        let verb = (0..a.tokens.len()).find(|&i| w.is_speech_verb(i))?;
        subject_after(&w, verb + 1, a.tokens.len()).map(|p| text[p.span.start..p.span.end].to_string())
    }

    #[test]
    fn names_keep_their_titles() {
        assert_eq!(
            before("Defense Secretary Jane Q. Doe said"),
            Some(("Defense Secretary Jane Q. Doe".into(), PhraseKind::Name))
        );
        assert_eq!(before("But Ms. Doe also said"), Some(("Ms. Doe".into(), PhraseKind::Name)));
        assert_eq!(
            before("Under Secretary of State Tom Roe said"),
            Some(("Under Secretary of State Tom Roe".into(), PhraseKind::Name))
        );
    }

    #[test]
    fn appositives_and_descriptions() {
        assert_eq!(before("Jane Doe, a spokeswoman for the mayor, said").map(|p| p.0), Some("Jane Doe".into()));
        assert_eq!(
            before("On Tuesday, a press secretary for the president told").map(|p| p.0),
            Some("a press secretary for the president".into())
        );
        assert_eq!(before("American officials said").map(|p| p.0), Some("American officials".into()));
        assert_eq!(before("the same source said").map(|p| p.0), Some("the same source".into()));
    }

    #[test]
    fn pronouns_with_contractions() {
        assert_eq!(before("He's not saying"), Some(("He".into(), PhraseKind::Pronoun(Pronoun::He))));
        assert_eq!(before("and she has said"), Some(("she".into(), PhraseKind::Pronoun(Pronoun::She))));
    }

    #[test]
    fn no_subject_for_verbs_and_relatives() {
        assert_eq!(before("She declined to say"), None);
        assert_eq!(before("the people who said"), None);
    }

    #[test]
    fn inverted_subjects() {
        assert_eq!(after("said a senior ministry official."), Some("a senior ministry official".into()));
        assert_eq!(after("said Tom Roe, the mayor"), Some("Tom Roe".into()));
        assert_eq!(
            after("said a spokesman for the ministry in a statement"),
            Some("a spokesman for the ministry".into())
        );
        assert_eq!(after("said that"), None);
    }
}
