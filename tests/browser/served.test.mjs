// The same page served over HTTP by `make serve`'s server on 127.0.0.1 (a random free port).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { launch, openPage, root, waitForArticles } from './browser.mjs';

test('the page works when served over HTTP on 127.0.0.1', async () => {
  const server = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs')], { env: { ...process.env, PORT: '0' } });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /served at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]);
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const browser = await launch();
    try {
      const { page, record } = await openPage(browser, url);
      await waitForArticles(page);
      assert.equal(await page.locator('story-scope .ss-article-link').count(), 4);
      // Only the page itself came over HTTP: the wasm is inlined.
      assert.deepEqual(record.requests, [url]);
      assert.deepEqual(record.errors, []);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
});
