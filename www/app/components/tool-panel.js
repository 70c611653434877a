// The open tool panel (Add articles, Export, Embed): one at a time, below the header (over the
// view on a phone, with its own scroll). Opening it moves the focus to its heading, so that the
// next Tab goes through the panel rather than through the other tools and the view tabs that
// stand between its button and it. It closes with its button, its Close button and Escape
// (`close`: the focus goes back to its button), and when the reader moves to another view,
// article or entity. The library's news (added, skipped, refused) is scrolled into sight when
// it changes: on a phone it is below the paste form.

import { focusWithin, h, scrollIntoSight } from '../dom.js';
import { embedPanel } from '../panels/embed.js';
import { exportPanel } from '../panels/export.js';
import { libraryPanel } from '../panels/library.js';

const PANELS = { library: libraryPanel, export: exportPanel, embed: embedPanel };

export function toolPanel(explorer, close) {
  const root = h('section', { class: 'ss-panel-box', id: 'ss-tool-panel', hidden: true });
  let shown = null;
  let news = '';
  explorer.on('render', ({ ctx, keys }) => {
    const name = PANELS[ctx.state.panel] ? ctx.state.panel : null;
    // The library panel is rebuilt only when it changes: a pasted text stays while filtering.
    if (name === shown && !keys.has('library') && !keys.has('panel') && name !== 'embed') return;
    const rebuilt = name === shown;
    shown = name;
    // A panel rebuilt under the reader's hands (an article added meanwhile) keeps the focus on
    // the control it was on.
    const active = root.getRootNode().activeElement;
    const keep = rebuilt && active && root.contains(active) ? active.closest('[data-focus-key]')?.dataset.focusKey : null;
    root.hidden = !name;
    root.className = `ss-panel-box${name ? ` ss-${name}` : ''}`;
    // A panel's parts that are absent this time (no messages, no status) are null.
    root.replaceChildren(...(name ? [PANELS[name](explorer, ctx)].flat().filter((part) => part != null) : []));
    const heading = root.querySelector('h2');
    root.setAttribute('aria-label', name ? heading?.textContent ?? name : 'Tools');
    if (name) root.prepend(h('button', { type: 'button', class: 'ss-tool ss-panel-close', 'aria-label': `Close ${heading?.textContent ?? name}`, onclick: close, text: 'Close' }));
    // What the add said, from its status to the last refused file: the end first, then the
    // start, so that both are in sight when they fit, and the start when they do not.
    const said = [...root.querySelectorAll('.ss-library-status, .ss-messages')];
    const text = said.map((part) => part.textContent).join('\n');
    // In the next frame: measuring now would lay out the whole page before the view renders
    // (it is the next listener), and then again after it; with 300 articles that doubled a
    // 200 ms layout.
    if (said.length && text !== news) {
      requestAnimationFrame(() => {
        for (const part of [said.at(-1), said[0]]) if (part.isConnected) scrollIntoSight(root, part);
      });
    }
    news = text;
    if (keep) focusWithin(root.querySelector(`[data-focus-key="${CSS.escape(keep)}"]`));
    else if (name && !rebuilt && heading) {
      heading.tabIndex = -1;
      focusWithin(heading);
    }
  });
  return root;
}
