//! The `storyscope extract` command: JSON on stdout in the contract's shape, unreadable files
//! named on stderr with the others still extracted, and an exit code that says so.

use serde_json::Value;
use std::process::{Command, Stdio};

fn storyscope() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storyscope"))
}

/// A scratch folder of its own, removed when the test ends (pass or fail: `Drop` runs while a
/// failed assertion unwinds), so runs leave nothing behind in the system's temporary folder.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("storyscope-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn extracts_a_folder_and_reports_bad_files_by_name() {
    let dir = Scratch::new("folder");
    std::fs::write(dir.join("good.txt"), "A Good Title\n\nThe first paragraph.").unwrap();
    std::fs::write(dir.join("notes.md"), "---\ntitle: Notes\ndate: 2020-01-02\n---\nBody.").unwrap();
    // A Japanese page: read as Windows-1252 it would be nonsense, so it is refused by name.
    std::fs::write(dir.join("bad.html"), b"<meta charset=\"shift_jis\"><p>\x82\xa0</p>").unwrap();
    // A Windows "ANSI" export is read as Windows-1252.
    std::fs::write(dir.join("latin.txt"), b"Caf\xe9 Title\n\nThe \x93first\x94 paragraph.").unwrap();
    std::fs::write(dir.join("empty.html"), "").unwrap();
    std::fs::write(dir.join("picture.png"), [0x89, 0x50]).unwrap(); // not an article file: skipped

    let out = storyscope().arg("extract").arg(&*dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a failure must show in the exit code");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.html") && stderr.contains("shift_jis") && stderr.contains("UTF-8"), "{stderr}");
    assert!(stderr.contains("empty.html") && stderr.contains("empty"), "{stderr}");
    assert!(!stderr.contains("picture.png"), "{stderr}");

    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    for key in ["documents", "quotes", "entities", "times", "events"] {
        assert!(json[key].is_array(), "{key} is missing");
    }
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["good", "latin", "notes"]);
    assert_eq!(json["documents"][1]["title"], "Café Title");
    assert_eq!(json["documents"][1]["text"], "The “first” paragraph.");
    let notes = &json["documents"][2];
    assert_eq!(notes["published"], "2020-01-02");
    assert_eq!(notes["published_source"], "front-matter");
    for key in ["title", "author", "outlet", "url", "text", "paragraphs", "comments"] {
        assert!(notes.get(key).is_some(), "document field {key} is missing");
    }
}

#[test]
fn a_panic_in_one_file_costs_only_that_file() {
    let dir = Scratch::new("panic");
    std::fs::write(dir.join("first.txt"), "First Title\n\nThe mayor said on Monday that the bridge will open.")
        .unwrap();
    std::fs::write(dir.join("broken.txt"), "Broken Title\n\nAnything at all.").unwrap();
    std::fs::write(dir.join("last.txt"), "Last Title\n\n“We are ready,” Jane Doe said.").unwrap();
    // Debug builds (as `cargo test` builds the CLI) panic in the stages on this document.
    let out = storyscope().arg("extract").arg(&*dir).env("STORYSCOPE_FAILPOINT", "broken").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a failure must show in the exit code");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken") && stderr.contains("internal error"), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let ids: Vec<&str> = json["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["first", "last"]);
    let quoted: Vec<&str> = json["quotes"].as_array().unwrap().iter().map(|q| q["doc"].as_str().unwrap()).collect();
    assert_eq!(quoted, ["last"], "the last file's quote is still extracted");
}

#[test]
fn stdin_and_the_dct_flag() {
    let mut child = storyscope()
        .args(["extract", "--dct", "2011-07-08", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"Piped Title\n\nPiped body.").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["documents"][0]["id"], "stdin");
    assert_eq!(json["documents"][0]["published"], "2011-07-08");
    assert_eq!(json["documents"][0]["published_source"], "flag");
}

#[test]
fn usage_errors_exit_with_2() {
    for args in [&["extract"][..], &["extract", "--dct", "yesterday", "x.txt"], &["frobnicate"], &["extract", "--nope"]]
    {
        let out = storyscope().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage: storyscope extract"), "{args:?}");
    }
}

#[test]
fn seeds_flag_uses_the_manifest() {
    let out = storyscope().args(["extract", "--seeds", "--compact"]).output().unwrap();
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 4);
    assert!(docs.iter().all(|d| d["published_source"] == "manifest"));
}
