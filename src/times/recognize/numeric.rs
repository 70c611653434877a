//! Dates and clock times written in digits: `2013-2-7`, `2015/05/25`, `12-30-16`, `8/10/2012`,
//! `05.25.2015`, `04/2016`, `1994-11-05T08:15:30`, and clock readings `8:48`, `20:32:13`.
//!
//! A date is read in the orders people write: year first when the first part has four digits,
//! else month first (the US order) unless the first part cannot be a month, then day first. A
//! two-digit year is 19xx from 50 up and 20xx below it. A dotted date needs a four-digit year,
//! so that version numbers (`1.1.3`) stay numbers; a hyphenated pair (`3-2`) is a score, not a
//! date; and nothing that is not a calendar date (`2/29/2014`, `20-30-12`) is one.

/// A date read from one token of digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Digits {
    pub year: Option<i16>,
    pub month: i8,
    /// None for a month (`04/2016`).
    pub day: Option<i8>,
    /// A time of day written into the same token (`…T08:15:30`).
    pub clock: Option<Reading>,
}

/// A clock reading: hour (0–24), minute, and second when written.
pub(crate) type Reading = (i8, i8, Option<i8>);

/// The four-digit year of a two-digit one (`82` → 1982, `16` → 2016).
pub(crate) fn two_digit_year(yy: i16) -> i16 {
    if yy >= 50 {
        1900 + yy
    } else {
        2000 + yy
    }
}

fn number(part: &str) -> Option<i16> {
    (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

fn valid(year: i16, month: i16, day: i16) -> Option<(i16, i8, i8)> {
    let (month, day) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    ((1000..=2199).contains(&year) && jiff::civil::Date::new(year, month, day).is_ok()).then_some((year, month, day))
}

/// The date a token of digits and separators writes (a lowercase key), if it writes one. A
/// month and day without a year (`8/10`) comes back with `year: None`; the caller decides
/// whether the context makes it a date rather than a fraction.
pub(crate) fn date(token: &str) -> Option<Digits> {
    let (day_part, time_part) = match token.split_once('t') {
        Some((d, t)) => (d, Some(t)),
        None => (token, None),
    };
    let sep = day_part.bytes().find(|b| matches!(b, b'-' | b'/' | b'.'))?;
    let parts: Vec<&str> = day_part.split(char::from(sep)).collect();
    if parts.iter().any(|p| number(p).is_none()) {
        return None;
    }
    let clock = match time_part {
        Some(t) => Some(clock(t.trim_end_matches('z'))?),
        None => None,
    };
    match parts.as_slice() {
        [a, b, c] => {
            let (y, m, d) = if a.len() == 4 {
                let (m, d) = (number(b)?, number(c)?);
                // Year first, then month and day, unless only the other order is a date.
                if m > 12 && d <= 12 {
                    (number(a)?, d, m)
                } else {
                    (number(a)?, m, d)
                }
            } else {
                let dotted_without_year = sep == b'.' && c.len() != 4;
                if dotted_without_year || a.len() > 2 || b.len() > 2 || !matches!(c.len(), 2 | 4) {
                    return None;
                }
                let y = if c.len() == 2 { two_digit_year(number(c)?) } else { number(c)? };
                let (a, b) = (number(a)?, number(b)?);
                if a > 12 {
                    (y, b, a)
                } else {
                    (y, a, b)
                }
            };
            let (year, month, day) = valid(y, m, d)?;
            Some(Digits { year: Some(year), month, day: Some(day), clock })
        }
        [a, b] if clock.is_none() && sep != b'.' => {
            let month_of = |year: &str, month: &str| {
                let (year, month) = valid(number(year)?, number(month)?, 1).map(|(y, m, _)| (y, m))?;
                Some(Digits { year: Some(year), month, day: None, clock: None })
            };
            match (a.len(), b.len()) {
                (1 | 2, 4) => month_of(b, a),
                (4, 1 | 2) => month_of(a, b),
                (1 | 2, 1 | 2) if sep == b'/' => {
                    let (_, month, day) = valid(2000, number(a)?, number(b)?)?;
                    Some(Digits { year: None, month, day: Some(day), clock: None })
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// A clock reading at the start of `text`: `8`, `08:15`, `20:32:13` (anything after the
/// digits and colons, such as a time zone or fraction of a second, is ignored).
pub(crate) fn clock(text: &str) -> Option<Reading> {
    let end = text.bytes().position(|b| !(b.is_ascii_digit() || b == b':')).unwrap_or(text.len());
    let mut parts = text[..end].split(':');
    let hour = parts.next().filter(|h| (1..=2).contains(&h.len())).and_then(|h| h.parse::<i8>().ok())?;
    let mut two_digits = || match parts.next() {
        Some(p) if p.len() == 2 => p.parse::<i8>().ok().filter(|v| *v < 60).map(Some),
        Some(_) => None,
        None => Some(None),
    };
    let minute = two_digits()?;
    let second = two_digits()?;
    if parts.next().is_some() || hour > 24 || (second.is_some() && minute.is_none()) {
        return None;
    }
    Some((hour, minute.unwrap_or(0), second))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(token: &str) -> Option<(Option<i16>, i8, Option<i8>)> {
        date(token).map(|d| (d.year, d.month, d.day))
    }

    #[test]
    fn dates_in_the_usual_orders() {
        assert_eq!(ymd("2013-2-7"), Some((Some(2013), 2, Some(7))));
        assert_eq!(ymd("2015/05/25"), Some((Some(2015), 5, Some(25))));
        assert_eq!(ymd("2015.05.25"), Some((Some(2015), 5, Some(25))));
        assert_eq!(ymd("12-30-16"), Some((Some(2016), 12, Some(30))));
        assert_eq!(ymd("8/10/2012"), Some((Some(2012), 8, Some(10))));
        assert_eq!(ymd("25/05/2015"), Some((Some(2015), 5, Some(25))), "day first when it must be");
        assert_eq!(ymd("10/31/74"), Some((Some(1974), 10, Some(31))));
        assert_eq!(ymd("04/2016"), Some((Some(2016), 4, None)));
        assert_eq!(ymd("2016-04"), Some((Some(2016), 4, None)));
        assert_eq!(ymd("8/10"), Some((None, 8, Some(10))));
        let stamp = date("1994-11-05t08:15:30-05:30").unwrap();
        assert_eq!((stamp.day, stamp.clock), (Some(5), Some((8, 15, Some(30)))));
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for token in [
            "1-2-3",
            "4-5-6",
            "20-30-12",
            "1.1.3",
            "1.10.30",
            "3-2",
            "8/32/2014",
            "2/29/2014",
            "2014/13/22",
            "650-650-6500",
        ] {
            assert_eq!(ymd(token), None, "{token}");
        }
    }

    #[test]
    fn clock_readings() {
        assert_eq!(clock("8:48"), Some((8, 48, None)));
        assert_eq!(clock("20:32:13"), Some((20, 32, Some(13))));
        assert_eq!(clock("7"), Some((7, 0, None)));
        assert_eq!(clock("8:5"), None);
        assert_eq!(clock("25:00"), None);
    }
}
