import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../local/emulator';
import { cloudSso, groupIdOf, userIdOf } from './helpers';
import { sdkError } from './sdk';

describe('CloudSSO directory, user and group actions', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  it('answers GetDirectory with the seeded directory', async () => {
    const response = await cloudSso(emulator, 'GetDirectory');
    expect(response.body.Directory).toMatchObject({
      DirectoryId: expect.stringMatching(/^d-[0-9a-f]+$/),
      DirectoryName: 'example-directory',
      Region: 'cn-shanghai',
    });
    const err = await sdkError(cloudSso(emulator, 'GetDirectory', { DirectoryId: 'd-unknown' }));
    expect([err.code, err.statusCode]).toEqual(['EntityNotExists.Directory', 404]);
  });

  it('creates a user, refuses a duplicate name (409) and an invalid one (400)', async () => {
    const created = await cloudSso(emulator, 'CreateUser', {
      UserName: 'dave',
      Email: 'dave@example.com',
      DisplayName: 'Dave',
    });
    expect(created.body.User).toMatchObject({
      UserId: expect.stringMatching(/^u-[0-9a-f]+$/),
      UserName: 'dave',
      DisplayName: 'Dave',
      Email: 'dave@example.com',
      Status: 'Enabled',
      ProvisionType: 'Manual',
    });
    const duplicate = await sdkError(cloudSso(emulator, 'CreateUser', { UserName: 'dave' }));
    expect([duplicate.code, duplicate.statusCode]).toEqual(['EntityAlreadyExists.User', 409]);
    const invalid = await sdkError(cloudSso(emulator, 'CreateUser', { UserName: 'no spaces' }));
    expect([invalid.code, invalid.statusCode]).toEqual(['InvalidParameter.UserName', 400]);
    const missing = await sdkError(cloudSso(emulator, 'CreateUser'));
    expect([missing.code, missing.statusCode]).toEqual(['MissingParameter', 400]);
  });

  it('creates a group and refuses a duplicate', async () => {
    const created = await cloudSso(emulator, 'CreateGroup', { GroupName: 'ops', Description: 'operators' });
    expect(created.body.Group).toMatchObject({
      GroupId: expect.stringMatching(/^g-/),
      GroupName: 'ops',
      ProvisionType: 'Manual',
    });
    const duplicate = await sdkError(cloudSso(emulator, 'CreateGroup', { GroupName: 'engineers' }));
    expect([duplicate.code, duplicate.statusCode]).toEqual(['EntityAlreadyExists.Group', 409]);
  });

  it('adds and removes group members, with EntityNotExists for unknown users and groups', async () => {
    const groupId = groupIdOf(emulator, 'engineers');
    const carol = userIdOf(emulator, 'carol');
    const added = await cloudSso(emulator, 'AddUserToGroup', { GroupId: groupId, UserId: carol });
    expect(Object.keys(added.body)).toEqual(['RequestId']);
    const members = await cloudSso(emulator, 'ListGroupMembers', { GroupId: groupId });
    expect((members.body.GroupMembers as Array<{ UserName: string }>).map((m) => m.UserName)).toEqual([
      'alice',
      'bob',
      'carol',
    ]);
    const twice = await sdkError(cloudSso(emulator, 'AddUserToGroup', { GroupId: groupId, UserId: carol }));
    expect(twice.statusCode).toBe(409);
    await cloudSso(emulator, 'RemoveUserFromGroup', { GroupId: groupId, UserId: carol });
    const notMember = await sdkError(
      cloudSso(emulator, 'RemoveUserFromGroup', { GroupId: groupId, UserId: carol }),
    );
    expect(notMember.statusCode).toBe(404);
    const user = await sdkError(
      cloudSso(emulator, 'AddUserToGroup', { GroupId: groupId, UserId: 'u-nobody' }),
    );
    expect([user.code, user.statusCode]).toEqual(['EntityNotExists.User', 404]);
    const group = await sdkError(
      cloudSso(emulator, 'RemoveUserFromGroup', { GroupId: 'g-nobody', UserId: carol }),
    );
    expect([group.code, group.statusCode]).toEqual(['EntityNotExists.Group', 404]);
  });

  it('lists users and groups with paging', async () => {
    const users = await cloudSso(emulator, 'ListUsers', { MaxResults: 2 });
    expect(users.body).toMatchObject({ TotalCounts: 3, IsTruncated: true, MaxResults: 2 });
    const rest = await cloudSso(emulator, 'ListUsers', { MaxResults: 2, NextToken: users.body.NextToken });
    expect((rest.body.Users as Array<{ UserName: string }>).map((u) => u.UserName)).toEqual(['carol']);
    const groups = await cloudSso(emulator, 'ListGroups');
    expect(groups.body).toMatchObject({ TotalCounts: 1, Groups: [{ GroupName: 'engineers' }] });
    const user = await cloudSso(emulator, 'GetUser', { UserId: userIdOf(emulator, 'alice') });
    expect(user.body.User).toMatchObject({ UserName: 'alice' });
  });
});
