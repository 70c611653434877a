//! What the attribution parser needs to know of speech verbs beyond the token view: which ones
//! take an addressee and never invert. Which words are speech verbs, and their lemmas, is the
//! token view's ([`crate::text::lexicon`]), looked up once per word type.

/// Verbs whose subject is the speaker but whose object is the addressee (`X told Y`): they
/// never invert (`“…,” told X` is not English).
pub(crate) fn never_inverts(lemma: &str) -> bool {
    matches!(lemma, "tell" | "inform" | "remind" | "assure" | "advise" | "urge" | "beg")
}
