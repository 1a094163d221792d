import { asIntrinsic } from '../../template/intrinsics';
import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { subVariables } from '../../template/sub-variables';

/**
 * Functions whose strings are meant to hold `${…}` text: Fn::Sub expands it; Fn::Replace and
 * Fn::Join build or replace it by hand (`Fn::Replace: [{'${Env}': {Ref: Env}}, …]`).
 */
const BUILDS_TEXT = new Set(['Fn::Sub', 'Fn::Replace', 'Fn::Join']);

// ROS expands `${…}` only inside Fn::Sub, which Conditions cannot use (ros-protocol.md §2.4;
// iac-code's ROS5001). A literal `${Env}` naming a parameter is compared as that text, so the
// condition never depends on the parameter: a real bug, whatever the deployer chooses.
export default defineRule({
  id: 'condition-unsubstituted-variable',
  defaultSeverity: 'error',
  description:
    'A ${Name} inside a plain string in Conditions is never substituted (only Fn::Sub does that), so the condition compares the literal text; use Ref.',
  messages: {
    literal:
      '{reference} in a Conditions string is never substituted, so this compares the literal text; use Ref: {name}',
  },
  check({ template, report }) {
    const visit = (node: unknown, pointer: string) => {
      if (typeof node === 'string') {
        for (const { name } of subVariables(node)) {
          const target = name.split('.')[0];
          if (template.isRefTarget(target))
            report(pointer, 'literal', { reference: `\${${name}}`, name: target });
        }
        return;
      }
      const fn = asIntrinsic(node);
      if (fn && BUILDS_TEXT.has(fn.fn)) return;
      if (Array.isArray(node)) node.forEach((item, i) => visit(item, joinPointer(pointer, i)));
      else if (isMapping(node))
        for (const [key, value] of Object.entries(node)) visit(value, joinPointer(pointer, key));
    };
    for (const [name, condition] of template.conditions) visit(condition, joinPointer('/Conditions', name));
  },
});
