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
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Full-jitter delay for a 1-based attempt: uniform in [0, min(cap, base·2^(attempt-1))]. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
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
      const delay = backoffMs(policy, attempt, hooks.random);
      // Leave at least a moment for the next try itself.
      if (delay + 50 >= hooks.timeLeft()) throw err;
      hooks.onRetry?.(err, attempt, delay);
      await sleep(delay);
    }
  }
}
