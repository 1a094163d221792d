import { afterEach, describe, expect, it } from 'vitest';
import { apiCalls, startWorld, userProvisionProps, type World } from './harness';

// What a Create does when its SUCCESS may or may not have reached ROS, on the shipped bundle over
// loopback against the emulator.

let world: World;
afterEach(async () => {
  await world.close();
});

const UP = 'Custom::CloudSSOUserProvision';
const logLines = (w: World) => w.logs.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('a SUCCESS whose delivery has an unknown outcome', () => {
  it('ROS received it but answered too slowly: what it was told exists is not deleted', async () => {
    world = await startWorld({ built: true });
    // Every callback is received at once and answered after 6 s, past each try's timeout.
    world.callbacks.delayNext(100, 6000);
    const result = await world.run(
      world.event({
        RequestType: 'Create',
        ResourceType: UP,
        ResourceProperties: userProvisionProps(world),
        Timeout: 4,
      }),
    );
    expect(result).toMatchObject({ Status: 'SUCCESS', delivered: false });
    // ROS has the SUCCESS: the stack now holds this provisioning, so it must still be there.
    expect(world.callbacks.received[0]?.body).toMatchObject({ Status: 'SUCCESS' });
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning')).toHaveLength(0);
    expect(world.emulator.snapshot().provisionings).toHaveLength(1);
    const skipped = logLines(world).find((l) => l.step === 'undo');
    expect(skipped).toMatchObject({
      outcome: 'skipped',
      physicalResourceId: result.PhysicalResourceId,
      note: expect.stringMatching(/may have reached ROS.*orphaned/),
    });
  }, 20_000);
});

describe('a Create whose undo fails too', () => {
  it('says so in the log, naming what is left, and the rollback Delete with the answered ID removes it', async () => {
    // The service goes away right after the provisioning was made: the Create fails, and so does its undo.
    world = await startWorld({ built: true, faults: 'fail-after=CreateUserProvisioning' });
    const props = userProvisionProps(world);
    await world.run(world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: props }));
    const failed = world.callbacks.accepted()[0]?.body ?? {};
    expect(failed.Status).toBe('FAILED');
    expect(failed.PhysicalResourceId).toMatch(/^created:[0-9a-f]{12}:up-/);
    expect(world.emulator.snapshot().provisionings).toHaveLength(1);
    expect(logLines(world).find((l) => l.step === 'undo' && l.outcome === 'failed')).toMatchObject({
      physicalResourceId: failed.PhysicalResourceId,
      error: expect.stringMatching(/DeleteUserProvisioning failed: ServiceUnavailable/),
      note: expect.stringMatching(/still exists.*Delete with this PhysicalResourceId/),
    });
    world.emulator.setFaults(undefined);
    await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: UP,
        PhysicalResourceId: failed.PhysicalResourceId,
        ResourceProperties: props,
      }),
    );
    expect(world.callbacks.accepted().at(-1)?.body.Status).toBe('SUCCESS');
    expect(world.emulator.snapshot().provisionings).toHaveLength(0);
  });
});
