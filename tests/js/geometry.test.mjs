// The timeline's geometry without a browser (node --test): the broken axis, the day ↔ pixel
// mapping and its inverse, the zoom that shows a range, ticks, lanes and row packing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axisGeometry, axisSegments, axisTicks, dayNumber, gapLabel, groupLanes, isoDay, packRows, shownDays, spanLabel, zoomToRange,
} from '../../www/app/views/timeline/geometry.js';

const range = (a, b) => ({ first: dayNumber(a), last: dayNumber(b) });
// Three periods, as in the seed story: 1984, early 2009 and 2012.
const RANGES = [range('1984-01-01', '1984-12-31'), range('2009-01-15', '2009-01-15'), range('2009-03-02', '2009-03-06'), range('2012-03-26', '2012-03-26')];

test('days and ISO dates convert both ways', () => {
  for (const iso of ['1970-01-01', '1984-02-29', '2009-03-03', '0079-08-24']) assert.equal(isoDay(dayNumber(iso)), iso);
  assert.equal(dayNumber('2009-03-03T08:48'), dayNumber('2009-03-03'));
  assert.equal(dayNumber('2009-03'), null);
  assert.equal(dayNumber(null), null);
});

test('long empty stretches become breaks; close ranges share a segment', () => {
  const segments = axisSegments(RANGES);
  assert.equal(segments.length, 3);
  assert.ok(segments[0].first <= dayNumber('1984-01-01') && segments[0].last > dayNumber('1984-12-31'));
  assert.ok(segments[1].first <= dayNumber('2009-01-15') && segments[1].last > dayNumber('2009-03-06'), 'January and March 2009 share a segment');
  const total = segments.reduce((sum, g) => sum + g.last - g.first, 0);
  for (const g of segments) assert.ok(g.weight >= total * 0.12 - 1e-9, 'a short segment keeps a share of the width');
  assert.deepEqual(axisSegments([]), []);
});

test('x and dayAt are monotonic inverses, breaks keep their width, and the zoom scales the segments', () => {
  const segments = axisSegments(RANGES);
  for (const zoom of [1, 3.5]) {
    const geo = axisGeometry(segments, 1000, zoom);
    let last = -Infinity;
    for (let day = segments[0].first; day <= segments[2].last; day += 37) {
      const x = geo.x(day);
      assert.ok(x >= last, 'monotonic');
      last = x;
      assert.ok(Math.abs(geo.dayAt(x) - day) < 1e-6, `dayAt(x(${day})) = ${geo.dayAt(x)}`);
    }
    assert.ok(Math.abs(geo.segments[1].x0 - geo.segments[0].x1 - geo.breakWidth) < 1e-9);
  }
  const one = axisGeometry(segments, 1000, 1);
  assert.ok(Math.abs(one.width - 1000) < 1e-6, 'at zoom 1 everything fits the plot');
  assert.ok(axisGeometry(segments, 1000, 2).width > 1900);
  assert.ok(one.maxZoom > 1);
});

test('zoomToRange shows a range across the plot and refuses inverted or empty ones', () => {
  const segments = axisSegments(RANGES);
  const [first, last] = [dayNumber('2009-01-20'), dayNumber('2009-03-05')];
  const target = zoomToRange(segments, 1000, first, last);
  assert.ok(target.zoom > 1);
  const geo = axisGeometry(segments, 1000, target.zoom);
  const scroll = geo.x(target.center) - 500;
  const [from, to] = shownDays(geo, scroll, scroll + 1000);
  assert.ok(Math.abs(dayNumber(from) - first) <= 1 && Math.abs(dayNumber(to) - last) <= 1, `${from}..${to}`);
  assert.equal(zoomToRange(segments, 1000, last, first), null);
  assert.equal(zoomToRange(segments, 1000, null, last), null);
  assert.equal(zoomToRange([], 1000, first, last), null);
  // A range entirely inside a break holds no day of the data.
  assert.equal(zoomToRange(segments, 1000, dayNumber('1995-01-01'), dayNumber('1995-12-31')), null);
});

test('ticks are labelled by day, month or year as the zoom allows; breaks say how much they skip', () => {
  const segments = axisSegments(RANGES);
  const wide = axisGeometry(segments, 1000, 1).segments[1];
  const years = axisTicks(wide, wide.first, wide.last);
  assert.ok(years.length > 0 && years.every((t) => /^(\d{1,4}|[A-Z][a-z]{2})$/.test(t.label)));
  const close = axisGeometry(segments, 1000, axisGeometry(segments, 1000, 1).maxZoom).segments[1];
  const days = axisTicks(close, dayNumber('2009-03-01'), dayNumber('2009-03-10'));
  assert.deepEqual(days.map((t) => t.label).slice(0, 3), ['1', '2', '3']);
  assert.equal(days[0].context, 'Mar 2009');
  assert.equal(gapLabel(8400), '23 years');
  assert.equal(gapLabel(240), '8 months');
  assert.equal(gapLabel(40), '40 days');
  assert.equal(spanLabel(dayNumber('1984-01-01'), dayNumber('2012-03-26')), '1984 – 2012');
  assert.equal(spanLabel(dayNumber('2009-03-02'), dayNumber('2009-03-06')), '2 Mar 2009 – 6 Mar 2009');
});

test('rows keep marks apart, and lanes group by article or person', () => {
  const { rows, count } = packRows([[0, 10], [5, 15], [12, 20], [16, 30]]);
  assert.deepEqual(rows, [0, 1, 0, 1]);
  assert.equal(count, 2);
  assert.equal(packRows([]).count, 1);
  const model = {
    documents: [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }],
    docsById: new Map([['a', { id: 'a', title: 'A' }], ['b', { id: 'b', title: 'B' }]]),
    entitiesById: new Map([['p', { kind: 'person', name: 'Ann' }], ['x', { kind: 'place', name: 'Oslo' }]]),
  };
  const items = [{ ev: { docs: ['b'], entities: ['x'] } }, { ev: { docs: ['a', 'b'], entities: ['p'] } }];
  assert.deepEqual(groupLanes(items, model, 'docs').map((l) => [l.label, l.items.length]), [['A', 1], ['B', 2]]);
  assert.deepEqual(groupLanes(items, model, 'people').map((l) => [l.label, l.items.length]), [['Ann', 1], ['No person named', 1]]);
});
