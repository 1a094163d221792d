import { RosCallError, toRosCallError } from './errors';

/** How a throttled or transiently failed call is retried. */
export interface BackoffPolicy {
  /** Ceiling of the first wait; doubles per retry up to `capMs`. */
  baseMs: number;
  capMs: number;
  /** Tries in all, the first included. */
  maxAttempts: number;
}

/** Waits of ~1, 2, 4, 8, 16 s: a throttled account usually recovers within a minute. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 16_000, maxAttempts: 6 };

/**
 * The policy, with the base taken from `ROS_SSO_SCHEMAS_BACKOFF_MS` when set (tests use a few
 * ms); the cap stays 16 × base.
 */
export function backoffPolicy(env: Readonly<Record<string, string | undefined>>): BackoffPolicy {
  const raw = env.ROS_SSO_SCHEMAS_BACKOFF_MS;
  const base = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(base) || base < 0) return DEFAULT_BACKOFF;
  return { ...DEFAULT_BACKOFF, baseMs: base, capMs: base * 16 };
}

/** "Equal jitter" for a 1-based retry: half the ceiling fixed, half random, so a wait is never ~0. */
export function backoffDelay(policy: BackoffPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
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
  policy: BackoffPolicy;
  clock: Clock;
  gate: ThrottleGate;
  onRetry?(err: RosCallError, retry: number, delayMs: number): void;
}

/**
 * Runs `call` until it succeeds, fails with an error that is neither throttling nor transient, or
 * runs out of attempts; then throws the last error as a RosCallError.
 */
export async function withBackoff<T>(action: string, call: () => Promise<T>, ctx: RetryContext): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await ctx.gate.wait();
    try {
      return await call();
    } catch (raw) {
      const err = toRosCallError(raw, action);
      const kind = err.kind;
      if ((kind !== 'throttled' && kind !== 'transient') || attempt >= ctx.policy.maxAttempts) throw err;
      const hint = Math.min(err.retryAfterMs ?? 0, ctx.policy.capMs);
      const delay = Math.max(backoffDelay(ctx.policy, attempt, ctx.clock.random), hint);
      ctx.onRetry?.(err, attempt, delay);
      if (kind === 'throttled') ctx.gate.pause(delay);
      else await ctx.clock.sleep(delay);
    }
  }
}
