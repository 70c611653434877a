// The progress bar under the header while the library works: the file being read (of how
// many), the core's stage, the corpus being indexed, and Cancel, which stops the worker at once
// (the articles read before it are added; see library.js). It stays while the reader searches and switches views (the
// work runs in Web Workers). Screen readers hear each new file, not each stage.

import { h } from '../dom.js';

/** What each stage of the core (see pipeline::OnStage and newCorpusFromParts) is doing, in words. */
const STAGES = {
  parse: 'reading the text',
  analysis: 'splitting it into sentences',
  names: 'finding names',
  entities: 'finding people, places and organizations',
  quotes: 'finding quotes',
  times: 'finding dates',
  speakers: 'linking quotes to their speakers',
  events: 'building the timeline',
  index: 'indexing for search',
  check: 'looking for what stopped the core',
};

export function progress(explorer) {
  const text = h('span', { class: 'ss-work-text', 'aria-live': 'polite' });
  const stage = h('span', { class: 'ss-work-stage' });
  const bar = h('progress', { class: 'ss-work-bar', 'aria-label': 'Progress' });
  const cancel = h('button', { type: 'button', class: 'ss-tool', onclick: () => explorer.actions.cancelWork(), text: 'Cancel' });
  const root = h('div', { class: 'ss-work', hidden: true }, h('p', { class: 'ss-work-line' }, text, stage), bar, cancel);

  explorer.on('work', ({ reading, indexing, waiting }) => {
    root.hidden = !reading && !indexing;
    if (root.hidden) return;
    const said = reading
      ? `${reading.verb} “${reading.name}” (${reading.index + 1} of ${reading.total})`
      : `Indexing ${indexingWhat(indexing.total, !explorer.library.hideSeeds)}`;
    const more = waiting ? ` · ${waiting} more waiting` : '';
    if (text.textContent !== said + more) text.textContent = said + more;
    const current = (reading ?? indexing).stage;
    stage.textContent = current ? `: ${STAGES[current] ?? current}…` : '…';
    if (reading) {
      bar.max = reading.total;
      bar.value = reading.index;
    } else {
      // Indexing has no count to show: an indeterminate bar.
      bar.removeAttribute('value');
    }
    cancel.hidden = !explorer.library.cancellable;
  });
  return root;
}

/** What a corpus being indexed holds, in words: "3 articles and the built-in ones". */
function indexingWhat(total, withSeeds) {
  const own = total === 1 ? '1 article' : `${total} articles`;
  if (!total) return withSeeds ? 'the built-in articles' : 'no articles';
  return withSeeds ? `${own} and the built-in ones` : own;
}
