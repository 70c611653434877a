// The explorer around the views: permalinks in the hash (and hostile hashes), the reader's own
// articles (paste, files, bad files, persistence, removal), exports, and XSS payloads anywhere
// an article can carry them — all from file://, with no network request and no CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertCleanAndClose, launch, openPage, pageUrl, waitForArticles, screenshot, openLibrary, settled, pasteArticle } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

/** Fails on any dialog, executed payload, injected element, request, error or CSP violation. */
async function assertClean(page, record, dialogs) {
  assert.deepEqual(dialogs, [], 'no dialog may open');
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload may run');
  const injected = await page.evaluate(() => document.querySelector('story-scope').shadowRoot.querySelectorAll('img, script, iframe').length);
  assert.equal(injected, 0, 'no element may come from article text');
  assert.deepEqual(record.requests, []);
  assert.deepEqual(record.errors, []);
  assert.deepEqual(await record.cspViolations(), []);
}

function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  return dialogs;
}

test('the view lives in the hash: links reproduce it and the back button works', async () => {
  const { context, page, record } = await openPage(browser, `${pageUrl}#view=timeline`);
  await waitForArticles(page);
  const selected = () => page.locator('story-scope .ss-tab[aria-selected="true"]').getAttribute('data-view');
  assert.equal(await selected(), 'timeline');
  await page.locator('story-scope .ss-tab[data-view="quotes"]').click();
  await settled(page);
  assert.match(await page.evaluate(() => location.hash), /view=quotes/);
  await page.locator('story-scope .ss-search').fill('missile');
  await page.waitForFunction(() => location.hash.includes('q=missile'));
  // Back: the hash changes first, and the page follows on its hashchange event, after the
  // core has answered; wait for what it shows, not for the hash.
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('q=missile')
    && document.querySelector('story-scope').shadowRoot.querySelector('.ss-search').value === '');
  assert.equal(await page.locator('story-scope .ss-search').inputValue(), '');
  await page.goBack();
  await page.waitForFunction(() => location.hash.includes('view=timeline'));
  await page.locator('story-scope .ss-tab[data-view="timeline"][aria-selected="true"]').waitFor();
  assert.equal(await selected(), 'timeline');
  assert.equal(await page.evaluate(() => location.protocol), 'file:');
  assert.deepEqual(record.requests, []);
  await context.close();
});

test('a hostile hash is ignored safely', async () => {
  const hash = `#view=${encodeURIComponent(XSS)}&doc=../../etc/passwd&e=${encodeURIComponent(XSS)}&q=${encodeURIComponent(XSS)}&from=2009-99-99`;
  const { context, page, record } = await openPage(browser, pageUrl + hash);
  const dialogs = watchDialogs(page);
  // The search matches nothing, so wait for the tabs rather than for article links.
  await page.locator('story-scope .ss-tab').first().waitFor();
  assert.equal(await page.locator('story-scope .ss-tab[aria-selected="true"]').getAttribute('data-view'), 'articles');
  // The search text arrives as text, never as markup.
  assert.equal(await page.locator('story-scope .ss-search').inputValue(), XSS);
  assert.match(await page.locator('story-scope .ss-chips').textContent(), /<img src=x/);
  await assertClean(page, record, dialogs);
  await context.close();
});

test('pasted articles are added, kept across reloads, and removable; payloads stay text', async () => {
  const { context, page, record } = await openPage(browser, pageUrl);
  const dialogs = watchDialogs(page);
  await waitForArticles(page);
  await openLibrary(page);
  await pasteArticle(page, `The council voted on Monday. ${XSS}\n\n"We will build," said Mayor Ana Ruiz.`, { title: `Harbor Vote ${XSS}` });
  await settled(page);
  const added = page.locator('story-scope .ss-article-title', { hasText: 'Harbor Vote' });
  await added.waitFor();
  assert.equal(await added.textContent(), `Harbor Vote ${XSS}`);
  assert.equal(await page.locator('story-scope .ss-article-link').count(), 5);
  await added.click();
  assert.match(await page.locator('story-scope .ss-reader-body').textContent(), /onerror=/);
  await screenshot(page, 'explorer-pasted');
  await assertClean(page, record, dialogs);

  await page.reload();
  await waitForArticles(page);
  await page.locator('story-scope .ss-article-title', { hasText: 'Harbor Vote' }).waitFor();
  await openLibrary(page);
  await page.locator('story-scope .ss-user-articles button', { hasText: 'Remove' }).click();
  await settled(page);
  await page.waitForFunction(() => document.querySelector('story-scope').shadowRoot.querySelectorAll('.ss-article-link').length === 4);
  await page.reload();
  await waitForArticles(page);
  assert.equal(await page.locator('story-scope .ss-article-link').count(), 4);
  await assertClean(page, record, dialogs);
  await context.close();
});

test('dropped files: good ones join, bad ones are named, nothing already loaded is lost', async () => {
  const { context, page, record } = await openPage(browser, pageUrl);
  const dialogs = watchDialogs(page);
  await waitForArticles(page);
  await openLibrary(page);
  const files = [
    { name: 'briefing.md', mimeType: 'text/markdown', buffer: Buffer.from(`---\ntitle: "Briefing ${XSS}"\ndate: 2015-06-04\nauthor: "${XSS}"\n---\n\nThe ministry said on Tuesday that talks would resume.`) },
    { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(`<html><head><title>Port Page</title></head><body><article><h1>Port Page</h1><p>Ships waited.</p><script>window.__xss=1</script></article></body></html>`) },
    { name: `${XSS}.txt`, mimeType: 'text/plain', buffer: Buffer.from('Named Badly\n\nBut the content is fine.') },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') },
    { name: 'latin.txt', mimeType: 'text/plain', buffer: Buffer.from('Café Report\n\nThe café opened.', 'latin1') },
    { name: 'broken.html', mimeType: 'text/html', buffer: Buffer.from('<meta charset="euc-kr"><p>\xc7\xd1</p>', 'latin1') },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) },
    { name: 'binary.txt', mimeType: 'text/plain', buffer: Buffer.from([0x42, 0, 0, 0, 1, 2, 3, 0]) },
  ];
  await page.locator('story-scope .ss-library input[type="file"][multiple]').setInputFiles(files);
  const messages = page.locator('story-scope .ss-messages li');
  await messages.first().waitFor();
  const text = (await messages.allTextContents()).join('\n');
  for (const bad of ['empty.txt', 'broken.html', 'photo.png', 'binary.txt']) assert.match(text, new RegExp(bad.replace('.', '\\.')), `${bad} is named`);
  assert.equal(await messages.count(), 4);
  assert.match(text, /UTF-8/);
  assert.match(text, /unsupported type/);
  const titles = await page.locator('story-scope .ss-article-title').allTextContents();
  assert.equal(titles.length, 8, 'four seeds and four good files (one of them Windows-1252)');
  assert.ok(titles.includes('Café Report'));
  assert.ok(titles.includes(`Briefing ${XSS}`));
  assert.ok(titles.includes('Port Page'));
  assert.ok(titles.includes('Named Badly'));
  await screenshot(page, 'explorer-files');
  await assertClean(page, record, dialogs);
  await context.close();
});

test('exports download the filtered view as JSON and CSV', async () => {
  const { context, page, record } = await openPage(browser, pageUrl);
  await waitForArticles(page);
  await page.locator('story-scope [data-tool="export"]').click();
  await settled(page);
  const fetchDownload = async (label) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('story-scope .ss-panel-box button', { hasText: label }).click()]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  };
  const json = await fetchDownload('JSON');
  const data = JSON.parse(json.text);
  for (const key of ['documents', 'quotes', 'entities', 'times', 'events']) assert.ok(Array.isArray(data[key]), key);
  assert.equal(data.documents.length, 4);
  const quotes = await fetchDownload('Quotes CSV');
  const lines = quotes.text.trim().split('\r\n');
  assert.equal(lines[0], 'id,doc,title,published,kind,speaker,speaker_id,cue,text');
  assert.ok(lines.length >= 2);
  assert.deepEqual(record.requests, []);
  await context.close();
});

test('files dragged over the explorer are met with a sign saying to drop them; it goes when they are dropped or taken away', async () => {
  const opened = await openPage(browser, `${pageUrl}#view=quotes`);
  const { page } = opened;
  await page.locator('story-scope .ss-quote-wall').waitFor({ timeout: 30_000 });
  const sign = page.locator('story-scope .ss-drop');
  const files = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Ferry note\n\n“We sail at dawn,” said Captain Ines Moreau on 3 May 2021.'], 'ferry.txt', { type: 'text/plain' }));
    return data;
  });
  const wall = page.locator('story-scope .ss-quote-wall');
  assert.equal(await sign.isVisible(), false, 'no sign before a drag');
  // A drag in progress: dragover repeats every 50 ms, as a browser sends it while the pointer
  // is over the page, until the test drops or takes the files away (the sign goes 300 ms after
  // the last one: a single dragover could be gone before a busy machine looks for the sign).
  const drag = {
    start: () => wall.evaluate((el, data) => {
      window.__drag = setInterval(() => el.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, composed: true, cancelable: true })), 50);
    }, files),
    stop: (event) => wall.evaluate((el, [data, type]) => {
      clearInterval(window.__drag);
      if (type) el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, composed: true, cancelable: true }));
    }, [files, event]),
  };
  await drag.start();
  await sign.waitFor({ state: 'visible', timeout: 5000 });
  assert.match(await sign.textContent(), /Drop the files/);
  await screenshot(page, 'drop-sign');
  // Taken away: no more dragover, and the sign goes.
  await drag.stop(null);
  await sign.waitFor({ state: 'hidden', timeout: 5000 });
  // Dropped: the sign goes at once and the file is added.
  await drag.start();
  await sign.waitFor({ state: 'visible', timeout: 5000 });
  await drag.stop('drop');
  assert.equal(await sign.isVisible(), false, 'the sign goes on the drop');
  await page.locator('story-scope .ss-user-articles li', { hasText: 'Ferry note' }).waitFor({ timeout: 30_000 });
  await assertCleanAndClose(opened);
});

test('"Add pasted text" with nothing pasted says where the text goes, and adds nothing', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  await openLibrary(page);
  await page.locator('story-scope .ss-library button', { hasText: 'Add pasted text' }).click();
  await settled(page);
  const field = await page.evaluate(() => {
    const root = document.querySelector('story-scope').shadowRoot;
    const area = root.querySelector('.ss-library textarea');
    return { focused: root.activeElement === area, message: area.validationMessage };
  });
  assert.ok(field.focused, 'the focus goes to the text field');
  assert.match(field.message, /Paste the text of an article/);
  assert.equal(await page.locator('story-scope .ss-user-articles li').count(), 0, 'nothing was added');
  // Typing clears the message.
  await page.locator('story-scope .ss-library textarea').fill('Pier note\n\nThe pier opened on Monday.');
  assert.equal(await page.locator('story-scope .ss-library textarea').evaluate((el) => el.validationMessage), '');
  await assertCleanAndClose(opened);
});

test('hiding the built-in articles by keyboard keeps the focus on the box; with no article left the page says how to get some', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  await openLibrary(page);
  const box = page.locator('story-scope .ss-library input[type="checkbox"]');
  await box.focus();
  await page.keyboard.press('Space');
  const opening = page.locator('story-scope .ss-opening-title');
  await opening.filter({ hasText: 'No articles to explore' }).waitFor({ timeout: 30_000 });
  const focus = await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement?.dataset.focusKey ?? null);
  assert.equal(focus, 'library:hide-seeds', 'the focus stays on the box');
  assert.doesNotMatch(await page.locator('story-scope .ss-opening').textContent(), /0 quotes/, 'no story of 0 quotes');
  await page.locator('story-scope .ss-opening button', { hasText: 'show the built-in ones again' }).click();
  await settled(page);
  await page.locator('story-scope .ss-article-link').first().waitFor({ timeout: 30_000 });
  assert.equal(await box.isChecked(), false, 'the box follows');
  await assertCleanAndClose(opened);
});
