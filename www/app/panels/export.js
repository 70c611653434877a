// The export panel: the filtered view as the contract's JSON and as CSV tables (the timeline
// exports its events as TimelineJS itself). Built from the selection at the moment of the click.

import { h } from '../dom.js';
import { CSV_TABLES, download, exportFiltered } from '../exports.js';

export function exportPanel(explorer) {
  const root = () => explorer.element.shadowRoot;
  // The JSON is the contract, with the documents' texts (asked of the core); the CSV tables need none.
  const data = async (withTexts) => {
    const ctx = explorer.context();
    return { data: await exportFiltered(ctx.model, ctx.visible, withTexts ? ctx.document : null), model: ctx.model };
  };
  const button = (label, run, withTexts = false) => h('button', {
    type: 'button', class: 'ss-tool', text: label,
    onclick: async () => {
      try {
        run(await data(withTexts));
      } catch (error) {
        explorer.actions.notify(`The export failed: ${error.message}`);
      }
    },
  });
  return [
    h('h2', { class: 'ss-heading', text: 'Export what is shown' }),
    h('div', { class: 'ss-row' },
      button('JSON (extraction contract)', (d) => download(root(), 'storyscope.json', JSON.stringify(d.data, null, 2), 'application/json'), true),
      Object.entries(CSV_TABLES).map(([name, table]) => button(`${name[0].toUpperCase()}${name.slice(1)} CSV`,
        (d) => download(root(), `storyscope-${name}.csv`, table(d.data, d.model), 'text/csv')))),
  ];
}
