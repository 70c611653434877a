"""Front coding of sorted word lists, for the generated tables of src/ (read by
src/front_coded.rs). Used by scripts/gen-names.py, scripts/gen-quote-nouns.py and
scripts/gen-gazetteer.py (its abbreviations; its places have a coding of their own, write_places).

A front-coded entry starts with one character in FRONT_FIRST..=FRONT_LAST that says how many
leading characters it shares with the entry before it; the rest of the entry follows, up to
the next such character. Sorted words share long prefixes, and LZMA (which carries the page's
wasm) then stores a list in about a fifth less than as plain lines (the names 9.0 KB instead of
10.9, WordNet's quote nouns 7.8 instead of 8.6).
"""

FRONT_FIRST, FRONT_LAST = "0", "?"


def front_coded(name, words):
    """The Rust constant `name`: a sorted list of lowercase a-z words, front-coded."""
    parts, before = [], ""
    for word in words:
        assert word and all("a" <= c <= "z" for c in word), f"{name}: {word!r} is not a-z"
        shared = 0
        limit = min(len(word) - 1, len(before), ord(FRONT_LAST) - ord(FRONT_FIRST))
        while shared < limit and word[shared] == before[shared]:
            shared += 1
        parts.append(chr(ord(FRONT_FIRST) + shared) + word[shared:])
        before = word
    # Lines of about 100 characters, each ending in a backslash (Rust drops it and the newline).
    lines, line = [], ""
    for part in parts:
        if len(line) + len(part) > 100:
            lines.append(line)
            line = ""
        line += part
    body = "\\\n".join([*lines, line])
    return f"pub(crate) const {name}: &str = \"\\\n{body}\";\n"
