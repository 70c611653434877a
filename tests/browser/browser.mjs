// Shared set-up of the browser suite: Debian's Chromium driven by playwright-core (never a
// downloaded browser), a network guard, and screenshots saved as test artifacts.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifacts = join(root, 'test-artifacts');
/** The page under test; STORYSCOPE_PAGE names another build (main's, to see a new test fail on it). */
export const pageUrl = pathToFileURL(process.env.STORYSCOPE_PAGE || join(root, 'dist', 'storyscope.html')).href;

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * STORYSCOPE_SLOW_CORE=300 delays every answer of the core's workers by 300 ms, as a busy
 * machine does: a test that reads the page before it has shown a change fails at once rather
 * than now and then on CI. Every test must pass with it.
 */
const SLOW_CORE_MS = Number(process.env.STORYSCOPE_SLOW_CORE) || 0;

/** In the page: holds each message from a worker for `delay` ms before the page's listeners get it (in order). */
function slowCore(delay) {
  const NativeWorker = window.Worker;
  const delayed = new WeakSet();
  window.Worker = class extends NativeWorker {
    #stopped = false;

    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (delayed.has(event)) return;
        event.stopImmediatePropagation();
        const again = new MessageEvent('message', { data: event.data });
        delayed.add(again);
        // A terminated worker's messages are lost, as they are in the browser.
        setTimeout(() => { if (!this.#stopped) this.dispatchEvent(again); }, delay);
      });
    }

    terminate() {
      this.#stopped = true;
      super.terminate();
    }
  };
}

/**
 * Opens a page that records every request, console error, page error and CSP violation.
 * `requests` lists the URLs whose scheme is not file:, data: or blob: (there must be none).
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 800 }, colorScheme = 'light', ...device } = {}) {
  // `device`: further context options, such as a phone's {hasTouch: true, isMobile: true}.
  const context = await browser.newContext({ viewport, colorScheme, ...device });
  const page = await context.newPage();
  const record = { requests: [], errors: [], cspViolations: [] };
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) record.requests.push(request.url());
  });
  page.on('pageerror', (error) => record.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(message.text());
  });
  if (SLOW_CORE_MS) await page.addInitScript(slowCore, SLOW_CORE_MS);
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(url);
  record.cspViolations = async () => page.evaluate(() => window.__cspViolations);
  return { context, page, record };
}

/**
 * Waits until the <story-scope> element(s) of the page have read the articles and rendered
 * their view: the article links in the Articles view, the view's heading in the others.
 */
export async function waitForArticles(page, scope = page) {
  await scope.locator('story-scope .ss-panel [data-focus-key="view"], story-scope .ss-article-link')
    .first().waitFor({ timeout: 30_000 });
}

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Asserts the page made no network request, logged no error and violated no CSP directive, then closes it. */
export async function assertCleanAndClose({ context, record }) {
  assert.deepEqual(record.requests, [], 'no network request');
  assert.deepEqual(record.errors, [], 'no page or console error');
  assert.deepEqual(await record.cspViolations(), [], 'no CSP violation');
  await context.close();
}

/** Opens the page (options as openPage's) and waits for the seeds. */
export async function openLoaded(browser, options, url = pageUrl) {
  const opened = await openPage(browser, url, options);
  await waitForArticles(opened.page);
  return opened;
}

/** Opens the page, waits for the seeds, and switches to one view's tab. */
export async function openView(browser, view, options) {
  const opened = await openPage(browser, pageUrl, options);
  await waitForArticles(opened.page);
  await opened.page.locator(`story-scope .ss-tab[data-view="${view}"]`).click();
  await settled(opened.page);
  return opened;
}

/**
 * Waits until the page has shown what the last change asked for: a change (a click, a filled
 * field, a new hash) makes the view panel aria-busy at once, until the core has answered and
 * the view has rendered. Read what a change shows only after this (or after waiting for the
 * content itself): reading at once races the core's worker, and loses on a busy machine.
 * `scope` is a locator of one <story-scope> element (the page's only one by default).
 */
export async function settled(page, scope = page.locator('story-scope')) {
  // Attached, not visible: on a phone an open tool panel hides the view.
  await scope.locator('#ss-panel:not([aria-busy="true"])').waitFor({ state: 'attached', timeout: 30_000 });
}

/**
 * Opens the library tool ("Add articles") and waits for its panel; on a phone, through the
 * menu the tools fold into. `scope` is the page, or a locator of one <story-scope> element.
 */
export async function openLibrary(page, scope = page.locator('story-scope')) {
  const button = scope.locator('[data-tool="library"]');
  if (!(await button.isVisible())) await scope.locator('.ss-menu').click();
  await button.click();
  await scope.locator('.ss-library').waitFor();
}

/** Pastes an article into the open library panel, with a title if given, and adds it. */
export async function pasteArticle(page, text, { title, scope = page.locator('story-scope') } = {}) {
  if (title !== undefined) await scope.locator('.ss-paste input[name="title"]').fill(title);
  await scope.locator('.ss-library textarea').fill(text);
  await scope.locator('.ss-library button', { hasText: 'Add pasted text' }).click();
}

/**
 * In the page (an init script: `page.addInitScript(workersWithPrelude, prelude)`): each worker
 * the page starts from a blob URL of its own script runs `prelude` (JavaScript source) in front
 * of that script, so that a test can make the core slow, trap or stall inside the page's own
 * workers. Other workers start as asked.
 */
export function workersWithPrelude(prelude) {
  const NativeBlob = window.Blob;
  const sources = new WeakMap();
  window.Blob = class extends NativeBlob {
    constructor(parts, options) {
      super(parts, options);
      if (options?.type === 'text/javascript') sources.set(this, parts.join(''));
    }
  };
  const createURL = URL.createObjectURL;
  const scripts = new Map();
  URL.createObjectURL = (blob) => {
    const url = createURL(blob);
    if (sources.has(blob)) scripts.set(url, sources.get(blob));
    return url;
  };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      const source = scripts.get(String(url));
      super(source ? createURL(new NativeBlob([prelude, source], { type: 'text/javascript' })) : url, options);
    }
  };
}
