import { defineUpdateRule } from './rule';

export default defineUpdateRule({
  id: 'update-logical-id-renamed',
  defaultSeverity: 'warning',
  description:
    'Against an earlier version of the template (ros-sso diff, lint --since), a resource that replaces a removed one of the same Type and Properties is a renamed logical ID, which ROS applies as a delete and a create, not as an update. Plain lint does not run it.',
  messages: {
    renamed:
      '{resource} has the Type and Properties of {previous}, which is gone: renaming a logical ID deletes {previous} and creates {resource}',
  },
  checkUpdate({ comparison, report }) {
    for (const r of comparison.resources) {
      if (!r.renamedFrom || !r.after) continue;
      report(r.after.pointer, 'renamed', { resource: r.id, previous: r.renamedFrom }, { blame: 'key' });
    }
  },
});
