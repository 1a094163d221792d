import rule from '../../../lint/rules/resource-depends-on';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'DependsOn as a name and as a list of names',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provider: {Type: ALIYUN::RAM::OIDCProvider}
          Function: {Type: ALIYUN::FC::Function}
          ClientId: {Type: Custom::RAMOIDCClientId, DependsOn: [Provider, Function]}
          Other: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: ClientId}
      `,
    },
    {
      name: 'a DependsOn of the wrong shape is left to resource-definition',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          A: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: {B: true}}
          B: {Type: ALIYUN::ROS::WaitConditionHandle, DependsOn: [1]}
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelt resource name, reported at the name',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provider: {Type: ALIYUN::RAM::OIDCProvider}
          ClientId:
            Type: Custom::RAMOIDCClientId
            DependsOn: Provder
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/ClientId/DependsOn',
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'a parameter name in a DependsOn list',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters: {Function: {Type: String}}
        Resources:
          Provider: {Type: ALIYUN::RAM::OIDCProvider}
          ClientId:
            Type: Custom::RAMOIDCClientId
            DependsOn:
              - Provider
              - Function
      `,
      findings: [
        {
          messageId: 'unknown',
          path: '/Resources/ClientId/DependsOn/1',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 17,
        },
      ],
    },
    {
      name: 'a resource that depends on itself',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Provider: {Type: ALIYUN::RAM::OIDCProvider, DependsOn: [Provider]}
      `,
      findings: [
        {
          messageId: 'self',
          path: '/Resources/Provider/DependsOn/0',
          line: 3,
          column: 59,
          endLine: 3,
          endColumn: 67,
        },
      ],
    },
  ],
});
