import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { PlanResult } from '../../plan/model';
import { ROOT, runCli, workspace } from '../support/cli';

/**
 * A local world for the truth tests: a state directory seeded from `seed.json`, driven only through
 * `ros-sso local …` as a child process, with the emulator state read from its file.
 */
export const TEMPLATES = join(ROOT, 'templates');
export const TOKEN = 'ServiceToken=acs:fc:cn-shanghai:1000000000000000:functions/ros-sso';
export const DEV = '1000000000000001';
export const PROD = '1000000000000002';
export const MGMT = '1000000000000000';

interface RamUserFile {
  userName: string;
  provisionedBy?: string;
}
interface StateFile {
  directories: Array<{
    directoryId: string;
    users: Array<{ userId: string; userName: string }>;
    groups: Array<{
      groupId: string;
      groupName: string;
      members: Array<{ userId: string; joinTime: string }>;
    }>;
  }>;
  accounts: Array<{
    accountId: string;
    ramUsers: RamUserFile[];
    oidcProviders: Array<{ name: string; clientIds: string[] }>;
  }>;
}

export function truthWorld(seed: object) {
  const dir = workspace({ 'seed.json': JSON.stringify(seed) });
  const cli = (...args: string[]) => runCli(['local', ...args, '--state-dir', dir], dir);
  const seeded = cli('state', '--seed', 'seed.json', '--format', 'json');
  expect(seeded.code, seeded.stderr).toBe(0);
  const file = join(dir, 'emulator.json');
  const state = (): StateFile => JSON.parse(readFileSync(file, 'utf8'));
  const directory = () => state().directories[0];
  const user = (name: string) => directory().users.find((u) => u.userName === name)?.userId ?? '';
  const group = (name: string) => directory().groups.find((g) => g.groupName === name)?.groupId ?? '';
  return {
    dir,
    cli,
    state,
    directoryId: directory().directoryId,
    user,
    group,
    /** Edits the emulator's state file between commands (what another admin would do in the console). */
    edit(change: (s: StateFile) => void) {
      const s = state();
      change(s);
      writeFileSync(file, JSON.stringify(s));
    },
    plan(...args: string[]): PlanResult {
      const r = cli('plan', ...args, '--format', 'json');
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as PlanResult;
    },
    apply(...args: string[]) {
      const r = cli(...args);
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    },
  };
}

export type TruthWorld = ReturnType<typeof truthWorld>;

/** What changed between two state files, in the plan's terms (account/RAM user, provider/client ID). */
export function stateDiff(before: StateFile, after: StateFile) {
  const out = {
    created: [] as string[],
    deleted: [] as string[],
    takenOver: [] as string[],
    released: [] as string[],
    added: [] as string[],
    removed: [] as string[],
  };
  for (const old of before.accounts) {
    const now = after.accounts.find((a) => a.accountId === old.accountId);
    const then = new Map(old.ramUsers.map((u) => [u.userName, u]));
    const next = new Map((now?.ramUsers ?? []).map((u) => [u.userName, u]));
    for (const [name, u] of next) {
      const key = `${old.accountId}/${name}`;
      const was = then.get(name);
      if (was === undefined) out.created.push(key);
      else if (u.provisionedBy !== undefined && u.provisionedBy !== was.provisionedBy)
        out.takenOver.push(key);
      else if (was.provisionedBy !== undefined && u.provisionedBy === undefined) out.released.push(key);
    }
    for (const name of then.keys()) if (!next.has(name)) out.deleted.push(`${old.accountId}/${name}`);
    for (const provider of old.oidcProviders) {
      const later = now?.oidcProviders.find((p) => p.name === provider.name)?.clientIds ?? [];
      for (const c of later) if (!provider.clientIds.includes(c)) out.added.push(`${provider.name}/${c}`);
      for (const c of provider.clientIds) if (!later.includes(c)) out.removed.push(`${provider.name}/${c}`);
    }
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

/** The plan's promise in the same terms. */
export function planned(plan: PlanResult) {
  const identities = plan.resources.flatMap((r) => r.identities);
  const clientIds = plan.resources.flatMap((r) => r.clientIds ?? []);
  const keys = (actions: string[]) =>
    identities
      .filter((i) => actions.includes(i.action))
      .map((i) => `${i.accountId}/${i.ramUser}`)
      .sort();
  const ids = (action: string) =>
    clientIds
      .filter((c) => c.action === action)
      .map((c) => `${c.provider}/${c.clientId}`)
      .sort();
  return {
    created: keys(['create', 'create-renamed']),
    deleted: keys(['delete']),
    takenOver: keys(['take-over']),
    kept: keys(['keep']),
    added: ids('add'),
    removed: ids('remove'),
  };
}

/**
 * Plans, applies the same command, and checks the plan against what the state file shows changed:
 * the RAM users created, deleted and taken over and the client IDs added and removed are exactly
 * the plan's; every user the plan keeps is still there, and every release is one the plan keeps.
 */
export function planThenApply(w: TruthWorld, planArgs: string[], applyArgs: string[]) {
  const plan = w.plan(...planArgs);
  const before = w.state();
  w.apply(...applyArgs);
  const after = w.state();
  expectPlanHeld(plan, before, after);
  return { plan, before, after };
}

export function expectPlanHeld(plan: PlanResult, before: StateFile, after: StateFile) {
  const diff = stateDiff(before, after);
  const promise = planned(plan);
  expect({
    created: diff.created,
    deleted: diff.deleted,
    takenOver: diff.takenOver,
    added: diff.added,
    removed: diff.removed,
  }).toEqual({
    created: promise.created,
    deleted: promise.deleted,
    takenOver: promise.takenOver,
    added: promise.added,
    removed: promise.removed,
  });
  const remaining = new Set(
    after.accounts.flatMap((a) => a.ramUsers.map((u) => `${a.accountId}/${u.userName}`)),
  );
  for (const kept of promise.kept) expect(remaining.has(kept), `${kept} is kept`).toBe(true);
  for (const released of diff.released) expect(promise.kept).toContain(released);
}
