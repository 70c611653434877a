// The header: the name, the search box, the tools (Add articles, Export, Embed, Theme; behind
// a "Menu" button on a phone) and the view tabs. Built once, so that typing keeps the focus,
// and updated on every render. The tabs follow the ARIA tab pattern: one tab stop, arrow keys,
// Home and End move between them and open the view; Enter, Space or a click opens it and moves
// the focus into it.

import { focusWithin, h, scrollIntoSight } from '../dom.js';
import { formatCount } from '../format.js';
import { VIEWS } from '../store.js';

/** How long typing pauses before the search runs (ms). */
const SEARCH_DELAY = 120;

export function header(explorer) {
  const { actions } = explorer;
  let searchTimer = null;
  const search = h('input', {
    type: 'search', class: 'ss-search', placeholder: 'Search quotes, events, articles…', 'aria-label': 'Search',
    maxlength: '200', autocomplete: 'off', spellcheck: 'false', dataset: { focusKey: 'search' },
    oninput: () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => actions.setFilters({ q: search.value }), SEARCH_DELAY);
    },
  });
  const tool = (name, label) => h('button', {
    type: 'button', class: 'ss-tool', 'aria-expanded': 'false', 'aria-controls': 'ss-tool-panel',
    dataset: { tool: name, focusKey: `tool:${name}` }, onclick: () => explorer.actions.togglePanel(name), text: label,
  });
  const theme = h('button', { type: 'button', class: 'ss-tool', dataset: { tool: 'theme' }, onclick: () => explorer.actions.cycleTheme() });
  const tools = h('div', { class: 'ss-tools', id: 'ss-tools' },
    explorer.hasLibrary ? tool('library', 'Add articles') : null, tool('export', 'Export'), tool('embed', 'Embed'), theme);
  const menu = h('button', {
    type: 'button', class: 'ss-menu', 'aria-expanded': 'false', 'aria-controls': 'ss-tools', text: 'Menu',
    onclick: () => setMenu(menu.getAttribute('aria-expanded') !== 'true'),
  });
  // The menu closes on Escape (element.js), on navigation, when a tool panel opens, and on a tap anywhere but in it.
  const outside = (event) => {
    const path = event.composedPath();
    if (!path.includes(menu) && !path.includes(tools)) setMenu(false);
  };
  const setMenu = (open) => {
    menu.setAttribute('aria-expanded', String(open));
    tools.classList.toggle('is-open', open);
    // On click, not pointerdown: folding the tools moves the tabs, which must not move under a tap.
    document[open ? 'addEventListener' : 'removeEventListener']('click', outside, true);
  };

  const tabs = VIEWS.map(({ id, label, short }) => h('button', {
    type: 'button', role: 'tab', class: 'ss-tab', id: `ss-tab-${id}`, 'aria-controls': 'ss-panel',
    dataset: { view: id, focusKey: `tab:${id}` },
    onclick: () => actions.showView(id, { moveFocus: true }),
  }, short ? [h('span', { class: 'ss-tab-long', text: label }), h('span', { class: 'ss-tab-short', text: short })] : label,
  h('span', { class: 'ss-count' })));
  const tablist = h('div', { class: 'ss-tabs', role: 'tablist', 'aria-label': 'Views' }, tabs);
  tablist.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(event.target);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    focusWithin(next);
    actions.showView(next.dataset.view);
  });
  const root = h('header', { class: 'ss-bar' },
    h('div', { class: 'ss-bar-row' }, h('h1', { class: 'ss-brand', text: 'Storyscope' }), search, menu, tools),
    tablist);

  explorer.on('render', ({ ctx, keys }) => {
    const { state, visible } = ctx;
    // Navigation (a link, the back button) wins over what is being typed; typing is not undone.
    const typing = search === search.getRootNode().activeElement;
    if (search.value !== state.filters.q && (!typing || keys.has('hash'))) search.value = state.filters.q;
    for (const tab of tabs) {
      const selected = tab.dataset.view === state.view;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const kind = VIEWS.find((v) => v.id === tab.dataset.view).count;
      tab.querySelector('.ss-count').textContent = formatCount(visible[kind].size);
    }
    // After this render's layout (the header is shown only once the first render is done).
    // On a phone the tabs scroll sideways: the selected one is scrolled into the tab list.
    requestAnimationFrame(() => scrollIntoSight(tablist, tabs.find((tab) => tab.dataset.view === state.view)));
    for (const button of tools.querySelectorAll('[aria-expanded]')) {
      button.setAttribute('aria-expanded', String(button.dataset.tool === state.panel));
    }
    theme.textContent = `Theme: ${state.theme}`;
    theme.setAttribute('aria-label', `Colour theme: ${state.theme}. Change it.`);
    // A tool panel opened from the menu has the room the menu took (its Close and Escape close it).
    if (keys.has('view') || keys.has('doc') || keys.has('entity') || (keys.has('panel') && state.panel)) setMenu(false);
  });
  return { root, search, closeMenu: () => setMenu(false), menuOpen: () => menu.getAttribute('aria-expanded') === 'true', menu };
}
