// The open tool panel (Add articles, Export, Embed): one at a time, below the header (over the
// view on a phone, with its own scroll). It closes with its button, on Escape (the focus goes
// back to its button) and when the reader moves to another view, article or entity.

import { h } from '../dom.js';
import { embedPanel } from '../panels/embed.js';
import { exportPanel } from '../panels/export.js';
import { libraryPanel } from '../panels/library.js';

const PANELS = { library: libraryPanel, export: exportPanel, embed: embedPanel };

export function toolPanel(explorer) {
  const root = h('section', { class: 'ss-panel-box', id: 'ss-tool-panel', hidden: true });
  let shown = null;
  explorer.on('render', ({ ctx, keys }) => {
    const name = PANELS[ctx.state.panel] ? ctx.state.panel : null;
    // The library panel is rebuilt only when it changes: a pasted text stays while filtering.
    if (name === shown && !keys.has('library') && !keys.has('panel') && name !== 'embed') return;
    shown = name;
    root.hidden = !name;
    root.className = `ss-panel-box${name ? ` ss-${name}` : ''}`;
    root.replaceChildren(...(name ? [PANELS[name](explorer, ctx)].flat() : []));
    root.setAttribute('aria-label', name ? root.querySelector('h2')?.textContent ?? name : 'Tools');
  });
  return root;
}
