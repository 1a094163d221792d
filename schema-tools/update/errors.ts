import { sdkErrorFields } from '../../sdk/sdk-error';

/** How the update treats a failed call: retry it, record it, or stop the run. */
export type FailureKind =
  /** Flow control (`Throttling*`, HTTP 429/503): back off and retry. */
  | 'throttled'
  /** Other 5xx or no answer at all: retry a few times, then record; many in a row stop the run. */
  | 'transient'
  /** The key may not call this action: every further call would fail too, so stop. */
  | 'denied'
  /** The key itself was refused (unknown, wrong secret, stale token): stop. */
  | 'credentials'
  /** Anything else the service refused for this one request (not found, invalid): record, go on. */
  | 'rejected';

/** A failed ROS call in the service's own terms; made only in `client.ts` and tests. */
export class RosCallError extends Error {
  constructor(
    readonly action: string,
    readonly code: string,
    /** 0 when no HTTP answer arrived. */
    readonly httpStatus: number,
    readonly detail: string,
    readonly requestId = '',
    /** The service's `x-acs-retry-after` hint, in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(`${action}: ${describeFailure(code, httpStatus, detail, requestId)}`);
    this.name = 'RosCallError';
  }

  get kind(): FailureKind {
    return failureKind(this.code, this.httpStatus);
  }
}

/** `Code (HTTP 404): message [request ID …]`, or `Code (no answer): message`. */
export function describeFailure(code: string, httpStatus: number, detail: string, requestId = ''): string {
  const where = httpStatus === 0 ? 'no answer' : `HTTP ${httpStatus}`;
  const rid = requestId === '' ? '' : ` [request ID ${requestId}]`;
  return `${code} (${where})${detail === '' ? '' : `: ${detail}`}${rid}`;
}

const CREDENTIAL_CODES =
  /^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|InvalidCredentials)/;
// Matched per dot-separated segment: `Forbidden.RAM`, `NoPermission`, `Auth.AccessDenied.X` …
const DENIED_SEGMENT = /^(Forbidden|NoPermission|AccessDenied|NotAuthorized|Unauthorized|PermissionDenied)$/;

/** Classifies a service code and HTTP status (cloud-apis.md §6). */
export function failureKind(code: string, httpStatus: number): FailureKind {
  if (code.includes('Throttling') || httpStatus === 429 || httpStatus === 503) return 'throttled';
  if (CREDENTIAL_CODES.test(code)) return 'credentials';
  if (httpStatus === 401 || httpStatus === 403 || code.split('.').some((s) => DENIED_SEGMENT.test(s)))
    return 'denied';
  if (httpStatus === 0 || httpStatus >= 500) return 'transient';
  return 'rejected';
}

/**
 * openapi-core's ClientError / ServerError / ThrottlingError, or a transport error (no status), as
 * a RosCallError. Only the service's code and message are kept: never the request or its headers.
 */
export function toRosCallError(err: unknown, action: string): RosCallError {
  if (err instanceof RosCallError) return err;
  const { status, code: rawCode, message: text, requestId, retryAfterMs } = sdkErrorFields(err);
  // openapi-core raises InvalidCredentials itself, before any request.
  const code =
    status !== 0 || rawCode === 'InvalidCredentials'
      ? rawCode || `HTTP${status}`
      : `NetworkError${rawCode === '' ? '' : `.${rawCode}`}`;
  const message = status === 0 ? transportDetail(text) : text;
  return new RosCallError(action, code, status, message, requestId, retryAfterMs);
}

/**
 * httpx appends `<METHOD> <url> failed.` to a transport error: the URL adds nothing to the cause
 * and carries the request's query, so it is cut.
 */
function transportDetail(message: string): string {
  return message
    .replace(/\s*(?:[A-Z]+ |Connect )?(?:https?:\/\/|\/)\S* failed\.$/, '')
    .replace(/[\s:.]+$/, '');
}
