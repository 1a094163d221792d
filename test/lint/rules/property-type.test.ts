import rule from '../../../lint/rules/property-type';
import { testRule } from '../rule-tester';

/** A generic custom resource with the given Timeout; `extra` is one top-level line. */
const custom = (timeout: string, extra = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  ${extra}
  Resources:
    Hook:
      Type: Custom::Anything
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:123:services/hook/functions/run
        Timeout: ${timeout}
`;

const provision = (directoryId: string, extra = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  ${extra}
  Resources:
    Provision:
      Type: Custom::CloudSSOUserProvision
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:123:services/ros-sso/functions/provision
        Timeout: 60
        Parameters:
          DirectoryId: ${directoryId}
          PrincipalType: Group
          PrincipalId: g-abc
          TargetId: 1234567890
          TargetType: RD-Account
          DuplicationStrategy: KeepBoth
          DeletionStrategy: Keep
          Description: !If [C, provisioned by ROS, !Ref ALIYUN::NoValue]
`;

/** An FC 3.0 function with two boolean properties, and a parameter allowing 'True' and 'False'. */
const fc3Function = (internetAccess: string, disableOndemand: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters:
    Public: {Type: String, AllowedValues: ['True', 'False'], Default: 'False'}
  Resources:
    Fn:
      Type: ALIYUN::FC3::Function
      Properties:
        FunctionName: f
        Handler: index.handler
        Runtime: nodejs20
        InternetAccess: ${internetAccess}
        DisableOndemand: ${disableOndemand}
`;

testRule(rule, {
  valid: [
    {
      name: 'booleans written in any letter case, as ROS reads them, also through a parameter',
      yaml: fc3Function('!Ref Public', "'TRUE'"),
    },
    {
      name: 'an empty mapping value is not set, not null of the wrong type',
      yaml: custom('60').replace('Timeout: 60', 'Timeout: 60\n        Parameters:'),
    },
    { name: 'a numeric Timeout', yaml: custom('60') },
    { name: 'a Timeout written as a string, which ROS accepts', yaml: custom('"60"') },
    {
      name: 'a Timeout from a Number parameter',
      yaml: custom('!Ref T', 'Parameters: {T: {Type: Number, Default: 300}}'),
    },
    {
      name: 'a numeric account ID for a string property, and ALIYUN::NoValue in an Fn::If branch',
      yaml: provision('d-1', 'Conditions: {C: !Equals [a, a]}'),
    },
    {
      name: 'a directory ID from a String parameter',
      yaml: provision('!Ref Dir', 'Parameters: {Dir: {Type: String, Default: d-1}}'),
    },
    {
      name: 'arbitrary Parameters on Custom::Anything',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Hook:
            Type: Custom::Anything
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/hook/functions/run
              Timeout: 60
              Parameters: {Anything: [1, {nested: true}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'a word that is no boolean',
      yaml: fc3Function("'False'", "'yes'"),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Fn/Properties/DisableOndemand',
          line: 12,
          column: 24,
          endLine: 12,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'a word for the Timeout, reported at the value',
      yaml: custom('sixty'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Hook/Properties/Timeout',
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'a word in the else branch of Fn::If',
      yaml: custom('!If [C, 60, forever]', 'Conditions: {C: !Equals [a, a]}'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Hook/Properties/Timeout/Fn::If/2',
          line: 8,
          column: 28,
          endLine: 8,
          endColumn: 35,
        },
      ],
    },
    {
      name: 'a String parameter Default that is not a number, reported at the Default',
      yaml: custom('!Ref T', 'Parameters: {T: {Type: String, Default: long}}'),
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/T/Default',
          line: 2,
          column: 41,
          endLine: 2,
          endColumn: 45,
        },
      ],
    },
    {
      name: 'a list for a string in the Parameters of Custom::CloudSSOUserProvision',
      yaml: provision('[d-1]', 'Conditions: {C: !Equals [a, a]}'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties/Parameters/DirectoryId',
          line: 10,
          column: 22,
          endLine: 10,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'a CommaDelimitedList parameter for a string property, reported at the Default',
      yaml: provision('!Ref Dirs', 'Parameters: {Dirs: {Type: CommaDelimitedList, Default: d-1}}'),
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/Dirs/Default',
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 59,
        },
      ],
    },
    {
      name: 'a string for the Parameters mapping and for HttpConfig',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provision:
            Type: Custom::CloudSSOUserProvision
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/ros-sso/functions/provision
              Timeout: 60
              Parameters: d-1
              HttpConfig: json
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties/Parameters',
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 22,
        },
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties/HttpConfig',
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'a string for a list and a fraction for an integer on ALIYUN::RAM::OIDCProvider',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provider:
            Type: ALIYUN::RAM::OIDCProvider
            Properties:
              IssuerUrl: https://token.actions.githubusercontent.com
              OIDCProviderName: github
              Fingerprints: 902ef2deeb3c5b13ea4c3d5193629309e231ae55
              IssuanceLimitTime: 1.5
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provider/Properties/Fingerprints',
          line: 8,
          column: 21,
          endLine: 8,
          endColumn: 61,
        },
        {
          messageId: 'invalid',
          path: '/Resources/Provider/Properties/IssuanceLimitTime',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'a list for the Timeout in a JSON template',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Resources": {
            "Hook": {"Type": "Custom::Anything", "Properties": {"ServiceToken": "acs:fc:x", "Timeout": [60]}}
          }
        }
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Hook/Properties/Timeout',
          line: 4,
          column: 96,
          endLine: 4,
          endColumn: 99,
        },
      ],
    },
  ],
});
