//! Resolution: turns a recognized meaning into a TIMEX3 value against an anchor date (the
//! document creation time or a quote's date), the last narrated date and the clause's tense.
//! All calendar arithmetic (months, ISO weeks, leap years) is jiff's.
//!
//! It does not choose the anchor (see `anchor`) nor find expressions (see `recognize`).

use super::lexicon::{season_month, Unit};
use super::recognize::{Base, Clock, Shift, Val};
use super::tense::Tense;
use crate::calendar::{add_days, add_months, days_between};
use jiff::civil::Date;

/// What a relative expression is resolved against.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Context {
    /// The document creation time, or the date of the quote the expression is in.
    pub anchor: Option<Date>,
    /// The last day the text narrated, for "two days later" and "the next day".
    pub narrative: Option<Date>,
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

pub(crate) fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn iso_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn clock_suffix(clock: Option<Clock>) -> String {
    match clock {
        Some(Clock::At(h, m)) => format!("T{h:02}:{m:02}"),
        Some(Clock::Part(p)) => format!("T{p}"),
        None => String::new(),
    }
}

/// Resolves `val` (with its time of day, if any) in `ctx`.
pub(crate) fn resolve(val: &Val, clock: Option<Clock>, ctx: &Context) -> Resolved {
    let absolute = |value: String| Resolved { value, anchor: None, day: None };
    let relative = |value: String, anchor: Date| Resolved { value, anchor: Some(anchor), day: None };
    match *val {
        Val::Fixed(ref v) => absolute(v.clone()),
        Val::Day { year: Some(y), month, day } => match Date::new(y, month, day) {
            Ok(d) => Resolved { value: ymd(d) + &clock_suffix(clock), anchor: None, day: Some(d) },
            Err(_) => absolute(format!("{y:04}-{month:02}-{day:02}")),
        },
        Val::Month { year: Some(y), month, .. } => absolute(format!("{y:04}-{month:02}")),
        Val::Season { year: Some(y), code, .. } => absolute(format!("{y:04}-{code}")),
        Val::Part { year: Some(y), code, index } => absolute(format!("{y:04}-{code}{index}")),
        _ => {
            let base = match val {
                Val::Offset { base: Base::Narrative, .. } => ctx.narrative.or(ctx.anchor),
                _ => ctx.anchor,
            };
            match base {
                Some(a) => match relative_value(val, a, ctx.tense) {
                    Some((value, day)) => {
                        let value = if day.is_some() { value + &clock_suffix(clock) } else { value };
                        Resolved { day, ..relative(value, a) }
                    }
                    None => absolute(unanchored(val)),
                },
                None => absolute(unanchored(val) + &clock_suffix(clock)),
            }
        }
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
        Val::Offset { unit, .. } => match unit {
            Unit::Minute | Unit::Hour => "PRESENT_REF",
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

/// Picks among candidate dates (sorted ascending) the one the tense points to: the latest not
/// after the anchor in the past, the earliest not before it in the future, else the nearest.
fn by_tense(candidates: &[Date], anchor: Date, tense: Tense) -> Option<Date> {
    let past = candidates.iter().rev().find(|d| **d <= anchor).copied();
    let future = candidates.iter().find(|d| **d >= anchor).copied();
    match tense {
        Tense::Past => past.or(future),
        Tense::Future => future.or(past),
        Tense::Unknown => {
            let distance = |d: Date| days_between(anchor, d).abs();
            match (past, future) {
                (Some(p), Some(f)) => Some(if distance(f) < distance(p) { f } else { p }),
                (p, f) => p.or(f),
            }
        }
    }
}

/// The value (and, for a single day, the day) of a relative expression against anchor `a`.
fn relative_value(val: &Val, a: Date, tense: Tense) -> Option<(String, Option<Date>)> {
    let year = a.year();
    let day_value = |d: Date| Some((ymd(d), Some(d)));
    match *val {
        Val::Day { month, day, .. } => {
            let candidates: Vec<Date> = (year - 1..=year + 1).filter_map(|y| Date::new(y, month, day).ok()).collect();
            by_tense(&candidates, a, tense).and_then(day_value)
        }
        Val::Month { month, shift, .. } => {
            let this_month = a.first_of_month();
            let candidates: Vec<Date> = (year - 1..=year + 1).filter_map(|y| Date::new(y, month, 1).ok()).collect();
            let chosen = match shift {
                Shift::This => Date::new(year, month, 1).ok(),
                Shift::Last => candidates.iter().rev().find(|d| **d < this_month).copied(),
                Shift::Next => candidates.iter().find(|d| **d > this_month).copied(),
                Shift::Tense => by_tense(&candidates, this_month, tense),
            }?;
            Some((format!("{:04}-{:02}", chosen.year(), chosen.month()), None))
        }
        Val::Season { code, shift, .. } => {
            let start = |y: i16| Date::new(y, season_month(code), 1).ok();
            let starts: Vec<Date> = (year - 2..=year + 1).filter_map(start).collect();
            let end = |d: Date| add_months(d, 3).unwrap_or(d);
            let containing = starts.iter().find(|s| **s <= a && a < end(**s)).copied();
            let chosen = match (shift, tense) {
                (Shift::Last, _) => starts.iter().rev().find(|s| end(**s) <= a).copied(),
                (Shift::Next, _) => starts.iter().find(|s| **s > a).copied(),
                (Shift::Tense, Tense::Past) => starts.iter().rev().find(|s| **s <= a).copied(),
                (Shift::Tense, Tense::Future) => containing.or_else(|| starts.iter().find(|s| **s > a).copied()),
                _ => containing.or_else(|| start(year)),
            }?;
            Some((format!("{:04}-{code}", chosen.year()), None))
        }
        Val::Part { code, index, .. } => {
            let current = if code == "Q" { (a.month() - 1) / 3 + 1 } else { (a.month() - 1) / 6 + 1 };
            let y = match tense {
                Tense::Past if index > current => year - 1,
                Tense::Future if index < current => year + 1,
                _ => year,
            };
            Some((format!("{y:04}-{code}{index}"), None))
        }
        Val::Weekday { day, shift } => {
            let back = i64::from(a.weekday().since(day));
            let ahead = i64::from(day.since(a.weekday()));
            let offset = match (shift, tense) {
                (Shift::Last, _) => {
                    if back == 0 {
                        -7
                    } else {
                        -back
                    }
                }
                (Shift::Next, _) => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
                (Shift::This, _) => {
                    i64::from(day.to_monday_one_offset()) - i64::from(a.weekday().to_monday_one_offset())
                }
                (Shift::Tense, Tense::Future) => ahead,
                (Shift::Tense, _) => -back,
            };
            add_days(a, offset).and_then(day_value)
        }
        Val::Weekend { shift } => {
            let weekend = matches!(a.weekday(), jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday);
            let weeks = match (shift, tense) {
                (Shift::Last, _) => -1,
                (Shift::Next, _) => 1,
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
            Unit::Minute | Unit::Hour => Some(("PRESENT_REF".to_string(), None)),
        },
        Val::Fixed(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, Weekday};

    fn ctx(a: Date, tense: Tense) -> Context {
        Context { anchor: Some(a), narrative: None, tense }
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
        assert_eq!(value(next_friday, date(2015, 6, 12), Tense::Unknown), "2015-06-19");
    }

    #[test]
    fn leap_days_pick_a_leap_year() {
        let feb29 = Val::Day { year: None, month: 2, day: 29 };
        assert_eq!(value(feb29, date(2013, 1, 10), Tense::Past), "2012-02-29");
    }

    #[test]
    fn narrative_offsets_use_the_last_narrated_day() {
        let later = Val::Offset { unit: Unit::Day, n: 2, base: Base::Narrative };
        let c = Context { anchor: Some(date(2015, 6, 9)), narrative: Some(date(2015, 5, 20)), tense: Tense::Past };
        assert_eq!(resolve(&later, None, &c).value, "2015-05-22");
    }
}
