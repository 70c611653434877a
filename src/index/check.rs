//! Checks a filter that comes from outside (a permalink, an element attribute, the timeline's
//! date fields) against the corpus before it is used: unknown ids and speakers, impossible
//! days, days outside the years dates are read in, and unknown kinds or sources are dropped,
//! each with the reason, so that the page can say what it ignored instead of showing empty
//! views. A date range given end first is turned round: it means the days between the two.
//! It does not filter anything itself.
//!
//! [`Index::select`] ignores unknown values too; checking first is what lets the reader know.

use super::filter::{Day, Kind, Sources};
use super::Index;
use serde::{Deserialize, Serialize};

/// A filter as untrusted text: every field optional, every value a string.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawFilter {
    pub docs: Option<Vec<String>>,
    pub entities: Option<Vec<String>>,
    pub speakers: Option<Vec<String>>,
    pub kinds: Option<Vec<String>>,
    pub sources: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub q: Option<String>,
}

/// The values of a [`RawFilter`] that hold, in the shape of a filter, and those dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CheckedFilter {
    pub filter: KeptFilter,
    pub dropped: Vec<Dropped>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct KeptFilter {
    pub docs: Vec<String>,
    pub entities: Vec<String>,
    pub speakers: Vec<String>,
    pub kinds: Vec<String>,
    pub sources: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub q: String,
}

/// A value left out, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// The filter field: `docs`, `entities`, `speakers`, `kinds`, `sources`, `from`, `to`.
    pub field: &'static str,
    pub value: String,
    pub reason: DropReason,
    /// The reason in words, for the page to show.
    pub message: &'static str,
}

impl Dropped {
    fn new(field: &'static str, value: &str, reason: DropReason) -> Dropped {
        Dropped { field, value: value.to_string(), reason, message: reason.message() }
    }
}

/// Why a value was dropped; each message is written once, in [`DropReason::message`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DropReason {
    UnknownArticle,
    UnknownEntity,
    UnknownSpeaker,
    UnknownKind,
    UnknownSources,
    NotADay,
    OutsideYears,
}

impl DropReason {
    pub fn message(self) -> &'static str {
        match self {
            DropReason::UnknownArticle => "no such article",
            DropReason::UnknownEntity => "no such person, place or organization",
            DropReason::UnknownSpeaker => "no such speaker",
            DropReason::UnknownKind => "not a kind of result",
            DropReason::UnknownSources => "not a kind of source",
            DropReason::NotADay => "not a calendar day",
            DropReason::OutsideYears => "not in the years 1000 to 2199",
        }
    }
}

/// The longest search kept, in characters.
const QUERY_CHARS: usize = 200;

/// `YYYY-MM-DD` naming a day of the calendar (not 2009-02-30), with a year of four digits
/// (in any year: [`day_reason`] also refuses those outside [`crate::calendar::YEARS`]).
pub fn is_calendar_day(value: &str) -> bool {
    if value.len() != 10 || Day::parse(value).is_none() {
        return false;
    }
    // Day::parse accepted ten bytes with digits at these places; `get` keeps it panic-free.
    let number = |r: std::ops::Range<usize>| value.get(r).and_then(|p| p.parse::<i16>().ok());
    matches!((number(0..4), number(5..7), number(8..10)), (Some(y), Some(m), Some(d))
            if jiff::civil::Date::new(y, m as i8, d as i8).is_ok())
}

/// Why a filter's day is refused: not a calendar day, or one outside the years dates are
/// read in; None for a day the filter keeps.
fn day_reason(value: &str) -> Option<DropReason> {
    if !is_calendar_day(value) {
        return Some(DropReason::NotADay);
    }
    // OK because a calendar day starts with four ASCII digits.
    let year = value.get(..4).and_then(|y| y.parse::<i16>().ok());
    (!year.is_some_and(|y| crate::calendar::YEARS.contains(&y))).then_some(DropReason::OutsideYears)
}

impl Index {
    /// Splits `raw` into the values this corpus knows and the dropped ones.
    pub fn check(&self, raw: &RawFilter) -> CheckedFilter {
        let mut dropped = Vec::new();
        let mut keep =
            |field: &'static str, values: &Option<Vec<String>>, known: &dyn Fn(&str) -> bool, reason: DropReason| {
                let mut kept = Vec::new();
                for value in values.iter().flatten() {
                    if known(value) {
                        if !kept.contains(value) {
                            kept.push(value.clone());
                        }
                    } else {
                        dropped.push(Dropped::new(field, value, reason));
                    }
                }
                kept
            };
        let docs = keep("docs", &raw.docs, &|v| self.doc_index.contains_key(v), DropReason::UnknownArticle);
        let entities =
            keep("entities", &raw.entities, &|v| self.entity_index.contains_key(v), DropReason::UnknownEntity);
        let speakers =
            keep("speakers", &raw.speakers, &|v| self.speaker_keys.contains_key(v), DropReason::UnknownSpeaker);
        let kinds =
            keep("kinds", &raw.kinds, &|v| Kind::NAMES.iter().any(|(name, _)| *name == v), DropReason::UnknownKind);
        let mut single =
            |field: &'static str, value: &Option<String>, valid: &dyn Fn(&str) -> bool, reason: DropReason| {
                let value = value.as_deref().filter(|v| !v.is_empty())?;
                if valid(value) {
                    return Some(value.to_string());
                }
                dropped.push(Dropped::new(field, value, reason));
                None
            };
        let sources = single(
            "sources",
            &raw.sources,
            &|v| Sources::NAMES.iter().any(|(name, _)| *name == v),
            DropReason::UnknownSources,
        );
        let mut day = |field: &'static str, value: &Option<String>| {
            let value = value.as_deref().filter(|v| !v.is_empty())?;
            match day_reason(value) {
                None => Some(value.to_string()),
                Some(reason) => {
                    dropped.push(Dropped::new(field, value, reason));
                    None
                }
            }
        };
        let mut from = day("from", &raw.from);
        let mut to = day("to", &raw.to);
        // A range given end first means the days between the two. Equal-length ISO days order
        // as text.
        if let (Some(a), Some(b)) = (&from, &to) {
            if a > b {
                std::mem::swap(&mut from, &mut to);
            }
        }
        let q = raw.q.as_deref().unwrap_or_default().chars().take(QUERY_CHARS).collect();
        CheckedFilter { filter: KeptFilter { docs, entities, speakers, kinds, sources, from, to, q }, dropped }
    }
}

#[cfg(test)]
mod tests {
    use super::{day_reason, is_calendar_day, DropReason};

    #[test]
    fn calendar_days() {
        for good in ["2009-03-01", "2012-02-29", "0002-03-01"] {
            assert!(is_calendar_day(good), "{good}");
        }
        for bad in
            ["2009-02-30", "2011-02-29", "2009-13-01", "2009-3-1", "2009-03-01T10:00", "", "é009-03-01", "2009-03-0é"]
        {
            assert!(!is_calendar_day(bad), "{bad}");
        }
    }

    /// The reason's words name the same years as `calendar::YEARS` (a `&'static str` cannot be
    /// formatted from the range, so this test keeps the two together).
    #[test]
    fn outside_years_names_the_calendar_years() {
        let (first, last) = (crate::calendar::YEARS.start(), crate::calendar::YEARS.end());
        assert_eq!(DropReason::OutsideYears.message(), format!("not in the years {first} to {last}"));
    }

    /// A filter keeps only days in the years dates are read in: "0002-03-01" is a day typed
    /// in part, not a filter to apply.
    #[test]
    fn filter_days_in_the_years_of_news() {
        for kept in ["1000-01-01", "2009-03-01", "2199-12-31"] {
            assert_eq!(day_reason(kept), None, "{kept}");
        }
        for outside in ["0002-03-01", "0999-12-31", "0025-03-04", "2200-01-01", "9999-12-31"] {
            assert_eq!(day_reason(outside), Some(DropReason::OutsideYears), "{outside}");
        }
        assert_eq!(day_reason("2009-02-30"), Some(DropReason::NotADay));
    }
}
