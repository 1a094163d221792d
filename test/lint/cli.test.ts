import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../support/cli';
import { USER_PROVISION } from '../support/templates';

const GOOD = USER_PROVISION;
const BAD = GOOD.replace('DeletionStrategy: Keep', 'DeletionStrategy: Remove');
const WARN_ONLY = `${GOOD}  Vpc:\n    Type: ALIYUN::ECS::VSwitch\n    Properties: {CidrBlock: 10.0.0.0/24, ZoneId: cn-hangzhou-h}\n  Zones:\n    Type: DATASOURCE::Example::Zones\n`;

describe('ros-sso lint (child process)', () => {
  it('exits 0 and says so when there are no errors', () => {
    const dir = workspace({ 'ok.yaml': GOOD });
    const r = runCli(['lint', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems in 1 file');
  });

  it('exits 1 and prints file:line:col severity ruleId message for an error', () => {
    const dir = workspace({ 'stacks/bad.yaml': BAD });
    const r = runCli(['lint', 'stacks'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      "stacks/bad.yaml:12:25  error  property-allowed-values  'Remove' is not allowed; expected one of 'Delete', 'Keep'",
    );
  });

  it('prints exactly the documented json shape', () => {
    const dir = workspace({ 'bad.yaml': BAD });
    const r = runCli(['lint', 'bad.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['results', 'summary']);
    expect(out.summary).toEqual({ files: 1, errors: 1, warnings: 0 });
    expect(out.results[0]).toEqual({
      file: 'bad.yaml',
      line: 12,
      column: 25,
      endLine: 12,
      endColumn: 31,
      ruleId: 'property-allowed-values',
      severity: 'error',
      message: "'Remove' is not allowed; expected one of 'Delete', 'Keep'",
      path: '/Resources/Provision/Properties/DeletionStrategy',
    });
  });

  it('reports a malformed file with a position and exit 1, never a crash', () => {
    const dir = workspace({
      'broken.yaml': 'ROSTemplateFormatVersion: 2015-09-01\nResources:\n  A: [1, 2\n',
      'nocomma.json': '{"a": 1 "b": 2, "ROSTemplateFormatVersion": "2015-09-01"}',
    });
    const r = runCli(['lint', '.', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const results = JSON.parse(r.stdout).results;
    expect(
      results.map((f: { file: string; ruleId: string; path: string }) => [f.file, f.ruleId, f.path]),
    ).toEqual([
      ['broken.yaml', 'template-parse-error', ''],
      ['nocomma.json', 'template-parse-error', ''],
    ]);
    expect(results[1]).toMatchObject({ line: 1, column: 12 });
  });

  it('reports a duplicate key as a warning at the repeated key and lints the rest of the file', () => {
    const dir = workspace({
      'dup.json':
        '{"Outputs": {"A": {"Value": 1}}, "Outputs": {"A": {}}, "ROSTemplateFormatVersion": "2015-09-01",' +
        ' "Resources": {"H": {"Type": "ALIYUN::ROS::WaitConditionHandle"}}}',
    });
    const r = runCli(['lint', 'dup.json', '--format', 'json'], dir);
    const results = JSON.parse(r.stdout).results;
    expect(
      results.map((f: { ruleId: string; severity: string; path: string }) => [f.ruleId, f.severity, f.path]),
    ).toEqual([
      ['template-duplicate-key', 'warning', '/Outputs'],
      ['output-definition', 'error', '/Outputs/A'],
    ]);
    expect(results[0]).toMatchObject({ line: 1, column: 34 });
    expect(r.code).toBe(1);
  });

  it('expands globs; recursion skips node_modules and version control, not other hidden folders', () => {
    const dir = workspace({
      'a/x.yaml': BAD,
      'a/b/y.yml': BAD,
      'node_modules/z.yaml': BAD,
      '.git/v.yaml': BAD,
      '.computenest/ros_templates/t.yaml': BAD,
      'a/.hidden.yaml': BAD,
      'a/n.txt': 'x',
    });
    const r = runCli(['lint', 'a/**/*.{yaml,yml}', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).results.map((f: { file: string }) => f.file)).toEqual([
      'a/b/y.yml',
      'a/x.yaml',
    ]);
    const all = JSON.parse(runCli(['lint', '.', '--format', 'json'], dir).stdout) as {
      results: Array<{ file: string }>;
    };
    // Compute Nest keeps its templates in .computenest/: walked; hidden files are not.
    expect([...new Set(all.results.map((f) => f.file))].sort()).toEqual([
      '.computenest/ros_templates/t.yaml',
      'a/b/y.yml',
      'a/x.yaml',
    ]);
  });

  it('turns a rule off with --ignore-rule and with .ros-sso.yaml, and changes its severity', () => {
    const dir = workspace({ 'bad.yaml': BAD });
    expect(runCli(['lint', '.', '--ignore-rule', 'property-allowed-values'], dir).code).toBe(0);
    const warned = workspace({
      'bad.yaml': BAD,
      '.ros-sso.yaml': 'rules:\n  property-allowed-values: warning\n',
    });
    const r = runCli(['lint', '.', '--format', 'json'], warned);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ files: 1, errors: 0, warnings: 1 });
    const off = workspace({ 'bad.yaml': BAD, 'ci.yaml': 'rules:\n  property-allowed-values: off\n' });
    expect(runCli(['lint', 'bad.yaml', '--config', 'ci.yaml'], off).code).toBe(0);
  });

  it('ignores paths listed in the config', () => {
    const dir = workspace({ 'bad.yaml': BAD, 'ok.yaml': GOOD, '.ros-sso.yaml': 'ignorePaths: ["bad.*"]\n' });
    const r = runCli(['lint', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('in 1 file');
  });

  it('writes a baseline and then fails only on new findings', () => {
    const dir = workspace({ 'bad.yaml': BAD });
    const write = runCli(['lint', '.', '--write-baseline', 'baseline.json'], dir);
    expect(write.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')).findings).toHaveLength(1);
    expect(runCli(['lint', '.', '--baseline', 'baseline.json'], dir).code).toBe(0);
    // A line moved by an edit above keeps the finding matched; a new finding is reported.
    const moved = workspace({ 'bad.yaml': `# a comment\n${BAD}`, 'new.yaml': BAD });
    const r = runCli(['lint', '.', '--baseline', join(dir, 'baseline.json'), '--format', 'json'], moved);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results.map((f: { file: string }) => f.file)).toEqual(['new.yaml']);
  });

  it('writes SARIF to a file with --output', () => {
    const dir = workspace({ 'bad.yaml': BAD });
    const r = runCli(['lint', '.', '--format', 'sarif', '--output', 'out.sarif'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].ruleId).toBe('property-allowed-values');
  });

  it('prints GitHub annotations', () => {
    const dir = workspace({ 'bad.yaml': BAD });
    const r = runCli(['lint', '.', '--format', 'github'], dir);
    expect(r.stdout).toMatch(/^::error file=bad\.yaml,line=12,col=25,/);
  });

  it('counts warnings without failing, and --quiet shows errors only', () => {
    const dir = workspace({ 'w.yaml': WARN_ONLY });
    const r = runCli(['lint', '.', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    // A required property missing per the bundled (possibly stale) definitions: a warning; a data source: info.
    expect(JSON.parse(r.stdout).results.map((f: { severity: string }) => f.severity)).toEqual([
      'warning',
      'info',
    ]);
    expect(JSON.parse(runCli(['lint', '.', '--format', 'json', '--quiet'], dir).stdout).results).toEqual([]);
  });

  it.each([
    [['lint', '--format', 'xml'], /unknown format xml/],
    [['lint', '--nope'], /unknown option --nope \(see ros-sso lint --help\)/],
    [['lint', '--formt', 'json'], /unknown option --formt; did you mean --format\?/],
    [['lnt'], /unknown command lnt; did you mean lint\?/],
    [['lint', '.', '--quiet=yes'], /--quiet takes no value/],
    [['lint', 'missing-dir'], /no such file or directory: missing-dir/],
    [['lint', '--ignore-rule', 'no-such-rule'], /unknown rule no-such-rule/],
    [['frobnicate'], /unknown command frobnicate/],
    [['lint', 'nothing/**/*.yaml'], /no template files match/],
  ])('exits 2 with a one-line hint on %j', (args, message) => {
    const dir = workspace({ 'ok.yaml': GOOD });
    const r = runCli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 on a malformed config file', () => {
    const dir = workspace({ 'ok.yaml': GOOD, '.ros-sso.yaml': 'rules:\n  property-allowed-values: loud\n' });
    const r = runCli(['lint', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rules.property-allowed-values: expected error, warning, info or off/);
  });

  it('lints explicitly named files always, but in directories only files that are ROS templates', () => {
    const dir = workspace({ 'package.json': '{"name": "x"}', 'conf/app.yaml': 'a: 1\n', 'bad.yaml': BAD });
    const r = runCli(['lint', '.', '--format', 'json'], dir);
    expect(JSON.parse(r.stdout).summary).toEqual({ files: 1, errors: 1, warnings: 0 });
    const named = runCli(['lint', 'conf/app.yaml', '--format', 'json'], dir);
    expect(named.code).toBe(1);
    expect(JSON.parse(named.stdout).results.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'template-format-version',
    );
    const hook = runCli(
      ['lint', '--only-templates', 'package.json', 'conf/app.yaml', 'bad.yaml', '--format', 'json'],
      dir,
    );
    expect(JSON.parse(hook.stdout).summary).toEqual({ files: 1, errors: 1, warnings: 0 });
  });

  it('lists the rules and prints help and version', () => {
    const rules = runCli(['rules', '--format', 'json']);
    expect(rules.code).toBe(0);
    const listed = JSON.parse(rules.stdout) as Array<{ id: string; helpUri: string }>;
    expect(listed.map((r) => r.id)).toContain('property-allowed-values');
    expect(listed.find((r) => r.id === 'ref-getatt')?.helpUri).toBe(
      'https://github.com/OWNER/ros-sso/blob/main/lint/rules/README.md#ref-getatt',
    );
    const text = runCli(['rules']).stdout.split('\n');
    const line = text.findIndex((l) => l.startsWith('ref-getatt '));
    expect(text[line + 1]?.trim()).toBe(listed.find((r) => r.id === 'ref-getatt')?.helpUri);
    expect(runCli(['lint', '--help']).stdout).toMatch(/^Usage: ros-sso lint/);
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
