import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTemplate } from '../../template/parse';
import { apiCalls, startWorld, userProvisionProps, type World } from '../handlers/harness';
import { ROOT, runCli } from '../support/cli';

type Node = Record<string, unknown>;
interface Statement {
  Effect: string;
  Action: string[];
  Resource: unknown[];
  Condition?: unknown;
}

const template = (() => {
  const parsed = parseTemplate('provider.yaml', readFileSync(join(ROOT, 'templates/provider.yaml'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.template.value as { Resources: Record<string, { Type: string; Properties: Node }> };
})();

/** Policy statements, with `Fn::If [cond, statement, NoValue]` opened to the statement it may add. */
function statements(): Statement[] {
  const doc = template.Resources.ProviderPolicy.Properties.PolicyDocument as { Statement: Node[] };
  return doc.Statement.map((s) => ('Fn::If' in s ? (s['Fn::If'] as Node[])[1] : s)) as unknown as Statement[];
}

/**
 * The actions the handler code can call: every `caller.call('<Action>'` of the API clients. The
 * CloudSSO client's actions are `cloudsso:` in RAM; IMS's OIDC actions are `ram:` (cloud-apis.md §8).
 */
function handlerActions(): string[] {
  const clients = { 'handlers/clients/cloudsso.ts': 'cloudsso', 'handlers/clients/ims.ts': 'ram' };
  return Object.entries(clients)
    .flatMap(([file, prefix]) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/caller\.call\(\s*'([A-Za-z]+)'/g)].map(
        (m) => `${prefix}:${m[1]}`,
      ),
    )
    .sort();
}

const scopedActions = () =>
  statements()
    .flatMap((s) => s.Action)
    .filter((a) => /^(cloudsso|ram):/.test(a))
    .sort();

describe('templates/provider.yaml', () => {
  it('lints clean, its FC3, RAM and SLS resources checked property by property', () => {
    const run = runCli(['lint', 'templates/provider.yaml', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results).toEqual([]);
  });

  it('allows exactly the CloudSSO and RAM actions the handler code calls, each once', () => {
    const actions = handlerActions();
    expect(actions).toEqual([
      'cloudsso:CreateUserProvisioning',
      'cloudsso:DeleteUserProvisioning',
      'cloudsso:GetUserProvisioning',
      'cloudsso:GetUserProvisioningStatistics',
      'cloudsso:ListUserProvisionings',
      'cloudsso:UpdateUserProvisioning',
      'ram:AddClientIdToOIDCProvider',
      'ram:GetOIDCProvider',
      'ram:RemoveClientIdFromOIDCProvider',
    ]);
    expect(scopedActions()).toEqual(actions);
  });

  it('grants nothing else: no wildcard action, only the log write for its own logstore', () => {
    const all = statements().flatMap((s) => s.Action);
    expect(all.filter((a) => a.includes('*'))).toEqual([]);
    expect(all.filter((a) => !/^(cloudsso|ram):/.test(a))).toEqual(['log:PostLogStoreLogs']);
    for (const s of statements()) expect(s.Effect).toBe('Allow');
  });

  it('scopes every action to the directory or the OIDC provider, except the unscopable list', () => {
    for (const s of statements()) {
      const resources = s.Resource.map((r) => (typeof r === 'string' ? r : String((r as Node)['Fn::Sub'])));
      if (s.Action.includes('cloudsso:ListUserProvisionings')) {
        expect(s.Action).toEqual(['cloudsso:ListUserProvisionings']);
        continue;
      }
      expect(resources).not.toContain('*');
      if (s.Action.some((a) => a.startsWith('cloudsso:')))
        expect(resources[0]).toBe(
          'acs:cloudsso:*:${ALIYUN::AccountId}:directory/${DirectoryId}/user-provisioning/*',
        );
      if (s.Action.some((a) => a.startsWith('ram:'))) {
        expect(resources).toEqual(['acs:ram::${ALIYUN::AccountId}:oidc-provider/${OIDCProviderName}']);
        expect(JSON.stringify(s.Condition)).toContain('ram:OidcIssuerUrl');
      }
    }
  });

  it('lets only Function Compute assume the role', () => {
    const trust = template.Resources.ProviderRole.Properties.AssumeRolePolicyDocument as {
      Statement: Array<{ Action: string; Principal: Node }>;
    };
    expect(trust.Statement).toEqual([
      { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['fc.aliyuncs.com'] } },
    ]);
  });

  it('runs the packaged handler as nodejs20 index.handler from the OSS parameters, with logs', () => {
    const fn = template.Resources.ProviderFunction;
    expect(fn.Type).toBe('ALIYUN::FC3::Function');
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs20',
      Handler: 'index.handler',
      Code: { OssBucketName: { Ref: 'CodeBucket' }, OssObjectName: { Ref: 'CodeObject' } },
      Timeout: { Ref: 'FunctionTimeout' },
    });
    expect(Object.keys(fn.Properties.LogConfig as Node)).toEqual(
      expect.arrayContaining(['Project', 'Logstore']),
    );
  });
});

describe('the handler at run time', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world.close());

  it('calls no action outside the policy through a whole Create, Update and Delete of both types', async () => {
    const provision = userProvisionProps(world);
    const lifecycle = async (ResourceType: string, props: Node, changed: Node) => {
      await world.run(world.event({ RequestType: 'Create', ResourceType, ResourceProperties: props }));
      const id = world.callbacks.accepted().at(-1)?.body.PhysicalResourceId;
      const update = { ...props, ...changed };
      await world.run(
        world.event({
          RequestType: 'Update',
          ResourceType,
          PhysicalResourceId: id,
          ResourceProperties: update,
          OldResourceProperties: props,
        }),
      );
      await world.run(
        world.event({
          RequestType: 'Delete',
          ResourceType,
          PhysicalResourceId: id,
          ResourceProperties: update,
        }),
      );
    };
    await lifecycle('Custom::CloudSSOUserProvision', provision, { Description: 'changed' });
    await lifecycle('Custom::RAMOIDCClientId', { OIDCProviderName: 'github', ClientId: 'app-1' }, {});
    const statuses = world.callbacks.accepted().map((c) => c.body.Status);
    const reasons = world.callbacks
      .accepted()
      .map((c) => c.body.Reason)
      .filter(Boolean);
    expect(reasons).toEqual([]);
    expect(statuses).toEqual(Array(6).fill('SUCCESS'));
    const called = new Set(
      apiCalls(world.emulator).map(
        (r) => `${r.action.endsWith('OIDCProvider') ? 'ram' : 'cloudsso'}:${r.action}`,
      ),
    );
    expect([...called].filter((a) => !scopedActions().includes(a))).toEqual([]);
    expect(called.size).toBeGreaterThanOrEqual(6);
  });
});
