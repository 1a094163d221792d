import rule from '../../../lint/rules/template-duplicate-name';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'distinct names across Parameters, Resources and Locals',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          VpcName: {Type: String}
        Locals:
          Prefix: {Value: app}
        Resources:
          Vpc: {Type: ALIYUN::ECS::VPC}
        Outputs:
          Vpc: {Value: !Ref Vpc}
      `,
    },
  ],
  invalid: [
    {
      name: 'a local named like a parameter: an error at the local',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Prefix: {Type: String}
        Locals:
          Prefix: {Value: app}
      `,
      findings: [
        {
          messageId: 'clash',
          path: '/Locals/Prefix',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          severity: 'error',
          message: /^Prefix is declared in both Parameters and Locals; a local must not share its name/,
        },
      ],
    },
    {
      name: 'a parameter and a resource of one name: a warning at the resource',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Vpc: {Type: String}
        Resources:
          Vpc: {Type: ALIYUN::ECS::VPC}
      `,
      findings: [
        {
          messageId: 'clash',
          path: '/Resources/Vpc',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 6,
          severity: 'warning',
          message:
            /^Vpc is declared in both Parameters and Resources; a Ref to it can mean only one of them$/,
        },
      ],
    },
    {
      name: 'one name in all three sections: one finding',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters: {Name: {Type: String}}
        Resources: {Name: {Type: ALIYUN::ROS::WaitConditionHandle}}
        Locals: {Name: {Value: x}}
      `,
      findings: [
        {
          messageId: 'clash',
          path: '/Locals/Name',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 14,
          severity: 'error',
          message: /^Name is declared in Parameters, Resources and Locals;/,
        },
      ],
    },
  ],
});
