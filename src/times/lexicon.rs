//! Word tables of time expressions: number words, calendar units, seasons, parts of the day,
//! frequency adverbs and vague references. Month and weekday names are `calendar`'s.
//!
//! Which words bear time or may start an expression is asked once per word type of every
//! document: [`flags`] answers from a table of every such word, built once from the rules,
//! so that the many other words cost at most one hash lookup.

use crate::text::FxBuildHasher;
use crate::text::{Classes, Description};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A calendar unit of a duration, an offset or a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration letter(s), and whether it is a time (`PT`) unit.
    pub(crate) fn duration_code(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week | Unit::Weekend => ("W", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }
}

/// The unit a (lowercase) word names, singular or plural, or abbreviated (`hrs`, `min`,
/// `qtr`); `year-long` forms are cut before.
pub(crate) fn unit(word: &str) -> Option<Unit> {
    if word == "nights" {
        return Some(Unit::Day); // "four nights"; a single "night" is a part of the day
    }
    match word {
        "h" => return Some(Unit::Hour), // "1h ago", once `1h` is split (see `words`)
        "second" => return None,        // mostly the ordinal ("the second quarter")
        _ => {}
    }
    let singular = word.strip_suffix('s').unwrap_or(word);
    Some(match singular {
        "second" | "sec" => Unit::Second,
        "minute" | "min" => Unit::Minute,
        "hour" | "hr" => Unit::Hour,
        "day" => Unit::Day,
        "week" | "wk" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "quarter" | "qtr" => Unit::Quarter,
        "year" | "yr" => Unit::Year,
        "decade" => Unit::Decade,
        "century" | "centurie" => Unit::Century,
        _ => return None,
    })
}

/// The rule of [`BEARS`]: true when a word (a token key) can carry a time expression's
/// meaning, so that every
/// expression has one: a month or weekday (plural too), a calendar unit, a season, a part of
/// the day, a frequency or vague word, a deictic day, `noon`, `half`, or a hyphenated word
/// with such a part (`three-year`, `mid-March`). Numbers bear time by their token kind.
/// Words that only lead into an expression (`the`, `last`, `a`, `every`) do not.
fn bears_time_by_rule(key: &str, description: &Description) -> bool {
    if description.classes.intersects(Classes::MONTH | Classes::WEEKDAY) {
        return true;
    }
    let word = key.strip_suffix("'s").unwrap_or(key);
    let one = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || unit(w).is_some()
            || season(w).is_some()
            || part_of_day(w).is_some()
            || frequency(w).is_some()
            || vague(w).is_some()
            || decade_word(w).is_some()
            // The lexicon's table knows months and weekdays ("Mondays" is a set of them).
            || crate::text::lexicon::describe(w.strip_suffix('s').filter(|_| w.ends_with("days")).unwrap_or(w))
                .classes
                .intersects(Classes::MONTH | Classes::WEEKDAY)
            || matches!(
                w,
                "today"
                    | "tonight"
                    | "yesterday"
                    | "tomorrow"
                    | "future"
                    | "past"
                    | "present"
                    | "noon"
                    | "midday"
                    | "midnight"
                    | "half"
                    | "period"
                    | "nineteen"
                    | "eighteen"
                    | "twenty"
                    | "thousand"
                    | "christmas"
                    | "halloween"
                    | "thanksgiving"
                    | "easter"
            )
    };
    one(word) || (has_hyphen(word) && word.split('-').any(one))
}

/// True when `word` holds a hyphen (`three-year`, `sep-2012`), as `word.contains('-')`
/// answers: asked of every word type of a document, twice ([`super::words::Kinds`] and
/// [`flags`]) and of a type that may start an expression ([`super::recognize::leads`]), where
/// `contains` calls `memchr` (about 45 instructions a key of news); here eight bytes at a step
/// ([`crate::bytes::bytes_equal`]), one step for most keys: about 20 (-0.14 M on 2 MB).
/// A key's bytes are UTF-8, in which the byte of `-` is never part of a wider character.
pub(crate) fn has_hyphen(word: &str) -> bool {
    use crate::bytes::{bytes_equal, word_le};
    // A short chunk is zero-padded: a zero byte is no hyphen.
    word.as_bytes().chunks(8).any(|chunk| bytes_equal(word_le(chunk), b'-') != 0)
}

/// True when the unit word is plural (`days`), which licenses a vague `PXD` duration.
pub(crate) fn is_plural_unit(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss") && unit(word).is_some()
}

/// `word` split at its first hyphen (`twenty-four`, `three-year`). The patterns ask this of
/// most words near a number, which are short: a byte loop costs a few instructions where
/// `split_once`'s searcher cost some eighty.
pub(crate) fn split_hyphen(word: &str) -> Option<(&str, &str)> {
    let at = word.bytes().position(|b| b == b'-')?;
    // `-` is one ASCII byte, so both offsets are character boundaries; `get` says so anyway.
    Some((word.get(..at)?, word.get(at + 1..)?))
}

/// The value of a cardinal number word or numeral (`three`, `a`, `12`, `twenty-one`).
///
/// The word lists are `match`es, which compile to a test of the length and then of the few
/// words of that length: the patterns ask this of most words near a number, and walking a
/// list compared every word.
pub(crate) fn cardinal(word: &str) -> Option<i64> {
    /// `zero` to `twenty`.
    fn small(word: &str) -> Option<i64> {
        Some(match word {
            "zero" => 0,
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            _ => return None,
        })
    }
    /// `thirty` to `ninety`.
    fn tens(word: &str) -> Option<i64> {
        Some(match word {
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            _ => return None,
        })
    }
    if let Some(n) = small(word).or_else(|| tens(word)) {
        return Some(n);
    }
    if let Some((t, ones)) = split_hyphen(word) {
        // `twenty` is a small number, but it is tens all the same (`twenty-four`).
        let t = if t == "twenty" { Some(20) } else { tens(t) }?;
        let o = small(ones).filter(|o| (1..10).contains(o))?;
        return Some(t + o);
    }
    match word {
        "a" | "an" => Some(1),
        "hundred" => Some(100),
        _ if !word.is_empty() && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()) => word.parse().ok(),
        _ => None,
    }
}

/// Adjectives that may stand between a count and its unit: "eight consecutive months".
pub(crate) fn is_count_adjective(word: &str) -> bool {
    matches!(
        word,
        "consecutive"
            | "straight"
            | "full"
            | "more"
            | "additional"
            | "long"
            | "whole"
            | "successive"
            | "further"
            | "extra"
    )
}

/// Words for an unknown count (`several days` → `PXD`).
pub(crate) fn is_vague_count(word: &str) -> bool {
    matches!(word, "several" | "few" | "many" | "some" | "couple")
}

/// Ordinal words and numerals (`third`, `3rd`, `twenty-fourth`), for quarters, centuries and
/// days of the month.
pub(crate) fn ordinal(word: &str) -> Option<i64> {
    /// `first` to `nineteenth` (a `match`, as in [`cardinal`]).
    fn small(word: &str) -> Option<i64> {
        Some(match word {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "sixth" => 6,
            "seventh" => 7,
            "eighth" => 8,
            "ninth" => 9,
            "tenth" => 10,
            "eleventh" => 11,
            "twelfth" => 12,
            "thirteenth" => 13,
            "fourteenth" => 14,
            "fifteenth" => 15,
            "sixteenth" => 16,
            "seventeenth" => 17,
            "eighteenth" => 18,
            "nineteenth" => 19,
            _ => return None,
        })
    }
    if let Some(n) = small(word) {
        return Some(n);
    }
    match word {
        "twentieth" => return Some(20),
        "thirtieth" => return Some(30),
        _ => {}
    }
    if let Some((tens, ones)) = split_hyphen(word) {
        let tens = match tens {
            "twenty" => 20,
            "thirty" => 30,
            _ => return None,
        };
        return small(ones).filter(|n| *n <= 9).map(|n| tens + n);
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if matches!(suffix, "st" | "nd" | "rd" | "th") && !digits.is_empty() && digits.len() <= 2 {
        return digits.parse().ok();
    }
    None
}

/// A season and its TIMEX3 code.
pub(crate) fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// The month (1–12) a season begins in, to place it relative to a reference date.
pub(crate) fn season_month(code: &str) -> i8 {
    match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// A part of the day and its TIMEX3 code.
pub(crate) fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// Single words that are sets: `weekly` → `P1W`. Adjectives that classify rather than
/// repeat ("the annual meeting", "a quarterly dividend") are not listed: TIMEX3 leaves them
/// out.
pub(crate) fn frequency(word: &str) -> Option<&'static str> {
    Some(match word {
        "hourly" => "PT1H",
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "biweekly" => "P2W",
        "monthly" => "P1M",
        "yearly" | "annually" => "P1Y",
        _ => return None,
    })
}

/// Single words that are vague references to the present, past or future ("previously" and
/// "formerly" order events rather than date them, and TIMEX3 leaves them out).
pub(crate) fn vague(word: &str) -> Option<&'static str> {
    Some(match word {
        "now" | "currently" | "nowadays" => "PRESENT_REF",
        "recently" | "lately" => "PAST_REF",
        _ => return None,
    })
}

/// Words whose nearness marks a future-time clause: modals, plans, schedules.
fn is_future_marker(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "’ll"
            | "'ll"
            | "shall"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "going"
            | "scheduled"
            | "expected"
            | "planned"
            | "plans"
            | "plan"
            | "hopes"
            | "hope"
            | "due"
            | "upcoming"
            | "coming"
            | "next"
            | "wo"
            | "intends"
            | "let's"
            | "lets"
    ) || word.ends_with("’ll")
        || word.ends_with("'ll")
}

/// Words whose nearness marks a past-time clause: the past of common reporting and action
/// verbs that do not end in `-ed`.
fn is_past_marker(word: &str) -> bool {
    // A `matches!` (the compiler dispatches on the length first), not a list walked word by
    // word: this runs for every word type of a sentence that bears time.
    let irregular = matches!(
        word,
        "said"
            | "told"
            | "was"
            | "were"
            | "had"
            | "did"
            | "met"
            | "went"
            | "came"
            | "sent"
            | "gave"
            | "took"
            | "made"
            | "began"
            | "left"
            | "spoke"
            | "wrote"
            | "held"
            | "saw"
            | "knew"
            | "thought"
            | "brought"
            | "won"
            | "lost"
            | "fell"
            | "rose"
            | "led"
            | "ran"
            | "paid"
            | "sold"
            | "bought"
            | "struck"
            | "hit"
            | "got"
            | "found"
            | "put"
            | "set"
            | "shot"
            | "became"
            | "broke"
            | "chose"
            | "drew"
            | "flew"
            | "fought"
            | "felt"
            | "heard"
            | "kept"
            | "meant"
            | "read"
            | "sat"
            | "stood"
            | "threw"
            | "tried"
            | "agreed"
            | "ago"
            | "last"
            | "earlier"
            | "yesterday"
            | "ended"
            | "signed"
    );
    irregular
        || (word.len() > 4
            && word.ends_with("ed")
            && !matches!(
                word,
                "need" | "speed" | "seed" | "proceed" | "exceed" | "succeed" | "indeed" | "breed" | "feed"
            ))
}

/// Words that make the following `-ed` participle a passive or perfect, not a past tense.
fn is_auxiliary(word: &str) -> bool {
    matches!(word, "be" | "been" | "being" | "is" | "are" | "am" | "have" | "has" | "get" | "gets" | "to")
}

/// Words that make a weekday after them part of a holiday's name ("Good Friday", "Super
/// Tuesday", "Palm Sunday"): the calendar's named days, not dates of the story.
pub(crate) fn is_holiday_qualifier(word: &str) -> bool {
    matches!(
        word,
        "good"
            | "black"
            | "holy"
            | "ash"
            | "palm"
            | "easter"
            | "super"
            | "cyber"
            | "bloody"
            | "maundy"
            | "shrove"
            | "giving"
    )
}

/// The rule of [`STARTS`]: true when a word that bears no time may still open an expression ("the end of", "a
/// week", "three days", "next", "every"), so that the recognizer tries patterns there; other
/// words start none.
fn starts_by_rule(key: &str) -> bool {
    cardinal(key).is_some()
        || ordinal(key).is_some()
        || is_vague_count(key)
        || matches!(
            key,
            "the"
                | "more"
                | "less"
                | "fewer"
                | "at"
                | "up"
                | "about"
                | "nearly"
                | "almost"
                | "roughly"
                | "approximately"
                | "around"
                | "~"
                | "this"
                | "current"
                | "last"
                | "past"
                | "next"
                | "recent"
                | "coming"
                | "early"
                | "late"
                | "mid"
                | "earlier"
                | "later"
                | "end"
                | "beginning"
                | "start"
                | "middle"
                | "fiscal"
                | "every"
                | "each"
                | "once"
                | "twice"
                | "thrice"
                | "per"
                | "that"
                | "same"
                | "these"
                | "latest"
                | "most"
                // The first words of holidays' names (see [`holiday`]).
                | "new"
                | "boxing"
                | "valentine"
                | "veterans"
                | "labor"
                | "memorial"
                | "mother"
                | "father"
                | "election"
                | "good"
        )
}

/// What the table knows of a word: (bears time, may start an expression).
type Flags = (bool, bool);

/// Every word (not a number, not hyphenated) that bears time or may start an expression,
/// with its flags: generated generously from the word lists and kept when a rule says so,
/// so that the rules stay the one definition.
fn table() -> &'static HashMap<Box<str>, Flags, FxBuildHasher> {
    static TABLE: OnceLock<HashMap<Box<str>, Flags, FxBuildHasher>> = OnceLock::new();
    TABLE.get_or_init(|| {
        const STEMS: &[&str] = &[
            "second",
            "sec",
            "minute",
            "min",
            "hour",
            "hr",
            "h",
            "day",
            "week",
            "wk",
            "weekend",
            "month",
            "quarter",
            "qtr",
            "year",
            "yr",
            "decade",
            "century",
            "centurie",
            "night",
            "spring",
            "summer",
            "autumn",
            "fall",
            "winter",
            "morning",
            "afternoon",
            "evening",
            "hourly",
            "daily",
            "nightly",
            "weekly",
            "biweekly",
            "monthly",
            "quarterly",
            "yearly",
            "annually",
            "annual",
            "now",
            "currently",
            "nowadays",
            "recently",
            "lately",
            "previously",
            "formerly",
            "today",
            "tonight",
            "yesterday",
            "tomorrow",
            "future",
            "past",
            "present",
            "noon",
            "midday",
            "midnight",
            "half",
            "period",
            "thousand",
            "hundred",
            "the",
            "a",
            "an",
            "more",
            "less",
            "fewer",
            "at",
            "up",
            "about",
            "nearly",
            "almost",
            "roughly",
            "approximately",
            "around",
            "~",
            "this",
            "current",
            "last",
            "next",
            "recent",
            "coming",
            "early",
            "late",
            "mid",
            "earlier",
            "later",
            "end",
            "beginning",
            "start",
            "middle",
            "fiscal",
            "every",
            "each",
            "once",
            "twice",
            "thrice",
            "per",
            "that",
            "same",
            "these",
            "latest",
            "most",
            "several",
            "few",
            "many",
            "some",
            "couple",
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
            // Holidays (see [`holiday`]).
            "christmas",
            "halloween",
            "thanksgiving",
            "easter",
            "new",
            "boxing",
            "valentine",
            "veterans",
            "labor",
            "memorial",
            "mother",
            "father",
            "election",
            "good",
        ];
        const ONES: &[&str] = &[
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "thirtieth",
        ];
        let mut forms: Vec<String> = Vec::new();
        for w in STEMS.iter().chain(ONES) {
            forms.push(w.to_string());
            forms.push([w, "s"].concat());
        }
        for tens in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"] {
            for one in &ONES[1..10] {
                forms.push([tens, "-", one].concat());
            }
            for nth in &ONES[29..38] {
                forms.push([tens, "-", nth].concat());
            }
        }
        for (day, _) in crate::calendar::WEEKDAYS {
            forms.push([day, "s"].concat());
        }
        forms
            .into_iter()
            .filter_map(|form| {
                let flags = (bears_time_by_rule(&form, &Description::default()), starts_by_rule(&form));
                (flags != (false, false)).then(|| (form.into_boxed_str(), flags))
            })
            .collect()
    })
}

/// [`flags`]: the word bears time (see [`bears_time_by_rule`]).
pub(crate) const BEARS: u8 = 1;
/// [`flags`]: an expression may start at the word (it bears time, or see [`starts_by_rule`]).
pub(crate) const STARTS: u8 = 2;
/// No word of the table is longer than this: longer words need no lookup.
const LONGEST_TABLE_WORD: usize = 15;

/// What the recognizer needs to know of a word type (a key and what the lexicon says of
/// it), as [`BEARS`] and [`STARTS`] bits: months, weekdays and numbers by their description
/// or first digit, other words by one lookup in the table, hyphenated words by their parts.
pub(crate) fn flags(key: &str, description: &Description) -> u8 {
    let word = key.strip_suffix("'s").unwrap_or(key);
    // A possessive's description is not the word's ("February's").
    let description = if word.len() < key.len() { crate::text::lexicon::describe(word) } else { *description };
    if description.classes.intersects(Classes::MONTH | Classes::WEEKDAY)
        || word.starts_with(|c: char| c.is_ascii_digit())
    {
        return BEARS | STARTS;
    }
    if word.len() <= LONGEST_TABLE_WORD {
        if let Some(&(bears, starts)) = table().get(word) {
            return if bears {
                BEARS | STARTS
            } else if starts {
                STARTS
            } else {
                0
            };
        }
    }
    // Hyphenated words bear time by a part ("three-year", "mid-March"); the rest do not.
    if has_hyphen(word) && bears_time_by_rule(word, &description) {
        BEARS | STARTS
    } else {
        0
    }
}

/// [`tense_class`]: a modal or plan word ("will", "expected").
pub(crate) const FUTURE: u8 = 1;
/// [`tense_class`]: a past form ("said", "voted").
pub(crate) const PAST: u8 = 2;
/// [`tense_class`]: an auxiliary that makes an `-ed` form after it a participle ("has").
pub(crate) const AUXILIARY: u8 = 4;

/// The tense markers a word is, as [`FUTURE`], [`PAST`] and [`AUXILIARY`] bits.
pub(crate) fn tense_class(word: &str) -> u8 {
    let mut class = 0;
    if is_future_marker(word) {
        class |= FUTURE;
    }
    if is_past_marker(word) {
        class |= PAST;
    }
    if is_auxiliary(word) {
        class |= AUXILIARY;
    }
    class
}

/// A holiday's day in a given year: a fixed date, the `n`th weekday of a month (`n` < 0
/// counts from the month's end), or a day counted from Easter Sunday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(i8, i8),
    NthWeekday {
        month: i8,
        weekday: jiff::civil::Weekday,
        n: i8,
    },
    /// Election Day in the United States: the Tuesday after the first Monday of November.
    Election,
    Easter(i8),
}

impl Holiday {
    /// The holiday's day in `year`.
    pub(crate) fn date(self, year: i16) -> Option<jiff::civil::Date> {
        use jiff::civil::{Date, Weekday};
        match self {
            Holiday::Fixed(month, day) => Date::new(year, month, day).ok(),
            Holiday::NthWeekday { month, weekday, n } => {
                let first = Date::new(year, month, 1).ok()?;
                // OK because `since` is 0..=6 and `n` is small: no overflow.
                let first_such = crate::calendar::add_days(first, i64::from(weekday.since(first.weekday())))?;
                if n > 0 {
                    crate::calendar::add_days(first_such, 7 * i64::from(n - 1))
                } else {
                    let last = first.last_of_month();
                    crate::calendar::add_days(last, -i64::from(last.weekday().since(weekday)) + 7 * i64::from(n + 1))
                }
            }
            Holiday::Election => {
                let first = Date::new(year, 11, 1).ok()?;
                crate::calendar::add_days(first, i64::from(Weekday::Monday.since(first.weekday())) + 1)
            }
            Holiday::Easter(offset) => crate::calendar::add_days(easter(year)?, i64::from(offset)),
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm).
fn easter(year: i16) -> Option<jiff::civil::Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    jiff::civil::Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The holiday named by the words `a b c` (folded keys, possessives cut: `new year day`),
/// and how many of them the name takes. Holidays observed widely in English-language news
/// (the United States' where countries differ); a holiday's rule is calendar arithmetic.
pub(crate) fn holiday(a: &str, b: &str, c: &str) -> Option<(Holiday, usize)> {
    HOLIDAYS
        .iter()
        .find(|(x, y, z, _)| *x == a && (y.is_empty() || *y == b) && (z.is_empty() || *z == c))
        .map(|&(_, y, z, rule)| (rule, 1 + usize::from(!y.is_empty()) + usize::from(!z.is_empty())))
}

/// True when a holiday's name starts with `word` (see [`holiday`]).
pub(crate) fn opens_holiday(word: &str) -> bool {
    HOLIDAYS.iter().any(|(x, ..)| *x == word)
}

/// The holidays' names, by their words (see [`holiday`]): the longer name first ("christmas
/// day" before "christmas"); "" matches any word.
const HOLIDAYS: [(&str, &str, &str, Holiday); 20] = {
    use jiff::civil::Weekday::{Monday, Sunday, Thursday};
    use Holiday::{Easter, Election, Fixed, NthWeekday};
    [
        ("new", "year", "day", Fixed(1, 1)),
        ("new", "year", "eve", Fixed(12, 31)),
        ("christmas", "eve", "", Fixed(12, 24)),
        ("christmas", "day", "", Fixed(12, 25)),
        ("christmas", "", "", Fixed(12, 25)),
        ("boxing", "day", "", Fixed(12, 26)),
        ("halloween", "", "", Fixed(10, 31)),
        ("valentine", "day", "", Fixed(2, 14)),
        ("veterans", "day", "", Fixed(11, 11)),
        ("thanksgiving", "day", "", NthWeekday { month: 11, weekday: Thursday, n: 4 }),
        ("thanksgiving", "", "", NthWeekday { month: 11, weekday: Thursday, n: 4 }),
        ("labor", "day", "", NthWeekday { month: 9, weekday: Monday, n: 1 }),
        ("memorial", "day", "", NthWeekday { month: 5, weekday: Monday, n: -1 }),
        ("mother", "day", "", NthWeekday { month: 5, weekday: Sunday, n: 2 }),
        ("father", "day", "", NthWeekday { month: 6, weekday: Sunday, n: 3 }),
        ("election", "day", "", Election),
        ("easter", "sunday", "", Easter(0)),
        ("easter", "monday", "", Easter(1)),
        ("easter", "", "", Easter(0)),
        ("good", "friday", "", Easter(-2)),
    ]
};

/// The tens digit of a decade said in words (`nineties` → 9), for `the nineties`.
pub(crate) fn decade_word(word: &str) -> Option<u8> {
    let tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
    tens.iter().position(|t| *t == word).map(|p| p as u8 + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`has_hyphen`] answers as `contains('-')` over keys of every length up to 40 bytes with
    /// a hyphen at each place or none, among ASCII letters, digits and wide characters (`–`,
    /// `é`, `’`), and with a byte next to `-` in value (`,`, `.`) in its place.
    #[test]
    fn has_hyphen_is_contains() {
        let fillers = ["a", "7", "–", "é", "’", ",", ".", "z"];
        let (mut keys, mut hyphens) = (0, 0);
        for len in 0..40 {
            for (f, filler) in fillers.iter().enumerate() {
                let plain: String =
                    (0..len).map(|k| if k % 3 == 0 { fillers[(f + k) % fillers.len()] } else { filler }).collect();
                assert_eq!(has_hyphen(&plain), plain.contains('-'), "{plain:?}");
                let n = plain.chars().count();
                for at in 0..=n {
                    let with: String = plain.chars().take(at).chain(['-']).chain(plain.chars().skip(at)).collect();
                    assert_eq!(has_hyphen(&with), with.contains('-'), "{with:?}");
                    let other: String =
                        plain.chars().take(at).chain([',', '.']).chain(plain.chars().skip(at)).collect();
                    assert_eq!(has_hyphen(&other), other.contains('-'), "{other:?}");
                    keys += 3;
                    hyphens += 1;
                }
            }
        }
        assert!(keys > 5_000 && hyphens > 1_000, "{keys} keys, {hyphens} with a hyphen");
    }
}
