import { load } from 'js-yaml';
import { INPUT_LIMITS } from '../../lint/input/limits';
import { describeReadProblem, readTextFile } from '../../lint/input/read-file';
import { type SeedAccount, type SeedAccountInput, validateAccount } from './seed-accounts';
import {
  dict,
  list,
  optionalOneOf,
  optionalString,
  SeedError,
  string,
  stringList,
  unique,
} from './seed-values';

export { SeedError } from './seed-values';
export type { SeedAccount } from './seed-accounts';

/** A seed as written by people (YAML/JSON file or object): everything is referred to by name. */
export interface SeedObject {
  managementAccount?: Omit<SeedAccountInput, 'rdAccessRole'>;
  /** RD member accounts. */
  accounts?: Array<SeedAccountInput & { name: string }>;
  directories?: Array<{
    id?: string;
    name: string;
    region?: string;
    users?: Array<
      string | { name: string; displayName?: string; email?: string; status?: 'Enabled' | 'Disabled' }
    >;
    groups?: Array<{ name: string; description?: string; members?: string[] }>;
  }>;
  /** `account` is an account name or ID; the management account when omitted. */
  oidcProviders?: Array<{
    account?: string;
    name: string;
    issuerUrl: string;
    clientIds?: string[];
    fingerprints?: string[];
    description?: string;
    issuanceLimitTime?: number;
  }>;
}

/** A path to a `.yaml`/`.yml`/`.json` file, or the object itself. */
export type SeedInput = string | SeedObject;

/** A validated seed with every default filled in. */
export interface SeedDocument {
  managementAccount: SeedAccount;
  accounts: SeedAccount[];
  directories: Array<{
    id?: string;
    name: string;
    region: string;
    users: Array<{ name: string; displayName: string; email: string; status: 'Enabled' | 'Disabled' }>;
    groups: Array<{ name: string; description: string; members: string[] }>;
  }>;
  oidcProviders: Array<{
    accountId: string;
    name: string;
    issuerUrl: string;
    clientIds: string[];
    fingerprints: string[];
    description: string;
    issuanceLimitTime: number;
  }>;
}

export const DEFAULT_SEED: SeedObject = {
  managementAccount: { id: '1000000000000000', name: 'management' },
  accounts: [
    { id: '1000000000000001', name: 'dev' },
    { id: '1000000000000002', name: 'prod', ramUsers: ['bob'] },
  ],
  directories: [
    {
      name: 'example-directory',
      region: 'cn-shanghai',
      users: ['alice', 'bob', 'carol'],
      groups: [{ name: 'engineers', members: ['alice', 'bob'] }],
    },
  ],
  oidcProviders: [
    {
      name: 'github',
      issuerUrl: 'https://token.actions.githubusercontent.com',
      clientIds: ['sts.aliyuncs.com'],
      fingerprints: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
      description: 'GitHub Actions',
    },
  ],
};

/** Reads (when given a path) and validates a seed; every problem is a `SeedError` naming its place. */
export function loadSeed(input: SeedInput | undefined): SeedDocument {
  if (input === undefined) return validateSeed(DEFAULT_SEED, 'default seed');
  if (typeof input === 'string') return validateSeed(readSeedFile(input), input);
  return validateSeed(input, 'seed');
}

function readSeedFile(path: string): unknown {
  // Only a regular file, within a size limit: a FIFO or /dev/zero is one line, not a hang or an abort.
  const read = readTextFile(path, INPUT_LIMITS.seed);
  if (!read.ok) {
    const { problem } = read;
    throw new SeedError(
      problem.kind === 'unreadable'
        ? `${path}: cannot read the seed file (${problem.code})`
        : `seed file ${describeReadProblem(path, problem)}`,
    );
  }
  if (!read.decoded.ok) throw new SeedError(`seed file ${path} is ${read.decoded.message}`);
  const text = read.decoded.text;
  try {
    return path.endsWith('.json') ? JSON.parse(text) : load(text);
  } catch (err) {
    // js-yaml appends a multi-line excerpt of the file; its first line already says where.
    const reason = (err as Error).message.split('\n')[0];
    throw new SeedError(`${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${reason}`);
  }
}

function validateSeed(raw: unknown, where: string): SeedDocument {
  const root = dict(raw, where);
  const mgmtRaw = root.managementAccount === undefined ? { id: '1000000000000000' } : root.managementAccount;
  const managementAccount = validateAccount(mgmtRaw, `${where}.managementAccount`, {
    name: 'management',
    member: false,
  });
  const accounts = list(root.accounts, `${where}.accounts`).map((item, i) =>
    validateAccount(item, `${where}.accounts[${i}]`, { member: true }),
  );
  unique(
    [managementAccount, ...accounts].map((a) => a.id),
    `${where}.accounts`,
    'account id',
  );
  unique(
    [managementAccount, ...accounts].map((a) => a.name),
    `${where}.accounts`,
    'account name',
  );

  const directories = list(root.directories, `${where}.directories`).map((item, i) =>
    validateDirectory(item, `${where}.directories[${i}]`),
  );
  if (directories.length === 0) throw new SeedError(`${where}.directories: at least one directory is needed`);

  const resolveAccount = (ref: string | undefined, at: string): string => {
    if (ref === undefined) return managementAccount.id;
    const found = [managementAccount, ...accounts].find((a) => a.id === ref || a.name === ref);
    if (found === undefined) throw new SeedError(`${at}: unknown account "${ref}"`);
    return found.id;
  };
  const oidcProviders = list(root.oidcProviders, `${where}.oidcProviders`).map((item, i) => {
    const at = `${where}.oidcProviders[${i}]`;
    const provider = dict(item, at);
    const issuanceLimitTime = provider.issuanceLimitTime ?? 12;
    if (typeof issuanceLimitTime !== 'number' || !Number.isInteger(issuanceLimitTime)) {
      throw new SeedError(`${at}.issuanceLimitTime: expected an integer number of hours`);
    }
    return {
      accountId: resolveAccount(optionalString(provider.account, `${at}.account`), `${at}.account`),
      name: string(provider.name, `${at}.name`),
      issuerUrl: string(provider.issuerUrl, `${at}.issuerUrl`),
      clientIds: stringList(provider.clientIds, `${at}.clientIds`),
      fingerprints: stringList(provider.fingerprints, `${at}.fingerprints`),
      description: optionalString(provider.description, `${at}.description`) ?? '',
      issuanceLimitTime,
    };
  });
  return { managementAccount, accounts, directories, oidcProviders };
}

function validateDirectory(raw: unknown, at: string): SeedDocument['directories'][number] {
  const directory = dict(raw, at);
  const id = optionalString(directory.id, `${at}.id`);
  if (id !== undefined && !/^d-[0-9a-z]+$/.test(id))
    throw new SeedError(`${at}.id: expected "d-" and lowercase hex`);
  const users = list(directory.users, `${at}.users`).map((item, i) => {
    const userAt = `${at}.users[${i}]`;
    if (typeof item === 'string')
      return { name: item, displayName: item, email: '', status: 'Enabled' as const };
    const user = dict(item, userAt);
    const name = string(user.name, `${userAt}.name`);
    return {
      name,
      displayName: optionalString(user.displayName, `${userAt}.displayName`) ?? name,
      email: optionalString(user.email, `${userAt}.email`) ?? '',
      status: optionalOneOf(user.status, `${userAt}.status`, ['Enabled', 'Disabled'] as const) ?? 'Enabled',
    };
  });
  unique(
    users.map((u) => u.name),
    `${at}.users`,
    'user name',
  );
  const groups = list(directory.groups, `${at}.groups`).map((item, i) => {
    const groupAt = `${at}.groups[${i}]`;
    const group = dict(item, groupAt);
    const members = stringList(group.members, `${groupAt}.members`);
    members.forEach((member, j) => {
      if (!users.some((u) => u.name === member)) {
        throw new SeedError(`${groupAt}.members[${j}]: unknown user "${member}"`);
      }
    });
    return {
      name: string(group.name, `${groupAt}.name`),
      description: optionalString(group.description, `${groupAt}.description`) ?? '',
      members,
    };
  });
  unique(
    groups.map((g) => g.name),
    `${at}.groups`,
    'group name',
  );
  return {
    ...(id === undefined ? {} : { id }),
    name: string(directory.name, `${at}.name`),
    region: optionalString(directory.region, `${at}.region`) ?? 'cn-shanghai',
    users,
    groups,
  };
}
