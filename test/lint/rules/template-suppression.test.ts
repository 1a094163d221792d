import { describe, expect, it } from 'vitest';
import { lintText } from '../../../lint/engine';
import { allRules } from '../../../lint/rules';
import resourceDependsOn from '../../../lint/rules/resource-depends-on';
import type { Rule } from '../../../lint/rules/rule';
import templateFormatVersion from '../../../lint/rules/template-format-version';
import rule from '../../../lint/rules/template-suppression';
import { dedent, messageIdOf } from '../rule-tester';

// Suppressions act on other rules' findings, so these cases run the engine with this rule and two
// real rules whose findings the suppressions target. "Now" is fixed at 2026-11-23, as in testRule.

const knownRuleIds = new Set(allRules.map((r) => r.id));

function lint(text: string, rules: readonly Rule[] = [rule, resourceDependsOn, templateFormatVersion]) {
  return lintText('template.yaml', dedent(text), {
    rules,
    knownRuleIds,
    now: new Date('2026-11-23T00:00:00Z'),
  }).map((f) => ({
    ruleId: f.ruleId,
    messageId: messageIdOf(f),
    path: f.path,
    line: f.line,
    column: f.column,
  }));
}

/** A template whose resource A depends on a resource that does not exist (line 5). */
const dependsOnMissing = (comment: string, above = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  Resources:
    A:
      Type: ALIYUN::ROS::WaitConditionHandle
      ${above}
      DependsOn: Missing${comment}
`;

const DEPENDS_ON_FINDING = {
  ruleId: resourceDependsOn.id,
  messageId: 'unknown',
  path: '/Resources/A/DependsOn',
  line: 6,
  column: 16,
};

/** Two resources with a dangling DependsOn each; A carries `metadata` (one flow mapping). */
const withMetadata = (metadata: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Resources:
    A:
      Type: ALIYUN::ROS::WaitConditionHandle
      Metadata: ${metadata}
      DependsOn: Missing
    B:
      Type: ALIYUN::ROS::WaitConditionHandle
      DependsOn: Missing
`;

const B_FINDING = {
  ruleId: resourceDependsOn.id,
  messageId: 'unknown',
  path: '/Resources/B/DependsOn',
  line: 9,
  column: 16,
};

interface Case {
  name: string;
  text: string;
  findings: ReturnType<typeof lint>;
  rules?: readonly Rule[];
}

const cases: Case[] = [
  {
    name: 'an inline suppression on the offending line hides the finding',
    text: dependsOnMissing(
      '  # ros-sso-ignore resource-depends-on reason="made by another stack" expires=2027-01-31',
    ),
    findings: [],
  },
  {
    name: 'a suppression alone on the line above hides the finding',
    text: dependsOnMissing('', '# ros-sso-ignore resource-depends-on reason="made by another stack"'),
    findings: [],
  },
  {
    name: 'a suppression above blank and comment lines still covers the next line with content',
    text: `
      ROSTemplateFormatVersion: '2015-09-01'
      Resources:
        A:
          Type: ALIYUN::ROS::WaitConditionHandle
          # ros-sso-ignore resource-depends-on reason='made by another stack'

          # created by the network stack
          DependsOn: Missing
    `,
    findings: [],
  },
  {
    name: 'a suppression that expires today still holds',
    text: dependsOnMissing(' # ros-sso-ignore resource-depends-on reason=temporary expires=2026-11-23'),
    findings: [],
  },
  {
    name: 'a suppression listing several rules hides the findings of each',
    text: '{Resources: {A: {DependsOn: Missing}}} # ros-sso-ignore template-format-version,resource-depends-on reason=legacy\n',
    findings: [],
  },
  {
    name: 'the same line without a suppression reports both findings',
    text: '{Resources: {A: {DependsOn: Missing}}}\n',
    findings: [
      {
        ruleId: resourceDependsOn.id,
        messageId: 'unknown',
        path: '/Resources/A/DependsOn',
        line: 1,
        column: 29,
      },
      { ruleId: templateFormatVersion.id, messageId: 'missing', path: '', line: 1, column: 1 },
    ],
  },
  {
    name: 'a suppression of another rule leaves the finding',
    text: dependsOnMissing(' # ros-sso-ignore template-format-version reason="legacy"'),
    findings: [DEPENDS_ON_FINDING],
  },
  {
    name: 'a suppression on another line leaves the finding',
    text: `
      ROSTemplateFormatVersion: '2015-09-01'
      Resources:
        A: # ros-sso-ignore resource-depends-on reason="wrong line"
          Type: ALIYUN::ROS::WaitConditionHandle
          DependsOn: Missing
    `,
    findings: [{ ...DEPENDS_ON_FINDING, line: 5 }],
  },
  {
    name: 'an expired suppression is reported at the comment and no longer hides the finding',
    text: dependsOnMissing(
      ' # ros-sso-ignore resource-depends-on reason="until the network stack" expires=2026-11-22',
    ),
    findings: [DEPENDS_ON_FINDING, { ruleId: rule.id, messageId: 'expired', path: '', line: 6, column: 24 }],
  },
  {
    name: 'a suppression without a reason is reported and does not hide the finding',
    text: dependsOnMissing(' # ros-sso-ignore resource-depends-on'),
    findings: [
      DEPENDS_ON_FINDING,
      { ruleId: rule.id, messageId: 'missingReason', path: '', line: 6, column: 24 },
    ],
  },
  {
    name: 'a suppression with an empty reason is reported',
    text: dependsOnMissing(' # ros-sso-ignore resource-depends-on reason=""'),
    findings: [
      DEPENDS_ON_FINDING,
      { ruleId: rule.id, messageId: 'missingReason', path: '', line: 6, column: 24 },
    ],
  },
  {
    name: 'a suppression naming an unknown rule is reported',
    text: dependsOnMissing(' # ros-sso-ignore resource-depend-on reason="typo"'),
    findings: [
      DEPENDS_ON_FINDING,
      { ruleId: rule.id, messageId: 'unknownRule', path: '', line: 6, column: 24 },
    ],
  },
  {
    name: 'a suppression with a date that is not YYYY-MM-DD is reported and does not hold',
    text: dependsOnMissing(' # ros-sso-ignore resource-depends-on reason="soon" expires=31/01/2027'),
    findings: [DEPENDS_ON_FINDING, { ruleId: rule.id, messageId: 'badDate', path: '', line: 6, column: 24 }],
  },
  {
    name: 'a suppression with month 13 is reported',
    text: dependsOnMissing(' # ros-sso-ignore resource-depends-on reason="soon" expires=2027-13-01'),
    findings: [DEPENDS_ON_FINDING, { ruleId: rule.id, messageId: 'badDate', path: '', line: 6, column: 24 }],
  },
  {
    name: 'a suppression that names no rule is malformed',
    text: dependsOnMissing('', '# ros-sso-ignore'),
    findings: [DEPENDS_ON_FINDING, { ruleId: rule.id, messageId: 'malformed', path: '', line: 5, column: 5 }],
  },
  {
    name: 'problems with suppressions are not reported when this rule is off',
    text: dependsOnMissing(' # ros-sso-ignore resource-depend-on expires=2020-01-01'),
    rules: [resourceDependsOn],
    findings: [DEPENDS_ON_FINDING],
  },
  {
    name: 'a Metadata suppression hides the findings of its resource only',
    text: withMetadata(
      '{ros-sso: {ignore: [{rule: resource-depends-on, reason: made elsewhere, expires: 2027-01-31}]}}',
    ),
    findings: [B_FINDING],
  },
  {
    name: 'an expired Metadata suppression is reported at its entry',
    text: withMetadata(
      '{ros-sso: {ignore: [{rule: resource-depends-on, reason: made elsewhere, expires: 2026-01-31}]}}',
    ),
    findings: [
      { ...B_FINDING, path: '/Resources/A/DependsOn', line: 6 },
      B_FINDING,
      {
        ruleId: rule.id,
        messageId: 'expired',
        path: '/Resources/A/Metadata/ros-sso/ignore/0',
        line: 5,
        column: 35,
      },
    ],
  },
  {
    name: 'a Metadata suppression without a reason is reported at its entry',
    text: withMetadata('{ros-sso: {ignore: [{rule: resource-depends-on}]}}'),
    findings: [
      { ...B_FINDING, path: '/Resources/A/DependsOn', line: 6 },
      B_FINDING,
      {
        ruleId: rule.id,
        messageId: 'missingReason',
        path: '/Resources/A/Metadata/ros-sso/ignore/0',
        line: 5,
        column: 35,
      },
    ],
  },
  {
    name: 'a Metadata suppression of an unknown rule is reported at its entry',
    text: withMetadata('{ros-sso: {ignore: [{rule: depends-on, reason: x}]}}'),
    findings: [
      { ...B_FINDING, path: '/Resources/A/DependsOn', line: 6 },
      B_FINDING,
      {
        ruleId: rule.id,
        messageId: 'unknownRule',
        path: '/Resources/A/Metadata/ros-sso/ignore/0',
        line: 5,
        column: 35,
      },
    ],
  },
  {
    name: 'a Metadata suppression with a bad date is reported at its entry',
    text: withMetadata('{ros-sso: {ignore: [{rule: resource-depends-on, reason: x, expires: next year}]}}'),
    findings: [
      { ...B_FINDING, path: '/Resources/A/DependsOn', line: 6 },
      B_FINDING,
      {
        ruleId: rule.id,
        messageId: 'badDate',
        path: '/Resources/A/Metadata/ros-sso/ignore/0',
        line: 5,
        column: 35,
      },
    ],
  },
  {
    name: 'a Metadata suppression whose expiry is a list or a mapping does not hold',
    text: withMetadata(
      '{ros-sso: {ignore: [{rule: resource-depends-on, reason: x, expires: [2027-01-31]}, {rule: resource-depends-on, reason: x, expires: {on: 2027-01-31}}]}}',
    ),
    findings: [
      { ...B_FINDING, path: '/Resources/A/DependsOn', line: 6 },
      B_FINDING,
      {
        ruleId: rule.id,
        messageId: 'badDate',
        path: '/Resources/A/Metadata/ros-sso/ignore/0',
        line: 5,
        column: 35,
      },
      {
        ruleId: rule.id,
        messageId: 'badDate',
        path: '/Resources/A/Metadata/ros-sso/ignore/1',
        line: 5,
        column: 98,
      },
    ],
  },
  {
    name: 'Metadata ros-sso without an ignore list is malformed',
    text: withMetadata('{ros-sso: {ignore: resource-depends-on}}'),
    findings: [
      { ...B_FINDING, path: '/Resources/A/DependsOn', line: 6 },
      B_FINDING,
      { ruleId: rule.id, messageId: 'malformed', path: '/Resources/A/Metadata/ros-sso', line: 5, column: 25 },
    ],
  },
  {
    name: 'a Metadata ignore entry without a rule is malformed',
    text: withMetadata('{ros-sso: {ignore: [resource-depends-on]}}'),
    findings: [
      { ...B_FINDING, path: '/Resources/A/DependsOn', line: 6 },
      B_FINDING,
      {
        ruleId: rule.id,
        messageId: 'malformed',
        path: '/Resources/A/Metadata/ros-sso/ignore/0',
        line: 5,
        column: 35,
      },
    ],
  },
];

describe(`${rule.id} messages`, () => {
  it('quotes an expiry that is not text as written, not as [object Object]', () => {
    const text = withMetadata(
      '{ros-sso: {ignore: [{rule: resource-depends-on, reason: x, expires: {on: 2027-01-31}}]}}',
    );
    const findings = lintText('template.yaml', dedent(text), {
      rules: [rule, resourceDependsOn],
      knownRuleIds,
    });
    expect(findings.filter((f) => f.ruleId === rule.id).map((f) => f.message)).toEqual([
      'suppression expiry {"on":"2027-01-31"} is not a date (YYYY-MM-DD)',
    ]);
  });
});

describe(rule.id, () => {
  const names = cases.map((c) => c.name);
  it('has unique case names', () => {
    expect(new Set(names).size).toBe(names.length);
  });
  for (const c of cases) {
    it(c.name, () => {
      expect(lint(c.text, c.rules)).toEqual(c.findings);
    });
  }
});
