import { describe, expect, it } from 'vitest';
import { lintText } from '../../../lint/engine';
import { allRules } from '../../../lint/rules';
import rule from '../../../lint/rules/template-parse-error';
import { dedent, messageIdOf } from '../rule-tester';

// The engine makes this rule's findings itself, before any rule runs, so `testRule` (which runs one
// rule's check) does not apply: these cases run every rule and expect the parse error alone.

function lint(text: string, file = 'template.yaml') {
  return lintText(file, text, { rules: allRules, now: new Date('2026-11-23T00:00:00Z') });
}

interface Case {
  name: string;
  text: string;
  file?: string;
}

/** Six levels of ten: 10^6 nodes once the aliases are expanded. */
const ALIAS_BOMB = [
  'Metadata:',
  '  l1: &lol1 [x, x, x, x, x, x, x, x, x, x]',
  ...[2, 3, 4, 5, 6].map(
    (n) =>
      `  l${n}: &lol${n} [${Array(10)
        .fill(`*lol${n - 1}`)
        .join(', ')}]`,
  ),
].join('\n');

const valid: Case[] = [
  {
    name: 'a YAML template with short forms, comments and an explicit document start',
    text: dedent(`
      ---
      # provisioning
      ROSTemplateFormatVersion: 2015-09-01
      Resources:
        Handle: {Type: ALIYUN::ROS::WaitConditionHandle}
      Outputs:
        Id: {Value: !GetAtt Handle.Id}
    `),
  },
  {
    name: 'a JSON template',
    file: 't.json',
    text: '{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {"H": {"Type": "ALIYUN::ROS::WaitConditionHandle"}}}',
  },
  {
    name: 'a few anchors and aliases',
    text: "ROSTemplateFormatVersion: '2015-09-01'\nParameters:\n  A: &p {Type: String}\n  B: *p\n",
  },
  {
    // template-duplicate-key reports it, and the rest of the file is linted with the last value.
    name: 'a duplicate key',
    text: 'Resources:\n  A:\n    Type: ALIYUN::ROS::WaitConditionHandle\n    Type: Custom::Anything\n',
  },
  { name: 'a byte order mark', text: "\uFEFFROSTemplateFormatVersion: '2015-09-01'\n" },
  {
    name: 'nesting 150 levels deep',
    text: `ROSTemplateFormatVersion: '2015-09-01'\nOutputs: {Deep: {Value: ${'['.repeat(150)}${']'.repeat(150)}}}\n`,
  },
];

// Alias cases assert the line only: the engine places them one column past the `*` (js-yaml's
// anchorStart excludes the sigil), and that column is not pinned here.
const invalid: Array<Case & { line: number; column?: number }> = [
  { name: 'an empty file', text: '', line: 1, column: 1 },
  { name: 'a file of blank lines', text: '\n   \n', line: 1, column: 1 },
  { name: 'a file with only a comment', text: '# nothing yet\n', line: 1, column: 1 },
  {
    name: 'an unclosed flow sequence, reported where the parser gave up',
    text: "ROSTemplateFormatVersion: '2015-09-01'\nResources: [a, b\n",
    line: 3,
    column: 1,
  },
  {
    name: 'a tab in the indentation',
    text: "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n\tA: 1\n",
    line: 3,
    column: 1,
  },
  { name: 'a list as the document', text: '- ROSTemplateFormatVersion\n- Resources\n', line: 1, column: 1 },
  { name: 'a string as the document', text: 'ROSTemplateFormatVersion\n', line: 1, column: 1 },
  { name: 'null as the document', text: '~\n', line: 1, column: 1 },
  {
    name: 'two documents, reported at the second',
    text: "ROSTemplateFormatVersion: '2015-09-01'\n---\nResources: {}\n",
    line: 3,
    column: 1,
  },
  {
    name: 'a tag named after a function only in the wrong case',
    text: 'Outputs:\n  O:\n    Value: !base64 text\n',
    line: 3,
    column: 12,
  },
  {
    name: 'an unknown tag on a mapping',
    text: 'Outputs:\n  O:\n    Value: !Foo {a: 1}\n',
    line: 3,
    column: 12,
  },
  { name: 'an alias bomb, reported on the line of the first alias', text: ALIAS_BOMB, line: 3 },
  { name: 'an alias inside its own anchor', text: 'Resources: &res\n  A: *res\n', line: 2 },
  {
    name: 'nesting deeper than 200 levels',
    text: `Outputs: {Deep: {Value: ${'['.repeat(201)}${']'.repeat(201)}}}\n`,
    line: 1,
    column: 222,
  },
  {
    name: 'a missing comma in a JSON template',
    file: 't.json',
    text: '{\n  "ROSTemplateFormatVersion": "2015-09-01"\n  "Resources": {}\n}\n',
    line: 3,
    column: 3,
  },
  {
    name: 'a JSON array as the document',
    file: 't.json',
    text: '[{"ROSTemplateFormatVersion": "2015-09-01"}]',
    line: 1,
    column: 1,
  },
];

describe(rule.id, () => {
  for (const c of valid) {
    it(`stays quiet: ${c.name}`, () => {
      expect(lint(c.text, c.file).filter((f) => f.ruleId === rule.id)).toEqual([]);
    });
  }
  for (const c of invalid) {
    it(`reports: ${c.name}`, () => {
      const findings = lint(c.text, c.file);
      expect(
        findings.map((f) => ({
          ruleId: f.ruleId,
          messageId: messageIdOf(f),
          path: f.path,
          line: f.line,
          ...(c.column === undefined ? {} : { column: f.column }),
          severity: f.severity,
        })),
      ).toEqual([
        {
          ruleId: rule.id,
          messageId: 'parse',
          path: '',
          line: c.line,
          ...(c.column === undefined ? {} : { column: c.column }),
          severity: 'error',
        },
      ]);
    });
  }

  it('reports: a parse error at the severity configuration gives it', () => {
    const findings = lintText('template.yaml', '- a\n', {
      rules: allRules,
      severities: { [rule.id]: 'warning' },
    });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([[rule.id, 'warning']]);
  });
});
