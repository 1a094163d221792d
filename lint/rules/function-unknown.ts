import { FUNCTION_NAMES, functionForCase, INTRINSIC_FUNCTIONS } from '../../template/intrinsics';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';

export default defineRule({
  id: 'function-unknown',
  defaultSeverity: 'error',
  description:
    'A key of the form Fn::Name must be one of the ROS runtime functions, written in its exact letter case: ROS reads FN::Length or fn::join as a plain mapping, so a condition built on one is always true.',
  messages: {
    unknown: '{name} is not a ROS function{hint}',
    wrongCase:
      '{name} is not a ROS function: names are case-sensitive, so ROS reads this as a plain mapping; did you mean {fn}?',
  },
  check({ template, report }) {
    for (const use of template.intrinsics()) {
      if (use.fn in INTRINSIC_FUNCTIONS) continue;
      const at = joinPointer(use.pointer, use.fn);
      const fn = functionForCase(use.fn);
      if (fn) report(at, 'wrongCase', { name: use.fn, fn }, { blame: 'key' });
      else
        report(at, 'unknown', { name: use.fn, hint: suggestion(use.fn, FUNCTION_NAMES) }, { blame: 'key' });
    }
  },
});
