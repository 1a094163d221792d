import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createHandler, type FcContext, type HandlerOptions } from '../../handlers/index';
import type { LifecycleResult } from '../../handlers/lifecycle';
import type { RetryPolicy } from '../../sdk/retry';
import { type RunningEmulator, startEmulator } from '../../local/emulator';
import { type CallbackServer, SIGNED_QUERY, startCallbackServer } from './callback-server';

/** STS-shaped key of the management account; the secret and token must never reach a log line. */
export const STS = {
  accessKeyId: 'STS.NUemulatorHandlerKey',
  accessKeySecret: 'handler-secret-Zk93Lq7Xw2',
  securityToken: 'CAIS-security-token-Qm4RtY8uP0',
};

/** Millisecond backoff so retry tests stay fast. */
export const FAST_RETRY: RetryPolicy = { baseMs: 5, capMs: 40, maxAttempts: 8 };

export interface World {
  emulator: RunningEmulator;
  callbacks: CallbackServer;
  logs: string[];
  env: Record<string, string>;
  run(event: unknown, context?: Partial<FcContext>, options?: HandlerOptions): Promise<LifecycleResult>;
  /** A ROS request for this world, as JSON in a Buffer, like FC delivers it. */
  event(fields: Record<string, unknown>): Buffer;
  close(): Promise<void>;
}

/** The handler exactly as shipped: the esbuild bundle `npm run build` wrote (pretest runs it). */
function builtCreateHandler(): typeof createHandler {
  const bundle = join(__dirname, '..', '..', 'dist', 'handlers', 'index.js');
  return (createRequire(__filename)(bundle) as { createHandler: typeof createHandler }).createHandler;
}

/**
 * GIVEN an emulator, a callback server and an environment pointing at both. `built`: run the bundled
 * dist/handlers/index.js instead of the sources.
 */
export async function startWorld(
  options: {
    env?: Record<string, string>;
    faults?: string;
    emulatorCredentials?: boolean;
    built?: boolean;
  } = {},
): Promise<World> {
  const makeHandler = options.built ? builtCreateHandler() : createHandler;
  const emulator = await startEmulator({
    faults: options.faults,
    credentials: [{ ...STS }],
  });
  const callbacks = await startCallbackServer();
  const logs: string[] = [];
  const env = {
    ROS_SSO_CLOUDSSO_ENDPOINT: emulator.endpoint,
    ROS_SSO_IMS_ENDPOINT: emulator.endpoint,
    ROS_SSO_ALLOW_LOOPBACK_CALLBACK: '1',
    ...options.env,
  };
  return {
    emulator,
    callbacks,
    logs,
    env,
    run(event, context = {}, handlerOptions = {}) {
      const handler = makeHandler(env, {
        sink: (line) => logs.push(line),
        apiRetry: FAST_RETRY,
        callbackRetry: FAST_RETRY,
        ...handlerOptions,
      });
      return handler(event, fcContext(emulator, context));
    },
    event(fields) {
      return Buffer.from(
        JSON.stringify({
          RequestId: randomUUID(),
          ResponseURL: callbacks.url(),
          IntranetResponseURL: callbacks.url('/intranet'),
          StackId: 'b8a3c6f0-1d2e-4f5a-9b7c-0123456789ab',
          StackName: 'sso-stack',
          ResourceOwnerId: emulator.accountId,
          CallerId: emulator.accountId,
          RegionId: 'cn-hangzhou',
          LogicalResourceId: 'Provision',
          ...fields,
        }),
      );
    },
    async close() {
      await emulator.close();
      await callbacks.close();
      // Whatever the test did, no log line may carry a credential or the signed query of a ResponseURL.
      const leaked = [STS.accessKeySecret, STS.securityToken, SIGNED_QUERY.split('Signature=')[1]].filter(
        (secret) => logs.some((line) => line.includes(secret)),
      );
      if (leaked.length > 0) throw new Error(`a log line carries ${leaked.length} secret value(s)`);
    },
  };
}

export function fcContext(emulator: RunningEmulator, overrides: Partial<FcContext> = {}): FcContext {
  return {
    requestId: `fc-${randomUUID()}`,
    credentials: { ...STS },
    function: { name: 'ros-sso', handler: 'index.handler', memory: 256, timeout: 30 },
    region: 'cn-shanghai',
    accountId: emulator.accountId,
    ...overrides,
  };
}

/** Seeded names → IDs. */
export function idsOf(emulator: RunningEmulator) {
  const directory = emulator.state.directories[0];
  if (directory === undefined) throw new Error('no directory');
  const user = (name: string) => directory.users.find((u) => u.userName === name)?.userId as string;
  const group = (name: string) => directory.groups.find((g) => g.groupName === name)?.groupId as string;
  const account = (name: string) =>
    emulator.state.accounts.find((a) => a.displayName === name)?.accountId as string;
  return { directoryId: directory.directoryId, user, group, account };
}

/** Valid Custom::CloudSSOUserProvision properties: alice → dev, KeepBoth, Delete, unless overridden. */
export function userProvisionProps(
  w: World,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const ids = idsOf(w.emulator);
  return {
    DirectoryId: ids.directoryId,
    PrincipalId: ids.user('alice'),
    PrincipalType: 'User',
    TargetId: ids.account('dev'),
    TargetType: 'RD-Account',
    DuplicationStrategy: 'KeepBoth',
    DeletionStrategy: 'Delete',
    ...overrides,
  };
}

export function ramUsersOf(emulator: RunningEmulator, accountId: string): string[] {
  return (emulator.snapshot().accounts.find((a) => a.accountId === accountId)?.ramUsers ?? [])
    .map((u) => u.userName)
    .sort();
}

export function apiCalls(emulator: RunningEmulator, action?: string) {
  return emulator.requests.filter((r) => action === undefined || r.action === action);
}
