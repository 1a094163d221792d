import rule from '../../../lint/rules/condition-cycle';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'conditions that build on others without a cycle',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Env: {Type: String, Default: dev}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          IsDev: !Not [{Condition: IsProd}]
          Either: !Or [IsProd, IsDev]
          Sized: !Equals [!If [IsProd, large, small], large]
      `,
    },
    {
      name: 'a string equal to a condition name, compared as a value',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Env: {Type: String, Default: dev}
        Conditions:
          Loop: !Equals [!Ref Env, Loop]
      `,
    },
  ],
  invalid: [
    {
      name: 'two conditions naming each other as Fn::And / Fn::Or operands',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Conditions:
          A: !And [B, !Equals [1, 1]]
          B: !Or [{Condition: A}, !Equals [1, 2]]
      `,
      findings: [
        {
          messageId: 'cycle',
          path: '/Conditions/B/Fn::Or/0/Condition',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 24,
          severity: 'error',
          message: /^conditions build on each other in a cycle: A → B → A$/,
        },
      ],
    },
    {
      name: 'a condition that builds on itself through Fn::Not and through Fn::If',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Conditions:
          Self:
            Fn::Not:
              - Condition: Self
          Picked: !Equals [!If [Picked, a, b], a]
      `,
      findings: [
        {
          messageId: 'cycle',
          path: '/Conditions/Self/Fn::Not/0/Condition',
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 24,
          message: /Self → Self/,
        },
        {
          messageId: 'cycle',
          path: '/Conditions/Picked/Fn::Equals/0/Fn::If/0',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 31,
        },
      ],
    },
  ],
});
