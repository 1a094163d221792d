import type { AnswerTarget } from './event';
import {
  buildResponseBody,
  type Delivery,
  failedCreateMarker,
  type Outcome,
  type SendOptions,
  sendResponse,
} from './respond';

/** The one answer of an invocation; the first call sends, later calls are only logged. */
export interface Answer {
  success(physicalResourceId: string, data?: Record<string, unknown>): Promise<Delivery>;
  /** `physicalResourceId` defaults to the request's (Update/Delete) or the failed-create marker. */
  failed(reason: string, physicalResourceId?: string): Promise<Delivery>;
  /** The pending or finished send, once an answer was given. */
  readonly settled: Promise<Delivery> | undefined;
  /** The outcome that was sent (the first one), as the body states it. */
  readonly given: Outcome | undefined;
}

export interface AnswerDeps extends SendOptions {
  fcRequestId: string;
}

/**
 * Memoizes the first answer so the timeout guard and the main path can both call it and ROS still
 * gets exactly one (style.md §6). Every FAILED Reason names the FC request ID to find the log.
 */
export function createAnswer(target: AnswerTarget, deps: AnswerDeps): Answer {
  let settled: Promise<Delivery> | undefined;
  let given: Outcome | undefined;
  const suffix = ` (FC request ID ${deps.fcRequestId})`;
  const give = (outcome: Outcome): Promise<Delivery> => {
    if (settled !== undefined) {
      deps.log.log({ step: 'answer', outcome: 'ignored', status: outcome.status, reason: reasonOf(outcome) });
      return settled;
    }
    const body = buildResponseBody(target, outcome, suffix);
    const sent = JSON.parse(body) as {
      Status: 'SUCCESS' | 'FAILED';
      Reason?: string;
      PhysicalResourceId?: string;
    };
    // What ROS gets, which may differ from the outcome (a SUCCESS whose Data does not fit is sent as FAILED).
    given =
      sent.Status === 'SUCCESS' && outcome.status === 'SUCCESS'
        ? outcome
        : { status: 'FAILED', reason: sent.Reason ?? '', physicalResourceId: sent.PhysicalResourceId };
    deps.log.log({
      step: 'answer',
      outcome: 'start',
      status: sent.Status,
      reason: sent.Reason,
      bodyBytes: Buffer.byteLength(body),
    });
    settled = sendResponse(target, body, deps);
    return settled;
  };
  return {
    success: (physicalResourceId, data) => give({ status: 'SUCCESS', physicalResourceId, data }),
    failed: (reason, physicalResourceId) =>
      give({
        status: 'FAILED',
        reason,
        physicalResourceId: physicalResourceId ?? defaultFailedId(target, deps),
      }),
    get settled() {
      return settled;
    },
    get given() {
      return given;
    },
  };
}

function defaultFailedId(target: AnswerTarget, deps: AnswerDeps): string {
  if (target.RequestType !== 'Create' && target.PhysicalResourceId !== undefined)
    return target.PhysicalResourceId;
  return failedCreateMarker(target.RequestId ?? deps.fcRequestId);
}

function reasonOf(outcome: Outcome): string | undefined {
  return outcome.status === 'FAILED' ? outcome.reason : undefined;
}
