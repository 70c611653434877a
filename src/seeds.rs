//! The embedded default corpus: the seed articles as raw text, with their manifest.
//!
//! `build.rs` turns `seeds/manifest.toml` into the table below; the texts are `include_str!`ed
//! and parsed at run time like any other input (in the browser, when the page loads).

use crate::model::PublishedSource;
use crate::pipeline::{Input, Known};

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
            known: Known {
                published: seed.published.map(str::to_string),
                published_source: PublishedSource::Manifest,
                title: None,
                author: seed.author.map(str::to_string),
                outlet: seed.outlet.map(str::to_string),
                url: seed.url.map(str::to_string),
            },
        })
        .collect()
}
