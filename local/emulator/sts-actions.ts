import type { ActionContext, ActionTable } from './action-context';
import { ApiError, invalidParameter } from './api-error';
import { sessionArn } from './caller';
import { PolicyGrammarError, type PolicyDocument, parsePolicy } from './policy-document';
import { isoAt, type RamRole } from './state';
import { trustPolicyAllows } from './trust-policy';

/** STS 2015-04-01 (SDK-STS; README "STS"): AssumeRole into a role of any emulated account, and GetCallerIdentity. */
export const STS_VERSION = '2015-04-01';

const ROLE_ARN = /^acs:ram::(\d+):role\/([^/]+)$/;
const SESSION_NAME = /^[\w.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const MAX_POLICY_CHARS = 2048;
const NOT_AUTHORIZED = 'You are not authorized to do this action. You should be authorized by RAM.';

function sessionPolicy(ctx: ActionContext): PolicyDocument | undefined {
  const text = ctx.params.optional('Policy');
  if (text === undefined) return undefined;
  if (text.length < 1 || text.length > MAX_POLICY_CHARS)
    throw invalidParameter('Policy', `must be 1-${MAX_POLICY_CHARS} characters`);
  try {
    return parsePolicy(text, 'permission');
  } catch (err) {
    if (!(err instanceof PolicyGrammarError)) throw err;
    throw new ApiError(
      'InvalidParameter.PolicyGrammar',
      400,
      `The parameter "Policy" is invalid: ${err.message}`,
    );
  }
}

function roleOf(ctx: ActionContext, arn: string, accountId: string, roleName: string): RamRole {
  const role = ctx.state.accounts
    .find((a) => a.accountId === accountId)
    ?.roles.find((r) => r.roleName === roleName);
  if (role === undefined) throw new ApiError('EntityNotExist.Role', 404, `The role not exists: ${arn}.`);
  return role;
}

/**
 * Parameters first, then who asks: never a root key, only a caller the role's trust policy names.
 * The caller's own right to `sts:AssumeRole` on the role was checked before the action ran.
 */
function assumeRole(ctx: ActionContext) {
  const p = ctx.params;
  const arn = p.required('RoleArn');
  const match = ROLE_ARN.exec(arn);
  if (match === null) throw invalidParameter('RoleArn', 'must be acs:ram::<account_id>:role/<role_name>');
  const [, accountId = '', roleName = ''] = match;
  const sessionName = p.matching(
    'RoleSessionName',
    SESSION_NAME,
    'must be 2-64 letters, digits or .@-_',
    true,
  );
  p.matching('ExternalId', EXTERNAL_ID, 'must be 2-1224 letters, digits or =,.@:/-_', false);
  const policy = sessionPolicy(ctx);
  if (ctx.caller.kind === 'root')
    throw new ApiError('NoPermission', 403, 'Roles may not be assumed by root accounts.');
  const role = roleOf(ctx, arn, accountId, roleName);
  const duration =
    p.integer('DurationSeconds', { min: 900, max: role.maxSessionDuration, fallback: 3600 }) ?? 3600;
  if (!trustPolicyAllows(parsePolicy(role.assumeRolePolicyDocument, 'trust'), ctx.caller))
    throw new ApiError('NoPermission', 403, NOT_AUTHORIZED);
  const sourceIdentity = p.optional('SourceIdentity');
  const session = ctx.credentials.issue({
    accountId,
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName,
    expiresAt: ctx.nowMs + duration * 1000,
    ...(policy === undefined ? {} : { sessionPolicy: policy }),
    ...(sourceIdentity === undefined ? {} : { sourceIdentity }),
  });
  return {
    AssumedRoleUser: {
      Arn: sessionArn(accountId, role.roleName, sessionName),
      AssumedRoleId: `${role.roleId}:${sessionName}`,
    },
    Credentials: {
      AccessKeyId: session.accessKeyId,
      AccessKeySecret: session.accessKeySecret,
      SecurityToken: session.securityToken,
      Expiration: isoAt(session.expiresAt),
    },
    ...(sourceIdentity === undefined ? {} : { SourceIdentity: sourceIdentity }),
  };
}

/** Field names from the SDK model; `IdentityType` values other than `RAMUser` are guessed. */
function getCallerIdentity(ctx: ActionContext) {
  const c = ctx.caller;
  switch (c.kind) {
    case 'root':
      return {
        AccountId: c.accountId,
        Arn: `acs:ram::${c.accountId}:root`,
        IdentityType: 'Account',
        PrincipalId: c.accountId,
      };
    case 'user':
      return {
        AccountId: c.accountId,
        Arn: `acs:ram::${c.accountId}:user/${c.user.userName}`,
        IdentityType: 'RAMUser',
        PrincipalId: c.user.userId,
        UserId: c.user.userId,
      };
    case 'session':
      return {
        AccountId: c.accountId,
        Arn: sessionArn(c.accountId, c.role.roleName, c.session.sessionName),
        IdentityType: 'AssumedRoleUser',
        PrincipalId: `${c.role.roleId}:${c.session.sessionName}`,
        RoleId: c.role.roleId,
      };
  }
}

export const stsActions: ActionTable = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};
