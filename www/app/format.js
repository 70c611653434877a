// Formatting of contract values for display.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2009-03-03T08:48" → "3 Mar 2009, 08:48"; "2009-03" → "Mar 2009"; null → "date unknown". */
function formatDate(value) {
  if (!value) return 'date unknown';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}:\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d, t] = m;
  const parts = [d ? String(Number(d)) : null, mo ? MONTHS[Number(mo) - 1] : null, y].filter(Boolean);
  return parts.join(' ') + (t ? `, ${t}` : '');
}

const SOURCE_LABELS = {
  'front-matter': 'from the front matter', manifest: 'from the manifest', dateline: 'from the dateline',
  meta: 'from the page metadata', flag: 'set by hand', inferred: 'inferred from the text', none: '',
};

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** 12345 → "12,345". */
function formatCount(n) {
  return n.toLocaleString('en-US');
}
