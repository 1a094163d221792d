import rule from '../../../lint/rules/ref-getatt';
import { testRule } from '../rule-tester';

const RESOURCES = `
  Resources:
    Provision:
      Type: Custom::CloudSSOUserProvision
    Native:
      Type: ALIYUN::CloudSSO::UserProvision
    Hook:
      Type: Custom::Anything
    Vpc:
      Type: ALIYUN::ECS::VPC
`;

const output = (value: string) => `
  ROSTemplateFormatVersion: '2015-09-01'${RESOURCES}
  Outputs:
    Out:
      Value: ${value}
`;

/** A data source declared in Locals, read by another Local, and one output. */
const withDataSourceLocal = (output: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Locals:
    Zones:
      Type: DATASOURCE::ECS::Zones
      Properties: {InstanceType: ecs.g7.large}
    FirstZone:
      Value: !Select [0, !GetAtt Zones.ZoneIds]
  Outputs:
    ${output}
`;

testRule(rule, {
  valid: [
    {
      name: 'a data source of Locals read by another Local',
      yaml: withDataSourceLocal('Zone: {Value: !Ref FirstZone}'),
    },
    { name: 'a listed attribute in the short form', yaml: output('!GetAtt Native.UserProvisionId') },
    {
      name: 'a listed attribute of the ros-sso custom resource',
      yaml: output('!GetAtt Provision.FailedEventCount'),
    },
    { name: 'a listed attribute in the long form', yaml: output('{Fn::GetAtt: [Provision, Status]}') },
    { name: 'any attribute of a generic custom resource', yaml: output('!GetAtt Hook.Anything') },
    { name: 'any attribute of a type without a schema', yaml: output('!GetAtt Vpc.VpcId') },
    {
      name: 'a resource name from a function is not guessed at',
      yaml: output('{Fn::GetAtt: [!Ref Name, Status]}'),
    },
    {
      name: 'an attribute from a function is not guessed at',
      yaml: output('{Fn::GetAtt: [Native, !Ref Attr]}'),
    },
  ],
  invalid: [
    {
      name: 'a data source of Locals read outside Locals',
      yaml: withDataSourceLocal('Zones: {Value: !GetAtt Zones.ZoneIds}'),
      findings: [
        {
          messageId: 'localOutsideLocals',
          path: '/Outputs/Zones/Value/Fn::GetAtt/0',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 39,
        },
      ],
    },
    {
      name: 'an unknown resource in the short form, reported at the whole scalar',
      yaml: output('!GetAtt Provisoin.Status'),
      findings: [
        {
          messageId: 'unknownResource',
          path: '/Outputs/Out/Value/Fn::GetAtt/0',
          line: 14,
          column: 20,
          endLine: 14,
          endColumn: 36,
        },
      ],
    },
    {
      name: 'an unknown resource in the long form',
      yaml: output('{Fn::GetAtt: [Missing, Status]}'),
      findings: [
        {
          messageId: 'unknownResource',
          path: '/Outputs/Out/Value/Fn::GetAtt/0',
          line: 14,
          column: 26,
          endLine: 14,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'an attribute the schema does not list',
      yaml: output('!GetAtt Native.Arn'),
      findings: [
        {
          messageId: 'unknownAttribute',
          path: '/Outputs/Out/Value/Fn::GetAtt/1',
          line: 14,
          column: 20,
          endLine: 14,
          endColumn: 30,
        },
      ],
    },
    {
      name: 'a near miss of an attribute in the long form',
      yaml: output('{Fn::GetAtt: [Provision, UserProvisionID]}'),
      findings: [
        {
          messageId: 'unknownAttribute',
          path: '/Outputs/Out/Value/Fn::GetAtt/1',
          line: 14,
          column: 37,
          endLine: 14,
          endColumn: 52,
        },
      ],
    },
    {
      name: 'an unknown resource inside a resource property',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          ClientId:
            Type: Custom::RAMOIDCClientId
            Properties:
              ServiceToken: acs:fc:cn-hangzhou:123:services/ros-sso/functions/client-id
              Timeout: 60
              Parameters:
                OIDCProviderName: !GetAtt Provider.OIDCProviderName
                ClientId: sts.aliyuncs.com
      `,
      findings: [
        {
          messageId: 'unknownResource',
          path: '/Resources/ClientId/Properties/Parameters/OIDCProviderName/Fn::GetAtt/0',
          line: 9,
          column: 35,
          endLine: 9,
          endColumn: 60,
        },
      ],
    },
  ],
});
