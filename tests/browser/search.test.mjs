// Full-text search on the page: the article list shows the sentences where the words occur,
// with the words marked; the reader marks them in the text (inside quote marks too) and says
// how many there are; long article lists come a page at a time. Expected values come from the
// page's own data (the tab counts, the texts shown), never from a copy of the seeds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, pageUrl, waitForArticles, assertCleanAndClose, screenshot, settled, openLibrary, pasteArticle } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const scope = (page, selector) => page.locator(`story-scope ${selector}`);
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').toLowerCase();

/** Searches, and waits until the page shows the result (the hash changes first, once typing pauses). */
async function search(page, q) {
  await scope(page, '.ss-search').fill(q);
  await page.waitForFunction((q) => (new URLSearchParams(location.hash.slice(1)).get('q') ?? '') === q, q);
  await settled(page);
}

test('search results show marked snippets, and the reader marks every match', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  const quoteMarks = async () => scope(page, '.ss-reader .ss-quote-mark').count();

  await search(page, 'missile');
  const listed = await scope(page, '.ss-article-link').count();
  assert.equal(listed, Number(await scope(page, '.ss-tab[data-view="articles"] .ss-count').textContent()), 'the list shows every matching article');
  assert.ok(listed > 0);
  // Every listed article shows where the word is; every mark is a word starting with it.
  for (const item of await scope(page, '.ss-article-link').all()) {
    const marks = await item.locator('.ss-article-snippet mark.ss-hit').allTextContents();
    assert.ok(marks.length > 0, 'each matching article has a snippet with a marked word');
    for (const mark of marks) assert.ok(fold(mark).startsWith('missile'), `marked "${mark}"`);
  }
  // Case does not matter: the same articles.
  const titles = await scope(page, '.ss-article-title').allTextContents();
  await search(page, 'MISSILE');
  assert.deepEqual(await scope(page, '.ss-article-title').allTextContents(), titles);

  // The reader: the count it states is the number of marks, each on the word.
  await scope(page, '.ss-article-link').first().click();
  await scope(page, '.ss-reader mark.ss-hit').first().waitFor();
  const marks = await scope(page, '.ss-reader-body mark.ss-hit').allTextContents();
  for (const mark of marks) assert.ok(fold(mark).startsWith('missile'), `marked "${mark}"`);
  assert.equal(await scope(page, '.ss-hit-count').textContent(), `${marks.length} ${marks.length === 1 ? 'match' : 'matches'} for “MISSILE”`);
  const withSearch = await quoteMarks();
  await screenshot(page, 'search-reader');

  // Clearing the search removes the marks and keeps every quote mark.
  await search(page, '');
  assert.equal(await quoteMarks(), withSearch, 'search marks do not break quote marks');
  assert.equal(await scope(page, '.ss-hit-count').count(), 0);
  await assertCleanAndClose(opened);
});

test('a word inside a quote is marked inside the quote mark, accents folded', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  await openLibrary(page);
  await pasteArticle(page, 'Port talks\n\n“We will meet in Łódź next week,” Anna Kowalska said on Monday.\n\nThe talks in Łódź ended.');
  await scope(page, '.ss-article-title').filter({ hasText: 'Port talks' }).waitFor();
  await search(page, 'lodz');
  assert.deepEqual(await scope(page, '.ss-article-title').allTextContents(), ['Port talks']);
  assert.deepEqual(await scope(page, '.ss-article-snippet mark.ss-hit').allTextContents(), ['Łódź', 'Łódź']);
  await scope(page, '.ss-article-link').first().click();
  await scope(page, '.ss-reader mark.ss-hit').first().waitFor();
  assert.deepEqual(await scope(page, '.ss-reader-body mark.ss-hit').allTextContents(), ['Łódź', 'Łódź']);
  assert.deepEqual(await scope(page, '.ss-reader-body .ss-quote-mark mark.ss-hit').allTextContents(), ['Łódź'], 'the first is inside the quote');
  await assertCleanAndClose(opened);
});

test('a long article list shows a page at a time', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  const articles = Array.from({ length: 130 }, (_, i) => ({
    id: `brief-${i}`, name: `brief-${i}.txt`,
    content: `Brief number ${i}\n\nThe council met on Tuesday to discuss item ${i}${i % 2 ? ' and the harbour' : ''}.`,
  }));
  await openLibrary(page);
  await scope(page, '.ss-library input[type="file"][accept^=".json"]').setInputFiles({
    name: 'corpus.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ storyscope: 1, articles })),
  });
  await page.waitForFunction(() => Number(document.querySelector('story-scope').shadowRoot.querySelector('.ss-tab[data-view="articles"] .ss-count').textContent) > 130, null, { timeout: 60_000 });
  const total = Number(await scope(page, '.ss-tab[data-view="articles"] .ss-count').textContent());
  const page1 = await scope(page, '.ss-article-link').count();
  assert.ok(page1 < total, 'not every article is listed at once');
  const more = scope(page, '.ss-articles .ss-more');
  assert.equal(await more.textContent(), `Show ${Math.min(page1, total - page1)} more articles (${total - page1} left)`);
  assert.match(await scope(page, '.ss-articles .ss-heading').textContent(), new RegExp(`\\(${total}\\)`));

  // The next page joins the list, and focus moves to its first article.
  await more.click();
  await settled(page);
  const page2 = await scope(page, '.ss-article-link').count();
  assert.equal(page2, Math.min(total, 2 * page1));
  const focusedIndex = await page.evaluate(() => {
    const root = document.querySelector('story-scope').shadowRoot;
    return [...root.querySelectorAll('.ss-article-list > li')].indexOf(root.activeElement?.closest('li'));
  });
  assert.equal(focusedIndex, page1);
  if (page2 === total) assert.equal(await more.count(), 0, 'no button once everything is shown');

  // A filter starts again from the first page.
  await search(page, 'harbour');
  const matching = Number(await scope(page, '.ss-tab[data-view="articles"] .ss-count').textContent());
  assert.equal(matching, 65);
  assert.equal(await scope(page, '.ss-article-link').count(), Math.min(matching, page1));
  await assertCleanAndClose(opened);
});

test('a search no article matches says so in the list, with a way to clear the filters', async () => {
  const opened = await openPage(browser, `${pageUrl}#q=zzzqqq`);
  const { page } = opened;
  const empty = scope(page, '.ss-articles .ss-empty');
  await empty.waitFor({ timeout: 30_000 });
  assert.match(await empty.textContent(), /No article passes these filters/);
  await empty.locator('button', { hasText: 'Clear the filters' }).click();
  await scope(page, '.ss-article-link').first().waitFor();
  const all = await page.evaluate(() => document.querySelector('story-scope').model.documents.length);
  assert.equal(await scope(page, '.ss-article-link').count(), all, 'every article is listed again');
  assert.equal(await scope(page, '.ss-search').inputValue(), '', 'the search is cleared');
  await assertCleanAndClose(opened);
});

test('a search for "2009-03" finds what is dated in March 2009, not the year and a word "03"', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  const count = async (view) => Number(await scope(page, `.ss-tab[data-view="${view}"] .ss-count`).textContent());
  // The events the page's own data dates within a range of days (ISO days compare as text).
  const datedWithin = (from, to) => page.evaluate(([from, to]) => document.querySelector('story-scope').model.events
    .filter((ev) => ev.start && ev.end && ev.start <= to && ev.end >= from).length, [from, to]);
  const march = await datedWithin('2009-03-01', '2009-03-31');
  const year = await datedWithin('2009-01-01', '2009-12-31');
  assert.ok(march > 0 && march < year, `the seeds have events in March 2009 (${march}) and in other months of 2009 (${year})`);

  await search(page, '2009');
  assert.equal(await count('timeline'), year, 'a year is still a year');
  await search(page, '2009-03');
  assert.equal(await count('timeline'), march, 'the timeline shows the events of March 2009');
  assert.ok(await count('articles') > 0, 'articles published in March 2009 are listed');
  assert.ok(await count('quotes') > 0, 'and their quotes');
  // While it is typed: "2009-0" is the year so far, not the year and the words starting with "0".
  await search(page, '2009-0');
  assert.equal(await count('timeline'), year);
  await assertCleanAndClose(opened);
});
