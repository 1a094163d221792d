import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The body a provider POSTs to the ResponseURL (ros-protocol.md §1.5). */
export interface ProviderAnswer {
  Status?: string;
  Reason?: string;
  PhysicalResourceId?: string;
  StackId?: string;
  RequestId?: string;
  LogicalResourceId?: string;
  Data?: Record<string, unknown>;
}

interface Expected {
  answers: ProviderAnswer[];
  failuresLeft: number;
  resolve: (answer: ProviderAnswer) => void;
  /** ROS stopped waiting: later answers are refused. */
  expired: boolean;
  /** Answers that came after expiry (refused with 403). */
  late: ProviderAnswer[];
}

export interface CallbackServer {
  /** A presigned-looking ResponseURL for one request, and a promise of its first answer. */
  expect(options?: { failFirst?: number }): {
    url: string;
    requestId: string;
    answer: Promise<ProviderAnswer>;
  };
  /** Every answer received for a request (more than one breaks the protocol). */
  answersFor(requestId: string): readonly ProviderAnswer[];
  /**
   * ROS stopped waiting for this request (its Timeout passed): the URL refuses later answers with
   * 403, as an expired presigned URL does. What ROS's real endpoint answers then is not documented.
   */
  expire(requestId: string): void;
  /** Answers refused because they came after `expire`. */
  lateAnswersFor(requestId: string): readonly ProviderAnswer[];
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

/**
 * Plays ROS's side of the callback on loopback: one URL per request, with a signature-like query
 * string (so that log redaction is exercised), answering 200 once the body is JSON. `failFirst`
 * answers 500 that many times first, to exercise the provider's retries.
 */
export async function startCallbackServer(): Promise<CallbackServer> {
  const expected = new Map<string, Expected>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const id = /^\/ros-callback\/([\w-]+)/.exec(req.url ?? '')?.[1];
    const entry = id ? expected.get(id) : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      if (!entry || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      if (entry.expired) {
        try {
          entry.late.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ProviderAnswer);
        } catch {
          entry.late.push({});
        }
        res.writeHead(403).end('the request has expired');
        return;
      }
      if (entry.failuresLeft > 0) {
        entry.failuresLeft--;
        res.writeHead(500).end('injected callback failure');
        return;
      }
      let body: ProviderAnswer;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ProviderAnswer;
      } catch {
        res.writeHead(400).end('body is not JSON');
        return;
      }
      if (size > 4096)
        body = {
          Status: 'FAILED',
          Reason: `the provider's answer is ${size} bytes; ROS accepts at most 4096`,
        };
      entry.answers.push(body);
      if (entry.answers.length === 1) entry.resolve(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    expect(options = {}) {
      const requestId = randomUUID();
      let resolve!: (a: ProviderAnswer) => void;
      const answer = new Promise<ProviderAnswer>((r) => {
        resolve = r;
      });
      expected.set(requestId, {
        answers: [],
        failuresLeft: options.failFirst ?? 0,
        resolve,
        expired: false,
        late: [],
      });
      const expires = Math.floor(Date.now() / 1000) + 3600;
      const url = `http://127.0.0.1:${port}/ros-callback/${requestId}?Expires=${expires}&Signature=${randomBytes(16).toString('hex')}`;
      return { url, requestId, answer };
    },
    answersFor: (requestId) => expected.get(requestId)?.answers ?? [],
    expire(requestId) {
      const entry = expected.get(requestId);
      if (entry) entry.expired = true;
    },
    lateAnswersFor: (requestId) => expected.get(requestId)?.late ?? [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
