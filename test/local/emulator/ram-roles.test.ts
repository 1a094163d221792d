import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, type SeedObject, startEmulator } from '../../../local/emulator';
import { allPages, cloudSso, ims, keyFor, ram } from './helpers';
import { callSdk, sdkError } from './sdk';

const MGMT = '1000000000000000';
const PROD = '1000000000000002';

/** A GitHub OIDC trust policy, as the emulator README describes it (Federated principal, oidc:aud). */
const GITHUB_TRUST = {
  Version: '1',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Principal: { Federated: [`acs:ram::${PROD}:oidc-provider/github`] },
      Condition: {
        StringEquals: {
          'oidc:iss': 'https://token.actions.githubusercontent.com',
          'oidc:aud': 'sts.aliyuncs.com',
        },
        StringLike: { 'oidc:sub': 'repo:example/infra:*' },
      },
    },
  ],
};
/** Given as text, so the exact bytes must come back. */
const TEXT_TRUST =
  '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": ["ecs.aliyuncs.com"]}}]}';

const SEED: SeedObject = {
  accounts: [
    { id: '1000000000000001', name: 'dev' },
    {
      id: PROD,
      name: 'prod',
      ramUsers: ['bob', { name: 'alice', provisionType: 'CloudSSO' }],
      roles: [
        {
          name: 'github-deploy',
          description: 'CI deploys',
          trustPolicy: GITHUB_TRUST,
          maxSessionDuration: 7200,
        },
        { name: 'ecs-worker', trustPolicy: TEXT_TRUST },
      ],
    },
  ],
  directories: [{ name: 'example-directory', users: ['alice', 'bob', 'carol'] }],
};

describe('RAM 2015-05-01 roles', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator({ seed: SEED });
  });
  afterEach(() => emulator.close());

  it('lists the member account roles with Marker paging, without trust policies', async () => {
    const prod = keyFor(emulator, PROD);
    const paged = await allPages(
      (marker) =>
        ram(prod, 'ListRoles', { MaxItems: 1, ...(marker === undefined ? {} : { Marker: marker }) }),
      'Marker',
      (body) => (body.Roles as { Role: unknown[] }).Role,
    );
    expect(paged.pages).toBe(3);
    expect(paged.items.every((r) => !Object.hasOwn(r as object, 'AssumeRolePolicyDocument'))).toBe(true);
    const names = paged.items.map((r) => (r as { RoleName: string }).RoleName);
    expect(names).toEqual(['ResourceDirectoryAccountAccessRole', 'github-deploy', 'ecs-worker']);
    const all = await ram(prod, 'ListRoles');
    expect((all.body.Roles as { Role: unknown[] }).Role[1]).toEqual({
      Arn: `acs:ram::${PROD}:role/github-deploy`,
      RoleId: expect.stringMatching(/^\d{16}$/),
      RoleName: 'github-deploy',
      Description: 'CI deploys',
      MaxSessionDuration: 7200,
      CreateDate: expect.stringMatching(/Z$/),
      UpdateDate: expect.stringMatching(/Z$/),
    });
    const management = await ram(keyFor(emulator, MGMT), 'ListRoles');
    expect(management.body).toEqual({
      RequestId: expect.any(String),
      Roles: { Role: [] },
      IsTruncated: false,
    });
  });

  it('round-trips a trust policy through GetRole as a JSON string', async () => {
    const prod = keyFor(emulator, PROD);
    const role = (await ram(prod, 'GetRole', { RoleName: 'github-deploy' })).body.Role as Record<
      string,
      unknown
    >;
    expect(typeof role.AssumeRolePolicyDocument).toBe('string');
    expect(JSON.parse(String(role.AssumeRolePolicyDocument))).toEqual(GITHUB_TRUST);
    expect(role).toMatchObject({ Arn: `acs:ram::${PROD}:role/github-deploy`, MaxSessionDuration: 7200 });
    const text = (await ram(prod, 'GetRole', { RoleName: 'ecs-worker' })).body.Role as Record<
      string,
      unknown
    >;
    expect(text.AssumeRolePolicyDocument).toBe(TEXT_TRUST);
    const rd = (await ram(prod, 'GetRole', { RoleName: 'ResourceDirectoryAccountAccessRole' })).body.Role as {
      AssumeRolePolicyDocument: string;
    };
    expect(JSON.parse(rd.AssumeRolePolicyDocument).Statement[0].Principal).toEqual({
      RAM: [`acs:ram::${MGMT}:root`],
    });
  });

  it('answers EntityNotExist.Role (404) for an unknown role or one of another account, and checks RoleName', async () => {
    const missing = await sdkError(ram(keyFor(emulator, PROD), 'GetRole', { RoleName: 'nope' }));
    expect([missing.code, missing.statusCode]).toEqual(['EntityNotExist.Role', 404]);
    const elsewhere = await sdkError(ram(keyFor(emulator, MGMT), 'GetRole', { RoleName: 'github-deploy' }));
    expect(elsewhere.code).toBe('EntityNotExist.Role');
    const bad = await sdkError(ram(keyFor(emulator, PROD), 'GetRole', { RoleName: 'has_underscore' }));
    expect([bad.code, bad.statusCode]).toEqual(['InvalidParameter.RoleName', 400]);
    const none = await sdkError(ram(keyFor(emulator, PROD), 'GetRole'));
    expect(none.code).toBe('MissingParameter');
  });
});

describe('routing by x-acs-version: ListUsers is three different actions', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator({ seed: SEED });
  });
  afterEach(() => emulator.close());

  it('answers CloudSSO, IMS and RAM ListUsers each in its own shape', async () => {
    const sso = await cloudSso(emulator, 'ListUsers');
    expect(sso.body).toMatchObject({ IsTruncated: false, TotalCounts: 3, MaxResults: 10 });
    expect((sso.body.Users as Array<Record<string, unknown>>)[0]).toMatchObject({
      UserId: expect.stringMatching(/^u-/),
      UserName: 'alice',
      ProvisionType: 'Manual',
      Status: 'Enabled',
    });

    const prod = keyFor(emulator, PROD);
    const imsUsers = (await ims(prod, 'ListUsers')).body.Users as { User: Array<Record<string, unknown>> };
    expect(imsUsers.User.map((u) => [u.UserPrincipalName, u.ProvisionType, u.Status])).toEqual([
      [`bob@${PROD}.onaliyun.com`, 'Manual', 'active'],
      [`alice@${PROD}.onaliyun.com`, 'CloudSSO', 'active'],
    ]);
    expect(imsUsers.User[0]).not.toHaveProperty('UserName');

    const ramUsers = (await ram(prod, 'ListUsers')).body.Users as { User: Array<Record<string, unknown>> };
    expect(ramUsers.User.map((u) => u.UserName)).toEqual(['bob', 'alice']);
    expect(ramUsers.User[1]).not.toHaveProperty('ProvisionType');
    expect(ramUsers.User[1]).not.toHaveProperty('Status');
    const ramUser = await ram(prod, 'GetUser', { UserName: 'alice' });
    expect(ramUser.body.User).toMatchObject({ UserName: 'alice', UserId: imsUsers.User[1]?.UserId });
    const imsUser = await ims(prod, 'GetUser', { UserPrincipalName: `alice@${PROD}.onaliyun.com` });
    expect(imsUser.body.User).toMatchObject({ UserName: 'alice', ProvisionType: 'CloudSSO' });
  });

  it('refuses an action under the wrong version and an unknown version', async () => {
    const prod = keyFor(emulator, PROD);
    const rolesInIms = await sdkError(ims(prod, 'ListRoles'));
    expect([rolesInIms.code, rolesInIms.statusCode]).toEqual(['InvalidAction.NotFound', 404]);
    const provisioningInRam = await sdkError(ram(prod, 'ListUserProvisionings'));
    expect(provisioningInRam.code).toBe('InvalidAction.NotFound');
    const unknown = await sdkError(callSdk(prod, '2099-01-01', 'ListUsers'));
    expect(unknown.code).toBe('InvalidVersion');
  });
});
