//! The wasm allocator's front for small blocks: [`Classes`] serves blocks up to
//! [`Classes::LARGEST`] bytes by size class, cut from runs its back allocator (talc) gives,
//! and keeps each freed block on its class's list for the next request of that class; every
//! other request goes to the back allocator as it is. The native CLI has a front of the same
//! design over its own talc (src/main.rs), with 16-byte steps and a lock; this one steps by 8
//! bytes (wasm32's largest alignment of small values, so more sizes fit their class closely)
//! and has no lock (single-threaded wasm). With it the wasm's memory after an extraction is
//! about 1-3% larger (0.6 MiB more after `extract()` of 2 MB of news, 1.3 MiB after the page's
//! path): freed blocks serve only their own class.
//!
//! It does not give memory back, merge freed blocks or move a block from one class to another:
//! a freed block serves only its class. The extraction affords that: its small blocks are
//! mostly long-lived (the contract's strings and lists), and the short-lived ones come back in
//! the same few sizes.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

/// The step of the size classes: class `k` serves the sizes up to `k * STEP` bytes, in blocks of
/// that size aligned to `STEP` (the largest alignment of the core's small values in wasm32:
/// `u64` and `f64`).
const STEP: usize = 8;

/// How many classes there are: up to 64 * 8 = 512 bytes.
const CLASSES: usize = 64;

/// The size of the runs of memory that class blocks are cut from, each asked of the back.
const RUN: usize = 32 * 1024;

/// Small blocks by class in front of `B` (see the module doc).
pub(crate) struct Classes<B> {
    back: B,
    state: UnsafeCell<State>,
}

/// The class lists and the run being cut.
struct State {
    /// The first freed block of each class (index = class), each block's first word pointing
    /// to the next; null when the list is empty.
    free: [*mut u8; CLASSES + 1],
    /// The rest of the run being cut: its next free byte and its end (both null at first).
    next: *mut u8,
    end: *mut u8,
}

// SAFETY: the wasm build is single-threaded (no `atomics` target feature: the build fails on
// anything else, below), so the state is never reached from two threads.
unsafe impl<B: Sync> Sync for Classes<B> {}

const _: () = assert!(cfg!(all(target_family = "wasm", not(target_feature = "atomics"))), "single-threaded wasm only");

impl<B> Classes<B> {
    /// Requests of more bytes than this go to the back.
    const LARGEST: usize = CLASSES * STEP;

    pub(crate) const fn new(back: B) -> Self {
        Classes {
            back,
            state: UnsafeCell::new(State {
                free: [core::ptr::null_mut(); CLASSES + 1],
                next: core::ptr::null_mut(),
                end: core::ptr::null_mut(),
            }),
        }
    }
}

/// The size class of a request, or `None` when it is too large or too aligned for a class (the
/// back serves it). Class 0 (a zero size) is a class of 0-byte blocks like any other: the
/// allocator is never asked for one (`GlobalAlloc` callers never pass a zero size).
#[inline]
fn class_of(layout: Layout) -> Option<usize> {
    let class = layout.size().div_ceil(STEP);
    (class <= CLASSES && layout.align() <= STEP).then_some(class)
}

impl State {
    /// A block of the class: the first on its list, or the next cut from the run (a new run
    /// from `back` when the rest is too short; the rest, under 512 bytes, is left).
    ///
    /// # Safety
    /// `class` is at most [`CLASSES`], and `back` is the allocator of every run.
    #[inline]
    unsafe fn take(&mut self, class: usize, back: &impl GlobalAlloc) -> *mut u8 {
        // OK because `class <= CLASSES` (the caller's `class_of`).
        let block = self.free[class];
        if !block.is_null() {
            // SAFETY: a block on a list is free, and its first word is the next's address.
            self.free[class] = unsafe { block.cast::<*mut u8>().read() };
            return block;
        }
        let size = class * STEP;
        if (self.end as usize) - (self.next as usize) < size {
            // SAFETY: RUN is a valid, non-zero size at alignment STEP.
            let run = unsafe { back.alloc(Layout::from_size_align_unchecked(RUN, STEP)) };
            if run.is_null() {
                return run;
            }
            self.next = run;
            // SAFETY: the run is RUN bytes long.
            self.end = unsafe { run.add(RUN) };
        }
        let block = self.next;
        // SAFETY: `size` bytes from `next` lie in the run (checked above).
        self.next = unsafe { block.add(size) };
        block
    }

    /// Puts a freed block of the class on its list.
    ///
    /// # Safety
    /// `block` is a block of `class` (at least a word long and aligned for it) that is no
    /// longer used.
    #[inline]
    unsafe fn give(&mut self, block: *mut u8, class: usize) {
        // SAFETY: see above.
        unsafe { block.cast::<*mut u8>().write(self.free[class]) };
        self.free[class] = block;
    }
}

// SAFETY: every block is freed by the side that made it, chosen by its layout (which `dealloc`
// and `realloc` are given as allocated): a block of a class is `class * STEP` bytes of a run,
// aligned to STEP, given out once at a time (its first word is the list's link only while it
// is free); any other block is the back's. A zero-size class 0 is never asked for. The state is
// reached by one call at a time (single-threaded, and the back never calls back into it).
unsafe impl<B: GlobalAlloc> GlobalAlloc for Classes<B> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            // SAFETY: see the impl's note; `class <= CLASSES`.
            Some(class) if class > 0 => unsafe { (*self.state.get()).take(class, &self.back) },
            // SAFETY: the caller's layout, passed on.
            _ => unsafe { self.back.alloc(layout) },
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        match class_of(layout) {
            // SAFETY: `ptr` is a block of this class (see the impl's note).
            Some(class) if class > 0 => unsafe { (*self.state.get()).give(ptr, class) },
            // SAFETY: a block the back made, with its layout.
            _ => unsafe { self.back.dealloc(ptr, layout) },
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees that `new_size`, rounded up to the alignment, does not
        // overflow `isize`.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let (old_class, new_class) = (class_of(layout), class_of(new_layout));
        if old_class.is_some() && old_class == new_class {
            return ptr;
        }
        if layout.size() > Self::LARGEST && new_class.is_none() {
            // The back's block stays the back's (talc resizes in place when it can).
            // SAFETY: the caller's block and sizes, passed on.
            return unsafe { self.back.realloc(ptr, layout, new_size) };
        }
        // SAFETY: `new_layout` is valid (above) and non-zero (the caller's `new_size`).
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            // SAFETY: both blocks hold at least the smaller size, and they are distinct.
            unsafe {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}
