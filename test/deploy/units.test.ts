import { describe, expect, it } from 'vitest';
import { parseDeployArgs, UsageError } from '../../deploy/args';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCodePackage, zipEntryNames } from '../../deploy/code-package';
import { describeChanges } from '../../deploy/deploy';
import { classify, FcError, toFcError } from '../../deploy/errors';
import { credentialsFromEnv, resolveEndpoint } from '../../deploy/target';
import { crc64 } from './fake-fc';
import { makeZip } from './support';
import { tempDir } from '../support/temp';

const base = ['--region', 'cn-hangzhou', '--function', 'f'];

describe('deploy arguments', () => {
  it('reads every option', () => {
    expect(
      parseDeployArgs([
        ...base,
        '--role',
        'acs:ram::123:role/r',
        '--zip',
        'out.zip',
        '--memory',
        '1024',
        '--cpu',
        '0.5',
        '--timeout',
        '90',
        '--log-project',
        'logs',
        '--log-store',
        'fc',
        '--account-id',
        '123',
        '--endpoint',
        'http://127.0.0.1:9000',
        '--json',
      ]),
    ).toEqual({
      region: 'cn-hangzhou',
      functionName: 'f',
      role: 'acs:ram::123:role/r',
      zip: 'out.zip',
      memorySize: 1024,
      cpu: 0.5,
      timeout: 90,
      log: { project: 'logs', logstore: 'fc' },
      accountId: '123',
      endpoint: 'http://127.0.0.1:9000',
      json: true,
    });
    expect(parseDeployArgs(base)).toEqual({
      region: 'cn-hangzhou',
      functionName: 'f',
      zip: 'dist/fc/code.zip',
      json: false,
    });
    expect(parseDeployArgs(['-h'])).toBe('help');
  });

  it.each([
    [['--function', 'f'], '--region is required'],
    [['--region', 'Hangzhou', '--function', 'f'], 'is not a region ID'],
    [['--region', 'cn-hangzhou', '--function', '1abc'], 'not starting with a digit'],
    [[...base, '--memory', '96'], '--memory must be a multiple of 64'],
    [[...base, '--memory', '512MB'], '--memory must be a multiple of 64'],
    [[...base, '--cpu', '0.33'], '--cpu must be a multiple of 0.05'],
    [[...base, '--cpu', '2', '--memory', '1024'], 'memory must be 1 to 4 GB per vCPU'],
    [[...base, '--cpu', '1'], '--memory 512 MB (the default) does not fit --cpu 1'],
    [[...base, '--account-id', 'acme'], 'is not an account ID'],
    [[...base, 'extra'], 'unexpected argument extra'],
    [[...base, '--region', '--function', 'g'], '--region needs a value'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseDeployArgs(argv)).toThrow(UsageError);
    expect(() => parseDeployArgs(argv)).toThrow(message);
  });

  it('accepts vCPUs in steps of 0.05 that fit the memory', () => {
    expect(parseDeployArgs([...base, '--cpu', '0.15', '--memory', '512'])).toMatchObject({ cpu: 0.15 });
    expect(parseDeployArgs([...base, '--cpu', '0.35'])).toMatchObject({ cpu: 0.35 });
  });
});

describe('endpoint and credentials', () => {
  it('uses the account endpoint, a bare host over https, or an http URL only for loopback', () => {
    expect(resolveEndpoint('cn-shanghai', undefined, '123')).toEqual({
      host: '123.cn-shanghai.fc.aliyuncs.com',
      protocol: 'https',
    });
    expect(resolveEndpoint('cn-shanghai', 'fc.example.com:8443', undefined)).toEqual({
      host: 'fc.example.com:8443',
      protocol: 'https',
    });
    expect(resolveEndpoint('cn-shanghai', 'http://127.0.0.1:9000', undefined)).toEqual({
      host: '127.0.0.1:9000',
      protocol: 'http',
    });
    expect(() => resolveEndpoint('cn-shanghai', 'http://fc.example.com', undefined)).toThrow(
      'plain http only for a loopback host',
    );
    expect(() => resolveEndpoint('cn-shanghai', undefined, undefined)).toThrow('needs the account ID');
  });

  it('reads the AccessKey and the optional STS token from the environment', () => {
    expect(
      credentialsFromEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's' }),
    ).toEqual({
      accessKeyId: 'id',
      accessKeySecret: 's',
    });
    expect(
      credentialsFromEnv({
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 's',
        ALIBABA_CLOUD_SECURITY_TOKEN: 't',
      }),
    ).toMatchObject({ securityToken: 't' });
    expect(() => credentialsFromEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'id' })).toThrow(
      'no credentials: set ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    );
  });
});

describe('FC errors', () => {
  it.each([
    ['FunctionNotFound', 404, 'notFound'],
    ['FunctionAlreadyExists', 409, 'alreadyExists'],
    ['AccessDenied', 403, 'denied'],
    ['Forbidden.RAM', 403, 'denied'],
    ['SignatureNotMatch', 403, 'credentials'],
    ['InvalidAccessKeyID', 403, 'credentials'],
    ['ResourceExhausted', 429, 'quota'],
    ['LimitExceeded', 400, 'quota'],
    ['Throttling.User', 429, 'throttled'],
    ['ResourceThrottled', 503, 'throttled'],
    ['TooManyRequests', 429, 'throttled'],
    ['ConcurrentUpdateError', 409, 'conflict'],
    ['InternalServerError', 500, 'server'],
    ['InvalidArgument', 400, 'invalid'],
    ['PathNotSupported', 404, 'other'],
    ['ECONNREFUSED', 0, 'network'],
  ])('%s (HTTP %i) is %s', (code, status, kind) => {
    expect(classify(code, status)).toBe(kind);
  });

  it('reads the SDK error shape: FC 3.0 {Code, Message, RequestId} in data', () => {
    const sdkError = Object.assign(new Error('AccessDenied: code: 403, denied request id: 1-a'), {
      code: 'AccessDenied',
      statusCode: 403,
      data: { Code: 'AccessDenied', Message: 'denied', RequestId: '1-a' },
    });
    const err = toFcError(sdkError, 'CreateFunction');
    expect(err).toBeInstanceOf(FcError);
    expect([err.code, err.httpStatus, err.requestId, err.serverMessage, err.kind, err.retryable]).toEqual([
      'AccessDenied',
      403,
      '1-a',
      'denied',
      'denied',
      false,
    ]);
    expect(
      toFcError(Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }), 'GetFunction')
        .retryable,
    ).toBe(false);
    expect(
      toFcError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'GetFunction').retryable,
    ).toBe(true);
  });
});

describe('code package and changes', () => {
  it('lists the entries of a zip and refuses other bytes', () => {
    expect(zipEntryNames(makeZip({ 'index.js': 'a', 'lib/x.js': 'b' }))).toEqual(['index.js', 'lib/x.js']);
    expect(zipEntryNames(Buffer.from('PK but not really a zip archive'))).toBeUndefined();
    // An empty archive (only its end record) has no handler to run.
    const dir = tempDir('ros-sso-zip-');
    writeFileSync(join(dir, 'empty.zip'), makeZip({}));
    expect(() => readCodePackage('empty.zip', dir)).toThrow(/has no index\.js at its root/);
  });

  it('names only the requested settings that differ', () => {
    expect(
      describeChanges(
        { runtime: 'nodejs18', handler: 'index.handler', timeout: 60, memorySize: 512, logConfig: {} },
        {
          functionName: 'f',
          runtime: 'nodejs20',
          handler: 'index.handler',
          timeout: 60,
          logConfig: { project: 'p', logstore: 's' },
        },
      ),
    ).toEqual(['runtime nodejs18 → nodejs20', 'logs unset → p/s']);
  });

  it('computes FC’s CRC-64 (CRC-64/XZ check value) in the fake server', () => {
    expect(crc64(Buffer.from('123456789'))).toBe(BigInt('0x995dc9bbdf1939fa').toString());
  });
});
