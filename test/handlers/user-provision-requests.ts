import type { World } from './harness';

/** Requests to the Custom::CloudSSOUserProvision handler of a world, answered as ROS would get them. */
export const TYPE = 'Custom::CloudSSOUserProvision';

export async function create(w: World, props: Record<string, unknown>) {
  const result = await w.run(
    w.event({ RequestType: 'Create', ResourceType: TYPE, ResourceProperties: props }),
  );
  const body = w.callbacks.accepted().at(-1)?.body ?? {};
  return { result, body };
}

/** Any request (fields complete the event); the last accepted answer. */
export async function send(w: World, fields: Record<string, unknown>) {
  await w.run(w.event({ ResourceType: TYPE, ...fields }));
  return w.callbacks.accepted().at(-1)?.body ?? {};
}

/** The provisioning ID inside an ownership-recording physical ID (`created:<stack tag>:up-…`). */
export const resourceIdOf = (physicalId: unknown) => String(physicalId).split(':').at(-1) as string;
