// What a view says when the filters leave it empty: the sentence, and the way out ("Clear the
// filters", after which the focus goes to the view's heading, as the button goes away).

import { h } from '../dom.js';

export function clearFiltersButton(actions) {
  return h('button', { type: 'button', class: 'ss-link', onclick: () => actions.clearFilters('view'), text: 'Clear the filters' });
}

/** "No article passes these filters. Clear the filters", announced politely. */
export function clearFiltersNote({ actions }, text) {
  return h('p', { class: 'ss-empty', role: 'status' }, `${text} `, clearFiltersButton(actions));
}
