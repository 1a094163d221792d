import { cachedTypeNames, readIndex } from '../../../schemas/type-cache';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeRos, startFakeRos } from './fake-ros';
import { TYPE_NAMES, TYPES } from './fixtures';
import { envFor, tempCache, update } from './harness';

let fake: FakeRos;
let cache: string;

beforeEach(async () => {
  fake = await startFakeRos(TYPES);
  cache = tempCache();
});
afterEach(() => fake.close());

describe('schemas update: throttling', () => {
  it('backs off through a throttling storm and then fetches everything', async () => {
    const storm = [
      { status: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.' },
      { status: 429, code: 'Throttling' },
      { status: 400, code: 'Throttling.Api' },
      { status: 503, code: 'ServiceUnavailable' },
    ];
    fake.intercept = ({ action, n }) =>
      action === 'ListResourceTypes'
        ? n <= 2
          ? storm[0]
          : undefined
        : n <= 10
          ? storm[n % storm.length]
          : undefined;

    const r = await update(fake, cache);

    expect(r.code).toBe(0);
    expect(fake.calls.filter((c) => c.action === 'ListResourceTypes')).toHaveLength(3);
    expect(new Set(fake.gets())).toEqual(new Set(TYPE_NAMES));
    expect(cachedTypeNames(cache)).toEqual(TYPE_NAMES);
    expect(r.stderr).toMatch(/: (Throttling[.A-Za-z]*|ServiceUnavailable); retrying in \d/);
  });

  it('records a type that stays throttled as failed, keeps the rest and exits 1', async () => {
    fake.intercept = ({ action, params }) =>
      action === 'GetResourceType' && params.ResourceType === 'ALIYUN::ECS::VPC'
        ? { status: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.' }
        : undefined;

    const r = await update(fake, cache);

    expect(r.code).toBe(1);
    expect(fake.gets().filter((t) => t === 'ALIYUN::ECS::VPC')).toHaveLength(6);
    expect(cachedTypeNames(cache)).toEqual(TYPE_NAMES.filter((t) => t !== 'ALIYUN::ECS::VPC'));
    expect(r.stdout).toMatch(
      /failed ALIYUN::ECS::VPC: Throttling\.User \(HTTP 400\): Request was denied due to user flow control\. \[request ID [0-9A-F-]+\]\n/,
    );
    expect(readIndex(cache)?.CompletedAt).toBeUndefined();
  });
});

describe('schemas update: refusals', () => {
  it('exits 1 with one line and makes no call when the access key is missing', async () => {
    const r = await update(fake, cache, [], {
      env: envFor(cache, { ALIBABA_CLOUD_ACCESS_KEY_ID: undefined, ALIBABA_CLOUD_ACCESS_KEY_SECRET: '' }),
    });

    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ros-sso: schemas update needs an access key: set ALIBABA_CLOUD_ACCESS_KEY_ID/);
    expect(r.stdout).toBe('');
    expect(fake.calls).toEqual([]);
  });

  it('stops with a clear line when ListResourceTypes is denied, writing nothing', async () => {
    fake.intercept = () => ({
      status: 403,
      code: 'NoPermission',
      message:
        'You are not authorized to do this action. Resource: acs:ros:*:*:* Action: ros:ListResourceTypes',
    });

    const r = await update(fake, cache);

    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^ros-sso: ros:ListResourceTypes denied \(NoPermission, HTTP 403\): You are not/,
    );
    expect(r.stderr).toContain('needs ros:ListResourceTypes and ros:GetResourceType');
    expect(fake.gets()).toEqual([]);
    expect(readIndex(cache)).toBeUndefined();
  });

  it('stops at the first GetResourceType denial instead of failing every type', async () => {
    fake.intercept = ({ action }) =>
      action === 'GetResourceType'
        ? {
            status: 400,
            code: 'Forbidden.RAM',
            message: 'User not authorized to operate on the specified resource.',
          }
        : undefined;

    const r = await update(fake, cache);

    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ros-sso: ros:GetResourceType denied \(Forbidden\.RAM, HTTP 400\)/);
    expect(fake.gets().length).toBeLessThanOrEqual(3);
  });

  it('says the key was refused when the secret is wrong, and never prints the secret', async () => {
    const r = await update(fake, cache, [], {
      env: envFor(cache, { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret-xyz' }),
    });

    expect(r.code).toBe(1);
    expect(fake.refused).toEqual(['SignatureDoesNotMatch']);
    expect(r.stderr).toMatch(/^ros-sso: the access key was refused \(SignatureDoesNotMatch, HTTP 400\)/);
    expect(`${r.stdout}${r.stderr}`).not.toContain('wrong-secret-xyz');
  });

  it('records a type that is not found as failed and fetches the others', async () => {
    fake.intercept = ({ action }) =>
      action === 'ListResourceTypes'
        ? { status: 200, body: { ResourceTypes: [...TYPE_NAMES, 'ALIYUN::GONE::Thing'] } }
        : undefined;

    const r = await update(fake, cache);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${TYPE_NAMES.length} fetched, 1 failed`);
    expect(r.stdout).toContain(
      'failed ALIYUN::GONE::Thing: ResourceTypeNotFound (HTTP 404): The Resource Type (ALIYUN::GONE::Thing) could not be found.',
    );
    expect(cachedTypeNames(cache)).toEqual(TYPE_NAMES);
  });
});
