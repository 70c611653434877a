//! The word view the recognizer matches on: one sentence's tokens as their folded keys, with a
//! possessive `’s` cut off (`Tuesday’s` matches as `Tuesday`, and its extent stops before `’s`),
//! and date tokens that the tokenizer glued together taken apart again: `Sep-2012`,
//! `August-10` and `15Sep` become `Sep` `-` `2012`, `August` `-` `10` and `15` `Sep`.
//! Built from the shared token view without allocating per word; what a word type needs
//! (does it bear time, is it a glued date, which patterns may start at it) is decided once
//! per type ([`Kinds::of`]).

use super::lexicon;
use super::recognize;
use crate::text::{Analysis, Classes, Column, TokenKind, WordId};
use jiff::civil::Weekday;

/// One word. Offsets are `u32` (articles are at most `MAX_ARTICLE_BYTES`, far below 4 GiB)
/// and the rarely read facts are bits of one byte, so that a word is 40 bytes (on 64-bit
/// targets) and a window of a long sentence stays small: the view of a window of
/// `WINDOW_TOKENS` (16,384) words is 655 KB.
#[derive(Clone, Debug)]
pub(crate) struct Word<'a> {
    /// The folded key, without a possessive ending.
    pub lower: &'a str,
    pub start: u32,
    /// End of the word without a possessive ending.
    pub end: u32,
    pub kind: TokenKind,
    pub capitalized: bool,
    pub possessive: bool,
    /// True when white space separates this word from the previous one.
    pub spaced: bool,
    /// The tense the word marks ([`lexicon::tense_class`] bits).
    pub tense: u8,
    /// The month (1–12) the word names (without its possessive ending), or 0.
    month: i8,
    /// The weekday the word names (without its possessive ending).
    pub weekday: Option<Weekday>,
    /// [`Trait`] bits.
    traits: u8,
    /// Which of the recognizer's patterns may start at the word ([`recognize::leads`] bits).
    leads: u32,
}

/// The bits of [`Word::traits`].
struct Trait;

impl Trait {
    /// A short word in capitals only (`EST`, `GMT`, `NATO`): an abbreviation.
    const ACRONYM: u8 = 1;
    /// The word can carry a time expression's meaning ([`lexicon::BEARS`]).
    const BEARS_TIME: u8 = 2;
    /// An expression may start at the word: it bears time, or leads into an expression
    /// ([`lexicon::STARTS`]).
    const STARTS: u8 = 4;
    /// A speech verb (`said`, `told`): [`Classes::SPEECH_VERB`].
    const SPEECH_VERB: u8 = 8;

    fn of(acronym: bool, bears_time: bool, starts: bool, speech: bool) -> u8 {
        [
            (acronym, Trait::ACRONYM),
            (bears_time, Trait::BEARS_TIME),
            (starts, Trait::STARTS),
            (speech, Trait::SPEECH_VERB),
        ]
        .into_iter()
        .filter(|&(set, _)| set)
        .fold(0, |bits, (_, bit)| bits | bit)
    }
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Word>() == 40, "a word of a long sentence's view grew");

impl Word<'_> {
    /// The month (1–12) the word names, if it is a month name or abbreviation.
    pub(crate) fn month(&self) -> Option<i8> {
        (self.month > 0).then_some(self.month)
    }

    /// True for a short word in capitals only (`EST`, `GMT`, `NATO`): an abbreviation.
    pub(crate) fn acronym(&self) -> bool {
        self.traits & Trait::ACRONYM != 0
    }

    /// True when the word can carry a time expression's meaning ([`lexicon::BEARS`]).
    pub(crate) fn bears_time(&self) -> bool {
        self.traits & Trait::BEARS_TIME != 0
    }

    /// True when an expression may start at the word ([`lexicon::STARTS`]).
    pub(crate) fn starts(&self) -> bool {
        self.traits & Trait::STARTS != 0
    }

    /// True for a speech verb (`said`, `told`).
    pub(crate) fn speech_verb(&self) -> bool {
        self.traits & Trait::SPEECH_VERB != 0
    }

    /// Which of the recognizer's patterns may start at the word ([`recognize::leads`]).
    pub(crate) fn leads(&self) -> u32 {
        self.leads
    }

    /// True for a word of digits only (`2012`, `05`).
    pub(crate) fn is_digits(&self) -> bool {
        !self.lower.is_empty() && self.lower.bytes().all(|b| b.is_ascii_digit())
    }
}

/// What the word view needs to know of each word type of a document, as one 64-bit value a
/// type ([`Fact`] bits), computed once per type of the batch (see
/// [`Analysis::per_word_column`]) in one pass: whether it bears time, may start an expression
/// or is a glued date, which patterns may start at it, the tense it marks, and the month,
/// weekday and speech-verb class the lexicon gives it. A word's record is then made from its
/// token and this one value; only a possessive (`Tuesday’s`), whose word is not its type, is
/// described again.
pub(crate) struct Kinds {
    /// Per word type: [`Fact`] bits.
    facts: Vec<u64>,
}

/// [`Kinds`]: the word type is a glued date ([`is_glued`]).
const GLUED: u8 = 0x10;

/// Where [`Kinds`] keeps each fact of a word type in its 64-bit value.
struct Fact;

impl Fact {
    /// Bits 0-7: [`lexicon::BEARS`], [`lexicon::STARTS`] and [`GLUED`].
    const FLAGS: u32 = 0;
    /// Bits 8-15: the [`lexicon::tense_class`] of the word without a possessive ending.
    const TENSE: u32 = 8;
    /// Bits 16-23: the month (1-12) the lexicon names, or 0.
    const MONTH: u32 = 16;
    /// Bits 24-27: the weekday (1-7 from Monday), or 0.
    const WEEKDAY: u32 = 24;
    /// Bit 28: a speech verb ([`Classes::SPEECH_VERB`]).
    const SPEECH: u64 = 1 << 28;
    /// Bits 32-63: which patterns may start at the word ([`recognize::leads`]).
    const LEADS: u32 = 32;

    /// The byte of `value` at bit `at`.
    fn byte(value: u64, at: u32) -> u8 {
        // OK because the mask keeps one byte.
        ((value >> at) & 0xff) as u8
    }
}

impl Kinds {
    pub(crate) fn of(analysis: &Analysis) -> Kinds {
        let facts = analysis.per_word_column(Column::TimeFlags, |k, d| {
            let glued = (k.contains('-') || k.starts_with(|c: char| c.is_ascii_digit())) && is_glued(k);
            let flags = super::lexicon::flags(k, d) | if glued { GLUED } else { 0 };
            // Positions whose word starts no expression are never tried: no leads needed.
            let leads = if flags & lexicon::STARTS != 0 { recognize::leads(k, d) } else { 0 };
            // A word token's tense is that of the word without its possessive ending.
            let word = k.strip_suffix("'s").filter(|core| !core.is_empty()).unwrap_or(k);
            let tense = lexicon::tense_class(word);
            // OK because a month is 0-12 (never negative) and a weekday 1-7.
            let month = u8::try_from(d.month).unwrap_or(0);
            let weekday = d.weekday.map_or(0, |w| w.to_monday_one_offset() as u8);
            let speech = if d.classes.intersects(Classes::SPEECH_VERB) { Fact::SPEECH } else { 0 };
            u64::from(flags) << Fact::FLAGS
                | u64::from(tense) << Fact::TENSE
                | u64::from(month) << Fact::MONTH
                | u64::from(weekday) << Fact::WEEKDAY
                | speech
                | u64::from(leads) << Fact::LEADS
        });
        Kinds { facts }
    }

    fn facts_of(&self, word: WordId) -> u64 {
        self.facts.get(word as usize).copied().unwrap_or(0)
    }

    fn flags_of(&self, word: WordId) -> u8 {
        Fact::byte(self.facts_of(word), Fact::FLAGS)
    }

    /// True when token `t` of `analysis` bears time (a number, or a word that does).
    pub(crate) fn bears(&self, analysis: &Analysis, t: usize) -> bool {
        analysis
            .tokens
            .get(t)
            .is_some_and(|token| token.kind() == TokenKind::Number || self.flags_of(token.word()) & lexicon::BEARS != 0)
    }
}

/// True for a key that is a date glued into one token: month and number parts joined by
/// hyphens (`sep-2012`, `august-10-2012`), two days (`10-22`), a day run into a month
/// (`15sep`) or a count into its unit (`1h`, `5min`, `2hrs`). ASCII only, so that the key's
/// byte offsets are the text's.
fn is_glued(key: &str) -> bool {
    if !key.is_ascii() || key.len() > 20 {
        return false;
    }
    let is_month = |p: &str| p.len() >= 3 && crate::calendar::month_number(p).is_some();
    let is_number = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    if key.contains('-') {
        let parts: Vec<&str> = key.split('-').collect();
        // Two days of a month joined by a dash (`10-22`) are the two ends of a range.
        let days = parts.len() == 2
            && parts.iter().all(|p| p.len() <= 2 && p.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)));
        return days
            || parts.iter().any(|p| is_month(p))
                && parts.iter().any(|p| is_number(p))
                && parts.iter().all(|p| is_month(p) || is_number(p));
    }
    let digits = key.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &key[digits..];
    let unit = rest.len() <= 7 && (rest == "h" || rest.len() > 1 && lexicon::unit(rest).is_some());
    (1..=2).contains(&digits) && is_month(rest) || (1..=4).contains(&digits) && unit
}

/// The words of one sentence, into `out` (cleared first, so that a caller can reuse it).
#[cfg(any(test, debug_assertions))]
pub(crate) fn of_sentence<'a>(
    analysis: &'a Analysis,
    sentence: &crate::text::Sentence,
    kinds: &Kinds,
    out: &mut Vec<Word<'a>>,
) {
    of_tokens(analysis, sentence.tokens.clone(), None, kinds, out);
}

/// The words of tokens `tokens` of a sentence, into `out` (cleared first), as
/// [`of_sentence`] makes them: `previous_end` is where the sentence's token before the first
/// one ends (`None` at the sentence's start), which tells whether the first word is spaced.
pub(crate) fn of_tokens<'a>(
    analysis: &'a Analysis,
    tokens: std::ops::Range<usize>,
    mut previous_end: Option<usize>,
    kinds: &Kinds,
    out: &mut Vec<Word<'a>>,
) {
    out.clear();
    // About one word per token: a very long sentence's view (32 bytes a word) gets no growth
    // slack (glued dates, which split, are rare).
    out.reserve_exact(tokens.len());
    for i in tokens {
        let Some(token) = analysis.tokens.get(i) else {
            continue;
        };
        let key = analysis.key(i);
        let spaced = previous_end.map_or(true, |e| e < token.start());
        previous_end = Some(token.end());
        let facts = kinds.facts_of(token.word());
        let flags = Fact::byte(facts, Fact::FLAGS);
        if flags & GLUED != 0 {
            push_parts(analysis, i, key, spaced, out);
            continue;
        }
        let (core, possessive) = match key.strip_suffix("'s") {
            Some(core) if token.kind() == TokenKind::Word && !core.is_empty() => (core, true),
            _ => (key, false),
        };
        // The possessive ending is the token's last two characters (`’s`, `'s`, `’S`): the
        // word ends where its apostrophe starts in the text.
        let end = if possessive {
            let text = analysis.token_text(i);
            text.char_indices().rev().nth(1).map_or(token.end(), |(at, _)| token.start() + at)
        } else {
            token.end()
        };
        let bears_time = token.kind() == TokenKind::Number || flags & lexicon::BEARS != 0;
        // Checked on the text only for short capitalized words: few are.
        let acronym = token.capitalized()
            && token.span().len() <= 5
            && analysis.token_text(i).bytes().all(|b| b.is_ascii_uppercase());
        let starts = bears_time || flags & lexicon::STARTS != 0;
        let (month, weekday, speech, leads) = if possessive {
            // A possessive's key is not the word's: describe the word itself (rare).
            let description = crate::text::lexicon::describe(core);
            let speech = description.classes.intersects(Classes::SPEECH_VERB);
            (description.month, description.weekday, speech, recognize::leads(core, &description))
        } else {
            // OK because the month byte was made of a month of 0-12 and the weekday's of 0-7.
            let month = Fact::byte(facts, Fact::MONTH) as i8;
            let weekday = match Fact::byte(facts, Fact::WEEKDAY) & 0xf {
                0 => None,
                day => Weekday::from_monday_one_offset(day as i8).ok(),
            };
            // OK because the leads are the high 32 bits.
            (month, weekday, facts & Fact::SPEECH != 0, (facts >> Fact::LEADS) as u32)
        };
        out.push(Word {
            start: offset(token.start()),
            end: offset(end),
            lower: core,
            kind: token.kind(),
            capitalized: token.capitalized(),
            possessive,
            spaced,
            tense: if token.kind() == TokenKind::Word { Fact::byte(facts, Fact::TENSE) } else { 0 },
            month,
            weekday,
            traits: Trait::of(acronym, bears_time, starts, speech),
            leads,
        });
    }
}

/// The parts of a glued date token `i` (key `key`, ASCII, so its offsets are the text's).
fn push_parts<'a>(analysis: &'a Analysis, i: usize, key: &'a str, spaced: bool, out: &mut Vec<Word<'a>>) {
    let token = &analysis.tokens[i];
    let text = analysis.token_text(i).as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    if key.contains('-') {
        let mut from = 0;
        for (at, _) in key.match_indices('-') {
            cuts.push((from, at));
            cuts.push((at, at + 1));
            from = at + 1;
        }
        cuts.push((from, key.len()));
    } else {
        let digits = key.bytes().take_while(u8::is_ascii_digit).count();
        cuts.push((0, digits));
        cuts.push((digits, key.len()));
    }
    for (k, (from, to)) in cuts.into_iter().enumerate() {
        // OK because the key is ASCII (see `is_glued`): every byte offset is a boundary.
        let part = &key[from..to];
        let kind = match part.as_bytes().first() {
            Some(b) if b.is_ascii_digit() => TokenKind::Number,
            Some(b'-') => TokenKind::Punct,
            _ => TokenKind::Word,
        };
        let description = crate::text::lexicon::describe(part);
        let bears_time = kind == TokenKind::Number || description.month > 0 || lexicon::unit(part).is_some();
        out.push(Word {
            start: offset(token.start() + from),
            end: offset(token.start() + to),
            lower: part,
            kind,
            capitalized: text.get(from).is_some_and(u8::is_ascii_uppercase),
            possessive: false,
            spaced: k == 0 && spaced,
            tense: 0,
            month: description.month,
            weekday: description.weekday,
            traits: Trait::of(
                false,
                bears_time,
                kind != TokenKind::Punct,
                description.classes.intersects(Classes::SPEECH_VERB),
            ),
            leads: recognize::leads(part, &description),
        });
    }
}

/// A byte offset of an article as a word's offset.
fn offset(at: usize) -> u32 {
    // OK because an article is at most `MAX_ARTICLE_BYTES` (8 MiB) long.
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Lowercase text of word `i`, or "" past either end.
pub(crate) fn at<'a>(words: &[Word<'a>], i: usize) -> &'a str {
    words.get(i).map_or("", |w| w.lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool)> {
        let analysis = Analysis::of_text(text);
        let kinds = Kinds::of(&analysis);
        let mut out = Vec::new();
        of_sentence(&analysis, &analysis.sentences[0], &kinds, &mut out);
        out.iter().map(|w| (text[w.start as usize..w.end as usize].to_string(), w.spaced)).collect()
    }

    #[test]
    fn glued_dates_come_apart_with_their_offsets() {
        let got = words("Due Sep-2012 or SUN 15SEP, Tuesday’s 1h.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Due", "Sep", "-", "2012", "or", "SUN", "15", "SEP", ",", "Tuesday", "1", "h", "."]);
        assert!(got[1].1 && !got[2].1 && !got[3].1, "only the first part keeps the space before it");
        assert_eq!(words("a mid-March year-long 3-2 win")[1].0, "mid-March", "not a glued date");
        assert_eq!(words("the 1990s and 10am")[1].0, "1990s");
        assert_eq!(words("the 1990s and 10am")[3].0, "10am");
    }
}
