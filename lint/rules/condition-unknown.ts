import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'condition-unknown',
  defaultSeverity: 'error',
  description:
    'Condition names used by Fn::If and by the Condition key of resources and outputs must be defined in Conditions.',
  messages: { unknown: 'condition {name} is not defined in Conditions{hint}' },
  check({ template, report }) {
    const check = (name: unknown, pointer: string) => {
      if (typeof name === 'string' && !template.conditions.has(name)) {
        report(pointer, 'unknown', { name, hint: suggestion(name, template.conditions.keys()) });
      }
    };
    for (const use of template.intrinsics()) {
      if (use.fn === 'Fn::If' && Array.isArray(use.args))
        check(use.args[0], joinPointer(use.pointer, 'Fn::If', 0));
    }
    for (const view of template.resourceViews())
      check(view.node.Condition, joinPointer(view.pointer, 'Condition'));
    for (const [name, output] of template.outputs) {
      if (output && typeof output === 'object' && 'Condition' in output) {
        check(output.Condition, joinPointer('/Outputs', name, 'Condition'));
      }
    }
  },
});
