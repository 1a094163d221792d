import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../../support/cli';

const GOOD = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Name: {Type: String, Default: a}
Resources:
  Hook:
    Type: Custom::Thing
    Properties: {ServiceToken: acs:fc:cn-hangzhou:1:functions/f, Parameters: {Name: !Ref Name}}
`;
const LIST_PARAMETERS = `ROSTemplateFormatVersion: '2015-09-01'\nParameters: [a, b]\n`;
const BAD_RESOURCE = `ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  A:\n    Type: [x]\n    Properties: hello\n`;

describe('diff and update-info on malformed input', () => {
  it('update-info answers a template it cannot read with its errors and exit 1, not an empty report', () => {
    const dir = workspace({ 'p.yaml': LIST_PARAMETERS, 'package.json': '{"name": "x"}' });
    const list = runCli(['update-info', 'p.yaml'], dir);
    expect(list.code).toBe(1);
    expect(list.stdout).toMatch(
      /^p\.yaml:2:13 +error +template-unknown-section +section Parameters must be a mapping$/m,
    );
    const json = runCli(['update-info', 'package.json', '--format', 'json'], dir);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).errors[0].ruleId).toBe('template-format-version');
  });

  it('diff reports the structural errors of either file, in order, and exits 1', () => {
    const dir = workspace({ 'old.yaml': GOOD, 'new.yaml': BAD_RESOURCE });
    const run = runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout).results as Array<{ line: number; column: number; ruleId: string }>;
    expect(results.map((f) => [f.line, f.column, f.ruleId])).toEqual([
      [4, 11, 'resource-definition'],
      [5, 17, 'resource-definition'],
    ]);
  });

  it('an output file that cannot be written is one line and exit 2, never a stack trace', () => {
    const dir = workspace({ 'a.yaml': GOOD });
    for (const args of [
      ['diff', 'a.yaml', 'a.yaml', '-o', 'missing/dir/report.txt'],
      ['lint', 'a.yaml', '-o', 'missing/dir/report.txt'],
      ['schemas', 'export', '-o', 'missing/dir/schema.json'],
    ]) {
      const run = runCli(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^ros-sso: cannot write missing\/dir\/\S+: ENOENT/),
      ]);
    }
  });
});
