import { afterEach, describe, expect, it } from 'vitest';
import { SIGNED_QUERY } from './callback-server';
import { apiCalls, idsOf, ramUsersOf, startWorld, userProvisionProps, type World } from './harness';

// Issue 11 on the shipped bundle (dist/handlers/index.js) over loopback HTTP against the emulator:
// the provider never destroys what it did not create and never reports what it did not do.

let world: World;
afterEach(async () => {
  await world.close();
});

const UP = 'Custom::CloudSSOUserProvision';
const CLIENT = 'Custom::RAMOIDCClientId';
/** A key the emulator does not know: every call answers HTTP 404 InvalidAccessKeyId.NotFound. */
const UNKNOWN_KEY = { accessKeyId: 'LTAIexpiredOrDeletedKey', accessKeySecret: 'not-a-known-secret' };

const provisionProps = userProvisionProps;

const lastAnswer = (w: World) => w.callbacks.accepted().at(-1)?.body ?? {};

function clientIds(w: World): string[] {
  const account = w.emulator.snapshot().accounts.find((a) => a.accountId === w.emulator.accountId);
  return account?.oidcProviders.find((p) => p.name === 'github')?.clientIds ?? [];
}

async function request(w: World, fields: Record<string, unknown>, context = {}) {
  const result = await w.run(w.event(fields), context);
  return { result, body: lastAnswer(w) };
}

describe('a Delete whose call fails with HTTP 404 for a bad access key', () => {
  it('answers FAILED with the code and leaves the provisioning and its RAM user', async () => {
    world = await startWorld({ built: true });
    const props = provisionProps(world);
    const { body: created } = await request(world, {
      RequestType: 'Create',
      ResourceType: UP,
      ResourceProperties: props,
    });
    expect(created.Status).toBe('SUCCESS');
    const { body } = await request(
      world,
      {
        RequestType: 'Delete',
        ResourceType: UP,
        PhysicalResourceId: created.PhysicalResourceId,
        ResourceProperties: props,
      },
      { credentials: UNKNOWN_KEY },
    );
    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: created.PhysicalResourceId });
    expect(body.Reason).toMatch(/InvalidAccessKeyId\.NotFound \(HTTP 404\)/);
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning').map((r) => [r.status, r.code])).toEqual([
      [404, 'InvalidAccessKeyId.NotFound'],
    ]);
    expect(world.emulator.snapshot().provisionings).toHaveLength(1);
    expect(ramUsersOf(world.emulator, idsOf(world.emulator).account('dev'))).toContain('alice');
  });

  it('answers FAILED with the code and leaves the client ID', async () => {
    world = await startWorld({ built: true });
    const props = { OIDCProviderName: 'github', ClientId: 'ci-audience' };
    const { body: created } = await request(world, {
      RequestType: 'Create',
      ResourceType: CLIENT,
      ResourceProperties: props,
    });
    const { body } = await request(
      world,
      {
        RequestType: 'Delete',
        ResourceType: CLIENT,
        PhysicalResourceId: created.PhysicalResourceId,
        ResourceProperties: props,
      },
      { credentials: UNKNOWN_KEY },
    );
    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(
      /RemoveClientIdFromOIDCProvider failed: InvalidAccessKeyId\.NotFound \(HTTP 404\)/,
    );
    expect(clientIds(world)).toEqual(['sts.aliyuncs.com', 'ci-audience']);
  });
});

describe('what existed before the stack', () => {
  it('a pre-existing client ID survives the Delete of the stack that used it', async () => {
    world = await startWorld({ built: true });
    const props = { OIDCProviderName: 'github', ClientId: 'sts.aliyuncs.com' };
    const { body: created } = await request(world, {
      RequestType: 'Create',
      ResourceType: CLIENT,
      ResourceProperties: props,
    });
    expect(created).toMatchObject({ Status: 'SUCCESS', Data: { Ownership: 'Adopted' } });
    const { body } = await request(world, {
      RequestType: 'Delete',
      ResourceType: CLIENT,
      PhysicalResourceId: created.PhysicalResourceId,
      ResourceProperties: props,
    });
    expect(body.Status).toBe('SUCCESS');
    expect(clientIds(world)).toEqual(['sts.aliyuncs.com']);
    expect(apiCalls(world.emulator, 'RemoveClientIdFromOIDCProvider')).toHaveLength(0);
  });

  it('two stacks with equal inputs: each Delete leaves the other stack its provisioning', async () => {
    world = await startWorld({ built: true });
    const props = provisionProps(world);
    const stackA = { StackId: 'aaaaaaaa-0000-4000-8000-00000000000a', StackName: 'a' };
    const stackB = { StackId: 'bbbbbbbb-0000-4000-8000-00000000000b', StackName: 'b' };
    const create = (stack: object) =>
      request(world, { ...stack, RequestType: 'Create', ResourceType: UP, ResourceProperties: props });
    const { body: a } = await create(stackA);
    const { body: b } = await create(stackB);
    expect([a.Data, b.Data]).toMatchObject([{ Ownership: 'Created' }, { Ownership: 'Adopted' }]);
    const remove = (stack: object, id: unknown) =>
      request(world, {
        ...stack,
        RequestType: 'Delete',
        ResourceType: UP,
        PhysicalResourceId: id,
        ResourceProperties: props,
      });
    expect((await remove(stackB, b.PhysicalResourceId)).body.Status).toBe('SUCCESS');
    expect(world.emulator.snapshot().provisionings).toHaveLength(1);
    // B's physical ID handed to A's Delete (say, copied by hand) is still B's: A only releases it.
    await remove(stackA, b.PhysicalResourceId);
    expect(world.emulator.snapshot().provisionings).toHaveLength(1);
    expect((await remove(stackA, a.PhysicalResourceId)).body.Status).toBe('SUCCESS');
    expect(world.emulator.snapshot().provisionings).toHaveLength(0);
    expect(apiCalls(world.emulator, 'DeleteUserProvisioning')).toHaveLength(1);
  });
});

describe('answer first, act second', () => {
  it.each([
    ['no ResponseURL and no IntranetResponseURL', { ResponseURL: undefined, IntranetResponseURL: undefined }],
    [
      'plain-http URLs to a public host',
      {
        ResponseURL: `http://ros.example.com/cb?${SIGNED_QUERY}`,
        IntranetResponseURL: `http://ros-intranet.example.com/cb?${SIGNED_QUERY}`,
      },
    ],
    [
      'an ftp URL and no fallback',
      { ResponseURL: `ftp://ros.example.com/cb?${SIGNED_QUERY}`, IntranetResponseURL: undefined },
    ],
  ])('makes no API call with %s, and logs why without the signed query', async (_name, urls) => {
    world = await startWorld({ built: true });
    const { result } = await request(world, {
      RequestType: 'Create',
      ResourceType: UP,
      ResourceProperties: provisionProps(world),
      ...urls,
    });
    expect(result).toMatchObject({ Status: 'FAILED', delivered: false });
    expect(world.emulator.requests).toHaveLength(0);
    expect(world.callbacks.received).toHaveLength(0);
    const line = world.logs.map((l) => JSON.parse(l)).find((l) => l.step === 'respond');
    expect(line).toMatchObject({
      outcome: 'skipped',
      problem: expect.stringMatching(/no usable callback URL.*no API call made/),
    });
    expect(world.logs.join('\n')).not.toContain('Signature=');
  });
});

describe('a Create that outlives the ROS wait', () => {
  it('when ROS has stopped listening (its late SUCCESS is refused), deletes what it created', async () => {
    world = await startWorld({ built: true });
    // What an expired ResponseURL answers is not documented; a refusal on both URLs is what is handled.
    world.callbacks.failNext(100, 403);
    const props = provisionProps(world);
    const { result } = await request(world, {
      RequestType: 'Create',
      ResourceType: UP,
      ResourceProperties: props,
    });
    expect(result).toMatchObject({ Status: 'SUCCESS', delivered: false });
    expect(apiCalls(world.emulator).map((r) => r.action)).toEqual([
      'ListUserProvisionings',
      'CreateUserProvisioning',
      'GetUserProvisioningStatistics',
      'DeleteUserProvisioning',
    ]);
    expect(world.emulator.snapshot().provisionings).toHaveLength(0);
    expect(ramUsersOf(world.emulator, idsOf(world.emulator).account('dev'))).toEqual([]);
    // ROS's rollback Delete may carry no physical ID: acknowledged, with nothing left to find.
    world.callbacks.failNext(0);
    const { body } = await request(world, {
      RequestType: 'Delete',
      ResourceType: UP,
      ResourceProperties: props,
    });
    expect(body.Status).toBe('SUCCESS');
    expect(apiCalls(world.emulator)).toHaveLength(4);
  });

  it('when the event says how long ROS waits: FAILED at the guard, no new call after it, and the undo', async () => {
    // Timeout 4 s from the event: the guard fires at 3 s; each call takes at least 1.2 s, so the
    // statistics call is still running then, after the provisioning was created.
    world = await startWorld({ built: true, faults: 'latency=1200' });
    const props = provisionProps(world);
    const { body } = await request(
      world,
      { RequestType: 'Create', ResourceType: UP, ResourceProperties: props, Timeout: 4 },
      { function: { name: 'ros-sso', handler: 'index.handler', memory: 256, timeout: 900 } },
    );
    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(/^timed out during create: ROS stops waiting for this answer in \d+ ms/);
    expect(world.callbacks.received).toHaveLength(1);
    const actions = apiCalls(world.emulator).map((r) => r.action);
    expect(actions.filter((a) => a === 'CreateUserProvisioning')).toHaveLength(1);
    expect(actions.at(-1)).toBe('DeleteUserProvisioning');
    expect(world.emulator.snapshot().provisionings).toHaveLength(0);
    const log = world.logs.map((l) => JSON.parse(l));
    expect(log.find((l) => l.step === 'parse' && l.outcome === 'ok')).toMatchObject({
      waitS: 4,
      waitFrom: 'event',
    });
    expect(log.some((l) => l.step === 'undo' && l.outcome === 'ok')).toBe(true);
  });
});

describe('a long Reason', () => {
  it('arrives with its head, the whole body within 4096 bytes, when the Reason is 10 KB of multi-byte and escaped text', async () => {
    world = await startWorld({ built: true });
    // 300 unknown keys with multi-byte and JSON-escaped characters: a Reason of about 15 KB.
    const extra = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`Extra-é"\\😀-${i}`, 1]));
    await request(world, {
      RequestType: 'Create',
      ResourceType: UP,
      ResourceProperties: { ...provisionProps(world), ...extra },
    });
    const [callback] = world.callbacks.received;
    const size = Buffer.byteLength(callback?.raw ?? '');
    expect(size).toBeLessThanOrEqual(4096);
    // Filled up to the limit, not shortened the longer the Reason got.
    expect(size).toBeGreaterThan(4000);
    const reason = String(callback?.body.Reason);
    expect(
      reason.startsWith('invalid ResourceProperties: /Extra-é"\\😀-0: unknown property Extra-é"\\😀-0; '),
    ).toBe(true);
    expect(reason).toMatch(/…\[truncated\] \(FC request ID fc-[\w-]+\)$/);
    expect(apiCalls(world.emulator)).toHaveLength(0);
  });
});
