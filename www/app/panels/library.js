// The reader's own articles: paste (with a title, a publication date and an outlet), drop or
// choose files; give an added article other facts (only it is read again); remove (with Undo);
// export and import the corpus file; hide the built-in articles. The file types offered are
// the core's. Progress and Cancel are in the bar under the header (components/progress.js).

import { batchedList } from '../batches.js';
import { corpusFile, parseCorpusFile } from '../corpus-file.js';
import { h } from '../dom.js';
import { download } from '../exports.js';
import { byline, inferredFrom, listedDate, publishedNote } from '../format.js';

/** Added articles listed at first, and added by each "Show more". */
const ADDED_BATCH = 50;

export function libraryPanel(explorer, ctx) {
  const { actions, library } = explorer;
  const { articles, messages, status, removed, hideSeeds } = library;
  const accept = explorer.core.fileRules.extensions.map((ext) => `.${ext}`).join(',');
  const files = h('input', {
    type: 'file', multiple: true, accept, class: 'ss-file', 'aria-label': 'Choose article files', dataset: { focusKey: 'library:files' },
    onchange: (event) => { actions.addSources([...event.target.files].map((file) => ({ name: file.name, file }))); event.target.value = ''; },
  });
  const corpusInput = h('input', {
    type: 'file', accept: '.json,application/json', class: 'ss-file', 'aria-label': 'Import a corpus file', dataset: { focusKey: 'library:import' },
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
  const forms = formsOf(explorer);
  const name = (a) => library.titleOf(a);
  const editing = explorer.ui.editing;
  if (forms.editor?.id !== editing) forms.editor = null;
  const row = (a) => {
    const doc = explorer.model?.docsById.get(a.id);
    // As the article list reads: byline · date.
    const meta = doc ? [byline(doc), listedDate(doc)].filter(Boolean).join(' · ') : '';
    // A date the core guessed (from the text, or from the other articles when the text dates
    // nothing) is said to be one in words, not only in a tooltip a phone never shows, with
    // the way to give the real one.
    const guessed = doc && publishedNote(doc) && editing !== a.id;
    return h('li', { dataset: { article: a.id } },
      h('span', { class: 'ss-user-article' },
        h('span', { class: 'ss-user-title', dir: 'auto', text: name(a) }),
        library.unread(a) ? h('span', { class: 'ss-note', text: ' (not read yet)' }) : null,
        meta ? h('span', { class: 'ss-note ss-user-meta', title: publishedNote(doc) || null, text: meta }) : null,
        guessed ? h('span', { class: 'ss-note ss-user-guess' }, `The article gives no date: this one is a guess, ${inferredFrom(doc)}. `,
          h('button', {
            type: 'button', class: 'ss-link', dataset: { focusKey: `set-date:${a.id}` }, 'aria-label': `Set the date of ${name(a)}`,
            onclick: () => actions.editFacts(a.id, 'published'), text: 'Set the date',
          })) : null),
      h('span', { class: 'ss-row' },
        h('button', {
          type: 'button', class: 'ss-link', 'aria-expanded': String(editing === a.id), dataset: { focusKey: `edit:${a.id}` },
          'aria-label': `Edit the facts of ${name(a)}`, onclick: () => actions.editFacts(editing === a.id ? null : a.id), text: 'Edit',
        }),
        h('button', { type: 'button', class: 'ss-link', 'aria-label': `Remove ${name(a)}`, dataset: { focusKey: `remove:${a.id}` }, onclick: () => actions.removeArticle(a.id), text: 'Remove' })),
      editing === a.id ? (forms.editor ??= { id: a.id, node: editor(explorer, a, doc) }).node : null);
  };
  // The added articles in batches: with hundreds, one list of them all is most of the page's
  // layout whenever the panel is rebuilt (each add, edit and removal). The article being edited,
  // and one put back by Undo (its Remove takes the focus), are always among the rows shown.
  for (const id of [editing, /^remove:(.+)$/.exec(explorer.focusRequest ?? '')?.[1]]) {
    const at = id ? articles.findIndex((a) => a.id === id) : -1;
    if (at >= 0) ctx.limits.set('library', Math.max(ctx.limits.get('library') ?? 0, at + 1));
  }
  const addedList = h('ul', { class: 'ss-user-articles' });
  const more = articles.length ? batchedList(ctx, {
    key: 'library', list: addedList, items: articles, batch: ADDED_BATCH, noun: 'articles',
    render: (from, to) => articles.slice(from, to).map(row),
  }) : null;
  return [
    h('h2', { class: 'ss-heading', text: 'Your articles' }),
    // Only where files can be dragged: a touch screen has nothing to drop (styles/library.css).
    h('p', { class: 'ss-note' }, 'Processed in this browser and kept on this device only. ',
      h('span', { class: 'ss-drop-hint', text: 'Drop .txt, .md or .html files anywhere on Storyscope, or:' })),
    h('div', { class: 'ss-row' }, h('label', { class: 'ss-tool ss-file-label' }, 'Choose files…', files)),
    forms.paste ??= pasteForm(actions),
    // What the last add did, then the files it refused (tool-panel.js scrolls them into sight).
    // The one article the news is about can be read at once (the panel closes, the reader opens).
    status ? h('div', { class: 'ss-row' }, h('p', { class: 'ss-library-status', role: 'status', text: status }),
      explorer.model?.docsById.has(library.statusDoc) ? h('button', {
        type: 'button', class: 'ss-tool', dataset: { focusKey: 'library:read' },
        'aria-label': `Read ${explorer.model.docsById.get(library.statusDoc).title || library.statusDoc}`,
        onclick: () => actions.openDocument(library.statusDoc), text: 'Read it',
      }) : null) : null,
    // The alert around the list: a <ul> with role="alert" is no list any more (axe-core).
    messages.length ? h('div', { role: 'alert' }, h('ul', { class: 'ss-messages' }, messages.map((m) => h('li', { text: `${m.name}: ${m.reason}` })))) : null,
    removed ? h('p', { class: 'ss-library-status ss-removed', role: 'status' }, `Removed “${name(removed.article)}”. `,
      h('button', { type: 'button', class: 'ss-link', dataset: { focusKey: 'library:undo' }, onclick: () => actions.undoRemove(), text: 'Undo' })) : null,
    h('h3', { text: articles.length ? `Added (${articles.length})` : 'No articles added yet' }),
    addedList,
    more,
    h('div', { class: 'ss-row' },
      h('button', {
        type: 'button', class: 'ss-tool', disabled: articles.length === 0, text: 'Export corpus', dataset: { focusKey: 'library:export' },
        onclick: () => download(explorer.element.shadowRoot, 'storyscope-corpus.json', corpusFile(articles), 'application/json'),
      }),
      h('label', { class: 'ss-tool ss-file-label' }, 'Import corpus…', corpusInput),
      h('label', { class: 'ss-check' },
        h('input', { type: 'checkbox', checked: hideSeeds, dataset: { focusKey: 'library:hide-seeds' }, onchange: (event) => actions.setHideSeeds(event.target.checked) }),
        ' Hide the built-in articles')),
  ];
}

/**
 * The forms of an explorer's panel, kept while it is rebuilt (an article added meanwhile), so
 * that what the reader is typing stays: {paste, editor: {id, node}}.
 */
const kept = new WeakMap();
function formsOf(explorer) {
  if (!kept.has(explorer)) kept.set(explorer, { paste: null, editor: null });
  return kept.get(explorer);
}

/** Paste an article: its text, with a title, a publication date and an outlet if given. */
function pasteForm(actions) {
  const facts = factFields('paste', {}, 'of the pasted article');
  const text = h('textarea', {
    class: 'ss-input', rows: '5', placeholder: 'Paste an article here…', 'aria-label': 'Article text', dataset: { focusKey: 'paste:text' },
    oninput: (event) => event.target.setCustomValidity(''),
  });
  const paste = () => {
    if (!text.value.trim()) {
      // Said where the text goes (the browser shows it and focuses the field), not silently ignored.
      text.setCustomValidity('Paste the text of an article here first.');
      text.reportValidity();
      return;
    }
    if (!facts.check()) return;
    const given = facts.read();
    // The title is also the text's first line, as an article's is: every parser reads it so,
    // and the fact wins when it is edited later.
    const typed = text.value;
    const body = given.title ? `${given.title}\n\n${typed}` : typed;
    actions.addSources([{ name: given.title || 'pasted article', text: body, facts: given }]).then((added) => {
      // Refused (the core names why, a date outside the years it reads, say): what was typed
      // comes back, to be mended rather than pasted again, unless something new is typed.
      if (added === 0 && !text.value && !Object.values(facts.values()).some(Boolean)) {
        text.value = typed;
        facts.fill(given);
      }
    });
    text.value = '';
    facts.clear();
  };
  return h('fieldset', { class: 'ss-paste' },
    h('legend', { text: 'Paste an article' }),
    facts.root, text,
    h('div', { class: 'ss-row' }, h('button', { type: 'button', class: 'ss-tool', dataset: { focusKey: 'paste:add' }, onclick: paste, text: 'Add pasted text' })));
}

/**
 * The form that gives an added article other facts, filled with what the article shows now.
 * A field left as it was adds no fact; one emptied drops the fact given before.
 */
function editor(explorer, article, doc) {
  const shown = {
    title: explorer.library.titleOf(article),
    // A guessed date is no fact of the article: the field stays empty for the real one.
    published: (article.facts?.published ?? (doc && !publishedNote(doc) ? doc.published : null) ?? '').slice(0, 10),
    outlet: article.facts?.outlet ?? doc?.outlet ?? '',
  };
  const fields = factFields(`edit-${article.id}`, shown, `of ${shown.title}`);
  const save = () => {
    // A field left as it was keeps what was given before (a date its time of day); one
    // emptied drops the fact, and the text's own value comes back.
    const facts = { ...article.facts };
    for (const [field, value] of Object.entries(fields.values())) {
      if (value === shown[field]) continue;
      if (value) facts[field] = value;
      else delete facts[field];
    }
    explorer.actions.editFacts(null);
    explorer.actions.editArticle(article.id, facts);
  };
  return h('form', { class: 'ss-facts-editor', onsubmit: (event) => { event.preventDefault(); save(); } },
    fields.root,
    h('div', { class: 'ss-row' },
      h('button', { type: 'submit', class: 'ss-tool', dataset: { focusKey: `save:${article.id}` }, text: 'Save and read again' }),
      h('button', { type: 'button', class: 'ss-link', onclick: () => explorer.actions.editFacts(null), text: 'Cancel' })));
}

/**
 * Title, publication date and outlet fields: `values()` gives each trimmed, `read()` the
 * non-blank ones.
 */
function factFields(key, initial, about) {
  const field = (name, label, props) => {
    const input = h('input', { class: 'ss-input', name, 'aria-label': `${label} ${about}`, dataset: { focusKey: `${key}:${name}` }, ...props });
    input.value = initial[name] ?? '';
    return input;
  };
  const inputs = {
    title: field('title', 'Title', { type: 'text', maxlength: '300', placeholder: 'optional' }),
    published: field('published', 'Date', { type: 'date', min: '0001-01-01', max: '9999-12-31' }),
    outlet: field('outlet', 'Outlet', { type: 'text', maxlength: '200', placeholder: 'optional' }),
  };
  const labelled = (name, label) => h('label', { class: 'ss-fact' }, h('span', { class: 'ss-fact-label', text: label }), inputs[name]);
  const values = () => Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value.trim()]));
  return {
    root: h('div', { class: 'ss-facts', dataset: { facts: key } }, labelled('title', 'Title'), labelled('published', 'Date'), labelled('outlet', 'Outlet')),
    values,
    read: () => Object.fromEntries(Object.entries(values()).filter(([, value]) => value)),
    // A date typed only in part has an empty value: without this it would be dropped unseen
    // and the article dated by a guess. The browser says what is wrong, on the first bad field.
    check: () => Object.values(inputs).every((input) => input.reportValidity()),
    clear: () => { for (const input of Object.values(inputs)) input.value = ''; },
    fill: (values) => { for (const [name, input] of Object.entries(inputs)) input.value = values[name] ?? ''; },
  };
}
