import rule from '../../../lint/rules/ref-sub-variable';
import { testRule } from '../rule-tester';

const output = (value: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters: {Prefix: {Type: String, Default: sso}}
  Locals: {Suffix: {Value: x}}
  Resources:
    Provision: {Type: ALIYUN::CloudSSO::UserProvision}
    Hook: {Type: Custom::Anything}
    Vpc: {Type: ALIYUN::ECS::VPC}
  Outputs:
    Out:
      Value: ${value}
`;

testRule(rule, {
  valid: [
    { name: 'a parameter and a pseudo parameter', yaml: output(`!Sub \${Prefix}-\${ALIYUN::Region}`) },
    {
      name: 'a resource and a listed attribute',
      yaml: output(`!Sub \${Provision}/\${Provision.UserProvisionId}`),
    },
    { name: 'any attribute of a generic custom resource', yaml: output(`!Sub \${Hook.Outputs.Name}`) },
    { name: 'any attribute of a type without a schema', yaml: output(`!Sub \${Vpc.VpcId}`) },
    { name: 'a key of the variable map', yaml: output(`!Sub ["\${Name}-x", {Name: !Ref Suffix}]`) },
    { name: 'an escaped literal', yaml: output(`!Sub \${!Literal}-\${ ALIYUN::StackName }`) },
    { name: 'the long form', yaml: output(`{Fn::Sub: "\${Prefix}-\${ALIYUN::AccountId}"}`) },
    { name: 'a Sub string built by a function is not guessed at', yaml: output('!Sub [!Join [a, [b]], {}]') },
    {
      name: 'a Terraform variable',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Transform: Aliyun::Terraform-v1.5
        Workspace:
          variable.tf: 'variable "region_id" { default = "cn-hangzhou" }'
        Outputs:
          Console: {Value: !Sub 'https://ecs.console.aliyun.com/?region=\${region_id}'}
      `,
    },
  ],
  invalid: [
    {
      name: 'an unknown variable, reported at the Sub string',
      yaml: output(`!Sub \${Prefx}-name`),
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Fn::Sub',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 30,
        },
      ],
    },
    {
      name: 'an unknown variable used twice in one string, reported once',
      yaml: output(`!Sub 'region \${RegionId}, again \${RegionId}'`),
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Fn::Sub',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 56,
        },
      ],
    },
    {
      name: 'a Locals entry, which Fn::Sub cannot read',
      yaml: output(`!Sub \${Prefix}-\${Suffix}`),
      findings: [
        {
          messageId: 'local',
          path: '/Outputs/Out/Value/Fn::Sub',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'an unknown resource with an attribute',
      yaml: output(`!Sub \${Provisioning.UserProvisionId}`),
      findings: [
        {
          messageId: 'unknownResource',
          path: '/Outputs/Out/Value/Fn::Sub',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 48,
        },
      ],
    },
    {
      name: 'an attribute the schema does not list',
      yaml: output(`!Sub \${Provision.Arn}`),
      findings: [
        {
          messageId: 'unknownAttribute',
          path: '/Outputs/Out/Value/Fn::Sub',
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'a misspelt pseudo parameter and a variable missing from the map, each reported',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs:
          Out:
            Value: !Sub
              - \${ALIYUN::Regoin}-\${Nam}
              - {Name: x}
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Fn::Sub/0',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 33,
        },
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Fn::Sub/0',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'an unknown variable in the long form inside a resource property',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Hook:
            Type: Custom::Anything
            Properties:
              ServiceToken:
                Fn::Sub: acs:fc:\${ALIYUN::Region}:\${ALIYUN::AccountId}:services/\${Service}/functions/run
              Timeout: 60
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Hook/Properties/ServiceToken/Fn::Sub',
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 97,
        },
      ],
    },
  ],
});
