import rule from '../../../lint/rules/property-length';
import { testRule } from '../rule-tester';

const oidc = (fingerprints: string, extra = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  ${extra}
  Resources:
    Provider:
      Type: ALIYUN::RAM::OIDCProvider
      Properties:
        IssuerUrl: https://token.actions.githubusercontent.com
        OIDCProviderName: github
        Fingerprints: ${fingerprints}
`;

const provision = (directoryId: string, extra = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  ${extra}
  Resources:
    Provision:
      Type: ALIYUN::CloudSSO::UserProvision
      Properties:
        DirectoryId: ${directoryId}
        PrincipalType: Group
        PrincipalId: g-abc
        TargetId: '100'
        TargetType: RD-Account
        DuplicationStrategy: KeepBoth
        DeletionStrategy: Keep
`;

testRule(rule, {
  valid: [
    { name: 'one fingerprint', yaml: oidc('[a]') },
    { name: 'five fingerprints', yaml: oidc('[a, b, c, d, e]') },
    {
      name: 'a CommaDelimitedList parameter whose Default gives two fingerprints',
      yaml: oidc('!Ref Prints', "Parameters: {Prints: {Type: CommaDelimitedList, Default: 'a,b'}}"),
    },
    { name: 'a one-character directory ID', yaml: provision('d') },
    {
      name: 'a directory ID from a parameter without constraints',
      yaml: provision('!Ref Dir', 'Parameters: {Dir: {Type: String}}'),
    },
  ],
  invalid: [
    {
      name: 'no fingerprints, reported at the list',
      yaml: oidc('[]'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provider/Properties/Fingerprints',
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 22,
        },
      ],
    },
    {
      name: 'six fingerprints',
      yaml: oidc('[a, b, c, d, e, f]'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provider/Properties/Fingerprints',
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 38,
        },
      ],
    },
    {
      name: 'a CommaDelimitedList Default with six fingerprints, reported at the Default',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Prints:
            Type: CommaDelimitedList
            Default: a,b,c,d,e,f
        Resources:
          Provider:
            Type: ALIYUN::RAM::OIDCProvider
            Properties:
              IssuerUrl: https://token.actions.githubusercontent.com
              OIDCProviderName: github
              Fingerprints: !Ref Prints
      `,
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/Prints/Default',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'an issuer URL longer than 255 characters',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provider:
            Type: ALIYUN::RAM::OIDCProvider
            Properties:
              IssuerUrl: https://${'a'.repeat(250)}.com
              OIDCProviderName: github
              Fingerprints: [a]
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provider/Properties/IssuerUrl',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 280,
        },
      ],
    },
    {
      name: 'a parameter Default longer than the Description allows, reported at the Default',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Text: {Type: String, Default: ${'x'.repeat(257)}}
        Resources:
          Provider:
            Type: ALIYUN::RAM::OIDCProvider
            Properties:
              IssuerUrl: https://token.actions.githubusercontent.com
              OIDCProviderName: github
              Fingerprints: [a]
              Description: !Ref Text
      `,
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/Text/Default',
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 290,
        },
      ],
    },
    {
      name: 'no fingerprints in the else branch of Fn::If',
      yaml: oidc('!If [C, [a], []]', 'Conditions: {C: !Equals [a, a]}'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provider/Properties/Fingerprints/Fn::If/2',
          line: 9,
          column: 34,
          endLine: 9,
          endColumn: 35,
        },
      ],
    },
    {
      name: 'a client ID longer than 128 characters in the Parameters of Custom::RAMOIDCClientId',
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
                ClientId: ${'c'.repeat(129)}
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/ClientId/Properties/Parameters/ClientId',
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 148,
        },
      ],
    },
    {
      name: 'a HttpConfig SignKey too long on Custom::Anything, checked as ALIYUN::ROS::CustomResource',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Hook:
            Type: Custom::Anything
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/hook/functions/run
              Timeout: 60
              HttpConfig: {SignKey: ${'k'.repeat(129)}}
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Hook/Properties/HttpConfig/SignKey',
          line: 8,
          column: 29,
          endLine: 8,
          endColumn: 158,
        },
      ],
    },
  ],
});
