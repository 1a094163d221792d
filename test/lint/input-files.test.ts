import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, runCli, workspace } from '../support/cli';
import { USER_PROVISION } from '../support/templates';

const GOOD = USER_PROVISION;
const BAD = GOOD.replace('DeletionStrategy: Keep', 'DeletionStrategy: Remove');
const BAD_FINDING = "12:25  error  property-allowed-values  'Remove' is not allowed";

/** The CLI under a 3 GB address-space limit: reading /dev/zero would abort it, not the machine. */
function runBounded(args: readonly string[], cwd: string): CliResult {
  const quoted = [BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const r = spawnSync('sh', ['-c', `ulimit -v 3000000; exec '${process.execPath}' ${quoted}`], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One line on stderr, nothing on stdout, exit 2: how a file that cannot be used is refused. */
function expectOneLine(r: CliResult, pattern: RegExp): void {
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.code).toBe(2);
}

let dir: string;
let socketServer: Server;

beforeAll(async () => {
  dir = workspace({ 'good.yaml': GOOD, 'bad.yaml': BAD, 'sub/.keep': '' });
  execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
  socketServer = createServer();
  await new Promise<void>((done) => socketServer.listen(join(dir, 'socket.yaml'), done));
});
afterAll(() => new Promise<void>((done) => socketServer.close(() => done())));

describe('files that are not regular files (child process, never a hang)', () => {
  it.each([
    ['fifo.yaml', 'a FIFO \\(named pipe\\)'],
    ['/dev/zero', 'a character device'],
    ['socket.yaml', 'a socket'],
  ])('a template %s is a finding, exit 1', (file, what) => {
    const r = runBounded(['lint', file, 'good.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^\\S*${file.replace(/\./g, '\\.')}:1:1  error  template-parse-error  \\S+ is ${what}, not a regular file; not read$`,
        'm',
      ),
    );
    expect(r.stdout).toContain('in 2 files');
    expect(r.stderr).toBe('');
  });

  it('a FIFO or a socket inside a directory is not a template and is left alone', () => {
    const r = runCli(['lint', '.'], dir);
    expect(r.stdout).toContain(`bad.yaml:${BAD_FINDING}`);
    expect(r.stdout).not.toContain('fifo.yaml');
    expect(r.stdout).not.toContain('socket.yaml');
    expect(r.stdout).toContain('in 2 files');
  });

  for (const [file, what] of [
    ['fifo.yaml', 'a FIFO \\(named pipe\\)'],
    ['/dev/zero', 'a character device'],
    ['sub', 'a directory'],
  ] as const) {
    it(`${file} as --config, --baseline, diff, update-info and local input is one line, exit 2`, () => {
      const line = (label: string) =>
        new RegExp(`^ros-sso: ${label}${file} is ${what}, not a regular file\\n$`);
      expectOneLine(runBounded(['lint', 'good.yaml', '--config', file], dir), line('config '));
      expectOneLine(runBounded(['lint', 'good.yaml', '--baseline', file], dir), line('baseline '));
      expectOneLine(runBounded(['diff', 'good.yaml', file], dir), line(''));
      expectOneLine(runBounded(['diff', file, 'good.yaml'], dir), line(''));
      expectOneLine(runBounded(['update-info', file], dir), line(''));
      const state = ['--state-dir', join(dir, `.state-${file.replace(/\W/g, '')}`)];
      expectOneLine(runBounded(['local', 'state', '--seed', file, ...state], dir), line('seed file '));
      expectOneLine(runBounded(['local', 'deploy', file, '--stack', 'S', ...state], dir), line(''));
    });
  }
});

describe('size limits', () => {
  const big = `${GOOD}Description: '${'a'.repeat(600_000)}'\n`;
  const bigDir = workspace({
    'big.yaml': big,
    // A lock file is no template, however large: never reported.
    'package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: { x: 'y'.repeat(900_000) } }),
    // A template whose marker comes after a large section (sorted JSON keys) is still found.
    'sorted.json': JSON.stringify({
      Parameters: { P: { Type: 'String', Default: 'p'.repeat(700_000) } },
      ROSTemplateFormatVersion: '2015-09-01',
    }),
  });

  it("refuses a template over ROS's 524,288 bytes, naming the file, its size and the limit", () => {
    const r = runCli(['lint', 'big.yaml'], bigDir);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      `big.yaml:1:1  error  template-parse-error  big.yaml is ${big.length.toLocaleString('en-US')} bytes, over the limit of 524,288 bytes (ROS's limit for a template body; limits.templateBytes in the config or --max-template-bytes changes it); not read`,
    );
  });

  it('reports large templates found in a directory, and never a large file that is not one', () => {
    const r = runCli(['lint', '.', '--format', 'json'], bigDir);
    const results = JSON.parse(r.stdout).results as Array<{ file: string; message: string }>;
    expect(results.map((f) => f.file)).toEqual(['big.yaml', 'sorted.json']);
    expect(results[1].message).toMatch(/^sorted\.json is 700,\d{3} bytes, over the limit of 524,288 bytes/);
  });

  it('takes another limit from --max-template-bytes or limits.templateBytes, the flag first', () => {
    expect(runCli(['lint', 'big.yaml', '--max-template-bytes', '700000'], bigDir).code).toBe(0);
    writeFileSync(join(bigDir, 'limits.yaml'), 'limits:\n  templateBytes: 700000\n');
    expect(runCli(['lint', 'big.yaml', '-c', 'limits.yaml'], bigDir).code).toBe(0);
    const r = runCli(['lint', 'big.yaml', '-c', 'limits.yaml', '--max-template-bytes', '1000'], bigDir);
    expect(r.stdout).toMatch(/over the limit of 1,000 bytes \(set by limits\.templateBytes/);
    expect(runCli(['diff', 'big.yaml', 'big.yaml'], bigDir).code).toBe(2);
    expect(runCli(['diff', 'big.yaml', 'big.yaml', '-c', 'limits.yaml'], bigDir).code).toBe(0);
    expect(runCli(['update-info', 'big.yaml', '--max-template-bytes', '700000'], bigDir).code).toBe(0);
  });

  it('limits a baseline by limits.baselineBytes, and rejects bad limits and values', () => {
    writeFileSync(join(bigDir, 'base.json'), JSON.stringify({ version: 1, findings: [] }));
    writeFileSync(join(bigDir, 'small.yaml'), 'limits: {baselineBytes: 10}\n');
    expectOneLine(
      runCli(['lint', 'big.yaml', '-c', 'small.yaml', '--baseline', 'base.json'], bigDir),
      /^ros-sso: baseline base\.json is 27 bytes, over the limit of 10 bytes \(limits\.baselineBytes in the config changes it\)\n$/,
    );
    for (const [config, message] of [
      ['limits: {templateBytes: 0}', 'limits.templateBytes: expected a positive whole number of bytes'],
      ['limits: {templateBytes: 1.5}', 'limits.templateBytes: expected a positive whole number of bytes'],
      ['limits: {toString: 5}', 'limits: unknown key toString (expected templateBytes, baselineBytes)'],
      ['limits: 5', 'limits: must map templateBytes and baselineBytes to sizes'],
    ]) {
      writeFileSync(join(bigDir, 'x.yaml'), `${config}\n`);
      expectOneLine(
        runCli(['lint', 'big.yaml', '-c', 'x.yaml'], bigDir),
        new RegExp(`^ros-sso: x\\.yaml: ${message.replace(/[.()]/g, '\\$&')}\\n$`),
      );
    }
    for (const value of ['0', '-1', '1e6', 'lots'])
      expectOneLine(
        runCli(['lint', 'big.yaml', `--max-template-bytes=${value}`], bigDir),
        /^ros-sso: --max-template-bytes: expected a positive whole number of bytes/,
      );
  });

  it('refuses a config file over 1 MiB with one line', () => {
    writeFileSync(join(bigDir, 'huge.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    expectOneLine(
      runCli(['lint', 'big.yaml', '-c', 'huge.yaml'], bigDir),
      /^ros-sso: config huge\.yaml is 1,048,579 bytes, over the limit of 1,048,576 bytes\n$/,
    );
  });
});

describe('encodings', () => {
  const bom = '\uFEFF';
  const utf32 = (text: string, littleEndian: boolean) => {
    const out = Buffer.alloc([...text].length * 4);
    [...text].forEach((c, i) =>
      littleEndian
        ? out.writeUInt32LE(c.codePointAt(0)!, i * 4)
        : out.writeUInt32BE(c.codePointAt(0)!, i * 4),
    );
    return out;
  };
  const encodings: Record<string, Buffer> = {
    'utf16le-bom.yaml': Buffer.from(bom + BAD, 'utf16le'),
    'utf16be-bom.yaml': Buffer.from(bom + BAD, 'utf16le').swap16(),
    'utf16le-nobom.yaml': Buffer.from(BAD, 'utf16le'),
    'utf32le-bom.yaml': utf32(bom + BAD, true),
    'utf32be-bom.yaml': utf32(bom + BAD, false),
    'utf8-bom.yaml': Buffer.from(bom + BAD, 'utf8'),
  };

  it('decodes UTF-16 and UTF-32 (by BOM, or by YAML 1.2 detection) when named and in a directory', () => {
    const encDir = workspace({});
    for (const [name, bytes] of Object.entries(encodings)) writeFileSync(join(encDir, name), bytes);
    for (const args of [['.'], Object.keys(encodings)]) {
      const r = runCli(['lint', ...args], encDir);
      const lines = r.stdout.trim().split('\n');
      // The same finding at the same place as in UTF-8, for every file.
      expect(lines.slice(0, -2).sort()).toEqual(
        Object.keys(encodings)
          .map((name) => `${name}:${BAD_FINDING}; expected one of 'Delete', 'Keep'`)
          .sort(),
      );
      expect(r.stdout).toContain('in 6 files');
    }
  });

  it('reports invalid UTF-8 (and broken UTF-16) with its line and column', () => {
    const encDir = workspace({});
    writeFileSync(join(encDir, 'latin1.yaml'), Buffer.from(`${GOOD}Description: 'caf\xe9'\n`, 'latin1'));
    writeFileSync(
      join(encDir, 'odd.yaml'),
      Buffer.concat([Buffer.from(bom + GOOD, 'utf16le'), Buffer.from([0x41])]),
    );
    // Not a template (no marker) and not valid UTF-8: a binary file in a directory is left alone.
    writeFileSync(join(encDir, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0x13]));
    const r = runCli(['lint', '.'], encDir);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'latin1.yaml:13:18  error  template-parse-error  not valid UTF-8 at line 13, column 18 (byte 0xe9); save the file as UTF-8',
      'odd.yaml:13:1  error  template-parse-error  not valid UTF-16LE at line 13, column 1 (an odd number of bytes); save the file as UTF-8',
    ]);
    expect(r.stdout).toContain('in 2 files');
    expectOneLine(
      runCli(['diff', 'latin1.yaml', 'latin1.yaml'], encDir),
      /^ros-sso: latin1\.yaml is not valid UTF-8 at line 13, column 18/,
    );
  });
});

describe('terminal control characters from a template', () => {
  // YAML escapes put ESC (CSI colour, OSC title), BEL, CR and a C1 CSI into a resource type.
  const hostile = `${GOOD}  Evil:\n    Type: "ALIYUN::RAM::Usr\\e[31mRED\\e]0;pwned\\a\\r\\x9b2J\\u202e"\n`;
  const evilDir = workspace({ 'evil.yaml': hostile, 'old.yaml': GOOD });
  // Anything a terminal or the Actions log would act on; tab and newline are the only ones allowed.
  const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

  it.each(['text', 'github'])('are escaped in the %s format', (format) => {
    const r = runCli(['lint', 'evil.yaml', '--format', format], evilDir);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('ALIYUN::RAM::Usr\\x1B[31mRED\\x1B]0;pwned\\x07');
    // CR: a space in text (one line per finding), %0D in an annotation (the runner's own escape).
    expect(r.stdout).toContain(format === 'text' ? ' \\x9B2J\\u202E' : '%0D\\x9B2J\\u202E');
  });

  it('are escaped in diff and update-info text and in error lines', () => {
    for (const args of [
      ['diff', 'old.yaml', 'evil.yaml'],
      ['update-info', 'evil.yaml'],
    ]) {
      const r = runCli(args, evilDir);
      expect(r.stdout + r.stderr).not.toMatch(RAW_CONTROL);
    }
    const r = runCli(['lint', 'x\u001bc.yaml'], evilDir);
    expectOneLine(r, /^ros-sso: no such file or directory: x\\x1Bc\.yaml\n$/);
  });

  it('are kept as JSON escapes (exact values) in json and SARIF', () => {
    const r = runCli(['lint', 'evil.yaml', '--format', 'json'], evilDir);
    expect(r.stdout.trimEnd()).not.toMatch(/[\u0000-\u001f]/);
    expect(
      JSON.parse(r.stdout).results.some((f: { message: string }) => f.message.includes('\u001b[31m')),
    ).toBe(true);
  });
});

describe('generated hostile files (fast-check), linted by one child process', () => {
  // Pieces a hostile or broken file is made of: BOMs, NULs, invalid UTF-8, controls, template text.
  const piece = fc.oneof(
    fc.constantFrom(
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from([0xff, 0xfe]),
      Buffer.from([0xfe, 0xff]),
      Buffer.from([0xff, 0xfe, 0, 0]),
      Buffer.from([0, 0, 0xfe, 0xff]),
      Buffer.from([0]),
      Buffer.from([0xc3, 0x28]),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from([0xf4, 0x90, 0x80, 0x80]),
      Buffer.from('\u001b[2J\u001b]0;x\u0007\u009b\u202e', 'utf8'),
      Buffer.from('"\\e[31m\\x9b\\u202e"'),
      Buffer.from(GOOD, 'utf8'),
      Buffer.from(GOOD, 'utf16le'),
      Buffer.from('ROSTemplateFormatVersion: ', 'utf8'),
    ),
    fc.uint8Array({ maxLength: 24 }).map((a) => Buffer.from(a)),
  );
  const file = fc.array(piece, { maxLength: 8 }).map((parts) => Buffer.concat(parts));

  it('every file is linted or reported, exit 0 or 1, nothing raw reaches the terminal', () => {
    const files = fc.sample(file, { numRuns: 40, seed: 1207 });
    const fuzzDir = workspace({});
    const names = files.map((bytes, i) => {
      const name = `f${i}.yaml`;
      writeFileSync(join(fuzzDir, name), bytes);
      return name;
    });
    for (const format of ['text', 'github']) {
      const r = runBounded(['lint', '--format', format, ...names], fuzzDir);
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).toBe('');
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      if (format === 'text') expect(r.stdout).toMatch(/in 40 files\n$/);
    }
    // In a directory the same files are linted or skipped, never an error of the run.
    const r = runBounded(['lint', '.', '--format', 'json'], fuzzDir);
    expect([0, 1]).toContain(r.code);
    expect(JSON.parse(r.stdout).summary.files).toBeLessThanOrEqual(40);
  });
});
