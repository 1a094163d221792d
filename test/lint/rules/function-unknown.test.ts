import rule from '../../../lint/rules/function-unknown';
import { testRule } from '../rule-tester';

const output = (value: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Outputs:
    Out:
      Value: ${value}
`;

testRule(rule, {
  valid: [
    { name: 'known functions in the long form', yaml: output('{Fn::Base64Encode: {Fn::Sub: x}}') },
    { name: 'known functions in the short form', yaml: output('!MemberListToMap [Key, Value, []]') },
    {
      name: 'a mapping with an Fn:: key and another key is data, not a function call',
      yaml: output('{Fn::Nope: x, Other: y}'),
    },
    {
      name: 'Fn:: keys inside Mappings are data',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Mappings:
          Regions:
            cn-hangzhou: {Fn::Nope: x}
      `,
    },
    {
      name: 'known functions in a JSON template',
      file: 't.json',
      yaml: '{"Outputs": {"Out": {"Value": {"Fn::Select": [0, {"Fn::GetAZs": {"Ref": "ALIYUN::Region"}}]}}}}',
    },
    {
      name: 'the runtime functions the index pages leave out (Base64, MergeMap, TransformNamespace, ResourceFacade)',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Conditions:
          Rpc:
            Fn::Not:
              Fn::TransformNamespace: [Condition, Net., {Fn::Contains: [[OSS, SLS], VPC]}]
        Outputs:
          Encoded: {Value: {Fn::Base64: plain text}}
          Merged: {Value: {Fn::MergeMap: [{a: {b: 1}}, {a: {c: 2}}]}}
          Policy: {Value: {Fn::ResourceFacade: DeletionPolicy}}
          Short: {Value: !MergeMap [{a: 1}, {b: 2}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'a near miss, reported at the key with a did-you-mean',
      yaml: output('{Fn::Base46: x}'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Fn::Base46',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 23,
          message: /did you mean Fn::Base64\?/,
        },
      ],
    },
    {
      name: 'a made-up function nested in a known one',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs:
          Out:
            Value:
              Fn::Join:
                - ','
                - - Fn::Uppercase: x
                  - Fn::GetAtts: [A, B]
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Fn::Join/1/0/Fn::Uppercase',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 26,
        },
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Fn::Join/1/1/Fn::GetAtts',
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'wrongly cased keys are plain mappings to ROS: a condition on one is always true',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Names: {Type: CommaDelimitedList, Default: ''}
        Conditions:
          HasNames:
            Fn::Not:
              Fn::Equals:
                - FN::Length: {Ref: Names}
                - 0
        Outputs:
          Joined: {Value: {fn::join: [',', {Ref: Names}]}}
      `,
      findings: [
        {
          messageId: 'wrongCase',
          path: '/Conditions/HasNames/Fn::Not/Fn::Equals/0/FN::Length',
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 21,
          message: /case-sensitive.*did you mean Fn::Length\?/,
        },
        {
          messageId: 'wrongCase',
          path: '/Outputs/Joined/Value/fn::join',
          line: 11,
          column: 20,
          endLine: 11,
          endColumn: 28,
          message: /did you mean Fn::Join\?/,
        },
      ],
    },
  ],
});
