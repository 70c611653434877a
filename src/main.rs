//! `storyscope`: the command-line face of the core, for batch work, tests and benchmarks.
//!
//! `storyscope extract [--dct YYYY-MM-DD[THH:MM]] [--seeds] PATH...` prints the extraction contract as
//! JSON. This file only reads files and arguments; all extraction is in the library.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use storyscope::json::Layout;
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

/// The native CLI's allocator: talc for small allocations, over blocks of a MiB from the
/// system allocator (glibc's malloc), and glibc's malloc itself for large ones (see
/// [`native_allocator::Split`]). The extraction makes some 170,000 allocations a MB of news,
/// most of them small and long-lived (the contract's strings and lists), so glibc's thread
/// cache rarely serves them. The wasm build has its own (src/wasm_api.rs).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: native_allocator::Split = native_allocator::Split::new();

#[cfg(not(target_arch = "wasm32"))]
mod native_allocator {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicBool, Ordering};

    /// Allocations of this many bytes and more go to the system allocator.
    const LARGE: usize = 64 * 1024;

    /// Small allocations from talc, large ones from the system allocator, by size alone, so
    /// each block goes back to the allocator that made it (`dealloc` and `realloc` are given
    /// the size it was allocated with). Talc alone took more peak memory on inputs of many
    /// large, short-lived lists (a long byline block: 20.0 MiB per MB against 17.8), which
    /// glibc hands back to the system as they are freed; glibc alone spent more instructions
    /// on the many small ones.
    pub(crate) struct Split {
        small: talc::sync::TalcLock<SpinLock, talc::source::GlobalAllocSource<System>, talc::DefaultBinning>,
    }

    impl Split {
        pub(crate) const fn new() -> Self {
            Split { small: talc::sync::TalcLock::new(talc::source::GlobalAllocSource::new(System)) }
        }
    }

    // SAFETY: every block is allocated and freed by the same allocator, chosen by its size
    // (which `dealloc` and `realloc` are given as allocated); a `realloc` across `LARGE`
    // allocates in the other, copies the smaller of the two sizes and frees the old block.
    unsafe impl GlobalAlloc for Split {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if layout.size() >= LARGE {
                System.alloc(layout)
            } else {
                self.small.alloc(layout)
            }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            if layout.size() >= LARGE {
                System.alloc_zeroed(layout)
            } else {
                self.small.alloc_zeroed(layout)
            }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if layout.size() >= LARGE {
                System.dealloc(ptr, layout)
            } else {
                self.small.dealloc(ptr, layout)
            }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            match (layout.size() >= LARGE, new_size >= LARGE) {
                (true, true) => System.realloc(ptr, layout, new_size),
                (false, false) => self.small.realloc(ptr, layout, new_size),
                _ => {
                    // SAFETY: the caller guarantees that `new_size`, rounded up to the
                    // alignment, does not overflow `isize`.
                    let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
                    let new = self.alloc(new_layout);
                    if !new.is_null() {
                        std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                        self.dealloc(ptr, layout);
                    }
                    new
                }
            }
        }
    }

    /// The lock around talc: a flag set while one thread allocates. The CLI runs one thread,
    /// so it is never contended; a second thread would wait by spinning.
    pub(crate) struct SpinLock(AtomicBool);

    // SAFETY: `lock` returns only once this thread has turned the flag from false to true
    // (acquire ordering), and `unlock`, called only by the holder, sets it back (release), so
    // one holder at a time.
    unsafe impl talc::lock_api::RawMutex for SpinLock {
        #[allow(clippy::declare_interior_mutable_const)] // What lock_api asks: each lock is a copy.
        const INIT: SpinLock = SpinLock(AtomicBool::new(false));
        type GuardMarker = talc::lock_api::GuardSend;

        fn lock(&self) {
            while self.0.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
                std::hint::spin_loop();
            }
        }

        fn try_lock(&self) -> bool {
            self.0.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok()
        }

        unsafe fn unlock(&self) {
            self.0.store(false, Ordering::Release);
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// A block keeps its bytes when `realloc` moves it between the two allocators (small
        /// to large and back) and within each, and every block is freed by its own one.
        #[test]
        fn realloc_keeps_the_bytes_across_the_split() {
            let split = Split::new();
            let sizes = [24, LARGE - 1, LARGE, 3 * LARGE, LARGE + 8, 100, 7];
            let align = 8;
            // SAFETY: each block is used within the size it was last given, and reallocated
            // or freed with the layout it has.
            unsafe {
                let mut layout = Layout::from_size_align(sizes[0], align).expect("layout");
                let mut block = split.alloc(layout);
                assert!(!block.is_null());
                for k in 0..layout.size() {
                    *block.add(k) = (k % 251) as u8;
                }
                for &size in &sizes[1..] {
                    let kept = layout.size().min(size);
                    block = split.realloc(block, layout, size);
                    assert!(!block.is_null(), "{size}");
                    layout = Layout::from_size_align(size, align).expect("layout");
                    for k in 0..kept {
                        assert_eq!(*block.add(k), (k % 251) as u8, "byte {k} after realloc to {size}");
                    }
                    for k in kept..size {
                        *block.add(k) = (k % 251) as u8;
                    }
                }
                split.dealloc(block, layout);
                let zeroed = Layout::from_size_align(2 * LARGE, align).expect("layout");
                let block = split.alloc_zeroed(zeroed);
                assert!((0..zeroed.size()).all(|k| *block.add(k) == 0));
                split.dealloc(block, zeroed);
            }
        }
    }
}

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

    // Streamed to standard output: the JSON is several times the input, and never held whole
    // (the writer hands it over in blocks: no BufWriter needed).
    let layout = if compact { Layout::Compact } else { Layout::Pretty };
    let mut stdout = unbuffered_stdout();
    let json = storyscope::json::write_extraction(&mut stdout, &outcome.extraction, layout);
    // The process ends next, and the system takes its memory back at once: freeing the
    // extraction's strings one by one would cost more than a tenth of writing them.
    std::mem::forget(outcome.extraction);
    let written = json.and_then(|()| writeln!(stdout)).and_then(|()| stdout.flush());
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

/// Standard output without std's line buffering, where the system allows: the JSON writer
/// hands over blocks of 64 KiB, and std's `Stdout` looks for the last line break in each
/// before writing it (through the whole block in the compact layout, which has none: a tenth
/// of the cost of writing). Nothing else is written to standard output before it.
#[cfg(unix)]
fn unbuffered_stdout() -> Box<dyn Write> {
    use std::os::fd::AsFd;
    match std::io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(std::fs::File::from(fd)),
        Err(_) => Box::new(std::io::stdout().lock()),
    }
}

#[cfg(not(unix))]
fn unbuffered_stdout() -> Box<dyn Write> {
    Box::new(std::io::stdout().lock())
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
