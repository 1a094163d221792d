import rule from '../../../lint/rules/property-required';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'every required property of ALIYUN::CloudSSO::UserProvision',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provision:
            Type: ALIYUN::CloudSSO::UserProvision
            Properties:
              DirectoryId: d-1
              PrincipalType: Group
              PrincipalId: g-abc
              TargetId: '100'
              TargetType: RD-Account
              DuplicationStrategy: KeepBoth
              DeletionStrategy: !If [C, Keep, Delete]
      `,
    },
    {
      name: 'ServiceToken and Timeout on Custom::Anything',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Hook:
            Type: Custom::Anything
            Properties: {ServiceToken: !GetAtt Function.ARN, Timeout: 60}
      `,
    },
    {
      name: 'no Timeout on a custom resource: optional, ROS defaults it to 60 s',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Hook:
            Type: Custom::Anything
            Properties: {ServiceToken: !GetAtt Function.ARN}
      `,
    },
    {
      name: 'a resource type without a schema is not checked',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Vpc:
            Type: ALIYUN::ECS::VPC
      `,
    },
  ],
  invalid: [
    {
      name: 'a missing DeletionStrategy, reported at the Properties mapping',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provision:
            Type: ALIYUN::CloudSSO::UserProvision
            Properties:
              DirectoryId: d-1
              PrincipalType: Group
              PrincipalId: g-abc
              TargetId: '100'
              TargetType: RD-Account
              DuplicationStrategy: KeepBoth
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties',
          line: 6,
          column: 7,
          endLine: 11,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'a custom resource without Properties, reported at the resource (ServiceToken only: Timeout is optional)',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Hook:
            Type: Custom::Anything
      `,
      findings: [
        { messageId: 'invalid', path: '/Resources/Hook', line: 4, column: 5, endLine: 4, endColumn: 27 },
      ],
    },
    {
      name: 'a missing ClientId in the Parameters of Custom::RAMOIDCClientId',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          ClientId:
            Type: Custom::RAMOIDCClientId
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/ros-sso/functions/client-id
              Timeout: 60
              Parameters: {OIDCProviderName: github}
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/ClientId/Properties/Parameters',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 44,
        },
      ],
    },
    {
      name: 'missing Parameters on Custom::CloudSSOUserProvision',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provision:
            Type: Custom::CloudSSOUserProvision
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/ros-sso/functions/provision
              Timeout: 60
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties',
          line: 6,
          column: 7,
          endLine: 7,
          endColumn: 18,
        },
      ],
    },
    {
      name: 'an empty required value is not set: reported as missing',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Hook:
            Type: Custom::Anything
            Properties:
              ServiceToken:
              Timeout: 60
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Hook/Properties',
          line: 6,
          column: 7,
          endLine: 7,
          endColumn: 18,
        },
      ],
    },
    {
      name: 'a missing ServiceToken in a JSON template, reported at the Properties mapping',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Resources": {
            "Hook": {"Type": "Custom::Anything", "Properties": {"Timeout": 60}}
          }
        }
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Hook/Properties',
          line: 4,
          column: 56,
          endLine: 4,
          endColumn: 70,
        },
      ],
    },
  ],
});
