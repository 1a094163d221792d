import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../../support/cli';
import { GIT_ENV, git, repository } from '../../support/git';

// Line 9 is TargetId (value at column 17).
const V1 = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Provision:
    Type: ALIYUN::CloudSSO::UserProvision
    Properties:
      DirectoryId: d-1
      PrincipalId: u-1
      PrincipalType: User
      TargetId: '1000000000000001'
      TargetType: RD-Account
      DeletionStrategy: Keep
      DuplicationStrategy: KeepBoth
`;
const V2 = V1.replace("TargetId: '1000000000000001'", "TargetId: '1000000000000002'");

function write(dir: string, name: string, text: string): void {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), text);
}

const lint = (dir: string, ...args: string[]) => runCli(['lint', ...args], dir, GIT_ENV);
const UPDATE_FINDING =
  'stacks/sso.yaml:9:17  error  update-not-allowed  TargetId of ALIYUN::CloudSSO::UserProvision cannot be updated';

describe('ros-sso lint --since (a real git repository)', () => {
  it('adds the update findings against the working tree file at HEAD', () => {
    const dir = repository({ 'stacks/sso.yaml': V1 });
    expect(lint(dir, 'stacks', '--since', 'HEAD').code).toBe(0);
    write(dir, 'stacks/sso.yaml', V2);
    const r = lint(dir, 'stacks', '--since', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(
      new RegExp(`^${UPDATE_FINDING.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    // Plain lint sees nothing wrong with the new version on its own.
    expect(lint(dir, 'stacks').code).toBe(0);
  });

  it('compares with an older commit by HEAD~1, and not with HEAD once committed', () => {
    const dir = repository({ 'stacks/sso.yaml': V1 });
    write(dir, 'stacks/sso.yaml', V2);
    git(dir, 'commit', '--quiet', '-am', 'v2');
    expect(lint(dir, 'stacks', '--since', 'HEAD').code).toBe(0);
    const r = lint(dir, 'stacks', '--since', 'HEAD~1', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results).toMatchObject([
      { file: 'stacks/sso.yaml', line: 9, column: 17, path: '/Resources/Provision/Properties/TargetId' },
    ]);
  });

  it('finds the file at the revision from a subdirectory of the repository', () => {
    const dir = repository({ 'stacks/sso.yaml': V1 });
    write(dir, 'stacks/sso.yaml', V2);
    const r = lint(join(dir, 'stacks'), 'sso.yaml', '--since', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('sso.yaml:9:17  error  update-not-allowed');
  });

  it('skips files that are new since the revision', () => {
    const dir = repository({ 'stacks/sso.yaml': V1 });
    write(dir, 'stacks/new.yaml', V2);
    const r = lint(dir, 'stacks', '--since', 'HEAD');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems in 2 files');
  });

  it('keeps plain lint findings and leaves non-templates alone', () => {
    const dir = repository({ 'stacks/sso.yaml': V1, 'stacks/values.yaml': 'a: 1\n' });
    write(dir, 'stacks/sso.yaml', V2.replace('DeletionStrategy: Keep', 'DeletionStrategy: Remove'));
    write(dir, 'stacks/values.yaml', 'a: 2\n');
    const r = lint(dir, 'stacks', '--since', 'HEAD', '--format', 'json');
    expect(JSON.parse(r.stdout).results.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      'update-not-allowed',
      'property-allowed-values',
    ]);
  });

  it('is a usage error (exit 2, one line) for a revision that does not exist', () => {
    const dir = repository({ 'stacks/sso.yaml': V1 });
    for (const rev of ['no-such-branch', 'HEAD~5', '--output=x']) {
      const r = lint(dir, 'stacks', `--since=${rev}`);
      expect(r.code, rev).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), rev).toHaveLength(1);
    }
    expect(lint(dir, 'stacks', '--since', 'no-such-branch').stderr).toMatch(
      /^ros-sso: --since: unknown revision no-such-branch/,
    );
  });

  it('is a usage error outside a git repository', () => {
    const dir = workspace({ 'stacks/sso.yaml': V1 });
    const r = runCli(['lint', 'stacks', '--since', 'HEAD'], dir, {
      ...GIT_ENV,
      GIT_CEILING_DIRECTORIES: dirname(dir),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ros-sso: --since needs a git repository, and .* is not inside one/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('runs one diff and reads old versions only of the changed files, however many are linted', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`stacks/s${i}.yaml`] = `${V1}# ${i}\n`;
    const dir = repository(files);
    write(dir, 'stacks/s3.yaml', V2);
    write(dir, 'stacks/s17.yaml', V2);
    write(dir, 'stacks/new.yaml', V2);
    // A git on the PATH that logs each call (and the object names asked of cat-file), then runs git.
    const log = join(dir, 'git.log');
    const wrapper = join(dir, 'bin');
    mkdirSync(wrapper);
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(wrapper, 'git'),
      `#!/bin/sh\nif [ "$1" = cat-file ]; then input=$(cat); echo "$1 $2 $(printf '%s\\n' "$input" | wc -l)" >> '${log}'; printf '%s\\n' "$input" | '${realGit}' "$@"; exit $?; fi\necho "$1" >> '${log}'\nexec '${realGit}' "$@"\n`,
    );
    chmodSync(join(wrapper, 'git'), 0o755);
    const r = runCli(['lint', 'stacks', '--since', 'HEAD', '--format', 'json'], dir, {
      ...GIT_ENV,
      PATH: `${wrapper}:${process.env.PATH}`,
    });
    expect(JSON.parse(r.stdout).results.map((f: { file: string }) => f.file)).toEqual([
      'stacks/s17.yaml',
      'stacks/s3.yaml',
    ]);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'rev-parse',
      'rev-parse',
      'diff',
      // Sizes of the two changed files' old blobs, then those blobs: never one call per file.
      expect.stringMatching(/^cat-file --batch-check=.* 2$/),
      expect.stringMatching(/^cat-file --batch +2$/),
    ]);
  });
});
