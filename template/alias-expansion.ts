import { EVENT_ID, type Event } from 'js-yaml';

// Copied out once: a bundled import is read through a getter on every use, and these are read per event.
const { DOCUMENT, SCALAR, ALIAS, POP } = EVENT_ID;

/**
 * Size of the document once aliases are expanded, or `Infinity` for a self-referencing alias. Used
 * to refuse alias bombs before any rule walks the values.
 */
export function expandedNodeCount(events: readonly Event[], source: string, limit: number): number {
  const sizes = new Map<string, number>();
  const open = new Set<string>();
  const stack: Array<{ count: number; anchor: string | undefined }> = [];
  let total = 0;
  const add = (n: number) => {
    if (stack.length) stack[stack.length - 1].count += n;
    else total += n;
  };
  for (const ev of events) {
    if (ev.type === DOCUMENT) continue;
    if (ev.type === POP) {
      const frame = stack.pop();
      if (!frame) continue;
      if (frame.anchor !== undefined) {
        sizes.set(frame.anchor, frame.count);
        open.delete(frame.anchor);
      }
      add(frame.count);
    } else if (ev.type === ALIAS) {
      const name = source.slice(ev.anchorStart, ev.anchorEnd);
      if (open.has(name)) return Number.POSITIVE_INFINITY;
      add(sizes.get(name) ?? 1);
    } else {
      const anchor = ev.anchorStart >= 0 ? source.slice(ev.anchorStart, ev.anchorEnd) : undefined;
      if (ev.type === SCALAR) {
        if (anchor !== undefined) sizes.set(anchor, 1);
        add(1);
      } else {
        if (anchor !== undefined) open.add(anchor);
        stack.push({ count: 1, anchor });
      }
    }
    if (total > limit || (stack.length && stack[0].count > limit)) return total + (stack[0]?.count ?? 0);
  }
  return total;
}
