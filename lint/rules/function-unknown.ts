import { FUNCTION_NAMES, INTRINSIC_FUNCTIONS } from '../template/intrinsics';
import { joinPointer } from '../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'function-unknown',
  defaultSeverity: 'error',
  description: 'A key of the form Fn::Name must be one of the ROS intrinsic functions.',
  messages: { unknown: '{name} is not a ROS function{hint}' },
  check({ template, report }) {
    for (const use of template.intrinsics()) {
      if (!(use.fn in INTRINSIC_FUNCTIONS)) {
        report(
          joinPointer(use.pointer, use.fn),
          'unknown',
          { name: use.fn, hint: suggestion(use.fn, FUNCTION_NAMES) },
          { blame: 'key' },
        );
      }
    }
  },
});
