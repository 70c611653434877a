// The core's answer to the filters, read by position. The core returns each result type as a
// bitset over the extraction's arrays (see Corpus.select); a PositionSet answers `has(id)`,
// `hasPosition(i)` and `size` from it, like a Set of ids, without the hundreds of thousands of
// id strings a large corpus would otherwise send across on every change of the filters.

class PositionSet {
  /** `words`: Uint32Array, bit i % 32 of word i / 32 for position i; `positions`: id → position. */
  constructor(words, size, positions) {
    this.words = words;
    this.size = size;
    this.positions = positions;
  }

  has(id) {
    const i = this.positions.get(id);
    return i !== undefined && this.hasPosition(i);
  }

  hasPosition(i) {
    return (this.words[i >>> 5] & (1 << (i & 31))) !== 0;
  }
}

/** id → position, for each array of the extraction that the core selects from. */
export function selectionPositions(extraction) {
  const positions = (items) => new Map(items.map((item, i) => [item.id, i]));
  return {
    documents: positions(extraction.documents), quotes: positions(extraction.quotes),
    entities: positions(extraction.entities), events: positions(extraction.events),
  };
}

/** The visible sets of a `Corpus.select` answer. */
export function selectionVisible(selected, positions) {
  const set = (kind) => new PositionSet(selected[kind], selected.counts[kind], positions[kind]);
  return { documents: set('documents'), quotes: set('quotes'), entities: set('entities'), events: set('events') };
}

/** The items whose position passes `visible` (a PositionSet), in order. */
export function visibleItems(items, visible) {
  const out = [];
  for (let i = 0; i < items.length; i++) if (visible.hasPosition(i)) out.push(items[i]);
  return out;
}
