// Accessibility: axe-core (from npm, injected into the page) reports no violations in each view,
// light and dark; and everything is reachable by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, openLibrary, pageUrl, pasteArticle, waitForArticles, screenshot, settled } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations in any view (${colorScheme})`, async () => {
    // bypassCSP only lets the test inject axe itself; the page is the same file.
    const context = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const found = {};
    for (const hash of ['', '#doc=003_5f257b789f0137ba', '#view=quotes', '#view=entities', '#view=timeline']) {
      await page.goto(pageUrl + hash);
      await waitForArticles(page);
      await settled(page);
      const violations = await axe(page);
      if (violations.length) found[hash || '#articles'] = violations;
    }
    assert.deepEqual(found, {});
    await context.close();
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations in the tool panels: the library with what an add said, an article's editor and Undo, Export, Embed (${colorScheme})`, async () => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(pageUrl);
    await waitForArticles(page);
    const scope = (selector, options) => page.locator('story-scope').locator(selector, options);
    const found = {};
    const check = async (name) => {
      await settled(page);
      const violations = await axe(page);
      if (violations.length) found[name] = violations;
    };
    await openLibrary(page);
    await pasteArticle(page, 'The council met on June 2, 2015, and voted to build the pier.', { title: 'Pier vote' });
    await scope('.ss-library-status', { hasText: 'Added 1 article.' }).waitFor({ timeout: 30_000 });
    await scope('.ss-library input[type="file"][multiple]').setInputFiles([{ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('x') }]);
    await scope('.ss-messages li').waitFor();
    await check('library, a file refused');
    await scope('.ss-user-articles button', { hasText: 'Edit' }).click();
    await scope('.ss-facts-editor').waitFor();
    await check('library, editing an article');
    await scope('.ss-facts-editor button', { hasText: 'Cancel' }).click();
    await scope('.ss-user-articles button', { hasText: 'Remove' }).click();
    await scope('.ss-removed').waitFor();
    await check('library, Undo');
    for (const tool of ['export', 'embed']) {
      await scope(`[data-tool="${tool}"]`).click();
      await scope(`.ss-${tool}`).waitFor();
      await check(tool);
    }
    assert.deepEqual(found, {});
    await context.close();
  });
}

test('keyboard alone reaches the tabs, opens an article and a view, at 360 px wide', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(pageUrl);
  await waitForArticles(page);
  const focused = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.tagName.toLowerCase()}.${el.className}|${el.textContent.slice(0, 40)}` : '';
  });
  // Tab until the first article link has focus, then open it with Enter.
  let steps = 0;
  while (!(await focused()).includes('ss-article-link') && steps++ < 40) await page.keyboard.press('Tab');
  assert.ok(steps < 40, 'an article link is reachable by Tab');
  await page.keyboard.press('Enter');
  await page.locator('story-scope .ss-reader').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scrolling at 360 px (page is ${width} px wide)`);
  await screenshot(page, 'phone-reader');
  await context.close();
});
