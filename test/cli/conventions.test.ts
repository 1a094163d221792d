import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, workspace } from '../support/cli';

const TEMPLATE = "ROSTemplateFormatVersion: '2015-09-01'\nResources: {}\n";

/** Each command's help and the options it must list (every option that command accepts). */
const HELP: Array<[args: string[], options: string[]]> = [
  [[], ['--help', '--version']],
  [['lint'], ['--format', '--output', '--config', '--ignore-rule', '--baseline', '--write-baseline']],
  [['lint'], ['--quiet', '--only-templates', '--since', '--max-template-bytes', '--allow-empty']],
  [['rules'], ['--format', '--output', '--help']],
  [['diff'], ['--format', '--help']],
  [['update-info'], ['--format', '--max-template-bytes']],
  [['schemas'], ['update', 'export', 'list', 'info']],
  [
    ['schemas', 'update'],
    ['--types', '--region', '--endpoint', '--force', '--help'],
  ],
  [['schemas', 'export'], ['--output']],
  [['schemas', 'list'], ['--format']],
  [['schemas', 'info'], ['--format']],
  [['local'], ['serve', 'deploy', 'update', 'delete', 'state', 'demo']],
  [
    ['local', 'serve'],
    ['--port', '--seed', '--faults', '--help'],
  ],
  [
    ['local', 'deploy'],
    ['--stack', '--parameter', '--state-dir', '--seed', '--faults'],
  ],
  [
    ['local', 'update'],
    ['--stack', '--parameter', '--replacement', '--state-dir', '--seed', '--faults'],
  ],
  [
    ['local', 'delete'],
    ['--state-dir', '--seed', '--faults'],
  ],
  [
    ['local', 'state'],
    ['--stack', '--format', '--state-dir', '--seed'],
  ],
  [
    ['local', 'demo'],
    ['--keep', '--state-dir', '--seed'],
  ],
  [['deploy'], ['--region', '--function', '--role', '--zip', '--memory', '--cpu', '--timeout', '--json']],
];

describe('--help and -h at every level', () => {
  it.each(HELP.flatMap(([args, options]) => ['--help', '-h'].map((flag) => [[...args, flag], options])))(
    '%j: exit 0, usage on stdout, its options listed',
    (args, options) => {
      const r = runCli(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^Usage: ros-sso/);
      for (const option of options) expect(r.stdout).toContain(option);
    },
  );

  it('wins over a mistake on the same line', () => {
    for (const args of [
      ['lint', '--bogus', '--help'],
      ['local', 'serve', '--nope', '-h'],
      ['deploy', 'x', '--help'],
    ]) {
      const r = runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: ros-sso/);
    }
  });
});

describe('mistakes: one line, a did-you-mean, exit 2', () => {
  it.each([
    [['lnt'], /^ros-sso: unknown command lnt; did you mean lint\? \(see ros-sso --help\)$/],
    [['--versoin'], /unknown option --versoin; did you mean --version\?/],
    [['schemas', 'updte'], /unknown schemas command updte; did you mean update\?/],
    [['local', 'srve'], /unknown local command srve; did you mean serve\?/],
    [
      ['lint', '--formt', 'json'],
      /unknown option --formt; did you mean --format\? \(see ros-sso lint --help\)/,
    ],
    [['rules', '--fromat', 'json'], /unknown option --fromat; did you mean --format\?/],
    [
      ['local', 'serve', '--prot', '1'],
      /unknown option --prot; did you mean --port\? \(see ros-sso local serve --help\)/,
    ],
    [['deploy', '--regoin', 'cn-hangzhou'], /unknown option --regoin; did you mean --region\?/],
    [['schemas', 'update', '--forse'], /unknown option --forse; did you mean --force\?/],
    [['local', 'deploy', 't.yaml', '--stack', 's', '-p', 'Foo'], /--parameter Foo: expected Name=Value/],
    [['lint', '--quiet=yes'], /--quiet takes no value/],
    [['lint', '--config'], /--config needs a value/],
  ])('%j', (args, message) => {
    const r = runCli(args, workspace({ 't.yaml': TEMPLATE }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(message);
  });
});

describe('every accepted option is honoured or refused', () => {
  it('rules -o writes the list to the file', () => {
    const dir = workspace({});
    const r = runCli(['rules', '--format', 'json', '-o', 'rules.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')).length).toBeGreaterThan(10);
  });

  it('local serve refuses --state-dir (its emulator lives in memory), and deploy refuses --replacement', () => {
    const dir = workspace({ 't.yaml': TEMPLATE });
    const serve = runCli(['local', 'serve', '--state-dir', 'x'], dir);
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/unknown option --state-dir/);
    const deploy = runCli(['local', 'deploy', 't.yaml', '--stack', 's', '--replacement'], dir);
    expect(deploy.code).toBe(2);
    expect(existsSync(join(dir, '.ros-sso-local'))).toBe(false);
  });
});

describe('linting zero templates', () => {
  it('is exit 2 with a hint, unless --allow-empty; the pre-commit mode implies it', () => {
    const dir = workspace({ 'package.json': '{"name": "x"}', 'conf/app.yaml': 'a: 1\n' });
    const r = runCli(['lint', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ros-sso: no ROS template to lint in \. .*--allow-empty\n$/);
    expect(runCli(['lint', '.', '--allow-empty'], dir).code).toBe(0);
    expect(runCli(['lint', '--only-templates', 'package.json', 'conf/app.yaml'], dir).code).toBe(0);
  });
});

describe('local serve on a busy port', () => {
  let busy: Server;
  let port = 0;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('is one line, exit 1 (a condition of the machine, not of the command line)', async () => {
    const child = spawn(process.execPath, [BIN, 'local', 'serve', '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(stderr).toBe(`ros-sso: local serve: --port ${port}: the port is in use\n`);
  });
});
