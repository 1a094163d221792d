import rule from '../../../lint/rules/property-unknown';
import { testRule } from '../rule-tester';

const provision = (key: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Resources:
    Provision:
      Type: ALIYUN::CloudSSO::UserProvision
      Properties:
        ${key}: d-1
        PrincipalType: Group
        PrincipalId: g-abc
        TargetId: '100'
        TargetType: RD-Account
        DuplicationStrategy: KeepBoth
        DeletionStrategy: Keep
`;

const custom = (properties: string, extra = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  ${extra}
  Resources:
    Hook:
      Type: Custom::Anything
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:123:services/hook/functions/run
        Timeout: 60
        ${properties}
`;

testRule(rule, {
  valid: [
    { name: 'only properties the type defines', yaml: provision('DirectoryId') },
    {
      name: 'any key inside the Parameters of Custom::Anything',
      yaml: custom('Parameters: {Whatever: 1, Else: [2]}'),
    },
    {
      name: 'known HttpConfig keys',
      yaml: custom('HttpConfig: {SignKey: k, ContentType: application/json, Headers: {a: b}}'),
    },
    {
      name: 'a resource type without a definition',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Widget:
            Type: ALIYUN::Example::Widget
            Properties: {CidrBlock: 10.0.0.0/8, Anything: 1}
      `,
    },
  ],
  invalid: [
    {
      name: 'a near miss of DirectoryId, reported at the key',
      yaml: provision('DirectoryID'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Provision/Properties/DirectoryID',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 18,
        },
      ],
    },
    {
      name: 'an unknown property on Custom::Anything, checked as ALIYUN::ROS::CustomResource',
      yaml: custom('ServiceTimeout: 60'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Hook/Properties/ServiceTimeout',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'an unknown HttpConfig key',
      yaml: custom('HttpConfig: {Method: POST}'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Hook/Properties/HttpConfig/Method',
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'an unknown HttpConfig key in the else branch of Fn::If',
      yaml: custom('HttpConfig: !If [C, {SignKey: k}, {Sign: k}]', 'Conditions: {C: !Equals [a, a]}'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Hook/Properties/HttpConfig/Fn::If/2/Sign',
          line: 9,
          column: 42,
          endLine: 9,
          endColumn: 46,
        },
      ],
    },
    {
      name: 'unknown keys in the Parameters of Custom::CloudSSOUserProvision and Custom::RAMOIDCClientId',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provision:
            Type: Custom::CloudSSOUserProvision
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/ros-sso/functions/provision
              Timeout: 60
              Parameters:
                DirectoryId: d-1
                PrincipalType: Group
                PrincipalId: g-abc
                TargetId: '100'
                TargetType: RD-Account
                DuplicationStrategy: KeepBoth
                DeletionStrategy: Keep
                UserName: alice
          ClientId:
            Type: Custom::RAMOIDCClientId
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/ros-sso/functions/client-id
              Timeout: 60
              Parameters: {OIDCProviderName: github, ClientId: sts.aliyuncs.com, ClientSecret: x}
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Provision/Properties/Parameters/UserName',
          line: 16,
          column: 9,
          endLine: 16,
          endColumn: 17,
        },
        {
          messageId: 'unknown',
          path: '/Resources/ClientId/Properties/Parameters/ClientSecret',
          line: 22,
          column: 74,
          endLine: 22,
          endColumn: 86,
        },
      ],
    },
  ],
});
