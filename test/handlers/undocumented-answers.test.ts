import { afterEach, describe, expect, it } from 'vitest';
import { apiCalls, startWorld, userProvisionProps, type World } from './harness';

// Answers the cloud docs leave open, on the shipped bundle over loopback against the emulator: the
// handlers must never destroy what they did not create whichever way the service answers.

let world: World;
afterEach(async () => {
  await world.close();
});

const UP = 'Custom::CloudSSOUserProvision';
const CLIENT = 'Custom::RAMOIDCClientId';
const lastAnswer = (w: World) => w.callbacks.accepted().at(-1)?.body ?? {};
const logLines = (w: World) => w.logs.map((l) => JSON.parse(l) as Record<string, unknown>);

async function request(w: World, fields: Record<string, unknown>) {
  await w.run(w.event(fields));
  return lastAnswer(w);
}

function clientIds(w: World): string[] {
  const account = w.emulator.snapshot().accounts.find((a) => a.accountId === w.emulator.accountId);
  return account?.oidcProviders.find((p) => p.name === 'github')?.clientIds ?? [];
}

describe('AddClientIdToOIDCProvider of a client ID the provider already has answers success', () => {
  it('the client ID is still adopted, and survives the stack delete', async () => {
    world = await startWorld({ built: true, faults: 'add-existing-client-id=ok' });
    const props = { OIDCProviderName: 'github', ClientId: 'sts.aliyuncs.com' };
    const created = await request(world, {
      RequestType: 'Create',
      ResourceType: CLIENT,
      ResourceProperties: props,
    });
    expect(created).toMatchObject({ Status: 'SUCCESS', Data: { Ownership: 'Adopted' } });
    expect(String(created.PhysicalResourceId)).toMatch(/^adopted:/);
    const deleted = await request(world, {
      RequestType: 'Delete',
      ResourceType: CLIENT,
      PhysicalResourceId: created.PhysicalResourceId,
      ResourceProperties: props,
    });
    expect(deleted.Status).toBe('SUCCESS');
    expect(apiCalls(world.emulator, 'RemoveClientIdFromOIDCProvider')).toHaveLength(0);
    expect(clientIds(world)).toEqual(['sts.aliyuncs.com']);
  });

  it('a client ID that was not there is created, and removed with the stack', async () => {
    world = await startWorld({ built: true, faults: 'add-existing-client-id=ok' });
    const props = { OIDCProviderName: 'github', ClientId: 'ci-audience' };
    const created = await request(world, {
      RequestType: 'Create',
      ResourceType: CLIENT,
      ResourceProperties: props,
    });
    expect(created).toMatchObject({ Status: 'SUCCESS', Data: { Ownership: 'Created' } });
    await request(world, {
      RequestType: 'Delete',
      ResourceType: CLIENT,
      PhysicalResourceId: created.PhysicalResourceId,
      ResourceProperties: props,
    });
    expect(clientIds(world)).toEqual(['sts.aliyuncs.com']);
  });
});

describe('a CreateUserProvisioning that took effect but whose answer did not say so', () => {
  it.each([
    ['lost, and the service allows a second provisioning', 'lose-answer', 'duplicate-provisioning=allow'],
    ['lost, and the service refuses a second one', 'lose-answer', 'duplicate-provisioning=refuse'],
    ['a 200 without the provisioning', 'empty-answer', 'duplicate-provisioning=allow'],
  ])(
    'is not sent again blindly (answer %s): one provisioning, found and named',
    async (_name, how, answer) => {
      world = await startWorld({ built: true, faults: `${how}=CreateUserProvisioning,${answer}` });
      const created = await request(world, {
        RequestType: 'Create',
        ResourceType: UP,
        ResourceProperties: userProvisionProps(world),
      });
      const provisionings = world.emulator.snapshot().provisionings;
      expect(provisionings).toHaveLength(1);
      expect(apiCalls(world.emulator, 'CreateUserProvisioning')).toHaveLength(1);
      // This invocation cannot prove the one it finds is its own: it counts as adopted (README).
      expect(created).toMatchObject({ Status: 'SUCCESS', Data: { Ownership: 'Adopted' } });
      expect(created.PhysicalResourceId).toMatch(
        new RegExp(`^adopted:[0-9a-f]{12}:${provisionings[0]?.userProvisioningId}$`),
      );
      expect(logLines(world).find((l) => l.step === 'adopt')).toMatchObject({
        note: expect.stringMatching(/outcome.*unknown/),
      });
    },
  );
});
