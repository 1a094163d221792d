import { lineColumnAt, lineStartsOf } from '../finding';
import type { TemplateModel } from '../../template/model';
import { type FactsLookup, updateFacts } from './facts';
import { type Certainty, type Effect, parameterReaches, type Reach } from './flow';

/**
 * The lists of ROS ValidateTemplate `UpdateInfo` (SDK model `ValidateTemplateResponseBodyUpdateInfo`)
 * that static facts can fill, from the most to the least blocking; each parameter is in exactly one.
 * Native types are assumed to be updated with replacement enabled (ROS's `EnableReplacement`
 * option). The `…CauseInterruptionIfModified` lists are left out: the catalogue has no facts
 * about interruptions, and an empty list would claim there are none.
 */
export const UPDATE_INFO_LISTS = [
  'ParametersNotAllowedToBeModified',
  'ParametersCauseReplacementIfModified',
  'ParametersConditionallyAllowedToBeModified',
  'ParametersConditionallyCauseReplacementIfModified',
  'ParametersUncertainlyAllowedToBeModified',
  'ParametersUncertainlyCauseReplacementIfModified',
  'ParametersAllowedToBeModified',
] as const;

export type UpdateInfoList = (typeof UPDATE_INFO_LISTS)[number];

/** Which list one reach puts its parameter in. */
function listOf(effect: Effect, certainty: Certainty): UpdateInfoList {
  if (effect === 'unknown') return 'ParametersUncertainlyAllowedToBeModified';
  // A flipped Condition or Count deletes or creates resources: the closest ROS notion is
  // replacement, and whether it happens depends on the new value.
  if (effect === 'exists') return 'ParametersConditionallyCauseReplacementIfModified';
  const refused = effect === 'refuse';
  if (certainty === 'definite')
    return refused ? 'ParametersNotAllowedToBeModified' : 'ParametersCauseReplacementIfModified';
  if (certainty === 'conditional')
    return refused
      ? 'ParametersConditionallyAllowedToBeModified'
      : 'ParametersConditionallyCauseReplacementIfModified';
  return refused
    ? 'ParametersUncertainlyAllowedToBeModified'
    : 'ParametersUncertainlyCauseReplacementIfModified';
}

export interface ReachReport {
  /** `Resources.X.Properties.TargetId`. */
  property: string;
  path: string;
  line: number;
  column: number;
  effect: Effect;
  certainty: Certainty;
  via: string[];
}

export interface ParameterReport {
  list: UpdateInfoList;
  reaches: ReachReport[];
}

export interface UpdateInfoReport {
  file: string;
  UpdateInfo: Record<UpdateInfoList, string[]>;
  Parameters: Record<string, ParameterReport>;
}

/** Which parameters a stack of this template can change, and why the others cannot. */
export function updateInfo(model: TemplateModel, factsOf: FactsLookup = updateFacts): UpdateInfoReport {
  const lineStarts = lineStartsOf(model.parsed.text);
  const byParameter = new Map<string, Reach[]>();
  for (const reach of parameterReaches(model, factsOf)) {
    byParameter.set(reach.parameter, [...(byParameter.get(reach.parameter) ?? []), reach]);
  }
  const lists = Object.fromEntries(UPDATE_INFO_LISTS.map((l) => [l, [] as string[]])) as Record<
    UpdateInfoList,
    string[]
  >;
  // No prototype: a parameter may be named `__proto__`.
  const parameters: Record<string, ParameterReport> = Object.create(null);
  for (const name of model.parameters.keys()) {
    const reaches = byParameter.get(name) ?? [];
    const list = reaches
      .map((r) => listOf(r.effect, r.certainty))
      .reduce<UpdateInfoList>(
        (worst, l) => (UPDATE_INFO_LISTS.indexOf(l) < UPDATE_INFO_LISTS.indexOf(worst) ? l : worst),
        'ParametersAllowedToBeModified',
      );
    lists[list].push(name);
    parameters[name] = {
      list,
      reaches: reaches.map((r) => {
        const { line, column } = lineColumnAt(lineStarts, model.parsed.rangeOf(r.pointer).start);
        return {
          property: r.target,
          path: r.pointer,
          line,
          column,
          effect: r.effect,
          certainty: r.certainty,
          via: r.via,
        };
      }),
    };
  }
  return { file: model.parsed.file, UpdateInfo: lists, Parameters: parameters };
}

const HEADINGS: Record<UpdateInfoList, string> = {
  ParametersNotAllowedToBeModified: 'the provider of a custom resource refuses the update',
  ParametersCauseReplacementIfModified:
    'the update fails unless it enables replacement, which deletes and recreates the resource',
  ParametersConditionallyAllowedToBeModified: 'refused by a provider when a Condition selects that use',
  ParametersConditionallyCauseReplacementIfModified:
    'replacement, or a resource deleted or created, depending on Conditions or the new value',
  ParametersUncertainlyAllowedToBeModified:
    'reaches a resource with no update facts, or an expression around a property a provider refuses to change',
  ParametersUncertainlyCauseReplacementIfModified:
    'reaches an expression around a property that needs replacement; it may or may not change it',
  ParametersAllowedToBeModified: 'updated in place',
};

const EFFECT_WORDS: Record<Effect, string> = {
  replace: 'needs replacement',
  refuse: 'refused',
  exists: 'deletes or creates',
  unknown: 'no update facts',
};

/** The report as text: one section per non-empty list, each blocked parameter with what it reaches. */
export function renderUpdateInfoText(report: UpdateInfoReport): string {
  const lines: string[] = [];
  for (const list of UPDATE_INFO_LISTS) {
    const names = report.UpdateInfo[list];
    if (names.length === 0) continue;
    lines.push(`${list} (${HEADINGS[list]}):`);
    if (list === 'ParametersAllowedToBeModified') {
      lines.push(`  ${names.join(', ')}`);
      continue;
    }
    for (const name of names) {
      lines.push(`  ${name}`);
      for (const r of report.Parameters[name].reaches) {
        const how = [EFFECT_WORDS[r.effect], r.certainty === 'definite' ? '' : r.certainty]
          .filter(Boolean)
          .join(', ');
        const via = r.via.length ? ` via ${r.via.join(' > ')}` : '';
        lines.push(`    ${report.file}:${r.line}:${r.column}  ${r.property}  (${how})${via}`);
      }
    }
  }
  if (lines.length === 0) lines.push('no parameters');
  return `${lines.join('\n')}\n`;
}

export function renderUpdateInfoJson(report: UpdateInfoReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
