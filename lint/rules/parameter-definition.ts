import { isMapping } from '../template/model';
import { joinPointer } from '../template/pointer';
import { defineRule } from './rule';
import { suggestion } from './util/did-you-mean';
import { asNumber, PARAMETER_KEYS, PARAMETER_TYPES, STRING_TYPES } from './util/parameter-facts';
import { compilePattern } from '../../schemas/pattern';

const BOUNDS = [
  ['MinLength', 'MaxLength'],
  ['MinValue', 'MaxValue'],
] as const;

export default defineRule({
  id: 'parameter-definition',
  defaultSeverity: 'error',
  description:
    'Each parameter is a mapping with a known Type, known keys, a name of letters and digits, and consistent constraints (numeric bounds, min ≤ max, a list of AllowedValues, a valid AllowedPattern on a string type).',
  messages: {
    notMapping: 'parameter {name} must be a mapping with at least a Type',
    badName: 'parameter name {name} may contain only letters and digits',
    missingType: 'parameter {name} has no Type; use one of {types}',
    badType: 'parameter {name} has unknown Type {type}{hint}',
    unknownKey: 'unknown parameter key {key}{hint}',
    notNumber: '{key} must be a number, not {value}',
    negative: '{key} must not be negative',
    minAboveMax: '{min} ({minValue}) is greater than {max} ({maxValue}); no value can satisfy both',
    notList: 'AllowedValues must be a list',
    emptyList: 'AllowedValues is empty; no value can be chosen',
    patternOnNonString: 'AllowedPattern applies only to String and CommaDelimitedList parameters, not {type}',
    badPattern: 'AllowedPattern {pattern} is not a valid regular expression; it is not checked',
  },
  check({ template, report }) {
    for (const [name, param] of template.parameters) {
      const base = joinPointer('/Parameters', name);
      if (!/^[A-Za-z0-9]+$/.test(name)) report(base, 'badName', { name }, { blame: 'key' });
      if (!isMapping(param)) {
        report(base, 'notMapping', { name });
        continue;
      }
      if (param.Type === undefined)
        report(base, 'missingType', { name, types: PARAMETER_TYPES.join(', ') }, { blame: 'key' });
      else if (typeof param.Type !== 'string' || !PARAMETER_TYPES.includes(param.Type)) {
        const type = String(param.Type);
        report(joinPointer(base, 'Type'), 'badType', { name, type, hint: suggestion(type, PARAMETER_TYPES) });
      }
      for (const key of Object.keys(param)) {
        if (!PARAMETER_KEYS.includes(key))
          report(
            joinPointer(base, key),
            'unknownKey',
            { key, hint: suggestion(key, PARAMETER_KEYS) },
            { blame: 'key' },
          );
      }
      for (const [min, max] of BOUNDS) {
        const values: Array<number | undefined> = [];
        for (const key of [min, max]) {
          const raw = param[key];
          const n = raw === undefined ? undefined : asNumber(raw);
          if (raw !== undefined && n === undefined)
            report(joinPointer(base, key), 'notNumber', { key, value: JSON.stringify(raw) });
          else if (n !== undefined && n < 0 && key.endsWith('Length'))
            report(joinPointer(base, key), 'negative', { key });
          values.push(n);
        }
        const [lo, hi] = values;
        if (lo !== undefined && hi !== undefined && lo > hi) {
          report(joinPointer(base, min), 'minAboveMax', { min, max, minValue: lo, maxValue: hi });
        }
      }
      if (param.AllowedValues !== undefined) {
        if (!Array.isArray(param.AllowedValues)) report(joinPointer(base, 'AllowedValues'), 'notList');
        else if (param.AllowedValues.length === 0) report(joinPointer(base, 'AllowedValues'), 'emptyList');
      }
      if (param.AllowedPattern !== undefined) {
        const at = joinPointer(base, 'AllowedPattern');
        if (typeof param.Type === 'string' && !STRING_TYPES.has(param.Type))
          report(at, 'patternOnNonString', { type: param.Type });
        else if (typeof param.AllowedPattern !== 'string' || !compilePattern(param.AllowedPattern)) {
          report(
            at,
            'badPattern',
            { pattern: JSON.stringify(param.AllowedPattern) },
            { severity: 'warning' },
          );
        }
      }
    }
  },
});
