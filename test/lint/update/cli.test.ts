import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCli, workspace } from '../../support/cli';

// Line 11 is TargetId (value at column 17); line 13 is DeletionStrategy.
const NATIVE = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Target:
    Type: String
Resources:
  Provision:
    Type: ALIYUN::CloudSSO::UserProvision
    Properties:
      DirectoryId: d-1
      PrincipalId: u-1
      TargetId: '1000000000000001'
      PrincipalType: User
      TargetType: RD-Account
      DeletionStrategy: Keep
`;
const RETARGETED = NATIVE.replace("TargetId: '1000000000000001'", "TargetId: '1000000000000002'");

const CUSTOM = `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Provision:
    Type: Custom::CloudSSOUserProvision
    Properties:
      ServiceToken: acs:fc:cn-hangzhou:1:functions/ros-sso
      Timeout: 60
      Parameters:
        DirectoryId: d-1
        PrincipalId: u-1
        PrincipalType: User
        TargetType: RD-Account
        TargetId: '1000000000000001'
`;

describe('ros-sso diff (child process)', () => {
  it('exits 1, lists the impact and reports the change at its place in NEW', () => {
    const dir = workspace({
      'old.yaml': CUSTOM,
      'new.yaml': CUSTOM.replace("TargetId: '1000000000000001'", "TargetId: '1000000000000002'"),
    });
    const r = runCli(['diff', 'old.yaml', 'new.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'old.yaml → new.yaml',
      '  ~ Provision  Custom::CloudSSOUserProvision  update (refused: Parameters.TargetId)',
      '',
      `new.yaml:13:19  error  update-not-allowed  Parameters.TargetId of Custom::CloudSSOUserProvision cannot be updated ("1000000000000001" → "1000000000000002"): the provider refuses the update`,
    ]);
  });

  it('exits 0 for a change to an editable property and lists it as an update', () => {
    const dir = workspace({
      'old.yaml': NATIVE,
      'new.yaml': NATIVE.replace('DeletionStrategy: Keep', 'DeletionStrategy: Delete'),
    });
    const r = runCli(['diff', 'old.yaml', 'new.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'old.yaml → new.yaml\n  ~ Provision  ALIYUN::CloudSSO::UserProvision  update\n\n✔ no problems in 1 file\n',
    );
  });

  it('prints the lint json shape, with the JSON Pointer in path', () => {
    const dir = workspace({ 'a/old.yaml': NATIVE, 'a/new.yaml': RETARGETED });
    const r = runCli(['diff', 'a/old.yaml', 'a/new.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary).toEqual({ files: 1, errors: 1, warnings: 0 });
    expect(out.results).toEqual([
      {
        file: 'a/new.yaml',
        line: 11,
        column: 17,
        endLine: 11,
        endColumn: 35,
        ruleId: 'update-not-allowed',
        severity: 'error',
        message:
          'TargetId of ALIYUN::CloudSSO::UserProvision cannot be updated ("1000000000000001" → "1000000000000002"): the update fails unless the stack update enables replacement, which then deletes and recreates the resource',
        path: '/Resources/Provision/Properties/TargetId',
      },
    ]);
  });

  it('speaks sarif and github like lint', () => {
    const dir = workspace({ 'old.yaml': NATIVE, 'new.yaml': RETARGETED });
    const sarif = JSON.parse(runCli(['diff', 'old.yaml', 'new.yaml', '-f', 'sarif'], dir).stdout);
    const run = sarif.runs[0];
    expect(run.results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['update-not-allowed']);
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toContain('update-not-allowed');
    const github = runCli(['diff', 'old.yaml', 'new.yaml', '-f', 'github'], dir);
    expect(github.stdout).toMatch(
      /^::error file=new\.yaml,line=11,col=17,endLine=11,endColumn=35,title=update-not-allowed::TargetId of /,
    );
  });

  it('honours --ignore-rule and the configuration file', () => {
    const dir = workspace({
      'old.yaml': NATIVE,
      'new.yaml': RETARGETED,
      '.ros-sso.yaml': 'rules:\n  update-not-allowed: warning\n',
    });
    const configured = runCli(['diff', 'old.yaml', 'new.yaml'], dir);
    expect(configured.code).toBe(0);
    expect(configured.stdout).toContain('warning  update-not-allowed');
    const ignored = runCli(['diff', 'old.yaml', 'new.yaml', '--ignore-rule', 'update-not-allowed'], dir);
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toContain('✔ no problems in 1 file');
  });

  it('reports an OLD that does not parse as a parse error in OLD', () => {
    const dir = workspace({ 'old.yaml': 'Resources: [1, 2\n', 'new.yaml': NATIVE });
    const r = runCli(['diff', 'old.yaml', 'new.yaml', '-f', 'json'], dir);
    expect(r.code).toBe(1);
    expect(
      JSON.parse(r.stdout).results.map((f: { file: string; ruleId: string }) => [f.file, f.ruleId]),
    ).toEqual([['old.yaml', 'template-parse-error']]);
  });

  it.each([
    [['diff', 'only-one.yaml']],
    [['diff', 'old.yaml', 'missing.yaml']],
    [['diff', 'old.yaml', 'old.yaml', '--format', 'xml']],
    [['diff', 'old.yaml', 'old.yaml', '--bogus']],
  ])('exits 2 with one line on stderr for %j', (args) => {
    const dir = workspace({ 'old.yaml': NATIVE });
    const r = runCli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ros-sso: /);
  });

  it('makes a change known only from the bundled ROS definitions a warning that says so', () => {
    const role = (name: string) =>
      `ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  Role:\n    Type: ALIYUN::RAM::Role\n    Properties:\n      RoleName: ${name}\n`;
    const dir = workspace({ 'old.yaml': role('a'), 'new.yaml': role('b') });
    const r = runCli(['diff', 'old.yaml', 'new.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /new\.yaml:6:17 {2}warning {2}update-not-allowed {2}RoleName of ALIYUN::RAM::Role cannot be updated \("a" → "b"\): .* \(per the bundled .* definitions, which may be outdated; /,
    );
  });

  it('compares the real example with itself', () => {
    const example = join(ROOT, 'templates', 'custom-user-provision.yaml');
    const dir = workspace({});
    const r = runCli(['diff', example, example], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no resource changes');
  });
});

describe('ros-sso update-info (child process)', () => {
  const FLOWS = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Directory: { Type: String }
  Account: { Type: String }
  Suffix: { Type: String }
  Env: { Type: String, AllowedValues: [dev, prod], Default: dev }
  Strategy: { Type: String, Default: Keep }
Conditions:
  IsProd: { 'Fn::Equals': [!Ref Env, prod] }
Resources:
  Provision:
    Type: ALIYUN::CloudSSO::UserProvision
    Properties:
      DirectoryId: !Ref Directory
      PrincipalId: !Sub 'u-\${Suffix}'
      PrincipalType: User
      TargetId: !Join ['', ['10000000', !Ref Account]]
      TargetType: !If [IsProd, RD-Account, RD-Account]
      DeletionStrategy: !Ref Strategy
`;

  it('lists the parameters that flow through Ref, Fn::Sub, Fn::Join and Fn::If (json)', () => {
    const dir = workspace({ 'flows.yaml': FLOWS });
    const r = runCli(['update-info', 'flows.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe('flows.yaml');
    expect(out.UpdateInfo).toMatchObject({
      ParametersCauseReplacementIfModified: ['Directory', 'Account', 'Suffix'],
      ParametersConditionallyCauseReplacementIfModified: ['Env'],
      ParametersAllowedToBeModified: ['Strategy'],
      ParametersNotAllowedToBeModified: [],
    });
    expect(out.Parameters.Suffix.reaches).toEqual([
      {
        property: 'Resources.Provision.Properties.PrincipalId',
        path: '/Resources/Provision/Properties/PrincipalId',
        line: 15,
        column: 20,
        effect: 'replace',
        certainty: 'definite',
        via: ['Fn::Sub'],
      },
    ]);
    expect(out.Parameters.Env.reaches[0]).toMatchObject({
      property: 'Resources.Provision.Properties.TargetType',
      via: ['Fn::If', 'Condition IsProd', 'Fn::Equals', 'Ref'],
    });
  });

  it('prints text sections for the real custom-resource example', () => {
    const r = runCli(['update-info', 'templates/custom-user-provision.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'ParametersNotAllowedToBeModified (the provider of a custom resource refuses the update):\n  DirectoryId\n    templates/custom-user-provision.yaml:34:22  Resources.UserProvision.Properties.Parameters.DirectoryId  (refused) via Ref\n',
    );
    expect(r.stdout).toContain(
      'ParametersAllowedToBeModified (updated in place):\n  DuplicationStrategy, KeepUsersOnDelete\n',
    );
  });

  it('exits 1 with the parse error when the template does not parse', () => {
    const dir = workspace({ 'broken.yaml': 'Resources: [1, 2\n' });
    const r = runCli(['update-info', 'broken.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^broken\.yaml:\d+:\d+  error  template-parse-error  /);
  });

  it.each([
    [['update-info']],
    [['update-info', 'a.yaml', '--format', 'sarif']],
    [['update-info', 'missing.yaml']],
  ])('exits 2 with one line on stderr for %j', (args) => {
    const dir = workspace({ 'a.yaml': FLOWS });
    const r = runCli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
