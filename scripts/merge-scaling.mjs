// Inputs for the corpus merge of entities (src/entities/merge.rs) at growing sizes (a
// generator, not a test): one document per case, each many distinct names, so that any part
// of the merge that compares a name with every other of its document or surname shows as
// growth faster than the input's. `src/entities/merge.rs`'s tests make the same cases, small,
// and check the merged output against the plain definition.
//
//   node scripts/merge-scaling.mjs OUT_DIR [KB] [FACTOR...]
//
// writes OUT_DIR/CASE-Nx/doc.txt for each case and each factor (default 1 and 8) of a base of
// KB kilobytes (default 100). Measure each with callgrind, e.g.
//   valgrind --tool=callgrind target/release/storyscope extract --compact OUT_DIR/pairs-8x
// Cases:
//   words    random capitalized words, each said once (no sentences)
//   pairs    random capitalized word pairs as names, each said once, in short sentences,
//            with a lone word of an earlier name now and then
//   surname  many people sharing one surname (random given names), the surname alone now and
//            then
//   given    one given name with many random surnames, the given name alone now and then
//   aliases  one person under thousands of spellings of one given name (its vowels and doubled
//            consonants: one consonant skeleton) and one surname
//   roles    one person under many different titles ("X Speaker", random X)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [out, kb = '100', ...factorArgs] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/merge-scaling.mjs OUT_DIR [KB] [FACTOR...]');
  process.exit(2);
}
const factors = factorArgs.length ? factorArgs.map(Number) : [1, 8];

/** A seeded generator (mulberry32), so that every run writes the same files. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const consonants = 'bcdfghjklmnprstvz';
const vowels = 'aeiou';
/** A capitalized made-up word of two to four syllables. */
function word(next) {
  const syllables = 2 + Math.floor(next() * 3);
  let w = '';
  for (let s = 0; s < syllables; s++) {
    w += consonants[Math.floor(next() * consonants.length)] + vowels[Math.floor(next() * vowels.length)];
  }
  if (next() < 0.5) w += consonants[Math.floor(next() * consonants.length)];
  return w[0].toUpperCase() + w.slice(1);
}

const verbs = ['spoke', 'met officials', 'left early', 'arrived', 'declined to comment', 'agreed'];

/** Each case: a function of (size in bytes, random source) giving the document's text. */
const cases = {
  words: (n, next) => {
    let text = 'Title\n\n';
    while (text.length < n) text += word(next) + ' ';
    return text + '\n';
  },
  pairs: (n, next) => {
    let text = 'Title\n\n';
    const said = [];
    for (let i = 0; text.length < n; i++) {
      const [given, surname] = [word(next), word(next)];
      said.push(surname, given);
      text += `${given} ${surname} ${verbs[i % verbs.length]}. `;
      if (i % 5 === 4) text += `Later ${said[Math.floor(next() * said.length)]} ${verbs[(i + 1) % verbs.length]}. `;
      if (i % 20 === 19) text += '\n\n';
    }
    return text + '\n';
  },
  surname: (n, next) => {
    let text = 'Title\n\n';
    for (let i = 0; text.length < n; i++) {
      text += `${word(next)} Novak ${verbs[i % verbs.length]}. `;
      if (i % 5 === 4) text += `Later Novak ${verbs[(i + 1) % verbs.length]}. `;
      if (i % 20 === 19) text += '\n\n';
    }
    return text + '\n';
  },
  given: (n, next) => {
    let text = 'Title\n\n';
    for (let i = 0; text.length < n; i++) {
      text += `Andrei ${word(next)} ${verbs[i % verbs.length]}. `;
      if (i % 5 === 4) text += `Later Andrei ${verbs[(i + 1) % verbs.length]}. `;
      if (i % 20 === 19) text += '\n\n';
    }
    return text + '\n';
  },
  aliases: (n, next) => {
    // Every spelling of A(v)n(n)(v)d(d)(v)r(r)(v) of five to seven letters: one person's many spellings.
    const spellings = [''];
    for (const part of [['', ...vowels], ['n', 'nn'], ['', ...vowels], ['d', 'dd'], ['', ...vowels], ['r', 'rr'], ['', ...vowels]]) {
      spellings.splice(0, spellings.length, ...spellings.flatMap((s) => part.map((p) => s + p)));
    }
    const given = spellings.map((s) => 'A' + s).filter((s) => s.length >= 5 && s.length <= 7);
    let text = 'Title\n\nAnedra Novak spoke. ';
    for (let i = 0; text.length < n; i++) {
      text += `${given[Math.floor(next() * given.length)]} Novak ${verbs[i % verbs.length]}. `;
      if (i % 20 === 19) text += '\n\n';
    }
    return text + '\n';
  },
  roles: (n, next) => {
    let text = 'Title\n\n';
    for (let i = 0; text.length < n; i++) {
      text += `${word(next)} Speaker Andrei Novak ${verbs[i % verbs.length]}. `;
      if (i % 20 === 19) text += '\n\n';
    }
    return text + '\n';
  },
};

for (const [name, make] of Object.entries(cases)) {
  for (const factor of factors) {
    const dir = join(out, `${name}-${factor}x`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'doc.txt'), make(Number(kb) * 1024 * factor, random(20)));
  }
}
