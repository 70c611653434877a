//! The one view of a document's words that every extractor reads, built once per document:
//! paragraphs, sentences and tokens (byte-offset spans), and for each token its word type in
//! the document's [`Vocabulary`]: a folded key (`It’s` → `it's`, `Łódź` → `lodz`) and what the
//! [`lexicon`] says of it (classes as bits, a month's number, a speech verb's lemma).
//!
//! Stages compare keys and test class bits; none re-tokenizes or lowercases per lookup. A
//! stage with a word list of its own memoizes it per word type ([`Analysis::per_word`]), so
//! its cost is per distinct word, not per token. The view knows typography (quote marks,
//! abbreviations, initials) and closed word classes, nothing of meaning: names, quotes and
//! dates are found by the modules after it.
//!
//! Cost: linear in the text; one hash per token and one lexicon lookup per distinct word.

pub(crate) mod fold;
pub(crate) mod lexicon;
mod sentences;
mod tokens;
mod vocabulary;

pub(crate) use lexicon::{Classes, Description};
#[allow(unused_imports)]
pub(crate) use tokens::{Token, TokenKind};
pub(crate) use vocabulary::{FxBuildHasher, Vocabulary, WordId};

use crate::model::Span;
use std::ops::Range;

/// One sentence: its span, the paragraph it lies in, and its tokens (indices into `tokens`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: Range<usize>,
}

/// A document body cut into paragraphs, sentences and tokens, with its vocabulary.
#[derive(Clone, Debug)]
pub(crate) struct Analysis<'t> {
    pub text: &'t str,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub vocabulary: Vocabulary,
}

impl<'t> Analysis<'t> {
    /// Analyzes `text` whose paragraphs are `paragraphs` (byte spans, in order, within `text`;
    /// spans that are not are skipped).
    pub(crate) fn new(text: &'t str, paragraphs: &[Span]) -> Self {
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::new();
        let mut vocabulary = Vocabulary::default();
        let mut key = String::new();
        let paragraphs: Vec<Span> = paragraphs.iter().copied().filter(|p| text.get(p.start..p.end).is_some()).collect();
        for (p, para) in paragraphs.iter().enumerate() {
            let first = tokens.len();
            tokens::tokenize_into(text, *para, &mut tokens);
            for token in &mut tokens[first..] {
                key.clear();
                // OK because token spans are cut at char boundaries by the tokenizer.
                fold::fold_token(&text[token.span.start..token.span.end], &mut key);
                token.word = vocabulary.intern(&key);
            }
            sentences::split_into(text, &tokens, first..tokens.len(), p, &mut sentences);
        }
        Analysis { text, paragraphs, sentences, tokens, vocabulary }
    }

    /// The folded key of token `i` (`It’s` → `it's`).
    pub(crate) fn key(&self, i: usize) -> &str {
        self.vocabulary.key(self.tokens[i].word)
    }

    /// What the lexicon says of token `i`.
    pub(crate) fn description(&self, i: usize) -> &Description {
        self.vocabulary.description(self.tokens[i].word)
    }

    /// The lemma of token `i` when it is a form of a speech verb.
    pub(crate) fn speech_lemma(&self, i: usize) -> Option<&'static str> {
        self.description(i).lemma()
    }

    /// `f` of every word type (its key and description), indexed by [`WordId`]: a stage's
    /// own word list, looked up once per distinct word instead of once per token.
    pub(crate) fn per_word<T>(&self, mut f: impl FnMut(&str, &Description) -> T) -> Vec<T> {
        (0..self.vocabulary.len() as WordId)
            .map(|id| f(self.vocabulary.key(id), self.vocabulary.description(id)))
            .collect()
    }

    /// Analyzes a text whose paragraphs are separated by blank lines (handy in tests).
    #[cfg(test)]
    pub(crate) fn of_text(text: &'t str) -> Self {
        Self::new(text, &paragraph_spans(text))
    }

    pub(crate) fn token_text(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].span.start..self.tokens[i].span.end]
    }

    #[cfg(test)]
    pub(crate) fn sentence_text(&self, s: &Sentence) -> &'t str {
        &self.text[s.span.start..s.span.end]
    }

    /// Index of the sentence containing byte offset `at`, if any.
    pub(crate) fn sentence_at(&self, at: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.span.end <= at);
        (k < self.sentences.len() && self.sentences[k].span.start <= at).then_some(k)
    }

    /// Index of the first token that starts at or after byte offset `at`.
    pub(crate) fn token_from(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }
}

/// An [`Analysis`] without its text, to keep (an article's part holds it, so that a corpus is
/// assembled without tokenizing again). Spans are stored as a gap from the previous token's end
/// and a length, which keeps them to a byte or two each.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct StoredAnalysis {
    /// A hash of the text it was made of.
    text: u64,
    paragraphs: Vec<(usize, usize)>,
    /// Span, paragraph and token range of each sentence.
    sentences: Vec<(usize, usize, usize, usize, usize)>,
    /// Per token: gap, length, kind (0 word, 1 number, 2 punctuation), capitalized, word type.
    tokens: Vec<(i64, usize, u8, bool, WordId)>,
    /// The vocabulary's keys in [`WordId`] order, each followed by a space (one string, not
    /// one per key, to keep decoding cheap; tokens hold no white space, and were a key to hold
    /// one, the ids would not match and [`Analysis::restore`] would refuse it).
    keys: String,
}

impl StoredAnalysis {
    pub(crate) fn write(&self, w: &mut crate::codec::Writer) {
        w.fixed(self.text);
        w.uint(self.paragraphs.len() as u64);
        for &(start, end) in &self.paragraphs {
            w.uint(start as u64);
            w.uint(end as u64);
        }
        w.uint(self.sentences.len() as u64);
        for &(start, end, paragraph, first, last) in &self.sentences {
            for n in [start, end, paragraph, first, last] {
                w.uint(n as u64);
            }
        }
        w.uint(self.tokens.len() as u64);
        for &(gap, len, kind, capitalized, word) in &self.tokens {
            w.int(gap);
            w.uint(len as u64);
            w.uint(u64::from(kind) << 1 | u64::from(capitalized));
            w.uint(u64::from(word));
        }
        w.str(&self.keys);
    }

    /// What [`StoredAnalysis::write`] wrote, or `None` for bytes that are not one.
    pub(crate) fn read(r: &mut crate::codec::Reader) -> Option<Self> {
        let text = r.fixed()?;
        let mut paragraphs = Vec::new();
        for _ in 0..r.count()? {
            paragraphs.push((r.usize()?, r.usize()?));
        }
        let mut sentences = Vec::new();
        for _ in 0..r.count()? {
            sentences.push((r.usize()?, r.usize()?, r.usize()?, r.usize()?, r.usize()?));
        }
        let n = r.count()?;
        let mut tokens = Vec::with_capacity(n);
        for _ in 0..n {
            let (gap, len, kind) = (r.int()?, r.usize()?, r.uint()?);
            tokens.push((gap, len, u8::try_from(kind >> 1).ok()?, kind & 1 == 1, WordId::try_from(r.uint()?).ok()?));
        }
        let keys = r.str()?.to_string();
        Some(StoredAnalysis { text, paragraphs, sentences, tokens, keys })
    }
}

impl<'t> Analysis<'t> {
    /// The analysis without its text.
    pub(crate) fn stored(&self) -> StoredAnalysis {
        let mut end = 0;
        let tokens = self
            .tokens
            .iter()
            .map(|t| {
                let gap = t.span.start as i64 - end as i64;
                end = t.span.end;
                let kind = match t.kind {
                    TokenKind::Word => 0,
                    TokenKind::Number => 1,
                    TokenKind::Punct => 2,
                };
                (gap, t.span.end - t.span.start, kind, t.capitalized, t.word)
            })
            .collect();
        StoredAnalysis {
            text: text_hash(self.text),
            paragraphs: self.paragraphs.iter().map(|p| (p.start, p.end)).collect(),
            sentences: self
                .sentences
                .iter()
                .map(|s| (s.span.start, s.span.end, s.paragraph, s.tokens.start, s.tokens.end))
                .collect(),
            tokens,
            keys: (0..self.vocabulary.len() as WordId).fold(String::new(), |mut keys, id| {
                keys.push_str(self.vocabulary.key(id));
                keys.push(' ');
                keys
            }),
        }
    }

    /// The analysis of `text` that [`Analysis::stored`] kept, or `None` when it was made of
    /// another text or does not fit it (a span out of it or off a character boundary, an unknown
    /// word type): then analyze it again. Linear in the text, with one lexicon lookup per word
    /// type.
    pub(crate) fn restore(text: &'t str, stored: &StoredAnalysis) -> Option<Self> {
        if stored.text != text_hash(text) {
            return None;
        }
        let fits = |start: usize, end: usize| start <= end && text.get(start..end).is_some();
        let mut vocabulary = Vocabulary::default();
        for (id, key) in stored.keys.split_terminator(' ').enumerate() {
            if vocabulary.intern(key) as usize != id {
                return None;
            }
        }
        let mut end = 0usize;
        let mut tokens = Vec::with_capacity(stored.tokens.len());
        for &(gap, len, kind, capitalized, word) in &stored.tokens {
            let start = usize::try_from(end as i64 + gap).ok()?;
            end = start.checked_add(len)?;
            let kind = match kind {
                0 => TokenKind::Word,
                1 => TokenKind::Number,
                2 => TokenKind::Punct,
                _ => return None,
            };
            if !fits(start, end) || word as usize >= vocabulary.len() {
                return None;
            }
            tokens.push(Token { span: Span::new(start, end), kind, capitalized, word });
        }
        let mut paragraphs = Vec::with_capacity(stored.paragraphs.len());
        for &(start, end) in &stored.paragraphs {
            if !fits(start, end) {
                return None;
            }
            paragraphs.push(Span::new(start, end));
        }
        let mut sentences = Vec::with_capacity(stored.sentences.len());
        for &(start, end, paragraph, first, last) in &stored.sentences {
            if !fits(start, end) || paragraph >= paragraphs.len() || first > last || last > tokens.len() {
                return None;
            }
            sentences.push(Sentence { span: Span::new(start, end), paragraph, tokens: first..last });
        }
        Some(Analysis { text, paragraphs, sentences, tokens, vocabulary })
    }
}

fn text_hash(text: &str) -> u64 {
    std::hash::BuildHasher::hash_one(&FxBuildHasher, text)
}

/// Byte spans of the blank-line-separated paragraphs of `text`, trimmed (tests build
/// analyses from plain strings with it; the pipeline has the article's own spans).
#[cfg(test)]
pub(crate) fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for block in text.split("\n\n") {
        let start = offset + (block.len() - block.trim_start().len());
        let end = offset + block.trim_end().len();
        if end > start {
            spans.push(Span::new(start, end));
        }
        offset += block.len() + 2;
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let a = Analysis::of_text(text);
        a.sentences.iter().map(|s| a.sentence_text(s)).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("The vote was close. Critics said so! Was it fair?"),
            ["The vote was close.", "Critics said so!", "Was it fair?"]
        );
    }

    #[test]
    fn keeps_titles_initials_and_acronyms() {
        assert_eq!(
            sentences("Mr. Smith met Dr. Jane Q. Public in the U.S. capital on Jan. 14. Then he left."),
            ["Mr. Smith met Dr. Jane Q. Public in the U.S. capital on Jan. 14.", "Then he left."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We will win,” she said. “It is certain.” He disagreed."),
            ["“We will win,” she said.", "“It is certain.”", "He disagreed."]
        );
    }

    #[test]
    fn does_not_split_before_lowercase() {
        assert_eq!(
            sentences("It costs approx. ten dollars, i.e. not much."),
            ["It costs approx. ten dollars, i.e. not much."]
        );
    }

    #[test]
    fn a_stored_analysis_restores_the_same_and_refuses_another_text() {
        let text = "Mr. Hale met Łódź’s mayor on Jan. 14.\n\n“We will win,” she said. It’s 8:48 am.";
        let a = Analysis::of_text(text);
        let stored = a.stored();
        let b = Analysis::restore(text, &stored).expect("it fits");
        assert_eq!((&b.paragraphs, &b.sentences, &b.tokens), (&a.paragraphs, &a.sentences, &a.tokens));
        assert!((0..a.tokens.len()).all(|i| a.key(i) == b.key(i) && a.description(i) == b.description(i)));
        assert!(Analysis::restore(&text[..20], &stored).is_none(), "another text");
        let mut bad = stored.clone();
        bad.tokens[0].4 = 10_000;
        assert!(Analysis::restore(text, &bad).is_none(), "an unknown word type");
        let mut bad = stored.clone();
        bad.tokens[1].0 += 1;
        assert!(Analysis::restore(text, &bad).is_none(), "spans shifted by a byte: one ends inside Ł");
        let mut bad = stored.clone();
        bad.tokens.last_mut().expect("tokens").1 += 1;
        assert!(Analysis::restore(text, &bad).is_none(), "a span beyond the text");
    }

    #[test]
    fn paragraphs_bound_sentences() {
        let a = Analysis::of_text("First paragraph without a stop\n\nSecond one.");
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.sentences[1].paragraph, 1);
        assert_eq!(a.sentence_at(a.text.find("Second").unwrap()), Some(1));
    }
}
