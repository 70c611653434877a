// The README's screenshots, taken by the suite so that they stay current: each view of the
// single-file page from file://, written to docs/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, pageUrl, root, waitForArticles } from './browser.mjs';

const VIEWS = [
  ['reader', '#doc=003_5f257b789f0137ba', '.ss-reader'],
  ['quotes', '#view=quotes', '.ss-panel'],
  ['entities', '#view=entities&entity=person%3Admitri-medvedev', '.ss-panel'],
  ['timeline', '#view=timeline', '.ss-panel svg'],
  ['search', '#view=quotes&q=letter', '.ss-chips'],
];

test('screenshots of every view for the README', async () => {
  const dir = join(root, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const browser = await launch();
  try {
    for (const [name, hash, ready] of VIEWS) {
      const { context, page, record } = await openPage(browser, pageUrl + hash, { viewport: { width: 1200, height: 720 } });
      await waitForArticles(page);
      await page.locator(`story-scope ${ready}`).first().waitFor();
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
