import rule from '../../../lint/rules/update-parameter-default-changed';
import { testUpdateRule } from '../update/diff-tester';

// Line 5 is Target's Default (value at column 14); line 3 is the parameter's name.
const TEMPLATE = (target: string, targetId = '!Ref Target', strategy = 'Keep') => `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters:
    Target:
      Type: String
${target}
    Strategy:
      Type: String
      Default: ${strategy}
  Resources:
    Provision:
      Type: Custom::CloudSSOUserProvision
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:1:functions/ros-sso
        Timeout: 60
        Parameters:
          DirectoryId: d-1
          PrincipalId: u-1
          PrincipalType: User
          TargetId: ${targetId}
          TargetType: RD-Account
          DeletionStrategy: !Ref Strategy
`;
const DEFAULT = (value: string) => `      Default: '${value}'`;

testUpdateRule(rule, [
  {
    name: 'the Default of a parameter that reaches a refused property',
    before: TEMPLATE(DEFAULT('1000000000000001')),
    after: TEMPLATE(DEFAULT('1000000000000002')),
    findings: [
      {
        messageId: 'changed',
        path: '/Parameters/Target/Default',
        line: 5,
        column: 14,
        endLine: 5,
        endColumn: 32,
      },
    ],
  },
  {
    name: 'a Default removed, at the parameter',
    before: TEMPLATE(DEFAULT('1000000000000001')),
    after: TEMPLATE('      Description: no default any more'),
    findings: [
      { messageId: 'changed', path: '/Parameters/Target', line: 3, column: 3, endLine: 3, endColumn: 9 },
    ],
  },
  {
    name: 'a parameter that reaches it through Fn::Sub',
    before: TEMPLATE(DEFAULT('1'), "!Sub '100000000000000${Target}'"),
    after: TEMPLATE(DEFAULT('2'), "!Sub '100000000000000${Target}'"),
    findings: [
      {
        messageId: 'changed',
        path: '/Parameters/Target/Default',
        line: 5,
        column: 14,
        endLine: 5,
        endColumn: 17,
      },
    ],
  },
  {
    name: 'an unchanged Default',
    before: TEMPLATE(DEFAULT('1000000000000001')),
    after: TEMPLATE(DEFAULT('1000000000000001')),
  },
  {
    name: 'the Default of a parameter that reaches an editable property',
    before: TEMPLATE(DEFAULT('1'), undefined, 'Keep'),
    after: TEMPLATE(DEFAULT('1'), undefined, 'Delete'),
  },
  {
    name: 'a property whose expression changed too (update-not-allowed reports it)',
    before: TEMPLATE(DEFAULT('1000000000000001'), "'1000000000000001'"),
    after: TEMPLATE(DEFAULT('1000000000000002')),
  },
]);
