//! The filtering and search index through its public API (`storyscope::Index`).
//!
//! A small corpus is composed here as an `Extraction` (offsets computed from the texts, in code
//! points), so every filter can be checked against a known answer: the cases of
//! `tests/index/queries.txt` give a filter and the ids that must pass. The tests below cover
//! facets, search hits and snippets, filter parsing and the embedded seeds.

use std::collections::BTreeMap;
use std::fs;
use storyscope::index::{Counts, Filter, Index, Selection};
use storyscope::model::{Document, Entity, EntityKind, Event, Extraction, Mention, Paragraph, Quote, QuoteKind};

const D1: &str =
    "The mayor of Kraków, Anna Nowak, opened a CAFÉ on Monday. “We are 😀 proud,” Nowak said.\n\nJan Kowal attended.";
const D2: &str = "Jan Kowal said the krakow plan was late. “It is a disaster,” an official said.";
const D3: &str = "Talks in February involved Anna Nowak and Jan Kowal.";

/// The code-point span of the `nth` occurrence of `needle` in `text`.
fn span(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn document(id: &str, title: &str, published: Option<&str>, text: &str) -> Document {
    let mut paragraphs = Vec::new();
    let mut at = 0;
    for part in text.split("\n\n") {
        let len = part.chars().count();
        paragraphs.push(Paragraph { start: at, end: at + len, item: None });
        at += len + 2;
    }
    Document {
        id: id.into(),
        title: title.into(),
        published: published.map(|p| p.parse().expect("a date")),
        text: text.into(),
        paragraphs,
        ..Document::default()
    }
}

fn mention(doc: &str, text: &str, needle: &str, nth: usize) -> Mention {
    let (start, end) = span(text, needle, nth);
    Mention { doc: doc.into(), start, end, text: needle.into() }
}

fn entity(id: &str, name: &str, kind: EntityKind, mentions: Vec<Mention>) -> Entity {
    Entity { id: id.into(), name: name.into(), kind, aliases: vec![], roles: vec![], mentions }
}

fn quote(id: &str, doc: &str, text: &str, inner: &str, speaker: &str, speaker_id: Option<&str>) -> Quote {
    let (start, end) = span(text, inner, 0);
    Quote {
        id: id.into(),
        doc: doc.into(),
        start: start - 1,
        end: end + 1,
        text: inner.into(),
        kind: QuoteKind::Direct,
        speaker: Some(speaker.into()),
        speaker_span: None,
        speaker_id: speaker_id.map(String::from),
        cue: Some("said".into()),
    }
}

fn event(
    id: &str,
    date: &str,
    days: (&str, &str),
    summary: &str,
    docs: &[&str],
    entities: &[(&str, &str)],
    quotes: &[&str],
) -> Event {
    Event {
        id: id.into(),
        date: date.into(),
        start: days.0.into(),
        end: days.1.into(),
        summary: summary.into(),
        docs: docs.iter().map(|d| d.to_string()).collect(),
        entities: entities.iter().map(|e| e.0.to_string()).collect(),
        entity_names: entities.iter().map(|e| e.1.to_string()).collect(),
        mentions: vec![],
        quotes: quotes.iter().map(|q| q.to_string()).collect(),
        dates: vec![date.into()],
        ..Event::default()
    }
}

fn corpus() -> Extraction {
    let nowak = ("nowak", "Anna Nowak");
    let kowal = ("kowal", "Jan Kowal");
    Extraction {
        documents: vec![
            document("d1", "Mayor opens café", Some("2009-03-01T10:00"), D1),
            document("d2", "Plan delayed", Some("2009-03-10"), D2),
            document("d3", "Talks", None, D3),
        ],
        entities: vec![
            entity(
                "nowak",
                "Anna Nowak",
                EntityKind::Person,
                vec![
                    mention("d1", D1, "Anna Nowak", 0),
                    mention("d1", D1, "Nowak", 1),
                    mention("d3", D3, "Anna Nowak", 0),
                ],
            ),
            entity(
                "kowal",
                "Jan Kowal",
                EntityKind::Person,
                vec![
                    mention("d1", D1, "Jan Kowal", 0),
                    mention("d2", D2, "Jan Kowal", 0),
                    mention("d3", D3, "Jan Kowal", 0),
                ],
            ),
            entity(
                "krakow",
                "Kraków",
                EntityKind::Place,
                vec![mention("d1", D1, "Kraków", 0), mention("d2", D2, "krakow", 0)],
            ),
        ],
        quotes: vec![
            quote("q0", "d1", D1, "We are 😀 proud,", "Nowak", Some("nowak")),
            quote("q1", "d2", D2, "It is a disaster,", "an official", None),
        ],
        times: vec![],
        events: vec![
            event("ev0", "2009-02", ("2009-02-01", "2009-02-28"), "Talks on the plan", &["d3"], &[nowak, kowal], &[]),
            event("ev1", "2009-03-02", ("2009-03-02", "2009-03-02"), "The café opened", &["d1"], &[nowak], &["q0"]),
        ],
    }
}

fn filter(json: &str) -> Filter {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("bad filter {json}: {e}"))
}

fn ids(list: &[String]) -> String {
    if list.is_empty() {
        "-".into()
    } else {
        list.join(" ")
    }
}

#[test]
fn query_cases() {
    let index = Index::build(&corpus());
    let cases = fs::read_to_string("tests/index/queries.txt").expect("tests/index/queries.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in cases.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (json, expected) = line.split_once(" => ").unwrap_or_else(|| panic!("bad case line: {line}"));
        let s = index.query(&filter(json));
        let actual = [ids(&s.documents), ids(&s.quotes), ids(&s.events), ids(&s.entities)].join(" | ");
        let expected: Vec<&str> = expected.split('|').map(str::trim).collect();
        if actual != expected.join(" | ") {
            failures.push(format!("{json}\n  expected {}\n  actual   {actual}", expected.join(" | ")));
        }
        count += 1;
    }
    assert!(count >= 30, "only {count} cases");
    assert!(failures.is_empty(), "{} of {count} cases fail:\n{}", failures.len(), failures.join("\n"));
}

fn map(counts: &Counts) -> BTreeMap<String, u32> {
    counts.0.iter().cloned().collect()
}

fn counts(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|&(k, n)| (k.to_string(), n)).collect()
}

#[test]
fn facets_count_everything_when_nothing_is_chosen() {
    let s = Index::build(&corpus()).query(&Filter::default());
    let f = &s.facets;
    assert_eq!((f.kinds.quote, f.kinds.event, f.kinds.mention), (2, 2, 8));
    assert_eq!((f.sources.named, f.sources.unnamed, f.sources.scare, f.sources.all), (1, 1, 0, 2));
    assert_eq!(map(&f.speakers), counts(&[("Anna Nowak", 1), ("an official", 1)]));
    // d1: q0, ev1 and four mentions; d2: q1 and two mentions; d3: ev0 and two mentions.
    assert_eq!(map(&f.documents), counts(&[("d1", 6), ("d2", 3), ("d3", 3)]));
    // nowak: q0 (speaker), ev0, ev1, three mentions; kowal: q1 (same paragraph), ev0, three
    // mentions; krakow: q0 and q1 (same paragraph), two mentions.
    assert_eq!(map(&f.entities), counts(&[("nowak", 6), ("kowal", 5), ("krakow", 4)]));
}

#[test]
fn a_scare_quote_is_no_unnamed_source() {
    let mut extraction = corpus();
    extraction.quotes[1].kind = QuoteKind::Scare;
    extraction.quotes[1].speaker = None;
    let index = Index::build(&extraction);
    let s = index.query(&Filter::default());
    assert_eq!((s.facets.sources.named, s.facets.sources.unnamed, s.facets.sources.scare), (1, 0, 1));
    assert_eq!(s.facets.sources.all, 2, "\"All\" counts it: the three sources add up");
    assert_eq!(s.facets.kinds.quote, 2, "it is still a quote");
    // Under a sources filter, "All" still counts what choosing it would show.
    let named = index.query(&filter(r#"{"sources": "named"}"#));
    assert_eq!((named.quotes.len(), named.facets.sources.all), (1, 2));
    assert_eq!(index.query(&filter(r#"{"sources": "unnamed"}"#)).quotes, Vec::<String>::new());
    let scare = index.query(&filter(r#"{"sources": "scare"}"#));
    assert_eq!(scare.quotes, vec![extraction.quotes[1].id.clone()]);
    assert_eq!(scare.facets.sources.scare, 1);
}

#[test]
fn a_facet_leaves_out_its_own_filter_but_not_the_others() {
    let index = Index::build(&corpus());
    let s = index.query(&filter(r#"{"entities": ["nowak"], "speakers": ["an official"]}"#));
    // Speakers: counted without the speakers filter, with the entity filter (q1 lacks Nowak).
    assert_eq!(map(&s.facets.speakers), counts(&[("Anna Nowak", 1)]));
    // Entities: counted without the entity filter, with the speaker filter, which keeps q1
    // (involving Kowal and Kraków), no event (none times q1) and the mentions of its d2.
    assert_eq!(map(&s.facets.entities), counts(&[("kowal", 2), ("krakow", 2)]));
    // Documents: with both filters; d2, the only one quoting the official, mentions no Nowak.
    assert_eq!(map(&s.facets.documents), counts(&[]));
    assert_eq!(s.quotes, Vec::<String>::new());

    // Choosing one kind still counts the others, where the named quote (q0, in d1) is: ev1
    // times it, and d1 has four mentions.
    let s = index.query(&filter(r#"{"kinds": ["quote"], "sources": "named"}"#));
    assert_eq!((s.facets.kinds.quote, s.facets.kinds.event, s.facets.kinds.mention), (1, 1, 4));
    assert_eq!((s.facets.sources.named, s.facets.sources.unnamed), (1, 1));
    assert_eq!(map(&s.facets.documents), counts(&[("d1", 1)]));
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn hits_are_code_point_spans_and_snippets_the_sentence_around_them() {
    let extraction = corpus();
    let text_of =
        |doc: &str| extraction.documents.iter().find(|d| d.id == doc).map(|d| d.text.clone()).unwrap_or_default();
    let s = Index::build(&extraction).query(&filter(r#"{"q": "PROUD nowak"}"#));
    let hit_texts: Vec<(String, String)> =
        s.hits.iter().map(|h| (h.doc.clone(), slice(&text_of(&h.doc), h.start, h.end))).collect();
    let expected = [("d1", "Nowak"), ("d1", "proud"), ("d1", "Nowak")];
    assert_eq!(hit_texts, expected.map(|(d, t)| (d.to_string(), t.to_string())));
    // After the emoji and the curly quote, code points and UTF-16 units differ.
    let proud = &s.hits[1];
    assert_eq!((proud.start, proud.end), span(D1, "proud", 0));
    assert_ne!(proud.start, D1[..D1.find("proud").unwrap_or(0)].encode_utf16().count());

    assert_eq!(s.snippets.len(), 2);
    let first = &s.snippets[0];
    assert_eq!(first.text, "The mayor of Kraków, Anna Nowak, opened a CAFÉ on Monday.");
    let second = &s.snippets[1];
    assert_eq!(second.text, "“We are 😀 proud,” Nowak said.");
    assert_eq!(slice(D1, second.start, second.end), second.text);
    let inner: Vec<String> = second.hits.iter().map(|h| slice(&second.text, h.start, h.end)).collect();
    assert_eq!(inner, ["proud", "Nowak"]);

    // Hits come only from documents that pass every filter.
    let s = Index::build(&extraction).query(&filter(r#"{"q": "kowal", "docs": ["d2", "d3"]}"#));
    let docs: Vec<&str> = s.hits.iter().map(|h| h.doc.as_str()).collect();
    assert_eq!(docs, ["d2", "d3"]);
    assert_eq!(
        s.snippets.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
        ["Jan Kowal said the krakow plan was late.", "Talks in February involved Anna Nowak and Jan Kowal."]
    );
    // No query, no hits.
    assert_eq!(Index::build(&extraction).query(&Filter::default()).hits.len(), 0);
}

#[test]
fn hits_and_snippets_are_capped() {
    let text = "Word. ".repeat(2000);
    let mut extraction = Extraction::default();
    for i in 0..150 {
        extraction.documents.push(document(&format!("doc{i}"), "", None, &text));
    }
    let s = Index::build(&extraction).query(&filter(r#"{"q": "word"}"#));
    assert_eq!(s.documents.len(), 150);
    assert_eq!(s.hits.len(), storyscope::index::MAX_HITS);
    assert_eq!(s.snippets.len(), storyscope::index::MAX_SNIPPET_DOCS * storyscope::index::MAX_SNIPPETS_PER_DOC);
}

#[test]
fn malformed_filters_are_readable_errors() {
    let err = |json: &str| serde_json::from_str::<Filter>(json).map(|_| ()).expect_err(json).to_string();
    assert!(err(r#"{"from": "March 3"}"#).contains("invalid date `March 3`, expected YYYY-MM-DD"));
    assert!(err(r#"{"to": "2009-13-01"}"#).contains("invalid date"));
    assert!(err(r#"{"kinds": ["tweet"]}"#).contains("unknown variant `tweet`"));
    assert!(err(r#"{"sources": "anonymous"}"#).contains("unknown variant"));
    assert!(err(r#"{"docs": "d1"}"#).contains("sequence"));
    // Unknown fields are tolerated (the page may carry more state than the core reads).
    assert_eq!(filter(r#"{"view": "timeline"}"#), Filter::default());
}

#[test]
fn an_empty_corpus_answers_empty() {
    let s =
        Index::build(&Extraction::default()).query(&filter(r#"{"q": "a", "from": "2000-01-01", "entities": ["x"]}"#));
    assert_eq!(s, Selection::default());
}

fn seeds() -> Extraction {
    storyscope::extract(&storyscope::seeds::inputs()).extraction
}

#[test]
fn seeds_search_finds_the_one_article_with_a_word() {
    let extraction = seeds();
    let index = Index::build(&extraction);
    let id = |k: usize| extraction.documents[k].id.clone();
    for (q, doc) in [("seoul", 0), ("PROM ", 1), ("linkage", 2), ("Linkag", 2)] {
        let s = index.query(&filter(&format!(r#"{{"q": "{q}"}}"#)));
        assert_eq!(s.documents, [id(doc)], "{q}");
        assert!(!s.hits.is_empty() && s.hits.iter().all(|h| h.doc == id(doc)), "{q}");
    }
    let s = index.query(&filter(r#"{"q": "medvedev"}"#));
    assert_eq!(s.documents.len(), 4);
    // The first seed's day alone.
    let s = index.query(&filter(r#"{"from": "2012-03-26", "to": "2012-03-26"}"#));
    assert_eq!(s.documents, [id(0)]);
    // Every quote of the first seed, and only those, when it alone is chosen.
    let s = index.query(&filter(&format!(r#"{{"docs": ["{}"]}}"#, id(0))));
    let expected: Vec<String> = extraction.quotes.iter().filter(|q| q.doc == id(0)).map(|q| q.id.clone()).collect();
    assert_eq!(s.quotes, expected);
    // Choosing a person keeps only articles that mention them, and counts the others.
    if let Some(person) = extraction.entities.iter().find(|e| e.mentions.iter().any(|m| *m.doc == id(0))) {
        let s = index.query(&filter(&format!(r#"{{"entities": ["{}"]}}"#, person.id)));
        assert!(s.documents.contains(&id(0)));
        assert!(s.facets.entities.0.len() > 1, "other entities still counted");
        assert!(s.facets.entities.get(&person.id).is_some_and(|n| n >= person.mentions.len() as u32));
    }
}

#[test]
fn a_filter_from_a_link_is_checked_against_the_corpus() {
    let index = Index::build(&corpus());
    let raw: storyscope::index::RawFilter = serde_json::from_str(
        r#"{"docs": ["d1", "nope"], "entities": ["kowal", "ghost"], "speakers": ["Anna Nowak", "Nobody"],
            "kinds": ["quote", "poem"], "sources": "anonymous", "from": "2009-03-05", "to": "2009-03-01", "q": "café"}"#,
    )
    .unwrap();
    let checked = index.check(&raw);
    let f = &checked.filter;
    assert_eq!(
        (f.docs.clone(), f.entities.clone(), f.speakers.clone(), f.kinds.clone()),
        (vec!["d1".to_string()], vec!["kowal".to_string()], vec!["Anna Nowak".to_string()], vec!["quote".to_string()])
    );
    // A range given end first is turned round, not dropped.
    assert_eq!(
        (f.sources.clone(), f.from.as_deref(), f.to.as_deref(), f.q.as_str()),
        (None, Some("2009-03-01"), Some("2009-03-05"), "café")
    );
    let dropped: Vec<(&str, &str, &str)> =
        checked.dropped.iter().map(|d| (d.field, d.value.as_str(), d.message)).collect();
    assert_eq!(
        dropped,
        [
            ("docs", "nope", "no such article"),
            ("entities", "ghost", "no such person, place or organization"),
            ("speakers", "Nobody", "no such speaker"),
            ("kinds", "poem", "not a kind of result"),
            ("sources", "anonymous", "not a kind of source"),
        ]
    );
    let impossible: storyscope::index::RawFilter =
        serde_json::from_str(r#"{"from": "2009-02-30", "to": "2009-03-01"}"#).unwrap();
    let checked = index.check(&impossible);
    assert_eq!((checked.filter.from.as_deref(), checked.filter.to.as_deref()), (None, Some("2009-03-01")));
    assert_eq!(checked.dropped[0].message, "not a calendar day");
    let half_typed: storyscope::index::RawFilter =
        serde_json::from_str(r#"{"from": "0002-03-01", "to": "2009-03-01"}"#).unwrap();
    let checked = index.check(&half_typed);
    assert_eq!((checked.filter.from.as_deref(), checked.filter.to.as_deref()), (None, Some("2009-03-01")));
    assert_eq!(checked.dropped[0].message, "not in the years 1000 to 2199");
}

/// The buckets of an entity's mentions over time as `date:count`, the empty ones left out.
fn dated(profile: &storyscope::index::EntityProfile) -> (String, Vec<String>, u32) {
    let over = profile.over_time.as_ref().expect("dated articles");
    let buckets = over.buckets.iter().filter(|b| b.mentions > 0).map(|b| format!("{}:{}", b.date, b.mentions));
    (serde_json::to_string(&over.unit).unwrap(), buckets.collect(), over.undated)
}

#[test]
fn an_entity_page_has_its_quotes_and_its_mentions_by_day() {
    let index = Index::build(&corpus());
    let nowak = index.entity_profile("nowak").expect("nowak");
    assert_eq!((nowak.said.as_slice(), nowak.about.as_slice()), (&[0][..], &[][..]));
    // Nine days apart: counted by day, from the first dated article's day to the last's.
    assert_eq!(dated(&nowak), (r#""day""#.into(), vec!["2009-03-01:2".into()], 1));
    let kowal = index.entity_profile("kowal").expect("kowal");
    assert_eq!(dated(&kowal), (r#""day""#.into(), vec!["2009-03-01:1".into(), "2009-03-10:1".into()], 1));
    assert_eq!(kowal.over_time.as_ref().map(|o| o.buckets.len()), Some(10));
    assert!(index.entity_profile("ghost").is_none());
}

#[test]
fn an_entity_page_finds_quotes_naming_it_and_dates_of_any_year() {
    const E1: &str = "Anna Nowak spoke. “Ask ANNA NOWÁK (again),” Jan Kowal said. “The mayor decides,” he said. \
                      “Annabel Nowaks,” he said. “I am “done”,” Nowak said.";
    const E2: &str = "“We wait for A. N. Other+ and Anna,” a clerk said. Anna Nowak left.";
    const E3: &str = "Jan Kowal was there.";
    let mut scare = quote("q4", "e1", E1, "done", "Nowak", Some("nowak"));
    scare.kind = QuoteKind::Scare;
    let mut nowak = entity(
        "nowak",
        "Anna Nowak",
        EntityKind::Person,
        vec![mention("e1", E1, "Anna Nowak", 0), mention("e1", E1, "mayor", 0), mention("e2", E2, "Anna Nowak", 0)],
    );
    nowak.aliases = vec!["A. N. Other+".into(), "A".into()];
    let extraction = Extraction {
        // Years 50 and 2009 are more than eight years apart: counted by year, from 0050.
        documents: vec![
            document("e1", "One", Some("0050-03-01"), E1),
            document("e2", "Two", Some("2009-03-03"), E2),
            document("e3", "Three", None, E3),
        ],
        entities: vec![
            nowak,
            entity("kowal", "Jan Kowal", EntityKind::Person, vec![mention("e3", E3, "Jan Kowal", 0)]),
        ],
        quotes: vec![
            quote("q0", "e1", E1, "Ask ANNA NOWÁK (again),", "Jan Kowal", Some("kowal")),
            quote("q1", "e1", E1, "The mayor decides,", "Jan Kowal", Some("kowal")),
            quote("q2", "e1", E1, "Annabel Nowaks,", "Jan Kowal", Some("kowal")),
            quote("q3", "e1", E1, "I am “done”,", "Nowak", Some("nowak")),
            scare,
            quote("q5", "e2", E2, "We wait for A. N. Other+ and Anna,", "a clerk", None),
        ],
        times: vec![],
        events: vec![],
    };
    let index = Index::build(&extraction);
    let page = index.entity_profile("nowak").expect("nowak");
    // q0 names her (case and accents folded), q1 holds her mention, q5 her alias; q2 only
    // looks like her name, q4 is a scare quote inside her own q3.
    assert_eq!((page.said.as_slice(), page.about.as_slice()), (&[3][..], &[0, 1, 5][..]));
    let (unit, buckets, undated) = dated(&page);
    assert_eq!((unit.as_str(), undated), (r#""year""#, 0));
    assert_eq!(buckets, ["0050:2", "2009:1"]);
    let over = page.over_time.as_ref().unwrap();
    assert_eq!((over.buckets.len(), over.buckets[0].date.as_str()), (2009 - 50 + 1, "0050"));
    // Months when the span is shorter, still from year 50.
    let mut short = extraction.clone();
    short.documents[1].published = Some("0052-01-31".parse().unwrap());
    let page = Index::build(&short).entity_profile("nowak").unwrap();
    assert_eq!(dated(&page), (r#""month""#.into(), vec!["0050-03:2".into(), "0052-01:1".into()], 0));
    // No dated article: nothing over time.
    let mut undated = extraction;
    undated.documents.iter_mut().for_each(|d| d.published = None);
    assert_eq!(Index::build(&undated).entity_profile("kowal").unwrap().over_time, None);
}

#[test]
fn a_year_counts_only_the_mentions_in_the_documents_it_matches() {
    let mut x = corpus();
    // d2 moves to 2010 (and holds no "2009"); d3 is undated but tells of February 2009.
    x.documents[1].published = Some("2010-01-05".parse().unwrap());
    let index = Index::build(&x);
    // By position: nowak (d1 twice, d3), kowal (d1, d2, d3), krakow (d1, d2).
    assert_eq!(index.select(&filter("{}")).facets.mentions, [3, 3, 2]);
    assert_eq!(index.select(&filter(r#"{"q": "2009"}"#)).facets.mentions, [3, 2, 1]);
    let s = index.query(&filter(r#"{"q": "kowal 2009"}"#));
    assert_eq!((s.documents.join(" "), s.entities.join(" ")), ("d1 d3".to_string(), "kowal".to_string()));
}
