/**
 * The invocation's clock. Two ends matter and they differ: ROS stops waiting for the answer at the
 * resource's Timeout (`answerBy`), while FC stops the function only at its own timeout (`endsAt`),
 * so a call in flight when ROS gives up still completes (ros-protocol.md §1.6, §4.5).
 */
export interface Deadline {
  /** Milliseconds until the function is stopped; no call may outlive it. */
  remaining(): number;
  /** Milliseconds until ROS stops listening (or the function stops, if sooner). */
  answerRemaining(): number;
  /** Milliseconds until the guard fires; no new call starts after it. */
  workRemaining(): number;
  /** Runs `onTimeout` once when only the answer margin is left; returns the disarm function. */
  guard(onTimeout: () => void): () => void;
  /** The same clock for undoing what this invocation created: it may run until the function stops. */
  forCleanup(): Deadline;
}

export interface DeadlineOptions {
  /** When the function is stopped, in ms (same clock as `now`). */
  endsAt: number;
  /** When ROS stops waiting for the answer; defaults to `endsAt`. */
  answerBy?: number;
  now?: () => number;
}

/**
 * Time kept back for the FAILED "timed out" answer and its retries: a quarter of the budget,
 * between 200 ms and 8 s (a callback try is bounded to a few seconds; see respond.ts).
 */
export function answerMarginMs(totalMs: number): number {
  return Math.min(8000, Math.max(200, Math.floor(totalMs / 4)));
}

/** What a clean-up call leaves for the function's own end. */
const CLEANUP_RESERVE_MS = 500;

/** A deadline whose guard fires `answerMarginMs` before the earlier of the two ends. */
export function createDeadline({ endsAt, answerBy = endsAt, now = Date.now }: DeadlineOptions): Deadline {
  const answerEnd = Math.min(answerBy, endsAt);
  const guardAt = answerEnd - answerMarginMs(Math.max(0, answerEnd - now()));
  const remaining = () => Math.max(0, endsAt - now());
  const clock = (workEnd: () => number): Deadline => ({
    remaining,
    answerRemaining: () => Math.max(0, answerEnd - now()),
    workRemaining: () => Math.max(0, workEnd()),
    guard(onTimeout) {
      const timer = setTimeout(onTimeout, Math.max(0, guardAt - now()));
      // The timer must not keep an idle process alive (tests, local runs).
      timer.unref();
      return () => clearTimeout(timer);
    },
    forCleanup: () => clock(() => remaining() - CLEANUP_RESERVE_MS),
  });
  return clock(() => guardAt - now());
}
