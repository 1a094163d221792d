import { afterEach, describe, expect, it } from 'vitest';
import { createHandler, handler } from '../../handlers/index';
import type { ResourceHandler } from '../../handlers/resources/resource-handler';
import { SIGNED_QUERY } from './callback-server';
import { apiCalls, idsOf, STS, startWorld, userProvisionProps, type World } from './harness';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const UP = 'Custom::CloudSSOUserProvision';
const UP_SCHEMA = 'https://ros-sso.dev/schemas/resources/Custom.CloudSSOUserProvision.json';

function validProps(w: World) {
  return userProvisionProps(w, { PrincipalId: idsOf(w.emulator).user('carol') });
}

/** A resource type whose create is given by the test (to reach branches no real API produces). */
function fakeType(create: ResourceHandler['create'], deleted: string[] = []): ResourceHandler {
  return {
    resourceType: UP,
    schemaId: UP_SCHEMA,
    isResourceId: (id) => id.startsWith('up-'),
    create,
    update: async () => ({}),
    differences: async () => undefined,
    delete: async (_props, id) => {
      deleted.push(id);
    },
  };
}

const bodies = (w: World) => w.callbacks.received.map((r) => r.body);

describe('answering ROS', () => {
  it('retries the callback after 5xx answers and stops at the first success', async () => {
    world = await startWorld();
    world.callbacks.failNext(2, 503);
    const result = await world.run(
      world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: validProps(world) }),
    );
    expect(world.callbacks.received.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(world.callbacks.received.every((r) => r.path === '/callback')).toBe(true);
    expect(result).toMatchObject({ Status: 'SUCCESS', delivered: true });
    expect(apiCalls(world.emulator, 'CreateUserProvisioning')).toHaveLength(1);
  });

  it('falls back to IntranetResponseURL when ResponseURL keeps failing', async () => {
    world = await startWorld();
    world.callbacks.failNext(3, 502);
    const result = await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: UP,
        PhysicalResourceId: 'not-ours',
        ResourceProperties: {},
      }),
      {},
      { callbackRetry: { baseMs: 1, capMs: 5, maxAttempts: 3 } },
    );
    expect(world.callbacks.received.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/callback 502',
      '/callback 502',
      '/callback 502',
      '/intranet 200',
    ]);
    expect(result.delivered).toBe(true);
  });

  it('does not retry a 4xx from the callback URL on the same URL', async () => {
    world = await startWorld();
    world.callbacks.failNext(1, 403);
    await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: UP,
        PhysicalResourceId: 'x',
        ResourceProperties: {},
      }),
    );
    expect(world.callbacks.received.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/callback 403',
      '/intranet 200',
    ]);
  });

  it('answers FAILED exactly once when the step throws unexpectedly, naming the FC request ID', async () => {
    world = await startWorld();
    const boom = fakeType(async () => {
      throw new TypeError('boom');
    });
    const result = await world.run(
      world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: validProps(world) }),
      { requestId: 'fc-req-42' },
      { resources: [boom] },
    );
    expect(world.callbacks.received).toHaveLength(1);
    expect(bodies(world)[0]).toMatchObject({
      Status: 'FAILED',
      Reason: 'internal error: boom (FC request ID fc-req-42)',
    });
    expect(result).toMatchObject({ Status: 'FAILED', delivered: true });
    expect(world.logs.some((l) => l.includes('TypeError: boom'))).toBe(true);
  });

  it('refuses oversize Data with a clear FAILED instead of dropping it, keeping the real ID for rollback', async () => {
    world = await startWorld();
    const big = fakeType(async () => ({
      resourceId: 'up-big',
      existed: true,
      data: { Status: 'x'.repeat(5000) },
    }));
    await world.run(
      world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: validProps(world) }),
      {},
      { resources: [big] },
    );
    const [callback] = world.callbacks.received;
    expect(Buffer.byteLength(callback?.raw ?? '')).toBeLessThanOrEqual(4096);
    expect(callback?.body).toMatchObject({ Status: 'FAILED' });
    expect(callback?.body.PhysicalResourceId).toMatch(/^adopted:[0-9a-f]{12}:up-big$/);
    expect(callback?.body.Reason).toMatch(/Data is 50\d\d bytes .*over ROS's 4096-byte limit/);
    expect(callback?.body.Data).toBeUndefined();
  });

  it('undoes what a Create made when its answer is FAILED, and never what existed before', async () => {
    world = await startWorld();
    const deleted: string[] = [];
    const made = fakeType(async (_props, deps) => {
      deps.created('up-made');
      return { resourceId: 'up-made', existed: false, data: { Status: 'x'.repeat(5000) } };
    }, deleted);
    const found = fakeType(
      async () => ({ resourceId: 'up-found', existed: true, data: { Status: 'x'.repeat(5000) } }),
      deleted,
    );
    for (const type of [made, found]) {
      await world.run(
        world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: validProps(world) }),
        {},
        { resources: [type] },
      );
    }
    expect(bodies(world).map((b) => b.Status)).toEqual(['FAILED', 'FAILED']);
    expect(bodies(world)[0]?.PhysicalResourceId).toMatch(/^created:[0-9a-f]{12}:up-made$/);
    expect(deleted).toEqual(['up-made']);
    expect(world.logs.some((l) => JSON.parse(l).step === 'undo' && JSON.parse(l).outcome === 'ok')).toBe(
      true,
    );
  });

  it('answers FAILED "timed out" before the function timeout when the cloud is slow', async () => {
    world = await startWorld({ faults: 'latency=3000' });
    const result = await world.run(
      world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: validProps(world) }),
      { function: { timeout: 1 } },
    );
    expect(world.callbacks.received).toHaveLength(1);
    expect(bodies(world)[0]).toMatchObject({ Status: 'FAILED' });
    expect(bodies(world)[0]?.Reason).toMatch(/^timed out during create/);
    expect(result.Status).toBe('FAILED');
    // The handler returned only once the step in flight ended (its call is cut before the function would
    // be stopped): still exactly one answer, and no call started after the guard.
    expect(world.callbacks.received).toHaveLength(1);
    expect(world.logs.some((l) => JSON.parse(l).outcome === 'ignored')).toBe(true);
    expect(apiCalls(world.emulator, 'CreateUserProvisioning')).toHaveLength(0);
  });

  it('acknowledges the rollback Delete of a failed Create without any API call', async () => {
    world = await startWorld();
    const props = { ...validProps(world), PrincipalType: 'Nobody' };
    await world.run(world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: props }));
    const failed = bodies(world)[0] ?? {};
    expect(failed.Status).toBe('FAILED');
    const marker = failed.PhysicalResourceId as string;
    expect(marker).toMatch(/^ros-sso:create-failed:/);
    await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: UP,
        PhysicalResourceId: marker,
        ResourceProperties: props,
      }),
    );
    expect(bodies(world)[1]).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: marker });
    expect(apiCalls(world.emulator)).toHaveLength(0);
  });

  it('refuses a request from an account outside ROS_SSO_ALLOWED_ACCOUNTS before any call', async () => {
    world = await startWorld({ env: { ROS_SSO_ALLOWED_ACCOUNTS: '1999999999999999, 1888888888888888' } });
    await world.run(
      world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: validProps(world) }),
    );
    expect(bodies(world)[0]).toMatchObject({ Status: 'FAILED' });
    expect(bodies(world)[0]?.Reason).toMatch(/account 1000000000000000 is not allowed/);
    expect(apiCalls(world.emulator)).toHaveLength(0);
  });

  it('serves an allowed account', async () => {
    world = await startWorld({ env: { ROS_SSO_ALLOWED_ACCOUNTS: '1000000000000000' } });
    await world.run(
      world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: validProps(world) }),
    );
    expect(bodies(world)[0]).toMatchObject({ Status: 'SUCCESS' });
  });

  it('logs one JSON line per step and never a secret, token or signed query string', async () => {
    world = await startWorld();
    world.callbacks.failNext(1, 500);
    const props = validProps(world);
    await world.run(world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: props }));
    const id = bodies(world).at(-1)?.PhysicalResourceId;
    await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: UP,
        PhysicalResourceId: id,
        ResourceProperties: props,
      }),
    );
    await world.run(
      world.event({ RequestType: 'Create', ResourceType: 'Custom::Nope', ResourceProperties: {} }),
    );
    const text = world.logs.join('\n');
    expect(world.logs.length).toBeGreaterThan(10);
    for (const secret of [
      STS.accessKeySecret,
      STS.securityToken,
      SIGNED_QUERY,
      's3cr3tSIGNATUREvalue',
      'presigned-key',
    ]) {
      expect(text).not.toContain(secret);
    }
    for (const line of world.logs) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry).toMatchObject({
        fcRequestId: expect.any(String),
        step: expect.any(String),
        outcome: expect.any(String),
      });
    }
    const apiLine = world.logs
      .map((l) => JSON.parse(l))
      .find((e) => e.action === 'CloudSSO.CreateUserProvisioning');
    expect(apiLine).toMatchObject({
      stackId: expect.any(String),
      logicalResourceId: 'Provision',
      requestId: expect.any(String),
      outcome: 'ok',
    });
    expect(text).toContain('?***');
  });
});

describe('routing and malformed events', () => {
  it('answers FAILED for an unknown resource type', async () => {
    world = await startWorld();
    await world.run(
      world.event({ RequestType: 'Create', ResourceType: 'Custom::Nope', ResourceProperties: {} }),
    );
    expect(bodies(world)[0]?.Reason).toMatch(
      /^unknown ResourceType 'Custom::Nope'; this function serves Custom::CloudSSOUserProvision, Custom::RAMOIDCClientId/,
    );
  });

  it('takes the type of ALIYUN::ROS::CustomResource from ROS_SSO_RESOURCE_TYPE', async () => {
    world = await startWorld({ env: { ROS_SSO_RESOURCE_TYPE: 'Custom::RAMOIDCClientId' } });
    await world.run(
      world.event({
        RequestType: 'Create',
        ResourceType: 'ALIYUN::ROS::CustomResource',
        ResourceProperties: { OIDCProviderName: 'github', ClientId: 'c1' },
      }),
    );
    expect(bodies(world)[0]).toMatchObject({ Status: 'SUCCESS' });
    expect(bodies(world)[0]?.PhysicalResourceId).toMatch(/^created:[0-9a-f]{12}:github\/c1$/);
  });

  it('answers FAILED for ALIYUN::ROS::CustomResource when ROS_SSO_RESOURCE_TYPE is unset', async () => {
    world = await startWorld();
    await world.run(
      world.event({
        RequestType: 'Create',
        ResourceType: 'ALIYUN::ROS::CustomResource',
        ResourceProperties: {},
      }),
    );
    expect(bodies(world)[0]?.Reason).toMatch(/set ROS_SSO_RESOURCE_TYPE/);
  });

  it('names every missing field of a malformed request that still has a ResponseURL', async () => {
    world = await startWorld();
    const event = JSON.stringify({
      RequestType: 'Remove',
      ResponseURL: world.callbacks.url(),
      LogicalResourceId: 'X',
      ResourceProperties: [],
    });
    const result = await world.run(Buffer.from(event));
    const body = bodies(world)[0] ?? {};
    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(
      /^malformed request: RequestType 'Remove' is not allowed.*missing RequestId; missing StackId; missing ResourceType; ResourceProperties must be a mapping/,
    );
    expect(result.delivered).toBe(true);
  });

  it('accepts the event as a string or an object too', async () => {
    world = await startWorld();
    const event = world.event({
      RequestType: 'Delete',
      ResourceType: UP,
      PhysicalResourceId: 'x',
      ResourceProperties: {},
    });
    await world.run(event.toString('utf8'));
    await world.run(JSON.parse(event.toString('utf8')));
    expect(bodies(world).map((b) => b.Status)).toEqual(['SUCCESS', 'SUCCESS']);
  });

  it('returns the failure without throwing when the event is not JSON', async () => {
    const lines: string[] = [];
    const result = await createHandler({}, { sink: (l) => lines.push(l) })(Buffer.from('{not json'), {
      requestId: 'r1',
    });
    expect(result).toMatchObject({ Status: 'FAILED', delivered: false });
    expect(result.Reason).toMatch(/^the event is not JSON/);
    expect(lines.some((l) => l.includes('"outcome":"failed"'))).toBe(true);
  });

  it('the exported FC handler never throws, even with no context and no usable ResponseURL', async () => {
    const write = process.stdout.write.bind(process.stdout);
    const captured: string[] = [];
    process.stdout.write = (chunk: string) => {
      captured.push(String(chunk));
      return true;
    };
    try {
      const result = await handler(
        Buffer.from(
          JSON.stringify({ RequestType: 'Create', ResponseURL: 'http://example.com/cb?Signature=abc' }),
        ),
      );
      expect(result).toMatchObject({ Status: 'FAILED', delivered: false });
    } finally {
      process.stdout.write = write;
    }
    expect(captured.join('')).toContain('http://example.com/cb?***');
    expect(captured.join('')).not.toContain('Signature=abc');
  });

  it('refuses a plain-http ResponseURL unless loopback callbacks are allowed', async () => {
    world = await startWorld({ env: { ROS_SSO_ALLOW_LOOPBACK_CALLBACK: '0' } });
    const result = await world.run(
      world.event({
        RequestType: 'Delete',
        ResourceType: UP,
        PhysicalResourceId: 'x',
        ResourceProperties: {},
      }),
    );
    expect(world.callbacks.received).toHaveLength(0);
    expect(result).toMatchObject({ Status: 'FAILED', delivered: false });
    expect(result.Reason).toMatch(/ResponseURL: plain http is refused/);
    expect(apiCalls(world.emulator)).toHaveLength(0);
  });

  it('answers a start-up (configuration) failure as FAILED', async () => {
    world = await startWorld({ env: { ROS_SSO_CLOUDSSO_ENDPOINT: 'http://cloudsso.example.com' } });
    await world.run(
      world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: validProps(world) }),
    );
    expect(bodies(world)[0]?.Reason).toMatch(
      /^configuration error: ROS_SSO_CLOUDSSO_ENDPOINT must be an https URL/,
    );
    expect(apiCalls(world.emulator)).toHaveLength(0);
  });

  it('answers FAILED when no credentials are available', async () => {
    world = await startWorld();
    await world.run(
      world.event({ RequestType: 'Create', ResourceType: UP, ResourceProperties: validProps(world) }),
      {
        credentials: undefined,
      },
    );
    expect(bodies(world)[0]?.Reason).toMatch(/no credentials/);
  });
});
