// The timeline's geometry, without a DOM: day numbers, the broken axis (segments that skip
// long empty stretches), the mapping from days to pixels at a zoom level and back, the ticks
// of a segment, the zoom that shows a range, the lanes and the rows that keep marks apart.
// Pure functions of their inputs, tested with node --test (tests/js/). What a date means (its
// range and precision) comes from the core; this only places days on a line.

import { formatDate, MONTHS } from '../../format.js';

const DAY_MS = 86_400_000;

/** "2009-03-02" (a trailing time is ignored) → days since 1970-01-01, or null. */
export function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Days since 1970-01-01 → {year, month (1-12), day}. */
export function dayParts(day) {
  const date = new Date(Math.round(day) * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function isoDay(day) {
  const p = dayParts(day);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function dayOf(year, month = 1, day = 1) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const n = Math.round(date.getTime() / DAY_MS);
  return Number.isFinite(n) ? n : null;
}

/**
 * Groups day ranges [{first, last}] into the segments of a broken axis: ranges closer than
 * the gap threshold share a segment, longer empty stretches become breaks. Each segment gets
 * a weight: its length in days, but at least a share of the whole so that a single day stays
 * visible beside a year.
 */
export function axisSegments(ranges) {
  const sorted = ranges.filter((r) => r.first !== null && r.last !== null).sort((a, b) => a.first - b.first);
  if (!sorted.length) return [];
  const merged = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.first <= last.last + 1) last.last = Math.max(last.last, r.last);
    else merged.push({ first: r.first, last: r.last });
  }
  const covered = merged.reduce((sum, r) => sum + r.last - r.first + 1, 0);
  const breakAfter = Math.max(120, covered / 4);
  const clusters = [];
  for (const r of merged) {
    const last = clusters[clusters.length - 1];
    if (last && r.first - last.last <= breakAfter) last.last = Math.max(last.last, r.last);
    else clusters.push({ ...r });
  }
  const segments = clusters.map((c) => {
    const pad = Math.max(3, Math.round((c.last - c.first) * 0.03));
    return { first: c.first - pad, last: c.last + pad + 1 };
  });
  const total = segments.reduce((sum, g) => sum + g.last - g.first, 0);
  for (const g of segments) g.weight = Math.max(g.last - g.first, total * 0.12);
  return segments;
}

/**
 * The pixel geometry of the segments at a zoom level: `x(day)` on the whole (unscrolled)
 * canvas and its inverse `dayAt(px)`. Days inside a break are spread over the break's fixed
 * width, so the mapping stays continuous and monotonic (a brush ending in a break gets a real
 * date). `maxZoom` shows every segment at 48 px a day or more.
 */
export function axisGeometry(segments, plotWidth, zoom) {
  const breakWidth = segments.length > 1 ? Math.min(40, plotWidth * 0.08) : 0;
  const weights = segments.reduce((sum, g) => sum + g.weight, 0);
  const fitScale = (plotWidth - (segments.length - 1) * breakWidth) / weights;
  const scale = fitScale * zoom;
  let at = 0;
  const placed = segments.map((g, i) => {
    const width = g.weight * scale;
    const item = { ...g, x0: at, x1: at + width, perDay: width / (g.last - g.first), index: i };
    at += width + breakWidth;
    return item;
  });
  const width = at - breakWidth;
  const x = (day) => {
    if (!placed.length) return 0;
    if (day <= placed[0].first) return 0;
    for (let i = 0; i < placed.length; i++) {
      const g = placed[i];
      if (day <= g.last) {
        if (day >= g.first) return g.x0 + (day - g.first) * g.perDay;
        const prev = placed[i - 1];
        return prev.x1 + ((day - prev.last) / (g.first - prev.last)) * breakWidth;
      }
    }
    return width;
  };
  const dayAt = (px) => {
    if (!placed.length) return 0;
    for (let i = 0; i < placed.length; i++) {
      const g = placed[i];
      if (px <= g.x1) {
        if (px >= g.x0 || i === 0) return g.first + (Math.max(px, g.x0) - g.x0) / g.perDay;
        const prev = placed[i - 1];
        return prev.last + ((px - prev.x1) / breakWidth) * (g.first - prev.last);
      }
    }
    return placed[placed.length - 1].last;
  };
  let slowest = Infinity;
  for (const g of segments) slowest = Math.min(slowest, g.weight / (g.last - g.first));
  const maxZoom = Math.max(1, 48 / (fitScale * slowest));
  return { segments: placed, breakWidth, width, x, dayAt, maxZoom };
}

const TICK_STEPS = [
  ['day', 1, 1], ['day', 2, 2], ['day', 7, 7], ['month', 1, 30.4], ['month', 3, 91], ['month', 6, 182],
  ['year', 1, 365], ['year', 2, 730], ['year', 5, 1826], ['year', 10, 3652], ['year', 20, 7305],
  ['year', 50, 18262], ['year', 100, 36525],
];
const TICK_SPACING = { day: 30, month: 38, year: 40 };

/**
 * The ticks of one placed segment between two days: {day, label, context} where context (the
 * year, or month and year) is given on the segment's first tick and where it changes.
 */
export function axisTicks(segment, from, to) {
  const [unit, step] = TICK_STEPS.find(([u, , days]) => days * segment.perDay >= TICK_SPACING[u]) ?? TICK_STEPS[TICK_STEPS.length - 1];
  const first = Math.ceil(Math.max(from, segment.first));
  const last = Math.floor(Math.min(to, segment.last));
  const ticks = [];
  if (last < first) return ticks;
  const start = dayParts(first);
  if (unit === 'day') {
    for (let d = first; d <= last; d++) {
      const p = dayParts(d);
      if (step === 7 ? new Date(d * DAY_MS).getUTCDay() !== 1 : (p.day - 1) % step !== 0) continue;
      ticks.push({ day: d, label: String(p.day), context: !ticks.length || p.day <= step ? `${MONTHS[p.month - 1]} ${p.year}` : '' });
    }
  } else if (unit === 'month') {
    for (let y = start.year, mo = start.month; ; mo++) {
      if (mo > 12) { mo = 1; y++; }
      const d = dayOf(y, mo);
      if (d > last) break;
      if (d < first || (mo - 1) % step !== 0) continue;
      ticks.push({ day: d, label: MONTHS[mo - 1], context: !ticks.length || mo === 1 ? String(y) : '' });
    }
  } else {
    for (let y = Math.ceil(start.year / step) * step; ; y += step) {
      const d = dayOf(y);
      if (d > last) break;
      if (d >= first) ticks.push({ day: d, label: String(y), context: '' });
    }
  }
  return ticks;
}

/** The length of a break for its label: "23 years", "8 months", "40 days". */
export function gapLabel(days) {
  if (days >= 730) return `${Math.round(days / 365.25)} years`;
  if (days >= 60) return `${Math.round(days / 30.44)} months`;
  return `${Math.round(days)} days`;
}

/**
 * The zoom and the centre day that show the days `first`..`last` across the plot, clamped to
 * the zoom limits; null when the range is inverted or holds no day of the segments (outside
 * the data, or inside a break). Pixel distances are affine in the zoom (segments scale, breaks
 * keep their width), so the geometries at zoom 1 and 2 give the zoom exactly.
 */
export function zoomToRange(segments, plotWidth, first, last) {
  if (!segments.length || first === null || last === null || first > last) return null;
  const a = Math.max(first, segments[0].first);
  const b = Math.min(last + 1, segments[segments.length - 1].last);
  const one = axisGeometry(segments, plotWidth, 1);
  const two = axisGeometry(segments, plotWidth, 2);
  const [d1, d2] = [one, two].map((g) => g.x(b) - g.x(a));
  if (!(d2 > d1)) return null;
  const zoom = Math.min(Math.max(1, (plotWidth - (2 * d1 - d2)) / (d2 - d1)), one.maxZoom);
  const geo = axisGeometry(segments, plotWidth, zoom);
  return { zoom, center: geo.dayAt((geo.x(a) + geo.x(b)) / 2) };
}

/** The days between two pixels of the canvas, as ["YYYY-MM-DD", "YYYY-MM-DD"] (days more than half shown count). */
export function shownDays(geo, x0, x1) {
  const first = Math.round(geo.dayAt(x0));
  return [isoDay(first), isoDay(Math.max(first, Math.round(geo.dayAt(x1)) - 1))];
}

/** "1984 – 2012", "Feb 2009 – Apr 2009", "2 Mar 2009 – 6 Mar 2009" depending on the length. */
export function spanLabel(from, to) {
  const a = isoDay(Math.floor(from));
  const b = isoDay(Math.max(Math.floor(from), Math.floor(to)));
  const cut = to - from > 3 * 365 ? 4 : to - from > 90 ? 7 : 10;
  const [fa, fb] = [formatDate(a.slice(0, cut)), formatDate(b.slice(0, cut))];
  return fa === fb ? fa : `${fa} – ${fb}`;
}

/** Lanes of items ({ev}): one per article (in corpus order) or per person (by first appearance). */
export function groupLanes(items, model, mode) {
  const lanes = new Map();
  const add = (key, label, item) => {
    if (!lanes.has(key)) lanes.set(key, { key, label, items: [] });
    lanes.get(key).items.push(item);
  };
  for (const item of items) {
    if (mode === 'people') {
      const people = item.ev.entities.filter((id) => model.entitiesById.get(id)?.kind === 'person');
      if (!people.length) add('', 'No person named', item);
      for (const id of people) add(id, model.entitiesById.get(id)?.name ?? id, item);
    } else {
      for (const doc of item.ev.docs) add(doc, model.docsById.get(doc)?.title || doc, item);
    }
  }
  const list = [...lanes.values()];
  if (mode === 'people') return [...list.filter((l) => l.key), ...list.filter((l) => !l.key)];
  const order = new Map(model.documents.map((d, i) => [d.id, i]));
  return list.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
}

/**
 * Packs marks into rows so that none overlap: `spans` are [x0, x1] pixel extents in date
 * order; returns the row of each and the number of rows. Greedy, first row that is free.
 */
export function packRows(spans) {
  const rowsEnd = [];
  const rows = spans.map(([x0, x1]) => {
    let row = rowsEnd.findIndex((end) => end < x0);
    if (row < 0) row = rowsEnd.push(x1) - 1;
    else rowsEnd[row] = x1;
    return row;
  });
  return { rows, count: Math.max(1, rowsEnd.length) };
}
