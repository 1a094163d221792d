import memberReadPolicy from '../../templates/plan-member-read-policy.json';
import type { ApiBody, ApiCaller } from '../../handlers/clients/call-api';
import { splitClientIds } from '../../handlers/clients/ims';
import { CREDENTIALS_ACCOUNT } from '../compute';
import { type DirectoryView, known, notRead, type Read, StaticDirectoryView } from '../directory-view';
import type { StackSide } from '../model';
import { CUSTOM_CLIENT_ID, clientIdSpec, isProvisionType, provisionSpec } from '../specs';
import { allPages, type Callers, cloudSsoNext, markerNext, whyNotRead } from './callers';

/** The RD access role every member has (identity-effects.md §4.2); `--member-role` names a dedicated one. */
export const RD_ACCESS_ROLE = 'ResourceDirectoryAccountAccessRole';
const SESSION_NAME = 'ros-sso-plan';
/**
 * Sent as the session `Policy` of every AssumeRole: the token gets the intersection with the role's
 * permissions (SDK-STS), so even the admin RD access role yields a read-only session.
 */
const SESSION_POLICY = JSON.stringify(memberReadPolicy);

const items = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? (value as Array<Record<string, unknown>>) : [];
const str = (value: unknown) => (typeof value === 'string' ? value : '');

async function attempt<T>(read: () => Promise<T>): Promise<Read<T>> {
  try {
    return known(await read());
  } catch (err) {
    return notRead(whyNotRead(err));
  }
}

/** What the two stack sides need read: directories, groups, target accounts, OIDC providers. */
function needs(sides: readonly (StackSide | undefined)[]) {
  const directories = new Set<string>();
  const groups = new Set<string>();
  const accounts = new Set<string>();
  const providers = new Set<string>();
  for (const r of sides.flatMap((s) => s?.resources ?? [])) {
    if (isProvisionType(r.type)) {
      const spec = provisionSpec(r);
      if (!spec.ok) continue;
      directories.add(spec.spec.directoryId);
      accounts.add(spec.spec.targetId);
      if (spec.spec.principalType === 'Group')
        groups.add(`${spec.spec.directoryId}/${spec.spec.principalId}`);
    } else if (r.type === CUSTOM_CLIENT_ID) {
      const spec = clientIdSpec(r);
      if (spec.ok) providers.add(spec.spec.providerName);
    }
  }
  return { directories, groups, accounts, providers };
}

/**
 * Reads, with list and get calls only, what the plan of these stack sides needs (plan/README.md
 * "Live reads"), and answers it as a DirectoryView. Whatever fails is an unknown read with the
 * service's code; the plan says what that leaves open.
 */
export async function readLiveView(
  sides: readonly (StackSide | undefined)[],
  callers: Callers,
  memberRole: string,
): Promise<DirectoryView> {
  const view = new StaticDirectoryView();
  const want = needs(sides);
  for (const directoryId of want.directories) {
    view.provisioningReads.set(
      directoryId,
      await attempt(() => provisionings(callers.cloudsso, directoryId)),
    );
    view.userReads.set(directoryId, await attempt(() => directoryUsers(callers.cloudsso, directoryId)));
  }
  for (const key of want.groups) {
    const [directoryId, groupId] = key.split('/') as [string, string];
    view.groupReads.set(
      key,
      await attempt(async () => ({
        groupId,
        members: await groupMembers(callers.cloudsso, directoryId, groupId),
      })),
    );
  }
  for (const accountId of want.accounts)
    view.ramUserReads.set(accountId, await attempt(() => memberRamUsers(callers, accountId, memberRole)));
  if (want.providers.size > 0) {
    view.roleReads.set(CREDENTIALS_ACCOUNT, await attempt(() => roles(callers.ram)));
    for (const name of want.providers)
      view.providerReads.set(
        `${CREDENTIALS_ACCOUNT}/${name}`,
        await attempt(() => oidcProvider(callers.ims, name)),
      );
  }
  return view;
}

async function provisionings(cloudsso: ApiCaller, directoryId: string) {
  const pages = await allPages(
    (NextToken) =>
      cloudsso.call('ListUserProvisionings', { DirectoryId: directoryId, MaxResults: 100, NextToken }),
    cloudSsoNext,
  );
  return pages.flatMap((page) =>
    items(page.UserProvisionings).map((p) => ({
      userProvisioningId: str(p.UserProvisioningId),
      directoryId,
      principalType: str(p.PrincipalType),
      principalId: str(p.PrincipalId),
      targetId: str(p.TargetId),
      duplicationStrategy: str(p.DuplicationStrategy),
      deletionStrategy: str(p.DeletionStrategy),
    })),
  );
}

const userOf = (u: Record<string, unknown>) => ({ userId: str(u.UserId), userName: str(u.UserName) });

async function directoryUsers(cloudsso: ApiCaller, directoryId: string) {
  const pages = await allPages(
    (NextToken) => cloudsso.call('ListUsers', { DirectoryId: directoryId, MaxResults: 100, NextToken }),
    cloudSsoNext,
  );
  return pages.flatMap((page) => items(page.Users).map(userOf));
}

async function groupMembers(cloudsso: ApiCaller, directoryId: string, groupId: string) {
  const pages = await allPages(
    (NextToken) =>
      cloudsso.call('ListGroupMembers', {
        DirectoryId: directoryId,
        GroupId: groupId,
        MaxResults: 100,
        NextToken,
      }),
    cloudSsoNext,
  );
  return pages.flatMap((page) => items(page.GroupMembers).map(userOf));
}

/** IMS ListUsers inside the member, through AssumeRole; frozen users too (they hold their names). */
async function memberRamUsers(callers: Callers, accountId: string, memberRole: string) {
  const session = await callers.sts.call('AssumeRole', {
    RoleArn: `acs:ram::${accountId}:role/${memberRole}`,
    RoleSessionName: SESSION_NAME,
    DurationSeconds: 900,
    Policy: SESSION_POLICY,
  });
  const c = (session.Credentials ?? {}) as Record<string, unknown>;
  if (!str(c.AccessKeyId) || !str(c.AccessKeySecret) || !str(c.SecurityToken))
    throw new Error('STS.AssumeRole answered without Credentials');
  const { ims } = callers.as({
    accessKeyId: str(c.AccessKeyId),
    accessKeySecret: str(c.AccessKeySecret),
    securityToken: str(c.SecurityToken),
  });
  const pages = await allPages(
    (Marker) => ims.call('ListUsers', { Status: 'active,freeze', MaxItems: 1000, Marker }),
    markerNext,
  );
  // The list item has no UserName: it is UserPrincipalName before the `@` (SDK-IMS).
  const users = pages.flatMap((page: ApiBody) =>
    items((page.Users as { User?: unknown } | undefined)?.User).map((u) => ({
      userName: str(u.UserPrincipalName).split('@')[0] ?? '',
      provisionType: str(u.ProvisionType) || 'Manual',
    })),
  );
  return { users, ownershipKnown: false };
}

async function roles(ram: ApiCaller) {
  const pages = await allPages((Marker) => ram.call('ListRoles', { MaxItems: 1000, Marker }), markerNext);
  const names = pages.flatMap((page) =>
    items((page.Roles as { Role?: unknown } | undefined)?.Role).map((r) => str(r.RoleName)),
  );
  const out: Array<{ roleName: string; trustPolicy: string }> = [];
  // ListRoles has no trust policy: one GetRole per role (identity-effects.md §3.3).
  for (const roleName of names) {
    const body = await ram.call('GetRole', { RoleName: roleName });
    out.push({
      roleName,
      trustPolicy: str((body.Role as Record<string, unknown> | undefined)?.AssumeRolePolicyDocument),
    });
  }
  return out;
}

async function oidcProvider(ims: ApiCaller, name: string) {
  const body = await ims.call('GetOIDCProvider', { OIDCProviderName: name });
  const provider = (body.OIDCProvider ?? {}) as Record<string, unknown>;
  return { arn: str(provider.Arn), clientIds: splitClientIds(provider.ClientIds) };
}
