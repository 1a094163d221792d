import { describe, expect, it } from 'vitest';
import { writeCachedType } from '../../schemas/type-cache';
import { runCli, workspace } from '../support/cli';

interface Row {
  type: string;
  provenance: string;
  source: string;
  origin?: string;
}

describe('ros-sso schemas list / info', () => {
  it('lists every defined type with its provenance and package@version', () => {
    const run = runCli(['schemas', 'list', '--format', 'json']);
    expect(run.code).toBe(0);
    const { types, officialWithoutDefinition } = JSON.parse(run.stdout) as {
      types: Row[];
      officialWithoutDefinition: number;
    };
    const byType = new Map(types.map((r) => [r.type, r]));
    expect(byType.get('ALIYUN::ECS::VPC')).toEqual({
      type: 'ALIYUN::ECS::VPC',
      provenance: 'cdk',
      source: '@alicloud/ros-cdk-ecs@1.11.0',
      origin: 'npm registry',
    });
    expect(byType.get('ALIYUN::SAE::Application')?.origin).toMatch(/alibabacloud-go\/ros-cdk at 11cf43d/);
    expect(byType.get('ALIYUN::POLARDB::DBInstance')).toMatchObject({
      provenance: 'spec',
      source: '@alicloud/ros-cdk-spec@1.0.13',
    });
    expect(byType.get('ALIYUN::FC3::Function')?.provenance).toBe('overlay');
    expect(byType.get('ALIYUN::CloudSSO::UserProvision')?.provenance).toBe('project');
    expect(types.length).toBeGreaterThan(900);
    expect(officialWithoutDefinition).toBeGreaterThan(100);

    const text = runCli(['schemas', 'list']).stdout;
    expect(text).toMatch(/^ALIYUN::ECS::VPC +cdk +@alicloud\/ros-cdk-ecs@1\.11\.0$/m);
    expect(text).toMatch(
      /\n\d+ types with a definition \(\d+ cdk, \d+ spec, \d+ project, 1 overlay\); \d+ more official/,
    );
  });

  it('shows a refreshed definition as such, with where and when it was fetched', () => {
    const cache = workspace({});
    writeCachedType(cache, {
      ResourceType: 'ALIYUN::ECS::VPC',
      EntityType: 'Resource',
      Properties: { VpcName: { Type: 'string', Required: false, UpdateAllowed: true } },
      Attributes: { VpcId: {} },
      FetchedAt: '2026-11-20T00:00:00Z',
      Region: 'cn-hangzhou',
    });
    const run = runCli(['schemas', 'info', 'ALIYUN::ECS::VPC'], undefined, { ROS_SSO_SCHEMA_CACHE: cache });
    expect(run.stdout).toContain('provenance    refreshed\n');
    expect(run.stdout).toContain('source        ROS GetResourceType (cn-hangzhou, 2026-11-20T00:00:00Z)');
  });

  it('describes one type: source, properties, required, attributes, fixed properties', () => {
    const run = runCli(['schemas', 'info', 'ALIYUN::ECS::VSwitch', '--format', 'json']);
    expect(run.code).toBe(0);
    const facts = JSON.parse(run.stdout);
    expect(facts).toMatchObject({
      type: 'ALIYUN::ECS::VSwitch',
      provenance: 'cdk',
      source: '@alicloud/ros-cdk-ecs@1.11.0',
      stale: true,
    });
    expect(facts.required).toEqual(expect.arrayContaining(['VpcId', 'ZoneId']));
    expect(facts.attributes).toContain('VSwitchId');
    expect(facts.notUpdatable).toContain('/VpcId');
    expect(runCli(['schemas', 'info', 'ALIYUN::ECS::VSwitch']).stdout).toContain(
      '  provenance    cdk (bundled: stale-prone findings are warnings)\n  source        @alicloud/ros-cdk-ecs@1.11.0 (npm registry)\n',
    );
  });

  it('tells an official type without a definition from an unknown one', () => {
    const official = runCli(['schemas', 'info', 'ALIYUN::ACS::ApplicationPod']);
    expect(official.code).toBe(0);
    expect(official.stdout).toContain('an official ROS type without a definition here');
    const typo = runCli(['schemas', 'info', 'ALIYUN::ECS::Instanse']);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toBe(
      'ALIYUN::ECS::Instanse: unknown resource type; did you mean ALIYUN::ECS::Instance?\n',
    );
    expect(runCli(['schemas', 'info']).code).toBe(2);
    expect(runCli(['schemas', 'list', '--format', 'xml']).stderr).toMatch(/unknown format xml/);
  });
});
