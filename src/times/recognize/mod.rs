//! Recognition: finds the time expressions of one sentence (TIMEX3 extents) and says what
//! each means, before any calendar arithmetic (`resolve` does that against an anchor).
//!
//! Matching is by hand-written patterns over the sentence's words, longest match first (this
//! module; dates and clock readings in digits are [`numeric`]'s), then joins of neighbours
//! ([`compose`]: a clock to its day, a count of units to the day it counts from, a weekday to
//! its week, the two ends of a range). It guards against the usual false friends: "May" the
//! verb, "March" the noun, quantities that look like years, weekdays inside names ("Good
//! Friday"), ages ("a 50-year-old"), version numbers and scores.
//!
//! Cost: linear in the sentence; each pattern looks a bounded number of words ahead, and at
//! each word only the few patterns that its type may lead are tried ([`leads`], once per
//! word type).

mod compose;
pub(crate) mod numeric;

use super::lexicon::{self, Unit};
use super::words::{at, Word};
use crate::calendar::{month_number, weekday};
use crate::model::TimexType;
use crate::text::TokenKind;
use jiff::civil::Weekday;

/// How a name without a year or a weekday is placed relative to the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shift {
    /// By the tense of the clause (news convention: "told reporters Thursday" is the past
    /// Thursday, "will meet Thursday" the coming one, and the nearest without a tense).
    Tense,
    /// The latest before the anchor ("last Friday").
    Last,
    /// The current one: for a weekday, the coming one (today included), or the latest in a
    /// past clause ("this Friday").
    This,
    /// For a weekday, the one in the week after the anchor's ("next Saturday", said on a
    /// Tuesday, is eleven days on); for a month or season, the first after the anchor.
    Next,
    /// A weekday in the (ISO) week this many weeks from the anchor's ("Tuesday of next week").
    WeekOf(i8),
    /// A month, season or quarter of the year this many years from the anchor's ("February
    /// this year", "next year's first quarter").
    YearOf(i8),
    /// The latest before the last narrated day ("the previous Friday").
    Previous,
    /// The first after the last narrated day ("the following Monday").
    Following,
}

/// What an offset counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    /// The anchor: the document creation time, or the date of the quote it is in.
    Anchor,
    /// The last date the text mentioned ("two days later", "the next day", "that year").
    Narrative,
}

/// The meaning of an expression, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val {
    /// A value that needs no anchor: `1991`, `197`, `P3Y`, `PRESENT_REF`, `XXXX-WXX-1`.
    Fixed(String),
    Day {
        year: Option<i16>,
        month: i8,
        day: i8,
    },
    Month {
        year: Option<i16>,
        month: i8,
        shift: Shift,
    },
    Season {
        year: Option<i16>,
        code: &'static str,
        shift: Shift,
    },
    /// A quarter (`Q`) or half (`H`) of a year.
    Part {
        year: Option<i16>,
        code: &'static str,
        index: i8,
        shift: Shift,
    },
    Weekday {
        day: Weekday,
        shift: Shift,
    },
    Weekend {
        shift: Shift,
    },
    /// A holiday, whose day is fixed or follows a calendar rule (`Thanksgiving`, `Easter`).
    Holiday {
        year: Option<i16>,
        rule: lexicon::Holiday,
        shift: Shift,
    },
    /// `n` units from the base, at the unit's granularity (`five weeks ago` → a week); minutes,
    /// hours and seconds give a time of day when the anchor has one (`15 minutes ago`).
    Offset {
        unit: Unit,
        n: i64,
        base: Base,
    },
    /// `n` units from the day another expression names, as a day: `two weeks after
    /// yesterday`, `the day before Tuesday`.
    Shifted {
        from: Box<Val>,
        unit: Unit,
        n: i64,
    },
    /// The period the text reports on (the last quarter or month it named), `years_back`
    /// years earlier: `the latest quarter`, `the year-ago quarter`, and `a year earlier` in
    /// "profit rose to $5 million from $4 million a year earlier". `otherwise` when the text
    /// named no such period.
    SamePeriod {
        years_back: i8,
        otherwise: Box<Val>,
    },
}

impl Val {
    /// True for a value naming one day (what a clock time can attach to).
    pub(crate) fn is_day(&self) -> bool {
        matches!(
            self,
            Val::Day { .. }
                | Val::Weekday { .. }
                | Val::Holiday { .. }
                | Val::Offset { unit: Unit::Day, .. }
                | Val::Shifted { .. }
        )
    }
}

/// A time of day attached to a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Clock {
    /// Hour, minute and, when written, second.
    At(i8, i8, Option<i8>),
    Part(&'static str),
}

/// One recognized expression: word indices `first..=last` of the sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RecognizedTime {
    pub first: usize,
    pub last: usize,
    pub kind: TimexType,
    pub val: Val,
    pub clock: Option<Clock>,
    /// A clock time alone ("3 p.m."), which may join a neighbouring day.
    pub bare_clock: bool,
    /// A clock reading that is only a time beside a day ("14:15" after a date, "at 8" after
    /// "tonight"): dropped when it joins none.
    pub weak: bool,
    /// This expression and the next one of the sentence are the two ends of a range
    /// ("10 - 22 August 2012", "from May to December").
    pub range_start: bool,
    /// A counted duration's count and unit ("two weeks"), for `compose` to anchor it.
    pub measure: Option<(f64, Unit)>,
    /// A date ahead that is the duration of `measure` instead when its clause is in the past
    /// tense: "in two days" is a date, "finished in two days" a duration.
    pub elastic: bool,
}

fn found(first: usize, last: usize, kind: TimexType, val: Val) -> Option<RecognizedTime> {
    Some(RecognizedTime {
        first,
        last,
        kind,
        val,
        clock: None,
        bare_clock: false,
        weak: false,
        range_start: false,
        measure: None,
        elastic: false,
    })
}

fn date(first: usize, last: usize, val: Val) -> Option<RecognizedTime> {
    found(first, last, TimexType::Date, val)
}

fn fixed(first: usize, last: usize, kind: TimexType, value: impl Into<String>) -> Option<RecognizedTime> {
    found(first, last, kind, Val::Fixed(value.into()))
}

/// No pattern has more words before its first time-bearing word (see
/// [`lexicon::bears_time`]) than this: "the end of the next couple of weeks" has six.
/// Positions farther from any such word are not tried, nor words that start no pattern
/// ([`lexicon::starts`]), and at a position only the patterns its word may lead ([`leads`]).
/// Debug builds check that these shortcuts never change what is found.
const LEAD: usize = 8;

/// Finds the expressions of a sentence, left to right, without overlaps.
pub(crate) fn scan(words: &[Word]) -> Vec<RecognizedTime> {
    if !words.iter().any(|w| w.bears_time()) {
        return Vec::new(); // most sentences
    }
    // The first time-bearing word at or after the position tried (or the sentence's end):
    // positions are tried left to right, so it only ever moves on, and finding it for every
    // position costs one walk over the sentence.
    let mut next_bearing = 0;
    let found = scan_where(words, longest, |i| {
        // OK because `scan_where` tries positions of `words`.
        if !words[i].starts() {
            return false;
        }
        next_bearing = next_bearing.max(i);
        while words.get(next_bearing).is_some_and(|w| !w.bears_time()) {
            next_bearing += 1;
        }
        next_bearing < words.len() && next_bearing - i <= LEAD
    });
    let found = compose::compose(words, found);
    #[cfg(debug_assertions)]
    assert_eq!(
        found,
        compose::compose(words, scan_where(words, longest_of_all, |_| true)),
        "the LEAD shortcut or the patterns' leads changed what was found"
    );
    found
}

/// The expressions found left to right by `longest` where `may_start`, before
/// [`compose::compose`] joins them.
fn scan_where(
    words: &[Word],
    longest: fn(&[Word], usize) -> Option<RecognizedTime>,
    mut may_start: impl FnMut(usize) -> bool,
) -> Vec<RecognizedTime> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match may_start(i).then(|| longest(words, i)).flatten() {
            Some(f) => {
                i = f.last + 1;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

/// A pattern: the expression it finds at a word, if any.
type Pattern = fn(&[Word], usize) -> Option<RecognizedTime>;

/// What a pattern asks first of the word it is tried at: a word type that fails it starts no
/// expression of the pattern, whatever the words around it (see [`leads`]).
type Lead = fn(&WordType) -> bool;

/// A word type, as the patterns' leads read it: its folded key (without a possessive ending)
/// and what the lexicons say of it.
pub(crate) struct WordType<'k> {
    key: &'k str,
    /// A numeral: its key starts with a digit (the tokenizer's `Number`s).
    number: bool,
    /// An ordinal word or numeral (`third`, `3rd`).
    ordinal: bool,
    /// The key holds a hyphen (`three-year`, `third-quarter`).
    hyphenated: bool,
    /// A month name or abbreviation.
    month: bool,
    /// A weekday name or abbreviation, or a weekday in the plural (`Mondays`).
    weekday: bool,
}

impl WordType<'_> {
    fn the(&self) -> bool {
        self.key == "the"
    }
}

/// Every pattern with its lead, in the order ties are settled (the later of two equally long
/// wins). Each lead is read off its pattern: the words the pattern can match at its first
/// word, or at the word it reads before looking further ("the" of "the third quarter").
const PATTERNS: [(Pattern, Lead); 20] = [
    (modified, |w| {
        matches!(
            w.key,
            "the" | "end" | "beginning" | "start" | "middle" | "early" | "late" | "mid" | "earlier" | "later"
        )
    }),
    (holiday, |w| matches!(w.key, "last" | "next" | "this") || lexicon::opens_holiday(w.key)),
    (numeric, |w| w.number),
    (month_first, |w| w.month),
    (day_first, |w| w.the() || w.number || w.ordinal),
    (year_first, |w| w.number),
    (weekday_form, |w| w.weekday),
    (year_form, |w| w.key == "fiscal" || w.number),
    (spoken_year, |w| w.the() || matches!(w.key, "two" | "eighteen" | "nineteen" | "twenty")),
    (decade, |w| decade_value(w.key).is_some()),
    (mid, |w| ["mid-", "early-", "late-"].iter().any(|p| w.key.starts_with(p))),
    (the_phrase, |w| {
        w.the() || w.ordinal || matches!(w.key, "that" | "same" | "year-ago" | "year-earlier" | "year-before")
    }),
    (deictic, |w| matches!(w.key, "today" | "tonight" | "yesterday" | "tomorrow" | "these")),
    (shifted, |w| matches!(w.key, "this" | "current" | "last" | "past" | "next" | "recent" | "coming")),
    (counted, |w| {
        w.number
            || w.hyphenated
            || matches!(w.key, "more" | "less" | "fewer" | "at" | "up" | "a" | "half")
            || APPROXIMATE.contains(&w.key)
            || lexicon::is_vague_count(w.key)
            || lexicon::cardinal(w.key).is_some()
            || lexicon::is_plural_unit(w.key)
    }),
    (set, |w| {
        lexicon::frequency(w.key).is_some()
            || matches!(w.key, "every" | "each" | "once" | "twice" | "thrice" | "a" | "an" | "per")
    }),
    (vague, |w| lexicon::vague(w.key).is_some()),
    (clock, |w| w.number || matches!(w.key, "noon" | "midday" | "midnight")),
    (season, |w| w.the() || lexicon::season(w.key).is_some()),
    (quarter, |w| w.hyphenated || w.the() || w.key == "last" || w.ordinal),
];

/// Which of [`PATTERNS`] may find an expression at a word of this type (key without a
/// possessive ending, and its description): bit `k` for `PATTERNS[k]`. Computed once per word
/// type of a document ([`super::words::Kinds`]), so that at each position the recognizer tries
/// only these, a few of the twenty; a word that no pattern leads with has none.
pub(crate) fn leads(key: &str, description: &crate::text::Description) -> u32 {
    let plural_weekday = || key.strip_suffix("days").is_some_and(|stem| weekday(&format!("{stem}day")).is_some());
    let word = WordType {
        key,
        number: key.starts_with(|c: char| c.is_ascii_digit()),
        ordinal: lexicon::ordinal(key).is_some(),
        hyphenated: lexicon::has_hyphen(key),
        month: description.month > 0,
        weekday: description.weekday.is_some() || plural_weekday(),
    };
    PATTERNS.iter().enumerate().filter(|(_, (_, lead))| lead(&word)).fold(0, |bits, (k, _)| bits | 1 << k)
}

/// The longest match of `patterns` at `i` (ending last, then starting first), only among
/// those that start at `i` when `at_i`.
fn longest_of<'p>(
    patterns: impl Iterator<Item = &'p Pattern>,
    words: &[Word],
    i: usize,
    at_i: bool,
) -> Option<RecognizedTime> {
    let mut best: Option<RecognizedTime> = None;
    for pattern in patterns {
        if let Some(f) = pattern(words, i).filter(|f| !at_i || f.first == i) {
            let better = best
                .as_ref()
                .map_or(true, |b| (f.last, std::cmp::Reverse(f.first)) >= (b.last, std::cmp::Reverse(b.first)));
            if better {
                best = Some(f);
            }
        }
    }
    best
}

/// The longest match at `i` of the patterns that the word there may lead (see [`leads`]).
fn longest(words: &[Word], i: usize) -> Option<RecognizedTime> {
    // The led patterns in order, by their bits: going through all twenty and testing each bit
    // cost 1.7 M instructions on 2 MB of news, 1.26 M more than the bits do.
    let mut leads = words.get(i).map_or(0, Word::leads);
    let led = std::iter::from_fn(move || {
        // No bit left: 32, past the patterns.
        let k = leads.trailing_zeros() as usize;
        leads &= leads.wrapping_sub(1);
        PATTERNS.get(k).map(|(pattern, _)| pattern)
    });
    longest_of(led, words, i, false)
}

/// The longest match at `i` of every pattern, led or not: what [`longest`] must find.
#[cfg(any(test, debug_assertions))]
fn longest_of_all(words: &[Word], i: usize) -> Option<RecognizedTime> {
    longest_of(PATTERNS.iter().map(|(pattern, _)| pattern), words, i, false)
}

const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "to",
    "through",
    "during",
    "of",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "before",
    "after",
    "between",
    "and",
    "or",
    "throughout",
    "into",
    "around",
    "for",
    "on",
    "that",
    "past",
    "coming",
];

/// Words after which a month and day in digits (`8/10`) is a date rather than a fraction.
const DAY_CONTEXT: &[&str] =
    &["on", "by", "until", "till", "from", "since", "before", "after", "through", "thru", "to", "dated", "due", "-"];

const APPROXIMATE: &[&str] = &["about", "nearly", "almost", "roughly", "approximately", "around", "~"];

/// `early 2015`, `mid-June`, `the end of the year`, `earlier this week`, `later today`.
fn modified(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let skip = match (at(words, i), at(words, i + 1), at(words, i + 2)) {
        ("the", "end" | "beginning" | "start" | "middle" | "turn", "of") => 3,
        ("end" | "beginning" | "start" | "middle", "of", _) => 2,
        ("early" | "late" | "mid" | "earlier" | "later", _, _) => 1,
        _ => return None,
    };
    let core = longest_core(words, i + skip).or_else(|| the_unit(words, i + skip))?;
    let dated = core.kind != TimexType::Duration
        && core.kind != TimexType::Set
        && !matches!(&core.val, Val::Fixed(v) if v.ends_with("_REF"));
    dated.then_some(RecognizedTime { first: i, ..core })
}

/// `the year`, `the week` after `the end of`: the anchor's year or week.
fn the_unit(words: &[Word], i: usize) -> Option<RecognizedTime> {
    if i == 0 || at(words, i) != "the" || at(words, i - 1) != "of" {
        return None;
    }
    let unit = lexicon::unit(at(words, i + 1))
        .filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Decade))?;
    date(i, i + 1, Val::Offset { unit, n: 0, base: Base::Anchor })
}

/// The patterns a modifier ("early", "the end of") may apply to.
const CORE: [Pattern; 11] =
    [numeric, month_first, year_first, weekday_form, year_form, decade, the_phrase, deictic, shifted, season, quarter];

fn longest_core(words: &[Word], i: usize) -> Option<RecognizedTime> {
    longest_of(CORE.iter(), words, i, true)
}

/// `2015-06-04`, `06/04/2015`, `12-30-16`, `04/2016`, `on 8/10`, `1994-11-05T08:15:30`.
fn numeric(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let w = words.get(i)?;
    if w.kind != TokenKind::Number || !w.lower.bytes().any(|b| matches!(b, b'-' | b'/' | b'.')) {
        return None;
    }
    let d = numeric::date(w.lower)?;
    let Some(day) = d.day else {
        return date(i, i, Val::Month { year: d.year, month: d.month, shift: Shift::Tense });
    };
    // A month and day alone is a date only where a date is expected ("on 8/10"), or alone.
    let alone = words.iter().all(|o| o.start == w.start || o.kind == TokenKind::Punct);
    if d.year.is_none() && !(i > 0 && DAY_CONTEXT.contains(&at(words, i - 1)) || alone) {
        return None;
    }
    let mut f = date(i, i, Val::Day { year: d.year, month: d.month, day })?;
    if let Some((h, m, s)) = d.clock {
        f.kind = TimexType::Time;
        f.clock = Some(Clock::At(h, m, s));
    }
    Some(f)
}

/// A month name that is really a month: capitalized, and not a bare abbreviation.
fn month_at(words: &[Word], i: usize) -> Option<i8> {
    let w = words.get(i)?;
    if w.kind != TokenKind::Word || !w.capitalized {
        return None;
    }
    w.month()
}

/// A month name in any case where separators tie it to numbers (`2012/aug/10`, `10-august`).
fn tied_month(words: &[Word], i: usize) -> Option<i8> {
    let w = words.get(i)?;
    let tied = is_separator(words, i + 1) || i > 0 && is_separator(words, i - 1);
    (w.kind == TokenKind::Word && (w.capitalized || tied)).then(|| w.month()).flatten()
}

/// A month name in lowercase where the date around it leaves no doubt (`23rd february,
/// 2016`, `august 10, 2012`): beside an ordinal day or before a year.
fn plain_month(words: &[Word], i: usize, sure: bool) -> Option<i8> {
    let w = words.get(i)?;
    (w.kind == TokenKind::Word && sure && w.lower.len() >= 3).then(|| w.month()).flatten()
}

/// True for a day written as an ordinal numeral (`3rd`, `21st`).
fn ordinal_numeral(words: &[Word], i: usize) -> bool {
    words.get(i).is_some_and(|w| w.kind == TokenKind::Number && w.lower.ends_with(|c: char| c.is_ascii_alphabetic()))
}

/// A `-` or `/` with no space on either side, between parts of one date.
fn is_separator(words: &[Word], i: usize) -> bool {
    matches!(at(words, i), "-" | "/")
        && words.get(i).is_some_and(|w| !w.spaced)
        && words.get(i + 1).is_some_and(|w| !w.spaced)
}

fn is_full_month_name(lower: &str) -> bool {
    lower.len() >= 5 || lower == "may" || lower == "june" || lower == "july"
}

/// A day of the month: `3`, `03`, `3rd`, `twenty-fourth`; not a quantity like `4,000`.
fn day_number(words: &[Word], i: usize) -> Option<i8> {
    let w = words.get(i)?;
    if w.kind == TokenKind::Word {
        return lexicon::ordinal(w.lower).and_then(|d| i8::try_from(d).ok()).filter(|d| (1..=31).contains(d));
    }
    if w.kind != TokenKind::Number {
        return None;
    }
    let digits = w.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w.lower[digits.len()..];
    let ok = digits.len() <= 2 && matches!(suffix, "" | "st" | "nd" | "rd" | "th") && !digits.is_empty();
    let day: i8 = if ok {
        digits.parse().ok()?
    } else {
        return None;
    };
    (1..=31).contains(&day).then_some(day)
}

/// A four-digit year in [`crate::calendar::YEARS`] (1000–2199).
fn year_number(words: &[Word], i: usize) -> Option<i16> {
    let w = words.get(i)?;
    if w.kind != TokenKind::Number || w.lower.len() != 4 || !w.is_digits() {
        return None;
    }
    let y: i16 = w.lower.parse().ok()?;
    crate::calendar::YEARS.contains(&y).then_some(y)
}

/// A two-digit year after a month (`Aug 96`, `3rd Feb 82`): a number that cannot be a day,
/// or, after a day and month, one that ends the date.
fn short_year(words: &[Word], i: usize, after_day: bool) -> Option<i16> {
    let w = words.get(i)?;
    if w.kind != TokenKind::Number || w.lower.len() != 2 || !w.is_digits() {
        return None;
    }
    let yy: i16 = w.lower.parse().ok()?;
    let next = words.get(i + 1);
    let ends = next.map_or(true, |n| n.kind == TokenKind::Punct && !matches!(n.lower, "%" | "-" | "/"));
    let counts_something = next.is_some_and(|n| n.kind == TokenKind::Word && !n.capitalized);
    (!counts_something && (yy > 31 || after_day && ends)).then(|| numeric::two_digit_year(yy))
}

/// The year after a day or month: ` 2015`, `, 2015`, `of 2015`, `/2015`, `-2015`, ` 96`: the
/// index of the year word and the year.
fn trailing_year(words: &[Word], i: usize, after_day: bool) -> Option<(usize, i16)> {
    let year_at = |k: usize| year_number(words, k).or_else(|| short_year(words, k, after_day)).map(|y| (k, y));
    if let Some(found) = year_at(i) {
        return Some(found);
    }
    if matches!(at(words, i), "," | "of") {
        return year_at(i + 1);
    }
    // `August-10-2012`; but `August 10-22` is a range, not a two-digit year.
    if is_separator(words, i) {
        return year_number(words, i + 1).map(|y| (i + 1, y));
    }
    None
}

/// `10/2012` or `10-2012`: a day and a four-digit year in one token.
fn day_and_year(token: &str) -> Option<(i8, i16)> {
    let (d, y) = token.split_once(['/', '-'])?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(d) && d.len() <= 2 && digits(y) && y.len() == 4).then(|| Some((d.parse().ok()?, y.parse().ok()?))).flatten()
}

fn valid_day(year: Option<i16>, month: i8, day: i8) -> bool {
    jiff::civil::Date::new(year.unwrap_or(2000), month, day).is_ok()
}

/// `June 4, 2015`, `Aug. 7`, `June 2015`, `in June`, `June 4th`, `August-10, 2012`,
/// `Sep-2012`, `Aug 9, 96`, `May eighth`.
fn month_first(words: &[Word], i: usize) -> Option<RecognizedTime> {
    // "Sunday, March, 6th 2016": a comma before an ordinal day.
    let comma_day = at(words, i + 1) == "," && ordinal_numeral(words, i + 2);
    let explicit = ordinal_numeral(words, i + 1)
        || year_number(words, i + 2).is_some()
        || at(words, i + 2) == "," && year_number(words, i + 3).is_some();
    let month = month_at(words, i).or_else(|| tied_month(words, i)).or_else(|| plain_month(words, i, explicit))?;
    let day_at = if is_separator(words, i + 1) || comma_day { i + 2 } else { i + 1 };
    // `August/10/2012`: the tokenizer keeps `10/2012` together.
    if let Some((d, y)) = words.get(day_at).filter(|_| day_at == i + 2).and_then(|w| day_and_year(w.lower)) {
        if valid_day(Some(y), month, d) {
            return date(i, day_at, Val::Day { year: Some(y), month, day: d });
        }
    }
    if let Some(day) = day_number(words, day_at) {
        let year = trailing_year(words, day_at + 1, true);
        let followed_by_quantity = year.is_none() && matches!(at(words, day_at + 1), "%" | "percent");
        let ordinal_word = words[day_at].kind == TokenKind::Word;
        if valid_day(year.map(|y| y.1), month, day) && !followed_by_quantity && (!ordinal_word || day_at == i + 1) {
            let last = year.map_or(day_at, |y| y.0);
            return date(i, last, Val::Day { year: year.map(|y| y.1), month, day });
        }
    }
    if let Some((last, y)) = trailing_year(words, i + 1, false) {
        return date(i, last, Val::Month { year: Some(y), month, shift: Shift::Tense });
    }
    let lower = words.get(i)?.lower;
    // "the October slaying", "a June agreement": a month before the noun it dates.
    let attributive = i > 0
        && matches!(at(words, i - 1), "the" | "a" | "an")
        && is_full_month_name(lower)
        && words.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && !n.capitalized
                && n.lower.len() > 3
                && !n.bears_time()
                && !is_function_word(n.lower)
        });
    // `January nineteen ninety-seven`: a year said in words follows (`compose` joins them).
    let spoken_year_next = matches!(at(words, i + 1), "eighteen" | "nineteen");
    let context = i > 0 && MONTH_CONTEXT.contains(&at(words, i - 1)) || attributive || spoken_year_next;
    // "in Jan", but not "in Jan Smith's office".
    let abbreviated = !is_full_month_name(lower) && words.get(i + 1).map_or(true, |n| !n.capitalized);
    ((is_full_month_name(lower) || abbreviated) && context && words[i].capitalized).then_some(())?;
    date(i, i, Val::Month { year: None, month, shift: Shift::Tense })
}

/// `4 June 2015`, `4 June`, `the 4th of June`, `10/August/2012`, `10-August 2012`, `3rd Feb
/// 82`, `31st March, 2016`, `Twenty-fourth of May`.
fn day_first(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let (first, day, after_day) = if at(words, i) == "the" && at(words, i + 2) == "of" {
        (i, day_number(words, i + 1)?, i + 3)
    } else {
        let day = day_number(words, i)?;
        let of = at(words, i + 1) == "of";
        // An ordinal word is a day in "(the) fourth of June" or before a month and year.
        let dated = month_at(words, i + 1).is_some() && year_number(words, i + 2).is_some();
        if words[i].kind == TokenKind::Word && !of && !dated {
            return None;
        }
        (i, day, if of { i + 2 } else { i + 1 })
    };
    let month_index = if is_separator(words, after_day) { after_day + 1 } else { after_day };
    let explicit = ordinal_numeral(words, i) || year_number(words, month_index + 1).is_some();
    let month = month_at(words, month_index)
        .or_else(|| tied_month(words, month_index))
        .or_else(|| plain_month(words, month_index, explicit))?;
    let year = trailing_year(words, month_index + 1, true).filter(|(k, _)| {
        // `, 2016` after the month, but not `, 12` (a list of numbers).
        at(words, month_index + 1) != "," || year_number(words, *k).is_some()
    });
    if !valid_day(year.map(|y| y.1), month, day) {
        return None;
    }
    let last = year.map_or(month_index, |y| y.0);
    date(first, last, Val::Day { year: year.map(|y| y.1), month, day })
}

/// Year first: `2012/Aug/10`, `2018 March 18`, `2024 Aug`, `2024-August`.
fn year_first(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let y = year_number(words, i)?;
    let tied = is_separator(words, i + 1);
    let month_index = if tied { i + 2 } else { i + 1 };
    let month = if tied { tied_month(words, month_index) } else { month_at(words, month_index) }?;
    let day_index = if tied && is_separator(words, month_index + 1) { month_index + 2 } else { month_index + 1 };
    let day_tied = day_index == month_index + 2;
    if let Some(day) = day_number(words, day_index).filter(|_| day_tied == tied) {
        if valid_day(Some(y), month, day) && words[day_index].kind == TokenKind::Number {
            return date(i, day_index, Val::Day { year: Some(y), month, day });
        }
    }
    date(i, month_index, Val::Month { year: Some(y), month, shift: Shift::Tense })
}

/// A weekday name that is not part of a name (`Good Friday`, `Friday Harbor`): capitalized
/// and written in full, or abbreviated before a date (`Sun 15Sep`, `Fri, Jul 18`).
fn weekday_at(words: &[Word], i: usize) -> Option<Weekday> {
    let w = words.get(i)?;
    let day = w.weekday()?;
    let full = w.lower.ends_with("day");
    // Casual writing does not capitalize weekdays ("next friday"); a weekday abbreviation
    // in lowercase is a word of its own ("sat", "wed").
    if w.kind != TokenKind::Word || !(w.capitalized || full) {
        return None;
    }
    // A holiday ("Good Friday", "Super Tuesday") or a name that goes on ("Friday Harbor",
    // "the Sunday Times"); a name before it is the subject ("The World Court Friday ruled").
    let holiday = i > 0 && words[i - 1].capitalized && lexicon::is_holiday_qualifier(at(words, i - 1));
    let next_is_name = words.get(i + 1).is_some_and(|n| n.capitalized && n.month().is_none() && !w.possessive);
    (full && !holiday && !next_is_name).then_some(day)
}

/// `Monday`, `Thursday, June 04, 2015`, `Sun 15Sep`, `Friday 12-30-16`, `Mondays` (a set).
fn weekday_form(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let w = words.get(i)?;
    if let Some(stem) = w.lower.strip_suffix("days").filter(|_| w.capitalized) {
        let day = weekday(&format!("{stem}day"))?;
        return fixed(i, i, TimexType::Set, format!("XXXX-WXX-{}", day.to_monday_one_offset()));
    }
    let named = w.kind == TokenKind::Word && w.capitalized && w.weekday().is_some();
    if named {
        let next = if at(words, i + 1) == "," { i + 2 } else { i + 1 };
        let full = [month_first(words, next), day_first(words, next), numeric(words, next), year_first(words, next)];
        if let Some(full) = full.into_iter().flatten().filter(|f| f.first == next).max_by_key(|f| f.last) {
            if matches!(full.val, Val::Day { .. }) {
                return Some(RecognizedTime { first: i, ..full });
            }
        }
    }
    let day = weekday_at(words, i)?;
    date(i, i, Val::Weekday { day, shift: Shift::Tense })
}

/// Prepositions, conjunctions and auxiliaries: words that no date modifies ("the March to
/// the sea", "a May with rain").
fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "from"
            | "with"
            | "into"
            | "over"
            | "under"
            | "through"
            | "that"
            | "which"
            | "when"
            | "where"
            | "while"
            | "were"
            | "have"
            | "been"
            | "will"
            | "would"
            | "could"
            | "should"
            | "than"
            | "then"
            | "also"
            | "after"
            | "before"
            | "since"
            | "until"
            | "about"
            | "against"
            | "between"
            | "without"
    )
}

/// True when a four-digit number is a quantity or part of a name, not a year ("2015
/// rockets", "$1991", "Windows 2000").
fn is_quantity(words: &[Word], i: usize) -> bool {
    let prev = if i > 0 { at(words, i - 1) } else { "" };
    let prev_counts = matches!(
        prev,
        "$" | "€"
            | "£"
            | "#"
            | "no."
            | "number"
            | "about"
            | "some"
            | "nearly"
            | "almost"
            | "approximately"
            | "around"
            | "roughly"
            | "over"
            | "than"
            | "least"
            | "only"
            | "just"
            | "additional"
            | "another"
    );
    let prev_is_name =
        i > 1 && words[i - 1].capitalized && words[i - 1].month().is_none() && lexicon::season(prev).is_none();
    let next = words.get(i + 1);
    let next_lower = next.map_or("", |n| n.lower);
    let range_of_numbers = matches!(next_lower, "to" | "-" | "or" | "and")
        && words.get(i + 2).is_some_and(|w| w.kind == TokenKind::Number && year_number(words, i + 2).is_none());
    let next_unit =
        matches!(next_lower, "%" | "percent" | "per" | "times" | "people") || lexicon::unit(next_lower).is_some();
    let plural_noun =
        next.is_some_and(|n| {
            n.kind == TokenKind::Word
                && !n.capitalized
                && n.lower.len() > 3
                && n.lower.ends_with('s')
                && !n.lower.ends_with("ss")
        }) && !matches!(prev, "the" | "in" | "since" | "of" | "from" | "by" | "his" | "her" | "their" | "its" | "our");
    prev_counts
        || prev_is_name
        || range_of_numbers
        || next_unit
        || plural_noun
        || (i > 0 && words[i - 1].kind == TokenKind::Number)
}

/// `1991`, `fiscal 2015`, `in 2014`.
fn year_form(words: &[Word], i: usize) -> Option<RecognizedTime> {
    if at(words, i) == "fiscal" {
        let y = year_number(words, i + 1)?;
        return fixed(i, i + 1, TimexType::Date, format!("{y:04}"));
    }
    let y = year_number(words, i)?;
    let plausible = (1600..=2100).contains(&y) && !is_quantity(words, i);
    plausible.then_some(())?;
    fixed(i, i, TimexType::Date, format!("{y:04}"))
}

/// A year said in words, as broadcast transcripts write it: `nineteen ninety-six`, `two
/// thousand`, `the year two thousand`, after a word that introduces a time.
fn spoken_year(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let (first, j) = if at(words, i) == "the" && at(words, i + 1) == "year" { (i, i + 2) } else { (i, i) };
    // Cheapest test first: a spoken year opens with one of four words (see the `match` below).
    if !matches!(at(words, j), "two" | "eighteen" | "nineteen" | "twenty") {
        return None;
    }
    let introduced =
        first > 0 && (MONTH_CONTEXT.contains(&at(words, first - 1)) || words[first - 1].month().is_some()) || j > first;
    // `nineteen ninety-six` needs no introduction: no count is said that way.
    let unmistakable = matches!(at(words, j), "eighteen" | "nineteen") && at(words, j + 1).contains('-');
    if !introduced && !unmistakable {
        return None;
    }
    let (year, last) = match at(words, j) {
        "two" if at(words, j + 1) == "thousand" => {
            let and = usize::from(at(words, j + 2) == "and");
            match lexicon::cardinal(at(words, j + 2 + and)).filter(|n| (1..=19).contains(n)) {
                Some(n) if !matches!(at(words, j + 2 + and), "a" | "an") => (2000 + n, j + 2 + and),
                _ => (2000, j + 1),
            }
        }
        century @ ("eighteen" | "nineteen" | "twenty") => {
            let century = lexicon::cardinal(century)?;
            let rest = lexicon::cardinal(at(words, j + 1)).filter(|n| (10..=99).contains(n))?;
            (century * 100 + rest, j + 1)
        }
        _ => return None,
    };
    // "two thousand troops"; but "the year two thousand has come" dates.
    let counts_something = words.get(last + 1).is_some_and(|n| {
        n.kind == TokenKind::Word
            && !n.capitalized
            && n.lower.len() > 3
            && n.lower.ends_with('s')
            && !n.lower.ends_with("ss")
    });
    (!counts_something).then_some(())?;
    fixed(first, last, TimexType::Date, format!("{year:04}"))
}

/// The TIMEX3 value of a decade word: `1980s` → `198`, `80s` → `198`, `mid-1990s` → `199`.
fn decade_value(lower: &str) -> Option<String> {
    let lower = lower.strip_prefix("mid-").unwrap_or(lower);
    let digits = lower.strip_suffix('s')?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !digits.ends_with('0') {
        return None;
    }
    match digits.len() {
        4 => Some(digits[..3].to_string()),
        2 => Some(format!("19{}", &digits[..1])),
        _ => None,
    }
}

/// `1980s`, `mid-1990s` without an article (four digits only).
fn decade(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let w = words.get(i)?;
    let core = w.lower.strip_prefix("mid-").unwrap_or(w.lower);
    (core.len() == 5).then_some(())?;
    fixed(i, i, TimexType::Date, decade_value(w.lower)?)
}

/// `mid-1995`, `mid-March`, `late-November` (one hyphenated word).
fn mid(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let lower = words.get(i)?.lower;
    let rest = ["mid-", "early-", "late-"].iter().find_map(|p| lower.strip_prefix(p))?;
    if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
        return fixed(i, i, TimexType::Date, rest);
    }
    let month = month_number(rest).filter(|_| is_full_month_name(rest))?;
    date(i, i, Val::Month { year: None, month, shift: Shift::Tense })
}

/// Phrases opened by `the`: decades, centuries, the past/future, the weekend, `the past
/// three years`, `the next day`, `the coming months`, `the previous Friday`, `the same day`.
fn the_phrase(words: &[Word], i: usize) -> Option<RecognizedTime> {
    if at(words, i) != "the" {
        // "a 20th century democrat", "the fabled 11th century temple".
        // (The cheap test of the next word first: most words are not ordinals.)
        if at(words, i + 1) == "century" {
            if let Some(n) = lexicon::ordinal(at(words, i)) {
                return fixed(i, i + 1, TimexType::Date, format!("{:02}", n - 1));
            }
        }
        return narrative_unit(words, i).or_else(|| reported_period(words, i));
    }
    // the nineties
    if let Some(decade) = lexicon::decade_word(at(words, i + 1)) {
        return fixed(i, i + 1, TimexType::Date, format!("19{decade}"));
    }
    let j = i + 1;
    // the 1980s, the '80s, the mid-1990s
    let (decade_at, _) = if matches!(at(words, j), "’" | "'") { (j + 1, true) } else { (j, false) };
    if let Some(v) = words.get(decade_at).and_then(|w| decade_value(w.lower)) {
        return fixed(i, decade_at, TimexType::Date, v);
    }
    // the 20th century
    if let (Some(n), "century") = (lexicon::ordinal(at(words, j)), at(words, j + 1)) {
        return fixed(i, j + 1, TimexType::Date, format!("{:02}", n - 1));
    }
    // the previous Friday, the following Monday
    if let ("previous" | "following" | "preceding", Some(day)) = (at(words, j), weekday_at(words, j + 1)) {
        let shift = if at(words, j) == "following" { Shift::Following } else { Shift::Previous };
        return date(i, j + 1, Val::Weekday { day, shift });
    }
    if matches!(at(words, j), "past" | "last" | "next" | "coming" | "previous" | "following") {
        if let Some(f) = around_unit(words, i, j) {
            return Some(f);
        }
    }
    if let Some(f) = reported_period(words, i).or_else(|| whole_year(words, i)) {
        return Some(f);
    }
    match at(words, j) {
        "future" => return fixed(i, j, TimexType::Date, "FUTURE_REF"),
        "past" => return fixed(i, j, TimexType::Date, "PAST_REF"),
        "present" if !matches!(at(words, j + 1), "administration" | "government") => {
            return fixed(i, j, TimexType::Date, "PRESENT_REF")
        }
        "weekend" => return date(i, j, Val::Weekend { shift: Shift::Tense }),
        "same" => return narrative_unit(words, j),
        _ => {}
    }
    None
}

/// The period a business report is about: `the quarter`, `the latest quarter`, `the latest
/// period`, `the year-ago quarter`, `the year-earlier period` (after `the`), and the
/// adjectives `year-ago` and `year-earlier` alone ("year-earlier profit").
fn reported_period(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let the = at(words, i) == "the";
    let j = if the { i + 1 } else { i };
    let (years_back, noun_at) = match at(words, j) {
        "year-ago" | "year-earlier" | "year-before" => (1, j + 1),
        "latest" | "same" | "most" if the => (0, if at(words, j + 1) == "recent" { j + 2 } else { j + 1 }),
        "quarter" if the => (0, j),
        _ => return None,
    };
    let noun = match at(words, noun_at) {
        "quarter" | "period" => Some(at(words, noun_at)),
        _ => None,
    };
    let year_before = || Box::new(Val::Offset { unit: Unit::Year, n: -1, base: Base::Anchor });
    match noun {
        // "the quarter of a mile", "the period of unrest": not a reporting period.
        Some(_) if at(words, noun_at + 1) == "of" => None,
        Some(noun) if the => {
            let quarterly = noun == "quarter";
            (quarterly || years_back > 0 || at(words, j) != "quarter").then_some(())?;
            // Without a period named before, the last quarter ended (a year earlier).
            let fallback =
                Box::new(Val::Offset { unit: Unit::Quarter, n: -1 - 4 * i64::from(years_back), base: Base::Anchor });
            date(i, noun_at, Val::SamePeriod { years_back, otherwise: fallback })
        }
        None if years_back > 0 && j == i => date(i, i, Val::SamePeriod { years_back, otherwise: year_before() }),
        _ => None,
    }
}

/// The year a report covers: `for the year`, `during the full year`, `the first nine months
/// of the fiscal year` (the anchor's year), and `the year ended March 31` (a year's length).
/// Other uses of "the year" ("person of the year", "the year 2000") are not dates.
fn whole_year(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let j = if matches!(at(words, i + 1), "full" | "fiscal" | "whole" | "entire") { i + 2 } else { i + 1 };
    if at(words, j) != "year" || words.get(j).is_some_and(|w| w.possessive) {
        return None;
    }
    let before = |k: usize| i.checked_sub(k).map_or("", |p| at(words, p));
    let governed = match before(1) {
        "for" | "during" | "through" | "throughout" | "over" => true,
        "of" => matches!(before(2), "months" | "quarter" | "quarters" | "half" | "rest" | "end" | "start" | "part"),
        _ => false,
    };
    if !governed {
        return None;
    }
    match at(words, j + 1) {
        "ended" | "ending" => fixed(i, j, TimexType::Duration, "P1Y"),
        "before" | "after" | "since" | "ago" | "earlier" | "later" => None,
        _ if words.get(j + 1).is_some_and(|w| w.kind == TokenKind::Number) => None,
        _ => date(i, j, Val::Offset { unit: Unit::Year, n: 0, base: Base::Anchor }),
    }
}

/// `that day`, `that year`, `(the) same week`: the unit of the last narrated date.
fn narrative_unit(words: &[Word], i: usize) -> Option<RecognizedTime> {
    if !matches!(at(words, i), "that" | "same") {
        return None;
    }
    // "said that year-end results…": `that` after a verb of saying opens a clause.
    let complementizer = i > 0 && words[i - 1].speech_verb();
    let unit_word = at(words, i + 1);
    let unit = lexicon::unit(unit_word).filter(|u| matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year))?;
    let first = if i > 0 && at(words, i - 1) == "the" && at(words, i) == "same" { i - 1 } else { i };
    (!complementizer && !lexicon::is_plural_unit(unit_word)).then_some(())?;
    date(first, i + 1, Val::Offset { unit, n: 0, base: Base::Narrative })
}

/// After `the past|next|coming|previous|following`: `the past three years` (a duration),
/// `the next day` (a narrative offset), `the coming months` (future), `the past week`.
fn around_unit(words: &[Word], first: usize, j: usize) -> Option<RecognizedTime> {
    let which = at(words, j);
    let (count, unit_at) = match lexicon::cardinal(at(words, j + 1)).filter(|_| !matches!(at(words, j + 1), "a" | "an"))
    {
        Some(n) => (Some(n), j + 2),
        None if matches!(at(words, j + 1), "few" | "several" | "couple") => {
            let couple = (at(words, j + 1) == "couple").then_some(2);
            (couple, if at(words, j + 2) == "of" { j + 3 } else { j + 2 })
        }
        None => (Some(1), j + 1),
    };
    let unit_word = at(words, unit_at);
    let unit = lexicon::unit(unit_word)?;
    let plural = lexicon::is_plural_unit(unit_word);
    let explicit_count = unit_at > j + 1;
    match which {
        "coming" | "next" if plural && !explicit_count => fixed(first, unit_at, TimexType::Date, "FUTURE_REF"),
        "next" | "following" if !plural => date(first, unit_at, Val::Offset { unit, n: 1, base: Base::Narrative }),
        "previous" if !plural => date(first, unit_at, Val::Offset { unit, n: -1, base: Base::Narrative }),
        "past" | "last" | "next" | "coming" | "previous" | "following" => {
            if plural && !explicit_count {
                return fixed(first, unit_at, TimexType::Duration, duration(None, unit));
            }
            fixed(first, unit_at, TimexType::Duration, duration(count.map(|n| n as f64), unit))
        }
        _ => None,
    }
}

/// A TIMEX3 duration value: `P3Y`, `PT2H`, `PXD` (unknown count), `P1DE`.
pub(crate) fn duration(count: Option<f64>, unit: Unit) -> String {
    // Quarters, decades and centuries are counted in months and years, as newswire
    // annotation does ("the next three quarters" P9M, "two decades" P20Y).
    let (count, unit) = match (count, unit) {
        (n, Unit::Quarter) => (n.map(|n| 3.0 * n), Unit::Month),
        (Some(n), Unit::Decade) => (Some(10.0 * n), Unit::Year),
        (Some(n), Unit::Century) => (Some(100.0 * n), Unit::Year),
        other => other,
    };
    // A fraction of a year, day, hour or minute is written in the next smaller unit, as
    // TIMEX3 does: `2 1/2 years` P2Y6M, `half an hour` PT30M, `a minute and a half` PT1M30S.
    if let Some(n) = count.filter(|n| n.fract() != 0.0) {
        let (whole, smaller, per) = match unit {
            Unit::Year => ("Y", "M", 12.0),
            Unit::Day => ("D", "H", 24.0),
            Unit::Hour => ("H", "M", 60.0),
            Unit::Minute => ("M", "S", 60.0),
            _ => ("", "", 0.0),
        };
        let rest = n.fract() * per;
        if per > 0.0 && (rest - rest.round()).abs() < 1e-6 {
            let clock = matches!(unit, Unit::Hour | Unit::Minute);
            let mut out = String::from(if clock { "PT" } else { "P" });
            if n >= 1.0 {
                out += &(n as i64).to_string();
                out += whole;
            }
            if unit == Unit::Day {
                out.push('T');
            }
            out += &(rest.round() as i64).to_string();
            out += smaller;
            return out;
        }
    }
    let (code, time) = unit.duration_code();
    // Counts are whole or have one decimal ("half a year", "1.5 hours"); formatting them
    // through integers keeps float printing, some 15 KB of wasm, out of the build.
    let n = match count {
        Some(n) => {
            let tenths = (n * 10.0).round() as i64;
            if tenths % 10 == 0 {
                (tenths / 10).to_string()
            } else {
                format!("{}.{}", tenths / 10, (tenths % 10).abs())
            }
        }
        None => "X".to_string(),
    };
    format!("P{}{}{}", if time { "T" } else { "" }, n, code)
}

/// `today`, `tonight`, `yesterday`, `tomorrow`, `these days`.
fn deictic(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let w = words.get(i)?;
    let (n, clock) = match w.lower {
        "today" => (0, None),
        "tonight" => (0, Some(Clock::Part("NI"))),
        "yesterday" => (-1, None),
        "tomorrow" => (1, None),
        "these" if at(words, i + 1) == "days" => return fixed(i, i + 1, TimexType::Date, "PRESENT_REF"),
        _ => return None,
    };
    let mut f = date(i, i, Val::Offset { unit: Unit::Day, n, base: Base::Anchor })?;
    if clock.is_some() {
        f.kind = TimexType::Time;
        f.clock = clock;
    }
    Some(f)
}

/// `this|last|next week`, `next month`, `next year`, `last Sunday`, `last June`, `this spring`,
/// `last night`, `this morning`, `this past week`, `recent years`.
fn shifted(words: &[Word], i: usize) -> Option<RecognizedTime> {
    // Asked only after the cheaper test of the word itself.
    let counted_next = || {
        lexicon::cardinal(at(words, i + 1)).is_some() && !matches!(at(words, i + 1), "a" | "an")
            || matches!(at(words, i + 1), "few" | "several" | "couple")
    };
    if matches!(at(words, i), "last" | "past" | "next") && counted_next() {
        return around_unit(words, i, i);
    }
    let (shift, n, j) = match (at(words, i), at(words, i + 1)) {
        ("this", "past") => (Shift::Last, -1, i + 2),
        ("this" | "current", _) => (Shift::This, 0, i + 1),
        ("last" | "past", _) => (Shift::Last, -1, i + 1),
        ("next", _) => (Shift::Next, 1, i + 1),
        // "in recent years", "in coming weeks": an unsaid number of the unit (TIMEX3 `PXY`).
        ("recent" | "coming", _) => {
            let unit_word = at(words, i + 1);
            let unit = lexicon::unit(unit_word).filter(|_| lexicon::is_plural_unit(unit_word))?;
            return fixed(i, i + 1, TimexType::Duration, duration(None, unit));
        }
        _ => return None,
    };
    // "the current fiscal year", "next fiscal year".
    let j = if at(words, j) == "fiscal" && lexicon::unit(at(words, j + 1)).is_some() { j + 1 } else { j };
    let w = at(words, j);
    if let Some(unit) = lexicon::unit(w).filter(|_| !lexicon::is_plural_unit(w)) {
        if unit == Unit::Weekend {
            return date(i, j, Val::Weekend { shift });
        }
        // "past week" reads as a duration ("over the past week"), "last week" as a week.
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day) || at(words, i) == "past" {
            return None;
        }
        return date(i, j, Val::Offset { unit, n, base: Base::Anchor });
    }
    if let Some(day) = weekday_at(words, j) {
        return date(i, j, Val::Weekday { day, shift });
    }
    if let Some(month) = month_at(words, j).filter(|_| is_full_month_name(w)) {
        return date(i, j, Val::Month { year: None, month, shift });
    }
    if let Some(code) = lexicon::season(w) {
        return date(i, j, Val::Season { year: None, code, shift });
    }
    let part = lexicon::part_of_day(w)?;
    let day = match (shift, part) {
        (Shift::Last, "NI") => -1,
        (Shift::This, _) => 0,
        _ => return None,
    };
    let mut f = date(i, j, Val::Offset { unit: Unit::Day, n: day, base: Base::Anchor })?;
    f.kind = TimexType::Time;
    f.clock = Some(Clock::Part(part));
    Some(f)
}

/// A count before a unit: `three`, `10`, `1.5`, `a`, `a few`, `several`, `two and a half`,
/// `half an`. Returns the count (None = unknown) and the index after it.
fn count(words: &[Word], i: usize) -> Option<(Option<f64>, usize)> {
    let w = at(words, i);
    if w == "a" && matches!(at(words, i + 1), "few" | "couple") {
        let next = if at(words, i + 2) == "of" { i + 3 } else { i + 2 };
        // "a couple of years" is two.
        return Some((if at(words, i + 1) == "couple" { Some(2.0) } else { None }, next));
    }
    if w == "half" && matches!(at(words, i + 1), "a" | "an") {
        return Some((Some(0.5), i + 2));
    }
    if lexicon::is_vague_count(w) {
        let next = if at(words, i + 1) == "of" { i + 2 } else { i + 1 };
        return Some((None, next));
    }
    let n = match lexicon::cardinal(w) {
        Some(n) => n as f64,
        // `1.5` (hours): one decimal, written with a point.
        None => decimal(w)?,
    };
    // `2 1/2 years`.
    if at(words, i + 1) == "1/2" && words.get(i).is_some_and(|w| w.kind == TokenKind::Number) {
        return Some((Some(n + 0.5), i + 2));
    }
    if at(words, i + 1) == "and" && at(words, i + 2) == "a" && at(words, i + 3) == "half" {
        return Some((Some(n + 0.5), i + 4));
    }
    let next = if lexicon::is_count_adjective(at(words, i + 1)) && !matches!(w, "a" | "an") { i + 2 } else { i + 1 };
    Some((Some(n), next))
}

/// `1.5`: a number with one decimal digit.
fn decimal(word: &str) -> Option<f64> {
    // A byte loop, not `split_once`'s searcher: this is asked of most words near a number.
    let point = word.bytes().position(|b| b == b'.')?;
    // `.` is one ASCII byte, so both offsets are character boundaries.
    let (whole, tenth) = (word.get(..point)?, word.get(point + 1..)?);
    let ok = !whole.is_empty()
        && whole.len() <= 3
        && tenth.len() == 1
        && whole.bytes().chain(tenth.bytes()).all(|b| b.is_ascii_digit());
    // Integer parsing: a float parser would add some 4 KiB to the wasm.
    ok.then(|| whole.parse::<u16>().ok().zip(tenth.parse::<u8>().ok()).map(|(w, t)| f64::from(w) + f64::from(t) / 10.0))
        .flatten()
}

/// Minutes, hours and seconds count in whole minutes or seconds, so that `1.5 hours` and
/// `half an hour` are exact offsets.
fn clock_offset(n: f64, unit: Unit) -> (Unit, i64) {
    match unit {
        Unit::Hour if n.fract() != 0.0 => (Unit::Minute, (n * 60.0).round() as i64),
        Unit::Minute if n.fract() != 0.0 => (Unit::Second, (n * 60.0).round() as i64),
        _ => (unit, n.floor() as i64),
    }
}

/// `five weeks ago`, `15 minutes ago`, `two days later`, `10 days`, `three-year`, `for
/// years`, `in two days`, `12 hours from now`.
fn counted(words: &[Word], i: usize) -> Option<RecognizedTime> {
    if let Some(f) = hyphenated_duration(words, i) {
        return Some(f);
    }
    let first = i;
    let j = match (at(words, i), at(words, i + 1)) {
        ("more" | "less" | "fewer", "than") | ("at", "least") | ("up", "to") => i + 2,
        (w, _) if APPROXIMATE.contains(&w) => i + 1,
        _ => i,
    };
    let (n, unit_at) = match count(words, j) {
        Some(c) => c,
        // A bare plural unit after `for`/`in`/`over`: "for years".
        None if j == i
            && i > 0
            && matches!(at(words, i - 1), "for" | "in" | "over" | "within")
            && lexicon::is_plural_unit(at(words, i)) =>
        {
            (None, i)
        }
        None => return None,
    };
    let unit_word = at(words, unit_at);
    let unit = lexicon::unit(unit_word)?;
    if unit == Unit::Weekend || is_age(words, unit_at) {
        return None;
    }
    // `a minute and a half`: the half after the unit.
    let half_after = n.is_some()
        && !lexicon::is_plural_unit(unit_word)
        && (at(words, unit_at + 1), at(words, unit_at + 2), at(words, unit_at + 3)) == ("and", "a", "half");
    let (n, last) = if half_after { (n.map(|n| n + 0.5), unit_at + 3) } else { (n, unit_at) };
    let after = at(words, last + 1);
    let clock_unit = matches!(unit, Unit::Second | Unit::Minute | Unit::Hour);
    let offset = |sign: f64, base: Base, last: usize| -> Option<RecognizedTime> {
        let n = n? * sign;
        let (unit, n) = if clock_unit { clock_offset(n, unit) } else { (unit, n.trunc() as i64) };
        let mut f = date(first, last, Val::Offset { unit, n, base })?;
        if clock_unit {
            f.kind = TimexType::Time;
        }
        Some(f)
    };
    let vague = |sign: f64, last: usize| {
        fixed(first, last, TimexType::Date, if sign < 0.0 { "PAST_REF" } else { "FUTURE_REF" })
    };
    match after {
        "ago" | "earlier" | "later" | "hence" | "out" => {
            let (sign, base) = match after {
                "ago" => (-1.0, Base::Anchor),
                "hence" | "out" => (1.0, Base::Anchor),
                "earlier" => (-1.0, Base::Narrative),
                _ => (1.0, Base::Narrative),
            };
            if after == "out" && !clock_unit {
                return None;
            }
            // "from $4 million a year earlier": the same period of the year before.
            if unit == Unit::Year && n == Some(1.0) && matches!(after, "ago" | "earlier") {
                let otherwise = Box::new(Val::Offset { unit, n: -1, base });
                return date(first, last + 1, Val::SamePeriod { years_back: 1, otherwise });
            }
            offset(sign, base, last + 1).or_else(|| vague(sign, last + 1))
        }
        "from" if at(words, last + 2) == "now" => offset(1.0, Base::Anchor, last + 2).or_else(|| vague(1.0, last + 2)),
        _ => {
            // "$5 a year" and "twice a week" are sets (see `set`); "one day" alone is vague.
            let article = matches!(at(words, j), "a" | "an" | "per");
            let after_quantity = first > 0
                && (words[first - 1].kind == TokenKind::Number
                    || matches!(
                        at(words, first - 1),
                        "times" | "once" | "twice" | "million" | "billion" | "dollars" | "percent"
                    ));
            if article && after_quantity {
                return None;
            }
            // "in two days" is a date ahead, unless its clause is past ("built in two days").
            if first > 0 && at(words, first - 1) == "in" && n.is_some() {
                let mut f = offset(1.0, Base::Anchor, last)?;
                f.measure = n.map(|n| (n, unit));
                f.elastic = true;
                return Some(f);
            }
            // "one years", "three year": not a measured duration, unless it counts from a day
            // ("2 day after tomorrow").
            // "a five year low", "a two day rally": a singular unit before its noun measures it,
            // as the hyphenated form does.
            let counts_from = matches!(after, "before" | "after");
            let before_noun = n.is_some_and(|n| n > 1.0)
                && words.get(last + 1).is_some_and(|w| {
                    w.kind == TokenKind::Word && !w.capitalized && w.spaced && !w.bears_time() && !w.possessive
                })
                && !matches!(
                    after,
                    "of" | "and"
                        | "or"
                        | "to"
                        | "in"
                        | "on"
                        | "at"
                        | "for"
                        | "from"
                        | "by"
                        | "with"
                        | "than"
                        | "as"
                        | "that"
                        | "is"
                        | "was"
                        | "were"
                        | "are"
                        | "be"
                        | "the"
                        | "a"
                        | "an"
                );
            // A fraction agrees with either ("half an hour", "1.5 hours").
            if lexicon::is_plural_unit(unit_word) == (n == Some(1.0))
                && n.is_some_and(|n| n.fract() == 0.0)
                && unit_word != "h"
                && !counts_from
                && !before_noun
            {
                return None;
            }
            let mut f = fixed(first, last, TimexType::Duration, duration(n, unit))?;
            f.measure = n.map(|n| (n, unit));
            Some(f)
        }
    }
}

/// `50-year-old`, `52 years old`: an age, not a time.
fn is_age(words: &[Word], unit_at: usize) -> bool {
    at(words, unit_at).ends_with("-old")
        || (at(words, unit_at + 1) == "-" && at(words, unit_at + 2).starts_with("old"))
        // "Mr. Lee, 52 years old, will succeed him".
        || at(words, unit_at + 1) == "old"
}

/// `three-year`, `10-day`, `24-hour` (adjectival durations), not `three-year-old`.
fn hyphenated_duration(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let w = words.get(i)?;
    if let Some((number, unit_word)) = lexicon::split_hyphen(w.lower) {
        if !unit_word.contains('-') {
            let n = lexicon::cardinal(number).filter(|_| !matches!(number, "a" | "an"))?;
            let unit = lexicon::unit(unit_word).filter(|_| !lexicon::is_plural_unit(unit_word))?;
            return fixed(i, i, TimexType::Duration, duration(Some(n as f64), unit));
        }
        return None;
    }
    if w.kind == TokenKind::Number
        && at(words, i + 1) == "-"
        && words.get(i + 2).is_some_and(|u| !u.spaced)
        && words.get(i + 1).is_some_and(|h| !h.spaced)
    {
        let n = lexicon::cardinal(w.lower)?;
        let unit_word = at(words, i + 2);
        let unit = lexicon::unit(unit_word).filter(|_| !lexicon::is_plural_unit(unit_word))?;
        if is_age(words, i + 2) {
            return None;
        }
        return fixed(i, i + 2, TimexType::Duration, duration(Some(n as f64), unit));
    }
    None
}

/// `every year`, `each Monday`, `weekly`, `twice a week`, `$5 a day`.
fn set(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let w = words.get(i)?;
    if let Some(v) = lexicon::frequency(w.lower).filter(|_| !w.capitalized || i == 0) {
        return fixed(i, i, TimexType::Set, v);
    }
    match w.lower {
        "every" | "each" => {
            let (step, j) = match (at(words, i + 1), lexicon::cardinal(at(words, i + 1))) {
                ("other", _) => (2.0, i + 2),
                (_, Some(n)) if !matches!(at(words, i + 1), "a" | "an") => (n as f64, i + 2),
                _ => (1.0, i + 1),
            };
            if let Some(day) = weekday_at(words, j) {
                return fixed(i, j, TimexType::Set, format!("XXXX-WXX-{}", day.to_monday_one_offset()));
            }
            let unit = lexicon::unit(at(words, j))?;
            fixed(i, j, TimexType::Set, duration(Some(step), unit))
        }
        "once" | "twice" | "thrice" | "a" | "an" | "per" => {
            let j = if matches!(w.lower, "a" | "an" | "per") { i } else { i + 1 };
            if !matches!(at(words, j), "a" | "an" | "per" | "every") {
                return None;
            }
            let unit_word = at(words, j + 1);
            let unit = lexicon::unit(unit_word).filter(|_| !lexicon::is_plural_unit(unit_word))?;
            let after_quantity = j == i
                && i > 0
                && (words[i - 1].kind == TokenKind::Number
                    || matches!(at(words, i - 1), "times" | "million" | "billion" | "dollars" | "percent"));
            (j > i || after_quantity).then_some(())?;
            fixed(i, j + 1, TimexType::Set, duration(Some(1.0), unit))
        }
        _ => None,
    }
}

/// `now`, `currently`, `recently`.
fn vague(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let v = lexicon::vague(at(words, i))?;
    fixed(i, i, TimexType::Date, v)
}

/// The meridiem after a clock (`am`, `p.m.`), if any: true for pm.
fn meridiem(word: &str) -> Option<bool> {
    match word.trim_end_matches('.') {
        "am" | "a.m" => Some(false),
        "pm" | "p.m" => Some(true),
        _ => None,
    }
}

/// `8:48 am`, `3 p.m.`, `3pm`, `noon`, `midnight`, `at 14:30`, `20:32:13`, `6 in the
/// morning`, `11 at night`; and, weakly (kept only beside a day), `14:15` and `at 8`.
fn clock(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let w = words.get(i)?;
    let bare = |h: i8, m: i8, s: Option<i8>, last: usize, weak: bool| {
        let mut f = date(i, last, Val::Offset { unit: Unit::Day, n: 0, base: Base::Anchor })?;
        f.kind = TimexType::Time;
        f.clock = Some(Clock::At(h, m, s));
        f.bare_clock = true;
        f.weak = weak;
        Some(f)
    };
    match w.lower {
        // "high noon" is a showdown, not a time.
        "noon" if i > 0 && at(words, i - 1) == "high" => return None,
        "noon" | "midday" => return bare(12, 0, None, i, false),
        "midnight" => return bare(24, 0, None, i, false),
        _ if w.kind != TokenKind::Number => return None,
        _ => {}
    }
    let digits_end = w.lower.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(w.lower.len());
    let (number, glued) = w.lower.split_at(digits_end);
    if number.len() > 8 || number.contains(['.', ',', '/', '-']) {
        return None;
    }
    let (h, m, s) = numeric::clock(number).filter(|_| number.len() <= 2 || number.contains(':'))?;
    let (pm, mut last) = match (meridiem(glued), meridiem(at(words, i + 1))) {
        (Some(pm), _) => (Some(pm), i),
        (None, Some(pm)) if glued.is_empty() => (Some(pm), i + 1),
        _ => (None, i),
    };
    if !glued.is_empty() && pm.is_none() {
        return None;
    }
    // `6 in the morning`, `11 at night`, `3:15 in the afternoon`.
    let mut part = None;
    if pm.is_none() {
        if let ("in", "the", Some(p)) =
            (at(words, last + 1), at(words, last + 2), lexicon::part_of_day(at(words, last + 3)))
        {
            (part, last) = (Some(p), last + 3);
        } else if let ("at", "night") = (at(words, last + 1), at(words, last + 2)) {
            (part, last) = (Some("NI"), last + 2);
        }
    }
    // `5 p.m. EST`: the zone is part of the expression (the value stays local time).
    if pm.is_some() && words.get(last + 1).is_some_and(is_time_zone) {
        last += 1;
    }
    let after_at = i > 0 && matches!(at(words, i - 1), "at" | "@" | "by" | "until" | "around" | "before" | "after");
    // "11 tonight", "8 this evening": an hour before the part of the day it is in.
    let before_part = at(words, last + 1) == "tonight"
        || at(words, last + 1) == "this" && lexicon::part_of_day(at(words, last + 2)).is_some();
    let strong = pm.is_some() || part.is_some() || s.is_some() || number.contains(':') && after_at;
    let weak = !strong && (number.contains(':') || (after_at || before_part) && (1..=12).contains(&h));
    if !strong && !weak || h > 24 || (pm.is_some() && !(1..=12).contains(&h)) {
        return None;
    }
    let h = match (pm, part) {
        (Some(true), _) if h < 12 => h + 12,
        (Some(false), _) if h == 12 => 0,
        (None, Some(p)) => evening_hour(h, p),
        _ => h,
    };
    bare(h, m, s, last, weak)
}

/// `Thanksgiving Day`, `last Christmas`, `on Easter`, `New Year's Eve 1999`, `Election
/// Day`: a holiday with a name of two words, or one after a word that introduces a date (so
/// that "the Christmas tree" and "Easter Island" are not dates).
fn holiday(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let (shift, j) = match at(words, i) {
        "last" => (Shift::Last, i + 1),
        "next" => (Shift::Next, i + 1),
        "this" => (Shift::This, i + 1),
        _ => (Shift::Tense, i),
    };
    if !words.get(j).is_some_and(|w| w.capitalized) {
        return None;
    }
    let (rule, length) = lexicon::holiday(at(words, j), at(words, j + 1), at(words, j + 2))?;
    let mut last = j + length - 1;
    let introduced = length > 1 || j > i || j > 0 && MONTH_CONTEXT.contains(&at(words, j - 1));
    let year = trailing_year(words, last + 1, false).filter(|(k, _)| year_number(words, *k).is_some());
    let named = words.get(last + 1).is_some_and(|n| n.capitalized && n.lower != "day" && year.is_none());
    if !(introduced || year.is_some()) || named {
        return None;
    }
    if let Some((k, _)) = year {
        last = k;
    }
    date(i, last, Val::Holiday { year: year.map(|y| y.1), rule, shift })
}

/// A time zone abbreviation after a clock reading, by its shape: three or four capitals
/// ending in `T` for "time" (`EST`, `GMT`, `CEST`), or `UTC`.
fn is_time_zone(w: &Word) -> bool {
    w.acronym() && (matches!(w.lower.len(), 3 | 4) && w.lower.ends_with('t') || w.lower == "utc")
}

/// The hour a clock reading without am/pm means in a part of the day: `8` in the evening
/// is 20:00, `6` in the morning 06:00.
pub(crate) fn evening_hour(h: i8, part: &str) -> i8 {
    match part {
        "AF" | "EV" if h < 12 => h + 12,
        "NI" if (5..12).contains(&h) => h + 12,
        "NI" if h == 12 => 0,
        _ => h,
    }
}

/// `spring 2015`, `the summer`, `in spring`, `fall of 2014`.
fn season(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let (first, j) = if at(words, i) == "the" { (i, i + 1) } else { (i, i) };
    let w = words.get(j)?;
    let code = lexicon::season(w.lower)?;
    if let Some((last, y)) = trailing_year(words, j + 1, false).filter(|(k, _)| year_number(words, *k).is_some()) {
        return date(first, last, Val::Season { year: Some(y), code, shift: Shift::Tense });
    }
    let before = if first > 0 { at(words, first - 1) } else { "" };
    let context = matches!(
        before,
        "in" | "during"
            | "by"
            | "since"
            | "until"
            | "over"
            | "through"
            | "early"
            | "late"
            | "this"
            | "last"
            | "next"
            | "mid"
    );
    let named = w.capitalized && j > 0 && words[j - 1].capitalized; // "Arab Spring"
    (context && !named).then_some(())?;
    date(first, j, Val::Season { year: None, code, shift: Shift::Tense })
}

/// `the third quarter`, `the first half of 2015`, `third-quarter` (adjective).
fn quarter(words: &[Word], i: usize) -> Option<RecognizedTime> {
    let w = words.get(i)?;
    if let Some((ordinal, part)) = lexicon::split_hyphen(w.lower) {
        let index = lexicon::ordinal(ordinal)?;
        let code = match part {
            "quarter" if index <= 4 => "Q",
            "half" if index <= 2 => "H",
            _ => return None,
        };
        return date(i, i, Val::Part { year: None, code, index: index as i8, shift: Shift::Tense });
    }
    // Every other form has `quarter` or `half` one or two words on: most words stop here.
    if !matches!(at(words, i + 1), "quarter" | "half") && !matches!(at(words, i + 2), "quarter" | "half") {
        return None;
    }
    // "the third quarter", or "a weak first quarter" (a half needs its article).
    let ordinal_at = if w.lower == "the" { i + 1 } else { i };
    // "the last half of 1989" is its second half; "the last quarter" alone is the one before.
    let last_of = |count: i64| (at(words, ordinal_at + 2) == "of" && ordinal_at > i).then_some(count);
    let index = match (at(words, ordinal_at), at(words, ordinal_at + 1)) {
        ("last", "half") => last_of(2),
        ("last", "quarter") => last_of(4),
        (word, _) => lexicon::ordinal(word),
    }?;
    let code = match at(words, ordinal_at + 1) {
        "quarter" if index <= 4 => "Q",
        "half" if index <= 2 && ordinal_at > i => "H",
        _ => return None,
    };
    let of = ordinal_at + 2;
    if at(words, of) == "of" {
        if let Some(y) = year_number(words, of + 1) {
            return date(i, of + 1, Val::Part { year: Some(y), code, index: index as i8, shift: Shift::Tense });
        }
        if !matches!(at(words, of + 1), "this" | "last" | "next" | "the") || at(words, of + 2) != "year" {
            return None; // "the second half of the match"
        }
    }
    date(i, ordinal_at + 1, Val::Part { year: None, code, index: index as i8, shift: Shift::Tense })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Analysis;

    /// Trying at each word only the patterns its type leads finds what trying all twenty
    /// does, at every word of the time cases, the newswire cases, the seeds and a text of
    /// the rarer forms (possessives, plurals, glued dates, hyphenated words): a lead that
    /// misses a word its pattern matches at fails here.
    #[test]
    fn the_patterns_a_word_leads_find_what_every_pattern_does() {
        let rare = "Tuesday's vote, Mondays and Fridays, the mid-1990s, mid-March, late-2019, the '80s, \
                    Christmas Eve, last Easter, the year two thousand, nineteen ninety-six, twice a week, \
                    $5 a day, every other Monday, several days, for years, the 20th century, a 21st century \
                    idea, the 3rd quarter, a weak third-quarter, the year-ago quarter, year-earlier profit, \
                    that day, the same week, 10-22 August, Sep-2012, Sun 15SEP, 1h, 5min, fiscal 2015, \
                    at least two weeks, more than a year, half an hour, 1.5 hours, 2 1/2 years, noon, \
                    high noon, 11 at night, 6 in the morning, 3pm EST, these days, this past week, \
                    the following Monday, the previous Friday, the end of the year, early 2015, the \
                    future, the nineties, the weekend, currently, the first half of 2015, daily, hourly, \
                    in the summer, during the winter of 2012, since the spring, by the fall.";
        let texts = [
            include_str!("../../../tests/times/cases.txt"),
            include_str!("../../../tests/times/newswire.txt"),
            include_str!("../../../seeds/000_0fd34084faa5bae6.txt"),
            include_str!("../../../seeds/001_ddc230640fc26185.txt"),
            include_str!("../../../seeds/002_d36ad5dd4b322242.txt"),
            include_str!("../../../seeds/003_5f257b789f0137ba.txt"),
            rare,
        ];
        let (mut tried, mut found) = (0, 0);
        for text in texts {
            let analysis = Analysis::of_text(text);
            let kinds = super::super::words::Kinds::of(&analysis);
            let mut words = Vec::new();
            for sentence in &analysis.sentences {
                super::super::words::of_sentence(&analysis, sentence, &kinds, &mut words);
                // The positions `scan` tries: those whose word may start an expression.
                for i in (0..words.len()).filter(|&i| words[i].starts()) {
                    let all = longest_of_all(&words, i);
                    assert_eq!(
                        longest(&words, i),
                        all,
                        "at {:?} in {:?}",
                        words[i].lower,
                        &text[sentence.span.start..sentence.span.end]
                    );
                    tried += 1;
                    found += usize::from(all.is_some());
                }
            }
        }
        assert!(tried > 1_000 && found > 400, "{tried} words tried, {found} expressions found");
        // Most words lead no pattern, and a common lead only a few.
        let description = |k: &str| crate::text::lexicon::describe(k);
        assert_eq!(leads("said", &description("said")), 0);
        assert!(leads("the", &description("the")).count_ones() <= 8);
    }
}
