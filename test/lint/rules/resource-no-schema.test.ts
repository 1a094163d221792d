import rule from '../../../lint/rules/resource-no-schema';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'types with a definition: hand-written, bundled, overlay, and any Custom:: type',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Vpc: {Type: ALIYUN::ECS::VPC}
          Zones: {Type: DATASOURCE::ECS::Zones}
          Retired: {Type: ALIYUN::POLARDB::DBInstance}
          Function: {Type: ALIYUN::FC3::Function}
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
      name: 'an unknown ALIYUN:: type, once per type, as a warning with a did-you-mean',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Vpc1: {Type: ALIYUN::ECS::VPc}
          Vpc2: {Type: ALIYUN::ECS::VPc}
          Widget: {Type: ALIYUN::Example::Widget}
          Pod: {Type: ALIYUN::ACS::ApplicationPood}
      `,
      findings: [
        {
          messageId: 'unknownType',
          path: '/Resources/Vpc1/Type',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 32,
          severity: 'warning',
          message: /did you mean ALIYUN::ECS::VPC\?/,
        },
        {
          messageId: 'unknownType',
          path: '/Resources/Widget/Type',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 41,
          severity: 'warning',
        },
        {
          messageId: 'unknownType',
          path: '/Resources/Pod/Type',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 43,
          severity: 'warning',
          message:
            /: neither defined here nor in the official ROS type list; did you mean ALIYUN::ACS::ApplicationPod\? \(/,
        },
      ],
    },
    {
      name: 'a data source without a definition, a module, and a type of another vendor, as information',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Zones: {Type: DATASOURCE::Example::Zones}
          Net: {Type: MODULE::Acme::Net::MODULE}
          Other: {Type: Acme::Thing}
      `,
      findings: [
        {
          messageId: 'dataSource',
          path: '/Resources/Zones/Type',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 43,
          severity: 'info',
        },
        {
          messageId: 'module',
          path: '/Resources/Net/Type',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 40,
          severity: 'info',
        },
        {
          messageId: 'noSchema',
          path: '/Resources/Other/Type',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 28,
          severity: 'info',
        },
      ],
    },
    {
      name: 'a type the official ROS list names but nothing here defines, as information',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Pod: {Type: ALIYUN::ACS::ApplicationPod}
          Pod2: {Type: ALIYUN::ACS::ApplicationPod}
      `,
      findings: [
        {
          messageId: 'existingType',
          path: '/Resources/Pod/Type',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 42,
          severity: 'info',
          message:
            /^ALIYUN::ACS::ApplicationPod is an official ROS type without a definition here; .*schemas update/,
        },
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
        {
          messageId: 'serverless',
          path: '/Resources/Function/Type',
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 48,
          severity: 'info',
        },
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
          endLine: 3,
          endColumn: 48,
          severity: 'error',
        },
      ],
    },
  ],
});
