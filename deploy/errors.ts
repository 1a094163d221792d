import { sdkErrorFields } from '../sdk/sdk-error';

/** A failure the operator fixes outside ros-sso (credentials, the code package, FC's answer): exit 1. */
export class DeployError extends Error {
  constructor(
    message: string,
    /** For --json: a stable name of what went wrong. */
    readonly kind: string = 'deploy',
    readonly code?: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'DeployError';
  }
}

/** What an FC answer means for this command; decides retrying and the hint. */
export type FailureKind =
  | 'notFound'
  | 'alreadyExists'
  | 'credentials'
  | 'denied'
  | 'quota'
  | 'throttled'
  | 'conflict'
  | 'invalid'
  | 'server'
  | 'network'
  | 'other';

// FC 3.0 (api-fc-2023-03-30 error codes) plus the gateway's signature codes.
const CREDENTIAL_CODES =
  /^(SignatureNotMatch|SignatureDoesNotMatch|InvalidAccessKeyI[dD]|InvalidSecurityToken|RequestTimeTooSkewed|IncompleteSignature|MissingAuthorization)/;
const QUOTA_CODES = /ResourceExhausted|LimitExceeded|QuotaExceeded|Quota\./;

export function classify(code: string, httpStatus: number): FailureKind {
  if (httpStatus === 0) return 'network';
  // Only FC's own code: a 404 from a wrong endpoint must not lead to a CreateFunction.
  if (code === 'FunctionNotFound') return 'notFound';
  if (code === 'FunctionAlreadyExists') return 'alreadyExists';
  // Before 429: FC answers a concurrency/resource quota as ResourceExhausted with 429 too.
  if (QUOTA_CODES.test(code)) return 'quota';
  if (code.includes('Throttl') || httpStatus === 429) return 'throttled';
  if (CREDENTIAL_CODES.test(code)) return 'credentials';
  if (code === 'AccessDenied' || code.startsWith('Forbidden') || code.startsWith('NoPermission'))
    return 'denied';
  if (httpStatus === 403) return 'denied';
  if (code === 'ConcurrentUpdateError' || httpStatus === 409) return 'conflict';
  if (httpStatus >= 500) return 'server';
  if (httpStatus === 400) return 'invalid';
  return 'other';
}

const RETRYABLE: ReadonlySet<FailureKind> = new Set(['throttled', 'conflict', 'server', 'network']);

/** A failed FC call, made only in `fc-client.ts` from the SDK's errors. */
export class FcError extends Error {
  readonly kind: FailureKind;
  /** How many tries this call made; set by the retry loop. */
  attempts = 1;

  constructor(
    /** The API name, e.g. CreateFunction (the RAM action is `fc:<action>`). */
    readonly action: string,
    readonly code: string,
    /** 0 when no HTTP answer arrived. */
    readonly httpStatus: number,
    readonly requestId: string,
    readonly serverMessage: string,
  ) {
    super(
      `${action} failed: ${code} (${httpStatus === 0 ? 'no answer' : `HTTP ${httpStatus}`}): ${serverMessage}`,
    );
    this.name = 'FcError';
    this.kind = classify(code, httpStatus);
  }

  get retryable(): boolean {
    // A host that does not resolve (wrong region or account ID) will not resolve on a retry either.
    return RETRYABLE.has(this.kind) && this.code !== 'ENOTFOUND';
  }
}

/** openapi-core's ClientError/ServerError/ThrottlingError (or a socket error) as an FcError. */
export function toFcError(err: unknown, action: string): FcError {
  if (err instanceof FcError) return err;
  const { status, code: rawCode, message, requestId } = sdkErrorFields(err);
  const code = rawCode || (status === 0 ? 'NetworkError' : `HTTP${status}`);
  // The SDK glues "GET http://… failed." to a socket error's text; the endpoint is reported anyway.
  const text = (message.split('\n')[0] ?? '')
    .replace(/(GET|POST|PUT|DELETE) https?:\/\/\S+ failed\.?$/, '')
    .trim();
  return new FcError(action, code, status, requestId, text);
}

export interface FailureContext {
  region: string;
  functionName: string;
  endpoint: string;
  /** The resource the action was on, when the account is known. */
  resourceArn?: string;
}

/** One line naming what failed and what to do; never the credentials (cli.ts also masks them). */
export function explain(err: FcError, ctx: FailureContext): string {
  const cause = `${err.code}: ${err.serverMessage}`;
  const rid = err.requestId === '' ? '' : ` [request ID ${err.requestId}]`;
  const tries = err.attempts > 1 ? ` after ${err.attempts} tries` : '';
  switch (err.kind) {
    case 'denied':
      return (
        `fc:${err.action} denied for this identity${ctx.resourceArn ? ` on ${ctx.resourceArn}` : ''} (${cause}); ` +
        `grant it to the RAM user or role (e.g. AliyunFCFullAccess; --role also needs ram:PassRole), ` +
        `and check that the account ID is the credentials' account${rid}`
      );
    case 'credentials':
      return (
        `FC rejected the credentials on ${err.action} (${cause}); check ALIBABA_CLOUD_ACCESS_KEY_ID, ` +
        `ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_SECURITY_TOKEN (an STS token expires) and the clock${rid}`
      );
    case 'quota':
      return (
        `${err.action} hit an FC quota in ${ctx.region} (${cause}); delete unused functions or ask for a ` +
        `higher limit in the Quota Center console, then run again${rid}`
      );
    case 'throttled':
      return `FC kept throttling ${err.action}${tries} (${cause}); wait a minute and run again${rid}`;
    case 'network':
      return (
        `cannot reach FC at ${ctx.endpoint} for ${err.action}${tries} (${err.serverMessage}); ` +
        `check --region, the account ID or --endpoint, and the network`
      );
    case 'conflict':
    case 'server':
      return `FC failed ${err.action}${tries} (${cause}); run again in a minute${rid}`;
    case 'notFound':
      return `${ctx.functionName} disappeared during ${err.action} (${cause}); run again to create it${rid}`;
    case 'invalid':
      return `FC refused ${err.action} of ${ctx.functionName} (${cause}); fix the option it names${rid}`;
    default:
      return `${err.action} of ${ctx.functionName} failed (${cause})${rid}`;
  }
}
