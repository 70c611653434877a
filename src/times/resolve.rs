//! Resolution: turns a recognized meaning into a TIMEX3 value against an anchor date (the
//! document creation time or a quote's date), the last narrated date and the clause's tense.
//! All calendar arithmetic (months, ISO weeks, leap years) is jiff's.
//!
//! It does not choose the anchor (see `anchor`) nor find expressions (see `recognize`).

use super::lexicon::{season_month, Holiday, Unit};
use super::recognize::{Base, Clock, Shift, Val};
use super::tense::Tense;
use crate::calendar::{add_days, add_months, days_between};
use jiff::civil::{Date, ISOWeekDate, Time, Weekday};

/// What a relative expression is resolved against.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Context {
    /// The document creation time, or the date of the quote the expression is in.
    pub anchor: Option<Date>,
    /// The anchor's time of day, when known: "15 minutes ago" needs it to be a time.
    pub time: Option<Time>,
    /// The last day the text narrated, for "two days later" and "the next day".
    pub narrative: Option<Date>,
    /// The last date the text narrated, of any size (a day, a month, a quarter, a year), for
    /// "that year".
    pub period: Option<Period>,
    /// The last quarter or half the text reported on (not one it looks ahead to), for "the
    /// year-ago quarter" and "a year earlier".
    pub reported: Option<Period>,
    pub tense: Tense,
}

/// A TIMEX3 value, the date it was resolved against (None for absolute values) and the day
/// it names (for day-level values, to carry the narrative on).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub value: String,
    pub anchor: Option<Date>,
    pub day: Option<Date>,
}

/// `YYYY-MM-DD`, as `format!("{:04}-{:02}-{:02}")` writes it. The stages write a date for
/// most expressions and events, and the formatting machinery cost about a thousand
/// instructions a call: years 0 to 9999 are written digit by digit (others, which a date
/// parsed from news never has, through `format!`).
pub(crate) fn ymd(d: Date) -> String {
    let (year, month, day) = (d.year(), d.month(), d.day());
    if !(0..=9999).contains(&year) {
        return format!("{year:04}-{month:02}-{day:02}");
    }
    // OK because a year of 0..=9999 has four digits and a month or day of a valid date two:
    // every value pushed is an ASCII digit or `-`.
    let digit = |n: i16| char::from(b'0' + (n % 10) as u8);
    let mut out = String::with_capacity(10);
    for n in [year / 1000, year / 100, year / 10, year] {
        out.push(digit(n));
    }
    out.push('-');
    out.push(digit(i16::from(month) / 10));
    out.push(digit(i16::from(month)));
    out.push('-');
    out.push(digit(i16::from(day) / 10));
    out.push(digit(i16::from(day)));
    out
}

fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn clock_suffix(clock: Option<Clock>) -> String {
    match clock {
        Some(Clock::At(h, m, Some(s))) => format!("T{h:02}:{m:02}:{s:02}"),
        Some(Clock::At(h, m, None)) => format!("T{h:02}:{m:02}"),
        Some(Clock::Part(p)) => format!("T{p}"),
        None => String::new(),
    }
}

/// A date the text named, as its first day and its size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Period {
    pub start: Date,
    pub grain: Grain,
}

/// The size of a named date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grain {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Half,
    Year,
}

/// The date a TIMEX3 value names (`2015-06-04T08:00`, `2015-06`, `2015-W23`, `2015-Q3`,
/// `2015-H2`, `2015-SU`, `2015`), if it names one.
pub(crate) fn period_of(value: &str) -> Option<Period> {
    // A day, the commonest value, without splitting it.
    match crate::calendar::day_of_value(value) {
        Some(start) => Some(Period { start, grain: Grain::Day }),
        None => period_by_parts(value),
    }
}

/// [`period_of`] of any form, by splitting the value at its separators.
fn period_by_parts(value: &str) -> Option<Period> {
    let day_part = value.split('T').next()?;
    let mut parts = day_part.split('-');
    let year: i16 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let Some(second) = parts.next() else {
        return Date::new(year, 1, 1).ok().map(|start| Period { start, grain: Grain::Year });
    };
    let number = |s: &str| s.parse::<i8>().ok();
    let (start, grain) = match second.as_bytes().first()? {
        b'W' => (ISOWeekDate::new(year, number(&second[1..])?, Weekday::Monday).ok()?.date(), Grain::Week),
        b'Q' => (Date::new(year, 3 * (number(&second[1..])? - 1) + 1, 1).ok()?, Grain::Quarter),
        b'H' => (Date::new(year, 6 * (number(&second[1..])? - 1) + 1, 1).ok()?, Grain::Half),
        b'0'..=b'9' => match parts.next() {
            Some(day) => (Date::new(year, number(second)?, number(day)?).ok()?, Grain::Day),
            None => (Date::new(year, number(second)?, 1).ok()?, Grain::Month),
        },
        _ if matches!(second, "SP" | "SU" | "FA" | "WI") => {
            (Date::new(year, season_month(second), 1).ok()?, Grain::Season)
        }
        _ => return None,
    };
    Some(Period { start, grain })
}

/// The last day of a period.
pub(crate) fn period_end(p: &Period) -> Option<Date> {
    let next = match p.grain {
        Grain::Day => return Some(p.start),
        Grain::Week => return add_days(p.start, 6),
        Grain::Month => add_months(p.start, 1),
        Grain::Season | Grain::Quarter => add_months(p.start, 3),
        Grain::Half => add_months(p.start, 6),
        Grain::Year => add_months(p.start, 12),
    }?;
    add_days(next, -1)
}

/// A reporting period (a quarter or half) as a TIMEX3 value, `years` years earlier.
fn period_value(p: Period, years: i16) -> Option<String> {
    let year = p.start.year() - years;
    Some(match p.grain {
        Grain::Quarter => format!("{year:04}-Q{}", (p.start.month() - 1) / 3 + 1),
        Grain::Half => format!("{year:04}-H{}", (p.start.month() - 1) / 6 + 1),
        _ => return None,
    })
}

/// How long ago a reported period may lie for "the year-ago quarter" to count from it.
const REPORTED_PERIOD_DAYS: i64 = 550;

/// Resolves `val` (with its time of day, if any) in `ctx`.
pub(crate) fn resolve(val: &Val, clock: Option<Clock>, ctx: &Context) -> Resolved {
    let absolute = |value: String| Resolved { value, anchor: None, day: None };
    match *val {
        Val::Fixed(ref v) => absolute(v.clone()),
        Val::Day { year: Some(y), month, day } => match Date::new(y, month, day) {
            Ok(d) => Resolved { value: ymd(d) + &clock_suffix(clock), anchor: None, day: Some(d) },
            Err(_) => absolute(format!("{y:04}-{month:02}-{day:02}")),
        },
        Val::Holiday { year: Some(y), rule, .. } => match rule.date(y) {
            Some(d) => Resolved { value: ymd(d) + &clock_suffix(clock), anchor: None, day: Some(d) },
            None => absolute(format!("{y:04}")),
        },
        Val::Month { year: Some(y), month, .. } => absolute(format!("{y:04}-{month:02}")),
        Val::Season { year: Some(y), code, .. } => absolute(format!("{y:04}-{code}")),
        Val::Part { year: Some(y), code, index, .. } => absolute(format!("{y:04}-{code}{index}")),
        Val::SamePeriod { years_back, ref otherwise } => {
            let reported = ctx
                .reported
                .filter(|p| ctx.anchor.map_or(true, |a| days_between(a, p.start).abs() <= REPORTED_PERIOD_DAYS));
            match reported.and_then(|p| period_value(p, i16::from(years_back))) {
                Some(value) => Resolved { value, anchor: ctx.anchor, day: None },
                None => resolve(otherwise, clock, ctx),
            }
        }
        Val::Shifted { ref from, unit, n } => {
            let from = resolve(from, None, ctx);
            match from.day.and_then(|d| shift_day(d, unit, n)) {
                Some(d) => Resolved { value: ymd(d) + &clock_suffix(clock), anchor: from.anchor, day: Some(d) },
                None => absolute("XXXX-XX-XX".to_string()),
            }
        }
        Val::Offset { unit: unit @ (Unit::Second | Unit::Minute | Unit::Hour), n, base } => {
            // "Five minutes later" counts from the time of day last narrated, which is the
            // anchor's when the text narrated no other day.
            let (anchor, time) = match (base, ctx.narrative) {
                (Base::Narrative, Some(day)) => (Some(day), None),
                _ => (ctx.anchor, ctx.time),
            };
            match anchor {
                Some(a) => clock_offset(a, time, unit, n),
                None => absolute(if n < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string()),
            }
        }
        _ => {
            let base = match val {
                Val::Offset { base: Base::Narrative, unit: Unit::Day | Unit::Week, .. }
                | Val::Weekday { shift: Shift::Previous | Shift::Following, .. } => ctx.narrative.or(ctx.anchor),
                // "that year" is the year last narrated; "a year earlier" counts from the last day.
                Val::Offset { base: Base::Narrative, n: 0, .. } => {
                    ctx.period.map(|p| p.start).or(ctx.narrative).or(ctx.anchor)
                }
                Val::Offset { base: Base::Narrative, .. } => ctx.narrative.or(ctx.anchor),
                _ => ctx.anchor,
            };
            match base {
                Some(a) => match relative_value(val, a, ctx.tense) {
                    Some((value, day)) => {
                        let value = if day.is_some() { value + &clock_suffix(clock) } else { value };
                        Resolved { value, anchor: Some(a), day }
                    }
                    None => absolute(unanchored(val)),
                },
                None => absolute(unanchored(val) + &clock_suffix(clock)),
            }
        }
    }
}

/// The next occurrence after `r` of what `val` names without a year or week of its own: a
/// weekday a week later, a month or a day of the year a year later. None for other values.
pub(crate) fn after(r: &Resolved, val: &Val, clock: Option<Clock>) -> Option<Resolved> {
    let day = |d: Date| Resolved { value: ymd(d) + &clock_suffix(clock), anchor: r.anchor, day: Some(d) };
    match *val {
        Val::Weekday { .. } => r.day.and_then(|d| add_days(d, 7)).map(day),
        Val::Day { year: None, .. } => r.day.and_then(|d| add_months(d, 12)).map(day),
        Val::Month { year: None, .. } => {
            let first = period_of(&r.value)?.start;
            let next = add_months(first, 12)?;
            Some(Resolved { value: format!("{:04}-{:02}", next.year(), next.month()), anchor: r.anchor, day: None })
        }
        _ => None,
    }
}

/// `d` moved by `n` units, as a day.
fn shift_day(d: Date, unit: Unit, n: i64) -> Option<Date> {
    match unit {
        Unit::Day => add_days(d, n),
        Unit::Week => add_days(d, 7 * n),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, 3 * n),
        Unit::Year => add_months(d, 12 * n),
        _ => None,
    }
}

/// `n` clock units from anchor `a`: a time of day when the anchor's is known
/// (`2012-08-10T11:59`), else the day it falls on.
fn clock_offset(a: Date, time: Option<Time>, unit: Unit, n: i64) -> Resolved {
    let seconds = n.saturating_mul(match unit {
        Unit::Hour => 3600,
        Unit::Minute => 60,
        _ => 1,
    });
    // Plain arithmetic on the seconds of the day: jiff's `DateTime + SignedDuration` would link
    // its error formatting (some 20 KiB of wasm) for an overflow that `add_days` reports anyway.
    let shifted = time.and_then(|t| {
        let of_day = i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second());
        let total = of_day.checked_add(seconds)?;
        let rest = total.rem_euclid(86_400);
        Some((add_days(a, total.div_euclid(86_400))?, rest / 3600, rest % 3600 / 60, rest % 60))
    });
    match shifted {
        Some((day, hour, minute, second)) => {
            let value = if unit == Unit::Second || second != 0 {
                format!("{}T{hour:02}:{minute:02}:{second:02}", ymd(day))
            } else {
                format!("{}T{hour:02}:{minute:02}", ymd(day))
            };
            Resolved { value, anchor: Some(a), day: Some(day) }
        }
        // Without the time of day, only whole days of the offset are known.
        _ => match add_days(a, seconds / 86_400) {
            Some(d) => Resolved { value: ymd(d), anchor: Some(a), day: Some(d) },
            None => Resolved { value: "PRESENT_REF".to_string(), anchor: None, day: None },
        },
    }
}

/// The value of a relative expression when there is nothing to resolve it against.
fn unanchored(val: &Val) -> String {
    match *val {
        Val::Day { month, day, .. } => format!("XXXX-{month:02}-{day:02}"),
        Val::Month { month, .. } => format!("XXXX-{month:02}"),
        Val::Season { code, .. } => format!("XXXX-{code}"),
        Val::Part { code, index, .. } => format!("XXXX-{code}{index}"),
        Val::Weekday { day, .. } => format!("XXXX-WXX-{}", day.to_monday_one_offset()),
        Val::Weekend { .. } => "XXXX-WXX-WE".to_string(),
        Val::Holiday { rule: Holiday::Fixed(month, day), .. } => format!("XXXX-{month:02}-{day:02}"),
        Val::Holiday { .. } => "XXXX-XX-XX".to_string(),
        Val::Shifted { .. } => "XXXX-XX-XX".to_string(),
        Val::SamePeriod { ref otherwise, .. } => unanchored(otherwise),
        Val::Offset { unit, .. } => match unit {
            Unit::Second | Unit::Minute | Unit::Hour => "PRESENT_REF",
            Unit::Day => "XXXX-XX-XX",
            Unit::Week => "XXXX-WXX",
            Unit::Weekend => "XXXX-WXX-WE",
            Unit::Month => "XXXX-XX",
            Unit::Quarter => "XXXX-QX",
            Unit::Year => "XXXX",
            Unit::Decade => "XXX",
            Unit::Century => "XX",
        }
        .to_string(),
        Val::Fixed(ref v) => v.clone(),
    }
}

/// How much nearer the other candidate must be before the tense is overruled: a date
/// without a year a few days ahead is not the one a year ago because a verb is past ("the
/// offer was extended to Nov. 6", written on Oct. 30).
const OVERRULE_RATIO: i64 = 4;
/// The tense is never overruled for a candidate nearer than this many days.
const OVERRULE_DAYS: i64 = 90;

/// Picks among candidate dates (sorted ascending) the one the tense points to: the latest not
/// after the anchor in the past, the earliest not before it in the future (unless the other
/// is far nearer), else the nearest.
fn by_tense(candidates: &[Date], anchor: Date, tense: Tense) -> Option<Date> {
    let past = candidates.iter().rev().find(|d| **d <= anchor).copied();
    let future = candidates.iter().find(|d| **d >= anchor).copied();
    let distance = |d: Date| days_between(anchor, d).abs();
    let unless_far = |chosen: Option<Date>, other: Option<Date>| match (chosen, other) {
        (Some(c), Some(o)) if distance(c) > OVERRULE_DAYS && distance(o) * OVERRULE_RATIO < distance(c) => Some(o),
        (c, o) => c.or(o),
    };
    match tense {
        Tense::Past => unless_far(past, future),
        Tense::Future => unless_far(future, past),
        Tense::Unknown => match (past, future) {
            (Some(p), Some(f)) => Some(if distance(f) < distance(p) { f } else { p }),
            (p, f) => p.or(f),
        },
    }
}

/// The day `of_year` gives in the year of anchor `a` or one beside it: the latest before the
/// anchor or the first after it for `last` and `next`, else by the tense (see [`by_tense`]).
fn nearby_day(of_year: &dyn Fn(i16) -> Option<Date>, a: Date, shift: Shift, tense: Tense) -> Option<Date> {
    let candidates: Vec<Date> = (a.year() - 1..=a.year() + 1).filter_map(of_year).collect();
    match shift {
        Shift::Last | Shift::Previous => candidates.iter().rev().find(|d| **d < a).copied(),
        Shift::Next | Shift::Following => candidates.iter().find(|d| **d > a).copied(),
        _ => by_tense(&candidates, a, tense),
    }
}

/// Days from anchor `a` to the weekday `day` a shift names.
fn weekday_offset(a: Date, day: Weekday, shift: Shift, tense: Tense) -> i64 {
    let back = i64::from(a.weekday().since(day));
    let ahead = i64::from(day.since(a.weekday()));
    let in_week =
        |weeks: i64| 7 * weeks + i64::from(day.to_monday_one_offset()) - i64::from(a.weekday().to_monday_one_offset());
    match (shift, tense) {
        (Shift::Last | Shift::Previous, _) => {
            if back == 0 {
                -7
            } else {
                -back
            }
        }
        (Shift::Following, _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (Shift::Next, _) => in_week(1),
        (Shift::WeekOf(n), _) => in_week(i64::from(n)),
        (Shift::This | Shift::Tense, Tense::Past) => -back,
        (Shift::This, _) | (Shift::Tense, Tense::Future) => ahead,
        // Without a tense, the nearest; news narrates the past, so a day back wins a tie
        // with the day ahead of it ("shares closed at $5 Thursday", written on a Monday).
        (Shift::Tense, Tense::Unknown) => {
            if back <= ahead + 1 {
                -back
            } else {
                ahead
            }
        }
        (Shift::YearOf(_), _) => ahead,
    }
}

/// The value (and, for a single day, the day) of a relative expression against anchor `a`.
fn relative_value(val: &Val, a: Date, tense: Tense) -> Option<(String, Option<Date>)> {
    let year = a.year();
    let day_value = |d: Date| Some((ymd(d), Some(d)));
    match *val {
        Val::Day { month, day, .. } => {
            nearby_day(&|y| Date::new(y, month, day).ok(), a, Shift::Tense, tense).and_then(day_value)
        }
        Val::Holiday { rule, shift, .. } => nearby_day(&|y| rule.date(y), a, shift, tense).and_then(day_value),
        Val::Month { month, shift, .. } => {
            let this_month = a.first_of_month();
            let candidates: Vec<Date> = (year - 1..=year + 1).filter_map(|y| Date::new(y, month, 1).ok()).collect();
            let chosen = match shift {
                Shift::This => Date::new(year, month, 1).ok(),
                Shift::Last | Shift::Previous => candidates.iter().rev().find(|d| **d < this_month).copied(),
                Shift::Next | Shift::Following => candidates.iter().find(|d| **d > this_month).copied(),
                Shift::YearOf(n) => Date::new(year + i16::from(n), month, 1).ok(),
                Shift::Tense | Shift::WeekOf(_) => by_tense(&candidates, this_month, tense),
            }?;
            Some((format!("{:04}-{:02}", chosen.year(), chosen.month()), None))
        }
        Val::Season { code, shift, .. } => {
            let start = |y: i16| Date::new(y, season_month(code), 1).ok();
            let starts: Vec<Date> = (year - 2..=year + 1).filter_map(start).collect();
            let end = |d: Date| add_months(d, 3).unwrap_or(d);
            let containing = starts.iter().find(|s| **s <= a && a < end(**s)).copied();
            let chosen = match (shift, tense) {
                (Shift::YearOf(n), _) => start(year + i16::from(n)),
                (Shift::Last | Shift::Previous, _) => starts.iter().rev().find(|s| end(**s) <= a).copied(),
                (Shift::Next | Shift::Following, _) => starts.iter().find(|s| **s > a).copied(),
                (_, Tense::Past) => starts.iter().rev().find(|s| **s <= a).copied(),
                (_, Tense::Future) => containing.or_else(|| starts.iter().find(|s| **s > a).copied()),
                _ => containing.or_else(|| start(year)),
            }?;
            Some((format!("{:04}-{code}", chosen.year()), None))
        }
        Val::Part { code, index, shift, .. } => {
            let current = if code == "Q" { (a.month() - 1) / 3 + 1 } else { (a.month() - 1) / 6 + 1 };
            let y = match (shift, tense) {
                (Shift::YearOf(n), _) => year + i16::from(n),
                (_, Tense::Past) if index > current => year - 1,
                // A quarter just ended is still reported on in the future ("will report
                // third-quarter results", written in October): only one further back is next year's.
                (_, Tense::Future) if index + 1 < current => year + 1,
                _ => year,
            };
            Some((format!("{y:04}-{code}{index}"), None))
        }
        Val::Weekday { day, shift } => add_days(a, weekday_offset(a, day, shift, tense)).and_then(day_value),
        Val::Weekend { shift } => {
            let weekend = matches!(a.weekday(), Weekday::Saturday | Weekday::Sunday);
            let weeks = match (shift, tense) {
                (Shift::Last | Shift::Previous, _) => -1,
                (Shift::Next | Shift::Following, _) => 1,
                (Shift::WeekOf(n), _) => i64::from(n),
                (Shift::YearOf(_), _) => 0,
                (Shift::Tense, Tense::Past | Tense::Unknown) if !weekend => -1,
                _ => 0,
            };
            Some((format!("{}-WE", iso_week(add_days(a, 7 * weeks)?)), None))
        }
        Val::Offset { unit, n, .. } => match unit {
            Unit::Day => add_days(a, n).and_then(day_value),
            Unit::Week => Some((iso_week(add_days(a, 7 * n)?), None)),
            Unit::Weekend => Some((format!("{}-WE", iso_week(add_days(a, 7 * n)?)), None)),
            Unit::Month => add_months(a, n).map(|d| (format!("{:04}-{:02}", d.year(), d.month()), None)),
            Unit::Quarter => {
                let d = add_months(a, 3 * n)?;
                Some((format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1), None))
            }
            Unit::Year => Some((format!("{:04}", i64::from(year) + n), None)),
            Unit::Decade => Some((format!("{:03}", i64::from(year) / 10 + n), None)),
            Unit::Century => Some((format!("{:02}", i64::from(year) / 100 + n), None)),
            Unit::Second | Unit::Minute | Unit::Hour => Some(("PRESENT_REF".to_string(), None)),
        },
        Val::Fixed(_) | Val::Shifted { .. } | Val::SamePeriod { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, Weekday};

    #[test]
    fn a_day_read_by_bytes_is_the_day_read_by_parts() {
        let values = [
            "2015-06-09",
            "2015-06-09T08:15",
            "2015-06-09TMO",
            "2015-06-09T08:15/2015-06-10",
            "2015-02-30",
            "2015-06-09 08:15",
            "2015-06-9",
            "2015-06",
            "2015-W23",
            "2015-Q3",
            "2015-SU",
            "2015",
            "XXXX-06-09",
            "",
        ];
        let mut fast = 0;
        for value in values {
            fast += usize::from(crate::calendar::day_of_value(value).is_some());
            assert_eq!(period_of(value), period_by_parts(value), "{value}");
        }
        // The cases reach both readings.
        assert!(fast >= 3 && fast < values.len(), "{fast}");
    }

    #[test]
    fn ymd_writes_what_format_writes() {
        let days =
            [date(2015, 6, 9), date(1, 1, 1), date(999, 12, 31), date(9999, 12, 31), date(-5, 3, 4), date(0, 10, 10)];
        for d in days {
            assert_eq!(ymd(d), format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()));
        }
        assert_eq!(ymd(date(987, 1, 2)), "0987-01-02");
    }

    fn ctx(a: Date, tense: Tense) -> Context {
        Context { anchor: Some(a), tense, ..Context::default() }
    }

    fn value(val: Val, a: Date, tense: Tense) -> String {
        resolve(&val, None, &ctx(a, tense)).value
    }

    #[test]
    fn weeks_cross_iso_years() {
        let last_week = Val::Offset { unit: Unit::Week, n: -1, base: Base::Anchor };
        assert_eq!(value(last_week, date(2010, 1, 3), Tense::Unknown), "2009-W52");
        let this_week = Val::Offset { unit: Unit::Week, n: 0, base: Base::Anchor };
        assert_eq!(value(this_week, date(2021, 1, 1), Tense::Unknown), "2020-W53");
    }

    #[test]
    fn weekdays_follow_tense() {
        let monday = Val::Weekday { day: Weekday::Monday, shift: Shift::Tense };
        assert_eq!(value(monday.clone(), date(2015, 6, 9), Tense::Past), "2015-06-08");
        assert_eq!(value(monday.clone(), date(2015, 6, 8), Tense::Past), "2015-06-08");
        assert_eq!(value(monday, date(2015, 6, 9), Tense::Future), "2015-06-15");
        let next_friday = Val::Weekday { day: Weekday::Friday, shift: Shift::Next };
        assert_eq!(value(next_friday.clone(), date(2015, 6, 12), Tense::Unknown), "2015-06-19");
        assert_eq!(value(next_friday, date(2015, 6, 9), Tense::Unknown), "2015-06-19", "the Friday of next week");
    }

    #[test]
    fn leap_days_pick_a_leap_year() {
        let feb29 = Val::Day { year: None, month: 2, day: 29 };
        assert_eq!(value(feb29, date(2013, 1, 10), Tense::Past), "2012-02-29");
    }

    #[test]
    fn narrative_offsets_use_the_last_narrated_day() {
        let later = Val::Offset { unit: Unit::Day, n: 2, base: Base::Narrative };
        let c = Context {
            anchor: Some(date(2015, 6, 9)),
            narrative: Some(date(2015, 5, 20)),
            tense: Tense::Past,
            ..Context::default()
        };
        assert_eq!(resolve(&later, None, &c).value, "2015-05-22");
    }
}
