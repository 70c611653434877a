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
}
