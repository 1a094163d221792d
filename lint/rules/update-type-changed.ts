import { joinPointer } from '../../template/pointer';
import { defineUpdateRule } from './rule';

export default defineUpdateRule({
  id: 'update-type-changed',
  defaultSeverity: 'error',
  description:
    "Against an earlier version of the template (ros-sso diff, lint --since), a resource's Type must not change under the same logical ID: that is no update but a replacement, the old resource deleted and a new one created. Plain lint does not run it.",
  messages: {
    changed:
      'Type changed ({before} → {after}): a resource cannot be updated into another type; the stack update deletes {resource} and creates a new one',
  },
  checkUpdate({ comparison, report }) {
    for (const r of comparison.resources) {
      if (!r.typeChange || !r.after) continue;
      report(joinPointer(r.after.pointer, 'Type'), 'changed', { resource: r.id, ...r.typeChange });
    }
  },
});
