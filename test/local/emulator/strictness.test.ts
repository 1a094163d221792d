import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../local/emulator';
import { accountIdOf, cloudSso, createProvisioning, keyFor, userIdOf } from './helpers';
import { CLOUDSSO, callSdk, sdkError } from './sdk';

/** The emulator refuses what the service would, so a lenient client fails here and not in the cloud. */
describe('emulator strictness', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  const asCode = (err: { code: string; statusCode: number }) => [err.code, err.statusCode];

  it('matches enum values exactly: Takeover, keep, user are InvalidParameter.<Name> (400) and change nothing', async () => {
    const create = {
      PrincipalId: userIdOf(emulator, 'alice'),
      PrincipalType: 'User',
      TargetId: accountIdOf(emulator, 'dev'),
      TargetType: 'RD-Account',
      DuplicationStrategy: 'KeepBoth',
      DeletionStrategy: 'Delete',
    };
    for (const [name, value] of [
      ['DuplicationStrategy', 'Takeover'],
      ['DuplicationStrategy', 'keepboth'],
      ['DeletionStrategy', 'keep'],
      ['PrincipalType', 'user'],
      ['TargetType', 'rd-account'],
    ]) {
      const err = await sdkError(cloudSso(emulator, 'CreateUserProvisioning', { ...create, [name]: value }));
      expect(asCode(err), `${name}=${value}`).toEqual([`InvalidParameter.${name}`, 400]);
    }
    expect(emulator.state.provisionings).toEqual([]);

    const id = await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' });
    const update = await sdkError(
      cloudSso(emulator, 'UpdateUserProvisioning', {
        UserProvisioningId: id,
        NewDuplicationStrategy: 'Takeover',
      }),
    );
    expect(asCode(update)).toEqual(['InvalidParameter.NewDuplicationStrategy', 400]);
    const remove = await sdkError(
      cloudSso(emulator, 'DeleteUserProvisioning', { UserProvisioningId: id, DeletionStrategy: 'delete' }),
    );
    expect(asCode(remove)).toEqual(['InvalidParameter.DeletionStrategy', 400]);
    const still = await cloudSso(emulator, 'GetUserProvisioning', { UserProvisioningId: id });
    expect(still.body.UserProvisioning).toMatchObject({ DuplicationStrategy: 'KeepBoth' });
  });

  it("answers a member account's key as if the management account's directory did not exist", async () => {
    const id = await createProvisioning(emulator, { principal: { groupName: 'engineers' }, target: 'dev' });
    const member = keyFor(emulator, accountIdOf(emulator, 'dev'));
    const calls: Array<[string, Record<string, unknown>]> = [
      ['GetDirectory', {}],
      ['ListUserProvisionings', {}],
      ['GetUserProvisioning', { UserProvisioningId: id }],
      ['UpdateUserProvisioning', { UserProvisioningId: id, NewDescription: 'hijacked' }],
      ['DeleteUserProvisioning', { UserProvisioningId: id, DeletionStrategy: 'Delete' }],
      ['CreateUser', { UserName: 'mallory' }],
      [
        'CreateUserProvisioning',
        {
          PrincipalId: userIdOf(emulator, 'carol'),
          PrincipalType: 'User',
          TargetId: accountIdOf(emulator, 'dev'),
          TargetType: 'RD-Account',
          DuplicationStrategy: 'KeepBoth',
          DeletionStrategy: 'Delete',
        },
      ],
    ];
    for (const [action, params] of calls) {
      const err = await sdkError(
        callSdk(member, CLOUDSSO, action, { DirectoryId: emulator.directoryId, ...params }),
      );
      expect(asCode(err), action).toEqual(['EntityNotExists.Directory', 404]);
    }
    expect(emulator.state.provisionings.map((p) => [p.userProvisioningId, p.description])).toEqual([
      [id, ''],
    ]);
    expect(emulator.state.directories[0].users.map((u) => u.userName)).not.toContain('mallory');
    const own = await cloudSso(emulator, 'GetUserProvisioning', { UserProvisioningId: id });
    expect(own.statusCode).toBe(200);
  });

  it('accepts a signature nonce once: the replayed request is SignatureNonceUsed (400) and has no effect', async () => {
    const nonce = { 'x-acs-signature-nonce': 'replay-me-0001' };
    const params = { DirectoryId: emulator.directoryId, UserName: 'dave' };
    const first = await callSdk(emulator, CLOUDSSO, 'CreateUser', params, nonce);
    expect(first.statusCode).toBe(200);
    const replay = await sdkError(
      callSdk(emulator, CLOUDSSO, 'CreateUser', { ...params, UserName: 'erin' }, nonce),
    );
    expect(asCode(replay)).toEqual(['SignatureNonceUsed', 400]);
    const names = emulator.state.directories[0].users.map((u) => u.userName);
    expect(names.filter((n) => n === 'dave' || n === 'erin')).toEqual(['dave']);
  });

  it('does not let a badly signed request use up a nonce', async () => {
    const nonce = { 'x-acs-signature-nonce': 'forged-then-real' };
    const params = { DirectoryId: emulator.directoryId };
    const forged = await sdkError(
      callSdk({ ...emulator, accessKeySecret: 'wrong' }, CLOUDSSO, 'GetDirectory', params, nonce),
    );
    expect(forged.code).toBe('SignatureDoesNotMatch');
    expect((await callSdk(emulator, CLOUDSSO, 'GetDirectory', params, nonce)).statusCode).toBe(200);
  });

  it('refuses a request dated more than 15 minutes from now with InvalidTimeStamp.Expired (400)', async () => {
    const at = (minutes: number) => ({
      'x-acs-date': new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    const params = { DirectoryId: emulator.directoryId };
    for (const minutes of [-16, 16]) {
      const err = await sdkError(callSdk(emulator, CLOUDSSO, 'GetDirectory', params, at(minutes)));
      expect(asCode(err), `${minutes} min`).toEqual(['InvalidTimeStamp.Expired', 400]);
    }
    expect((await callSdk(emulator, CLOUDSSO, 'GetDirectory', params, at(-14))).statusCode).toBe(200);
    const garbled = await sdkError(
      callSdk(emulator, CLOUDSSO, 'GetDirectory', params, { 'x-acs-date': 'yesterday' }),
    );
    expect(asCode(garbled)).toEqual(['InvalidTimeStamp.Format', 400]);
  });
});
