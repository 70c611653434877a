//! In-browser tests of the wasm API (wasm-bindgen-test in Debian's Chromium): the functions the
//! page calls return the extraction contract, and bad input comes back as an error, not a panic.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, Uint8Array};
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
fn bad_input_is_reported_not_panicked() {
    // Not an array: a readable error.
    let err = storyscope::wasm_api::extract(JsValue::from_str("nope"), false).expect_err("must fail");
    let message = get(&JsValue::from(err), "message").as_string().unwrap_or_default();
    assert!(message.contains("expected an array of articles"), "{message}");

    // Empty, binary and invalid UTF-8 articles become named failures; the good one survives.
    let articles = Array::new();
    articles.push(&article("empty", "   \n"));
    let bytes = Object::new();
    Reflect::set(&bytes, &"id".into(), &"broken".into()).unwrap();
    Reflect::set(&bytes, &"name".into(), &"broken.txt".into()).unwrap();
    Reflect::set(&bytes, &"bytes".into(), &Uint8Array::from(&[0x66u8, 0x6f, 0xff, 0xfe, 0x6f][..])).unwrap();
    articles.push(&bytes);
    articles.push(&article("good", "A Title\n\nSome text."));
    let out = storyscope::wasm_api::extract(articles.into(), false).expect("extract");
    assert_eq!(array(&out, "documents").length(), 1);
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
    assert!(reason_of("broken.txt").contains("UTF-8"));
}
