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

/// The committed weights files as the binary compiles them in (`OUT_DIR/*.weights`): the same
/// tables without the header's comment lines (`# …`: the data, the licence and the command
/// that made them, for a reader of the file), which each model's `parse` never reads. They
/// weighed 1.0 KB of the page's LZMA-carried wasm.
fn compiled_weights(root: &std::path::Path) {
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    for path in ["src/entities/tagger.weights", "src/quotes/scare.weights"] {
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
        out.extend_from_slice(&bytes[end + 2..]);
        fs::write(out_dir.join(path.file_name().unwrap()), out).unwrap();
    }
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
