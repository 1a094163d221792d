import { describe, expect, it } from 'vitest';
import { isRetryableCode, toCloudError } from '../../handlers/clients/call-api';
import { cloudSsoEndpointFor, settingsFromEnv } from '../../handlers/config';
import { invocationDeadline, rosWaitOf } from '../../handlers/budget';
import { isGone, isOutcomeUnknown } from '../../handlers/clients/error-codes';
import { answerMarginMs, createDeadline } from '../../handlers/deadline';
import { parseRequest } from '../../handlers/event';
import { createLogger, redactUrl } from '../../handlers/log';
import { propertyIssues } from '../../handlers/properties';
import { ramOidcClientId } from '../../handlers/resources/ram-oidc-client-id';
import type { ResourceDeps } from '../../handlers/resources/resource-handler';
import { backoffMs, withRetries } from '../../sdk/retry';

describe('retry', () => {
  const policy = { baseMs: 100, capMs: 1000, maxAttempts: 5 };

  it('uses full jitter under a doubling, capped ceiling', () => {
    expect(backoffMs(policy, 1, () => 0.999)).toBe(99);
    expect(backoffMs(policy, 3, () => 0.5)).toBe(200);
    expect(backoffMs(policy, 10, () => 0.999)).toBe(999);
  });

  it('stops on a non-retryable error and when the next wait would pass the deadline', async () => {
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('x');
    };
    await expect(
      withRetries(failing, policy, { isRetryable: () => false, timeLeft: () => 1e6 }),
    ).rejects.toThrow('x');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetries(failing, policy, {
        isRetryable: () => true,
        timeLeft: () => 60,
        random: () => 0.5,
        sleep: async () => {},
      }),
    ).rejects.toThrow('x');
    expect(calls).toBe(1);
    calls = 0;
    await expect(
      withRetries(failing, policy, { isRetryable: () => true, timeLeft: () => 1e6, sleep: async () => {} }),
    ).rejects.toThrow('x');
    expect(calls).toBe(5);
  });
});

describe('cloud errors', () => {
  it.each([
    ['Throttling.User', 400, true],
    ['Throttling', 429, true],
    ['ServiceUnavailable', 503, true],
    ['OperationConflict.Task', 409, true],
    ['InternalError', 500, true],
    ['EntityNotExists.User', 404, false],
    ['InvalidParameter.X', 400, false],
  ] as const)('%s / HTTP %s retryable: %s', (code, status, retryable) => {
    expect(isRetryableCode(code, status)).toBe(retryable);
  });

  it('maps an openapi-core error and a transport error', () => {
    const sdk = Object.assign(new Error('code: 404, nope request id: R1'), {
      code: 'EntityNotExists.UserProvisioning',
      statusCode: 404,
      data: { Code: 'EntityNotExists.UserProvisioning', Message: 'gone', RequestId: 'R1' },
    });
    const mapped = toCloudError(sdk, 'CloudSSO.DeleteUserProvisioning');
    expect(mapped).toMatchObject({
      code: 'EntityNotExists.UserProvisioning',
      httpStatus: 404,
      requestId: 'R1',
      retryable: false,
    });
    expect(isGone('UserProvisioning', mapped)).toBe(true);
    expect(isGone('OIDCClientId', mapped)).toBe(false);
    expect(mapped.message).toBe(
      'CloudSSO.DeleteUserProvisioning failed: EntityNotExists.UserProvisioning (HTTP 404): gone [API request ID R1]',
    );
    const net = toCloudError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'IMS.GetOIDCProvider',
    );
    expect(net).toMatchObject({ code: 'NetworkError.ECONNREFUSED', httpStatus: 0, retryable: true });
  });
});

describe('config', () => {
  it('uses the stack region when CloudSSO runs there, else the configured one', () => {
    const settings = settingsFromEnv({ ROS_SSO_CLOUDSSO_REGION: 'ap-southeast-1' });
    expect(cloudSsoEndpointFor(settings, 'cn-hongkong').host).toBe('cloudsso.cn-hongkong.aliyuncs.com');
    expect(cloudSsoEndpointFor(settings, 'cn-hangzhou').host).toBe('cloudsso.ap-southeast-1.aliyuncs.com');
    expect(cloudSsoEndpointFor(settingsFromEnv({}), undefined).host).toBe(
      'cloudsso.cn-shanghai.aliyuncs.com',
    );
    expect(settings.imsEndpoint).toEqual({ host: 'ims.aliyuncs.com', protocol: 'https' });
  });

  it('accepts endpoint overrides, http only for loopback, and reads env credentials', () => {
    const s = settingsFromEnv({
      ROS_SSO_CLOUDSSO_ENDPOINT: 'http://127.0.0.1:8080',
      ROS_SSO_IMS_ENDPOINT: 'https://ims-vpc.aliyuncs.com',
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'id',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'secret',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'token',
      ROS_SSO_ALLOWED_ACCOUNTS: ' 1, 2 ,',
    });
    expect(s.cloudSsoEndpoint).toEqual({ host: '127.0.0.1:8080', protocol: 'http' });
    expect(s.imsEndpoint).toEqual({ host: 'ims-vpc.aliyuncs.com', protocol: 'https' });
    expect(s.envCredentials).toEqual({
      accessKeyId: 'id',
      accessKeySecret: 'secret',
      securityToken: 'token',
    });
    expect(s.allowedAccounts).toEqual(['1', '2']);
    expect(() => settingsFromEnv({ ROS_SSO_IMS_ENDPOINT: 'http://ims.aliyuncs.com' })).toThrow(/https URL/);
    expect(() => settingsFromEnv({ ROS_SSO_CLOUDSSO_REGION: 'cn-hangzhou' })).toThrow(
      /not a CloudSSO region/,
    );
  });
});

describe('deadline', () => {
  it('keeps a quarter of the budget, 200 ms to 8 s, for the answer', () => {
    expect(answerMarginMs(1000)).toBe(250);
    expect(answerMarginMs(60_000)).toBe(8000);
    expect(answerMarginMs(100)).toBe(200);
    let now = 0;
    const d = createDeadline({ endsAt: 10_000, now: () => now });
    now = 5000;
    expect(d.remaining()).toBe(5000);
    expect(d.workRemaining()).toBe(2500);
  });

  it('ends at the earlier of ROS wait and function timeout; clean-up may use the time until the function stops', () => {
    let now = 0;
    const clock = { startedAt: 0, functionTimeoutS: 900, now: () => now };
    const d = invocationDeadline(clock, { seconds: 60, from: 'default' });
    expect(d.answerRemaining()).toBe(60_000);
    expect(d.workRemaining()).toBe(52_000);
    now = 70_000;
    expect(d.workRemaining()).toBe(0);
    expect(d.remaining()).toBe(830_000);
    expect(d.forCleanup().workRemaining()).toBe(829_500);
    const short = invocationDeadline({ ...clock, functionTimeoutS: 10 }, { seconds: 60, from: 'default' });
    now = 0;
    expect(short.answerRemaining()).toBe(10_000);
  });
});

describe('ROS wait', () => {
  it('takes Timeout from the event when it is there, else the environment, else 60 s', () => {
    expect(rosWaitOf({ Timeout: 120 }, 300)).toEqual({ seconds: 120, from: 'event' });
    expect(rosWaitOf({ Timeout: '30', ResourceProperties: {} }, undefined)).toEqual({
      seconds: 30,
      from: 'event',
    });
    expect(rosWaitOf({ ResourceProperties: { Timeout: 45 } }, undefined)).toEqual({
      seconds: 45,
      from: 'event',
    });
    expect(rosWaitOf({ Timeout: 'soon' }, 300)).toEqual({ seconds: 300, from: 'environment' });
    expect(rosWaitOf({ Timeout: 0 }, undefined)).toEqual({ seconds: 60, from: 'default' });
    expect(rosWaitOf('not an object', undefined)).toEqual({ seconds: 60, from: 'default' });
  });

  it('reads ROS_SSO_RESOURCE_TIMEOUT as whole seconds and names it when it is wrong', () => {
    expect(settingsFromEnv({ ROS_SSO_RESOURCE_TIMEOUT: '120' }).resourceTimeoutS).toBe(120);
    expect(settingsFromEnv({}).resourceTimeoutS).toBeUndefined();
    expect(() => settingsFromEnv({ ROS_SSO_RESOURCE_TIMEOUT: '2m' })).toThrow(
      /ROS_SSO_RESOURCE_TIMEOUT '2m'/,
    );
  });
});

describe('error codes', () => {
  const cloud = (code: string, status: number) =>
    toCloudError(
      Object.assign(new Error('x'), {
        statusCode: status,
        data: { Code: code, Message: 'm', RequestId: 'R' },
      }),
      'CloudSSO.DeleteUserProvisioning',
    );

  it("counts only the resource's own not-found codes as gone, never a bare 404", () => {
    expect(isGone('UserProvisioning', cloud('EntityNotExists.UserProvisioning', 404))).toBe(true);
    expect(isGone('UserProvisioning', cloud('InvalidAccessKeyId.NotFound', 404))).toBe(false);
    expect(isGone('UserProvisioning', cloud('InvalidAction.NotFound', 404))).toBe(false);
    expect(isGone('UserProvisioning', cloud('EntityNotExists.Directory', 404))).toBe(false);
    expect(isGone('OIDCClientId', cloud('EntityNotExist.OIDCProvider', 404))).toBe(true);
    expect(isGone('OIDCClientId', cloud('EntityNotExist.OIDCProvider.ClientId', 404))).toBe(true);
    expect(isGone('OIDCClientId', cloud('EntityNotExists.UserProvisioning', 404))).toBe(false);
    expect(isGone('UserProvisioning', new Error('EntityNotExists.UserProvisioning'))).toBe(false);
  });

  it('knows when a failed call may still have taken effect', () => {
    const network = (code: string) =>
      toCloudError(Object.assign(new Error('socket'), { code }), 'CloudSSO.CreateUserProvisioning');
    expect(isOutcomeUnknown(network('ECONNRESET'))).toBe(true);
    expect(isOutcomeUnknown(network(''))).toBe(true);
    expect(isOutcomeUnknown(cloud('ServiceUnavailable', 503))).toBe(true);
    expect(isOutcomeUnknown(network('ECONNREFUSED'))).toBe(false);
    expect(isOutcomeUnknown(network('ENOTFOUND'))).toBe(false);
    expect(isOutcomeUnknown(cloud('Throttling.User', 400))).toBe(false);
    expect(isOutcomeUnknown(new Error('x'))).toBe(false);
    // An HTML page from a proxy: openapi-core fails parsing it, with no status; it is an answer.
    const html = toCloudError(new SyntaxError(`Unexpected token '<'`), 'CloudSSO.DeleteUserProvisioning');
    expect([html.code, isOutcomeUnknown(html)]).toEqual(['MalformedAnswer', true]);
    expect(html.message).toMatch(/MalformedAnswer \(an answer that is not JSON\)/);
    expect(isGone('UserProvisioning', html)).toBe(false);
  });

  it('puts the code and a hint for credential errors in the message', () => {
    expect(cloud('InvalidAccessKeyId.NotFound', 404).message).toMatch(
      /InvalidAccessKeyId\.NotFound \(HTTP 404\).*credentials were refused/,
    );
  });
});

describe('event parsing', () => {
  it('requires PhysicalResourceId and OldResourceProperties on Update', () => {
    const parsed = parseRequest({
      RequestType: 'Update',
      RequestId: 'r',
      ResponseURL: 'https://x',
      StackId: 's',
      LogicalResourceId: 'L',
      ResourceType: 'Custom::X',
      ResourceProperties: {},
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.reason).toBe(
        'malformed request: missing PhysicalResourceId; missing OldResourceProperties',
      );
  });
});

describe('properties', () => {
  it('coerces where the schema allows and reports pointers relative to the Parameters', () => {
    const props: Record<string, unknown> = { OIDCProviderName: 'github', ClientId: 12345 };
    expect(
      propertyIssues('https://ros-sso.dev/schemas/resources/Custom.RAMOIDCClientId.json', props),
    ).toEqual([]);
    expect(props.ClientId).toBe('12345');
    const issues = propertyIssues('https://ros-sso.dev/schemas/resources/Custom.RAMOIDCClientId.json', {});
    expect(issues.map((i) => [i.pointer, i.message])).toEqual([
      ['', 'missing required property OIDCProviderName'],
      ['', 'missing required property ClientId'],
    ]);
  });

  it('gives a handler step only properties its schema accepts, before any call', async () => {
    const calls: string[] = [];
    const call = (name: string) => async (): Promise<never> => {
      calls.push(name);
      throw new Error(`${name} was called`);
    };
    const deps: ResourceDeps = {
      cloudsso: {
        listUserProvisionings: call('listUserProvisionings'),
        createUserProvisioning: call('createUserProvisioning'),
        updateUserProvisioning: call('updateUserProvisioning'),
        deleteUserProvisioning: call('deleteUserProvisioning'),
        getUserProvisioning: call('getUserProvisioning'),
        failedEventCount: call('failedEventCount'),
      },
      ims: {
        addClientId: call('addClientId'),
        removeClientId: call('removeClientId'),
        getOidcProvider: call('getOidcProvider'),
      },
      created: () => calls.push('created'),
      log: createLogger(() => {}, { fcRequestId: 'test' }),
    };
    await expect(
      ramOidcClientId.delete({ OIDCProviderName: 'has space', ClientId: 'sts' }, 'github/sts', deps),
    ).rejects.toThrow(/^invalid ResourceProperties: \/OIDCProviderName: /);
    await expect(
      ramOidcClientId.update(
        { OIDCProviderName: 'github', ClientId: 'sts' },
        { ClientId: 'sts' },
        'github/sts',
        deps,
        false,
      ),
    ).rejects.toThrow('invalid OldResourceProperties: /: missing required property OIDCProviderName');
    expect(calls).toEqual([]);
    await expect(
      ramOidcClientId.delete({ OIDCProviderName: 'github', ClientId: 'sts' }, 'github/sts', deps),
    ).rejects.toThrow('removeClientId was called');
    expect(calls).toEqual(['removeClientId']);
  });
});

describe('log', () => {
  it('masks secret-named fields, URL queries and registered secret values', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), { fcRequestId: 'f' });
    log.addSecrets('super-secret-value');
    log.log({
      step: 's',
      outcome: 'ok',
      accessKeySecret: 'abc',
      responseUrl: 'https://h/p?Signature=zz',
      note: 'has super-secret-value inside',
    });
    expect(lines[0]).not.toContain('abc');
    expect(lines[0]).not.toContain('Signature=zz');
    expect(lines[0]).not.toContain('super-secret-value');
    expect(redactUrl('https://h:1/a/b?q=1')).toBe('https://h:1/a/b?***');
  });
});
