// DOM helpers. Untrusted text (article text, titles, names, file names) only ever becomes a
// text node or an attribute value set by name: nothing here parses HTML.

/** Creates an element: h('p', {class: 'x', onclick: f, 'aria-label': 'y'}, 'text', child). */
function h(tag, props, ...children) {
  return fill(document.createElement(tag), props, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element, with the same props as h(). */
function s(tag, props, ...children) {
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

/** Offsets in the contract count code points; JS strings index UTF-16 units. */
function codePoints(text) {
  return Array.from(text);
}

/** Splits [start, end) of a code-point array into text and <mark> runs for the given ranges. */
function highlighted(cps, start, end, ranges, markProps) {
  const out = [];
  let at = start;
  for (const r of ranges.filter((r) => r.end > start && r.start < end).sort((a, b) => a.start - b.start)) {
    const from = Math.max(r.start, at);
    if (from > at) out.push(cps.slice(at, from).join(''));
    const to = Math.min(r.end, end);
    if (to > from) out.push(h('mark', markProps?.(r), cps.slice(from, to).join('')));
    at = Math.max(at, to);
  }
  if (at < end) out.push(cps.slice(at, end).join(''));
  return out;
}
