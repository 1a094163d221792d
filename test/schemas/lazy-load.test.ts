import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace } from '../support/cli';

const DATA = join(ROOT, 'schemas', 'ros-types');

/**
 * An installed copy of the CLI whose bundled type data keeps only the index, the official type
 * list and `keep`; every other data file is unreadable. Linting a template must then read no
 * more than the files of the types it uses.
 */
function installWithOnly(keep: readonly string[]): string {
  const dir = workspace({});
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist'));
  mkdirSync(join(dir, 'schemas', 'ros-types'), { recursive: true });
  copyFileSync(join(ROOT, 'bin', 'ros-sso.js'), join(dir, 'bin', 'ros-sso.js'));
  copyFileSync(join(ROOT, 'dist', 'lint.js'), join(dir, 'dist', 'lint.js'));
  for (const name of readdirSync(DATA)) {
    const target = join(dir, 'schemas', 'ros-types', name);
    if (['index.json', 'existing-types.json', ...keep].includes(name)) copyFileSync(join(DATA, name), target);
    else writeFileSync(target, 'not JSON: this file must not be read');
  }
  return dir;
}

function lint(install: string, template: string) {
  const work = workspace({ 't.yaml': template });
  const run = spawnSync(
    process.execPath,
    [join(install, 'bin', 'ros-sso.js'), 'lint', 't.yaml', '--format', 'json'],
    {
      cwd: work,
      encoding: 'utf8',
    },
  );
  return {
    code: run.status,
    stderr: run.stderr,
    findings: run.stdout
      ? (JSON.parse(run.stdout) as { results: Array<{ ruleId: string; severity: string; message: string }> })
          .results
      : [],
  };
}

describe('bundled type data is read lazily, per service', () => {
  let install: string;
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'lint.js'))) {
      const build = spawnSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, encoding: 'utf8' });
      if (build.status !== 0) throw new Error(build.stderr);
    }
    install = installWithOnly(['ecs.json']);
  });

  it('lints ECS resources from ecs.json alone', () => {
    const run = lint(
      install,
      `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Vpc:
    Type: ALIYUN::ECS::VPC
    Properties: {CidrBlock: 10.0.0.0/8, VpcNmae: demo}
  VSwitch:
    Type: ALIYUN::ECS::VSwitch
    Properties: {VpcId: !Ref Vpc, ZoneId: cn-hangzhou-h, CidrBlock: 10.0.0.0/24}
Outputs:
  Name: {Value: !GetAtt Vpc.VpcName}
`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.findings.map((f) => [f.ruleId, f.severity])).toEqual([['property-unknown', 'info']]);
    expect(run.findings[0].message).toContain('not in the bundled @alicloud/ros-cdk-ecs@1.11.0 definitions');
  });

  it('answers for types it has no definition of from the index and the type list alone', () => {
    const run = lint(
      install,
      `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Pod: {Type: ALIYUN::ACS::ApplicationPod}
  Typo: {Type: ALIYUN::ECS::Instanse}
`,
    );
    expect(run.stderr).toBe('');
    expect(run.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['resource-no-schema', 'info'],
      ['resource-no-schema', 'warning'],
    ]);
    expect(run.findings[1].message).toContain('did you mean ALIYUN::ECS::Instance?');
  });
});
