// The entity panel on the seeds, in a real browser from file://: people, places and
// organizations with mention counts, an entity's page (quotes by and about it, roles, aliases,
// mentions over time) and the entity facet narrowing the other views. No network, no error, no
// CSP violation. Expected values come from the extraction the page itself computed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, pageUrl, waitForArticles, screenshot, assertCleanAndClose, openView, settled } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function extraction(page) {
  return page.evaluate(() => {
    const el = document.querySelector('story-scope');
    const { entities, quotes, documents } = el.model;
    return { entities, quotes, documents: documents.map(({ id, published }) => ({ id, published })), indexed: Boolean(el.corpus) };
  });
}

async function openPanel(options) {
  const opened = await openView(browser, 'entities', options);
  await opened.page.locator('story-scope .ss-entities').waitFor();
  return opened;
}

test('the panel lists people, places and organizations with their mention counts', async () => {
  const opened = await openPanel();
  const { page } = opened;
  const { entities } = await extraction(page);
  for (const kind of ['person', 'place', 'organization']) {
    const expected = entities.filter((e) => e.kind === kind);
    assert.ok(expected.length > 0, `the seeds have a ${kind}`);
    const items = page.locator(`story-scope .ss-entity[data-kind="${kind}"]`);
    assert.equal(await items.count(), expected.length);
    const counts = await items.evaluateAll((els) => els.map((el) => [el.dataset.entity, Number(el.querySelector('.ss-count').textContent)]));
    assert.deepEqual(Object.fromEntries(counts), Object.fromEntries(expected.map((e) => [e.id, e.mentions.length])));
    const sorted = counts.map(([, n]) => n);
    assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a), 'most mentioned first');
  }
  await screenshot(page, 'entities-panel');

  // The name box narrows the list in place.
  await page.locator('story-scope .ss-entity-search').fill('medv');
  const shown = await page.locator('story-scope .ss-entity:not([hidden])').evaluateAll((els) => els.map((el) => el.dataset.entity));
  assert.deepEqual(shown, entities.filter((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase().includes('medv'))).map((e) => e.id));
  await assertCleanAndClose(opened);
});

test('an entity page shows its quotes, aliases, roles and a mention strip, with a way back', async () => {
  const opened = await openPanel();
  const { page } = opened;
  const { entities, quotes, documents } = await extraction(page);
  const medvedev = entities.find((e) => e.kind === 'person' && e.name.includes('Medvedev'));
  assert.ok(medvedev, 'a Medvedev entity');
  assert.ok(medvedev.aliases.length >= 2, 'the spellings across documents are merged');

  await page.locator(`story-scope .ss-entity[data-entity="${medvedev.id}"] .ss-entity-open`).click();
  await settled(page);
  const entityPage = page.locator('story-scope .ss-entity-page');
  await entityPage.waitFor();
  assert.equal(await entityPage.locator('.ss-entity-title').textContent(), medvedev.name);
  assert.deepEqual(await entityPage.locator('.ss-entity-aliases li').allTextContents(), medvedev.aliases);
  assert.equal(await entityPage.locator('.ss-entity-roles').textContent(), medvedev.roles.join(', '));

  // Quotes by them: the quote ids attributed to the entity.
  const said = quotes.filter((q) => q.speaker_id === medvedev.id).map((q) => q.id).sort();
  assert.ok(said.length > 0);
  const saidShown = await entityPage.locator('.ss-entity-said').evaluate((el) =>
    [...el.querySelectorAll('.ss-quote[data-quote], .ss-transcript-lines li[data-quote]')].map((x) => x.dataset.quote));
  assert.deepEqual(saidShown.sort(), said);
  // Their dialogue lines are not consecutive in the article (the other side speaks between): no transcript of one voice.
  assert.equal(await entityPage.locator('.ss-entity-said .ss-transcript').count(), 0);
  // Quotes about them: by others, each containing one of their names.
  const aboutTexts = await entityPage.locator('.ss-entity-about').evaluate((el) =>
    [...el.querySelectorAll('.ss-quote-text, .ss-transcript-words')].map((x) => x.textContent));
  assert.ok(aboutTexts.length > 0, 'someone speaks about Medvedev');
  const names = [medvedev.name, ...medvedev.aliases];
  assert.ok(aboutTexts.every((t) => names.some((n) => t.includes(n))), 'each quote about them names them');

  // The strip: one bar per period with mentions, summing to all dated mentions.
  const bars = entityPage.locator('.ss-strip .ss-strip-bar');
  const total = (await bars.evaluateAll((els) => els.map((el) => Number(el.dataset.count)))).reduce((a, b) => a + b, 0);
  const dated = new Set(documents.filter((d) => d.published).map((d) => d.id));
  assert.equal(total, medvedev.mentions.filter((m) => dated.has(m.doc)).length);
  const years = new Set(medvedev.mentions.map((m) => documents.find((d) => d.id === m.doc).published.slice(0, 7)));
  assert.equal(await bars.count(), years.size, 'bars by month');
  assert.match(await entityPage.locator('.ss-strip').getAttribute('aria-label'), /^Mentions by month: /);
  await screenshot(page, 'entity-page');

  await entityPage.locator('.ss-back-link').click();
  await settled(page);
  await page.locator('story-scope .ss-entities').waitFor();
  assert.equal(await page.locator('story-scope .ss-entity-page').count(), 0);
  assert.equal(await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement?.dataset.focusKey), `open:${medvedev.id}`, 'focus returns to the entity');
  await assertCleanAndClose(opened);
});

test('a speaker on the quote wall opens their page', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  await page.locator('story-scope .ss-tab[data-view="quotes"]').click();
  await settled(page);
  const speaker = page.locator('story-scope .ss-quote button.ss-speaker').first();
  const quoteId = await speaker.evaluate((el) => el.closest('.ss-quote').dataset.quote);
  await speaker.click();
  await settled(page);
  assert.equal(await page.locator('story-scope .ss-tab[aria-selected="true"]').getAttribute('data-view'), 'entities');
  const { entities, quotes } = await extraction(page);
  const entity = entities.find((e) => e.id === quotes.find((q) => q.id === quoteId).speaker_id);
  assert.equal(await page.locator('story-scope .ss-entity-title').textContent(), entity.name);
  assert.equal(await page.evaluate(() => document.querySelector('story-scope').shadowRoot.activeElement?.className), 'ss-entity-title', 'focus moves to the page title');
  await assertCleanAndClose(opened);
});

test('toggling an entity filter is shown, removable, and narrows the article list', async () => {
  const opened = await openPanel();
  const { page } = opened;
  const { entities, indexed } = await extraction(page);
  // The entity mentioned in the fewest (but some) articles, so the filter has an effect.
  const docsOf = (e) => new Set(e.mentions.map((m) => m.doc));
  const rare = entities.filter((e) => e.kind === 'person').sort((a, b) => docsOf(a).size - docsOf(b).size)[0];

  await page.locator(`story-scope .ss-entity[data-entity="${rare.id}"] .ss-entity-filter`).click();
  await settled(page);
  const toggle = page.locator(`story-scope .ss-entity[data-entity="${rare.id}"] .ss-entity-filter`);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.match(await toggle.textContent(), /✓/);
  const chip = page.locator(`story-scope .ss-active-filters .ss-chip-remove[data-entity="${rare.id}"]`);
  assert.match(await chip.textContent(), new RegExp(rare.name));
  assert.deepEqual(await page.evaluate(() => document.querySelector('story-scope').state.filters.entities), [rare.id]);
  await screenshot(page, 'entities-filter');

  assert.ok(indexed, 'the core index is in this build');
  // The article list (in the Articles view) follows the filter.
  await page.locator('story-scope .ss-tab[data-view="articles"]').click();
  await settled(page);
  const titles = await page.locator('story-scope .ss-article-link').evaluateAll((els) => els.map((el) => el.dataset.doc));
  assert.deepEqual(titles.sort(), [...docsOf(rare)].sort());
  await page.locator('story-scope .ss-tab[data-view="entities"]').click();
  await settled(page);

  await chip.click();
  await settled(page);
  assert.equal(await page.locator('story-scope .ss-active-filters').count(), 0);
  await page.locator('story-scope .ss-tab[data-view="articles"]').click();
  await settled(page);
  assert.equal(await page.locator('story-scope .ss-article-link').count(), 4);
  await assertCleanAndClose(opened);
});

test('the panel and an entity page at 360 px', async () => {
  const opened = await openPanel({ viewport: { width: 360, height: 740 } });
  const { page } = opened;
  await page.locator('story-scope .ss-entities').scrollIntoViewIfNeeded();
  assert.ok(await page.locator('story-scope .ss-panel').evaluate((el) => el.scrollWidth <= el.clientWidth), 'no sideways scroll');
  await screenshot(page, 'entities-panel-360');
  await page.locator('story-scope .ss-entity .ss-entity-open').first().click();
  await settled(page);
  await page.locator('story-scope .ss-entity-page').scrollIntoViewIfNeeded();
  assert.ok(await page.locator('story-scope .ss-panel').evaluate((el) => el.scrollWidth <= el.clientWidth), 'no sideways scroll');
  await screenshot(page, 'entity-page-360');
  await assertCleanAndClose(opened);
});
