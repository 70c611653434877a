//! What is dated within a range of days: the documents (by their published day or one of their
//! events), the quotes (by their document's day or one of their events) and the events (by
//! their days). The date filter and a year, month or day in the search box ("2009", "2009-03")
//! both ask this. It does not read dates from text: the days come from the contract, indexed
//! once in `build`.

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

/// The days a query term names: a year (`2009`, `0050`), a month (`2009-03`) or a day
/// (`2009-03-01`), read as the TIMEX3 values of the contract are; else `None`.
pub(crate) fn days_of(term: &str) -> Option<Days> {
    let bytes = term.as_bytes();
    let year_first =
        bytes.len() >= 4 && bytes[..4].iter().all(u8::is_ascii_digit) && matches!(bytes.get(4), None | Some(b'-'));
    if !year_first || !bytes.iter().all(|&b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    let (first, last, _) = crate::events::range::with_precision(term)?;
    Some((Day::of(first), Day::of(last)))
}
