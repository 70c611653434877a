// The README's screenshots, taken by the suite so that they stay current: each view of the
// single-file page from file://, on a wide screen and on a phone, written to docs/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, pageUrl, root, waitForArticles, settled } from './browser.mjs';

const WIDE = { width: 1200, height: 720 };
const PHONE = { width: 375, height: 740 };
const VIEWS = [
  ['reader', '#doc=003_5f257b789f0137ba', '.ss-reader', WIDE],
  ['quotes', '#view=quotes', '.ss-quote-wall', WIDE],
  ['entities', '#view=entities&entity=person%3Admitri-medvedev', '.ss-entity-page', WIDE],
  ['timeline', '#view=timeline', '.ss-panel svg', WIDE],
  ['search', '#view=quotes&q=letter', '.ss-chips', WIDE],
  ['phone-opening', '', '.ss-opening', PHONE],
  ['phone-quotes', '#view=quotes&q=missile', '.ss-quote-wall', PHONE],
  ['phone-timeline', '#view=timeline', '.ss-panel svg', PHONE],
];

test('screenshots of every view for the README', async () => {
  const dir = join(root, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const browser = await launch();
  try {
    for (const [name, hash, ready, viewport] of VIEWS) {
      const { context, page, record } = await openPage(browser, pageUrl + hash, { viewport });
      await waitForArticles(page);
      await page.locator(`story-scope ${ready}`).first().waitFor();
      await settled(page);
      const path = join(dir, `${name}.png`);
      await page.screenshot({ path });
      assert.ok(statSync(path).size > 10_000, `${name}.png looks empty`);
      assert.deepEqual(record.errors, []);
      await context.close();
    }
  } finally {
    await browser.close();
  }
});
