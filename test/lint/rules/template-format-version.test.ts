import rule from '../../../lint/rules/template-format-version';
import { testRule } from '../rule-tester';

const RESOURCES = `Resources: {Handle: {Type: ALIYUN::ROS::WaitConditionHandle}}`;

testRule(rule, {
  valid: [
    { name: 'the version in single quotes', yaml: `ROSTemplateFormatVersion: '2015-09-01'\n${RESOURCES}\n` },
    { name: 'the version in double quotes', yaml: `ROSTemplateFormatVersion: "2015-09-01"\n${RESOURCES}\n` },
    {
      name: 'the version unquoted, as in the ROS docs',
      yaml: `ROSTemplateFormatVersion: 2015-09-01\n${RESOURCES}\n`,
    },
    {
      name: 'the version in a JSON template',
      file: 't.json',
      yaml: '{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {}}',
    },
  ],
  invalid: [
    {
      name: 'a template without a version, reported at the top',
      yaml: `
        Description: provisioning
        ${RESOURCES}
      `,
      findings: [{ messageId: 'missing', path: '', line: 1, column: 1, endLine: 2, endColumn: 60 }],
    },
    {
      name: 'another unquoted date',
      yaml: `ROSTemplateFormatVersion: 2016-01-01\n${RESOURCES}\n`,
      findings: [
        {
          messageId: 'wrong',
          path: '/ROSTemplateFormatVersion',
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'the CloudFormation version',
      yaml: `
        ${RESOURCES}
        ROSTemplateFormatVersion: 2010-09-09
      `,
      findings: [
        {
          messageId: 'wrong',
          path: '/ROSTemplateFormatVersion',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 37,
        },
      ],
    },
    {
      name: 'a number instead of a date',
      yaml: `ROSTemplateFormatVersion: 2015\n${RESOURCES}\n`,
      findings: [
        {
          messageId: 'wrong',
          path: '/ROSTemplateFormatVersion',
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'the version inside a list',
      yaml: `ROSTemplateFormatVersion: ['2015-09-01']\n${RESOURCES}\n`,
      findings: [
        {
          messageId: 'wrong',
          path: '/ROSTemplateFormatVersion',
          line: 1,
          column: 27,
          endLine: 1,
          endColumn: 40,
          data: { value: '["2015-09-01"]' },
        },
      ],
    },
    {
      name: 'a JSON template without a version',
      file: 't.json',
      yaml: `
        {
          "Resources": {}
        }
      `,
      findings: [{ messageId: 'missing', path: '', line: 1, column: 1, endLine: 2, endColumn: 17 }],
    },
  ],
});
