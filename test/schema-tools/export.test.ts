import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../template/parse';
import { ROOT, runCli, workspace } from '../support/cli';

const exported = (() => {
  const dir = workspace({});
  const run = runCli(['schemas', 'export', '--output', 'ros.schema.json'], dir);
  expect(run.code).toBe(0);
  return JSON.parse(readFileSync(join(dir, 'ros.schema.json'), 'utf8')) as Record<string, unknown>;
})();

// What an editor does with it: yaml-language-server validates the parsed YAML against a draft-07 schema.
const validate = new Ajv({ allErrors: true, strict: false }).compile(exported);

function problems(name: string, text: string): string[] {
  const parsed = parseTemplate(name, text);
  if (!parsed.ok) throw new Error(parsed.failure.message);
  validate(parsed.template.value);
  return (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => `${e.instancePath} ${e.message}`);
}

describe('ros-sso schemas export', () => {
  it('describes every known resource type, with hover text of our own wording', () => {
    const resource = (exported.$defs as Record<string, { allOf: unknown[] }>).resource;
    expect(resource.allOf.length).toBeGreaterThan(400);
    const text = JSON.stringify(exported);
    expect(text).toContain('"const":"ALIYUN::FC3::Function"');
    expect(text).toContain('"const":"Custom::CloudSSOUserProvision"');
    expect(text).toContain('cannot be updated');
  });

  it("accepts this project's templates, intrinsic functions included", () => {
    for (const name of ['provider.yaml', 'cloudsso-user-provision.yaml', 'custom-user-provision.yaml']) {
      expect(problems(name, readFileSync(join(ROOT, 'templates', name), 'utf8')), name).toEqual([]);
    }
  });

  it('flags what an editor should underline: a wrong value, an unknown section', () => {
    const bad = `ROSTemplateFormatVersion: '2015-09-01'
Resourcez: {}
Resources:
  Fn:
    Type: ALIYUN::FC3::Function
    Properties:
      FunctionName: f
      Handler: index.handler
      Runtime: nodejs20
      Timeout: [1]
`;
    const found = problems('bad.yaml', bad);
    expect(found).toContain(' must NOT have additional properties');
    expect(found.some((p) => p.startsWith('/Resources/Fn/Properties/Timeout'))).toBe(true);
  });

  it('writes to a file with --output and rejects unknown options with exit 2', () => {
    expect(String(exported.title)).toContain('ROS template');
    const dir = workspace({});
    const bad = runCli(['schemas', 'export', '--bogus'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
