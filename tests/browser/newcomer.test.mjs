// The page as a new user meets it: counts that agree between the tabs and the quote wall, an
// inferred date that says what it was worked out from, sizes in words people read, a timeline
// label that names what its axis shows, a library that asks a phone for no drag and drop, and
// an article list whose byline and date read apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertCleanAndClose, launch, openLibrary, openLoaded, openView, pasteArticle, settled,
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
