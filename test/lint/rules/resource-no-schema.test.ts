import rule from '../../../lint/rules/resource-no-schema';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'types with a schema, including any Custom:: type',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Native: {Type: ALIYUN::CloudSSO::UserProvision}
          Provider: {Type: ALIYUN::RAM::OIDCProvider}
          Generic: {Type: ALIYUN::ROS::CustomResource}
          Provision: {Type: Custom::CloudSSOUserProvision}
          ClientId: {Type: Custom::RAMOIDCClientId}
          Hook: {Type: Custom::Anything}
      `,
    },
    {
      name: 'a resource without a Type is left to resource-definition',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Properties: {}}
      `,
    },
  ],
  invalid: [
    {
      name: 'a type without a schema, reported once at its first Type as information',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Vpc1: {Type: ALIYUN::ECS::VPC}
          Vpc2: {Type: ALIYUN::ECS::VPC}
          Function: {Type: ALIYUN::FC::Function}
      `,
      findings: [
        { messageId: 'noSchema', path: '/Resources/Vpc1/Type', line: 3, column: 16, severity: 'info' },
        { messageId: 'noSchema', path: '/Resources/Function/Type', line: 5, column: 20, severity: 'info' },
      ],
    },
    {
      name: 'a Serverless type with its Transform',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Transform: Aliyun::Serverless-2018-04-03
        Resources:
          Function: {Type: Aliyun::Serverless::Function}
      `,
      findings: [
        { messageId: 'serverless', path: '/Resources/Function/Type', line: 4, column: 20, severity: 'info' },
      ],
    },
    {
      name: 'a Serverless type without the Transform, as an error',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Function: {Type: Aliyun::Serverless::Function}
      `,
      findings: [
        {
          messageId: 'serverlessWithoutTransform',
          path: '/Resources/Function/Type',
          line: 3,
          column: 20,
          severity: 'error',
        },
      ],
    },
  ],
});
