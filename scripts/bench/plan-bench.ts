/**
 * Plan benchmark (`npm run bench`, after the lint benchmark): the plan model on a large directory,
 * in one process, beside its target. A platform team's biggest stack here: 100 group provisionings
 * into 50 accounts, each group 200 members, a quarter of the names already RAM users in the target
 * (so KeepBoth renames them), planned as a create and as a stack delete. The work is linear in
 * provisionings × members; the target keeps a pull-request plan well under the time a CI step
 * takes to start.
 */
import { computePlan } from '../../plan/compute';
import { known, StaticDirectoryView } from '../../plan/directory-view';
import { formatPlan } from '../../plan/format';
import type { PlanResourceInput } from '../../plan/model';

const DIRECTORY = 'd-bench';
const GROUPS = Number(process.env.PLAN_BENCH_GROUPS ?? 100);
const MEMBERS = 200;
const ACCOUNTS = 50;
const ROUNDS = 5;
const TARGET_MS = 1000;

const accountOf = (g: number) => String(1_000_000_000_000_000 + (g % ACCOUNTS) + 1);

function directory(provisioned: boolean): StaticDirectoryView {
  const view = new StaticDirectoryView();
  const users = Array.from({ length: GROUPS * MEMBERS }, (_, i) => ({
    userId: `u-${i}`,
    userName: `user${i}`,
  }));
  view.userReads.set(DIRECTORY, known(users));
  const ramUsers = new Map<string, Array<{ userName: string; provisionType: string; owner?: string }>>();
  const provisionings = [];
  for (let g = 0; g < GROUPS; g++) {
    const members = users.slice(g * MEMBERS, (g + 1) * MEMBERS);
    view.groupReads.set(`${DIRECTORY}/g-${g}`, known({ groupId: `g-${g}`, groupName: `group${g}`, members }));
    const account = accountOf(g);
    const list = ramUsers.get(account) ?? [];
    ramUsers.set(account, list);
    members.forEach((m, i) => {
      if (i % 4 === 0) list.push({ userName: m.userName, provisionType: 'Manual' });
    });
    if (provisioned) {
      const synced = members.map((m, i) => ({
        userId: m.userId,
        ramUserName: i % 4 === 0 ? `${m.userName}_sso` : m.userName,
      }));
      for (const s of synced)
        list.push({ userName: s.ramUserName, provisionType: 'CloudSSO', owner: `up-${g}` });
      provisionings.push({
        userProvisioningId: `up-${g}`,
        directoryId: DIRECTORY,
        principalType: 'Group',
        principalId: `g-${g}`,
        targetId: account,
        duplicationStrategy: 'KeepBoth',
        deletionStrategy: 'Delete',
        syncedUsers: synced,
      });
    }
  }
  view.provisioningReads.set(DIRECTORY, known(provisionings));
  for (const [account, users] of ramUsers)
    view.ramUserReads.set(account, known({ ownershipKnown: true, users }));
  return view;
}

const resources = (): PlanResourceInput[] =>
  Array.from({ length: GROUPS }, (_, g) => ({
    logicalId: `Provision${g}`,
    type: 'ALIYUN::CloudSSO::UserProvision',
    properties: {
      DirectoryId: DIRECTORY,
      PrincipalType: 'Group',
      PrincipalId: `g-${g}`,
      TargetType: 'RD-Account',
      TargetId: accountOf(g),
      DuplicationStrategy: 'KeepBoth',
      DeletionStrategy: 'Delete',
    },
    physicalId: `up-${g}`,
  }));

function medianMs(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
}

function main(): void {
  const createView = directory(false);
  const deleteView = directory(true);
  let effects = 0;
  const createMs = medianMs(() => {
    const plan = computePlan({ replacement: false, new: { resources: resources() } }, createView);
    effects = plan.resources.reduce((n, r) => n + r.identities.length, 0);
  });
  let deleted = 0;
  const deleteMs = medianMs(() => {
    const plan = computePlan({ replacement: false, old: { resources: resources() } }, deleteView);
    deleted = plan.summary.delete;
  });
  const plan = computePlan({ replacement: false, old: { resources: resources() } }, deleteView);
  const markdownMs = medianMs(() => formatPlan(plan, 'markdown'));

  const verdict = (ms: number) => (ms <= TARGET_MS ? 'ok' : 'MISSED');
  const rows: Array<[string, string, string, string]> = [
    ['identity effects per plan', `${effects} (create), ${deleted} (delete)`, '', ''],
    [
      `plan a create (median of ${ROUNDS})`,
      `${createMs.toFixed(0)} ms`,
      `<= ${TARGET_MS} ms`,
      verdict(createMs),
    ],
    [
      `plan a stack delete (median of ${ROUNDS})`,
      `${deleteMs.toFixed(0)} ms`,
      `<= ${TARGET_MS} ms`,
      verdict(deleteMs),
    ],
    [
      `markdown of the delete (median of ${ROUNDS})`,
      `${markdownMs.toFixed(0)} ms`,
      `<= ${TARGET_MS} ms`,
      verdict(markdownMs),
    ],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: readonly string[]) =>
    `${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`;
  process.stdout.write(
    `\nros-sso plan benchmark (${GROUPS} group provisionings × ${MEMBERS} members into ${ACCOUNTS} accounts)\n\n`,
  );
  process.stdout.write(`${line(['measure', 'value', 'target', ''])}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

main();
