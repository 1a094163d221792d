import type { RoleView } from './directory-view';

/**
 * The roles whose trust policy accepts tokens of OIDC provider `providerArn` with audience
 * `clientId` (identity-effects.md §3.4): an Allow statement whose `Federated` principal names the provider,
 * and either an `oidc:aud` condition that matches the client ID or none at all (STS checks the
 * token's audience against the provider's client IDs either way, so such a role loses those
 * tokens too). `StringEquals` compares exactly, `StringLike` with `*` and `?`.
 */
export function trustingRoles(roles: readonly RoleView[], providerArn: string, clientId: string): string[] {
  return roles.filter((role) => trusts(role.trustPolicy, providerArn, clientId)).map((r) => r.roleName);
}

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

function trusts(policyText: string, providerArn: string, clientId: string): boolean {
  let policy: unknown;
  try {
    policy = JSON.parse(policyText);
  } catch {
    return false;
  }
  const statements = list((policy as { Statement?: unknown } | null)?.Statement);
  return statements.some((raw) => {
    if (typeof raw !== 'object' || raw === null) return false;
    const statement = raw as Record<string, unknown>;
    if (statement.Effect !== 'Allow') return false;
    const principal = statement.Principal as Record<string, unknown> | undefined;
    if (!list(principal?.Federated).includes(providerArn)) return false;
    return audienceMatches(statement.Condition, clientId);
  });
}

/** True when no `oidc:aud` condition restricts the audience, or one lets `clientId` through. */
function audienceMatches(condition: unknown, clientId: string): boolean {
  if (typeof condition !== 'object' || condition === null) return true;
  let restricted = false;
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (typeof block !== 'object' || block === null) continue;
    for (const [key, value] of Object.entries(block as Record<string, unknown>)) {
      if (key.toLowerCase() !== 'oidc:aud') continue;
      restricted = true;
      const values = list(value).map(String);
      if (operator === 'StringEquals' && values.includes(clientId)) return true;
      if (operator === 'StringLike' && values.some((pattern) => globMatches(pattern, clientId))) return true;
    }
  }
  return !restricted;
}

function globMatches(pattern: string, value: string): boolean {
  // Linear two-pointer match: `*` any run, `?` one character.
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === value[v])) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
