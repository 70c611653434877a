// The quote wall on the seeds, in a real browser from file://: cards with speakers, dialogue as
// a transcript, scare quotes without speaker, context on demand, the speaker and source facets,
// and a click through to the reader with the quote highlighted. No network, no error, no CSP
// violation. The expected values are read from the extraction the page itself computed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, pageUrl, waitForArticles, screenshot, assertCleanAndClose, openView, settled } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The page's own extraction (quotes and entities), to compare the wall against. */
async function extraction(page) {
  return page.evaluate(() => {
    const { quotes, entities, documents } = document.querySelector('story-scope').model;
    return { quotes, entities: entities.map(({ id, name }) => ({ id, name })), documents: documents.map(({ id, title }) => ({ id, title })) };
  });
}

async function openWall(options) {
  const opened = await openView(browser, 'quotes', options);
  await opened.page.locator('story-scope .ss-quote-wall').waitFor();
  return opened;
}

/** data-quote ids of every quote shown (cards and transcript lines). */
async function shownQuoteIds(page) {
  return page.locator('story-scope .ss-quote-wall').evaluate((wall) =>
    [...wall.querySelectorAll('.ss-quote[data-quote], .ss-transcript-lines li[data-quote]')].map((el) => el.dataset.quote));
}

test('the wall shows every quote: speakers, a transcript for dialogue, scare quotes without speaker', async () => {
  const opened = await openWall();
  const { page } = opened;
  const { quotes } = await extraction(page);
  assert.ok(quotes.length > 10, 'the seeds have quotes');
  assert.deepEqual((await shownQuoteIds(page)).sort(), quotes.map((q) => q.id).sort(), 'each quote shown once');

  // A card by Natalya Timakova, carrying her words and the article title.
  const byTimakova = quotes.filter((q) => q.speaker === 'Natalya Timakova' && q.kind !== 'scare');
  assert.ok(byTimakova.length > 0);
  const card = page.locator(`story-scope .ss-quote[data-quote="${byTimakova[0].id}"]`);
  assert.equal(await card.locator('.ss-speaker').textContent(), 'Natalya Timakova');
  assert.equal(await card.locator('.ss-quote-text').textContent(), byTimakova[0].text);
  assert.match(await card.locator('.ss-quote-source').textContent(), /Links to linkage, 3 Mar 2009/);

  // Consecutive dialogue lines of one article: one transcript, speaker label then line.
  const dialogue = quotes.filter((q) => q.kind === 'dialogue');
  assert.ok(dialogue.length >= 2, 'the seeds have a dialogue');
  const transcript = page.locator('story-scope .ss-transcript').first();
  const lines = transcript.locator('.ss-transcript-lines > li');
  assert.equal(await lines.count(), dialogue.filter((q) => q.doc === dialogue[0].doc).length);
  assert.equal(await lines.first().locator('.ss-transcript-speaker').textContent(), `${dialogue[0].speaker}:`);
  assert.equal(await lines.first().locator('.ss-transcript-words').textContent(), dialogue[0].text);
  assert.equal(await page.locator('story-scope .ss-quote.ss-kind-dialogue').count(), 0, 'no dialogue line outside its transcript');

  // Scare quotes: marked as such in words, never with a speaker.
  const scare = quotes.filter((q) => q.kind === 'scare');
  assert.ok(scare.length > 0);
  const scareCards = page.locator('story-scope .ss-quote.ss-kind-scare');
  assert.equal(await scareCards.count(), scare.length);
  assert.equal(await scareCards.locator('.ss-speaker').count(), 0);
  assert.deepEqual(await scareCards.locator('.ss-badge-scare').allTextContents(), scare.map(() => 'Scare quote'));

  // Unnamed sources say so, in words.
  const unnamed = quotes.filter((q) => q.speaker && !q.speaker_id && q.kind !== 'scare');
  assert.ok(unnamed.length > 0);
  const unnamedCard = page.locator(`story-scope .ss-quote[data-quote="${unnamed[0].id}"]`);
  assert.equal(await unnamedCard.locator('.ss-badge-unnamed').textContent(), 'Unnamed source');
  assert.equal(await unnamedCard.locator('.ss-speaker').textContent(), unnamed[0].speaker);
  assert.equal(await page.locator('story-scope .ss-quote[data-source="named"] .ss-badge-unnamed').count(), 0);

  await screenshot(page, 'quotes-wall');
  await assertCleanAndClose(opened);
});

test('a card expands to its context, by keyboard, with aria-expanded', async () => {
  const opened = await openWall();
  const { page } = opened;
  const { quotes } = await extraction(page);
  const q = quotes.find((x) => x.speaker === 'Natalya Timakova');
  const card = page.locator(`story-scope .ss-quote[data-quote="${q.id}"]`);
  const expander = card.locator('.ss-expander');
  assert.equal(await expander.getAttribute('aria-expanded'), 'false');
  assert.equal(await card.locator('.ss-quote-context').isVisible(), false);

  await expander.focus();
  await page.keyboard.press('Enter');
  assert.equal(await expander.getAttribute('aria-expanded'), 'true');
  const region = card.locator('.ss-quote-context');
  assert.equal(await region.isVisible(), true);
  assert.equal(await region.getAttribute('id'), await expander.getAttribute('aria-controls'));
  // The passage is longer than the quote and holds it, highlighted, with the speaker marked.
  assert.equal(await region.locator('.ss-context-quote').textContent(), q.text);
  const passage = await region.locator('p:not(.ss-context-label)').allTextContents();
  assert.ok(passage.join(' ').length > q.text.length + 20, 'context around the quote');
  assert.match(await region.locator('.ss-context-speaker').first().textContent(), /Timakova/);
  // Visible focus on the expander.
  const outline = await expander.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none');
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'quotes-context');

  await page.keyboard.press('Space');
  assert.equal(await expander.getAttribute('aria-expanded'), 'false');
  assert.equal(await region.isVisible(), false);
  await assertCleanAndClose(opened);
});

test('the speaker facet and the sources switch change the visible cards', async () => {
  const opened = await openWall();
  const { page } = opened;
  const { quotes, entities } = await extraction(page);
  const all = await shownQuoteIds(page);

  const speaker = page.locator('story-scope .ss-facet[data-speaker="Natalya Timakova"]');
  const timakova = entities.find((e) => e.name === 'Natalya Timakova');
  const hers = quotes.filter((q) => q.speaker_id === timakova.id || q.speaker === 'Natalya Timakova').map((q) => q.id);
  assert.equal(await speaker.locator('.ss-count').textContent(), String(hers.length));
  await speaker.click();
  await settled(page);
  assert.deepEqual((await shownQuoteIds(page)).sort(), hers.sort());
  const pressed = page.locator('story-scope .ss-facet[data-speaker="Natalya Timakova"]');
  assert.equal(await pressed.getAttribute('aria-pressed'), 'true');
  assert.equal(await pressed.locator('.ss-facet-check').textContent(), '✓', 'the active state is not shown by colour alone');
  assert.equal(await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement?.dataset.speaker), 'Natalya Timakova', 'focus stays on the facet');
  await screenshot(page, 'quotes-speaker-filter');
  await pressed.click();
  await settled(page);
  assert.deepEqual((await shownQuoteIds(page)).sort(), all.slice().sort());

  // Scare quotes are nobody's words: in neither the named nor the unnamed sources, but in a
  // value of their own, so that the switch's counts add up to "All".
  const unnamedIds = quotes.filter((q) => !q.speaker_id && q.kind !== 'scare').map((q) => q.id).sort();
  const namedIds = quotes.filter((q) => q.speaker_id).map((q) => q.id).sort();
  const scareIds = quotes.filter((q) => q.kind === 'scare').map((q) => q.id).sort();
  assert.ok(scareIds.length > 0 && namedIds.length + unnamedIds.length + scareIds.length === quotes.length);
  const segmentCount = async (source) => Number(await page.locator(`story-scope .ss-segment[data-source="${source}"] .ss-count`).textContent());
  assert.deepEqual(await Promise.all(['all', 'named', 'unnamed', 'scare'].map(segmentCount)),
    [quotes.length, namedIds.length, unnamedIds.length, scareIds.length]);
  await page.locator('story-scope .ss-segment[data-source="unnamed"]').click();
  await settled(page);
  assert.deepEqual((await shownQuoteIds(page)).sort(), unnamedIds);
  assert.equal(await page.locator('story-scope .ss-quote[data-source="named"]').count(), 0);
  await page.locator('story-scope .ss-segment[data-source="named"]').click();
  await settled(page);
  assert.deepEqual((await shownQuoteIds(page)).sort(), namedIds);
  assert.match(await page.locator('story-scope .ss-segment[data-source="named"]').textContent(), new RegExp(`${namedIds.length}$`));
  await page.locator('story-scope .ss-segment[data-source="scare"]').click();
  await settled(page);
  assert.deepEqual((await shownQuoteIds(page)).sort(), scareIds);
  assert.equal(await page.locator('story-scope .ss-chip-label').filter({ hasText: 'scare quotes' }).count(), 1);
  await page.locator('story-scope .ss-segment[data-source="all"]').click();
  await settled(page);
  assert.equal((await shownQuoteIds(page)).length, quotes.length);
  await assertCleanAndClose(opened);
});

test('a click opens the reader with the quote highlighted', async () => {
  const opened = await openWall();
  const { page } = opened;
  const { quotes, documents } = await extraction(page);
  const q = quotes.find((x) => x.kind === 'direct' && x.speaker_id);
  await page.locator(`story-scope .ss-quote[data-quote="${q.id}"] .ss-quote-source`).click();
  await settled(page);
  await page.locator('story-scope .ss-reader').waitFor();
  assert.equal(await page.locator('story-scope .ss-reader-title').textContent(), documents.find((d) => d.id === q.doc).title);
  assert.equal(await page.locator('story-scope .ss-focus').textContent(), q.text);

  // A transcript line opens at that line.
  await page.locator('story-scope .ss-tab[data-view="quotes"]').click();
  await settled(page);
  const line = quotes.filter((x) => x.kind === 'dialogue')[1];
  await page.locator(`story-scope .ss-transcript-lines li[data-quote="${line.id}"] button`).click();
  await settled(page);
  assert.equal(await page.locator('story-scope .ss-focus').textContent(), line.text);
  await assertCleanAndClose(opened);
});

test('the wall at 360 px: one column, nothing wider than the screen', async () => {
  const opened = await openWall({ viewport: { width: 360, height: 740 } });
  const { page } = opened;
  await page.locator('story-scope .ss-quote-wall').scrollIntoViewIfNeeded();
  const overflow = await page.locator('story-scope .ss-panel').evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(overflow <= 0, `the panel scrolls sideways by ${overflow}px`);
  const widths = await page.locator('story-scope .ss-card').evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().right));
  assert.ok(widths.every((right) => right <= 360), 'cards fit the screen');
  await screenshot(page, 'quotes-wall-360');
  await page.locator('story-scope .ss-transcript').scrollIntoViewIfNeeded();
  await screenshot(page, 'quotes-transcript-360');
  await assertCleanAndClose(opened);
});

test('a transcript in a column of the wide wall gives its lines the card\'s width (the speaker above, not beside)', async () => {
  const opened = await openWall({ viewport: { width: 1280, height: 800 } });
  const { page } = opened;
  const transcript = page.locator('story-scope .ss-transcript').first();
  await transcript.waitFor();
  const lines = await transcript.evaluate((card) => {
    const inner = card.querySelector('.ss-transcript-lines').getBoundingClientRect().width;
    return [...card.querySelectorAll('.ss-transcript-words')].map((w) => Math.round(100 * w.getBoundingClientRect().width / inner));
  });
  assert.ok(lines.length > 1, 'the seeds have a transcript');
  assert.ok(lines.every((share) => share >= 80), `each line takes at least 80% of the card's width (${lines.join(', ')}%)`);
  await transcript.scrollIntoViewIfNeeded();
  await screenshot(page, 'quotes-transcript-wide');
  await assertCleanAndClose(opened);
});

test('on a phone the speakers scroll sideways on one line and the quotes start in the top half of the screen', async () => {
  const opened = await openPage(browser, `${pageUrl}#view=quotes&s=${encodeURIComponent('Natalya Timakova')}`, { viewport: { width: 375, height: 740 } });
  const { page } = opened;
  const first = page.locator('story-scope .ss-card').first();
  await first.waitFor({ timeout: 30_000 });
  const top = (await first.boundingBox()).y;
  assert.ok(top <= 370, `the first quote starts ${Math.round(top)} px from the top`);
  const list = page.locator('story-scope .ss-facet-list');
  const rows = await list.evaluate((ul) => new Set([...ul.children].map((li) => Math.round(li.getBoundingClientRect().top))).size);
  assert.equal(rows, 1, 'the speakers are on one line');
  // Every speaker can still be reached: the last one scrolls into the list, and the page does not scroll sideways.
  const last = list.locator('.ss-facet').last();
  await last.scrollIntoViewIfNeeded();
  const box = await last.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 375, `the last speaker scrolls into sight (${Math.round(box.x)}–${Math.round(box.x + box.width)})`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, 'no sideways scrolling of the page');
  await screenshot(page, 'phone-quotes-speakers');
  await assertCleanAndClose(opened);
});
