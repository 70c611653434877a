//! The clause a time expression dates, and what kind of clause it is.
//!
//! The clause is the expression's sentence, cut between neighbouring dated expressions of
//! the same sentence at the comma, semicolon or dash nearest the later one, so "They will
//! vote on June 9, aides said Thursday" gives two clauses, one per date. A clause is an event
//! when it has a predicate of its own; an attribution ("officials said Monday") only says
//! when something else was reported, and a clause of names and dates alone (a byline, a
//! dateline) says nothing happened.
//!
//! Cost: each clause is found by looking at the tokens between its date and its neighbours'
//! (binary searches for the rest), so a sentence of many dates stays linear.

use crate::model::Span;
use crate::text::{Analysis, Classes, Column, Description, TokenKind};

fn is_cut(c: &str) -> bool {
    matches!(c, "," | ";" | "—" | "–" | ":")
}

/// Closed-class words (determiners, pronouns, prepositions, conjunctions, auxiliaries) and
/// the words of bylines: what a clause may hold besides its predicate. Looked up once per
/// word type of a batch (see [`ClauseWords`]).
fn is_function_word(key: &str) -> bool {
    matches!(
        key,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "them"
            | "us"
            | "who"
            | "which"
            | "whom"
            | "whose"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "to"
            | "from"
            | "with"
            | "about"
            | "as"
            | "into"
            | "during"
            | "since"
            | "until"
            | "before"
            | "after"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "also"
            | "then"
            | "than"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "not"
            | "late"
            | "early"
            | "last"
            | "next"
            | "posted"
            | "updated"
            | "published"
            | "filed"
            | "written"
            | "via"
    )
}

/// What the events stage asks of a word type, as bits of the [`Column::ClauseWords`] column.
mod fact {
    /// A closed-class word or a word of bylines (see [`super::is_function_word`]).
    pub const FUNCTION: u64 = 1;
    /// A verb of saying, or "according" (to).
    pub const SAYING: u64 = 1 << 1;
    /// "that", "whether", "if": what a verb of saying reports when it is a function word.
    pub const COMPLEMENTIZER: u64 = 1 << 2;
    /// Longer than four bytes and ending in "ing" or "ed": a verb form of its own.
    pub const VERB_FORM: u64 = 1 << 3;
}

/// The [`fact`] bits of a word type, from its key and description.
fn facts_of(key: &str, description: &Description) -> u64 {
    let mut facts = 0;
    if is_function_word(key) {
        facts |= fact::FUNCTION;
    }
    if description.classes.intersects(Classes::SPEECH_VERB) || key == "according" {
        facts |= fact::SAYING;
    }
    if matches!(key, "that" | "whether" | "if") {
        facts |= fact::COMPLEMENTIZER;
    }
    if key.len() > 4 && (key.ends_with("ing") || key.ends_with("ed")) {
        facts |= fact::VERB_FORM;
    }
    facts
}

/// What the events stage asks of a document's word types, read from the batch's columns (see
/// [`Analysis::per_word_column`]): each type's [`fact`] bits and the hash of its key, so that
/// a clause's words are read by token without looking at their keys.
pub(crate) struct ClauseWords<'a> {
    analysis: &'a Analysis<'a>,
    /// Per word type: its [`fact`] bits.
    facts: Vec<u64>,
    /// Per word type: [`fnv`] of its key.
    hashes: Vec<u64>,
}

impl<'a> ClauseWords<'a> {
    pub(crate) fn new(analysis: &'a Analysis<'a>) -> Self {
        let facts = analysis.per_word_column(Column::ClauseWords, facts_of);
        let hashes = analysis.per_word_column(Column::KeyHashes, |key, _| fnv(key));
        ClauseWords { analysis, facts, hashes }
    }

    /// The [`fact`] bits of token `t` (none for an index past the tokens).
    fn facts(&self, t: usize) -> u64 {
        self.analysis.tokens.get(t).and_then(|token| self.facts.get(token.word() as usize)).copied().unwrap_or(0)
    }

    /// True when token `t` is a function word.
    fn is_function(&self, t: usize) -> bool {
        self.facts(t) & fact::FUNCTION != 0
    }

    /// [`fnv`] of token `t`'s key.
    fn hash(&self, t: usize) -> u64 {
        // OK because `t` is a token of the analysis and the hashes hold one per word type.
        self.hashes[self.analysis.tokens[t].word() as usize]
    }
}

/// The clause around `time` (a byte span) given the other dated spans of the document
/// (sorted by start), and the index of the sentence it is in (the expression's: the caller
/// needs it too, and looked it up again), or None when the expression lies outside every
/// sentence.
pub(crate) fn around(analysis: &Analysis, time: Span, dated: &[Span]) -> Option<(Span, usize)> {
    let s = analysis.sentence_at(time.start)?;
    let sentence = analysis.sentences.get(s)?;
    let k = dated.partition_point(|d| d.start < time.start);
    let previous =
        k.checked_sub(1).and_then(|p| dated.get(p)).filter(|p| p.end <= time.start && p.start >= sentence.span.start);
    let next = dated[k..].iter().find(|n| n.start >= time.end).filter(|n| n.end <= sentence.span.end);
    // The token index of the last cut between two offsets, if any.
    let last_cut = |from: usize, to: usize| {
        let (first, last) = (analysis.token_from(from), analysis.token_from(to));
        (first..last).rev().find(|&t| is_cut(analysis.token_text(t)))
    };
    // A clause starts at the token after its cut, so it holds no space after the comma or
    // dash. That token exists and is not after the date: the cut lies before the date's
    // first token.
    let start = previous
        .and_then(|p| last_cut(p.end, time.start))
        .and_then(|cut| analysis.tokens.get(cut + 1))
        .map_or(sentence.span.start, |token| token.start());
    // The last cut before the next date keeps the subject with its date ("in Lyon on June 4,
    // the mayor said, “… two years ago …”" splits before the quote, not after "June 4"); the
    // clause ends with the token before that cut, at the latest the date's own last token.
    let end = next
        .and_then(|n| last_cut(time.end, n.start))
        .and_then(|cut| cut.checked_sub(1))
        .and_then(|before| analysis.tokens.get(before))
        .map_or(sentence.span.end, |token| token.end().max(time.end));
    Some((Span::new(start, end), s))
}

/// What a dated clause is for the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Something happened: the clause has a predicate of its own.
    Event,
    /// Only who said something, and when: "American officials said Monday".
    Attribution,
    /// Names and dates alone: a byline, a dateline.
    Empty,
}

/// How many content words an attribution may hold besides its verb: the source
/// ("officials", "a spokesman for the ministry") and whom it told ("reporters").
const ATTRIBUTION_WORDS: usize = 3;

/// The role of `clause`, whose dated expressions (`dated`, sorted) are left out. Names
/// (capitalized words) and function words are not content; a verb of saying with nothing
/// reported after it (no "that", no content word) makes an attribution.
///
/// Into `content` (cleared first) go the hashes of the clause's content words as [`content`]
/// makes them, read in the same walk over its tokens (an event's clause is read once, where
/// reading it again for its content was about 4.5 M instructions on 2 MB of news).
pub(crate) fn role(
    analysis: &Analysis,
    clause: Span,
    dated: &[Span],
    words: &ClauseWords,
    content: &mut Vec<u64>,
) -> Role {
    let (mut before, mut after, mut verb, mut that, mut verb_form) = (0, 0, false, false, false);
    let tokens = analysis.token_from(clause.start)..analysis.token_from(clause.end);
    content.clear();
    // Room for every token at once, as `content` makes it.
    content.reserve_exact(tokens.len());
    let sentence_start = analysis.sentence_at(clause.start).map(|s| analysis.sentences[s].tokens.start);
    let mut k = dated.partition_point(|d| d.end <= clause.start);
    for t in tokens {
        let token = &analysis.tokens[t];
        while dated.get(k).is_some_and(|d| d.end <= token.start()) {
            k += 1;
        }
        let in_date = dated.get(k).is_some_and(|d| d.start <= token.start());
        let facts = words.facts(t);
        if token.kind() == TokenKind::Word && facts & fact::FUNCTION == 0 {
            content.push(words.hash(t));
        }
        let saying = facts & fact::SAYING != 0;
        // A capitalized word is a name, unless it opens the sentence ("Rebels attacked").
        let name = token.capitalized() && Some(t) != sentence_start;
        if token.kind() != TokenKind::Word || in_date || name && !saying {
            continue;
        }
        if saying {
            verb = true;
        } else if facts & fact::FUNCTION != 0 {
            that |= verb && facts & fact::COMPLEMENTIZER != 0;
        } else if verb {
            after += 1;
        } else {
            // "Attending a meeting, the minister said": a verb of its own before the saying.
            verb_form |= facts & fact::VERB_FORM != 0;
            before += 1;
        }
    }
    if !verb && before == 0 {
        Role::Empty
    } else if verb && !that && !verb_form && after <= 1 && before + after <= ATTRIBUTION_WORDS {
        Role::Attribution
    } else {
        Role::Event
    }
}

/// True when a date (coarser than a day: the caller asks only then) modifies a noun rather
/// than dating its clause: "the 1984 election", "its 2008 campaign", "last year's election".
pub(crate) fn attributive(analysis: &Analysis, time: Span, words: &ClauseWords) -> bool {
    let first = analysis.token_from(time.start);
    let after = analysis.token_from(time.end);
    let Some(last) = after.checked_sub(1) else {
        return false;
    };
    let determiner = first.checked_sub(1).is_some_and(|p| {
        matches!(analysis.key(p), "the" | "a" | "an" | "its" | "his" | "her" | "their" | "our" | "this" | "that")
    });
    let possessive = analysis.key(last).ends_with("'s");
    let noun_after = analysis.tokens.get(after).is_some_and(|n| n.kind() == TokenKind::Word && !n.capitalized())
        && !words.is_function(after);
    noun_after && (determiner || possessive)
}

/// The clause text made readable as a summary: white space collapsed, leading punctuation
/// dropped, and cut at a word boundary past `max` characters. Opening quote marks stay
/// (`"We will stay," said …`, `“We will …`); a closing mark left at the start by the clause's
/// cut goes.
pub(crate) fn summary(text: &str, max: usize) -> String {
    // Made at its final size: the clause's bytes at most (a run of white space becomes one
    // space), fewer past `max` characters of four bytes at most (unless its first word is
    // longer), and an ellipsis. Grown from empty, a summary was reallocated about six times.
    let mut out = String::with_capacity(text.len().min(max.saturating_add(1).saturating_mul(4)) + '…'.len_utf8());
    join_words(text, max, &mut out);
    let mut rest = out.as_str();
    loop {
        rest = rest.trim_start_matches(|c: char| {
            (c.is_ascii_punctuation() && !matches!(c, '"' | '\'')) || matches!(c, '”' | '’') || c.is_whitespace()
        });
        // A straight mark opens a quote only when the summary closes it (or is cut before it
        // can); otherwise it is the closing mark of a quote the clause's cut left behind.
        let Some(mark @ ('"' | '\'')) = rest.chars().next() else { break };
        // OK because `mark` is one ASCII byte at the start of `rest`.
        let after = &rest[1..];
        if after.contains(mark) || after.ends_with('…') {
            break;
        }
        rest = after;
    }
    // Most summaries keep their first character: copied only when marks went (rare).
    if rest.len() < out.len() {
        return rest.to_string();
    }
    out
}

/// The words of `text` (as [`each_word`] splits it) joined by single spaces into `out`, up to
/// `max` characters: a word that would pass them is left out for an ellipsis (unless it is the
/// first).
///
/// Natively, words that the text itself separates by one space are copied together, as one
/// stretch of the text (most of a clause): a copy and a space a word cost some 65 instructions
/// (3.0 M for the summaries of 2 MB of news). A text whose words are all one space apart (most
/// clauses) is not gone through word by word at all: its part up to the cut is found at once
/// ([`single_spaced_cut`]; some 2,800 instructions fewer a summary, 6.3 M for the 2,250 of
/// 2 MB of news).
#[cfg(not(target_arch = "wasm32"))]
fn join_words(text: &str, max: usize, out: &mut String) {
    if let Some((end, cut)) = single_spaced_cut(text, max) {
        // `end` is a character boundary of `text` (see `single_spaced_cut`).
        out.push_str(text.get(..end).unwrap_or_default());
        if cut {
            out.push('…');
        }
        return;
    }
    // `run`: the bytes of `text` joined since the last copy, words one space apart.
    let (mut run, mut chars, mut any) = (None::<(usize, usize)>, 0, false);
    let copy = |out: &mut String, run: Option<(usize, usize)>| {
        if let Some((from, to)) = run {
            // Both ends are a word's ends in `text` (character boundaries).
            out.push_str(text.get(from..to).unwrap_or_default());
        }
    };
    each_word(text, |w, n| {
        if chars + n > max && any {
            copy(out, run.take());
            out.push('…');
            return false;
        }
        if any {
            chars += 1;
        }
        chars += n;
        // The word's offset in `text`, of which it is a slice.
        let from = (w.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        let to = from + w.len();
        match &mut run {
            Some((_, end)) if *end + 1 == from && text.as_bytes().get(*end) == Some(&b' ') => *end = to,
            _ => {
                copy(out, run.take());
                if any {
                    out.push(' ');
                }
                run = Some((from, to));
            }
        }
        any = true;
        true
    });
    copy(out, run);
}

/// What [`join_words`] makes of `text` when the words it keeps are one space apart in the
/// text: `(end, cut)` for `text[..end]`, followed by an ellipsis when `cut`. `None` when that
/// cannot be told without going through the words: white space other than single ASCII spaces
/// between words up to the cut (at the text's start, a run of it, a tab, a line break, a
/// space past ASCII), white space at the text's end, or a first word longer than `max + 1`
/// characters.
///
/// Up to the cut the words are then the text itself, and the characters up to a word's end are
/// the text's up to there: a word after the first is kept when those, but for the space before
/// it, are at most `max`, that is, when it ends at most `max + 1` characters in, at or before
/// the offset of character `max + 1` (`last`). The cut is then at the last space up to `last`
/// (the word after it ends past `last`). Only the text up to `last` is read (and its last
/// character, which tells that a word follows the cut).
#[cfg(not(target_arch = "wasm32"))]
fn single_spaced_cut(text: &str, max: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let limit = max.saturating_add(1);
    // The offset of character `limit` (`limit` characters before it), or the text's length when
    // it has no more than `limit` characters. Most clauses are ASCII that far: no decoding.
    let last = if bytes.len() <= limit {
        bytes.len()
    } else if bytes.get(..=limit).is_some_and(<[u8]>::is_ascii) {
        limit
    } else {
        text.char_indices().nth(limit).map_or(bytes.len(), |(at, _)| at)
    };
    // The characters read: up to and with the one at `last`.
    let read = last.saturating_add(1).min(bytes.len());
    if !single_spaced(text, read) {
        return None;
    }
    if last == bytes.len() {
        // Every word kept: all of the text, unless it ends in a space.
        return (bytes.last() != Some(&b' ')).then_some((bytes.len(), false));
    }
    // Some word follows the cut only when the text does not end in white space.
    if text.chars().next_back().is_some_and(char::is_whitespace) {
        return None;
    }
    // A space at 0 is not one between words (`single_spaced` turned it down).
    let at = bytes.get(..read)?.iter().rposition(|&b| b == b' ')?;
    Some((at, true))
}

/// True when the characters that start in `text[..read]` hold no white space but single ASCII
/// spaces after the first of them (which is none). `read` is at most the text's length; a
/// character that starts before it and ends after is read whole.
///
/// ASCII is read sixteen bytes at a time ([`block_masks`]); a block that holds a byte past
/// ASCII or a control character is read a character at a time.
#[cfg(not(target_arch = "wasm32"))]
fn single_spaced(text: &str, read: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') {
        return false;
    }
    // `space`: the byte before `at` is a space. `at` is always a character's start.
    let (mut at, mut space) = (0, false);
    while at < read {
        if let Some(block) = bytes.get(at..read).and_then(|rest| rest.first_chunk::<16>()) {
            let (others, spaces) = block_masks(block);
            if others == 0 {
                // Two spaces side by side, within the block or across its start.
                if spaces & spaces >> 1 != 0 || space && spaces & 1 != 0 {
                    return false;
                }
                space = spaces & 1 << 15 != 0;
                at += 16;
                continue;
            }
        }
        // OK because `at < read <= bytes.len()`.
        let b = bytes[at];
        if b == b' ' {
            if space {
                return false;
            }
            space = true;
            at += 1;
            continue;
        }
        space = false;
        if b < 0x80 {
            if ASCII_SPACE[usize::from(b)] {
                return false;
            }
            at += 1;
            continue;
        }
        // `at` is a character's start (it moves by whole characters), so `get` finds one.
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        if c.is_whitespace() {
            return false;
        }
        at += c.len_utf8();
    }
    true
}

/// Of a block of sixteen bytes: bit `k` set in the first mask when byte `k` is past ASCII or a
/// control character (white space among them), in the second when it is a space. One SSE2
/// step (SSE2 is part of x86-64 itself), a byte at a time elsewhere.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn block_masks(block: &[u8; 16]) -> (u32, u32) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
        // SAFETY: SSE2 is enabled on every x86_64 target, and the one load reads the sixteen
        // bytes of `block` (unaligned loads are allowed).
        unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast());
            // As signed bytes, those past ASCII are negative and the controls below 0x20: both
            // less than 0x20.
            let others = _mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20))) as u32;
            let spaces = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8))) as u32;
            (others, spaces)
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        block.iter().enumerate().fold((0, 0), |(others, spaces), (k, &b)| {
            (others | u32::from(b < 0x20 || b >= 0x80) << k, spaces | u32::from(b == b' ') << k)
        })
    }
}

/// [`join_words`] in the wasm: a word at a time (the page's size).
#[cfg(target_arch = "wasm32")]
fn join_words(text: &str, max: usize, out: &mut String) {
    let mut chars = 0;
    each_word(text, |w, n| {
        if chars + n > max && !out.is_empty() {
            out.push('…');
            return false;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(w);
        chars += n;
        true
    });
}

/// The content words of a clause (its words that are not function words), as hashes of
/// their keys, sorted and without repeats: what two reports of one event share.
pub(crate) fn content(analysis: &Analysis, clause: Span, words: &ClauseWords) -> Vec<u64> {
    let tokens = analysis.token_from(clause.start)..analysis.token_from(clause.end);
    // Room for every token at once: collected from a filter, the list grew by doubling from
    // four (a clause is one sentence at most, so the slack is never large).
    let mut out: Vec<u64> = Vec::with_capacity(tokens.len());
    out.extend(
        tokens
            .filter(|&t| analysis.tokens[t].kind() == TokenKind::Word && !words.is_function(t))
            .map(|t| words.hash(t)),
    );
    sorted_unique(out)
}

/// `hashes` sorted, without repeats: a clause's content as [`content`] gives it.
pub(crate) fn sorted_unique(mut hashes: Vec<u64>) -> Vec<u64> {
    crate::sorting::sort_values(&mut hashes);
    hashes.dedup();
    hashes
}

/// Calls `each` with the words of `text` as `str::split_whitespace` splits it, and the count
/// of each one's characters, until it returns false. Read by bytes: an ASCII byte (most of
/// news text) is told apart by a table, and only a character past ASCII is decoded, where
/// `split_whitespace` decoded every character and the count read each word again (3.65 M
/// instructions for the summaries of 2 MB of news went to the split alone). Within a word, its
/// ASCII bytes are stepped over sixteen at a time ([`word_run`]; 5.8 M instructions to 4.96 M
/// on 2 MB of news).
#[cfg(not(target_arch = "wasm32"))]
fn each_word(text: &str, mut each: impl FnMut(&str, usize) -> bool) {
    let bytes = text.as_bytes();
    // `start`: where the word being read starts; `chars`: its characters so far.
    let (mut at, mut start, mut chars) = (0, None, 0);
    while let Some(&b) = bytes.get(at) {
        // Within a word, its run of ASCII bytes that are not white space is stepped over
        // sixteen bytes at a time (each is one character); the byte that ends the run (white
        // space or past ASCII) is read below.
        if start.is_some() {
            if let Some(block) = bytes.get(at..).and_then(|rest| rest.first_chunk::<16>()) {
                let run = word_run(block);
                if run > 0 {
                    at += run;
                    chars += run;
                    continue;
                }
            }
        }
        let (space, len) = if b < 0x80 {
            (ASCII_SPACE[usize::from(b)], 1)
        } else {
            // `at` is a character's start (it moves by whole characters), so `get` finds one.
            let c = text.get(at..).and_then(|rest| rest.chars().next()).unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space {
            start.get_or_insert(at);
            chars += 1;
        } else if let Some(from) = start.take() {
            // Both ends are characters' starts (see above).
            if !each(text.get(from..at).unwrap_or_default(), chars) {
                return;
            }
            chars = 0;
        }
        at += len;
    }
    if let Some(from) = start {
        each(text.get(from..).unwrap_or_default(), chars);
    }
}

/// How many of the first bytes of `block` are ASCII and not white space (16 when all are):
/// one SSE2 step (SSE2 is part of x86-64 itself), a table lookup a byte elsewhere.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn word_run(block: &[u8; 16]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128,
            _mm_sub_epi8, _mm_subs_epu8,
        };
        // SAFETY: SSE2 is enabled on every x86_64 target, and the one load reads the sixteen
        // bytes of `block` (unaligned loads are allowed).
        let stops = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast());
            let space = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
            // Tab to carriage return (0x09-0x0D): 0-4 once 0x09 is taken away (the others wrap
            // to 5 or more, as unsigned bytes), so saturating subtraction of 4 leaves zero.
            let controls = _mm_cmpeq_epi8(
                _mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8(0x09)), _mm_set1_epi8(4)),
                _mm_setzero_si128(),
            );
            // The high bit of each byte past ASCII, then of each byte of white space.
            _mm_movemask_epi8(v) as u32 | _mm_movemask_epi8(_mm_or_si128(space, controls)) as u32
        };
        (stops | 1 << 16).trailing_zeros() as usize
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        block.iter().take_while(|&&b| b < 0x80 && !ASCII_SPACE[usize::from(b)]).count()
    }
}

/// [`each_word`] in the wasm: `split_whitespace` itself, whose code the page has anyway (the
/// byte walk and its table cost the page's gzip more than its speed is worth there).
#[cfg(target_arch = "wasm32")]
fn each_word(text: &str, mut each: impl FnMut(&str, usize) -> bool) {
    for word in text.split_whitespace() {
        if !each(word, word.chars().count()) {
            return;
        }
    }
}

/// The ASCII characters that are white space to `char::is_whitespace`: tab, line feed,
/// vertical tab, form feed, carriage return and space.
#[cfg(not(target_arch = "wasm32"))]
const ASCII_SPACE: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = matches!(b as u8, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
        b += 1;
    }
    table
};

/// FNV-1a: a stable hash of a key, the same in every document.
fn fnv(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_of(text: &str, date: &str) -> Role {
        let analysis = Analysis::of_text(text);
        let at = text.find(date).unwrap();
        let span = Span::new(at, at + date.len());
        let (clause, _) = around(&analysis, span, &[span]).unwrap();
        role(&analysis, clause, &[span], &ClauseWords::new(&analysis), &mut Vec::new())
    }

    #[test]
    fn roles_of_clauses() {
        assert_eq!(role_of("American officials said Monday.", "Monday"), Role::Attribution);
        assert_eq!(role_of("A spokesman for the ministry told reporters on Monday.", "Monday"), Role::Attribution);
        assert_eq!(role_of("Officials said Monday that the talks had failed.", "Monday"), Role::Event);
        assert_eq!(role_of("The talks collapsed on Monday.", "Monday"), Role::Event);
        assert_eq!(role_of("By Jane Doe | May 5, 2020", "May 5, 2020"), Role::Empty);
    }

    /// The content words [`role`] reads in its walk are [`content`]'s, over clauses of many
    /// generated sentences: names, function words, verbs of saying, numbers, punctuation and
    /// dates left out of the role, cut anywhere between tokens.
    #[test]
    fn the_content_read_with_the_role_is_the_clause_s_content() {
        let pieces = [
            "Officials",
            "said",
            "Monday",
            "that",
            "the",
            "talks",
            "had",
            "failed",
            ",",
            "and",
            "on",
            "June 4",
            "2019",
            "the mayor",
            "told",
            "reporters",
            "of",
            "it",
            "—",
            "Rebels",
            "attacked",
            "a",
            "base",
            "in",
            "Lyon",
            "3",
            "years",
            "ago",
            "“quoted”",
            "(",
            ")",
            "spokesman",
        ];
        let mut shuffle = crate::shuffle::Shuffle::new();
        let (mut clauses, mut nonempty) = (0, 0);
        let mut buffer = Vec::new();
        for _ in 0..300 {
            let n = 3 + shuffle.below(20);
            let text: Vec<&str> = (0..n).map(|_| pieces[shuffle.below(pieces.len())]).collect();
            let text = format!("{}.", text.join(" "));
            let analysis = Analysis::of_text(&text);
            let words = ClauseWords::new(&analysis);
            let tokens = &analysis.tokens;
            if tokens.is_empty() {
                continue;
            }
            let dated: Vec<Span> = ["Monday", "June 4", "2019"]
                .iter()
                .filter_map(|d| text.find(d).map(|at| Span::new(at, at + d.len())))
                .collect();
            let mut dated = dated;
            crate::sorting::sort(&mut dated);
            for _ in 0..8 {
                let a = shuffle.below(tokens.len());
                let b = a + shuffle.below(tokens.len() - a);
                let clause = Span::new(tokens[a].start(), tokens[b].end());
                role(&analysis, clause, &dated, &words, &mut buffer);
                let read = sorted_unique(std::mem::take(&mut buffer));
                let plain = content(&analysis, clause, &words);
                assert_eq!(read, plain, "{:?} of {text:?}", &text[clause.start..clause.end]);
                clauses += 1;
                nonempty += usize::from(!plain.is_empty());
            }
        }
        assert!(clauses > 2_000 && nonempty > clauses / 2, "{nonempty} of {clauses} clauses with content");
    }

    #[test]
    fn a_clause_holds_no_space_beside_its_cuts() {
        let text = "On June 4, the mayor said, “Repairs began in 2019” — and on Monday, aides agreed.";
        let analysis = Analysis::of_text(text);
        let dates: Vec<Span> = ["June 4", "2019", "Monday"]
            .iter()
            .map(|d| {
                let at = text.find(d).unwrap();
                Span::new(at, at + d.len())
            })
            .collect();
        let (clause, _) = around(&analysis, dates[1], &dates).unwrap();
        assert_eq!(&text[clause.start..clause.end], "“Repairs began in 2019”");
    }

    #[test]
    fn a_coarse_date_before_a_noun_is_attributive() {
        let text = "He traveled to Moscow before the 1984 election and won in 1984.";
        let analysis = Analysis::of_text(text);
        let words = ClauseWords::new(&analysis);
        let first = text.find("1984").unwrap();
        let second = text.rfind("1984").unwrap();
        assert!(attributive(&analysis, Span::new(first, first + 4), &words));
        assert!(!attributive(&analysis, Span::new(second, second + 4), &words));
    }

    #[test]
    fn words_are_split_whitespace_s_with_their_characters() {
        let texts = [
            "",
            " ",
            "one",
            "  two  words ",
            "tab\tline\nfeed\rreturn\u{b}vt\u{c}ff",
            "no\u{a0}break\u{2028}line\u{3000}ideographic\u{85}next\u{1680}ogham\u{202f}narrow",
            "not\u{1c}space\u{1f}either\u{200b}zero-width",
            "naïve café — «quoted» “curly” 日本語 🦀 end",
            "\u{2003}\u{2003}em spaces\u{2003}",
        ];
        for text in texts {
            let mut words = Vec::new();
            each_word(text, |w, n| {
                words.push((w.to_string(), n));
                true
            });
            let expected: Vec<(String, usize)> =
                text.split_whitespace().map(|w| (w.to_string(), w.chars().count())).collect();
            assert_eq!(words, expected, "{text:?}");
            // Stopped after the first word when asked.
            let mut first = Vec::new();
            each_word(text, |w, _| {
                first.push(w.to_string());
                false
            });
            assert_eq!(first, expected.iter().take(1).map(|(w, _)| w.clone()).collect::<Vec<_>>());
        }
    }

    /// [`each_word`] splits as `split_whitespace` does, with each word's characters, on many
    /// generated texts: runs of ASCII letters longer and shorter than its sixteen-byte steps,
    /// every ASCII white space and characters past ASCII (white space among them) anywhere.
    #[test]
    fn words_are_split_whitespace_s_on_many_texts() {
        let pieces = [
            "a",
            "Word",
            "x1-2,",
            "\t",
            "\n",
            "\u{b}",
            "\u{c}",
            "\r",
            " ",
            "  ",
            "\u{1f}",
            "\u{0}",
            "\u{7f}",
            "é",
            "“q”",
            "\u{a0}",
            "\u{2003}",
            "\u{85}",
            "日本",
            "🦀",
            "longerwordthansixteenbytes",
            "0123456789abcdef",
        ];
        let mut x: u64 = 11;
        for _ in 0..3000 {
            let mut text = String::new();
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (x >> 59) as usize;
            for _ in 0..len * 3 {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(x >> 33) as usize % pieces.len()]);
            }
            let mut words = Vec::new();
            each_word(&text, |w, n| {
                words.push((w.to_string(), n));
                true
            });
            let expected: Vec<(String, usize)> =
                text.split_whitespace().map(|w| (w.to_string(), w.chars().count())).collect();
            assert_eq!(words, expected, "{text:?}");
        }
    }

    /// What [`join_words`] makes: each word of `split_whitespace` pushed with a space before it,
    /// until one would pass `max` characters (an ellipsis then, unless it is the first).
    fn join_plain(text: &str, max: usize) -> String {
        let (mut out, mut chars) = (String::new(), 0);
        for w in text.split_whitespace() {
            let n = w.chars().count();
            if chars + n > max && !out.is_empty() {
                out.push('…');
                break;
            }
            if !out.is_empty() {
                out.push(' ');
                chars += 1;
            }
            out.push_str(w);
            chars += n;
        }
        out
    }

    /// [`join_words`] joins as pushing each word of `split_whitespace` with a space before it
    /// does, cut at as many characters: on texts of single and other spaces between words
    /// (runs of them, tabs, spaces past ASCII), at every cut.
    #[test]
    fn joined_words_are_those_of_the_definition() {
        let pieces = [
            "a",
            "Word",
            "x1-2,",
            " ",
            " ",
            " ",
            "  ",
            "\t",
            "\n ",
            "é",
            "“q”",
            "\u{a0}",
            "日本",
            "longerwordthansixteenbytes",
        ];
        let mut x: u64 = 5;
        let mut cut = 0;
        for _ in 0..2000 {
            let mut text = String::new();
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            for _ in 0..(x >> 58) as usize {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(x >> 33) as usize % pieces.len()]);
            }
            for max in [0, 1, 3, 8, 20, 40, 1000] {
                let mut out = String::new();
                join_words(&text, max, &mut out);
                let expected = join_plain(&text, max);
                assert_eq!(out, expected, "{text:?} at {max}");
                cut += usize::from(expected.ends_with('…'));
            }
        }
        assert!(cut > 1000, "{cut} cut");
    }

    /// [`join_words`] with its fast path for single-spaced texts ([`single_spaced_cut`]) joins
    /// as word by word does: on texts of words one space apart (ASCII, past ASCII, words
    /// longer than its sixteen-byte blocks), some with a flaw placed anywhere (a run of
    /// spaces, a tab, a line break, a space past ASCII, at either end), at every cut from none
    /// to past the text's length.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn single_spaced_texts_are_joined_as_word_by_word() {
        let words = ["a", "Word", "x1-2,", "é", "“q”", "日本", "🦀", "longerwordthansixteenbytes", "0123456789abcdef"];
        let flaws = ["  ", "\t", "\n", " \u{a0}", "\u{2003}", " \u{85}"];
        let mut x: u64 = 17;
        let mut next = |n: u64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((x >> 33) % n) as usize
        };
        let (mut fast, mut slow) = (0, 0);
        for _ in 0..1500 {
            let count = next(30);
            let mut text = (0..count).map(|_| words[next(words.len() as u64)]).collect::<Vec<_>>().join(" ");
            if next(3) == 0 {
                // A flaw at a character boundary: at either end, within a word or between two.
                let at = next(text.len() as u64 + 1);
                let at = (0..=at).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
                text.insert_str(at, flaws[next(flaws.len() as u64)]);
            }
            for max in 0..=text.chars().count() + 2 {
                let mut out = String::new();
                join_words(&text, max, &mut out);
                assert_eq!(out, join_plain(&text, max), "{text:?} at {max}");
                if single_spaced_cut(&text, max).is_some() {
                    fast += 1;
                } else {
                    slow += 1;
                }
            }
        }
        assert!(fast > 50_000 && slow > 5_000, "{fast} joined at once, {slow} word by word");
    }

    #[test]
    fn summary_keeps_quote_marks_in_pairs() {
        assert_eq!(summary("\"We will stay,\" said the mayor", 80), "\"We will stay,\" said the mayor");
        assert_eq!(summary("“We will stay,” said the mayor", 80), "“We will stay,” said the mayor");
        assert_eq!(summary("\", said the mayor on Monday", 80), "said the mayor on Monday");
        assert_eq!(summary("” said the mayor on Monday", 80), "said the mayor on Monday");
        assert_eq!(summary(", \"the works end\" in May", 80), "\"the works end\" in May");
        assert_eq!(summary("“[The works] end in May", 80), "“[The works] end in May");
        // Cut before its closing mark, a quote keeps its opening one.
        assert_eq!(summary("\"the works end in May and the road opens", 20), "\"the works end in May…");
    }
}
