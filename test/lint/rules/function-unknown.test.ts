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
      yaml: output('{Fn::Base64: x, Other: y}'),
    },
    {
      name: 'Fn:: keys inside Mappings are data',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Mappings:
          Regions:
            cn-hangzhou: {Fn::Base64: x}
      `,
    },
    {
      name: 'known functions in a JSON template',
      file: 't.json',
      yaml: '{"Outputs": {"Out": {"Value": {"Fn::Select": [0, {"Fn::GetAZs": {"Ref": "ALIYUN::Region"}}]}}}}',
    },
  ],
  invalid: [
    {
      name: 'the legacy Fn::Base64, reported at the key with a did-you-mean',
      yaml: output('{Fn::Base64: x}'),
      findings: [{ messageId: 'unknown', path: '/Outputs/Out/Value/Fn::Base64', line: 4, column: 13 }],
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
        },
        { messageId: 'unknown', path: '/Outputs/Out/Value/Fn::Join/1/1/Fn::GetAtts', line: 8, column: 13 },
      ],
    },
  ],
});
