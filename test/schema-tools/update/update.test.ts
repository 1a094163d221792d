import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedTypeNames, readCachedType, readIndex } from '../../../schemas/type-cache';
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

describe('schemas update: a full run', () => {
  it('lists every entity type, fetches each one and writes one file per type plus a completed index', async () => {
    const r = await update(fake, cache);

    expect(r.code).toBe(0);
    expect(fake.refused).toEqual([]);
    expect(fake.calls[0]).toMatchObject({ action: 'ListResourceTypes', params: { EntityType: 'All' } });
    expect(fake.gets().sort()).toEqual(TYPE_NAMES);
    expect(cachedTypeNames(cache)).toEqual(TYPE_NAMES);
    expect(readdirSync(cache)).toContain('ALIYUN.ROS.WaitConditionHandle.json');
    const index = readIndex(cache);
    expect(index).toMatchObject({ Region: 'cn-hangzhou', Types: TYPE_NAMES });
    expect(Date.parse(index?.CompletedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(index?.StartedAt ?? ''));
    expect(r.stdout).toContain(
      `schemas update: ${TYPE_NAMES.length} types: ${TYPE_NAMES.length} fetched, 0 failed`,
    );
    expect(r.stdout).toContain(`cache: ${cache} (run complete)`);
  });

  it('keeps the definition as the API gave it, minus Description prose', async () => {
    await update(fake, cache, ['--region', 'cn-shanghai']);

    const role = readCachedType(cache, 'ALIYUN::RAM::Role');
    expect(role).toMatchObject({
      ResourceType: 'ALIYUN::RAM::Role',
      EntityType: 'Resource',
      Region: 'cn-shanghai',
    });
    expect(Number.isNaN(Date.parse(role?.FetchedAt ?? ''))).toBe(false);
    expect(Object.keys(role?.Properties ?? {}).sort()).toEqual(
      Object.keys(TYPES['ALIYUN::RAM::Role']?.Properties ?? {}).sort(),
    );
    const policies = role?.Properties.Policies as Record<string, any>;
    expect(policies.Description).toBeUndefined();
    expect(policies.Type).toBe('list');
    // A nested property named Description stays; only its prose goes.
    const nested = policies.Schema['*'].Schema.Description;
    expect(nested).toMatchObject({
      Type: 'string',
      Constraints: [{ Length: { Max: 1024 } }],
      UpdateAllowed: false,
    });
    expect(nested.Description).toBeUndefined();
    expect(JSON.stringify(role)).not.toMatch(/"Description":"/);
    expect(readCachedType(cache, 'ALIYUN::ROS::CustomResource')?.Attributes).toEqual({
      Outputs: {},
      '*': {},
    });
    expect(readCachedType(cache, 'DATASOURCE::VPC::Vpcs')?.EntityType).toBe('DataSource');
    expect(readCachedType(cache, 'MODULE::ACS::Demo')?.EntityType).toBe('Module');
  });

  it('fetches only the types --types selects, and leaves the index unfinished', async () => {
    const r = await update(fake, cache, ['--types', 'aliyun::fc3::*,ALIYUN::RAM::Role']);

    expect(r.code).toBe(0);
    expect(fake.gets().sort()).toEqual([...FC3, 'ALIYUN::RAM::Role'].sort());
    expect(cachedTypeNames(cache)).toEqual([...FC3, 'ALIYUN::RAM::Role'].sort());
    expect(readIndex(cache)?.Types).toEqual(TYPE_NAMES);
    expect(readIndex(cache)?.CompletedAt).toBeUndefined();
    expect(r.stdout).toContain(`${FC3.length + 1} of ${TYPE_NAMES.length} types`);
  });

  it('accepts a /regex/ for --types and exits 1 when it matches nothing', async () => {
    expect((await update(fake, cache, ['--types', '/^DATASOURCE::/'])).code).toBe(0);
    expect(fake.gets()).toEqual(['DATASOURCE::VPC::Vpcs']);

    const none = await update(fake, cache, ['--types', 'ALIYUN::NOPE::*']);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      `ros-sso: no listed resource type matches --types (${TYPE_NAMES.length} listed)\n`,
    );
  });
});

describe('schemas update: progress', () => {
  it('rewrites one line on a terminal', async () => {
    const r = await update(fake, cache, ['--types', 'ALIYUN::FC3::*'], { isTTY: true });

    expect(r.stderr).toMatch(
      /^\r\x1b\[2K\[1\/2\] ALIYUN::FC3::\w+\r\x1b\[2K\[2\/2\] ALIYUN::FC3::\w+\r\x1b\[2K$/,
    );
  });

  it('prints whole lines at intervals otherwise', async () => {
    const r = await update(fake, cache);

    const lines = r.stderr.trim().split('\n');
    expect(lines.every((l) => /^\[\d+\/\d+\] \S+$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(new RegExp(`^\\[${TYPE_NAMES.length}/${TYPE_NAMES.length}\\] `));
  });

  it('writes files a reader can parse at any moment (no half-written .json)', async () => {
    await update(fake, cache);
    for (const name of readdirSync(cache)) {
      expect(name.endsWith('.tmp')).toBe(false);
      expect(() => JSON.parse(readFileSync(join(cache, name), 'utf8'))).not.toThrow();
    }
  });
});
