// What the page shows that only the core may decide, seen in a real browser from file://: which
// publication dates an article may carry (the core's years, 1000 to 2199), an entity page's
// mentions over time for articles of old years, the quotes that name an entity, and a year typed
// in the search box.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openLoaded, openLibrary, settled, assertCleanAndClose } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const scope = (page, selector, options) => page.locator('story-scope').locator(selector, options);

const ANCIENT = [
  {
    id: 'harbour-50', name: 'harbour-50.txt', facts: { published: '0050-03-15' },
    content: 'Harbour opens at Ostia\n\nMayor Livia Castellanos opened the new harbour at Ostia on Monday. '
      + '“The harbour is open to every ship,” Castellanos said.\n\n'
      + 'A trader, Marcus Tullio, agreed. “Thank LIVIA CASTELLANOS for the quay,” Tullio said.',
  },
  {
    id: 'harbour-51', name: 'harbour-51.txt', facts: { published: '0051-06-02' },
    content: 'Harbour grows at Ostia\n\nLivia Castellanos said the harbour at Ostia grew again in May. '
      + '“We will build more,” Castellanos said.',
  },
];

async function importArticles(page, articles) {
  await openLibrary(page);
  await scope(page, '.ss-library input[aria-label="Import a corpus file"]').setInputFiles({
    name: 'ancient.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ storyscope: 1, articles })),
  });
  await scope(page, '.ss-library-status', { hasText: 'Added 2 articles' }).waitFor({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await settled(page);
}

test('articles dated before the year 1000 are refused by the core, each with its reason', async () => {
  // A date typed as "3/4/25" reaches the core as 0025-03-04: the core reads publication dates
  // in the years it reads in text (calendar::YEARS), so neither article is added, and the page
  // shows the core's reason for each instead of a timeline stretched over two millennia.
  const opened = await openLoaded(browser);
  const { page } = opened;
  await openLibrary(page);
  await scope(page, '.ss-library input[aria-label="Import a corpus file"]').setInputFiles({
    name: 'ancient.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ storyscope: 1, articles: ANCIENT })),
  });
  const messages = scope(page, '.ss-messages', { hasText: 'harbour-51' });
  await messages.waitFor({ timeout: 30_000 });
  const said = await scope(page, '.ss-messages').textContent();
  for (const name of ['harbour-50', 'harbour-51']) assert.match(said, new RegExp(`${name}[^]*not in the years 1000 to 2199`));
  await page.keyboard.press('Escape');
  await settled(page);
  const found = await page.evaluate(() => document.querySelector('story-scope').model.entities
    .some((e) => e.name.includes('Castellanos')));
  assert.equal(found, false, 'nothing of the refused articles reached the model');
  await assertCleanAndClose(opened);
});

test('over a thousand years, every bar of the mention strip can still be seen', async () => {
  const opened = await openLoaded(browser);
  const { page } = opened;
  const [first, second] = ANCIENT.map((a) => ({ ...a, id: `${a.id}-1066`, name: a.name.replace('.txt', '-1066.txt') }));
  await importArticles(page, [{ ...first, facts: { published: '1066-10-14' } }, { ...second, facts: { published: '1067-06-02' } }]);
  const entity = await page.evaluate(() => document.querySelector('story-scope').model.entities
    .find((e) => e.name.includes('Castellanos')));
  await page.evaluate((id) => { location.hash = `#view=entities&entity=${encodeURIComponent(id)}`; }, entity.id);
  await scope(page, '.ss-entity-page .ss-strip').waitFor();
  await settled(page);
  assert.match(await scope(page, '.ss-strip').getAttribute('aria-label'), /^Mentions by year: 1066: \d+, 1067: \d+$/);

  // Tullio's quote names her in capitals: the core matches the name with case folded.
  const about = await scope(page, '.ss-entity-about').evaluate((el) =>
    [...el.querySelectorAll('.ss-quote-text, .ss-transcript-words')].map((x) => x.textContent));
  assert.ok(about.some((t) => t.includes('LIVIA CASTELLANOS')), JSON.stringify(about));
  const widths = await scope(page, '.ss-strip-bar').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
  assert.equal(widths.length, 2);
  assert.ok(widths.every((w) => w >= 3), `bars ${widths.join(', ')} px wide`);
  await assertCleanAndClose(opened);
});

test('searching a year finds the articles and events dated in it', async () => {
  const opened = await openLoaded(browser);
  const { page } = opened;
  const expected = await page.evaluate(() => {
    const { documents, events } = document.querySelector('story-scope').model;
    const inYear = (start, end) => start.slice(0, 4) <= '2009' && end.slice(0, 4) >= '2009';
    return {
      events: events.filter((e) => inYear(e.start, e.end)).length,
      documents: documents.filter((d) => d.published?.startsWith('2009')).map((d) => d.id),
    };
  });
  assert.ok(expected.events > 0 && expected.documents.length > 0, 'the seeds date events and an article in 2009');
  await page.evaluate(() => { location.hash = '#view=timeline&q=2009'; });
  await settled(page);
  await scope(page, '.ss-tab[data-view="timeline"][aria-selected="true"]').waitFor();
  const count = async (view) => Number(await scope(page, `.ss-tab[data-view="${view}"] .ss-count`).textContent());
  assert.ok(await count('timeline') >= expected.events, `events of 2009 found (${await count('timeline')})`);
  assert.ok(await count('articles') >= expected.documents.length, 'articles of 2009 found');
  // People are found by name, not by year: a year counts their mentions in its articles only
  // (the seeds' 2012 article holds most of Barack Obama's).
  const obama = await page.evaluate(() => {
    const { documents, events, entities } = document.querySelector('story-scope').model;
    const ofYear = new Set(documents.filter((d) => d.published?.startsWith('2009')).map((d) => d.id));
    for (const e of events) if (e.start.slice(0, 4) <= '2009' && e.end.slice(0, 4) >= '2009') e.docs.forEach((d) => ofYear.add(d));
    const entity = entities.find((x) => x.name === 'Barack Obama');
    return { id: entity.id, all: entity.mentions.length, inYear: entity.mentions.filter((m) => ofYear.has(m.doc)).length };
  });
  assert.ok(obama.inYear > 0 && obama.inYear < obama.all, JSON.stringify(obama));
  await page.evaluate(() => { location.hash = '#view=entities&q=2009'; });
  await settled(page);
  const listed = scope(page, `.ss-entity[data-entity="${obama.id}"] .ss-count`);
  await listed.waitFor();
  assert.equal(Number(await listed.textContent()), obama.inYear);

  // "1066" dates nothing in the seeds, and no seed's text holds it.
  await page.evaluate(() => { location.hash = '#view=timeline&q=1066'; });
  await settled(page);
  await page.waitForFunction(() => document.querySelector('story-scope').shadowRoot.querySelector('.ss-tab[data-view="timeline"] .ss-count')?.textContent === '0');
  await assertCleanAndClose(opened);
});
