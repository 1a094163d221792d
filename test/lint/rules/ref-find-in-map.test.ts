import rule from '../../../lint/rules/ref-find-in-map';
import { testRule } from '../rule-tester';

const withMap = (value: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Mappings:
    Directories:
      cn-hangzhou: {Id: d-hz, Timeout: 60}
      1: {Id: d-one}
  Outputs:
    Out:
      Value: ${value}
`;

testRule(rule, {
  valid: [
    {
      name: 'a literal map, top key and second key',
      yaml: withMap('!FindInMap [Directories, cn-hangzhou, Id]'),
    },
    { name: 'a numeric top key', yaml: withMap('!FindInMap [Directories, 1, Id]') },
    {
      name: 'a top key from a pseudo parameter',
      yaml: withMap('!FindInMap [Directories, !Ref ALIYUN::Region, Id]'),
    },
    {
      name: 'a second key from a function',
      yaml: withMap('!FindInMap [Directories, cn-hangzhou, !Ref Key]'),
    },
    { name: 'the long form', yaml: withMap('{Fn::FindInMap: [Directories, cn-hangzhou, Timeout]}') },
    { name: 'a map name from a function is not guessed at', yaml: withMap('!FindInMap [!Ref Map, a, b]') },
  ],
  invalid: [
    {
      name: 'a misspelt map name, reported at the name',
      yaml: withMap('!FindInMap [Directory, cn-hangzhou, Id]'),
      findings: [
        {
          messageId: 'unknownMap',
          path: '/Outputs/Out/Value/Fn::FindInMap/0',
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'an unknown top key',
      yaml: withMap('!FindInMap [Directories, cn-shanghai, Id]'),
      findings: [
        {
          messageId: 'unknownKey',
          path: '/Outputs/Out/Value/Fn::FindInMap/1',
          line: 8,
          column: 37,
          endLine: 8,
          endColumn: 48,
        },
      ],
    },
    {
      name: 'an unknown second key in the long form',
      yaml: withMap('{Fn::FindInMap: [Directories, cn-hangzhou, ID]}'),
      findings: [
        {
          messageId: 'unknownKey',
          path: '/Outputs/Out/Value/Fn::FindInMap/2',
          line: 8,
          column: 55,
          endLine: 8,
          endColumn: 57,
        },
      ],
    },
    {
      name: 'a template without Mappings',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Hook:
            Type: Custom::Anything
            Properties:
              ServiceToken: !FindInMap [Functions, !Ref ALIYUN::Region, Arn]
              Timeout: 60
      `,
      findings: [
        {
          messageId: 'unknownMap',
          path: '/Resources/Hook/Properties/ServiceToken/Fn::FindInMap/0',
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 42,
        },
      ],
    },
  ],
});
