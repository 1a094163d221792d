import rule from '../../../lint/rules/update-not-allowed';
import { factsTable, testUpdateRule } from '../update/diff-tester';

// Line 12 is TargetId; its value starts at column 17.
const NATIVE = `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters:
    Target:
      Type: String
  Resources:
    Provision:
      Type: ALIYUN::CloudSSO::UserProvision
      Properties:
        DirectoryId: d-1
        PrincipalId: u-1
        PrincipalType: User
        TargetId: '1000000000000001'
        TargetType: RD-Account
        DeletionStrategy: Keep
`;
const native = (from: string | RegExp, to: string) => NATIVE.replace(from, to);
/** The whole TargetId line, to add or remove the property. */
const TARGET_LINE = / *TargetId: '1000000000000001'\n/;
const TARGET = "TargetId: '1000000000000001'";

// Line 12 is Parameters.TargetId; its value starts at column 19.
const CUSTOM = `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters:
    Token:
      Type: String
  Resources:
    Provision:
      Type: Custom::CloudSSOUserProvision
      Properties:
        ServiceToken: !Ref Token
        Timeout: 60
        Parameters:
          TargetId: '1000000000000001'
          DirectoryId: d-1
          PrincipalId: u-1
          PrincipalType: User
          TargetType: RD-Account
          DeletionStrategy: Keep
`;
const custom = (from: string | RegExp, to: string) => CUSTOM.replace(from, to);

const GENERIC = (type: string, token: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Resources:
    Hook:
      Type: ${type}
      Properties:
        ServiceToken: ${token}
        Timeout: 60
        Parameters: { Anything: 1 }
`;

const OIDC = (clientId: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Resources:
    Client:
      Type: Custom::RAMOIDCClientId
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:1:functions/ros-sso
        Parameters:
          OIDCProviderName: github
          ClientId: ${clientId}
`;

// A type with nested and `*` pointers, as the catalogue may give them for spec types.
const facts = factsTable({
  'ALIYUN::Test::Function': ['/VpcConfig/VSwitchIds/*', '/Labels/*', '/Mounts/*/Path'],
});
const FUNCTION = (vpc: string, labels = '{ team: a }', mounts = '[{ Path: /a, Size: 1 }]') => `
  ROSTemplateFormatVersion: '2015-09-01'
  Resources:
    Fn:
      Type: ALIYUN::Test::Function
      Properties:
        VpcConfig: ${vpc}
        Labels: ${labels}
        Mounts: ${mounts}
`;

testUpdateRule(rule, [
  {
    name: 'a changed literal of a native type',
    before: NATIVE,
    after: native(TARGET, "TargetId: '1000000000000002'"),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Provision/Properties/TargetId',
        line: 12,
        column: 17,
        endLine: 12,
        endColumn: 35,
      },
    ],
  },
  {
    name: 'an editable property',
    before: NATIVE,
    after: native('DeletionStrategy: Keep', 'DeletionStrategy: Delete'),
  },
  {
    name: 'the same number quoted differently',
    before: NATIVE,
    after: native(TARGET, 'TargetId: 1000000000000001'),
  },
  {
    name: 'a Ref replaced by a literal',
    before: native(TARGET, 'TargetId: !Ref Target'),
    after: NATIVE,
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Provision/Properties/TargetId',
        line: 12,
        column: 17,
        endLine: 12,
        endColumn: 35,
      },
    ],
  },
  {
    name: 'a literal replaced by a Ref',
    before: NATIVE,
    after: native(TARGET, 'TargetId: !Ref Target'),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Provision/Properties/TargetId',
        line: 12,
        column: 17,
        endLine: 12,
        endColumn: 28,
      },
    ],
  },
  {
    name: 'the short form of the same Ref',
    before: native(TARGET, 'TargetId: !Ref Target'),
    after: native(TARGET, 'TargetId: { Ref: Target }'),
  },
  {
    name: 'a changed Fn::Sub string',
    before: native('DirectoryId: d-1', "DirectoryId: !Sub 'd-${Target}'"),
    after: native('DirectoryId: d-1', "DirectoryId: !Sub 'd-${Target}x'"),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Provision/Properties/DirectoryId',
        line: 9,
        column: 20,
        endLine: 9,
        endColumn: 39,
      },
    ],
  },
  {
    name: 'Fn::Sub with an empty variable map, as a string',
    before: native('DirectoryId: d-1', "DirectoryId: !Sub ['d-${Target}', {}]"),
    after: native('DirectoryId: d-1', "DirectoryId: { 'Fn::Sub': 'd-${Target}' }"),
  },
  {
    name: 'an added property, at its value',
    before: native(TARGET_LINE, ''),
    after: NATIVE,
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Provision/Properties/TargetId',
        line: 12,
        column: 17,
        endLine: 12,
        endColumn: 35,
      },
    ],
  },
  {
    name: 'a removed property, at Properties',
    before: NATIVE,
    after: native(TARGET_LINE, ''),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Provision/Properties',
        line: 8,
        column: 5,
        endLine: 8,
        endColumn: 15,
      },
    ],
  },
  {
    name: 'removed Properties, at the resource',
    before: NATIVE,
    after: NATIVE.slice(0, NATIVE.indexOf('      Properties:')),
    findings: ['DirectoryId', 'PrincipalId', 'PrincipalType', 'TargetId', 'TargetType'].map(() => ({
      messageId: 'replaced',
      path: '/Resources/Provision',
      line: 6,
      column: 3,
      endLine: 6,
      endColumn: 12,
    })),
  },
  {
    name: 'a changed Type, which is update-type-changed',
    before: NATIVE,
    after: native('ALIYUN::CloudSSO::UserProvision', 'Custom::CloudSSOUserProvision'),
  },
  {
    name: 'a nested property a custom provider refuses',
    before: CUSTOM,
    after: custom("TargetId: '1000000000000001'", "TargetId: '1000000000000002'"),
    findings: [
      {
        messageId: 'refused',
        path: '/Resources/Provision/Properties/Parameters/TargetId',
        line: 12,
        column: 19,
        endLine: 12,
        endColumn: 37,
      },
    ],
  },
  {
    name: 'a nested property the provider updates',
    before: CUSTOM,
    after: custom('DeletionStrategy: Keep', 'DeletionStrategy: Delete'),
  },
  {
    name: 'a removed nested property, at its parent',
    before: CUSTOM,
    after: custom(TARGET_LINE, ''),
    findings: [
      {
        messageId: 'refused',
        path: '/Resources/Provision/Properties/Parameters',
        line: 11,
        column: 7,
        endLine: 11,
        endColumn: 17,
      },
    ],
  },
  {
    name: 'the ServiceToken of a ros-sso custom resource',
    before: CUSTOM,
    after: custom('ServiceToken: !Ref Token', 'ServiceToken: acs:fc:cn-hangzhou:1:functions/x'),
    findings: [
      {
        messageId: 'customReplaced',
        path: '/Resources/Provision/Properties/ServiceToken',
        line: 9,
        column: 21,
        endLine: 9,
        endColumn: 53,
      },
    ],
  },
  {
    name: 'the ServiceToken of another Custom:: type',
    before: GENERIC('Custom::Anything', 'arn:a'),
    after: GENERIC('Custom::Anything', 'arn:b'),
    findings: [
      {
        messageId: 'customReplaced',
        path: '/Resources/Hook/Properties/ServiceToken',
        line: 6,
        column: 21,
        endLine: 6,
        endColumn: 26,
      },
    ],
  },
  {
    name: 'the ServiceToken of ALIYUN::ROS::CustomResource',
    before: GENERIC('ALIYUN::ROS::CustomResource', 'arn:a'),
    after: GENERIC('ALIYUN::ROS::CustomResource', 'arn:b'),
    findings: [
      {
        messageId: 'customReplaced',
        path: '/Resources/Hook/Properties/ServiceToken',
        line: 6,
        column: 21,
        endLine: 6,
        endColumn: 26,
      },
    ],
  },
  {
    name: 'the Parameters of a generic custom resource',
    before: GENERIC('Custom::Anything', 'arn:a'),
    after: GENERIC('Custom::Anything', 'arn:a').replace('Anything: 1', 'Anything: 2'),
  },
  {
    name: 'the ClientId of Custom::RAMOIDCClientId',
    before: OIDC('sts.aliyuncs.com'),
    after: OIDC('other.example.com'),
    findings: [
      {
        messageId: 'refused',
        path: '/Resources/Client/Properties/Parameters/ClientId',
        line: 9,
        column: 19,
        endLine: 9,
        endColumn: 36,
      },
    ],
  },
  {
    name: 'an expression that holds refused properties, as a warning',
    before: custom("TargetId: '1000000000000001'", 'TargetId: !Ref Token'),
    after: CUSTOM.replace(/ {6}Parameters:\n(?: {8}.*\n)+/, '      Parameters: !Ref Token\n'),
    findings: [
      {
        messageId: 'mayChange',
        path: '/Resources/Provision/Properties/Parameters',
        line: 11,
        column: 19,
        endLine: 11,
        endColumn: 29,
        severity: 'warning',
      },
    ],
  },
  {
    name: 'a list item under a * pointer',
    factsOf: facts,
    before: FUNCTION('{ VSwitchIds: [vsw-a, vsw-b] }'),
    after: FUNCTION('{ VSwitchIds: [vsw-a, vsw-c] }'),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Fn/Properties/VpcConfig/VSwitchIds/1',
        line: 6,
        column: 40,
        endLine: 6,
        endColumn: 45,
      },
    ],
  },
  {
    name: 'an added list item under a * pointer',
    factsOf: facts,
    before: FUNCTION('{ VSwitchIds: [vsw-a] }'),
    after: FUNCTION('{ VSwitchIds: [vsw-a, vsw-c] }'),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Fn/Properties/VpcConfig/VSwitchIds/1',
        line: 6,
        column: 40,
        endLine: 6,
        endColumn: 45,
      },
    ],
  },
  {
    name: 'a removed list item under a * pointer, at the list',
    factsOf: facts,
    before: FUNCTION('{ VSwitchIds: [vsw-a, vsw-c] }'),
    after: FUNCTION('{ VSwitchIds: [vsw-a] }'),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Fn/Properties/VpcConfig/VSwitchIds',
        line: 6,
        column: 20,
        endLine: 6,
        endColumn: 30,
      },
    ],
  },
  {
    name: 'a sibling of a nested pointer',
    factsOf: facts,
    before: FUNCTION('{ VSwitchIds: [vsw-a], SecurityGroupId: sg-1 }'),
    after: FUNCTION('{ VSwitchIds: [vsw-a], SecurityGroupId: sg-2 }'),
  },
  {
    name: 'keys under a * pointer',
    factsOf: facts,
    before: FUNCTION('{}', '{ team: a }'),
    after: FUNCTION('{}', '{ team: b, owner: c }'),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Fn/Properties/Labels/team',
        line: 7,
        column: 23,
        endLine: 7,
        endColumn: 24,
      },
      {
        messageId: 'replaced',
        path: '/Resources/Fn/Properties/Labels/owner',
        line: 7,
        column: 33,
        endLine: 7,
        endColumn: 34,
      },
    ],
  },
  {
    name: 'an editable field of each list item',
    factsOf: facts,
    before: FUNCTION('{}', '{}', '[{ Path: /a, Size: 1 }]'),
    after: FUNCTION('{}', '{}', '[{ Path: /a, Size: 2 }]'),
  },
  {
    name: 'a list under * replaced by an expression, as a definite change',
    factsOf: facts,
    before: FUNCTION('{ VSwitchIds: [vsw-a] }'),
    after: FUNCTION('{ VSwitchIds: !Split [",", vsw-a] }'),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Fn/Properties/VpcConfig/VSwitchIds',
        line: 6,
        column: 32,
        endLine: 6,
        endColumn: 40,
      },
    ],
  },
  {
    name: 'a list of items with a fixed field replaced by an expression, as a warning',
    factsOf: facts,
    before: FUNCTION('{}', '{}', '[{ Path: /a, Size: 1 }]'),
    after: FUNCTION('{}', '{}', '!Ref ALIYUN::StackName'),
    findings: [
      {
        messageId: 'mayChange',
        path: '/Resources/Fn/Properties/Mounts',
        line: 8,
        column: 15,
        endLine: 8,
        endColumn: 37,
        severity: 'warning',
      },
    ],
  },
  {
    name: 'a change known only from bundled definitions, as a warning',
    factsOf: factsTable({ 'ALIYUN::Test::Function': ['/Labels/*'] }, 'spec 1.0'),
    before: FUNCTION('{}', '{ team: a }'),
    after: FUNCTION('{}', '{ team: b }'),
    findings: [
      {
        messageId: 'replaced',
        path: '/Resources/Fn/Properties/Labels/team',
        line: 7,
        column: 23,
        endLine: 7,
        endColumn: 24,
        severity: 'warning',
      },
    ],
  },
  {
    name: 'a change accepted by an inline suppression',
    before: NATIVE,
    after: native(
      TARGET,
      '# ros-sso-ignore update-not-allowed reason="new account, stack recreated"\n        TargetId: \'1000000000000002\'',
    ),
  },
]);
