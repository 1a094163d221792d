import { execFileSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import { parseCommandLine, UsageError } from '../cli/args';
import type { ExitCode, Io } from '../cli/io';
import { credentialsFromEnv } from '../sdk/credentials';
import { INPUT_LIMITS } from '../lint/input/limits';
import { readTemplateArgument } from '../lint/input/read-file';
import { isMapping } from '../template/model';
import { parseTemplate } from '../template/parse';
import { ParameterError, parseParameterArgs } from '../template/parameters';
import { TemplateError } from './stack-plan';
import { computePlan } from './compute';
import { formatPlan, type PlanFormat, PLAN_FORMATS, parseFailOn, planFails } from './format';
import { createCallers, planEndpoints } from './live/callers';
import { RD_ACCESS_ROLE, readLiveView } from './live/reader';
import type { StackSide } from './model';
import { resolveStackSide } from './resolve';

export const PLAN_USAGE = `Usage: ros-sso plan NEW [--old OLD | --since REV] [options]
       ros-sso plan --delete OLD [options]

What a stack change will do to the RAM users of the target accounts, read from the live directory
with list/get calls only: per resource create/update/replace/delete/none, per CloudSSO user the
RAM user created, created renamed (<name>_sso), taken over, deleted or kept, and the roles that
trust a removed OIDC client ID. What could not be read is listed, never guessed silently.

Options:
      --old <file>              the template the stack has now (default: none, a new stack)
      --since <rev>             the stack's template is NEW as of this git revision
      --delete <file>           plan deleting a stack that has this template
  -p, --parameter <key=value>   a parameter value for both templates (repeatable)
      --directory-id <id>       the DirectoryId parameter, when not given with -p
      --stack <name>            the stack name (ALIYUN::StackName; default planned-stack)
      --region <id>             CloudSSO and STS region (default cn-shanghai)
      --member-role <name>      role to assume in each target account (default ${RD_ACCESS_ROLE})
      --replacement             the update enables replacement (ROS ReplacementOption)
  -f, --format <fmt>            text, json or markdown (a pull-request comment; default text)
      --fail-on <effects>       exit 1 when the plan has delete and/or take-over (comma-separated)
  -h, --help                    show this help

Credentials: ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN
(a RAM user or role: STS refuses AssumeRole to root keys). Least privilege: templates/plan-*.json.
Exit codes: 0 planned, 1 --fail-on matched, 2 usage or template error.
`;

const OPTIONS = {
  old: { type: 'string' },
  since: { type: 'string' },
  delete: { type: 'string' },
  parameter: { type: 'string', multiple: true, short: 'p' },
  'directory-id': { type: 'string' },
  stack: { type: 'string' },
  region: { type: 'string' },
  'member-role': { type: 'string' },
  replacement: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = 'ros-sso plan --help';
const usage = (message: string) => new UsageError(message, HELP);

function readTemplate(io: Io, file: string): string {
  const read = readTemplateArgument(io.cwd, file);
  if (!read.ok) throw usage(read.message);
  return read.text;
}

/** NEW as of REV (`git show REV:./path`); undefined when the file did not exist there (a new stack). */
function templateAtRevision(io: Io, file: string, rev: string): string | undefined {
  if (rev === '' || rev.startsWith('-')) throw usage(`--since: ${JSON.stringify(rev)} is not a revision`);
  const path = resolve(io.cwd, file);
  const cwd = dirname(path);
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd, stdio: 'pipe' });
  } catch {
    throw usage(`--since: unknown revision ${rev} (or ${cwd} is not in a git repository)`);
  }
  try {
    return execFileSync('git', ['show', `${rev}:./${relative(cwd, path)}`], {
      cwd,
      stdio: 'pipe',
      maxBuffer: INPUT_LIMITS.template * 4,
    }).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Whether the template declares parameter `name` (so `--directory-id` can supply it). */
function declares(file: string, text: string, name: string): boolean {
  const parsed = parseTemplate(file, text);
  const parameters =
    parsed.ok && isMapping(parsed.template.value.Parameters) ? parsed.template.value.Parameters : {};
  return Object.hasOwn(parameters, name);
}

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  try {
    return await run(argv.slice(1), io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof TemplateError || err instanceof ParameterError) {
      const hint = err instanceof UsageError ? ` (see ${err.help})` : '';
      io.stderr(`ros-sso: ${err.message.replace(/\s*[\r\n]+\s*/g, ' ')}${hint}\n`);
      return 2;
    }
    throw err;
  }
}

async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  const { values, positionals } = parseCommandLine(argv, OPTIONS, { help: HELP });
  if (values.help) {
    io.stdout(PLAN_USAGE);
    return 0;
  }
  const format = values.format ?? 'text';
  if (!(PLAN_FORMATS as readonly string[]).includes(format))
    throw usage(`--format takes ${PLAN_FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  const failOn = parseFailOn(values['fail-on']);
  if (typeof failOn === 'string') throw usage(failOn);
  const [file, ...extra] = positionals;
  if (extra.length > 0) throw usage(`one template, not ${positionals.length}`);
  if (
    values.delete !== undefined
      ? file !== undefined || values.old !== undefined || values.since !== undefined
      : file === undefined
  )
    throw usage('usage: ros-sso plan NEW [--old OLD | --since REV] | ros-sso plan --delete OLD');
  if (values.old !== undefined && values.since !== undefined)
    throw usage('--old and --since exclude each other');
  const region = values.region ?? 'cn-shanghai';
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) throw usage(`--region ${region}: not a region ID`);
  const memberRole = values['member-role'] ?? RD_ACCESS_ROLE;
  if (!/^[A-Za-z0-9.-]{1,64}$/.test(memberRole))
    throw usage(`--member-role ${memberRole}: not a RAM role name`);
  let given: Record<string, string>;
  try {
    given = parseParameterArgs(values.parameter ?? []);
  } catch (err) {
    throw usage((err as Error).message);
  }
  const credentials = credentialsFromEnv(io.env);
  if (credentials === undefined)
    throw usage(
      'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (a RAM user or role with templates/plan-readonly-policy.json)',
    );
  let endpoints;
  try {
    endpoints = planEndpoints(io.env, region);
  } catch (err) {
    throw usage((err as Error).message);
  }

  const oldFile = values.delete ?? values.old ?? (values.since !== undefined ? file : undefined);
  const oldText =
    values.since !== undefined && file !== undefined
      ? templateAtRevision(io, file, values.since)
      : oldFile !== undefined
        ? readTemplate(io, oldFile)
        : undefined;
  const newText = file !== undefined ? readTemplate(io, file) : undefined;
  const pseudo = {
    'ALIYUN::StackName': values.stack ?? 'planned-stack',
    'ALIYUN::StackId': 'planned-stack',
    'ALIYUN::Region': region,
    'ALIYUN::AccountId': '',
  };
  const side = (name: string, text: string | undefined): StackSide | undefined => {
    if (text === undefined) return undefined;
    const parameters = { ...given };
    if (
      values['directory-id'] !== undefined &&
      parameters.DirectoryId === undefined &&
      declares(name, text, 'DirectoryId')
    )
      parameters.DirectoryId = values['directory-id'];
    return resolveStackSide({ file: name, text, parameters, pseudo });
  };
  const before = side(oldFile ?? `${values.since}:${file}`, oldText);
  const after = side(file ?? '', newText);
  const callers = createCallers(endpoints, credentials);
  const view = await readLiveView([before, after], callers, memberRole);
  const plan = computePlan(
    {
      replacement: Boolean(values.replacement),
      ...(before ? { old: before } : {}),
      ...(after ? { new: after } : {}),
    },
    view,
  );
  io.stdout(formatPlan(plan, format as PlanFormat));
  return planFails(plan, failOn) ? 1 : 0;
}
