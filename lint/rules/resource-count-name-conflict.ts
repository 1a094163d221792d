import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';

/** A literal Count: an integer, or a string of digits (ROS applies `int()`); else undefined. */
function literalCount(count: unknown): number | undefined {
  if (typeof count === 'number' && Number.isInteger(count) && count >= 0) return count;
  if (typeof count === 'string' && /^\s*\d+\s*$/.test(count)) return Number(count);
  return undefined;
}

// ROS expands a resource `A` with `Count: n` into `A[0]` … `A[n-1]` before the stack runs
// (ros-protocol.md §2.3; iac-code's count.py and ROS4302): a resource already named `A[i]` then
// collides with a generated one, and one of the two definitions is lost.
export default defineRule({
  id: 'resource-count-name-conflict',
  defaultSeverity: 'error',
  description:
    'A resource must not be named like an instance its Count generates (`A[0]` beside an `A` with Count); a computed Count is a warning.',
  messages: {
    conflict: 'Count {count} on {name} generates a resource {instance}, which this one already is',
    mayConflict:
      'if the computed Count of {name} exceeds {index}, it generates a resource {instance}, which this one already is',
  },
  check({ template, report }) {
    const instance = /^(.*)\[(0|[1-9][0-9]*)\]$/;
    for (const view of template.resourceViews()) {
      const match = instance.exec(view.id);
      if (!match) continue;
      const [, name, index] = match;
      const counted = template.resources.get(name);
      if (!counted || typeof counted !== 'object' || !('Count' in counted)) continue;
      const count = counted.Count;
      if (count === null || count === undefined) continue;
      const n = literalCount(count);
      const pointer = joinPointer('/Resources', view.id);
      if (n === undefined)
        report(
          pointer,
          'mayConflict',
          { name, index, instance: view.id },
          { blame: 'key', severity: 'warning' },
        );
      else if (Number(index) < n)
        report(pointer, 'conflict', { count: n, name, instance: view.id }, { blame: 'key' });
    }
  },
});
