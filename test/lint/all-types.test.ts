import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCachedType } from '../../schemas/type-cache';
import { ROOT, runCli, workspace } from '../support/cli';

interface JsonFinding {
  line: number;
  ruleId: string;
  severity: string;
  message: string;
  path: string;
}

const corpus = (name: string) => readFileSync(join(ROOT, 'test/corpus/templates', name), 'utf8');

/** Lints `text` (a corpus template with one planted change) and returns its findings. */
function lintPlanted(
  name: string,
  from: string,
  to: string,
  env: Record<string, string> = {},
): JsonFinding[] {
  const original = corpus(name);
  expect(original).toContain(from);
  const dir = workspace({ [name]: original.replace(from, to) });
  const run = runCli(['lint', name, '--format', 'json'], dir, env);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { results: JsonFinding[] }).results.filter(
    (f) => f.severity !== 'info' || f.ruleId !== 'resource-no-schema',
  );
}

describe('every ROS type, checked property by property with the severity its provenance gives', () => {
  it('VPC (bundled, CDK): a misspelt property is info that names its package@version, the near miss and the fix', () => {
    const [f, ...rest] = lintPlanted('vpc-ecs-web.yaml', '      VpcName:\n', '      VpcNmae:\n');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      ruleId: 'property-unknown',
      severity: 'info',
      path: '/Resources/Vpc/Properties/VpcNmae',
    });
    expect(f.message).toContain('did you mean VpcName?');
    expect(f.message).toContain('not in the bundled @alicloud/ros-cdk-ecs@1.11.0 definitions');
    expect(f.message).toContain('ros-sso schemas update');
  });

  it('ECS (bundled): a required property removed is a warning', () => {
    const findings = lintPlanted('vpc-ecs-web.yaml', '      VpcId: !Ref Vpc\n', '');
    expect(findings.map((f) => [f.ruleId, f.severity, f.path])).toEqual([
      ['property-required', 'warning', '/Resources/VSwitch/Properties'],
    ]);
  });

  it('RAM (bundled): a value out of range is an error (stale data does not narrow ranges)', () => {
    const findings = lintPlanted(
      'ram-roles-policies.yaml',
      'MaxSessionDuration: 3600',
      'MaxSessionDuration: 99',
    );
    expect(findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['property-range', 'error', '99 must be >= 3600'],
    ]);
  });

  it('FC (bundled): a top-level value of the wrong type is an error', () => {
    const findings = lintPlanted('fc-provider-user-provision.yaml', 'Timeout: 600', 'Timeout: soon');
    const planted = findings.filter((f) => f.path.endsWith('/Timeout'));
    expect(planted.map((f) => [f.ruleId, f.severity, f.line])).toEqual([['property-type', 'error', 97]]);
  });

  it('OSS (bundled): a value outside the bundled AllowedValues is a warning', () => {
    const findings = lintPlanted(
      'oss-log-buckets.json',
      '"AccessControl": "private",',
      '"AccessControl": "privat",',
    );
    const planted = findings.filter((f) => f.ruleId === 'property-allowed-values');
    expect(planted.map((f) => [f.severity, f.path])).toEqual([
      ['warning', '/Resources/LogBucket/Properties/AccessControl'],
    ]);
  });

  it('FC3 (overlay, checked in here): a misspelt property is a warning (published definitions omit some accepted properties)', () => {
    const findings = lintPlanted('fc3-oidc-provider.yaml', 'MemorySize: 512', 'MemorySiz: 512');
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['property-unknown', 'warning']]);
    expect(findings[0].message).toContain('did you mean MemorySize?');
  });

  it('refreshed definitions in the user cache win over the bundle; an unknown property is a warning that names no bundled data', () => {
    const cache = workspace({});
    writeCachedType(cache, {
      ResourceType: 'ALIYUN::ECS::VPC',
      EntityType: 'Resource',
      Properties: {
        VpcName: { Type: 'string', Required: false, UpdateAllowed: true },
        CidrBlock: { Type: 'string', Required: false, UpdateAllowed: false },
        EnableIpv6: { Type: 'boolean', Required: false, UpdateAllowed: true },
      },
      Attributes: { VpcId: {}, VRouterId: {} },
      FetchedAt: '2026-11-20T00:00:00Z',
      Region: 'cn-hangzhou',
    });
    const env = { ROS_SSO_SCHEMA_CACHE: cache };
    const unknown = lintPlanted('vpc-ecs-web.yaml', '      VpcName:\n', '      VpcNmae:\n', env);
    expect(unknown.map((f) => [f.ruleId, f.severity])).toEqual([['property-unknown', 'warning']]);
    expect(unknown[0].message).not.toContain('bundled');
    // A property only the refreshed definition knows is accepted.
    expect(
      lintPlanted('vpc-ecs-web.yaml', '      VpcName:\n', '      EnableIpv6: true\n      VpcName:\n', env),
    ).toEqual([]);
  });

  it('an unknown ALIYUN:: type is a warning with a did-you-mean, never an error', () => {
    const findings = lintPlanted(
      'oss-log-buckets.json',
      '"Type": "ALIYUN::OSS::Bucket",',
      '"Type": "ALIYUN::OSS::Bukket",',
    );
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['resource-no-schema', 'warning']]);
    expect(findings[0].message).toContain('did you mean ALIYUN::OSS::Bucket?');
  });
  it('a parameter value is judged by where it lands: top-level type error, nested stale warning', () => {
    const template = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Duration:
    Type: String
    AllowedValues: [long]
  Resource:
    Type: String
    Default: '*'
Resources:
  Role:
    Type: ALIYUN::RAM::Role
    Properties:
      RoleName: r
      MaxSessionDuration: !Ref Duration
      AssumeRolePolicyDocument: {Version: '1', Statement: []}
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: '1'
            Statement: [{Effect: Allow, Action: ['ecs:Describe*'], Resource: !Ref Resource}]
`;
    const run = runCli(['lint', 't.yaml', '--format', 'json'], workspace({ 't.yaml': template }));
    const findings = (JSON.parse(run.stdout) as { results: JsonFinding[] }).results;
    expect(findings.map((f) => [f.ruleId, f.severity, f.path])).toEqual([
      ['property-type', 'error', '/Parameters/Duration/AllowedValues/0'],
      ['property-type', 'warning', '/Parameters/Resource/Default'],
    ]);
    expect(run.code).toBe(1);
  });

  it('does not ask for required properties inside a mapping a function builds', () => {
    const cache = workspace({});
    writeCachedType(cache, {
      ResourceType: 'ALIYUN::ECS::VPC',
      EntityType: 'Resource',
      Properties: {
        VpcName: { Type: 'string', Required: false, UpdateAllowed: true },
        Tags: {
          Type: 'list',
          Required: false,
          UpdateAllowed: true,
          Schema: {
            '*': {
              Type: 'map',
              Required: false,
              UpdateAllowed: true,
              Schema: {
                Key: { Type: 'string', Required: true, UpdateAllowed: true },
                Value: { Type: 'string', Required: false, UpdateAllowed: true },
              },
            },
          },
        },
      },
      Attributes: {},
      FetchedAt: '2026-11-20T00:00:00Z',
      Region: 'cn-hangzhou',
    });
    const template = `ROSTemplateFormatVersion: '2015-09-01'
Conditions:
  IsProd: {Fn::Equals: [a, b]}
Resources:
  Vpc:
    Type: ALIYUN::ECS::VPC
    Properties:
      Tags:
        - {Key: env, Value: dev}
        - !If [IsProd, {Key: tier, Value: gold}, !Ref ALIYUN::NoValue]
        - {Value: no-key}
  Other:
    Type: ALIYUN::ECS::VPC
    Properties: !If [IsProd, {VpcName: a}, {VpcName: b}]
`;
    const env = { ROS_SSO_SCHEMA_CACHE: cache };
    const run = runCli(['lint', 't.yaml', '--format', 'json'], workspace({ 't.yaml': template }), env);
    const findings = (JSON.parse(run.stdout) as { results: JsonFinding[] }).results;
    expect(findings.map((f) => [f.ruleId, f.severity, f.path])).toEqual([
      ['property-required', 'error', '/Resources/Vpc/Properties/Tags/2'],
    ]);
  });
  it('a cache file of an unexpected shape falls back to the bundled definition, never a crash', () => {
    const cache = workspace({});
    writeCachedType(cache, {
      ResourceType: 'ALIYUN::ECS::VPC',
      EntityType: 'Resource',
      Properties: { VpcName: null, CidrBlock: [1, 2] },
      Attributes: {},
      FetchedAt: '2026-11-20T00:00:00Z',
      Region: 'cn-hangzhou',
    });
    const findings = lintPlanted('vpc-ecs-web.yaml', '      VpcName:\n', '      VpcNmae:\n', {
      ROS_SSO_SCHEMA_CACHE: cache,
    });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['property-unknown', 'info']]);
  });
});
