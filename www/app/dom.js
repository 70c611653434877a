// DOM helpers. Untrusted text (article text, titles, names, file names) only ever becomes a
// text node or an attribute value set by name: nothing here parses HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an element: h('p', {class: 'x', onclick: f, 'aria-label': 'y'}, 'text', child). */
export function h(tag, props, ...children) {
  return fill(document.createElement(tag), props, children);
}

/** Creates an SVG element, with the same props as h(). */
export function s(tag, props, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

function fill(el, props, children) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/**
 * Scrolls `container` so that `el` is in sight (its start first when it does not fit), or with
 * `center`, so that it is in the middle. Not scrollIntoView, which would also scroll a blog's
 * page around an embed.
 */
export function scrollIntoSight(container, el, { center = false } = {}) {
  const box = container.getBoundingClientRect();
  const at = el.getBoundingClientRect();
  const by = (start, end) => (at[end] > box[end] ? Math.min(at[end] - box[end], at[start] - box[start]) : Math.min(0, at[start] - box[start]));
  const middle = (start, end) => (at[start] + at[end] - box[start] - box[end]) / 2;
  container.scrollLeft += center ? middle('left', 'right') : by('left', 'right');
  container.scrollTop += center ? middle('top', 'bottom') : by('top', 'bottom');
}

/**
 * Brings `el` into sight in each scrolling box that holds it inside its own root (a shadow
 * root stops the walk): the embed's boxes scroll, a blog's page around it does not.
 */
export function revealWithin(el, options) {
  for (let box = el.parentElement; box; box = box.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(box);
    if (/auto|scroll/.test(overflowX + overflowY) && (box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth)) {
      scrollIntoSight(box, el, options);
    }
  }
}

/**
 * Moves the focus to `el`, brought into sight within the explorer's own scrolling boxes only.
 * A plain focus() scrolls every box around it, the page of a blog around an embed included,
 * which jumps away from where its reader was.
 */
export function focusWithin(el, options) {
  if (!el) return;
  revealWithin(el, options);
  el.focus({ preventScroll: true });
}

/** Offsets in the contract count code points; JS strings index UTF-16 units. */
export function codePoints(text) {
  return Array.from(text);
}

/**
 * Splits [start, end) of a code-point array into text and <mark> runs for the given ranges
 * (the first of overlapping ranges wins), and marks the search `hits` ({start, end}, sorted)
 * inside the text, nested in the range marks.
 */
export function highlighted(cps, start, end, ranges, markProps, hits = []) {
  const out = [];
  const text = (from, to) => searchHits(cps, from, to, hits);
  let at = start;
  for (const r of ranges.filter((r) => r.end > start && r.start < end).sort((a, b) => a.start - b.start)) {
    const from = Math.max(r.start, at);
    if (from > at) out.push(...text(at, from));
    const to = Math.min(r.end, end);
    if (to > from) out.push(h('mark', markProps?.(r), text(from, to)));
    at = Math.max(at, to);
  }
  if (at < end) out.push(...text(at, end));
  return out;
}

/** [from, to) of a code-point array as text, with the search hits inside it as <mark class="ss-hit">. */
export function searchHits(cps, from, to, hits) {
  const out = [];
  let at = from;
  for (const hit of hits) {
    if (hit.end <= at) continue;
    if (hit.start >= to) break;
    const a = Math.max(hit.start, at);
    const b = Math.min(hit.end, to);
    if (a > at) out.push(cps.slice(at, a).join(''));
    out.push(h('mark', { class: 'ss-hit' }, cps.slice(a, b).join('')));
    at = b;
  }
  if (at < to) out.push(cps.slice(at, to).join(''));
  return out;
}
