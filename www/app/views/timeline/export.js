// The visible events as a TimelineJS3 document. Text stays plain text: nothing is turned into
// or escaped for HTML. Dates carry only the parts their precision (from the core) supports.

import { formatPeriod, plural } from '../../format.js';

/** A TimelineJS date object for a day "YYYY-MM-DD", with the parts `parts` allows. */
function timelineJsDate(iso, parts, displayDate) {
  const [year, month, day] = iso.split('-').map(Number);
  const date = { year };
  if (parts !== 'year') date.month = month;
  if (parts === 'day') date.day = day;
  if (displayDate) date.display_date = displayDate;
  return date;
}

/** {title, events: [{start_date, end_date, text, group, unique_id}]} for the events. */
export function toTimelineJs(events, model, groupOf) {
  return {
    title: { text: { headline: 'Storyscope timeline', text: `${plural(events.length, 'event', 'events')} from ${plural(model.documents.length, 'article', 'articles')}` } },
    events: events.map((ev) => {
      // A day, a month or a year is one TimelineJS date; other ranges get an end date.
      const whole = { day: 'day', month: 'month', year: 'year', decade: 'year' }[ev.precision];
      const sources = ev.docs.map((d) => model.docsById.get(d)?.title || d);
      const item = {
        unique_id: ev.id,
        start_date: timelineJsDate(ev.start, whole ?? 'day', formatPeriod(ev)),
        text: {
          headline: ev.summary,
          text: [
            ev.entity_names.length ? `Involved: ${ev.entity_names.join(', ')}.` : '',
            sources.length ? `Sources: ${sources.join('; ')}.` : '',
          ].filter(Boolean).join(' '),
        },
        group: groupOf(ev),
      };
      if ((!whole || ev.precision === 'decade') && ev.end !== ev.start) item.end_date = timelineJsDate(ev.end, whole === 'year' ? 'year' : 'day');
      return item;
    }),
  };
}
