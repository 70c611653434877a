//! What is dated within a range of days: the documents (by their published day or one of their
//! events), the quotes (by their document's day or one of their events) and the events (by
//! their days). The date filter and a year in the search box ("2009") both ask this. It does not
//! read dates from text: the days come from the contract, indexed once in `build`.

use super::bits::Bits;
use super::filter::Day;
use super::{Days, Index};

/// The items dated within a range, by kind.
pub(crate) struct Dated {
    pub docs: Bits,
    pub quotes: Bits,
    pub events: Bits,
}

impl Index {
    /// The items whose days pass `overlaps`. One pass over the documents, quotes and events.
    pub(crate) fn dated(&self, overlaps: &dyn Fn(&Days) -> bool) -> Dated {
        let (docs, quotes, events) = (self.doc_days.len(), self.quote_day.len(), self.event_days.len());
        let events = Bits::of(
            events,
            (0..events).filter(|&e| self.event_days[e].as_ref().is_some_and(overlaps)).map(|e| e as u32),
        );
        // A quote is in range by its document's day or by one of its events.
        let mut quotes = Bits::of(
            quotes,
            (0..quotes).filter(|&q| self.quote_day[q].is_some_and(|d| overlaps(&(d, d)))).map(|q| q as u32),
        );
        for e in events.iter() {
            for &q in &self.event_quotes[e] {
                quotes.insert(q as usize);
            }
        }
        let docs = Bits::of(docs, (0..docs).filter(|&d| self.doc_days[d].iter().any(overlaps)).map(|d| d as u32));
        Dated { docs, quotes, events }
    }
}

/// The days of the year a query word names: four digits (`2009`, `0050`), else `None`.
pub(crate) fn year_of(word: &str) -> Option<Days> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i16 = word.parse().ok()?;
    let first = jiff::civil::Date::new(year, 1, 1).ok()?;
    let last = jiff::civil::Date::new(year, 12, 31).ok()?;
    Some((Day::of(first), Day::of(last)))
}
