//! Lookups into the generated gazetteer (`gazetteer_data.rs`, made by
//! `scripts/gen-gazetteer.py` from GeoNames and countryinfo): places, demonyms and
//! organizations by surface form, matched without case or diacritics.
//!
//! It only answers "what is this exact name"; finding names in text is `recognize`'s job.

use super::features::{hash_bytes, hash_more, KeyMap, KeySet};
use super::gazetteer_data::{DEMONYMS, ORGANIZATIONS, PLACES};

/// What a surface form names in the gazetteer, with its canonical name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Known {
    Place(&'static str),
    Organization(&'static str),
    /// A demonym or adjective (`Russian`, `Poles`) and the place it belongs to.
    Demonym(&'static str),
}

pub(crate) struct Gazetteer {
    /// By the hash of the folded key (`features::hash_bytes`): the entry, and whether it only
    /// counts written in capitals.
    by_hash: KeyMap<(Known, bool)>,
    /// The hashes of every key's beginnings that end before a space ("new", "new york" of "new
    /// york city"): words that some longer entry goes on from (see [`Gazetteer::continues`]).
    prefixes: KeySet,
}

impl Gazetteer {
    pub(crate) fn new() -> Self {
        let (mut by_hash, mut prefixes) = (KeyMap::default(), KeySet::default());
        // Organizations first: "Foreign Policy" the magazine is not a place, and the first
        // table to claim a key keeps it.
        for (table, make) in [
            (ORGANIZATIONS, Known::Organization as fn(&'static str) -> Known),
            (PLACES, Known::Place),
            (DEMONYMS, Known::Demonym),
        ] {
            for line in table.lines() {
                let (surfaces, canonical) = line.split_once('=').unwrap_or((line, line));
                // `Russian|s`: two entries, the surface and the surface with its ending.
                let (first, ending) = surfaces.split_once('|').unwrap_or((surfaces, ""));
                if first.is_empty() {
                    continue;
                }
                let mut add = |surface: &str| {
                    let key = key(surface);
                    let mut h = hash_bytes(b"");
                    for &b in key.as_bytes() {
                        if b == b' ' {
                            prefixes.insert(h);
                        }
                        h = hash_more(h, &[b]);
                    }
                    by_hash.entry(h).or_insert((make(canonical), is_short_acronym(surface)));
                };
                add(first);
                if !ending.is_empty() {
                    add(&[first, ending].concat());
                }
            }
        }
        Gazetteer { by_hash, prefixes }
    }

    /// True when some entry is longer than the words whose folded keys, joined by single
    /// spaces, hash to `hash`, and starts with them: a name that does not is known whole or
    /// not at all, so a search for longer names may stop there.
    pub(crate) fn continues(&self, hash: u64) -> bool {
        self.prefixes.contains(&hash)
    }

    /// The entry whose folded key (words joined by single spaces) hashes to `hash`;
    /// `capitals` tells whether the name was written without lowercase letters (short acronyms
    /// count only then).
    pub(crate) fn lookup_hash(&self, hash: u64, capitals: bool) -> Option<Known> {
        self.lookup_hash_with(hash, || capitals)
    }

    /// [`Gazetteer::lookup_hash`], asking whether the name is in capitals only when that
    /// matters (a short acronym was found).
    pub(crate) fn lookup_hash_with(&self, hash: u64, capitals: impl FnOnce() -> bool) -> Option<Known> {
        let &(known, caps_only) = self.by_hash.get(&hash)?;
        (!caps_only || capitals()).then_some(known)
    }

    /// The gazetteer entry for `name` (words joined by single spaces), if any.
    #[cfg(test)]
    pub(crate) fn lookup(&self, name: &str) -> Option<Known> {
        // Short all-caps entries ("US", "WHO", "AP") must be written in capitals to count:
        // "Who" and "Us" are words.
        self.lookup_hash(hash_bytes(key(name).as_bytes()), !name.chars().any(char::is_lowercase))
    }
}

fn is_short_acronym(surface: &str) -> bool {
    surface.chars().filter(|c| c.is_alphabetic()).count() <= 4 && !surface.chars().any(char::is_lowercase)
}

/// The folded form every lookup and merge compares: the token view's keys (lowercase,
/// accents folded, `’` as `'`), of a whole name.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::text::fold::fold_token(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_places_demonyms_and_organizations() {
        let g = Gazetteer::new();
        assert_eq!(g.lookup("Moscow"), Some(Known::Place("Moscow")));
        assert_eq!(g.lookup("Dusseldorf"), g.lookup("Düsseldorf"));
        assert!(matches!(g.lookup("Dusseldorf"), Some(Known::Place(_))));
        assert_eq!(g.lookup("U.S."), Some(Known::Place("United States")));
        assert_eq!(g.lookup("Russians"), Some(Known::Demonym("Russia")));
        assert_eq!(g.lookup("Poles"), Some(Known::Demonym("Poland")));
        assert_eq!(g.lookup("NATO"), Some(Known::Organization("NATO")));
        assert_eq!(g.lookup("Eastern Europe"), Some(Known::Place("Eastern Europe")));
        // Both entries of a line with an ending (`Afghan|s=Afghanistan`, `US|A=United States`).
        assert_eq!(g.lookup("Afghan"), Some(Known::Demonym("Afghanistan")));
        assert_eq!(g.lookup("Afghans"), Some(Known::Demonym("Afghanistan")));
        assert_eq!(g.lookup("Afghan|s"), None);
        assert_eq!(g.lookup("USA"), Some(Known::Place("United States")));
        assert_eq!(g.lookup("US"), Some(Known::Place("United States")));
    }

    #[test]
    fn short_acronyms_need_capitals() {
        let g = Gazetteer::new();
        assert_eq!(g.lookup("Us"), None);
        assert_eq!(g.lookup("Who"), None);
        assert!(g.lookup("WHO").is_some());
    }
}
