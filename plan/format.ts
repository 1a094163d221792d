import { type AccountNames, accountLabel, headline } from './headline';
import type { IdentityEffect, PlanResult, ResourcePlan } from './model';

export const PLAN_FORMATS = ['text', 'json', 'markdown'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export function formatPlan(plan: PlanResult, format: PlanFormat, names: AccountNames = {}): string {
  if (format === 'json') return `${JSON.stringify(plan, null, 2)}\n`;
  return format === 'markdown' ? markdown(plan, names) : text(plan, names);
}

const SIGN: Record<ResourcePlan['action'], string> = {
  create: '+',
  update: '~',
  replace: '±',
  delete: '-',
  none: '=',
};

function resourceLine(r: ResourcePlan): string {
  const extra = [
    r.replaceBecause ? `replaced because ${r.replaceBecause} changes` : '',
    r.refusedBecause ? `refused: ${r.refusedBecause}` : '',
    r.principal ? principalWords(r) : '',
  ].filter(Boolean);
  return `${SIGN[r.action]} ${r.logicalId} (${r.type}): ${r.action}${extra.length ? `; ${extra.join('; ')}` : ''}`;
}

function principalWords(r: ResourcePlan): string {
  const p = r.principal;
  if (!p) return '';
  const who = `${p.type} ${p.name ?? p.id}`;
  return p.type === 'Group' ? `${who} with ${p.members ?? 0} member(s) when planned` : who;
}

const effectWords = (e: IdentityEffect) =>
  e.ramUser === e.user ? `${e.action} ${e.ramUser}` : `${e.action} ${e.ramUser} (CloudSSO user ${e.user})`;

const summaryLine = (plan: PlanResult) => {
  const s = plan.summary;
  return `RAM users: ${s.create} create, ${s.createRenamed} create-renamed, ${s.takeOver} take-over, ${s.delete} delete, ${s.keep} keep`;
};

function text(plan: PlanResult, names: AccountNames): string {
  const lines = [`Plan: ${headline(plan, names)}`, ''];
  for (const r of plan.resources) {
    lines.push(resourceLine(r));
    for (const e of r.identities) lines.push(`    ${accountLabel(e.accountId, names)}: ${effectWords(e)}`);
    for (const c of r.clientIds ?? [])
      lines.push(
        `    client ID ${c.clientId} on ${c.provider}: ${c.action}${c.trustingRoles ? `; trusted by ${c.trustingRoles.join(', ') || 'no role'}` : ''}`,
      );
  }
  lines.push('', summaryLine(plan));
  if (plan.unknown.length > 0) {
    lines.push('Not known:');
    for (const u of plan.unknown) lines.push(`  - ${u.logicalId ? `${u.logicalId}: ` : ''}${u.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Table cells: no pipes or newlines, so a value cannot break the table. */
const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

function markdown(plan: PlanResult, names: AccountNames): string {
  const out = [`### ros-sso plan`, '', `**${cell(headline(plan, names))}**`, ''];
  out.push('| Resource | Type | Action | Account | CloudSSO user | RAM user | Effect |');
  out.push('|---|---|---|---|---|---|---|');
  for (const r of plan.resources) {
    const action = r.replaceBecause
      ? `replace (${r.replaceBecause})`
      : r.refusedBecause
        ? `${r.action} (refused)`
        : r.action;
    const head = [cell(r.logicalId), `\`${cell(r.type)}\``, cell(action)];
    if (r.identities.length === 0 && !r.clientIds?.length) out.push(`| ${head.join(' | ')} | | | | |`);
    for (const e of r.identities)
      out.push(
        `| ${[...head, cell(accountLabel(e.accountId, names)), cell(e.user), cell(e.ramUser), `**${e.action}**`].join(' | ')} |`,
      );
    for (const c of r.clientIds ?? [])
      out.push(
        `| ${[...head, '', '', cell(`client ID ${c.clientId} on ${c.provider}`), `**${c.action}**${c.trustingRoles?.length ? ` (trusted by ${cell(c.trustingRoles.join(', '))})` : ''}`].join(' | ')} |`,
      );
  }
  out.push('', summaryLine(plan));
  if (plan.unknown.length > 0) {
    out.push('', '<details><summary>Not known</summary>', '');
    for (const u of plan.unknown)
      out.push(`- ${u.logicalId ? `${cell(u.logicalId)}: ` : ''}${cell(u.reason)}`);
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}

/** `--fail-on delete,take-over`: which effects make the command exit 1. */
export const FAIL_ON = ['delete', 'take-over'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function parseFailOn(value: string | undefined): FailOn[] | string {
  if (value === undefined) return [];
  const items = value.split(',').map((s) => s.trim());
  const bad = items.find((i) => !(FAIL_ON as readonly string[]).includes(i));
  return bad === undefined
    ? (items as FailOn[])
    : `--fail-on takes ${FAIL_ON.join(', ')} (comma-separated), not ${JSON.stringify(bad)}`;
}

/** True when the plan has an effect listed in `failOn` (a removed client ID counts as a delete). */
export function planFails(plan: PlanResult, failOn: readonly FailOn[]): boolean {
  const actions = new Set(plan.resources.flatMap((r) => r.identities.map((i) => i.action)));
  const removesClientId = plan.resources.some((r) => r.clientIds?.some((c) => c.action === 'remove'));
  return failOn.some((f) => actions.has(f) || (f === 'delete' && removesClientId));
}
