import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, type SeedObject, startEmulator } from '../../../local/emulator';
import { allPages, cloudSso, createProvisioning, ims, keyFor, ram, userIdOf, userKey } from './helpers';
import { sdkError } from './sdk';

const PROD = '1000000000000002';
const MANY = Array.from({ length: 150 }, (_, i) => `user${String(i).padStart(3, '0')}`);

const SEED: SeedObject = {
  accounts: [
    { id: '1000000000000001', name: 'dev', ramUsers: MANY },
    {
      id: PROD,
      name: 'prod',
      ramUsers: [
        'bob',
        { name: 'old-admin', status: 'freeze' },
        { name: 'ci', accessKey: true },
        'dave',
        'erin',
      ],
    },
  ],
  directories: [
    {
      name: 'example-directory',
      users: ['alice', 'Alan', 'bob', { name: 'carol', status: 'Disabled' }, 'alice.admin@example.com'],
      groups: [
        { name: 'engineers', members: ['alice', 'Alan', 'bob', 'carol'] },
        { name: 'admins', members: ['alice'] },
      ],
    },
  ],
};

const names = (list: unknown[], key: string) => list.map((u) => (u as Record<string, unknown>)[key]);

describe('paging and filters of the lists the plan reads', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator({ seed: SEED });
  });
  afterEach(() => emulator.close());

  it('pages CloudSSO ListUsers with NextToken and filters by name (eq/sw, case-insensitive) and status', async () => {
    const paged = await allPages(
      (token) => cloudSso(emulator, 'ListUsers', { MaxResults: 2, ...(token ? { NextToken: token } : {}) }),
      'NextToken',
      (b) => b.Users as unknown[],
    );
    expect(paged.pages).toBe(3);
    expect(names(paged.items, 'UserName')).toEqual([
      'alice',
      'Alan',
      'bob',
      'carol',
      'alice.admin@example.com',
    ]);
    const list = async (params: Record<string, unknown>) =>
      names((await cloudSso(emulator, 'ListUsers', params)).body.Users as unknown[], 'UserName');
    expect(await list({ Filter: 'UserName eq ALICE' })).toEqual(['alice']);
    expect(await list({ Filter: 'UserName sw al' })).toEqual(['alice', 'Alan', 'alice.admin@example.com']);
    expect(await list({ Status: 'Disabled' })).toEqual(['carol']);
    expect(await list({ ProvisionType: 'Synchronized' })).toEqual([]);
    expect(await list({ ProvisionType: 'Manual', Status: 'Enabled' })).toHaveLength(4);
    expect(await list({ Tags: [{ Key: 'team', Value: 'infra' }] })).toEqual([]);
    const first = await cloudSso(emulator, 'ListUsers', { Filter: 'UserName sw al', MaxResults: 1 });
    expect(first.body).toMatchObject({ TotalCounts: 3, IsTruncated: true, MaxResults: 1 });
    const changed = await sdkError(
      cloudSso(emulator, 'ListUsers', {
        Filter: 'UserName sw b',
        MaxResults: 1,
        NextToken: first.body.NextToken,
      }),
    );
    expect([changed.code, changed.statusCode]).toEqual(['InvalidParameter.NextToken', 400]);
    for (const bad of ['DisplayName eq alice', 'UserName co ali', 'UserName eq']) {
      const err = await sdkError(cloudSso(emulator, 'ListUsers', { Filter: bad }));
      expect([err.code, err.statusCode], bad).toEqual(['InvalidParameter.Filter', 400]);
    }
  });

  it('pages ListGroupMembers and lists a user’s groups with ListJoinedGroupsForUser', async () => {
    const groupId = emulator.state.directories[0]?.groups[0]?.groupId;
    const members = await allPages(
      (token) =>
        cloudSso(emulator, 'ListGroupMembers', {
          GroupId: groupId,
          MaxResults: 3,
          ...(token ? { NextToken: token } : {}),
        }),
      'NextToken',
      (b) => b.GroupMembers as unknown[],
    );
    expect(members.pages).toBe(2);
    expect(names(members.items, 'UserName')).toEqual(['alice', 'Alan', 'bob', 'carol']);
    expect(members.items[3]).toEqual({
      GroupId: groupId,
      UserId: userIdOf(emulator, 'carol'),
      UserName: 'carol',
      DisplayName: 'carol',
      Email: '',
      Description: '',
      Status: 'Disabled',
      ProvisionType: 'Manual',
      JoinTime: expect.stringMatching(/Z$/),
    });
    const joined = await cloudSso(emulator, 'ListJoinedGroupsForUser', {
      UserId: userIdOf(emulator, 'alice'),
    });
    expect(joined.body).toMatchObject({ TotalCounts: 2, IsTruncated: false });
    expect(names(joined.body.JoinedGroups as unknown[], 'GroupName')).toEqual(['engineers', 'admins']);
    const unknown = await sdkError(cloudSso(emulator, 'ListJoinedGroupsForUser', { UserId: 'u-nobody' }));
    expect(unknown.code).toBe('EntityNotExists.User');
  });

  it('pages IMS ListUsers with Marker, hides frozen users unless asked, and defaults MaxItems to 1000', async () => {
    const prod = keyFor(emulator, PROD);
    const upn = (body: Record<string, unknown>) => (body.Users as { User: unknown[] }).User;
    const active = await allPages(
      (token) => ims(prod, 'ListUsers', { MaxItems: 2, ...(token ? { Marker: token } : {}) }),
      'Marker',
      upn,
    );
    expect(names(active.items, 'UserPrincipalName')).toEqual(
      ['bob', 'ci', 'dave', 'erin'].map((n) => `${n}@${PROD}.onaliyun.com`),
    );
    const everyone = await allPages(
      (token) =>
        ims(prod, 'ListUsers', { MaxItems: 2, Status: 'active,freeze', ...(token ? { Marker: token } : {}) }),
      'Marker',
      upn,
    );
    expect(everyone.items).toHaveLength(5);
    const frozen = await ims(prod, 'ListUsers', { Status: 'freeze' });
    expect(names(upn(frozen.body), 'UserPrincipalName')).toEqual([`old-admin@${PROD}.onaliyun.com`]);
    // Users carry no tags here, so a Tag filter (which would list both states) matches nobody.
    const tagged = await ims(prod, 'ListUsers', { Tag: [{ Key: 'team', Value: 'infra' }] });
    expect(upn(tagged.body)).toEqual([]);
    const bad = await sdkError(ims(prod, 'ListUsers', { Status: 'frozen' }));
    expect([bad.code, bad.statusCode]).toEqual(['InvalidParameter.Status', 400]);
    const first = await ims(prod, 'ListUsers', { MaxItems: 1 });
    const switched = await sdkError(
      ims(prod, 'ListUsers', { MaxItems: 1, Status: 'freeze', Marker: first.body.Marker }),
    );
    expect(switched.code).toBe('InvalidParameter.Marker');

    const dev = keyFor(emulator, '1000000000000001');
    const oneCall = await ims(dev, 'ListUsers');
    expect(upn(oneCall.body)).toHaveLength(150);
    expect(oneCall.body.IsTruncated).toBe(false);
  });

  it('pages RAM ListUsers with its own default of 100', async () => {
    const dev = keyFor(emulator, '1000000000000001');
    const first = await ram(dev, 'ListUsers');
    expect((first.body.Users as { User: unknown[] }).User).toHaveLength(100);
    expect(first.body.IsTruncated).toBe(true);
    const rest = await ram(dev, 'ListUsers', { Marker: first.body.Marker });
    expect(names((rest.body.Users as { User: unknown[] }).User, 'UserName')).toEqual(MANY.slice(100));
    expect(rest.body).not.toHaveProperty('Marker');
  });

  it('marks CloudSSO-made RAM users ProvisionType CloudSSO, also after a take-over, and finds users by key', async () => {
    await createProvisioning(emulator, {
      principal: { userName: 'bob' },
      target: 'prod',
      duplication: 'TakeOver',
    });
    await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'prod' });
    const prod = keyFor(emulator, PROD);
    const users = (await ims(prod, 'ListUsers')).body.Users as { User: Array<Record<string, unknown>> };
    const byName = Object.fromEntries(
      users.User.map((u) => [String(u.UserPrincipalName).split('@')[0], u.ProvisionType]),
    );
    expect(byName).toEqual({
      bob: 'CloudSSO',
      ci: 'Manual',
      dave: 'Manual',
      erin: 'Manual',
      alice: 'CloudSSO',
    });
    const ci = userKey(emulator, PROD, 'ci');
    const byKey = await ims(prod, 'GetUser', { UserAccessKeyId: ci.accessKeyId });
    expect(byKey.body.User).toMatchObject({ UserName: 'ci', ProvisionType: 'Manual' });
    const byId = await ims(prod, 'GetUser', { UserId: users.User[0]?.UserId });
    expect(byId.body.User).toMatchObject({ UserName: 'bob', ProvisionType: 'CloudSSO' });
    expect(byId.body.User).not.toHaveProperty('Status');
  });
});
