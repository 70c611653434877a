//! Quote extraction on data files: `tests/quotes/*.txt` hold an article, a line
//! `=== expected`, then one expected quote per line:
//! `kind | text | speaker span | speaker | cue` (`-` for null; a text ending in `...` matches
//! as a prefix; a speaker matches by its last word, and by its first too when both have two
//! words or more). `tests/quotes/seeds.expect` holds the same for the embedded seeds, with the
//! document id prefix as a first column. Detection F1, kind accuracy, speaker-span accuracy
//! and speaker accuracy are computed over all cases and must stay above the thresholds.

use std::fs;
use storyscope::model::Quote;
use storyscope::{extract, Input};

struct Expected {
    doc: String,
    kind: String,
    text: String,
    span: Option<String>,
    speaker: Option<String>,
    cue: Option<String>,
}

#[derive(Default)]
struct Score {
    expected: usize,
    found: usize,
    matched: usize,
    kind_right: usize,
    attributed: usize,
    span_right: usize,
    speaker_right: usize,
    errors: Vec<String>,
}

fn field(s: &str) -> Option<String> {
    let s = s.trim();
    (s != "-").then(|| s.to_string())
}

fn parse_line(line: &str, with_doc: bool) -> Option<Expected> {
    let cols: Vec<&str> = line.split(" | ").collect();
    let (doc, cols) =
        if with_doc { (cols.first()?.trim().to_string(), &cols[1..]) } else { (String::new(), &cols[..]) };
    if cols.len() != 5 {
        panic!("bad expectation line (need 5 columns): {line}");
    }
    Some(Expected {
        doc,
        kind: cols[0].trim().to_string(),
        text: cols[1].trim().to_string(),
        span: field(cols[2]),
        speaker: field(cols[3]),
        cue: field(cols[4]),
    })
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

fn text_matches(expected: &str, actual: &str) -> bool {
    match expected.strip_suffix("...") {
        Some(prefix) => actual.starts_with(prefix),
        None => actual == expected,
    }
}

fn last_word(s: &str) -> &str {
    s.split_whitespace().last().unwrap_or("")
}

/// The same person: the same last word and, when both names have two words or more, the
/// expected first word among the others (`Maria Lang` is not `Robert Lang`; `Obama` is
/// `Barack Obama`; `Ingrid Valtonen` is `Minister Ingrid Valtonen`).
fn same_speaker(want: &str, got: &str) -> bool {
    let first = want.split_whitespace().next().unwrap_or("");
    let words = |s: &str| s.split_whitespace().count();
    last_word(want) == last_word(got)
        && (words(want) < 2 || words(got) < 2 || got.split_whitespace().any(|w| w == first))
}

/// Scores the quotes of documents (`texts` by id) against expectations.
fn score(case: &str, quotes: &[Quote], texts: &dyn Fn(&str) -> String, expected: &[Expected], s: &mut Score) {
    s.expected += expected.len();
    s.found += quotes.len();
    let mut used = vec![false; quotes.len()];
    for e in expected {
        let hit = quotes
            .iter()
            .enumerate()
            .find(|(i, q)| !used[*i] && q.doc.starts_with(&e.doc) && text_matches(&e.text, &q.text));
        let Some((i, q)) = hit else {
            s.errors.push(format!("{case}: missed {} “{}”", e.kind, e.text));
            continue;
        };
        used[i] = true;
        s.matched += 1;
        let kind = serde_json::to_value(q.kind).unwrap().as_str().unwrap_or("").to_string();
        if kind == e.kind {
            s.kind_right += 1;
        } else {
            s.errors.push(format!("{case}: “{}” is {kind}, expected {}", e.text, e.kind));
        }
        let doc_text = texts(&q.doc);
        let span = q.speaker_span.map(|sp| slice(&doc_text, sp.start, sp.end));
        if let Some(expected_span) = &e.span {
            s.attributed += 1;
            if span.as_deref() == Some(expected_span.as_str()) {
                s.span_right += 1;
            } else {
                s.errors.push(format!("{case}: “{}” speaker span {:?}, expected {expected_span:?}", e.text, span));
            }
            let speaker_ok = match (&e.speaker, &q.speaker) {
                (Some(want), Some(got)) => same_speaker(want, got),
                (None, None) => true,
                _ => false,
            };
            let cue_ok = e.cue.is_none() || e.cue == q.cue;
            if speaker_ok && cue_ok {
                s.speaker_right += 1;
            } else {
                s.errors.push(format!(
                    "{case}: “{}” speaker {:?} cue {:?}, expected {:?} {:?}",
                    e.text, q.speaker, q.cue, e.speaker, e.cue
                ));
            }
        } else if q.speaker.is_some() || q.speaker_span.is_some() {
            s.errors.push(format!("{case}: “{}” should have no speaker, got {:?}", e.text, q.speaker));
        }
    }
    for (i, q) in quotes.iter().enumerate() {
        if !used[i] {
            s.errors.push(format!("{case}: unexpected {:?} “{}”", q.kind, q.text));
        }
    }
}

fn report(name: &str, s: &Score) -> (f64, f64, f64, f64) {
    let precision = s.matched as f64 / s.found.max(1) as f64;
    let recall = s.matched as f64 / s.expected.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let kind = s.kind_right as f64 / s.matched.max(1) as f64;
    let span = s.span_right as f64 / s.attributed.max(1) as f64;
    let speaker = s.speaker_right as f64 / s.attributed.max(1) as f64;
    println!(
        "{name}: {} expected, {} found, detection F1 {f1:.3} (P {precision:.3} R {recall:.3}); kind {kind:.3}; speaker span {span:.3} and speaker {speaker:.3} on {} attributed",
        s.expected, s.found, s.attributed
    );
    for e in &s.errors {
        println!("  {e}");
    }
    (f1, kind, span, speaker)
}

fn assert_thresholds(name: &str, s: &Score) {
    let (f1, kind, span, speaker) = report(name, s);
    assert!(f1 >= 0.98, "{name}: detection F1 {f1:.3} < 0.98");
    assert!(kind >= 0.9, "{name}: kind accuracy {kind:.3} < 0.9");
    assert!(span >= 0.9, "{name}: speaker span accuracy {span:.3} < 0.9");
    assert!(speaker >= 0.85, "{name}: speaker accuracy {speaker:.3} < 0.85");
}

/// Extracts the case file at `path` and scores it into `s`.
fn run_case(path: &std::path::Path, s: &mut Score) {
    let content = fs::read_to_string(path).unwrap();
    let (article, expected) = content.split_once("\n=== expected\n").expect("no `=== expected` line");
    let expected: Vec<Expected> =
        expected.lines().filter(|l| !l.trim().is_empty()).filter_map(|l| parse_line(l, false)).collect();
    let id = path.file_stem().unwrap().to_string_lossy().to_string();
    let input = Input { id: id.clone(), name: format!("{id}.txt"), content: article.to_string(), ..Input::default() };
    let outcome = extract(&[input]);
    let text = outcome.extraction.documents[0].text.clone();
    score(&id, &outcome.extraction.quotes, &|_| text.clone(), &expected, s);
}

#[test]
fn composed_newswire_cases() {
    let mut s = Score::default();
    let mut paths: Vec<_> = fs::read_dir("tests/quotes")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "the case files are missing");
    for path in paths {
        run_case(&path, &mut s);
    }
    assert_thresholds("composed cases", &s);
}

/// Cases that must come out entirely right: each is one kind of attribution that the
/// thresholds above, taken over all cases, would let slip.
const EXACT_CASES: &[&str] =
    &["36_pronoun_then_verb", "37_participle_after_comma", "38_sentence_before_names_speaker", "39_what_she_called"];

#[test]
fn exact_cases() {
    let mut wrong = Vec::new();
    for name in EXACT_CASES {
        let mut s = Score::default();
        run_case(std::path::Path::new(&format!("tests/quotes/{name}.txt")), &mut s);
        report(name, &s);
        if !s.errors.is_empty() || s.matched != s.expected {
            wrong.push(*name);
        }
    }
    assert!(wrong.is_empty(), "not entirely right: {wrong:?}");
}

#[test]
fn seed_articles() {
    let mut s = Score::default();
    let content = fs::read_to_string("tests/quotes/seeds.expect").unwrap();
    let expected: Vec<Expected> = content
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| parse_line(l, true))
        .collect();
    let outcome = extract(&storyscope::seeds::inputs());
    let docs = outcome.extraction.documents.clone();
    let texts = move |id: &str| docs.iter().find(|d| d.id == id).map(|d| d.text.clone()).unwrap_or_default();
    score("seeds", &outcome.extraction.quotes, &texts, &expected, &mut s);
    assert_thresholds("seeds", &s);
}

#[test]
fn ids_follow_document_then_start_order() {
    let outcome = extract(&storyscope::seeds::inputs());
    let quotes = &outcome.extraction.quotes;
    assert!(quotes.len() > 10);
    let docs: Vec<&str> = outcome.extraction.documents.iter().map(|d| d.id.as_str()).collect();
    for (i, pair) in quotes.windows(2).enumerate() {
        let order = |q: &Quote| (docs.iter().position(|d| *d == q.doc), q.start);
        assert!(order(&pair[0]) < order(&pair[1]), "quotes {i} and {} out of order", i + 1);
    }
    for (i, q) in quotes.iter().enumerate() {
        assert_eq!(q.id, format!("q{i}"));
    }
}

#[test]
fn odd_marks_never_panic_and_offsets_stay_consistent() {
    let bodies = [
        "\"",
        "“",
        "”“",
        "‘’",
        "Q:",
        "A: ",
        ": x",
        "He said",
        // A pronoun after a quote, at the very end of the text.
        "“Go,” she",
        "“”",
        "\"\"\"\"",
        "“😀 é,” 😀 said. “ñ",
        "Title\n\n“open\n\n“again\n\n“and again",
        "Title\n\n‘a’ ‘b’ ’c’ ‘d",
        "Title\n\nX: y\n\nZ: w\n\n“q,” said",
        "Title\n\n, said “x” according to",
        "Title\n\n“x,” said, “y,” he said, “z,” she",
    ];
    for body in bodies {
        let input = Input {
            id: "odd".into(),
            name: "odd.txt".into(),
            content: format!("Odd input\n\n{body}"),
            ..Input::default()
        };
        let outcome = extract(&[input]);
        let Some(doc) = outcome.extraction.documents.first() else { continue };
        for q in &outcome.extraction.quotes {
            assert!(q.start <= q.end, "{body:?}: {q:?}");
            assert_eq!(slice(&doc.text, q.start, q.end), q.text, "{body:?}");
            if let Some(span) = q.speaker_span {
                assert!(span.start < span.end && span.end <= doc.text.chars().count(), "{body:?}: {q:?}");
            }
        }
    }
}
