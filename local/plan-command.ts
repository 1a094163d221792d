import { relative, resolve } from 'node:path';
import type { Io } from '../cli/io';
import { formatPlan, type PlanFormat, PLAN_FORMATS, parseFailOn, planFails } from '../plan/format';
import type { PlanResult } from '../plan/model';
import {
  ensureEmulatorState,
  LocalUsageError,
  parse,
  readTemplateArg,
  STATE_OPTIONS,
  workspaceFor,
} from './commands';
import { ParameterError, parseParameterArgs } from '../template/parameters';
import { accountNamesOf, planLocalOperation } from './plan-operation';
import { TemplateError } from '../plan/stack-plan';
import type { StackInput } from './stack-runner';

/** `local plan NEW --stack NAME [-p K=V …]` and `local plan --delete NAME`. */
export async function runLocalPlan(argv: readonly string[], io: Io): Promise<0 | 1> {
  const { values, positionals } = parse('plan', argv, {
    ...STATE_OPTIONS,
    stack: { type: 'string' },
    delete: { type: 'string' },
    parameter: { type: 'string', multiple: true, short: 'p' },
    replacement: { type: 'boolean' },
    format: { type: 'string', short: 'f' },
    'fail-on': { type: 'string' },
  });
  const format = (values.format as string | undefined) ?? 'text';
  if (!(PLAN_FORMATS as readonly string[]).includes(format))
    throw new LocalUsageError(`--format takes ${PLAN_FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  const failOn = parseFailOn(values['fail-on'] as string | undefined);
  if (typeof failOn === 'string') throw new LocalUsageError(failOn);
  const deleting = values.delete as string | undefined;
  const name = deleting ?? (values.stack as string | undefined);
  const file = positionals[0];
  if (!name || (deleting !== undefined ? file !== undefined || values.stack !== undefined : !file))
    throw new LocalUsageError(
      'usage: ros-sso local plan TEMPLATE --stack NAME [-p K=V ...] | ros-sso local plan --delete STACK',
    );
  let given: Record<string, string>;
  try {
    given = parseParameterArgs((values.parameter as string[] | undefined) ?? []);
  } catch (err) {
    throw new LocalUsageError((err as Error).message);
  }
  const workspace = workspaceFor(io, values['state-dir']);
  const state = await ensureEmulatorState(workspace, values.seed as string | undefined);
  const existing = workspace.loadStack(name);
  if (deleting !== undefined && !existing)
    throw new LocalUsageError(`no local stack ${name}; see ros-sso local state`);
  let input: StackInput | undefined;
  if (file !== undefined) {
    input = {
      name,
      templateFile: relative(io.cwd, resolve(io.cwd, file)),
      templateText: readTemplateArg(io, file),
      parameters: { ...(existing?.parameters ?? {}), ...given },
      replacement: Boolean(values.replacement),
    };
  }
  let plan: PlanResult;
  try {
    plan = planLocalOperation(existing, input, state);
  } catch (err) {
    if (err instanceof TemplateError || err instanceof ParameterError) throw new LocalUsageError(err.message);
    throw err;
  }
  io.stdout(formatPlan(plan, format as PlanFormat, accountNamesOf(state)));
  return planFails(plan, failOn) ? 1 : 0;
}
