//! `storyscope`: the command-line face of the core, for batch work, tests and benchmarks.
//!
//! `storyscope extract [--dct YYYY-MM-DD[THH:MM]] [--seeds] PATH...` prints the extraction contract as
//! JSON. This file only reads files and arguments; all extraction is in the library.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyscope::model::PublishedSource;
use storyscope::{Failure, Input, Published};

const USAGE: &str = "\
usage: storyscope extract [--dct YYYY-MM-DD[THH:MM]] [--seeds] [--compact] PATH...

Extracts documents, quotes, entities, times and events from articles and prints them as JSON.
PATH is a file (.txt, .md, .html), a folder (read recursively), or - for standard input.
  --dct DATE   the document creation time of every input (wins over what the text says)
  --seeds      also extract the embedded seed articles
  --compact    print JSON on one line
  --timings    print the seconds each stage took to standard error (JSON)";

fn main() -> ExitCode {
    keep_large_blocks_mapped();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") => extract(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Makes glibc's malloc give every block of 256 KiB or more its own mapping, returned to the
/// system when freed. By default the threshold rises to the size of each large block freed
/// (up to 32 MiB), and later blocks below it come from the heap, whose freed middle is never
/// given back: on one long document (6.4 MB of dates joined by commas) the peak resident
/// memory was 132.5 MiB with the default, 122.2 with a fixed threshold, for the same
/// allocations.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_large_blocks_mapped() {
    const M_MMAP_THRESHOLD: i32 = -3;
    extern "C" {
        fn mallopt(param: i32, value: i32) -> i32;
    }
    // SAFETY: mallopt sets one of glibc's allocator settings; it is called first thing in main,
    // before any other thread exists, with a documented parameter and value.
    unsafe {
        mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_large_blocks_mapped() {}

fn extract(args: &[String]) -> ExitCode {
    let mut dct = None;
    let mut paths = Vec::new();
    let mut seeds = false;
    let mut compact = false;
    let mut timings = false;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--dct" => match it.next() {
                Some(value) => dct = Some(value.clone()),
                None => return usage_error("--dct needs a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"),
            },
            "--seeds" => seeds = true,
            "--compact" => compact = true,
            "--timings" => timings = true,
            "-" => paths.push(PathBuf::from("-")),
            flag if flag.starts_with("--") => return usage_error(&format!("unknown option {flag}")),
            path => paths.push(PathBuf::from(path)),
        }
    }
    let dct = match dct {
        Some(d) => match storyscope::calendar::parse_iso(&d).filter(|_| storyscope::calendar::is_date_or_time(&d)) {
            Some(stamp) => Some(Published { stamp, source: PublishedSource::Flag }),
            None => return usage_error(&format!("--dct {d}: expected a date as YYYY-MM-DD or YYYY-MM-DDTHH:MM")),
        },
        None => None,
    };
    if paths.is_empty() && !seeds {
        return usage_error("no input: give files, folders, - for standard input, or --seeds");
    }

    let mut failures = Vec::new();
    let mut inputs = if seeds { storyscope::seeds::inputs() } else { Vec::new() };
    for path in &paths {
        read_path(path, &mut inputs, &mut failures);
    }
    if dct.is_some() {
        for input in &mut inputs {
            input.known.published = dct;
        }
    }
    let (outcome, stage_times) = storyscope::extract_timed_owned(inputs);
    if timings {
        eprintln!("{}", serde_json::to_string(&stage_times).unwrap_or_default());
    }
    failures.extend(outcome.failures);

    // Streamed to standard output: the JSON is several times the input, and never held whole.
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let json = if compact {
        serde_json::to_writer(&mut stdout, &outcome.extraction)
    } else {
        let mut serializer = serde_json::Serializer::with_formatter(&mut stdout, Pretty::default());
        serde::Serialize::serialize(&outcome.extraction, &mut serializer)
    };
    // The process ends next, and the system takes its memory back at once: freeing the
    // extraction's strings one by one would cost more than a tenth of writing them.
    std::mem::forget(outcome.extraction);
    let written = json.map_err(std::io::Error::other).and_then(|()| writeln!(stdout)).and_then(|()| stdout.flush());
    if let Err(e) = written {
        eprintln!("storyscope: cannot write the output: {e}");
        return ExitCode::FAILURE;
    }
    for f in &failures {
        eprintln!("storyscope: {}: {}", f.name, f.reason);
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("storyscope: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// Reads a file, a folder (recursively, in name order) or standard input into `inputs`.
fn read_path(path: &Path, inputs: &mut Vec<Input>, failures: &mut Vec<Failure>) {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        match std::io::stdin().read_to_end(&mut bytes) {
            Ok(_) => push_input("stdin", "stdin", bytes, inputs, failures),
            Err(e) => failures.push(Failure { name: "stdin".into(), reason: e.to_string() }),
        }
        return;
    }
    if path.is_dir() {
        return read_folder(path, inputs, failures);
    }
    read_file(path, inputs, failures);
}

/// Reads the article files of a folder and its subfolders, in name order. Whether an entry is
/// a folder comes with the listing (no `stat` per file, which a corpus of many thousands of
/// short files felt), except for a symbolic link, which is followed.
///
/// The entries are sorted by name, which within one folder is the order of their paths: a
/// path compares component by component, and only the last one differs. Comparing whole
/// paths parsed both into components at each of the sort's comparisons (some 800
/// instructions each: 1% of a corpus of ten thousand files).
fn read_folder(path: &Path, inputs: &mut Vec<Input>, failures: &mut Vec<Failure>) {
    let mut entries: Vec<(std::ffi::OsString, PathBuf, bool)> = match std::fs::read_dir(path) {
        Ok(rd) => rd
            .filter_map(|e| {
                let e = e.ok()?;
                let path = e.path();
                let folder = match e.file_type() {
                    Ok(kind) if !kind.is_symlink() => kind.is_dir(),
                    _ => path.is_dir(),
                };
                Some((e.file_name(), path, folder))
            })
            .collect(),
        Err(e) => return failures.push(Failure { name: path.display().to_string(), reason: e.to_string() }),
    };
    // Names in one folder are distinct: no tie for a stable sort to keep.
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (_, entry, folder) in entries {
        let hidden = entry.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if folder {
            read_folder(&entry, inputs, failures);
        } else if is_article_file(&entry) {
            read_file(&entry, inputs, failures);
        }
    }
}

/// Reads one file as an input named by its stem.
fn read_file(path: &Path, inputs: &mut Vec<Input>, failures: &mut Vec<Failure>) {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => {
            let stem = path.file_stem().map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
            push_input(&stem, &name, bytes, inputs, failures);
        }
        Err(e) => failures.push(Failure { name, reason: e.to_string() }),
    }
}

/// In a folder, only article files are read (a manifest or an image beside them is not).
fn is_article_file(path: &Path) -> bool {
    path.file_name().is_some_and(|name| storyscope::files::is_article_name(&name.to_string_lossy()))
}

fn push_input(id: &str, name: &str, bytes: Vec<u8>, inputs: &mut Vec<Input>, failures: &mut Vec<Failure>) {
    match Input::from_bytes(id, name, bytes) {
        Ok(input) => inputs.push(input),
        Err(failure) => failures.push(failure),
    }
}

/// serde_json's pretty format (`to_writer_pretty`: two spaces a level), byte for byte, but each
/// line break and its indentation go out in one write instead of one write per level: the
/// contract's JSON is several times the input, and its indentation was a large share of the
/// CLI's work.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A comma, a line break and the indentation of [`Pretty::DEEPEST`] levels: a line starts
/// with `LINE[0..]` (after a comma) or `LINE[1..]`, cut at its depth.
const LINE: [u8; 2 + 2 * Pretty::DEEPEST] = {
    let mut line = [b' '; 2 + 2 * Pretty::DEEPEST];
    line[0] = b',';
    line[1] = b'\n';
    line
};

impl Pretty {
    /// The depth up to which a line starts with one write (the contract nests six levels).
    const DEEPEST: usize = 32;

    /// A line break (after a comma when `comma`) and the current indentation.
    fn line<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> std::io::Result<()> {
        let from = usize::from(!comma);
        match LINE.get(from..2 + 2 * self.depth) {
            Some(line) => w.write_all(line),
            None => {
                // OK because `from` is 0 or 1 and LINE is longer than 2.
                w.write_all(&LINE[from..2])?;
                (0..self.depth).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }

    /// Opens an array or an object: one level deeper, with no value in it yet.
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// Closes an array or an object; a non-empty one ends on a line of its own.
    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.line(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.line(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, Pretty::default());
        serde::Serialize::serialize(value, &mut serializer).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The CLI's JSON is serde_json's pretty JSON, byte for byte: the seeds' extraction, empty
    /// and nested arrays and objects, and nesting deeper than one write of indentation covers.
    #[test]
    fn pretty_output_is_serde_jsons() {
        let extraction = storyscope::extract_timed_owned(storyscope::seeds::inputs()).0.extraction;
        let seeds = serde_json::to_value(&extraction).unwrap();
        let mut deep = serde_json::json!({"a": [], "b": {}, "c": [1, {"d": "x\n\"y\""}]});
        for depth in 0..(Pretty::DEEPEST + 3) {
            deep = serde_json::json!({ "level": depth, "inner": [deep, []] });
        }
        for value in [seeds, deep, serde_json::json!([]), serde_json::json!({})] {
            assert_eq!(pretty(&value), serde_json::to_string_pretty(&value).unwrap());
        }
    }
}
