import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../local/emulator';
import { accountIdOf, cloudSso, createProvisioning, groupIdOf, userIdOf } from './helpers';
import { sdkError } from './sdk';

describe('CloudSSO user provisioning actions', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  it('creates a provisioning and answers with the full UserProvisioning object', async () => {
    const response = await cloudSso(emulator, 'CreateUserProvisioning', {
      PrincipalId: userIdOf(emulator, 'alice'),
      PrincipalType: 'User',
      TargetId: accountIdOf(emulator, 'dev'),
      TargetType: 'RD-Account',
      DuplicationStrategy: 'KeepBoth',
      DeletionStrategy: 'Delete',
      Description: 'alice into dev',
    });
    expect(response.body.UserProvisioning).toEqual({
      UserProvisioningId: expect.stringMatching(/^up-[0-9a-f]+$/),
      DirectoryId: emulator.directoryId,
      OwnerPk: emulator.accountId,
      PrincipalId: userIdOf(emulator, 'alice'),
      PrincipalType: 'User',
      PrincipalName: 'alice',
      TargetId: '1000000000000001',
      TargetType: 'RD-Account',
      TargetName: 'dev',
      TargetPath: expect.stringMatching(/^rd-[0-9a-f]+\/r-[0-9a-f]+\/1000000000000001$/),
      DuplicationStrategy: 'KeepBoth',
      DeletionStrategy: 'Delete',
      Description: 'alice into dev',
      Status: 'Enabled',
      CreateTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      UpdateTime: expect.stringMatching(/Z$/),
    });
  });

  it('gets a provisioning and answers EntityNotExists.UserProvisioning (404) for an unknown one', async () => {
    const id = await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' });
    const got = await cloudSso(emulator, 'GetUserProvisioning', { UserProvisioningId: id });
    expect(got.body.UserProvisioning).toMatchObject({ UserProvisioningId: id, PrincipalName: 'alice' });
    const err = await sdkError(
      cloudSso(emulator, 'GetUserProvisioning', { UserProvisioningId: 'up-missing' }),
    );
    expect([err.code, err.statusCode]).toEqual(['EntityNotExists.UserProvisioning', 404]);
  });

  it('answers EntityNotExists.Directory (404) for an unknown directory', async () => {
    const err = await sdkError(
      cloudSso(emulator, 'GetUserProvisioning', { DirectoryId: 'd-nope', UserProvisioningId: 'up-x' }),
    );
    expect([err.code, err.statusCode]).toEqual(['EntityNotExists.Directory', 404]);
  });

  it('answers EntityNotExists.User / .Group (404) for an unknown principal', async () => {
    const base = {
      TargetId: accountIdOf(emulator, 'dev'),
      TargetType: 'RD-Account',
      DuplicationStrategy: 'KeepBoth',
      DeletionStrategy: 'Keep',
    };
    const user = await sdkError(
      cloudSso(emulator, 'CreateUserProvisioning', { ...base, PrincipalId: 'u-x', PrincipalType: 'User' }),
    );
    expect([user.code, user.statusCode]).toEqual(['EntityNotExists.User', 404]);
    const group = await sdkError(
      cloudSso(emulator, 'CreateUserProvisioning', { ...base, PrincipalId: 'g-x', PrincipalType: 'Group' }),
    );
    expect([group.code, group.statusCode]).toEqual(['EntityNotExists.Group', 404]);
  });

  it('rejects a missing required parameter with MissingParameter naming it, and a bad enum with InvalidParameter.<Name>', async () => {
    const missing = await sdkError(
      cloudSso(emulator, 'CreateUserProvisioning', { PrincipalId: userIdOf(emulator, 'alice') }),
    );
    expect([missing.code, missing.statusCode]).toEqual(['MissingParameter', 400]);
    expect(missing.message).toContain('PrincipalType');
    const invalid = await sdkError(
      cloudSso(emulator, 'CreateUserProvisioning', {
        PrincipalId: userIdOf(emulator, 'alice'),
        PrincipalType: 'User',
        TargetId: accountIdOf(emulator, 'dev'),
        TargetType: 'RD-Account',
        DuplicationStrategy: 'Overwrite',
        DeletionStrategy: 'Delete',
      }),
    );
    expect([invalid.code, invalid.statusCode]).toEqual(['InvalidParameter.DuplicationStrategy', 400]);
  });

  it('rejects a second provisioning of the same principal into the same target with EntityAlreadyExists (409)', async () => {
    await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' });
    const err = await sdkError(
      createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' }),
    );
    expect([err.code, err.statusCode]).toEqual(['EntityAlreadyExists.UserProvisioning', 409]);
  });

  it('updates only the strategies and description, through the New* parameters', async () => {
    const id = await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' });
    const updated = await cloudSso(emulator, 'UpdateUserProvisioning', {
      UserProvisioningId: id,
      NewDuplicationStrategy: 'TakeOver',
      NewDeletionStrategy: 'Keep',
      NewDescription: 'changed',
    });
    expect(updated.body.UserProvisioning).toMatchObject({
      DuplicationStrategy: 'TakeOver',
      DeletionStrategy: 'Keep',
      Description: 'changed',
      PrincipalName: 'alice',
    });
    const err = await sdkError(
      cloudSso(emulator, 'UpdateUserProvisioning', { UserProvisioningId: 'up-nope' }),
    );
    expect(err.code).toBe('EntityNotExists.UserProvisioning');
  });

  it('deletes a provisioning, after which it is not found', async () => {
    const id = await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' });
    const deleted = await cloudSso(emulator, 'DeleteUserProvisioning', {
      UserProvisioningId: id,
      DeletionStrategy: 'Delete',
    });
    expect(Object.keys(deleted.body)).toEqual(['RequestId']);
    const err = await sdkError(cloudSso(emulator, 'DeleteUserProvisioning', { UserProvisioningId: id }));
    expect([err.code, err.statusCode]).toEqual(['EntityNotExists.UserProvisioning', 404]);
  });

  it('pages ListUserProvisionings with MaxResults, NextToken, IsTruncated and TotalCounts', async () => {
    for (const userName of ['alice', 'bob', 'carol']) {
      await createProvisioning(emulator, { principal: { userName }, target: 'dev' });
    }
    await createProvisioning(emulator, { principal: { groupName: 'engineers' }, target: 'prod' });
    const first = await cloudSso(emulator, 'ListUserProvisionings', { MaxResults: 3 });
    expect(first.body).toMatchObject({ IsTruncated: true, MaxResults: 3, TotalCounts: 4 });
    expect(first.body.UserProvisionings).toHaveLength(3);
    const second = await cloudSso(emulator, 'ListUserProvisionings', {
      MaxResults: 3,
      NextToken: first.body.NextToken,
    });
    expect(second.body).toMatchObject({ IsTruncated: false, TotalCounts: 4 });
    expect(second.body).not.toHaveProperty('NextToken');
    expect(second.body.UserProvisionings).toHaveLength(1);
    const all = await cloudSso(emulator, 'ListUserProvisionings');
    expect(all.body.MaxResults).toBe(10);
  });

  it('filters ListUserProvisionings by principal and target', async () => {
    await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' });
    await createProvisioning(emulator, { principal: { groupName: 'engineers' }, target: 'dev' });
    await createProvisioning(emulator, { principal: { groupName: 'engineers' }, target: 'prod' });
    const groups = await cloudSso(emulator, 'ListUserProvisionings', {
      PrincipalType: 'Group',
      TargetId: accountIdOf(emulator, 'dev'),
    });
    expect(groups.body.TotalCounts).toBe(1);
    expect(groups.body.UserProvisionings).toMatchObject([
      { PrincipalId: groupIdOf(emulator, 'engineers'), TargetName: 'dev' },
    ]);
    const byPrincipal = await cloudSso(emulator, 'ListUserProvisionings', {
      PrincipalId: groupIdOf(emulator, 'engineers'),
    });
    expect(byPrincipal.body.TotalCounts).toBe(2);
  });

  it('rejects MaxResults outside 1-100 and a forged NextToken', async () => {
    const big = await sdkError(cloudSso(emulator, 'ListUserProvisionings', { MaxResults: 101 }));
    expect([big.code, big.statusCode]).toEqual(['InvalidParameter.MaxResults', 400]);
    const token = await sdkError(cloudSso(emulator, 'ListUserProvisionings', { NextToken: 'garbage' }));
    expect(token.code).toBe('InvalidParameter.NextToken');
  });
});
