import { ApiError } from './api-error';
import type { Caller } from './caller';
import { evaluatePolicy, type PolicyDecision, type PolicyDocument, parsePolicy } from './policy-document';
import type { RequestParams } from './request-params';
import type { EmulatorState } from './state';

/**
 * RAM authorization of one call, before the action runs. A root key may do everything; a RAM-user
 * key what its seeded policy allows (everything without one); a session what both its role's policy
 * and its session `Policy` allow (SDK-STS). Resources are checked only where a page documents the
 * action's ARN (README, "Permissions"); elsewhere a statement's `Resource` is not looked at.
 */
export interface AuthorizationRequest {
  state: EmulatorState;
  caller: Caller;
  params: RequestParams;
  /** `cloudsso`, `ram` (IMS and RAM) or `sts`. */
  ramCode: string;
  action: string;
}

/** Calls every identity may make (what the caller is), not subject to policies [guessed]. */
const UNCHECKED = new Set(['sts:GetCallerIdentity']);

type ResourceOf = (r: AuthorizationRequest) => string | undefined;

function directoryArn(r: AuthorizationRequest): string {
  const id = r.params.optional('DirectoryId') ?? '';
  const directory = r.state.directories.find((d) => d.directoryId === id);
  return `acs:cloudsso:${directory?.region ?? '*'}:${directory?.ownerPk ?? r.caller.accountId}:directory/${id}`;
}

const inDirectory =
  (path: (r: AuthorizationRequest) => string): ResourceOf =>
  (r) =>
    `${directoryArn(r)}/${path(r)}`;

const provisioningPath = (r: AuthorizationRequest) =>
  `user-provisioning/${r.params.optional('UserProvisioningId') || '*'}`;

/** The documented resource ARN of each action that has one. */
const RESOURCES: Readonly<Record<string, ResourceOf>> = {
  'cloudsso:ListUsers': inDirectory(() => 'user/*'),
  'cloudsso:ListGroupMembers': inDirectory((r) => `group/${r.params.optional('GroupId') ?? ''}`),
  'cloudsso:ListUserProvisioningEvents': inDirectory(provisioningPath),
  'cloudsso:GetUserProvisioning': inDirectory(provisioningPath),
  'cloudsso:GetUserProvisioningStatistics': inDirectory(provisioningPath),
  'cloudsso:ListDirectories': (r) => `acs:cloudsso:*:${r.caller.accountId}:directory/*`,
  'ram:GetRole': (r) => `acs:ram::${r.caller.accountId}:role/${r.params.optional('RoleName') ?? ''}`,
  'ram:GetOIDCProvider': (r) =>
    `acs:ram::${r.caller.accountId}:oidc-provider/${r.params.optional('OIDCProviderName') ?? ''}`,
  'sts:AssumeRole': (r) => r.params.optional('RoleArn'),
};

export function authorize(r: AuthorizationRequest): void {
  const action = `${r.ramCode}:${r.action}`;
  if (UNCHECKED.has(action) || r.caller.kind === 'root') return;
  const resource = RESOURCES[action]?.(r);
  const check = (document: string | PolicyDocument | undefined, policyType: string) => {
    if (document === undefined) return;
    const doc = typeof document === 'string' ? parsePolicy(document, 'permission') : document;
    const decision = evaluatePolicy(doc, action, resource);
    if (decision !== 'allow') throw denied(r.caller, action, decision, policyType);
  };
  if (r.caller.kind === 'user') {
    check(r.caller.user.policyDocument, 'AccountLevelIdentityBasedPolicy');
    return;
  }
  check(r.caller.role.policyDocument, 'AccountLevelIdentityBasedPolicy');
  check(r.caller.session.sessionPolicy, 'SessionPolicy');
}

/**
 * RAM's denial: `NoPermission`, 403 (RAM-ERR; the message is the one STS documents). The
 * `AccessDeniedDetail` keys are those of Alibaba Cloud SDK models; their values here are guessed.
 */
function denied(caller: Caller, action: string, decision: PolicyDecision, policyType: string): ApiError {
  const principal =
    caller.kind === 'session'
      ? { type: 'AssumedRoleUser', name: `${caller.role.roleName}:${caller.session.sessionName}` }
      : { type: 'SubUser', name: caller.kind === 'user' ? caller.user.userName : '' };
  return new ApiError(
    'NoPermission',
    403,
    'You are not authorized to do this action. You should be authorized by RAM.',
    {
      AccessDeniedDetail: {
        AuthAction: action,
        AuthPrincipalType: principal.type,
        AuthPrincipalDisplayName: principal.name,
        AuthPrincipalOwnerId: caller.accountId,
        NoPermissionType: decision === 'explicit-deny' ? 'ExplicitDeny' : 'ImplicitDeny',
        PolicyType: policyType,
      },
    },
  );
}
