import { computePlan } from '../plan/compute';
import { formatPlan } from '../plan/format';
import type { PlanInput, PlanResult, StackSide } from '../plan/model';
import { resolveStackSide } from '../plan/resolve';
import type { StateSnapshot } from './emulator/state';
import { ParameterError } from '../template/parameters';
import { emulatorDirectoryView } from './plan-view';
import { LOCAL_REGION } from './session';
import { TemplateError } from '../plan/stack-plan';
import type { StackRecord } from './stack-record';
import type { StackInput } from './stack-runner';

/** The stack as recorded, in the order the runner created it (its deletes go last first). */
function oldSide(record: StackRecord): StackSide & { stackId: string } {
  const nodes = (record.template.Resources ?? {}) as Record<string, { DeletionPolicy?: unknown }>;
  return {
    stackId: record.id,
    resources: Object.entries(record.resources).map(([logicalId, r]) => ({
      logicalId,
      type: r.type,
      properties: r.properties,
      physicalId: r.physicalId,
      ...(typeof nodes[logicalId]?.DeletionPolicy === 'string'
        ? { deletionPolicy: String(nodes[logicalId].DeletionPolicy) }
        : {}),
    })),
  };
}

/** The plan of a local stack operation against the emulator's state (no call, no write). */
export function planLocalOperation(
  existing: StackRecord | undefined,
  input: StackInput | undefined,
  state: StateSnapshot,
): PlanResult {
  const planInput: PlanInput = {
    replacement: Boolean(input?.replacement),
    providerAccountId: state.managementAccountId,
    ...(existing ? { old: oldSide(existing) } : {}),
  };
  if (input !== undefined) {
    planInput.new = resolveStackSide({
      file: input.templateFile,
      text: input.templateText,
      parameters: input.parameters,
      pseudo: {
        'ALIYUN::StackName': input.name,
        'ALIYUN::StackId': existing?.id ?? 'planned-stack',
        'ALIYUN::Region': LOCAL_REGION,
        'ALIYUN::AccountId': state.managementAccountId,
      },
      resource: (id) => existing?.resources[id],
    });
  }
  return computePlan(planInput, emulatorDirectoryView(state));
}

export const accountNamesOf = (state: StateSnapshot): Record<string, string> =>
  Object.fromEntries(state.accounts.map((a) => [a.accountId, a.displayName]));

/** Printed before `local deploy|update|delete` runs, on a terminal only. */
export function planPreamble(
  existing: StackRecord | undefined,
  input: StackInput | undefined,
  state: StateSnapshot,
): string {
  try {
    return formatPlan(planLocalOperation(existing, input, state), 'text', accountNamesOf(state));
  } catch (err) {
    // The runner reports a template it cannot apply; the plan has nothing to add.
    if (err instanceof TemplateError || err instanceof ParameterError) return '';
    throw err;
  }
}
