import { describe, expect, it } from 'vitest';
import { lintText } from '../../../lint/engine';
import { allRules } from '../../../lint/rules';
import rule from '../../../lint/rules/ref-getatt-nested-stack';
import { dedent, testRule } from '../rule-tester';

const INLINE_STACK = `
        Resources:
          Network:
            Type: ALIYUN::ROS::Stack
            Properties:
              TemplateBody:
                ROSTemplateFormatVersion: '2015-09-01'
                Resources:
                  Vpc: {Type: ALIYUN::ECS::VPC}
                Outputs:
                  VpcId: {Value: !Ref Vpc}`;

testRule(rule, {
  valid: [
    {
      name: 'outputs an inline TemplateBody declares, in long and short form',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'${INLINE_STACK}
        Outputs:
          Long: {Value: {Fn::GetAtt: [Network, Outputs.VpcId]}}
          Short: {Value: !GetAtt Network.Outputs.VpcId}
      `,
    },
    {
      name: 'any output of a stack whose template is elsewhere or computed',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Remote:
            Type: ALIYUN::ROS::Stack
            Properties: {TemplateURL: 'oss://bucket/network.yaml'}
          Terraform:
            Type: ALIYUN::ROS::Stack
            Properties:
              TemplateBody: {ROSTemplateFormatVersion: '2015-09-01', Transform: Aliyun::Terraform-v1.5}
        Outputs:
          A: {Value: !GetAtt Remote.Outputs.Anything}
          B: {Value: !GetAtt Terraform.Outputs.vpc_id}
      `,
    },
  ],
  invalid: [
    {
      name: 'Outputs. with no output name',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'${INLINE_STACK}
        Outputs:
          Id: {Value: {Fn::GetAtt: [Network, Outputs.]}}
      `,
      findings: [
        {
          messageId: 'prefix',
          path: '/Outputs/Id/Value/Fn::GetAtt/1',
          line: 13,
          column: 38,
          endLine: 13,
          endColumn: 46,
          severity: 'error',
          message:
            /^Fn::GetAtt on the nested stack Network must read Outputs.<name> \(one of its outputs\), not Outputs.$/,
        },
      ],
    },
    {
      name: 'an output the inline TemplateBody does not declare, and a body without outputs',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'${INLINE_STACK}
          Empty:
            Type: ALIYUN::ROS::Stack
            Properties:
              TemplateBody: {ROSTemplateFormatVersion: '2015-09-01'}
        Outputs:
          Id: {Value: !GetAtt Network.Outputs.VpcID}
          None: {Value: !GetAtt Empty.Outputs.Id}
      `,
      findings: [
        {
          messageId: 'noSuchOutput',
          path: '/Outputs/Id/Value/Fn::GetAtt/1',
          line: 17,
          column: 23,
          endLine: 17,
          endColumn: 44,
          message:
            /^the nested stack Network has no output VpcID; its TemplateBody declares VpcId; did you mean VpcId\?$/,
        },
        {
          messageId: 'noSuchOutput',
          path: '/Outputs/None/Value/Fn::GetAtt/1',
          line: 18,
          column: 25,
          endLine: 18,
          endColumn: 41,
          message: /declares no outputs$/,
        },
      ],
    },
  ],
});

describe('an attribute of a nested stack without the Outputs. prefix', () => {
  it('is reported once, by ref-getatt, which knows the type has no such attribute', () => {
    const text = dedent(`
      ROSTemplateFormatVersion: '2015-09-01'
      Resources:
        Network:
          Type: ALIYUN::ROS::Stack
          Properties: {TemplateURL: 'oss://bucket/network.yaml'}
      Outputs:
        Id: {Value: !GetAtt Network.VpcId}
    `);
    const findings = lintText('t.yaml', text, { rules: allRules });
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['ref-getatt', '/Outputs/Id/Value/Fn::GetAtt/1'],
    ]);
  });
});
