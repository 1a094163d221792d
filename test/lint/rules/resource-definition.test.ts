import rule from '../../../lint/rules/resource-definition';
import { testRule } from '../rule-tester';

/** A template whose only resource is `R`, written as a flow mapping. */
const resource = (definition: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters: {Size: {Type: Number, Default: 2}}
  Conditions: {IsProd: !Equals [a, a]}
  Resources:
    Other: {Type: ALIYUN::ROS::WaitConditionHandle}
    R: ${definition}
`;

testRule(rule, {
  valid: [
    {
      name: 'every resource key ROS knows, each of the right shape',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Conditions: {IsProd: !Equals [a, a]}
        Resources:
          Other: {Type: ALIYUN::ROS::WaitConditionHandle}
          Provision:
            Type: Custom::CloudSSOUserProvision
            Properties: {ServiceToken: acs:fc:x, Timeout: 60}
            DependsOn: [Other]
            DeletionPolicy: Retain
            Metadata: {ros-sso: {ignore: []}}
            Condition: IsProd
            Count: 2
      `,
    },
    { name: 'a data source type', yaml: resource('{Type: DATASOURCE::VPC::Vpcs}') },
    {
      name: 'a module type with its Version',
      yaml: resource('{Type: MODULE::Org::Team::MODULE, Version: v2}'),
    },
    {
      name: 'module Versions default and latest',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: MODULE::Org::Team::MODULE, Version: default}
          B: {Type: MODULE::Org::Team::MODULE, Version: latest}
      `,
    },
    {
      name: 'resource-level Description and UpdatePolicy',
      yaml: resource(
        '{Type: ALIYUN::ROS::WaitConditionHandle, Description: a handle, UpdatePolicy: {RollingUpdate: {MaxBatchSize: 2}}}',
      ),
    },
    {
      name: 'a DeletionPolicy from a function (a module template passing its own on)',
      yaml: resource(
        '{Type: ALIYUN::ROS::WaitConditionHandle, DeletionPolicy: !ResourceFacade DeletionPolicy}',
      ),
    },
    {
      name: 'a Terraform template has no Resources',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Transform: Aliyun::Terraform-v1.5
        Workspace:
          main.tf: 'resource "alicloud_vpc" "vpc" {}'
      `,
    },
    { name: 'a Serverless type', yaml: resource('{Type: Aliyun::Serverless::Function}') },
    { name: 'a custom type with _, @ and -', yaml: resource('{Type: Custom::My_Hook@v-2}') },
    { name: 'a custom type of exactly 68 characters', yaml: resource(`{Type: Custom::${'a'.repeat(60)}}`) },
    {
      name: 'DependsOn as a single name',
      yaml: resource('{Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: Other}'),
    },
    {
      name: 'a Count written as a string',
      yaml: resource('{Type: ALIYUN::ROS::WaitConditionHandle, Count: "3"}'),
    },
    { name: 'a Count of zero', yaml: resource('{Type: ALIYUN::ROS::WaitConditionHandle, Count: 0}') },
    {
      name: 'a Count from a parameter',
      yaml: resource('{Type: ALIYUN::ROS::WaitConditionHandle, Count: !Ref Size}'),
    },
    {
      name: 'a Count from Fn::If',
      yaml: resource('{Type: ALIYUN::ROS::WaitConditionHandle, Count: !If [IsProd, 3, 1]}'),
    },
    { name: 'empty Properties', yaml: resource('{Type: ALIYUN::ROS::WaitConditionHandle, Properties: }') },
  ],
  invalid: [
    {
      name: 'a template without Resources, as a warning at the top',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Outputs: {Region: {Value: !Ref ALIYUN::Region}}
      `,
      findings: [
        {
          messageId: 'noResources',
          path: '',
          line: 1,
          column: 1,
          endLine: 2,
          endColumn: 46,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a resource that is a bare type name',
      yaml: resource('ALIYUN::ROS::WaitConditionHandle'),
      findings: [
        { messageId: 'notMapping', path: '/Resources/R', line: 6, column: 6, endLine: 6, endColumn: 38 },
      ],
    },
    {
      name: 'a resource without a Type, reported at its name',
      yaml: resource('{Properties: {}}'),
      findings: [
        { messageId: 'missingType', path: '/Resources/R', line: 6, column: 3, endLine: 6, endColumn: 4 },
      ],
    },
    {
      name: 'a CloudFormation type and a type with one segment',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Bucket: {Type: AWS::S3::Bucket}
          Thing: {Type: ALIYUN}
          Custom: {Type: Custom::Hook.v2}
      `,
      findings: [
        {
          messageId: 'badType',
          path: '/Resources/Bucket/Type',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 33,
        },
        {
          messageId: 'badType',
          path: '/Resources/Thing/Type',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 23,
        },
        {
          messageId: 'badType',
          path: '/Resources/Custom/Type',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 33,
        },
      ],
    },
    {
      name: 'custom types with two segments and with more than 68 characters',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Nested: {Type: Custom::Sso::Hook}
          Long: {Type: Custom::${'a'.repeat(61)}}
      `,
      findings: [
        {
          messageId: 'badCustomType',
          path: '/Resources/Nested/Type',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 35,
        },
        {
          messageId: 'badCustomType',
          path: '/Resources/Long/Type',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 85,
        },
      ],
    },
    {
      name: 'misspelt DependsOn and Properties keys and a CloudFormation CreationPolicy, reported at the keys',
      yaml: resource(
        '{Type: ALIYUN::ROS::WaitConditionHandle, Propreties: {}, DepensOn: Other, CreationPolicy: {}}',
      ),
      findings: [
        {
          messageId: 'unknownKey',
          path: '/Resources/R/Propreties',
          line: 6,
          column: 47,
          endLine: 6,
          endColumn: 57,
          message: /did you mean Properties\?/,
        },
        {
          messageId: 'unknownKey',
          path: '/Resources/R/DepensOn',
          line: 6,
          column: 63,
          endLine: 6,
          endColumn: 71,
          message: /did you mean DependsOn\?/,
        },
        {
          messageId: 'unknownKey',
          path: '/Resources/R/CreationPolicy',
          line: 6,
          column: 80,
          endLine: 6,
          endColumn: 94,
        },
      ],
    },
    {
      name: 'properties written beside Properties',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provision:
            Type: ALIYUN::CloudSSO::UserProvision
            DirectoryId: d-abc
            Properties: {PrincipalType: User}
          Gateway:
            Type: ALIYUN::Example::Unknown
            Spec: Small
      `,
      findings: [
        {
          messageId: 'propertyBeside',
          path: '/Resources/Provision/DirectoryId',
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 16,
          message: /^DirectoryId is a property of ALIYUN::CloudSSO::UserProvision .*move it into Properties$/,
        },
        {
          messageId: 'unknownKey',
          path: '/Resources/Gateway/Spec',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 9,
          message: /if it is a property, move it into Properties$/,
        },
      ],
    },
    {
      name: 'modules without a Version or with a bad one, and a Version on a plain resource',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Network: {Type: MODULE::Acme::Network::VPC::MODULE}
          Compute: {Type: MODULE::Acme::Compute::Web::MODULE, Version: '1'}
          Handle: {Type: ALIYUN::ROS::WaitConditionHandle, Version: v1}
      `,
      findings: [
        {
          messageId: 'missingVersion',
          path: '/Resources/Network',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 10,
        },
        {
          messageId: 'badVersion',
          path: '/Resources/Compute/Version',
          line: 4,
          column: 64,
          endLine: 4,
          endColumn: 67,
        },
        {
          messageId: 'versionNotModule',
          path: '/Resources/Handle/Version',
          line: 5,
          column: 52,
          endLine: 5,
          endColumn: 59,
        },
      ],
    },
    {
      name: 'Properties given as a list',
      yaml: resource('{Type: ALIYUN::ROS::WaitConditionHandle, Properties: [a]}'),
      findings: [
        {
          messageId: 'propertiesNotMapping',
          path: '/Resources/R/Properties',
          line: 6,
          column: 59,
          endLine: 6,
          endColumn: 61,
        },
      ],
    },
    {
      name: 'a Snapshot DeletionPolicy',
      yaml: resource('{Type: ALIYUN::ROS::WaitConditionHandle, DeletionPolicy: Snapshot}'),
      findings: [
        {
          messageId: 'badDeletionPolicy',
          path: '/Resources/R/DeletionPolicy',
          line: 6,
          column: 63,
          endLine: 6,
          endColumn: 71,
        },
      ],
    },
    {
      name: 'a DeletionPolicy and a module Version given as one-item lists',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          R: {Type: ALIYUN::ROS::WaitConditionHandle, DeletionPolicy: [Retain]}
          Compute: {Type: MODULE::Acme::Compute::Web::MODULE, Version: [v1]}
      `,
      findings: [
        {
          messageId: 'badDeletionPolicy',
          path: '/Resources/R/DeletionPolicy',
          line: 3,
          column: 63,
          endLine: 3,
          endColumn: 70,
          data: { value: '["Retain"]' },
        },
        {
          messageId: 'badVersion',
          path: '/Resources/Compute/Version',
          line: 4,
          column: 64,
          endLine: 4,
          endColumn: 67,
          data: { value: '["v1"]' },
        },
      ],
    },
    {
      name: 'a Condition given as a list',
      yaml: resource('{Type: ALIYUN::ROS::WaitConditionHandle, Condition: [IsProd]}'),
      findings: [
        {
          messageId: 'badCondition',
          path: '/Resources/R/Condition',
          line: 6,
          column: 58,
          endLine: 6,
          endColumn: 65,
        },
      ],
    },
    {
      name: 'DependsOn given a mapping and a list with a number',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: {B: true}}
          B: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: [A, 1]}
      `,
      findings: [
        {
          messageId: 'badDependsOn',
          path: '/Resources/A/DependsOn',
          line: 3,
          column: 58,
          endLine: 3,
          endColumn: 66,
        },
        {
          messageId: 'badDependsOn',
          path: '/Resources/B/DependsOn',
          line: 4,
          column: 58,
          endLine: 4,
          endColumn: 63,
        },
      ],
    },
    {
      name: 'a negative, a fractional and a word Count',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: ALIYUN::ROS::WaitConditionHandle, Count: -1}
          B: {Type: ALIYUN::ROS::WaitConditionHandle, Count: 1.5}
          C: {Type: ALIYUN::ROS::WaitConditionHandle, Count: many}
      `,
      findings: [
        { messageId: 'badCount', path: '/Resources/A/Count', line: 3, column: 54, endLine: 3, endColumn: 56 },
        { messageId: 'badCount', path: '/Resources/B/Count', line: 4, column: 54, endLine: 4, endColumn: 57 },
        { messageId: 'badCount', path: '/Resources/C/Count', line: 5, column: 54, endLine: 5, endColumn: 58 },
      ],
    },
    {
      name: 'Properties given as a list in a JSON template',
      file: 't.json',
      yaml: `
        {
          "ROSTemplateFormatVersion": "2015-09-01",
          "Resources": {"Hook": {"Type": "Custom::Anything", "Properties": []}}
        }
      `,
      findings: [
        {
          messageId: 'propertiesNotMapping',
          path: '/Resources/Hook/Properties',
          line: 3,
          column: 68,
          endLine: 3,
          endColumn: 69,
        },
      ],
    },
  ],
});
