//! Lookups into the generated gazetteer (`gazetteer_data.rs`, made by
//! `scripts/gen-gazetteer.py` from GeoNames and countryinfo): places, demonyms and
//! organizations by surface form, matched without case or diacritics.
//!
//! It only answers "what is this exact name"; finding names in text is `recognize`'s job.
//! Most places count written in lowercase too ("chicago", "new orleans": web text writes them
//! so); those whose lowercase form is a common word or given name ("china", "georgia") do
//! not (flagged in the generated `PLACES`).

use std::sync::OnceLock;

use super::features::{hash_bytes, hash_more, KeyMap, KeySet};
use super::gazetteer_data::{ABBREVIATIONS, DEMONYMS, ORGANIZATIONS, PLACES};
use crate::front_coded::FrontCoded;
use crate::text::fold::fold_token;

/// What a surface form names in the gazetteer, with its canonical name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Known {
    Place(&'static str),
    Organization(&'static str),
    /// A demonym or adjective (`Russian`, `Poles`) and the place it belongs to.
    Demonym(&'static str),
}

/// How a gazetteer name must be written to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Writing {
    /// In capitals only: a short acronym ("US", "WHO": "Us" and "Who" are words).
    Capitals,
    /// With a capital ("China"; "china" is a common word).
    Capitalized,
    /// However written: a place that is no common word ("chicago").
    Any,
}

pub(crate) struct Gazetteer {
    /// By the hash of the folded key (`features::hash_bytes`): the entry, and how it must be
    /// written to count.
    by_hash: KeyMap<(Known, Writing)>,
    /// The hashes of the first words of the names that count in lowercase (see
    /// [`Gazetteer::opens_lowercase`]).
    lowercase_openers: KeySet,
    /// The hashes of every key's beginnings that end before a space ("new", "new york" of "new
    /// york city"): words that some longer entry goes on from (see [`Gazetteer::continues`]).
    prefixes: KeySet,
    /// The hashes of the folded keys of common abbreviations that name no one thing ("asap",
    /// "cpa": the generated `ABBREVIATIONS`, from WordNet, stored as those keys).
    abbreviations: KeySet,
}

impl Gazetteer {
    pub(crate) fn new() -> Self {
        let (mut by_hash, mut prefixes, mut lowercase_openers) =
            (KeyMap::default(), KeySet::default(), KeySet::default());
        let places = Places::get();
        // Each surface's key, folded into one buffer (no string a surface).
        let mut folded = String::with_capacity(64);
        // Organizations first: "Foreign Policy" the magazine is not a place, and the first
        // table to claim a key keeps it. Each table with its lines' flags: a place that counts
        // only written with a capital (none for the others, which always need one).
        for (table, make, capitalized) in [
            (ORGANIZATIONS, Known::Organization as fn(&'static str) -> Known, &[][..]),
            (places.text.as_str(), Known::Place, &places.capitalized[..]),
            (DEMONYMS, Known::Demonym, &[][..]),
        ] {
            for (at, line) in table.lines().enumerate() {
                let (surfaces, canonical) = line.split_once('=').unwrap_or((line, line));
                // `Russian|s`: two entries, the surface and the surface with its ending.
                let (first, ending) = surfaces.split_once('|').unwrap_or((surfaces, ""));
                if first.is_empty() {
                    continue;
                }
                let capitalized = capitalized.get(at) == Some(&true);
                let mut add = |surface: &str| {
                    folded.clear();
                    fold_token(surface, &mut folded);
                    let mut h = hash_bytes(b"");
                    let mut first_word = None;
                    for &b in folded.as_bytes() {
                        if b == b' ' {
                            prefixes.insert(h);
                            first_word.get_or_insert(h);
                        }
                        h = hash_more(h, &[b]);
                    }
                    // How it must be written, asked only of a key no table claimed before.
                    let &mut (_, writing) = by_hash.entry(h).or_insert_with(|| {
                        let known = make(canonical);
                        let writing = if is_short_acronym(surface) {
                            Writing::Capitals
                        } else if !matches!(known, Known::Place(_)) || capitalized {
                            Writing::Capitalized
                        } else {
                            Writing::Any
                        };
                        (known, writing)
                    });
                    if writing == Writing::Any {
                        lowercase_openers.insert(first_word.unwrap_or(h));
                    }
                };
                add(first);
                if !ending.is_empty() {
                    add(&[first, ending].concat());
                }
            }
        }
        // Stored as their keys (lowercase a-z), front-coded.
        let mut abbreviations = KeySet::default();
        let mut words = FrontCoded::new(ABBREVIATIONS);
        while let Some(word) = words.next_word() {
            abbreviations.insert(hash_bytes(word));
        }
        Gazetteer { by_hash, prefixes, lowercase_openers, abbreviations }
    }

    /// True when a word whose folded key hashes to `hash` is a common abbreviation that names
    /// no one thing ("ASAP", "CPA", "DVD"; see the generated `ABBREVIATIONS`).
    pub(crate) fn is_abbreviation(&self, hash: u64) -> bool {
        self.abbreviations.contains(&hash)
    }

    /// True when a word whose folded key hashes to `hash` is, or is the first word of, a place
    /// that counts written in lowercase ("chicago", "new" of "new orleans"): where
    /// [`Gazetteer::lowercase_place`] may find one.
    pub(crate) fn opens_lowercase(&self, hash: u64) -> bool {
        self.lowercase_openers.contains(&hash)
    }

    /// The place whose folded key (words joined by single spaces) hashes to `hash`, when it
    /// counts written in lowercase (see the module doc).
    pub(crate) fn lowercase_place(&self, hash: u64) -> Option<&'static str> {
        match self.by_hash.get(&hash) {
            Some(&(Known::Place(canonical), Writing::Any)) => Some(canonical),
            _ => None,
        }
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
        let &(known, writing) = self.by_hash.get(&hash)?;
        (writing != Writing::Capitals || capitals()).then_some(known)
    }

    /// The gazetteer entry for `name` (words joined by single spaces), if any.
    #[cfg(test)]
    pub(crate) fn lookup(&self, name: &str) -> Option<Known> {
        // Short all-caps entries ("US", "WHO", "AP") must be written in capitals to count:
        // "Who" and "Us" are words.
        self.lookup_hash(hash_bytes(key(name).as_bytes()), !name.chars().any(char::is_lowercase))
    }
}

/// The generated `PLACES` decoded once a process: its lines as plain text (`surface`,
/// `surface=canonical`, `surface|ending=canonical`; the canonical names borrow from it), and
/// which lines count only written with a capital.
struct Places {
    text: String,
    capitalized: Vec<bool>,
}

impl Places {
    fn get() -> &'static Places {
        static PLACES_READ: OnceLock<Places> = OnceLock::new();
        PLACES_READ.get_or_init(|| {
            let mut lines = FrontCoded::flagged(PLACES);
            // The decoded lines take about 1.4 times the coded bytes, a line about 7 of them.
            let mut text = Vec::with_capacity(PLACES.len() * 2);
            let mut capitalized = Vec::with_capacity(PLACES.len() / 6);
            while let Some(line) = lines.next_word() {
                if !capitalized.is_empty() {
                    text.push(b'\n');
                }
                text.extend_from_slice(line);
                capitalized.push(lines.is_flagged());
            }
            // Whole characters each (FrontCoded::flagged), so UTF-8; a test reads every place.
            Places { text: String::from_utf8(text).unwrap_or_default(), capitalized }
        })
    }
}

fn is_short_acronym(surface: &str) -> bool {
    // The lowercase test first: most surfaces have a lowercase second letter.
    !surface.chars().any(char::is_lowercase) && surface.chars().filter(|c| c.is_alphabetic()).count() <= 4
}

/// The folded form every lookup and merge compares: the token view's keys (lowercase,
/// accents folded, `’` as `'`), of a whole name.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_token(s, &mut out);
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
    fn places_that_are_no_common_words_count_in_lowercase() {
        let g = Gazetteer::new();
        let hash = |name: &str| hash_bytes(key(name).as_bytes());
        assert_eq!(g.lowercase_place(hash("chicago")), Some("Chicago"));
        assert_eq!(g.lowercase_place(hash("new orleans")), Some("New Orleans"));
        assert!(g.opens_lowercase(hash("new")) && g.opens_lowercase(hash("chicago")));
        // Common words, given names, short names and organizations do not.
        for name in ["china", "turkey", "georgia", "us", "nato", "russian"] {
            assert_eq!(g.lowercase_place(hash(name)), None, "{name}");
        }
        assert!(!g.opens_lowercase(hash("china")) && !g.opens_lowercase(hash("the")));
    }

    #[test]
    fn common_abbreviations_are_known_and_names_are_not() {
        let g = Gazetteer::new();
        let hash = |name: &str| hash_bytes(key(name).as_bytes());
        for word in ["ASAP", "CPA", "DVD"] {
            assert!(g.is_abbreviation(hash(word)), "{word}");
        }
        for name in ["NATO", "FBI", "USA", "BBC"] {
            assert!(!g.is_abbreviation(hash(name)), "{name}");
        }
    }

    #[test]
    fn places_decode_to_their_lines_and_flags() {
        let places = Places::get();
        let lines: Vec<&str> = places.text.lines().collect();
        assert_eq!(lines.len(), places.capitalized.len());
        assert!(lines.len() > 2000 && lines.iter().all(|line| !line.is_empty()), "{} lines", lines.len());
        let flagged = |place: &str| lines.iter().position(|&line| line == place).map(|at| places.capitalized[at]);
        assert_eq!(flagged("Aachen"), Some(false));
        assert_eq!(flagged("Abu Dhabi"), Some(false));
        assert_eq!(flagged("Łódź"), Some(false));
        assert_eq!(flagged("US|A=United States"), Some(true));
        assert_eq!(flagged("China"), Some(true));
        assert_eq!(flagged("Georgia"), Some(true));
        assert_eq!(flagged("Chicago"), Some(false));
        // Sorted as the generator wrote them (by surface).
        let surface = |line: &&str| line.split(['=', '|']).next().unwrap_or_default().to_string();
        assert!(lines.windows(2).all(|pair| surface(&pair[0]) < surface(&pair[1])));
    }

    #[test]
    fn short_acronyms_need_capitals() {
        let g = Gazetteer::new();
        assert_eq!(g.lookup("Us"), None);
        assert_eq!(g.lookup("Who"), None);
        assert!(g.lookup("WHO").is_some());
    }
}
