import { describe, expect, it } from 'vitest';
import { lintText } from '../../../lint/engine';
import { allRules } from '../../../lint/rules';
import propertyRequired from '../../../lint/rules/property-required';
import { defineRule, defineSchemaRule, type Rule } from '../../../lint/rules/rule';
import rule from '../../../lint/rules/rule-error';
import templateFormatVersion from '../../../lint/rules/template-format-version';
import { dedent, messageIdOf } from '../rule-tester';

// The engine makes this rule's findings when another rule throws, so each case runs the engine with
// a throwing rule defined here next to real rules, which must still report.

function lint(rules: readonly Rule[], text: string) {
  return lintText('template.yaml', dedent(text), { rules, now: new Date('2026-11-23T00:00:00Z') }).map(
    (f) => ({
      ruleId: f.ruleId,
      messageId: messageIdOf(f),
      path: f.path,
      line: f.line,
      column: f.column,
      severity: f.severity,
    }),
  );
}

const throwsError = defineRule({
  id: 'test-throws-error',
  defaultSeverity: 'warning',
  description: 'Throws an Error on every template.',
  messages: { never: 'never reported' },
  check() {
    throw new Error('boom');
  },
});

const throwsString = defineRule({
  id: 'test-throws-string',
  defaultSeverity: 'info',
  description: 'Throws a string on every template.',
  messages: { never: 'never reported' },
  check() {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the case under test: a rule that throws a non-Error
    throw 'boom';
  },
});

const reportsThenThrows = defineRule({
  id: 'test-reports-then-throws',
  defaultSeverity: 'warning',
  description: 'Reports at the Resources section, then throws.',
  messages: { seen: 'seen' },
  check({ report }) {
    report('/Resources', 'seen');
    throw new Error('boom');
  },
});

const schemaRuleThatThrows: Rule = {
  ...defineSchemaRule({
    id: 'test-schema-throws',
    defaultSeverity: 'error',
    description: 'Owns enum issues and throws on each.',
    keywords: ['enum'],
  }),
  checkIssue() {
    throw new Error('boom');
  },
};

const NO_VERSION = `
  Resources:
    Handle: {Type: ALIYUN::ROS::WaitConditionHandle}
`;

describe(rule.id, () => {
  it('stays quiet: rules that do not throw', () => {
    expect(lint(allRules, NO_VERSION).filter((f) => f.ruleId === rule.id)).toEqual([]);
  });

  it('reports: a rule that throws an Error, at the top of the template, while the other rules still report', () => {
    expect(lint([throwsError, templateFormatVersion], NO_VERSION)).toEqual([
      { ruleId: rule.id, messageId: 'crashed', path: '', line: 1, column: 1, severity: 'error' },
      {
        ruleId: templateFormatVersion.id,
        messageId: 'missing',
        path: '',
        line: 1,
        column: 1,
        severity: 'error',
      },
    ]);
  });

  it('reports: a rule that throws something other than an Error', () => {
    expect(lint([templateFormatVersion, throwsString], NO_VERSION)).toEqual([
      {
        ruleId: templateFormatVersion.id,
        messageId: 'missing',
        path: '',
        line: 1,
        column: 1,
        severity: 'error',
      },
      { ruleId: rule.id, messageId: 'crashed', path: '', line: 1, column: 1, severity: 'error' },
    ]);
  });

  it('reports: a rule that throws after reporting keeps its finding', () => {
    const text = `
      # provisioning
      ROSTemplateFormatVersion: '2015-09-01'
      Resources:
        Handle: {Type: ALIYUN::ROS::WaitConditionHandle}
    `;
    expect(lint([reportsThenThrows], text)).toEqual([
      {
        ruleId: reportsThenThrows.id,
        messageId: 'seen',
        path: '/Resources',
        line: 4,
        column: 3,
        severity: 'warning',
      },
      { ruleId: rule.id, messageId: 'crashed', path: '', line: 2, column: 1, severity: 'error' },
    ]);
  });

  it('reports: a schema rule that throws on an issue, while the other schema rules still report', () => {
    const text = `
      ROSTemplateFormatVersion: '2015-09-01'
      Resources:
        Provision:
          Type: ALIYUN::CloudSSO::UserProvision
          Properties:
            DirectoryId: d-1
            PrincipalType: Group
            PrincipalId: g-abc
            TargetId: '100'
            TargetType: Account
            DuplicationStrategy: KeepBoth
    `;
    expect(lint([schemaRuleThatThrows, propertyRequired], text)).toEqual([
      {
        ruleId: propertyRequired.id,
        messageId: 'invalid',
        path: '/Resources/Provision/Properties',
        line: 6,
        column: 7,
        severity: 'error',
      },
      { ruleId: rule.id, messageId: 'crashed', path: '', line: 1, column: 1, severity: 'error' },
    ]);
  });
});
