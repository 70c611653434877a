//! The whole extraction of one or two articles: must never panic, and every reported text
//! must be the document's text at its offsets.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storyscope::{extract, Input};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let ext = ["txt", "md", "html"][usize::from(first % 3)];
    // A second document when the input holds a form feed: cross-document merging too.
    let inputs: Vec<Input> = text
        .split('\u{c}')
        .take(2)
        .enumerate()
        .map(|(i, part)| Input { id: format!("d{i}"), name: format!("d{i}.{ext}"), content: part.to_string(), ..Input::default() })
        .collect();
    let outcome = std::panic::catch_unwind(|| extract(&inputs)).expect("extract panicked");
    for failure in &outcome.failures {
        assert!(!failure.reason.contains("internal error"), "{}: {}", failure.name, failure.reason);
    }
    let x = &outcome.extraction;
    let text_of = |doc: &str, start: usize, end: usize| -> String {
        let d = x.documents.iter().find(|d| d.id == doc).expect("a known document");
        assert!(start <= end, "{start}..{end}");
        let chars: Vec<char> = d.text.chars().collect();
        assert!(end <= chars.len(), "{start}..{end} past {}", chars.len());
        chars[start..end].iter().collect()
    };
    for q in &x.quotes {
        assert_eq!(text_of(&q.doc, q.start, q.end), q.text);
    }
    for e in &x.entities {
        for m in &e.mentions {
            assert_eq!(text_of(&m.doc, m.start, m.end), m.text);
        }
    }
    for t in &x.times {
        assert_eq!(text_of(&t.doc, t.start, t.end), t.text);
    }
    for ev in &x.events {
        for m in &ev.mentions {
            assert_eq!(text_of(&m.doc, m.start, m.end), m.text);
        }
    }
});
