// The embed script on a blog page with hostile global CSS: each <story-scope> renders inside
// its own shadow root, untouched by the page's styles, and two embeds work independently.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifacts, assertCleanAndClose, launch, openPage, root, screenshot, openLibrary, settled, pasteArticle } from './browser.mjs';

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
  await settled(page, first);
  await first.locator('.ss-reader').waitFor();
  assert.equal(await second.locator('.ss-reader').count(), 0);

  await screenshot(page, 'embed-blog');
  assert.deepEqual(record.requests, []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

const fixture = (name) => pathToFileURL(join(root, 'tests', 'browser', 'fixtures', name)).href;

/** Font sizes (px) of a few parts of an embed: its name, a tab, an article title, a heading. */
async function fontSizes(element) {
  return element.evaluate((host) => Object.fromEntries(['.ss-brand', '.ss-tab', '.ss-article-title', '.ss-heading', '.ss-search']
    .map((selector) => [selector, getComputedStyle(host.shadowRoot.querySelector(selector)).fontSize])));
}

test('under `* { all: unset; font-size: 40px !important }` and hidden tags, an embed keeps its height and its own font sizes', async () => {
  // The sizes of the same embed on a page that does not reset everything.
  const clean = await openPage(browser, blogUrl);
  await clean.page.locator('#first .ss-article-link').first().waitFor({ timeout: 30_000 });
  const expected = await fontSizes(clean.page.locator('#first'));
  await clean.context.close();

  const { context, page, record } = await openPage(browser, fixture('hostile-blog.html'));
  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.locator('.ss-article-link').first().waitFor({ timeout: 30_000 });
  await second.locator('.ss-quote-wall').waitFor({ timeout: 30_000 });
  for (const [element, height] of [[first, 520], [second, 400]]) {
    const box = await element.boundingBox();
    assert.equal(box.height, height, `the height attribute holds (${box.height} px)`);
    assert.equal(await element.evaluate((el) => getComputedStyle(el).display), 'block');
  }
  assert.deepEqual(await fontSizes(first), expected, 'the page\'s font size does not reach inside');
  assert.ok(await first.locator('.ss-tab').first().isVisible(), 'the tabs are shown');
  await first.locator('.ss-article-link').nth(1).click();
  await settled(page, first);
  await first.locator('.ss-reader').waitFor();
  await screenshot(page, 'embed-hostile');
  assert.deepEqual(record.requests, []);
  assert.deepEqual(record.errors, []);
  await context.close();
});

test('a blog places the embed with margin, max-width and a border, as any block; its inherited text styles stay outside', async () => {
  const opened = await openPage(browser, fixture('styled-blog.html'), { viewport: { width: 1000, height: 800 } });
  const { page } = opened;
  const embed = page.locator('#first');
  await embed.locator('.ss-article-link').first().waitFor({ timeout: 30_000 });
  const placed = await embed.evaluate((host) => {
    const cs = getComputedStyle(host);
    const box = host.getBoundingClientRect();
    return { width: box.width, height: box.height, left: box.left, marginTop: cs.marginTop, border: cs.borderTopWidth };
  });
  assert.equal(placed.width, 600, `max-width holds (${placed.width} px wide)`);
  assert.equal(placed.left, 200, `margin: auto centres it (${placed.left} px from the left)`);
  assert.equal(placed.marginTop, '40px');
  assert.equal(placed.border, '2px');
  assert.equal(placed.height, 500, 'the height attribute holds, border included');
  const text = await embed.evaluate((host) => {
    const cs = getComputedStyle(host.shadowRoot.querySelector('.ss-article-title'));
    return {
      letterSpacing: cs.letterSpacing, wordSpacing: cs.wordSpacing, textTransform: cs.textTransform, whiteSpace: cs.whiteSpace,
      fontStyle: cs.fontStyle, textIndent: cs.textIndent, textShadow: cs.textShadow, cursor: cs.cursor,
      lineHeightRatio: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize),
    };
  });
  assert.deepEqual({ ...text, lineHeightRatio: text.lineHeightRatio < 2 }, {
    letterSpacing: 'normal', wordSpacing: '0px', textTransform: 'none', whiteSpace: 'normal', fontStyle: 'normal',
    textIndent: '0px', textShadow: 'none', cursor: text.cursor === 'wait' ? 'not wait' : text.cursor, lineHeightRatio: true,
  });
  await screenshot(page, 'embed-styled-blog');
  await assertCleanAndClose(opened);
});

test('an embed in a narrow blog column (480 px of a 1280 px window) is laid out as on a phone: the tools fold, the view starts near its top', async () => {
  const opened = await openPage(browser, fixture('column-blog.html'), { viewport: { width: 1280, height: 800 } });
  const { page } = opened;
  const embed = page.locator('#first');
  await embed.locator('.ss-article-link').first().waitFor({ timeout: 30_000 });
  const layout = await embed.evaluate((host) => {
    const inside = (selector) => host.shadowRoot.querySelector(selector);
    const top = host.getBoundingClientRect().top;
    return {
      width: host.getBoundingClientRect().width,
      viewStarts: inside('#ss-panel').getBoundingClientRect().top - top,
      menu: getComputedStyle(inside('.ss-menu')).display !== 'none',
      tools: getComputedStyle(inside('.ss-tools')).display !== 'none',
    };
  });
  assert.equal(layout.width, 480);
  assert.deepEqual({ menu: layout.menu, tools: layout.tools }, { menu: true, tools: false }, 'the tools fold behind Menu');
  assert.ok(layout.viewStarts <= 100, `the view starts ${layout.viewStarts} px below the embed's top`);
  // The article list and the opening screen take turns, as on a phone, rather than two columns.
  const [list, opening] = await Promise.all(['.ss-articles', '.ss-opening'].map((selector) => embed.locator(selector).boundingBox()));
  assert.ok(Math.abs(list.x - opening.x) < 40, 'one column, not two');
  await screenshot(page, 'embed-column-blog');
  await assertCleanAndClose(opened);
});

test('in a right-to-left blog the embed keeps its own left-to-right layout (direction is the one property `all` does not reset)', async () => {
  const opened = await openPage(browser, pathToFileURL(join(root, 'tests', 'browser', 'fixtures', 'rtl-blog.html')).href);
  const { page } = opened;
  const embed = page.locator('#first');
  await embed.locator('.ss-article-link').first().waitFor({ timeout: 30_000 });
  const layout = await embed.evaluate((host) => {
    const inside = (selector) => host.shadowRoot.querySelector(selector);
    return {
      direction: getComputedStyle(inside('.ss')).direction,
      brandLeftOfSearch: inside('.ss-brand').getBoundingClientRect().left < inside('.ss-search').getBoundingClientRect().left,
      listLeftOfReader: inside('.ss-articles').getBoundingClientRect().left < inside('.ss-opening').getBoundingClientRect().left,
    };
  });
  assert.deepEqual(layout, { direction: 'ltr', brandLeftOfSearch: true, listLeftOfReader: true });
  await screenshot(page, 'embed-rtl-blog');
  await assertCleanAndClose(opened);
});

test('under a Content-Security-Policy without it, the embed says to allow \'wasm-unsafe-eval\' (not \'unsafe-eval\')', async () => {
  const { context, page, record } = await openPage(browser, fixture('csp-blog.html'));
  const error = page.locator('#only .ss-error');
  await error.waitFor({ timeout: 30_000 });
  const text = await error.textContent();
  assert.match(text, /Storyscope could not start/);
  assert.match(text, /Content-Security-Policy/);
  assert.match(text, /add 'wasm-unsafe-eval' to its script-src/i);
  assert.match(text, /not 'unsafe-eval'/);
  assert.deepEqual(record.requests, []);
  await context.close();
});

/** Counts, in the page, the articles sent to the core's workers and any WebAssembly instantiated on the main thread. */
function watchTheCore() {
  window.__core = { extracted: [], mainThreadInstances: 0 };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, transfer) {
    // A batch of articles (the page's Extractor) or one call's arguments.
    if (message?.call === 'extractArticle') window.__core.extracted.push(...(message.batch ?? [message.args]).map((args) => args?.[0]?.name ?? null));
    return post.call(this, message, transfer);
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    window.__core.mainThreadInstances += 1;
    return instantiate.apply(this, args);
  };
}

test('under the strict policy the README gives (script, \'wasm-unsafe-eval\', worker-src blob:), the embed reads a pasted article in its worker', async () => {
  const { context, page, record } = await openPage(browser, 'about:blank');
  await page.addInitScript(watchTheCore);
  await page.goto(fixture('strict-csp-blog.html'));
  const only = page.locator('#only');
  await only.locator('.ss-article-link').first().waitFor({ timeout: 30_000 });
  await openLibrary(page, only);
  await pasteArticle(page, '“We will build it,” Mayor Ana Ruiz said on Monday in Port Ellis.', { title: 'Pier vote', scope: only });
  await only.locator('.ss-user-articles li', { hasText: 'Pier vote' }).waitFor();
  await only.locator('.ss-tab[data-view="quotes"]').click();
  await only.locator('.ss-quote', { hasText: 'We will build it' }).waitFor();
  const core = await page.evaluate(() => window.__core);
  assert.deepEqual(core.extracted, ['Pier vote'], 'the article was extracted in a worker');
  assert.equal(core.mainThreadInstances, 0, 'the main thread never instantiates the core');
  assert.deepEqual(record.requests, []);
  assert.deepEqual(record.errors, []);
  assert.deepEqual(await record.cspViolations(), []);
  await context.close();
});

test('under a policy that refuses blob: workers, the embed says to allow worker-src blob:', async () => {
  const { context, page, record } = await openPage(browser, fixture('no-worker-csp-blog.html'));
  const error = page.locator('#only .ss-error');
  await error.waitFor({ timeout: 30_000 });
  const text = await error.textContent();
  assert.match(text, /Storyscope could not start/);
  assert.match(text, /Content-Security-Policy/);
  assert.match(text, /Add worker-src blob:/);
  assert.deepEqual(record.requests, []);
  await context.close();
});

test('"Embed this view": the script snippet starts the element on the same view and filters, under the policy its note names', async () => {
  const hash = `#view=quotes&q=${encodeURIComponent('"Medvedev" & co')}&s=${encodeURIComponent('Natalya Timakova')}&from=2009-01-01`;
  const opened = await openPage(browser, pathToFileURL(join(root, 'dist', 'storyscope.html')).href + hash);
  const scope = opened.page.locator('story-scope');
  await scope.locator('.ss-quote-wall, .ss-empty').first().waitFor({ timeout: 30_000 });
  await scope.locator('[data-tool="embed"]').click();
  const snippet = await scope.locator('.ss-snippet').nth(1).inputValue();
  const note = await scope.locator('.ss-panel-box .ss-note').last().textContent();
  assert.match(note, /'wasm-unsafe-eval'/, 'the note names wasm-unsafe-eval');
  assert.match(note, /worker-src blob:/, 'the note names worker-src blob: (the core runs in a worker)');
  const page = await scope.evaluate((el) => ({ filters: el.state.filters, view: el.state.view, live: el.shadowRoot.querySelector('.ss-live').textContent }));
  await opened.context.close();

  // The snippet, as a blogger would paste it, on a page with exactly that policy.
  mkdirSync(artifacts, { recursive: true });
  const host = join(artifacts, 'embed-snippet.html');
  const script = pathToFileURL(join(root, 'dist', 'storyscope-embed.js')).href;
  writeFileSync(host, `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src file: 'wasm-unsafe-eval'; worker-src blob:">
<title>Pasted snippet</title>\n${snippet.replace('src="storyscope-embed.js"', `src="${script}"`)}\n`);
  const embedded = await openPage(browser, pathToFileURL(host).href);
  const element = embedded.page.locator('story-scope');
  await element.locator('.ss-quote-wall, .ss-empty').first().waitFor({ timeout: 30_000 });
  const got = await element.evaluate((el) => ({ filters: el.state.filters, view: el.state.view, live: el.shadowRoot.querySelector('.ss-live').textContent }));
  assert.deepEqual(got, page, 'the embed shows the same view, filters and counts as the page');
  await assertCleanAndClose(embedded);
});
