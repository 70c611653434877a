// The embed script on a blog page with hostile global CSS: each <story-scope> renders inside
// its own shadow root, untouched by the page's styles, and two embeds work independently.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openPage, root, screenshot } from './browser.mjs';

const blogUrl = pathToFileURL(join(root, 'tests', 'browser', 'fixtures', 'blog.html')).href;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('two embeds render in their shadow roots, unaffected by the blog CSS', async () => {
  const { context, page, record } = await openPage(browser, blogUrl);
  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.locator('.ss-article-link').first().waitFor({ timeout: 30_000 });
  await second.locator('.ss-tab').first().waitFor({ timeout: 30_000 });

  const inShadow = await page.evaluate(() => [...document.querySelectorAll('story-scope')].map((el) =>
    Boolean(el.shadowRoot?.querySelector('.ss')) && document.querySelector('.ss') === null));
  assert.deepEqual(inShadow, [true, true], 'the UI lives in shadow roots, not in the page DOM');

  const style = await first.locator('.ss-article-link').first().evaluate((el) => {
    const cs = getComputedStyle(el);
    return { display: cs.display, visibility: cs.visibility, color: cs.color, font: cs.fontFamily };
  });
  assert.notEqual(style.display, 'none');
  assert.equal(style.visibility, 'visible');
  assert.notEqual(style.color, 'rgb(255, 0, 255)');
  assert.doesNotMatch(style.font, /Comic Sans/);
  assert.equal(await first.locator('.ss-article-link').count(), 4);
  assert.equal((await first.boundingBox()).height, 480);

  // Independent state: the second opened on quotes, in the dark theme; the first did not.
  assert.equal(await second.locator('.ss-tab[aria-selected="true"]').getAttribute('data-view'), 'quotes');
  assert.equal(await first.locator('.ss-tab[aria-selected="true"]').getAttribute('data-view'), 'articles');
  assert.equal(await second.locator('.ss').getAttribute('data-theme'), 'dark');
  await first.locator('.ss-article-link').nth(2).click();
  await first.locator('.ss-reader').waitFor();
  assert.equal(await second.locator('.ss-reader').count(), 0);

  await screenshot(page, 'embed-blog');
  assert.deepEqual(record.requests, []);
  assert.deepEqual(record.errors, []);
  await context.close();
});
