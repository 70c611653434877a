//! The speech-verb lexicon: which words cue reported speech (`said`, `added`, `tweeted`,
//! `insisting` …), with their inflections recognized by rule from a list of lemmas.
//!
//! It knows words only, not syntax: whether a cue really introduces a quote is decided by the
//! attribution parser.

/// Verbs of saying, writing and reporting speech, as lemmas. Their regular inflections
/// (`-s`, `-ed`, `-ing`, with the usual spelling changes) are recognized too.
const LEMMAS: &[&str] = &[
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "beg",
    "blast",
    "blog",
    "boast",
    "brag",
    "caution",
    "charge",
    "chide",
    "claim",
    "clarify",
    "comment",
    "complain",
    "concede",
    "conclude",
    "concur",
    "confess",
    "confide",
    "confirm",
    "contend",
    "continue",
    "counter",
    "crow",
    "declare",
    "demand",
    "deny",
    "disagree",
    "disclose",
    "elaborate",
    "email",
    "emphasise",
    "emphasize",
    "exclaim",
    "explain",
    "fume",
    "grumble",
    "gush",
    "indicate",
    "inform",
    "insist",
    "interject",
    "joke",
    "lament",
    "maintain",
    "message",
    "mumble",
    "murmur",
    "muse",
    "mutter",
    "note",
    "object",
    "observe",
    "opine",
    "plead",
    "pledge",
    "post",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "quip",
    "rage",
    "reason",
    "recall",
    "recount",
    "reiterate",
    "rejoin",
    "remark",
    "remind",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "say",
    "scoff",
    "scream",
    "shout",
    "sigh",
    "snap",
    "speak",
    "state",
    "stress",
    "suggest",
    "tell",
    "testify",
    "text",
    "thunder",
    "tweet",
    "underline",
    "underscore",
    "urge",
    "venture",
    "vow",
    "warn",
    "whisper",
    "wonder",
    "write",
    "yell",
];

/// Lemmas that are common nouns too (`a report`, `the state`): only their unambiguous verb
/// forms (`reported`, `stating`) count, never the bare form or the `-s` form.
const NOUN_LIKE: &[&str] = &[
    "answer", "blast", "blog", "charge", "claim", "comment", "counter", "demand", "email", "joke", "message", "note",
    "object", "pledge", "post", "promise", "protest", "rage", "reason", "reply", "report", "repeat", "scream", "shout",
    "sigh", "snap", "state", "stress", "text", "thunder", "tweet", "vow", "whisper", "wonder", "yell", "crow", "muse",
    "quip", "retort", "sigh",
];

const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("spoke", "speak"),
    ("spoken", "speak"),
];

/// Verbs whose subject is the speaker but whose object is the addressee (`X told Y`): they
/// never invert (`“…,” told X` is not English).
pub(crate) fn never_inverts(lemma: &str) -> bool {
    matches!(lemma, "tell" | "inform" | "remind" | "assure" | "advise" | "urge" | "beg")
}

/// The lemma of `word` when it is a form of a speech verb.
pub(crate) fn speech_lemma(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    if let Some((_, lemma)) = IRREGULAR.iter().find(|(form, _)| *form == w) {
        return Some(lemma);
    }
    let lemma = |stem: &str| LEMMAS.iter().copied().find(|l| *l == stem);
    let verb_only = |stem: &str| lemma(stem).filter(|l| !NOUN_LIKE.contains(l));
    if let Some(l) = verb_only(&w) {
        return Some(l);
    }
    let mut candidates: Vec<(String, bool)> = Vec::new();
    if let Some(s) = w.strip_suffix("ies") {
        candidates.push((format!("{s}y"), false));
    }
    if let Some(s) = w.strip_suffix("es") {
        candidates.push((s.to_string(), false));
    }
    if let Some(s) = w.strip_suffix('s') {
        candidates.push((s.to_string(), false));
    }
    for suffix in ["ed", "ing"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if let Some(y) = s.strip_suffix('i') {
                candidates.push((format!("{y}y"), true));
            }
            candidates.push((s.to_string(), true));
            candidates.push((format!("{s}e"), true));
            // Doubled final consonant: admitted, quipped.
            let mut chars = s.chars().rev();
            if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                if a == b && !"aeiou".contains(a) {
                    candidates.push((s[..s.len() - a.len_utf8()].to_string(), true));
                }
            }
        }
    }
    if let Some(s) = w.strip_suffix('d') {
        candidates.push((s.to_string(), true));
    }
    candidates.into_iter().find_map(|(stem, unambiguous)| if unambiguous { lemma(&stem) } else { verb_only(&stem) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_inflections() {
        for (word, lemma) in [
            ("said", "say"),
            ("Says", "say"),
            ("saying", "say"),
            ("told", "tell"),
            ("added", "add"),
            ("insisted", "insist"),
            ("tweeted", "tweet"),
            ("wrote", "write"),
            ("noted", "note"),
            ("admitted", "admit"),
            ("replied", "reply"),
            ("quipped", "quip"),
            ("stressing", "stress"),
            ("argues", "argue"),
            ("stated", "state"),
            ("asks", "ask"),
        ] {
            assert_eq!(speech_lemma(word), Some(lemma), "{word}");
        }
    }

    #[test]
    fn rejects_nouns_and_other_words() {
        for word in ["report", "reports", "state", "note", "notes", "sad", "salad", "tell-tale", "the", "saddle"] {
            assert_eq!(speech_lemma(word), None, "{word}");
        }
    }
}
