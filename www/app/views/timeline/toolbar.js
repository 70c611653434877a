// The timeline's tool bar: lanes (articles or people), zoom (−, +, Fit and the span shown),
// the date filter's From and To, and the exports. Built once per timeline and updated in
// place, so that a field being typed in is never rebuilt under the reader's fingers.
//
// A date field applies only a complete day inside the data's span, and only when the reader is
// done with it: on Enter, on leaving the field, or on a change that is not typing (the date
// picker). Typing "03012009" does not apply 0002-03-01, 0020-03-01, 0200-03-01 on the way.

import { h } from '../../dom.js';
import { formatDate } from '../../format.js';

export function timelineToolbar({ chart, setRange, exportJson, exportCsv }) {
  const button = (key, props, text) => h('button', { type: 'button', class: 'tl-button', dataset: { tlKey: key }, ...props, text });
  const lanesButton = (mode, label) => button(`lanes-${mode}`, {
    'aria-pressed': 'false', onclick: () => chart.actions.setTimeline({ lanes: mode }),
  }, label);
  const lanes = [lanesButton('docs', 'Articles'), lanesButton('people', 'People')];
  const zoomOut = button('zoom-out', { 'aria-label': 'Zoom out', title: 'Zoom out (−)', onclick: () => chart.zoomAtEvents(0.5) }, '−');
  const zoomIn = button('zoom-in', { 'aria-label': 'Zoom in', title: 'Zoom in (+)', onclick: () => chart.zoomAtEvents(2) }, '+');
  const fit = button('fit', { title: 'Show everything (0)', onclick: () => chart.zoomToFit() }, 'Fit');
  const span = h('span', { class: 'tl-span', 'aria-live': 'polite' });
  const hint = h('span', { class: 'tl-hint', role: 'status' });
  let filters = { from: null, to: null };
  // Applies begun: only the last one's answer from the core may write the hint.
  let applies = 0;

  const dateField = (which, label) => {
    const input = h('input', { type: 'date', dataset: { tlKey: which }, 'aria-describedby': 'tl-date-hint' });
    let typing = false;
    // What the reader typed and the filter does not hold (a day in part, out of the data):
    // kept on screen, with the hint, while the field has the focus.
    let refused = false;
    const apply = () => {
      const asked = ++applies;
      typing = false;
      refused = true;
      // A day typed in part (no year yet) has an empty value, as a cleared field does.
      if (input.validity.badInput) {
        hint.textContent = 'Enter a whole day: day, month and year.';
        return;
      }
      const value = input.value || null;
      if (value && !input.validity.valid) {
        hint.textContent = `Enter a day between ${formatDate(input.min)} and ${formatDate(input.max)}.`;
        return;
      }
      refused = false;
      hint.textContent = '';
      if (value === filters[which]) return;
      setRange({ ...filters, [which]: value }, which).then((dropped) => {
        if (asked === applies && dropped.length) hint.textContent = dropped.map((d) => `${d.value}: ${d.message}.`).join(' ');
      });
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); apply(); } else if (/^(\d|Backspace|Delete|ArrowUp|ArrowDown)$/.test(e.key)) typing = true;
    });
    input.addEventListener('change', () => { if (!typing) apply(); });
    input.addEventListener('blur', () => { if (typing) apply(); });
    // Whether the field holds what the reader is typing, or typed and the filter refused.
    const held = () => typing || refused;
    return { input, held, label: h('label', { class: 'tl-date' }, label, input) };
  };
  const from = dateField('from', 'From');
  const to = dateField('to', 'To');
  hint.id = 'tl-date-hint';
  const clear = button('clear', { onclick: () => setRange({ from: null, to: null }, 'from') }, 'Clear dates');
  const json = button('export-json', { title: 'The visible events in the TimelineJS3 format', onclick: exportJson }, 'Export JSON');
  const csv = button('export-csv', { title: 'The visible events as a spreadsheet', onclick: exportCsv }, 'Export CSV');

  const root = h('div', { class: 'tl-toolbar' },
    h('div', { class: 'tl-group', role: 'group', 'aria-label': 'Lanes' }, h('span', { class: 'tl-group-label', text: 'Lanes' }), lanes),
    h('div', { class: 'tl-group', role: 'group', 'aria-label': 'Zoom' }, zoomOut, zoomIn, fit, span),
    h('div', { class: 'tl-group', role: 'group', 'aria-label': 'Date filter' }, from.label, to.label, clear, hint),
    h('div', { class: 'tl-group', role: 'group', 'aria-label': 'Export' }, json, csv));

  chart.listeners.add(({ label, zoom, maxZoom }) => {
    span.textContent = `Showing ${label}`;
    zoomIn.disabled = zoom >= maxZoom - 1e-9;
    zoomOut.disabled = zoom <= 1;
    fit.disabled = zoom <= 1;
  });

  /**
   * Shows the current state, as the core read it (a range given end first turned round); a
   * focused field keeps what is being typed in it, or was typed and refused.
   */
  const update = ({ view, filters: current, bounds, hasItems }) => {
    filters = { from: current.from, to: current.to };
    for (const b of lanes) b.setAttribute('aria-pressed', String(b.dataset.tlKey === `lanes-${view.lanes}`));
    const active = root.getRootNode().activeElement;
    for (const field of [from, to]) {
      field.input.min = bounds?.min ?? '';
      field.input.max = bounds?.max ?? '';
      const value = filters[field.input.dataset.tlKey] ?? '';
      if (!(field.input === active && field.held()) && field.input.value !== value) field.input.value = value;
    }
    clear.disabled = !filters.from && !filters.to;
    json.disabled = !hasItems;
    csv.disabled = !hasItems;
    // No chart, nothing to zoom or name; the chart's next drawing sets them again.
    if (!hasItems) {
      for (const b of [zoomIn, zoomOut, fit]) b.disabled = true;
      span.textContent = '';
    }
  };
  return { root, update };
}
