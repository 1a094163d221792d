import { describe, expect, it } from 'vitest';
import { TemplateModel } from '../../../template/model';
import { parseTemplate } from '../../../template/parse';
import { compareTemplates } from '../../../lint/update/compare';
import { renderImpact } from '../../../lint/update/impact';
import { dedent } from '../rule-tester';

function model(yaml: string): TemplateModel {
  const parsed = parseTemplate('t.yaml', dedent(yaml));
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return new TemplateModel(parsed.template);
}

const resource = (id: string, type: string, body: string) => `
    ${id}:
      Type: ${type}
      Properties: ${body}`;
const template = (...resources: string[]) =>
  `ROSTemplateFormatVersion: '2015-09-01'\nResources:${resources.join('')}\n`;
const SSO = '{ ServiceToken: arn:a, Parameters: { TargetId: t1, DeletionStrategy: Keep } }';
const NATIVE = '{ DirectoryId: d-1, TargetId: t1 }';
const OIDC = '{ ServiceToken: arn:a, Parameters: { OIDCProviderName: p, ClientId: c } }';

describe('renderImpact', () => {
  it('lists updates, replacements, deletes and creates, and leaves unchanged resources out', () => {
    const before = template(
      resource('Provision', 'Custom::CloudSSOUserProvision', SSO),
      resource('Native', 'ALIYUN::CloudSSO::UserProvision', NATIVE),
      resource('Edited', 'Custom::CloudSSOUserProvision', SSO),
      resource('Same', 'Custom::RAMOIDCClientId', OIDC),
      resource('Gone', 'Custom::RAMOIDCClientId', OIDC.replace('c }', 'd }')),
      resource('OldName', 'ALIYUN::CloudSSO::UserProvision', NATIVE.replace('d-1', 'd-9')),
      resource('Retyped', 'Custom::RAMOIDCClientId', OIDC),
    );
    const after = template(
      resource('Provision', 'Custom::CloudSSOUserProvision', SSO.replace('t1', 't2')),
      resource('Native', 'ALIYUN::CloudSSO::UserProvision', NATIVE.replace('t1', 't2')),
      resource('Edited', 'Custom::CloudSSOUserProvision', SSO.replace('Keep', 'Delete')),
      resource('Same', 'Custom::RAMOIDCClientId', OIDC),
      resource('NewName', 'ALIYUN::CloudSSO::UserProvision', NATIVE.replace('d-1', 'd-9')),
      resource('Retyped', 'Custom::Other', OIDC),
      resource('Added', 'Custom::RAMOIDCClientId', OIDC.replace('c }', 'e }')),
    );
    expect(renderImpact(compareTemplates(model(before), model(after))).split('\n')).toEqual([
      '  ~ Provision  Custom::CloudSSOUserProvision    update (refused: Parameters.TargetId)',
      '  ± Native     ALIYUN::CloudSSO::UserProvision  replace (needs replacement: TargetId)',
      '  ~ Edited     Custom::CloudSSOUserProvision    update',
      '  + NewName    ALIYUN::CloudSSO::UserProvision  create (renamed from OldName: delete and create)',
      '  ± Retyped    Custom::Other                    replace (Type Custom::RAMOIDCClientId → Custom::Other)',
      '  + Added      Custom::RAMOIDCClientId          create',
      '  - Gone       Custom::RAMOIDCClientId          delete',
      '  - OldName    ALIYUN::CloudSSO::UserProvision  delete (renamed to NewName: delete and create)',
      '',
    ]);
  });

  it('says so when no resource changes', () => {
    const same = template(resource('Same', 'Custom::RAMOIDCClientId', OIDC));
    expect(renderImpact(compareTemplates(model(same), model(same)))).toBe('  no resource changes\n');
  });
});
