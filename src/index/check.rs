//! Checks a filter that comes from outside (a permalink, an element attribute) against the
//! corpus before it is used: unknown ids and speakers, impossible days, an inverted date range
//! and unknown kinds or sources are dropped, each with the reason, so that the page can say
//! what it ignored instead of showing empty views. It does not filter anything itself.
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
    Inverted,
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
            DropReason::Inverted => "the date range ends before it starts",
        }
    }
}

/// The longest search kept, in characters.
const QUERY_CHARS: usize = 200;

/// `YYYY-MM-DD` naming a day of the calendar (not 2009-02-30), with a year of four digits.
pub fn is_calendar_day(value: &str) -> bool {
    if value.len() != 10 || Day::parse(value).is_none() {
        return false;
    }
    // Day::parse accepted ten bytes with digits at these places; `get` keeps it panic-free.
    let number = |r: std::ops::Range<usize>| value.get(r).and_then(|p| p.parse::<i16>().ok());
    matches!((number(0..4), number(5..7), number(8..10)), (Some(y), Some(m), Some(d))
            if jiff::civil::Date::new(y, m as i8, d as i8).is_ok())
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
        let mut from = single("from", &raw.from, &is_calendar_day, DropReason::NotADay);
        let mut to = single("to", &raw.to, &is_calendar_day, DropReason::NotADay);
        if let (Some(a), Some(b)) = (&from, &to) {
            // Equal-length ISO days order as text.
            if a > b {
                dropped.push(Dropped::new("from", a, DropReason::Inverted));
                dropped.push(Dropped::new("to", b, DropReason::Inverted));
                (from, to) = (None, None);
            }
        }
        let q = raw.q.as_deref().unwrap_or_default().chars().take(QUERY_CHARS).collect();
        CheckedFilter { filter: KeptFilter { docs, entities, speakers, kinds, sources, from, to, q }, dropped }
    }
}

#[cfg(test)]
mod tests {
    use super::is_calendar_day;

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
}
