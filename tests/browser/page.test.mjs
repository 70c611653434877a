// The single-file page, opened from file:// as from a USB stick: it extracts the embedded
// seeds in the browser, lists them, opens the reader, and never touches the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, pageUrl, waitForArticles, screenshot, settled } from './browser.mjs';

const SEED_TITLES = [
  "Obama to Medvedev and Putin: Let's Get Me Re-elected, Then I Can Cave Some More on Missile Defense",
  'Obama Denies Missile Offer to Russia',
  'Links to linkage',
  'A Quid Pro Quo with Russia on Iran Missiles?',
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('file:// page lists the four seed articles and opens the reader, with no network request', async () => {
  const { context, page, record } = await openPage(browser, pageUrl);
  await waitForArticles(page);
  const titles = await page.locator('story-scope .ss-article-title').allTextContents();
  assert.deepEqual(titles, SEED_TITLES);
  await screenshot(page, 'page-articles');

  await page.locator('story-scope .ss-article-link', { hasText: 'A Quid Pro Quo' }).click();
  await settled(page);
  const reader = page.locator('story-scope .ss-reader');
  await reader.waitFor();
  assert.equal(await reader.locator('.ss-reader-title').textContent(), SEED_TITLES[3]);
  assert.match(await reader.locator('.ss-reader-meta time').textContent(), /3 Mar 2009, 08:48/);
  assert.equal(await reader.locator('.ss-reader-body > p').count(), 4);
  // Comments and the pingback are apart from the body, each with its stamp.
  const comments = reader.locator('.ss-comments .ss-comment');
  assert.equal(await comments.count(), 3);
  assert.match(await comments.nth(2).textContent(), /Pingback.*4 Mar 2009, 15:21/);
  assert.doesNotMatch(await reader.locator('.ss-reader-body').textContent(), /Comment posted|RSS feed/);
  await screenshot(page, 'page-reader');

  assert.deepEqual(record.requests, [], 'the page must make no network request');
  assert.deepEqual(record.errors, []);
  assert.deepEqual(await record.cspViolations(), []);
  await context.close();
});

test('the reader lists numbered items as items', async () => {
  const { context, page } = await openPage(browser, pageUrl);
  await waitForArticles(page);
  await page.locator('story-scope .ss-article-link', { hasText: 'Links to linkage' }).click();
  await settled(page);
  const items = page.locator('story-scope .ss-reader-body .ss-item');
  assert.equal(await items.count(), 3);
  assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.dataset.marker)), ['1', '2', '3']);
  await context.close();
});

test('the page carries a strict Content-Security-Policy', async () => {
  const { context, page } = await openPage(browser, pageUrl);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.match(csp, /connect-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await context.close();
});
