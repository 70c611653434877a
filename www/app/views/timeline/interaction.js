// How the reader moves around the chart: arrow keys, Home and End move between events in date
// order, Enter opens the source in the reader; a click selects, a drag pans, a drag on the
// axis band brushes a date range into the shared filter; ctrl+wheel zooms, shift+wheel pans.

import { s } from '../../dom.js';
import { AXIS, MARGIN } from './chart.js';
import { isoDay } from './geometry.js';

/**
 * Wires the chart's events; `setRange(from, to)` applies a brushed range, `picked()` follows a
 * click or tap on an event (not the keyboard's moves, which keep the chart in sight).
 */
export function attachInteraction(chart, { setRange, picked }) {
  const { svg } = chart;

  svg.addEventListener('keydown', (e) => {
    const mark = e.target.closest?.('.tl-ev');
    if (!mark) return;
    const { items } = chart;
    const at = items.findIndex((item) => item.ev.id === mark.dataset.event);
    const go = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (go !== undefined) {
      e.preventDefault();
      if (items[go]) chart.focusEvent(items[go].ev.id);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const mention = items[at]?.ev.mentions[0];
      if (e.key === 'Enter' && mention) chart.actions.openDocument(mention.doc, { start: mention.start, end: mention.end });
    }
  });
  svg.addEventListener('focusin', (e) => {
    const mark = e.target.closest?.('.tl-ev');
    if (mark) chart.focusEvent(mark.dataset.event, { scrollIntoView: false });
  });

  let drag = null;
  /** An event was picked by a click or tap: its details are shown once the click is over. */
  let picking = false;
  const plotX = (e) => e.clientX - svg.getBoundingClientRect().left - MARGIN;
  svg.addEventListener('pointerdown', (e) => {
    picking = false;
    if (!chart.geo || e.button !== 0) return;
    const brushing = e.clientY - svg.getBoundingClientRect().top <= AXIS;
    drag = { id: e.pointerId, startX: plotX(e), startScroll: chart.scroll, brushing, moved: false, mark: e.target.closest?.('.tl-ev') };
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const x = Math.min(Math.max(0, plotX(e)), chart.plotWidth);
    if (!drag.moved && Math.abs(x - drag.startX) < 4) return;
    if (!drag.moved) { drag.moved = true; svg.setPointerCapture(e.pointerId); }
    if (drag.brushing) {
      drag.endX = x;
      svg.querySelector('.tl-brush')?.remove();
      svg.firstChild?.append(s('rect', {
        class: 'tl-brush', x: MARGIN + Math.min(drag.startX, x), y: 0,
        width: Math.abs(x - drag.startX), height: svg.height.baseVal.value,
      }));
    } else {
      const nextScroll = Math.min(Math.max(0, drag.startScroll - (x - drag.startX)), Math.max(0, chart.geo.width - chart.plotWidth));
      chart.view.center = chart.geo.dayAt(nextScroll + chart.plotWidth / 2);
      chart.moved();
    }
  });
  const endDrag = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const done = drag;
    drag = null;
    if (done.moved && done.brushing && e.type === 'pointerup') {
      const [a, b] = [done.startX, done.endX ?? done.startX].sort((p, q) => p - q);
      setRange(isoDay(Math.floor(chart.geo.dayAt(chart.scroll + a))), isoDay(Math.ceil(chart.geo.dayAt(chart.scroll + b)) - 1));
    } else if (!done.moved && done.mark && e.type === 'pointerup') {
      chart.focusEvent(done.mark.dataset.event, { scrollIntoView: false });
      picking = true;
    }
    svg.querySelector('.tl-brush')?.remove();
  };
  // After the click, not at pointerup: a tap's mouse events come after its pointerup, and
  // scrolling between them would land its mousedown elsewhere and take the focus off the mark.
  svg.addEventListener('click', () => {
    if (picking) picked();
    picking = false;
  });
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener('wheel', (e) => {
    if (!chart.geo) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      chart.zoomBy(e.deltaY < 0 ? 1.25 : 0.8, plotX(e));
    } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      const delta = e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX;
      const nextScroll = Math.min(Math.max(0, chart.scroll + delta), Math.max(0, chart.geo.width - chart.plotWidth));
      chart.view.center = chart.geo.dayAt(nextScroll + chart.plotWidth / 2);
      chart.moved();
    }
  }, { passive: false });
}

/** + / - / 0 anywhere in the timeline (but in a text field) zoom in, out and to fit. */
export function zoomKeys(chart) {
  return (e) => {
    if (e.target.matches?.('input') || e.ctrlKey || e.metaKey || e.altKey) return;
    const run = { '+': () => chart.zoomAtEvents(2), '=': () => chart.zoomAtEvents(2), '-': () => chart.zoomAtEvents(0.5), _: () => chart.zoomAtEvents(0.5), 0: () => chart.zoomToFit() }[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  };
}
