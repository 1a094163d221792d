import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import customUserProvision from '../../schemas/resources/Custom.CloudSSOUserProvision.json';
import { create, resourceIdOf, send, TYPE } from './user-provision-requests';
import { apiCalls, idsOf, ramUsersOf, startWorld, userProvisionProps, type World } from './harness';

let world: World;
afterEach(async () => {
  await world.close();
});

const propsFor = userProvisionProps;

describe('Custom::CloudSSOUserProvision', () => {
  beforeEach(async () => {
    world = await startWorld();
  });

  it('creates a provisioning, answers its ID and Data with FailedEventCount, and syncs the RAM user', async () => {
    const { body } = await create(world, propsFor(world));
    expect(body.Status).toBe('SUCCESS');
    const id = body.PhysicalResourceId as string;
    expect(id).toMatch(/^created:[0-9a-f]{12}:up-[A-Za-z0-9]+$/);
    const data = body.Data as Record<string, unknown>;
    expect(data).toMatchObject({
      UserProvisionId: resourceIdOf(id),
      FailedEventCount: 0,
      Status: 'Enabled',
      DeletionStrategy: 'Delete',
      Ownership: 'Created',
    });
    expect(Object.keys(data).every((k) => customUserProvision.attributes.includes(k))).toBe(true);
    expect(apiCalls(world.emulator).map((r) => r.action)).toEqual([
      'ListUserProvisionings',
      'CreateUserProvisioning',
      'GetUserProvisioningStatistics',
    ]);
    expect(apiCalls(world.emulator).every((r) => r.signatureValid)).toBe(true);
    expect(ramUsersOf(world.emulator, idsOf(world.emulator).account('dev'))).toContain('alice');
    const callback = world.callbacks.accepted()[0];
    expect(callback?.headers['content-type']).toBe('application/json');
    expect(callback?.headers.date).toMatch(/GMT$/);
    expect(callback?.method).toBe('POST');
    expect(body).toMatchObject({
      StackId: expect.any(String),
      RequestId: expect.any(String),
      LogicalResourceId: 'Provision',
    });
  });

  it('updates only the editable settings with New* parameters and keeps the physical ID', async () => {
    const old = propsFor(world);
    const { body: created } = await create(world, old);
    const id = created.PhysicalResourceId as string;
    const props = {
      ...old,
      DeletionStrategy: 'Keep',
      Description: 'now described',
      DuplicationStrategy: 'TakeOver',
    };
    await world.run(
      world.event({
        RequestType: 'Update',
        ResourceType: TYPE,
        PhysicalResourceId: id,
        ResourceProperties: props,
        OldResourceProperties: old,
      }),
    );
    const body = world.callbacks.accepted().at(-1)?.body ?? {};
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
    expect(body.Data).toMatchObject({ DeletionStrategy: 'Keep', DuplicationStrategy: 'TakeOver' });
    const update = apiCalls(world.emulator, 'UpdateUserProvisioning')[0];
    expect(update?.params).toMatchObject({
      UserProvisioningId: resourceIdOf(id),
      NewDeletionStrategy: 'Keep',
      NewDescription: 'now described',
      NewDuplicationStrategy: 'TakeOver',
    });
    const stored = world.emulator
      .snapshot()
      .provisionings.find((p) => p.userProvisioningId === resourceIdOf(id));
    expect(stored).toMatchObject({
      deletionStrategy: 'Keep',
      description: 'now described',
      duplicationStrategy: 'TakeOver',
    });
  });

  it('answers an unchanged Update with the same Data as the Create, Status and FailedEventCount included', async () => {
    const props = propsFor(world);
    const { body: created } = await create(world, props);
    const body = await send(world, {
      RequestType: 'Update',
      PhysicalResourceId: created.PhysicalResourceId,
      ResourceProperties: props,
      OldResourceProperties: { ...props },
    });
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.PhysicalResourceId });
    expect(body.Data).toEqual(created.Data);
    expect(Object.keys(body.Data as object)).toEqual(expect.arrayContaining(['Status', 'FailedEventCount']));
    expect(apiCalls(world.emulator, 'UpdateUserProvisioning')).toHaveLength(0);
  });

  it('refuses a change of a not-updatable property, naming it and asking for replacement, with no write', async () => {
    const old = propsFor(world);
    const props = { ...old, TargetId: idsOf(world.emulator).account('prod') };
    await world.run(
      world.event({
        RequestType: 'Update',
        ResourceType: TYPE,
        PhysicalResourceId: 'up-abc123',
        ResourceProperties: props,
        OldResourceProperties: old,
      }),
    );
    const body = world.callbacks.accepted()[0]?.body ?? {};
    expect(body.Status).toBe('FAILED');
    expect(body.PhysicalResourceId).toBe('up-abc123');
    expect(body.Reason).toMatch(/TargetId .*cannot be changed in an update; the resource must be replaced/);
    // Only read: the resource itself decides what changed (a rollback sends the refused values as old).
    expect(apiCalls(world.emulator).map((r) => r.action)).toEqual(['GetUserProvisioning']);
  });

  for (const strategy of ['Keep', 'Delete'] as const) {
    it(`deletes with DeletionStrategy=${strategy} sent explicitly, and the RAM users follow it`, async () => {
      const props = propsFor(world, { DeletionStrategy: strategy });
      const { body: created } = await create(world, props);
      const dev = idsOf(world.emulator).account('dev');
      expect(ramUsersOf(world.emulator, dev)).toContain('alice');
      await world.run(
        world.event({
          RequestType: 'Delete',
          ResourceType: TYPE,
          PhysicalResourceId: created.PhysicalResourceId,
          ResourceProperties: props,
        }),
      );
      expect(world.callbacks.accepted().at(-1)?.body).toMatchObject({ Status: 'SUCCESS' });
      const call = apiCalls(world.emulator, 'DeleteUserProvisioning')[0];
      expect(call?.params).toMatchObject({
        UserProvisioningId: resourceIdOf(created.PhysicalResourceId),
        DeletionStrategy: strategy,
      });
      expect(world.emulator.snapshot().provisionings).toHaveLength(0);
      if (strategy === 'Keep') expect(ramUsersOf(world.emulator, dev)).toContain('alice');
      else expect(ramUsersOf(world.emulator, dev)).not.toContain('alice');
    });
  }

  it('sends the current DeletionStrategy even when it differs from the one stored at creation', async () => {
    const { body: created } = await create(world, propsFor(world, { DeletionStrategy: 'Delete' }));
    const props = propsFor(world, { DeletionStrategy: 'Keep' });
    await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: TYPE,
        PhysicalResourceId: created.PhysicalResourceId,
        ResourceProperties: props,
      }),
    );
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning')[0]?.params.DeletionStrategy).toBe('Keep');
    expect(ramUsersOf(world.emulator, idsOf(world.emulator).account('dev'))).toContain('alice');
  });

  it('treats a provisioning that is already gone (EntityNotExists.UserProvisioning) as deleted', async () => {
    const props = propsFor(world);
    const { body: created } = await create(world, props);
    const remove = {
      RequestType: 'Delete',
      PhysicalResourceId: created.PhysicalResourceId,
      ResourceProperties: props,
    };
    await send(world, remove);
    // ROS retries the Delete (its first answer was lost, say): the provisioning is gone by its own code.
    const body = await send(world, remove);
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.PhysicalResourceId });
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning').map((r) => r.code)).toEqual([
      undefined,
      'EntityNotExists.UserProvisioning',
    ]);
  });

  it('acknowledges a Delete of an ID that is not a provisioning ID without any call', async () => {
    await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: TYPE,
        PhysicalResourceId: 'something-else',
        ResourceProperties: {},
      }),
    );
    expect(world.callbacks.accepted()[0]?.body).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: 'something-else',
    });
    expect(apiCalls(world.emulator)).toHaveLength(0);
  });

  it('provisions a group principal', async () => {
    const ids = idsOf(world.emulator);
    const { body } = await create(
      world,
      propsFor(world, { PrincipalType: 'Group', PrincipalId: ids.group('engineers') }),
    );
    expect(body.Status).toBe('SUCCESS');
    expect(ramUsersOf(world.emulator, ids.account('dev'))).toEqual(expect.arrayContaining(['alice', 'bob']));
  });

  it('answers FAILED naming each bad field, in the linter words, before any call', async () => {
    const props = propsFor(world, { PrincipalType: 'Robot', DeletionStrategy: undefined, Extra: 1 });
    await world.run(world.event({ RequestType: 'Create', ResourceType: TYPE, ResourceProperties: props }));
    const body = world.callbacks.accepted()[0]?.body ?? {};
    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toContain("/PrincipalType: 'Robot' is not allowed; expected one of 'User', 'Group'");
    expect(body.Reason).toContain('missing required property DeletionStrategy');
    expect(body.Reason).toContain('/Extra: unknown property Extra');
    expect(body.PhysicalResourceId).toMatch(/^ros-sso:create-failed:/);
    expect(apiCalls(world.emulator)).toHaveLength(0);
  });

  it('coerces a number that arrives for a string property', async () => {
    const { body } = await create(world, propsFor(world, { Description: 42 }));
    expect(body.Status).toBe('SUCCESS');
    expect(apiCalls(world.emulator, 'CreateUserProvisioning')[0]?.params.Description).toBe('42');
  });

  it('refuses a user ID given for a Group principal', async () => {
    await create(world, propsFor(world, { PrincipalType: 'Group' }));
    expect(world.callbacks.accepted()[0]?.body.Reason).toMatch(/\/PrincipalId: '.*' must be a group ID/);
  });
});

describe('Custom::CloudSSOUserProvision with throttling', () => {
  it('retries throttled calls with backoff and then succeeds', async () => {
    world = await startWorld({ faults: 'throttle=0.5,seed=3' });
    const { body } = await create(world, propsFor(world));
    expect(body.Status).toBe('SUCCESS');
    const codes = apiCalls(world.emulator).map((r) => r.code ?? r.action);
    expect(codes).toContain('Throttling.User');
    expect(apiCalls(world.emulator, 'CreateUserProvisioning').filter((r) => r.status === 200)).toHaveLength(
      1,
    );
    expect(world.logs.some((l) => JSON.parse(l).outcome === 'retry')).toBe(true);
  });

  it('does not retry a 4xx that is not throttling', async () => {
    world = await startWorld();
    const props = propsFor(world, { PrincipalId: 'u-doesnotexist' });
    await create(world, props);
    expect(world.callbacks.accepted()[0]?.body.Reason).toMatch(/EntityNotExists\.User/);
    expect(apiCalls(world.emulator, 'CreateUserProvisioning')).toHaveLength(1);
  });
});
