//! Article parsing alone (text, Markdown with front matter, HTML): must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use storyscope::article::{self, Format};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let format = [Format::Plain, Format::Markdown, Format::Html][usize::from(first % 3)];
    let text = String::from_utf8_lossy(rest);
    let _ = article::parse(&text, Some(format), "fuzz", &article::Metadata::default());
});
