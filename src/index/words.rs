//! The inverted index: folded word → the sorted list of items (documents, quotes, events or
//! entities) whose text contains it, over a sorted vocabulary so that a prefix is a range.
//! Also the parsed full-text query. It stores no positions: match spans are found again by
//! rescanning the few documents shown (see `search`).

use super::bits::Bits;
use super::fold;
use crate::text::{Analysis, TokenKind};

/// A full-text query: every word must match (AND); the last one also matches as a prefix while
/// the user is still typing it (the query does not end with a space or punctuation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Terms {
    pub exact: Vec<String>,
    pub prefix: Option<String>,
}

impl Terms {
    pub(crate) fn parse(q: &str) -> Terms {
        let typing = q.chars().last().is_some_and(char::is_alphanumeric);
        let mut exact = Vec::new();
        // Between spaces: a search box holds no other white space worth a split of its own.
        let mut chunks = q.split(' ').peekable();
        while let Some(chunk) = chunks.next() {
            let words = fold::words(chunk);
            match date_term(chunk, &words, typing && chunks.peek().is_none()) {
                Some(date) => exact.push(date),
                None => exact.extend(words),
            }
        }
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

    /// The words for which `first` holds, and the others, each keeping its place (exact or
    /// prefix).
    pub(crate) fn split(&self, first: impl Fn(&str) -> bool) -> (Terms, Terms) {
        let (a, b): (Vec<String>, Vec<String>) = self.exact.iter().cloned().partition(|w| first(w));
        let (pa, pb) = match &self.prefix {
            Some(p) if first(p) => (Some(p.clone()), None),
            other => (None, other.clone()),
        };
        (Terms { exact: a, prefix: pa }, Terms { exact: b, prefix: pb })
    }

    /// True when the folded `word` is one of the query's words (or starts with its prefix).
    pub(crate) fn matches_word(&self, word: &str) -> bool {
        self.exact.iter().any(|t| t == word) || self.prefix.as_deref().is_some_and(|p| word.starts_with(p))
    }
}

/// A chunk of the query (between spaces) written as a month or a day (`2009-03`,
/// `(2009-03-01)`) as one term, which [`super::dated::days_of`] reads; else `None`, and its
/// `words` are terms as any others (so `2009-13` is `2009` and `13`). While it is `typed` (the
/// query's last chunk, not yet ended), a last part of one digit may be the start of two and is
/// left out: `2009-0` is the year and `2009-03-1` the month so far.
fn date_term(chunk: &str, words: &[String], typed: bool) -> Option<String> {
    // The words joined by '-' as the chunk writes them ("2009/03" is two words).
    let mut term = words.join("-");
    if words.len() < 2 || !chunk.contains(term.as_str()) {
        return None;
    }
    if typed && matches!(words.last().map(String::as_bytes), Some([b'0'..=b'9'])) {
        // OK because the term ends with '-' and that digit, two ASCII bytes.
        term.truncate(term.len() - 2);
    }
    super::dated::days_of(&term).map(|_| term)
}

/// The words of one kind of item, in one allocation per column rather than one per word.
#[cfg_attr(test, derive(PartialEq))]
pub(crate) struct WordIndex {
    /// The sorted folded words, one after another: word `k` ends at `ends[k]`.
    words: String,
    ends: Vec<u32>,
    /// Word `k`'s items are `postings[offsets[k]..offsets[k + 1]]`, ascending.
    offsets: Vec<u32>,
    postings: Vec<u32>,
    items: usize,
}

/// The documents' words for the index's search, collected while the stages' token views
/// exist: each document's title and body, in corpus order, the body read from its view
/// ([`WordIndexBuilder::add_analysis`]) rather than split and hashed again.
#[derive(Default)]
pub(crate) struct DocumentWords {
    builder: WordIndexBuilder,
    /// The documents added…
    documents: usize,
    /// …and those of them whose body was read from the view.
    from_views: usize,
}

impl DocumentWords {
    /// Adds the next document: its `title`, and its body as `analysis` reads it.
    pub(crate) fn add(&mut self, title: &str, analysis: &Analysis) {
        let item = self.documents;
        self.builder.add(item, title);
        if self.builder.add_analysis(item, analysis) {
            self.from_views += 1;
        } else {
            self.builder.add(item, analysis.text);
        }
        self.documents += 1;
    }

    /// The documents added so far.
    pub(crate) fn len(&self) -> usize {
        self.documents
    }

    /// How many of them had their body read from their token view.
    #[cfg(test)]
    pub(crate) fn read_from_views(&self) -> usize {
        self.from_views
    }

    pub(crate) fn finish(self, items: usize) -> WordIndex {
        self.builder.finish(items)
    }
}

/// Collects the words of items added in ascending order. Each distinct folded word is kept
/// once (in an arena, found again through an open-addressed table of ids), and each item a
/// word occurs in adds one `(word, item)` pair; [`WordIndexBuilder::finish`] sorts the words
/// once and lays the pairs out as the posting lists. No allocation per word or per list.
#[derive(Default)]
pub(crate) struct WordIndexBuilder {
    /// The distinct words in order of first sight; word `w` ends at `ends[w]`.
    arena: String,
    ends: Vec<u32>,
    hashes: Vec<u64>,
    /// Open addressing over word ids plus one (0 is an empty slot); a power of two long.
    slots: Vec<u32>,
    /// The last item each word was added to.
    last: Vec<u32>,
    /// `(word, item)` at each word's first occurrence in an item, in ascending item order.
    pairs: Vec<(u32, u32)>,
    buf: String,
    items: usize,
    /// [`WordIndexBuilder::add_analysis`]'s memo of what each word type is, by its id in
    /// `batch` (kept from document to document).
    types: Vec<u32>,
    batch: Option<u64>,
}

/// What a word type of the token view is to the search ([`WordIndexBuilder::types`]): not
/// met yet ([`UNSEEN`]), words to be found in each of its tokens ([`PER_TOKEN`]), or one
/// search word, its key, whose id in the builder is the number less one. (A `u32`, as the
/// builder's other lists: no other kind of list to grow in the wasm.)
const UNSEEN: u32 = 0;
const PER_TOKEN: u32 = u32::MAX;

impl WordIndexBuilder {
    /// Adds the words of `text` to item `item`. Items must be added in ascending order (an
    /// item may be added several times in a row, for several fields).
    ///
    /// The words are [`fold::for_each_word`]'s. Most are ASCII letters and digits between ASCII
    /// separators: those are hashed and compared as they lie in `text`, folded on the fly, and
    /// copied only when new. The rest of the text goes through `for_each_word` in stretches
    /// that begin and end at ASCII separators (or the text's ends), where a word always ends, so
    /// that it splits and folds them as it would the whole text.
    pub(crate) fn add(&mut self, item: usize, text: &str) {
        let item32 = item as u32;
        self.items = self.items.max(item + 1);
        let bytes = text.as_bytes();
        let separator = |b: u8| b.is_ascii() && !b.is_ascii_alphanumeric();
        let mut buf = std::mem::take(&mut self.buf);
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if separator(b) {
                i += 1;
                continue;
            }
            let run = bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            let end = i + run;
            // The run is a whole word when it is followed by an ASCII byte (a separator: the
            // run stopped there) or nothing; it began after a separator or at the start.
            if run > 0 && bytes.get(end).map_or(true, u8::is_ascii) {
                self.add_word(&bytes[i..end], true, item32);
                i = end;
                continue;
            }
            let stretch = bytes[i..].iter().position(|&b| separator(b)).map_or(bytes.len(), |n| i + n);
            // OK because `i` and `stretch` are at ASCII bytes or the end, so both are char
            // boundaries (an empty stretch would add nothing).
            fold::for_each_word(text.get(i..stretch).unwrap_or_default(), &mut buf, &mut |word, _| {
                self.add_word(word.as_bytes(), false, item32);
            });
            i = stretch;
        }
        self.buf = buf;
    }

    /// Adds the words of a document body to `item`, as [`WordIndexBuilder::add`] would find them
    /// in `analysis.text`, but read from its token view: a word type whose key is only ASCII
    /// letters and digits (most of news text) is one search word, its key, added once for the
    /// document without reading or hashing its tokens again; the tokens of any other type (with
    /// an apostrophe, a hyphen, a number's separator, or letters the key does not fold to
    /// ASCII) are split and folded one by one by [`fold::for_each_word`].
    ///
    /// Why that is `add`'s answer: every character that is not white space lies in a token, a
    /// word token holds no combining mark (which is no letter), and a type's key is the
    /// per-character fold `add` makes, with `’` and `ʼ` written `'` (a type whose key has `'`
    /// is read per token, so `ʼ`, a letter to `add`, is read as spelled). So a search word can
    /// only run across tokens where two word tokens touch (a run cut at the longest token) or
    /// through a combining mark's token, and text outside the tokens can only hold a word
    /// outside the analysed paragraphs, or after the last token (an analysis cut short at its
    /// most word types): in those cases, checked first, nothing is added and it returns false
    /// (the caller adds the text), as it does for a document analysed alone, outside a batch.
    pub(crate) fn add_analysis(&mut self, item: usize, analysis: &Analysis) -> bool {
        // What each type is (see [`UNSEEN`]), by its id in the batch the documents were analysed
        // in, so that each word type of the corpus is looked at and hashed once. A document
        // analysed alone (a corpus of one) is read from its text.
        let Some((batch, global)) = analysis.batch_words() else {
            return false;
        };
        if !words_lie_in_tokens(analysis) {
            return false;
        }
        let item32 = item as u32;
        self.items = self.items.max(item + 1);
        let mut types = std::mem::take(&mut self.types);
        if self.batch != Some(batch) {
            types.clear();
            self.batch = Some(batch);
        }
        let mut buf = std::mem::take(&mut self.buf);
        for token in &analysis.tokens {
            if token.kind() == TokenKind::Punct {
                continue;
            }
            let word = token.word();
            // A type beyond the list (no view has one: see `TokenView::fits`) is read per token.
            if let Some(&at) = global.get(word as usize) {
                let at = at as usize;
                if at >= types.len() {
                    types.resize(at + 1, UNSEEN);
                }
                match types[at] {
                    UNSEEN => {
                        let key = analysis.word_key(word).as_bytes();
                        if !key.is_empty() && key.iter().all(u8::is_ascii_alphanumeric) {
                            types[at] = self.add_word(key, false, item32) + 1;
                            continue;
                        }
                        types[at] = PER_TOKEN;
                    }
                    PER_TOKEN => {}
                    w => {
                        self.add_known(w - 1, item32);
                        continue;
                    }
                }
            }
            // OK because a token lies in its text at char boundaries (`get` keeps a wrong span
            // from panicking).
            let spelled = analysis.text.get(token.start()..token.end()).unwrap_or_default();
            fold::for_each_word(spelled, &mut buf, &mut |word, _| {
                self.add_word(word.as_bytes(), false, item32);
            });
        }
        self.buf = buf;
        self.types = types;
        true
    }

    /// Records that `word` ([`WordIndexBuilder::intern`]'s) occurs in `item`, once per item;
    /// gives its id.
    fn add_word(&mut self, word: &[u8], ascii: bool, item: u32) -> u32 {
        let w = self.intern(word, ascii, item);
        self.add_known(w, item);
        w
    }

    /// Records that word `w`, one of the builder's, occurs in `item`, once per item.
    fn add_known(&mut self, w: u32, item: u32) {
        // OK because `w` is the id of a word the builder keeps.
        if self.last[w as usize] != item {
            self.last[w as usize] = item;
            self.pairs.push((w, item));
        }
    }

    fn word(&self, w: u32) -> &str {
        let start = if w == 0 { 0 } else { self.ends[w as usize - 1] as usize };
        &self.arena[start..self.ends[w as usize] as usize]
    }

    /// The bytes of word `w`: what [`WordIndexBuilder::intern`] compares at every word of every
    /// text, without the char-boundary check of `str` slicing (a call in the wasm).
    fn word_bytes(&self, w: u32) -> &[u8] {
        let start = if w == 0 { 0 } else { self.ends[w as usize - 1] as usize };
        &self.arena.as_bytes()[start..self.ends[w as usize] as usize]
    }

    /// The id of `word` (the UTF-8 bytes of a word), kept (first seen in `item`, with its pair)
    /// if it is new. The word is folded already, or, when `ascii` is true, made of ASCII letters
    /// and digits as spelled: folding one of those bytes is setting its bit 0x20 (digits have
    /// it already), done here as it is hashed and compared, and in the copy kept when it is new.
    fn intern(&mut self, word: &[u8], ascii: bool, item: u32) -> u32 {
        if self.slots.len() < 2 * (self.ends.len() + 1) {
            self.grow();
        }
        let (hashed, fold) =
            if ascii { (crate::text::hash_with_bits(word, 0x20), 0x20) } else { (crate::text::hash(word), 0) };
        let mask = self.slots.len() - 1;
        let mut at = hashed as usize & mask;
        loop {
            match self.slots[at] {
                0 => break,
                slot if self.hashes[slot as usize - 1] == hashed
                    && same_folded(self.word_bytes(slot - 1), word, fold) =>
                {
                    return slot - 1
                }
                _ => at = (at + 1) & mask,
            }
        }
        let w = self.ends.len() as u32;
        let from = self.arena.len();
        // OK because a word is whole UTF-8 (a `str`'s word, or ASCII), so this never fails:
        // only a new word is checked, once.
        self.arena.push_str(std::str::from_utf8(word).unwrap_or_default());
        if ascii {
            // OK because `from` was the end of the arena, a char boundary.
            self.arena[from..].make_ascii_lowercase();
        }
        self.ends.push(self.arena.len() as u32);
        self.hashes.push(hashed);
        self.last.push(item);
        self.pairs.push((w, item));
        self.slots[at] = w + 1;
        // The caller sees `last` already at `item`: the pair is pushed here.
        w
    }

    /// Doubles the table (at least 256 slots) and places every word again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(256);
        self.slots = vec![0; size];
        let mask = size - 1;
        for (w, &hashed) in self.hashes.iter().enumerate() {
            let mut at = hashed as usize & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = w as u32 + 1;
        }
    }

    /// The index over `items` items (at least as many as were added).
    pub(crate) fn finish(self, items: usize) -> WordIndex {
        let count = self.ends.len();
        // Sorted by their first eight bytes as one big-endian number (zero-padded: no word
        // holds a zero byte, so its order is the words' order), then by the whole word where
        // those are equal: most comparisons are one integer comparison. The words are
        // distinct, so a stable sort orders them as any sort would.
        let mut order: Vec<(u64, u32)> = (0..count as u32)
            .map(|w| {
                let mut prefix = [0u8; 8];
                let word = self.word_bytes(w);
                let n = word.len().min(8);
                prefix[..n].copy_from_slice(&word[..n]);
                (u64::from_be_bytes(prefix), w)
            })
            .collect();
        // Bytes compare as their `str`s do.
        crate::sorting::sort_by(&mut order, |a, b| {
            a.0.cmp(&b.0).then_with(|| self.word_bytes(a.1).cmp(self.word_bytes(b.1)))
        });
        let mut rank = vec![0u32; count];
        let mut words = String::with_capacity(self.arena.len());
        let mut ends = Vec::with_capacity(count);
        for (k, &(_, w)) in order.iter().enumerate() {
            rank[w as usize] = k as u32;
            words.push_str(self.word(w));
            ends.push(words.len() as u32);
        }
        // Counting sort of the pairs by their word's rank; each list stays in item order.
        let mut offsets = vec![0u32; count + 1];
        for &(w, _) in &self.pairs {
            offsets[rank[w as usize] as usize + 1] += 1;
        }
        for k in 0..count {
            offsets[k + 1] += offsets[k];
        }
        let mut next = offsets.clone();
        let mut postings = vec![0u32; self.pairs.len()];
        for &(w, item) in &self.pairs {
            let slot = &mut next[rank[w as usize] as usize];
            postings[*slot as usize] = item;
            *slot += 1;
        }
        WordIndex { words, ends, offsets, postings, items: items.max(self.items) }
    }
}

/// True when every search word of `analysis.text` lies within one of its tokens (see
/// [`WordIndexBuilder::add_analysis`]): the text outside the analysed paragraphs and after the
/// last token holds only ASCII bytes that are no letters or digits (a blank line), no two word
/// or number tokens touch, and no token is a combining mark (or another character from
/// U+0300 to U+037F, which a check of the first byte cannot tell apart). Linear in the tokens.
fn words_lie_in_tokens(analysis: &Analysis) -> bool {
    let text = analysis.text.as_bytes();
    let blank = |from: usize, to: usize| {
        text.get(from..to).is_some_and(|gap| gap.iter().all(|b| b.is_ascii() && !b.is_ascii_alphanumeric()))
    };
    let mut end = 0;
    for paragraph in &analysis.paragraphs {
        if !blank(end, paragraph.start) {
            return false;
        }
        end = paragraph.end;
    }
    let after_tokens = analysis.tokens.last().map_or(0, |t| t.end());
    if !blank(after_tokens, text.len()) {
        return false;
    }
    let mut word_ends_at = None;
    for token in &analysis.tokens {
        if token.kind() == TokenKind::Punct {
            // U+0300 to U+037F start with the byte 0xCC or 0xCD.
            if matches!(text.get(token.start()), Some(0xCC | 0xCD)) {
                return false;
            }
            word_ends_at = None;
        } else {
            if word_ends_at == Some(token.start()) {
                return false;
            }
            word_ends_at = Some(token.end());
        }
    }
    true
}

/// True when `kept` holds the bytes of `word` with `fold` (0 or 0x20) set in each: eight bytes
/// at a step (the word's last partial step zero-padded on both sides, with `fold` set only in
/// the bytes it has), where a loop of bytes cost a step per byte in the wasm.
fn same_folded(kept: &[u8], word: &[u8], fold: u8) -> bool {
    use crate::bytes::{splat, word_le};
    if kept.len() != word.len() {
        return false;
    }
    let mut kept_words = kept.chunks(8);
    let mut words = word.chunks(8);
    // The chunks of two slices of one length pair up, and both end together.
    while let (Some(k), Some(w)) = (kept_words.next(), words.next()) {
        // OK because a chunk holds 1 to 8 bytes: the shift is 0 to 56.
        let set = splat(fold) >> (64 - 8 * w.len());
        if word_le(k) != word_le(w) | set {
            return false;
        }
    }
    true
}

impl WordIndex {
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The `k`th word in sorted order.
    fn word(&self, k: usize) -> &str {
        let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
        &self.words[start..self.ends[k] as usize]
    }

    /// The items holding the `k`th word.
    fn postings(&self, k: usize) -> &[u32] {
        &self.postings[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }

    /// The position of the first word not before `key`.
    fn lower_bound(&self, key: &str) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if self.word(mid) < key {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// The items containing every query word (all items for an empty query).
    pub(crate) fn matching(&self, terms: &Terms) -> Bits {
        self.matching_or(terms, |_| None)
    }

    /// [`WordIndex::matching`], where a query word also matches the items `also(word)` gives
    /// (the items dated in the year it names).
    pub(crate) fn matching_or<'b>(&self, terms: &Terms, also: impl Fn(&str) -> Option<&'b Bits>) -> Bits {
        let mut result = Bits::full(self.items);
        for word in &terms.exact {
            let k = self.lower_bound(word);
            let mut found = if k < self.len() && self.word(k) == word {
                Bits::of(self.items, self.postings(k).iter().copied())
            } else {
                Bits::empty(self.items)
            };
            add(&mut found, also(word));
            result = result.and(&found);
        }
        if let Some(prefix) = &terms.prefix {
            let mut found = Bits::empty(self.items);
            for k in self.lower_bound(prefix)..self.len() {
                if !self.word(k).starts_with(prefix.as_str()) {
                    break;
                }
                for &item in self.postings(k) {
                    found.insert(item as usize);
                }
            }
            add(&mut found, also(prefix));
            result = result.and(&found);
        }
        result
    }
}

fn add(found: &mut Bits, more: Option<&Bits>) {
    for item in more.into_iter().flat_map(Bits::iter) {
        found.insert(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_folded_is_bytewise_equality_with_the_fold_bit() {
        let spelled: Vec<u8> = b"ReCoRdS0f1972AndMore".to_vec();
        for n in 0..spelled.len() {
            let word = &spelled[..n];
            for fold in [0, 0x20] {
                let kept: Vec<u8> = word.iter().map(|&b| b | fold).collect();
                assert!(same_folded(&kept, word, fold), "{n} bytes, fold {fold}");
                // One byte off anywhere, or one byte longer, is another word.
                for at in 0..n {
                    let mut other = kept.clone();
                    other[at] ^= 0x01;
                    assert!(!same_folded(&other, word, fold), "{n} bytes, byte {at} differs");
                }
                let mut longer = kept.clone();
                longer.push(b'x');
                assert!(!same_folded(&longer, word, fold));
            }
            // Unfolded, an uppercase spelling is not its lowercase copy.
            if word.iter().any(u8::is_ascii_uppercase) {
                assert!(!same_folded(&word.to_ascii_lowercase(), word, 0));
            }
        }
    }

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
    fn each_word_lists_exactly_the_items_it_occurs_in() {
        // Enough words to grow the table several times; items added in several fields.
        let mut builder = WordIndexBuilder::default();
        let mut expected: Vec<Vec<usize>> = vec![Vec::new(); 1000];
        for item in 0..300 {
            for field in 0..2 {
                let words: Vec<usize> = (0..20).map(|k| (item * 7 + k * 13 + field * 5) % 1000).collect();
                let text: Vec<String> = words.iter().map(|w| format!("W{w}")).collect();
                builder.add(item, &text.join(" "));
                for &w in &words {
                    if expected[w].last() != Some(&item) {
                        expected[w].push(item);
                    }
                }
            }
        }
        let ix = builder.finish(301);
        for (w, items) in expected.iter().enumerate() {
            assert_eq!(found(&ix, &format!("w{w} ")), *items, "w{w}");
        }
        let mut prefixed: Vec<usize> = expected[7].iter().chain(&expected[70..80].concat()).copied().collect();
        prefixed.extend(expected[700..800].concat());
        prefixed.sort_unstable();
        prefixed.dedup();
        assert_eq!(found(&ix, "w7"), prefixed);
    }

    /// The words the builder keeps for each item, as `(word, items)` in sorted order.
    fn postings_of(index: &WordIndex) -> Vec<(String, Vec<u32>)> {
        (0..index.len()).map(|k| (index.word(k).to_string(), index.postings(k).to_vec())).collect()
    }

    #[test]
    fn ascii_words_read_in_place_index_as_folded_copies_do() {
        // ASCII words beside accented ones, combining marks, digits, long words (several
        // eight-byte steps), non-ASCII separators and words glued to them.
        let texts = [
            "The CAFÉ in Gdańsk, said O'Neill: “Hi” 😀 it’s long-range 3,000",
            "Cafe\u{301}s and cafés; naïve Ünïcode—Ab3ÉÉz x\u{301}\u{301}y ÆsIR Straße9 😀Zed😀",
            "\u{301}lead and trail\u{301} INTERNATIONALIZATION internationalization8 Ab",
            "",
            "a",
            "ÉA aÉ a",
            "Mixed12345678Digits MIXED12345678digits z\u{2019}Z",
        ];
        let mut fast = WordIndexBuilder::default();
        let mut reference: Vec<Vec<String>> = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            fast.add(i, text);
            reference.push(fold::words(text));
        }
        let mut expected: Vec<(String, Vec<u32>)> = Vec::new();
        let mut all: Vec<&String> = reference.iter().flatten().collect();
        all.sort();
        all.dedup();
        for word in all {
            let items = (0..texts.len() as u32).filter(|&i| reference[i as usize].contains(word)).collect();
            expected.push((word.clone(), items));
        }
        assert_eq!(postings_of(&fast.finish(texts.len())), expected);
    }

    /// Texts whose words all lie within their tokens (read from the token view) and texts where
    /// a word runs across tokens or lies outside them (the view is refused, the text is read):
    /// either way, the same words.
    #[test]
    fn words_read_from_the_token_view_are_the_words_of_the_text() {
        let long_run = format!("{} long", "a".repeat(300));
        let in_tokens = [
            "The CAFÉ in Gdańsk, said O'Neill: “Hi” 😀 it’s long-range 3,000 — a 1980s U.S. plan, U.S.-made.",
            "İstanbul and Straße, ÆsIR, naïve Ünïcode—Ab3ÉÉz; Москва Ἀθῆναι; the ﬁnal \u{212A}elvin.",
            "itʼs a modifier letter apostrophe beside it’s and it's.\n\nMr. Smith's 03/03/2009 at 8:48.",
            "Words again and again AND Again: each once.",
            "",
            "   \n\n  ",
        ];
        let across_tokens = [
            // A combining mark's token between two word tokens, and after one.
            "x\u{301}y and Cafe\u{301}",
            "Cafe\u{301} alone",
            // A run of letters cut at the longest token.
            long_run.as_str(),
        ];
        let check = |text: &str, paragraphs: &[crate::model::Span], from_view: bool| {
            // Alone, a document is read from its text; in a batch, from its view when it can be.
            assert!(!WordIndexBuilder::default().add_analysis(0, &Analysis::new(text, paragraphs)));
            let mut batch = crate::text::Batch::default();
            let linked = batch.analyze(text, paragraphs);
            let analysis = linked.in_batch(&batch);
            let mut viewed = WordIndexBuilder::default();
            viewed.add(0, "A title");
            let read = viewed.add_analysis(0, &analysis);
            assert_eq!(read, from_view, "{text:?}");
            if !read {
                viewed.add(0, text);
            }
            viewed.add(1, "the next item");
            let mut reference = WordIndexBuilder::default();
            reference.add(0, "A title");
            reference.add(0, text);
            reference.add(1, "the next item");
            assert_eq!(postings_of(&viewed.finish(2)), postings_of(&reference.finish(2)), "{text:?}");
        };
        for text in in_tokens {
            check(text, &crate::text::paragraph_spans(text), true);
        }
        for text in across_tokens {
            check(text, &crate::text::paragraph_spans(text), false);
        }
        // Words outside the analysed paragraphs, or after an analysis's last token.
        let text = "Analysed words, then others";
        check(text, &[crate::model::Span::new(0, 15)], false);
        check(text, &[crate::model::Span::new(16, text.len())], false);
        check(text, &[crate::model::Span::new(0, 15), crate::model::Span::new(16, text.len())], true);
    }

    #[test]
    fn ascii_words_hash_as_their_folded_copies() {
        let spelled = b"AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
        for n in 0..spelled.len() {
            let folded = spelled[..n].to_ascii_lowercase();
            assert_eq!(crate::text::hash_with_bits(&spelled[..n], 0x20), crate::text::hash(&folded), "{n} bytes");
        }
    }

    #[test]
    fn months_and_days_written_as_digits_are_one_term() {
        let terms = |q: &str| Terms::parse(q);
        let exact = |words: &[&str], prefix: Option<&str>| Terms {
            exact: words.iter().map(|w| w.to_string()).collect(),
            prefix: prefix.map(String::from),
        };
        assert_eq!(terms("2009-03"), exact(&[], Some("2009-03")));
        assert_eq!(terms("Talks 2009-03-01 "), exact(&["talks", "2009-03-01"], None));
        assert_eq!(terms("“2009-03-01”, talks"), exact(&["2009-03-01"], Some("talks")));
        // Typed so far: a last part of one digit is left out.
        assert_eq!(terms("2009-0"), exact(&[], Some("2009")));
        assert_eq!(terms("2009-03-1"), exact(&[], Some("2009-03")));
        assert_eq!(terms("2009-a"), exact(&["2009"], Some("a")));
        // Not a calendar month or day, or not a date's shape: words, as before.
        assert_eq!(terms("2009-13 "), exact(&["2009", "13"], None));
        assert_eq!(terms("2009-02-30 "), exact(&["2009", "02", "30"], None));
        assert_eq!(terms("09-03-2009 "), exact(&["09", "03", "2009"], None));
        assert_eq!(terms("2009-03-01-02 "), exact(&["2009", "03", "01", "02"], None));
        assert_eq!(terms("2009-003 "), exact(&["2009", "003"], None));
        assert_eq!(terms("2009-3-1 "), exact(&["2009", "3", "1"], None));
        assert_eq!(terms("2009-W10 "), exact(&["2009", "w10"], None));
        assert_eq!(terms("-2009 "), exact(&["2009"], None));
    }

    #[test]
    fn a_query_ending_in_punctuation_is_complete() {
        let q = Terms::parse("Mayor's \"plan\"");
        assert_eq!(q, Terms { exact: vec!["mayor".into(), "s".into(), "plan".into()], prefix: None });
        let typing = Terms::parse("plan ma");
        assert!(typing.matches_word("mayor") && typing.matches_word("plan") && !typing.matches_word("planned"));
    }
}
