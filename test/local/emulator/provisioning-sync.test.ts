import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  IMS_USER_EXISTS,
  INJECTED_SYNC_FAILURE,
  type RunningEmulator,
  startEmulator,
} from '../../../local/emulator';
import {
  accountIdOf,
  cloudSso,
  createProvisioning,
  groupIdOf,
  ims,
  keyFor,
  ramUserNames,
  userIdOf,
} from './helpers';
import { sdkError } from './sdk';

describe('RAM user synchronisation', () => {
  let emulator: RunningEmulator;
  let dev: string;
  let prod: string;
  beforeEach(async () => {
    emulator = await startEmulator();
    dev = accountIdOf(emulator, 'dev');
    prod = accountIdOf(emulator, 'prod');
  });
  afterEach(() => emulator.close());

  const ramUser = (accountId: string, userName: string) =>
    emulator.state.accounts
      .find((a) => a.accountId === accountId)
      ?.ramUsers.find((u) => u.userName === userName);

  it('creates a RAM user named after the CloudSSO user in the target account', async () => {
    const id = await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' });
    expect(ramUserNames(emulator, dev)).toEqual(['alice']);
    expect(ramUser(dev, 'alice')?.provisionedBy).toBe(id);
    const viaIms = await ims(keyFor(emulator, dev), 'GetUser', {
      UserPrincipalName: `alice@${dev}.onaliyun.com`,
    });
    expect(viaIms.body.User).toMatchObject({
      UserPrincipalName: `alice@${dev}.onaliyun.com`,
    });
  });

  it('with KeepBoth, creates <name>_sso when the name is taken and leaves the existing user alone', async () => {
    const existing = ramUser(prod, 'bob');
    await createProvisioning(emulator, {
      principal: { userName: 'bob' },
      target: 'prod',
      duplication: 'KeepBoth',
    });
    expect(ramUserNames(emulator, prod).sort()).toEqual(['bob', 'bob_sso']);
    expect(ramUser(prod, 'bob')).toEqual(existing);
  });

  it('with TakeOver, takes the existing RAM user over and deletes it on Delete', async () => {
    const id = await createProvisioning(emulator, {
      principal: { userName: 'bob' },
      target: 'prod',
      duplication: 'TakeOver',
    });
    expect(ramUserNames(emulator, prod)).toEqual(['bob']);
    expect(ramUser(prod, 'bob')?.provisionedBy).toBe(id);
    await cloudSso(emulator, 'DeleteUserProvisioning', {
      UserProvisioningId: id,
      DeletionStrategy: 'Delete',
    });
    expect(ramUserNames(emulator, prod)).toEqual([]);
  });

  it('with Delete removes the synchronized RAM users, with Keep leaves them in place', async () => {
    const deleted = await createProvisioning(emulator, {
      principal: { groupName: 'engineers' },
      target: 'prod',
    });
    expect(ramUserNames(emulator, prod).sort()).toEqual(['alice', 'bob', 'bob_sso']);
    await cloudSso(emulator, 'DeleteUserProvisioning', {
      UserProvisioningId: deleted,
      DeletionStrategy: 'Delete',
    });
    expect(ramUserNames(emulator, prod)).toEqual(['bob']);

    const kept = await createProvisioning(emulator, { principal: { groupName: 'engineers' }, target: 'dev' });
    await cloudSso(emulator, 'DeleteUserProvisioning', {
      UserProvisioningId: kept,
      DeletionStrategy: 'Keep',
    });
    expect(ramUserNames(emulator, dev).sort()).toEqual(['alice', 'bob']);
    expect(ramUser(dev, 'alice')?.provisionedBy).toBeUndefined();
  });

  it('applies the creation-time DeletionStrategy when DeleteUserProvisioning omits it, whatever Update set since', async () => {
    const keep = await createProvisioning(emulator, {
      principal: { userName: 'alice' },
      target: 'dev',
      deletion: 'Keep',
    });
    await cloudSso(emulator, 'UpdateUserProvisioning', {
      UserProvisioningId: keep,
      NewDeletionStrategy: 'Delete',
    });
    await cloudSso(emulator, 'DeleteUserProvisioning', { UserProvisioningId: keep });
    expect(ramUserNames(emulator, dev)).toEqual(['alice']);

    const del = await createProvisioning(emulator, {
      principal: { userName: 'carol' },
      target: 'dev',
      deletion: 'Delete',
    });
    await cloudSso(emulator, 'UpdateUserProvisioning', {
      UserProvisioningId: del,
      NewDeletionStrategy: 'Keep',
    });
    const updated = await cloudSso(emulator, 'GetUserProvisioning', { UserProvisioningId: del });
    expect(updated.body.UserProvisioning).toMatchObject({ DeletionStrategy: 'Keep' });
    await cloudSso(emulator, 'DeleteUserProvisioning', { UserProvisioningId: del });
    expect(ramUserNames(emulator, dev)).toEqual(['alice']);
  });

  it('synchronizes a user added to the group after provisioning, and de-provisions one removed from it', async () => {
    await createProvisioning(emulator, {
      principal: { groupName: 'engineers' },
      target: 'dev',
      deletion: 'Delete',
    });
    expect(ramUserNames(emulator, dev).sort()).toEqual(['alice', 'bob']);
    const membership = { GroupId: groupIdOf(emulator, 'engineers'), UserId: userIdOf(emulator, 'carol') };
    await cloudSso(emulator, 'AddUserToGroup', membership);
    expect(ramUserNames(emulator, dev).sort()).toEqual(['alice', 'bob', 'carol']);
    await cloudSso(emulator, 'RemoveUserFromGroup', membership);
    expect(ramUserNames(emulator, dev).sort()).toEqual(['alice', 'bob']);
  });

  it('records a failed event when both <name> and <name>_sso are taken, counted by the statistics', async () => {
    await emulator.close();
    emulator = await startEmulator({
      seed: {
        accounts: [{ id: prod, name: 'prod', ramUsers: ['bob', 'bob_sso'] }],
        directories: [
          { name: 'd', users: ['alice', 'bob'], groups: [{ name: 'engineers', members: ['alice', 'bob'] }] },
        ],
      },
    });
    const id = await createProvisioning(emulator, { principal: { groupName: 'engineers' }, target: 'prod' });
    const events = await cloudSso(emulator, 'ListUserProvisioningEvents', { UserProvisioningId: id });
    expect(events.body).toMatchObject({ TotalCounts: 1, IsTruncated: false });
    expect(events.body.UserProvisioningEvents).toMatchObject([
      {
        UserProvisioningId: id,
        SourceType: 'StartProvisioning',
        ErrorInfo: IMS_USER_EXISTS,
        ErrorCount: 1,
        PrincipalType: 'Group',
        TargetId: prod,
      },
    ]);
    const stats = await cloudSso(emulator, 'GetUserProvisioningStatistics', { UserProvisioningId: id });
    expect(stats.body.UserProvisioningStatistics).toMatchObject({
      EntityId: id,
      Type: 'User Provisioning',
      FailedEventCount: 1,
      LatestAsyncTime: expect.stringMatching(/Z$/),
      OwnerPk: emulator.accountId,
    });
    const rd = await cloudSso(emulator, 'GetUserProvisioningRdAccountStatistics', { RdMemberId: prod });
    expect(rd.body.UserProvisioningStatistics).toMatchObject({
      EntityId: prod,
      Type: 'RD Account',
      FailedEventCount: 1,
    });
  });

  it('records an AddUserToGroup event for an injected failure; retry succeeds once the fault is gone', async () => {
    emulator.setFaults({ failSyncFor: ['carol'] });
    const id = await createProvisioning(emulator, { principal: { groupName: 'engineers' }, target: 'dev' });
    await cloudSso(emulator, 'AddUserToGroup', {
      GroupId: groupIdOf(emulator, 'engineers'),
      UserId: userIdOf(emulator, 'carol'),
    });
    const listed = await cloudSso(emulator, 'ListUserProvisioningEvents');
    const [event] = listed.body.UserProvisioningEvents as Array<{ EventId: string }>;
    const got = await cloudSso(emulator, 'GetUserProvisioningEvent', { EventId: event?.EventId });
    expect(got.body.UserProvisioningEvent).toMatchObject({
      SourceType: 'AddUserToGroup',
      ErrorInfo: INJECTED_SYNC_FAILURE,
      ErrorCount: 1,
    });

    await cloudSso(emulator, 'RetryUserProvisioningEvent', {
      EventId: event?.EventId,
      DuplicationStrategy: 'KeepBoth',
    });
    const again = await cloudSso(emulator, 'GetUserProvisioningEvent', { EventId: event?.EventId });
    expect(again.body.UserProvisioningEvent).toMatchObject({ ErrorCount: 2 });

    emulator.setFaults(undefined);
    await cloudSso(emulator, 'RetryUserProvisioningEvent', {
      EventId: event?.EventId,
      DuplicationStrategy: 'KeepBoth',
    });
    expect(ramUserNames(emulator, dev)).toContain('carol');
    const stats = await cloudSso(emulator, 'GetUserProvisioningStatistics', { UserProvisioningId: id });
    expect(stats.body.UserProvisioningStatistics).toMatchObject({ FailedEventCount: 0 });
    const gone = await sdkError(cloudSso(emulator, 'GetUserProvisioningEvent', { EventId: event?.EventId }));
    expect([gone.code, gone.statusCode]).toEqual(['EntityNotExists.UserProvisioningEvent', 404]);
  });

  it('deletes a failed event with DeleteUserProvisioningEvent', async () => {
    emulator.setFaults('sync-fail=alice');
    const id = await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' });
    const listed = await cloudSso(emulator, 'ListUserProvisioningEvents', { UserProvisioningId: id });
    const [event] = listed.body.UserProvisioningEvents as Array<{ EventId: string }>;
    const wrong = await sdkError(
      cloudSso(emulator, 'DeleteUserProvisioningEvent', {
        EventId: event?.EventId,
        UserProvisioningId: 'up-other',
      }),
    );
    expect(wrong.statusCode).toBe(404);
    const deleted = await cloudSso(emulator, 'DeleteUserProvisioningEvent', {
      EventId: event?.EventId,
      UserProvisioningId: id,
    });
    expect(Object.keys(deleted.body)).toEqual(['RequestId']);
    const after = await cloudSso(emulator, 'ListUserProvisioningEvents', { UserProvisioningId: id });
    expect(after.body.TotalCounts).toBe(0);
  });

  it('answers EntityNotExists for events and statistics of unknown entities', async () => {
    const event = await sdkError(
      cloudSso(emulator, 'RetryUserProvisioningEvent', { EventId: 'upe-x', DuplicationStrategy: 'KeepBoth' }),
    );
    expect([event.code, event.statusCode]).toEqual(['EntityNotExists.UserProvisioningEvent', 404]);
    const stats = await sdkError(
      cloudSso(emulator, 'GetUserProvisioningStatistics', { UserProvisioningId: 'up-x' }),
    );
    expect([stats.code, stats.statusCode]).toEqual(['EntityNotExists.UserProvisioning', 404]);
    const list = await sdkError(
      cloudSso(emulator, 'ListUserProvisioningEvents', { UserProvisioningId: 'up-x' }),
    );
    expect(list.code).toBe('EntityNotExists.UserProvisioning');
    const account = await sdkError(
      cloudSso(emulator, 'GetUserProvisioningRdAccountStatistics', { RdMemberId: '1999999999999999' }),
    );
    expect(account.statusCode).toBe(404);
  });
});
