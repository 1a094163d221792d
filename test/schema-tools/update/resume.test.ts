import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedTypeNames, readCachedType, readIndex, writeIndex } from '../../../schemas/type-cache';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeRos, startFakeRos } from './fake-ros';
import { TYPE_NAMES, TYPES } from './fixtures';
import { tempCache, update } from './harness';

let fake: FakeRos;
let cache: string;

beforeEach(async () => {
  fake = await startFakeRos(TYPES);
  cache = tempCache();
});
afterEach(() => fake.close());

const FC3 = TYPE_NAMES.filter((t) => t.startsWith('ALIYUN::FC3::'));

describe('schemas update: resuming', () => {
  it('after the server fails hard, a rerun fetches only the types the first run did not', async () => {
    fake.intercept = ({ action, n }) => (action === 'GetResourceType' && n > 6 ? 'hangup' : undefined);

    const first = await update(fake, cache);

    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/ros-sso: stopped after 5 types in a row failed; the last: NetworkError/);
    const saved = cachedTypeNames(cache);
    expect(saved).toHaveLength(6);
    expect(readIndex(cache)?.CompletedAt).toBeUndefined();
    expect(first.stdout).toMatch(/6 fetched, [5-7] failed, \d+ not attempted/);

    fake.intercept = undefined;
    fake.calls.length = 0;
    const second = await update(fake, cache);

    expect(second.code).toBe(0);
    expect(fake.gets().sort()).toEqual(TYPE_NAMES.filter((t) => !saved.includes(t)));
    expect(second.stderr).toContain(`${saved.length} of ${TYPE_NAMES.length} types already fetched`);
    expect(second.stdout).toContain(`6 skipped (fetched by the unfinished run started`);
    expect(readIndex(cache)?.CompletedAt).toBeDefined();
    expect(cachedTypeNames(cache)).toEqual(TYPE_NAMES);
  });

  it('refetches everything with --force, and after a completed run', async () => {
    fake.intercept = ({ action, n }) => (action === 'GetResourceType' && n > 4 ? 'hangup' : undefined);
    await update(fake, cache);
    fake.intercept = undefined;
    fake.calls.length = 0;

    expect((await update(fake, cache, ['--force'])).code).toBe(0);
    expect(fake.gets().sort()).toEqual(TYPE_NAMES);

    fake.calls.length = 0;
    expect((await update(fake, cache)).code).toBe(0);
    expect(fake.gets().sort()).toEqual(TYPE_NAMES);
  });

  it('does not resume an unfinished run of another region or one older than a day', async () => {
    await update(fake, cache, ['--types', 'ALIYUN::FC3::*']);
    fake.calls.length = 0;
    await update(fake, cache, ['--types', 'ALIYUN::FC3::*', '--region', 'eu-central-1']);
    expect(fake.gets().sort()).toEqual(FC3);

    const index = readIndex(cache);
    if (index === undefined) throw new Error('no index');
    writeIndex(cache, { ...index, StartedAt: new Date(Date.now() - 25 * 3600_000).toISOString() });
    fake.calls.length = 0;
    await update(fake, cache, ['--types', 'ALIYUN::FC3::*', '--region', 'eu-central-1']);
    expect(fake.gets().sort()).toEqual(FC3);
  });

  it('refetches a cache file that no longer reads back', async () => {
    fake.intercept = ({ action, n }) => (action === 'GetResourceType' && n > 6 ? 'hangup' : undefined);
    await update(fake, cache);
    const [victim = ''] = cachedTypeNames(cache);
    writeFileSync(join(cache, `${victim.replaceAll('::', '.')}.json`), '{"ResourceType": "trunc');
    fake.intercept = undefined;
    fake.calls.length = 0;

    await update(fake, cache);

    expect(fake.gets()).toContain(victim);
    expect(readCachedType(cache, victim)?.ResourceType).toBe(victim);
  });
});
