import rule from '../../../lint/rules/output-definition';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'a Terraform template labels its Terraform outputs without a Value',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Transform: Aliyun::Terraform-v1.2
        Workspace:
          main.tf: |
            output "vpc_id" { value = "vpc-1" }
        Outputs:
          vpc_id:
            Label: {en: VPC, zh-cn: 专有网络}
            Description: the network
      `,
    },
    {
      name: 'outputs with a Value and every key ROS knows',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Conditions: {IsProd: !Equals [a, a]}
        Outputs:
          Id:
            Value: !GetAtt Provision.UserProvisionId
            Description: {en: The provisioning, zh-cn: 配置}
            Condition: IsProd
            Label: Provisioning
            NoEcho: true
            Console.Url: https://ros.console.aliyun.com
          Region:
            Value: !Ref ALIYUN::Region
      `,
    },
    {
      name: 'a Value that is a list or a mapping',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs:
          List: {Value: [a, b]}
          Map: {Value: {a: 1}}
      `,
    },
    { name: 'no Outputs section', yaml: "ROSTemplateFormatVersion: '2015-09-01'\n" },
  ],
  invalid: [
    {
      name: 'an output that is a bare value',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs:
          Id: stack-id
      `,
      findings: [
        { messageId: 'notMapping', path: '/Outputs/Id', line: 3, column: 7, endLine: 3, endColumn: 15 },
      ],
    },
    {
      name: 'an output written as a bare function is a mapping without a Value',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs:
          Id: !Ref ALIYUN::StackId
      `,
      findings: [
        { messageId: 'missingValue', path: '/Outputs/Id', line: 3, column: 3, endLine: 3, endColumn: 5 },
        { messageId: 'unknownKey', path: '/Outputs/Id/Ref', line: 3, column: 7, endLine: 3, endColumn: 27 },
      ],
    },
    {
      name: 'an output without a Value, reported at its name',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs:
          Id:
            Description: the stack
      `,
      findings: [
        { messageId: 'missingValue', path: '/Outputs/Id', line: 3, column: 3, endLine: 3, endColumn: 5 },
      ],
    },
    {
      name: 'a misspelt Value and a CloudFormation Export key',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs:
          Id:
            Valeu: !Ref ALIYUN::StackId
            Export: {Name: stack-id}
      `,
      findings: [
        { messageId: 'missingValue', path: '/Outputs/Id', line: 3, column: 3, endLine: 3, endColumn: 5 },
        { messageId: 'unknownKey', path: '/Outputs/Id/Valeu', line: 4, column: 5, endLine: 4, endColumn: 10 },
        {
          messageId: 'unknownKey',
          path: '/Outputs/Id/Export',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 11,
        },
      ],
    },
    {
      name: 'a number as an output in a JSON template',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Outputs": {"Count": 3}
        }
      `,
      findings: [
        { messageId: 'notMapping', path: '/Outputs/Count', line: 3, column: 24, endLine: 3, endColumn: 25 },
      ],
    },
  ],
});
