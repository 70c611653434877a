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

/** One CSV field, quoted when needed (RFC 4180); a leading formula sign is defused for spreadsheets. */
function timelineCsvField(value) {
  let text = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** id,date,start,end,summary,docs,entities: one row per event, CRLF line ends. */
function timelineToCsv(events) {
  const rows = [['id', 'date', 'start', 'end', 'summary', 'docs', 'entities']];
  for (const ev of events) rows.push([ev.id, ev.date, ev.start, ev.end, ev.summary, ev.docs.join('; '), ev.entity_names.join('; ')]);
  return rows.map((row) => row.map(timelineCsvField).join(',')).join('\r\n') + '\r\n';
}

/** Saves `text` as a file through a temporary blob: link (works from file:// too). */
function timelineDownload(parent, fileName, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: fileName, hidden: true });
  parent.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
