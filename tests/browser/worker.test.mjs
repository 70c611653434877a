// The core in Web Workers (issue 14) and the facts a reader gives an article (issue 12), in the
// single-file page from file://: the main thread never instantiates the core; a large add shows
// each file and stage and Cancel stops it and keeps nothing; the page answers searches and
// switches views meanwhile; a reload extracts nothing that was extracted before; a trap in the
// core costs only the file it happened on; the paste form takes a title, a date and an outlet,
// and editing them re-extracts only that article.
//
// The page is watched from the outside (an init script): the messages it posts to its workers
// (so `extractArticle` calls are counted where they cross), worker terminations, and any
// WebAssembly.instantiate on the main thread. Each test failed on the page before the core
// moved into workers: there were no workers, the core was instantiated on the main thread,
// and there was no progress bar, Cancel, date or outlet field, nor Edit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, pageUrl, waitForArticles, screenshot, assertCleanAndClose, root, openLibrary, settled, pasteArticle, workersWithPrelude } from './browser.mjs';
import { generateArticles } from '../../scripts/corpus.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const scope = (page, selector, options) => page.locator(`story-scope ${selector}`, options);
const tabCount = async (page, view) => Number((await scope(page, `.ss-tab[data-view="${view}"] .ss-count`).textContent()).replace(/,/g, ''));
const seen = (page) => page.evaluate(() => window.__core);
const extractions = async (page) => (await seen(page)).posted.filter((m) => m.call === 'extractArticle').map((m) => m.name);

/**
 * Records, in the page, what crosses into the core's workers, and the stages each call reports
 * back (`stages`, by the call's place in `posted`); see the file's comment.
 */
function watchTheCore() {
  window.__core = { posted: [], workers: 0, terminated: 0, mainThreadInstances: 0, mainThreadCompiles: 0 };
  const calls = new WeakMap();
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, transfer) {
    if (message?.call) {
      // A batch (the Extractor's articles) is counted as a call for each of its argument lists;
      // its stages name the one they are about (`index`).
      const batch = (message.batch ?? [message.args]).map((args) => ({ call: message.call, name: args?.[0]?.name ?? null, stages: [] }));
      window.__core.posted.push(...batch);
      if (!calls.has(this)) {
        const open = new Map();
        calls.set(this, open);
        this.addEventListener('message', ({ data }) => { if (data?.stage) open.get(data.id)?.[data.index ?? 0]?.stages.push(data.stage); });
      }
      calls.get(this).set(message.id, batch);
    }
    return post.call(this, message, transfer);
  };
  const terminate = Worker.prototype.terminate;
  Worker.prototype.terminate = function () {
    window.__core.terminated += 1;
    return terminate.call(this);
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    window.__core.mainThreadInstances += 1;
    return instantiate.apply(this, args);
  };
  const NativeInstance = WebAssembly.Instance;
  WebAssembly.Instance = function (...args) {
    window.__core.mainThreadInstances += 1;
    return new NativeInstance(...args);
  };
  // Inflating and compiling the core is the first worker's work, not the page's.
  for (const name of ['compile', 'compileStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.__core.mainThreadCompiles += 1;
      return original.apply(this, args);
    };
  }
}

/**
 * Makes the core trap, as a Rust panic does (it aborts into `unreachable`, a
 * WebAssembly.RuntimeError), inside the workers only: on extracting a file named crash.txt,
 * and on assembling a corpus with a part that holds TRAP-WHILE-INDEXING. On a file named
 * never-ends.txt, the extraction spins forever (only terminating its worker stops it), and so
 * does assembling a corpus with a part that holds SPIN-WHILE-INDEXING. A file whose name starts
 * with "stalls-" is read until the core names its first stage, then the worker spins: the work
 * is in progress for as long as the test needs, however fast or busy the machine. The
 * worker script is the page's own, started from the page's own blob URL, with this prelude in
 * front.
 */
const TRAPS = `(() => {
    let armed = false;
    let spin = false;
    let stall = false;
    const post = self.postMessage.bind(self);
    self.postMessage = (message, ...rest) => {
      post(message, ...rest);
      while (stall && message?.stage) { /* stalled after naming a stage */ }
    };
    // The articles of the batch being read, in order: each extractArticle call takes the next.
    let articles = [];
    self.addEventListener('message', ({ data }) => {
      if (data?.call === 'extractArticle') articles = data.batch.map((args) => args[0]);
      if (data?.call !== 'openCorpus') return;
      const parts = data.batch[0][0].map((part) => new TextDecoder().decode(part));
      stall = false;
      armed = parts.some((part) => part.includes('TRAP-WHILE-INDEXING'));
      spin = parts.some((part) => part.includes('SPIN-WHILE-INDEXING'));
    });
    const trapping = (instance) => {
      const exports = { ...instance.exports };
      for (const name of ['extractArticle', 'newCorpusFromParts']) {
        const real = exports[name];
        exports[name] = (...args) => {
          if (name === 'extractArticle') {
            const article = articles.shift();
            stall = String(article?.name).startsWith('stalls-');
            armed = article?.name === 'crash.txt';
            spin = article?.name === 'never-ends.txt';
          }
          if (armed) throw new WebAssembly.RuntimeError('unreachable (a trap injected by the test)');
          while (spin) { /* an extraction that never ends */ }
          return real(...args);
        };
      }
      return { exports };
    };
    // The engine instantiates the compiled module it is given (the glue's initSync: new
    // WebAssembly.Instance); WebAssembly.instantiate too, should it ever use that again.
    const NativeInstance = WebAssembly.Instance;
    WebAssembly.Instance = function (module, imports) {
      return trapping(new NativeInstance(module, imports));
    };
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async (module, imports) => {
      const made = await instantiate(module, imports);
      return { instance: trapping(made instanceof NativeInstance ? made : made.instance), module };
    };
  })();\n`;

async function openWatched({ traps = false } = {}) {
  const opened = await openPage(browser, 'about:blank');
  await opened.page.addInitScript(watchTheCore);
  if (traps) await opened.page.addInitScript(workersWithPrelude, TRAPS);
  await opened.page.goto(pageUrl);
  await waitForArticles(opened.page);
  return opened;
}

/**
 * One .txt file of many news stories, about `megabytes` large, all of it body text: paragraphs
 * with a colon or an @ are left out, as a line like "Name:" or "… @ 8:25 am" may read as a
 * transcript or a comment stamp, which would take the rest out of the body (and the work). Its
 * name starts with "stalls-": with the traps, its reading stops after the first stage.
 */
function largeFile(megabytes) {
  const stories = generateArticles(root, Math.ceil((megabytes * 1024 * 1024) / 3900), { only: (p) => !/[:@]/.test(p) })
    .map((a) => a.content);
  return { name: 'stalls-many-stories.txt', mimeType: 'text/plain', buffer: Buffer.from(stories.join('\n\n')) };
}

const textFile = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

async function addFiles(page, files) {
  await openLibrary(page);
  await scope(page, '.ss-library input[type="file"][multiple]').setInputFiles(files);
}

test('a large add shows each file and stage; Cancel stops the worker and keeps nothing, across a reload', async () => {
  // The large file stalls after its first stage (see TRAPS): Cancel comes while it is
  // read, however fast the machine (a fast one finished reading it before the click).
  const opened = await openWatched({ traps: true });
  const { page } = opened;
  const before = await tabCount(page, 'articles');
  await addFiles(page, [largeFile(4), textFile('small.txt', 'Small note\n\nThe council met on Tuesday.')]);
  const work = scope(page, '.ss-work');
  await work.waitFor({ timeout: 10_000 });
  await scope(page, '.ss-work-text', { hasText: '“stalls-many-stories.txt” (1 of 2)' }).waitFor({ timeout: 10_000 });
  // A stage of the core is named while it runs.
  await scope(page, '.ss-work-stage', { hasText: /reading|splitting|finding|building|indexing/ }).waitFor({ timeout: 30_000 });
  await screenshot(page, 'worker-progress');
  const terminatedBefore = (await seen(page)).terminated;
  await work.locator('button', { hasText: 'Cancel' }).click();
  await work.waitFor({ state: 'hidden', timeout: 5_000 });
  assert.ok((await seen(page)).terminated > terminatedBefore, 'the worker doing the work was terminated');
  assert.equal(await scope(page, '.ss-library-status').textContent(), 'Stopped: nothing of that was added.');
  assert.equal(await scope(page, '.ss-user-articles li').count(), 0);
  assert.equal(await tabCount(page, 'articles'), before);
  assert.equal((await seen(page)).mainThreadInstances, 0, 'the main thread never instantiates the core');
  assert.equal((await seen(page)).mainThreadCompiles, 0, 'the main thread never inflates and compiles the core');

  // The page still works, and nothing of the cancelled batch comes back after a reload.
  await scope(page, '.ss-search').fill('missile');
  await scope(page, '.ss-chip', { hasText: 'missile' }).waitFor();
  await page.reload();
  await waitForArticles(page);
  assert.equal(await tabCount(page, 'articles'), before);
  assert.deepEqual(await extractions(page), [], 'nothing to read again');
  await assertCleanAndClose(opened);
});

test('Cancel stops an extraction that never ends; the files read before it are added, and kept across a reload', async () => {
  const opened = await openWatched({ traps: true });
  const { page } = opened;
  const before = await tabCount(page, 'articles');
  await addFiles(page, [
    textFile('first.txt', 'First harbour note\n\nThe council met on Tuesday.'),
    textFile('second.txt', 'Second harbour note\n\nThe pier opened on Friday.'),
    textFile('never-ends.txt', 'Endless note\n\nThe core never finishes this one.'),
  ]);
  await scope(page, '.ss-work-text', { hasText: '“never-ends.txt” (3 of 3)' }).waitFor({ timeout: 10_000 });
  // The page answers while its worker spins.
  await scope(page, '.ss-search').fill('missile');
  await scope(page, '.ss-chip', { hasText: 'missile' }).waitFor({ timeout: 5_000 });
  await scope(page, '.ss-search').fill('');
  await scope(page, '.ss-chip').waitFor({ state: 'detached', timeout: 5_000 });
  const terminatedBefore = (await seen(page)).terminated;
  await scope(page, '.ss-work button', { hasText: 'Cancel' }).click();
  await scope(page, '.ss-library-status', { hasText: 'Stopped: added the 2 articles read before; 1 file not read.' }).waitFor({ timeout: 10_000 });
  assert.ok((await seen(page)).terminated > terminatedBefore, 'the spinning worker was terminated');
  await scope(page, '.ss-work').waitFor({ state: 'hidden' });
  assert.deepEqual(await scope(page, '.ss-user-articles .ss-user-title').allTextContents(), ['First harbour note', 'Second harbour note']);
  assert.equal(await tabCount(page, 'articles'), before + 2);
  assert.deepEqual(await extractions(page), ['first.txt', 'second.txt', 'never-ends.txt']);

  await page.reload();
  await waitForArticles(page);
  assert.equal(await tabCount(page, 'articles'), before + 2);
  assert.deepEqual(await extractions(page), [], 'the parts read before Cancel were kept');
  await assertCleanAndClose(opened);
});

test('Cancel while a batch is indexed adds none of it, but a second add of the same file does not read it again', async () => {
  const opened = await openWatched({ traps: true });
  const { page } = opened;
  const before = await tabCount(page, 'articles');
  const file = textFile('endless-index.txt', 'Endless index note\n\nThis one holds SPIN-WHILE-INDEXING in its text.');
  await openLibrary(page);
  for (const round of [1, 2]) {
    await scope(page, '.ss-library input[type="file"][multiple]').setInputFiles([file]);
    await scope(page, '.ss-work-text', { hasText: /^Indexing 1 article/ }).waitFor({ timeout: 10_000 });
    await scope(page, '.ss-work button', { hasText: 'Cancel' }).click();
    await scope(page, '.ss-work').waitFor({ state: 'hidden', timeout: 5_000 });
    assert.equal(await scope(page, '.ss-library-status').textContent(), 'Stopped: nothing of that was added.', `round ${round}`);
    assert.equal(await scope(page, '.ss-user-articles li').count(), 0);
    assert.equal(await tabCount(page, 'articles'), before);
  }
  assert.deepEqual(await extractions(page), ['endless-index.txt'], 'the second add used the part kept from the first');
  await assertCleanAndClose(opened);
});

test('while a large file is read, searching and switching views work', async () => {
  // The file stalls after its first stage (see TRAPS): all of this happens while it is
  // read, however fast the machine.
  const opened = await openWatched({ traps: true });
  const { page } = opened;
  const allQuotes = await tabCount(page, 'quotes');
  await addFiles(page, [largeFile(6)]);
  const work = scope(page, '.ss-work');
  await work.waitFor({ timeout: 10_000 });
  await scope(page, '.ss-search').fill('missile');
  await scope(page, '.ss-chip', { hasText: 'missile' }).waitFor({ timeout: 5_000 });
  await page.waitForFunction((n) => Number(document.querySelector('story-scope').shadowRoot
    .querySelector('.ss-tab[data-view="quotes"] .ss-count').textContent.replace(/,/g, '')) < n, allQuotes, { timeout: 5_000 });
  await scope(page, '.ss-tab[data-view="timeline"]').click();
  await scope(page, '.tl-ev[tabindex]').first().waitFor({ timeout: 5_000 });
  await scope(page, '.ss-tab[data-view="quotes"]').click();
  await scope(page, '.ss-quote-wall').waitFor({ timeout: 5_000 });
  await scope(page, '.ss-quote .ss-quote-source').first().click();
  await scope(page, '.ss-reader').waitFor({ timeout: 5_000 });
  assert.ok(await work.isVisible(), 'all of that happened while the file was being read');
  assert.equal((await seen(page)).mainThreadInstances, 0);
  await work.locator('button', { hasText: 'Cancel' }).click();
  await work.waitFor({ state: 'hidden' });
  await assertCleanAndClose(opened);
});

test('a reload extracts nothing it extracted before; a lost cache is read again', async () => {
  const opened = await openWatched();
  const { page } = opened;
  assert.equal((await seen(page)).mainThreadInstances, 0, 'the core runs in workers');
  await openLibrary(page);
  await pasteArticle(page, '“We will build it,” Mayor Ana Ruiz said on Monday in Port Ellis.', { title: 'Pier vote' });
  await scope(page, '.ss-user-articles li', { hasText: 'Pier vote' }).waitFor();
  assert.deepEqual(await extractions(page), ['Pier vote'], 'the new article was extracted, in a worker');
  const count = await tabCount(page, 'articles');

  await page.reload();
  await waitForArticles(page);
  await scope(page, '.ss-article-link', { hasText: 'Pier vote' }).click();
  await scope(page, '.ss-reader-body', { hasText: 'Mayor Ana Ruiz' }).waitFor();
  assert.equal(await tabCount(page, 'articles'), count);
  assert.deepEqual(await extractions(page), [], 'the reload read the kept extraction');

  // Without the kept extractions (as after a new version of the core), the article is read again.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('storyscope');
    request.onsuccess = () => {
      const tx = request.result.transaction('parts', 'readwrite');
      tx.objectStore('parts').clear();
      tx.oncomplete = () => { request.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  }));
  await page.reload();
  await waitForArticles(page);
  await scope(page, '.ss-article-link', { hasText: 'Pier vote' }).waitFor();
  assert.deepEqual(await extractions(page), ['Pier vote']);
  await assertCleanAndClose(opened);
});

test('removing, putting back and hiding the built-in articles read nothing again: only the corpus is assembled, in a worker, without tagging, finding quotes in or scanning for times the kept articles again', async () => {
  const opened = await openWatched();
  const { page } = opened;
  const assembled = async () => (await seen(page)).posted.filter((m) => m.call === 'openCorpus').length;
  await openLibrary(page);
  for (const [title, text] of [['Pier vote', 'The council voted on Monday to build the pier.'], ['Ferry news', 'The ferry ran late on Friday.']]) {
    await pasteArticle(page, text, { title });
    await scope(page, '.ss-user-articles li', { hasText: title }).waitFor();
  }
  const all = await tabCount(page, 'articles');
  let builds = await assembled();
  const first = builds;
  const counted = (n) => page.waitForFunction((want) => document.querySelector('story-scope').shadowRoot
    .querySelector('.ss-tab[data-view="articles"] .ss-count').textContent === String(want), n, { timeout: 10_000 });
  const assembledAgain = async () => {
    const now = await assembled();
    assert.ok(now > builds, 'the corpus was assembled again');
    builds = now;
  };

  await scope(page, '.ss-user-articles li', { hasText: 'Pier vote' }).locator('button', { hasText: 'Remove' }).click();
  await counted(all - 1);
  await assembledAgain();
  await scope(page, '.ss-removed button', { hasText: 'Undo' }).click();
  await counted(all);
  await assembledAgain();
  await scope(page, '.ss-check input[type="checkbox"]').check();
  await counted(2);
  await assembledAgain();
  await scope(page, '.ss-check input[type="checkbox"]').uncheck();
  await counted(all);
  await assembledAgain();
  assert.deepEqual(await extractions(page), ['Pier vote', 'Ferry news'], 'each article was read once');
  // The name tagger (the stage `names`) ran once over each article, when it was read; each
  // assembly tagged only the built-in articles it extracts itself (none while they were hidden).
  const { posted } = await seen(page);
  const tagged = (call) => call.stages.filter((stage) => stage === 'names').length;
  for (const call of posted.filter((m) => m.call === 'extractArticle')) {
    assert.equal(tagged(call), 1, `${call.name} was tagged when read: ${call.stages}`);
  }
  const assemblies = posted.filter((m) => m.call === 'openCorpus').slice(first);
  const seeds = all - 2;
  assert.ok(assemblies.length >= 4);
  for (const call of assemblies) {
    assert.ok(tagged(call) <= seeds, `an assembly tagged ${tagged(call)} articles, more than the ${seeds} built-in ones`);
  }
  assert.ok(assemblies.some((call) => tagged(call) === 0 && call.stages.includes('entities')),
    'with the built-in articles hidden, the corpus was assembled, names merged, and nothing tagged');
  // Likewise quotes are found (`quotes`) and times scanned for (`times`) once in each article,
  // when it is read; an assembly only links speakers (`speakers`) and resolves dates (`dates`).
  const ran = (call, stage) => call.stages.filter((s) => s === stage).length;
  for (const call of posted.filter((m) => m.call === 'extractArticle')) {
    assert.deepEqual([ran(call, 'quotes'), ran(call, 'times')], [1, 1], `${call.name}: ${call.stages}`);
  }
  // And each article's token view (`analysis`: tokenizing, folding, interning) is made once,
  // when it is read: an assembly of kept parts reads the parts' views.
  for (const call of posted.filter((m) => m.call === 'extractArticle')) {
    assert.equal(ran(call, 'analysis'), 1, `${call.name}: ${call.stages}`);
  }
  for (const call of assemblies) {
    for (const stage of ['quotes', 'times']) {
      assert.ok(ran(call, stage) <= seeds, `an assembly ran ${stage} over ${ran(call, stage)} articles: ${call.stages}`);
    }
    // The built-in articles' parts are made in the call (one `analysis` each); the assembly
    // that follows analyzes none of them again.
    assert.ok(ran(call, 'analysis') <= seeds, `an assembly analyzed the kept articles again: ${call.stages}`);
  }
  assert.ok(assemblies.some((call) => tagged(call) === 0 && ran(call, 'quotes') === 0 && ran(call, 'times') === 0
    && ran(call, 'analysis') === 0 && call.stages.includes('speakers') && call.stages.includes('dates')),
  'with the built-in articles hidden, speakers were linked and dates resolved, and no article was analyzed, '
  + 'nor any quote or time looked for');
  assert.equal((await seen(page)).mainThreadInstances, 0);
  await assertCleanAndClose(opened);
});

test('a trap in the core costs only its file: named, the others added, a fresh worker for the rest', async () => {
  const opened = await openWatched({ traps: true });
  const { page, record } = opened;
  const before = await tabCount(page, 'articles');
  await addFiles(page, [
    textFile('first.txt', 'First harbour note\n\nThe council met on Tuesday.'),
    textFile('crash.txt', 'Crash note\n\nThe core stops on this one.'),
    textFile('third.txt', 'Third harbour note\n\nThe pier opened on Friday.'),
  ]);
  await scope(page, '.ss-library-status', { hasText: 'Added 2 articles' }).waitFor();
  const messages = await scope(page, '.ss-messages li').allTextContents();
  assert.equal(messages.length, 1);
  assert.match(messages[0], /^crash\.txt: Storyscope's core stopped while reading it \(unreachable/);
  assert.deepEqual(await scope(page, '.ss-user-articles .ss-user-title').allTextContents(), ['First harbour note', 'Third harbour note']);
  assert.equal(await tabCount(page, 'articles'), before + 2);
  assert.deepEqual(await extractions(page), ['first.txt', 'crash.txt', 'third.txt'], 'the third file was read after the trap');
  assert.ok((await seen(page)).terminated >= 1, 'the worker that trapped was stopped');

  // A trap while assembling the corpus is traced to its article, which is left out.
  await pasteArticle(page, 'This one holds TRAP-WHILE-INDEXING in its text.', { title: 'Index trap' });
  await scope(page, '.ss-messages li', { hasText: 'Index trap' }).waitFor();
  assert.match(await scope(page, '.ss-messages li').first().textContent(), /stopped while indexing it \(unreachable/);
  assert.equal(await scope(page, '.ss-user-articles li').count(), 2);
  assert.equal(await tabCount(page, 'articles'), before + 2);
  // The explorer still answers.
  await scope(page, '.ss-search').fill('harbour');
  await page.waitForFunction(() => document.querySelector('story-scope').shadowRoot
    .querySelector('.ss-tab[data-view="articles"] .ss-count').textContent === '2');
  record.errors = record.errors.filter((e) => !/injected by the test/.test(e));
  await assertCleanAndClose(opened);
});

test('the paste form takes a title, a publication date and an outlet', async () => {
  const opened = await openWatched();
  const { page } = opened;
  await openLibrary(page);
  await scope(page, '.ss-paste input[name="title"]').fill('Pier vote');
  await scope(page, '.ss-paste input[name="published"]').fill('2021-04-06', { timeout: 2_000 });
  await scope(page, '.ss-paste input[name="outlet"]').fill('Port Ellis Post');
  assert.doesNotMatch(await scope(page, '.ss-library').textContent(), /null|undefined/, 'no absent part shows as a word');
  await pasteArticle(page, 'The council voted on Monday to build the pier.\n\n“We will build it,” Mayor Ana Ruiz said.');
  const item = scope(page, '.ss-article-link', { hasText: 'Pier vote' });
  await item.waitFor();
  assert.equal(await item.locator('.ss-article-meta').textContent(), 'Port Ellis Post · 6 Apr 2021');
  await item.click();
  await settled(page);
  const meta = scope(page, '.ss-reader-meta');
  assert.equal(await meta.locator('time').getAttribute('datetime'), '2021-04-06');
  assert.doesNotMatch(await meta.textContent(), /inferred/);
  // "voted on Monday" is resolved against the date given, Tuesday 6 April 2021: the day before.
  assert.ok(await page.evaluate(() => document.querySelector('story-scope').model.events
    .some((e) => e.date === '2021-04-05' && /Monday/.test(e.summary) && !e.inferred)), 'the timeline reads the date given');
  assert.match(await scope(page, '.ss-reader-body').textContent(), /The council voted on Monday/);
  await screenshot(page, 'worker-facts');
  await assertCleanAndClose(opened);
});

test('editing an added article’s date, title and outlet re-extracts only that article, and is kept', async () => {
  const opened = await openWatched();
  const { page } = opened;
  await openLibrary(page);
  for (const [title, text] of [['Pier vote', 'The council voted on Monday to build the pier.'], ['Ferry news', 'The ferry ran late on Friday.']]) {
    await pasteArticle(page, text, { title });
    await scope(page, '.ss-user-articles li', { hasText: title }).waitFor();
  }
  assert.deepEqual(await extractions(page), ['Pier vote', 'Ferry news']);

  const row = scope(page, '.ss-user-articles li', { hasText: 'Pier vote' });
  await row.locator('button', { hasText: 'Edit' }).click({ timeout: 2_000 });
  const editor = row.locator('.ss-facts-editor');
  assert.equal(await editor.locator('input[name="title"]').inputValue(), 'Pier vote', 'the editor shows what the article shows');
  await editor.locator('input[name="title"]').fill('Pier vote passes');
  await editor.locator('input[name="published"]').fill('2021-04-05');
  await editor.locator('input[name="outlet"]').fill('Port Ellis Post');
  await editor.locator('button', { hasText: 'Save' }).click();
  await scope(page, '.ss-library-status', { hasText: 'Updated “Pier vote passes”' }).waitFor();
  const posted = await extractions(page);
  assert.deepEqual(posted.slice(2), ['Pier vote'], 'only the edited article was read again');
  const link = scope(page, '.ss-article-link', { hasText: 'Pier vote passes' });
  assert.equal(await link.locator('.ss-article-meta').textContent(), 'Port Ellis Post · 5 Apr 2021');
  // The undated article's date is the core's inference, marked as such: its text dates
  // nothing, so the date is the other articles'.
  const undated = scope(page, '.ss-article-link', { hasText: 'Ferry news' }).locator('time');
  assert.match(await undated.textContent(), /^≈ /);
  assert.match(await undated.getAttribute('title'), /^date borrowed from the other articles/);

  await page.reload();
  await waitForArticles(page);
  await scope(page, '.ss-article-link', { hasText: 'Pier vote passes' }).waitFor();
  assert.deepEqual(await extractions(page), [], 'the edit is kept with its extraction');
  await assertCleanAndClose(opened);
});

test('an added article whose publication date was inferred shows it as a guess in the library too, as in the article list', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  await openLibrary(page);
  await pasteArticle(page, 'The quay reopened on Friday after repairs, the harbour office said.', { title: 'Quay note' });
  const row = page.locator('story-scope .ss-user-articles li', { hasText: 'Quay note' });
  await row.locator('.ss-user-meta').waitFor({ timeout: 30_000 });
  const listed = await page.locator('story-scope .ss-article-link', { hasText: 'Quay note' }).locator('time').textContent();
  assert.match(listed, /^≈ /, 'the article list marks the inferred date');
  const meta = row.locator('.ss-user-meta');
  assert.ok((await meta.textContent()).startsWith(listed), `the library shows the same guess (${await meta.textContent()})`);
  assert.match(await meta.getAttribute('title'), /date borrowed from the other articles/);
  await assertCleanAndClose(opened);
});

test('an added article that dates nothing says in words that its date is a guess; "Set the date" opens the editor on an empty date field', async () => {
  const opened = await openPage(browser, pageUrl);
  const { page } = opened;
  await waitForArticles(page);
  await openLibrary(page);
  await pasteArticle(page, 'The quay reopened on Friday after repairs, the harbour office said.', { title: 'Quay note' });
  const row = scope(page, '.ss-user-articles li', { hasText: 'Quay note' });
  // Not only in a tooltip, which a phone never shows.
  const guess = row.locator('.ss-user-guess');
  await guess.waitFor({ timeout: 30_000 });
  assert.match(await guess.textContent(), /gives no date: this one is a guess/);
  await guess.locator('button', { hasText: 'Set the date' }).click();
  await settled(page);
  const date = row.locator('.ss-facts-editor input[name="published"]');
  assert.equal(await date.inputValue(), '', 'the guess is not offered as the article’s own date');
  assert.equal(await date.evaluate((el) => el === el.getRootNode().activeElement), true, 'the focus is on the date');
  await date.fill('2021-05-07');
  await row.locator('.ss-facts-editor button', { hasText: 'Save' }).click();
  await row.locator('.ss-user-meta', { hasText: '7 May 2021' }).waitFor({ timeout: 30_000 });
  assert.equal(await row.locator('.ss-user-guess').count(), 0, 'a date given is no guess');
  assert.doesNotMatch(await row.locator('.ss-user-meta').textContent(), /≈/);
  await assertCleanAndClose(opened);
});

test('a browser whose WebAssembly lacks SIMD is told so, and which browsers have it, instead of an opcode error', async () => {
  // Chromium has SIMD: the page is made to meet one without it, whose validate() refuses any
  // module with a SIMD instruction (the 0xFD prefix and v128.const), as such a browser does.
  const opened = await openPage(browser, 'about:blank');
  const { page, record } = opened;
  await page.addInitScript(() => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) => {
      const b = new Uint8Array(bytes.buffer ?? bytes);
      for (let i = 0; i + 1 < b.length; i++) if (b[i] === 0xfd && b[i + 1] === 0x0c) return false;
      return validate(bytes);
    };
  });
  await page.goto(pageUrl);
  const error = scope(page, '.ss-error');
  await error.waitFor({ timeout: 30_000 });
  const text = await error.textContent();
  assert.match(text, /too old for Storyscope: its WebAssembly lacks SIMD/);
  assert.match(text, /Chrome and Edge 91, Firefox 89 and Safari 16\.4/);
  assert.deepEqual(record.requests, []);
  await opened.context.close();
});
