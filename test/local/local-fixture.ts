import { afterEach } from 'vitest';
import type { SeedInput } from '../../local/emulator';
import { type LocalSession, openSession } from '../../local/session';
import type { StackEvent } from '../../local/stack-events';

/** An open local session (emulator + callback server + real handler) closed after each test. */
export interface Fixture {
  session: LocalSession;
  events: StackEvent[];
  ids: {
    directory: string;
    alice: string;
    bob: string;
    carol: string;
    engineers: string;
    dev: string;
    prod: string;
    management: string;
  };
  ramUsers(accountId: string): string[];
}

const open: LocalSession[] = [];
afterEach(async () => {
  while (open.length) await open.pop()?.close();
});

export async function localFixture(
  options: { faults?: string; callbackFailures?: number; seed?: SeedInput } = {},
): Promise<Fixture> {
  const events: StackEvent[] = [];
  const session = await openSession({ ...options, emit: (e) => events.push(e) });
  open.push(session);
  const state = session.emulator.state;
  const dir = state.directories[0];
  const user = (name: string) => dir.users.find((u) => u.userName === name)?.userId ?? '';
  const account = (name: string) => state.accounts.find((a) => a.displayName === name)?.accountId ?? '';
  return {
    session,
    events,
    ids: {
      directory: dir.directoryId,
      alice: user('alice'),
      bob: user('bob'),
      carol: user('carol'),
      engineers: dir.groups.find((g) => g.groupName === 'engineers')?.groupId ?? '',
      dev: account('dev'),
      prod: account('prod'),
      management: state.managementAccountId,
    },
    ramUsers: (accountId) =>
      (state.accounts.find((a) => a.accountId === accountId)?.ramUsers.map((u) => u.userName) ?? []).sort(),
  };
}

const indent = (text: string, spaces: number) => text.replace(/^/gm, ' '.repeat(spaces));

/** A template with one provisioning (custom or native) driven by parameters; `extra` adds resources. */
export function provisionTemplate(options: { custom: boolean; extra?: string }): string {
  const props = [
    'DirectoryId: !Ref DirectoryId',
    'PrincipalId: !Ref PrincipalId',
    'PrincipalType: !Ref PrincipalType',
    'TargetId: !Ref TargetId',
    'TargetType: RD-Account',
    'DuplicationStrategy: !Ref Duplication',
    'DeletionStrategy: !Ref Deletion',
  ].join('\n');
  const properties = options.custom
    ? `ServiceToken: acs:fc:cn-shanghai:1000000000000000:functions/ros-sso\nTimeout: 30\nParameters:\n${indent(props, 2)}`
    : props;
  return [
    "ROSTemplateFormatVersion: '2015-09-01'",
    'Parameters:',
    '  DirectoryId: {Type: String}',
    '  PrincipalId: {Type: String}',
    '  PrincipalType: {Type: String, AllowedValues: [User, Group], Default: User}',
    '  TargetId: {Type: String}',
    '  Duplication: {Type: String, Default: KeepBoth}',
    '  Deletion: {Type: String, Default: Keep}',
    'Resources:',
    '  Provision:',
    `    Type: ${options.custom ? 'Custom::CloudSSOUserProvision' : 'ALIYUN::CloudSSO::UserProvision'}`,
    '    Properties:',
    indent(properties, 6),
    options.extra ?? '',
    'Outputs:',
    '  Id:',
    '    Value: !GetAtt Provision.UserProvisionId',
    '',
  ].join('\n');
}
