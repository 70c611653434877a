// The Timeline view: assembles the tool bar (toolbar.js), the chart (chart.js, interaction.js),
// the legend and the detail panel (detail.js). One instance per explorer and corpus, kept
// across renders: a render updates it in place, so that the focus, a field being typed in and
// the pointer capture survive. Zoom, pan, lanes and the selected event live in
// ctx.state.timeline; the visible days are the permalink's range ("tf"/"tt").

import { focusWithin, h, s, scrollIntoSight } from '../../dom.js';
import { CSV_TABLES, download } from '../../exports.js';
import { plural } from '../../format.js';
import { anyFilter } from '../../store.js';
import { clearFiltersButton } from '../empty.js';
import { TimelineChart } from './chart.js';
import { eventDetail, legend } from './detail.js';
import { toTimelineJs } from './export.js';
import { axisSegments, dayNumber, groupLanes, isoDay } from './geometry.js';
import { attachInteraction, zoomKeys } from './interaction.js';
import { timelineToolbar } from './toolbar.js';

export const timelineView = {
  render(ctx) {
    let timeline = ctx.ui.timeline;
    if (timeline?.model !== ctx.model) {
      timeline = new TimelineView(ctx);
      ctx.ui.timeline = timeline;
    }
    timeline.update(ctx);
    return timeline.section;
  },
  /** Drawn once in the page (the chart needs its width). */
  shown(section) {
    section.timeline?.chart.draw();
  },
};

/** An event's details count as shown when at least this much of them (px) is in sight. */
const REVEAL_MARGIN = 48;

const datedCache = new WeakMap();
/**
 * Every dated event of the model in date order, with its days and position, and the axis
 * segments (laid out on every event, so that filtering does not move the axis): once per model.
 */
function datedEvents(model) {
  if (!datedCache.has(model)) {
    const byDate = (a, b) => a.first - b.first || a.last - b.last || a.ev.id.localeCompare(b.ev.id, 'en', { numeric: true });
    const dated = model.events
      .map((ev, position) => ({ ev, position, first: dayNumber(ev.start), last: dayNumber(ev.end) }))
      .filter((item) => item.first !== null && item.last !== null && item.last >= item.first)
      .sort(byDate);
    // The days the axis is laid out for (its segments add a margin): what "Showing" names when
    // the whole axis is on screen, filtered or not, so that the label says what the axis shows.
    const extent = dated.length ? [dated[0].first, dated.reduce((last, item) => Math.max(last, item.last), dated[0].last) + 1] : null;
    datedCache.set(model, { dated, segments: axisSegments(dated), extent });
  }
  return datedCache.get(model);
}

class TimelineView {
  constructor(ctx) {
    this.model = ctx.model;
    this.ctx = ctx;
    this.chart = new TimelineChart({ onSelect: () => this.renderDetail(), onError: (error) => this.ctx.fail(error) });
    // The core reads the range (one given end first is turned round); the tool bar shows what
    // it kept. Resolves to what it dropped.
    const setRange = ({ from, to }, refocus) => {
      const active = this.section.getRootNode().activeElement;
      return this.ctx.actions.setDates(from || null, to || null).then((dropped) => {
        // "Clear dates" disables itself: the focus goes to From instead of the page.
        if (refocus && active?.disabled) focusWithin(this.section.querySelector(`[data-tl-key="${refocus}"]`));
        return dropped;
      });
    };
    attachInteraction(this.chart, { setRange: (from, to) => setRange({ from, to }, null), picked: () => this.revealDetail() });
    const groupOf = (ev) => groupLanes([{ ev }], this.model, this.chart.view.lanes)[0]?.label ?? '';
    const events = () => this.chart.items.map((item) => item.ev);
    this.toolbar = timelineToolbar({
      chart: this.chart,
      setRange,
      exportJson: () => download(this.section, 'storyscope-timeline.json', JSON.stringify(toTimelineJs(events(), this.model, groupOf), null, 2), 'application/json'),
      exportCsv: () => download(this.section, 'storyscope-timeline.csv', `\uFEFF${CSV_TABLES.events({ events: events() })}`, 'text/csv;charset=utf-8'),
    });
    this.heading = h('h2', { id: 'ss-timeline-title', class: 'ss-heading', tabindex: '-1', dataset: { focusKey: 'view' } });
    this.detail = h('section', { class: 'tl-detail', 'aria-label': 'Selected event' });
    this.empty = h('p', { class: 'ss-empty', role: 'status' });
    this.legend = legend(s);
    this.section = h('section', { class: 'ss-view tl', 'aria-labelledby': 'ss-timeline-title', onkeydown: zoomKeys(this.chart) },
      this.heading, this.toolbar.root, this.chart.root, this.empty, this.legend, this.detail);
    this.section.timeline = this;
    const observer = new ResizeObserver(() => {
      if (!this.section.isConnected) return;
      this.chart.draw();
    });
    observer.observe(this.chart.root);
  }

  update(ctx) {
    this.ctx = ctx;
    const { model, state, visible } = ctx;
    const view = state.timeline;
    view.lanes ??= 'docs';
    view.zoom ??= 1;
    const { dated, segments, extent } = datedEvents(model);
    const items = dated.filter((item) => visible.events.hasPosition(item.position));
    if (!items.some((item) => item.ev.id === view.selected)) view.selected = items[0]?.ev.id ?? null;
    this.chart.setData({ items, segments, bounds: extent, model, view, filters: state.filters, actions: ctx.actions });
    this.toolbar.update({
      view, filters: state.filters, hasItems: items.length > 0,
      bounds: segments.length ? { min: isoDay(segments[0].first), max: isoDay(segments[segments.length - 1].last) } : null,
    });
    this.heading.textContent = `Timeline (${plural(items.length, 'event', 'events')})`;
    const has = items.length > 0;
    this.chart.root.hidden = !has;
    this.legend.hidden = !has;
    this.detail.hidden = !has;
    this.empty.hidden = has;
    // Filters that leave no event: the way out, as in the other views.
    if (!dated.length) this.empty.replaceChildren('No dated events found.');
    else this.empty.replaceChildren('No dated events match the filters.', ...(anyFilter(state.filters) ? [' ', clearFiltersButton(ctx.actions)] : []));
    if (has) this.renderDetail();
    if (this.section.isConnected) this.chart.draw();
  }

  /**
   * After a click or tap on an event: its details are scrolled into sight when they start
   * below the view (on a phone the legend and the chart's height put them a screen down, and
   * the tap seemed to do nothing). Where they show already, nothing moves.
   */
  revealDetail() {
    const port = this.section.closest('#ss-panel');
    const card = this.detail.querySelector('.tl-detail-card') ?? this.detail;
    if (port && card.getBoundingClientRect().top > port.getBoundingClientRect().bottom - REVEAL_MARGIN) scrollIntoSight(port, this.detail);
  }

  renderDetail() {
    const ev = this.chart.itemsById.get(this.chart.view.selected)?.ev;
    this.detail.replaceChildren(h('h3', { class: 'ss-heading', text: 'Selected event' }), eventDetail(ev, this.ctx));
  }
}
