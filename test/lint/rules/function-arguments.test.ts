import rule from '../../../lint/rules/function-arguments';
import { testRule } from '../rule-tester';

/** One output whose Value is `value`, in a template with a condition and a list parameter. */
const output = (value: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters: {Names: {Type: CommaDelimitedList, Default: 'a,b'}}
  Conditions: {IsProd: !Equals [a, b]}
  Outputs:
    Out:
      Value: ${value}
`;

testRule(rule, {
  valid: [
    { name: 'Ref to a name in the short form', yaml: output('!Ref Names') },
    { name: 'Fn::Join with a delimiter and a literal list', yaml: output("!Join [',', [a, b]]") },
    { name: 'Fn::Join whose list comes from a function', yaml: output("!Join [',', !Ref Names]") },
    { name: 'Fn::Join whose whole argument comes from a function', yaml: output('{Fn::Join: !Ref Names}') },
    { name: 'Fn::If with a condition and both branches', yaml: output('!If [IsProd, a, b]') },
    {
      name: 'Fn::If whose else branch is ALIYUN::NoValue',
      yaml: output('!If [IsProd, a, !Ref ALIYUN::NoValue]'),
    },
    { name: 'Fn::GetAtt short form with a dotted attribute', yaml: output('!GetAtt Stack.Outputs.Name') },
    {
      name: 'Fn::GetAtt long form with two items',
      yaml: output('{Fn::GetAtt: [Provision, UserProvisionId]}'),
    },
    { name: 'Fn::Sub with a string', yaml: output(`!Sub "\${ALIYUN::Region}-x"`) },
    { name: 'Fn::Sub with a string and a variable map', yaml: output(`!Sub [a-\${X}, {X: b}]`) },
    {
      name: 'Fn::Select with an index and a list from Fn::Split',
      yaml: output("!Select [0, !Split [',', 'a,b']]"),
    },
    { name: 'Fn::Not with a mapping, as in the ROS docs', yaml: output('{Fn::Not: {Fn::Equals: [a, b]}}') },
    { name: 'Fn::And with ten conditions', yaml: output('!And [a, b, c, d, e, f, g, h, i, j]') },
    { name: 'Fn::Or with twelve conditions', yaml: output('!Or [a, b, c, d, e, f, g, h, i, j, k, l]') },
    { name: 'Fn::Not with a condition name', yaml: output('!Not IsProd') },
    { name: 'Fn::Select with a default', yaml: output("!Select [2, !Split [',', 'a,b'], none]") },
    {
      name: 'Fn::Select with a default and an error message',
      yaml: output("!Select [2, !Split [',', 'a,b'], '', no third item]"),
    },
    { name: 'Fn::Select with a null error message', yaml: output('!Select [k, {k: v}, d, null]') },
    { name: 'Fn::Select with a slice', yaml: output("!Select ['1:3', [a, b, c, d]]") },
    { name: 'Fn::Select with a mapping key', yaml: output('!Select [k, {k: v}]') },
    { name: 'Fn::MergeMap with two mappings', yaml: output('!MergeMap [{a: {b: 1}}, {a: {c: 2}}]') },
    {
      name: 'Fn::TransformNamespace with a type, a namespace and a value',
      yaml: output('!TransformNamespace [Condition, Net., IsProd]'),
    },
    { name: 'Fn::ResourceFacade reading the DeletionPolicy', yaml: output('!ResourceFacade DeletionPolicy') },
    { name: 'Fn::Base64 with a string', yaml: output('!Base64 text') },
    { name: 'Fn::FormatTime with a format only', yaml: output("!FormatTime '%Y'") },
    { name: 'Fn::Indent with a text and a width', yaml: output('!Indent [text, 4]') },
    { name: 'Fn::Any with one condition', yaml: output('!Any [!Equals [a, a]]') },
    { name: 'Fn::Max given the list by a function', yaml: output('!Max !Ref Names') },
    {
      name: 'Fn::GetStackOutput with an optional region',
      yaml: output('!GetStackOutput [s-1, Out, cn-hangzhou]'),
    },
    { name: 'functions of free shape take anything', yaml: output('!Base64Encode {a: [1, 2]}') },
    {
      name: 'a JSON template with well-formed functions',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Outputs": {"Out": {"Value": {"Fn::Join": ["-", [{"Ref": "ALIYUN::Region"}, "x"]]}}}
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'Ref given a list',
      yaml: output('{Ref: [Names]}'),
      findings: [
        {
          messageId: 'notString',
          path: '/Outputs/Out/Value/Ref',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'Ref short form given a list, reported at the tag',
      yaml: output('!Ref [Names]'),
      findings: [
        {
          messageId: 'notString',
          path: '/Outputs/Out/Value/Ref',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'Fn::Join given a string',
      yaml: output('{Fn::Join: abc}'),
      findings: [
        {
          messageId: 'notList',
          path: '/Outputs/Out/Value/Fn::Join',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'Fn::Join given one item',
      yaml: output("!Join [',']"),
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::Join',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 22,
        },
      ],
    },
    {
      name: 'Fn::Join whose second item is not a list',
      yaml: output("!Join [',', abc]"),
      findings: [
        {
          messageId: 'joinList',
          path: '/Outputs/Out/Value/Fn::Join/1',
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'Fn::If with two items',
      yaml: output('!If [IsProd, a]'),
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::If',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'Fn::GetAtt short form without an attribute',
      yaml: output('!GetAtt Provision'),
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::GetAtt',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'Fn::Sub given a mapping',
      yaml: output('!Sub {a: b}'),
      findings: [
        {
          messageId: 'notList',
          path: '/Outputs/Out/Value/Fn::Sub',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 22,
        },
      ],
    },
    {
      name: 'Fn::Sub given three items',
      yaml: output('!Sub [a, {}, c]'),
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::Sub',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'Fn::And with a single condition',
      yaml: output('!And [a]'),
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::And',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'Fn::Not given a number',
      yaml: output('{Fn::Not: 1}'),
      findings: [
        {
          messageId: 'notList',
          path: '/Outputs/Out/Value/Fn::Not',
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 23,
          message: /takes a string, a mapping or a list of 1 items/,
        },
      ],
    },
    {
      name: 'Fn::Select with five items, and one whose error message is a list',
      yaml: output('!Join [",", [!Select [0, [a], b, c, d], !Select [0, [a], b, [c]]]]'),
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::Join/1/0/Fn::Select',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 49,
        },
        {
          messageId: 'selectMessage',
          path: '/Outputs/Out/Value/Fn::Join/1/1/Fn::Select/3',
          line: 6,
          column: 72,
          endLine: 6,
          endColumn: 74,
        },
      ],
    },
    {
      name: 'Fn::MergeMap with one mapping, Fn::TransformNamespace with two items',
      yaml: output('!Join [",", [!MergeMap [{a: 1}], !TransformNamespace [Condition, x.]]]'),
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::Join/1/0/Fn::MergeMap',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 41,
        },
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::Join/1/1/Fn::TransformNamespace',
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 79,
        },
      ],
    },
    {
      name: 'Fn::ResourceFacade reading a key a module resource does not pass on',
      yaml: output('!ResourceFacade Properties'),
      findings: [
        {
          messageId: 'facadeKey',
          path: '/Outputs/Out/Value/Fn::ResourceFacade',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 38,
        },
      ],
    },
    {
      name: 'Fn::Add with a single number',
      yaml: output('!Add [1]'),
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::Add',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 19,
          message: /takes at least 2 items, not 1/,
        },
      ],
    },
    {
      name: 'Fn::FindInMap with two keys missing and a bad function nested in an Fn::If branch',
      yaml: output('!If [IsProd, !FindInMap [Map], !Select [0]]'),
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::If/1/Fn::FindInMap',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 40,
        },
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::If/2/Fn::Select',
          line: 6,
          column: 43,
          endLine: 6,
          endColumn: 53,
        },
      ],
    },
    {
      name: 'Fn::Join with one item in a JSON template, reported at the list',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Outputs": {"Out": {"Value": {"Fn::Join": [["a", "b"]]}}}
        }
      `,
      findings: [
        {
          messageId: 'wrongLength',
          path: '/Outputs/Out/Value/Fn::Join',
          line: 3,
          column: 45,
          endLine: 3,
          endColumn: 55,
        },
      ],
    },
  ],
});
