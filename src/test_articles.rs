//! The texts of the articles in tests/articles (every file but the expected-output JSON), for
//! the unit tests that check a fast path or an invariant on real articles. Test-only; reads
//! the repository's files, never the development sets.

/// The texts of tests/articles' article files, in the order of their names.
pub(crate) fn texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/articles")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x != "json"))
        .collect();
    paths.sort();
    paths.into_iter().map(|p| std::fs::read_to_string(p).expect("an article")).collect()
}
