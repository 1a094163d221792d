import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { CredentialStore } from './credential-store';
import { FaultInjector, type FaultSpec } from './faults';
import { createState, ramUserAccessKeySecret, upgradeState } from './initial-state';
import { handleRequest, type RecordedRequest } from './request-handler';
import { ReplayGuard } from './replay-guard';
import { loadSeed, type SeedInput } from './seed';
import type { EmulatorCredential } from './signature';
import { type EmulatorState, type StateSnapshot, snapshotState } from './state';

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  seed?: SeedInput;
  faults?: FaultSpec | string;
  /**
   * Replaces the default keys; a key without `accountId` belongs to the management account, one
   * without `ramUser` is that account's own (root) key.
   */
  credentials?: EmulatorCredential[];
  /** A snapshot to continue from (local mode persists state between commands); wins over `seed`. */
  restore?: StateSnapshot;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  endpoint: string;
  /** `127.0.0.1:PORT`, what the SDK's `Config.endpoint` takes. */
  host: string;
  /** The default credential, owned by the management account. */
  accessKeyId: string;
  accessKeySecret: string;
  /** Every configured long-term key, each with its `accountId` filled in (root keys first). */
  credentials: EmulatorCredential[];
  /** The first seeded directory. */
  directoryId: string;
  /** The management account. */
  accountId: string;
  state: EmulatorState;
  snapshot(): StateSnapshot;
  requests: RecordedRequest[];
  setFaults(faults: FaultSpec | string | undefined): void;
  close(): Promise<void>;
}

/**
 * Known, fixed keys so a person can point a CLI at the emulator: each account's own (root) key, then
 * one for every RAM user the seed gave an AccessKey.
 */
function defaultCredentials(state: EmulatorState): EmulatorCredential[] {
  const rootKeys = state.accounts.map((account) =>
    account.isManagement
      ? {
          accessKeyId: 'LTAIemulatorManagement',
          accessKeySecret: 'emulator-secret-management',
          accountId: account.accountId,
        }
      : {
          accessKeyId: `LTAIemulator${account.accountId}`,
          accessKeySecret: `emulator-secret-${account.accountId}`,
          accountId: account.accountId,
        },
  );
  const userKeys = state.accounts.flatMap((account) =>
    account.ramUsers.flatMap((user) =>
      user.accessKeyId === undefined
        ? []
        : [
            {
              accessKeyId: user.accessKeyId,
              accessKeySecret: ramUserAccessKeySecret(user.accessKeyId),
              accountId: account.accountId,
              ramUser: user.userName,
            },
          ],
    ),
  );
  return [...rootKeys, ...userKeys];
}

function resolveCredentials(
  state: EmulatorState,
  given: EmulatorCredential[] | undefined,
): EmulatorCredential[] {
  const credentials = (given ?? defaultCredentials(state)).map((c) => ({
    ...c,
    accountId: c.accountId ?? state.managementAccountId,
  }));
  const seen = new Set<string>();
  for (const c of credentials) {
    if (c.accessKeyId === '' || c.accessKeySecret === '')
      throw new Error('emulator credential: empty access key');
    if (seen.has(c.accessKeyId))
      throw new Error(`emulator credential: duplicate access key id ${c.accessKeyId}`);
    const account = state.accounts.find((a) => a.accountId === c.accountId);
    if (account === undefined) {
      throw new Error(`emulator credential ${c.accessKeyId}: unknown account ${c.accountId}`);
    }
    if (c.ramUser !== undefined && !account.ramUsers.some((u) => u.userName === c.ramUser)) {
      throw new Error(`emulator credential ${c.accessKeyId}: no RAM user ${c.ramUser} in ${c.accountId}`);
    }
    seen.add(c.accessKeyId);
  }
  if (!credentials.some((c) => c.accountId === state.managementAccountId)) {
    throw new Error('emulator credentials: at least one key must belong to the management account');
  }
  return credentials;
}

/** Starts the CloudSSO + IMS emulator on loopback; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = options.restore
    ? upgradeState(structuredClone(options.restore))
    : createState(loadSeed(options.seed));
  const credentials = resolveCredentials(state, options.credentials);
  const management = credentials.find((c) => c.accountId === state.managementAccountId) as EmulatorCredential;
  let faults = new FaultInjector(options.faults);
  const requests: RecordedRequest[] = [];
  const store = new CredentialStore(credentials);
  const replay = new ReplayGuard();

  // A huge query string must still get a JSON answer, so allow long request lines.
  const server = createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    void handleRequest(req, res, {
      state,
      credentials: store,
      faults: () => faults,
      replay,
      record: (entry) => requests.push(entry),
    });
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => answerClientError(err, socket));
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const host = `127.0.0.1:${port}`;
  return {
    endpoint: `http://${host}`,
    host,
    accessKeyId: management.accessKeyId,
    accessKeySecret: management.accessKeySecret,
    credentials,
    directoryId: state.directories[0]?.directoryId ?? '',
    accountId: state.managementAccountId,
    state,
    snapshot: () => snapshotState(state),
    requests,
    setFaults: (spec) => {
      faults = new FaultInjector(spec);
    },
    close: () => closeServer(server),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

/** Requests Node cannot even parse still get the JSON error shape. */
function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    RequestId: '',
    HostId: 'emulator',
    Code: tooLarge ? 'RequestHeaderTooLarge' : 'BadRequest',
    Message: tooLarge ? 'The request line or headers are too large.' : 'The request could not be parsed.',
    Recommend: '',
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
      `content-type: application/json;charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}
