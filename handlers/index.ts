import { allowsLoopbackCallback, type Env, type Settings, settingsFromEnv } from './config';
import { messageOf } from './errors';
import { type LifecycleResult, runLifecycle } from './lifecycle';
import { createLogger } from './log';
import type { ResourceHandler } from './resources/resource-handler';
import type { RetryPolicy } from '../sdk/retry';

/** The parts of FC's Node.js context this function reads (ros-protocol.md §4.2). */
export interface FcContext {
  requestId?: string;
  credentials?: { accessKeyId?: string; accessKeySecret?: string; securityToken?: string };
  function?: { name?: string; handler?: string; memory?: number; timeout?: number };
  region?: string;
  accountId?: string;
}

/** FC's nodejs20 handler: the event is a Buffer holding the ROS request JSON. */
export type FcHandler = (event: unknown, context?: FcContext) => Promise<LifecycleResult>;

/** Seams for tests and local runs; production uses none of them. */
export interface HandlerOptions {
  /** Where log lines go; stdout by default (FC ships it to the function's log store). */
  sink?: (line: string) => void;
  resources?: readonly ResourceHandler[];
  apiRetry?: RetryPolicy;
  callbackRetry?: RetryPolicy;
  now?: () => number;
}

/** When FC does not say: as short as ROS's default wait, so the budget is never longer than FC's. */
const DEFAULT_FUNCTION_TIMEOUT_S = 60;

function readSettings(env: Env, options: HandlerOptions): Settings | Error {
  try {
    const settings = settingsFromEnv(env);
    return {
      ...settings,
      ...(options.apiRetry === undefined ? {} : { apiRetry: options.apiRetry }),
      ...(options.callbackRetry === undefined ? {} : { callbackRetry: options.callbackRetry }),
    };
  } catch (err) {
    return err instanceof Error ? err : new Error(messageOf(err));
  }
}

function credentialsOf(context: FcContext) {
  const c = context.credentials;
  if (!c?.accessKeyId || !c.accessKeySecret) return undefined;
  return {
    accessKeyId: c.accessKeyId,
    accessKeySecret: c.accessKeySecret,
    ...(c.securityToken ? { securityToken: c.securityToken } : {}),
  };
}

/**
 * Builds an FC handler over an environment. The handler never throws: every outcome is answered to
 * ROS (when a usable ResponseURL exists) and returned.
 */
export function createHandler(env: Env | (() => Env), options: HandlerOptions = {}): FcHandler {
  const sink = options.sink ?? ((line: string) => process.stdout.write(`${line}\n`));
  return async (event, context = {}) => {
    const now = options.now ?? Date.now;
    const started = now();
    const fcRequestId = context.requestId ?? `local-${started.toString(36)}`;
    const log = createLogger(sink, { fcRequestId });
    try {
      const functionTimeoutS =
        typeof context.function?.timeout === 'number' && context.function.timeout > 0
          ? context.function.timeout
          : DEFAULT_FUNCTION_TIMEOUT_S;
      const vars = typeof env === 'function' ? env() : env;
      const credentials = credentialsOf(context);
      log.addSecrets(credentials?.accessKeySecret, credentials?.securityToken);
      return await runLifecycle(event, {
        fcRequestId,
        clock: { startedAt: started, functionTimeoutS, now },
        log,
        settings: readSettings(vars, options),
        allowLoopbackCallback: allowsLoopbackCallback(vars),
        credentials,
        accountId: context.accountId,
        resources: options.resources,
      });
    } catch (err) {
      log.log({ step: 'entry', outcome: 'failed', error: messageOf(err) });
      return { Status: 'FAILED', Reason: `internal error: ${messageOf(err)}`, delivered: false };
    }
  };
}

/** The FC entry point (`Handler: index.handler`); the only place that reads `process.env`. */
export const handler: FcHandler = createHandler(() => process.env);
