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

/// The native CLI's allocator: blocks up to 512 bytes by size class, cut from runs that talc
/// gives, talc for the other small allocations (over blocks of a MiB from the system
/// allocator, glibc's malloc), and glibc's malloc itself for large ones (see
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
    use talc::base::Talc;
    use talc::source::GlobalAllocSource;

    /// Allocations of this many bytes and more go to the system allocator.
    const LARGE: usize = 64 * 1024;

    /// The step of the small blocks' size classes: class `k` serves the sizes up to
    /// `k * CLASS_STEP` bytes, in blocks of that size aligned to `CLASS_STEP` (glibc's
    /// alignment). A step of 32 (talc's chunk unit) took 2-4 MiB more peak memory on the
    /// bench corpora, one of 8 about the same as 16.
    const CLASS_STEP: usize = 16;

    /// How many size classes there are: up to 32 * 16 = 512 bytes. Larger small blocks are
    /// talc's.
    const CLASSES: usize = 32;

    /// The size of the runs of memory that class blocks are cut from, each asked of talc.
    const RUN: usize = 32 * 1024;

    /// Blocks up to 512 bytes cut in turn from runs of 32 KiB and kept, once freed, on a list
    /// per size class for the next request of that class; larger small blocks from talc (over
    /// blocks of a MiB from the system allocator), and large ones from the system allocator
    /// itself, by size alone, so each block goes back to the allocator that made it (`dealloc`
    /// and `realloc` are given the size it was allocated with). Talc alone took more peak
    /// memory on inputs of many large, short-lived lists (a long byline block: 20.0 MiB per
    /// MB against 17.8), which glibc hands back to the system as they are freed; glibc alone
    /// spent more instructions on the many small ones.
    ///
    /// Costs: talc's `allocate` took about 125 instructions a call and `deallocate` about 50
    /// (2 MB of news: 186,000 and 110,000 calls, most of them 512 bytes or less); a class
    /// block is a few loads and stores under the lock. A freed class block serves only its
    /// class (it is never merged with its neighbours or given back), which the extraction
    /// affords: its small blocks are mostly long-lived, and the short-lived ones come back
    /// in the same few sizes. Peak memory against talc's alone: from 2.9 MiB per MB less to
    /// 1.5 more on scripts/scaling.mjs's patterns (the largest 18.4 on both), 93.8 -> 95.7 MiB
    /// on corpus-unseen-news and 168.1 -> 168.2 on corpus-seeds.
    pub(crate) struct Split {
        small: talc::lock_api::Mutex<SpinLock, Small>,
    }

    /// Talc, the class lists and the run being cut, behind one lock.
    struct Small {
        talc: Talc<GlobalAllocSource<System>, talc::DefaultBinning>,
        /// The first freed block of each class (index = class), each block's first word
        /// pointing to the next; null when the list is empty.
        free: [*mut u8; CLASSES + 1],
        /// The rest of the run being cut: its next free byte and its end (both null at first).
        next: *mut u8,
        end: *mut u8,
    }

    // SAFETY: the raw pointers are memory owned by the allocator, reached only under its lock.
    unsafe impl Send for Small {}

    /// The size class of a small request, or None when it is too large or too aligned for
    /// a class (talc serves it).
    fn class_of(layout: Layout) -> Option<usize> {
        let class = layout.size().div_ceil(CLASS_STEP);
        (class <= CLASSES && layout.align() <= CLASS_STEP).then_some(class)
    }

    impl Small {
        /// A block of the class: the first on its list, or the next cut from the run (a new
        /// run from talc when the rest is too short; the rest, under 512 bytes, is left).
        unsafe fn take(&mut self, class: usize) -> *mut u8 {
            let block = self.free[class];
            if !block.is_null() {
                self.free[class] = block.cast::<*mut u8>().read();
                return block;
            }
            let size = class * CLASS_STEP;
            if (self.end as usize) - (self.next as usize) < size {
                // OK because: RUN is a valid layout size at alignment CLASS_STEP.
                let run = Layout::from_size_align(RUN, CLASS_STEP).expect("a run's layout");
                let Some(run) = self.talc.allocate(run) else {
                    return std::ptr::null_mut();
                };
                self.next = run.as_ptr();
                self.end = self.next.add(RUN);
            }
            let block = self.next;
            self.next = block.add(size);
            block
        }

        /// Puts a freed block of the class on its list.
        unsafe fn give(&mut self, block: *mut u8, class: usize) {
            block.cast::<*mut u8>().write(self.free[class]);
            self.free[class] = block;
        }
    }

    impl Split {
        pub(crate) const fn new() -> Self {
            Split {
                small: talc::lock_api::Mutex::new(Small {
                    talc: Talc::new(GlobalAllocSource::new(System)),
                    free: [std::ptr::null_mut(); CLASSES + 1],
                    next: std::ptr::null_mut(),
                    end: std::ptr::null_mut(),
                }),
            }
        }
    }

    // SAFETY: every block is allocated and freed by the same allocator, chosen by its size
    // (which `dealloc` and `realloc` are given as allocated); a `realloc` across `LARGE`
    // allocates in the other, copies the smaller of the two sizes and frees the old block.
    // Within the small side, a block of a class is `class * CLASS_STEP` bytes of a run, aligned
    // to CLASS_STEP, given out once at a time (its first word is the list's link only while it
    // is free), and a block too large or too aligned for a class is a talc block of the size
    // asked.
    unsafe impl GlobalAlloc for Split {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if layout.size() >= LARGE {
                return System.alloc(layout);
            }
            let mut small = self.small.lock();
            match class_of(layout) {
                Some(class) => small.take(class),
                None => small.talc.allocate(layout).map_or(std::ptr::null_mut(), |block| block.as_ptr()),
            }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            if layout.size() >= LARGE {
                return System.alloc_zeroed(layout);
            }
            let block = self.alloc(layout);
            if !block.is_null() {
                block.write_bytes(0, layout.size());
            }
            block
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if layout.size() >= LARGE {
                return System.dealloc(ptr, layout);
            }
            let mut small = self.small.lock();
            match class_of(layout) {
                Some(class) => small.give(ptr, class),
                None => small.talc.deallocate(ptr, layout),
            }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            // SAFETY: the caller guarantees that `new_size`, rounded up to the alignment,
            // does not overflow `isize`.
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            match (layout.size() >= LARGE, new_size >= LARGE) {
                (true, true) => return System.realloc(ptr, layout, new_size),
                (false, false) => {
                    let (old_class, new_class) = (class_of(layout), class_of(new_layout));
                    if old_class.is_some() && old_class == new_class {
                        return ptr;
                    }
                    // Talc resizes its own blocks in place when it can.
                    if old_class.is_none()
                        && new_class.is_none()
                        && self.small.lock().talc.try_realloc_in_place(ptr, layout, new_size)
                    {
                        return ptr;
                    }
                }
                _ => {}
            }
            let new = self.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }

    /// The lock around talc and the class lists: a flag set while one thread allocates. The CLI runs one thread,
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
        /// to large and back), between size classes, within a class, between a class and
        /// talc, and within each, and every block is freed by its own one.
        #[test]
        fn realloc_keeps_the_bytes_across_the_split() {
            let split = Split::new();
            let sizes = [24, 32, 33, 512, 513, 2000, 40, LARGE - 1, LARGE, 3 * LARGE, LARGE + 8, 100, 7, 1];
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

        /// Blocks of every class, of talc and of the system, made, written and freed in a
        /// scrambled order over several rounds (so freed class blocks are given out again),
        /// never overlap: each keeps the bytes written into it until it is freed. A reused
        /// class block that `alloc_zeroed` gives out is zeroed.
        #[test]
        fn blocks_given_out_again_never_overlap() {
            let split = Split::new();
            let mut state = 0x9E37_79B9_7F4A_7C15_u64;
            let mut random = move |below: usize| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % below as u64) as usize
            };
            let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
            // SAFETY: each block is written within its size and freed once, with its layout.
            unsafe {
                for round in 0..4000_usize {
                    if live.len() > 200 || (!live.is_empty() && random(3) == 0) {
                        let (block, layout, fill) = live.swap_remove(random(live.len()));
                        assert!((0..layout.size()).all(|k| *block.add(k) == fill), "block of {} bytes", layout.size());
                        split.dealloc(block, layout);
                        continue;
                    }
                    let size = match random(10) {
                        0 => 600 + random(3000),
                        1 => LARGE + random(1000),
                        _ => 1 + random(CLASSES * CLASS_STEP),
                    };
                    let align = [1, 8, 16, 64][random(4)];
                    let layout = Layout::from_size_align(size, align).expect("layout");
                    let zeroed = round % 5 == 0;
                    let block = if zeroed { split.alloc_zeroed(layout) } else { split.alloc(layout) };
                    assert!(!block.is_null());
                    assert_eq!(block as usize % align, 0, "alignment {align}");
                    if zeroed {
                        assert!((0..size).all(|k| *block.add(k) == 0), "zeroed block of {size} bytes");
                    }
                    let fill = (round % 251) as u8 + 1;
                    block.write_bytes(fill, size);
                    live.push((block, layout, fill));
                }
                for (block, layout, fill) in live {
                    assert!((0..layout.size()).all(|k| *block.add(k) == fill));
                    split.dealloc(block, layout);
                }
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
