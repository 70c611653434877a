// The export panel: the filtered view as the contract's JSON and as CSV tables (the timeline
// exports its events as TimelineJS itself). Built from the selection at the moment of the click.

import { h } from '../dom.js';
import { CSV_TABLES, download, exportFiltered } from '../exports.js';

export function exportPanel(explorer) {
  const root = () => explorer.element.shadowRoot;
  const data = () => {
    const ctx = explorer.context();
    return { data: exportFiltered(ctx.model, ctx.visible), model: ctx.model };
  };
  const button = (label, run) => h('button', { type: 'button', class: 'ss-tool', onclick: run, text: label });
  return [
    h('h2', { class: 'ss-heading', text: 'Export what is shown' }),
    h('div', { class: 'ss-row' },
      button('JSON (extraction contract)', () => download(root(), 'storyscope.json', JSON.stringify(data().data, null, 2), 'application/json')),
      button('Quotes CSV', () => { const d = data(); download(root(), 'storyscope-quotes.csv', CSV_TABLES.quotes(d.data, d.model), 'text/csv'); }),
      button('Events CSV', () => download(root(), 'storyscope-events.csv', CSV_TABLES.events(data().data), 'text/csv')),
      button('Entities CSV', () => download(root(), 'storyscope-entities.csv', CSV_TABLES.entities(data().data), 'text/csv'))),
  ];
}
