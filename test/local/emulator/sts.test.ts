import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningEmulator, type SeedObject, startEmulator } from '../../../local/emulator';
import { assumeRole, ims, keyFor, roleArnOf, sts, userKey } from './helpers';
import { sdkError, type SdkTarget } from './sdk';

const MGMT = '1000000000000000';
const DEV = '1000000000000001';
const PROD = '1000000000000002';
const INVITED = '1000000000000003';
const RD_ROLE = 'ResourceDirectoryAccountAccessRole';

const SEED: SeedObject = {
  managementAccount: {
    id: MGMT,
    ramUsers: [{ name: 'planner', accessKey: true }],
    roles: [
      {
        name: 'ros-sso-plan',
        trustPolicy: {
          Version: '1',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Principal: { RAM: `acs:ram::${MGMT}:user/planner` },
            },
          ],
        },
      },
    ],
  },
  accounts: [
    {
      id: DEV,
      name: 'dev',
      roles: [
        {
          name: 'only-someone-else',
          trustPolicy: {
            Version: '1',
            Statement: [
              {
                Effect: 'Allow',
                Action: 'sts:AssumeRole',
                Principal: { RAM: [`acs:ram::${MGMT}:user/admin`] },
              },
            ],
          },
        },
      ],
    },
    { id: PROD, name: 'prod', ramUsers: ['bob', { name: 'frozen', status: 'freeze' }] },
    { id: INVITED, name: 'invited', rdAccessRole: false },
  ],
  directories: [{ name: 'example-directory', users: ['alice'] }],
};

describe('STS AssumeRole into member accounts', () => {
  let emulator: RunningEmulator;
  let planner: SdkTarget;
  beforeEach(async () => {
    emulator = await startEmulator({ seed: SEED });
    planner = userKey(emulator, MGMT, 'planner');
  });
  afterEach(async () => {
    vi.useRealTimers();
    await emulator.close();
  });

  it('returns STS credentials for the RD access role that then act in the member account', async () => {
    const before = Date.now();
    const response = await sts(planner, 'AssumeRole', {
      RoleArn: roleArnOf(PROD, RD_ROLE),
      RoleSessionName: 'plan@ci',
      DurationSeconds: 900,
    });
    const credentials = response.body.Credentials as Record<string, string>;
    expect(credentials.AccessKeyId).toMatch(/^STS\.[A-Za-z0-9]+$/);
    expect(credentials.AccessKeySecret).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(credentials.SecurityToken?.length).toBeGreaterThan(100);
    expect(credentials.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const expires = Date.parse(credentials.Expiration ?? '');
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 900_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 900_000);
    expect(response.body.AssumedRoleUser).toEqual({
      Arn: `acs:ram::${PROD}:role/${RD_ROLE}/plan@ci`,
      AssumedRoleId: expect.stringMatching(/^\d+:plan@ci$/),
    });

    const session = {
      host: emulator.host,
      accessKeyId: credentials.AccessKeyId ?? '',
      accessKeySecret: credentials.AccessKeySecret ?? '',
      securityToken: credentials.SecurityToken ?? '',
    };
    const users = await ims(session, 'ListUsers', { Status: 'active,freeze' });
    expect(users.body.Users).toEqual({
      User: [
        expect.objectContaining({ UserPrincipalName: `bob@${PROD}.onaliyun.com`, Status: 'active' }),
        expect.objectContaining({ UserPrincipalName: `frozen@${PROD}.onaliyun.com`, Status: 'freeze' }),
      ],
    });
    const identity = await sts(session, 'GetCallerIdentity');
    expect(identity.body).toMatchObject({ AccountId: PROD, IdentityType: 'AssumedRoleUser' });

    const withoutToken = await sdkError(ims({ ...session, securityToken: undefined }, 'ListUsers'));
    expect(withoutToken.code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
  });

  it('refuses a root-account caller with NoPermission', async () => {
    const root = keyFor(emulator, MGMT);
    expect((await sts(root, 'GetCallerIdentity')).body).toMatchObject({
      IdentityType: 'Account',
      AccountId: MGMT,
    });
    const err = await sdkError(
      sts(root, 'AssumeRole', { RoleArn: roleArnOf(PROD, RD_ROLE), RoleSessionName: 'x1' }),
    );
    expect([err.code, err.statusCode]).toEqual(['NoPermission', 403]);
    expect(err.message).toContain('Roles may not be assumed by root accounts');
  });

  it('refuses an unknown role, an account without the access role, and a role that does not trust the caller', async () => {
    for (const arn of [
      roleArnOf(PROD, 'no-such-role'),
      roleArnOf(INVITED, RD_ROLE),
      roleArnOf('1999999999999999', RD_ROLE),
    ]) {
      const err = await sdkError(sts(planner, 'AssumeRole', { RoleArn: arn, RoleSessionName: 'x1' }));
      expect([err.code, err.statusCode], arn).toEqual(['EntityNotExist.Role', 404]);
    }
    const untrusted = await sdkError(
      sts(planner, 'AssumeRole', { RoleArn: roleArnOf(DEV, 'only-someone-else'), RoleSessionName: 'x1' }),
    );
    expect([untrusted.code, untrusted.statusCode]).toEqual(['NoPermission', 403]);
    // A member's own key is not trusted by its RD access role: only the management account is.
    const member = await sdkError(
      sts(keyFor(emulator, PROD), 'AssumeRole', { RoleArn: roleArnOf(DEV, RD_ROLE), RoleSessionName: 'x1' }),
    );
    expect(member.code).toBe('NoPermission');
  });

  it('checks RoleArn, RoleSessionName, DurationSeconds and the session Policy', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ RoleArn: `acs:ram::${PROD}:user/bob` }, 'InvalidParameter.RoleArn'],
      [{ RoleSessionName: 'a' }, 'InvalidParameter.RoleSessionName'],
      [{ RoleSessionName: 'has space' }, 'InvalidParameter.RoleSessionName'],
      [{ DurationSeconds: 899 }, 'InvalidParameter.DurationSeconds'],
      [{ DurationSeconds: 3601 }, 'InvalidParameter.DurationSeconds'],
      [{ Policy: '{"Version":"1"' }, 'InvalidParameter.PolicyGrammar'],
      [{ Policy: JSON.stringify({ Version: '2', Statement: [] }) }, 'InvalidParameter.PolicyGrammar'],
      [
        { Policy: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: '*' }] }) },
        'InvalidParameter.PolicyGrammar',
      ],
      [{ Policy: 'x'.repeat(2049) }, 'InvalidParameter.Policy'],
      [{ RoleSessionName: undefined }, 'MissingParameter'],
    ];
    for (const [override, code] of cases) {
      const params = { RoleArn: roleArnOf(PROD, RD_ROLE), RoleSessionName: 'ok-name', ...override };
      const err = await sdkError(sts(planner, 'AssumeRole', params));
      expect([err.code, err.statusCode], JSON.stringify(override)).toEqual([code, 400]);
    }
  });

  it('lets a session policy narrow the token: a read-only policy makes writes fail with NoPermission', async () => {
    const readOnly = JSON.stringify({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['ram:List*', 'ram:Get*'], Resource: '*' }],
    });
    const session = await assumeRole(emulator, planner, roleArnOf(PROD, RD_ROLE), { Policy: readOnly });
    expect((await ims(session, 'ListUsers')).statusCode).toBe(200);
    expect((await ims(session, 'ListOIDCProviders')).statusCode).toBe(200);
    const write = await sdkError(
      ims(session, 'CreateOIDCProvider', {
        OIDCProviderName: 'gh',
        IssuerUrl: 'https://token.actions.githubusercontent.com',
      }),
    );
    expect([write.code, write.statusCode]).toEqual(['NoPermission', 403]);
    expect(write.data.AccessDeniedDetail).toMatchObject({
      AuthAction: 'ram:CreateOIDCProvider',
      NoPermissionType: 'ImplicitDeny',
      PolicyType: 'SessionPolicy',
      AuthPrincipalOwnerId: PROD,
    });
    expect(emulator.state.accounts.find((a) => a.accountId === PROD)?.oidcProviders).toEqual([]);

    const denyUsers = JSON.stringify({
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', Action: 'ram:ListUsers', Resource: '*' },
      ],
    });
    const denied = await assumeRole(emulator, planner, roleArnOf(PROD, RD_ROLE), { Policy: denyUsers });
    const err = await sdkError(ims(denied, 'ListUsers'));
    expect(err.data.AccessDeniedDetail).toMatchObject({ NoPermissionType: 'ExplicitDeny' });
    expect((await ims(denied, 'ListOIDCProviders')).statusCode).toBe(200);
  });

  it('chains roles: a management role session is trusted by the member access role (its :root principal)', async () => {
    const planRole = await assumeRole(emulator, planner, roleArnOf(MGMT, 'ros-sso-plan'));
    expect((await sts(planRole, 'GetCallerIdentity')).body).toMatchObject({ AccountId: MGMT });
    const member = await assumeRole(emulator, planRole, roleArnOf(DEV, RD_ROLE));
    expect((await sts(member, 'GetCallerIdentity')).body).toMatchObject({
      AccountId: DEV,
      Arn: `acs:ram::${DEV}:role/${RD_ROLE}/ros-sso-test`,
    });
  });

  it('stops accepting the token once it has expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const session = await assumeRole(emulator, planner, roleArnOf(PROD, RD_ROLE), { DurationSeconds: 900 });
    vi.setSystemTime(start + 899_000);
    expect((await ims(session, 'ListUsers')).statusCode).toBe(200);
    vi.setSystemTime(start + 901_000);
    const err = await sdkError(ims(session, 'ListUsers'));
    expect([err.code, err.statusCode]).toEqual(['InvalidSecurityToken.Expired', 400]);
  });
});
