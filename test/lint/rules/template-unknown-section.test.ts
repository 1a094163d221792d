import rule from '../../../lint/rules/template-unknown-section';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'every ROS section',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Description: {en: Provisioning, zh-cn: 配置}
        Metadata: {ALIYUN::ROS::Interface: {TemplateTags: [sso]}}
        Parameters: {Env: {Type: String}}
        Mappings: {Regions: {cn-hangzhou: {Zone: a}}}
        Conditions: {IsProd: !Equals [!Ref Env, prod]}
        Resources: {Handle: {Type: ALIYUN::ROS::WaitConditionHandle}}
        Outputs: {Id: {Value: !Ref Handle}}
        Rules: {EnvRule: {Assertions: [{Assert: !Equals [a, a]}]}}
        Locals: {Name: {Value: x}}
        Transform: Aliyun::Serverless-2018-04-03
        Workspace: {}
      `,
    },
    {
      name: 'an empty mapping section is null, not a wrong shape',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs:
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelt Resources section, reported at the key',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resource:
          Handle: {Type: ALIYUN::ROS::WaitConditionHandle}
      `,
      findings: [{ messageId: 'unknown', path: '/Resource', line: 2, column: 1, endLine: 2, endColumn: 9 }],
    },
    {
      name: 'CloudFormation sections',
      yaml: `
        AWSTemplateFormatVersion: 2010-09-09
        Hooks: {}
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/AWSTemplateFormatVersion',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 25,
        },
        { messageId: 'unknown', path: '/Hooks', line: 2, column: 1, endLine: 2, endColumn: 6 },
      ],
    },
    {
      name: 'mapping sections given a list and a string',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters: [Env]
        Resources: none
      `,
      findings: [
        { messageId: 'notMapping', path: '/Parameters', line: 2, column: 13, endLine: 2, endColumn: 17 },
        { messageId: 'notMapping', path: '/Resources', line: 3, column: 12, endLine: 3, endColumn: 16 },
      ],
    },
    {
      name: 'a list as Outputs in a JSON template, reported at the list',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Outputs": []
        }
      `,
      findings: [
        {
          messageId: 'notMapping',
          path: '/Outputs',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 15,
          data: { name: 'Outputs' },
        },
      ],
    },
  ],
});
