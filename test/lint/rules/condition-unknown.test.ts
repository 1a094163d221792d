import rule from '../../../lint/rules/condition-unknown';
import { testRule } from '../rule-tester';

const PARAMETERS = 'Parameters: {Env: {Type: String, AllowedValues: [prod, dev], Default: dev}}';
const CONDITIONS = 'Conditions: {IsProd: !Equals [!Ref Env, prod]}';

testRule(rule, {
  valid: [
    {
      name: 'Fn::If short form, a resource Condition and an output Condition that are all defined',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        ${PARAMETERS}
        ${CONDITIONS}
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Condition: IsProd
            Properties:
              Count: !If [IsProd, 2, 1]
        Outputs:
          Id:
            Condition: IsProd
            Value: !Ref Handle
      `,
    },
    {
      name: 'Fn::If long form naming a defined condition',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        ${PARAMETERS}
        ${CONDITIONS}
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Properties:
              Count:
                Fn::If:
                  - IsProd
                  - 2
                  - 1
      `,
    },
    {
      name: 'a condition name computed by a function is not guessed at',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Properties:
              Count: !If [!Ref Env, 2, 1]
      `,
    },
    {
      name: 'a JSON template whose Fn::If names a defined condition',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Conditions": {"IsProd": {"Fn::Equals": ["a", "a"]}},
          "Resources": {
            "Handle": {
              "Type": "ALIYUN::ROS::WaitConditionHandle",
              "Properties": {"Count": {"Fn::If": ["IsProd", 2, 1]}}
            }
          }
        }
      `,
    },
    {
      name: 'a template without Conditions that uses none',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelt condition in the Fn::If short form, reported at the name',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        ${PARAMETERS}
        ${CONDITIONS}
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Properties:
              Count: !If [IsProdd, 2, 1]
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Handle/Properties/Count/Fn::If/0',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'an undefined condition in the Fn::If long form',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Properties:
              Count:
                Fn::If:
                  - IsProd
                  - 2
                  - 1
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Handle/Properties/Count/Fn::If/0',
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'an undefined resource Condition and output Condition, each reported at its value',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        ${PARAMETERS}
        ${CONDITIONS}
        Resources:
          Handle:
            Type: ALIYUN::ROS::WaitConditionHandle
            Condition: IsDev
        Outputs:
          Id:
            Condition: isprod
            Value: !Ref Handle
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Handle/Condition',
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 21,
        },
        {
          messageId: 'unknown',
          path: '/Outputs/Id/Condition',
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 22,
        },
      ],
    },
    {
      name: 'Fn::If nested inside another Fn::If branch',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        ${PARAMETERS}
        ${CONDITIONS}
        Outputs:
          Size:
            Value: !If [IsProd, large, !If [IsTest, medium, small]]
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Size/Value/Fn::If/2/Fn::If/0',
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 43,
        },
      ],
    },
  ],
});
