//! The inverted index: folded word → the sorted list of items (documents, quotes, events or
//! entities) whose text contains it, over a sorted vocabulary so that a prefix is a range.
//! Also the parsed full-text query. It stores no positions: match spans are found again by
//! rescanning the few documents shown (see `search`).

use super::bits::Bits;
use super::fold;
use crate::text::FxHashMap;

/// A full-text query: every word must match (AND); the last one also matches as a prefix while
/// the user is still typing it (the query does not end with a space or punctuation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Terms {
    pub exact: Vec<String>,
    pub prefix: Option<String>,
}

impl Terms {
    pub(crate) fn parse(q: &str) -> Terms {
        let mut exact = fold::words(q);
        let typing = q.chars().last().is_some_and(char::is_alphanumeric);
        let prefix = if typing { exact.pop() } else { None };
        let mut seen = Vec::new();
        exact.retain(|w| {
            if seen.contains(w) {
                false
            } else {
                seen.push(w.clone());
                true
            }
        });
        Terms { exact, prefix }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.exact.is_empty() && self.prefix.is_none()
    }

    /// True when the folded `word` is one of the query's words (or starts with its prefix).
    pub(crate) fn matches_word(&self, word: &str) -> bool {
        self.exact.iter().any(|t| t == word) || self.prefix.as_deref().is_some_and(|p| word.starts_with(p))
    }
}

pub(crate) struct WordIndex {
    /// Sorted folded words.
    vocabulary: Vec<Box<str>>,
    /// For each word, the ascending indices of the items containing it.
    postings: Vec<Vec<u32>>,
    items: usize,
}

#[derive(Default)]
pub(crate) struct WordIndexBuilder {
    ids: FxHashMap<String, u32>,
    postings: Vec<Vec<u32>>,
    buf: String,
    items: usize,
}

impl WordIndexBuilder {
    /// Adds the words of `text` to item `item`. Items must be added in ascending order (an
    /// item may be added several times in a row, for several fields).
    pub(crate) fn add(&mut self, item: usize, text: &str) {
        let item32 = item as u32;
        self.items = self.items.max(item + 1);
        let mut buf = std::mem::take(&mut self.buf);
        fold::for_each_word(text, &mut buf, |word, _| {
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.postings.len() as u32;
                    self.ids.insert(word.to_string(), id);
                    self.postings.push(Vec::new());
                    id
                }
            };
            let list = &mut self.postings[id as usize];
            if list.last() != Some(&item32) {
                list.push(item32);
            }
        });
        self.buf = buf;
    }

    /// The index over `items` items (at least as many as were added).
    pub(crate) fn finish(self, items: usize) -> WordIndex {
        let mut postings = self.postings;
        let mut entries: Vec<(String, Vec<u32>)> =
            self.ids.into_iter().map(|(word, id)| (word, std::mem::take(&mut postings[id as usize]))).collect();
        // The words are the keys of a map, so no two are equal and a stable sort orders them alike.
        crate::sorting::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        let (vocabulary, postings): (Vec<_>, Vec<_>) = entries
            .into_iter()
            .map(|(word, mut list)| {
                list.shrink_to_fit();
                (word.into_boxed_str(), list)
            })
            .unzip();
        WordIndex { vocabulary, postings, items: items.max(self.items) }
    }
}

impl WordIndex {
    /// The items containing every query word (all items for an empty query).
    pub(crate) fn matching(&self, terms: &Terms) -> Bits {
        let mut result = Bits::full(self.items);
        for word in &terms.exact {
            let found = match self.vocabulary.binary_search_by(|w| (**w).cmp(word.as_str())) {
                Ok(k) => Bits::of(self.items, self.postings[k].iter().copied()),
                Err(_) => Bits::empty(self.items),
            };
            result = result.and(&found);
        }
        if let Some(prefix) = &terms.prefix {
            let first = self.vocabulary.partition_point(|w| **w < **prefix);
            let mut found = Bits::empty(self.items);
            for k in first..self.vocabulary.len() {
                if !self.vocabulary[k].starts_with(prefix.as_str()) {
                    break;
                }
                for &item in &self.postings[k] {
                    found.insert(item as usize);
                }
            }
            result = result.and(&found);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> WordIndex {
        let mut builder = WordIndexBuilder::default();
        for (i, text) in texts.iter().enumerate() {
            builder.add(i, text);
        }
        builder.finish(texts.len() + 1)
    }

    fn found(index: &WordIndex, q: &str) -> Vec<usize> {
        index.matching(&Terms::parse(q)).iter().collect()
    }

    #[test]
    fn words_are_anded_and_the_last_one_is_a_prefix_while_typing() {
        let ix = index(&["The café in Gdańsk", "A CAFE owner", "Cafeteria news", "Gdansk cafés"]);
        assert_eq!(found(&ix, "cafe"), [0, 1, 2, 3]);
        assert_eq!(found(&ix, "cafe "), [0, 1]);
        assert_eq!(found(&ix, "GDAŃSK café"), [0, 3]);
        assert_eq!(found(&ix, "GDAŃSK café."), [0]);
        assert_eq!(found(&ix, "gdańsk caf"), [0, 3]);
        assert_eq!(found(&ix, "zebra caf"), Vec::<usize>::new());
        assert_eq!(found(&ix, "  "), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_query_ending_in_punctuation_is_complete() {
        let q = Terms::parse("Mayor's \"plan\"");
        assert_eq!(q, Terms { exact: vec!["mayor".into(), "s".into(), "plan".into()], prefix: None });
        let typing = Terms::parse("plan ma");
        assert!(typing.matches_word("mayor") && typing.matches_word("plan") && !typing.matches_word("planned"));
    }
}
