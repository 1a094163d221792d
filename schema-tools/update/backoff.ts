import { type RetryPolicy, withRetries } from '../../sdk/retry';
import { RosCallError, toRosCallError } from './errors';

/** Waits of ~1, 2, 4, 8, 16 s: a throttled account usually recovers within a minute. */
export const DEFAULT_BACKOFF: RetryPolicy = { baseMs: 1000, capMs: 16_000, maxAttempts: 6 };

/**
 * The policy, with the base taken from `ROS_SSO_SCHEMAS_BACKOFF_MS` when set (tests use a few
 * ms); the cap stays 16 × base.
 */
export function backoffPolicy(env: Readonly<Record<string, string | undefined>>): RetryPolicy {
  const raw = env.ROS_SSO_SCHEMAS_BACKOFF_MS;
  const base = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(base) || base < 0) return DEFAULT_BACKOFF;
  return { ...DEFAULT_BACKOFF, baseMs: base, capMs: base * 16 };
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

/**
 * One pause shared by all workers: the quota is per account, so when one call is throttled the
 * others would be too; they all wait instead of each burning its own attempts.
 */
export class ThrottleGate {
  private until = 0;

  constructor(private readonly clock: Clock) {}

  pause(ms: number): void {
    this.until = Math.max(this.until, this.clock.now() + ms);
  }

  async wait(): Promise<void> {
    for (let left = this.until - this.clock.now(); left > 0; left = this.until - this.clock.now())
      await this.clock.sleep(left);
  }
}

export interface RetryContext {
  policy: RetryPolicy;
  clock: Clock;
  gate: ThrottleGate;
  onRetry?(err: RosCallError, retry: number, delayMs: number): void;
}

/**
 * Runs `call` until it succeeds, fails with an error that is neither throttling nor transient, or
 * runs out of attempts; then throws the last error as a RosCallError. Equal jitter (a wait is never
 * ~0), at least the service's retry-after hint; a throttled call pauses every worker (the gate).
 */
export function withBackoff<T>(action: string, call: () => Promise<T>, ctx: RetryContext): Promise<T> {
  const asRos = (err: unknown) => err as RosCallError;
  return withRetries(
    async () => {
      await ctx.gate.wait();
      try {
        return await call();
      } catch (raw) {
        throw toRosCallError(raw, action);
      }
    },
    ctx.policy,
    {
      isRetryable: (err) => asRos(err).kind === 'throttled' || asRos(err).kind === 'transient',
      timeLeft: () => Number.POSITIVE_INFINITY,
      retryAfterMs: (err) => asRos(err).retryAfterMs,
      jitter: 'equal',
      random: ctx.clock.random,
      onRetry: (err, attempt, delayMs) => ctx.onRetry?.(asRos(err), attempt, delayMs),
      sleep: async (ms, err) => {
        if (asRos(err).kind === 'throttled') ctx.gate.pause(ms);
        else await ctx.clock.sleep(ms);
      },
    },
  );
}
