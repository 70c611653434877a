//! The embedded default corpus: the seed articles as raw text, with their manifest.
//!
//! `build.rs` turns `seeds/manifest.toml` into the table below; the texts are `include_str!`ed
//! and parsed at run time like any other input (in the browser, when the page loads).

use crate::article::{Metadata, Published};
use crate::model::PublishedSource;
use crate::pipeline::Input;

/// One embedded article and what its manifest says about it.
#[derive(Clone, Copy, Debug)]
pub struct Seed {
    pub file: &'static str,
    pub text: &'static str,
    pub published: Option<&'static str>,
    /// `day` or `minute`: how precise `published` is.
    pub precision: Option<&'static str>,
    pub author: Option<&'static str>,
    pub outlet: Option<&'static str>,
    pub url: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The seeds as pipeline inputs.
pub fn inputs() -> Vec<Input> {
    SEEDS
        .iter()
        .map(|seed| Input {
            id: seed.file.rsplit_once('.').map_or(seed.file, |(stem, _)| stem).to_string(),
            name: seed.file.to_string(),
            content: seed.text.to_string(),
            format: None,
            known: Metadata {
                title: None,
                // A malformed manifest date fails the test below, not the reader.
                published: seed
                    .published
                    .and_then(crate::calendar::parse_iso)
                    .map(|stamp| Published { stamp, source: PublishedSource::Manifest }),
                author: seed.author.map(str::to_string),
                outlet: seed.outlet.map(str::to_string),
                url: seed.url.map(str::to_string),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn manifest_dates_are_dates() {
        for seed in super::SEEDS {
            if let Some(published) = seed.published {
                assert!(crate::calendar::parse_iso(published).is_some(), "{}: published = {published:?}", seed.file);
            }
        }
    }
}
