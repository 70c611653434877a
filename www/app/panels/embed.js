// "Embed this view": an iframe snippet for the current permalink, and the script-and-element
// snippet (the view and the filters the element's attributes carry) with the
// Content-Security-Policy a host page needs.

import { h } from '../dom.js';
import { stateToHash } from '../permalink.js';

export function embedPanel(explorer, ctx) {
  const hash = stateToHash(ctx.state);
  const here = location.href.split('#')[0];
  const hosted = /^https?:/.test(here);
  const pageUrl = hosted ? here : 'https://your.site/storyscope.html';
  const iframe = `<iframe src="${pageUrl}${hash}" title="Storyscope" style="width:100%;height:640px;border:0" loading="lazy"></iframe>`;
  const script = `<script src="storyscope-embed.js"></script>\n<story-scope ${elementAttributes(ctx.state)} height="640px"></story-scope>`;
  const snippet = (label, text) => {
    const area = h('textarea', { class: 'ss-snippet', readonly: true, rows: '3', 'aria-label': label });
    area.value = text;
    return h('div', { class: 'ss-snippet-box' }, h('h3', { text: label }), area,
      h('button', {
        type: 'button', class: 'ss-tool', text: 'Copy', onclick: async (event) => {
          area.select();
          try { await navigator.clipboard.writeText(text); event.target.textContent = 'Copied'; } catch { event.target.textContent = 'Press Ctrl+C'; }
        },
      }));
  };
  return [
    h('h2', { class: 'ss-heading', text: 'Embed this view' }),
    snippet('An iframe of this exact view', iframe),
    hosted ? null : h('p', { class: 'ss-note', text: 'Opened from a file, this page has no web address: put storyscope.html on your site and write its address in place of https://your.site/storyscope.html.' }),
    snippet('Or the script and element (no iframe)', script),
    // The reader's own articles live in this browser only: an embed cannot show them.
    explorer.library?.articles.length ? h('p', { class: 'ss-note', text: 'Your own articles stay in this browser: an embed shows the built-in articles only.' }) : null,
    uncarried(ctx.state.filters) ? h('p', { class: 'ss-note', text: 'The element starts without the article, kind and source filters; the iframe keeps them.' }) : null,
    h('p', { class: 'ss-note', text: "Under a Content-Security-Policy, the page needs script-src to allow the script and 'wasm-unsafe-eval' (never 'unsafe-eval'), and worker-src blob: for its worker; Storyscope makes no network request." }),
  ];
}

/**
 * The element's attributes for this view: view, q, speaker, entity, from, to (several speakers
 * or entities joined by "|", as in a link), each value escaped for an attribute.
 */
function elementAttributes({ view, filters }) {
  const escaped = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const attributes = [['view', view], ['q', filters.q.trim()], ['speaker', filters.speakers.join('|')],
    ['entity', filters.entities.join('|')], ['from', filters.from], ['to', filters.to]];
  return attributes.filter(([, value]) => value).map(([name, value]) => `${name}="${escaped(value)}"`).join(' ');
}

/** True when the view has filters the element's attributes cannot carry. */
function uncarried(filters) {
  return filters.docs.length > 0 || filters.kinds.length > 0 || Boolean(filters.sources);
}
