//! Compiles the seed manifest into a table of `include_str!`ed articles.
//!
//! The seed articles stay raw text inside the binary and the wasm: they are parsed at run time
//! like any other input. Only the manifest (what the text does not say reliably) is read here.

use std::{env, fs, path::PathBuf};

#[derive(serde::Deserialize)]
struct Manifest {
    seed: Vec<SeedEntry>,
}

#[derive(serde::Deserialize)]
struct SeedEntry {
    file: String,
    published: Option<String>,
    precision: Option<String>,
    author: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let seeds_dir = root.join("seeds");
    let manifest_path = seeds_dir.join("manifest.toml");
    println!("cargo:rerun-if-changed={}", manifest_path.display());
    let manifest: Manifest = toml::from_str(&fs::read_to_string(&manifest_path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", manifest_path.display()));

    let opt = |v: &Option<String>| match v {
        Some(s) => format!("Some({s:?})"),
        None => "None".to_string(),
    };
    let mut out = String::from("pub(crate) static SEEDS: &[Seed] = &[\n");
    for entry in &manifest.seed {
        let path = seeds_dir.join(&entry.file);
        assert!(path.is_file(), "seed listed in the manifest is missing: {}", path.display());
        println!("cargo:rerun-if-changed={}", path.display());
        out.push_str(&format!(
            "    Seed {{ file: {:?}, text: include_str!({:?}), published: {}, precision: {}, author: {}, outlet: {}, url: {} }},\n",
            entry.file,
            path.display().to_string(),
            opt(&entry.published),
            opt(&entry.precision),
            opt(&entry.author),
            opt(&entry.outlet),
            opt(&entry.url),
        ));
    }
    out.push_str("];\n");
    fs::write(PathBuf::from(env::var("OUT_DIR").unwrap()).join("seeds.rs"), out).unwrap();
    source_hash(&root);
    compiled_weights(&root);
}

/// `STORYSCOPE_SOURCE_HASH`: a hash of every file under `src/` (code, generated tables,
/// weights), so that the core's version changes whenever what it extracts may change; the
/// page keys its cache of extractions by it.
fn source_hash(root: &std::path::Path) {
    let mut files = Vec::new();
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        println!("cargo:rerun-if-changed={}", dir.display());
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    // FNV-1a over each path and its bytes: stable across platforms and Rust versions.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let name = file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        for b in name.bytes().chain(fs::read(file).unwrap()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=STORYSCOPE_SOURCE_HASH={:012x}", h & 0xffff_ffff_ffff);
}

/// The committed weights files as the binary compiles them in (`OUT_DIR/*.weights`): the same
/// tables without the header's comment lines (`# …`: the data, the licence and the command
/// that made them, for a reader of the file), which each model's `parse` never reads; and the
/// tagger's word clusters in their compact form (see [`compact_clusters`]). Together they
/// weighed 2.2 KB of the page's LZMA-carried wasm.
fn compiled_weights(root: &std::path::Path) {
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    for (path, tables) in [("src/entities/tagger.weights", Some(2 + 7 * 7 * 2)), ("src/quotes/scare.weights", None)] {
        let path = root.join(path);
        let bytes = fs::read(&path).unwrap();
        // The header ends at the first empty line (src/weights.rs `split`).
        let end = bytes.windows(2).position(|w| w == b"\n\n").expect("a weights header");
        let header = std::str::from_utf8(&bytes[..end]).expect("a text header");
        let mut out = Vec::with_capacity(bytes.len());
        for line in header.lines().filter(|line| !line.starts_with('#')) {
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.push(b'\n');
        let body = &bytes[end + 2..];
        match tables {
            // The tagger: bits, the quantization step, transitions, 5 << bits emission weights,
            // then the clusters' text.
            Some(fixed) => {
                let size = fixed + (5usize << body[0]);
                out.extend_from_slice(&body[..size]);
                out.extend_from_slice(&compact_clusters(std::str::from_utf8(&body[size..]).expect("clusters text")));
            }
            None => out.extend_from_slice(body),
        }
        fs::write(out_dir.join(path.file_name().unwrap()), out).unwrap();
    }
}

/// The tagger's word clusters (a line of each fine cluster's coarse cluster, then a line of
/// keys per fine cluster: `Model::clusters_text` in src/entities/tagger.rs) in the compact form
/// that `Model::parse` reads too: byte 1, the number of fine clusters, their coarse clusters (a
/// byte each), the number of keys (u16, little-endian), each key's fine cluster (a byte each,
/// in key order), then the keys sorted and front-coded with marks `A` to `Z`
/// (src/front_coded.rs). Sorted keys share their prefixes, where keys grouped by cluster share
/// little.
fn compact_clusters(text: &str) -> Vec<u8> {
    let mut lines = text.lines();
    let Some(coarse) = lines.next() else { return Vec::new() };
    let coarse: Vec<u8> = coarse.split(' ').map(|c| c.parse().expect("a coarse cluster")).collect();
    let mut keys: Vec<(&str, u8)> = Vec::new();
    for (fine, line) in lines.enumerate() {
        let fine = u8::try_from(fine).expect("at most 256 fine clusters");
        keys.extend(line.split(' ').filter(|k| !k.is_empty()).map(|k| (k, fine)));
    }
    assert_eq!(usize::from(u8::try_from(coarse.len()).unwrap()), coarse.len());
    keys.sort_unstable();
    assert!(keys.windows(2).all(|w| w[0].0 < w[1].0), "each key in one cluster once");
    let mut out = vec![1, coarse.len() as u8];
    out.extend_from_slice(&coarse);
    out.extend_from_slice(&u16::try_from(keys.len()).expect("at most 65,535 keys").to_le_bytes());
    out.extend(keys.iter().map(|&(_, fine)| fine));
    let mut before: &[u8] = b"";
    for &(key, _) in &keys {
        let key = key.as_bytes();
        assert!(!key.iter().any(u8::is_ascii_uppercase), "a key holds no mark byte (A-Z)");
        let limit = (key.len() - 1).min(before.len()).min(usize::from(b'Z' - b'A'));
        let shared = (0..limit).take_while(|&i| key[i] == before[i]).count();
        out.push(b'A' + shared as u8);
        out.extend_from_slice(&key[shared..]);
        before = key;
    }
    out
}
