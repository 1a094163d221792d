import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../support/unzip';
import { SIGNED_QUERY } from './callback-server';
import { fcContext, idsOf, ramUsersOf, STS, startWorld, type World } from './harness';

const ROOT = resolve(__dirname, '../..');
const ZIP = join(ROOT, 'dist', 'fc', 'code.zip');

// The function code exactly as FC receives it: `npm run package` (run by pretest) wrote the zip.
describe('the packaged function (dist/fc/code.zip)', () => {
  let dir: string;
  let world: World;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ros-sso-fc-'));
    world = await startWorld();
  });
  afterAll(async () => {
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds exactly one readable index.js of at most 1 MB', () => {
    const entries = unzip(readFileSync(ZIP));
    expect(entries.map((e) => e.name)).toEqual(['index.js']);
    expect(entries[0].data.length).toBeLessThanOrEqual(1024 * 1024);
    expect(entries[0].mode & 0o777).toBe(0o644);
    expect(statSync(ZIP).size).toBeLessThan(entries[0].data.length);
  });

  it('answers a Create end to end when FC calls index.handler in a fresh process', async () => {
    const [entry] = unzip(readFileSync(ZIP));
    writeFileSync(join(dir, 'index.js'), entry.data);
    const ids = idsOf(world.emulator);
    const event = world.event({
      RequestType: 'Create',
      ResourceType: 'Custom::CloudSSOUserProvision',
      ResourceProperties: {
        ServiceToken: 'acs:fc:cn-shanghai:1000000000000000:functions/ros-sso',
        DirectoryId: ids.directoryId,
        PrincipalId: ids.user('carol'),
        PrincipalType: 'User',
        TargetId: ids.account('dev'),
        TargetType: 'RD-Account',
        DuplicationStrategy: 'KeepBoth',
        DeletionStrategy: 'Delete',
      },
    });
    // ServiceToken inside ResourceProperties: ROS is believed not to send it, AWS does; both work.
    // The runtime's calling convention: require the module, call handler(event Buffer, context).
    const script = `
      const { handler } = require(${JSON.stringify(join(dir, 'index.js'))});
      const [event, context] = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
      handler(Buffer.from(event, 'base64'), context).then(
        (r) => process.stdout.write('\\nRESULT ' + JSON.stringify(r) + '\\n'),
        (e) => { process.stderr.write(String(e)); process.exitCode = 1; });`;
    const context = fcContext(world.emulator, { requestId: `fc-${randomUUID()}` });
    // An asynchronous child, so the emulator and callback server in this process keep answering.
    const stdout = await new Promise<string>((done, fail) => {
      const child = spawn(process.execPath, ['-e', script], {
        env: { ...process.env, ...world.env },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.on('error', fail);
      child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`handler process exit ${code}`))));
      child.stdin.end(JSON.stringify([event.toString('base64'), context]));
    });
    const result = stdout.split('\n').find((line) => line.startsWith('RESULT '));
    expect(JSON.parse(String(result).slice('RESULT '.length))).toMatchObject({
      Status: 'SUCCESS',
      delivered: true,
    });
    // Its log lines (stdout, as FC collects them) carry neither the secret nor the signed callback query.
    expect(stdout).toContain('"step"');
    expect(stdout).not.toContain(STS.accessKeySecret);
    expect(stdout).not.toContain(STS.securityToken);
    expect(stdout).not.toContain(SIGNED_QUERY);
    const answer = world.callbacks.accepted().at(-1)?.body ?? {};
    expect(answer).toMatchObject({ Status: 'SUCCESS', LogicalResourceId: 'Provision' });
    expect(String(answer.PhysicalResourceId)).toMatch(/^created:[0-9a-f]{12}:up-/);
    expect(ramUsersOf(world.emulator, ids.account('dev'))).toContain('carol');
  });
});
