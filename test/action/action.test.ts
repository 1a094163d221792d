import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli';
import { GIT_ENV, repository } from '../support/git';
import sarifSchema from '../lint/formatters/sarif-schema-2.1.0.json';
import {
  type CompositeAction,
  type CompositeRun,
  readYaml,
  runComposite,
  type Step,
} from './composite-runner';

const action = readYaml<CompositeAction & { name: string }>(join(ROOT, 'action.yml'));
const example = readYaml<{
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}>(join(ROOT, 'examples', 'github-actions-lint.yml'));

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validSarif = ajv.compile(sarifSchema);

const GOOD = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  User:
    Type: ALIYUN::RAM::User
    Properties: {UserName: alice}
`;
// A misspelt parameter key is a warning (an unknown property against bundled data is only info).
const WARN = GOOD.replace(
  'Resources:',
  'Parameters:\n  Name: {Type: String, Default: alice, Labell: x}\nResources:',
).replace('{UserName: alice}', '{UserName: {Ref: Name}}');
const BAD = GOOD.replace('{UserName: alice}', '{UserName: {Ref: Missing}}');

/** A checked-out repository, as actions/checkout leaves GITHUB_WORKSPACE. */
const checkout = repository;

// GITHUB_ACTION_PATH is this repository, built by pretest, so the install step finds dist/.
const run = (dir: string, inputs: Record<string, string> = {}) =>
  runComposite(action, { actionPath: ROOT, workspace: dir, with: inputs, env: GIT_ENV });

const step = (r: CompositeRun, name: string) => {
  const found = r.steps.find((s) => s.step.name === name || s.step.uses?.startsWith(name));
  if (!found) throw new Error(`no step ${name}`);
  return found;
};

function sarifAt(dir: string, file = 'ros-sso.sarif') {
  const log = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  expect(validSarif(log), JSON.stringify(validSarif.errors)).toBe(true);
  return log as { runs: Array<{ results: Array<{ ruleId: string; level: string; locations: unknown[] }> }> };
}

describe('action.yml (composite, its run steps executed as a runner would)', () => {
  it('is a composite action on Node 20 whose scripts never paste an input into their text', () => {
    expect(action.runs.using).toBe('composite');
    const setup = action.runs.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe(20);
    for (const s of action.runs.steps.filter((s) => s.run)) expect(s.run, s.name).not.toMatch(/\$\{\{/);
    for (const input of [
      'paths',
      'format',
      'since',
      'config',
      'baseline',
      'fail-on',
      'sarif-file',
      'upload-sarif',
    ])
      expect(Object.keys(action.inputs)).toContain(input);
  });

  it('prints annotations, writes valid SARIF, uploads it and fails on errors (exit 1)', () => {
    const dir = checkout({ 'stacks/good.yaml': GOOD, 'stacks/bad.yaml': BAD });
    const r = run(dir);
    const lint = step(r, 'Lint');
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(
      /^::error file=stacks\/bad\.yaml,line=5,col=\d+,.*title=ref-unknown-target::/m,
    );
    expect(r.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'ros-sso.sarif' });
    const log = sarifAt(dir);
    expect(log.runs[0].results.map((x) => x.ruleId)).toEqual(['ref-unknown-target']);
    const upload = step(r, 'github/codeql-action/upload-sarif');
    expect(upload).toMatchObject({
      status: 'used',
      with: { sarif_file: 'ros-sso.sarif', category: 'ros-sso' },
    });
    expect(step(r, 'Verdict').code).toBe(1);
    expect(r.code).toBe(1);
  });

  it('passes a clean repository, and fail-on decides what fails', () => {
    const clean = checkout({ 'a.yaml': GOOD });
    expect(run(clean).code).toBe(0);
    const warned = checkout({ 'a.yaml': WARN });
    const warnRun = run(warned);
    expect(step(warnRun, 'Lint').stdout).toMatch(/^::warning file=a\.yaml/m);
    expect(warnRun.code).toBe(0);
    const strict = run(warned, { 'fail-on': 'warning' });
    expect(step(strict, 'Verdict').stdout).toContain('ros-sso: 1 warning(s) and fail-on: warning');
    expect(strict.code).toBe(1);
    const erred = checkout({ 'a.yaml': BAD });
    expect(run(erred, { 'fail-on': 'never' }).code).toBe(0);
  });

  it('a usage or I/O error fails whatever fail-on says, with no SARIF and no upload', () => {
    const dir = checkout({ 'a.yaml': GOOD, 'bad-config.yaml': 'rules: {no-such-rule: off}\n' });
    const r = run(dir, { config: 'bad-config.yaml', 'fail-on': 'never' });
    expect(step(r, 'Lint').stderr).toContain('ros-sso: rules: unknown rule no-such-rule');
    expect(r.outputs).toEqual({ 'exit-code': '2', 'sarif-file': '' });
    expect(step(r, 'github/codeql-action/upload-sarif').status).toBe('skipped');
    expect(r.code).toBe(2);
    const typo = run(dir, { 'fail-on': 'warnings' });
    expect(step(typo, 'Lint').stdout).toContain(
      '::error title=ros-sso::fail-on must be error, warning or never',
    );
    expect(typo.code).toBe(2);
  });

  it('passes paths, globs and since to the linter as data, never to the shell', () => {
    const dir = checkout({ 'stacks/a/one.yaml': GOOD, 'stacks/b/two.yml': GOOD, 'other/x.yaml': BAD });
    writeFileSync(join(dir, 'stacks/a/one.yaml'), GOOD.replace('alice', 'bob'));
    const r = run(dir, {
      paths: "stacks/**/*.yaml\n'$(touch pwned)' `touch pwned2` ;touch pwned3",
      since: 'HEAD',
      'upload-sarif': 'false',
    });
    expect(
      existsSync(join(dir, 'pwned')) || existsSync(join(dir, 'pwned2')) || existsSync(join(dir, 'pwned3')),
    ).toBe(false);
    expect(step(r, 'Lint').stderr).toMatch(/^ros-sso: no such file or directory: '\$\(touch$/m);
    expect(r.code).toBe(2);
    // The glob alone, with --since: the update finding of the renamed user, and only stacks/a.
    const ok = run(dir, { paths: 'stacks/**/*.yaml', since: 'HEAD', 'upload-sarif': 'false' });
    expect(step(ok, 'Lint').stdout).toMatch(
      /^::(error|warning) file=stacks\/a\/one\.yaml,.*title=update-not-allowed::UserName/m,
    );
    expect(step(ok, 'github/codeql-action/upload-sarif').status).toBe('skipped');
    expect(
      sarifAt(dir).runs[0].results.every((x) => JSON.stringify(x.locations).includes('stacks/a/one.yaml')),
    ).toBe(true);
  });
});

describe('examples/github-actions-lint.yml', () => {
  const steps = Object.values(example.jobs)[0].steps;
  const uses = steps.find((s) => s.uses?.includes('/ros-sso@'));

  it('uses this action pinned to a release tag or a commit, never an npm name', () => {
    expect(uses?.uses).toMatch(/^[\w.-]+\/ros-sso@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
    expect(JSON.stringify(steps)).not.toMatch(/npm (install|i) [^\n]*\bros-sso\b/);
    expect(example.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(steps[0].uses).toMatch(/^actions\/checkout@/);
  });

  it('runs: checkout, then the action with the workflow’s inputs', () => {
    const dir = checkout({ 'stacks/bad.yaml': BAD });
    const given = Object.fromEntries(Object.entries(uses?.with ?? {}).map(([k, v]) => [k, String(v)]));
    const r = run(dir, given);
    expect(step(r, 'Lint').stdout).toMatch(/^::error file=stacks\/bad\.yaml/m);
    expect(sarifAt(dir).runs[0].results).toHaveLength(1);
    expect(step(r, 'github/codeql-action/upload-sarif').status).toBe('used');
    expect(r.code).toBe(1);
  });
});
