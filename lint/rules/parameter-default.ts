import { quote } from '../../schemas/validate';
import { rosEquals } from '../../template/conditions';
import { isMapping, type Mapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule } from './rule';
import { asNumber } from './util/parameter-facts';
import { compilePattern } from '../../schemas/pattern';

type Problem = {
  id: 'notAllowed' | 'pattern' | 'length' | 'range' | 'type';
  data: Record<string, string | number>;
};

/** What is wrong with a value under a parameter's own constraints, if anything. */
function problemsWith(value: unknown, param: Mapping, checkAllowed: boolean): Problem[] {
  const out: Problem[] = [];
  const shown = quote(value);
  if (param.Type === 'Number' && asNumber(value) === undefined)
    out.push({ id: 'type', data: { value: shown, type: 'Number' } });
  if (param.Type === 'Boolean' && !['true', 'false'].includes(String(value).toLowerCase())) {
    out.push({ id: 'type', data: { value: shown, type: 'Boolean' } });
  }
  if (
    checkAllowed &&
    Array.isArray(param.AllowedValues) &&
    !param.AllowedValues.some((a) => rosEquals(a, value))
  ) {
    out.push({
      id: 'notAllowed',
      data: { value: shown, allowed: param.AllowedValues.map(quote).join(', ') },
    });
  }
  if (typeof value !== 'object' || value === null) {
    const text = String(value);
    const re = typeof param.AllowedPattern === 'string' ? compilePattern(param.AllowedPattern) : undefined;
    if (re && !re.test(text))
      out.push({ id: 'pattern', data: { value: shown, pattern: String(param.AllowedPattern) } });
    const min = asNumber(param.MinLength);
    const max = asNumber(param.MaxLength);
    if ((min !== undefined && text.length < min) || (max !== undefined && text.length > max)) {
      out.push({ id: 'length', data: { value: shown, min: min ?? 0, max: max ?? '∞' } });
    }
    const n = asNumber(value);
    const lo = asNumber(param.MinValue);
    const hi = asNumber(param.MaxValue);
    if (n !== undefined && ((lo !== undefined && n < lo) || (hi !== undefined && n > hi))) {
      out.push({ id: 'range', data: { value: shown, min: lo ?? '-∞', max: hi ?? '∞' } });
    }
  }
  return out;
}

export default defineRule({
  id: 'parameter-default',
  defaultSeverity: 'error',
  description:
    "A parameter's Default and each of its AllowedValues must satisfy the parameter's own Type, AllowedValues, AllowedPattern, length and value bounds; booleans compare in any letter case. An empty (null) AllowedValues entry is a warning, unless the Default is null too (a deliberate empty choice).",
  messages: {
    notAllowed: '{value} is not among the parameter AllowedValues ({allowed})',
    pattern: '{value} does not match the parameter AllowedPattern {pattern}',
    length: '{value} is outside the parameter length bounds {min}..{max}',
    range: '{value} is outside the parameter value bounds {min}..{max}',
    type: '{value} is not a valid {type}',
    nullAllowed:
      'this AllowedValues entry is empty (null); whether ROS offers it as an empty value is not documented, write an explicit value',
  },
  check({ template, report }) {
    for (const [name, param] of template.parameters) {
      if (!isMapping(param)) continue;
      const base = joinPointer('/Parameters', name);
      if (param.Default !== undefined && param.Default !== null && param.Type !== 'Json') {
        // A CommaDelimitedList Default is a comma-separated string or a YAML list; each item is
        // checked against AllowedValues, as ROS checks a list value item by item.
        const items =
          param.Type !== 'CommaDelimitedList'
            ? [param.Default]
            : typeof param.Default === 'string'
              ? param.Default.split(',')
              : Array.isArray(param.Default)
                ? (param.Default as unknown[])
                : [param.Default];
        const whole = problemsWith(param.Default, param, false);
        const perItem = items.flatMap((item) =>
          problemsWith(item, param, true).filter((p) => p.id === 'notAllowed'),
        );
        // A CommaDelimitedList default may list allowed values, or be one allowed value itself.
        const allowedWhole = problemsWith(param.Default, param, true).every((p) => p.id !== 'notAllowed');
        for (const p of [...whole, ...(allowedWhole ? [] : perItem.slice(0, 1))])
          report(joinPointer(base, 'Default'), p.id, p.data);
      }
      if (Array.isArray(param.AllowedValues)) {
        param.AllowedValues.forEach((value, i) => {
          if (value === null) {
            // With `Default: null` too, the empty entry is the deliberate "leave it unset" choice.
            if (param.Default !== null)
              report(joinPointer(base, 'AllowedValues', i), 'nullAllowed', {}, { severity: 'warning' });
            return;
          }
          for (const p of problemsWith(value, param, false))
            report(joinPointer(base, 'AllowedValues', i), p.id, p.data);
        });
      }
    }
  },
});
