import rule from '../../../lint/rules/resource-dependency-cycle';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'a chain of DependsOn, Ref, Fn::GetAtt and Fn::Sub without a cycle',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Function: {Type: ALIYUN::FC::Function}
          Provider: {Type: ALIYUN::RAM::OIDCProvider, DependsOn: Function}
          ClientId:
            Type: Custom::RAMOIDCClientId
            DependsOn: [Provider]
            Properties:
              ServiceToken: !GetAtt Function.ARN
              Timeout: 60
              Parameters:
                OIDCProviderName: !Ref Provider
                ClientId: !Sub \${Function}-client
        Outputs:
          Back: {Value: !GetAtt ClientId.Arn}
      `,
    },
    {
      name: 'a resource that refers to itself is left to the other rules',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: A, Properties: {Count: !Ref A}}
      `,
    },
    {
      name: 'a diamond is not a cycle',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: [B, C]}
          B: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: D}
          C: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: D}
          D: {Type: ALIYUN::ROS::WaitConditionHandle}
      `,
    },
    {
      name: 'Fn::Sub names from its own variable map are not resources',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: ALIYUN::ROS::WaitConditionHandle, Properties: {Name: !Ref B}}
          B: {Type: ALIYUN::ROS::WaitConditionHandle, Properties: {Name: !Sub ['\${A}', {A: x}]}}
      `,
    },
  ],
  invalid: [
    {
      name: 'two resources that depend on each other through DependsOn, reported at the closing edge',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: B}
          B: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: [A]}
      `,
      findings: [
        {
          messageId: 'cycle',
          path: '/Resources/B/DependsOn/0',
          line: 4,
          column: 59,
          endLine: 4,
          endColumn: 60,
        },
      ],
    },
    {
      name: 'a cycle through Ref and Fn::GetAtt',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provider:
            Type: ALIYUN::RAM::OIDCProvider
            Properties: {ClientIds: [!GetAtt ClientId.ClientId]}
          ClientId:
            Type: Custom::RAMOIDCClientId
            Properties: {Parameters: {OIDCProviderName: !Ref Provider}}
      `,
      findings: [
        {
          messageId: 'cycle',
          path: '/Resources/ClientId/Properties/Parameters/OIDCProviderName/Ref',
          line: 8,
          column: 49,
          endLine: 8,
          endColumn: 62,
        },
      ],
    },
    {
      name: 'a cycle of three through Fn::Sub, Ref and DependsOn',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: ALIYUN::ROS::WaitConditionHandle, Properties: {Name: !Sub '\${B.Id}'}}
          B: {Type: ALIYUN::ROS::WaitConditionHandle, Properties: {Name: !Ref C}}
          C: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: A}
      `,
      findings: [
        {
          messageId: 'cycle',
          path: '/Resources/C/DependsOn',
          line: 5,
          column: 58,
          endLine: 5,
          endColumn: 59,
        },
      ],
    },
    {
      name: 'two separate cycles, each reported once',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: B}
          B: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: A}
          C: {Type: ALIYUN::ROS::WaitConditionHandle, Properties: {Name: !Ref D}}
          D: {Type: ALIYUN::ROS::WaitConditionHandle, Properties: {Name: !GetAtt C.Id}}
      `,
      findings: [
        {
          messageId: 'cycle',
          path: '/Resources/B/DependsOn',
          line: 4,
          column: 58,
          endLine: 4,
          endColumn: 59,
        },
        {
          messageId: 'cycle',
          path: '/Resources/D/Properties/Name/Fn::GetAtt',
          line: 6,
          column: 66,
          endLine: 6,
          endColumn: 78,
        },
      ],
    },
    {
      name: 'a cycle in a JSON template, reported at the arguments of the closing Fn::GetAtt',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Resources": {
            "A": {"Type": "ALIYUN::ROS::WaitConditionHandle", "Properties": {"Name": {"Ref": "B"}}},
            "B": {"Type": "ALIYUN::ROS::WaitConditionHandle", "Properties": {"Name": {"Fn::GetAtt": ["A", "Id"]}}}
          }
        }
      `,
      findings: [
        {
          messageId: 'cycle',
          path: '/Resources/B/Properties/Name/Fn::GetAtt',
          line: 5,
          column: 93,
          endLine: 5,
          endColumn: 103,
        },
      ],
    },
  ],
});
