//! Who a speaker phrase designates.
//!
//! - A **name** resolves to the entity whose mention covers it (its merged name and id), as
//!   long as the genders agree: `Mrs. Doe` is not the John Doe a bare `Doe` joined. Failing
//!   that, to the person of the document with that surname and a compatible gender (entity or
//!   full name written elsewhere in the article).
//! - A **description** stays itself (an unnamed source), except a phrase that points back
//!   (`this same source`, `the official`) takes the earlier source it repeats, and a message
//!   (`a statement from the mayor's office`, `the campaign's letter`) is credited to its issuer.
//! - A **pronoun** goes to the nearest compatible person before it (outside quotes): a
//!   speaker, an entity mention or a name; `he` and `she` never to an organization, a
//!   document or someone of the other gender, `they` to a plural or a group.
//!
//! The local phrase stays the speaker's `span` in every case. It does not find phrases (see
//! `phrases`) nor recognize entities (see `entities`).

use super::lexicon::{self, Class};
use super::phrases::{Phrase, PhraseKind, Pronoun, Words};
use crate::entities::{Entities, Gender, MentionRef};
use crate::model::{EntityKind, Span};
use crate::text::FxHashMap;
use crate::text::{TokenKind, WordId};
use std::borrow::Cow;

/// A speaker kept by a [`Resolver`]: an index, so that quotes share one speaker's record.
pub(crate) type SpeakerId = u32;

/// How many mentions before and after a name are searched for the person with its surname.
const SURNAME_WINDOW: usize = 200;

/// What a speaker is, as far as pronouns care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Nature {
    Person,
    /// An organization, a place, a group of people named as one (`the committee`).
    Group,
    /// A message or document (`a statement`) whose issuer is unknown.
    Document,
    Unknown,
}

/// A resolved speaker. Its strings borrow the document's text and the entity list, so that
/// one costs no allocation and a copy is cheap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Speaker<'a> {
    pub name: &'a str,
    pub id: Option<&'a str>,
    /// The mention in the attribution clause (the pronoun itself for a pronoun).
    pub span: Span,
    pub cue: &'a str,
    pub gender: Option<Gender>,
    pub plural: bool,
    pub nature: Nature,
    /// True for an unnamed source (`a senior official`).
    pub described: bool,
    /// The head word of a description (`source` in `a senior source`), for `the same source`.
    pub head: Option<crate::text::WordId>,
    /// Paragraph index of the attribution clause.
    pub paragraph: usize,
    /// Byte offset of the attribution clause (where the speaker was last named).
    pub at: usize,
}

impl Speaker<'_> {
    fn compatible(&self, p: Pronoun) -> bool {
        let person = matches!(self.nature, Nature::Person | Nature::Unknown);
        match p {
            Pronoun::He => !self.plural && person && self.gender != Some(Gender::Female),
            Pronoun::She => !self.plural && person && self.gender != Some(Gender::Male),
            Pronoun::They => self.plural || self.nature == Nature::Group,
            Pronoun::It => self.nature == Nature::Group || self.nature == Nature::Document,
            Pronoun::First => false,
        }
    }
}

pub(crate) struct Resolver<'w, 'a> {
    w: &'w Words<'w, 'a>,
    entities: &'a Entities,
    /// This document's entity mentions, sorted by start.
    mentions: &'a [MentionRef],
    /// Inner spans of this document's quotes, sorted: mentions inside them are no antecedents.
    quotes: &'w [Span],
    /// Names found by capitalization, for when the entity recognizer gives no antecedent.
    runs: Vec<NameRun>,
    /// Surname key → the runs of two words or more that end with it, in order.
    full_names: FxHashMap<WordId, Vec<usize>>,
    /// Genders learned from resolved speakers, by name (see [`person_key`]); the genders of
    /// names in the text are the runs'.
    learned: FxHashMap<String, Gender>,
    /// The runs' genders by name, so that a lookup costs no scan of every run.
    run_genders: RunGenders<'a>,
    /// The mentions of this document's persons named by two words or more, as (hash of the
    /// surname, index into `mentions`), sorted: see [`namesakes`]. Made at the first surname
    /// search, so that a search looks only at mentions of that surname (and of any other with
    /// its hash), however many others stand near it.
    namesakes: Option<Vec<(usize, usize)>>,
    /// Every speaker resolved so far, in text order of their clauses, as indices into
    /// `speakers`.
    history: Vec<SpeakerId>,
    /// The speakers resolved so far and those given to quotes (see [`Resolver::add`]).
    speakers: Vec<Speaker<'a>>,
}

impl<'w, 'a> Resolver<'w, 'a> {
    pub(crate) fn new(
        w: &'w Words<'w, 'a>,
        entities: &'a Entities,
        mentions: &'a [MentionRef],
        quotes: &'w [Span],
    ) -> Self {
        let runs = name_runs(w);
        let mut full_names: FxHashMap<WordId, Vec<usize>> = FxHashMap::default();
        for (i, run) in runs.iter().enumerate() {
            if run.bare.1 > run.bare.0 {
                full_names.entry(w.a.tokens[run.bare.1].word()).or_default().push(i);
            }
        }
        let run_genders = RunGenders::new(w, &runs);
        Resolver {
            w,
            entities,
            mentions,
            quotes,
            runs,
            full_names,
            learned: FxHashMap::default(),
            run_genders,
            namesakes: None,
            history: Vec::new(),
            speakers: Vec::new(),
        }
    }

    /// Room for `n` more speakers.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.speakers.reserve(n);
        self.history.reserve(n);
    }

    /// The speaker `id` stands for.
    pub(crate) fn get(&self, id: SpeakerId) -> &Speaker<'a> {
        &self.speakers[id as usize]
    }

    /// Keeps a speaker that is not in the history (a quote's own variant of one), for `get`.
    pub(crate) fn add(&mut self, speaker: Speaker<'a>) -> SpeakerId {
        self.speakers.push(speaker);
        // OK because a document has at most one speaker per quote or clause, far fewer than
        // 2^32 in any text that fits in memory (its tokens' spans are bytes).
        (self.speakers.len() - 1) as SpeakerId
    }

    fn remember(&mut self, speaker: Speaker<'a>) -> SpeakerId {
        let id = self.add(speaker);
        self.history.push(id);
        id
    }

    fn past(&self) -> impl DoubleEndedIterator<Item = &Speaker<'a>> {
        self.history.iter().map(|&i| &self.speakers[i as usize])
    }

    /// The last speaker resolved (of a quote or of reported speech).
    pub(crate) fn last(&self) -> Option<SpeakerId> {
        self.history.last().copied()
    }

    /// A quote without a clause of its own in `paragraph` continued the last speaker.
    pub(crate) fn continue_in(&mut self, paragraph: usize) {
        if let Some(&last) = self.history.last() {
            self.speakers[last as usize].paragraph = paragraph;
        }
    }

    /// Resolves the speaker phrase of a clause in paragraph `paragraph` with cue `cue`.
    pub(crate) fn resolve(&mut self, phrase: &Phrase, paragraph: usize, cue: &'a str) -> SpeakerId {
        let w = self.w;
        let text = &w.a.text[phrase.span.start..phrase.span.end];
        let mut speaker = Speaker {
            name: text,
            id: None,
            span: phrase.span,
            cue,
            gender: phrase.gender,
            plural: phrase.plural,
            nature: Nature::Unknown,
            described: false,
            head: None,
            paragraph,
            at: phrase.span.start,
        };
        match phrase.kind {
            PhraseKind::Pronoun(p) => return self.pronoun(p, speaker),
            PhraseKind::Name => self.name(phrase, &mut speaker),
            PhraseKind::Description => {
                if let Some((earlier, span)) = self.description(phrase, &mut speaker) {
                    speaker = Speaker { span, cue: speaker.cue, paragraph, at: speaker.at, ..earlier };
                }
            }
        }
        self.remember(speaker)
    }

    fn name(&mut self, phrase: &Phrase, speaker: &mut Speaker<'a>) {
        let w = self.w;
        let head_last = w.a.token_from(phrase.head.end).saturating_sub(1);
        let fits = |e: usize| {
            let g = self.entity_gender(e);
            phrase.gender.is_none() || g.is_none() || g == phrase.gender
        };
        let covering = self.entity_covering(phrase.head).filter(|&e| fits(e));
        // A bare or capitalized surname (`OKAFOR`, `Chief Molnar`) that the recognizer kept
        // apart: the person of the document named in full with that surname.
        let first = w.a.token_from(phrase.span.start);
        let partial = covering.map_or(true, |e| {
            let name = &self.entities.list[e].name;
            let opening = name.split_whitespace().next().unwrap_or("");
            let titled = (first..=head_last).any(|t| {
                w.text(t) == opening && w.has(t, Class::TITLE | Class::PERSON_NOUN | Class::MALE | Class::FEMALE)
            });
            name.split_whitespace().count() < 2 || !name.chars().any(char::is_lowercase) || titled
        });
        let entity = if partial {
            self.entity_by_surname(head_last, phrase.gender, phrase.head.start).or(covering)
        } else {
            covering
        };
        if let Some(e) = entity {
            let entity = &self.entities.list[e];
            speaker.name = &entity.name;
            speaker.id = Some(&entity.id);
            speaker.nature = if entity.kind == EntityKind::Person { Nature::Person } else { Nature::Group };
            speaker.gender = speaker.gender.or(self.entities.genders.get(e).copied().flatten());
        } else {
            speaker.name = self.full_name(phrase.head, phrase.gender);
            if w.has(head_last, Class::GROUP_NOUN) {
                speaker.nature = Nature::Group;
            }
        }
        let key = person_key(speaker.name);
        speaker.gender = speaker.gender.or_else(|| self.learned.get(&*key).copied().or_else(|| self.run_gender(&key)));
        // Learned again only when new or changed: the key is made a `String` only then.
        if let Some(g) = speaker.gender.filter(|&g| self.learned.get(&*key) != Some(&g)) {
            self.learned.insert(key.into_owned(), g);
        }
    }

    /// What the entities stage or this document's honorifics tell of entity `e`'s gender.
    fn entity_gender(&self, e: usize) -> Option<Gender> {
        if let Some(g) = self.entities.genders.get(e).copied().flatten() {
            return Some(g);
        }
        let entity = self.entities.list.get(e)?;
        let key = person_key(&entity.name);
        self.learned.get(&*key).copied().or_else(|| self.run_gender(&key))
    }

    /// The gender a name run of the document gives the name `key` (`Robert Lang`): that of the
    /// first gendered run ending in its surname that is one word or has its given name before
    /// the surname (any such run for a one-word key).
    fn run_gender(&self, key: &str) -> Option<Gender> {
        let surname = key.rsplit(' ').next()?;
        let index = &self.run_genders;
        if key == surname {
            return index.any.get(surname).copied();
        }
        let first = key.split(' ').next().unwrap_or("");
        let single = index.single.get(surname);
        let pair = index.pair.get(&(first, surname));
        [single, pair].into_iter().flatten().min_by_key(|(run, _)| *run).map(|&(_, gender)| gender)
    }

    /// An unnamed source: its nature, and the earlier speaker it repeats or the issuer of
    /// the message it names, if any.
    /// Returns the speaker it stands for, and the span to credit (the local phrase, or the
    /// issuer's own phrase when the message's clause names it: `The union issued a statement
    /// praising …`).
    fn description(&mut self, phrase: &Phrase, speaker: &mut Speaker<'a>) -> Option<(Speaker<'a>, Span)> {
        let w = self.w;
        let first = w.a.token_from(phrase.span.start);
        let head_last = w.a.token_from(phrase.head.end).saturating_sub(1);
        let head = w.a.tokens.get(head_last).map(|t| t.word());
        speaker.described = true;
        speaker.head = head;
        let head_class = w.class(head_last);
        speaker.nature = if head_class.intersects(Class::PERSON_NOUN) {
            Nature::Person
        } else if head_class.intersects(Class::GROUP_NOUN | Class::PLURAL_NOUN) {
            Nature::Group
        } else if head_class.intersects(Class::DOCUMENT_NOUN) {
            Nature::Document
        } else {
            Nature::Unknown
        };
        if speaker.nature == Nature::Group && w.has(head_last, Class::PLURAL_NOUN) {
            speaker.plural = true;
        }
        // `this same source`, `the same official`: the last source with that head word.
        let points_back = (first..head_last).any(|i| w.is(i, &["same", "aforementioned"]))
            || (w.is(first, &["this", "that"]) && speaker.nature == Nature::Person && !speaker.plural);
        if points_back {
            // The last source with that head word, else the last unnamed person.
            let same_head = self.past().rev().find(|s| s.described && s.head == head);
            let person =
                || self.past().rev().find(|s| s.described && matches!(s.nature, Nature::Person | Nature::Unknown));
            if let Some(earlier) = same_head.or_else(person) {
                return Some((*earlier, phrase.span));
            }
        }
        if speaker.nature == Nature::Document {
            let issuer = self.issuer(phrase, head_last)?;
            let span = if phrase.span.contains(issuer.span) { phrase.span } else { issuer.span };
            return Some((issuer, span));
        }
        None
    }

    /// Who issued the message `phrase` names: `from`/`by`/`of` X inside the phrase, or a
    /// possessive before its head (`the campaign's statement`).
    fn issuer(&mut self, phrase: &Phrase, head_last: usize) -> Option<Speaker<'a>> {
        let w = self.w;
        let first = w.a.token_from(phrase.span.start);
        let last = w.a.token_from(phrase.span.end).saturating_sub(1);
        let from = (head_last + 1..=last).find(|&i| w.is(i, &["from", "by", "of"])).map(|i| i + 1);
        let possessive = (first..head_last).rev().find(|&i| {
            let k = w.lower(i);
            k.ends_with("'s") || k.ends_with("s'")
        });
        let (start, end) = match (from, possessive) {
            (Some(f), _) if f <= last => (f, last),
            (_, Some(p)) => ((first..=p).find(|&i| !w.has(i, Class::DETERMINER)).unwrap_or(p), p),
            // `The union issued a statement praising …`: the subject of the verb before it.
            _ => {
                let verb = first.checked_sub(1).filter(|&v| w.is_word(v) && !w.is_capitalized(v))?;
                let lo = (verb.saturating_sub(30)..verb)
                    .rev()
                    .find(|&t| w.is_punct(t, &['.', '!', '?', ';', '“', '”', '"']))
                    .map_or(verb.saturating_sub(30), |t| t + 1);
                let subject = super::phrases::subject_before(w, lo, verb)?;
                let mut issuer = Speaker {
                    name: &w.a.text[subject.head.start..subject.head.end],
                    id: None,
                    span: subject.span,
                    cue: "",
                    gender: subject.gender,
                    plural: subject.plural,
                    nature: Nature::Group,
                    described: subject.kind == PhraseKind::Description,
                    head: None,
                    paragraph: 0,
                    at: subject.span.start,
                };
                if subject.kind == PhraseKind::Name {
                    self.name(&subject, &mut issuer);
                }
                return (subject.kind != PhraseKind::Description
                    || !w.has(w.a.token_from(subject.head.end).saturating_sub(1), Class::DOCUMENT_NOUN))
                .then_some(issuer);
            }
        };
        let span = w.span(start, end);
        let head = Span::new(w.a.tokens[start].start(), strip_possessive(w, end));
        let named = (start..=end).any(|i| w.is_name_word(i));
        let kind = if named { PhraseKind::Name } else { PhraseKind::Description };
        let inner = Phrase { span, head, kind, gender: None, plural: false };
        let mut issuer = Speaker {
            name: &w.a.text[head.start..head.end],
            id: None,
            span,
            cue: "",
            gender: None,
            plural: false,
            nature: Nature::Group,
            described: !named,
            head: None,
            paragraph: 0,
            at: span.start,
        };
        if named {
            self.name(&inner, &mut issuer);
        }
        Some(issuer)
    }

    fn pronoun(&mut self, p: Pronoun, unresolved: Speaker<'a>) -> SpeakerId {
        // Left unresolved, and out of the history: no later pronoun refers back to it.
        if p == Pronoun::First {
            return self.add(unresolved);
        }
        let at = unresolved.span.start;
        let paragraph = unresolved.paragraph;
        let first_paragraph = paragraph.saturating_sub(2);
        let from = self.w.a.paragraphs.get(first_paragraph).map_or(0, |s| s.start);
        let speaker = self.past().rev().find(|s| s.at < at && s.compatible(p)).copied();
        let recent_speaker = speaker.filter(|s| s.paragraph + 1 >= paragraph);
        // The nearest compatible person named after that speaker's clause.
        let after = recent_speaker.as_ref().map_or(from, |s| s.at.max(from));
        let mention = self.nearest_person(after, at, p);
        let found = match (mention, recent_speaker) {
            // A person named as a subject after the speaker's clause takes over (`Brandt was
            // not impressed. “…,” he said`); an object or a possessive does not.
            (Some(m), Some(s)) => {
                Some(if self.same_person(&m, &s) || self.is_object(m.span) || self.is_possessive(m.span) {
                    s
                } else {
                    m
                })
            }
            (Some(m), None) => Some(m),
            (None, Some(s)) => Some(s),
            (None, None) => self.nearest_person(0, at, p).or(speaker),
        };
        let Some(mut speaker) = found else { return self.add(unresolved) };
        speaker.span = unresolved.span;
        speaker.cue = unresolved.cue;
        speaker.paragraph = paragraph;
        speaker.at = at;
        if speaker.gender.is_none() && !speaker.described {
            speaker.gender = unresolved.gender;
            if let Some(g) = unresolved.gender {
                self.learned.insert(person_key(speaker.name).into_owned(), g);
            }
        }
        self.remember(speaker)
    }

    fn same_person(&self, a: &Speaker, b: &Speaker) -> bool {
        match (a.id, b.id) {
            (Some(x), Some(y)) => x == y,
            _ => a.name == b.name,
        }
    }

    /// The nearest person named in `from..at` (bytes), outside quotes, compatible with `p`:
    /// an entity mention, else a name found by capitalization.
    fn nearest_person(&self, from: usize, at: usize, p: Pronoun) -> Option<Speaker<'a>> {
        if !matches!(p, Pronoun::He | Pronoun::She) {
            return None;
        }
        let entity = self.nearest_entity(from, at, p);
        let run = self.nearest_name_run(from, at, p);
        match (entity, run) {
            (Some(e), Some(r)) => Some(if r.at > e.at && r.id.is_none() && !self.covered(r.span) { r } else { e }),
            (e, r) => e.or(r),
        }
    }

    /// True when the name at `span` is the object of a verb or preposition (`lashed out at
    /// Speaker Varga`, `met Varga`), which a later `he` rarely means.
    fn is_object(&self, span: Span) -> bool {
        let w = self.w;
        let mut t = w.a.token_from(span.start);
        for _ in 0..5 {
            let Some(p) = t.checked_sub(1) else { return false };
            if w.is_name_word(p) || w.has(p, Class::TITLE | Class::DETERMINER) {
                t = p;
                continue;
            }
            let k = w.lower(p);
            return w.has(p, Class::PREPOSITION)
                || (w.is_word(p)
                    && !w.is_capitalized(p)
                    && !w.has(p, Class::STOP)
                    && (k.ends_with("ed") || k.ends_with('s')));
        }
        false
    }

    /// The nearest of `candidates` (nearest first) that is no object, unless only objects
    /// stand in that paragraph.
    fn prefer_subject(&self, candidates: impl Iterator<Item = Speaker<'a>>) -> Option<Speaker<'a>> {
        let mut object: Option<Speaker> = None;
        for c in candidates {
            if let Some(o) = &object {
                if self.paragraph_of(c.at) != self.paragraph_of(o.at) {
                    break;
                }
            }
            if !self.is_object(c.span) {
                return Some(c);
            }
            object.get_or_insert(c);
        }
        object
    }

    /// `Obama’s inauguration`: a name that modifies what follows.
    fn is_possessive(&self, span: Span) -> bool {
        let rest = self.w.a.text.get(span.end..).unwrap_or("");
        let last = self.w.a.token_from(span.end).saturating_sub(1);
        rest.starts_with("'s") || rest.starts_with("’s") || self.w.lower(last).ends_with("'s")
    }

    fn paragraph_of(&self, at: usize) -> usize {
        self.w.a.paragraphs.partition_point(|p| p.end < at)
    }

    fn covered(&self, span: Span) -> bool {
        let end = self.mentions.partition_point(|m| m.span.start < span.end);
        self.mentions[..end].iter().rev().take(4).any(|m| m.span.overlaps(span))
    }

    fn nearest_name_run(&self, from: usize, at: usize, p: Pronoun) -> Option<Speaker<'a>> {
        let end = self.runs.partition_point(|r| r.span.end <= at);
        let found = self.runs[..end].iter().rev().take(40).take_while(|r| r.span.start >= from).filter_map(|run| {
            if self.inside_quote(run.span) || run.bare.1 == run.bare.0 && run.gender.is_none() {
                return None;
            }
            let gender = run.gender;
            let speaker = Speaker {
                name: "",
                id: None,
                span: run.span,
                cue: "",
                gender,
                plural: false,
                nature: Nature::Person,
                described: false,
                head: None,
                paragraph: 0,
                at: run.span.start,
            };
            speaker.compatible(p).then_some(speaker)
        });
        let mut found = self.prefer_subject(found)?;
        // Named only once chosen: no string per candidate.
        let run = self.runs.iter().find(|r| r.span == found.span)?;
        found.name = run_name(self.w, run);
        found.gender = found.gender.or_else(|| self.learned.get(&*person_key(found.name)).copied());
        (found.compatible(p)).then_some(found)
    }

    fn nearest_entity(&self, from: usize, at: usize, p: Pronoun) -> Option<Speaker<'a>> {
        let end = self.mentions.partition_point(|m| m.span.start < at);
        let found = self.mentions[..end].iter().rev().take(80).take_while(|m| m.span.start >= from).filter_map(|m| {
            let entity = self.entities.list.get(m.entity)?;
            if entity.kind != EntityKind::Person || m.span.end > at || self.inside_quote(m.span) {
                return None;
            }
            let gender = self.entity_gender(m.entity);
            let speaker = Speaker {
                name: &entity.name,
                id: Some(&entity.id),
                span: m.span,
                cue: "",
                gender,
                plural: false,
                nature: Nature::Person,
                described: false,
                head: None,
                paragraph: 0,
                at: m.span.start,
            };
            speaker.compatible(p).then_some(speaker)
        });
        self.prefer_subject(found)
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

    /// The person of this document whose name ends with the surname at token `surname` and
    /// whose gender is compatible, nearest before `at` (else the first after it), among the
    /// [`SURNAME_WINDOW`] mentions on each side of `at`. Only the mentions of that surname are
    /// looked at, nearest first: a call costs the number of its namesakes in the window.
    fn entity_by_surname(&mut self, surname: usize, gender: Option<Gender>, at: usize) -> Option<usize> {
        if self.namesakes.is_none() {
            self.namesakes = Some(namesakes(self.entities, self.mentions));
        }
        let key = self.w.text(surname);
        let all = self.namesakes.as_deref().unwrap_or_default();
        let hash = folded_hash(key);
        let from = all.partition_point(|&(h, _)| h < hash);
        let same_hash = &all[from..from + all[from..].partition_point(|&(h, _)| h == hash)];
        if same_hash.is_empty() {
            return None;
        }
        // Another surname of the same hash is passed over.
        let fits = |&&(_, i): &&(usize, usize)| {
            let entity = self.mentions[i].entity;
            surname_of(self.entities, entity).is_some_and(|s| s.eq_ignore_ascii_case(key))
                && (gender.is_none() || {
                    let g = self.entity_gender(entity);
                    g.is_none() || g == gender
                })
        };
        // Bounded both ways, so that a long document stays linear.
        let before = self.mentions.partition_point(|m| m.span.start < at);
        let (earlier, later) = same_hash.split_at(same_hash.partition_point(|&(_, i)| i < before));
        earlier
            .iter()
            .rev()
            .take_while(|&&(_, i)| before - i <= SURNAME_WINDOW)
            .find(fits)
            .or_else(|| later.iter().take_while(|&&(_, i)| i - before < SURNAME_WINDOW).find(fits))
            .map(|&(_, i)| self.mentions[i].entity)
    }

    /// `Ms. Doe` → `Jane Doe` when the article names her in full (with a compatible gender);
    /// else the name without its titles.
    fn full_name(&self, head: Span, gender: Option<Gender>) -> &'a str {
        let w = self.w;
        let first = w.a.token_from(head.start);
        let last = w.a.token_from(head.end).saturating_sub(1).max(first);
        let role = Class::TITLE | Class::PERSON_NOUN | Class::MALE | Class::FEMALE;
        let bare = (first..last).rev().find(|&t| w.has(t, role)).map_or(first, |t| t + 1);
        if bare == last {
            let full = self.full_names.get(&w.a.tokens[last].word()).and_then(|runs| {
                runs.iter()
                    .map(|&r| &self.runs[r])
                    .filter(|run| gender.is_none() || run.gender != other(gender))
                    .max_by_key(|run| run.span.len())
            });
            if let Some(run) = full {
                return run_name(w, run);
            }
            // No full name: `Mrs. Lang` says more than `Lang`.
            let from = (first..bare).find(|&t| !w.has(t, Class::DETERMINER)).unwrap_or(bare);
            return &w.a.text[w.a.tokens[from].start()..strip_possessive(w, last)];
        }
        &w.a.text[w.a.tokens[bare].start()..strip_possessive(w, last)]
    }
}

/// The key genders are learned under: a name's last two words (`Robert Lang` for
/// `Businessman Robert Lang`), or the name itself; joined by one space. Borrowed from `name`
/// when one space already parts the two words there (nearly always): no allocation per
/// lookup.
fn person_key(name: &str) -> Cow<'_, str> {
    let mut words = name.split_whitespace();
    let (last, before) = (words.next_back(), words.next_back());
    let (Some(before), Some(last)) = (before, last) else {
        return Cow::Borrowed(last.unwrap_or(""));
    };
    // Both words are slices of `name`: their offsets in it are their pointers' distance from its start.
    let start = before.as_ptr() as usize - name.as_ptr() as usize;
    let end = last.as_ptr() as usize - name.as_ptr() as usize + last.len();
    match name.get(start..end) {
        Some(both)
            if both.len() == before.len() + 1 + last.len() && both.as_bytes().get(before.len()) == Some(&b' ') =>
        {
            Cow::Borrowed(both)
        }
        _ => Cow::Owned([before, last].join(" ")),
    }
}

fn other(g: Option<Gender>) -> Option<Gender> {
    match g {
        Some(Gender::Male) => Some(Gender::Female),
        Some(Gender::Female) => Some(Gender::Male),
        None => None,
    }
}

/// The end of token `i` without a possessive `'s`.
fn strip_possessive(w: &Words, i: usize) -> usize {
    let t = w.a.tokens[i].span();
    let k = w.lower(i);
    if k.ends_with("'s") && k.len() > 2 {
        t.end - w.text(i).chars().rev().take(2).map(char::len_utf8).sum::<usize>()
    } else {
        t.end
    }
}

/// The mentions of persons named by two words or more among `mentions`, as (the
/// [`folded_hash`] of the surname, index into `mentions`), sorted: the mentions of one surname
/// are together, in text order. Only this document's mentions: the entity list is the
/// corpus's, and a document must cost time in its own length.
fn namesakes(entities: &Entities, mentions: &[MentionRef]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = mentions
        .iter()
        .enumerate()
        .filter_map(|(i, m)| Some((folded_hash(surname_of(entities, m.entity)?), i)))
        .collect();
    crate::sorting::sort(&mut out);
    out
}

/// The surname of entity `e` when it is a person named by two words or more: what follows
/// the name's last space.
fn surname_of(entities: &Entities, e: usize) -> Option<&str> {
    let entity = entities.list.get(e)?;
    if entity.kind != EntityKind::Person || !two_words(&entity.name) {
        return None;
    }
    Some(after_last_space(&entity.name))
}

/// What follows the last space of `name` (all of it without one): `rsplit(' ')`'s first part,
/// found by a byte search.
fn after_last_space(name: &str) -> &str {
    // A space is one byte that no other character's bytes contain, so what follows it starts
    // a character.
    let after = name.as_bytes().iter().rposition(|&b| b == b' ').map_or(0, |at| at + 1);
    name.get(after..).unwrap_or_default()
}

/// True when `name` holds two words or more, as `split_whitespace` splits it. An ASCII name
/// (most are) is read by bytes: `split_whitespace` decoded each character and asked Unicode's
/// white space of it (2.5 M instructions for a document's namesakes on 2 MB of news).
///
/// In the wasm, whose size counts, `split_whitespace` itself.
fn two_words(name: &str) -> bool {
    if cfg!(target_arch = "wasm32") || !name.is_ascii() {
        return name.split_whitespace().nth(1).is_some();
    }
    // The ASCII characters that are white space to `char::is_whitespace`: tab, line feed,
    // vertical tab, form feed, carriage return and space.
    let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let mut bytes = name.bytes();
    // A word, white space after it, and a byte of another word after that.
    bytes.by_ref().find(|b| !space(b)).is_some() && bytes.by_ref().find(space).is_some() && bytes.any(|b| !space(&b))
}

/// A hash of `word` with ASCII letters folded to lowercase (`NOVAK` hashes as `Novak`): words
/// equal by `eq_ignore_ascii_case` hash alike (the token view's hash with bit 0x20 set in each
/// byte, which the search index reads words with too). Kept at `usize`, 4 bytes in the wasm,
/// as a namesake list of a text of names holds one per person mention; a collision is checked
/// away by comparing the surname itself.
fn folded_hash(word: &str) -> usize {
    crate::text::hash_with_bits(word.as_bytes(), 0x20) as usize
}

/// The runs' genders by their words, for [`Resolver::run_gender`]: built once per document in
/// one pass over the runs, so that naming thousands of people stays linear.
struct RunGenders<'t> {
    /// Surname → the gender of the first gendered run that ends with it.
    any: FxHashMap<&'t str, Gender>,
    /// Surname → the first gendered one-word run of it (run index, gender).
    single: FxHashMap<&'t str, (usize, Gender)>,
    /// (Word before the surname, surname) → the first gendered run ending so.
    pair: FxHashMap<(&'t str, &'t str), (usize, Gender)>,
}

impl<'t> RunGenders<'t> {
    fn new(w: &Words<'_, 't>, runs: &[NameRun]) -> Self {
        let mut index =
            RunGenders { any: FxHashMap::default(), single: FxHashMap::default(), pair: FxHashMap::default() };
        for (i, run) in runs.iter().enumerate() {
            let Some(gender) = run.gender else { continue };
            let surname = w.text(run.bare.1);
            index.any.entry(surname).or_insert(gender);
            if run.bare.0 == run.bare.1 {
                index.single.entry(surname).or_insert((i, gender));
            }
            index.pair.entry((w.text(run.bare.1.saturating_sub(1)), surname)).or_insert((i, gender));
        }
        index
    }
}

/// A capitalized name in the text (`Ms. Jane Doe`), found without the entity recognizer: the
/// fallback antecedent of pronouns when no entity mention is available.
#[derive(Clone, Debug)]
struct NameRun {
    span: Span,
    /// Tokens of the name after its titles, inclusive.
    bare: (usize, usize),
    gender: Option<Gender>,
}

fn run_name<'t>(w: &Words<'_, 't>, run: &NameRun) -> &'t str {
    &w.a.text[w.a.tokens[run.bare.0].start()..strip_possessive(w, run.bare.1)]
}

/// The name runs of the document, in order: a run of name words whose name is two words or
/// more after its titles, or an honorific (or a gendered noun) and a surname.
fn name_runs(w: &Words) -> Vec<NameRun> {
    let mut out = Vec::new();
    let n = w.a.tokens.len();
    let mut i = 0;
    while i < n {
        // The next capitalized word, found by a tight walk over the tokens' bits: most tokens
        // are not one, and asking `is_name_word` of each was 0.9% of the run on unseen news.
        // OK because `i < n`.
        let Some(next) = w.a.tokens[i..].iter().position(|t| t.capitalized() && t.kind() == TokenKind::Word) else {
            break;
        };
        i += next;
        if !w.is_name_word(i) {
            i += 1;
            continue;
        }
        let first = i;
        while i + 1 < n && w.is_name_word(i + 1) && w.a.tokens[i + 1].start() <= w.a.tokens[i].end() + 1 {
            i += 1;
        }
        let last = i;
        // Titles and role nouns before the name: `Businessman Robert Lang`.
        let role = Class::TITLE | Class::PERSON_NOUN | Class::MALE | Class::FEMALE;
        let bare = (first..last).rev().find(|&t| w.has(t, role)).map_or(first, |t| t + 1);
        // `Mrs. Doe`, `his wife, Jane Doe`, `spokeswoman Jane Doe`: the gender of the title or
        // of the noun just before the name.
        let before = first.checked_sub(1).filter(|&b| w.is_word(b)).or_else(|| {
            first.checked_sub(2).filter(|&b| w.is_punct(b + 1, &[',']) && w.is_word(b) && !w.is_capitalized(b))
        });
        let gender = (first..bare).rev().find_map(|t| lexicon::gender(w.class(t))).or_else(|| {
            before.filter(|&b| !w.has(b, Class::TITLE) || bare > first).and_then(|b| lexicon::gender(w.class(b)))
        });
        let long = bare < last;
        if bare <= last && (long || gender.is_some()) {
            out.push(NameRun { span: w.span(first, last), bare: (bare, last), gender });
        }
        i += 1;
    }
    // The runs stay while every quote of the document is resolved: without growth slack, a
    // document of many names holds 40 bytes a run, not up to 80.
    out.shrink_to_fit();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`two_words`] and [`after_last_space`] are `split_whitespace`'s count and
    /// `rsplit(' ')`'s last part, on names of ASCII and other characters with every kind of
    /// white space anywhere.
    #[test]
    fn two_words_as_split_whitespace_counts_them() {
        let pieces = [
            "Ana", "de", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1f}", "é", "\u{a0}", "\u{2003}", "-", "O'",
        ];
        let mut x: u64 = 5;
        for _ in 0..5000 {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (x >> 61) as usize;
            let mut name = String::new();
            for _ in 0..len {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                name.push_str(pieces[(x >> 33) as usize % pieces.len()]);
            }
            assert_eq!(two_words(&name), name.split_whitespace().nth(1).is_some(), "{name:?}");
            assert_eq!(Some(after_last_space(&name)), name.rsplit(' ').next(), "{name:?}");
        }
    }
    use crate::model::Entity;
    use crate::quotes::lexicon::Lexicon;
    use crate::text::Analysis;

    /// The key is the last two words joined by one space, as a split and a join make it,
    /// whatever white space parts or surrounds them; borrowed when the name has it already.
    #[test]
    fn a_person_key_is_the_last_two_words_joined_by_one_space() {
        let joined = |name: &str| {
            let words: Vec<&str> = name.split_whitespace().collect();
            words[words.len().saturating_sub(2)..].join(" ")
        };
        for name in [
            "Businessman Robert Lang",
            "Robert Lang",
            "Robert  Lang",
            "Robert\tLang",
            " Lang ",
            "Lang",
            "",
            "   ",
            "Ana María López ",
            "X\u{a0}Y",
            "Ñ\u{2003}Ö Ü",
        ] {
            assert_eq!(person_key(name), joined(name), "{name:?}");
        }
        assert!(matches!(person_key("Mayor Robert Lang"), Cow::Borrowed("Robert Lang")));
        assert!(matches!(person_key("Robert\tLang"), Cow::Owned(_)));
    }

    const JANE: usize = 0;
    const IVO: usize = 1;
    const ONE_WORD: usize = 2;
    const FILLER: usize = 3;

    /// The entity `NOVAK` (token 0 of the text) resolves to, when the document's mentions are
    /// of the entities `of` in order (mention `i` at byte `10 i`) and the name stands
    /// where mention `at` would.
    fn namesake(of: &[usize], at: usize, gender: Option<Gender>) -> Option<usize> {
        let a = Analysis::of_text("NOVAK spoke.");
        let lex = Lexicon::new(&a);
        let w = Words { a: &a, lex: &lex };
        let entity = |name: &str, kind| Entity {
            id: name.to_lowercase(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
        };
        let entities = Entities {
            list: vec![
                entity("Jane Novak", EntityKind::Person),
                entity("Ivo Novak", EntityKind::Person),
                entity("Novak", EntityKind::Person),
                entity("Weber Novak", EntityKind::Organization),
            ],
            genders: vec![Some(Gender::Female), Some(Gender::Male), None, None],
            ..Entities::default()
        };
        let mentions: Vec<MentionRef> = of
            .iter()
            .enumerate()
            .map(|(i, &entity)| MentionRef { span: Span::new(10 * i, 10 * i + 5), entity })
            .collect();
        let mut resolver = Resolver::new(&w, &entities, &mentions, &[]);
        resolver.entity_by_surname(0, gender, 10 * at)
    }

    /// `n` filler mentions with `entity` at each of `at`.
    fn mentions(n: usize, at: &[(usize, usize)]) -> Vec<usize> {
        let mut out = vec![FILLER; n];
        for &(i, entity) in at {
            out[i] = entity;
        }
        out
    }

    #[test]
    fn the_surname_window_holds_200_mentions_each_side() {
        // Before: mentions `at - 200 .. at`.
        assert_eq!(namesake(&mentions(600, &[(100, JANE)]), 300, None), Some(JANE));
        assert_eq!(namesake(&mentions(600, &[(99, JANE)]), 300, None), None);
        // After: mentions `at .. at + 200`.
        assert_eq!(namesake(&mentions(600, &[(499, IVO)]), 300, None), Some(IVO));
        assert_eq!(namesake(&mentions(600, &[(500, IVO)]), 300, None), None);
        assert_eq!(namesake(&mentions(600, &[(300, IVO)]), 300, None), Some(IVO));
    }

    #[test]
    fn the_nearest_namesake_before_wins_then_the_first_after() {
        let of = mentions(600, &[(120, IVO), (290, JANE), (301, IVO), (310, JANE)]);
        assert_eq!(namesake(&of, 300, None), Some(JANE));
        // Out of the window before: the first after.
        let of = mentions(600, &[(50, JANE), (320, IVO), (301, JANE)]);
        assert_eq!(namesake(&of, 300, None), Some(JANE));
    }

    #[test]
    fn namesakes_of_the_other_gender_are_passed_over() {
        let of = mentions(600, &[(200, JANE), (299, IVO), (302, IVO)]);
        assert_eq!(namesake(&of, 300, Some(Gender::Female)), Some(JANE));
        assert_eq!(namesake(&of, 300, Some(Gender::Male)), Some(IVO));
        let of = mentions(600, &[(299, IVO), (302, JANE)]);
        assert_eq!(namesake(&of, 300, Some(Gender::Female)), Some(JANE));
    }

    #[test]
    fn only_persons_named_in_full_are_namesakes() {
        // A one-word person is not, nor an organization ending with the surname (every filler).
        let of = mentions(600, &[(299, ONE_WORD)]);
        assert_eq!(namesake(&of, 300, None), None);
        // The surname matches without regard to ASCII case (`NOVAK` is `Novak`).
        assert_eq!(namesake(&mentions(10, &[(9, JANE)]), 5, None), Some(JANE));
    }
}
