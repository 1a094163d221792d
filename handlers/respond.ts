import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { NOT_CONNECTED_CODES } from './clients/error-codes';
import type { Deadline } from './deadline';
import type { AnswerTarget } from './event';
import type { Logger } from './log';
import { isLoopback } from '../sdk/endpoint';
import { type RetryPolicy, withRetries } from '../sdk/retry';

/** ros-protocol.md §1.5: the whole body ≤ 4096 bytes, PhysicalResourceId ≤ 255 bytes. */
export const MAX_BODY_BYTES = 4096;
export const MAX_PHYSICAL_ID_BYTES = 255;

/**
 * The PhysicalResourceId of a Create that failed. Its rollback Delete recognises the prefix and
 * acknowledges without any API call (the CDK provider framework's CREATE_FAILED marker).
 */
const MARKER_PREFIX = 'ros-sso:create-failed:';

export function failedCreateMarker(requestId: string): string {
  return truncateBytes(`${MARKER_PREFIX}${requestId}`, MAX_PHYSICAL_ID_BYTES);
}

export function isFailedCreateMarker(id: string | undefined): boolean {
  return id?.startsWith(MARKER_PREFIX) ?? false;
}

export type Outcome =
  | { status: 'SUCCESS'; physicalResourceId: string; data?: Record<string, unknown> }
  | { status: 'FAILED'; reason: string; physicalResourceId?: string };

export interface ResponseBody {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId?: string;
  StackId?: string;
  RequestId?: string;
  LogicalResourceId?: string;
  Data?: Record<string, unknown>;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Cuts to at most `max` UTF-8 bytes without splitting a character. */
export function truncateBytes(text: string, max: number): string {
  if (bytes(text) <= max) return text;
  let cut = Buffer.from(text, 'utf8').subarray(0, max).toString('utf8');
  while (cut.endsWith('\uFFFD') || bytes(cut) > max) cut = cut.slice(0, -1);
  return cut;
}

/**
 * Builds the JSON body for an outcome. A body over the limit gets a shorter Reason; Data is never
 * dropped silently: a SUCCESS whose Data does not fit becomes a FAILED that says so. `suffix` (the FC
 * request ID) survives any shortening.
 */
export function buildResponseBody(target: AnswerTarget, outcome: Outcome, suffix = ''): string {
  const base = {
    StackId: target.StackId,
    RequestId: target.RequestId,
    LogicalResourceId: target.LogicalResourceId,
  };
  if (outcome.status === 'SUCCESS') {
    const problem = successProblem(outcome, base);
    if (problem === undefined) {
      const body: ResponseBody = {
        Status: 'SUCCESS',
        PhysicalResourceId: outcome.physicalResourceId,
        ...base,
        ...(outcome.data === undefined ? {} : { Data: outcome.data }),
      };
      return JSON.stringify(body);
    }
    const keep =
      bytes(outcome.physicalResourceId) <= MAX_PHYSICAL_ID_BYTES ? outcome.physicalResourceId : undefined;
    return buildResponseBody(target, { status: 'FAILED', reason: problem, physicalResourceId: keep }, suffix);
  }
  const head: ResponseBody = { Status: 'FAILED' };
  const rest: Partial<ResponseBody> = {
    ...(outcome.physicalResourceId === undefined ? {} : { PhysicalResourceId: outcome.physicalResourceId }),
    ...base,
  };
  return fitFailedBody(head, outcome.reason, suffix, rest);
}

const TRUNCATED = ' …[truncated]';

/**
 * The FAILED body with as much of the Reason's head as fits in MAX_BODY_BYTES: a Reason says first
 * what failed and which fields, so the tail goes. Sizes are measured on the serialized body, so
 * multi-byte characters and JSON escapes (`"`, `\\`, control characters) are counted as sent.
 */
function fitFailedBody(
  head: ResponseBody,
  reason: string,
  suffix: string,
  rest: Partial<ResponseBody>,
): string {
  const serialize = (text: string) => JSON.stringify({ ...head, Reason: text, ...rest });
  const whole = serialize(`${reason}${suffix}`);
  if (bytes(whole) <= MAX_BODY_BYTES) return whole;
  const cut = (n: number) => {
    // Never split a surrogate pair.
    const end = n > 0 && /[\uD800-\uDBFF]/.test(reason.charAt(n - 1)) ? n - 1 : n;
    return serialize(`${reason.slice(0, end)}${TRUNCATED}${suffix}`);
  };
  // The body grows with the kept length, so the longest fitting head is found by bisection.
  let lo = 0;
  let hi = reason.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (bytes(cut(mid)) <= MAX_BODY_BYTES) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}

function successProblem(
  outcome: Extract<Outcome, { status: 'SUCCESS' }>,
  base: Record<string, string | undefined>,
): string | undefined {
  const idBytes = bytes(outcome.physicalResourceId);
  if (idBytes === 0) return 'internal error: empty PhysicalResourceId';
  if (idBytes > MAX_PHYSICAL_ID_BYTES) {
    return `the PhysicalResourceId is ${idBytes} bytes; ROS allows at most ${MAX_PHYSICAL_ID_BYTES}`;
  }
  const size = bytes(
    JSON.stringify({
      Status: 'SUCCESS',
      PhysicalResourceId: outcome.physicalResourceId,
      ...base,
      Data: outcome.data,
    }),
  );
  if (size <= MAX_BODY_BYTES) return undefined;
  const dataBytes = bytes(JSON.stringify(outcome.data ?? {}));
  return (
    `the response Data is ${dataBytes} bytes (keys: ${Object.keys(outcome.data ?? {}).join(', ')}); ` +
    `with it the response body would be ${size} bytes, over ROS's ${MAX_BODY_BYTES}-byte limit`
  );
}

/** A callback URL must be https; plain http only to a loopback host and only when allowed. */
export function callbackUrlProblem(url: string | undefined, allowLoopbackHttp: boolean): string | undefined {
  if (url === undefined) return 'no URL';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && allowLoopbackHttp && isLoopback(parsed.hostname)) return undefined;
  return parsed.protocol === 'http:'
    ? 'plain http is refused (allowed only to a loopback host with ROS_SSO_ALLOW_LOOPBACK_CALLBACK=1)'
    : `protocol ${parsed.protocol} is refused; https is required`;
}

export interface SendOptions {
  deadline: Deadline;
  log: Logger;
  allowLoopbackHttp: boolean;
  retry: RetryPolicy;
}

export interface Delivery {
  delivered: boolean;
  /**
   * Not delivered, but some try may still have reached ROS: it timed out or lost its connection
   * after sending, or ROS answered 5xx. Only a 4xx or a connection never made is a sure "no".
   */
  mayHaveArrived?: boolean;
  status?: number;
  url?: string;
  problem?: string;
}

class CallbackHttpError extends Error {
  constructor(readonly status: number) {
    super(`callback answered HTTP ${status}`);
  }
}

/** Whether a failed try may still have delivered the body (see Delivery.mayHaveArrived). */
function mayHaveArrived(err: unknown): boolean {
  if (err instanceof CallbackHttpError) return err.status >= 500;
  return !NOT_CONNECTED_CODES.includes(String((err as NodeJS.ErrnoException | undefined)?.code));
}

const TRY_TIMEOUT_MS = 5000;

/** One POST; resolves with the status, rejects on a network error or timeout. */
function post(url: string, body: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      timeout: timeoutMs,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        Date: new Date().toUTCString(),
        Accept: 'application/json',
      },
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.end(body);
  });
}

/**
 * POSTs the body to ResponseURL, retrying network errors and 5xx with backoff, then falls back to
 * IntranetResponseURL. Never throws.
 */
export async function sendResponse(
  target: AnswerTarget,
  body: string,
  options: SendOptions,
): Promise<Delivery> {
  const problems: string[] = [];
  let maybe = false;
  for (const [name, url] of [
    ['ResponseURL', target.ResponseURL],
    ['IntranetResponseURL', target.IntranetResponseURL],
  ] as const) {
    if (url === undefined) continue;
    const problem = callbackUrlProblem(url, options.allowLoopbackHttp);
    if (problem !== undefined) {
      problems.push(`${name}: ${problem}`);
      options.log.log({ step: 'respond', outcome: 'skipped', responseUrl: url, problem });
      continue;
    }
    const started = Date.now();
    try {
      const status = await withRetries(
        async () => {
          // ROS stops listening at its wait; a late try still runs once, to learn whether it was refused.
          const left = options.deadline.answerRemaining();
          try {
            const code = await post(url, body, Math.max(200, Math.min(TRY_TIMEOUT_MS, left)));
            if (code < 200 || code > 299) throw new CallbackHttpError(code);
            return code;
          } catch (err) {
            maybe ||= mayHaveArrived(err);
            throw err;
          }
        },
        options.retry,
        {
          isRetryable: (err) => !(err instanceof CallbackHttpError) || err.status >= 500,
          timeLeft: () => options.deadline.answerRemaining(),
          onRetry: (err, attempt, delayMs) =>
            options.log.log({
              step: 'respond',
              outcome: 'retry',
              responseUrl: url,
              attempt,
              delayMs,
              error: (err as Error).message,
            }),
        },
      );
      options.log.log({ step: 'respond', outcome: 'ok', responseUrl: url, status, ms: Date.now() - started });
      return { delivered: true, status, url: name };
    } catch (err) {
      const message = (err as Error).message;
      problems.push(`${name}: ${message}`);
      options.log.log({
        step: 'respond',
        outcome: 'failed',
        responseUrl: url,
        error: message,
        ms: Date.now() - started,
      });
    }
  }
  return {
    delivered: false,
    mayHaveArrived: maybe,
    problem: problems.length > 0 ? problems.join('; ') : 'no ResponseURL',
  };
}
