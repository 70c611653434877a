//! Where the wasm allocator (talc) gets more memory: [`GrowByShortfall`] grows the wasm's
//! linear memory a page at a time, extending the heap, until the allocation that asked fits.
//! It does not allocate, free or move anything itself, and it never shrinks memory (wasm
//! memory cannot shrink).
//!
//! Why not talc's own `WasmGrowAndExtend`: it grows by the whole size asked for, even when
//! the free space at the top of the heap already holds most of it, and the linear memory
//! never shrinks: each large vector the pipeline makes after freeing others (the token view,
//! the tagger's classes: megabytes on a long article) left the free top behind as unused
//! memory. Growing by the shortfall only costs one more `memory.grow` and retry per page
//! grown (a few hundred in an 8 MB article's run; each retry looks up one free list).

use core::alloc::Layout;
use core::ptr::NonNull;
use talc::base::binning::Binning;
use talc::base::Talc;

/// The wasm page (64 KiB).
const PAGE: usize = 1 << 16;

/// A talc [`talc::source::Source`]: grows by a page and extends the heap, again until the
/// allocation fits (talc calls `acquire` again while it does not). A page that does not
/// follow the heap (something else grew the memory) starts a new heap, sized for the whole
/// allocation, as talc's `WasmGrowAndExtend` does.
#[derive(Debug, Default)]
pub(crate) struct GrowByShortfall {
    /// The end of the heap, once claimed.
    end: Option<NonNull<u8>>,
}

impl GrowByShortfall {
    pub(crate) const fn new() -> Self {
        GrowByShortfall { end: None }
    }
}

/// `pages` more pages of linear memory: the address of the first, or `None` when the
/// memory cannot grow.
fn grow(pages: usize) -> Option<*mut u8> {
    match core::arch::wasm32::memory_grow::<0>(pages) {
        usize::MAX => None,
        previous => Some((previous * PAGE) as *mut u8),
    }
}

// SAFETY: `acquire` allocates nothing (no container, no formatting) and touches the
// allocator only through the `talc` it is given; it claims or extends only memory it has just
// grown, which nothing else uses.
unsafe impl talc::source::Source for GrowByShortfall {
    fn acquire<B: Binning>(talc: &mut Talc<Self, B>, layout: Layout) -> Result<(), ()> {
        let base = grow(1).ok_or(())?;
        if let Some(end) = talc.source.end {
            if end.as_ptr() == base {
                // SAFETY: `end` is the heap's end, and the page after it was just grown.
                talc.source.end = Some(unsafe { talc.extend(end, base.wrapping_add(PAGE)) });
                return Ok(());
            }
        }
        // A new heap: the page just grown and what the whole allocation needs beside talc's
        // own records (a chunk's header and alignment, and the heap's metadata), generously.
        let more = (layout.size() + layout.align() + 4 * PAGE).div_ceil(PAGE);
        grow(more).ok_or(())?;
        // SAFETY: the `1 + more` pages from `base` were just grown, contiguous, and are
        // unused.
        talc.source.end = unsafe { talc.claim(base, (1 + more) * PAGE) };
        // A claim too small for talc's records would have it ask again and again: stop.
        talc.source.end.map(|_| ()).ok_or(())
    }
}
