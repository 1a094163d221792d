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

const create = async (w: World, props: Record<string, unknown>) => {
  await w.run(w.event({ RequestType: 'Create', ResourceType: TYPE, ResourceProperties: props }));
  return last(w);
};

const remove = async (w: World, physicalId: unknown, props: Record<string, unknown>) => {
  await w.run(
    w.event({
      RequestType: 'Delete',
      ResourceType: TYPE,
      PhysicalResourceId: physicalId,
      ResourceProperties: props,
    }),
  );
  return last(w);
};

describe('Custom::RAMOIDCClientId', () => {
  it('adds the client ID and answers created:<stack tag>:<provider>/<client id> with the provider Arn', async () => {
    const body = await create(world, { OIDCProviderName: 'github', ClientId: 'my-app' });
    expect(body).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: expect.stringMatching(/^created:[0-9a-f]{12}:github\/my-app$/),
      Data: {
        OIDCProviderName: 'github',
        ClientId: 'my-app',
        Arn: `acs:ram::${world.emulator.accountId}:oidc-provider/github`,
        Ownership: 'Created',
      },
    });
    expect(clientIdsOf(world)).toEqual(['sts.aliyuncs.com', 'my-app']);
    expect(apiCalls(world.emulator, 'AddClientIdToOIDCProvider')[0]?.params).toMatchObject({
      ClientId: 'my-app',
    });
  });

  it('uses a client ID that is already on the provider, and leaves it there on Delete', async () => {
    const props = { OIDCProviderName: 'github', ClientId: 'sts.aliyuncs.com' };
    const body = await create(world, props);
    expect(body).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: expect.stringMatching(/^adopted:[0-9a-f]{12}:github\/sts\.aliyuncs\.com$/),
      Data: { Ownership: 'Adopted' },
    });
    // Found by the lookup: no Add at all, whatever Add would have answered.
    expect(apiCalls(world.emulator).map((r) => r.action)).toEqual(['GetOIDCProvider']);
    expect(await remove(world, body.PhysicalResourceId, props)).toMatchObject({ Status: 'SUCCESS' });
    expect(clientIdsOf(world)).toEqual(['sts.aliyuncs.com']);
    expect(apiCalls(world.emulator, 'RemoveClientIdFromOIDCProvider')).toHaveLength(0);
  });

  it('with TakeOwnershipOfExisting takes an existing client ID over and removes it on Delete', async () => {
    const props = { OIDCProviderName: 'github', ClientId: 'sts.aliyuncs.com', TakeOwnershipOfExisting: true };
    const body = await create(world, props);
    expect(body.PhysicalResourceId).toMatch(/^taken-over:/);
    expect(body.Data).toMatchObject({ Ownership: 'TakenOver' });
    await remove(world, body.PhysicalResourceId, props);
    expect(clientIdsOf(world)).toEqual([]);
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

  it('removes exactly the client ID it added on Delete', async () => {
    const props = { OIDCProviderName: 'github', ClientId: 'my-app' };
    const created = await create(world, props);
    expect(await remove(world, created.PhysicalResourceId, props)).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: created.PhysicalResourceId,
    });
    expect(clientIdsOf(world)).toEqual(['sts.aliyuncs.com']);
  });

  it('treats a missing client ID or provider on Delete as already deleted, by their not-found codes', async () => {
    // Bare IDs of the previous version, which the template now explicitly owns.
    for (const id of ['github/not-there', 'no-such-provider/x']) {
      const [name, clientId] = id.split('/');
      const props = { OIDCProviderName: name, ClientId: clientId, TakeOwnershipOfExisting: true };
      expect(await remove(world, id, props)).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
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

  it('answers an unchanged Update with the same Data as the Create', async () => {
    const props = { OIDCProviderName: 'github', ClientId: 'a' };
    const created = await create(world, props);
    await world.run(
      world.event({
        RequestType: 'Update',
        ResourceType: TYPE,
        PhysicalResourceId: created.PhysicalResourceId,
        ResourceProperties: props,
        OldResourceProperties: props,
      }),
    );
    expect(last(world)).toMatchObject({ Status: 'SUCCESS', Data: created.Data });
    expect(apiCalls(world.emulator).map((r) => r.action)).toEqual([
      'GetOIDCProvider',
      'AddClientIdToOIDCProvider',
      'GetOIDCProvider',
    ]);
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
