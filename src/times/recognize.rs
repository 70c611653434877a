//! Recognition: finds the time expressions of one sentence (TIMEX3 extents) and says what
//! each means, before any calendar arithmetic (`resolve` does that against an anchor).
//!
//! Matching is by hand-written patterns over the sentence's words, longest match first. It
//! guards against the usual false friends: "May" the verb, "March" the noun, quantities that
//! look like years, weekdays inside names ("Good Friday"), ages ("a 50-year-old").

use super::lexicon::{self, Unit};
use super::words::{at, Word};
use crate::calendar::{month_number, weekday};
use crate::model::TimexType;
use crate::text::TokenKind;
use jiff::civil::Weekday;

/// How a name without a year or a bare weekday is placed relative to the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shift {
    /// By the tense of the clause (news convention: "told reporters Thursday" is the past Thursday).
    Tense,
    Last,
    This,
    Next,
}

/// What an offset counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    /// The anchor: the document creation time, or the date of the quote it is in.
    Anchor,
    /// The last date the text mentioned ("two days later", "the next day").
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
    },
    Weekday {
        day: Weekday,
        shift: Shift,
    },
    Weekend {
        shift: Shift,
    },
    /// `n` units from the base, at the unit's granularity (`five weeks ago` → a week).
    Offset {
        unit: Unit,
        n: i64,
        base: Base,
    },
}

impl Val {
    /// True for a value naming one day (what a clock time can attach to).
    pub(crate) fn is_day(&self) -> bool {
        matches!(self, Val::Day { .. } | Val::Weekday { .. } | Val::Offset { unit: Unit::Day, .. })
    }
}

/// A time of day attached to a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Clock {
    At(i8, i8),
    Part(&'static str),
}

/// One recognized expression: word indices `first..=last` of the sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub first: usize,
    pub last: usize,
    pub kind: TimexType,
    pub val: Val,
    pub clock: Option<Clock>,
    /// A clock time alone ("3 p.m."), which may join a neighbouring day.
    pub bare_clock: bool,
}

fn found(first: usize, last: usize, kind: TimexType, val: Val) -> Option<Found> {
    Some(Found { first, last, kind, val, clock: None, bare_clock: false })
}

fn date(first: usize, last: usize, val: Val) -> Option<Found> {
    found(first, last, TimexType::Date, val)
}

fn fixed(first: usize, last: usize, kind: TimexType, value: impl Into<String>) -> Option<Found> {
    found(first, last, kind, Val::Fixed(value.into()))
}

/// No pattern has more words before its first time-bearing word (see
/// [`lexicon::bears_time`]) than this: "the end of the next couple of weeks" has six.
/// Positions farther from any such word are not tried. Debug builds check that this
/// shortcut never changes what is found.
const LEAD: usize = 8;

/// Finds the expressions of a sentence, left to right, without overlaps.
pub(crate) fn scan(words: &[Word]) -> Vec<Found> {
    // next_bearing[i]: the first time-bearing word at or after i.
    let mut next_bearing = vec![usize::MAX; words.len() + 1];
    for i in (0..words.len()).rev() {
        next_bearing[i] = if words[i].bears_time { i } else { next_bearing[i + 1] };
    }
    let found = scan_where(words, |i| next_bearing[i].saturating_sub(i) <= LEAD);
    #[cfg(debug_assertions)]
    assert_eq!(found, scan_where(words, |_| true), "the LEAD shortcut changed what was found");
    found
}

fn scan_where(words: &[Word], may_start: impl Fn(usize) -> bool) -> Vec<Found> {
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
    join_clocks(words, out)
}

fn longest(words: &[Word], i: usize) -> Option<Found> {
    let candidates = [
        modified(words, i),
        numeric(words, i),
        month_first(words, i),
        day_first(words, i),
        weekday_form(words, i),
        year_form(words, i),
        decade(words, i),
        mid(words, i),
        the_phrase(words, i),
        deictic(words, i),
        shifted(words, i),
        counted(words, i),
        set(words, i),
        vague(words, i),
        clock(words, i),
        season(words, i),
        quarter(words, i),
    ];
    candidates.into_iter().flatten().max_by_key(|f| (f.last, std::cmp::Reverse(f.first)))
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
    "until",
    "that",
    "past",
    "coming",
];

const APPROXIMATE: &[&str] = &["about", "nearly", "almost", "roughly", "approximately", "around"];

/// `early 2015`, `mid-June`, `the end of the year`, `earlier this week`, `later today`.
fn modified(words: &[Word], i: usize) -> Option<Found> {
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
    dated.then_some(Found { first: i, ..core })
}

/// `the year`, `the week` after `the end of`: the anchor's year or week.
fn the_unit(words: &[Word], i: usize) -> Option<Found> {
    if i == 0 || at(words, i) != "the" || at(words, i - 1) != "of" {
        return None;
    }
    let unit = lexicon::unit(at(words, i + 1))
        .filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Decade))?;
    date(i, i + 1, Val::Offset { unit, n: 0, base: Base::Anchor })
}

fn longest_core(words: &[Word], i: usize) -> Option<Found> {
    let candidates = [
        numeric(words, i),
        month_first(words, i),
        weekday_form(words, i),
        year_form(words, i),
        decade(words, i),
        the_phrase(words, i),
        deictic(words, i),
        shifted(words, i),
        season(words, i),
        quarter(words, i),
    ];
    candidates.into_iter().flatten().filter(|f| f.first == i).max_by_key(|f| f.last)
}

/// `2015-06-04`, `06/04/2015`.
fn numeric(words: &[Word], i: usize) -> Option<Found> {
    let w = words.get(i)?;
    if w.kind != TokenKind::Number || !(w.lower.contains('-') || w.lower.contains('/')) {
        return None;
    }
    let stamp = crate::calendar::parse_stamp(w.lower)?;
    let d = stamp.date;
    date(i, i, Val::Day { year: Some(d.year()), month: d.month(), day: d.day() })
}

/// A month name that is really a month: capitalized, and not a bare abbreviation.
fn month_at(words: &[Word], i: usize) -> Option<i8> {
    let w = words.get(i)?;
    if w.kind != TokenKind::Word || !w.capitalized {
        return None;
    }
    w.month()
}

fn is_full_month_name(lower: &str) -> bool {
    lower.len() >= 5 || lower == "may" || lower == "june" || lower == "july"
}

/// A day of the month (`3`, `03`, `3rd`), not a quantity like `4,000`.
fn day_number(words: &[Word], i: usize) -> Option<i8> {
    let w = words.get(i)?;
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

/// A four-digit year (1000–2199).
fn year_number(words: &[Word], i: usize) -> Option<i16> {
    let w = words.get(i)?;
    if w.kind != TokenKind::Number || w.lower.len() != 4 || !w.lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i16 = w.lower.parse().ok()?;
    (1000..=2199).contains(&y).then_some(y)
}

/// `, 2015` or ` 2015` after a day or month: the index of the year word.
fn trailing_year(words: &[Word], i: usize) -> Option<(usize, i16)> {
    if let Some(y) = year_number(words, i) {
        return Some((i, y));
    }
    if matches!(at(words, i), "," | "of") {
        return year_number(words, i + 1).map(|y| (i + 1, y));
    }
    None
}

fn valid_day(year: Option<i16>, month: i8, day: i8) -> bool {
    jiff::civil::Date::new(year.unwrap_or(2000), month, day).is_ok()
}

/// `June 4, 2015`, `Aug. 7`, `June 2015`, `in June`, `June 4th`.
fn month_first(words: &[Word], i: usize) -> Option<Found> {
    let month = month_at(words, i)?;
    if let Some(day) = day_number(words, i + 1) {
        let year = trailing_year(words, i + 2);
        let followed_by_quantity = year.is_none() && matches!(at(words, i + 2), "%" | "percent" | "-");
        if valid_day(year.map(|y| y.1), month, day) && !followed_by_quantity {
            let last = year.map_or(i + 1, |y| y.0);
            return date(i, last, Val::Day { year: year.map(|y| y.1), month, day });
        }
    }
    if let Some((last, y)) = trailing_year(words, i + 1) {
        return date(i, last, Val::Month { year: Some(y), month, shift: Shift::Tense });
    }
    let lower = words.get(i)?.lower;
    let context = i > 0 && MONTH_CONTEXT.contains(&at(words, i - 1));
    (is_full_month_name(lower) && context).then_some(())?;
    date(i, i, Val::Month { year: None, month, shift: Shift::Tense })
}

/// `4 June 2015`, `4 June`, `the 4th of June`.
fn day_first(words: &[Word], i: usize) -> Option<Found> {
    let (first, day, month_index) = if at(words, i) == "the" && at(words, i + 2) == "of" {
        (i, day_number(words, i + 1)?, i + 3)
    } else {
        (i, day_number(words, i)?, i + 1)
    };
    let month = month_at(words, month_index)?;
    let year = year_number(words, month_index + 1);
    if !valid_day(year, month, day) {
        return None;
    }
    let last = if year.is_some() { month_index + 1 } else { month_index };
    date(first, last, Val::Day { year, month, day })
}

/// A capitalized weekday that is not part of a name (`Good Friday`, `Friday Harbor`).
fn weekday_at(words: &[Word], i: usize) -> Option<Weekday> {
    let w = words.get(i)?;
    if w.kind != TokenKind::Word || !w.capitalized {
        return None;
    }
    let day = w.description.weekday?;
    let full = w.lower.ends_with("day");
    let prev_is_name = i > 1
        && words[i - 1].capitalized
        && words[i - 1].month().is_none()
        && !matches!(at(words, i - 1), "on" | "by" | "until" | "since" | "last" | "next" | "this" | "early" | "late");
    let next_is_name = words.get(i + 1).is_some_and(|n| n.capitalized && n.month().is_none() && !w.possessive);
    (full && !prev_is_name && !next_is_name).then_some(day)
}

/// `Monday`, `Thursday, June 04, 2015`, `Mondays` (a set).
fn weekday_form(words: &[Word], i: usize) -> Option<Found> {
    let w = words.get(i)?;
    if let Some(stem) = w.lower.strip_suffix("days").filter(|_| w.capitalized) {
        let day = weekday(&format!("{stem}day"))?;
        return fixed(i, i, TimexType::Set, format!("XXXX-WXX-{}", day.to_monday_one_offset()));
    }
    let day = weekday_at(words, i)?;
    let next = if at(words, i + 1) == "," { i + 2 } else { i + 1 };
    if let Some(full) = month_first(words, next).or_else(|| day_first(words, next)) {
        if matches!(full.val, Val::Day { .. }) {
            return Some(Found { first: i, ..full });
        }
    }
    date(i, i, Val::Weekday { day, shift: Shift::Tense })
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
fn year_form(words: &[Word], i: usize) -> Option<Found> {
    if at(words, i) == "fiscal" {
        let y = year_number(words, i + 1)?;
        return fixed(i, i + 1, TimexType::Date, format!("{y:04}"));
    }
    let y = year_number(words, i)?;
    let plausible = (1600..=2100).contains(&y) && !is_quantity(words, i);
    plausible.then_some(())?;
    fixed(i, i, TimexType::Date, format!("{y:04}"))
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
fn decade(words: &[Word], i: usize) -> Option<Found> {
    let w = words.get(i)?;
    let core = w.lower.strip_prefix("mid-").unwrap_or(w.lower);
    (core.len() == 5).then_some(())?;
    fixed(i, i, TimexType::Date, decade_value(w.lower)?)
}

/// `mid-1995`, `mid-March` (one hyphenated word).
fn mid(words: &[Word], i: usize) -> Option<Found> {
    let rest = words.get(i)?.lower.strip_prefix("mid-")?;
    if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
        return fixed(i, i, TimexType::Date, rest);
    }
    let month = month_number(rest).filter(|_| is_full_month_name(rest))?;
    date(i, i, Val::Month { year: None, month, shift: Shift::Tense })
}

/// Phrases opened by `the`: decades, centuries, the past/future, the weekend, `the past
/// three years`, `the next day`, `the coming months`.
fn the_phrase(words: &[Word], i: usize) -> Option<Found> {
    if at(words, i) != "the" {
        return None;
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
    if matches!(at(words, j), "past" | "last" | "next" | "coming" | "previous" | "following") {
        if let Some(f) = around_unit(words, i, j) {
            return Some(f);
        }
    }
    match at(words, j) {
        "future" => return fixed(i, j, TimexType::Date, "FUTURE_REF"),
        "past" => return fixed(i, j, TimexType::Date, "PAST_REF"),
        "present" if !matches!(at(words, j + 1), "administration" | "government") => {
            return fixed(i, j, TimexType::Date, "PRESENT_REF")
        }
        "weekend" => return date(i, j, Val::Weekend { shift: Shift::Tense }),
        _ => {}
    }
    None
}

/// After `the past|next|coming|previous|following`: `the past three years` (a duration),
/// `the next day` (a narrative offset), `the coming months` (future), `the past week`.
fn around_unit(words: &[Word], first: usize, j: usize) -> Option<Found> {
    let which = at(words, j);
    let (count, unit_at) = match lexicon::cardinal(at(words, j + 1)).filter(|_| !matches!(at(words, j + 1), "a" | "an"))
    {
        Some(n) => (Some(n), j + 2),
        None if matches!(at(words, j + 1), "few" | "several" | "couple") => {
            (None, if at(words, j + 2) == "of" { j + 3 } else { j + 2 })
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
fn deictic(words: &[Word], i: usize) -> Option<Found> {
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
fn shifted(words: &[Word], i: usize) -> Option<Found> {
    let counted_next = lexicon::cardinal(at(words, i + 1)).is_some() && !matches!(at(words, i + 1), "a" | "an")
        || matches!(at(words, i + 1), "few" | "several" | "couple");
    if matches!(at(words, i), "last" | "past" | "next") && counted_next {
        return around_unit(words, i, i);
    }
    let (shift, n, j) = match (at(words, i), at(words, i + 1)) {
        ("this", "past") => (Shift::Last, -1, i + 2),
        ("this" | "current", _) => (Shift::This, 0, i + 1),
        ("last", _) => (Shift::Last, -1, i + 1),
        ("next", _) => (Shift::Next, 1, i + 1),
        ("recent", _) => {
            let unit_word = at(words, i + 1);
            return (lexicon::is_plural_unit(unit_word))
                .then_some(())
                .and_then(|_| fixed(i, i + 1, TimexType::Date, "PAST_REF"));
        }
        ("coming", _) if lexicon::is_plural_unit(at(words, i + 1)) => {
            return fixed(i, i + 1, TimexType::Date, "FUTURE_REF");
        }
        _ => return None,
    };
    let w = at(words, j);
    if let Some(unit) = lexicon::unit(w).filter(|_| !lexicon::is_plural_unit(w)) {
        if unit == Unit::Weekend {
            return date(i, j, Val::Weekend { shift });
        }
        if matches!(unit, Unit::Minute | Unit::Hour | Unit::Day) {
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

/// A count before a unit: `three`, `10`, `a`, `a few`, `several`, `two and a half`.
/// Returns the count (None = unknown) and the index after it.
fn count(words: &[Word], i: usize) -> Option<(Option<f64>, usize)> {
    let w = at(words, i);
    if w == "a" && matches!(at(words, i + 1), "few" | "couple") {
        let next = if at(words, i + 2) == "of" { i + 3 } else { i + 2 };
        return Some((None, next));
    }
    if lexicon::is_vague_count(w) {
        let next = if at(words, i + 1) == "of" { i + 2 } else { i + 1 };
        return Some((None, next));
    }
    let n = lexicon::cardinal(w)? as f64;
    if at(words, i + 1) == "and" && at(words, i + 2) == "a" && at(words, i + 3) == "half" {
        return Some((Some(n + 0.5), i + 4));
    }
    let next = if lexicon::is_count_adjective(at(words, i + 1)) && !matches!(w, "a" | "an") { i + 2 } else { i + 1 };
    Some((Some(n), next))
}

/// `five weeks ago`, `two years ago`, `two days later`, `10 days`, `three-year`, `for years`.
fn counted(words: &[Word], i: usize) -> Option<Found> {
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
            && matches!(at(words, i - 1), "for" | "in" | "over")
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
    // A number glued to its unit by a hyphen is an adjective handled elsewhere; `1,000 years` stays.
    let last = unit_at;
    let after = at(words, last + 1);
    let signed = |sign: i64| n.map(|n| sign * n.floor() as i64);
    match after {
        "ago" | "earlier" | "before" | "later" | "after" | "hence" => {
            let (sign, base) = match after {
                "ago" => (-1, Base::Anchor),
                "hence" => (1, Base::Anchor),
                "earlier" => (-1, Base::Narrative),
                "later" => (1, Base::Narrative),
                // "two days before the vote": a duration by TIMEX3 convention.
                _ => return fixed(first, last, TimexType::Duration, duration(n, unit)),
            };
            match signed(sign) {
                Some(k) if !matches!(unit, Unit::Minute | Unit::Hour) => {
                    date(first, last + 1, Val::Offset { unit, n: k, base })
                }
                _ => fixed(first, last + 1, TimexType::Date, if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }),
            }
        }
        "from" if at(words, last + 2) == "now" => match signed(1) {
            Some(k) => date(first, last + 2, Val::Offset { unit, n: k, base: Base::Anchor }),
            None => fixed(first, last + 2, TimexType::Date, "FUTURE_REF"),
        },
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
            if lexicon::is_plural_unit(unit_word) == (n == Some(1.0)) && n.is_some() {
                return None; // "one years", "three year": not a measured duration
            }
            fixed(first, last, TimexType::Duration, duration(n, unit))
        }
    }
}

/// `50-year-old`: an age, not a time.
fn is_age(words: &[Word], unit_at: usize) -> bool {
    at(words, unit_at).ends_with("-old") || (at(words, unit_at + 1) == "-" && at(words, unit_at + 2).starts_with("old"))
}

/// `three-year`, `10-day`, `24-hour` (adjectival durations), not `three-year-old`.
fn hyphenated_duration(words: &[Word], i: usize) -> Option<Found> {
    let w = words.get(i)?;
    if let Some((number, unit_word)) = w.lower.split_once('-') {
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
fn set(words: &[Word], i: usize) -> Option<Found> {
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
fn vague(words: &[Word], i: usize) -> Option<Found> {
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

/// `8:48 am`, `3 p.m.`, `3pm`, `noon`, `midnight`, `at 14:30`.
fn clock(words: &[Word], i: usize) -> Option<Found> {
    let w = words.get(i)?;
    let (h, m, last) = match w.lower {
        "noon" | "midday" => (12, 0, i),
        "midnight" => (24, 0, i),
        text if w.kind == TokenKind::Number => {
            let digits_end = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
            let (number, glued) = text.split_at(digits_end);
            let (h, m): (i8, i8) = match number.split_once(':') {
                Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
                None if number.len() <= 2 => (number.parse().ok()?, 0),
                _ => return None,
            };
            let (pm, last) = match (meridiem(glued), meridiem(at(words, i + 1))) {
                (Some(pm), _) => (Some(pm), i),
                (None, Some(pm)) if glued.is_empty() => (Some(pm), i + 1),
                _ => (None, i),
            };
            let after_at = i > 0 && matches!(at(words, i - 1), "at" | "@" | "by" | "until" | "around");
            if pm.is_none() && !(number.contains(':') && after_at) || !glued.is_empty() && pm.is_none() {
                return None;
            }
            let h = match pm {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
            (h, m, last)
        }
        _ => return None,
    };
    if h > 24 || m > 59 {
        return None;
    }
    Some(Found {
        first: i,
        last,
        kind: TimexType::Time,
        val: Val::Offset { unit: Unit::Day, n: 0, base: Base::Anchor },
        clock: Some(Clock::At(h, m)),
        bare_clock: true,
    })
}

/// `spring 2015`, `the summer`, `in spring`, `fall of 2014`.
fn season(words: &[Word], i: usize) -> Option<Found> {
    let (first, j) = if at(words, i) == "the" { (i, i + 1) } else { (i, i) };
    let w = words.get(j)?;
    let code = lexicon::season(w.lower)?;
    if let Some((last, y)) = trailing_year(words, j + 1) {
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
fn quarter(words: &[Word], i: usize) -> Option<Found> {
    let w = words.get(i)?;
    if let Some((ordinal, part)) = w.lower.split_once('-') {
        let index = lexicon::ordinal(ordinal)?;
        let code = match part {
            "quarter" if index <= 4 => "Q",
            "half" if index <= 2 => "H",
            _ => return None,
        };
        return date(i, i, Val::Part { year: None, code, index: index as i8 });
    }
    // "the third quarter", or "a weak first quarter" (a half needs its article).
    let ordinal_at = if w.lower == "the" { i + 1 } else { i };
    let index = lexicon::ordinal(at(words, ordinal_at))?;
    let code = match at(words, ordinal_at + 1) {
        "quarter" if index <= 4 => "Q",
        "half" if index <= 2 && ordinal_at > i => "H",
        _ => return None,
    };
    let of = ordinal_at + 2;
    if at(words, of) == "of" {
        if let Some(y) = year_number(words, of + 1) {
            return date(i, of + 1, Val::Part { year: Some(y), code, index: index as i8 });
        }
        if !matches!(at(words, of + 1), "this" | "last" | "next" | "the") || at(words, of + 2) != "year" {
            return None; // "the second half of the match"
        }
    }
    date(i, ordinal_at + 1, Val::Part { year: None, code, index: index as i8 })
}

/// Joins a clock time to the day beside it (`Monday at 3 p.m.`, `9:15 am Thursday`) and a part
/// of the day to its day (`Monday morning`, `yesterday afternoon`).
fn join_clocks(words: &[Word], found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found {
        if let Some(prev) = out.last_mut() {
            let gap_ok = (prev.last + 1..f.first)
                .all(|k| matches!(at(words, k), "," | "at" | "@" | "on" | "around" | "about" | "by"));
            let joinable = prev.clock.is_none() && prev.val.is_day() && f.bare_clock
                || prev.bare_clock && f.val.is_day() && f.clock.is_none();
            if gap_ok && joinable {
                let (day, time) =
                    if prev.bare_clock { (f.val.clone(), prev.clock) } else { (prev.val.clone(), f.clock) };
                prev.last = f.last;
                prev.val = day;
                prev.clock = time;
                prev.kind = TimexType::Time;
                prev.bare_clock = false;
                continue;
            }
        }
        if f.val.is_day() && f.clock.is_none() && !words.get(f.last).is_some_and(|w| w.possessive) {
            if let Some(part) = lexicon::part_of_day(at(words, f.last + 1)) {
                f.last += 1;
                f.clock = Some(Clock::Part(part));
                f.kind = TimexType::Time;
            }
        }
        out.push(f);
    }
    out
}
