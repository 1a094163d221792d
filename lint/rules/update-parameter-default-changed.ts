import { joinPointer, splitPointer } from '../../template/pointer';
import { parameterReaches } from '../update/flow';
import { defineUpdateRule } from './rule';
import { describeChange, sameValue } from '../update/values';

export default defineUpdateRule({
  id: 'update-parameter-default-changed',
  defaultSeverity: 'warning',
  description:
    'Against an earlier version of the template (ros-sso diff, lint --since), the Default of a parameter that reaches a property that cannot be updated changed: a stack update that neither passes the parameter nor reuses its previous value takes the new Default, and then fails or replaces the resource. A warning, since how the update is called decides it. Plain lint does not run it.',
  messages: {
    changed:
      'the Default of {parameter} changed ({change}) and {parameter} reaches {properties}, which cannot be updated: a stack update that neither passes {parameter} nor reuses its previous value {outcome}',
  },
  checkUpdate({ template, previous, comparison, report }) {
    const stable = new Map(
      comparison.resources.filter((r) => r.before && r.after && !r.typeChange).map((r) => [r.id, r]),
    );
    const blocked = new Map<string, { targets: string[]; refused: boolean }>();
    for (const reach of parameterReaches(template, comparison.factsOf)) {
      if (reach.effect !== 'replace' && reach.effect !== 'refuse') continue;
      const resource = stable.get(splitPointer(reach.pointer)[1]);
      // A property whose own expression changed is update-not-allowed's finding already.
      if (
        !resource ||
        resource.changes.some((c) => `Resources.${resource.id}.Properties.${c.property}` === reach.target)
      )
        continue;
      const entry = blocked.get(reach.parameter) ?? { targets: [], refused: false };
      if (!entry.targets.includes(reach.target)) entry.targets.push(reach.target);
      entry.refused ||= reach.effect === 'refuse';
      blocked.set(reach.parameter, entry);
    }
    for (const [parameter, { targets, refused }] of blocked) {
      const before = previous.parameter(parameter);
      const after = template.parameter(parameter);
      if (!before || !after || sameValue(before.Default, after.Default)) continue;
      const hasDefault = Object.hasOwn(after, 'Default');
      report(
        hasDefault ? joinPointer('/Parameters', parameter, 'Default') : joinPointer('/Parameters', parameter),
        'changed',
        {
          parameter,
          change: describeChange(before.Default, after.Default),
          properties: targets.join(', '),
          outcome: refused
            ? 'is refused by the provider'
            : 'fails unless it enables replacement, which deletes and recreates the resource',
        },
        { blame: hasDefault ? 'value' : 'key' },
      );
    }
  },
});
