// The view area: renders the current view into the tab panel when what it shows changed, keeps
// the focus where it was (by data-focus-key) or moves it where an action asked, and contains
// failures: a view that throws shows the error in its own panel with "Try again", while the
// header, the filters and the other views keep working. Before the first render it shows the
// loading status, or why Storyscope could not start. From the moment the explorer starts
// working out what to show until the view has rendered it, the panel is aria-busy, so that
// assistive technology reads the new content rather than a half-updated one (and the browser
// tests know when the page is done).

import { focusWithin, h } from '../dom.js';
import { VIEWS } from '../store.js';

/** State changes that change what a view shows ('panel', 'theme', 'notice' do not). */
const VIEW_KEYS = ['model', 'selection', 'view', 'doc', 'focus', 'entity', 'filters', 'timeline', 'hash', 'retry'];

export function viewHost(explorer, views) {
  // Focusable, so that the scrolling panel can be scrolled from the keyboard.
  const panel = h('div', { class: 'ss-panel', id: 'ss-panel', role: 'tabpanel', tabindex: '0' });
  let ticket = 0;
  let shown = null;
  // Refreshes begun, and the number begun when the render in hand was emitted: a render answers
  // every refresh begun before it (a later one emits its own render).
  let refreshes = 0;
  explorer.on('refresh', () => {
    refreshes += 1;
    panel.setAttribute('aria-busy', 'true');
  });
  const done = (answered) => {
    if (answered === refreshes) panel.removeAttribute('aria-busy');
  };

  explorer.on('status', ({ text, error }) => {
    panel.replaceChildren(error
      ? h('div', { class: 'ss-error', role: 'alert' },
        h('h2', { text: 'Storyscope could not start' }),
        h('p', { text: error instanceof Error ? error.message : String(error) }))
      : h('p', { class: 'ss-status', role: 'status', text }));
    if (error) panel.removeAttribute('aria-busy');
  });

  const fail = (view, error) => {
    console.error(error);
    const label = VIEWS.find((v) => v.id === view)?.label ?? view;
    ticket += 1;
    shown = null;
    panel.replaceChildren(h('div', { class: 'ss-error ss-view-error', role: 'alert' },
      h('h2', { tabindex: '-1', dataset: { focusKey: 'view' }, text: `The ${label} view could not be shown` }),
      h('p', { text: error instanceof Error ? error.message : String(error) }),
      h('p', { class: 'ss-note', text: 'The other views and the filters still work.' }),
      h('button', { type: 'button', class: 'ss-tool', dataset: { focusKey: 'retry' }, onclick: () => explorer.actions.rerender(), text: 'Try again' })));
  };
  explorer.on('view-error', (error) => fail(explorer.state.view, error));

  explorer.on('render', async ({ ctx, keys }) => {
    const answered = refreshes;
    const { view } = ctx.state;
    if (shown === view && !VIEW_KEYS.some((k) => keys.has(k))) {
      applyFocus(explorer.takeFocusRequest());
      done(answered);
      return;
    }
    const mine = ++ticket;
    const root = panel.getRootNode();
    const active = root.activeElement;
    const keep = active && panel.contains(active) ? active.closest('[data-focus-key]')?.dataset.focusKey : null;
    let node;
    try {
      node = await views[view].render(ctx);
    } catch (error) {
      if (mine === ticket) {
        fail(view, error);
        done(answered);
      }
      return;
    }
    if (mine !== ticket) return;
    if (panel.childNodes.length !== 1 || panel.firstChild !== node) panel.replaceChildren(node);
    shown = view;
    panel.setAttribute('aria-labelledby', `ss-tab-${view}`);
    panel.dataset.view = view;
    try {
      views[view].shown?.(node);
    } catch (error) {
      fail(view, error);
      done(answered);
      return;
    }
    applyFocus(explorer.takeFocusRequest() ?? keep);
    done(answered);
  });

  /** Focuses what a request names: 'view' (the view's heading), 'passage' (the highlighted span) or a data-focus-key. */
  function applyFocus(request) {
    if (!request) return;
    const root = panel.getRootNode();
    let target;
    if (request === 'passage') target = panel.querySelector('.ss-focus') ?? panel.querySelector('[data-focus-key="view"]');
    else if (request === 'view') target = panel.querySelector('[data-focus-key="view"]');
    else target = root.querySelector(`[data-focus-key="${CSS.escape(request)}"]`);
    // Scrolled within the explorer only, never a blog's page around an embed.
    focusWithin(target, { center: request === 'passage' });
  }

  return panel;
}

/** "Skip to the view": the first stop of the keyboard, visible when focused. */
export function skipLink(explorer) {
  return h('button', {
    type: 'button', class: 'ss-skip', text: 'Skip to the view',
    onclick: (event) => {
      const root = event.currentTarget.getRootNode();
      const target = root.querySelector('#ss-panel [data-focus-key="view"]') ?? root.querySelector('#ss-panel');
      focusWithin(target);
      explorer.emit('skipped');
    },
  });
}
