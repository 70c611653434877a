//! Who a speaker phrase designates: the entity whose mention covers a name (its full merged
//! name and id), the full name found elsewhere in the article for a bare `Ms. Doe` when no
//! entity covers it, the description itself for unnamed sources, and for a pronoun the last
//! compatible speaker of the current or previous paragraph, else the nearest preceding
//! compatible person mention, else any earlier compatible speaker.
//!
//! It does not find phrases (see `phrases`) nor recognize entities (see `entities`).

use super::phrases::{Phrase, PhraseKind, Pronoun, Words};
use crate::entities::{Entities, Gender, MentionRef};
use crate::model::{EntityKind, Span};
use std::collections::HashMap;

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Speaker {
    pub name: String,
    pub id: Option<String>,
    /// The mention in the attribution clause (the pronoun itself for a pronoun).
    pub span: Span,
    pub cue: String,
    pub gender: Option<Gender>,
    pub plural: bool,
    pub organization: bool,
    /// Paragraph index of the attribution clause.
    pub paragraph: usize,
}

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
];

pub(crate) struct Resolver<'a, 't> {
    w: &'a Words<'a, 't>,
    entities: &'a Entities,
    /// This document's entity mentions, sorted by start.
    mentions: &'a [MentionRef],
    /// Outer spans of this document's quotes, sorted: mentions inside them are no antecedents.
    quotes: &'a [Span],
    /// Surname → the longest full name seen in the document (`Doe` → `Jane Q. Doe`).
    full_names: HashMap<String, String>,
    /// Names found by capitalization, for when the entity recognizer gives no antecedent.
    runs: Vec<NameRun>,
    /// Genders learned from honorifics and resolved pronouns, by speaker name.
    learned: HashMap<String, Gender>,
    last: Option<Speaker>,
}

impl<'a, 't> Resolver<'a, 't> {
    pub(crate) fn new(
        w: &'a Words<'a, 't>,
        entities: &'a Entities,
        mentions: &'a [MentionRef],
        quotes: &'a [Span],
    ) -> Self {
        let runs = name_runs(w);
        Resolver {
            w,
            entities,
            mentions,
            quotes,
            full_names: full_names(&runs),
            runs,
            learned: HashMap::new(),
            last: None,
        }
    }

    /// The last speaker resolved (of a quote or of reported speech).
    pub(crate) fn last(&self) -> Option<&Speaker> {
        self.last.as_ref()
    }

    /// A quote without a clause of its own in `paragraph` continued the last speaker.
    pub(crate) fn continue_in(&mut self, paragraph: usize) {
        if let Some(last) = &mut self.last {
            last.paragraph = paragraph;
        }
    }

    /// Resolves the speaker phrase of a clause in paragraph `paragraph` with cue `cue`.
    pub(crate) fn resolve(&mut self, phrase: &Phrase, paragraph: usize, cue: &str) -> Speaker {
        let text = &self.w.a.text[phrase.span.start..phrase.span.end];
        let mut speaker = Speaker {
            name: text.to_string(),
            id: None,
            span: phrase.span,
            cue: cue.to_string(),
            gender: phrase.gender,
            plural: phrase.plural,
            organization: false,
            paragraph,
        };
        match phrase.kind {
            PhraseKind::Pronoun(p) => return self.pronoun(p, speaker),
            PhraseKind::Name => {
                if let Some(e) = self.entity_covering(phrase.head) {
                    let entity = &self.entities.list[e];
                    speaker.name = entity.name.clone();
                    speaker.id = Some(entity.id.clone());
                    speaker.organization = entity.kind != EntityKind::Person;
                    speaker.gender = speaker.gender.or(self.entities.genders.get(e).copied().flatten());
                } else {
                    speaker.name = self.full_name(&self.w.a.text[phrase.head.start..phrase.head.end]);
                }
                speaker.gender = speaker.gender.or(self.learned.get(&speaker.name).copied());
                if let Some(g) = speaker.gender {
                    self.learned.insert(speaker.name.clone(), g);
                }
            }
            PhraseKind::Description => {}
        }
        self.last = Some(speaker.clone());
        speaker
    }

    fn pronoun(&mut self, p: Pronoun, unresolved: Speaker) -> Speaker {
        if p == Pronoun::First {
            return unresolved;
        }
        let paragraph = unresolved.paragraph;
        let fits = |s: &&Speaker| compatible(s, p);
        let recent = self.last.as_ref().filter(|s| s.paragraph + 1 >= paragraph).filter(fits).cloned();
        let found = recent
            .or_else(|| self.nearest_person(unresolved.span.start, p))
            .or_else(|| self.last.as_ref().filter(fits).cloned());
        let Some(mut speaker) = found else { return unresolved };
        speaker.span = unresolved.span;
        speaker.cue = unresolved.cue;
        speaker.paragraph = paragraph;
        if speaker.gender.is_none() && speaker.id.is_some() {
            speaker.gender = unresolved.gender;
            if let Some(g) = unresolved.gender {
                self.learned.insert(speaker.name.clone(), g);
            }
        }
        self.last = Some(speaker.clone());
        speaker
    }

    /// The nearest person mentioned before byte `at`, outside quotes, compatible with `p`:
    /// an entity mention, else a name found by capitalization.
    fn nearest_person(&self, at: usize, p: Pronoun) -> Option<Speaker> {
        if !matches!(p, Pronoun::He | Pronoun::She) {
            return None;
        }
        self.nearest_entity(at, p).or_else(|| self.nearest_name_run(at, p))
    }

    fn nearest_name_run(&self, at: usize, p: Pronoun) -> Option<Speaker> {
        let end = self.runs.partition_point(|r| r.span.end <= at);
        self.runs[..end].iter().rev().take(40).find_map(|run| {
            if self.inside_quote(run.span) {
                return None;
            }
            let name = self.full_name(&run.bare);
            let gender = run.gender.or(self.learned.get(&name).copied());
            let speaker = Speaker {
                name,
                id: None,
                span: run.span,
                cue: String::new(),
                gender,
                plural: false,
                organization: false,
                paragraph: 0,
            };
            compatible(&speaker, p).then_some(speaker)
        })
    }

    fn nearest_entity(&self, at: usize, p: Pronoun) -> Option<Speaker> {
        let end = self.mentions.partition_point(|m| m.span.start < at);
        self.mentions[..end].iter().rev().take(80).find_map(|m| {
            let entity = self.entities.list.get(m.entity)?;
            if entity.kind != EntityKind::Person || m.span.end > at || self.inside_quote(m.span) {
                return None;
            }
            let gender =
                self.entities.genders.get(m.entity).copied().flatten().or(self.learned.get(&entity.name).copied());
            let speaker = Speaker {
                name: entity.name.clone(),
                id: Some(entity.id.clone()),
                span: m.span,
                cue: String::new(),
                gender,
                plural: false,
                organization: false,
                paragraph: 0,
            };
            compatible(&speaker, p).then_some(speaker)
        })
    }

    fn inside_quote(&self, span: Span) -> bool {
        let k = self.quotes.partition_point(|q| q.start <= span.start);
        k > 0 && self.quotes[k - 1].contains(span)
    }

    /// The entity whose mention overlaps the end of `head` (the name, after its titles).
    fn entity_covering(&self, head: Span) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.span.start < head.end);
        self.mentions[..end]
            .iter()
            .rev()
            .take(8)
            .filter(|m| m.span.overlaps(head) && m.entity < self.entities.list.len())
            .max_by_key(|m| (m.span.end, m.span.len()))
            .map(|m| m.entity)
    }

    /// `Ms. Doe` → `Jane Doe` when the article names her in full; else the name without titles.
    fn full_name(&self, head: &str) -> String {
        let words: Vec<&str> = head.split_whitespace().collect();
        let bare = name_without_titles(&words);
        match bare {
            [] => head.to_string(),
            [surname] => self.full_names.get(*surname).cloned().unwrap_or_else(|| surname.to_string()),
            _ => bare.join(" "),
        }
    }
}

fn compatible(s: &Speaker, p: Pronoun) -> bool {
    match p {
        Pronoun::He => !s.plural && !s.organization && s.gender != Some(Gender::Female),
        Pronoun::She => !s.plural && !s.organization && s.gender != Some(Gender::Male),
        Pronoun::They => s.plural || s.organization,
        Pronoun::It => s.organization || (s.id.is_none() && s.gender.is_none() && !s.plural),
        Pronoun::First => false,
    }
}

/// The words after the last title word: `Russian Prime Minister Jan Doe` → `Jan Doe`.
fn name_without_titles<'s>(words: &'s [&'s str]) -> &'s [&'s str] {
    let from = words.iter().rposition(|w| TITLES.contains(&w.to_lowercase().as_str())).map_or(0, |i| i + 1);
    &words[from..]
}

/// A capitalized name in the text (`Ms. Jane Doe`), found without the entity recognizer: the
/// fallback antecedent of pronouns when no entity mention is available.
#[derive(Clone, Debug)]
struct NameRun {
    span: Span,
    /// The words after the titles.
    bare: String,
    gender: Option<Gender>,
}

/// The name runs of the document, in order: a run of name words whose name is two words or
/// more after its titles, or an honorific and a surname.
fn name_runs(w: &Words) -> Vec<NameRun> {
    let mut out = Vec::new();
    let n = w.a.tokens.len();
    let mut i = 0;
    while i < n {
        if !w.is_name_word(i) {
            i += 1;
            continue;
        }
        let first = i;
        while i + 1 < n && w.is_name_word(i + 1) && w.a.tokens[i + 1].span.start <= w.a.tokens[i].span.end + 1 {
            i += 1;
        }
        let words: Vec<&str> = (first..=i).map(|k| w.text(k)).collect();
        let bare = name_without_titles(&words);
        let honorific = match words.first().map(|h| h.to_lowercase()).as_deref() {
            Some("mr.") => Some(Gender::Male),
            Some("ms." | "mrs." | "miss") => Some(Gender::Female),
            _ => None,
        };
        if bare.len() >= 2 || (honorific.is_some() && bare.len() == 1) {
            out.push(NameRun { span: w.span(first, i), bare: bare.join(" "), gender: honorific });
        }
        i += 1;
    }
    out
}

/// Surname → the longest full name (two words or more, titles removed) in the document.
fn full_names(runs: &[NameRun]) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for run in runs {
        if let Some((_, surname)) = run.bare.rsplit_once(' ') {
            let entry = out.entry(surname.to_string()).or_default();
            if run.bare.len() > entry.len() {
                *entry = run.bare.clone();
            }
        }
    }
    out
}
