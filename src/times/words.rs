//! The word view the recognizer matches on: one sentence's tokens as their folded keys, with a
//! possessive `’s` cut off (`Tuesday’s` matches as `Tuesday`, and its extent stops before `’s`),
//! and date tokens that the tokenizer glued together taken apart again: `Sep-2012`,
//! `August-10` and `15Sep` become `Sep` `-` `2012`, `August` `-` `10` and `15` `Sep`.
//! Built from the shared token view without allocating per word; what a word type needs
//! (does it bear time, is it a glued date, which patterns may start at it) is decided once
//! per type ([`Kinds::of`]).

use super::lexicon;
use super::recognize;
use crate::text::{Analysis, Classes, Column, Description, TokenKind, WordId};
use jiff::civil::Weekday;

/// One word. Offsets are `u32` (articles are at most `MAX_ARTICLE_BYTES`, far below 4 GiB)
/// and the rarely read facts are bits of one 64-bit value, so that a word is 40 bytes (on
/// 64-bit targets) and a window of a long sentence stays small: the view of a window of
/// `WINDOW_TOKENS` (16,384) words is 655 KB.
#[derive(Clone, Debug)]
pub(crate) struct Word<'a> {
    /// The folded key, without a possessive ending.
    pub lower: &'a str,
    pub start: u32,
    /// End of the word without a possessive ending.
    pub end: u32,
    /// Its word type's [`Fact`] bits (for a possessive, those of the word without its
    /// ending), with the tense cleared on a token that is not a word, and the word's own
    /// [`Fact::ACRONYM`], [`Fact::BEARS_TIME`] and [`Fact::STARTS`] bits: copied whole from
    /// [`Kinds`] for most tokens, rather than taken apart into a field each.
    facts: u64,
    pub kind: TokenKind,
    pub capitalized: bool,
    pub possessive: bool,
    /// True when white space separates this word from the previous one.
    pub spaced: bool,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Word>() == 40, "a word of a long sentence's view grew");

impl Word<'_> {
    /// The month (1–12) the word names, if it is a month name or abbreviation.
    pub(crate) fn month(&self) -> Option<i8> {
        // OK because the month byte was made of a month of 0-12.
        let month = Fact::byte(self.facts, Fact::MONTH) as i8;
        (month > 0).then_some(month)
    }

    /// The weekday the word names (without its possessive ending).
    pub(crate) fn weekday(&self) -> Option<Weekday> {
        match Fact::byte(self.facts, Fact::WEEKDAY) & 0xf {
            0 => None,
            // OK because the weekday bits were made of a weekday of 1-7.
            day => Weekday::from_monday_one_offset(day as i8).ok(),
        }
    }

    /// The tense the word marks ([`lexicon::tense_class`] bits; none for a token that is not
    /// a word).
    pub(crate) fn tense(&self) -> u8 {
        Fact::byte(self.facts, Fact::TENSE)
    }

    /// True for a short word in capitals only (`EST`, `GMT`, `NATO`): an abbreviation.
    pub(crate) fn acronym(&self) -> bool {
        self.facts & Fact::ACRONYM != 0
    }

    /// True when the word can carry a time expression's meaning ([`lexicon::BEARS`]).
    pub(crate) fn bears_time(&self) -> bool {
        self.facts & Fact::BEARS_TIME != 0
    }

    /// True when an expression may start at the word ([`lexicon::STARTS`]).
    pub(crate) fn starts(&self) -> bool {
        self.facts & Fact::STARTS != 0
    }

    /// True for a speech verb (`said`, `told`).
    pub(crate) fn speech_verb(&self) -> bool {
        self.facts & Fact::SPEECH != 0
    }

    /// Which of the recognizer's patterns may start at the word ([`recognize::leads`]). Read
    /// only where [`Word::starts`]: a word that starts no expression may hold none.
    pub(crate) fn leads(&self) -> u32 {
        // OK because the leads are the high 32 bits.
        (self.facts >> Fact::LEADS) as u32
    }

    /// True for a word of digits only (`2012`, `05`).
    pub(crate) fn is_digits(&self) -> bool {
        !self.lower.is_empty() && self.lower.bytes().all(|b| b.is_ascii_digit())
    }
}

/// What the word view needs to know of each word type of a document, as one 64-bit value a
/// type ([`Fact`] bits), computed once per type of the batch (see
/// [`Analysis::per_word_column`]) in one pass: whether it bears time, may start an expression,
/// is a glued date or a possessive, which patterns may start at it, the tense it marks, and
/// the month, weekday and speech-verb class the lexicon gives it. A possessive type
/// (`tuesday's`) holds those of its word without the ending (`tuesday`), which is what a word
/// token of it is described by; a word's record is then its token and this one value (a token
/// of a possessive type that is not a word, as `1990's` can be, is described again).
pub(crate) struct Kinds {
    /// Per word type: [`Fact`] bits.
    facts: Vec<u64>,
}

/// [`Kinds`]: the word type is a glued date ([`is_glued`]).
const GLUED: u8 = 0x10;
/// [`Kinds`]: the word type ends in a possessive `'s` after at least one character; its
/// facts past the flags and tense are those of the word without the ending.
const POSSESSIVE: u8 = 0x20;

/// Where [`Kinds`] keeps each fact of a word type in its 64-bit value, and a [`Word`] the
/// facts of its own besides.
struct Fact;

impl Fact {
    /// Bits 0-7: [`lexicon::BEARS`], [`lexicon::STARTS`], [`GLUED`] and [`POSSESSIVE`].
    const FLAGS: u32 = 0;
    /// Bits 8-15: the [`lexicon::tense_class`] of the word without a possessive ending.
    const TENSE: u32 = 8;
    /// Bits 16-23: the month (1-12) the lexicon names, or 0.
    const MONTH: u32 = 16;
    /// Bits 24-27: the weekday (1-7 from Monday), or 0.
    const WEEKDAY: u32 = 24;
    /// Bit 28: a speech verb ([`Classes::SPEECH_VERB`]).
    const SPEECH: u64 = 1 << 28;
    /// Bit 29, a [`Word`]'s own: a short word in capitals only.
    const ACRONYM: u64 = 1 << 29;
    /// Bit 30, a [`Word`]'s own: it can carry a time expression's meaning (a number, or a
    /// word type of [`lexicon::BEARS`]). Natively [`Kinds`] sets it (and [`Fact::STARTS`]) for
    /// a type of [`lexicon::BEARS`] already, so that the word of a plain token takes it as it is
    /// ([`Fact::own`]).
    const BEARS_TIME: u64 = 1 << 30;
    /// Bit 31, a [`Word`]'s own: an expression may start at it (it bears time, or its type is
    /// of [`lexicon::STARTS`]). Natively set in [`Kinds`] for a type of [`lexicon::STARTS`].
    const STARTS: u64 = 1 << 31;
    /// Bits 32-63: which patterns may start at the word ([`recognize::leads`]), when an
    /// expression may start at it (none otherwise).
    const LEADS: u32 = 32;

    /// The [`Fact::BEARS_TIME`] and [`Fact::STARTS`] bits of a word of a type with `flags`
    /// (a word token's, whatever else a token of another kind adds: a number bears time), set
    /// in a type's facts once natively, where [`of_tokens`]'s plain words take them whole
    /// (about 17 instructions a token less on 2 MB of news than working them out of the flags
    /// and the kind each token). The wasm's one loop works them out for each token
    /// ([`push_word`], as natively for glued and possessive types), and its types lack them.
    #[cfg(not(target_arch = "wasm32"))]
    fn own(flags: u8) -> u64 {
        (if flags & lexicon::BEARS != 0 { Fact::BEARS_TIME | Fact::STARTS } else { 0 })
            | if flags & lexicon::STARTS != 0 { Fact::STARTS } else { 0 }
    }

    /// The byte of `value` at bit `at`.
    fn byte(value: u64, at: u32) -> u8 {
        // OK because the mask keeps one byte.
        ((value >> at) & 0xff) as u8
    }

    /// The facts of a word `key` of `description` whose type has `flags` and marks `tense`.
    fn of(key: &str, description: &Description, flags: u8, tense: u8) -> u64 {
        // Positions whose word starts no expression are never tried: no leads needed.
        let leads = if flags & lexicon::STARTS != 0 { recognize::leads(key, description) } else { 0 };
        // OK because a month is 0-12 (never negative) and a weekday 1-7.
        let month = u8::try_from(description.month).unwrap_or(0);
        let weekday = description.weekday.map_or(0, |w| w.to_monday_one_offset() as u8);
        let speech = if description.classes.intersects(Classes::SPEECH_VERB) { Fact::SPEECH } else { 0 };
        u64::from(flags) << Fact::FLAGS
            | u64::from(tense) << Fact::TENSE
            | u64::from(month) << Fact::MONTH
            | u64::from(weekday) << Fact::WEEKDAY
            | speech
            | u64::from(leads) << Fact::LEADS
    }
}

impl Kinds {
    pub(crate) fn of(analysis: &Analysis) -> Kinds {
        let facts = analysis.per_word_column(Column::TimeFlags, |k, d| {
            let glued = (lexicon::has_hyphen(k) || k.starts_with(|c: char| c.is_ascii_digit())) && is_glued(k);
            let flags = super::lexicon::flags(k, d) | if glued { GLUED } else { 0 };
            // A word token's tense is that of the word without its possessive ending, and so
            // are its other facts.
            // A word's own time bits are set here natively, once a type, rather than for each
            // token.
            #[cfg(not(target_arch = "wasm32"))]
            let own = Fact::own(flags);
            #[cfg(target_arch = "wasm32")]
            let own = 0;
            own | match k.strip_suffix("'s").filter(|core| !core.is_empty()) {
                Some(core) => Fact::of(
                    core,
                    &crate::text::lexicon::describe(core),
                    flags | POSSESSIVE,
                    lexicon::tense_class(core),
                ),
                None => Fact::of(k, d, flags, lexicon::tense_class(k)),
            }
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
        // A number part first, as most hyphenated words have none (`three-year`): each part
        // is a month or a number then (never both: a month starts with a letter), and one
        // that is not a number is the month.
        return days
            || parts.iter().any(|p| is_number(p))
                && parts.iter().all(|p| is_number(p) || is_month(p))
                && !parts.iter().all(|p| is_number(p));
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
///
/// Not inlined: inlined into the scan of a sentence, with everything else the scan does, its
/// loop kept most of its values on the stack (some 120 instructions a token; on 2 MB of news
/// the 180,742 tokens of sentences that bear time cost 22.2 M instructions, 19.9 M apart).
/// Natively only: the wasm, whose size counts, makes them in one loop over every token, inlined
/// ([`in_one_loop`]). Natively the plain words are made a run at a time ([`plain_word`]); a
/// token of a glued or possessive type, a few in a hundred, goes to [`push_word`], out of
/// line, so that the loop's values stay in registers.
#[cfg(not(target_arch = "wasm32"))]
#[inline(never)]
pub(crate) fn of_tokens<'a>(
    analysis: &'a Analysis,
    tokens: std::ops::Range<usize>,
    previous_end: Option<usize>,
    kinds: &Kinds,
    out: &mut Vec<Word<'a>>,
) {
    out.clear();
    // About one word per token: a very long sentence's view (40 bytes a word) gets no growth
    // slack (glued dates, which split, are rare).
    out.reserve_exact(tokens.len());
    // The tokens asked for that the analysis has (all of them), read as one slice rather
    // than one checked index a token.
    let first = tokens.start.min(analysis.tokens.len());
    let some = analysis.tokens.get(first..tokens.end.clamp(first, analysis.tokens.len())).unwrap_or_default();
    // One past where the token before ends (0 at the sentence's start, where the first word
    // is spaced): a token starting there or later is spaced.
    let mut spaced_from = previous_end.map_or(0, |e| e.saturating_add(1));
    let unusual = u64::from(GLUED | POSSESSIVE) << Fact::FLAGS;
    let facts_of = |token: &crate::text::Token| kinds.facts.get(token.word() as usize).copied().unwrap_or(0);
    // Run by run of plain tokens, each run extended at once (its length known: no test of the
    // room left a word), then the unusual token that ends it.
    let (mut i, mut rest) = (first, some);
    loop {
        let run = rest.iter().position(|token| facts_of(token) & unusual != 0).unwrap_or(rest.len());
        let (plain, after) = rest.split_at(run);
        out.extend(plain.iter().map(|token| {
            let spaced = spaced_from <= token.start();
            spaced_from = token.end() + 1;
            plain_word(analysis, token, facts_of(token), spaced)
        }));
        let Some((token, after)) = after.split_first() else {
            break;
        };
        i += run;
        let spaced = spaced_from <= token.start();
        spaced_from = token.end() + 1;
        push_word(analysis, i, facts_of(token), spaced, out);
        (i, rest) = (i + 1, after);
    }
}

/// The word of `token`, of a type neither glued nor possessive whose [`Kinds`] facts are
/// `facts`, as [`of_tokens`] makes it.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn plain_word<'a>(analysis: &'a Analysis, token: &crate::text::Token, mut facts: u64, spaced: bool) -> Word<'a> {
    let kind = token.kind();
    // The type's facts hold a word's own time bits ([`Fact::own`]); a number bears time by
    // its kind besides.
    match kind {
        TokenKind::Word => {}
        TokenKind::Number => facts = facts & !(0xff << Fact::TENSE) | Fact::BEARS_TIME | Fact::STARTS,
        TokenKind::Punct => facts &= !(0xff << Fact::TENSE),
    }
    // Checked on the text only for short capitalized words: few are.
    let acronym = token.capitalized()
        && token.span().len() <= 5
        && analysis
            .text
            .as_bytes()
            .get(token.start()..token.end())
            .is_some_and(|b| b.iter().all(u8::is_ascii_uppercase));
    Word {
        start: offset(token.start()),
        end: offset(token.end()),
        lower: analysis.word_key(token.word()),
        facts: facts | if acronym { Fact::ACRONYM } else { 0 },
        kind,
        capitalized: token.capitalized(),
        possessive: false,
        spaced,
    }
}

/// The words of token `i`, whose [`Kinds`] facts are `facts`, onto `out`, as [`of_tokens`]
/// makes them, for any token: natively out of line, for the tokens of a glued or possessive
/// type (a few in a hundred; the plain ones are made a run at a time), and inside the wasm's
/// one loop for every token.
#[cfg_attr(not(target_arch = "wasm32"), inline(never))]
fn push_word<'a>(analysis: &'a Analysis, i: usize, mut facts: u64, spaced: bool, out: &mut Vec<Word<'a>>) {
    // OK because both callers pass the index of a token they read.
    let token = &analysis.tokens[i];
    let key = analysis.word_key(token.word());
    let flags = Fact::byte(facts, Fact::FLAGS);
    if flags & GLUED != 0 {
        push_parts(analysis, i, key, spaced, out);
        return;
    }
    let kind = token.kind();
    let possessive = flags & POSSESSIVE != 0 && kind == TokenKind::Word;
    let (core, end) = if possessive {
        // OK because a possessive type's key ends in the two bytes of `'s`.
        let core = key.get(..key.len() - 2).unwrap_or(key);
        // The possessive ending is the token's last two characters (`’s`, `'s`, `’S`):
        // the word ends where its apostrophe starts in the text.
        let text = analysis.token_text(i);
        (core, text.char_indices().rev().nth(1).map_or(token.end(), |(at, _)| token.start() + at))
    } else {
        if flags & POSSESSIVE != 0 {
            // A possessive type's facts are its word's: this token (a number) is
            // described by its whole key (rare).
            facts = Fact::of(key, analysis.word_description(token.word()), flags, 0);
        }
        (key, token.end())
    };
    if kind != TokenKind::Word {
        facts &= !(0xff << Fact::TENSE);
    }
    let bears_time = kind == TokenKind::Number || flags & lexicon::BEARS != 0;
    // Checked on the text only for short capitalized words: few are.
    let acronym = token.capitalized()
        && token.span().len() <= 5
        && analysis.token_text(i).bytes().all(|b| b.is_ascii_uppercase());
    let starts = bears_time || flags & lexicon::STARTS != 0;
    out.push(Word {
        start: offset(token.start()),
        end: offset(end),
        lower: core,
        facts: facts
            | if acronym { Fact::ACRONYM } else { 0 }
            | if bears_time { Fact::BEARS_TIME } else { 0 }
            | if starts { Fact::STARTS } else { 0 },
        kind,
        capitalized: token.capitalized(),
        possessive,
        spaced,
    });
}

/// [`of_tokens`] in the wasm: one loop over every token, as it was written before the native
/// build split it (the page's size), and natively the definition its test compares with.
#[cfg(target_arch = "wasm32")]
pub(crate) fn of_tokens<'a>(
    analysis: &'a Analysis,
    tokens: std::ops::Range<usize>,
    previous_end: Option<usize>,
    kinds: &Kinds,
    out: &mut Vec<Word<'a>>,
) {
    in_one_loop(analysis, tokens, previous_end, kinds, out);
}

/// The words of tokens `tokens` as [`of_tokens`] makes them, in one loop over every token.
#[cfg(any(test, target_arch = "wasm32"))]
#[inline(always)]
fn in_one_loop<'a>(
    analysis: &'a Analysis,
    tokens: std::ops::Range<usize>,
    mut previous_end: Option<usize>,
    kinds: &Kinds,
    out: &mut Vec<Word<'a>>,
) {
    out.clear();
    // About one word per token: a very long sentence's view (40 bytes a word) gets no growth
    // slack (glued dates, which split, are rare).
    out.reserve_exact(tokens.len());
    // The tokens asked for that the analysis has (all of them), read as one slice rather
    // than one checked index a token.
    let first = tokens.start.min(analysis.tokens.len());
    let some = analysis.tokens.get(first..tokens.end.clamp(first, analysis.tokens.len())).unwrap_or_default();
    for (i, token) in (first..).zip(some) {
        let spaced = previous_end.map_or(true, |e| e < token.start());
        previous_end = Some(token.end());
        push_word(analysis, i, kinds.facts_of(token.word()), spaced, out);
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
        let starts = kind != TokenKind::Punct;
        // The leads of a part that starts an expression (`Fact::of` asks the STARTS flag).
        let flags = if starts { lexicon::STARTS } else { 0 };
        let facts = Fact::of(part, &description, flags, 0) & !(0xff << Fact::FLAGS);
        out.push(Word {
            start: offset(token.start() + from),
            end: offset(token.start() + to),
            lower: part,
            facts: facts | if bears_time { Fact::BEARS_TIME } else { 0 } | if starts { Fact::STARTS } else { 0 },
            kind,
            capitalized: text.get(from).is_some_and(u8::is_ascii_uppercase),
            possessive: false,
            spaced: k == 0 && spaced,
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

    /// Every word's facts are those the lexicon gives its key (for a possessive, the word
    /// without its ending, which the word type's facts hold in place of its own): month,
    /// weekday, speech verb, tense, and the patterns it may lead where it may start one; over
    /// many sentences of possessive months, weekdays, verbs and numbers, glued dates and plain
    /// words, in both tokenizer cases and apostrophes.
    #[test]
    fn each_word_is_described_as_the_lexicon_describes_its_word() {
        let pieces = [
            "Tuesday's",
            "Tuesday’s",
            "MONDAY'S",
            "March’s",
            "May's",
            "said's",
            "the 1990's",
            "1990’s",
            "Sep-2012",
            "15SEP",
            "Sep-2012's",
            "three-year",
            "mid-March",
            "the week's",
            "today’s",
            "said",
            "told",
            "will",
            "has",
            "Jan.",
            "sept",
            "Mondays",
            "the",
            "next",
            "'s",
            "’s",
            "s's",
            "Wednesday",
            "NATO's",
            "EST",
            "10-22",
            "2hrs",
            "Hale's",
            "it's",
        ];
        let (mut checked, mut possessive) = (0, 0);
        for round in 0..60 {
            let text: Vec<&str> =
                (0..25).map(|k| pieces[(k * 7 + round * 11 + k * k * round) % pieces.len()]).collect();
            let text = format!("On {} and later.", text.join(" "));
            let analysis = Analysis::of_text(&text);
            let kinds = Kinds::of(&analysis);
            let mut out = Vec::new();
            for sentence in &analysis.sentences {
                of_sentence(&analysis, sentence, &kinds, &mut out);
                for w in &out {
                    let d = crate::text::lexicon::describe(w.lower);
                    let tense = if w.kind == TokenKind::Word { lexicon::tense_class(w.lower) } else { 0 };
                    let said = format!("{:?} in {text:?}", w.lower);
                    assert_eq!(w.month(), (d.month > 0).then_some(d.month), "{said}");
                    assert_eq!(w.weekday(), d.weekday, "{said}");
                    assert_eq!(w.speech_verb(), d.classes.intersects(Classes::SPEECH_VERB), "{said}");
                    assert_eq!(w.tense(), tense, "{said}");
                    if w.starts() {
                        assert_eq!(w.leads(), recognize::leads(w.lower, &d), "{said}");
                    }
                    checked += 1;
                    possessive += usize::from(w.possessive);
                }
            }
        }
        assert!(checked > 1_000 && possessive > 100, "{checked} words, {possessive} possessive");
    }

    /// The words of [`of_tokens`], made natively a run of plain tokens at a time and out of line
    /// for glued and possessive ones, are those of one loop over every token as it was written
    /// before ([`in_one_loop`], the wasm's), over windows of many generated sentences: every
    /// field, and whether each word is spaced, also at a window's first token.
    #[test]
    fn the_words_are_those_of_the_plain_loop() {
        let plain = in_one_loop;
        fn fields<'a>(w: &Word<'a>) -> (&'a str, u32, u32, u64, TokenKind, bool, bool, bool) {
            (w.lower, w.start, w.end, w.facts, w.kind, w.capitalized, w.possessive, w.spaced)
        }
        let pieces = [
            "Tuesday's",
            "Tuesday’s",
            "MONDAY'S",
            "NATO",
            "EST",
            "Nato",
            "UK",
            "USA'S",
            "1990’s",
            "Sep-2012",
            "15SEP",
            "10-22",
            "2hrs",
            "three-year",
            "said",
            "will",
            "the",
            "next",
            "week",
            "(",
            ")",
            ",",
            "“quoted”",
            "2019",
            "5",
            "May",
            "ÉTÉ",
            "ABCDEF",
            "it's",
            "'s",
            "—",
            "$5",
            "10am",
            "a.m.",
        ];
        let mut shuffle = crate::shuffle::Shuffle::new();
        let (mut words, mut unspaced, mut acronyms) = (0, 0, 0);
        for _ in 0..400 {
            let n = 1 + shuffle.below(30);
            let text: String = (0..n)
                .map(|_| {
                    let glue = if shuffle.below(4) == 0 { "" } else { " " };
                    format!("{}{glue}", pieces[shuffle.below(pieces.len())])
                })
                .collect();
            let text = format!("On {text}.");
            let analysis = Analysis::of_text(&text);
            let kinds = Kinds::of(&analysis);
            // The plain loop works a word's own time bits out of its flags and kind, with
            // none of them in its type's facts.
            let bare = Kinds { facts: kinds.facts.iter().map(|f| f & !(Fact::BEARS_TIME | Fact::STARTS)).collect() };
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            for sentence in &analysis.sentences {
                let tokens = sentence.tokens.clone();
                // The whole sentence, and a window of it after its first tokens.
                let from = tokens.start + shuffle.below(tokens.len());
                let to = from + shuffle.below(tokens.end - from + 1);
                let previous = (from > tokens.start).then(|| analysis.tokens[from - 1].end());
                for (range, previous_end) in [(tokens.clone(), None), (from..to, previous)] {
                    of_tokens(&analysis, range.clone(), previous_end, &kinds, &mut fast);
                    plain(&analysis, range, previous_end, &bare, &mut slow);
                    let (f, s): (Vec<_>, Vec<_>) =
                        (fast.iter().map(fields).collect(), slow.iter().map(fields).collect());
                    assert_eq!(f, s, "{text:?}");
                    words += s.len();
                    unspaced += s.iter().filter(|w| !w.7).count();
                    acronyms += slow.iter().filter(|w| w.acronym()).count();
                }
            }
        }
        assert!(
            words > 5_000 && unspaced > 1_000 && acronyms > 200,
            "{words} words, {unspaced} unspaced, {acronyms} acronyms"
        );
    }

    /// [`is_glued`] answers as its definition does (a month part, a number part, and every
    /// part one of them), over keys of one to three parts joined by hyphens or run together.
    #[test]
    fn glued_keys_are_those_of_the_definition() {
        fn plain(key: &str) -> bool {
            if !key.is_ascii() || key.len() > 20 {
                return false;
            }
            let is_month = |p: &str| p.len() >= 3 && crate::calendar::month_number(p).is_some();
            let is_number = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
            if key.contains('-') {
                let parts: Vec<&str> = key.split('-').collect();
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
        let parts =
            ["sep", "march", "10", "2012", "12345", "three", "year", "h", "min", "31", "32", "0", "", "mid", "jan."];
        let (mut keys, mut glued) = (0, 0);
        for a in parts {
            for b in parts {
                for c in ["", "sep", "7", "x"] {
                    for key in [format!("{a}-{b}"), format!("{a}{b}"), format!("{a}-{b}-{c}"), format!("{a}{b}{c}")] {
                        assert_eq!(is_glued(&key), plain(&key), "{key:?}");
                        keys += 1;
                        glued += usize::from(plain(&key));
                    }
                }
            }
        }
        assert!(glued > 50 && glued < keys / 2, "{glued} of {keys} keys glued");
    }
}
