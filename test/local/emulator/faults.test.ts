import { afterEach, describe, expect, it } from 'vitest';
import { FaultSpecError, parseFaults, type RunningEmulator, startEmulator } from '../../../local/emulator';
import { accountIdOf, cloudSso, createProvisioning, ims } from './helpers';
import { type SdkError, sdkError } from './sdk';

/** Outcome codes of `count` GetDirectory calls: 'ok' or the error code. */
async function outcomes(emulator: RunningEmulator, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    try {
      await cloudSso(emulator, 'GetDirectory');
      codes.push('ok');
    } catch (err) {
      codes.push((err as SdkError).code);
    }
  }
  return codes;
}

describe('fault injection', () => {
  const running: RunningEmulator[] = [];
  const start = async (faults: Parameters<typeof startEmulator>[0]) => {
    const emulator = await startEmulator(faults);
    running.push(emulator);
    return emulator;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
  });

  it('parses the text form', () => {
    expect(parseFaults('throttle=0.2,5xx=0.1,latency=30,sync-fail=alice,sync-fail=bob+carol,seed=7')).toEqual(
      {
        throttleRate: 0.2,
        serverErrorRate: 0.1,
        latencyMs: 30,
        failSyncFor: ['alice', 'bob', 'carol'],
        seed: 7,
      },
    );
  });

  it('rejects unknown faults and out-of-range values with a clear message', () => {
    expect(() => parseFaults('explode=1')).toThrow(FaultSpecError);
    expect(() => parseFaults('throttle=2')).toThrow(/between 0 and 1/);
    expect(() => parseFaults('latency=-5')).toThrow(/whole number/);
    expect(() => parseFaults('throttle')).toThrow(/name=value/);
  });

  it('surfaces throttling as Throttling.User with HTTP 400', async () => {
    const emulator = await start({ faults: { throttleRate: 1 } });
    const err = await sdkError(cloudSso(emulator, 'GetDirectory'));
    expect([err.code, err.statusCode]).toEqual(['Throttling.User', 400]);
    expect(err.data.Message).toBe('Request was denied due to user flow control.');
  });

  it('surfaces server errors as ServiceUnavailable with HTTP 503', async () => {
    const emulator = await start({ faults: '5xx=1' });
    const err = await sdkError(cloudSso(emulator, 'GetDirectory'));
    expect([err.code, err.statusCode]).toEqual(['ServiceUnavailable', 503]);
  });

  it('draws the same faults for the same seed and different ones for another seed', async () => {
    const spec = { throttleRate: 0.3, serverErrorRate: 0.3, seed: 42 };
    const a = await outcomes(await start({ faults: spec }), 30);
    const b = await outcomes(await start({ faults: spec }), 30);
    const c = await outcomes(await start({ faults: { ...spec, seed: 43 } }), 30);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    expect(new Set(a)).toEqual(new Set(['ok', 'Throttling.User', 'ServiceUnavailable']));
  });

  it('switches faults at run time with setFaults and adds latency', async () => {
    const emulator = await start({ faults: 'throttle=1' });
    await sdkError(cloudSso(emulator, 'GetDirectory'));
    emulator.setFaults('latency=50');
    const started = performance.now();
    await cloudSso(emulator, 'GetDirectory');
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    emulator.setFaults(undefined);
    expect(await outcomes(emulator, 3)).toEqual(['ok', 'ok', 'ok']);
  });

  it('parses the answers the docs leave open, and refuses a value outside them', () => {
    expect(
      parseFaults(
        'lose-answer=CreateUserProvisioning+AddClientIdToOIDCProvider,add-existing-client-id=ok,duplicate-provisioning=allow',
      ),
    ).toEqual({
      loseAnswerOf: ['CreateUserProvisioning', 'AddClientIdToOIDCProvider'],
      addExistingClientId: 'ok',
      duplicateProvisioning: 'allow',
    });
    expect(() => parseFaults('duplicate-provisioning=maybe')).toThrow(/not one of refuse, allow/);
  });

  it('lose-answer: the first call takes effect and gets no answer; the next one is answered', async () => {
    const emulator = await start({ faults: 'lose-answer=CreateUserProvisioning' });
    const lost = await sdkError(
      createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' }),
    );
    expect(lost.code).not.toBe('EntityAlreadyExists.UserProvisioning');
    expect(emulator.state.provisionings).toHaveLength(1);
    expect(emulator.requests.at(-1)).toMatchObject({
      action: 'CreateUserProvisioning',
      status: 0,
      code: 'AnswerLost',
    });
    const again = await sdkError(
      createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' }),
    );
    expect([again.code, again.statusCode]).toEqual(['EntityAlreadyExists.UserProvisioning', 409]);
  });

  it('empty-answer: the first call takes effect and answers 200 with only its RequestId', async () => {
    const emulator = await start({ faults: 'empty-answer=CreateUserProvisioning' });
    const answer = await cloudSso(emulator, 'CreateUserProvisioning', {
      PrincipalId: emulator.state.directories[0]?.users[0]?.userId,
      PrincipalType: 'User',
      TargetId: accountIdOf(emulator, 'dev'),
      TargetType: 'RD-Account',
      DuplicationStrategy: 'KeepBoth',
      DeletionStrategy: 'Keep',
    });
    expect(Object.keys(answer.body)).toEqual(['RequestId']);
    expect(emulator.state.provisionings).toHaveLength(1);
  });

  it('fail-after: every call after the first success of the action answers 503', async () => {
    const emulator = await start({ faults: 'fail-after=CreateUserProvisioning' });
    expect(await outcomes(emulator, 1)).toEqual(['ok']);
    await createProvisioning(emulator, { principal: { userName: 'alice' }, target: 'dev' });
    expect(await outcomes(emulator, 2)).toEqual(['ServiceUnavailable', 'ServiceUnavailable']);
  });

  it('duplicate-provisioning=allow makes a second provisioning for the same principal and target', async () => {
    const emulator = await start({ faults: 'duplicate-provisioning=allow' });
    const request = { principal: { userName: 'alice' }, target: 'dev' } as const;
    const first = await createProvisioning(emulator, request);
    const second = await createProvisioning(emulator, request);
    expect(second).not.toBe(first);
    expect(emulator.state.provisionings.map((p) => p.targetId)).toEqual([
      accountIdOf(emulator, 'dev'),
      accountIdOf(emulator, 'dev'),
    ]);
  });

  it('add-existing-client-id=ok answers success, unchanged, for a client ID already there (default: 409)', async () => {
    const add = { OIDCProviderName: 'github', ClientId: 'sts.aliyuncs.com' };
    const strict = await start({});
    const refused = await sdkError(ims(strict, 'AddClientIdToOIDCProvider', add));
    expect([refused.code, refused.statusCode]).toEqual(['EntityAlreadyExists.OIDCProvider.ClientId', 409]);
    const lenient = await start({ faults: 'add-existing-client-id=ok' });
    const answer = await ims(lenient, 'AddClientIdToOIDCProvider', add);
    expect((answer.body.OIDCProvider as { ClientIds: string }).ClientIds).toBe('sts.aliyuncs.com');
  });

  it('checks the faults before any call when given at start', async () => {
    await expect(startEmulator({ faults: 'throttle=abc' })).rejects.toThrow(FaultSpecError);
  });
});
