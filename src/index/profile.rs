//! One entity's page: the quotes it said, the quotes that mention it, and its mentions over
//! time, counted by the publication day of their articles. The page draws these; what they
//! mean (which quote mentions a name, which day a date is, how days fall into months) is
//! decided here. It does not filter: an entity's page shows the whole corpus.
//!
//! Cost: one pass over the quotes (a binary search in the entity's mentions of the quote's
//! document for each), the texts of the quotes whose words hold every word of a name (found in
//! the search index, then checked in order), and one pass over the documents' dates.

use super::fold;
use super::words::Terms;
use super::Index;
use crate::calendar::{add_days, add_months, days_between, Stamp};
use crate::model::{Entity, QuoteKind};
use jiff::civil::Date;
use serde::Serialize;

/// What an entity's page shows beyond the entity itself. Quotes are positions in the
/// extraction's `quotes`, ascending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityProfile {
    /// The quotes attributed to the entity (scare quotes, nobody's words, left out).
    pub said: Vec<u32>,
    /// The quotes not by it that mention it: one of its mentions lies inside the quote, or the
    /// quote's words hold its name or an alias as whole words in a row (case and accents
    /// folded, as the search does; a quote's own mentions are not always extracted).
    pub about: Vec<u32>,
    /// Its mentions by the publication date of their articles; null when no article of the
    /// corpus has a publication date.
    pub over_time: Option<MentionsOverTime>,
}

/// Mentions counted per day, month or year, on the span of the whole corpus's publication
/// dates, so that two entities' counts line up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MentionsOverTime {
    /// Days when the corpus spans at most [`DAYS_AT_MOST`] days, months up to
    /// [`MONTHS_UP_TO_DAYS`] days, years beyond.
    pub unit: TimeUnit,
    /// One per unit from the first dated article's to the last's, empty ones included.
    pub buckets: Vec<Bucket>,
    /// Mentions in articles without a publication date.
    pub undated: u32,
}

/// A corpus spanning at most this many days is counted by day…
pub const DAYS_AT_MOST: i64 = 92;
/// …up to this many by month (eight years), and by year beyond.
pub const MONTHS_UP_TO_DAYS: i64 = 366 * 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeUnit {
    Day,
    Month,
    Year,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bucket {
    /// The unit's date as ISO 8601 of its precision: `2009-03-03`, `2009-03` or `2009`.
    pub date: String,
    pub mentions: u32,
}

impl Index {
    /// The page of the entity `id`, or `None` when the corpus has no such entity.
    pub fn entity_profile(&self, id: &str) -> Option<EntityProfile> {
        let &e = self.entity_index.get(id)?;
        // OK because `entity_index` holds positions in `entities`.
        let entity = &self.extraction.entities[e as usize];
        let (said, about) = self.quotes_of(entity);
        Some(EntityProfile { said, about, over_time: self.mentions_over_time(e as usize) })
    }

    fn quotes_of(&self, entity: &Entity) -> (Vec<u32>, Vec<u32>) {
        let quotes = &self.extraction.quotes;
        // Its mentions as (document, start, end), sorted: a quote looks up its document's run.
        let mut mentions: Vec<(u32, usize, usize)> =
            entity.mentions.iter().filter_map(|m| self.doc_index.get(&*m.doc).map(|&d| (d, m.start, m.end))).collect();
        crate::sorting::sort(&mut mentions);
        let by_name = self.quotes_naming(entity);
        let mut said = Vec::new();
        let mut about = Vec::new();
        for (i, quote) in quotes.iter().enumerate() {
            if quote.speaker_id.as_deref() == Some(entity.id.as_str()) {
                if quote.kind != QuoteKind::Scare {
                    said.push(i as u32);
                }
                continue;
            }
            // OK because there is a document slot per quote.
            let inside = self.quote_doc[i].is_some_and(|d| {
                // The mentions starting inside the quote, until one ends inside too: mentions of
                // one entity seldom overlap, so this looks at one or two.
                let at = mentions.partition_point(|&(md, start, _)| (md, start) < (d, quote.start));
                mentions[at..]
                    .iter()
                    .take_while(|&&(md, start, _)| md == d && start < quote.end)
                    .any(|&(_, _, end)| end <= quote.end)
            });
            if inside || by_name.binary_search(&(i as u32)).is_ok() {
                about.push(i as u32);
            }
        }
        (said, about)
    }

    /// The quotes whose text holds the entity's name or an alias as whole words in a row
    /// (folded), ascending. Names of a single character are too ambiguous to look for.
    fn quotes_naming(&self, entity: &Entity) -> Vec<u32> {
        let mut found = Vec::new();
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            if name.chars().count() < 2 {
                continue;
            }
            let words = fold::words(name);
            if words.is_empty() {
                continue;
            }
            let candidates = self.quote_words.matching(&Terms { exact: words.clone(), prefix: None });
            for q in candidates.iter() {
                // OK because the quote index has one item per quote.
                let text = &self.extraction.quotes[q].text;
                if holds_in_a_row(text, &words) {
                    found.push(q as u32);
                }
            }
        }
        crate::sorting::sort(&mut found);
        found.dedup();
        found
    }

    fn mentions_over_time(&self, e: usize) -> Option<MentionsOverTime> {
        let docs = &self.extraction.documents;
        let dates = docs.iter().filter_map(|d| d.published.map(|s| s.date));
        let (first, last) = dates.fold(None, |span: Option<(Date, Date)>, d| match span {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        })?;
        let days = days_between(last, first);
        let unit = if days <= DAYS_AT_MOST {
            TimeUnit::Day
        } else if days <= MONTHS_UP_TO_DAYS {
            TimeUnit::Month
        } else {
            TimeUnit::Year
        };
        let bucket_of = |d: Date| -> usize {
            let years = i64::from(d.year()) - i64::from(first.year());
            let n = match unit {
                TimeUnit::Day => days_between(d, first),
                TimeUnit::Month => years * 12 + i64::from(d.month()) - i64::from(first.month()),
                TimeUnit::Year => years,
            };
            // OK because `d` is not before `first`, so `n` is not negative.
            n as usize
        };
        let mut buckets: Vec<Bucket> =
            (0..=bucket_of(last)).map(|n| Bucket { date: bucket_date(first, unit, n), mentions: 0 }).collect();
        let mut undated = 0;
        // OK because `e` is an entity's position and there is a list per entity.
        for &(d, n) in &self.entity_mentions[e] {
            match docs.get(d as usize).and_then(|doc| doc.published) {
                // OK because every dated document's bucket is in `0..=bucket_of(last)`.
                Some(stamp) => buckets[bucket_of(stamp.date)].mentions += n,
                None => undated += n,
            }
        }
        Some(MentionsOverTime { unit, buckets, undated })
    }
}

/// The ISO 8601 date of the `n`th unit from `first`'s, written as the contract writes a day
/// ([`Stamp`]) and cut to the unit's precision.
fn bucket_date(first: Date, unit: TimeUnit, n: usize) -> String {
    let n = n as i64;
    let (date, cut) = match unit {
        TimeUnit::Day => (add_days(first, n), 0),
        TimeUnit::Month => (add_months(first.first_of_month(), n), 3),
        TimeUnit::Year => (add_months(first.first_of_month(), n * 12), 6),
    };
    let mut text = Stamp { date: date.unwrap_or(first), time: None }.to_string();
    // OK because the cut part is ASCII (`-MM-DD` or `-DD`).
    text.truncate(text.len() - cut);
    text
}

/// Whether the folded words of `text` hold `words` consecutively. (Through [`fold::words`]: a
/// copy of the word loop of its own, closure inlined, cost the wasm about 0.7 KB more.)
fn holds_in_a_row(text: &str, words: &[String]) -> bool {
    !words.is_empty() && fold::words(text).windows(words.len()).any(|run| run == words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str, name: &str) -> bool {
        holds_in_a_row(text, &fold::words(name))
    }

    #[test]
    fn a_name_matches_as_whole_words_in_a_row() {
        assert!(row("We met Anna Nowak today", "Anna Nowak"));
        assert!(row("ANNA NOWÁK said", "Anna Nowak"));
        assert!(row("Anna Anna Nowak", "Anna Nowak"));
        assert!(!row("Anna met Nowak", "Anna Nowak"));
        assert!(!row("Annabel Nowaks", "Anna Nowak"));
        assert!(row("the AT&T deal", "AT&T"));
        assert!(row("C++ (the language)", "C++"));
        assert!(!row("", "Nowak"));
    }

    #[test]
    fn units_count_from_the_first_date() {
        let d = |s: &str| s.parse::<Date>().expect("a date");
        assert_eq!(bucket_date(d("2009-11-30"), TimeUnit::Day, 2), "2009-12-02");
        assert_eq!(bucket_date(d("2009-11-30"), TimeUnit::Month, 2), "2010-01");
        assert_eq!(bucket_date(d("0050-03-01"), TimeUnit::Year, 1), "0051");
    }
}
