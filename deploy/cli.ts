import type { ExitCode, Io } from '../cli/io';
import { type RetryPolicy } from '../sdk/retry';
import { CREATE_MEMORY_MB, DEPLOY_USAGE, type DeployArgs, parseDeployArgs, UsageError } from './args';
import { readCodePackage } from './code-package';
import { type DeployPlan, deployFunction } from './deploy';
import { DeployError, explain, FcError } from './errors';
import { createFcApi, type FunctionConfig } from './fc-client';
import {
  failureJson,
  type FailureReport,
  formatSeconds,
  maskingIo,
  stderrProgress,
  successJson,
  successLine,
} from './report';
import { functionArnFor, resolveTarget, type Target } from './target';

/** The function the custom resources call: fixed by the handlers bundle, not by options. */
export const RUNTIME = 'nodejs20';
export const HANDLER = 'index.handler';
const DESCRIPTION = 'ros-sso handlers for Custom::CloudSSOUserProvision and Custom::RAMOIDCClientId';
/** A create needs a timeout: FC's default of 3 s is far below the custom resources' Timeout; 900 s as templates/provider.yaml. */
const CREATE_DEFAULTS = { memorySize: CREATE_MEMORY_MB, timeout: 900 };

/** Timing knobs; tests shorten them, the CLI uses DEFAULT_TUNING. */
export interface Tuning {
  retry: RetryPolicy;
  pollMs: number;
  readyTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const DEFAULT_TUNING: Tuning = {
  // Throttling clears within seconds: ~0.5, 1, 2, 4 s (full jitter), five tries in all.
  retry: { baseMs: 500, capMs: 8000, maxAttempts: 5 },
  pollMs: 1000,
  readyTimeoutMs: 120_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

export function planFor(args: DeployArgs, zip: Buffer): DeployPlan {
  const requested: FunctionConfig = {
    functionName: args.functionName,
    runtime: RUNTIME,
    handler: HANDLER,
    ...(args.role === undefined ? {} : { role: args.role }),
    ...(args.memorySize === undefined ? {} : { memorySize: args.memorySize }),
    ...(args.cpu === undefined ? {} : { cpu: args.cpu }),
    ...(args.timeout === undefined ? {} : { timeout: args.timeout }),
    ...(args.log === undefined ? {} : { logConfig: args.log }),
  };
  return {
    region: args.region,
    functionName: args.functionName,
    // An update leaves what was not asked for as it is (memory tuned in the console survives).
    create: { ...CREATE_DEFAULTS, description: DESCRIPTION, ...requested },
    update: requested,
    zip,
  };
}

function failureOf(err: unknown, args: DeployArgs, target: Target): FailureReport | undefined {
  if (err instanceof FcError) {
    const message = explain(err, {
      region: args.region,
      functionName: args.functionName,
      endpoint: `${target.endpoint.protocol}://${target.endpoint.host}`,
      resourceArn: functionArnFor(target, args.functionName),
    });
    return {
      kind: err.kind,
      message,
      code: err.code,
      ...(err.requestId === '' ? {} : { requestId: err.requestId }),
    };
  }
  if (err instanceof DeployError)
    return {
      kind: err.kind,
      message: err.message,
      ...(err.code === undefined ? {} : { code: err.code }),
      ...(err.requestId === undefined ? {} : { requestId: err.requestId }),
    };
  return undefined;
}

async function deploy(args: DeployArgs, target: Target, io: Io, tuning: Tuning): Promise<ExitCode> {
  const progress = stderrProgress(io);
  const pkg = readCodePackage(args.zip, io.cwd);
  const api = createFcApi({
    target,
    retry: tuning.retry,
    sleep: tuning.sleep,
    onRetry: (err, attempt, delayMs) =>
      progress.note(
        `${err.action}: ${err.code}${err.httpStatus ? ` (HTTP ${err.httpStatus})` : ''}; ` +
          `retrying in ${formatSeconds(delayMs)} (try ${attempt + 1} of ${tuning.retry.maxAttempts})`,
      ),
  });
  const result = await deployFunction(planFor(args, pkg.bytes), {
    api,
    progress,
    now: tuning.now,
    sleep: tuning.sleep,
    pollMs: tuning.pollMs,
    readyTimeoutMs: tuning.readyTimeoutMs,
  });
  const arn = result.function.functionArn ?? functionArnFor(target, args.functionName);
  if (arn === undefined)
    throw new DeployError(
      `${args.functionName} was ${result.action}, but FC returned no functionArn; pass --account-id to print the ServiceToken`,
      'no-arn',
    );
  io.stderr(successLine(result, arn));
  io.stdout(args.json ? successJson(result, arn, args.region) : `${arn}\n`);
  return 0;
}

/** `main` with explicit timing, for tests that must not wait for real backoff. */
export async function runDeploy(argv: readonly string[], rawIo: Io, tuning: Tuning): Promise<ExitCode> {
  const rest = argv[0] === 'deploy' ? argv.slice(1) : argv;
  let args: DeployArgs;
  let target: Target;
  try {
    const parsed = parseDeployArgs(rest);
    if (parsed === 'help') {
      rawIo.stdout(DEPLOY_USAGE);
      return 0;
    }
    args = parsed;
    target = resolveTarget(args, rawIo.env);
  } catch (err) {
    if (err instanceof UsageError) {
      rawIo.stderr(`ros-sso deploy: ${err.message} (see ros-sso deploy --help)\n`);
      return 2;
    }
    if (err instanceof DeployError) {
      rawIo.stderr(`ros-sso deploy: ✖ ${err.message}\n`);
      if (rest.includes('--json')) rawIo.stdout(failureJson({ kind: err.kind, message: err.message }));
      return 1;
    }
    throw err;
  }

  const io = maskingIo(rawIo, [target.credentials.accessKeySecret, target.credentials.securityToken]);
  try {
    return await deploy(args, target, io, tuning);
  } catch (err) {
    const failure = failureOf(err, args, target);
    if (failure === undefined) throw err;
    io.stderr(`ros-sso deploy: ✖ ${failure.message}\n`);
    if (args.json) io.stdout(failureJson(failure));
    return 1;
  }
}

/** The CLI of the deploy bundle (`ros-sso deploy …`). Never exits the process; returns the exit code. */
export function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  return runDeploy(argv, io, DEFAULT_TUNING);
}
