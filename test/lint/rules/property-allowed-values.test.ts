import rule from '../../../lint/rules/property-allowed-values';
import { testRule } from '../rule-tester';

const provision = (deletion: string, extra = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  ${extra}
  Resources:
    Provision:
      Type: ALIYUN::CloudSSO::UserProvision
      Properties:
        DirectoryId: d-1
        PrincipalId: g-abc
        PrincipalType: Group
        TargetId: '100'
        TargetType: RD-Account
        DuplicationStrategy: KeepBoth
        DeletionStrategy: ${deletion}
`;

testRule(rule, {
  valid: [
    { name: 'a literal allowed value', yaml: provision('Keep') },
    {
      name: 'a parameter whose AllowedValues and Default all fit',
      yaml: provision(
        '!Ref Strategy',
        'Parameters: {Strategy: {Type: String, AllowedValues: [Keep, Delete], Default: Delete}}',
      ),
    },
    {
      name: 'a parameter without constraints is not guessed at',
      yaml: provision('!Ref Strategy', 'Parameters: {Strategy: {Type: String}}'),
    },
    {
      name: 'both Fn::If branches allowed',
      yaml: provision('!If [C, Keep, Delete]', 'Conditions: {C: !Equals [a, a]}'),
    },
    { name: 'a value that cannot be known statically', yaml: provision('!Select [0, [Keep]]') },
  ],
  invalid: [
    {
      name: 'a literal outside AllowedValues',
      yaml: provision('Remove'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties/DeletionStrategy',
          line: 13,
          column: 25,
          endLine: 13,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'a parameter AllowedValues entry the property rejects, reported at that entry',
      yaml: provision(
        '!Ref Strategy',
        'Parameters: {Strategy: {Type: String, AllowedValues: [Keep, Destroy]}}',
      ),
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/Strategy/AllowedValues/1',
          line: 2,
          column: 61,
          endLine: 2,
          endColumn: 68,
        },
      ],
    },
    {
      name: 'a parameter Default the property rejects, reported at the Default',
      yaml: provision('!Ref Strategy', 'Parameters: {Strategy: {Type: String, Default: keep}}'),
      findings: [
        {
          messageId: 'viaParameter',
          path: '/Parameters/Strategy/Default',
          line: 2,
          column: 48,
          endLine: 2,
          endColumn: 52,
        },
      ],
    },
    {
      name: 'the else branch of Fn::If',
      yaml: provision('!If [C, Keep, Purge]', 'Conditions: {C: !Equals [a, a]}'),
      findings: [
        {
          messageId: 'invalid',
          path: '/Resources/Provision/Properties/DeletionStrategy/Fn::If/2',
          line: 13,
          column: 39,
          endLine: 13,
          endColumn: 44,
        },
      ],
    },
  ],
});
