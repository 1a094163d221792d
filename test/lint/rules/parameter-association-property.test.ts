import { describe, expect, it } from 'vitest';
import catalogue from '../../../lint/rules/data/association-properties.json';
import rule from '../../../lint/rules/parameter-association-property';
import { testRule } from '../rule-tester';

const template = (associationProperty: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Parameters:
    Target:
      Type: String
      AssociationProperty: ${associationProperty}
`;

testRule(rule, {
  valid: [
    { name: 'a resource-bound name', yaml: template('ALIYUN::ECS::VPC::VPCId') },
    { name: 'the deprecated single-colon alias of ZoneId', yaml: template('ALIYUN::ECS::Instance:ZoneId') },
    { name: 'the APSARA:: spelling of a known name', yaml: template('APSARA::ECS::VPC::VPCId') },
    { name: 'a form component name', yaml: template('AutoCompleteInput') },
    { name: 'a name only the OOS parameter form offers', yaml: template('TemplateParameter') },
    {
      name: 'parameters without an AssociationProperty, or with one that is not a string',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Plain: {Type: String}
          Odd: {Type: String, AssociationProperty: [ALIYUN::ECS::VPC::VPCId]}
          Broken: text
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelt load balancer selector, with the name meant',
      yaml: template('ALIYUN::Slb::LoadBalance::LoadBalanceId'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Parameters/Target/AssociationProperty',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 65,
          severity: 'warning',
          message: /did you mean ALIYUN::SLB::LoadBalancer::LoadBalancerId\?$/,
        },
      ],
    },
    {
      name: 'spaces inside a name',
      yaml: template('ALIYUN::Bailian::API Key::API KeyInfo'),
      findings: [
        {
          messageId: 'malformed',
          path: '/Parameters/Target/AssociationProperty',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 63,
          message: /did you mean ALIYUN::Bailian::ApiKey::ApiKeyInfo\?$/,
        },
      ],
    },
    {
      name: 'a single colon where the catalogue has none',
      yaml: template('ALIYUN::ECS::Instance:ImageId'),
      findings: [
        {
          messageId: 'malformed',
          path: '/Parameters/Target/AssociationProperty',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 55,
          severity: 'warning',
          message: /did you mean ALIYUN::ECS::Instance::ImageId\?$/,
        },
      ],
    },
    {
      name: 'a well-formed name far from every known one of its service: info',
      yaml: template('ALIYUN::CS::ManagedKubernetesCluster::PodCidr'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Parameters/Target/AssociationProperty',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 71,
          severity: 'info',
        },
      ],
    },
    {
      name: 'a known name in the wrong case',
      yaml: template('ALIYUN::ecs::vpc::vpcid'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Parameters/Target/AssociationProperty',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 49,
          message: /did you mean ALIYUN::ECS::VPC::VPCId\?$/,
        },
      ],
    },
    {
      name: 'a name unlike any known one, without a guess: info, it may be newer than the catalogue',
      yaml: template('Company::Widget::Picker'),
      findings: [
        {
          messageId: 'unknown',
          path: '/Parameters/Target/AssociationProperty',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 49,
          severity: 'info',
          message:
            /^AssociationProperty Company::Widget::Picker is not among the names the ROS console is known to support; unless it is newer than the catalogue, the console shows a plain text box$/,
        },
      ],
    },
  ],
});

describe('the AssociationProperty catalogue', () => {
  it('records where its names come from', () => {
    expect(catalogue.source).toEqual({
      repository: 'aliyun/iac-code',
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      path: expect.stringMatching(/ros_association_property_specs\.json$/),
    });
  });

  it('holds sorted, unique names', () => {
    for (const list of [catalogue.names, catalogue.otherForms]) {
      expect(list).toEqual([...new Set(list)].sort());
    }
    expect(catalogue.names.length).toBeGreaterThan(250);
  });
});
