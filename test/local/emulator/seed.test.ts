import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSeed, type RunningEmulator, SeedError, startEmulator } from '../../../local/emulator';
import { cloudSso, ims } from './helpers';
import { tempDir } from '../../support/temp';

const dir = tempDir('emulator-seed-');

function seedFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const YAML_SEED = `
managementAccount: { id: "1200000000000000", name: root }
accounts:
  - { id: "1200000000000001", name: staging, ramUsers: [erin] }
directories:
  - id: d-0123456789abcd
    name: corp
    region: ap-southeast-1
    users: [erin, { name: frank, email: frank@example.com }]
    groups:
      - { name: admins, members: [frank] }
oidcProviders:
  - { account: staging, name: gha, issuerUrl: "https://token.actions.githubusercontent.com", clientIds: [a, b] }
`;

describe('seed loading', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('starts from a YAML seed file with everything referred to by name', async () => {
    emulator = await startEmulator({ seed: seedFile('corp.yaml', YAML_SEED) });
    expect(emulator.directoryId).toBe('d-0123456789abcd');
    expect(emulator.accountId).toBe('1200000000000000');
    const directory = await cloudSso(emulator, 'GetDirectory');
    expect(directory.body.Directory).toMatchObject({ DirectoryName: 'corp', Region: 'ap-southeast-1' });
    const staging = emulator.credentials.find((c) => c.accountId === '1200000000000001');
    expect(staging).toBeDefined();
    const provider = await ims({ host: emulator.host, ...(staging ?? emulator) }, 'GetOIDCProvider', {
      OIDCProviderName: 'gha',
    });
    expect(provider.body.OIDCProvider).toMatchObject({ ClientIds: 'a,b' });
  });

  it('loads a JSON seed file the same way', () => {
    const path = seedFile('small.json', JSON.stringify({ directories: [{ name: 'only', users: ['x'] }] }));
    expect(loadSeed(path)).toMatchObject({
      managementAccount: { id: '1000000000000000' },
      accounts: [],
      directories: [{ name: 'only', region: 'cn-shanghai', users: [{ name: 'x' }], groups: [] }],
    });
  });

  it('seeds the documented default when no seed is given', async () => {
    emulator = await startEmulator();
    const snapshot = emulator.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(snapshot.directories[0]?.users.map((u) => u.userName)).toEqual(['alice', 'bob', 'carol']);
    expect(
      snapshot.accounts.map((a) => [a.accountId, a.displayName, a.ramUsers.map((u) => u.userName)]),
    ).toEqual([
      ['1000000000000000', 'management', []],
      ['1000000000000001', 'dev', []],
      ['1000000000000002', 'prod', ['bob']],
    ]);
    expect(snapshot.accounts[0]?.oidcProviders.map((p) => p.name)).toEqual(['github']);
    snapshot.directories = [];
    expect(emulator.state.directories).toHaveLength(1);
  });

  it.each([
    [
      'a group member that is not a user',
      'directories: [{ name: d, users: [a], groups: [{ name: g, members: [b] }] }]',
      /directories\[0\]\.groups\[0\]\.members\[0\]: unknown user "b"/,
    ],
    [
      'an unquoted account ID',
      'accounts: [{ id: 1000000000000001, name: dev }]\ndirectories: [{ name: d }]',
      /accounts\[0\]\.id: expected a 16-digit account ID as a quoted string/,
    ],
    ['no directory', 'accounts: []', /at least one directory/],
    ['a document that is not a mapping', '- just\n- a list', /expected a mapping/],
    [
      'an OIDC provider in an unknown account',
      'directories: [{ name: d }]\noidcProviders: [{ account: nope, name: p, issuerUrl: "https://x" }]',
      /unknown account "nope"/,
    ],
    ['duplicate user names', 'directories: [{ name: d, users: [a, a] }]', /duplicate user name "a"/],
    [
      'a RAM user name RAM does not allow',
      'accounts: [{ id: "1000000000000001", name: dev, ramUsers: ["a@b"] }]\ndirectories: [{ name: d }]',
      /accounts\[0\]\.ramUsers\[0\]: a RAM user name is 1-64/,
    ],
    [
      'an unknown ProvisionType',
      'accounts: [{ id: "1000000000000001", name: dev, ramUsers: [{ name: a, provisionType: Sso }] }]\ndirectories: [{ name: d }]',
      /ramUsers\[0\]\.provisionType: expected one of Manual, SCIM, CloudSSO/,
    ],
    [
      'a role without a trust policy',
      'accounts: [{ id: "1000000000000001", name: dev, roles: [{ name: r }] }]\ndirectories: [{ name: d }]',
      /roles\[0\]\.trustPolicy: a role needs a trust policy/,
    ],
    [
      'a trust policy without a Principal',
      'accounts: [{ id: "1000000000000001", name: dev, roles: [{ name: r, trustPolicy: { Version: "1", Statement: [{ Effect: Allow, Action: "sts:AssumeRole" }] } }] }]\ndirectories: [{ name: d }]',
      /roles\[0\]\.trustPolicy: Statement\[0\]\.Principal must be a JSON object/,
    ],
    [
      'a permission policy that is not JSON',
      'accounts: [{ id: "1000000000000001", name: dev, ramUsers: [{ name: a, policy: "{nope" }] }]\ndirectories: [{ name: d }]',
      /ramUsers\[0\]\.policy: the policy is not valid JSON/,
    ],
    [
      'an access role on the management account',
      'managementAccount: { id: "1000000000000000", rdAccessRole: true }\ndirectories: [{ name: d }]',
      /managementAccount\.rdAccessRole: only RD member accounts/,
    ],
    ['broken YAML', 'directories: [', /not valid YAML/],
  ])('rejects %s with a SeedError naming the place', (_name, text, message) => {
    const path = seedFile('bad.yaml', text);
    expect(() => loadSeed(path)).toThrow(SeedError);
    expect(() => loadSeed(path)).toThrow(message);
  });

  it('rejects a missing seed file', async () => {
    await expect(startEmulator({ seed: join(dir, 'missing.yaml') })).rejects.toThrow(
      /cannot read the seed file \(ENOENT\)/,
    );
  });

  it('seeds RAM users with ProvisionType, Status and keys, and roles (the RD access role by default)', async () => {
    emulator = await startEmulator({
      seed: seedFile(
        'roles.yaml',
        `
accounts:
  - id: "1000000000000001"
    name: dev
    ramUsers: [bob, { name: carol, provisionType: CloudSSO, status: freeze, accessKey: true }]
    roles:
      - name: deployer
        maxSessionDuration: 7200
        trustPolicy: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":"acs:ram::1000000000000000:root"}}]}'
  - { id: "1000000000000002", name: invited, rdAccessRole: false }
directories: [{ name: d }]
`,
      ),
    });
    const [management, dev, invited] = emulator.state.accounts;
    expect(management?.roles).toEqual([]);
    expect(invited?.roles).toEqual([]);
    expect(dev?.roles.map((r) => [r.roleName, r.maxSessionDuration])).toEqual([
      ['ResourceDirectoryAccountAccessRole', 3600],
      ['deployer', 7200],
    ]);
    expect(dev?.ramUsers.map((u) => [u.userName, u.provisionType, u.status, u.accessKeyId])).toEqual([
      ['bob', 'Manual', 'active', undefined],
      ['carol', 'CloudSSO', 'freeze', 'LTAIemulator1000000000000001-carol'],
    ]);
    expect(emulator.credentials.map((c) => [c.accessKeyId, c.ramUser])).toEqual([
      ['LTAIemulatorManagement', undefined],
      ['LTAIemulator1000000000000001', undefined],
      ['LTAIemulator1000000000000002', undefined],
      ['LTAIemulator1000000000000001-carol', 'carol'],
    ]);
  });

  it('fills in what state saved before RAM users had ProvisionType and accounts had roles lacks', async () => {
    const seeded = await startEmulator();
    const old = seeded.snapshot();
    await seeded.close();
    for (const account of old.accounts) {
      delete (account as Partial<typeof account>).roles;
      for (const user of account.ramUsers) {
        delete (user as Partial<typeof user>).provisionType;
        delete (user as Partial<typeof user>).status;
      }
    }
    emulator = await startEmulator({ restore: old });
    const prod = emulator.state.accounts[2];
    expect(prod?.roles.map((r) => r.roleName)).toEqual(['ResourceDirectoryAccountAccessRole']);
    expect(prod?.ramUsers.map((u) => [u.userName, u.provisionType, u.status])).toEqual([
      ['bob', 'Manual', 'active'],
    ]);
    expect(emulator.state.accounts[0]?.roles).toEqual([]);
  });

  it('rejects a key for a RAM user its account does not have', async () => {
    await expect(
      startEmulator({ credentials: [{ accessKeyId: 'k', accessKeySecret: 's', ramUser: 'ghost' }] }),
    ).rejects.toThrow(/no RAM user ghost/);
  });

  it('rejects credentials for an unknown account', async () => {
    await expect(
      startEmulator({
        credentials: [{ accessKeyId: 'k', accessKeySecret: 's', accountId: '1999999999999999' }],
      }),
    ).rejects.toThrow(/unknown account/);
  });
});
