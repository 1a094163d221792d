import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../../local/emulator';
import { accountIdOf, ims, keyFor } from './helpers';
import { sdkError } from './sdk';

describe('IMS OIDC provider actions', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  const provider = async (name = 'github') =>
    (await ims(emulator, 'GetOIDCProvider', { OIDCProviderName: name })).body.OIDCProvider as Record<
      string,
      unknown
    >;

  it('gets the seeded provider with comma-joined ClientIds and both date forms (GmtCreate a string of epoch ms)', async () => {
    expect(await provider()).toMatchObject({
      OIDCProviderName: 'github',
      Arn: `acs:ram::${emulator.accountId}:oidc-provider/github`,
      IssuerUrl: 'https://token.actions.githubusercontent.com',
      ClientIds: 'sts.aliyuncs.com',
      Fingerprints: '6938fd4d98bab03faadb97b34396831e3780aea1',
      IssuanceLimitTime: 12,
      CreateDate: expect.stringMatching(/Z$/),
      GmtCreate: expect.stringMatching(/^\d{13}$/),
      GmtModified: expect.stringMatching(/^\d{13}$/),
    });
  });

  it('answers EntityNotExist.OIDCProvider (404, no "s") for an unknown provider', async () => {
    for (const action of ['GetOIDCProvider', 'DeleteOIDCProvider', 'UpdateOIDCProvider']) {
      const err = await sdkError(ims(emulator, action, { OIDCProviderName: 'nope' }));
      expect([err.code, err.statusCode]).toEqual(['EntityNotExist.OIDCProvider', 404]);
    }
    const add = await sdkError(
      ims(emulator, 'AddClientIdToOIDCProvider', { OIDCProviderName: 'nope', ClientId: 'x' }),
    );
    expect(add.code).toBe('EntityNotExist.OIDCProvider');
  });

  it('adds a client ID, refuses a duplicate (409) and removes it', async () => {
    const added = await ims(emulator, 'AddClientIdToOIDCProvider', {
      OIDCProviderName: 'github',
      ClientId: 'app-1',
    });
    expect((added.body.OIDCProvider as { ClientIds: string }).ClientIds).toBe('sts.aliyuncs.com,app-1');
    const duplicate = await sdkError(
      ims(emulator, 'AddClientIdToOIDCProvider', { OIDCProviderName: 'github', ClientId: 'app-1' }),
    );
    expect([duplicate.code, duplicate.statusCode]).toEqual([
      'EntityAlreadyExists.OIDCProvider.ClientId',
      409,
    ]);
    const removed = await ims(emulator, 'RemoveClientIdFromOIDCProvider', {
      OIDCProviderName: 'github',
      ClientId: 'sts.aliyuncs.com',
    });
    expect((removed.body.OIDCProvider as { ClientIds: string }).ClientIds).toBe('app-1');
    const gone = await sdkError(
      ims(emulator, 'RemoveClientIdFromOIDCProvider', {
        OIDCProviderName: 'github',
        ClientId: 'sts.aliyuncs.com',
      }),
    );
    expect([gone.code, gone.statusCode]).toEqual(['EntityNotExist.OIDCProvider.ClientId', 404]);
    const missing = await sdkError(
      ims(emulator, 'AddClientIdToOIDCProvider', { OIDCProviderName: 'github' }),
    );
    expect([missing.code, missing.statusCode]).toEqual(['MissingParameter', 400]);
  });

  it('refuses the 51st client ID with LimitExceeded.OIDCProvider.ClientId (409)', async () => {
    const ids = Array.from({ length: 49 }, (_, i) => `client-${i}`);
    await ims(emulator, 'UpdateOIDCProvider', {
      OIDCProviderName: 'github',
      ClientIds: ['sts.aliyuncs.com', ...ids].join(','),
    });
    expect(((await provider()).ClientIds as string).split(',')).toHaveLength(50);
    const err = await sdkError(
      ims(emulator, 'AddClientIdToOIDCProvider', { OIDCProviderName: 'github', ClientId: 'one-too-many' }),
    );
    expect([err.code, err.statusCode]).toEqual(['LimitExceeded.OIDCProvider.ClientId', 409]);
    const replace = await sdkError(
      ims(emulator, 'UpdateOIDCProvider', {
        OIDCProviderName: 'github',
        ClientIds: [...ids, 'a', 'b'].join(','),
      }),
    );
    expect(replace.code).toBe('LimitExceeded.OIDCProvider.ClientId');
  });

  it('replaces all client IDs and the description with UpdateOIDCProvider', async () => {
    const updated = await ims(emulator, 'UpdateOIDCProvider', {
      OIDCProviderName: 'github',
      ClientIds: 'a,b',
      NewDescription: 'new',
      IssuanceLimitTime: 2,
    });
    expect(updated.body.OIDCProvider).toMatchObject({
      ClientIds: 'a,b',
      Description: 'new',
      IssuanceLimitTime: 2,
    });
  });

  it('creates, lists with Marker paging, and deletes providers', async () => {
    const created = await ims(emulator, 'CreateOIDCProvider', {
      OIDCProviderName: 'gitlab',
      IssuerUrl: 'https://gitlab.example.com',
      ClientIds: 'x,y',
      Fingerprints: 'abc123',
    });
    expect(created.body.OIDCProvider).toMatchObject({ OIDCProviderName: 'gitlab', ClientIds: 'x,y' });
    const sameName = await sdkError(
      ims(emulator, 'CreateOIDCProvider', {
        OIDCProviderName: 'gitlab',
        IssuerUrl: 'https://other.example.com',
      }),
    );
    expect([sameName.code, sameName.statusCode]).toEqual(['EntityAlreadyExists.OIDCProvider', 409]);
    const sameUrl = await sdkError(
      ims(emulator, 'CreateOIDCProvider', {
        OIDCProviderName: 'g2',
        IssuerUrl: 'https://gitlab.example.com',
      }),
    );
    expect(sameUrl.code).toBe('EntityAlreadyExists.OIDCProvider.Url');
    const badUrl = await sdkError(
      ims(emulator, 'CreateOIDCProvider', { OIDCProviderName: 'g3', IssuerUrl: 'http://plain.example.com' }),
    );
    expect([badUrl.code, badUrl.statusCode]).toEqual(['InvalidParameter.IssuerUrl', 400]);

    const first = await ims(emulator, 'ListOIDCProviders', { MaxItems: 1 });
    expect(first.body).toMatchObject({
      IsTruncated: true,
      OIDCProviders: { OIDCProvider: [{ OIDCProviderName: 'github' }] },
    });
    const second = await ims(emulator, 'ListOIDCProviders', { MaxItems: 1, Marker: first.body.Marker });
    expect(second.body).toMatchObject({
      IsTruncated: false,
      OIDCProviders: { OIDCProvider: [{ OIDCProviderName: 'gitlab' }] },
    });

    const deleted = await ims(emulator, 'DeleteOIDCProvider', { OIDCProviderName: 'gitlab' });
    expect(Object.keys(deleted.body)).toEqual(['RequestId']);
    const err = await sdkError(ims(emulator, 'GetOIDCProvider', { OIDCProviderName: 'gitlab' }));
    expect(err.code).toBe('EntityNotExist.OIDCProvider');
  });

  it('acts on the account that owns the access key', async () => {
    const prodId = accountIdOf(emulator, 'prod');
    const prod = keyFor(emulator, prodId);
    const listed = await ims(prod, 'ListOIDCProviders');
    expect(listed.body.OIDCProviders).toEqual({ OIDCProvider: [] });
    await ims(prod, 'CreateOIDCProvider', {
      OIDCProviderName: 'github',
      IssuerUrl: 'https://token.actions.githubusercontent.com',
    });
    expect(emulator.state.accounts.find((a) => a.displayName === 'prod')?.oidcProviders).toHaveLength(1);
    const users = await ims(prod, 'ListUsers');
    expect(users.body).toMatchObject({
      IsTruncated: false,
      Users: { User: [{ UserPrincipalName: `bob@${prodId}.onaliyun.com` }] },
    });
    const missing = await sdkError(ims(prod, 'GetUser', { UserPrincipalName: 'nobody@x.onaliyun.com' }));
    expect([missing.code, missing.statusCode]).toEqual(['EntityNotExist.User', 404]);
  });
});
