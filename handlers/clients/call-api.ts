import type OpenApi from '@alicloud/openapi-core';
import { formatIssues, validateAgainst } from '../../schemas/validate';
import { type Credentials, type Endpoint, sdkConfigFields } from '../../sdk/credentials';
import { type RetryPolicy, withRetries } from '../../sdk/retry';
import { sdkErrorFields } from '../../sdk/sdk-error';
import type { Deadline } from '../deadline';
import { CloudError, DeadlineExceeded, ValidationError } from '../errors';
import type { Logger } from '../log';
import { credentialHint, isOutcomeUnknown, MALFORMED_ANSWER } from './error-codes';

export type ApiParams = Record<string, string | number | undefined>;
export type ApiBody = Record<string, unknown>;

export interface CallOptions {
  /**
   * `false` for a call that must not run twice (a create): it is then retried only when it
   * certainly did nothing (throttled, or never sent); after an unknown outcome the caller looks
   * for what it may have made before sending it again.
   */
  idempotent?: boolean;
}

/** One product's RPC calls: validated, signed, retried, errors mapped to CloudError. */
export interface ApiCaller {
  call(action: string, params: ApiParams, options?: CallOptions): Promise<ApiBody>;
}

export interface CallerOptions {
  /** Prefix of the request schemas in schemas/api (`CloudSSO`, `IMS`). */
  product: string;
  version: string;
  endpoint: Endpoint;
  credentials: Credentials;
  retry: RetryPolicy;
  deadline: Deadline;
  log: Logger;
}

type CoreModule = typeof import('@alicloud/openapi-core');
type DaraModule = typeof import('@darabonba/typescript');
let sdk: { core: CoreModule; dara: DaraModule } | undefined;

/**
 * The SDK is loaded on the first API call, not at cold start: it is most of the bundle's require
 * time, and answers that need no call (rollback of a failed Create, an unchanged Update, a refused
 * event) should not wait for it.
 */
function loadSdk(): { core: CoreModule; dara: DaraModule } {
  sdk ??= {
    core: require('@alicloud/openapi-core') as CoreModule,
    dara: require('@darabonba/typescript') as DaraModule,
  };
  return sdk;
}

const SCHEMA_BASE = 'https://ros-sso.dev/schemas/api/';

/** Throttling, busy and server-side failures may pass on a later try; other 4xx never will. */
export function isRetryableCode(code: string, httpStatus: number): boolean {
  return (
    code.includes('Throttling') ||
    code === 'ServiceUnavailable' ||
    code.startsWith('OperationConflict') ||
    httpStatus >= 500 ||
    httpStatus === 0
  );
}

/** openapi-core's ClientError/ServerError/ThrottlingError, or a transport error, as a CloudError. */
export function toCloudError(err: unknown, action: string): CloudError {
  if (err instanceof CloudError) return err;
  const { status, code: rawCode, message: text, requestId } = sdkErrorFields(err);
  // openapi-core parses the body before it looks at the status, so an HTML page from a proxy (any
  // status) or a cut-off body arrives as a JSON SyntaxError, status unknown: an answer, not none.
  const malformed = status === 0 && (err as Error | undefined)?.name === 'SyntaxError';
  const network = `NetworkError${rawCode === '' ? '' : `.${rawCode}`}`;
  const code = malformed ? MALFORMED_ANSWER : status === 0 ? network : rawCode || `HTTP${status}`;
  const where = malformed ? 'an answer that is not JSON' : status === 0 ? 'no answer' : `HTTP ${status}`;
  const rid = requestId === '' ? '' : ` [API request ID ${requestId}]`;
  const hint = credentialHint(code);
  return new CloudError(
    `${action} failed: ${code} (${where}): ${text}${rid}${hint === undefined ? '' : `; ${hint}`}`,
    code,
    status,
    requestId,
    isRetryableCode(code, status),
    action,
  );
}

/** The request's query: unset parameters left out, the rest checked against the action's schema. */
function validatedQuery(name: string, params: ApiParams): Record<string, string | number> {
  const query: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query[key] = value;
  const issues = validateAgainst(`${SCHEMA_BASE}${name}.json`, query);
  if (issues.length > 0)
    throw new ValidationError(`invalid ${name} request: ${formatIssues(issues)}`, issues);
  return query;
}

/** An RPC-style POST of `action` with `query`, as openapi-core's `callApi` takes it. */
function rpcRequest(options: CallerOptions, action: string, query: Record<string, string | number>) {
  const { core } = loadSdk();
  const params = new core.$OpenApiUtil.Params({
    action,
    version: options.version,
    protocol: options.endpoint.protocol.toUpperCase(),
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  return { params, request: new core.$OpenApiUtil.OpenApiRequest({ query: core.OpenApiUtil.query(query) }) };
}

/** One try, within what is left of the deadline; any failure as a CloudError. */
async function sendOnce(
  clientOf: () => OpenApi,
  name: string,
  rpc: ReturnType<typeof rpcRequest>,
  deadline: Deadline,
): Promise<ApiBody> {
  const left = deadline.workRemaining();
  if (left < 100) throw new DeadlineExceeded(name);
  // A call may outlive the guard (which answers "timed out") but never the function itself.
  const hard = Math.max(100, deadline.remaining() - 100);
  const { dara } = loadSdk();
  const runtime = new dara.RuntimeOptions({
    readTimeout: Math.min(10_000, hard),
    connectTimeout: Math.min(5_000, hard),
  });
  try {
    const response = (await clientOf().callApi(rpc.params, rpc.request, runtime)) as { body?: unknown };
    return (typeof response.body === 'object' && response.body !== null ? response.body : {}) as ApiBody;
  } catch (err) {
    throw toCloudError(err, name);
  }
}

/** When a failed try is tried again: retryable, and (for a call that must not run twice) surely not done. */
function retryRules(options: CallerOptions, name: string, idempotent: boolean) {
  return {
    isRetryable: (err: unknown) =>
      err instanceof CloudError && err.retryable && (idempotent || !isOutcomeUnknown(err)),
    timeLeft: () => options.deadline.workRemaining(),
    onRetry: (err: unknown, attempt: number, delayMs: number) =>
      options.log.log({
        step: 'api',
        action: name,
        outcome: 'retry',
        attempt,
        delayMs,
        code: (err as CloudError).code,
      }),
  };
}

/** Logs the call's outcome (ok, or failed with its code and request ID) with its duration. */
async function logged(log: Logger, name: string, call: () => Promise<ApiBody>): Promise<ApiBody> {
  const started = Date.now();
  try {
    const body = await call();
    log.log({ step: 'api', action: name, outcome: 'ok', ms: Date.now() - started });
    return body;
  } catch (err) {
    const code = err instanceof CloudError ? err.code : (err as Error).name;
    const apiRequestId = err instanceof CloudError ? err.requestId : undefined;
    log.log({ step: 'api', action: name, outcome: 'failed', code, apiRequestId, ms: Date.now() - started });
    throw err;
  }
}

/** A caller on openapi-core's generic `callApi` (docs/cloud-apis.md §1). */
export function createApiCaller(options: CallerOptions): ApiCaller {
  let client: OpenApi | undefined;
  const clientOf = (): OpenApi => {
    const { core } = loadSdk();
    client ??= new core.default(
      new core.$OpenApiUtil.Config(
        sdkConfigFields({ credentials: options.credentials, endpoint: options.endpoint }),
      ),
    );
    return client;
  };
  return {
    async call(action, params, callOptions = {}) {
      const name = `${options.product}.${action}`;
      const rpc = rpcRequest(options, action, validatedQuery(name, params));
      const rules = retryRules(options, name, callOptions.idempotent ?? true);
      return logged(options.log, name, () =>
        withRetries(() => sendOnce(clientOf, name, rpc, options.deadline), options.retry, rules),
      );
    },
  };
}
