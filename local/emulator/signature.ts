import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './api-error';

/** An access key the emulator knows; `accountId` defaults to the management account. */
export interface EmulatorCredential {
  accessKeyId: string;
  accessKeySecret: string;
  /** When set the key is an STS key: requests must carry this `x-acs-security-token`. */
  securityToken?: string;
  accountId?: string;
  /** The RAM user of `accountId` that owns the key; without it the key is the account's own (root) key. */
  ramUser?: string;
}

/** The parts of an HTTP request that ACS3-HMAC-SHA256 covers, with the query already decoded. */
export interface SignedRequest {
  method: string;
  path: string;
  query: Readonly<Record<string, string>>;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type SignatureResult =
  { ok: true; credential: EmulatorCredential } | { ok: false; error: ApiError; accessKeyId?: string };

const ALGORITHM = 'ACS3-HMAC-SHA256';
const AUTHORIZATION =
  /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]*),\s*Signature=([0-9a-fA-F]+)$/;

/** RFC 3986 percent-encoding, as openapi-core's `encode` does it. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function canonicalRequest(req: SignedRequest, signedHeaders: string[], payloadHash: string): string {
  const query = Object.keys(req.query)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(req.query[key] ?? '')}`)
    .join('&');
  const headers = signedHeaders.map((name) => `${name}:${headerValue(req.headers, name)}\n`).join('');
  return [req.method, req.path, query, headers, signedHeaders.join(';'), payloadHash].join('\n');
}

export function stringToSign(canonical: string): string {
  return `${ALGORITHM}\n${sha256Hex(canonical)}`;
}

export function sign(secret: string, toSign: string): string {
  return createHmac('sha256', secret).update(toSign).digest('hex');
}

/** Checks an ACS3-HMAC-SHA256 request against the known keys, answering with the service's codes. */
export function verifySignature(
  req: SignedRequest,
  findCredential: (accessKeyId: string) => EmulatorCredential | undefined,
): SignatureResult {
  const authorization = req.headers.authorization;
  if (authorization === undefined || authorization === '') {
    return fail('MissingAuthorization', 'The Authorization header is required (ACS3-HMAC-SHA256).');
  }
  const match = AUTHORIZATION.exec(authorization);
  if (match === null) {
    return fail(
      'IncompleteSignature',
      'The Authorization header is not a well-formed ACS3-HMAC-SHA256 value.',
    );
  }
  const [, accessKeyId = '', signedHeaderList = '', signature = ''] = match;
  const credential = findCredential(accessKeyId);
  if (credential === undefined) {
    return fail('InvalidAccessKeyId.NotFound', 'Specified access key is not found.', accessKeyId, 404);
  }
  const bodyHash = sha256Hex(req.body);
  const declaredHash = headerValue(req.headers, 'x-acs-content-sha256');
  if (declaredHash === '') {
    return fail('IncompleteSignature', 'The x-acs-content-sha256 header is required.', accessKeyId);
  }
  if (declaredHash !== bodyHash) {
    return fail(
      'SignatureDoesNotMatch',
      'The x-acs-content-sha256 header does not match the request body.',
      accessKeyId,
    );
  }
  const token = headerValue(req.headers, 'x-acs-security-token');
  if ((credential.securityToken ?? '') !== token) {
    return fail(
      'InvalidSecurityToken.MismatchWithAccessKey',
      'The security token does not match the access key.',
      accessKeyId,
    );
  }
  const signedHeaders = signedHeaderList.split(';').filter((h) => h !== '');
  const toSign = stringToSign(canonicalRequest(req, signedHeaders, bodyHash));
  const expected = Buffer.from(sign(credential.accessKeySecret, toSign), 'hex');
  const given = Buffer.from(signature.toLowerCase(), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    // The real service also returns its string to sign; it holds no secret and helps debugging.
    return fail(
      'SignatureDoesNotMatch',
      `Specified signature does not match our calculation. The server string to sign is: ${toSign}`,
      accessKeyId,
    );
  }
  return { ok: true, credential };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
}

function fail(code: string, message: string, accessKeyId?: string, status = 400): SignatureResult {
  return {
    ok: false,
    error: new ApiError(code, status, message),
    ...(accessKeyId === undefined ? {} : { accessKeyId }),
  };
}
