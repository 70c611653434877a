// The timeline chart: the visible events as SVG marks on the broken axis (geometry.js), in
// lanes by article or by person. Points are single days, bars longer dates; hollow bars are
// years or coarser; "?" marks an inferred date and "≠" sources that disagree (both from the
// core). Above DRAW_ALL marks (an event has one in each of its lanes: an event many articles
// tell is drawn in each one's lane) only those within a screen of the view are drawn. It keeps
// the zoom, the centre and the selected event in the view state (state.timeline), changed in
// place; pointer and keyboard handling is interaction.js.

import { h, revealWithin, s } from '../../dom.js';
import { COARSE_PRECISIONS, formatPeriod, plural } from '../../format.js';
import {
  axisGeometry, axisTicks, dayNumber, dayParts, gapLabel, groupLanes, isoDay, packRows, shownDays, spanLabel, zoomToRange,
} from './geometry.js';

export const AXIS = 46;
export const MARGIN = 8;
const LABEL = 18;
const ROW = 24;
const LANE_PAD = 6;
/** The width of a character of the axis labels, for fitting them (px, generous). */
const CHAR = 6.8;
/** Up to this many marks, every one is drawn; beyond, only those near the screen. */
const DRAW_ALL = 500;
/** An event's name lists this many of its sources, then says how many more. */
const NAMED_SOURCES = 3;

/** The permalink range a view was drawn for, to notice when it changes from outside. */
const rangeKey = (view) => `${view.from ?? ''}..${view.to ?? ''}`;

export class TimelineChart {
  constructor({ onSelect, onError }) {
    // tabindex -1: Chromium would otherwise put the <svg> itself in the tab order before the events.
    this.svg = s('svg', { class: 'tl-svg', role: 'group', 'aria-roledescription': 'timeline', tabindex: '-1' });
    this.root = h('div', { class: 'tl-chart' }, this.svg);
    this.onSelect = onSelect;
    this.onError = onError;
    this.geo = null;
    this.scroll = 0;
    this.plotWidth = 0;
    this.lanes = [];
    this.scroller = null;
    this.scrollFrame = 0;
    this.drawnWindow = [-Infinity, Infinity];
    this.listeners = new Set();
  }

  /** New data: the visible items (date order), the axis, the view state and the date filter. */
  setData({ items, segments, bounds, model, view, filters, actions }) {
    Object.assign(this, { items, segments, bounds, model, view, filters, actions });
    this.itemsById = new Map(items.map((item) => [item.ev.id, item]));
    this.lanesByMode = new Map();
  }

  xOf(day) {
    return MARGIN + this.geo.x(day) - this.scroll;
  }

  /** Draws the chart at the current size, zoom and centre; a failure goes to onError. */
  draw() {
    try {
      this.drawChart();
    } catch (error) {
      this.onError(error);
    }
  }

  drawChart() {
    const { svg, view, segments, bounds } = this;
    const width = this.root.clientWidth;
    if (!width || !segments.length) return;
    const focusRoot = svg.getRootNode();
    const focused = focusRoot.activeElement?.closest?.('.tl-ev') ? focusRoot.activeElement.dataset.event : null;
    const plotWidth = width - 2 * MARGIN;
    this.plotWidth = plotWidth;
    if (view.drawn !== rangeKey(view)) {
      const target = zoomToRange(segments, plotWidth, dayNumber(view.from), dayNumber(view.to));
      view.zoom = target?.zoom ?? 1;
      view.center = view.zoom > 1 ? target.center : null;
      // Ignored or everything: a link to this view has no range.
      if (view.zoom <= 1 && (view.from || view.to)) this.actions.setTimelineRange(null, null);
      view.drawn = rangeKey(view);
    }
    const fitGeo = axisGeometry(segments, plotWidth, 1);
    view.zoom = Math.min(Math.max(1, view.zoom ?? 1), fitGeo.maxZoom);
    const geo = axisGeometry(segments, plotWidth, view.zoom);
    this.geo = geo;
    const center = view.center ?? geo.dayAt(geo.width / 2);
    this.scroll = Math.min(Math.max(0, geo.x(center) - plotWidth / 2), Math.max(0, geo.width - plotWidth));
    const from = geo.dayAt(this.scroll);
    const to = geo.dayAt(this.scroll + plotWidth);
    if (!this.lanesByMode.has(view.lanes)) this.lanesByMode.set(view.lanes, groupLanes(this.items, this.model, view.lanes));
    this.lanes = this.lanesByMode.get(view.lanes);
    this.cull = this.lanes.reduce((marks, lane) => marks + lane.items.length, 0) > DRAW_ALL;
    this.watchScroll();
    const height = this.packLanes();

    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const shownFrom = bounds ? Math.max(from, bounds[0]) : from;
    const shownTo = bounds ? Math.min(to, bounds[1]) - 1 : to;
    Object.assign(svg.dataset, { viewFrom: isoDay(Math.floor(from)), viewTo: isoDay(Math.floor(to)) });
    const label = spanLabel(shownFrom, shownTo);
    svg.setAttribute('aria-label', `Timeline of ${plural(this.items.length, 'event', 'events')}, showing ${label}. ` +
      'Arrow keys move between events, Enter opens the source, + and − zoom.');
    for (const listener of this.listeners) listener({ label, zoom: view.zoom, maxZoom: fitGeo.maxZoom });

    this.drawnWindow = this.cull ? this.onScreen(1) : [-Infinity, Infinity];
    const plot = s('svg', { class: 'tl-plot', x: 0, y: 0, width, height });
    const laneLayer = this.drawLanes(width);
    plot.append(laneLayer, ...this.drawAxis(from, to, height));
    if (this.filters.from || this.filters.to) {
      const a = this.filters.from ? this.xOf(dayNumber(this.filters.from)) : MARGIN;
      const b = this.filters.to ? this.xOf(dayNumber(this.filters.to) + 1) : MARGIN + plotWidth;
      plot.append(s('rect', { class: 'tl-range', x: a, y: 0, width: Math.max(2, b - a), height }));
    }
    // Events in date order after the lanes' duplicates, so that the DOM order is the focus order.
    plot.append(this.drawMarks(laneLayer), s('rect', { class: 'tl-brush-zone', x: MARGIN, y: 0, width: plotWidth, height: AXIS }));
    svg.replaceChildren(plot);
    // The focus stays in the chart, on the selected event (which may have just changed).
    if (focused) (this.primaryMark(view.selected) ?? this.primaryMark(focused))?.focus({ preventScroll: true });
  }

  /** Packs each lane's marks into rows so that none overlap at the current zoom; returns the height. */
  packLanes() {
    let top = AXIS;
    for (const lane of this.lanes) {
      const spans = lane.items.map((item) => {
        const x0 = item.first === item.last ? this.xOf(item.first + 0.5) - 10 : this.xOf(item.first) - 4;
        const x1 = Math.max(x0 + 20, this.xOf(item.last + 1) + 4) + (item.ev.inferred || item.ev.conflict ? 18 : 0);
        return [x0, x1];
      });
      const packed = packRows(spans);
      lane.rows = packed.rows;
      lane.top = top;
      lane.height = LABEL + packed.count * ROW + LANE_PAD;
      top += lane.height;
    }
    return top + 4;
  }

  drawLanes(width) {
    const [top, bottom] = this.drawnWindow;
    const layer = s('g', { class: 'tl-lanes' });
    this.lanes.forEach((lane, i) => {
      if (lane.top > bottom || lane.top + lane.height < top) return;
      layer.append(s('rect', { class: `tl-lane ${i % 2 ? 'tl-lane-odd' : ''}`, x: 0, y: lane.top, width, height: lane.height }));
    });
    return layer;
  }

  drawAxis(from, to, height) {
    const { geo, plotWidth, scroll } = this;
    const grid = s('g', { class: 'tl-grid' });
    const axis = s('g', { class: 'tl-axis', 'aria-hidden': 'true' });
    for (const g of geo.segments) {
      const x0 = Math.max(MARGIN, this.xOf(g.first));
      const x1 = Math.min(MARGIN + plotWidth, this.xOf(g.last));
      if (x1 <= x0) continue;
      axis.append(s('line', { class: 'tl-baseline', x1: x0, x2: x1, y1: AXIS - 1, y2: AXIS - 1 }));
      let ticks = axisTicks(g, from, to);
      if (!ticks.length) ticks = [{ day: Math.max(g.first, from), label: '', context: spanLabel(Math.max(g.first, from), Math.min(g.last, to) - 1) }];
      // Labels stay inside their segment (the break's own label sits beside them).
      const fits = (x, text) => text && x + 3 + text.length * CHAR <= x1;
      let contextEnd = -Infinity;
      for (const t of ticks) {
        const x = this.xOf(t.day);
        grid.append(s('line', { x1: x, x2: x, y1: AXIS, y2: height }));
        axis.append(s('line', { class: 'tl-tick', x1: x, x2: x, y1: AXIS - 7, y2: AXIS - 1 }));
        if (fits(x, t.label)) axis.append(s('text', { class: 'tl-tick-label', x: x + 3, y: AXIS - 10, text: t.label }));
        const context = [t.context, t.context.slice(-4)].find((c) => fits(x, c));
        if (context && x > contextEnd) {
          axis.append(s('text', { class: 'tl-tick-context', x: x + 3, y: 14, text: context }));
          contextEnd = x + 3 + context.length * CHAR + 6;
        }
      }
      if (contextEnd === -Infinity) {
        // Too narrow for its ticks' context: name at least the year at the segment's start.
        axis.append(s('text', { class: 'tl-tick-context', x: x0 + 1, y: 14, text: String(dayParts(Math.max(g.first, from) + 1).year) }));
      }
    }
    const breaks = s('g', { class: 'tl-breaks' });
    geo.segments.slice(1).forEach((g, i) => {
      const prev = geo.segments[i];
      const x0 = MARGIN + prev.x1 - scroll;
      const x1 = MARGIN + g.x0 - scroll;
      const mid = (x0 + x1) / 2;
      const [amount, unit] = gapLabel(g.first - prev.last).split(' ');
      breaks.append(s('g', { class: 'tl-break', dataset: { from: isoDay(prev.last), to: isoDay(g.first) } },
        s('title', { text: `${gapLabel(g.first - prev.last)} without events skipped` }),
        s('rect', { class: 'tl-break-band', x: x0 + 2, y: 0, width: Math.max(0, x1 - x0 - 4), height }),
        s('path', { class: 'tl-break-mark', d: `M${mid - 6},${AXIS + 4} l4,-10 M${mid + 2},${AXIS + 4} l4,-10` }),
        s('text', { class: 'tl-break-label', x: mid, y: 14, text: amount }),
        s('text', { class: 'tl-break-label', x: mid, y: 26, text: unit })));
    });
    return [breaks, grid, axis];
  }

  drawMarks(laneLayer) {
    const { plotWidth, view } = this;
    const [top, bottom] = this.drawnWindow;
    const marks = s('g', { class: 'tl-events' });
    const seen = new Set();
    const near = (x0, x1, cy) => cy >= top && cy <= bottom && x1 >= MARGIN - plotWidth && x0 <= MARGIN + 2 * plotWidth;
    for (const lane of this.lanes) {
      // The first mark of an event (in lane order) is its focusable one, drawn or not.
      const primaries = lane.items.map((item) => !seen.has(item.ev.id) && seen.add(item.ev.id));
      const selected = lane.items.findIndex((item, i) => primaries[i] && item.ev.id === view.selected);
      if (lane.top > bottom || lane.top + lane.height < top) {
        if (selected < 0) continue;
      } else {
        // The lane's name has its own band above the lane's rows: marks never cover it.
        const label = lane.label.length * CHAR > plotWidth ? `${lane.label.slice(0, Math.max(4, Math.floor(plotWidth / CHAR) - 1))}…` : lane.label;
        laneLayer.append(s('text', { class: 'tl-lane-label', x: MARGIN + 2, y: lane.top + 13, dataset: { lane: lane.key } },
          s('title', { text: lane.label }), label));
      }
      lane.items.forEach((item, i) => {
        const cy = lane.top + LABEL + lane.rows[i] * ROW + ROW / 2;
        if (this.cull && i !== selected && !near(this.xOf(item.first), this.xOf(item.last + 1), cy)) return;
        marks.append(this.markOf(item, cy, primaries[i]));
      });
    }
    return marks;
  }

  markOf(item, cy, primary) {
    const { ev } = item;
    const point = item.first === item.last;
    const glyphs = `${ev.inferred ? '?' : ''}${ev.conflict ? '≠' : ''}`;
    const selected = ev.id === this.view.selected;
    const classes = ['tl-ev', point ? 'tl-point' : 'tl-bar', COARSE_PRECISIONS.has(ev.precision) ? 'tl-coarse' : '',
      ev.inferred ? 'tl-uncertain' : '', ev.conflict ? 'tl-conflict' : '', selected ? 'is-selected' : ''];
    let shape;
    let ring;
    let end;
    let label = null;
    const when = formatPeriod({ start: ev.start, end: ev.end, precision: ev.precision });
    if (point) {
      const cx = this.xOf(item.first + 0.5);
      shape = s('circle', { class: 'tl-shape', cx, cy, r: 6 });
      ring = s('circle', { class: 'tl-ring', cx, cy, r: 10 });
      end = cx + 7;
    } else {
      const x0 = this.xOf(item.first);
      const width = Math.max(8, this.xOf(item.last + 1) - x0);
      shape = s('rect', { class: 'tl-shape', x: x0, y: cy - 6, width, height: 12, rx: 2 });
      ring = s('rect', { class: 'tl-ring', x: x0 - 4, y: cy - 10, width: width + 8, height: 20, rx: 4 });
      end = x0 + width + 1;
      // Long bars name their date inside, at the visible start.
      const left = Math.max(x0, MARGIN);
      const room = Math.min(x0 + width, MARGIN + this.plotWidth) - left;
      if (room > when.length * CHAR + 10) label = s('text', { class: 'tl-bar-label', x: left + 5, y: cy + 4, text: when });
    }
    const titles = ev.docs.slice(0, NAMED_SOURCES).map((d) => this.model.docsById.get(d)?.title || d);
    const more = ev.docs.length - titles.length;
    const sources = `${titles.join('; ')}${more ? ` and ${plural(more, 'other', 'others')}` : ''}`;
    const doubt = [ev.inferred ? 'uncertain date' : '', ev.conflict ? 'sources disagree on the date' : ''].filter(Boolean).join(', ');
    const name = `${when}${doubt ? ` (${doubt})` : ''}: ${ev.summary} Sources: ${sources}.`;
    return s('g', {
      class: classes.filter(Boolean).join(' '), dataset: { event: ev.id, start: ev.start, end: ev.end },
      role: primary ? 'button' : null, 'aria-label': primary ? name : null, 'aria-hidden': primary ? null : 'true',
      tabindex: primary ? (selected ? '0' : '-1') : null,
    }, s('title', { text: name }), ring, shape, label,
    glyphs ? s('text', { class: 'tl-glyph', x: end + 2, y: cy + 4, text: glyphs }) : null);
  }

  /** The chart's rows (px from its top) on screen, widened by `margin` screens either way. */
  onScreen(margin) {
    const box = this.svg.getBoundingClientRect();
    const port = this.scroller?.getBoundingClientRect();
    const top = Math.max(0, port?.top ?? 0);
    const bottom = Math.min(window.innerHeight, port?.bottom ?? window.innerHeight);
    const screen = Math.max(0, bottom - top);
    return [top - box.top - margin * screen, bottom - box.top + margin * screen];
  }

  /** When many marks are culled, redraws as the panel or the page scrolls past the rows drawn (once a frame). */
  watchScroll() {
    if (!this.cull || this.scroller) return;
    const onScroll = () => {
      if (!this.root.isConnected) { window.removeEventListener('scroll', onScroll); return; }
      if (this.scrollFrame) return;
      this.scrollFrame = requestAnimationFrame(() => {
        this.scrollFrame = 0;
        const [top, bottom] = this.onScreen(0);
        if (top < this.drawnWindow[0] || bottom > this.drawnWindow[1]) this.draw();
      });
    };
    this.scroller = this.root.closest('.ss-panel');
    this.scroller?.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('scroll', onScroll, { passive: true });
  }

  /** Redraws after the reader moved the view, whose days become the permalink's range. */
  moved() {
    this.draw();
    if (!this.geo) return;
    const [from, to] = this.view.zoom > 1 ? shownDays(this.geo, this.scroll, this.scroll + this.plotWidth) : [null, null];
    this.actions.setTimelineRange(from, to);
    this.view.drawn = rangeKey(this.view);
  }

  primaryMark(id) {
    return id ? this.svg.querySelector(`.tl-ev[data-event="${CSS.escape(id)}"][tabindex]`) : null;
  }

  /** Selects an event, brings it into view and focuses its mark. */
  focusEvent(id, { scrollIntoView = true } = {}) {
    const item = this.itemsById.get(id);
    if (!item || !this.geo) return;
    const changed = this.view.selected !== id;
    this.view.selected = id;
    this.view.picked = true;
    const x0 = this.xOf(item.first);
    const x1 = this.xOf(item.last + 1);
    const offscreen = x1 < MARGIN || x0 > MARGIN + this.plotWidth;
    if (offscreen) {
      this.view.center = (item.first + item.last + 1) / 2;
      this.moved();
    } else if (changed) this.draw();
    if (changed || offscreen) this.onSelect();
    const mark = this.primaryMark(id);
    mark?.focus({ preventScroll: true });
    // Within the embed only: scrollIntoView would scroll a blog's page around it too.
    if (scrollIntoView && mark) revealWithin(mark);
  }

  /** Zooms by `factor`, keeping the day under `anchorX` (px in the plot) in place. */
  zoomBy(factor, anchorX = this.plotWidth / 2) {
    if (!this.geo) return;
    const anchorDay = this.geo.dayAt(this.scroll + anchorX);
    const fitGeo = axisGeometry(this.segments, this.plotWidth, 1);
    this.view.zoom = Math.min(Math.max(1, this.view.zoom * factor), fitGeo.maxZoom);
    const next = axisGeometry(this.segments, this.plotWidth, this.view.zoom);
    const nextScroll = Math.min(Math.max(0, next.x(anchorDay) - anchorX), Math.max(0, next.width - this.plotWidth));
    this.view.center = next.dayAt(nextScroll + this.plotWidth / 2);
    this.moved();
  }

  /**
   * Zooms around the event the reader selected when it is on screen, else around the event
   * nearest the middle among the shortest ones wholly on screen: zooming in lands on events
   * (a day, a week), never on an empty stretch nor inside a year-long bar.
   */
  zoomAtEvents(factor) {
    if (!this.geo) return;
    const center = (item) => this.xOf((item.first + item.last + 1) / 2) - MARGIN;
    const inside = (item) => this.xOf(item.first) >= MARGIN && this.xOf(item.last + 1) <= MARGIN + this.plotWidth;
    const selected = this.itemsById.get(this.view.selected);
    let anchor = selected && this.view.picked && inside(selected) ? center(selected) : null;
    if (anchor === null) {
      let best = null;
      const middle = this.plotWidth / 2;
      for (const item of this.items) {
        if (!inside(item)) continue;
        const length = item.last - item.first;
        const better = !best || length < best.length || (length === best.length && Math.abs(center(item) - middle) < Math.abs(best.x - middle));
        if (better) best = { length, x: center(item) };
      }
      anchor = best ? best.x : middle;
    }
    this.zoomBy(factor, anchor);
  }

  zoomToFit() {
    this.view.zoom = 1;
    this.view.center = null;
    this.moved();
  }
}
