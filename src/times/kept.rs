//! The byte form of what [`super::detect`] finds in a document, as an article's part keeps it
//! (see [`crate::codec`]): per expression its span, sentence, tense, whether it is quoted, and
//! its recognized meaning before resolution, each enum as its index and each TIMEX3 code as its
//! text. Reading never panics; a value out of range, or a meaning nested deeper than
//! recognition makes one, reads as `None`.

use super::lexicon::{Holiday, Unit};
use super::recognize::{Base, Clock, RecognizedTime, Shift, Val};
use super::tense::Tense;
use super::Candidate;
use crate::codec::{Reader, Writer};
use crate::model::TimexType;
use jiff::civil::Weekday;

// Each enum is written as its discriminant (`as u64`) and read back from a table of its values
// in declaration order.
const KINDS: [TimexType; 4] = [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set];
const TENSES: [Tense; 3] = [Tense::Past, Tense::Future, Tense::Unknown];
const BASES: [Base; 2] = [Base::Anchor, Base::Narrative];
const UNITS: [Unit; 11] = [
    Unit::Second,
    Unit::Minute,
    Unit::Hour,
    Unit::Day,
    Unit::Week,
    Unit::Weekend,
    Unit::Month,
    Unit::Quarter,
    Unit::Year,
    Unit::Decade,
    Unit::Century,
];
/// Every code a season, a part of a year or a part of the day is written with (see
/// `lexicon::season`, `lexicon::part_of_day` and `recognize`).
const CODES: [&str; 10] = ["SP", "SU", "FA", "WI", "Q", "H", "MO", "AF", "EV", "NI"];
/// How deep one meaning may nest another (`Shifted`, `SamePeriod`): recognition nests a level
/// or two; the bound keeps damaged bytes from recursing without end.
const DEPTH: usize = 4;

fn code_index(code: &str) -> u64 {
    CODES.iter().position(|&c| c == code).unwrap_or_default() as u64
}

fn small(r: &mut Reader) -> Option<i8> {
    i8::try_from(r.int()?).ok()
}

fn year(r: &mut Reader) -> Option<Option<i16>> {
    match r.flag()? {
        false => Some(None),
        true => Some(Some(i16::try_from(r.int()?).ok()?)),
    }
}

fn write_year(year: Option<i16>, w: &mut Writer) {
    w.uint(u64::from(year.is_some()));
    if let Some(y) = year {
        w.int(y.into());
    }
}

pub(super) fn write(candidates: &[Candidate], w: &mut Writer) {
    w.uint(candidates.len() as u64);
    for c in candidates {
        w.span(c.span);
        w.uint(c.sentence as u64);
        w.uint(c.tense as u64);
        let f = &c.found;
        w.uint(f.first as u64);
        w.uint(f.last as u64);
        w.uint(f.kind as u64);
        write_val(&f.val, w);
        match f.clock {
            None => w.uint(0),
            Some(Clock::At(h, m, s)) => {
                w.uint(1);
                w.int(h.into());
                w.int(m.into());
                w.uint(u64::from(s.is_some()));
                if let Some(s) = s {
                    w.int(s.into());
                }
            }
            Some(Clock::Part(code)) => {
                w.uint(2);
                w.uint(code_index(code));
            }
        }
        match f.measure {
            None => w.uint(0),
            Some((n, unit)) => {
                w.uint(1 + unit as u64);
                w.fixed(n.to_bits());
            }
        }
        let flags = [c.quoted, f.bare_clock, f.weak, f.range_start, f.elastic];
        w.uint(flags.iter().rev().fold(0, |bits, &flag| bits << 1 | u64::from(flag)));
    }
}

pub(super) fn read(r: &mut Reader) -> Option<Vec<Candidate>> {
    let n = r.count()?;
    let mut candidates = Vec::with_capacity(n);
    for _ in 0..n {
        let span = r.span()?;
        let sentence = r.usize()?;
        let tense = r.pick(&TENSES)?;
        let first = r.usize()?;
        let last = r.usize()?;
        let kind = r.pick(&KINDS)?;
        let val = read_val(r, DEPTH)?;
        let clock = match r.uint()? {
            0 => None,
            1 => {
                let (h, m) = (small(r)?, small(r)?);
                let s = if r.flag()? { Some(small(r)?) } else { None };
                Some(Clock::At(h, m, s))
            }
            2 => Some(Clock::Part(r.pick(&CODES)?)),
            _ => return None,
        };
        let measure = match r.usize()? {
            0 => None,
            unit => Some((f64::from_bits(r.fixed()?), *UNITS.get(unit - 1)?)),
        };
        let bits = r.uint().filter(|&b| b < 32)?;
        let flag = |k: u32| bits >> k & 1 == 1;
        let found = RecognizedTime {
            first,
            last,
            kind,
            val,
            clock,
            bare_clock: flag(1),
            weak: flag(2),
            range_start: flag(3),
            measure,
            elastic: flag(4),
        };
        candidates.push(Candidate { span, found, sentence, tense, quoted: flag(0) });
    }
    Some(candidates)
}

fn write_shift(shift: Shift, w: &mut Writer) {
    match shift {
        Shift::Tense => w.uint(0),
        Shift::Last => w.uint(1),
        Shift::This => w.uint(2),
        Shift::Next => w.uint(3),
        Shift::Previous => w.uint(4),
        Shift::Following => w.uint(5),
        Shift::WeekOf(n) => {
            w.uint(6);
            w.int(n.into());
        }
        Shift::YearOf(n) => {
            w.uint(7);
            w.int(n.into());
        }
    }
}

fn read_shift(r: &mut Reader) -> Option<Shift> {
    Some(match r.uint()? {
        0 => Shift::Tense,
        1 => Shift::Last,
        2 => Shift::This,
        3 => Shift::Next,
        4 => Shift::Previous,
        5 => Shift::Following,
        6 => Shift::WeekOf(small(r)?),
        7 => Shift::YearOf(small(r)?),
        _ => return None,
    })
}

fn write_weekday(day: Weekday, w: &mut Writer) {
    w.uint(day.to_monday_zero_offset() as u64);
}

fn read_weekday(r: &mut Reader) -> Option<Weekday> {
    Weekday::from_monday_zero_offset(i8::try_from(r.uint()?).ok()?).ok()
}

fn write_val(val: &Val, w: &mut Writer) {
    match val {
        Val::Fixed(value) => {
            w.uint(0);
            w.str(value);
        }
        &Val::Day { year, month, day } => {
            w.uint(1);
            write_year(year, w);
            w.int(month.into());
            w.int(day.into());
        }
        &Val::Month { year, month, shift } => {
            w.uint(2);
            write_year(year, w);
            w.int(month.into());
            write_shift(shift, w);
        }
        &Val::Season { year, code, shift } => {
            w.uint(3);
            write_year(year, w);
            w.uint(code_index(code));
            write_shift(shift, w);
        }
        &Val::Part { year, code, index: n, shift } => {
            w.uint(4);
            write_year(year, w);
            w.uint(code_index(code));
            w.int(n.into());
            write_shift(shift, w);
        }
        &Val::Weekday { day, shift } => {
            w.uint(5);
            write_weekday(day, w);
            write_shift(shift, w);
        }
        &Val::Weekend { shift } => {
            w.uint(6);
            write_shift(shift, w);
        }
        &Val::Holiday { year, rule, shift } => {
            w.uint(7);
            write_year(year, w);
            match rule {
                Holiday::Fixed(month, day) => {
                    w.uint(0);
                    w.int(month.into());
                    w.int(day.into());
                }
                Holiday::NthWeekday { month, weekday, n } => {
                    w.uint(1);
                    w.int(month.into());
                    write_weekday(weekday, w);
                    w.int(n.into());
                }
                Holiday::Election => w.uint(2),
                Holiday::Easter(offset) => {
                    w.uint(3);
                    w.int(offset.into());
                }
            }
            write_shift(shift, w);
        }
        &Val::Offset { unit, n, base } => {
            w.uint(8);
            w.uint(unit as u64);
            w.int(n);
            w.uint(base as u64);
        }
        Val::Shifted { from, unit, n } => {
            w.uint(9);
            write_val(from, w);
            w.uint(*unit as u64);
            w.int(*n);
        }
        Val::SamePeriod { years_back, otherwise } => {
            w.uint(10);
            w.int((*years_back).into());
            write_val(otherwise, w);
        }
    }
}

fn read_val(r: &mut Reader, depth: usize) -> Option<Val> {
    let nested = |r: &mut Reader| read_val(r, depth.checked_sub(1)?).map(Box::new);
    Some(match r.uint()? {
        0 => Val::Fixed(r.str()?),
        1 => Val::Day { year: year(r)?, month: small(r)?, day: small(r)? },
        2 => Val::Month { year: year(r)?, month: small(r)?, shift: read_shift(r)? },
        3 => Val::Season { year: year(r)?, code: r.pick(&CODES)?, shift: read_shift(r)? },
        4 => Val::Part { year: year(r)?, code: r.pick(&CODES)?, index: small(r)?, shift: read_shift(r)? },
        5 => Val::Weekday { day: read_weekday(r)?, shift: read_shift(r)? },
        6 => Val::Weekend { shift: read_shift(r)? },
        7 => {
            let year = year(r)?;
            let rule = match r.uint()? {
                0 => Holiday::Fixed(small(r)?, small(r)?),
                1 => Holiday::NthWeekday { month: small(r)?, weekday: read_weekday(r)?, n: small(r)? },
                2 => Holiday::Election,
                3 => Holiday::Easter(small(r)?),
                _ => return None,
            };
            Val::Holiday { year, rule, shift: read_shift(r)? }
        }
        8 => Val::Offset { unit: r.pick(&UNITS)?, n: r.int()?, base: r.pick(&BASES)? },
        9 => Val::Shifted { from: nested(r)?, unit: r.pick(&UNITS)?, n: r.int()? },
        10 => Val::SamePeriod { years_back: small(r)?, otherwise: nested(r)? },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    /// Every kind of meaning, clock and measure reads back as it was written; each cut of the
    /// bytes reads as `None`.
    #[test]
    fn every_meaning_reads_back() {
        let shifts = [
            Shift::Tense,
            Shift::Last,
            Shift::This,
            Shift::Next,
            Shift::Previous,
            Shift::Following,
            Shift::WeekOf(-2),
            Shift::YearOf(1),
        ];
        let mut vals = vec![
            Val::Fixed("P3Y".into()),
            Val::Day { year: Some(2015), month: 6, day: 4 },
            Val::Day { year: None, month: 12, day: 31 },
            Val::Season { year: None, code: "FA", shift: Shift::Next },
            Val::Part { year: Some(2009), code: "Q", index: 3, shift: Shift::YearOf(-1) },
            Val::Weekday { day: Weekday::Sunday, shift: Shift::Last },
            Val::Holiday { year: None, rule: Holiday::Fixed(7, 4), shift: Shift::Tense },
            Val::Holiday {
                year: Some(2012),
                rule: Holiday::NthWeekday { month: 11, weekday: Weekday::Thursday, n: -1 },
                shift: Shift::This,
            },
            Val::Holiday { year: None, rule: Holiday::Election, shift: Shift::Next },
            Val::Holiday { year: None, rule: Holiday::Easter(-2), shift: Shift::Last },
            Val::Offset { unit: Unit::Week, n: -5, base: Base::Narrative },
            Val::Shifted {
                from: Box::new(Val::Offset { unit: Unit::Day, n: -1, base: Base::Anchor }),
                unit: Unit::Week,
                n: 2,
            },
            Val::SamePeriod { years_back: 1, otherwise: Box::new(Val::Fixed("PAST_REF".into())) },
        ];
        vals.extend(shifts.iter().map(|&shift| Val::Month { year: Some(1999), month: 2, shift }));
        vals.extend(shifts.iter().map(|&shift| Val::Weekend { shift }));
        let clocks = [None, Some(Clock::At(14, 15, None)), Some(Clock::At(8, 0, Some(30))), Some(Clock::Part("NI"))];
        let candidates: Vec<Candidate> = vals
            .into_iter()
            .enumerate()
            .map(|(k, val)| Candidate {
                span: Span::new(k * 10, k * 10 + 7),
                found: RecognizedTime {
                    first: k,
                    last: k + 2,
                    kind: KINDS[k % 4],
                    val,
                    clock: clocks[k % 4],
                    bare_clock: k % 2 == 0,
                    weak: k % 3 == 0,
                    range_start: k % 5 == 0,
                    measure: (k % 2 == 1).then_some((2.5, UNITS[k % UNITS.len()])),
                    elastic: k % 7 == 0,
                },
                sentence: k / 3,
                tense: TENSES[k % 3],
                quoted: k % 4 == 1,
            })
            .collect();
        let mut w = Writer::default();
        write(&candidates, &mut w);
        let mut r = Reader::new(&w.0);
        assert_eq!(read(&mut r), Some(candidates));
        assert!(r.is_empty());
        for n in 0..w.0.len() {
            assert_eq!(read(&mut Reader::new(&w.0[..n])), None, "a cut at {n}");
        }
    }

    #[test]
    fn meanings_nested_deeper_than_recognition_makes_read_as_none() {
        let mut val = Val::Fixed("P1D".into());
        for _ in 0..=DEPTH {
            val = Val::SamePeriod { years_back: 1, otherwise: Box::new(val) };
        }
        let mut w = Writer::default();
        write_val(&val, &mut w);
        assert_eq!(read_val(&mut Reader::new(&w.0), DEPTH), None);
    }
}
