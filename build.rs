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
        if tables.is_some() {
            out.extend_from_slice(CODED_WEIGHTS.as_bytes());
            out.push(b'\n');
        }
        out.push(b'\n');
        let body = &bytes[end + 2..];
        match tables {
            // The tagger: bits, the quantization step, transitions, 5 << bits emission weights
            // (entropy-coded here: see `code_weights`), then the clusters' text.
            Some(fixed) => {
                let size = fixed + (5usize << body[0]);
                out.extend_from_slice(&body[..fixed]);
                out.extend_from_slice(&code_weights(&body[fixed..size]));
                out.extend_from_slice(&compact_clusters(
                    std::str::from_utf8(&body[size..]).expect("clusters text"),
                    &listed_words(root),
                ));
            }
            None => out.extend_from_slice(body),
        }
        fs::write(out_dir.join(path.file_name().unwrap()), out).unwrap();
    }
}

/// The header line that marks the tagger's emission weights as entropy-coded
/// (`tagger::CODED_WEIGHTS` in src/entities/tagger.rs).
const CODED_WEIGHTS: &str = "coded-weights";

/// The tagger's emission weights (bytes: `i8` quotients by the quantization step, five a row)
/// entropy-coded as `coded_weights::decode` in src/entities/coded_weights.rs reads them (its
/// module doc says why): the smallest quotient, the number of quotients from it less one,
/// each context's frequencies (`u16` little-endian, summing to `1 << PROB_BITS`, or zero for a
/// context never used), the stream's length in bytes (`u32` little-endian), then the rANS
/// stream: the last state (`u32` little-endian), then its 16-bit refill words (little-endian)
/// in the order the decoder reads them.
/// The contexts: a weight's place in its row and the sum of the row's earlier quotients'
/// magnitudes, capped at `SUM_CAP - 1`.
fn code_weights(weights: &[u8]) -> Vec<u8> {
    const ROW: usize = 5;
    const SUM_CAP: usize = 4;
    const CONTEXTS: usize = ROW * SUM_CAP;
    const PROB_BITS: u32 = 10;
    const LOW: u32 = 1 << 16;
    let context = |k: usize, sum: u32| k * SUM_CAP + (sum as usize).min(SUM_CAP - 1);
    assert_eq!(weights.len() % ROW, 0, "whole rows");
    let quotients: Vec<i8> = weights.iter().map(|&b| b as i8).collect();
    let low = quotients.iter().copied().min().unwrap_or(0);
    let symbols = quotients.iter().map(|&q| (i16::from(q) - i16::from(low)) as usize + 1).max().unwrap_or(1);
    // Each weight's context and symbol, in order.
    let mut coded: Vec<(usize, usize)> = Vec::with_capacity(quotients.len());
    for row in quotients.chunks_exact(ROW) {
        let mut sum = 0u32;
        for (k, &q) in row.iter().enumerate() {
            coded.push((context(k, sum), (i16::from(q) - i16::from(low)) as usize));
            sum += u32::from(q.unsigned_abs());
        }
    }
    let mut counts = vec![vec![0u64; symbols]; CONTEXTS];
    for &(c, s) in &coded {
        counts[c][s] += 1;
    }
    // Frequencies in 1 << PROB_BITS: each count's share rounded down, at least 1 for a symbol
    // seen, the remainder given to (or taken from) the commonest symbol.
    let freqs: Vec<Vec<u32>> = counts
        .iter()
        .map(|counts| {
            let total: u64 = counts.iter().sum();
            if total == 0 {
                return vec![0; symbols];
            }
            let mut f: Vec<u32> =
                counts.iter().map(|&n| if n == 0 { 0 } else { ((n << PROB_BITS) / total).max(1) as u32 }).collect();
            let most = (0..symbols).max_by_key(|&s| (counts[s], std::cmp::Reverse(s))).unwrap();
            let sum: u32 = f.iter().sum();
            f[most] = (f[most] + (1 << PROB_BITS)).checked_sub(sum).filter(|&f| f > 0).expect("a frequency left");
            f
        })
        .collect();
    let mut out = vec![low as u8, u8::try_from(symbols - 1).expect("at most 256 quotients")];
    for f in &freqs {
        out.extend(f.iter().flat_map(|&f| u16::try_from(f).unwrap().to_le_bytes()));
    }
    out.extend(rans_stream(&coded, &freqs, PROB_BITS, LOW));
    out
}

include!("src/entities/rans_stream.rs");

/// The tagger's word clusters (a line of each fine cluster's coarse cluster, then a line of
/// keys per fine cluster: `Model::clusters_text` in src/entities/tagger.rs) in the compact form
/// that `Model::parse_compact_clusters` reads: byte 3, the number of fine clusters, their
/// coarse clusters (a byte each), the number of unlisted words (u16, little-endian), the bits
/// of a key's hash kept ([`CLUSTER_HASH_BITS`]), the Rice parameter; then a bit for each word of
/// the name lists the wasm already carries ([`listed_words`], in their order, each byte's bits
/// from its lowest): set when the word is a cluster word not listed before; then the fine
/// cluster of each listed cluster word (a byte each, in list order), the fine cluster of each
/// unlisted word (a byte each, in the order of their hash bits), then the unlisted words' hash
/// bits, ascending, as Rice-coded gaps. The keys' text is not carried: 3,984 keys weighed 10.3
/// KB of LZMA front-coded, their top 28 hash bits 8.8 KB (17.6 bits a word, which LZMA cannot
/// shrink further), their top 24 bits 6.8 KB (13.6 bits a word). The 1,023 keys that are
/// given names or surnames cost a bit each of the lists' 4,261 words instead (the whole form
/// 9.8 -> 8.6 KB of LZMA alone).
fn compact_clusters(text: &str, listed: &[String]) -> Vec<u8> {
    let mut lines = text.lines();
    let Some(coarse) = lines.next() else { return Vec::new() };
    let coarse: Vec<u8> = coarse.split(' ').map(|c| c.parse().expect("a coarse cluster")).collect();
    let mut fine_of: std::collections::HashMap<&str, u8> = std::collections::HashMap::new();
    let mut words: Vec<(u64, u8)> = Vec::new();
    for (fine, line) in lines.enumerate() {
        let fine = u8::try_from(fine).expect("at most 256 fine clusters");
        for k in line.split(' ').filter(|k| !k.is_empty()) {
            fine_of.insert(k, fine);
            words.push((fnv1a(k.as_bytes()) >> (64 - CLUSTER_HASH_BITS), fine));
        }
    }
    assert_eq!(usize::from(u8::try_from(coarse.len()).unwrap()), coarse.len());
    words.sort_unstable();
    assert!(words.windows(2).all(|w| w[0].0 < w[1].0), "no two keys share their hash bits");
    // The listed cluster words, each at its first place in the lists.
    let mut marks: Vec<bool> = Vec::with_capacity(listed.len());
    let mut listed_fine: Vec<u8> = Vec::new();
    let mut listed_bits: Vec<u64> = Vec::new();
    for word in listed {
        let fine = fine_of.remove(word.as_str());
        marks.push(fine.is_some());
        if let Some(fine) = fine {
            listed_fine.push(fine);
            listed_bits.push(fnv1a(word.as_bytes()) >> (64 - CLUSTER_HASH_BITS));
        }
    }
    let listed: std::collections::HashSet<u64> = listed_bits.iter().copied().collect();
    words.retain(|(bits, _)| !listed.contains(bits));
    // The Rice parameter that codes the gaps in the fewest bits.
    let gaps: Vec<u64> =
        words.iter().scan(0, |before, &(bits, _)| Some(bits - std::mem::replace(before, bits))).collect();
    let cost = |r: u32| gaps.iter().map(|&g| (g >> r) + 1 + u64::from(r)).sum::<u64>();
    let r = (0..32).min_by_key(|&r| cost(r)).unwrap();
    let mut out = vec![3, coarse.len() as u8];
    out.extend_from_slice(&coarse);
    out.extend_from_slice(&u16::try_from(words.len()).expect("at most 65,535 words").to_le_bytes());
    out.extend_from_slice(&[CLUSTER_HASH_BITS as u8, r as u8]);
    out.extend(pack_bits(&marks));
    out.extend_from_slice(&listed_fine);
    out.extend(words.iter().map(|&(_, fine)| fine));
    let mut bits: Vec<bool> = Vec::new();
    for &gap in &gaps {
        bits.extend(std::iter::repeat(true).take((gap >> r) as usize));
        bits.push(false);
        bits.extend((0..r).map(|i| gap >> i & 1 == 1));
    }
    out.extend(pack_bits(&bits));
    out
}

/// Bits packed into bytes, each byte's from its lowest; the last byte's high bits 0.
fn pack_bits(bits: &[bool]) -> Vec<u8> {
    bits.chunks(8).map(|byte| byte.iter().enumerate().fold(0u8, |b, (i, &bit)| b | u8::from(bit) << i)).collect()
}

/// The words of the generated name lists that the compact clusters mark
/// (`Model::LISTED_NAMES` in src/entities/tagger.rs, the same lists in the same order): the
/// front-coded given names (male, female, either) and surnames of src/entities/names_data.rs,
/// read from its source (`src/front_coded.rs` reads them at run time).
fn listed_words(root: &std::path::Path) -> Vec<String> {
    let source = fs::read_to_string(root.join("src/entities/names_data.rs")).unwrap();
    let mut words = Vec::new();
    for name in ["GIVEN_NAMES_M", "GIVEN_NAMES_F", "GIVEN_NAMES_U", "SURNAMES"] {
        let open = format!("pub(crate) const {name}: &str = \"\\\n");
        let start = source.find(&open).unwrap_or_else(|| panic!("names_data.rs has no {name}")) + open.len();
        let end = start + source[start..].find("\";").expect("the list ends");
        // Rust drops a backslash at a line's end together with the newline.
        let table = source[start..end].replace("\\\n", "");
        let mut word = String::new();
        let mut rest = table.as_str();
        while let Some(mark) = rest.chars().next() {
            let shared = usize::from(mark as u8 - b'0');
            let suffix = &rest[1..];
            let len = suffix.find(|c: char| ('0'..='?').contains(&c)).unwrap_or(suffix.len());
            word.truncate(shared);
            word.push_str(&suffix[..len]);
            words.push(word.clone());
            rest = &suffix[len..];
        }
    }
    words
}

/// How many top bits of a cluster key's hash the compact form keeps: `Clusters::HASH_BITS` in
/// src/entities/features.rs (the model refuses another count).
const CLUSTER_HASH_BITS: u32 = 24;

/// A word key's hash: `hash_bytes` of src/entities/features.rs (64-bit FNV-1a).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}
