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
//! Cost: linear in the text; one hash per token and one lexicon lookup per distinct word. An
//! article's part keeps its view ([`kept`]), so a corpus assembled from kept parts reads it
//! back instead of analyzing the text again.

mod batch;
pub(crate) mod fold;
pub(crate) mod kept;
pub(crate) mod lexicon;
mod sentences;
mod tokens;
mod vocabulary;

pub(crate) use batch::{Batch, Column, Linked};
pub(crate) use lexicon::{Classes, Description};
#[allow(unused_imports)]
pub(crate) use tokens::{Token, TokenKind};
pub(crate) use vocabulary::{
    hash, hash_with_bits, same_bytes, FxBuildHasher, FxHashMap, FxHashSet, Vocabulary, WordId,
};

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
    /// The batch of documents whose word types this one's are entered in, if any (see
    /// [`Batch`]): where [`Analysis::per_word_column`] reads.
    batch: Option<&'t Batch>,
    /// The batch's vocabulary when `vocabulary` is linked to it (made by [`Batch::analyze`]:
    /// its keys are the batch's, not copied): where [`Analysis::word_key`] reads them.
    linked: Option<&'t Vocabulary>,
}

/// An [`Analysis`] without its text, as an article's part keeps it ([`kept`] writes and reads
/// it) and gives it back to the text at assembly ([`Analysis::with_view`]).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TokenView {
    paragraphs: Vec<Span>,
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
    vocabulary: Vocabulary,
}

impl TokenView {
    /// True when the view can be read over `text` without a panic: every token lies in the
    /// text at char boundaries and every sentence's tokens exist. A part's view always fits
    /// its own document; this guards a part whose document was changed after it was made.
    pub(crate) fn fits(&self, text: &str) -> bool {
        self.tokens.iter().all(|t| t.start() < t.end() && text.get(t.start()..t.end()).is_some())
            && self.tokens.iter().all(|t| (t.word() as usize) < self.vocabulary.len())
            && self.sentences.iter().all(|s| s.tokens.start < s.tokens.end && s.tokens.end <= self.tokens.len())
            && self.paragraphs.iter().all(|p| text.get(p.start..p.end).is_some())
    }
}

/// The paragraphs of `text` an analysis reads: those that lie within it, at char boundaries
/// and below [`tokens::MAX_TEXT_BYTES`].
fn usable_paragraphs(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    paragraphs
        .iter()
        .copied()
        .filter(|p| p.end <= tokens::MAX_TEXT_BYTES && text.get(p.start..p.end).is_some())
        .collect()
}

impl<'t> Analysis<'t> {
    /// Analyzes `text` whose paragraphs are `paragraphs` (byte spans, in order, within `text`;
    /// spans that are not, or that end beyond [`tokens::MAX_TEXT_BYTES`], are skipped).
    pub(crate) fn new(text: &'t str, paragraphs: &[Span]) -> Self {
        // About one word type in twelve bytes of a news article (a long text has fewer: its
        // table grows instead of being sized for them all).
        let mut vocabulary = Vocabulary::with_capacity((text.len() / 12).min(4096));
        let mut key = String::new();
        let analysis = Self::build(text, paragraphs, |tokens| {
            name_each(tokens, |span| {
                key.clear();
                // OK because the tokenizer cuts tokens within the text at char boundaries;
                // `get` keeps a wrong span from panicking.
                fold::fold_token(text.get(span.start..span.end).unwrap_or_default(), &mut key);
                vocabulary.intern(&key)
            })
        });
        Analysis { vocabulary, ..analysis }
    }

    /// Tokenizes `text` and splits its sentences, with each token's word type set by `name`,
    /// which is given each paragraph's new tokens and sets their word types in order, as
    /// [`name_each`] does: it gives how many it set, fewer than it was given when a type would
    /// not fit in a token (the vocabulary is left empty: the caller's `name` folds the tokens'
    /// texts to their keys and fills one).
    // Run once per document: kept out of line (and out of the callers' profiles).
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    fn build(text: &'t str, paragraphs: &[Span], mut name: impl FnMut(&mut [Token]) -> usize) -> Self {
        #[cfg(test)]
        crate::doc::runs::count(crate::doc::runs::Kept::Analysis);
        // A short text's tokens fit at once; a long text's list grows once, at its first
        // 4,096 tokens, to what the rest needs at their density (see `tokens::push`): the first
        // list, a hole in the page's wasm memory once it has grown, stays small.
        let mut tokens = Vec::with_capacity((text.len() / 5).min(4096));
        let mut sentences = Vec::new();
        let paragraphs = usable_paragraphs(text, paragraphs);
        for (p, para) in paragraphs.iter().enumerate() {
            let first = tokens.len();
            tokens::tokenize_into(text, *para, &mut tokens);
            // OK because `first` was the list's length before the paragraph's tokens were added.
            let named = first + name(&mut tokens[first..]);
            // A type no token can name: the analysis ends before it (the paragraphs after it
            // have no tokens).
            let full = named < tokens.len();
            tokens.truncate(named);
            sentences::split_into(text, &tokens, first..tokens.len(), p, &mut sentences);
            if full {
                break;
            }
        }
        // The estimate above is generous, and every stage keeps the view to the end: give
        // back what the text did not use (in place, by the allocator).
        tokens.shrink_to_fit();
        sentences.shrink_to_fit();
        Analysis { text, paragraphs, sentences, tokens, vocabulary: Vocabulary::default(), batch: None, linked: None }
    }

    /// The view without its text, to keep.
    pub(crate) fn into_view(self) -> TokenView {
        let Analysis { text: _, paragraphs, sentences, tokens, vocabulary, batch: _, linked } = self;
        // A kept view is read alone, without the batch its ids and a linked vocabulary's keys
        // point into (the page's parts pay the key copy that analysis in a batch no longer
        // makes).
        let vocabulary = vocabulary.unlinked(linked);
        TokenView { paragraphs, sentences, tokens, vocabulary }
    }

    /// The analysis of `text` that `view` was made of (see [`TokenView::fits`]).
    pub(crate) fn with_view(text: &'t str, view: TokenView) -> Self {
        let TokenView { paragraphs, sentences, tokens, vocabulary } = view;
        Analysis { text, paragraphs, sentences, tokens, vocabulary, batch: None, linked: None }
    }

    /// The folded key of token `i` (`It’s` → `it's`).
    ///
    /// Asked of most tokens by every stage: inlined, as the call cost about as much as the
    /// lookup (some 400,000 calls on 1,000 news articles, 35 instructions each).
    #[inline]
    pub(crate) fn key(&self, i: usize) -> &str {
        self.word_key(self.tokens[i].word())
    }

    /// What the lexicon says of token `i`.
    pub(crate) fn description(&self, i: usize) -> &Description {
        self.word_description(self.tokens[i].word())
    }

    /// The folded key of word type `word`, read in the batch's arena when the vocabulary is
    /// linked to it (see [`Batch`]).
    ///
    /// # Panics
    /// When `word` is not a type of this analysis.
    #[inline]
    pub(crate) fn word_key(&self, word: WordId) -> &str {
        self.vocabulary.key_in(self.linked, word)
    }

    /// What the lexicon says of word type `word`.
    ///
    /// # Panics
    /// When `word` is not a type of this analysis.
    #[inline]
    pub(crate) fn word_description(&self, word: WordId) -> &Description {
        self.vocabulary.description(word)
    }

    /// The lemma of token `i` when it is a form of a speech verb.
    pub(crate) fn speech_lemma(&self, i: usize) -> Option<&'static str> {
        self.description(i).lemma()
    }

    /// `f` of every word type (its key and description), indexed by [`WordId`]: a stage's
    /// own word list, looked up once per distinct word instead of once per token.
    pub(crate) fn per_word<T>(&self, mut f: impl FnMut(&str, &Description) -> T) -> Vec<T> {
        (0..self.vocabulary.len() as WordId).map(|id| f(self.word_key(id), self.word_description(id))).collect()
    }

    /// Analyzes a text whose paragraphs are separated by blank lines (handy in tests).
    #[cfg(test)]
    pub(crate) fn of_text(text: &'t str) -> Self {
        Self::new(text, &paragraph_spans(text))
    }

    pub(crate) fn token_text(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].start()..self.tokens[i].end()]
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
        self.tokens.partition_point(|t| t.start() < at)
    }
}

/// Sets the word type of each of `tokens`, in order, to what `word_of` gives its span, and
/// gives how many it set: all of them, or those before the first whose type would not fit in
/// a token ([`tokens::MAX_WORD_TYPES`] or more), which ends the analysis (see
/// [`Analysis::build`]).
#[inline]
fn name_each(tokens: &mut [Token], mut word_of: impl FnMut(Span) -> WordId) -> usize {
    for (k, token) in tokens.iter_mut().enumerate() {
        let word = word_of(token.span());
        if word as usize >= tokens::MAX_WORD_TYPES {
            return k;
        }
        token.set_word(word);
    }
    tokens.len()
}

/// Byte spans of the blank-line-separated paragraphs of `text`, trimmed (tests build
/// analyses from plain strings with it, and so does the tagger's training; the pipeline has
/// the article's own spans).
#[cfg(any(test, feature = "train"))]
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
    fn paragraphs_bound_sentences() {
        let a = Analysis::of_text("First paragraph without a stop\n\nSecond one.");
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.sentences[1].paragraph, 1);
        assert_eq!(a.sentence_at(a.text.find("Second").unwrap()), Some(1));
    }
}
