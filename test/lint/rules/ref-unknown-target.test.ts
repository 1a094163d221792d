import rule from '../../../lint/rules/ref-unknown-target';
import { testRule } from '../rule-tester';

const output = (value: string, conditions = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters: {DirectoryId: {Type: String}}
  Locals: {Name: {Value: sso}}
  ${conditions}
  Resources:
    Handle: {Type: ALIYUN::ROS::WaitConditionHandle}
  Outputs:
    Out:
      Value: ${value}
`;

testRule(rule, {
  valid: [
    { name: 'a parameter', yaml: output('!Ref DirectoryId') },
    { name: 'a resource', yaml: output('{Ref: Handle}') },
    { name: 'a Locals entry', yaml: output('!Ref Name') },
    {
      name: 'each pseudo parameter',
      yaml: output(
        '[!Ref ALIYUN::StackName, !Ref ALIYUN::StackId, !Ref ALIYUN::Region, !Ref ALIYUN::AccountId, !Ref ALIYUN::TenantId, !Ref ALIYUN::ResourceGroupId, !Ref ALIYUN::Index]',
      ),
    },
    {
      name: 'ALIYUN::NoValue in an Fn::If branch',
      yaml: output('!If [C, x, !Ref ALIYUN::NoValue]', 'Conditions: {C: !Equals [a, a]}'),
    },
    {
      name: 'a parameter and a pseudo parameter inside Conditions',
      yaml: output(
        'x',
        'Conditions: {C: !And [!Equals [!Ref DirectoryId, d-1], !Equals [!Ref ALIYUN::Region, cn-hangzhou]]}',
      ),
    },
    {
      name: 'a Locals entry inside Conditions',
      yaml: output('x', 'Conditions: {C: !Equals [!Ref Name, sso], D: !Ref Name}'),
    },
    {
      name: 'Terraform variables of the root module are the parameters',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Transform: Aliyun::Terraform-v1.5
        Metadata:
          ALIYUN::ROS::Interface:
            ResourcesForParameterConstraints:
              Db: {Type: ALIYUN::RDS::DBInstance, Properties: {ZoneId: {Ref: zone_id}}}
        Workspace:
          variables.tf: |
            # variable "commented_out" {}
            variable "zone_id" {
              type    = string
              default = "cn-hangzhou-h"
            }
          main.tf: |
            variable subnet_mask { default = "24" }
        Conditions:
          Small: !Equals [!Ref subnet_mask, '28']
        Outputs:
          Zone: {Value: !Ref zone_id}
      `,
    },
    {
      name: 'Refs in a JSON template',
      file: 't.json',
      yaml: `
        {
          "Parameters": {"DirectoryId": {"Type": "String"}},
          "Outputs": {"Out": {"Value": {"Fn::Join": ["", [{"Ref": "DirectoryId"}, {"Ref": "ALIYUN::Region"}]]}}}
        }
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelt parameter in the short form, reported at the tag',
      yaml: output('!Ref DirectoryID'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Ref',
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'an unknown name in the long form, reported at the name',
      yaml: output('{Ref: Handel}'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Ref',
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'a misspelt pseudo parameter',
      yaml: output('!Ref ALIYUN::Regoin'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Out/Value/Ref',
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 31,
        },
      ],
    },
    {
      name: 'a Ref given a function',
      yaml: output('{Ref: !Join [a, [b]]}'),
      findings: [
        {
          messageId: 'notString',
          path: '/Outputs/Out/Value/Ref',
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'a resource inside Conditions',
      yaml: output('x', 'Conditions: {C: !Or [!Equals [!Ref Handle, a], !Equals [!Ref Name, b]]}'),
      findings: [
        {
          messageId: 'resourceInCondition',
          path: '/Conditions/C/Fn::Or/0/Fn::Equals/0/Ref',
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 42,
        },
      ],
    },
    {
      name: 'unknown names in console metadata, as warnings',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Metadata:
          ALIYUN::ROS::Interface:
            ResourcesForParameterConstraints:
              Db: {Type: ALIYUN::RDS::DBInstance, Properties: {ZoneId: {Ref: ZoneID}}}
        Parameters:
          ZoneId: {Type: String}
          InstanceClass:
            Type: String
            AssociationProperty: ALIYUN::RDS::Instance::InstanceType
            AssociationPropertyMetadata: {ZoneId: {Ref: Zone}}
      `,
      findings: [
        {
          messageId: 'unknownInConsole',
          path: '/Metadata/ALIYUN::ROS::Interface/ResourcesForParameterConstraints/Db/Properties/ZoneId/Ref',
          line: 5,
          column: 70,
          endLine: 5,
          endColumn: 76,
          severity: 'warning',
          message: /did you mean ZoneId\?; this metadata is read by the console only/,
        },
        {
          messageId: 'unknownInConsole',
          path: '/Parameters/InstanceClass/AssociationPropertyMetadata/ZoneId/Ref',
          line: 11,
          column: 49,
          endLine: 11,
          endColumn: 53,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a Terraform template: a name that is no variable of its root module',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Transform: Aliyun::Terraform-v1.5
        Workspace:
          main.tf: |
            module "net" { source = "./modules/net" }
          modules/net/variables.tf: |
            variable "cidr" {}
        Outputs:
          Cidr: {Value: !Ref cidr}
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Outputs/Cidr/Value/Ref',
          line: 9,
          column: 17,
          endLine: 9,
          endColumn: 26,
        },
      ],
    },
    {
      name: 'an unknown Ref inside a resource property and in Fn::If',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Conditions: {C: !Equals [a, a]}
        Resources:
          Hook:
            Type: Custom::Anything
            Properties:
              ServiceToken: !Ref FunctionArn
              Timeout: !If [C, !Ref Timeout, 60]
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/Hook/Properties/ServiceToken/Ref',
          line: 7,
          column: 21,
          endLine: 7,
          endColumn: 37,
        },
        {
          messageId: 'unknown',
          path: '/Resources/Hook/Properties/Timeout/Fn::If/1/Ref',
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 36,
        },
      ],
    },
  ],
});
