import { describe, expect, it } from 'vitest';
import { parseSchemasUpdateArgs } from '../../../schema-tools/update/args';
import { backoffPolicy, DEFAULT_BACKOFF } from '../../../schema-tools/update/backoff';
import { backoffMs } from '../../../sdk/retry';
import { parseHostOrUrl as parseEndpoint } from '../../../sdk/endpoint';
import { failureKind, toRosCallError } from '../../../schema-tools/update/errors';
import { compileTypePattern } from '../../../schema-tools/update/type-pattern';

describe('--types patterns', () => {
  it('match whole names by comma-separated, case-insensitive globs', () => {
    const m = compileTypePattern('ALIYUN::FC3::*, aliyun::ram::role');
    expect(['ALIYUN::FC3::Function', 'ALIYUN::RAM::Role'].every(m)).toBe(true);
    expect(m('ALIYUN::FC::Function')).toBe(false);
    expect(m('ALIYUN::RAM::RoleAttachment')).toBe(false);
    expect(compileTypePattern('ALIYUN::ECS::?PC')('ALIYUN::ECS::VPC')).toBe(true);
  });

  it('take /regex/ in JavaScript syntax, ignoring the stateful g flag', () => {
    const m = compileTypePattern('/^DATASOURCE::(VPC|ECS)::/g');
    expect([m('DATASOURCE::VPC::Vpcs'), m('DATASOURCE::VPC::Vpcs'), m('ALIYUN::VPC::X')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('run /regex/ in linear time (RE2) with the i, m and s flags, and refuse what needs backtracking', () => {
    // A backtracking engine takes exponential time on this input; RE2 answers at once.
    expect(compileTypePattern('/^(a+)+$/')(`${'a'.repeat(5000)}b`)).toBe(false);
    expect(compileTypePattern('/^aliyun::ram::/i')('ALIYUN::RAM::Role')).toBe(true);
    expect(compileTypePattern('/^aliyun::ram::/')('ALIYUN::RAM::Role')).toBe(false);
    // A leading lookahead runs as a conjunction of linear parts; a backreference cannot run at all.
    expect(compileTypePattern('/^(?!ALIYUN::ECS::)ALIYUN::/')('ALIYUN::ECS::VPC')).toBe(false);
    expect(() => compileTypePattern('/^(A)\\1/')).toThrow(
      /needs a backreference, which does not run in linear time/,
    );
  });

  it('reject what cannot be a type name or a valid regex', () => {
    expect(() => compileTypePattern('ALIYUN::FC3::[a-z]')).toThrow(/not a type name or glob/);
    expect(() => compileTypePattern('/(/')).toThrow(/invalid regular expression/);
    expect(() => compileTypePattern(' , ')).toThrow(/empty/);
  });
});

describe('failure kinds', () => {
  it.each([
    ['Throttling.User', 400, 'throttled'],
    ['Throttling', 429, 'throttled'],
    ['Throttling.Api', 400, 'throttled'],
    ['ServiceUnavailable', 503, 'throttled'],
    ['Anything', 429, 'throttled'],
    ['InternalError', 500, 'transient'],
    ['NetworkError.ECONNRESET', 0, 'transient'],
    ['NoPermission', 403, 'denied'],
    ['Forbidden.RAM', 400, 'denied'],
    ['Auth.AccessDenied.Workspace', 400, 'denied'],
    ['InvalidAccessKeyId.NotFound', 404, 'credentials'],
    ['SignatureDoesNotMatch', 400, 'credentials'],
    ['InvalidSecurityToken.Expired', 400, 'credentials'],
    ['ResourceTypeNotFound', 404, 'rejected'],
    ['InvalidParameter', 400, 'rejected'],
  ] as const)('%s (HTTP %i) is %s', (code, status, kind) => {
    expect(failureKind(code, status)).toBe(kind);
  });

  it('reads an SDK error body and drops the transport URL', () => {
    const sdk = Object.assign(new Error('code: 400, flow request id: R1'), {
      code: 'Throttling.User',
      statusCode: 400,
      requestId: 'R1',
      retryAfter: 1500,
      data: {
        Code: 'Throttling.User',
        Message: 'Request was denied due to user flow control.',
        RequestId: 'R1',
      },
    });
    const err = toRosCallError(sdk, 'GetResourceType');
    expect(err).toMatchObject({
      code: 'Throttling.User',
      httpStatus: 400,
      requestId: 'R1',
      retryAfterMs: 1500,
    });
    expect(err.message).toBe(
      'GetResourceType: Throttling.User (HTTP 400): Request was denied due to user flow control. [request ID R1]',
    );
    const net = Object.assign(
      new Error('socket hang upPOST https://ros.aliyuncs.com/?ResourceType=X failed.'),
      {
        code: 'ECONNRESET',
      },
    );
    expect(toRosCallError(net, 'GetResourceType').message).toBe(
      'GetResourceType: NetworkError.ECONNRESET (no answer): socket hang up',
    );
  });
});

describe('backoff', () => {
  it('doubles from 1 s to a 16 s cap with jitter in the upper half', () => {
    const ceilings = [1, 2, 3, 4, 5, 6].map((retry) => backoffMs(DEFAULT_BACKOFF, retry, () => 1, 'equal'));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 16000]);
    expect(backoffMs(DEFAULT_BACKOFF, 3, () => 0, 'equal')).toBe(2000);
  });

  it('takes its base from ROS_SSO_SCHEMAS_BACKOFF_MS', () => {
    expect(backoffPolicy({ ROS_SSO_SCHEMAS_BACKOFF_MS: '5' })).toEqual({
      baseMs: 5,
      capMs: 80,
      maxAttempts: 6,
    });
    expect(backoffPolicy({ ROS_SSO_SCHEMAS_BACKOFF_MS: 'soon' })).toEqual(DEFAULT_BACKOFF);
    expect(backoffPolicy({})).toEqual(DEFAULT_BACKOFF);
  });
});

describe('arguments', () => {
  it('default the region from the environment, then cn-hangzhou', () => {
    expect(parseSchemasUpdateArgs([], {})).toMatchObject({ region: 'cn-hangzhou', force: false });
    expect(parseSchemasUpdateArgs([], { ALIBABA_CLOUD_REGION_ID: 'eu-central-1' })).toMatchObject({
      region: 'eu-central-1',
    });
    expect(parseSchemasUpdateArgs(['--region', 'ap-southeast-1', '--force'], {})).toMatchObject({
      region: 'ap-southeast-1',
      force: true,
    });
  });

  it('take an endpoint as a URL or host[:port]', () => {
    expect(parseEndpoint('http://127.0.0.1:8080')).toEqual({ protocol: 'http', host: '127.0.0.1:8080' });
    expect(parseEndpoint('ros.aliyuncs.com')).toEqual({ protocol: 'https', host: 'ros.aliyuncs.com' });
    expect(parseEndpoint('https://ros.aliyuncs.com/')).toEqual({
      protocol: 'https',
      host: 'ros.aliyuncs.com',
    });
    expect(parseEndpoint('ftp://x')).toBeUndefined();
    expect(parseEndpoint('http://x/path')).toBeUndefined();
    // Signed requests carry the AccessKey ID and token: plain http only to this machine.
    expect(parseEndpoint('http://ros.example.com')).toBeUndefined();
    expect(parseEndpoint('http://localhost:9000')).toEqual({ protocol: 'http', host: 'localhost:9000' });
  });

  it('refuse unknown options, stray arguments and malformed values', () => {
    expect(() => parseSchemasUpdateArgs(['--typo'], {})).toThrow();
    expect(() => parseSchemasUpdateArgs(['extra'], {})).toThrow(/unexpected argument extra/);
    expect(() => parseSchemasUpdateArgs(['--region', 'CN HANGZHOU'], {})).toThrow(/--region/);
    expect(() => parseSchemasUpdateArgs(['--endpoint', 'ftp://x'], {})).toThrow(/--endpoint/);
    expect(parseSchemasUpdateArgs(['-h'], {})).toBe('help');
  });
});
