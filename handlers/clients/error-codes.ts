import { CloudError } from '../errors';
import type { Logger } from '../log';

/**
 * The service error codes the handlers (and the local native provisioner) act on, by code and never
 * by HTTP status: Alibaba Cloud answers an unknown access key with HTTP 404 too
 * (`InvalidAccessKeyId.NotFound`), so "404" does not mean "the resource is gone".
 *
 * Sources (docs/cloud-apis.md §6 names them): TF-SSO / TF-OIDC = the Terraform provider's CloudSSO
 * and IMS services, which map exactly these codes to NotFound; RAM-ERR = the 2021 RAM error list
 * (families `EntityNotExist.*`, `EntityAlreadyExists.*`, `LimitExceeded.*`). A code marked `guessed`
 * follows a documented family but no source shows that exact string.
 */
export interface CodeFact {
  code: string;
  source: string;
  guessed?: true;
}

/** The kinds of thing a Delete may find already gone. */
export type GoneKind = 'UserProvisioning' | 'OIDCClientId';

/**
 * Only the resource's own not-found codes mean "already gone". A missing parent that takes the
 * resource with it counts too (the OIDC provider holds its client IDs); a missing CloudSSO
 * directory does not: it also answers a key of the wrong account or region, so it stays FAILED.
 */
export const GONE_CODES: Readonly<Record<GoneKind, readonly CodeFact[]>> = {
  UserProvisioning: [{ code: 'EntityNotExists.UserProvisioning', source: 'TF-SSO (cloud-apis.md §6.2)' }],
  OIDCClientId: [
    { code: 'EntityNotExist.OIDCProvider', source: 'TF-OIDC (cloud-apis.md §6.2)' },
    {
      code: 'EntityNotExist.OIDCProvider.ClientId',
      source: 'RAM-ERR family EntityNotExist.* (cloud-apis.md §6.2); the local emulator answers it',
      guessed: true,
    },
    { code: 'EntityNotExist.ClientId', source: 'RAM-ERR family EntityNotExist.*', guessed: true },
  ],
};

/**
 * Codes that say the function's own credentials or permissions are wrong. They change nothing in
 * the outcome (always FAILED); they only add a hint to the Reason.
 */
export const CREDENTIAL_CODES: readonly CodeFact[] = [
  { code: 'InvalidAccessKeyId.NotFound', source: 'HTTP 404, reported in issue 11; the emulator answers it' },
  { code: 'InvalidAccessKeyId.Inactive', source: 'API gateway code, not in docs/', guessed: true },
  { code: 'InvalidSecurityToken.Expired', source: 'API gateway code, not in docs/', guessed: true },
  { code: 'InvalidSecurityToken.Malformed', source: 'API gateway code, not in docs/', guessed: true },
  { code: 'SignatureDoesNotMatch', source: 'API gateway code, not in docs/', guessed: true },
  { code: 'IncompleteSignature', source: 'API gateway code, not in docs/', guessed: true },
  { code: 'NoPermission', source: 'RAM-ERR (HTTP 403)' },
  { code: 'Forbidden.RAM', source: 'API gateway code, not in docs/', guessed: true },
];

/** `EntityAlreadyExists.*`: the RAM family (RAM-ERR); CloudSSO follows it (TF-MISC). */
const ALREADY_EXISTS = /^EntityAlreadyExists(\.|$)/;

/** Whether a failed call proves the resource of `kind` is already gone (Delete may then succeed). */
export function isGone(kind: GoneKind, err: unknown): boolean {
  return err instanceof CloudError && GONE_CODES[kind].some((fact) => fact.code === err.code);
}

/** Swallows `err` when it proves the resource of `kind` is already gone (logged), rethrows anything else. */
export function ignoreGone(kind: GoneKind, err: unknown, log: Logger): void {
  if (!isGone(kind, err)) throw err;
  log.log({ step: 'delete', outcome: 'skipped', code: (err as CloudError).code, note: 'already gone' });
}

/**
 * Network errors raised before the request could reach the service (no connection, no address):
 * the call certainly did nothing. Every other error without an answer (a reset, a timeout, which
 * openapi-core's client raises as `ConnectTimeout` even after the request was sent) and every 5xx
 * leaves the outcome unknown.
 */
export const NOT_CONNECTED_CODES: readonly string[] = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
];
const NOT_SENT = NOT_CONNECTED_CODES.map((code) => `NetworkError.${code}`);

/**
 * Our code (no service sends it) for an answer that is not the JSON the action promises: not
 * JSON at all, or without the object it must carry. Whatever the status, the call may have acted.
 */
export const MALFORMED_ANSWER = 'MalformedAnswer';

/** Whether the failed call may still have taken effect (it reached the service, or may have). */
export function isOutcomeUnknown(err: unknown): err is CloudError {
  if (!(err instanceof CloudError)) return false;
  if (err.httpStatus >= 500 || err.code === MALFORMED_ANSWER) return true;
  return err.httpStatus === 0 && !NOT_SENT.includes(err.code);
}

export function isAlreadyExists(err: unknown): err is CloudError {
  return err instanceof CloudError && ALREADY_EXISTS.test(err.code);
}

/** A short hint for a credential or permission code, else undefined. */
export function credentialHint(code: string): string | undefined {
  if (!CREDENTIAL_CODES.some((fact) => fact.code === code)) return undefined;
  return code === 'NoPermission' || code.startsWith('Forbidden')
    ? "the function's role lacks a permission (see templates/provider.yaml)"
    : "the function's credentials were refused; nothing was changed by this call";
}
