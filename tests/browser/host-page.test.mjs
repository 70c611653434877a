// An embed inside a long blog post: moving around inside it by keyboard (the timeline's arrow
// keys, Enter on an event that opens its passage) scrolls the embed's own boxes, never the
// blog's page, which stays where its reader left it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifacts, assertCleanAndClose, launch, openPage, root, settled } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A post with the embed between two screens of text; the script is the build under test. */
function longPost(view = 'timeline') {
  const dist = process.env.STORYSCOPE_PAGE ? dirname(process.env.STORYSCOPE_PAGE) : join(root, 'dist');
  const script = pathToFileURL(join(dist, 'storyscope-embed.js')).href;
  const filler = '<p>Paragraph of the post.</p>'.repeat(80);
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `long-post-${view}.html`);
  writeFileSync(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long post</title></head>
<body>${filler}<story-scope view="${view}" height="520px"></story-scope>${filler}<script src="${script}"></script></body></html>\n`);
  return pathToFileURL(path).href;
}

test('arrow keys on the timeline and Enter on an event move inside the embed, not the blog page', async () => {
  const opened = await openPage(browser, longPost());
  const { page } = opened;
  const embed = page.locator('story-scope');
  await embed.locator('.tl-ev[tabindex]').first().waitFor({ timeout: 30_000 });
  await settled(page);
  // The reader has scrolled the post until only the embed's top shows at the bottom of the window.
  const top = await embed.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await page.evaluate((y) => window.scrollTo(0, y), top - 700);
  const scrolled = await page.evaluate(() => window.scrollY);
  await embed.evaluate((el) => el.shadowRoot.querySelector('.tl-ev[tabindex]').focus({ preventScroll: true }));
  const focused = () => embed.evaluate((el) => el.shadowRoot.activeElement?.dataset.event ?? null);
  assert.ok(await focused(), 'an event has the focus');
  await page.keyboard.press('Home');
  const first = await focused();
  await page.keyboard.press('End');
  const last = await focused();
  assert.notEqual(last, first, 'End moves to the last event');
  await page.keyboard.press('ArrowLeft');
  assert.notEqual(await focused(), last, 'ArrowLeft moves back');
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the blog page did not move');

  // Enter opens the event's passage in the reader, brought into sight inside the embed.
  await page.keyboard.press('Enter');
  await settled(page);
  await embed.locator('.ss-reader .ss-focus').waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the blog page did not move');
  await assertCleanAndClose(opened);
});

test('Enter on an article low in the embed opens it with the focus on its title, and the blog page stays where it was', async () => {
  const opened = await openPage(browser, longPost('articles'));
  const { page } = opened;
  const embed = page.locator('story-scope');
  await embed.locator('.ss-article-link').first().waitFor({ timeout: 30_000 });
  await settled(page);
  // The reader has scrolled the post until the embed's top (its header and the reader's title
  // to come) is above the window, and its lower part, with the article list, is in sight.
  const top = await embed.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await page.evaluate((y) => window.scrollTo(0, y), top + 360);
  const scrolled = await page.evaluate(() => window.scrollY);
  await embed.evaluate((el) => el.shadowRoot.querySelector('.ss-article-link').focus({ preventScroll: true }));
  await page.keyboard.press('Enter');
  await embed.locator('.ss-reader-title').waitFor();
  await settled(page);
  assert.equal(await embed.evaluate((el) => el.shadowRoot.activeElement?.id ?? null), 'ss-reader-title', 'the title has the focus');
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the blog page did not move');
  await assertCleanAndClose(opened);
});
