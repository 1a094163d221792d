import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../plan/stack-plan';
import { createStack, deleteStack, updateStack } from '../../local/stack-runner';
import type { StackRecord } from '../../local/workspace';
import { CLOUDSSO, callSdk } from './emulator/sdk';
import { type Fixture, localFixture, provisionTemplate } from './local-fixture';

function params(f: Fixture, over: Record<string, string> = {}) {
  return { DirectoryId: f.ids.directory, PrincipalId: f.ids.alice, TargetId: f.ids.dev, ...over };
}

async function deploy(
  f: Fixture,
  custom: boolean,
  over: Record<string, string> = {},
  extra?: string,
): Promise<StackRecord> {
  return createStack(
    {
      name: 's',
      templateFile: 't.yaml',
      templateText: provisionTemplate({ custom, extra }),
      parameters: params(f, over),
    },
    f.session.deps,
  );
}

const statuses = (f: Fixture, id: string) => f.events.filter((e) => e.logicalId === id).map((e) => e.status);

describe.each([
  ['the real handler behind Custom::CloudSSOUserProvision', true],
  ['native ALIYUN::CloudSSO::UserProvision', false],
])('local stacks with %s', (_name, custom) => {
  it('creates a provisioning whose Data reaches Fn::GetAtt, and Keep leaves the RAM user on delete', async () => {
    const f = await localFixture();
    const record = await deploy(f, custom);
    expect(record.status).toBe('CREATE_COMPLETE');
    const id = record.resources.Provision.physicalId;
    // The custom type records in its physical ID that this stack created the provisioning.
    expect(id).toMatch(custom ? /^created:[0-9a-f]{12}:up-/ : /^up-/);
    expect(record.outputs).toEqual({ Id: id.split(':').at(-1) });
    expect(f.ramUsers(f.ids.dev)).toEqual(['alice']);
    expect((await deleteStack(record, f.session.deps)).status).toBe('DELETE_COMPLETE');
    expect(f.session.emulator.state.provisionings).toEqual([]);
    expect(f.ramUsers(f.ids.dev)).toEqual(['alice']);
  });

  it('Delete removes the synchronized RAM users, KeepBoth made bob_sso and left the real bob alone', async () => {
    const f = await localFixture();
    const record = await deploy(f, custom, {
      PrincipalType: 'Group',
      PrincipalId: f.ids.engineers,
      TargetId: f.ids.prod,
      Deletion: 'Delete',
    });
    expect(record.status).toBe('CREATE_COMPLETE');
    expect(f.ramUsers(f.ids.prod)).toEqual(['alice', 'bob', 'bob_sso']);
    await deleteStack(record, f.session.deps);
    expect(f.ramUsers(f.ids.prod)).toEqual(['bob']);
  });

  it('TakeOver takes the existing RAM user over, and Delete then removes it', async () => {
    const f = await localFixture();
    const record = await deploy(f, custom, {
      PrincipalId: f.ids.bob,
      TargetId: f.ids.prod,
      Duplication: 'TakeOver',
      Deletion: 'Delete',
    });
    expect(f.ramUsers(f.ids.prod)).toEqual(['bob']);
    expect(
      f.session.emulator.state.accounts.find((a) => a.accountId === f.ids.prod)?.ramUsers[0].provisionedBy,
    ).toBe(record.resources.Provision.attributes.UserProvisionId);
    await deleteStack(record, f.session.deps);
    expect(f.ramUsers(f.ids.prod)).toEqual([]);
  });

  it('synchronizes a group member added after the provisioning', async () => {
    const f = await localFixture();
    await deploy(f, custom, { PrincipalType: 'Group', PrincipalId: f.ids.engineers, TargetId: f.ids.dev });
    expect(f.ramUsers(f.ids.dev)).toEqual(['alice', 'bob']);
    await callSdk(f.session.emulator, CLOUDSSO, 'AddUserToGroup', {
      DirectoryId: f.ids.directory,
      GroupId: f.ids.engineers,
      UserId: f.ids.carol,
    });
    expect(f.ramUsers(f.ids.dev)).toEqual(['alice', 'bob', 'carol']);
  });

  it('updates an editable property in place and refuses a non-editable one, leaving the state as it was', async () => {
    const f = await localFixture();
    const input = {
      name: 's',
      templateFile: 't.yaml',
      templateText: provisionTemplate({ custom }),
      parameters: params(f),
    };
    const record = await createStack(input, f.session.deps);
    const id = record.resources.Provision.physicalId;
    const updated = await updateStack(
      record,
      { ...input, parameters: params(f, { Deletion: 'Delete' }) },
      f.session.deps,
    );
    expect(updated.status).toBe('UPDATE_COMPLETE');
    expect(f.session.emulator.state.provisionings[0].deletionStrategy).toBe('Delete');
    const before = f.session.emulator.snapshot();
    const refused = await updateStack(
      updated,
      { ...input, parameters: params(f, { Deletion: 'Delete', TargetId: f.ids.prod }) },
      f.session.deps,
    );
    expect(refused.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(statuses(f, 'Provision')).toContain('UPDATE_FAILED');
    const reason = f.events.find((e) => e.logicalId === 'Provision' && e.status === 'UPDATE_FAILED')?.reason;
    expect(reason).toMatch(custom ? /TargetId/ : /TargetId cannot be updated/);
    expect(refused.resources.Provision.physicalId).toBe(id);
    expect(f.session.emulator.snapshot().provisionings).toEqual(before.provisionings);
  });

  it('rolls back a create when a later resource fails, leaving nothing behind', async () => {
    const f = await localFixture();
    const broken = `  Broken:
    Type: Custom::CloudSSOUserProvision
    DependsOn: Provision
    Properties:
      ServiceToken: acs:fc:cn-shanghai:1:functions/ros-sso
      Timeout: 30
      Parameters:
        DirectoryId: d-doesnotexist
        PrincipalId: u-nobody
        PrincipalType: User
        TargetId: '1000000000000001'
        TargetType: RD-Account
        DuplicationStrategy: KeepBoth
        DeletionStrategy: Delete
`;
    const record = await deploy(f, custom, { Deletion: 'Delete' }, broken);
    expect(record.status).toBe('ROLLBACK_COMPLETE');
    expect(statuses(f, 'Broken')).toEqual([
      'CREATE_IN_PROGRESS',
      'CREATE_FAILED',
      'DELETE_IN_PROGRESS',
      'DELETE_COMPLETE',
    ]);
    expect(statuses(f, 'Provision')).toEqual([
      'CREATE_IN_PROGRESS',
      'CREATE_COMPLETE',
      'DELETE_IN_PROGRESS',
      'DELETE_COMPLETE',
    ]);
    expect(f.session.emulator.state.provisionings).toEqual([]);
    expect(f.ramUsers(f.ids.dev)).toEqual([]);
  });
});

describe('a resource added by an update that fails to create', () => {
  it('is deleted by the update rollback too, and leaves no record behind', async () => {
    const f = await localFixture();
    const input = {
      name: 's',
      templateFile: 't.yaml',
      templateText: provisionTemplate({ custom: true }),
      parameters: params(f),
    };
    const record = await createStack(input, f.session.deps);
    const client = `  Audience:
    Type: Custom::RAMOIDCClientId
    Properties:
      ServiceToken: acs:fc:cn-shanghai:1:functions/ros-sso
      Parameters: {OIDCProviderName: no-such-provider, ClientId: ci}
`;
    const updated = await updateStack(
      record,
      { ...input, templateText: provisionTemplate({ custom: true, extra: client }) },
      f.session.deps,
    );
    expect(updated.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(statuses(f, 'Audience')).toEqual([
      'CREATE_IN_PROGRESS',
      'CREATE_FAILED',
      'DELETE_IN_PROGRESS',
      'DELETE_COMPLETE',
    ]);
    expect(Object.keys(updated.resources)).toEqual(['Provision']);
  });
});

describe('local stacks under faults', () => {
  it.each([
    ['a throttling storm', { faults: 'throttle=0.4,seed=7' }],
    ['callback failures', { callbackFailures: 2 }],
    ['a slow API', { faults: 'latency=40' }],
    ['5xx answers', { faults: '5xx=0.3,seed=3' }],
  ])('completes the whole lifecycle with nothing lost despite %s', async (_what, options) => {
    const f = await localFixture(options);
    const record = await deploy(f, true, {
      PrincipalType: 'Group',
      PrincipalId: f.ids.engineers,
      TargetId: f.ids.prod,
      Deletion: 'Delete',
    });
    expect(record.status).toBe('CREATE_COMPLETE');
    expect(f.session.emulator.state.provisionings).toHaveLength(1);
    expect(f.ramUsers(f.ids.prod)).toEqual(['alice', 'bob', 'bob_sso']);
    expect((await deleteStack(record, f.session.deps)).status).toBe('DELETE_COMPLETE');
    expect(f.session.emulator.state.provisionings).toEqual([]);
    expect(f.ramUsers(f.ids.prod)).toEqual(['bob']);
  });
});

describe('what the local runner refuses', () => {
  it('fails loudly, before touching anything, on a type it cannot apply', async () => {
    const f = await localFixture();
    const vpc = '  Vpc:\n    Type: ALIYUN::ECS::VPC\n    Properties: {CidrBlock: 10.0.0.0/8}\n';
    await expect(deploy(f, true, {}, vpc)).rejects.toThrow(/cannot apply ALIYUN::ECS::VPC/);
    expect(f.session.emulator.state.provisionings).toEqual([]);
    expect(f.events).toEqual([]);
  });

  it('refuses a template with lint errors, like ValidateTemplate', async () => {
    const f = await localFixture();
    const text = provisionTemplate({ custom: false }).replace(
      'TargetType: RD-Account',
      'TargetType: Account',
    );
    await expect(
      createStack(
        { name: 's', templateFile: 't.yaml', templateText: text, parameters: params(f) },
        f.session.deps,
      ),
    ).rejects.toThrow(TemplateError);
  });

  it('refuses a missing parameter value', async () => {
    const f = await localFixture();
    await expect(
      createStack(
        {
          name: 's',
          templateFile: 't.yaml',
          templateText: provisionTemplate({ custom: true }),
          parameters: {},
        },
        f.session.deps,
      ),
    ).rejects.toThrow(/DirectoryId needs a value/);
  });
});
