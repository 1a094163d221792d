import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, workspace } from '../support/cli';

interface Closed {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** What the stream that stayed open got. */
  other: string;
}

/**
 * Runs the CLI with one of its output pipes closed before it writes anything, as `ros-sso … | head`
 * leaves it once head has had enough: every write to that pipe fails with EPIPE.
 */
function withClosedPipe(args: readonly string[], closed: 'stdout' | 'stderr', cwd = ROOT): Promise<Closed> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child[closed].destroy();
    let other = '';
    child[closed === 'stdout' ? 'stderr' : 'stdout'].on('data', (chunk: Buffer) => {
      other += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, other });
    });
  });
}

// Many findings, so that the report is far larger than a pipe buffer.
const NOISY = `ROSTemplateFormatVersion: '2015-09-01'\nResources:\n${Array.from(
  { length: 400 },
  (_, i) =>
    `  R${i}:\n    Type: ALIYUN::RAM::User\n    Properties: {UserName: u${i}, Nope${i}: 1, DisplayName: {Ref: Missing${i}}}\n`,
).join('')}`;

describe('a closed output pipe (ros-sso … | head) is a quiet exit with the command’s own code', () => {
  const dir = workspace({ 'noisy.yaml': NOISY, 'other.yaml': NOISY.replace('u0,', 'v0,') });
  const cases: Array<[string, string[], number]> = [
    ['lint (findings: exit 1)', ['lint', '.'], 1],
    ['lint --format sarif', ['lint', '.', '--format', 'sarif'], 1],
    ['diff', ['diff', 'noisy.yaml', 'other.yaml'], 0],
    ['update-info', ['update-info', 'noisy.yaml'], 0],
    ['rules', ['rules', '--format', 'markdown'], 0],
    ['--help', ['--help'], 0],
    ['local demo', ['local', 'demo'], 0],
    ['deploy --help', ['deploy', '--help'], 0],
  ];

  it.each(cases)('%s with stdout closed', async (_name, args, code) => {
    const r = await withClosedPipe(args, 'stdout', dir);
    expect(r.other).toBe('');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(code);
  });

  it('a usage error with stderr closed still exits 2, and prints nothing on stdout', async () => {
    const r = await withClosedPipe(['lint', '--no-such-flag'], 'stderr', dir);
    expect(r).toEqual({ code: 2, signal: null, other: '' });
  });
});
