import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One callback ROS would have received. */
export interface ReceivedCallback {
  path: string;
  query: string;
  method: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: Record<string, unknown>;
  /** The status the server answered with. */
  status: number;
}

/** A local stand-in for ROS's presigned ResponseURL: records bodies and can fail on purpose. */
export interface CallbackServer {
  /** A presigned-looking URL on this server; the query string is the part that must never be logged. */
  url(path?: string): string;
  readonly received: ReceivedCallback[];
  /** Only the answers that were accepted (2xx). */
  accepted(): ReceivedCallback[];
  /** The next `count` callbacks (to any path) are answered with `status`. */
  failNext(count: number, status?: number): void;
  /** The next `count` callbacks are received (recorded) at once but answered only after `ms`. */
  delayNext(count: number, ms: number): void;
  close(): Promise<void>;
}

export const SIGNED_QUERY = 'Expires=1900000000&OSSAccessKeyId=presigned-key&Signature=s3cr3tSIGNATUREvalue';

export async function startCallbackServer(): Promise<CallbackServer> {
  const received: ReceivedCallback[] = [];
  let failures: { count: number; status: number } = { count: 0, status: 500 };
  let delays: { count: number; ms: number } = { count: 0, ms: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let status = 200;
      if (failures.count > 0) {
        failures = { ...failures, count: failures.count - 1 };
        status = failures.status;
      }
      const [path = '', query = ''] = (req.url ?? '').split('?');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = { unparsable: raw };
      }
      received.push({ path, query, method: req.method ?? '', headers: req.headers, raw, body, status });
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'ok' : 'error');
      };
      if (delays.count > 0) {
        delays = { ...delays, count: delays.count - 1 };
        setTimeout(answer, delays.ms).unref();
      } else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = '/callback') => `http://127.0.0.1:${port}${path}?${SIGNED_QUERY}`,
    received,
    accepted: () => received.filter((r) => r.status >= 200 && r.status < 300),
    failNext(count, status = 500) {
      failures = { count, status };
    },
    delayNext(count, ms) {
      delays = { count, ms };
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
