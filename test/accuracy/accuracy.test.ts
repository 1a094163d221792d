import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, workspace } from '../support/cli';

/** `npm run accuracy -- …` without npm: the same command the script entry runs. */
function accuracy(args: readonly string[]) {
  const r = spawnSync(process.execPath, ['scripts/run-ts.js', 'scripts/accuracy/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// One error (a Ref to nothing) and one warning (a type nobody defines) per file.
const TEMPLATE = (name: string) => `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Size:
    Type: Number
    Default: 1
Resources:
  ${name}:
    Type: ALIYUN::NoSuchService::NoSuchThing
    Properties:
      Size:
        Ref: Sizee
`;
const POINTER = (name: string) => `/Resources/${name}/Properties/Size/Ref`;

function corpus(): string {
  return workspace({
    'a/first.yaml': TEMPLATE('First'),
    'second.yml': TEMPLATE('Second'),
    'notes.yaml': 'not: a template\n',
  });
}

const verified = (file: string, name: string) => ({
  file,
  rule: 'ref-unknown-target',
  pointer: POINTER(name),
  evidence: 'Ref names a parameter, resource or local (https://example.invalid/ref); Sizee is none',
});

function expectationsFile(dir: string, expected: unknown[], extra: Record<string, unknown> = {}): string {
  const path = join(dir, 'expected.json');
  writeFileSync(path, JSON.stringify({ complete: false, expected, ...extra }));
  return path;
}

describe('npm run accuracy', () => {
  it('passes when every error is a verified true positive, and prints counts per rule and severity', () => {
    const dir = corpus();
    const file = expectationsFile(dir, [verified('a/first.yaml', 'First'), verified('second.yml', 'Second')]);
    const r = accuracy([dir, '--expectations', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 templates in /);
    expect(r.stdout).toMatch(/^ref-unknown-target\s+2\s+0\s+0$/m);
    expect(r.stdout).toMatch(/^OK: every error is a verified true positive \(2 expected, all reported\)$/m);
  });

  it('fails on an error that is not in the expectations, naming file, rule and pointer', () => {
    const dir = corpus();
    const file = expectationsFile(dir, [verified('a/first.yaml', 'First')]);
    const r = accuracy([dir, '--expectations', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Unexpected errors (1)');
    expect(r.stdout).toMatch(new RegExp(`second\\.yml:11:\\d+  ref-unknown-target  ${POINTER('Second')}`));
    expect(r.stdout).toMatch(/^FAIL: 1 unexpected error\(s\)$/m);
  });

  it('fails when an expected true positive is no longer reported (recall)', () => {
    const dir = corpus();
    const gone = { ...verified('second.yml', 'Second'), pointer: '/Resources/Second/Properties/Gone/Ref' };
    const file = expectationsFile(dir, [
      verified('a/first.yaml', 'First'),
      verified('second.yml', 'Second'),
      gone,
    ]);
    const r = accuracy([dir, '--expectations', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.unexpected).toEqual([]);
    expect(report.missing).toEqual([gone]);
    const text = accuracy([dir, '--expectations', file]);
    expect(text.stdout).toContain('Expected errors no longer reported (1)');
    expect(text.stdout).toContain('/Resources/Second/Properties/Gone/Ref');
    expect(text.stdout).toContain(`evidence: ${gone.evidence}`);
  });

  it('counts warnings and infos as ros-sso lint reports them, and holds a warning budget', () => {
    const dir = corpus();
    const file = expectationsFile(dir, [verified('a/first.yaml', 'First'), verified('second.yml', 'Second')]);
    const r = accuracy([dir, '--expectations', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const lint = runCli(['lint', '.', '--format', 'json'], dir, {
      ROS_SSO_SCHEMA_CACHE: join(dir, 'no-cache'),
    });
    const results: Array<{ severity: string }> = JSON.parse(lint.stdout).results;
    const count = (s: string) => results.filter((f) => f.severity === s).length;
    expect(report.files).toBe(2);
    expect(report.totals).toEqual({ error: 2, warning: count('warning'), info: count('info') });
    // A made-up ALIYUN:: type is neither defined nor listed anywhere: a warning, once per file.
    expect(report.totals.warning).toBe(2);
    expect(report.byRule).toContainEqual({ rule: 'resource-no-schema', error: 0, warning: 2, info: 0 });
    expect(accuracy([dir, '--expectations', file, '--max-warnings', '2']).code).toBe(0);
    const over = accuracy([dir, '--expectations', file, '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/^Warnings: 2 \(budget 1\); infos: 0$/m);
    expect(over.stdout).toMatch(/^FAIL: 2 warnings, more than the budget of 1$/m);
  });

  it('exits 2 with one line on usage and input errors', () => {
    const dir = corpus();
    const noEvidence = expectationsFile(dir, [{ ...verified('second.yml', 'Second'), evidence: ' ' }]);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"complete": false, "expected": [');
    const cases: Array<[string[], RegExp]> = [
      [[], /give exactly one corpus folder/],
      [[dir, dir], /give exactly one corpus folder/],
      [[join(dir, 'missing')], /no such folder/],
      [[join(dir, 'a', 'first.yaml')], /no such folder/],
      [[dir, '--format', 'sarif'], /--format must be text or json/],
      [[dir, '--max-warnings', 'many'], /--max-warnings must be a whole number/],
      [[dir, '--bogus'], /Unknown option '--bogus'/],
      [[dir, '--expectations', join(dir, 'nope.json')], /cannot read expectations .*ENOENT/],
      [[dir, '--expectations', broken], /not JSON/],
      [[dir, '--expectations', noEvidence], /expected\[0\]: no evidence/],
      [[workspace({ 'x.yaml': 'a: 1\n' })], /no ROS templates under/],
    ];
    for (const [args, message] of cases) {
      const r = accuracy(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('writes candidates for review that keep verified evidence and cannot pass unreviewed', () => {
    const dir = corpus();
    const known = verified('a/first.yaml', 'First');
    const file = expectationsFile(dir, [known], { corpus: 'a test corpus' });
    const out = join(dir, 'candidates.json');
    const w = accuracy([dir, '--expectations', file, '--write-expectations', out]);
    expect(w.code).toBe(0);
    expect(w.stderr).toMatch(/wrote 2 errors to/);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.corpus).toBe('a test corpus');
    expect(written.complete).toBe(false);
    expect(written.expected).toEqual([
      known,
      {
        file: 'second.yml',
        rule: 'ref-unknown-target',
        pointer: POINTER('Second'),
        evidence: '',
        candidate: expect.stringContaining('Sizee'),
      },
    ]);
    expect(accuracy([dir, '--expectations', out]).code).toBe(2);
    written.expected[1].evidence = 'checked: Sizee is declared nowhere';
    writeFileSync(out, JSON.stringify(written));
    expect(accuracy([dir, '--expectations', out]).code).toBe(0);
  });

  it('has a committed expectations file of verified entries, each with a documented reason', () => {
    const path = join(ROOT, 'scripts', 'accuracy', 'expectations', 'ros-templates.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(typeof file.complete).toBe('boolean');
    expect(file.expected.length).toBeGreaterThan(0);
    for (const e of file.expected) {
      expect(Object.keys(e).sort()).toEqual(['evidence', 'file', 'pointer', 'rule']);
      expect(e.evidence).toMatch(/https:\/\/(help\.aliyun\.com|www\.alibabacloud\.com)\//);
    }
    // It loads: on a corpus without those files, every entry is reported missing (exit 1, not 2).
    const r = accuracy([corpus(), '--expectations', path, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).missing).toHaveLength(file.expected.length);
  });
});
