import { ApiError } from './api-error';
import type { CredentialStore, RoleSession } from './credential-store';
import type { EmulatorCredential } from './signature';
import type { EmulatorState, RamRole, RamUser } from './state';

/** Who signed a request: an account's own (root) key, one of its RAM users, or an assumed-role session. */
export type Caller =
  | { kind: 'root'; accountId: string }
  | { kind: 'user'; accountId: string; user: RamUser }
  | { kind: 'session'; accountId: string; session: RoleSession; role: RamRole };

/**
 * The identity behind a correctly signed request, as it is now: a session past its `Expiration`,
 * or a RAM user that no longer exists, has no identity left (codes guessed, README "Error codes").
 */
export function resolveCaller(
  state: EmulatorState,
  store: CredentialStore,
  credential: EmulatorCredential,
  nowMs: number,
): Caller {
  const accountId = credential.accountId ?? state.managementAccountId;
  const account = state.accounts.find((a) => a.accountId === accountId);
  const session = store.session(credential.accessKeyId);
  if (session !== undefined) {
    if (nowMs >= session.expiresAt)
      throw new ApiError('InvalidSecurityToken.Expired', 400, 'Specified SecurityToken is expired.');
    const role = account?.roles.find((r) => r.roleName === session.roleName);
    if (role === undefined) throw keyGone();
    return { kind: 'session', accountId, session, role };
  }
  if (credential.ramUser === undefined) return { kind: 'root', accountId };
  const user = account?.ramUsers.find((u) => u.userName === credential.ramUser);
  if (user === undefined) throw keyGone();
  return { kind: 'user', accountId, user };
}

function keyGone(): ApiError {
  return new ApiError('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.');
}

/** The ARN a trust policy names the caller by (`…:root`, `…:user/<name>`, `…:role/<name>`). */
export function callerPrincipalArn(caller: Caller): string {
  switch (caller.kind) {
    case 'root':
      return `acs:ram::${caller.accountId}:root`;
    case 'user':
      return `acs:ram::${caller.accountId}:user/${caller.user.userName}`;
    case 'session':
      return `acs:ram::${caller.accountId}:role/${caller.role.roleName}`;
  }
}

/** `AssumedRoleUser.Arn` of a session (SDK-STS example form `acs:ram::<id>:role/<role>/<session>`). */
export function sessionArn(accountId: string, roleName: string, sessionName: string): string {
  return `acs:ram::${accountId}:role/${roleName}/${sessionName}`;
}
