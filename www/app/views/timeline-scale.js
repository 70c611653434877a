// Date arithmetic and the broken time axis of the timeline: day numbers, TIMEX3 precision and
// ranges, the segments that skip long empty stretches, the mapping from days to pixels at a
// zoom level, and the ticks of each segment. Pure functions of their inputs; no DOM here.

const TIMELINE_DAY_MS = 86_400_000;

/** "2009-03-02" (a trailing time is ignored) → days since 1970-01-01, or null. */
function timelineDay(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return null;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = Math.round(date.getTime() / TIMELINE_DAY_MS);
  return Number.isFinite(day) ? day : null;
}

/** Days since 1970-01-01 → {year, month (1-12), day}. */
function timelineParts(day) {
  const date = new Date(Math.round(day) * TIMELINE_DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
function timelineIso(day) {
  const p = timelineParts(day);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function timelineDayOf(year, month = 1, day = 1) {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / TIMELINE_DAY_MS);
}

/** The precision of a TIMEX3 date value: day, week, month, quarter, season, half, year, decade, century. */
function timelinePrecision(value) {
  const v = value ?? '';
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return 'day';
  if (/^\d{4}-W\d{2}/.test(v)) return 'week';
  if (/^\d{4}-\d{2}$/.test(v)) return 'month';
  if (/^\d{4}-Q\d$/.test(v)) return 'quarter';
  if (/^\d{4}-H\d$/.test(v)) return 'half';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(v)) return 'season';
  if (/^\d{4}$/.test(v)) return 'year';
  if (/^\d{3}$/.test(v)) return 'decade';
  if (/^\d{2}$/.test(v)) return 'century';
  return null;
}

/** First and last day of a TIMEX3 date value, or null when the value is not a calendar range. */
function timelineValueRange(value) {
  const v = value ?? '';
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v))) { const d = timelineDayOf(+m[1], +m[2], +m[3]); return [d, d]; }
  if ((m = /^(\d{4})-W(\d{2})/.exec(v))) {
    // ISO week 1 is the week with the year's first Thursday.
    const jan4 = timelineDayOf(+m[1], 1, 4);
    const monday = jan4 - ((new Date(jan4 * TIMELINE_DAY_MS).getUTCDay() + 6) % 7) + (+m[2] - 1) * 7;
    return [monday, monday + 6];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return [timelineDayOf(+m[1], +m[2]), timelineDayOf(+m[1], +m[2] + 1) - 1];
  if ((m = /^(\d{4})-Q(\d)$/.exec(v))) return [timelineDayOf(+m[1], 3 * m[2] - 2), timelineDayOf(+m[1], 3 * m[2] + 1) - 1];
  if ((m = /^(\d{4})$/.exec(v))) return [timelineDayOf(+m[1]), timelineDayOf(+m[1] + 1) - 1];
  if ((m = /^(\d{3})$/.exec(v))) return [timelineDayOf(+m[1] * 10), timelineDayOf(+m[1] * 10 + 10) - 1];
  if ((m = /^(\d{2})$/.exec(v))) return [timelineDayOf(+m[1] * 100), timelineDayOf(+m[1] * 100 + 100) - 1];
  return null;
}

/** A TIMEX3 date value for people: "Week 7, 2009", "the 1980s", "3 Mar 2009". */
function timelineFormatValue(value) {
  const v = value ?? '';
  let m;
  if ((m = /^(\d{4})-W(\d{2})/.exec(v))) return `Week ${Number(m[2])}, ${m[1]}`;
  if ((m = /^(\d{4})-Q(\d)$/.exec(v))) return `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-H(\d)$/.exec(v))) return `${m[2] === '1' ? 'First' : 'Second'} half of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v))) return `${{ SP: 'Spring', SU: 'Summer', FA: 'Autumn', WI: 'Winter' }[m[2]]} ${m[1]}`;
  if ((m = /^(\d{3})$/.exec(v))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})$/.exec(v))) return `the ${m[1]}00s`;
  return formatDate(v);
}

/**
 * Groups day ranges [{first, last}] into the segments of a broken axis: ranges closer than
 * the gap threshold share a segment, longer empty stretches become breaks. Each segment gets
 * a weight: its length in days, but at least a share of the whole so that a single day stays
 * visible beside a year.
 */
function timelineSegments(ranges) {
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
 * canvas and its inverse. Days inside a break are spread over the break's fixed width, so
 * the mapping stays continuous and monotonic (a brush ending in a break gets a real date).
 */
function timelineGeometry(segments, plotWidth, zoom) {
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
  // The deepest zoom shows every segment at 48 px a day or more.
  const slowest = Math.min(...segments.map((g) => g.weight / (g.last - g.first)));
  const maxZoom = Math.max(1, 48 / (fitScale * slowest));
  return { segments: placed, breakWidth, width, x, dayAt, maxZoom };
}

const TIMELINE_TICK_STEPS = [
  ['day', 1, 1], ['day', 2, 2], ['day', 7, 7], ['month', 1, 30.4], ['month', 3, 91], ['month', 6, 182],
  ['year', 1, 365], ['year', 2, 730], ['year', 5, 1826], ['year', 10, 3652], ['year', 20, 7305],
  ['year', 50, 18262], ['year', 100, 36525],
];
const TIMELINE_TICK_SPACING = { day: 30, month: 38, year: 40 };

/**
 * The ticks of one segment between two days: {day, label, context} where context (the year,
 * or month and year) is given on the segment's first tick and where it changes.
 */
function timelineTicks(segment, from, to) {
  const [unit, step] = TIMELINE_TICK_STEPS.find(([u, , days]) => days * segment.perDay >= TIMELINE_TICK_SPACING[u])
    ?? TIMELINE_TICK_STEPS[TIMELINE_TICK_STEPS.length - 1];
  const first = Math.ceil(Math.max(from, segment.first));
  const last = Math.floor(Math.min(to, segment.last));
  const ticks = [];
  if (last < first) return ticks;
  const start = timelineParts(first);
  if (unit === 'day') {
    for (let d = first; d <= last; d++) {
      const p = timelineParts(d);
      if (step === 7 ? new Date(d * TIMELINE_DAY_MS).getUTCDay() !== 1 : (p.day - 1) % step !== 0) continue;
      ticks.push({ day: d, label: String(p.day), context: !ticks.length || p.day <= step ? `${MONTHS[p.month - 1]} ${p.year}` : '' });
    }
  } else if (unit === 'month') {
    for (let y = start.year, mo = start.month; ; mo++) {
      if (mo > 12) { mo = 1; y++; }
      const d = timelineDayOf(y, mo);
      if (d > last) break;
      if (d < first || (mo - 1) % step !== 0) continue;
      ticks.push({ day: d, label: MONTHS[mo - 1], context: !ticks.length || mo === 1 ? String(y) : '' });
    }
  } else {
    for (let y = Math.ceil(start.year / step) * step; ; y += step) {
      const d = timelineDayOf(y);
      if (d > last) break;
      if (d >= first) ticks.push({ day: d, label: String(y), context: '' });
    }
  }
  return ticks;
}

/** The length of a break for its label: "23 years", "8 months", "40 days". */
function timelineGapLabel(days) {
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
function timelineZoomToRange(segments, plotWidth, first, last) {
  if (!segments.length || first === null || last === null || first > last) return null;
  const a = Math.max(first, segments[0].first);
  const b = Math.min(last + 1, segments[segments.length - 1].last);
  const one = timelineGeometry(segments, plotWidth, 1);
  const two = timelineGeometry(segments, plotWidth, 2);
  const [d1, d2] = [one, two].map((g) => g.x(b) - g.x(a));
  if (!(d2 > d1)) return null;
  const zoom = Math.min(Math.max(1, (plotWidth - (2 * d1 - d2)) / (d2 - d1)), one.maxZoom);
  const geo = timelineGeometry(segments, plotWidth, zoom);
  return { zoom, center: geo.dayAt((geo.x(a) + geo.x(b)) / 2) };
}

/** The days between two pixels of the canvas, as ["YYYY-MM-DD", "YYYY-MM-DD"] (days more than half shown count). */
function timelineShownDays(geo, x0, x1) {
  const first = Math.round(geo.dayAt(x0));
  return [timelineIso(first), timelineIso(Math.max(first, Math.round(geo.dayAt(x1)) - 1))];
}
