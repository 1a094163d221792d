import { describe, expect, it } from 'vitest';
import { lintText } from '../../../lint/engine';
import { allRules } from '../../../lint/rules';
import rule from '../../../lint/rules/template-duplicate-key';
import { parseTemplate } from '../../../template/parse';
import { dedent, testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'the same key in two different mappings',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A:
            Type: ALIYUN::ROS::WaitConditionHandle
          B:
            Type: ALIYUN::ROS::WaitConditionHandle
      `,
    },
    {
      name: 'a JSON template without repeated keys',
      file: 't.json',
      yaml: '{"ROSTemplateFormatVersion": "2015-09-01", "Outputs": {"A": {"Value": 1}, "B": {"Value": 1}}}',
    },
  ],
  invalid: [
    {
      name: 'a resource key written twice, reported at the second',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Type: ALIYUN::ROS::WaitCondition
      `,
      findings: [
        {
          messageId: 'duplicate',
          path: '/Resources/Handle/Type',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 9,
          severity: 'warning',
          message: /^key Type appears 2 times in this mapping; only the last value is used$/,
        },
      ],
    },
    {
      name: 'a key written three times: one finding, at the last',
      yaml: `
        Outputs:
          A: {Value: 1}
          A: {Value: 2}
          A: {Value: 3}
      `,
      findings: [
        {
          messageId: 'duplicate',
          path: '/Outputs/A',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 4,
          message: /3 times/,
        },
      ],
    },
    {
      name: 'a repeated key inside a short-form argument and inside a list item',
      yaml: `
        Outputs:
          O:
            Value: !Str {a: 1, a: 2}
        Metadata:
          Items:
            - {k: 1, k: 2}
      `,
      findings: [
        {
          messageId: 'duplicate',
          path: '/Outputs/O/Value/Fn::Str/a',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 25,
        },
        {
          messageId: 'duplicate',
          path: '/Metadata/Items/0/k',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'a repeated key in a JSON template',
      file: 't.json',
      yaml: '{\n  "Outputs": {\n    "A": {"Value": 1},\n    "A": {"Value": 2}\n  }\n}',
      findings: [
        { messageId: 'duplicate', path: '/Outputs/A', line: 4, column: 5, endLine: 4, endColumn: 8 },
      ],
    },
  ],
});

describe('a template with a repeated key', () => {
  const text = dedent(`
    ROSTemplateFormatVersion: '2015-09-01'
    Parameters:
      Size: {Type: Number, Default: 1}
      Size: {Type: String, Default: small}
    Resources:
      Handle: {Type: ALIYUN::ROS::WaitConditionHandle}
    Outputs:
      Id:
        Value: !Ref Missing
  `);

  it('is read with the last value, as a Python YAML loader does', () => {
    const parsed = parseTemplate('t.yaml', text);
    expect(parsed.ok && parsed.template.value.Parameters).toEqual({
      Size: { Type: 'String', Default: 'small' },
    });
  });

  it('is linted to the end: the repeated key and a later mistake are both reported, not a parse error', () => {
    const findings = lintText('t.yaml', text, { rules: allRules, now: new Date('2026-11-23T00:00:00Z') });
    expect(findings.map((f) => [f.ruleId, f.path]).sort()).toEqual([
      ['ref-unknown-target', '/Outputs/Id/Value/Ref'],
      ['template-duplicate-key', '/Parameters/Size'],
    ]);
  });

  it('still fails to parse when another error follows the repeated key', () => {
    const broken = `${text}\nMetadata:\n  M: !Foo {a: 1}\n`;
    const findings = lintText('t.yaml', broken, { rules: allRules });
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([['template-parse-error', 12]]);
  });
});
