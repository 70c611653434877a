//! Joins of neighbouring expressions after the scan of a sentence: a weekday to its week
//! (`Tuesday of next week`), a count of units to the day it counts from (`two weeks after
//! yesterday`, `the day before yesterday`), a clock time to the day beside it (`Monday at 3
//! p.m.`, `05/31/2024 14:15`, `tonight at 8`) and a part of the day to its day (`Monday
//! morning`), and the two ends of a range (`10 - 22 August 2012`, `from May to December,
//! 2022`), which lend each other the year or month one of them leaves out.
//!
//! Each join is one pass over the found expressions, looking a few words around each, and
//! works in place ([`Joining`]): a sentence of 50,000 dates takes no second list of them.

use super::{day_number, evening_hour, trailing_year, Base, Clock, RecognizedTime, Shift, Val};
use crate::model::TimexType;
use crate::times::lexicon::{self, Unit};
use crate::times::words::{at, Word};
use std::collections::VecDeque;

/// One join's pass over the found expressions, in one ring buffer: the expressions not read yet
/// at the front, what the join made of those read at the back. A join reads each expression
/// once and writes at most as many as it read (but for the rare range end it splits off), so
/// the two share the buffer, and the join allocates nothing.
struct Joining {
    ring: VecDeque<RecognizedTime>,
    /// How many expressions at the front of `ring` are not read yet.
    unread: usize,
}

impl Joining {
    fn new(found: Vec<RecognizedTime>) -> Self {
        Joining { unread: found.len(), ring: VecDeque::from(found) }
    }

    /// The next expression to read.
    fn next(&mut self) -> Option<RecognizedTime> {
        self.unread = self.unread.checked_sub(1)?;
        self.ring.pop_front()
    }

    /// The next expression to read, left unread.
    fn peek(&self) -> Option<&RecognizedTime> {
        (self.unread > 0).then(|| self.ring.front()).flatten()
    }

    /// The last expression written.
    fn last(&self) -> Option<&RecognizedTime> {
        (self.ring.len() > self.unread).then(|| self.ring.back()).flatten()
    }

    fn last_mut(&mut self) -> Option<&mut RecognizedTime> {
        (self.ring.len() > self.unread).then(|| self.ring.back_mut()).flatten()
    }

    /// Takes back the last expression written.
    fn pop(&mut self) -> Option<RecognizedTime> {
        (self.ring.len() > self.unread).then(|| self.ring.pop_back()).flatten()
    }

    fn push(&mut self, f: RecognizedTime) {
        self.ring.push_back(f);
    }

    /// What the join wrote, once every expression is read (in place: no copy of the list).
    fn written(self) -> Vec<RecognizedTime> {
        debug_assert_eq!(self.unread, 0, "a join stopped before reading every expression");
        Vec::from(self.ring)
    }
}

/// The joins, in order: a weekday takes its week before a clock joins the pair.
pub(super) fn compose(words: &[Word], found: Vec<RecognizedTime>) -> Vec<RecognizedTime> {
    if found.is_empty() {
        return found;
    }
    let found = weekday_weeks(words, found);
    let found = years_of(words, found);
    let found = anchor_offsets(words, found);
    let found = join_clocks(words, found);
    ranges(words, found)
}

/// `Tuesday of next week`, `Friday next week`, `Tuesday, next week`: the weekday of that week.
fn weekday_weeks(words: &[Word], found: Vec<RecognizedTime>) -> Vec<RecognizedTime> {
    // It only joins an expression to the one before (most sentences have one).
    if found.len() < 2 {
        return found;
    }
    let mut out = Joining::new(found);
    while let Some(f) = out.next() {
        if let Some(prev) = out.last_mut() {
            let gap_ok =
                f.first - prev.last <= 2 && (prev.last + 1..f.first).all(|k| matches!(at(words, k), "of" | ","));
            let week_named = matches!(at(words, f.first), "next" | "last" | "this");
            if let (Val::Weekday { day, .. }, Val::Offset { unit: Unit::Week, n, base: Base::Anchor }) =
                (&prev.val, &f.val)
            {
                if gap_ok && week_named && prev.clock.is_none() {
                    prev.val = Val::Weekday { day: *day, shift: Shift::WeekOf(*n as i8) };
                    prev.last = f.last;
                    continue;
                }
            }
        }
        out.push(f);
    }
    out.written()
}

/// The year an expression names for a month or quarter beside it: `this year` (0), `last
/// year` (-1), or a year written out.
enum YearNamed {
    Relative(i8),
    Absolute(i16),
}

fn year_named(words: &[Word], f: &RecognizedTime) -> Option<YearNamed> {
    match &f.val {
        // "the year-ago third quarter"
        Val::SamePeriod { years_back, .. } if at(words, f.last).starts_with("year-") => {
            Some(YearNamed::Relative(-*years_back))
        }
        Val::Offset { unit: Unit::Year, n, base: Base::Anchor }
            if matches!(at(words, f.first), "this" | "last" | "next") =>
        {
            Some(YearNamed::Relative(i8::try_from(*n).ok()?))
        }
        Val::Fixed(v) if v.len() == 4 && f.kind == TimexType::Date => v.parse().ok().map(YearNamed::Absolute),
        _ => None,
    }
}

/// Places a month, season or quarter without a year in the year named; false when it has one.
fn set_year(val: &mut Val, named: &YearNamed) -> bool {
    let (year, shift) = match val {
        Val::Month { year, shift, .. } | Val::Season { year, shift, .. } | Val::Part { year, shift, .. } => {
            (year, shift)
        }
        _ => return false,
    };
    if year.is_some() {
        return false;
    }
    match *named {
        YearNamed::Relative(n) => *shift = Shift::YearOf(n),
        YearNamed::Absolute(y) => *year = Some(y),
    }
    true
}

/// `February this year`, `June last year`, `the fourth quarter of next year`, `next year's
/// first quarter`, `the 1988 second quarter`: a month, season or quarter placed in its year.
fn years_of(words: &[Word], found: Vec<RecognizedTime>) -> Vec<RecognizedTime> {
    // It only joins an expression to the one before (most sentences have one).
    if found.len() < 2 {
        return found;
    }
    let mut out = Joining::new(found);
    while let Some(f) = out.next() {
        if let Some(prev) = out.last_mut() {
            let adjacent = f.first == prev.last + 1 || f.first == prev.last + 2 && at(words, prev.last + 1) == "of";
            if adjacent {
                // The month first: "February this year", "the fourth quarter of next year".
                if let Some(named) = year_named(words, &f).filter(|_| prev.clock.is_none()) {
                    if set_year(&mut prev.val, &named) {
                        prev.last = f.last;
                        continue;
                    }
                }
                // "the quarter a year ago": that quarter of the year before.
                if let (Val::SamePeriod { years_back: 0, .. }, Val::SamePeriod { years_back: 1, .. }) =
                    (&prev.val, &f.val)
                {
                    if f.first == prev.last + 1 {
                        prev.val = f.val.clone();
                        prev.last = f.last;
                        continue;
                    }
                }
                // The year first: "next year's first quarter", "the 1988 second quarter", "the
                // year-ago third quarter".
                let possessive_or_written = words.get(prev.last).is_some_and(|w| w.possessive)
                    || matches!(prev.val, Val::Fixed(_) | Val::SamePeriod { .. });
                if let Some(named) =
                    year_named(words, prev).filter(|_| possessive_or_written && f.first == prev.last + 1)
                {
                    let mut val = f.val.clone();
                    if set_year(&mut val, &named) {
                        prev.val = val;
                        prev.last = f.last;
                        continue;
                    }
                }
            }
        }
        out.push(f);
    }
    out.written()
}

/// `two weeks after yesterday`, `a week before Friday`, `2 months before 02/02`, `the day
/// after tomorrow`: a day counted from the day the following expression names.
fn anchor_offsets(words: &[Word], found: Vec<RecognizedTime>) -> Vec<RecognizedTime> {
    let sign = |k: usize| match at(words, k) {
        "before" => Some(-1),
        "after" => Some(1),
        _ => None,
    };
    let mut out = Joining::new(found);
    while let Some(mut f) = out.next() {
        if f.val.is_day() && f.clock.is_none() {
            let counted = out.last().and_then(|prev| {
                let (n, unit) = prev.measure?;
                let whole = n.fract() == 0.0 && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year);
                (whole && prev.last + 2 == f.first).then_some(())?;
                Some((prev.first, unit, sign(prev.last + 1)? * n as i64))
            });
            // "the day before yesterday": no count, and nothing found for "the day".
            let the_day = f.first.checked_sub(3).filter(|&k| {
                at(words, k) == "the" && at(words, k + 1) == "day" && out.last().map_or(true, |p| p.last < k)
            });
            let shift = counted.or_else(|| the_day.and_then(|k| Some((k, Unit::Day, sign(k + 2)?))));
            if let Some((first, unit, n)) = shift {
                if counted.is_some() {
                    out.pop();
                }
                f.val = Val::Shifted { from: Box::new(f.val), unit, n };
                f.first = first;
                f.kind = TimexType::Date;
            }
        }
        out.push(f);
    }
    out.written()
}

/// Joins a clock time to the day beside it (`Monday at 3 p.m.`, `9:15 am Thursday`, `tonight
/// at 8`) and a part of the day to its day (`Monday morning`, `yesterday afternoon`); drops
/// the weak clock readings that joined nothing.
fn join_clocks(words: &[Word], found: Vec<RecognizedTime>) -> Vec<RecognizedTime> {
    let mut out = Joining::new(found);
    while let Some(mut f) = out.next() {
        if let Some(prev) = out.last_mut() {
            let gap_ok = f.first - prev.last <= 2
                && (prev.last + 1..f.first).all(|k| {
                    matches!(at(words, k), "," | "at" | "@" | "on" | "around" | "about" | "by" | "before" | "after")
                });
            let timed = |g: &RecognizedTime| matches!(g.clock, Some(Clock::At(..)));
            let day_then_clock = prev.val.is_day() && !prev.bare_clock && !timed(prev) && f.bare_clock;
            let clock_then_day = prev.bare_clock && f.val.is_day() && !f.bare_clock && !timed(&f);
            if gap_ok && (day_then_clock || clock_then_day) {
                let (day, part, time) = if prev.bare_clock {
                    (f.val.clone(), f.clock, prev.clock)
                } else {
                    (prev.val.clone(), prev.clock, f.clock)
                };
                // "tonight at 8" is 20:00.
                let time = match (time, part) {
                    (Some(Clock::At(h, m, s)), Some(Clock::Part(p))) => Some(Clock::At(evening_hour(h, p), m, s)),
                    (time, _) => time,
                };
                prev.last = f.last;
                prev.val = day;
                prev.clock = time;
                prev.kind = TimexType::Time;
                prev.bare_clock = false;
                prev.weak = false;
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
    let mut out = out.written();
    out.retain(|f| !f.weak);
    out
}

/// The words that join the two ends of a range.
fn is_to(words: &[Word], k: usize) -> bool {
    matches!(at(words, k), "-" | "–" | "—" | "to" | "through" | "thru" | "until" | "till")
}

/// The size of date an end of a range names (a range joins two of one size: "Friday to
/// Monday", "May to December", "1990 to 1995"), or None for what cannot end a range (a
/// duration, a set, a vague reference).
fn point_size(f: &RecognizedTime) -> Option<u8> {
    match &f.val {
        Val::Fixed(v) => {
            (f.kind == TimexType::Date && v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())).then_some(3)
        }
        Val::Day { .. } | Val::Weekday { .. } | Val::Shifted { .. } | Val::Offset { unit: Unit::Day, .. } => Some(1),
        Val::Offset { unit: Unit::Second | Unit::Minute | Unit::Hour, .. } => Some(1),
        Val::Month { .. } => Some(2),
        _ => None,
    }
}

/// Marks ranges: two expressions joined by `to`, `-`, `through`, or `between … and`
/// (`8/10/2012 - 8/15/2012`, `Friday to Monday`, `from May to December, 2022`), and a bare
/// day beside a date (`10 - 22 August 2012`, `August 10 - 22, 2012`), which becomes an end
/// of its own. The start takes the end's year (a year earlier when its month comes later in
/// the year: `from December to May 2022`).
fn ranges(words: &[Word], found: Vec<RecognizedTime>) -> Vec<RecognizedTime> {
    let mut out = Joining::new(found);
    let mut ended = false; // the last of `out` ends a range
    while let Some(mut f) = out.next() {
        // "10 - 22 August 2012": a bare day, `to`, then a date that starts with its day.
        if let Val::Day { year, month, day } = f.val {
            let start = f.first.checked_sub(2).filter(|&s| {
                is_to(words, s + 1)
                    && out.last().map_or(true, |p| p.last < s)
                    && day_number(words, f.first).is_some()
                    && words.get(f.first).is_some_and(|w| w.month().is_none())
            });
            if let Some(d) = start.and_then(|s| day_number(words, s)).filter(|d| *d < day) {
                let s = f.first - 2;
                let mut begin = f.clone();
                (begin.first, begin.last, begin.val, begin.clock) = (s, s, Val::Day { year, month, day: d }, None);
                begin.kind = TimexType::Date;
                begin.range_start = true;
                out.push(begin);
                out.push(f);
                ended = true;
                continue;
            }
        }
        // "August 10 - 22, 2012": a date ending with its day, `to`, then a bare day.
        if let Val::Day { year, month, day } = f.val {
            let ends_with_day =
                words.get(f.last).is_some_and(|w| w.month().is_none()) && day_number(words, f.last).is_some();
            let next_free = out.peek().map_or(true, |n| n.first > f.last + 2);
            let end_day = (ends_with_day && next_free && is_to(words, f.last + 1))
                .then(|| day_number(words, f.last + 2))
                .flatten()
                .filter(|d| *d > day && !matches!(at(words, f.last + 3), "%" | "percent"));
            if let Some(d) = end_day {
                let mut end = f.clone();
                (end.first, end.last, end.clock) = (f.last + 2, f.last + 2, None);
                end.kind = TimexType::Date;
                let mut end_year = year;
                if let Some((k, y)) = trailing_year(words, f.last + 3, true) {
                    // The year may have been found alone (`, 2012`): it belongs to the range.
                    if out.peek().is_some_and(|n| n.first == k) {
                        out.next();
                    }
                    (end.last, end_year) = (k, Some(y));
                }
                end.val = Val::Day { year: end_year, month, day: d };
                f.val = Val::Day { year: year.or(end_year), month, day };
                f.range_start = true;
                out.push(f);
                out.push(end);
                ended = true;
                continue;
            }
        }
        if let Some(prev) = out.last_mut() {
            let between = prev.first > 0 && at(words, prev.first - 1) == "between";
            let joined = f.first == prev.last + 2
                && (is_to(words, prev.last + 1) || between && at(words, prev.last + 1) == "and");
            let same_size = point_size(prev).is_some() && point_size(prev) == point_size(&f);
            // "from Friday to December's figures": a possessive is a modifier, not an end.
            let possessive = words.get(f.last).is_some_and(|w| w.possessive);
            if joined && !ended && !prev.range_start && same_size && !possessive {
                lend_year(prev, &f);
                prev.range_start = true;
                out.push(f);
                ended = true;
                continue;
            }
        }
        out.push(f);
        ended = false;
    }
    out.written()
}

/// Gives the start of a range the end's year when it has none.
fn lend_year(start: &mut RecognizedTime, end: &RecognizedTime) {
    match (&mut start.val, &end.val) {
        (Val::Day { year: year @ None, month, day }, Val::Day { year: Some(y), month: end_month, day: end_day }) => {
            *year = Some(if (*month, *day) > (*end_month, *end_day) { y - 1 } else { *y });
        }
        (Val::Month { year: year @ None, month, .. }, Val::Month { year: Some(y), month: end_month, .. }) => {
            *year = Some(if *month > *end_month { y - 1 } else { *y });
        }
        _ => {}
    }
}
