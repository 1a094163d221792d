import { isMapping, type Mapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import { defineRule, type RuleContext } from './rule';
import { suggestion } from './util/did-you-mean';
import {
  asNumber,
  PARAMETER_KEYS,
  PARAMETER_NAME,
  PARAMETER_TYPES,
  STRING_TYPES,
} from './util/parameter-facts';
import { patternVerdict } from '../../schemas/pattern';
import { describeValue } from '../update/values';

const BOUNDS = [
  ['MinLength', 'MaxLength'],
  ['MinValue', 'MaxValue'],
] as const;

type Messages =
  | 'notMapping'
  | 'badName'
  | 'misplacedKeys'
  | 'missingType'
  | 'badType'
  | 'unknownKey'
  | 'notNumber'
  | 'negative'
  | 'minAboveMax'
  | 'notList'
  | 'emptyList'
  | 'patternOnNonString'
  | 'badPattern'
  | 'uncheckedPattern';

/** A parameter-level entry that is really a key of the parameter above it, mis-indented. */
function looksMisplaced(name: string, param: unknown): boolean {
  return PARAMETER_KEYS.includes(name) && !(isMapping(param) && 'Type' in param);
}

/**
 * Runs of mis-indented keys (each with the parameter above the run, if any), keyed by the run's first
 * name: one finding per run, not one per key and per child key.
 */
function misplacedRuns(
  parameters: ReadonlyMap<string, unknown>,
): Map<string, { keys: string[]; owner?: string }> {
  const runs = new Map<string, { keys: string[]; owner?: string }>();
  let current: { keys: string[]; owner?: string } | undefined;
  let previous: string | undefined;
  for (const [name, param] of parameters) {
    if (!looksMisplaced(name, param)) {
      current = undefined;
      previous = name;
      continue;
    }
    if (!current) runs.set(name, (current = { keys: [], owner: previous }));
    current.keys.push(name);
  }
  return runs;
}

function checkBounds(param: Mapping, base: string, report: RuleContext<Messages>['report']): void {
  for (const [min, max] of BOUNDS) {
    const values: Array<number | undefined> = [];
    for (const key of [min, max]) {
      const raw = param[key];
      const n = raw === undefined || raw === null ? undefined : asNumber(raw);
      if (raw !== undefined && raw !== null && n === undefined)
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
}

export default defineRule({
  id: 'parameter-definition',
  defaultSeverity: 'error',
  description:
    'Each parameter is a mapping with a known Type and a name of letters, digits, _ and -, with consistent constraints (numeric bounds, min ≤ max, a list of AllowedValues, a valid AllowedPattern on a string type); a key ROS does not document is a warning, since the console adds new ones. Patterns run in linear time (RE2); one that needs lookarounds or backreferences is an info, not checked.',
  messages: {
    notMapping: 'parameter {name} must be a mapping with at least a Type',
    badName: 'parameter name {name} may contain only letters, digits, _ and -',
    misplacedKeys:
      '{keys} {verb} keys of a parameter, not parameters: indent {them} under {owner} (each key of a parameter sits one level below its name)',
    missingType: 'parameter {name} has no Type; use one of {types}',
    badType: 'parameter {name} has unknown Type {type}{hint}',
    unknownKey: 'parameter key {key} is not one ROS documents{hint}',
    notNumber: '{key} must be a number, not {value}',
    negative: '{key} must not be negative',
    minAboveMax: '{min} ({minValue}) is greater than {max} ({maxValue}); no value can satisfy both',
    notList: 'AllowedValues must be a list',
    emptyList: 'AllowedValues is empty; no value can be chosen',
    patternOnNonString: 'AllowedPattern applies only to String and CommaDelimitedList parameters, not {type}',
    badPattern: 'AllowedPattern {pattern} is not a valid regular expression; it is not checked',
    uncheckedPattern:
      'AllowedPattern {pattern} is not checked: it needs a backtracking engine ({reason}), and ros-sso matches patterns only in linear time',
  },
  check({ template, report }) {
    const runs = misplacedRuns(template.parameters);
    const misplaced = new Set([...runs.values()].flatMap((r) => r.keys));
    for (const [first, run] of runs) {
      const many = run.keys.length > 1;
      report(
        joinPointer('/Parameters', first),
        'misplacedKeys',
        {
          keys: run.keys.join(', '),
          verb: many ? 'are' : 'is',
          them: many ? 'them' : 'it',
          owner: run.owner ?? 'the parameter they belong to',
        },
        { blame: 'key' },
      );
    }
    for (const [name, param] of template.parameters) {
      if (misplaced.has(name)) continue;
      const base = joinPointer('/Parameters', name);
      if (!PARAMETER_NAME.test(name)) report(base, 'badName', { name }, { blame: 'key' });
      if (!isMapping(param)) {
        report(base, 'notMapping', { name });
        continue;
      }
      if (param.Type === undefined) {
        // Without a Type, its keys are likely not a parameter's at all: one finding, not one per key.
        report(base, 'missingType', { name, types: PARAMETER_TYPES.join(', ') }, { blame: 'key' });
        continue;
      }
      if (typeof param.Type !== 'string')
        report(joinPointer(base, 'Type'), 'badType', { name, type: describeValue(param.Type), hint: '' });
      else if (!PARAMETER_TYPES.includes(param.Type)) {
        const type = param.Type;
        report(joinPointer(base, 'Type'), 'badType', { name, type, hint: suggestion(type, PARAMETER_TYPES) });
      }
      for (const key of Object.keys(param)) {
        if (!PARAMETER_KEYS.includes(key))
          report(
            joinPointer(base, key),
            'unknownKey',
            { key, hint: suggestion(key, PARAMETER_KEYS) },
            { blame: 'key', severity: 'warning' },
          );
      }
      checkBounds(param, base, report);
      if (param.AllowedValues !== undefined && param.AllowedValues !== null) {
        if (!Array.isArray(param.AllowedValues)) report(joinPointer(base, 'AllowedValues'), 'notList');
        else if (param.AllowedValues.length === 0) report(joinPointer(base, 'AllowedValues'), 'emptyList');
      }
      if (param.AllowedPattern !== undefined && param.AllowedPattern !== null) {
        const at = joinPointer(base, 'AllowedPattern');
        if (typeof param.Type === 'string' && !STRING_TYPES.has(param.Type))
          report(at, 'patternOnNonString', { type: param.Type });
        else {
          const verdict =
            typeof param.AllowedPattern === 'string' ? patternVerdict(param.AllowedPattern) : undefined;
          const pattern = JSON.stringify(param.AllowedPattern);
          if (verdict?.kind === 'unchecked')
            report(at, 'uncheckedPattern', { pattern, reason: verdict.reason }, { severity: 'info' });
          else if (verdict?.kind !== 'checked')
            report(at, 'badPattern', { pattern }, { severity: 'warning' });
        }
      }
    }
  },
});
