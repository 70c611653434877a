//! Data-driven tests of article structure: every `tests/articles/NAME.{txt,md,html}` with a
//! `NAME.expected.json` beside it is extracted through the public API and compared field by
//! field (only the fields the expectation names). The seeds are checked against
//! `seeds.expected.json`, with their manifest.

use serde_json::{json, Value};
use std::path::Path;
use storyscope::model::Document;

fn document_json(doc: &Document) -> Value {
    serde_json::to_value(doc).expect("documents serialize")
}

/// Paragraph texts as strings, list items as `[marker, text]`.
fn paragraphs(doc: &Document) -> Value {
    let cps: Vec<char> = doc.text.chars().collect();
    Value::Array(
        doc.paragraphs
            .iter()
            .map(|p| {
                let text: String = cps[p.start..p.end].iter().collect();
                match &p.item {
                    Some(marker) => json!([marker, text]),
                    None => json!(text),
                }
            })
            .collect(),
    )
}

fn paragraph_text(doc: &Document, i: usize) -> String {
    let p = &doc.paragraphs[i];
    doc.text.chars().skip(p.start).take(p.end - p.start).collect()
}

/// Compares the fields named in `expected` with the document; returns the mismatches.
fn compare(doc: &Document, expected: &Value) -> Vec<String> {
    let actual = document_json(doc);
    let mut errors = Vec::new();
    let check = |errors: &mut Vec<String>, field: &str, got: Value, want: &Value| {
        if &got != want {
            errors.push(format!("{field}: expected {want}, got {got}"));
        }
    };
    for (field, want) in expected.as_object().expect("expectation is an object") {
        match field.as_str() {
            "paragraphs" => check(&mut errors, field, paragraphs(doc), want),
            "paragraph_count" => check(&mut errors, field, json!(doc.paragraphs.len()), want),
            "items" => check(
                &mut errors,
                field,
                json!(doc.paragraphs.iter().filter_map(|p| p.item.clone()).collect::<Vec<_>>()),
                want,
            ),
            "first_paragraph_starts" | "last_paragraph_starts" => {
                let i = if field.starts_with("first") { 0 } else { doc.paragraphs.len() - 1 };
                let text = paragraph_text(doc, i);
                let prefix = want.as_str().unwrap();
                if !text.starts_with(prefix) {
                    errors.push(format!("{field}: expected {prefix:?}…, got {text:?}"));
                }
            }
            "comments" => {
                let got = actual["comments"].as_array().cloned().unwrap_or_default();
                let want = want.as_array().expect("comments is an array");
                if got.len() != want.len() {
                    errors.push(format!("comments: expected {}, got {}: {got:?}", want.len(), got.len()));
                    continue;
                }
                for (i, (g, w)) in got.iter().zip(want).enumerate() {
                    for (key, value) in w.as_object().unwrap() {
                        check(
                            &mut errors,
                            &format!("comments[{i}].{key}"),
                            g.get(key).cloned().unwrap_or(Value::Null),
                            value,
                        );
                    }
                }
            }
            _ => check(&mut errors, field, actual.get(field).cloned().unwrap_or(Value::Null), want),
        }
    }
    errors
}

#[test]
fn article_files_match_their_expectations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".expected.json") else { continue };
        if stem == "seeds" {
            continue;
        }
        let article = ["txt", "md", "html"].iter().map(|ext| dir.join(format!("{stem}.{ext}"))).find(|p| p.exists());
        let article = article.unwrap_or_else(|| panic!("{name} has no article beside it"));
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let bytes = std::fs::read(&article).unwrap();
        let input =
            storyscope::Input::from_bytes(stem, &article.file_name().unwrap().to_string_lossy(), bytes).unwrap();
        let outcome = storyscope::extract(&[input]);
        assert!(outcome.failures.is_empty(), "{stem}: {:?}", outcome.failures);
        for error in compare(&outcome.extraction.documents[0], &expected) {
            failures.push(format!("{stem}: {error}"));
        }
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} article cases found");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn seeds_parse_into_titles_dates_paragraphs_and_comments() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles/seeds.expected.json");
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let outcome = storyscope::extract(&storyscope::seeds::inputs());
    assert!(outcome.failures.is_empty());
    let docs = &outcome.extraction.documents;
    assert_eq!(docs.len(), 4);
    let mut failures = Vec::new();
    for doc in docs {
        let want = expected.get(&doc.id).unwrap_or_else(|| panic!("no expectation for seed {}", doc.id));
        failures.extend(compare(doc, want).into_iter().map(|e| format!("{}: {e}", doc.id)));
        // Nothing of the comment section or its boilerplate is left in the body.
        for marker in ["Comment posted", "Pingback posted", "Load More Comments", "RSS feed", "Follow "] {
            assert!(!doc.text.contains(marker), "{}: body still contains {marker:?}", doc.id);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn unreadable_inputs_are_named_and_the_rest_still_extracted() {
    let good = storyscope::Input::from_bytes("good", "good.txt", b"A Title\n\nSome text.".to_vec()).unwrap();
    let empty = storyscope::Input::from_bytes("empty", "empty.txt", b"  \n\n ".to_vec()).unwrap();
    let binary = storyscope::Input::from_bytes("bin", "image.png", vec![0x89, b'P', b'N', b'G', 0, 0, 0x1a]);
    let broken = storyscope::Input::from_bytes("broken", "broken.txt", vec![b'a', 0xc3, 0x28]);
    assert!(binary.unwrap_err().reason.contains("binary"));
    assert!(broken.unwrap_err().reason.contains("UTF-8"));
    let outcome = storyscope::extract(&[empty, good]);
    assert_eq!(outcome.extraction.documents.len(), 1);
    assert_eq!(outcome.failures.len(), 1);
    assert_eq!(outcome.failures[0].name, "empty.txt");
    assert_eq!(outcome.failures[0].reason, "the file is empty");
}
