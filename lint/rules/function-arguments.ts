import { type ArgShape, INTRINSIC_FUNCTIONS, looksLikeFunction } from '../../template/intrinsics';
import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';

/** What Fn::ResourceFacade may read from the module resource (ROS runtime registry, iac-code). */
const FACADE_KEYS = ['Metadata', 'DeletionPolicy', 'UpdatePolicy'];

function count(min: number, max: number): string {
  if (max === Infinity) return min === 0 ? 'any number of' : `at least ${min}`;
  return min === max ? `${min}` : `${min} to ${max}`;
}

/** `a list of 2 items`, `a string or a list of 1 to 2 items`, … */
function expected(shape: ArgShape): string {
  const forms: string[] = [];
  if (shape.string) forms.push('a string');
  if (shape.mapping) forms.push('a mapping');
  if (shape.list) forms.push(`a list of ${count(shape.list.min, shape.list.max)} items`);
  return forms.length > 1 ? `${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}` : forms[0];
}

export default defineRule({
  id: 'function-arguments',
  defaultSeverity: 'error',
  description:
    'Each runtime function gets arguments of its shape: Fn::Join [delimiter, list], Fn::If [condition, then, else], Fn::Select [index, list, default, error message] with the last two optional, Fn::GetAtt [resource, attribute], and so on.',
  messages: {
    notString: '{fn} takes a string',
    notList: '{fn} takes {expected}',
    wrongLength: '{fn} takes {count} items, not {actual}',
    joinList: 'the second argument of Fn::Join must be a list',
    selectMessage:
      'the fourth item of Fn::Select is the error raised when nothing is selected: a string, or null for none',
    facadeKey: 'Fn::ResourceFacade reads {keys} of the module resource, not {value}',
  },
  check({ template, report }) {
    for (const use of template.intrinsics()) {
      const shape = INTRINSIC_FUNCTIONS[use.fn];
      if (!shape || shape.any) continue;
      const at = joinPointer(use.pointer, use.fn);
      const args = use.args;
      if (!shape.list) {
        if (typeof args !== 'string') report(at, 'notString', { fn: use.fn });
        else if (use.fn === 'Fn::ResourceFacade' && !FACADE_KEYS.includes(args))
          report(at, 'facadeKey', { keys: FACADE_KEYS.join(', '), value: JSON.stringify(args) });
        continue;
      }
      if (looksLikeFunction(args)) continue; // a function that yields the arguments
      if (shape.string && typeof args === 'string') continue;
      if (shape.mapping && isMapping(args)) continue;
      const { min, max } = shape.list;
      if (!Array.isArray(args)) report(at, 'notList', { fn: use.fn, expected: expected(shape) });
      else if (args.length < min || args.length > max)
        report(at, 'wrongLength', { fn: use.fn, count: count(min, max), actual: args.length });
      else if (use.fn === 'Fn::Join' && !Array.isArray(args[1]) && !isMapping(args[1]))
        report(joinPointer(at, 1), 'joinList');
      else if (use.fn === 'Fn::Select' && args.length === 4 && !isErrorMessage(args[3]))
        report(joinPointer(at, 3), 'selectMessage');
    }
  },
});

/** Fn::Select's error message: a string, null, or a function that may yield one. */
function isErrorMessage(value: unknown): boolean {
  return value === null || typeof value === 'string' || looksLikeFunction(value);
}
