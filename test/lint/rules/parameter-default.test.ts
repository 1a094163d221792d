import rule from '../../../lint/rules/parameter-default';
import { testRule } from '../rule-tester';

/** A template whose only parameter is `P`, written as a flow mapping. */
const param = (definition: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters:
    P: ${definition}
`;

testRule(rule, {
  valid: [
    {
      name: 'a Default among the AllowedValues',
      yaml: param('{Type: String, AllowedValues: [Keep, Delete], Default: Keep}'),
    },
    {
      name: 'a Default that matches the AllowedPattern',
      yaml: param('{Type: String, AllowedPattern: "d-[a-z0-9]+", Default: d-abc}'),
    },
    {
      name: 'a Python-style {,n} AllowedPattern',
      yaml: param('{Type: String, AllowedPattern: "g-[a-z]{,4}", Default: g-ab}'),
    },
    {
      name: 'a Default within the length bounds written as strings',
      yaml: param('{Type: String, MinLength: "2", MaxLength: "4", Default: abc}'),
    },
    {
      name: 'a Number Default within the value bounds',
      yaml: param('{Type: Number, MinValue: 1, MaxValue: 168, Default: 24}'),
    },
    {
      name: 'a Number Default written as a string',
      yaml: param('{Type: Number, MinValue: "1", Default: "60"}'),
    },
    {
      name: 'a numeric Default among string AllowedValues',
      yaml: param("{Type: Number, AllowedValues: ['30', '60'], Default: 60}"),
    },
    { name: 'a Boolean Default in any case', yaml: param('{Type: Boolean, Default: "True"}') },
    {
      name: 'a CommaDelimitedList Default whose items are all allowed',
      yaml: param("{Type: CommaDelimitedList, AllowedValues: [a, b, c], Default: 'a,c'}"),
    },
    {
      name: 'a CommaDelimitedList Default written as a YAML list of allowed items',
      yaml: param('{Type: CommaDelimitedList, AllowedValues: [ecs.a, ecs.b], Default: [ecs.b]}'),
    },
    {
      name: 'a CommaDelimitedList Default that is itself one allowed value',
      yaml: param("{Type: CommaDelimitedList, AllowedValues: ['a,b', c], Default: 'a,b'}"),
    },
    {
      name: 'a Json Default is not checked',
      yaml: param('{Type: Json, AllowedValues: [x], Default: {a: 1}}'),
    },
    { name: 'a null Default is skipped', yaml: param('{Type: String, AllowedValues: [a], Default: null}') },
    {
      name: 'an empty AllowedValues entry with a null Default: leaving it unset is a choice',
      yaml: param('{Type: String, Default: null, AllowedValues: [null, Month, Year]}'),
    },
    {
      name: 'a YAML boolean Default among True/False AllowedValues',
      yaml: param("{Type: Boolean, AllowedValues: ['True', 'False'], Default: false}"),
    },
    {
      name: 'an AllowedPattern with a lookahead after its start (not run in linear time) is not applied',
      yaml: param('{Type: String, AllowedPattern: "^x(?=.*[A-Z]).{8,}$", Default: lowercase}'),
    },
    {
      name: 'an AllowedPattern with a backreference is not applied',
      yaml: param('{Type: String, AllowedPattern: "(a)\\\\1", Default: b}'),
    },
    {
      name: 'an invalid AllowedPattern is not applied',
      yaml: param('{Type: String, AllowedPattern: "([a-z]+", Default: "1"}'),
    },
    {
      name: 'a \\u range of CJK characters',
      yaml: param('{Type: String, AllowedPattern: "[\\\\u4e00-\\\\u9fa5a-z]{2,8}", Default: 中文名abc}'),
    },
    {
      name: '\\d and \\w classes',
      yaml: param('{Type: String, AllowedPattern: "\\\\w+-\\\\d{2}", Default: web_1-07}'),
    },
    {
      name: 'a catastrophic pattern on a 10 KB value ends (linear-time matching)',
      yaml: param(`{Type: String, AllowedPattern: "(a+)+$", Default: ${'a'.repeat(10240)}}`),
    },
  ],
  invalid: [
    {
      name: 'a Default that breaks a password AllowedPattern of leading lookaheads (checked as a conjunction)',
      yaml: param('{Type: String, AllowedPattern: "^(?=.*[A-Z])(?=.*[0-9]).{8,}$", Default: lowercase1}'),
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/P/Default',
          line: 3,
          column: 79,
          endLine: 3,
          endColumn: 89,
        },
      ],
    },
    {
      name: 'an empty AllowedValues entry, as a warning and not a type error',
      yaml: param('{Type: Number, AllowedValues: [1, 2, null], Default: 1}'),
      findings: [
        {
          messageId: 'nullAllowed',
          path: '/Parameters/P/AllowedValues/2',
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 47,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a Default outside the AllowedValues, reported at the Default',
      yaml: param('{Type: String, AllowedValues: [Keep, Delete], Default: Remove}'),
      findings: [
        {
          messageId: 'notAllowed',
          path: '/Parameters/P/Default',
          line: 3,
          column: 61,
          endLine: 3,
          endColumn: 67,
        },
      ],
    },
    {
      name: 'a Default that does not match the AllowedPattern',
      yaml: param('{Type: String, AllowedPattern: "g-[a-z]+", Default: u-abc}'),
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/P/Default',
          line: 3,
          column: 58,
          endLine: 3,
          endColumn: 63,
        },
      ],
    },
    {
      name: 'an unanchored pattern matches the whole value, as ROS does',
      yaml: param('{Type: String, AllowedPattern: "[a-z]{6}", Default: abcdefgh}'),
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/P/Default',
          line: 3,
          column: 58,
          endLine: 3,
          endColumn: 66,
        },
      ],
    },
    {
      name: 'a {,n} pattern bounds the count',
      yaml: param('{Type: String, AllowedPattern: "g-[a-z]{,4}", Default: g-abcde}'),
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/P/Default',
          line: 3,
          column: 61,
          endLine: 3,
          endColumn: 68,
        },
      ],
    },
    {
      name: 'a \\u range does not take other characters',
      yaml: param('{Type: String, AllowedPattern: "[\\\\u4e00-\\\\u9fa5]+", Default: 中x}'),
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/P/Default',
          line: 3,
          column: 68,
          endLine: 3,
          endColumn: 70,
        },
      ],
    },
    {
      name: '\\d takes ASCII digits only, as before',
      yaml: param('{Type: String, AllowedPattern: "\\\\d+", Default: "١٢"}'),
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/P/Default',
          line: 3,
          column: 54,
          endLine: 3,
          endColumn: 58,
        },
      ],
    },
    {
      name: 'a Python named group is checked',
      yaml: param('{Type: String, AllowedPattern: "(?P<x>a)", Default: b}'),
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/P/Default',
          line: 3,
          column: 58,
          endLine: 3,
          endColumn: 59,
        },
      ],
    },
    {
      name: 'a catastrophic pattern that fails on a 10 KB value is reported',
      yaml: param(`{Type: String, AllowedPattern: "(a+)+$", Default: ${'a'.repeat(10240)}!}`),
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/P/Default',
          line: 3,
          column: 56,
          endLine: 3,
          endColumn: 10297,
        },
      ],
    },
    {
      name: 'a Default longer than MaxLength',
      yaml: param('{Type: String, MaxLength: 3, Default: abcd}'),
      findings: [
        {
          messageId: 'length',
          path: '/Parameters/P/Default',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 48,
        },
      ],
    },
    {
      name: 'a Number Default above MaxValue written as a string',
      yaml: param('{Type: Number, MaxValue: "168", Default: 200}'),
      findings: [
        { messageId: 'range', path: '/Parameters/P/Default', line: 3, column: 47, endLine: 3, endColumn: 50 },
      ],
    },
    {
      name: 'a Number Default that is not a number',
      yaml: param('{Type: Number, Default: sixty}'),
      findings: [
        { messageId: 'type', path: '/Parameters/P/Default', line: 3, column: 30, endLine: 3, endColumn: 35 },
      ],
    },
    {
      name: 'a Boolean Default that is not true or false',
      yaml: param('{Type: Boolean, Default: yes}'),
      findings: [
        { messageId: 'type', path: '/Parameters/P/Default', line: 3, column: 31, endLine: 3, endColumn: 34 },
      ],
    },
    {
      name: 'a CommaDelimitedList Default with an item outside the AllowedValues, reported once',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Names:
            Type: CommaDelimitedList
            AllowedValues: [a, b]
            Default: a,x,y
      `,
      findings: [
        {
          messageId: 'notAllowed',
          path: '/Parameters/Names/Default',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'a CommaDelimitedList Default as a YAML list with an item outside the AllowedValues',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Names:
            Type: CommaDelimitedList
            AllowedValues: [a, b]
            Default: [a, x]
      `,
      findings: [
        {
          messageId: 'notAllowed',
          path: '/Parameters/Names/Default',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'AllowedValues entries that break the pattern and the length, each reported at the entry',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Principal:
            Type: String
            AllowedPattern: "[gu]-[a-z0-9]+"
            MaxLength: 5
            AllowedValues:
              - g-abc
              - x-abc
              - u-abcdef
      `,
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/Principal/AllowedValues/1',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 14,
        },
        {
          messageId: 'length',
          path: '/Parameters/Principal/AllowedValues/2',
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 17,
        },
      ],
    },
    {
      name: 'Number AllowedValues with a word and one out of range',
      yaml: param('{Type: Number, MinValue: 1, AllowedValues: [1, one, 0]}'),
      findings: [
        {
          messageId: 'type',
          path: '/Parameters/P/AllowedValues/1',
          line: 3,
          column: 53,
          endLine: 3,
          endColumn: 56,
        },
        {
          messageId: 'range',
          path: '/Parameters/P/AllowedValues/2',
          line: 3,
          column: 58,
          endLine: 3,
          endColumn: 59,
        },
      ],
    },
    {
      name: 'a Default that breaks several constraints at once',
      yaml: param(
        '{Type: String, AllowedValues: [abc], AllowedPattern: "[a-z]+", MinLength: 3, Default: A1}',
      ),
      findings: [
        {
          messageId: 'pattern',
          path: '/Parameters/P/Default',
          line: 3,
          column: 92,
          endLine: 3,
          endColumn: 94,
        },
        {
          messageId: 'length',
          path: '/Parameters/P/Default',
          line: 3,
          column: 92,
          endLine: 3,
          endColumn: 94,
        },
        {
          messageId: 'notAllowed',
          path: '/Parameters/P/Default',
          line: 3,
          column: 92,
          endLine: 3,
          endColumn: 94,
        },
      ],
    },
    {
      name: 'a Default above MaxValue in a JSON template',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Parameters": {"Timeout": {"Type": "Number", "MaxValue": 43200, "Default": 50000}}
        }
      `,
      findings: [
        {
          messageId: 'range',
          path: '/Parameters/Timeout/Default',
          line: 3,
          column: 78,
          endLine: 3,
          endColumn: 83,
        },
      ],
    },
  ],
});
