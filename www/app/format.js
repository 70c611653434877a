// How contract values read on the page: dates, date ranges of a given precision, bylines,
// counts. Formatting only: what a date means (its range, precision, doubts) comes from the core.

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2009-03-03T08:48" → "3 Mar 2009, 08:48"; "2009-03" → "Mar 2009"; null → "date unknown". */
export function formatDate(value) {
  if (!value) return 'date unknown';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d, t] = m;
  const parts = [d ? String(Number(d)) : null, mo ? MONTHS[Number(mo) - 1] : null, y].filter(Boolean);
  return parts.join(' ') + (t ? `, ${t}` : '');
}

/** What one date value of an event covers, in words: `precision` names it. */
export const PRECISION_LABELS = {
  day: 'a day', weekend: 'a weekend', week: 'a week', month: 'a month', season: 'a season',
  quarter: 'a quarter', half: 'half a year', year: 'a year', decade: 'a decade',
};

/** Precisions drawn as hollow bars: a year or longer. */
export const COARSE_PRECISIONS = new Set(['year', 'decade']);

/** A date range of the core ({start, end, precision}) for people: "3 Mar 2009", "week of 2 Mar 2009", "Mar – May 2009", "the 1980s". */
export function formatPeriod({ start, end, precision }) {
  const month = (iso) => formatDate(iso.slice(0, 7));
  switch (precision) {
    case 'day': return formatDate(start);
    case 'week': return `week of ${formatDate(start)}`;
    case 'weekend': return `weekend of ${formatDate(start)}`;
    case 'month': return month(start);
    case 'year': return start.slice(0, 4);
    case 'decade': return `the ${start.slice(0, 4)}s`;
    default: {
      const [a, b] = [month(start), month(end)];
      return a.slice(-4) === b.slice(-4) ? `${a.slice(0, -5)} – ${b}` : `${a} – ${b}`;
    }
  }
}

/** "from 1 Mar 2009", "until 6 Mar 2009" or "1 Mar 2009 – 6 Mar 2009" for a date filter. */
export function formatDateRange(from, to) {
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`;
  return from ? `from ${formatDate(from)}` : `until ${formatDate(to)}`;
}

/** "By Jane Doe · The Outlet", the same in the article list and the reader. */
export function byline(doc) {
  return [doc.author && `By ${doc.author}`, doc.outlet].filter(Boolean).join(' · ');
}

/** What the core worked an inferred publication date out from (its `published_inferred_from`), in words. */
const INFERRED_FROM = {
  comments: 'inferred from its earliest reader comment',
  text: 'inferred from the latest date its text tells of',
  corpus: 'borrowed from the other articles',
};

/** How the publication date of `doc` was guessed ("borrowed from the other articles"), or '' when it was not. */
export function inferredFrom(doc) {
  return doc.published && doc.published_source === 'inferred' ? INFERRED_FROM[doc.published_inferred_from] ?? 'inferred' : '';
}

/** A note on a publication date the reader should doubt, else ''. */
export function publishedNote(doc) {
  const from = inferredFrom(doc);
  return from && `date ${from}; the article gives none`;
}

/** The publication date as listed: "≈ 4 Mar 2024" when inferred, so that a guess never reads as the article's own date. */
export function listedDate(doc) {
  return `${publishedNote(doc) ? '≈ ' : ''}${formatDate(doc.published)}`;
}

export function plural(n, one, many) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** 12345 → "12,345". */
export function formatCount(n) {
  return n.toLocaleString('en-US');
}
