//! The days a TIMEX3 date value covers: `2015-06-04` one day, `2015-06` a month, `2015-W23`
//! a week, `2015-SP` a season, `197` a decade. Vague and underspecified values have none.

use crate::calendar::{add_days, add_months};
use crate::model::Precision;
use crate::times::lexicon::season_month;
use jiff::civil::{Date, ISOWeekDate, Weekday};

fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn months_from(start: Date, months: i64) -> Option<(Date, Date)> {
    let end = add_days(add_months(start, months)?, -1)?;
    Some((start, end))
}

/// First and last day of the date a value names, and how precise it is, if it names one; for
/// an interval `start/end`, from the first day of its start to the last of its end, as
/// precise as its less precise end.
pub(crate) fn with_precision(value: &str) -> Option<(Date, Date, Precision)> {
    match day_of(value) {
        Some(day) => Some((day, day, Precision::Day)),
        None => read(value),
    }
}

/// [`with_precision`] of any form, by splitting the value at its separators.
fn read(value: &str) -> Option<(Date, Date, Precision)> {
    if let Some((start, end)) = value.split_once('/') {
        let ((first, _, p), (_, last, q)) = (with_precision(start)?, with_precision(end)?);
        return (first <= last).then_some((first, last, p.max(q)));
    }
    let day_part = value.split('T').next()?;
    // No value below has more than three parts: four are enough to tell (without a Vec).
    let mut buffer = [""; 4];
    let mut n = 0;
    for part in day_part.split('-').take(4) {
        // OK because `take(4)` leaves `n` below 4 here.
        buffer[n] = part;
        n += 1;
    }
    let tag = |(first, last): (Date, Date), precision| (first, last, precision);
    // OK because `n` is at most 4, the buffer's length.
    match &buffer[..n] {
        [y, m, d] if d.len() == 2 && number::<i8>(d).is_some() => {
            let day = Date::new(number(y)?, number(m)?, number(d)?).ok()?;
            Some((day, day, Precision::Day))
        }
        [y, w, rest @ ..] if w.starts_with('W') && rest.len() <= 1 => {
            let week = ISOWeekDate::new(number(y)?, number(&w[1..])?, Weekday::Monday).ok()?.date();
            if rest.first() == Some(&"WE") {
                let saturday = add_days(week, 5)?;
                return Some((saturday, saturday.tomorrow().ok()?, Precision::Weekend));
            }
            Some((week, add_days(week, 6)?, Precision::Week))
        }
        [y, m] if m.len() == 2 && number::<i8>(m).is_some() => {
            months_from(Date::new(number(y)?, number(m)?, 1).ok()?, 1).map(|r| tag(r, Precision::Month))
        }
        [y, q] if q.starts_with('Q') => {
            let quarter: i8 = number(&q[1..])?;
            months_from(Date::new(number(y)?, 3 * (quarter - 1) + 1, 1).ok()?, 3).map(|r| tag(r, Precision::Quarter))
        }
        [y, h] if h.starts_with('H') => {
            let half: i8 = number(&h[1..])?;
            months_from(Date::new(number(y)?, 6 * (half - 1) + 1, 1).ok()?, 6).map(|r| tag(r, Precision::Half))
        }
        [y, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => {
            months_from(Date::new(number(y)?, season_month(s), 1).ok()?, 3).map(|r| tag(r, Precision::Season))
        }
        [y] if y.len() == 4 => months_from(Date::new(number(y)?, 1, 1).ok()?, 12).map(|r| tag(r, Precision::Year)),
        [decade] if decade.len() == 3 => {
            months_from(Date::new(number::<i16>(decade)? * 10, 1, 1).ok()?, 120).map(|r| tag(r, Precision::Decade))
        }
        _ => None,
    }
}

/// [`crate::calendar::day_of_value`]: the commonest form's fast path, before [`read`].
fn day_of(value: &str) -> Option<Date> {
    crate::calendar::day_of_value(value)
}

pub(crate) fn ymd(d: Date) -> String {
    crate::times::resolve::ymd(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(value: &str) -> Option<(String, String)> {
        with_precision(value).map(|(a, b, _)| (ymd(a), ymd(b)))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn ranges_of_values() {
        assert_eq!(range("2015-06-09T08:15"), pair("2015-06-09", "2015-06-09"));
        assert_eq!(range("2015-02"), pair("2015-02-01", "2015-02-28"));
        assert_eq!(range("2016-02"), pair("2016-02-01", "2016-02-29"));
        assert_eq!(range("2015-W07"), pair("2015-02-09", "2015-02-15"));
        assert_eq!(range("2020-W53"), pair("2020-12-28", "2021-01-03"));
        assert_eq!(range("2015-W09-WE"), pair("2015-02-28", "2015-03-01"));
        assert_eq!(range("2015-Q3"), pair("2015-07-01", "2015-09-30"));
        assert_eq!(range("2015-SP"), pair("2015-03-01", "2015-05-31"));
        assert_eq!(range("1991"), pair("1991-01-01", "1991-12-31"));
        assert_eq!(range("197"), pair("1970-01-01", "1979-12-31"));
        assert_eq!(range("2012-08-10/2012-08-22"), pair("2012-08-10", "2012-08-22"));
        assert_eq!(range("2022-05/2022-12"), pair("2022-05-01", "2022-12-31"));
        assert_eq!(range("2022-12/2022-05"), None);
        assert_eq!(range("PAST_REF"), None);
        assert_eq!(range("XXXX-06"), None);
        assert_eq!(range("P3Y"), None);
    }

    /// The bytes' reading of `YYYY-MM-DD` is the general one, on days, non-days, times,
    /// intervals and near misses of the form.
    #[test]
    fn days_read_by_bytes_are_days_read_by_parts() {
        let values = [
            "2015-06-09",
            "2015-06-09T08:15",
            "2015-02-30",
            "2016-02-29",
            "2015-13-01",
            "2015-00-10",
            "0000-01-01",
            "9999-12-31",
            "2015-06-09/2015-06-12",
            "2015-06-09T08:15/2015-06-10",
            "2015-6-09",
            "2015-06-9",
            "2015-06-090",
            "+015-06-09",
            "2015-+6-09",
            "2015-06-+9",
            "2015-06-09TMO",
            "2015-06-09X",
            "2015-06",
            "2015-W23",
            "2015-06-09T",
            "20150609",
            "2015_06_09",
            "",
        ];
        let mut fast = 0;
        for value in values {
            fast += usize::from(day_of(value).is_some());
            assert_eq!(with_precision(value), read(value), "{value}");
        }
        // The cases reach both readings.
        assert!(fast >= 6 && fast < values.len(), "{fast}");
    }

    #[test]
    fn precision_of_values() {
        let precision = |value: &str| with_precision(value).map(|(_, _, p)| p);
        assert_eq!(precision("2015-06-09T08:15"), Some(Precision::Day));
        assert_eq!(precision("2015-W07"), Some(Precision::Week));
        assert_eq!(precision("2015-W09-WE"), Some(Precision::Weekend));
        assert_eq!(precision("2015-02"), Some(Precision::Month));
        assert_eq!(precision("2015-Q3"), Some(Precision::Quarter));
        assert_eq!(precision("2009-H1"), Some(Precision::Half));
        assert_eq!(precision("2009-SP"), Some(Precision::Season));
        assert_eq!(precision("1991"), Some(Precision::Year));
        assert_eq!(precision("197"), Some(Precision::Decade));
        assert_eq!(precision("PAST_REF"), None);
    }
}
