import type { IdentityAction, IdentityEffect, PlanResult } from './model';

/** "alice, carol and bob_sso" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export type AccountNames = Readonly<Record<string, string>>;

export const accountLabel = (id: string, names: AccountNames) =>
  names[id] ? `account ${names[id]} (${id})` : `account ${id}`;

const PHRASES: Array<[IdentityAction, string, string]> = [
  ['delete', 'deletes', 'from'],
  ['take-over', 'takes over', 'in'],
  ['create-renamed', 'creates the renamed', 'in'],
  ['create', 'creates', 'in'],
  // A provisioning removed with Keep (or Retain, or only released) leaves its users behind: say so.
  ['keep', 'leaves', 'in place in'],
];

/**
 * One line for a reviewer: "this change deletes alice, carol and bob_sso from account prod
 * (1000000000000002); creates dave in account dev (1000000000000001)". Riskiest effects first;
 * users a removed provisioning leaves behind (keep) last.
 */
export function headline(plan: PlanResult, names: AccountNames = {}): string {
  if (plan.refused !== undefined) return `this change is refused, nothing is applied: ${plan.refused}`;
  const all = plan.resources.flatMap((r) => r.identities);
  const parts: string[] = [];
  for (const [action, verb, preposition] of PHRASES) {
    const byAccount = new Map<string, string[]>();
    for (const effect of all.filter((e: IdentityEffect) => e.action === action))
      byAccount.set(effect.accountId, [...(byAccount.get(effect.accountId) ?? []), effect.ramUser]);
    const places = [...byAccount].map(
      ([account, users]) => `${listWords(users)} ${preposition} ${accountLabel(account, names)}`,
    );
    if (places.length > 0) parts.push(`${verb} ${places.join(', ')}`);
  }
  const removed = plan.resources.flatMap((r) => r.clientIds ?? []).filter((c) => c.action === 'remove');
  for (const c of removed)
    parts.push(
      `removes client ID ${c.clientId} from ${c.provider}${c.trustingRoles?.length ? ` (trusted by ${listWords(c.trustingRoles)})` : ''}`,
    );
  if (parts.length === 0) return 'this change creates, takes over and deletes no RAM user';
  return `this change ${parts.join('; ')}`;
}
