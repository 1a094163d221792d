import { describe, expect, it } from 'vitest';
import { computePlan } from '../../plan/compute';
import { known, notRead, StaticDirectoryView } from '../../plan/directory-view';
import { formatPlan, parseFailOn, planFails } from '../../plan/format';
import { headline } from '../../plan/headline';
import { type PlanResourceInput, Unresolved } from '../../plan/model';
import { trustingRoles } from '../../plan/trusting-roles';

// The plan model on its own (pure): views built by hand, including the unknown reads the
// emulator-backed tests cannot produce.

const D = 'd-1';
const PROD = '1000000000000002';

function view(options: { ramUsers?: boolean; provisioned?: boolean } = {}) {
  const v = new StaticDirectoryView();
  const alice = { userId: 'u-a', userName: 'alice' };
  const bob = { userId: 'u-b', userName: 'bob' };
  v.userReads.set(D, known([alice, bob]));
  v.groupReads.set(`${D}/g-1`, known({ groupId: 'g-1', groupName: 'engineers', members: [alice, bob] }));
  v.provisioningReads.set(
    D,
    known(
      options.provisioned
        ? [
            {
              userProvisioningId: 'up-1',
              directoryId: D,
              principalType: 'Group',
              principalId: 'g-1',
              targetId: PROD,
              duplicationStrategy: 'KeepBoth',
              deletionStrategy: 'Delete',
              syncedUsers: [
                { userId: 'u-a', ramUserName: 'alice' },
                { userId: 'u-b', ramUserName: 'bob_sso' },
              ],
            },
          ]
        : [],
    ),
  );
  if (options.ramUsers !== false)
    v.ramUserReads.set(
      PROD,
      known({
        ownershipKnown: true,
        users: [
          { userName: 'bob', provisionType: 'Manual' },
          ...(options.provisioned
            ? [
                { userName: 'alice', provisionType: 'CloudSSO', owner: 'up-1' },
                { userName: 'bob_sso', provisionType: 'CloudSSO', owner: 'up-1' },
              ]
            : []),
        ],
      }),
    );
  else v.ramUserReads.set(PROD, notRead('STS.AssumeRole: NoPermission (HTTP 403)'));
  return v;
}

const provision = (
  overrides: Record<string, unknown> = {},
  extra: Partial<PlanResourceInput> = {},
): PlanResourceInput => ({
  logicalId: 'P',
  type: 'ALIYUN::CloudSSO::UserProvision',
  properties: {
    DirectoryId: D,
    PrincipalType: 'Group',
    PrincipalId: 'g-1',
    TargetType: 'RD-Account',
    TargetId: PROD,
    DuplicationStrategy: 'KeepBoth',
    DeletionStrategy: 'Delete',
    ...overrides,
  },
  ...extra,
});

const effects = (plan: ReturnType<typeof computePlan>) =>
  plan.resources.flatMap((r) => r.identities.map((i) => `${i.action} ${i.ramUser}`));

describe('plan model', () => {
  it('an unreadable account: the effects are from names only and the reason is kept', () => {
    const plan = computePlan(
      { replacement: false, new: { resources: [provision()] } },
      view({ ramUsers: false }),
    );
    expect(effects(plan)).toEqual(['create alice', 'create bob']);
    expect(plan.unknown.map((u) => u.reason)).toContain(
      `RAM users of ${PROD} not read (STS.AssumeRole: NoPermission (HTTP 403)); clashes, take-overs and _sso names there are predicted from names only`,
    );
  });

  it('an unresolvable principal predicts nothing and says why', () => {
    const plan = computePlan(
      {
        replacement: false,
        new: {
          resources: [
            provision({ PrincipalId: new Unresolved('Fn::GetAtt G.GroupId: G has not been created') }),
          ],
        },
      },
      view(),
    );
    expect(effects(plan)).toEqual([]);
    expect(plan.unknown[0]?.reason).toMatch(/PrincipalId is not known: Fn::GetAtt G.GroupId/);
  });

  it('DeletionPolicy Retain on removal keeps the users; a DeletionStrategy update changes nothing now', () => {
    const old = { resources: [provision({}, { physicalId: 'up-1', deletionPolicy: 'Retain' })] };
    expect(
      effects(computePlan({ replacement: false, old, new: { resources: [] } }, view({ provisioned: true }))),
    ).toEqual(['keep alice', 'keep bob_sso']);
    const updated = computePlan(
      { replacement: false, old, new: { resources: [provision({ DeletionStrategy: 'Keep' })] } },
      view({ provisioned: true }),
    );
    expect(updated.resources[0]).toMatchObject({ action: 'update', identities: [] });
  });

  it('a custom resource refuses a TargetId change whatever --replacement says, and the whole update is refused', () => {
    const custom = (target: string): PlanResourceInput => ({
      logicalId: 'C',
      type: 'Custom::CloudSSOUserProvision',
      properties: { ServiceToken: 'acs:fc:x', Parameters: { ...provision({ TargetId: target }).properties } },
    });
    const plan = computePlan(
      {
        replacement: true,
        old: { resources: [custom(PROD)] },
        new: { resources: [custom('1000000000000001'), provision()] },
      },
      view(),
    );
    expect(plan.resources[0]?.refusedBecause).toMatch(/provider refuses a change of Parameters.TargetId/);
    expect(plan.refused).toBeDefined();
    expect(effects(plan)).toEqual([]);
    expect(headline(plan)).toMatch(/^this change is refused/);
  });

  it('trusting roles: StringEquals, StringLike, no audience condition, and other providers', () => {
    const arn = 'acs:ram::1:oidc-provider/github';
    const role = (roleName: string, statement: object) => ({
      roleName,
      trustPolicy: JSON.stringify({ Version: '1', Statement: [statement] }),
    });
    const federated = { Effect: 'Allow', Action: 'sts:AssumeRoleWithOIDC', Principal: { Federated: arn } };
    const roles = [
      role('exact', { ...federated, Condition: { StringEquals: { 'oidc:aud': ['x', 'ci'] } } }),
      role('glob', { ...federated, Condition: { StringLike: { 'oidc:aud': 'c?' } } }),
      role('any-audience', { ...federated, Condition: { StringEquals: { 'oidc:iss': 'https://t' } } }),
      role('other-aud', { ...federated, Condition: { StringEquals: { 'oidc:aud': 'other' } } }),
      role('other-provider', { ...federated, Principal: { Federated: 'acs:ram::1:oidc-provider/gitlab' } }),
      role('deny', { ...federated, Effect: 'Deny' }),
      { roleName: 'broken', trustPolicy: '{' },
    ];
    expect(trustingRoles(roles, arn, 'ci')).toEqual(['exact', 'glob', 'any-audience']);
  });

  it('headline, formats and --fail-on', () => {
    const plan = computePlan(
      { replacement: false, old: { resources: [provision({}, { physicalId: 'up-1' })] } },
      view({ provisioned: true }),
    );
    expect(headline(plan, { [PROD]: 'prod' })).toBe(
      `this change deletes alice and bob_sso from account prod (${PROD})`,
    );
    expect(formatPlan(plan, 'markdown', { [PROD]: 'prod' })).toContain(
      `| P | \`ALIYUN::CloudSSO::UserProvision\` | delete | account prod (${PROD}) | bob | bob_sso | **delete** |`,
    );
    expect(JSON.parse(formatPlan(plan, 'json')).summary).toEqual({
      create: 0,
      createRenamed: 0,
      takeOver: 0,
      delete: 2,
      keep: 0,
    });
    const kept = computePlan(
      {
        replacement: false,
        old: { resources: [provision({ DeletionStrategy: 'Keep' }, { physicalId: 'up-1' })] },
      },
      view({ provisioned: true }),
    );
    expect(headline(kept, { [PROD]: 'prod' })).toBe(
      `this change leaves alice and bob_sso in place in account prod (${PROD})`,
    );
    expect(planFails(kept, ['delete'])).toBe(false);
    expect(planFails(plan, ['delete'])).toBe(true);
    expect(planFails(plan, ['take-over'])).toBe(false);
    expect(parseFailOn('delete,take-over')).toEqual(['delete', 'take-over']);
    expect(parseFailOn('create')).toMatch(/--fail-on takes delete, take-over/);
  });
});
