// The page as a new user meets it: counts that agree between the tabs and the quote wall, an
// inferred date that says what it was worked out from, sizes in words people read, a timeline
// label that names what its axis shows, a library that asks a phone for no drag and drop, and
// an article list whose byline and date read apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertCleanAndClose, launch, openLibrary, openLoaded, openView, pageUrl, pasteArticle, settled,
} from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const scope = (page, selector, options) => page.locator('story-scope').locator(selector, options);
const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true };

test('the Quotes tab and the quote wall\'s "All" give one count, scare quotes included', async () => {
  const opened = await openView(browser, 'quotes');
  const { page } = opened;
  const tab = async () => Number(await scope(page, '.ss-tab[data-view="quotes"] .ss-count').textContent());
  const all = async () => Number(await scope(page, '.ss-segment[data-source="all"] .ss-count').textContent());
  // One card per quote, and one line per quote on a transcript's card.
  const cards = await scope(page, '.ss-quote-wall .ss-quote, .ss-quote-wall .ss-transcript-lines > li').count();
  const scare = await scope(page, '.ss-quote-wall .ss-quote.ss-kind-scare').count();
  assert.ok(scare > 0, 'the seeds have scare quotes');
  assert.equal(await tab(), cards);
  assert.equal(await all(), cards, '"All" counts every quote the wall shows');
  // Under "Named", "All" still says what choosing it would show.
  await scope(page, '.ss-segment[data-source="named"]').click();
  await settled(page);
  assert.ok(await tab() < cards);
  assert.equal(await all(), cards);
  await assertCleanAndClose(opened);
});

test('an inferred publication date says whether it came from the article\'s text or from the other articles', async () => {
  const opened = await openLoaded(browser);
  const { page } = opened;
  await openLibrary(page);
  await pasteArticle(page, 'The council met on June 2, 2015, and voted to build the pier.', { title: 'Pier vote' });
  await scope(page, '.ss-user-articles li', { hasText: 'Pier vote' }).locator('.ss-user-guess').waitFor({ timeout: 30_000 });
  await pasteArticle(page, 'The quay reopened on Friday after repairs, the harbour office said.', { title: 'Quay note' });
  const quay = scope(page, '.ss-user-articles li', { hasText: 'Quay note' }).locator('.ss-user-guess');
  await quay.waitFor({ timeout: 30_000 });
  assert.match(await quay.textContent(), /guess, borrowed from the other articles/);
  assert.match(await scope(page, '.ss-user-articles li', { hasText: 'Pier vote' }).locator('.ss-user-guess').textContent(),
    /guess, inferred from the latest date its text tells of/);

  await page.keyboard.press('Escape');
  await scope(page, '.ss-article-link', { hasText: 'Quay note' }).click();
  await settled(page);
  assert.match(await scope(page, '.ss-reader-meta').textContent(), /date borrowed from the other articles/);
  await scope(page, '.ss-article-link', { hasText: 'Pier vote' }).click();
  await settled(page);
  assert.match(await scope(page, '.ss-reader-meta').textContent(), /2 Jun 2015.*date inferred from the latest date its text tells of/);
  await assertCleanAndClose(opened);
});

test('a file over the size limit is named with its size and the limit in MB', async () => {
  const opened = await openLoaded(browser);
  const { page } = opened;
  await openLibrary(page);
  const big = { name: 'archive.txt', mimeType: 'text/plain', buffer: Buffer.alloc(9 * 1024 * 1024, 'a') };
  await scope(page, '.ss-library input[type="file"][multiple]').setInputFiles([big]);
  const message = scope(page, '.ss-messages li');
  await message.waitFor({ timeout: 30_000 });
  assert.equal(await message.textContent(), 'archive.txt: the file is too large (9 MB; the limit is 8 MB)');
  await assertCleanAndClose(opened);
});

test('under a search, the timeline\'s "Showing" label names what its axis shows', async () => {
  const opened = await openView(browser, 'timeline');
  const { page } = opened;
  const label = scope(page, '.tl-span');
  const axis = async () => [await label.textContent(), await scope(page, '.tl-svg').evaluate((svg) => `${svg.dataset.viewFrom}..${svg.dataset.viewTo}`)];
  const [whole, days] = await axis();
  assert.match(whole, /^Showing 2008 – 2012$/);
  // A search that leaves events of 2009 only: the axis stays laid out on the whole story
  // (filtering does not move it), so the label stays too.
  await scope(page, '.ss-search').fill('Geneva');
  await settled(page);
  await page.waitForTimeout(200);
  await settled(page);
  const years = await page.evaluate(() => {
    const element = document.querySelector('story-scope');
    const marks = [...element.shadowRoot.querySelectorAll('.tl-ev[data-event]')];
    return [...new Set(marks.map((mark) => element.model.events.find((ev) => ev.id === mark.dataset.event).start.slice(0, 4)))];
  });
  assert.deepEqual(years, ['2009'], 'the search leaves events of one year');
  assert.deepEqual(await axis(), [whole, days]);
  await assertCleanAndClose(opened);
});

test('on a touch screen the library asks for no drag and drop; with a mouse it does', async () => {
  for (const [device, drop] of [[PHONE, false], [{}, true]]) {
    const opened = await openLoaded(browser, device);
    const { page } = opened;
    await openLibrary(page);
    const note = scope(page, '.ss-library .ss-note').first();
    const said = await note.evaluate((el) => el.innerText);
    if (drop) assert.match(said, /Drop \.txt, \.md or \.html files/);
    else assert.doesNotMatch(said, /drop/i, `a phone is not asked to drop files: ${said}`);
    assert.ok(await scope(page, '.ss-library .ss-file-label', { hasText: 'Choose files' }).isVisible());
    await assertCleanAndClose(opened);
  }
});

test('the article list and the reader set the byline apart from the date', async () => {
  const opened = await openLoaded(browser);
  const { page } = opened;
  const link = scope(page, '.ss-article-link', { hasText: 'A Quid Pro Quo' });
  assert.equal(await link.locator('.ss-article-meta').textContent(), 'By Spencer Ackerman · 3 Mar 2009, 08:48');
  assert.match(await link.locator('.ss-article-meta').evaluate((el) => el.innerText), /Ackerman\s+·\s+3 Mar/);
  await link.click();
  await settled(page);
  assert.match(await scope(page, '.ss-reader-meta').textContent(), /By Spencer Ackerman · 3 Mar 2009, 08:48/);
  await assertCleanAndClose(opened);
});

test('an empty quote wall under a speaker and a search offers a way out that shows quotes again, and keeps the focus', async () => {
  const opened = await openView(browser, 'quotes');
  const { page } = opened;
  const total = await scope(page, '.ss-tab[data-view="quotes"] .ss-count').textContent();
  await scope(page, '.ss-facet').first().click();
  await settled(page);
  await scope(page, '.ss-search').fill('zzzqqq');
  const empty = scope(page, '.ss-quote-wall .ss-empty');
  await empty.waitFor({ timeout: 30_000 });
  await empty.locator('button').press('Enter');
  await settled(page);
  assert.equal(await scope(page, '.ss-tab[data-view="quotes"] .ss-count').textContent(), total, 'every quote is shown again');
  assert.equal(await scope(page, '.ss-search').inputValue(), '');
  assert.equal(await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement?.id), 'ss-quotes-title',
    'the focus goes to the heading, not to the page');
  await assertCleanAndClose(opened);
});

test('on a phone a long speaker is cut short, so that the next one shows there are more to scroll to', async () => {
  const opened = await openLoaded(browser, { viewport: { width: 375, height: 740 } });
  const { page } = opened;
  await scope(page, '.ss-tab[data-view="quotes"]').click();
  await settled(page);
  const list = await scope(page, '.ss-facet-list[aria-label="Speakers"]').boundingBox();
  const [first, second] = await scope(page, '.ss-facet-list[aria-label="Speakers"] .ss-facet').evaluateAll((els) => els.slice(0, 2).map((el) => {
    const box = el.getBoundingClientRect();
    return { left: box.left, right: box.right, name: el.querySelector('.ss-facet-name').textContent };
  }));
  assert.ok(first.name.length > 40, `the seeds' first speaker is a long description (${first.name})`);
  assert.ok(first.right <= list.x + list.width, 'the first speaker fits on the screen');
  assert.ok(second.left < list.x + list.width - 20, 'the next speaker peeks in');
  await assertCleanAndClose(opened);
});

test('the library names an added article\'s byline and date in the article list\'s order', async () => {
  const opened = await openLoaded(browser);
  const { page } = opened;
  await openLibrary(page);
  const file = { name: 'ferry.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: Ferry delays\ndate: 2024-03-05\nauthor: Kim Park\n---\n\nThe ferry ran late on Friday, the operator said.') };
  await scope(page, '.ss-library input[type="file"][multiple]').setInputFiles([file]);
  const meta = scope(page, '.ss-user-articles li', { hasText: 'Ferry delays' }).locator('.ss-user-meta');
  await meta.waitFor({ timeout: 30_000 });
  const listed = await scope(page, '.ss-article-link', { hasText: 'Ferry delays' }).locator('.ss-article-meta').textContent();
  assert.equal(listed, 'By Kim Park · 5 Mar 2024');
  assert.equal(await meta.textContent(), listed);
  await assertCleanAndClose(opened);
});

test('the embed panel says what a page opened from a file cannot know, and that the reader\'s own articles stay in the browser', async () => {
  const opened = await openLoaded(browser);
  const { page } = opened;
  await scope(page, '[data-tool="embed"]').click();
  await settled(page);
  const panel = scope(page, '.ss-panel-box');
  assert.match(await panel.textContent(), /write its address in place of https:\/\/your\.site\/storyscope\.html/);
  assert.doesNotMatch(await panel.textContent(), /own articles/, 'nothing to say before one is added');
  await page.keyboard.press('Escape');
  await openLibrary(page);
  await pasteArticle(page, 'The council met on June 2, 2015, and voted to build the pier.', { title: 'Pier vote' });
  await scope(page, '.ss-user-articles li', { hasText: 'Pier vote' }).locator('.ss-user-meta').waitFor({ timeout: 30_000 });
  await scope(page, '[data-tool="embed"]').click();
  await settled(page);
  assert.match(await panel.textContent(), /Your own articles stay in this browser: an embed shows the built-in articles only/);
  await assertCleanAndClose(opened);
});

test('"show the built-in ones again" brings them back with the focus on the opening screen, not lost to the page', async () => {
  const opened = await openLoaded(browser);
  const { page } = opened;
  await openLibrary(page);
  await scope(page, '.ss-library input[type="checkbox"]').check();
  const again = scope(page, '.ss-opening button', { hasText: 'show the built-in ones again' });
  await again.waitFor({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await again.focus();
  await page.keyboard.press('Enter');
  await scope(page, '.ss-opening-title', { hasText: 'One story across 4 articles' }).waitFor({ timeout: 30_000 });
  await settled(page);
  assert.equal(await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement?.className), 'ss-opening-title');
  await assertCleanAndClose(opened);
});

test('on a phone a long filter chip is cut short, so that the next chip shows', async () => {
  const opened = await openLoaded(browser, { viewport: { width: 375, height: 740 } });
  const { page } = opened;
  await scope(page, '.ss-tab[data-view="quotes"]').click();
  await settled(page);
  await scope(page, '.ss-facet').first().click();
  await settled(page);
  await scope(page, '.ss-search').fill('expectations');
  await scope(page, '.ss-chip', { hasText: 'expectations' }).waitFor({ timeout: 30_000 });
  await settled(page);
  const row = await scope(page, '.ss-chips').boundingBox();
  const search = await scope(page, '.ss-chip', { hasText: 'expectations' }).boundingBox();
  assert.ok(search.x < row.x + row.width - 20, `the search chip shows beside the speaker's (${search.x} of ${row.x + row.width})`);
  await assertCleanAndClose(opened);
});

test('headings and the reader\'s byline keep their own margins (the reset of the shadow root no longer outranks them)', async () => {
  const opened = await openLoaded(browser);
  const { page } = opened;
  await scope(page, '.ss-article-link', { hasText: 'A Quid Pro Quo' }).click();
  await settled(page);
  const meta = await scope(page, '.ss-reader-meta').boundingBox();
  const body = await scope(page, '.ss-reader-body p').first().boundingBox();
  assert.ok(body.y - (meta.y + meta.height) >= 10, `the text starts apart from the byline line (${body.y - (meta.y + meta.height)} px)`);
  await scope(page, '.ss-tab[data-view="quotes"]').click();
  await settled(page);
  assert.notEqual(await scope(page, '#ss-quotes-title').evaluate((el) => getComputedStyle(el).marginBottom), '0px', 'a view heading keeps its margin');
  await assertCleanAndClose(opened);
});

test('a timeline source whose clause is itself a quotation is not wrapped in a second pair of quote marks', async () => {
  const opened = await openView(browser, 'timeline');
  const { page } = opened;
  // The first event in date order, selected at first: Gates's "a year ago" (2008).
  const excerpts = await scope(page, '.tl-detail-list .ss-note').allTextContents();
  assert.ok(excerpts.some((text) => /I told the Russians/.test(text)), `the 2008 event quotes Gates (${excerpts})`);
  for (const text of excerpts) assert.doesNotMatch(text, /“\s*“|”\s*”/, `one pair of quote marks: ${text}`);
  await assertCleanAndClose(opened);
});

test('filters that leave Names or the Timeline empty say so with "Clear the filters", as Articles and Quotes do; it brings everything back with the focus on the heading', async () => {
  for (const [view, selector, heading] of [['entities', '.ss-entities', 'ss-entities-title'], ['timeline', '.tl', 'ss-timeline-title']]) {
    const opened = await openView(browser, view);
    const { page } = opened;
    const total = await scope(page, `.ss-tab[data-view="${view}"] .ss-count`).textContent();
    await scope(page, '.ss-search').fill('zzzqqq');
    const empty = scope(page, `${selector} .ss-empty`, { hasText: 'passes these filters' }).or(scope(page, `${selector} .ss-empty`, { hasText: 'match the filters' }));
    await empty.waitFor({ timeout: 30_000 });
    await settled(page);
    assert.equal(await empty.getAttribute('role'), 'status', `${view}: the empty view is announced`);
    await empty.locator('button', { hasText: 'Clear the filters' }).press('Enter');
    await settled(page);
    assert.equal(await scope(page, `.ss-tab[data-view="${view}"] .ss-count`).textContent(), total, `${view}: everything is shown again`);
    assert.equal(await scope(page, '.ss-search').inputValue(), '');
    assert.equal(await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement?.id), heading,
      `${view}: the focus goes to the heading, not to the page`);
    await assertCleanAndClose(opened);
  }
});

test('after one article is added, "Read it" beside what the library says opens it in the reader, with the focus on its title', async () => {
  for (const options of [{}, PHONE]) {
    const opened = await openLoaded(browser, options);
    const { page } = opened;
    await openLibrary(page);
    await pasteArticle(page, 'PORT ELLIS — The harbour council delayed its vote on Tuesday. "We need more time," said Mayor Jane Holt.', { title: 'Harbour vote delayed' });
    const read = scope(page, '.ss-library button', { hasText: 'Read it' });
    await read.waitFor({ timeout: 30_000 });
    await settled(page);
    assert.equal(await read.getAttribute('aria-label'), 'Read Harbour vote delayed');
    await read.press('Enter');
    await settled(page);
    await scope(page, '.ss-library').waitFor({ state: 'detached' });
    const focused = await page.evaluate(() => {
      const active = document.querySelector('story-scope').shadowRoot.activeElement;
      return { className: active?.className, text: active?.textContent };
    });
    assert.deepEqual(focused, { className: 'ss-reader-title', text: 'Harbour vote delayed' }, 'the reader shows the new article, its title focused');
    await assertCleanAndClose(opened);
  }
});

test('"Choose files…" and "Import corpus…" read at the size of the library\'s other buttons', async () => {
  for (const options of [{}, PHONE]) {
    const opened = await openLoaded(browser, options);
    const { page } = opened;
    await openLibrary(page);
    const size = (locator) => locator.evaluate((el) => getComputedStyle(el).fontSize);
    const button = await size(scope(page, '.ss-library button', { hasText: 'Add pasted text' }));
    assert.equal(await size(scope(page, '.ss-library label', { hasText: 'Choose files' })), button);
    assert.equal(await size(scope(page, '.ss-library label', { hasText: 'Import corpus' })), button);
    assert.equal(await size(scope(page, '.ss-library button', { hasText: 'Export corpus' })), button);
    await assertCleanAndClose(opened);
  }
});

test('under a search, the opening screen\'s ways in count what passes it, as the tabs do', async () => {
  const opened = await openLoaded(browser, {}, `${pageUrl}#q=missile`);
  const { page } = opened;
  await settled(page);
  const tab = async (view) => Number(await scope(page, `.ss-tab[data-view="${view}"] .ss-count`).textContent());
  const totals = await page.evaluate(() => {
    const { model } = document.querySelector('story-scope');
    return { quotes: model.quotes.length, entities: model.entities.length, timeline: model.events.length };
  });
  const ways = scope(page, '.ss-opening .ss-opening-lead button');
  assert.ok(await ways.count() > 0, 'the opening screen offers a way in');
  const texts = await ways.allTextContents();
  let narrowed = false;
  for (const [view, names] of [['quotes', /quote/], ['entities', /people|person/], ['timeline', /event/]]) {
    const shown = await tab(view);
    narrowed ||= shown < totals[view];
    const way = texts.find((text) => names.test(text));
    if (shown === 0) {
      assert.equal(way, undefined, `no way in to an empty ${view} view`);
      continue;
    }
    assert.equal(Number.parseInt(way.replace(/,/g, ''), 10), shown, `the ${view} way in counts as its tab ("${way}")`);
  }
  assert.ok(narrowed, 'the search narrows at least one view');
  assert.match(await scope(page, '.ss-opening').textContent(), /that pass the filters/);
  await assertCleanAndClose(opened);
});
