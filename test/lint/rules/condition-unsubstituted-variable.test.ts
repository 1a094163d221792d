import rule from '../../../lint/rules/condition-unsubstituted-variable';
import { testRule } from '../rule-tester';

const PARAMETERS = `
        Parameters:
          Env: {Type: String, Default: dev}
          Name: {Type: String, Default: app}`;

testRule(rule, {
  valid: [
    {
      name: 'conditions that use Ref, and text that only looks like a reference',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'${PARAMETERS}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          Escaped: !Equals [!Ref Env, '\${!Env}']
          NotAName: !Equals [!Ref Env, '\${Stage}']
      `,
    },
    {
      name: 'text built by Fn::Replace, Fn::Join or Fn::Sub, where ${…} is meant',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'${PARAMETERS}
        Conditions:
          Replaced:
            Fn::Equals:
              - Fn::Replace: [{'\${Env}': !Ref Env}, 'stage-\${Env}']
              - stage-prod
          Joined: !Equals [!Join ['', ['\${Env}', x]], x]
          Subbed: !Equals [!Sub '\${Env}', prod]
      `,
    },
  ],
  invalid: [
    {
      name: 'a parameter written as ${Env}: the condition is constant',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'${PARAMETERS}
        Conditions:
          IsProd:
            Fn::Equals: ['\${Env}', prod]
      `,
      findings: [
        {
          messageId: 'literal',
          path: '/Conditions/IsProd/Fn::Equals/0',
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 26,
          severity: 'error',
          message:
            /^\$\{Env\} in a Conditions string is never substituted, so this compares the literal text; use Ref: Env$/,
        },
      ],
    },
    {
      name: 'pseudo parameters and parameters deep in And/Not, each reported',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'${PARAMETERS}
        Conditions:
          InChina:
            Fn::And:
              - Fn::Not: {Fn::Equals: ['\${ALIYUN::Region}', cn-hongkong]}
              - Fn::Equals: [!Ref Env, 'prefix-\${Name}-\${Env}']
      `,
      findings: [
        {
          messageId: 'literal',
          path: '/Conditions/InChina/Fn::And/0/Fn::Not/Fn::Equals/0',
          line: 8,
          column: 32,
          endLine: 8,
          endColumn: 51,
          message: /use Ref: ALIYUN::Region$/,
        },
        {
          messageId: 'literal',
          path: '/Conditions/InChina/Fn::And/1/Fn::Equals/1',
          line: 9,
          column: 32,
          endLine: 9,
          endColumn: 55,
          message: /Name/,
        },
        {
          messageId: 'literal',
          path: '/Conditions/InChina/Fn::And/1/Fn::Equals/1',
          line: 9,
          column: 32,
          endLine: 9,
          endColumn: 55,
          message: /Env/,
        },
      ],
    },
  ],
});
