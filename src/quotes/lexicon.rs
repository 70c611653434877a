//! The quote stage's word classes: the closed lists the attribution parser reads (determiners,
//! auxiliaries, titles, pronouns, negations…), as bits per word type of a document.
//!
//! [`Lexicon::new`] classifies each distinct word of a document once, through the token
//! view's [`Analysis::per_word`]; the parser then tests bits by token. Which words are speech
//! verbs is the token view's ([`crate::text::lexicon`]); what this adds is the verb reading of
//! the speech words that are nouns too (`reports`, `notes`, `claims`), which only the
//! attribution parser can confirm from context, and the noun classes of `quote_nouns` (people,
//! groups, documents) generated from WordNet.
//!
//! Cost: one hash lookup per distinct word of a document, in a table built once per process.

use super::quote_nouns;
use crate::entities::Gender;
use crate::text::{Analysis, Classes, Column, FxBuildHasher};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A set of word classes, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Class(u32);

impl Class {
    /// Articles, demonstratives, possessives, quantifiers: `a`, `the`, `his`, `several`.
    pub const DETERMINER: Class = Class(1);
    /// Auxiliaries and adverbs between a subject and its verb: `has`, `also`, `later`.
    pub const AUXILIARY: Class = Class(1 << 1);
    /// Words that end a noun phrase: conjunctions, prepositions, pronouns, `said`…
    pub const STOP: Class = Class(1 << 2);
    /// Capitalized words that start sentences but never belong to a name (`The`, `Monday`).
    pub const CAPITALIZED_STOP: Class = Class(1 << 3);
    /// Name particles: `van`, `de`, `bin`, `of`.
    pub const PARTICLE: Class = Class(1 << 4);
    /// Titles and honorifics that precede a name and are not part of it.
    pub const TITLE: Class = Class(1 << 5);
    /// Words that tell a man (`Mr.`, `spokesman`, `husband`).
    pub const MALE: Class = Class(1 << 6);
    /// Words that tell a woman (`Mrs.`, `spokeswoman`, `wife`).
    pub const FEMALE: Class = Class(1 << 7);
    /// Prepositions that attach a modifier to a speaker (`a spokesman for the ministry`).
    pub const POST_MODIFIER: Class = Class(1 << 8);
    /// First words of labels that announce a heading, not a speaker (`Update:`).
    pub const HEADING: Class = Class(1 << 9);
    /// Negations: `not`, `never`, `didn't`.
    pub const NEGATION: Class = Class(1 << 10);
    /// A speech verb form (the token view's), or a noun-like form read as a verb in context.
    pub const SPEECH: Class = Class(1 << 11);
    /// A speech word that is a noun too (`reports`, `claims`, `notes`): a verb only right
    /// after its subject.
    pub const SPEECH_IF_VERB: Class = Class(1 << 12);
    /// A noun naming a person by role (`official`, `spokesman`, `aide`), from WordNet.
    pub const PERSON_NOUN: Class = Class(1 << 13);
    /// A noun naming a group or institution (`campaign`, `committee`, `ministry`).
    pub const GROUP_NOUN: Class = Class(1 << 14);
    /// A noun naming a message or document (`statement`, `letter`, `tweet`, `report`).
    pub const DOCUMENT_NOUN: Class = Class(1 << 15);
    /// Words that point back at a source already named: `same`, `this`, `that`.
    pub const ANAPHORIC: Class = Class(1 << 16);
    /// A plural noun that names people without an `-s`: `people`, `police`, `staff`.
    pub const PLURAL_NOUN: Class = Class(1 << 17);
    /// Prepositions and conjunctions after which a noun phrase is an object, not a subject.
    pub const PREPOSITION: Class = Class(1 << 18);

    pub(crate) fn intersects(self, other: Class) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Class {
    type Output = Class;
    fn bitor(self, other: Class) -> Class {
        Class(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Class {
    fn bitor_assign(&mut self, other: Class) {
        self.0 |= other.0;
    }
}

/// The classes of every word type of one document, indexed by [`crate::text::WordId`].
pub(crate) struct Lexicon {
    /// Per word type: its classes' bits, as the batch's column holds them (read as they are,
    /// not copied into a list of [`Class`]es a document).
    classes: Vec<u64>,
}

impl Lexicon {
    pub(crate) fn new(a: &Analysis) -> Self {
        let table = table();
        let classes = a.per_word_column(Column::QuoteClasses, |key, description| {
            let mut c = match table.get(key) {
                Some(&c) => c,
                None => quote_nouns::classes(key),
            };
            if description.classes.intersects(Classes::SPEECH_VERB) {
                c |= Class::SPEECH;
            }
            if c.intersects(Class::SPEECH) {
                c = Class(c.0 & !Class::SPEECH_IF_VERB.0);
            }
            u64::from(c.0)
        });
        Lexicon { classes }
    }

    /// The classes of word type `word`.
    pub(crate) fn of(&self, word: crate::text::WordId) -> Class {
        // OK because word ids come from the analysis this lexicon was built from, and each
        // value is a class's u32 bits, made in `Lexicon::new`.
        Class(self.classes[word as usize] as u32)
    }
}

/// The gender a word tells, from its classes.
pub(crate) fn gender(c: Class) -> Option<Gender> {
    if c.intersects(Class::MALE) {
        Some(Gender::Male)
    } else if c.intersects(Class::FEMALE) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Speech lemmas that are nouns too; the token view reads only their unambiguous forms.
const NOUN_LIKE: &[&str] = &[
    "answer", "blast", "charge", "claim", "comment", "counter", "demand", "email", "joke", "message", "note", "post",
    "promise", "protest", "reply", "report", "repeat", "state", "stress", "tweet", "vow", "write", "warn", "quip",
    "retort", "read",
];

/// Every word of the lists and of [`quote_nouns`], with its classes, built once.
///
/// Cost: about 6,000 entries in a table sized once, their keys slices of two buffers (the noun
/// forms, the noun-like lemmas' forms) and of the lists, not an allocation each; the page's
/// worker pays it on its first extraction.
fn table() -> &'static HashMap<&'static str, Class, FxBuildHasher> {
    static TABLE: OnceLock<HashMap<&'static str, Class, FxBuildHasher>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: &[(&[&'static str], Class)] = &[
            (DETERMINERS, Class::DETERMINER),
            (AUXILIARIES, Class::AUXILIARY),
            // `has not said`, `didn't say`: a negation stands where an auxiliary does.
            (NEGATIONS, Class::AUXILIARY),
            (STOPS, Class::STOP),
            (CAPITALIZED_STOPS, Class::CAPITALIZED_STOP),
            (PARTICLES, Class::PARTICLE),
            (TITLES, Class::TITLE),
            (MALE, Class::MALE),
            (FEMALE, Class::FEMALE),
            (POST_MODIFIERS, Class::POST_MODIFIER),
            (HEADINGS, Class::HEADING),
            (NEGATIONS, Class::NEGATION),
            (ANAPHORIC, Class::ANAPHORIC),
            (PLURAL_NOUNS, Class::PLURAL_NOUN),
            (PREPOSITIONS, Class::PREPOSITION),
        ];
        let forms = quote_nouns::forms();
        let listed: usize = lists.iter().map(|(words, _)| words.len()).sum();
        let mut t: HashMap<&'static str, Class, FxBuildHasher> =
            HashMap::with_capacity_and_hasher(forms.len() + NOUN_LIKE.len() * 3 + listed, FxBuildHasher);
        // The table lives as long as the process, as its static does: the buffers its keys lie
        // in are leaked with it (once), so that each key is a `&'static str` slice, not a
        // `Box<str>` of its own.
        let text: &'static str = forms.text.leak();
        for (start, end, class) in forms.words {
            // OK because `forms` recorded each range around one whole a-z word of `text`.
            t.entry(text.get(start..end).unwrap_or_default()).or_insert(class);
        }
        for (form, class) in forms.irregular {
            t.entry(form).or_insert(class);
        }
        // `reports`, `notes`: the `-s` and bare forms of the speech lemmas that are nouns too,
        // which the token view leaves out.
        let mut noun_like = String::with_capacity(NOUN_LIKE.iter().map(|lemma| lemma.len() * 3 + 3).sum());
        for lemma in NOUN_LIKE {
            for ending in ["", "s", "es"] {
                noun_like.push_str(lemma);
                noun_like.push_str(ending);
                noun_like.push(' ');
            }
        }
        for form in noun_like.leak().split_terminator(' ') {
            *t.entry(form).or_default() |= Class::SPEECH_IF_VERB;
        }
        for (words, class) in lists {
            for w in *words {
                *t.entry(w).or_default() |= *class;
            }
        }
        t
    })
}

/// Words between a subject and its speech verb: auxiliaries and adverbs (`has also said`); the
/// [`NEGATIONS`] are such words too.
const AUXILIARIES: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "earlier",
    "once",
    "reportedly",
    "repeatedly",
    "previously",
    "recently",
    "not",
    "never",
    "often",
    "further",
    "even",
    "still",
    "just",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "did",
    "does",
    "do",
    "been",
    "being",
    "quoted",
    "publicly",
    "privately",
    "flatly",
    "now",
    "first",
];

const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "didn't",
    "doesn't",
    "don't",
    "hasn't",
    "haven't",
    "hadn't",
    "isn't",
    "wasn't",
    "won't",
    "wouldn't",
    "aren't",
    "weren't",
    "can't",
    "cannot",
    "couldn't",
    "shouldn't",
    "no",
    "nobody",
    "neither",
    "nor",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "many",
    "several", "few", "most", "all", "both", "each", "another", "other", "no", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
];

/// `this same source`, `that official`: a description that refers back.
const ANAPHORIC: &[&str] = &["same", "this", "that", "these", "those", "aforementioned"];

const PLURAL_NOUNS: &[&str] = &["people", "police", "staff", "men", "women", "children", "crowd", "folks"];

/// Words that end a noun phrase going left or right.
const STOPS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "and",
    "or",
    "but",
    "nor",
    "because",
    "while",
    "when",
    "where",
    "if",
    "as",
    "than",
    "so",
    "to",
    "of",
    "for",
    "from",
    "at",
    "with",
    "within",
    "in",
    "inside",
    "on",
    "by",
    "about",
    "after",
    "before",
    "during",
    "since",
    "until",
    "into",
    "over",
    "under",
    "through",
    "against",
    "among",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "not",
    "it",
    "she",
    "they",
    "we",
    "i",
    "you",
    "them",
    "us",
    "me",
    "there",
    "here",
    "what",
    "how",
    "why",
    "said",
    "says",
    "told",
    "yesterday",
    "today",
    "tonight",
    "also",
    "then",
    "however",
    "according",
    "last",
    "next",
    "ago",
    "later",
    "earlier",
];

/// Prepositions that attach a modifier to a speaker (`a spokesman for the ministry`).
const POST_MODIFIERS: &[&str] = &["of", "for", "from", "at", "with", "within", "in", "inside"];

/// Prepositions after which a phrase is an object.
const PREPOSITIONS: &[&str] = &[
    "of", "for", "from", "at", "with", "within", "in", "inside", "on", "by", "about", "to", "into", "over", "under",
    "against", "among", "toward", "towards", "like", "than", "via", "per",
];

/// Capitalized words that start sentences or clauses but never belong to a name.
const CAPITALIZED_STOPS: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "on",
    "in",
    "at",
    "for",
    "with",
    "after",
    "before",
    "when",
    "while",
    "as",
    "since",
    "then",
    "still",
    "however",
    "meanwhile",
    "also",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "asked",
    "speaking",
    "last",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "her",
    "their",
    "its",
    "if",
    "although",
    "though",
    "because",
    "so",
    "yet",
    "now",
    "here",
    "there",
    "according",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "instead",
    "indeed",
    "from",
    "to",
    "by",
    "during",
    "until",
    "over",
    "what",
    "why",
    "how",
    "where",
    "said",
    "says",
];

/// Name particles between capitalized words (`Ludwig van Beethoven`, `Secretary of State`).
const PARTICLES: &[&str] =
    &["of", "de", "van", "von", "der", "den", "bin", "ibn", "al", "da", "del", "della", "di", "du", "la", "le"];

/// Title words that precede a name and are not part of it (`Prime Minister`, `Ms.`).
const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "miss",
    "dr.",
    "prof.",
    "sen.",
    "rep.",
    "gov.",
    "gen.",
    "col.",
    "lt.",
    "capt.",
    "sgt.",
    "adm.",
    "rev.",
    "pres.",
    "amb.",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "under",
    "deputy",
    "assistant",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "general",
    "admiral",
    "colonel",
    "captain",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "chief",
    "justice",
    "judge",
    "attorney",
    "director",
    "chairman",
    "chairwoman",
    "commissioner",
    "premier",
    "leader",
    "speaker",
    "spokesman",
    "spokeswoman",
    "state",
    "defense",
    "defence",
    "foreign",
    "interior",
    "finance",
    "the",
    "former",
    "acting",
    "coach",
    "officer",
    "inspector",
    "sergeant",
    "lieutenant",
    "professor",
    "dean",
    "bishop",
    "archbishop",
    "cardinal",
    "father",
    "sister",
    "brother",
    "rabbi",
    "imam",
    "ceo",
    "chair",
    "president-elect",
    "sheriff",
    "detective",
    "major",
    "private",
    "corporal",
    "councilman",
    "councilwoman",
    "candidate",
    "nominee",
    "house",
    "senate",
    "minority",
    "majority",
    "whip",
];

const MALE: &[&str] = &[
    "mr.",
    "sir",
    "lord",
    "spokesman",
    "chairman",
    "congressman",
    "man",
    "father",
    "husband",
    "son",
    "brother",
    "king",
    "prince",
    "businessman",
    "councilman",
    "assemblyman",
    "he",
    "him",
    "his",
    "widower",
];
const FEMALE: &[&str] = &[
    "ms.",
    "mrs.",
    "miss",
    "dame",
    "lady",
    "madam",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "woman",
    "mother",
    "wife",
    "daughter",
    "sister",
    "queen",
    "princess",
    "businesswoman",
    "councilwoman",
    "assemblywoman",
    "actress",
    "she",
    "her",
    "hers",
    "herself",
    "widow",
];

/// First words of labels that announce a heading or a note, not a speaker.
const HEADINGS: &[&str] = &[
    "update",
    "updated",
    "note",
    "editor",
    "editors",
    "source",
    "sources",
    "photo",
    "photos",
    "related",
    "correction",
    "clarification",
    "read",
    "see",
    "via",
    "tags",
    "tag",
    "posted",
    "filed",
    "warning",
    "breaking",
    "exclusive",
    "watch",
    "video",
    "listen",
    "background",
    "addendum",
    "ps",
    "p.s.",
    "summary",
    "contact",
    "email",
    "phone",
    "credit",
    "credits",
    "image",
    "caption",
    "subject",
    "title",
    "headline",
    "date",
    "time",
    "location",
    "disclosure",
    "full",
    "bottom",
    "step",
    "part",
    "chapter",
    "example",
    "rule",
    "lesson",
    "key",
    "fact",
    "facts",
    "quote",
    "quotes",
    "statement",
    "transcript",
    "audio",
    "more",
    "also",
    "previously",
    "links",
    "link",
    "result",
    "results",
    "score",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(text: &str) -> Vec<Class> {
        let a = Analysis::of_text(text);
        let l = Lexicon::new(&a);
        a.tokens.iter().map(|t| l.of(t.word())).collect()
    }

    #[test]
    fn classes_by_word_type() {
        let c = classes("The Ledger reports that Mrs. Doe didn't say");
        assert!(c[0].intersects(Class::DETERMINER) && c[0].intersects(Class::CAPITALIZED_STOP));
        assert!(c[2].intersects(Class::SPEECH_IF_VERB) && !c[2].intersects(Class::SPEECH));
        assert!(c[4].intersects(Class::TITLE) && gender(c[4]) == Some(Gender::Female));
        assert!(c[6].intersects(Class::NEGATION));
        assert!(c[7].intersects(Class::SPEECH));
    }
}
