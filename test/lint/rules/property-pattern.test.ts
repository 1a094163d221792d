import rule from '../../../lint/rules/property-pattern';
import { testRule } from '../rule-tester';

/** An ALIYUN::CloudSSO::UserProvision with the given principal; `extra` is one top-level line. */
const provision = (principalType: string, principalId: string, extra = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  ${extra}
  Resources:
    Provision:
      Type: ALIYUN::CloudSSO::UserProvision
      Properties:
        DirectoryId: d-1
        PrincipalType: ${principalType}
        PrincipalId: ${principalId}
        TargetId: '100'
        TargetType: RD-Account
        DuplicationStrategy: KeepBoth
        DeletionStrategy: Keep
`;

/** The same provisioning through the ros-sso custom resource (nested Parameters). */
const customProvision = (principalType: string, principalId: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Resources:
    Provision:
      Type: Custom::CloudSSOUserProvision
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:123:services/ros-sso/functions/provision
        Timeout: 60
        Parameters:
          DirectoryId: d-1
          PrincipalType: ${principalType}
          PrincipalId: ${principalId}
          TargetId: '100'
          TargetType: RD-Account
          DuplicationStrategy: KeepBoth
          DeletionStrategy: Keep
`;

const oidc = (issuer: string, name = 'github', extra = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  ${extra}
  Resources:
    Provider:
      Type: ALIYUN::RAM::OIDCProvider
      Properties:
        IssuerUrl: ${issuer}
        OIDCProviderName: ${name}
        Fingerprints: [902ef2deeb3c5b13ea4c3d5193629309e231ae55]
`;

testRule(rule, {
  valid: [
    { name: 'a group ID for a Group', yaml: provision('Group', 'g-abc123') },
    { name: 'a user ID for a User', yaml: provision('User', 'u-abc123') },
    {
      name: 'a user ID for a User in the custom resource Parameters',
      yaml: customProvision('User', 'u-abc'),
    },
    {
      name: 'a PrincipalId built with Fn::Sub is not guessed at',
      yaml: provision('Group', `!Sub "g-\${ALIYUN::StackName}"`),
    },
    {
      name: 'a PrincipalType from a parameter without constraints',
      yaml: provision('!Ref Type', 'u-abc', 'Parameters: {Type: {Type: String}}'),
    },
    {
      name: 'a PrincipalType parameter whose every value fits the PrincipalId',
      yaml: provision(
        '!Ref Type',
        'u-abc',
        'Parameters: {Type: {Type: String, AllowedValues: [User], Default: User}}',
      ),
    },
    {
      name: 'both Fn::If branches of the right kind',
      yaml: provision('Group', '!If [C, g-a, g-b]', 'Conditions: {C: !Equals [a, a]}'),
    },
    {
      name: 'an https issuer and a well-formed provider name',
      yaml: oidc('https://token.actions.githubusercontent.com', 'github-actions'),
    },
  ],
  invalid: [
    {
      name: 'a user ID for a Group, reported at the PrincipalId',
      yaml: provision('Group', 'u-abc123'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties/PrincipalId',
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'a group ID for a User in the Parameters of Custom::CloudSSOUserProvision',
      yaml: customProvision('User', 'g-abc'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties/Parameters/PrincipalId',
          line: 11,
          column: 22,
          endLine: 11,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'a PrincipalType parameter value that makes the literal PrincipalId wrong, reported at that value',
      yaml: provision(
        '!Ref Type',
        'g-abc',
        'Parameters: {Type: {Type: String, AllowedValues: [User, Group]}}',
      ),
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/Type/AllowedValues/0',
          line: 2,
          column: 51,
          endLine: 2,
          endColumn: 55,
        },
      ],
    },
    {
      name: 'a PrincipalId parameter Default of the wrong kind',
      yaml: provision('Group', '!Ref Principal', 'Parameters: {Principal: {Type: String, Default: u-abc}}'),
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/Principal/Default',
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 54,
        },
      ],
    },
    {
      name: 'the then branch of Fn::If',
      yaml: provision('Group', '!If [C, u-a, g-b]', 'Conditions: {C: !Equals [a, a]}'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties/PrincipalId/Fn::If/1',
          line: 9,
          column: 28,
          endLine: 9,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'an http issuer URL',
      yaml: oidc('http://issuer.example.com'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provider/Properties/IssuerUrl',
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 43,
        },
      ],
    },
    {
      name: 'a provider name ending in a dash, through a $ref to a shared definition',
      yaml: oidc('https://issuer.example.com', 'github-'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provider/Properties/OIDCProviderName',
          line: 8,
          column: 25,
          endLine: 8,
          endColumn: 32,
        },
      ],
    },
    {
      name: 'a client ID starting with a special character in the Parameters of Custom::RAMOIDCClientId',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          ClientId:
            Type: Custom::RAMOIDCClientId
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/ros-sso/functions/client-id
              Timeout: 60
              Parameters:
                OIDCProviderName: github
                ClientId: /sts
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/ClientId/Properties/Parameters/ClientId',
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 23,
        },
      ],
    },
  ],
});
