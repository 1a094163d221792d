import rule from '../../../lint/rules/template-placeholder';
import { testRule } from '../rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'real-looking IDs, short words and names that merely contain x',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Vpc: {Type: String, Default: vpc-bp1q2w3e4r5t6y7u8i9o}
          Size: {Type: String, Default: xx}
        Resources:
          Instance:
            Type: ALIYUN::ECS::Instance
            Properties:
              VpcId: vpc-bp1q2w3e4r5t6y7u8i9o
              InstanceType: ecs.g7.xlarge
              ImageId: centos_7_9_x64_20G_alibase_20230310.vhd
              Description: max box
              HostName: xxx-web
              UserData: ${'x'.repeat(100)}
      `,
    },
    {
      name: 'sample strings deep inside a free-form map property or a Json Default',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Values: {Type: Json, Default: {mail: {apiKey: xxxx}}}
        Resources:
          App:
            Type: ALIYUN::CS::ClusterHelmApplication
            Properties:
              ChartValues:
                mail: {apiKey: xxxx, password: '****'}
      `,
    },
    {
      name: 'placeholders inside functions, which compute the value',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Instance:
            Type: ALIYUN::ECS::Instance
            Properties:
              HostName: !Join ['-', [xxxx, web]]
              VpcId: !If [UseOld, vpc-xxxx, !Ref Vpc]
      `,
    },
  ],
  invalid: [
    {
      name: 'made-up IDs and bare x runs as property values and list items',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Resources:
          Instance:
            Type: ALIYUN::ECS::Instance
            Properties:
              InstanceType: xxxx
              VpcId: vpc-2xxxx
              SecurityGroupIds: [sg-xxxxx, ' i-2zXXXX ']
      `,
      findings: [
        {
          messageId: 'property',
          path: '/Resources/Instance/Properties/InstanceType',
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 25,
        },
        {
          messageId: 'property',
          path: '/Resources/Instance/Properties/VpcId',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 23,
          severity: 'warning',
          message: /^"vpc-2xxxx" looks like a placeholder, not a real value$/,
        },
        {
          messageId: 'property',
          path: '/Resources/Instance/Properties/SecurityGroupIds/0',
          line: 8,
          column: 26,
          endLine: 8,
          endColumn: 34,
        },
        {
          messageId: 'property',
          path: '/Resources/Instance/Properties/SecurityGroupIds/1',
          line: 8,
          column: 36,
          endLine: 8,
          endColumn: 48,
        },
      ],
    },
    {
      name: 'masked IDs, in a Default, deep in a Json Default and deep in a property',
      yaml: `
        ROSTemplateFormatVersion: '2015-09-01'
        Parameters:
          Balancer: {Type: String, Default: lb-bp1abcdefgh****}
          Mobile: {Type: String, Default: '1381234****'}
          Zones: {Type: Json, Default: [{VSwitchId: vsw-bp1abcdefg****}]}
        Resources:
          Route:
            Type: ALIYUN::ECS::Route
            Properties:
              Hop: {NextHopId: i-25abc****}
      `,
      findings: [
        {
          messageId: 'default',
          path: '/Parameters/Balancer/Default',
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 55,
          message: /^the Default "lb-bp1abcdefgh\*\*\*\*" looks like a placeholder, not a real value$/,
        },
        {
          messageId: 'default',
          path: '/Parameters/Mobile/Default',
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 48,
        },
        {
          messageId: 'default',
          path: '/Parameters/Zones/Default/0/VSwitchId',
          line: 5,
          column: 45,
          endLine: 5,
          endColumn: 63,
        },
        {
          messageId: 'property',
          path: '/Resources/Route/Properties/Hop/NextHopId',
          line: 10,
          column: 24,
          endLine: 10,
          endColumn: 35,
        },
      ],
    },
  ],
});
