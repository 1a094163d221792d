import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli';
import { type FakeFc, startFakeFc } from './fake-fc';
import { cleanEnv, credentialEnv, HANDLER_JS, makeZip, projectWithZip, runCliAsync } from './support';

const ROLE = 'acs:ram::1234567890123456:role/ros-sso-handler';
const NEW_ROLE = 'acs:ram::1234567890123456:role/ros-sso-handler-v2';
const BUILT_PACKAGE = join(ROOT, 'dist', 'fc', 'code.zip');

describe('ros-sso deploy (child process against a fake FC 3.0)', () => {
  let fc: FakeFc;
  let project: string;
  const zip = makeZip({ 'index.js': HANDLER_JS });
  const arn = () => `acs:fc:${fc.region}:${fc.accountId}:functions/ros-sso-handler`;
  const deploy = (extra: string[] = [], env: Record<string, string> = credentialEnv(fc)) =>
    runCliAsync(
      [
        'deploy',
        '--region',
        'cn-hangzhou',
        '--function',
        'ros-sso-handler',
        '--endpoint',
        fc.endpoint,
        ...extra,
      ],
      project,
      cleanEnv(env),
    );
  const calls = () => fc.requests.map((r) => `${r.method} ${r.path}`);

  beforeEach(async () => {
    fc = await startFakeFc({ securityToken: 'sts-token-must-stay-secret' });
    project = projectWithZip(zip);
  });
  afterEach(() => fc.close());

  it('creates the function when GetFunction answers FunctionNotFound, and prints its ARN', async () => {
    const run = await deploy(['--role', ROLE, '--log-project', 'ros-sso-logs', '--log-store', 'handlers']);

    expect(run.stderr).toMatch(/^→ checking function ros-sso-handler in cn-hangzhou$/m);
    expect(run.stderr).toMatch(
      /^→ creating ros-sso-handler \(nodejs20, index\.handler, 512 MB, 900 s, code .+\)$/m,
    );
    expect(run.stderr).toMatch(new RegExp(`^✔ created ${arn()} \\(code .+, \\d+\\.\\d s\\)$`, 'm'));
    expect(run.stdout).toBe(`${arn()}\n`);
    expect(run.code).toBe(0);
    expect(calls()).toEqual(['GET /2023-03-30/functions/ros-sso-handler', 'POST /2023-03-30/functions']);
    expect(fc.requests.map((r) => r.signature)).toEqual(['ok', 'ok']);
    const body = fc.requests[1].body ?? {};
    expect(body).toMatchObject({
      functionName: 'ros-sso-handler',
      runtime: 'nodejs20',
      handler: 'index.handler',
      role: ROLE,
      timeout: 900,
      memorySize: 512,
      logConfig: { project: 'ros-sso-logs', logstore: 'handlers' },
    });
    expect(Buffer.from((body.code as { zipFile: string }).zipFile, 'base64').equals(zip)).toBe(true);
  });

  it('updates the function on a second run with the same inputs, sending the code again', async () => {
    const first = await deploy(['--role', ROLE]);
    const second = await deploy(['--role', ROLE]);

    expect(first.code).toBe(0);
    expect(second.stderr).toMatch(/^→ updating ros-sso-handler \(settings unchanged; code .+\)$/m);
    expect(second.stderr).toMatch(new RegExp(`^✔ updated ${arn()} `, 'm'));
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(0);
    expect(calls().slice(2)).toEqual([
      'GET /2023-03-30/functions/ros-sso-handler',
      'PUT /2023-03-30/functions/ros-sso-handler',
    ]);
    expect(fc.requests.every((r) => r.signature === 'ok')).toBe(true);
    const update = fc.requests[3].body ?? {};
    expect(update).toMatchObject({ runtime: 'nodejs20', handler: 'index.handler', role: ROLE });
    expect(update).not.toHaveProperty('functionName');
    // An update leaves unrequested settings alone: no memory or timeout defaults are re-sent.
    expect(update).not.toHaveProperty('memorySize');
    expect(update).not.toHaveProperty('timeout');
    expect(Buffer.from((update.code as { zipFile: string }).zipFile, 'base64').equals(zip)).toBe(true);
  });

  it('applies a changed role and timeout to an existing function and names the changes', async () => {
    await deploy(['--role', ROLE]);
    const changed = await deploy(['--role', NEW_ROLE, '--timeout', '120', '--memory', '1024']);

    expect(changed.stderr).toContain(`role ${ROLE} → ${NEW_ROLE}`);
    expect(changed.stderr).toContain('memory 512 → 1024 MB');
    expect(changed.stderr).toContain('timeout 900 → 120 s');
    expect(changed.code).toBe(0);
    expect(fc.requests.at(-1)?.body).toMatchObject({ role: NEW_ROLE, timeout: 120, memorySize: 1024 });
    expect(fc.functions.get('ros-sso-handler')).toMatchObject({ role: NEW_ROLE, timeout: 120 });
  });

  it('fails with exit 1 and names the denied action when FC answers 403 AccessDenied', async () => {
    fc.failNext('CreateFunction', {
      status: 403,
      code: 'AccessDenied',
      message: `the caller is not authorized to perform 'fc:CreateFunction' on resource '${arn()}'`,
    });
    const run = await deploy(['--role', ROLE, '--account-id', fc.accountId]);

    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^ros-sso deploy: ✖ fc:CreateFunction denied for this identity on ${arn()} \\(AccessDenied: .+ram:PassRole.+\\[request ID 1-[0-9a-f-]+\\]$`,
      ),
    );
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    expect(calls()).toHaveLength(2); // a denial is not retried
  });

  it('fails with exit 1 on a quota error, without retrying it', async () => {
    fc.failNext('CreateFunction', {
      status: 429,
      code: 'ResourceExhausted',
      message: 'the number of functions in this region has reached the limit of 500',
    });
    const run = await deploy(['--role', ROLE]);

    expect(run.stderr).toMatch(
      /ros-sso deploy: ✖ CreateFunction hit an FC quota in cn-hangzhou \(ResourceExhausted: .+Quota Center/,
    );
    expect(run.code).toBe(1);
    expect(calls()).toHaveLength(2);
  });

  it('retries a throttled call and then succeeds', async () => {
    fc.failNext('GetFunction', {
      status: 429,
      code: 'Throttling.User',
      message: 'Request was denied due to user flow control.',
    });
    const run = await deploy(['--role', ROLE]);

    expect(run.stderr).toMatch(
      /^ {2}GetFunction: Throttling\.User \(HTTP 429\); retrying in \d+\.\d s \(try 2 of 5\)$/m,
    );
    expect(run.stdout).toBe(`${arn()}\n`);
    expect(run.code).toBe(0);
    expect(calls()).toEqual([
      'GET /2023-03-30/functions/ros-sso-handler',
      'GET /2023-03-30/functions/ros-sso-handler',
      'POST /2023-03-30/functions',
    ]);
  });

  it('refuses to run without credentials, before any request', async () => {
    const run = await deploy([], {});

    expect(run.stderr).toBe(
      'ros-sso deploy: ✖ no credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
        '(and ALIBABA_CLOUD_SECURITY_TOKEN for an STS token)\n',
    );
    expect(run.code).toBe(1);
    expect(fc.requests).toEqual([]);
  });

  it('points at npm run package when the code package is missing', async () => {
    const run = await deploy(['--zip', join('dist', 'fc', 'missing.zip')]);

    expect(run.stderr).toBe(
      'ros-sso deploy: ✖ no code package at dist/fc/missing.zip; run npm run package first, or pass --zip PATH\n',
    );
    expect(run.code).toBe(1);
    expect(fc.requests).toEqual([]);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['--region'], '--region needs a value'],
    [['--memory', '100'], '--memory must be a multiple of 64 from 128 to 32768, got 100'],
    [['--timeout', '0'], '--timeout must be an integer from 1 to 86400, got 0'],
    [['--log-project', 'p'], '--log-project and --log-store go together'],
    [['--role', 'admin'], '--role admin is not a RAM role ARN'],
  ])('exits 2 with a one-line hint for %j', async (extra, message) => {
    const run = await deploy(extra);

    expect(run.stderr).toContain(message);
    expect(run.stderr).toMatch(/^ros-sso deploy: .+ \(see ros-sso deploy --help\)\n$/);
    expect(run.code).toBe(2);
    expect(fc.requests).toEqual([]);
  });

  it('exits 2 when --region or --function is missing', async () => {
    const env = cleanEnv(credentialEnv(fc));
    const noRegion = await runCliAsync(
      ['deploy', '--function', 'f', '--endpoint', fc.endpoint],
      project,
      env,
    );
    const noFunction = await runCliAsync(
      ['deploy', '--region', 'cn-hangzhou', '--endpoint', fc.endpoint],
      project,
      env,
    );

    expect(noRegion.stderr).toContain('--region is required');
    expect(noRegion.code).toBe(2);
    expect(noFunction.stderr).toContain('--function is required');
    expect(noFunction.code).toBe(2);
  });

  it('prints one JSON object with --json', async () => {
    const run = await deploy(['--role', ROLE, '--json']);

    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      action: 'created',
      functionArn: arn(),
      functionName: 'ros-sso-handler',
      region: 'cn-hangzhou',
      runtime: 'nodejs20',
      codeSize: zip.length,
      changes: [],
    });
    expect(run.code).toBe(0);
  });

  it('never prints the secret or the security token, even when FC echoes them', async () => {
    fc.failNext('GetFunction', {
      status: 403,
      code: 'AccessDenied',
      message: `token sts-token-must-stay-secret with secret ${fc.credential.accessKeySecret} is not allowed`,
    });
    const run = await deploy(['--json']);

    expect(run.code).toBe(1);
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toContain('sts-token-must-stay-secret');
      expect(output).not.toContain(fc.credential.accessKeySecret);
    }
    expect(run.stderr).toContain('fc:GetFunction denied for this identity');
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: false,
      error: { kind: 'denied', code: 'AccessDenied' },
    });
  });

  // Only where `npm run package` has run: this suite does not build the package itself.
  // pretest runs npm run package, so the real package is always there.
  it('uploads the package npm run package built, by default', async () => {
    const args = [
      'deploy',
      '--region',
      'cn-hangzhou',
      '--function',
      'ros-sso-handler',
      '--endpoint',
      fc.endpoint,
    ];
    const run = await runCliAsync([...args, '--role', ROLE], ROOT, cleanEnv(credentialEnv(fc)));

    expect(run.stderr).toMatch(
      /^→ creating ros-sso-handler \(nodejs20, index\.handler, 512 MB, 900 s, code .+ KB\)$/m,
    );
    expect(run.code).toBe(0);
    expect(fc.code.get('ros-sso-handler')?.equals(readFileSync(BUILT_PACKAGE))).toBe(true);
  });
});
