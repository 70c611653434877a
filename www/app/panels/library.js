// The reader's own articles: paste, drop or choose files; remove (with Undo); export and
// import the corpus file; hide the built-in articles. The file types offered are the core's.

import { h } from '../dom.js';
import { download } from '../exports.js';
import { corpusFile, parseCorpusFile } from '../library.js';

export function libraryPanel(explorer) {
  const { actions } = explorer;
  const { articles, messages, status, progress, removed, hideSeeds } = explorer.library;
  const accept = explorer.core.fileRules.extensions.map((ext) => `.${ext}`).join(',');
  const title = h('input', { type: 'text', class: 'ss-input', placeholder: 'Title (optional)', 'aria-label': 'Title of the pasted article', maxlength: '300' });
  const text = h('textarea', { class: 'ss-input', rows: '5', placeholder: 'Paste an article here…', 'aria-label': 'Article text' });
  const files = h('input', {
    type: 'file', multiple: true, accept, class: 'ss-file', 'aria-label': 'Choose article files',
    onchange: (event) => { actions.addSources([...event.target.files].map((file) => ({ name: file.name, file }))); event.target.value = ''; },
  });
  const corpusInput = h('input', {
    type: 'file', accept: '.json,application/json', class: 'ss-file', 'aria-label': 'Import a corpus file',
    onchange: async (event) => {
      const file = event.target.files[0];
      event.target.value = '';
      if (!file) return;
      try {
        await actions.addSources(parseCorpusFile(await file.text()));
      } catch (error) {
        actions.reportLibrary([{ name: file.name, reason: error.message }]);
      }
    },
  });
  const paste = () => {
    if (!text.value.trim()) return;
    const body = title.value.trim() ? `${title.value.trim()}\n\n${text.value}` : text.value;
    actions.addSources([{ name: title.value.trim() || 'pasted article', text: body }]);
    text.value = '';
    title.value = '';
  };
  const name = (a) => a.title || a.name;
  return [
    h('h2', { class: 'ss-heading', text: 'Your articles' }),
    h('p', { class: 'ss-note', text: 'Processed in this browser and kept on this device only. Drop .txt, .md or .html files anywhere on Storyscope, or:' }),
    h('div', { class: 'ss-row' }, h('label', { class: 'ss-tool ss-file-label' }, 'Choose files…', files)),
    title, text,
    h('div', { class: 'ss-row' }, h('button', { type: 'button', class: 'ss-tool', onclick: paste, text: 'Add pasted text' })),
    progress ? h('progress', { class: 'ss-progress', max: String(progress.total), value: String(progress.done), 'aria-label': 'Reading articles' }) : null,
    messages.length ? h('ul', { class: 'ss-messages', role: 'alert' }, messages.map((m) => h('li', { text: `${m.name}: ${m.reason}` }))) : null,
    status ? h('p', { class: 'ss-library-status', role: 'status', text: status }) : null,
    removed ? h('p', { class: 'ss-library-status ss-removed', role: 'status' }, `Removed “${name(removed)}”. `,
      h('button', { type: 'button', class: 'ss-link', dataset: { focusKey: 'library:undo' }, onclick: () => actions.undoRemove(), text: 'Undo' })) : null,
    h('h3', { text: articles.length ? `Added (${articles.length})` : 'No articles added yet' }),
    h('ul', { class: 'ss-user-articles' }, articles.map((a) => h('li', null,
      h('span', { text: name(a) }),
      h('button', { type: 'button', class: 'ss-link', 'aria-label': `Remove ${name(a)}`, dataset: { focusKey: `remove:${a.id}` }, onclick: () => actions.removeArticle(a.id), text: 'Remove' })))),
    h('div', { class: 'ss-row' },
      h('button', {
        type: 'button', class: 'ss-tool', disabled: articles.length === 0, text: 'Export corpus',
        onclick: () => download(explorer.element.shadowRoot, 'storyscope-corpus.json', corpusFile(articles), 'application/json'),
      }),
      h('label', { class: 'ss-tool ss-file-label' }, 'Import corpus…', corpusInput),
      h('label', { class: 'ss-check' },
        h('input', { type: 'checkbox', checked: hideSeeds, onchange: (event) => actions.setHideSeeds(event.target.checked) }),
        ' Hide the built-in articles')),
  ];
}
