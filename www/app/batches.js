// Long lists shown in batches: a view renders the first items of a list in its order, and a
// "Show more" button appends the next batch in place (no re-render, so the scroll position and
// the rest of the view stay as they are) and moves the focus to the first new item. How many
// items each list shows is kept in ctx.limits (by list key) across re-renders, and forgotten
// when the filters change. Headings and facet counts stay on the whole list: only the DOM is cut.

import { focusWithin, h } from './dom.js';
import { formatCount } from './format.js';

/** How many items the list `key` shows: its remembered limit, at least one batch. */
function batchLimit(ctx, key, batch) {
  return Math.max(batch, ctx.limits.get(key) ?? 0);
}

/**
 * Fills `list` with the first items of `items` and returns the "Show more" button (null when
 * everything is shown). `render(from, to)` returns the elements for items [from, to);
 * `cut(limit)` may move a cut that would split a group (say, a transcript) to its end. The
 * button names what it adds and what is left: "Show 100 more quotes (12,345 left)".
 */
export function batchedList(ctx, { key, list, items, batch, noun, render, cut = (n) => n }) {
  let shown = Math.min(items.length, cut(batchLimit(ctx, key, batch)));
  list.append(...render(0, shown));
  if (shown >= items.length) return null;
  const button = h('button', { type: 'button', class: 'ss-more ss-show-more', dataset: { focusKey: `more:${key}` } });
  const label = () => {
    const left = items.length - shown;
    button.textContent = `Show ${formatCount(Math.min(batch, left))} more ${noun} (${formatCount(left)} left)`;
  };
  button.addEventListener('click', () => {
    const from = shown;
    shown = Math.min(items.length, cut(shown + batch));
    ctx.limits.set(key, shown);
    const added = render(from, shown);
    list.append(...added);
    if (shown >= items.length) button.remove();
    else label();
    // The first new item takes the focus (and is announced); the button moves below the batch.
    const first = added[0];
    if (first) {
      first.setAttribute('tabindex', '-1');
      focusWithin(first);
    }
  });
  label();
  return button;
}
