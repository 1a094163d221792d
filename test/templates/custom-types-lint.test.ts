import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../support/cli';

// The ros-sso custom types as the linter (and so `local deploy`) sees them.
describe('Custom::CloudSSOUserProvision and Custom::RAMOIDCClientId in a template', () => {
  const template = (extra: string) => `ROSTemplateFormatVersion: '2015-09-01'
Resources:
  Provision:
    Type: Custom::CloudSSOUserProvision
    Properties:
      ServiceToken: acs:fc:cn-shanghai:1000000000000000:functions/ros-sso
      Parameters:
        DirectoryId: d-1
        PrincipalType: User
        PrincipalId: u-1
        TargetId: '1000000000000001'
        TargetType: RD-Account
        DuplicationStrategy: KeepBoth
        DeletionStrategy: Keep
${extra}  Audience:
    Type: Custom::RAMOIDCClientId
    Properties:
      ServiceToken: acs:fc:cn-shanghai:1000000000000000:functions/ros-sso
      Parameters: {OIDCProviderName: github, ClientId: ci, TakeOwnershipOfExisting: true}
`;

  it('lint clean without Timeout (optional, ROS defaults it to 60 s) and with TakeOwnershipOfExisting', () => {
    const dir = workspace({ 't.yaml': template('        TakeOwnershipOfExisting: false\n') });
    const run = runCli(['lint', 't.yaml', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results).toEqual([]);
  });

  it('refuses a TakeOwnershipOfExisting that is not a boolean', () => {
    const dir = workspace({ 't.yaml': template('        TakeOwnershipOfExisting: always\n') });
    const run = runCli(['lint', 't.yaml', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('TakeOwnershipOfExisting');
  });
});

describe('the shipped templates', () => {
  it('lint with no finding at all, warnings included', () => {
    const run = runCli(['lint', 'templates', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results).toEqual([]);
  });
});
