import rule from '../../../lint/rules/resource-count-name-conflict';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'names beyond the generated ones, and bracketed names without a Count resource',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Count: 2
          Handle[2]:
            Type: ALIYUN::ROS::WaitConditionHandle
          Other[0]:
            Type: ALIYUN::ROS::WaitConditionHandle
      `,
    },
  ],
  invalid: [
    {
      name: 'a resource named like an instance a literal Count generates',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Count: 3
          Handle[1]:
            Type: ALIYUN::ROS::WaitConditionHandle
          Disk:
            Type: ALIYUN::ECS::Disk
            Count: '2'
          Disk[0]:
            Type: ALIYUN::ECS::Disk
      `,
      findings: [
        {
          messageId: 'conflict',
          path: '/Resources/Handle[1]',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 12,
          severity: 'error',
          message: /^Count 3 on Handle generates a resource Handle\[1\], which this one already is$/,
        },
        {
          messageId: 'conflict',
          path: '/Resources/Disk[0]',
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 10,
        },
      ],
    },
    {
      name: 'a computed Count: a warning',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Amount: {Type: Number, Default: 1}
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Count: !Ref Amount
          Handle[0]:
            Type: ALIYUN::ROS::WaitConditionHandle
      `,
      findings: [
        {
          messageId: 'mayConflict',
          path: '/Resources/Handle[0]',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 12,
          severity: 'warning',
          message: /exceeds 0/,
        },
      ],
    },
  ],
});
