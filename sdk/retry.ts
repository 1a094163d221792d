/** How a retried operation backs off. */
export interface RetryPolicy {
  /** First backoff ceiling in ms; doubles per attempt (full jitter). */
  baseMs: number;
  capMs: number;
  maxAttempts: number;
}

/** Production defaults: ~0.3 s, 0.6 s, 1.2 s … capped at 8 s, at most 8 tries, always within the deadline. */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 300, capMs: 8000, maxAttempts: 8 };

export interface RetryHooks {
  /** Whether this error may succeed on a later try. */
  isRetryable(err: unknown): boolean;
  /** Milliseconds left for this operation; no sleep ends past it. */
  timeLeft(): number;
  onRetry?(err: unknown, attempt: number, delayMs: number): void;
  /** A wait the service asked for (a retry-after hint, ms): the delay is at least this, up to the cap. */
  retryAfterMs?(err: unknown): number | undefined;
  /** `full` (default): uniform in [0, ceiling]; `equal`: half the ceiling fixed, so a wait is never ~0. */
  jitter?: Jitter;
  random?: () => number;
  /** How to wait before the next try (default: a timer); it is told the error it waits after. */
  sleep?: (ms: number, err: unknown) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type Jitter = 'full' | 'equal';

/**
 * The delay after a 1-based attempt, under the ceiling min(cap, base·2^(attempt-1)): full jitter is
 * uniform in [0, ceiling]; equal jitter is half the ceiling plus a uniform share of the other half.
 */
export function backoffMs(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
  jitter: Jitter = 'full',
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return jitter === 'full'
    ? Math.floor(random() * ceiling)
    : Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Runs `operation` until it succeeds, throws a non-retryable error, runs out of attempts, or the
 * next backoff would not fit in `timeLeft()`; then the last error is thrown.
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks,
): Promise<T> {
  const sleep = hooks.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (err) {
      if (!hooks.isRetryable(err) || attempt >= policy.maxAttempts) throw err;
      const hint = Math.min(hooks.retryAfterMs?.(err) ?? 0, policy.capMs);
      const delay = Math.max(backoffMs(policy, attempt, hooks.random, hooks.jitter), hint);
      // Leave at least a moment for the next try itself.
      if (delay + 50 >= hooks.timeLeft()) throw err;
      hooks.onRetry?.(err, attempt, delay);
      await sleep(delay, err);
    }
  }
}
