// The timeline of dated events, in date order.

function renderTimeline({ model, visible }) {
  const events = model.events.filter((ev) => visible.events.has(ev.id)).sort((a, b) => a.start.localeCompare(b.start));
  const items = events.map((ev) => h('li', { class: 'ss-event' },
    h('time', { datetime: ev.start, text: formatDate(ev.date) }),
    h('p', { text: ev.summary }),
    h('p', { class: 'ss-note', text: ev.docs.map((d) => model.docsById.get(d)?.title ?? d).join(' · ') })));
  return h('section', { class: 'ss-view', 'aria-labelledby': 'ss-timeline-title' },
    h('h2', { id: 'ss-timeline-title', class: 'ss-heading', text: `Timeline (${events.length} events)` }),
    items.length ? h('ol', { class: 'ss-events' }, items) : h('p', { class: 'ss-empty', text: 'No dated events found.' }));
}
