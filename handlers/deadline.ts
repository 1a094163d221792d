/** The invocation's time budget, computed once by the entry from the FC context. */
export interface Deadline {
  /** Milliseconds until the function is killed. */
  remaining(): number;
  /** Milliseconds until the guard fires; work (API calls, their retries) must end by then. */
  workRemaining(): number;
  /** Runs `onTimeout` once when only the answer margin is left; returns the disarm function. */
  guard(onTimeout: () => void): () => void;
}

export interface DeadlineOptions {
  /** Absolute end time in ms (same clock as `now`). */
  endsAt: number;
  now?: () => number;
}

/**
 * Time kept back for the FAILED "timed out" answer and its retries: a quarter of the budget,
 * between 200 ms and 8 s (a callback try is bounded to a few seconds; see respond.ts).
 */
export function answerMarginMs(totalMs: number): number {
  return Math.min(8000, Math.max(200, Math.floor(totalMs / 4)));
}

/** A deadline ending at `endsAt`; the guard fires `answerMarginMs` earlier. */
export function createDeadline({ endsAt, now = Date.now }: DeadlineOptions): Deadline {
  const margin = answerMarginMs(Math.max(0, endsAt - now()));
  const guardAt = endsAt - margin;
  return {
    remaining: () => Math.max(0, endsAt - now()),
    workRemaining: () => Math.max(0, guardAt - now()),
    guard(onTimeout) {
      const timer = setTimeout(onTimeout, Math.max(0, guardAt - now()));
      // The timer must not keep an idle process alive (tests, local runs).
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}
