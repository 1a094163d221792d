import rule from '../../../lint/rules/parameter-metadata-reference';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'a zone filter and a Visible condition that name parameters, with a field path',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          CreateVpc: {Type: Boolean, Default: true}
          Zone: {Type: String, AssociationProperty: ALIYUN::ECS::Instance::ZoneId}
          Network: {Type: Json}
          Size:
            Type: String
            AssociationProperty: ALIYUN::ECS::Instance::InstanceType
            AssociationPropertyMetadata:
              ZoneId: \${Zone}
              VpcId: \${Network.VpcId}
              Visible:
                Condition:
                  Fn::Equals: ['\${CreateVpc}', true]
      `,
    },
    {
      name: 'names the console supplies, escapes, pseudo parameters and LocaleKey names',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          PayType:
            Type: String
            AssociationPropertyMetadata: {LocaleKey: InstanceChargeType}
          Bucket:
            Type: String
            AssociationPropertyMetadata:
              RegionId: \${RegionId}
              Other: \${ALIYUN::Region}
              Literal: \${!NotAReference}
              InstanceChargeType: \${InstanceChargeType}
      `,
    },
    {
      name: 'a nested parameter form, whose references may name its own fields',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Rules:
            Type: Json
            AssociationProperty: List[Parameters]
            AssociationPropertyMetadata:
              Parameters:
                Port: {Type: Number}
                Note:
                  Type: String
                  AssociationPropertyMetadata:
                    Visible: {Condition: {Fn::Equals: ['\${Port}', 22]}}
      `,
    },
    {
      name: 'a Terraform template whose variable block declares the name',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Transform: Aliyun::Terraform-v1.5
        Workspace:
          main.tf: |
            variable "zone_id" {
              type = string
            }
        Parameters:
          instance_type:
            AssociationProperty: ALIYUN::ECS::Instance::InstanceType
            AssociationPropertyMetadata: {ZoneId: '\${zone_id}'}
      `,
    },
  ],
  invalid: [
    {
      name: 'a zone filter naming a parameter that is not there, with the likely one',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          ZoneId1: {Type: String}
          Size:
            Type: String
            AssociationPropertyMetadata:
              ZoneId: \${ZoneId}
      `,
      findings: [
        {
          messageId: 'missing',
          path: '/Parameters/Size/AssociationPropertyMetadata/ZoneId',
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 24,
          severity: 'warning',
          message:
            /^\$\{ZoneId\} names no parameter of this template, so the console cannot resolve it; did you mean ZoneId1\?$/,
        },
      ],
    },
    {
      name: 'a Visible condition on a parameter that was removed, and two references in one string',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Password:
            Type: String
            AssociationPropertyMetadata:
              Visible:
                Condition:
                  Fn::Not:
                    Fn::Equals: ['\${SelectInstance}', 'true']
              Description: '\${A} and \${B}'
      `,
      findings: [
        {
          messageId: 'missing',
          path: '/Parameters/Password/AssociationPropertyMetadata/Visible/Condition/Fn::Not/Fn::Equals/0',
          line: 9,
          column: 26,
          endLine: 9,
          endColumn: 45,
        },
        {
          messageId: 'missing',
          path: '/Parameters/Password/AssociationPropertyMetadata/Description',
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 35,
          message: /^\$\{A\} /,
        },
        {
          messageId: 'missing',
          path: '/Parameters/Password/AssociationPropertyMetadata/Description',
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 35,
          message: /^\$\{B\} /,
        },
      ],
    },
    {
      name: 'a Terraform template whose Workspace declares no such variable',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Transform: Aliyun::Terraform-v1.5
        Workspace:
          main.tf: |
            variable "zone" {}
        Parameters:
          size:
            AssociationPropertyMetadata: {ZoneId: '\${zone_id}'}
      `,
      findings: [
        {
          messageId: 'missing',
          path: '/Parameters/size/AssociationPropertyMetadata/ZoneId',
          line: 8,
          column: 43,
          endLine: 8,
          endColumn: 55,
        },
      ],
    },
  ],
});
