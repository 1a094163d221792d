import rule from '../../../lint/rules/template-empty-key';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'keys written as null, ~ or an empty quoted string',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Mappings:
          Sizes:
            null: {Small: 1}
            ~: {Small: 2}
            '': {Small: 3}
        Outputs:
          Id: {Value: 1}
      `,
    },
  ],
  invalid: [
    {
      name: 'an output written without a name, reported at its value',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs:
          Id:
            Value: 1
          :
            Value: 2
      `,
      findings: [
        {
          messageId: 'empty',
          path: '/Outputs/',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 13,
          severity: 'error',
          message: /^the key before this value is empty; the Python YAML loader ROS uses refuses/,
        },
      ],
    },
    {
      name: 'empty keys in a flow mapping and in a list item',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Metadata:
          Flow: {: 1}
          List:
            - : 2
      `,
      findings: [
        { messageId: 'empty', path: '/Metadata/Flow/', line: 3, column: 12, endLine: 3, endColumn: 13 },
        { messageId: 'empty', path: '/Metadata/List/0/', line: 5, column: 9, endLine: 5, endColumn: 10 },
      ],
    },
  ],
});
