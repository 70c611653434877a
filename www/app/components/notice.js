// A short notice above the view: what part of a link was ignored, or filters the core refused.
// Dismissable; it goes when the next link is read.

import { h } from '../dom.js';

export function notice(explorer) {
  const text = h('span', { class: 'ss-notice-text' });
  const root = h('p', { class: 'ss-notice', role: 'status', hidden: true }, text,
    h('button', { type: 'button', class: 'ss-link', onclick: () => explorer.actions.dismissNotice(), text: 'Dismiss' }));
  explorer.on('render', () => {
    text.textContent = explorer.notice;
    root.hidden = !explorer.notice;
  });
  return root;
}
