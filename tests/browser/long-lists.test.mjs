// Long lists in batches, on a corpus larger than one batch imported through the page's own
// "Import corpus" (small articles generated from the quote-bearing paragraphs of the seeds and
// the test articles): the quote wall and the entity lists show their first batch, "Show more"
// (by keyboard) appends the next one and says how many are left, the focus lands on the first
// new item, the name box finds entities beyond the batch, and a change of filters starts again
// at the first batch. Expected values come from the page: its tab counts, the headings and the
// extraction it computed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, pageUrl, waitForArticles, assertCleanAndClose, root, openLibrary, settled } from './browser.mjs';
import { generateArticles } from '../../scripts/corpus.mjs';

const CORPUS = JSON.stringify({
  storyscope: 1,
  articles: generateArticles(root, 60, { chars: 600, only: (p) => /["“”]/.test(p) })
    .map(({ id, content }) => ({ id, name: `${id}.txt`, content })),
});

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const scope = (page, selector) => page.locator(`story-scope ${selector}`);
const number = (text) => Number(text.replace(/,/g, ''));

async function tabCount(page, view) {
  return number(await scope(page, `.ss-tab[data-view="${view}"] .ss-count`).textContent());
}

/** Whole articles, many of whose events several articles tell: more timeline marks than the chart draws at once. */
const TIMELINE_CORPUS = JSON.stringify({
  storyscope: 1,
  articles: generateArticles(root, 150, { chars: 2500 }).map(({ id, content }) => ({ id, name: `${id}.txt`, content })),
});

/** Opens the page and imports a generated corpus file (of `size` articles) through the library panel, and closes it. */
async function openLargeCorpus(corpus = CORPUS, size = 60) {
  const opened = await importCorpus(corpus, size);
  const { page } = opened;
  // The same button closes the panel again.
  await scope(page, '[data-tool="library"]').click();
  await settled(page);
  await scope(page, '.ss-library').waitFor({ state: 'detached' });
  return opened;
}

/** Opens the page and imports a generated corpus file (of `size` articles) through the library panel, left open. */
async function importCorpus(corpus, size) {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  const seeds = await tabCount(page, 'articles');
  await openLibrary(page);
  await scope(page, '.ss-library input[aria-label="Import a corpus file"]')
    .setInputFiles({ name: 'generated.json', mimeType: 'application/json', buffer: Buffer.from(corpus) });
  await page.waitForFunction((n) => Number(document.querySelector('story-scope').shadowRoot
    .querySelector('.ss-tab[data-view="articles"] .ss-count')?.textContent) === n, seeds + size, { timeout: 60_000 });
  await settled(page);
  return opened;
}

/** "Show 100 more quotes (275 left)" → {batch: 100, left: 275}. */
async function moreButton(list) {
  const button = list.locator('.ss-show-more');
  const match = /^Show ([\d,]+) more \w+ \(([\d,]+) left\)$/.exec(await button.textContent());
  assert.ok(match, `a button that says how many remain: ${await button.textContent()}`);
  return { button, batch: number(match[1]), left: number(match[2]) };
}

async function shownQuoteIds(page) {
  return scope(page, '.ss-quote-wall').evaluate((wall) =>
    [...wall.querySelectorAll('.ss-quote[data-quote], .ss-transcript-lines li[data-quote]')].map((el) => el.dataset.quote));
}

const focusedQuote = (page) => page.evaluate(() =>
  document.querySelector('story-scope').shadowRoot.activeElement?.closest('[data-quote]')?.dataset.quote ?? null);

test('the quote wall shows one batch, "Show more" adds the next by keyboard, filters start again at one batch', async () => {
  const opened = await openLargeCorpus();
  const { page } = opened;
  await scope(page, '.ss-tab[data-view="quotes"]').click();
  await settled(page);
  const wall = scope(page, '.ss-quote-wall');
  const total = await tabCount(page, 'quotes');
  const quoteIds = await page.evaluate(() => document.querySelector('story-scope').model.quotes.map((q) => q.id));
  assert.equal(total, quoteIds.length, 'no filter: every quote passes');
  assert.equal(await scope(page, '#ss-quotes-title').textContent(), `Quotes (${total.toLocaleString('en-US')})`, 'the heading counts every quote');

  const first = await moreButton(wall);
  const shown = await shownQuoteIds(page);
  assert.ok(first.left > first.batch, `the corpus has more than two batches (${total} quotes)`);
  assert.equal(shown.length, first.batch, 'exactly one batch is shown');
  assert.equal(shown.length + first.left, total, 'shown and left add up to the count');
  assert.deepEqual(shown, quoteIds.slice(0, shown.length), 'the first quotes, in order');

  // By keyboard: the next batch is appended and the focus moves to its first quote.
  await first.button.focus();
  await page.keyboard.press('Enter');
  const more = await shownQuoteIds(page);
  const second = await moreButton(wall);
  assert.equal(more.length, shown.length + first.batch);
  assert.deepEqual(more, quoteIds.slice(0, more.length), 'the next quotes follow, in order');
  assert.equal(second.left, first.left - first.batch);
  assert.equal(await focusedQuote(page), quoteIds[shown.length], 'the focus is on the first new quote');

  // Another filter: one batch again, counted on the whole selection.
  await scope(page, '.ss-segment[data-source="named"]').click();
  await settled(page);
  await scope(page, '.ss-segment[data-source="named"][aria-pressed="true"]').waitFor();
  const named = number(await scope(page, '.ss-segment[data-source="named"] .ss-count').textContent());
  assert.equal(await scope(page, '#ss-quotes-title').textContent(), `Quotes (${named.toLocaleString('en-US')} of ${total.toLocaleString('en-US')})`);
  const namedShown = await shownQuoteIds(page);
  assert.equal(namedShown.length, Math.min(named, first.batch), 'the filter starts again at one batch');
  if (named > first.batch) assert.equal((await moreButton(wall)).left, named - first.batch);

  // Back to every quote: one batch, not the two shown before the filter.
  await scope(page, '.ss-segment[data-source="all"]').click();
  await settled(page);
  await scope(page, '.ss-segment[data-source="all"][aria-pressed="true"]').waitFor();
  assert.equal((await shownQuoteIds(page)).length, first.batch);
  await assertCleanAndClose(opened);
});

test('the entity lists show one batch per kind, "Show more" adds the next, the name box finds every entity', async () => {
  const opened = await openLargeCorpus();
  const { page } = opened;
  await scope(page, '.ss-tab[data-view="entities"]').click();
  await settled(page);
  const people = scope(page, '.ss-entity-group:has(#ss-entities-person)');
  const count = number(await people.locator('h3 .ss-count').textContent());
  const items = people.locator('.ss-entity');
  const first = await moreButton(people);
  const shown = await items.count();
  assert.ok(first.left > 0, `more people than one batch (${count})`);
  assert.equal(shown + first.left, count, 'shown and left add up to the heading count');
  // The button offers the next batch, or what is left when that is less.
  assert.equal(first.batch, Math.min(shown, first.left), 'one batch of people, and the button offers the next');
  const counts = await items.locator('.ss-count').allTextContents();
  assert.deepEqual(counts.map(Number), counts.map(Number).sort((a, b) => b - a), 'most mentioned first');

  // Entities beyond the first batch, for the name box below.
  const listed = new Set(await items.evaluateAll((els) => els.map((el) => el.dataset.entity)));
  await first.button.click();
  await settled(page);
  const after = await items.count();
  assert.equal(after, Math.min(count, 2 * shown));
  const firstNew = await items.nth(shown).getAttribute('data-entity');
  assert.equal(await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement?.dataset.entity), firstNew,
    'the focus is on the first new entity');
  if (after < count) assert.equal((await moreButton(people)).left, count - after);

  // A person beyond the first batch is found by name.
  const persons = await page.evaluate(() => document.querySelector('story-scope').model.entities
    .filter((e) => e.kind === 'person').map(({ id, name, aliases }) => ({ id, name, aliases })));
  const hidden = persons.find((p) => !listed.has(p.id) && !persons.some((o) => o !== p && [o.name, ...o.aliases].some((n) => n.includes(p.name))));
  assert.ok(hidden, 'a person beyond the first batch, with a name no other contains');
  await scope(page, '.ss-entity-search').fill(hidden.name);
  assert.deepEqual(await items.evaluateAll((els) => els.map((el) => el.dataset.entity)), [hidden.id]);
  assert.equal(await scope(page, '.ss-entity-status').textContent(), '1 match');
  await assertCleanAndClose(opened);
});

test('a timeline with more marks than it draws at once: only those near the screen are drawn, scrolling draws the rest, an event names three sources and counts the others', async () => {
  const opened = await openLargeCorpus(TIMELINE_CORPUS, 150);
  const { page } = opened;
  await scope(page, '.ss-tab[data-view="timeline"]').click();
  await settled(page);
  await scope(page, '.tl-ev').first().waitFor();
  // An event has a mark in the lane of each article that tells it (the default lanes).
  const { events, marks, lanes } = await page.evaluate(() => {
    const model = document.querySelector('story-scope').model;
    const lanes = new Set(model.events.flatMap((e) => e.docs));
    return { events: model.events.length, marks: model.events.reduce((n, e) => n + e.docs.length, 0), lanes: lanes.size };
  });
  assert.ok(events <= 500 && marks > 1000, `fewer events than the cut, many more marks (${events} events, ${marks} marks)`);
  const drawn = await scope(page, '.tl-ev').count();
  assert.ok(drawn < marks / 2, `only the marks near the screen are drawn (${drawn} of ${marks})`);
  const lastLane = () => scope(page, '.tl-lane-label').last().getAttribute('data-lane');
  const laneKeys = await page.evaluate(() => document.querySelector('story-scope').shadowRoot.querySelectorAll('.tl-lane-label').length);
  assert.ok(laneKeys < lanes, `the lanes far below are not drawn yet (${laneKeys} of ${lanes})`);
  const before = await lastLane();

  // An event many articles tell, among the marks drawn here: three titles, then how many others.
  const label = await page.evaluate(() => {
    const root = document.querySelector('story-scope').shadowRoot;
    const told = new Map(document.querySelector('story-scope').model.events.map((e) => [e.id, e.docs.length]));
    const marks = [...root.querySelectorAll('.tl-ev[aria-label]')];
    return marks.find((el) => told.get(el.dataset.event) > 4)?.getAttribute('aria-label')
      ?? { drawn: marks.length, toldByMoreThanFour: [...told.values()].filter((n) => n > 4).length };
  });
  assert.equal(typeof label, 'string', `a drawn mark of an event told by more than four articles (${JSON.stringify(label)})`);
  const sources = /Sources: (.*)\.$/.exec(label)?.[1] ?? '';
  assert.match(sources, /^[^;]+; [^;]+; .+ and \d+ others$/, `three titles and a count: ${sources.slice(0, 300)}`);

  // Scrolled to the bottom: the last lanes are drawn.
  await scope(page, '#ss-panel').evaluate((panel) => { panel.scrollTop = panel.scrollHeight; });
  await page.waitForFunction((key) => {
    const labels = document.querySelector('story-scope').shadowRoot.querySelectorAll('.tl-lane-label');
    return labels.length > 0 && labels[labels.length - 1].dataset.lane !== key;
  }, before);
  const bottom = await scope(page, '.tl-ev').count();
  assert.ok(bottom > 0 && bottom < marks / 2, `the marks near the bottom are drawn instead (${bottom})`);

  await assertCleanAndClose(opened);
});

test('a new corpus of many added articles lays out one batch of them: the library lists 50, "Show more" adds the rest, Undo brings a later one back into the list', async () => {
  const opened = await importCorpus(CORPUS, 60);
  const { page } = opened;
  const rows = scope(page, '.ss-user-articles > li');
  assert.equal(await scope(page, '.ss-library h3').textContent(), 'Added (60)', 'the heading counts every added article');
  assert.equal(await rows.count(), 50, 'the panel rebuilt with the new corpus holds one batch of rows, not all 60');
  // The one view shown is the only one rendered: a new model does not build the others.
  assert.deepEqual(await scope(page, '#ss-panel > *').evaluateAll((nodes) => nodes.map((n) => n.className)), ['ss-articles-view']);

  const { button, batch, left } = await moreButton(scope(page, '.ss-library'));
  assert.deepEqual({ batch, left }, { batch: 10, left: 10 });
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await rows.count(), 60);
  assert.equal(await button.count(), 0, 'nothing left to show');
  assert.equal(await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement?.closest('li')?.dataset.article),
    await rows.nth(50).getAttribute('data-article'), 'the focus is on the first new row');

  // Removing the 56th: the new corpus lists one batch again; Undo puts it back in sight, with the focus on its Remove.
  const id = await rows.nth(55).getAttribute('data-article');
  await rows.nth(55).locator('button', { hasText: 'Remove' }).click();
  await scope(page, '.ss-removed button', { hasText: 'Undo' }).waitFor();
  await settled(page);
  assert.equal(await rows.count(), 50);
  await page.keyboard.press('Enter');
  await scope(page, `.ss-user-articles > li[data-article="${id}"]`).waitFor();
  await settled(page);
  await page.waitForFunction((want) => document.querySelector('story-scope').shadowRoot.activeElement?.dataset.focusKey === `remove:${want}`, id);
  await assertCleanAndClose(opened);
});
