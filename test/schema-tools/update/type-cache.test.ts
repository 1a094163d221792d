import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CachedType,
  cacheDir,
  cachedTypeNames,
  cacheFileName,
  readCachedType,
  readIndex,
  writeCachedType,
  writeIndex,
} from '../../../schemas/type-cache';
import { tempCache } from './harness';

const VPC: CachedType = {
  ResourceType: 'ALIYUN::ECS::VPC',
  EntityType: 'Resource',
  Properties: { VpcName: { Type: 'string', Required: false, UpdateAllowed: true } },
  Attributes: { VpcId: {} },
  FetchedAt: '2026-11-23T10:00:00.000Z',
  Region: 'cn-hangzhou',
};

describe('type cache', () => {
  it('lives in ROS_SSO_SCHEMA_CACHE, else under XDG_CACHE_HOME, else under ~/.cache', () => {
    expect(cacheDir({ ROS_SSO_SCHEMA_CACHE: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/c');
    expect(cacheDir({ XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/ros-sso/resource-types');
    expect(cacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/h' })).toBe('/h/.cache/ros-sso/resource-types');
    expect(cacheDir({ HOME: '/h' })).toBe('/h/.cache/ros-sso/resource-types');
  });

  it('names a file after its type with :: as .', () => {
    expect(cacheFileName('ALIYUN::ECS::Instance')).toBe('ALIYUN.ECS.Instance.json');
    expect(cacheFileName('DATASOURCE::VPC::Vpcs')).toBe('DATASOURCE.VPC.Vpcs.json');
    expect(() => cacheFileName('index')).toThrow();
    expect(() => cacheFileName('ALIYUN::../../etc')).toThrow();
  });

  it('reads back what it wrote, and lists it from the directory alone', () => {
    const dir = tempCache();
    writeCachedType(dir, VPC);
    writeIndex(dir, { Region: 'cn-hangzhou', StartedAt: VPC.FetchedAt, Types: ['ALIYUN::ECS::VPC'] });

    expect(readCachedType(dir, 'ALIYUN::ECS::VPC')).toEqual(VPC);
    expect(readdirSync(dir).sort()).toEqual(['ALIYUN.ECS.VPC.json', 'index.json']);
    expect(cachedTypeNames(dir)).toEqual(['ALIYUN::ECS::VPC']);
    expect(readIndex(dir)).toEqual({
      Region: 'cn-hangzhou',
      StartedAt: VPC.FetchedAt,
      Types: ['ALIYUN::ECS::VPC'],
    });
  });

  it('reads a corrupt, foreign or missing file as undefined, never a throw', () => {
    const dir = tempCache();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ALIYUN.ECS.VPC.json'), '{"ResourceType": "ALIYUN::ECS::VPC", "Prop');
    writeFileSync(
      join(dir, 'ALIYUN.RAM.Role.json'),
      JSON.stringify({ ...VPC, ResourceType: 'ALIYUN::ECS::VPC' }),
    );
    writeFileSync(
      join(dir, 'ALIYUN.RAM.User.json'),
      JSON.stringify({ ...VPC, ResourceType: 'ALIYUN::RAM::User', Properties: [] }),
    );
    writeFileSync(
      join(dir, 'ALIYUN.RAM.Group.json'),
      JSON.stringify({ ...VPC, ResourceType: 'ALIYUN::RAM::Group', FetchedAt: 'soon' }),
    );
    writeFileSync(join(dir, 'index.json'), '[]');

    expect(readCachedType(dir, 'ALIYUN::ECS::VPC')).toBeUndefined();
    expect(readCachedType(dir, 'ALIYUN::RAM::Role')).toBeUndefined();
    expect(readCachedType(dir, 'ALIYUN::RAM::User')).toBeUndefined();
    expect(readCachedType(dir, 'ALIYUN::RAM::Group')).toBeUndefined();
    expect(readCachedType(dir, 'ALIYUN::ECS::Missing')).toBeUndefined();
    expect(readCachedType(dir, '../../etc/passwd')).toBeUndefined();
    expect(readCachedType(join(dir, 'nowhere'), 'ALIYUN::ECS::VPC')).toBeUndefined();
    expect(readIndex(dir)).toBeUndefined();
    expect(readIndex(join(dir, 'nowhere'))).toBeUndefined();
  });

  it('lists neither temp files, the index nor names that are not types; a missing directory lists nothing', () => {
    const dir = tempCache();
    writeCachedType(dir, VPC);
    writeFileSync(join(dir, '.ALIYUN.RAM.Role.json.k3j2.tmp'), '{');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, 'stray.json'), '{}');
    writeIndex(dir, { Region: 'r', StartedAt: VPC.FetchedAt, Types: [] });

    expect(cachedTypeNames(dir)).toEqual(['ALIYUN::ECS::VPC']);
    expect(cachedTypeNames(join(dir, 'nowhere'))).toEqual([]);
  });

  it('replaces a file whole on rewrite and leaves no temp file behind', () => {
    const dir = tempCache();
    writeCachedType(dir, VPC);
    writeCachedType(dir, { ...VPC, Properties: {}, FetchedAt: '2026-11-24T00:00:00.000Z' });

    expect(readCachedType(dir, 'ALIYUN::ECS::VPC')?.FetchedAt).toBe('2026-11-24T00:00:00.000Z');
    expect(readdirSync(dir)).toEqual(['ALIYUN.ECS.VPC.json']);
  });
});
