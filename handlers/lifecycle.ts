import { type Answer, createAnswer } from './answer';
import { type InvocationClock, invocationDeadline, type RosWait, rosWaitOf } from './budget';
import { CALLBACK_RETRY, type Settings } from './config';
import type { Deadline } from './deadline';
import {
  CloudError,
  ConfigurationError,
  DeadlineExceeded,
  messageOf,
  ReplacementRequired,
  ResourceMissing,
  ValidationError,
} from './errors';
import { type AnswerTarget, decodeEvent, answerTargetOf, parseRequest, type RosRequest } from './event';
import type { Logger } from './log';
import { callbackUrlProblem, type Delivery } from './respond';
import { type Progress, runStep, type StepDeps } from './steps';

/** Everything the lifecycle needs, passed in by the entry (or a test). */
export interface LifecycleDeps extends Omit<StepDeps, 'deadline'> {
  /** The deadline is built once the event says how long ROS waits (budget.ts). */
  clock: InvocationClock;
  /** Read apart from `settings` so that a configuration error can still be answered on loopback tests. */
  allowLoopbackCallback: boolean;
}

/** What the FC function returns (ROS ignores it; it helps a person invoking the function by hand). */
export interface LifecycleResult {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId?: string;
  delivered: boolean;
}

/** A FAILED Reason: the message only; stacks go to the log. */
export function reasonFor(err: unknown): string {
  if (
    err instanceof ValidationError ||
    err instanceof ReplacementRequired ||
    err instanceof CloudError ||
    err instanceof ResourceMissing
  ) {
    return err.message;
  }
  if (err instanceof DeadlineExceeded || err instanceof ConfigurationError) return err.message;
  return `internal error: ${messageOf(err)}`;
}

/** Why no callback URL of the event can carry an answer, or undefined when one can. */
function noUsableCallback(target: AnswerTarget, allowLoopbackHttp: boolean): string | undefined {
  const problems: string[] = [];
  for (const name of ['ResponseURL', 'IntranetResponseURL'] as const) {
    const problem = callbackUrlProblem(target[name], allowLoopbackHttp);
    if (problem === undefined) return undefined;
    problems.push(`${name}: ${problem}`);
  }
  return problems.join('; ');
}

/** The event as far as the lifecycle reads it before parsing: how long ROS waits, and its decoding error. */
interface Decoded {
  event: unknown;
  error: unknown;
  wait: RosWait;
  deadline: Deadline;
}

/**
 * One invocation: decode → check a callback URL exists → parse → validate → route → step → answer
 * exactly once → undo what a failed or unanswered Create made. Never throws; the timeout guard and
 * the main path share one memoized answer.
 */
export async function runLifecycle(rawEvent: unknown, deps: LifecycleDeps): Promise<LifecycleResult> {
  const run = new Invocation(deps);
  try {
    const decoded = run.decode(rawEvent);
    // Answer first, act second: with nowhere to answer, any call could only orphan what it makes.
    const refused = run.refuseWithoutCallback(decoded);
    if (refused !== undefined) return refused;
    if (decoded.error !== undefined) {
      await run.fail(reasonFor(decoded.error));
      return run.finish();
    }
    const request = await run.parse(decoded);
    if (request === undefined) return run.finish();
    const progress: Progress = { step: 'route' };
    await run.runWithGuard(request, decoded.deadline, progress);
    await run.undoIfUnanswered(request, decoded.deadline, progress);
    return run.finish();
  } catch (err) {
    // A bug in this function itself: still answer exactly once.
    deps.log.log({
      step: 'lifecycle',
      outcome: 'failed',
      error: messageOf(err),
      stack: (err as Error)?.stack,
    });
    await run.fail(reasonFor(err));
    return run.finish();
  }
}

/** The state of one invocation: where and by when to answer, and the one answer once opened. */
class Invocation {
  private readonly started = Date.now();
  private readonly log: Logger;
  private readonly settings: Settings | undefined;
  private answer: Answer | undefined;
  private deadline: Deadline | undefined;
  private target: AnswerTarget = {};

  constructor(private readonly deps: LifecycleDeps) {
    this.log = deps.log;
    this.settings = deps.settings instanceof Error ? undefined : deps.settings;
  }

  /** The one answer of this invocation (created on first use; the guard and the main path share it). */
  private open(): Answer {
    this.answer ??= createAnswer(this.target, {
      fcRequestId: this.deps.fcRequestId,
      deadline: this.deadline ?? invocationDeadline(this.deps.clock, rosWaitOf(undefined, undefined)),
      log: this.log,
      allowLoopbackHttp: this.deps.allowLoopbackCallback,
      retry: this.settings?.callbackRetry ?? CALLBACK_RETRY,
    });
    return this.answer;
  }

  fail(reason: string, physicalResourceId?: string): Promise<Delivery> {
    return this.open().failed(reason, physicalResourceId);
  }

  /** Decodes the event; whatever it holds, sets the deadline and the callback URLs it names. */
  decode(rawEvent: unknown): Decoded {
    let event: unknown;
    let error: unknown;
    try {
      event = decodeEvent(rawEvent);
    } catch (err) {
      error = err;
    }
    const wait = rosWaitOf(event, this.settings?.resourceTimeoutS);
    this.deadline = invocationDeadline(this.deps.clock, wait);
    this.target = answerTargetOf(event);
    return { event, error, wait, deadline: this.deadline };
  }

  /** The result when no callback URL of the event can carry an answer: FAILED, nothing sent, no call made. */
  refuseWithoutCallback(decoded: Decoded): LifecycleResult | undefined {
    const unusable = noUsableCallback(this.target, this.deps.allowLoopbackCallback);
    if (unusable === undefined) return undefined;
    const reason = `${decoded.error === undefined ? '' : `${reasonFor(decoded.error)}; `}no usable callback URL: ${unusable}`;
    this.log.log({
      step: 'respond',
      outcome: 'skipped',
      // The logger keeps origin and path of these and drops the signed query.
      responseUrl: this.target.ResponseURL,
      intranetResponseUrl: this.target.IntranetResponseURL,
      problem: `${reason}; no API call made`,
    });
    return this.done({ Status: 'FAILED', Reason: reason, delivered: false });
  }

  /** The request, bound to the log; undefined once a malformed one is answered FAILED. */
  async parse(decoded: Decoded): Promise<RosRequest | undefined> {
    const parsed = parseRequest(decoded.event);
    if (!parsed.ok) {
      this.log.log({ step: 'parse', outcome: 'failed', reason: parsed.reason });
      await this.fail(parsed.reason);
      return undefined;
    }
    const request = parsed.request;
    this.log.bind({
      requestId: request.RequestId,
      stackId: request.StackId,
      logicalResourceId: request.LogicalResourceId,
      resourceType: request.ResourceType,
      requestType: request.RequestType,
    });
    this.log.log({
      step: 'parse',
      outcome: 'ok',
      responseUrl: request.ResponseURL,
      waitS: decoded.wait.seconds,
      waitFrom: decoded.wait.from,
    });
    return request;
  }

  /** Runs the step; at the guard answers FAILED, then lets the call in flight finish (FC does not cut it). */
  async runWithGuard(request: RosRequest, clock: Deadline, progress: Progress): Promise<void> {
    const failedId = () => (request.RequestType === 'Create' ? progress.createdId : undefined);
    let timedOut = false;
    let onTimeout: () => void = () => {};
    const guardFired = new Promise<void>((resolve) => {
      onTimeout = resolve;
    });
    const disarm = clock.guard(() => {
      timedOut = true;
      this.log.log({ step: 'guard', outcome: 'failed', during: progress.step });
      void this.fail(
        `timed out during ${progress.step}: ROS stops waiting for this answer in ${clock.answerRemaining()} ms; ` +
          'no further call is started, and anything this request created is being deleted again (its log says whether that worked)',
        failedId(),
      );
      onTimeout();
    });
    const opened = this.open();
    const work = runStep(request, { ...this.deps, deadline: clock }, progress).then(
      (result) => opened.success(result.physicalResourceId, result.data),
      (err: unknown) => {
        this.log.log({
          step: progress.step,
          outcome: 'failed',
          error: messageOf(err),
          stack: (err as Error)?.stack,
        });
        return this.fail(reasonFor(err), failedId());
      },
    );
    await Promise.race([work, guardFired]);
    disarm();
    // The guard answered; the step may still be inside a call that creates something. Wait for it
    // (each call ends before the function does), so it can be undone instead of orphaned.
    if (timedOut) await work;
  }

  /**
   * A Create whose answer is not a delivered SUCCESS leaves ROS without this resource: ROS's rollback
   * Delete may carry no PhysicalResourceId (§1.8), so this invocation deletes what it created itself.
   * Never touches what existed before (progress.createdId is set only by an actual create call).
   */
  async undoIfUnanswered(request: RosRequest, clock: Deadline, progress: Progress): Promise<void> {
    if (request.RequestType !== 'Create' || progress.createdId === undefined || progress.undo === undefined)
      return;
    const delivery: Delivery | undefined = await this.answer?.settled;
    const success = this.answer?.given?.status === 'SUCCESS';
    if (success && delivery?.delivered === true) return;
    if (success && delivery?.mayHaveArrived === true) {
      // If ROS has the SUCCESS, the resource is in its stack: deleting it would make that a lie.
      this.log.log({
        step: 'undo',
        outcome: 'skipped',
        physicalResourceId: progress.createdId,
        note:
          'the SUCCESS may have reached ROS (no sure refusal), so what it names is kept; if ROS did not get it, ' +
          'the stack fails and this resource is orphaned: delete it by hand',
      });
      return;
    }
    const why =
      this.answer?.given?.status === 'SUCCESS'
        ? 'the SUCCESS answer did not reach ROS'
        : 'the answer was FAILED';
    this.log.log({ step: 'undo', outcome: 'start', physicalResourceId: progress.createdId, why });
    try {
      await progress.undo(clock);
      this.log.log({ step: 'undo', outcome: 'ok', physicalResourceId: progress.createdId });
    } catch (err) {
      this.log.log({
        step: 'undo',
        outcome: 'failed',
        physicalResourceId: progress.createdId,
        error: messageOf(err),
        note: success
          ? 'it still exists and ROS does not know it: orphaned, delete it by hand'
          : "it still exists; the FAILED answer carried its ID, so ROS's rollback Delete with this " +
            'PhysicalResourceId removes it (if ROS sends none, delete it by hand)',
      });
    }
  }

  async finish(): Promise<LifecycleResult> {
    const delivery = this.answer?.settled === undefined ? undefined : await this.answer.settled;
    const given = this.answer?.given;
    return this.done(
      {
        Status: given?.status ?? 'FAILED',
        ...(given?.status === 'FAILED' ? { Reason: given.reason } : {}),
        ...(given?.physicalResourceId === undefined ? {} : { PhysicalResourceId: given.physicalResourceId }),
        delivered: delivery?.delivered ?? false,
      },
      delivery?.problem,
    );
  }

  private done(result: LifecycleResult, problem?: string): LifecycleResult {
    this.log.log({
      step: 'done',
      outcome: result.delivered ? 'ok' : 'failed',
      status: result.Status,
      ms: Date.now() - this.started,
      problem,
    });
    return result;
  }
}
