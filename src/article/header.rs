//! The header and trailer of an article's text: e-mail headers (`From:`, `Date:`,
//! `Subject:`), the title line, datelines (`March 01, 2008`, `Posted on June 2, 2014 by Kim
//! Park`, `Tuesday, February 23, 2023`), bylines (`By Jane Doe | May 5, 2020`), a wire story's
//! credit (`WASHINGTON (AP) —`, which stays in the text), and a trailing `Follow Jane Doe on
//! Twitter` or `Posted by Jane Doe at 9:15 AM`.
//!
//! What it finds is returned as [`Metadata`] of the lowest precedence: the caller's facts,
//! front matter and HTML metadata win over it. Each block is looked at once.
//!
//! Strings are sliced only where `find` found an ASCII separator (` by `, ` on `, `|`, ` (`) or
//! after an ASCII prefix: always at a character boundary.

use super::blocks::RawBlock;
use super::comments::NAME_PARTICLES;
use super::{Metadata, Published};
use crate::calendar::{parse_clock, parse_stamp, Stamp};
use crate::model::PublishedSource;

/// Header lines read above the title (Blogger dates a post above its title).
const ABOVE_TITLE: usize = 4;
/// Body blocks after the title among which datelines and bylines are looked for.
const BELOW_TITLE: usize = 3;
/// Blocks at the end looked at for a trailing byline.
const TRAILER: usize = 3;

/// Takes the header and trailer lines out of `body`; returns the rest and what they said.
/// `given` is what is already known (its title is removed from the top when repeated there).
pub(super) fn read(body: Vec<RawBlock>, given: &Metadata) -> (Vec<RawBlock>, Metadata) {
    let n = body.len();
    let mut found = Metadata::default();
    let mut dropped = vec![false; n];
    let mut i = 0;

    let email_end = (0..n.min(12)).find(|&k| email_header(&body[k].text).is_none()).unwrap_or(n.min(12));
    let headers: Vec<(EmailField, &str)> = body[..email_end].iter().filter_map(|b| email_header(&b.text)).collect();
    if headers.len() >= 2 && headers.iter().any(|(f, _)| matches!(f, EmailField::Subject | EmailField::From)) {
        for (field, value) in headers {
            apply_email(field, value, &mut found);
        }
        dropped[..email_end].fill(true);
        i = email_end;
    }

    // A date line that is all there is, or that names another day than the known publication
    // date, is the article's text, not its dateline.
    let is_text = |stamp: &Stamp| n == 1 || given.published.as_ref().is_some_and(|p| p.stamp.date != stamp.date);

    // Only dates above the title: a title may start with "By".
    let top = i;
    while i < n && i < top + ABOVE_TITLE && body[i].item.is_none() && body[i].text.len() <= 160 {
        let Some((stamp, author)) = dateline(&body[i].text).filter(|(stamp, _)| !is_text(stamp)) else {
            break;
        };
        apply(Fact::Date(stamp, author), &mut found);
        dropped[i] = true;
        i += 1;
    }

    match given.title.as_deref().or(found.title.as_deref()) {
        Some(title) => {
            if i < n && same_text(&body[i].text, title) {
                dropped[i] = true;
                i += 1;
            }
        }
        None => {
            if i + 1 < n && body[i].item.is_none() && headline_like(&body[i].text) {
                found.title = Some(body[i].text.clone());
                dropped[i] = true;
                i += 1;
            }
        }
    }

    let mut others = 0;
    while i < n && others < BELOW_TITLE && body[i].text.len() <= 160 && body[i].item.is_none() {
        match fact(&body[i].text).filter(|f| !matches!(f, Fact::Date(stamp, _) if is_text(stamp))) {
            Some(fact) => {
                apply(fact, &mut found);
                dropped[i] = true;
            }
            None => others += 1,
        }
        i += 1;
    }

    if let Some(first) = (0..n).find(|&k| !dropped[k]) {
        if let Some(credit) = wire_credit(&body[first].text) {
            found.outlet.get_or_insert(credit);
        }
        if let Some(stamp) = wire_dateline_date(&body[first].text).filter(|stamp| !is_text(stamp)) {
            found.published.get_or_insert(Published { stamp, source: PublishedSource::Dateline });
        }
    }

    let kept_tail: Vec<usize> = (0..n).rev().filter(|&k| !dropped[k]).take(TRAILER).collect();
    for k in kept_tail {
        if let Some(name) = follow_byline(&body[k].text) {
            found.author.get_or_insert(name);
            dropped[k] = true;
        } else if let Some((name, time)) = posted_by(&body[k].text) {
            found.author.get_or_insert(name);
            if let (Some(p), Some(t), None) = (&mut found.published, time, &given.published) {
                p.stamp.time = p.stamp.time.or(Some(t));
            }
            dropped[k] = true;
        }
    }

    let rest = body.into_iter().zip(dropped).filter(|(_, d)| !d).map(|(b, _)| b).collect();
    (rest, found)
}

/// True for a line that is a dateline, a byline or an e-mail header (it stands alone).
pub(super) fn is_header_line(line: &str) -> bool {
    line.len() <= 160 && (email_header(line).is_some() || fact(line).is_some())
}

/// What a dateline or byline says.
enum Fact {
    Date(Stamp, Option<String>),
    Byline(String, Option<Stamp>),
}

fn fact(text: &str) -> Option<Fact> {
    if text.len() > 160 {
        return None;
    }
    if let Some((name, date)) = byline(text) {
        return Some(Fact::Byline(name, date));
    }
    dateline(text).map(|(stamp, author)| Fact::Date(stamp, author))
}

fn apply(fact: Fact, found: &mut Metadata) {
    let (date, author) = match fact {
        Fact::Date(stamp, author) => (Some(stamp), author),
        Fact::Byline(name, date) => (date, Some(name)),
    };
    if let Some(stamp) = date {
        found.published.get_or_insert(Published { stamp, source: PublishedSource::Dateline });
    }
    if let Some(name) = author {
        found.author.get_or_insert(name);
    }
}

/// `Posted on March 3, 2009`, `Published March 3, 2009 by X`, `Updated: …`, `Date: …` (a mail's
/// or a press release's header), or a bare date;
/// with the name after ` by `, if any.
pub(super) fn dateline(text: &str) -> Option<(Stamp, Option<String>)> {
    // A stamp has a year in digits (see `parse_stamp`): a line without digits has none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(s) = parse_stamp(text) {
        return Some((s, None));
    }
    let prefixes = [
        "posted on ",
        "posted: ",
        "posted ",
        "published on ",
        "published: ",
        "published ",
        "updated on ",
        "updated: ",
        "updated ",
        "last updated: ",
        "last updated on ",
        "last updated ",
        "date: ",
    ];
    let prefixed = prefixes.iter().find_map(|p| super::strip_prefix_ascii_case(text, p));
    let rest = prefixed.unwrap_or(text);
    let (date, author) = match rest.find(" by ") {
        Some(k) => (&rest[..k], Some(rest[k + 4..].trim())),
        // The whole line, read as a stamp above already (most lines with a digit end here).
        None if prefixed.is_none() => return None,
        None => (rest, None),
    };
    let stamp = parse_stamp(date)?;
    Some((stamp, author.filter(|a| is_name_list(a)).map(str::to_string)))
}

/// `By Jane Doe`, `By Jane Doe and John Roe`, `By Jane Doe | March 3, 2009`,
/// `Posted by Jane Doe on March 3, 2009`, `Written by JANE DOE, Associated Press` → (name, date).
pub(super) fn byline(text: &str) -> Option<(String, Option<Stamp>)> {
    let rest = ["by ", "posted by ", "written by ", "words by ", "story by "]
        .iter()
        .find_map(|p| super::strip_prefix_ascii_case(text, p))?;
    let (name, tail) = match rest.find(['|', ',', '—', '–', '•']) {
        Some(k) => (rest[..k].trim(), rest[k..].trim_start_matches(['|', ',', '—', '–', '•']).trim()),
        None => match rest.find(" on ") {
            Some(k) => (rest[..k].trim(), rest[k + 4..].trim()),
            None => (rest.trim(), ""),
        },
    };
    let name = name.strip_suffix(" and").unwrap_or(name);
    if !is_name_list(name) {
        return None;
    }
    Some((name_case(name), trailing_date(tail)))
}

/// A name written in capitals as wires do (`LENA MORALES and DAVID O'KAFOR`) in the case of
/// running text (`Lena Morales and David O'Kafor`); any other name as written.
pub(super) fn name_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase)
        && name.split_whitespace().any(|w| w != "and" && w.chars().any(char::is_lowercase))
    {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for c in name.chars() {
        if start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out.replace(" And ", " and ")
}

/// The date a byline's tail ends with: `March 01, 2008`, `Staff Writer, March 01, 2008`,
/// `Reuters | Updated 9:15 AM, March 1, 2008`.
fn trailing_date(tail: &str) -> Option<Stamp> {
    let starts = std::iter::once(0).chain(tail.match_indices([',', '|', '—', '–', '•']).map(|(k, sep)| k + sep.len()));
    // OK because each start is 0 or just after a separator found in `tail`.
    starts.map(|k| &tail[k..]).find_map(|rest| parse_stamp(rest).or_else(|| dateline(rest.trim()).map(|(s, _)| s)))
}

/// `Jane Doe`, `Maria de la Cruz and Tom O'Neill`, `JANE DOE`: capitalized words.
pub(super) fn is_name_list(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || *w == "and" || NAME_PARTICLES.contains(w))
}

/// `Follow Jane Doe on Twitter` (or on X, Bluesky…) → `Jane Doe`.
fn follow_byline(text: &str) -> Option<String> {
    let rest = text.strip_prefix("Follow ")?;
    let k = rest.find(" on ")?;
    let name = rest[..k].trim();
    let words = name.split_whitespace().count();
    let is_name = (1..=5).contains(&words)
        && name
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '@') || NAME_PARTICLES.contains(&w));
    is_name.then(|| name.trim_start_matches('@').to_string())
}

/// Blogger's `Posted by Jane Doe at 9:15 AM` (or without the time) → (name, time).
fn posted_by(text: &str) -> Option<(String, Option<jiff::civil::Time>)> {
    let rest = text.strip_prefix("Posted by ")?;
    let (name, time) = match rest.rsplit_once(" at ") {
        Some((name, at)) => (name.trim(), Some(parse_clock(at)?)),
        None => (rest.trim(), None),
    };
    is_name_list(name).then(|| (name.to_string(), time))
}

/// A wire story's credit in its first paragraph: `WASHINGTON (AP) —`, `LONDON, Feb 23
/// (Reuters) -` → `AP`, `Reuters`. The paragraph keeps it.
fn wire_credit(text: &str) -> Option<String> {
    let open = super::head(text, 80).find(" (")?;
    let place = &text[..open];
    let first = place.split([' ', ',']).next().unwrap_or("");
    if first.chars().count() < 2 || !first.chars().all(|c| c.is_uppercase() || c == '.' || c == '-') {
        return None;
    }
    let after = &text[open + 2..];
    let close = super::head(after, 40).find(')')?;
    let credit = after[..close].trim();
    let dash = after[close + 1..].trim_start();
    let words = credit.split_whitespace().count();
    let ok = (1..=4).contains(&words) && credit.starts_with(char::is_uppercase) && dash.starts_with(['—', '–', '-']);
    ok.then(|| credit.to_string())
}

/// The date of a wire story's dateline that opens its first paragraph: `PORT ELLIS, March 4,
/// 2009 —`, `ST. CLOUD, Minn., Oct. 2, 2019 (AP) -` or `LONDON, Feb. 23, 2021 (Reuters) -` →
/// that day. The place is written in capitals
/// as wires do, and a date without a year (`LONDON, Feb 23 (Reuters) -`) gives nothing. The
/// paragraph keeps the dateline.
fn wire_dateline_date(text: &str) -> Option<Stamp> {
    let head = super::head(text, 80);
    let (place, rest) = head.split_once(", ")?;
    let first = place.split(' ').next().unwrap_or("");
    let capitals = place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
    if first.chars().count() < 2 || !capitals {
        return None;
    }
    // The date ends where the credit or the dash begins; `find` returns a character boundary.
    let end = rest.find(['(', '—', '–']).into_iter().chain(rest.find(" - ")).min()?;
    let date = &rest[..end];
    // `ST. CLOUD, Minn., Oct. 2, 2019`: a state or country may stand between place and date.
    parse_stamp(date).or_else(|| parse_stamp(date.split_once(", ")?.1))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EmailField {
    From,
    Date,
    Subject,
    Other,
}

/// `From: …`, `Date: …`, `Subject: …`, `To: …` at the top of a pasted e-mail.
fn email_header(line: &str) -> Option<(EmailField, &str)> {
    // No key is longer than eight bytes (`reply-to`): a line whose first colon comes later is
    // no header, and is neither searched to its end nor lowercased (this asks every line at
    // the top of a text, and every dialogue line).
    const LONGEST_KEY: usize = 8;
    let colon = line.bytes().take(LONGEST_KEY + 1).position(|b| b == b':')?;
    // OK because `colon` is the offset of an ASCII byte: a character boundary on each side.
    let (key, value) = (line.get(..colon)?, line.get(colon + 1..)?);
    let is = |names: &[&str]| names.iter().any(|name| key.eq_ignore_ascii_case(name));
    let field = if is(&["from"]) {
        EmailField::From
    } else if is(&["date", "sent"]) {
        EmailField::Date
    } else if is(&["subject"]) {
        EmailField::Subject
    } else if is(&["to", "cc", "bcc", "reply-to"]) {
        EmailField::Other
    } else {
        return None;
    };
    Some((field, value.trim()))
}

fn apply_email(field: EmailField, value: &str, found: &mut Metadata) {
    match field {
        EmailField::Subject => {
            let mut subject = value;
            while let Some(rest) =
                ["Re:", "RE:", "Fwd:", "FWD:", "Fw:", "FW:"].iter().find_map(|p| subject.strip_prefix(p))
            {
                subject = rest.trim_start();
            }
            if !subject.is_empty() {
                found.title = Some(subject.to_string());
            }
        }
        EmailField::Date => {
            if let Some(stamp) = parse_stamp(value) {
                found.published = Some(Published { stamp, source: PublishedSource::Meta });
            }
        }
        EmailField::From => {
            // The display name: `The Morning Ledger <briefing@ledger.example>`.
            let name = value.split('<').next().unwrap_or("").trim().trim_matches('"').trim();
            if !name.is_empty() && !name.contains('@') {
                found.outlet = Some(name.to_string());
            }
        }
        EmailField::Other => {}
    }
}

/// Equal up to case and runs of white space.
/// True when a first line without a given title reads as a headline: short, and not a
/// sentence of running text (headlines rarely end with a full stop; a lead paragraph does).
fn headline_like(text: &str) -> bool {
    const LONGEST_HEADLINE_BYTES: usize = 300;
    const SENTENCE_WORDS: usize = 8;
    let sentence_end = text.trim_end_matches(['"', '\'', '”', '’']).ends_with('.');
    text.len() <= LONGEST_HEADLINE_BYTES && !(sentence_end && text.split_whitespace().count() >= SENTENCE_WORDS)
}

fn same_text(a: &str, b: &str) -> bool {
    let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    a.len().abs_diff(b.len()) < 40 && words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_texts(texts: &[&str]) -> (Vec<String>, Metadata) {
        let (body, meta) = read(texts.iter().map(|t| RawBlock::text(t)).collect(), &Metadata::default());
        (body.into_iter().map(|b| b.text).collect(), meta)
    }

    #[test]
    fn a_lead_sentence_is_body_not_title() {
        let (body, meta) =
            read_texts(&["Acme Corp.'s third-quarter profit rose 11%, even though storms cut its results.", "Second."]);
        assert_eq!(meta.title, None);
        assert_eq!(body.len(), 2);
        let (_, meta) = read_texts(&["Profit Rises at Acme", "Acme's profit rose."]);
        assert_eq!(meta.title.as_deref(), Some("Profit Rises at Acme"));
    }

    #[test]
    fn a_date_line_that_is_not_the_publication_date_stays_text() {
        let given = Metadata {
            title: Some("T".into()),
            published: parse_stamp("2012-08-09").map(|stamp| Published { stamp, source: PublishedSource::FrontMatter }),
            ..Metadata::default()
        };
        let read_given = |texts: &[&str]| read(texts.iter().map(|t| RawBlock::text(t)).collect(), &given).0.len();
        assert_eq!(read_given(&["T", "August 10, 2012"]), 1, "a lone date line is the text");
        assert_eq!(read_given(&["August 10, 2012"]), 1, "a lone date line is the text");
        assert_eq!(read_given(&["T", "August 10, 2012", "Body."]), 2, "another day than the publication's is text");
        assert_eq!(read_given(&["T", "August 9, 2012", "Body."]), 1, "the publication date repeated is a dateline");
    }

    #[test]
    fn a_date_label_dates_the_article() {
        let (body, meta) = read_texts(&["Council vote", "Date: 31 December 2024", "The council voted on Monday."]);
        assert_eq!(
            meta.published.map(|p| (p.stamp.to_string(), p.source)),
            parse_stamp("2024-12-31").map(|s| (s.to_string(), PublishedSource::Dateline))
        );
        assert_eq!(body, ["The council voted on Monday."]);
    }

    #[test]
    fn byline_top_and_bottom() {
        let (body, meta) =
            read_texts(&["Title", "By Jane Q. Doe | May 5, 2020", "Body text.", "Follow John Roe on Twitter"]);
        assert_eq!(meta.author.as_deref(), Some("Jane Q. Doe"));
        assert_eq!(meta.published.map(|p| p.stamp.to_string()).as_deref(), Some("2020-05-05"));
        assert_eq!(body, ["Body text."]);
        let (_, meta) = read_texts(&["Title", "Body text.", "Follow Maria de la Cruz on Twitter"]);
        assert_eq!(meta.author.as_deref(), Some("Maria de la Cruz"));
    }

    #[test]
    fn date_above_the_title_and_posted_by_below() {
        let (body, meta) =
            read_texts(&["Tuesday, February 23, 2023", "Port Strike Ends", "Body.", "Posted by Jo Park at 9:15 AM"]);
        assert_eq!(meta.title.as_deref(), Some("Port Strike Ends"));
        assert_eq!(meta.published.map(|p| p.stamp.to_string()).as_deref(), Some("2023-02-23T09:15"));
        assert_eq!(meta.author.as_deref(), Some("Jo Park"));
        assert_eq!(body, ["Body."]);
    }

    #[test]
    fn posted_on_by() {
        let (_, meta) = read_texts(&["Title", "Posted on June 2, 2014 by Kim Park", "Body."]);
        assert_eq!(meta.author.as_deref(), Some("Kim Park"));
        assert_eq!(meta.published.map(|p| p.stamp.to_string()).as_deref(), Some("2014-06-02"));
    }

    #[test]
    fn capitals_become_names() {
        assert_eq!(name_case("LENA MORALES and DAVID O'KAFOR"), "Lena Morales and David O'Kafor");
        assert_eq!(name_case("Jane McDonald"), "Jane McDonald");
    }

    #[test]
    fn wire_credits() {
        assert_eq!(wire_credit("WASHINGTON (AP) — The Senate voted.").as_deref(), Some("AP"));
        assert_eq!(wire_credit("LONDON, Feb 23 (Reuters) - Shares fell.").as_deref(), Some("Reuters"));
        assert_eq!(wire_credit("Officials (who spoke) - said"), None);
    }

    #[test]
    fn a_wire_datelines_date_dates_the_article_and_stays_in_the_text() {
        let lead = "KESTREL BAY, March 4, 2009 — The harbour board voted to close the pier.";
        let (body, meta) = read_texts(&["Pier to close", lead, "More."]);
        let published = meta.published.expect("the dateline's date");
        assert_eq!((published.stamp.to_string().as_str(), published.source), ("2009-03-04", PublishedSource::Dateline));
        assert_eq!(body, [lead, "More."]);

        let dated = |text: &str| wire_dateline_date(text).map(|s| s.to_string());
        assert_eq!(dated("ST. CLOUD, Minn., Oct. 2, 2019 (AP) - Snow fell.").as_deref(), Some("2019-10-02"));
        assert_eq!(dated("LONDON, Feb. 23, 2021 (Reuters) - Shares fell.").as_deref(), Some("2021-02-23"));
        assert_eq!(dated("NEW DELHI, 5 June 2018 – Rain came.").as_deref(), Some("2018-06-05"));
        // No year, a place in running case, or no dash: not a dateline's date.
        assert_eq!(dated("LONDON, Feb 23 (Reuters) - Shares fell."), None);
        assert_eq!(dated("London, March 4, 2009 — The board voted."), None);
        assert_eq!(dated("PARIS, March 4, 2009, was a Wednesday."), None);
    }

    #[test]
    fn email_headers() {
        let (body, meta) = read_texts(&[
            "From: The Morning Ledger <news@ledger.example>",
            "Date: Tue, 23 Feb 2023 06:02:11 -0500",
            "Subject: Fwd: Port strike enters second week",
            "To: reader@example.com",
            "Good morning.",
            "More.",
        ]);
        assert_eq!(meta.title.as_deref(), Some("Port strike enters second week"));
        assert_eq!(meta.outlet.as_deref(), Some("The Morning Ledger"));
        assert_eq!(meta.published.map(|p| p.stamp.to_string()).as_deref(), Some("2023-02-23T06:02"));
        assert_eq!(body, ["Good morning.", "More."]);
    }

    #[test]
    fn many_datelines_at_the_top_are_all_taken_off() {
        let mut texts = vec!["Title"];
        texts.extend(std::iter::repeat("March 01, 2008").take(50));
        texts.push("Body.");
        let (body, meta) = read_texts(&texts);
        assert_eq!(body, ["Body."]);
        assert_eq!(meta.published.map(|p| p.stamp.to_string()).as_deref(), Some("2008-03-01"));
    }
}
