import rule from '../../../lint/rules/property-range';
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

testRule(rule, {
  valid: [
    { name: 'a Timeout within bounds', yaml: custom('60') },
    { name: 'a Timeout written as a string', yaml: custom('"60"') },
    { name: 'the largest Timeout', yaml: custom('43200') },
    {
      name: 'a Timeout parameter whose Default and AllowedValues all fit',
      yaml: custom('!Ref T', 'Parameters: {T: {Type: Number, AllowedValues: [60, 300], Default: 300}}'),
    },
    {
      name: 'an empty Timeout is not set, never a zero',
      yaml: custom(''),
    },
    {
      name: 'an empty Fn::If branch is not set, never a zero',
      yaml: custom('!If [C, null, 60]', 'Conditions: {C: !Equals [a, a]}'),
    },
    {
      name: "a parameter value that makes the resource's own Condition false is not checked",
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Wait: {Type: Number, Default: 0, AllowedValues: [0, 60, 300]}
        Conditions:
          Waits: !Not [!Equals [!Ref Wait, 0]]
          WaitsLong: !And [Waits, !Not [!Equals [!Ref Wait, '60']]]
        Resources:
          Hook:
            Type: Custom::Anything
            Condition: WaitsLong
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/hook/functions/run
              Timeout: !Ref Wait
      `,
    },
    {
      name: 'a Timeout computed by a function is not guessed at',
      yaml: custom('!Calculate ["{0}*60", 0, [5]]'),
    },
  ],
  invalid: [
    {
      name: 'a Timeout of zero, reported at the value',
      yaml: custom('0'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Hook/Properties/Timeout',
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 17,
        },
      ],
    },
    {
      name: 'a Timeout above twelve hours',
      yaml: custom('50000'),
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
      name: 'a Timeout parameter AllowedValues entry out of range, reported at the entry',
      yaml: custom('!Ref T', 'Parameters: {T: {Type: Number, AllowedValues: [60, 86400]}}'),
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/T/AllowedValues/1',
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 57,
        },
      ],
    },
    {
      name: 'a parameter value the Condition does not settle is still checked',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Wait: {Type: Number, Default: 0}
          Enabled: {Type: String, Default: 'yes'}
        Conditions:
          On: !Equals [!Ref Enabled, 'yes']
        Resources:
          Hook:
            Type: Custom::Anything
            Condition: On
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/hook/functions/run
              Timeout: !Ref Wait
      `,
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/Wait/Default',
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 34,
        },
      ],
    },
    {
      name: 'a Timeout of zero in the then branch of Fn::If',
      yaml: custom('!If [C, 0, 60]', 'Conditions: {C: !Equals [a, a]}'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Hook/Properties/Timeout/Fn::If/1',
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'IssuanceLimitTime above a week on ALIYUN::RAM::OIDCProvider',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provider:
            Type: ALIYUN::RAM::OIDCProvider
            Properties:
              IssuerUrl: https://token.actions.githubusercontent.com
              OIDCProviderName: github
              Fingerprints: [a]
              IssuanceLimitTime: 169
      `,
      findings: [
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
      name: 'a Timeout of zero in a JSON template',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Resources": {
            "Provision": {
              "Type": "Custom::CloudSSOUserProvision",
              "Properties": {"ServiceToken": "acs:fc:cn-hangzhou:123:services/ros-sso/functions/p", "Timeout": 0}
            }
          }
        }
      `,
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties/Timeout',
          line: 6,
          column: 104,
          endLine: 6,
          endColumn: 105,
        },
      ],
    },
  ],
});
