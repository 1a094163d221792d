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

/** What the seeded emulator holds that the demo's steps name. */
interface DemoFacts {
  directoryId: string;
  alice: string;
  engineers: string;
  dev: string;
  prod: string;
  /** The ServiceToken of the custom resources. */
  token: string;
  before: { dev: string[]; prod: string[] };
}

type StepKind = 'deploy' | 'update' | 'delete';
interface DemoStep {
  title: string;
  kind: StepKind;
  args: string[];
}

function factsOf(seeded: StateSnapshot | undefined): DemoFacts {
  const directory = seeded?.directories[0];
  const [dev, prod] = ['dev', 'prod'].map(
    (n) => seeded?.accounts.find((a) => a.displayName === n)?.accountId ?? '',
  );
  return {
    directoryId: directory?.directoryId ?? '',
    alice: directory?.users.find((u) => u.userName === 'alice')?.userId ?? '',
    engineers: directory?.groups.find((g) => g.groupName === 'engineers')?.groupId ?? '',
    dev,
    prod,
    token: `acs:fc:cn-shanghai:${seeded?.managementAccountId}:functions/ros-sso`,
    before: { dev: ramUsers(seeded, dev), prod: ramUsers(seeded, prod) },
  };
}

const userProvision = join(TEMPLATES, 'custom-user-provision.yaml');
const nativeProvision = join(TEMPLATES, 'cloudsso-user-provision.yaml');

/** `-p` for each parameter. */
const params = (...pairs: string[]) => pairs.flatMap((p) => ['-p', p]);

/** The deploys and updates, in order: the second update is refused (expected exit 1). */
function changeSteps(f: DemoFacts): DemoStep[] {
  return [
    {
      title: 'Deploy sso-dev: alice → dev through Custom::CloudSSOUserProvision (keep RAM users on delete)',
      kind: 'deploy',
      args: [
        userProvision,
        '--stack',
        'sso-dev',
        ...params(
          `ServiceToken=${f.token}`,
          `DirectoryId=${f.directoryId}`,
          `UserId=${f.alice}`,
          `TargetId=${f.dev}`,
        ),
      ],
    },
    {
      title:
        'Deploy sso-prod: group engineers → prod with ALIYUN::CloudSSO::UserProvision, KeepBoth, DeletionStrategy Delete (bob exists in prod)',
      kind: 'deploy',
      args: [
        nativeProvision,
        '--stack',
        'sso-prod',
        ...params(
          `DirectoryId=${f.directoryId}`,
          `PrincipalId=${f.engineers}`,
          `TargetId=${f.prod}`,
          'DeletionStrategy=Delete',
        ),
      ],
    },
    {
      title: 'Deploy oidc: add client ID ros-sso-demo to the OIDC provider github',
      kind: 'deploy',
      args: [
        join(TEMPLATES, 'oidc-client-id.yaml'),
        '--stack',
        'oidc',
        ...params(`ServiceToken=${f.token}`, 'ClientId=ros-sso-demo'),
      ],
    },
    {
      title: 'Update sso-dev: DuplicationStrategy TakeOver (editable: updated in place)',
      kind: 'update',
      args: [userProvision, '--stack', 'sso-dev', ...params('DuplicationStrategy=TakeOver')],
    },
    {
      title: 'Update sso-prod: TargetId → dev (not editable: refused, rolled back)',
      kind: 'update',
      args: [nativeProvision, '--stack', 'sso-prod', ...params(`TargetId=${f.dev}`)],
    },
  ];
}

const DELETE_STEPS: readonly DemoStep[] = [
  { title: 'Delete sso-dev (DeletionStrategy Keep)', kind: 'delete', args: ['sso-dev'] },
  { title: 'Delete sso-prod (DeletionStrategy Delete)', kind: 'delete', args: ['sso-prod'] },
  { title: 'Delete oidc', kind: 'delete', args: ['oidc'] },
];

/** Exit code of each step, in order, when every step behaves as the demo says. */
const EXPECTED_CODES = [0, 0, 0, 0, 1, 0, 0, 0];

const list = (names: string[]) => names.join(', ') || '—';

function printRamUsers(
  io: Io,
  f: DemoFacts,
  deployed: StateSnapshot | undefined,
  after: StateSnapshot | undefined,
): void {
  const show = (s: StateSnapshot | undefined, id: string) => list(ramUsers(s, id));
  io.stdout('\nRAM users per account\n');
  io.stdout(
    `  dev   ${f.dev}: before [${list(f.before.dev)}]  deployed [${show(deployed, f.dev)}]  after [${show(after, f.dev)}]\n`,
  );
  io.stdout(
    `  prod  ${f.prod}: before [${list(f.before.prod)}]  deployed [${show(deployed, f.prod)}]  after [${show(after, f.prod)}]\n`,
  );
  const github = after?.accounts.flatMap((a) => a.oidcProviders).find((o) => o.name === 'github');
  io.stdout(`  OIDC provider github client IDs after: ${github?.clientIds.join(', ') ?? '—'}\n`);
}

/** Prints the summary; whether every step exited as expected. */
function printSummary(io: Io, codes: readonly number[], started: number): boolean {
  const ok = codes.every((code, i) => code === EXPECTED_CODES[i]);
  io.stdout('\nSummary\n');
  io.stdout(
    `  ${codes.filter((c) => c === 0).length} operations completed, 1 refused as expected (non-editable TargetId) and rolled back\n`,
  );
  io.stdout(`  Keep:   alice stays in dev after sso-dev is deleted\n`);
  io.stdout(
    `  Delete: the users synchronized into prod are removed; the pre-existing RAM user bob is untouched (KeepBoth made bob_sso)\n`,
  );
  io.stdout(
    `  ${ok ? '✔ every step behaved as expected' : '✖ a step did not behave as expected'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return ok;
}

/**
 * `npm start`: the whole lifecycle on a fresh emulator, through the same commands a user types:
 * deploy the example templates, update one in place, have a non-editable change refused and rolled
 * back, delete one stack with Keep and one with Delete, and show what happened to the RAM users.
 */
export async function runDemo(argv: readonly string[], io: Io): Promise<0 | 1> {
  const { values } = parse('demo', argv, { ...STATE_OPTIONS, keep: { type: 'boolean' } });
  const started = Date.now();
  const givenDir = typeof values['state-dir'] === 'string' ? values['state-dir'] : undefined;
  const dir =
    givenDir !== undefined ? resolve(io.cwd, givenDir) : mkdtempSync(join(tmpdir(), 'ros-sso-demo-'));
  const workspace = workspaceFor(io, dir);
  const common = ['--state-dir', dir];
  const codes: number[] = [];
  const run = async (steps: readonly DemoStep[]) => {
    for (const { title, kind, args } of steps) {
      io.stdout(`\n▶ ${title}\n`);
      codes.push(await runStackCommand(kind, [...args, ...common], io));
    }
  };
  try {
    io.stdout(
      'ros-sso local demo: CloudSSO user provisioning against a local CloudSSO/RAM emulator (no cloud account)\n',
    );
    const facts = factsOf(await ensureEmulatorState(workspace, values.seed as string | undefined));
    io.stdout(`Directory ${facts.directoryId}: users alice, bob, carol; group engineers = alice, bob\n`);
    io.stdout(`RAM users before: dev [${list(facts.before.dev)}], prod [${list(facts.before.prod)}]\n`);
    await run(changeSteps(facts));
    const deployed = workspace.loadEmulator();
    // On a terminal each command prints its plan first; otherwise show the deletes' plans here.
    if (!io.isTTY)
      for (const stack of ['sso-dev', 'sso-prod']) {
        io.stdout(`\n▷ Plan: delete ${stack}\n`);
        await runLocalPlan(['--delete', stack, ...common], io);
      }
    await run(DELETE_STEPS);
    printRamUsers(io, facts, deployed, workspace.loadEmulator());
    return printSummary(io, codes, started) ? 0 : 1;
  } finally {
    if (givenDir === undefined && !values.keep) rmSync(dir, { recursive: true, force: true });
  }
}
