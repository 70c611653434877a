//! In-browser tests of the wasm API (wasm-bindgen-test in Debian's Chromium): the functions the
//! page calls return the extraction contract, and bad input comes back as an error, not a panic.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn array(value: &JsValue, key: &str) -> Array {
    get(value, key).dyn_into::<Array>().unwrap_or_else(|_| panic!("`{key}` is not an array"))
}

fn article(id: &str, content: &str) -> JsValue {
    let obj = Object::new();
    Reflect::set(&obj, &"id".into(), &id.into()).unwrap();
    Reflect::set(&obj, &"content".into(), &content.into()).unwrap();
    obj.into()
}

#[wasm_bindgen_test]
fn seeds_come_back_as_the_contract() {
    let out = storyscope::wasm_api::extract_seeds().expect("seeds extract");
    for key in ["documents", "quotes", "entities", "times", "events", "failures"] {
        assert!(get(&out, key).is_array(), "missing array {key}");
    }
    let documents = array(&out, "documents");
    assert_eq!(documents.length(), 4);
    let last = documents.get(3);
    assert_eq!(get(&last, "id").as_string().as_deref(), Some("003_5f257b789f0137ba"));
    assert_eq!(get(&last, "published").as_string().as_deref(), Some("2009-03-03T08:48"));
    assert_eq!(get(&last, "published_source").as_string().as_deref(), Some("manifest"));
    // Absent values are null (JSON-compatible), not undefined.
    assert!(get(&documents.get(0), "outlet").is_null());
    let comments = array(&last, "comments");
    assert_eq!(comments.length(), 3);
    assert_eq!(get(&comments.get(2), "kind").as_string().as_deref(), Some("pingback"));
    assert!(array(&array(&out, "documents").get(2), "paragraphs").length() > 10);
}

#[wasm_bindgen_test]
fn user_articles_are_extracted_and_offsets_count_code_points() {
    let articles = Array::new();
    articles.push(&article("mine", "Title Here\n\nThe “café” opened 😀 on Monday.\n\nSecond paragraph."));
    let out = storyscope::wasm_api::extract(articles.into(), false).expect("extract");
    let documents = array(&out, "documents");
    assert_eq!(documents.length(), 1);
    let doc = documents.get(0);
    assert_eq!(get(&doc, "title").as_string().as_deref(), Some("Title Here"));
    let text = get(&doc, "text").as_string().unwrap();
    let paragraphs = array(&doc, "paragraphs");
    let second = paragraphs.get(1);
    let start = get(&second, "start").as_f64().unwrap() as usize;
    // Code points, not UTF-16 units (the emoji counts once) nor bytes.
    let first = text.split("\n\n").next().unwrap();
    assert_eq!(start, first.chars().count() + 2);
    assert_ne!(start, first.encode_utf16().count() + 2);
    assert_ne!(start, first.len() + 2);
}

#[wasm_bindgen_test]
fn facts_given_with_an_article_win_over_its_text() {
    let given = article("pasted", "Old Title\n\nMarch 01, 2008\n\nBy Ann Lee\n\nThe council met on Monday.");
    for (key, value) in [
        ("title", "New Title"),
        ("published", "2009-04-02"),
        ("author", "Bo Diaz"),
        ("outlet", "The Ledger"),
        ("url", " "),
    ] {
        Reflect::set(&given, &key.into(), &value.into()).unwrap();
    }
    let bad_date = article("bad", "Title\n\nText.");
    Reflect::set(&bad_date, &"published".into(), &"2009-02-30".into()).unwrap();
    let articles = Array::new();
    articles.push(&given);
    articles.push(&bad_date);
    let out = storyscope::wasm_api::extract(articles.into(), false).expect("extract");
    let doc = array(&out, "documents").get(0);
    assert_eq!(get(&doc, "title").as_string().as_deref(), Some("New Title"));
    assert_eq!(get(&doc, "published").as_string().as_deref(), Some("2009-04-02"));
    assert_eq!(get(&doc, "published_source").as_string().as_deref(), Some("flag"));
    assert_eq!(get(&doc, "author").as_string().as_deref(), Some("Bo Diaz"));
    assert_eq!(get(&doc, "outlet").as_string().as_deref(), Some("The Ledger"));
    assert!(get(&doc, "url").is_null(), "a blank fact is not given");
    // The text's own title, dateline and byline still leave the body.
    assert_eq!(get(&doc, "text").as_string().as_deref(), Some("The council met on Monday."));
    // A date that is not one is named, not ignored.
    let failures = array(&out, "failures");
    assert_eq!(failures.length(), 1);
    let reason = get(&failures.get(0), "reason").as_string().unwrap_or_default();
    assert!(reason.contains("publication date") && reason.contains("2009-02-30"), "{reason}");
}

#[wasm_bindgen_test]
fn bad_input_is_reported_not_panicked() {
    // Not an array: a readable error.
    let err = storyscope::wasm_api::extract(JsValue::from_str("nope"), false).expect_err("must fail");
    let message = get(&JsValue::from(err), "message").as_string().unwrap_or_default();
    assert!(message.contains("expected an array of articles"), "{message}");

    // Empty articles and those in a charset not read become named failures; the good one and
    // the Windows-1252 one survive.
    let articles = Array::new();
    articles.push(&article("empty", "   \n"));
    let bytes = Object::new();
    Reflect::set(&bytes, &"id".into(), &"broken".into()).unwrap();
    Reflect::set(&bytes, &"name".into(), &"broken.html".into()).unwrap();
    Reflect::set(&bytes, &"bytes".into(), &Uint8Array::from(&b"<meta charset=gb2312><p>\xc4\xe3</p>"[..])).unwrap();
    articles.push(&bytes);
    let latin = Object::new();
    Reflect::set(&latin, &"id".into(), &"latin".into()).unwrap();
    Reflect::set(&latin, &"name".into(), &"latin.txt".into()).unwrap();
    Reflect::set(&latin, &"bytes".into(), &Uint8Array::from(&b"Caf\xe9 Title\n\nSome text."[..])).unwrap();
    articles.push(&latin);
    articles.push(&article("good", "A Title\n\nSome text."));
    let out = storyscope::wasm_api::extract(articles.into(), false).expect("extract");
    assert_eq!(array(&out, "documents").length(), 2);
    let failures = array(&out, "failures");
    let reason_of = |name: &str| {
        failures
            .iter()
            .find(|f| get(f, "name").as_string().as_deref() == Some(name))
            .and_then(|f| get(&f, "reason").as_string())
            .unwrap_or_else(|| panic!("no failure named {name}"))
    };
    assert_eq!(failures.length(), 2);
    assert!(reason_of("empty").contains("empty"));
    assert!(reason_of("broken.html").contains("gb2312"));
}

/// The field names an article is read by are made JavaScript strings once and kept: a getter of
/// the page's that calls the core again while its article is read (here, extracting another
/// article) finds them free to use, and both articles are read whole.
#[wasm_bindgen_test]
fn a_field_getter_may_call_the_core_while_its_article_is_read() {
    let inner = article("inner", "Inner Title\n\nSome text.");
    let calls = std::rc::Rc::new(std::cell::Cell::new(0));
    let count = calls.clone();
    let extract = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue) -> bool>::new(move |a: JsValue| {
        count.set(count.get() + 1);
        storyscope::wasm_api::extract_article(a, None).is_ok()
    });
    let make = js_sys::Function::new_with_args(
        "extract, inner",
        "const o = { id: 'outer', content: 'Outer Title\\n\\nMore text.' };
         Object.defineProperty(o, 'title', { get() { if (!extract(inner)) throw new Error('inner failed'); return 'Given Title'; } });
         return o;",
    );
    let outer = make.call2(&JsValue::NULL, extract.as_ref(), &inner).expect("an article with a getter");
    let part = storyscope::wasm_api::extract_article(outer, None).expect("the outer article");
    assert_eq!(calls.get(), 1, "the getter ran once");
    let parts = Array::new();
    parts.push(&part);
    let corpus = storyscope::wasm_api::new_corpus_from_parts(parts, false, None).expect("a corpus");
    let documents = array(&corpus.model().expect("model"), "documents");
    assert_eq!(documents.length(), 1);
    assert_eq!(get(&documents.get(0), "title").as_string().as_deref(), Some("Given Title"));
}

fn filter(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("filter JSON")
}

fn strings(value: &JsValue, key: &str) -> Vec<String> {
    array(value, key).iter().filter_map(|v| v.as_string()).collect()
}

#[wasm_bindgen_test]
fn a_corpus_answers_filters_with_ids_facets_and_hits() {
    let articles = Array::new();
    articles.push(&article(
        "mine",
        "Café news\n\nThe “CAFÉ” in Łódź 😀 opened on Monday, the owner said.\n\nSecond paragraph.",
    ));
    articles.push(&article("empty", "  "));
    let corpus = storyscope::wasm_api::new_corpus(articles.into(), true).expect("corpus");

    // The extraction is what `extract` returns: the contract and the failures.
    let out = corpus.extraction().expect("extraction");
    for key in ["documents", "quotes", "entities", "times", "events", "failures"] {
        assert!(get(&out, key).is_array(), "missing array {key}");
    }
    assert_eq!(array(&out, "documents").length(), 5);
    assert_eq!(array(&out, "failures").length(), 1);

    // No filter (null, undefined or {}) lets everything through.
    for none in [JsValue::NULL, JsValue::UNDEFINED, filter("{}")] {
        let all = corpus.query(none).expect("query");
        assert_eq!(array(&all, "documents").length(), 5);
        assert_eq!(array(&all, "quotes").length(), array(&out, "quotes").length());
        assert!(array(&all, "hits").length() == 0);
    }

    // Accent-folded prefix search: only the pasted article, with code-point hits.
    let s = corpus.query(filter(r#"{"q": "LODZ"}"#)).expect("query");
    assert_eq!(strings(&s, "documents"), ["mine"]);
    let text = get(&array(&out, "documents").get(4), "text").as_string().unwrap_or_default();
    let hit = array(&s, "hits").get(0);
    let (start, end) =
        (get(&hit, "start").as_f64().unwrap_or(0.0) as usize, get(&hit, "end").as_f64().unwrap_or(0.0) as usize);
    assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), "Łódź");
    let snippet = array(&s, "snippets").get(0);
    assert_eq!(get(&snippet, "doc").as_string().as_deref(), Some("mine"));
    assert!(get(&snippet, "text").as_string().unwrap_or_default().contains("Łódź"));

    // Facets are plain objects keyed by id; unknown ids are ignored.
    let s = corpus.query(filter(r#"{"docs": ["mine", "nope"], "kinds": ["mention"]}"#)).expect("query");
    assert_eq!(strings(&s, "documents"), ["mine"]);
    assert_eq!(array(&s, "quotes").length(), 0);
    let facets = get(&s, "facets");
    assert!(get(&get(&facets, "kinds"), "quote").as_f64().is_some());
    assert!(get(&get(&facets, "documents"), "003_5f257b789f0137ba").as_f64().unwrap_or(0.0) > 0.0);
}

/// The positions whose bit is set in a `Uint32Array` bitset of `len` positions.
fn set_positions(value: &JsValue, key: &str, len: u32) -> Vec<u32> {
    let words = get(value, key).dyn_into::<Uint32Array>().unwrap_or_else(|_| panic!("`{key}` is not a Uint32Array"));
    assert_eq!(words.length(), len.div_ceil(32), "`{key}`: one bit per position");
    (0..len).filter(|&i| words.get_index(i / 32) & (1 << (i % 32)) != 0).collect()
}

#[wasm_bindgen_test]
fn select_answers_like_query_but_by_position() {
    let articles = Array::new();
    articles
        .push(&article("mine", "Gdańsk talks\n\n“We will sign,” Anna Nowak said in Gdańsk on Monday.\n\nMore text."));
    let corpus = storyscope::wasm_api::new_corpus(articles.into(), true).expect("corpus");
    let out = corpus.extraction().expect("extraction");
    for json in [
        "{}",
        r#"{"q": "gdansk"}"#,
        r#"{"kinds": ["quote"], "sources": "named"}"#,
        r#"{"from": "2009-01-01", "to": "2009-12-31"}"#,
    ] {
        let by_id = corpus.query(filter(json)).expect("query");
        let by_position = corpus.select(filter(json)).expect("select");
        for key in ["documents", "quotes", "entities", "events"] {
            let items = array(&out, key);
            let positions = set_positions(&by_position, key, items.length());
            let ids: Vec<String> = positions.iter().filter_map(|&i| get(&items.get(i), "id").as_string()).collect();
            assert_eq!(ids, strings(&by_id, key), "{json}: {key}");
            assert_eq!(
                get(&get(&by_position, "counts"), key).as_f64(),
                Some(ids.len() as f64),
                "{json}: count of {key}"
            );
        }
        // The facets the page shows agree with those of `query`; mentions count by entity.
        let facets = get(&by_position, "facets");
        for key in ["speakers", "kinds", "sources"] {
            assert_eq!(
                js_sys::JSON::stringify(&get(&facets, key)).ok(),
                js_sys::JSON::stringify(&get(&get(&by_id, "facets"), key)).ok(),
                "{json}: facet {key}"
            );
        }
        let mentions = get(&facets, "mentions").dyn_into::<Uint32Array>().expect("mention counts");
        assert_eq!(mentions.length(), array(&out, "entities").length());
        assert!(get(&facets, "documents").is_undefined(), "no per-document facet to pay for");
        // Search matches, asked for the passing documents, are those of `query`.
        let q = js_sys::JSON::parse(json).ok().map(|f| get(&f, "q")).and_then(|q| q.as_string()).unwrap_or_default();
        let shown: Array = strings(&by_id, "documents").into_iter().map(JsValue::from).collect();
        let matches = corpus.matches(&q, shown.into()).expect("matches");
        for key in ["hits", "snippets"] {
            assert_eq!(
                js_sys::JSON::stringify(&get(&matches, key)).ok(),
                js_sys::JSON::stringify(&get(&by_id, key)).ok(),
                "{json}: {key}"
            );
        }
    }
    assert!(corpus.select(filter(r#"{"to": "soon"}"#)).is_err());
    assert!(corpus.matches("x", JsValue::from_str("mine")).is_err());
    // Only the documents asked for.
    let one: Array = ["mine"].into_iter().map(JsValue::from).collect();
    let matches = corpus.matches("gdansk", one.into()).expect("matches");
    assert!(array(&matches, "hits").length() > 0);
    assert!(array(&matches, "hits").iter().all(|hit| get(&hit, "doc").as_string().as_deref() == Some("mine")));
}

#[wasm_bindgen_test]
fn a_malformed_filter_is_a_readable_error() {
    let corpus = storyscope::wasm_api::new_corpus(Array::new().into(), false).expect("corpus");
    for (json, words) in [
        (r#"{"from": "yesterday"}"#, "invalid date"),
        (r#"{"kinds": ["tweet"]}"#, "is not one of"),
        (r#""q""#, "invalid filter"),
    ] {
        let err = corpus.query(filter(json)).expect_err(json);
        let message = get(&JsValue::from(err), "message").as_string().unwrap_or_default();
        assert!(message.contains("invalid filter") && message.contains(words), "{json}: {message}");
    }
    assert!(storyscope::wasm_api::new_corpus(JsValue::from_str("nope"), false).is_err());
}

/// The message of a call that must fail.
fn message_of(result: Result<impl std::fmt::Debug, wasm_bindgen::JsError>) -> String {
    get(&JsValue::from(result.expect_err("must fail")), "message").as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn bad_input_is_named_in_plain_words() {
    let corpus = storyscope::wasm_api::new_corpus(Array::new().into(), false).expect("corpus");
    for (json, expected) in [
        (r#"{"q": 5}"#, "invalid filter: expected text, not the number 5"),
        (r#"{"q": -0.5}"#, "invalid filter: expected text, not the number -0.5"),
        (r#"{"q": 1.5e-7}"#, "invalid filter: expected text, not the number 1.5e-7"),
        (r#"{"q": true}"#, "invalid filter: expected text, not the value true"),
        (r#"{"q": {}}"#, "invalid filter: expected text, not an object"),
        (r#"{"docs": "a\"b"}"#, r#"invalid filter: expected a list, not the text "a\"b""#),
        (r#"{"docs": [1]}"#, "invalid filter: expected text, not the number 1"),
        (r#"{"docs": [[]]}"#, "invalid filter: expected text, not a list"),
        (r#"{"kinds": [{}]}"#, "invalid filter: expected the name of a kind, not an object"),
        (r#"{"sources": "all"}"#, "invalid filter: `all` is not one of `named`, `unnamed` or `scare`"),
        (r#"{"kinds": ["tweet"]}"#, "invalid filter: `tweet` is not one of `quote`, `event` or `mention`"),
        (r#"{"from": "2009-02-30"}"#, "invalid filter: invalid date `2009-02-30`, expected YYYY-MM-DD"),
        ("7", "invalid filter: expected a filter object, not the number 7"),
    ] {
        let message = message_of(corpus.query(filter(json)));
        assert_eq!(message, expected, "{json}");
    }
    // Null and missing fields restrict nothing; unknown fields are ignored.
    assert!(corpus.query(filter(r#"{"docs": null, "q": null, "sources": null, "colour": 1}"#)).is_ok());
    assert!(corpus.check_filter(filter(r#"{"kinds": "quote"}"#)).is_err(), "a raw filter's lists are lists");

    let message = message_of(storyscope::wasm_api::extract(JsValue::from_str("nope"), false));
    assert_eq!(message, r#"expected an array of articles: expected a list, not the text "nope""#);
    let message = message_of(storyscope::wasm_api::extract(filter(r#"[{"content": "x"}]"#), false));
    assert_eq!(message, "expected an array of articles: the field `id` is missing");
    let message = message_of(storyscope::wasm_api::extract(filter(r#"[{"id": "a", "bytes": [104, 300]}]"#), false));
    assert!(message.ends_with(": 300 is not a byte (0 to 255)"), "{message}");
    let message = message_of(storyscope::wasm_api::extract(filter(r#"[{"id": "a", "bytes": [104, 1.5]}]"#), false));
    assert!(message.ends_with(": expected a byte (0 to 255), not the number 1.5"), "{message}");
    let message = message_of(storyscope::wasm_api::extract(filter(r#"[{"id": "a", "bytes": "hi"}]"#), false));
    assert!(
        message.ends_with(
            r#": expected bytes (a Uint8Array, an ArrayBuffer or a list of numbers 0 to 255), not the text "hi""#
        ),
        "{message}"
    );
    let message = message_of(storyscope::wasm_api::extract_article(JsValue::NULL, None));
    assert_eq!(message, "expected an article: expected an article object, not nothing");
    let message = message_of(storyscope::wasm_api::new_corpus(JsValue::NULL, false).map(|_| ()));
    assert!(message.ends_with(": expected a list, not nothing"), "{message}");

    // Bytes come as a Uint8Array, an ArrayBuffer or an array of numbers; a Set is a sequence.
    let text = "The council met on Monday.".as_bytes();
    let set = js_sys::Set::new(&JsValue::UNDEFINED);
    for bytes in [
        JsValue::from(Uint8Array::from(text)),
        JsValue::from(Uint8Array::from(text).buffer()),
        text.iter().map(|&b| JsValue::from(b)).collect::<Array>().into(),
    ] {
        let one = Object::new();
        Reflect::set(&one, &"id".into(), &"a".into()).unwrap();
        Reflect::set(&one, &"bytes".into(), &bytes).unwrap();
        set.clear();
        set.add(&one);
        let out = storyscope::wasm_api::extract(set.clone().into(), false).expect("bytes");
        let text = get(&array(&out, "documents").get(0), "text").as_string();
        assert_eq!(text.as_deref(), Some("The council met on Monday."));
    }
    let docs = message_of(corpus.matches("council", filter(r#"["a", 2]"#)));
    assert_eq!(docs, "expected an array of document ids: expected text, not the number 2");
}

#[wasm_bindgen_test]
fn the_model_leaves_texts_in_the_core_and_document_gives_one() {
    let articles = Array::new();
    articles
        .push(&article("mine", "Title Here\n\nThe “café” opened 😀 on Monday, the mayor said.\n\nSecond paragraph."));
    let corpus = storyscope::wasm_api::new_corpus(articles.into(), true).expect("newCorpus");
    let full = corpus.extraction().expect("extraction");
    let model = corpus.model().expect("model");
    let documents = array(&model, "documents");
    assert_eq!(documents.length(), array(&full, "documents").length());
    for i in 0..documents.length() {
        let head = documents.get(i);
        let whole = array(&full, "documents").get(i);
        assert!(
            get(&head, "text").is_undefined() && get(&head, "paragraphs").is_undefined(),
            "the model carries no body"
        );
        assert_eq!(get(&head, "title").as_string(), get(&whole, "title").as_string());
        let id = get(&head, "id").as_string().unwrap();
        let body = corpus.document(&id).expect("document");
        let text = get(&body, "text").as_string().unwrap();
        assert_eq!(Some(text.clone()), get(&whole, "text").as_string());
        assert_eq!(get(&head, "length").as_f64(), Some(text.chars().count() as f64));
        assert_eq!(array(&body, "paragraphs").length(), array(&whole, "paragraphs").length());
    }
    for key in ["quotes", "entities", "times", "events", "failures"] {
        assert_eq!(array(&model, key).length(), array(&full, key).length(), "{key}");
    }
    assert!(corpus.document("no-such-document").is_err(), "an unknown id is an error");
}

#[wasm_bindgen_test]
fn an_entity_profile_crosses_as_positions_and_dated_buckets() {
    let corpus = storyscope::wasm_api::new_corpus(Array::new().into(), true).expect("newCorpus");
    let model = corpus.model().expect("model");
    let quotes = array(&model, "quotes");
    let entities = array(&model, "entities");
    let mut profiled = 0;
    for e in 0..entities.length() {
        let id = get(&entities.get(e), "id").as_string().unwrap();
        let profile = corpus.entity_profile(&id).expect("entityProfile");
        // `said` lists by position the quotes whose speaker is the entity (scare quotes aside).
        let said: Vec<u32> = array(&profile, "said").iter().map(|v| v.as_f64().unwrap() as u32).collect();
        let expected: Vec<u32> = (0..quotes.length())
            .filter(|&q| {
                let quote = quotes.get(q);
                get(&quote, "speaker_id").as_string().as_deref() == Some(id.as_str())
                    && get(&quote, "kind").as_string().as_deref() != Some("scare")
            })
            .collect();
        assert_eq!(said, expected, "{id}");
        assert!(array(&profile, "about").iter().all(|q| q.as_f64().is_some_and(|q| (q as u32) < quotes.length())));
        let over_time = get(&profile, "over_time");
        assert_eq!(
            get(&over_time, "unit").as_string().as_deref(),
            Some("month"),
            "the seeds are published from 2009 to 2012"
        );
        let buckets = array(&over_time, "buckets");
        assert_eq!(get(&buckets.get(0), "date").as_string().as_deref(), Some("2009-03"));
        profiled += usize::from(!said.is_empty());
    }
    assert!(profiled > 0, "some entity of the seeds speaks");
    assert!(corpus.entity_profile("no-such-entity").expect("an answer").is_null());
}

/// The model crosses as JSON pieces of 64 KiB joined in JavaScript (`JsonPieces`): on a model
/// of many pieces, full of characters of two, three and four bytes, it holds the contract's
/// values, whatever piece boundary they fall on.
#[wasm_bindgen_test]
fn a_model_of_many_pieces_holds_the_contracts_values() {
    let articles = Array::new();
    for i in 0..40 {
        let mut text = format!("Story {i} in Zürich\n\n");
        for j in 0..40 {
            text += &format!(
                "“We agree on the café’s plan {j} 😀,” Anna Novák{i} said on March {}, 2015, in Zürich. ",
                1 + j % 28
            );
        }
        articles.push(&article(&format!("a{i}"), &text));
    }
    let corpus = storyscope::wasm_api::new_corpus(articles.into(), false).expect("newCorpus");
    let full = corpus.extraction().expect("extraction");
    let model = corpus.model().expect("model");
    let json = |v: &JsValue| js_sys::JSON::stringify(v).expect("stringify").as_string().expect("a string");
    assert!(json(&model).len() > 8 * 65_536, "the model is several pieces: {} bytes", json(&model).len());
    for key in ["quotes", "entities", "times", "events", "failures"] {
        assert_eq!(json(&get(&model, key)), json(&get(&full, key)), "{key}");
    }
    assert_eq!(array(&model, "documents").length(), 40);
    // What the page's worker posts: the same model as JSON text, parsed on the page's side.
    let text = String::from(corpus.model_json());
    assert!(text.is_ascii(), "the model's text is ASCII JSON");
    assert_eq!(json(&js_sys::JSON::parse(&text).expect("modelJson parses")), json(&model));
}

/// Results cross as ASCII JSON (see `write_json` in src/wasm_api.rs: Chromium decodes and
/// parses it faster): every text the core hands `JSON.parse` is ASCII, and the values hold
/// the characters of two, three and four bytes it escaped.
#[wasm_bindgen_test]
fn results_cross_as_ascii_json_with_every_character_kept() {
    let json = js_sys::global().dyn_into::<Object>().map(|g| get(&g, "JSON")).expect("JSON");
    let parse = get(&json, "parse");
    let texts = Array::new();
    // JSON.parse, recording each text it is given.
    let spy =
        js_sys::Function::new_with_args("parse, texts", "return (text) => { texts.push(text); return parse(text); };")
            .call2(&JsValue::NULL, &parse, &texts)
            .expect("spy");
    Reflect::set(&json, &"parse".into(), &spy).unwrap();
    let text = "“Café’s plan 😀,” Anna Novák said on March 3, 2015, in Zürich.\n\n“Ça va,” she said.";
    let articles = Array::of1(&article("a", &format!("Zürich news\n\n{text}")));
    let extracted = storyscope::wasm_api::extract(articles.clone().into(), false);
    let model = storyscope::wasm_api::new_corpus(articles.into(), false).and_then(|c| c.model());
    Reflect::set(&json, &"parse".into(), &parse).unwrap();
    let (extracted, model) = (extracted.expect("extract"), model.expect("model"));

    assert!(texts.length() >= 2, "JSON.parse was called for the extraction and the model");
    for t in texts.iter() {
        let t = t.as_string().expect("a string");
        assert!(t.is_ascii(), "a text past ASCII crossed: {t}");
    }
    let document = array(&extracted, "documents").get(0);
    assert!(get(&document, "text").as_string().expect("text").contains(text), "the text comes back whole");
    let quotes = js_sys::JSON::stringify(&get(&model, "quotes")).expect("stringify").as_string().unwrap_or_default();
    assert!(
        quotes.contains("Café’s plan 😀") && quotes.contains("Ça va"),
        "the quotes keep their characters: {quotes}"
    );
}

#[wasm_bindgen_test]
fn file_rules_and_checks_come_from_the_core() {
    let rules = storyscope::wasm_api::file_rules().expect("rules");
    let extensions = strings(&rules, "extensions");
    assert!(["txt", "md", "html"].iter().all(|e| extensions.iter().any(|x| x == e)), "{extensions:?}");
    assert_eq!(get(&rules, "maxBytes").as_f64(), Some(storyscope::article::MAX_ARTICLE_BYTES as f64));
    assert_eq!(storyscope::wasm_api::check_file("notes.MD", 100.0), None);
    assert!(storyscope::wasm_api::check_file("photo.png", 100.0).unwrap_or_default().contains("unsupported type"));
    assert!(storyscope::wasm_api::check_file("huge.txt", 9e9).unwrap_or_default().contains("too large"));
}

#[wasm_bindgen_test]
fn a_filter_from_a_link_is_checked_and_the_dropped_parts_named() {
    let articles = Array::new();
    articles
        .push(&article("mine", "Gdańsk talks\n\n“We will sign,” Anna Nowak said in Gdańsk on Monday.\n\nMore text."));
    let corpus = storyscope::wasm_api::new_corpus(articles.into(), false).expect("corpus");
    let checked = corpus
        .check_filter(filter(r#"{"docs": ["mine", "ghost"], "speakers": ["Anna Nowak", "Nobody"], "from": "2009-02-30", "to": "soon", "q": "talks"}"#))
        .expect("checked");
    let kept = get(&checked, "filter");
    assert_eq!(strings(&kept, "docs"), ["mine"]);
    assert_eq!(strings(&kept, "speakers"), ["Anna Nowak"]);
    assert!(get(&kept, "from").is_null() && get(&kept, "to").is_null());
    assert_eq!(get(&kept, "q").as_string().as_deref(), Some("talks"));
    let dropped: Vec<(String, String)> = array(&checked, "dropped")
        .iter()
        .map(|d| (get(&d, "value").as_string().unwrap_or_default(), get(&d, "message").as_string().unwrap_or_default()))
        .collect();
    assert_eq!(dropped.len(), 4, "{dropped:?}");
    assert!(dropped.contains(&("Nobody".into(), "no such speaker".into())));
    assert!(dropped.contains(&("2009-02-30".into(), "not a calendar day".into())));
    // What the check keeps, select accepts.
    assert!(corpus.select(kept).is_ok());
    // No filter at all is fine too.
    assert_eq!(array(&corpus.check_filter(JsValue::UNDEFINED).expect("empty"), "dropped").length(), 0);
}

#[wasm_bindgen_test]
fn parts_made_one_article_at_a_time_assemble_into_the_same_corpus() {
    let texts = [
        ("one", "First story\n\n“We will build it,” Mayor Anna Nowak said on Monday."),
        ("two", "Second\n\nNowak met the council in Gdańsk on Tuesday."),
    ];
    let parts = Array::new();
    let articles = Array::new();
    for (id, text) in texts {
        parts.push(&storyscope::wasm_api::extract_article(article(id, text), None).expect("part"));
        articles.push(&article(id, text));
    }
    let from_parts = storyscope::wasm_api::new_corpus_from_parts(parts.clone(), true, None).expect("from parts");
    let whole = storyscope::wasm_api::new_corpus(articles.into(), true).expect("whole");
    let (a, b) = (from_parts.extraction().expect("a"), whole.extraction().expect("b"));
    let json = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    assert_eq!(json(&a), json(&b), "a corpus of parts is the corpus of its articles");
    assert!(!storyscope::wasm_api::core_version().is_empty());

    // A part of another version, or bytes that are no part, is named and left out.
    let first = parts.get(0).dyn_into::<Uint8Array>().unwrap().to_vec();
    // (A part is binary after its text: read lossily, only the version is replaced.)
    let stale = String::from_utf8_lossy(&first).replacen(&storyscope::wasm_api::core_version(), "0.0.0+old", 1);
    let odd = Array::new();
    odd.push(&Uint8Array::from(stale.as_bytes()));
    odd.push(&Uint8Array::from(&b"not a part"[..]));
    odd.push(&parts.get(1));
    let corpus = storyscope::wasm_api::new_corpus_from_parts(odd, false, None).expect("corpus");
    let out = corpus.extraction().expect("extraction");
    assert_eq!(array(&out, "documents").length(), 1);
    let failures = array(&out, "failures");
    assert_eq!(failures.length(), 2);
    assert!(get(&failures.get(0), "reason").as_string().unwrap().contains("another version"));
    assert!(get(&failures.get(1), "reason").as_string().unwrap().contains("not an extraction part"));

    // An article that is not one is an error with the reason.
    let error = storyscope::wasm_api::extract_article(article("empty", ""), None).expect_err("empty");
    let message = get(&JsValue::from(error), "message").as_string().unwrap_or_default();
    assert!(message.contains("empty"), "{message}");
}

/// A JS function that pushes the stage names it is called with onto `heard`.
fn stage_recorder(heard: &Array) -> js_sys::Function {
    js_sys::Function::new_with_args("stage", "this.push(stage)").bind0(heard)
}

#[wasm_bindgen_test]
fn on_stage_hears_each_stage_of_a_part_and_of_a_corpus() {
    let heard = Array::new();
    let part = storyscope::wasm_api::extract_article(
        article("one", "First story\n\n“We will build it,” Mayor Anna Nowak said on Monday."),
        Some(stage_recorder(&heard)),
    )
    .expect("part");
    let names = |a: &Array| a.iter().filter_map(|v| v.as_string()).collect::<Vec<_>>();
    // The analysis, name tagger, quote finding and time scanning run while the part is made, not
    // when the corpus is assembled (which links the quotes' speakers and resolves the dates).
    assert_eq!(names(&heard), ["parse", "analysis", "names", "quotes", "times"]);

    let heard = Array::new();
    let parts = Array::of1(&part);
    let corpus =
        storyscope::wasm_api::new_corpus_from_parts(parts, false, Some(stage_recorder(&heard))).expect("corpus");
    // The part keeps its token view too: the assembly analyzes no article again.
    assert_eq!(names(&heard), ["entities", "speakers", "dates", "events", "index"]);
    assert_eq!(array(&corpus.extraction().expect("extraction"), "documents").length(), 1);

    // A callback that throws only loses its progress report.
    let throwing = js_sys::Function::new_no_args("throw new Error('no progress today')");
    assert!(storyscope::wasm_api::extract_article(article("two", "Second\n\nA plain line."), Some(throwing)).is_ok());
}

#[wasm_bindgen_test]
fn facts_given_with_a_part_win_over_its_text() {
    let given = article("pasted", "Harbour note\n\nThe council met about the pier.");
    for (key, value) in
        [("title", "The pier vote"), ("published", "2021-04-05"), ("outlet", "Port Ellis Post"), ("author", "  ")]
    {
        Reflect::set(&given, &key.into(), &value.into()).unwrap();
    }
    let part = storyscope::wasm_api::extract_article(given, None).expect("part");
    let corpus = storyscope::wasm_api::new_corpus_from_parts(Array::of1(&part), false, None).expect("corpus");
    let document = array(&corpus.model().expect("model"), "documents").get(0);
    assert_eq!(get(&document, "title").as_string().as_deref(), Some("The pier vote"));
    assert_eq!(get(&document, "published").as_string().as_deref(), Some("2021-04-05"));
    assert_eq!(get(&document, "published_source").as_string().as_deref(), Some("flag"));
    assert_eq!(get(&document, "outlet").as_string().as_deref(), Some("Port Ellis Post"));
    assert!(get(&document, "author").is_null(), "a blank fact is not given");
}
