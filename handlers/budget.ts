import { createDeadline, type Deadline } from './deadline';

/** ROS's custom-resource Timeout when the template sets none, and its range (ros-protocol.md §1.2). */
export const ROS_DEFAULT_WAIT_S = 60;
const MAX_WAIT_S = 43200;

/** How long ROS waits for this resource's answer, and where that number came from. */
export interface RosWait {
  seconds: number;
  from: 'event' | 'environment' | 'default';
}

function seconds(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 && n <= MAX_WAIT_S ? n : undefined;
}

/**
 * The documented request carries no Timeout (it is a sibling of Parameters, ros-protocol.md §1.4),
 * but whether ROS adds it is not confirmed: a `Timeout` at the top of the event (or inside
 * ResourceProperties, as CloudFormation-style providers send their properties) is used when it is
 * there. Otherwise the function's `ROS_SSO_RESOURCE_TIMEOUT`, otherwise ROS's default.
 */
export function rosWaitOf(event: unknown, environmentSeconds: number | undefined): RosWait {
  const map = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const props = map.ResourceProperties;
  const carried =
    seconds(map.Timeout) ??
    (typeof props === 'object' && props !== null
      ? seconds((props as Record<string, unknown>).Timeout)
      : undefined);
  if (carried !== undefined) return { seconds: carried, from: 'event' };
  if (environmentSeconds !== undefined) return { seconds: environmentSeconds, from: 'environment' };
  return { seconds: ROS_DEFAULT_WAIT_S, from: 'default' };
}

export interface InvocationClock {
  /** When FC started the invocation (FC has no remaining-time call, so the budget starts here). */
  startedAt: number;
  /** `context.function.timeout`, seconds. */
  functionTimeoutS: number;
  now: () => number;
}

/** The one time budget: the smaller of the function's timeout and ROS's wait, less the answer margin. */
export function invocationDeadline(clock: InvocationClock, wait: RosWait): Deadline {
  return createDeadline({
    endsAt: clock.startedAt + clock.functionTimeoutS * 1000,
    answerBy: clock.startedAt + wait.seconds * 1000,
    now: clock.now,
  });
}
