import { INTRINSIC_FUNCTIONS } from '../template/intrinsics';
import { isMapping } from '../template/model';
import { joinPointer } from '../template/pointer';
import { defineRule } from './rule';

function count(min: number, max: number): string {
  return min === max ? `${min}` : `${min} to ${max}`;
}

export default defineRule({
  id: 'function-arguments',
  defaultSeverity: 'error',
  description:
    'Each intrinsic function gets arguments of its shape: Fn::Join [delimiter, list], Fn::If [condition, then, else], Fn::GetAtt [resource, attribute], and so on.',
  messages: {
    notString: '{fn} takes a string',
    notList: '{fn} takes a list of {count} items',
    wrongLength: '{fn} takes {count} items, not {actual}',
    notStringOrList: '{fn} takes a string or a list of {count} items',
    joinList: 'the second argument of Fn::Join must be a list',
  },
  check({ template, report }) {
    for (const use of template.intrinsics()) {
      const shape = INTRINSIC_FUNCTIONS[use.fn];
      if (!shape || shape.kind === 'any') continue;
      const at = joinPointer(use.pointer, use.fn);
      const args = use.args;
      const isFunction =
        isMapping(args) && Object.keys(args).length === 1 && /^(Ref|Fn::)/.test(Object.keys(args)[0]);
      if (shape.kind === 'string') {
        if (typeof args !== 'string') report(at, 'notString', { fn: use.fn });
        continue;
      }
      if (isFunction) continue; // a function that yields the list
      if (shape.kind === 'string-or-list' && typeof args === 'string') continue;
      if (shape.kind === 'list-or-mapping' && isMapping(args)) continue;
      if (!Array.isArray(args)) {
        report(at, shape.kind === 'string-or-list' ? 'notStringOrList' : 'notList', {
          fn: use.fn,
          count: count(shape.min, shape.max),
        });
      } else if (args.length < shape.min || args.length > shape.max) {
        report(at, 'wrongLength', { fn: use.fn, count: count(shape.min, shape.max), actual: args.length });
      } else if (use.fn === 'Fn::Join' && !Array.isArray(args[1]) && !isMapping(args[1])) {
        report(joinPointer(at, 1), 'joinList');
      }
    }
  },
});
