import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { create, resourceIdOf, send, TYPE } from './user-provision-requests';
import { apiCalls, startWorld, userProvisionProps, type World } from './harness';

let world: World;
afterEach(async () => {
  await world.close();
});

const propsFor = userProvisionProps;

// Ownership of a provisioning: adopted, taken over, legacy IDs, IDs another stack wrote (README).
describe('Custom::CloudSSOUserProvision ownership', () => {
  beforeEach(async () => {
    world = await startWorld();
  });

  it('uses a provisioning that already exists as found, records it as adopted and leaves it on Delete', async () => {
    await create(world, propsFor(world, { DeletionStrategy: 'Keep', Description: 'by hand' }));
    const before = world.emulator.snapshot().provisionings;
    const props = propsFor(world, { DeletionStrategy: 'Delete' });
    const { body } = await create(world, props);
    expect(body.Status).toBe('SUCCESS');
    expect(String(body.PhysicalResourceId)).toMatch(/^adopted:[0-9a-f]{12}:up-/);
    // The Data tells the truth about the provisioning the stack uses, not the template's wishes.
    expect(body.Data).toMatchObject({ Ownership: 'Adopted', DeletionStrategy: 'Keep' });
    expect(apiCalls(world.emulator, 'CreateUserProvisioning')).toHaveLength(1);
    expect(apiCalls(world.emulator, 'UpdateUserProvisioning')).toHaveLength(0);
    const released = await send(world, {
      RequestType: 'Delete',
      PhysicalResourceId: body.PhysicalResourceId,
      ResourceProperties: props,
    });
    expect(released).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: body.PhysicalResourceId });
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning')).toHaveLength(0);
    expect(world.emulator.snapshot().provisionings).toEqual(before);
  });

  it('with TakeOwnershipOfExisting takes an existing provisioning over: aligns it and deletes it with the stack', async () => {
    await create(world, propsFor(world, { DeletionStrategy: 'Keep', Description: 'by hand' }));
    const props = propsFor(world, { DeletionStrategy: 'Delete', TakeOwnershipOfExisting: 'true' });
    const { body } = await create(world, props);
    expect(String(body.PhysicalResourceId)).toMatch(/^taken-over:[0-9a-f]{12}:up-/);
    expect(body.Data).toMatchObject({ Ownership: 'TakenOver', DeletionStrategy: 'Delete' });
    expect(apiCalls(world.emulator, 'UpdateUserProvisioning')[0]?.params).toMatchObject({
      NewDeletionStrategy: 'Delete',
      NewDescription: '',
    });
    await send(world, {
      RequestType: 'Delete',
      PhysicalResourceId: body.PhysicalResourceId,
      ResourceProperties: props,
    });
    expect(world.emulator.snapshot().provisionings).toHaveLength(0);
  });

  it('refuses to change an adopted provisioning in an Update, with no write', async () => {
    const old = propsFor(world);
    await create(world, old);
    const { body: adopted } = await create(world, old);
    const calls = apiCalls(world.emulator).length;
    const body = await send(world, {
      RequestType: 'Update',
      PhysicalResourceId: adopted.PhysicalResourceId,
      ResourceProperties: { ...old, DuplicationStrategy: 'TakeOver' },
      OldResourceProperties: old,
    });
    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(
      /was not created by this stack \(it is adopted\).*DuplicationStrategy.*TakeOwnershipOfExisting: true/,
    );
    expect(
      apiCalls(world.emulator)
        .slice(calls)
        .map((r) => r.action),
    ).toEqual(['GetUserProvisioning']);
  });

  it('hands an adopted provisioning to the stack when an Update sets TakeOwnershipOfExisting', async () => {
    await create(world, propsFor(world, { DeletionStrategy: 'Keep', Description: 'by hand' }));
    const old = propsFor(world);
    const { body: adopted } = await create(world, old);
    const props = { ...old, TakeOwnershipOfExisting: true };
    const body = await send(world, {
      RequestType: 'Update',
      PhysicalResourceId: adopted.PhysicalResourceId,
      ResourceProperties: props,
      OldResourceProperties: old,
    });
    expect(body).toMatchObject({
      Status: 'SUCCESS',
      Data: { Ownership: 'TakenOver', DeletionStrategy: 'Delete' },
    });
    expect(apiCalls(world.emulator, 'UpdateUserProvisioning')[0]?.params).toMatchObject({
      NewDeletionStrategy: 'Delete',
      NewDescription: '',
    });
    await send(world, {
      RequestType: 'Delete',
      PhysicalResourceId: adopted.PhysicalResourceId,
      ResourceProperties: props,
    });
    expect(world.emulator.snapshot().provisionings).toHaveLength(0);
  });

  it('treats a physical ID of the previous version (a bare up-…) as adopted unless the template takes ownership', async () => {
    const props = propsFor(world);
    const { body: created } = await create(world, props);
    const legacy = resourceIdOf(created.PhysicalResourceId);
    const released = await send(world, {
      RequestType: 'Delete',
      PhysicalResourceId: legacy,
      ResourceProperties: props,
    });
    expect(released).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: legacy });
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning')).toHaveLength(0);
    expect(world.emulator.snapshot().provisionings).toHaveLength(1);
    const owned = { ...props, TakeOwnershipOfExisting: true };
    await send(world, { RequestType: 'Delete', PhysicalResourceId: legacy, ResourceProperties: owned });
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning')[0]?.params.UserProvisioningId).toBe(legacy);
    expect(world.emulator.snapshot().provisionings).toHaveLength(0);
  });

  it('leaves a provisioning whose ID another stack wrote, even one that stack created', async () => {
    const props = propsFor(world);
    const { body: created } = await create(world, props);
    await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: TYPE,
        StackId: 'another-stack',
        PhysicalResourceId: created.PhysicalResourceId,
        ResourceProperties: props,
      }),
    );
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning')).toHaveLength(0);
    expect(world.emulator.snapshot().provisionings).toHaveLength(1);
    // TakeOwnershipOfExisting hands over what this stack found, never a record another stack wrote.
    const owned = { ...props, TakeOwnershipOfExisting: true };
    const released = await send(world, {
      RequestType: 'Delete',
      StackId: 'another-stack',
      PhysicalResourceId: created.PhysicalResourceId,
      ResourceProperties: owned,
    });
    expect(released.Status).toBe('SUCCESS');
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning')).toHaveLength(0);
    expect(world.emulator.snapshot().provisionings).toHaveLength(1);
  });
});
