import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../local/emulator';
import { canonicalRequest, sha256Hex, sign, stringToSign } from '../../../local/emulator/signature';
import { CLOUDSSO, callSdk, IMS, sdkError } from './sdk';

/** A hand-built ACS3 request, for the cases the SDK never produces. */
async function rawCall(
  emulator: RunningEmulator,
  options: {
    query?: Record<string, string>;
    body?: string;
    declaredHash?: string;
    authorization?: string | null;
  },
) {
  const query = options.query ?? {};
  const body = Buffer.from(options.body ?? '');
  const headers: Record<string, string> = {
    host: emulator.host,
    'x-acs-action': 'GetDirectory',
    'x-acs-version': CLOUDSSO,
    'x-acs-date': new Date().toISOString(),
    'x-acs-signature-nonce': `${Math.random()}`,
    'x-acs-content-sha256': options.declaredHash ?? sha256Hex(body),
    ...(body.length > 0 ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
  };
  const signed = Object.keys(headers).sort();
  const canonical = canonicalRequest(
    { method: 'POST', path: '/', query, headers, body },
    signed,
    sha256Hex(body),
  );
  const signature = sign(emulator.accessKeySecret, stringToSign(canonical));
  if (options.authorization !== null) {
    headers.authorization =
      options.authorization ??
      `ACS3-HMAC-SHA256 Credential=${emulator.accessKeyId},SignedHeaders=${signed.join(';')},Signature=${signature}`;
  }
  const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
  const response = await fetch(`${emulator.endpoint}/${search === '' ? '' : `?${search}`}`, {
    method: 'POST',
    headers,
    ...(body.length > 0 ? { body } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('request authentication', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.close());

  it('accepts a request the official SDK signed', async () => {
    const response = await callSdk(emulator, CLOUDSSO, 'GetDirectory', { DirectoryId: emulator.directoryId });
    expect(response.statusCode).toBe(200);
    expect(response.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(emulator.requests.at(-1)).toMatchObject({
      action: 'GetDirectory',
      signatureValid: true,
      status: 200,
    });
  });

  it('accepts parameters with characters that need percent-encoding', async () => {
    const response = await callSdk(emulator, CLOUDSSO, 'CreateUser', {
      DirectoryId: emulator.directoryId,
      UserName: 'dave.o-k_1@example.com',
      Description: "spaces, commas & 'quotes' (and) *stars* ~tilde 你好",
    });
    expect(response.body.User).toMatchObject({ UserName: 'dave.o-k_1@example.com' });
  });

  it('rejects a wrong secret with SignatureDoesNotMatch (400)', async () => {
    const err = await sdkError(callSdk({ ...emulator, accessKeySecret: 'wrong' }, IMS, 'ListOIDCProviders'));
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(err.statusCode).toBe(400);
    expect(emulator.requests.at(-1)).toMatchObject({ signatureValid: false, code: 'SignatureDoesNotMatch' });
  });

  it('rejects an unknown key with InvalidAccessKeyId.NotFound (404)', async () => {
    const err = await sdkError(callSdk({ ...emulator, accessKeyId: 'LTAInobody' }, IMS, 'ListOIDCProviders'));
    expect(err.code).toBe('InvalidAccessKeyId.NotFound');
    expect(err.statusCode).toBe(404);
  });

  it('answers MissingAuthorization when there is no Authorization header', async () => {
    const response = await rawCall(emulator, { authorization: null });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ Code: 'MissingAuthorization', HostId: 'emulator' });
    expect(Object.keys(response.body).sort()).toEqual([
      'Code',
      'HostId',
      'Message',
      'Recommend',
      'RequestId',
    ]);
  });

  it('answers IncompleteSignature for a malformed Authorization header', async () => {
    const response = await rawCall(emulator, { authorization: 'ACS3-HMAC-SHA256 nonsense' });
    expect(response).toMatchObject({ status: 400, body: { Code: 'IncompleteSignature' } });
  });

  it('rejects a body whose hash differs from x-acs-content-sha256', async () => {
    const response = await rawCall(emulator, { body: 'DirectoryId=x', declaredHash: sha256Hex('other') });
    expect(response).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
  });

  it('merges a form-encoded body into the parameters', async () => {
    const response = await rawCall(emulator, { body: `DirectoryId=${emulator.directoryId}` });
    expect(response.status).toBe(200);
    expect(response.body.Directory).toMatchObject({ DirectoryId: emulator.directoryId });
  });

  it('answers a malformed query string with a JSON error instead of crashing', async () => {
    const response = await fetch(`${emulator.endpoint}/?DirectoryId=%E0%A4%A`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ Code: 'InvalidParameter' });
  });

  it('answers a huge parameter with a JSON answer', async () => {
    const err = await sdkError(
      callSdk(emulator, CLOUDSSO, 'GetDirectory', { DirectoryId: `d-${'a'.repeat(200_000)}` }),
    );
    expect(err.code).toBe('EntityNotExists.Directory');
    expect(err.statusCode).toBe(404);
  });

  it('answers an unknown action with InvalidAction.NotFound (404) and an unknown version with InvalidVersion', async () => {
    const action = await sdkError(callSdk(emulator, CLOUDSSO, 'DropAllTables'));
    expect([action.code, action.statusCode]).toEqual(['InvalidAction.NotFound', 404]);
    const prototypeKey = await sdkError(callSdk(emulator, CLOUDSSO, 'constructor'));
    expect(prototypeKey.code).toBe('InvalidAction.NotFound');
    const version = await sdkError(callSdk(emulator, '2000-01-01', 'GetDirectory'));
    expect([version.code, version.statusCode]).toEqual(['InvalidVersion', 400]);
  });

  it('never records a secret', () => {
    const recorded = JSON.stringify(emulator.requests);
    expect(recorded).not.toContain(emulator.accessKeySecret);
  });
});

describe('STS credentials', () => {
  let emulator: RunningEmulator;
  const sts = { accessKeyId: 'STS.emulator', accessKeySecret: 'sts-secret', securityToken: 'token-123' };
  beforeAll(async () => {
    emulator = await startEmulator({ credentials: [sts] });
  });
  afterAll(() => emulator.close());

  it('accepts a request carrying the matching security token', async () => {
    const response = await callSdk({ host: emulator.host, ...sts }, IMS, 'ListOIDCProviders');
    expect(response.statusCode).toBe(200);
    expect(emulator.accessKeyId).toBe('STS.emulator');
  });

  it('rejects a request with a different or missing security token', async () => {
    const wrong = await sdkError(
      callSdk({ host: emulator.host, ...sts, securityToken: 'other' }, IMS, 'ListOIDCProviders'),
    );
    expect([wrong.code, wrong.statusCode]).toEqual(['InvalidSecurityToken.MismatchWithAccessKey', 400]);
    const { securityToken: _omitted, ...withoutToken } = sts;
    const missing = await sdkError(
      callSdk({ host: emulator.host, ...withoutToken }, IMS, 'ListOIDCProviders'),
    );
    expect(missing.code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
  });
});
