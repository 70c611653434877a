// Exports of the visible events: TimelineJS3 JSON and CSV (RFC 4180), saved as downloads from
// a Blob (no network). Text stays plain text: nothing is turned into or escaped for HTML.

/** A TimelineJS date object for a day: only the parts the precision supports. */
function timelineJsDate(day, precision, displayDate) {
  const p = timelineParts(day);
  const date = { year: p.year };
  if (precision !== 'year' && precision !== 'decade' && precision !== 'century') date.month = p.month;
  if (precision !== 'month' && date.month) date.day = p.day;
  if (displayDate) date.display_date = displayDate;
  return date;
}

/** The TimelineJS3 document of the events: {title, events: [{start_date, end_date, text, group, unique_id}]}. */
function timelineToTimelineJs(events, model, groupOf) {
  return {
    title: { text: { headline: 'Storyscope timeline', text: `${plural(events.length, 'event', 'events')} from ${plural(model.documents.length, 'article', 'articles')}` } },
    events: events.map((ev) => {
      const precision = timelinePrecision(ev.date) ?? 'day';
      const first = timelineDay(ev.start);
      const last = timelineDay(ev.end);
      const whole = precision === 'day' || precision === 'month' || precision === 'year';
      const sources = ev.docs.map((d) => model.docsById.get(d)?.title || d);
      const item = {
        unique_id: ev.id,
        start_date: timelineJsDate(first, whole ? precision : 'day', timelineFormatValue(ev.date)),
        text: {
          headline: ev.summary,
          text: [
            ev.entity_names.length ? `Involved: ${ev.entity_names.join(', ')}.` : '',
            sources.length ? `Sources: ${sources.join('; ')}.` : '',
          ].filter(Boolean).join(' '),
        },
        group: groupOf(ev),
      };
      if (!whole && last !== null && last !== first) item.end_date = timelineJsDate(last, 'day');
      return item;
    }),
  };
}
