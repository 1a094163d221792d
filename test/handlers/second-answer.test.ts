import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswer } from '../../handlers/answer';
import { createDeadline } from '../../handlers/deadline';
import { createLogger } from '../../handlers/log';
import { type CallbackServer, startCallbackServer } from './callback-server';

// The timeout guard and the main path may both answer one invocation: ROS must get the first answer
// only, once (handlers/answer.ts). Sent over real loopback HTTP to a stand-in ResponseURL.
describe('a second answer to ROS', () => {
  let ros: CallbackServer;
  let lines: Record<string, unknown>[];
  beforeEach(async () => {
    ros = await startCallbackServer();
    lines = [];
  });
  afterEach(() => ros.close());

  const answerFor = (requestType = 'Create') =>
    createAnswer(
      {
        RequestType: requestType,
        RequestId: 'req-1',
        ResponseURL: ros.url('/answer'),
        StackId: 'stack-1',
        LogicalResourceId: 'Provision',
        ...(requestType === 'Create' ? {} : { PhysicalResourceId: 'up-1' }),
      },
      {
        fcRequestId: 'fc-1',
        deadline: createDeadline({ endsAt: Date.now() + 60_000 }),
        log: createLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>), {
          fcRequestId: 'fc-1',
        }),
        allowLoopbackHttp: true,
        retry: { baseMs: 1, capMs: 2, maxAttempts: 2 },
      },
    );

  it('is ignored after the first was sent: one callback, the first outcome, the same delivery', async () => {
    const answer = answerFor();
    const first = await answer.success('up-1', { UserProvisionId: 'up-1' });
    const second = await answer.failed('timed out: not enough time left');
    const third = await answer.success('up-2');

    expect(ros.received).toHaveLength(1);
    expect(ros.received[0]?.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'up-1' });
    expect(first.delivered).toBe(true);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(answer.given).toEqual({
      status: 'SUCCESS',
      physicalResourceId: 'up-1',
      data: { UserProvisionId: 'up-1' },
    });
    const ignored = lines.filter((l) => l.step === 'answer' && l.outcome === 'ignored');
    expect(ignored.map((l) => l.status)).toEqual(['FAILED', 'SUCCESS']);
  });

  it('is ignored while the first is still in flight (guard and main path at once)', async () => {
    ros.delayNext(1, 200);
    const answer = answerFor('Update');
    const [guard, main] = await Promise.all([answer.failed('timed out'), answer.success('up-1')]);

    expect(ros.received).toHaveLength(1);
    expect(ros.received[0]?.body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'up-1' });
    expect(String(ros.received[0]?.body.Reason)).toContain('timed out');
    expect(main).toBe(guard);
    expect(answer.given?.status).toBe('FAILED');
  });
});
