import rule from '../../../lint/rules/update-type-changed';
import { testUpdateRule } from '../update/diff-tester';

const TEMPLATE = (type: string) => `
  ROSTemplateFormatVersion: '2015-09-01'
  Resources:
    Provision:
      Type: ${type}
      Properties:
        ServiceToken: acs:fc:cn-hangzhou:1:functions/ros-sso
        Parameters: { DirectoryId: d-1 }
`;

testUpdateRule(rule, [
  {
    name: 'a native type swapped for the custom resource',
    before: TEMPLATE('ALIYUN::CloudSSO::UserProvision'),
    after: TEMPLATE('Custom::CloudSSOUserProvision'),
    findings: [
      {
        messageId: 'changed',
        path: '/Resources/Provision/Type',
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 40,
      },
    ],
  },
  {
    name: 'one custom type for another',
    before: TEMPLATE('Custom::CloudSSOUserProvision'),
    after: TEMPLATE('Custom::RAMOIDCClientId'),
    findings: [
      {
        messageId: 'changed',
        path: '/Resources/Provision/Type',
        line: 4,
        column: 11,
        endLine: 4,
        endColumn: 34,
      },
    ],
  },
  {
    name: 'the same type',
    before: TEMPLATE('Custom::CloudSSOUserProvision'),
    after: TEMPLATE('Custom::CloudSSOUserProvision'),
  },
  {
    name: 'a resource that is new',
    before: "ROSTemplateFormatVersion: '2015-09-01'\n",
    after: TEMPLATE('Custom::CloudSSOUserProvision'),
  },
]);
