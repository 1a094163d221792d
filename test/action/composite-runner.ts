import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { tempDir } from '../support/temp';

/** The parts of a composite action's step this runner understands. */
export interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number | boolean>;
}

export interface CompositeAction {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface StepResult {
  step: Step;
  /** `skipped` when its `if:` was false or an earlier step failed; `used` for an action step. */
  status: 'ran' | 'skipped' | 'used';
  code?: number | null;
  stdout?: string;
  stderr?: string;
  /** For `uses:` steps: its `with:` after substitution. */
  with?: Record<string, string>;
}

export interface CompositeRun {
  steps: StepResult[];
  outputs: Record<string, string>;
  /** Exit code of the first failing step, else 0: what the job step that used the action shows. */
  code: number;
}

export const readYaml = <T>(path: string): T => load(readFileSync(path, 'utf8')) as T;

interface Contexts {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  github: Record<string, string>;
}

/** The value of a context path such as `inputs.fail-on` or `steps.lint.outputs.exit-code`. */
function lookup(path: string, contexts: Contexts): string {
  const [head, ...rest] = path.trim().split('.');
  let value: unknown = contexts[head as keyof Contexts];
  for (const key of rest) value = (value as Record<string, unknown> | undefined)?.[key];
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** `${{ … }}` replaced as the runner does for the expression forms this action uses (a context path). */
export function substitute(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => lookup(expr, contexts));
}

/**
 * An `if:` of the forms the action uses: comparisons `path == 'literal'` or `path != ''` joined
 * by `&&`. Anything else throws, so the test never silently guesses an expression.
 */
function condition(expr: string, contexts: Contexts): boolean {
  return expr.split('&&').every((part) => {
    const m = /^\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*$/.exec(part);
    if (!m) throw new Error(`unsupported if: ${expr}`);
    const equal = lookup(m[1], contexts) === m[3];
    return m[2] === '==' ? equal : !equal;
  });
}

function parseOutputFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/**
 * Runs a composite action's `run:` steps as a GitHub runner would: bash with
 * `--noprofile --norc -eo pipefail`, `GITHUB_WORKSPACE`, `GITHUB_ACTION_PATH`, a fresh
 * `GITHUB_OUTPUT` per step, inputs from `with` over the declared defaults. `uses:` steps are not
 * run (they need GitHub); they are recorded with their substituted `with:` for the test to check.
 */
export function runComposite(
  action: CompositeAction,
  options: {
    actionPath: string;
    workspace: string;
    with?: Record<string, string>;
    env?: Record<string, string>;
  },
): CompositeRun {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = spec.default ?? '';
  Object.assign(inputs, options.with);
  const contexts: Contexts = { inputs, steps: {}, github: { workspace: options.workspace } };
  const scratch = tempDir('ros-sso-runner-');
  const results: StepResult[] = [];
  let code = 0;
  action.runs.steps.forEach((step, index) => {
    if (code !== 0 || (step.if !== undefined && !condition(step.if, contexts))) {
      results.push({ step, status: 'skipped' });
      return;
    }
    if (step.uses) {
      const given = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), contexts)]),
      );
      results.push({ step, status: 'used', with: given });
      return;
    }
    if (step.shell !== 'bash') throw new Error(`step ${step.name}: only shell: bash is supported`);
    const script = join(scratch, `step-${index}.sh`);
    writeFileSync(script, step.run ?? '');
    const outputFile = join(scratch, `output-${index}`);
    writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? scratch,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: options.actionPath,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: scratch,
      ...options.env,
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(String(v), contexts);
    const cwd = step['working-directory']
      ? substitute(step['working-directory'], contexts)
      : options.workspace;
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (step.id) contexts.steps[step.id] = { outputs: parseOutputFile(outputFile) };
    results.push({ step, status: 'ran', code: r.status, stdout: r.stdout, stderr: r.stderr });
    if (r.status !== 0) code = r.status ?? 1;
  });
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, spec]) => [name, substitute(spec.value, contexts)]),
  );
  return { steps: results, outputs, code };
}
