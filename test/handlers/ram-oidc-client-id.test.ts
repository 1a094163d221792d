import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiCalls, startWorld, type World } from './harness';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.close();
});

const TYPE = 'Custom::RAMOIDCClientId';

function clientIdsOf(w: World, name = 'github'): string[] {
  const account = w.emulator.snapshot().accounts.find((a) => a.accountId === w.emulator.accountId);
  return account?.oidcProviders.find((p) => p.name === name)?.clientIds ?? [];
}

const last = (w: World) => w.callbacks.accepted().at(-1)?.body ?? {};

describe('Custom::RAMOIDCClientId', () => {
  it('adds the client ID and answers <provider>/<client id> with the provider Arn', async () => {
    const props = { OIDCProviderName: 'github', ClientId: 'my-app' };
    await world.run(world.event({ RequestType: 'Create', ResourceType: TYPE, ResourceProperties: props }));
    expect(last(world)).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: 'github/my-app',
      Data: {
        OIDCProviderName: 'github',
        ClientId: 'my-app',
        Arn: `acs:ram::${world.emulator.accountId}:oidc-provider/github`,
      },
    });
    expect(clientIdsOf(world)).toEqual(['sts.aliyuncs.com', 'my-app']);
    expect(apiCalls(world.emulator, 'AddClientIdToOIDCProvider')[0]?.params).toMatchObject({
      ClientId: 'my-app',
    });
  });

  it('adopts a client ID that is already on the provider', async () => {
    const props = { OIDCProviderName: 'github', ClientId: 'sts.aliyuncs.com' };
    await world.run(world.event({ RequestType: 'Create', ResourceType: TYPE, ResourceProperties: props }));
    expect(last(world)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'github/sts.aliyuncs.com' });
    expect(apiCalls(world.emulator).map((r) => r.action)).toEqual([
      'AddClientIdToOIDCProvider',
      'GetOIDCProvider',
    ]);
  });

  it('answers FAILED naming the limit when the provider is full', async () => {
    const account = world.emulator.state.accounts.find((a) => a.accountId === world.emulator.accountId);
    const provider = account?.oidcProviders.find((p) => p.name === 'github');
    if (provider === undefined) throw new Error('no seeded provider');
    provider.clientIds = Array.from({ length: 50 }, (_, i) => `client-${i}`);
    await world.run(
      world.event({
        RequestType: 'Create',
        ResourceType: TYPE,
        ResourceProperties: { OIDCProviderName: 'github', ClientId: 'one-more' },
      }),
    );
    const body = last(world);
    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(/is full: .*maximum number of client IDs \(50 per provider/);
    expect(body.PhysicalResourceId).toMatch(/^ros-sso:create-failed:/);
  });

  it('removes exactly the client ID named by the physical ID on Delete', async () => {
    await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: TYPE,
        PhysicalResourceId: 'github/sts.aliyuncs.com',
        ResourceProperties: { OIDCProviderName: 'github', ClientId: 'sts.aliyuncs.com' },
      }),
    );
    expect(last(world)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'github/sts.aliyuncs.com' });
    expect(clientIdsOf(world)).toEqual([]);
  });

  it('treats a missing client ID or provider on Delete as already deleted', async () => {
    for (const id of ['github/not-there', 'no-such-provider/x']) {
      const [name, clientId] = id.split('/');
      await world.run(
        world.event({
          RequestType: 'Delete',
          ResourceType: TYPE,
          PhysicalResourceId: id,
          ResourceProperties: { OIDCProviderName: name, ClientId: clientId },
        }),
      );
      expect(last(world)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
    }
    expect(apiCalls(world.emulator).map((r) => r.code)).toEqual([
      'EntityNotExist.OIDCProvider.ClientId',
      'EntityNotExist.OIDCProvider',
    ]);
  });

  it('refuses a change of either property, naming it', async () => {
    const old = { OIDCProviderName: 'github', ClientId: 'a' };
    await world.run(
      world.event({
        RequestType: 'Update',
        ResourceType: TYPE,
        PhysicalResourceId: 'github/a',
        ResourceProperties: { ...old, ClientId: 'b' },
        OldResourceProperties: old,
      }),
    );
    expect(last(world)).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'github/a' });
    expect(last(world).Reason).toMatch(
      /^ClientId \("a" → "b"\) cannot be changed in an update; the resource must be replaced/,
    );
    expect(apiCalls(world.emulator)).toHaveLength(0);
  });

  it('answers an unchanged Update without a call, keeping the Data', async () => {
    const props = { OIDCProviderName: 'github', ClientId: 'a' };
    await world.run(
      world.event({
        RequestType: 'Update',
        ResourceType: TYPE,
        PhysicalResourceId: 'github/a',
        ResourceProperties: props,
        OldResourceProperties: props,
      }),
    );
    expect(last(world)).toMatchObject({
      Status: 'SUCCESS',
      Data: { ClientId: 'a', Arn: expect.stringContaining('oidc-provider/github') },
    });
    expect(apiCalls(world.emulator)).toHaveLength(0);
  });

  it('validates the client ID with the linter schema', async () => {
    await world.run(
      world.event({
        RequestType: 'Create',
        ResourceType: TYPE,
        ResourceProperties: { OIDCProviderName: 'github', ClientId: '-bad' },
      }),
    );
    expect(last(world).Reason).toMatch(
      /^invalid ResourceProperties: \/ClientId: '-bad' must be letters, digits/,
    );
  });
});
