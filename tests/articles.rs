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
    assert!(checked >= 14, "only {checked} article cases found");
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
    let broken = storyscope::Input::from_bytes("broken", "broken.html", b"<meta charset=koi8-r>\xf0".to_vec());
    let latin = storyscope::Input::from_bytes("latin", "latin.txt", vec![b'a', 0xc3, 0x28]).unwrap();
    assert_eq!(latin.content, "a\u{c3}(");
    assert!(binary.unwrap_err().reason.contains("binary"));
    assert_eq!(
        broken.unwrap_err().reason,
        "the file is in the koi8-r encoding, which cannot be read; save it as UTF-8"
    );
    let outcome = storyscope::extract(&[empty, good]);
    assert_eq!(outcome.extraction.documents.len(), 1);
    assert_eq!(outcome.failures.len(), 1);
    assert_eq!(outcome.failures[0].name, "empty.txt");
    assert_eq!(outcome.failures[0].reason, "the file is empty");
}

#[test]
fn an_inferred_date_says_what_it_was_worked_out_from() {
    let input = |id: &str, text: &str| storyscope::Input::from_bytes(id, &format!("{id}.txt"), text.into()).unwrap();
    let outcome = storyscope::extract(&[
        input("dated", "Dated\n\nMarch 3, 2009\n\nThe council met."),
        input("narrated", "Narrated\n\nThe council met on June 2, 2015, and voted."),
        input("silent", "Silent\n\nThe council met and voted."),
    ]);
    let from: Vec<_> = outcome
        .extraction
        .documents
        .iter()
        .map(|d| (d.id.as_str(), document_json(d)["published_inferred_from"].clone()))
        .collect();
    assert_eq!(from, [("dated", Value::Null), ("narrated", json!("text")), ("silent", json!("corpus"))]);
}

/// Date-ish and markup-ish pieces, each placed where the parser reads a date or a tag.
const PIECES: &[&str] = &[
    "2015-06-04",
    "2015-06-04T09:15:00Z",
    "2015-06-04 17:05:00+09:00",
    "Tuesday, June 09, 2015 at 9:15 am",
    "June 9, 2015 @ 7:40 pm",
    "Tue, 09 Jun 2015 09:15:00 -0500",
    "06/04/2015",
    "12:05 a.m. Sept. 1st, 2020",
    "By Jane Doe | May 5, 2020",
    "Posted on June 2, 2014 by Kim Park",
    "WASHINGTON (AP) — The Senate voted.",
    "Comment posted by Ann on May 2, 2011 @ 4:25 pm",
    "Jane Doe says:",
    "Jane • 3 years ago",
    "3 thoughts on “Why”",
    "Follow Jane Doe on Twitter",
    "Posted by Jo Park at 9:15 AM",
    "Subject: Re: Talks",
    "[a](b) ![c](d) **e** _f_",
];

const HTML_PIECES: &[&str] = &[
    r#"<time datetime="2015-06-04T09:15">June 4</time>"#,
    r#"<p><time datetime="2015-06-04">June<p>4</time></p>"#,
    r#"<meta property="article:published_time" content="2015-06-04T09:15:00Z">"#,
    r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2015-06-04","author":{"name":"Jo"}}</script>"#,
    r#"<p class="byline">By Jane Doe, March 01, 2008</p>"#,
    r#"<a rel="author" href="/x">Jane Doe</a>"#,
    r#"<div id="comments"><h2>2 Comments</h2><b>Ann</b> says:<br>June 2, 2014 at 10:01 am<p>Hi.</p></div>"#,
    "<p>a &amp; b &#x2014; &#8220;c&#8221; &bogus; &</p>",
    "<!-- c --><br/><img alt='x>y'>",
];

/// Every way of putting `c` into `piece`: before each character, instead of it, and the piece
/// cut after it.
fn variants(piece: &str, c: char) -> Vec<String> {
    let mut out = Vec::new();
    let bounds: Vec<usize> = piece.char_indices().map(|(i, _)| i).chain([piece.len()]).collect();
    for (k, &at) in bounds.iter().enumerate() {
        out.push(format!("{}{c}{}", &piece[..at], &piece[at..]));
        if let Some(&next) = bounds.get(k + 1) {
            out.push(format!("{}{c}{}", &piece[..at], &piece[next..]));
        }
        out.push(piece[..at].to_string());
    }
    out
}

#[test]
fn multibyte_characters_anywhere_in_dates_and_tags_never_panic() {
    use storyscope::article::{parse, Format};
    let known = storyscope::Metadata::default();
    let mut cases = 0;
    for c in ['é', '—', '€', '😀', '\u{301}', '<', '&', '"'] {
        for piece in PIECES {
            for v in variants(piece, c) {
                let _ = storyscope::calendar::parse_iso(&v);
                let texts = [
                    format!("Title\n\n{v}\n\nBody text here.\n\n{v}"),
                    format!("---\ndate: {v}\ntitle: {v}\n---\n\n{v}\n\nBody."),
                    format!("<html><head><meta property=\"article:published_time\" content=\"{v}\"></head><body><time datetime=\"{v}\">{v}</time><p class=\"byline\">{v}</p><p>Body.</p></body></html>"),
                    format!("<script type=\"application/ld+json\">{{\"headline\":\"{v}\",\"datePublished\":\"{v}\",\"author\":\"{v}\"}}</script><p>{v}</p>"),
                ];
                for (text, format) in texts.iter().zip([Format::Plain, Format::Markdown, Format::Html, Format::Html]) {
                    let _ = parse(text, Some(format), "case", &known);
                    cases += 1;
                }
            }
        }
        for piece in HTML_PIECES {
            for v in variants(piece, c) {
                let _ = parse(&format!("<body>{v}<p>Body text.</p>{v}</body>"), Some(Format::Html), "case", &known);
                cases += 1;
            }
        }
    }
    assert!(cases > 5_000, "{cases} cases");
}

#[test]
fn facts_given_from_outside_win_over_the_text() {
    use storyscope::model::PublishedSource;
    let text = "Old Title\n\nMarch 01, 2008\n\nBy Ann Lee\n\nThe council met on Monday.";
    let known = storyscope::Metadata {
        title: Some("New Title".into()),
        published: Some(storyscope::Published { stamp: "2009-04-02".parse().unwrap(), source: PublishedSource::Flag }),
        author: Some("Bo Diaz".into()),
        outlet: Some("The Ledger".into()),
        url: None,
    };
    let input = storyscope::Input {
        id: "pasted".into(),
        name: "pasted".into(),
        content: text.into(),
        known,
        ..Default::default()
    };
    let doc = &storyscope::extract(&[input]).extraction.documents[0];
    let got = (
        doc.title.as_str(),
        doc.published.map(|s| s.to_string()),
        doc.published_source,
        doc.author.as_deref(),
        doc.outlet.as_deref(),
    );
    assert_eq!(
        got,
        ("New Title", Some("2009-04-02".into()), PublishedSource::Flag, Some("Bo Diaz"), Some("The Ledger"))
    );
    assert_eq!(doc.text, "The council met on Monday.");
}

/// Varied stories, each as readers paste them, joined into one long text.
fn many_stories(target_bytes: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pieces: Vec<String> = storyscope::seeds::inputs().into_iter().map(|i| i.content).collect();
    let mut names: Vec<_> = std::fs::read_dir(dir.join("tests/articles")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        pieces.push(std::fs::read_to_string(path).unwrap());
    }
    let mut text = String::new();
    let mut k = 0;
    while text.len() < target_bytes {
        let piece = &pieces[k % pieces.len()];
        // Vary the pieces: every other one with its paragraphs one per line.
        if k % 2 == 1 {
            text.push_str(&piece.replace("\n\n", "\n"));
        } else {
            text.push_str(piece);
        }
        text.push_str("\n\n");
        k += 1;
    }
    text
}

#[test]
fn a_long_text_of_many_stories_stays_in_the_body() {
    use storyscope::article::{parse, Format};
    let text = many_stories(1_600_000);
    let article = parse(&text, Some(Format::Plain), "many.txt", &storyscope::Metadata::default()).unwrap();
    // Letters and digits, not the blank lines and indentation between paragraphs.
    let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let body: usize = article.paragraphs.iter().map(|p| visible(&p.text)).sum();
    let comments: usize = article.comments.iter().map(|c| visible(&c.text)).sum();
    let share = body as f64 / visible(&text) as f64;
    assert!(share >= 0.9, "{:.1}% of the text in the body, {comments} characters in comments", share * 100.0);
}
