// The page on a phone and by keyboard (issue 13): a compact header that leaves the view near
// the top at 375×740, the article list only in the Articles view, tool panels that close on
// navigation and Escape, the focus moving into what Enter opened, a skip link, arrow keys in
// the tab list, an opening screen, and the smaller problems of the first try. Expected values
// come from the page's own data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, pageUrl, waitForArticles, screenshot, assertCleanAndClose, openLibrary, settled, pasteArticle } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { viewport: { width: 375, height: 740 } };
const scope = (page, selector, options) => page.locator(`story-scope ${selector}`, options);

/** "tag.class|text" of the element with the focus, inside the shadow root. */
const focused = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el ? { tag: el.tagName.toLowerCase(), cls: String(el.className?.baseVal ?? el.className ?? ''), key: el.dataset?.focusKey ?? '', text: el.textContent.trim().slice(0, 60), inPanel: Boolean(el.closest?.('#ss-panel')) } : null;
});

test('on a phone the view starts within 160 px of the top, with filter chips too, and the article list is only in Articles', async () => {
  const hash = `#view=quotes&q=missile&s=${encodeURIComponent('Natalya Timakova')}&from=2009-01-01`;
  const opened = await openPage(browser, pageUrl + hash, PHONE);
  const { page } = opened;
  await waitForArticles(page);
  assert.equal(await scope(page, '.ss-chip').count(), 3, 'three filter chips are shown');
  for (const view of ['quotes', 'entities', 'timeline', 'articles']) {
    await scope(page, `.ss-tab[data-view="${view}"]`).click();
    await settled(page);
    await scope(page, `.ss-tab[data-view="${view}"][aria-selected="true"]`).waitFor();
    const top = (await scope(page, '.ss-panel').boundingBox()).y;
    assert.ok(top <= 160, `${view}: the view starts ${top} px from the top`);
    assert.equal(await scope(page, '.ss-articles').count(), view === 'articles' ? 1 : 0, `${view}: the article list is only in Articles`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${view}: no sideways scrolling (${width} px)`);
  }
  await screenshot(page, 'phone-articles-filtered');
  await assertCleanAndClose(opened);
});

test('on a phone held sideways (740×375) the header is as compact as upright: the view starts within 100 px of the top', async () => {
  const opened = await openPage(browser, `${pageUrl}#view=quotes`, { viewport: { width: 740, height: 375 }, hasTouch: true, isMobile: true });
  const { page } = opened;
  await waitForArticles(page);
  for (const view of ['quotes', 'timeline']) {
    await scope(page, `.ss-tab[data-view="${view}"]`).click();
    await settled(page);
    const panel = await scope(page, '.ss-panel').boundingBox();
    assert.ok(panel.y <= 100, `${view}: the view starts ${panel.y} px from the top`);
    assert.ok(panel.height >= 375 - 100, `${view}: the view is ${panel.height} px tall`);
  }
  assert.equal(await scope(page, '[data-tool="library"]').isVisible(), false, 'the tools are folded behind Menu');
  await openLibrary(page);
  assert.ok((await scope(page, '.ss-library').boundingBox()).height >= 375 - 100, 'a tool panel takes the view\'s place');
  await screenshot(page, 'phone-sideways-library');
  await assertCleanAndClose(opened);
});

test('on a phone the tools fold into a menu; a tool panel has its own scroll, closes on navigation and on Escape', async () => {
  const opened = await openPage(browser, pageUrl, PHONE);
  const { page } = opened;
  await waitForArticles(page);
  assert.equal(await scope(page, '[data-tool="library"]').isVisible(), false, 'the tools are folded');
  await openLibrary(page);
  const box = scope(page, '.ss-library');
  await box.waitFor();
  // Everything in the panel is reachable inside it: the import, the export and the last row.
  const panel = await box.boundingBox();
  assert.ok(panel.y + panel.height <= 740 + 1, `the panel ends on the screen (${panel.y + panel.height} px)`);
  const importLabel = scope(page, '.ss-library label', { hasText: 'Import corpus' });
  await importLabel.scrollIntoViewIfNeeded();
  const label = await importLabel.boundingBox();
  assert.ok(label.y >= panel.y && label.y + label.height <= panel.y + panel.height + 1, 'the import button scrolls into the panel');
  await screenshot(page, 'phone-library');

  // Escape closes it and the menu it came from, and gives the focus back to Menu.
  await scope(page, '.ss-library textarea').focus();
  await page.keyboard.press('Escape');
  await box.waitFor({ state: 'detached' });
  assert.equal((await focused(page)).cls, 'ss-menu');

  // Moving to another view closes it too.
  await openLibrary(page);
  await box.waitFor();
  await scope(page, '.ss-tab[data-view="quotes"]').click();
  await settled(page);
  await scope(page, '.ss-quote-wall').waitFor();
  assert.equal(await box.count(), 0, 'the panel closed on navigation');
  await assertCleanAndClose(opened);
});

test('Enter on a tab or an article moves the focus into what it opened, and Tab goes on from there', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  await scope(page, '.ss-tab[data-view="quotes"]').focus();
  await page.keyboard.press('Enter');
  await scope(page, '.ss-quote-wall').waitFor();
  let at = await focused(page);
  assert.equal(at.key, 'view', `the quote wall's heading has the focus (${JSON.stringify(at)})`);
  assert.ok(at.inPanel);
  await page.keyboard.press('Tab');
  at = await focused(page);
  assert.ok(at.inPanel && at.tag === 'button', `Tab goes on inside the view (${JSON.stringify(at)})`);

  await scope(page, '.ss-tab[data-view="articles"]').focus();
  await page.keyboard.press('Enter');
  await scope(page, '.ss-article-link').nth(2).focus();
  await page.keyboard.press('Enter');
  await scope(page, '.ss-reader').waitFor();
  at = await focused(page);
  assert.equal(at.tag, 'h2');
  assert.equal(at.text, await scope(page, '.ss-reader-title').textContent(), 'the reader title has the focus');
  const outline = await scope(page, '.ss-reader-title').evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none', 'with a visible ring');
  // The next Tab goes on after the title, not back to the start of the page.
  const start = await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement
    .compareDocumentPosition(document.querySelector('story-scope').shadowRoot.querySelector('.ss-reader-title')));
  assert.equal(start, 0, 'the title is the focused element');
  await page.keyboard.press('Tab');
  const after = await page.evaluate(() => {
    const root = document.querySelector('story-scope').shadowRoot;
    const el = root.activeElement;
    return el ? Boolean(root.querySelector('.ss-reader-title').compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) : 'outside';
  });
  assert.ok(after === true || after === 'outside', `Tab goes on after the article title (${after})`);
  await assertCleanAndClose(opened);
});

test('a skip link is the first Tab stop and jumps past the header to the view', async () => {
  const opened = await openPage(browser, `${pageUrl}#view=quotes`);
  const { page } = opened;
  await waitForArticles(page);
  await page.keyboard.press('Tab');
  let at = await focused(page);
  assert.match(at.text, /Skip to the view/);
  const skip = await scope(page, '.ss-skip').boundingBox();
  assert.ok(skip.width > 20 && skip.height > 10, 'the skip link is visible when focused');
  await page.keyboard.press('Enter');
  at = await focused(page);
  assert.ok(at.inPanel, `the focus is in the view (${JSON.stringify(at)})`);
  // The first quote filter is then one Tab away (not dozens of header and list stops).
  await page.keyboard.press('Tab');
  at = await focused(page);
  assert.match(at.key, /^source:/, `the first filter of the quote wall (${JSON.stringify(at)})`);
  await assertCleanAndClose(opened);
});

test('the tab list: one Tab stop, arrow keys, Home and End move between views', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  const selected = () => scope(page, '.ss-tab[aria-selected="true"]').getAttribute('data-view');
  assert.deepEqual(await scope(page, '.ss-tab').evaluateAll((tabs) => tabs.map((t) => t.tabIndex)), [0, -1, -1, -1]);
  await scope(page, '.ss-tab[data-view="articles"]').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await selected(), 'quotes');
  assert.equal((await focused(page)).key, 'tab:quotes', 'the focus stays in the tab list');
  await page.keyboard.press('End');
  assert.equal(await selected(), 'timeline');
  await page.keyboard.press('ArrowRight');
  assert.equal(await selected(), 'articles', 'the arrows wrap around');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await selected(), 'timeline');
  await page.keyboard.press('Home');
  assert.equal(await selected(), 'articles');
  assert.match(await page.evaluate(() => location.hash), /^$|^#$/);
  await assertCleanAndClose(opened);
});

test('Escape closes the Export and Embed panels', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  for (const tool of ['export', 'embed']) {
    await scope(page, `[data-tool="${tool}"]`).click();
    await settled(page);
    const panel = scope(page, '.ss-panel-box:not([hidden])');
    await panel.waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.equal((await focused(page)).key, `tool:${tool}`);
    assert.equal(await scope(page, `[data-tool="${tool}"]`).getAttribute('aria-expanded'), 'false');
  }
  await assertCleanAndClose(opened);
});

test('an opening screen says what the page is and where to start; the reader and the list agree on bylines', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  const model = await page.evaluate(() => {
    const { documents, quotes } = document.querySelector('story-scope').model;
    return { documents: documents.length, quotes: quotes.length };
  });
  const opening = scope(page, '.ss-opening');
  assert.match(await opening.locator('h2').textContent(), new RegExp(`${model.documents} articles`));
  assert.match(await opening.textContent(), /who said what/);
  assert.match(await opening.textContent(), new RegExp(`${model.quotes} quotes`));
  await opening.locator('button', { hasText: 'quotes' }).click();
  await scope(page, '.ss-quote-wall').waitFor();
  await scope(page, '.ss-tab[data-view="articles"]').click();
  await settled(page);

  // The list and the reader name the author and the outlet in the same order.
  const link = scope(page, '.ss-article-link', { hasText: 'Links to linkage' });
  const listed = await link.locator('.ss-article-meta span').first().textContent();
  await link.click();
  await settled(page);
  const read = await scope(page, '.ss-reader-meta span').first().textContent();
  assert.equal(listed, read);
  assert.match(read, /^By /);
  // A date from the manifest needs no note; only an inferred one would.
  assert.doesNotMatch(await scope(page, '.ss-reader-meta').textContent(), /manifest/);
  await assertCleanAndClose(opened);
});

test('the smaller problems: speaker chips narrow every view, open date ranges read well, the search keeps its width, no "Show all" for one speaker', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  const count = async (view) => Number(await scope(page, `.ss-tab[data-view="${view}"] .ss-count`).textContent());
  const all = { articles: await count('articles'), timeline: await count('timeline') };
  const searchWidth = (await scope(page, '.ss-search').boundingBox()).width;

  // Every speaker with a quote is listed: the list is not cut to hide one or two.
  await scope(page, '.ss-tab[data-view="quotes"]').click();
  await settled(page);
  const speakers = await page.evaluate(() => new Set(document.querySelector('story-scope').model.quotes
    .filter((q) => q.kind !== 'scare' && q.speaker).map((q) => q.speaker)).size);
  const listed = await scope(page, '.ss-facet[data-speaker]').count();
  const more = await scope(page, '.ss-quote-facets button', { hasText: /Show (all|\d+ more)/ }).count();
  assert.ok(listed === speakers || listed <= speakers - 3, `${listed} of ${speakers} speakers listed`);
  assert.equal(more > 0, listed < speakers, 'a "show more" button only when it shows several more');

  // A speaker chip narrows the articles and the timeline to where the speaker is quoted.
  await scope(page, '.ss-facet[data-speaker="Natalya Timakova"]').click();
  await settled(page);
  await scope(page, '.ss-chip', { hasText: 'said by Natalya Timakova' }).waitFor();
  assert.ok(await count('articles') < all.articles, 'the articles follow the speaker');
  assert.ok(await count('timeline') < all.timeline, 'the timeline follows the speaker');
  const width = (await scope(page, '.ss-search').boundingBox()).width;
  assert.ok(Math.abs(width - searchWidth) <= 1, `the search box keeps its width with a chip (${searchWidth} → ${width})`);
  await scope(page, '.ss-chip-remove').first().click();
  await settled(page);

  // An open-ended date range says so.
  await page.evaluate(() => { location.hash = '#from=2009-03-01'; });
  await scope(page, '.ss-chip', { hasText: '2009' }).waitFor();
  assert.equal(await scope(page, '.ss-chip .ss-chip-label').textContent(), 'from 1 Mar 2009');
  await page.evaluate(() => { location.hash = '#to=2009-03-06'; });
  await scope(page, '.ss-chip', { hasText: 'until' }).waitFor();
  assert.equal(await scope(page, '.ss-chip .ss-chip-label').textContent(), 'until 6 Mar 2009');
  await assertCleanAndClose(opened);
});

test('"+" zooms in towards events: four presses still show whole events, not an empty stretch', async () => {
  const opened = await openPage(browser, `${pageUrl}#view=timeline`, PHONE);
  const { page } = opened;
  await scope(page, '.tl-ev[tabindex]').first().waitFor({ timeout: 30_000 });
  const zoomIn = scope(page, '[data-tl-key="zoom-in"]');
  for (let i = 0; i < 4 && await zoomIn.isEnabled(); i++) await zoomIn.click();
  const chart = await scope(page, '.tl-svg').boundingBox();
  const onScreen = await scope(page, '.tl-ev[tabindex] .tl-shape').evaluateAll((shapes, [left, right]) => shapes.filter((el) => {
    const box = el.getBoundingClientRect();
    return box.left >= left && box.right <= right;
  }).length, [chart.x + 8, chart.x + chart.width - 8]);
  assert.ok(onScreen > 0, 'whole events are in view after zooming in (not only a long bar across it)');
  await assertCleanAndClose(opened);
});

/**
 * Where the text of an element ends, relative to its box: {direction, leftGap, rightGap} in px
 * (an RTL paragraph starts at the right: its right gap is about 0, its left gap is not).
 */
const textPlacement = (locator) => locator.evaluate((el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const text = range.getBoundingClientRect();
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    direction: el.matches(':dir(rtl)') ? 'rtl' : 'ltr',
    leftGap: Math.round(text.left - box.left - parseFloat(style.paddingLeft)),
    rightGap: Math.round(box.right - parseFloat(style.paddingRight) - text.right),
  };
});

test('an article in Arabic reads right to left in the list, the reader and the quote wall; English stays left to right', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  const title = 'الميناء يعيد فتح الرصيف';
  await openLibrary(page);
  await pasteArticle(page, 'قال المتحدث باسم الميناء: "سنعيد فتح الرصيف يوم الاثنين بعد أسبوعين من الإغلاق". وأضاف أن العمل في الميناء سيستمر طوال الليل حتى تنتهي جميع السفن من التفريغ.', { title });
  await settled(page);
  const link = scope(page, '.ss-article-link', { hasText: title });
  await link.waitFor();
  await page.keyboard.press('Escape');

  assert.equal((await textPlacement(link.locator('.ss-article-title'))).direction, 'rtl', 'the title in the list');
  await link.click();
  await settled(page);
  const heading = await textPlacement(scope(page, '.ss-reader-title'));
  const paragraph = await textPlacement(scope(page, '.ss-reader-body p').first());
  for (const [name, placed] of [['title', heading], ['paragraph', paragraph]]) {
    assert.equal(placed.direction, 'rtl', `the reader's ${name} is right to left`);
    assert.ok(placed.rightGap <= 2 && placed.leftGap > 20, `the reader's ${name} starts at the right (${JSON.stringify(placed)})`);
  }
  await screenshot(page, 'reader-rtl');

  await scope(page, '.ss-tab[data-view="quotes"]').click();
  await settled(page);
  const arabic = scope(page, '.ss-quote-text', { hasText: 'سنعيد' });
  assert.equal((await textPlacement(arabic)).direction, 'rtl', 'the quote on the wall');
  assert.equal((await textPlacement(scope(page, '.ss-quote-text', { hasText: 'give me time' }))).direction, 'ltr', 'an English quote');
  await scope(page, '.ss-tab[data-view="articles"]').click();
  await settled(page);
  await scope(page, '.ss-article-link', { hasText: 'Links to linkage' }).click();
  await settled(page);
  const english = await textPlacement(scope(page, '.ss-reader-body p').first());
  assert.ok(english.direction === 'ltr' && english.leftGap <= 2, `an English paragraph starts at the left (${JSON.stringify(english)})`);
  await assertCleanAndClose(opened);
});

test('on a phone the selected tab is always in sight in the sideways-scrolling tab list: from a link and by keyboard', async () => {
  const opened = await openPage(browser, `${pageUrl}#view=timeline`, PHONE);
  const { page } = opened;
  await scope(page, '.ss-tab[data-view="timeline"][aria-selected="true"]').waitFor();
  await scope(page, '.tl-chart, .ss-empty').first().waitFor();
  // Where the selected tab is, once the render after a change has settled (a frame).
  const inSight = async () => {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return scope(page, '.ss-tab[aria-selected="true"]').evaluate((tab) => {
      const list = tab.parentElement.getBoundingClientRect();
      const box = tab.getBoundingClientRect();
      return { view: tab.dataset.view, inSight: box.left >= list.left - 1 && box.right <= list.right + 1 && box.right <= innerWidth, box: [Math.round(box.left), Math.round(box.right)] };
    });
  };
  const fromLink = await inSight();
  assert.ok(fromLink.inSight, `the Timeline tab opened by a link is in sight (${JSON.stringify(fromLink)})`);
  await screenshot(page, 'phone-timeline-tab');
  await scope(page, '.ss-tab[data-view="timeline"]').focus();
  await page.keyboard.press('Home');
  await scope(page, '.ss-tab[data-view="articles"][aria-selected="true"]').waitFor();
  assert.deepEqual(await inSight().then((t) => [t.view, t.inSight]), ['articles', true], 'Home shows the first tab');
  await page.keyboard.press('End');
  await scope(page, '.ss-tab[data-view="timeline"][aria-selected="true"]').waitFor();
  assert.deepEqual(await inSight().then((t) => [t.view, t.inSight]), ['timeline', true], 'End shows the last tab');
  await assertCleanAndClose(opened);
});

test('removing a filter chip by keyboard keeps the focus on the chips (the next, else the one before), then on the view', async () => {
  const hash = `#view=quotes&q=missile&s=${encodeURIComponent('Natalya Timakova')}&from=2009-01-01`;
  const opened = await openPage(browser, pageUrl + hash);
  const { page } = opened;
  await waitForArticles(page);
  const removeButtons = () => scope(page, '.ss-chip-remove').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  const before = await removeButtons();
  assert.equal(before.length, 3, `three chips (${before.join('; ')})`);
  // The focused element's name: a chip's "Remove filter: …" label, else its focus key.
  const nameOfFocus = () => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('aria-label') ?? el?.dataset?.focusKey ?? el?.tagName;
  };
  /** Presses Enter on the focused chip and gives the name of what has the focus once the page has rendered the change. */
  const removeFocused = async () => {
    await page.keyboard.press('Enter');
    await settled(page);
    return page.evaluate(nameOfFocus);
  };
  // The middle chip: the focus goes to the chip that took its place.
  await scope(page, '.ss-chip-remove').nth(1).focus();
  assert.equal(await removeFocused(), before[2], 'after the middle chip, the next one');
  // The last chip: the one before.
  assert.equal(await removeFocused(), before[0], 'after the last chip, the one before');
  // The only chip: the view's heading.
  assert.equal(await removeFocused(), 'view', 'after the only chip, the view');
  assert.equal(await scope(page, '.ss-chip').count(), 0);
  await assertCleanAndClose(opened);
});

test('on a phone an article with a very long word in its title and a long link in its text wraps: nothing scrolls sideways', async () => {
  const opened = await openPage(browser, pageUrl, PHONE);
  const { page } = opened;
  await waitForArticles(page);
  await openLibrary(page);
  const title = 'Harbourredevelopmentannouncementconsultationresults 2024';
  await pasteArticle(page, `The council met on Monday. The plans are at https://example.org/${'verylongpath/'.repeat(8)}plans.pdf for everyone.`, { title });
  await settled(page);
  await scope(page, '.ss-user-articles li', { hasText: 'Harbour' }).waitFor();
  await page.keyboard.press('Escape');
  await scope(page, '.ss-article-link', { hasText: 'Harbour' }).click();
  await settled(page);
  await scope(page, '.ss-reader-title').waitFor();
  const overflow = await scope(page, '.ss-panel').evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(overflow <= 0, `the reader scrolls sideways by ${overflow} px`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the page does not scroll sideways');
  await assertCleanAndClose(opened);
});

test('Enter on a tool opens its panel with the focus in it: Tab goes on through the panel, Escape gives the focus back', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  /** Where the focus is: in the tool panel (and on what), or the focus key outside it. */
  const where = () => page.evaluate(() => {
    const root = document.querySelector('story-scope').shadowRoot;
    const el = root.activeElement;
    return el?.closest('#ss-tool-panel') ? `panel:${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent.trim()}` : el?.dataset?.focusKey ?? String(el?.tagName);
  });
  for (const [tool, heading] of [['library', 'Your articles'], ['export', 'Export what is shown'], ['embed', 'Embed this view']]) {
    await scope(page, `[data-tool="${tool}"]`).focus();
    await page.keyboard.press('Enter');
    await settled(page);
    assert.equal(await where(), `panel:h2:${heading}`, `${tool}: the focus is on the panel's heading`);
    await page.keyboard.press('Tab');
    assert.match(await where(), /^panel:/, `${tool}: the next Tab stays in the panel, not on the next tool`);
    await page.keyboard.press('Escape');
    await scope(page, '#ss-tool-panel').waitFor({ state: 'hidden' });
    assert.equal(await where(), `tool:${tool}`, `${tool}: Escape gives the focus back to the button`);
  }
  await assertCleanAndClose(opened);
});

test('on a phone a tool panel opened from the menu folds it; Close and Escape close the panel with the focus on Menu; a tap elsewhere closes the menu', async () => {
  const opened = await openPage(browser, pageUrl, { ...PHONE, isMobile: true, hasTouch: true });
  const { page } = opened;
  await waitForArticles(page);
  const menu = scope(page, '.ss-menu');
  const tools = scope(page, '.ss-tools');
  for (const how of ['Escape', 'Close']) {
    await openLibrary(page);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'the menu folded: the panel has its room');
    assert.equal(await tools.isVisible(), false);
    const header = await scope(page, '.ss-bar').boundingBox();
    assert.ok(header.height <= 100, `the header is compact again (${header.height} px)`);
    if (how === 'Escape') await page.keyboard.press('Escape');
    else await scope(page, '.ss-panel-close').tap();
    await scope(page, '.ss-library').waitFor({ state: 'detached' });
    assert.equal(await tools.isVisible(), false, `${how}: the tools stay folded`);
    assert.equal((await focused(page)).cls, 'ss-menu', `${how}: the focus is on Menu, not on a hidden tool`);
  }
  // Escape on the menu alone closes it too.
  await menu.tap();
  assert.equal(await tools.isVisible(), true);
  await page.keyboard.press('Escape');
  assert.equal(await tools.isVisible(), false);
  // A tap outside it (on the view's heading) closes it.
  await menu.tap();
  await scope(page, '.ss-opening-title').tap();
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await tools.isVisible(), false);
  await assertCleanAndClose(opened);
});

test('on a phone what an add says (refused files, how many were added) is scrolled into sight in the library panel', async () => {
  const opened = await openPage(browser, pageUrl, PHONE);
  const { page } = opened;
  await waitForArticles(page);
  await openLibrary(page);
  const refused = ['a.pdf', 'b.docx', 'c.png', 'd.zip', 'e.exe', 'f.odt', 'g.rtf', 'h.jpg', 'i.epub', 'j.xls'].map((name) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from('x') }));
  const good = { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from('A good article\n\nThe mayor said "we will rebuild" on Monday.') };
  await scope(page, '.ss-library input[type="file"][multiple]').setInputFiles([...refused, good]);
  const status = scope(page, '.ss-library-status', { hasText: 'Added 1 article.' });
  await status.waitFor();
  await settled(page);
  const panel = await scope(page, '#ss-tool-panel').boundingBox();
  const box = await status.boundingBox();
  await screenshot(page, 'phone-library-added');
  assert.ok(box.y >= panel.y && box.y + box.height <= panel.y + panel.height, `"Added 1 article." is in sight (${box.y} px, the panel ends at ${panel.y + panel.height})`);
  assert.equal(await scope(page, '.ss-messages li').count(), refused.length, 'each refused file is named');
  await assertCleanAndClose(opened);
});

test('on a desktop the files an add refused are scrolled into sight with what it added, not left below the panel\'s scroll', async () => {
  const opened = await openPage(browser, pageUrl, { viewport: { width: 1280, height: 800 } });
  const { page } = opened;
  await waitForArticles(page);
  await openLibrary(page);
  const refused = ['notes.pdf', 'empty.txt'].map((name) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(name === 'empty.txt' ? '' : 'x') }));
  const good = { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from('A good article\n\nThe mayor said "we will rebuild" on Monday.') };
  await scope(page, '.ss-library input[type="file"][multiple]').setInputFiles([good, ...refused]);
  await scope(page, '.ss-library-status', { hasText: 'Added 1 article.' }).waitFor();
  await settled(page);
  // The scroll happens in the next frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const panel = await scope(page, '#ss-tool-panel').boundingBox();
  const inSight = async (locator) => {
    const box = await locator.boundingBox();
    return box.y >= panel.y - 1 && box.y + box.height <= panel.y + panel.height + 1;
  };
  assert.ok(await inSight(scope(page, '.ss-library-status')), '"Added 1 article." is in sight');
  assert.ok(await inSight(scope(page, '.ss-messages')), `the refused files are in sight (${JSON.stringify(await scope(page, '.ss-messages').boundingBox())}, the panel ends at ${panel.y + panel.height})`);
  await assertCleanAndClose(opened);
});

test('the names tab counts what its label names and its view lists, on a phone and on a desktop', async () => {
  for (const options of [PHONE, {}]) {
    const opened = await openPage(browser, pageUrl, options);
    const { page } = opened;
    await waitForArticles(page);
    const tab = scope(page, '.ss-tab[data-view="entities"]');
    const label = (await tab.locator('.ss-tab-long, .ss-tab-short').filter({ visible: true }).textContent()).trim();
    const count = Number(await tab.locator('.ss-count').textContent());
    await tab.click();
    await settled(page);
    const groups = {};
    for (const group of await scope(page, '.ss-entity-group').all()) {
      const heading = group.locator('h3');
      groups[(await heading.evaluate((el) => el.firstChild.textContent)).trim()] = Number(await heading.locator('.ss-count').textContent());
    }
    const listed = Object.values(groups).reduce((a, b) => a + b, 0);
    assert.ok(groups.People > 0 && groups.Places > 0, `the seeds name people and places (${JSON.stringify(groups)})`);
    assert.equal(count, listed, `${label}: the tab counts every name its view lists`);
    // A label that names one kind counts only that kind: "People 38" over 16 people misleads.
    for (const [kind, n] of Object.entries(groups)) {
      if (label === kind) assert.equal(count, n, `the tab "${label}" counts ${kind.toLowerCase()} only`);
    }
    if (!options.viewport) assert.match(label, /people.*places.*organizations/i, 'the full label names the three kinds');
    await assertCleanAndClose(opened);
  }
});

test('on a phone "Choose files…", the other controls of the library and the tools are at least 44×44 px', async () => {
  const opened = await openPage(browser, pageUrl, PHONE);
  const { page } = opened;
  await waitForArticles(page);
  await openLibrary(page);
  for (const [text, selector] of [['Choose files…', '.ss-library .ss-tool'], ['Import corpus…', '.ss-library .ss-tool'],
    ['Add pasted text', '.ss-library button'], ['Hide the built-in articles', '.ss-library .ss-check'], ['Close', '.ss-library .ss-tool'],
    ['Export', '.ss-tools .ss-tool']]) {
    const control = scope(page, selector, { hasText: text }).first();
    if (!(await control.isVisible())) await scope(page, '.ss-menu').click();
    const box = await control.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `"${text}" is ${box.width}×${box.height} px`);
  }
  await assertCleanAndClose(opened);
});

test('on a phone the four quote sources, wider than the screen, scroll sideways to the last one', async () => {
  const opened = await openPage(browser, `${pageUrl}#view=quotes`, PHONE);
  const { page } = opened;
  await waitForArticles(page);
  const control = scope(page, '.ss-segmented');
  const last = scope(page, '.ss-segment[data-source="scare"]');
  const right = async (locator) => { const box = await locator.boundingBox(); return box.x + box.width; };
  assert.ok(await right(last) > await right(control) + 1, 'the last source starts out cut (else this test shows nothing)');
  const box = await control.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(400, 0);
  await page.waitForFunction(() => {
    const root = document.querySelector('story-scope').shadowRoot;
    const [c, l] = [root.querySelector('.ss-segmented'), root.querySelector('.ss-segment[data-source="scare"]')];
    return l.getBoundingClientRect().right <= c.getBoundingClientRect().right + 1;
  }, null, { timeout: 5000 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'the page itself does not scroll sideways');
  await assertCleanAndClose(opened);
});
