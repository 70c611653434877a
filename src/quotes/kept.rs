//! The byte form of what [`super::detect`] finds in a document, as an article's part keeps it
//! (see [`crate::codec`]): per quote its span, kind, paragraph and speaker source, each enum as
//! its index. Reading never panics; a value out of range reads as `None`. Whether the values
//! fit the document is [`super::Detected::fits`]'s question, not this module's.

use super::attribution::{Attribution, Side, Strength};
use super::phrases::{Phrase, PhraseKind, Pronoun};
use super::{QuoteDraft, Source};
use crate::codec::{Reader, Writer};
use crate::entities::Gender;
use crate::model::QuoteKind;

// Each enum is written as its discriminant (`as u64`) and read back from a table of its values
// in declaration order.
const KINDS: [QuoteKind; 4] = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Dialogue, QuoteKind::Scare];
const PRONOUNS: [Pronoun; 5] = [Pronoun::He, Pronoun::She, Pronoun::They, Pronoun::It, Pronoun::First];

pub(super) fn write(found: &[QuoteDraft], w: &mut Writer) {
    w.uint(found.len() as u64);
    for f in found {
        w.span(f.inner);
        w.uint(f.kind as u64);
        w.uint(f.paragraph as u64);
        w.uint(u64::from(f.opens_paragraph));
        match f.source {
            Source::Unattributed => w.uint(0),
            Source::Clause(c) => {
                w.uint(1);
                write_attribution(&c, w);
            }
            Source::Previous(c) => {
                w.uint(2);
                write_attribution(&c, w);
            }
            Source::Label(p, interview) => {
                w.uint(3 + u64::from(interview));
                write_phrase(&p, w);
            }
        }
    }
}

pub(super) fn read(r: &mut Reader) -> Option<Vec<QuoteDraft>> {
    let n = r.count()?;
    let mut found = Vec::with_capacity(n);
    for _ in 0..n {
        let inner = r.span()?;
        let kind = r.pick(&KINDS)?;
        let paragraph = r.usize()?;
        let opens_paragraph = r.flag()?;
        let source = match r.uint()? {
            0 => Source::Unattributed,
            1 => Source::Clause(read_attribution(r)?),
            2 => Source::Previous(read_attribution(r)?),
            n @ (3 | 4) => Source::Label(read_phrase(r)?, n == 4),
            _ => return None,
        };
        found.push(QuoteDraft { inner, kind, paragraph, opens_paragraph, source, speaker: None });
    }
    Some(found)
}

fn write_attribution(c: &Attribution, w: &mut Writer) {
    write_phrase(&c.phrase, w);
    w.uint(c.cue_token as u64);
    w.uint(
        u64::from(c.side == Side::After)
            | u64::from(c.strength == Strength::Governing) << 1
            | u64::from(c.negated) << 2,
    );
}

fn read_attribution(r: &mut Reader) -> Option<Attribution> {
    let phrase = read_phrase(r)?;
    let cue_token = r.usize()?;
    let bits = r.uint().filter(|&b| b < 8)?;
    Some(Attribution {
        phrase,
        cue_token,
        side: if bits & 1 == 0 { Side::Before } else { Side::After },
        strength: if bits & 2 == 0 { Strength::Speech } else { Strength::Governing },
        negated: bits & 4 != 0,
    })
}

fn write_phrase(p: &Phrase, w: &mut Writer) {
    w.span(p.span);
    w.span(p.head);
    w.uint(match p.kind {
        PhraseKind::Name => 0,
        PhraseKind::Description => 1,
        PhraseKind::Pronoun(pronoun) => 2 + pronoun as u64,
    });
    w.uint(
        match p.gender {
            None => 0,
            Some(Gender::Male) => 1,
            Some(Gender::Female) => 2,
        } | u64::from(p.plural) << 2,
    );
}

fn read_phrase(r: &mut Reader) -> Option<Phrase> {
    let span = r.span()?;
    let head = r.span()?;
    let kind = match r.usize()? {
        0 => PhraseKind::Name,
        1 => PhraseKind::Description,
        n => PhraseKind::Pronoun(*PRONOUNS.get(n - 2)?),
    };
    let bits = r.uint().filter(|&b| b < 8)?;
    let gender = match bits & 3 {
        0 => None,
        1 => Some(Gender::Male),
        2 => Some(Gender::Female),
        _ => return None,
    };
    Some(Phrase { span, head, kind, gender, plural: bits & 4 != 0 })
}
