import { type Caller, callerPrincipalArn } from './caller';
import { globMatch, type PolicyDocument, type PolicyStatement } from './policy-document';

/**
 * Whether a role's trust policy lets `caller` assume it: a statement allowing `sts:AssumeRole` whose
 * `Principal.RAM` names the caller's ARN, or its account as `acs:ram::<id>:root` (every RAM user and
 * role of that account, D-RD-ROLE and the GetRole sample, D-RAM-GR). An explicit Deny wins; a
 * statement with a Condition is not evaluated (as an Allow it trusts nobody). `Service` and
 * `Federated` principals never match an AssumeRole caller.
 */
export function trustPolicyAllows(doc: PolicyDocument, caller: Caller): boolean {
  let allowed = false;
  for (const s of doc.statements) {
    if (!coversAssumeRole(s) || !namesCaller(s, caller)) continue;
    if (s.effect === 'Deny') return false;
    if (!s.hasCondition) allowed = true;
  }
  return allowed;
}

function coversAssumeRole(s: PolicyStatement): boolean {
  if (s.actions !== undefined) return s.actions.some((p) => globMatch(p, 'sts:AssumeRole', true));
  return !(s.notActions ?? []).some((p) => globMatch(p, 'sts:AssumeRole', true));
}

function namesCaller(s: PolicyStatement, caller: Caller): boolean {
  const names = s.principals?.RAM ?? [];
  const own = callerPrincipalArn(caller);
  const account = `acs:ram::${caller.accountId}:root`;
  return names.some((name) => name === own || name === account);
}
