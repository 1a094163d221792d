import rule from '../../../lint/rules/ref-locals-cycle';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'locals that build on each other in a chain, and on a data source',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Locals:
          Vpcs:
            Type: DATASOURCE::VPC::Vpcs
            Properties: {VpcName: main}
          FirstVpc:
            Type: Eval
            Value: !Select [0, !GetAtt Vpcs.VpcIds]
          Description:
            Value: !Join ['-', [!Ref FirstVpc, vpc]]
      `,
    },
  ],
  invalid: [
    {
      name: 'three locals in a cycle through Ref and Fn::GetAtt',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Locals:
          A:
            Value: !Ref B
          B:
            Type: Eval
            Value: !Join ['', [!Ref C]]
          C:
            Type: Eval
            Value: {Fn::GetAtt: [A, Value]}
      `,
      findings: [
        {
          messageId: 'cycle',
          path: '/Locals/C/Value/Fn::GetAtt',
          line: 10,
          column: 25,
          endLine: 10,
          endColumn: 34,
          severity: 'error',
          message: /^locals refer to each other in a cycle: A → B → C → A$/,
        },
      ],
    },
    {
      name: 'a local that refers to itself',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Locals:
          Name:
            Value: !Ref Name
      `,
      findings: [
        {
          messageId: 'cycle',
          path: '/Locals/Name/Value/Ref',
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 21,
          message: /Name → Name/,
        },
      ],
    },
  ],
});
