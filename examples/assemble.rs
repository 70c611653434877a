//! What the page pays to show a corpus of kept articles (`make bench`; reports, asserts nothing).
//!
//! Reads the first N articles of a folder (sorted by name), makes each one's part as the page's
//! worker does, keeps it as bytes, then times (best of 5) assembling the corpus from those
//! bytes, which is what adding, removing or hiding an article costs, against extracting the
//! same articles afresh; then the share of each stage in one assembly, and whether the
//! assembled corpus is the extracted one, byte for byte.
//!
//!     cargo run --release --example assemble -- FOLDER [N=300]
//!
//! With `--only-assemble K` after N it reads the parts and assembles them K times and nothing
//! else, for an instruction count (`valgrind --tool=callgrind`) of the assembly alone; then
//! `index` builds the page's corpus as the wasm does (the search index too, its documents'
//! words read from the token views), and `index-from-texts` builds the same index from the
//! extraction's texts.

use std::time::Instant;
use storyscope::{assemble, assemble_indexed, assemble_timed, extract, extract_part, files, Index, Input, Part};

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(folder) = args.next() else {
        eprintln!("usage: assemble FOLDER [N]");
        std::process::exit(2);
    };
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(300);
    let only_assemble: Option<usize> =
        args.next().filter(|a| a == "--only-assemble").and_then(|_| args.next()?.parse().ok());
    let index = args.next();
    let mut paths: Vec<_> = match std::fs::read_dir(&folder) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("assemble: cannot read {folder}: {e}");
            std::process::exit(1);
        }
    };
    paths.retain(|p| p.file_name().is_some_and(|name| files::is_article_name(&name.to_string_lossy())));
    paths.sort();
    paths.truncate(n);
    let inputs: Vec<Input> = paths
        .iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            let id = path.file_stem()?.to_string_lossy().into_owned();
            Input::from_bytes(&id, &name, std::fs::read(path).ok()?).ok()
        })
        .collect();
    let megabytes = inputs.iter().map(|i| i.content.len()).sum::<usize>() as f64 / 1e6;
    let start = Instant::now();
    let kept: Vec<Vec<u8>> = inputs.iter().filter_map(|i| extract_part(i).ok()).map(|p| p.to_bytes()).collect();
    let parts_seconds = start.elapsed().as_secs_f64();
    let kept_megabytes = kept.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let decode = || kept.iter().filter_map(|b| Part::from_bytes(b).ok()).collect::<Vec<Part>>();
    if let Some(times) = only_assemble {
        for _ in 0..times {
            match index.as_deref() {
                Some("index") => drop(std::hint::black_box(assemble_indexed(decode(), &mut |_| ()))),
                Some("index-from-texts") => {
                    drop(std::hint::black_box(Index::from_extraction(assemble(decode()).extraction)))
                }
                _ => drop(std::hint::black_box(assemble(decode()))),
            }
        }
        return;
    }
    let decoding = best_of(5, decode);
    let assembling = best_of(5, || assemble(decode()));
    let extracting = best_of(5, || extract(&inputs));
    println!(
        "{} articles, {megabytes:.2} MB ({kept_megabytes:.2} MB of parts): parts {parts_seconds:.3} s once; \
         assemble from kept parts {assembling:.3} s (decoding {decoding:.3} s); extract afresh {extracting:.3} s",
        kept.len()
    );
    let (assembled, stages) = assemble_timed(decode());
    let json = |e: &storyscope::Extraction| serde_json::to_string(e).unwrap_or_default();
    let same = json(&assembled.extraction) == json(&extract(&inputs).extraction);
    println!(
        "one assembly by stage (s): analysis {:.3}, entities {:.3}, quotes {:.3}, times {:.3}, events {:.3}, \
         offsets {:.3}; the same as extracting afresh: {}",
        stages.analysis,
        stages.entities,
        stages.quotes,
        stages.times,
        stages.events,
        stages.offsets,
        if same { "yes" } else { "NO" }
    );
}
