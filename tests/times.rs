//! Time expressions through the public API, from the data-driven cases in `tests/times/`:
//! every case must match its extent, type and TIMEX3 value exactly. Also checks the seeds.

use std::collections::BTreeSet;
use storyscope::model::{PublishedSource, TimexType};
use storyscope::{extract, Input, Metadata, Published};

/// One expected expression: code-point extent, type and value.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Expected {
    start: usize,
    end: usize,
    text: String,
    kind: String,
    value: String,
}

/// One case: a document text, its DCT and what it must yield.
struct Case {
    line: usize,
    dct: Option<String>,
    text: String,
    expected: Vec<Expected>,
}

fn kind_name(kind: TimexType) -> &'static str {
    match kind {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Parses `tests/times/*.txt` (format described at the top of `cases.txt`).
fn parse_cases(source: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut dct = None;
    for (n, line) in source.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix('@') {
            let d = d.trim();
            dct = (d != "none").then(|| d.to_string());
            continue;
        }
        let mut text = String::new();
        let mut expected = Vec::new();
        let mut rest = line;
        while let Some(open) = rest.find("[[") {
            text.push_str(&rest[..open]);
            let close =
                rest[open..].find("]]").map(|c| open + c).unwrap_or_else(|| panic!("line {}: unclosed [[", n + 1));
            let parts: Vec<&str> = rest[open + 2..close].split('|').collect();
            assert_eq!(parts.len(), 3, "line {}: want [[extent|TYPE|value]]", n + 1);
            let start = text.chars().count();
            text.push_str(parts[0]);
            expected.push(Expected {
                start,
                end: text.chars().count(),
                text: parts[0].to_string(),
                kind: parts[1].to_string(),
                value: parts[2].to_string(),
            });
            rest = &rest[close + 2..];
        }
        text.push_str(rest);
        cases.push(Case { line: n + 1, dct: dct.clone(), text, expected });
    }
    cases
}

/// Extracts every case: the dated ones as one corpus, each undated one alone (an undated
/// document takes the date of the corpus it is in, which the cases do not share).
fn run(cases: &[Case]) -> Vec<Vec<Expected>> {
    let dated: Vec<usize> = (0..cases.len()).filter(|&i| cases[i].dct.is_some()).collect();
    let mut results = vec![Vec::new(); cases.len()];
    let mut batches = vec![dated];
    batches.extend((0..cases.len()).filter(|&i| cases[i].dct.is_none()).map(|i| vec![i]));
    for batch in batches {
        let picked: Vec<&Case> = batch.iter().map(|&i| &cases[i]).collect();
        for (i, got) in batch.into_iter().zip(run_corpus(&picked)) {
            results[i] = got;
        }
    }
    results
}

fn run_corpus(cases: &[&Case]) -> Vec<Vec<Expected>> {
    let inputs: Vec<Input> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| Input {
            id: format!("case{i}"),
            name: format!("case{i}.txt"),
            // A title line keeps the sentence in the body.
            content: format!("Case {i}\n\n{}\n", c.text),
            format: None,
            known: Metadata {
                published: c
                    .dct
                    .as_deref()
                    .map(|d| Published { stamp: d.parse().expect("a dct"), source: PublishedSource::Flag }),
                ..Metadata::default()
            },
        })
        .collect();
    let extraction = extract(&inputs).extraction;
    cases
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let id = format!("case{i}");
            let doc = extraction.documents.iter().find(|d| d.id == id).expect("every case is a document");
            // Offsets are relative to the body; the case text is the body's only paragraph.
            let body_offset = doc.text.chars().count() - doc.text.trim_start().chars().count();
            extraction
                .times
                .iter()
                .filter(|t| *t.doc == *id)
                .map(|t| Expected {
                    start: t.start - body_offset,
                    end: t.end - body_offset,
                    text: t.text.clone(),
                    kind: kind_name(t.kind).to_string(),
                    value: t.value.clone(),
                })
                .collect()
        })
        .collect()
}

/// Strict-extent precision/recall counts and value accuracy over matched extents.
#[derive(Default, Debug)]
struct Score {
    gold: usize,
    system: usize,
    matched: usize,
    correct_value: usize,
}

impl Score {
    fn add(&mut self, expected: &[Expected], got: &[Expected]) {
        self.gold += expected.len();
        self.system += got.len();
        for e in expected {
            if let Some(g) = got.iter().find(|g| g.start == e.start && g.end == e.end) {
                self.matched += 1;
                if g.value == e.value && g.kind == e.kind {
                    self.correct_value += 1;
                }
            }
        }
    }
    fn f1(&self) -> f64 {
        let p = self.matched as f64 / self.system.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn accuracy(&self) -> f64 {
        self.correct_value as f64 / self.matched.max(1) as f64
    }
}

#[test]
fn every_case_yields_exactly_its_expressions() {
    let cases = parse_cases(include_str!("times/cases.txt"));
    assert!(cases.len() > 100, "the case file should be wide");
    let results = run(&cases);
    let mut score = Score::default();
    let mut failures = Vec::new();
    for (case, got) in cases.iter().zip(&results) {
        score.add(&case.expected, got);
        let want: BTreeSet<_> = case.expected.iter().collect();
        let have: BTreeSet<_> = got.iter().collect();
        if want != have {
            failures.push(format!("line {}: {}\n   want {:?}\n   got  {:?}", case.line, case.text, case.expected, got));
        }
    }
    println!(
        "times cases: extraction F1 {:.3}, value accuracy {:.3}, value F1 {:.3}",
        score.f1(),
        score.accuracy(),
        score.f1() * score.accuracy()
    );
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn seeds_resolve_against_their_manifest_dates_and_quotes() {
    let extraction = extract(&storyscope::seeds::inputs()).extraction;
    let found = |doc_prefix: &str, text: &str| -> Vec<(String, String)> {
        extraction
            .times
            .iter()
            .filter(|t| t.doc.starts_with(doc_prefix) && t.text == text)
            .map(|t| (kind_name(t.kind).to_string(), t.value.clone()))
            .collect()
    };
    let date = |v: &str| ("DATE".to_string(), v.to_string());
    assert_eq!(found("000", "earlier today"), [date("2012-03-26")]);
    assert_eq!(found("000", "1984"), [date("1984")]);
    assert_eq!(found("002", "last month"), [date("2009-02")]);
    assert_eq!(found("002", "three weeks ago"), [date("2009-W07")]);
    assert_eq!(found("002", "Monday"), [date("2009-03-02"), date("2009-03-02")]);
    assert_eq!(found("002", "Tuesday"), [date("2009-03-03")]);
    assert_eq!(found("002", "Friday"), [date("2009-03-06")]);
    assert_eq!(found("002", "April 2"), [date("2009-04-02")]);
    assert_eq!(found("003", "Feb. 20"), [date("2009-02-20")]);
    assert_eq!(found("003", "Friday"), [date("2009-03-06")]);
    let year_ago: Vec<_> =
        extraction.times.iter().filter(|t| t.doc.starts_with("003") && t.text == "a year ago").collect();
    assert_eq!(year_ago.len(), 1);
    assert_eq!(year_ago[0].value, "2008");
    assert_eq!(year_ago[0].anchor.as_deref(), Some("2009-02-20"), "anchored to the date Gates spoke");
}

#[test]
fn held_out_newswire_scores_at_least_point_eight() {
    let cases = parse_cases(include_str!("times/newswire.txt"));
    let results = run(&cases);
    let mut score = Score::default();
    for (case, got) in cases.iter().zip(&results) {
        score.add(&case.expected, got);
        if case.expected.iter().collect::<BTreeSet<_>>() != got.iter().collect::<BTreeSet<_>>() {
            println!("line {}: want {:?}\n   got {:?}", case.line, case.expected, got);
        }
    }
    let value_f1 = score.f1() * score.accuracy();
    println!(
        "newswire: {score:?}, extraction F1 {:.3}, value accuracy {:.3}, value F1 {value_f1:.3}",
        score.f1(),
        score.accuracy()
    );
    assert!(value_f1 >= 0.8, "value F1 {value_f1:.3} below 0.8");
}
