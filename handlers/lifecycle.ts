import { type Answer, createAnswer } from './answer';
import { type InvocationClock, invocationDeadline, rosWaitOf } from './budget';
import { CALLBACK_RETRY } from './config';
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

/**
 * One invocation: decode → check a callback URL exists → parse → validate → route → step → answer
 * exactly once → undo what a failed or unanswered Create made. Never throws; the timeout guard and
 * the main path share one memoized answer.
 */
export async function runLifecycle(rawEvent: unknown, deps: LifecycleDeps): Promise<LifecycleResult> {
  const started = Date.now();
  let answer: Answer | undefined;
  let deadline: Deadline | undefined;
  let target: AnswerTarget = {};
  const log = deps.log;
  const settings = deps.settings instanceof Error ? undefined : deps.settings;
  const open = (): Answer => {
    answer ??= createAnswer(target, {
      fcRequestId: deps.fcRequestId,
      deadline: deadline ?? invocationDeadline(deps.clock, rosWaitOf(undefined, undefined)),
      log,
      allowLoopbackHttp: deps.allowLoopbackCallback,
      retry: settings?.callbackRetry ?? CALLBACK_RETRY,
    });
    return answer;
  };
  const fail = (reason: string, physicalResourceId?: string) => open().failed(reason, physicalResourceId);
  try {
    let event: unknown;
    let decodeError: unknown;
    try {
      event = decodeEvent(rawEvent);
    } catch (err) {
      decodeError = err;
    }
    const wait = rosWaitOf(event, settings?.resourceTimeoutS);
    deadline = invocationDeadline(deps.clock, wait);
    target = answerTargetOf(event);
    // Answer first, act second: with nowhere to answer, any call could only orphan what it makes.
    const unusable = noUsableCallback(target, deps.allowLoopbackCallback);
    if (unusable !== undefined) {
      const reason = `${decodeError === undefined ? '' : `${reasonFor(decodeError)}; `}no usable callback URL: ${unusable}`;
      log.log({
        step: 'respond',
        outcome: 'skipped',
        // The logger keeps origin and path of these and drops the signed query.
        responseUrl: target.ResponseURL,
        intranetResponseUrl: target.IntranetResponseURL,
        problem: `${reason}; no API call made`,
      });
      return done({ Status: 'FAILED', Reason: reason, delivered: false });
    }
    if (decodeError !== undefined) {
      await fail(reasonFor(decodeError));
      return finish();
    }
    const parsed = parseRequest(event);
    if (!parsed.ok) {
      log.log({ step: 'parse', outcome: 'failed', reason: parsed.reason });
      await fail(parsed.reason);
      return finish();
    }
    const request = parsed.request;
    log.bind({
      requestId: request.RequestId,
      stackId: request.StackId,
      logicalResourceId: request.LogicalResourceId,
      resourceType: request.ResourceType,
      requestType: request.RequestType,
    });
    log.log({
      step: 'parse',
      outcome: 'ok',
      responseUrl: request.ResponseURL,
      waitS: wait.seconds,
      waitFrom: wait.from,
    });
    const progress: Progress = { step: 'route' };
    await runWithGuard(request, deadline, progress);
    await undoIfUnanswered(request, deadline, progress);
    return finish();
  } catch (err) {
    // A bug in this function itself: still answer exactly once.
    log.log({ step: 'lifecycle', outcome: 'failed', error: messageOf(err), stack: (err as Error)?.stack });
    await fail(reasonFor(err));
    return finish();
  }

  /** Runs the step; at the guard answers FAILED, then lets the call in flight finish (FC does not cut it). */
  async function runWithGuard(request: RosRequest, clock: Deadline, progress: Progress): Promise<void> {
    const failedId = () => (request.RequestType === 'Create' ? progress.createdId : undefined);
    let timedOut = false;
    let onTimeout: () => void = () => {};
    const guardFired = new Promise<void>((resolve) => {
      onTimeout = resolve;
    });
    const disarm = clock.guard(() => {
      timedOut = true;
      log.log({ step: 'guard', outcome: 'failed', during: progress.step });
      void fail(
        `timed out during ${progress.step}: ROS stops waiting for this answer in ${clock.answerRemaining()} ms; ` +
          'no further call is started, and anything this request created is being deleted again (its log says whether that worked)',
        failedId(),
      );
      onTimeout();
    });
    const opened = open();
    const work = runStep(request, { ...deps, deadline: clock }, progress).then(
      (result) => opened.success(result.physicalResourceId, result.data),
      (err: unknown) => {
        log.log({
          step: progress.step,
          outcome: 'failed',
          error: messageOf(err),
          stack: (err as Error)?.stack,
        });
        return fail(reasonFor(err), failedId());
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
  async function undoIfUnanswered(request: RosRequest, clock: Deadline, progress: Progress): Promise<void> {
    if (request.RequestType !== 'Create' || progress.createdId === undefined || progress.undo === undefined)
      return;
    const delivery: Delivery | undefined = await answer?.settled;
    const success = answer?.given?.status === 'SUCCESS';
    if (success && delivery?.delivered === true) return;
    if (success && delivery?.mayHaveArrived === true) {
      // If ROS has the SUCCESS, the resource is in its stack: deleting it would make that a lie.
      log.log({
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
      answer?.given?.status === 'SUCCESS' ? 'the SUCCESS answer did not reach ROS' : 'the answer was FAILED';
    log.log({ step: 'undo', outcome: 'start', physicalResourceId: progress.createdId, why });
    try {
      await progress.undo(clock);
      log.log({ step: 'undo', outcome: 'ok', physicalResourceId: progress.createdId });
    } catch (err) {
      log.log({
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

  async function finish(): Promise<LifecycleResult> {
    const delivery = answer?.settled === undefined ? undefined : await answer.settled;
    const given = answer?.given;
    return done(
      {
        Status: given?.status ?? 'FAILED',
        ...(given?.status === 'FAILED' ? { Reason: given.reason } : {}),
        ...(given?.physicalResourceId === undefined ? {} : { PhysicalResourceId: given.physicalResourceId }),
        delivered: delivery?.delivered ?? false,
      },
      delivery?.problem,
    );
  }

  function done(result: LifecycleResult, problem?: string): LifecycleResult {
    log.log({
      step: 'done',
      outcome: result.delivered ? 'ok' : 'failed',
      status: result.Status,
      ms: Date.now() - started,
      problem,
    });
    return result;
  }
}
