import { describe, expect, it } from 'vitest';
import {
  buildResponseBody,
  callbackUrlProblem,
  failedCreateMarker,
  isFailedCreateMarker,
  truncateBytes,
} from '../../handlers/respond';

const target = { StackId: 's-1', RequestId: 'r-1', LogicalResourceId: 'L', RequestType: 'Create' };

describe('buildResponseBody', () => {
  it('copies the protocol fields and carries Data on SUCCESS', () => {
    const body = JSON.parse(
      buildResponseBody(target, { status: 'SUCCESS', physicalResourceId: 'up-1', data: { A: 1 } }),
    );
    expect(body).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: 'up-1',
      StackId: 's-1',
      RequestId: 'r-1',
      LogicalResourceId: 'L',
      Data: { A: 1 },
    });
  });

  it.each([
    ['ASCII', 'x'],
    ['two-byte characters', 'é'],
    ['characters JSON escapes', '"\\\n\u0001'],
    ['four-byte characters', '😀'],
  ])(
    'keeps the head of a Reason of any length made of %s, filling but never passing 4096 bytes',
    (_name, unit) => {
      const head = 'invalid ResourceProperties: /Description: ';
      let previous = 0;
      for (const length of [1000, 5000, 10_000, 50_000]) {
        const reason = `${head}${unit.repeat(Math.ceil(length / unit.length))}`;
        const text = buildResponseBody(target, { status: 'FAILED', reason }, ' (FC request ID fc-1)');
        const size = Buffer.byteLength(text);
        expect(size).toBeLessThanOrEqual(4096);
        const body = JSON.parse(text);
        expect(body.Reason.startsWith(head)).toBe(true);
        expect(body.Reason).not.toContain('\uFFFD');
        // Longer input never gives a shorter answer (the old cut shrank as the Reason grew).
        expect(size).toBeGreaterThanOrEqual(previous);
        previous = size;
        if (Buffer.byteLength(JSON.stringify(reason)) > 4096) {
          expect(body.Reason).toMatch(/…\[truncated\] \(FC request ID fc-1\)$/);
          expect(size).toBeGreaterThan(4096 - 8);
        }
      }
    },
  );

  it('shortens a long Reason to fit 4096 bytes and keeps the FC request ID suffix', () => {
    const text = buildResponseBody(
      target,
      { status: 'FAILED', reason: 'é"\n'.repeat(3000) },
      ' (FC request ID fc-1)',
    );
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(4096);
    const body = JSON.parse(text);
    expect(body.Reason).toMatch(/…\[truncated\] \(FC request ID fc-1\)$/);
    expect(body.Reason).not.toContain('\uFFFD');
  });

  it('turns a SUCCESS whose Data does not fit into a FAILED that says so', () => {
    const body = JSON.parse(
      buildResponseBody(target, {
        status: 'SUCCESS',
        physicalResourceId: 'up-1',
        data: { Big: 'x'.repeat(4100) },
      }),
    );
    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'up-1' });
    expect(body.Reason).toMatch(/Data is 41\d\d bytes \(keys: Big\)/);
  });

  it('refuses a PhysicalResourceId over 255 bytes', () => {
    const body = JSON.parse(
      buildResponseBody(target, { status: 'SUCCESS', physicalResourceId: 'p'.repeat(256) }),
    );
    expect(body.Status).toBe('FAILED');
    expect(body.PhysicalResourceId).toBeUndefined();
    expect(body.Reason).toMatch(/256 bytes; ROS allows at most 255/);
  });
});

describe('failed-create marker', () => {
  it('is recognised and stays within 255 bytes', () => {
    const marker = failedCreateMarker('x'.repeat(400));
    expect(Buffer.byteLength(marker)).toBe(255);
    expect(isFailedCreateMarker(marker)).toBe(true);
    expect(isFailedCreateMarker('up-123')).toBe(false);
    expect(isFailedCreateMarker(undefined)).toBe(false);
  });
});

describe('callbackUrlProblem', () => {
  it.each([
    ['https://ros.aliyuncs.com/cb?sig', false, undefined],
    ['http://ros.aliyuncs.com/cb', true, /plain http is refused/],
    ['http://127.0.0.1:9/cb', false, /plain http is refused/],
    ['http://127.0.0.1:9/cb', true, undefined],
    ['http://localhost:9/cb', true, undefined],
    ['ftp://x/cb', true, /protocol ftp: is refused/],
    ['not a url', true, /not a valid URL/],
  ] as const)('%s (loopback allowed: %s)', (url, allow, expected) => {
    const problem = callbackUrlProblem(url, allow);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});

describe('truncateBytes', () => {
  it('never splits a multi-byte character', () => {
    expect(truncateBytes('aé', 2)).toBe('a');
    expect(truncateBytes('abc', 5)).toBe('abc');
  });
});
