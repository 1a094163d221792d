import { type PolicyKind, PolicyGrammarError, parsePolicy } from './policy-document';
import {
  accountId,
  dict,
  list,
  optionalBoolean,
  optionalInteger,
  optionalOneOf,
  optionalString,
  SeedError,
  string,
  unique,
} from './seed-values';
import type { RamProvisionType, RamUserStatus } from './state';

/** A RAM policy in a seed: the JSON object itself, or its text. */
export type SeedPolicy = Record<string, unknown> | string;

/** An account as people write it; `ramUsers` entries may be a bare name. */
export interface SeedAccountInput {
  id: string;
  name?: string;
  ramUsers?: Array<
    | string
    | {
        name: string;
        displayName?: string;
        provisionType?: RamProvisionType;
        status?: RamUserStatus;
        /** Gives the user an AccessKey (README, "Keys"). */
        accessKey?: boolean;
        /** The user's permission policy; none = may call everything. */
        policy?: SeedPolicy;
      }
  >;
  roles?: Array<{
    name: string;
    description?: string;
    trustPolicy: SeedPolicy;
    policy?: SeedPolicy;
    maxSessionDuration?: number;
  }>;
  /** Members only: whether the Resource Directory access role exists (default true). */
  rdAccessRole?: boolean;
}

export interface SeedRamUser {
  name: string;
  displayName: string;
  provisionType: RamProvisionType;
  status: RamUserStatus;
  accessKey: boolean;
  /** JSON text. */
  policy?: string;
}

export interface SeedRole {
  name: string;
  description: string;
  /** JSON text. */
  trustPolicy: string;
  policy?: string;
  maxSessionDuration: number;
}

export interface SeedAccount {
  id: string;
  name: string;
  ramUsers: SeedRamUser[];
  roles: SeedRole[];
  rdAccessRole: boolean;
}

/** RAM user names: 1–64 letters, digits, `.`, `-`, `_`; role names: no `_` (SDK-RAM GetUser/GetRole). */
const RAM_USER_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const ROLE_NAME = /^[A-Za-z0-9.-]{1,64}$/;
const PROVISION_TYPES: readonly RamProvisionType[] = ['Manual', 'SCIM', 'CloudSSO'];
const STATUSES: readonly RamUserStatus[] = ['active', 'freeze'];

export function validateAccount(
  raw: unknown,
  at: string,
  defaults: { name?: string; member: boolean },
): SeedAccount {
  const account = dict(raw, at);
  const name = optionalString(account.name, `${at}.name`) ?? defaults.name;
  if (name === undefined) throw new SeedError(`${at}.name: expected a non-empty string`);
  const ramUsers = list(account.ramUsers, `${at}.ramUsers`).map((item, i) =>
    ramUser(item, `${at}.ramUsers[${i}]`),
  );
  unique(
    ramUsers.map((u) => u.name),
    `${at}.ramUsers`,
    'RAM user name',
  );
  const roles = list(account.roles, `${at}.roles`).map((item, i) => role(item, `${at}.roles[${i}]`));
  unique(
    roles.map((r) => r.name),
    `${at}.roles`,
    'role name',
  );
  const rdAccessRole = optionalBoolean(account.rdAccessRole, `${at}.rdAccessRole`);
  if (rdAccessRole !== undefined && !defaults.member)
    throw new SeedError(`${at}.rdAccessRole: only RD member accounts have the access role`);
  return {
    id: accountId(account.id, `${at}.id`),
    name,
    ramUsers,
    roles,
    rdAccessRole: rdAccessRole ?? defaults.member,
  };
}

function ramUser(item: unknown, at: string): SeedRamUser {
  if (typeof item === 'string') {
    return {
      name: ramUserName(item, at),
      displayName: item,
      provisionType: 'Manual',
      status: 'active',
      accessKey: false,
    };
  }
  const user = dict(item, at);
  const name = ramUserName(string(user.name, `${at}.name`), `${at}.name`);
  const policy = optionalPolicy(user.policy, `${at}.policy`, 'permission');
  return {
    name,
    displayName: optionalString(user.displayName, `${at}.displayName`) ?? name,
    provisionType: optionalOneOf(user.provisionType, `${at}.provisionType`, PROVISION_TYPES) ?? 'Manual',
    status: optionalOneOf(user.status, `${at}.status`, STATUSES) ?? 'active',
    accessKey: optionalBoolean(user.accessKey, `${at}.accessKey`) ?? false,
    ...(policy === undefined ? {} : { policy }),
  };
}

function ramUserName(name: string, at: string): string {
  if (!RAM_USER_NAME.test(name)) throw new SeedError(`${at}: a RAM user name is 1-64 letters, digits or ._-`);
  return name;
}

function role(item: unknown, at: string): SeedRole {
  const r = dict(item, at);
  const name = string(r.name, `${at}.name`);
  if (!ROLE_NAME.test(name)) throw new SeedError(`${at}.name: a role name is 1-64 letters, digits or .-`);
  const trustPolicy = optionalPolicy(r.trustPolicy, `${at}.trustPolicy`, 'trust');
  if (trustPolicy === undefined) throw new SeedError(`${at}.trustPolicy: a role needs a trust policy`);
  const policy = optionalPolicy(r.policy, `${at}.policy`, 'permission');
  return {
    name,
    description: optionalString(r.description, `${at}.description`) ?? '',
    trustPolicy,
    ...(policy === undefined ? {} : { policy }),
    maxSessionDuration:
      optionalInteger(r.maxSessionDuration, `${at}.maxSessionDuration`, 3600, 43200) ?? 3600,
  };
}

/** Checked with the grammar the emulator enforces, and kept as JSON text (what GetRole answers). */
function optionalPolicy(value: unknown, at: string, kind: PolicyKind): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && (typeof value !== 'object' || Array.isArray(value)))
    throw new SeedError(`${at}: expected a policy document (a mapping or its JSON text)`);
  try {
    parsePolicy(value, kind);
  } catch (err) {
    if (err instanceof PolicyGrammarError) throw new SeedError(`${at}: ${err.message}`);
    throw err;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
