import type { Io } from '../cli/io';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureEmulatorState, parse, runStackCommand, STATE_OPTIONS, workspaceFor } from './commands';
import type { StateSnapshot } from './emulator/state';
import { runLocalPlan } from './plan-command';

/** The example templates ship with the package: `templates/` beside `dist/` and `local/`. */
const TEMPLATES = resolve(__dirname, '..', 'templates');

function ramUsers(state: StateSnapshot | undefined, accountId: string): string[] {
  return state?.accounts.find((a) => a.accountId === accountId)?.ramUsers.map((u) => u.userName) ?? [];
}

/**
 * `npm start`: the whole lifecycle on a fresh emulator, through the same commands a user types:
 * deploy the example templates, update one in place, have a non-editable change refused and rolled
 * back, delete one stack with Keep and one with Delete, and show what happened to the RAM users.
 */
export async function runDemo(argv: readonly string[], io: Io): Promise<0 | 1> {
  const { values } = parse('demo', argv, { ...STATE_OPTIONS, keep: { type: 'boolean' } });
  const started = Date.now();
  const dir =
    typeof values['state-dir'] === 'string'
      ? resolve(io.cwd, values['state-dir'])
      : mkdtempSync(join(tmpdir(), 'ros-sso-demo-'));
  const workspace = workspaceFor(io, dir);
  const common = ['--state-dir', dir];
  const say = (text: string) => io.stdout(`\n${text}\n`);
  const results: Array<[string, number]> = [];
  const step = async (title: string, kind: 'deploy' | 'update' | 'delete', args: string[]) => {
    say(`▶ ${title}`);
    const code = await runStackCommand(kind, [...args, ...common], io);
    results.push([title, code]);
    return code;
  };
  try {
    io.stdout(
      'ros-sso local demo: CloudSSO user provisioning against a local CloudSSO/RAM emulator (no cloud account)\n',
    );
    const seeded = await ensureEmulatorState(workspace, values.seed as string | undefined);
    const dirId = seeded?.directories[0]?.directoryId ?? '';
    const user = (name: string) =>
      seeded?.directories[0]?.users.find((u) => u.userName === name)?.userId ?? '';
    const group = seeded?.directories[0]?.groups.find((g) => g.groupName === 'engineers')?.groupId ?? '';
    const [dev, prod] = ['dev', 'prod'].map(
      (n) => seeded?.accounts.find((a) => a.displayName === n)?.accountId ?? '',
    );
    const before = { dev: ramUsers(seeded, dev), prod: ramUsers(seeded, prod) };
    io.stdout(`Directory ${dirId}: users alice, bob, carol; group engineers = alice, bob\n`);
    io.stdout(
      `RAM users before: dev [${before.dev.join(', ') || '—'}], prod [${before.prod.join(', ') || '—'}]\n`,
    );
    const token = `acs:fc:cn-shanghai:${seeded?.managementAccountId}:functions/ros-sso`;

    await step(
      'Deploy sso-dev: alice → dev through Custom::CloudSSOUserProvision (keep RAM users on delete)',
      'deploy',
      [
        join(TEMPLATES, 'custom-user-provision.yaml'),
        '--stack',
        'sso-dev',
        '-p',
        `ServiceToken=${token}`,
        '-p',
        `DirectoryId=${dirId}`,
        '-p',
        `UserId=${user('alice')}`,
        '-p',
        `TargetId=${dev}`,
      ],
    );
    await step(
      'Deploy sso-prod: group engineers → prod with ALIYUN::CloudSSO::UserProvision, KeepBoth, DeletionStrategy Delete (bob exists in prod)',
      'deploy',
      [
        join(TEMPLATES, 'cloudsso-user-provision.yaml'),
        '--stack',
        'sso-prod',
        '-p',
        `DirectoryId=${dirId}`,
        '-p',
        `PrincipalId=${group}`,
        '-p',
        `TargetId=${prod}`,
        '-p',
        'DeletionStrategy=Delete',
      ],
    );
    await step('Deploy oidc: add client ID ros-sso-demo to the OIDC provider github', 'deploy', [
      join(TEMPLATES, 'oidc-client-id.yaml'),
      '--stack',
      'oidc',
      '-p',
      `ServiceToken=${token}`,
      '-p',
      'ClientId=ros-sso-demo',
    ]);
    await step('Update sso-dev: DuplicationStrategy TakeOver (editable: updated in place)', 'update', [
      join(TEMPLATES, 'custom-user-provision.yaml'),
      '--stack',
      'sso-dev',
      '-p',
      'DuplicationStrategy=TakeOver',
    ]);
    await step('Update sso-prod: TargetId → dev (not editable: refused, rolled back)', 'update', [
      join(TEMPLATES, 'cloudsso-user-provision.yaml'),
      '--stack',
      'sso-prod',
      '-p',
      `TargetId=${dev}`,
    ]);
    const middle = workspace.loadEmulator();
    // On a terminal each command prints its plan first; otherwise show the deletes' plans here.
    if (!io.isTTY)
      for (const stack of ['sso-dev', 'sso-prod']) {
        say(`▷ Plan: delete ${stack}`);
        await runLocalPlan(['--delete', stack, ...common], io);
      }
    await step('Delete sso-dev (DeletionStrategy Keep)', 'delete', ['sso-dev']);
    await step('Delete sso-prod (DeletionStrategy Delete)', 'delete', ['sso-prod']);
    await step('Delete oidc', 'delete', ['oidc']);

    const after = workspace.loadEmulator();
    const show = (s: StateSnapshot | undefined, id: string) => ramUsers(s, id).join(', ') || '—';
    say('RAM users per account');
    io.stdout(
      `  dev   ${dev}: before [${before.dev.join(', ') || '—'}]  deployed [${show(middle, dev)}]  after [${show(after, dev)}]\n`,
    );
    io.stdout(
      `  prod  ${prod}: before [${before.prod.join(', ') || '—'}]  deployed [${show(middle, prod)}]  after [${show(after, prod)}]\n`,
    );
    const github = after?.accounts.flatMap((a) => a.oidcProviders).find((o) => o.name === 'github');
    io.stdout(`  OIDC provider github client IDs after: ${github?.clientIds.join(', ') ?? '—'}\n`);
    const expected = [0, 0, 0, 0, 1, 0, 0, 0];
    const ok = results.every(([, code], i) => code === expected[i]);
    say('Summary');
    io.stdout(
      `  ${results.filter(([, c]) => c === 0).length} operations completed, 1 refused as expected (non-editable TargetId) and rolled back\n`,
    );
    io.stdout(`  Keep:   alice stays in dev after sso-dev is deleted\n`);
    io.stdout(
      `  Delete: the users synchronized into prod are removed; the pre-existing RAM user bob is untouched (KeepBoth made bob_sso)\n`,
    );
    io.stdout(
      `  ${ok ? '✔ every step behaved as expected' : '✖ a step did not behave as expected'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return ok ? 0 : 1;
  } finally {
    if (typeof values['state-dir'] !== 'string' && !values.keep)
      rmSync(dir, { recursive: true, force: true });
  }
}
