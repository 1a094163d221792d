import { afterEach, describe, expect, it } from 'vitest';
import { apiCalls, idsOf, startWorld, userProvisionProps, type World } from './harness';

// What the handlers get when ROS rolls an Update back, on the shipped bundle over loopback against
// the emulator. Whether ROS sends the refused resource itself an Update with the properties swapped
// (as CloudFormation does) is unconfirmed (ros-protocol.md §1.8): if it does, that Update must
// succeed, or the stack is stuck in UPDATE_ROLLBACK_FAILED.

let world: World;
afterEach(async () => {
  await world.close();
});

const UP = 'Custom::CloudSSOUserProvision';
const CLIENT = 'Custom::RAMOIDCClientId';
const writes = ['CreateUserProvisioning', 'UpdateUserProvisioning', 'DeleteUserProvisioning'];

async function send(w: World, type: string, fields: Record<string, unknown>) {
  await w.run(w.event({ ResourceType: type, ...fields }));
  return w.callbacks.accepted().at(-1)?.body ?? {};
}

/** The forward Update, then the rollback Update with the properties swapped. */
async function updateAndRollBack(
  w: World,
  type: string,
  id: unknown,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  const forward = await send(w, type, {
    RequestType: 'Update',
    PhysicalResourceId: id,
    ResourceProperties: after,
    OldResourceProperties: before,
  });
  const rollback = await send(w, type, {
    RequestType: 'Update',
    PhysicalResourceId: id,
    ResourceProperties: before,
    OldResourceProperties: after,
  });
  return { forward, rollback };
}

describe('the rollback of an Update the handler refused', () => {
  it('client ID: a not-updatable change is refused, and its rollback succeeds without a change', async () => {
    world = await startWorld({ built: true });
    const before = { OIDCProviderName: 'github', ClientId: 'ci-a' };
    const created = await send(world, CLIENT, { RequestType: 'Create', ResourceProperties: before });
    const { forward, rollback } = await updateAndRollBack(world, CLIENT, created.PhysicalResourceId, before, {
      ...before,
      ClientId: 'ci-b',
    });
    expect(forward).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(/^ClientId .*replaced/),
    });
    expect(rollback).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.PhysicalResourceId });
    expect(rollback.Data).toEqual(created.Data);
    expect(apiCalls(world.emulator, 'AddClientIdToOIDCProvider')).toHaveLength(1);
    expect(apiCalls(world.emulator, 'RemoveClientIdFromOIDCProvider')).toHaveLength(0);
  });

  it('provisioning: a TargetId change is refused, and its rollback succeeds with nothing written', async () => {
    world = await startWorld({ built: true });
    const before = userProvisionProps(world);
    const created = await send(world, UP, { RequestType: 'Create', ResourceProperties: before });
    const after = { ...before, TargetId: idsOf(world.emulator).account('prod'), Description: 'moved' };
    const { forward, rollback } = await updateAndRollBack(
      world,
      UP,
      created.PhysicalResourceId,
      before,
      after,
    );
    expect(forward).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(/^TargetId .*replaced/),
    });
    expect(rollback).toMatchObject({ Status: 'SUCCESS', Data: created.Data });
    expect(apiCalls(world.emulator).filter((r) => writes.includes(r.action))).toHaveLength(1);
    expect(world.emulator.snapshot().provisionings).toHaveLength(1);
  });

  it('an adopted provisioning: a settings change is refused, and its rollback succeeds with nothing written', async () => {
    world = await startWorld({ built: true });
    const before = userProvisionProps(world);
    await send(world, UP, { RequestType: 'Create', StackId: 'other-stack', ResourceProperties: before });
    const adopted = await send(world, UP, { RequestType: 'Create', ResourceProperties: before });
    expect(adopted.Data).toMatchObject({ Ownership: 'Adopted' });
    const { forward, rollback } = await updateAndRollBack(world, UP, adopted.PhysicalResourceId, before, {
      ...before,
      DuplicationStrategy: 'TakeOver',
    });
    expect(forward).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(/not created by this stack/),
    });
    expect(rollback).toMatchObject({ Status: 'SUCCESS', Data: adopted.Data });
    expect(apiCalls(world.emulator).filter((r) => writes.includes(r.action))).toHaveLength(1);
  });
});

describe('the rollback of an Update that took an adopted provisioning over', () => {
  it('puts back the settings that Update changed', async () => {
    world = await startWorld({ built: true });
    const before = userProvisionProps(world, { Description: 'by hand' });
    await send(world, UP, { RequestType: 'Create', StackId: 'other-stack', ResourceProperties: before });
    const adopted = await send(world, UP, { RequestType: 'Create', ResourceProperties: before });
    const after = { ...before, TakeOwnershipOfExisting: true, Description: 'ours now' };
    const { forward, rollback } = await updateAndRollBack(
      world,
      UP,
      adopted.PhysicalResourceId,
      before,
      after,
    );
    expect(forward).toMatchObject({ Status: 'SUCCESS', Data: { Ownership: 'TakenOver' } });
    expect(rollback).toMatchObject({ Status: 'SUCCESS', Data: { Ownership: 'Adopted' } });
    expect(world.emulator.snapshot().provisionings.map((p) => p.description)).toEqual(['by hand']);
  });
});

describe('an Update of a resource removed outside the stack', () => {
  it('client ID: answers FAILED saying it is gone, not SUCCESS', async () => {
    world = await startWorld({ built: true });
    const props = { OIDCProviderName: 'github', ClientId: 'ci-a' };
    const created = await send(world, CLIENT, { RequestType: 'Create', ResourceProperties: props });
    const github = world.emulator.state.accounts
      .flatMap((a) => a.oidcProviders)
      .find((p) => p.name === 'github');
    if (github) github.clientIds = github.clientIds.filter((c) => c !== 'ci-a');
    const updated = await send(world, CLIENT, {
      RequestType: 'Update',
      PhysicalResourceId: created.PhysicalResourceId,
      ResourceProperties: props,
      OldResourceProperties: props,
    });
    expect(updated).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringMatching(/client ID 'ci-a' is no longer on OIDC provider 'github'/),
    });
  });
});
