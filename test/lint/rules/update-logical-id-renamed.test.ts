import rule from '../../../lint/rules/update-logical-id-renamed';
import { testUpdateRule } from '../update/diff-tester';

const TEMPLATE = (id: string, target = "'1000000000000001'", extra = '') => `
  ROSTemplateFormatVersion: '2015-09-01'
  Resources:
    ${id}:
      Type: ALIYUN::CloudSSO::UserProvision
      Properties:
        DirectoryId: d-1
        PrincipalId: u-1
        PrincipalType: User
        TargetId: ${target}
        TargetType: RD-Account
${extra}`;

const OTHER = `
    Other:
      Type: ALIYUN::RAM::OIDCProvider
      Properties: { OIDCProviderName: github }
`;

testUpdateRule(rule, [
  {
    name: 'the same resource under a new logical ID',
    before: TEMPLATE('Provision'),
    after: TEMPLATE('CloudSsoProvision'),
    findings: [
      {
        messageId: 'renamed',
        path: '/Resources/CloudSsoProvision',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 20,
      },
    ],
  },
  {
    name: 'a renamed resource whose properties also changed (a delete and an unrelated create)',
    before: TEMPLATE('Provision'),
    after: TEMPLATE('CloudSsoProvision', "'1000000000000002'"),
  },
  { name: 'a plain delete', before: TEMPLATE('Provision', undefined, OTHER), after: TEMPLATE('Provision') },
  { name: 'a plain create', before: TEMPLATE('Provision'), after: TEMPLATE('Provision', undefined, OTHER) },
  { name: 'an unchanged template', before: TEMPLATE('Provision'), after: TEMPLATE('Provision') },
]);
