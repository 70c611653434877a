//! Dates as typed values ([`Stamp`]) and the whole-string dates and times of metadata: front
//! matter, HTML meta, datelines, comment stamps (`2015-06-09T09:15:00Z`, `Tuesday, June 09,
//! 2015 at 9:15 am`, `June 9, 2015 @ 7:40 am`, `9 June 2015`, `Tue, 09 Jun 2015 09:15:00 -0500`).
//! [`parse_iso`] is the one ISO 8601 reader of the crate; a stamp is written as text only when
//! the contract is serialized.
//!
//! Parsing reads bytes or splits at ASCII separators, so no input can split a character.
//!
//! A string parses only when every word in it is part of the date, so a sentence that merely
//! contains a date is not a dateline. Time expressions inside running text are `times`' job;
//! the month and weekday tables here are shared with it. Calendar arithmetic is jiff's.

use jiff::civil::{Date, Time, Weekday};
use std::fmt;
use std::ops::RangeInclusive;

/// The years a date is read in: a four-digit year in text, a publication date given with an
/// article, a filter's day. A date outside them is a slip, not news: "3/4/25" typed into a
/// browser's date field is 4 March of the year 25, and "0002-03-01" is "03012009" half typed.
pub const YEARS: RangeInclusive<i16> = 1000..=2199;

/// A calendar date with an optional time of day (no time zone: news datelines are local).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    pub date: Date,
    pub time: Option<Time>,
}

impl fmt::Display for Stamp {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, as in the contract.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.date.year(), self.date.month(), self.date.day())?;
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}", t.hour(), t.minute())?;
        }
        Ok(())
    }
}

pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number (1–12) of a month name or its usual abbreviation (`Feb`, `Feb.`, `Sept`), in
/// any case. Allocates nothing: the token view calls it for every distinct word.
pub(crate) fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    // No name is longer than `september`; a name or abbreviation starts as its month does, so
    // only the months of that first letter are compared (most words have none).
    let first = w.as_bytes().first()?.to_ascii_lowercase();
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    // OK to slice `m` at `w.len()`: month names are ASCII and at least that long when checked
    // (and to read their first byte: none is empty).
    let abbreviates = |m: &str| w.len() <= 4 && m.len() >= w.len() && m[..w.len()].eq_ignore_ascii_case(w);
    let found = MONTHS.iter().position(|m| {
        m.as_bytes()[0] == first
            && (m.eq_ignore_ascii_case(w) || (abbreviates(m) && (w.len() == 3 || w.eq_ignore_ascii_case("sept"))))
    });
    found.map(|i| i as i8 + 1)
}

pub(crate) const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Weekday of a name or abbreviation (`Tuesday`, `Tue`, `Tues.`), in any case. Allocates
/// nothing.
pub(crate) fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches('.');
    // As in `month_number`: no name is longer than `wednesday`, and only the weekdays of the
    // word's first letter are compared.
    let first = w.as_bytes().first()?.to_ascii_lowercase();
    if w.len() < 3 || w.len() > 9 || !w.is_ascii() {
        return None;
    }
    // OK to slice `name` at `w.len()`: weekday names are ASCII and checked to be that long
    // (and to read their first byte: none is empty).
    let abbreviates = |name: &str| w.len() <= 5 && name.len() >= w.len() && name[..w.len()].eq_ignore_ascii_case(w);
    WEEKDAYS
        .iter()
        .find(|(name, _)| name.as_bytes()[0] == first && (name.eq_ignore_ascii_case(w) || abbreviates(name)))
        .map(|(_, d)| *d)
}

/// Words allowed in a stamp besides its date and time parts.
const FILLER: &[&str] = &[
    "at", "on", "@", ",", "-", "–", "|", "gmt", "utc", "z", "the", "of", "et", "est", "edt", "pst", "pdt", "bst", "cet",
];

/// `d` moved by `n` days. Day arithmetic goes through `SignedDuration`, not `jiff::Span`:
/// spans carry calendar units, rounding and time zones, which would triple the wasm size.
pub(crate) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::SignedDuration::from_hours(n.checked_mul(24)?)).ok()
}

/// `d` moved by `n` calendar months, the day clamped to the end of a shorter month.
pub(crate) fn add_months(d: Date, n: i64) -> Option<Date> {
    let months = i64::from(d.year()) * 12 + i64::from(d.month() - 1) + n;
    let year = i16::try_from(months.div_euclid(12)).ok()?;
    let month = months.rem_euclid(12) as i8 + 1;
    let first = Date::new(year, month, 1).ok()?;
    Date::new(year, month, d.day().min(first.days_in_month())).ok()
}

/// Whole days from `b` to `a` (negative when `a` is earlier).
pub(crate) fn days_between(a: Date, b: Date) -> i64 {
    a.duration_since(b).as_hours() / 24
}

/// True for a valid `YYYY-MM-DD` date.
pub fn is_date(s: &str) -> bool {
    s.len() == 10 && parse_iso(s).is_some()
}

/// True for a valid `YYYY-MM-DD` date or `YYYY-MM-DDTHH:MM` date and time (as the `--dct`
/// flag takes: "15 minutes ago" is a time of day only against a time of day).
pub fn is_date_or_time(s: &str) -> bool {
    (s.len() == 10 || s.len() == 16 && s.as_bytes().get(10) == Some(&b'T')) && parse_iso(s).is_some()
}

/// Parses a string that is wholly a date, optionally with a time of day.
pub(crate) fn parse_stamp(s: &str) -> Option<Stamp> {
    let s = s.trim();
    // Every stamp has a year in digits: most lines a parser asks about (body text) stop here.
    if s.is_empty() || s.len() > 80 || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    parse_iso(s).or_else(|| parse_words(s))
}

/// The one ISO 8601 reader: `2015-06-09`, `2015-06-09T09:15`, `2015-06-09 09:15:00+01:00`,
/// `2015-06-09T09:15:00.000Z`. Seconds, fractions and a zone are allowed after the minutes
/// and ignored (news times are kept local).
///
/// It reads bytes, never slices the string: a multibyte character anywhere makes the input
/// fail to parse instead of splitting a character.
pub fn parse_iso(s: &str) -> Option<Stamp> {
    let b = s.as_bytes();
    let number = |at: usize, len: usize| -> Option<i32> {
        let digits = b.get(at..at + len)?;
        digits.iter().all(u8::is_ascii_digit).then(|| digits.iter().fold(0, |n, d| n * 10 + i32::from(d - b'0')))
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let date = ymd(number(0, 4)?, number(5, 2)?, number(8, 2)?)?;
    let Some(&separator) = b.get(10) else {
        return Some(Stamp { date, time: None });
    };
    if !matches!(separator, b'T' | b't' | b' ') || b.get(13) != Some(&b':') {
        return None;
    }
    let zone_or_seconds = b.get(16).map_or(true, |c| matches!(c, b':' | b'.' | b'Z' | b'z' | b'+' | b'-' | b' '));
    let time = Time::new(i8::try_from(number(11, 2)?).ok()?, i8::try_from(number(14, 2)?).ok()?, 0, 0).ok()?;
    zone_or_seconds.then_some(Stamp { date, time: Some(time) })
}

/// The day of a TIMEX3 value of the commonest form, `YYYY-MM-DD` (alone, or before `T` and a
/// time with no `/`), read by bytes with [`parse_iso`]; `None` for any other value, and for
/// one of that form that names no day (`2015-02-30`), which the general readers of values
/// (`times::resolve::period_of`, `events::range`) turn down too. Splitting and parsing a value
/// there takes some 800 instructions, and times, events and the search read values by the
/// thousand: they ask this first.
pub(crate) fn day_of_value(value: &str) -> Option<Date> {
    let b = value.as_bytes();
    let alone = b.len() == 10 || b.get(10) == Some(&b'T') && !b.contains(&b'/');
    // OK because byte 10 of a value of the form is its end or a `T`, a char boundary; `get`
    // is `None` for a shorter value.
    Some(parse_iso(value.get(..10).filter(|_| alone)?)?.date)
}

impl std::str::FromStr for Stamp {
    type Err = InvalidStamp;

    /// The contract's own form (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, or any ISO 8601 stamp),
    /// in any year.
    fn from_str(s: &str) -> Result<Stamp, InvalidStamp> {
        parse_iso(s).ok_or_else(|| InvalidStamp::NotADate(s.chars().take(40).collect()))
    }
}

impl Stamp {
    /// A date a person gave (the publication date typed with an article): the contract's form,
    /// in one of the [`YEARS`].
    ///
    /// # Errors
    /// When `s` is not a date, or its year is outside the [`YEARS`].
    pub fn given(s: &str) -> Result<Stamp, InvalidStamp> {
        let stamp: Stamp = s.parse()?;
        if YEARS.contains(&stamp.date.year()) {
            Ok(stamp)
        } else {
            Err(InvalidStamp::OutsideYears(s.chars().take(40).collect()))
        }
    }
}

/// A string that is not an ISO 8601 date, or one outside the [`YEARS`] (the text, cut to 40
/// characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvalidStamp {
    NotADate(String),
    OutsideYears(String),
}

impl fmt::Display for InvalidStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvalidStamp::NotADate(s) => write!(f, "`{s}` is not a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)"),
            InvalidStamp::OutsideYears(s) => {
                write!(f, "`{s}` is not in the years {} to {}", YEARS.start(), YEARS.end())
            }
        }
    }
}

impl std::error::Error for InvalidStamp {}

/// Stamps cross the contract as their `Display` form: formatted only when it is written.
impl serde::Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Stamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Stamp, D::Error> {
        let s = <std::borrow::Cow<str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A run of ASCII digits (at most nine, so that it fits).
fn num(s: &str) -> Option<i32> {
    (!s.is_empty() && s.len() <= 9 && s.bytes().all(|c| c.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// The longest word a stamp's reader lowercases without an allocation: longer words are no
/// part of a date, but are lowercased all the same (into a `String`).
const LOWER_BUFFER: usize = 48;

/// `word` in ASCII lowercase, in `buffer` when it fits, else in `spill`. A stamp's words are
/// lowercased one by one, and a `String` for each was most of the cost of reading a line that
/// is no date.
fn ascii_lowercase_in<'a>(word: &str, buffer: &'a mut [u8; LOWER_BUFFER], spill: &'a mut String) -> &'a str {
    match buffer.get_mut(..word.len()) {
        Some(bytes) => {
            bytes.copy_from_slice(word.as_bytes());
            bytes.make_ascii_lowercase();
            // OK because lowercasing ASCII bytes keeps UTF-8 valid; never the default.
            std::str::from_utf8(bytes).unwrap_or_default()
        }
        None => {
            *spill = word.to_ascii_lowercase();
            spill
        }
    }
}

/// Month-name and numeric forms, in any of the usual orders, with an optional time.
fn parse_words(s: &str) -> Option<Stamp> {
    let (mut year, mut month, mut day) = (None::<i32>, None::<i32>, None::<i32>);
    let mut clock = Clock::default();
    // A third bare number makes no date (a year and a day at most), so two are kept.
    let mut bare_numbers = [0; 2];
    let mut bare = 0;
    let mut buffer = [0u8; LOWER_BUFFER];
    let mut spill = String::new();
    for word in words(s) {
        let lower = ascii_lowercase_in(word, &mut buffer, &mut spill);
        if let Some(m) = month_number(word).filter(|_| month.is_none()) {
            month = Some(m as i32);
        } else if weekday(word).is_some() || FILLER.contains(&lower) || clock.read(lower) {
        } else if let Some((a, b, c)) = slashed(lower) {
            // US order (month/day/year) unless the first part cannot be a month.
            let (m, d) = if a > 12 { (b, a) } else { (a, b) };
            (month, day, year) = (Some(m), Some(d), Some(if c < 100 { c + 2000 } else { c }));
        } else if let Some(n) = ordinal(lower) {
            // OK because `bare` is checked against the array's length first.
            if bare == bare_numbers.len() {
                return None;
            }
            bare_numbers[bare] = n;
            bare += 1;
        } else {
            return None; // a word that is not part of a date
        }
    }
    // OK because `bare` counts the numbers stored, at most the array's length.
    for &n in &bare_numbers[..bare] {
        if n >= 1000 && year.is_none() {
            year = Some(n);
        } else if (1..=31).contains(&n) && day.is_none() {
            day = Some(n);
        } else {
            return None;
        }
    }
    let date = ymd(year?, month?, day?)?;
    Some(Stamp { date, time: clock.time() })
}

/// A time of day alone: `9:15 AM`, `09:15`, `9:15 p.m. ET`.
pub(crate) fn parse_clock(s: &str) -> Option<Time> {
    let mut clock = Clock::default();
    let mut buffer = [0u8; LOWER_BUFFER];
    let mut spill = String::new();
    for word in words(s) {
        let lower = ascii_lowercase_in(word, &mut buffer, &mut spill);
        if !(clock.read(lower) || FILLER.contains(&lower)) {
            return None;
        }
    }
    clock.time()
}

/// The time-of-day words of a stamp, read one at a time: `9:15`, `9:15am`, `a.m.`, and a
/// zone after the time (`+0100`, `-05:00`, `(EST)`), which is ignored.
#[derive(Default)]
struct Clock {
    hour_minute: Option<(i32, i32)>,
    meridiem_done: bool,
    zone_done: bool,
}

impl Clock {
    /// Takes `word` (lowercase) if it is part of a time of day.
    fn read(&mut self, word: &str) -> bool {
        if self.hour_minute.is_none() {
            let Some((h, m, meridiem)) = clock(word) else {
                return false;
            };
            self.hour_minute = Some((h, m));
            if let Some(pm) = meridiem {
                self.apply_meridiem(pm);
            }
            return true;
        }
        if !self.meridiem_done && matches!(word, "am" | "a.m." | "a.m" | "pm" | "p.m." | "p.m") {
            self.apply_meridiem(word.starts_with('p'));
            return true;
        }
        if !self.zone_done && is_zone(word) {
            self.zone_done = true;
            return true;
        }
        false
    }

    fn apply_meridiem(&mut self, pm: bool) {
        self.meridiem_done = true;
        if let Some((h, m)) = self.hour_minute {
            self.hour_minute = Some(match (h, pm) {
                (12, false) => (0, m),
                (h, true) if h < 12 => (h + 12, m),
                _ => (h, m),
            });
        }
    }

    fn time(&self) -> Option<Time> {
        let (h, m) = self.hour_minute?;
        Time::new(i8::try_from(h).ok()?, i8::try_from(m).ok()?, 0, 0).ok()
    }
}

/// `+0100`, `-0500`, `+01:00`, `(est)`, `(utc)`.
fn is_zone(word: &str) -> bool {
    if let Some(inner) = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
        return FILLER.contains(&inner)
            || (2..=5).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_alphabetic());
    }
    let Some(offset) = word.strip_prefix(['+', '-']) else {
        return false;
    };
    let digits: String = offset.chars().filter(|&c| c != ':').collect();
    digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Splits on white space and commas, keeping `@` and `|` as words.
fn words(s: &str) -> impl Iterator<Item = &str> + '_ {
    s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty())
}

/// `9:15`, `09:15:00`, `9:15am`, `9:15p.m.` → (hour, minute, whether a meridiem said pm).
fn clock(w: &str) -> Option<(i32, i32, Option<bool>)> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    // OK because `digits` is a prefix of `w` (what trimming the end left).
    let meridiem = match &w[digits.len()..] {
        "" => None,
        "am" | "a.m." | "a.m" => Some(false),
        "pm" | "p.m." | "p.m" => Some(true),
        _ => return None,
    };
    let mut parts = digits.split(':');
    let h = num(parts.next()?)?;
    let m = num(parts.next()?)?;
    if let Some(sec) = parts.next() {
        num(sec.split('.').next()?)?;
    }
    (h < 24 && m < 60 && parts.next().is_none()).then_some((h, m, meridiem))
}

/// `06/09/2015`, `6/9/15`.
fn slashed(w: &str) -> Option<(i32, i32, i32)> {
    let mut parts = w.split('/');
    let (a, b, c) = (num(parts.next()?)?, num(parts.next()?)?, num(parts.next()?)?);
    parts.next().is_none().then_some((a, b, c))
}

/// `3`, `03`, `3rd`, `21st`, `2015`.
fn ordinal(w: &str) -> Option<i32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    // OK because `digits` is a prefix of `w` (what trimming the end left).
    let suffix = &w[digits.len()..];
    let ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th" | ".");
    if ok {
        num(digits)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse_stamp(s).map(|x| x.to_string())
    }

    #[test]
    fn iso_forms() {
        assert_eq!(p("2015-06-09").as_deref(), Some("2015-06-09"));
        assert_eq!(p("2015-06-09T09:15:00Z").as_deref(), Some("2015-06-09T09:15"));
        assert_eq!(p("2015-06-04 17:05:00+09:00").as_deref(), Some("2015-06-04T17:05"));
        assert_eq!(p("2015-02-30"), None);
    }

    #[test]
    fn blog_and_newswire_forms() {
        assert_eq!(p("Tuesday, June 09, 2015 at 9:15 am").as_deref(), Some("2015-06-09T09:15"));
        assert_eq!(p("June 9, 2015 @ 5:10 pm").as_deref(), Some("2015-06-09T17:10"));
        assert_eq!(p("9 June 2015").as_deref(), Some("2015-06-09"));
        assert_eq!(p("Aug. 7, 2015").as_deref(), Some("2015-08-07"));
        assert_eq!(p("Tue, 09 Jun 2015 09:15:00 GMT").as_deref(), Some("2015-06-09T09:15"));
        assert_eq!(p("06/04/2015").as_deref(), Some("2015-06-04"));
        assert_eq!(p("12:05 a.m. Sept. 1st, 2020").as_deref(), Some("2020-09-01T00:05"));
        assert_eq!(p("February 29, 2016").as_deref(), Some("2016-02-29"));
        assert_eq!(p("February 29, 2011"), None);
    }

    #[test]
    fn multibyte_characters_never_split() {
        // "byte index 10 is not a char boundary" on the old byte-offset slicing.
        for s in [
            "2015-06-0é",
            "2015-06-é4",
            "2015-0é-04",
            "é015-06-04",
            "2015-06-04Té9:15",
            "2015-06-04T09:1é",
            "2015-06-04 0é:15",
        ] {
            assert_eq!(parse_iso(s), None, "{s}");
            assert_eq!(p(s), None, "{s}");
        }
        assert_eq!(p("June 9, 2015 at 9:1é"), None);
        assert_eq!(p("9é June 2015"), None);
        assert_eq!(parse_clock("9:15é"), None);
    }

    #[test]
    fn zones_meridiems_and_clocks() {
        assert_eq!(p("Tue, 23 May 2023 06:02:11 -0400").as_deref(), Some("2023-05-23T06:02"));
        assert_eq!(p("June 9, 2015 9:15pm (EDT)").as_deref(), Some("2015-06-09T21:15"));
        assert_eq!(p("11:42 PM EST, February 15, 2024").as_deref(), Some("2024-02-15T23:42"));
        assert_eq!(parse_clock("7:45 PM").map(|t| (t.hour(), t.minute())), Some((19, 45)));
        assert_eq!(p("June 9, 2015 9:15 10:30"), None);
    }

    #[test]
    fn stamps_cross_the_contract_as_text() {
        let stamp: Stamp = "2015-06-09T09:15:00Z".parse().unwrap();
        assert_eq!(serde_json::to_string(&stamp).unwrap(), "\"2015-06-09T09:15\"");
        assert_eq!(serde_json::from_str::<Stamp>("\"2015-06-09\"").unwrap().to_string(), "2015-06-09");
        assert!(serde_json::from_str::<Stamp>("\"2015-02-30\"").is_err());
    }

    /// A publication date given with an article is read only in the years news is dated in:
    /// "3/4/25" typed into a browser's date field arrives as 0025-03-04.
    #[test]
    fn stamps_outside_the_years_are_refused_with_their_reason() {
        let error = |s: &str| Stamp::given(s).unwrap_err().to_string();
        assert_eq!(error("0025-03-04"), "`0025-03-04` is not in the years 1000 to 2199");
        assert_eq!(error("2200-01-01T10:00"), "`2200-01-01T10:00` is not in the years 1000 to 2199");
        assert_eq!(error("4 March 2025"), "`4 March 2025` is not a date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
        assert!(Stamp::given("1000-01-01").is_ok() && Stamp::given("2199-12-31T23:59").is_ok());
        // The contract itself holds any year.
        assert!("0025-03-04".parse::<Stamp>().is_ok());
    }

    #[test]
    fn sentences_with_dates_are_not_stamps() {
        assert_eq!(p("Officials met on June 9, 2015"), None);
        assert_eq!(p("June 2015"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn day_and_month_arithmetic() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(add_days(d(2012, 2, 28), 1), Some(d(2012, 2, 29)));
        assert_eq!(add_days(d(2011, 12, 31), 1), Some(d(2012, 1, 1)));
        assert_eq!(add_days(d(2011, 1, 1), -1), Some(d(2010, 12, 31)));
        assert_eq!(add_months(d(2011, 1, 31), 1), Some(d(2011, 2, 28)));
        assert_eq!(add_months(d(2012, 1, 31), 1), Some(d(2012, 2, 29)));
        assert_eq!(add_months(d(2011, 1, 15), -1), Some(d(2010, 12, 15)));
        assert_eq!(add_months(d(2011, 11, 30), 14), Some(d(2013, 1, 30)));
        assert_eq!(days_between(d(2012, 3, 1), d(2012, 2, 1)), 29);
        assert_eq!(days_between(d(2011, 3, 1), d(2011, 3, 8)), -7);
    }

    #[test]
    fn month_and_weekday_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("mark"), None);
        assert_eq!(weekday("Tues."), Some(Weekday::Tuesday));
        assert_eq!(weekday("Mo"), None);
    }
}
