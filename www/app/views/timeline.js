// The timeline: the visible events as an SVG chart on a broken time axis (long empty stretches
// skipped), in lanes by article or by person. Points are single days, bars longer dates;
// hollow bars are years or coarser; "?" marks a date resolved against an inferred publication
// date and "≠" sources that disagree. Zoom (buttons, + and -, ctrl+wheel) from decades to days,
// pan by dragging, a brush on the axis (or the date inputs) sets the shared date filter, arrow
// keys move between events in date order and Enter opens the first source in the reader.
//
// Zoom, pan, lanes and the selected event live in ctx.state.timeline, changed in place: they
// redraw only the chart, so focus and pointer capture survive; filters go through actions. The
// visible days are the permalink's range (state.timeline.from/to, "tf"/"tt" in the hash; none
// when everything is shown): the reader's zoom and pan write it through setTimelineRange, and
// a range that differs from the one drawn (a link, the back button) sets the zoom on the next
// draw, or Fit when it shows no event day.

const TIMELINE_AXIS = 46;
const TIMELINE_LABEL = 16;
const TIMELINE_ROW = 24;
const TIMELINE_LANE_PAD = 6;
const TIMELINE_MARGIN = 8;
/** The width of a character of the axis labels, for fitting them (px, generous). */
const TIMELINE_CHAR = 6.8;
const TIMELINE_COARSE = new Set(['year', 'decade', 'century']);
/** Up to this many visible events, every mark is drawn; beyond, only those near the screen. */
const TIMELINE_DRAW_ALL = 500;

function timelineByDate(a, b) {
  return a.first - b.first || a.last - b.last || a.ev.id.localeCompare(b.ev.id, 'en', { numeric: true });
}

/** Lanes of events: one per article (in corpus order) or per person (by first appearance). */
function timelineLanes(items, model, mode) {
  const lanes = new Map();
  const add = (key, label, item) => {
    if (!lanes.has(key)) lanes.set(key, { key, label, items: [] });
    lanes.get(key).items.push(item);
  };
  for (const item of items) {
    if (mode === 'people') {
      const people = item.ev.entities.filter((id) => model.entitiesById.get(id)?.kind === 'person');
      if (!people.length) add('', 'No person named', item);
      for (const id of people) add(id, model.entitiesById.get(id)?.name ?? id, item);
    } else {
      for (const doc of item.ev.docs) add(doc, model.docsById.get(doc)?.title || doc, item);
    }
  }
  const list = [...lanes.values()];
  if (mode === 'people') return [...list.filter((l) => l.key), ...list.filter((l) => !l.key)];
  const order = new Map(model.documents.map((d, i) => [d.id, i]));
  return list.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
}

const timelineDatedCache = new WeakMap();
/**
 * Every dated event of the model, in date order, with its days, position, doubts and precision,
 * and the axis segments (laid out on every event, so filtering does not move the axis): once
 * per model, so that a render only picks the visible ones.
 */
function timelineDated(model) {
  if (!timelineDatedCache.has(model)) {
    const timesByDoc = timelineTimesByDoc(model);
    const dated = model.events
      .map((ev, position) => ({ ev, position, first: timelineDay(ev.start), last: timelineDay(ev.end) }))
      .filter((item) => item.first !== null && item.last !== null && item.last >= item.first)
      .sort(timelineByDate);
    for (const item of dated) {
      item.doubts = timelineDoubts(item.ev, model, timesByDoc);
      item.precision = timelinePrecision(item.ev.date) ?? (item.first === item.last ? 'day' : 'week');
    }
    timelineDatedCache.set(model, { dated, segments: timelineSegments(dated) });
  }
  return timelineDatedCache.get(model);
}

function renderTimeline(ctx) {
  const { model, state, visible, actions } = ctx;
  const view = state.timeline;
  view.lanes ??= 'docs';
  view.zoom ??= 1;
  const { dated, segments } = timelineDated(model);
  const items = dated.filter((item) => (visible.events.hasPosition ? visible.events.hasPosition(item.position) : visible.events.has(item.ev.id)));
  const itemsById = new Map(items.map((item) => [item.ev.id, item]));
  if (!itemsById.has(view.selected)) view.selected = items[0]?.ev.id ?? null;
  let bounds = null;
  for (const item of items) {
    bounds ??= [item.first, item.last + 1];
    bounds = [Math.min(bounds[0], item.first), Math.max(bounds[1], item.last + 1)];
  }
  // Many events: only the marks near the screen are drawn (one screen of margin around it),
  // and the selected one; scrolling and panning draw the others as they come near.
  const cull = items.length > TIMELINE_DRAW_ALL;
  const lanesByMode = new Map();

  // tabindex -1: Chromium would otherwise put the <svg> itself in the tab order before the events.
  const svg = s('svg', { class: 'tl-svg', role: 'group', 'aria-roledescription': 'timeline', tabindex: '-1' });
  const chart = h('div', { class: 'tl-chart' }, svg);
  const detail = h('section', { class: 'tl-detail', 'aria-label': 'Selected event' });
  const spanText = h('span', { class: 'tl-span', 'aria-live': 'polite' });
  const zoomOut = h('button', { type: 'button', class: 'tl-button', 'aria-label': 'Zoom out', title: 'Zoom out (−)', dataset: { tlKey: 'zoom-out' }, text: '−' });
  const zoomIn = h('button', { type: 'button', class: 'tl-button', 'aria-label': 'Zoom in', title: 'Zoom in (+)', dataset: { tlKey: 'zoom-in' }, text: '+' });
  const fit = h('button', { type: 'button', class: 'tl-button', title: 'Show everything (0)', dataset: { tlKey: 'fit' }, text: 'Fit' });
  let geo = null;
  let scroll = 0;
  let plotWidth = 0;
  let lanes = [];
  let scroller = null;
  let scrollFrame = 0;
  let drawnWindow = [-Infinity, Infinity];

  const laneModeButton = (mode, label) => h('button', {
    type: 'button', class: 'tl-button', 'aria-pressed': String(view.lanes === mode), dataset: { tlKey: `lanes-${mode}` },
    onclick: () => { view.lanes = mode; view.refocus = `lanes-${mode}`; actions.setTimeline({}); },
  }, label);

  const setRange = (from, to, key) => {
    if (from && to && from > to) [from, to] = [to, from];
    if (key) view.refocus = key;
    actions.setFilters({ from: from || null, to: to || null });
  };
  const dateInput = (which, label) => h('label', { class: 'tl-date' }, label,
    h('input', {
      type: 'date', value: state.filters[which] ?? '', dataset: { tlKey: which },
      min: bounds ? timelineIso(segments[0].first) : null, max: bounds ? timelineIso(segments[segments.length - 1].last) : null,
      onchange: (e) => setRange(which === 'from' ? e.target.value : state.filters.from, which === 'to' ? e.target.value : state.filters.to, which),
    }));
  const exportEvents = () => items.map((item) => item.ev);
  const groupOf = (ev) => timelineLanes([{ ev }], model, view.lanes)[0]?.label ?? '';

  const toolbar = h('div', { class: 'tl-toolbar' },
    h('div', { class: 'tl-group', role: 'group', 'aria-label': 'Lanes' }, h('span', { class: 'tl-group-label', text: 'Lanes' }),
      laneModeButton('docs', 'Articles'), laneModeButton('people', 'People')),
    h('div', { class: 'tl-group', role: 'group', 'aria-label': 'Zoom' }, zoomOut, zoomIn, fit, spanText),
    h('div', { class: 'tl-group', role: 'group', 'aria-label': 'Date filter' },
      dateInput('from', 'From'), dateInput('to', 'To'),
      h('button', {
        type: 'button', class: 'tl-button', dataset: { tlKey: 'clear' }, disabled: !state.filters.from && !state.filters.to,
        onclick: () => setRange(null, null, 'from'), text: 'Clear dates',
      })),
    h('div', { class: 'tl-group', role: 'group', 'aria-label': 'Export' },
      h('button', {
        type: 'button', class: 'tl-button', dataset: { tlKey: 'export-json' }, disabled: !items.length, title: 'The visible events in the TimelineJS3 format',
        onclick: () => download(toolbar, 'storyscope-timeline.json',
          JSON.stringify(timelineToTimelineJs(exportEvents(), model, groupOf), null, 2), 'application/json'),
      }, 'Export JSON'),
      h('button', {
        type: 'button', class: 'tl-button', dataset: { tlKey: 'export-csv' }, disabled: !items.length, title: 'The visible events as a spreadsheet',
        onclick: () => download(toolbar, 'storyscope-timeline.csv', `\uFEFF${CSV_TABLES.events({ events: exportEvents() })}`, 'text/csv;charset=utf-8'),
      }, 'Export CSV')));

  // ---- drawing

  const xOf = (day) => TIMELINE_MARGIN + geo.x(day) - scroll;

  const markOf = (item, cy, primary) => {
    const ev = item.ev;
    const point = item.first === item.last;
    const glyphs = `${item.doubts.inferred ? '?' : ''}${item.doubts.conflict ? '≠' : ''}`;
    const selected = ev.id === view.selected;
    const classes = ['tl-ev', point ? 'tl-point' : 'tl-bar', TIMELINE_COARSE.has(item.precision) ? 'tl-coarse' : '',
      item.doubts.inferred ? 'tl-uncertain' : '', item.doubts.conflict ? 'tl-conflict' : '', selected ? 'is-selected' : ''];
    let shape;
    let ring;
    let end;
    let label = null;
    if (point) {
      const cx = xOf(item.first + 0.5);
      shape = s('circle', { class: 'tl-shape', cx, cy, r: 6 });
      ring = s('circle', { class: 'tl-ring', cx, cy, r: 10 });
      end = cx + 7;
    } else {
      const x0 = xOf(item.first);
      const width = Math.max(8, xOf(item.last + 1) - x0);
      shape = s('rect', { class: 'tl-shape', x: x0, y: cy - 6, width, height: 12, rx: 2 });
      ring = s('rect', { class: 'tl-ring', x: x0 - 4, y: cy - 10, width: width + 8, height: 20, rx: 4 });
      end = x0 + width + 1;
      // Long bars name their date inside, at the visible start.
      const text = timelineFormatValue(ev.date);
      const left = Math.max(x0, TIMELINE_MARGIN);
      const room = Math.min(x0 + width, TIMELINE_MARGIN + plotWidth) - left;
      if (room > text.length * TIMELINE_CHAR + 10) label = s('text', { class: 'tl-bar-label', x: left + 5, y: cy + 4, text });
    }
    const sources = ev.docs.map((d) => model.docsById.get(d)?.title || d).join('; ');
    const doubt = [item.doubts.inferred ? 'uncertain date' : '', item.doubts.conflict ? 'sources disagree on the date' : ''].filter(Boolean).join(', ');
    const name = `${timelineFormatValue(ev.date)}${doubt ? ` (${doubt})` : ''}: ${ev.summary} Sources: ${sources}.`;
    return s('g', {
      class: classes.filter(Boolean).join(' '), dataset: { event: ev.id, start: ev.start, end: ev.end },
      role: primary ? 'button' : null, 'aria-label': primary ? name : null, 'aria-hidden': primary ? null : 'true',
      tabindex: primary ? (selected ? '0' : '-1') : null,
    }, s('title', { text: name }), ring, shape, label,
    glyphs ? s('text', { class: 'tl-glyph', x: end + 2, y: cy + 4, text: glyphs }) : null);
  };

  /** Packs each lane's marks into rows so that none overlap at the current zoom. */
  const packLanes = () => {
    let top = TIMELINE_AXIS;
    for (const lane of lanes) {
      const rowsEnd = [];
      lane.rows = lane.items.map((item) => {
        const x0 = item.first === item.last ? xOf(item.first + 0.5) - 10 : xOf(item.first) - 4;
        const x1 = Math.max(x0 + 20, xOf(item.last + 1) + 4) + (item.doubts.inferred || item.doubts.conflict ? 18 : 0);
        let row = rowsEnd.findIndex((endX) => endX < x0);
        if (row < 0) row = rowsEnd.push(x1) - 1;
        else rowsEnd[row] = x1;
        return row;
      });
      lane.top = top;
      lane.height = TIMELINE_LABEL + Math.max(1, rowsEnd.length) * TIMELINE_ROW + TIMELINE_LANE_PAD;
      top += lane.height;
    }
    return top + 4;
  };

  const draw = () => {
    const width = chart.clientWidth;
    if (!width || !segments.length) return;
    watchScroll();
    const root = svg.getRootNode();
    const focused = root.activeElement?.closest?.('.tl-ev') ? root.activeElement.dataset.event : null;
    plotWidth = width - 2 * TIMELINE_MARGIN;
    if (view.drawn !== timelineRangeKey(view)) {
      const target = timelineZoomToRange(segments, plotWidth, timelineDay(view.from), timelineDay(view.to));
      view.zoom = target?.zoom ?? 1;
      view.center = view.zoom > 1 ? target.center : null;
      // Ignored or everything: a link to this view has no range.
      if (view.zoom <= 1 && (view.from || view.to)) actions.setTimelineRange(null, null);
      view.drawn = timelineRangeKey(view);
    }
    const fitGeo = timelineGeometry(segments, plotWidth, 1);
    view.zoom = Math.min(Math.max(1, view.zoom), fitGeo.maxZoom);
    geo = timelineGeometry(segments, plotWidth, view.zoom);
    const center = view.center ?? geo.dayAt(geo.width / 2);
    scroll = Math.min(Math.max(0, geo.x(center) - plotWidth / 2), Math.max(0, geo.width - plotWidth));
    const from = geo.dayAt(scroll);
    const to = geo.dayAt(scroll + plotWidth);
    if (!lanesByMode.has(view.lanes)) lanesByMode.set(view.lanes, timelineLanes(items, model, view.lanes));
    lanes = lanesByMode.get(view.lanes);
    const height = packLanes();

    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const shownFrom = bounds ? Math.max(from, bounds[0]) : from;
    const shownTo = bounds ? Math.min(to, bounds[1]) - 1 : to;
    Object.assign(svg.dataset, { viewFrom: timelineIso(Math.floor(from)), viewTo: timelineIso(Math.floor(to)) });
    const spanLabel = timelineSpanLabel(shownFrom, shownTo);
    spanText.textContent = `Showing ${spanLabel}`;
    svg.setAttribute('aria-label', `Timeline of ${plural(items.length, 'event', 'events')}, showing ${spanLabel}. ` +
      'Arrow keys move between events, Enter opens the source, + and − zoom.');
    zoomIn.disabled = view.zoom >= fitGeo.maxZoom - 1e-9;
    zoomOut.disabled = view.zoom <= 1;
    fit.disabled = view.zoom <= 1;

    drawnWindow = cull ? onScreen(1) : [-Infinity, Infinity];
    const [top, bottom] = drawnWindow;
    const plot = s('svg', { class: 'tl-plot', x: 0, y: 0, width, height });
    const laneLayer = s('g', { class: 'tl-lanes' });
    lanes.forEach((lane, i) => {
      if (lane.top > bottom || lane.top + lane.height < top) return;
      laneLayer.append(s('rect', { class: `tl-lane ${i % 2 ? 'tl-lane-odd' : ''}`, x: 0, y: lane.top, width, height: lane.height }));
    });
    plot.append(laneLayer);
    const grid = s('g', { class: 'tl-grid' });
    const axis = s('g', { class: 'tl-axis', 'aria-hidden': 'true' });
    for (const g of geo.segments) {
      const x0 = Math.max(TIMELINE_MARGIN, xOf(g.first));
      const x1 = Math.min(TIMELINE_MARGIN + plotWidth, xOf(g.last));
      if (x1 <= x0) continue;
      axis.append(s('line', { class: 'tl-baseline', x1: x0, x2: x1, y1: TIMELINE_AXIS - 1, y2: TIMELINE_AXIS - 1 }));
      let ticks = timelineTicks(g, from, to);
      if (!ticks.length) ticks = [{ day: Math.max(g.first, from), label: '', context: timelineSpanLabel(Math.max(g.first, from), Math.min(g.last, to) - 1) }];
      // Labels stay inside their segment (the break's own label sits beside them).
      const fits = (x, text) => text && x + 3 + text.length * TIMELINE_CHAR <= x1;
      let contextEnd = -Infinity;
      for (const t of ticks) {
        const x = xOf(t.day);
        grid.append(s('line', { x1: x, x2: x, y1: TIMELINE_AXIS, y2: height }));
        axis.append(s('line', { class: 'tl-tick', x1: x, x2: x, y1: TIMELINE_AXIS - 7, y2: TIMELINE_AXIS - 1 }));
        if (fits(x, t.label)) axis.append(s('text', { class: 'tl-tick-label', x: x + 3, y: TIMELINE_AXIS - 10, text: t.label }));
        const context = [t.context, t.context.slice(-4)].find((c) => fits(x, c));
        if (context && x > contextEnd) {
          axis.append(s('text', { class: 'tl-tick-context', x: x + 3, y: 14, text: context }));
          contextEnd = x + 3 + context.length * TIMELINE_CHAR + 6;
        }
      }
      if (contextEnd === -Infinity) {
        // Too narrow for its ticks' context: name at least the year at the segment's start.
        axis.append(s('text', { class: 'tl-tick-context', x: x0 + 1, y: 14, text: String(timelineParts(Math.max(g.first, from) + 1).year) }));
      }
    }
    const breaks = s('g', { class: 'tl-breaks' });
    geo.segments.slice(1).forEach((g, i) => {
      const prev = geo.segments[i];
      const x0 = TIMELINE_MARGIN + prev.x1 - scroll;
      const x1 = TIMELINE_MARGIN + g.x0 - scroll;
      const mid = (x0 + x1) / 2;
      const [amount, unit] = timelineGapLabel(g.first - prev.last).split(' ');
      breaks.append(s('g', { class: 'tl-break', dataset: { from: timelineIso(prev.last), to: timelineIso(g.first) } },
        s('title', { text: `${timelineGapLabel(g.first - prev.last)} without events skipped` }),
        s('rect', { class: 'tl-break-band', x: x0 + 2, y: 0, width: Math.max(0, x1 - x0 - 4), height }),
        s('path', { class: 'tl-break-mark', d: `M${mid - 6},${TIMELINE_AXIS + 4} l4,-10 M${mid + 2},${TIMELINE_AXIS + 4} l4,-10` }),
        s('text', { class: 'tl-break-label', x: mid, y: 14, text: amount }),
        s('text', { class: 'tl-break-label', x: mid, y: 26, text: unit })));
    });
    plot.append(breaks, grid, axis);
    if (state.filters.from || state.filters.to) {
      const a = state.filters.from ? xOf(timelineDay(state.filters.from)) : TIMELINE_MARGIN;
      const b = state.filters.to ? xOf(timelineDay(state.filters.to) + 1) : TIMELINE_MARGIN + plotWidth;
      plot.append(s('rect', { class: 'tl-range', x: a, y: 0, width: Math.max(2, b - a), height }));
    }
    const marks = s('g', { class: 'tl-events' });
    const seen = new Set();
    const near = (x0, x1, cy) => cy >= top && cy <= bottom && x1 >= TIMELINE_MARGIN - plotWidth && x0 <= TIMELINE_MARGIN + 2 * plotWidth;
    for (const lane of lanes) {
      // The first mark of an event (in lane order) is its focusable one, drawn or not.
      const primaries = lane.items.map((item) => !seen.has(item.ev.id) && seen.add(item.ev.id));
      const selected = lane.items.findIndex((item, i) => primaries[i] && item.ev.id === view.selected);
      if (lane.top > bottom || lane.top + lane.height < top) {
        if (selected < 0) continue;
      } else {
        const label = lane.label.length * TIMELINE_CHAR > plotWidth ? `${lane.label.slice(0, Math.max(4, Math.floor(plotWidth / TIMELINE_CHAR) - 1))}…` : lane.label;
        laneLayer.append(s('text', { class: 'tl-lane-label', x: TIMELINE_MARGIN + 2, y: lane.top + 12, dataset: { lane: lane.key } },
          s('title', { text: lane.label }), label));
      }
      lane.items.forEach((item, i) => {
        const cy = lane.top + TIMELINE_LABEL + lane.rows[i] * TIMELINE_ROW + TIMELINE_ROW / 2;
        if (cull && i !== selected && !near(xOf(item.first), xOf(item.last + 1), cy)) return;
        marks.append(markOf(item, cy, primaries[i]));
      });
    }
    // Events in date order after the lanes' duplicates, so that the DOM order is the focus order.
    plot.append(marks, s('rect', { class: 'tl-brush-zone', x: TIMELINE_MARGIN, y: 0, width: plotWidth, height: TIMELINE_AXIS }));
    svg.replaceChildren(plot);
    // The focus stays in the chart, on the selected event (which may have just changed).
    if (focused) (primaryMark(view.selected) ?? primaryMark(focused))?.focus({ preventScroll: true });
  };

  /** The chart's rows (px from its top) on screen, widened by `margin` screens either way. */
  const onScreen = (margin) => {
    const box = svg.getBoundingClientRect();
    const port = scroller?.getBoundingClientRect();
    const top = Math.max(0, port?.top ?? 0);
    const bottom = Math.min(window.innerHeight, port?.bottom ?? window.innerHeight);
    const screen = Math.max(0, bottom - top);
    return [top - box.top - margin * screen, bottom - box.top + margin * screen];
  };
  /** When the chart scrolls out of the rows drawn, draws those near the screen (at most once a frame). */
  const onScroll = () => {
    if (!chart.isConnected) { window.removeEventListener('scroll', onScroll); return; }
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      const [top, bottom] = onScreen(0);
      if (top < drawnWindow[0] || bottom > drawnWindow[1]) draw();
    });
  };
  const watchScroll = () => {
    if (!cull || scroller) return;
    scroller = chart.closest('.ss-panel');
    scroller?.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('scroll', onScroll, { passive: true });
  };

  /** Redraws after the reader moved the view, whose days become the permalink's range. */
  const moved = () => {
    draw();
    if (!geo) return;
    const [from, to] = view.zoom > 1 ? timelineShownDays(geo, scroll, scroll + plotWidth) : [null, null];
    actions.setTimelineRange(from, to);
    view.drawn = timelineRangeKey(view);
  };

  const primaryMark = (id) => svg.querySelector(`.tl-ev[data-event="${CSS.escape(id)}"][tabindex]`);
  const renderDetail = () => detail.replaceChildren(
    h('h3', { class: 'ss-heading', text: 'Selected event' }),
    renderTimelineDetail(itemsById.get(view.selected)?.ev, itemsById.get(view.selected)?.doubts, ctx));

  /** Selects an event, brings it into view and focuses its mark. */
  const focusEvent = (id, { scrollIntoView = true } = {}) => {
    const item = itemsById.get(id);
    if (!item || !geo) return;
    const changed = view.selected !== id;
    view.selected = id;
    const x0 = xOf(item.first);
    const x1 = xOf(item.last + 1);
    const offscreen = x1 < TIMELINE_MARGIN || x0 > TIMELINE_MARGIN + plotWidth;
    if (offscreen) view.center = (item.first + item.last + 1) / 2;
    if (offscreen) moved();
    else if (changed) draw();
    if (changed || offscreen) renderDetail();
    const mark = primaryMark(id);
    mark?.focus({ preventScroll: true });
    if (scrollIntoView) mark?.scrollIntoView({ block: 'nearest' });
  };

  const zoomBy = (factor, anchorX = plotWidth / 2) => {
    if (!geo) return;
    const anchorDay = geo.dayAt(scroll + anchorX);
    const fitGeo = timelineGeometry(segments, plotWidth, 1);
    view.zoom = Math.min(Math.max(1, view.zoom * factor), fitGeo.maxZoom);
    const next = timelineGeometry(segments, plotWidth, view.zoom);
    const nextScroll = Math.min(Math.max(0, next.x(anchorDay) - anchorX), Math.max(0, next.width - plotWidth));
    view.center = next.dayAt(nextScroll + plotWidth / 2);
    moved();
  };
  const zoomToFit = () => { view.zoom = 1; view.center = null; moved(); };
  const zoomAtFocus = (factor) => {
    const item = itemsById.get(view.selected);
    const x = item ? xOf((item.first + item.last + 1) / 2) - TIMELINE_MARGIN : null;
    zoomBy(factor, x !== null && x >= 0 && x <= plotWidth ? x : plotWidth / 2);
  };
  zoomIn.addEventListener('click', () => zoomBy(2));
  zoomOut.addEventListener('click', () => zoomBy(0.5));
  fit.addEventListener('click', zoomToFit);

  // ---- keyboard

  svg.addEventListener('keydown', (e) => {
    const mark = e.target.closest?.('.tl-ev');
    if (!mark) return;
    const at = items.findIndex((item) => item.ev.id === mark.dataset.event);
    const go = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (go !== undefined) {
      e.preventDefault();
      if (items[go]) focusEvent(items[go].ev.id);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const mention = items[at]?.ev.mentions[0];
      if (e.key === 'Enter' && mention) actions.openDocument(mention.doc, { start: mention.start, end: mention.end });
    }
  });
  svg.addEventListener('focusin', (e) => {
    const mark = e.target.closest?.('.tl-ev');
    if (mark) focusEvent(mark.dataset.event, { scrollIntoView: false });
  });

  // ---- pointer: click selects, drag pans, drag on the axis band brushes, ctrl+wheel zooms

  let drag = null;
  svg.addEventListener('pointerdown', (e) => {
    if (!geo || e.button !== 0) return;
    const box = svg.getBoundingClientRect();
    const x = e.clientX - box.left - TIMELINE_MARGIN;
    const brushing = e.clientY - box.top <= TIMELINE_AXIS;
    drag = { id: e.pointerId, startX: x, startScroll: scroll, brushing, moved: false, mark: e.target.closest?.('.tl-ev') };
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const box = svg.getBoundingClientRect();
    const x = Math.min(Math.max(0, e.clientX - box.left - TIMELINE_MARGIN), plotWidth);
    if (!drag.moved && Math.abs(x - drag.startX) < 4) return;
    if (!drag.moved) { drag.moved = true; svg.setPointerCapture(e.pointerId); }
    if (drag.brushing) {
      drag.endX = x;
      svg.querySelector('.tl-brush')?.remove();
      svg.firstChild?.append(s('rect', {
        class: 'tl-brush', x: TIMELINE_MARGIN + Math.min(drag.startX, x), y: 0,
        width: Math.abs(x - drag.startX), height: svg.height.baseVal.value,
      }));
    } else {
      const nextScroll = Math.min(Math.max(0, drag.startScroll - (x - drag.startX)), Math.max(0, geo.width - plotWidth));
      view.center = geo.dayAt(nextScroll + plotWidth / 2);
      moved();
    }
  });
  const endDrag = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const done = drag;
    drag = null;
    if (done.moved && done.brushing && e.type === 'pointerup') {
      const [a, b] = [done.startX, done.endX ?? done.startX].sort((p, q) => p - q);
      setRange(timelineIso(Math.floor(geo.dayAt(scroll + a))), timelineIso(Math.ceil(geo.dayAt(scroll + b)) - 1), null);
    } else if (!done.moved && done.mark && e.type === 'pointerup') {
      focusEvent(done.mark.dataset.event, { scrollIntoView: false });
    }
    svg.querySelector('.tl-brush')?.remove();
  };
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointercancel', endDrag);
  svg.addEventListener('wheel', (e) => {
    if (!geo) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      const box = svg.getBoundingClientRect();
      zoomBy(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - box.left - TIMELINE_MARGIN);
    } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      const delta = e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX;
      const nextScroll = Math.min(Math.max(0, scroll + delta), Math.max(0, geo.width - plotWidth));
      view.center = geo.dayAt(nextScroll + plotWidth / 2);
      moved();
    }
  }, { passive: false });

  const section = h('section', {
    class: 'ss-view tl', 'aria-labelledby': 'ss-timeline-title',
    onkeydown: (e) => {
      if (e.target.matches?.('input') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '+' || e.key === '=') { e.preventDefault(); zoomAtFocus(2); } else if (e.key === '-' || e.key === '_') { e.preventDefault(); zoomAtFocus(0.5); } else if (e.key === '0') { e.preventDefault(); zoomToFit(); }
    },
  },
  h('h2', { id: 'ss-timeline-title', class: 'ss-heading', text: `Timeline (${plural(items.length, 'event', 'events')})` }),
  toolbar,
  items.length ? chart : h('p', { class: 'ss-empty', text: dated.length ? 'No dated events match the filters.' : 'No dated events found.' }),
  items.length ? renderTimelineLegend() : null,
  items.length ? detail : null);

  if (items.length) renderDetail();
  const observer = new ResizeObserver(() => {
    if (!chart.isConnected) { observer.disconnect(); return; }
    draw();
  });
  observer.observe(chart);
  if (view.refocus) {
    const key = view.refocus;
    delete view.refocus;
    queueMicrotask(() => section.querySelector(`[data-tl-key="${key}"]`)?.focus());
  }
  return section;
}

/** The permalink range a view was drawn for, to notice when it changes from outside. */
function timelineRangeKey(view) {
  return `${view.from ?? ''}..${view.to ?? ''}`;
}

/** "1984 – 2012", "Feb 2009 – Apr 2009", "2 Mar 2009 – 6 Mar 2009" depending on the length. */
function timelineSpanLabel(from, to) {
  const a = timelineIso(Math.floor(from));
  const b = timelineIso(Math.max(Math.floor(from), Math.floor(to)));
  const cut = to - from > 3 * 365 ? 4 : to - from > 90 ? 7 : 10;
  const [fa, fb] = [formatDate(a.slice(0, cut)), formatDate(b.slice(0, cut))];
  return fa === fb ? fa : `${fa} – ${fb}`;
}

/** What the shapes and signs mean, drawn with the same classes as the chart. */
function renderTimelineLegend() {
  const sample = (...shapes) => s('svg', { class: 'tl-legend-icon', width: 28, height: 16, viewBox: '0 0 28 16', 'aria-hidden': 'true' }, shapes);
  return h('ul', { class: 'tl-legend', 'aria-label': 'Legend' },
    h('li', null, sample(s('g', { class: 'tl-ev tl-point' }, s('circle', { class: 'tl-shape', cx: 14, cy: 8, r: 5 }))), 'one day'),
    h('li', null, sample(s('g', { class: 'tl-ev tl-bar' }, s('rect', { class: 'tl-shape', x: 2, y: 3, width: 24, height: 10, rx: 2 }))), 'a week, month or season'),
    h('li', null, sample(s('g', { class: 'tl-ev tl-bar tl-coarse' }, s('rect', { class: 'tl-shape', x: 2, y: 3, width: 24, height: 10, rx: 2 }))), 'a year or longer'),
    h('li', null, h('span', { class: 'tl-glyph', 'aria-hidden': 'true', text: '?' }), ' uncertain date (publication date inferred)'),
    h('li', null, h('span', { class: 'tl-glyph', 'aria-hidden': 'true', text: '≠' }), ' the sources disagree on the date'),
    h('li', null, sample(s('path', { class: 'tl-break-mark', d: 'M8,14 l4,-12 M16,14 l4,-12' })), 'empty time skipped'));
}
