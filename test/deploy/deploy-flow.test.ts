import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Io } from '../../cli/io';
import { runDeploy, type Tuning } from '../../deploy/cli';
import { type FakeFc, startFakeFc } from './fake-fc';
import { credentialEnv, makeZip, projectWithZip } from './support';

/** The CLI in this process with real timing shrunk: backoff and polling take milliseconds. */
const FAST: Tuning = {
  retry: { baseMs: 5, capMs: 20, maxAttempts: 5 },
  pollMs: 5,
  readyTimeoutMs: 2_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

describe('ros-sso deploy: retries, readiness and races (in process, fast timing)', () => {
  let fc: FakeFc;
  let project: string;
  const arn = () => `acs:fc:${fc.region}:${fc.accountId}:functions/handler`;
  const calls = () => fc.requests.map((r) => r.action);

  async function deploy(
    extra: string[] = [],
    env: Record<string, string> = credentialEnv(fc),
    tuning: Tuning = FAST,
  ): Promise<Captured> {
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: project,
      env,
    };
    const args = ['deploy', '--region', 'cn-hangzhou', '--function', 'handler', '--endpoint', fc.endpoint];
    const code = await runDeploy([...args, ...extra], io, tuning);
    return { code, stdout, stderr };
  }

  beforeEach(async () => {
    fc = await startFakeFc();
    project = projectWithZip();
  });
  afterEach(() => fc.close());

  it('retries throttling several times with backoff, then succeeds', async () => {
    fc.failNext('GetFunction', { status: 429, code: 'Throttling.User', message: 'user flow control' }, 3);
    fc.failNext('CreateFunction', { status: 503, code: 'ResourceThrottled', message: 'busy' });

    const run = await deploy();

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${arn()}\n`);
    expect(calls()).toEqual([
      'GetFunction',
      'GetFunction',
      'GetFunction',
      'GetFunction',
      'CreateFunction',
      'CreateFunction',
    ]);
    expect(run.stderr.match(/retrying in/g)).toHaveLength(4);
  });

  it('gives up after the last try and says so', async () => {
    fc.failNext('GetFunction', { status: 429, code: 'Throttling', message: 'too many requests' }, 5);

    const run = await deploy();

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /✖ FC kept throttling GetFunction after 5 tries \(Throttling: too many requests\); wait a minute/,
    );
    expect(calls()).toHaveLength(5);
  });

  it('retries a server error and a concurrent update on UpdateFunction', async () => {
    await deploy();
    fc.failNext('UpdateFunction', {
      status: 500,
      code: 'InternalServerError',
      message: 'an internal error has occurred',
    });
    fc.failNext('UpdateFunction', {
      status: 409,
      code: 'ConcurrentUpdateError',
      message: 'concurrent update',
    });

    const run = await deploy(['--timeout', '30']);

    expect(run.code).toBe(0);
    expect(calls().slice(2)).toEqual(['GetFunction', 'UpdateFunction', 'UpdateFunction', 'UpdateFunction']);
    expect(fc.functions.get('handler')?.timeout).toBe(30);
  });

  it('waits while a new function is Pending, then prints the ARN', async () => {
    fc.settleAfter(3);

    const run = await deploy();

    expect(run.stderr).toMatch(
      /^→ waiting for handler to become Active \(state Pending, update Successful\)$/m,
    );
    expect(run.code).toBe(0);
    expect(calls()).toEqual(['GetFunction', 'CreateFunction', 'GetFunction', 'GetFunction', 'GetFunction']);
    expect(JSON.parse((await deploy(['--json'])).stdout)).toMatchObject({ state: 'Active' });
  });

  it('fails when FC reports the update as Failed, with FC’s reason', async () => {
    await deploy();
    fc.settleAfter(1, 'Failed');

    const run = await deploy();

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /✖ FC could not make handler ready \(state Failed, last update Failed\): the role cannot be assumed/,
    );
  });

  it('fails when the function stays Pending past the wait limit', async () => {
    fc.settleAfter(1000);

    const run = await deploy([], credentialEnv(fc), { ...FAST, readyTimeoutMs: 30 });

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /✖ handler is still Pending \(update Successful\) after 0 s; check it in the FC console/,
    );
  });

  it('turns a create that finds the function already there into an update', async () => {
    // Another run created it between our GetFunction and CreateFunction.
    fc.failNext('GetFunction', {
      status: 404,
      code: 'FunctionNotFound',
      message: "function 'handler' does not exist",
    });
    await deploy();
    fc.failNext('GetFunction', {
      status: 404,
      code: 'FunctionNotFound',
      message: "function 'handler' does not exist",
    });

    const run = await deploy(['--timeout', '90']);

    expect(run.stderr).toContain('handler appeared meanwhile; updating it instead');
    expect(run.code).toBe(0);
    expect(calls().slice(2)).toEqual(['GetFunction', 'CreateFunction', 'GetFunction', 'UpdateFunction']);
    expect(fc.functions.get('handler')?.timeout).toBe(90);
  });

  it('reports rejected credentials without retrying', async () => {
    const env = { ...credentialEnv(fc), ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-secret-at-all' };

    const run = await deploy([], env);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /✖ FC rejected the credentials on GetFunction \(SignatureNotMatch: .+\); check ALIBABA_CLOUD_ACCESS_KEY_ID/,
    );
    expect(run.stderr).not.toContain('not-the-secret-at-all');
    expect(calls()).toEqual(['GetFunction']);
  });

  it('reports an unreachable endpoint after retrying', async () => {
    const endpoint = fc.endpoint;
    await fc.close();

    const run = await deploy(['--endpoint', endpoint]);

    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `✖ cannot reach FC at ${endpoint} for GetFunction after 5 tries \\(connect ECONNREFUSED [^)]+\\); check --region`,
      ),
    );
  });

  it('refuses a code package that is not a zip or lacks index.js', async () => {
    project = projectWithZip(Buffer.from('not a zip'));
    const notZip = await deploy();
    project = projectWithZip(makeZip({ 'lib/index.js': 'x' }));
    const noIndex = await deploy();

    expect(notZip.stderr).toBe(
      'ros-sso deploy: ✖ code package dist/fc/code.zip is not a zip archive; run npm run package first, or pass --zip PATH\n',
    );
    expect(noIndex.stderr).toContain('has no index.js at its root (the handler is index.handler)');
    expect([notZip.code, noIndex.code]).toEqual([1, 1]);
    expect(fc.requests).toEqual([]);
  });

  it('needs the account ID for the default endpoint, or exits 2', async () => {
    const io = { stdout: () => {}, cwd: project, env: credentialEnv(fc) };
    let stderr = '';
    const code = await runDeploy(
      ['deploy', '--region', 'cn-hangzhou', '--function', 'f'],
      { ...io, stderr: (t) => (stderr += t) },
      FAST,
    );

    expect(code).toBe(2);
    expect(stderr).toBe(
      'ros-sso deploy: the FC endpoint needs the account ID: pass --account-id or set ALIBABA_CLOUD_ACCOUNT_ID (see ros-sso deploy --help)\n',
    );
  });
});
