import type { Consequence } from '../update/facts';
import { staleness } from './rule';
import { defineUpdateRule } from './rule';
import { describeChange } from '../update/values';

const OUTCOME: Record<Consequence, string> = {
  replace:
    'the update fails unless the stack update enables replacement, which then deletes and recreates the resource',
  refuse: 'the provider refuses the update',
};

export default defineUpdateRule({
  id: 'update-not-allowed',
  defaultSeverity: 'error',
  description:
    'Against an earlier version of the template (ros-sso diff, lint --since), a property that cannot be updated must not change, be added or be removed: a native resource then needs replacement (deleted and recreated), a custom resource provider refuses the update, and ROS refuses a new ServiceToken. A change only to an expression around such a property, or one known only from the bundled (possibly outdated) definitions, is a warning. Plain lint does not run it.',
  messages: {
    replaced: '{property} of {type} cannot be updated ({change}): {outcome}{stale}',
    refused: '{property} of {type} cannot be updated ({change}): {outcome}{stale}',
    customReplaced:
      '{property} of a custom resource cannot be updated ({change}): ROS refuses the update unless it enables replacement, which then deletes and recreates the resource{stale}',
    mayChange:
      'the expression that holds {property} changed ({change}); if {property} changes, {outcome}{stale}',
  },
  checkUpdate({ comparison, report }) {
    for (const resource of comparison.resources) {
      const type = resource.after?.type ?? '';
      for (const c of resource.changes) {
        // Facts from the bundled spec alone may be outdated: a warning that says so (rule.ts).
        const { suffix: stale, options } = staleness(c);
        const data = {
          property: c.property,
          type,
          change: describeChange(c.before, c.after),
          outcome: OUTCOME[c.consequence],
          stale,
        };
        const at = { ...options, blame: c.blame };
        if (!c.certain) report(c.at, 'mayChange', data, { ...at, severity: 'warning' });
        else if (c.consequence === 'refuse') report(c.at, 'refused', data, at);
        else if (type.startsWith('ALIYUN::') && type !== 'ALIYUN::ROS::CustomResource')
          report(c.at, 'replaced', data, at);
        else report(c.at, 'customReplaced', data, at);
      }
    }
  },
});
