import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catastrophicPattern,
  deepTree,
  type HostileRun,
  runCli,
  writeHostileCases,
} from '../../scripts/bench/hostile-cases';
import { BIN, workspace } from '../support/cli';

// Every child runs with a 512 MB heap and is killed after 30 s: a hang or a memory blow-up fails
// the case (signal set, or a non-documented exit code), never the whole suite.
const LIMITS = { timeoutMs: 30_000, maxOldSpaceMb: 512 };
// A case may run several children; the suite's default 20 s is for one.
const CASE_TIMEOUT = 90_000;
const run = (args: readonly string[], cwd: string): HostileRun => runCli(BIN, args, cwd, LIMITS);

/** Exit 2 (or 1 for a condition of the machine) is one line on stderr, never a stack trace. */
function expectOneLine(r: HostileRun): void {
  expect(r.signal).toBeNull();
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('hostile inputs through the CLI (the bench cases)', { timeout: CASE_TIMEOUT }, () => {
  const dir = workspace({});
  const cases = writeHostileCases(dir);

  it.each(cases.map((c) => [c.name, c] as const))('%s ends in its documented exit code', (_name, c) => {
    const r = run(c.args, dir);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(c.exit);
    if (c.exit === 2) expectOneLine(r);
    else expect(r.stdout).toMatch(/in 1 file\n$/);
  });

  it('reports the catastrophic pattern as a finding on its Default', () => {
    const r = run(['lint', 'pattern.yaml', '--format', 'json'], dir);
    const results = JSON.parse(r.stdout).results as Array<{ ruleId: string; path: string }>;
    expect(results.map((f) => `${f.ruleId} ${f.path}`)).toEqual(['parameter-default /Parameters/P/Default']);
  });

  it('reports every missing Ref (the did-you-mean stays within its budget)', () => {
    const r = run(['lint', 'refs.yaml', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).summary.errors).toBe(10_000);
  });

  it('refuses an over-long glob and an unclosed brace in one line, exit 2', () => {
    deepTree(dir, 2);
    for (const glob of [`deep/${'*'.repeat(5000)}`, 'deep/{a,{b}/*.yaml']) {
      const r = run(['lint', glob], dir);
      expect(r.status).toBe(2);
      expectOneLine(r);
    }
  });

  it('local deploy checks a catastrophic AllowedPattern against a 10 KB -p value in linear time', () => {
    // A valid template (its Default matches), so local mode goes on to check the value given.
    writeFileSync(join(dir, 'local.yaml'), catastrophicPattern(3).replace('aaa!', 'aaa'));
    const value = `P=${'a'.repeat(10_240)}!`;
    const r = run(
      ['local', 'deploy', 'local.yaml', '--stack', 's', '-p', value, '--state-dir', 'state'],
      dir,
    );
    expect(r.status).toBe(1);
    expectOneLine(r);
    expect(r.stderr).toMatch(/^ros-sso: parameter P: a+! does not match \(a\+\)\+\$\n$/);
  });
});

// ------------------------------------------------------------------------------------------------
// Generated pathological templates: each sample picks sizes and shapes; all go to one directory
// and one child process lints them.

const ODD_KEYS = [
  '',
  ' ',
  '~1',
  'a/b',
  '__proto__',
  'constructor',
  'Fn::Nope',
  'Ref',
  '\u0007bell',
  '键',
  '\u202e',
];

const templateArb = fc.record({
  depth: fc.integer({ min: 0, max: 190 }),
  properties: fc.integer({ min: 0, max: 3000 }),
  refs: fc.integer({ min: 0, max: 2000 }),
  missing: fc.boolean(),
  patternLength: fc.integer({ min: 0, max: 20_000 }),
  pattern: fc.constantFrom('(a+)+$', '(a|a)*b', '(.*a){12}', '^(?=.*\\d)(a+)+$', '(a)\\1+', '[a-z]{,5}'),
  stringLength: fc.integer({ min: 0, max: 100_000 }),
  oddKeys: fc.subarray(ODD_KEYS),
  json: fc.boolean(),
});

type Shape = typeof templateArb extends fc.Arbitrary<infer T> ? T : never;

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { k: value };
  return value;
}

function template(shape: Shape): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    RoleName: 'r',
    AssumeRolePolicyDocument: nested(shape.depth),
  };
  for (let i = 0; i < shape.properties; i++) properties[`P${i}`] = i % 3 ? i : { Ref: 'Param' };
  for (const key of shape.oddKeys) properties[key] = { [key]: key };
  const outputs: Record<string, unknown> = {};
  for (let i = 0; i < shape.refs; i++)
    outputs[`O${i}`] = { Value: { Ref: shape.missing ? `Missing${i}` : 'Param' } };
  return {
    ROSTemplateFormatVersion: '2015-09-01',
    Description: 'x'.repeat(shape.stringLength),
    Parameters: {
      Param: {
        Type: 'String',
        AllowedPattern: shape.pattern,
        Default: `${'a'.repeat(shape.patternLength)}!`,
      },
    },
    Resources: { Role: { Type: 'ALIYUN::RAM::Role', Properties: properties } },
    Outputs: outputs,
  };
}

describe(
  'generated pathological templates and globs (fast-check), through the CLI',
  { timeout: CASE_TIMEOUT },
  () => {
    it('lints every template within the limits: a finding or a pass, never a crash or a hang', () => {
      const shapes = fc.sample(templateArb, { numRuns: 16, seed: 1212 });
      const dir = workspace({});
      shapes.forEach((shape, i) => {
        const doc = template(shape);
        // JSON keeps every key exactly (YAML flow style from JSON.stringify is valid YAML too).
        writeFileSync(join(dir, `t${i}.${shape.json ? 'json' : 'yaml'}`), JSON.stringify(doc));
      });
      const r = run(['lint', '.', '--format', 'json', '--max-template-bytes', '4000000'], dir);
      expect(r.signal).toBeNull();
      expect([0, 1]).toContain(r.status);
      const report = JSON.parse(r.stdout) as {
        summary: { files: number };
        results: Array<{ ruleId: string }>;
      };
      expect(report.summary.files).toBe(shapes.length);
      expect(report.results.filter((f) => f.ruleId === 'rule-error')).toEqual([]);
    });

    const globArb = fc
      .array(fc.constantFrom('**/', '*', '?', '{', '}', ',', 'a', '/', '.yaml', 't', 'deep/'), {
        maxLength: 60,
      })
      .map((parts) => parts.join(''));

    it('matches generated globs in ignorePaths and on the command line: exit 0 or one line exit 2', () => {
      const dir = workspace({});
      deepTree(dir, 25);
      const globs = fc.sample(globArb, { numRuns: 30, seed: 4242 });
      mkdirSync(join(dir, 'conf'), { recursive: true });
      writeFileSync(join(dir, 'conf', 'c.yaml'), `ignorePaths: ${JSON.stringify(globs)}\n`);
      const ignored = run(['lint', '-c', 'conf/c.yaml', 'deep', '--allow-empty'], dir);
      expect(ignored.signal).toBeNull();
      if (ignored.status === 2) expectOneLine(ignored);
      else expect(ignored.status).toBe(0);
      for (const glob of globs.slice(0, 8)) {
        const r = run(['lint', `deep/${glob}`], dir);
        expect(r.signal).toBeNull();
        expect([0, 2]).toContain(r.status);
        if (r.status === 2) expectOneLine(r);
      }
    });
  },
);
