import rule from '../../../lint/rules/parameter-definition';
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
      name: 'every parameter type and key ROS knows',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          DirectoryId:
            Type: String
            Description: {en: The directory, zh-cn: 目录}
            Label: Directory
            AllowedPattern: 'd-[a-z0-9]+'
            ConstraintDescription: starts with d-
            MinLength: 3
            MaxLength: 64
            Default: d-abc
            AssociationProperty: AutoCompleteInput
            AssociationPropertyMetadata: {Prefix: d-}
            Placeholder: {en: d-…}
            Required: true
          Password: {Type: String, NoEcho: true, Confirm: true, TextArea: false}
          Timeout: {Type: Number, MinValue: 1, MaxValue: 43200, Default: 60}
          Names: {Type: CommaDelimitedList, AllowedValues: [a, b]}
          Settings: {Type: Json, Default: {a: 1}}
          Enabled: {Type: Boolean, Default: true}
          Value: {Type: 'ALIYUN::OOS::Parameter::Value'}
          Secret: {Type: 'ALIYUN::OOS::SecretParameter::Value'}
      `,
    },
    {
      name: 'bounds written as strings, as in the ROS docs',
      yaml: param('{Type: String, MinLength: "6", MaxLength: "12", NoEcho: "True"}'),
    },
    { name: 'equal lower and upper bounds', yaml: param('{Type: Number, MinValue: 5, MaxValue: 5}') },
    { name: 'a negative MinValue', yaml: param('{Type: Number, MinValue: -10, MaxValue: 10}') },
    {
      name: 'an AllowedPattern on a CommaDelimitedList parameter',
      yaml: param('{Type: CommaDelimitedList, AllowedPattern: "[a-z,]+"}'),
    },
    { name: 'a Python-style {,n} pattern', yaml: param('{Type: String, AllowedPattern: "[a-z]{,8}"}') },
    { name: 'a template without Parameters', yaml: "ROSTemplateFormatVersion: '2015-09-01'\n" },
    {
      name: 'names with _ and -, as Terraform variables and console templates write them',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          subnet_mask: {Type: String, Default: '24'}
          zone-id: {Type: String}
      `,
    },
    {
      name: 'the console key ReadOnly, and empty optional keys',
      yaml: param(
        '{Type: String, Default: admin, ReadOnly: true, AllowedValues: null, AllowedPattern: null}',
      ),
    },
  ],
  invalid: [
    {
      name: 'a parameter given as a bare type name',
      yaml: param('String'),
      findings: [
        { messageId: 'notMapping', path: '/Parameters/P', line: 3, column: 6, endLine: 3, endColumn: 12 },
      ],
    },
    {
      name: 'names with a space and a dot, reported at the names',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Create new VPC: {Type: Boolean}
          Zone.Id: {Type: String}
      `,
      findings: [
        {
          messageId: 'badName',
          path: '/Parameters/Create new VPC',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 17,
          message: /letters, digits, _ and -/,
        },
        { messageId: 'badName', path: '/Parameters/Zone.Id', line: 4, column: 3, endLine: 4, endColumn: 10 },
      ],
    },
    {
      name: 'keys indented one level too little, reported once for the run',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          DbUser:
            Type: String
            Label: {en: Database user}
          AllowedPattern: '^[a-z][a-z0-9_]{1,15}$'
          ConstraintDescription:
            en: lowercase letters, digits and _
            zh-cn: 小写字母、数字和下划线
          DbPassword: {Type: String, NoEcho: true}
      `,
      findings: [
        {
          messageId: 'misplacedKeys',
          path: '/Parameters/AllowedPattern',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 17,
          message:
            /^AllowedPattern, ConstraintDescription are keys of a parameter, not parameters: indent them under DbUser/,
        },
      ],
    },
    {
      name: 'a parameter without a Type whose keys are no parameter keys: one finding',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Labels:
            en: English
            zh-cn: 中文
      `,
      findings: [
        {
          messageId: 'missingType',
          path: '/Parameters/Labels',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 9,
        },
      ],
    },
    {
      name: 'a parameter without a Type, reported at its name',
      yaml: param('{Default: a}'),
      findings: [
        { messageId: 'missingType', path: '/Parameters/P', line: 3, column: 3, endLine: 3, endColumn: 4 },
      ],
    },
    {
      name: 'a lowercase type and a CloudFormation type',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          A: {Type: string}
          B: {Type: List<String>}
          C: {Type: 1}
      `,
      findings: [
        { messageId: 'badType', path: '/Parameters/A/Type', line: 3, column: 13, endLine: 3, endColumn: 19 },
        { messageId: 'badType', path: '/Parameters/B/Type', line: 4, column: 13, endLine: 4, endColumn: 25 },
        { messageId: 'badType', path: '/Parameters/C/Type', line: 5, column: 13, endLine: 5, endColumn: 14 },
      ],
    },
    {
      name: 'a Type that is a function or a list, quoted as written (not [object Object], not String)',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          A: {Type: {'Fn::Sub': x}}
          B: {Type: [String]}
      `,
      findings: [
        {
          messageId: 'badType',
          path: '/Parameters/A/Type',
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 26,
          data: { name: 'A', type: '{"Fn::Sub":"x"}', hint: '' },
        },
        {
          messageId: 'badType',
          path: '/Parameters/B/Type',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 20,
          data: { name: 'B', type: '["String"]', hint: '' },
        },
      ],
    },
    {
      name: 'a misspelt key and a CloudFormation-only key, reported at the keys',
      yaml: param('{Type: String, Defualt: a, AllowedValuesDescription: x}'),
      findings: [
        {
          messageId: 'unknownKey',
          path: '/Parameters/P/Defualt',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 28,
          severity: 'warning',
          message: /did you mean Default\?/,
        },
        {
          messageId: 'unknownKey',
          path: '/Parameters/P/AllowedValuesDescription',
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 57,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'bounds that are not numbers',
      yaml: param('{Type: String, MinLength: three, MaxValue: [1]}'),
      findings: [
        {
          messageId: 'notNumber',
          path: '/Parameters/P/MinLength',
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 37,
        },
        {
          messageId: 'notNumber',
          path: '/Parameters/P/MaxValue',
          line: 3,
          column: 49,
          endLine: 3,
          endColumn: 51,
        },
      ],
    },
    {
      name: 'a negative length',
      yaml: param('{Type: String, MinLength: -1}'),
      findings: [
        {
          messageId: 'negative',
          path: '/Parameters/P/MinLength',
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 34,
        },
      ],
    },
    {
      name: 'a minimum above the maximum, reported at the minimum',
      yaml: param('{Type: Number, MinLength: 8, MaxLength: "4", MinValue: 10, MaxValue: 1}'),
      findings: [
        {
          messageId: 'minAboveMax',
          path: '/Parameters/P/MinLength',
          line: 3,
          column: 32,
          endLine: 3,
          endColumn: 33,
        },
        {
          messageId: 'minAboveMax',
          path: '/Parameters/P/MinValue',
          line: 3,
          column: 61,
          endLine: 3,
          endColumn: 63,
        },
      ],
    },
    {
      name: 'AllowedValues given as a string',
      yaml: param('{Type: String, AllowedValues: Keep}'),
      findings: [
        {
          messageId: 'notList',
          path: '/Parameters/P/AllowedValues',
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 40,
        },
      ],
    },
    {
      name: 'empty AllowedValues',
      yaml: param('{Type: String, AllowedValues: []}'),
      findings: [
        {
          messageId: 'emptyList',
          path: '/Parameters/P/AllowedValues',
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'an AllowedPattern on a Number parameter',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Timeout:
            Type: Number
            AllowedPattern: \\d+
      `,
      findings: [
        {
          messageId: 'patternOnNonString',
          path: '/Parameters/Timeout/AllowedPattern',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'an AllowedPattern on Boolean and OOS secret parameters',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Enabled: {Type: Boolean, AllowedPattern: true|false}
          Secret: {Type: 'ALIYUN::OOS::SecretParameter::Value', AllowedPattern: .+}
      `,
      findings: [
        {
          messageId: 'patternOnNonString',
          path: '/Parameters/Enabled/AllowedPattern',
          line: 3,
          column: 44,
          endLine: 3,
          endColumn: 54,
        },
        {
          messageId: 'patternOnNonString',
          path: '/Parameters/Secret/AllowedPattern',
          line: 4,
          column: 73,
          endLine: 4,
          endColumn: 75,
        },
      ],
    },
    {
      name: 'an AllowedPattern that does not compile, as a warning',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Name:
            Type: String
            AllowedPattern: ([a-z]+
      `,
      findings: [
        {
          messageId: 'badPattern',
          path: '/Parameters/Name/AllowedPattern',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 28,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a lookahead after the start of an AllowedPattern, as an info: it is not checked',
      yaml: param('{Type: String, AllowedPattern: "^a(?=.*[0-9])[a-z0-9]{8,}$"}'),
      findings: [
        {
          messageId: 'uncheckedPattern',
          path: '/Parameters/P/AllowedPattern',
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 65,
          severity: 'info',
        },
      ],
    },
    {
      name: 'a minimum above the maximum in a JSON template',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Parameters": {"Timeout": {"Type": "Number", "MinValue": 60, "MaxValue": 1}}
        }
      `,
      findings: [
        {
          messageId: 'minAboveMax',
          path: '/Parameters/Timeout/MinValue',
          line: 3,
          column: 60,
          endLine: 3,
          endColumn: 62,
        },
      ],
    },
  ],
});
