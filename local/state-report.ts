import type { StateSnapshot } from './emulator/state';
import type { StackRecord } from './workspace';

/** What `ros-sso local state` shows as JSON: the emulator's identities plus local stacks. */
export function stateView(state: StateSnapshot, stacks: readonly StackRecord[]) {
  const userName = new Map(
    state.directories.flatMap((d) => d.users.map((u) => [u.userId, u.userName] as const)),
  );
  const groupName = new Map(
    state.directories.flatMap((d) => d.groups.map((g) => [g.groupId, g.groupName] as const)),
  );
  return {
    directories: state.directories.map((d) => ({
      directoryId: d.directoryId,
      name: d.directoryName,
      users: d.users.map((u) => ({ userId: u.userId, userName: u.userName })),
      groups: d.groups.map((g) => ({
        groupId: g.groupId,
        groupName: g.groupName,
        members: g.members.map((m) => userName.get(m.userId) ?? m.userId),
      })),
    })),
    provisionings: state.provisionings.map((p) => ({
      userProvisioningId: p.userProvisioningId,
      principal: `${p.principalType} ${p.principalType === 'User' ? userName.get(p.principalId) : groupName.get(p.principalId)}`,
      target: p.targetId,
      duplicationStrategy: p.duplicationStrategy,
      deletionStrategy: p.deletionStrategy,
      synced: p.syncedUsers.map((s) => `${userName.get(s.userId) ?? s.userId}→${s.ramUserName}`),
      failedEvents: state.events.filter((e) => e.userProvisioningId === p.userProvisioningId).length,
    })),
    accounts: state.accounts.map((a) => ({
      accountId: a.accountId,
      name: a.displayName,
      ramUsers: a.ramUsers.map((u) => (u.provisionedBy ? `${u.userName} [${u.provisionedBy}]` : u.userName)),
      oidcProviders: a.oidcProviders.map((o) => ({ name: o.name, clientIds: o.clientIds })),
    })),
    stacks: stacks.map((s) => ({
      name: s.name,
      status: s.status,
      resources: Object.fromEntries(
        Object.entries(s.resources).map(([id, r]) => [id, { type: r.type, physicalId: r.physicalId }]),
      ),
      outputs: s.outputs,
    })),
  };
}

/** The same as readable text. */
export function renderStateText(view: ReturnType<typeof stateView>): string {
  const out: string[] = [];
  for (const d of view.directories) {
    out.push(`Directory ${d.directoryId} (${d.name})`);
    out.push(`  users:  ${d.users.map((u) => `${u.userName} (${u.userId})`).join(', ') || '—'}`);
    for (const g of d.groups)
      out.push(`  group ${g.groupName} (${g.groupId}): ${g.members.join(', ') || '—'}`);
  }
  out.push('User provisionings');
  if (!view.provisionings.length) out.push('  —');
  for (const p of view.provisionings) {
    const failed = p.failedEvents ? `, ${p.failedEvents} failed event(s)` : '';
    out.push(
      `  ${p.userProvisioningId}  ${p.principal} → ${p.target}  ${p.duplicationStrategy}/${p.deletionStrategy}  synced: ${p.synced.join(', ') || '—'}${failed}`,
    );
  }
  out.push('RAM users by account');
  for (const a of view.accounts)
    out.push(`  ${a.name.padEnd(12)} ${a.accountId}  ${a.ramUsers.join(', ') || '—'}`);
  const providers = view.accounts.flatMap((a) =>
    a.oidcProviders.map((o) => `  ${o.name} (${a.accountId}): ${o.clientIds.join(', ')}`),
  );
  if (providers.length) out.push('OIDC providers', ...providers);
  out.push('Local stacks');
  if (!view.stacks.length) out.push('  —');
  for (const s of view.stacks)
    out.push(
      `  ${s.name.padEnd(20)} ${s.status.padEnd(26)} ${Object.entries(s.resources)
        .map(([id, r]) => `${id}=${r.physicalId}`)
        .join(', ')}`,
    );
  return `${out.join('\n')}\n`;
}
