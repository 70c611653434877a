// People, places and organizations with their mention counts.

const ENTITY_KINDS = [['person', 'People'], ['place', 'Places'], ['organization', 'Organizations']];

function renderEntities({ model, visible }) {
  const groups = ENTITY_KINDS.map(([kind, label]) => {
    const list = model.entities.filter((e) => e.kind === kind && visible.entities.has(e.id)).sort((a, b) => b.mentions.length - a.mentions.length);
    return h('section', { class: 'ss-entity-group', 'aria-label': label },
      h('h3', { text: `${label} (${list.length})` }),
      h('ul', { class: 'ss-entity-list' }, list.map((e) => h('li', null,
        h('span', { class: 'ss-entity-name', text: e.name }),
        h('span', { class: 'ss-count', text: plural(e.mentions.length, 'mention', 'mentions') }),
        e.roles.length ? h('span', { class: 'ss-note', text: e.roles.join(', ') } ) : null))));
  });
  return h('section', { class: 'ss-view', 'aria-labelledby': 'ss-entities-title' },
    h('h2', { id: 'ss-entities-title', class: 'ss-heading', text: 'People, places and organizations' }),
    model.entities.length ? groups : h('p', { class: 'ss-empty', text: 'No people, places or organizations found.' }));
}
