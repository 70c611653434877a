// An LZMA decoder for the one stream the page carries: the core's wasm, which the bundler
// (scripts/bundle.mjs) compresses with xz's LZMA (the .lzma format) because it is 13% smaller
// than the best gzip of it (Zopfli's), and so is the page. Browsers inflate only gzip and deflate
// themselves (DecompressionStream), so the page decodes LZMA here, following the algorithm of the
// LZMA SDK's reference decoder (LzmaSpec.cpp, public domain): a range decoder reading adaptive bit
// probabilities, literals coded in the context of the previous byte, matches with a length and
// a distance or one of the four last distances.
//
// It decodes the whole stream into one buffer of the size the header gives (the bundler writes
// it; a stream of unknown size is refused), so the output is its own dictionary. Every step
// writes at least one byte, so the loop ends after at most that many steps whatever the input.
// Corrupt or truncated input throws an Error (reading past the input's end gives undefined, so
// NaN codes, which the checks catch); it never writes outside its buffers.
// Not a general .lzma tool: no streaming, no dictionary bounds beyond the output itself.

const PROB_INIT = 1024;
const STATES = 12;
const POS_STATES_MAX = 16;
const END_POS_MODEL_INDEX = 14;
const FULL_DISTANCES = 128;
const ALIGN_BITS = 4;
const MATCH_MIN_LEN = 2;

/** The range decoder: `range` and `code` are unsigned 32-bit values. */
class RangeDecoder {
  constructor(input) {
    this.input = input;
    this.range = 0xffffffff;
    this.code = 0;
    this.pos = 14;
    for (let i = 0; i < 4; i++) this.code = this.code * 256 + input[this.pos++];
  }

  /** One bit of probability `probs[i]` (of 2048) to be 0, which it then adapts. */
  bit(probs, i) {
    const p = probs[i];
    const bound = (this.range >>> 11) * p;
    let b = 0;
    if (this.code < bound) {
      probs[i] = p + ((2048 - p) >>> 5);
      this.range = bound;
    } else {
      probs[i] = p - (p >>> 5);
      this.code -= bound;
      this.range -= bound;
      b = 1;
    }
    if (this.range < 0x1000000) {
      this.range *= 256;
      this.code = this.code * 256 + this.input[this.pos++];
    }
    return b;
  }

  /**
   * A symbol of `bits` bits read most significant first through the binary tree of
   * probabilities at `probs[base + 1 ..]`, or, with `matchByte` >= 0 (a literal after a
   * match), through the tree of the byte at the match's distance until the two differ. The
   * hot path of the decoder, so the range and code are locals here.
   */
  tree(probs, base, bits, matchByte = -1) {
    const input = this.input;
    let range = this.range;
    let code = this.code;
    let pos = this.pos;
    const limit = 1 << bits;
    let m = 1;
    while (m < limit) {
      let i = base + m;
      let matchBit = 0;
      if (matchByte >= 0) {
        matchBit = (matchByte >>> (bits - 1)) & 1;
        matchByte = (matchByte << 1) & (limit - 1);
        i += (1 + matchBit) << 8;
      }
      const p = probs[i];
      const bound = (range >>> 11) * p;
      let b = 0;
      if (code < bound) {
        probs[i] = p + ((2048 - p) >>> 5);
        range = bound;
      } else {
        probs[i] = p - (p >>> 5);
        code -= bound;
        range -= bound;
        b = 1;
      }
      if (range < 0x1000000) {
        range *= 256;
        code = code * 256 + input[pos++];
      }
      m = (m << 1) | b;
      if (matchByte >= 0 && matchBit !== b) matchByte = -1;
    }
    this.range = range;
    this.code = code;
    this.pos = pos;
    return m - limit;
  }

  /** A symbol of `bits` bits read least significant first through the tree at `probs[base + 1 ..]`. */
  reverseTree(probs, base, bits) {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < bits; i++) {
      const b = this.bit(probs, base + m);
      m = (m << 1) + b;
      symbol |= b << i;
    }
    return symbol;
  }

  /** `count` bits of probability one half, most significant first. */
  directBits(count) {
    let result = 0;
    for (let i = 0; i < count; i++) {
      this.range = Math.floor(this.range / 2);
      let b = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        b = 1;
      }
      result = result * 2 + b;
      if (this.range < 0x1000000) {
        this.range *= 256;
        this.code = this.code * 256 + this.input[this.pos++];
      }
    }
    return result;
  }
}

/**
 * Decodes a .lzma stream ("LZMA alone": 13-byte header of properties, dictionary size and
 * uncompressed size, then the range-coded data) whose uncompressed size is given.
 * @param {Uint8Array} input
 * @returns {Uint8Array}
 */
export function decodeLzma(input) {
  const fail = (why) => {
    throw new Error(`The page's wasm is damaged (LZMA: ${why}).`);
  };
  if (input.length < 18) fail('too short');
  const props = input[0];
  if (props >= 9 * 5 * 5) fail('bad properties');
  const lc = props % 9;
  const lp = Math.floor(props / 9) % 5;
  const pb = Math.floor(props / 45);
  const sizeLow = (input[5] | (input[6] << 8) | (input[7] << 16) | (input[8] << 24)) >>> 0;
  const sizeHigh = (input[9] | (input[10] << 8) | (input[11] << 16) | (input[12] << 24)) >>> 0;
  if (sizeHigh !== 0) fail('no size, or too large');
  const size = sizeLow;
  const out = new Uint8Array(size);

  if (input[13] !== 0) fail('bad first byte');
  const rc = new RangeDecoder(input);
  if (rc.code === 0xffffffff) fail('bad start');
  const probabilities = (n) => new Uint16Array(n).fill(PROB_INIT);

  // A length coder: choice, choice2, then 3-bit low and middle trees per position state and
  // an 8-bit high tree.
  const LOW = 2;
  const MID = LOW + POS_STATES_MAX * 8;
  const HIGH = MID + POS_STATES_MAX * 8;
  const lengthCoder = () => probabilities(HIGH + 256);
  const length = (probs, posState) => {
    if (rc.bit(probs, 0) === 0) return rc.tree(probs, LOW + posState * 8, 3);
    if (rc.bit(probs, 1) === 0) return 8 + rc.tree(probs, MID + posState * 8, 3);
    return 16 + rc.tree(probs, HIGH, 8);
  };

  const literals = probabilities(0x300 << (lc + lp));
  const isMatch = probabilities(STATES << 4);
  const isRep = probabilities(STATES);
  const isRepG0 = probabilities(STATES);
  const isRepG1 = probabilities(STATES);
  const isRepG2 = probabilities(STATES);
  const isRep0Long = probabilities(STATES << 4);
  const posSlots = probabilities(4 << 6);
  const posCoders = probabilities(1 + FULL_DISTANCES - END_POS_MODEL_INDEX);
  const align = probabilities(1 << ALIGN_BITS);
  const lengths = lengthCoder();
  const repLengths = lengthCoder();

  const distance = (len) => {
    const lenState = len < 3 ? len : 3;
    const slot = rc.tree(posSlots, lenState << 6, 6);
    if (slot < 4) return slot;
    const direct = (slot >>> 1) - 1;
    if (slot < END_POS_MODEL_INDEX) {
      const dist = (2 | (slot & 1)) << direct;
      return dist + rc.reverseTree(posCoders, dist - slot, direct);
    }
    let dist = (2 | (slot & 1)) * 2 ** direct;
    dist += rc.directBits(direct - ALIGN_BITS) * (1 << ALIGN_BITS);
    return dist + rc.reverseTree(align, 0, ALIGN_BITS);
  };

  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  let at = 0;
  while (at < size) {
    const posState = at & pbMask;
    if (rc.bit(isMatch, (state << 4) + posState) === 0) {
      const previous = at > 0 ? out[at - 1] : 0;
      const base = 0x300 * (((at & lpMask) << lc) + (previous >>> (8 - lc)));
      out[at] = rc.tree(literals, base, 8, state >= 7 ? out[at - rep0 - 1] : -1);
      at++;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (rc.bit(isRep, state) !== 0) {
      if (at === 0) fail('repeat before any byte');
      if (rc.bit(isRepG0, state) === 0) {
        if (rc.bit(isRep0Long, (state << 4) + posState) === 0) {
          state = state < 7 ? 9 : 11;
          out[at] = out[at - rep0 - 1];
          at++;
          continue;
        }
      } else {
        let dist;
        if (rc.bit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (rc.bit(isRepG2, state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = length(repLengths, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(lengths, posState);
      state = state < 7 ? 7 : 10;
      rep0 = distance(len);
      if (rep0 === 0xffffffff) break; // the end marker
      if (rep0 >= at) fail('distance before the start');
    }
    len += MATCH_MIN_LEN;
    if (len > size - at) fail('match past the end');
    for (const end = at + len; at < end; at++) out[at] = out[at - rep0 - 1];
  }
  if (at !== size) fail('ends early');
  if (rc.pos > input.length) fail('truncated');
  return out;
}
