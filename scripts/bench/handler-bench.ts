// Measures the FC function as packaged: cold require of dist/handlers/index.js, bundle size, and the
// per-event overhead of the handler without API latency. Builds nothing: run `node scripts/build.js` first.
// Usage: node scripts/run-ts.js scripts/bench/handler-bench.ts [coldRuns=15] [events=200]
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

interface FcModule {
  createHandler(
    env: Record<string, string>,
    options: { sink: (line: string) => void },
  ): (event: unknown, context: Record<string, unknown>) => Promise<{ Status: string; delivered: boolean }>;
}

const root = process.cwd();
const bundle = join(root, 'dist', 'handlers', 'index.js');
const coldRuns = Number(process.argv[2] ?? 15);
const eventCount = Number(process.argv[3] ?? 200);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function spawnMs(code: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', code], { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node -e ${code} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * A fresh process: require the bundle, then one Create whose first API call is answered by a local
 * stub with a non-retryable 400. This is what the lazily loaded SDK costs the first real event.
 */
const FIRST_CALL = `
const http = require('node:http');
const t0 = process.hrtime.bigint();
const fc = require('./dist/handlers/index.js');
const t1 = process.hrtime.bigint();
const stub = http.createServer((req, res) => { req.resume(); req.on('end', () => {
  const url = req.url || '';
  if (url.startsWith('/cb')) { res.end('ok'); return; }
  res.writeHead(400, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ Code: 'InvalidParameter', Message: 'stub', RequestId: 'R' })); }); });
stub.listen(0, '127.0.0.1', async () => {
  const port = stub.address().port;
  const handler = fc.createHandler({ ROS_SSO_ALLOW_LOOPBACK_CALLBACK: '1',
    ROS_SSO_CLOUDSSO_ENDPOINT: 'http://127.0.0.1:' + port }, { sink: () => {} });
  const props = { DirectoryId: 'd-1', PrincipalId: 'u-1', PrincipalType: 'User', TargetId: '1',
    TargetType: 'RD-Account', DuplicationStrategy: 'KeepBoth', DeletionStrategy: 'Delete' };
  const t2 = process.hrtime.bigint();
  const r = await handler(Buffer.from(JSON.stringify({ RequestType: 'Create', RequestId: 'r', StackId: 's',
    LogicalResourceId: 'L', ResourceType: 'Custom::CloudSSOUserProvision', ResourceProperties: props,
    ResponseURL: 'http://127.0.0.1:' + port + '/cb?x=1' })), { requestId: 'b', function: { timeout: 60 },
    credentials: { accessKeyId: 'a', accessKeySecret: 'b' } });
  const t3 = process.hrtime.bigint();
  if (r.Status !== 'FAILED' || !r.delivered) { console.error(JSON.stringify(r)); process.exit(1); }
  process.stdout.write(JSON.stringify({ require: Number(t1 - t0) / 1e6, firstEvent: Number(t3 - t2) / 1e6 }));
  stub.close();
});`;

function firstCallMs(): { require: number; firstEvent: number } {
  const result = spawnSync(process.execPath, ['-e', FIRST_CALL], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`first-call probe failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { require: number; firstEvent: number };
}

async function perEventMs(): Promise<{ deleteMs: number; updateMs: number }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // The bundle itself, as FC loads it.
  const fc = require(bundle) as FcModule;
  const handler = fc.createHandler(
    { ROS_SSO_ALLOW_LOOPBACK_CALLBACK: '1', ROS_SSO_CLOUDSSO_ENDPOINT: 'http://127.0.0.1:9' },
    { sink: () => {} },
  );
  const context = {
    requestId: 'bench',
    function: { timeout: 60 },
    credentials: { accessKeyId: 'a', accessKeySecret: 'b' },
  };
  const base = {
    ResponseURL: `http://127.0.0.1:${port}/cb?Signature=x`,
    StackId: 'stack',
    LogicalResourceId: 'L',
    ResourceType: 'Custom::CloudSSOUserProvision',
  };
  const props = {
    DirectoryId: 'd-1',
    PrincipalId: 'u-1',
    PrincipalType: 'User',
    TargetId: '1000000000000001',
    TargetType: 'RD-Account',
    DuplicationStrategy: 'KeepBoth',
    DeletionStrategy: 'Delete',
  };
  const events = {
    deleteMs: () => ({
      ...base,
      RequestType: 'Delete',
      PhysicalResourceId: 'ros-sso:create-failed:x',
      ResourceProperties: props,
    }),
    updateMs: () => ({
      ...base,
      RequestType: 'Update',
      PhysicalResourceId: 'up-1',
      ResourceProperties: props,
      OldResourceProperties: { ...props },
    }),
  };
  const out: Record<string, number> = {};
  // A failed event throws: close the server anyway, or the bench would never exit.
  try {
    await timeEvents(events, handler, context, out);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return out as { deleteMs: number; updateMs: number };
}

async function timeEvents(
  events: Record<string, () => Record<string, unknown>>,
  handler: ReturnType<FcModule['createHandler']>,
  context: Record<string, unknown>,
  out: Record<string, number>,
): Promise<void> {
  for (const [name, make] of Object.entries(events)) {
    const times: number[] = [];
    for (let i = 0; i < eventCount + 20; i++) {
      const event = Buffer.from(JSON.stringify({ ...make(), RequestId: randomUUID() }));
      const started = process.hrtime.bigint();
      const result = await handler(event, context);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (result.Status !== 'SUCCESS' || !result.delivered)
        throw new Error(`${name}: ${JSON.stringify(result)}`);
      if (i >= 20) times.push(ms); // the first 20 warm up the JIT and the socket pool
    }
    out[name] = median(times);
  }
}

async function main(): Promise<void> {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run node scripts/build.js first`);
  const size = statSync(bundle).size;
  const empty = median(Array.from({ length: coldRuns }, () => spawnMs('0')));
  const cold = median(Array.from({ length: coldRuns }, () => spawnMs("require('./dist/handlers/index.js')")));
  const firsts = Array.from({ length: Math.min(coldRuns, 9) }, firstCallMs);
  let perEvent: { deleteMs: number; updateMs: number } | undefined;
  let failure = '';
  try {
    perEvent = await perEventMs();
  } catch (err) {
    failure = `failed: ${((err as Error).message ?? String(err)).slice(0, 120)}`;
  }
  const rows: Array<[string, string, string]> = [
    ['bundle size (dist/handlers/index.js)', `${(size / 1024).toFixed(1)} KB (${size} B)`, '≤ 1024 KB'],
    [
      `cold require, median of ${coldRuns}`,
      `${cold.toFixed(1)} ms (node -e 0: ${empty.toFixed(1)} ms, +${(cold - empty).toFixed(1)} ms)`,
      '≤ 150 ms',
    ],
    [
      'in-process: require / first API event (loads the SDK)',
      `${median(firsts.map((f) => f.require)).toFixed(1)} ms / ${median(firsts.map((f) => f.firstEvent)).toFixed(1)} ms`,
      '(information)',
    ],
    [
      `per event: Delete of a failed-create marker, median of ${eventCount}`,
      perEvent ? `${perEvent.deleteMs.toFixed(2)} ms` : failure,
      '≤ 5 ms',
    ],
    [
      `per event: Update with no change, median of ${eventCount}`,
      perEvent ? `${perEvent.updateMs.toFixed(2)} ms` : failure,
      '≤ 5 ms',
    ],
  ];
  for (const [what, value, target] of rows)
    process.stdout.write(`${what.padEnd(62)} ${value.padEnd(48)} target ${target}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
