import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../support/cli';
import { copyStateDir, deployArgs, seedStateDir } from './state-dir-helpers';

/** One line on stderr, naming `file`, with a way out, and no stack frame. */
function expectOneLine(r: { code: number | null; stderr: string }, file: string, label: string) {
  expect(r.code, label).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines, label).toHaveLength(1);
  expect(lines[0], label).toMatch(/^ros-sso: /);
  expect(lines[0], label).toContain(file);
  expect(lines[0], label).toMatch(/fix or restore it|delete/);
  expect(r.stderr, label).not.toMatch(/\n\s+at /);
}

/** A well-formed provisioning record of emulator.json, with `over` applied. */
function provisioning(over: Record<string, unknown>) {
  return {
    userProvisioningId: 'up-1',
    directoryId: 'd-1',
    ownerPk: '1000000000000000',
    principalId: 'u-1',
    principalType: 'User',
    principalName: 'alice',
    targetId: '1000000000000001',
    targetType: 'RD-Account',
    targetName: 'dev',
    targetPath: 'rd-1/r-1/1000000000000001',
    duplicationStrategy: 'KeepBoth',
    deletionStrategy: 'Keep',
    description: '',
    status: 'Enabled',
    createTime: '2026-01-01T00:00:00Z',
    updateTime: '2026-01-01T00:00:00Z',
    syncedUsers: [],
    ...over,
  };
}

describe('a damaged state file stops local mode with one line, never a stack trace or a reset', () => {
  const seed = seedStateDir();
  const valid = JSON.parse(readFileSync(join(seed.dir, 'emulator.json'), 'utf8'));

  const emulatorCases: Array<[string, string, string]> = [
    ['null', 'null', 'expected an object, found null'],
    ['truncated JSON', JSON.stringify(valid).slice(0, 200), 'not valid JSON'],
    ['empty file', '', 'not valid JSON'],
    ['a list', '[]', 'expected an object, found a list'],
    [
      'wrong shape deep inside',
      JSON.stringify({ ...valid, accounts: [{ ...valid.accounts[0], ramUsers: 'bob' }] }),
      'accounts[0].ramUsers: expected a list, found a string',
    ],
    [
      'a strategy in the wrong case',
      JSON.stringify({ ...valid, provisionings: [provisioning({ duplicationStrategy: 'Takeover' })] }),
      'provisionings[0].duplicationStrategy: expected one of KeepBoth, TakeOver, found "Takeover"',
    ],
    [
      'no management account',
      JSON.stringify({ ...valid, managementAccountId: '1999999999999999' }),
      'managementAccountId 1999999999999999 is not one of its management accounts',
    ],
  ];

  it.each(emulatorCases)(
    'emulator.json holding %s',
    (label, text, problem) => {
      const dir = copyStateDir(seed);
      const file = join(dir, 'emulator.json');
      writeFileSync(file, text);
      for (const args of [
        ['local', 'state', '--state-dir', dir],
        deployArgs(seed, 'b', dir),
        ['local', 'state', '--state-dir', dir, '--seed', join(dir, 'nonexistent.yaml')],
      ]) {
        const r = runCli(args);
        expectOneLine(r, file, `${label}: ${args[1]}`);
        expect(r.stderr).toContain(problem);
      }
      // Never silently reset: the file is exactly as it was, and nothing was deployed.
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(existsSync(join(dir, 'stacks', 'b.json'))).toBe(false);
    },
    60_000,
  );

  it('emulator.json that cannot be read (a directory)', () => {
    const dir = copyStateDir(seed);
    const file = join(dir, 'emulator.json');
    rmSync(file);
    mkdirSync(file);
    const r = runCli(['local', 'state', '--state-dir', dir]);
    expectOneLine(r, file, 'EISDIR');
    expect(r.stderr).toContain('cannot read it (EISDIR)');
  }, 60_000);

  it('a stack file holding null, truncated JSON, the wrong shape or another stack', () => {
    const dir = copyStateDir(seed);
    expect(runCli(deployArgs(seed, 'a', dir)).code).toBe(0);
    const file = join(dir, 'stacks', 'a.json');
    const good = readFileSync(file, 'utf8');
    const record = JSON.parse(good);
    const cases: Array<[string, string, string]> = [
      ['null', 'null', 'expected an object, found null'],
      ['truncated', good.slice(0, good.length / 2), 'not valid JSON'],
      ['resources as a list', JSON.stringify({ ...record, resources: [] }), 'resources: expected an object'],
      ['another stack', JSON.stringify({ ...record, name: 'z' }), 'holds stack "z", not a'],
    ];
    for (const [label, text, problem] of cases) {
      writeFileSync(file, text);
      for (const args of [
        ['local', 'state', '--state-dir', dir],
        ['local', 'delete', 'a', '--state-dir', dir],
        [...deployArgs(seed, 'a', dir).map((x) => (x === 'deploy' ? 'update' : x))],
      ]) {
        const r = runCli(args);
        expectOneLine(r, file, `${label}: ${args[1]}`);
        expect(r.stderr).toContain(problem);
        expect(r.stderr).toContain('delete it to forget stack a');
      }
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
    // Another stack in the same directory is not blocked by the damaged one.
    expect(runCli(deployArgs(seed, 'b', dir)).code).toBe(0);
  }, 60_000);

  it('a state directory that cannot be created', () => {
    const parent = workspace({ 'taken.txt': 'a file, not a directory' });
    const r = runCli(['local', 'state', '--state-dir', join(parent, 'taken.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `ros-sso: cannot create the state directory ${join(parent, 'taken.txt')} (ENOTDIR)\n`,
    );
  }, 60_000);
});

describe('a bad seed file is one line (exit 2) and writes nothing', () => {
  const seeds: Array<[string, string | null, string]> = [
    ['missing.yaml', null, 'missing.yaml: cannot read the seed file (ENOENT)'],
    [
      'bad.yaml',
      'a: [1,\n b: :',
      'bad.yaml: not valid YAML: missed comma between flow collection entries (2:5)',
    ],
    ['null.yaml', 'null', 'null.yaml: expected a mapping'],
    ['list.json', '[]', 'list.json: expected a mapping'],
    ['truncated.json', '{"directories": [', 'truncated.json: not valid JSON'],
    [
      'unquoted.yaml',
      'accounts:\n  - {id: 1000000000000001, name: dev}\ndirectories: [{name: x}]\n',
      'unquoted.yaml.accounts[0].id: expected a 16-digit account ID as a quoted string',
    ],
  ];

  it.each(seeds)(
    '%s',
    (name, text, message) => {
      const dir = workspace(text === null ? {} : { [name]: text });
      const state = join(dir, 'state');
      for (const args of [
        ['local', 'state', '--seed', name, '--state-dir', state],
        ['local', 'serve', '--seed', name],
      ]) {
        const r = runCli(args, dir);
        expect(r.code, args[1]).toBe(2);
        expect(r.stderr.trim().split('\n'), args[1]).toHaveLength(1);
        expect(r.stderr, args[1]).toMatch(/\n$/);
        expect(r.stderr.startsWith(`ros-sso: ${message}`), `${args[1]}: ${r.stderr}`).toBe(true);
      }
      expect(existsSync(join(state, 'emulator.json'))).toBe(false);
    },
    60_000,
  );

  it('says so when a seed is given for a directory that already holds emulator state', () => {
    const dir = workspace({ 'bad.yaml': 'null' });
    expect(runCli(['local', 'state', '--state-dir', 'st'], dir).code).toBe(0);
    const r = runCli(['local', 'state', '--state-dir', 'st', '--seed', 'bad.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `ros-sso: ${join(dir, 'st')} already holds emulator state, so --seed bad.yaml is not used\n`,
    );
  }, 60_000);
});
